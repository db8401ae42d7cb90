// SPDX-License-Identifier: BSD-2-Clause
// pamu_subwin_test.cc - subwindows (MW = 1): every count 2^k up to the PC3 limit, larger counts with a
// custom capability value, slot 0 from the primary, slot i from SPAACT[FSPI + i - 1], and every SPAACE
// and SWSE rule.
//
// Expected values: docs/pamu-model.md 4 steps 10-14 and 5 (WAV values); hw-facts.md 4 (WCE: n = 2^(WCE+1),
// PC3 MWCE bits 24:21, max windows 2^(MWCE+1)), 5.3 (slot 0 is the primary, SPAACE owner in word-1
// bits 31:16, PT = 1).
#include <gtest/gtest.h>

#include "pamu_test_soc.h"

using namespace pamu_test;

namespace {

constexpr uint32_t AV = 1;
constexpr uint32_t apv(uint32_t v) { return v << 3 | AV; }
constexpr uint32_t wav(uint32_t v) { return v << 7 | AV; }

constexpr uint64_t WIN_BASE = 0x40000000;	// 1 GiB window at 1 GiB
constexpr uint64_t WIN_SIZE = 1ull << 30;
constexpr uint32_t FSPI = 100;

// Translated base of slot i (distinct per slot, aligned to any slot size up to 1 GiB).
uint64_t slot_twba(unsigned int i) { return 0x1000000000ull + (uint64_t)i * (1ull << 30); }

uint32_t log2u(uint64_t v)
{
	uint32_t l = 0;

	while ((1ull << l) < v)
		l++;
	return l;
}

// A primary with n = 2^(wce+1) subwindows over [base, base + size); slot 0 translated to slot_twba(0).
drv_paace sub_primary(uint64_t base, uint64_t size, uint32_t wce, uint32_t fspi = FSPI)
{
	drv_paace e{};
	uint64_t slot = size >> (wce + 1);

	set_wba(e, base);
	set_wse(e, wse_of(size));
	set_mw(e, true);
	set_wce(e, wce);
	set_ap(e, 3);
	set_atm(e, 1);
	set_twba(e, slot_twba(0));
	set_swse(e, log2u(slot) - 1);
	e.fspi = fspi;
	e.did = 0xa0;
	set_cid(e, 0xc0);
	set_cr(e, true);
	set_v(e, true);
	return e;
}

// A valid secondary entry for slot i owned by liodn.
drv_paace sub_secondary(uint16_t liodn, unsigned int i, uint64_t slot)
{
	drv_paace s{};

	set_owner(s, liodn);
	set_pt(s, true);
	set_ap(s, 3);
	set_atm(s, 1);
	set_twba(s, slot_twba(i));
	set_swse(s, log2u(slot) - 1);
	s.did = (uint8_t)(i & 0xff);
	set_cid(s, (i * 7) & 0xff);
	set_cr(s, true);
	set_v(s, true);
	return s;
}

void isr_clear(rig &r)
{
	uint32_t pics = r.rd(PICS);

	r.wr(AVS1, r.rd(AVS1) & 0x7fff);
	r.wr(PICS, pics);
}

// Check every slot (first and last byte) of a subwindowed LIODN set up in the rig.
void check_slots(rig &r, uint16_t liodn, uint64_t base, uint64_t size, unsigned int n,
		 const std::vector<unsigned int> &which)
{
	uint64_t slot = size / n;

	for (unsigned int i : which) {
		uint64_t a = base + i * slot;
		pamu_result res = r.xlate(liodn, a, 1);

		SCOPED_TRACE(testing::Message() << "n " << n << " slot " << i);
		ASSERT_EQ(res.kind, PAMU_XLATE_OK) << describe(res);
		EXPECT_EQ(res.subwindow, (int)i);
		EXPECT_EQ(res.paddr, slot_twba(i));
		EXPECT_EQ(res.did, i == 0 ? 0xa0 : (i & 0xff));
		EXPECT_EQ(res.stash_id, i == 0 ? 0xc0 : ((i * 7) & 0xff));
		res = r.xlate(liodn, a + slot - 4, 4, PAMU_OP_WRITE);
		ASSERT_EQ(res.kind, PAMU_XLATE_OK) << describe(res);
		EXPECT_EQ(res.paddr, slot_twba(i) + slot - 4);
	}
}

} // namespace

TEST(Pamu, SubwindowCountsUpToPc3Limit)
{
	rig r;
	uint32_t mwce = (r.rd(PC3) >> 21) & 0xf;
	unsigned int limit = 1u << (mwce + 1);

	ASSERT_EQ(limit, 256u);	// built-in caps (docs/pamu-model.md, "Assumed capability values")
	r.enable();
	for (uint32_t wce = 0; (2u << wce) <= limit; wce++) {
		unsigned int n = 2u << wce;
		uint64_t slot = WIN_SIZE / n;
		std::vector<unsigned int> all;

		*r.paace(70) = sub_primary(WIN_BASE, WIN_SIZE, wce);
		for (unsigned int i = 1; i < n; i++)
			*r.spaace(FSPI + i - 1) = sub_secondary(70, i, slot);
		for (unsigned int i = 0; i < n; i++)
			all.push_back(i);
		check_slots(r, 70, WIN_BASE, WIN_SIZE, n, all);
		// Outside the whole window: WAV 1 as without subwindows.
		pamu_result res = r.xlate(70, WIN_BASE + WIN_SIZE, 1);

		EXPECT_EQ(res.fault, PAMU_FAULT_WINDOW) << describe(res);
		isr_clear(r);
	}
}

TEST(Pamu, SubwindowCountsBeyondPc3WithCustomCaps)
{
	pamu_caps caps = *pamu_builtin_caps("t4240");
	rig_opts o;
	const uint64_t spaact = 0x10000000;	// room for 65535 SPAACEs (4 MiB)

	caps.pc3 = 15u << 21;	// MWCE 15: 65536 subwindows
	o.caps = &caps;
	rig r(o);
	EXPECT_EQ((r.rd(PC3) >> 21) & 0xf, 15u);
	r.enable();
	r.wr64(SPBAH, spaact);
	r.wr64(SPLAH, spaact + 64ull * 65536);
	for (uint32_t wce = 8; wce <= 15; wce++) {
		unsigned int n = 2u << wce;
		uint64_t size = 64ull << 30, slot = size / n;
		std::vector<unsigned int> some = {0, 1, 2, n / 2, n - 2, n - 1};

		*r.paace(71) = sub_primary(0, size, wce, 0);
		for (unsigned int i : some)
			if (i)
				*r.spaace(i - 1, spaact - SPAACT_OFF) = sub_secondary(71, i, slot);
		check_slots(r, 71, 0, size, n, some);
	}
}

TEST(Pamu, SubwindowSmallerThan4KiBIsUnsupported)
{
	rig r;

	r.enable();
	// 4 KiB window in two 2 KiB slots.
	drv_paace e = sub_primary(0x100000, 0x1000, 0);

	set_swse(e, 0x0b);
	*r.paace(72) = e;
	pamu_result res = r.xlate(72, 0x100000, 4);

	EXPECT_EQ(res.kind, PAMU_XLATE_UNSUPPORTED) << describe(res);
	EXPECT_EQ(res.unsupported, PAMU_UNSUP_WCE);
	EXPECT_EQ(res.unsupported_value, 0u);
	// 1 MiB in 512 slots of 2 KiB (WCE 8).
	*r.paace(72) = sub_primary(0x100000, 0x100000, 8);
	res = r.xlate(72, 0x100000, 4);
	EXPECT_EQ(res.unsupported, PAMU_UNSUP_WCE);
	EXPECT_EQ(res.unsupported_value, 8u);
	// 8 KiB in two 4 KiB slots is fine.
	*r.paace(72) = sub_primary(0x100000, 0x2000, 0);
	EXPECT_EQ(r.xlate(72, 0x100000, 4).kind, PAMU_XLATE_OK);
	EXPECT_EQ(r.rd(AVS1), 0u);
}

TEST(Pamu, SubwindowCrossingASlotEnd)
{
	rig r;
	uint64_t slot = WIN_SIZE / 4;

	r.enable();
	*r.paace(73) = sub_primary(WIN_BASE, WIN_SIZE, 1);
	for (unsigned int i = 1; i < 4; i++)
		*r.spaace(FSPI + i - 1) = sub_secondary(73, i, slot);
	pamu_result res = r.xlate(73, WIN_BASE + slot - 2, 4);

	EXPECT_EQ(res.fault, PAMU_FAULT_SUBWINDOW_CROSS) << describe(res);
	EXPECT_EQ(res.avs1, wav(4) | 73u << 16);
	isr_clear(r);
	// The window end is checked first (WAV 2), then the slot end.
	res = r.xlate(73, WIN_BASE + WIN_SIZE - 2, 4);
	EXPECT_EQ(res.fault, PAMU_FAULT_WINDOW_CROSS) << describe(res);
}

TEST(Pamu, SpaaceInvalidOwnerTypeAndRange)
{
	rig r;
	uint64_t slot = WIN_SIZE / 4;

	r.enable();
	*r.paace(74) = sub_primary(WIN_BASE, WIN_SIZE, 1);
	*r.spaace(FSPI + 0) = sub_secondary(74, 1, slot);
	*r.spaace(FSPI + 1) = sub_secondary(74, 2, slot);
	*r.spaace(FSPI + 2) = sub_secondary(74, 3, slot);
	// V = 0: WAV 3.
	set_v(*r.spaace(FSPI + 0), false);
	pamu_result res = r.xlate(74, WIN_BASE + slot, 4);

	EXPECT_EQ(res.fault, PAMU_FAULT_SPAACE_INVALID) << describe(res);
	EXPECT_EQ(res.avs1, wav(3) | 74u << 16);
	isr_clear(r);
	// Owned by another LIODN: WAV 7.
	set_owner(*r.spaace(FSPI + 1), 75);
	res = r.xlate(74, WIN_BASE + 2 * slot, 4);
	EXPECT_EQ(res.fault, PAMU_FAULT_SPAACE_OWNER) << describe(res);
	EXPECT_EQ(res.avs1, wav(7) | 74u << 16);
	isr_clear(r);
	// Not a secondary entry (PT = 0): WAV 7.
	set_pt(*r.spaace(FSPI + 2), false);
	res = r.xlate(74, WIN_BASE + 3 * slot, 4);
	EXPECT_EQ(res.fault, PAMU_FAULT_SPAACE_OWNER) << describe(res);
	isr_clear(r);
	// Slot 0 is the primary itself: unaffected by any SPAACE.
	EXPECT_EQ(r.xlate(74, WIN_BASE, 4).kind, PAMU_XLATE_OK);
	// Beyond the SPAACT limit: FSPI at the last entry, slot 2 needs entry 0x800.
	r.paace(74)->fspi = SPAACT_ENTRIES - 1;
	*r.spaace(SPAACT_ENTRIES - 1) = sub_secondary(74, 1, slot);
	EXPECT_EQ(r.xlate(74, WIN_BASE + slot, 4).kind, PAMU_XLATE_OK);
	res = r.xlate(74, WIN_BASE + 2 * slot, 4);
	EXPECT_EQ(res.fault, PAMU_FAULT_SPAACE_RANGE) << describe(res);
	EXPECT_EQ(res.avs1, wav(6) | 74u << 16);
}

TEST(Pamu, SwseBoundsInsideTheSlot)
{
	rig r;
	uint64_t slot = WIN_SIZE / 4;	// 256 MiB

	r.enable();
	drv_paace e = sub_primary(WIN_BASE, WIN_SIZE, 1);

	set_swse(e, 0x0b);	// 4 KiB of the 256 MiB slot 0
	*r.paace(76) = e;
	drv_paace s = sub_secondary(76, 1, slot);

	set_swse(s, 0x13);	// 1 MiB of slot 1
	*r.spaace(FSPI) = s;
	EXPECT_EQ(r.xlate(76, WIN_BASE + 0xffc, 4).kind, PAMU_XLATE_OK);
	pamu_result res = r.xlate(76, WIN_BASE + 0x1000, 4);

	EXPECT_EQ(res.fault, PAMU_FAULT_SUBWINDOW_SIZE) << describe(res);
	EXPECT_EQ(res.avs1, wav(5) | 76u << 16);
	isr_clear(r);
	res = r.xlate(76, WIN_BASE + 0xffe, 4);	// crossing the SWSE end
	EXPECT_EQ(res.fault, PAMU_FAULT_SUBWINDOW_SIZE) << describe(res);
	isr_clear(r);
	EXPECT_EQ(r.xlate(76, WIN_BASE + slot + 0xffff0, 16).kind, PAMU_XLATE_OK);
	EXPECT_EQ(r.xlate(76, WIN_BASE + slot + 0x100000, 1).fault, PAMU_FAULT_SUBWINDOW_SIZE);
	isr_clear(r);
	// SWSE larger than the slot is clamped: the slot end still ends it (WAV 4 when crossing).
	set_swse(*r.paace(76), 0x23);
	EXPECT_EQ(r.xlate(76, WIN_BASE + slot - 1, 1).kind, PAMU_XLATE_OK);
	EXPECT_EQ(r.xlate(76, WIN_BASE + slot - 1, 2).fault, PAMU_FAULT_SUBWINDOW_CROSS);
	isr_clear(r);
	set_swse(*r.paace(76), 0x3f);
	EXPECT_EQ(r.xlate(76, WIN_BASE + slot - 1, 1).kind, PAMU_XLATE_OK);
	// SWSE below 4 KiB: unsupported (primary's for slot 0, the SPAACE's for slot 1).
	set_swse(*r.paace(76), 0x0a);
	res = r.xlate(76, WIN_BASE, 1);
	EXPECT_EQ(res.kind, PAMU_XLATE_UNSUPPORTED);
	EXPECT_EQ(res.unsupported, PAMU_UNSUP_SWSE);
	EXPECT_EQ(res.unsupported_value, 0x0au);
	set_swse(*r.spaace(FSPI), 0);
	res = r.xlate(76, WIN_BASE + slot, 1);
	EXPECT_EQ(res.unsupported, PAMU_UNSUP_SWSE);
	EXPECT_EQ(res.unsupported_value, 0u);
	EXPECT_EQ(r.rd(AVS1) & 0x7fff, 0u);	// unsupported encodings latch nothing
}

TEST(Pamu, SubwindowPermissionAndTranslationFromResolvedEntry)
{
	rig r;
	uint64_t slot = WIN_SIZE / 2;

	r.enable();
	drv_paace e = sub_primary(WIN_BASE, WIN_SIZE, 0);

	set_ap(e, 2);	// slot 0 write-only
	*r.paace(77) = e;
	drv_paace s = sub_secondary(77, 1, slot);

	set_ap(s, 1);	// slot 1 read-only, operation translation through OMI 0 (QMan)
	set_otm(s, 2);
	s.op_encode.idx.omi = 0;
	*r.spaace(FSPI) = s;
	r.fill_driver_omt();
	EXPECT_EQ(r.xlate(77, WIN_BASE, 4, PAMU_OP_WRITE).kind, PAMU_XLATE_OK);
	pamu_result res = r.xlate(77, WIN_BASE, 4, PAMU_OP_READ);

	EXPECT_EQ(res.avs1, apv(1) | 77u << 16) << describe(res);
	isr_clear(r);
	res = r.xlate(77, WIN_BASE + slot, 4, PAMU_OP_WRITE);
	EXPECT_EQ(res.avs1, apv(2) | 77u << 16) << describe(res);
	isr_clear(r);
	res = r.xlate(77, WIN_BASE + slot + 0x40, 4, PAMU_OP_EREAD0);
	ASSERT_EQ(res.kind, PAMU_XLATE_OK) << describe(res);
	EXPECT_EQ(res.out_op, 0x16);	// QMAN index 2 -> 0x96
	EXPECT_EQ(res.paddr, slot_twba(1) + 0x40);
	EXPECT_EQ(res.subwindow, 1);
	// ATM 0 in the SPAACE: untranslated.
	set_atm(*r.spaace(FSPI), 0);
	res = r.xlate(77, WIN_BASE + slot + 0x40, 4, PAMU_OP_READ);
	EXPECT_EQ(res.paddr, WIN_BASE + slot + 0x40);
}

TEST(Pamu, SpaaceReservedAtmOtmUnsupportedWhereUsed)
{
	rig r;
	uint64_t slot = WIN_SIZE / 2;

	r.enable();
	*r.paace(78) = sub_primary(WIN_BASE, WIN_SIZE, 0);
	drv_paace s = sub_secondary(78, 1, slot);

	set_otm(s, 3);
	*r.spaace(FSPI) = s;
	pamu_result res = r.xlate(78, WIN_BASE + slot, 4);

	EXPECT_EQ(res.kind, PAMU_XLATE_UNSUPPORTED) << describe(res);
	EXPECT_EQ(res.unsupported, PAMU_UNSUP_OTM);
	// The permission is checked before the operation translation (step 11 before 13).
	set_ap(*r.spaace(FSPI), 0);
	EXPECT_EQ(r.xlate(78, WIN_BASE + slot, 4).fault, PAMU_FAULT_PERMISSION);
	isr_clear(r);
	s = sub_secondary(78, 1, slot);
	for (uint32_t atm : {2u, 3u}) {
		set_atm(s, atm);
		*r.spaace(FSPI) = s;
		r.events.clear();
		res = r.xlate(78, WIN_BASE + slot, 4);
		EXPECT_EQ(res.kind, PAMU_XLATE_UNSUPPORTED) << describe(res);
		EXPECT_EQ(res.unsupported, PAMU_UNSUP_ATM);
		EXPECT_EQ(res.unsupported_value, atm);
		ASSERT_EQ(r.count_events(SIM_EV_UNSUPPORTED), 1u);
		EXPECT_EQ(r.events.back().addr, TABLE_BLOCK + SPAACT_OFF + 64 * FSPI);
	}
	// An invalid MOE is reported before the ATM is looked at (step 13 before 14).
	set_otm(s, 1);
	s.op_encode.imm.ioea = PAMU_OP_READ;
	s.op_encode.imm.moea = 0x00;
	*r.spaace(FSPI) = s;
	EXPECT_EQ(r.xlate(78, WIN_BASE + slot, 4).fault, PAMU_FAULT_MOE_INVALID);
	EXPECT_EQ(r.rd(AVS1) & 0x7fff, 0x3u);
}
