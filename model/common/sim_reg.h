/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * sim_reg.h - declare each register and field once; access rules as data; one generic read/write path.
 *
 * Modelled on the idea of QEMU's registerfields.h / hw/register.h (REG32/FIELD, access rules as table
 * rows, side effects in hooks), written afresh in C11 for pamusim. A block declares its registers in an
 * X-macro list (see model/pamu/pamu_regs.h) that expands into an index enum, offset constants and a
 * table of struct sim_reg_def; fields are declared with SIM_FIELD and used with SIM_FEX32/SIM_FDP32.
 *
 * Rules the generic path enforces (docs/registers.md):
 *  - every register is 32 bits wide and is accessed 4 bytes at a 4-byte aligned offset; any other size
 *    or alignment is register-misuse: a read returns 0, a write is dropped;
 *  - an offset with no register is register-misuse (read 0, write dropped);
 *  - a register whose ro mask is all ones is read-only: any write is register-misuse and is dropped;
 *  - ro bits inside a writable register keep their value silently (status fields that software
 *    writes back, like AVS1's LIODN, are not misuse);
 *  - reserved bits read as 0; writing a 1 to one is register-misuse, the other bits still take effect;
 *  - w1c bits clear where a 1 is written; cor bits clear after a read has returned them.
 */
#ifndef SIM_REG_H
#define SIM_REG_H

#include <stdbool.h>
#include <stdint.h>

#include "sim_event.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SIM_REG_RO_ALL 0xffffffffu

struct sim_reg_def {
	const char *name;
	uint32_t offset;
	uint32_t reset;
	uint32_t ro;	/* bits the guest cannot change; SIM_REG_RO_ALL: read-only register */
	uint32_t w1c;	/* write-1-to-clear bits */
	uint32_t rsvd;	/* reserved bits: read as zero, writing a one is misuse */
	uint32_t cor;	/* clear-on-read bits */
};

/* Side effects of a block, keyed by register index (the X-macro enum). Both hooks are optional. */
struct sim_regfile_ops {
	/* Called before a guest read returns; may replace *val with a live value. */
	void (*read)(void *opaque, unsigned int idx, uint32_t *val);
	/* Called after the generic rules stored the new value. written = the raw value the guest wrote. */
	void (*post_write)(void *opaque, unsigned int idx, uint32_t old_val, uint32_t new_val, uint32_t written);
};

struct sim_regfile_cfg {
	const char *block;		/* instance name used in events, e.g. "pamu0" */
	const struct sim_reg_def *defs;
	unsigned int count;
	uint32_t span;			/* bytes the block decodes (offsets 0 .. span-1) */
	const struct sim_regfile_ops *ops;
	void *opaque;
	struct sim_event_sink sink;
};

/* Embedded by each block model; fields are private to sim_reg.c except through the helpers below. */
struct sim_regfile {
	struct sim_regfile_cfg cfg;
	uint32_t *val;			/* current values, by register index */
	int16_t *index;			/* span/4 slots: register index at that word, or -1 */
	uint64_t misuse_count;
};

enum sim_reg_status {
	SIM_REG_OK = 0,
	SIM_REG_BAD_CFG,		/* overlapping, unaligned or out-of-span definitions (our bug) */
	SIM_REG_NO_MEMORY,
};

enum sim_reg_status sim_regfile_init(struct sim_regfile *rf, const struct sim_regfile_cfg *cfg);
void sim_regfile_destroy(struct sim_regfile *rf);
/* Every register to its reset value. No hooks run. */
void sim_regfile_reset(struct sim_regfile *rf);

/* Guest (driver or scenario) accesses: the rules above, misuse recorded as events. */
uint32_t sim_regfile_read(struct sim_regfile *rf, uint32_t offset, unsigned int size);
void sim_regfile_write(struct sim_regfile *rf, uint32_t offset, unsigned int size, uint32_t value);

/* Register index at an offset, or -1. */
int sim_regfile_lookup(const struct sim_regfile *rf, uint32_t offset);

/* Hardware-side access by the owning model: no rules, no events, no hooks. */
static inline uint32_t sim_reg_get(const struct sim_regfile *rf, unsigned int idx)
{
	return rf->val[idx];
}

static inline void sim_reg_set(struct sim_regfile *rf, unsigned int idx, uint32_t v)
{
	rf->val[idx] = v & ~rf->cfg.defs[idx].rsvd;
}

/* Fields: SIM_FIELD(PC, PE, 30, 1) declares PC_PE_SHIFT / PC_PE_LEN; use SIM_FMASK(PC, PE),
 * SIM_FEX32(v, PC, PE) to extract and SIM_FDP32(v, PC, PE, x) to deposit. */
#ifdef __cplusplus
#define SIM_STATIC_ASSERT static_assert
#else
#define SIM_STATIC_ASSERT _Static_assert
#endif
#define SIM_FIELD(reg, fld, shift, len)                                                         \
	enum { reg##_##fld##_SHIFT = (shift), reg##_##fld##_LEN = (len) };                       \
	SIM_STATIC_ASSERT((shift) >= 0 && (len) > 0 && (shift) + (len) <= 32, #reg "." #fld " width")

#define SIM_MASK32(shift, len) ((uint32_t)((((uint64_t)1 << (len)) - 1) << (shift)))
#define SIM_FMASK(reg, fld) SIM_MASK32(reg##_##fld##_SHIFT, reg##_##fld##_LEN)
#define SIM_FEX32(v, reg, fld) (((uint32_t)(v) & SIM_FMASK(reg, fld)) >> reg##_##fld##_SHIFT)
#define SIM_FDP32(v, reg, fld, x)                                                               \
	(((uint32_t)(v) & ~SIM_FMASK(reg, fld)) |                                                \
	 (((uint32_t)(x) << reg##_##fld##_SHIFT) & SIM_FMASK(reg, fld)))

#ifdef __cplusplus
}
#endif

#endif /* SIM_REG_H */
