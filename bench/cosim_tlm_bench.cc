// SPDX-License-Identifier: BSD-2-Clause
// cosim_tlm_bench.cc - per-transaction cost of the TLM-2.0 PAMU (cosim/systemc/pamu_tlm.h) against a
// baseline in the same binary: a bare b_transport carrying one extension into a target that calls the
// model directly and copies the data (docs/cosim.md 10). Target: the wrapper adds <= 30 %.
//
// Both paths translate the same requests with the same kind of model instance (fast path on, DMI
// memory), so the difference is the wrapper: extension handling, the response mapping, the annotation,
// and the second socket hop to memory.
#include <cstdio>
#include <ctime>
#include <cstring>
#include <vector>

#include "cosim_paace.h"
#include "vp.h"

using namespace sc_core;
using namespace pamusim;

namespace {

// Thread CPU time: the machine is shared, preemption must not count (docs/cosim.md 11).
double cpu_ns()
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

constexpr uint64_t MEM = 64ull << 20, TABLES = 0x01000000;
constexpr unsigned int LIODNS = 8;
constexpr uint64_t N = 1000000;

bool bare_read(void *ctx, uint64_t a, void *buf, size_t len, const struct sim_txn_attrs *)
{
	std::memcpy(buf, static_cast<uint8_t *>(ctx) + a, len);
	return true;
}

void *bare_dmi(void *ctx, uint64_t a, size_t)
{
	return static_cast<uint8_t *>(ctx) + a;
}

// The baseline target: one extension, a direct model call, the data copy.
struct bare_target : sc_module {
	tlm_utils::simple_target_socket<bare_target> sock;
	std::vector<uint8_t> mem = std::vector<uint8_t>(MEM);
	struct pamu *p = nullptr;
	const sc_time lat = sc_time(2, SC_NS);

	bare_target(sc_module_name n) : sc_module(n), sock("sock")
	{
		struct pamu_cfg cfg = {};

		cfg.name = "bare";
		cfg.caps = *pamu_builtin_caps("p4080");
		cfg.mem.ctx = mem.data();
		cfg.mem.read = bare_read;
		cfg.mem.dmi = bare_dmi;
		pamu_create(&cfg, &p);
		sock.register_b_transport(this, &bare_target::b_transport);
	}
	~bare_target() override { pamu_destroy(p); }
	bare_target(const bare_target &) = delete;
	bare_target &operator=(const bare_target &) = delete;

	void b_transport(tlm::tlm_generic_payload &gp, sc_time &delay)
	{
		liodn_ext *ext = gp.get_extension<liodn_ext>();
		struct pamu_request req = { ext->liodn, gp.get_address(), gp.get_data_length(),
					    (uint8_t)(gp.is_write() ? PAMU_OP_WRITE : PAMU_OP_READ) };
		struct pamu_result res;

		pamu_translate(p, &req, &res);
		if (res.kind == PAMU_XLATE_OK)
			std::memcpy(&mem[res.paddr], gp.get_data_ptr(), gp.get_data_length());
		delay += lat;
		gp.set_response_status(tlm::TLM_OK_RESPONSE);
	}
};

struct driver : sc_module {
	tlm_utils::simple_initiator_socket<driver> to_bare, to_pamu, to_regs;
	double ns_bare = 1e9, ns_pamu = 1e9;
	uint64_t errors = 0;

	driver(sc_module_name n) : sc_module(n), to_bare("to_bare"), to_pamu("to_pamu"), to_regs("to_regs")
	{
		SC_HAS_PROCESS(driver);
		SC_THREAD(run);
	}

	double loop(tlm_utils::simple_initiator_socket<driver> &s)
	{
		tlm::tlm_generic_payload gp;
		liodn_ext ext;
		uint8_t data[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
		sc_time delay;

		gp.set_command(tlm::TLM_WRITE_COMMAND);
		gp.set_data_ptr(data);
		gp.set_data_length(8);
		gp.set_streaming_width(8);
		gp.set_extension(&ext);
		double t0 = cpu_ns();
		for (uint64_t i = 0; i < N; i++) {
			ext.liodn = (uint16_t)(i % LIODNS);
			gp.set_address(0x100000 * ext.liodn + ((i * 64) & 0xfffff));
			gp.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
			delay = SC_ZERO_TIME;
			s->b_transport(gp, delay);
			if (!gp.is_response_ok())
				errors++;
		}
		double ns = cpu_ns() - t0;
		gp.clear_extension(&ext);
		return ns / (double)N;
	}

	void run()
	{
		for (int rep = 0; rep < 11; rep++) {
			double b = loop(to_bare), w = loop(to_pamu);

			ns_bare = b < ns_bare ? b : ns_bare;
			ns_pamu = w < ns_pamu ? w : ns_pamu;
		}
	}
};

// The same tables in both memories: LIODN l maps IOVA [l MiB, l+1 MiB) to 32 MiB + l MiB, read/write.
void tables(uint8_t *mem)
{
	for (unsigned int l = 0; l < LIODNS; l++) {
		cosim::paace_img e;

		e.window_base(0x100000ull * l).wse(cosim::size_enc(1 << 20)).ap(3).atm(1);
		e.translated_base(0x2000000 + 0x100000ull * l).valid(1);
		std::memcpy(mem + TABLES + 64 * l, e.b, 64);
	}
}

void enable(struct pamu *p)
{
	pamu_reg_write(p, cosim::R_PPBAL, 4, (uint32_t)TABLES);
	pamu_reg_write(p, cosim::R_PPLAL, 4, (uint32_t)(TABLES + 64 * 0x500));
	pamu_reg_write(p, cosim::R_PC, 4, cosim::PC_ENABLE);
	pamu_set_bypass(p, false);
}

} // namespace

int sc_main(int, char **)
{
	bare_target bare("bare");
	cosim_mem mem("mem", 0, MEM);
	pamu_tlm pamu("pamu");
	sc_signal<bool> irq, operr;
	driver drv("drv");

	drv.to_bare.bind(bare.sock);
	drv.to_pamu.bind(pamu.dma);
	drv.to_regs.bind(pamu.regs);
	pamu.mem.bind(mem.sock);
	pamu.irq.bind(irq);
	pamu.irq_operr.bind(operr);
	mem.latency = SC_ZERO_TIME;
	tables(bare.mem.data());
	tables(mem.host(0));
	enable(bare.p);
	enable(pamu.model());
	pamu.set_bypass(false);

	sc_start();
	std::printf("cosim TLM bench (%s): %llu 8-byte writes over %u LIODNs, best of 11 interleaved, thread CPU time\n",
#ifdef NDEBUG
		    "optimised",
#else
		    "debug",
#endif
		    (unsigned long long)N, LIODNS);
	std::printf("  baseline: bare b_transport + extension + direct pamu_translate + copy: %6.1f ns\n",
		    drv.ns_bare);
	std::printf("  pamu_tlm: dma socket -> model -> memory (DMI):                         %6.1f ns\n",
		    drv.ns_pamu);
	std::printf("  wrapper overhead: %+.1f %% (target <= 30 %%)\n", (drv.ns_pamu / drv.ns_bare - 1) * 100);
	if (drv.errors)
		std::printf("  %llu transactions failed\n", (unsigned long long)drv.errors);
	return drv.errors ? 1 : 0;
}
