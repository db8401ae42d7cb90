// SPDX-License-Identifier: BSD-2-Clause
/*
 * pamu_bench.c - translation throughput of the PAMU model against the simplest correct lookup, measured
 * in the same run over the same request streams.
 *
 * Source: docs/pamu-model.md 4 and 9 (the walk and its fast path), hw-facts.md 2.1 and 7.3 (the driver's
 * table block and a 5.10-style one-window PAACE per LIODN). Streams: (a) a hot set of 8 LIODNs,
 * (b) every LIODN 0..0x4FF round robin, (c) random LIODNs and addresses. Baseline: an array of 64-byte
 * host entries indexed by LIODN, with valid + bounds + permission check and base + offset, timed both as
 * an out-of-line call filling a struct pamu_result (the ratio's reference: same calling convention as
 * the model) and inlined into the loop (printed for comparison). Target: model / baseline <= 2.0 on the
 * hot set (printed as PASS / MISS; a measurement, exit status 0).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pamu.h"
#include "soc_bus.h"

#define STREAM_LEN 65536u		/* requests per stream (cycled) */
#define RUN_LEN (4u * 1024 * 1024)	/* translations per timed repetition */
#define REPS 5
#define LIODNS 0x500u
#define TABLE_BASE 0x10000000ull	/* 512 KiB aligned block, as the driver allocates */
#define HOT_TARGET 2.0

/* The baseline's entry: one cache line per LIODN. */
struct base_entry {
	uint64_t base, size, tbase;
	uint32_t valid, perm;		/* perm bit 0 read, bit 1 write */
	uint8_t pad[32];
} __attribute__((aligned(64)));

struct stream {
	const char *name;
	struct pamu_request req[STREAM_LEN];
};

static volatile uint64_t sink;
static struct base_entry base_table[LIODNS];
static struct stream streams[3];

static uint64_t rng = 0x9e3779b97f4a7c15ull;

static uint64_t rnd(void)
{
	/* xorshift64* */
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * 0x2545f4914f6cdd1dull;
}

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static void print_env(void)
{
	char line[256];
	FILE *f = fopen("/proc/cpuinfo", "r");
	const char *cpu = "unknown";
	static char model[256];

	if (f) {
		while (fgets(line, sizeof(line), f)) {
			if (!strncmp(line, "model name", 10)) {
				char *c = strchr(line, ':');

				if (c) {
					snprintf(model, sizeof(model), "%s", c + 2);
					model[strcspn(model, "\n")] = 0;
					cpu = model;
				}
				break;
			}
		}
		fclose(f);
	}
	printf("pamu_bench: cpu \"%s\", build %s, %s, %u translations x %d repetitions per figure (best and median)\n",
	       cpu, PAMU_BENCH_BUILD_TYPE,
#ifdef __OPTIMIZE__
	       "optimized",
#else
	       "NOT optimized",
#endif
	       RUN_LEN, REPS);
}

static void put_word(struct soc_bus *bus, uint64_t entry, unsigned int n, uint32_t v)
{
	uint32_t *p = soc_bus_dram_ptr(bus, entry + 4ull * n, 4);

	*p = v;	/* host order, docs/pamu-model.md 7 */
}

/* One window per LIODN (5.10-style attach): 1 MiB .. 1 GiB, translated, read/write. */
static void build_tables(struct soc_bus *bus)
{
	unsigned int l;

	for (l = 0; l < LIODNS; l++) {
		unsigned int wse = 0x13 + (unsigned int)(rnd() % 11);	/* 1 MiB .. 1 GiB */
		uint64_t size = 1ull << (wse + 1);
		uint64_t wbase = (rnd() % (SOC_PHYS_LIMIT / size)) * size;
		uint64_t tbase = (rnd() % (SOC_PHYS_LIMIT / size)) * size;
		uint64_t e = TABLE_BASE + 64ull * l;

		put_word(bus, e, 0, (uint32_t)(wbase >> 32));
		put_word(bus, e, 1, ((uint32_t)wbase & 0xfffff000u) | wse << 6 | 3u << 3 | 1u);
		put_word(bus, e, 3, 1u << 2);	/* ATM 1, OTM 0 */
		put_word(bus, e, 4, (uint32_t)(tbase >> 32));
		put_word(bus, e, 5, (uint32_t)tbase & 0xfffff000u);
		base_table[l].base = wbase;
		base_table[l].size = size;
		base_table[l].tbase = tbase;
		base_table[l].valid = 1;
		base_table[l].perm = 3;
	}
}

static void make_request(struct pamu_request *r, uint16_t liodn)
{
	const struct base_entry *b = &base_table[liodn];

	r->liodn = liodn;
	r->size = (uint32_t)(1u << (rnd() % 7));	/* 1 .. 64 bytes */
	r->addr = b->base + (rnd() % (b->size - r->size + 1));
	r->op = (rnd() & 1) ? 0x81 : 0x00;
}

static void build_streams(void)
{
	uint16_t hot[8];
	unsigned int k;

	for (k = 0; k < 8; k++)
		hot[k] = (uint16_t)(rnd() % LIODNS);
	streams[0].name = "hot set (8 LIODNs)";
	streams[1].name = "round robin (0x500 LIODNs)";
	streams[2].name = "random LIODN + address";
	for (k = 0; k < STREAM_LEN; k++) {
		make_request(&streams[0].req[k], hot[k % 8]);
		make_request(&streams[1].req[k], (uint16_t)(k % LIODNS));
		make_request(&streams[2].req[k], (uint16_t)(rnd() % LIODNS));
	}
}

/* The simplest correct lookup: valid, bounds, permission, base + offset. 0 = fault (never here). */
static inline uint64_t baseline_translate(const struct pamu_request *r)
{
	const struct base_entry *b;
	uint32_t need = r->op == 0x00 ? 1 : 2;

	if (r->liodn >= LIODNS)
		return 0;
	b = &base_table[r->liodn];
	if (!b->valid || r->addr < b->base || r->addr - b->base + r->size > b->size || !(b->perm & need))
		return 0;
	return b->tbase + (r->addr - b->base);
}

/*
 * The same lookup behind the model's calling convention: an out-of-line call that fills the fields of a
 * struct pamu_result it determines. This is the baseline the ratio uses (same call and result-record
 * cost as pamu_translate, so the ratio measures the translation work); the inlined form above is
 * printed too.
 */
__attribute__((noinline)) static void baseline_call(const struct pamu_request *r, struct pamu_result *res)
{
	uint64_t pa = baseline_translate(r);

	res->kind = pa ? PAMU_XLATE_OK : PAMU_XLATE_FAULT;
	res->paddr = pa;
	res->out_op = r->op & 0x7f;
}

static double run_baseline_call(const struct stream *s)
{
	struct pamu_result res;
	uint64_t acc = 0;
	unsigned int i;
	double t0 = now_ns();

	for (i = 0; i < RUN_LEN; i++) {
		baseline_call(&s->req[i & (STREAM_LEN - 1)], &res);
		acc += res.paddr + res.kind;
	}
	sink += acc;
	return (now_ns() - t0) / RUN_LEN;
}

static double run_model(struct pamu *p, const struct stream *s)
{
	struct pamu_result res;
	uint64_t acc = 0;
	unsigned int i;
	double t0 = now_ns();

	for (i = 0; i < RUN_LEN; i++) {
		pamu_translate(p, &s->req[i & (STREAM_LEN - 1)], &res);
		acc += res.paddr + res.kind;
	}
	sink += acc;
	return (now_ns() - t0) / RUN_LEN;
}

static double run_baseline(const struct stream *s)
{
	uint64_t acc = 0;
	unsigned int i;
	double t0 = now_ns();

	for (i = 0; i < RUN_LEN; i++)
		acc += baseline_translate(&s->req[i & (STREAM_LEN - 1)]);
	sink += acc;
	return (now_ns() - t0) / RUN_LEN;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* The model and the baseline must agree on every request of the stream, else the figures mean nothing. */
static unsigned int verify(struct pamu *p, const struct stream *s)
{
	struct pamu_result res;
	unsigned int k, bad = 0;

	for (k = 0; k < STREAM_LEN; k++) {
		pamu_translate(p, &s->req[k], &res);
		if (res.kind != PAMU_XLATE_OK || res.paddr != baseline_translate(&s->req[k]))
			bad++;
	}
	return bad;
}

int main(void)
{
	struct soc_bus_cfg bcfg = { { 0 } };
	struct soc_bus *bus = soc_bus_create(&bcfg);
	struct pamu_cfg cfg;
	struct pamu *p = NULL;
	struct pamu_stats st;
	const struct pamu_caps *caps = pamu_builtin_caps("t4240");
	double hot_ratio = 0;
	unsigned int s, r;

	print_env();
	if (!bus || soc_bus_add_dram(bus, "dram", 0, 0x40000000ull) != SOC_BUS_OK || !caps) {
		printf("pamu_bench: cannot build the bus\n");
		return 0;
	}
	memset(&cfg, 0, sizeof(cfg));
	cfg.name = "pamu0";
	cfg.caps = *caps;
	cfg.mem = soc_bus_mem_if(bus);
	if (pamu_create(&cfg, &p) != PAMU_STATUS_OK) {
		printf("pamu_bench: pamu_create failed\n");
		return 0;
	}
	/* The driver's enable sequence (hw-facts.md 2.1). */
	pamu_reg_write(p, 0x000, 4, 0);
	pamu_reg_write(p, 0x004, 4, (uint32_t)TABLE_BASE);
	pamu_reg_write(p, 0x008, 4, 0);
	pamu_reg_write(p, 0x00c, 4, (uint32_t)TABLE_BASE + 0x14000);
	pamu_reg_write(p, 0x010, 4, 0);
	pamu_reg_write(p, 0x014, 4, (uint32_t)TABLE_BASE + 0x20000);
	pamu_reg_write(p, 0x018, 4, 0);
	pamu_reg_write(p, 0x01c, 4, (uint32_t)TABLE_BASE + 0x40000);
	pamu_reg_write(p, 0x020, 4, 0);
	pamu_reg_write(p, 0x024, 4, (uint32_t)TABLE_BASE + 0x40000);
	pamu_reg_write(p, 0x028, 4, 0);
	pamu_reg_write(p, 0x02c, 4, (uint32_t)TABLE_BASE + 0x40800);
	pamu_reg_write(p, 0xc1c, 4, 0x4);
	pamu_reg_write(p, 0xc10, 4, 0x40001011);
	pamu_set_bypass(p, false);
	build_tables(bus);
	build_streams();

	printf("%-27s %9s %9s | %13s %9s | %12s %9s\n", "stream", "model ns", "(median)", "baseline call",
	       "ratio", "inlined ns", "ratio");
	for (s = 0; s < 3; s++) {
		double m[REPS], b[REPS], bi[REPS], ratio;
		unsigned int bad = verify(p, &streams[s]);

		if (bad)
			printf("WARNING: %u requests of \"%s\" differ between model and baseline\n", bad,
			       streams[s].name);
		run_model(p, &streams[s]);	/* warm-up */
		run_baseline_call(&streams[s]);
		run_baseline(&streams[s]);
		for (r = 0; r < REPS; r++) {
			m[r] = run_model(p, &streams[s]);
			b[r] = run_baseline_call(&streams[s]);
			bi[r] = run_baseline(&streams[s]);
		}
		qsort(m, REPS, sizeof(m[0]), cmp_double);
		qsort(b, REPS, sizeof(b[0]), cmp_double);
		qsort(bi, REPS, sizeof(bi[0]), cmp_double);
		ratio = m[0] / b[0];
		if (s == 0)
			hot_ratio = ratio;
		printf("%-27s %9.2f %9.2f | %13.2f %9.2f | %12.2f %9.2f\n", streams[s].name, m[0], m[REPS / 2], b[0],
		       ratio, bi[0], m[0] / bi[0]);
	}
	pamu_get_stats(p, &st);
	printf("model stats: %" PRIu64 " translations, %" PRIu64 " fast-path hits, %" PRIu64 " walks, %" PRIu64
	       " faults\n", st.translations, st.fast_hits, st.walks, st.faults);
	printf("figures: best of %d repetitions (model median beside it); ratio = model / baseline\n", REPS);
	printf("hot-set ratio model / baseline call %.3f (target <= %.1f): %s\n", hot_ratio, HOT_TARGET,
	       hot_ratio <= HOT_TARGET ? "PASS" : "MISS");
	pamu_destroy(p);
	soc_bus_destroy(bus);
	return 0;
}
