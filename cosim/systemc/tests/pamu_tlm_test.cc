// SPDX-License-Identifier: BSD-2-Clause
// pamu_tlm_test.cc - tests of the TLM-2.0 PAMU on the example platform: translations, faults as TLM
// error responses, register access through the socket, timing annotation sums, DMI, the interrupt path.
//
// One sc_main, one test per run (`pamu_tlm_test <name>`): SystemC elaborates once per process, so CTest
// runs each test as its own process (Cosim.SystemC.<name>). Expected values come from docs/cosim.md
// (response mapping, annotation rule) and docs/pamu-model.md (translation rules), written here by hand.
#include <cstdio>
#include <cstring>
#include <string>

#include "cosim_paace.h"
#include "vp.h"
#ifdef PAMUSIM_HAVE_PAMU_TIMING
#include "pamu_timing.h"
#endif

using namespace sc_core;
using namespace pamusim;
using cosim::paace_img;

static int failures;

#define CHECK(cond)                                                                              \
	do {                                                                                     \
		if (!(cond)) {                                                                   \
			std::fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
			failures++;                                                              \
		}                                                                                \
	} while (0)
#define CHECK_EQ(a, b)                                                                           \
	do {                                                                                     \
		auto va_ = (a);                                                                  \
		auto vb_ = (b);                                                                  \
		if (!(va_ == vb_)) {                                                             \
			std::fprintf(stderr, "%s:%d: CHECK_EQ failed: %s (0x%llx) != %s (0x%llx)\n", \
				     __FILE__, __LINE__, #a, (unsigned long long)va_, #b,        \
				     (unsigned long long)vb_);                                   \
			failures++;                                                              \
		}                                                                                \
	} while (0)

using txn = traffic_gen::txn;

static txn mk(uint16_t liodn, tlm::tlm_command cmd, uint64_t addr, unsigned int len)
{
	txn t;

	t.liodn = liodn;
	t.cmd = cmd;
	t.addr = addr;
	t.len = len;
	return t;
}

// LIODN 5: 1 MiB window at 0x100000 -> 0x2000000, read/write. LIODN 6: 2 MiB at 0x400000 in two
// slots: slot 0 (primary) -> 0x2200000, slot 1 (SPAACE 3) -> 0x2400000, read only.
static void std_tables(vp &p)
{
	paace_img a, b, s;

	a.window_base(0x100000).wse(cosim::size_enc(1 << 20)).ap(3).atm(1).translated_base(0x2000000).valid(1);
	a.ids(1, 2, 3).cid(9).coherent(true);
	p.write_paace(5, a.b);
	b.window_base(0x400000).wse(cosim::size_enc(2 << 20)).ap(3).atm(1).translated_base(0x2200000);
	b.mw(1).wce(0).fspi(3).swse(cosim::size_enc(1 << 20)).valid(1);
	p.write_paace(6, b.b);
	s.owner(6).secondary(1).ap(1).atm(1).translated_base(0x2400000).swse(cosim::size_enc(1 << 20)).valid(1);
	p.write_spaace(3, s.b);
}

static void t_translate(vp &p)
{
	p.pamu.set_bypass(true);
	p.tg.body = [&p](traffic_gen &tg) {
		txn by = mk(5, tlm::TLM_WRITE_COMMAND, 0x300000, 4);

		by.data = { 1, 2, 3, 4 };
		tg.issue(by);
		CHECK_EQ(by.status, tlm::TLM_OK_RESPONSE);
		CHECK_EQ(by.result.kind, PAMU_XLATE_BYPASS);
		CHECK_EQ(p.dram.host(0x300000)[3], 4);

		std_tables(p);
		p.enable_pamu();
		txn w = mk(5, tlm::TLM_WRITE_COMMAND, 0x100040, 8);
		w.data = { 0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7 };
		tg.issue(w);
		CHECK_EQ(w.status, tlm::TLM_OK_RESPONSE);
		CHECK_EQ(w.result.kind, PAMU_XLATE_OK);
		CHECK_EQ(w.result.paddr, 0x2000040ull);
		CHECK_EQ(w.result.did, 1);
		CHECK_EQ(w.result.snoop_id, 3);
		CHECK_EQ(w.result.stash_id, 9);
		CHECK(w.result.coherent);
		CHECK_EQ(std::memcmp(p.dram.host(0x2000040), w.data.data(), 8), 0);
		CHECK_EQ(p.dram.host(0x100040)[0], 0);	// nothing at the untranslated address

		txn r = mk(5, tlm::TLM_READ_COMMAND, 0x100040, 8);
		tg.issue(r);
		CHECK_EQ(r.status, tlm::TLM_OK_RESPONSE);
		CHECK(r.data == w.data);

		txn s0 = mk(6, tlm::TLM_WRITE_COMMAND, 0x400010, 4), s1 = mk(6, tlm::TLM_READ_COMMAND, 0x500020, 4);
		s0.data = { 9, 9, 9, 9 };
		tg.issue(s0);
		CHECK_EQ(s0.status, tlm::TLM_OK_RESPONSE);
		CHECK_EQ(s0.result.paddr, 0x2200010ull);
		CHECK_EQ(s0.result.subwindow, 0);
		CHECK_EQ(p.dram.host(0x2200010)[0], 9);
		p.dram.host(0x2400020)[0] = 0x5a;
		tg.issue(s1);
		CHECK_EQ(s1.status, tlm::TLM_OK_RESPONSE);
		CHECK_EQ(s1.result.paddr, 0x2400020ull);
		CHECK_EQ(s1.result.subwindow, 1);
		CHECK_EQ(s1.data[0], 0x5a);

		/* An explicit inbound code rides in the extension: read-atomic needs read and write. */
		txn at = mk(5, tlm::TLM_READ_COMMAND, 0x100000, 4);
		at.op = PAMU_OP_RAI;
		tg.issue(at);
		CHECK_EQ(at.status, tlm::TLM_OK_RESPONSE);
		CHECK_EQ(at.result.out_op, 0x0f);
		CHECK(p.cpu.taken.empty());
	};
}

static void t_faults(vp &p)
{
	p.tg.body = [&p](traffic_gen &tg) {
		paace_img inv, atm2;

		std_tables(p);
		inv.window_base(0).wse(cosim::size_enc(1 << 20)).ap(3);	// V = 0
		p.write_paace(7, inv.b);
		atm2.window_base(0).wse(cosim::size_enc(1 << 20)).ap(3).atm(2).valid(1);
		p.write_paace(8, atm2.b);
		p.cpu.mpic_setup();
		p.enable_pamu();

		struct {
			txn t;
			tlm::tlm_response_status want;
			enum pamu_fault fault;
		} rows[] = {
			{ mk(5, tlm::TLM_READ_COMMAND, 0x200000, 4), tlm::TLM_ADDRESS_ERROR_RESPONSE, PAMU_FAULT_WINDOW },
			{ mk(5, tlm::TLM_READ_COMMAND, 0x1ffffe, 4), tlm::TLM_ADDRESS_ERROR_RESPONSE,
			  PAMU_FAULT_WINDOW_CROSS },
			{ mk(6, tlm::TLM_WRITE_COMMAND, 0x500000, 4), tlm::TLM_COMMAND_ERROR_RESPONSE,
			  PAMU_FAULT_PERMISSION },
			{ mk(0x600, tlm::TLM_READ_COMMAND, 0, 4), tlm::TLM_ADDRESS_ERROR_RESPONSE,
			  PAMU_FAULT_LIODN_RANGE },
			{ mk(7, tlm::TLM_READ_COMMAND, 0, 4), tlm::TLM_ADDRESS_ERROR_RESPONSE, PAMU_FAULT_PAACE_INVALID },
			{ mk(6, tlm::TLM_READ_COMMAND, 0x4ffffe, 4), tlm::TLM_ADDRESS_ERROR_RESPONSE,
			  PAMU_FAULT_SUBWINDOW_CROSS },
		};
		unsigned int reported = 0;

		for (auto &row : rows) {
			tg.issue(row.t);
			CHECK_EQ(row.t.status, row.want);
			CHECK_EQ(row.t.result.fault, row.fault);
			if (row.t.result.reported)
				reported++;
			wait(100, SC_NS);	// the ISR runs and re-arms the latch
		}
		/* Every reported violation reached the CPU through MPIC source 24, one ISR each. */
		CHECK_EQ(p.cpu.taken.size(), (size_t)reported);
		CHECK_EQ(reported, 5u);	// V = 0 without the erratum is silent
		if (!p.cpu.taken.empty()) {
			CHECK_EQ(p.cpu.taken[0].vector, 0x24u);
			CHECK_EQ(p.cpu.taken[0].avs1 >> 16, 5u);
			CHECK_EQ(p.cpu.taken[0].ava, 0x200000ull);
			CHECK_EQ(p.cpu.taken[0].avs1 & 0x1u, 1u);
		}
		CHECK(!p.pamu_irq.read());

		txn undef = mk(5, tlm::TLM_READ_COMMAND, 0x100000, 4);
		undef.op = 0x90;
		tg.issue(undef);
		CHECK_EQ(undef.status, tlm::TLM_COMMAND_ERROR_RESPONSE);
		CHECK_EQ(undef.result.fault, PAMU_FAULT_OP_UNDEFINED);

		txn un = mk(8, tlm::TLM_READ_COMMAND, 0x10, 4);
		tg.issue(un);
		CHECK_EQ(un.status, tlm::TLM_GENERIC_ERROR_RESPONSE);
		CHECK_EQ(un.result.kind, PAMU_XLATE_UNSUPPORTED);

		txn zero = mk(5, tlm::TLM_READ_COMMAND, 0x100000, 0);
		tg.issue(zero);
		CHECK_EQ(zero.status, tlm::TLM_GENERIC_ERROR_RESPONSE);
		CHECK_EQ(zero.result.kind, PAMU_XLATE_BAD_REQUEST);

		/* No extension: no LIODN, no translation. */
		tlm::tlm_generic_payload gp;
		uint32_t d = 0;
		sc_time dl = SC_ZERO_TIME;
		gp.set_command(tlm::TLM_READ_COMMAND);
		gp.set_address(0x100000);
		gp.set_data_ptr(reinterpret_cast<unsigned char *>(&d));
		gp.set_data_length(4);
		gp.set_streaming_width(4);
		tg.dma->b_transport(gp, dl);
		CHECK_EQ(gp.get_response_status(), tlm::TLM_GENERIC_ERROR_RESPONSE);

		/* Table fetch error: the PAACE of LIODN 5 is not readable; operation-error line rises. */
		p.dram.poison(vp::TABLES + 64 * 5, 64);
		txn fe = mk(5, tlm::TLM_READ_COMMAND, 0x100000, 4);
		tg.issue(fe);
		CHECK_EQ(fe.status, tlm::TLM_GENERIC_ERROR_RESPONSE);
		CHECK_EQ(fe.result.fault, PAMU_FAULT_TABLE_FETCH);
		CHECK_EQ(fe.result.poea, vp::TABLES + 64 * 5);
		wait(SC_ZERO_TIME);
		CHECK(p.pamu_operr.read());
		p.dram.clear_poison();

		/* Every fault kind against docs/cosim.md 3, written out by hand. */
		const struct {
			enum pamu_fault f;
			tlm::tlm_response_status want;
		} map[] = {
			{ PAMU_FAULT_GATE_CLOSED, tlm::TLM_GENERIC_ERROR_RESPONSE },
			{ PAMU_FAULT_DISABLED, tlm::TLM_GENERIC_ERROR_RESPONSE },
			{ PAMU_FAULT_LIODN_RANGE, tlm::TLM_ADDRESS_ERROR_RESPONSE },
			{ PAMU_FAULT_PAACE_INVALID, tlm::TLM_ADDRESS_ERROR_RESPONSE },
			{ PAMU_FAULT_PAACE_TYPE, tlm::TLM_ADDRESS_ERROR_RESPONSE },
			{ PAMU_FAULT_WINDOW, tlm::TLM_ADDRESS_ERROR_RESPONSE },
			{ PAMU_FAULT_WINDOW_CROSS, tlm::TLM_ADDRESS_ERROR_RESPONSE },
			{ PAMU_FAULT_SPAACE_INVALID, tlm::TLM_ADDRESS_ERROR_RESPONSE },
			{ PAMU_FAULT_SUBWINDOW_CROSS, tlm::TLM_ADDRESS_ERROR_RESPONSE },
			{ PAMU_FAULT_SUBWINDOW_SIZE, tlm::TLM_ADDRESS_ERROR_RESPONSE },
			{ PAMU_FAULT_SPAACE_RANGE, tlm::TLM_ADDRESS_ERROR_RESPONSE },
			{ PAMU_FAULT_SPAACE_OWNER, tlm::TLM_ADDRESS_ERROR_RESPONSE },
			{ PAMU_FAULT_PERMISSION, tlm::TLM_COMMAND_ERROR_RESPONSE },
			{ PAMU_FAULT_MOE_INVALID, tlm::TLM_COMMAND_ERROR_RESPONSE },
			{ PAMU_FAULT_OMI_RANGE, tlm::TLM_COMMAND_ERROR_RESPONSE },
			{ PAMU_FAULT_OP_UNDEFINED, tlm::TLM_COMMAND_ERROR_RESPONSE },
			{ PAMU_FAULT_TABLE_FETCH, tlm::TLM_GENERIC_ERROR_RESPONSE },
		};
		static_assert(sizeof(map) / sizeof(map[0]) == PAMU_FAULT_COUNT - 1, "one row per fault");
		for (const auto &m : map) {
			struct pamu_result r = {};

			r.kind = PAMU_XLATE_FAULT;
			r.fault = m.f;
			CHECK_EQ(pamu_tlm::response_for(r), m.want);
		}

		/* Gate closed. */
		p.cpu.pamu_write(cosim::R_PC, cosim::PC_GATE_CLOSED | 0x40000000u);
		txn gc = mk(5, tlm::TLM_READ_COMMAND, 0x100000, 4);
		tg.issue(gc);
		CHECK_EQ(gc.status, tlm::TLM_GENERIC_ERROR_RESPONSE);
		CHECK_EQ(gc.result.fault, PAMU_FAULT_GATE_CLOSED);
	};
}

static tlm::tlm_response_status reg_access(vp &p, tlm::tlm_command cmd, uint64_t off, unsigned int len,
					   void *data, const unsigned char *be = nullptr)
{
	tlm::tlm_generic_payload gp;
	sc_time d = SC_ZERO_TIME;

	gp.set_command(cmd);
	gp.set_address(off);
	gp.set_data_ptr(static_cast<unsigned char *>(data));
	gp.set_data_length(len);
	gp.set_streaming_width(len);
	if (be) {
		gp.set_byte_enable_ptr(const_cast<unsigned char *>(be));
		gp.set_byte_enable_length(len);
	}
	p.cpu.pamu_regs->b_transport(gp, d);
	return gp.get_response_status();
}

static void t_regs(vp &p)
{
	p.tg.body = [&p](traffic_gen &tg) {
		uint64_t misuse0 = pamu_reg_misuse_count(p.pamu.model());
		sc_time t0 = p.cpu.local_time;
		uint64_t v8 = 0;
		uint32_t v = 0;
		const unsigned char be[4] = { 0xff, 0, 0xff, 0 };

		(void)tg;
		p.cpu.pamu_write(cosim::R_PPBAL, 0x12345678u);
		CHECK_EQ(p.cpu.pamu_read(cosim::R_PPBAL), 0x12345640u);	// 5:0 reserved, read 0
		p.cpu.pamu_write(cosim::R_PPBAH, 0xffffffffu);
		CHECK_EQ(p.cpu.pamu_read(cosim::R_PPBAH), 0xfu);		// 36-bit addresses
		CHECK_EQ(p.cpu.pamu_read(0xbf8), 0x100u);			// PR1 of the built-in caps
		p.cpu.pamu_write(0xbf8, 0);					// read-only: dropped, misuse
		CHECK_EQ(p.cpu.pamu_read(0xbf8), 0x100u);
		CHECK(pamu_reg_misuse_count(p.pamu.model()) > misuse0);
		/* Seven accesses at the default register latency each (4 ns). */
		CHECK(p.cpu.local_time - t0 == sc_time(28, SC_NS));

		CHECK_EQ(reg_access(p, tlm::TLM_READ_COMMAND, 0x000, 8, &v8), tlm::TLM_BURST_ERROR_RESPONSE);
		CHECK_EQ(reg_access(p, tlm::TLM_READ_COMMAND, 0x1000, 4, &v), tlm::TLM_ADDRESS_ERROR_RESPONSE);
		CHECK_EQ(reg_access(p, tlm::TLM_WRITE_COMMAND, 0x004, 4, &v, be),
			 tlm::TLM_BYTE_ENABLE_ERROR_RESPONSE);

		/* Debug transport reads without side effects, refuses writes. */
		tlm::tlm_generic_payload gp;
		v = 0;
		gp.set_command(tlm::TLM_READ_COMMAND);
		gp.set_address(cosim::R_PPBAL);
		gp.set_data_ptr(reinterpret_cast<unsigned char *>(&v));
		gp.set_data_length(4);
		CHECK_EQ(p.cpu.pamu_regs->transport_dbg(gp), 4u);
		CHECK_EQ(v, 0x12345640u);
		gp.set_command(tlm::TLM_WRITE_COMMAND);
		CHECK_EQ(p.cpu.pamu_regs->transport_dbg(gp), 0u);

		/* AVS1 is write-1-to-clear through the socket too, and PICS.AVS drives the line. */
		p.cpu.pamu_write(cosim::R_PICS, cosim::PICS_AVIE);
		CHECK_EQ(p.cpu.pamu_read(cosim::R_PICS), cosim::PICS_AVIE);
	};
}

static void t_timing(vp &p)
{
	pamu_tlm_timing &tm = p.pamu.timing();

	tm.xlate = sc_time(3, SC_NS);
	tm.fetch = sc_time(7, SC_NS);
	p.dram.latency = sc_time(11, SC_NS);
	p.tg.body = [&p](traffic_gen &tg) {
		const sc_time ns(1, SC_NS);
		sc_time sum = SC_ZERO_TIME, start;

		std_tables(p);
		p.pamu.set_bypass(true);
		start = sc_time_stamp();
		txn by = mk(5, tlm::TLM_READ_COMMAND, 0x1000, 4);
		tg.issue(by);
		CHECK(by.delay == 14 * ns);		// xlate + data access, no walk in bypass
		sum += by.delay;
		p.enable_pamu();
		start = sc_time_stamp();
		sum = SC_ZERO_TIME;
		for (int i = 0; i < 3; i++) {		// the 2nd and 3rd may come from the fast path
			txn w = mk(5, tlm::TLM_WRITE_COMMAND, 0x100000 + 64 * i, 8);
			tg.issue(w);
			CHECK(w.delay == 21 * ns);	// 3 + 1 fetch x 7 + 11
			sum += w.delay;
		}
		txn s1 = mk(6, tlm::TLM_READ_COMMAND, 0x500000, 8);
		tg.issue(s1);
		CHECK(s1.delay == 28 * ns);		// 3 + 2 fetches x 7 + 11
		sum += s1.delay;
		txn f = mk(5, tlm::TLM_READ_COMMAND, 0x300000, 8);
		tg.issue(f);
		CHECK_EQ(f.status, tlm::TLM_ADDRESS_ERROR_RESPONSE);
		CHECK(f.delay == 10 * ns);		// 3 + 1 fetch, no data access
		sum += f.delay;
		txn r = mk(0x700, tlm::TLM_READ_COMMAND, 0, 8);
		tg.issue(r);
		CHECK(r.delay == 3 * ns);		// refused before any fetch (LIODN range)
		sum += r.delay;
		/* The generator waited each annotation: simulated time is their sum. */
		CHECK(sc_time_stamp() - start == sum);
		CHECK(sum == (3 * 21 + 28 + 10 + 3) * ns);

		struct pamu_stats st;
		pamu_get_stats(p.pamu.model(), &st);
		std::printf("fast-path hits %llu, walks %llu\n", (unsigned long long)st.fast_hits,
			    (unsigned long long)st.walks);
		CHECK(st.fast_hits >= 1);	// the rule was exercised on both paths
	};
}

static void t_dmi(vp &p)
{
	p.pamu.set_bypass(true);
	p.tg.body = [&p](traffic_gen &tg) {
		tlm::tlm_generic_payload gp;
		tlm::tlm_dmi dmi;
		liodn_ext ext;

		gp.set_command(tlm::TLM_READ_COMMAND);
		gp.set_address(0x1000);
		gp.set_extension(&ext);
		CHECK(tg.dma->get_direct_mem_ptr(gp, dmi));		// bypass: the memory's DMI
		CHECK(dmi.get_dmi_ptr() == p.dram.host(0));
		uint64_t inv0 = tg.invalidations;
		std_tables(p);
		p.enable_pamu();					// bypass off: revoked
		CHECK(tg.invalidations > inv0);
		tlm::tlm_dmi d2;
		CHECK(!tg.dma->get_direct_mem_ptr(gp, d2));		// translated: never
		gp.clear_extension(&ext);

		/* The model's fast path uses the memory's DMI; a table change under it is still seen. */
		for (int i = 0; i < 4; i++) {
			txn r = mk(5, tlm::TLM_READ_COMMAND, 0x100000, 4);
			tg.issue(r);
			CHECK_EQ(r.status, tlm::TLM_OK_RESPONSE);
		}
		struct pamu_stats st;
		pamu_get_stats(p.pamu.model(), &st);
		CHECK(st.fast_hits >= 2);
		paace_img a;
		a.window_base(0x100000).wse(cosim::size_enc(1 << 20)).ap(1).atm(1).translated_base(0x3000000).valid(1);
		p.write_paace(5, a.b);				// a plain store, as a driver's
		txn r = mk(5, tlm::TLM_READ_COMMAND, 0x100000, 4), w = mk(5, tlm::TLM_WRITE_COMMAND, 0x100000, 4);
		tg.issue(r);
		CHECK_EQ(r.result.paddr, 0x3000000ull);
		tg.issue(w);
		CHECK_EQ(w.status, tlm::TLM_COMMAND_ERROR_RESPONSE);
		/* Memory revokes its DMI: the wrapper drops the model's pointers and keeps working. */
		p.dram.invalidate_dmi();
		txn r2 = mk(5, tlm::TLM_READ_COMMAND, 0x100004, 4);
		tg.issue(r2);
		CHECK_EQ(r2.result.paddr, 0x3000004ull);
		/* The translated data access went through the memory's DMI; without it, b_transport. */
		uint64_t via_dmi = p.pamu.stats().data_dmi, mem_acc = p.dram.accesses;
		CHECK(via_dmi >= 1);
		p.dram.dmi_enabled = false;
		p.dram.invalidate_dmi();
		p.dram.host(0x3000008)[0] = 0x77;
		txn r3 = mk(5, tlm::TLM_READ_COMMAND, 0x100008, 1);
		tg.issue(r3);
		CHECK_EQ(r3.status, tlm::TLM_OK_RESPONSE);
		CHECK_EQ(r3.data[0], 0x77);
		CHECK_EQ(p.pamu.stats().data_dmi, via_dmi);
		CHECK(p.dram.accesses > mem_acc);
	};
}

#ifdef PAMUSIM_HAVE_PAMU_TIMING
// Issue 10's timing model: translate 4 cycles, tag lookup 2, table read 30 (no memory-timing
// callback), 4-entry direct-mapped caches, one translation in flight, snoop coherence.
static struct pamu_timing_cfg timing_model_cfg()
{
	struct pamu_timing_cfg t = {};

	for (auto &c : t.cache) {
		c.entries = 4;
		c.ways = 1;
		c.policy = PAMU_CACHE_LRU;
		c.lookup_cycles = 2;
	}
	t.translate_cycles = 4;
	t.walk_read_cycles = 30;
	t.max_outstanding = 1;
	t.coherence = PAMU_COH_SNOOP;
	t.hazard_window = 1;
	return t;
}

static void t_timing_model(vp &p)
{
	p.dram.latency = sc_time(11, SC_NS);
	p.tg.body = [&p](traffic_gen &tg) {
		const sc_time cyc = sc_time(1250, SC_PS), mem = sc_time(11, SC_NS);

		std_tables(p);
		p.enable_pamu();
		txn a = mk(5, tlm::TLM_WRITE_COMMAND, 0x100000, 8), b = mk(5, tlm::TLM_WRITE_COMMAND, 0x100040, 8);
		tg.issue(a);
		CHECK_EQ(a.status, tlm::TLM_OK_RESPONSE);
		CHECK(a.delay == cyc * 36.0 + mem);	// miss: 4 + lookup 2 + read 30
		tg.issue(b);
		CHECK(b.delay == cyc * 6.0 + mem);	// PAACE cache hit: 4 + 2
		txn s = mk(6, tlm::TLM_READ_COMMAND, 0x500000, 8);
		tg.issue(s);
		CHECK(s.delay == cyc * 68.0 + mem);	// PAACE and SPAACE misses: 4 + 2 x (2 + 30)
		/* PC with PE = 0 is the flush point: the next translation misses again. */
		p.cpu.pamu_write(cosim::R_PC, 0);
		p.cpu.pamu_write(cosim::R_PC, cosim::PC_ENABLE);
		txn c2 = mk(5, tlm::TLM_WRITE_COMMAND, 0x100080, 8);
		tg.issue(c2);
		CHECK(c2.delay == cyc * 36.0 + mem);
		struct pamu_timing_stats st;
		pamu_timing_get_stats(p.pamu.timing_model(), &st);
		CHECK_EQ(st.translations, 4u);
		CHECK_EQ(p.pamu.stats().stale_uses, 0u);
	};
}
#endif

// The example platform's scenario (also what cosim_vp runs): DMA, one violation, the ISR.
static void t_vp(vp &p)
{
	p.tg.body = [&p](traffic_gen &tg) {
		std_tables(p);
		p.cpu.mpic_setup();
		p.enable_pamu();
		for (int i = 0; i < 16; i++) {
			txn w = mk(5, tlm::TLM_WRITE_COMMAND, 0x100000 + 0x100 * i, 16);
			tg.issue(w);
			CHECK_EQ(w.status, tlm::TLM_OK_RESPONSE);
		}
		txn bad = mk(5, tlm::TLM_WRITE_COMMAND, 0x900000, 16);
		tg.issue(bad);
		CHECK_EQ(bad.status, tlm::TLM_ADDRESS_ERROR_RESPONSE);
		wait(1, SC_US);
		CHECK_EQ(p.cpu.taken.size(), (size_t)1);
		CHECK(!p.cpu_irq.read());
		CHECK_EQ(p.cpu.pamu_read(cosim::R_AVS1) & 0x7fffu, 0u);
		CHECK_EQ(p.cpu.pamu_read(cosim::R_PICS), cosim::PICS_AVIE);
	};
}

static const struct {
	const char *name;
	void (*fn)(vp &);
} tests[] = {
	{ "Translate", t_translate }, { "Faults", t_faults }, { "Registers", t_regs },
	{ "Timing", t_timing }, { "Dmi", t_dmi }, { "Platform", t_vp },
#ifdef PAMUSIM_HAVE_PAMU_TIMING
	{ "TimingModel", t_timing_model },
#endif
};

int sc_main(int argc, char **argv)
{
	if (argc != 2) {
		std::fprintf(stderr, "usage: %s TEST\ntests:", argv[0]);
		for (const auto &t : tests)
			std::fprintf(stderr, " %s", t.name);
		std::fprintf(stderr, "\n");
		return 2;
	}
	for (const auto &t : tests) {
		if (std::strcmp(t.name, argv[1]))
			continue;
		pamu_tlm_cfg cfg;
#ifdef PAMUSIM_HAVE_PAMU_TIMING
		struct pamu_timing_cfg tcfg = timing_model_cfg();

		if (t.fn == t_timing_model)
			cfg.timing_model = &tcfg;
#endif
		vp p("vp", cfg);

		t.fn(p);
		sc_start(1, SC_MS);
		CHECK(p.tg.done);	// the body ran to its end
		std::printf("%s: %s (%d failed checks)\n", t.name, failures ? "FAIL" : "ok", failures);
		return failures ? 1 : 0;
	}
	std::fprintf(stderr, "%s: no test named '%s'\n", argv[0], argv[1]);
	return 2;
}
