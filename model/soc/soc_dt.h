/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * soc_dt.h - reading a flattened device tree for the SoC builder (private to model/soc): validation,
 * one bounded walk that records every node with its translated address, interrupt parent and
 * compatible list, address translation through `ranges`, 4-cell MPIC interrupt specifiers, and error
 * messages in the form DESIGN.md asks for: `file: /node/path: property: what was expected`.
 *
 * Sources: Devicetree Specification v0.4, sections 2.3.5 (#address-cells / #size-cells, defaults 2 and
 * 1), 2.3.8 (ranges: child address, parent address, length; empty = identity), 2.4 (interrupt-parent,
 * inherited from the nearest ancestor), 5 (the flattened format: header, memory reservation, structure
 * and strings blocks); the Freescale MPIC binding's 4-cell specifier <source sense type info> (type 0
 * normal, 1 error interrupt with the sub-source in cell 3), hw-facts.md 9 and 12.3; libfdt.h.
 */
#ifndef SOC_DT_H
#define SOC_DT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "soc_preset.h"

#define SOC_DT_MAX_DEPTH 32		/* nesting accepted (kernel trees use 5) */
#define SOC_DT_MAX_NODES 65536		/* nodes accepted (kernel trees have at most a few hundred) */
#define SOC_DT_MPIC_CELLS 4		/* #interrupt-cells of the Freescale MPIC */

/* What the walk learnt about one node. Pointers point into the tree they were read from. */
struct soc_dt_node {
	int off;			/* structure-block offset */
	int depth;			/* 0 = root */
	int parent;			/* index of the parent in the node array, -1 for the root */
	uint32_t iparent;		/* effective interrupt-parent phandle (own or inherited), 0 = none */
	uint32_t phandle;		/* own phandle, 0 = none */
	const char *compat;		/* compatible string list, NULL if none */
	int compat_len;
	bool has_addr;			/* reg[0] translated to a physical address */
	uint64_t addr, size;		/* reg[0], translated */
	bool has_cell_index;
	uint32_t cell_index;
};

struct soc_dt {
	const void *fdt;
	const char *file;		/* for messages */
	struct soc_error *err;		/* may be NULL */
	struct soc_dt_node *nodes;
	unsigned int count, cap;
};

/* Check the blob (header, block layout, libfdt's full structure check) and walk it once. false: err
 * says why. The tree must stay unchanged and alive while dt is used. */
bool soc_dt_open(struct soc_dt *dt, const void *blob, size_t size, const char *file, struct soc_error *err);
void soc_dt_close(struct soc_dt *dt);

/* Index of the node at a structure offset, or -1. */
int soc_dt_index(const struct soc_dt *dt, int off);
/* First node (in tree order, from index start) with that compatible string, or -1. */
int soc_dt_find_compat(const struct soc_dt *dt, int start, const char *compat);
bool soc_dt_is_compat(const struct soc_dt *dt, int idx, const char *compat);
/* status = "disabled" (or anything but "okay"/"ok"); absent means enabled. */
bool soc_dt_disabled(const struct soc_dt *dt, int idx);
/* First compatible string (empty string if none). */
const char *soc_dt_first_compat(const struct soc_dt *dt, int idx);

/* Format an error about node idx (or the root when idx < 0): "file: /path: prop: message". Always
 * returns false so callers can `return soc_dt_fail(...)`. */
bool soc_dt_fail(const struct soc_dt *dt, int idx, const char *prop, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Path of node idx into buf ("/" for the root); false if it does not fit. */
bool soc_dt_path(const struct soc_dt *dt, int idx, char *buf, size_t len);

/* reg entry i of node idx, translated to a physical address. report: explain a failure in err
 * (wrong #address-cells, reg length, a missing or non-covering ranges...). */
bool soc_dt_reg(const struct soc_dt *dt, int idx, unsigned int i, uint64_t *addr, uint64_t *size, bool report);
/* Number of reg entries (0 if none or malformed; report explains malformed). */
unsigned int soc_dt_reg_count(const struct soc_dt *dt, int idx, bool report);

/* One-cell property (exactly 4 bytes). false if absent or of another length (report explains). */
bool soc_dt_u32(const struct soc_dt *dt, int idx, const char *prop, uint32_t *val, bool report);

/* Index of the node a phandle names, or -1. */
int soc_dt_by_phandle(const struct soc_dt *dt, uint32_t phandle);

/* Interrupt specifiers of node idx, which must have parent `ctrl` (a node index) with 4 interrupt
 * cells. Returns the number of specifiers, or -1 after reporting the problem. */
int soc_dt_irq_count(const struct soc_dt *dt, int idx, int ctrl, const char *prop);
/* Specifier i (host-order cells); the caller checked i < soc_dt_irq_count(). */
void soc_dt_irq(const struct soc_dt *dt, int idx, const char *prop, unsigned int i, uint32_t cell[4]);

#endif /* SOC_DT_H */
