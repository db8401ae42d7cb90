// SPDX-License-Identifier: BSD-2-Clause
// soc_preset_build_test.cc - the shipped presets (socs/*.yaml, soc_preset_load_dir) build SoCs: every
// preset its default board at its default revision, and every one of the 27 boards with the preset
// `--dtb` would pick for it (soc_preset_match_fdt). Each row's LIODNs reach the tree and its GUTS
// register; the MSI alias policy follows the preset.
//
// Sources of the expectations: the presets themselves (the rows are the firmware table: liodn-tables.md),
// ../shared/spec/README.md (p4080: no alias entry), hw-facts.md 13 (GUTS SVR at +0xA4).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <vector>

#include <libfdt.h>

#include "soc_test_util.h"

using namespace soc_test;

namespace {

std::vector<soc_preset> load_presets(unsigned int *n, std::string *msg)
{
	std::vector<soc_preset> ps(32);
	soc_error e{};

	if (soc_preset_load_dir(PAMUSIM_SOCS_DIR, ps.data(), (unsigned int)ps.size(), n, &e) != SOC_PRESET_OK) {
		*msg = e.msg;
		*n = 0;
	}
	ps.resize(*n);
	return ps;
}

// Every fsl,liodn tuple of a tree.
std::vector<std::vector<uint32_t>> tree_liodns(const void *fdt)
{
	std::vector<std::vector<uint32_t>> v;

	for (int n = fdt_next_node(fdt, -1, nullptr); n >= 0; n = fdt_next_node(fdt, n, nullptr))
		if (fdt_getprop(fdt, n, "fsl,liodn", nullptr))
			v.push_back(cells(fdt, n, "fsl,liodn"));
	std::sort(v.begin(), v.end());
	return v;
}

std::vector<std::vector<uint32_t>> row_liodns(const soc_preset &p)
{
	std::vector<std::vector<uint32_t>> v;

	for (unsigned int i = 0; i < p.liodn_count; i++)
		if (p.liodns[i].match != SOC_LIODN_REGISTER_ONLY && p.liodns[i].compatible[0])
			v.emplace_back(p.liodns[i].liodn, p.liodns[i].liodn + p.liodns[i].cells);
	std::sort(v.begin(), v.end());
	return v;
}

// The value firmware leaves in each GUTS LIODN register (the last row writing it wins).
std::map<uint32_t, uint32_t> guts_values(const soc_preset &p)
{
	std::map<uint32_t, uint32_t> m;

	for (unsigned int i = 0; i < p.liodn_count; i++) {
		const soc_fw_liodn &r = p.liodns[i];

		if (r.guts_reg)
			m[r.guts_reg] = r.cells == 2 ? r.liodn[0] << 16 | r.liodn[1] : r.liodn[0];
	}
	return m;
}

void check_built(rig &r, const soc_preset &p, const std::string &what)
{
	const void *fx = soc_get_fdt(r.s);
	std::vector<std::vector<uint32_t>> got = tree_liodns(fx), want = row_liodns(p);
	const char *msi = "fsl,mpic-msi";
	unsigned int banks = 0;

	EXPECT_EQ(r.rd(CCSR + 0xe00a4), p.revs[p.default_rev].svr) << what;
	// every row's LIODNs on one node, except rows whose node the board disabled and left without reg
	EXPECT_EQ(got.size() + soc_fw_rows_skipped(r.s), want.size()) << what;
	EXPECT_TRUE(std::includes(want.begin(), want.end(), got.begin(), got.end())) << what;
	EXPECT_EQ(soc_device_count(r.s), got.size()) << what;
	for (const auto &g : guts_values(p)) {
		uint32_t off = g.first < 0xe00 ? 0xe0000 + g.first : g.first;

		EXPECT_EQ(r.rd(CCSR + off), g.second) << what << ": GUTS +0x" << std::hex << g.first;
	}
	// P5040 and the T/B parts: the PCIe row's LIODN goes to the controller's LIODN-base register (+0x40)
	for (unsigned int i = 0; i < soc_pcie_count(r.s); i++) {
		uint64_t off = soc_pcie_base(r.s, i) - CCSR;

		for (unsigned int k = 0; k < p.liodn_count; k++)
			if (p.liodns[k].match == SOC_LIODN_BY_ADDRESS && p.liodns[k].ccsr_offset == off &&
			    !p.liodns[k].guts_reg) {
				EXPECT_EQ(r.rd(soc_pcie_base(r.s, i) + 0x40), p.liodns[k].liodn[0]) << what << ": PCIe " << i;
			}
	}
	if (node_by_compat(fx, msi) < 0)
		msi = "fsl,mpic-msi-v4.3";
	for (int n = node_by_compat(fx, msi); n >= 0; n = node_by_compat(fx, msi, n), banks++)
		EXPECT_EQ(cells(fx, n, "reg").size(), p.msi_alias_pages ? 4u : 2u) << what << ": MSI bank " << banks;
	EXPECT_GE(banks, 3u) << what;
	EXPECT_EQ(r.count(SIM_EV_REGISTER_MISUSE), 0u) << what;
}

} // namespace

TEST(Soc, EveryPresetBuildsItsDefaultBoard)
{
	std::string why, msg;
	unsigned int n = 0;

	if (dtb_dir(&why).empty())
		GTEST_SKIP() << why;
	std::vector<soc_preset> ps = load_presets(&n, &msg);
	ASSERT_GE(n, 15u) << "presets in " << PAMUSIM_SOCS_DIR << ": " << msg;
	for (const soc_preset &p : ps) {
		std::vector<uint8_t> dtb;
		rig r;
		soc_cfg c{};

		ASSERT_TRUE(load_board(p.board, dtb)) << p.name << ": board " << p.board;
		c.preset = &p;
		c.rev = p.default_rev;
		c.dtb = dtb.data();
		c.dtb_size = dtb.size();
		c.dtb_name = p.board;
		ASSERT_EQ(soc_create(&c, &r.s, &r.err), SOC_OK) << p.name << " on " << p.board << ": " << r.err.msg;
		EXPECT_EQ(soc_fw_rows_skipped(r.s), 0u) << p.name << ": the default board has every node";
		check_built(r, p, std::string(p.name) + " on " + p.board);
		printf("%-9s on %-12s rev %-4s: %2u PAMUs, %2u PCIe, %3u devices with LIODNs\n", p.name, p.board,
		       p.revs[p.default_rev].name, soc_pamu_count(r.s), soc_pcie_count(r.s), soc_device_count(r.s));
	}
}

TEST(Soc, EveryBoardBuildsWithItsMatchedPreset)
{
	std::string why, msg;
	unsigned int n = 0;

	if (dtb_dir(&why).empty())
		GTEST_SKIP() << why;
	std::vector<soc_preset> ps = load_presets(&n, &msg);
	ASSERT_GE(n, 15u) << msg;
	for (const board &b : boards()) {
		std::vector<uint8_t> dtb;
		soc_error e{};
		rig r;

		ASSERT_TRUE(load_board(b.name, dtb)) << b.name;
		int i = soc_preset_match_fdt(ps.data(), n, dtb.data(), dtb.size(), b.name, &e);
		ASSERT_GE(i, 0) << b.name << ": " << e.msg;
		const soc_preset &p = ps[(size_t)i];
		EXPECT_TRUE(!strncmp(p.name, b.fam->name, 5)) << b.name << " matched " << p.name;
		ASSERT_EQ(r.create(p, dtb, b.name, p.default_rev), SOC_OK) << b.name << " with " << p.name << ": " << r.err.msg;
		check_built(r, p, std::string(b.name) + " with " + p.name);
		printf("%-15s -> %-9s %3u devices, %u rows skipped (node disabled without reg)\n", b.name, p.name,
		       soc_device_count(r.s), soc_fw_rows_skipped(r.s));
	}
}
