// SPDX-License-Identifier: BSD-2-Clause
// Timing.*: the event queue, the PAMU timing model (latency of each walk path, the outstanding bound,
// the coherence rules and stale uses), bad knobs and the preset's timing: section, and the SoC-level
// paths (DDR latency and bandwidth, CCF hops, MSI delivery). Expected latencies are sums computed here
// from the knobs given (or read from the shipped preset), never figures copied from a run.
#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "pamu_test_soc.h"
#include "pamu_timing.h"
#include "pamusim_config.h"
#include "sim_time.h"
#include "soc.h"
#include "soc_preset.h"
#include "soc_test_util.h"
#include "soc_timing.h"

using namespace pamu_test;

namespace {

struct order_rec {
	std::vector<std::pair<uint64_t, uint64_t>> seen;	// (arg, now)
};

void record(void *ctx, uint64_t arg, uint64_t now)
{
	static_cast<order_rec *>(ctx)->seen.push_back({ arg, now });
}

pamu_timing_cfg base_cfg()
{
	pamu_timing_cfg c{};
	for (auto &k : c.cache) {
		k.entries = 8;
		k.ways = 2;
		k.policy = PAMU_CACHE_LRU;
		k.lookup_cycles = 2;
	}
	c.cache[PAMU_TBL_OMT].lookup_cycles = 5;
	c.translate_cycles = 3;
	c.walk_read_cycles = 50;
	c.max_outstanding = 4;
	c.coherence = PAMU_COH_SNOOP;
	c.hazard_window = 100;
	return c;
}

struct timed_rig {
	rig r;
	pamu_timing *t = nullptr;
	std::vector<pamu_stale> stale;

	explicit timed_rig(const pamu_timing_cfg &c, pamu_mem_time_fn mt = nullptr, void *mt_ctx = nullptr)
	{
		r.enable(0);
		pamu_timing_hooks h{};
		h.mem = soc_bus_mem_if(r.bus);
		h.mem_time = mt;
		h.mem_time_ctx = mt_ctx;
		h.stale = [](void *ctx, const pamu_stale *s) { static_cast<timed_rig *>(ctx)->stale.push_back(*s); };
		h.stale_ctx = this;
		char why[160] = "";
		EXPECT_EQ(pamu_timing_create(&c, &h, r.p(0), &t, why, sizeof(why)), PAMU_TIMING_OK) << why;
	}
	~timed_rig() { pamu_timing_destroy(t); }
	void window(uint16_t liodn, uint64_t base, uint64_t size, uint64_t to)
	{
		drv_paace e = boot_paace();
		set_wba(e, base);
		set_wse(e, wse_of(size));
		set_atm(e, 1);
		set_twba(e, to);
		*r.paace(liodn) = e;
	}
	pamu_timing_result go(uint64_t now, uint16_t liodn, uint64_t addr, pamu_result *res = nullptr,
			      uint8_t op = PAMU_OP_READ)
	{
		pamu_request q{ liodn, addr, 8, op };
		pamu_result tmp;
		pamu_timing_result tr;
		pamu_timing_translate(t, now, &q, res ? res : &tmp, &tr);
		return tr;
	}
};

} // namespace

TEST(Timing, EventQueueRunsInTimeThenScheduleOrder)
{
	sim_evq *q = sim_evq_create(1);
	order_rec o;

	ASSERT_NE(q, nullptr);
	ASSERT_TRUE(sim_evq_at(q, 30, record, &o, 1));
	ASSERT_TRUE(sim_evq_at(q, 10, record, &o, 2));
	ASSERT_TRUE(sim_evq_at(q, 30, record, &o, 3));
	ASSERT_TRUE(sim_evq_at(q, 20, record, &o, 4));
	EXPECT_EQ(sim_evq_next(q), 10u);
	EXPECT_EQ(sim_evq_run_until(q, 25), 2u);
	EXPECT_EQ(sim_evq_now(q), 25u);
	ASSERT_TRUE(sim_evq_at(q, 5, record, &o, 5));	// in the past: runs now, never backwards
	EXPECT_EQ(sim_evq_advance(q, 10), 3u);
	EXPECT_EQ(sim_evq_now(q), 35u);
	std::vector<std::pair<uint64_t, uint64_t>> want = { { 2, 10 }, { 4, 20 }, { 5, 25 }, { 1, 30 }, { 3, 30 } };
	EXPECT_EQ(o.seen, want);
	EXPECT_EQ(sim_evq_pending(q), 0u);
	EXPECT_EQ(sim_evq_next(q), SIM_TIME_NEVER);
	EXPECT_DOUBLE_EQ(sim_cycles_to_ns(800, 800), 1000.0);
	sim_evq_destroy(q);
}

TEST(Timing, PaaceMissThenHitLatency)
{
	pamu_timing_cfg c = base_cfg();
	timed_rig tr(c);
	pamu_result res;

	tr.window(5, 0x40000000, 1 << 20, 0x1000000);
	pamu_timing_result a = tr.go(100, 5, 0x40000010, &res);
	ASSERT_EQ(res.kind, PAMU_XLATE_OK);
	EXPECT_EQ(res.paddr, 0x1000010u);
	uint32_t lk = c.cache[PAMU_TBL_PAACE].lookup_cycles;
	EXPECT_EQ(a.latency, c.translate_cycles + lk + c.walk_read_cycles);
	EXPECT_EQ(a.done, 100 + a.latency);
	EXPECT_EQ(a.reads, 1u);
	EXPECT_EQ(a.hits, 0u);
	EXPECT_EQ(a.walk_cycles, c.walk_read_cycles);
	pamu_timing_result b = tr.go(a.done, 5, 0x40000020, &res);
	EXPECT_EQ(res.kind, PAMU_XLATE_OK);
	EXPECT_EQ(b.latency, c.translate_cycles + lk);
	EXPECT_EQ(b.hits, 1u);
	EXPECT_EQ(b.reads, 0u);

	pamu_timing_stats st;
	pamu_timing_get_stats(tr.t, &st);
	EXPECT_EQ(st.translations, 2u);
	EXPECT_EQ(st.walks, 1u);
	EXPECT_EQ(st.cache[PAMU_TBL_PAACE].hits, 1u);
	EXPECT_EQ(st.cache[PAMU_TBL_PAACE].misses, 1u);
	EXPECT_EQ(st.latency_hist[pamu_timing_bucket(a.latency)] + st.latency_hist[pamu_timing_bucket(b.latency)],
		  2u);
	EXPECT_EQ(st.walk_hist[pamu_timing_bucket(c.walk_read_cycles)], 1u);
}

TEST(Timing, IndexedOperationTranslationWalksTheOmtToo)
{
	pamu_timing_cfg c = base_cfg();
	timed_rig tr(c);
	pamu_result res;
	drv_paace e = boot_paace();

	set_otm(e, 2);				// indexed: the MOE comes from the OMT
	e.op_encode.idx.omi = 1;
	*tr.r.paace(9) = e;
	uint32_t lp = c.cache[PAMU_TBL_PAACE].lookup_cycles, lo = c.cache[PAMU_TBL_OMT].lookup_cycles;
	pamu_timing_result a = tr.go(0, 9, 0x1000, &res);
	EXPECT_EQ(a.lookups, 2u);
	EXPECT_EQ(a.reads, 2u);
	EXPECT_EQ(a.latency, c.translate_cycles + lp + c.walk_read_cycles + lo + c.walk_read_cycles);
	pamu_timing_result b = tr.go(a.done, 9, 0x2000, &res);
	EXPECT_EQ(b.hits, 2u);
	EXPECT_EQ(b.latency, c.translate_cycles + lp + lo);
}

TEST(Timing, FaultBeforeAnyFetchCostsThePipelineOnly)
{
	pamu_timing_cfg c = base_cfg();
	timed_rig tr(c);
	pamu_result res;

	tr.r.wr(PC, 0);				// PAMU disabled: refused before the walk reads anything
	pamu_timing_result a = tr.go(7, 5, 0x1000, &res);
	EXPECT_EQ(res.kind, PAMU_XLATE_FAULT);
	EXPECT_EQ(a.latency, c.translate_cycles);
	EXPECT_EQ(a.lookups, 0u);
}

TEST(Timing, MemoryTimingCallbackChargesWalkReads)
{
	struct ctx {
		std::vector<uint64_t> addrs;
	} cx;
	pamu_mem_time_fn fn = [](void *p, uint64_t addr, uint32_t len, uint64_t t) -> uint64_t {
		static_cast<ctx *>(p)->addrs.push_back(addr);
		return t + 77 + len;
	};
	pamu_timing_cfg c = base_cfg();
	timed_rig tr(c, fn, &cx);

	tr.window(3, 0x40000000, 1 << 20, 0);
	pamu_timing_result a = tr.go(0, 3, 0x40000000);
	EXPECT_EQ(a.latency, c.translate_cycles + c.cache[PAMU_TBL_PAACE].lookup_cycles + 77 + PAMU_PAACE_SIZE);
	ASSERT_EQ(cx.addrs.size(), 1u);
	EXPECT_EQ(cx.addrs[0], TABLE_BLOCK + PPAACT_OFF + 64ull * 3);
}

TEST(Timing, OutstandingBoundQueuesTheNextTranslation)
{
	pamu_timing_cfg c = base_cfg();
	c.max_outstanding = 2;
	timed_rig tr(c);

	for (uint16_t l = 1; l <= 3; l++)
		tr.window(l, 0x40000000, 1 << 20, 0);
	uint32_t miss = c.translate_cycles + c.cache[PAMU_TBL_PAACE].lookup_cycles + c.walk_read_cycles;
	pamu_timing_result a = tr.go(0, 1, 0x40000000);
	pamu_timing_result b = tr.go(1, 2, 0x40000000);
	pamu_timing_result d = tr.go(2, 3, 0x40000000);
	EXPECT_EQ(a.queue_cycles, 0u);
	EXPECT_EQ(b.queue_cycles, 0u);
	EXPECT_EQ(d.start, a.done);		// waits for the first slot to free
	EXPECT_EQ(d.queue_cycles, a.done - 2);
	EXPECT_EQ(d.done, a.done + miss);
	EXPECT_EQ(d.latency, d.done - 2);
	pamu_timing_stats st;
	pamu_timing_get_stats(tr.t, &st);
	EXPECT_EQ(st.queued, 1u);
}

// A cached PAACE rewritten (host store, as the kernel stubs do): each rule.
TEST(Timing, StaleEntryUnderEachCoherenceRule)
{
	for (int rule = 0; rule < PAMU_COH_COUNT; rule++) {
		SCOPED_TRACE(pamu_coherence_name((pamu_coherence)rule));
		pamu_timing_cfg c = base_cfg();
		c.coherence = (pamu_coherence)rule;
		c.hazard_window = 1000;
		timed_rig tr(c);
		pamu_result res;

		tr.window(5, 0x40000000, 1 << 20, 0x1000000);
		pamu_timing_result a = tr.go(0, 5, 0x40000000, &res);
		tr.window(5, 0x40000000, 1 << 20, 0x3000000);	// rewritten behind the cache's back
		pamu_timing_sync(tr.t, a.done + 10);		// the harness sees the change here
		pamu_timing_result b = tr.go(a.done + 20, 5, 0x40000000, &res);
		EXPECT_EQ(res.paddr, 0x3000000u);		// the functional result follows memory
		EXPECT_EQ(b.stale, rule != PAMU_COH_SNOOP);
		EXPECT_EQ(b.hits, rule != PAMU_COH_SNOOP ? 1u : 0u);
		if (b.stale) {
			EXPECT_EQ(b.stale_info.changed_at, a.done + 10);
			EXPECT_EQ(b.stale_info.entry, TABLE_BLOCK + 64ull * 5);
			EXPECT_EQ(b.stale_info.table, PAMU_TBL_PAACE);
		}
		// long after: the window has passed (refetch), until-evicted still uses the old entry
		pamu_timing_result d = tr.go(a.done + 5000, 5, 0x40000000, &res);
		EXPECT_EQ(d.stale, rule == PAMU_COH_UNTIL_EVICTED);
		EXPECT_EQ(tr.stale.size(), rule == PAMU_COH_SNOOP ? 0u : 1u);	// reported once per change
		pamu_timing_stats st;
		pamu_timing_get_stats(tr.t, &st);
		EXPECT_EQ(st.stale_uses, rule == PAMU_COH_SNOOP ? 0u : rule == PAMU_COH_WINDOW ? 1u : 2u);
		// the flush point drops it under every rule
		pamu_timing_flush(tr.t);
		EXPECT_FALSE(tr.go(a.done + 6000, 5, 0x40000000).stale);
	}
}

TEST(Timing, BusWriteMarksTheChangeTime)
{
	pamu_timing_cfg c = base_cfg();
	c.coherence = PAMU_COH_WINDOW;
	c.hazard_window = 100;
	timed_rig tr(c);

	tr.window(5, 0x40000000, 1 << 20, 0x1000000);
	pamu_timing_result a = tr.go(0, 5, 0x40000000);
	uint64_t ent = TABLE_BLOCK + 64ull * 5 + 20;		// word 5: TWBAL
	uint32_t v = 0x3000000;
	soc_bus_write(tr.r.bus, ent, &v, 4, nullptr);
	pamu_timing_note_write(tr.t, ent, 4, a.done + 1);
	// The entry is looked up translate + lookup cycles after the request arrives.
	uint64_t lag = c.translate_cycles + c.cache[PAMU_TBL_PAACE].lookup_cycles;
	EXPECT_TRUE(tr.go(a.done + 1 + 99 - lag, 5, 0x40000000).stale);	// looked up 99 cycles after
	EXPECT_FALSE(tr.go(a.done + 1 + 100 - lag, 5, 0x40000000).stale);	// 100: the window has passed
}

TEST(Timing, BadKnobsAreRefusedWithTheKnobsName)
{
	struct row {
		void (*mut)(pamu_timing_cfg &);
		const char *knob;
	} rows[] = {
		{ [](pamu_timing_cfg &c) { c.max_outstanding = 0; }, "max-outstanding" },
		{ [](pamu_timing_cfg &c) { c.max_outstanding = PAMU_TIMING_MAX_OUTSTANDING + 1; }, "max-outstanding" },
		{ [](pamu_timing_cfg &c) { c.coherence = PAMU_COH_WINDOW; c.hazard_window = 0; }, "hazard-window" },
		{ [](pamu_timing_cfg &c) { c.coherence = (pamu_coherence)9; }, "coherence" },
		{ [](pamu_timing_cfg &c) { c.cache[PAMU_TBL_SPAACE].ways = 3; }, "spaace-cache: ways" },
		{ [](pamu_timing_cfg &c) { c.cache[PAMU_TBL_OMT].policy = (pamu_cache_policy)5; }, "omt-cache: policy" },
	};
	for (const row &r : rows) {
		pamu_timing_cfg c = base_cfg();
		char why[160] = "";
		r.mut(c);
		EXPECT_FALSE(pamu_timing_check_cfg(&c, why, sizeof(why))) << r.knob;
		EXPECT_NE(std::string(why).find(r.knob), std::string::npos) << why;
	}
	pamu_timing_cfg good = base_cfg();
	char why[160];
	EXPECT_TRUE(pamu_timing_check_cfg(&good, why, sizeof(why)));
}

namespace {

std::string preset_text(const std::string &name)
{
	std::ifstream f(std::string(PAMUSIM_SOCS_DIR) + "/" + name + ".yaml");
	std::stringstream ss;
	ss << f.rdbuf();
	return ss.str();
}

std::string load_err(const std::string &text, soc_preset *out = nullptr)
{
	char path[] = "/tmp/pamusim-timing-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		return "mkstemp failed";
	if (write(fd, text.data(), text.size()) != (ssize_t)text.size())
		return "write failed";
	close(fd);
	std::unique_ptr<soc_preset> p(new soc_preset());
	soc_error e{};
	soc_preset_status st = soc_preset_load(path, p.get(), &e);
	unlink(path);
	if (out && st == SOC_PRESET_OK)
		*out = *p;
	return st == SOC_PRESET_OK ? "" : std::string(e.msg);
}

// Line (1-based) of the first line containing s.
int line_of(const std::string &text, const std::string &s)
{
	std::istringstream in(text);
	std::string l;
	for (int n = 1; std::getline(in, l); n++)
		if (l.find(s) != std::string::npos)
			return n;
	return -1;
}

} // namespace

TEST(Timing, PresetTimingLoadsAndBadValuesNameFileLineField)
{
	std::string t = preset_text("t4240");
	ASSERT_NE(t.find("\ntiming:"), std::string::npos);
	std::unique_ptr<soc_preset> p(new soc_preset());
	EXPECT_EQ(load_err(t, p.get()), "");
	EXPECT_TRUE(p->has_timing);
	EXPECT_GE(p->timing.dram_bytes_per_cycle, 1u);

	struct row {
		const char *from, *to, *field;
		const char *at = nullptr;	// the line the error names, when not the changed one
	} rows[] = {
		{ "bytes-per-cycle: 8", "bytes-per-cycle: 0", "timing.dram.bytes-per-cycle" },
		{ "policy: lru, lookup: 1}", "policy: plru, lookup: 1}", "timing.pamu.paace-cache.policy" },
		{ "entries: 64, ways: 4", "entries: 64, ways: 3", "timing.pamu.paace-cache" },
		{ "max-outstanding: 8", "max-outstanding: 0", "timing.pamu.max-outstanding" },
		{ "coherence: hazard-window", "coherence: sometimes", "timing.pamu.coherence" },
		{ "hazard-window: 1000", "hazard-window: 0", "timing.pamu.hazard-window" },
		{ "msi-latency: 20", "msi-latency: fast", "timing.msi-latency" },
		{ "assumed: [clock-mhz, cpu-access, ccf-hop, dram, msi-latency, pamu]",
		  "assumed: [clock-mhz, cpu-access, dram, msi-latency, pamu]", "timing.ccf-hop", "  ccf-hop:" },
		{ "assumed: [clock-mhz, cpu-access, ccf-hop, dram, msi-latency, pamu]",
		  "assumed: [clock-mhz, cpu-access, ccf-hop, dram, msi-latency, pamu, dram-speed]", "timing.assumed[6]" },
	};
	for (const row &r : rows) {
		std::string bad = t;
		size_t at = bad.find(r.from);
		ASSERT_NE(at, std::string::npos) << r.from;
		bad.replace(at, strlen(r.from), r.to);
		std::string msg = load_err(bad);
		int line = line_of(bad, r.at ? r.at : r.to);
		EXPECT_NE(msg.find(":" + std::to_string(line) + ":"), std::string::npos) << msg << " (line " << line << ")";
		EXPECT_NE(msg.find(r.field), std::string::npos) << msg;
		EXPECT_NE(msg.find("expected"), std::string::npos) << msg;
	}
	// every shipped preset has a timing section that loads
	for (const char *n : { "p4080", "p5020", "t1040", "t2080", "b4860" }) {
		std::unique_ptr<soc_preset> q(new soc_preset());
		EXPECT_EQ(load_err(preset_text(n), q.get()), "") << n;
		EXPECT_TRUE(q->has_timing) << n;
	}
}

namespace {

struct soc_fixture {
	std::unique_ptr<soc_preset> p{ new soc_preset() };
	std::vector<uint8_t> dtb;
	soc *s = nullptr;
	sim_evq *q = nullptr;
	soc_timed *st = nullptr;

	bool make(std::string *why)
	{
		soc_error e{};
		if (soc_preset_load((std::string(PAMUSIM_SOCS_DIR) + "/t4240.yaml").c_str(), p.get(), &e) != SOC_PRESET_OK) {
			*why = e.msg;
			return false;
		}
		if (!soc_test::load_board(p->board, dtb)) {
			*why = "no board DTB " + std::string(p->board) + " (dtb dir: " + soc_test::dtb_dir() + ")";
			return false;
		}
		soc_cfg c{};
		c.preset = p.get();
		c.rev = p->default_rev;
		c.dtb = dtb.data();
		c.dtb_size = dtb.size();
		c.dtb_name = "t4240qds.dtb";
		if (soc_create(&c, &s, &e) != SOC_OK) {
			*why = e.msg;
			return false;
		}
		q = sim_evq_create(8);
		char w[160] = "";
		st = soc_timed_create(s, &p->timing, q, nullptr, nullptr, w, sizeof(w));
		*why = w;
		return st != nullptr;
	}
	~soc_fixture()
	{
		soc_timed_destroy(st);
		sim_evq_destroy(q);
		soc_destroy(s);
	}
};

uint64_t ceil_div(uint64_t a, uint64_t b)
{
	return (a + b - 1) / b;
}

} // namespace

TEST(Timing, SocDramBandwidthAndMsiPathsAreSumsOfThePresetKnobs)
{
	soc_fixture f;
	std::string why;
	if (!f.make(&why)) {
		if (why.find("no board DTB") == 0)
			GTEST_SKIP() << why;
		FAIL() << why;
	}
	const soc_timing &k = f.p->timing;
	pamu_result res;
	soc_timed_result a, b, m;
	std::vector<uint8_t> buf(256);

	// PAMUs come up bypassed (no driver yet): the translation is the pipeline alone.
	ASSERT_TRUE(pamu_get_bypass(soc_get_pamu(f.s, 0)));
	ASSERT_EQ(soc_timed_dma(f.st, 0, 1, 0x100000, buf.data(), 256, PAMU_OP_READ, 1000, &res, &a), SOC_BUS_OK);
	EXPECT_EQ(res.kind, PAMU_XLATE_BYPASS);
	uint64_t beats = ceil_div(256, k.dram_bytes_per_cycle);
	EXPECT_EQ(a.xlate.latency, k.pamu.translate_cycles);
	EXPECT_EQ(a.data_cycles, k.ccf_hop + k.dram_latency + beats + k.ccf_hop);
	EXPECT_EQ(a.latency, k.pamu.translate_cycles + 2 * k.ccf_hop + k.dram_latency + beats);
	// A second read issued in the same cycle queues behind the first's beats at the DDR controller.
	ASSERT_EQ(soc_timed_dma(f.st, 0, 1, 0x200000, buf.data(), 256, PAMU_OP_READ, 1000, &res, &b), SOC_BUS_OK);
	EXPECT_EQ(b.latency, a.latency + beats);
	// An MSI: the write crosses to the MPIC (two hops) and is delivered msi-latency later.
	uint64_t msiir = soc_mpic_base(f.s) + mpic_msi_target(soc_get_mpic(f.s), 0);
	uint8_t data[4] = { 0, 0, 0, 0 };
	ASSERT_EQ(soc_timed_dma(f.st, 0, 1, msiir, data, 4, PAMU_OP_WRITE, 5000, &res, &m), SOC_BUS_OK);
	EXPECT_TRUE(m.msi);
	EXPECT_EQ(m.latency, k.pamu.translate_cycles + 2 * k.ccf_hop + k.msi_latency);
	EXPECT_EQ(m.msi_at, 5000 + m.latency);
	EXPECT_EQ(soc_timed_msis(f.st), 0u);		// delivered when time reaches it
	sim_evq_run_until(f.q, m.msi_at);
	EXPECT_EQ(soc_timed_msis(f.st), 1u);
	EXPECT_EQ(soc_timed_cpu_access(f.st), k.cpu_access);
}
