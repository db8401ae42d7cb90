// SPDX-License-Identifier: BSD-2-Clause
// audit_test.cc - the MSI-bank isolation audit (harness/hx_audit.c, docs/audit.md) on every SoC preset.
// The expected bank pages come from the fixed-up device tree read here with libfdt (an msi node's second
// reg entry is its bank's MSIIR alias; hw-facts.md 12.4), not from model/mpic, which the audit uses.
#include <gtest/gtest.h>
#include <libfdt.h>

#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "hx_audit.h"
#include "pamusim_config.h"
#include "soc.h"
#include "soc_preset.h"

namespace {

struct soc_deleter {
	void operator()(soc *s) const { soc_destroy(s); }
};
using soc_ptr = std::unique_ptr<soc, soc_deleter>;

struct built {
	soc_preset preset{};
	std::vector<uint8_t> dtb;
	soc_ptr s;
};

std::unique_ptr<built> build(const std::string &name)
{
	auto b = std::make_unique<built>();
	soc_error err{};
	std::string ppath = std::string(PAMUSIM_SOCS_DIR) + "/" + name + ".yaml";

	EXPECT_EQ(soc_preset_load(ppath.c_str(), &b->preset, &err), SOC_PRESET_OK) << err.msg;
	std::string dpath = std::string(PAMUSIM_DTB_DIR) + "/" + b->preset.board + ".dtb";
	std::ifstream f(dpath, std::ios::binary);
	b->dtb.assign(std::istreambuf_iterator<char>(f), {});
	EXPECT_FALSE(b->dtb.empty()) << dpath;
	soc_cfg cfg{};
	cfg.preset = &b->preset;
	cfg.rev = b->preset.default_rev;
	cfg.dtb = b->dtb.data();
	cfg.dtb_size = b->dtb.size();
	cfg.dtb_name = dpath.c_str();
	soc *s = nullptr;
	EXPECT_EQ(soc_create(&cfg, &s, &err), SOC_OK) << err.msg;
	b->s.reset(s);
	return b;
}

// MSI nodes of the fixed-up tree in tree order: (in-bank register block, alias register or 0).
struct tree_bank {
	uint64_t regs;
	uint64_t alias;
};

uint64_t read_cells(const fdt32_t *p, int n)
{
	uint64_t v = 0;

	for (int i = 0; i < n; i++)
		v = v << 32 | fdt32_to_cpu(p[i]);
	return v;
}

std::vector<tree_bank> tree_banks(const void *fdt, uint64_t ccsr)
{
	std::vector<tree_bank> out;
	int off = -1;

	while ((off = fdt_next_node(fdt, off, nullptr)) >= 0) {
		if (fdt_node_check_compatible(fdt, off, "fsl,mpic-msi") &&
		    fdt_node_check_compatible(fdt, off, "fsl,mpic-msi-v4.3"))
			continue;
		int parent = fdt_parent_offset(fdt, off);
		int ac = fdt_address_cells(fdt, parent), sc = fdt_size_cells(fdt, parent), len = 0;
		auto *reg = static_cast<const fdt32_t *>(fdt_getprop(fdt, off, "reg", &len));
		int entry = (ac + sc) * 4;

		if (!reg || len < entry)
			continue;
		tree_bank b{ccsr + read_cells(reg, ac), 0};
		if (len >= 2 * entry)
			b.alias = ccsr + read_cells(reg + ac + sc, ac);
		out.push_back(b);
	}
	return out;
}

const char *const all_presets[] = { "p4080", "p4080-dt", "p2041", "p3041", "p5020", "p5040", "t1023", "t1024",
				    "t1040", "t1042", "t2080", "t2081", "t4240", "b4420", "b4860" };

} // namespace

TEST(Audit, EveryPresetAgreesWithItsTree)
{
	for (const char *name : all_presets) {
		SCOPED_TRACE(name);
		auto b = build(name);
		ASSERT_TRUE(b->s);
		hx_audit a;
		hx_audit_soc(b->s.get(), name, &a);
		auto tb = tree_banks(soc_get_fdt(b->s.get()), soc_ccsr_base(b->s.get()));
		ASSERT_EQ(a.nbanks, tb.size());
		ASSERT_GT(a.nbanks, 0u);
		bool all_alone = true;
		for (unsigned int k = 0; k < a.nbanks; k++) {
			SCOPED_TRACE(k);
			// with an alias register the bank's MSIs go to a page of its own; without one, to the
			// in-bank MSIIR, whose page holds every bank's registers
			EXPECT_EQ(a.banks[k].via_alias, tb[k].alias != 0);
			if (tb[k].alias) {
				EXPECT_EQ(a.banks[k].page_phys, tb[k].alias & ~0xfffull);
				EXPECT_EQ(a.banks[k].page_reach, 1u << k);
				EXPECT_TRUE(a.banks[k].alone);
			} else {
				EXPECT_EQ(a.banks[k].page_phys, tb[k].regs & ~0xfffull);
				EXPECT_FALSE(a.banks[k].alone);
			}
			all_alone &= a.banks[k].alone;
		}
		EXPECT_EQ(a.hardware_isolates, all_alone);
		hx_audit_judge(&a);
		EXPECT_EQ(a.isolated, all_alone);
	}
}

TEST(Audit, P4080SharedPageFlaggedT4240BanksAlone)
{
	auto p = build("p4080"), t = build("t4240");
	hx_audit ap, at;

	ASSERT_TRUE(p->s && t->s);
	hx_audit_soc(p->s.get(), "p4080", &ap);
	hx_audit_soc(t->s.get(), "t4240", &at);
	ASSERT_EQ(ap.nbanks, 3u);
	for (unsigned int k = 0; k < 3; k++) {
		EXPECT_EQ(ap.banks[k].page_phys, ap.banks[0].page_phys);
		EXPECT_EQ(ap.banks[k].page_reach, 7u);
		EXPECT_TRUE(ap.banks[k].page_other_regs);
	}
	EXPECT_FALSE(ap.hardware_isolates);
	ASSERT_EQ(at.nbanks, 4u);
	for (unsigned int k = 0; k < 4; k++)
		for (unsigned int j = 0; j < k; j++)
			EXPECT_NE(at.banks[k].page_phys, at.banks[j].page_phys);
	EXPECT_TRUE(at.hardware_isolates);
}

TEST(Audit, ContainerVerdictsOnAliasPages)
{
	auto t = build("t4240");
	hx_audit a;

	ASSERT_TRUE(t->s);
	hx_audit_soc(t->s.get(), "t4240", &a);
	EXPECT_EQ(hx_audit_add_map(&a, t->s.get(), "A", 0, a.banks[0].page_phys), 0);
	EXPECT_EQ(hx_audit_add_map(&a, t->s.get(), "B", 1, a.banks[1].page_phys), 1);
	EXPECT_EQ(hx_audit_add_container(&a, "C"), 2);
	hx_audit_judge(&a);
	EXPECT_TRUE(a.containers[0].isolated) << a.containers[0].why;
	EXPECT_TRUE(a.containers[1].isolated) << a.containers[1].why;
	EXPECT_TRUE(a.containers[2].isolated);
	EXPECT_TRUE(a.isolated);
	EXPECT_EQ(a.banks[0].mapped_by, 1u);
	EXPECT_EQ(a.banks[1].mapped_by, 2u);

	// a third container on bank 0: A and it share the bank, B stays isolated
	EXPECT_EQ(hx_audit_add_map(&a, t->s.get(), "D", 0, a.banks[0].page_phys), 3);
	hx_audit_judge(&a);
	EXPECT_FALSE(a.containers[0].isolated);
	EXPECT_NE(std::string(a.containers[0].why).find("bank(s) 0 also reachable by another container"),
		  std::string::npos) << a.containers[0].why;
	EXPECT_FALSE(a.containers[3].isolated);
	EXPECT_TRUE(a.containers[1].isolated);
	EXPECT_FALSE(a.isolated);
	EXPECT_EQ(a.banks[0].mapped_by, 9u);
}

TEST(Audit, ContainerVerdictsOnTheSharedP4080Page)
{
	auto p = build("p4080");
	hx_audit a;

	ASSERT_TRUE(p->s);
	hx_audit_soc(p->s.get(), "p4080", &a);
	// one container, one bank: the page still reaches the other two banks and the core registers
	hx_audit_add_map(&a, p->s.get(), "A", 0, a.banks[0].page_phys);
	hx_audit_judge(&a);
	EXPECT_FALSE(a.containers[0].isolated);
	EXPECT_EQ(a.containers[0].banks_reached, 7u);
	std::string why = a.containers[0].why;
	EXPECT_NE(why.find("reaches bank(s) 1,2 it did not map"), std::string::npos) << why;
	EXPECT_NE(why.find("other MPIC registers"), std::string::npos) << why;
	EXPECT_FALSE(a.isolated);
}

TEST(Audit, BadMapsRefused)
{
	auto t = build("t4240");
	hx_audit a;

	ASSERT_TRUE(t->s);
	hx_audit_soc(t->s.get(), "t4240", &a);
	EXPECT_EQ(hx_audit_add_map(&a, t->s.get(), "A", 4, a.banks[0].page_phys), -1);	// no bank 4
	EXPECT_EQ(hx_audit_add_map(&a, t->s.get(), "A", 0, 0x1000), -1);	// not an MPIC page
	EXPECT_EQ(hx_audit_add_map(&a, t->s.get(), "A", 0, a.mpic_base + 0x40000), -1);	// just past it
	EXPECT_EQ(a.ncontainers, 0u);
	for (unsigned int c = 0; c < HX_AUDIT_MAX_CONTAINERS; c++)
		EXPECT_EQ(hx_audit_add_container(&a, ("c" + std::to_string(c)).c_str()), (int)c);
	EXPECT_EQ(hx_audit_add_container(&a, "one-too-many"), -1);
}
