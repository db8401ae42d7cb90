// SPDX-License-Identifier: BSD-2-Clause
/*
 * soc_guts.c - GUTS model (soc_guts.h; registers in soc_guts_regs.h; rules in docs/soc.md).
 */
#include "soc_guts.h"

#include <stdlib.h>
#include <string.h>

#include "soc_guts_regs.h"

static const struct sim_reg_def guts_defs_template[GUTS_R_COUNT] = {
#define X(name, off, reset, ro, w1c, rsvd, cor) [GUTS_R_##name] = { #name, off, reset, ro, w1c, rsvd, cor },
	GUTS_REG_LIST(X)
#undef X
};

struct soc_guts {
	struct soc_guts_cfg cfg;
	struct sim_reg_def defs[GUTS_R_COUNT];	/* per instance: SVR/PVR/PAMUBYPENR resets differ */
	struct sim_regfile rf;
};

/* Bits of PAMUBYPENR that exist: one per PAMU, from bit 31 down. */
static uint32_t bypass_mask(unsigned int pamu_count)
{
	return pamu_count ? (uint32_t)(0xffffffffull << (32 - pamu_count)) : 0;
}

static void notify_bypass(struct soc_guts *g)
{
	if (g->cfg.bypass_changed)
		g->cfg.bypass_changed(g->cfg.bypass_ctx, sim_reg_get(&g->rf, GUTS_R_PAMUBYPENR));
}

static void guts_post_write(void *opaque, unsigned int idx, uint32_t old_val, uint32_t new_val, uint32_t written)
{
	struct soc_guts *g = opaque;

	/* implementation choice: RSTCR is storage only; a reset request does not reset the simulation. */
	if (idx == GUTS_R_PAMUBYPENR && old_val != new_val)
		notify_bypass(g);
}

static const struct sim_regfile_ops guts_ops = { .post_write = guts_post_write };

enum soc_guts_status soc_guts_create(const struct soc_guts_cfg *cfg, struct soc_guts **out)
{
	struct sim_regfile_cfg rcfg;
	struct soc_guts *g;
	uint32_t mask;

	*out = NULL;
	if (!cfg || cfg->pamu_count > SOC_GUTS_MAX_PAMUS)
		return SOC_GUTS_BAD_CFG;
	g = calloc(1, sizeof(*g));
	if (!g)
		return SOC_GUTS_NO_MEMORY;
	g->cfg = *cfg;
	if (!g->cfg.name)
		g->cfg.name = "guts";
	memcpy(g->defs, guts_defs_template, sizeof(g->defs));
	g->defs[GUTS_R_PVR].reset = cfg->pvr;
	g->defs[GUTS_R_SVR].reset = cfg->svr;
	mask = bypass_mask(cfg->pamu_count);
	/* implementation choice: every implemented bypass bit is set at reset (hw-facts.md 2.1: the reset
	 * value is not in the sources; all ones lets firmware DMA before the kernel enables the PAMUs). */
	g->defs[GUTS_R_PAMUBYPENR].reset = mask;
	g->defs[GUTS_R_PAMUBYPENR].rsvd = ~mask;
	rcfg = (struct sim_regfile_cfg){
		.block = g->cfg.name, .defs = g->defs, .count = GUTS_R_COUNT, .span = SOC_GUTS_SIZE,
		.ops = &guts_ops, .opaque = g, .sink = cfg->sink,
	};
	if (sim_regfile_init(&g->rf, &rcfg) != SIM_REG_OK) {
		free(g);
		return SOC_GUTS_BAD_CFG;
	}
	*out = g;
	return SOC_GUTS_OK;
}

void soc_guts_destroy(struct soc_guts *g)
{
	if (!g)
		return;
	sim_regfile_destroy(&g->rf);
	free(g);
}

void soc_guts_reset(struct soc_guts *g)
{
	sim_regfile_reset(&g->rf);
	notify_bypass(g);
}

uint32_t soc_guts_reg_read(struct soc_guts *g, uint32_t offset, unsigned int size)
{
	return sim_regfile_read(&g->rf, offset, size);
}

void soc_guts_reg_write(struct soc_guts *g, uint32_t offset, unsigned int size, uint32_t value)
{
	sim_regfile_write(&g->rf, offset, size, value);
}

bool soc_guts_is_liodn_reg(uint32_t offset)
{
	switch (offset) {
#define X(name, off, reset, ro, w1c, rsvd, cor) case (off): return (rsvd) == GUTS_LIODN_RSVD;
	GUTS_REG_LIST(X)
#undef X
	}
	return false;
}

bool soc_guts_set_liodn_reg(struct soc_guts *g, uint32_t offset, uint32_t value)
{
	int idx = sim_regfile_lookup(&g->rf, offset);

	if (idx < 0 || !soc_guts_is_liodn_reg(offset) || (value & GUTS_LIODN_RSVD))
		return false;
	sim_reg_set(&g->rf, (unsigned int)idx, value);
	return true;
}

bool soc_guts_pamu_bypassed(const struct soc_guts *g, unsigned int n)
{
	return n < g->cfg.pamu_count && (sim_reg_get(&g->rf, GUTS_R_PAMUBYPENR) & (0x80000000u >> n));
}
