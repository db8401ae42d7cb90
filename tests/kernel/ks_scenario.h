// SPDX-License-Identifier: BSD-2-Clause
// ks_scenario.h - shared by the kernel-variant scenario tests (MSI, AV interrupt, IOMMU): build a SoC from
// a preset and its board DTB, watch the MPIC's CPU 0 output, load a variant and boot it; findings
// filtering. Sources: kernel-stubs/host/ks_host_soc.h, model/soc/soc.h, docs/kernel-stubs.md.
#ifndef KS_SCENARIO_H
#define KS_SCENARIO_H

#include <gtest/gtest.h>

#include <cctype>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include <libfdt.h>

#include "ks_host_soc.h"
#include "pamusim_config.h"

namespace ks_test {

struct variant {
	std::string name, lib;
};

inline std::vector<std::string> split(const std::string &s, char sep)
{
	std::vector<std::string> out;
	std::stringstream ss(s);
	std::string item;

	while (std::getline(ss, item, sep))
		if (!item.empty())
			out.push_back(item);
	return out;
}

inline std::vector<variant> variants()
{
	std::vector<variant> out;

	for (const auto &vs : split(KS_VARIANTS, ',')) {
		auto eq = vs.find('=');
		out.push_back({vs.substr(0, eq), vs.substr(eq + 1)});
	}
	return out;
}

inline std::string test_name(const std::string &kernel, const std::string &soc)
{
	std::string n = "Linux";

	for (char c : kernel)
		if (isalnum((unsigned char)c))
			n += c;
	n += "_";
	for (char c : soc)
		n += isalnum((unsigned char)c) ? (char)toupper((unsigned char)c) : '_';
	return n;
}

// A booted variant on a SoC. Every step reports through gtest; ok() says whether the boot worked.
struct scenario {
	soc_preset preset{};
	std::vector<uint8_t> dtb;
	soc *s = nullptr;
	ks_host_soc hs{};
	void *handle = nullptr;
	const ks_api *api = nullptr;
	bool irq_level = false;		// MPIC CPU 0 output
	unsigned long irq_edges = 0;	// rising edges seen
	bool booted = false;
	bool shut = false;
	bool expect_dead = false;	// a BUG finding ended the scenario on purpose

	static void cpu_irq(void *ctx, unsigned int cpu, bool level)
	{
		auto *sc = static_cast<scenario *>(ctx);

		if (cpu != 0)
			return;
		if (level && !sc->irq_level)
			sc->irq_edges++;
		sc->irq_level = level;
	}

	void start(const variant &v, const std::string &soc_name)
	{
		soc_error err{};
		std::string ppath = std::string(PAMUSIM_SOCS_DIR) + "/" + soc_name + ".yaml";

		ASSERT_EQ(soc_preset_load(ppath.c_str(), &preset, &err), SOC_PRESET_OK) << err.msg;
		std::string dtb_path = std::string(PAMUSIM_DTB_DIR) + "/" + preset.board + ".dtb";
		std::ifstream f(dtb_path, std::ios::binary);
		dtb.assign(std::istreambuf_iterator<char>(f), {});
		ASSERT_FALSE(dtb.empty()) << dtb_path;
		soc_cfg cfg{};
		cfg.preset = &preset;
		cfg.rev = preset.default_rev;
		cfg.dtb = dtb.data();
		cfg.dtb_size = dtb.size();
		cfg.dtb_name = dtb_path.c_str();
		cfg.cpu_irq_changed = cpu_irq;
		cfg.cpu_irq_ctx = this;
		ASSERT_EQ(soc_create(&cfg, &s, &err), SOC_OK) << err.msg;
		ASSERT_EQ(ks_host_soc_init(&hs, s), 0);
		if (getenv("PAMUSIM_KS_LOG"))
			hs.log_level = (unsigned int)atoi(getenv("PAMUSIM_KS_LOG"));
		char lerr[512];
		api = ks_host_load(v.lib.c_str(), &handle, lerr, sizeof(lerr));
		ASSERT_NE(api, nullptr) << lerr;
		ASSERT_EQ(api->boot(&hs.host), KS_OK);
		booted = true;
	}

	// Run the interrupt handler while the MPIC output is high; returns the handlers run.
	unsigned int service()
	{
		unsigned int total = 0;

		for (int guard = 0; irq_level && guard < 8; guard++) {
			unsigned int n = 0;

			EXPECT_EQ(api->handle_irq(&n), KS_OK);
			total += n;
		}
		return total;
	}

	// Shut down and return the findings not accepted by ok_finding; also checks no unmapped MMIO.
	unsigned int shutdown(const std::function<bool(const ks_finding *)> &ok_finding = nullptr)
	{
		unsigned int bad = 0;

		if (!api || shut)
			return 0;
		shut = true;
		EXPECT_EQ(api->shutdown(), expect_dead ? KS_DEAD : KS_OK);
		for (unsigned int i = 0; i < api->finding_count(); i++) {
			const ks_finding *fd = api->finding(i);
			bool ok = ok_finding && ok_finding(fd);

			if (!ok) {
				bad++;
				printf("UNEXPECTED finding %s at %s:%d (%s): %s\n", api->finding_kind_name(fd->kind),
				       fd->file, fd->line, fd->func, fd->msg);
			}
		}
		EXPECT_EQ(hs.mmio_unmapped, 0u);
		return bad;
	}

	~scenario()
	{
		if (api && booted && !shut)
			api->shutdown();
		ks_host_unload(handle);
		if (s)
			soc_destroy(s);
	}
};


// The first device with fsl,liodn whose compatible names a DMA engine (the tests' DMA initiator), or NULL.
inline const soc_device *first_dma_device(soc *s)
{
	for (unsigned int i = 0; i < soc_device_count(s); i++)
		if (strstr(soc_get_device(s, i)->compatible, "dma"))
			return soc_get_device(s, i);
	return nullptr;
}

// cache-stash-id of the cpu node with reg 0 in the fixed-up tree (what L1 stash on CPU 0 must give)
inline int cpu0_stash_id(const void *fdt)
{
	for (int off = fdt_next_node(fdt, -1, nullptr); off >= 0; off = fdt_next_node(fdt, off, nullptr)) {
		int len = 0;
		const char *dt = (const char *)fdt_getprop(fdt, off, "device_type", &len);
		const fdt32_t *reg = (const fdt32_t *)fdt_getprop(fdt, off, "reg", &len);
		const fdt32_t *sid;

		if (!dt || strcmp(dt, "cpu") || !reg || fdt32_to_cpu(reg[0]) != 0)
			continue;
		sid = (const fdt32_t *)fdt_getprop(fdt, off, "cache-stash-id", &len);
		return sid ? (int)fdt32_to_cpu(*sid) : -1;
	}
	return -1;
}

} // namespace ks_test

#endif
