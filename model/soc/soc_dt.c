// SPDX-License-Identifier: BSD-2-Clause
/*
 * soc_dt.c - safe, bounded reading of a flattened device tree for the SoC builder (soc_dt.h).
 *
 * Sources: Devicetree Specification v0.4 sections 2.3.5, 2.3.8, 2.4 and 5; libfdt.h (the checks
 * fdt_check_header and fdt_check_full run before anything else reads the blob). Every property is
 * read with its length checked; nothing here trusts the blob.
 */
#include "soc_dt.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libfdt.h>

static const char *file_of(const struct soc_dt *dt)
{
	return dt->file && dt->file[0] ? dt->file : "<dtb>";
}

bool soc_dt_path(const struct soc_dt *dt, int idx, char *buf, size_t len)
{
	int chain[SOC_DT_MAX_DEPTH], depth = 0, k, nlen;
	size_t pos = 0;

	if (!len)
		return false;
	buf[0] = '\0';
	if (idx < 0 || (unsigned int)idx >= dt->count) {
		snprintf(buf, len, "/");
		return len > 1;
	}
	/* names along the parent chain (the walk recorded it; fdt_get_path would rescan the tree) */
	for (k = idx; k > 0 && depth < SOC_DT_MAX_DEPTH; k = dt->nodes[k].parent)
		chain[depth++] = k;
	if (!depth) {
		snprintf(buf, len, "/");
		return len > 1;
	}
	while (depth--) {
		const char *name = fdt_get_name(dt->fdt, dt->nodes[chain[depth]].off, &nlen);

		if (!name || nlen < 0 || pos + 1 + (size_t)nlen + 1 > len) {
			snprintf(buf, len, "<node at offset %d>", dt->nodes[idx].off);
			return false;
		}
		buf[pos++] = '/';
		memcpy(buf + pos, name, (size_t)nlen);
		pos += (size_t)nlen;
		buf[pos] = '\0';
	}
	return true;
}

static void vfail(const struct soc_dt *dt, int idx, const char *prop, const char *fmt, va_list ap)
{
	char path[256];
	size_t cap = sizeof(dt->err->msg);
	int n;

	if (!dt->err)
		return;
	if (idx < 0 || !dt->nodes)
		snprintf(path, sizeof(path), "/");
	else
		soc_dt_path(dt, idx, path, sizeof(path));
	n = snprintf(dt->err->msg, cap, "%s: %s: %s: ", file_of(dt), path, prop);
	if (n >= 0 && (size_t)n < cap)
		vsnprintf(dt->err->msg + n, cap - (size_t)n, fmt, ap);
}

bool soc_dt_fail(const struct soc_dt *dt, int idx, const char *prop, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfail(dt, idx, prop, fmt, ap);
	va_end(ap);
	return false;
}

/* Errors before the node array exists name the root. */
static bool hdr_fail(const struct soc_dt *dt, const char *prop, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static bool hdr_fail(const struct soc_dt *dt, const char *prop, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfail(dt, -1, prop, fmt, ap);
	va_end(ap);
	return false;
}

int soc_dt_index(const struct soc_dt *dt, int off)
{
	unsigned int lo = 0, hi = dt->count;

	/* the walk records nodes in increasing offset order */
	while (lo < hi) {
		unsigned int mid = lo + (hi - lo) / 2;

		if (dt->nodes[mid].off == off)
			return (int)mid;
		if (dt->nodes[mid].off < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

bool soc_dt_is_compat(const struct soc_dt *dt, int idx, const char *compat)
{
	const struct soc_dt_node *n = &dt->nodes[idx];

	return n->compat && fdt_stringlist_contains(n->compat, n->compat_len, compat);
}

int soc_dt_find_compat(const struct soc_dt *dt, int start, const char *compat)
{
	unsigned int i;

	for (i = start < 0 ? 0 : (unsigned int)start; i < dt->count; i++)
		if (soc_dt_is_compat(dt, (int)i, compat))
			return (int)i;
	return -1;
}

bool soc_dt_disabled(const struct soc_dt *dt, int idx)
{
	const char *st;
	int len;

	st = fdt_getprop(dt->fdt, dt->nodes[idx].off, "status", &len);
	if (!st || len <= 0)
		return false;
	return strncmp(st, "okay", (size_t)len) && strncmp(st, "ok", (size_t)len);
}

const char *soc_dt_first_compat(const struct soc_dt *dt, int idx)
{
	return dt->nodes[idx].compat ? dt->nodes[idx].compat : "";
}

/* #address-cells / #size-cells of node idx: absent = the spec's default; malformed = -1. */
static int ncells(const struct soc_dt *dt, int idx, const char *prop, int def)
{
	const fdt32_t *p;
	int len;

	p = fdt_getprop(dt->fdt, dt->nodes[idx].off, prop, &len);
	if (!p)
		return def;
	if (len != 4 || fdt32_to_cpu(*p) > 4)
		return -1;
	return (int)fdt32_to_cpu(*p);
}

static bool cells_ok(const struct soc_dt *dt, int idx, const char *prop, int def, int min, int *out, bool report)
{
	int n = ncells(dt, idx, prop, def);

	*out = n;
	if (n >= min && n <= 2)
		return true;
	if (report) {
		if (n < 0)
			soc_dt_fail(dt, idx, prop, "expected one cell holding 1 or 2, found a malformed property");
		else
			soc_dt_fail(dt, idx, prop, "expected %s, found %d", min ? "1 or 2" : "0, 1 or 2", n);
	}
	return false;
}

static uint64_t read_cells(const fdt32_t *p, int n)
{
	uint64_t v = 0;
	int i;

	for (i = 0; i < n; i++)
		v = (v << 32) | fdt32_to_cpu(p[i]);
	return v;
}

/* Translate addr, an address on the bus that node `bus` provides to its children, up to the root. */
static bool translate(const struct soc_dt *dt, int bus, uint64_t *addr, bool report)
{
	int guard = 0;

	while (bus >= 0 && dt->nodes[bus].parent >= 0) {
		int up = dt->nodes[bus].parent, cna, cns, pna, len, step, i;
		const fdt32_t *r;
		bool found = false;

		if (++guard > SOC_DT_MAX_DEPTH)
			return false;
		r = fdt_getprop(dt->fdt, dt->nodes[bus].off, "ranges", &len);
		if (!r) {
			if (report)
				soc_dt_fail(dt, bus, "ranges", "expected a ranges property mapping child addresses "
					    "to the parent bus, found none");
			return false;
		}
		if (len == 0) {		/* identity */
			bus = up;
			continue;
		}
		if (!cells_ok(dt, bus, "#address-cells", 2, 1, &cna, report) ||
		    !cells_ok(dt, bus, "#size-cells", 1, 1, &cns, report) ||
		    !cells_ok(dt, up, "#address-cells", 2, 1, &pna, report))
			return false;
		step = 4 * (cna + pna + cns);
		if (len % step) {
			if (report)
				soc_dt_fail(dt, bus, "ranges", "expected entries of %d cells (%d bytes each), found %d bytes",
					    cna + pna + cns, step, len);
			return false;
		}
		for (i = 0; i < len / step; i++) {
			const fdt32_t *e = r + i * (cna + pna + cns);
			uint64_t ca = read_cells(e, cna), pa = read_cells(e + cna, pna);
			uint64_t sz = read_cells(e + cna + pna, cns);

			if (*addr >= ca && *addr - ca < sz) {
				uint64_t out = pa + (*addr - ca);

				if (out < pa) {
					if (report)
						soc_dt_fail(dt, bus, "ranges", "expected a translation below 2^64 for 0x%" PRIx64,
							    *addr);
					return false;
				}
				*addr = out;
				found = true;
				break;
			}
		}
		if (!found) {
			if (report)
				soc_dt_fail(dt, bus, "ranges", "expected an entry covering child address 0x%" PRIx64
					    ", found none", *addr);
			return false;
		}
		bus = up;
	}
	return true;
}

unsigned int soc_dt_reg_count(const struct soc_dt *dt, int idx, bool report)
{
	int parent = dt->nodes[idx].parent, na, ns, len;
	const void *p;

	if (parent < 0) {
		if (report)
			soc_dt_fail(dt, idx, "reg", "expected a node below the root");
		return 0;
	}
	p = fdt_getprop(dt->fdt, dt->nodes[idx].off, "reg", &len);
	if (!p) {
		if (report)
			soc_dt_fail(dt, idx, "reg", "expected (address, size) pairs, found no reg property");
		return 0;
	}
	if (!cells_ok(dt, parent, "#address-cells", 2, 1, &na, report) ||
	    !cells_ok(dt, parent, "#size-cells", 1, 1, &ns, report))
		return 0;
	if (len == 0 || len % (4 * (na + ns))) {
		if (report)
			soc_dt_fail(dt, idx, "reg", "expected (address, size) pairs of %d + %d cells (%d bytes each), "
				    "found %d bytes", na, ns, 4 * (na + ns), len);
		return 0;
	}
	return (unsigned int)(len / (4 * (na + ns)));
}

bool soc_dt_reg(const struct soc_dt *dt, int idx, unsigned int i, uint64_t *addr, uint64_t *size, bool report)
{
	unsigned int n = soc_dt_reg_count(dt, idx, report);
	int parent = dt->nodes[idx].parent, na, ns, len;
	const fdt32_t *p;
	uint64_t a, s;

	if (!n)
		return false;
	if (i >= n) {
		if (report)
			soc_dt_fail(dt, idx, "reg", "expected at least %u entries, found %u", i + 1, n);
		return false;
	}
	na = ncells(dt, parent, "#address-cells", 2);
	ns = ncells(dt, parent, "#size-cells", 1);
	p = fdt_getprop(dt->fdt, dt->nodes[idx].off, "reg", &len);
	a = read_cells(p + i * (na + ns), na);
	s = read_cells(p + i * (na + ns) + na, ns);
	if (s == 0 || a + s < a) {
		if (report)
			soc_dt_fail(dt, idx, "reg", "expected entry %u to have a non-zero size that does not wrap, "
				    "found 0x%" PRIx64 " + 0x%" PRIx64, i, a, s);
		return false;
	}
	if (!translate(dt, parent, &a, report))
		return false;
	*addr = a;
	*size = s;
	return true;
}

bool soc_dt_u32(const struct soc_dt *dt, int idx, const char *prop, uint32_t *val, bool report)
{
	const fdt32_t *p;
	int len;

	p = fdt_getprop(dt->fdt, dt->nodes[idx].off, prop, &len);
	if (!p || len != 4) {
		if (report) {
			if (!p)
				soc_dt_fail(dt, idx, prop, "expected one cell, found no such property");
			else
				soc_dt_fail(dt, idx, prop, "expected one cell (4 bytes), found %d bytes", len);
		}
		return false;
	}
	*val = fdt32_to_cpu(*p);
	return true;
}

int soc_dt_by_phandle(const struct soc_dt *dt, uint32_t phandle)
{
	unsigned int i;

	if (phandle == 0 || phandle == UINT32_MAX)
		return -1;
	for (i = 0; i < dt->count; i++)
		if (dt->nodes[i].phandle == phandle)
			return (int)i;
	return -1;
}

int soc_dt_irq_count(const struct soc_dt *dt, int idx, int ctrl, const char *prop)
{
	char cpath[160];
	int len;
	const void *p;

	p = fdt_getprop(dt->fdt, dt->nodes[idx].off, prop, &len);
	if (!p)
		return soc_dt_fail(dt, idx, prop, "expected MPIC interrupt specifiers, found no such property"), -1;
	if (soc_dt_by_phandle(dt, dt->nodes[idx].iparent) != ctrl) {
		soc_dt_path(dt, ctrl, cpath, sizeof(cpath));
		return soc_dt_fail(dt, idx, "interrupt-parent", "expected the MPIC %s (own or inherited)", cpath), -1;
	}
	if (len == 0 || len % (4 * SOC_DT_MPIC_CELLS))
		return soc_dt_fail(dt, idx, prop, "expected specifiers of %d cells (16 bytes each), found %d bytes",
				   SOC_DT_MPIC_CELLS, len), -1;
	return len / (4 * SOC_DT_MPIC_CELLS);
}

void soc_dt_irq(const struct soc_dt *dt, int idx, const char *prop, unsigned int i, uint32_t cell[4])
{
	const fdt32_t *p;
	int len, k;

	p = fdt_getprop(dt->fdt, dt->nodes[idx].off, prop, &len);
	for (k = 0; k < SOC_DT_MPIC_CELLS; k++)
		cell[k] = fdt32_to_cpu(p[i * SOC_DT_MPIC_CELLS + k]);
}

/* Memory reservation, structure and strings blocks must not overlap (libfdt's own header check
 * accepts overlapping blocks; fdt_open_into would then shuffle one block over another). */
static bool check_layout(struct soc_dt *dt, const void *blob)
{
	uint64_t r0, r1, s0, s1, t0, t1;
	int n = fdt_num_mem_rsv(blob);

	if (n < 0)
		return hdr_fail(dt, "memory reservation block",
				"expected entries ending with a zero-size entry inside the blob (libfdt: %s)",
				fdt_strerror(n));
	r0 = fdt_off_mem_rsvmap(blob);
	r1 = r0 + 16ull * ((uint64_t)n + 1);
	s0 = fdt_off_dt_struct(blob);
	s1 = s0 + fdt_size_dt_struct(blob);
	t0 = fdt_off_dt_strings(blob);
	t1 = t0 + fdt_size_dt_strings(blob);
	if ((r0 < s1 && s0 < r1) || (r0 < t1 && t0 < r1) || (s0 < t1 && t0 < s1))
		return hdr_fail(dt, "header", "expected non-overlapping memory reservation [0x%" PRIx64 ", 0x%" PRIx64
				"), structure [0x%" PRIx64 ", 0x%" PRIx64 ") and strings [0x%" PRIx64 ", 0x%" PRIx64
				") blocks", r0, r1, s0, s1, t0, t1);
	return true;
}

static bool walk(struct soc_dt *dt)
{
	int stack[SOC_DT_MAX_DEPTH];
	int depth = -1, off;

	for (off = fdt_next_node(dt->fdt, -1, &depth); off >= 0 && depth >= 0;
	     off = fdt_next_node(dt->fdt, off, &depth)) {
		struct soc_dt_node *n;
		const fdt32_t *ip;
		const char *c;
		int len, idx;
		uint64_t a, s;

		if (depth >= SOC_DT_MAX_DEPTH)
			return hdr_fail(dt, "structure", "expected at most %d levels of nesting", SOC_DT_MAX_DEPTH);
		if (depth == 0 && dt->count)
			return hdr_fail(dt, "structure", "expected one root node, found a second one");
		if (dt->count == SOC_DT_MAX_NODES)
			return hdr_fail(dt, "structure", "expected at most %d nodes", SOC_DT_MAX_NODES);
		if (dt->count == dt->cap) {
			unsigned int cap = dt->cap ? dt->cap * 2 : 256;
			struct soc_dt_node *nn = realloc(dt->nodes, cap * sizeof(*nn));

			if (!nn)
				return hdr_fail(dt, "structure", "out of host memory");
			dt->nodes = nn;
			dt->cap = cap;
		}
		idx = (int)dt->count++;
		stack[depth] = idx;
		n = &dt->nodes[idx];
		memset(n, 0, sizeof(*n));
		n->off = off;
		n->depth = depth;
		n->parent = depth ? stack[depth - 1] : -1;
		ip = fdt_getprop(dt->fdt, off, "interrupt-parent", &len);
		if (ip && len == 4)
			n->iparent = fdt32_to_cpu(*ip);
		else if (n->parent >= 0)
			n->iparent = dt->nodes[n->parent].iparent;
		c = fdt_getprop(dt->fdt, off, "compatible", &len);
		if (c && len > 0 && c[len - 1] == '\0') {
			n->compat = c;
			n->compat_len = len;
		}
		ip = fdt_getprop(dt->fdt, off, "phandle", &len);
		if (!ip)
			ip = fdt_getprop(dt->fdt, off, "linux,phandle", &len);
		if (ip && len == 4)
			n->phandle = fdt32_to_cpu(*ip);
		ip = fdt_getprop(dt->fdt, off, "cell-index", &len);
		if (ip && len == 4) {
			n->has_cell_index = true;
			n->cell_index = fdt32_to_cpu(*ip);
		}
		if (n->parent >= 0 && fdt_getprop(dt->fdt, off, "reg", &len) && soc_dt_reg(dt, idx, 0, &a, &s, false)) {
			n = &dt->nodes[idx];
			n->has_addr = true;
			n->addr = a;
			n->size = s;
		}
	}
	if (off < 0 && off != -FDT_ERR_NOTFOUND)
		return hdr_fail(dt, "structure", "expected a well-formed node list (libfdt: %s)", fdt_strerror(off));
	if (!dt->count)
		return hdr_fail(dt, "structure", "expected a root node, found none");
	return true;
}

bool soc_dt_open(struct soc_dt *dt, const void *blob, size_t size, const char *file, struct soc_error *err)
{
	int rc;

	memset(dt, 0, sizeof(*dt));
	dt->file = file;
	dt->err = err;
	if (!blob || size < sizeof(struct fdt_header))
		return hdr_fail(dt, "header", "expected a flattened device tree of at least %zu bytes, found %zu",
				sizeof(struct fdt_header), blob ? size : 0);
	if (fdt_magic(blob) != FDT_MAGIC)
		return hdr_fail(dt, "header", "expected magic 0x%08x, found 0x%08x (not a DTB)", FDT_MAGIC,
				fdt_magic(blob));
	if (fdt_totalsize(blob) > size)
		return hdr_fail(dt, "header", "expected totalsize %u to fit in the %zu bytes given (truncated blob)",
				fdt_totalsize(blob), size);
	rc = fdt_check_header(blob);
	if (rc)
		return hdr_fail(dt, "header", "expected a valid header (libfdt: %s)", fdt_strerror(rc));
	if (!check_layout(dt, blob))
		return false;
	rc = fdt_check_full(blob, fdt_totalsize(blob));
	if (rc)
		return hdr_fail(dt, "structure", "expected a well-formed structure block (libfdt: %s)", fdt_strerror(rc));
	dt->fdt = blob;
	if (!walk(dt)) {
		soc_dt_close(dt);
		return false;
	}
	return true;
}

void soc_dt_close(struct soc_dt *dt)
{
	free(dt->nodes);
	dt->nodes = NULL;
	dt->count = dt->cap = 0;
}
