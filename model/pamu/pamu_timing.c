// SPDX-License-Identifier: BSD-2-Clause
/*
 * pamu_timing.c - the PAMU timing model of pamu_timing.h: caches, walk reads, outstanding slots and the
 * stale-entry rule.
 *
 * Source: docs/timing.md 2 (latency of each path), 3 (caches), 4 (coherence rules and stale uses).
 * The functional walk runs as it always does (pamu_translate); its trace hook tells this layer which
 * table entries the walk fetched, in order, and each fetch is looked up in that table's cache.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pamu_timing.h"
#include "sim_time.h"

#define MAX_FETCHES 4

struct fetch {
	enum pamu_walk_step_kind kind;
	uint64_t addr;
	bool ok;
};

struct pamu_timing {
	struct pamu_timing_cfg cfg;
	struct pamu_timing_hooks hooks;
	struct pamu *p;
	bool attached;			/* our trace hook is installed on p */
	pamu_trace_fn old_fn;
	void *old_ctx;
	struct pamu_cache *cache[PAMU_TBL_COUNT];
	uint64_t slot_done[PAMU_TIMING_MAX_OUTSTANDING];
	struct pamu_timing_stats st;
	/* the walk being observed */
	struct fetch f[MAX_FETCHES];
	unsigned int nf;
	/* every line ever filled lies in [lo, hi): writes outside are no table write (a fast reject) */
	uint64_t lo, hi;
};

static const char *const table_names[PAMU_TBL_COUNT] = { "paace", "spaace", "omt" };
static const char *const coh_names[PAMU_COH_COUNT] = { "snoop", "until-evicted", "hazard-window" };
static const unsigned int entry_len[PAMU_TBL_COUNT] = { PAMU_PAACE_SIZE, PAMU_PAACE_SIZE, PAMU_OME_SIZE };

const char *pamu_table_name(enum pamu_table tb)
{
	return (unsigned int)tb < PAMU_TBL_COUNT ? table_names[tb] : "?";
}

const char *pamu_coherence_name(enum pamu_coherence c)
{
	return (unsigned int)c < PAMU_COH_COUNT ? coh_names[c] : "?";
}

int pamu_coherence_find(const char *name)
{
	int i;

	for (i = 0; i < PAMU_COH_COUNT; i++)
		if (!strcmp(name, coh_names[i]))
			return i;
	return -1;
}

unsigned int pamu_timing_bucket(uint64_t cycles)
{
	unsigned int b = 0;

	while (cycles > 1 && b < PAMU_TIMING_HIST_BUCKETS - 1) {
		cycles >>= 1;
		b++;
	}
	return b;
}

bool pamu_timing_check_cfg(const struct pamu_timing_cfg *cfg, char *why, unsigned int cap)
{
	char sub[128];
	unsigned int i;

	for (i = 0; i < PAMU_TBL_COUNT; i++) {
		if (!pamu_cache_check_cfg(&cfg->cache[i], sub, sizeof(sub))) {
			snprintf(why, cap, "%s-cache: %s", table_names[i], sub);
			return false;
		}
	}
	if (cfg->max_outstanding < 1 || cfg->max_outstanding > PAMU_TIMING_MAX_OUTSTANDING) {
		snprintf(why, cap, "max-outstanding: expected 1 to %u, found %u", PAMU_TIMING_MAX_OUTSTANDING,
			 cfg->max_outstanding);
		return false;
	}
	if ((unsigned int)cfg->coherence >= PAMU_COH_COUNT) {
		snprintf(why, cap, "coherence: expected snoop, until-evicted or hazard-window, found %u",
			 (unsigned int)cfg->coherence);
		return false;
	}
	if (cfg->coherence == PAMU_COH_WINDOW && cfg->hazard_window == 0) {
		snprintf(why, cap, "hazard-window: expected at least 1 cycle with coherence hazard-window, found 0");
		return false;
	}
	return true;
}

static void observe(void *ctx, const struct pamu_walk_step *step)
{
	struct pamu_timing *t = ctx;

	if (t->old_fn)
		t->old_fn(t->old_ctx, step);
	if (step->kind == PAMU_STEP_DONE || t->nf >= MAX_FETCHES)
		return;
	t->f[t->nf].kind = step->kind;
	t->f[t->nf].addr = step->addr;
	t->f[t->nf].ok = step->ok;
	t->nf++;
}

enum pamu_timing_status pamu_timing_create(const struct pamu_timing_cfg *cfg, const struct pamu_timing_hooks *hooks,
					   struct pamu *p, struct pamu_timing **out, char *why, unsigned int cap)
{
	struct pamu_timing *t;
	char buf[160];
	unsigned int i;

	*out = NULL;
	if (!pamu_timing_check_cfg(cfg, why ? why : buf, why ? cap : sizeof(buf)))
		return PAMU_TIMING_BAD_CFG;
	if (!hooks || !hooks->mem.read) {
		snprintf(why ? why : buf, why ? cap : sizeof(buf), "hooks: expected a memory read callback, found none");
		return PAMU_TIMING_BAD_CFG;
	}
	t = calloc(1, sizeof(*t));
	if (!t)
		return PAMU_TIMING_NO_MEMORY;
	t->cfg = *cfg;
	t->hooks = *hooks;
	t->p = p;
	for (i = 0; i < PAMU_TBL_COUNT; i++) {
		if (pamu_cache_create(&cfg->cache[i], &t->cache[i]) != PAMU_CACHE_OK) {
			pamu_timing_destroy(t);
			return PAMU_TIMING_NO_MEMORY;
		}
	}
	pamu_set_trace(p, observe, t, &t->old_fn, &t->old_ctx);
	t->attached = true;
	*out = t;
	return PAMU_TIMING_OK;
}

void pamu_timing_destroy(struct pamu_timing *t)
{
	unsigned int i;

	if (!t)
		return;
	if (t->attached)
		pamu_set_trace(t->p, t->old_fn, t->old_ctx, NULL, NULL);
	for (i = 0; i < PAMU_TBL_COUNT; i++)
		pamu_cache_destroy(t->cache[i]);
	free(t);
}

/* The entry's current bytes; false when memory does not decode it. */
static bool current(struct pamu_timing *t, uint64_t addr, unsigned int len, uint8_t *buf)
{
	static const struct sim_txn_attrs attrs = { .initiator = SIM_INITIATOR_MODEL };
	const void *h = t->hooks.mem.dmi ? t->hooks.mem.dmi(t->hooks.mem.ctx, addr, len) : NULL;

	if (h) {
		memcpy(buf, h, len);
		return true;
	}
	return t->hooks.mem.read(t->hooks.mem.ctx, addr, buf, len, &attrs);
}

static bool changed(struct pamu_timing *t, const struct pamu_cache_line *l)
{
	uint8_t now[PAMU_CACHE_LINE_BYTES];

	return !current(t, l->key, l->len, now) || memcmp(now, l->snap, l->len);
}

static uint64_t read_done(struct pamu_timing *t, uint64_t addr, uint32_t len, uint64_t at)
{
	if (t->hooks.mem_time)
		return t->hooks.mem_time(t->hooks.mem_time_ctx, addr, len, at);
	return at + t->cfg.walk_read_cycles;
}

/*
 * A hit on a line whose memory changed. Returns true when the line may still be used (a stale use),
 * false when the rule says the cache no longer holds it (it is dropped: the lookup becomes a miss).
 */
static bool hit_changed(struct pamu_timing *t, struct pamu_cache_line *l, uint64_t now)
{
	switch (t->cfg.coherence) {
	case PAMU_COH_UNTIL_EVICTED:
		return true;
	case PAMU_COH_WINDOW:
		if (l->changed_at == SIM_TIME_NEVER)
			l->changed_at = now;
		return now - l->changed_at < t->cfg.hazard_window;
	default:
		return false;
	}
}

void pamu_timing_translate(struct pamu_timing *t, uint64_t now, const struct pamu_request *req,
			   struct pamu_result *res, struct pamu_timing_result *tr)
{
	unsigned int i, slot = 0;
	uint64_t at, w0;

	memset(tr, 0, sizeof(*tr));
	tr->issue = now;
	for (i = 1; i < t->cfg.max_outstanding; i++)
		if (t->slot_done[i] < t->slot_done[slot])
			slot = i;
	tr->start = t->slot_done[slot] > now ? t->slot_done[slot] : now;
	t->nf = 0;
	pamu_translate(t->p, req, res);
	at = tr->start + t->cfg.translate_cycles;
	for (i = 0; i < t->nf; i++) {
		const struct fetch *f = &t->f[i];
		enum pamu_table tb = f->kind == PAMU_STEP_FETCH_PAACE ? PAMU_TBL_PAACE :
				     f->kind == PAMU_STEP_FETCH_SPAACE ? PAMU_TBL_SPAACE : PAMU_TBL_OMT;
		struct pamu_cache *c = t->cache[tb];
		/* An OME is cached whole: its start is the MOE byte's address less the code's index. */
		uint64_t key = tb == PAMU_TBL_OMT ? f->addr - (req->op & 0x7f) : f->addr;
		struct pamu_cache_line *l;

		at += pamu_cache_get_cfg(c)->lookup_cycles;
		tr->lookups++;
		l = f->ok ? pamu_cache_lookup(c, key) : NULL;
		/* Only a line a write or a sync marked is compared with memory (docs/timing.md 4). */
		if (l && l->changed_at != SIM_TIME_NEVER && changed(t, l)) {
			if (hit_changed(t, l, at)) {
				pamu_cache_count_stale(c);
				t->st.stale_uses++;
				if (!tr->stale) {
					tr->stale = true;
					tr->stale_info = (struct pamu_stale){ .table = tb, .liodn = req->liodn, .entry = key,
									      .filled_at = l->fill_time,
									      .changed_at = l->changed_at == SIM_TIME_NEVER ?
											    at : l->changed_at,
									      .used_at = at };
					if (t->hooks.stale && !l->stale_reported)
						t->hooks.stale(t->hooks.stale_ctx, &tr->stale_info);
				}
				l->stale_reported = true;
			} else {
				pamu_cache_drop(c, l);
				l = NULL;
			}
		}
		if (l) {
			tr->hits++;
			continue;
		}
		w0 = at;
		at = read_done(t, key, entry_len[tb], at);
		tr->walk_cycles += (uint32_t)(at - w0);
		tr->reads++;
		if (!f->ok)
			continue;
		l = pamu_cache_fill(c, key, at, NULL, NULL);
		if (l) {
			l->len = entry_len[tb];
			l->liodn = req->liodn;
			if (!t->hi) {
				t->lo = key;
				t->hi = key + l->len;
			}
			t->lo = key < t->lo ? key : t->lo;
			t->hi = key + l->len > t->hi ? key + l->len : t->hi;
			if (!current(t, key, l->len, l->snap))
				pamu_cache_drop(c, l);
		}
	}
	tr->done = at;
	tr->latency = (uint32_t)(at - now);
	tr->queue_cycles = (uint32_t)(tr->start - now);
	t->slot_done[slot] = at;

	t->st.translations++;
	if (tr->queue_cycles)
		t->st.queued++;
	t->st.total_latency += tr->latency;
	if (tr->latency > t->st.max_latency)
		t->st.max_latency = tr->latency;
	t->st.latency_hist[pamu_timing_bucket(tr->latency)]++;
	if (tr->reads) {
		t->st.walks++;
		t->st.walk_hist[pamu_timing_bucket(tr->walk_cycles)]++;
	}
}

static void note_line(struct pamu_timing *t, struct pamu_cache *c, struct pamu_cache_line *l, uint64_t now)
{
	if (t->cfg.coherence == PAMU_COH_SNOOP)
		pamu_cache_drop(c, l);
	else if (l->changed_at == SIM_TIME_NEVER)
		l->changed_at = now;
}

void pamu_timing_note_write(struct pamu_timing *t, uint64_t addr, uint64_t len, uint64_t now)
{
	unsigned int tb, i;

	if (addr >= t->hi || addr + len <= t->lo)
		return;
	for (tb = 0; tb < PAMU_TBL_COUNT; tb++) {
		struct pamu_cache *c = t->cache[tb];

		for (i = 0; i < pamu_cache_size(c); i++) {
			struct pamu_cache_line *l = pamu_cache_line_at(c, i);

			if (l->valid && addr < l->key + l->len && l->key < addr + len && changed(t, l))
				note_line(t, c, l, now);
		}
	}
}

void pamu_timing_sync(struct pamu_timing *t, uint64_t now)
{
	unsigned int tb, i;

	for (tb = 0; tb < PAMU_TBL_COUNT; tb++) {
		struct pamu_cache *c = t->cache[tb];

		for (i = 0; i < pamu_cache_size(c); i++) {
			struct pamu_cache_line *l = pamu_cache_line_at(c, i);

			if (l->valid && l->changed_at == SIM_TIME_NEVER && changed(t, l))
				note_line(t, c, l, now);
		}
	}
}

void pamu_timing_flush(struct pamu_timing *t)
{
	unsigned int tb;

	for (tb = 0; tb < PAMU_TBL_COUNT; tb++)
		pamu_cache_invalidate_all(t->cache[tb]);
}

void pamu_timing_get_stats(const struct pamu_timing *t, struct pamu_timing_stats *st)
{
	unsigned int tb;

	*st = t->st;
	for (tb = 0; tb < PAMU_TBL_COUNT; tb++)
		pamu_cache_get_stats(t->cache[tb], &st->cache[tb]);
}

const struct pamu_timing_cfg *pamu_timing_get_cfg(const struct pamu_timing *t)
{
	return &t->cfg;
}
