/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * hx_scenario.h - a scenario as data: what the loader (hx_scenario.c) makes of one YAML file.
 *
 * Schema and every rule: docs/scenarios.md. Contracts (socs/kernels lists or `any`, error format, exit
 * 2 before anything runs): ../shared/DESIGN.md. Fixed-size arrays except the step list.
 */
#ifndef HX_SCENARIO_H
#define HX_SCENARIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sim_yaml.h"

#ifdef __cplusplus
extern "C" {
#endif

#define HX_NAME_LEN 64
#define HX_TEXT_LEN 256
#define HX_MAX_TARGETS 16
#define HX_MAX_DEVICES 16
#define HX_MAX_DOMAINS 8
#define HX_MAX_RANGES 8
#define HX_MAX_EXPECT_KINDS 8
#define HX_MAX_STEPS 4096
#define HX_MAX_FIELDS 16

/* An error of the loader or the runner: "file:line:column: field: what was expected, what was found". */
struct hx_error {
	char msg[640];
};

/* A scenario number: decimal, 0x hex, 0b binary, optional _ separators, suffixes K M G (binary units).
 * False if it is not one or it exceeds UINT64_MAX. (The presets' stricter syntax: sim_yaml_get_uint.) */
bool hx_yparse_u64(const char *s, uint64_t *out);

/* A kernel errno as scenarios write it ("-EINVAL", "-22"): false if it is not one. */
bool hx_parse_errno(const char *s, int *out);

enum hx_level { HX_LEVEL_BARE, HX_LEVEL_LINUX };

/* A scenario device: a tree node path, a preset label (firmware LIODN table row), or a bare initiator
 * with an explicit LIODN. Resolved against each SoC before anything runs. */
struct hx_device {
	char name[HX_NAME_LEN];		/* the scenario's name for it: "dma0" */
	char node[HX_TEXT_LEN];		/* "/soc@ffe000000/dma@100300" or a label "DMA1"; "" for a bare LIODN */
	bool explicit_liodn;
	uint32_t liodn;			/* explicit_liodn */
	unsigned int pamu;		/* explicit_liodn: PAMU block that serves it */
	unsigned int line, col;
};

struct hx_range {
	uint64_t base, size;
};

struct hx_domain {
	char name[HX_NAME_LEN];
	uint32_t devices;		/* bit i: devices[i] */
	struct hx_range mem[HX_MAX_RANGES];
	unsigned int nmem;
	uint32_t msi_banks;		/* bit k: MSI bank k */
};

enum hx_step_kind {
	HX_STEP_TABLES,		/* lay out PPAACT/SPAACT/OMT, program every PAMU, enable, leave bypass */
	HX_STEP_PAACE,		/* an intended window: memory and intent */
	HX_STEP_PAACE_FIELD,	/* raw PAACE/SPAACE field writes: memory only (plants) */
	HX_STEP_WRITE,		/* register write */
	HX_STEP_READ,		/* register read, optional expectation */
	HX_STEP_MEM_WRITE,	/* raw memory write (model initiator) */
	HX_STEP_DMA,		/* one transaction */
	HX_STEP_MSI,		/* an MSI write by a device */
	HX_STEP_TRAFFIC,	/* generated transactions */
	HX_STEP_BOOT,		/* linux: boot the kernel variant */
	HX_STEP_SHUTDOWN,	/* linux: shut the variant down (leak report) */
	HX_STEP_IRQ,		/* deliver pending interrupts (linux: to the handlers) and check */
	HX_STEP_IOMMU,		/* linux: one IOMMU API call (iop) through the stub core */
	HX_STEP_MSI_ALLOC,	/* linux: MSI/MSI-X vectors for a PCIe endpoint through the real MSI driver */
	HX_STEP_MSI_FIRE,	/* linux: the endpoint writes its vector's message, the kernel's handler must run */
	HX_STEP_UNBIND,		/* linux: unbind the driver of a tree device (the driver core's unbind) */
	HX_STEP_PLANT,		/* linux: the stubs plant one fault (ks_api.plant, a test hook of the oracle) */
	HX_STEP_VFIO,		/* linux: one VFIO user call on the windowed backend (hx_vfio.h) */
	HX_STEP_WAIT,		/* let time pass: value cycles (timed) or ticks (docs/timing.md 4) */
	HX_STEP_INJECT,		/* arm an injection (docs/campaigns.md grammar) from this step on */
};

enum hx_iommu_op {
	HX_IOMMU_DOMAIN_ALLOC,
	HX_IOMMU_DOMAIN_FREE,
	HX_IOMMU_ATTACH,
	HX_IOMMU_DETACH,
	HX_IOMMU_STASH,
	HX_IOMMU_IOVA_TO_PHYS,
	/* 5.10 only (the windowed API): domain attributes and windows */
	HX_IOMMU_GEOMETRY,
	HX_IOMMU_WINDOWS,
	HX_IOMMU_WINDOW_ENABLE,
	HX_IOMMU_WINDOW_DISABLE,
	HX_IOMMU_ENABLE,
	HX_IOMMU_DISABLE,
};

#define HX_MAX_WINDOWS 16	/* 5.10 windows a harness domain tracks (the count must be <= this) */

#define HX_MAX_PCI 8		/* PCIe endpoints a scenario may name (pci:0 .. pci:7) */

enum hx_block_kind { HX_BLOCK_PAMU, HX_BLOCK_MPIC, HX_BLOCK_GUTS, HX_BLOCK_CCSR, HX_BLOCK_PHYS };

enum hx_dma_expect {
	HX_EXPECT_ANY,		/* oracle only */
	HX_EXPECT_OK,
	HX_EXPECT_FAULT,
	HX_EXPECT_TRANSLATED,	/* ok at this address */
};

enum hx_pattern { HX_PAT_INSIDE, HX_PAT_OUTSIDE, HX_PAT_ACROSS, HX_PAT_SWEEP, HX_PAT_MIXED };

struct hx_field_write {
	char name[16];
	uint64_t value;
};

struct hx_step {
	enum hx_step_kind kind;
	unsigned int line, col;
	int device;			/* index into devices, -1 none */
	/* TABLES */
	uint64_t base;
	uint32_t pamus;			/* bit n: PAMU n (all ones: all) */
	bool enable;
	/* PAACE: window, translation, permissions */
	uint64_t wbase, wsize, twbase;
	bool perm_read, perm_write;
	bool valid;
	unsigned int subwindows;	/* 0: none; else 2..: count (intended as slots, each like the window) */
	bool stash;
	uint32_t stash_id;
	/* PAACE_FIELD */
	bool secondary;
	uint32_t index;			/* SPAACE index (secondary) */
	struct hx_field_write fields[HX_MAX_FIELDS];
	unsigned int nfields;
	/* WRITE / READ / MEM_WRITE */
	enum hx_block_kind block;
	unsigned int block_index;
	char reg[24];
	uint64_t offset;
	unsigned int size;
	uint64_t value;
	bool has_expect_value;
	uint64_t expect_value, mask;
	/* DMA / MSI / TRAFFIC */
	uint64_t addr;
	uint32_t len;
	uint8_t op;
	enum hx_dma_expect expect;
	char expect_fault[24];		/* "" any fault, else a pamu fault name (docs/scenarios.md) */
	uint64_t expect_addr;
	unsigned int bank, msir, bit;
	bool has_msi_addr;
	bool expect_delivered, expect_blocked;
	enum hx_pattern pattern;
	unsigned int count;
	bool has_window;
	/* IRQ */
	bool expect_irq, expect_no_irq;
	/* IOMMU / MSI_ALLOC / MSI_FIRE: the device is `device` (a scenario device) or, when pci >= 0, the
	 * simulated endpoint behind PCIe host bridge pci ("pci:<n>") */
	enum hx_iommu_op iop;
	char domain[HX_NAME_LEN];
	int pci;
	unsigned int cpu;		/* STASH */
	uint64_t iova;			/* IOVA_TO_PHYS (expect_value when has_expect_value) */
	uint64_t gstart, gend;		/* GEOMETRY: aperture [start, end] */
	unsigned int window;		/* WINDOW_ENABLE / WINDOW_DISABLE; count (WINDOWS) is `count` */
	uint64_t paddr;			/* WINDOW_ENABLE: target, size in wsize, perm_read / perm_write */
	bool has_expect_errno;		/* every iommu op: the kernel must fail with this errno */
	char dev_path[96];		/* UNBIND: the device's path in the fixed-up tree */
	int expect_errno;		/* negative, as the kernel returns it */
	unsigned int plant;		/* PLANT: enum ks_plant (leak, double-free, lock-held, warn, bug) */
	bool msix;			/* MSI_ALLOC; count is the vector count */
	bool all;			/* MSI_FIRE: every vector (vector otherwise) */
	unsigned int vector;
	struct hx_vfio_step *vfio;	/* VFIO: the step's arguments (hx_vfio.h), owned by the scenario */
	char inject[192];		/* INJECT: the injection text (hx_inject.h) */
};

struct hx_scenario {
	char file[HX_TEXT_LEN];
	char name[HX_NAME_LEN];
	char description[HX_TEXT_LEN];
	enum hx_level level;
	bool socs_any, kernels_any;
	char socs[HX_MAX_TARGETS][32];
	unsigned int nsocs;
	char kernels[HX_MAX_TARGETS][32];
	unsigned int nkernels;
	uint64_t seed;
	struct hx_device devices[HX_MAX_DEVICES];
	unsigned int ndevices;
	bool has_policy;
	struct hx_domain domains[HX_MAX_DOMAINS];
	unsigned int ndomains;
	struct hx_step *steps;
	unsigned int nsteps;
	/* expect: findings kinds that must occur (each at least once); any other finding fails */
	char expect_kinds[HX_MAX_EXPECT_KINDS][24];
	unsigned int nexpect_kinds;
	/* expect.reproduces: functions of known findings (kernel-stubs/known-findings.yaml) this scenario
	 * reproduces; on a kernel an entry applies to, that known finding must occur */
	char reproduces[HX_MAX_EXPECT_KINDS][64];
	unsigned int nreproduces;
	/* contract: {clause: W5, case: positive|negative}: a conformance scenario of a windowed-IOMMU
	 * contract clause (docs/windowed-iommu-contract.md); "" when not one */
	char clause[16];
	bool contract_negative;
	/* watchdog: seconds of host time this scenario's run may take (0: PAMUSIM_WATCHDOG or 60) */
	unsigned int watchdog_s;
	/* timed: run with the timing model (docs/timing.md); timing: overrides of the preset's rule */
	bool timed;
	int coherence;			/* -1: the preset's, else enum pamu_coherence */
	uint64_t hazard_window;		/* 0: the preset's */
};

/* Field readers of the loader, shared with hx_vfio.c (same messages as every other step's fields). */
struct hx_vfio_step;
bool hx_get_u64(struct sim_yaml_ctx *ld, const struct sim_ynode *map, const char *path, const char *key,
		bool required, uint64_t max, uint64_t *out, bool *present);
bool hx_get_str(struct sim_yaml_ctx *ld, const struct sim_ynode *map, const char *path, const char *key,
		bool required, char *out, size_t cap, bool *present);
bool hx_get_bool(struct sim_yaml_ctx *ld, const struct sim_ynode *map, const char *path, const char *key, bool *out);
/* device: a scenario device or pci:<n> (st->device / st->pci) */
bool hx_parse_dev_or_pci(struct sim_yaml_ctx *ld, const struct hx_scenario *sc, const struct sim_ynode *map,
			 const char *path, struct hx_step *st);

/* Load and check a scenario. false: err says file:line:column: field: expected, found. */
bool hx_scenario_load(const char *file, struct hx_scenario *sc, struct hx_error *err);
void hx_scenario_free(struct hx_scenario *sc);

/* Finding kinds of docs/findings.md (the one list), NULL-terminated. */
extern const char *const hx_finding_kinds[];
bool hx_is_finding_kind(const char *kind);

#define HX_DEFAULT_SOC "t4240"
#define HX_DEFAULT_KERNEL "6.12"

#ifdef __cplusplus
}
#endif

#endif /* HX_SCENARIO_H */
