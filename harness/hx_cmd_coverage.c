// SPDX-License-Identifier: BSD-2-Clause
/*
 * hx_cmd_coverage.c - `pamusim coverage`: reads JSON run reports (docs/report-schema.json), sums each
 * run's stats.fcov counts over the bin model of hx_fcov.c, and prints every bin as HIT or MISS with a
 * summary per group. Cache bins are data-driven: every counter under a report key whose path names a
 * cache and ends in a hit, miss or eviction count (the timing model's PAMU caches, when a build has them)
 * becomes a bin. With -o DIR it also writes DIR/fcov.tsv, DIR/fcov.txt and DIR/fcov.png (drawn by
 * coverage/fcov_heatmap.py with python3-matplotlib; /usr/bin/python3 when it exists, PAMUSIM_PYTHON
 * overrides).
 *
 * Facts: docs/report-schema.json (report layout), docs/coverage.md (the bins and why some stay unhit),
 * DESIGN.md (exit statuses: 2 for bad input, naming file, line and field). JSON is read with
 * model/common/sim_yaml (a JSON document is YAML flow style).
 */
#define _GNU_SOURCE
#include "hx_cmd_coverage.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "hx_fcov.h"
#include "sim_yaml.h"

#ifndef HX_FCOV_PLOT
#define HX_FCOV_PLOT "coverage/fcov_heatmap.py"
#endif

#define MAX_EXTRA 128

static const struct sim_yaml_limits report_limits = {
	.max_file = 256u << 20, .max_depth = 12, .max_nodes = 8u << 20, .max_scalar = 65536,
};

struct tally {
	uint64_t *n;			/* per bin of the model */
	char extra[MAX_EXTRA][96];	/* data-driven bins (caches) */
	uint64_t extra_n[MAX_EXTRA];
	unsigned int nextra;
	unsigned int runs, reports;
};

static bool ci_has(const char *s, const char *sub)
{
	size_t n = strlen(sub);

	for (; *s; s++)
		if (!strncasecmp(s, sub, n))
			return true;
	return false;
}

/* A cache statistic: the path names a cache, the last key a hit, miss or eviction count. */
static void cache_walk(struct tally *t, const struct sim_ynode *n, const char *path)
{
	unsigned int i;

	if (n->kind == SIM_YN_MAP) {
		for (i = 0; i + 1 < n->n; i += 2) {
			char p[96];

			if (n->items[i]->kind != SIM_YN_SCALAR || (!path[0] && !strcmp(n->items[i]->text, "fcov")))
				continue;
			snprintf(p, sizeof(p), "%s%s%s", path, path[0] ? "." : "", n->items[i]->text);
			cache_walk(t, n->items[i + 1], p);
		}
		return;
	}
	if (n->kind == SIM_YN_SEQ) {	/* e.g. one entry per PAMU: summed under one path */
		for (i = 0; i < n->n; i++)
			cache_walk(t, n->items[i], path);
		return;
	}
	if (n->kind != SIM_YN_SCALAR || !ci_has(path, "cache"))
		return;
	{
		const char *last = strrchr(path, '.');
		uint64_t v;
		char *end;

		last = last ? last + 1 : path;
		if (!ci_has(last, "hit") && !ci_has(last, "miss") && !ci_has(last, "evict"))
			return;
		errno = 0;
		v = strtoull(n->text, &end, 10);
		if (errno || *end || end == n->text)
			return;
		for (i = 0; i < t->nextra && strcmp(t->extra[i], path); i++)
			;
		if (i == t->nextra) {
			if (t->nextra == MAX_EXTRA)
				return;
			snprintf(t->extra[t->nextra++], sizeof(t->extra[0]), "%s", path);
		}
		t->extra_n[i] += v;
	}
}

static int load_report(struct tally *t, const char *file)
{
	struct sim_yaml_ctx ctx;
	char msg[640] = "";
	const struct sim_ynode *runs;
	struct sim_ynode *root;
	unsigned int i, k;

	memset(&ctx, 0, sizeof(ctx));
	ctx.file = file;
	ctx.msg = msg;
	ctx.cap = sizeof(msg);
	root = sim_yaml_load(&ctx, &report_limits, "report");
	if (!root) {
		fprintf(stderr, "pamusim coverage: %s\n", msg[0] ? msg : "empty report");
		return 2;
	}
	runs = sim_ymap_get(root, "scenarios", NULL);
	if (!sim_yaml_expect(&ctx, runs, root, "scenarios", SIM_YN_SEQ, "a list of runs (docs/report-schema.json)")) {
		fprintf(stderr, "pamusim coverage: %s\n", msg);
		sim_yaml_free(root);
		return 2;
	}
	for (i = 0; i < runs->n; i++) {
		const struct sim_ynode *run = runs->items[i], *stats = sim_ymap_get(run, "stats", NULL);
		const struct sim_ynode *fc = sim_ymap_get(stats, "fcov", NULL), *ctr = sim_ymap_get(run, "counters", NULL);

		t->runs++;
		if (stats)
			cache_walk(t, stats, "");
		if (ctr)
			cache_walk(t, ctr, "");
		if (!fc)
			continue;
		if (fc->kind != SIM_YN_MAP) {
			sim_yaml_fail_at(&ctx, fc, "scenarios.stats.fcov", "expected a mapping of bin names to counts, found %s",
					 fc->kind == SIM_YN_SEQ ? "a list" : "a text value");
			fprintf(stderr, "pamusim coverage: %s\n", msg);
			sim_yaml_free(root);
			return 2;
		}
		for (k = 0; k + 1 < fc->n; k += 2) {
			uint64_t v;
			int id;

			if (!sim_yaml_get_uint(&ctx, fc->items[k + 1], "scenarios.stats.fcov", UINT32_MAX, "a count", &v)) {
				fprintf(stderr, "pamusim coverage: %s\n", msg);
				sim_yaml_free(root);
				return 2;
			}
			id = hx_fcov_bin_find(fc->items[k]->text);
			if (id >= 0)	/* a bin of another version's model is not ours to judge */
				t->n[id] += v;
		}
	}
	t->reports++;
	sim_yaml_free(root);
	return 0;
}

static void group_of(const char *bin, char *g, size_t cap)
{
	const char *s = strchr(bin, '/');
	size_t n = s ? (size_t)(s - bin) : strlen(bin);

	if (n >= cap)
		n = cap - 1;
	memcpy(g, bin, n);
	g[n] = 0;
}

/* Text to f; TSV (group, bin, count) to tsv when not NULL. */
static void report(const struct tally *t, FILE *f, FILE *tsv)
{
	unsigned int i, nb = hx_fcov_bin_count(), hit = 0, total = 0, gh = 0, gt = 0, start = 0;
	char g[64], cur[64] = "";

	fprintf(f, "functional coverage of %u runs in %u reports\n", t->runs, t->reports);
	for (i = 0; i <= nb; i++) {
		if (i < nb)
			group_of(hx_fcov_bin_name(i), g, sizeof(g));
		if (i == nb || strcmp(g, cur)) {
			if (cur[0])
				fprintf(f, "%-28s %3u/%-3u bins hit (%.0f%%)\n", cur, gh, gt, 100.0 * gh / (gt ? gt : 1));
			if (i == nb)
				break;
			snprintf(cur, sizeof(cur), "%s", g);
			gh = gt = 0;
			start = i;
		}
		gt++;
		total++;
		if (t->n[i]) {
			gh++;
			hit++;
		}
	}
	(void)start;
	/* caches: data-driven (docs/coverage.md) */
	if (!t->nextra) {
		fprintf(f, "%-28s   no data: no report holds cache hit/miss/eviction counts (the timing model's PAMU "
			"caches are not in the build that wrote them)\n", "cache");
	} else {
		unsigned int ch = 0;

		for (i = 0; i < t->nextra; i++)
			ch += t->extra_n[i] ? 1 : 0;
		fprintf(f, "%-28s %3u/%-3u bins hit (%.0f%%)\n", "cache", ch, t->nextra, 100.0 * ch / t->nextra);
		hit += ch;
		total += t->nextra;
	}
	fprintf(f, "%-28s %3u/%-3u bins hit (%.1f%%)\n\n", "total", hit, total, 100.0 * hit / (total ? total : 1));
	for (i = 0; i < nb; i++) {
		fprintf(f, "%s %10llu  %s\n", t->n[i] ? "HIT " : "MISS", (unsigned long long)t->n[i], hx_fcov_bin_name(i));
		if (tsv) {
			const char *b = strchr(hx_fcov_bin_name(i), '/');

			group_of(hx_fcov_bin_name(i), g, sizeof(g));
			fprintf(tsv, "%s\t%s\t%llu\n", g, b ? b + 1 : "", (unsigned long long)t->n[i]);
		}
	}
	for (i = 0; i < t->nextra; i++) {
		fprintf(f, "%s %10llu  cache/%s\n", t->extra_n[i] ? "HIT " : "MISS", (unsigned long long)t->extra_n[i],
			t->extra[i]);
		if (tsv)
			fprintf(tsv, "cache\t%s\t%llu\n", t->extra[i], (unsigned long long)t->extra_n[i]);
	}
}

static int plot(const char *dir)
{
	const char *script = getenv("PAMUSIM_FCOV_PLOT"), *py = getenv("PAMUSIM_PYTHON");
	char tsv[4096], png[4096];
	pid_t pid;
	int st;

	if (!script || !*script)
		script = HX_FCOV_PLOT;
	/* Debian's interpreter (where python3-matplotlib installs) before whatever python3 PATH finds */
	if (!py || !*py)
		py = access("/usr/bin/python3", X_OK) ? "python3" : "/usr/bin/python3";
	snprintf(tsv, sizeof(tsv), "%s/fcov.tsv", dir);
	snprintf(png, sizeof(png), "%s/fcov.png", dir);
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		execlp(py, py, script, tsv, png, (char *)NULL);
		fprintf(stderr, "pamusim coverage: cannot run python3 (%s): no heat map\n", strerror(errno));
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &st, 0) < 0 || !WIFEXITED(st) || WEXITSTATUS(st)) {
		fprintf(stderr, "pamusim coverage: %s was not drawn (%s failed; it needs python3-matplotlib, "
			"scripts/install-deps installs it)\n", png, script);
		return 1;
	}
	printf("heat map: %s\n", png);
	return 0;
}

static const char cov_usage[] =
	"usage: pamusim coverage REPORT.json... [-o DIR]\n"
	"Functional coverage summed over `pamusim run --json` reports: each bin HIT or MISS with its count,\n"
	"a summary per group (docs/coverage.md). -o DIR also writes DIR/fcov.txt, DIR/fcov.tsv and the heat\n"
	"map DIR/fcov.png (python3-matplotlib).\n"
	"exit status: 0 done, 1 the heat map could not be drawn, 2 bad input or usage.\n";

int hx_cmd_coverage(int argc, char **argv)
{
	struct tally t;
	const char *dir = NULL;
	int i, rc = 0, nfiles = 0;

	memset(&t, 0, sizeof(t));
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			fputs(cov_usage, stdout);
			return 0;
		}
		if (!strcmp(argv[i], "-o")) {
			if (i + 1 >= argc) {
				fprintf(stderr, "pamusim coverage: -o: expected a directory\n%s", cov_usage);
				return 2;
			}
			dir = argv[++i];
		} else if (argv[i][0] == '-') {
			fprintf(stderr, "pamusim coverage: unknown option %s\n%s", argv[i], cov_usage);
			return 2;
		} else {
			nfiles++;
		}
	}
	if (!nfiles) {
		fprintf(stderr, "pamusim coverage: expected at least one report\n%s", cov_usage);
		return 2;
	}
	t.n = calloc(hx_fcov_bin_count(), sizeof(*t.n));
	if (!t.n)
		return 2;
	for (i = 1; i < argc && !rc; i++) {
		if (!strcmp(argv[i], "-o")) {
			i++;
			continue;
		}
		rc = load_report(&t, argv[i]);
	}
	if (rc) {
		free(t.n);
		return rc;
	}
	report(&t, stdout, NULL);
	if (dir) {
		char p[4096];
		FILE *txt, *tsv;

		if (mkdir(dir, 0777) && errno != EEXIST) {
			fprintf(stderr, "pamusim coverage: %s: cannot create the directory: %s\n", dir, strerror(errno));
			free(t.n);
			return 2;
		}
		snprintf(p, sizeof(p), "%s/fcov.txt", dir);
		txt = fopen(p, "w");
		snprintf(p, sizeof(p), "%s/fcov.tsv", dir);
		tsv = fopen(p, "w");
		if (!txt || !tsv) {
			fprintf(stderr, "pamusim coverage: %s: cannot write: %s\n", p, strerror(errno));
			if (txt)
				fclose(txt);
			if (tsv)
				fclose(tsv);
			free(t.n);
			return 2;
		}
		report(&t, txt, tsv);
		fclose(txt);
		fclose(tsv);
		rc = plot(dir);
	}
	free(t.n);
	return rc;
}
