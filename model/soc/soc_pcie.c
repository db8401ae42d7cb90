// SPDX-License-Identifier: BSD-2-Clause
/*
 * soc_pcie.c - PCIe controller register block (soc_pcie.h; rules in docs/soc.md).
 *
 * Sources: hw-facts.md 13 (BRR1), liodn-tables.md 1.2 (LIODN base at +0x40). Implementation choices:
 * the LIODN base holds one 12-bit LIODN (bits 11:0, the rest reserved, as the GUTS LIODN registers);
 * BRR1 bits 31:16 (IP block id) and BRR2 read 0 (assumption: no public source gives them); every other
 * offset of the block decodes nothing and is register-misuse (the ATMU and configuration registers are
 * not modelled: the kernel stubs create PCI hoses themselves).
 */
#include "soc_pcie.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim_reg.h"
#include "soc_bus.h"

#define PCIE_LIODN_RSVD 0xfffff000u

/* columns: name, offset, reset, ro, w1c, rsvd, cor */
#define PCIE_REG_LIST(X)                                                               \
	X(LIODN_BASE, SOC_PCIE_LIODN_BASE, 0, 0, 0, PCIE_LIODN_RSVD, 0)                \
	X(BRR1, SOC_PCIE_BRR1, 0, SIM_REG_RO_ALL, 0, 0, 0)                             \
	X(BRR2, SOC_PCIE_BRR2, 0, SIM_REG_RO_ALL, 0, 0, 0)

enum pcie_reg {
#define X(name, off, reset, ro, w1c, rsvd, cor) PCIE_R_##name,
	PCIE_REG_LIST(X)
#undef X
	PCIE_R_COUNT
};

static const struct sim_reg_def pcie_defs_template[PCIE_R_COUNT] = {
#define X(name, off, reset, ro, w1c, rsvd, cor) [PCIE_R_##name] = { #name, off, reset, ro, w1c, rsvd, cor },
	PCIE_REG_LIST(X)
#undef X
};

struct soc_pcie {
	struct soc_pcie_cfg cfg;
	char name[32];
	struct sim_reg_def defs[PCIE_R_COUNT];	/* per instance: BRR1 reset is the version */
	struct sim_regfile rf;
};

uint16_t soc_pcie_version_of_compat(const char *compat)
{
	unsigned int major, minor;
	char tail;

	if (!compat)
		return 0;
	if (!strcmp(compat, "fsl,p4080-pcie"))
		return 0x0201;
	if (sscanf(compat, "fsl,qoriq-pcie-v%u.%u%c", &major, &minor, &tail) == 2 && major && major < 256 &&
	    minor < 256)
		return (uint16_t)(major << 8 | minor);
	return 0;
}

enum soc_pcie_status soc_pcie_create(const struct soc_pcie_cfg *cfg, struct soc_pcie **out)
{
	struct sim_regfile_cfg rcfg;
	struct soc_pcie *p;
	enum sim_reg_status st;

	*out = NULL;
	if (!cfg || cfg->size < SOC_PCIE_MIN_SIZE || cfg->size > SOC_PCIE_MAX_SIZE || (cfg->size & 3))
		return SOC_PCIE_BAD_CFG;
	p = calloc(1, sizeof(*p));
	if (!p)
		return SOC_PCIE_NO_MEMORY;
	p->cfg = *cfg;
	snprintf(p->name, sizeof(p->name), "%s", cfg->name ? cfg->name : "pcie");
	p->cfg.name = p->name;
	memcpy(p->defs, pcie_defs_template, sizeof(p->defs));
	p->defs[PCIE_R_BRR1].reset = cfg->version;
	rcfg = (struct sim_regfile_cfg){
		.block = p->name, .defs = p->defs, .count = PCIE_R_COUNT, .span = cfg->size, .sink = cfg->sink,
	};
	st = sim_regfile_init(&p->rf, &rcfg);
	if (st != SIM_REG_OK) {
		free(p);
		return st == SIM_REG_NO_MEMORY ? SOC_PCIE_NO_MEMORY : SOC_PCIE_BAD_CFG;
	}
	*out = p;
	return SOC_PCIE_OK;
}

void soc_pcie_destroy(struct soc_pcie *p)
{
	if (!p)
		return;
	sim_regfile_destroy(&p->rf);
	free(p);
}

void soc_pcie_reset(struct soc_pcie *p)
{
	sim_regfile_reset(&p->rf);
}

uint32_t soc_pcie_reg_read(struct soc_pcie *p, uint32_t offset, unsigned int size)
{
	return sim_regfile_read(&p->rf, offset, size);
}

void soc_pcie_reg_write(struct soc_pcie *p, uint32_t offset, unsigned int size, uint32_t value)
{
	sim_regfile_write(&p->rf, offset, size, value);
}

static uint64_t pcie_mmio_read(void *opaque, uint64_t offset, unsigned int size, const struct sim_txn_attrs *attrs)
{
	return soc_pcie_reg_read(opaque, (uint32_t)offset, size);
}

static void pcie_mmio_write(void *opaque, uint64_t offset, unsigned int size, uint64_t value,
			    const struct sim_txn_attrs *attrs)
{
	soc_pcie_reg_write(opaque, (uint32_t)offset, size, (uint32_t)value);
}

const struct soc_mmio_ops soc_pcie_mmio_ops = { .read = pcie_mmio_read, .write = pcie_mmio_write };

bool soc_pcie_set_liodn_base(struct soc_pcie *p, uint32_t value)
{
	if (value & PCIE_LIODN_RSVD)
		return false;
	sim_reg_set(&p->rf, PCIE_R_LIODN_BASE, value);
	return true;
}

uint32_t soc_pcie_liodn_base(const struct soc_pcie *p)
{
	return sim_reg_get(&p->rf, PCIE_R_LIODN_BASE);
}

uint16_t soc_pcie_version(const struct soc_pcie *p)
{
	return p->cfg.version;
}
