/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * hx_inject.c - the injection grammar (parse/format) and the injector inside one run: fail-nth through the
 * stubs' countdown, MMIO faults at the CPU's MMIO seam, bit flips in the PAMU tables in DRAM, interrupt
 * delivery faults and errata. Grammar: docs/campaigns.md. Facts: PAACE/SPAACE 64 bytes, OME 128 bytes,
 * table bases in PPBAH/L, SPBAH/L, OBAH/L (docs/registers.md, docs/pamu-model.md).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hx_inject.h"
#include "pamu.h"
#include "soc.h"
#include "soc_bus.h"

static const char *const kind_names[HX_INJ_KIND_COUNT] = {
	[HX_INJ_FAIL_NTH] = "fail-nth", [HX_INJ_MMIO_READ] = "mmio-read", [HX_INJ_MMIO_DROP] = "mmio-drop",
	[HX_INJ_FLIP] = "flip",		[HX_INJ_IRQ] = "irq",		  [HX_INJ_LATCH] = "latch",
	[HX_INJ_ERRATUM] = "erratum",
};
static const char *const table_names[] = { "ppaace", "spaace", "omt" };
static const char *const mode_names[] = { "lost", "dup", "delay" };

const char *hx_inject_kind_name(enum hx_inj_kind k)
{
	return (unsigned int)k < HX_INJ_KIND_COUNT ? kind_names[k] : "?";
}

static bool parse_num(const char *s, uint64_t *v)
{
	char *end;

	if (!*s || *s == '-')
		return false;
	*v = strtoull(s, &end, 0);
	return *end == 0;
}

static int find_name(const char *const *names, unsigned int n, const char *s)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (!strcmp(names[i], s))
			return (int)i;
	return -1;
}

#define PERR(...)                                                                               \
	do {                                                                                    \
		snprintf(err, errlen, __VA_ARGS__);                                             \
		return false;                                                                   \
	} while (0)

static bool parse_item(char *s, struct hx_inj *it, char *err, size_t errlen)
{
	char *at = strchr(s, '@'), *args = strchr(s, ':'), *kv, *save = NULL;
	bool has_reg = false, has_n = false, has_index = false, has_mode = false;
	uint64_t v;
	int k;

	memset(it, 0, sizeof(*it));
	it->ones = true;
	it->on = true;
	it->steps = 1;
	if (at) {
		*at++ = 0;
		if (!parse_num(at, &v) || v == 0 || v > 100000)
			PERR("injection \"%s\": @step: expected a step number >= 1, found \"%s\"", s, at);
		it->at = (unsigned int)v;
	}
	if (args)
		*args++ = 0;
	k = find_name(kind_names, HX_INJ_KIND_COUNT, s);
	if (k < 0)
		PERR("injection \"%s\": kind: expected fail-nth, mmio-read, mmio-drop, flip, irq, latch or erratum",
		     s);
	it->kind = (enum hx_inj_kind)k;
	if (it->kind == HX_INJ_ERRATUM)
		snprintf(it->erratum, sizeof(it->erratum), "a003638");
	for (kv = args ? strtok_r(args, ",", &save) : NULL; kv; kv = strtok_r(NULL, ",", &save)) {
		char *val = strchr(kv, '=');

		if (!val)
			PERR("injection %s: \"%s\": expected key=value", kind_names[k], kv);
		*val++ = 0;
		if (!strcmp(kv, "n") && it->kind == HX_INJ_FAIL_NTH) {
			if (!parse_num(val, &it->n) || !it->n)
				PERR("injection fail-nth: n: expected a call number >= 1, found \"%s\"", val);
			has_n = true;
		} else if (!strcmp(kv, "reg") && (it->kind == HX_INJ_MMIO_READ || it->kind == HX_INJ_MMIO_DROP ||
						   it->kind == HX_INJ_LATCH)) {
			if (!strchr(val, '.') || strlen(val) >= sizeof(it->reg))
				PERR("injection %s: reg: expected BLOCK.REG (pamu0.PC, mpic.FRR, guts.SVR), found \"%s\"",
				     kind_names[k], val);
			snprintf(it->reg, sizeof(it->reg), "%.*s", (int)sizeof(it->reg) - 1, val);
			has_reg = true;
		} else if (!strcmp(kv, "addr") && (it->kind == HX_INJ_MMIO_READ || it->kind == HX_INJ_MMIO_DROP ||
						    it->kind == HX_INJ_LATCH)) {
			if (!parse_num(val, &it->addr))
				PERR("injection %s: addr: expected a physical address, found \"%s\"", kind_names[k], val);
			has_reg = true;
		} else if (!strcmp(kv, "value") && (it->kind == HX_INJ_MMIO_READ || it->kind == HX_INJ_LATCH)) {
			if (it->kind == HX_INJ_MMIO_READ && !strcmp(val, "ones")) {
				it->ones = true;
				continue;
			}
			if (!parse_num(val, &it->value))
				PERR("injection %s: value: expected ones or a number, found \"%s\"", kind_names[k], val);
			it->ones = false;
			it->has_value = true;
		} else if (!strcmp(kv, "count") && (it->kind == HX_INJ_MMIO_READ || it->kind == HX_INJ_MMIO_DROP)) {
			if (!parse_num(val, &v) || v > 1000000)
				PERR("injection %s: count: expected a number of accesses (0 = all), found \"%s\"",
				     kind_names[k], val);
			it->count = (unsigned int)v;
		} else if (!strcmp(kv, "table") && it->kind == HX_INJ_FLIP) {
			int t = find_name(table_names, 3, val);

			if (t < 0)
				PERR("injection flip: table: expected ppaace, spaace or omt, found \"%s\"", val);
			it->table = (enum hx_table)t;
		} else if (!strcmp(kv, "index") && it->kind == HX_INJ_FLIP) {
			if (!*val || strlen(val) >= sizeof(it->index))
				PERR("injection flip: index: expected an entry number or a device name, found \"%s\"", val);
			snprintf(it->index, sizeof(it->index), "%.*s", (int)sizeof(it->index) - 1, val);
			has_index = true;
		} else if (!strcmp(kv, "bit") && it->kind == HX_INJ_FLIP) {
			if (!parse_num(val, &v) || v > 1023)
				PERR("injection flip: bit: expected 0..511 (PAACE) or 0..1023 (OME), found \"%s\"", val);
			it->bit = (unsigned int)v;
		} else if (!strcmp(kv, "mode") && it->kind == HX_INJ_IRQ) {
			int m = find_name(mode_names, 3, val);

			if (m < 0)
				PERR("injection irq: mode: expected lost, dup or delay, found \"%s\"", val);
			it->mode = (enum hx_irq_mode)m;
			has_mode = true;
		} else if (!strcmp(kv, "steps") && it->kind == HX_INJ_IRQ) {
			if (!parse_num(val, &v) || !v || v > 1000)
				PERR("injection irq: steps: expected 1..1000, found \"%s\"", val);
			it->steps = (unsigned int)v;
		} else if (!strcmp(kv, "name") && it->kind == HX_INJ_ERRATUM) {
			if (strcmp(val, "a003638"))
				PERR("injection erratum: name: expected a003638 (the PAMU model's erratum), found \"%s\"",
				     val);
		} else if (!strcmp(kv, "state") && it->kind == HX_INJ_ERRATUM) {
			if (strcmp(val, "on") && strcmp(val, "off"))
				PERR("injection erratum: state: expected on or off, found \"%s\"", val);
			it->on = !strcmp(val, "on");
		} else {
			PERR("injection %s: unknown field \"%s\" (docs/campaigns.md lists the fields of each kind)",
			     kind_names[k], kv);
		}
	}
	if (it->kind == HX_INJ_FAIL_NTH && !has_n)
		PERR("injection fail-nth: n: missing (fail-nth:n=N)");
	if ((it->kind == HX_INJ_MMIO_READ || it->kind == HX_INJ_MMIO_DROP || it->kind == HX_INJ_LATCH) && !has_reg)
		PERR("injection %s: reg or addr: missing", kind_names[k]);
	if (it->kind == HX_INJ_FLIP && !has_index)
		PERR("injection flip: index: missing (an entry number or a device name)");
	if (it->kind == HX_INJ_FLIP && it->table != HX_TBL_OMT && it->bit > 511)
		PERR("injection flip: bit: a PAACE has 512 bits, found %u", it->bit);
	if (it->kind == HX_INJ_IRQ && !has_mode)
		PERR("injection irq: mode: missing (lost, dup or delay)");
	return true;
}

bool hx_inject_parse(const char *spec, struct hx_inj_plan *p, char *err, size_t errlen)
{
	char buf[1024], *item, *save = NULL;

	memset(p, 0, sizeof(*p));
	if (strlen(spec) >= sizeof(buf))
		PERR("injection: longer than %zu characters", sizeof(buf) - 1);
	snprintf(buf, sizeof(buf), "%.*s", (int)sizeof(buf) - 1, spec);
	for (item = strtok_r(buf, ";", &save); item; item = strtok_r(NULL, ";", &save)) {
		while (*item == ' ')
			item++;
		if (!*item)
			continue;
		if (p->n == HX_MAX_INJ)
			PERR("injection: at most %d items", HX_MAX_INJ);
		if (!parse_item(item, &p->it[p->n], err, errlen))
			return false;
		p->n++;
	}
	if (!p->n)
		PERR("injection: empty: expected at least one item (docs/campaigns.md)");
	return true;
}

void hx_inject_format(const struct hx_inj_plan *p, char *buf, size_t len)
{
	size_t pos = 0;
	unsigned int i;

#define PUT(...)                                                                                \
	do {                                                                                    \
		int w_ = snprintf(buf + pos, pos < len ? len - pos : 0, __VA_ARGS__);           \
		if (w_ > 0)                                                                     \
			pos += (size_t)w_;                                                      \
	} while (0)
	if (len)
		buf[0] = 0;
	for (i = 0; i < p->n; i++) {
		const struct hx_inj *it = &p->it[i];

		PUT("%s%s", i ? ";" : "", kind_names[it->kind]);
		switch (it->kind) {
		case HX_INJ_FAIL_NTH:
			PUT(":n=%llu", (unsigned long long)it->n);
			break;
		case HX_INJ_MMIO_READ:
		case HX_INJ_MMIO_DROP:
		case HX_INJ_LATCH:
			if (it->reg[0])
				PUT(":reg=%s", it->reg);
			else
				PUT(":addr=0x%llx", (unsigned long long)it->addr);
			if (it->kind == HX_INJ_MMIO_READ) {
				if (it->ones)
					PUT(",value=ones");
				else
					PUT(",value=0x%llx", (unsigned long long)it->value);
			}
			if (it->kind == HX_INJ_LATCH && it->has_value)
				PUT(",value=0x%llx", (unsigned long long)it->value);
			if (it->kind != HX_INJ_LATCH && it->count)
				PUT(",count=%u", it->count);
			break;
		case HX_INJ_FLIP:
			PUT(":table=%s,index=%s,bit=%u", table_names[it->table], it->index, it->bit);
			break;
		case HX_INJ_IRQ:
			PUT(":mode=%s", mode_names[it->mode]);
			if (it->mode == HX_IRQ_DELAY)
				PUT(",steps=%u", it->steps);
			break;
		case HX_INJ_ERRATUM:
			PUT(":name=%s,state=%s", it->erratum, it->on ? "on" : "off");
			break;
		default:
			break;
		}
		if (it->at)
			PUT("@%u", it->at);
	}
#undef PUT
}

/* ------------------------------------------------------------------ inside a run */

struct live {
	struct hx_inj it;
	bool armed;		/* took effect (its step came) */
	bool resolved;
	uint64_t addr;		/* MMIO kinds: the register's physical address */
	unsigned int used;	/* accesses affected */
	unsigned int until;	/* IRQ delay: due step */
	bool done;
};

static struct {
	struct hx_inject_env env;
	bool on;
	struct live l[HX_MAX_INJ * 4];
	unsigned int n;
	unsigned int step;
	unsigned long effects;
	bool held;		/* an interrupt held back (delay) */
	unsigned int held_until;
} g;

void hx_inject_begin(const struct hx_inject_env *env)
{
	memset(&g, 0, sizeof(g));
	g.env = *env;
	g.on = true;
}

void hx_inject_end(void)
{
	g.on = false;
	g.n = 0;
}

bool hx_inject_any(void)
{
	return g.on && g.n;
}

unsigned long hx_inject_effects(void)
{
	return g.effects;
}

static void note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void note(const char *fmt, ...)
{
	char buf[200];
	va_list ap;

	if (!g.env.note)
		return;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	g.env.note(g.env.ctx, buf);
}

void hx_inject_add(const struct hx_inj_plan *p, unsigned int cur_step)
{
	unsigned int i;

	for (i = 0; i < p->n && g.n < sizeof(g.l) / sizeof(g.l[0]); i++) {
		struct live *lv = &g.l[g.n++];

		memset(lv, 0, sizeof(*lv));
		lv->it = p->it[i];
		if (cur_step && lv->it.at < cur_step)
			lv->it.at = cur_step;
		if (lv->it.at <= g.step && g.step)
			hx_inject_step(g.step);
	}
}

static uint64_t pamu_reg64(struct pamu *pm, uint32_t hi, uint32_t lo)
{
	return ((uint64_t)pamu_reg_read(pm, hi, 4) << 32) | pamu_reg_read(pm, lo, 4);
}

static void do_flip(struct live *lv)
{
	const struct hx_inj *it = &lv->it;
	struct pamu *pm = soc_pamu_count(g.env.soc) ? soc_get_pamu(g.env.soc, 0) : NULL;
	uint64_t base, idx, esize = it->table == HX_TBL_OMT ? 128 : 64;
	uint32_t liodn;
	uint8_t *p;

	if (!pm)
		return;
	if (it->table == HX_TBL_PPAACE)
		base = pamu_reg64(pm, 0x000, 0x004);
	else if (it->table == HX_TBL_SPAACE)
		base = pamu_reg64(pm, 0x010, 0x014);
	else
		base = pamu_reg64(pm, 0x020, 0x024);
	if (!parse_num(it->index, &idx)) {
		if (!g.env.liodn_of || !g.env.liodn_of(g.env.ctx, it->index, &liodn)) {
			note("inject flip: %s is not a device of the scenario: nothing flipped", it->index);
			return;
		}
		idx = liodn;
	}
	if (!base) {
		note("inject flip: %s table not set up yet: nothing flipped", table_names[it->table]);
		return;
	}
	if (idx >= (it->table == HX_TBL_PPAACE ? PAMU_PPAACT_ENTRIES :
		    it->table == HX_TBL_SPAACE ? PAMU_SPAACT_ENTRIES : PAMU_OMT_ENTRIES)) {
		note("inject flip: %s has no entry %llu: nothing flipped", table_names[it->table],
		     (unsigned long long)idx);
		return;
	}
	p = soc_bus_dram_ptr(soc_get_bus(g.env.soc), base + idx * esize, esize);
	if (!p) {
		note("inject flip: %s entry %llu is not in DRAM: nothing flipped", table_names[it->table],
		     (unsigned long long)idx);
		return;
	}
	/* bit 0 is the most significant bit of the entry's first byte (the big-endian layout) */
	p[it->bit / 8] ^= (uint8_t)(0x80u >> (it->bit % 8));
	/* the PAMU re-reads the entry on its next lookup (cached translations are dropped as on an
	 * invalidation; docs/campaigns.md) */
	pamu_invalidate_fast_path(pm);
	g.effects++;
	note("inject flip %s[%llu] bit %u", table_names[it->table], (unsigned long long)idx, it->bit);
}

void hx_inject_step(unsigned int step)
{
	unsigned int i, k;

	if (!g.on)
		return;
	g.step = step;
	for (i = 0; i < g.n; i++) {
		struct live *lv = &g.l[i];

		if (lv->armed || (lv->it.at > step))
			continue;
		lv->armed = true;
		switch (lv->it.kind) {
		case HX_INJ_FAIL_NTH:
			if (g.env.fail_at)
				g.env.fail_at(g.env.ctx, lv->it.n);
			break;
		case HX_INJ_MMIO_READ:
		case HX_INJ_MMIO_DROP:
		case HX_INJ_LATCH:
			lv->addr = lv->it.addr;
			lv->resolved = !lv->it.reg[0] ||
				       (g.env.reg_addr && g.env.reg_addr(g.env.ctx, lv->it.reg, &lv->addr));
			if (!lv->resolved)
				note("inject %s: register %s does not exist on this SoC", kind_names[lv->it.kind],
				     lv->it.reg);
			break;
		case HX_INJ_FLIP:
			do_flip(lv);
			lv->done = true;
			break;
		case HX_INJ_ERRATUM:
			for (k = 0; k < soc_pamu_count(g.env.soc); k++)
				if (pamu_get_erratum_a003638(soc_get_pamu(g.env.soc, k)) != lv->it.on) {
					pamu_set_erratum_a003638(soc_get_pamu(g.env.soc, k), lv->it.on);
					g.effects++;
				}
			note("inject erratum a003638 %s", lv->it.on ? "on" : "off");
			lv->done = true;
			break;
		case HX_INJ_IRQ:
			break;
		default:
			break;
		}
	}
}

static bool covers(const struct live *lv, uint64_t phys, unsigned int size)
{
	return lv->armed && lv->resolved && !lv->done && phys <= lv->addr + 3 && lv->addr < phys + size;
}

bool hx_inject_load(uint64_t phys, unsigned int size, uint64_t *val)
{
	unsigned int i;

	for (i = 0; g.on && i < g.n; i++) {
		struct live *lv = &g.l[i];

		if (lv->it.kind == HX_INJ_MMIO_READ && covers(lv, phys, size)) {
			*val = lv->it.ones ? (size >= 8 ? ~0ull : ((1ull << (size * 8)) - 1)) : lv->it.value;
			g.effects++;
			if (lv->it.count && ++lv->used >= lv->it.count)
				lv->done = true;
			return true;
		}
	}
	return false;
}

bool hx_inject_store(uint64_t phys, unsigned int size, uint64_t val)
{
	unsigned int i;

	(void)val;
	for (i = 0; g.on && i < g.n; i++) {
		struct live *lv = &g.l[i];

		if ((lv->it.kind == HX_INJ_MMIO_DROP || lv->it.kind == HX_INJ_LATCH) && covers(lv, phys, size)) {
			g.effects++;
			if (lv->it.kind == HX_INJ_MMIO_DROP && lv->it.count && ++lv->used >= lv->it.count)
				lv->done = true;
			return true;
		}
	}
	return false;
}

int hx_inject_irq(void)
{
	unsigned int i;

	if (!g.on)
		return 0;
	if (g.held && g.step < g.held_until)
		return 3;
	for (i = 0; i < g.n; i++) {
		struct live *lv = &g.l[i];

		if (lv->it.kind != HX_INJ_IRQ || !lv->armed || lv->done)
			continue;
		if (lv->it.at && lv->it.at != g.step) {
			lv->done = true;	/* its step had no interrupt: nothing to do */
			continue;
		}
		g.effects++;
		switch (lv->it.mode) {
		case HX_IRQ_LOST:
			/* every delivery of this step is lost (a level source still asserted comes back later) */
			return 1;
		case HX_IRQ_DUP:
			lv->done = true;
			return 2;
		case HX_IRQ_DELAY:
			lv->done = true;
			g.held = true;
			g.held_until = g.step + lv->it.steps;
			note("inject irq held back until step %u", g.held_until);
			return 3;
		}
	}
	return 0;
}

bool hx_inject_irq_due(unsigned int step)
{
	if (g.on && g.held && step >= g.held_until) {
		g.held = false;
		return true;
	}
	return false;
}

uint64_t hx_inject_latch_bits(uint64_t phys, unsigned int size)
{
	unsigned int i;
	uint64_t bits = 0;

	for (i = 0; g.on && i < g.n; i++)
		if (g.l[i].it.kind == HX_INJ_LATCH && g.l[i].it.has_value && covers(&g.l[i], phys, size))
			bits |= g.l[i].it.value;
	if (bits)
		g.effects++;
	return bits;
}
