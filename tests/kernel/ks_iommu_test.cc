// SPDX-License-Identifier: BSD-2-Clause
// ks_iommu_test.cc - Iommu.Linux<ver>_<SOC> (6.1, 6.12): the IOMMU core's API on the real PAMU domain
// driver: allocate a domain, attach a platform device and a PCIe endpoint, configure L1 stash, DMA
// translates identity with CID = CPU 0's stash id, iova_to_phys is identity, detach, and DMA from the
// detached device faults (A-003638 revisions: the ISR's A-003638 branch turns AV reporting off).
// Sources: ../shared/spec/kernel-surface.md 5, 7.2, 10.6, 11; hw-facts.md 11 (cache-stash-id).
#include <cerrno>
#include <cstring>

#include <libfdt.h>

#include "ks_scenario.h"

using namespace ks_test;

namespace {

constexpr uint32_t PICS = 0xc1c, PICS_AVIE = 0x4;


class iommu_test : public ::testing::Test {
public:
	iommu_test(variant v, std::string soc) : v_(std::move(v)), soc_(std::move(soc)) {}
	void TestBody() override;

private:
	variant v_;
	std::string soc_;
};

void iommu_test::TestBody()
{
	scenario sc;

	sc.start(v_, soc_);
	if (HasFatalFailure())
		return;
	const ks_api *api = sc.api;
	const soc_device *dev = first_dma_device(sc.s);
	ASSERT_NE(dev, nullptr) << "no DMA controller with fsl,liodn";
	const soc_device *ctl = soc_find_device(sc.s, api->pci_path(0));
	ASSERT_NE(ctl, nullptr);
	int sid = cpu0_stash_id(soc_get_fdt(sc.s));
	ASSERT_GE(sid, 0) << "cpu 0 has no cache-stash-id";

	int id = -1, err = 0;
	ASSERT_EQ(api->iommu_domain_alloc(&id, &err), KS_OK) << err;
	// argument checks of the core
	EXPECT_EQ(api->iommu_attach(id, "/no/such/node", &err), KS_ERROR);
	EXPECT_EQ(api->iommu_detach(id, dev->path, &err), KS_ERROR) << "detach of a device never attached";
	ASSERT_EQ(api->iommu_attach(id, dev->path, &err), KS_OK) << dev->path << " " << err;
	ASSERT_EQ(api->iommu_attach(id, "pci:0", &err), KS_OK) << err;
	ASSERT_EQ(api->iommu_configure_stash(id, 0, &err), KS_OK) << err;
	uint64_t phys = 0;
	ASSERT_EQ(api->iommu_iova_to_phys(id, 0x123456000ull, &phys, &err), KS_OK);
	EXPECT_EQ(phys, 0x123456000ull);
	ks_iommu_attr_val av{};
	av.windows = 1;
	EXPECT_EQ(api->iommu_set_attr(id, KS_IOMMU_ATTR_WINDOWS, &av, &err), KS_ERROR);
	EXPECT_EQ(err, -ENOSYS) << "6.x has no domain attributes";
	EXPECT_EQ(api->iommu_window_enable(id, 0, 0, 1ull << 30, KS_IOMMU_READ, &err), KS_ERROR);
	EXPECT_EQ(err, -ENOSYS) << "6.x has no window_enable";

	uint32_t buf = 0x1234;
	pamu_result res{};
	for (unsigned int c = 0; c < dev->cells; c++) {
		EXPECT_EQ(soc_dma(sc.s, dev->pamu, (uint16_t)dev->liodn[c], 0x40000000ull, &buf, 4, PAMU_OP_WRITE, &res),
			  SOC_BUS_OK);
		EXPECT_EQ(res.kind, PAMU_XLATE_OK) << pamu_fault_name(res.fault);
		EXPECT_EQ(res.paddr, 0x40000000ull);
		EXPECT_EQ(res.stash_id, (uint8_t)sid) << "LIODN " << dev->liodn[c];
	}
	soc_dma(sc.s, ctl->pamu, (uint16_t)ctl->liodn[0], 0x40001000ull, &buf, 4, PAMU_OP_WRITE, &res);
	EXPECT_EQ(res.kind, PAMU_XLATE_OK);
	EXPECT_EQ(res.stash_id, (uint8_t)sid) << "PCIe controller LIODN";

	EXPECT_EQ(api->iommu_domain_free(id, &err), KS_ERROR) << "free of an attached domain";
	ASSERT_EQ(api->iommu_detach(id, dev->path, &err), KS_OK) << err;
	ASSERT_EQ(api->iommu_detach(id, "pci:0", &err), KS_OK) << err;
	EXPECT_FALSE(sc.irq_level);
	soc_dma(sc.s, dev->pamu, (uint16_t)dev->liodn[0], 0x40000000ull, &buf, 4, PAMU_OP_WRITE, &res);
	EXPECT_EQ(res.kind, PAMU_XLATE_FAULT);
	EXPECT_EQ(res.fault, PAMU_FAULT_PAACE_INVALID) << pamu_fault_name(res.fault);
	pamu *p = soc_get_pamu(sc.s, dev->pamu);
	if (soc_get_rev(sc.s)->erratum_a003638) {
		ASSERT_TRUE(sc.irq_level);
		EXPECT_GE(sc.service(), 1u);
		EXPECT_EQ(pamu_reg_read(p, PICS, 4) & PICS_AVIE, 0u) << "A-003638 branch not taken";
	} else {
		EXPECT_FALSE(sc.irq_level);
		EXPECT_EQ(pamu_reg_read(p, PICS, 4) & PICS_AVIE, PICS_AVIE);
	}
	EXPECT_EQ(api->iommu_domain_free(id, &err), KS_OK) << err;
	EXPECT_EQ(sc.shutdown([](const ks_finding *f) {
		return f->kind == KS_FINDING_EMERG && !strcmp(f->func, "pamu_av_isr");
	}), 0u);
}

int register_tests()
{
	for (const auto &v : variants()) {
		if (v.name.rfind("5.10", 0) == 0)	// 5.10 and the variants of its tree
			continue;	// 5.10's windowed API: ks_iommu510_test.cc
		for (const char *soc : {"t4240", "p4080"})
			::testing::RegisterTest("Iommu", test_name(v.name, soc).c_str(), nullptr, nullptr, __FILE__,
						__LINE__, [=]() -> ::testing::Test * { return new iommu_test(v, soc); });
	}
	return 0;
}

const int registered = register_tests();

} // namespace
