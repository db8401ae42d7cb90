// SPDX-License-Identifier: BSD-2-Clause
/*
 * pamu_ref_random_test.c - the PAMU model against the reference translator on random tables and
 * random requests (Pamu.RefRandom, >= 1,000,000 cases by default), and fast path against slow path
 * against reference on tables that change under the model's feet (Pamu.RefFastVsSlow).
 *
 * Source: docs/pamu-model.md 2-9 (walk, latch, fast path transparency), hw-facts.md 2.1 (table block
 * and enable sequence), 5 (PAACE/SPAACE fields), 6 (the driver's OMT), 9 (ISR clear sequence).
 *
 * Environment: PAMUSIM_REF_CASES (default 1000000; the sanitizer build runs fewer), PAMUSIM_REF_SEED
 * (default fixed; printed at the start and in every mismatch report). Tables are random but mostly
 * driver-like (a fifth of the entries chaotic: reserved encodings, invalid, wrong owners); requests are
 * mostly inside windows and near their edges; table bytes are mutated directly in simulated DRAM now and
 * then (and the request repeated at once, so a stale fast-path entry would show); registers, bypass,
 * erratum, slow-path mode, reset and AVIE are flipped in short phases.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pamu_ref_rig.h"
#include "sim_test.h"

#define DEFAULT_CASES 1000000ull
#define DEFAULT_SEED 0x5eed2024c0ffeeull
#define HOT 16

static const uint8_t defined_ops[] = { 0x00, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x8c, 0x8d, 0x8e, 0x8f };
static const uint8_t outbound_ops[] = { 0x00, 0x01, 0x0c, 0x0d, 0x0e, 0x0f, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15,
					0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e };

enum phase {
	PH_NONE,
	PH_BYPASS,
	PH_PE_OFF,
	PH_PGC,
	PH_PROFILE,	/* table registers moved / shrunk / extended past DRAM */
	PH_ERRATUM,	/* toggled (persists) */
	PH_SLOW,	/* fast instance forced onto the slow path */
	PH_AVIE_OFF,
	PH_RESET,
	PH_CACHEBITS,	/* PC cache-enable bits changed: no functional effect */
	PH_COUNT
};

struct gen {
	uint64_t rng;
	struct ref_rig rig;
	struct rig_mix mix;
	uint16_t hot[HOT];
	unsigned int hot_share;		/* percent of requests from the hot set */
	unsigned int spaace_next;
	enum phase phase;
	uint64_t phase_end;
	struct pamu_ref_regs saved;	/* registers before a reset phase */
	uint64_t cases, target;
	unsigned int slow_share;	/* per mille of cases also run on the slow instance */
	unsigned int mutate_share;	/* per mille of cases followed by a table mutation */
	unsigned int redo_share;	/* per mille of mutations followed by the same request */
	unsigned int isr_share;		/* per mille of cases followed by the ISR's clear sequence */
	uint64_t slow_checked, mutations, redos, redo_changed, phases[PH_COUNT];
};

static uint64_t rnd(struct gen *g)
{
	/* splitmix64 */
	uint64_t z = (g->rng += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static uint64_t below(struct gen *g, uint64_t n)
{
	return n ? rnd(g) % n : 0;
}

static bool chance(struct gen *g, unsigned int per_mille)
{
	return below(g, 1000) < per_mille;
}

static uint64_t env_u64(const char *name, uint64_t def)
{
	const char *s = getenv(name);
	char *end;
	unsigned long long v;

	if (!s || !*s)
		return def;
	v = strtoull(s, &end, 0);
	return *end ? def : v;
}

static uint64_t align_down(uint64_t v, unsigned int log2)
{
	return log2 >= 64 ? 0 : v & ~((1ull << log2) - 1);
}

static uint8_t pick_inbound(struct gen *g)
{
	return defined_ops[below(g, sizeof(defined_ops))];
}

static uint8_t pick_moe(struct gen *g)
{
	uint8_t code = outbound_ops[below(g, sizeof(outbound_ops))];

	return chance(g, 900) ? 0x80 | code : (uint8_t)below(g, 0x80);
}

static unsigned int pick_ap(struct gen *g)
{
	unsigned int r = (unsigned int)below(g, 100);

	return r < 88 ? 3 : r < 93 ? 1 : r < 98 ? 2 : 0;
}

static unsigned int pick_otm(struct gen *g)
{
	unsigned int r = (unsigned int)below(g, 100);

	return r < 70 ? 0 : r < 85 ? 1 : 2;
}

static void pick_w7(struct gen *g, struct rig_entry *e)
{
	unsigned int r = (unsigned int)below(g, 100);

	if (e->otm == 1) {
		e->w7[0] = pick_inbound(g);
		e->w7[1] = pick_moe(g);
		e->w7[2] = pick_inbound(g);
		e->w7[3] = pick_moe(g);
	} else if (e->otm == 2) {
		uint16_t omi = r < 35 ? 0 : r < 70 ? 2 : r < 85 ? (uint16_t)(1 + 2 * below(g, 2)) :
			       r < 95 ? (uint16_t)(4 + below(g, 12)) : r < 99 ? (uint16_t)(16 + below(g, 24)) :
			       (uint16_t)rnd(g);

		rig_entry_set_omi(e, omi);
	} else if (r < 30) {
		uint32_t v = (uint32_t)rnd(g);

		memcpy(e->w7, &v, 4);	/* ignored without operation translation */
	}
}

/* SWSE for a (sub)window of 2^sub_log bytes: mostly exact, sometimes smaller or larger. */
static unsigned int pick_swse(struct gen *g, unsigned int sub_log)
{
	unsigned int r = (unsigned int)below(g, 100), exact = sub_log - 1;

	if (r < 3)
		return (unsigned int)below(g, 0x0b);
	if (r < 75 || exact < 0x0b)
		return exact;
	if (r < 90)
		return 0x0b + (unsigned int)below(g, exact - 0x0b + 1);
	return exact + (unsigned int)below(g, 64 - exact);
}

static uint32_t alloc_spaace(struct gen *g, unsigned int count)
{
	uint32_t fspi;

	if (g->spaace_next + count <= PAMU_SPAACT_ENTRIES) {
		fspi = g->spaace_next;
		g->spaace_next += count;
		return fspi;
	}
	/* The SPAACT is full: run off its end (WAV 6 for the slots beyond). */
	return PAMU_SPAACT_ENTRIES - (uint32_t)below(g, count < PAMU_SPAACT_ENTRIES ? count : PAMU_SPAACT_ENTRIES);
}

static void garble_reserved(struct gen *g, uint64_t addr)
{
	unsigned int w;

	/* Reserved words 8-15 and the reserved bits of word 3 (31:24, 15:8) and word 5 (5:0). */
	for (w = 8; w < 16; w++)
		rig_put_word(&g->rig, addr, w, (uint32_t)rnd(g));
	rig_put_word(&g->rig, addr, 3, rig_get_word(&g->rig, addr, 3) | ((uint32_t)rnd(g) & 0xff00ff00u));
	rig_put_word(&g->rig, addr, 5, rig_get_word(&g->rig, addr, 5) | ((uint32_t)rnd(g) & 0x3fu));
}

static void gen_secondary(struct gen *g, uint64_t addr, uint16_t owner, unsigned int sub_log, bool chaotic)
{
	struct rig_entry e;

	memset(&e, 0, sizeof(e));
	e.secondary = true;
	e.owner = owner;
	e.v = chance(g, 950);
	e.pt = true;
	e.ap = pick_ap(g);
	e.dd = below(g, 2);
	e.cr = below(g, 2);
	e.did = (uint8_t)rnd(g);
	e.pid = (uint8_t)rnd(g);
	e.snpid = (uint8_t)rnd(g);
	e.cid = (uint8_t)rnd(g);
	e.atm = (unsigned int)below(g, 2);
	e.otm = pick_otm(g);
	e.twba = chance(g, 900) ? align_down(below(g, SOC_PHYS_LIMIT), sub_log) : align_down(rnd(g), 12);
	e.swse = pick_swse(g, sub_log);
	if (chaotic) {
		if (chance(g, 400))
			e.v = false;
		if (chance(g, 100))
			e.pt = false;
		if (chance(g, 150))
			e.owner = (uint16_t)below(g, 0x500);
		if (chance(g, 150))
			e.atm = (unsigned int)below(g, 4);
		if (chance(g, 150))
			e.otm = (unsigned int)below(g, 4);
		if (chance(g, 200))
			e.swse = (unsigned int)below(g, 64);
		e.wse = (unsigned int)below(g, 64);	/* ignored in a SPAACE */
		e.mw = below(g, 2);			/* ignored */
		e.wce = (unsigned int)below(g, 16);	/* ignored */
		e.fspi = (uint32_t)rnd(g);		/* ignored */
	}
	pick_w7(g, &e);
	rig_put_entry(&g->rig, addr, &e);
	if (chaotic && chance(g, 300))
		garble_reserved(g, addr);
}

static void gen_primary(struct gen *g, uint16_t liodn, bool chaotic)
{
	uint64_t addr = RIG_PPBA + 64ull * liodn;
	struct rig_entry e;
	unsigned int r = (unsigned int)below(g, 100), sub_log, n = 1, k;

	memset(&e, 0, sizeof(e));
	e.v = true;
	e.wse = r < 50 ? 0x0b + (unsigned int)below(g, 10) : r < 85 ? 0x15 + (unsigned int)below(g, 11) :
		0x20 + (unsigned int)below(g, 4);
	r = (unsigned int)below(g, 100);
	if (r < 80)
		e.wba = align_down(below(g, SOC_PHYS_LIMIT), e.wse + 1);
	else if (r < 90)
		e.wba = align_down(rnd(g), e.wse + 1);
	else	/* bits below the window size set: ignored */
		e.wba = align_down(below(g, SOC_PHYS_LIMIT), 12);
	if (e.wse >= 0x0c && chance(g, 200)) {
		unsigned int max = e.wse - 12;

		e.mw = true;
		e.wce = (unsigned int)below(g, (chance(g, 950) ? (max < 3 ? max : 3) : (max < 8 ? max : 8)) + 1);
	}
	if (chaotic && chance(g, 250)) {
		e.mw = true;
		e.wce = (unsigned int)below(g, 16);
	}
	n = e.mw ? 2u << e.wce : 1;
	sub_log = e.mw ? (e.wse + 1 > e.wce + 1 ? e.wse - e.wce : 0) : e.wse + 1;
	if (e.mw)
		e.fspi = chaotic && chance(g, 500) ?
				 (chance(g, 800) ? (uint32_t)below(g, 0x900) : (uint32_t)rnd(g)) :
				 alloc_spaace(g, n - 1);
	e.ap = pick_ap(g);
	e.dd = below(g, 2);
	e.cr = below(g, 2);
	e.did = (uint8_t)rnd(g);
	e.pid = (uint8_t)rnd(g);
	e.snpid = (uint8_t)rnd(g);
	e.cid = (uint8_t)rnd(g);
	e.atm = (unsigned int)below(g, 2);
	e.otm = pick_otm(g);
	r = (unsigned int)below(g, 100);
	if (r < 85)
		e.twba = align_down(below(g, SOC_PHYS_LIMIT), sub_log);
	else if (r < 90)
		e.twba = align_down(rnd(g), sub_log);
	else
		e.twba = align_down(below(g, SOC_PHYS_LIMIT), 12);
	e.swse = e.mw && sub_log >= 12 ? pick_swse(g, sub_log) : (unsigned int)below(g, 64);
	if (chaotic) {
		if (chance(g, 250))
			e.v = false;
		if (chance(g, 80))
			e.pt = true;
		if (chance(g, 150))
			e.wse = (unsigned int)below(g, 64);
		if (chance(g, 120))
			e.atm = (unsigned int)below(g, 4);
		if (chance(g, 120))
			e.otm = (unsigned int)below(g, 4);
		if (chance(g, 150))
			e.swse = (unsigned int)below(g, 64);
		if (chance(g, 500))
			e.ap = (unsigned int)below(g, 4);
	}
	pick_w7(g, &e);
	rig_put_entry(&g->rig, addr, &e);
	if (chaotic && chance(g, 300))
		garble_reserved(g, addr);

	/* Its SPAACEs, where they fall inside the SPAACT and the FSPI came from the allocator. */
	if (e.mw && sub_log >= 12) {
		for (k = 0; k + 1 < n; k++) {
			uint64_t index = (uint64_t)e.fspi + k;

			if (index >= PAMU_SPAACT_ENTRIES || k > 300)
				break;
			gen_secondary(g, RIG_SPBA + 64 * index, liodn, sub_log, chaotic || chance(g, 100));
		}
	}
}

static void gen_tables(struct gen *g)
{
	unsigned int k, omi;

	rig_clear_tables(&g->rig);
	/* Unallocated SPAACEs: zero (V = 0), or leftovers of earlier owners. */
	for (k = 0; k < PAMU_SPAACT_ENTRIES; k++) {
		if (chance(g, 150))
			gen_secondary(g, RIG_SPBA + 64ull * k, (uint16_t)below(g, 0x500),
				      12 + (unsigned int)below(g, 10), chance(g, 500));
	}
	g->spaace_next = (unsigned int)below(g, 4);
	for (k = 0; k < PAMU_PPAACT_ENTRIES; k++)
		gen_primary(g, (uint16_t)k, chance(g, 200));
	/* The driver's OMT (at the default OBA), and random MOEs in the OMEs it leaves empty. */
	for (omi = 4; omi < PAMU_OMT_ENTRIES; omi++) {
		for (k = 0; k < PAMU_OME_SIZE; k++)
			rig_put_byte(&g->rig, RIG_OBA + 128ull * omi + k,
				     chance(g, 500) ? (uint8_t)(0x80 | rnd(g)) : (uint8_t)(rnd(g) & 0x7f));
	}
	{
		struct pamu_ref_regs keep = g->rig.regs;

		g->rig.regs.oba = RIG_OBA;
		rig_driver_omt(&g->rig);
		g->rig.regs = keep;
	}
}

/* A hot set of busy devices: LIODNs whose entry is valid now (a configured device is the busy one). */
static void new_hot_set(struct gen *g)
{
	unsigned int k, tries;

	for (k = 0; k < HOT; k++) {
		for (tries = 0; tries < 8; tries++) {
			g->hot[k] = (uint16_t)below(g, PAMU_PPAACT_ENTRIES);
			if ((rig_get_word(&g->rig, RIG_PPBA + 64ull * g->hot[k], 1) & 3) == 1)
				break;
		}
	}
}

/* Table register profiles: driver layout, shrunk limits, limits past DRAM, table moved by entries. */
static void set_profile(struct gen *g)
{
	struct pamu_ref_regs *r = &g->rig.regs;
	unsigned int p = (unsigned int)below(g, 100);
	int64_t shift;

	r->ppba = RIG_PPBA;
	r->ppla = RIG_PPBA + RIG_PPAACT_BYTES;
	r->spba = RIG_SPBA;
	r->spla = RIG_SPBA + RIG_SPAACT_BYTES;
	r->oba = RIG_OBA;
	r->ola = RIG_OBA + RIG_OMT_BYTES;
	if (p < 50)
		return;
	if (p < 65) {
		r->ppla = r->ppba + 64 * below(g, PAMU_PPAACT_ENTRIES + 1);
		r->spla = r->spba + 64 * below(g, PAMU_SPAACT_ENTRIES + 1);
		r->ola = r->oba + 128 * below(g, PAMU_OMT_ENTRIES + 1);
	} else if (p < 85) {
		r->ppla += 64 * (1 + below(g, 0x1000));
		r->spla += 64 * (1 + below(g, 0x800));
		r->ola += 128 * (1 + below(g, 32));
	} else {
		shift = (int64_t)below(g, 17) - 8;
		r->ppba = RIG_PPBA + (uint64_t)(shift * 64);
		r->ppla = r->ppba + RIG_PPAACT_BYTES;
		shift = (int64_t)below(g, 9) - 4;
		r->spba = RIG_SPBA + (uint64_t)(shift * 64);
		r->spla = r->spba + RIG_SPAACT_BYTES;
	}
}

static void start_phase(struct gen *g, enum phase ph)
{
	struct ref_rig *rig = &g->rig;
	int i;

	g->phase = ph;
	g->phase_end = g->cases + 1 + below(g, 64);
	g->phases[ph]++;
	switch (ph) {
	case PH_BYPASS:
		rig->regs.bypass = true;
		break;
	case PH_PE_OFF:
		rig->regs.pc &= ~0x40000000u;
		break;
	case PH_PGC:
		rig->regs.pc |= 0x80000000u;
		break;
	case PH_PROFILE:
		set_profile(g);
		g->phase_end = g->cases + 1 + below(g, 2000);
		break;
	case PH_ERRATUM:
		rig->regs.erratum_a003638 = !rig->regs.erratum_a003638;
		g->phase = PH_NONE;
		break;
	case PH_SLOW:
		rig_set_slow_path(rig, RIG_FAST, true);
		return;
	case PH_AVIE_OFF:
		for (i = 0; i < RIG_INSTANCES; i++) {
			pamu_reg_write(rig->inst[i].p, RIG_PICS, 4, 0);
			rig->inst[i].latch.pics &= ~RIG_PICS_AVIE;
		}
		return;
	case PH_RESET:
		g->saved = rig->regs;
		rig_reset(rig);
		return;
	case PH_CACHEBITS:
		rig->regs.pc = (rig->regs.pc & 0xc0000000u) | ((uint32_t)rnd(g) & 0x00001011u);
		break;
	case PH_NONE:
	case PH_COUNT:
		return;
	}
	rig_apply_regs(rig);
}

static void end_phase(struct gen *g)
{
	struct ref_rig *rig = &g->rig;
	int i;

	switch (g->phase) {
	case PH_BYPASS:
		rig->regs.bypass = false;
		break;
	case PH_PE_OFF:
		rig->regs.pc |= 0x40000000u;
		break;
	case PH_PGC:
		rig->regs.pc &= ~0x80000000u;
		break;
	case PH_SLOW:
		rig_set_slow_path(rig, RIG_FAST, false);
		g->phase = PH_NONE;
		return;
	case PH_AVIE_OFF:
		for (i = 0; i < RIG_INSTANCES; i++)
			rig_enable_avie(rig, i);
		g->phase = PH_NONE;
		return;
	case PH_RESET:
		rig->regs = g->saved;
		rig_apply_regs(rig);
		for (i = 0; i < RIG_INSTANCES; i++)
			rig_enable_avie(rig, i);
		g->phase = PH_NONE;
		return;
	case PH_CACHEBITS:
		rig->regs.pc = (rig->regs.pc & 0xc0000000u) | 0x00001011u;
		break;
	case PH_PROFILE:
		rig->regs.ppba = RIG_PPBA;
		rig->regs.ppla = RIG_PPBA + RIG_PPAACT_BYTES;
		rig->regs.spba = RIG_SPBA;
		rig->regs.spla = RIG_SPBA + RIG_SPAACT_BYTES;
		rig->regs.oba = RIG_OBA;
		rig->regs.ola = RIG_OBA + RIG_OMT_BYTES;
		break;
	default:
		g->phase = PH_NONE;
		return;
	}
	g->phase = PH_NONE;
	rig_apply_regs(rig);
}

static void phases(struct gen *g)
{
	uint64_t every = g->target / (3 * (PH_COUNT - 1));

	if (g->phase != PH_NONE && g->cases >= g->phase_end)
		end_phase(g);
	if (g->phase != PH_NONE)
		return;
	/* Each kind at least three times per run, at fixed points, plus random ones. */
	if (every && g->cases % every == every / 2)
		start_phase(g, (enum phase)(1 + (g->cases / every) % (PH_COUNT - 1)));
	else if (chance(g, 1) && below(g, 2) == 0)
		start_phase(g, (enum phase)(1 + below(g, PH_COUNT - 1)));
}

static uint32_t pick_size(struct gen *g)
{
	unsigned int r = (unsigned int)below(g, 100);
	static const uint32_t small[] = { 2, 4, 8, 16, 32, 64 };

	if (r < 15)
		return 1;
	if (r < 55)
		return small[below(g, 6)];
	if (r < 75)
		return 1 + (uint32_t)below(g, 256);
	if (r < 90)
		return 257 + (uint32_t)below(g, 8192 - 257);
	if (r < 99)
		return 8192 + (uint32_t)below(g, 16u << 20);
	return (uint32_t)rnd(g);
}

/* Picks an address, mostly inside the LIODN's (sub)window as the tables now say, or near an edge. */
static uint64_t pick_addr(struct gen *g, uint16_t liodn, uint32_t *size)
{
	struct ref_rig *rig = &g->rig;
	uint64_t e = rig->regs.ppba + 64ull * liodn, base, w, s, z, start;
	uint32_t w0, w1, w3, w5, wse, r;
	unsigned int n = 1, slot = 0;

	r = (unsigned int)below(g, 100);
	if (r >= 95 || !rig_ptr(rig, e, 64))
		return chance(g, 500) ? below(g, SOC_PHYS_LIMIT) : rnd(g);
	w0 = rig_get_word(rig, e, 0);
	w1 = rig_get_word(rig, e, 1);
	w3 = rig_get_word(rig, e, 3);
	w5 = rig_get_word(rig, e, 5);
	wse = (w1 >> 6) & 0x3f;
	if (wse < 0x0b || wse > 0x23)
		return below(g, SOC_PHYS_LIMIT);
	w = 1ull << (wse + 1);
	base = ((uint64_t)w0 << 32 | (w1 & 0xfffff000u)) & ~(w - 1);
	s = w;
	z = w;
	if (w1 & 0x20) {
		n = 2u << ((w3 >> 4) & 0xf);
		s = w / n;
		if (s < 0x1000)
			return base + below(g, w);
		slot = (unsigned int)(chance(g, 500) ? below(g, n) : below(g, n < 4 ? n : 4));
		if (slot == 0) {
			z = (w5 >> 6) & 0x3f;
		} else {
			uint64_t se = rig->regs.spba + 64 * ((uint64_t)rig_get_word(rig, e, 6) + slot - 1);

			z = rig_ptr(rig, se, 64) ? (rig_get_word(rig, se, 5) >> 6) & 0x3f : 63;
		}
		z = z + 1 >= 64 || (1ull << (z + 1)) > s ? s : 1ull << (z + 1);
	}
	start = base + (uint64_t)slot * s;
	if (r < 75) {
		if (*size > z && chance(g, 800))
			*size = (uint32_t)(1 + below(g, z < 0x10000 ? z : 0x10000));
		return start + (*size <= z ? below(g, z - *size + 1) : below(g, z));
	}
	{
		const uint64_t points[] = { base, base + w, start, start + s, start + z };
		uint64_t p = points[below(g, 5)] + below(g, 9) - 4;

		return chance(g, 500) ? p - *size : p;
	}
}

static void gen_request(struct gen *g, struct pamu_ref_req *req)
{
	struct ref_rig *rig = &g->rig;
	unsigned int r = (unsigned int)below(g, 100);
	uint64_t e;

	if (r < g->hot_share) {
		req->liodn = g->hot[below(g, HOT)];
	} else if (r < 88) {
		req->liodn = (uint16_t)below(g, PAMU_PPAACT_ENTRIES);
	} else if (r < 92) {
		req->liodn = (uint16_t)(PAMU_PPAACT_ENTRIES + below(g, 0x10000 - PAMU_PPAACT_ENTRIES));
	} else if (r < 96) {
		uint64_t lim = rig->regs.ppla > rig->regs.ppba ? (rig->regs.ppla - rig->regs.ppba) / 64 : 0;
		const uint64_t picks[] = { 0, 0x4ff, 0x500, 0xffff, lim ? lim - 1 : 0, lim };

		req->liodn = (uint16_t)picks[below(g, 6)];
	} else {
		req->liodn = (uint16_t)below(g, 0x1000);
	}
	req->size = pick_size(g);
	req->addr = pick_addr(g, req->liodn, &req->size);

	r = (unsigned int)below(g, 100);
	if (r < 35) {
		req->op = 0x00;
	} else if (r < 65) {
		req->op = 0x81;
	} else if (r < 88) {
		req->op = pick_inbound(g);
	} else if (r < 93) {
		req->op = (uint8_t)rnd(g);
	} else {
		/* the codes an immediate-mode entry lists */
		e = rig->regs.ppba + 64ull * req->liodn;
		req->op = rig_ptr(rig, e, 64) ? *rig_ptr(rig, e + 0x1c + 2 * below(g, 2), 1) : 0x00;
	}

	if (chance(g, 3)) {	/* bad requests: size 0, or a range past 2^64 */
		if (below(g, 2)) {
			req->size = 0;
		} else {
			req->addr = UINT64_MAX - below(g, 64);
			req->size = 1 + (uint32_t)below(g, 128);
		}
	}
}

/* What a mutation overwrote, so it can be put back (the driver re-validating an entry). */
struct undo {
	uint64_t addr;
	unsigned int len;
	uint8_t bytes[64];
};

static void undo_mutation(struct gen *g, const struct undo *u)
{
	uint8_t *p = u->len ? rig_ptr(&g->rig, u->addr, u->len) : NULL;

	if (p)
		memcpy(p, u->bytes, u->len);
}

/* Changes table bytes directly in simulated DRAM, the way a driver writes through a plain pointer. */
static void mutate(struct gen *g, const struct pamu_ref_req *req, const struct pamu_ref_result *e, struct undo *u)
{
	struct ref_rig *rig = &g->rig;
	unsigned int r = (unsigned int)below(g, 100);
	uint64_t target;
	uint8_t buf[64], *p;
	uint32_t w;
	unsigned int word;

	g->mutations++;
	u->len = 0;
	if (r < 50 && rig_ptr(rig, rig->regs.ppba + 64ull * req->liodn, 64))
		target = rig->regs.ppba + 64ull * req->liodn;
	else if (r < 70)
		target = e->spaace_addr ? e->spaace_addr : RIG_SPBA + 64 * below(g, PAMU_SPAACT_ENTRIES);
	else if (r < 85) {
		uint64_t a = e->moe_addr && rig_ptr(rig, e->moe_addr, 1) ? e->moe_addr :
			     RIG_OBA + below(g, RIG_OMT_BYTES);
		uint8_t v = *rig_ptr(rig, a, 1);

		u->addr = a;
		u->len = 1;
		u->bytes[0] = v;
		v = chance(g, 500) ? v ^ 0x80 : (uint8_t)rnd(g);
		if (chance(g, 300)) {
			soc_bus_write(rig->bus, a, &v, 1, NULL);
		} else {
			*rig_ptr(rig, a, 1) = v;
		}
		return;
	} else {
		target = RIG_PPBA + 64 * below(g, PAMU_PPAACT_ENTRIES);
	}
	p = rig_ptr(rig, target, 64);
	if (!p)
		return;
	memcpy(buf, p, 64);
	u->addr = target;
	u->len = 64;
	memcpy(u->bytes, p, 64);
	r = (unsigned int)below(g, 100);
	if (r < 55) {
		word = (unsigned int)below(g, 8);
		memcpy(&w, buf + 4 * word, 4);
		w ^= 1u << below(g, 32);
		memcpy(buf + 4 * word, &w, 4);
	} else if (r < 70) {
		memcpy(&w, buf + 4, 4);
		w ^= 1;
		memcpy(buf + 4, &w, 4);
	} else if (r < 80) {
		memcpy(&w, buf + 4, 4);
		w = (w & ~0x18u) | (uint32_t)below(g, 4) << 3;
		memcpy(buf + 4, &w, 4);
	} else if (r < 95) {
		if (target >= RIG_PPBA && target < RIG_PPBA + RIG_PPAACT_BYTES) {
			gen_primary(g, (uint16_t)((target - RIG_PPBA) / 64), chance(g, 300));
		} else {
			memcpy(&w, buf + 4, 4);
			gen_secondary(g, target, (uint16_t)(w >> 16), 12 + (unsigned int)below(g, 12), chance(g, 300));
		}
		memcpy(buf, p, 64);
	} else {
		word = 8 + (unsigned int)below(g, 8);
		w = (uint32_t)rnd(g);
		memcpy(buf + 4 * word, &w, 4);
	}
	if (chance(g, 300))
		soc_bus_write(rig->bus, target, buf, 64, NULL);
	else
		memcpy(p, buf, 64);
}

static void run_case(struct gen *g, const struct pamu_ref_req *req, struct pamu_ref_result *e)
{
	g->rig.case_index = g->cases;
	rig_check(&g->rig, RIG_FAST, req, e);
	rig_mix_add(&g->mix, e);
	if (chance(g, g->slow_share)) {
		rig_check(&g->rig, RIG_SLOW, req, NULL);
		g->slow_checked++;
	}
	g->cases++;
}

static bool same_outcome(const struct pamu_ref_result *a, const struct pamu_ref_result *b)
{
	return a->kind == b->kind && a->fault == b->fault && a->out_addr == b->out_addr && a->out_op == b->out_op &&
	       a->field == b->field;
}

static void run(struct gen *g)
{
	struct pamu_ref_req req;
	struct pamu_ref_result e, e2;
	struct undo u;
	int i;

	while (g->cases < g->target && g->rig.mismatches < g->rig.max_mismatches) {
		if (g->cases % 50000 == 0 && g->cases)
			gen_tables(g);
		if (g->cases % 5000 == 0)
			new_hot_set(g);
		phases(g);
		gen_request(g, &req);
		run_case(g, &req, &e);
		if (chance(g, g->mutate_share)) {
			mutate(g, &req, &e, &u);
			if (chance(g, g->redo_share) && g->cases < g->target) {
				run_case(g, &req, &e2);
				g->redos++;
				if (!same_outcome(&e, &e2))
					g->redo_changed++;
			}
			/* Mostly put the entry back (and ask again), so hot entries do not decay. */
			if (chance(g, 700)) {
				undo_mutation(g, &u);
				if (chance(g, 500) && g->cases < g->target)
					run_case(g, &req, &e2);
			}
		}
		if (chance(g, g->isr_share)) {
			for (i = 0; i < RIG_INSTANCES; i++)
				rig_isr(&g->rig, i, true);
		}
	}
}

static bool setup(struct gen *g, const char *test, uint64_t seed, uint64_t cases)
{
	memset(g, 0, sizeof(*g));
	g->rng = seed;
	g->target = cases;
	if (!rig_init(&g->rig, test, "t4240", seed))
		return false;
	rig_boot(&g->rig);
	gen_tables(g);
	new_hot_set(g);
	sim_test_note("%s: seed 0x%" PRIx64 " (PAMUSIM_REF_SEED), %" PRIu64 " cases (PAMUSIM_REF_CASES)", test, seed,
		      cases);
	return true;
}

static void report(struct gen *g, const char *test, double seconds)
{
	static const char *const phase_names[PH_COUNT] = {
		[PH_BYPASS] = "bypass", [PH_PE_OFF] = "PE off", [PH_PGC] = "gate closed",
		[PH_PROFILE] = "table registers moved", [PH_ERRATUM] = "erratum toggled",
		[PH_SLOW] = "fast instance on slow path", [PH_AVIE_OFF] = "AVIE off", [PH_RESET] = "reset",
		[PH_CACHEBITS] = "PC cache bits",
	};
	struct pamu_stats st[RIG_INSTANCES];
	unsigned int k;

	pamu_get_stats(g->rig.inst[RIG_FAST].p, &st[RIG_FAST]);
	pamu_get_stats(g->rig.inst[RIG_SLOW].p, &st[RIG_SLOW]);
	rig_mix_print(&g->mix, test);
	sim_test_note("%s: %" PRIu64 " also on the slow-path instance; %" PRIu64 " table mutations, %" PRIu64
		      " repeated at once (%" PRIu64 " with a changed outcome); %.1f s",
		      test, g->slow_checked, g->mutations, g->redos, g->redo_changed, seconds);
	for (k = 1; k < PH_COUNT; k++)
		sim_test_note("  phase %-27s started %" PRIu64 " times", phase_names[k], g->phases[k]);
	sim_test_note("  fast instance: %" PRIu64 " translations, %" PRIu64 " fast-path hits, %" PRIu64
		      " walks; slow instance: %" PRIu64 " fast-path hits, %" PRIu64 " walks",
		      st[RIG_FAST].translations, st[RIG_FAST].fast_hits, st[RIG_FAST].walks, st[RIG_SLOW].fast_hits,
		      st[RIG_SLOW].walks);
	if (g->rig.mismatches)
		sim_test_note("%s FAILED: %u mismatches; rerun with PAMUSIM_REF_SEED=0x%" PRIx64
			      " PAMUSIM_REF_CASES=%" PRIu64, test, g->rig.mismatches, g->rig.seed, g->target);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

SIM_TEST(Pamu, RefRandom)
{
	static struct gen g;
	uint64_t seed = env_u64("PAMUSIM_REF_SEED", DEFAULT_SEED);
	uint64_t cases = env_u64("PAMUSIM_REF_CASES", DEFAULT_CASES);
	double t0 = now();
	unsigned int k;

	if (!setup(&g, "Pamu.RefRandom", seed, cases))
		return;
	g.hot_share = 45;
	g.slow_share = 250;
	g.mutate_share = 30;
	g.redo_share = 600;
	g.isr_share = 60;
	run(&g);
	report(&g, "Pamu.RefRandom", now() - t0);

	SIM_EXPECT_EQ_U64(g.rig.mismatches, 0);
	SIM_ASSERT(g.cases == cases);
	/* The mix must not be trivial: most cases translate, and every outcome is reached. */
	SIM_EXPECT(g.mix.kind[PAMU_REF_OK] * 100 >= g.mix.total * 40);
	SIM_EXPECT(g.mix.subwindow_ok > 0);
	SIM_EXPECT(g.mix.kind[PAMU_REF_BYPASS] > 0);
	SIM_EXPECT(g.mix.kind[PAMU_REF_BAD_REQUEST] > 0);
	SIM_EXPECT(g.mix.unreported > 0);
	for (k = 1; k < PAMU_REF_FAULT_COUNT; k++)
		sim_test_check(g.mix.fault[k] > 0, "every fault kind is hit", __FILE__, __LINE__, "%s never hit",
			       pamu_ref_fault_name(k));
	for (k = 1; k <= PAMU_REF_FIELD_SWSE; k++)
		sim_test_check(g.mix.field[k] > 0, "every unsupported field is hit", __FILE__, __LINE__,
			       "%s never hit", pamu_ref_field_name(k));
	SIM_EXPECT(g.slow_checked > 0);
	SIM_EXPECT(g.redo_changed > 0);
	rig_fini(&g.rig);
}

SIM_TEST(Pamu, RefFastVsSlow)
{
	static struct gen g;
	uint64_t seed = env_u64("PAMUSIM_REF_SEED", DEFAULT_SEED) ^ 0xfa57510dull;
	uint64_t cases = env_u64("PAMUSIM_REF_CASES", DEFAULT_CASES) / 5;
	struct pamu_stats st;
	double t0 = now();

	if (!setup(&g, "Pamu.RefFastVsSlow", seed, cases))
		return;
	/* A hot set, every case on both paths, tables changing under the cache all the time. */
	g.hot_share = 85;
	g.slow_share = 1000;
	g.mutate_share = 150;
	g.redo_share = 800;
	g.isr_share = 2;	/* register writes empty the fast path: keep them rare here */
	run(&g);
	report(&g, "Pamu.RefFastVsSlow", now() - t0);

	SIM_EXPECT_EQ_U64(g.rig.mismatches, 0);
	SIM_EXPECT_EQ_U64(g.slow_checked, g.cases);
	SIM_EXPECT(g.redo_changed > 0);
	pamu_get_stats(g.rig.inst[RIG_FAST].p, &st);
	/* The fast instance really used its fast path (else this test compares two slow paths). */
	SIM_EXPECT(st.fast_hits > 0);
	pamu_get_stats(g.rig.inst[RIG_SLOW].p, &st);
	SIM_EXPECT_EQ_U64(st.fast_hits, 0);
	rig_fini(&g.rig);
}
