/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * hx_run.h - one scenario run on one target (SoC preset + board DTB + kernel name): the runner, the
 * intent model and the oracle, and the result record the reports are made of.
 *
 * Oracle rules: ../shared/DESIGN.md ("The oracle: intent versus outcome") and docs/scenarios.md
 * ("How a run is judged"); finding kinds: docs/findings.md; result fields: the JSON report of DESIGN.md.
 */
#ifndef HX_RUN_H
#define HX_RUN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "hx_fcov.h"
#include "hx_scenario.h"
#include "hx_timing.h"
#include "hx_inject.h"
#include "soc.h"

#ifdef __cplusplus
extern "C" {
#endif

#define HX_MAX_FINDINGS 32
#define HX_MAX_UNMET 16

struct hx_finding {
	char kind[24];
	char message[320];
	uint64_t time;			/* harness ticks (one per bus operation); timed runs: platform cycles */
	int step;			/* 1-based step number, 0 none */
	char device[HX_NAME_LEN];	/* "" unknown */
	int32_t liodn;			/* -1 unknown */
	bool has_address;
	uint64_t address;
	char src_file[128];		/* driver findings: source location, "" none */
	char src_func[64];
	int src_line;
	char known[200];		/* a known finding (kernel-stubs/known-findings.yaml): its reason; "" not */
};

struct hx_counters {
	uint64_t transactions;		/* DMA transactions (MSI writes included) */
	uint64_t faults;		/* of which the PAMU blocked */
	uint64_t msis;			/* MSIs that set an MSIR bit */
	uint64_t register_accesses;	/* CPU loads and stores of the scenario */
	uint64_t allocations;		/* linux level: kernel allocations */
};

enum hx_status { HX_PASS, HX_FAIL, HX_SKIPPED, HX_ERROR };

#define HX_MAX_VFIO_MAPS 32

/* One MSI-bank map a VFIO container made during the run (the audit's input, docs/vfio.md). */
struct hx_vfio_map_rec {
	char container[HX_NAME_LEN];
	unsigned int bank;		/* the bank index asked for */
	uint64_t page;			/* the physical page the backend mapped (fsl_msi_get_region) */
	uint64_t iova;
	int step;			/* the msi-map step (1-based) */
	bool live_at_end;		/* not unmapped nor closed when the run ended */
};

struct hx_result {
	char name[HX_NAME_LEN];
	char file[HX_TEXT_LEN];
	char soc[32];
	char kernel[32];
	uint64_t seed;
	enum hx_status status;
	uint64_t trace_hash;
	unsigned int nfindings;		/* stored */
	unsigned int findings_total;	/* raised (more than stored when over HX_MAX_FINDINGS) */
	struct hx_finding findings[HX_MAX_FINDINGS];
	unsigned int nunmet;		/* expectations not met */
	char unmet[HX_MAX_UNMET][320];
	struct hx_counters counters;
	char error[320];		/* HX_ERROR / HX_SKIPPED: why */
	char clause[16];		/* a conformance scenario's contract clause, "" when not one */
	bool contract_negative;		/* its case: negative (true) or positive */
	char kernel_version[96];	/* linux level: the variant's kernel version ("6.12.117 (Debian linux-source ...)"), else "" */
	double wall_ms;
	/* linux level, VFIO: every successful msi-map of the run (more than HX_MAX_VFIO_MAPS: the first) and
	 * every container opened (names) */
	unsigned int nvfio_maps;
	struct hx_vfio_map_rec vfio_maps[HX_MAX_VFIO_MAPS];
	unsigned int nvfio_containers;
	char vfio_containers[8][HX_NAME_LEN];
	struct hx_timing timing;	/* timed runs: statistics (docs/timing.md 6); timing.timed false otherwise */
	struct hx_fcov fcov;		/* functional coverage (hx_fcov.h), in the report's stats.fcov */
};

struct hx_target {
	const struct soc_preset *preset;
	unsigned int rev;
	const void *dtb;
	size_t dtb_size;
	const char *dtb_name;
	const char *kernel;		/* kernel variant name (linux level) */
	bool timed;			/* run timed whatever the scenario says (`pamusim run --timed`) */
};

struct hx_run_opts {
	bool has_seed;
	uint64_t seed;
	FILE *trace;			/* text trace, or NULL */
	bool break_on_finding;		/* call hx_finding_breakpoint() at each finding */
	volatile int *progress;		/* or NULL: the 1-based step being run, for a supervisor that must name
					 * the step a run hung in */
	/* campaigns (docs/campaigns.md): an injection plan armed from the start, a hook run before each
	 * step (1-based; the fork server forks there), a hook run at the end while the kernel variant is
	 * still loaded, and an observer of MMIO accesses (what 0 load, 1 store) and interrupt deliveries
	 * (what 2) */
	const struct hx_inj_plan *inject;
	void (*step_hook)(void *ctx, unsigned int step);
	void (*end_hook)(void *ctx);
	void (*observe)(void *ctx, int what, unsigned int step, uint64_t addr);
	void *hook_ctx;
};

struct ks_fault_api;
/* The loaded kernel variant's fault interface during a run (hooks only), NULL at the bare level. */
const struct ks_fault_api *hx_run_fault_api(void);
/* Physical address of a register named BLOCK.REG (pamu0.PC, mpic.FRR, guts.SVR) on soc. */
bool hx_reg_addr(struct soc *soc, const char *text, uint64_t *addr);

/* Resolve the scenario's devices, blocks and registers on the target before anything runs. */
bool hx_run_check(const struct hx_scenario *sc, const struct hx_target *t, struct hx_error *err);
/* Run one scenario on one target; r is filled whatever happens. */
void hx_run(const struct hx_scenario *sc, const struct hx_target *t, const struct hx_run_opts *o,
	    struct hx_result *r);
/* Add a finding to a result (used by the runner and by the process supervisor). */
void hx_result_add(struct hx_result *r, const char *kind, int step, const char *device, int32_t liodn,
		   bool has_addr, uint64_t addr, uint64_t time, const char *fmt, ...)
	__attribute__((format(printf, 9, 10)));
/* The pass/fail verdict from findings, expectations and unmet items. */
void hx_result_judge(const struct hx_scenario *sc, struct hx_result *r);
/* Empty function a debugger can break on (`--break-on-finding`). */
void hx_finding_breakpoint(const struct hx_finding *f);

/* Where kernel variant name's shared object is (PAMUSIM_KERNELS_DIR, else the build directory); true
 * when this build has the linux level and the file exists. */
bool hx_kernel_path(const char *name, char *buf, size_t cap);
bool hx_paace_field_known(const char *name, bool secondary);
const char *hx_status_name(enum hx_status s);

#ifdef __cplusplus
}
#endif

#endif /* HX_RUN_H */
