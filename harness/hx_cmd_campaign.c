/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * hx_cmd_campaign.c - `pamusim campaign` (options, targets, then the engine of hx_campaign.c) and
 * `pamusim merge` (shard JSON reports joined into the report of the unsharded campaign). Contracts:
 * docs/campaigns.md, docs/cli.md; exit 0 no new finding, 1 some, 2 bad input.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hx_campaign.h"
#include "hx_cmd_campaign.h"
#include "pamusim_config.h"
#include "sim_file.h"
#include "sim_yaml.h"
#include "soc_preset.h"

#define CAMPAIGN_PRESETS 64

static const char campaign_usage[] =
	"usage: pamusim campaign SCENARIO (--fail-nth [all|N|A-B] [--cap N] | --inject SPEC --runs N --seed S)\n"
	"                        [--soc NAME] [--kernel NAME] [-j N] [--shard K/N] [--shrink] [--json FILE]\n"
	"                        [--junit FILE] [--out DIR] [--no-fork-server] [--timeout S]\n"
	"\n"
	"  --fail-nth RANGE   fail the n-th fallible kernel call, n over RANGE (all: 1, 2, ... until a run\n"
	"                     triggers nothing, at most --cap runs, default 400)\n"
	"  --inject SPEC      the injection of each run (docs/campaigns.md grammar); * fields are drawn from\n"
	"                     --seed per run; `mix` = a random hardware fault of any kind\n"
	"  --runs N --seed S  how many seeded runs per target\n"
	"  --soc, --kernel    one target instead of every SoC x kernel the scenario names\n"
	"  -j N               N worker processes (fork servers)\n"
	"  --shard K/N        only the runs of slice K of N (join the JSON reports with pamusim merge)\n"
	"  --shrink           minimise each finding's injection and traffic before writing its reproducer\n"
	"  --json, --junit    reports; --out DIR the reproducers (default campaign-findings)\n"
	"  --no-fork-server   every run from scratch (same results, slower)\n"
	"exit status: 0 no new finding, 1 new findings, 2 bad input or usage.\n";

static struct soc_preset cpresets[CAMPAIGN_PRESETS];
static unsigned int ncpresets;

/* What a command holds until the process exits (freed at exit, so leak checkers see a clean exit). */
static struct hx_campaign *g_camp;
static struct hx_scenario *g_sc;
static bool g_merge;
static struct sim_ynode *g_doc;

static void release(void)
{
	unsigned int t;

	if (g_camp) {
		for (t = 0; t < g_camp->ntargets; t++) {
			free((void *)g_camp->targets[t].t.dtb);
			free((void *)g_camp->targets[t].t.dtb_name);
			if (g_merge)
				free(g_camp->targets[t].base);
		}
		if (g_merge) {
			free(g_camp->runs_v);
			free((void *)g_camp->scenario_path);
			free((void *)g_camp->inject);
		}
		g_camp = NULL;
	}
	if (g_sc) {
		hx_scenario_free(g_sc);
		g_sc = NULL;
	}
	sim_yaml_free(g_doc);
	g_doc = NULL;
}

static const char *dir_env(const char *name, const char *def)
{
	const char *e = getenv(name);

	return e && *e ? e : def;
}

static bool add_target(struct hx_campaign *c, const char *soc, const char *kernel)
{
	struct hx_ctarget *tg;
	char path[4096];
	int pi = soc_preset_find(cpresets, ncpresets, soc);

	if (pi < 0) {
		fprintf(stderr, "pamusim campaign: --soc: expected a preset of pamusim list socs, found \"%s\"\n", soc);
		return false;
	}
	if (!hx_kernel_path(kernel, path, sizeof(path))) {
		fprintf(stderr, "pamusim campaign: kernel %s: no variant built (%s)\n", kernel, path);
		return false;
	}
	if (c->ntargets == HX_C_TARGETS) {
		fprintf(stderr, "pamusim campaign: at most %d targets\n", HX_C_TARGETS);
		return false;
	}
	tg = &c->targets[c->ntargets++];
	memset(tg, 0, sizeof(*tg));
	snprintf(tg->soc, sizeof(tg->soc), "%.*s", (int)sizeof(tg->soc) - 1, soc);
	snprintf(tg->kernel, sizeof(tg->kernel), "%.*s", (int)sizeof(tg->kernel) - 1, kernel);
	snprintf(path, sizeof(path), "%s/%s.dtb", dir_env("PAMUSIM_DTB_DIR", PAMUSIM_DTB_DIR), cpresets[pi].board);
	tg->t.preset = &cpresets[pi];
	tg->t.rev = cpresets[pi].default_rev;
	tg->t.dtb = sim_file_read(path, SIM_FILE_MAX, &tg->t.dtb_size);
	tg->t.dtb_name = strdup(path);
	tg->t.kernel = tg->kernel;
	if (!tg->t.dtb) {
		fprintf(stderr, "pamusim campaign: %s: cannot read the board DTB of %s (build the dtbs target or set "
			"PAMUSIM_DTB_DIR)\n", path, soc);
		return false;
	}
	return true;
}

static bool load_presets(void)
{
	struct soc_error err;

	if (soc_preset_load_dir(dir_env("PAMUSIM_SOCS_DIR", PAMUSIM_SOCS_DIR), cpresets, CAMPAIGN_PRESETS,
				&ncpresets, &err) != SOC_PRESET_OK) {
		fprintf(stderr, "pamusim campaign: %s\n", err.msg);
		return false;
	}
	return true;
}

static bool num_arg(const char *opt, const char *s, uint64_t max, uint64_t *v)
{
	char *end;

	errno = 0;
	if (!s || !*s || *s == '-' || (*v = strtoull(s, &end, 0), *end) || errno || *v > max) {
		fprintf(stderr, "pamusim campaign: %s: expected a number up to %llu, found \"%s\"\n", opt,
			(unsigned long long)max, s ? s : "");
		return false;
	}
	return true;
}

static bool targets_of_scenario(struct hx_campaign *c, const char *soc, const char *kernel)
{
	const struct hx_scenario *sc = c->sc;
	unsigned int i, k, ns = soc || sc->socs_any ? 1 : sc->nsocs, nk = kernel || sc->kernels_any ? 1 : sc->nkernels;

	for (i = 0; i < ns; i++)
		for (k = 0; k < nk; k++)
			if (!add_target(c, soc ? soc : sc->socs_any ? HX_DEFAULT_SOC : sc->socs[i],
					kernel ? kernel : sc->kernels_any ? HX_DEFAULT_KERNEL : sc->kernels[k]))
				return false;
	return true;
}

int hx_cmd_campaign(int argc, char **argv)
{
	static struct hx_scenario sc;
	static struct hx_campaign c = { .cap = 400, .jobs = 1, .shard_k = 1, .shard_n = 1, .timeout_s = 30,
					.out_dir = "campaign-findings" };
	const char *soc = NULL, *kernel = NULL, *json = NULL, *junit = NULL;
	bool has_runs = false, has_seed = false;
	struct hx_error err;
	uint64_t v;
	unsigned int i, t, unexpected;
	int a;

	for (a = 0; a < argc; a++) {
		const char *o = argv[a], *nx = a + 1 < argc ? argv[a + 1] : NULL;

		if (!strcmp(o, "--help") || !strcmp(o, "-h")) {
			fputs(campaign_usage, stdout);
			return 0;
		} else if (!strcmp(o, "--fail-nth")) {
			c.fail_nth = true;
			c.from = 1;
			if (nx && (!strcmp(nx, "all") || (*nx >= '0' && *nx <= '9'))) {
				char *dash;

				a++;
				if (strcmp(nx, "all")) {
					c.from = strtoull(nx, &dash, 10);
					c.to = *dash == '-' ? strtoull(dash + 1, &dash, 10) : c.from;
					if (*dash || !c.from || c.to < c.from) {
						fprintf(stderr, "pamusim campaign: --fail-nth: expected all, N or A-B (1-based, "
							"A <= B), found \"%s\"\n", nx);
						return 2;
					}
				}
			}
		} else if (!strcmp(o, "--inject") && nx) {
			c.inject = argv[++a];
		} else if (!strcmp(o, "--runs") && nx) {
			if (!num_arg(o, argv[++a], 10000000, &v) || !v)
				return 2;
			c.runs = (unsigned int)v;
			has_runs = true;
		} else if (!strcmp(o, "--seed") && nx) {
			if (!num_arg(o, argv[++a], UINT64_MAX, &c.seed))
				return 2;
			has_seed = true;
		} else if (!strcmp(o, "--cap") && nx) {
			if (!num_arg(o, argv[++a], 1000000, &v) || !v)
				return 2;
			c.cap = (unsigned int)v;
		} else if ((!strcmp(o, "-j") && nx) || (!strncmp(o, "-j", 2) && o[2])) {
			if (!num_arg("-j", o[2] ? o + 2 : argv[++a], 64, &v) || !v)
				return 2;
			c.jobs = (unsigned int)v;
		} else if (!strcmp(o, "--shard") && nx) {
			unsigned int k, n;
			char tail;

			a++;
			if (sscanf(nx, "%u/%u%c", &k, &n, &tail) != 2 || !n || !k || k > n) {
				fprintf(stderr, "pamusim campaign: --shard: expected K/N with 1 <= K <= N, found \"%s\"\n", nx);
				return 2;
			}
			c.shard_k = k;
			c.shard_n = n;
		} else if (!strcmp(o, "--shrink")) {
			c.shrink = true;
		} else if (!strcmp(o, "--no-fork-server")) {
			c.no_fork_server = true;
		} else if (!strcmp(o, "--json") && nx) {
			json = argv[++a];
		} else if (!strcmp(o, "--junit") && nx) {
			junit = argv[++a];
		} else if (!strcmp(o, "--out") && nx) {
			c.out_dir = argv[++a];
		} else if (!strcmp(o, "--soc") && nx) {
			soc = argv[++a];
		} else if (!strcmp(o, "--kernel") && nx) {
			kernel = argv[++a];
		} else if (!strcmp(o, "--timeout") && nx) {
			if (!num_arg(o, argv[++a], 3600, &v) || !v)
				return 2;
			c.timeout_s = (unsigned int)v;
		} else if (o[0] == '-') {
			fprintf(stderr, "pamusim campaign: unknown option or missing value: %s\n%s", o, campaign_usage);
			return 2;
		} else if (!c.scenario_path) {
			c.scenario_path = o;
		} else {
			fprintf(stderr, "pamusim campaign: one scenario per campaign, found a second: %s\n", o);
			return 2;
		}
	}
	if (!c.scenario_path) {
		fprintf(stderr, "pamusim campaign: a SCENARIO file is needed\n%s", campaign_usage);
		return 2;
	}
	if (c.fail_nth == !!c.inject) {
		fprintf(stderr, "pamusim campaign: exactly one of --fail-nth and --inject\n");
		return 2;
	}
	if (c.inject && (!has_runs || !has_seed)) {
		fprintf(stderr, "pamusim campaign: --inject needs --runs N and --seed S\n");
		return 2;
	}
	g_camp = &c;
	atexit(release);
	if (!hx_scenario_load(c.scenario_path, &sc, &err)) {
		fprintf(stderr, "%s\n", err.msg);
		return 2;
	}
	g_sc = &sc;
	if (sc.level != HX_LEVEL_LINUX) {
		fprintf(stderr, "pamusim campaign: %s: campaigns run linux-level scenarios (level: linux)\n",
			c.scenario_path);
		return 2;
	}
	c.sc = &sc;
	if (!load_presets() || !targets_of_scenario(&c, soc, kernel))
		return 2;
	for (t = 0; t < c.ntargets; t++)
		if (!hx_run_check(&sc, &c.targets[t].t, &err)) {
			fprintf(stderr, "%s\n", err.msg);
			return 2;
		}
	c.progress = isatty(2);
	if (!hx_campaign_execute(&c))
		return 2;
	hx_campaign_judge(&c);
	if (c.shrink)
		hx_campaign_shrink(&c);
	unexpected = hx_campaign_report(&c, stdout, json, junit);
	for (i = 0; i < c.nruns; i++)
		if (c.runs_v[i].state == HX_CR_NONE)
			unexpected++;
	return unexpected ? 1 : 0;
}

/* ------------------------------------------------------------------ merge */

static const char *yget(const struct sim_ynode *m, const char *k)
{
	const struct sim_ynode *v = sim_ymap_get(m, k, NULL);

	return v && v->kind == SIM_YN_SCALAR ? v->text : "";
}

static uint64_t yu64(const struct sim_ynode *m, const char *k, int base)
{
	return strtoull(yget(m, k), NULL, base);
}

static void ysite(const struct sim_ynode *m, struct hx_csite *s)
{
	snprintf(s->what, sizeof(s->what), "%.*s", (int)sizeof(s->what) - 1, yget(m, "what"));
	snprintf(s->file, sizeof(s->file), "%.*s", (int)sizeof(s->file) - 1, yget(m, "file"));
	snprintf(s->func, sizeof(s->func), "%.*s", (int)sizeof(s->func) - 1, yget(m, "func"));
	s->line = atoi(yget(m, "line"));
}

static void yfindings(const struct sim_ynode *m, struct hx_cfind *f, uint32_t *n)
{
	const struct sim_ynode *l = sim_ymap_get(m, "findings", NULL);
	unsigned int i;

	*n = 0;
	for (i = 0; l && l->kind == SIM_YN_SEQ && i < l->n && *n < HX_C_FIND; i++) {
		struct hx_cfind *d = &f[(*n)++];
		const struct sim_ynode *at = sim_ymap_get(l->items[i], "at", NULL);

		snprintf(d->kind, sizeof(d->kind), "%.*s", (int)sizeof(d->kind) - 1, yget(l->items[i], "kind"));
		if (at)
			ysite(at, &d->at);
		d->known = !strcmp(yget(l->items[i], "known"), "true");
		snprintf(d->msg, sizeof(d->msg), "%.*s", (int)sizeof(d->msg) - 1, yget(l->items[i], "message"));
	}
}

static int cmp_run(const void *a, const void *b)
{
	const struct hx_crun *x = a, *y = b;

	if (x->target != y->target)
		return x->target < y->target ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

int hx_cmd_merge(int argc, char **argv)
{
	static const struct sim_yaml_limits lim = { 1ull << 30, 8, 1u << 30, 1u << 20 };
	static struct hx_scenario sc;
	static struct hx_campaign c = { .out_dir = "campaign-findings" };
	const char *json = NULL, *junit = NULL, *first = NULL;
	char msg[700], shards_seen[256] = { 0 };
	unsigned int nfiles = 0, shard_n = 0, expected = 0, cap = 0, i, t;
	int a;

	g_camp = &c;
	g_merge = true;
	atexit(release);

	for (a = 0; a < argc; a++) {
		const char *o = argv[a];
		struct sim_yaml_ctx ctx = { .file = o, .msg = msg, .cap = sizeof(msg) };
		const struct sim_ynode *runs, *tgts;
		struct sim_ynode *doc;
		unsigned int k, n;

		if (!strcmp(o, "--help") || !strcmp(o, "-h")) {
			printf("usage: pamusim merge [--json FILE] [--junit FILE] [--out DIR] SHARD.json...\n"
			       "joins the JSON reports of pamusim campaign --shard K/N runs into the report of the\n"
			       "unsharded campaign (docs/campaigns.md). exit 0 no new finding, 1 some, 2 bad input.\n");
			return 0;
		}
		if (!strcmp(o, "--json") && a + 1 < argc) {
			json = argv[++a];
			continue;
		}
		if (!strcmp(o, "--junit") && a + 1 < argc) {
			junit = argv[++a];
			continue;
		}
		if (!strcmp(o, "--out") && a + 1 < argc) {
			c.out_dir = argv[++a];
			continue;
		}
		if (o[0] == '-') {
			fprintf(stderr, "pamusim merge: unknown option or missing value: %s\n", o);
			return 2;
		}
		doc = g_doc = sim_yaml_load(&ctx, &lim, "shard report");
		if (!doc || doc->kind != SIM_YN_MAP || strcmp(yget(doc, "kind"), "campaign")) {
			fprintf(stderr, "pamusim merge: %s: %s\n", o, doc ? "expected a pamusim campaign JSON report" : msg);
			return 2;
		}
		if (sscanf(yget(doc, "shard"), "%u/%u", &k, &n) != 2 || !k || k > n || n > 255) {
			fprintf(stderr, "pamusim merge: %s: shard: expected K/N, found \"%s\"\n", o, yget(doc, "shard"));
			return 2;
		}
		if (!nfiles) {
			first = o;
			shard_n = n;
			c.scenario_path = strdup(yget(doc, "scenario"));
			c.fail_nth = !strcmp(yget(doc, "mode"), "fail-nth");
			c.inject = c.fail_nth ? NULL : strdup(yget(doc, "inject"));
			c.seed = yu64(doc, "seed", 10);
			c.from = yu64(doc, "from", 10);
			c.to = yu64(doc, "to", 10);
			c.cap = (unsigned int)yu64(doc, "cap", 10);
			c.runs = (unsigned int)yu64(doc, "runs_per_target", 10);
			tgts = sim_ymap_get(doc, "targets", NULL);
			for (t = 0; tgts && tgts->kind == SIM_YN_SEQ && t < tgts->n && t < HX_C_TARGETS; t++) {
				const struct sim_ynode *tn = tgts->items[t], *cb = sim_ymap_get(tn, "calls_before", NULL);
				const struct sim_ynode *sites = sim_ymap_get(tn, "sites", NULL);
				struct hx_ctarget *tg = &c.targets[c.ntargets++];
				struct hx_cbase *b = calloc(1, sizeof(*b));

				if (!b)
					return 2;
				tg->base = b;
				snprintf(tg->soc, sizeof(tg->soc), "%.*s", (int)sizeof(tg->soc) - 1, yget(tn, "soc"));
				snprintf(tg->kernel, sizeof(tg->kernel), "%.*s", (int)sizeof(tg->kernel) - 1, yget(tn, "kernel"));
				tg->nruns = (uint32_t)yu64(tn, "runs", 10);
				expected += tg->nruns;
				b->nsteps = (uint32_t)yu64(tn, "nsteps", 10);
				b->boot_step = (uint32_t)yu64(tn, "boot_step", 10);
				b->total_calls = (uint32_t)yu64(tn, "calls", 10);
				b->outcome = yu64(tn, "outcome", 16);
				b->trace_hash = yu64(tn, "trace_hash", 16);
				for (i = 0; cb && cb->kind == SIM_YN_SEQ && i < cb->n && i <= HX_MAX_STEPS; i++)
					b->calls_before[i + 1] = (uint32_t)strtoul(cb->items[i]->text, NULL, 10);
				for (i = 0; sites && sites->kind == SIM_YN_SEQ && i < sites->n && i < HX_C_SITES; i++)
					ysite(sites->items[i], &b->sites[b->nsites++]);
				yfindings(tn, b->f, &b->nfind);
			}
		} else if (n != shard_n || strcmp(c.scenario_path, yget(doc, "scenario")) ||
			   c.seed != yu64(doc, "seed", 10) || strcmp(c.fail_nth ? "fail-nth" : "inject", yget(doc, "mode"))) {
			fprintf(stderr, "pamusim merge: %s: not a shard of the same campaign as %s (scenario, mode, seed "
				"and N must match)\n", o, first);
			return 2;
		}
		if (shards_seen[k]) {
			fprintf(stderr, "pamusim merge: %s: shard %u/%u given twice\n", o, k, n);
			return 2;
		}
		shards_seen[k] = 1;
		nfiles++;
		runs = sim_ymap_get(doc, "runs", NULL);
		for (i = 0; runs && runs->kind == SIM_YN_SEQ && i < runs->n; i++) {
			const struct sim_ynode *rn = runs->items[i], *fired = sim_ymap_get(rn, "fired", NULL);
			struct hx_crun *r;
			const char *st = yget(rn, "state");

			if (c.nruns == cap) {
				struct hx_crun *nr;

				cap = cap ? cap * 2 : 1024;
				nr = realloc(c.runs_v, cap * sizeof(*nr));
				if (!nr)
					return 2;
				c.runs_v = nr;
			}
			r = &c.runs_v[c.nruns++];
			memset(r, 0, sizeof(*r));
			r->target = (uint32_t)yu64(rn, "target", 10);
			r->index = (uint32_t)yu64(rn, "index", 10);
			r->fork_step = (uint32_t)yu64(rn, "fork_step", 10);
			snprintf(r->spec, sizeof(r->spec), "%.*s", (int)sizeof(r->spec) - 1, yget(rn, "spec"));
			r->state = !strcmp(st, "done") ? HX_CR_DONE : !strcmp(st, "crash") ? HX_CR_CRASH :
				   !strcmp(st, "timeout") ? HX_CR_TIMEOUT : !strcmp(st, "error") ? HX_CR_ERROR : HX_CR_NONE;
			r->triggered = !strcmp(yget(rn, "triggered"), "true");
			r->changed = !strcmp(yget(rn, "changed"), "true");
			r->bad = !strcmp(yget(rn, "bad"), "true");
			if (fired)
				ysite(fired, &r->fired);
			r->outcome = yu64(rn, "outcome", 16);
			r->trace_hash = yu64(rn, "trace_hash", 16);
			r->effects = (uint32_t)yu64(rn, "effects", 10);
			r->nunmet = (uint32_t)yu64(rn, "unmet", 10);
			r->sig = atoi(yget(rn, "signal"));
			snprintf(r->error, sizeof(r->error), "%.*s", (int)sizeof(r->error) - 1, yget(rn, "error"));
			yfindings(rn, r->f, &r->nfind);
			if (r->target >= c.ntargets) {
				fprintf(stderr, "pamusim merge: %s: run %u names target %u of %u\n", o, r->index, r->target,
					c.ntargets);
				return 2;
			}
		}
		sim_yaml_free(doc);
		g_doc = NULL;
	}
	if (!nfiles) {
		fprintf(stderr, "pamusim merge: no shard report given\n");
		return 2;
	}
	for (i = 1; i <= shard_n; i++)
		if (!shards_seen[i]) {
			fprintf(stderr, "pamusim merge: shard %u/%u is missing\n", i, shard_n);
			return 2;
		}
	if (c.nruns != expected) {
		fprintf(stderr, "pamusim merge: the shards hold %u runs, the campaign has %u\n", c.nruns, expected);
		return 2;
	}
	qsort(c.runs_v, c.nruns, sizeof(*c.runs_v), cmp_run);
	c.shard_k = c.shard_n = 1;
	{
		struct hx_error err;

		/* the scenario for the reproducers; without it the reproducer is the campaign command */
		if (hx_scenario_load(c.scenario_path, &sc, &err)) {
			c.sc = &sc;
			g_sc = &sc;
		} else {
			c.out_dir = NULL;
		}
	}
	return hx_campaign_report(&c, stdout, json, junit) ? 1 : 0;
}

/*
 * Sanitizer builds: a campaign's run child installs its own SIGSEGV/SIGBUS handler to contain a driver
 * crash and record where it was; ASan must let it (its own handler stays for every other process).
 */
const char *__asan_default_options(void);
__attribute__((used)) const char *__asan_default_options(void)
{
	return "allow_user_segv_handler=1";
}
