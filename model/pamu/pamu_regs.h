/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * pamu_regs.h - the PAMU register block, each register and field declared once (private to model/pamu
 * and its unit tests).
 *
 * Source of facts: ../shared/spec/hw-facts.md 2 (offsets, driver use, PC/PICS bits), 9 (AVS1 fields);
 * access rules and reset values: docs/pamu-model.md 1; POES1 layout and AVS2 layout are implementation
 * choices of docs/pamu-model.md 5 and 8. One X-macro list expands into the index enum (PAMU_IDX_*), the
 * offset constants (PAMU_OFF_*) and the struct sim_reg_def table (pamu_reg_defs, pamu.c).
 */
#ifndef PAMU_REGS_H
#define PAMU_REGS_H

#include <stdint.h>

#include "sim_reg.h"

/* Reserved bits of the table base/limit registers: 36-bit physical addresses, 64-byte granule. */
#define PAMU_RSVD_ADDR_HI 0xfffffff0u
#define PAMU_RSVD_ADDR_LO 0x0000003fu

/*
 * X(name, offset, reset, ro, w1c, rsvd, cor), the columns of docs/registers.md. Reset values are 0
 * except the capability/revision registers, whose reset value is the SoC's (struct pamu_caps), patched
 * into each instance's copy of the table.
 */
#define PAMU_REG_LIST(X)                                                                        \
	X(PPBAH, 0x000, 0, 0, 0, PAMU_RSVD_ADDR_HI, 0)                                          \
	X(PPBAL, 0x004, 0, 0, 0, PAMU_RSVD_ADDR_LO, 0)                                          \
	X(PPLAH, 0x008, 0, 0, 0, PAMU_RSVD_ADDR_HI, 0)                                          \
	X(PPLAL, 0x00c, 0, 0, 0, PAMU_RSVD_ADDR_LO, 0)                                          \
	X(SPBAH, 0x010, 0, 0, 0, PAMU_RSVD_ADDR_HI, 0)                                          \
	X(SPBAL, 0x014, 0, 0, 0, PAMU_RSVD_ADDR_LO, 0)                                          \
	X(SPLAH, 0x018, 0, 0, 0, PAMU_RSVD_ADDR_HI, 0)                                          \
	X(SPLAL, 0x01c, 0, 0, 0, PAMU_RSVD_ADDR_LO, 0)                                          \
	X(OBAH, 0x020, 0, 0, 0, PAMU_RSVD_ADDR_HI, 0)                                           \
	X(OBAL, 0x024, 0, 0, 0, PAMU_RSVD_ADDR_LO, 0)                                           \
	X(OLAH, 0x028, 0, 0, 0, PAMU_RSVD_ADDR_HI, 0)                                           \
	X(OLAL, 0x02c, 0, 0, 0, PAMU_RSVD_ADDR_LO, 0)                                           \
	X(POES1, 0x040, 0, 0xffff0000u, 0x0000000fu, 0x0000fff0u, 0)                            \
	X(POES2, 0x044, 0, SIM_REG_RO_ALL, 0, 0, 0)                                             \
	X(POEAH, 0x048, 0, SIM_REG_RO_ALL, 0, 0, 0)                                             \
	X(POEAL, 0x04c, 0, SIM_REG_RO_ALL, 0, 0, 0)                                             \
	X(AVS1, 0x050, 0, 0xffff0000u, 0x00007fffu, 0x00008000u, 0)                             \
	X(AVS2, 0x054, 0, SIM_REG_RO_ALL, 0, 0, 0)                                              \
	X(AVAH, 0x058, 0, SIM_REG_RO_ALL, 0, 0, 0)                                              \
	X(AVAL, 0x05c, 0, SIM_REG_RO_ALL, 0, 0, 0)                                              \
	X(EECTL, 0x060, 0, 0, 0, 0, 0)                                                          \
	X(EEDIS, 0x064, 0, 0, 0, 0, 0)                                                          \
	X(EEINTEN, 0x068, 0, 0, 0, 0, 0)                                                        \
	X(EEDET, 0x06c, 0, 0, 0xffffffffu, 0, 0)                                                \
	X(EEATTR, 0x070, 0, SIM_REG_RO_ALL, 0, 0, 0)                                            \
	X(EEAHI, 0x074, 0, SIM_REG_RO_ALL, 0, 0, 0)                                             \
	X(EEALO, 0x078, 0, SIM_REG_RO_ALL, 0, 0, 0)                                             \
	X(EEDHI, 0x07c, 0, SIM_REG_RO_ALL, 0, 0, 0)                                             \
	X(EEDLO, 0x080, 0, SIM_REG_RO_ALL, 0, 0, 0)                                             \
	X(EECC, 0x084, 0, SIM_REG_RO_ALL, 0, 0, 0)                                              \
	X(UDAD, 0x090, 0, SIM_REG_RO_ALL, 0, 0, 0)                                              \
	X(PR1, 0xbf8, 0, SIM_REG_RO_ALL, 0, 0, 0)                                               \
	X(PR2, 0xbfc, 0, SIM_REG_RO_ALL, 0, 0, 0)                                               \
	X(PC1, 0xc00, 0, SIM_REG_RO_ALL, 0, 0, 0)                                               \
	X(PC2, 0xc04, 0, SIM_REG_RO_ALL, 0, 0, 0)                                               \
	X(PC3, 0xc08, 0, SIM_REG_RO_ALL, 0, 0, 0)                                               \
	X(PC4, 0xc0c, 0, SIM_REG_RO_ALL, 0, 0, 0)                                               \
	X(PC, 0xc10, 0, 0, 0, 0x3fffefeeu, 0)                                                   \
	X(PFA1, 0xc14, 0, 0, 0, 0, 0)                                                           \
	X(PFA2, 0xc18, 0, 0, 0, 0, 0)                                                           \
	X(PICS, 0xc1c, 0, 0, 0x00000008u, 0xfffffff3u, 0)                                       \
	X(PD1, 0xf00, 0, SIM_REG_RO_ALL, 0, 0, 0)                                               \
	X(PD2, 0xf04, 0, SIM_REG_RO_ALL, 0, 0, 0)                                               \
	X(PD3, 0xf08, 0, SIM_REG_RO_ALL, 0, 0, 0)                                               \
	X(PD4, 0xf0c, 0, SIM_REG_RO_ALL, 0, 0, 0)

enum pamu_reg_idx {
#define PAMU_REG_IDX_(name, off, reset, ro, w1c, rsvd, cor) PAMU_IDX_##name,
	PAMU_REG_LIST(PAMU_REG_IDX_)
#undef PAMU_REG_IDX_
	PAMU_REG_COUNT
};

enum pamu_reg_off {
#define PAMU_REG_OFF_(name, off, reset, ro, w1c, rsvd, cor) PAMU_OFF_##name = (off),
	PAMU_REG_LIST(PAMU_REG_OFF_)
#undef PAMU_REG_OFF_
};

/* The class table (reset values 0 for the capability registers; each instance patches a copy). */
extern const struct sim_reg_def pamu_reg_defs[PAMU_REG_COUNT];

/* PC: control (hw-facts.md 2). */
SIM_FIELD(PAMU_PC, PGC, 31, 1);		/* gate closed */
SIM_FIELD(PAMU_PC, PE, 30, 1);		/* enable */
SIM_FIELD(PAMU_PC, OCE, 12, 1);		/* OMT cache enable */
SIM_FIELD(PAMU_PC, SPCC, 4, 1);		/* SPAACE cache enable */
SIM_FIELD(PAMU_PC, PPCC, 0, 1);		/* PPAACE cache enable */

/* PICS: interrupt control and status (hw-facts.md 2). */
SIM_FIELD(PAMU_PICS, AVS, 3, 1);	/* access violation status, write-1-to-clear */
SIM_FIELD(PAMU_PICS, AVIE, 2, 1);	/* access violation interrupt enable */

/* AVS1: access violation status 1 (hw-facts.md 9). */
SIM_FIELD(PAMU_AVS1, AV, 0, 1);
SIM_FIELD(PAMU_AVS1, OTV, 1, 2);
SIM_FIELD(PAMU_AVS1, APV, 3, 4);
SIM_FIELD(PAMU_AVS1, WAV, 7, 3);
SIM_FIELD(PAMU_AVS1, LAV, 10, 3);
SIM_FIELD(PAMU_AVS1, GCV, 13, 1);
SIM_FIELD(PAMU_AVS1, PDV, 14, 1);
SIM_FIELD(PAMU_AVS1, LIODN, 16, 16);

/* AVS2 (implementation choice, docs/pamu-model.md 5): inbound op code, transaction size. */
SIM_FIELD(PAMU_AVS2, OP, 0, 8);
SIM_FIELD(PAMU_AVS2, SIZE, 8, 24);

/* POES1 (implementation choice, docs/pamu-model.md 8): valid, table, LIODN. */
SIM_FIELD(PAMU_POES1, V, 0, 1);
SIM_FIELD(PAMU_POES1, TABLE, 1, 2);
SIM_FIELD(PAMU_POES1, LIODN, 16, 16);

/* Capability / revision fields (hw-facts.md 2). */
SIM_FIELD(PAMU_PR1, VERSION, 0, 16);
SIM_FIELD(PAMU_PC2, MLIODN, 16, 16);
SIM_FIELD(PAMU_PC3, MWCE, 21, 4);

/* Values of AVS1 fields (docs/pamu-model.md 5; LAV 1 is the driver's own value, the rest are choices). */
enum pamu_avs1_val {
	PAMU_OTV_MOE_INVALID = 1,
	PAMU_OTV_OMI_RANGE = 2,
	PAMU_OTV_OP_UNDEFINED = 3,
	PAMU_WAV_OUTSIDE = 1,
	PAMU_WAV_CROSS = 2,
	PAMU_WAV_SPAACE_INVALID = 3,
	PAMU_WAV_SUB_CROSS = 4,
	PAMU_WAV_SUB_SIZE = 5,
	PAMU_WAV_SPAACE_RANGE = 6,
	PAMU_WAV_SPAACE_OWNER = 7,
	PAMU_LAV_RANGE = 1,
	PAMU_LAV_INVALID = 2,
	PAMU_LAV_TYPE = 3,
};

/* POES1.TABLE values. */
enum pamu_table_id {
	PAMU_TABLE_PPAACT = 1,
	PAMU_TABLE_SPAACT = 2,
	PAMU_TABLE_OMT = 3,
};

#endif /* PAMU_REGS_H */
