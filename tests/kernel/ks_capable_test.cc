// SPDX-License-Identifier: BSD-2-Clause
// ks_capable_test.cc - Iommu.Capable_Linux<ver>_<SOC>: the driver's capable op through the core, on every
// kernel variant: the PAMU domain driver answers cache coherency and nothing else (its capable op in
// fsl_pamu_domain.c of 5.10, 6.1 and 6.12), and the core's argument checks.
// Sources: ../shared/spec/kernel-surface.md 4 (IOMMU core entries), 5 (the capable signature change).
#include <cerrno>
#include <cstring>

#include "ks_scenario.h"

using namespace ks_test;

namespace {

class capable_test : public ::testing::Test {
public:
	capable_test(variant v, std::string soc) : v_(std::move(v)), soc_(std::move(soc)) {}
	void TestBody() override;

private:
	variant v_;
	std::string soc_;
};

void capable_test::TestBody()
{
	scenario sc;

	sc.start(v_, soc_);
	if (HasFatalFailure())
		return;
	const ks_api *api = sc.api;
	const soc_device *dev = first_dma_device(sc.s);
	ASSERT_NE(dev, nullptr) << "no DMA controller with fsl,liodn";

	bool yes = false;
	int err = 0;
	ASSERT_EQ(api->iommu_capable(dev->path, KS_IOMMU_CAP_CACHE_COHERENCY, &yes, &err), KS_OK) << err;
	EXPECT_TRUE(yes) << "the PAMU keeps DMA coherent";
	yes = true;
	ASSERT_EQ(api->iommu_capable(dev->path, KS_IOMMU_CAP_INTR_REMAP, &yes, &err), KS_OK) << err;
	EXPECT_FALSE(yes) << "no interrupt remapping on PAMU";
	yes = true;
	ASSERT_EQ(api->iommu_capable(dev->path, KS_IOMMU_CAP_NOEXEC, &yes, &err), KS_OK) << err;
	EXPECT_FALSE(yes);
	EXPECT_EQ(api->iommu_capable("/no/such/node", KS_IOMMU_CAP_CACHE_COHERENCY, &yes, &err), KS_ERROR);
	EXPECT_EQ(err, -ENODEV);
	EXPECT_EQ(api->iommu_capable(dev->path, KS_IOMMU_CAP_COUNT, &yes, &err), KS_ERROR);
	EXPECT_EQ(err, -EINVAL);
	EXPECT_EQ(sc.shutdown(), 0u);
}

int register_tests()
{
	for (const auto &v : variants())
		for (const char *soc : {"t4240", "p4080"})
			::testing::RegisterTest("Iommu", ("Capable_" + test_name(v.name, soc)).c_str(), nullptr, nullptr,
						__FILE__, __LINE__,
						[=]() -> ::testing::Test * { return new capable_test(v, soc); });
	return 0;
}

const int registered = register_tests();

} // namespace
