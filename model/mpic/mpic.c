// SPDX-License-Identifier: BSD-2-Clause
/*
 * mpic.c - MPIC core, MSI banks and MSIIR alias pages in one 0x40000-byte register window.
 *
 * Behaviour and every implementation choice: docs/mpic.md (section numbers below refer to it).
 * Registers: mpic_regs.h (declared once, expanded here per instance into one sim_regfile).
 * Facts: ../shared/spec/hw-facts.md 1, 8.3, 9, 12; the kernel's asm/mpic.h and fsl_mpic_err.c;
 * the public OpenPIC model (QEMU hw/intc/openpic.c) for the delivery rules. Written afresh.
 */
#include "mpic.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mpic_regs.h"
#include "soc_bus.h"

#define MPIC_NAME_LEN 24
#define MPIC_PAGE 0x1000u

enum slot_kind {
	SLOT_GLOBAL,
	SLOT_TIMER,
	SLOT_THISCPU,		/* the "this CPU" copy at 0x0000: CPU 0 (docs/mpic.md 2.3) */
	SLOT_CPU,
	SLOT_SRC,
	SLOT_MSI,
	SLOT_ALIAS,
};

/* What a register file index stands for. */
struct slot {
	uint8_t kind;		/* enum slot_kind */
	uint8_t tmpl;		/* row of its X-macro list */
	uint8_t sub;		/* MSIR number (SLOT_MSI), alias layout (SLOT_ALIAS: 1 = MSIIR1) */
	uint16_t inst;		/* CPU, source, bank or timer number */
};

struct mpic_src {
	bool input;		/* raw level of the input line */
	bool pending;		/* requested (edge latched, or level active) */
	bool model_driven;	/* MSI cascade or error summary: not a device input */
	uint8_t in_service;	/* CPUs that have it in service (0 or 1: see docs/mpic.md 3.4) */
};

struct mpic_cpu {
	uint8_t ctpr;
	bool output;
	unsigned int depth;
	uint16_t isr[MPIC_ISR_DEPTH];	/* in-service stack, top = last acknowledged */
};

struct mpic_bank {
	int msir_idx[MPIC_MAX_MSIRS];
	int msisr_idx, msiir_idx, msiir1_idx, alias_idx;
};

struct mpic {
	struct mpic_cfg cfg;
	char name[32];
	struct sim_regfile rf;
	struct sim_reg_def *defs;
	struct slot *slots;
	char (*names)[MPIC_NAME_LEN];
	unsigned int count, cap;

	unsigned int g_idx[MPIC_G_COUNT];
	unsigned int this_base, cpu_base, src_base;

	struct mpic_src *src;
	uint64_t *pending_map;
	unsigned int pending_words;
	struct mpic_cpu cpu[MPIC_MAX_CPUS];
	struct mpic_bank bank[MPIC_MAX_MSI_BANKS];
	uint32_t eisr;		/* error sub-source input levels, EISR0 layout */
	bool pic1;		/* BRR1 version 0x0200: erratum PIC1 byte lanes (docs/mpic.md 5) */

	/* the access in progress (hooks report its initiator and offset) */
	const struct sim_txn_attrs *cur_attrs;
	uint32_t cur_offset;

	uint64_t own_misuse;
	struct mpic_stats stats;
};

/* ------------------------------------------------------------------ templates ---- */

static const struct sim_reg_def global_tmpl[] = { MPIC_GLOBAL_REGS(MPIC_REG_ROW) };
static const struct sim_reg_def timer_tmpl[] = { MPIC_TIMER_REGS(MPIC_REG_ROW) };
static const struct sim_reg_def cpu_tmpl[] = { MPIC_CPU_REGS(MPIC_REG_ROW) };
static const struct sim_reg_def src_tmpl[] = { MPIC_SRC_REGS(MPIC_REG_ROW) };
static const struct sim_reg_def msi_tmpl[] = { MPIC_MSI_REGS(MPIC_REG_ROW) };

_Static_assert(sizeof(global_tmpl) / sizeof(global_tmpl[0]) == MPIC_G_COUNT, "global list");
_Static_assert(sizeof(cpu_tmpl) / sizeof(cpu_tmpl[0]) == MPIC_C_COUNT, "cpu list");
_Static_assert(MPIC_OFF_C_EOI < MPIC_CPU_STRIDE, "per-CPU block");
_Static_assert(MPIC_OFF_M_MSIIR1 + 4 <= MPIC_MSI_BANK_SIZE, "MSI bank");
_Static_assert(MPIC_SRC_BASE + MPIC_MAX_SOURCES * MPIC_SRC_STRIDE <= MPIC_CPU_BASE, "sources");
_Static_assert(MPIC_CPU_BASE + MPIC_MAX_CPUS * MPIC_CPU_STRIDE <= MPIC_WINDOW_SIZE, "CPUs");

/* -------------------------------------------------------------------- helpers ---- */

static void mpic_misuse(struct mpic *m, const char *reg, uint32_t offset, unsigned int size, uint32_t value,
			const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static void mpic_misuse(struct mpic *m, const char *reg, uint32_t offset, unsigned int size, uint32_t value,
			const char *fmt, ...)
{
	char msg[SIM_EVENT_MSG_LEN];
	va_list ap;

	m->own_misuse++;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	sim_event_emitf(&m->cfg.sink, SIM_EV_REGISTER_MISUSE, m->name, reg, offset, size, value, "%s", msg);
}

static uint32_t cpu_mask(const struct mpic *m)
{
	return m->cfg.cpu_count >= 32 ? 0xffffffffu : (1u << m->cfg.cpu_count) - 1;
}

static unsigned int src_idx(const struct mpic *m, unsigned int s, unsigned int reg)
{
	return m->src_base + s * MPIC_S_COUNT + reg;
}

static uint32_t ivpr_of(const struct mpic *m, unsigned int s)
{
	return sim_reg_get(&m->rf, src_idx(m, s, MPIC_S_IVPR));
}

static uint32_t idr_of(const struct mpic *m, unsigned int s)
{
	return sim_reg_get(&m->rf, src_idx(m, s, MPIC_S_IDR));
}

/* Input line asserted, given the source's polarity. */
static bool line_active(uint32_t ivpr, bool input)
{
	return SIM_FEX32(ivpr, IVPR, P) ? input : !input;
}

static void set_pending(struct mpic *m, unsigned int s, bool p)
{
	uint64_t bit = 1ull << (s % 64);

	m->src[s].pending = p;
	if (p)
		m->pending_map[s / 64] |= bit;
	else
		m->pending_map[s / 64] &= ~bit;
}

static unsigned int isr_top_priority(const struct mpic *m, unsigned int c)
{
	const struct mpic_cpu *cpu = &m->cpu[c];
	unsigned int i, top = 0;

	for (i = 0; i < cpu->depth; i++) {
		unsigned int p = SIM_FEX32(ivpr_of(m, cpu->isr[i]), IVPR, PRI);

		if (p > top)
			top = p;
	}
	return top;
}

/*
 * The source CPU c would take now (docs/mpic.md 3.3): pending, unmasked, routed to c, not in service,
 * priority above both CTPR and every interrupt c has in service. Highest priority wins; among equals
 * the lowest source number. -1 if none.
 */
static int best_source(const struct mpic *m, unsigned int c)
{
	unsigned int floor = m->cpu[c].ctpr, top = isr_top_priority(m, c), w, best_pri = 0;
	int best = -1;

	if (top > floor)
		floor = top;
	for (w = 0; w < m->pending_words; w++) {
		uint64_t bits = m->pending_map[w];

		while (bits) {
			unsigned int s = w * 64 + (unsigned int)__builtin_ctzll(bits);
			uint32_t ivpr = ivpr_of(m, s);
			unsigned int pri = SIM_FEX32(ivpr, IVPR, PRI);

			bits &= bits - 1;
			if (SIM_FEX32(ivpr, IVPR, MSK) || !(idr_of(m, s) & (1u << c)) || m->src[s].in_service)
				continue;
			if (pri <= floor || pri <= best_pri)
				continue;
			best = (int)s;
			best_pri = pri;
		}
	}
	return best;
}

/* Re-evaluate every CPU's output; report changes. A callback may re-enter the model. */
static void update_outputs(struct mpic *m)
{
	unsigned int c;

	for (c = 0; c < m->cfg.cpu_count; c++) {
		bool lvl = best_source(m, c) >= 0;

		if (lvl == m->cpu[c].output)
			continue;
		m->cpu[c].output = lvl;
		if (m->cfg.irq_changed)
			m->cfg.irq_changed(m->cfg.irq_ctx, c, lvl);
	}
}

/* A source's input line changes (device, MSI bank or error summary). */
static void drive_src(struct mpic *m, unsigned int s, bool level)
{
	struct mpic_src *x = &m->src[s];
	uint32_t ivpr = ivpr_of(m, s);
	bool was = line_active(ivpr, x->input), now = line_active(ivpr, level);

	x->input = level;
	if (SIM_FEX32(ivpr, IVPR, S))
		set_pending(m, s, now);
	else if (!was && now)
		set_pending(m, s, true);
	else
		return;
	update_outputs(m);
}

static void update_error_summary(struct mpic *m)
{
	uint32_t eimr = sim_reg_get(&m->rf, m->g_idx[MPIC_G_EIMR0]);

	drive_src(m, MPIC_SRC_ERROR, (m->eisr & ~eimr) != 0);
}

static uint32_t spurious_vector(const struct mpic *m)
{
	return SIM_FEX32(sim_reg_get(&m->rf, m->g_idx[MPIC_G_SVR]), SVR, VEC);
}

static uint32_t do_iack(struct mpic *m, unsigned int c)
{
	struct mpic_cpu *cpu = &m->cpu[c];
	int s = best_source(m, c);
	uint32_t ivpr;

	if (s < 0) {
		m->stats.spurious++;
		return spurious_vector(m);
	}
	if (cpu->depth >= MPIC_ISR_DEPTH) {
		/* Only reachable by lowering in-service priorities mid-service (docs/mpic.md 3.4). */
		sim_event_emitf(&m->cfg.sink, SIM_EV_UNSUPPORTED, m->name, "IACK", MPIC_CPU_BASE + c * MPIC_CPU_STRIDE +
				MPIC_OFF_C_IACK, 4, 0, "CPU %u: more than %u nested interrupts in service", c,
				MPIC_ISR_DEPTH);
		m->stats.spurious++;
		return spurious_vector(m);
	}
	ivpr = ivpr_of(m, (unsigned int)s);
	cpu->isr[cpu->depth++] = (uint16_t)s;
	m->src[s].in_service++;
	if (!SIM_FEX32(ivpr, IVPR, S))
		set_pending(m, (unsigned int)s, false);	/* an edge is consumed by its acknowledge */
	m->stats.iacks++;
	update_outputs(m);
	return SIM_FEX32(ivpr, IVPR, VEC);
}

static void do_eoi(struct mpic *m, unsigned int c, uint32_t offset)
{
	struct mpic_cpu *cpu = &m->cpu[c];
	unsigned int s;

	if (!cpu->depth) {
		mpic_misuse(m, "EOI", offset, 4, 0, "EOI on CPU %u with no interrupt in service", c);
		return;
	}
	s = cpu->isr[--cpu->depth];
	if (m->src[s].in_service)
		m->src[s].in_service--;
	m->stats.eois++;
	update_outputs(m);
}

/* ----------------------------------------------------------------- MSI banks ---- */

static uint32_t msir_get(const struct mpic *m, unsigned int b, unsigned int n)
{
	return sim_reg_get(&m->rf, (unsigned int)m->bank[b].msir_idx[n]);
}

static void msi_index_write(struct mpic *m, unsigned int b, bool msiir1, bool alias, uint32_t r)
{
	const struct mpic_msi_bank_cfg *bc = &m->cfg.banks[b];
	struct mpic_msi_event ev;
	unsigned int srs, ibs;
	uint32_t old;

	if (msiir1) {
		srs = SIM_FEX32(r, MSIIR1, SRS);
		ibs = SIM_FEX32(r, MSIIR1, IBSL) | SIM_FEX32(r, MSIIR1, IBSH) << 4;
	} else {
		srs = SIM_FEX32(r, MSIIR, SRS);
		ibs = SIM_FEX32(r, MSIIR, IBS);
	}
	if (srs >= bc->msir_count) {
		mpic_misuse(m, msiir1 ? "MSIIR1" : "MSIIR", m->cur_offset, 4, r,
			    "MSI bank %u: write 0x%08x selects MSIR %u, the bank has %u", b, r, srs,
			    bc->msir_count);
		return;
	}
	old = msir_get(m, b, srs);
	sim_reg_set(&m->rf, (unsigned int)m->bank[b].msir_idx[srs], old | 1u << ibs);
	m->stats.msi_writes++;
	if (old & (1u << ibs))
		m->stats.msi_coalesced++;
	if (m->cfg.msi_landed) {
		memset(&ev, 0, sizeof(ev));
		ev.bank = b;
		ev.msir = srs;
		ev.bit = ibs;
		ev.offset = m->cur_offset;
		ev.alias = alias;
		ev.msiir1 = msiir1;
		ev.reg_value = r;
		ev.coalesced = (old & (1u << ibs)) != 0;
		ev.initiator = m->cur_attrs ? m->cur_attrs->initiator : SIM_INITIATOR_CPU;
		ev.liodn = m->cur_attrs ? m->cur_attrs->liodn : 0;
		m->cfg.msi_landed(m->cfg.msi_ctx, &ev);
	}
	drive_src(m, bc->cascade[srs], true);
}

/* ---------------------------------------------------------------- the hooks ---- */

static void reg_read_hook(void *opaque, unsigned int idx, uint32_t *val)
{
	struct mpic *m = opaque;
	const struct slot *s = &m->slots[idx];
	unsigned int c = s->kind == SLOT_THISCPU ? 0 : s->inst, i;

	switch (s->kind) {
	case SLOT_GLOBAL:
		if (s->tmpl == MPIC_G_EISR0)
			*val = m->eisr;
		break;
	case SLOT_THISCPU:
	case SLOT_CPU:
		switch (s->tmpl) {
		case MPIC_C_CTPR:
			*val = m->cpu[c].ctpr;
			break;
		case MPIC_C_WHOAMI:
			*val = c;
			break;
		case MPIC_C_IACK:
			*val = do_iack(m, c);
			break;
		default:	/* IPIDRn and EOI read as 0 */
			*val = 0;
			break;
		}
		break;
	case SLOT_SRC:
		if (s->tmpl == MPIC_S_IVPR)
			*val = SIM_FDP32(*val, IVPR, A, m->src[s->inst].pending || m->src[s->inst].in_service);
		break;
	case SLOT_MSI:
		if (s->tmpl == MPIC_M_MSIR) {
			/* clear on read; the cascade line follows the (now empty) register */
			sim_reg_set(&m->rf, idx, 0);
			drive_src(m, m->cfg.banks[s->inst].cascade[s->sub], false);
		} else if (s->tmpl == MPIC_M_MSISR) {
			*val = 0;
			for (i = 0; i < m->cfg.banks[s->inst].msir_count; i++)
				if (msir_get(m, s->inst, i))
					*val |= 1u << i;
		} else {
			*val = 0;	/* index registers are write-only */
		}
		break;
	case SLOT_ALIAS:
		*val = 0;
		break;
	default:
		break;
	}
}

static void reg_write_hook(void *opaque, unsigned int idx, uint32_t old_val, uint32_t new_val, uint32_t written)
{
	struct mpic *m = opaque;
	const struct slot *s = &m->slots[idx];
	unsigned int c = s->kind == SLOT_THISCPU ? 0 : s->inst;

	switch (s->kind) {
	case SLOT_GLOBAL:
		if (s->tmpl == MPIC_G_GCR && SIM_FEX32(new_val, GCR, RST))
			mpic_reset(m);	/* completes at once: GCR reads back with RST clear */
		else if (s->tmpl == MPIC_G_EIMR0)
			update_error_summary(m);
		break;
	case SLOT_THISCPU:
	case SLOT_CPU:
		switch (s->tmpl) {
		case MPIC_C_CTPR:
			m->cpu[c].ctpr = (uint8_t)SIM_FEX32(new_val, CTPR, TASKP);
			update_outputs(m);
			break;
		case MPIC_C_EOI:
			sim_reg_set(&m->rf, idx, 0);
			do_eoi(m, c, m->cur_offset);
			break;
		default:	/* IPIDRn */
			sim_reg_set(&m->rf, idx, 0);
			if (new_val)
				sim_event_emitf(&m->cfg.sink, SIM_EV_UNSUPPORTED, m->name, m->names[idx],
						m->cur_offset, 4, written,
						"IPI dispatch 0x%08x: inter-processor interrupts are not modelled",
						new_val);
			break;
		}
		break;
	case SLOT_SRC:
		if (s->tmpl == MPIC_S_IVPR && SIM_FEX32(new_val, IVPR, S) &&
		    (new_val ^ old_val) & (SIM_FMASK(IVPR, S) | SIM_FMASK(IVPR, P)))
			set_pending(m, s->inst, line_active(new_val, m->src[s->inst].input));
		update_outputs(m);
		break;
	case SLOT_MSI:
		if (s->tmpl == MPIC_M_MSIIR || s->tmpl == MPIC_M_MSIIR1) {
			sim_reg_set(&m->rf, idx, 0);
			msi_index_write(m, s->inst, s->tmpl == MPIC_M_MSIIR1, false, new_val);
		}
		break;
	case SLOT_ALIAS:
		sim_reg_set(&m->rf, idx, 0);
		msi_index_write(m, s->inst, s->sub, true, new_val);
		break;
	default:
		break;
	}
}

static const struct sim_regfile_ops mpic_rf_ops = {
	.read = reg_read_hook,
	.post_write = reg_write_hook,
};

/* --------------------------------------------------------- building the file ---- */

static unsigned int add_reg(struct mpic *m, const struct sim_reg_def *t, uint32_t offset, enum slot_kind kind,
			    unsigned int tmpl, unsigned int inst, unsigned int sub, const char *fmt, ...)
	__attribute__((format(printf, 8, 9)));

static unsigned int add_reg(struct mpic *m, const struct sim_reg_def *t, uint32_t offset, enum slot_kind kind,
			    unsigned int tmpl, unsigned int inst, unsigned int sub, const char *fmt, ...)
{
	unsigned int i = m->count++;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(m->names[i], MPIC_NAME_LEN, fmt, ap);
	va_end(ap);
	m->defs[i] = *t;
	m->defs[i].name = m->names[i];
	m->defs[i].offset = offset;
	m->slots[i].kind = (uint8_t)kind;
	m->slots[i].tmpl = (uint8_t)tmpl;
	m->slots[i].sub = (uint8_t)sub;
	m->slots[i].inst = (uint16_t)inst;
	return i;
}

static bool cfg_valid(const struct mpic_cfg *cfg)
{
	uint64_t seen[MPIC_MAX_SOURCES / 64];
	unsigned int b, n;

	if (!cfg || cfg->cpu_count < 1 || cfg->cpu_count > MPIC_MAX_CPUS || cfg->num_sources <= MPIC_SRC_ERROR ||
	    cfg->num_sources > MPIC_MAX_SOURCES || cfg->bank_count > MPIC_MAX_MSI_BANKS)
		return false;
	memset(seen, 0, sizeof(seen));
	seen[MPIC_SRC_ERROR / 64] |= 1ull << (MPIC_SRC_ERROR % 64);
	for (b = 0; b < cfg->bank_count; b++) {
		const struct mpic_msi_bank_cfg *bc = &cfg->banks[b];
		unsigned int max = bc->kind == MPIC_MSI_V43 ? 16 : 8;

		if ((bc->kind != MPIC_MSI_V1 && bc->kind != MPIC_MSI_V43) || bc->msir_count < 1 ||
		    bc->msir_count > max)
			return false;
		if ((bc->base & 0xf) || bc->base > MPIC_WINDOW_SIZE - MPIC_MSI_BANK_SIZE)
			return false;
		if (bc->alias != MPIC_NO_ALIAS && ((bc->alias & 3) || bc->alias >= MPIC_WINDOW_SIZE))
			return false;
		for (n = 0; n < bc->msir_count; n++) {
			unsigned int src = bc->cascade[n];

			if (src >= cfg->num_sources || (seen[src / 64] >> (src % 64) & 1))
				return false;
			seen[src / 64] |= 1ull << (src % 64);
		}
	}
	return true;
}

static enum mpic_status build(struct mpic *m)
{
	const struct mpic_cfg *cfg = &m->cfg;
	uint32_t rsvd_cpu = ~cpu_mask(m);
	unsigned int i, c, s, b, n, t;
	struct sim_regfile_cfg rcfg;

	m->cap = MPIC_G_COUNT + 2 * MPIC_TIMERS_PER_GROUP * MPIC_T_COUNT + (cfg->cpu_count + 1) * MPIC_C_COUNT +
		 cfg->num_sources * MPIC_S_COUNT + cfg->bank_count * (MPIC_MAX_MSIRS + MPIC_M_COUNT);
	m->defs = calloc(m->cap, sizeof(*m->defs));
	m->slots = calloc(m->cap, sizeof(*m->slots));
	m->names = calloc(m->cap, sizeof(*m->names));
	if (!m->defs || !m->slots || !m->names)
		return MPIC_STATUS_NO_MEMORY;

	for (i = 0; i < MPIC_G_COUNT; i++) {
		m->g_idx[i] = add_reg(m, &global_tmpl[i], global_tmpl[i].offset, SLOT_GLOBAL, i, 0, 0, "%s",
				      global_tmpl[i].name);
	}
	m->defs[m->g_idx[MPIC_G_BRR1]].reset = SIM_FDP32(SIM_FDP32(0, BRR1, IPID, 0x0040), BRR1, VER, cfg->version);
	m->defs[m->g_idx[MPIC_G_FRR]].reset = SIM_FDP32(SIM_FDP32(SIM_FDP32(0, FRR, NIRQ, cfg->num_sources - 1),
								  FRR, NCPU, cfg->cpu_count - 1), FRR, VID, 2);
	m->defs[m->g_idx[MPIC_G_PIR]].rsvd = rsvd_cpu;

	for (t = 0; t < 2 * MPIC_TIMERS_PER_GROUP; t++) {
		uint32_t base = (t < MPIC_TIMERS_PER_GROUP ? MPIC_TIMER_GROUP_A : MPIC_TIMER_GROUP_B) +
				(t % MPIC_TIMERS_PER_GROUP) * MPIC_TIMER_STRIDE;

		for (i = 0; i < MPIC_T_COUNT; i++) {
			unsigned int k = add_reg(m, &timer_tmpl[i], base + timer_tmpl[i].offset, SLOT_TIMER, i, t, 0,
						 "TMR%c%u.%s", t < MPIC_TIMERS_PER_GROUP ? 'A' : 'B',
						 t % MPIC_TIMERS_PER_GROUP, timer_tmpl[i].name);

			if (i == MPIC_T_GTDR)
				m->defs[k].rsvd = rsvd_cpu;
		}
	}

	/* CPU 0's "this CPU" copy, then every CPU's block. */
	m->this_base = m->count;
	for (i = 0; i < MPIC_C_COUNT; i++) {
		unsigned int k = add_reg(m, &cpu_tmpl[i], cpu_tmpl[i].offset, SLOT_THISCPU, i, 0, 0, "%s",
					 cpu_tmpl[i].name);

		if (i <= MPIC_C_IPIDR3)
			m->defs[k].rsvd = rsvd_cpu;
	}
	m->cpu_base = m->count;
	for (c = 0; c < cfg->cpu_count; c++) {
		for (i = 0; i < MPIC_C_COUNT; i++) {
			unsigned int k = add_reg(m, &cpu_tmpl[i], MPIC_CPU_BASE + c * MPIC_CPU_STRIDE + cpu_tmpl[i].offset,
						 SLOT_CPU, i, c, 0, "CPU%u.%s", c, cpu_tmpl[i].name);

			if (i <= MPIC_C_IPIDR3)
				m->defs[k].rsvd = rsvd_cpu;
			if (i == MPIC_C_WHOAMI)
				m->defs[k].reset = c;
		}
	}

	m->src_base = m->count;
	for (s = 0; s < cfg->num_sources; s++) {
		for (i = 0; i < MPIC_S_COUNT; i++) {
			unsigned int k = add_reg(m, &src_tmpl[i], MPIC_SRC_BASE + s * MPIC_SRC_STRIDE + src_tmpl[i].offset,
						 SLOT_SRC, i, s, 0, "%s%u", src_tmpl[i].name, s);

			/* implementation choice (docs/mpic.md 3.1): internal sources reset active-high */
			if (i == MPIC_S_IVPR && s >= 16)
				m->defs[k].reset |= SIM_FMASK(IVPR, P);
			if (i == MPIC_S_IDR)
				m->defs[k].rsvd = rsvd_cpu;
		}
	}

	for (b = 0; b < cfg->bank_count; b++) {
		const struct mpic_msi_bank_cfg *bc = &cfg->banks[b];
		struct mpic_bank *bk = &m->bank[b];

		for (n = 0; n < bc->msir_count; n++)
			bk->msir_idx[n] = (int)add_reg(m, &msi_tmpl[MPIC_M_MSIR], bc->base + n * MPIC_MSIR_STRIDE, SLOT_MSI,
						       MPIC_M_MSIR, b, n, "MSI%u.MSIR%u", b, n);
		bk->msisr_idx = (int)add_reg(m, &msi_tmpl[MPIC_M_MSISR], bc->base + MPIC_OFF_M_MSISR, SLOT_MSI,
					     MPIC_M_MSISR, b, 0, "MSI%u.MSISR", b);
		bk->msiir_idx = (int)add_reg(m, &msi_tmpl[MPIC_M_MSIIR], bc->base + MPIC_OFF_M_MSIIR, SLOT_MSI,
					     MPIC_M_MSIIR, b, 0, "MSI%u.MSIIR", b);
		bk->msiir1_idx = -1;
		if (bc->kind == MPIC_MSI_V43)
			bk->msiir1_idx = (int)add_reg(m, &msi_tmpl[MPIC_M_MSIIR1], bc->base + MPIC_OFF_M_MSIIR1,
						      SLOT_MSI, MPIC_M_MSIIR1, b, 0, "MSI%u.MSIIR1", b);
		bk->alias_idx = -1;
		if (bc->alias != MPIC_NO_ALIAS) {
			bool v43 = bc->kind == MPIC_MSI_V43;

			bk->alias_idx = (int)add_reg(m, &msi_tmpl[v43 ? MPIC_M_MSIIR1 : MPIC_M_MSIIR], bc->alias,
						     SLOT_ALIAS, v43 ? MPIC_M_MSIIR1 : MPIC_M_MSIIR, b, v43,
						     "MSI%u.%s_ALIAS", b, v43 ? "MSIIR1" : "MSIIR");
		}
	}

	memset(&rcfg, 0, sizeof(rcfg));
	rcfg.block = m->name;
	rcfg.defs = m->defs;
	rcfg.count = m->count;
	rcfg.span = MPIC_WINDOW_SIZE;
	rcfg.ops = &mpic_rf_ops;
	rcfg.opaque = m;
	rcfg.sink = cfg->sink;
	switch (sim_regfile_init(&m->rf, &rcfg)) {
	case SIM_REG_OK:
		return MPIC_STATUS_OK;
	case SIM_REG_NO_MEMORY:
		return MPIC_STATUS_NO_MEMORY;
	default:
		return MPIC_STATUS_BAD_CFG;	/* two registers at one offset: banks or aliases overlap */
	}
}

enum mpic_status mpic_create(const struct mpic_cfg *cfg, struct mpic **out)
{
	struct mpic *m;
	enum mpic_status st;
	unsigned int b, n;

	if (!out)
		return MPIC_STATUS_BAD_ARG;
	*out = NULL;
	if (!cfg_valid(cfg))
		return MPIC_STATUS_BAD_CFG;
	m = calloc(1, sizeof(*m));
	if (!m)
		return MPIC_STATUS_NO_MEMORY;
	m->cfg = *cfg;
	snprintf(m->name, sizeof(m->name), "%s", cfg->name ? cfg->name : "mpic");
	m->cfg.name = m->name;
	m->pic1 = cfg->version == MPIC_VERSION_PIC1;
	m->pending_words = (cfg->num_sources + 63) / 64;
	m->src = calloc(cfg->num_sources, sizeof(*m->src));
	m->pending_map = calloc(m->pending_words, sizeof(*m->pending_map));
	if (!m->src || !m->pending_map) {
		mpic_destroy(m);
		return MPIC_STATUS_NO_MEMORY;
	}
	m->src[MPIC_SRC_ERROR].model_driven = true;
	for (b = 0; b < cfg->bank_count; b++)
		for (n = 0; n < cfg->banks[b].msir_count; n++)
			m->src[cfg->banks[b].cascade[n]].model_driven = true;
	st = build(m);
	if (st != MPIC_STATUS_OK) {
		mpic_destroy(m);
		return st;
	}
	mpic_reset(m);
	*out = m;
	return MPIC_STATUS_OK;
}

void mpic_destroy(struct mpic *m)
{
	if (!m)
		return;
	sim_regfile_destroy(&m->rf);
	free(m->defs);
	free(m->slots);
	free(m->names);
	free(m->src);
	free(m->pending_map);
	free(m);
}

void mpic_reset(struct mpic *m)
{
	unsigned int s, c;

	sim_regfile_reset(&m->rf);
	for (c = 0; c < m->cfg.cpu_count; c++) {
		m->cpu[c].ctpr = 0xf;
		m->cpu[c].depth = 0;
	}
	/* Pending and in-service state goes; device input levels stay (docs/mpic.md 3.6). The lines the
	 * model drives follow their (reset) registers without creating an edge. */
	for (s = 0; s < m->cfg.num_sources; s++) {
		m->src[s].in_service = 0;
		if (m->src[s].model_driven)
			m->src[s].input = false;
	}
	memset(m->pending_map, 0, m->pending_words * sizeof(*m->pending_map));
	for (s = 0; s < m->cfg.num_sources; s++)
		m->src[s].pending = false;
	m->src[MPIC_SRC_ERROR].input = m->eisr != 0;	/* EIMR0 resets to 0: nothing masked */
	update_outputs(m);
}

/* ---------------------------------------------------------------- accesses ---- */

static bool is_device(const struct sim_txn_attrs *attrs)
{
	return attrs && attrs->initiator == SIM_INITIATOR_DEVICE;
}

/* The 32-bit big-endian register value of the 4 bytes a device put on the bus (host-order image). */
static uint32_t be_value_of_image(uint32_t image)
{
	uint8_t b[4];

	memcpy(b, &image, 4);
	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

static uint32_t le_value_of_image(uint32_t image)
{
	uint8_t b[4];

	memcpy(b, &image, 4);
	return (uint32_t)b[3] << 24 | (uint32_t)b[2] << 16 | (uint32_t)b[1] << 8 | b[0];
}

static uint32_t image_of_be_value(uint32_t v)
{
	uint8_t b[4] = { (uint8_t)(v >> 24), (uint8_t)(v >> 16), (uint8_t)(v >> 8), (uint8_t)v };
	uint32_t image;

	memcpy(&image, b, 4);
	return image;
}

static bool is_msi_index(const struct mpic *m, int idx)
{
	const struct slot *s;

	if (idx < 0)
		return false;
	s = &m->slots[idx];
	return s->kind == SLOT_ALIAS ||
	       (s->kind == SLOT_MSI && (s->tmpl == MPIC_M_MSIIR || s->tmpl == MPIC_M_MSIIR1));
}

uint64_t mpic_mmio_read(void *opaque, uint64_t offset, unsigned int size, const struct sim_txn_attrs *attrs)
{
	struct mpic *m = opaque;
	const struct sim_txn_attrs *save_attrs = m->cur_attrs;
	uint32_t save_off = m->cur_offset, v;

	if (offset >= MPIC_WINDOW_SIZE) {
		mpic_misuse(m, NULL, (uint32_t)(offset > UINT32_MAX ? UINT32_MAX : offset), size, 0,
			    "read at offset 0x%llx: beyond the MPIC window", (unsigned long long)offset);
		return 0;
	}
	m->cur_attrs = attrs;
	m->cur_offset = (uint32_t)offset;
	v = sim_regfile_read(&m->rf, (uint32_t)offset, size);
	m->cur_attrs = save_attrs;
	m->cur_offset = save_off;
	return is_device(attrs) && size == 4 ? image_of_be_value(v) : v;
}

void mpic_mmio_write(void *opaque, uint64_t offset, unsigned int size, uint64_t value,
		     const struct sim_txn_attrs *attrs)
{
	struct mpic *m = opaque;
	const struct sim_txn_attrs *save_attrs = m->cur_attrs;
	uint32_t save_off = m->cur_offset, v = (uint32_t)value;

	if (offset >= MPIC_WINDOW_SIZE) {
		mpic_misuse(m, NULL, (uint32_t)(offset > UINT32_MAX ? UINT32_MAX : offset), size, v,
			    "write at offset 0x%llx: beyond the MPIC window", (unsigned long long)offset);
		return;
	}
	if (is_device(attrs) && size == 4) {
		/* docs/mpic.md 4-5: a device's bytes land big-endian, except on a PIC1 part's index registers */
		if (m->pic1 && is_msi_index(m, sim_regfile_lookup(&m->rf, (uint32_t)offset)))
			v = le_value_of_image(v);
		else
			v = be_value_of_image(v);
	}
	m->cur_attrs = attrs;
	m->cur_offset = (uint32_t)offset;
	sim_regfile_write(&m->rf, (uint32_t)offset, size, v);
	m->cur_attrs = save_attrs;
	m->cur_offset = save_off;
}

const struct soc_mmio_ops mpic_mmio_ops = {
	.read = mpic_mmio_read,
	.write = mpic_mmio_write,
};

uint32_t mpic_reg_read(struct mpic *m, uint32_t offset, unsigned int size)
{
	return (uint32_t)mpic_mmio_read(m, offset, size, NULL);
}

void mpic_reg_write(struct mpic *m, uint32_t offset, unsigned int size, uint32_t value)
{
	mpic_mmio_write(m, offset, size, value, NULL);
}

/* ------------------------------------------------------------------ inputs ---- */

enum mpic_status mpic_set_irq(struct mpic *m, unsigned int src, bool level)
{
	if (src >= m->cfg.num_sources || m->src[src].model_driven)
		return MPIC_STATUS_BAD_ARG;
	drive_src(m, src, level);
	return MPIC_STATUS_OK;
}

enum mpic_status mpic_set_err_irq(struct mpic *m, unsigned int sub, bool level)
{
	uint32_t bit;

	if (sub > 31)
		return MPIC_STATUS_BAD_ARG;
	bit = 1u << (31 - sub);
	m->eisr = level ? m->eisr | bit : m->eisr & ~bit;
	update_error_summary(m);
	return MPIC_STATUS_OK;
}

bool mpic_irq_output(const struct mpic *m, unsigned int cpu)
{
	return cpu < m->cfg.cpu_count && m->cpu[cpu].output;
}

uint32_t mpic_cpu_iack(struct mpic *m, unsigned int cpu)
{
	if (cpu >= m->cfg.cpu_count)
		return spurious_vector(m);
	return do_iack(m, cpu);
}

void mpic_cpu_eoi(struct mpic *m, unsigned int cpu)
{
	if (cpu < m->cfg.cpu_count)
		do_eoi(m, cpu, MPIC_CPU_BASE + cpu * MPIC_CPU_STRIDE + MPIC_OFF_C_EOI);
}

/* -------------------------------------------------------------- inspection ---- */

uint32_t mpic_msir_peek(const struct mpic *m, unsigned int bank, unsigned int msir)
{
	if (bank >= m->cfg.bank_count || msir >= m->cfg.banks[bank].msir_count)
		return 0;
	return msir_get(m, bank, msir);
}

bool mpic_src_pending(const struct mpic *m, unsigned int src)
{
	return src < m->cfg.num_sources && m->src[src].pending;
}

unsigned int mpic_in_service_depth(const struct mpic *m, unsigned int cpu)
{
	return cpu < m->cfg.cpu_count ? m->cpu[cpu].depth : 0;
}

void mpic_get_stats(const struct mpic *m, struct mpic_stats *st)
{
	*st = m->stats;
	st->misuse = m->rf.misuse_count + m->own_misuse;
}

const struct mpic_cfg *mpic_get_cfg(const struct mpic *m)
{
	return &m->cfg;
}

void mpic_page_reach(const struct mpic *m, uint32_t offset, struct mpic_page_reach *r)
{
	uint32_t page = offset & ~(MPIC_PAGE - 1), off;

	r->msiir_banks = 0;
	r->other_regs = false;
	if (offset >= MPIC_WINDOW_SIZE)
		return;
	for (off = page; off < page + MPIC_PAGE; off += 4) {
		int idx = sim_regfile_lookup(&m->rf, off);

		if (idx < 0)
			continue;
		if (is_msi_index(m, idx))
			r->msiir_banks |= 1u << m->slots[idx].inst;
		else
			r->other_regs = true;
	}
}

uint32_t mpic_msi_page_banks(const struct mpic *m, uint32_t offset)
{
	struct mpic_page_reach r;

	mpic_page_reach(m, offset, &r);
	return r.msiir_banks;
}

uint32_t mpic_msi_target(const struct mpic *m, unsigned int bank)
{
	const struct mpic_msi_bank_cfg *bc;

	if (bank >= m->cfg.bank_count)
		return MPIC_NO_ALIAS;
	bc = &m->cfg.banks[bank];
	return bc->alias != MPIC_NO_ALIAS ? bc->alias : bc->base + MPIC_OFF_M_MSIIR;
}

/* ----------------------------------------------------------------- layouts ---- */

/*
 * Built-in layouts (docs/mpic.md 7). Bank bases, alias registers, MSIR counts and cascade sources are
 * hw-facts.md 1 and 12.3-12.5; versions, CPU and source counts are assumptions until the SoC presets
 * give them.
 */
static void layout_v1(struct mpic_cfg *c, bool alias)
{
	unsigned int k, n;

	c->version = 0x0402;
	c->cpu_count = 8;
	c->num_sources = 256;
	c->bank_count = 3;
	for (k = 0; k < 3; k++) {
		c->banks[k].base = 0x1600 + 0x200 * k;
		c->banks[k].alias = alias ? 0x4140 + 0x1000 * k : MPIC_NO_ALIAS;
		c->banks[k].msir_count = 8;
		c->banks[k].kind = MPIC_MSI_V1;
		for (n = 0; n < 8; n++)
			c->banks[k].cascade[n] = (uint16_t)(0xe0 + 8 * k + n);
	}
}

static void layout_v43(struct mpic_cfg *c)
{
	unsigned int k, n;

	c->version = 0x0403;
	c->cpu_count = 24;
	c->num_sources = 512;
	c->bank_count = 4;
	for (k = 0; k < 4; k++) {
		c->banks[k].base = 0x1600 + 0x200 * k;
		c->banks[k].alias = 0x4148 + 0x1000 * k;
		c->banks[k].msir_count = 16;
		c->banks[k].kind = MPIC_MSI_V43;
		for (n = 0; n < 16; n++)
			c->banks[k].cascade[n] = (uint16_t)(n < 8 ? 0xe0 + 8 * k + n : 0x100 + 8 * k + (n - 8));
	}
}

static const char *const layout_names[] = { "qoriq-mpic", "qoriq-mpic4.3", "p4080" };

bool mpic_builtin_layout(const char *name, struct mpic_cfg *cfg)
{
	struct mpic_cfg c;

	if (!name || !cfg)
		return false;
	memset(&c, 0, sizeof(c));
	c.name = "mpic";
	if (!strcmp(name, "qoriq-mpic"))
		layout_v1(&c, true);
	else if (!strcmp(name, "qoriq-mpic4.3"))
		layout_v43(&c);
	else if (!strcmp(name, "p4080"))
		layout_v1(&c, false);	/* the seed's P4080: no per-bank alias page (spec/README.md) */
	else
		return false;
	*cfg = c;
	return true;
}

const char *mpic_builtin_layout_name(unsigned int i)
{
	return i < sizeof(layout_names) / sizeof(layout_names[0]) ? layout_names[i] : NULL;
}

const char *mpic_status_name(enum mpic_status st)
{
	switch (st) {
	case MPIC_STATUS_OK:
		return "ok";
	case MPIC_STATUS_BAD_CFG:
		return "bad configuration";
	case MPIC_STATUS_BAD_ARG:
		return "bad argument";
	case MPIC_STATUS_NO_MEMORY:
		return "out of host memory";
	}
	return "unknown";
}
