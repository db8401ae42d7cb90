// SPDX-License-Identifier: BSD-2-Clause
// vp.h - the example virtual platform: traffic generator -> PAMU -> memory, PAMU interrupt -> MPIC ->
// stub CPU, plus the pieces (memory, MPIC wrapper, CPU, traffic generator) tests reuse.
//
// Source of facts: ../shared/spec/hw-facts.md 9 (PAMU access violations are MPIC source 24, level,
// active-high), docs/mpic.md 2-3 (IVPR/IDR per source at 0x10000 + 0x20 n, CTPR/IACK/EOI of CPU 0 at
// 0x20080/0x200A0/0x200B0), docs/cosim.md 6 (the platform). Links the models only.
#ifndef PAMUSIM_VP_H
#define PAMUSIM_VP_H

#include <cstdint>
#include <functional>
#include <vector>

#include "mpic.h"
#include "pamu_tlm.h"

namespace pamusim {

// Plain memory at [base, base + size): the DMA target and the table store. Anything outside, or in
// a poisoned range, answers TLM_ADDRESS_ERROR_RESPONSE (and never aborts: fault injection goes on).
class cosim_mem : public sc_core::sc_module {
public:
	tlm_utils::simple_target_socket<cosim_mem> sock;
	sc_core::sc_time latency = sc_core::sc_time(20, sc_core::SC_NS);
	bool dmi_enabled = true;
	uint64_t accesses = 0;

	cosim_mem(sc_core::sc_module_name name, uint64_t base, uint64_t size);
	uint8_t *host(uint64_t addr) { return &bytes_[addr - base_]; }
	void poison(uint64_t addr, uint64_t len);	// reads and writes there fail
	void clear_poison();
	void invalidate_dmi();			// tell every holder of a DMI pointer
	bool decoded(uint64_t addr, uint64_t len) const;

private:
	void b_transport(tlm::tlm_generic_payload &gp, sc_core::sc_time &delay);
	bool get_dmi(tlm::tlm_generic_payload &gp, tlm::tlm_dmi &dmi);
	unsigned int debug(tlm::tlm_generic_payload &gp);

	uint64_t base_, size_;
	std::vector<uint8_t> bytes_;
	std::vector<std::pair<uint64_t, uint64_t>> poison_;
};

// The MPIC model with the PAMU line on source 24 and CPU 0's output as a signal.
class mpic_tlm : public sc_core::sc_module {
public:
	sc_core::sc_in<bool> pamu_irq;
	sc_core::sc_out<bool> cpu_irq;
	tlm_utils::simple_target_socket<mpic_tlm> regs;

	mpic_tlm(sc_core::sc_module_name name);
	~mpic_tlm() override;
	mpic_tlm(const mpic_tlm &) = delete;
	mpic_tlm &operator=(const mpic_tlm &) = delete;
	struct mpic *model() { return mpic_; }

private:
	void pamu_irq_method();
	void out_method();
	void b_transport(tlm::tlm_generic_payload &gp, sc_core::sc_time &delay);
	static void irq_changed(void *ctx, unsigned int cpu, bool level);

	struct mpic *mpic_ = nullptr;
	bool out_ = false;
	sc_core::sc_event out_ev_;
};

// A stub CPU: register access to the PAMU and the MPIC, and an ISR that does what the driver's does
// (hw-facts.md 9: read AVS1/AVA, clear AVS1 fields, clear PICS.AVS keeping AVIE).
class stub_cpu : public sc_core::sc_module {
public:
	tlm_utils::simple_initiator_socket<stub_cpu> pamu_regs;
	tlm_utils::simple_initiator_socket<stub_cpu> mpic_regs;
	sc_core::sc_in<bool> irq;

	struct isr_record {
		uint32_t vector, avs1, avs2;
		uint64_t ava;
		sc_core::sc_time when;
	};
	std::vector<isr_record> taken;
	sc_core::sc_time local_time;		// accumulated annotation of the CPU's own accesses

	stub_cpu(sc_core::sc_module_name name);
	uint32_t pamu_read(uint32_t off);
	void pamu_write(uint32_t off, uint32_t v);
	uint32_t mpic_read(uint32_t off);
	void mpic_write(uint32_t off, uint32_t v);
	// Route MPIC source 24 to CPU 0 (unmasked, level, active-high, priority 5) and open CTPR.
	void mpic_setup();

private:
	uint32_t access(tlm_utils::simple_initiator_socket<stub_cpu> &s, tlm::tlm_command cmd, uint32_t off,
			uint32_t v);
	void isr_thread();
};

// A DMA master: one transaction at a time, LIODN in a liodn_ext, the body given by the test.
class traffic_gen : public sc_core::sc_module {
public:
	tlm_utils::simple_initiator_socket<traffic_gen> dma;

	struct txn {
		uint16_t liodn;
		tlm::tlm_command cmd;
		uint64_t addr;
		unsigned int len;
		int op = -1;				// -1: from cmd
		tlm::tlm_response_status status = tlm::TLM_INCOMPLETE_RESPONSE;
		struct pamu_result result = {};
		sc_core::sc_time delay;
		std::vector<uint8_t> data;
	};
	std::function<void(traffic_gen &)> body;
	bool done = false;
	uint64_t invalidations = 0;		// DMI revocations seen on the socket

	traffic_gen(sc_core::sc_module_name name);
	// Issue t (data: bytes to write, or filled by a read); wait(delay) afterwards.
	void issue(txn &t);

private:
	void run();
	void invalidate(sc_dt::uint64 start, sc_dt::uint64 end);
};

// The example platform: DRAM at 0 (64 MiB), one PAMU, the MPIC, a CPU and a traffic generator.
class vp : public sc_core::sc_module {
public:
	static constexpr uint64_t DRAM_SIZE = 64ull << 20;
	static constexpr uint64_t TABLES = 0x01000000;	// PPAACT here, SPAACT at +0x20000 (hw-facts 2.1)
	static constexpr uint64_t SPAACT = TABLES + 0x20000;

	cosim_mem dram;
	pamu_tlm pamu;
	mpic_tlm mpic;
	stub_cpu cpu;
	traffic_gen tg;
	sc_core::sc_signal<bool> pamu_irq, pamu_operr, cpu_irq;

	vp(sc_core::sc_module_name name, const pamu_tlm_cfg &cfg = pamu_tlm_cfg());
	// What the driver does at probe: table registers, PICS.AVIE, PC enable (hw-facts.md 2.1).
	void enable_pamu(uint32_t ppaact_entries = 0x500, uint32_t spaact_entries = 0x800);
	void write_paace(uint16_t liodn, const void *img);	// 64 bytes into the PPAACT
	void write_spaace(uint32_t index, const void *img);
};

} // namespace pamusim

#endif // PAMUSIM_VP_H
