// SPDX-License-Identifier: BSD-2-Clause
// ks_boot_test.cc - Boot.Linux<ver>_<SOC>: each kernel variant boots its real PAMU (and, where built,
// MSI) drivers on a SoC built from the kernel's board DTB and the SoC preset, and the models show the
// result: every PAMU block programmed (table bases in simulated DRAM, PICS, PC), PAMUBYPENR cleared,
// every LIODN of the tree translating identity through the PAMU model, the AV interrupt requested, no
// findings and no leaks except the known ones (kernel-stubs/known-findings.yaml).
// Sources: ../shared/spec/kernel-surface.md 7.1 (boot sequence and register values), hw-facts.md 2-4
// (PAMU register offsets), 8.1 (A-004510 LAW/CSD), docs/kernel-stubs.md.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "hx_known.h"
#include "ks_host_soc.h"
#include "ks_scenario.h"
#include "pamusim_config.h"

namespace {

// PAMU registers (hw-facts.md 3; the driver's fsl_pamu.h offsets)
constexpr uint32_t PPBAH = 0x00, PPBAL = 0x04, PPLAH = 0x08, PPLAL = 0x0c;
constexpr uint32_t SPBAH = 0x10, SPBAL = 0x14, OBAH = 0x20, OBAL = 0x24;
constexpr uint32_t PICS = 0xc1c, PC = 0xc10;
constexpr uint32_t GUTS_PAMUBYPENR = 0x604;

using ks_test::split;
using ks_test::test_name;
using ks_test::variant;

std::vector<uint8_t> read_file(const std::string &path)
{
	std::ifstream f(path, std::ios::binary);

	return std::vector<uint8_t>(std::istreambuf_iterator<char>(f), {});
}

// Known findings come from kernel-stubs/known-findings.yaml through the harness's own loader (harness/
// hx_known.c), so this test and pamusim judge driver findings by one list read one way.
bool is_known(const ks_api *api, const ks_finding *f)
{
	return hx_known_match(api->name, f->file ? f->file : "", f->func ? f->func : "",
			      api->finding_kind_name(f->kind)) != nullptr;
}

class boot : public ::testing::Test {
public:
	boot(variant v, std::string soc) : v_(std::move(v)), soc_name_(std::move(soc)) {}
	void TestBody() override;

private:
	variant v_;
	std::string soc_name_;
};

void boot::TestBody()
{
	soc_preset preset{};
	soc_error err{};
	std::string ppath = std::string(PAMUSIM_SOCS_DIR) + "/" + soc_name_ + ".yaml";

	ASSERT_EQ(soc_preset_load(ppath.c_str(), &preset, &err), SOC_PRESET_OK) << err.msg;
	std::string dtb_path = std::string(PAMUSIM_DTB_DIR) + "/" + preset.board + ".dtb";
	std::vector<uint8_t> dtb = read_file(dtb_path);
	ASSERT_FALSE(dtb.empty()) << dtb_path;

	soc_cfg cfg{};
	cfg.preset = &preset;
	cfg.rev = preset.default_rev;
	cfg.dtb = dtb.data();
	cfg.dtb_size = dtb.size();
	cfg.dtb_name = dtb_path.c_str();
	soc *s = nullptr;
	ASSERT_EQ(soc_create(&cfg, &s, &err), SOC_OK) << err.msg;

	ks_host_soc hs;
	ASSERT_EQ(ks_host_soc_init(&hs, s), 0);
	if (getenv("PAMUSIM_KS_LOG"))
		hs.log_level = (unsigned int)atoi(getenv("PAMUSIM_KS_LOG"));
	char lerr[512];
	void *handle = nullptr;
	const ks_api *api = ks_host_load(v_.lib.c_str(), &handle, lerr, sizeof(lerr));
	ASSERT_NE(api, nullptr) << lerr;

	ASSERT_EQ(api->boot(&hs.host), KS_OK);
	hx_error kerr{};
	ASSERT_TRUE(hx_known_ensure(&kerr)) << kerr.msg;

	// every PAMU block programmed with the same tables, which lie in the kernel's DRAM arena
	unsigned int n = soc_pamu_count(s);
	ASSERT_GT(n, 0u);
	uint64_t ppaact = 0;
	for (unsigned int i = 0; i < n; i++) {
		pamu *p = soc_get_pamu(s, i);
		uint64_t pp = (uint64_t)pamu_reg_read(p, PPBAH, 4) << 32 | pamu_reg_read(p, PPBAL, 4);
		uint64_t pl = (uint64_t)pamu_reg_read(p, PPLAH, 4) << 32 | pamu_reg_read(p, PPLAL, 4);
		uint64_t sp = (uint64_t)pamu_reg_read(p, SPBAH, 4) << 32 | pamu_reg_read(p, SPBAL, 4);
		uint64_t om = (uint64_t)pamu_reg_read(p, OBAH, 4) << 32 | pamu_reg_read(p, OBAL, 4);

		if (i == 0)
			ppaact = pp;
		EXPECT_EQ(pp, ppaact) << "PAMU " << i;
		EXPECT_GE(pp, hs.host.arena_phys) << "PAMU " << i;
		EXPECT_LT(pp, hs.host.arena_phys + hs.host.arena_size) << "PAMU " << i;
		EXPECT_EQ(pp & 0x7ffff, 0u) << "PPAACT not 512 KiB aligned, PAMU " << i;
		EXPECT_EQ(pl - pp, 0x500u * 64) << "PPAACT limit, PAMU " << i;	// PAACE_NUMBER_ENTRIES
		EXPECT_EQ(sp, pp + 0x20000) << "SPAACT base, PAMU " << i;
		EXPECT_EQ(om, pp + 0x40000) << "OMT base, PAMU " << i;
		EXPECT_EQ(pamu_reg_read(p, PICS, 4) & 0x4u, 0x4u) << "AV interrupt enable, PAMU " << i;
		EXPECT_EQ(pamu_reg_read(p, PC, 4), 0x40001011u) << "PC, PAMU " << i;
		EXPECT_FALSE(pamu_get_bypass(p)) << "PAMU " << i << " still bypassed";
	}
	uint64_t byp = ~0ull;
	ASSERT_EQ(soc_cpu_load(s, soc_guts_base(s) + GUTS_PAMUBYPENR, 4, &byp), SOC_BUS_OK);
	uint32_t mask = n >= 32 ? ~0u : (~0u << (32 - n));
	EXPECT_EQ((uint32_t)byp & mask, 0u) << "PAMUBYPENR";

	// every LIODN of the tree gets a valid PAACE: identity translation of a read and a write
	unsigned int checked = 0;
	for (unsigned int d = 0; d < soc_device_count(s); d++) {
		const soc_device *dev = soc_get_device(s, d);

		for (unsigned int c = 0; c < dev->cells; c++) {
			uint64_t addr = 0x40000000ull + 0x1000 * d;	// DRAM outside the kernel arena
			uint32_t buf = 0x5a5a0000u + d;
			pamu_result res{};

			EXPECT_EQ(soc_dma(s, dev->pamu, (uint16_t)dev->liodn[c], addr, &buf, 4, PAMU_OP_WRITE, &res),
				  SOC_BUS_OK);
			EXPECT_EQ(res.kind, PAMU_XLATE_OK) << dev->path << " LIODN " << dev->liodn[c] << " fault "
							   << pamu_fault_name(res.fault);
			EXPECT_EQ(res.paddr, addr) << dev->path;
			buf = 0;
			soc_dma(s, dev->pamu, (uint16_t)dev->liodn[c], addr, &buf, 4, PAMU_OP_READ, &res);
			EXPECT_EQ(res.kind, PAMU_XLATE_OK) << dev->path;
			EXPECT_EQ(buf, 0x5a5a0000u + d) << dev->path;
			checked++;
		}
	}
	EXPECT_GT(checked, 10u);
	// a LIODN no device has is not valid
	pamu_result res{};
	uint32_t buf = 0;
	soc_dma(s, 0, 0x4ff, 0x40000000ull, &buf, 4, PAMU_OP_READ, &res);
	EXPECT_EQ(res.kind, PAMU_XLATE_FAULT);

	// the access-violation interrupt is requested
	EXPECT_NE(api->irq_requested("pamu"), 0u);

	// A-004510 SoCs (P4080 rev 2.0...): the driver put its tables in a coherence subdomain: a LAW
	// covering them, below the DDR LAW (hw-facts.md 8.1)
	if (soc_law_base(s) && preset.name == std::string("p4080")) {
		uint8_t *law = (uint8_t *)soc_bus_dram_ptr(soc_get_bus(s), soc_law_base(s) + 0xc00, 32 * 16);
		bool found = false;

		ASSERT_NE(law, nullptr);
		for (unsigned int i = 0; i < 32; i++) {
			uint32_t *e = (uint32_t *)(law + 16 * i);
			uint64_t base = (uint64_t)e[0] << 32 | e[1];

			if ((e[2] & 0x80000000u) && base == ppaact)
				found = true;
		}
		EXPECT_TRUE(found) << "no enabled LAW at the PAMU tables (create_csd)";
	}

	ks_mem_stats ms{};
	api->mem_stats(&ms);
	printf("%s on %s: %u PAMUs, %u LIODNs checked, %llu allocations (%llu live), %llu KiB of arena, "
	       "%lu fallible calls, %u platform devices\n", api->name, soc_name_.c_str(), n, checked,
	       (unsigned long long)ms.allocs, (unsigned long long)ms.live,
	       (unsigned long long)ms.arena_used >> 10, api->fallible_count(), api->dev_count());
	EXPECT_EQ(api->shutdown(), KS_OK);
	unsigned int unknown = 0;
	for (unsigned int i = 0; i < api->finding_count(); i++) {
		const ks_finding *f = api->finding(i);
		bool k = is_known(api, f);

		if (!k)
			unknown++;
		printf("%s finding %s at %s:%d (%s): %s\n", k ? "known" : "UNEXPECTED", api->finding_kind_name(f->kind),
		       f->file, f->line, f->func, f->msg);
	}
	EXPECT_EQ(unknown, 0u);
	EXPECT_EQ(hs.mmio_unmapped, 0u);
	ks_host_unload(handle);
	soc_destroy(s);
}

int register_tests()
{
	for (const auto &vs : split(KS_VARIANTS, ',')) {
		auto eq = vs.find('=');
		variant v{vs.substr(0, eq), vs.substr(eq + 1)};

		for (const auto &soc : split(KS_BOOT_SOCS, ','))
			::testing::RegisterTest("Boot", test_name(v.name, soc).c_str(), nullptr, nullptr, __FILE__,
						__LINE__, [=]() -> ::testing::Test * { return new boot(v, soc); });
	}
	return 0;
}

const int registered = register_tests();

} // namespace
