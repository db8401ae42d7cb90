// SPDX-License-Identifier: BSD-2-Clause
// soc_builder_test.cc - the SoC builder on edited trees and presets: the p4080 no-alias variant, how
// firmware rows find their nodes and registers, the DMA and CPU access paths, byte order of the fixed-up
// tree, and clear errors (never a crash) for malformed trees and presets.
//
// Sources of the expectations: ../shared/spec/README.md (p4080 without per-bank alias pages), hw-facts.md
// 6 (write operation codes), 10, 12.4-12.5 (bank + 0x140 fallback, all banks in page 0x41000),
// liodn-tables.md 1.2 (row kinds, register values), DESIGN.md (DTB error form
// `file: /node/path: property: what was expected`).
#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include <libfdt.h>

#include "soc_test_util.h"

using namespace soc_test;

namespace {

// A board's tree, editable with libfdt.
struct tree {
	std::vector<uint8_t> b;

	bool load(const char *board)
	{
		std::vector<uint8_t> raw;

		if (!load_board(board, raw))
			return false;
		b.resize(raw.size() + 4096);
		return fdt_open_into(raw.data(), b.data(), (int)b.size()) == 0;
	}
	void *fdt() { return b.data(); }
	int node(const char *path) { return fdt_path_offset(fdt(), path); }
	std::vector<uint8_t> packed()
	{
		std::vector<uint8_t> out(b);

		fdt_pack(out.data());
		out.resize(fdt_totalsize(out.data()));
		return out;
	}
};

#define NEED_DTBS()                                                      \
	do {                                                             \
		std::string why_;                                        \
		if (dtb_dir(&why_).empty())                              \
			GTEST_SKIP() << why_;                            \
	} while (0)

const char *P4080_PAMU = "/soc@ffe000000/iommu@20000";
const char *P4080_GUTS = "/soc@ffe000000/global-utilities@e0000";

bool starts_with(const std::string &s, const std::string &p)
{
	return s.compare(0, p.size(), p) == 0;
}

bool has(const std::string &s, const std::string &part)
{
	return s.find(part) != std::string::npos;
}

// Build with the p4080 family's test preset; returns the status, msg gets the error.
soc_status build(const std::vector<uint8_t> &dtb, std::string &msg, made_preset *mp_out = nullptr,
		 const char *board = "p4080ds")
{
	std::vector<uint8_t> orig;
	rig r;
	soc_status st;

	load_board(board, orig);
	made_preset mp = make_preset(orig, *find_board(board)->fam);

	st = r.create(*mp.p, dtb, "edited.dtb");
	msg = r.err.msg;
	if (mp_out)
		*mp_out = std::move(mp);
	return st;
}

} // namespace

// The p4080 preset (msi_alias_pages false): MSI nodes lose reg[1], the banks have no alias page, and
// one 4 KiB page (0x41000) reaches every bank's MSIIR at bank + 0x140.
TEST(Soc, P4080NoAliasVariant)
{
	NEED_DTBS();
	std::vector<uint8_t> dtb;
	ASSERT_TRUE(load_board("p4080ds", dtb));
	made_preset mp = make_preset(dtb, *find_board("p4080ds")->fam);
	mp.p->msi_alias_pages = false;
	snprintf(mp.p->name, sizeof(mp.p->name), "p4080");
	rig r;
	ASSERT_EQ(r.create(*mp.p, dtb), SOC_OK) << r.err.msg;

	const void *fx = soc_get_fdt(r.s);
	mpic *m = soc_get_mpic(r.s);
	unsigned int k = 0;
	pamu_result res;

	for (int n = node_by_compat(fx, "fsl,mpic-msi"); n >= 0; n = node_by_compat(fx, "fsl,mpic-msi", n), k++) {
		EXPECT_EQ(cells(fx, n, "reg"), (std::vector<uint32_t>{0x41600u + 0x200u * k, 0x200}));
		EXPECT_EQ(mpic_msi_target(m, k), 0x1600u + 0x200u * k + 0x140u);
		EXPECT_EQ(mpic_msi_page_banks(m, 0x4000u + 0x1000u * k), 0u) << "alias page " << k << " is gone";
	}
	ASSERT_EQ(k, 3u);
	EXPECT_EQ(mpic_msi_page_banks(m, 0x1000), 0x7u) << "one page reaches all banks";
	// the original tree still has the alias entries
	int n0 = node_by_compat(dtb.data(), "fsl,mpic-msi");
	EXPECT_EQ(cells(dtb.data(), n0, "reg").size(), 4u);

	// a device MSI to bank 2 through the in-bank MSIIR
	r.enable_pamus();
	r.write_paace(0x42, 0, 35, 3, true);
	uint32_t d = 1u << 5 | 9;	// MSIR 1, bit 9
	uint8_t le[4] = {(uint8_t)d, 0, 0, 0};
	EXPECT_EQ(soc_dma(r.s, 0, 0x42, CCSR + 0x41b40, le, 4, PAMU_OP_WRITE, &res), SOC_BUS_OK);
	EXPECT_EQ(mpic_msir_peek(m, 2, 1), 1u << 9);
	EXPECT_EQ(mpic_msir_peek(m, 0, 1), 0u);
	// and the alias address is nothing now
	soc_bus_status st;
	r.wr(CCSR + 0x44140, 0, &st);
	EXPECT_EQ(r.count(SIM_EV_REGISTER_MISUSE), 1u) << "the MPIC window decodes no alias there";
}

// LIODN register spellings: CCSR offset (0xE0520) and GUTS offset (0x520) reach the same register;
// a register of a block the SoC does not model is not written and is no error.
TEST(Soc, LiodnRegisterSpellings)
{
	NEED_DTBS();
	std::vector<uint8_t> dtb;
	ASSERT_TRUE(load_board("p4080ds", dtb));
	made_preset mp = make_preset(dtb, *find_board("p4080ds")->fam);
	soc_preset &p = *mp.p;

	p.liodn_count = 0;
	auto row = [&](soc_liodn_match how, const char *compat, uint64_t off, uint32_t liodn, uint32_t reg) {
		soc_fw_liodn &x = p.liodns[p.liodn_count++];

		memset(&x, 0, sizeof(x));
		x.match = how;
		snprintf(x.compatible, sizeof(x.compatible), "%s", compat);
		x.ccsr_offset = off;
		x.liodn[0] = liodn;
		x.cells = 1;
		x.guts_reg = reg;
	};
	row(SOC_LIODN_BY_ADDRESS, "fsl-usb2-mph", 0x210000, 127, 0xe0520);	// CCSR offset
	row(SOC_LIODN_BY_ADDRESS, "fsl-usb2-dr", 0x211000, 157, 0x524);	// GUTS offset
	row(SOC_LIODN_BY_ADDRESS, "fsl,qman", 0x318000, 31, 0x318d08);	// QMan LIODNR: not modelled
	row(SOC_LIODN_REGISTER_ONLY, "", 0, 200, 0xe0540);
	rig r;
	ASSERT_EQ(r.create(p, dtb), SOC_OK) << r.err.msg;
	EXPECT_EQ(r.rd(CCSR + 0xe0520), 127u);
	EXPECT_EQ(r.rd(CCSR + 0xe0524), 157u);
	EXPECT_EQ(r.rd(CCSR + 0xe0540), 200u);
	EXPECT_EQ(soc_device_count(r.s), 3u);
	const soc_device *d = soc_find_device(r.s, "/soc@ffe000000/usb@211000");
	ASSERT_NE(d, nullptr);
	EXPECT_EQ(d->liodn[0], 157u);
	EXPECT_STREQ(d->compatible, "fsl-usb2-dr-v1.6");
	EXPECT_EQ(d->pamu, 1u) << "fsl,iommu-parent names pamu@1000";
	EXPECT_EQ(soc_find_device(r.s, "/soc@ffe000000/qman@318000")->pamu, 0u) << "no iommu-parent: PAMU 0";
	EXPECT_EQ(soc_find_device(r.s, "/soc@ffe000000/usb@999"), nullptr);
}

// Two cells go to the register as (first << 16) | second and to the tree as two big-endian cells.
TEST(Soc, TwoCellRowsAndByteOrder)
{
	NEED_DTBS();
	std::vector<uint8_t> dtb;
	ASSERT_TRUE(load_board("p4080ds", dtb));
	made_preset mp = make_preset(dtb, *find_board("p4080ds")->fam);
	soc_preset &p = *mp.p;
	soc_fw_liodn &x = p.liodns[0];

	p.liodn_count = 1;
	memset(&x, 0, sizeof(x));
	x.match = SOC_LIODN_BY_CELL_INDEX;
	snprintf(x.compatible, sizeof(x.compatible), "fsl,srio");
	x.cell_index = 2;
	x.liodn[0] = 0x123;
	x.liodn[1] = 0x456;
	x.cells = 2;
	x.guts_reg = 0xe0514;
	rig r;
	ASSERT_EQ(r.create(p, dtb), SOC_OK) << r.err.msg;
	EXPECT_EQ(r.rd(CCSR + 0xe0514), 0x01230456u);
	const void *fx = soc_get_fdt(r.s);
	int port2 = fdt_path_offset(fx, "/rapidio@ffe0c0000/port2");
	int len;
	const uint8_t *raw = static_cast<const uint8_t *>(fdt_getprop(fx, port2, "fsl,liodn", &len));
	ASSERT_EQ(len, 8);
	// a standard FDT: cells big-endian, whatever the host (the stubs convert when unflattening)
	const uint8_t want[8] = {0, 0, 0x01, 0x23, 0, 0, 0x04, 0x56};
	EXPECT_EQ(memcmp(raw, want, 8), 0);
	// cache-stash-id too
	raw = static_cast<const uint8_t *>(fdt_getprop(fx, fdt_path_offset(fx, "/cpus/PowerPC,e500mc@3"),
						       "cache-stash-id", &len));
	ASSERT_EQ(len, 4);
	EXPECT_EQ(raw[3], 38);
	EXPECT_EQ(raw[0], 0);
	ASSERT_EQ(soc_device_count(r.s), 1u);
	EXPECT_EQ(soc_get_device(r.s, 0)->liodn[1], 0x456u);
	EXPECT_EQ(soc_get_device(r.s, 0)->pamu, 0u) << "port2 inherits rapidio's fsl,iommu-parent (pamu@0)";
	EXPECT_EQ(soc_get_device(r.s, 1), nullptr);
}

TEST(Soc, UnmatchedRowIsPresetError)
{
	NEED_DTBS();
	std::vector<uint8_t> dtb;
	ASSERT_TRUE(load_board("p4080ds", dtb));
	made_preset mp = make_preset(dtb, *find_board("p4080ds")->fam);
	soc_fw_liodn &x = mp.p->liodns[mp.p->liodn_count++];

	memset(&x, 0, sizeof(x));
	x.match = SOC_LIODN_BY_ADDRESS;
	snprintf(x.compatible, sizeof(x.compatible), "fsl,pq-sata-v2");	// P4080 has no SATA
	x.ccsr_offset = 0x220000;
	x.liodn[0] = 300;
	x.cells = 1;
	rig r;
	EXPECT_EQ(r.create(*mp.p, dtb), SOC_BAD_PRESET);
	std::string m = r.err.msg;
	EXPECT_TRUE(has(m, "fsl,pq-sata-v2") && has(m, "0x220000") && has(m, "test-preset:p4080")) << m;
	EXPECT_EQ(r.s, nullptr);

	// a portal cell-index nothing has
	x.match = SOC_LIODN_BY_CELL_INDEX;
	snprintf(x.compatible, sizeof(x.compatible), "fsl,qman-portal");
	x.cell_index = 77;
	rig r2;
	EXPECT_EQ(r2.create(*mp.p, dtb), SOC_BAD_PRESET);
	EXPECT_TRUE(has(r2.err.msg, "cell-index 77")) << r2.err.msg;
}

TEST(Soc, BadPresetValues)
{
	NEED_DTBS();
	std::vector<uint8_t> dtb;
	ASSERT_TRUE(load_board("p4080ds", dtb));
	struct {
		const char *what;
		void (*edit)(soc_preset &);
		const char *expect;
	} cases[] = {
		{"3 cells", [](soc_preset &p) { p.liodns[0].cells = 3; }, "cells"},
		{"LIODN beyond 12 bits", [](soc_preset &p) { p.liodns[0].liodn[0] = 0x1000; }, "12-bit"},
		{"GUTS offset of no LIODN register", [](soc_preset &p) { p.liodns[0].guts_reg = 0xe0604; }, "guts_reg"},
		{"PCIe offset other than +0x40", [](soc_preset &p) { p.liodns[0].guts_reg = 0x200044; }, "+0x40"},
		{"DRAM over CCSR", [](soc_preset &p) { p.dram_base = 0xf00000000ull; p.dram_size = 0x100000000ull; }, "dram"},
		{"DRAM not 4 KiB aligned", [](soc_preset &p) { p.dram_size = 0x1234; }, "dram"},
		{"LAW index beyond fsl,num-laws", [](soc_preset &p) { p.laws[0].index = 32; }, "fsl,num-laws"},
		{"LAW size not a power of two", [](soc_preset &p) { p.laws[0].size = 3ull << 30; }, "power-of-two"},
		{"revision index", [](soc_preset &p) { p.rev_count = 0; }, "revision"},
	};
	for (auto &c : cases) {
		made_preset mp = make_preset(dtb, *find_board("p4080ds")->fam);
		rig r;

		c.edit(*mp.p);
		EXPECT_EQ(r.create(*mp.p, dtb), SOC_BAD_PRESET) << c.what;
		EXPECT_TRUE(has(r.err.msg, c.expect)) << c.what << ": " << r.err.msg;
	}
}

// DMA direction by operation code: writes 0x81, 0x83, 0x86 store; reads, directives and atomics load.
TEST(Soc, DmaOperationCodes)
{
	NEED_DTBS();
	std::vector<uint8_t> dtb;
	ASSERT_TRUE(load_board("t4240qds", dtb));
	made_preset mp = make_preset(dtb, *find_board("t4240qds")->fam);
	rig r;
	ASSERT_EQ(r.create(*mp.p, dtb), SOC_OK) << r.err.msg;
	pamu_result res;
	const uint8_t ops[] = {0x00, 0x81, 0x82, 0x83, 0x85, 0x86, 0x8c, 0x8d, 0x8e, 0x8f};
	const bool writes[] = {false, true, false, true, false, true, false, false, false, false};

	// PAMUs bypassed at reset: untranslated, still accessed with the device's attributes
	for (unsigned int i = 0; i < sizeof(ops); i++) {
		uint64_t a = 0x100000 + 0x100 * i;
		uint32_t mem = 0x11111111, v = 0x22222222;

		r.wr(a, mem);
		EXPECT_EQ(soc_dma(r.s, 5, 9, a, &v, 4, ops[i], &res), SOC_BUS_OK);
		EXPECT_EQ(res.kind, PAMU_XLATE_BYPASS);
		EXPECT_EQ(r.rd(a), writes[i] ? 0x22222222u : 0x11111111u) << "op 0x" << std::hex << (int)ops[i];
		EXPECT_EQ(v, writes[i] ? 0x22222222u : 0x11111111u) << "op 0x" << std::hex << (int)ops[i];
	}
	// a fault accesses nothing
	r.enable_pamus();
	uint32_t v = 0x33333333;
	r.wr(0x2000, 0x44444444);
	EXPECT_EQ(soc_dma(r.s, 0, 9, 0x2000, &v, 4, PAMU_OP_WRITE, &res), SOC_BUS_OK);
	EXPECT_EQ(res.kind, PAMU_XLATE_FAULT);
	EXPECT_EQ(r.rd(0x2000), 0x44444444u);
	// translated into nothing: the bus says so
	r.write_paace(9, 0, 35, 3, true);
	EXPECT_EQ(soc_dma(r.s, 0, 9, 0x900000000ull, &v, 4, PAMU_OP_READ, &res), SOC_BUS_UNMAPPED);
	EXPECT_EQ(res.kind, PAMU_XLATE_OK);
	// bad arguments
	EXPECT_EQ(soc_dma(r.s, 6, 9, 0, &v, 4, PAMU_OP_READ, &res), SOC_BUS_BAD_ARG);
	EXPECT_EQ(res.kind, PAMU_XLATE_BAD_REQUEST);
	EXPECT_EQ(soc_dma(r.s, 0, 9, 0, nullptr, 4, PAMU_OP_READ, &res), SOC_BUS_BAD_ARG);
}

// Each tree version the build has (5.10, 6.1, 6.12) builds for every board.
TEST(Soc, AllKernelTreeVersions)
{
	NEED_DTBS();
	unsigned int built = 0, versions = 0;

	for (const char *ver : {"5.10", "6.1", "6.12"}) {
		std::string dir = dtb_dir_for(ver);

		if (dir.empty())
			continue;
		versions++;
		for (const board &b : boards()) {
			std::vector<uint8_t> dtb;
			ASSERT_TRUE(read_file(dir + "/" + b.name + ".dtb", dtb)) << dir << "/" << b.name;
			made_preset mp = make_preset(dtb, *b.fam);
			rig r;

			EXPECT_EQ(r.create(*mp.p, dtb, b.name), SOC_OK) << ver << " " << b.name << ": " << r.err.msg;
			if (r.s) {
				EXPECT_EQ(soc_pamu_count(r.s), b.fam->pamus) << ver << " " << b.name;
			}
			built++;
		}
	}
	printf("built %u SoCs from %u kernel tree versions\n", built, versions);
	if (!versions)
		GTEST_SKIP() << "no build-kern/dtbs/<version> directories";
}

// ------------------------------------------------------------------- bad trees ----

TEST(Soc, MissingPamuNode)
{
	NEED_DTBS();
	tree t;
	ASSERT_TRUE(t.load("p4080ds"));
	ASSERT_EQ(fdt_del_node(t.fdt(), t.node(P4080_PAMU)), 0);
	std::string m;
	EXPECT_EQ(build(t.packed(), m), SOC_BAD_DTB);
	EXPECT_EQ(m, "edited.dtb: /: compatible: expected a node compatible with \"fsl,pamu\" (PAMU), found none");
}

TEST(Soc, OverlappingRegRanges)
{
	NEED_DTBS();
	tree t;
	ASSERT_TRUE(t.load("p4080ds"));
	// GUTS moved onto PAMU 1
	fdt32_t reg[2] = {cpu_to_fdt32(0x21000), cpu_to_fdt32(0xe00)};
	ASSERT_EQ(fdt_setprop(t.fdt(), t.node(P4080_GUTS), "reg", reg, sizeof(reg)), 0);
	std::string m;
	EXPECT_EQ(build(t.packed(), m), SOC_BAD_DTB);
	EXPECT_TRUE(starts_with(m, "edited.dtb: /soc@ffe000000/global-utilities@e0000: reg: expected a range "
				   "overlapping no other block")) << m;
	EXPECT_TRUE(has(m, "/soc@ffe000000/iommu@20000")) << m;

	// two MSI banks on top of each other
	tree t2;
	ASSERT_TRUE(t2.load("p4080ds"));
	fdt32_t msi[4] = {cpu_to_fdt32(0x41600), cpu_to_fdt32(0x200), cpu_to_fdt32(0x45140), cpu_to_fdt32(4)};
	ASSERT_EQ(fdt_setprop(t2.fdt(), t2.node("/soc@ffe000000/msi@41800"), "reg", msi, sizeof(msi)), 0);
	EXPECT_EQ(build(t2.packed(), m), SOC_BAD_DTB);
	EXPECT_TRUE(starts_with(m, "edited.dtb: /soc@ffe000000/msi@41800: reg: ")) << m;
}

TEST(Soc, TruncatedDtb)
{
	NEED_DTBS();
	std::vector<uint8_t> dtb;
	ASSERT_TRUE(load_board("p4080ds", dtb));
	std::string m;
	std::vector<uint8_t> half(dtb.begin(), dtb.begin() + dtb.size() / 2);
	EXPECT_EQ(build(half, m), SOC_BAD_DTB);
	EXPECT_TRUE(starts_with(m, "edited.dtb: /: header: expected totalsize")) << m;
	EXPECT_TRUE(has(m, "truncated")) << m;
	std::vector<uint8_t> tiny(dtb.begin(), dtb.begin() + 20);
	EXPECT_EQ(build(tiny, m), SOC_BAD_DTB);
	EXPECT_TRUE(starts_with(m, "edited.dtb: /: header: ")) << m;
	EXPECT_EQ(build({}, m), SOC_BAD_DTB);
}

TEST(Soc, WrongAddressCells)
{
	NEED_DTBS();
	tree t;
	ASSERT_TRUE(t.load("p4080ds"));
	ASSERT_EQ(fdt_setprop_u32(t.fdt(), t.node("/soc@ffe000000"), "#address-cells", 3), 0);
	std::string m;
	EXPECT_EQ(build(t.packed(), m), SOC_BAD_DTB);
	EXPECT_EQ(m, "edited.dtb: /soc@ffe000000: #address-cells: expected 1 or 2, found 3");

	// the PAMU's children bus
	tree t2;
	ASSERT_TRUE(t2.load("p4080ds"));
	ASSERT_EQ(fdt_setprop_u32(t2.fdt(), t2.node(P4080_PAMU), "#size-cells", 0), 0);
	// the builder does not need the PAMU's children: still fine
	EXPECT_EQ(build(t2.packed(), m), SOC_OK) << m;
}

TEST(Soc, RegWithWrongLength)
{
	NEED_DTBS();
	tree t;
	ASSERT_TRUE(t.load("p4080ds"));
	fdt32_t reg[3] = {cpu_to_fdt32(0x20000), cpu_to_fdt32(0x5000), cpu_to_fdt32(0)};
	ASSERT_EQ(fdt_setprop(t.fdt(), t.node(P4080_PAMU), "reg", reg, sizeof(reg)), 0);
	std::string m;
	EXPECT_EQ(build(t.packed(), m), SOC_BAD_DTB);
	EXPECT_EQ(m, "edited.dtb: /soc@ffe000000/iommu@20000: reg: expected (address, size) pairs of 1 + 1 cells "
		     "(8 bytes each), found 12 bytes");

	tree t2;
	ASSERT_TRUE(t2.load("p4080ds"));
	fdt32_t odd[2] = {cpu_to_fdt32(0x20000), cpu_to_fdt32(0x5800)};
	ASSERT_EQ(fdt_setprop(t2.fdt(), t2.node(P4080_PAMU), "reg", odd, sizeof(odd)), 0);
	EXPECT_EQ(build(t2.packed(), m), SOC_BAD_DTB);
	EXPECT_TRUE(has(m, "iommu@20000: reg: expected 1 to 8 register blocks of 0x1000 bytes")) << m;
}

TEST(Soc, MsiBankWithoutInterrupts)
{
	NEED_DTBS();
	tree t;
	ASSERT_TRUE(t.load("t4240qds"));
	ASSERT_EQ(fdt_delprop(t.fdt(), t.node("/soc@ffe000000/msi@41a00"), "interrupts"), 0);
	std::string m;
	EXPECT_EQ(build(t.packed(), m, nullptr, "t4240qds"), SOC_BAD_DTB);
	EXPECT_EQ(m, "edited.dtb: /soc@ffe000000/msi@41a00: interrupts: expected MPIC interrupt specifiers, found no "
		     "such property");
}

TEST(Soc, OtherBadTrees)
{
	NEED_DTBS();
	struct {
		const char *what;
		int (*edit)(tree &);
		const char *expect;
	} cases[] = {
		{"PAMU interrupt parent elsewhere",
		 [](tree &t) { return fdt_setprop_u32(t.fdt(), t.node(P4080_PAMU), "interrupt-parent", 0x17); },
		 "iommu@20000: interrupt-parent: expected the MPIC"},
		{"PAMU error entry of type 0",
		 [](tree &t) {
			 fdt32_t irq[8] = {cpu_to_fdt32(24), cpu_to_fdt32(2), 0, 0, cpu_to_fdt32(16), cpu_to_fdt32(2), 0,
					   cpu_to_fdt32(30)};
			 return fdt_setprop(t.fdt(), t.node(P4080_PAMU), "interrupts", irq, sizeof(irq));
		 },
		 "iommu@20000: interrupts: expected entry 1 to be an MPIC error interrupt"},
		{"no GUTS",
		 [](tree &t) { return fdt_del_node(t.fdt(), t.node(P4080_GUTS)); },
		 "expected a node compatible with \"fsl,qoriq-device-config-1.0\""},
		{"no MPIC", [](tree &t) { return fdt_del_node(t.fdt(), t.node("/soc@ffe000000/pic@40000")); },
		 "\"fsl,mpic\""},
		{"no soc node", [](tree &t) { return fdt_set_name(t.fdt(), t.node("/soc@ffe000000"), "ccsr@ffe000000"); },
		 "edited.dtb: /: soc: expected a child node soc@<address>"},
		{"CCSR window beyond 36 bits",
		 [](tree &t) {
			 fdt32_t r[4] = {0, cpu_to_fdt32(0x1f), cpu_to_fdt32(0xfe000000), cpu_to_fdt32(0x1000000)};
			 return fdt_setprop(t.fdt(), t.node("/soc@ffe000000"), "ranges", r, sizeof(r));
		 },
		 "soc@ffe000000: ranges: expected a 4 KiB aligned CCSR window"},
		{"PCIe outside CCSR",
		 [](tree &t) {
			 fdt32_t r[4] = {cpu_to_fdt32(0xe), cpu_to_fdt32(0xfe200000), 0, cpu_to_fdt32(0x1000)};
			 return fdt_setprop(t.fdt(), t.node("/pcie@ffe200000"), "reg", r, sizeof(r));
		 },
		 "/pcie@ffe200000: reg: expected a range inside the CCSR window"},
		{"generic PCIe compatible",
		 [](tree &t) { return fdt_setprop_string(t.fdt(), t.node("/pcie@ffe201000"), "compatible", "fsl,qoriq-pcie"); },
		 "/pcie@ffe201000: compatible: expected a versioned PCIe controller"},
		{"second PAMU node",
		 [](tree &t) { return fdt_setprop_string(t.fdt(), t.node(P4080_GUTS), "compatible", "fsl,pamu"); },
		 "expected one PAMU node, found a second one"},
		{"MSI cascade used twice",
		 [](tree &t) {
			 fdt32_t irq[4] = {cpu_to_fdt32(0xe0), 0, 0, 0};
			 return fdt_setprop(t.fdt(), t.node("/soc@ffe000000/msi@41800"), "interrupts", irq, sizeof(irq));
		 },
		 "msi@41800: interrupts: expected cascade sources no other MSIR uses, found source 224 twice"},
		{"num-laws too big",
		 [](tree &t) { return fdt_setprop_u32(t.fdt(), t.node("/soc@ffe000000/corenet-law@0"), "fsl,num-laws", 1000); },
		 "corenet-law@0: fsl,num-laws: expected 1 to 64"},
		{"MPIC window size",
		 [](tree &t) {
			 fdt32_t r[2] = {cpu_to_fdt32(0x40000), cpu_to_fdt32(0x1000)};
			 return fdt_setprop(t.fdt(), t.node("/soc@ffe000000/pic@40000"), "reg", r, sizeof(r));
		 },
		 "pic@40000: reg: expected a window of 0x40000 bytes, found 0x1000"},
		{"PAMU ranges covering pamu@0 only (devices naming pamu@1000 fall back to PAMU 0)",
		 [](tree &t) {
			 fdt32_t r[3] = {0, cpu_to_fdt32(0x20000), cpu_to_fdt32(0x1000)};
			 return fdt_setprop(t.fdt(), t.node(P4080_PAMU), "ranges", r, sizeof(r));
		 },
		 nullptr},
		{"cpus missing", [](tree &t) { return fdt_del_node(t.fdt(), t.node("/cpus")); }, "edited.dtb: /: cpus: "},
	};
	for (auto &c : cases) {
		tree t;
		std::string m;

		ASSERT_TRUE(t.load("p4080ds"));
		ASSERT_EQ(c.edit(t), 0) << c.what;
		soc_status st = build(t.packed(), m);
		if (!c.expect) {
			// tolerated: the builder does not depend on it
			EXPECT_EQ(st, SOC_OK) << c.what << ": " << m;
			continue;
		}
		EXPECT_EQ(st, SOC_BAD_DTB) << c.what;
		EXPECT_TRUE(has(m, c.expect)) << c.what << ": " << m;
		EXPECT_TRUE(starts_with(m, "edited.dtb: /")) << c.what << ": " << m;
	}
}

TEST(Soc, GarbageBytes)
{
	std::vector<uint8_t> g(4096);
	uint32_t x = 12345;

	for (uint8_t &b : g) {
		x = x * 1103515245u + 12345u;
		b = (uint8_t)(x >> 16);
	}
	soc_preset p{};
	p.rev_count = 1;
	snprintf(p.name, sizeof(p.name), "garbage");
	rig r;
	EXPECT_EQ(r.create(p, g, "garbage.bin"), SOC_BAD_DTB);
	EXPECT_TRUE(starts_with(r.err.msg, "garbage.bin: /: header: expected magic 0xd00dfeed")) << r.err.msg;
	// a valid magic in front of garbage
	g[0] = 0xd0; g[1] = 0x0d; g[2] = 0xfe; g[3] = 0xed;
	rig r2;
	EXPECT_EQ(r2.create(p, g, "garbage.bin"), SOC_BAD_DTB);
	EXPECT_TRUE(starts_with(r2.err.msg, "garbage.bin: /: header: ")) << r2.err.msg;
	// no preset, no tree
	soc_cfg c{};
	soc *s = nullptr;
	soc_error e{};
	EXPECT_EQ(soc_create(&c, &s, &e), SOC_BAD_PRESET);
	EXPECT_EQ(soc_create(nullptr, &s, &e), SOC_BAD_PRESET);
	c.preset = &p;
	EXPECT_EQ(soc_create(&c, &s, &e), SOC_BAD_DTB);
	EXPECT_TRUE(starts_with(e.msg, "<dtb>: /: header: ")) << e.msg;
	EXPECT_EQ(s, nullptr);
}
