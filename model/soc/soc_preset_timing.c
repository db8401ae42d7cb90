// SPDX-License-Identifier: BSD-2-Clause
/*
 * soc_preset_timing.c - loads and checks a preset's `timing:` section (docs/timing.md 1).
 *
 * Source: docs/timing.md (schema, units, ranges). Every knob must be either listed under
 * `timing.assumed` or given a source under `timing.published`: the PAMU's caches and latencies are not
 * in any public NXP document we have (../shared/spec/hw-facts.md is silent on them), so a preset must
 * say which of its numbers are guesses. Errors name file:line:column, the field and what was expected.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "soc_preset_timing.h"

/* The knobs: their path under timing:, where they go, their range. */
struct knob {
	const char *path;		/* "dram.latency" */
	size_t off;			/* offset in struct soc_timing */
	uint64_t min, max;
	bool is64;
};

#define K32(path, field, min, max) { path, offsetof(struct soc_timing, field), min, max, false }

static const struct knob knobs[] = {
	K32("clock-mhz", clock_mhz, 1, 10000),
	K32("cpu-access", cpu_access, 0, 100000),
	K32("ccf-hop", ccf_hop, 0, 100000),
	K32("dram.latency", dram_latency, 0, 100000),
	K32("dram.bytes-per-cycle", dram_bytes_per_cycle, 1, 4096),
	K32("msi-latency", msi_latency, 0, 100000),
	K32("pamu.translate", pamu.translate_cycles, 0, 100000),
	K32("pamu.max-outstanding", pamu.max_outstanding, 1, PAMU_TIMING_MAX_OUTSTANDING),
	{ "pamu.hazard-window", offsetof(struct soc_timing, pamu.hazard_window), 1, 1000000000ull, true },
};

static const char *const top_keys[] = { "clock-mhz", "cpu-access", "ccf-hop", "dram", "msi-latency", "pamu",
					"assumed", "published", NULL };
static const char *const dram_keys[] = { "latency", "bytes-per-cycle", NULL };
static const char *const pamu_keys[] = { "translate", "max-outstanding", "paace-cache", "spaace-cache",
					 "omt-cache", "coherence", "hazard-window", NULL };
static const char *const cache_keys[] = { "entries", "ways", "policy", "lookup", "seed", NULL };
static const char *const cache_names[PAMU_TBL_COUNT] = { "paace-cache", "spaace-cache", "omt-cache" };

/* A node by dotted path under timing (one dot at most in our schema). */
static const struct sim_ynode *at_path(const struct sim_ynode *timing, const char *path)
{
	char head[32];
	const char *dot = strchr(path, '.');

	if (!dot)
		return sim_ymap_get(timing, path, NULL);
	snprintf(head, sizeof(head), "%.*s", (int)(dot - path), path);
	return sim_ymap_get(sim_ymap_get(timing, head, NULL), dot + 1, NULL);
}

static bool get_knob(struct sim_yaml_ctx *ld, const struct sim_ynode *timing, const struct knob *k,
		     struct soc_timing *out, bool required)
{
	const struct sim_ynode *n = at_path(timing, k->path);
	char field[64], what[96];
	uint64_t v;

	snprintf(field, sizeof(field), "timing.%s", k->path);
	snprintf(what, sizeof(what), "an integer from %llu to %llu", (unsigned long long)k->min,
		 (unsigned long long)k->max);
	if (!n) {
		if (!required)
			return true;
		sim_yaml_fail_at(ld, timing, field, "expected %s, found nothing (the field is missing)", what);
		return false;
	}
	if (!sim_yaml_get_uint(ld, n, field, k->max, what, &v))
		return false;
	if (v < k->min) {
		sim_yaml_fail_at(ld, n, field, "expected %s, found %llu", what, (unsigned long long)v);
		return false;
	}
	if (k->is64)
		memcpy((char *)out + k->off, &v, sizeof(v));
	else
		*(uint32_t *)(void *)((char *)out + k->off) = (uint32_t)v;
	return true;
}

static bool get_map(struct sim_yaml_ctx *ld, const struct sim_ynode *parent, const char *key, const char *path,
		    const char *const *keys, const struct sim_ynode **out)
{
	const struct sim_ynode *n = sim_ymap_get(parent, key, NULL);
	char field[64];

	snprintf(field, sizeof(field), "%s", path);
	if (!sim_yaml_expect(ld, n, parent, field, SIM_YN_MAP, "a mapping"))
		return false;
	*out = n;
	return sim_yaml_check_keys(ld, n, path, keys);
}

static bool get_cache(struct sim_yaml_ctx *ld, const struct sim_ynode *pamu, unsigned int tb,
		      struct pamu_cache_cfg *c)
{
	const struct sim_ynode *m, *n;
	char path[64], field[80], buf[80], why[128];
	uint64_t v;
	int pol;

	snprintf(path, sizeof(path), "timing.pamu.%s", cache_names[tb]);
	if (!get_map(ld, pamu, cache_names[tb], path, cache_keys, &m))
		return false;
	snprintf(field, sizeof(field), "%s.entries", path);
	n = sim_ymap_get(m, "entries", NULL);
	if (!sim_yaml_expect(ld, n, m, field, SIM_YN_SCALAR, "a number of entries") ||
	    !sim_yaml_get_uint(ld, n, field, PAMU_CACHE_MAX_ENTRIES, "a number of entries from 0 to 4096", &v))
		return false;
	c->entries = (unsigned int)v;
	snprintf(field, sizeof(field), "%s.ways", path);
	n = sim_ymap_get(m, "ways", NULL);
	if (!sim_yaml_expect(ld, n, m, field, SIM_YN_SCALAR, "a number of ways") ||
	    !sim_yaml_get_uint(ld, n, field, PAMU_CACHE_MAX_ENTRIES, "a number of ways", &v))
		return false;
	c->ways = (unsigned int)v;
	snprintf(field, sizeof(field), "%s.policy", path);
	n = sim_ymap_get(m, "policy", NULL);
	if (!sim_yaml_expect(ld, n, m, field, SIM_YN_SCALAR, "lru, fifo or random"))
		return false;
	pol = pamu_cache_policy_find(n->text);
	if (pol < 0 || !n->plain) {
		sim_yaml_fail_at(ld, n, field, "expected lru, fifo or random, found %s", sim_ydescribe(n, buf, sizeof(buf)));
		return false;
	}
	c->policy = (enum pamu_cache_policy)pol;
	snprintf(field, sizeof(field), "%s.lookup", path);
	n = sim_ymap_get(m, "lookup", NULL);
	if (!sim_yaml_expect(ld, n, m, field, SIM_YN_SCALAR, "lookup cycles") ||
	    !sim_yaml_get_uint(ld, n, field, 100000, "lookup cycles from 0 to 100000", &v))
		return false;
	c->lookup_cycles = (uint32_t)v;
	n = sim_ymap_get(m, "seed", NULL);
	c->seed = 0;
	if (n) {
		snprintf(field, sizeof(field), "%s.seed", path);
		if (!sim_yaml_get_uint(ld, n, field, UINT64_MAX, "a 64-bit seed", &c->seed))
			return false;
	}
	if (!pamu_cache_check_cfg(c, why, sizeof(why))) {
		/* why names the knob: entries, ways or entries / ways */
		sim_yaml_fail_at(ld, m, path, "%s", why);
		return false;
	}
	return true;
}

/* Every knob present is in assumed or published; every name in them is a knob. */
static bool check_marks(struct sim_yaml_ctx *ld, const struct sim_ynode *timing)
{
	static const char *const marked[] = { "clock-mhz", "cpu-access", "ccf-hop", "dram", "msi-latency", "pamu", NULL };
	const struct sim_ynode *as = sim_ymap_get(timing, "assumed", NULL);
	const struct sim_ynode *pub = sim_ymap_get(timing, "published", NULL);
	char buf[80], field[64];
	unsigned int i, j;

	if (!as && !pub) {
		sim_yaml_fail_at(ld, timing, "timing.assumed",
				 "expected the list of timing values that are assumptions (not published for the "
				 "real chip), found nothing");
		return false;
	}
	if (as && !sim_yaml_expect(ld, as, timing, "timing.assumed", SIM_YN_SEQ, "a list of timing field names"))
		return false;
	if (pub && !sim_yaml_expect(ld, pub, timing, "timing.published", SIM_YN_MAP,
				    "a mapping field name: source"))
		return false;
	for (i = 0; as && i < as->n; i++) {
		const struct sim_ynode *n = as->items[i];
		bool ok = false;

		for (j = 0; marked[j] && n->kind == SIM_YN_SCALAR; j++)
			ok |= !strcmp(n->text, marked[j]) && sim_ymap_get(timing, marked[j], NULL);
		snprintf(field, sizeof(field), "timing.assumed[%u]", i);
		if (!ok) {
			sim_yaml_fail_at(ld, n, field, "expected the name of a timing value given in this section "
					 "(clock-mhz, cpu-access, ccf-hop, dram, msi-latency, pamu), found %s",
					 sim_ydescribe(n, buf, sizeof(buf)));
			return false;
		}
		if (pub && sim_ymap_get(pub, n->text, NULL)) {
			sim_yaml_fail_at(ld, n, field, "expected a value to be either assumed or published, found "
					 "%s in both", n->text);
			return false;
		}
	}
	for (j = 0; marked[j]; j++) {
		bool listed = pub && sim_ymap_get(pub, marked[j], NULL);

		for (i = 0; as && i < as->n && !listed; i++)
			listed = as->items[i]->kind == SIM_YN_SCALAR && !strcmp(as->items[i]->text, marked[j]);
		if (!listed) {
			snprintf(field, sizeof(field), "timing.%s", marked[j]);
			sim_yaml_fail_at(ld, sim_ymap_get(timing, marked[j], NULL), field,
					 "expected this value listed under timing.assumed (an assumption) or "
					 "timing.published (with its source), found it in neither");
			return false;
		}
	}
	if (pub && !sim_yaml_check_keys(ld, pub, "timing.published", marked))
		return false;
	return true;
}

bool soc_preset_load_timing(struct sim_yaml_ctx *ld, const struct sim_ynode *top, struct soc_preset *p)
{
	const struct sim_ynode *t = sim_ymap_get(top, "timing", NULL), *dram, *pamu, *n;
	struct soc_timing *tm = &p->timing;
	char buf[80];
	unsigned int i;
	int coh;

	p->has_timing = false;
	if (!t)
		return true;
	if (!sim_yaml_expect(ld, t, top, "timing", SIM_YN_MAP, "a mapping of timing knobs (docs/timing.md)") ||
	    !sim_yaml_check_keys(ld, t, "timing", top_keys) ||
	    !get_map(ld, t, "dram", "timing.dram", dram_keys, &dram) ||
	    !get_map(ld, t, "pamu", "timing.pamu", pamu_keys, &pamu))
		return false;
	memset(tm, 0, sizeof(*tm));
	for (i = 0; i < sizeof(knobs) / sizeof(knobs[0]); i++)
		if (!get_knob(ld, t, &knobs[i], tm, strcmp(knobs[i].path, "pamu.hazard-window") != 0))
			return false;
	for (i = 0; i < PAMU_TBL_COUNT; i++)
		if (!get_cache(ld, pamu, i, &tm->pamu.cache[i]))
			return false;
	n = sim_ymap_get(pamu, "coherence", NULL);
	if (!sim_yaml_expect(ld, n, pamu, "timing.pamu.coherence", SIM_YN_SCALAR,
			     "snoop, until-evicted or hazard-window"))
		return false;
	coh = pamu_coherence_find(n->text);
	if (coh < 0 || !n->plain) {
		sim_yaml_fail_at(ld, n, "timing.pamu.coherence", "expected snoop, until-evicted or hazard-window, "
				 "found %s", sim_ydescribe(n, buf, sizeof(buf)));
		return false;
	}
	tm->pamu.coherence = (enum pamu_coherence)coh;
	if (coh == PAMU_COH_WINDOW && !sim_ymap_get(pamu, "hazard-window", NULL)) {
		sim_yaml_fail_at(ld, n, "timing.pamu.hazard-window",
				 "expected the hazard window in cycles with coherence hazard-window, found nothing");
		return false;
	}
	/* Table reads go through the bus model (soc_timing.c); this fixed figure is for users without one. */
	tm->pamu.walk_read_cycles = 2 * tm->ccf_hop + tm->dram_latency +
				    (PAMU_PAACE_SIZE + tm->dram_bytes_per_cycle - 1) / tm->dram_bytes_per_cycle;
	if (!check_marks(ld, t))
		return false;
	p->has_timing = true;
	p->timing_line = t->line;
	return true;
}
