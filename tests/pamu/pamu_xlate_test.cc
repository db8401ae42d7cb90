// SPDX-License-Identifier: BSD-2-Clause
// pamu_xlate_test.cc - the PAMU table walk, rule by rule: windows, subwindows, permissions, operation
// translation, address translation, reserved encodings, bypass, enable/gate, LIODN range, V = 0 with
// and without erratum A-003638, result attributes and the host-order PAACE layout.
//
// Expected values come from docs/pamu-model.md sections 3-7 and hw-facts.md 4-7 (field positions,
// encodings, the OMT the driver programs); entries are written the way the driver's struct lays them
// out on the host (pamu_test_soc.h).
#include <gtest/gtest.h>

#include <cstring>

#include "pamu_test_soc.h"

using namespace pamu_test;

namespace {

// AVS1 field values (docs/pamu-model.md 5): value << shift | AV.
constexpr uint32_t AV = 1;
constexpr uint32_t otv(uint32_t v) { return v << 1 | AV; }
constexpr uint32_t apv(uint32_t v) { return v << 3 | AV; }
constexpr uint32_t wav(uint32_t v) { return v << 7 | AV; }
constexpr uint32_t lav(uint32_t v) { return v << 10 | AV; }
constexpr uint32_t GCV = 1u << 13 | AV, PDV = 1u << 14 | AV;

struct op_class {
	uint8_t code;
	bool read, write;
};

// docs/pamu-model.md 3: every defined code and the permission it needs.
const op_class ops[] = {
	{PAMU_OP_READ, true, false},	   {PAMU_OP_WRITE, false, true},
	{PAMU_OP_EREAD0, true, false},	   {PAMU_OP_EWRITE0, false, true},
	{PAMU_OP_DIRECTIVE0, true, false}, {PAMU_OP_EREAD1, true, false},
	{PAMU_OP_EWRITE1, false, true},	   {PAMU_OP_DIRECTIVE1, true, false},
	{PAMU_OP_RAC, true, true},	   {PAMU_OP_RAS, true, true},
	{PAMU_OP_RAD, true, true},	   {PAMU_OP_RAI, true, true},
};

bool defined_op(unsigned int code)
{
	for (const op_class &o : ops)
		if (o.code == code)
			return true;
	return false;
}

#define EXPECT_OK(res, pa)                                                                      \
	do {                                                                                    \
		pamu_result r_ = (res);                                                         \
		EXPECT_EQ(r_.kind, PAMU_XLATE_OK) << describe(r_);                              \
		EXPECT_EQ(r_.paddr, (uint64_t)(pa)) << describe(r_);                            \
	} while (0)

#define EXPECT_FAULT(res, f, fields, liodn)                                                     \
	do {                                                                                    \
		pamu_result r_ = (res);                                                         \
		EXPECT_EQ(r_.kind, PAMU_XLATE_FAULT) << describe(r_);                           \
		EXPECT_EQ(r_.fault, (f)) << describe(r_);                                       \
		EXPECT_EQ(r_.avs1, (uint32_t)(fields) | (uint32_t)(liodn) << 16) << describe(r_); \
	} while (0)

#define EXPECT_UNSUP(res, fld, val)                                                             \
	do {                                                                                    \
		pamu_result r_ = (res);                                                         \
		EXPECT_EQ(r_.kind, PAMU_XLATE_UNSUPPORTED) << describe(r_);                     \
		EXPECT_EQ(r_.unsupported, (fld)) << describe(r_);                               \
		EXPECT_EQ(r_.unsupported_value, (uint32_t)(val)) << describe(r_);               \
		EXPECT_FALSE(r_.latched);                                                        \
	} while (0)

// A window entry: base, size, AP, optional translation.
drv_paace window(uint64_t base, uint64_t size, uint32_t ap = 3, bool atm = false, uint64_t twba = 0)
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

// Clear a latched violation the way the ISR does (AVS1 & 0x7FFF, PICS written back).
void isr_clear(rig &r, unsigned int n = 0)
{
	uint32_t pics = r.rd(PICS, n);

	r.wr(AVS1, r.rd(AVS1, n) & 0x7fff, n);
	r.wr(PICS, pics, n);
}

} // namespace

TEST(Pamu, BootPaaceIdentityWindow)
{
	rig r;

	r.enable();
	*r.paace(127) = boot_paace();
	for (const op_class &o : ops) {
		pamu_result res = r.xlate(127, 0x12345678, 64, o.code);

		EXPECT_OK(res, 0x12345678);
		EXPECT_EQ(res.out_op, o.code & 0x7f);
		EXPECT_TRUE(res.coherent);
		EXPECT_EQ(res.subwindow, -1);
		EXPECT_FALSE(res.reported);
		EXPECT_EQ(res.avs1, 0u);
	}
	// 64 GiB: the last byte of the 36-bit space is inside, 64 GiB itself is outside.
	EXPECT_OK(r.xlate(127, (64ull << 30) - 1, 1), (64ull << 30) - 1);
	EXPECT_FAULT(r.xlate(127, 64ull << 30, 1), PAMU_FAULT_WINDOW, wav(1), 127);
}

TEST(Pamu, WindowSizesEveryEncoding)
{
	rig r;

	r.enable();
	for (uint32_t wse = 0x0b; wse <= 0x23; wse++) {
		uint64_t w = 1ull << (wse + 1);
		uint64_t base = 3 * w, twba = 5 * w;
		drv_paace e = window(base, w, 3, true, twba);

		SCOPED_TRACE(wse);
		ASSERT_EQ(wse_of(w), wse);
		*r.paace(10) = e;
		EXPECT_OK(r.xlate(10, base, 1), twba);				// first byte
		EXPECT_OK(r.xlate(10, base + w - 1, 1), twba + w - 1);		// last byte
		EXPECT_OK(r.xlate(10, base, (uint32_t)std::min<uint64_t>(w, 0xffffffffu)), twba);	// all of it
		EXPECT_OK(r.xlate(10, base + w - 4, 4, PAMU_OP_WRITE), twba + w - 4);
		EXPECT_FAULT(r.xlate(10, base + w, 1), PAMU_FAULT_WINDOW, wav(1), 10);	// first outside
		EXPECT_FAULT(r.xlate(10, base - 1, 1), PAMU_FAULT_WINDOW, wav(1), 10);	// below
		EXPECT_FAULT(r.xlate(10, base + w - 2, 4), PAMU_FAULT_WINDOW_CROSS, wav(2), 10);	// crossing
		// Without translation the address passes unchanged.
		*r.paace(10) = window(base, w);
		EXPECT_OK(r.xlate(10, base + w / 2, 8), base + w / 2);
	}
}

TEST(Pamu, WindowMisalignedBaseIgnoresLowBits)
{
	rig r;

	r.enable();
	for (uint32_t wse = 0x0c; wse <= 0x23; wse += 3) {
		uint64_t w = 1ull << (wse + 1);
		uint64_t aligned = 7 * w;
		uint64_t low = ((w / 2) | 0x1000) & (w - 1);	// bits below the size, 4 KiB granule
		// A base with low bits set: behaves as its aligned-down value; so does the TWBA.
		drv_paace e = window(aligned + low, w, 3, true, 9 * w + low);

		SCOPED_TRACE(wse);
		ASSERT_NE(low, 0u);
		*r.paace(11) = e;
		EXPECT_OK(r.xlate(11, aligned, 4), 9 * w);	// translated base also aligned down
		EXPECT_OK(r.xlate(11, aligned + w - 1, 1), 9 * w + w - 1);
		EXPECT_FAULT(r.xlate(11, aligned + w, 1), PAMU_FAULT_WINDOW, wav(1), 11);
		EXPECT_FAULT(r.xlate(11, aligned - 1, 1), PAMU_FAULT_WINDOW, wav(1), 11);
	}
}

TEST(Pamu, WindowAbove36BitsAndTopOfAddressSpace)
{
	rig r;

	r.enable();
	// WBAH holds bits 63:32: a 4 KiB window at the very top of the 64-bit space.
	*r.paace(12) = window(0xfffffffffffff000ull, 0x1000);
	EXPECT_OK(r.xlate(12, 0xffffffffffffffffull, 1), 0xffffffffffffffffull);
	EXPECT_OK(r.xlate(12, 0xfffffffffffff000ull, 0x1000), 0xfffffffffffff000ull);
	EXPECT_EQ(r.xlate(12, 0xfffffffffffffffeull, 4).kind, PAMU_XLATE_BAD_REQUEST);
	// Translation to a base above 4 GiB through TWBAH.
	*r.paace(12) = window(0x123400000000ull, 1ull << 20, 3, true, 0xabc00000000ull);
	EXPECT_OK(r.xlate(12, 0x123400000000ull + 0x5678, 8), 0xabc00000000ull + 0x5678);
}

TEST(Pamu, BadRequests)
{
	rig r;
	pamu_stats st;

	// Refused before the walk, even in bypass (docs/pamu-model.md 3, 11).
	pamu_result res = r.xlate(1, 0x1000, 0);

	EXPECT_EQ(res.kind, PAMU_XLATE_BAD_REQUEST);
	EXPECT_EQ(res.fault, PAMU_FAULT_NONE);
	EXPECT_EQ(r.xlate(1, 0xffffffffffffff00ull, 0x101).kind, PAMU_XLATE_BAD_REQUEST);
	EXPECT_EQ(r.xlate(1, 0xffffffffffffff00ull, 0x100).kind, PAMU_XLATE_BYPASS);
	r.enable();
	EXPECT_EQ(r.xlate(1, 0, 0).kind, PAMU_XLATE_BAD_REQUEST);
	EXPECT_EQ(r.rd(AVS1), 0u);	// nothing latched
	pamu_get_stats(r.p(), &st);
	EXPECT_EQ(st.translations, 4u);
	EXPECT_EQ(st.faults, 0u);
}

TEST(Pamu, ReservedWseIsUnsupported)
{
	rig r;

	r.enable();
	for (uint32_t wse = 0; wse < 64; wse++) {
		drv_paace e = boot_paace();

		if (wse >= 0x0b && wse <= 0x23)
			continue;
		SCOPED_TRACE(wse);
		set_wse(e, wse);
		*r.paace(20) = e;
		r.events.clear();
		EXPECT_UNSUP(r.xlate(20, 0), PAMU_UNSUP_WSE, wse);
		ASSERT_EQ(r.count_events(SIM_EV_UNSUPPORTED), 1u);
		EXPECT_EQ(r.events.back().addr, TABLE_BLOCK + 64 * 20);	// names the entry
	}
	EXPECT_EQ(r.rd(AVS1), 0u);
	EXPECT_EQ(r.rd(PICS), PICS_AVIE);
	pamu_stats st;

	pamu_get_stats(r.p(), &st);
	EXPECT_EQ(st.unsupported, 64u - 25u);
	EXPECT_EQ(st.faults, 0u);
}

TEST(Pamu, ReservedAtmAndOtmAreUnsupported)
{
	rig r;

	r.enable();
	for (uint32_t atm : {2u, 3u}) {
		drv_paace e = boot_paace();

		set_atm(e, atm);
		*r.paace(21) = e;
		EXPECT_UNSUP(r.xlate(21, 0), PAMU_UNSUP_ATM, atm);
	}
	drv_paace e = boot_paace();

	set_otm(e, 3);
	*r.paace(21) = e;
	EXPECT_UNSUP(r.xlate(21, 0), PAMU_UNSUP_OTM, 3);
	// Order of step 8: WSE, then ATM, then OTM; and before any window check.
	set_atm(e, 2);
	*r.paace(21) = e;
	EXPECT_UNSUP(r.xlate(21, 0), PAMU_UNSUP_ATM, 2);
	set_wse(e, 0x3f);
	*r.paace(21) = e;
	EXPECT_UNSUP(r.xlate(21, 0), PAMU_UNSUP_WSE, 0x3f);
	e = boot_paace();
	set_otm(e, 3);
	set_ap(e, 0);
	*r.paace(21) = e;
	EXPECT_UNSUP(r.xlate(21, 1ull << 40), PAMU_UNSUP_OTM, 3);	// outside the window: still unsupported
	EXPECT_EQ(r.count_events(SIM_EV_UNSUPPORTED), 6u);
	EXPECT_EQ(r.rd(AVS1), 0u);
}

TEST(Pamu, PermissionMatrix)
{
	rig r;

	r.enable();
	for (uint32_t ap = 0; ap < 4; ap++) {
		*r.paace(30) = window(0x100000, 0x100000, ap);
		for (const op_class &o : ops) {
			uint32_t missing = (o.read && !(ap & 1) ? 1 : 0) | (o.write && !(ap & 2) ? 2 : 0);
			pamu_result res = r.xlate(30, 0x100040, 8, o.code);

			SCOPED_TRACE(testing::Message() << "ap " << ap << " op 0x" << std::hex << (int)o.code);
			if (!missing) {
				EXPECT_OK(res, 0x100040);
			} else {
				EXPECT_FAULT(res, PAMU_FAULT_PERMISSION, apv(missing), 30);
				EXPECT_EQ(res.avs2 & 0xff, o.code);
			}
			isr_clear(r);
		}
	}
}

TEST(Pamu, UndefinedOperationCodes)
{
	rig r;
	unsigned int undefined = 0;

	r.enable();
	for (uint32_t ap : {0u, 3u}) {
		*r.paace(31) = window(0, 1ull << 30, ap);
		for (unsigned int code = 0; code < 256; code++) {
			if (defined_op(code))
				continue;
			SCOPED_TRACE(code);
			// Checked before the permission: OTV 3 even with AP = 0.
			EXPECT_FAULT(r.xlate(31, 0x1000, 4, (uint8_t)code), PAMU_FAULT_OP_UNDEFINED, otv(3), 31);
			isr_clear(r);
			undefined++;
		}
	}
	EXPECT_EQ(undefined, 2u * (256 - 12));
	// But after the window: an undefined code outside the window is a window fault.
	EXPECT_FAULT(r.xlate(31, 1ull << 31, 4, 0x01), PAMU_FAULT_WINDOW, wav(1), 31);
}

TEST(Pamu, OtmNoneIsIdentity)
{
	rig r;

	r.enable();
	*r.paace(32) = window(0, 1ull << 20);
	for (const op_class &o : ops)
		EXPECT_EQ(r.xlate(32, 0, 4, o.code).out_op, o.code & 0x7f) << (int)o.code;
	// Codes documented in hw-facts.md 6: read 0x00, write 0x01, atomics 0x0C..0x0F.
	EXPECT_EQ(r.xlate(32, 0, 4, PAMU_OP_WRITE).out_op, 0x01);
	EXPECT_EQ(r.xlate(32, 0, 4, PAMU_OP_RAI).out_op, 0x0f);
}

TEST(Pamu, OtmImmediate)
{
	rig r;
	drv_paace e = window(0, 1ull << 20);

	r.enable();
	set_otm(e, 1);
	e.op_encode.imm.ioea = PAMU_OP_WRITE;
	e.op_encode.imm.moea = 0x9b;	// valid, write with stash allocate
	e.op_encode.imm.ioeb = PAMU_OP_READ;
	e.op_encode.imm.moeb = 0x19;	// not valid
	*r.paace(33) = e;
	pamu_result res = r.xlate(33, 0x40, 4, PAMU_OP_WRITE);

	EXPECT_OK(res, 0x40);
	EXPECT_EQ(res.out_op, 0x1b);
	EXPECT_FAULT(r.xlate(33, 0x40, 4, PAMU_OP_READ), PAMU_FAULT_MOE_INVALID, otv(1), 33);
	isr_clear(r);
	// Not listed: identity mapping.
	res = r.xlate(33, 0x40, 4, PAMU_OP_DIRECTIVE0);
	EXPECT_OK(res, 0x40);
	EXPECT_EQ(res.out_op, 0x04);
	// IOEB valid.
	r.paace(33)->op_encode.imm.moeb = 0x96;
	res = r.xlate(33, 0x40, 4, PAMU_OP_READ);
	EXPECT_OK(res, 0x40);
	EXPECT_EQ(res.out_op, 0x16);
}

TEST(Pamu, OtmIndexedDriverOmt)
{
	rig r;
	// hw-facts.md 6, the entries the driver programs (OMI -> inbound index -> MOE byte).
	struct {
		uint16_t omi;
		uint8_t op;
		int out;	// -1: MOE not valid
	} rows[] = {
		{0, PAMU_OP_READ, 0x00},       {0, PAMU_OP_WRITE, 0x01},      {0, PAMU_OP_EREAD0, 0x16},
		{0, PAMU_OP_EWRITE0, 0x1d},    {0, PAMU_OP_DIRECTIVE0, 0x10}, {0, PAMU_OP_DIRECTIVE1, 0x12},
		{0, PAMU_OP_EREAD1, -1},       {0, PAMU_OP_EWRITE1, -1},      {0, PAMU_OP_RAC, -1},
		{1, PAMU_OP_READ, 0x18},       {1, PAMU_OP_WRITE, 0x01},      {1, PAMU_OP_EREAD0, -1},
		{2, PAMU_OP_READ, 0x00},       {2, PAMU_OP_WRITE, 0x01},      {2, PAMU_OP_EREAD0, 0x16},
		{2, PAMU_OP_EWRITE0, 0x1b},    {2, PAMU_OP_DIRECTIVE0, -1},   {3, PAMU_OP_READ, 0x18},
		{3, PAMU_OP_WRITE, 0x01},      {3, PAMU_OP_RAI, -1},          {4, PAMU_OP_READ, -1},
		{15, PAMU_OP_WRITE, -1},
	};

	r.enable();
	for (const auto &row : rows) {
		drv_paace e = window(0, 1ull << 30);

		SCOPED_TRACE(testing::Message() << "omi " << row.omi << " op 0x" << std::hex << (int)row.op);
		set_otm(e, 2);
		e.op_encode.idx.omi = row.omi;
		*r.paace(34) = e;
		pamu_result res = r.xlate(34, 0x2000, 64, row.op);

		if (row.out < 0) {
			EXPECT_FAULT(res, PAMU_FAULT_MOE_INVALID, otv(1), 34);
			isr_clear(r);
		} else {
			EXPECT_OK(res, 0x2000);
			EXPECT_EQ(res.out_op, row.out);
		}
	}
}

TEST(Pamu, OmiBeyondTheOmtLimit)
{
	rig r;

	r.enable();
	for (uint32_t omi : {15u, 16u, 17u, 0x100u, 0xffffu}) {
		drv_paace e = window(0, 1ull << 30);

		SCOPED_TRACE(omi);
		set_otm(e, 2);
		e.op_encode.idx.omi = (uint16_t)omi;
		*r.paace(35) = e;
		r.ome(15)[0] = 0x80;
		pamu_result res = r.xlate(35, 0, 4, PAMU_OP_READ);

		if (omi < 16)
			EXPECT_OK(res, 0);
		else
			EXPECT_FAULT(res, PAMU_FAULT_OMI_RANGE, otv(2), 35);
		isr_clear(r);
	}
	// The limit register decides, not the driver's 16 entries: OLA one OME lower refuses OMI 15.
	r.wr(OLAL, (uint32_t)(TABLE_BLOCK + OMT_OFF + 15 * 128));
	drv_paace e = window(0, 1ull << 30);

	set_otm(e, 2);
	e.op_encode.idx.omi = 15;
	*r.paace(35) = e;
	EXPECT_FAULT(r.xlate(35, 0, 4), PAMU_FAULT_OMI_RANGE, otv(2), 35);
}

TEST(Pamu, AtmWindowTranslation)
{
	rig r;

	r.enable();
	*r.paace(36) = window(0x40000000, 1ull << 30, 3, true, 0x200000000ull);
	EXPECT_OK(r.xlate(36, 0x40000000, 4), 0x200000000ull);
	EXPECT_OK(r.xlate(36, 0x40001234, 4), 0x200001234ull);
	EXPECT_OK(r.xlate(36, 0x7fffffff, 1), 0x23fffffffull);
	// ATM 0 keeps the address even with a TWBA written.
	drv_paace e = window(0x40000000, 1ull << 30);

	set_twba(e, 0x200000000ull);
	*r.paace(36) = e;
	EXPECT_OK(r.xlate(36, 0x40001234, 4), 0x40001234);
}

TEST(Pamu, BypassPassesEverythingUntranslated)
{
	rig r;	// a bare PAMU starts bypassed, PE = 0, no tables

	EXPECT_TRUE(pamu_get_bypass(r.p()));
	for (unsigned int code = 0; code < 256; code += 7) {
		pamu_result res = r.xlate(0xffff, 0x123456789ull + code, 16, (uint8_t)code);

		EXPECT_EQ(res.kind, PAMU_XLATE_BYPASS) << describe(res);
		EXPECT_EQ(res.paddr, 0x123456789ull + code);
		EXPECT_EQ(res.out_op, code & 0x7f);
		EXPECT_EQ(res.fault, PAMU_FAULT_NONE);
		EXPECT_EQ(res.subwindow, -1);
		EXPECT_FALSE(res.reported);
	}
	// Bypass beats the gate and a disabled PAMU.
	r.wr(PC, PC_PGC);
	EXPECT_EQ(r.xlate(1, 0).kind, PAMU_XLATE_BYPASS);
	EXPECT_EQ(r.rd(AVS1), 0u);
	EXPECT_EQ(r.rd(PICS), 0u);
	EXPECT_TRUE(r.irqs.empty());
	// Off and on again at run time.
	r.enable();
	*r.paace(3) = window(0, 0x1000);
	EXPECT_FAULT(r.xlate(3, 0x2000), PAMU_FAULT_WINDOW, wav(1), 3);
	pamu_set_bypass(r.p(), true);
	EXPECT_EQ(r.xlate(3, 0x2000).kind, PAMU_XLATE_BYPASS);
}

TEST(Pamu, DisabledPamuIsPdv)
{
	rig r;

	pamu_set_bypass(r.p(), false);
	r.program_tables(0);
	*r.paace(4) = boot_paace();
	EXPECT_FAULT(r.xlate(4, 0x1000, 4, PAMU_OP_WRITE), PAMU_FAULT_DISABLED, PDV, 4);
	EXPECT_EQ(r.rd(AVS1), PDV | 4u << 16);
	r.wr(PC, 0x00001011);	// caches on, PE off
	isr_clear(r);
	EXPECT_FAULT(r.xlate(4, 0x1000), PAMU_FAULT_DISABLED, PDV, 4);
	r.wr(PC, PC_PE);
	EXPECT_OK(r.xlate(4, 0x1000), 0x1000);
}

TEST(Pamu, GateClosedIsGcvBeforeEnable)
{
	rig r;

	r.enable();
	*r.paace(4) = boot_paace();
	r.wr(PC, PC_PGC | PC_PE);
	EXPECT_FAULT(r.xlate(4, 0), PAMU_FAULT_GATE_CLOSED, GCV, 4);
	isr_clear(r);
	r.wr(PC, PC_PGC);	// gate closed and disabled: the gate is checked first
	EXPECT_FAULT(r.xlate(4, 0), PAMU_FAULT_GATE_CLOSED, GCV, 4);
	isr_clear(r);
	r.wr(PC, PC_DRIVER_ENABLE);
	EXPECT_OK(r.xlate(4, 0), 0);
}

TEST(Pamu, LiodnBeyondThePpaactLimit)
{
	rig r;

	r.enable();
	*r.paace(0x4ff) = boot_paace();
	EXPECT_OK(r.xlate(0x4ff, 0x10), 0x10);
	EXPECT_FAULT(r.xlate(0x500, 0x10), PAMU_FAULT_LIODN_RANGE, lav(1), 0x500);
	EXPECT_EQ(r.rd(AVS1), 0x05000401u);	// LAV 1 = 0x400, the driver's own value
	isr_clear(r);
	EXPECT_FAULT(r.xlate(0xffff, 0x10), PAMU_FAULT_LIODN_RANGE, lav(1), 0xffff);
	isr_clear(r);
	// A limit of zero refuses everything; a limit one entry short refuses the last LIODN.
	r.wr64(PPLAH, TABLE_BLOCK + 64 * 0x4ff);
	EXPECT_FAULT(r.xlate(0x4ff, 0x10), PAMU_FAULT_LIODN_RANGE, lav(1), 0x4ff);
	isr_clear(r);
	r.wr64(PPLAH, 0);
	EXPECT_FAULT(r.xlate(0, 0x10), PAMU_FAULT_LIODN_RANGE, lav(1), 0);
}

TEST(Pamu, InvalidPaaceWithoutErratumIsSilent)
{
	rig r;
	pamu_stats st;

	r.enable();
	drv_paace e = boot_paace();

	set_v(e, false);
	*r.paace(40) = e;
	pamu_result res = r.xlate(40, 0x1000, 4, PAMU_OP_WRITE);

	EXPECT_FAULT(res, PAMU_FAULT_PAACE_INVALID, lav(2), 40);	// what it would latch
	EXPECT_FALSE(res.reported);
	EXPECT_FALSE(res.latched);
	EXPECT_EQ(r.rd(AVS1), 0u);
	EXPECT_EQ(r.rd(PICS), PICS_AVIE);
	EXPECT_FALSE(pamu_irq_level(r.p(), PAMU_IRQ_AV));
	EXPECT_EQ(r.count_events(SIM_EV_HW_FAULT), 0u);
	pamu_get_stats(r.p(), &st);
	EXPECT_EQ(st.faults, 1u);
	EXPECT_EQ(st.latched, 0u);
	// Between the driver's steps 6 and 7 every LIODN is like this (zeroed table).
	EXPECT_EQ(r.xlate(41, 0).fault, PAMU_FAULT_PAACE_INVALID);
}

TEST(Pamu, InvalidPaaceWithErratumIsReported)
{
	rig_opts o;

	o.erratum = true;
	rig r(o);
	r.enable();
	EXPECT_TRUE(pamu_get_erratum_a003638(r.p()));
	pamu_result res = r.xlate(40, 0x1000, 4, PAMU_OP_WRITE);

	EXPECT_FAULT(res, PAMU_FAULT_PAACE_INVALID, lav(2), 40);
	EXPECT_TRUE(res.reported);
	EXPECT_TRUE(res.latched);
	EXPECT_EQ(r.rd(AVS1), 0x00280801u);
	EXPECT_TRUE(pamu_irq_level(r.p(), PAMU_IRQ_AV));
	// Switching the erratum off at run time: silent again.
	isr_clear(r);
	pamu_set_erratum_a003638(r.p(), false);
	res = r.xlate(40, 0x1000);
	EXPECT_FALSE(res.reported);
	EXPECT_EQ(r.rd(AVS1), 0x00280000u);
}

TEST(Pamu, SecondaryEntryInPrimarySlot)
{
	rig r;

	r.enable();
	drv_paace e = boot_paace();

	set_pt(e, true);
	*r.paace(42) = e;
	EXPECT_FAULT(r.xlate(42, 0), PAMU_FAULT_PAACE_TYPE, lav(3), 42);
	// V = 0 wins over PT (step 6 before 7), with the erratum.
	pamu_set_erratum_a003638(r.p(), true);
	isr_clear(r);
	set_v(e, false);
	*r.paace(42) = e;
	EXPECT_FAULT(r.xlate(42, 0), PAMU_FAULT_PAACE_INVALID, lav(2), 42);
}

TEST(Pamu, ResultAttributes)
{
	rig r;

	r.enable();
	drv_paace e = window(0, 1ull << 30);

	e.did = 0x1c;
	e.pid = 0x05;
	e.snpid = 0x3a;
	set_cr(e, false);
	set_cid(e, 0x21);
	*r.paace(50) = e;
	pamu_result res = r.xlate(50, 0x100, 8);

	EXPECT_OK(res, 0x100);
	EXPECT_EQ(res.did, 0x1c);
	EXPECT_EQ(res.pid, 0x05);
	EXPECT_EQ(res.snoop_id, 0x3a);
	EXPECT_EQ(res.stash_id, 0x21);
	EXPECT_FALSE(res.coherent);
	EXPECT_FALSE(res.to_io);
	set_cr(e, true);
	set_dd(e, true);
	e.did = 0x00;	// to I/O: PCIe 1
	*r.paace(50) = e;
	res = r.xlate(50, 0x100, 8);
	EXPECT_TRUE(res.coherent);
	EXPECT_TRUE(res.to_io);
	EXPECT_EQ(res.did, 0x00);
	// Faults carry no attributes.
	res = r.xlate(50, 1ull << 31, 8);
	EXPECT_EQ(res.kind, PAMU_XLATE_FAULT);
	EXPECT_EQ(res.stash_id, 0);
	EXPECT_EQ(res.paddr, 0u);
}

TEST(Pamu, HostOrderPaaceDecodingCatchesByteSwap)
{
	rig r;

	r.enable();
	// Written the way the driver's struct does on the host: byte members at 0x08..0x0B, OMI a
	// native u16 at 0x1E.
	drv_paace e = window(0, 1ull << 30);

	e.did = 0x11;
	e.pid = 0x02;
	e.snpid = 0x33;
	set_cr(e, true);
	set_otm(e, 2);
	e.op_encode.idx.omi = 2;	// QMAN_PRIV
	*r.paace(60) = e;
	pamu_result res = r.xlate(60, 0x80, 4, PAMU_OP_EWRITE0);

	EXPECT_OK(res, 0x80);
	EXPECT_EQ(res.did, 0x11);	// a decoder reading word 2 as a BE word would see 0x80 (flags) here
	EXPECT_EQ(res.pid, 0x02);
	EXPECT_EQ(res.snoop_id, 0x33);
	EXPECT_TRUE(res.coherent);
	EXPECT_EQ(res.out_op, 0x1b);	// OMI 2 index 3 -> 0x9B; a BE reading of OMI (0x0200) would fault
	// The same entry as a big-endian image (every word byte-swapped): not what the driver writes on
	// this host, and the model must not accept it as the same entry.
	drv_paace be = e;
	uint32_t *w = reinterpret_cast<uint32_t *>(&be);

	for (int i = 0; i < 16; i++)
		w[i] = __builtin_bswap32(w[i]);
	*r.paace(61) = be;
	res = r.xlate(61, 0x80, 4, PAMU_OP_EWRITE0);
	EXPECT_NE(res.kind, PAMU_XLATE_OK) << describe(res);
	// Swapping only word 2's bytes moves DID/PID/SNPID/CR around: seen in the result.
	drv_paace sw = e;

	sw.did = e.flags;
	sw.pid = e.snpid;
	sw.snpid = e.pid;
	sw.flags = e.did;
	*r.paace(62) = sw;
	res = r.xlate(62, 0x80, 4, PAMU_OP_EWRITE0);
	EXPECT_EQ(res.did, 0x80);
	EXPECT_FALSE(res.coherent);
	// Swapping the OMI halfword: index 0x0200 is beyond the OMT.
	sw = e;
	sw.op_encode.idx.omi = 0x0200;
	*r.paace(63) = sw;
	EXPECT_FAULT(r.xlate(63, 0x80, 4, PAMU_OP_EWRITE0), PAMU_FAULT_OMI_RANGE, otv(2), 63);
}
