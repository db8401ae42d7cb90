// SPDX-License-Identifier: BSD-2-Clause
// pamu_tlm.h - a SystemC TLM-2.0 PAMU: the C model (model/pamu/pamu.h) behind three sockets and two
// interrupt outputs.
//
// Behaviour: docs/cosim.md (socket roles, which fault gives which tlm_response_status, timing
// annotation, when DMI is granted); the translation itself is the model's, docs/pamu-model.md. Links
// the models only (pamusim_model), never the kernel drivers or kernel-stubs (SystemC is Apache-2.0).
#ifndef PAMU_TLM_H
#define PAMU_TLM_H

#include <cstdint>
#include <string>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>
#include <tlm_utils/simple_target_socket.h>

#include "pamu.h"

namespace pamusim {

// The LIODN of a DMA transaction (and, optionally, the PAMU inbound operation code). Set by the
// initiator; the PAMU writes its translation result back into `result` (valid when `has_result`).
struct liodn_ext : tlm::tlm_extension<liodn_ext> {
	uint16_t liodn = 0;
	bool has_op = false;		// false: read / write from the payload's command
	uint8_t op = 0;			// enum pamu_op when has_op
	bool has_result = false;
	struct pamu_result result = {};

	tlm::tlm_extension_base *clone() const override { return new liodn_ext(*this); }
	void copy_from(const tlm::tlm_extension_base &other) override
	{
		*this = static_cast<const liodn_ext &>(other);
	}
};

// Per-instance latency configuration: the annotation of docs/cosim.md 4.
struct pamu_tlm_timing {
	sc_core::sc_time xlate = sc_core::sc_time(2, sc_core::SC_NS);	// every DMA transaction
	sc_core::sc_time reg = sc_core::sc_time(4, sc_core::SC_NS);	// every register access
	sc_core::sc_time fetch = sc_core::sc_time(10, sc_core::SC_NS);	// every architectural table fetch
	// The translated data access adds what the memory target annotates on the initiator socket.
};

} // namespace pamusim

struct pamu_timing;
struct pamu_timing_cfg;

namespace pamusim {

struct pamu_tlm_cfg {
	struct pamu_caps caps;		// capability registers (pamu_builtin_caps("p4080") if unset)
	bool caps_set = false;
	bool erratum_a003638 = false;
	bool bypass = false;		// initial GUTS PAMUBYPENR bit of this block
	pamu_tlm_timing timing;
	struct sim_event_sink sink = {};	// model events (optional)
	// Issue 10's timing model (pamu_timing.h, docs/timing.md): when set, a DMA transaction is
	// annotated with its latency (caches, walk reads) instead of timing.xlate + timing.fetch x n.
	const struct pamu_timing_cfg *timing_model = nullptr;
	sc_core::sc_time cycle = sc_core::sc_time(1250, sc_core::SC_PS);	// platform clock (800 MHz)
};

// Outcome of the last DMA transaction, for tests and tracing.
struct pamu_tlm_stats {
	uint64_t dma = 0, dma_errors = 0, reg = 0, walk_fetches = 0, dmi_grants = 0, dmi_refusals = 0;
	uint64_t data_dmi = 0;		// translated accesses done through the memory's DMI
	uint64_t stale_uses = 0;	// timing model: cached entries used after their memory changed
};

class pamu_tlm : public sc_core::sc_module {
public:
	tlm_utils::simple_target_socket<pamu_tlm> dma;	// DMA traffic, liodn_ext required
	tlm_utils::simple_target_socket<pamu_tlm> regs;	// the 4 KiB register block (offsets)
	tlm_utils::simple_initiator_socket<pamu_tlm> mem;	// table walks and translated accesses
	sc_core::sc_out<bool> irq;		// access violation (PICS.AVS && PICS.AVIE)
	sc_core::sc_out<bool> irq_operr;	// operation error (POES1 bit 0)

	pamu_tlm(sc_core::sc_module_name name, const pamu_tlm_cfg &cfg = pamu_tlm_cfg());
	~pamu_tlm() override;
	pamu_tlm(const pamu_tlm &) = delete;
	pamu_tlm &operator=(const pamu_tlm &) = delete;

	// GUTS input; a change revokes DMI granted on the DMA socket.
	void set_bypass(bool on);
	struct pamu *model() { return pamu_; }
	const pamu_tlm_stats &stats() const { return stats_; }
	pamu_tlm_timing &timing() { return cfg_.timing; }

	// Timing model only (cfg.timing_model): memory the platform changed behind the PAMU's back
	// (a CPU store into the tables) is compared with the cached entries now (pamu_timing_sync).
	void timing_sync();
	struct pamu_timing *timing_model() { return timing_; }

	// The fault -> response mapping of docs/cosim.md 3.
	static tlm::tlm_response_status response_for(const struct pamu_result &res);

private:
	void dma_b_transport(tlm::tlm_generic_payload &gp, sc_core::sc_time &delay);
	bool dma_get_dmi(tlm::tlm_generic_payload &gp, tlm::tlm_dmi &dmi);
	unsigned int dma_debug(tlm::tlm_generic_payload &gp);
	bool data_dmi(tlm::tlm_generic_payload &gp, uint64_t paddr, sc_core::sc_time &delay);
	void regs_b_transport(tlm::tlm_generic_payload &gp, sc_core::sc_time &delay);
	unsigned int regs_debug(tlm::tlm_generic_payload &gp);
	void mem_invalidate(sc_dt::uint64 start, sc_dt::uint64 end);
	void irq_method();
	void revoke_dma_dmi();

	static bool mem_read(void *ctx, uint64_t addr, void *buf, size_t len, const struct sim_txn_attrs *a);
	static void *mem_dmi(void *ctx, uint64_t addr, size_t len);
	static void irq_changed(void *ctx, enum pamu_irq_line line, bool level);
	static bool mem_peek(void *ctx, uint64_t addr, void *buf, size_t len, const struct sim_txn_attrs *a);
	uint64_t now_cycles(const sc_core::sc_time &delay) const;

	pamu_tlm_cfg cfg_;
	struct pamu *pamu_ = nullptr;
	struct pamu_timing *timing_ = nullptr;
	pamu_tlm_stats stats_;
	unsigned int cur_fetches_ = 0;		// table fetches of the running translation
	uint8_t walk_fetches_[65536] = {};	// per LIODN: fetches of its last full walk
	tlm::tlm_generic_payload walk_gp_;
	// One cached DMI region of the memory side, used by the model's fast path (docs/cosim.md 5).
	tlm::tlm_dmi mem_dmi_;
	bool mem_dmi_valid_ = false;
	bool mem_dmi_refused_ = false;
	bool dma_dmi_granted_ = false;
	bool irq_level_[PAMU_IRQ_COUNT] = {};
	sc_core::sc_event irq_ev_;
};

} // namespace pamusim

#endif // PAMU_TLM_H
