/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * soc.h - a whole QorIQ SoC built from a device tree blob plus a preset: the physical address space,
 * DRAM, every PAMU block, the MPIC with its MSI banks and alias pages, GUTS, LAW, CCF and the PCIe
 * controllers, wired together (PAMUBYPENR -> PAMU bypass, PAMU interrupts -> MPIC), and the boot
 * firmware's fix-ups applied to the tree and to the registers before any kernel runs.
 *
 * Sources: ../shared/DESIGN.md (model/soc), ../shared/spec/soc-table.md, hw-facts.md 1, 8, 9, 10, 11, 12,
 * liodn-tables.md. Behaviour and every choice: docs/soc.md and docs/socs.md.
 */
#ifndef SOC_H
#define SOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mpic.h"
#include "pamu.h"
#include "sim_event.h"
#include "soc_bus.h"
#include "soc_guts.h"
#include "soc_pcie.h"
#include "soc_preset.h"

#ifdef __cplusplus
extern "C" {
#endif

struct soc;

#define SOC_MAX_PAMUS 8u
#define SOC_MAX_DEVICES 256u
#define SOC_PATH_LEN 160
#define SOC_MAX_PCIE 8u

struct soc_cfg {
	const struct soc_preset *preset;
	unsigned int rev;		/* index into preset->revs */
	const void *dtb;		/* the board's DTB as the kernel tree builds it (not modified) */
	size_t dtb_size;
	const char *dtb_name;		/* file name used in error messages */
	struct sim_event_sink sink;
	/* CPU 0's interrupt output from the MPIC. Optional. */
	void (*cpu_irq_changed)(void *ctx, unsigned int cpu, bool level);
	void *cpu_irq_ctx;
};

enum soc_status {
	SOC_OK = 0,
	SOC_BAD_DTB,			/* malformed or unsupported tree: err names node, property, expectation */
	SOC_BAD_PRESET,			/* preset and tree disagree (e.g. a firmware row matches no node) */
	SOC_NO_MEMORY,
};

/* A DMA-capable device after the firmware fix-up: a node that has fsl,liodn. */
struct soc_device {
	char path[SOC_PATH_LEN];	/* "/soc@ffe000000/dma@100300" */
	char compatible[SOC_COMPAT_LEN];	/* its first compatible */
	uint32_t liodn[2];
	unsigned int cells;
	unsigned int pamu;		/* PAMU block that serves it (docs/soc.md) */
};

enum soc_status soc_create(const struct soc_cfg *cfg, struct soc **out, struct soc_error *err);
void soc_destroy(struct soc *s);

struct soc_bus *soc_get_bus(struct soc *s);
uint64_t soc_ccsr_base(const struct soc *s);
unsigned int soc_pamu_count(const struct soc *s);
struct pamu *soc_get_pamu(struct soc *s, unsigned int n);
uint64_t soc_pamu_base(const struct soc *s, unsigned int n);	/* physical address of PAMU n's registers */
struct mpic *soc_get_mpic(struct soc *s);
uint64_t soc_mpic_base(const struct soc *s);
struct soc_guts *soc_get_guts(struct soc *s);
const struct soc_preset *soc_get_preset(const struct soc *s);
const struct soc_preset_rev *soc_get_rev(const struct soc *s);
uint64_t soc_ccsr_size(const struct soc *s);
uint64_t soc_guts_base(const struct soc *s);
/* PCIe controllers in tree order (the tree's fsl,qoriq-pcie-v* / fsl,p4080-pcie nodes). */
unsigned int soc_pcie_count(const struct soc *s);
struct soc_pcie *soc_get_pcie(struct soc *s, unsigned int i);
uint64_t soc_pcie_base(const struct soc *s, unsigned int i);
/* LAW and CCF register RAM (docs/soc.md); 0 when the tree has no such node. */
uint64_t soc_law_base(const struct soc *s);
uint64_t soc_ccf_base(const struct soc *s);
/* MPIC CPUs: hardware threads listed by the cpus node (an e6500 core has two). */
unsigned int soc_cpu_count(const struct soc *s);
/* Where the PAMU interrupt lines go: MPIC source of the access-violation line (DT entry 0), and the
 * error sub-source of the operation-error line (DT entry 1), -1 when the tree gives none. */
unsigned int soc_pamu_av_source(const struct soc *s);
int soc_pamu_err_subsource(const struct soc *s);
/* Firmware LIODN rows that set no fsl,liodn because the board disabled their node and left it without
 * a reg to match (their register was still written; docs/soc.md). */
unsigned int soc_fw_rows_skipped(const struct soc *s);

/* The device tree after the firmware fix-ups (fsl,liodn, cache-stash-id, MSI alias policy): what the
 * kernel stubs unflatten. Owned by the SoC. */
const void *soc_get_fdt(const struct soc *s);
size_t soc_get_fdt_size(const struct soc *s);

unsigned int soc_device_count(const struct soc *s);
const struct soc_device *soc_get_device(const struct soc *s, unsigned int i);
/* Device by tree path, or NULL. */
const struct soc_device *soc_find_device(const struct soc *s, const char *path);

/* A device's DMA: PAMU translation by the device's PAMU, then the bus access at the translated
 * address (DRAM, or an MMIO register such as MSIIR, with initiator DEVICE and the LIODN). res gets the
 * PAMU's result; the return is the bus status of the access (SOC_BUS_OK when the PAMU blocked it and
 * nothing was accessed: check res->kind). */
enum soc_bus_status soc_dma(struct soc *s, unsigned int pamu, uint16_t liodn, uint64_t addr, void *buf,
			    uint32_t size, uint8_t op, struct pamu_result *res);

/* A CPU load/store (initiator CPU), e.g. the kernel stubs' in_be32/out_be32 seam. */
enum soc_bus_status soc_cpu_load(struct soc *s, uint64_t addr, unsigned int size, uint64_t *val);
enum soc_bus_status soc_cpu_store(struct soc *s, uint64_t addr, unsigned int size, uint64_t val);

#ifdef __cplusplus
}
#endif

#endif /* SOC_H */
