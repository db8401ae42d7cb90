/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * pamu_cache.h - one set-associative cache of PAMU table entries (PAACE, SPAACE or OMT) for the timing
 * model: tags, replacement, statistics and a copy of each cached entry's bytes for stale-entry checks.
 *
 * Source: docs/timing.md (knobs, replacement policies, the coherence rules). The PAMU's real cache
 * organisation is not published (hw-facts.md says nothing of it): entries, ways, policy and lookup
 * latency are preset knobs, every value an assumption marked in socs/<name>.yaml. The functional model
 * never uses this; only the timed mode (pamu_timing.h) does.
 */
#ifndef PAMU_CACHE_H
#define PAMU_CACHE_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PAMU_CACHE_MAX_ENTRIES 4096u
#define PAMU_CACHE_LINE_BYTES 128u	/* largest entry cached: an OME */

enum pamu_cache_policy {
	PAMU_CACHE_LRU,		/* least recently used way of the set */
	PAMU_CACHE_FIFO,	/* the way filled longest ago */
	PAMU_CACHE_RANDOM,	/* a way drawn from the cache's own seeded generator */
	PAMU_CACHE_POLICY_COUNT
};

struct pamu_cache_cfg {
	unsigned int entries;		/* total lines, a multiple of ways; 0: no cache (every lookup misses) */
	unsigned int ways;		/* 1 .. entries; entries / ways sets, a power of two */
	enum pamu_cache_policy policy;
	uint32_t lookup_cycles;		/* tag lookup, paid by hits and misses */
	uint64_t seed;			/* PAMU_CACHE_RANDOM */
};

/* One cached entry. key is the entry's physical address. */
struct pamu_cache_line {
	bool valid;
	uint64_t key;
	uint64_t used;			/* LRU: last use; FIFO: fill order */
	uint64_t fill_time;		/* cycle of the fill */
	uint64_t changed_at;		/* cycle its memory was first seen changed, SIM_TIME_NEVER: unchanged */
	uint16_t liodn;			/* who filled it */
	bool stale_reported;
	unsigned int len;		/* bytes of snap in use */
	uint8_t snap[PAMU_CACHE_LINE_BYTES];	/* the entry's bytes at fill time */
};

struct pamu_cache_stats {
	uint64_t lookups, hits, misses, evictions, invalidations, stale_hits;
};

struct pamu_cache;

enum pamu_cache_status {
	PAMU_CACHE_OK = 0,
	PAMU_CACHE_BAD_CFG,		/* message in the buffer given to pamu_cache_check_cfg */
	PAMU_CACHE_NO_MEMORY,
};

/* Check a configuration; false with a one-line reason naming the knob (entries, ways, policy). */
bool pamu_cache_check_cfg(const struct pamu_cache_cfg *cfg, char *why, unsigned int cap);
enum pamu_cache_status pamu_cache_create(const struct pamu_cache_cfg *cfg, struct pamu_cache **out);
void pamu_cache_destroy(struct pamu_cache *c);
/* Every line invalid, statistics zero, the random generator back to its seed. */
void pamu_cache_reset(struct pamu_cache *c);

/* The line holding key, or NULL (a miss). Counts a lookup and a hit or miss; a hit updates LRU order. */
struct pamu_cache_line *pamu_cache_lookup(struct pamu_cache *c, uint64_t key);
/* The line holding key without counting or touching replacement state (checks, tests). */
struct pamu_cache_line *pamu_cache_peek(struct pamu_cache *c, uint64_t key);
/* Put key in its set (after a miss): a free way, else the policy's victim (an eviction; *evicted gets
 * the victim's key when not NULL, else it is left alone). NULL when the cache has no lines. The line
 * comes back valid, with key, fill order and fill_time set; the caller fills snap, len and liodn. */
struct pamu_cache_line *pamu_cache_fill(struct pamu_cache *c, uint64_t key, uint64_t now, bool *evicted_any,
					uint64_t *evicted);
/* Drop a line (counted as an invalidation). */
void pamu_cache_drop(struct pamu_cache *c, struct pamu_cache_line *l);
/* Drop every line (counted). */
void pamu_cache_invalidate_all(struct pamu_cache *c);

/* Lines, for walks over the whole cache (i < entries). */
unsigned int pamu_cache_size(const struct pamu_cache *c);
struct pamu_cache_line *pamu_cache_line_at(struct pamu_cache *c, unsigned int i);
const struct pamu_cache_cfg *pamu_cache_get_cfg(const struct pamu_cache *c);
void pamu_cache_get_stats(const struct pamu_cache *c, struct pamu_cache_stats *st);
void pamu_cache_count_stale(struct pamu_cache *c);

const char *pamu_cache_policy_name(enum pamu_cache_policy p);
/* Policy by name ("lru", "fifo", "random"); -1 when unknown. */
int pamu_cache_policy_find(const char *name);

#ifdef __cplusplus
}
#endif

#endif /* PAMU_CACHE_H */
