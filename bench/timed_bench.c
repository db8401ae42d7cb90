// SPDX-License-Identifier: BSD-2-Clause
/*
 * timed_bench.c - full-system DMA on the T4240 preset: timed (docs/timing.md) against functional, in
 * the same run, and the host memory of a run with 4 GiB of simulated DRAM.
 *
 * Source: issue 10's targets: timed full-system DMA at most 3x the functional one, at most 64 MiB
 * resident with 4 GiB of DRAM. Both paths do the same work per transaction: PAMU translation, then
 * the bus access (64-byte writes and reads into DRAM) through soc_dma / soc_timed_dma. Figures are the
 * best of REPS repetitions (median beside it).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pamusim_config.h"
#include "sim_file.h"
#include "soc.h"
#include "soc_timing.h"

#define N 200000u
#define REPS 7
#define LIODNS 16u
#define TABLE 0x7f000000ull
#define RATIO_TARGET 3.0
#define RSS_TARGET_KIB (64u * 1024u)

static double now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static long status_kib(const char *key)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long v = -1;

	while (f && fgets(line, sizeof(line), f))
		if (!strncmp(line, key, strlen(key)))
			v = strtol(line + strlen(key), NULL, 10);
	if (f)
		fclose(f);
	return v;
}

static int cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static uint64_t rng = 88172645463325252ull;

static uint64_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

struct txn {
	uint16_t liodn;
	uint64_t addr;
	uint8_t op;
};

static struct txn txns[N];

int main(void)
{
	static struct soc_preset p;
	struct soc_error e;
	struct soc_cfg c = { 0 };
	struct soc *s;
	struct soc_bus *bus;
	struct sim_evq *q;
	struct soc_timed *st;
	char path[512], why[200];
	double f[REPS], t[REPS];
	uint8_t buf[64];
	uint64_t now = 0, sink = 0;
	unsigned int i, r, l;
	size_t dlen;
	void *dtb;
	long rss0, hwm;
	double ratio;

	snprintf(path, sizeof(path), "%s/t4240.yaml", PAMUSIM_SOCS_DIR);
	if (soc_preset_load(path, &p, &e) != SOC_PRESET_OK || !p.has_timing) {
		printf("timed_bench: %s: %s\n", path, e.msg);
		return 1;
	}
	snprintf(path, sizeof(path), "%s/%s.dtb", PAMUSIM_DTB_DIR, p.board);
	dtb = sim_file_read(path, SIM_FILE_MAX, &dlen);
	if (!dtb) {
		printf("timed_bench: cannot read %s\n", path);
		return 1;
	}
	/* 4 GiB of simulated DRAM at 0 (the preset has 2 GiB); its LAW grows with it. */
	p.dram_size = 4ull << 30;
	for (i = 0; i < p.law_count; i++)
		if (p.laws[i].base == 0)
			p.laws[i].size = p.dram_size;
	rss0 = status_kib("VmRSS:");
	c.preset = &p;
	c.rev = p.default_rev;
	c.dtb = dtb;
	c.dtb_size = dlen;
	c.dtb_name = path;
	if (soc_create(&c, &s, &e) != SOC_OK) {
		printf("timed_bench: soc_create: %s\n", e.msg);
		return 1;
	}
	bus = soc_get_bus(s);
	/* The driver's table block and one window per LIODN over DRAM; PAMU 0 enabled, not bypassed. */
	for (l = 0; l < LIODNS; l++) {
		uint32_t *ent = soc_bus_dram_ptr(bus, TABLE + 64ull * l, 64);
		uint64_t wb = 0x10000000ull * (l % 8);

		memset(ent, 0, 64);
		ent[1] = (uint32_t)wb | 27u << 6 | 3u << 3 | 1u;	/* 256 MiB window, rw, valid */
		ent[3] = 1u << 2;				/* ATM 1 */
		ent[5] = (uint32_t)(0x80000000ull + wb);	/* translated into the upper 2 GiB */
	}
	soc_cpu_store(s, soc_pamu_base(s, 0) + 0x000, 4, TABLE >> 32);
	soc_cpu_store(s, soc_pamu_base(s, 0) + 0x004, 4, (uint32_t)TABLE);
	soc_cpu_store(s, soc_pamu_base(s, 0) + 0x008, 4, (TABLE + 0x20000) >> 32);
	soc_cpu_store(s, soc_pamu_base(s, 0) + 0x00c, 4, (uint32_t)(TABLE + 0x20000));
	soc_cpu_store(s, soc_pamu_base(s, 0) + 0xc10, 4, 0x40000000u);		/* PC.PE */
	pamu_set_bypass(soc_get_pamu(s, 0), false);
	for (i = 0; i < N; i++) {
		txns[i].liodn = (uint16_t)(rnd() % LIODNS);
		/* 1 MiB of each window: the footprint of a run, not of a memory test */
		txns[i].addr = 0x10000000ull * (txns[i].liodn % 8) + ((rnd() % (0x100000ull - 64)) & ~63ull);
		txns[i].op = (rnd() & 1) ? PAMU_OP_WRITE : PAMU_OP_READ;
	}
	q = sim_evq_create(64);
	for (r = 0; r < REPS; r++) {
		struct pamu_result res;
		struct soc_timed_result tr;
		double t0 = now_ns();

		for (i = 0; i < N; i++) {
			soc_dma(s, 0, txns[i].liodn, txns[i].addr, buf, 64, txns[i].op, &res);
			sink += res.paddr;
		}
		f[r] = (now_ns() - t0) / N;
		/* timed: a fresh timing model each repetition (cold caches, as a run starts) */
		st = soc_timed_create(s, &p.timing, q, NULL, NULL, why, sizeof(why));
		if (!st) {
			printf("timed_bench: soc_timed_create: %s\n", why);
			return 1;
		}
		t0 = now_ns();
		for (i = 0; i < N; i++) {
			soc_timed_dma(st, 0, txns[i].liodn, txns[i].addr, buf, 64, txns[i].op, now, &res, &tr);
			now = tr.done;
			sink += res.paddr;
		}
		t[r] = (now_ns() - t0) / N;
		soc_timed_destroy(st);
	}
	qsort(f, REPS, sizeof(f[0]), cmp_d);
	qsort(t, REPS, sizeof(t[0]), cmp_d);
	ratio = t[0] / f[0];
	hwm = status_kib("VmHWM:");
	printf("timed_bench: t4240 (%s), %u DMA transactions of 64 bytes over %u LIODNs x %d repetitions, "
	       "DRAM 4 GiB\n", BENCH_BUILD_TYPE, N, LIODNS, REPS);
	printf("functional full-system DMA %8.1f ns (median %.1f)\n", f[0], f[REPS / 2]);
	printf("timed full-system DMA      %8.1f ns (median %.1f), %" PRIu64 " simulated cycles\n", t[0], t[REPS / 2],
	       now);
	printf("timed / functional ratio %.2f (target <= %.1f): %s\n", ratio, RATIO_TARGET,
	       ratio <= RATIO_TARGET ? "PASS" : "FAIL");
	printf("host memory: peak resident %ld KiB (%ld KiB before the SoC; target <= %u KiB): %s\n", hwm, rss0,
	       RSS_TARGET_KIB, hwm >= 0 && hwm <= (long)RSS_TARGET_KIB ? "PASS" : "FAIL");
	if (sink == 42)
		printf("\n");
	sim_evq_destroy(q);
	soc_destroy(s);
	free(dtb);
	return 0;
}
