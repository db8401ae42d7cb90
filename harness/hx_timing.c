// SPDX-License-Identifier: BSD-2-Clause
/*
 * hx_timing.c - timed-run statistics: recording, the JSON `stats` object and the `--stats` text view.
 *
 * Source: docs/timing.md 6; docs/report-schema.json (`stats`). Histograms are log2 buckets of cycles
 * (pamu_timing_bucket): bucket b holds latencies in [2^b, 2^(b+1)), bucket 0 also 0.
 */
#include <string.h>

#include "hx_report.h"
#include "hx_timing.h"
#include "soc_timing.h"

static struct hx_timing_liodn *who(struct hx_timing *t, uint32_t liodn, unsigned int pamu, const char *device,
				   unsigned int *idx)
{
	unsigned int i;

	for (i = 0; i < t->nliodns; i++) {
		if (t->liodns[i].liodn == liodn && t->liodns[i].pamu == pamu) {
			*idx = i;
			return &t->liodns[i];
		}
	}
	if (t->nliodns == HX_TIMING_MAX_LIODNS)
		return NULL;
	*idx = t->nliodns;
	t->liodns[t->nliodns].liodn = liodn;
	t->liodns[t->nliodns].pamu = pamu;
	snprintf(t->liodns[t->nliodns].device, HX_TIMING_DEV_LEN, "%s", device);
	return &t->liodns[t->nliodns++];
}

void hx_timing_record(struct hx_timing *t, uint32_t liodn, unsigned int pamu, const char *device, bool blocked,
		      const struct soc_timed_result *tr)
{
	struct hx_timing_liodn *l;
	unsigned int idx = 0;

	t->dma_count++;
	t->dma_total_latency += tr->latency;
	if (tr->latency > t->dma_max_latency)
		t->dma_max_latency = tr->latency;
	t->dma_hist[pamu_timing_bucket(tr->latency)]++;
	l = who(t, liodn, pamu, device, &idx);
	if (!l) {
		t->liodns_dropped++;
		return;
	}
	l->transactions++;
	l->faults += blocked;
	l->table_lookups += tr->xlate.lookups;
	l->table_hits += tr->xlate.hits;
	l->table_reads += tr->xlate.reads;
	l->stale += tr->xlate.stale;
	l->total_latency += tr->latency;
	if (tr->latency > l->max_latency)
		l->max_latency = tr->latency;
	if (t->nsamples == HX_TIMING_MAX_SAMPLES) {
		t->samples_dropped++;
		return;
	}
	t->samples[t->nsamples++] = (struct hx_timing_sample){ .issue = tr->issue, .latency = tr->latency,
							      .who = (uint16_t)idx,
							      .kind = blocked ? 1 : tr->msi ? 2 : 0,
							      .stale = tr->xlate.stale };
}

static void hist(FILE *f, const uint64_t *h)
{
	unsigned int b;

	fprintf(f, "[");
	for (b = 0; b < PAMU_TIMING_HIST_BUCKETS; b++)
		fprintf(f, "%s%llu", b ? ", " : "", (unsigned long long)h[b]);
	fprintf(f, "]");
}

void hx_timing_json(FILE *f, const struct hx_timing *t, const char *ind)
{
	unsigned int i, k;

	if (!t->timed) {
		fprintf(f, "{}");
		return;
	}
	fprintf(f, "{\"timed\": true, \"clock_mhz\": %u, \"coherence\": \"%s\", \"hazard_window\": %llu, "
		"\"end_cycles\": %llu,\n", t->clock_mhz, t->coherence, (unsigned long long)t->hazard_window,
		(unsigned long long)t->end_time);
	fprintf(f, "%s  \"histogram_buckets\": \"log2 cycles: bucket b counts latencies in [2^b, 2^(b+1))\",\n", ind);
	fprintf(f, "%s  \"dma\": {\"count\": %llu, \"total_latency\": %llu, \"max_latency\": %llu, "
		"\"msis_delivered\": %llu, \"latency_hist\": ", ind, (unsigned long long)t->dma_count,
		(unsigned long long)t->dma_total_latency, (unsigned long long)t->dma_max_latency,
		(unsigned long long)t->msis_delivered);
	hist(f, t->dma_hist);
	fprintf(f, "},\n%s  \"pamus\": [", ind);
	for (i = 0; i < t->npamus; i++) {
		const struct pamu_timing_stats *s = &t->pamus[i].st;

		fprintf(f, "%s\n%s    {\"pamu\": %u, \"translations\": %llu, \"walks\": %llu, \"queued\": %llu, "
			"\"stale_uses\": %llu, \"total_latency\": %llu, \"max_latency\": %llu,\n%s     \"latency_hist\": ",
			i ? "," : "", ind, t->pamus[i].index, (unsigned long long)s->translations,
			(unsigned long long)s->walks, (unsigned long long)s->queued, (unsigned long long)s->stale_uses,
			(unsigned long long)s->total_latency, (unsigned long long)s->max_latency, ind);
		hist(f, s->latency_hist);
		fprintf(f, ",\n%s     \"walk_hist\": ", ind);
		hist(f, s->walk_hist);
		fprintf(f, ",\n%s     \"caches\": {", ind);
		for (k = 0; k < PAMU_TBL_COUNT; k++) {
			const struct pamu_cache_stats *c = &s->cache[k];

			fprintf(f, "%s\"%s\": {\"lookups\": %llu, \"hits\": %llu, \"misses\": %llu, \"evictions\": %llu, "
				"\"invalidations\": %llu, \"stale_hits\": %llu}", k ? ", " : "",
				pamu_table_name((enum pamu_table)k), (unsigned long long)c->lookups,
				(unsigned long long)c->hits, (unsigned long long)c->misses,
				(unsigned long long)c->evictions, (unsigned long long)c->invalidations,
				(unsigned long long)c->stale_hits);
		}
		fprintf(f, "}}");
	}
	fprintf(f, "],\n%s  \"liodns\": [", ind);
	for (i = 0; i < t->nliodns; i++) {
		const struct hx_timing_liodn *l = &t->liodns[i];

		fprintf(f, "%s\n%s    {\"liodn\": %u, \"pamu\": %u, \"device\": \"", i ? "," : "", ind, l->liodn, l->pamu);
		hx_json_str(f, l->device);
		fprintf(f, "\", \"transactions\": %llu, \"faults\": %llu, \"table_lookups\": %llu, "
			"\"table_hits\": %llu, \"table_reads\": %llu, \"stale\": %llu, \"total_latency\": %llu, "
			"\"max_latency\": %llu}", (unsigned long long)l->transactions, (unsigned long long)l->faults,
			(unsigned long long)l->table_lookups, (unsigned long long)l->table_hits,
			(unsigned long long)l->table_reads, (unsigned long long)l->stale,
			(unsigned long long)l->total_latency, (unsigned long long)l->max_latency);
	}
	fprintf(f, "],\n%s  \"liodns_dropped\": %llu, \"samples_dropped\": %llu,\n%s  \"timeline\": [", ind,
		(unsigned long long)t->liodns_dropped, (unsigned long long)t->samples_dropped, ind);
	for (i = 0; i < t->nsamples; i++) {
		const struct hx_timing_sample *s = &t->samples[i];

		fprintf(f, "%s[%llu, %u, %u, %u, %u]", i ? (i % 8 ? ", " : ",\n    ") : "", (unsigned long long)s->issue,
			s->latency, s->who, s->kind, s->stale);
	}
	fprintf(f, "]}");
}

static double pct(uint64_t a, uint64_t b)
{
	return b ? 100.0 * (double)a / (double)b : 0.0;
}

void hx_timing_text(FILE *f, const char *name, const char *soc, const char *kernel, const struct hx_timing *t)
{
	unsigned int i, k;

	if (!t->timed) {
		fprintf(f, "stats %s [%s,%s]: functional run (no timing; use --timed or timed: true)\n", name, soc, kernel);
		return;
	}
	fprintf(f, "stats %s [%s,%s]: %llu cycles (%.1f us at %u MHz), coherence %s", name, soc, kernel,
		(unsigned long long)t->end_time, (double)t->end_time / t->clock_mhz, t->clock_mhz, t->coherence);
	if (!strcmp(t->coherence, "hazard-window"))
		fprintf(f, " %llu cycles", (unsigned long long)t->hazard_window);
	fprintf(f, "\n  dma: %llu transactions, mean %.1f cycles, max %llu, MSIs delivered %llu\n",
		(unsigned long long)t->dma_count, t->dma_count ? (double)t->dma_total_latency / t->dma_count : 0.0,
		(unsigned long long)t->dma_max_latency, (unsigned long long)t->msis_delivered);
	for (i = 0; i < t->npamus; i++) {
		const struct pamu_timing_stats *s = &t->pamus[i].st;

		fprintf(f, "  pamu%u: %llu translations, %llu walks, %llu queued, %llu stale uses, mean %.1f cycles\n",
			t->pamus[i].index, (unsigned long long)s->translations, (unsigned long long)s->walks,
			(unsigned long long)s->queued, (unsigned long long)s->stale_uses,
			s->translations ? (double)s->total_latency / s->translations : 0.0);
		for (k = 0; k < PAMU_TBL_COUNT; k++) {
			const struct pamu_cache_stats *c = &s->cache[k];

			fprintf(f, "    %-6s %8llu lookups %8llu hits (%5.1f%%) %8llu misses %6llu evictions %6llu "
				"invalidations %4llu stale\n", pamu_table_name((enum pamu_table)k),
				(unsigned long long)c->lookups, (unsigned long long)c->hits, pct(c->hits, c->lookups),
				(unsigned long long)c->misses, (unsigned long long)c->evictions,
				(unsigned long long)c->invalidations, (unsigned long long)c->stale_hits);
		}
	}
	for (i = 0; i < t->nliodns; i++) {
		const struct hx_timing_liodn *l = &t->liodns[i];

		fprintf(f, "  liodn %4u %-12s pamu%u %8llu txns %6llu faults %5.1f%% table hits, mean %.1f max %llu "
			"cycles%s\n", l->liodn, l->device, l->pamu, (unsigned long long)l->transactions,
			(unsigned long long)l->faults, pct(l->table_hits, l->table_lookups),
			l->transactions ? (double)l->total_latency / l->transactions : 0.0,
			(unsigned long long)l->max_latency, l->stale ? " STALE" : "");
	}
}
