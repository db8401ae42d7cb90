// SPDX-License-Identifier: BSD-2-Clause
// pamu_regs_test.cc - the PAMU register block: reset values and every access rule of every register,
// through the SoC bus (the CPU's MMIO path) and the direct API.
//
// Expectations are written from docs/pamu-model.md section 1 (table of registers, reset values,
// writable / write-1-to-clear / reserved bits) and hw-facts.md 2 (offsets), not from the model's list.
#include <gtest/gtest.h>

#include "pamu_test_soc.h"

using namespace pamu_test;

namespace {

enum reg_kind { RW, RO };

struct reg_exp {
	const char *name;
	uint32_t off;
	reg_kind kind;
	uint32_t writable;	// plain read/write bits
	uint32_t w1c;		// write-1-to-clear bits
	uint32_t rsvd;		// reserved bits
	int cap;		// -1: reset 0; else index into the caps (pr1, pr2, pc1, pc2, pc3, pc4)
};

// docs/pamu-model.md 1.
const reg_exp regs[] = {
	{"PPBAH", PPBAH, RW, 0x0000000f, 0, 0xfffffff0, -1},
	{"PPBAL", PPBAL, RW, 0xffffffc0, 0, 0x0000003f, -1},
	{"PPLAH", PPLAH, RW, 0x0000000f, 0, 0xfffffff0, -1},
	{"PPLAL", PPLAL, RW, 0xffffffc0, 0, 0x0000003f, -1},
	{"SPBAH", SPBAH, RW, 0x0000000f, 0, 0xfffffff0, -1},
	{"SPBAL", SPBAL, RW, 0xffffffc0, 0, 0x0000003f, -1},
	{"SPLAH", SPLAH, RW, 0x0000000f, 0, 0xfffffff0, -1},
	{"SPLAL", SPLAL, RW, 0xffffffc0, 0, 0x0000003f, -1},
	{"OBAH", OBAH, RW, 0x0000000f, 0, 0xfffffff0, -1},
	{"OBAL", OBAL, RW, 0xffffffc0, 0, 0x0000003f, -1},
	{"OLAH", OLAH, RW, 0x0000000f, 0, 0xfffffff0, -1},
	{"OLAL", OLAL, RW, 0xffffffc0, 0, 0x0000003f, -1},
	{"POES1", POES1, RW, 0, 0x0000000f, 0x0000fff0, -1},
	{"POES2", POES2, RO, 0, 0, 0, -1},
	{"POEAH", POEAH, RO, 0, 0, 0, -1},
	{"POEAL", POEAL, RO, 0, 0, 0, -1},
	{"AVS1", AVS1, RW, 0, 0x00007fff, 0x00008000, -1},
	{"AVS2", AVS2, RO, 0, 0, 0, -1},
	{"AVAH", AVAH, RO, 0, 0, 0, -1},
	{"AVAL", AVAL, RO, 0, 0, 0, -1},
	{"EECTL", EECTL, RW, 0xffffffff, 0, 0, -1},
	{"EEDIS", EEDIS, RW, 0xffffffff, 0, 0, -1},
	{"EEINTEN", EEINTEN, RW, 0xffffffff, 0, 0, -1},
	{"EEDET", EEDET, RW, 0, 0xffffffff, 0, -1},
	{"EEATTR", EEATTR, RO, 0, 0, 0, -1},
	{"EEAHI", EEAHI, RO, 0, 0, 0, -1},
	{"EEALO", EEALO, RO, 0, 0, 0, -1},
	{"EEDHI", EEDHI, RO, 0, 0, 0, -1},
	{"EEDLO", EEDLO, RO, 0, 0, 0, -1},
	{"EECC", EECC, RO, 0, 0, 0, -1},
	{"UDAD", UDAD, RO, 0, 0, 0, -1},
	{"PR1", PR1, RO, 0, 0, 0, 0},
	{"PR2", PR2, RO, 0, 0, 0, 1},
	{"PC1", PC1, RO, 0, 0, 0, 2},
	{"PC2", PC2, RO, 0, 0, 0, 3},
	{"PC3", PC3, RO, 0, 0, 0, 4},
	{"PC4", PC4, RO, 0, 0, 0, 5},
	{"PC", PC, RW, 0xc0001011, 0, 0x3fffefee, -1},
	{"PFA1", PFA1, RW, 0xffffffff, 0, 0, -1},
	{"PFA2", PFA2, RW, 0xffffffff, 0, 0, -1},
	{"PICS", PICS, RW, 0x00000004, 0x00000008, 0xfffffff3, -1},
	{"PD1", PD1, RO, 0, 0, 0, -1},
	{"PD2", PD2, RO, 0, 0, 0, -1},
	{"PD3", PD3, RO, 0, 0, 0, -1},
	{"PD4", PD4, RO, 0, 0, 0, -1},
};

uint32_t cap_value(const pamu_caps &c, int i)
{
	const uint32_t v[] = {c.pr1, c.pr2, c.pc1, c.pc2, c.pc3, c.pc4};

	return i < 0 ? 0 : v[i];
}

const reg_exp *find_reg(uint32_t off)
{
	for (const reg_exp &r : regs)
		if (r.off == off)
			return &r;
	return nullptr;
}

// Cause an access violation so the status registers hold something (PE = 0, not bypassed: PDV).
void cause_violation(rig &r, uint16_t liodn)
{
	pamu_set_bypass(r.p(), false);
	r.xlate(liodn, 0x1000, 4, PAMU_OP_WRITE);
}

} // namespace

TEST(Pamu, ResetValues)
{
	rig r;
	const pamu_caps *caps = pamu_builtin_caps("t4240");

	ASSERT_NE(r.p(), nullptr);
	ASSERT_NE(caps, nullptr);
	for (const reg_exp &e : regs) {
		SCOPED_TRACE(e.name);
		EXPECT_EQ(r.rd(e.off), cap_value(*caps, e.cap));
	}
	EXPECT_EQ(pamu_reg_misuse_count(r.p()), 0u);
	EXPECT_EQ(r.count_events(SIM_EV_REGISTER_MISUSE), 0u);
	// The assumed capability values (docs/pamu-model.md, "Assumed capability values").
	EXPECT_EQ(r.rd(PR1) & 0xffff, 0x0100u);
	EXPECT_EQ(r.rd(PC2) >> 16, 0x0fffu);
	EXPECT_EQ((r.rd(PC3) >> 21) & 0xf, 7u);
	EXPECT_FALSE(pamu_irq_level(r.p(), PAMU_IRQ_AV));
	EXPECT_FALSE(pamu_irq_level(r.p(), PAMU_IRQ_OPERR));
	EXPECT_TRUE(pamu_get_bypass(r.p()));
}

TEST(Pamu, ResetValuesFollowCustomCaps)
{
	const pamu_caps caps = {0x12340101, 0x55aa55aa, 0x11111111, 0x04ff0000, 15u << 21, 0x0badf00d};
	rig_opts o;

	o.caps = &caps;
	rig r(o);
	for (const reg_exp &e : regs) {
		SCOPED_TRACE(e.name);
		EXPECT_EQ(r.rd(e.off), cap_value(caps, e.cap));
	}
}

TEST(Pamu, BuiltinCapsTable)
{
	unsigned int i, count = 0;
	const char *name;

	for (i = 0; (name = pamu_builtin_soc_name(i)); i++) {
		const pamu_caps *c = pamu_builtin_caps(name);

		SCOPED_TRACE(name);
		ASSERT_NE(c, nullptr);
		EXPECT_EQ(c->pr1, 0x00000100u);
		EXPECT_EQ(c->pc2, 0x0fff0000u);
		EXPECT_EQ(c->pc3, 0x00e00000u);
		count++;
	}
	EXPECT_GE(count, 3u);
	EXPECT_NE(pamu_builtin_caps("p4080"), nullptr);
	EXPECT_NE(pamu_builtin_caps("t4240"), nullptr);
	EXPECT_EQ(pamu_builtin_caps("no-such-soc"), nullptr);
	EXPECT_EQ(pamu_builtin_caps(nullptr), nullptr);
}

TEST(Pamu, EveryOffsetWithoutRegisterIsMisuse)
{
	rig r;
	uint64_t misuse = 0;

	for (uint32_t off = 0; off < PAMU_BLOCK_SIZE; off += 4) {
		const reg_exp *e = find_reg(off);
		uint32_t v = r.rd(off);

		if (e) {
			EXPECT_EQ(pamu_reg_misuse_count(r.p()), misuse) << "register at 0x" << std::hex << off;
			continue;
		}
		misuse++;
		EXPECT_EQ(v, 0u) << "offset 0x" << std::hex << off;
		EXPECT_EQ(pamu_reg_misuse_count(r.p()), misuse) << "offset 0x" << std::hex << off;
		r.wr(off, 0xffffffff);
		misuse++;
		EXPECT_EQ(pamu_reg_misuse_count(r.p()), misuse) << "offset 0x" << std::hex << off;
	}
	EXPECT_EQ(r.count_events(SIM_EV_REGISTER_MISUSE), misuse);
	// 1024 words, 45 registers: every other word is misuse, read and written.
	EXPECT_EQ(misuse, 2u * (1024 - sizeof(regs) / sizeof(regs[0])));
}

TEST(Pamu, WritableBitsOfEveryRegister)
{
	rig r;

	for (const reg_exp &e : regs) {
		uint64_t before;

		if (e.kind != RW)
			continue;
		SCOPED_TRACE(e.name);
		before = pamu_reg_misuse_count(r.p());
		r.wr(e.off, 0xffffffff);
		// Plain bits take the value; w1c bits were 0 and stay 0; reserved bits read 0.
		EXPECT_EQ(r.rd(e.off), e.writable);
		EXPECT_EQ(pamu_reg_misuse_count(r.p()) - before, e.rsvd ? 1u : 0u);
		before = pamu_reg_misuse_count(r.p());
		r.wr(e.off, 0);
		EXPECT_EQ(r.rd(e.off), 0u);
		EXPECT_EQ(pamu_reg_misuse_count(r.p()), before);
		// A value inside the writable bits: no misuse, read back exactly.
		r.wr(e.off, 0x5a5a5a5a & e.writable);
		EXPECT_EQ(r.rd(e.off), 0x5a5a5a5a & e.writable);
		EXPECT_EQ(pamu_reg_misuse_count(r.p()), before);
	}
}

TEST(Pamu, ReadOnlyRegistersDropWrites)
{
	rig r;
	const pamu_caps *caps = pamu_builtin_caps("t4240");

	for (const reg_exp &e : regs) {
		uint64_t before;

		if (e.kind != RO)
			continue;
		SCOPED_TRACE(e.name);
		before = pamu_reg_misuse_count(r.p());
		r.events.clear();
		r.wr(e.off, 0xffffffff);
		EXPECT_EQ(pamu_reg_misuse_count(r.p()) - before, 1u);
		EXPECT_EQ(r.rd(e.off), cap_value(*caps, e.cap));
		ASSERT_EQ(r.events.size(), 1u);
		EXPECT_EQ(r.events[0].kind, SIM_EV_REGISTER_MISUSE);
		EXPECT_EQ(r.events[0].reg, e.name);
		EXPECT_EQ(r.events[0].block, "pamu0");
	}
}

TEST(Pamu, WrongAccessSizesAreMisuse)
{
	rig r;

	for (const reg_exp &e : regs) {
		SCOPED_TRACE(e.name);
		if (e.kind == RW && e.writable)
			r.wr(e.off, 0x5a5a5a5a & e.writable);
		uint32_t val = r.rd(e.off);

		for (unsigned int size : {1u, 2u, 8u}) {
			uint64_t before = pamu_reg_misuse_count(r.p());

			SCOPED_TRACE(size);
			EXPECT_EQ(r.rd(e.off, 0, size), 0u);
			EXPECT_EQ(pamu_reg_misuse_count(r.p()) - before, 1u);
			r.wr(e.off, 0xffffffff, 0, size);
			EXPECT_EQ(pamu_reg_misuse_count(r.p()) - before, 2u);
			EXPECT_EQ(r.rd(e.off), val);	// the write was dropped
		}
		// Sizes only the direct API can produce.
		uint64_t before = pamu_reg_misuse_count(r.p());

		EXPECT_EQ(pamu_reg_read(r.p(), e.off, 3), 0u);
		pamu_reg_write(r.p(), e.off, 0, 0);
		EXPECT_EQ(pamu_reg_misuse_count(r.p()) - before, 2u);
		EXPECT_EQ(r.rd(e.off), val);
	}
}

TEST(Pamu, UnalignedAccessesAreMisuse)
{
	rig r;

	r.wr(PFA1, 0x12345678);
	for (const reg_exp &e : regs) {
		SCOPED_TRACE(e.name);
		for (uint32_t a : {1u, 2u, 3u}) {
			uint64_t before = pamu_reg_misuse_count(r.p());

			EXPECT_EQ(pamu_reg_read(r.p(), e.off + a, 4), 0u);
			pamu_reg_write(r.p(), e.off + a, 4, 0xffffffff);
			EXPECT_EQ(pamu_reg_misuse_count(r.p()) - before, 2u);
		}
	}
	EXPECT_EQ(r.rd(PFA1), 0x12345678u);
	EXPECT_EQ(r.rd(PC), 0u);
}

TEST(Pamu, OffsetsBeyondTheBlockAreMisuse)
{
	rig r;

	for (uint32_t off : {0x1000u, 0x1004u, 0x2c10u, 0xfffffffcu}) {
		uint64_t before = pamu_reg_misuse_count(r.p());

		EXPECT_EQ(pamu_reg_read(r.p(), off, 4), 0u);
		pamu_reg_write(r.p(), off, 4, 1);
		EXPECT_EQ(pamu_reg_misuse_count(r.p()) - before, 2u);
	}
	EXPECT_EQ(r.count_events(SIM_EV_REGISTER_MISUSE), 8u);
}

TEST(Pamu, PcReservedBitsAndDriverValue)
{
	rig r;

	r.wr(PC, PC_DRIVER_ENABLE);
	EXPECT_EQ(r.rd(PC), PC_DRIVER_ENABLE);
	EXPECT_EQ(pamu_reg_misuse_count(r.p()), 0u);
	r.wr(PC, 0xffffffff);
	EXPECT_EQ(r.rd(PC), 0xc0001011u);
	EXPECT_EQ(pamu_reg_misuse_count(r.p()), 1u);
	ASSERT_EQ(r.events.size(), 1u);
	EXPECT_EQ(r.events[0].reg, "PC");
	EXPECT_NE(r.events[0].msg.find("reserved"), std::string::npos) << r.events[0].msg;
}

TEST(Pamu, PicsAvsIsW1cAvieIsReadWrite)
{
	rig r;

	cause_violation(r, 5);
	EXPECT_EQ(r.rd(PICS), PICS_AVS);
	r.wr(PICS, 0);		// writing 0 leaves AVS
	EXPECT_EQ(r.rd(PICS), PICS_AVS);
	r.wr(PICS, PICS_AVIE);	// AVIE set, AVS untouched
	EXPECT_EQ(r.rd(PICS), PICS_AVS | PICS_AVIE);
	r.wr(PICS, PICS_AVS | PICS_AVIE);	// the ISR's write-back: AVS cleared, AVIE kept
	EXPECT_EQ(r.rd(PICS), PICS_AVIE);
	r.wr(PICS, PICS_AVS);	// AVS already clear; AVIE written 0
	EXPECT_EQ(r.rd(PICS), 0u);
	EXPECT_EQ(pamu_reg_misuse_count(r.p()), 0u);
	r.wr(PICS, 0x10 | PICS_AVIE);	// reserved bit: misuse, AVIE still taken
	EXPECT_EQ(r.rd(PICS), PICS_AVIE);
	EXPECT_EQ(pamu_reg_misuse_count(r.p()), 1u);
}

TEST(Pamu, Avs1FieldsW1cLiodnReadOnly)
{
	rig r;
	uint32_t v;

	cause_violation(r, 0x123);
	v = r.rd(AVS1);
	EXPECT_EQ(v >> 16, 0x123u);
	EXPECT_EQ(v & 0x7fff, 0x4001u);	// PDV | AV
	r.wr(AVS1, 0xffff0000);	// read-only LIODN bits: silently kept, not misuse
	EXPECT_EQ(r.rd(AVS1), v);
	EXPECT_EQ(pamu_reg_misuse_count(r.p()), 0u);
	r.wr(AVS1, 0x4000);	// clear PDV only
	EXPECT_EQ(r.rd(AVS1), v & ~0x4000u);
	r.wr(AVS1, 0x8000);	// reserved bit 15
	EXPECT_EQ(pamu_reg_misuse_count(r.p()), 1u);
	EXPECT_EQ(r.rd(AVS1), v & ~0x4000u);
	r.wr(AVS1, v & 0x7fff);	// the ISR's clear
	EXPECT_EQ(r.rd(AVS1), 0x01230000u);	// LIODN kept until the next latch
	EXPECT_EQ(pamu_reg_misuse_count(r.p()), 1u);
}

TEST(Pamu, Poes1W1cLiodnReadOnly)
{
	rig r;

	pamu_set_bypass(r.p(), false);
	r.wr(PC, PC_DRIVER_ENABLE);
	r.wr64(PPBAH, UNMAPPED);
	r.wr64(PPLAH, UNMAPPED + 0x14000);
	r.xlate(0x42, 0x1000);
	EXPECT_EQ(r.rd(POES1), 0x00420003u);	// valid | PPAACT << 1 | LIODN << 16
	r.wr(POES1, 0xffff0000);
	EXPECT_EQ(r.rd(POES1), 0x00420003u);
	r.wr(POES1, 0x2);	// the table field only
	EXPECT_EQ(r.rd(POES1), 0x00420001u);
	r.wr(POES1, 0x1);
	EXPECT_EQ(r.rd(POES1), 0x00420000u);
	EXPECT_EQ(pamu_reg_misuse_count(r.p()), 0u);
	r.wr(POES1, 0x10);
	EXPECT_EQ(pamu_reg_misuse_count(r.p()), 1u);
}

TEST(Pamu, EccBlockAndPfaAreStorageOnly)
{
	rig r;

	pamu_set_bypass(r.p(), false);
	for (uint32_t off : {EECTL, EEDIS, EEINTEN, PFA1, PFA2}) {
		r.wr(off, 0xdeadbeef);
		EXPECT_EQ(r.rd(off), 0xdeadbeefu);
	}
	r.wr(EEDET, 0xffffffff);	// write-1-to-clear of bits that are never set
	EXPECT_EQ(r.rd(EEDET), 0u);
	EXPECT_EQ(pamu_reg_misuse_count(r.p()), 0u);
	// No ECC error is ever raised, whatever is enabled (docs/pamu-model.md 1, 10).
	r.xlate(1, 0);
	EXPECT_EQ(r.rd(EEDET), 0u);
	EXPECT_EQ(r.rd(UDAD), 0u);
	EXPECT_EQ(r.rd(EEATTR), 0u);
}

TEST(Pamu, MisuseEventsNameBlockRegisterAndSize)
{
	rig_opts o;

	o.pamus = 2;
	rig r(o);
	r.rd(AVS1, 1, 8);
	ASSERT_EQ(r.events.size(), 1u);
	EXPECT_EQ(r.events[0].kind, SIM_EV_REGISTER_MISUSE);
	EXPECT_EQ(r.events[0].block, "pamu1");
	EXPECT_EQ(r.events[0].reg, "AVS1");
	EXPECT_EQ(r.events[0].size, 8u);
	EXPECT_EQ(r.events[0].addr, (uint64_t)AVS1);
	EXPECT_EQ(pamu_reg_misuse_count(r.p(0)), 0u);
	EXPECT_EQ(pamu_reg_misuse_count(r.p(1)), 1u);
	r.wr(0x030, 1, 1);	// no register at 0x30
	ASSERT_EQ(r.events.size(), 2u);
	EXPECT_EQ(r.events[1].reg, "");
	EXPECT_STREQ(pamu_get_name(r.p(1)), "pamu1");
}

TEST(Pamu, ResetRestoresRegistersKeepsInputs)
{
	rig r;

	r.enable();
	pamu_set_erratum_a003638(r.p(), true);
	r.wr(PFA1, 7);
	r.wr(PICS, PICS_AVIE);
	r.xlate(0x600, 0);	// beyond the PPAACT: latched, line high
	ASSERT_TRUE(pamu_irq_level(r.p(), PAMU_IRQ_AV));
	r.irqs.clear();
	pamu_reset(r.p());
	for (const reg_exp &e : regs) {
		if (e.cap < 0) {
			EXPECT_EQ(r.rd(e.off), 0u) << e.name;
		}
	}
	EXPECT_FALSE(pamu_irq_level(r.p(), PAMU_IRQ_AV));
	ASSERT_EQ(r.irqs.size(), 1u);
	EXPECT_EQ(r.irqs[0].line, PAMU_IRQ_AV);
	EXPECT_FALSE(r.irqs[0].level);
	EXPECT_FALSE(pamu_get_bypass(r.p()));	// inputs kept
	EXPECT_TRUE(pamu_get_erratum_a003638(r.p()));
	// After reset the PAMU is disabled: PDV.
	EXPECT_EQ(r.xlate(1, 0).fault, PAMU_FAULT_DISABLED);
}

TEST(Pamu, CreateRejectsBadConfig)
{
	pamu_cfg c{};
	pamu *p = reinterpret_cast<pamu *>(0x1);

	EXPECT_EQ(pamu_create(&c, &p), PAMU_STATUS_BAD_CFG);
	EXPECT_EQ(p, nullptr);
	EXPECT_EQ(pamu_create(nullptr, &p), PAMU_STATUS_BAD_CFG);
	pamu_destroy(nullptr);	// allowed, like free()
}

TEST(Pamu, NamesOfFaultsKindsAndFields)
{
	std::vector<std::string> seen;

	for (int f = 0; f < PAMU_FAULT_COUNT; f++) {
		std::string n = pamu_fault_name(static_cast<pamu_fault>(f));

		EXPECT_NE(n, "unknown") << f;
		for (const std::string &s : seen)
			EXPECT_NE(s, n);
		seen.push_back(n);
	}
	EXPECT_STREQ(pamu_fault_name(PAMU_FAULT_COUNT), "unknown");
	seen.clear();
	for (int k = PAMU_XLATE_OK; k <= PAMU_XLATE_BAD_REQUEST; k++) {
		std::string n = pamu_xlate_kind_name(static_cast<pamu_xlate_kind>(k));

		EXPECT_NE(n, "unknown") << k;
		for (const std::string &s : seen)
			EXPECT_NE(s, n);
		seen.push_back(n);
	}
	EXPECT_STREQ(pamu_unsupported_field_name(PAMU_UNSUP_SWSE), "SWSE");
	EXPECT_STREQ(pamu_unsupported_field_name(PAMU_UNSUP_WSE), "WSE");
}
