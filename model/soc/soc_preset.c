// SPDX-License-Identifier: BSD-2-Clause
/*
 * soc_preset.c - SoC preset loader: socs/<name>.yaml -> struct soc_preset, and the choice of a preset
 * for a device tree.
 *
 * Schema and every rule: docs/socs.md. Error format: ../shared/DESIGN.md ("file:line:column: field: what
 * was expected, what was found"). Value sources: ../shared/spec/liodn-tables.md, hw-facts.md 8, 10, 11,
 * 13; the GUTS LIODN register offsets come from soc_guts.h.
 *
 * Two phases. (1) model/common/sim_yaml.c (libyaml's event API) builds a small tree of scalars, lists
 * and mappings with their positions, refusing what a preset never needs and a hostile file might
 * carry: anchors, aliases, tags, more than one document, nesting deeper than PRESET_MAX_DEPTH, more
 * than PRESET_MAX_NODES nodes, scalars longer than PRESET_MAX_SCALAR, files larger than
 * PRESET_MAX_FILE and bytes that are not UTF-8; keys must be scalars and appear once. (2) The tree is
 * checked against the schema field by field (unknown keys, missing fields, types, ranges) and copied
 * into the fixed-size struct, then the cross-field rules run (default revision exists, LIODNs
 * distinct unless `shared:`...). The first error wins; nothing is allocated once the function returns.
 */
#include "soc_preset.h"

#include <dirent.h>
#include <errno.h>
#include <libfdt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "soc_dt.h"
#include "soc_guts.h"
#include "sim_yaml.h"
#include "soc_preset_timing.h"

#define PRESET_MAX_FILE (1u << 20)	/* bytes; the largest shipped preset (t4240) is 13 KiB */
#define PRESET_MAX_DEPTH 8		/* the schema needs 4: top, liodns, a row, its liodn list */
#define PRESET_MAX_NODES 65536u
#define PRESET_MAX_SCALAR 4096u
#define PRESET_MAX_DIR_FILES 256u

#define LIODN_LIMIT 4096u		/* 12-bit LIODNs: fsl,liodn-bits = <12> (hw-facts.md 10) */
#define CCSR_SIZE 0x1000000ull		/* 16 MiB CCSR window (soc-table.md) */
#define PHYS_LIMIT (1ull << 36)		/* 36-bit physical address space */
#define MAX_LAWS 32u			/* fsl,num-laws is 16 or 32 on every PAMU SoC (soc-table.md) */

/* ------------------------------------------------------------------ the tree and schema helpers */

/* The tree, its limits and the generic checks are model/common/sim_yaml.h's; the preset loader reports
 * through a struct sim_yaml_ctx ("ld") and maps its status onto enum soc_preset_status. */
static const struct sim_yaml_limits preset_limits = {
	.max_file = PRESET_MAX_FILE,
	.max_depth = PRESET_MAX_DEPTH,
	.max_nodes = PRESET_MAX_NODES,
	.max_scalar = PRESET_MAX_SCALAR,
};

static enum soc_preset_status preset_status(enum sim_yaml_status st)
{
	switch (st) {
	case SIM_YAML_OK:
		return SOC_PRESET_OK;
	case SIM_YAML_IO:
		return SOC_PRESET_IO;
	case SIM_YAML_SYNTAX:
		return SOC_PRESET_SYNTAX;
	default:
		return SOC_PRESET_INVALID;
	}
}

static void set_err(struct soc_error *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void set_err(struct soc_error *err, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
}

/* A required (or optional: *present reports) field of a mapping. */
static const struct sim_ynode *field_of(struct sim_yaml_ctx *ld, const struct sim_ynode *map, const char *path,
					const char *key, bool required, const char *what, char *field, size_t cap)
{
	const struct sim_ynode *v = sim_ymap_get(map, key, NULL);

	sim_yaml_join_path(field, cap, path, key);
	if (!v && required)
		sim_yaml_fail_at(ld, map, field, "expected %s, found nothing (the field is missing)", what);
	return v;
}

static bool get_u32(struct sim_yaml_ctx *ld, const struct sim_ynode *n, const char *field, uint32_t *out)
{
	uint64_t v;

	if (!sim_yaml_get_uint(ld, n, field, UINT32_MAX, "a 32-bit integer", &v))
		return false;
	*out = (uint32_t)v;
	return true;
}

static bool get_bool(struct sim_yaml_ctx *ld, const struct sim_ynode *n, const char *field, bool *out)
{
	char buf[80];

	if (n && n->kind == SIM_YN_SCALAR && n->plain && (!strcmp(n->text, "true") || !strcmp(n->text, "false"))) {
		*out = n->text[0] == 't';
		return true;
	}
	sim_yaml_fail_at(ld, n, field, "expected true or false, found %s%s", sim_ydescribe(n, buf, sizeof(buf)),
			 n && n->kind == SIM_YN_SCALAR && !n->plain ? " (quoted: write true or false without quotes)"
								    : "");
	return false;
}

/* Non-empty text of at most cap - 1 bytes. */
static bool get_text(struct sim_yaml_ctx *ld, const struct sim_ynode *n, const char *field, char *out, size_t cap)
{
	char buf[80];

	if (!n || n->kind != SIM_YN_SCALAR || n->len == 0) {
		sim_yaml_fail_at(ld, n, field, "expected a non-empty string, found %s",
				 sim_ydescribe(n, buf, sizeof(buf)));
		return false;
	}
	return sim_yaml_copy_text(ld, n, field, out, cap);
}

/* Text made of the characters in allowed (plus letters and digits). */
static bool get_word(struct sim_yaml_ctx *ld, const struct sim_ynode *n, const char *field, char *out, size_t cap,
		     const char *allowed, const char *what)
{
	char buf[80];
	size_t i;

	if (!get_text(ld, n, field, out, cap))
		return false;
	for (i = 0; out[i]; i++) {
		char c = out[i];

		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || strchr(allowed, c) ||
		    (strchr(allowed, 'A') && c >= 'A' && c <= 'Z'))
			continue;
		sim_yaml_fail_at(ld, n, field, "expected %s, found %s", what, sim_ydescribe(n, buf, sizeof(buf)));
		return false;
	}
	return true;
}

/* ------------------------------------------------------------------ phase 2: the schema */

static const char *const top_keys[] = { "name", "description", "dt-match", "auto-match", "board", "revisions",
					"default-revision", "dram", "laws", "pamu", "mpic", "stash", "liodns",
					"assumptions", "timing", NULL };
static const char *const rev_keys[] = { "rev", "svr", "pvr", "erratum-a003638", NULL };
static const char *const dram_keys[] = { "base", "size", NULL };
static const char *const law_keys[] = { "index", "base", "size", "target", NULL };
static const char *const pamu_keys[] = { "pr1", "pr2", "pc1", "pc2", "pc3", "pc4", NULL };
static const char *const mpic_keys[] = { "version", "msi-alias-pages", NULL };
static const char *const stash_keys[] = { "cpu-base", "cpu-stride", "l2", "l3", NULL };
static const char *const liodn_keys[] = { "device", "compatible", "address", "cell-index", "register-only",
					  "liodn", "guts-reg", "shared", NULL };

static bool load_dt_match(struct sim_yaml_ctx *ld, const struct sim_ynode *top, struct soc_preset *p)
{
	char field[160], f2[176];
	const struct sim_ynode *v =
		field_of(ld, top, "", "dt-match", true, "a compatible string or a list of them", field, sizeof(field));
	unsigned int i;

	if (!v)
		return false;
	if (v->kind == SIM_YN_SCALAR) {
		if (!get_text(ld, v, field, p->dt_matches[0], SOC_COMPAT_LEN))
			return false;
		p->dt_match_count = 1;
	} else {
		char buf[80];

		if (v->kind != SIM_YN_SEQ || v->n == 0 || v->n > SOC_PRESET_MAX_DT_MATCH) {
			sim_yaml_fail_at(ld, v, field,
					 "expected a compatible string or a list of 1 to %u of them, found %s",
					 SOC_PRESET_MAX_DT_MATCH,
					 v->kind == SIM_YN_SEQ ? (v->n ? "a longer list" : "an empty list")
							       : sim_ydescribe(v, buf, sizeof(buf)));
			return false;
		}
		for (i = 0; i < v->n; i++) {
			snprintf(f2, sizeof(f2), "%s[%u]", field, i);
			if (v->items[i]->kind != SIM_YN_SCALAR) {
				sim_yaml_fail_at(ld, v->items[i], f2, "expected a compatible string, found %s",
						 sim_ydescribe(v->items[i], buf, sizeof(buf)));
				return false;
			}
			if (!get_text(ld, v->items[i], f2, p->dt_matches[i], SOC_COMPAT_LEN))
				return false;
		}
		p->dt_match_count = v->n;
	}
	memcpy(p->dt_match, p->dt_matches[0], SOC_COMPAT_LEN);
	return true;
}

static bool load_revisions(struct sim_yaml_ctx *ld, const struct sim_ynode *top, struct soc_preset *p)
{
	char field[160], base[64], what[64];
	const struct sim_ynode *v =
		field_of(ld, top, "", "revisions", true, "a list of revisions", field, sizeof(field));
	const struct sim_ynode *dflt;
	unsigned int i, j;

	if (!v || !sim_yaml_expect(ld, v, top, field, SIM_YN_SEQ, "a list of revisions"))
		return false;
	if (v->n == 0 || v->n > SOC_PRESET_MAX_REVS) {
		sim_yaml_fail_at(ld, v, field, "expected 1 to %u revisions, found %u", SOC_PRESET_MAX_REVS, v->n);
		return false;
	}
	for (i = 0; i < v->n; i++) {
		const struct sim_ynode *r = v->items[i], *f;
		struct soc_preset_rev *rev = &p->revs[i];

		snprintf(base, sizeof(base), "revisions[%u]", i);
		if (!sim_yaml_expect(ld, r, v, base, SIM_YN_MAP, "a mapping {rev, svr, pvr, erratum-a003638}") ||
		    !sim_yaml_check_keys(ld, r, base, rev_keys))
			return false;
		f = field_of(ld, r, base, "rev", true, "a revision name such as \"2.0\"", field, sizeof(field));
		if (!f || !get_word(ld, f, field, rev->name, sizeof(rev->name), ".",
				    "a revision name such as \"2.0\" (digits, letters and dots)"))
			return false;
		for (j = 0; j < i; j++) {
			if (!strcmp(p->revs[j].name, rev->name)) {
				sim_yaml_fail_at(ld, f, field, "expected each revision once, found \"%s\" again",
						 rev->name);
				return false;
			}
		}
		f = field_of(ld, r, base, "svr", true, "a 32-bit integer", field, sizeof(field));
		if (!f || !get_u32(ld, f, field, &rev->svr))
			return false;
		if (rev->svr & 0x00080000u) {
			sim_yaml_fail_at(ld, f, field,
					 "expected the SVR with the security (E) bit 0x80000 clear, found 0x%08x",
					 rev->svr);
			return false;
		}
		f = field_of(ld, r, base, "pvr", true, "a 32-bit integer", field, sizeof(field));
		if (!f || !get_u32(ld, f, field, &rev->pvr))
			return false;
		f = field_of(ld, r, base, "erratum-a003638", true, "true or false", field, sizeof(field));
		if (!f || !get_bool(ld, f, field, &rev->erratum_a003638))
			return false;
	}
	p->rev_count = v->n;

	dflt = field_of(ld, top, "", "default-revision", true, "the name of one of the revisions", field,
			sizeof(field));
	if (!dflt || !get_text(ld, dflt, field, what, sizeof(what)))
		return false;
	for (i = 0; i < p->rev_count; i++)
		if (!strcmp(p->revs[i].name, what))
			break;
	if (i == p->rev_count) {
		char buf[80];

		sim_yaml_fail_at(ld, dflt, field, "expected the name of one of the revisions, found %s",
				 sim_ydescribe(dflt, buf, sizeof(buf)));
		return false;
	}
	p->default_rev = i;
	return true;
}

static bool is_pow2(uint64_t v)
{
	return v && !(v & (v - 1));
}

static bool load_dram_laws(struct sim_yaml_ctx *ld, const struct sim_ynode *top, struct soc_preset *p)
{
	char field[160], base[64];
	const struct sim_ynode *v, *f;
	uint64_t val;
	unsigned int i, j;

	v = field_of(ld, top, "", "dram", true, "a mapping {base, size}", field, sizeof(field));
	if (!v || !sim_yaml_expect(ld, v, top, field, SIM_YN_MAP, "a mapping {base, size}") ||
	    !sim_yaml_check_keys(ld, v, "dram", dram_keys))
		return false;
	f = field_of(ld, v, "dram", "base", true, "a 36-bit address aligned to 4 KiB", field, sizeof(field));
	if (!f || !sim_yaml_get_uint(ld, f, field, PHYS_LIMIT - 1, "a 36-bit address aligned to 4 KiB", &p->dram_base))
		return false;
	if (p->dram_base & 0xfff) {
		sim_yaml_fail_at(ld, f, field, "expected a 36-bit address aligned to 4 KiB, found 0x%llx",
				 (unsigned long long)p->dram_base);
		return false;
	}
	f = field_of(ld, v, "dram", "size", true, "a size in bytes, a multiple of 4 KiB", field, sizeof(field));
	if (!f || !sim_yaml_get_uint(ld, f, field, PHYS_LIMIT, "a size in bytes, a multiple of 4 KiB", &p->dram_size))
		return false;
	if (!p->dram_size || (p->dram_size & 0xfff) || p->dram_base + p->dram_size > PHYS_LIMIT) {
		sim_yaml_fail_at(ld, f, field,
				 "expected a non-zero multiple of 4 KiB ending at or below 2^36, found 0x%llx",
				 (unsigned long long)p->dram_size);
		return false;
	}

	v = field_of(ld, top, "", "laws", false, "a list of LAWs", field, sizeof(field));
	if (!v)
		return true;
	if (!sim_yaml_expect(ld, v, top, field, SIM_YN_SEQ, "a list of LAWs"))
		return false;
	if (v->n > SOC_PRESET_MAX_LAWS) {
		sim_yaml_fail_at(ld, v, field, "expected at most %u LAWs, found %u", SOC_PRESET_MAX_LAWS, v->n);
		return false;
	}
	for (i = 0; i < v->n; i++) {
		const struct sim_ynode *r = v->items[i];
		struct soc_law *law = &p->laws[i];

		snprintf(base, sizeof(base), "laws[%u]", i);
		if (!sim_yaml_expect(ld, r, v, base, SIM_YN_MAP, "a mapping {index, base, size, target}") ||
		    !sim_yaml_check_keys(ld, r, base, law_keys))
			return false;
		f = field_of(ld, r, base, "index", true, "a LAW number below 32", field, sizeof(field));
		if (!f || !sim_yaml_get_uint(ld, f, field, MAX_LAWS - 1, "a LAW number below 32", &val))
			return false;
		law->index = (unsigned int)val;
		for (j = 0; j < i; j++) {
			if (p->laws[j].index == law->index) {
				sim_yaml_fail_at(ld, f, field, "expected each LAW number once, found %u again",
						 law->index);
				return false;
			}
		}
		f = field_of(ld, r, base, "size", true, "a power of two from 4 KiB to 64 GiB", field, sizeof(field));
		if (!f ||
		    !sim_yaml_get_uint(ld, f, field, PHYS_LIMIT, "a power of two from 4 KiB to 64 GiB", &law->size))
			return false;
		if (!is_pow2(law->size) || law->size < 0x1000) {
			sim_yaml_fail_at(ld, f, field, "expected a power of two from 4 KiB to 64 GiB, found 0x%llx",
					 (unsigned long long)law->size);
			return false;
		}
		f = field_of(ld, r, base, "base", true, "a 36-bit address aligned to the LAW size", field,
			     sizeof(field));
		if (!f || !sim_yaml_get_uint(ld, f, field, PHYS_LIMIT - 1, "a 36-bit address aligned to the LAW size",
					     &law->base))
			return false;
		if ((law->base & (law->size - 1)) || law->base + law->size > PHYS_LIMIT) {
			sim_yaml_fail_at(ld, f, field,
					 "expected a 36-bit address aligned to the LAW size 0x%llx, found 0x%llx",
					 (unsigned long long)law->size, (unsigned long long)law->base);
			return false;
		}
		for (j = 0; j < i; j++) {
			const struct soc_law *o = &p->laws[j];

			if (law->base < o->base + o->size && o->base < law->base + law->size) {
				sim_yaml_fail_at(ld, f, field,
						 "expected a window no other LAW covers, found one that overlaps "
						 "laws[%u] (LAW %u)",
						 j, o->index);
				return false;
			}
		}
		f = field_of(ld, r, base, "target", true, "an 8-bit target id", field, sizeof(field));
		if (!f || !sim_yaml_get_uint(ld, f, field, 0xff, "an 8-bit target id", &val))
			return false;
		law->target = (uint8_t)val;
	}
	p->law_count = v->n;
	return true;
}

static bool load_blocks(struct sim_yaml_ctx *ld, const struct sim_ynode *top, struct soc_preset *p)
{
	static const char *const l2_names[] = { "none", "per-core", "cluster" };
	char field[160], buf[80];
	uint32_t *caps[] = { &p->pamu_caps.pr1, &p->pamu_caps.pr2, &p->pamu_caps.pc1, &p->pamu_caps.pc2,
			     &p->pamu_caps.pc3, &p->pamu_caps.pc4 };
	const struct sim_ynode *v, *f;
	uint64_t val;
	unsigned int i;

	v = field_of(ld, top, "", "pamu", true, "a mapping {pr1, pr2, pc1, pc2, pc3, pc4}", field, sizeof(field));
	if (!v || !sim_yaml_expect(ld, v, top, field, SIM_YN_MAP, "a mapping {pr1, pr2, pc1, pc2, pc3, pc4}") ||
	    !sim_yaml_check_keys(ld, v, "pamu", pamu_keys))
		return false;
	for (i = 0; i < 6; i++) {
		f = field_of(ld, v, "pamu", pamu_keys[i], true, "a 32-bit integer", field, sizeof(field));
		if (!f || !get_u32(ld, f, field, caps[i]))
			return false;
	}

	v = field_of(ld, top, "", "mpic", true, "a mapping {version, msi-alias-pages}", field, sizeof(field));
	if (!v || !sim_yaml_expect(ld, v, top, field, SIM_YN_MAP, "a mapping {version, msi-alias-pages}") ||
	    !sim_yaml_check_keys(ld, v, "mpic", mpic_keys))
		return false;
	f = field_of(ld, v, "mpic", "version", true, "a 16-bit integer", field, sizeof(field));
	if (!f || !sim_yaml_get_uint(ld, f, field, 0xffff, "a 16-bit integer", &val))
		return false;
	p->mpic_version = (uint16_t)val;
	f = field_of(ld, v, "mpic", "msi-alias-pages", true, "true or false", field, sizeof(field));
	if (!f || !get_bool(ld, f, field, &p->msi_alias_pages))
		return false;

	v = field_of(ld, top, "", "stash", true, "a mapping {cpu-base, cpu-stride, l2, l3}", field, sizeof(field));
	if (!v || !sim_yaml_expect(ld, v, top, field, SIM_YN_MAP, "a mapping {cpu-base, cpu-stride, l2, l3}") ||
	    !sim_yaml_check_keys(ld, v, "stash", stash_keys))
		return false;
	/* Stash ids end up in the 8-bit CID field of a PAACE (hw-facts.md 5, 11). */
	f = field_of(ld, v, "stash", "cpu-base", true, "an 8-bit stash id", field, sizeof(field));
	if (!f || !sim_yaml_get_uint(ld, f, field, 0xff, "an 8-bit stash id", &val))
		return false;
	p->cpu_stash_base = (uint32_t)val;
	f = field_of(ld, v, "stash", "cpu-stride", true, "an 8-bit integer", field, sizeof(field));
	if (!f || !sim_yaml_get_uint(ld, f, field, 0xff, "an 8-bit integer", &val))
		return false;
	p->cpu_stash_stride = (uint32_t)val;
	f = field_of(ld, v, "stash", "l2", true, "none, per-core or cluster", field, sizeof(field));
	if (!f)
		return false;
	for (i = 0; i < 3; i++)
		if (f->kind == SIM_YN_SCALAR && f->plain && !strcmp(f->text, l2_names[i]))
			break;
	if (i == 3) {
		sim_yaml_fail_at(ld, f, field, "expected none, per-core or cluster, found %s",
				 sim_ydescribe(f, buf, sizeof(buf)));
		return false;
	}
	p->l2_stash = (enum soc_l2_stash)i;
	f = field_of(ld, v, "stash", "l3", true, "an 8-bit stash id (0: none)", field, sizeof(field));
	if (!f || !sim_yaml_get_uint(ld, f, field, 0xff, "an 8-bit stash id (0: none)", &val))
		return false;
	p->l3_stash_id = (uint32_t)val;
	return true;
}

static bool load_liodn_row(struct sim_yaml_ctx *ld, const struct sim_ynode *r, unsigned int i, struct soc_fw_liodn *row,
			   const struct sim_ynode *list)
{
	char field[160], base[64], f2[176], buf[80];
	const struct sim_ynode *addr, *cell, *regonly, *f;
	bool register_only = false;
	uint64_t val;
	unsigned int k;

	snprintf(base, sizeof(base), "liodns[%u]", i);
	if (!sim_yaml_expect(ld, r, list, base, SIM_YN_MAP,
			     "a mapping {compatible, address | cell-index | "
			     "register-only, liodn, ...}") ||
	    !sim_yaml_check_keys(ld, r, base, liodn_keys))
		return false;
	row->line = r->line;
	f = field_of(ld, r, base, "device", false, "", field, sizeof(field));
	if (f && !get_text(ld, f, field, row->device, sizeof(row->device)))
		return false;

	addr = sim_ymap_get(r, "address", NULL);
	cell = sim_ymap_get(r, "cell-index", NULL);
	regonly = sim_ymap_get(r, "register-only", NULL);
	if (regonly) {
		sim_yaml_join_path(field, sizeof(field), base, "register-only");
		if (!get_bool(ld, regonly, field, &register_only))
			return false;
	}
	if ((addr != NULL) + (cell != NULL) + register_only != 1) {
		sim_yaml_fail_at(ld, r, base,
				 "expected exactly one of address, cell-index or register-only: true, found %s",
				 (addr || cell || register_only) ? "more than one" : "none");
		return false;
	}
	if (addr) {
		row->match = SOC_LIODN_BY_ADDRESS;
		sim_yaml_join_path(field, sizeof(field), base, "address");
		if (!sim_yaml_get_uint(ld, addr, field, CCSR_SIZE - 1, "a CCSR offset below 0x1000000",
				       &row->ccsr_offset))
			return false;
	} else if (cell) {
		row->match = SOC_LIODN_BY_CELL_INDEX;
		sim_yaml_join_path(field, sizeof(field), base, "cell-index");
		if (!get_u32(ld, cell, field, &row->cell_index))
			return false;
	} else {
		row->match = SOC_LIODN_REGISTER_ONLY;
	}
	f = field_of(ld, r, base, "compatible", !register_only, "the node's compatible string", field,
		     sizeof(field));
	if (!f && !register_only)
		return false;
	if (f && !get_text(ld, f, field, row->compatible, sizeof(row->compatible)))
		return false;

	f = field_of(ld, r, base, "liodn", true, "a list of one or two LIODNs", field, sizeof(field));
	if (!f || !sim_yaml_expect(ld, f, r, field, SIM_YN_SEQ, "a list of one or two LIODNs"))
		return false;
	if (f->n < 1 || f->n > 2) {
		sim_yaml_fail_at(ld, f, field, "expected a list of one or two LIODNs, found %u", f->n);
		return false;
	}
	for (k = 0; k < f->n; k++) {
		snprintf(f2, sizeof(f2), "%s[%u]", field, k);
		if (!sim_yaml_get_uint(ld, f->items[k], f2, LIODN_LIMIT - 1, "a LIODN below 4096 (12 bits)", &val))
			return false;
		row->liodn[k] = (uint32_t)val;
	}
	row->cells = f->n;

	f = field_of(ld, r, base, "guts-reg", false, "", field, sizeof(field));
	if (f) {
		if (!sim_yaml_get_uint(ld, f, field, 0xfff, "a GUTS LIODN register offset (0x500-0x588)", &val))
			return false;
		if (!soc_guts_is_liodn_reg((uint32_t)val)) {
			sim_yaml_fail_at(ld, f, field, "expected a GUTS LIODN register offset (0x500-0x588), found %s",
					 sim_ydescribe(f, buf, sizeof(buf)));
			return false;
		}
		row->guts_reg = (uint32_t)val;
	}
	f = field_of(ld, r, base, "shared", false, "", field, sizeof(field));
	if (f && !get_text(ld, f, field, row->shared_reason, sizeof(row->shared_reason)))
		return false;
	return true;
}

/* Where each LIODN value was first seen: row + 1 and cell (0 = unused). */
struct liodn_use {
	uint16_t row1;
	uint8_t cell;
};

static bool check_liodns_distinct(struct sim_yaml_ctx *ld, const struct sim_ynode *list, const struct soc_preset *p)
{
	struct liodn_use *use = calloc(LIODN_LIMIT, sizeof(*use));
	bool *sharing = calloc(p->liodn_count ? p->liodn_count : 1, sizeof(*sharing));
	char field[64];
	unsigned int i, k;
	bool ok = true;

	if (!use || !sharing) {
		free(use);
		free(sharing);
		sim_yaml_fail(ld, SIM_YAML_IO, 1, 1, "liodns", "expected memory for the check, found none left");
		return false;
	}
	for (i = 0; i < p->liodn_count && ok; i++) {
		const struct soc_fw_liodn *row = &p->liodns[i];

		for (k = 0; k < row->cells && ok; k++) {
			uint32_t v = row->liodn[k];
			struct liodn_use *u = &use[v];
			unsigned int j;

			if (!u->row1) {
				u->row1 = (uint16_t)(i + 1);
				u->cell = (uint8_t)k;
				continue;
			}
			j = u->row1 - 1;
			sharing[i] = sharing[j] = true;
			/* Blame the row without a reason: this one, else the first user. */
			if (!row->shared_reason[0] || !p->liodns[j].shared_reason[0]) {
				unsigned int bad = row->shared_reason[0] ? j : i;
				unsigned int cell = row->shared_reason[0] ? u->cell : k;
				const struct sim_ynode *at = sim_ymap_get(list->items[bad], "liodn", NULL);

				snprintf(field, sizeof(field), "liodns[%u].liodn[%u]", bad, cell);
				sim_yaml_fail_at(ld, at && cell < at->n ? at->items[cell] : list->items[bad], field,
						 "expected a LIODN no other row uses, or a shared: reason on every row "
						 "that uses it, found %u (also in liodns[%u])",
						 v, bad == i ? j : i);
				ok = false;
			}
		}
	}
	for (i = 0; i < p->liodn_count && ok; i++) {
		if (p->liodns[i].shared_reason[0] && !sharing[i]) {
			const struct sim_ynode *key = NULL;

			sim_ymap_get(list->items[i], "shared", &key);
			snprintf(field, sizeof(field), "liodns[%u].shared", i);
			sim_yaml_fail_at(ld, key, field,
					 "expected only on a row whose LIODN another row uses too, found a "
					 "reason on a row whose LIODNs are its own");
			ok = false;
		}
	}
	free(use);
	free(sharing);
	return ok;
}

static bool load_liodns(struct sim_yaml_ctx *ld, const struct sim_ynode *top, struct soc_preset *p)
{
	char field[160];
	const struct sim_ynode *v =
		field_of(ld, top, "", "liodns", true, "a list of firmware LIODN rows", field, sizeof(field));
	unsigned int i, j;

	if (!v || !sim_yaml_expect(ld, v, top, field, SIM_YN_SEQ, "a list of firmware LIODN rows"))
		return false;
	if (v->n == 0 || v->n > SOC_PRESET_MAX_LIODNS) {
		sim_yaml_fail_at(ld, v, field, "expected 1 to %u rows, found %u", SOC_PRESET_MAX_LIODNS, v->n);
		return false;
	}
	for (i = 0; i < v->n; i++) {
		struct soc_fw_liodn *row = &p->liodns[i];

		if (!load_liodn_row(ld, v->items[i], i, row, v))
			return false;
		/* Two rows for one node would give it two fsl,liodn values. */
		for (j = 0; j < i && row->match != SOC_LIODN_REGISTER_ONLY; j++) {
			const struct soc_fw_liodn *o = &p->liodns[j];

			if (o->match != row->match || strcmp(o->compatible, row->compatible) ||
			    (row->match == SOC_LIODN_BY_ADDRESS ? o->ccsr_offset != row->ccsr_offset :
			     o->cell_index != row->cell_index))
				continue;
			snprintf(field, sizeof(field), "liodns[%u]", i);
			sim_yaml_fail_at(ld, v->items[i], field,
					 "expected each node once, found the node of liodns[%u] again", j);
			return false;
		}
	}
	p->liodn_count = v->n;
	return check_liodns_distinct(ld, v, p);
}

static bool load_assumptions(struct sim_yaml_ctx *ld, const struct sim_ynode *top, struct soc_preset *p)
{
	char field[160], f2[176], buf[80];
	const struct sim_ynode *v = field_of(ld, top, "", "assumptions", false, "", field, sizeof(field));
	unsigned int i;

	if (!v)
		return true;
	if (!sim_yaml_expect(ld, v, top, field, SIM_YN_SEQ, "a list of strings"))
		return false;
	if (v->n > SOC_PRESET_MAX_ASSUMPTIONS) {
		sim_yaml_fail_at(ld, v, field, "expected at most %u assumptions, found %u", SOC_PRESET_MAX_ASSUMPTIONS,
				 v->n);
		return false;
	}
	for (i = 0; i < v->n; i++) {
		snprintf(f2, sizeof(f2), "%s[%u]", field, i);
		if (v->items[i]->kind != SIM_YN_SCALAR) {
			sim_yaml_fail_at(ld, v->items[i], f2, "expected a string, found %s",
					 sim_ydescribe(v->items[i], buf, sizeof(buf)));
			return false;
		}
		if (!get_text(ld, v->items[i], f2, p->assumptions[i], SOC_TEXT_LEN))
			return false;
	}
	p->assumption_count = v->n;
	return true;
}

static bool load_top(struct sim_yaml_ctx *ld, const struct sim_ynode *top, struct soc_preset *p)
{
	char field[160];
	const struct sim_ynode *f;

	if (!sim_yaml_check_keys(ld, top, "", top_keys))
		return false;
	f = field_of(ld, top, "", "name", true, "a preset name", field, sizeof(field));
	if (!f || !get_word(ld, f, field, p->name, sizeof(p->name), "-.",
			    "a preset name of lower-case letters, digits, '-' and '.'"))
		return false;
	f = field_of(ld, top, "", "description", true, "a one-line description", field, sizeof(field));
	if (!f || !get_text(ld, f, field, p->description, sizeof(p->description)))
		return false;
	if (strchr(p->description, '\n')) {
		sim_yaml_fail_at(ld, f, field, "expected a one-line description, found several lines");
		return false;
	}
	if (!load_dt_match(ld, top, p))
		return false;
	f = field_of(ld, top, "", "auto-match", true, "true or false", field, sizeof(field));
	if (!f || !get_bool(ld, f, field, &p->auto_match))
		return false;
	f = field_of(ld, top, "", "board", true, "a board name (its DTB file name without .dtb)", field,
		     sizeof(field));
	if (!f || !get_word(ld, f, field, p->board, sizeof(p->board), "-_A",
			    "a board name (letters, digits, '-' and '_')"))
		return false;
	return load_revisions(ld, top, p) && load_dram_laws(ld, top, p) && load_blocks(ld, top, p) &&
	       load_liodns(ld, top, p) && load_assumptions(ld, top, p) && soc_preset_load_timing(ld, top, p);
}

/* ------------------------------------------------------------------ public API */

enum soc_preset_status soc_preset_load(const char *path, struct soc_preset *out, struct soc_error *err)
{
	struct sim_yaml_ctx ld = {.file = path, .msg = err ? err->msg : NULL, .cap = err ? sizeof(err->msg) : 0};
	struct sim_ynode *root;

	if (err)
		err->msg[0] = '\0';
	if (!out || !path) {
		set_err(err, "soc_preset_load: expected a path and an output preset, found NULL");
		return SOC_PRESET_IO;
	}
	memset(out, 0, sizeof(*out));
	root = sim_yaml_load(&ld, &preset_limits, "preset");
	if (ld.status != SIM_YAML_OK)
		return preset_status(ld.status);
	if (!root) {
		sim_yaml_fail(&ld, SIM_YAML_INVALID, 1, 1, "",
			      "expected a mapping of preset fields, found an empty document");
	} else if (root->kind != SIM_YN_MAP) {
		char b[80];

		sim_yaml_fail_at(&ld, root, "", "expected a mapping of preset fields, found %s",
				 sim_ydescribe(root, b, sizeof(b)));
	} else if (load_top(&ld, root, out)) {
		snprintf(out->file, sizeof(out->file), "%s", path);
	}
	sim_yaml_free(root);
	if (ld.status != SIM_YAML_OK)
		memset(out, 0, sizeof(*out));
	return preset_status(ld.status);
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

enum soc_preset_status soc_preset_load_dir(const char *dir, struct soc_preset *out, unsigned int max,
					   unsigned int *count, struct soc_error *err)
{
	enum soc_preset_status st = SOC_PRESET_OK;
	char *names[PRESET_MAX_DIR_FILES];
	unsigned int n = 0, i;
	struct dirent *de;
	DIR *d;

	if (count)
		*count = 0;
	if (err)
		err->msg[0] = '\0';
	if (!dir || !out || !count) {
		set_err(err, "soc_preset_load_dir: expected a directory, an output array and a count, found NULL");
		return SOC_PRESET_IO;
	}
	d = opendir(dir);
	if (!d) {
		set_err(err, "%s: cannot read the preset directory: %s", dir, strerror(errno));
		return SOC_PRESET_IO;
	}
	while ((de = readdir(d))) {
		size_t len = strlen(de->d_name);

		if (de->d_name[0] == '.' || len <= 5 || strcmp(de->d_name + len - 5, ".yaml"))
			continue;
		if (n == PRESET_MAX_DIR_FILES || n == max) {
			set_err(err, "%s: expected at most %u preset files, found more", dir,
				max < PRESET_MAX_DIR_FILES ? max : PRESET_MAX_DIR_FILES);
			st = SOC_PRESET_INVALID;
			break;
		}
		names[n] = strdup(de->d_name);
		if (!names[n]) {
			set_err(err, "%s: cannot read the preset directory: out of memory", dir);
			st = SOC_PRESET_IO;
			break;
		}
		n++;
	}
	closedir(d);
	if (st == SOC_PRESET_OK)
		qsort(names, n, sizeof(names[0]), name_cmp);
	for (i = 0; i < n && st == SOC_PRESET_OK; i++) {
		size_t plen = strlen(dir) + strlen(names[i]) + 2;
		char *path = malloc(plen);

		if (!path) {
			set_err(err, "%s: cannot read the preset directory: out of memory", dir);
			st = SOC_PRESET_IO;
			break;
		}
		snprintf(path, plen, "%s/%s", dir, names[i]);
		st = soc_preset_load(path, &out[i], err);
		if (st == SOC_PRESET_OK) {
			size_t stem = strlen(names[i]) - 5;

			/* The file name is the preset's name: `--soc NAME` finds socs/NAME.yaml. */
			if (strlen(out[i].name) != stem || strncmp(out[i].name, names[i], stem)) {
				set_err(err, "%s: name: expected \"%.*s\" (the file name), found \"%s\"", path,
					(int)stem, names[i], out[i].name);
				st = SOC_PRESET_INVALID;
			}
		}
		free(path);
		if (st == SOC_PRESET_OK)
			*count = i + 1;
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	return st;
}

int soc_preset_find_rev(const struct soc_preset *p, const char *rev)
{
	unsigned int i;

	for (i = 0; p && rev && i < p->rev_count && i < SOC_PRESET_MAX_REVS; i++)
		if (!strcmp(p->revs[i].name, rev))
			return (int)i;
	return -1;
}

int soc_preset_find(const struct soc_preset *presets, unsigned int count, const char *name)
{
	unsigned int i;

	for (i = 0; presets && name && i < count; i++)
		if (!strcmp(presets[i].name, name))
			return (int)i;
	return -1;
}

/* First compatible string of a node, or NULL. */
static const char *first_compat(const void *fdt, int node)
{
	int len;
	const char *c = fdt_getprop(fdt, node, "compatible", &len);

	if (!c || len <= 0 || !memchr(c, '\0', (size_t)len))
		return NULL;
	return c;
}

/* 2: a dt-match string is the root's first compatible; 1: some other node's; 0: none. */
static int match_level(const struct soc_preset *p, const void *fdt)
{
	unsigned int k, nmatch = p->dt_match_count ? p->dt_match_count : 1;
	int node, level = 0;

	for (node = 0; node >= 0; node = fdt_next_node(fdt, node, NULL)) {
		const char *c = first_compat(fdt, node);

		if (!c)
			continue;
		for (k = 0; k < nmatch && k < SOC_PRESET_MAX_DT_MATCH; k++) {
			const char *m = p->dt_match_count ? p->dt_matches[k] : p->dt_match;

			if (m[0] && !strcmp(c, m)) {
				if (node == 0)
					return 2;
				level = 1;
			}
		}
	}
	return level;
}

int soc_preset_match_fdt(const struct soc_preset *presets, unsigned int count, const void *fdt, size_t size,
			 const char *file, struct soc_error *err)
{
	int best = SOC_PRESET_NO_MATCH, best_level = 0, other = -1;
	struct soc_error dt_err;
	struct soc_dt dt;
	unsigned int i;

	if (err)
		err->msg[0] = '\0';
	/* The same checks the SoC builder makes, so a bad blob is refused with the same message and nothing
	 * below reads past size bytes. */
	if (!soc_dt_open(&dt, fdt, size, file ? file : "dtb", &dt_err)) {
		set_err(err, "%s", dt_err.msg);
		return SOC_PRESET_BAD_FDT;
	}
	soc_dt_close(&dt);
	for (i = 0; presets && i < count; i++) {
		int level;

		if (!presets[i].auto_match)
			continue;
		level = match_level(&presets[i], fdt);
		if (level > best_level) {
			best_level = level;
			best = (int)i;
			other = -1;
		} else if (level && level == best_level) {
			other = (int)i;
		}
	}
	if (best_level && other >= 0) {
		set_err(err, "the tree matches the presets %s and %s equally (%s); choose one with --preset",
			presets[best].name, presets[other].name, best_level == 2 ? "board compatible" : "SoC block");
		return SOC_PRESET_AMBIGUOUS;
	}
	if (!best_level) {
		const char *root = first_compat(fdt, 0);

		set_err(err, "no preset's dt-match names a compatible of this tree (root compatible \"%s\"); choose "
			"one with --preset", root ? root : "");
		return SOC_PRESET_NO_MATCH;
	}
	return best;
}
