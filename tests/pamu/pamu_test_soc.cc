// SPDX-License-Identifier: BSD-2-Clause
// pamu_test_soc.cc - the SoC-like rig of the PAMU unit tests (see pamu_test_soc.h for the sources).
#include "pamu_test_soc.h"

#include <cstdio>
#include <cstring>

namespace pamu_test {

rig::rig(const rig_opts &o)
{
	soc_bus_cfg bc{};

	bc.sink.emit = emit;
	bc.sink.ctx = this;
	bus = soc_bus_create(&bc);
	soc_bus_add_dram(bus, "dram", DRAM_BASE, DRAM_SIZE);
	for (unsigned int n = 0; n < o.pamus; n++) {
		pamu_cfg c{};
		char name[16];
		pamu *pm = nullptr;
		auto *ctx = new pamu_ctx{this, n};

		ctxs_.push_back(ctx);
		snprintf(name, sizeof(name), "pamu%u", n);
		c.name = name;
		c.index = n;
		c.caps = o.caps ? *o.caps : *pamu_builtin_caps(o.soc);
		c.erratum_a003638 = o.erratum;
		c.mem = soc_bus_mem_if(bus);
		if (!o.dmi) {
			c.mem.dmi = nullptr;
			c.mem.ctx = this;
			c.mem.read = mem_read_nodmi;
			c.mem.write = nullptr;
		}
		c.sink.emit = emit;
		c.sink.ctx = this;
		c.irq_changed = irq_cb;
		c.irq_ctx = ctx;
		if (o.trace) {
			c.trace = trace_cb;
			c.trace_ctx = this;
		}
		if (pamu_create(&c, &pm) != PAMU_STATUS_OK)
			pm = nullptr;
		pamus.push_back(pm);
		static const soc_mmio_ops ops = {mmio_read, mmio_write};

		soc_bus_add_mmio(bus, name, reg_addr(n, 0), PAMU_BLOCK_SIZE, &ops, ctx);
	}
}

rig::~rig()
{
	for (pamu *pm : pamus)
		pamu_destroy(pm);
	soc_bus_destroy(bus);
	for (pamu_ctx *c : ctxs_)
		delete c;
}

bool rig::mem_read_nodmi(void *ctx, uint64_t addr, void *buf, size_t len, const sim_txn_attrs *a)
{
	rig *r = static_cast<rig *>(ctx);

	return soc_bus_read(r->bus, addr, buf, len, a) == SOC_BUS_OK;
}

void rig::emit(void *ctx, const sim_event *ev)
{
	rig *r = static_cast<rig *>(ctx);

	r->events.push_back(event_rec{ev->kind, ev->block ? ev->block : "", ev->reg ? ev->reg : "", ev->msg,
				      ev->addr, ev->size});
}

void rig::irq_cb(void *ctx, pamu_irq_line line, bool level)
{
	pamu_ctx *c = static_cast<pamu_ctx *>(ctx);

	c->r->irqs.push_back(irq_rec{c->n, line, level});
}

void rig::trace_cb(void *ctx, const pamu_walk_step *st)
{
	static_cast<rig *>(ctx)->steps.push_back(*st);
}

uint64_t rig::mmio_read(void *opaque, uint64_t off, unsigned int size, const sim_txn_attrs *a)
{
	pamu_ctx *c = static_cast<pamu_ctx *>(opaque);

	return pamu_reg_read(c->r->pamus[c->n], (uint32_t)off, size);
}

void rig::mmio_write(void *opaque, uint64_t off, unsigned int size, uint64_t v, const sim_txn_attrs *a)
{
	pamu_ctx *c = static_cast<pamu_ctx *>(opaque);

	pamu_reg_write(c->r->pamus[c->n], (uint32_t)off, size, (uint32_t)v);
}

uint32_t rig::rd(uint32_t off, unsigned int n, unsigned int size)
{
	sim_txn_attrs a{SIM_INITIATOR_CPU, 0};
	uint64_t v = 0;

	soc_bus_load(bus, reg_addr(n, off), size, &v, &a);
	return (uint32_t)v;
}

void rig::wr(uint32_t off, uint32_t v, unsigned int n, unsigned int size)
{
	sim_txn_attrs a{SIM_INITIATOR_CPU, 0};

	soc_bus_store(bus, reg_addr(n, off), size, v, &a);
}

void rig::program_tables(unsigned int n, uint64_t base)
{
	// High word first, base then limit (hw-facts.md 2.1 step 4).
	wr64(PPBAH, base + PPAACT_OFF, n);
	wr64(PPLAH, base + PPAACT_OFF + 64ull * PPAACT_ENTRIES, n);
	wr64(SPBAH, base + SPAACT_OFF, n);
	wr64(SPLAH, base + SPAACT_OFF + 64ull * SPAACT_ENTRIES, n);
	wr64(OBAH, base + OMT_OFF, n);
	wr64(OLAH, base + OMT_OFF + 128ull * OMT_ENTRIES, n);
}

void rig::enable(unsigned int n, uint64_t base)
{
	program_tables(n, base);
	wr(PICS, PICS_DRIVER_BOOT, n);
	wr(PC, PC_DRIVER_ENABLE, n);
	fill_driver_omt(base);
	pamu_set_bypass(pamus[n], false);
}

void rig::enable_all(uint64_t base)
{
	for (unsigned int n = 0; n < pamus.size(); n++) {
		program_tables(n, base);
		wr(PICS, PICS_DRIVER_BOOT, n);
		wr(PC, PC_DRIVER_ENABLE, n);
	}
	fill_driver_omt(base);
	for (pamu *pm : pamus)
		pamu_set_bypass(pm, false);
}

void rig::fill_driver_omt(uint64_t base)
{
	// hw-facts.md 6: OMI 0 QMAN, 1 FMAN, 2 QMAN_PRIV, 3 CAAM.
	uint8_t *o = ome(0, base);

	o[0] = 0x80; o[1] = 0x81; o[2] = 0x96; o[3] = 0x9d; o[4] = 0x90; o[7] = 0x92;
	o = ome(1, base);
	o[0] = 0x98; o[1] = 0x81;
	o = ome(2, base);
	o[0] = 0x80; o[1] = 0x81; o[2] = 0x96; o[3] = 0x9b;
	o = ome(3, base);
	o[0] = 0x98; o[1] = 0x81;
}

void *rig::dram(uint64_t addr, size_t len)
{
	return soc_bus_dram_ptr(bus, addr, len);
}

drv_paace *rig::paace(uint32_t liodn, uint64_t base)
{
	return static_cast<drv_paace *>(dram(base + PPAACT_OFF + 64ull * liodn, 64));
}

drv_paace *rig::spaace(uint32_t idx, uint64_t base)
{
	return static_cast<drv_paace *>(dram(base + SPAACT_OFF + 64ull * idx, 64));
}

uint8_t *rig::ome(uint32_t omi, uint64_t base)
{
	return static_cast<uint8_t *>(dram(base + OMT_OFF + 128ull * omi, 128));
}

pamu_result rig::xlate(uint16_t liodn, uint64_t addr, uint32_t size, uint8_t op, unsigned int n)
{
	pamu_request q{liodn, addr, size, op};
	pamu_result r;

	memset(&r, 0xa5, sizeof(r));	// every field must be written by the model
	pamu_translate(pamus[n], &q, &r);
	return r;
}

size_t rig::count_events(sim_event_kind k) const
{
	size_t c = 0;

	for (const event_rec &e : events)
		c += e.kind == k;
	return c;
}

std::string describe(const pamu_result &r)
{
	char buf[512];

	snprintf(buf, sizeof(buf),
		 "kind=%s fault=%s unsup=%d/0x%x paddr=0x%llx out_op=0x%02x cid=%u snp=%u did=%u pid=%u cr=%d "
		 "dd=%d sw=%d avs1=0x%08x avs2=0x%08x ava=0x%llx poes1=0x%08x poes2=0x%x poea=0x%llx rep=%d lat=%d",
		 pamu_xlate_kind_name(r.kind), pamu_fault_name(r.fault), (int)r.unsupported, r.unsupported_value,
		 (unsigned long long)r.paddr, r.out_op, r.stash_id, r.snoop_id, r.did, r.pid, r.coherent, r.to_io,
		 r.subwindow, r.avs1, r.avs2, (unsigned long long)r.ava, r.poes1, r.poes2,
		 (unsigned long long)r.poea, r.reported, r.latched);
	return buf;
}

bool same_result(const pamu_result &a, const pamu_result &b)
{
	return a.kind == b.kind && a.fault == b.fault && a.unsupported == b.unsupported &&
	       a.unsupported_value == b.unsupported_value && a.paddr == b.paddr && a.out_op == b.out_op &&
	       a.stash_id == b.stash_id && a.snoop_id == b.snoop_id && a.did == b.did && a.pid == b.pid &&
	       a.coherent == b.coherent && a.to_io == b.to_io && a.subwindow == b.subwindow &&
	       a.avs1 == b.avs1 && a.avs2 == b.avs2 && a.ava == b.ava && a.poes1 == b.poes1 &&
	       a.poes2 == b.poes2 && a.poea == b.poea && a.reported == b.reported && a.latched == b.latched;
}

} // namespace pamu_test
