/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * hx_campaign.h - campaigns: many runs of one scenario, each with one injection (fail-nth or hardware
 * faults), from a fork server, with crash containment, findings deduplicated by signature, reproducers,
 * shrinking, shards and their merge. Contracts and choices: docs/campaigns.md.
 */
#ifndef HX_CAMPAIGN_H
#define HX_CAMPAIGN_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "hx_inject.h"
#include "hx_run.h"

#ifdef __cplusplus
extern "C" {
#endif

#define HX_C_FIND 10
#define HX_C_SITES 512
#define HX_C_ACC 1024
#define HX_C_TARGETS 16

struct hx_csite {
	char what[32];
	char file[64];
	char func[48];
	int line;
};

struct hx_cfind {
	char kind[24];
	struct hx_csite at;		/* where the finding was raised (a symbolized line for a crash) */
	bool known;
	char msg[160];
};

enum hx_crun_state { HX_CR_NONE, HX_CR_DONE, HX_CR_CRASH, HX_CR_TIMEOUT, HX_CR_ERROR };

/* One run of a campaign (in memory shared with the workers). */
struct hx_crun {
	uint32_t target, index;		/* index: 0-based within the target */
	uint32_t fork_step;		/* the step the fork server forks at (1 = before boot) */
	char spec[HX_INJ_SPEC_LEN];
	uint8_t state;
	bool triggered;			/* the injection took effect (fail-nth fired, a fault applied) */
	bool bad;			/* a campaign finding (filled by the parent) */
	bool changed;			/* outcome differs from the run without injection */
	struct hx_csite fired;		/* fail-nth: the call that was failed */
	uint64_t outcome, trace_hash;
	uint32_t effects, nunmet, nfind;
	struct hx_cfind f[HX_C_FIND];
	int sig;
	uint64_t crash_off, crash_addr;
	char crash_so[160];
	char error[160];
};

/* What the run without injection of a target showed (shared memory). */
struct hx_cbase {
	uint8_t state;
	uint32_t nsteps, boot_step;
	uint32_t calls_before[HX_MAX_STEPS + 2];	/* fallible calls done before step s (1-based), [n+1] total */
	uint32_t total_calls;
	uint32_t nsites;				/* distinct call sites (what + file + line) */
	struct hx_csite sites[HX_C_SITES];
	uint32_t nacc;					/* distinct MMIO accesses (step, load/store, address) */
	struct { uint32_t step; uint32_t what; uint64_t addr; } acc[HX_C_ACC];
	uint32_t nirq;
	uint32_t irq_step[64];
	uint64_t outcome, trace_hash;
	uint32_t nfind;
	struct hx_cfind f[HX_C_FIND];
	char error[160];
};

struct hx_ctarget {
	struct hx_target t;
	char soc[32], kernel[16];
	struct hx_cbase *base;
	uint32_t nruns;			/* runs of the whole campaign on this target (all shards) */
};

struct hx_campaign {
	/* input */
	const char *scenario_path;
	struct hx_scenario *sc;
	struct hx_ctarget targets[HX_C_TARGETS];
	unsigned int ntargets;
	bool fail_nth;
	uint64_t from, to;		/* fail-nth range, to 0 = until a run triggers nothing */
	unsigned int cap;		/* fail-nth runs per target at most (default 400) */
	const char *inject;		/* template (with * fields) or "mix" */
	unsigned int runs;
	uint64_t seed;
	unsigned int jobs;
	unsigned int shard_k, shard_n;	/* 1-based K of N */
	bool shrink, no_fork_server, progress;
	unsigned int timeout_s;
	const char *out_dir;		/* reproducers */
	/* results */
	struct hx_crun *runs_v;		/* shared: this shard's runs */
	unsigned int nruns;
	volatile unsigned long *done;	/* shared counter */
};

/* Run the campaign (baselines, the runs of this shard); false on a setup error (message on stderr). */
bool hx_campaign_execute(struct hx_campaign *c);
/* Judge the runs (campaign findings), symbolize crashes. */
void hx_campaign_judge(struct hx_campaign *c);
/* Reports: the summary table, JSON (also the input of `pamusim merge`), JUnit; reproducers of the
 * distinct findings into out_dir. Returns the number of distinct unexpected findings. */
unsigned int hx_campaign_report(struct hx_campaign *c, FILE *text, const char *json, const char *junit);
/* Shrink the failing runs' injections (and traffic) to the smallest that still fails the same way. */
void hx_campaign_shrink(struct hx_campaign *c);

/* One run from scratch with this injection on that target (--shrink); false if it could not run. */
bool hx_campaign_rerun(struct hx_campaign *c, unsigned int target, const char *spec, struct hx_crun *out);
/* Index of the run's first new finding (known ones too when with_known), HX_C_FIND for a hang or a run
 * that did not complete, -1 none. */
int hx_crun_first_bad(const struct hx_campaign *c, const struct hx_crun *r, bool with_known);
/* The finding signature of a run's first campaign finding: kind|file:line|site. */
void hx_crun_signature(const struct hx_campaign *c, const struct hx_crun *r, char *buf, size_t len);

#ifdef __cplusplus
}
#endif

#endif
