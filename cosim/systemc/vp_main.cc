// SPDX-License-Identifier: BSD-2-Clause
// vp_main.cc - cosim_vp: the example virtual platform (traffic generator -> PAMU -> memory, PAMU
// interrupt -> MPIC -> stub CPU) running a short DMA script and printing what happened.
//
// cosim_vp [--preset socs/<soc>.yaml]: with a preset, the PAMU is annotated by the timing model with
// that SoC's `timing:` knobs (docs/timing.md) and memory costs its DDR latency; without, the wrapper's
// latency configuration. Source of facts: docs/cosim.md 6; tables as hw-facts.md 5.1 describes.
#include <cstdio>
#include <cstring>
#include <memory>

#include "cosim_paace.h"
#include "soc_preset.h"
#include "vp.h"

using namespace sc_core;
using namespace pamusim;

static const char *status_name(tlm::tlm_response_status s)
{
	switch (s) {
	case tlm::TLM_OK_RESPONSE: return "OK";
	case tlm::TLM_ADDRESS_ERROR_RESPONSE: return "ADDRESS_ERROR";
	case tlm::TLM_COMMAND_ERROR_RESPONSE: return "COMMAND_ERROR";
	case tlm::TLM_GENERIC_ERROR_RESPONSE: return "GENERIC_ERROR";
	case tlm::TLM_BURST_ERROR_RESPONSE: return "BURST_ERROR";
	case tlm::TLM_BYTE_ENABLE_ERROR_RESPONSE: return "BYTE_ENABLE_ERROR";
	default: return "INCOMPLETE";
	}
}

int sc_main(int argc, char **argv)
{
	std::unique_ptr<struct soc_preset> preset;
	pamu_tlm_cfg cfg;
	std::vector<sc_time> delays;
	int errors = 0;

	if (argc == 3 && !std::strcmp(argv[1], "--preset")) {
		struct soc_error err;

		preset.reset(new struct soc_preset);
		if (soc_preset_load(argv[2], preset.get(), &err) != SOC_PRESET_OK) {
			std::fprintf(stderr, "cosim_vp: %s\n", err.msg);
			return 2;
		}
		if (!preset->has_timing) {
			std::fprintf(stderr, "cosim_vp: %s: no timing: section (docs/timing.md)\n", argv[2]);
			return 2;
		}
		cfg.timing_model = &preset->timing.pamu;
		cfg.cycle = sc_time(1000.0 / preset->timing.clock_mhz, SC_NS);
	} else if (argc != 1) {
		std::fprintf(stderr, "usage: cosim_vp [--preset socs/<soc>.yaml]\n");
		return 2;
	}
	vp p("vp", cfg);

	if (preset)
		p.dram.latency = cfg.cycle * (double)(2 * preset->timing.ccf_hop + preset->timing.dram_latency);
	p.tg.body = [&](traffic_gen &tg) {
		cosim::paace_img e;

		/* LIODN 0x20: 64 KiB window at 0x10000000 -> DRAM 0x00400000, read/write. */
		e.window_base(0x10000000).wse(cosim::size_enc(64 << 10)).ap(3).atm(1).translated_base(0x400000);
		e.valid(1);
		p.write_paace(0x20, e.b);
		p.cpu.mpic_setup();
		p.enable_pamu();
		const struct {
			tlm::tlm_command cmd;
			uint64_t addr;
			unsigned int len;
			bool expect_ok;
		} script[] = {
			{ tlm::TLM_WRITE_COMMAND, 0x10000000, 64, true },
			{ tlm::TLM_READ_COMMAND, 0x10000000, 64, true },
			{ tlm::TLM_WRITE_COMMAND, 0x1000fff0, 16, true },
			{ tlm::TLM_WRITE_COMMAND, 0x10010000, 4, false },	// one past the window
			{ tlm::TLM_READ_COMMAND, 0x1000fffc, 8, false },	// crosses the window end
		};
		for (const auto &s : script) {
			traffic_gen::txn t;

			t.liodn = 0x20;
			t.cmd = s.cmd;
			t.addr = s.addr;
			t.len = s.len;
			tg.issue(t);
			std::printf("%10s LIODN 0x%x %s 0x%llx+%u -> %s", sc_time_stamp().to_string().c_str(), t.liodn,
				    s.cmd == tlm::TLM_WRITE_COMMAND ? "W" : "R", (unsigned long long)s.addr, s.len,
				    status_name(t.status));
			if (t.result.kind == PAMU_XLATE_OK)
				std::printf(" at 0x%llx", (unsigned long long)t.result.paddr);
			else
				std::printf(" (%s)", pamu_fault_name(t.result.fault));
			std::printf(", annotated %s\n", t.delay.to_string().c_str());
			delays.push_back(t.delay);
			if ((t.status == tlm::TLM_OK_RESPONSE) != s.expect_ok)
				errors++;
			wait(50, SC_NS);
		}
	};
	sc_start(1, SC_MS);
	for (const auto &r : p.cpu.taken)
		std::printf("CPU took vector 0x%x at %s: AVS1 0x%08x AVS2 0x%08x AVA 0x%llx\n", r.vector,
			    r.when.to_string().c_str(), r.avs1, r.avs2, (unsigned long long)r.ava);
	/* With the timing model the second access to the page is a PAACE cache hit: cheaper. */
	if (preset && (delays.size() < 2 || !(delays[1] < delays[0])))
		errors++;
	if (p.cpu.taken.size() != 2)
		errors++;	// each violation latches and interrupts: the ISR re-armed the latch in between
	std::printf("%s\n", errors ? "cosim_vp: UNEXPECTED RESULTS" : "cosim_vp: ok");
	return errors ? 1 : 0;
}
