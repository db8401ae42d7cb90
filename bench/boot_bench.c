// SPDX-License-Identifier: BSD-2-Clause
/*
 * boot_bench.c - boot cost of every kernel variant on a few SoCs: wall time per boot against the cost of
 * building the SoC (soc_create) in the same run, and, under callgrind, the instructions per boot against
 * the 10 M target (GitHub issue 6).
 *
 * Sources: kernel-stubs/host/ks_host_soc.h (host side, dlopen of a variant), tests/kernel/ks_scenario.h
 * (SoC from a preset and its board DTB), docs/kernel-stubs.md "Boot cost" (callgrind --toggle-collect=
 * ks_boot: unflatten, populate, initcalls). Each iteration is soc_create + dlopen + boot + shutdown +
 * dlclose + soc_destroy: the drivers' static state is only reset by a fresh load, as the Boot.* tests
 * do (one boot per load); each phase is timed separately, "boot" is ks_api.boot alone. Exit status 0
 * whether the target is met or not (PASS / MISS is printed); 1 only when the bench cannot run.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <dirent.h>

#ifdef BOOT_BENCH_HAVE_CALLGRIND
#include <valgrind/callgrind.h>
#endif

#include "ks_host_soc.h"
#include "pamusim_config.h"
#include "sim_file.h"

#define MAX_VARIANTS 8
#define MAX_SOCS 8
#define MAX_ITERS 50
#define MIN_ITERS 3
#define TIME_PER_COMBO 0.5		/* seconds of iterations per variant x SoC */
#define TARGET_INSNS 10000000ull

struct variant {
	char name[32];
	char lib[512];
};

struct soc_input {
	char name[32];
	struct soc_preset preset;
	void *dtb;
	size_t dtb_size;
	char dtb_path[512];
	bool ok;
};

struct phase_times {
	double create, load, boot, shut;	/* seconds, summed */
	unsigned int n;
	enum ks_status fail;			/* first boot status not KS_OK */
	unsigned int findings;			/* findings of the last boot */
};

static struct variant variants[MAX_VARIANTS];
static unsigned int nvariants;
static struct soc_input socs[MAX_SOCS];
static unsigned int nsocs;

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void parse_variants(void)
{
	char buf[4096];
	char *save = NULL;

	snprintf(buf, sizeof(buf), "%s", BOOT_BENCH_VARIANTS);
	for (char *tok = strtok_r(buf, ",", &save); tok && nvariants < MAX_VARIANTS;
	     tok = strtok_r(NULL, ",", &save)) {
		char *eq = strchr(tok, '=');

		if (!eq)
			continue;
		*eq = '\0';
		snprintf(variants[nvariants].name, sizeof(variants[0].name), "%s", tok);
		snprintf(variants[nvariants].lib, sizeof(variants[0].lib), "%s", eq + 1);
		nvariants++;
	}
}

static void load_socs(void)
{
	char buf[512];
	char *save = NULL;

	snprintf(buf, sizeof(buf), "%s", BOOT_BENCH_SOCS);
	for (char *tok = strtok_r(buf, ",", &save); tok && nsocs < MAX_SOCS; tok = strtok_r(NULL, ",", &save)) {
		struct soc_input *si = &socs[nsocs++];
		struct soc_error err;
		char path[512];

		memset(&err, 0, sizeof(err));
		snprintf(si->name, sizeof(si->name), "%s", tok);
		snprintf(path, sizeof(path), "%s/%s.yaml", PAMUSIM_SOCS_DIR, tok);
		if (soc_preset_load(path, &si->preset, &err) != SOC_PRESET_OK) {
			fprintf(stderr, "boot_bench: %s: %s\n", path, err.msg);
			continue;
		}
		snprintf(path, sizeof(path), "%s/%.*s.dtb", PAMUSIM_DTB_DIR, (int)sizeof(si->preset.board),
			 si->preset.board);
		memcpy(si->dtb_path, path, sizeof(si->dtb_path));
		si->dtb = sim_file_read(si->dtb_path, SIM_FILE_MAX, &si->dtb_size);
		if (!si->dtb) {
			fprintf(stderr, "boot_bench: %s: %s\n", si->dtb_path, strerror(errno));
			continue;
		}
		si->ok = true;
	}
}

static struct soc *make_soc(const struct soc_input *si)
{
	struct soc_cfg cfg;
	struct soc_error err;
	struct soc *s = NULL;

	memset(&cfg, 0, sizeof(cfg));
	memset(&err, 0, sizeof(err));
	cfg.preset = &si->preset;
	cfg.rev = si->preset.default_rev;
	cfg.dtb = si->dtb;
	cfg.dtb_size = si->dtb_size;
	cfg.dtb_name = si->dtb_path;
	if (soc_create(&cfg, &s, &err) != SOC_OK) {
		fprintf(stderr, "boot_bench: soc_create %s: %s\n", si->name, err.msg);
		return NULL;
	}
	return s;
}

/* One iteration: returns false when the bench cannot go on for this pair (setup failure). */
static bool one_boot(const struct variant *v, const struct soc_input *si, struct phase_times *pt, bool dump)
{
	struct ks_host_soc hs;
	const struct ks_api *api;
	enum ks_status st;
	void *handle = NULL;
	char lerr[512];
	struct soc *s;
	double t0, t1, t2, t3, t4;

	t0 = now();
	s = make_soc(si);
	t1 = now();
	if (!s)
		return false;
	if (ks_host_soc_init(&hs, s) != 0) {
		fprintf(stderr, "boot_bench: %s: DRAM cannot hold the kernel arena\n", si->name);
		soc_destroy(s);
		return false;
	}
	hs.log_level = 0;
	api = ks_host_load(v->lib, &handle, lerr, sizeof(lerr));
	t2 = now();
	if (!api) {
		fprintf(stderr, "boot_bench: %s\n", lerr);
		soc_destroy(s);
		return false;
	}
	st = api->boot(&hs.host);
	t3 = now();
#ifdef BOOT_BENCH_HAVE_CALLGRIND
	if (dump) {
		char label[96];

		snprintf(label, sizeof(label), "%.31s %.31s", v->name, si->name);
		CALLGRIND_DUMP_STATS_AT(label);
	}
#else
	(void)dump;
#endif
	if (st != KS_OK && !pt->fail)
		pt->fail = st;
	api->shutdown();
	pt->findings = api->finding_count();
	ks_host_unload(handle);
	soc_destroy(s);
	t4 = now();
	pt->create += t1 - t0;
	pt->load += t2 - t1;
	pt->boot += t3 - t2;
	pt->shut += t4 - t3;
	pt->n++;
	return true;
}

static const char *status_name(enum ks_status st)
{
	switch (st) {
	case KS_OK: return "ok";
	case KS_DEAD: return "DEAD";
	case KS_BAD_HOST: return "BAD_HOST";
	case KS_BAD_FDT: return "BAD_FDT";
	case KS_NO_MEMORY: return "NO_MEMORY";
	case KS_ERROR: return "ERROR";
	}
	return "?";
}

/* Under callgrind (--toggle-collect=ks_boot): one boot per pair, a stats dump after each. */
static int count_mode(void)
{
	for (unsigned int i = 0; i < nvariants; i++)
		for (unsigned int j = 0; j < nsocs; j++) {
			struct phase_times pt;

			memset(&pt, 0, sizeof(pt));
			if (socs[j].ok)
				one_boot(&variants[i], &socs[j], &pt, true);
		}
	return 0;
}

/* The instructions of the dump labelled "<variant> <soc>" in dir (0 if none). */
static unsigned long long dump_insns(const char *dir, const char *label)
{
	char want[160], line[512], path[1024];
	unsigned long long found = 0;
	struct dirent *de;
	DIR *d = opendir(dir);

	if (!d)
		return 0;
	snprintf(want, sizeof(want), "desc: Trigger: Client Request: %s\n", label);
	while (!found && (de = readdir(d))) {
		bool match = false;
		FILE *f;

		if (strncmp(de->d_name, "cg.out", 6))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		f = fopen(path, "r");
		if (!f)
			continue;
		while (fgets(line, sizeof(line), f)) {
			if (!strcmp(line, want))
				match = true;
			else if (match && !strncmp(line, "summary:", 8))
				found = strtoull(line + 8, NULL, 10);
		}
		fclose(f);
	}
	closedir(d);
	return found;
}

static void count_under_callgrind(void)
{
	char self[1024], dir[] = "/tmp/boot_bench.XXXXXX", cmd[4096];
	ssize_t n;
	bool all_pass = true;

	if (system("valgrind --version >/dev/null 2>&1") != 0) {
		printf("\ninstructions per boot: valgrind not installed, not measured\n");
		return;
	}
#ifndef BOOT_BENCH_HAVE_CALLGRIND
	printf("\ninstructions per boot: built without valgrind/callgrind.h, not measured\n");
	return;
#endif
	n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n <= 0 || !mkdtemp(dir)) {
		printf("\ninstructions per boot: cannot locate myself or make a temp dir, not measured\n");
		return;
	}
	self[n] = '\0';
	snprintf(cmd, sizeof(cmd),
		 "valgrind --tool=callgrind --toggle-collect=ks_boot --callgrind-out-file=%s/cg.out "
		 "--log-file=%s/vg.log '%s' --count", dir, dir, self);
	double t0 = now();
	int rc = system(cmd);
	double t1 = now();

	printf("\ninstructions per boot (callgrind --toggle-collect=ks_boot, one boot each, %.1f s; target %.0f M):\n",
	       t1 - t0, TARGET_INSNS / 1e6);
	if (rc != 0)
		printf("  valgrind exited with %d; see %s/vg.log\n", rc, dir);
	printf("  %-8s %-8s %12s  %s\n", "kernel", "soc", "instructions", "target");
	for (unsigned int i = 0; i < nvariants; i++)
		for (unsigned int j = 0; j < nsocs; j++) {
			char label[96];
			unsigned long long insns;

			if (!socs[j].ok)
				continue;
			snprintf(label, sizeof(label), "%.31s %.31s", variants[i].name, socs[j].name);
			insns = dump_insns(dir, label);
			if (!insns) {
				printf("  %-8s %-8s %12s  -\n", variants[i].name, socs[j].name, "no data");
				all_pass = false;
				continue;
			}
			printf("  %-8s %-8s %10.2f M  %s\n", variants[i].name, socs[j].name, insns / 1e6,
			       insns <= TARGET_INSNS ? "PASS" : "MISS");
			if (insns > TARGET_INSNS)
				all_pass = false;
		}
	printf("  overall: %s (boot under %.0f M instructions)\n", all_pass ? "PASS" : "MISS", TARGET_INSNS / 1e6);
	if (rc == 0) {
		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
		if (system(cmd) != 0)
			fprintf(stderr, "boot_bench: could not remove %s\n", dir);
	}
}

int main(int argc, char **argv)
{
	bool count = argc > 1 && !strcmp(argv[1], "--count");
	bool any = false;

	parse_variants();
	load_socs();
	if (!nvariants) {
		printf("boot_bench: no kernel variant built; nothing to measure\n");
		return 0;
	}
	if (count)
		return count_mode();

	printf("boot_bench (%s): per iteration soc_create + dlopen + boot + shutdown/dlclose/soc_destroy,\n"
	       "one boot per load (the drivers' static state is reset only by a fresh dlopen);\n"
	       "times are means over the iterations, after one warm-up iteration\n\n", BOOT_BENCH_BUILD_TYPE);
	printf("%-8s %-8s %5s %11s %9s %9s %9s %13s  %s\n", "kernel", "soc", "iters", "soc_create", "dlopen",
	       "boot", "shut+free", "boot/create", "status");
	for (unsigned int i = 0; i < nvariants; i++)
		for (unsigned int j = 0; j < nsocs; j++) {
			struct phase_times pt, warm;
			double start;

			if (!socs[j].ok)
				continue;
			memset(&warm, 0, sizeof(warm));
			if (!one_boot(&variants[i], &socs[j], &warm, false)) {
				printf("%-8s %-8s setup failed (see above)\n", variants[i].name, socs[j].name);
				continue;
			}
			memset(&pt, 0, sizeof(pt));
			start = now();
			while (pt.n < MAX_ITERS && (pt.n < MIN_ITERS || now() - start < TIME_PER_COMBO))
				if (!one_boot(&variants[i], &socs[j], &pt, false))
					break;
			if (!pt.n)
				continue;
			any = true;
			printf("%-8s %-8s %5u %8.3f ms %6.3f ms %6.3f ms %6.3f ms %11.2f x  %s", variants[i].name,
			       socs[j].name, pt.n, pt.create * 1e3 / pt.n, pt.load * 1e3 / pt.n,
			       pt.boot * 1e3 / pt.n, pt.shut * 1e3 / pt.n, pt.boot / pt.create,
			       status_name(warm.fail ? warm.fail : pt.fail));
			if (pt.findings)
				printf(", %u findings", pt.findings);
			printf("\n");
		}
	if (any)
		printf("\n(boot/create: boot = X ms = Y x soc_create of the same SoC, measured in the same loop)\n");
	count_under_callgrind();
	for (unsigned int j = 0; j < nsocs; j++)
		free(socs[j].dtb);
	return 0;
}
