// SPDX-License-Identifier: BSD-2-Clause
/*
 * soc_fixup.c - what boot firmware does before the kernel runs, applied to the SoC's registers and to a
 * copy of the device tree: the LIODN table (fsl,liodn on each matched node, the GUTS or PCIe LIODN
 * register), cache-stash-id on the cpu, L2 and L3 nodes, and the p4080 variant's MSI alias policy; then
 * the list of DMA-capable devices (every node with fsl,liodn).
 *
 * Sources: ../shared/spec/liodn-tables.md 1.2-1.5 (row kinds, register encoding (first << 16) |
 * second, DT property of one or two big-endian cells, matching by compatible + translated reg address
 * or by cell-index), hw-facts.md 10 (12-bit LIODNs) and 11 (stash ids: cpu 2*reg + 32, per-core L2
 * 2*reg + 33, e6500 cluster L2 reg/4 + 33 written for threads reg % 8 == 0, CPC/L3), 12.4-12.5 (MSI
 * nodes without reg[1] make the driver use bank + 0x140); ../shared/spec/README.md (p4080 vs p4080-dt).
 * The copy stays a standard big-endian FDT. Choices: docs/soc.md.
 */
#include "soc_priv.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libfdt.h>

#define LIODN_MAX 0xfffu		/* fsl,liodn-bits = <12> */

/* One property write on the copy. Offsets are those of the original tree; fdt_open_into keeps them
 * and the edits are applied from the highest offset down, so no write moves a node still to come. */
struct edit {
	int off;
	unsigned int seq;
	const char *prop;
	const void *data;		/* a property of the original tree, or NULL: the cells in buf */
	int len;
	fdt32_t buf[2];
};

struct addr_ix {
	uint64_t addr;
	int idx;
};

struct fixup {
	struct soc *s;
	const struct soc_dt *dt;
	struct soc_error *err;
	struct edit *e;
	unsigned int count, cap;
	struct addr_ix *by_addr;	/* nodes with an address, sorted by (address, index) */
	unsigned int n_addr;
};

static enum soc_status pfail(struct fixup *f, const struct soc_fw_liodn *row, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static enum soc_status pfail(struct fixup *f, const struct soc_fw_liodn *row, const char *fmt, ...)
{
	char where[SOC_TEXT_LEN + 32];
	size_t cap = sizeof(f->err->msg);
	va_list ap;
	int n;

	if (!f->err)
		return SOC_BAD_PRESET;
	soc_preset_where(f->s, row, where, sizeof(where));
	n = snprintf(f->err->msg, cap, "%s: ", where);
	if (n >= 0 && (size_t)n < cap) {
		va_start(ap, fmt);
		vsnprintf(f->err->msg + n, cap - (size_t)n, fmt, ap);
		va_end(ap);
	}
	return SOC_BAD_PRESET;
}

static enum soc_status add_edit(struct fixup *f, int idx, const char *prop, const uint32_t *cells, int ncells,
				const void *raw, int rawlen)
{
	struct edit *e;
	int i;

	if (f->count == f->cap) {
		unsigned int cap = f->cap ? f->cap * 2 : 64;
		struct edit *n = realloc(f->e, cap * sizeof(*n));

		if (!n)
			return SOC_NO_MEMORY;
		f->e = n;
		f->cap = cap;
	}
	e = &f->e[f->count];
	memset(e, 0, sizeof(*e));
	e->off = f->dt->nodes[idx].off;
	e->seq = f->count++;
	e->prop = prop;
	if (raw) {
		e->data = raw;
		e->len = rawlen;
	} else {
		for (i = 0; i < ncells; i++)
			e->buf[i] = cpu_to_fdt32(cells[i]);
		e->len = 4 * ncells;	/* data stays NULL: edits move when the array grows and sorts */
	}
	return SOC_OK;
}

/* ------------------------------------------------------------- LIODN rows ---- */

static int cmp_by_addr(const void *a, const void *b)
{
	const struct addr_ix *x = a, *y = b;

	if (x->addr != y->addr)
		return x->addr < y->addr ? -1 : 1;
	return x->idx - y->idx;
}

static enum soc_status index_addresses(struct fixup *f)
{
	unsigned int i;

	f->by_addr = malloc((f->dt->count ? f->dt->count : 1) * sizeof(*f->by_addr));
	if (!f->by_addr)
		return SOC_NO_MEMORY;
	for (i = 0; i < f->dt->count; i++)
		if (f->dt->nodes[i].has_addr)
			f->by_addr[f->n_addr++] = (struct addr_ix){ .addr = f->dt->nodes[i].addr, .idx = (int)i };
	qsort(f->by_addr, f->n_addr, sizeof(*f->by_addr), cmp_by_addr);
	return SOC_OK;
}

/* First node in tree order with the compatible and reg[0] at addr. */
static int match_address(const struct fixup *f, const char *compat, uint64_t addr)
{
	unsigned int lo = 0, hi = f->n_addr;

	while (lo < hi) {
		unsigned int mid = lo + (hi - lo) / 2;

		if (f->by_addr[mid].addr < addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < f->n_addr && f->by_addr[lo].addr == addr; lo++)
		if (soc_dt_is_compat(f->dt, f->by_addr[lo].idx, compat))
			return f->by_addr[lo].idx;
	return -1;
}

/* First node in tree order with that cell-index which is compatible itself (QMan portals) or has a
 * compatible ancestor (SRIO port1/port2 under fsl,srio). */
static int match_cell_index(const struct fixup *f, const char *compat, uint32_t ci)
{
	unsigned int i;

	for (i = 0; i < f->dt->count; i++) {
		int a;

		if (!f->dt->nodes[i].has_cell_index || f->dt->nodes[i].cell_index != ci)
			continue;
		for (a = (int)i; a >= 0; a = f->dt->nodes[a].parent)
			if (soc_dt_is_compat(f->dt, a, compat))
				return (int)i;
	}
	return -1;
}

/* Firmware finds no node for a row when the board disabled the block and deleted its reg (oca4080's
 * PCIe controllers, kmcoge4's PCIe2): a node with the compatible, disabled, without an address. Such a
 * row sets no property and is no error (docs/soc.md). */
static bool disabled_unplaced(const struct fixup *f, const char *compat)
{
	unsigned int i;

	for (i = 0; i < f->dt->count; i++)
		if (soc_dt_is_compat(f->dt, (int)i, compat) && soc_dt_disabled(f->dt, (int)i) &&
		    !f->dt->nodes[i].has_addr)
			return true;
	return false;
}

/* The register a row names: a CCSR offset (0xE0520, 0x240040), or below 0xE00 a GUTS offset (0x520):
 * both spellings are accepted (docs/soc.md). Registers of blocks the SoC does not model (QMan, BMan,
 * SEC, FMan, PME...) are not written. */
static enum soc_status write_reg(struct fixup *f, const struct soc_fw_liodn *row, uint32_t value)
{
	struct soc *s = f->s;
	uint64_t abs;
	unsigned int i;

	if (!row->guts_reg)
		return SOC_OK;
	abs = row->guts_reg < SOC_GUTS_SIZE ? s->guts_base + row->guts_reg : s->ccsr_base + row->guts_reg;
	if (abs >= s->guts_base && abs < s->guts_base + SOC_GUTS_SIZE) {
		if (!soc_guts_set_liodn_reg(s->guts, (uint32_t)(abs - s->guts_base), value))
			return pfail(f, row, "guts_reg: expected a GUTS LIODN register taking 0x%x (12-bit LIODNs), "
				     "found offset 0x%" PRIx64 " of GUTS", value, abs - s->guts_base);
		return SOC_OK;
	}
	for (i = 0; i < s->pcie_count; i++) {
		if (abs < s->pcie_base[i] || abs >= s->pcie_base[i] + s->pcie_size[i])
			continue;
		if (abs - s->pcie_base[i] != SOC_PCIE_LIODN_BASE || !soc_pcie_set_liodn_base(s->pcie[i], value))
			return pfail(f, row, "guts_reg: expected the LIODN-base register (+0x%x) of PCIe controller %u "
				     "taking 0x%x (one 12-bit LIODN), found offset 0x%" PRIx64, SOC_PCIE_LIODN_BASE,
				     i, value, abs - s->pcie_base[i]);
		return SOC_OK;
	}
	return SOC_OK;
}

/* A row for a PCIe controller that names no GUTS register: the controller's own LIODN-base register
 * (SET_PCI_LIODN_BASE on P5040 and the T/B parts, liodn-tables.md 1.2 and 1.7). */
static enum soc_status pcie_liodn_base(struct fixup *f, const struct soc_fw_liodn *row, int idx, uint32_t value)
{
	struct soc *s = f->s;
	unsigned int i;

	if (!f->dt->nodes[idx].has_addr)
		return SOC_OK;
	for (i = 0; i < s->pcie_count; i++) {
		if (s->pcie_base[i] != f->dt->nodes[idx].addr)
			continue;
		if (!soc_pcie_set_liodn_base(s->pcie[i], value))
			return pfail(f, row, "liodn: expected one 12-bit LIODN for the LIODN-base register of PCIe "
				     "controller %u, found 0x%x", i, value);
		return SOC_OK;
	}
	return SOC_OK;
}

static enum soc_status apply_rows(struct fixup *f)
{
	struct soc *s = f->s;
	unsigned int i;

	for (i = 0; i < s->preset.liodn_count; i++) {
		const struct soc_fw_liodn *row = &s->preset.liodns[i];
		uint32_t value;
		enum soc_status st;
		int idx = -1;

		if (row->cells < 1 || row->cells > 2)
			return pfail(f, row, "cells: expected 1 or 2, found %u", row->cells);
		if (row->liodn[0] > LIODN_MAX || (row->cells == 2 && row->liodn[1] > LIODN_MAX))
			return pfail(f, row, "liodn: expected 12-bit LIODNs (at most %u), found %u and %u", LIODN_MAX,
				     row->liodn[0], row->cells == 2 ? row->liodn[1] : 0);
		if (memchr(row->compatible, '\0', sizeof(row->compatible)) == NULL)
			return pfail(f, row, "compatible: expected a string shorter than %d bytes", SOC_COMPAT_LEN);
		value = row->cells == 2 ? row->liodn[0] << 16 | row->liodn[1] : row->liodn[0];
		st = write_reg(f, row, value);
		if (st)
			return st;
		/* a row without a compatible is register-only (firmware skips it in the tree, too) */
		if (row->match == SOC_LIODN_REGISTER_ONLY || !row->compatible[0])
			continue;
		if (row->match == SOC_LIODN_BY_ADDRESS)
			idx = match_address(f, row->compatible, s->ccsr_base + row->ccsr_offset);
		else if (row->match == SOC_LIODN_BY_CELL_INDEX)
			idx = match_cell_index(f, row->compatible, row->cell_index);
		else
			return pfail(f, row, "match: expected by-address, by-cell-index or register-only, found %d",
				     (int)row->match);
		if (idx < 0 && disabled_unplaced(f, row->compatible)) {
			s->rows_skipped++;
			continue;
		}
		if (idx < 0) {
			if (row->match == SOC_LIODN_BY_ADDRESS)
				return pfail(f, row, "expected a node compatible with \"%s\" at CCSR offset 0x%" PRIx64
					     " (0x%" PRIx64 ") in %s, found none", row->compatible, row->ccsr_offset,
					     s->ccsr_base + row->ccsr_offset, s->dtb_name);
			return pfail(f, row, "expected a node with cell-index %u compatible with \"%s\" (or below such "
				     "a node) in %s, found none", row->cell_index, row->compatible, s->dtb_name);
		}
		st = add_edit(f, idx, "fsl,liodn", row->liodn, (int)row->cells, NULL, 0);
		if (st)
			return st;
		if (!row->guts_reg) {
			st = pcie_liodn_base(f, row, idx, value);
			if (st)
				return st;
		}
	}
	return SOC_OK;
}

/* ------------------------------------------------------------- stash ids ---- */

static int find_cpus(const struct soc_dt *dt)
{
	unsigned int i;

	for (i = 1; i < dt->count; i++) {
		int len;
		const char *name = fdt_get_name(dt->fdt, dt->nodes[i].off, &len);

		if (dt->nodes[i].depth == 1 && name && !strcmp(name, "cpus"))
			return (int)i;
	}
	return -1;
}

static bool ends_with(const char *s, const char *tail)
{
	size_t a = strlen(s), b = strlen(tail);

	return a >= b && !strcmp(s + a - b, tail);
}

static enum soc_status apply_stash(struct fixup *f)
{
	const struct soc_preset *p = &f->s->preset;
	const struct soc_dt *dt = f->dt;
	int cpus = find_cpus(dt);
	enum soc_status st;
	unsigned int i;

	for (i = cpus < 0 ? dt->count : (unsigned int)cpus + 1;
	     i < dt->count && dt->nodes[i].depth > dt->nodes[cpus].depth; i++) {
		const fdt32_t *reg;
		const char *type;
		uint32_t r, id, ph;
		int len, l2;

		if (dt->nodes[i].parent != cpus)
			continue;
		type = fdt_getprop(dt->fdt, dt->nodes[i].off, "device_type", &len);
		if (!type || len != 4 || memcmp(type, "cpu", 4))
			continue;
		reg = fdt_getprop(dt->fdt, dt->nodes[i].off, "reg", &len);
		if (!reg || len < 4)
			continue;	/* count_cpus() already refused this */
		r = fdt32_to_cpu(reg[0]);
		if (p->cpu_stash_base || p->cpu_stash_stride) {
			id = p->cpu_stash_base + p->cpu_stash_stride * r;
			st = add_edit(f, (int)i, "cache-stash-id", &id, 1, NULL, 0);
			if (st)
				return st;
		}
		if (p->l2_stash == SOC_L2_STASH_NONE || (p->l2_stash == SOC_L2_STASH_CLUSTER && r % 8))
			continue;
		if (!soc_dt_u32(dt, (int)i, "next-level-cache", &ph, true))
			return SOC_BAD_DTB;
		l2 = soc_dt_by_phandle(dt, ph);
		if (l2 < 0)
			return soc_dt_fail(dt, (int)i, "next-level-cache", "expected the phandle of the L2 cache node, "
					   "found 0x%x which names no node", ph), SOC_BAD_DTB;
		/* per-core L2: the core's L1 id + 1 (2 * reg + 33); cluster L2: reg / 4 + 33 (hw-facts.md 11) */
		id = p->l2_stash == SOC_L2_STASH_PER_CORE ? p->cpu_stash_base + p->cpu_stash_stride * r + 1
							  : p->cpu_stash_base + 1 + r / 4;
		st = add_edit(f, l2, "cache-stash-id", &id, 1, NULL, 0);
		if (st)
			return st;
	}
	if (!p->l3_stash_id)
		return SOC_OK;
	/* the CPC: every node with a compatible ending in -l3-cache-controller (docs/soc.md) */
	for (i = 0; i < dt->count; i++) {
		const struct soc_dt_node *n = &dt->nodes[i];
		int pos = 0;

		while (n->compat && pos < n->compat_len) {
			const char *c = n->compat + pos;

			if (ends_with(c, "-l3-cache-controller")) {
				st = add_edit(f, (int)i, "cache-stash-id", &p->l3_stash_id, 1, NULL, 0);
				if (st)
					return st;
				break;
			}
			pos += (int)strlen(c) + 1;
		}
	}
	return SOC_OK;
}

/* p4080 variant: every MSI node keeps only reg[0], the driver then targets bank + 0x140. */
static enum soc_status apply_msi_policy(struct fixup *f)
{
	const struct soc_dt *dt = f->dt;
	unsigned int i;

	if (f->s->preset.msi_alias_pages)
		return SOC_OK;
	for (i = 0; i < dt->count; i++) {
		const void *reg;
		unsigned int n;
		int len;

		if (!soc_dt_is_compat(dt, (int)i, "fsl,mpic-msi") && !soc_dt_is_compat(dt, (int)i, "fsl,mpic-msi-v4.3"))
			continue;
		n = soc_dt_reg_count(dt, (int)i, false);
		reg = fdt_getprop(dt->fdt, dt->nodes[i].off, "reg", &len);
		if (n < 2 || !reg)
			continue;
		if (add_edit(f, (int)i, "reg", NULL, 0, reg, len / (int)n))
			return SOC_NO_MEMORY;
	}
	return SOC_OK;
}

/* ------------------------------------------------------------ the copy ---- */

static int cmp_edit(const void *a, const void *b)
{
	const struct edit *x = a, *y = b;

	if (x->off != y->off)
		return x->off > y->off ? -1 : 1;	/* highest offset first */
	return x->seq < y->seq ? -1 : x->seq > y->seq;	/* then in the order made: later wins */
}

static enum soc_status write_copy(struct fixup *f)
{
	struct soc *s = f->s;
	size_t room = 1024;
	unsigned int i;
	int rc, size;

	for (i = 0; i < f->count; i++)
		room += 12 + (size_t)((f->e[i].len + 3) & ~3) + strlen(f->e[i].prop) + 1;
	if (room + fdt_totalsize(f->dt->fdt) > INT32_MAX)
		return soc_dt_fail(f->dt, -1, "header", "expected a tree below 2 GiB"), SOC_BAD_DTB;
	size = (int)(room + fdt_totalsize(f->dt->fdt));
	s->fdt = malloc((size_t)size);
	if (!s->fdt)
		return SOC_NO_MEMORY;
	rc = fdt_open_into(f->dt->fdt, s->fdt, size);
	if (rc)
		return soc_dt_fail(f->dt, -1, "header", "expected a tree libfdt can open for writing (libfdt: %s)",
				   fdt_strerror(rc)), SOC_BAD_DTB;
	qsort(f->e, f->count, sizeof(*f->e), cmp_edit);
	for (i = 0; i < f->count; i++) {
		rc = fdt_setprop(s->fdt, f->e[i].off, f->e[i].prop, f->e[i].data ? f->e[i].data : f->e[i].buf,
				 f->e[i].len);
		if (rc)
			return soc_dt_fail(f->dt, soc_dt_index(f->dt, f->e[i].off), f->e[i].prop,
					   "expected the firmware fix-up to apply (libfdt: %s)", fdt_strerror(rc)),
			       SOC_BAD_DTB;
	}
	rc = fdt_pack(s->fdt);
	if (rc)
		return soc_dt_fail(f->dt, -1, "header", "expected the fixed-up tree to pack (libfdt: %s)",
				   fdt_strerror(rc)), SOC_BAD_DTB;
	s->fdt_size = fdt_totalsize(s->fdt);
	return SOC_OK;
}

/* ------------------------------------------------------------- devices ---- */

/* The PAMU of a device: the pamu@N child its fsl,iommu-parent (own or nearest ancestor's) names, else
 * PAMU 0 (docs/soc.md). The child's reg is translated when the PAMU node has ranges (P-series); the B4
 * trees give the children without ranges, so an untranslatable reg is taken as the offset inside the
 * PAMU's register range, which is what the P-series ranges <0 0x20000 size> say too. */
static unsigned int device_pamu(const struct soc *s, const struct soc_dt *dt, int idx, int pamu)
{
	const fdt32_t *p;
	uint64_t off, span = (uint64_t)s->pamu_count * PAMU_BLOCK_SIZE;
	int a, len, t, na;

	for (a = idx; a >= 0; a = dt->nodes[a].parent) {
		p = fdt_getprop(dt->fdt, dt->nodes[a].off, "fsl,iommu-parent", &len);
		if (p && len == 4)
			break;
	}
	if (a < 0)
		return 0;
	t = soc_dt_by_phandle(dt, fdt32_to_cpu(*p));
	if (t < 0 || t == pamu || dt->nodes[t].parent != pamu)
		return 0;
	if (dt->nodes[t].has_addr) {
		off = dt->nodes[t].addr - s->pamu_base;
	} else {
		na = fdt_address_cells(dt->fdt, dt->nodes[pamu].off);
		p = fdt_getprop(dt->fdt, dt->nodes[t].off, "reg", &len);
		if (!p || (na != 1 && na != 2) || len < 4 * na)
			return 0;
		off = na == 1 ? fdt32_to_cpu(p[0]) : (uint64_t)fdt32_to_cpu(p[0]) << 32 | fdt32_to_cpu(p[1]);
	}
	return off < span ? (unsigned int)(off / PAMU_BLOCK_SIZE) : 0;
}

static enum soc_status list_devices(struct soc *s, struct soc_error *err)
{
	struct soc_dt dt;
	enum soc_status st = SOC_OK;
	unsigned int i, n = 0;
	int pamu;

	if (!soc_dt_open(&dt, s->fdt, s->fdt_size, s->dtb_name, err))
		return SOC_BAD_DTB;
	pamu = soc_dt_find_compat(&dt, 0, "fsl,pamu");
	for (i = 0; i < dt.count; i++)
		if (fdt_getprop(dt.fdt, dt.nodes[i].off, "fsl,liodn", NULL))
			n++;
	if (n > SOC_MAX_DEVICES) {
		soc_dt_fail(&dt, -1, "fsl,liodn", "expected at most %u nodes with LIODNs, found %u", SOC_MAX_DEVICES, n);
		st = SOC_BAD_DTB;
		goto out;
	}
	s->devs = calloc(n ? n : 1, sizeof(*s->devs));
	if (!s->devs) {
		st = SOC_NO_MEMORY;
		goto out;
	}
	for (i = 0; i < dt.count; i++) {
		struct soc_device *d;
		const fdt32_t *p;
		int len, k;

		p = fdt_getprop(dt.fdt, dt.nodes[i].off, "fsl,liodn", &len);
		if (!p)
			continue;
		if (len != 4 && len != 8) {
			soc_dt_fail(&dt, (int)i, "fsl,liodn", "expected 1 or 2 cells, found %d bytes", len);
			st = SOC_BAD_DTB;
			goto out;
		}
		d = &s->devs[s->dev_count];
		if (!soc_dt_path(&dt, (int)i, d->path, sizeof(d->path))) {
			soc_dt_fail(&dt, (int)i, "fsl,liodn", "expected a node path shorter than %d characters",
				    SOC_PATH_LEN);
			st = SOC_BAD_DTB;
			goto out;
		}
		snprintf(d->compatible, sizeof(d->compatible), "%s", soc_dt_first_compat(&dt, (int)i));
		d->cells = (unsigned int)len / 4;
		for (k = 0; k < len / 4; k++)
			d->liodn[k] = fdt32_to_cpu(p[k]);
		d->pamu = pamu < 0 ? 0 : device_pamu(s, &dt, (int)i, pamu);
		s->dev_count++;
	}
out:
	soc_dt_close(&dt);
	return st;
}

enum soc_status soc_fixup(struct soc *s, const struct soc_dt *dt, struct soc_error *err)
{
	struct fixup f = { .s = s, .dt = dt, .err = err };
	enum soc_status st;

	st = index_addresses(&f);
	if (!st)
		st = apply_rows(&f);
	if (!st)
		st = apply_stash(&f);
	if (!st)
		st = apply_msi_policy(&f);
	if (!st)
		st = write_copy(&f);
	if (!st)
		st = list_devices(s, err);
	if (st == SOC_NO_MEMORY && err)
		snprintf(err->msg, sizeof(err->msg), "%s: firmware fix-ups: out of host memory", s->dtb_name);
	free(f.e);
	free(f.by_addr);
	return st;
}
