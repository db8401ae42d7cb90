// SPDX-License-Identifier: BSD-2-Clause
// pamu_tlm.cc - the SystemC TLM-2.0 PAMU: sockets, memory adapter, fault -> response mapping, DMI.
//
// Behaviour: docs/cosim.md 2-5 (every rule below that the TLM-2.0 standard leaves open is an
// implementation choice listed there); translation: model/pamu (docs/pamu-model.md).
#include "pamu_tlm.h"

#include <cstring>
#include <limits>

#ifdef PAMUSIM_HAVE_PAMU_TIMING
#include "pamu_timing.h"
#endif

using namespace sc_core;

namespace pamusim {

pamu_tlm::pamu_tlm(sc_module_name name, const pamu_tlm_cfg &cfg)
	: sc_module(name), dma("dma"), regs("regs"), mem("mem"), irq("irq"), irq_operr("irq_operr"), cfg_(cfg)
{
	struct pamu_cfg pc = {};

	if (!cfg_.caps_set)
		cfg_.caps = *pamu_builtin_caps("p4080");
	pc.name = this->name();
	pc.index = 0;
	pc.caps = cfg_.caps;
	pc.erratum_a003638 = cfg_.erratum_a003638;
	pc.mem.ctx = this;
	pc.mem.read = mem_read;
	pc.mem.dmi = mem_dmi;
	pc.sink = cfg_.sink;
	pc.irq_changed = irq_changed;
	pc.irq_ctx = this;
	if (pamu_create(&pc, &pamu_) != PAMU_STATUS_OK)
		SC_REPORT_FATAL("pamusim/pamu_tlm", "pamu_create failed");
	pamu_set_bypass(pamu_, cfg_.bypass);
	if (cfg_.timing_model) {
#ifdef PAMUSIM_HAVE_PAMU_TIMING
		struct pamu_timing_hooks hooks = {};
		char why[256] = "";

		/* The stale-entry check reads current bytes without side effects: debug transport. */
		hooks.mem.ctx = this;
		hooks.mem.read = mem_peek;
		hooks.stale = [](void *ctx, const struct pamu_stale *) {
			static_cast<pamu_tlm *>(ctx)->stats_.stale_uses++;
		};
		hooks.stale_ctx = this;
		if (pamu_timing_create(cfg_.timing_model, &hooks, pamu_, &timing_, why, sizeof(why)) != PAMU_TIMING_OK)
			SC_REPORT_FATAL("pamusim/pamu_tlm", (std::string("timing model: ") + why).c_str());
#else
		SC_REPORT_FATAL("pamusim/pamu_tlm", "timing_model set, but built without model/pamu/pamu_timing.h");
#endif
	}

	dma.register_b_transport(this, &pamu_tlm::dma_b_transport);
	dma.register_get_direct_mem_ptr(this, &pamu_tlm::dma_get_dmi);
	dma.register_transport_dbg(this, &pamu_tlm::dma_debug);
	regs.register_b_transport(this, &pamu_tlm::regs_b_transport);
	regs.register_transport_dbg(this, &pamu_tlm::regs_debug);
	mem.register_invalidate_direct_mem_ptr(this, &pamu_tlm::mem_invalidate);

	SC_HAS_PROCESS(pamu_tlm);
	SC_METHOD(irq_method);
	sensitive << irq_ev_;	// also runs once at initialization: the ports start at the model's levels
}

pamu_tlm::~pamu_tlm()
{
#ifdef PAMUSIM_HAVE_PAMU_TIMING
	if (timing_)
		pamu_timing_destroy(timing_);
#endif
	pamu_destroy(pamu_);
}

// The platform cycle a transaction issued with this local offset arrives at.
uint64_t pamu_tlm::now_cycles(const sc_time &delay) const
{
	return (uint64_t)((sc_time_stamp() + delay) / cfg_.cycle);
}

void pamu_tlm::timing_sync()
{
#ifdef PAMUSIM_HAVE_PAMU_TIMING
	if (timing_)
		pamu_timing_sync(timing_, now_cycles(SC_ZERO_TIME));
#endif
}

// A plain read of len bytes at addr into buf: what the model's table accesses become.
static void table_read_gp(tlm::tlm_generic_payload &gp, uint64_t addr, void *buf, size_t len)
{
	gp.set_command(tlm::TLM_READ_COMMAND);
	gp.set_address(addr);
	gp.set_data_ptr(static_cast<unsigned char *>(buf));
	gp.set_data_length((unsigned int)len);
	gp.set_streaming_width((unsigned int)len);
	gp.set_byte_enable_ptr(nullptr);
	gp.set_byte_enable_length(0);
	gp.set_dmi_allowed(false);
	gp.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
}

bool pamu_tlm::mem_peek(void *ctx, uint64_t addr, void *buf, size_t len, const struct sim_txn_attrs *a)
{
	pamu_tlm *self = static_cast<pamu_tlm *>(ctx);
	tlm::tlm_generic_payload gp;

	(void)a;
	table_read_gp(gp, addr, buf, len);
	if (self->mem->transport_dbg(gp) == len)
		return true;
	std::memset(buf, 0xff, len);
	return false;
}

// Implementation choice (docs/cosim.md 3): permission and operation faults are command errors,
// LIODN/window/subwindow faults are address errors, the rest is a generic error.
tlm::tlm_response_status pamu_tlm::response_for(const struct pamu_result &res)
{
	switch (res.kind) {
	case PAMU_XLATE_OK:
	case PAMU_XLATE_BYPASS:
		return tlm::TLM_OK_RESPONSE;
	case PAMU_XLATE_FAULT:
		break;
	case PAMU_XLATE_UNSUPPORTED:
	case PAMU_XLATE_BAD_REQUEST:
	default:
		return tlm::TLM_GENERIC_ERROR_RESPONSE;
	}
	switch (res.fault) {
	case PAMU_FAULT_LIODN_RANGE:
	case PAMU_FAULT_PAACE_INVALID:
	case PAMU_FAULT_PAACE_TYPE:
	case PAMU_FAULT_WINDOW:
	case PAMU_FAULT_WINDOW_CROSS:
	case PAMU_FAULT_SPAACE_INVALID:
	case PAMU_FAULT_SUBWINDOW_CROSS:
	case PAMU_FAULT_SUBWINDOW_SIZE:
	case PAMU_FAULT_SPAACE_RANGE:
	case PAMU_FAULT_SPAACE_OWNER:
		return tlm::TLM_ADDRESS_ERROR_RESPONSE;
	case PAMU_FAULT_PERMISSION:
	case PAMU_FAULT_MOE_INVALID:
	case PAMU_FAULT_OMI_RANGE:
	case PAMU_FAULT_OP_UNDEFINED:
		return tlm::TLM_COMMAND_ERROR_RESPONSE;
	case PAMU_FAULT_GATE_CLOSED:
	case PAMU_FAULT_DISABLED:
	case PAMU_FAULT_TABLE_FETCH:
	default:
		return tlm::TLM_GENERIC_ERROR_RESPONSE;
	}
}

/*
 * The translated data access through the memory's DMI when it covers the range (docs/cosim.md 5): a
 * plain copy and the DMI latency the memory gave, instead of a second b_transport. Not with byte
 * enables or streaming; a memory that refused DMI is not asked again until it invalidates.
 */
inline bool pamu_tlm::data_dmi(tlm::tlm_generic_payload &gp, uint64_t paddr, sc_time &delay)
{
	unsigned int len = gp.get_data_length();
	bool wr = gp.is_write();

	if (gp.get_byte_enable_ptr() || gp.get_streaming_width() != len || mem_dmi_refused_)
		return false;
	if (!mem_dmi_valid_ || paddr < mem_dmi_.get_start_address() || paddr + len - 1 > mem_dmi_.get_end_address()) {
		if (!mem_dmi(this, paddr, len)) {
			mem_dmi_refused_ = true;
			return false;
		}
	}
	if (wr ? !mem_dmi_.is_write_allowed() : !mem_dmi_.is_read_allowed())
		return false;
	unsigned char *host = mem_dmi_.get_dmi_ptr() + (paddr - mem_dmi_.get_start_address());
	if (wr) {
		std::memcpy(host, gp.get_data_ptr(), len);
		delay += mem_dmi_.get_write_latency();
	} else {
		std::memcpy(gp.get_data_ptr(), host, len);
		delay += mem_dmi_.get_read_latency();
	}
	stats_.data_dmi++;
	gp.set_dmi_allowed(false);
	gp.set_response_status(tlm::TLM_OK_RESPONSE);
	return true;
}

void pamu_tlm::dma_b_transport(tlm::tlm_generic_payload &gp, sc_time &delay)
{
	liodn_ext *ext = gp.get_extension<liodn_ext>();
	tlm::tlm_command cmd = gp.get_command();
	struct pamu_request req;
	sc_dt::uint64 addr = gp.get_address();

	stats_.dma++;
	if (!timing_)
		delay += cfg_.timing.xlate;
	gp.set_dmi_allowed(false);
	if (!ext) {
		/* Implementation choice: no LIODN, no translation (docs/cosim.md 3). */
		stats_.dma_errors++;
		gp.set_response_status(tlm::TLM_GENERIC_ERROR_RESPONSE);
		return;
	}
	ext->has_result = false;
	if (gp.get_streaming_width() < gp.get_data_length()) {
		stats_.dma_errors++;
		gp.set_response_status(tlm::TLM_BURST_ERROR_RESPONSE);
		return;
	}
	req.liodn = ext->liodn;
	req.addr = addr;
	req.size = gp.get_data_length();
	req.op = ext->has_op ? ext->op : cmd == tlm::TLM_WRITE_COMMAND ? (uint8_t)PAMU_OP_WRITE : (uint8_t)PAMU_OP_READ;

	cur_fetches_ = 0;
	const struct pamu_result &res = ext->result;
#ifdef PAMUSIM_HAVE_PAMU_TIMING
	if (timing_) {
		/* Issue 10's model: caches, walk reads, queueing (docs/timing.md); docs/cosim.md 4. */
		struct pamu_timing_result tr;

		pamu_timing_translate(timing_, now_cycles(delay), &req, &ext->result, &tr);
		delay += cfg_.cycle * (double)tr.latency;
	} else
#endif
	{
		/* Straight into the extension: a copy of the fresh result would stall on store
		 * forwarding. */
		pamu_translate(pamu_, &req, &ext->result);
		/* Implementation choice (docs/cosim.md 4): the architectural walk's fetches are
		 * annotated whether or not the model's host fast path served the request. A plain
		 * success without a fetch is a fast-path hit, which exists only after a full walk of
		 * the same LIODN filled it from the same table bytes: that walk's count is this one's. */
		if (cur_fetches_)
			walk_fetches_[req.liodn] = (uint8_t)cur_fetches_;
		else if (res.kind == PAMU_XLATE_OK)
			cur_fetches_ = walk_fetches_[req.liodn];
		if (cur_fetches_ == 1)
			delay += cfg_.timing.fetch;
		else if (cur_fetches_)
			delay += cfg_.timing.fetch * (double)cur_fetches_;
	}
	ext->has_result = true;

	if (res.kind != PAMU_XLATE_OK && res.kind != PAMU_XLATE_BYPASS) {
		stats_.dma_errors++;
		gp.set_response_status(response_for(res));
		return;
	}
	if (cmd == tlm::TLM_IGNORE_COMMAND) {
		/* A translation probe: checked and translated, no data access. */
		gp.set_response_status(tlm::TLM_OK_RESPONSE);
		return;
	}
#ifdef PAMUSIM_HAVE_PAMU_TIMING
	/* A DMA write may land in the tables: the timing model notes it at its cycle. */
	if (timing_ && cmd == tlm::TLM_WRITE_COMMAND)
		pamu_timing_note_write(timing_, res.paddr, gp.get_data_length(), now_cycles(delay));
#endif
	if (data_dmi(gp, res.paddr, delay))
		return;
	gp.set_address(res.paddr);
	mem->b_transport(gp, delay);
	gp.set_address(addr);
	/* DMI on the DMA side exists only in bypass (docs/cosim.md 5). */
	gp.set_dmi_allowed(gp.is_dmi_allowed() && res.kind == PAMU_XLATE_BYPASS);
	if (!gp.is_response_ok())
		stats_.dma_errors++;
}

bool pamu_tlm::dma_get_dmi(tlm::tlm_generic_payload &gp, tlm::tlm_dmi &dmi)
{
	if (!pamu_get_bypass(pamu_)) {
		/* Implementation choice (docs/cosim.md 5): a translated LIODN never gets DMI. */
		stats_.dmi_refusals++;
		dmi.allow_none();
		dmi.set_start_address(0);
		dmi.set_end_address(std::numeric_limits<sc_dt::uint64>::max());
		return false;
	}
	bool ok = mem->get_direct_mem_ptr(gp, dmi);

	if (ok) {
		dma_dmi_granted_ = true;
		stats_.dmi_grants++;
	}
	return ok;
}

unsigned int pamu_tlm::dma_debug(tlm::tlm_generic_payload &gp)
{
	/* A translation latches errors: debug access passes through in bypass only (docs/cosim.md 5). */
	if (!pamu_get_bypass(pamu_))
		return 0;
	return mem->transport_dbg(gp);
}

void pamu_tlm::revoke_dma_dmi()
{
	if (!dma_dmi_granted_)
		return;
	dma_dmi_granted_ = false;
	dma->invalidate_direct_mem_ptr(0, std::numeric_limits<sc_dt::uint64>::max());
}

void pamu_tlm::set_bypass(bool on)
{
	if (on == pamu_get_bypass(pamu_))
		return;
	pamu_set_bypass(pamu_, on);
	revoke_dma_dmi();
}

void pamu_tlm::regs_b_transport(tlm::tlm_generic_payload &gp, sc_time &delay)
{
	uint64_t off = gp.get_address();
	unsigned int len = gp.get_data_length();
	uint32_t v = 0;

	stats_.reg++;
	delay += cfg_.timing.reg;
	if (off >= PAMU_BLOCK_SIZE) {
		gp.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
		return;
	}
	if (gp.get_byte_enable_ptr()) {
		gp.set_response_status(tlm::TLM_BYTE_ENABLE_ERROR_RESPONSE);
		return;
	}
	if (len == 0 || len > 4 || gp.get_streaming_width() < len) {
		gp.set_response_status(tlm::TLM_BURST_ERROR_RESPONSE);
		return;
	}
	/* Register values travel in host order (docs/pamu-model.md 1: no swapping anywhere); a size or
	 * alignment the block does not decode is the model's register-misuse event, not a TLM error. */
	switch (gp.get_command()) {
	case tlm::TLM_READ_COMMAND:
		v = pamu_reg_read(pamu_, (uint32_t)off, len);
		std::memcpy(gp.get_data_ptr(), &v, len);
		break;
	case tlm::TLM_WRITE_COMMAND:
		std::memcpy(&v, gp.get_data_ptr(), len);
		pamu_reg_write(pamu_, (uint32_t)off, len, v);
#ifdef PAMUSIM_HAVE_PAMU_TIMING
		/* The timing model's flush point (docs/timing.md 4): PC written with PE = 0. */
		if (timing_ && off == 0xc10 && len == 4 && !(v & 0x40000000u))
			pamu_timing_flush(timing_);
#endif
		break;
	default:
		break;
	}
	gp.set_response_status(tlm::TLM_OK_RESPONSE);
}

unsigned int pamu_tlm::regs_debug(tlm::tlm_generic_payload &gp)
{
	uint64_t off = gp.get_address();
	unsigned int len = gp.get_data_length();
	uint32_t v;

	/* Reads only: PAMU registers have no read side effect; a debug write would change state. */
	if (gp.get_command() != tlm::TLM_READ_COMMAND || off >= PAMU_BLOCK_SIZE || len == 0 || len > 4)
		return 0;
	v = pamu_reg_read(pamu_, (uint32_t)off, len);
	std::memcpy(gp.get_data_ptr(), &v, len);
	return len;
}

bool pamu_tlm::mem_read(void *ctx, uint64_t addr, void *buf, size_t len, const struct sim_txn_attrs *a)
{
	pamu_tlm *self = static_cast<pamu_tlm *>(ctx);
	tlm::tlm_generic_payload &gp = self->walk_gp_;
	sc_time delay = SC_ZERO_TIME;	// table fetches cost timing.fetch each, not the memory's figure

	(void)a;
	table_read_gp(gp, addr, buf, len);
	self->stats_.walk_fetches++;
	self->cur_fetches_++;
	self->mem->b_transport(gp, delay);
	if (gp.is_response_ok())
		return true;
	std::memset(buf, 0xff, len);	// what sim_mem.h says an undecoded read returns
	return false;
}

void *pamu_tlm::mem_dmi(void *ctx, uint64_t addr, size_t len)
{
	pamu_tlm *self = static_cast<pamu_tlm *>(ctx);
	tlm::tlm_dmi &d = self->mem_dmi_;

	if (len == 0)
		return nullptr;
	if (!self->mem_dmi_valid_ || addr < d.get_start_address() || addr + len - 1 > d.get_end_address()) {
		tlm::tlm_generic_payload gp;
		tlm::tlm_dmi nd;

		gp.set_command(tlm::TLM_READ_COMMAND);
		gp.set_address(addr);
		if (!self->mem->get_direct_mem_ptr(gp, nd) || !nd.is_read_allowed() ||
		    addr < nd.get_start_address() || addr + len - 1 > nd.get_end_address())
			return nullptr;
		d = nd;
		self->mem_dmi_valid_ = true;
	}
	return d.get_dmi_ptr() + (addr - d.get_start_address());
}

void pamu_tlm::mem_invalidate(sc_dt::uint64 start, sc_dt::uint64 end)
{
	/* The model's fast path holds DMI pointers: drop them all (docs/pamu-model.md 12). */
	mem_dmi_valid_ = false;
	mem_dmi_refused_ = false;
	pamu_invalidate_fast_path(pamu_);
	if (dma_dmi_granted_)
		dma->invalidate_direct_mem_ptr(start, end);
}

void pamu_tlm::irq_changed(void *ctx, enum pamu_irq_line line, bool level)
{
	pamu_tlm *self = static_cast<pamu_tlm *>(ctx);

	self->irq_level_[line] = level;
	if (sc_is_running())
		self->irq_ev_.notify(SC_ZERO_TIME);
}

void pamu_tlm::irq_method()
{
	irq.write(irq_level_[PAMU_IRQ_AV]);
	irq_operr.write(irq_level_[PAMU_IRQ_OPERR]);
}

} // namespace pamusim
