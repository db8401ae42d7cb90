// SPDX-License-Identifier: BSD-2-Clause
/*
 * hx_vfio.c - the `vfio:` step loader (one mapping per step, every field checked; errors as the other
 * steps': file:line:column: field: expected, found) and the oracle's VFIO intent helpers (extents of
 * IOVA -> user pages in DRAM, MSI pages). Grammar: docs/scenarios.md ("VFIO steps"); docs/vfio.md.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hx_scenario.h"
#include "hx_vfio.h"

static const char *const op_names[HX_VFIO_OP_COUNT] = {
	[HX_VFIO_OPEN] = "open",
	[HX_VFIO_ADD_GROUP] = "add-group",
	[HX_VFIO_REMOVE_GROUP] = "remove-group",
	[HX_VFIO_CLOSE] = "close",
	[HX_VFIO_USER_ALLOC] = "user-alloc",
	[HX_VFIO_MAP] = "map",
	[HX_VFIO_UNMAP] = "unmap",
	[HX_VFIO_SET_ATTR] = "set-attr",
	[HX_VFIO_GET_ATTR] = "get-attr",
	[HX_VFIO_MSI_BANK_COUNT] = "msi-bank-count",
	[HX_VFIO_MSI_MAP] = "msi-map",
	[HX_VFIO_MSI_UNMAP] = "msi-unmap",
	[HX_VFIO_MSI_SEND] = "msi-send",
	[HX_VFIO_CHECK_EXTENSION] = "check-extension",
	[HX_VFIO_MM] = "mm",
};

const char *hx_vfio_op_name(enum hx_vfio_op op)
{
	return (unsigned int)op < HX_VFIO_OP_COUNT ? op_names[op] : "?";
}

/* Which keys each op takes besides op, clause, expect. */
static bool key_ok(enum hx_vfio_op op, const char *k)
{
	static const char *const per_op[HX_VFIO_OP_COUNT] = {
		[HX_VFIO_OPEN] = " container type ",
		[HX_VFIO_ADD_GROUP] = " container device ",
		[HX_VFIO_REMOVE_GROUP] = " container device ",
		[HX_VFIO_CLOSE] = " container ",
		[HX_VFIO_USER_ALLOC] = " buffer size contiguous align ",
		[HX_VFIO_MAP] = " container buffer offset iova size prot flags argsz bad-pointer ",
		[HX_VFIO_UNMAP] = " container iova size flags argsz bad-pointer ",
		[HX_VFIO_SET_ATTR] = " container attr start end count cpu cache argsz bad-pointer ",
		[HX_VFIO_GET_ATTR] = " container attr argsz bad-pointer ",
		[HX_VFIO_MSI_BANK_COUNT] = " container ",
		[HX_VFIO_MSI_MAP] = " container bank iova prot flags argsz bad-pointer ",
		[HX_VFIO_MSI_UNMAP] = " container iova argsz bad-pointer ",
		[HX_VFIO_MSI_SEND] = " container device iova bank msir bit offset ",
		[HX_VFIO_CHECK_EXTENSION] = " container type ",
		[HX_VFIO_MM] = " memlock cap-ipc-lock locked-vm pinned ",
	};
	char pat[40];

	if (!strcmp(k, "op") || !strcmp(k, "clause") || !strcmp(k, "expect"))
		return true;
	snprintf(pat, sizeof(pat), " %s ", k);
	return strstr(per_op[op], pat) != NULL;
}

static bool num(struct sim_yaml_ctx *ld, const struct sim_ynode *map, const char *path, const char *key,
		bool required, uint64_t max, uint64_t *out, bool *present)
{
	return hx_get_u64(ld, map, path, key, required, max, out, present);
}

/* expect: {rc: N | -EXXX | banks, start, end, count, cpu, cache, msi: delivered|blocked|any} */
static bool parse_expect(struct sim_yaml_ctx *ld, const struct sim_ynode *val, const char *path,
			 struct hx_vfio_step *v)
{
	static const char *const keys[] = { "rc", "start", "end", "count", "cpu", "cache", "msi", NULL };
	const struct sim_ynode *e = sim_ymap_get(val, "expect", NULL), *rc;
	char p[200], field[220], buf[80], m[16] = "";
	uint64_t x;

	if (!e)
		return true;
	sim_yaml_join_path(p, sizeof(p), path, "expect");
	if (!sim_yaml_expect(ld, e, e, p, SIM_YN_MAP, "a mapping {rc: ..., ...}") || !sim_yaml_check_keys(ld, e, p, keys))
		return false;
	rc = sim_ymap_get(e, "rc", NULL);
	if (rc) {
		int eno;

		sim_yaml_join_path(field, sizeof(field), p, "rc");
		v->has_rc = true;
		if (rc->kind == SIM_YN_SCALAR && !strcmp(rc->text, "banks")) {
			v->rc_banks = true;
		} else if (rc->kind == SIM_YN_SCALAR && !strcmp(rc->text, "error")) {
			v->rc_error = true;
		} else if (rc->kind == SIM_YN_SCALAR && !strcmp(rc->text, "any")) {
			v->rc_any = true;
		} else if (rc->kind == SIM_YN_SCALAR && rc->text[0] == '-' && hx_parse_errno(rc->text, &eno)) {
			v->rc = eno;
		} else if (rc->kind == SIM_YN_SCALAR && hx_yparse_u64(rc->text, &x) && x <= 0x7fffffff) {
			v->rc = (long long)x;
		} else {
			sim_yaml_fail_at(ld, rc, field, "expected 0, a count, banks, error, any, or a negative errno (-EINVAL, "
					 "-EFAULT, ...), found %s", sim_ydescribe(rc, buf, sizeof(buf)));
			return false;
		}
	}
	if (!num(ld, e, p, "start", false, UINT64_MAX, &v->estart, &v->has_estart) ||
	    !num(ld, e, p, "end", false, UINT64_MAX, &v->eend, &v->has_eend) ||
	    !num(ld, e, p, "count", false, UINT32_MAX, &x, &v->has_ecount))
		return false;
	v->ecount = (uint32_t)x;
	if (!num(ld, e, p, "cpu", false, UINT32_MAX, &x, &v->has_ecpu))
		return false;
	v->ecpu = (uint32_t)x;
	if (!num(ld, e, p, "cache", false, UINT32_MAX, &x, &v->has_ecache))
		return false;
	v->ecache = (uint32_t)x;
	if (!hx_get_str(ld, e, p, "msi", false, m, sizeof(m), NULL))
		return false;
	if (m[0]) {
		sim_yaml_join_path(field, sizeof(field), p, "msi");
		if (!strcmp(m, "delivered"))
			v->msi = HX_VMSI_DELIVERED;
		else if (!strcmp(m, "blocked"))
			v->msi = HX_VMSI_BLOCKED;
		else if (!strcmp(m, "any"))
			v->msi = HX_VMSI_ANY;
		else {
			sim_yaml_fail_at(ld, sim_ymap_get(e, "msi", NULL), field,
					 "expected delivered, blocked or any, found \"%s\"", m);
			return false;
		}
	}
	return true;
}

static bool parse_prot(struct sim_yaml_ctx *ld, const struct sim_ynode *val, const char *path, const char *def,
		       struct hx_vfio_step *v)
{
	char prot[8];
	char field[220];

	snprintf(prot, sizeof(prot), "%s", def);
	if (!hx_get_str(ld, val, path, "prot", false, prot, sizeof(prot), NULL))
		return false;
	v->r = !strcmp(prot, "r") || !strcmp(prot, "rw");
	v->w = !strcmp(prot, "w") || !strcmp(prot, "rw");
	if (!v->r && !v->w && strcmp(prot, "none")) {
		sim_yaml_join_path(field, sizeof(field), path, "prot");
		sim_yaml_fail_at(ld, sim_ymap_get(val, "prot", NULL), field, "expected r, w, rw or none, found \"%s\"",
				 prot);
		return false;
	}
	return true;
}

bool hx_vfio_parse(struct sim_yaml_ctx *ld, const struct hx_scenario *sc, const struct sim_ynode *val,
		   const char *path, struct hx_step *st)
{
	struct hx_vfio_step *v;
	char o[24] = "", field[220], t[16] = "", a[16] = "";
	uint64_t x;
	bool has, needc;
	unsigned int i, k;

	if (!sim_yaml_expect(ld, val, val, path, SIM_YN_MAP, "a mapping {op: ..., ...}"))
		return false;
	v = calloc(1, sizeof(*v));
	if (!v) {
		sim_yaml_fail_at(ld, val, path, "out of memory");
		return false;
	}
	st->vfio = v;
	if (!hx_get_str(ld, val, path, "op", true, o, sizeof(o), NULL))
		return false;
	for (k = 0; k < HX_VFIO_OP_COUNT && strcmp(op_names[k], o); k++)
		;
	sim_yaml_join_path(field, sizeof(field), path, "op");
	if (k == HX_VFIO_OP_COUNT) {
		sim_yaml_fail_at(ld, sim_ymap_get(val, "op", NULL), field, "expected open, add-group, remove-group, "
				 "close, user-alloc, map, unmap, set-attr, get-attr, msi-bank-count, msi-map, "
				 "msi-unmap, msi-send, check-extension or mm, found \"%s\"", o);
		return false;
	}
	v->op = (enum hx_vfio_op)k;
	for (i = 0; i + 1 < val->n; i += 2) {
		if (!key_ok(v->op, val->items[i]->text)) {
			sim_yaml_join_path(field, sizeof(field), path, val->items[i]->text);
			sim_yaml_fail_at(ld, val->items[i], field, "expected no %s for op %s (docs/scenarios.md, VFIO "
					 "steps), found one", val->items[i]->text, o);
			return false;
		}
	}
	needc = v->op != HX_VFIO_USER_ALLOC && v->op != HX_VFIO_MM;
	if (!hx_get_str(ld, val, path, "container", needc, v->container, sizeof(v->container), NULL) ||
	    !hx_get_str(ld, val, path, "buffer", v->op == HX_VFIO_USER_ALLOC || v->op == HX_VFIO_MAP, v->buffer,
			sizeof(v->buffer), NULL) ||
	    !hx_get_str(ld, val, path, "clause", false, v->clause, sizeof(v->clause), NULL) ||
	    !hx_get_str(ld, val, path, "type", false, t, sizeof(t), NULL))
		return false;
	v->type = 20;	/* VFIO_FSL_PAMU_IOMMU (kernel-stubs/include/linux/vfio.h) */
	if (t[0] && strcmp(t, "pamu")) {
		if (!hx_yparse_u64(t, &x) || x > UINT32_MAX) {
			sim_yaml_join_path(field, sizeof(field), path, "type");
			sim_yaml_fail_at(ld, sim_ymap_get(val, "type", NULL), field,
					 "expected pamu or an IOMMU type number, found \"%s\"", t);
			return false;
		}
		v->type = (uint32_t)x;
	}
	if (v->op == HX_VFIO_ADD_GROUP || v->op == HX_VFIO_REMOVE_GROUP || v->op == HX_VFIO_MSI_SEND) {
		if (!hx_parse_dev_or_pci(ld, sc, val, path, st))
			return false;
	}
	v->contiguous = true;
	v->align = 0;
	x = 0;
	if (!num(ld, val, path, "size", v->op == HX_VFIO_USER_ALLOC || v->op == HX_VFIO_UNMAP, UINT64_MAX, &v->size,
		 NULL) ||
	    !hx_get_bool(ld, val, path, "contiguous", &v->contiguous) ||
	    !num(ld, val, path, "align", false, 1ull << 40, &v->align, NULL) ||
	    !num(ld, val, path, "offset", false, UINT64_MAX, &v->offset, &v->has_offset) ||
	    !num(ld, val, path, "iova", v->op == HX_VFIO_MAP || v->op == HX_VFIO_UNMAP || v->op == HX_VFIO_MSI_MAP ||
		 v->op == HX_VFIO_MSI_UNMAP || v->op == HX_VFIO_MSI_SEND, UINT64_MAX, &v->iova, NULL) ||
	    !num(ld, val, path, "flags", false, UINT32_MAX, &x, &v->has_flags))
		return false;
	v->flags = (uint32_t)x;
	if (v->align && (v->align < 4096 || (v->align & (v->align - 1)))) {
		sim_yaml_join_path(field, sizeof(field), path, "align");
		sim_yaml_fail_at(ld, sim_ymap_get(val, "align", NULL), field,
				 "expected a power of two of at least 4096, found 0x%llx", (unsigned long long)v->align);
		return false;
	}
	if (!parse_prot(ld, val, path, v->op == HX_VFIO_MSI_MAP ? "w" : "rw", v))
		return false;
	if (!hx_get_str(ld, val, path, "attr", v->op == HX_VFIO_SET_ATTR || v->op == HX_VFIO_GET_ATTR, a, sizeof(a),
			NULL))
		return false;
	if (a[0]) {
		sim_yaml_join_path(field, sizeof(field), path, "attr");
		if (!strcmp(a, "geometry"))
			v->attr = HX_VFIO_ATTR_GEOMETRY;
		else if (!strcmp(a, "windows"))
			v->attr = HX_VFIO_ATTR_WINDOWS;
		else if (!strcmp(a, "stash"))
			v->attr = HX_VFIO_ATTR_STASH;
		else {
			sim_yaml_fail_at(ld, sim_ymap_get(val, "attr", NULL), field,
					 "expected geometry, windows or stash, found \"%s\"", a);
			return false;
		}
	}
	has = v->op == HX_VFIO_SET_ATTR;
	x = 0;
	if (!num(ld, val, path, "start", has && v->attr == HX_VFIO_ATTR_GEOMETRY, UINT64_MAX, &v->start, NULL) ||
	    !num(ld, val, path, "end", has && v->attr == HX_VFIO_ATTR_GEOMETRY, UINT64_MAX, &v->end, NULL) ||
	    !num(ld, val, path, "count", has && v->attr == HX_VFIO_ATTR_WINDOWS, UINT32_MAX, &x, NULL))
		return false;
	v->count = (uint32_t)x;
	x = 0;
	if (!num(ld, val, path, "cpu", has && v->attr == HX_VFIO_ATTR_STASH, UINT32_MAX, &x, NULL))
		return false;
	v->cpu = (uint32_t)x;
	x = 1;
	if (!num(ld, val, path, "cache", false, UINT32_MAX, &x, NULL))
		return false;
	v->cache = (uint32_t)x;
	x = 0;
	if (!num(ld, val, path, "bank", v->op == HX_VFIO_MSI_MAP || v->op == HX_VFIO_MSI_SEND, 63, &x, NULL))
		return false;
	v->bank = (unsigned int)x;
	x = 0;
	if (!num(ld, val, path, "msir", false, 15, &x, NULL))
		return false;
	v->msir = (unsigned int)x;
	x = 0;
	if (!num(ld, val, path, "bit", false, 31, &x, NULL))
		return false;
	v->bit = (unsigned int)x;
	x = 0;
	if (!num(ld, val, path, "argsz", false, UINT32_MAX, &x, NULL))
		return false;
	v->argsz = (uint32_t)x;
	x = 0;
	if (!hx_get_bool(ld, val, path, "bad-pointer", &v->bad_pointer) ||
	    !num(ld, val, path, "memlock", false, UINT64_MAX, &v->memlock, &v->has_memlock) ||
	    !num(ld, val, path, "pinned", false, UINT64_MAX, &v->pinned, &v->has_pinned) ||
	    !num(ld, val, path, "locked-vm", false, 1ull << 40, &x, &v->has_locked))
		return false;
	v->locked = (long long)x;
	v->has_cap = sim_ymap_get(val, "cap-ipc-lock", NULL) != NULL;
	if (!hx_get_bool(ld, val, path, "cap-ipc-lock", &v->cap))
		return false;
	return parse_expect(ld, val, path, v);
}

/* ------------------------------------------------------------------ intent */

bool hx_vfio_allows(const struct hx_vfio_cont *c, uint64_t addr, uint32_t size, bool r, bool w, uint64_t *target)
{
	unsigned int i;

	for (i = 0; i < c->next; i++) {
		const struct hx_vfio_ext *e = &c->ext[i];

		if (addr < e->iova || addr - e->iova >= e->size || size > e->size - (addr - e->iova))
			continue;
		if ((r && !e->r) || (w && !e->w))
			return false;
		*target = e->phys + (addr - e->iova);
		return true;
	}
	for (i = 0; i < c->nmsi; i++) {
		const struct hx_vfio_msimap *m = &c->msi[i];

		if (addr < m->iova || addr - m->iova >= 4096 || size > 4096 - (addr - m->iova))
			continue;
		if ((r && !m->r) || (w && !m->w))
			return false;
		*target = m->page + (addr - m->iova);
		return true;
	}
	return false;
}

bool hx_vfio_entitled(const struct hx_vfio_cont *c, uint64_t p, uint32_t size)
{
	unsigned int i;

	for (i = 0; i < c->next; i++)
		if (p >= c->ext[i].phys && size <= c->ext[i].size && p - c->ext[i].phys <= c->ext[i].size - size)
			return true;
	for (i = 0; i < c->nmsi; i++)
		if (p >= c->msi[i].page && size <= 4096 && p - c->msi[i].page <= 4096 - size)
			return true;
	return false;
}

bool hx_vfio_ext_add(struct hx_vfio_cont *c, uint64_t iova, uint64_t size, uint64_t phys, bool r, bool w)
{
	struct hx_vfio_ext *l = c->next ? &c->ext[c->next - 1] : NULL;

	if (l && l->iova + l->size == iova && l->phys + l->size == phys && l->r == r && l->w == w) {
		l->size += size;
		return true;
	}
	if (c->next == HX_VFIO_MAX_EXT)
		return false;
	c->ext[c->next++] = (struct hx_vfio_ext){ iova, size, phys, r, w };
	return true;
}

void hx_vfio_ext_remove(struct hx_vfio_cont *c, uint64_t iova, uint64_t size)
{
	uint64_t end = iova + size;
	unsigned int i = 0;

	while (i < c->next) {
		struct hx_vfio_ext *e = &c->ext[i];
		uint64_t ee = e->iova + e->size;

		if (end <= e->iova || iova >= ee) {
			i++;
			continue;
		}
		if (iova > e->iova && end < ee) {
			/* a hole in the middle: split (the tail becomes a new extent) */
			struct hx_vfio_ext tail = { end, ee - end, e->phys + (end - e->iova), e->r, e->w };

			e->size = iova - e->iova;
			if (c->next < HX_VFIO_MAX_EXT)
				c->ext[c->next++] = tail;
			i++;
			continue;
		}
		if (iova <= e->iova && end >= ee) {
			memmove(e, e + 1, (c->next - i - 1) * sizeof(*e));
			c->next--;
			continue;
		}
		if (iova <= e->iova) {
			e->phys += end - e->iova;
			e->size = ee - end;
			e->iova = end;
		} else {
			e->size = iova - e->iova;
		}
		i++;
	}
}
