// SPDX-License-Identifier: BSD-2-Clause
// pamu_fast_test.cc - the fast path is transparent (docs/pamu-model.md 9): hits are counted, a table
// byte changed through a plain pointer is seen on the next transaction, register writes, inputs, reset
// and the slow-path flag invalidate, and a fast PAMU and a forced-slow PAMU give identical results and
// latch identical error registers on random tables that change between transactions.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>

#include "pamu_test_soc.h"

using namespace pamu_test;

namespace {

drv_paace win(uint64_t base, uint64_t size, uint32_t ap = 3, bool atm = false, uint64_t twba = 0)
{
	drv_paace e{};

	set_wba(e, base);
	set_wse(e, wse_of(size));
	set_ap(e, ap);
	if (atm) {
		set_atm(e, 1);
		set_twba(e, twba);
	}
	set_cr(e, true);
	set_v(e, true);
	return e;
}

pamu_stats stats(rig &r, unsigned int n = 0)
{
	pamu_stats st;

	pamu_get_stats(r.p(n), &st);
	return st;
}

// Deterministic generator (xorshift64*), so a failure reproduces.
struct prng {
	uint64_t s;
	uint64_t next()
	{
		s ^= s >> 12;
		s ^= s << 25;
		s ^= s >> 27;
		return s * 0x2545f4914f6cdd1dull;
	}
	uint32_t below(uint32_t n) { return (uint32_t)(next() % n); }
	bool chance(uint32_t percent) { return below(100) < percent; }
};

} // namespace

TEST(Pamu, FastPathHitsAreCounted)
{
	rig r;
	const uint16_t liodns[8] = {3, 17, 40, 100, 127, 200, 300, 511};

	r.enable();
	for (uint16_t l : liodns)
		*r.paace(l) = win(0x10000000, 1ull << 28, 3, true, 0x200000000ull + l * (1ull << 28));
	for (int i = 0; i < 8000; i++) {
		uint16_t l = liodns[i & 7];
		pamu_result res = r.xlate(l, 0x10000000 + (uint64_t)i * 64, 64, PAMU_OP_WRITE);

		ASSERT_EQ(res.kind, PAMU_XLATE_OK) << describe(res);
		ASSERT_EQ(res.paddr, 0x200000000ull + l * (1ull << 28) + (uint64_t)i * 64);
		ASSERT_EQ(res.out_op, 0x01);
		ASSERT_TRUE(res.coherent);
	}
	pamu_stats st = stats(r);

	EXPECT_EQ(st.translations, 8000u);
	EXPECT_EQ(st.walks, 8u);	// one walk per LIODN, then hits
	EXPECT_EQ(st.fast_hits, 7992u);
	EXPECT_EQ(st.faults, 0u);
}

TEST(Pamu, FastPathSeesPaaceChangesImmediately)
{
	rig r;

	r.enable();
	*r.paace(8) = win(0, 1ull << 20, 3, true, 0x40000000);
	ASSERT_EQ(r.xlate(8, 0x100).paddr, 0x40000100u);
	ASSERT_EQ(r.xlate(8, 0x100).paddr, 0x40000100u);
	ASSERT_EQ(stats(r).fast_hits, 1u);
	// Every kind of change the driver makes through a plain pointer.
	set_twba(*r.paace(8), 0x80000000);
	EXPECT_EQ(r.xlate(8, 0x100).paddr, 0x80000100u);
	set_ap(*r.paace(8), 1);
	EXPECT_EQ(r.xlate(8, 0x100, 4, PAMU_OP_WRITE).fault, PAMU_FAULT_PERMISSION);
	r.wr(AVS1, 0x7fff);
	set_wse(*r.paace(8), wse_of(0x1000));
	EXPECT_EQ(r.xlate(8, 0x2000).fault, PAMU_FAULT_WINDOW);
	r.wr(AVS1, 0x7fff);
	set_wse(*r.paace(8), wse_of(1ull << 20));
	r.paace(8)->did = 0x42;
	EXPECT_EQ(r.xlate(8, 0x2000).did, 0x42);
	set_cid(*r.paace(8), 0x17);
	EXPECT_EQ(r.xlate(8, 0x2000).stash_id, 0x17);
	r.paace(8)->flags = 0;
	EXPECT_FALSE(r.xlate(8, 0x2000).coherent);
	set_atm(*r.paace(8), 0);
	EXPECT_EQ(r.xlate(8, 0x2000).paddr, 0x2000u);
	set_v(*r.paace(8), false);	// the ISR's disable
	EXPECT_EQ(r.xlate(8, 0x2000).fault, PAMU_FAULT_PAACE_INVALID);
	set_v(*r.paace(8), true);
	set_mw(*r.paace(8), true);	// now subwindowed: slot 0 from the primary
	set_swse(*r.paace(8), 0x12);
	EXPECT_EQ(r.xlate(8, 0x2000).subwindow, 0);
	EXPECT_GT(stats(r).walks, 8u);
}

TEST(Pamu, FastPathSeesOmtChangesImmediately)
{
	rig r;

	r.enable();
	drv_paace e = win(0, 1ull << 20);

	set_otm(e, 2);
	e.op_encode.idx.omi = 0;
	*r.paace(9) = e;
	EXPECT_EQ(r.xlate(9, 0, 4, PAMU_OP_EREAD0).out_op, 0x16);
	EXPECT_EQ(r.xlate(9, 0, 4, PAMU_OP_EREAD0).out_op, 0x16);
	EXPECT_EQ(stats(r).fast_hits, 1u);
	r.ome(0)[2] = 0x99;
	EXPECT_EQ(r.xlate(9, 0, 4, PAMU_OP_EREAD0).out_op, 0x19);
	r.ome(0)[2] = 0x16;	// valid bit cleared
	EXPECT_EQ(r.xlate(9, 0, 4, PAMU_OP_EREAD0).fault, PAMU_FAULT_MOE_INVALID);
	r.wr(AVS1, 0x7fff);
	// Another code of the same OME, and the OMI itself.
	EXPECT_EQ(r.xlate(9, 0, 4, PAMU_OP_WRITE).out_op, 0x01);
	r.paace(9)->op_encode.idx.omi = 2;
	EXPECT_EQ(r.xlate(9, 0, 4, PAMU_OP_EWRITE0).out_op, 0x1b);
	// Immediate mode bytes.
	set_otm(*r.paace(9), 1);
	r.paace(9)->op_encode.imm = {PAMU_OP_WRITE, 0x9c, PAMU_OP_READ, 0x80};
	EXPECT_EQ(r.xlate(9, 0, 4, PAMU_OP_WRITE).out_op, 0x1c);
	EXPECT_EQ(r.xlate(9, 0, 4, PAMU_OP_WRITE).out_op, 0x1c);
	r.paace(9)->op_encode.imm.moea = 0x9e;
	EXPECT_EQ(r.xlate(9, 0, 4, PAMU_OP_WRITE).out_op, 0x1e);
	r.paace(9)->op_encode.imm.moea = 0x1e;
	EXPECT_EQ(r.xlate(9, 0, 4, PAMU_OP_WRITE).fault, PAMU_FAULT_MOE_INVALID);
}

TEST(Pamu, FastPathInvalidatedByRegisterWrites)
{
	rig r;

	r.enable();
	*r.paace(10) = win(0, 1ull << 20);
	r.xlate(10, 0);
	r.xlate(10, 0);
	ASSERT_EQ(stats(r).fast_hits, 1u);
	// Disabling through PC: the very next transaction sees it.
	r.wr(PC, 0);
	EXPECT_EQ(r.xlate(10, 0).fault, PAMU_FAULT_DISABLED);
	r.wr(AVS1, 0x7fff);
	r.wr(PC, PC_DRIVER_ENABLE);
	EXPECT_EQ(r.xlate(10, 0).kind, PAMU_XLATE_OK);
	// Moving the PPAACT: the new table is used.
	r.xlate(10, 0);
	r.wr64(PPBAH, 0x10000000);
	r.wr64(PPLAH, 0x10014000);
	*static_cast<drv_paace *>(r.dram(0x10000000 + 64 * 10, 64)) = win(0, 1ull << 20, 3, true, 0x5000000);
	EXPECT_EQ(r.xlate(10, 0x40).paddr, 0x5000040u);
	// Moving the OMT.
	drv_paace e = win(0, 1ull << 20);

	set_otm(e, 2);
	e.op_encode.idx.omi = 1;
	*static_cast<drv_paace *>(r.dram(0x10000000 + 64 * 10, 64)) = e;
	EXPECT_EQ(r.xlate(10, 0, 4, PAMU_OP_READ).out_op, 0x18);	// FMAN
	EXPECT_EQ(r.xlate(10, 0, 4, PAMU_OP_READ).out_op, 0x18);
	r.wr64(OBAH, 0x10020000);
	r.wr64(OLAH, 0x10020800);
	EXPECT_EQ(r.xlate(10, 0, 4, PAMU_OP_READ).fault, PAMU_FAULT_MOE_INVALID);
	r.wr(AVS1, 0x7fff);
	r.wr64(OBAH, TABLE_BLOCK + OMT_OFF);
	r.wr64(OLAH, TABLE_BLOCK + OMT_OFF + 0x800);
	EXPECT_EQ(r.xlate(10, 0, 4, PAMU_OP_READ).out_op, 0x18);
	// Any register write invalidates, even one with no effect on translation.
	uint64_t walks = stats(r).walks;

	r.wr(PFA1, 1);
	EXPECT_EQ(r.xlate(10, 0, 4, PAMU_OP_READ).kind, PAMU_XLATE_OK);
	EXPECT_EQ(stats(r).walks, walks + 1);
	// A dropped (misuse) write changes nothing and keeps the entry.
	walks = stats(r).walks;
	r.wr(PR1, 1);
	r.rd(PC, 0, 8);
	EXPECT_EQ(r.xlate(10, 0, 4, PAMU_OP_READ).kind, PAMU_XLATE_OK);
	EXPECT_EQ(stats(r).walks, walks);
}

TEST(Pamu, FastPathInvalidatedByInputsAndReset)
{
	rig r;
	uint64_t walks;

	r.enable();
	*r.paace(11) = win(0, 1ull << 20);
	r.xlate(11, 0);
	r.xlate(11, 0);
	pamu_set_bypass(r.p(), true);
	EXPECT_EQ(r.xlate(11, 0).kind, PAMU_XLATE_BYPASS);
	EXPECT_EQ(r.xlate(11, 1ull << 40).kind, PAMU_XLATE_BYPASS);
	pamu_set_bypass(r.p(), false);
	EXPECT_EQ(r.xlate(11, 1ull << 40).fault, PAMU_FAULT_WINDOW);
	r.wr(AVS1, 0x7fff);
	r.xlate(11, 0);
	walks = stats(r).walks;
	pamu_set_erratum_a003638(r.p(), true);
	r.xlate(11, 0);
	EXPECT_EQ(stats(r).walks, walks + 1);
	r.xlate(11, 0);
	walks = stats(r).walks;
	pamu_invalidate_fast_path(r.p());
	r.xlate(11, 0);
	EXPECT_EQ(stats(r).walks, walks + 1);
	pamu_reset(r.p());
	EXPECT_EQ(r.xlate(11, 0).fault, PAMU_FAULT_DISABLED);
}

TEST(Pamu, SlowPathFlagForcesFullWalks)
{
	rig r;

	r.enable();
	*r.paace(12) = win(0, 1ull << 20);
	r.xlate(12, 0);
	r.xlate(12, 0);
	ASSERT_EQ(stats(r).fast_hits, 1u);
	pamu_set_slow_path(r.p(), true);
	for (int i = 0; i < 50; i++)
		EXPECT_EQ(r.xlate(12, 0x100).kind, PAMU_XLATE_OK);
	EXPECT_EQ(stats(r).fast_hits, 1u);
	EXPECT_EQ(stats(r).walks, 51u);
	pamu_set_slow_path(r.p(), false);
	for (int i = 0; i < 50; i++)
		r.xlate(12, 0x100);
	EXPECT_EQ(stats(r).walks, 52u);
	EXPECT_EQ(stats(r).fast_hits, 50u);
}

TEST(Pamu, FastPathFaultsTakeTheFullWalk)
{
	rig r;

	r.enable();
	*r.paace(13) = win(0x100000, 0x100000, 1);
	r.xlate(13, 0x100000);
	r.xlate(13, 0x100000);
	ASSERT_EQ(stats(r).fast_hits, 1u);
	// Out of the window, crossing its end, wrong permission, undefined code, bad size: each latches
	// exactly what the walk latches.
	struct {
		uint64_t addr;
		uint32_t size;
		uint8_t op;
		pamu_fault f;
		uint32_t avs1;
	} rows[] = {
		{0x200000, 4, PAMU_OP_READ, PAMU_FAULT_WINDOW, 0x0d0081},
		{0x1ffffe, 4, PAMU_OP_READ, PAMU_FAULT_WINDOW_CROSS, 0x0d0101},
		{0x100000, 4, PAMU_OP_WRITE, PAMU_FAULT_PERMISSION, 0x0d0011},
		{0x100000, 4, 0x7f, PAMU_FAULT_OP_UNDEFINED, 0x0d0007},
	};
	for (const auto &row : rows) {
		pamu_result res = r.xlate(13, row.addr, row.size, row.op);

		EXPECT_EQ(res.fault, row.f) << describe(res);
		EXPECT_TRUE(res.latched);
		EXPECT_EQ(r.rd(AVS1), row.avs1);
		EXPECT_EQ(r.rd(AVAL), (uint32_t)row.addr);
		r.wr(AVS1, 0x7fff);
	}
	EXPECT_EQ(r.xlate(13, 0x100000, 0).kind, PAMU_XLATE_BAD_REQUEST);
	// The entry survives its own faults (no register written in between): the next good access hits.
	EXPECT_EQ(r.xlate(13, 0x100000).kind, PAMU_XLATE_OK);	// walk (the AVS1 writes invalidated)
	uint64_t hits = stats(r).fast_hits;

	EXPECT_EQ(r.xlate(13, 0x200000).fault, PAMU_FAULT_WINDOW);
	EXPECT_EQ(r.xlate(13, 0x100000, 4, PAMU_OP_WRITE).fault, PAMU_FAULT_PERMISSION);
	EXPECT_EQ(r.xlate(13, 0x1ffffc, 4).kind, PAMU_XLATE_OK);
	EXPECT_EQ(stats(r).fast_hits, hits + 1);
}

TEST(Pamu, FastPathLiodnCollisions)
{
	rig r;
	const uint64_t ppaact = 0x10000000;	// a PPAACT for all 65536 LIODNs (4 MiB)

	r.enable();
	r.wr64(PPBAH, ppaact);
	r.wr64(PPLAH, ppaact + 64ull * 65536);
	// LIODNs 4096 apart share a slot in any direct-mapped cache of up to 4096 entries.
	auto entry = [&](uint16_t l) { return static_cast<drv_paace *>(r.dram(ppaact + 64ull * l, 64)); };
	for (uint32_t l = 5; l < 65536; l += 4096)
		*entry((uint16_t)l) = win(0, 1ull << 30, 3, true, (uint64_t)l << 32);
	for (int i = 0; i < 1600; i++) {
		uint16_t l = (uint16_t)(5 + 4096 * (i % 16));
		// At i = 800 one of them changes: its slot may hold another LIODN's entry by then.
		uint64_t t = i > 800 && i % 16 == 3 ? 0x7700000000ull : (uint64_t)l << 32;

		ASSERT_EQ(r.xlate(l, 0x40, 4).paddr, t + 0x40) << i;
		ASSERT_EQ(r.xlate(l, 0x80, 4).paddr, t + 0x80) << i;
		if (i == 800)
			set_twba(*entry(5 + 4096 * 3), 0x7700000000ull);
	}
	EXPECT_EQ(stats(r).translations, 3200u);
	EXPECT_GE(stats(r).fast_hits, 1600u);
}

TEST(Pamu, FastPathSubwindowsTakeTheSlowPath)
{
	rig r;

	r.enable();
	drv_paace e = win(0, 1ull << 30);

	set_mw(e, true);
	set_swse(e, wse_of(1ull << 29));
	*r.paace(14) = e;
	for (int i = 0; i < 20; i++)
		EXPECT_EQ(r.xlate(14, 0x1000).subwindow, 0);
	EXPECT_EQ(stats(r).fast_hits, 0u);
	EXPECT_EQ(stats(r).walks, 20u);
}

// The fast path against the slow path, on random tables that change between transactions: PAMU 0 uses
// its fast path, PAMU 1 is forced slow; both see the same bus, tables and register writes.
TEST(Pamu, FastPathMatchesSlowPathOnMutatingTables)
{
	rig_opts o;

	o.pamus = 2;
	rig r(o);
	prng g{0x9e3779b97f4a7c15ull};
	const unsigned int nliodn = 24, cases = 60000;
	uint64_t mutations = 0, by_kind[PAMU_XLATE_BAD_REQUEST + 1] = {}, by_fault[PAMU_FAULT_COUNT] = {};

	r.enable_all();
	pamu_set_slow_path(r.p(1), true);
	// Random OMT contents (mostly valid MOEs).
	for (uint32_t omi = 0; omi < OMT_ENTRIES; omi++)
		for (int i = 0; i < 128; i++)
			r.ome(omi)[i] = (uint8_t)(g.chance(90) ? 0x80 | g.below(128) : g.below(128));
	auto random_entry = [&](uint16_t l) {
		uint32_t wse = g.chance(95) ? 0x0b + g.below(0x23 - 0x0b + 1) : g.below(64);
		uint64_t w = 1ull << ((wse & 63) + 1 > 36 ? 36 : (wse & 63) + 1);
		drv_paace e{};

		set_wba(e, (uint64_t)g.below(16) * (w < (1ull << 30) ? w : (1ull << 30)));
		set_wse(e, wse);
		set_ap(e, g.chance(10) ? g.below(3) : 3);
		set_atm(e, g.chance(90) ? g.below(2) : g.below(4));
		set_twba(e, ((uint64_t)g.below(1 << 20)) << 16);
		set_otm(e, g.chance(95) ? g.below(3) : 3);
		if ((e.impl_attr & 3) == 2)
			e.op_encode.idx.omi = (uint16_t)(g.chance(90) ? g.below(16) : g.below(40));
		else if ((e.impl_attr & 3) == 1)
			e.op_encode.imm = {(uint8_t)(g.chance(50) ? 0x81 : 0x00), (uint8_t)(g.below(256) | 0x80),
					   (uint8_t)(g.chance(50) ? 0x82 : 0x8c), (uint8_t)g.below(256)};
		set_cid(e, g.below(256));
		e.did = (uint8_t)g.below(256);
		e.pid = (uint8_t)g.below(8);
		e.snpid = (uint8_t)g.below(256);
		set_cr(e, g.chance(50));
		set_dd(e, g.chance(10));
		set_mw(e, g.chance(5));
		set_wce(e, g.below(4));
		set_swse(e, g.below(40));
		e.fspi = g.below(64);
		set_pt(e, g.chance(2));
		set_v(e, g.chance(95));
		*r.paace(l) = e;
	};
	for (uint16_t l = 0; l < nliodn; l++)
		random_entry(l);
	for (uint32_t i = 0; i < 64; i++) {
		drv_paace s{};

		set_owner(s, g.below(nliodn));
		set_pt(s, g.chance(90));
		set_ap(s, g.below(4));
		set_atm(s, g.below(2));
		set_swse(s, 0x0b + g.below(20));
		set_v(s, g.chance(90));
		*r.spaace(i) = s;
	}
	const uint8_t codes[] = {0x00, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x8c, 0x8d, 0x8e, 0x8f};
	for (unsigned int c = 0; c < cases; c++) {
		uint16_t l = (uint16_t)(g.chance(97) ? g.below(nliodn) : g.below(0x600));
		drv_paace *e = r.paace(l < 0x500 ? l : 0);
		uint32_t wse = (e->addr_bitfields >> 6) & 63;
		uint64_t w = 1ull << (wse + 1 > 36 ? 36 : wse + 1);
		uint64_t base = ((uint64_t)e->wbah << 32 | (e->addr_bitfields & 0xfffff000)) & ~(w - 1);
		uint64_t addr = base + (g.chance(90) ? g.next() % w : g.next() % (2 * w + 1)) - (g.chance(3) ? w : 0);
		uint32_t size = g.chance(95) ? 1u << g.below(13) : g.below(1u << 20);
		uint8_t op = g.chance(95) ? codes[g.below(12)] : (uint8_t)g.below(256);
		pamu_result fast = r.xlate(l, addr, size, op, 0);
		pamu_result slow = r.xlate(l, addr, size, op, 1);

		by_kind[fast.kind]++;
		by_fault[fast.fault]++;

		ASSERT_TRUE(same_result(fast, slow)) << "case " << c << " liodn " << l << " addr 0x" << std::hex
						      << addr << " size 0x" << size << " op 0x" << (int)op
						      << "\n fast " << describe(fast) << "\n slow " << describe(slow);
		for (uint32_t off : {AVS1, AVS2, AVAH, AVAL, PICS, POES1, POES2, POEAH, POEAL})
			ASSERT_EQ(r.rd(off, 0), r.rd(off, 1)) << "case " << c << " register 0x" << std::hex << off;
		ASSERT_EQ(pamu_irq_level(r.p(0), PAMU_IRQ_AV), pamu_irq_level(r.p(1), PAMU_IRQ_AV));
		// Mutate the tables between transactions, through plain pointers as the driver does.
		if (g.chance(15)) {
			// Half of the changes hit the entry just used (most likely cached by PAMU 0).
			uint16_t m = (uint16_t)(g.chance(50) && l < nliodn ? l : g.below(nliodn));

			mutations++;
			switch (g.below(6)) {
			case 0:
				random_entry(m);
				break;
			case 1: {	// one random bit of words 0-7
				uint8_t *b = reinterpret_cast<uint8_t *>(r.paace(m));

				b[g.below(32)] ^= (uint8_t)(1u << g.below(8));
				break;
			}
			case 2:
				set_v(*r.paace(m), g.chance(80));
				break;
			case 3:
				set_ap(*r.paace(m), g.chance(60) ? 3 : g.below(4));
				break;
			case 4:
				r.ome(g.below(OMT_ENTRIES))[g.below(128)] ^= 0x80;
				break;
			case 5:
				set_twba(*r.paace(m), ((uint64_t)g.below(1 << 20)) << 16);
				break;
			}
		}
		// Now and then the ISR clears both PAMUs (register writes invalidate the fast path).
		if (g.chance(3)) {
			for (unsigned int n = 0; n < 2; n++) {
				r.wr(AVS1, r.rd(AVS1, n) & 0x7fff, n);
				r.wr(PICS, r.rd(PICS, n), n);
				r.wr(POES1, 0xf, n);
			}
		}
	}
	pamu_stats f = stats(r, 0), s = stats(r, 1);

	EXPECT_EQ(f.translations, s.translations);
	EXPECT_EQ(f.faults, s.faults);
	EXPECT_EQ(f.unsupported, s.unsupported);
	EXPECT_EQ(f.latched, s.latched);
	EXPECT_EQ(f.not_latched, s.not_latched);
	EXPECT_EQ(s.fast_hits, 0u);
	// The comparison means something only if both paths ran a lot, with and without faults.
	EXPECT_GT(f.fast_hits, cases / 10);
	EXPECT_GT(f.walks, cases / 10);
	EXPECT_GT(f.faults, cases / 20);
	EXPECT_GT(mutations, cases / 10);
	RecordProperty("fast_hits", std::to_string(f.fast_hits));
	for (int k = 0; k <= PAMU_XLATE_BAD_REQUEST; k++)
		printf("[   NOTE   ] %s: %llu\n", pamu_xlate_kind_name((pamu_xlate_kind)k), (unsigned long long)by_kind[k]);
	for (int k = 1; k < PAMU_FAULT_COUNT; k++)
		if (by_fault[k])
			printf("[   NOTE   ]   %s: %llu\n", pamu_fault_name((pamu_fault)k), (unsigned long long)by_fault[k]);
	printf("[   NOTE   ] %u cases, %llu mutations: fast path %llu hits + %llu walks, %llu faults, %llu unsupported\n",
	       cases, (unsigned long long)mutations, (unsigned long long)f.fast_hits, (unsigned long long)f.walks,
	       (unsigned long long)f.faults, (unsigned long long)f.unsupported);
}
