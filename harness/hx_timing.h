/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * hx_timing.h - what a timed run records (per-structure statistics, per-LIODN counts, latency
 * histograms, a per-device timeline) and how the reports show it (`stats` in the JSON report,
 * `pamusim run --stats` on the terminal).
 *
 * Source: docs/timing.md 6 (statistics and their meaning), docs/report-schema.json (`stats`). Fixed
 * sizes: the record travels from the run's process to the supervisor as bytes.
 */
#ifndef HX_TIMING_H
#define HX_TIMING_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "pamu_timing.h"

#ifdef __cplusplus
extern "C" {
#endif

#define HX_TIMING_MAX_PAMUS 8
#define HX_TIMING_MAX_LIODNS 32
#define HX_TIMING_MAX_SAMPLES 1024
#define HX_TIMING_DEV_LEN 64

struct hx_timing_liodn {
	uint32_t liodn;
	unsigned int pamu;
	char device[HX_TIMING_DEV_LEN];
	uint64_t transactions, faults, table_lookups, table_hits, table_reads, stale, total_latency, max_latency;
};

/* One transaction on the timeline. */
struct hx_timing_sample {
	uint64_t issue;
	uint32_t latency;
	uint16_t who;			/* index into liodns */
	uint8_t kind;			/* 0 ok, 1 blocked, 2 MSI */
	uint8_t stale;
};

struct hx_timing {
	bool timed;
	uint32_t clock_mhz;
	char coherence[16];
	uint64_t hazard_window;
	uint64_t end_time;		/* cycles at the end of the run */
	unsigned int npamus;
	struct {
		unsigned int index;
		struct pamu_timing_stats st;
	} pamus[HX_TIMING_MAX_PAMUS];	/* PAMU blocks that translated something */
	uint64_t dma_count, dma_total_latency, dma_max_latency;
	uint64_t dma_hist[PAMU_TIMING_HIST_BUCKETS];	/* whole transaction: translation + data */
	uint64_t msis_delivered;
	unsigned int nliodns;
	uint64_t liodns_dropped;	/* transactions of LIODNs beyond HX_TIMING_MAX_LIODNS */
	struct hx_timing_liodn liodns[HX_TIMING_MAX_LIODNS];
	unsigned int nsamples;
	uint64_t samples_dropped;
	struct hx_timing_sample samples[HX_TIMING_MAX_SAMPLES];
};

struct soc_timed_result;

/* Record one timed transaction. */
void hx_timing_record(struct hx_timing *t, uint32_t liodn, unsigned int pamu, const char *device, bool blocked,
		      const struct soc_timed_result *tr);
/* The `stats` object of a run (JSON, no trailing newline); {} when not timed. */
void hx_timing_json(FILE *f, const struct hx_timing *t, const char *indent);
/* The terminal view (`--stats`) of one run. */
void hx_timing_text(FILE *f, const char *name, const char *soc, const char *kernel, const struct hx_timing *t);

#ifdef __cplusplus
}
#endif

#endif /* HX_TIMING_H */
