/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * soc_pcie.h - the register block of a QorIQ PCIe controller, as far as boot firmware and the PAMU and
 * MSI drivers touch it: the LIODN-base register firmware programs on P5040 and the T/B parts, and the
 * IP block revision BRR1 the PAMU driver reads to decide how PCI devices share IOMMU groups.
 *
 * Sources: ../shared/spec/hw-facts.md 1 (controller addresses) and 13 (BRR1 at +0xBF8, version mask
 * 0xFFFF, >= 0x0204 means per-endpoint groups; 0x0201/0x0202/0x0204/0x0300 assumed from the DT
 * compatible fsl,qoriq-pcie-v2.1/v2.2/v2.4/v3.0); liodn-tables.md 1.2 and 1.7 (SET_PCI_LIODN_BASE:
 * the controller's LIODN-base register at +0x40) and 1.4 step 7 (firmware reads the IP version from
 * BRR1). Register rules and choices: docs/soc.md.
 */
#ifndef SOC_PCIE_H
#define SOC_PCIE_H

#include <stdbool.h>
#include <stdint.h>

#include "sim_event.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SOC_PCIE_LIODN_BASE 0x040u	/* LIODN base for the controller and its endpoints */
#define SOC_PCIE_BRR1 0xbf8u		/* IP block revision 1: 15:0 version major << 8 | minor */
#define SOC_PCIE_BRR2 0xbfcu		/* IP block revision 2 */
#define SOC_PCIE_MIN_SIZE 0xc00u	/* a block must reach BRR2 */
#define SOC_PCIE_MAX_SIZE 0x40000u

struct soc_pcie;

struct soc_pcie_cfg {
	const char *name;		/* "pcie0" */
	uint16_t version;		/* BRR1[15:0]: 0x0201, 0x0202, 0x0204, 0x0300 */
	uint32_t size;			/* bytes decoded: the DT's reg size (0x1000 P-series, 0x10000 T/B) */
	struct sim_event_sink sink;
};

enum soc_pcie_status {
	SOC_PCIE_OK = 0,
	SOC_PCIE_BAD_CFG,
	SOC_PCIE_NO_MEMORY,
};

enum soc_pcie_status soc_pcie_create(const struct soc_pcie_cfg *cfg, struct soc_pcie **out);
void soc_pcie_destroy(struct soc_pcie *p);
void soc_pcie_reset(struct soc_pcie *p);

uint32_t soc_pcie_reg_read(struct soc_pcie *p, uint32_t offset, unsigned int size);
void soc_pcie_reg_write(struct soc_pcie *p, uint32_t offset, unsigned int size, uint32_t value);
/* The same as a struct soc_mmio_ops (model/soc/soc_bus.h), opaque = struct soc_pcie *. */
struct soc_mmio_ops;
extern const struct soc_mmio_ops soc_pcie_mmio_ops;

/* Firmware-side write of the LIODN base (no misuse events). False if value has reserved bits. */
bool soc_pcie_set_liodn_base(struct soc_pcie *p, uint32_t value);
uint32_t soc_pcie_liodn_base(const struct soc_pcie *p);
uint16_t soc_pcie_version(const struct soc_pcie *p);
/* Version of a DT compatible string: "fsl,qoriq-pcie-v2.4" -> 0x0204, "fsl,p4080-pcie" -> 0x0201;
 * 0 for anything else. */
uint16_t soc_pcie_version_of_compat(const char *compat);

#ifdef __cplusplus
}
#endif

#endif /* SOC_PCIE_H */
