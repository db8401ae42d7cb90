/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * hx_audit.h - the MSI-bank isolation audit (`pamusim audit`): for each MSI bank of a SoC, the 4 KiB
 * page its MSIs are aimed at and which banks' index registers that page reaches; for each VFIO
 * container a scenario set up, the banks it mapped and whether it is isolated.
 *
 * Facts: the seed thread (../shared/seed/: isolation needs one bank per VFIO group and a chip whose alias
 * pages hold one bank's MSIIR each; the first PAMU chip has none), hw-facts.md 12.4 (alias registers),
 * docs/mpic.md 6 (page reach). Verdict rules: docs/audit.md.
 */
#ifndef HX_AUDIT_H
#define HX_AUDIT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "mpic.h"
#include "soc.h"

#ifdef __cplusplus
extern "C" {
#endif

#define HX_AUDIT_MAX_CONTAINERS 16u
#define HX_AUDIT_NAME_LEN 64

struct hx_audit_bank {
	unsigned int bank;
	uint32_t target_offset;		/* MPIC window offset the driver aims the bank's MSIs at */
	bool via_alias;			/* that offset is the bank's alias register */
	uint64_t msiir_phys;		/* its physical address */
	uint64_t page_phys;		/* the 4 KiB page holding it: what an IOMMU maps for the bank */
	uint32_t page_reach;		/* bit k: bank k's MSI index register is in that page */
	bool page_other_regs;		/* the page also holds MPIC registers that are not MSI index registers */
	bool alone;			/* page_reach is this bank only and nothing else is in the page */
	uint32_t mapped_by;		/* bit c: container c mapped this bank (hx_audit_add_map) */
};

struct hx_audit_container {
	char name[HX_AUDIT_NAME_LEN];
	uint32_t banks_mapped;		/* banks the container asked for (MAP_MSI_BANK) */
	uint32_t banks_reached;		/* banks its mapped pages reach (a superset on a shared page) */
	bool other_regs;		/* a mapped page holds other MPIC registers */
	bool isolated;			/* verdict (hx_audit_judge) */
	char why[320];			/* the reasons, or "" when isolated */
};

struct hx_audit {
	char soc[32];
	uint64_t mpic_base;
	unsigned int nbanks;
	struct hx_audit_bank banks[MPIC_MAX_MSI_BANKS];
	bool hardware_isolates;		/* every bank's page reaches that bank alone */
	unsigned int ncontainers;
	struct hx_audit_container containers[HX_AUDIT_MAX_CONTAINERS];
	bool isolated;			/* the verdict: hardware_isolates without a scenario, else all containers */
	bool has_scenario;
	char scenario[HX_AUDIT_NAME_LEN];
	char incomplete[400];		/* the scenario's run did not complete (hang, crash): why; the maps made
					 * before are audited and the verdict cannot be isolated */
};

/* The SoC's banks and pages (no container yet). */
void hx_audit_soc(struct soc *s, const char *soc_name, struct hx_audit *a);
/* A container mapped MSI bank `bank` (page = the physical page the backend mapped for it). Returns the
 * container's index, -1 when bank or page is out of range or there are too many containers. */
int hx_audit_add_map(struct hx_audit *a, struct soc *s, const char *container, unsigned int bank,
		     uint64_t page_phys);
/* A container with no MSI bank mapped (listed, trivially isolated). */
int hx_audit_add_container(struct hx_audit *a, const char *container);
/* Verdict per container and overall. */
void hx_audit_judge(struct hx_audit *a);

void hx_audit_print(FILE *f, const struct hx_audit *a);
void hx_audit_json(FILE *f, const struct hx_audit *a);

#ifdef __cplusplus
}
#endif

#endif /* HX_AUDIT_H */
