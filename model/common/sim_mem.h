/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * sim_mem.h - how a model reaches memory: through callbacks of the bus, never through host pointers
 * it found on its own.
 *
 * Source: ../shared/DESIGN.md ("Models read tables through a memory-read callback of the bus").
 * The optional dmi() callback is the one sanctioned shortcut (as TLM-2.0 direct memory interface):
 * the bus itself says "this range is plain memory at this host pointer", so a fast path can look at
 * table bytes without a callback per access. A model must keep working when dmi is NULL.
 */
#ifndef SIM_MEM_H
#define SIM_MEM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Who issues a bus transaction. MMIO models may care (e.g. byte lanes of a PCI write vs a CPU store). */
enum sim_initiator_kind {
	SIM_INITIATOR_CPU,	/* a core's load/store (the kernel stubs' in_be32/out_be32 seam) */
	SIM_INITIATOR_DEVICE,	/* a DMA master, after PAMU translation */
	SIM_INITIATOR_MODEL,	/* a model's own access, e.g. a PAMU table walk */
};

struct sim_txn_attrs {
	enum sim_initiator_kind initiator;
	uint16_t liodn;		/* meaningful for SIM_INITIATOR_DEVICE */
};

struct sim_mem_if {
	void *ctx;
	/* Copy len bytes at physical address addr into buf. False: some byte is not decoded (buf is
	 * then filled with 0xff, as a bus error reads). */
	bool (*read)(void *ctx, uint64_t addr, void *buf, size_t len, const struct sim_txn_attrs *attrs);
	bool (*write)(void *ctx, uint64_t addr, const void *buf, size_t len, const struct sim_txn_attrs *attrs);
	/* Optional. Host pointer to [addr, addr + len) when that whole range is plain memory, else NULL. */
	void *(*dmi)(void *ctx, uint64_t addr, size_t len);
};

#ifdef __cplusplus
}
#endif

#endif /* SIM_MEM_H */
