/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * hx_campaign_report.c - what a campaign shows: the summary table, the findings deduplicated by signature
 * (kind + source line + call site) each with a reproducer scenario and the one command that replays it,
 * the JSON report (the input of `pamusim merge` too: one run per line) and JUnit XML; and --shrink.
 * Formats and choices: docs/campaigns.md.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "hx_campaign.h"
#include "hx_report.h"

struct distinct {
	char sig[400];
	unsigned int first;		/* index into runs_v */
	unsigned int count;
	bool known;
	char repro[512];
	char cmd[700];
};

static const char *const state_names[] = { "none", "done", "crash", "timeout", "error" };

static void run_kind(const struct hx_crun *r, char *buf, size_t len)
{
	snprintf(buf, len, "%.*s", (int)strcspn(r->spec, ":@;"), r->spec);
}

/* ------------------------------------------------------------------ reproducers */

/* The spec as a step of the reproducer: inserted as step 1, so every @S moves to @S+1. */
static void shift_spec(const char *spec, char *out, size_t len)
{
	struct hx_inj_plan p;
	char err[200];
	unsigned int i;

	if (!hx_inject_parse(spec, &p, err, sizeof(err))) {
		snprintf(out, len, "%s", spec);
		return;
	}
	for (i = 0; i < p.n; i++)
		if (p.it[i].at)
			p.it[i].at++;
	hx_inject_format(&p, out, len);
}

static bool write_repro(const struct hx_campaign *c, const struct hx_crun *r, unsigned int k, char *path,
			size_t plen)
{
	const struct hx_ctarget *tg = &c->targets[r->target];
	FILE *in = fopen(c->scenario_path, "r"), *out;
	char line[1024], spec[HX_INJ_SPEC_LEN + 16];
	bool in_steps = false, done = false, in_expect = false;
	unsigned int ln = 0, i;

	if (!in)
		return false;
	mkdir(c->out_dir, 0777);
	snprintf(path, plen, "%s/%s-finding-%u.yaml", c->out_dir, c->sc->name, k);
	out = fopen(path, "w");
	if (!out) {
		fclose(in);
		return false;
	}
	shift_spec(r->spec, spec, sizeof(spec));
	while (fgets(line, sizeof(line), in)) {
		ln++;
		/* the scenario's expectations go: the reproducer fails on the finding it replays */
		if (!strncmp(line, "expect:", 7)) {
			in_expect = true;
			fputs("# (expect: dropped by the campaign: the finding must fail this run)\n", out);
			continue;
		}
		if (in_expect && (line[0] == ' ' || line[0] == '\t'))
			continue;
		in_expect = false;
		if (ln == 1 && !strncmp(line, "# SPDX", 6))
			fputs(line, out);
		if (ln == 1)
			fprintf(out, "# Reproducer written by pamusim campaign (docs/campaigns.md): %s on %s / %s, "
				"run %u, injection %s\n", c->sc->name, tg->soc, tg->kernel, r->index, r->spec);
		if (ln == 1 && !strncmp(line, "# SPDX", 6))
			continue;
		if (!strncmp(line, "name:", 5)) {
			fprintf(out, "name: %s-finding-%u\n", c->sc->name, k);
			continue;
		}
		if (!strncmp(line, "socs:", 5)) {
			fprintf(out, "socs: [%s]\n", tg->soc);
			continue;
		}
		if (!strncmp(line, "kernels:", 8)) {
			fprintf(out, "kernels: [%s]\n", tg->kernel);
			continue;
		}
		if (!strncmp(line, "steps:", 6)) {
			in_steps = true;
			fputs(line, out);
			continue;
		}
		if (in_steps && !done && strchr(line, '-')) {
			int ind = (int)strspn(line, " ");

			fprintf(out, "%*s- inject: \"%s\"\n", ind, "", spec);
			done = true;
		}
		/* a traffic step --shrink made smaller: its count on its own line */
		for (i = 0; i < c->sc->nsteps; i++) {
			const struct hx_step *st = &c->sc->steps[i];
			char *cnt = strstr(line, "count:");

			if (st->line == ln && st->kind == HX_STEP_TRAFFIC && cnt) {
				char rest[1024];
				char *e = cnt + 6;

				while (*e == ' ' || (*e >= '0' && *e <= '9'))
					e++;
				snprintf(rest, sizeof(rest), "%.*s", (int)sizeof(rest) - 1, e);
				snprintf(cnt, sizeof(line) - (size_t)(cnt - line), "count: %u%.900s", st->count, rest);
			}
		}
		fputs(line, out);
	}
	fclose(in);
	fclose(out);
	return done;
}

static unsigned int collect(const struct hx_campaign *c, struct distinct **out)
{
	struct distinct *d = NULL;
	unsigned int n = 0, cap = 0, i, k;
	char sig[400];

	for (i = 0; i < c->nruns; i++) {
		const struct hx_crun *r = &c->runs_v[i];
		int b = hx_crun_first_bad(c, r, true);

		if (b < 0)
			continue;
		hx_crun_signature(c, r, sig, sizeof(sig));
		for (k = 0; k < n; k++)
			if (!strcmp(d[k].sig, sig))
				break;
		if (k < n) {
			d[k].count++;
			continue;
		}
		if (n == cap) {
			struct distinct *nd;

			cap = cap ? cap * 2 : 16;
			nd = realloc(d, cap * sizeof(*d));
			if (!nd)
				break;
			d = nd;
		}
		memset(&d[n], 0, sizeof(d[n]));
		snprintf(d[n].sig, sizeof(d[n].sig), "%.*s", (int)sizeof(d[n].sig) - 1, sig);
		d[n].first = i;
		d[n].count = 1;
		d[n].known = b < HX_C_FIND && r->f[b].known;
		n++;
	}
	for (k = 0; k < n; k++) {
		const struct hx_crun *r = &c->runs_v[d[k].first];
		const struct hx_ctarget *tg = &c->targets[r->target];

		if (c->out_dir && c->shrink) {
			/* --shrink wrote it already, with the smaller traffic */
			snprintf(d[k].repro, sizeof(d[k].repro), "%s/%s-finding-%u.yaml", c->out_dir, c->sc->name, k + 1);
			snprintf(d[k].cmd, sizeof(d[k].cmd), "pamusim run --soc %s --kernel %s %s", tg->soc, tg->kernel,
				 d[k].repro);
		} else if (c->out_dir && c->sc && write_repro(c, r, k + 1, d[k].repro, sizeof(d[k].repro)))
			snprintf(d[k].cmd, sizeof(d[k].cmd), "pamusim run --soc %s --kernel %s %s", tg->soc, tg->kernel,
				 d[k].repro);
		else
			snprintf(d[k].cmd, sizeof(d[k].cmd), "pamusim campaign %s --soc %s --kernel %s --inject '%s' "
				 "--runs 1", c->scenario_path, tg->soc, tg->kernel, r->spec);
	}
	*out = d;
	return n;
}

/* ------------------------------------------------------------------ JSON */

static void jstr(FILE *f, const char *k, const char *v, bool comma)
{
	fprintf(f, "\"%s\": \"", k);
	hx_json_str(f, v);
	fprintf(f, "\"%s", comma ? ", " : "");
}

static void jsite(FILE *f, const char *key, const struct hx_csite *s)
{
	fprintf(f, "\"%s\": {", key);
	jstr(f, "what", s->what, true);
	jstr(f, "file", s->file, true);
	jstr(f, "func", s->func, true);
	fprintf(f, "\"line\": %d}", s->line);
}

static void jfindings(FILE *f, const struct hx_cfind *fs, unsigned int n)
{
	unsigned int i;

	fprintf(f, "\"findings\": [");
	for (i = 0; i < n; i++) {
		fprintf(f, "%s{", i ? ", " : "");
		jstr(f, "kind", fs[i].kind, true);
		jsite(f, "at", &fs[i].at);
		fprintf(f, ", \"known\": %s, ", fs[i].known ? "true" : "false");
		jstr(f, "message", fs[i].msg, false);
		fprintf(f, "}");
	}
	fprintf(f, "]");
}

struct kind_count {
	unsigned int runs, triggered, changed, bad;
};

static void by_kind(const struct hx_campaign *c, struct kind_count *kc)
{
	unsigned int i, k;
	char kind[32];

	memset(kc, 0, sizeof(*kc) * HX_INJ_KIND_COUNT);
	for (i = 0; i < c->nruns; i++) {
		run_kind(&c->runs_v[i], kind, sizeof(kind));
		for (k = 0; k < HX_INJ_KIND_COUNT; k++)
			if (!strcmp(kind, hx_inject_kind_name((enum hx_inj_kind)k)))
				break;
		if (k == HX_INJ_KIND_COUNT)
			continue;
		kc[k].runs++;
		kc[k].triggered += c->runs_v[i].triggered;
		kc[k].changed += c->runs_v[i].changed;
		kc[k].bad += c->runs_v[i].bad;
	}
}

static void write_json(const struct hx_campaign *c, FILE *f, const struct distinct *d, unsigned int nd)
{
	struct kind_count kc[HX_INJ_KIND_COUNT];
	unsigned int t, i, k, bad = 0;

	fprintf(f, "{\"schema\": 1, \"kind\": \"campaign\", ");
	jstr(f, "scenario", c->scenario_path, true);
	jstr(f, "name", c->sc ? c->sc->name : "", true);
	jstr(f, "mode", c->fail_nth ? "fail-nth" : "inject", true);
	jstr(f, "inject", c->inject ? c->inject : "", true);
	fprintf(f, "\"seed\": %llu, \"from\": %llu, \"to\": %llu, \"cap\": %u, \"runs_per_target\": %u, "
		"\"shard\": \"%u/%u\",\n", (unsigned long long)c->seed, (unsigned long long)c->from,
		(unsigned long long)c->to, c->cap, c->runs, c->shard_k, c->shard_n);
	fprintf(f, "\"targets\": [\n");
	for (t = 0; t < c->ntargets; t++) {
		const struct hx_ctarget *tg = &c->targets[t];
		const struct hx_cbase *b = tg->base;

		fprintf(f, "{");
		jstr(f, "soc", tg->soc, true);
		jstr(f, "kernel", tg->kernel, true);
		fprintf(f, "\"runs\": %u, \"nsteps\": %u, \"boot_step\": %u, \"calls\": %u, \"outcome\": \"%016llx\", "
			"\"trace_hash\": \"%016llx\", ", tg->nruns, b->nsteps, b->boot_step, b->total_calls,
			(unsigned long long)b->outcome, (unsigned long long)b->trace_hash);
		fprintf(f, "\"calls_before\": [");
		for (i = 1; i <= b->nsteps + 1; i++)
			fprintf(f, "%s%u", i > 1 ? ", " : "", b->calls_before[i]);
		fprintf(f, "], \"sites\": [");
		for (i = 0; i < b->nsites; i++) {
			fprintf(f, "%s\n  {", i ? "," : "");
			jstr(f, "what", b->sites[i].what, true);
			jstr(f, "file", b->sites[i].file, true);
			jstr(f, "func", b->sites[i].func, true);
			fprintf(f, "\"line\": %d}", b->sites[i].line);
		}
		fprintf(f, "], ");
		jfindings(f, b->f, b->nfind);
		fprintf(f, "}%s\n", t + 1 < c->ntargets ? "," : "");
	}
	fprintf(f, "],\n\"runs\": [\n");
	for (i = 0; i < c->nruns; i++) {
		const struct hx_crun *r = &c->runs_v[i];

		bad += r->bad;
		fprintf(f, "{\"target\": %u, \"index\": %u, \"fork_step\": %u, ", r->target, r->index, r->fork_step);
		jstr(f, "spec", r->spec, true);
		jstr(f, "state", state_names[r->state < 5 ? r->state : 0], true);
		fprintf(f, "\"triggered\": %s, \"changed\": %s, \"bad\": %s, ", r->triggered ? "true" : "false",
			r->changed ? "true" : "false", r->bad ? "true" : "false");
		jsite(f, "fired", &r->fired);
		fprintf(f, ", \"outcome\": \"%016llx\", \"trace_hash\": \"%016llx\", \"effects\": %u, \"unmet\": %u, "
			"\"signal\": %d, ", (unsigned long long)r->outcome, (unsigned long long)r->trace_hash,
			r->effects, r->nunmet, r->sig);
		jstr(f, "error", r->error, true);
		jfindings(f, r->f, r->nfind);
		fprintf(f, "}%s\n", i + 1 < c->nruns ? "," : "");
	}
	fprintf(f, "],\n\"findings\": [\n");
	for (k = 0; k < nd; k++) {
		const struct hx_crun *r = &c->runs_v[d[k].first];

		fprintf(f, "{");
		jstr(f, "signature", d[k].sig, true);
		fprintf(f, "\"known\": %s, \"runs\": %u, \"target\": %u, \"index\": %u, ", d[k].known ? "true" : "false",
			d[k].count, r->target, r->index);
		jstr(f, "spec", r->spec, true);
		jstr(f, "reproducer", d[k].repro, true);
		jstr(f, "command", d[k].cmd, false);
		fprintf(f, "}%s\n", k + 1 < nd ? "," : "");
	}
	by_kind(c, kc);
	fprintf(f, "],\n\"by_kind\": {");
	for (k = 0, i = 0; k < HX_INJ_KIND_COUNT; k++) {
		if (!kc[k].runs)
			continue;
		fprintf(f, "%s\"%s\": {\"runs\": %u, \"triggered\": %u, \"changed\": %u, \"findings\": %u}", i++ ? ", " : "",
			hx_inject_kind_name((enum hx_inj_kind)k), kc[k].runs, kc[k].triggered, kc[k].changed, kc[k].bad);
	}
	fprintf(f, "},\n\"summary\": {\"runs\": %u, \"runs_with_findings\": %u, \"distinct\": %u}}\n", c->nruns, bad,
		nd);
}

static void xml(FILE *f, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '&': fputs("&amp;", f); break;
		case '"': fputs("&quot;", f); break;
		default:
			if ((unsigned char)*s >= 0x20 || *s == '\t')
				fputc(*s, f);
		}
	}
}

static void write_junit(const struct hx_campaign *c, FILE *f)
{
	unsigned int t, i, n, bad;
	char sig[400];

	fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
	for (t = 0; t < c->ntargets; t++) {
		for (i = 0, n = 0, bad = 0; i < c->nruns; i++)
			if (c->runs_v[i].target == t) {
				n++;
				bad += c->runs_v[i].bad;
			}
		fprintf(f, "  <testsuite name=\"campaign.");
		xml(f, c->sc ? c->sc->name : "?");
		fprintf(f, ".%s.%s\" tests=\"%u\" failures=\"%u\">\n", c->targets[t].soc, c->targets[t].kernel, n, bad);
		for (i = 0; i < c->nruns; i++) {
			const struct hx_crun *r = &c->runs_v[i];

			if (r->target != t)
				continue;
			fprintf(f, "    <testcase classname=\"campaign.%s.%s\" name=\"run %u: ", c->targets[t].soc,
				c->targets[t].kernel, r->index);
			xml(f, r->spec);
			fprintf(f, "\"");
			if (!r->bad) {
				fprintf(f, "/>\n");
				continue;
			}
			hx_crun_signature(c, r, sig, sizeof(sig));
			fprintf(f, ">\n      <failure message=\"");
			xml(f, sig);
			fprintf(f, "\"/>\n    </testcase>\n");
		}
		fprintf(f, "  </testsuite>\n");
	}
	fprintf(f, "</testsuites>\n");
}

unsigned int hx_campaign_report(struct hx_campaign *c, FILE *text, const char *json, const char *junit)
{
	struct distinct *d = NULL;
	struct kind_count kc[HX_INJ_KIND_COUNT];
	unsigned int nd = collect(c, &d), t, i, k, unexpected = 0;

	if (text) {
		fprintf(text, "campaign %s: %s%s%s, %u runs%s\n", c->sc ? c->sc->name : c->scenario_path,
			c->fail_nth ? "fail-nth" : "inject ", c->fail_nth ? "" : c->inject, "", c->nruns,
			c->shard_n > 1 ? " (this shard)" : "");
		fprintf(text, "%-8s %-6s %6s %6s %6s %9s %6s %8s %8s\n", "soc", "kernel", "calls", "sites", "runs",
			"triggered", "clean", "findings", "changed");
		for (t = 0; t < c->ntargets; t++) {
			unsigned int n = 0, trig = 0, clean = 0, bad = 0, ch = 0;

			for (i = 0; i < c->nruns; i++) {
				const struct hx_crun *r = &c->runs_v[i];

				if (r->target != t)
					continue;
				n++;
				trig += r->triggered;
				clean += r->triggered && !r->bad;
				bad += r->bad;
				ch += r->changed;
			}
			fprintf(text, "%-8s %-6s %6u %6u %6u %9u %6u %8u %8u\n", c->targets[t].soc, c->targets[t].kernel,
				c->targets[t].base->total_calls, c->targets[t].base->nsites, n, trig, clean, bad, ch);
		}
		if (!c->fail_nth) {
			by_kind(c, kc);
			fprintf(text, "%-10s %6s %9s %8s %8s\n", "kind", "runs", "triggered", "changed", "findings");
			for (k = 0; k < HX_INJ_KIND_COUNT; k++)
				if (kc[k].runs)
					fprintf(text, "%-10s %6u %9u %8u %8u\n", hx_inject_kind_name((enum hx_inj_kind)k),
						kc[k].runs, kc[k].triggered, kc[k].changed, kc[k].bad);
		}
		for (k = 0; k < nd; k++) {
			const struct hx_crun *r = &c->runs_v[d[k].first];
			int b = hx_crun_first_bad(c, r, true);

			fprintf(text, "\n%s finding %u (%u run%s): %s\n", d[k].known ? "known" : "NEW", k + 1, d[k].count,
				d[k].count == 1 ? "" : "s", d[k].sig);
			if (b >= 0 && b < HX_C_FIND)
				fprintf(text, "  %s: %s [%s:%d %s()]\n", r->f[b].kind, r->f[b].msg, r->f[b].at.file,
					r->f[b].at.line, r->f[b].at.func);
			else
				fprintf(text, "  %s %s\n", state_names[r->state < 5 ? r->state : 0], r->error);
			if (r->fired.file[0])
				fprintf(text, "  failed call: %s at %s:%d (%s)\n", r->fired.what, r->fired.file,
					r->fired.line, r->fired.func);
			fprintf(text, "  injection: %s on %s / %s\n  reproduce: %s\n", r->spec, c->targets[r->target].soc,
				c->targets[r->target].kernel, d[k].cmd);
		}
	}
	for (k = 0; k < nd; k++)
		unexpected += !d[k].known;
	if (text)
		fprintf(text, "\n%u runs, %u distinct findings (%u new, %u known)\n", c->nruns, nd, unexpected,
			nd - unexpected);
	if (json) {
		FILE *f = fopen(json, "w");

		if (!f) {
			fprintf(stderr, "pamusim campaign: --json %s: %s\n", json, strerror(errno));
		} else {
			write_json(c, f, d, nd);
			fclose(f);
		}
	}
	if (junit) {
		FILE *f = fopen(junit, "w");

		if (!f) {
			fprintf(stderr, "pamusim campaign: --junit %s: %s\n", junit, strerror(errno));
		} else {
			write_junit(c, f);
			fclose(f);
		}
	}
	free(d);
	return unexpected;
}

/* ------------------------------------------------------------------ shrink */

static bool same_failure(struct hx_campaign *c, const struct hx_crun *orig, const char *spec, const char *want)
{
	struct hx_crun r;
	char sig[400];

	const char *bar = strchr(want, '|');
	size_t n;

	if (!hx_campaign_rerun(c, orig->target, spec, &r))
		return false;
	hx_crun_signature(c, &r, sig, sizeof(sig));
	/* the same finding: kind and source line (the injection part of the signature is what shrinks) */
	bar = bar ? strchr(bar + 1, '|') : NULL;
	n = bar ? (size_t)(bar - want) : strlen(want);
	return !strncmp(sig, want, n) && (sig[n] == '|' || sig[n] == 0);
}

void hx_campaign_shrink(struct hx_campaign *c)
{
	struct distinct *d = NULL;
	const char *saved_out = c->out_dir;
	unsigned int nd, k, i, s, *counts;

	c->out_dir = NULL;	/* no reproducers while collecting */
	nd = collect(c, &d);
	c->out_dir = saved_out;
	counts = calloc(c->sc->nsteps + 1, sizeof(*counts));
	if (!counts) {
		free(d);
		return;
	}
	for (s = 0; s < c->sc->nsteps; s++)
		counts[s] = c->sc->steps[s].count;
	for (k = 0; k < nd; k++) {
		struct hx_crun *r = &c->runs_v[d[k].first];
		struct hx_inj_plan p, q;
		char err[200], spec[HX_INJ_SPEC_LEN];

		if (!hx_inject_parse(r->spec, &p, err, sizeof(err)))
			continue;
		/* drop items one at a time while the same failure remains */
		for (i = 0; p.n > 1 && i < p.n;) {
			q = p;
			memmove(&q.it[i], &q.it[i + 1], sizeof(q.it[0]) * (q.n - i - 1));
			q.n--;
			hx_inject_format(&q, spec, sizeof(spec));
			if (same_failure(c, r, spec, d[k].sig))
				p = q;
			else
				i++;
		}
		/* fewer accesses for an MMIO fault limited by count */
		for (i = 0; i < p.n; i++)
			while ((p.it[i].kind == HX_INJ_MMIO_READ || p.it[i].kind == HX_INJ_MMIO_DROP) &&
			       p.it[i].count > 1) {
				q = p;
				q.it[i].count /= 2;
				hx_inject_format(&q, spec, sizeof(spec));
				if (!same_failure(c, r, spec, d[k].sig))
					break;
				p = q;
			}
		hx_inject_format(&p, spec, sizeof(spec));
		if (strcmp(spec, r->spec))
			fprintf(stderr, "pamusim campaign: --shrink: %s -> %s\n", r->spec, spec);
		snprintf(r->spec, sizeof(r->spec), "%.*s", (int)sizeof(r->spec) - 1, spec);
		/* traffic: halve each traffic step's count while the same failure remains */
		for (s = 0; s < c->sc->nsteps; s++) {
			struct hx_step *st = &c->sc->steps[s];

			while (st->kind == HX_STEP_TRAFFIC && st->count > 1) {
				unsigned int was = st->count;

				st->count /= 2;
				if (!same_failure(c, r, r->spec, d[k].sig)) {
					st->count = was;
					break;
				}
				fprintf(stderr, "pamusim campaign: --shrink: step %u traffic count %u -> %u\n", s + 1, was,
					st->count);
			}
		}
		/* this finding's reproducer with its own smaller traffic, then the scenario as it was */
		if (c->out_dir)
			write_repro(c, r, k + 1, d[k].repro, sizeof(d[k].repro));
		for (s = 0; s < c->sc->nsteps; s++)
			c->sc->steps[s].count = counts[s];
	}
	free(counts);
	free(d);
}
