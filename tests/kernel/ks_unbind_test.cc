// SPDX-License-Identifier: BSD-2-Clause
// ks_unbind_test.cc - Platform.Unbind_Linux<ver>_T4240: the driver core's unbind on every kernel variant:
// MSI bank 0 (the first node compatible with fsl,mpic-msi or fsl,mpic-msi-v4.3 in the fixed-up tree) is
// unbound through the MSI driver's remove (fsl_of_msi_remove), a second unbind finds no driver, and the PAMU
// driver, which has no remove in any version, refuses. Shutdown then reports no finding.
// Sources: ../shared/spec/kernel-surface.md 4 (struct platform_driver .remove), 10.6 (fsl_of_msi_remove).
#include <cerrno>
#include <cstring>

#include "ks_scenario.h"

using namespace ks_test;

namespace {

class unbind_test : public ::testing::Test {
public:
	unbind_test(variant v, std::string soc) : v_(std::move(v)), soc_(std::move(soc)) {}
	void TestBody() override;

private:
	variant v_;
	std::string soc_;
};

// Path of the first node (tree order) compatible with any of compats, "" if none.
std::string first_compatible(const void *fdt, std::initializer_list<const char *> compats)
{
	int best = -1;
	char path[256];

	for (const char *c : compats) {
		int off = fdt_node_offset_by_compatible(fdt, -1, c);

		if (off >= 0 && (best < 0 || off < best))
			best = off;
	}
	if (best < 0 || fdt_get_path(fdt, best, path, sizeof(path)))
		return "";
	return path;
}

// A driver bound to a device on the node at path (several devices may share a node: the PAMU driver adds
// fsl-of-pamu on its node): nullptr if none; *found says whether any device is on that node.
const char *bound_driver(const ks_api *api, const std::string &path, bool *found)
{
	*found = false;
	for (unsigned int i = 0; i < api->dev_count(); i++) {
		ks_dev_info info{};

		api->dev_info(i, &info);
		if (info.path && path == info.path) {
			*found = true;
			if (info.driver)
				return info.driver;
		}
	}
	return nullptr;
}

void unbind_test::TestBody()
{
	scenario sc;

	sc.start(v_, soc_);
	if (HasFatalFailure())
		return;
	const ks_api *api = sc.api;
	std::string msi = first_compatible(sc.hs.host.fdt, {"fsl,mpic-msi", "fsl,mpic-msi-v4.3"});
	std::string pamu = first_compatible(sc.hs.host.fdt, {"fsl,pamu"});
	ASSERT_FALSE(msi.empty()) << "no MSI bank in the tree";
	ASSERT_FALSE(pamu.empty()) << "no PAMU node in the tree";

	bool found = false;
	ASSERT_NE(bound_driver(api, msi, &found), nullptr) << msi << " has no driver after boot";
	ASSERT_NE(bound_driver(api, pamu, &found), nullptr) << pamu << " has no driver after boot";

	ks_mem_stats before{}, after{};
	api->mem_stats(&before);
	int err = 1;
	ASSERT_EQ(api->driver_unbind(msi.c_str(), &err), KS_OK) << err;
	EXPECT_EQ(err, 0);
	EXPECT_EQ(bound_driver(api, msi, &found), nullptr);
	EXPECT_TRUE(found) << "the device stays after its driver is unbound";
	api->mem_stats(&after);
	EXPECT_GT(after.frees, before.frees) << "remove freed nothing";
	EXPECT_LT(after.live, before.live);

	err = 0;
	EXPECT_EQ(api->driver_unbind(msi.c_str(), &err), KS_ERROR);
	EXPECT_EQ(err, -ENODEV) << "second unbind";

	err = 0;
	EXPECT_EQ(api->driver_unbind(pamu.c_str(), &err), KS_ERROR);
	EXPECT_EQ(err, -EBUSY) << "the PAMU driver has no remove";
	EXPECT_NE(bound_driver(api, pamu, &found), nullptr) << "a refused unbind keeps the driver";

	err = 0;
	EXPECT_EQ(api->driver_unbind("/no/such/node", &err), KS_ERROR);
	EXPECT_EQ(err, -ENODEV);
	EXPECT_EQ(sc.shutdown(), 0u);
}

int register_tests()
{
	for (const auto &v : variants())
		for (const char *soc : {"t4240"})
			::testing::RegisterTest("Platform", ("Unbind_" + test_name(v.name, soc)).c_str(), nullptr,
						nullptr, __FILE__, __LINE__,
						[=]() -> ::testing::Test * { return new unbind_test(v, soc); });
	return 0;
}

const int registered = register_tests();

} // namespace
