// SPDX-License-Identifier: BSD-2-Clause
/*
 * pamu_ref_boundary_test.c - the PAMU model against the reference translator on every boundary the
 * contract names: each WSE 0x0B..0x23 (first, last and one-past bytes, crossing the end), each reserved
 * WSE, every subwindow count up to the caps' MWCE at slot boundaries, the PPAACT / SPAACT / OMT limits
 * (last entry inside, first beyond, beyond memory), request wrap-around, all 256 operation codes under
 * each AP and OTM, and the gate / enable / bypass / erratum combinations.
 *
 * Source: docs/pamu-model.md 3-8, hw-facts.md 2 (PC3 MWCE), 4 (WSE encoding), 5, 6, 9. Each case runs
 * on the fast-path instance twice (the second run may come from its cache) and on the slow-path
 * instance; every result and every error register is compared with the reference. A few reference
 * results are also checked against the outcome the doc makes obvious, so a boundary is really one.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "pamu_ref_rig.h"
#include "sim_test.h"

struct bctx {
	struct ref_rig rig;
	struct rig_mix mix;
};

static bool stopped(struct bctx *b)
{
	return b->rig.mismatches >= b->rig.max_mismatches;
}

static struct pamu_ref_result one(struct bctx *b, uint16_t liodn, uint64_t addr, uint32_t size, uint8_t op)
{
	struct pamu_ref_req req = { .liodn = liodn, .addr = addr, .size = size, .op = op };
	struct pamu_ref_result e;

	memset(&e, 0, sizeof(e));
	if (stopped(b))
		return e;
	b->rig.case_index++;
	rig_check(&b->rig, RIG_FAST, &req, &e);
	rig_check(&b->rig, RIG_FAST, &req, NULL);
	rig_check(&b->rig, RIG_SLOW, &req, NULL);
	rig_mix_add(&b->mix, &e);
	if (b->rig.case_index % 3 == 0) {
		rig_isr(&b->rig, RIG_FAST, true);
		rig_isr(&b->rig, RIG_SLOW, true);
	}
	return e;
}

/* One case whose reference outcome the doc makes obvious. */
static void expect(struct bctx *b, uint16_t liodn, uint64_t addr, uint32_t size, uint8_t op,
		   enum pamu_ref_kind kind, enum pamu_ref_fault fault, int line)
{
	struct pamu_ref_result e = one(b, liodn, addr, size, op);

	if (stopped(b))
		return;
	sim_test_check(e.kind == kind && e.fault == fault, "reference outcome", __FILE__, line,
		       "LIODN 0x%x addr 0x%" PRIx64 " size 0x%" PRIx32 ": %s/%s, expected %s/%s", liodn, addr, size,
		       pamu_ref_kind_name(e.kind), pamu_ref_fault_name(e.fault), pamu_ref_kind_name(kind),
		       pamu_ref_fault_name(fault));
}

#define EXPECT_OK(b, l, a, s, o) expect(b, l, a, s, o, PAMU_REF_OK, PAMU_REF_FAULT_NONE, __LINE__)
#define EXPECT_FAULT(b, l, a, s, o, f) expect(b, l, a, s, o, PAMU_REF_FAULT, f, __LINE__)

static uint64_t paace_addr(struct bctx *b, uint16_t liodn)
{
	return b->rig.regs.ppba + 64ull * liodn;
}

static struct rig_entry window_entry(uint64_t base, unsigned int wse, uint64_t twba)
{
	struct rig_entry e;

	memset(&e, 0, sizeof(e));
	e.wba = base;
	e.wse = wse;
	e.v = true;
	e.ap = 3;
	e.atm = 1;
	e.twba = twba;
	e.cr = true;
	e.did = 0x10;
	e.snpid = 0x22;
	e.cid = 0x33;
	return e;
}

static void windows(struct bctx *b)
{
	unsigned int wse, misaligned;

	for (wse = 0x0b; wse <= 0x23 && !stopped(b); wse++) {
		uint64_t w = 1ull << (wse + 1);
		uint16_t liodn = (uint16_t)(0x100 + wse);
		uint64_t base = (0x123456789ull * (wse + 1)) & (SOC_PHYS_LIMIT - 1) & ~(w - 1);
		uint64_t twba = (0x987654321ull * (wse + 3)) & ~(w - 1);

		for (misaligned = 0; misaligned < 2; misaligned++) {
			struct rig_entry e = window_entry(base, wse, twba);

			/* A base (and TWBA) with bits below the window size: they are ignored. */
			if (misaligned && w > 0x1000) {
				e.wba = base + w / 2;
				e.twba = twba + (w / 2 & ~0xfffull);
			}
			rig_put_entry(&b->rig, paace_addr(b, liodn), &e);
			EXPECT_OK(b, liodn, base, 1, 0x00);
			EXPECT_OK(b, liodn, base + w - 1, 1, 0x81);
			EXPECT_FAULT(b, liodn, base + w, 1, 0x00, PAMU_REF_FAULT_WAV1);
			EXPECT_FAULT(b, liodn, base - 1, 1, 0x00, PAMU_REF_FAULT_WAV1);
			EXPECT_OK(b, liodn, base + w - 4, 4, 0x8f);
			EXPECT_FAULT(b, liodn, base + w - 4, 5, 0x00, PAMU_REF_FAULT_WAV2);
			EXPECT_FAULT(b, liodn, base + w - 1, 2, 0x81, PAMU_REF_FAULT_WAV2);
			if (w <= 0xffffffffull) {
				EXPECT_OK(b, liodn, base, (uint32_t)w, 0x82);
				if (w < 0xffffffffull)
					EXPECT_FAULT(b, liodn, base, (uint32_t)w + 1, 0x82, PAMU_REF_FAULT_WAV2);
			} else {
				EXPECT_OK(b, liodn, base + w - 0xffffffffull, 0xffffffffu, 0x83);
			}
			one(b, liodn, base + w / 2, 16, 0x86);
		}
	}

	/* Every reserved WSE value is unsupported. */
	for (wse = 0; wse < 64 && !stopped(b); wse++) {
		struct rig_entry e = window_entry(0, wse, 0);

		if (wse >= 0x0b && wse <= 0x23)
			continue;
		rig_put_entry(&b->rig, paace_addr(b, 0x180), &e);
		expect(b, 0x180, 0x1000, 4, 0x00, PAMU_REF_UNSUPPORTED, PAMU_REF_FAULT_NONE, __LINE__);
	}
}

/* Slots to probe for n subwindows: all of them when few, else the edges and the SPAACT limit. */
static unsigned int slot_list(unsigned int n, unsigned int *out)
{
	static const unsigned int edges[] = { 0, 1, 2, 3, 0x7fe, 0x7ff, 0x800, 0x801, 0x802 };
	unsigned int k, count = 0;

	if (n <= 256) {
		for (k = 0; k < n; k++)
			out[count++] = k;
		return count;
	}
	for (k = 0; k < sizeof(edges) / sizeof(edges[0]); k++) {
		if (edges[k] < n)
			out[count++] = edges[k];
	}
	out[count++] = n - 2;
	out[count++] = n - 1;
	for (k = 0; k < 24; k++)
		out[count++] = (k * 2654435761u) % n;
	return count;
}

static void subwindows(struct bctx *b)
{
	static unsigned int slots[300];
	unsigned int wce, sbits;

	for (wce = 0; wce <= b->rig.mwce && !stopped(b); wce++) {
		for (sbits = 12; sbits <= 20 && !stopped(b); sbits += 8) {
			unsigned int n = 1u << (wce + 1), wse = wce + sbits, count, k;
			uint64_t s = 1ull << sbits, w = (uint64_t)n * s;
			uint64_t base = 0x700000000ull & ~(w - 1);
			uint64_t tw = 0x800000000ull;
			uint16_t liodn = (uint16_t)(0x200 + wce);
			struct rig_entry e;

			if (wse > 0x23)
				continue;
			memset(rig_ptr(&b->rig, RIG_SPBA, RIG_SPAACT_BYTES), 0, RIG_SPAACT_BYTES);
			for (k = 0; k + 1 < n && k < PAMU_SPAACT_ENTRIES; k++) {
				memset(&e, 0, sizeof(e));
				e.secondary = true;
				e.owner = liodn;
				e.v = true;
				e.pt = true;
				e.ap = 3;
				e.atm = 1;
				e.twba = tw + 2 * s * (k + 1);
				/* every 7th subwindow uses half its slot (SWSE one smaller), where SWSE allows */
				e.swse = (k % 7 == 3 && sbits - 2 >= 0x0b) ? sbits - 2 : sbits - 1;
				e.cid = (uint8_t)k;
				e.did = 0x80;
				rig_put_entry(&b->rig, RIG_SPBA + 64ull * k, &e);
			}
			e = window_entry(base, wse, tw);
			e.mw = true;
			e.wce = wce;
			e.swse = sbits - 1;
			e.fspi = 0;
			rig_put_entry(&b->rig, paace_addr(b, liodn), &e);

			count = slot_list(n, slots);
			for (k = 0; k < count && !stopped(b); k++) {
				uint64_t start = base + (uint64_t)slots[k] * s;

				one(b, liodn, start, 1, 0x00);
				one(b, liodn, start + s - 1, 1, 0x81);
				one(b, liodn, start + s - 4, 4, 0x8c);
				one(b, liodn, start + s - 2, 4, 0x00);	/* crosses the slot end */
				one(b, liodn, start, (uint32_t)s, 0x82);
				one(b, liodn, start + s / 2 - 1, 2, 0x00);	/* half-size subwindows end here */
				one(b, liodn, start + s / 2, 1, 0x83);
			}
			/* Obvious ones: slot 0 of the window, and crossing from slot 0 into slot 1. */
			EXPECT_OK(b, liodn, base, 8, 0x00);
			EXPECT_FAULT(b, liodn, base + s - 1, 2, 0x00, PAMU_REF_FAULT_WAV4);
			if (n - 1 <= PAMU_SPAACT_ENTRIES)
				EXPECT_OK(b, liodn, w - 1 + base, 1, 0x00);
			else
				EXPECT_FAULT(b, liodn, w - 1 + base, 1, 0x00, PAMU_REF_FAULT_WAV6);
		}
	}
	/* Slots smaller than 4 KiB: every WCE that makes them so is unsupported. */
	for (wce = 0; wce < 16 && !stopped(b); wce++) {
		struct rig_entry e = window_entry(0, 0x0b + (wce & 7), 0);

		e.mw = true;
		e.wce = wce;
		e.swse = 0x0b;
		rig_put_entry(&b->rig, paace_addr(b, 0x181), &e);
		one(b, 0x181, 0x10, 4, 0x00);
	}
}

static void liodn_limits(struct bctx *b)
{
	struct rig_entry e = window_entry(0, 0x23, 0);
	unsigned int k;

	e.atm = 0;
	rig_put_entry(&b->rig, paace_addr(b, 0), &e);
	rig_put_entry(&b->rig, paace_addr(b, 0x4ff), &e);
	rig_put_entry(&b->rig, paace_addr(b, 0xff), &e);
	EXPECT_OK(b, 0, 0x1000, 4, 0x00);
	EXPECT_OK(b, 0x4ff, 0x1000, 4, 0x00);
	EXPECT_FAULT(b, 0x500, 0x1000, 4, 0x00, PAMU_REF_FAULT_LAV1);
	EXPECT_FAULT(b, 0xffff, 0x1000, 4, 0x00, PAMU_REF_FAULT_LAV1);
	EXPECT_FAULT(b, 0x1000, 0x1000, 4, 0x00, PAMU_REF_FAULT_LAV1);

	/* A shorter PPAACT: 0x100 entries. */
	b->rig.regs.ppla = b->rig.regs.ppba + 64 * 0x100;
	rig_apply_regs(&b->rig);
	EXPECT_OK(b, 0xff, 0x1000, 4, 0x81);
	EXPECT_FAULT(b, 0x100, 0x1000, 4, 0x81, PAMU_REF_FAULT_LAV1);

	/* A limit past the end of DRAM: entries 0x500..0x503 are fetch errors, 0x504 is beyond. */
	b->rig.regs.ppla = b->rig.regs.ppba + RIG_PPAACT_BYTES + 64 * 4;
	rig_apply_regs(&b->rig);
	EXPECT_OK(b, 0x4ff, 0x1000, 4, 0x81);
	for (k = 0x500; k < 0x504; k++)
		EXPECT_FAULT(b, (uint16_t)k, 0x1000, 4, 0x81, PAMU_REF_FAULT_FETCH);
	EXPECT_FAULT(b, 0x504, 0x1000, 4, 0x81, PAMU_REF_FAULT_LAV1);

	/* The table moved up by one entry: LIODN 0x4ff's entry now lies past the end of DRAM. */
	b->rig.regs.ppba = RIG_PPBA + 64;
	b->rig.regs.ppla = b->rig.regs.ppba + RIG_PPAACT_BYTES;
	rig_apply_regs(&b->rig);
	EXPECT_FAULT(b, 0x4ff, 0x1000, 4, 0x00, PAMU_REF_FAULT_FETCH);
	one(b, 0x4fe, 0x1000, 4, 0x00);
	b->rig.regs.ppba = RIG_PPBA;
	b->rig.regs.ppla = RIG_PPBA + RIG_PPAACT_BYTES;
	rig_apply_regs(&b->rig);

	/* Request wrap-around and size extremes, in the 64 GiB identity window of LIODN 0. */
	expect(b, 0, 0x1000, 0, 0x00, PAMU_REF_BAD_REQUEST, PAMU_REF_FAULT_NONE, __LINE__);
	expect(b, 0, UINT64_MAX, 2, 0x00, PAMU_REF_BAD_REQUEST, PAMU_REF_FAULT_NONE, __LINE__);
	expect(b, 0, UINT64_MAX - 0xfffffffeull, 0xffffffffu, 0x00, PAMU_REF_FAULT, PAMU_REF_FAULT_WAV1,
	       __LINE__);
	expect(b, 0, UINT64_MAX - 0xfffffffdull, 0xffffffffu, 0x00, PAMU_REF_BAD_REQUEST, PAMU_REF_FAULT_NONE,
	       __LINE__);
	EXPECT_FAULT(b, 0, UINT64_MAX, 1, 0x00, PAMU_REF_FAULT_WAV1);
	EXPECT_OK(b, 0, 0, 0xffffffffu, 0x00);
	EXPECT_OK(b, 0, 0xf00000000ull, 0xffffffffu, 0x81);
	EXPECT_FAULT(b, 0, 0xf00000002ull, 0xffffffffu, 0x81, PAMU_REF_FAULT_WAV2);
	EXPECT_FAULT(b, 0, 0xfffffffffull, 0xffffff, 0x81, PAMU_REF_FAULT_WAV2);	/* AVS2 size fits */
	EXPECT_FAULT(b, 0, 0xfffffffffull, 0x1000000, 0x81, PAMU_REF_FAULT_WAV2);	/* saturates */
}

static void operations(struct bctx *b)
{
	const uint16_t liodn = 0x300;
	const uint64_t base = 0x10000000;
	unsigned int ap, otm, op, omi;

	for (ap = 0; ap < 4; ap++) {
		for (otm = 0; otm < 4 && !stopped(b); otm++) {
			struct rig_entry e = window_entry(base, 0x13, 0x20000000);

			e.ap = ap;
			e.otm = otm < 3 ? otm : 2;
			if (otm == 1) {
				e.w7[0] = 0x82;		/* enhanced read 0 -> read with stash 0x16 */
				e.w7[1] = 0x96;
				e.w7[2] = 0x8d;		/* read-atomic set -> not valid */
				e.w7[3] = 0x0d;
			} else if (otm >= 2) {
				rig_entry_set_omi(&e, otm == 2 ? 0 : 2);
			}
			rig_put_entry(&b->rig, paace_addr(b, liodn), &e);
			for (op = 0; op < 256 && !stopped(b); op++)
				one(b, liodn, base + 0x100, 8, (uint8_t)op);
		}
	}

	/* Every OMI up to two past the 16-entry OMT, then with the OMT limit past the end of DRAM. */
	for (omi = 0; omi < 19 && !stopped(b); omi++) {
		struct rig_entry e = window_entry(base, 0x13, 0);

		e.otm = 2;
		rig_entry_set_omi(&e, (uint16_t)omi);
		rig_put_entry(&b->rig, paace_addr(b, liodn), &e);
		one(b, liodn, base, 4, 0x00);
		one(b, liodn, base, 4, 0x81);
		one(b, liodn, base, 4, 0x82);
		one(b, liodn, base, 4, 0x8f);
		if (omi >= 16)
			EXPECT_FAULT(b, liodn, base, 4, 0x00, PAMU_REF_FAULT_OTV2);
	}
	b->rig.regs.ola = b->rig.regs.oba + RIG_OMT_BYTES + 2 * 128;
	rig_apply_regs(&b->rig);
	for (omi = 15; omi < 19 && !stopped(b); omi++) {
		struct rig_entry e = window_entry(base, 0x13, 0);

		e.otm = 2;
		rig_entry_set_omi(&e, (uint16_t)omi);
		rig_put_entry(&b->rig, paace_addr(b, liodn), &e);
		one(b, liodn, base, 4, 0x00);
		one(b, liodn, base, 4, 0x86);
	}
	EXPECT_FAULT(b, liodn, base, 4, 0x00, PAMU_REF_FAULT_OTV2);	/* OMI 18 */
	b->rig.regs.ola = b->rig.regs.oba + RIG_OMT_BYTES;
	rig_apply_regs(&b->rig);
}

static void spaact_limits(struct bctx *b)
{
	const uint16_t liodn = 0x301;
	struct rig_entry e = window_entry(0x40000000, 0x0d, 0), s;	/* 16 KiB, 4 slots of 4 KiB */
	unsigned int k, slot;

	memset(&s, 0, sizeof(s));
	s.secondary = true;
	s.owner = liodn;
	s.v = s.pt = true;
	s.ap = 3;
	s.swse = 0x0b;
	for (k = 0x7fd; k < 0x800; k++)
		rig_put_entry(&b->rig, RIG_SPBA + 64ull * k, &s);
	e.mw = true;
	e.wce = 1;
	e.swse = 0x0b;
	e.fspi = 0x7fd;
	rig_put_entry(&b->rig, paace_addr(b, liodn), &e);
	for (slot = 0; slot < 4; slot++)
		EXPECT_OK(b, liodn, 0x40000000 + 0x1000ull * slot + 0x10, 4, 0x00);

	e.fspi = 0x7fe;		/* slot 3 -> index 0x800, first beyond the SPAACT */
	rig_put_entry(&b->rig, paace_addr(b, liodn), &e);
	EXPECT_FAULT(b, liodn, 0x40003000, 4, 0x00, PAMU_REF_FAULT_WAV6);
	b->rig.regs.spla = b->rig.regs.spba + RIG_SPAACT_BYTES + 64;
	rig_apply_regs(&b->rig);
	EXPECT_FAULT(b, liodn, 0x40003000, 4, 0x00, PAMU_REF_FAULT_FETCH);
	b->rig.regs.spla = b->rig.regs.spba + RIG_SPAACT_BYTES;
	rig_apply_regs(&b->rig);

	/* FSPI near 2^32: the index does not wrap (beyond the limit). */
	e.fspi = 0xffffffffu;
	rig_put_entry(&b->rig, paace_addr(b, liodn), &e);
	EXPECT_FAULT(b, liodn, 0x40002000, 4, 0x00, PAMU_REF_FAULT_WAV6);
	EXPECT_OK(b, liodn, 0x40000000, 4, 0x00);

	/* Secondary checks in order: V = 0 before type/owner, then PT = 0, then another owner. */
	e.fspi = 0x7fd;
	rig_put_entry(&b->rig, paace_addr(b, liodn), &e);
	s.v = false;
	s.owner = 0x999;
	rig_put_entry(&b->rig, RIG_SPBA + 64ull * 0x7fd, &s);
	EXPECT_FAULT(b, liodn, 0x40001000, 4, 0x00, PAMU_REF_FAULT_WAV3);
	s.v = true;
	s.pt = false;
	s.owner = liodn;
	rig_put_entry(&b->rig, RIG_SPBA + 64ull * 0x7fd, &s);
	EXPECT_FAULT(b, liodn, 0x40001000, 4, 0x00, PAMU_REF_FAULT_WAV7);
	s.pt = true;
	s.owner = liodn + 1;
	rig_put_entry(&b->rig, RIG_SPBA + 64ull * 0x7fd, &s);
	EXPECT_FAULT(b, liodn, 0x40001000, 4, 0x00, PAMU_REF_FAULT_WAV7);
}

/* Reserved ATM / OTM / SWSE values, in the primary and in a SPAACE (slot 1). */
static void reserved(struct bctx *b)
{
	const uint16_t liodn = 0x304;
	struct rig_entry e = window_entry(0x50000000, 0x0c, 0x60000000), s;	/* 8 KiB, 2 slots */
	unsigned int atm, otm, swse;

	memset(&s, 0, sizeof(s));
	s.secondary = true;
	s.owner = liodn;
	s.v = s.pt = true;
	s.ap = 3;
	s.swse = 0x0b;
	e.mw = true;
	e.wce = 0;
	e.swse = 0x0b;
	e.fspi = 0x123;
	for (atm = 0; atm < 4 && !stopped(b); atm++) {
		for (otm = 0; otm < 4 && !stopped(b); otm++) {
			e.atm = atm;
			e.otm = otm;
			rig_entry_set_omi(&e, 0);
			rig_put_entry(&b->rig, paace_addr(b, liodn), &e);
			s.atm = 0;
			s.otm = 0;
			rig_put_entry(&b->rig, RIG_SPBA + 64 * 0x123, &s);
			one(b, liodn, 0x50000000, 4, 0x00);
			one(b, liodn, 0x50001000, 4, 0x00);
			/* the same encodings in the SPAACE, with a clean primary */
			e.atm = 1;
			e.otm = 0;
			rig_put_entry(&b->rig, paace_addr(b, liodn), &e);
			s.atm = atm;
			s.otm = otm;
			rig_entry_set_omi(&s, 2);
			rig_put_entry(&b->rig, RIG_SPBA + 64 * 0x123, &s);
			one(b, liodn, 0x50000000, 4, 0x82);
			one(b, liodn, 0x50001000, 4, 0x82);
			one(b, liodn, 0x50001000, 4, 0x85);	/* OTV 1 through OMI 2, if indexed */
			one(b, liodn, 0x50001000, 4, 0x7e);	/* undefined */
		}
	}
	e.atm = 0;
	e.otm = 0;
	s.atm = 0;
	s.otm = 0;
	for (swse = 0; swse < 64 && !stopped(b); swse++) {
		e.swse = swse;
		s.swse = 63 - swse;
		rig_put_entry(&b->rig, paace_addr(b, liodn), &e);
		rig_put_entry(&b->rig, RIG_SPBA + 64 * 0x123, &s);
		one(b, liodn, 0x50000000, 4, 0x00);
		one(b, liodn, 0x50000ffc, 4, 0x00);
		one(b, liodn, 0x50001000, 4, 0x00);
		one(b, liodn, 0x50001ffc, 4, 0x00);
	}
}

static void control(struct bctx *b)
{
	static const uint32_t pcs[] = { 0, 0x40000000, 0x80000000, 0xc0000000, 0x40001011, 0x80001011 };
	struct rig_entry e = window_entry(0, 0x23, 0);
	unsigned int k, bypass, erratum;

	e.atm = 0;
	rig_put_entry(&b->rig, paace_addr(b, 0), &e);
	e.v = false;
	rig_put_entry(&b->rig, paace_addr(b, 0x302), &e);
	e.v = true;
	e.pt = true;
	rig_put_entry(&b->rig, paace_addr(b, 0x303), &e);
	for (erratum = 0; erratum < 2; erratum++) {
		for (bypass = 0; bypass < 2; bypass++) {
			for (k = 0; k < sizeof(pcs) / sizeof(pcs[0]) && !stopped(b); k++) {
				b->rig.regs.pc = pcs[k];
				b->rig.regs.bypass = bypass;
				b->rig.regs.erratum_a003638 = erratum;
				rig_apply_regs(&b->rig);
				one(b, 0, 0x1000, 4, 0x00);
				one(b, 0x302, 0x1000, 4, 0x81);
				one(b, 0x303, 0x1000, 4, 0x81);
				one(b, 0x500, 0x1000, 4, 0x8e);
				one(b, 0, 0x1000, 4, 0x7f);	/* undefined op: passes in bypass only */
				one(b, 0, 0x1000, 0, 0x00);	/* bad requests stay bad in bypass */
				one(b, 0xffff, UINT64_MAX, 2, 0x81);
			}
		}
	}
	b->rig.regs.pc = RIG_PC_BOOT;
	b->rig.regs.bypass = false;
	b->rig.regs.erratum_a003638 = false;
	rig_apply_regs(&b->rig);
	EXPECT_FAULT(b, 0x302, 0x1000, 4, 0x00, PAMU_REF_FAULT_LAV2);
	EXPECT_FAULT(b, 0x303, 0x1000, 4, 0x00, PAMU_REF_FAULT_LAV3);

	/* After a reset: PE = 0, every transaction is PDV until the registers are written again. */
	rig_reset(&b->rig);
	EXPECT_FAULT(b, 0, 0x1000, 4, 0x00, PAMU_REF_FAULT_PDV);
	rig_boot(&b->rig);
	rig_put_entry(&b->rig, paace_addr(b, 0), &e);
	one(b, 0, 0x1000, 4, 0x00);
}

SIM_TEST(Pamu, RefBoundaries)
{
	static struct bctx b;
	const char *soc = NULL, *name;
	unsigned int k;
	int mwce = -1;

	memset(&b, 0, sizeof(b));
	/* The largest MWCE among the built-in SoCs (every subwindow count any of them allows). */
	for (k = 0; (name = pamu_builtin_soc_name(k)) != NULL; k++) {
		const struct pamu_caps *c = pamu_builtin_caps(name);

		if (c && (int)((c->pc3 >> 21) & 0xf) > mwce) {
			mwce = (int)((c->pc3 >> 21) & 0xf);
			soc = name;
		}
	}
	SIM_ASSERT(soc != NULL);
	if (!rig_init(&b.rig, "Pamu.RefBoundaries", soc, 0))
		return;
	sim_test_note("caps of %s: MWCE %u (up to %u subwindows)", soc, b.rig.mwce, 2u << b.rig.mwce);
	rig_boot(&b.rig);

	windows(&b);
	subwindows(&b);
	liodn_limits(&b);
	operations(&b);
	spaact_limits(&b);
	reserved(&b);
	control(&b);

	rig_mix_print(&b.mix, "Pamu.RefBoundaries");
	SIM_EXPECT_EQ_U64(b.rig.mismatches, 0);
	SIM_EXPECT(b.mix.kind[PAMU_REF_OK] > 0);
	rig_fini(&b.rig);
}
