// SPDX-License-Identifier: BSD-2-Clause
// lockstep.cc - lockstep co-simulation of the PAMU translation RTL (Verilated) and the C model: the same
// transactions into both, a scoreboard comparing every result and the latched error registers.
//
// Source of facts: docs/cosim.md 7-9 (the RTL's subset and ports, the scoreboard, planted bugs, coverage
// and bench modes); docs/pamu-model.md (what the model computes); tables are built with
// cosim/common/cosim_paace.h (hw-facts.md 5.1/5.2). Links the models only.
//
// pamu_lockstep [--seed N] [--random N] [--no-directed] [--bug NAME] [--fault-every N] [--coverage FILE]
//               [--bench N] [--quiet]
// Exit 0: every transaction matched; 1: a mismatch (each printed with the transaction, both results and
// the seed); 2: bad arguments.
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "Vpamu_xlate.h"
#include "verilated.h"
#if LOCKSTEP_COVERAGE
#include "verilated_cov.h"
#endif

#include "cosim_paace.h"
#include "pamu.h"

using cosim::paace_img;

// The RTL's encodings are the model's enum values (pamu_xlate.sv header).
static_assert(PAMU_XLATE_OK == 0 && PAMU_XLATE_BYPASS == 1 && PAMU_XLATE_FAULT == 2 &&
	      PAMU_XLATE_UNSUPPORTED == 3 && PAMU_XLATE_BAD_REQUEST == 4, "kind encoding");
static_assert(PAMU_FAULT_GATE_CLOSED == 1 && PAMU_FAULT_PERMISSION == 13 && PAMU_FAULT_OP_UNDEFINED == 16 &&
	      PAMU_FAULT_TABLE_FETCH == 17, "fault encoding");
static_assert(PAMU_UNSUP_WSE == 1 && PAMU_UNSUP_SWSE == 5, "unsupported field encoding");

namespace {

constexpr uint64_t TBASE = 0x10000000;		// table block: PPAACT, SPAACT at +0x20000
constexpr uint64_t SPAACT = TBASE + 0x20000;
constexpr uint64_t TSIZE = 0x80000;
constexpr uint32_t N_PRIMARY = 0x500, N_SECONDARY = 0x800;
constexpr uint32_t LIODN_SPAN = 0x540;		// requests also come from LIODNs beyond the PPAACT

const uint8_t defined_ops[] = { 0x00, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x8c, 0x8d, 0x8e, 0x8f };

struct bug_name {
	const char *name;
	unsigned int bit;
} const bug_names[] = {
	{ "subwin_index", 0 }, { "perm_invert", 1 }, { "window_limit", 2 }, { "cache_no_inval", 3 },
};

struct req {
	uint16_t liodn;
	uint64_t addr;
	uint32_t size;
	uint8_t op;
};

// One result, the RTL's outputs in the model's terms.
struct outcome {
	struct pamu_result r;
	uint32_t avs1, avs2, poes1, poes2;
	uint64_t ava, poea;
	bool oos;
};

class bench_mem {
public:
	std::vector<uint8_t> bytes = std::vector<uint8_t>(TSIZE);
	std::vector<uint64_t> poisoned;			// 64-byte entries that do not decode

	bool decoded(uint64_t a, uint64_t len) const
	{
		if (a < TBASE || a - TBASE >= TSIZE || len > TSIZE - (a - TBASE))
			return false;
		for (uint64_t p : poisoned)
			if (a < p + 64 && p < a + len)
				return false;
		return true;
	}
	static bool read(void *ctx, uint64_t a, void *buf, size_t len, const struct sim_txn_attrs *)
	{
		bench_mem *m = static_cast<bench_mem *>(ctx);

		if (!m->decoded(a, len)) {
			std::memset(buf, 0xff, len);
			return false;
		}
		std::memcpy(buf, &m->bytes[a - TBASE], len);
		return true;
	}
	static void *dmi(void *ctx, uint64_t a, size_t len)
	{
		bench_mem *m = static_cast<bench_mem *>(ctx);

		return m->decoded(a, len) ? &m->bytes[a - TBASE] : nullptr;
	}
};

class lockstep {
public:
	uint64_t seed;
	bool use_model = true;
	bool quiet = false;
	uint64_t txns = 0, mismatches = 0, max_print = 10;
	uint64_t fault_every = 50;	// flip a table bit or poison an entry every N random transactions
	uint64_t kinds[5] = {}, faults[PAMU_FAULT_COUNT] = {}, injections = 0;
	std::unique_ptr<VerilatedContext> ctx;
	std::unique_ptr<Vpamu_xlate> rtl;
	struct pamu *model = nullptr;
	bench_mem mem;
	std::mt19937_64 rng;

	lockstep(uint64_t s, uint32_t bugs) : seed(s), rng(s)
	{
		struct pamu_cfg cfg = {};

		ctx = std::make_unique<VerilatedContext>();
		rtl = std::make_unique<Vpamu_xlate>(ctx.get());
#ifdef PAMU_BUGS
		rtl->bug_en = bugs;
#else
		(void)bugs;
#endif
		cfg.name = "pamu0";
		cfg.caps = *pamu_builtin_caps("p4080");
		cfg.mem.ctx = &mem;
		cfg.mem.read = bench_mem::read;
		cfg.mem.dmi = bench_mem::dmi;
		if (pamu_create(&cfg, &model) != PAMU_STATUS_OK) {
			std::fprintf(stderr, "pamu_create failed\n");
			std::exit(2);
		}
		rtl->rst_n = 0;
		cycle();
		rtl->rst_n = 1;
		cycle();
		set_tables(TBASE, TBASE + 64ull * N_PRIMARY, SPAACT, SPAACT + 64ull * N_SECONDARY);
		set_pc(cosim::PC_ENABLE);
		set_bypass(false);
	}
	~lockstep() { pamu_destroy(model); }
	lockstep(const lockstep &) = delete;
	lockstep &operator=(const lockstep &) = delete;

	// ---------------------------------------------------------------- configuration, both sides
	void reg(uint32_t off, uint32_t v) { pamu_reg_write(model, off, 4, v); }
	void set_tables(uint64_t ppba, uint64_t ppla, uint64_t spba, uint64_t spla)
	{
		reg(cosim::R_PPBAH, (uint32_t)(ppba >> 32));
		reg(cosim::R_PPBAL, (uint32_t)ppba);
		reg(cosim::R_PPLAH, (uint32_t)(ppla >> 32));
		reg(cosim::R_PPLAL, (uint32_t)ppla);
		reg(cosim::R_SPBAH, (uint32_t)(spba >> 32));
		reg(cosim::R_SPBAL, (uint32_t)spba);
		reg(cosim::R_SPLAH, (uint32_t)(spla >> 32));
		reg(cosim::R_SPLAL, (uint32_t)spla);
		rtl->ppba = ppba;
		rtl->ppla = ppla;
		rtl->spba = spba;
		rtl->spla = spla;
		invalidate();
	}
	void set_pc(uint32_t pc)
	{
		reg(cosim::R_PC, pc);
		rtl->pc_pgc = (pc >> 31) & 1;
		rtl->pc_pe = (pc >> 30) & 1;
		invalidate();
	}
	void set_bypass(bool on)
	{
		pamu_set_bypass(model, on);
		rtl->bypass = on;
		invalidate();
	}
	void set_erratum(bool on)
	{
		pamu_set_erratum_a003638(model, on);
		rtl->erratum = on;
		invalidate();
	}
	// The driver's ISR: AVS1 fields write-1-to-clear; POES1 likewise (docs/pamu-model.md 5, 8).
	void clear_av()
	{
		reg(cosim::R_AVS1, 0x7fffu);
		rtl->av_clear = 1;
		cycle();
		rtl->av_clear = 0;
	}
	void clear_poes()
	{
		reg(cosim::R_POES1, 0xfu);
		rtl->poes_clear = 1;
		cycle();
		rtl->poes_clear = 0;
	}
	// Tables or registers changed: the RTL's PAACE cache is architectural and must be told; the
	// model's fast path checks table bytes itself but holds DMI pointers, so unmapping needs it too.
	void invalidate()
	{
		pamu_invalidate_fast_path(model);
		rtl->cache_inv = 1;
		cycle();
		rtl->cache_inv = 0;
	}
	void write_primary(uint16_t liodn, const paace_img &e) { write_entry(TBASE + 64ull * liodn, e); }
	void write_secondary(uint32_t idx, const paace_img &e) { write_entry(SPAACT + 64ull * idx, e); }
	void write_entry(uint64_t a, const paace_img &e)
	{
		std::memcpy(&mem.bytes[a - TBASE], e.b, 64);
		invalidate();
	}

	// ---------------------------------------------------------------- one transaction
	void cycle()
	{
		/* The memory port answers the cycle it sees a request (zero-wait memory). */
		rtl->mem_ack = rtl->mem_req;
		if (rtl->mem_req) {
			uint64_t a = rtl->mem_addr;
			bool ok = mem.decoded(a, 64);

			rtl->mem_err = !ok;
			for (int w = 0; w < 8; w++) {
				uint32_t v = 0xffffffffu;

				if (ok)
					std::memcpy(&v, &mem.bytes[a - TBASE + 4 * w], 4);
				rtl->mem_data[w] = v;
			}
		}
		rtl->clk = 0;
		rtl->eval();
		rtl->clk = 1;
		rtl->eval();
		ctx->timeInc(1);
	}

	void rtl_run(const req &q, outcome &o)
	{
		rtl->req_valid = 1;
		rtl->req_liodn = q.liodn;
		rtl->req_addr = q.addr;
		rtl->req_size = q.size;
		rtl->req_op = q.op;
		cycle();
		rtl->req_valid = 0;
		for (int guard = 0; !rtl->resp_valid; guard++) {
			cycle();
			if (guard > 1000) {
				std::fprintf(stderr, "RTL hung (seed %" PRIu64 ", txn %" PRIu64 ")\n", seed, txns);
				std::exit(1);
			}
		}
		std::memset(&o, 0, sizeof(o));
		o.r.kind = (enum pamu_xlate_kind)rtl->resp_kind;
		o.r.fault = (enum pamu_fault)rtl->resp_fault;
		o.r.unsupported = (enum pamu_unsupported_field)rtl->resp_unsup;
		o.r.unsupported_value = rtl->resp_unsup_val;
		o.r.paddr = rtl->resp_paddr;
		o.r.out_op = rtl->resp_out_op;
		o.r.stash_id = rtl->resp_stash;
		o.r.snoop_id = rtl->resp_snoop;
		o.r.did = rtl->resp_did;
		o.r.pid = rtl->resp_pid;
		o.r.coherent = rtl->resp_coherent;
		o.r.to_io = rtl->resp_to_io;
		o.r.subwindow = rtl->resp_slot_valid ? (int)rtl->resp_slot : -1;
		o.r.avs1 = rtl->resp_avs1;
		o.r.avs2 = rtl->resp_avs2;
		o.r.ava = rtl->resp_ava;
		o.r.poes1 = rtl->resp_poes1;
		o.r.poes2 = rtl->resp_poes2;
		o.r.poea = rtl->resp_poea;
		o.r.reported = rtl->resp_reported;
		o.r.latched = rtl->resp_latched;
		o.oos = rtl->resp_oos;
		o.avs1 = rtl->avs1_q;
		o.avs2 = rtl->avs2_q;
		o.ava = rtl->ava_q;
		o.poes1 = rtl->poes1_q;
		o.poes2 = rtl->poes2_q;
		o.poea = rtl->poea_q;
	}

	void model_run(const req &q, outcome &o)
	{
		struct pamu_request r = { q.liodn, q.addr, q.size, q.op };

		std::memset(&o, 0, sizeof(o));
		pamu_translate(model, &r, &o.r);
		o.avs1 = pamu_reg_read(model, cosim::R_AVS1, 4);
		o.avs2 = pamu_reg_read(model, cosim::R_AVS2, 4);
		o.ava = (uint64_t)pamu_reg_read(model, cosim::R_AVAH, 4) << 32 | pamu_reg_read(model, cosim::R_AVAL, 4);
		o.poes1 = pamu_reg_read(model, cosim::R_POES1, 4);
		o.poes2 = pamu_reg_read(model, cosim::R_POES2, 4);
		o.poea = (uint64_t)pamu_reg_read(model, cosim::R_POEAH, 4) << 32 |
			 pamu_reg_read(model, cosim::R_POEAL, 4);
	}

	static void print(const char *who, const outcome &o)
	{
		const struct pamu_result &r = o.r;

		std::printf("  %-5s kind %s fault %s unsup %u/0x%x paddr 0x%" PRIx64 " op 0x%02x cid %u snp %u did %u "
			    "pid %u cr %d dd %d slot %d\n"
			    "        record avs1 0x%08x avs2 0x%08x ava 0x%" PRIx64 " poes1 0x%08x poes2 0x%08x poea "
			    "0x%" PRIx64 " reported %d latched %d%s\n"
			    "        latched AVS1 0x%08x AVS2 0x%08x AVA 0x%" PRIx64 " POES1 0x%08x POES2 0x%08x POEA "
			    "0x%" PRIx64 "\n",
			    who, pamu_xlate_kind_name(r.kind), pamu_fault_name(r.fault), r.unsupported,
			    r.unsupported_value, r.paddr, r.out_op, r.stash_id, r.snoop_id, r.did, r.pid, r.coherent,
			    r.to_io, r.subwindow, r.avs1, r.avs2, r.ava, r.poes1, r.poes2, r.poea, r.reported,
			    r.latched, o.oos ? " OUT-OF-SUBSET" : "", o.avs1, o.avs2, o.ava, o.poes1, o.poes2,
			    o.poea);
	}

	static bool same(const outcome &a, const outcome &b)
	{
		const struct pamu_result &x = a.r, &y = b.r;

		return !a.oos && !b.oos && x.kind == y.kind && x.fault == y.fault && x.unsupported == y.unsupported &&
		       x.unsupported_value == y.unsupported_value && x.paddr == y.paddr && x.out_op == y.out_op &&
		       x.stash_id == y.stash_id && x.snoop_id == y.snoop_id && x.did == y.did && x.pid == y.pid &&
		       x.coherent == y.coherent && x.to_io == y.to_io && x.subwindow == y.subwindow &&
		       x.avs1 == y.avs1 && x.avs2 == y.avs2 && x.ava == y.ava && x.poes1 == y.poes1 &&
		       x.poes2 == y.poes2 && x.poea == y.poea && x.reported == y.reported &&
		       x.latched == y.latched && a.avs1 == b.avs1 && a.avs2 == b.avs2 && a.ava == b.ava &&
		       a.poes1 == b.poes1 && a.poes2 == b.poes2 && a.poea == b.poea;
	}

	// Both sides, scoreboard. Returns the model's (or, RTL alone, the RTL's) outcome.
	outcome run(const req &q, const char *what)
	{
		outcome ro, mo;

		txns++;
		rtl_run(q, ro);
		if (!use_model)
			return ro;
		model_run(q, mo);
		kinds[mo.r.kind]++;
		if (mo.r.kind == PAMU_XLATE_FAULT)
			faults[mo.r.fault]++;
		if (!same(ro, mo)) {
			mismatches++;
			if (mismatches <= max_print) {
				std::printf("MISMATCH seed %" PRIu64 " txn %" PRIu64 " (%s): LIODN 0x%x addr 0x%" PRIx64
					    " size %u op 0x%02x\n",
					    seed, txns, what, q.liodn, q.addr, q.size, q.op);
				print("RTL", ro);
				print("model", mo);
			}
			/* Resynchronise the latches so one divergence is reported once. */
			clear_av();
			clear_poes();
		}
		return mo;
	}

	// ---------------------------------------------------------------- random tables and traffic
	uint64_t rnd(uint64_t n) { return n ? rng() % n : 0; }
	bool chance(unsigned int pct) { return rnd(100) < pct; }

	struct liodn_info {
		uint64_t base = 0, size = 0;
	};
	std::vector<liodn_info> info = std::vector<liodn_info>(N_PRIMARY);
	uint32_t next_spaace = 0;

	paace_img random_primary(uint16_t liodn)
	{
		paace_img e;
		uint32_t wse = chance(3) ? (uint32_t)rnd(64) : 0x0b + (uint32_t)rnd(0x1f - 0x0b);
		uint64_t size = 1ull << ((wse + 1) & 63);
		uint64_t base = (rnd(1ull << 36) & ~(size - 1)) | (chance(10) ? rnd(size) : 0);

		e.valid(!chance(4)).secondary(chance(2)).ap((uint32_t)rnd(4)).to_io(chance(50)).wse(wse);
		e.window_base(base).atm(chance(3) ? 2 + (uint32_t)rnd(2) : (uint32_t)rnd(2));
		e.otm(chance(2) ? 3 : chance(30) ? 1 : 0).cid((uint32_t)rnd(256)).coherent(chance(50));
		e.ids((uint8_t)rnd(256), (uint8_t)rnd(256), (uint8_t)rnd(256));
		e.translated_base(rnd(1ull << 36));
		e.op_imm(defined_ops[rnd(sizeof(defined_ops))], (uint8_t)rnd(256), defined_ops[rnd(sizeof(defined_ops))],
			 (uint8_t)rnd(256));
		if (chance(35)) {
			uint32_t wce = chance(5) ? (uint32_t)rnd(16) : (uint32_t)rnd(4);
			uint32_t slots = 1u << (wce + 1);

			e.mw(1).wce(wce).swse(chance(3) ? (uint32_t)rnd(0x0b) : 0x0b + (uint32_t)rnd(0x20));
			if (next_spaace + slots > N_SECONDARY + 8)
				next_spaace = 0;
			e.fspi(next_spaace);
			for (uint32_t i = 1; i < slots && next_spaace + i - 1 < N_SECONDARY; i++) {
				paace_img s;

				s.valid(!chance(4)).secondary(!chance(3)).owner(chance(4) ? (uint32_t)rnd(65536) : liodn);
				s.ap((uint32_t)rnd(4)).to_io(chance(50)).atm(chance(3) ? 2 + (uint32_t)rnd(2) : (uint32_t)rnd(2));
				s.otm(chance(2) ? 3 : chance(30) ? 1 : 0).cid((uint32_t)rnd(256)).coherent(chance(50));
				s.ids((uint8_t)rnd(256), (uint8_t)rnd(256), (uint8_t)rnd(256));
				s.translated_base(rnd(1ull << 36));
				s.swse(chance(3) ? (uint32_t)rnd(0x0b) : 0x0b + (uint32_t)rnd(0x20));
				s.op_imm(defined_ops[rnd(sizeof(defined_ops))], (uint8_t)rnd(256),
					 defined_ops[rnd(sizeof(defined_ops))], (uint8_t)rnd(256));
				std::memcpy(&mem.bytes[SPAACT - TBASE + 64ull * (next_spaace + i - 1)], s.b, 64);
			}
			next_spaace = next_spaace + slots - 1 < N_SECONDARY ? next_spaace + slots - 1 : N_SECONDARY - 1;
		}
		info[liodn].base = base & ~(size - 1);
		info[liodn].size = size;
		return e;
	}

	void random_tables(unsigned int liodns)
	{
		for (unsigned int l = 0; l < liodns && l < N_PRIMARY; l++) {
			paace_img e = random_primary((uint16_t)l);

			std::memcpy(&mem.bytes[64ull * l], e.b, 64);
		}
		invalidate();
	}

	req random_req(unsigned int liodns)
	{
		req q;
		static const uint32_t sizes[] = { 1, 2, 4, 8, 16, 32, 64, 128, 256, 4096, 65536 };

		q.liodn = (uint16_t)(chance(3) ? rnd(LIODN_SPAN) : rnd(liodns));
		q.size = chance(5) ? (uint32_t)rnd(1u << 20) : sizes[rnd(sizeof(sizes) / 4)];
		if (q.liodn < N_PRIMARY && info[q.liodn].size && !chance(10)) {
			const liodn_info &li = info[q.liodn];

			/* Inside the window, often near a slot or window end. */
			q.addr = li.base + rnd(li.size);
			if (chance(20))
				q.addr = li.base + li.size - q.size + rnd(3) - 1;
		} else {
			q.addr = chance(2) ? ~0ull - rnd(8) : rnd(1ull << 37);
		}
		q.op = chance(5) ? (uint8_t)rnd(256) : defined_ops[rnd(sizeof(defined_ops))];
		if (chance(1))
			q.size = 0;
		return q;
	}

	// Fault injection through the memory: a flipped bit (never an OTM bit: OTM 2 is outside the RTL's
	// subset), or an entry that stops decoding. Both sides see the same bytes.
	void inject(unsigned int liodns)
	{
		injections++;
		if (chance(20)) {
			if (!mem.poisoned.empty() && chance(50))
				mem.poisoned.clear();
			else
				mem.poisoned.push_back(chance(50) ? TBASE + 64 * rnd(liodns) : SPAACT + 64 * rnd(N_SECONDARY));
			invalidate();
			return;
		}
		uint64_t ent = chance(70) ? TBASE + 64 * rnd(liodns) : SPAACT + 64 * rnd(next_spaace + 1);
		unsigned int bit;

		do
			bit = (unsigned int)rnd(256);	// words 0-7: what the walk decodes
		while (bit == 96 || bit == 97);		// word 3 bits 1:0, OTM
		mem.bytes[ent - TBASE + bit / 8] ^= (uint8_t)(1u << (bit % 8));
		invalidate();
	}

	void random_traffic(uint64_t n, unsigned int liodns)
	{
		random_tables(liodns);
		for (uint64_t i = 0; i < n; i++) {
			outcome o = run(random_req(liodns), "random");

			if (fault_every && i % fault_every == fault_every - 1)
				inject(liodns);
			if (o.r.latched && chance(70))
				clear_av();
			if (o.r.fault == PAMU_FAULT_TABLE_FETCH && chance(70))
				clear_poes();
			if ((rtl->bypass || !rtl->pc_pe || rtl->pc_pgc) && chance(10)) {
				set_pc(cosim::PC_ENABLE);	/* short excursions: most traffic is translated */
				set_bypass(false);
			} else if (chance(1)) {
				switch (rnd(4)) {
				case 0: set_bypass(!rtl->bypass); break;
				case 1: set_pc(chance(50) ? cosim::PC_ENABLE : chance(50) ? cosim::PC_GATE_CLOSED | cosim::PC_ENABLE : 0); break;
				case 2: set_erratum(!rtl->erratum); break;
				default: set_pc(cosim::PC_ENABLE); set_bypass(false); break;
				}
			}
		}
	}

	// ---------------------------------------------------------------- directed traffic
	void directed()
	{
		paace_img a, b, s1, s2, s3, ro, imm;

		set_pc(cosim::PC_ENABLE);
		set_bypass(false);
		clear_av();
		clear_poes();
		/* LIODN 1: 64 KiB window at 0x40000000 -> 0x80000000, read/write. */
		a.window_base(0x40000000).wse(cosim::size_enc(64 << 10)).ap(3).atm(1).translated_base(0x80000000).valid(1);
		a.ids(1, 2, 3).cid(4).coherent(1);
		write_primary(1, a);
		run({ 1, 0x40000010, 8, 0x00 }, "window hit");
		run({ 1, 0x4000fff8, 8, 0x81 }, "ends exactly at the window end");
		run({ 1, 0x4000fff8, 9, 0x81 }, "one byte past the window end");
		run({ 1, 0x40010000, 1, 0x00 }, "first byte after the window");
		run({ 1, 0x3fffffff, 1, 0x00 }, "last byte before the window");
		run({ 1, 0x40000000, 0x10000, 0x8c }, "the whole window, atomic");
		clear_av();
		/* The cache must see a changed entry: read-only now. */
		ro = a;
		ro.ap(1);
		write_primary(1, ro);
		run({ 1, 0x40000020, 4, 0x81 }, "write after the entry became read-only");
		clear_av();
		run({ 1, 0x40000020, 4, 0x00 }, "read after the entry became read-only");
		run({ 1, 0x40000020, 4, 0x8d }, "atomic needs read and write");
		clear_av();
		/* LIODN 2: 1 MiB in 4 slots of 256 KiB; slots 1..3 are SPAACT 10..12. */
		b.window_base(0x100000).wse(cosim::size_enc(1 << 20)).ap(3).atm(1).translated_base(0x200000);
		b.mw(1).wce(1).fspi(10).swse(cosim::size_enc(256 << 10)).valid(1);
		write_primary(2, b);
		s1.owner(2).secondary(1).valid(1).ap(3).atm(1).translated_base(0x1000000).swse(cosim::size_enc(256 << 10));
		s2 = s1;
		s2.translated_base(0x2000000).ap(2);
		s3 = s1;
		s3.translated_base(0x3000000).swse(cosim::size_enc(4096));
		write_secondary(10, s1);
		write_secondary(11, s2);
		write_secondary(12, s3);
		for (uint64_t slot = 0; slot < 4; slot++) {
			run({ 2, 0x100000 + slot * 0x40000 + 0x100, 16, 0x81 }, "subwindow write");
			clear_av();
			run({ 2, 0x100000 + slot * 0x40000 + 0x100, 16, 0x00 }, "subwindow read");
			clear_av();
		}
		run({ 2, 0x100000 + 3 * 0x40000 + 0xff8, 16, 0x00 }, "beyond the subwindow size");
		clear_av();
		run({ 2, 0x100000 + 0x3fff8, 16, 0x00 }, "crosses a slot end");
		clear_av();
		/* Immediate operation translation. */
		imm.window_base(0x600000).wse(cosim::size_enc(4096)).ap(3).otm(1).op_imm(0x81, 0x85, 0x00, 0x03).valid(1);
		write_primary(3, imm);
		run({ 3, 0x600000, 4, 0x81 }, "immediate IOEA");
		run({ 3, 0x600000, 4, 0x00 }, "immediate IOEB, MOE invalid");
		clear_av();
		run({ 3, 0x600000, 4, 0x82 }, "immediate, identity");
		/* Table fetch error, then gate, disable, bypass, LIODN range, bad requests. */
		mem.poisoned.push_back(TBASE + 64 * 1);
		invalidate();
		run({ 1, 0x40000000, 4, 0x00 }, "PAACE not readable");
		run({ 1, 0x40000000, 4, 0x00 }, "PAACE not readable, POES1 already valid");
		clear_poes();
		mem.poisoned.clear();
		invalidate();
		run({ 0x520, 0, 4, 0x00 }, "LIODN beyond the PPAACT");
		clear_av();
		run({ 1, ~0ull - 3, 8, 0x00 }, "wraps");
		run({ 1, 0x40000000, 0, 0x00 }, "size 0");
		set_pc(cosim::PC_GATE_CLOSED | cosim::PC_ENABLE);
		run({ 1, 0x40000000, 4, 0x00 }, "gate closed");
		clear_av();
		set_pc(0);
		run({ 1, 0x40000000, 4, 0x00 }, "PAMU disabled");
		clear_av();
		set_bypass(true);
		run({ 1, 0x1234, 4, 0x81 }, "bypass");
		set_bypass(false);
		set_pc(cosim::PC_ENABLE);
		/* A flipped table bit is seen identically: V of LIODN 1 cleared, with and without the erratum. */
		mem.bytes[64 * 1 + 4] ^= 1;
		invalidate();
		run({ 1, 0x40000000, 4, 0x00 }, "V flipped to 0");
		set_erratum(true);
		run({ 1, 0x40000000, 4, 0x00 }, "V flipped to 0, erratum");
		clear_av();
		set_erratum(false);
		mem.bytes[64 * 1 + 4] ^= 1;
		invalidate();
		run({ 1, 0x40000000, 4, 0x00 }, "V restored");
		/* Repeated hits (cache) then a change of the translated base. */
		for (int i = 0; i < 4; i++)
			run({ 1, 0x40000000 + 0x100u * (unsigned)i, 4, 0x00 }, "cached");
		ro.translated_base(0x90000000);
		std::memcpy(&mem.bytes[64 * 1], ro.b, 64);
		invalidate();
		run({ 1, 0x40000000, 4, 0x00 }, "new translated base after invalidation");
	}
};

void usage(const char *argv0)
{
	std::fprintf(stderr,
		     "usage: %s [--seed N] [--random N] [--liodns N] [--no-directed] [--bug NAME] [--fault-every N]\n"
		     "          [--coverage FILE.dat] [--bench N] [--quiet]\n", argv0);
}

// Thread CPU time: the machine is shared, preemption must not count.
double cpu_s()
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

double run_bench(uint64_t seed, uint64_t n, bool model, uint64_t *mism)
{
	lockstep ls(seed, 0);
	double t0 = cpu_s();

	ls.use_model = model;
	ls.fault_every = 0;
	ls.random_traffic(n, 256);
	double s = cpu_s() - t0;
	*mism += ls.mismatches;
	return (double)n / s;
}

} // namespace

int main(int argc, char **argv)
{
	uint64_t seed = 1, n_random = 20000, bench_n = 0, fault_every = 50;
	unsigned int liodns = 64;
	bool directed = true, quiet = false;
	uint32_t bugs = 0;
	const char *cov = nullptr;

#ifdef LOCKSTEP_BENCH
	bench_n = 200000;
#endif
	for (int i = 1; i < argc; i++) {
		std::string a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : nullptr;

		if (a == "--no-directed") {
			directed = false;
		} else if (a == "--quiet") {
			quiet = true;
		} else if (v && a == "--seed") {
			seed = std::strtoull(v, nullptr, 0), i++;
		} else if (v && a == "--random") {
			n_random = std::strtoull(v, nullptr, 0), i++;
		} else if (v && a == "--liodns") {
			liodns = (unsigned int)std::strtoul(v, nullptr, 0), i++;
		} else if (v && a == "--fault-every") {
			fault_every = std::strtoull(v, nullptr, 0), i++;
		} else if (v && a == "--coverage") {
			cov = v, i++;
		} else if (v && a == "--bench") {
			bench_n = std::strtoull(v, nullptr, 0), i++;
		} else if (v && a == "--bug") {
			bool found = false;

			for (const auto &b : bug_names)
				if (!std::strcmp(b.name, v)) {
					bugs |= 1u << b.bit;
					found = true;
				}
			if (!found) {
				std::fprintf(stderr, "%s: --bug: unknown bug '%s'\n", argv[0], v);
				return 2;
			}
#ifndef PAMU_BUGS
			std::fprintf(stderr, "%s: --bug needs the RTL built with PAMU_BUGS (pamu_lockstep_bugs)\n", argv[0]);
			return 2;
#endif
			i++;
		} else {
			usage(argv[0]);
			return 2;
		}
	}
	if (liodns == 0 || liodns > N_PRIMARY) {
		std::fprintf(stderr, "%s: --liodns: expected 1..%u\n", argv[0], N_PRIMARY);
		return 2;
	}

	if (bench_n) {
		uint64_t mism = 0;
		double best_rtl = 0, best_ls = 0;

		/* Same seed, same traffic; best of 5 each, interleaved; thread CPU time. */
		for (int rep = 0; rep < 5; rep++) {
			double r = run_bench(seed, bench_n, false, &mism), l = run_bench(seed, bench_n, true, &mism);

			best_rtl = r > best_rtl ? r : best_rtl;
			best_ls = l > best_ls ? l : best_ls;
		}
		std::printf("cosim lockstep bench: %" PRIu64 " random transactions, seed %" PRIu64 ", best of 5, thread CPU time\n",
			    bench_n, seed);
		std::printf("  RTL alone:           %10.0f txn/s\n", best_rtl);
		std::printf("  lockstep (RTL+model+scoreboard): %10.0f txn/s\n", best_ls);
		std::printf("  lockstep overhead: %+.1f %% (target <= 25 %%)\n", (best_rtl / best_ls - 1) * 100);
		return mism ? 1 : 0;
	}

	lockstep ls(seed, bugs);

	ls.quiet = quiet;
	ls.fault_every = fault_every;
	if (directed)
		ls.directed();
	if (n_random)
		ls.random_traffic(n_random, liodns);
#if LOCKSTEP_COVERAGE
	if (cov) {
		ls.rtl->final();
		ls.ctx->coveragep()->write(cov);
	}
#else
	if (cov) {
		std::fprintf(stderr, "%s: --coverage needs the coverage build (pamu_lockstep_cov)\n", argv[0]);
		return 2;
	}
#endif
	std::printf("lockstep seed %" PRIu64 ": %" PRIu64 " transactions, %" PRIu64 " injections, %" PRIu64
		    " mismatches\n",
		    seed, ls.txns, ls.injections, ls.mismatches);
	if (!quiet) {
		std::printf("  model kinds:");
		for (int k = 0; k < 5; k++)
			std::printf(" %s %" PRIu64, pamu_xlate_kind_name((enum pamu_xlate_kind)k), ls.kinds[k]);
		std::printf("\n  model faults:");
		for (int f = 1; f < PAMU_FAULT_COUNT; f++)
			if (ls.faults[f])
				std::printf(" %s %" PRIu64, pamu_fault_name((enum pamu_fault)f), ls.faults[f]);
		std::printf("\n");
	}
	return ls.mismatches ? 1 : 0;
}
