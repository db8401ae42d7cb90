/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * pamu_timing.h - cycle-approximate timing of one PAMU: PAACE, SPAACE and OMT caches, table-walk reads
 * timed through a memory-timing callback, a bounded number of outstanding translations, and the
 * stale-entry hazard check. The public C API for timing annotation (e.g. a SystemC TLM-2.0 wrapper):
 * one call per transaction gives the functional result and a latency record.
 *
 * Source: docs/timing.md (every knob, the coherence rules, calibration). The functional model
 * (pamu.h) stays the reference for what a translation does; this layer adds when. It observes the
 * walk through the PAMU's trace hook (pamu_set_trace), so a timed PAMU always takes the full walk.
 */
#ifndef PAMU_TIMING_H
#define PAMU_TIMING_H

#include <stdbool.h>
#include <stdint.h>

#include "pamu.h"
#include "pamu_cache.h"
#include "sim_mem.h"

#ifdef __cplusplus
extern "C" {
#endif

enum pamu_table {
	PAMU_TBL_PAACE,
	PAMU_TBL_SPAACE,
	PAMU_TBL_OMT,
	PAMU_TBL_COUNT
};

/* When a cached entry stops being used after its memory changed (docs/timing.md 4). */
enum pamu_coherence {
	PAMU_COH_SNOOP,		/* caches see table writes: a changed entry is never used */
	PAMU_COH_UNTIL_EVICTED,	/* a cached entry is used until evicted, whatever memory says */
	PAMU_COH_WINDOW,	/* a changed entry may be used for hazard_window cycles after the change */
	PAMU_COH_COUNT
};

/* Cycle a table read of len bytes at addr, issued at cycle t, has its data back. */
typedef uint64_t (*pamu_mem_time_fn)(void *ctx, uint64_t addr, uint32_t len, uint64_t t);

#define PAMU_TIMING_MAX_OUTSTANDING 64u
#define PAMU_TIMING_HIST_BUCKETS 16u	/* bucket b: latency in [2^b, 2^(b+1)) cycles, bucket 0 also 0 */

struct pamu_timing_cfg {
	struct pamu_cache_cfg cache[PAMU_TBL_COUNT];
	uint32_t translate_cycles;	/* pipeline cycles of every translation (hit or miss) */
	uint32_t walk_read_cycles;	/* a table read when mem_time is NULL */
	unsigned int max_outstanding;	/* translations in flight, 1 .. PAMU_TIMING_MAX_OUTSTANDING */
	enum pamu_coherence coherence;
	uint64_t hazard_window;		/* PAMU_COH_WINDOW, cycles (>= 1) */
};

/* A cached entry used although its memory changed, under the coherence rule. */
struct pamu_stale {
	enum pamu_table table;
	uint16_t liodn;
	uint64_t entry;			/* physical address of the entry */
	uint64_t filled_at, changed_at, used_at;
};

struct pamu_timing_hooks {
	struct sim_mem_if mem;		/* current entry bytes (read required; dmi optional) */
	pamu_mem_time_fn mem_time;	/* optional: NULL charges walk_read_cycles per read */
	void *mem_time_ctx;
	/* Called for each stale use. Optional. */
	void (*stale)(void *ctx, const struct pamu_stale *s);
	void *stale_ctx;
};

/* The timing of one translation. */
struct pamu_timing_result {
	uint64_t issue;			/* cycle the request arrived */
	uint64_t start;			/* cycle it got an outstanding slot */
	uint64_t done;			/* cycle the result is known */
	uint32_t latency;		/* done - issue */
	uint32_t queue_cycles;		/* start - issue */
	uint32_t walk_cycles;		/* of the latency, spent on table reads */
	uint8_t lookups, hits, reads;
	bool stale;			/* a stale cached entry was used (first one in stale_info) */
	struct pamu_stale stale_info;
};

struct pamu_timing_stats {
	struct pamu_cache_stats cache[PAMU_TBL_COUNT];
	uint64_t translations;
	uint64_t walks;			/* translations with at least one table read */
	uint64_t queued;		/* translations that waited for a slot */
	uint64_t stale_uses;
	uint64_t total_latency, max_latency;
	uint64_t latency_hist[PAMU_TIMING_HIST_BUCKETS];	/* every translation */
	uint64_t walk_hist[PAMU_TIMING_HIST_BUCKETS];	/* walk cycles of translations that read tables */
};

struct pamu_timing;

enum pamu_timing_status {
	PAMU_TIMING_OK = 0,
	PAMU_TIMING_BAD_CFG,		/* why says which knob */
	PAMU_TIMING_NO_MEMORY,
};

/* Check every knob; false with "knob: expected ..., found ..." in why. */
bool pamu_timing_check_cfg(const struct pamu_timing_cfg *cfg, char *why, unsigned int cap);
/* Attach a timing model to a PAMU (it installs the PAMU's trace hook; any hook given at pamu_create is
 * still called). why (optional) gets the reason of PAMU_TIMING_BAD_CFG. */
enum pamu_timing_status pamu_timing_create(const struct pamu_timing_cfg *cfg, const struct pamu_timing_hooks *hooks,
					   struct pamu *p, struct pamu_timing **out, char *why, unsigned int cap);
/* Detach from the PAMU and free. */
void pamu_timing_destroy(struct pamu_timing *t);

/* Translate req arriving at cycle now: res is the functional result (pamu_translate), tr its timing. */
void pamu_timing_translate(struct pamu_timing *t, uint64_t now, const struct pamu_request *req,
			   struct pamu_result *res, struct pamu_timing_result *tr);
/* Memory [addr, addr + len) was written at cycle now (a bus write): cached entries it overlaps are
 * dropped (snoop) or marked changed (the other rules). */
void pamu_timing_note_write(struct pamu_timing *t, uint64_t addr, uint64_t len, uint64_t now);
/* Compare every cached entry with memory and note changes made behind the bus's back (host stores of
 * the kernel stubs) as made at cycle now. */
void pamu_timing_sync(struct pamu_timing *t, uint64_t now);
/* Drop every cached entry (the model's flush points, docs/timing.md 4). */
void pamu_timing_flush(struct pamu_timing *t);

void pamu_timing_get_stats(const struct pamu_timing *t, struct pamu_timing_stats *st);
const struct pamu_timing_cfg *pamu_timing_get_cfg(const struct pamu_timing *t);
/* Histogram bucket of a latency. */
unsigned int pamu_timing_bucket(uint64_t cycles);

const char *pamu_table_name(enum pamu_table tb);
const char *pamu_coherence_name(enum pamu_coherence c);
/* By name ("snoop", "until-evicted", "hazard-window"); -1 when unknown. */
int pamu_coherence_find(const char *name);

#ifdef __cplusplus
}
#endif

#endif /* PAMU_TIMING_H */
