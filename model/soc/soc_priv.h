/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * soc_priv.h - the SoC builder's private state, shared by soc.c (tree reading, blocks, wiring, access
 * paths) and soc_fixup.c (the boot firmware's fix-ups). Behaviour and choices: docs/soc.md.
 */
#ifndef SOC_PRIV_H
#define SOC_PRIV_H

#include "soc.h"
#include "soc_dt.h"

/* A bus region the SoC mapped, with the tree node it came from (for overlap messages). */
struct soc_region {
	char what[SOC_PATH_LEN];	/* node path, or "DRAM (preset)" */
	uint64_t base, size;
};

#define SOC_MAX_REGIONS (SOC_MAX_PAMUS + SOC_MAX_PCIE + 8)

struct soc_pamu_slot {
	struct soc *s;
	unsigned int n;
};

struct soc {
	struct soc_preset preset;	/* a copy: the caller's may go away */
	unsigned int rev;
	char dtb_name[SOC_TEXT_LEN];
	struct sim_event_sink sink;
	void (*cpu_irq_changed)(void *ctx, unsigned int cpu, bool level);
	void *cpu_irq_ctx;

	void *orig;			/* aligned copy of the caller's blob, read-only after checks */
	void *fdt;			/* the fixed-up tree */
	size_t fdt_size;

	struct soc_bus *bus;
	struct soc_region regions[SOC_MAX_REGIONS];
	unsigned int region_count;
	uint64_t ccsr_base, ccsr_size;

	int pamu_node;			/* node index in the original tree */
	uint64_t pamu_base;
	unsigned int pamu_count;
	struct pamu *pamu[SOC_MAX_PAMUS];
	struct soc_pamu_slot pamu_slot[SOC_MAX_PAMUS];
	unsigned int av_source;
	int err_sub;			/* -1: not wired */
	uint32_t av_lines, err_lines;	/* bit n: PAMU n drives the line (the lines are wired-OR) */

	struct mpic *mpic;
	uint64_t mpic_base;
	unsigned int cpu_count;

	struct soc_guts *guts;
	uint64_t guts_base;

	unsigned int pcie_count;
	struct soc_pcie *pcie[SOC_MAX_PCIE];
	uint64_t pcie_base[SOC_MAX_PCIE];
	uint64_t pcie_size[SOC_MAX_PCIE];

	uint64_t law_base, law_size;	/* law_size 0: no LAW node */
	uint32_t num_laws;
	uint64_t ccf_base, ccf_size;
	uint32_t num_csdids;

	struct soc_device *devs;
	unsigned int dev_count;
	unsigned int rows_skipped;	/* firmware rows whose node the board disabled and left without reg */
};

/* soc_fixup.c: apply the firmware's LIODN table, stash ids and MSI alias policy to the registers and
 * to a copy of the tree (s->fdt), then list the devices. dt is the original tree. */
enum soc_status soc_fixup(struct soc *s, const struct soc_dt *dt, struct soc_error *err);

/* "preset-file:line" or the preset's name, for messages about the preset. */
void soc_preset_where(const struct soc *s, const struct soc_fw_liodn *row, char *buf, size_t len);

#endif /* SOC_PRIV_H */
