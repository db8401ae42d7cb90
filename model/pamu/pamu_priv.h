/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * pamu_priv.h - the PAMU instance and its fast-path cache (private to model/pamu).
 *
 * Source: docs/pamu-model.md (behaviour; section 9 for the fast path). The instance owns a register
 * file built from its own copy of pamu_reg_defs (capability reset values from cfg), its inputs (bypass,
 * erratum), its interrupt output levels, statistics and a direct-mapped cache of decoded primary
 * entries keyed by LIODN.
 */
#ifndef PAMU_PRIV_H
#define PAMU_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pamu.h"
#include "pamu_paace.h"
#include "pamu_regs.h"
#include "sim_reg.h"

#define pamu_likely(x) __builtin_expect(!!(x), 1)
#define pamu_unlikely(x) __builtin_expect(!!(x), 0)

/* 16 bytes as two 64-bit lanes (GCC vector extension; layout-compatible with __m128i on x86-64). */
typedef long long pamu_v16 __attribute__((vector_size(16)));

/* Fast-path cache: direct-mapped by LIODN. A power of two. */
#define PAMU_FAST_SLOTS 2048u

/*
 * One decoded primary entry (MW = 0, from a successful walk), 128 bytes. tag = generation << 16 | LIODN;
 * an entry whose generation is not the instance's current one is empty, so invalidation is one
 * increment. A hit is valid only while the 32 decoded bytes at host still equal snap (checked on every
 * hit, docs/pamu-model.md 9).
 */
struct pamu_fast_entry {
	uint64_t tag;
	const uint8_t *host;		/* DMI pointer to the PAACE in simulated memory */
	pamu_v16 snap[2];		/* words 0-7 as they were when decoded */
	uint64_t base;			/* window base B */
	uint64_t mask;			/* window size - 1 */
	uint64_t delta;			/* output address = input + delta (mod 2^64) */
	const uint8_t *op_row;		/* by inbound code: 0x80 | identity code, 0 if refused */
	const uint8_t *ome;		/* OTM 2: DMI pointer to the OME, its MOE read on every hit */
	uint8_t otm;
	uint8_t ioea, moea, ioeb, moeb;	/* OTM 1 */
	uint64_t attr_img;		/* result bytes out_op..to_io (+ padding), out_op lane zero */
} __attribute__((aligned(128)));

/*
 * The fast path writes the result's attribute bytes (out_op, stash_id, snoop_id, did, pid, coherent,
 * to_io) as one 8-byte image; the public struct keeps them adjacent with room for 8 bytes.
 */
_Static_assert(offsetof(struct pamu_result, stash_id) == offsetof(struct pamu_result, out_op) + 1 &&
	       offsetof(struct pamu_result, to_io) == offsetof(struct pamu_result, out_op) + 6 &&
	       offsetof(struct pamu_result, subwindow) >= offsetof(struct pamu_result, out_op) + 8,
	       "pamu_result attribute bytes layout");
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define PAMU_OUT_OP_LANE(b) ((uint64_t)(b))
#else
#define PAMU_OUT_OP_LANE(b) ((uint64_t)(b) << 56)
#endif

struct pamu {
	/* Fast path first: an entry's address is then the instance's plus index * 128. */
	struct pamu_fast_entry fast[PAMU_FAST_SLOTS];
	uint64_t gen_tag;		/* current generation << 16; bumped by every invalidation */
	bool fast_ok;			/* fills allowed: DMI, not slow-forced, no trace, no bypass */
	struct pamu_stats stats;	/* .translations is kept in slow_translations + fast_hits */
	uint64_t slow_translations;

	struct pamu_cfg cfg;
	char name[32];
	struct sim_reg_def defs[PAMU_REG_COUNT];
	struct sim_regfile rf;
	bool bypass;
	bool erratum;
	bool slow_forced;
	bool irq[PAMU_IRQ_COUNT];
};

/* Drop every fast-path entry (register write, input change, reset). */
static inline void pamu_fast_invalidate(struct pamu *p)
{
	p->gen_tag += 1ull << 16;
}

void pamu_fast_update_ok(struct pamu *p);
/* Re-evaluate the interrupt outputs and report changes through cfg.irq_changed. */
void pamu_irq_update(struct pamu *p);

#endif /* PAMU_PRIV_H */
