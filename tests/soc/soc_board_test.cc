// SPDX-License-Identifier: BSD-2-Clause
// soc_board_test.cc - every one of the 27 PAMU board trees of the kernel builds a SoC with the blocks where
// the tree puts them, the firmware's fix-ups in the tree and the registers, and working wiring: PAMU
// bypass from GUTS, PAMU interrupts to the MPIC's CPU output, device MSIs through the PAMU into the right
// MSIR. One test per board and aspect: Soc.<Aspect>/<board>.
//
// Sources of the expectations: soc-table.md (per-SoC counts, alias registers, PCIe versions), hw-facts.md
// 1, 2, 9, 11, 12, 13 and docs/mpic.md 2 (register offsets) via soc_test_util.h; the tree itself, read
// here with libfdt (reg, fsl,liodn-reg, fsl,iommu-parent, cpu reg, next-level-cache).
#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <set>

#include <libfdt.h>

#include "soc_test_util.h"

using namespace soc_test;

namespace {

class Soc : public ::testing::TestWithParam<board> {
protected:
	void SetUp() override
	{
		std::string why;

		if (dtb_dir(&why).empty())
			GTEST_SKIP() << why;
		ASSERT_TRUE(load_board(GetParam().name, dtb)) << "missing " << dtb_dir() << "/" << GetParam().name
							       << ".dtb";
		mp = make_preset(dtb, *GetParam().fam);
		ASSERT_EQ(r.create(*mp.p, dtb, GetParam().name), SOC_OK) << r.err.msg;
		fdt = dtb.data();
	}

	std::vector<uint8_t> dtb;
	made_preset mp;
	rig r;
	const void *fdt = nullptr;
};

std::string param_name(const ::testing::TestParamInfo<board> &i)
{
	std::string n = i.param.name;

	for (char &c : n)
		if (c == '-')
			c = '_';
	return n;
}

} // namespace

// Blocks at the tree's addresses, read back through the bus.
TEST_P(Soc, Blocks)
{
	const family &f = *GetParam().fam;
	soc *s = r.s;
	int pamu = node_by_compat(fdt, "fsl,pamu");
	uint64_t psize = 0, pbase = reg_entry_ccsr(fdt, pamu, 0, &psize);
	soc_bus_status st;

	EXPECT_EQ(soc_ccsr_base(s), CCSR);
	EXPECT_EQ(soc_ccsr_size(s), 0x1000000u);
	ASSERT_EQ(soc_pamu_count(s), f.pamus);
	EXPECT_EQ(psize, 0x1000u * f.pamus);
	for (unsigned int n = 0; n < f.pamus; n++) {
		EXPECT_EQ(soc_pamu_base(s, n), pbase + 0x1000u * n);
		EXPECT_EQ(r.rd(soc_pamu_base(s, n) + 0xc08, &st), mp.p->pamu_caps.pc3) << "PC3 of PAMU " << n;
		EXPECT_EQ(st, SOC_BUS_OK);
		EXPECT_EQ(r.rd(soc_pamu_base(s, n) + 0xbf8), mp.p->pamu_caps.pr1) << "PR1 of PAMU " << n;
	}
	EXPECT_EQ(soc_pamu_av_source(s), 24u);
	EXPECT_EQ(soc_pamu_err_subsource(s), (int)f.err_sub);

	// MPIC and its version
	EXPECT_EQ(soc_mpic_base(s), reg_entry_ccsr(fdt, node_by_compat(fdt, "fsl,mpic"), 0));
	EXPECT_EQ(r.rd(soc_mpic_base(s)) & 0xffff, mp.p->mpic_version);

	// GUTS
	EXPECT_EQ(soc_guts_base(s), CCSR + 0xe0000);
	EXPECT_EQ(r.rd(CCSR + 0xe00a4), f.svr);
	EXPECT_EQ(r.rd(CCSR + 0xe00a0), f.pvr);

	// PCIe controllers and their BRR1: every controller node with a reg (oca4080 and kmcoge4 disable
	// some and delete their reg: nothing to place)
	unsigned int nodes = 0, placed = 0;
	for (int n = fdt_next_node(fdt, -1, nullptr); n >= 0; n = fdt_next_node(fdt, n, nullptr)) {
		const char *c = static_cast<const char *>(fdt_getprop(fdt, n, "compatible", nullptr));
		int len;

		if (c && (strstr(c, "-pcie") && (!strncmp(c, "fsl,p", 5) || !strncmp(c, "fsl,t", 5) ||
						  !strncmp(c, "fsl,b", 5) || !strncmp(c, "fsl,qoriq-pcie", 14)))) {
			nodes++;
			if (fdt_getprop(fdt, n, "reg", &len)) {
				EXPECT_EQ(soc_pcie_base(s, placed), (uint64_t)cells(fdt, n, "reg")[0] << 32 |
								    cells(fdt, n, "reg")[1]);
				placed++;
			}
		}
	}
	EXPECT_EQ(nodes, f.pcie);
	ASSERT_EQ(soc_pcie_count(s), placed);
	for (unsigned int i = 0; i < placed; i++) {
		EXPECT_EQ(r.rd(soc_pcie_base(s, i) + 0xbf8, &st), f.pcie_version) << "BRR1 of PCIe " << i;
		EXPECT_EQ(st, SOC_BUS_OK);
	}

	// LAW and CCF register RAM; the preset's LAW 1 as firmware programmed it
	ASSERT_EQ(soc_law_base(s), CCSR);
	EXPECT_EQ(r.rd(CCSR + 0xc10 + 0), 0u);
	EXPECT_EQ(r.rd(CCSR + 0xc10 + 4), 0u);
	EXPECT_EQ(r.rd(CCSR + 0xc10 + 8), 0x80000000u | 0x10u << 20 | 30u);	// 2 GiB = 2^(30+1)
	EXPECT_EQ(r.rd(CCSR + 0xc00 + 8), 0u) << "LAW 0 stays disabled";
	// every tree has a CCF node; T1023/T1024's lacks fsl,ccf-num-csdids (and the fsl,corenet-cf
	// compatible the driver looks for), soc-table.md lists it as absent
	int ccf = node_by_compat(fdt, "fsl,corenet2-cf");
	if (ccf < 0)
		ccf = node_by_compat(fdt, "fsl,corenet1-cf");
	ASSERT_GE(ccf, 0);
	EXPECT_EQ(soc_ccf_base(s), reg_entry_ccsr(fdt, ccf, 0));
	EXPECT_EQ(cells(fdt, ccf, "fsl,ccf-num-csdids").size() == 1, f.ccf);
	EXPECT_EQ(r.rd(soc_ccf_base(s) + 0x600), 0u);
	r.wr(soc_ccf_base(s) + 0x600, 0xfff80000);
	EXPECT_EQ(r.rd(soc_ccf_base(s) + 0x600), 0xfff80000u);
	EXPECT_EQ(cells(fdt, node_by_compat(fdt, "fsl,corenet-law"), "fsl,num-laws"), std::vector<uint32_t>{f.num_laws});

	// everything else in CCSR stays unmapped (DDR controller at +0x8000)
	size_t before = r.count(SIM_EV_UNMAPPED_ACCESS);
	r.rd(CCSR + 0x8000, &st);
	EXPECT_EQ(st, SOC_BUS_UNMAPPED);
	EXPECT_EQ(r.count(SIM_EV_UNMAPPED_ACCESS), before + 1);
	EXPECT_EQ(r.count(SIM_EV_REGISTER_MISUSE), 0u);
}

// MSI banks and alias pages where the tree puts them (soc-table.md: alias k at 0x44140/0x44148 + 0x1000 k).
TEST_P(Soc, MsiBanks)
{
	const family &f = *GetParam().fam;
	mpic *m = soc_get_mpic(r.s);
	uint64_t mb = soc_mpic_base(r.s);
	unsigned int k = 0;
	const char *compat = f.v43 ? "fsl,mpic-msi-v4.3" : "fsl,mpic-msi";

	for (int n = node_by_compat(fdt, compat); n >= 0; n = node_by_compat(fdt, compat, n), k++) {
		uint64_t bank = reg_entry_ccsr(fdt, n, 0), alias = reg_entry_ccsr(fdt, n, 1);
		soc_bus_status st;

		EXPECT_EQ(alias, CCSR + (f.v43 ? 0x44148u : 0x44140u) + 0x1000u * k);
		EXPECT_EQ(bank, CCSR + 0x41600u + 0x200u * k);
		EXPECT_EQ(mpic_msi_page_banks(m, (uint32_t)(alias - mb)), 1u << k) << "alias page of bank " << k;
		EXPECT_EQ(mpic_msi_target(m, k), alias - mb);
		// the bank answers through the bus: a CPU store to its MSIIR (register value SRS << 29 | IBS << 24)
		r.wr(bank + 0x140, 3u << 29 | 5u << 24, &st);
		EXPECT_EQ(st, SOC_BUS_OK);
		EXPECT_EQ(mpic_msir_peek(m, k, 3), 1u << 5);
		EXPECT_EQ(r.rd(bank + 0x30), 1u << 5) << "MSIR3 read through the bus";
	}
	EXPECT_EQ(k, f.banks);
	EXPECT_EQ(mpic_get_cfg(m)->bank_count, f.banks);
	EXPECT_EQ(r.count(SIM_EV_REGISTER_MISUSE), 0u);
}

// The firmware's LIODNs in the fixed-up tree, the device list and the registers.
TEST_P(Soc, FirmwareLiodns)
{
	const void *fx = soc_get_fdt(r.s);
	const soc_preset &p = *mp.p;
	std::set<std::string> paths;

	ASSERT_EQ(fdt_check_full(fx, soc_get_fdt_size(r.s)), 0);
	EXPECT_EQ(fdt_getprop(fdt, 0, "fsl,liodn", nullptr), nullptr);
	EXPECT_EQ(mp.skipped, 0u);
	EXPECT_EQ(soc_fw_rows_skipped(r.s), mp.disabled_unplaced);
	EXPECT_GE(mp.expect.size(), 15u);
	for (const row_expect &e : mp.expect) {
		const soc_fw_liodn &row = p.liodns[e.row];
		std::vector<uint32_t> want(row.liodn, row.liodn + row.cells);
		const soc_device *d;

		if (e.path.empty())
			continue;
		paths.insert(e.path);
		EXPECT_EQ(cells(fx, fdt_path_offset(fx, e.path.c_str()), "fsl,liodn"), want) << e.path;
		d = soc_find_device(r.s, e.path.c_str());
		ASSERT_NE(d, nullptr) << e.path;
		EXPECT_EQ(d->cells, row.cells);
		EXPECT_EQ(d->liodn[0], row.liodn[0]);
		EXPECT_EQ(d->pamu, e.pamu) << e.path;
	}
	EXPECT_EQ(soc_device_count(r.s), paths.size());
	for (const auto &reg : mp.regs)
		EXPECT_EQ(r.rd(CCSR + reg.first), reg.second) << "LIODN register at CCSR + 0x" << std::hex << reg.first;
	// the tree keeps no hypervisor properties
	EXPECT_LT(fdt_node_offset_by_prop_value(fx, -1, "fsl,msi", nullptr, 0), 0);
	for (int n = fdt_next_node(fx, -1, nullptr); n >= 0; n = fdt_next_node(fx, n, nullptr)) {
		EXPECT_EQ(fdt_getprop(fx, n, "msi-address-64", nullptr), nullptr);
		EXPECT_EQ(fdt_getprop(fx, n, "fsl,msi", nullptr), nullptr);
	}
}

// cache-stash-id: cpu 2 * reg + 32; L2 per core 2 * reg + 33 or per e6500 cluster reg / 4 + 33; L3 1.
TEST_P(Soc, StashIds)
{
	const void *fx = soc_get_fdt(r.s);
	int cpus = fdt_path_offset(fx, "/cpus");
	unsigned int ncpu = 0, nthreads = 0, nl3 = 0;

	ASSERT_GE(cpus, 0);
	for (int c = fdt_first_subnode(fx, cpus); c >= 0; c = fdt_next_subnode(fx, c)) {
		std::vector<uint32_t> reg = cells(fx, c, "reg"), nlc = cells(fx, c, "next-level-cache");

		if (reg.empty())
			continue;
		ncpu++;
		nthreads += (unsigned int)reg.size();
		EXPECT_EQ(cells(fx, c, "cache-stash-id"), std::vector<uint32_t>{2 * reg[0] + 32}) << path_of(fx, c);
		ASSERT_EQ(nlc.size(), 1u);
		int l2 = fdt_node_offset_by_phandle(fx, nlc[0]);
		std::vector<uint32_t> got = cells(fx, l2, "cache-stash-id");

		if (GetParam().fam->l2 == SOC_L2_STASH_PER_CORE)
			EXPECT_EQ(got, std::vector<uint32_t>{2 * reg[0] + 33}) << path_of(fx, l2);
		else
			EXPECT_EQ(got, std::vector<uint32_t>{(reg[0] & ~7u) / 4 + 33}) << path_of(fx, l2);
	}
	EXPECT_GT(ncpu, 0u);
	EXPECT_EQ(soc_cpu_count(r.s), nthreads);
	EXPECT_EQ(mpic_get_cfg(soc_get_mpic(r.s))->cpu_count, nthreads);
	for (int n = fdt_next_node(fx, -1, nullptr); n >= 0; n = fdt_next_node(fx, n, nullptr)) {
		const char *c = static_cast<const char *>(fdt_getprop(fx, n, "compatible", nullptr));

		if (c && strstr(c, "-l3-cache-controller")) {
			nl3++;
			EXPECT_EQ(cells(fx, n, "cache-stash-id"), std::vector<uint32_t>{1}) << path_of(fx, n);
		}
	}
	EXPECT_EQ(nl3, 1u);
}

// PAMUBYPENR written through the bus drives each PAMU's bypass input (bit 0x80000000 >> n).
TEST_P(Soc, BypassWiring)
{
	uint64_t reg = CCSR + 0xe0604;
	unsigned int n, count = soc_pamu_count(r.s);
	uint32_t v = 0;

	for (n = 0; n < count; n++)
		EXPECT_TRUE(pamu_get_bypass(soc_get_pamu(r.s, n))) << "PAMU " << n << " bypassed at reset";
	for (n = 0; n < count; n += 2)
		v |= 0x80000000u >> n;	// keep the even ones bypassed
	r.wr(reg, v);
	for (n = 0; n < count; n++)
		EXPECT_EQ(pamu_get_bypass(soc_get_pamu(r.s, n)), n % 2 == 0) << "PAMU " << n;
	r.wr(reg, 0);
	for (n = 0; n < count; n++)
		EXPECT_FALSE(pamu_get_bypass(soc_get_pamu(r.s, n))) << "PAMU " << n;
}

// A DMA that violates its window raises the PAMU's AV line; the MPIC presents source 24 to CPU 0.
TEST_P(Soc, PamuAvInterrupt)
{
	unsigned int last = soc_pamu_count(r.s) - 1;
	uint8_t buf[8] = {};
	pamu_result res;
	uint16_t liodn = 0x55;

	r.enable_pamus();
	r.write_paace(liodn, 0, 0x0b, 3, true);	// a 4 KiB window at 0
	r.mpic_route(24, 0x77, 9, true);
	EXPECT_FALSE(r.cpu0);
	// inside the window: no fault
	EXPECT_EQ(soc_dma(r.s, last, liodn, 0x100, buf, 8, PAMU_OP_READ, &res), SOC_BUS_OK);
	EXPECT_EQ(res.kind, PAMU_XLATE_OK);
	EXPECT_FALSE(r.cpu0);
	// outside: fault, nothing read, line up
	memset(buf, 0xa5, sizeof(buf));
	EXPECT_EQ(soc_dma(r.s, last, liodn, 0x200000, buf, 8, PAMU_OP_READ, &res), SOC_BUS_OK);
	EXPECT_EQ(res.kind, PAMU_XLATE_FAULT);
	EXPECT_EQ(buf[0], 0xa5);
	EXPECT_TRUE(r.cpu0);
	EXPECT_TRUE(mpic_irq_output(soc_get_mpic(r.s), 0));
	EXPECT_EQ(r.rd(soc_pamu_base(r.s, last) + 0x50) >> 16, liodn) << "AVS1 LIODN";
	EXPECT_EQ(r.rd(soc_mpic_base(r.s) + 0x200a0), 0x77u) << "IACK of CPU 0";
	EXPECT_FALSE(r.cpu0) << "in service: nothing else to present";
	// the ISR clears PICS.AVS (write 1 to clear), the line drops, EOI leaves nothing pending
	r.wr(soc_pamu_base(r.s, last) + 0xc1c, r.rd(soc_pamu_base(r.s, last) + 0xc1c));
	r.wr(soc_mpic_base(r.s) + 0x200b0, 0);
	EXPECT_FALSE(r.cpu0);
	EXPECT_FALSE(mpic_src_pending(soc_get_mpic(r.s), 24));
}

// A table fetch error raises the PAMU's operation-error line: error sub-source 30 (1 on B4) in EISR0.
TEST_P(Soc, PamuErrorInterrupt)
{
	uint64_t b = soc_pamu_base(r.s, 0), mb = soc_mpic_base(r.s);
	uint8_t buf[4];
	pamu_result res;
	unsigned int sub = GetParam().fam->err_sub;

	r.enable_pamus();
	r.wr(b + 0x0, 0x8);	// PPAACT at 32 GiB: nothing decodes there
	r.wr(b + 0x4, 0);
	r.wr(b + 0x8, 0x8);
	r.wr(b + 0xc, 0x14000);
	r.mpic_route(16, 0x10, 7, true);
	EXPECT_EQ(r.rd(mb + 0x3900), 0u);
	soc_dma(r.s, 0, 1, 0x1000, buf, 4, PAMU_OP_READ, &res);
	EXPECT_EQ(res.kind, PAMU_XLATE_FAULT);
	EXPECT_EQ(res.fault, PAMU_FAULT_TABLE_FETCH);
	EXPECT_EQ(r.rd(mb + 0x3900), 1u << (31 - sub)) << "EISR0";
	EXPECT_TRUE(r.cpu0);
	EXPECT_EQ(mpic_cpu_iack(soc_get_mpic(r.s), 0), 0x10u);
}

// A device writes MSI data through its PAMU (64 GiB identity window) to each bank's alias register;
// the MSI lands in the MSIR the data word selects (hw-facts.md 12.2), nowhere else.
TEST_P(Soc, MsiThroughPamu)
{
	const family &f = *GetParam().fam;
	mpic *m = soc_get_mpic(r.s);
	uint16_t liodn = 0x77;
	pamu_result res;

	r.enable_pamus();
	r.write_paace(liodn, 0, 35, 3, true);
	for (unsigned int k = 0; k < f.banks; k++) {
		unsigned int srs = (k + 2) % (f.v43 ? 16 : 8), ibs = 7 + k;
		uint32_t d = f.v43 ? ibs << 4 | srs : srs << 5 | ibs;
		uint8_t le[4] = {(uint8_t)d, (uint8_t)(d >> 8), (uint8_t)(d >> 16), (uint8_t)(d >> 24)};
		uint64_t target = soc_mpic_base(r.s) + mpic_msi_target(m, k);

		EXPECT_EQ(soc_dma(r.s, k % soc_pamu_count(r.s), liodn, target, le, 4, PAMU_OP_WRITE, &res), SOC_BUS_OK);
		EXPECT_EQ(res.kind, PAMU_XLATE_OK);
		EXPECT_EQ(res.paddr, target);
		for (unsigned int b = 0; b < f.banks; b++)
			for (unsigned int n = 0; n < (f.v43 ? 16u : 8u); n++)
				EXPECT_EQ(mpic_msir_peek(m, b, n), b == k && n == srs ? 1u << ibs : 0u)
					<< "bank " << b << " MSIR " << n << " after the MSI to bank " << k;
		r.rd(soc_mpic_base(r.s) + mpic_get_cfg(m)->banks[k].base + 0x10 * srs);	// clear on read
	}
	EXPECT_EQ(r.count(SIM_EV_REGISTER_MISUSE), 0u);
}

INSTANTIATE_TEST_SUITE_P(, Soc, ::testing::ValuesIn(boards()), param_name);
