// SPDX-License-Identifier: BSD-2-Clause
// vp.cc - the example virtual platform's parts: memory, MPIC wrapper, stub CPU, traffic generator.
//
// Source of facts: see vp.h (hw-facts.md 9, docs/mpic.md 2-3, docs/cosim.md 6).
#include "vp.h"

#include <cstring>

using namespace sc_core;

namespace pamusim {

// MPIC register offsets (docs/mpic.md 2): source n's IVPR/IDR, CPU 0's CTPR/IACK/EOI.
static constexpr uint32_t MPIC_IVPR(unsigned int n) { return 0x10000 + 0x20 * n; }
static constexpr uint32_t MPIC_IDR(unsigned int n) { return 0x10010 + 0x20 * n; }
static constexpr uint32_t MPIC_CTPR0 = 0x20080, MPIC_IACK0 = 0x200a0, MPIC_EOI0 = 0x200b0;
static constexpr uint32_t PAMU_VECTOR = 0x24;

/* ------------------------------------------------------------------ memory ---- */

cosim_mem::cosim_mem(sc_module_name name, uint64_t base, uint64_t size)
	: sc_module(name), sock("sock"), base_(base), size_(size), bytes_(size)
{
	sock.register_b_transport(this, &cosim_mem::b_transport);
	sock.register_get_direct_mem_ptr(this, &cosim_mem::get_dmi);
	sock.register_transport_dbg(this, &cosim_mem::debug);
}

void cosim_mem::poison(uint64_t addr, uint64_t len)
{
	poison_.emplace_back(addr, len);
	invalidate_dmi();
}

void cosim_mem::clear_poison()
{
	poison_.clear();
}

void cosim_mem::invalidate_dmi()
{
	sock->invalidate_direct_mem_ptr(0, ~(sc_dt::uint64)0);
}

bool cosim_mem::decoded(uint64_t addr, uint64_t len) const
{
	if (len == 0 || addr < base_ || addr - base_ > size_ || len > size_ - (addr - base_))
		return false;
	for (const auto &p : poison_)
		if (addr < p.first + p.second && p.first < addr + len)
			return false;
	return true;
}

void cosim_mem::b_transport(tlm::tlm_generic_payload &gp, sc_time &delay)
{
	uint64_t a = gp.get_address();
	unsigned int len = gp.get_data_length();
	const unsigned char *be = gp.get_byte_enable_ptr();
	unsigned int bel = gp.get_byte_enable_length();

	accesses++;
	delay += latency;
	if (!decoded(a, len)) {
		gp.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
		return;
	}
	if (gp.get_streaming_width() < len) {
		gp.set_response_status(tlm::TLM_BURST_ERROR_RESPONSE);
		return;
	}
	uint8_t *m = host(a);
	if (!be) {
		if (gp.is_read())
			std::memcpy(gp.get_data_ptr(), m, len);
		else if (gp.is_write())
			std::memcpy(m, gp.get_data_ptr(), len);
		len = 0;
	}
	for (unsigned int i = 0; i < len; i++) {
		if (be && !be[i % bel])
			continue;
		if (gp.is_read())
			gp.get_data_ptr()[i] = m[i];
		else if (gp.is_write())
			m[i] = gp.get_data_ptr()[i];
	}
	gp.set_dmi_allowed(dmi_enabled && poison_.empty());
	gp.set_response_status(tlm::TLM_OK_RESPONSE);
}

bool cosim_mem::get_dmi(tlm::tlm_generic_payload &gp, tlm::tlm_dmi &dmi)
{
	/* DMI covers the whole memory while nothing is poisoned (a poisoned range must fault). */
	if (!dmi_enabled || !poison_.empty() || !decoded(gp.get_address(), 1)) {
		dmi.allow_none();
		return false;
	}
	dmi.set_dmi_ptr(bytes_.data());
	dmi.set_start_address(base_);
	dmi.set_end_address(base_ + size_ - 1);
	dmi.allow_read_write();
	dmi.set_read_latency(latency);
	dmi.set_write_latency(latency);
	return true;
}

unsigned int cosim_mem::debug(tlm::tlm_generic_payload &gp)
{
	uint64_t a = gp.get_address();
	unsigned int len = gp.get_data_length();

	if (!decoded(a, len))
		return 0;
	if (gp.is_read())
		std::memcpy(gp.get_data_ptr(), host(a), len);
	else if (gp.is_write())
		std::memcpy(host(a), gp.get_data_ptr(), len);
	return len;
}

/* -------------------------------------------------------------------- MPIC ---- */

mpic_tlm::mpic_tlm(sc_module_name name) : sc_module(name), pamu_irq("pamu_irq"), cpu_irq("cpu_irq"), regs("regs")
{
	struct mpic_cfg cfg;

	if (!mpic_builtin_layout("p4080", &cfg))
		SC_REPORT_FATAL("pamusim/mpic_tlm", "no p4080 MPIC layout");
	cfg.name = this->name();
	cfg.irq_changed = irq_changed;
	cfg.irq_ctx = this;
	if (mpic_create(&cfg, &mpic_) != MPIC_STATUS_OK)
		SC_REPORT_FATAL("pamusim/mpic_tlm", "mpic_create failed");
	regs.register_b_transport(this, &mpic_tlm::b_transport);
	SC_HAS_PROCESS(mpic_tlm);
	SC_METHOD(pamu_irq_method);
	sensitive << pamu_irq;
	dont_initialize();
	SC_METHOD(out_method);
	sensitive << out_ev_;
}

mpic_tlm::~mpic_tlm()
{
	mpic_destroy(mpic_);
}

void mpic_tlm::pamu_irq_method()
{
	mpic_set_irq(mpic_, MPIC_SRC_PAMU, pamu_irq.read());
}

void mpic_tlm::irq_changed(void *ctx, unsigned int cpu, bool level)
{
	mpic_tlm *self = static_cast<mpic_tlm *>(ctx);

	if (cpu != 0)
		return;
	self->out_ = level;
	if (sc_is_running())
		self->out_ev_.notify(SC_ZERO_TIME);
}

void mpic_tlm::out_method()
{
	cpu_irq.write(out_);
}

void mpic_tlm::b_transport(tlm::tlm_generic_payload &gp, sc_time &delay)
{
	uint32_t v = 0;
	unsigned int len = gp.get_data_length();

	delay += sc_time(4, SC_NS);
	if (gp.get_address() >= MPIC_WINDOW_SIZE || len == 0 || len > 4) {
		gp.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
		return;
	}
	if (gp.is_read()) {
		v = mpic_reg_read(mpic_, (uint32_t)gp.get_address(), len);
		std::memcpy(gp.get_data_ptr(), &v, len);
	} else if (gp.is_write()) {
		std::memcpy(&v, gp.get_data_ptr(), len);
		mpic_reg_write(mpic_, (uint32_t)gp.get_address(), len, v);
	}
	gp.set_response_status(tlm::TLM_OK_RESPONSE);
}

/* ---------------------------------------------------------------- stub CPU ---- */

stub_cpu::stub_cpu(sc_module_name name) : sc_module(name), pamu_regs("pamu_regs"), mpic_regs("mpic_regs"), irq("irq")
{
	SC_HAS_PROCESS(stub_cpu);
	SC_THREAD(isr_thread);
}

uint32_t stub_cpu::access(tlm_utils::simple_initiator_socket<stub_cpu> &s, tlm::tlm_command cmd, uint32_t off,
			  uint32_t v)
{
	tlm::tlm_generic_payload gp;
	sc_time delay = SC_ZERO_TIME;

	gp.set_command(cmd);
	gp.set_address(off);
	gp.set_data_ptr(reinterpret_cast<unsigned char *>(&v));
	gp.set_data_length(4);
	gp.set_streaming_width(4);
	gp.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
	s->b_transport(gp, delay);
	local_time += delay;
	if (!gp.is_response_ok())
		SC_REPORT_WARNING("pamusim/stub_cpu", gp.get_response_string().c_str());
	return v;
}

uint32_t stub_cpu::pamu_read(uint32_t off)
{
	return access(pamu_regs, tlm::TLM_READ_COMMAND, off, 0);
}

void stub_cpu::pamu_write(uint32_t off, uint32_t v)
{
	access(pamu_regs, tlm::TLM_WRITE_COMMAND, off, v);
}

uint32_t stub_cpu::mpic_read(uint32_t off)
{
	return access(mpic_regs, tlm::TLM_READ_COMMAND, off, 0);
}

void stub_cpu::mpic_write(uint32_t off, uint32_t v)
{
	access(mpic_regs, tlm::TLM_WRITE_COMMAND, off, v);
}

void stub_cpu::mpic_setup()
{
	/* IVPR: MSK 0, P 1 (active-high), S 1 (level), priority 5, our vector (docs/mpic.md 2). */
	mpic_write(MPIC_IVPR(MPIC_SRC_PAMU), 0x00c50000u | PAMU_VECTOR);
	mpic_write(MPIC_IDR(MPIC_SRC_PAMU), 1u);
	mpic_write(MPIC_CTPR0, 0);
}

void stub_cpu::isr_thread()
{
	for (;;) {
		wait(irq.posedge_event());
		while (irq.read()) {
			isr_record r;

			r.vector = mpic_read(MPIC_IACK0);
			r.avs1 = pamu_read(0x050);
			r.avs2 = pamu_read(0x054);
			r.ava = (uint64_t)pamu_read(0x058) << 32 | pamu_read(0x05c);
			r.when = sc_time_stamp();
			/* What the driver's ISR does (docs/pamu-model.md 5): clear the fields, clear AVS. */
			pamu_write(0x050, r.avs1 & 0x7fffu);
			pamu_write(0xc1c, 0x8u | (pamu_read(0xc1c) & 0x4u));
			mpic_write(MPIC_EOI0, 0);
			taken.push_back(r);
			/* The cleared level travels PAMU -> MPIC -> CPU through a few delta cycles: look
			 * again once it has settled (a still-high line is a new interrupt). */
			wait(1, SC_NS);
		}
	}
}

/* ------------------------------------------------------- traffic generator ---- */

traffic_gen::traffic_gen(sc_module_name name) : sc_module(name), dma("dma")
{
	dma.register_invalidate_direct_mem_ptr(this, &traffic_gen::invalidate);
	SC_HAS_PROCESS(traffic_gen);
	SC_THREAD(run);
}

void traffic_gen::invalidate(sc_dt::uint64 start, sc_dt::uint64 end)
{
	(void)start;
	(void)end;
	invalidations++;
}

void traffic_gen::issue(txn &t)
{
	tlm::tlm_generic_payload gp;
	liodn_ext ext;
	sc_time delay = SC_ZERO_TIME;

	if (t.data.size() < t.len)
		t.data.resize(t.len);
	ext.liodn = t.liodn;
	if (t.op >= 0) {
		ext.has_op = true;
		ext.op = (uint8_t)t.op;
	}
	gp.set_command(t.cmd);
	gp.set_address(t.addr);
	gp.set_data_ptr(t.data.data());
	gp.set_data_length(t.len);
	gp.set_streaming_width(t.len);
	gp.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
	gp.set_extension(&ext);
	dma->b_transport(gp, delay);
	gp.clear_extension(&ext);
	t.status = gp.get_response_status();
	t.result = ext.result;
	t.delay = delay;
	wait(delay);
}

void traffic_gen::run()
{
	wait(SC_ZERO_TIME);
	if (body)
		body(*this);
	done = true;
	sc_stop();
}

/* ---------------------------------------------------------------- platform ---- */

vp::vp(sc_module_name name, const pamu_tlm_cfg &cfg)
	: sc_module(name), dram("dram", 0, DRAM_SIZE), pamu("pamu", cfg), mpic("mpic"), cpu("cpu"), tg("tg"),
	  pamu_irq("pamu_irq"), pamu_operr("pamu_operr"), cpu_irq("cpu_irq")
{
	tg.dma.bind(pamu.dma);
	pamu.mem.bind(dram.sock);
	cpu.pamu_regs.bind(pamu.regs);
	cpu.mpic_regs.bind(mpic.regs);
	pamu.irq.bind(pamu_irq);
	pamu.irq_operr.bind(pamu_operr);
	mpic.pamu_irq.bind(pamu_irq);
	mpic.cpu_irq.bind(cpu_irq);
	cpu.irq.bind(cpu_irq);
}

void vp::enable_pamu(uint32_t ppaact_entries, uint32_t spaact_entries)
{
	uint64_t ppla = TABLES + 64ull * ppaact_entries, spla = SPAACT + 64ull * spaact_entries;

	cpu.pamu_write(0x000, (uint32_t)(TABLES >> 32));
	cpu.pamu_write(0x004, (uint32_t)TABLES);
	cpu.pamu_write(0x008, (uint32_t)(ppla >> 32));
	cpu.pamu_write(0x00c, (uint32_t)ppla);
	cpu.pamu_write(0x010, (uint32_t)(SPAACT >> 32));
	cpu.pamu_write(0x014, (uint32_t)SPAACT);
	cpu.pamu_write(0x018, (uint32_t)(spla >> 32));
	cpu.pamu_write(0x01c, (uint32_t)spla);
	cpu.pamu_write(0xc1c, 0x4u);		// PICS.AVIE
	cpu.pamu_write(0xc10, 0x40001011u);	// PC: enable + cache enables (hw-facts.md 2.1)
	pamu.set_bypass(false);
}

void vp::write_paace(uint16_t liodn, const void *img)
{
	std::memcpy(dram.host(TABLES + 64ull * liodn), img, 64);
}

void vp::write_spaace(uint32_t index, const void *img)
{
	std::memcpy(dram.host(SPAACT + 64ull * index), img, 64);
}

} // namespace pamusim
