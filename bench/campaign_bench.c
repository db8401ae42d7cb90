/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * campaign_bench.c - campaign throughput (docs/campaigns.md): runs per second of `pamusim campaign` on 2
 * workers for post-boot injections (MMIO read faults drawn at the steps after boot) on the attach + DMA
 * + MSI scenario, against a bare fork + wait of a trivial child on 2 workers measured in the same run.
 * Target: >= 3,000 runs/s. Prints the figures and the ratio; the pass/fail of the target is printed, not
 * asserted (speed is never a test).
 */
#define _GNU_SOURCE
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define BARE_RUNS 20000u
#define CAMPAIGN_RUNS 6000u
#define TARGET_RUNS_PER_S 3000.0

/* CPU seconds (user + system) of the reaped descendants so far. */
static double children_cpu_s(void)
{
	struct rusage ru;

	getrusage(RUSAGE_CHILDREN, &ru);
	return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 + (double)ru.ru_stime.tv_sec +
	       (double)ru.ru_stime.tv_usec / 1e6;
}

static double now_s(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* 2 workers, each forking and reaping trivial children one at a time; *cpu: CPU seconds per run. */
static double bare_fork_wait(unsigned int n, double *cpu)
{
	double c0 = children_cpu_s();
	double t0;
	pid_t w[2];
	unsigned int i, k;

	fflush(NULL);
	t0 = now_s();
	for (k = 0; k < 2; k++) {
		w[k] = fork();
		if (w[k] == 0) {
			for (i = 0; i < n / 2; i++) {
				pid_t c = fork();

				if (c == 0)
					_exit(0);
				if (c < 0 || waitpid(c, NULL, 0) != c)
					_exit(1);
			}
			_exit(0);
		}
	}
	for (k = 0; k < 2; k++)
		waitpid(w[k], NULL, 0);
	*cpu = (children_cpu_s() - c0) / n;
	return (double)n / (now_s() - t0);
}

static double campaign(unsigned int n, const char *soc, double *cpu)
{
	char runs[32];
	double t0 = now_s(), c0 = children_cpu_s();
	pid_t p;
	int st = 0;

	snprintf(runs, sizeof(runs), "%u", n);
	fflush(NULL);
	p = fork();
	if (p == 0) {
		char *argv[] = { (char *)PAMUSIM_BIN, (char *)"campaign", (char *)SCENARIO, (char *)"--soc", (char *)soc,
				 (char *)"--kernel", (char *)"6.12", (char *)"--inject",
				 (char *)"mmio-read:reg=*,value=*,count=*@*", (char *)"--runs", runs, (char *)"--seed",
				 (char *)"1", (char *)"-j2", (char *)"--out", (char *)"/tmp/pamusim-campaign-bench", NULL };

		if (!freopen("/dev/null", "w", stdout))
			_exit(126);
		execv(argv[0], argv);
		_exit(127);
	}
	waitpid(p, &st, 0);
	if (!WIFEXITED(st) || WEXITSTATUS(st) > 1) {
		fprintf(stderr, "campaign_bench: pamusim campaign failed (status %d)\n", st);
		exit(1);
	}
	*cpu = (children_cpu_s() - c0) / n;
	return (double)n / (now_s() - t0);
}

int main(void)
{
	static const char *const socs[] = { "t4240", "p4080" };
	double bare_cpu, bare = bare_fork_wait(BARE_RUNS, &bare_cpu);
	unsigned int i;
	bool all_met = true;

	printf("campaign_bench (%s build, load average now: see uptime): bare fork+wait of a trivial child, "
	       "2 workers: %.0f runs/s wall, %.1f us CPU per run\n", BUILD_TYPE, bare, bare_cpu * 1e6);
	for (i = 0; i < 2; i++) {
		double cpu, r = campaign(CAMPAIGN_RUNS, socs[i], &cpu);
		double cpu_rate = 2.0 / cpu;	/* 2 workers with a core each */

		printf("  pamusim campaign attach-dma-msi-6x %s/6.12, %u post-boot MMIO-fault runs, -j2: %.0f runs/s wall "
		       "(%.2fx bare fork+wait), %.0f us CPU per run (%.1fx bare) = %.0f runs/s on 2 idle cores; "
		       "target %.0f: wall %s, CPU-bound %s\n", socs[i], CAMPAIGN_RUNS, r, r / bare, cpu * 1e6,
		       cpu / bare_cpu, cpu_rate, TARGET_RUNS_PER_S, r >= TARGET_RUNS_PER_S ? "met" : "NOT met",
		       cpu_rate >= TARGET_RUNS_PER_S ? "met" : "NOT met");
		all_met = all_met && r >= TARGET_RUNS_PER_S;
	}
	printf("  (campaign figures include its run without injection and the fork server's own run; the wall\n"
	       "  figure depends on the machine's load, the CPU figure on the work per run)\n");
	printf("campaign_bench: wall-clock target %s\n", all_met ? "met" : "NOT met");
	return 0;
}
