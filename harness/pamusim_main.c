// SPDX-License-Identifier: BSD-2-Clause
/*
 * pamusim_main.c - the pamusim command line (contracts: ../shared/DESIGN.md, docs/cli.md).
 *
 * `run` loads every scenario and checks every input (options, presets, DTBs, scenario files, devices on
 * each target) before anything runs: any bad input is exit 2 and nothing runs. Each scenario run is then
 * a forked child with a host wall-clock watchdog; the child sends its result record back through a
 * temporary file. A child killed by a signal is a `driver-crash` finding of that run, one the watchdog
 * ends is a `hang` finding; the other runs go on. `-j N` runs N children at once; results are reported
 * in input order, so the reports do not depend on N. `audit` is the MSI-bank isolation audit
 * (docs/audit.md). `campaign`, `merge`, `plot`, `coverage`
 * arrive with their issues and say so (exit 2).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "hx_cmd_coverage.h"
#include "hx_cmd_campaign.h"
#include "hx_cmd_plot.h"
#include "hx_audit.h"
#include "hx_report.h"
#include "hx_run.h"
#include "hx_scenario.h"
#include "hx_vfio.h"
#include "pamusim_config.h"
#include "sim_file.h"
#include "soc_preset.h"

#define MAX_PRESETS 64
#define MAX_FILES 4096
#define DEFAULT_WATCHDOG_S 60

/* Kernel variant names: DESIGN.md's three, plus a tree given at build time (KERNEL_TREE/KERNEL_NAME), as
 * harness/CMakeLists.txt passes them from cmake/Kernels.cmake. */
#ifndef HX_KERNEL_NAMES
#define HX_KERNEL_NAMES "5.10", "6.1", "6.12"
#endif
static const char *const kernel_names[] = { HX_KERNEL_NAMES, NULL };
/* Variants this build knows but did not build (cmake/Kernels.cmake says why): their runs are skipped. */
#ifdef HX_KERNEL_UNBUILT
static const char *const kernel_unbuilt[] = { HX_KERNEL_UNBUILT, NULL };
#else
static const char *const kernel_unbuilt[] = { NULL };
#define HX_KERNEL_UNBUILT_WHY ""
#endif

static const char *env_or(const char *name, const char *def)
{
	const char *env = getenv(name);

	return env && *env ? env : def;
}

static const char *socs_dir(void)
{
	return env_or("PAMUSIM_SOCS_DIR", PAMUSIM_SOCS_DIR);
}

static const char *dtb_dir(void)
{
	return env_or("PAMUSIM_DTB_DIR", PAMUSIM_DTB_DIR);
}

static const char *scenarios_dir(void)
{
	return env_or("PAMUSIM_SCENARIOS_DIR", PAMUSIM_SCENARIOS_DIR);
}

static const char usage[] =
	"usage: pamusim COMMAND [OPTIONS]\n"
	"\n"
	"Simulate the QorIQ PAMU (IOMMU) and MPIC MSI banks, run the real Linux drivers on them, and\n"
	"check DMA traffic for isolation violations and translation faults.\n"
	"\n"
	"commands:\n"
	"  run [OPTIONS] SCENARIO|DIR...   run scenarios and report (pamusim run --help)\n"
	"  campaign SCENARIO (--fail-nth|--inject)  fault-injection campaign (pamusim campaign --help)\n"
	"  merge SHARD.json...  join sharded campaign reports (pamusim merge --help)\n"
	"  audit --soc NAME [OPTIONS] [SCENARIO]  MSI-bank isolation audit (pamusim audit --help)\n"
	"  list socs       SoC presets (socs/*.yaml): name, default board, revision, description\n"
	"  list kernels    kernel variant names\n"
	"  list scenarios [DIR...]  scenarios: name, level, SoCs, kernels, file\n"
	"  coverage REPORT.json... [-o DIR]  functional coverage bins hit and missed, heat map\n"
	"  plot REPORT.json -o DIR   PNG latency histograms and timelines of timed runs\n"
	"  --version       version and git hash\n"
	"  --help          this text\n"
	"\n"
	"exit status: 0 success, 1 a run failed, 2 bad input or usage.\n";

static const char run_usage[] =
	"usage: pamusim run [--soc NAME | --dtb FILE] [--preset NAME] [--rev REV] [--kernel NAME] [--seed N]\n"
	"                   [--json FILE] [--junit FILE] [--trace FILE] [-j N] [--break-on-finding]\n"
	"                   [--timed] [--stats]\n"
	"                   SCENARIO|DIR...\n"
	"\n"
	"Run each scenario on each SoC and kernel it names (socs:/kernels:, `any` = t4240 and 6.12), or only\n"
	"on the combination the options name (scenarios that exclude it are skipped). A DIR means every\n"
	"*.yaml below it. Every input is checked before anything runs.\n"
	"\n"
	"  --soc NAME          SoC preset (pamusim list socs); its default board DTB\n"
	"  --dtb FILE          a board DTB; the preset is chosen by the tree's SoC compatible\n"
	"  --preset NAME       with --dtb: this preset instead of the automatic choice\n"
	"  --rev REV           SoC revision of the preset (default: the preset's default revision)\n"
	"  --kernel NAME       kernel variant (pamusim list kernels)\n"
	"  --seed N            seed of every random choice (default: each scenario's seed:)\n"
	"  --json FILE         JSON report (docs/report-schema.json)\n"
	"  --junit FILE        JUnit XML report\n"
	"  --trace FILE        text trace, one line per event, runs in order\n"
	"  -j N                N runs at once (same results as serial)\n"
	"  --timed             cycle-approximate timing with the preset's timing: knobs (docs/timing.md)\n"
	"  --stats             print each run's timing statistics (caches, latencies, per LIODN)\n"
	"  --break-on-finding  run in this process, serially, and call hx_finding_breakpoint() at each\n"
	"                      finding (gdb: break hx_finding_breakpoint)\n"
	"\n"
	"environment: PAMUSIM_SOCS_DIR, PAMUSIM_DTB_DIR, PAMUSIM_WATCHDOG (seconds per run, default 60).\n"
	"exit status: 0 every run met its expectations, 1 a run failed or could not be set up,\n"
	"2 bad input or usage (nothing ran), or no scenario matched.\n";

static struct soc_preset presets[MAX_PRESETS];
static unsigned int npresets;

static int load_presets(const char *cmd)
{
	struct soc_error err;

	if (soc_preset_load_dir(socs_dir(), presets, MAX_PRESETS, &npresets, &err) != SOC_PRESET_OK) {
		fprintf(stderr, "pamusim %s: %s\n", cmd, err.msg);
		return 2;
	}
	return 0;
}

/* ------------------------------------------------------------------ scenario files */

static char *files[MAX_FILES];
static unsigned int nfiles;

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool ends_with(const char *s, const char *suf)
{
	size_t a = strlen(s), b = strlen(suf);

	return a >= b && !strcmp(s + a - b, suf);
}

static int collect(const char *path, int depth)
{
	struct stat st;
	DIR *d;
	struct dirent *e;
	unsigned int first = nfiles;

	if (stat(path, &st)) {
		fprintf(stderr, "pamusim: %s: %s\n", path, strerror(errno));
		return 2;
	}
	if (!S_ISDIR(st.st_mode)) {
		if (nfiles >= MAX_FILES) {
			fprintf(stderr, "pamusim: more than %u scenario files\n", MAX_FILES);
			return 2;
		}
		files[nfiles++] = strdup(path);
		return 0;
	}
	if (depth > 8)
		return 0;
	d = opendir(path);
	if (!d) {
		fprintf(stderr, "pamusim: %s: %s\n", path, strerror(errno));
		return 2;
	}
	while ((e = readdir(d))) {
		char sub[4096];

		if (e->d_name[0] == '.')
			continue;
		snprintf(sub, sizeof(sub), "%s/%s", path, e->d_name);
		if (stat(sub, &st))
			continue;
		if (S_ISDIR(st.st_mode)) {
			if (collect(sub, depth + 1)) {
				closedir(d);
				return 2;
			}
		} else if (ends_with(e->d_name, ".yaml") || ends_with(e->d_name, ".yml")) {
			if (nfiles >= MAX_FILES) {
				closedir(d);
				fprintf(stderr, "pamusim: more than %u scenario files\n", MAX_FILES);
				return 2;
			}
			files[nfiles++] = strdup(sub);
		}
	}
	closedir(d);
	qsort(files + first, nfiles - first, sizeof(files[0]), cmp_str);
	return 0;
}

/* ------------------------------------------------------------------ run */

/* What a run's child shares with the supervisor while it runs, so that a run the watchdog or a signal
 * ends keeps the findings it had raised and names the step it was in. */
struct job_shared {
	volatile int progress;
	struct hx_result r;
};

struct job {
	const struct hx_scenario *sc;
	struct hx_target t;
	struct hx_result r;
	bool skipped;
	pid_t pid;
	FILE *res;			/* result record from the child */
	FILE *trace;			/* the child's trace */
	struct timespec start;
	struct job_shared *sh;		/* shared with the child: the step it runs and its result so far */
	bool ended;			/* the watchdog or a signal ended the run: r holds what it raised before */
};

struct run_opts {
	const char *soc, *dtb, *preset, *rev, *kernel, *json, *junit, *trace;
	bool has_seed, brk;
	uint64_t seed;
	unsigned int jobs;
	bool timed, stats;		/* --timed, --stats (docs/timing.md) */
};

static bool names_has(char (*names)[32], unsigned int n, const char *name)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (!strcmp(names[i], name))
			return true;
	return false;
}

/* Is k in the NULL-terminated list? */
static bool in_list(const char *const *list, const char *k)
{
	unsigned int i;

	for (i = 0; list[i]; i++)
		if (!strcmp(list[i], k))
			return true;
	return false;
}

static bool kernel_unbuilt_name(const char *k)
{
	return in_list(kernel_unbuilt, k);
}

static bool kernel_known(const char *k)
{
	return in_list(kernel_names, k) || kernel_unbuilt_name(k);
}

#ifdef PAMUSIM_LSAN_CHECK
#include <sanitizer/lsan_interface.h>
#endif
#ifdef PAMUSIM_GCOV_DUMP
void __gcov_dump(void);	/* libgcov (the kernel variant writes its own: kernel-stubs/ks_gcov.c) */
#endif

struct dtb_cache {
	char name[SOC_NAME_LEN];
	void *buf;
	size_t len;
	char path[4096];
};

static struct dtb_cache dtbs[MAX_PRESETS];

static int preset_dtb(int pi, const char *dtb_file, struct hx_target *t)
{
	struct dtb_cache *c = &dtbs[pi];

	if (!c->buf) {
		if (dtb_file)
			snprintf(c->path, sizeof(c->path), "%s", dtb_file);
		else
			snprintf(c->path, sizeof(c->path), "%s/%s.dtb", dtb_dir(), presets[pi].board);
		c->buf = sim_file_read(c->path, SIM_FILE_MAX, &c->len);
		if (!c->buf) {
			fprintf(stderr, "pamusim run: %s: cannot read the board DTB of %s (%s); build the dtbs target or "
				"set PAMUSIM_DTB_DIR\n", c->path, presets[pi].name, strerror(errno ? errno : EIO));
			return 2;
		}
	}
	t->preset = &presets[pi];
	t->dtb = c->buf;
	t->dtb_size = c->len;
	t->dtb_name = c->path;
	return 0;
}

/* Test hooks of the process supervisor (tests/harness, tests/coverage): the named scenario's run crashes,
 * hangs or leaks. */
void *volatile selftest_lost;

static void selftest_hooks(const struct hx_scenario *sc)
{
	const char *crash = getenv("PAMUSIM_SELFTEST_CRASH"), *hang = getenv("PAMUSIM_SELFTEST_HANG");
	const char *leak = getenv("PAMUSIM_SELFTEST_LEAK");

	if (crash && !strcmp(crash, sc->name))
		raise(SIGSEGV);
	if (hang && !strcmp(hang, sc->name))
		for (;;)
			pause();
	if (leak && !strcmp(leak, sc->name)) {
		selftest_lost = malloc(64);	/* dropped on purpose: LeakSanitizer must see it (tests/coverage) */
		selftest_lost = NULL;
	}
}

/* A run process leaves with _exit (no atexit handlers of the parent's state): what a sanitizer or gcov
 * would do at exit is done here. LeakSanitizer's leaks become a leak finding of the run (docs/coverage.md);
 * gcov's counters are written, so coverage builds see the scenarios' code. */
static void child_checks(struct job *j, struct hx_result *r)
{
#ifdef PAMUSIM_LSAN_CHECK
	if (__lsan_do_recoverable_leak_check()) {
		hx_result_add(r, "leak", 0, "", -1, false, 0, 0,
			      "LeakSanitizer: this run leaked host memory (its report is on stderr)");
		if (r->status == HX_PASS)	/* a failed run was judged already and stays failed */
			hx_result_judge(j->sc, r);
	}
#endif
#ifdef PAMUSIM_GCOV_DUMP
	__gcov_dump();
#endif
	(void)j;
	(void)r;
}

static void child_run(struct job *j, const struct run_opts *ro)
{
	struct hx_run_opts o = { .has_seed = ro->has_seed, .seed = ro->seed, .trace = j->trace,
				 .break_on_finding = ro->brk, .progress = j->sh ? &j->sh->progress : NULL };
	struct hx_result *r = j->sh && !ro->brk ? &j->sh->r : &j->r;

	if (!ro->brk)
		selftest_hooks(j->sc);

	hx_run(j->sc, &j->t, &o, r);
	if (!ro->brk)	/* in a run process, which ends with _exit; o is still alive here */
		child_checks(j, r);
	if (r != &j->r)
		j->r = *r;
}

static int start_job(struct job *j, const struct run_opts *ro)
{
	fflush(NULL);
	j->res = tmpfile();
	if (!j->res || (ro->trace && !(j->trace = tmpfile()))) {
		fprintf(stderr, "pamusim run: cannot create a temporary file: %s\n", strerror(errno));
		return -1;
	}
	if (!j->sh) {
		void *pg = mmap(NULL, sizeof(*j->sh), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);

		j->sh = pg == MAP_FAILED ? NULL : pg;
	}
	if (j->sh) {
		j->sh->progress = 0;
		memset(&j->sh->r, 0, sizeof(j->sh->r));
	}
	clock_gettime(CLOCK_MONOTONIC, &j->start);
	j->pid = fork();
	if (j->pid < 0) {
		fprintf(stderr, "pamusim run: fork: %s\n", strerror(errno));
		return -1;
	}
	if (j->pid == 0) {
		child_run(j, ro);
		if (j->trace)
			fflush(j->trace);
		if (fwrite(&j->r, sizeof(j->r), 1, j->res) != 1 || fflush(j->res))
			_exit(3);
		_exit(0);
	}
	return 0;
}

static void prefill(struct job *j, const struct run_opts *ro)
{
	memset(&j->r, 0, sizeof(j->r));
	snprintf(j->r.name, sizeof(j->r.name), "%s", j->sc->name);
	snprintf(j->r.file, sizeof(j->r.file), "%s", j->sc->file);
	snprintf(j->r.soc, sizeof(j->r.soc), "%s", j->t.preset->name);
	snprintf(j->r.kernel, sizeof(j->r.kernel), "%s", j->t.kernel);
	snprintf(j->r.clause, sizeof(j->r.clause), "%s", j->sc->clause);
	j->r.contract_negative = j->sc->contract_negative;
	j->r.seed = ro->has_seed ? ro->seed : j->sc->seed;
}

/* A run the watchdog ended: a hang at the step it was in; a conformance step (vfio with clause:) that
 * never returns also breaks its clause (docs/windowed-iommu-contract.md). */
static void add_hang(struct job *j, unsigned int wd)
{
	int step = j->sh ? j->sh->progress : 0;
	const struct hx_step *st = step > 0 && (unsigned int)step <= j->sc->nsteps ? &j->sc->steps[step - 1] : NULL;

	if (st)
		hx_result_add(&j->r, "hang", step, "", -1, false, 0, 0,
			      "the run exceeded the host watchdog (%u s) in step %d (line %u) and was ended", wd, step,
			      st->line);
	else
		hx_result_add(&j->r, "hang", 0, "", -1, false, 0, 0,
			      "the run exceeded the host watchdog (%u s) and was ended", wd);
	if (st && st->vfio && st->vfio->clause[0])
		hx_result_add(&j->r, "contract-violation", step, "", -1, false, 0, 0,
			      "clause %s: expected the call to return, got no return within %u s (trace step %d)",
			      st->vfio->clause, wd, step);
}

/* The findings a run raised before it was ended (the child's result so far; the run's own record never
 * came back), kept in front of the supervisor's hang or crash finding. */
static void keep_partial(struct job *j)
{
	const struct hx_result *p = j->sh ? &j->sh->r : NULL;
	unsigned int i;

	if (!p || strcmp(p->name, j->r.name))
		return;
	for (i = 0; i < p->nfindings && i < HX_MAX_FINDINGS; i++)
		j->r.findings[j->r.nfindings++] = p->findings[i];
	j->r.findings_total = p->findings_total > j->r.nfindings ? p->findings_total : j->r.nfindings;
	for (i = 0; i < p->nunmet && i < HX_MAX_UNMET; i++)
		snprintf(j->r.unmet[j->r.nunmet++], sizeof(j->r.unmet[0]), "%s", p->unmet[i]);
	j->r.counters = p->counters;
	snprintf(j->r.kernel_version, sizeof(j->r.kernel_version), "%s", p->kernel_version);
	/* the VFIO maps made so far: what `pamusim audit` judges */
	j->r.nvfio_maps = p->nvfio_maps < HX_MAX_VFIO_MAPS ? p->nvfio_maps : HX_MAX_VFIO_MAPS;
	memcpy(j->r.vfio_maps, p->vfio_maps, sizeof(j->r.vfio_maps));
	j->r.nvfio_containers = p->nvfio_containers < 8 ? p->nvfio_containers : 8;
	memcpy(j->r.vfio_containers, p->vfio_containers, sizeof(j->r.vfio_containers));
}

static void finish_job(struct job *j, int status, bool timed_out, const struct run_opts *ro, unsigned int wd)
{
	struct timespec now;
	bool got = false;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (!timed_out && WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		rewind(j->res);
		got = fread(&j->r, sizeof(j->r), 1, j->res) == 1;
	}
	if (!got) {
		j->ended = true;
		prefill(j, ro);
		keep_partial(j);
		if (timed_out)
			add_hang(j, wd);
		else if (WIFSIGNALED(status))
			hx_result_add(&j->r, "driver-crash", 0, "", -1, false, 0, 0,
				      "the run was killed by signal %d (%s); the crash was contained to this run",
				      WTERMSIG(status), strsignal(WTERMSIG(status)));
		else
			hx_result_add(&j->r, "driver-crash", 0, "", -1, false, 0, 0,
				      "the run process ended with status %d before reporting", WEXITSTATUS(status));
		/* judged like any run: a hang or crash fails it unless it is known (a backend's known breach of a
		 * contract clause) or the scenario expects it */
		j->r.status = HX_FAIL;
		hx_result_judge(j->sc, &j->r);
		j->r.wall_ms = (double)(now.tv_sec - j->start.tv_sec) * 1e3 +
			       (double)(now.tv_nsec - j->start.tv_nsec) / 1e6;
	}
	fclose(j->res);
	j->res = NULL;
	j->pid = 0;
}

/* The host watchdog of a run: PAMUSIM_WATCHDOG when set, else the scenario's watchdog:, else 60 s. */
static unsigned int job_wd(const struct job *j, unsigned int wd, bool env_wd)
{
	return !env_wd && j->sc->watchdog_s ? j->sc->watchdog_s : wd;
}

static int run_jobs(struct job *jobs, unsigned int n, const struct run_opts *ro)
{
	unsigned int next = 0, running = 0, i, wd = DEFAULT_WATCHDOG_S;
	const char *w = getenv("PAMUSIM_WATCHDOG");

	bool env_wd = w && atoi(w) > 0;

	if (env_wd)
		wd = (unsigned int)atoi(w);
	if (ro->brk) {
		for (i = 0; i < n; i++) {
			if (jobs[i].skipped)
				continue;
			if (ro->trace && !(jobs[i].trace = tmpfile()))
				return -1;
			child_run(&jobs[i], ro);
		}
		return 0;
	}
	for (;;) {
		while (running < ro->jobs && next < n) {
			if (jobs[next].skipped) {
				next++;
				continue;
			}
			if (start_job(&jobs[next], ro))
				return -1;
			next++;
			running++;
		}
		if (!running)
			break;
		for (i = 0; i < n; i++) {
			struct timespec now;
			int status = 0;
			pid_t p;

			if (!jobs[i].pid)
				continue;
			p = waitpid(jobs[i].pid, &status, WNOHANG);
			if (p == jobs[i].pid) {
				finish_job(&jobs[i], status, false, ro, wd);
				running--;
				continue;
			}
			clock_gettime(CLOCK_MONOTONIC, &now);
			if (now.tv_sec - jobs[i].start.tv_sec >= (time_t)job_wd(&jobs[i], wd, env_wd)) {
				kill(jobs[i].pid, SIGKILL);
				waitpid(jobs[i].pid, &status, 0);
				finish_job(&jobs[i], status, true, ro, job_wd(&jobs[i], wd, env_wd));
				running--;
			}
		}
		poll(NULL, 0, 2);
	}
	return 0;
}

/* What cmd_run allocates, released at exit on every path (atexit, so ASan sees no leak). */
static struct job *g_jobs;
static unsigned int g_njobs;
static struct hx_scenario *g_scs;

static void release_all(void)
{
	unsigned int i;

	if (g_scs)
		for (i = 0; i < nfiles; i++)
			hx_scenario_free(&g_scs[i]);
	free(g_scs);
	for (i = 0; g_jobs && i < g_njobs; i++)
		if (g_jobs[i].sh)
			munmap(g_jobs[i].sh, sizeof(*g_jobs[i].sh));
	free(g_jobs);
	g_njobs = 0;
	for (i = 0; i < nfiles; i++)
		free(files[i]);
	for (i = 0; i < MAX_PRESETS; i++)
		free(dtbs[i].buf);
	g_scs = NULL;
	g_jobs = NULL;
	nfiles = 0;
}

static int parse_u64_arg(const char *s, uint64_t *v)
{
	return hx_yparse_u64(s, v) ? 0 : -1;
}

static int cmd_run(int argc, char **argv)
{
	struct run_opts ro = { .jobs = 1 };
	struct hx_scenario *scs;
	struct job *jobs = NULL;
	unsigned int njobs = 0, cap = 0, i, s, k, unbuilt_skips = 0;
	int pi_fixed = -1, rc, rev_fixed = -1, argi;
	struct hx_summary sum;

	for (argi = 0; argi < argc; argi++) {
		const char *a = argv[argi];
		const char **slot = NULL;

		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			fputs(run_usage, stdout);
			return 0;
		}
		if (!strcmp(a, "--break-on-finding")) {
			ro.brk = true;
			continue;
		}
		if (!strcmp(a, "--timed") || !strcmp(a, "--stats")) {
			*(a[2] == 't' ? &ro.timed : &ro.stats) = true;
			continue;
		}
		if (!strcmp(a, "--soc"))
			slot = &ro.soc;
		else if (!strcmp(a, "--dtb"))
			slot = &ro.dtb;
		else if (!strcmp(a, "--preset"))
			slot = &ro.preset;
		else if (!strcmp(a, "--rev"))
			slot = &ro.rev;
		else if (!strcmp(a, "--kernel"))
			slot = &ro.kernel;
		else if (!strcmp(a, "--json"))
			slot = &ro.json;
		else if (!strcmp(a, "--junit"))
			slot = &ro.junit;
		else if (!strcmp(a, "--trace"))
			slot = &ro.trace;
		if (!strncmp(a, "-j", 2) && a[2]) {	/* -jN, as make takes it */
			uint64_t j;

			if (parse_u64_arg(a + 2, &j) || j == 0 || j > 64) {
				fprintf(stderr, "pamusim run: -j: expected 1..64, found \"%s\"\n", a + 2);
				return 2;
			}
			ro.jobs = (unsigned int)j;
			continue;
		}
		if (slot || !strcmp(a, "--seed") || !strcmp(a, "-j")) {
			if (argi + 1 >= argc) {
				fprintf(stderr, "pamusim run: %s needs a value (pamusim run --help)\n", a);
				return 2;
			}
			if (slot) {
				*slot = argv[++argi];
			} else if (!strcmp(a, "--seed")) {
				if (parse_u64_arg(argv[++argi], &ro.seed)) {
					fprintf(stderr, "pamusim run: --seed: expected an unsigned number, found \"%s\"\n",
						argv[argi]);
					return 2;
				}
				ro.has_seed = true;
			} else {
				uint64_t j;

				if (parse_u64_arg(argv[++argi], &j) || j == 0 || j > 64) {
					fprintf(stderr, "pamusim run: -j: expected 1..64, found \"%s\"\n", argv[argi]);
					return 2;
				}
				ro.jobs = (unsigned int)j;
			}
			continue;
		}
		if (a[0] == '-' && a[1]) {
			fprintf(stderr, "pamusim run: unknown option '%s' (pamusim run --help)\n", a);
			return 2;
		}
		if ((rc = collect(a, 0)))
			return rc;
	}
	if (!nfiles) {
		fprintf(stderr, "pamusim run: no scenario given or found (pamusim run --help)\n");
		return 2;
	}
	if (ro.soc && ro.dtb) {
		fprintf(stderr, "pamusim run: --soc and --dtb exclude each other\n");
		return 2;
	}
	if (ro.preset && !ro.dtb) {
		fprintf(stderr, "pamusim run: --preset goes with --dtb (use --soc NAME alone otherwise)\n");
		return 2;
	}
	if (ro.kernel && !kernel_known(ro.kernel)) {
		char names[256] = "";
		size_t o = 0;
		unsigned int k;

		for (k = 0; kernel_names[k] && o < sizeof(names); k++)
			o += (size_t)snprintf(names + o, sizeof(names) - o, "%s%s", k ? ", " : "", kernel_names[k]);
		fprintf(stderr, "pamusim run: --kernel: expected one of %s (pamusim list kernels), found \"%s\"\n",
			names, ro.kernel);
		return 2;
	}
	if ((rc = load_presets("run")))
		return rc;
	if (ro.soc || ro.preset) {
		const char *nm = ro.soc ? ro.soc : ro.preset;

		pi_fixed = soc_preset_find(presets, npresets, nm);
		if (pi_fixed < 0) {
			fprintf(stderr, "pamusim run: %s: expected a preset of pamusim list socs, found \"%s\"\n",
				ro.soc ? "--soc" : "--preset", nm);
			return 2;
		}
	}
	if (ro.dtb) {
		size_t len;
		void *buf = sim_file_read(ro.dtb, SIM_FILE_MAX, &len);
		struct soc_error err;

		if (!buf) {
			fprintf(stderr, "pamusim run: %s: cannot read: %s\n", ro.dtb, strerror(errno ? errno : EIO));
			return 2;
		}
		if (pi_fixed < 0) {
			pi_fixed = soc_preset_match_fdt(presets, npresets, buf, len, ro.dtb, &err);
			if (pi_fixed < 0) {
				/* a bad blob's message already names the file (file: /node: property: ...) */
				if (pi_fixed == SOC_PRESET_BAD_FDT)
					fprintf(stderr, "pamusim run: %s\n", err.msg);
				else
					fprintf(stderr, "pamusim run: %s: %s\n", ro.dtb, err.msg);
				free(buf);
				return 2;
			}
		}
		dtbs[pi_fixed].buf = buf;
		dtbs[pi_fixed].len = len;
		snprintf(dtbs[pi_fixed].path, sizeof(dtbs[pi_fixed].path), "%s", ro.dtb);
	}
	if (ro.rev) {
		if (pi_fixed < 0) {
			fprintf(stderr, "pamusim run: --rev goes with --soc or --dtb\n");
			return 2;
		}
		rev_fixed = soc_preset_find_rev(&presets[pi_fixed], ro.rev);
		if (rev_fixed < 0) {
			fprintf(stderr, "pamusim run: --rev: expected a revision of %s, found \"%s\"\n",
				presets[pi_fixed].name, ro.rev);
			return 2;
		}
	}
	scs = g_scs = calloc(nfiles, sizeof(*scs));
	if (!scs)
		return 2;
	for (i = 0; i < nfiles; i++) {
		struct hx_error err;

		if (!hx_scenario_load(files[i], &scs[i], &err)) {
			fprintf(stderr, "%s\n", err.msg);
			return 2;
		}
	}
	/* The runs: each scenario on each combination it names, or the one the options name. */
	for (s = 0; s < nfiles; s++) {
		struct hx_scenario *sc = &scs[s];
		unsigned int ns = sc->socs_any ? 1 : sc->nsocs, nk = sc->kernels_any ? 1 : sc->nkernels;

		for (i = 0; i < sc->nsocs; i++) {
			if (soc_preset_find(presets, npresets, sc->socs[i]) < 0) {
				fprintf(stderr, "%s: socs: expected SoC presets of pamusim list socs, found \"%s\"\n",
					sc->file, sc->socs[i]);
				return 2;
			}
		}
		for (i = 0; i < sc->nkernels; i++) {
			if (!kernel_known(sc->kernels[i])) {
				fprintf(stderr, "%s: kernels: expected kernel variants of pamusim list kernels, found \"%s\"\n",
					sc->file, sc->kernels[i]);
				return 2;
			}
		}
		if (pi_fixed >= 0)
			ns = 1;
		if (ro.kernel)
			nk = 1;
		for (i = 0; i < ns; i++) {
			for (k = 0; k < nk; k++) {
				struct job *j;
				int pi;

				if (njobs == cap) {
					cap = cap ? cap * 2 : 64;
					j = realloc(jobs, cap * sizeof(*jobs));
					if (!j)
						return 2;
					jobs = g_jobs = j;
				}
				j = &jobs[njobs++];
				g_njobs = njobs;
				memset(j, 0, sizeof(*j));
				j->sc = sc;
				pi = pi_fixed >= 0 ? pi_fixed :
				     soc_preset_find(presets, npresets, sc->socs_any ? HX_DEFAULT_SOC : sc->socs[i]);
				if (pi < 0) {
					fprintf(stderr, "pamusim run: the default SoC preset %s is missing from %s\n",
						HX_DEFAULT_SOC, socs_dir());
					return 2;
				}
				j->t.kernel = ro.kernel ? ro.kernel : sc->kernels_any ? HX_DEFAULT_KERNEL : sc->kernels[k];
				j->t.rev = rev_fixed >= 0 ? (unsigned int)rev_fixed : presets[pi].default_rev;
				j->t.timed = ro.timed;
				if ((rc = preset_dtb(pi, pi == pi_fixed ? ro.dtb : NULL, &j->t)))
					return rc;
				if ((pi_fixed >= 0 && !sc->socs_any && !names_has(sc->socs, sc->nsocs, presets[pi].name)) ||
				    (ro.kernel && !sc->kernels_any && !names_has(sc->kernels, sc->nkernels, ro.kernel))) {
					j->skipped = true;
					prefill(j, &ro);
					j->r.status = HX_SKIPPED;
					snprintf(j->r.error, sizeof(j->r.error), "the scenario is not for %s / %s",
						 presets[pi].name, j->t.kernel);
				} else if (kernel_unbuilt_name(j->t.kernel)) {
					j->skipped = true;
					unbuilt_skips++;
					prefill(j, &ro);
					j->r.status = HX_SKIPPED;
					snprintf(j->r.error, sizeof(j->r.error), "kernel variant %s is not built: %.240s",
						 j->t.kernel, HX_KERNEL_UNBUILT_WHY);
				}
			}
		}
	}
	/* Every device, block and register on every target, before anything runs. */
	for (i = 0; i < njobs; i++) {
		struct hx_error err;

		if (jobs[i].skipped)
			continue;
		if (!hx_run_check(jobs[i].sc, &jobs[i].t, &err)) {
			fprintf(stderr, "%s\n", err.msg);
			return 2;
		}
	}
	for (i = 0; i < njobs && jobs[i].skipped; i++)
		;
	if (i == njobs && unbuilt_skips) {
		/* nothing to run because a variant is not built here: skipped, say why (not a usage error) */
		for (i = 0; i < njobs; i++)
			printf("%s[%s,%s] skipped: %s\n", jobs[i].r.name, jobs[i].r.soc, jobs[i].t.kernel, jobs[i].r.error);
		return 0;
	}
	if (i == njobs) {
		hx_report_text(stdout, jobs ? &jobs[0].r : NULL, 0);
		fprintf(stderr, "pamusim run: no scenario matched the SoC / kernel asked for (all %u skipped)\n", njobs);
		return 2;
	}
	if (run_jobs(jobs, njobs, &ro))
		return 2;
	{
		struct hx_result *rs = calloc(njobs, sizeof(*rs));

		if (!rs)
			return 2;
		for (i = 0; i < njobs; i++)
			rs[i] = jobs[i].r;
		hx_report_text(stdout, rs, njobs);
		for (i = 0; ro.stats && i < njobs; i++)
			if (rs[i].status != HX_SKIPPED)
				hx_timing_text(stdout, rs[i].name, rs[i].soc, rs[i].kernel, &rs[i].timing);
		if (ro.trace) {
			FILE *tf = fopen(ro.trace, "w");

			if (!tf) {
				fprintf(stderr, "pamusim run: --trace %s: %s\n", ro.trace, strerror(errno));
				return 2;
			}
			for (i = 0; i < njobs; i++) {
				char buf[8192];
				size_t got;

				if (!jobs[i].trace)
					continue;
				fprintf(tf, "# %s[%s,%s]\n", rs[i].name, rs[i].soc, rs[i].kernel);
				fflush(jobs[i].trace);
				rewind(jobs[i].trace);
				while ((got = fread(buf, 1, sizeof(buf), jobs[i].trace)) > 0)
					fwrite(buf, 1, got, tf);
				fclose(jobs[i].trace);
			}
			fclose(tf);
		}
		if (ro.json) {
			FILE *jf = fopen(ro.json, "w");
			char kernels[512], pres[2048], host[300];
			struct utsname u;
			size_t o = 0;
			int pi;

			if (!jf) {
				fprintf(stderr, "pamusim run: --json %s: %s\n", ro.json, strerror(errno));
				return 2;
			}
			o = (size_t)snprintf(kernels, sizeof(kernels), "{");
			for (i = 0; i < njobs; i++) {
				unsigned int q;
				bool seen = false;

				if (!rs[i].kernel_version[0])
					continue;
				for (q = 0; q < i; q++)
					if (!strcmp(rs[q].kernel, rs[i].kernel) && rs[q].kernel_version[0])
						seen = true;
				if (!seen && o < sizeof(kernels) - 100)
					o += (size_t)snprintf(kernels + o, sizeof(kernels) - o, "%s\"%s\": \"%s\"",
							      o > 1 ? ", " : "", rs[i].kernel, rs[i].kernel_version);
			}
			snprintf(kernels + o, sizeof(kernels) - o, "}");
			o = (size_t)snprintf(pres, sizeof(pres), "{");
			for (pi = 0; pi < (int)npresets && pi < MAX_PRESETS; pi++) {
				bool used = false;

				for (i = 0; i < njobs; i++)
					if (jobs[i].t.preset == &presets[pi] && !jobs[i].skipped)
						used = true;
				if (used && o < sizeof(pres) - 64)
					o += (size_t)snprintf(pres + o, sizeof(pres) - o, "%s\"%s\": \"%s\"", o > 1 ? ", " : "",
							      presets[pi].name,
							      presets[pi].revs[rev_fixed >= 0 ? (unsigned int)rev_fixed :
									       presets[pi].default_rev].name);
			}
			snprintf(pres + o, sizeof(pres) - o, "}");
			if (uname(&u) == 0)
				snprintf(host, sizeof(host), "%s %s %s %s", u.nodename, u.sysname, u.release, u.machine);
			else
				snprintf(host, sizeof(host), "unknown");
			{
				struct hx_provenance p = { PAMUSIM_VERSION, PAMUSIM_GIT_HASH, host, kernels, pres };

				hx_report_json(jf, rs, njobs, &p);
			}
			fclose(jf);
		}
		if (ro.junit) {
			FILE *xf = fopen(ro.junit, "w");

			if (!xf) {
				fprintf(stderr, "pamusim run: --junit %s: %s\n", ro.junit, strerror(errno));
				return 2;
			}
			hx_report_junit(xf, rs, njobs);
			fclose(xf);
		}
		hx_summarize(rs, njobs, &sum);
		free(rs);
	}
	return sum.failed || sum.errors ? 1 : 0;
}

/* ------------------------------------------------------------------ list */

static int list_scenarios(int argc, char **argv)
{
	static struct hx_scenario sc;
	unsigned int i, k;
	int rc;

	if (argc == 0)
		rc = collect(scenarios_dir(), 0);
	else
		for (i = 0, rc = 0; i < (unsigned int)argc && !rc; i++)
			rc = collect(argv[i], 0);
	if (rc)
		return rc;
	for (i = 0; i < nfiles; i++) {
		struct hx_error err;
		char socs[200] = "any", kers[120] = "any";
		size_t o;

		if (!hx_scenario_load(files[i], &sc, &err)) {
			fprintf(stderr, "%s\n", err.msg);
			return 2;
		}
		if (!sc.socs_any)
			for (k = 0, o = 0; k < sc.nsocs && o < sizeof(socs); k++)
				o += (size_t)snprintf(socs + o, sizeof(socs) - o, "%s%s", k ? "," : "", sc.socs[k]);
		if (!sc.kernels_any)
			for (k = 0, o = 0; k < sc.nkernels && o < sizeof(kers); k++)
				o += (size_t)snprintf(kers + o, sizeof(kers) - o, "%s%s", k ? "," : "", sc.kernels[k]);
		printf("%-40s %-5s %-24s %-14s %s\n", sc.name, sc.level == HX_LEVEL_BARE ? "bare" : "linux", socs, kers,
		       files[i]);
		hx_scenario_free(&sc);
	}
	return 0;
}

static const char audit_usage[] =
	"usage: pamusim audit --soc NAME [--rev REV] [--json FILE] [SCENARIO]\n"
	"\n"
	"MSI-bank isolation audit (docs/audit.md). For each MSI bank of the SoC: the MSIIR its MSIs are aimed\n"
	"at, the 4 KiB page an IOMMU maps for it, and which banks' index registers that page reaches. With a\n"
	"SCENARIO (VFIO steps), it is run on the SoC and each container's mapped MSI banks get a verdict:\n"
	"isolated, or not and why (a page reaching banks it did not map, a bank two containers reach, a page\n"
	"holding other MPIC registers).\n"
	"\n"
	"  --soc NAME    SoC preset (pamusim list socs)\n"
	"  --rev REV     SoC revision (default: the preset's)\n"
	"  --kernel NAME with SCENARIO: the kernel variant (default: the scenario's first)\n"
	"  --json FILE   the audit as JSON (docs/audit.md)\n"
	"\n"
	"exit status: 0 everything isolated, 1 not isolated, 2 bad input or usage.\n";

static int audit_scenario(const char *file, const char *kernel, const struct hx_target *t, struct soc *s,
			  struct hx_audit *a);

static int cmd_audit(int argc, char **argv)
{
	const char *soc = NULL, *rev = NULL, *json = NULL, *scenario = NULL, *kernel = NULL;
	struct hx_target t = { 0 };
	struct soc_cfg cfg = { 0 };
	struct soc_error se;
	struct soc *s = NULL;
	struct hx_audit *a;
	int argi, pi, rc;

	for (argi = 0; argi < argc; argi++) {
		const char *o = argv[argi];

		if (!strcmp(o, "--help") || !strcmp(o, "-h")) {
			fputs(audit_usage, stdout);
			return 0;
		}
		if (!strcmp(o, "--soc") || !strcmp(o, "--rev") || !strcmp(o, "--json") || !strcmp(o, "--kernel")) {
			if (argi + 1 >= argc) {
				fprintf(stderr, "pamusim audit: %s needs a value (pamusim audit --help)\n", o);
				return 2;
			}
			*(!strcmp(o, "--soc") ? &soc : !strcmp(o, "--rev") ? &rev : !strcmp(o, "--json") ? &json :
			  &kernel) = argv[++argi];
			continue;
		}
		if (o[0] == '-' && o[1]) {
			fprintf(stderr, "pamusim audit: unknown option '%s' (pamusim audit --help)\n", o);
			return 2;
		}
		if (scenario) {
			fprintf(stderr, "pamusim audit: one scenario at most, found \"%s\" and \"%s\"\n", scenario, o);
			return 2;
		}
		scenario = o;
	}
	if (!soc) {
		fprintf(stderr, "pamusim audit: --soc NAME is required (pamusim list socs)\n");
		return 2;
	}
	if (kernel && !scenario) {
		fprintf(stderr, "pamusim audit: --kernel goes with a SCENARIO\n");
		return 2;
	}
	if (kernel && !kernel_known(kernel)) {
		fprintf(stderr, "pamusim audit: --kernel: expected a variant of pamusim list kernels, found \"%s\"\n",
			kernel);
		return 2;
	}
	if ((rc = load_presets("audit")))
		return rc;
	pi = soc_preset_find(presets, npresets, soc);
	if (pi < 0) {
		fprintf(stderr, "pamusim audit: --soc: expected a preset of pamusim list socs, found \"%s\"\n", soc);
		return 2;
	}
	t.rev = presets[pi].default_rev;
	if (rev) {
		int r = soc_preset_find_rev(&presets[pi], rev);

		if (r < 0) {
			fprintf(stderr, "pamusim audit: --rev: expected a revision of %s, found \"%s\"\n",
				presets[pi].name, rev);
			return 2;
		}
		t.rev = (unsigned int)r;
	}
	if ((rc = preset_dtb(pi, NULL, &t)))
		return rc;
	cfg.preset = t.preset;
	cfg.rev = t.rev;
	cfg.dtb = t.dtb;
	cfg.dtb_size = t.dtb_size;
	cfg.dtb_name = t.dtb_name;
	if (soc_create(&cfg, &s, &se) != SOC_OK) {
		fprintf(stderr, "pamusim audit: %s\n", se.msg);
		return 2;
	}
	a = calloc(1, sizeof(*a));
	if (!a) {
		soc_destroy(s);
		return 2;
	}
	hx_audit_soc(s, presets[pi].name, a);
	rc = scenario ? audit_scenario(scenario, kernel, &t, s, a) : 0;
	if (rc != 2) {
		hx_audit_judge(a);
		hx_audit_print(stdout, a);
		if (json) {
			FILE *f = fopen(json, "w");

			if (!f) {
				fprintf(stderr, "pamusim audit: %s: cannot write: %s\n", json, strerror(errno));
				rc = 2;
			} else {
				hx_audit_json(f, a);
				fclose(f);
			}
		}
		if (rc != 2)
			rc = a->isolated ? 0 : 1;
	}
	free(a);
	soc_destroy(s);
	return rc;
}

static int cmd_list(int argc, char **argv)
{
	if (argc < 1 || !strcmp(argv[0], "--help") || !strcmp(argv[0], "-h")) {
		printf("usage: pamusim list socs|kernels|scenarios [DIR...]\n"
		       "  socs       SoC presets of $PAMUSIM_SOCS_DIR (default the source tree's socs/)\n"
		       "  kernels    kernel variant names scenarios and --kernel may use\n"
		       "  scenarios  every scenario below DIR (default the source tree's scenarios/)\n");
		return argc < 1 ? 2 : 0;
	}
	if (!strcmp(argv[0], "socs")) {
		unsigned int i;
		int rc = load_presets("list socs");

		if (rc)
			return rc;
		for (i = 0; i < npresets; i++) {
			const struct soc_preset *p = &presets[i];

			printf("%-10s %-9s rev %-4s %s\n", p->name, p->board, p->revs[p->default_rev].name,
			       p->description);
		}
		return 0;
	}
	if (!strcmp(argv[0], "kernels")) {
		unsigned int i;

		for (i = 0; kernel_names[i]; i++) {
			char path[512];

			if (hx_kernel_path(kernel_names[i], path, sizeof(path)))
				printf("%-10s %s\n", kernel_names[i], path);
			else
				printf("%-10s not built (linux-level runs are errors; bare-level runs only name it)\n",
				       kernel_names[i]);
		}
		for (i = 0; kernel_unbuilt[i]; i++)
			printf("%-10s not built: %s (its runs are skipped)\n", kernel_unbuilt[i], HX_KERNEL_UNBUILT_WHY);
		return 0;
	}
	if (!strcmp(argv[0], "scenarios"))
		return list_scenarios(argc - 1, argv + 1);
	fprintf(stderr, "pamusim list: unknown list '%s': expected socs, kernels or scenarios\n", argv[0]);
	return 2;
}

/* Run the scenario on the audited SoC as `pamusim run` runs it (a child under the watchdog: a driver crash
 * or hang cannot take the audit with it) and feed every MSI-bank map its containers made, and every
 * container it opened, to the audit. */
static int audit_scenario(const char *file, const char *kernel, const struct hx_target *t, struct soc *s,
			  struct hx_audit *a)
{
	struct run_opts ro = { .jobs = 1 };
	struct hx_scenario sc;
	struct hx_error err;
	const struct hx_result *r;
	struct job *j;
	unsigned int i;
	int rc = 0;

	if (!hx_scenario_load(file, &sc, &err)) {
		fprintf(stderr, "%s\n", err.msg);
		return 2;
	}
	j = calloc(1, sizeof(*j));
	if (!j) {
		hx_scenario_free(&sc);
		return 2;
	}
	j->sc = &sc;
	j->t = *t;
	j->t.kernel = kernel ? kernel : sc.kernels_any || !sc.nkernels ? HX_DEFAULT_KERNEL : sc.kernels[0];
	if (!sc.socs_any && !names_has(sc.socs, sc.nsocs, t->preset->name)) {
		fprintf(stderr, "pamusim audit: %s: the scenario is not for SoC %s (its socs: list)\n", file,
			t->preset->name);
		rc = 2;
	} else if (!kernel_known(j->t.kernel)) {
		fprintf(stderr, "pamusim audit: %s: kernel %s is not a variant of this build (pamusim list kernels)\n",
			file, j->t.kernel);
		rc = 2;
	} else if (!hx_run_check(&sc, &j->t, &err)) {
		fprintf(stderr, "%s\n", err.msg);
		rc = 2;
	} else if (run_jobs(j, 1, &ro)) {
		rc = 2;
	}
	r = &j->r;
	if (!rc && j->ended) {
		/* the supervisor's last word on it: the hang or the crash */
		for (i = 0; i < r->nfindings; i++)
			if (!strcmp(r->findings[i].kind, "hang") || !strcmp(r->findings[i].kind, "driver-crash"))
				snprintf(a->incomplete, sizeof(a->incomplete), "%s: %s", r->findings[i].kind,
					 r->findings[i].message);
		if (!a->incomplete[0])
			snprintf(a->incomplete, sizeof(a->incomplete), "the run ended without its result");
	} else if (!rc && (r->status == HX_ERROR || r->status == HX_SKIPPED)) {
		fprintf(stderr, "pamusim audit: %s on %s/%s: %s: %s\n", file, t->preset->name, j->t.kernel,
			hx_status_name(r->status), r->error);
		rc = 2;
	} else if (!rc && r->status == HX_FAIL) {
		printf("pamusim audit: note: the scenario's run failed its own expectations (pamusim run shows why)\n");
	}
	if (rc != 2) {
		snprintf(a->scenario, sizeof(a->scenario), "%s", sc.name);
		a->has_scenario = true;
		for (i = 0; i < r->nvfio_containers && i < 8; i++)
			hx_audit_add_container(a, r->vfio_containers[i]);
		for (i = 0; i < r->nvfio_maps && i < HX_MAX_VFIO_MAPS; i++)
			if (hx_audit_add_map(a, s, r->vfio_maps[i].container, r->vfio_maps[i].bank,
					     r->vfio_maps[i].page) < 0)
				printf("pamusim audit: container %s mapped bank %u at page 0x%llx: outside the MPIC's "
				       "MSI banks, not audited\n", r->vfio_maps[i].container, r->vfio_maps[i].bank,
				       (unsigned long long)r->vfio_maps[i].page);
	}
	if (j->sh)
		munmap(j->sh, sizeof(*j->sh));
	free(j);
	hx_scenario_free(&sc);
	return rc;
}

int main(int argc, char **argv)
{
	atexit(release_all);
	if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
		fputs(usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "version")) {
		printf("pamusim %s (git %s)\n", PAMUSIM_VERSION, PAMUSIM_GIT_HASH);
		return 0;
	}
	if (!strcmp(argv[1], "list"))
		return cmd_list(argc - 2, argv + 2);
	if (!strcmp(argv[1], "run"))
		return cmd_run(argc - 2, argv + 2);
	if (!strcmp(argv[1], "coverage"))
		return hx_cmd_coverage(argc - 1, argv + 1);
	if (!strcmp(argv[1], "campaign"))
		return hx_cmd_campaign(argc - 2, argv + 2);
	if (!strcmp(argv[1], "merge"))
		return hx_cmd_merge(argc - 2, argv + 2);
	if (!strcmp(argv[1], "plot"))
		return hx_cmd_plot(argc - 2, argv + 2, PAMUSIM_SCRIPTS_DIR);
	if (!strcmp(argv[1], "audit"))
		return cmd_audit(argc - 2, argv + 2);
	fprintf(stderr, "pamusim: unknown command '%s' (try pamusim --help)\n", argv[1]);
	return 2;
}
