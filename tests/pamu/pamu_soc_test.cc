// SPDX-License-Identifier: BSD-2-Clause
// pamu_soc_test.cc - the PAMU in a SoC-like setting: the driver's boot sequence through the bus, the
// boot PAACEs of QMan/BMan/plain devices, six independent PAMU blocks of a T4240-style SoC sharing one
// set of tables, walk tracing, and a memory interface without DMI.
//
// Facts: hw-facts.md 2.1 (enable sequence, one 512 KiB table block shared by all PAMUs), 7.1 (boot
// PAACE contents per compatible), 1 (PAMU n at CCSR + 0x20000 + 0x1000 n; T4240 has six PAMUs,
// soc-table.md), 6 (OMT).
#include <gtest/gtest.h>

#include "pamu_test_soc.h"

using namespace pamu_test;

namespace {

constexpr uint32_t AV = 1;
constexpr uint32_t wav(uint32_t v) { return v << 7 | AV; }

// hw-facts.md 7.1: boot PAACE by the owning node's compatible.
enum dev_kind { PLAIN, QMAN_PORTAL, QMAN, BMAN };

drv_paace boot_entry(dev_kind k, uint8_t l3_stash)
{
	drv_paace e = boot_paace();

	switch (k) {
	case QMAN_PORTAL:
		set_otm(e, 2);
		e.op_encode.idx.omi = 0;
		set_cid(e, l3_stash);
		break;
	case QMAN:
		set_otm(e, 2);
		e.op_encode.idx.omi = 2;
		set_cid(e, l3_stash);
		set_cr(e, false);
		break;
	case BMAN:
		set_cr(e, false);
		break;
	case PLAIN:
		break;
	}
	return e;
}

} // namespace

TEST(Pamu, DriverEnableSequence)
{
	rig r;
	pamu *p = r.p();

	// Step 2: the zeroed 512 KiB block; nothing read of PC before, no reset.
	ASSERT_EQ(TABLE_BLOCK % (512 * 1024), 0u);
	EXPECT_TRUE(pamu_get_bypass(p));
	// Step 4: table registers high word first, base then limit; PICS = 0x4; PC = 0x40001011.
	r.wr(PPBAH, 0);
	r.wr(PPBAL, (uint32_t)TABLE_BLOCK);
	r.wr(PPLAH, 0);
	r.wr(PPLAL, (uint32_t)(TABLE_BLOCK + 0x14000));
	r.wr(SPBAH, 0);
	r.wr(SPBAL, (uint32_t)(TABLE_BLOCK + 0x20000));
	r.wr(SPLAH, 0);
	r.wr(SPLAL, (uint32_t)(TABLE_BLOCK + 0x40000));
	r.wr(OBAH, 0);
	r.wr(OBAL, (uint32_t)(TABLE_BLOCK + 0x40000));
	r.wr(OLAH, 0);
	r.wr(OLAL, (uint32_t)(TABLE_BLOCK + 0x40800));
	r.wr(PICS, 0x4);
	r.wr(PC, 0x40001011);
	EXPECT_EQ(r.rd(PC), 0x40001011u);
	EXPECT_EQ(r.rd(PICS), 0x4u);
	EXPECT_EQ(r.rd(PPLAL), (uint32_t)(TABLE_BLOCK + 0x14000));
	EXPECT_EQ(pamu_reg_misuse_count(p), 0u);
	// Still bypassed until PAMUBYPENR is written (step 6): DMA passes untranslated.
	EXPECT_EQ(r.xlate(127, 0x1000).kind, PAMU_XLATE_BYPASS);
	// Step 5: the OMT, after enabling. Step 6: bypass off.
	r.fill_driver_omt();
	pamu_set_bypass(p, false);
	// Between steps 6 and 7 every LIODN is invalid: blocked, not reported, nothing latched.
	pamu_result res = r.xlate(127, 0x1000, 64, PAMU_OP_WRITE);

	EXPECT_EQ(res.fault, PAMU_FAULT_PAACE_INVALID);
	EXPECT_FALSE(res.reported);
	EXPECT_FALSE(pamu_irq_level(p, PAMU_IRQ_AV));
	// Step 7: PAACEs of the LIODNs found in the DT (U-Boot p4080_ids.c: USB1 127, QMan 31, BMan 32,
	// QMan portal (1, 2)), L3 stash id 1.
	*r.paace(127) = boot_entry(PLAIN, 1);
	*r.paace(31) = boot_entry(QMAN, 1);
	*r.paace(32) = boot_entry(BMAN, 1);
	*r.paace(1) = boot_entry(QMAN_PORTAL, 1);
	*r.paace(2) = boot_entry(QMAN_PORTAL, 1);
	EXPECT_EQ(r.paace(127)->addr_bitfields, 0x000008d9u);	// the observed word 1
	res = r.xlate(127, 0x7ffff000, 4096, PAMU_OP_WRITE);
	EXPECT_EQ(res.kind, PAMU_XLATE_OK);
	EXPECT_EQ(res.paddr, 0x7ffff000u);
	EXPECT_EQ(res.out_op, 0x01);
	EXPECT_TRUE(res.coherent);
	EXPECT_EQ(res.stash_id, 0);
	// QMan portal: OMI 0 (QMAN), stash to L3.
	res = r.xlate(1, 0x1000, 64, PAMU_OP_EREAD0);
	EXPECT_EQ(res.kind, PAMU_XLATE_OK) << describe(res);
	EXPECT_EQ(res.out_op, 0x16);
	EXPECT_EQ(res.stash_id, 1);
	res = r.xlate(2, 0x1000, 64, PAMU_OP_DIRECTIVE1);
	EXPECT_EQ(res.out_op, 0x12);
	// QMan: OMI 2 (QMAN_PRIV), CR = 0.
	res = r.xlate(31, 0x1000, 64, PAMU_OP_EWRITE0);
	EXPECT_EQ(res.out_op, 0x1b);
	EXPECT_FALSE(res.coherent);
	EXPECT_EQ(r.xlate(31, 0x1000, 64, PAMU_OP_DIRECTIVE0).fault, PAMU_FAULT_MOE_INVALID);
	// BMan: CR = 0, identity operations.
	res = r.xlate(32, 0x1000, 64, PAMU_OP_RAS);
	EXPECT_EQ(res.out_op, 0x0d);
	EXPECT_FALSE(res.coherent);
	EXPECT_EQ(pamu_reg_misuse_count(p), 0u);
}

TEST(Pamu, T4240SixIndependentBlocks)
{
	rig_opts o;

	o.pamus = 6;
	o.soc = "t4240";
	rig r(o);
	r.enable_all();
	*r.paace(100) = boot_paace();
	// One set of tables shared by all PAMUs: every block translates the same.
	for (unsigned int n = 0; n < 6; n++) {
		pamu_result res = r.xlate(100, 0x123000, 8, PAMU_OP_READ, n);

		EXPECT_EQ(res.kind, PAMU_XLATE_OK) << n;
		EXPECT_EQ(r.rd(PC, n), PC_DRIVER_ENABLE) << n;
		EXPECT_STREQ(pamu_get_name(r.p(n)), ("pamu" + std::to_string(n)).c_str());
	}
	// A violation in block 3 latches only there and raises only its line.
	r.irqs.clear();
	r.xlate(0x700, 0, 4, PAMU_OP_READ, 3);
	for (unsigned int n = 0; n < 6; n++) {
		SCOPED_TRACE(n);
		EXPECT_EQ(r.rd(AVS1, n), n == 3 ? 0x07000401u : 0u);
		EXPECT_EQ(r.rd(PICS, n), n == 3 ? (PICS_AVS | PICS_AVIE) : PICS_AVIE);
		EXPECT_EQ(pamu_irq_level(r.p(n), PAMU_IRQ_AV), n == 3);
	}
	ASSERT_EQ(r.irqs.size(), 1u);
	EXPECT_EQ(r.irqs[0].pamu, 3u);
	// Registers are per block: disable block 2, bypass block 5, point block 4 at other tables.
	r.wr(PC, 0, 2);
	pamu_set_bypass(r.p(5), true);
	r.wr64(PPBAH, 0x10000000, 4);
	r.wr64(PPLAH, 0x10014000, 4);
	static_cast<drv_paace *>(r.dram(0x10000000 + 64 * 100, 64))[0] = drv_paace{};
	EXPECT_EQ(r.xlate(100, 0x123000, 8, PAMU_OP_READ, 0).kind, PAMU_XLATE_OK);
	EXPECT_EQ(r.xlate(100, 0x123000, 8, PAMU_OP_READ, 2).fault, PAMU_FAULT_DISABLED);
	EXPECT_EQ(r.xlate(100, 0x123000, 8, PAMU_OP_READ, 4).fault, PAMU_FAULT_PAACE_INVALID);
	EXPECT_EQ(r.xlate(100, 0x123000, 8, PAMU_OP_READ, 5).kind, PAMU_XLATE_BYPASS);
	EXPECT_EQ(r.xlate(100, 0x123000, 8, PAMU_OP_READ, 1).kind, PAMU_XLATE_OK);
	// Misuse in one block is counted there only.
	r.rd(PC, 1, 2);
	for (unsigned int n = 0; n < 6; n++)
		EXPECT_EQ(pamu_reg_misuse_count(r.p(n)), n == 1 ? 1u : 0u) << n;
	// The ISR on block 3 clears block 3.
	r.wr(AVS1, r.rd(AVS1, 3) & 0x7fff, 3);
	r.wr(PICS, r.rd(PICS, 3), 3);
	EXPECT_FALSE(pamu_irq_level(r.p(3), PAMU_IRQ_AV));
	// Reset of one block leaves the others.
	pamu_reset(r.p(0));
	EXPECT_EQ(r.rd(PC, 0), 0u);
	EXPECT_EQ(r.rd(PC, 1), PC_DRIVER_ENABLE);
	pamu_stats st;

	pamu_get_stats(r.p(1), &st);
	EXPECT_EQ(st.translations, 2u);
}

TEST(Pamu, P4080FiveBlocksWithErratumPerBlock)
{
	rig_opts o;

	o.pamus = 5;
	o.soc = "p4080";
	rig r(o);
	r.enable_all();
	pamu_set_erratum_a003638(r.p(1), true);
	for (unsigned int n = 0; n < 5; n++) {
		pamu_result res = r.xlate(200, 0x1000, 4, PAMU_OP_READ, n);

		EXPECT_EQ(res.fault, PAMU_FAULT_PAACE_INVALID) << n;
		EXPECT_EQ(res.reported, n == 1) << n;
		EXPECT_EQ(r.rd(AVS1, n), n == 1 ? 0x00c80801u : 0u) << n;
	}
}

TEST(Pamu, WalkTraceSteps)
{
	rig_opts o;

	o.trace = true;
	rig r(o);
	r.enable();
	// Subwindowed primary, slot 1 from a SPAACE with indexed operation translation.
	drv_paace e{};

	set_wse(e, wse_of(1ull << 30));
	set_mw(e, true);
	set_swse(e, wse_of(1ull << 29));
	set_ap(e, 3);
	set_v(e, true);
	e.fspi = 9;
	*r.paace(5) = e;
	drv_paace s{};

	set_owner(s, 5);
	set_pt(s, true);
	set_ap(s, 3);
	set_swse(s, wse_of(1ull << 29));
	set_atm(s, 1);
	set_twba(s, 0x300000000ull);
	set_otm(s, 2);
	s.op_encode.idx.omi = 0;
	set_v(s, true);
	*r.spaace(9) = s;
	r.steps.clear();
	pamu_result res = r.xlate(5, (1ull << 29) + 0x40, 4, PAMU_OP_WRITE);

	ASSERT_EQ(res.kind, PAMU_XLATE_OK) << describe(res);
	ASSERT_EQ(r.steps.size(), 4u);
	EXPECT_EQ(r.steps[0].kind, PAMU_STEP_FETCH_PAACE);
	EXPECT_EQ(r.steps[0].addr, TABLE_BLOCK + 64 * 5);
	EXPECT_TRUE(r.steps[0].ok);
	EXPECT_EQ(r.steps[1].kind, PAMU_STEP_FETCH_SPAACE);
	EXPECT_EQ(r.steps[1].addr, TABLE_BLOCK + SPAACT_OFF + 64 * 9);
	EXPECT_EQ(r.steps[2].kind, PAMU_STEP_FETCH_MOE);
	EXPECT_EQ(r.steps[2].addr, TABLE_BLOCK + OMT_OFF + 1);
	EXPECT_EQ(r.steps[3].kind, PAMU_STEP_DONE);
	EXPECT_EQ(r.steps[3].addr, 0x300000040ull);
	EXPECT_TRUE(r.steps[3].ok);
	for (const pamu_walk_step &st : r.steps)
		EXPECT_EQ(st.liodn, 5);
	// Tracing sees every transaction: no fast path while a trace callback is set.
	r.steps.clear();
	*r.paace(6) = boot_paace();
	for (int i = 0; i < 10; i++)
		r.xlate(6, 0x1000, 4);
	EXPECT_EQ(r.steps.size(), 20u);
	pamu_stats st;

	pamu_get_stats(r.p(), &st);
	EXPECT_EQ(st.fast_hits, 0u);
	// A failed fetch is traced as such, and the DONE step of a fault carries the request address.
	r.wr64(PPBAH, UNMAPPED);
	r.wr64(PPLAH, UNMAPPED + 0x14000);
	r.steps.clear();
	r.xlate(6, 0x2000, 4);
	ASSERT_EQ(r.steps.size(), 2u);
	EXPECT_FALSE(r.steps[0].ok);
	EXPECT_EQ(r.steps[0].addr, UNMAPPED + 64 * 6);
	EXPECT_EQ(r.steps[1].kind, PAMU_STEP_DONE);
	EXPECT_FALSE(r.steps[1].ok);
	EXPECT_EQ(r.steps[1].addr, 0x2000u);
}

TEST(Pamu, WorksWithoutDmi)
{
	rig_opts o;

	o.dmi = false;
	rig r(o);
	r.enable();
	*r.paace(7) = boot_paace();
	for (int i = 0; i < 100; i++)
		EXPECT_EQ(r.xlate(7, 0x1000 + i, 1).paddr, 0x1000u + i);
	pamu_stats st;

	pamu_get_stats(r.p(), &st);
	EXPECT_EQ(st.walks, 100u);
	EXPECT_EQ(st.fast_hits, 0u);
	// Table changes are seen as always.
	set_ap(*r.paace(7), 1);
	EXPECT_EQ(r.xlate(7, 0x1000, 4, PAMU_OP_WRITE).fault, PAMU_FAULT_PERMISSION);
}
