// SPDX-License-Identifier: BSD-2-Clause
/*
 * pamu_cache.c - set-associative cache of table entries for the PAMU timing model (pamu_cache.h).
 *
 * Source: docs/timing.md 3 (organisation and policies). Set index: (key / 64) mod sets, since every
 * table entry is at least 64-byte aligned (PAACE and SPAACE 64 bytes, OME 128 bytes: hw-facts.md 5).
 * Random replacement draws from a xorshift64* generator seeded by the knob, so runs repeat exactly.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pamu_cache.h"
#include "sim_time.h"

struct pamu_cache {
	struct pamu_cache_cfg cfg;
	unsigned int sets;
	uint64_t tick;			/* LRU / FIFO order */
	uint64_t rng;
	struct pamu_cache_stats st;
	struct pamu_cache_line *lines;	/* sets x ways */
};

static const char *const policy_names[PAMU_CACHE_POLICY_COUNT] = { "lru", "fifo", "random" };

const char *pamu_cache_policy_name(enum pamu_cache_policy p)
{
	return (unsigned int)p < PAMU_CACHE_POLICY_COUNT ? policy_names[p] : "?";
}

int pamu_cache_policy_find(const char *name)
{
	int i;

	for (i = 0; i < PAMU_CACHE_POLICY_COUNT; i++)
		if (!strcmp(name, policy_names[i]))
			return i;
	return -1;
}

bool pamu_cache_check_cfg(const struct pamu_cache_cfg *cfg, char *why, unsigned int cap)
{
	unsigned int sets;

	if (cfg->entries == 0)
		return true;
	if (cfg->entries > PAMU_CACHE_MAX_ENTRIES) {
		snprintf(why, cap, "entries: expected at most %u, found %u", PAMU_CACHE_MAX_ENTRIES, cfg->entries);
		return false;
	}
	if (cfg->ways == 0 || cfg->ways > cfg->entries || cfg->entries % cfg->ways) {
		snprintf(why, cap, "ways: expected a divisor of entries (%u) from 1 to %u, found %u", cfg->entries,
			 cfg->entries, cfg->ways);
		return false;
	}
	sets = cfg->entries / cfg->ways;
	if (sets & (sets - 1)) {
		snprintf(why, cap, "entries / ways: expected a power-of-two number of sets, found %u / %u = %u",
			 cfg->entries, cfg->ways, sets);
		return false;
	}
	if ((unsigned int)cfg->policy >= PAMU_CACHE_POLICY_COUNT) {
		snprintf(why, cap, "policy: expected lru, fifo or random, found %u", (unsigned int)cfg->policy);
		return false;
	}
	return true;
}

enum pamu_cache_status pamu_cache_create(const struct pamu_cache_cfg *cfg, struct pamu_cache **out)
{
	struct pamu_cache *c;
	char why[128];

	*out = NULL;
	if (!pamu_cache_check_cfg(cfg, why, sizeof(why)))
		return PAMU_CACHE_BAD_CFG;
	c = calloc(1, sizeof(*c));
	if (!c)
		return PAMU_CACHE_NO_MEMORY;
	c->cfg = *cfg;
	c->sets = cfg->entries ? cfg->entries / cfg->ways : 0;
	if (cfg->entries) {
		c->lines = calloc(cfg->entries, sizeof(*c->lines));
		if (!c->lines) {
			free(c);
			return PAMU_CACHE_NO_MEMORY;
		}
	}
	pamu_cache_reset(c);
	*out = c;
	return PAMU_CACHE_OK;
}

void pamu_cache_destroy(struct pamu_cache *c)
{
	if (!c)
		return;
	free(c->lines);
	free(c);
}

void pamu_cache_reset(struct pamu_cache *c)
{
	if (c->lines)
		memset(c->lines, 0, (size_t)c->cfg.entries * sizeof(*c->lines));
	memset(&c->st, 0, sizeof(c->st));
	c->tick = 0;
	c->rng = c->cfg.seed ? c->cfg.seed : 0x9e3779b97f4a7c15ull;
}

static struct pamu_cache_line *set_of(struct pamu_cache *c, uint64_t key)
{
	return &c->lines[(size_t)((key >> 6) & (c->sets - 1)) * c->cfg.ways];
}

struct pamu_cache_line *pamu_cache_peek(struct pamu_cache *c, uint64_t key)
{
	struct pamu_cache_line *s;
	unsigned int w;

	if (!c->sets)
		return NULL;
	s = set_of(c, key);
	for (w = 0; w < c->cfg.ways; w++)
		if (s[w].valid && s[w].key == key)
			return &s[w];
	return NULL;
}

struct pamu_cache_line *pamu_cache_lookup(struct pamu_cache *c, uint64_t key)
{
	struct pamu_cache_line *l = pamu_cache_peek(c, key);

	c->st.lookups++;
	if (!l) {
		c->st.misses++;
		return NULL;
	}
	c->st.hits++;
	if (c->cfg.policy == PAMU_CACHE_LRU)
		l->used = ++c->tick;
	return l;
}

static uint64_t rng_next(struct pamu_cache *c)
{
	c->rng ^= c->rng >> 12;
	c->rng ^= c->rng << 25;
	c->rng ^= c->rng >> 27;
	return c->rng * 0x2545f4914f6cdd1dull;
}

struct pamu_cache_line *pamu_cache_fill(struct pamu_cache *c, uint64_t key, uint64_t now, bool *evicted_any,
					uint64_t *evicted)
{
	struct pamu_cache_line *s, *v = NULL;
	unsigned int w;

	if (evicted_any)
		*evicted_any = false;
	if (!c->sets)
		return NULL;
	v = pamu_cache_peek(c, key);
	if (!v) {
		s = set_of(c, key);
		for (w = 0; w < c->cfg.ways && !v; w++)
			if (!s[w].valid)
				v = &s[w];
		if (!v) {
			if (c->cfg.policy == PAMU_CACHE_RANDOM) {
				v = &s[rng_next(c) % c->cfg.ways];
			} else {
				/* LRU and FIFO both take the smallest order stamp; they differ in
				 * whether a hit refreshes it (pamu_cache_lookup). */
				v = &s[0];
				for (w = 1; w < c->cfg.ways; w++)
					if (s[w].used < v->used)
						v = &s[w];
			}
			c->st.evictions++;
			if (evicted_any)
				*evicted_any = true;
			if (evicted)
				*evicted = v->key;
		}
	}
	memset(v, 0, sizeof(*v));
	v->valid = true;
	v->key = key;
	v->used = ++c->tick;
	v->fill_time = now;
	v->changed_at = SIM_TIME_NEVER;
	return v;
}

void pamu_cache_drop(struct pamu_cache *c, struct pamu_cache_line *l)
{
	if (!l->valid)
		return;
	l->valid = false;
	c->st.invalidations++;
}

void pamu_cache_invalidate_all(struct pamu_cache *c)
{
	unsigned int i;

	for (i = 0; i < c->cfg.entries; i++)
		pamu_cache_drop(c, &c->lines[i]);
}

unsigned int pamu_cache_size(const struct pamu_cache *c)
{
	return c->cfg.entries;
}

struct pamu_cache_line *pamu_cache_line_at(struct pamu_cache *c, unsigned int i)
{
	return i < c->cfg.entries ? &c->lines[i] : NULL;
}

const struct pamu_cache_cfg *pamu_cache_get_cfg(const struct pamu_cache *c)
{
	return &c->cfg;
}

void pamu_cache_get_stats(const struct pamu_cache *c, struct pamu_cache_stats *st)
{
	*st = c->st;
}

void pamu_cache_count_stale(struct pamu_cache *c)
{
	c->st.stale_hits++;
}
