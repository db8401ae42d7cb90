// SPDX-License-Identifier: BSD-2-Clause
// preset_timing_errors_test.cc - Soc.PresetTimingKnobRefused*: the `timing:` section of a SoC preset
// (docs/timing.md, model/soc/soc_preset_timing.c) refuses each malformed knob with an error naming the
// field; branches only `make coverage` showed unreached. Each case edits socs/t4240.yaml once, in memory,
// and loads the result from a temporary file.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

#include "pamusim_config.h"
#include "soc_preset.h"

namespace {

struct edit {
	const char *from, *to;	// first occurrence of from becomes to
	const char *field;	// what the error must name ("" when the edit must load)
};

const edit edits[] = {
	{ "paace-cache: {entries: 64,", "paace-cache: {entries: 99999,", "timing.pamu.paace-cache.entries" },
	{ "paace-cache: {entries: 64,", "paace-cache: {entries: [64],", "timing.pamu.paace-cache.entries" },
	{ "paace-cache: {entries: 64, ways: 4,", "paace-cache: {entries: 64, ways: four,", "timing.pamu.paace-cache.ways" },
	{ "ways: 4, policy: lru,", "ways: 4, policy: mru,", "timing.pamu.paace-cache.policy" },
	{ "ways: 4, policy: lru,", "ways: 4, policy: \"lru\",", "timing.pamu.paace-cache.policy" },
	{ "ways: 4, policy: lru,", "ways: 4, policy: [lru],", "timing.pamu.paace-cache.policy" },
	{ "policy: lru, lookup: 1}", "policy: lru, lookup: 200000}", "timing.pamu.paace-cache.lookup" },
	{ "policy: lru, lookup: 1}", "policy: lru, lookup: {a: 1}}", "timing.pamu.paace-cache.lookup" },
	{ "policy: lru, lookup: 1}", "policy: random, lookup: 1, seed: x}", "timing.pamu.paace-cache.seed" },
	{ "policy: lru, lookup: 1}", "policy: random, lookup: 1, seed: 7}", "" },
	{ "coherence: hazard-window", "coherence: sometimes", "timing.pamu.coherence" },
	{ "coherence: hazard-window", "coherence: \"snoop\"", "timing.pamu.coherence" },
	{ "    hazard-window: 1000\n", "", "hazard-window" },
	{ "  assumed: [clock-mhz, cpu-access, ccf-hop, dram, msi-latency, pamu]", "  assumed: {clock-mhz: 1}",
	  "timing.assumed" },
	{ "  assumed: [clock-mhz, cpu-access, ccf-hop, dram, msi-latency, pamu]", "  published: [clock-mhz]",
	  "timing.published" },
	{ "  assumed: [clock-mhz, cpu-access, ccf-hop, dram, msi-latency, pamu]", "", "timing" },
	{ "  assumed: [clock-mhz, cpu-access, ccf-hop, dram, msi-latency, pamu]",
	  "  assumed: [clock-mhz, cpu-access, ccf-hop, dram, msi-latency, pamu, colour]", "timing.assumed" },
	{ "  assumed: [clock-mhz, cpu-access, ccf-hop, dram, msi-latency, pamu]",
	  "  assumed: [clock-mhz, cpu-access, ccf-hop, dram, msi-latency]", "timing" },
	{ "  assumed: [clock-mhz, cpu-access, ccf-hop, dram, msi-latency, pamu]",
	  "  assumed: [cpu-access, ccf-hop, dram, msi-latency, pamu]\n  published: {clock-mhz: \"a data sheet\"}", "" },
	{ "  assumed: [clock-mhz, cpu-access, ccf-hop, dram, msi-latency, pamu]",
	  "  assumed: [clock-mhz, cpu-access, ccf-hop, dram, msi-latency, pamu]\n  published: {clock-mhz: \"x\"}",
	  "timing" },
};

class preset_timing : public ::testing::TestWithParam<edit> {};

TEST_P(preset_timing, RefusedNamingTheField)
{
	const edit &e = GetParam();
	std::string path = std::string(PAMUSIM_SOCS_DIR) + "/t4240.yaml";
	std::ifstream in(path);
	std::string text((std::istreambuf_iterator<char>(in)), {});
	size_t at = text.find(e.from);

	ASSERT_NE(at, std::string::npos) << "socs/t4240.yaml no longer holds '" << e.from << "': update the test";
	text.replace(at, strlen(e.from), e.to);
	char tmp[] = "/tmp/pamusim-preset-XXXXXX";
	int fd = mkstemp(tmp);
	ASSERT_GE(fd, 0);
	FILE *f = fdopen(fd, "w");
	ASSERT_NE(f, nullptr);
	fputs(text.c_str(), f);
	fclose(f);
	soc_preset p{};
	soc_error err{};
	soc_preset_status st = soc_preset_load(tmp, &p, &err);
	remove(tmp);
	if (!e.field[0]) {
		EXPECT_EQ(st, SOC_PRESET_OK) << err.msg;
		return;
	}
	EXPECT_EQ(st, SOC_PRESET_INVALID) << "edit '" << e.to << "' was accepted";
	EXPECT_NE(std::string(err.msg).find(e.field), std::string::npos) << err.msg;
}

INSTANTIATE_TEST_SUITE_P(Soc, preset_timing, ::testing::ValuesIn(edits),
			 [](const ::testing::TestParamInfo<edit> &i) { return "Case" + std::to_string(i.index); });

} // namespace
