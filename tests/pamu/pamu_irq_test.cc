// SPDX-License-Identifier: BSD-2-Clause
// pamu_irq_test.cc - what faults latch and how the interrupt outputs follow: AVS1/AVS2/AVA latch, first
// error kept, W1C clear and re-arm, PICS.AVS/AVIE, the access-violation and operation-error lines through
// irq_changed, table fetch errors (POES1/POES2/POEA), the driver ISR's exact register sequence and its
// A-003638 branch, events and statistics.
//
// Expected values: docs/pamu-model.md 5 (latch policy, AVS2 layout) and 8 (POES1 layout); hw-facts.md 9
// (ISR: read PICS, read AVS1, write AVS1 & 0x7FFF, write PICS back; A-003638 clears AVIE).
#include <gtest/gtest.h>

#include "pamu_test_soc.h"

using namespace pamu_test;

namespace {

constexpr uint32_t AV = 1;
constexpr uint32_t wav(uint32_t v) { return v << 7 | AV; }
constexpr uint32_t apv(uint32_t v) { return v << 3 | AV; }

drv_paace small_window(uint64_t base, uint64_t size, uint32_t ap = 3)
{
	drv_paace e{};

	set_wba(e, base);
	set_wse(e, wse_of(size));
	set_ap(e, ap);
	set_v(e, true);
	return e;
}

// The driver's ISR for one PAMU (hw-facts.md 9), over the bus. Returns the AVS1 value it read, or 0
// when PICS.AVS was clear. disable_liodn: clear V of the reported LIODN's PAACE (the normal branch).
uint32_t driver_isr(rig &r, unsigned int n = 0)
{
	uint32_t pics = r.rd(PICS, n), avs1;

	if (!(pics & PICS_AVS))
		return 0;
	avs1 = r.rd(AVS1, n);
	// The prints: POES1, POES2, AVS1, AVS2, AVA, UDAD, POEA (twice).
	r.rd(POES1, n);
	r.rd(POES2, n);
	r.rd(AVS2, n);
	r.rd(AVAH, n);
	r.rd(AVAL, n);
	r.rd(UDAD, n);
	r.rd(POEAH, n);
	r.rd(POEAL, n);
	r.rd(POEAH, n);
	r.rd(POEAL, n);
	r.wr(AVS1, avs1 & 0x7fff, n);
	drv_paace *e = r.paace(avs1 >> 16);

	if (!(e->addr_bitfields & 1))
		pics &= ~PICS_AVIE;	// A-003638: no further AV interrupts from this PAMU
	else
		set_v(*e, false);	// the LIODN is disabled
	r.wr(PICS, pics, n);
	return avs1;
}

} // namespace

TEST(Pamu, AccessViolationLatchValues)
{
	rig r;

	r.enable();
	*r.paace(0x55) = small_window(0x10000000, 0x100000, 1);
	pamu_result res = r.xlate(0x55, 0x10000ff0, 0x20, PAMU_OP_WRITE);

	ASSERT_EQ(res.kind, PAMU_XLATE_FAULT);
	EXPECT_TRUE(res.reported);
	EXPECT_TRUE(res.latched);
	EXPECT_EQ(r.rd(AVS1), apv(2) | 0x55u << 16);
	EXPECT_EQ(r.rd(AVS2), 0x81u | 0x20u << 8);	// op code, size (docs/pamu-model.md 5)
	EXPECT_EQ(r.rd(AVAH), 0u);
	EXPECT_EQ(r.rd(AVAL), 0x10000ff0u);
	EXPECT_EQ(r.rd(PICS), PICS_AVS | PICS_AVIE);
	EXPECT_EQ(res.avs1, r.rd(AVS1));
	EXPECT_EQ(res.avs2, r.rd(AVS2));
	EXPECT_EQ(res.ava, 0x10000ff0u);
	// Table fetch registers untouched by a violation.
	EXPECT_EQ(r.rd(POES1), 0u);
	EXPECT_EQ(r.rd(POEAL), 0u);
	// A 64-bit address: AVAH holds the high word.
	r.wr(AVS1, 0x7fff);
	r.xlate(0x55, 0x123456789abcull, 1, PAMU_OP_READ);
	EXPECT_EQ(r.rd(AVAH), 0x1234u);
	EXPECT_EQ(r.rd(AVAL), 0x56789abcu);
	EXPECT_EQ(r.rd(AVS1), wav(1) | 0x55u << 16);
	EXPECT_EQ(r.rd(AVS2), 0x100u);
}

TEST(Pamu, Avs2SizeSaturates)
{
	rig r;

	r.enable();
	*r.paace(1) = small_window(0, 0x1000);
	r.xlate(1, 0x2000, 0x01000000, PAMU_OP_EWRITE1);
	EXPECT_EQ(r.rd(AVS2), 0xffffff00u | PAMU_OP_EWRITE1);
	r.wr(AVS1, 0x7fff);
	r.xlate(1, 0x2000, 0xfffffff, PAMU_OP_RAI);
	EXPECT_EQ(r.rd(AVS2), 0xffffff00u | PAMU_OP_RAI);
	r.wr(AVS1, 0x7fff);
	r.xlate(1, 0x2000, 0xfffffe, PAMU_OP_RAI);
	EXPECT_EQ(r.rd(AVS2), 0xfffffe00u | PAMU_OP_RAI);
}

TEST(Pamu, FirstViolationKeptUntilCleared)
{
	rig r;
	pamu_stats st;

	r.enable();
	*r.paace(2) = small_window(0, 0x1000, 1);
	r.xlate(2, 0x5000, 4);	// WAV 1
	uint32_t first = r.rd(AVS1);
	pamu_result res = r.xlate(2, 0x100, 4, PAMU_OP_WRITE);	// APV 2, not latched

	EXPECT_EQ(first, wav(1) | 2u << 16);
	EXPECT_EQ(res.kind, PAMU_XLATE_FAULT);
	EXPECT_TRUE(res.reported);
	EXPECT_FALSE(res.latched);
	EXPECT_EQ(res.avs1, apv(2) | 2u << 16);	// what it would have latched
	EXPECT_EQ(r.rd(AVS1), first);
	EXPECT_EQ(r.rd(AVAL), 0x5000u);
	r.xlate(0x600, 0);	// LAV 1 from another LIODN: still the first
	EXPECT_EQ(r.rd(AVS1), first);
	pamu_get_stats(r.p(), &st);
	EXPECT_EQ(st.latched, 1u);
	EXPECT_EQ(st.not_latched, 2u);
	EXPECT_EQ(st.faults, 3u);
	// Clearing only one field bit is not enough while AV is set: AV is the latch.
	r.wr(AVS1, 0x80);
	r.xlate(2, 0x100, 4, PAMU_OP_WRITE);
	EXPECT_EQ(r.rd(AVS1), AV | 2u << 16);
	// Clear AV (W1C): re-armed, the next one latches.
	r.wr(AVS1, AV);
	EXPECT_EQ(r.rd(AVS1), 2u << 16);
	res = r.xlate(2, 0x100, 4, PAMU_OP_WRITE);
	EXPECT_TRUE(res.latched);
	EXPECT_EQ(r.rd(AVS1), apv(2) | 2u << 16);
	EXPECT_EQ(r.rd(AVAL), 0x100u);
}

TEST(Pamu, InterruptLineFollowsAvsAndAvie)
{
	rig r;

	r.enable();
	r.wr(PICS, 0);	// AVIE off
	r.irqs.clear();
	*r.paace(3) = small_window(0, 0x1000);
	r.xlate(3, 0x9000, 4);
	EXPECT_EQ(r.rd(PICS), PICS_AVS);
	EXPECT_FALSE(pamu_irq_level(r.p(), PAMU_IRQ_AV));
	EXPECT_TRUE(r.irqs.empty());
	r.wr(PICS, PICS_AVIE);	// enabling with AVS pending raises the line
	ASSERT_EQ(r.irqs.size(), 1u);
	EXPECT_EQ(r.irqs[0].line, PAMU_IRQ_AV);
	EXPECT_TRUE(r.irqs[0].level);
	r.wr(PICS, PICS_AVIE);	// no change: no callback
	EXPECT_EQ(r.irqs.size(), 1u);
	r.wr(PICS, 0);	// AVIE off: line falls, AVS stays
	ASSERT_EQ(r.irqs.size(), 2u);
	EXPECT_FALSE(r.irqs[1].level);
	EXPECT_EQ(r.rd(PICS), PICS_AVS);
	r.wr(PICS, PICS_AVIE);
	r.wr(PICS, PICS_AVS | PICS_AVIE);	// clear AVS: falls
	ASSERT_EQ(r.irqs.size(), 4u);
	EXPECT_TRUE(r.irqs[2].level);
	EXPECT_FALSE(r.irqs[3].level);
	// AVS1.AV still set: a new violation latches nothing and does not set AVS again.
	r.xlate(3, 0x9000, 4);
	EXPECT_EQ(r.rd(PICS), PICS_AVIE);
	EXPECT_EQ(r.irqs.size(), 4u);
	// After the AV clear, the next violation raises the line through irq_changed.
	r.wr(AVS1, 0x7fff);
	r.xlate(3, 0x9000, 4);
	ASSERT_EQ(r.irqs.size(), 5u);
	EXPECT_TRUE(r.irqs[4].level);
	EXPECT_TRUE(pamu_irq_level(r.p(), PAMU_IRQ_AV));
	for (const irq_rec &i : r.irqs)
		EXPECT_EQ(i.line, PAMU_IRQ_AV);
	EXPECT_FALSE(pamu_irq_level(r.p(), PAMU_IRQ_OPERR));
	EXPECT_FALSE(pamu_irq_level(r.p(), (pamu_irq_line)7));
}

TEST(Pamu, DriverIsrSequenceLeavesLineLow)
{
	rig r;

	r.enable();
	*r.paace(0x1f) = small_window(0x20000000, 0x10000);
	EXPECT_EQ(r.xlate(0x1f, 0x20000100, 4).kind, PAMU_XLATE_OK);
	r.xlate(0x1f, 0x20010000, 4, PAMU_OP_WRITE);	// WAV 1
	ASSERT_TRUE(pamu_irq_level(r.p(), PAMU_IRQ_AV));
	r.irqs.clear();
	uint32_t avs1 = driver_isr(r);

	EXPECT_EQ(avs1, wav(1) | 0x1fu << 16);
	EXPECT_FALSE(pamu_irq_level(r.p(), PAMU_IRQ_AV));
	ASSERT_EQ(r.irqs.size(), 1u);
	EXPECT_FALSE(r.irqs[0].level);
	EXPECT_EQ(r.rd(PICS), PICS_AVIE);	// AVS cleared, AVIE kept
	EXPECT_EQ(r.rd(AVS1) & 0x7fff, 0u);
	EXPECT_EQ(pamu_reg_misuse_count(r.p()), 0u);	// the ISR breaks no register rule
	EXPECT_EQ(driver_isr(r), 0u);	// nothing pending any more
	// The ISR disabled the LIODN (V = 0): its DMA now fails silently (no erratum), in the window too.
	pamu_result res = r.xlate(0x1f, 0x20000100, 4);

	EXPECT_EQ(res.fault, PAMU_FAULT_PAACE_INVALID);
	EXPECT_FALSE(res.reported);
	EXPECT_FALSE(pamu_irq_level(r.p(), PAMU_IRQ_AV));
	// Another LIODN's violation raises the line again.
	*r.paace(0x20) = small_window(0, 0x1000);
	r.xlate(0x20, 0x1000, 1);
	EXPECT_TRUE(pamu_irq_level(r.p(), PAMU_IRQ_AV));
	EXPECT_EQ(r.rd(AVS1), wav(1) | 0x20u << 16);
}

TEST(Pamu, DriverIsrErratumA003638ClearsAvie)
{
	rig_opts o;

	o.erratum = true;
	rig r(o);
	r.enable();
	r.xlate(0x33, 0x1000, 4);	// V = 0 (zeroed table) reported as LAV 2
	ASSERT_TRUE(pamu_irq_level(r.p(), PAMU_IRQ_AV));
	uint32_t avs1 = driver_isr(r);

	EXPECT_EQ(avs1, 0x2u << 10 | AV | 0x33u << 16);
	EXPECT_FALSE(pamu_irq_level(r.p(), PAMU_IRQ_AV));
	EXPECT_EQ(r.rd(PICS), 0u);	// AVIE cleared by the driver
	// Violations still latch, but the line stays low from now on.
	*r.paace(0x34) = small_window(0, 0x1000);
	r.xlate(0x34, 0x8000, 4);
	EXPECT_EQ(r.rd(AVS1), wav(1) | 0x34u << 16);
	EXPECT_EQ(r.rd(PICS), PICS_AVS);
	EXPECT_FALSE(pamu_irq_level(r.p(), PAMU_IRQ_AV));
}

TEST(Pamu, TableFetchErrorPpaact)
{
	rig r;

	r.enable();
	r.wr64(PPBAH, UNMAPPED);
	r.wr64(PPLAH, UNMAPPED + 0x14000);
	r.irqs.clear();
	pamu_result res = r.xlate(0x44, 0x1000, 8, PAMU_OP_WRITE);

	EXPECT_EQ(res.kind, PAMU_XLATE_FAULT);
	EXPECT_EQ(res.fault, PAMU_FAULT_TABLE_FETCH);
	EXPECT_TRUE(res.latched);
	EXPECT_EQ(res.poes1, 0x00440003u);
	EXPECT_EQ(res.poea, UNMAPPED + 64 * 0x44);
	EXPECT_EQ(r.rd(POES1), 0x00440003u);	// valid | PPAACT (1) << 1 | LIODN << 16
	EXPECT_EQ(r.rd(POES2), (uint32_t)PAMU_OP_WRITE);
	EXPECT_EQ(r.rd(POEAH), (uint32_t)((UNMAPPED + 64 * 0x44) >> 32));
	EXPECT_EQ(r.rd(POEAL), (uint32_t)(UNMAPPED + 64 * 0x44));
	// Not an access violation: AVS1/PICS untouched, the AV line stays low.
	EXPECT_EQ(r.rd(AVS1), 0u);
	EXPECT_EQ(r.rd(PICS), PICS_AVIE);
	EXPECT_FALSE(pamu_irq_level(r.p(), PAMU_IRQ_AV));
	// The operation-error line is POES1 bit 0.
	EXPECT_TRUE(pamu_irq_level(r.p(), PAMU_IRQ_OPERR));
	ASSERT_EQ(r.irqs.size(), 1u);
	EXPECT_EQ(r.irqs[0].line, PAMU_IRQ_OPERR);
	EXPECT_TRUE(r.irqs[0].level);
	EXPECT_GE(r.count_events(SIM_EV_UNMAPPED_ACCESS), 1u);	// the bus saw the failed fetch
	EXPECT_GE(r.count_events(SIM_EV_HW_FAULT), 1u);
}

TEST(Pamu, TableFetchErrorSpaactAndOmt)
{
	rig r;

	r.enable();
	drv_paace e{};

	set_wse(e, wse_of(1ull << 30));
	set_mw(e, true);
	set_wce(e, 0);
	set_swse(e, wse_of(1ull << 29));
	set_ap(e, 3);
	set_v(e, true);
	e.fspi = 5;
	*r.paace(0x45) = e;
	r.wr64(SPBAH, UNMAPPED);
	r.wr64(SPLAH, UNMAPPED + 0x20000);
	pamu_result res = r.xlate(0x45, 1ull << 29, 4, PAMU_OP_READ);

	EXPECT_EQ(res.fault, PAMU_FAULT_TABLE_FETCH) << describe(res);
	EXPECT_EQ(r.rd(POES1), 0x00450005u);	// SPAACT = 2
	EXPECT_EQ(r.rd(POEAL), (uint32_t)(UNMAPPED + 64 * 5));
	EXPECT_EQ(r.rd(POES2), 0u);
	// Slot 0 needs no SPAACE: fine.
	EXPECT_EQ(r.xlate(0x45, 0, 4).kind, PAMU_XLATE_OK);
	// First error kept.
	r.wr64(OBAH, UNMAPPED + 0x1000000);
	r.wr64(OLAH, UNMAPPED + 0x1000800);
	drv_paace f = small_window(0, 0x100000);

	set_otm(f, 2);
	f.op_encode.idx.omi = 3;
	*r.paace(0x46) = f;
	res = r.xlate(0x46, 0x40, 4, PAMU_OP_EWRITE1);
	EXPECT_EQ(res.fault, PAMU_FAULT_TABLE_FETCH);
	EXPECT_FALSE(res.latched);
	EXPECT_EQ(res.poes1, 0x00460007u);	// what it would latch: OMT = 3
	EXPECT_EQ(res.poea, UNMAPPED + 0x1000000 + 3 * 128 + 0x06);
	EXPECT_EQ(r.rd(POES1), 0x00450005u);
	// W1C clear of POES1 bit 0 lowers the line and re-arms.
	r.irqs.clear();
	r.wr(POES1, 0xf);
	EXPECT_FALSE(pamu_irq_level(r.p(), PAMU_IRQ_OPERR));
	ASSERT_EQ(r.irqs.size(), 1u);
	EXPECT_FALSE(r.irqs[0].level);
	res = r.xlate(0x46, 0x40, 4, PAMU_OP_EWRITE1);
	EXPECT_TRUE(res.latched);
	EXPECT_EQ(r.rd(POES1), 0x00460007u);
	EXPECT_EQ(r.rd(POES2), (uint32_t)PAMU_OP_EWRITE1);
	EXPECT_EQ(r.rd(POEAH), (uint32_t)((UNMAPPED + 0x1000000) >> 32));
	EXPECT_EQ(r.rd(POEAL), (uint32_t)(UNMAPPED + 0x1000000 + 3 * 128 + 0x06));
	EXPECT_TRUE(pamu_irq_level(r.p(), PAMU_IRQ_OPERR));
	EXPECT_EQ(r.rd(AVS1), 0u);
}

TEST(Pamu, FaultEventsAndStatistics)
{
	rig r;
	pamu_stats st;

	r.enable();
	*r.paace(9) = small_window(0, 0x1000);
	r.xlate(9, 0x100, 4);		// ok
	r.xlate(9, 0x1000, 4);		// WAV 1, latched
	r.xlate(9, 0x1000, 4);		// not latched
	r.xlate(10, 0, 4);		// V = 0, silent
	drv_paace e = small_window(0, 0x1000);

	set_atm(e, 3);
	*r.paace(11) = e;
	r.xlate(11, 0, 4);		// unsupported
	r.xlate(11, 0, 0);		// bad request
	pamu_get_stats(r.p(), &st);
	EXPECT_EQ(st.translations, 6u);
	EXPECT_EQ(st.faults, 3u);
	EXPECT_EQ(st.unsupported, 1u);
	EXPECT_EQ(st.latched, 1u);
	EXPECT_EQ(st.not_latched, 1u);
	EXPECT_EQ(st.walks + st.fast_hits, 5u);	// the bad request never walks
	size_t hw = 0;

	for (const event_rec &ev : r.events) {
		if (ev.kind != SIM_EV_HW_FAULT)
			continue;
		hw++;
		EXPECT_EQ(ev.block, "pamu0");
		EXPECT_NE(ev.msg.find("LIODN 9"), std::string::npos) << ev.msg;
	}
	EXPECT_EQ(hw, 2u);	// latched and not latched; the silent V = 0 is no event
	EXPECT_EQ(r.count_events(SIM_EV_UNSUPPORTED), 1u);
}
