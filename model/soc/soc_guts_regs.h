/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * soc_guts_regs.h - the GUTS registers pamusim models, declared once (private to soc_guts.c).
 *
 * Offsets: hw-facts.md 13 (PVR, SVR, RSTCR, PAMUBYPENR) and 10 / liodn-tables.md 1.2 (LIODN registers).
 * LIODN registers hold one 12-bit LIODN in bits 11:0, or two as (first << 16) | second (liodn-tables.md
 * 1.2), so bits 27:16 and 11:0 are writable and the rest reserved (implementation choice, docs/soc.md).
 * PAMUBYPENR's reset value is per instance (implemented bits set), patched in at create time.
 */
#ifndef SOC_GUTS_REGS_H
#define SOC_GUTS_REGS_H

#include "sim_reg.h"

#define GUTS_LIODN_RSVD 0xf000f000u

/* columns: name, offset, reset, ro, w1c, rsvd, cor */
#define GUTS_REG_LIST(X)                                                               \
	X(PVR, 0x0a0, 0, SIM_REG_RO_ALL, 0, 0, 0)                                      \
	X(SVR, 0x0a4, 0, SIM_REG_RO_ALL, 0, 0, 0)                                      \
	X(RSTCR, 0x0b0, 0, 0, 0, 0, 0)                                                 \
	X(PEX1LIODNR, 0x500, 0, 0, 0, GUTS_LIODN_RSVD, 0)                              \
	X(PEX2LIODNR, 0x504, 0, 0, 0, GUTS_LIODN_RSVD, 0)                              \
	X(PEX3LIODNR, 0x508, 0, 0, 0, GUTS_LIODN_RSVD, 0)                              \
	X(PEX4LIODNR, 0x50c, 0, 0, 0, GUTS_LIODN_RSVD, 0)                              \
	X(RIO1LIODNR, 0x510, 0, 0, 0, GUTS_LIODN_RSVD, 0)                              \
	X(RIO2LIODNR, 0x514, 0, 0, 0, GUTS_LIODN_RSVD, 0)                              \
	X(USB1LIODNR, 0x520, 0, 0, 0, GUTS_LIODN_RSVD, 0)                              \
	X(USB2LIODNR, 0x524, 0, 0, 0, GUTS_LIODN_RSVD, 0)                              \
	X(SDMMC1LIODNR, 0x530, 0, 0, 0, GUTS_LIODN_RSVD, 0)                            \
	X(RIO1MAINTLIODNR, 0x540, 0, 0, 0, GUTS_LIODN_RSVD, 0)                         \
	X(RIO2MAINTLIODNR, 0x544, 0, 0, 0, GUTS_LIODN_RSVD, 0)                         \
	X(SATA1LIODNR, 0x550, 0, 0, 0, GUTS_LIODN_RSVD, 0)                             \
	X(SATA2LIODNR, 0x554, 0, 0, 0, GUTS_LIODN_RSVD, 0)                             \
	X(TDMLIODNR, 0x574, 0, 0, 0, GUTS_LIODN_RSVD, 0)                               \
	X(QELIODNR, 0x578, 0, 0, 0, GUTS_LIODN_RSVD, 0)                                \
	X(DMA1LIODNR, 0x580, 0, 0, 0, GUTS_LIODN_RSVD, 0)                              \
	X(DMA2LIODNR, 0x584, 0, 0, 0, GUTS_LIODN_RSVD, 0)                              \
	X(DMA3LIODNR, 0x588, 0, 0, 0, GUTS_LIODN_RSVD, 0)                              \
	X(PAMUBYPENR, 0x604, 0, 0, 0, 0, 0)

enum guts_reg {
#define X(name, off, reset, ro, w1c, rsvd, cor) GUTS_R_##name,
	GUTS_REG_LIST(X)
#undef X
	GUTS_R_COUNT
};

enum guts_reg_offset {
#define X(name, off, reset, ro, w1c, rsvd, cor) GUTS_A_##name = (off),
	GUTS_REG_LIST(X)
#undef X
};

#endif /* SOC_GUTS_REGS_H */
