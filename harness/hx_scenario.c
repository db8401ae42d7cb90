// SPDX-License-Identifier: BSD-2-Clause
/*
 * hx_scenario.c - scenario loader: one YAML file -> struct hx_scenario, every field checked.
 *
 * Schema: docs/scenarios.md. Contracts: ../shared/DESIGN.md (socs/kernels as lists or `any`, error
 * format "file:line:column: field: what was expected, what was found", unknown keys are errors). The
 * YAML tree, its refusals and the generic checks come from model/common/sim_yaml.c. Devices are
 * resolved against each SoC by the runner (hx_run_check), still before anything runs.
 */
#include "hx_scenario.h"
#include "hx_inject.h"
#include "hx_vfio.h"
#include "hx_known.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pamu.h"
#include "pamu_timing.h"

const char *const hx_finding_kinds[] = {
	"isolation-violation", "unexpected-fault", "missing-fault", "msi-misdelivery", "driver-bug",
	"driver-crash", "driver-warn", "leak", "double-free", "lock-imbalance", "register-misuse",
	"unmapped-access", "hang", "stale-translation", "contract-violation", NULL,
};

bool hx_is_finding_kind(const char *kind)
{
	unsigned int i;

	for (i = 0; hx_finding_kinds[i]; i++)
		if (!strcmp(hx_finding_kinds[i], kind))
			return true;
	return false;
}

/* The scenario limits: sim_yaml's defaults, but ten levels of nesting (docs/scenarios.md). */
static const struct sim_yaml_limits hx_limits = {
	.max_file = 1u << 20,
	.max_depth = 10,
	.max_nodes = 65536u,
	.max_scalar = 4096u,
};

bool hx_yparse_u64(const char *s, uint64_t *out)
{
	uint64_t v = 0, base = 10, mult = 1;
	size_t len = strlen(s), i = 0, digits = 0;

	if (len && (s[len - 1] == 'K' || s[len - 1] == 'M' || s[len - 1] == 'G')) {
		mult = s[len - 1] == 'K' ? 1ull << 10 : s[len - 1] == 'M' ? 1ull << 20 : 1ull << 30;
		len--;
	}
	if (len > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		i = 2;
	} else if (len > 2 && s[0] == '0' && (s[1] == 'b' || s[1] == 'B')) {
		base = 2;
		i = 2;
	}
	for (; i < len; i++) {
		unsigned int d;
		char c = s[i];

		if (c == '_')
			continue;
		if (c >= '0' && c <= '9')
			d = (unsigned int)(c - '0');
		else if (c >= 'a' && c <= 'f')
			d = (unsigned int)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			d = (unsigned int)(c - 'A' + 10);
		else
			return false;
		if (d >= base)
			return false;
		if (v > (UINT64_MAX - d) / base)
			return false;
		v = v * base + d;
		digits++;
	}
	if (!digits)
		return false;
	if (mult > 1 && v > UINT64_MAX / mult)
		return false;
	*out = v * mult;
	return true;
}

/* An optional (or required) unsigned number field. Returns false only on error. */
/* A kernel errno as a scenario writes it: -EINVAL ... or -<decimal>. */
bool hx_parse_errno(const char *s, int *out)
{
	static const struct {
		const char *name;
		int val;
	} tab[] = {
		{ "EINVAL", EINVAL }, { "EBUSY", EBUSY }, { "ENODEV", ENODEV }, { "ENOSYS", ENOSYS },
		{ "ENOMEM", ENOMEM }, { "EEXIST", EEXIST }, { "ENOENT", ENOENT }, { "EPERM", EPERM },
		{ "ENOSPC", ENOSPC }, { "ERANGE", ERANGE }, { "EFAULT", EFAULT },
	};
	unsigned int i;
	uint64_t v;

	if (s[0] != '-')
		return false;
	for (i = 0; i < sizeof(tab) / sizeof(tab[0]); i++)
		if (!strcmp(s + 1, tab[i].name)) {
			*out = -tab[i].val;
			return true;
		}
	if (!hx_yparse_u64(s + 1, &v) || v == 0 || v > 4095)
		return false;
	*out = -(int)v;
	return true;
}

static bool get_u64(struct sim_yaml_ctx *ld, const struct sim_ynode *map, const char *path, const char *key,
		    bool required, uint64_t max, uint64_t *out, bool *present)
{
	const struct sim_ynode *n = sim_ymap_get(map, key, NULL);
	char field[200], buf[80];
	uint64_t v;

	sim_yaml_join_path(field, sizeof(field), path, key);
	if (present)
		*present = n != NULL;
	if (!n) {
		if (required)
			sim_yaml_fail_at(ld, map, field, "expected a number, found nothing (the field is missing)");
		return !required;
	}
	if (n->kind != SIM_YN_SCALAR || !n->plain || !hx_yparse_u64(n->text, &v)) {
		sim_yaml_fail_at(ld, n, field,
				 "expected an unsigned number (decimal, 0x hex, 0b binary, K/M/G suffix), found %s",
				 sim_ydescribe(n, buf, sizeof(buf)));
		return false;
	}
	if (v > max) {
		sim_yaml_fail_at(ld, n, field, "expected a number of at most 0x%llx, found %s", (unsigned long long)max,
				 n->text);
		return false;
	}
	*out = v;
	return true;
}

static bool get_str(struct sim_yaml_ctx *ld, const struct sim_ynode *map, const char *path, const char *key,
		    bool required, char *out, size_t cap, bool *present)
{
	const struct sim_ynode *n = sim_ymap_get(map, key, NULL);
	char field[200], buf[80];

	sim_yaml_join_path(field, sizeof(field), path, key);
	if (present)
		*present = n != NULL;
	if (!n) {
		if (required)
			sim_yaml_fail_at(ld, map, field, "expected a text value, found nothing (the field is missing)");
		return !required;
	}
	if (n->kind != SIM_YN_SCALAR) {
		sim_yaml_fail_at(ld, n, field, "expected a text value, found %s", sim_ydescribe(n, buf, sizeof(buf)));
		return false;
	}
	return sim_yaml_copy_text(ld, n, field, out, cap);
}

static bool get_bool(struct sim_yaml_ctx *ld, const struct sim_ynode *map, const char *path, const char *key, bool *out)
{
	const struct sim_ynode *n = sim_ymap_get(map, key, NULL);
	char field[200], buf[80];

	if (!n)
		return true;
	sim_yaml_join_path(field, sizeof(field), path, key);
	if (n->kind == SIM_YN_SCALAR && n->plain && (!strcmp(n->text, "true") || !strcmp(n->text, "yes"))) {
		*out = true;
		return true;
	}
	if (n->kind == SIM_YN_SCALAR && n->plain && (!strcmp(n->text, "false") || !strcmp(n->text, "no"))) {
		*out = false;
		return true;
	}
	sim_yaml_fail_at(ld, n, field, "expected true or false, found %s", sim_ydescribe(n, buf, sizeof(buf)));
	return false;
}

static bool is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
	       c == '_' || c == '.';
}

static bool check_name(struct sim_yaml_ctx *ld, const struct sim_ynode *n, const char *field, const char *s)
{
	size_t i;

	for (i = 0; s[i]; i++) {
		if (!is_name_char(s[i])) {
			sim_yaml_fail_at(ld, n, field,
					 "expected a name of letters, digits, '-', '_' and '.', found \"%.40s\"", s);
			return false;
		}
	}
	if (!i) {
		sim_yaml_fail_at(ld, n, field, "expected a name, found an empty one");
		return false;
	}
	return true;
}

/* socs: / kernels: a list of names or `any`. */
static bool get_targets(struct sim_yaml_ctx *ld, const struct sim_ynode *root, const char *key, bool *any,
			char (*names)[32], unsigned int *count)
{
	const struct sim_ynode *n = sim_ymap_get(root, key, NULL);
	char field[64], buf[80];
	unsigned int i;

	*any = true;
	*count = 0;
	if (!n)
		return true;
	if (n->kind == SIM_YN_SCALAR && !strcmp(n->text, "any"))
		return true;
	if (n->kind != SIM_YN_SEQ || n->n == 0) {
		sim_yaml_fail_at(ld, n, key, "expected `any` or a non-empty list of names, found %s",
				 sim_ydescribe(n, buf, sizeof(buf)));
		return false;
	}
	if (n->n > HX_MAX_TARGETS) {
		sim_yaml_fail_at(ld, n, key, "expected at most %u names, found %u", HX_MAX_TARGETS, n->n);
		return false;
	}
	*any = false;
	for (i = 0; i < n->n; i++) {
		const struct sim_ynode *it = n->items[i];

		snprintf(field, sizeof(field), "%s[%u]", key, i);
		if (it->kind != SIM_YN_SCALAR || it->len >= 32) {
			sim_yaml_fail_at(ld, it, field, "expected a name (at most 31 characters), found %s",
					 sim_ydescribe(it, buf, sizeof(buf)));
			return false;
		}
		if (!check_name(ld, it, field, it->text))
			return false;
		memcpy(names[i], it->text, it->len + 1);
	}
	*count = n->n;
	return true;
}

static int find_device(const struct hx_scenario *sc, const char *name)
{
	unsigned int i;

	for (i = 0; i < sc->ndevices; i++)
		if (!strcmp(sc->devices[i].name, name))
			return (int)i;
	return -1;
}

static bool get_device_ref(struct sim_yaml_ctx *ld, const struct hx_scenario *sc, const struct sim_ynode *map,
			   const char *path, bool required, int *out)
{
	const struct sim_ynode *n = sim_ymap_get(map, "device", NULL);
	char field[200], buf[80], list[300];
	unsigned int i;
	size_t o = 0;

	sim_yaml_join_path(field, sizeof(field), path, "device");
	*out = -1;
	if (!n) {
		if (required)
			sim_yaml_fail_at(ld, map, field,
					 "expected a device named under devices:, found nothing (the field is missing)");
		return !required;
	}
	if (n->kind == SIM_YN_SCALAR)
		*out = find_device(sc, n->text);
	if (*out >= 0)
		return true;
	list[0] = '\0';
	for (i = 0; i < sc->ndevices && o < sizeof(list); i++)
		o += (size_t)snprintf(list + o, sizeof(list) - o, "%s%s", i ? ", " : "", sc->devices[i].name);
	sim_yaml_fail_at(ld, n, field, "expected a device named under devices: (%s), found %s",
			 sc->ndevices ? list : "none declared", sim_ydescribe(n, buf, sizeof(buf)));
	return false;
}

static bool parse_devices(struct sim_yaml_ctx *ld, const struct sim_ynode *root, struct hx_scenario *sc)
{
	static const char *const dev_keys[] = { "liodn", "pamu", NULL };
	const struct sim_ynode *n = sim_ymap_get(root, "devices", NULL);
	char field[200], buf[80];
	unsigned int i;

	if (!n)
		return true;
	if (!sim_yaml_expect(ld, n, root, "devices", SIM_YN_MAP, "a mapping of device names to tree nodes"))
		return false;
	if (n->n / 2 > HX_MAX_DEVICES) {
		sim_yaml_fail_at(ld, n, "devices", "expected at most %u devices, found %u", HX_MAX_DEVICES, n->n / 2);
		return false;
	}
	for (i = 0; i + 1 < n->n; i += 2) {
		const struct sim_ynode *key = n->items[i], *val = n->items[i + 1];
		struct hx_device *d = &sc->devices[sc->ndevices];

		snprintf(field, sizeof(field), "devices.%.40s", key->text);
		if (key->len >= HX_NAME_LEN || !check_name(ld, key, field, key->text))
			return ld->status == SIM_YAML_OK ?
				       (sim_yaml_fail_at(ld, key, field, "expected a shorter name"), false) : false;
		memcpy(d->name, key->text, key->len + 1);
		d->line = val->line;
		d->col = val->col;
		if (val->kind == SIM_YN_SCALAR) {
			if (val->len == 0 || val->len >= sizeof(d->node)) {
				sim_yaml_fail_at(ld, val, field,
						 "expected a tree node path or a preset device label, found %s",
						 sim_ydescribe(val, buf, sizeof(buf)));
				return false;
			}
			memcpy(d->node, val->text, val->len + 1);
		} else if (val->kind == SIM_YN_MAP) {
			uint64_t v = 0;

			if (!sim_yaml_check_keys(ld, val, field, dev_keys) ||
			    !get_u64(ld, val, field, "liodn", true, 0xffff, &v, NULL))
				return false;
			d->explicit_liodn = true;
			d->liodn = (uint32_t)v;
			v = 0;
			if (!get_u64(ld, val, field, "pamu", false, 7, &v, NULL))
				return false;
			d->pamu = (unsigned int)v;
		} else {
			sim_yaml_fail_at(ld, val, field,
					 "expected a tree node path, a preset label or {liodn: N, pamu: N}, found %s",
					 sim_ydescribe(val, buf, sizeof(buf)));
			return false;
		}
		sc->ndevices++;
	}
	return true;
}

static bool parse_ranges(struct sim_yaml_ctx *ld, const struct sim_ynode *n, const char *path, struct hx_range *out,
			 unsigned int *count)
{
	static const char *const keys[] = { "base", "size", NULL };
	char field[200];
	unsigned int i;

	if (!sim_yaml_expect(ld, n, n, path, SIM_YN_SEQ, "a list of {base, size} ranges"))
		return false;
	if (n->n > HX_MAX_RANGES) {
		sim_yaml_fail_at(ld, n, path, "expected at most %u ranges, found %u", HX_MAX_RANGES, n->n);
		return false;
	}
	for (i = 0; i < n->n; i++) {
		snprintf(field, sizeof(field), "%.150s[%u]", path, i);
		if (!sim_yaml_expect(ld, n->items[i], n, field, SIM_YN_MAP, "a {base, size} range") ||
		    !sim_yaml_check_keys(ld, n->items[i], field, keys) ||
		    !get_u64(ld, n->items[i], field, "base", true, (1ull << 36) - 1, &out[i].base, NULL) ||
		    !get_u64(ld, n->items[i], field, "size", true, 1ull << 36, &out[i].size, NULL))
			return false;
		if (out[i].size == 0 || out[i].base + out[i].size > (1ull << 36)) {
			sim_yaml_fail_at(ld, n->items[i], field,
					 "expected a non-empty range inside the 36-bit address space, "
					 "found base 0x%llx size 0x%llx",
					 (unsigned long long)out[i].base, (unsigned long long)out[i].size);
			return false;
		}
	}
	*count = n->n;
	return true;
}

static bool parse_policy(struct sim_yaml_ctx *ld, const struct sim_ynode *root, struct hx_scenario *sc)
{
	static const char *const pol_keys[] = { "domains", NULL };
	static const char *const dom_keys[] = { "name", "devices", "memory", "msi-banks", NULL };
	const struct sim_ynode *n = sim_ymap_get(root, "policy", NULL), *doms;
	char field[200], f2[240], buf[80];
	unsigned int i, k;

	if (!n)
		return true;
	if (!sim_yaml_expect(ld, n, root, "policy", SIM_YN_MAP, "a mapping with domains:") ||
	    !sim_yaml_check_keys(ld, n, "policy", pol_keys))
		return false;
	doms = sim_ymap_get(n, "domains", NULL);
	if (!sim_yaml_expect(ld, doms, n, "policy.domains", SIM_YN_SEQ, "a list of domains"))
		return false;
	if (doms->n == 0 || doms->n > HX_MAX_DOMAINS) {
		sim_yaml_fail_at(ld, doms, "policy.domains", "expected 1 to %u domains, found %u", HX_MAX_DOMAINS,
				 doms->n);
		return false;
	}
	sc->has_policy = true;
	for (i = 0; i < doms->n; i++) {
		const struct sim_ynode *d = doms->items[i], *devs, *mem, *banks;
		struct hx_domain *dom = &sc->domains[i];

		snprintf(field, sizeof(field), "policy.domains[%u]", i);
		if (!sim_yaml_expect(ld, d, doms, field, SIM_YN_MAP, "a domain mapping") ||
		    !sim_yaml_check_keys(ld, d, field, dom_keys) ||
		    !get_str(ld, d, field, "name", true, dom->name, sizeof(dom->name), NULL))
			return false;
		devs = sim_ymap_get(d, "devices", NULL);
		sim_yaml_join_path(f2, sizeof(f2), field, "devices");
		if (!sim_yaml_expect(ld, devs, d, f2, SIM_YN_SEQ, "a list of device names"))
			return false;
		for (k = 0; k < devs->n; k++) {
			int idx = devs->items[k]->kind == SIM_YN_SCALAR ? find_device(sc, devs->items[k]->text) : -1;
			unsigned int o;

			if (idx < 0) {
				sim_yaml_fail_at(ld, devs->items[k], f2,
						 "expected a device named under devices:, found %s",
						 sim_ydescribe(devs->items[k], buf, sizeof(buf)));
				return false;
			}
			for (o = 0; o < i; o++) {
				if (sc->domains[o].devices & (1u << idx)) {
					sim_yaml_fail_at(ld, devs->items[k], f2,
							 "expected each device in one domain, found %s "
							 "also in domain %s",
							 devs->items[k]->text, sc->domains[o].name);
					return false;
				}
			}
			dom->devices |= 1u << idx;
		}
		mem = sim_ymap_get(d, "memory", NULL);
		sim_yaml_join_path(f2, sizeof(f2), field, "memory");
		if (mem && !parse_ranges(ld, mem, f2, dom->mem, &dom->nmem))
			return false;
		banks = sim_ymap_get(d, "msi-banks", NULL);
		sim_yaml_join_path(f2, sizeof(f2), field, "msi-banks");
		if (banks) {
			if (!sim_yaml_expect(ld, banks, d, f2, SIM_YN_SEQ, "a list of MSI bank numbers"))
				return false;
			for (k = 0; k < banks->n; k++) {
				uint64_t b;

				if (banks->items[k]->kind != SIM_YN_SCALAR ||
				    !hx_yparse_u64(banks->items[k]->text, &b) || b >= 8) {
					sim_yaml_fail_at(ld, banks->items[k], f2,
							 "expected an MSI bank number 0..7, found %s",
							 sim_ydescribe(banks->items[k], buf, sizeof(buf)));
					return false;
				}
				dom->msi_banks |= 1u << b;
			}
		}
	}
	sc->ndomains = doms->n;
	return true;
}

static bool parse_op(struct sim_yaml_ctx *ld, const struct sim_ynode *map, const char *path, uint8_t *op,
		     bool is_write_default)
{
	const struct sim_ynode *n = sim_ymap_get(map, "op", NULL);
	char field[200], buf[80];
	uint64_t v;

	*op = is_write_default ? PAMU_OP_WRITE : PAMU_OP_READ;
	if (!n)
		return true;
	sim_yaml_join_path(field, sizeof(field), path, "op");
	if (n->kind == SIM_YN_SCALAR) {
		if (!strcmp(n->text, "read")) {
			*op = PAMU_OP_READ;
			return true;
		}
		if (!strcmp(n->text, "write")) {
			*op = PAMU_OP_WRITE;
			return true;
		}
		if (hx_yparse_u64(n->text, &v) && v <= 0xff) {
			*op = (uint8_t)v;
			return true;
		}
	}
	sim_yaml_fail_at(ld, n, field, "expected read, write or an inbound operation code 0..0xff, found %s",
			 sim_ydescribe(n, buf, sizeof(buf)));
	return false;
}

static bool fault_name_known(const char *s)
{
	unsigned int f;

	for (f = 1; f < PAMU_FAULT_COUNT; f++)
		if (!strcmp(pamu_fault_name((enum pamu_fault)f), s))
			return true;
	return false;
}

static bool parse_dma_expect(struct sim_yaml_ctx *ld, const struct sim_ynode *map, const char *path, struct hx_step *st)
{
	static const char *const keys[] = { "translated", NULL };
	const struct sim_ynode *n = sim_ymap_get(map, "expect", NULL);
	char field[200], buf[80];

	st->expect = HX_EXPECT_ANY;
	if (!n)
		return true;
	sim_yaml_join_path(field, sizeof(field), path, "expect");
	if (n->kind == SIM_YN_MAP) {
		if (!sim_yaml_check_keys(ld, n, field, keys) ||
		    !get_u64(ld, n, field, "translated", true, (1ull << 36) - 1, &st->expect_addr, NULL))
			return false;
		st->expect = HX_EXPECT_TRANSLATED;
		return true;
	}
	if (n->kind == SIM_YN_SCALAR) {
		if (!strcmp(n->text, "ok")) {
			st->expect = HX_EXPECT_OK;
			return true;
		}
		if (!strcmp(n->text, "fault")) {
			st->expect = HX_EXPECT_FAULT;
			return true;
		}
		if (fault_name_known(n->text) && n->len < sizeof(st->expect_fault)) {
			st->expect = HX_EXPECT_FAULT;
			memcpy(st->expect_fault, n->text, n->len + 1);
			return true;
		}
	}
	sim_yaml_fail_at(ld, n, field,
			 "expected ok, fault, a fault kind (window, permission, paace-invalid, ...; "
			 "docs/scenarios.md) or {translated: ADDRESS}, found %s",
			 sim_ydescribe(n, buf, sizeof(buf)));
	return false;
}

static bool parse_block(struct sim_yaml_ctx *ld, const struct sim_ynode *map, const char *path, struct hx_step *st)
{
	const struct sim_ynode *n = sim_ymap_get(map, "block", NULL);
	char field[200], buf[80];
	uint64_t idx;

	sim_yaml_join_path(field, sizeof(field), path, "block");
	if (!sim_yaml_expect(ld, n, map, field, SIM_YN_SCALAR, "a block: pamu<N>, mpic, guts, ccsr or phys"))
		return false;
	if (!strncmp(n->text, "pamu", 4) && hx_yparse_u64(n->text + 4, &idx) && idx < 8) {
		st->block = HX_BLOCK_PAMU;
		st->block_index = (unsigned int)idx;
	} else if (!strcmp(n->text, "mpic")) {
		st->block = HX_BLOCK_MPIC;
	} else if (!strcmp(n->text, "guts")) {
		st->block = HX_BLOCK_GUTS;
	} else if (!strcmp(n->text, "ccsr")) {
		st->block = HX_BLOCK_CCSR;
	} else if (!strcmp(n->text, "phys")) {
		st->block = HX_BLOCK_PHYS;
	} else {
		sim_yaml_fail_at(ld, n, field, "expected a block: pamu<N>, mpic, guts, ccsr or phys, found %s",
				 sim_ydescribe(n, buf, sizeof(buf)));
		return false;
	}
	return true;
}

static bool parse_reg_access(struct sim_yaml_ctx *ld, const struct sim_ynode *map, const char *path, struct hx_step *st,
			     bool write)
{
	bool has_reg = false, has_off = false, has_expect = false;
	uint64_t size = 4;
	char field[200];

	if (!parse_block(ld, map, path, st) ||
	    !get_str(ld, map, path, "reg", false, st->reg, sizeof(st->reg), &has_reg) ||
	    !get_u64(ld, map, path, "offset", false, (1ull << 36) - 1, &st->offset, &has_off) ||
	    !get_u64(ld, map, path, "size", false, 8, &size, NULL))
		return false;
	if (has_reg == has_off) {
		sim_yaml_fail_at(ld, map, path, "expected exactly one of reg: NAME and offset: N, found %s",
				 has_reg ? "both" : "neither");
		return false;
	}
	if (size != 1 && size != 2 && size != 4 && size != 8) {
		sim_yaml_join_path(field, sizeof(field), path, "size");
		sim_yaml_fail_at(ld, sim_ymap_get(map, "size", NULL), field, "expected 1, 2, 4 or 8, found %llu",
				 (unsigned long long)size);
		return false;
	}
	st->size = (unsigned int)size;
	if (write)
		return get_u64(ld, map, path, "value", true, UINT64_MAX, &st->value, NULL);
	st->mask = UINT64_MAX;
	if (!get_u64(ld, map, path, "expect", false, UINT64_MAX, &st->expect_value, &has_expect) ||
	    !get_u64(ld, map, path, "mask", false, UINT64_MAX, &st->mask, NULL))
		return false;
	st->has_expect_value = has_expect;
	return true;
}

static bool parse_perms(struct sim_yaml_ctx *ld, const struct sim_ynode *map, const char *path, struct hx_step *st)
{
	char p[8] = "rw", field[200];
	const struct sim_ynode *n = sim_ymap_get(map, "perms", NULL);

	if (!get_str(ld, map, path, "perms", false, p, sizeof(p), NULL))
		return false;
	if (strcmp(p, "rw") && strcmp(p, "r") && strcmp(p, "w") && strcmp(p, "none")) {
		sim_yaml_join_path(field, sizeof(field), path, "perms");
		sim_yaml_fail_at(ld, n, field, "expected rw, r, w or none, found \"%s\"", p);
		return false;
	}
	st->perm_read = strchr(p, 'r') != NULL;
	st->perm_write = strchr(p, 'w') != NULL;
	return true;
}

static bool parse_fields(struct sim_yaml_ctx *ld, const struct sim_ynode *map, const char *path, struct hx_step *st)
{
	const struct sim_ynode *n = sim_ymap_get(map, "fields", NULL);
	char field[200], f2[256], buf[80];
	unsigned int i;

	sim_yaml_join_path(field, sizeof(field), path, "fields");
	if (!sim_yaml_expect(ld, n, map, field, SIM_YN_MAP, "a mapping of PAACE field names to values"))
		return false;
	if (n->n / 2 > HX_MAX_FIELDS || n->n == 0) {
		sim_yaml_fail_at(ld, n, field, "expected 1 to %u fields, found %u", HX_MAX_FIELDS, n->n / 2);
		return false;
	}
	for (i = 0; i + 1 < n->n; i += 2) {
		const struct sim_ynode *k = n->items[i], *v = n->items[i + 1];
		struct hx_field_write *fw = &st->fields[st->nfields];

		snprintf(f2, sizeof(f2), "%s.%.40s", field, k->text);
		if (k->len >= sizeof(fw->name)) {
			sim_yaml_fail_at(ld, k, f2, "expected a PAACE field name (docs/scenarios.md), found \"%.40s\"",
					 k->text);
			return false;
		}
		memcpy(fw->name, k->text, k->len + 1);
		if (v->kind != SIM_YN_SCALAR || !hx_yparse_u64(v->text, &fw->value) || fw->value > 0xffffffffu) {
			sim_yaml_fail_at(ld, v, f2, "expected a 32-bit unsigned number, found %s",
					 sim_ydescribe(v, buf, sizeof(buf)));
			return false;
		}
		st->nfields++;
	}
	return true;
}

/* Field-name validation lives with the layout (hx_run.c). */
bool hx_paace_field_known(const char *name, bool secondary);

/* device: a scenario device or "pci:<n>", the simulated endpoint behind PCIe host bridge n. */
static bool get_dev_or_pci(struct sim_yaml_ctx *ld, const struct hx_scenario *sc, const struct sim_ynode *map,
			   const char *path, struct hx_step *st)
{
	const struct sim_ynode *n = sim_ymap_get(map, "device", NULL);
	char field[200];
	uint64_t v;

	st->pci = -1;
	if (n && n->kind == SIM_YN_SCALAR && !strncmp(n->text, "pci:", 4)) {
		sim_yaml_join_path(field, sizeof(field), path, "device");
		if (!hx_yparse_u64(n->text + 4, &v) || v >= HX_MAX_PCI) {
			sim_yaml_fail_at(ld, n, field, "expected pci:0 .. pci:%u, found \"%s\"", HX_MAX_PCI - 1, n->text);
			return false;
		}
		st->pci = (int)v;
		return true;
	}
	return get_device_ref(ld, sc, map, path, true, &st->device);
}

static bool parse_step(struct sim_yaml_ctx *ld, struct hx_scenario *sc, const struct sim_ynode *item, unsigned int idx,
		       struct hx_step *st)
{
	static const char *const tables_keys[] = { "base", "pamus", "enable", NULL };
	static const char *const paace_keys[] = { "device", "base", "size", "translate", "perms", "valid",
						  "stash-id", NULL };
	static const char *const field_keys[] = { "device", "spaace", "fields", NULL };
	static const char *const write_keys[] = { "block", "reg", "offset", "size", "value", NULL };
	static const char *const read_keys[] = { "block", "reg", "offset", "size", "expect", "mask", NULL };
	static const char *const mem_keys[] = { "address", "size", "value", NULL };
	static const char *const dma_keys[] = { "device", "address", "size", "op", "expect", NULL };
	static const char *const msi_keys[] = { "device", "bank", "msir", "bit", "address", "expect", NULL };
	static const char *const traffic_keys[] = { "device", "pattern", "count", "size", "op", "window", NULL };
	static const char *const irq_keys[] = { "expect", NULL };
	static const char *const iommu_keys[] = { "op", "domain", "device", "cpu", "cache", "iova", "expect", "start",
						  "end", "count", "window", "paddr", "size", "prot", "expect-errno",
						  NULL };
	static const char *const alloc_keys[] = { "device", "count", "kind", NULL };
	static const char *const fire_keys[] = { "device", "vector", NULL };
	static const char *const unbind_keys[] = { "device", NULL };
	static const char *const none_keys[] = { NULL };
	static const char *const kinds[] = { "tables", "paace", "paace-field", "write", "read", "mem-write", "dma",
					     "msi", "traffic", "boot", "shutdown", "irq", "iommu", "msi-alloc",
					     "msi-fire", "unbind", "plant", "vfio", "wait", "inject", NULL };
	/* plant: in enum ks_plant order (ks_host.h) */
	static const char *const plants[] = { "leak", "double-free", "lock-held", "warn", "bug", NULL };
	const struct sim_ynode *key, *val;
	char path[96], field[200], buf[80];
	uint64_t v;
	unsigned int k;

	snprintf(path, sizeof(path), "steps[%u]", idx);
	if (!sim_yaml_expect(ld, item, item, path, SIM_YN_MAP,
			     "a step: a mapping with one key (tables, paace, dma, ...)"))
		return false;
	if (item->n != 2) {
		sim_yaml_fail_at(ld, item, path, "expected one step kind per list item, found %u keys", item->n / 2);
		return false;
	}
	key = item->items[0];
	val = item->items[1];
	if (!sim_yaml_check_keys(ld, item, path, kinds))
		return false;
	for (k = 0; kinds[k]; k++)
		if (!strcmp(kinds[k], key->text))
			break;
	st->kind = (enum hx_step_kind)k;
	st->line = key->line;
	st->col = key->col;
	st->device = -1;
	st->pci = -1;
	snprintf(path, sizeof(path), "steps[%u].%s", idx, key->text);
	/* wait: a number of cycles (ticks when not timed) */
	if (st->kind == HX_STEP_WAIT) {
		if (val->kind != SIM_YN_SCALAR || !val->plain || !hx_yparse_u64(val->text, &st->value) ||
		    st->value > (1ull << 40)) {
			sim_yaml_fail_at(ld, val, path, "expected a number of cycles up to 2^40, found %s",
					 sim_ydescribe(val, buf, sizeof(buf)));
			return false;
		}
		return true;
	}
	if (st->kind >= HX_STEP_IOMMU && sc->level != HX_LEVEL_LINUX) {
		sim_yaml_fail_at(ld, key, path, "expected a bare-level step (this scenario has level: bare), found %s",
				 key->text);
		return false;
	}
	/* boot, shutdown: no arguments (an empty value or an empty mapping) */
	if (st->kind == HX_STEP_BOOT || st->kind == HX_STEP_SHUTDOWN) {
		if (sc->level != HX_LEVEL_LINUX) {
			sim_yaml_fail_at(ld, key, path,
					 "expected a bare-level step (this scenario has level: bare), found %s",
					 key->text);
			return false;
		}
		if (val->kind == SIM_YN_SCALAR && val->plain && val->len == 0)
			return true;
		return sim_yaml_expect(ld, val, key, path, SIM_YN_MAP, "no arguments") &&
		       sim_yaml_check_keys(ld, val, path, none_keys);
	}
	/* inject: one scalar, the injection grammar of docs/campaigns.md */
	if (st->kind == HX_STEP_INJECT) {
		struct hx_inj_plan plan;
		char msg[240];

		if (val->kind != SIM_YN_SCALAR || strlen(val->text) >= sizeof(st->inject)) {
			sim_yaml_fail_at(ld, val, path, "expected an injection (docs/campaigns.md), found %s",
					 sim_ydescribe(val, buf, sizeof(buf)));
			return false;
		}
		if (!hx_inject_parse(val->text, &plan, msg, sizeof(msg))) {
			sim_yaml_fail_at(ld, val, path, "%s", msg);
			return false;
		}
		snprintf(st->inject, sizeof(st->inject), "%s", val->text);
		return true;
	}
	/* plant: one scalar naming the fault */
	if (st->kind == HX_STEP_PLANT) {
		if (val->kind == SIM_YN_SCALAR)
			for (k = 0; plants[k]; k++)
				if (!strcmp(plants[k], val->text)) {
					st->plant = k;
					return true;
				}
		sim_yaml_fail_at(ld, val, path, "expected leak, double-free, lock-held, warn or bug, found %s",
				 sim_ydescribe(val, buf, sizeof(buf)));
		return false;
	}
	if (!sim_yaml_expect(ld, val, key, path, SIM_YN_MAP, "a mapping of the step's arguments"))
		return false;
	switch (st->kind) {
	case HX_STEP_TABLES: {
		const struct sim_ynode *p = sim_ymap_get(val, "pamus", NULL);

		st->enable = true;
		st->pamus = 0xff;
		if (!sim_yaml_check_keys(ld, val, path, tables_keys) ||
		    !get_u64(ld, val, path, "base", true, (1ull << 36) - 1, &st->base, NULL) ||
		    !get_bool(ld, val, path, "enable", &st->enable))
			return false;
		if (st->base & 0xfff) {
			sim_yaml_join_path(field, sizeof(field), path, "base");
			sim_yaml_fail_at(ld, sim_ymap_get(val, "base", NULL), field,
					 "expected a 4 KiB-aligned address, found 0x%llx",
					 (unsigned long long)st->base);
			return false;
		}
		if (p && !(p->kind == SIM_YN_SCALAR && !strcmp(p->text, "all"))) {
			sim_yaml_join_path(field, sizeof(field), path, "pamus");
			if (!sim_yaml_expect(ld, p, val, field, SIM_YN_SEQ, "all or a list of PAMU numbers"))
				return false;
			st->pamus = 0;
			for (k = 0; k < p->n; k++) {
				if (p->items[k]->kind != SIM_YN_SCALAR || !hx_yparse_u64(p->items[k]->text, &v) ||
				    v >= 8) {
					sim_yaml_fail_at(ld, p->items[k], field,
							 "expected a PAMU number 0..7, found %s",
							 sim_ydescribe(p->items[k], buf, sizeof(buf)));
					return false;
				}
				st->pamus |= 1u << v;
			}
		}
		return true;
	}
	case HX_STEP_PAACE: {
		bool has_t = false;

		st->valid = true;
		v = 0;
		if (!sim_yaml_check_keys(ld, val, path, paace_keys) ||
		    !get_device_ref(ld, sc, val, path, true, &st->device) ||
		    !get_u64(ld, val, path, "base", true, (1ull << 36) - 1, &st->wbase, NULL) ||
		    !get_u64(ld, val, path, "size", true, 1ull << 36, &st->wsize, NULL) ||
		    !get_u64(ld, val, path, "translate", false, (1ull << 36) - 1, &st->twbase, &has_t) ||
		    !parse_perms(ld, val, path, st) || !get_bool(ld, val, path, "valid", &st->valid) ||
		    !get_u64(ld, val, path, "stash-id", false, 0xff, &v, &st->stash))
			return false;
		st->stash_id = (uint32_t)v;
		if (!has_t)
			st->twbase = st->wbase;
		if (st->wsize < 4096 || (st->wsize & (st->wsize - 1)) || (st->wbase & (st->wsize - 1)) ||
		    (st->twbase & (st->wsize - 1))) {
			sim_yaml_join_path(field, sizeof(field), path, "size");
			sim_yaml_fail_at(ld, sim_ymap_get(val, "size", NULL), field,
					 "expected a power of two >= 4 KiB with base and "
					 "translate aligned to it, found size 0x%llx base 0x%llx translate 0x%llx",
					 (unsigned long long)st->wsize, (unsigned long long)st->wbase,
					 (unsigned long long)st->twbase);
			return false;
		}
		return true;
	}
	case HX_STEP_PAACE_FIELD: {
		bool has_sp = false;

		if (!sim_yaml_check_keys(ld, val, path, field_keys) ||
		    !get_device_ref(ld, sc, val, path, false, &st->device) ||
		    !get_u64(ld, val, path, "spaace", false, 0xffff, &v, &has_sp) || !parse_fields(ld, val, path, st))
			return false;
		if ((st->device >= 0) == has_sp) {
			sim_yaml_fail_at(ld, val, path,
					 "expected exactly one of device: (its primary PAACE) and spaace: N, found %s",
					 has_sp ? "both" : "neither");
			return false;
		}
		st->secondary = has_sp;
		st->index = (uint32_t)v;
		for (k = 0; k < st->nfields; k++) {
			if (!hx_paace_field_known(st->fields[k].name, st->secondary)) {
				snprintf(field, sizeof(field), "%s.fields.%s", path, st->fields[k].name);
				sim_yaml_fail_at(ld,
						 sim_ymap_get(sim_ymap_get(val, "fields", NULL), st->fields[k].name,
							      NULL),
						 field, "expected a %s field name (docs/scenarios.md), found \"%s\"",
						 st->secondary ? "SPAACE" : "PAACE", st->fields[k].name);
				return false;
			}
		}
		return true;
	}
	case HX_STEP_WRITE:
		return sim_yaml_check_keys(ld, val, path, write_keys) && parse_reg_access(ld, val, path, st, true);
	case HX_STEP_READ:
		return sim_yaml_check_keys(ld, val, path, read_keys) && parse_reg_access(ld, val, path, st, false);
	case HX_STEP_MEM_WRITE:
		v = 4;
		if (!sim_yaml_check_keys(ld, val, path, mem_keys) ||
		    !get_u64(ld, val, path, "address", true, (1ull << 36) - 1, &st->addr, NULL) ||
		    !get_u64(ld, val, path, "size", false, 8, &v, NULL) ||
		    !get_u64(ld, val, path, "value", true, UINT64_MAX, &st->value, NULL))
			return false;
		if (v != 1 && v != 2 && v != 4 && v != 8) {
			sim_yaml_join_path(field, sizeof(field), path, "size");
			sim_yaml_fail_at(ld, sim_ymap_get(val, "size", NULL), field,
					 "expected 1, 2, 4 or 8, found %llu", (unsigned long long)v);
			return false;
		}
		st->size = (unsigned int)v;
		return true;
	case HX_STEP_DMA:
		v = 4;
		if (!sim_yaml_check_keys(ld, val, path, dma_keys) ||
		    !get_device_ref(ld, sc, val, path, true, &st->device) ||
		    !get_u64(ld, val, path, "address", true, UINT64_MAX, &st->addr, NULL) ||
		    !get_u64(ld, val, path, "size", false, 4096, &v, NULL) ||
		    !parse_op(ld, val, path, &st->op, false) || !parse_dma_expect(ld, val, path, st))
			return false;
		if (v == 0) {
			sim_yaml_join_path(field, sizeof(field), path, "size");
			sim_yaml_fail_at(ld, sim_ymap_get(val, "size", NULL), field, "expected 1..4096 bytes, found 0");
			return false;
		}
		st->len = (uint32_t)v;
		return true;
	case HX_STEP_MSI: {
		char e[16] = "delivered";
		uint64_t b = 0, m = 0, bit = 0;

		if (!sim_yaml_check_keys(ld, val, path, msi_keys) ||
		    !get_device_ref(ld, sc, val, path, true, &st->device) ||
		    !get_u64(ld, val, path, "bank", true, 7, &b, NULL) ||
		    !get_u64(ld, val, path, "msir", false, 15, &m, NULL) ||
		    !get_u64(ld, val, path, "bit", false, 31, &bit, NULL) ||
		    !get_u64(ld, val, path, "address", false, UINT64_MAX, &st->addr, &st->has_msi_addr) ||
		    !get_str(ld, val, path, "expect", false, e, sizeof(e), NULL))
			return false;
		st->bank = (unsigned int)b;
		st->msir = (unsigned int)m;
		st->bit = (unsigned int)bit;
		if (!strcmp(e, "delivered")) {
			st->expect_delivered = true;
		} else if (!strcmp(e, "blocked")) {
			st->expect_blocked = true;
		} else if (strcmp(e, "any")) {
			sim_yaml_join_path(field, sizeof(field), path, "expect");
			sim_yaml_fail_at(ld, sim_ymap_get(val, "expect", NULL), field,
					 "expected delivered, blocked or any, found \"%s\"", e);
			return false;
		}
		return true;
	}
	case HX_STEP_TRAFFIC: {
		static const char *const pats[] = { "inside", "outside", "across", "sweep", "mixed", NULL };
		const struct sim_ynode *w = sim_ymap_get(val, "window", NULL);
		char p[16] = "mixed";

		v = 4;
		st->count = 16;
		if (!sim_yaml_check_keys(ld, val, path, traffic_keys) ||
		    !get_device_ref(ld, sc, val, path, true, &st->device) ||
		    !get_str(ld, val, path, "pattern", false, p, sizeof(p), NULL) ||
		    !get_u64(ld, val, path, "size", false, 4096, &v, NULL) || !parse_op(ld, val, path, &st->op, false))
			return false;
		{
			uint64_t c = 16;

			if (!get_u64(ld, val, path, "count", false, 100000, &c, NULL))
				return false;
			st->count = (unsigned int)c;
		}
		if (v == 0) {
			sim_yaml_join_path(field, sizeof(field), path, "size");
			sim_yaml_fail_at(ld, sim_ymap_get(val, "size", NULL), field, "expected 1..4096 bytes, found 0");
			return false;
		}
		st->len = (uint32_t)v;
		for (k = 0; pats[k]; k++)
			if (!strcmp(pats[k], p))
				break;
		if (!pats[k]) {
			sim_yaml_join_path(field, sizeof(field), path, "pattern");
			sim_yaml_fail_at(ld, sim_ymap_get(val, "pattern", NULL), field,
					 "expected inside, outside, across, sweep or mixed, found \"%s\"", p);
			return false;
		}
		st->pattern = (enum hx_pattern)k;
		if (w) {
			static const char *const wkeys[] = { "base", "size", NULL };

			sim_yaml_join_path(field, sizeof(field), path, "window");
			if (!sim_yaml_expect(ld, w, val, field, SIM_YN_MAP, "a {base, size} window") ||
			    !sim_yaml_check_keys(ld, w, field, wkeys) ||
			    !get_u64(ld, w, field, "base", true, (1ull << 36) - 1, &st->wbase, NULL) ||
			    !get_u64(ld, w, field, "size", true, 1ull << 36, &st->wsize, NULL))
				return false;
			if (!st->wsize) {
				sim_yaml_fail_at(ld, w, field, "expected a non-empty window, found size 0");
				return false;
			}
			st->has_window = true;
		}
		return true;
	}
	case HX_STEP_IRQ: {
		char e[16] = "any";

		if (!sim_yaml_check_keys(ld, val, path, irq_keys) ||
		    !get_str(ld, val, path, "expect", false, e, sizeof(e), NULL))
			return false;
		if (!strcmp(e, "raised")) {
			st->expect_irq = true;
		} else if (!strcmp(e, "none")) {
			st->expect_no_irq = true;
		} else if (strcmp(e, "any")) {
			sim_yaml_join_path(field, sizeof(field), path, "expect");
			sim_yaml_fail_at(ld, sim_ymap_get(val, "expect", NULL), field,
					 "expected raised, none or any, found \"%s\"", e);
			return false;
		}
		return true;
	}
	case HX_STEP_IOMMU: {
		static const char *const ops[] = { "domain-alloc", "domain-free", "attach", "detach", "stash",
						   "iova-to-phys", "geometry", "windows", "window-enable",
						   "window-disable", "enable", "disable", NULL };
		char o[24] = "", cache[8] = "l1", prot[8] = "", eno[24] = "";
		bool has_cpu, has_eno;
		enum hx_iommu_op io;

		if (!sim_yaml_check_keys(ld, val, path, iommu_keys) ||
		    !get_str(ld, val, path, "op", true, o, sizeof(o), NULL) ||
		    !get_str(ld, val, path, "domain", true, st->domain, sizeof(st->domain), NULL))
			return false;
		for (k = 0; ops[k]; k++)
			if (!strcmp(ops[k], o))
				break;
		sim_yaml_join_path(field, sizeof(field), path, "op");
		if (!ops[k]) {
			sim_yaml_fail_at(ld, sim_ymap_get(val, "op", NULL), field, "expected domain-alloc, domain-free, "
					 "attach, detach, stash, iova-to-phys, geometry, windows, window-enable, "
					 "window-disable, enable or disable, found \"%s\"", o);
			return false;
		}
		st->iop = (enum hx_iommu_op)k;
		io = st->iop;
		if (!get_u64(ld, val, path, "start", io == HX_IOMMU_GEOMETRY, UINT64_MAX, &st->gstart, NULL) ||
		    !get_u64(ld, val, path, "end", io == HX_IOMMU_GEOMETRY, UINT64_MAX, &st->gend, NULL) ||
		    !get_u64(ld, val, path, "count", io == HX_IOMMU_WINDOWS, 1u << 20, &v, NULL))
			return false;
		st->count = (unsigned int)v;
		if (io == HX_IOMMU_WINDOWS && st->count > HX_MAX_WINDOWS) {
			sim_yaml_join_path(field, sizeof(field), path, "count");
			sim_yaml_fail_at(ld, sim_ymap_get(val, "count", NULL), field, "expected at most %u windows (what "
					 "the harness's intent tracks), found %u", HX_MAX_WINDOWS, st->count);
			return false;
		}
		if (!get_u64(ld, val, path, "window", io == HX_IOMMU_WINDOW_ENABLE || io == HX_IOMMU_WINDOW_DISABLE,
			     UINT32_MAX, &v, NULL))
			return false;
		st->window = (unsigned int)v;
		if (!get_u64(ld, val, path, "paddr", io == HX_IOMMU_WINDOW_ENABLE, UINT64_MAX, &st->paddr, NULL) ||
		    !get_u64(ld, val, path, "size", io == HX_IOMMU_WINDOW_ENABLE, UINT64_MAX, &st->wsize, NULL) ||
		    !get_str(ld, val, path, "prot", io == HX_IOMMU_WINDOW_ENABLE, prot, sizeof(prot), NULL) ||
		    !get_str(ld, val, path, "expect-errno", false, eno, sizeof(eno), &has_eno))
			return false;
		if (io == HX_IOMMU_WINDOW_ENABLE) {
			st->perm_read = !strcmp(prot, "r") || !strcmp(prot, "rw");
			st->perm_write = !strcmp(prot, "w") || !strcmp(prot, "rw");
			if (!st->perm_read && !st->perm_write) {
				sim_yaml_join_path(field, sizeof(field), path, "prot");
				sim_yaml_fail_at(ld, sim_ymap_get(val, "prot", NULL), field,
						 "expected r, w or rw, found \"%s\"", prot);
				return false;
			}
		}
		if (has_eno && !hx_parse_errno(eno, &st->expect_errno)) {
			sim_yaml_join_path(field, sizeof(field), path, "expect-errno");
			sim_yaml_fail_at(ld, sim_ymap_get(val, "expect-errno", NULL), field, "expected a negative "
					 "errno (-EINVAL, -EBUSY, -ENODEV, -ENOSYS, -ENOMEM, -EEXIST, -ENOENT, -EPERM, "
					 "-ENOSPC, -ERANGE, -EFAULT or -<number>), found \"%s\"", eno);
			return false;
		}
		st->has_expect_errno = has_eno;
		if (st->iop == HX_IOMMU_ATTACH || st->iop == HX_IOMMU_DETACH) {
			if (!get_dev_or_pci(ld, sc, val, path, st))
				return false;
		} else if (sim_ymap_get(val, "device", NULL)) {
			sim_yaml_join_path(field, sizeof(field), path, "device");
			sim_yaml_fail_at(ld, sim_ymap_get(val, "device", NULL), field,
					 "expected no device for op %s (attach and detach name one), found one", o);
			return false;
		}
		if (!get_u64(ld, val, path, "cpu", st->iop == HX_IOMMU_STASH, 4095, &v, &has_cpu) ||
		    !get_str(ld, val, path, "cache", false, cache, sizeof(cache), NULL) ||
		    !get_u64(ld, val, path, "iova", st->iop == HX_IOMMU_IOVA_TO_PHYS, UINT64_MAX, &st->iova, NULL) ||
		    !get_u64(ld, val, path, "expect", false, UINT64_MAX, &st->expect_value, &st->has_expect_value))
			return false;
		st->cpu = (unsigned int)v;
		if (strcmp(cache, "l1")) {
			sim_yaml_join_path(field, sizeof(field), path, "cache");
			sim_yaml_fail_at(ld, sim_ymap_get(val, "cache", NULL), field,
					 "expected l1 (the only cache the 6.x API stashes to), found \"%s\"", cache);
			return false;
		}
		return true;
	}
	case HX_STEP_MSI_ALLOC: {
		char kind[8] = "msix";

		if (!sim_yaml_check_keys(ld, val, path, alloc_keys) || !get_dev_or_pci(ld, sc, val, path, st) ||
		    !get_u64(ld, val, path, "count", false, 4096, &v, NULL) ||
		    !get_str(ld, val, path, "kind", false, kind, sizeof(kind), NULL))
			return false;
		st->count = sim_ymap_get(val, "count", NULL) ? (unsigned int)v : 1;
		sim_yaml_join_path(field, sizeof(field), path, st->pci < 0 ? "device" : "kind");
		if (st->pci < 0) {
			sim_yaml_fail_at(ld, sim_ymap_get(val, "device", NULL), field,
					 "expected a PCIe endpoint pci:<n> (only endpoints have MSI), found a tree device");
			return false;
		}
		if (strcmp(kind, "msi") && strcmp(kind, "msix")) {
			sim_yaml_fail_at(ld, sim_ymap_get(val, "kind", NULL), field, "expected msi or msix, found \"%s\"",
					 kind);
			return false;
		}
		st->msix = !strcmp(kind, "msix");
		if (!st->count) {
			sim_yaml_join_path(field, sizeof(field), path, "count");
			sim_yaml_fail_at(ld, sim_ymap_get(val, "count", NULL), field, "expected at least 1, found 0");
			return false;
		}
		return true;
	}
	case HX_STEP_MSI_FIRE: {
		const struct sim_ynode *vn;

		if (!sim_yaml_check_keys(ld, val, path, fire_keys) || !get_dev_or_pci(ld, sc, val, path, st))
			return false;
		sim_yaml_join_path(field, sizeof(field), path, "device");
		if (st->pci < 0) {
			sim_yaml_fail_at(ld, sim_ymap_get(val, "device", NULL), field,
					 "expected a PCIe endpoint pci:<n> (only endpoints have MSI), found a tree device");
			return false;
		}
		vn = sim_ymap_get(val, "vector", NULL);
		if (!vn || (vn->kind == SIM_YN_SCALAR && !strcmp(vn->text, "all"))) {
			st->all = true;
			return true;
		}
		if (!get_u64(ld, val, path, "vector", true, 4095, &v, NULL))
			return false;
		st->vector = (unsigned int)v;
		return true;
	}
	case HX_STEP_VFIO:
		return hx_vfio_parse(ld, sc, val, path, st);
	case HX_STEP_UNBIND:
		if (!sim_yaml_check_keys(ld, val, path, unbind_keys) ||
		    !get_str(ld, val, path, "device", true, st->dev_path, sizeof(st->dev_path), NULL))
			return false;
		if (st->dev_path[0] != '/') {
			sim_yaml_join_path(field, sizeof(field), path, "device");
			sim_yaml_fail_at(ld, sim_ymap_get(val, "device", NULL), field,
					 "expected a node path of the fixed-up tree (\"/soc@.../msi@...\"), found \"%s\"",
					 st->dev_path);
			return false;
		}
		return true;
	default:
		return false;
	}
}

static bool parse_reproduces(struct sim_yaml_ctx *ld, const struct sim_ynode *n, struct hx_scenario *sc)
{
	const struct sim_ynode *r = sim_ymap_get(n, "reproduces", NULL);
	struct hx_error kerr;
	char field[64], buf[80];
	unsigned int i;

	if (!r)
		return true;
	if (r->kind != SIM_YN_SEQ || r->n == 0 || r->n > HX_MAX_EXPECT_KINDS) {
		sim_yaml_fail_at(ld, r, "expect.reproduces", "expected a list of 1 to %u functions of known findings, "
				 "found %s", HX_MAX_EXPECT_KINDS, sim_ydescribe(r, buf, sizeof(buf)));
		return false;
	}
	if (!hx_known_ensure(&kerr)) {
		sim_yaml_fail_at(ld, r, "expect.reproduces", "expected a readable known-findings list, found: %.400s",
				 kerr.msg);
		return false;
	}
	for (i = 0; i < r->n; i++) {
		snprintf(field, sizeof(field), "expect.reproduces[%u]", i);
		if (r->items[i]->kind != SIM_YN_SCALAR || !hx_known_names(r->items[i]->text)) {
			sim_yaml_fail_at(ld, r->items[i], field, "expected the function of an entry of "
					 "kernel-stubs/known-findings.yaml, found %s",
					 sim_ydescribe(r->items[i], buf, sizeof(buf)));
			return false;
		}
		snprintf(sc->reproduces[i], sizeof(sc->reproduces[i]), "%s", r->items[i]->text);
	}
	sc->nreproduces = r->n;
	return true;
}

static bool parse_expect(struct sim_yaml_ctx *ld, const struct sim_ynode *root, struct hx_scenario *sc)
{
	static const char *const keys[] = { "findings", "reproduces", NULL };
	const struct sim_ynode *n = sim_ymap_get(root, "expect", NULL), *f;
	char field[64], buf[80];
	unsigned int i;

	if (!n)
		return true;
	if (!sim_yaml_expect(ld, n, root, "expect", SIM_YN_MAP, "a mapping with findings:") ||
	    !sim_yaml_check_keys(ld, n, "expect", keys) || !parse_reproduces(ld, n, sc))
		return false;
	f = sim_ymap_get(n, "findings", NULL);
	if (!f || (f->kind == SIM_YN_SCALAR && !strcmp(f->text, "none")))
		return true;
	if (f->kind != SIM_YN_SEQ || f->n == 0 || f->n > HX_MAX_EXPECT_KINDS) {
		sim_yaml_fail_at(ld, f, "expect.findings", "expected none or a list of 1 to %u finding kinds, found %s",
				 HX_MAX_EXPECT_KINDS, sim_ydescribe(f, buf, sizeof(buf)));
		return false;
	}
	for (i = 0; i < f->n; i++) {
		snprintf(field, sizeof(field), "expect.findings[%u]", i);
		if (f->items[i]->kind != SIM_YN_SCALAR || !hx_is_finding_kind(f->items[i]->text)) {
			sim_yaml_fail_at(ld, f->items[i], field,
					 "expected a finding kind of docs/findings.md, found %s",
					 sim_ydescribe(f->items[i], buf, sizeof(buf)));
			return false;
		}
		snprintf(sc->expect_kinds[i], sizeof(sc->expect_kinds[i]), "%s", f->items[i]->text);
	}
	sc->nexpect_kinds = f->n;
	return true;
}

/* timing: {coherence: snoop|until-evicted|hazard-window, hazard-window: N} (docs/timing.md 4) */
static bool parse_timing(struct sim_yaml_ctx *ld, const struct sim_ynode *root, struct hx_scenario *sc)
{
	static const char *const keys[] = { "coherence", "hazard-window", NULL };
	const struct sim_ynode *t = sim_ymap_get(root, "timing", NULL), *n;
	char buf[80];
	bool has_w = false;

	sc->coherence = -1;
	if (!t)
		return true;
	if (!sim_yaml_expect(ld, t, root, "timing", SIM_YN_MAP, "a mapping {coherence, hazard-window}") ||
	    !sim_yaml_check_keys(ld, t, "timing", keys) ||
	    !get_u64(ld, t, "timing", "hazard-window", false, 1000000000ull, &sc->hazard_window, &has_w))
		return false;
	if (has_w && sc->hazard_window == 0) {
		sim_yaml_fail_at(ld, sim_ymap_get(t, "hazard-window", NULL), "timing.hazard-window",
				 "expected at least 1 cycle, found 0");
		return false;
	}
	n = sim_ymap_get(t, "coherence", NULL);
	if (n) {
		if (n->kind == SIM_YN_SCALAR)
			sc->coherence = pamu_coherence_find(n->text);
		if (sc->coherence < 0) {
			sim_yaml_fail_at(ld, n, "timing.coherence", "expected snoop, until-evicted or hazard-window, "
					 "found %s", sim_ydescribe(n, buf, sizeof(buf)));
			return false;
		}
	}
	sc->timed = true;
	return true;
}

/* contract: {clause: W<n>, case: positive|negative} and watchdog: seconds (docs/scenarios.md). */
static bool parse_contract(struct sim_yaml_ctx *ld, const struct sim_ynode *root, struct hx_scenario *sc)
{
	static const char *const keys[] = { "clause", "case", NULL };
	const struct sim_ynode *n = sim_ymap_get(root, "contract", NULL), *c;
	uint64_t wd = 0;
	char buf[80];
	unsigned int i;

	if (!get_u64(ld, root, "", "watchdog", false, 3600, &wd, NULL))
		return false;
	if (sim_ymap_get(root, "watchdog", NULL) && !wd) {
		sim_yaml_fail_at(ld, sim_ymap_get(root, "watchdog", NULL), "watchdog",
				 "expected seconds from 1 to 3600, found 0");
		return false;
	}
	sc->watchdog_s = (unsigned int)wd;
	if (!n)
		return true;
	if (!sim_yaml_expect(ld, n, root, "contract", SIM_YN_MAP, "a mapping with clause: and case:") ||
	    !sim_yaml_check_keys(ld, n, "contract", keys) ||
	    !get_str(ld, n, "contract", "clause", true, sc->clause, sizeof(sc->clause), NULL))
		return false;
	for (i = 0; sc->clause[i]; i++)
		if (!(sc->clause[i] >= 'A' && sc->clause[i] <= 'Z') && !(sc->clause[i] >= '0' && sc->clause[i] <= '9'))
			break;
	if (!sc->clause[0] || sc->clause[i]) {
		sim_yaml_fail_at(ld, sim_ymap_get(n, "clause", NULL), "contract.clause",
				 "expected a clause id of capitals and digits (W5), found \"%s\"", sc->clause);
		return false;
	}
	c = sim_ymap_get(n, "case", NULL);
	if (!c || c->kind != SIM_YN_SCALAR || (strcmp(c->text, "positive") && strcmp(c->text, "negative"))) {
		sim_yaml_fail_at(ld, c ? c : n, "contract.case", "expected positive or negative, found %s",
				 c ? sim_ydescribe(c, buf, sizeof(buf)) : "nothing");
		return false;
	}
	sc->contract_negative = !strcmp(c->text, "negative");
	return true;
}

bool hx_scenario_load(const char *file, struct hx_scenario *sc, struct hx_error *err)
{
	static const char *const top_keys[] = { "name", "description", "level", "socs", "kernels", "seed", "devices",
						"policy", "steps", "expect", "timed", "timing", "contract", "watchdog", NULL };
	struct sim_yaml_ctx ld = {.file = file, .msg = err->msg, .cap = sizeof(err->msg)};
	const struct sim_ynode *steps, *lv;
	struct sim_ynode *root;
	char buf[80];
	unsigned int i;

	memset(sc, 0, sizeof(*sc));
	snprintf(sc->file, sizeof(sc->file), "%s", file);
	root = sim_yaml_load(&ld, &hx_limits, "scenario");
	if (!root) {
		if (ld.status == SIM_YAML_OK)
			sim_yaml_fail(&ld, SIM_YAML_SYNTAX, 1, 1, "document",
				      "expected a scenario (a mapping), found an empty document");
		return false;
	}
	if (!sim_yaml_expect(&ld, root, root, "", SIM_YN_MAP, "a scenario (a mapping of name, steps, ...)") ||
	    !sim_yaml_check_keys(&ld, root, "", top_keys) ||
	    !get_str(&ld, root, "", "name", true, sc->name, sizeof(sc->name), NULL) ||
	    !check_name(&ld, sim_ymap_get(root, "name", NULL), "name", sc->name) ||
	    !get_str(&ld, root, "", "description", false, sc->description, sizeof(sc->description), NULL))
		goto out;
	sc->seed = 1;
	lv = sim_ymap_get(root, "level", NULL);
	if (lv) {
		if (lv->kind == SIM_YN_SCALAR && !strcmp(lv->text, "bare")) {
			sc->level = HX_LEVEL_BARE;
		} else if (lv->kind == SIM_YN_SCALAR && !strcmp(lv->text, "linux")) {
			sc->level = HX_LEVEL_LINUX;
		} else {
			sim_yaml_fail_at(&ld, lv, "level", "expected bare or linux, found %s",
					 sim_ydescribe(lv, buf, sizeof(buf)));
			goto out;
		}
	}
	if (!get_targets(&ld, root, "socs", &sc->socs_any, sc->socs, &sc->nsocs) ||
	    !get_targets(&ld, root, "kernels", &sc->kernels_any, sc->kernels, &sc->nkernels) ||
	    !get_u64(&ld, root, "", "seed", false, UINT64_MAX, &sc->seed, NULL) || !parse_devices(&ld, root, sc) ||
	    !parse_policy(&ld, root, sc) || !parse_expect(&ld, root, sc) || !parse_contract(&ld, root, sc) ||
	    !get_bool(&ld, root, "", "timed", &sc->timed) || !parse_timing(&ld, root, sc))
		goto out;
	steps = sim_ymap_get(root, "steps", NULL);
	if (!sim_yaml_expect(&ld, steps, root, "steps", SIM_YN_SEQ, "a list of steps"))
		goto out;
	if (steps->n > HX_MAX_STEPS) {
		sim_yaml_fail_at(&ld, steps, "steps", "expected at most %u steps, found %u", HX_MAX_STEPS, steps->n);
		goto out;
	}
	sc->steps = calloc(steps->n ? steps->n : 1, sizeof(*sc->steps));
	if (!sc->steps) {
		sim_yaml_fail_at(&ld, steps, "steps", "expected memory for the steps, found none left");
		goto out;
	}
	for (i = 0; i < steps->n; i++) {
		if (!parse_step(&ld, sc, steps->items[i], i, &sc->steps[i])) {
			free(sc->steps[i].vfio);	/* not counted in nsteps yet */
			goto out;
		}
		sc->nsteps++;
	}
	/* the linux level matches its driver findings against the known-findings list: load it before
	 * anything runs. An unreadable list relaxes nothing (every finding then fails the run as unlisted)
	 * and is said on stderr; only a scenario that names entries (expect.reproduces) stops at it. */
	if (sc->level == HX_LEVEL_LINUX)
		hx_known_warn();
out:
	sim_yaml_free(root);
	if (ld.status != SIM_YAML_OK) {
		hx_scenario_free(sc);
		return false;
	}
	return true;
}

bool hx_get_u64(struct sim_yaml_ctx *ld, const struct sim_ynode *map, const char *path, const char *key,
		bool required, uint64_t max, uint64_t *out, bool *present)
{
	return get_u64(ld, map, path, key, required, max, out, present);
}

bool hx_get_str(struct sim_yaml_ctx *ld, const struct sim_ynode *map, const char *path, const char *key,
		bool required, char *out, size_t cap, bool *present)
{
	return get_str(ld, map, path, key, required, out, cap, present);
}

bool hx_get_bool(struct sim_yaml_ctx *ld, const struct sim_ynode *map, const char *path, const char *key, bool *out)
{
	return get_bool(ld, map, path, key, out);
}

bool hx_parse_dev_or_pci(struct sim_yaml_ctx *ld, const struct hx_scenario *sc, const struct sim_ynode *map,
			 const char *path, struct hx_step *st)
{
	return get_dev_or_pci(ld, sc, map, path, st);
}

void hx_scenario_free(struct hx_scenario *sc)
{
	unsigned int i;

	for (i = 0; sc->steps && i < sc->nsteps; i++)
		free(sc->steps[i].vfio);
	free(sc->steps);
	sc->steps = NULL;
	sc->nsteps = 0;
}
