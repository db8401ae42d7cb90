// SPDX-License-Identifier: BSD-2-Clause
/*
 * pamu.c - PAMU block: instance lifecycle, guest register access, inputs, interrupt outputs, names.
 *
 * Source: docs/pamu-model.md 1 (registers and access rules), 2 (inputs), 5 and 8 (interrupt outputs);
 * hw-facts.md 2 (register block). The table walk and the fast path are in pamu_xlate.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pamu_priv.h"

const struct sim_reg_def pamu_reg_defs[PAMU_REG_COUNT] = {
#define PAMU_REG_DEF_(n, off, reset_, ro_, w1c_, rsvd_, cor_)                                 \
	[PAMU_IDX_##n] = { .name = #n, .offset = (off), .reset = (reset_), .ro = (ro_), .w1c = (w1c_), \
			   .rsvd = (rsvd_), .cor = (cor_) },
	PAMU_REG_LIST(PAMU_REG_DEF_)
#undef PAMU_REG_DEF_
};

void pamu_irq_update(struct pamu *p)
{
	uint32_t pics = sim_reg_get(&p->rf, PAMU_IDX_PICS);
	bool level[PAMU_IRQ_COUNT];
	unsigned int i;

	level[PAMU_IRQ_AV] = SIM_FEX32(pics, PAMU_PICS, AVS) && SIM_FEX32(pics, PAMU_PICS, AVIE);
	level[PAMU_IRQ_OPERR] = SIM_FEX32(sim_reg_get(&p->rf, PAMU_IDX_POES1), PAMU_POES1, V);
	for (i = 0; i < PAMU_IRQ_COUNT; i++) {
		if (level[i] == p->irq[i])
			continue;
		/* Store first: the callback may re-enter the model (an ISR run synchronously). */
		p->irq[i] = level[i];
		if (p->cfg.irq_changed)
			p->cfg.irq_changed(p->cfg.irq_ctx, (enum pamu_irq_line)i, level[i]);
	}
}

void pamu_fast_update_ok(struct pamu *p)
{
	p->fast_ok = p->cfg.mem.dmi && !p->slow_forced && !p->cfg.trace && !p->bypass;
	pamu_fast_invalidate(p);
}

static void reg_post_write(void *opaque, unsigned int idx, uint32_t old_val, uint32_t new_val,
			   uint32_t written)
{
	struct pamu *p = opaque;

	/* Any register write may change what a walk sees: the fast path forgets everything. */
	pamu_fast_invalidate(p);
	pamu_irq_update(p);
}

static const struct sim_regfile_ops pamu_reg_ops = {
	.post_write = reg_post_write,
};

enum pamu_status pamu_create(const struct pamu_cfg *cfg, struct pamu **out)
{
	struct sim_regfile_cfg rcfg;
	struct pamu *p;
	enum sim_reg_status st;

	if (out)
		*out = NULL;
	if (!cfg || !out || !cfg->mem.read)
		return PAMU_STATUS_BAD_CFG;
	/* The fast-path entries are 128-byte aligned, so is the instance. */
	p = aligned_alloc(_Alignof(struct pamu), sizeof(*p));
	if (!p)
		return PAMU_STATUS_NO_MEMORY;
	memset(p, 0, sizeof(*p));
	p->cfg = *cfg;
	if (cfg->name)
		snprintf(p->name, sizeof(p->name), "%s", cfg->name);
	else
		snprintf(p->name, sizeof(p->name), "pamu%u", cfg->index);
	p->cfg.name = p->name;

	memcpy(p->defs, pamu_reg_defs, sizeof(p->defs));
	p->defs[PAMU_IDX_PR1].reset = cfg->caps.pr1;
	p->defs[PAMU_IDX_PR2].reset = cfg->caps.pr2;
	p->defs[PAMU_IDX_PC1].reset = cfg->caps.pc1;
	p->defs[PAMU_IDX_PC2].reset = cfg->caps.pc2;
	p->defs[PAMU_IDX_PC3].reset = cfg->caps.pc3;
	p->defs[PAMU_IDX_PC4].reset = cfg->caps.pc4;

	memset(&rcfg, 0, sizeof(rcfg));
	rcfg.block = p->name;
	rcfg.defs = p->defs;
	rcfg.count = PAMU_REG_COUNT;
	rcfg.span = PAMU_BLOCK_SIZE;
	rcfg.ops = &pamu_reg_ops;
	rcfg.opaque = p;
	rcfg.sink = cfg->sink;
	st = sim_regfile_init(&p->rf, &rcfg);
	if (st != SIM_REG_OK) {
		free(p);
		return st == SIM_REG_NO_MEMORY ? PAMU_STATUS_NO_MEMORY : PAMU_STATUS_BAD_CFG;
	}
	/* Implementation choice (docs/pamu-model.md 2): a bare PAMU starts bypassed. */
	p->bypass = true;
	p->erratum = cfg->erratum_a003638;
	p->gen_tag = 1ull << 16;
	pamu_fast_update_ok(p);
	*out = p;
	return PAMU_STATUS_OK;
}

void pamu_destroy(struct pamu *p)
{
	if (!p)
		return;
	sim_regfile_destroy(&p->rf);
	free(p);
}

void pamu_reset(struct pamu *p)
{
	sim_regfile_reset(&p->rf);
	pamu_fast_invalidate(p);
	pamu_irq_update(p);
}

uint32_t pamu_reg_read(struct pamu *p, uint32_t offset, unsigned int size)
{
	return sim_regfile_read(&p->rf, offset, size);
}

void pamu_reg_write(struct pamu *p, uint32_t offset, unsigned int size, uint32_t value)
{
	sim_regfile_write(&p->rf, offset, size, value);
}

uint64_t pamu_reg_misuse_count(const struct pamu *p)
{
	return p->rf.misuse_count;
}

void pamu_set_bypass(struct pamu *p, bool bypass)
{
	p->bypass = bypass;
	pamu_fast_update_ok(p);
}

bool pamu_get_bypass(const struct pamu *p)
{
	return p->bypass;
}

void pamu_set_erratum_a003638(struct pamu *p, bool on)
{
	p->erratum = on;
	pamu_fast_invalidate(p);
}

bool pamu_get_erratum_a003638(const struct pamu *p)
{
	return p->erratum;
}

void pamu_set_slow_path(struct pamu *p, bool force)
{
	p->slow_forced = force;
	pamu_fast_update_ok(p);
}

void pamu_set_trace(struct pamu *p, pamu_trace_fn fn, void *ctx, pamu_trace_fn *old_fn, void **old_ctx)
{
	if (old_fn)
		*old_fn = p->cfg.trace;
	if (old_ctx)
		*old_ctx = p->cfg.trace_ctx;
	p->cfg.trace = fn;
	p->cfg.trace_ctx = ctx;
	pamu_fast_update_ok(p);
}

void pamu_invalidate_fast_path(struct pamu *p)
{
	pamu_fast_invalidate(p);
}

bool pamu_irq_level(const struct pamu *p, enum pamu_irq_line line)
{
	return (unsigned int)line < PAMU_IRQ_COUNT ? p->irq[line] : false;
}

void pamu_get_stats(const struct pamu *p, struct pamu_stats *st)
{
	*st = p->stats;
	st->translations = p->slow_translations + p->stats.fast_hits;
}

const char *pamu_get_name(const struct pamu *p)
{
	return p->name;
}

const char *pamu_fault_name(enum pamu_fault f)
{
	switch (f) {
	case PAMU_FAULT_NONE:
		return "none";
	case PAMU_FAULT_GATE_CLOSED:
		return "gate-closed";
	case PAMU_FAULT_DISABLED:
		return "pamu-disabled";
	case PAMU_FAULT_LIODN_RANGE:
		return "liodn-range";
	case PAMU_FAULT_PAACE_INVALID:
		return "paace-invalid";
	case PAMU_FAULT_PAACE_TYPE:
		return "paace-type";
	case PAMU_FAULT_WINDOW:
		return "window";
	case PAMU_FAULT_WINDOW_CROSS:
		return "window-cross";
	case PAMU_FAULT_SPAACE_INVALID:
		return "spaace-invalid";
	case PAMU_FAULT_SUBWINDOW_CROSS:
		return "subwindow-cross";
	case PAMU_FAULT_SUBWINDOW_SIZE:
		return "subwindow-size";
	case PAMU_FAULT_SPAACE_RANGE:
		return "spaace-range";
	case PAMU_FAULT_SPAACE_OWNER:
		return "spaace-owner";
	case PAMU_FAULT_PERMISSION:
		return "permission";
	case PAMU_FAULT_MOE_INVALID:
		return "moe-invalid";
	case PAMU_FAULT_OMI_RANGE:
		return "omi-range";
	case PAMU_FAULT_OP_UNDEFINED:
		return "op-undefined";
	case PAMU_FAULT_TABLE_FETCH:
		return "table-fetch";
	case PAMU_FAULT_COUNT:
		break;
	}
	return "unknown";
}

const char *pamu_xlate_kind_name(enum pamu_xlate_kind k)
{
	switch (k) {
	case PAMU_XLATE_OK:
		return "ok";
	case PAMU_XLATE_BYPASS:
		return "bypass";
	case PAMU_XLATE_FAULT:
		return "fault";
	case PAMU_XLATE_UNSUPPORTED:
		return "unsupported";
	case PAMU_XLATE_BAD_REQUEST:
		return "bad-request";
	}
	return "unknown";
}

const char *pamu_unsupported_field_name(enum pamu_unsupported_field f)
{
	switch (f) {
	case PAMU_UNSUP_NONE:
		return "none";
	case PAMU_UNSUP_WSE:
		return "WSE";
	case PAMU_UNSUP_ATM:
		return "ATM";
	case PAMU_UNSUP_OTM:
		return "OTM";
	case PAMU_UNSUP_WCE:
		return "WCE";
	case PAMU_UNSUP_SWSE:
		return "SWSE";
	}
	return "unknown";
}
