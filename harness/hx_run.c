// SPDX-License-Identifier: BSD-2-Clause
/*
 * hx_run.c - the bare-level runner and the oracle: builds the SoC, runs the steps, judges every DMA and
 * MSI against the scenario's intent and ownership policy, never against the PAMU tables.
 *
 * Rules: ../shared/DESIGN.md ("Execution model", "The oracle"), docs/scenarios.md ("How a run is
 * judged"), docs/findings.md. PAACE layout (the harness writes entries by field name): hw-facts.md 5.1
 * and 5.2, kept here as the harness's own table so that the oracle shares nothing with the model's walk.
 * Register names come from the models' register lists (pamu_regs.h, mpic_regs.h, soc_guts_regs.h).
 */
#include "hx_run.h"
#include "hx_fcov.h"
#include "hx_vfio.h"
#include "hx_known.h"

#include <dlfcn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mpic_regs.h"
#include "pamu_regs.h"
#include "sim_time.h"
#include "soc_timing.h"
#include "soc_guts_regs.h"

#ifdef HX_HAVE_KS
#include "ks_host_soc.h"
#include "ks_fault.h"
#endif

/* ------------------------------------------------------------------ PAACE fields (hw-facts.md 5.1) */

enum fld_kind { FLD_WORD, FLD_BYTE, FLD_HALF };

struct paace_field {
	const char *name;
	enum fld_kind kind;
	unsigned int off;		/* byte offset in the 64-byte entry */
	unsigned int shift, width;	/* FLD_WORD; FLD_BYTE: bits of the byte */
	int which;			/* 0 both, 1 primary only, 2 secondary only */
};

static const struct paace_field paace_fields[] = {
	{ "wbah", FLD_WORD, 0x00, 0, 32, 1 },
	{ "wbal", FLD_WORD, 0x04, 12, 20, 1 },
	{ "owner", FLD_WORD, 0x04, 16, 16, 2 },
	{ "wse", FLD_WORD, 0x04, 6, 6, 1 },
	{ "mw", FLD_WORD, 0x04, 5, 1, 1 },
	{ "ap", FLD_WORD, 0x04, 3, 2, 0 },
	{ "dd", FLD_WORD, 0x04, 2, 1, 0 },
	{ "pt", FLD_WORD, 0x04, 1, 1, 0 },
	{ "v", FLD_WORD, 0x04, 0, 1, 0 },
	{ "did", FLD_BYTE, 0x08, 0, 8, 0 },
	{ "pid", FLD_BYTE, 0x09, 0, 8, 0 },
	{ "snpid", FLD_BYTE, 0x0a, 0, 8, 0 },
	{ "cr", FLD_BYTE, 0x0b, 7, 1, 0 },
	{ "cid", FLD_WORD, 0x0c, 16, 8, 0 },
	{ "wce", FLD_WORD, 0x0c, 4, 4, 0 },
	{ "atm", FLD_WORD, 0x0c, 2, 2, 0 },
	{ "otm", FLD_WORD, 0x0c, 0, 2, 0 },
	{ "twbah", FLD_WORD, 0x10, 0, 32, 0 },
	{ "twbal", FLD_WORD, 0x14, 12, 20, 0 },
	{ "swse", FLD_WORD, 0x14, 6, 6, 0 },
	{ "fspi", FLD_WORD, 0x18, 0, 32, 1 },
	{ "ioea", FLD_BYTE, 0x1c, 0, 8, 0 },
	{ "moea", FLD_BYTE, 0x1d, 0, 8, 0 },
	{ "ioeb", FLD_BYTE, 0x1e, 0, 8, 0 },
	{ "moeb", FLD_BYTE, 0x1f, 0, 8, 0 },
	{ "omi", FLD_HALF, 0x1e, 0, 16, 0 },
};

static const struct paace_field *paace_field_find(const char *name, bool secondary)
{
	unsigned int i;

	for (i = 0; i < sizeof(paace_fields) / sizeof(paace_fields[0]); i++) {
		const struct paace_field *f = &paace_fields[i];

		if (!strcmp(f->name, name) && (f->which == 0 || f->which == (secondary ? 2 : 1)))
			return f;
	}
	return NULL;
}

bool hx_paace_field_known(const char *name, bool secondary)
{
	return paace_field_find(name, secondary) != NULL;
}

/* ------------------------------------------------------------------ register names */

struct reg_name {
	const char *name;
	uint32_t off;
};

#define HX_REG_ROW(name, off, reset, ro, w1c, rsvd, cor) { #name, (off) },
static const struct reg_name pamu_names[] = { PAMU_REG_LIST(HX_REG_ROW) { NULL, 0 } };
static const struct reg_name guts_names[] = { GUTS_REG_LIST(HX_REG_ROW) { NULL, 0 } };
static const struct reg_name mpic_names[] = { MPIC_GLOBAL_REGS(HX_REG_ROW) { NULL, 0 } };
#undef HX_REG_ROW

static bool reg_lookup(const struct reg_name *t, const char *name, uint32_t *off)
{
	for (; t && t->name; t++) {
		if (!strcasecmp(t->name, name)) {
			*off = t->off;
			return true;
		}
	}
	return false;
}

/* ------------------------------------------------------------------ the run */

#define HX_PPAACT_SIZE ((uint64_t)PAMU_PPAACT_ENTRIES * PAMU_PAACE_SIZE)
#define HX_SPAACT_SIZE ((uint64_t)PAMU_SPAACT_ENTRIES * PAMU_PAACE_SIZE)
#define HX_OMT_SIZE ((uint64_t)PAMU_OMT_ENTRIES * PAMU_OME_SIZE)

struct intent {
	bool set;			/* a paace: step declared this device's window */
	bool valid;
	uint64_t base, size, tbase;
	bool r, w;
	bool stash;			/* linux: the domain asked for stashing to this L1 stash id */
	uint32_t stash_id;
	/* linux 5.10: windowed (nwin > 0): exactly the enabled windows are granted, base/size/tbase/r/w
	 * above are unused then; windows disabled or never enabled are absent */
	unsigned int nwin;
	struct intent_win {
		bool on, r, w;
		uint64_t base, size, tbase;
	} win[HX_MAX_WINDOWS];
	uint64_t msi_tgt[8];		/* linux: MSI targets (physical) the MSI driver gave this device */
	unsigned int nmsi_tgt;
	const struct hx_vfio_cont *vc;	/* linux: in this VFIO container, its mappings are the intent */
};

struct rdev {
	const struct hx_device *d;
	uint32_t liodn;
	unsigned int pamu;
	int domain;			/* policy domain, -1 none */
	struct intent in;
};

struct runner {
	const struct hx_scenario *sc;
	const struct hx_run_opts *o;
	struct hx_result *r;
	struct soc *soc;
	struct soc_bus *bus;
	struct mpic *mpic;
	bool armed;			/* model events become findings (after the SoC is built) */
	struct rdev devs[HX_MAX_DEVICES + HX_MAX_PCI];	/* scenario devices, then pci:<n> at HX_MAX_DEVICES + n */
	struct hx_device pci_hd[HX_MAX_PCI];
	bool tables;
	uint64_t ppaact, spaact;
	uint64_t time;
	int step;			/* 1-based, 0 outside steps */
	uint64_t hash;
	uint64_t rng;
	int cur_dev;			/* device of the current DMA, -1 none (for event findings) */
	/* timed mode (docs/timing.md): the event queue, the SoC's timing, the latest completion */
	struct sim_evq *evq;
	struct soc_timed *timed;
	bool pipelined;			/* traffic: issue back to back, do not wait for each completion */
	uint64_t busy_until;
#ifdef HX_HAVE_KS
	struct ks_host_soc hs;		/* linux level: the host side of the kernel variant */
	const struct ks_api *ks;
	void *ks_handle;
	bool booted, shut_down, dead;
	struct rdom {
		char name[HX_NAME_LEN];
		int id;			/* ks handle */
		bool live, stash;
		uint32_t stash_id;
		uint32_t devs;		/* bit: index into devs */
		/* 5.10: the windowed API's state as the kernel user set it */
		bool geometry, enabled;
		uint64_t gstart, gend;
		unsigned int nwin;
		struct intent_win win[HX_MAX_WINDOWS];
	} doms[HX_MAX_DOMAINS * 2];
	bool v510;			/* the variant is 5.10: the windowed IOMMU API and its intent */
	unsigned int ndoms;
	struct ks_msi_vec *vecs[HX_MAX_PCI];
	unsigned int nvec[HX_MAX_PCI];
	bool kernel_msi;		/* an msi-alloc happened: the kernel's cascade is the MSI handler */
	struct hx_vfio_state vf;	/* VFIO containers and user buffers (hx_run_vfio.c) */
#endif
};

const char *hx_status_name(enum hx_status s)
{
	switch (s) {
	case HX_PASS:
		return "pass";
	case HX_FAIL:
		return "fail";
	case HX_SKIPPED:
		return "skipped";
	default:
		return "error";
	}
}

void hx_finding_breakpoint(const struct hx_finding *f)
{
	/* Deliberately empty and not inlined: `break hx_finding_breakpoint` in a debugger. */
	__asm__ volatile("" : : "r"(f) : "memory");
}

static const struct hx_run_opts *g_opts;
static struct runner *g_rn;		/* the run in progress (one per process): injector callbacks */

void hx_result_add(struct hx_result *r, const char *kind, int step, const char *device, int32_t liodn,
		   bool has_addr, uint64_t addr, uint64_t time, const char *fmt, ...)
{
	struct hx_finding *f;
	va_list ap;

	r->findings_total++;
	if (r->nfindings >= HX_MAX_FINDINGS)
		return;
	f = &r->findings[r->nfindings++];
	memset(f, 0, sizeof(*f));
	snprintf(f->kind, sizeof(f->kind), "%s", kind);
	f->step = step;
	snprintf(f->device, sizeof(f->device), "%s", device ? device : "");
	f->liodn = liodn;
	f->has_address = has_addr;
	f->address = addr;
	f->time = time;
	va_start(ap, fmt);
	vsnprintf(f->message, sizeof(f->message), fmt, ap);
	va_end(ap);
	if (g_opts && g_opts->break_on_finding)
		hx_finding_breakpoint(f);
}

static void unmet(struct runner *rn, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void unmet(struct runner *rn, const char *fmt, ...)
{
	struct hx_result *r = rn->r;
	char msg[300];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (r->nunmet < HX_MAX_UNMET)
		snprintf(r->unmet[r->nunmet++], sizeof(r->unmet[0]), "step %d (line %u): %s", rn->step,
			 rn->step ? rn->sc->steps[rn->step - 1].line : 0, msg);
}

/* The text trace: one line per event; every line feeds the trace hash (FNV-1a 64). */
static void trace(struct runner *rn, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void trace(struct runner *rn, const char *fmt, ...)
{
	char line[400];
	va_list ap;
	int n;
	size_t i;

	n = snprintf(line, sizeof(line), "%8llu ", (unsigned long long)rn->time);
	va_start(ap, fmt);
	vsnprintf(line + n, sizeof(line) - (size_t)n, fmt, ap);
	va_end(ap);
	for (i = 0; line[i]; i++) {
		rn->hash ^= (unsigned char)line[i];
		rn->hash *= 0x100000001b3ull;
	}
	rn->hash ^= '\n';
	rn->hash *= 0x100000001b3ull;
	if (rn->o->trace)
		fprintf(rn->o->trace, "%s\n", line);
}

/* splitmix64: every random choice of a run comes from the scenario's seed. */
static uint64_t rnd(struct runner *rn)
{
	uint64_t z = (rn->rng += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static uint64_t rnd_below(struct runner *rn, uint64_t n)
{
	return n ? rnd(rn) % n : 0;
}

static const char *dev_name(const struct runner *rn, int d)
{
	return d >= 0 ? rn->devs[d].d->name : "";
}

static void sink_emit(void *ctx, const struct sim_event *ev)
{
	struct runner *rn = ctx;
	int d = rn->cur_dev;

	if (!rn->armed)
		return;
	switch (ev->kind) {
	case SIM_EV_REGISTER_MISUSE:
		trace(rn, "event register-misuse %s %s +0x%llx size %u", ev->block ? ev->block : "?",
		      ev->reg ? ev->reg : "-", (unsigned long long)ev->addr, ev->size);
		hx_result_add(rn->r, "register-misuse", rn->step, dev_name(rn, d), d >= 0 ? (int32_t)rn->devs[d].liodn : -1,
			      true, ev->addr, rn->time, "%s%s%s: %s", ev->block ? ev->block : "?", ev->reg ? "." : "",
			      ev->reg ? ev->reg : "", ev->msg);
		break;
	case SIM_EV_UNMAPPED_ACCESS:
		trace(rn, "event unmapped-access 0x%09llx size %u", (unsigned long long)ev->addr, ev->size);
		hx_result_add(rn->r, "unmapped-access", rn->step, dev_name(rn, d), d >= 0 ? (int32_t)rn->devs[d].liodn : -1,
			      true, ev->addr, rn->time, "a bus access nothing decodes: %s", ev->msg);
		break;
	case SIM_EV_UNSUPPORTED:
		trace(rn, "event unsupported %s", ev->msg);
		unmet(rn, "model limitation (unsupported): %s", ev->msg);
		break;
	default:
		break;
	}
}

static bool build_soc(const struct hx_target *t, struct runner *rn, struct hx_error *err)
{
	struct soc_cfg cfg = {
		.preset = t->preset,
		.rev = t->rev,
		.dtb = t->dtb,
		.dtb_size = t->dtb_size,
		.dtb_name = t->dtb_name,
		.sink = { .emit = sink_emit, .ctx = rn },
	};
	struct soc_error se;

	if (soc_create(&cfg, &rn->soc, &se) != SOC_OK) {
		snprintf(err->msg, sizeof(err->msg), "%s", se.msg);
		return false;
	}
	rn->bus = soc_get_bus(rn->soc);
	rn->mpic = soc_get_mpic(rn->soc);
	return true;
}

/* A device: node path, or a preset label (the firmware LIODN row), or an explicit LIODN. */
static bool resolve_device(struct runner *rn, const struct hx_target *t, unsigned int i, struct hx_error *err)
{
	const struct hx_device *d = &rn->sc->devices[i];
	const struct soc_device *sd = NULL;
	struct rdev *rd = &rn->devs[i];
	unsigned int k;

	rd->d = d;
	rd->domain = -1;
	for (k = 0; k < rn->sc->ndomains; k++)
		if (rn->sc->domains[k].devices & (1u << i))
			rd->domain = (int)k;
	if (d->explicit_liodn) {
		rd->liodn = d->liodn;
		rd->pamu = d->pamu;
		if (d->pamu >= soc_pamu_count(rn->soc)) {
			snprintf(err->msg, sizeof(err->msg), "%.200s:%u:%u: devices.%s.pamu: expected a PAMU of %s (0..%u), "
				 "found %u", rn->sc->file, d->line, d->col, d->name, t->preset->name,
				 soc_pamu_count(rn->soc) - 1, d->pamu);
			return false;
		}
		return true;
	}
	if (d->node[0] == '/') {
		sd = soc_find_device(rn->soc, d->node);
	} else {
		for (k = 0; k < t->preset->liodn_count && !sd; k++) {
			const struct soc_fw_liodn *row = &t->preset->liodns[k];
			unsigned int j;

			if (strcmp(row->device, d->node))
				continue;
			for (j = 0; j < soc_device_count(rn->soc); j++) {
				const struct soc_device *c = soc_get_device(rn->soc, j);

				if (c->liodn[0] == row->liodn[0]) {
					sd = c;
					break;
				}
			}
		}
	}
	if (!sd) {
		snprintf(err->msg, sizeof(err->msg), "%.200s:%u:%u: devices.%s: expected a tree node with fsl,liodn or a "
			 "firmware LIODN label of %s, found \"%.160s\" matching none", rn->sc->file, d->line, d->col, d->name, t->preset->name, d->node);
		return false;
	}
	rd->liodn = sd->liodn[0];
	rd->pamu = sd->pamu;
	return true;
}

static bool block_base(struct runner *rn, const struct hx_step *st, uint64_t *base, const struct reg_name **names)
{
	*names = NULL;
	switch (st->block) {
	case HX_BLOCK_PAMU:
		if (st->block_index >= soc_pamu_count(rn->soc))
			return false;
		*base = soc_pamu_base(rn->soc, st->block_index);
		*names = pamu_names;
		return true;
	case HX_BLOCK_MPIC:
		*base = soc_mpic_base(rn->soc);
		*names = mpic_names;
		return true;
	case HX_BLOCK_GUTS:
		*base = soc_guts_base(rn->soc);
		*names = guts_names;
		return true;
	case HX_BLOCK_CCSR:
		*base = soc_ccsr_base(rn->soc);
		return true;
	default:
		*base = 0;
		return true;
	}
}

static bool step_address(struct runner *rn, const struct hx_step *st, uint64_t *addr, struct hx_error *err)
{
	const struct reg_name *names;
	uint64_t base;
	uint32_t off;

	if (!block_base(rn, st, &base, &names)) {
		snprintf(err->msg, sizeof(err->msg), "%.200s:%u:%u: block: expected pamu0..pamu%u on %s, found pamu%u",
			 rn->sc->file, st->line, st->col, soc_pamu_count(rn->soc) - 1,
			 soc_get_preset(rn->soc)->name, st->block_index);
		return false;
	}
	if (!st->reg[0]) {
		*addr = base + st->offset;
		return true;
	}
	if (!reg_lookup(names, st->reg, &off)) {
		snprintf(err->msg, sizeof(err->msg), "%.200s:%u:%u: reg: expected a register name of the block "
			 "(docs/registers.md), found \"%s\"", rn->sc->file, st->line, st->col, st->reg);
		return false;
	}
	*addr = base + off;
	return true;
}

static bool env_reg_addr(void *ctx, const char *reg, uint64_t *addr)
{
	return hx_reg_addr(((struct runner *)ctx)->soc, reg, addr);
}

static bool env_liodn(void *ctx, const char *dev, uint32_t *liodn)
{
	struct runner *rn = ctx;
	unsigned int j;

	for (j = 0; j < HX_MAX_DEVICES + HX_MAX_PCI; j++)
		if (rn->devs[j].d && !strcmp(rn->devs[j].d->name, dev)) {
			*liodn = rn->devs[j].liodn;
			return true;
		}
	return false;
}

static void env_note(void *ctx, const char *text)
{
	trace(ctx, "%s", text);
}

bool hx_reg_addr(struct soc *soc, const char *text, uint64_t *addr)
{
	const struct reg_name *names;
	const char *dot = strchr(text, '.');
	char block[16];
	uint64_t base;
	uint32_t off;
	unsigned int n;

	if (!dot || (size_t)(dot - text) >= sizeof(block))
		return false;
	memcpy(block, text, (size_t)(dot - text));
	block[dot - text] = 0;
	if (sscanf(block, "pamu%u", &n) == 1) {
		if (n >= soc_pamu_count(soc))
			return false;
		base = soc_pamu_base(soc, n);
		names = pamu_names;
	} else if (!strcmp(block, "mpic")) {
		base = soc_mpic_base(soc);
		names = mpic_names;
	} else if (!strcmp(block, "guts")) {
		base = soc_guts_base(soc);
		names = guts_names;
	} else {
		return false;
	}
	if (!reg_lookup(names, dot + 1, &off))
		return false;
	*addr = base + off;
	return true;
}

/* A stale use found by the timing model: the stale-translation finding (docs/findings.md). */
static void on_stale(void *ctx, unsigned int pamu, const struct pamu_stale *s)
{
	struct runner *rn = ctx;
	int d = rn->cur_dev;

	hx_result_add(rn->r, "stale-translation", rn->step, dev_name(rn, d), (int32_t)s->liodn, true, s->entry,
		      s->used_at, "pamu%u used its cached %s entry at 0x%llx (LIODN %u) at cycle %llu: the entry was "
		      "cached at cycle %llu and its memory changed at cycle %llu, %llu cycles before, inside the "
		      "preset's coherence rule (%s)", pamu, pamu_table_name(s->table), (unsigned long long)s->entry,
		      s->liodn, (unsigned long long)s->used_at, (unsigned long long)s->filled_at,
		      (unsigned long long)s->changed_at, (unsigned long long)(s->used_at - s->changed_at),
		      rn->r->timing.coherence);
	trace(rn, "stale %s entry 0x%llx liodn %u pamu%u", pamu_table_name(s->table), (unsigned long long)s->entry,
	      s->liodn, pamu);
}

static bool timed_setup(struct runner *rn, const struct hx_target *t, struct hx_error *err)
{
	struct soc_timing tm;
	char why[200];

	if (!t->preset->has_timing) {
		snprintf(err->msg, sizeof(err->msg), "%.200s: timed run: preset %s has no timing: section (%s); "
			 "docs/timing.md says what it holds", rn->sc->file, t->preset->name, t->preset->file);
		return false;
	}
	tm = t->preset->timing;
	if (rn->sc->coherence >= 0)
		tm.pamu.coherence = (enum pamu_coherence)rn->sc->coherence;
	if (rn->sc->hazard_window)
		tm.pamu.hazard_window = rn->sc->hazard_window;
	if (tm.pamu.coherence == PAMU_COH_WINDOW && !tm.pamu.hazard_window) {
		snprintf(err->msg, sizeof(err->msg), "%.200s: timing.hazard-window: expected a window with coherence "
			 "hazard-window, found none (the preset gives none either)", rn->sc->file);
		return false;
	}
	rn->evq = sim_evq_create(64);
	if (!rn->evq) {
		snprintf(err->msg, sizeof(err->msg), "timed run: out of memory");
		return false;
	}
	rn->timed = soc_timed_create(rn->soc, &tm, rn->evq, on_stale, rn, why, sizeof(why));
	if (!rn->timed) {
		snprintf(err->msg, sizeof(err->msg), "%.200s: timing of preset %s: %s", rn->sc->file, t->preset->name,
			 why);
		return false;
	}
	rn->r->timing.timed = true;
	rn->r->timing.clock_mhz = tm.clock_mhz;
	snprintf(rn->r->timing.coherence, sizeof(rn->r->timing.coherence), "%s",
		 pamu_coherence_name(tm.pamu.coherence));
	rn->r->timing.hazard_window = tm.pamu.coherence == PAMU_COH_WINDOW ? tm.pamu.hazard_window : 0;
	return true;
}

static void timed_release(struct runner *rn)
{
	soc_timed_destroy(rn->timed);
	rn->timed = NULL;
	sim_evq_destroy(rn->evq);
	rn->evq = NULL;
}

/* Let time pass: ticks, or cycles in a timed run (due events run). */
static void advance(struct runner *rn, uint64_t n)
{
	rn->time += n;
	if (rn->evq)
		sim_evq_run_until(rn->evq, rn->time);
}

static void timed_finish(struct runner *rn)
{
	struct hx_timing *tg = &rn->r->timing;
	unsigned int n;

	if (!rn->timed)
		return;
	if (rn->busy_until > rn->time)
		advance(rn, rn->busy_until - rn->time);
	tg->end_time = rn->time;
	tg->msis_delivered = soc_timed_msis(rn->timed);
	for (n = 0; n < soc_pamu_count(rn->soc) && tg->npamus < HX_TIMING_MAX_PAMUS; n++) {
		struct pamu_timing_stats st;

		pamu_timing_get_stats(soc_timed_pamu(rn->timed, n), &st);
		if (!st.translations)
			continue;
		tg->pamus[tg->npamus].index = n;
		tg->pamus[tg->npamus].st = st;
		tg->npamus++;
	}
}

static bool setup(struct runner *rn, const struct hx_target *t, struct hx_error *err)
{
	unsigned int i;

	if (!build_soc(t, rn, err))
		return false;
	if ((rn->sc->timed || t->timed) && !timed_setup(rn, t, err))
		return false;
	for (i = 0; i < rn->sc->ndevices; i++)
		if (!resolve_device(rn, t, i, err))
			return false;
	for (i = 0; i < rn->sc->nsteps; i++) {
		const struct hx_step *st = &rn->sc->steps[i];
		uint64_t a;

		if ((st->kind == HX_STEP_WRITE || st->kind == HX_STEP_READ) && !step_address(rn, st, &a, err))
			return false;
		if (st->kind == HX_STEP_MSI) {
			const struct mpic_cfg *mc = mpic_get_cfg(rn->mpic);

			if (st->bank >= mc->bank_count || st->msir >= mc->banks[st->bank].msir_count) {
				snprintf(err->msg, sizeof(err->msg), "%.200s:%u:%u: msi: expected a bank below %u and an MSIR "
					 "of it on %s, found bank %u msir %u", rn->sc->file, st->line, st->col,
					 mc->bank_count, t->preset->name, st->bank, st->msir);
				return false;
			}
		}
	}
	return true;
}

bool hx_run_check(const struct hx_scenario *sc, const struct hx_target *t, struct hx_error *err)
{
	struct runner rn = { .sc = sc, .cur_dev = -1 };
	struct hx_result *scratch = calloc(1, sizeof(*scratch));
	bool ok;

	if (!scratch) {
		snprintf(err->msg, sizeof(err->msg), "out of memory");
		return false;
	}
	rn.r = scratch;
	ok = setup(&rn, t, err);
	timed_release(&rn);
	if (rn.soc)
		soc_destroy(rn.soc);
	free(scratch);
	return ok;
}

/* ------------------------------------------------------------------ bus helpers */

static const struct sim_txn_attrs model_attrs = { .initiator = SIM_INITIATOR_MODEL };

static void mem_store(struct runner *rn, uint64_t addr, unsigned int size, uint64_t val)
{
	if (soc_bus_store(rn->bus, addr, size, val, &model_attrs) != SOC_BUS_OK)
		unmet(rn, "memory store at 0x%llx: nothing decodes it", (unsigned long long)addr);
}

static uint64_t mem_load(struct runner *rn, uint64_t addr, unsigned int size)
{
	uint64_t v = 0;

	if (soc_bus_load(rn->bus, addr, size, &v, &model_attrs) != SOC_BUS_OK)
		unmet(rn, "memory load at 0x%llx: nothing decodes it", (unsigned long long)addr);
	return v;
}

static void cpu_store(struct runner *rn, uint64_t addr, unsigned int size, uint64_t val)
{
	advance(rn, rn->timed ? soc_timed_cpu_access(rn->timed) : 1);
	rn->r->counters.register_accesses++;
	trace(rn, "cpu0 store 0x%09llx size %u value 0x%llx", (unsigned long long)addr, size, (unsigned long long)val);
	soc_cpu_store(rn->soc, addr, size, val);
}

static uint64_t cpu_load(struct runner *rn, uint64_t addr, unsigned int size)
{
	uint64_t v = 0;

	advance(rn, rn->timed ? soc_timed_cpu_access(rn->timed) : 1);
	rn->r->counters.register_accesses++;
	soc_cpu_load(rn->soc, addr, size, &v);
	trace(rn, "cpu0 load 0x%09llx size %u value 0x%llx", (unsigned long long)addr, size, (unsigned long long)v);
	return v;
}

static void field_write(struct runner *rn, uint64_t entry, const struct paace_field *f, uint64_t value)
{
	uint64_t a = entry + f->off, mask;

	if (f->kind == FLD_HALF) {
		mem_store(rn, a, 2, value & 0xffff);
		return;
	}
	if (f->kind == FLD_BYTE) {
		uint64_t b = mem_load(rn, a, 1);

		mask = ((1ull << f->width) - 1) << f->shift;
		mem_store(rn, a, 1, (b & ~mask) | ((value << f->shift) & mask));
		return;
	}
	mask = (f->width == 32 ? 0xffffffffull : ((1ull << f->width) - 1)) << f->shift;
	mem_store(rn, a, 4, (mem_load(rn, a, 4) & ~mask) | ((value << f->shift) & mask));
}

/* ------------------------------------------------------------------ steps */

static void step_tables(struct runner *rn, const struct hx_step *st)
{
	uint64_t guts = soc_guts_base(rn->soc), bypass;
	uint64_t pp = st->base, sp = pp + HX_PPAACT_SIZE, om = sp + HX_SPAACT_SIZE;
	uint64_t a;
	unsigned int n;

	for (a = pp; a < om + HX_OMT_SIZE; a += 8)
		mem_store(rn, a, 8, 0);
	rn->tables = true;
	rn->ppaact = pp;
	rn->spaact = sp;
	trace(rn, "tables ppaact 0x%llx spaact 0x%llx omt 0x%llx", (unsigned long long)pp, (unsigned long long)sp,
	      (unsigned long long)om);
	for (n = 0; n < soc_pamu_count(rn->soc); n++) {
		uint64_t b = soc_pamu_base(rn->soc, n);

		if (!(st->pamus & (1u << n)))
			continue;
		cpu_store(rn, b + PAMU_OFF_PPBAH, 4, pp >> 32);
		cpu_store(rn, b + PAMU_OFF_PPBAL, 4, pp & 0xffffffffu);
		cpu_store(rn, b + PAMU_OFF_PPLAH, 4, (pp + HX_PPAACT_SIZE) >> 32);
		cpu_store(rn, b + PAMU_OFF_PPLAL, 4, (pp + HX_PPAACT_SIZE) & 0xffffffffu);
		cpu_store(rn, b + PAMU_OFF_SPBAH, 4, sp >> 32);
		cpu_store(rn, b + PAMU_OFF_SPBAL, 4, sp & 0xffffffffu);
		cpu_store(rn, b + PAMU_OFF_SPLAH, 4, (sp + HX_SPAACT_SIZE) >> 32);
		cpu_store(rn, b + PAMU_OFF_SPLAL, 4, (sp + HX_SPAACT_SIZE) & 0xffffffffu);
		cpu_store(rn, b + PAMU_OFF_OBAH, 4, om >> 32);
		cpu_store(rn, b + PAMU_OFF_OBAL, 4, om & 0xffffffffu);
		cpu_store(rn, b + PAMU_OFF_OLAH, 4, (om + HX_OMT_SIZE) >> 32);
		cpu_store(rn, b + PAMU_OFF_OLAL, 4, (om + HX_OMT_SIZE) & 0xffffffffu);
		if (!st->enable)
			continue;
		cpu_store(rn, b + PAMU_OFF_PC, 4, 0x40000000u);	/* PE = 1, gate open (hw-facts.md 2) */
		bypass = cpu_load(rn, guts + 0x604, 4);		/* PAMUBYPENR (hw-facts.md 13) */
		cpu_store(rn, guts + 0x604, 4, bypass & ~(0x80000000ull >> n));
	}
}

static unsigned int log2_u64(uint64_t v)
{
	unsigned int l = 0;

	while (v > 1) {
		v >>= 1;
		l++;
	}
	return l;
}

static void step_paace(struct runner *rn, const struct hx_step *st)
{
	struct rdev *rd = &rn->devs[st->device];
	uint64_t e = rn->ppaact + (uint64_t)rd->liodn * PAMU_PAACE_SIZE, a;

	if (!rn->tables) {
		unmet(rn, "paace: no tables: step before it (the PAACE has nowhere to go)");
		return;
	}
	if (rd->liodn >= PAMU_PPAACT_ENTRIES) {
		unmet(rn, "paace: LIODN %u is beyond the PPAACT the tables step laid out (%u entries)", rd->liodn,
		      PAMU_PPAACT_ENTRIES);
		return;
	}
	for (a = e; a < e + PAMU_PAACE_SIZE; a += 8)
		mem_store(rn, a, 8, 0);
	field_write(rn, e, paace_field_find("wbah", false), st->wbase >> 32);
	field_write(rn, e, paace_field_find("wbal", false), (st->wbase >> 12) & 0xfffff);
	field_write(rn, e, paace_field_find("wse", false), log2_u64(st->wsize) - 1);
	field_write(rn, e, paace_field_find("ap", false), (st->perm_read ? 1 : 0) | (st->perm_write ? 2 : 0));
	field_write(rn, e, paace_field_find("atm", false), 1);	/* window translation */
	field_write(rn, e, paace_field_find("twbah", false), st->twbase >> 32);
	field_write(rn, e, paace_field_find("twbal", false), (st->twbase >> 12) & 0xfffff);
	if (st->stash)
		field_write(rn, e, paace_field_find("cid", false), st->stash_id);
	field_write(rn, e, paace_field_find("v", false), st->valid ? 1 : 0);
	rd->in.set = true;
	rd->in.valid = st->valid;
	rd->in.base = st->wbase;
	rd->in.size = st->wsize;
	rd->in.tbase = st->twbase;
	rd->in.r = st->perm_read;
	rd->in.w = st->perm_write;
	trace(rn, "paace %s liodn %u window 0x%llx+0x%llx -> 0x%llx %s%s%s", rd->d->name, rd->liodn,
	      (unsigned long long)st->wbase, (unsigned long long)st->wsize, (unsigned long long)st->twbase,
	      st->perm_read ? "r" : "", st->perm_write ? "w" : "", st->valid ? "" : " invalid");
}

static void step_paace_field(struct runner *rn, const struct hx_step *st)
{
	uint64_t e;
	unsigned int i;

	if (!rn->tables) {
		unmet(rn, "paace-field: no tables: step before it");
		return;
	}
	if (st->secondary) {
		if (st->index >= PAMU_SPAACT_ENTRIES) {
			unmet(rn, "paace-field: SPAACE %u beyond the SPAACT (%u entries)", st->index, PAMU_SPAACT_ENTRIES);
			return;
		}
		e = rn->spaact + (uint64_t)st->index * PAMU_PAACE_SIZE;
	} else {
		e = rn->ppaact + (uint64_t)rn->devs[st->device].liodn * PAMU_PAACE_SIZE;
	}
	for (i = 0; i < st->nfields; i++) {
		field_write(rn, e, paace_field_find(st->fields[i].name, st->secondary), st->fields[i].value);
		trace(rn, "%s field %s = 0x%llx at 0x%llx (memory only, intent unchanged)",
		      st->secondary ? "spaace" : "paace", st->fields[i].name, (unsigned long long)st->fields[i].value,
		      (unsigned long long)e);
	}
}

/* ------------------------------------------------------------------ the oracle */

static bool op_is_write(uint8_t op)
{
	return op == PAMU_OP_WRITE || op == PAMU_OP_EWRITE0 || op == PAMU_OP_EWRITE1;
}

static bool op_needs(uint8_t op, bool *r, bool *w)
{
	*r = *w = false;
	switch (op) {
	case PAMU_OP_READ:
	case PAMU_OP_EREAD0:
	case PAMU_OP_EREAD1:
	case PAMU_OP_DIRECTIVE0:
	case PAMU_OP_DIRECTIVE1:
		*r = true;
		return true;
	case PAMU_OP_WRITE:
	case PAMU_OP_EWRITE0:
	case PAMU_OP_EWRITE1:
		*w = true;
		return true;
	case PAMU_OP_RAC:
	case PAMU_OP_RAS:
	case PAMU_OP_RAD:
	case PAMU_OP_RAI:
		*r = *w = true;
		return true;
	default:
		return false;	/* undefined: never intended */
	}
}

/* Intent: does the device's declared window allow [addr, addr + size) for op, and where to? */
static bool intent_allows(const struct rdev *rd, uint64_t addr, uint32_t size, uint8_t op, uint64_t *target)
{
	unsigned int i;
	bool r, w;

	if (!op_needs(op, &r, &w))
		return false;
	for (i = 0; i < rd->in.nmsi_tgt; i++) {
		if (w && addr >= rd->in.msi_tgt[i] && size <= 4 && addr + size <= rd->in.msi_tgt[i] + 4) {
			*target = addr;
			return true;
		}
	}
	if (!rd->in.set || !rd->in.valid)
		return false;
	if (rd->in.vc)
		return hx_vfio_allows(rd->in.vc, addr, size, r, w, target);
	if (rd->in.nwin) {
		for (i = 0; i < rd->in.nwin; i++) {
			const struct intent_win *iw = &rd->in.win[i];

			if (!iw->on || addr < iw->base || addr - iw->base >= iw->size || size > iw->size - (addr - iw->base))
				continue;
			if ((r && !iw->r) || (w && !iw->w))
				return false;
			*target = iw->tbase + (addr - iw->base);
			return true;
		}
		return false;
	}
	if (addr < rd->in.base || addr - rd->in.base > rd->in.size || size > rd->in.size - (addr - rd->in.base))
		return false;
	if ((r && !rd->in.r) || (w && !rd->in.w))
		return false;
	*target = rd->in.tbase + (addr - rd->in.base);
	return true;
}

static uint64_t mpic_phys(struct runner *rn)
{
	return soc_mpic_base(rn->soc);
}

/* Policy: may the device reach physical [p, p + size)? No policy: everything. */
static bool policy_allows(struct runner *rn, const struct rdev *rd, uint64_t p, uint32_t size)
{
	const struct hx_domain *dom;
	uint64_t mb = mpic_phys(rn);
	unsigned int i;

	if (!rn->sc->has_policy)
		return true;
	if (rd->domain < 0)
		return false;
	dom = &rn->sc->domains[rd->domain];
	if (p >= mb && p < mb + MPIC_WINDOW_SIZE) {
		uint32_t banks = mpic_msi_page_banks(rn->mpic, (uint32_t)(p - mb));

		return banks && !(banks & ~dom->msi_banks);
	}
	for (i = 0; i < dom->nmem; i++)
		if (p >= dom->mem[i].base && size <= dom->mem[i].size && p - dom->mem[i].base <= dom->mem[i].size - size)
			return true;
	return false;
}

/* Memory the device is entitled to at all: its domain's (policy) or its intended window's target. */
static bool entitled(struct runner *rn, const struct rdev *rd, uint64_t p, uint32_t size)
{
	unsigned int i;

	if (rn->sc->has_policy)
		return policy_allows(rn, rd, p, size);
	if (rd->in.set && rd->in.valid && rd->in.vc)
		return hx_vfio_entitled(rd->in.vc, p, size);
	if (rd->in.set && rd->in.valid && rd->in.nwin) {
		for (i = 0; i < rd->in.nwin; i++)
			if (rd->in.win[i].on && p >= rd->in.win[i].tbase && size <= rd->in.win[i].size &&
			    p - rd->in.win[i].tbase <= rd->in.win[i].size - size)
				return true;
		return false;
	}
	return rd->in.set && rd->in.valid && p >= rd->in.tbase && size <= rd->in.size &&
	       p - rd->in.tbase <= rd->in.size - size;
}

struct msi_hit {
	unsigned int bank, msir;
	uint32_t bits;
};

/* The harness is the MSI handler at the bare level: every MSIR with bits set is read (clear on read). */
static unsigned int drain_msis(struct runner *rn, struct msi_hit *hits, unsigned int max)
{
	const struct mpic_cfg *mc = mpic_get_cfg(rn->mpic);
	unsigned int b, m, n = 0;

	for (b = 0; b < mc->bank_count; b++) {
		for (m = 0; m < mc->banks[b].msir_count; m++) {
			uint32_t v = mpic_msir_peek(rn->mpic, b, m);

			if (!v)
				continue;
			v = (uint32_t)cpu_load(rn, mpic_phys(rn) + mc->banks[b].base + m * MPIC_MSIR_STRIDE, 4);
			if (n < max) {
				hits[n].bank = b;
				hits[n].msir = m;
				hits[n].bits = v;
				n++;
			}
			rn->r->counters.msis += (uint64_t)__builtin_popcount(v);
			trace(rn, "msi bank %u msir %u bits 0x%08x", b, m, v);
		}
	}
	return n;
}

/* Functional coverage of one transaction (hx_fcov.h): the PAACE (or SPAACE) the PAMU used, read back
 * quietly from the tables its registers point at, and the MSIRs the transaction set. */
static void fcov_dma(struct runner *rn, const struct rdev *rd, uint8_t op, const struct pamu_result *res,
		     const uint32_t *msir_before)
{
	struct pamu *p = soc_get_pamu(rn->soc, rd->pamu);
	const struct mpic_cfg *mc = mpic_get_cfg(rn->mpic);
	struct hx_fcov_dma d = { .op = op, .res = res };
	uint64_t pp, e, w1 = 0, w3 = 0, fspi = 0;
	unsigned int b, m;

	if (p) {
		pp = (uint64_t)pamu_reg_read(p, PAMU_OFF_PPBAH, 4) << 32 | pamu_reg_read(p, PAMU_OFF_PPBAL, 4);
		e = pp + (uint64_t)rd->liodn * PAMU_PAACE_SIZE;
		if (pp && soc_bus_load(rn->bus, e + 4, 4, &w1, &model_attrs) == SOC_BUS_OK &&
		    soc_bus_load(rn->bus, e + 12, 4, &w3, &model_attrs) == SOC_BUS_OK &&
		    soc_bus_load(rn->bus, e + 24, 4, &fspi, &model_attrs) == SOC_BUS_OK && (w1 & 1)) {
			d.paace_valid = true;
			d.wse = (w1 >> 6) & 0x3f;
			d.mw = (w1 >> 5) & 1;
			d.wce = (w3 >> 4) & 0xf;
			d.ap = (w1 >> 3) & 3;
			d.otm = w3 & 3;
			if (d.mw && res->subwindow > 0) {
				uint64_t sp = (uint64_t)pamu_reg_read(p, PAMU_OFF_SPBAH, 4) << 32 |
					      pamu_reg_read(p, PAMU_OFF_SPBAL, 4);
				uint64_t se = sp + (fspi + (uint64_t)res->subwindow - 1) * PAMU_PAACE_SIZE, s1 = 0, s3 = 0;

				if (soc_bus_load(rn->bus, se + 4, 4, &s1, &model_attrs) == SOC_BUS_OK &&
				    soc_bus_load(rn->bus, se + 12, 4, &s3, &model_attrs) == SOC_BUS_OK) {
					d.ap = (s1 >> 3) & 3;
					d.otm = s3 & 3;
				}
			}
		}
		d.av_irq = pamu_irq_level(p, PAMU_IRQ_AV);
		d.operr_irq = pamu_irq_level(p, PAMU_IRQ_OPERR);
	}
	hx_fcov_sample_dma(&rn->r->fcov, &d);
	if (!msir_before)
		return;
	for (b = 0; b < mc->bank_count && b < MPIC_MAX_MSI_BANKS; b++)
		for (m = 0; m < mc->banks[b].msir_count && m < MPIC_MAX_MSIRS; m++)
			if (mpic_msir_peek(rn->mpic, b, m) & ~msir_before[b * MPIC_MAX_MSIRS + m])
				hx_fcov_sample_msi(&rn->r->fcov, mc->banks[b].kind == MPIC_MSI_V43, b, m);
}

static void msir_snapshot(struct runner *rn, uint32_t *v)
{
	const struct mpic_cfg *mc = mpic_get_cfg(rn->mpic);
	unsigned int b, m;

	for (b = 0; b < mc->bank_count && b < MPIC_MAX_MSI_BANKS; b++)
		for (m = 0; m < mc->banks[b].msir_count && m < MPIC_MAX_MSIRS; m++)
			v[b * MPIC_MAX_MSIRS + m] = mpic_msir_peek(rn->mpic, b, m);
}

struct dma_out {
	bool blocked;
	struct pamu_result res;
	bool raised;		/* the oracle raised a finding for this transaction */
	struct msi_hit hits[16];
	unsigned int nhits;
};

#ifdef HX_HAVE_KS
static bool vfio_msi_hook(struct runner *rn, const struct rdev *rd, uint64_t addr, const struct dma_out *out);
#endif

/* One transaction, judged by the oracle. expect: the step's expectation (HX_EXPECT_ANY for generated
 * traffic). */
static void dma(struct runner *rn, int d, uint64_t addr, uint32_t size, uint8_t op, const uint8_t *data,
		enum hx_dma_expect expect, struct dma_out *out)
{
	struct rdev *rd = &rn->devs[d];
	struct hx_result *r = rn->r;
	uint8_t buf[4096];
	uint32_t msirs[MPIC_MAX_MSI_BANKS * MPIC_MAX_MSIRS] = { 0 };
	uint64_t target = 0, p;
	bool allowed, pol;
	unsigned int i;

	memset(out, 0, sizeof(*out));
	if (data)
		memcpy(buf, data, size);
	else
		for (i = 0; i < size; i++)
			buf[i] = (uint8_t)rnd(rn);
	advance(rn, 1);
	rn->cur_dev = d;
	r->counters.transactions++;
	if (op_is_write(op))
		msir_snapshot(rn, msirs);
	if (rn->timed) {
		struct soc_timed_result tr;

		soc_timed_dma(rn->timed, rd->pamu, (uint16_t)rd->liodn, addr, buf, size, op, rn->time, &out->res, &tr);
		hx_timing_record(&r->timing, rd->liodn, rd->pamu, rd->d->name,
				 out->res.kind != PAMU_XLATE_OK && out->res.kind != PAMU_XLATE_BYPASS, &tr);
		if (tr.done > rn->busy_until)
			rn->busy_until = tr.done;
		/* One transaction at a time, except generated traffic (bounded by max-outstanding). */
		if (!rn->pipelined && tr.done > rn->time)
			advance(rn, tr.done - rn->time);
	} else {
		soc_dma(rn->soc, rd->pamu, (uint16_t)rd->liodn, addr, buf, size, op, &out->res);
	}
	rn->cur_dev = -1;
	fcov_dma(rn, rd, op, &out->res, op_is_write(op) ? msirs : NULL);
	out->blocked = out->res.kind != PAMU_XLATE_OK && out->res.kind != PAMU_XLATE_BYPASS;
	p = out->res.paddr;
	if (out->blocked) {
		r->counters.faults++;
		trace(rn, "dma %s liodn %u pamu%u 0x%llx size %u op 0x%02x -> %s %s", rd->d->name, rd->liodn, rd->pamu,
		      (unsigned long long)addr, size, op, pamu_xlate_kind_name(out->res.kind),
		      pamu_fault_name(out->res.fault));
	} else {
		trace(rn, "dma %s liodn %u pamu%u 0x%llx size %u op 0x%02x -> %s 0x%llx", rd->d->name, rd->liodn,
		      rd->pamu, (unsigned long long)addr, size, op, pamu_xlate_kind_name(out->res.kind),
		      (unsigned long long)p);
	}
	if (op_is_write(op)
#ifdef HX_HAVE_KS
	    && !rn->kernel_msi
#endif
	    )
		out->nhits = drain_msis(rn, out->hits, 16);

	allowed = intent_allows(rd, addr, size, op, &target);
	pol = allowed && policy_allows(rn, rd, target, size);
#ifdef HX_HAVE_KS
	if (!out->blocked && rd->in.vc && out->nhits && vfio_msi_hook(rn, rd, addr, out)) {
		out->raised = true;
		return;
	}
#endif
	if (out->blocked) {
		if (allowed && pol) {
			hx_result_add(r, "unexpected-fault", rn->step, rd->d->name, (int32_t)rd->liodn, true, addr, rn->time,
				      "%s (LIODN %u) %s of %u bytes at 0x%llx was intended to reach 0x%llx, the PAMU "
				      "blocked it (%s)", rd->d->name, rd->liodn, op_is_write(op) ? "write" : "read", size,
				      (unsigned long long)addr, (unsigned long long)target,
				      out->res.kind == PAMU_XLATE_FAULT ? pamu_fault_name(out->res.fault) :
				      pamu_xlate_kind_name(out->res.kind));
			out->raised = true;
		}
		return;
	}
	if (allowed && pol && p == target) {
		if (expect == HX_EXPECT_FAULT) {
			hx_result_add(r, "missing-fault", rn->step, rd->d->name, (int32_t)rd->liodn, true, addr, rn->time,
				      "%s (LIODN %u) access at 0x%llx: the scenario expects a fault, the PAMU passed it "
				      "to 0x%llx", rd->d->name, rd->liodn, (unsigned long long)addr, (unsigned long long)p);
			out->raised = true;
		}
		return;
	}
	/* It went through and the intent (or the policy) did not allow it, or it went elsewhere. */
	if (!entitled(rn, rd, p, size) || (allowed && p != target)) {
		if (allowed && p != target)
			hx_result_add(r, "isolation-violation", rn->step, rd->d->name, (int32_t)rd->liodn, true, p, rn->time,
				      "%s (LIODN %u) access at 0x%llx was intended to reach 0x%llx, it reached 0x%llx "
				      "instead", rd->d->name, rd->liodn, (unsigned long long)addr,
				      (unsigned long long)target, (unsigned long long)p);
		else
			hx_result_add(r, "isolation-violation", rn->step, rd->d->name, (int32_t)rd->liodn, true, p, rn->time,
				      "%s (LIODN %u) %s at 0x%llx reached 0x%llx, outside what %s (the PAMU %s it)",
				      rd->d->name, rd->liodn, op_is_write(op) ? "write" : "read", (unsigned long long)addr,
				      (unsigned long long)p,
				      rn->sc->has_policy ? "its domain owns" : "its intended window grants",
				      out->res.kind == PAMU_XLATE_BYPASS ? "bypassed" : "translated");
	} else {
		hx_result_add(r, "missing-fault", rn->step, rd->d->name, (int32_t)rd->liodn, true, addr, rn->time,
			      "%s (LIODN %u) %s at 0x%llx should have faulted (%s), the PAMU passed it to 0x%llx",
			      rd->d->name, rd->liodn, op_is_write(op) ? "write" : "read", (unsigned long long)addr,
			      !allowed ? "the intent does not allow this operation there" :
			      "the ownership policy does not allow it", (unsigned long long)p);
	}
	out->raised = true;
}

static void step_dma(struct runner *rn, const struct hx_step *st)
{
	struct dma_out out;

	dma(rn, st->device, st->addr, st->len, st->op, NULL, st->expect, &out);
	switch (st->expect) {
	case HX_EXPECT_OK:
		if (out.blocked && !out.raised)
			unmet(rn, "dma: expected ok, the PAMU blocked it (%s)", pamu_fault_name(out.res.fault));
		break;
	case HX_EXPECT_FAULT:
		if (out.blocked && st->expect_fault[0] && strcmp(st->expect_fault, pamu_fault_name(out.res.fault)))
			unmet(rn, "dma: expected a %s fault, found a %s fault", st->expect_fault,
			      pamu_fault_name(out.res.fault));
		break;
	case HX_EXPECT_TRANSLATED:
		if (out.blocked && !out.raised)
			unmet(rn, "dma: expected translation to 0x%llx, the PAMU blocked it (%s)",
			      (unsigned long long)st->expect_addr, pamu_fault_name(out.res.fault));
		else if (!out.blocked && out.res.paddr != st->expect_addr && !out.raised)
			unmet(rn, "dma: expected translation to 0x%llx, found 0x%llx", (unsigned long long)st->expect_addr,
			      (unsigned long long)out.res.paddr);
		break;
	default:
		break;
	}
	if (!out.blocked && rn->devs[st->device].in.stash && out.res.stash_id != rn->devs[st->device].in.stash_id)
		unmet(rn, "dma: the domain asked for stashing to L1 stash id %u, the transaction carried stash id %u",
		      rn->devs[st->device].in.stash_id, out.res.stash_id);
}

static void step_msi(struct runner *rn, const struct hx_step *st)
{
	const struct mpic_cfg *mc = mpic_get_cfg(rn->mpic);
	const struct mpic_msi_bank_cfg *bk = &mc->banks[st->bank];
	struct rdev *rd = &rn->devs[st->device];
	uint64_t addr = st->has_msi_addr ? st->addr : mpic_phys(rn) + mpic_msi_target(rn->mpic, st->bank);
	uint32_t dw = bk->kind == MPIC_MSI_V1 ? (st->msir << 5 | st->bit) : (st->bit << 4 | st->msir);
	uint8_t data[4] = { (uint8_t)dw, (uint8_t)(dw >> 8), (uint8_t)(dw >> 16), (uint8_t)(dw >> 24) };
	struct dma_out out;
	bool ok = false, other = false;
	unsigned int i;

	/* PCI style: the data word goes out little-endian (docs/mpic.md 4). */
	dma(rn, st->device, addr, 4, PAMU_OP_WRITE, data, st->expect_blocked ? HX_EXPECT_FAULT : HX_EXPECT_ANY, &out);
	for (i = 0; i < out.nhits; i++) {
		uint32_t want = out.hits[i].bank == st->bank && out.hits[i].msir == st->msir ? 1u << st->bit : 0;

		if (out.hits[i].bits & want)
			ok = true;
		if (out.hits[i].bits & ~want)
			other = true;
	}
	if (out.blocked) {
		if (st->expect_delivered && !out.raised)
			unmet(rn, "msi: expected delivery to bank %u msir %u bit %u, the PAMU blocked the write (%s)",
			      st->bank, st->msir, st->bit, pamu_fault_name(out.res.fault));
		return;
	}
	if (out.raised)
		return;
	if (!ok || other) {
		hx_result_add(rn->r, "msi-misdelivery", rn->step, rd->d->name, (int32_t)rd->liodn, true, addr, rn->time,
			      "%s (LIODN %u) MSI for bank %u msir %u bit %u %s", rd->d->name, rd->liodn, st->bank, st->msir,
			      st->bit, !out.nhits ? "was lost: no MSIR bit was set" :
			      ok ? "also set another MSIR bit" : "landed on another MSIR bit");
		return;
	}
	if (st->expect_blocked)
		unmet(rn, "msi: expected the write to be blocked, it was delivered");
}

/* Generated traffic: addresses drawn from the seed around a window. */
static void step_traffic(struct runner *rn, const struct hx_step *st)
{
	const struct rdev *rd = &rn->devs[st->device];
	uint64_t base = st->has_window ? st->wbase : rd->in.base, size = st->has_window ? st->wsize : rd->in.size;
	uint64_t limit = 1ull << 36, len = st->len;
	unsigned int i;
	struct dma_out out;

	if (!st->has_window && !rd->in.set) {
		unmet(rn, "traffic: %s has no intended window and the step gives none", rd->d->name);
		return;
	}
	if (len > size)
		len = size;
	for (i = 0; i < st->count; i++) {
		enum hx_pattern pat = st->pattern == HX_PAT_MIXED ? (enum hx_pattern)rnd_below(rn, 3) : st->pattern;
		uint64_t a;

		switch (pat) {
		case HX_PAT_INSIDE:
			a = base + (rnd_below(rn, size - len + 1) & ~(uint64_t)(len >= 4 ? 3 : 0));
			break;
		case HX_PAT_OUTSIDE:
			if ((rnd(rn) & 1) && base >= len)
				a = rnd_below(rn, base - len + 1);
			else if (base + size + len <= limit)
				a = base + size + rnd_below(rn, limit - base - size - len + 1);
			else
				a = rnd_below(rn, base - len + 1);
			break;
		case HX_PAT_ACROSS:
			if (len < 2) {
				a = base + size - 1;
				break;
			}
			a = (rnd(rn) & 1 || base < len) ? base + size - len / 2 : base - len / 2;
			break;
		default: {
			/* sweep: evenly spaced over [base - size / 4, base + size + size / 4) */
			uint64_t span = size + size / 2, lo = base >= size / 4 ? base - size / 4 : 0;

			a = lo + span * i / (st->count ? st->count : 1);
			break;
		}
		}
		rn->pipelined = true;
		dma(rn, st->device, a, (uint32_t)len, st->op, NULL, HX_EXPECT_ANY, &out);
		rn->pipelined = false;
	}
	if (rn->timed && rn->busy_until > rn->time)
		advance(rn, rn->busy_until - rn->time);
}

static void step_reg(struct runner *rn, const struct hx_step *st)
{
	struct hx_error err;
	uint64_t a, v;

	if (!step_address(rn, st, &a, &err))
		return;
	if (st->kind == HX_STEP_WRITE) {
		cpu_store(rn, a, st->size, st->value);
		return;
	}
	v = cpu_load(rn, a, st->size);
	if (st->has_expect_value && (v & st->mask) != (st->expect_value & st->mask))
		unmet(rn, "read %s%s%s: expected 0x%llx (mask 0x%llx), found 0x%llx", st->reg[0] ? st->reg : "offset",
		      st->reg[0] ? "" : " ", st->reg[0] ? "" : "", (unsigned long long)st->expect_value,
		      (unsigned long long)st->mask, (unsigned long long)v);
}

static void step_irq(struct runner *rn, const struct hx_step *st)
{
	bool level = mpic_irq_output(rn->mpic, 0);

	advance(rn, 1);
	trace(rn, "irq cpu0 output %u", level);
	if (st->expect_irq && !level)
		unmet(rn, "irq: expected CPU 0's interrupt output raised, found it low");
	if (st->expect_no_irq && level)
		unmet(rn, "irq: expected no interrupt on CPU 0, found the output raised");
}

#ifdef HX_HAVE_KS
/* Kernel-stub findings (ks_host.h) as finding kinds of docs/findings.md. */
static const char *ks_kind(enum ks_finding_kind k)
{
	switch (k) {
	case KS_FINDING_WARN:
	case KS_FINDING_EMERG:
		return "driver-warn";
	case KS_FINDING_LEAK:
		return "leak";
	case KS_FINDING_DOUBLE_FREE:
		return "double-free";
	case KS_FINDING_LOCK:
		return "lock-imbalance";
	default:
		return "driver-bug";	/* BUG/panic, unreachable stub, bad free, refcount, API misuse */
	}
}

static void ks_collect(struct runner *rn)
{
	unsigned int i, n = rn->ks->finding_count();

	for (i = 0; i < n; i++) {
		const struct ks_finding *f = rn->ks->finding(i);
		const char *dis = f->kind == KS_FINDING_EMERG && f->func && !strcmp(f->func, "pamu_av_isr") ?
				  strstr(f->msg, "Disabling liodn ") : NULL;

		if (dis) {
			/* the kernel's AV handler revoked that LIODN's access: from now on its device is granted
			 * nothing (the driver's own decision, as a detach would be) */
			unsigned long l = strtoul(dis + 16, NULL, 16);
			unsigned int j;

			for (j = 0; j < HX_MAX_DEVICES + HX_MAX_PCI; j++)
				if (rn->devs[j].d && rn->devs[j].liodn == l && rn->devs[j].in.set) {
					rn->devs[j].in.valid = false;
					trace(rn, "kernel pamu_av_isr disabled LIODN %lu: %s is granted nothing", l,
					      rn->devs[j].d->name);
				}
		}
		const struct hx_known *km;
		struct hx_finding *hf;
		unsigned int before = rn->r->nfindings;

		trace(rn, "kernel finding %s %s:%d %s", rn->ks->finding_kind_name(f->kind), f->file ? f->file : "?",
		      f->line, f->msg);
		hx_result_add(rn->r, ks_kind(f->kind), rn->step, "", -1, false, 0, rn->time, "%s (%s)", f->msg,
			      rn->ks->finding_kind_name(f->kind));
		if (rn->r->nfindings > before) {
			hf = &rn->r->findings[rn->r->nfindings - 1];
			snprintf(hf->src_file, sizeof(hf->src_file), "%s", f->file ? f->file : "");
			snprintf(hf->src_func, sizeof(hf->src_func), "%s", f->func ? f->func : "");
			hf->src_line = f->line;
			km = hx_known_match(rn->r->kernel, hf->src_file, hf->src_func, hf->kind);
			if (km)
				snprintf(hf->known, sizeof(hf->known), "%s", km->why);
		}
		if (f->kind == KS_FINDING_BUG)
			rn->dead = true;
	}
	rn->ks->clear_findings();
}

static void ks_status(struct runner *rn, const char *what, enum ks_status st)
{
	static const char *const names[] = { "ok", "dead", "bad-host", "bad-fdt", "no-memory", "error" };

	trace(rn, "kernel %s -> %s", what, (unsigned int)st < 6 ? names[st] : "?");
	hx_fcov_sample_entry(&rn->r->fcov, what);
	ks_collect(rn);
	if (st == KS_DEAD)
		rn->dead = true;
	else if (st != KS_OK)
		unmet(rn, "%s: the kernel variant returned %s", what, (unsigned int)st < 6 ? names[st] : "?");
}

static void step_linux(struct runner *rn, const struct hx_step *st)
{
	struct ks_mem_stats ms;

	advance(rn, 1);
	if (rn->dead) {
		unmet(rn, "the kernel is dead (an earlier BUG or panic ended it): step not run");
		return;
	}
	if (st->kind == HX_STEP_BOOT) {
		ks_status(rn, "boot", rn->ks->boot(&rn->hs.host));
		rn->booted = true;
	} else {
		ks_status(rn, "shutdown", rn->ks->shutdown());
		rn->shut_down = true;
	}
	rn->ks->mem_stats(&ms);
	rn->r->counters.allocations = ms.allocs;
}

static void linux_irq(struct runner *rn)
{
	unsigned int handled = 0;
	int inj;

	if (!rn->booted || rn->dead || !mpic_irq_output(rn->mpic, 0))
		return;
	if (rn->o->observe)
		rn->o->observe(rn->o->hook_ctx, 2, (unsigned int)rn->step, 0);
	inj = hx_inject_irq();
	if (inj == 1) {
		/* lost: acknowledged and ended at the MPIC, no handler runs */
		trace(rn, "inject irq lost (vector %u)", mpic_cpu_iack(rn->mpic, 0));
		mpic_cpu_eoi(rn->mpic, 0);
		return;
	}
	if (inj == 3)
		return;		/* held back: delivered at a later step */
	ks_status(rn, "irq", rn->ks->handle_irq(&handled));
	trace(rn, "kernel irq handlers run %u", handled);
	if (inj == 2 && !rn->dead) {
		trace(rn, "inject irq duplicated");
		ks_status(rn, "irq", rn->ks->handle_irq(&handled));
		trace(rn, "kernel irq handlers run %u", handled);
	}
}

/* ---- the injector's reach into the run (hx_inject.h) ---- */

static int (*seam_load)(void *ctx, uint64_t phys, unsigned int size, uint64_t *val);
static int (*seam_store)(void *ctx, uint64_t phys, unsigned int size, uint64_t val);

static int inj_load(void *ctx, uint64_t phys, unsigned int size, uint64_t *val)
{
	int rc;

	if (g_rn && g_rn->o->observe)
		g_rn->o->observe(g_rn->o->hook_ctx, 0, (unsigned int)g_rn->step, phys);
	if (hx_inject_load(phys, size, val))
		return 0;
	rc = seam_load(ctx, phys, size, val);
	*val |= hx_inject_latch_bits(phys, size);
	return rc;
}

static int inj_store(void *ctx, uint64_t phys, unsigned int size, uint64_t val)
{
	if (g_rn && g_rn->o->observe)
		g_rn->o->observe(g_rn->o->hook_ctx, 1, (unsigned int)g_rn->step, phys);
	if (hx_inject_store(phys, size, val))
		return 0;
	return seam_store(ctx, phys, size, val);
}

static const struct ks_fault_api *fault_api(struct runner *rn)
{
	ks_get_fault_api_fn get;

	if (!rn->ks_handle)
		return NULL;
	get = (ks_get_fault_api_fn)dlsym(rn->ks_handle, "ks_get_fault_api");
	return get ? get() : NULL;
}

const struct ks_fault_api *hx_run_fault_api(void)
{
	return g_rn ? fault_api(g_rn) : NULL;
}

static void env_fail_at(void *ctx, uint64_t n)
{
	const struct ks_fault_api *f = fault_api(ctx);

	if (f)
		f->fail_at((unsigned long)n);
}


static bool linux_setup(struct runner *rn, const struct hx_target *t, struct hx_error *err)
{
	char path[512], msg[300];

	hx_kernel_path(t->kernel, path, sizeof(path));
	if (ks_host_soc_init(&rn->hs, rn->soc)) {
		snprintf(err->msg, sizeof(err->msg), "%s: the SoC's DRAM cannot hold the kernel arena", t->preset->name);
		return false;
	}
	rn->hs.log_level = getenv("PAMUSIM_KERNEL_LOG") ? (unsigned int)atoi(getenv("PAMUSIM_KERNEL_LOG")) : 0;
	rn->ks = ks_host_load(path, &rn->ks_handle, msg, sizeof(msg));
	if (!rn->ks) {
		snprintf(err->msg, sizeof(err->msg), "kernel variant %s cannot be loaded: %s", t->kernel, msg);
		return false;
	}
	snprintf(rn->r->kernel_version, sizeof(rn->r->kernel_version), "%s", rn->ks->kernel_version);
	/* the CPU's MMIO seam goes through the injector (a no-op without injections) */
	seam_load = rn->hs.host.mmio_load;
	seam_store = rn->hs.host.mmio_store;
	rn->hs.host.mmio_load = inj_load;
	rn->hs.host.mmio_store = inj_store;
	return true;
}

/* Deliver the raised interrupt to the kernel's handlers until CPU 0's output drops (bounded). */
static void linux_irq_all(struct runner *rn)
{
	unsigned int n;

	for (n = 0; n < 64 && rn->booted && !rn->dead && mpic_irq_output(rn->mpic, 0); n++)
		linux_irq(rn);
}

/* pci:<n>: the endpoint behind host bridge n, DMA with the controller's LIODN. */
static int pci_dev(struct runner *rn, int n)
{
	struct rdev *rd = &rn->devs[HX_MAX_DEVICES + n];
	const struct soc_device *sd;
	const char *path;

	if (rd->d)
		return HX_MAX_DEVICES + n;
	if ((unsigned int)n >= rn->ks->pci_count()) {
		unmet(rn, "pci:%d: this SoC's tree has %u PCIe host bridges", n, rn->ks->pci_count());
		return -1;
	}
	path = rn->ks->pci_path((unsigned int)n);
	sd = path ? soc_find_device(rn->soc, path) : NULL;
	if (!sd) {
		unmet(rn, "pci:%d: host bridge %s has no fsl,liodn", n, path ? path : "?");
		return -1;
	}
	snprintf(rn->pci_hd[n].name, sizeof(rn->pci_hd[n].name), "pci:%d", n);
	snprintf(rn->pci_hd[n].node, sizeof(rn->pci_hd[n].node), "%s", path);
	rd->d = &rn->pci_hd[n];
	rd->liodn = sd->liodn[0];
	rd->pamu = sd->pamu;
	rd->domain = -1;
	return HX_MAX_DEVICES + n;
}

static bool linux_live(struct runner *rn, const char *what)
{
	advance(rn, 1);
	if (rn->dead) {
		unmet(rn, "the kernel is dead (an earlier BUG or panic ended it): step not run");
		return false;
	}
	if (!rn->booted || rn->shut_down) {
		unmet(rn, "%s: the kernel is not booted", what);
		return false;
	}
	return true;
}

static struct rdom *find_dom(struct runner *rn, const char *name)
{
	unsigned int i;

	for (i = 0; i < rn->ndoms; i++)
		if (rn->doms[i].live && !strcmp(rn->doms[i].name, name))
			return &rn->doms[i];
	return NULL;
}

/* The intent the 6.x IOMMU API gives an attached device: the domain's geometry (the 6.x PAMU driver's
 * 64 GiB aperture) mapped one to one, read and write, with the domain's stash request. */
static void intent_attach(struct runner *rn, struct rdev *rd, const struct rdom *dm)
{
	unsigned int i;

	if (rn->v510) {
		/* 5.10: the attached device gets exactly the domain's enabled windows, once the domain is
		 * enabled (FSL_PAMU_ENABLE); nothing before that */
		rd->in.set = true;
		rd->in.valid = dm->enabled;
		rd->in.nwin = dm->nwin ? dm->nwin : 1;
		for (i = 0; i < HX_MAX_WINDOWS; i++)
			rd->in.win[i] = dm->win[i];
		if (!dm->nwin)
			rd->in.win[0].on = false;
		rd->in.base = dm->gstart;
		rd->in.size = dm->geometry ? dm->gend - dm->gstart + 1 : 0;
		rd->in.stash = dm->stash;
		rd->in.stash_id = dm->stash_id;
		return;
	}
	rd->in.set = true;
	rd->in.valid = true;
	rd->in.base = 0;
	rd->in.size = 1ull << 36;
	rd->in.tbase = 0;
	rd->in.r = rd->in.w = true;
	rd->in.stash = dm->stash;
	rd->in.stash_id = dm->stash_id;
}

static void ks_call(struct runner *rn, const char *what, enum ks_status st, int err)
{
	ks_status(rn, what, st);
	if (st == KS_ERROR)
		trace(rn, "kernel %s errno %d", what, err);
}

static const char *op510_name(enum hx_iommu_op op)
{
	static const char *const n[] = { "geometry", "windows", "window-enable", "window-disable", "enable",
					 "disable" };

	return op >= HX_IOMMU_GEOMETRY && op <= HX_IOMMU_DISABLE ? n[op - HX_IOMMU_GEOMETRY] : "?";
}

/* The kernel's answer to one iommu step: with expect-errno the call must fail with exactly that errno
 * (then it is no error of the run); otherwise it must succeed. */
static void iommu_done(struct runner *rn, const struct hx_step *st, const char *what, enum ks_status s, int err)
{
	if (!st->has_expect_errno) {
		ks_call(rn, what, s, err);
		return;
	}
	trace(rn, "kernel %s -> %s errno %d (expected %d)", what, s == KS_OK ? "ok" : "error", s == KS_OK ? 0 : err,
	      st->expect_errno);
	ks_collect(rn);
	if (s == KS_DEAD)
		rn->dead = true;
	else if (s == KS_OK)
		unmet(rn, "%s: expected errno %d, the call succeeded", what, st->expect_errno);
	else if (s != KS_ERROR || err != st->expect_errno)
		unmet(rn, "%s: expected errno %d, the kernel returned status %d errno %d", what, st->expect_errno,
		      (int)s, err);
}

/* 5.10: re-derive the intent of every device attached to the domain from the domain's state. */
static void intent_refresh(struct runner *rn, const struct rdom *dm)
{
	unsigned int i;

	for (i = 0; i < HX_MAX_DEVICES + HX_MAX_PCI; i++)
		if (dm->devs & (1u << i))
			intent_attach(rn, &rn->devs[i], dm);
}

static void step_iommu(struct runner *rn, const struct hx_step *st)
{
	static const char *const names[] = { "domain-alloc", "domain-free", "attach", "detach", "stash",
					     "iova-to-phys", "geometry", "windows", "window-enable", "window-disable",
					     "enable", "disable" };
	struct ks_iommu_attr_val av;
	const struct ks_api *ks = rn->ks;
	struct rdom *dm;
	char what[160];
	int err = 0, d = st->device;
	enum ks_status s;
	uint64_t phys = 0;

	if (!linux_live(rn, "iommu"))
		return;
	snprintf(what, sizeof(what), "iommu %s %s", names[st->iop], st->domain);
	hx_fcov_sample_entry(&rn->r->fcov, names[st->iop]);
	if (st->iop == HX_IOMMU_DOMAIN_ALLOC) {
		if (find_dom(rn, st->domain) || rn->ndoms >= sizeof(rn->doms) / sizeof(rn->doms[0])) {
			unmet(rn, "%s: a live domain of that name exists, or too many domains", what);
			return;
		}
		dm = &rn->doms[rn->ndoms];
		memset(dm, 0, sizeof(*dm));
		snprintf(dm->name, sizeof(dm->name), "%s", st->domain);
		s = ks->iommu_domain_alloc(&dm->id, &err);
		iommu_done(rn, st, what, s, err);
		if (s == KS_OK) {
			dm->live = true;
			rn->ndoms++;
		}
		return;
	}
	dm = find_dom(rn, st->domain);
	if (!dm) {
		unmet(rn, "%s: no live domain of that name (domain-alloc first)", what);
		return;
	}
	if (st->pci >= 0)
		d = pci_dev(rn, st->pci);
	if ((st->iop == HX_IOMMU_ATTACH || st->iop == HX_IOMMU_DETACH) && d < 0)
		return;
	switch (st->iop) {
	case HX_IOMMU_DOMAIN_FREE:
		s = ks->iommu_domain_free(dm->id, &err);
		iommu_done(rn, st, what, s, err);
		if (s == KS_OK)
			dm->live = false;
		break;
	case HX_IOMMU_ATTACH:
	case HX_IOMMU_DETACH: {
		struct rdev *rd = &rn->devs[d];
		char kdev[HX_TEXT_LEN];

		if (st->pci >= 0) {
			snprintf(kdev, sizeof(kdev), "pci:%d", st->pci);
		} else {
			const struct soc_device *sd = NULL;
			unsigned int j;

			for (j = 0; j < soc_device_count(rn->soc) && !sd; j++)
				if (soc_get_device(rn->soc, j)->liodn[0] == rd->liodn &&
				    soc_get_device(rn->soc, j)->pamu == rd->pamu)
					sd = soc_get_device(rn->soc, j);
			if (!sd) {
				unmet(rn, "%s: %s is not a tree device (a bare LIODN cannot be attached)", what, rd->d->name);
				return;
			}
			snprintf(kdev, sizeof(kdev), "%s", sd->path);
		}
		snprintf(what, sizeof(what), "iommu %s %s %s", names[st->iop], st->domain, rd->d->name);
		if (st->iop == HX_IOMMU_ATTACH) {
			s = ks->iommu_attach(dm->id, kdev, &err);
			iommu_done(rn, st, what, s, err);
			if (s == KS_OK) {
				dm->devs |= 1u << d;
				intent_attach(rn, rd, dm);
			}
		} else {
			s = ks->iommu_detach(dm->id, kdev, &err);
			iommu_done(rn, st, what, s, err);
			if (s == KS_OK) {
				/* detached: the kernel user asked for no access at all */
				dm->devs &= ~(1u << d);
				rd->in.set = true;
				rd->in.valid = false;
				rd->in.stash = false;
			}
		}
		break;
	}
	case HX_IOMMU_STASH: {
		const struct soc_preset *pr = soc_get_preset(rn->soc);
		unsigned int i;

		if (rn->v510) {
			/* 5.10: the FSL_PAMU_STASH attribute, L1 of that CPU */
			memset(&av, 0, sizeof(av));
			av.stash_cpu = st->cpu;
			av.stash_cache = 1;
			s = ks->iommu_set_attr(dm->id, KS_IOMMU_ATTR_FSL_PAMU_STASH, &av, &err);
		} else {
			s = ks->iommu_configure_stash(dm->id, st->cpu, &err);
		}
		iommu_done(rn, st, what, s, err);
		if (s != KS_OK)
			break;
		/* the intent: the L1 stash id firmware gives that CPU (the preset's rule, not the tables) */
		dm->stash = true;
		dm->stash_id = pr->cpu_stash_base + pr->cpu_stash_stride * st->cpu;
		for (i = 0; i < HX_MAX_DEVICES + HX_MAX_PCI; i++)
			if (dm->devs & (1u << i)) {
				rn->devs[i].in.stash = true;
				rn->devs[i].in.stash_id = dm->stash_id;
			}
		break;
	}
	case HX_IOMMU_GEOMETRY:
		memset(&av, 0, sizeof(av));
		av.aperture_start = st->gstart;
		av.aperture_end = st->gend;
		av.force_aperture = true;
		s = ks->iommu_set_attr(dm->id, KS_IOMMU_ATTR_GEOMETRY, &av, &err);
		iommu_done(rn, st, what, s, err);
		if (s == KS_OK) {
			dm->geometry = true;
			dm->gstart = st->gstart;
			dm->gend = st->gend;
			intent_refresh(rn, dm);
		}
		break;
	case HX_IOMMU_WINDOWS:
		memset(&av, 0, sizeof(av));
		av.windows = st->count;
		s = ks->iommu_set_attr(dm->id, KS_IOMMU_ATTR_WINDOWS, &av, &err);
		iommu_done(rn, st, what, s, err);
		if (s == KS_OK) {
			/* a new window array: no window enabled */
			dm->nwin = st->count;
			memset(dm->win, 0, sizeof(dm->win));
			intent_refresh(rn, dm);
		}
		break;
	case HX_IOMMU_WINDOW_ENABLE:
		s = ks->iommu_window_enable(dm->id, st->window, st->paddr, st->wsize,
					    (st->perm_read ? KS_IOMMU_READ : 0) | (st->perm_write ? KS_IOMMU_WRITE : 0),
					    &err);
		iommu_done(rn, st, what, s, err);
		if (s == KS_OK && dm->nwin && st->window < dm->nwin) {
			/* window i: the i-th of nwin equal slices of the aperture, its first size bytes */
			struct intent_win *iw = &dm->win[st->window];
			uint64_t slot = (dm->gend - dm->gstart + 1) / dm->nwin;

			iw->on = true;
			iw->r = st->perm_read;
			iw->w = st->perm_write;
			iw->base = dm->gstart + slot * st->window;
			iw->size = st->wsize < slot ? st->wsize : slot;
			iw->tbase = st->paddr;
			intent_refresh(rn, dm);
		}
		break;
	case HX_IOMMU_WINDOW_DISABLE:
		s = ks->iommu_window_disable(dm->id, st->window, &err);
		iommu_done(rn, st, what, s, err);
		if (s == KS_OK && st->window < HX_MAX_WINDOWS) {
			dm->win[st->window].on = false;
			intent_refresh(rn, dm);
		}
		break;
	case HX_IOMMU_ENABLE:
	case HX_IOMMU_DISABLE:
		memset(&av, 0, sizeof(av));
		av.enable = st->iop == HX_IOMMU_ENABLE;
		s = ks->iommu_set_attr(dm->id, KS_IOMMU_ATTR_FSL_PAMU_ENABLE, &av, &err);
		iommu_done(rn, st, what, s, err);
		if (s == KS_OK) {
			dm->enabled = st->iop == HX_IOMMU_ENABLE;
			intent_refresh(rn, dm);
		}
		break;
	default:
		s = ks->iommu_iova_to_phys(dm->id, st->iova, &phys, &err);
		iommu_done(rn, st, what, s, err);
		trace(rn, "kernel iova 0x%llx -> phys 0x%llx", (unsigned long long)st->iova, (unsigned long long)phys);
		if (s == KS_OK && st->has_expect_value && phys != st->expect_value)
			unmet(rn, "%s: expected iova 0x%llx to map to 0x%llx, the kernel says 0x%llx", what,
			      (unsigned long long)st->iova, (unsigned long long)st->expect_value,
			      (unsigned long long)phys);
		break;
	}
}

/* Which bank a message targets (its physical address) and which MSIR bit it sets. */
static bool msi_decode(struct runner *rn, uint64_t phys, uint32_t data, unsigned int *bank, unsigned int *bit)
{
	const struct mpic_cfg *mc = mpic_get_cfg(rn->mpic);
	unsigned int k;

	for (k = 0; k < mc->bank_count; k++) {
		if (phys != mpic_phys(rn) + mpic_msi_target(rn->mpic, k))
			continue;
		*bank = k;
		*bit = mc->banks[k].kind == MPIC_MSI_V43 ? (data >> 4) & 31 : data & 31;
		return true;
	}
	return false;
}

static void step_msi_alloc(struct runner *rn, const struct hx_step *st)
{
	int d, err = 0;
	struct rdev *rd;
	enum ks_status s;
	unsigned int v;
	char what[64];

	if (!linux_live(rn, "msi-alloc"))
		return;
	d = pci_dev(rn, st->pci);
	if (d < 0)
		return;
	rd = &rn->devs[d];
	if (rn->vecs[st->pci]) {
		rn->ks->msi_teardown((unsigned int)st->pci);
		hx_fcov_sample_entry(&rn->r->fcov, "msi-teardown");
		free(rn->vecs[st->pci]);
		rn->vecs[st->pci] = NULL;
		rn->nvec[st->pci] = 0;
		rd->in.nmsi_tgt = 0;
	}
	rn->vecs[st->pci] = calloc(st->count, sizeof(struct ks_msi_vec));
	if (!rn->vecs[st->pci]) {
		unmet(rn, "msi-alloc: out of host memory");
		return;
	}
	snprintf(what, sizeof(what), "msi-alloc pci:%d %u %s", st->pci, st->count, st->msix ? "msix" : "msi");
	s = rn->ks->msi_setup((unsigned int)st->pci, st->count, st->msix, rn->vecs[st->pci], &err);
	hx_fcov_sample_entry(&rn->r->fcov, "msi-setup");
	ks_call(rn, what, s, err);
	if (s != KS_OK)
		return;
	rn->kernel_msi = true;
	rn->nvec[st->pci] = st->count;
	/* the intent: the endpoint may write the message targets the MSI driver composed */
	for (v = 0; v < st->count; v++) {
		uint64_t phys;
		unsigned int i;

		if (rn->ks->pci_inbound(rn->vecs[st->pci][v].address, &phys))
			continue;
		for (i = 0; i < rd->in.nmsi_tgt && rd->in.msi_tgt[i] != phys; i++)
			;
		if (i == rd->in.nmsi_tgt && i < 8)
			rd->in.msi_tgt[rd->in.nmsi_tgt++] = phys;
	}
}

static void fire_one(struct runner *rn, int pci, int d, unsigned int v)
{
	const struct ks_msi_vec *vec = &rn->vecs[pci][v];
	unsigned long *before[HX_MAX_PCI] = { NULL }, after;
	unsigned int p, w, bank = 0, bit = 0;
	bool own = false, other = false;
	uint8_t le[4];
	struct dma_out out;
	uint64_t phys = 0;

	if (rn->ks->pci_inbound(vec->address, &phys)) {
		unmet(rn, "msi-fire: vector %u's address 0x%llx is outside the inbound window", v,
		      (unsigned long long)vec->address);
		return;
	}
	/* handler counters of every vector of every endpoint */
	for (p = 0; p < HX_MAX_PCI; p++) {
		if (!rn->nvec[p])
			continue;
		before[p] = malloc(rn->nvec[p] * sizeof(unsigned long));
		if (!before[p]) {
			unmet(rn, "msi-fire: out of host memory");
			goto out;
		}
		for (w = 0; w < rn->nvec[p]; w++)
			before[p][w] = rn->ks->msi_hits(p, w);
	}
	for (w = 0; w < 4; w++)
		le[w] = (uint8_t)(vec->data >> (8 * w));
	msi_decode(rn, phys, vec->data, &bank, &bit);
	trace(rn, "msi-fire pci:%d vector %u data 0x%x bank %u bit %u", pci, v, vec->data, bank, bit);
	hx_fcov_sample_entry(&rn->r->fcov, "msi-fire");
	dma(rn, d, phys, 4, PAMU_OP_WRITE, le, HX_EXPECT_OK, &out);
	linux_irq_all(rn);
	if (rn->dead)
		goto out;
	if (out.blocked) {
		if (!out.raised)
			unmet(rn, "msi-fire: pci:%d vector %u: the PAMU blocked the message (%s)", pci, v,
			      pamu_fault_name(out.res.fault));
		goto out;
	}
	for (p = 0; p < HX_MAX_PCI; p++)
		for (w = 0; w < rn->nvec[p]; w++) {
			after = rn->ks->msi_hits(p, w);
			if (after == before[p][w])
				continue;
			if ((int)p == pci && w == v && after == before[p][w] + 1)
				own = true;
			else
				other = true;
		}
	if (own && !other) {
		rn->r->counters.msis++;
		goto out;
	}
	hx_result_add(rn->r, "msi-misdelivery", rn->step, rn->devs[d].d->name, (int32_t)rn->devs[d].liodn, true, phys,
		      rn->time, "pci:%d MSI vector %u (bank %u, data 0x%x) %s", pci, v, bank, vec->data,
		      !own && !other ? "ran no handler: the interrupt was lost" :
		      own ? "ran its own handler and another one" : "ran another vector's handler instead");
out:
	for (p = 0; p < HX_MAX_PCI; p++)
		free(before[p]);
}

/* The driver core's unbind of the driver bound to a tree device (ks_api.driver_unbind, ABI 6). */
static void step_unbind(struct runner *rn, const struct hx_step *st)
{
	int err = 0;

	if (!linux_live(rn, "unbind"))
		return;
	trace(rn, "kernel unbind %s", st->dev_path);
	hx_fcov_sample_entry(&rn->r->fcov, "unbind");
	ks_call(rn, "unbind", rn->ks->driver_unbind(st->dev_path, &err), err);
}

/* The stubs plant one fault through their real mechanisms (ks_api.plant, ABI 7: a test hook, so the
 * oracle can be tested against itself for the kernel-level finding kinds). */
static void step_plant(struct runner *rn, const struct hx_step *st)
{
	int err = 0;

	if (!linux_live(rn, "plant"))
		return;
	trace(rn, "kernel plant %u", st->plant);
	ks_call(rn, "plant", rn->ks->plant((enum ks_plant)st->plant, &err), err);
}

static void step_msi_fire(struct runner *rn, const struct hx_step *st)
{
	unsigned int v, skipped = 0;
	int d;

	if (!linux_live(rn, "msi-fire"))
		return;
	d = pci_dev(rn, st->pci);
	if (d < 0)
		return;
	if (!rn->nvec[st->pci]) {
		unmet(rn, "msi-fire: pci:%d has no MSI vectors (msi-alloc first)", st->pci);
		return;
	}
	if (!st->all) {
		if (st->vector >= rn->nvec[st->pci])
			unmet(rn, "msi-fire: pci:%d has %u vectors, found vector %u", st->pci, rn->nvec[st->pci],
			      st->vector);
		else
			fire_one(rn, st->pci, d, st->vector);
		return;
	}
	for (v = 0; v < rn->nvec[st->pci] && !rn->dead; v++) {
		const struct ks_msi_vec *vec = &rn->vecs[st->pci][v];
		unsigned int bank, bit;
		uint64_t phys;

		/* MSIR bit 31: the cascade's shift by 32 (kernel-stubs/known-findings.yaml); `all` leaves it
		 * out, an explicit vector fires it */
		if (!rn->ks->pci_inbound(vec->address, &phys) && msi_decode(rn, phys, vec->data, &bank, &bit) &&
		    bit == 31) {
			skipped++;
			continue;
		}
		fire_one(rn, st->pci, d, v);
	}
	trace(rn, "msi-fire pci:%d all: %u vectors, %u on MSIR bit 31 left out", st->pci, rn->nvec[st->pci], skipped);
}

#include "hx_run_vfio.c"

static void linux_release(struct runner *rn)
{
	unsigned int p;

	for (p = 0; p < HX_MAX_PCI; p++) {
		free(rn->vecs[p]);
		rn->vecs[p] = NULL;
	}
}
#endif

#ifndef HX_HAVE_KS
const struct ks_fault_api *hx_run_fault_api(void)
{
	return NULL;
}
#endif

bool hx_kernel_path(const char *name, char *buf, size_t cap)
{
#ifdef HX_HAVE_KS
	const char *dir = getenv("PAMUSIM_KERNELS_DIR");
	FILE *f;

	snprintf(buf, cap, "%s/libpamusim-linux-%s.so", dir && *dir ? dir : HX_KS_DIR, name);
	f = fopen(buf, "rb");
	if (f)
		fclose(f);
	return f != NULL;
#else
	snprintf(buf, cap, "libpamusim-linux-%s.so", name);
	return false;
#endif
}

/* The clause a finding is about: a contract-violation names its own ("clause W5: ..."), any other finding
 * of a conformance run is about the scenario's clause. */
static void finding_clause(const struct hx_scenario *sc, const struct hx_finding *f, char *out, size_t cap)
{
	size_t n;

	snprintf(out, cap, "%s", sc->clause);
	if (strcmp(f->kind, "contract-violation") || strncmp(f->message, "clause ", 7))
		return;
	n = strcspn(f->message + 7, ": ");
	if (n && n < cap)
		snprintf(out, cap, "%.*s", (int)n, f->message + 7);
}

/* A backend's known breaches of a contract clause (kernel-stubs/known-findings.yaml entries with clause:)
 * are reported as known in that clause's runs; a negative scenario that lists the entry's function in
 * expect.reproduces fails when it no longer occurs, as for any known finding. */
static void judge_contract(const struct hx_scenario *sc, struct hx_result *r)
{
	const struct hx_known *km;
	unsigned int i;

	for (i = 0; i < r->nfindings; i++) {
		struct hx_finding *f = &r->findings[i];
		char clause[16];

		if (f->known[0])
			continue;
		finding_clause(sc, f, clause, sizeof(clause));
		km = hx_known_match_clause(r->kernel, clause, r->name, f->kind, f->src_file, f->src_func);
		if (!km)
			continue;
		snprintf(f->known, sizeof(f->known), "%s", km->why);
		if (!f->src_func[0]) {
			snprintf(f->src_file, sizeof(f->src_file), "%s", km->file);
			snprintf(f->src_func, sizeof(f->src_func), "%s", km->function);
		}
	}
}

void hx_result_judge(const struct hx_scenario *sc, struct hx_result *r)
{
	unsigned int i, k;
	bool fail;

	if (r->status == HX_ERROR || r->status == HX_SKIPPED)
		return;
	judge_contract(sc, r);
	fail = r->nunmet > 0;
	for (i = 0; i < r->nfindings; i++) {
		bool expected = r->findings[i].known[0] != '\0';	/* known: reported, never a failure */

		for (k = 0; k < sc->nexpect_kinds; k++)
			if (!strcmp(sc->expect_kinds[k], r->findings[i].kind))
				expected = true;
		if (!expected)
			fail = true;
	}
	if (r->findings_total > r->nfindings && !sc->nexpect_kinds)
		fail = true;
	for (k = 0; k < sc->nexpect_kinds; k++) {
		bool seen = false;

		for (i = 0; i < r->nfindings; i++)
			if (!strcmp(sc->expect_kinds[k], r->findings[i].kind))
				seen = true;
		if (!seen) {
			fail = true;
			if (r->nunmet < HX_MAX_UNMET)
				snprintf(r->unmet[r->nunmet++], sizeof(r->unmet[0]),
					 "expect: a %s finding was expected, none was raised", sc->expect_kinds[k]);
		}
	}
	/* a known finding the scenario says it reproduces must still occur on the kernels it applies to */
	for (k = 0; k < sc->nreproduces; k++) {
		const struct hx_known *km;
		bool seen = false;

		if (!hx_known_applies(sc->reproduces[k], r->kernel, sc->clause, r->name, &km))
			continue;
		for (i = 0; i < r->nfindings; i++)
			if (r->findings[i].known[0] && !strcmp(r->findings[i].src_func, km->function) &&
			    (!km->clause[0] || !strcmp(r->findings[i].kind, km->kind)))
				seen = true;
		if (!seen) {
			fail = true;
			if (r->nunmet < HX_MAX_UNMET)
				snprintf(r->unmet[r->nunmet++], sizeof(r->unmet[0]),
					 "expect.reproduces: the known finding %.60s (%.24s in %.100s) no longer occurs: "
					 "update kernel-stubs/known-findings.yaml or the scenario", km->function, km->kind,
					 km->file);
		}
	}
	r->status = fail ? HX_FAIL : HX_PASS;
}

void hx_run(const struct hx_scenario *sc, const struct hx_target *t, const struct hx_run_opts *o,
	    struct hx_result *r)
{
	struct runner rn = { .sc = sc, .o = o, .r = r, .cur_dev = -1, .hash = 0xcbf29ce484222325ull };
	struct hx_error err;
	struct timespec t0, t1;
	unsigned int i;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	g_opts = o;
	memset(r, 0, sizeof(*r));
	snprintf(r->name, sizeof(r->name), "%s", sc->name);
	snprintf(r->file, sizeof(r->file), "%s", sc->file);
	snprintf(r->soc, sizeof(r->soc), "%s", t->preset->name);
	snprintf(r->kernel, sizeof(r->kernel), "%s", t->kernel);
	snprintf(r->clause, sizeof(r->clause), "%s", sc->clause);
	r->contract_negative = sc->contract_negative;
	r->seed = o->has_seed ? o->seed : sc->seed;
	rn.rng = r->seed;
	hx_fcov_sample_level(&r->fcov, sc->level == HX_LEVEL_LINUX);
#ifndef HX_HAVE_KS
	if (sc->level == HX_LEVEL_LINUX) {
		r->status = HX_ERROR;
		snprintf(r->error, sizeof(r->error), "the linux level is not available in this build: no kernel "
			 "variant was built (docs/scenarios.md)");
		goto done;
	}
#endif
	if (!setup(&rn, t, &err)) {
		r->status = HX_ERROR;
		snprintf(r->error, sizeof(r->error), "%.300s", err.msg);
		goto done;
	}
#ifdef HX_HAVE_KS
	if (sc->level == HX_LEVEL_LINUX && !linux_setup(&rn, t, &err)) {
		r->status = HX_ERROR;
		snprintf(r->error, sizeof(r->error), "%.300s", err.msg);
		goto done;
	}
	for (i = 0; sc->level == HX_LEVEL_LINUX && i < sc->nsteps; i++) {
		const struct hx_step *st = &sc->steps[i];
		bool v510 = rn.ks->linux_version_code < ((5u << 16) | (11u << 8));	/* 5.10 and its variants */
		bool op510 = st->kind == HX_STEP_IOMMU && st->iop >= HX_IOMMU_GEOMETRY;

		rn.v510 = v510;
		if (op510 && !v510) {
			r->status = HX_ERROR;
			snprintf(r->error, sizeof(r->error), "%.80s:%u:%u: steps[%u]: iommu op %s is the 5.10 windowed "
				 "API; kernel %.8s has none of it (domain attributes and windows were removed after "
				 "5.10)", sc->file, st->line, st->col, i, op510_name(st->iop), t->kernel);
			goto done;
		}
		if ((st->kind == HX_STEP_IOMMU && (rn.ks->abi_version < 3 || (v510 && rn.ks->abi_version < 4))) ||
		    ((st->kind == HX_STEP_MSI_ALLOC || st->kind == HX_STEP_MSI_FIRE) && rn.ks->abi_version < 2)) {
			r->status = HX_ERROR;
			snprintf(r->error, sizeof(r->error), "%.80s:%u:%u: steps[%u]: %s is not supported by this kernel "
				 "variant (%.8s: its ABI %u lacks the entry points)", sc->file, st->line, st->col, i, st->kind == HX_STEP_IOMMU ? "iommu" : "msi",
				 t->kernel, rn.ks->abi_version);
			goto done;
		}
		if (st->kind == HX_STEP_VFIO && (rn.ks->abi_version < 8 || !rn.ks->vfio_backend())) {
			/* no windowed VFIO backend in this kernel: the scenario does not apply (a skip, never a pass) */
			r->status = HX_SKIPPED;
			snprintf(r->error, sizeof(r->error), "not applicable: kernel %.20s has no windowed VFIO IOMMU "
				 "backend (%s; steps[%u] at %.60s:%u is a vfio step)", t->kernel,
				 rn.ks->abi_version < 8 ? "its ABI predates VFIO" : "no VFIO-PAMU backend built in", i,
				 sc->file, st->line);
			goto done;
		}
		if (st->kind == HX_STEP_PLANT && rn.ks->abi_version < 7) {
			r->status = HX_ERROR;
			snprintf(r->error, sizeof(r->error), "%.80s:%u:%u: steps[%u]: plant is not supported by this "
				 "kernel variant (%.8s: its ABI %u has no plant, added in ABI 7)", sc->file,
				 st->line, st->col, i, t->kernel, rn.ks->abi_version);
			goto done;
		}
		if (st->kind == HX_STEP_UNBIND && rn.ks->abi_version < 6) {
			r->status = HX_ERROR;
			snprintf(r->error, sizeof(r->error), "%.80s:%u:%u: steps[%u]: unbind is not supported by this "
				 "kernel variant (%.8s: its ABI %u has no driver_unbind, added in ABI 6)", sc->file,
				 st->line, st->col, i, t->kernel, rn.ks->abi_version);
			goto done;
		}
	}
#endif
	trace(&rn, "run %s soc %s rev %s kernel %s seed %llu", sc->name, t->preset->name,
	      t->preset->revs[t->rev].name, t->kernel, (unsigned long long)r->seed);
	rn.armed = true;
	g_rn = &rn;
	{
		struct hx_inject_env env = { .ctx = &rn, .soc = rn.soc, .reg_addr = env_reg_addr,
					     .liodn_of = env_liodn, .note = env_note };

#ifdef HX_HAVE_KS
		if (rn.ks)
			env.fail_at = env_fail_at;
#endif
		hx_inject_begin(&env);
		if (o->inject)
			hx_inject_add(o->inject, 0);
	}
	for (i = 0; i < sc->nsteps; i++) {
		const struct hx_step *st = &sc->steps[i];

		rn.step = (int)i + 1;
		if (o->progress)
			*o->progress = rn.step;
		if (o->step_hook)
			o->step_hook(o->hook_ctx, i + 1);
		hx_inject_step(i + 1);
#ifdef HX_HAVE_KS
		if (rn.ks && hx_inject_irq_due(i + 1)) {
			trace(&rn, "inject irq delivered late");
			linux_irq_all(&rn);
		}
#endif
		switch (st->kind) {
		case HX_STEP_INJECT: {
			struct hx_inj_plan plan;
			char msg[240];

			rn.time++;
			if (hx_inject_parse(st->inject, &plan, msg, sizeof(msg))) {
				trace(&rn, "inject %s", st->inject);
				hx_inject_add(&plan, i + 1);
				hx_inject_step(i + 1);
			} else {
				unmet(&rn, "inject: %s", msg);
			}
			break;
		}
		case HX_STEP_TABLES:
			step_tables(&rn, st);
			break;
		case HX_STEP_PAACE:
			step_paace(&rn, st);
			break;
		case HX_STEP_PAACE_FIELD:
			step_paace_field(&rn, st);
			break;
		case HX_STEP_WRITE:
		case HX_STEP_READ:
			step_reg(&rn, st);
			break;
		case HX_STEP_WAIT:
			advance(&rn, st->value);
			trace(&rn, "wait %llu", (unsigned long long)st->value);
			break;
		case HX_STEP_MEM_WRITE:
			advance(&rn, 1);
			trace(&rn, "mem store 0x%09llx size %u value 0x%llx", (unsigned long long)st->addr, st->size,
			      (unsigned long long)st->value);
			mem_store(&rn, st->addr, st->size, st->value);
			break;
		case HX_STEP_DMA:
			step_dma(&rn, st);
			break;
		case HX_STEP_MSI:
			step_msi(&rn, st);
			break;
		case HX_STEP_TRAFFIC:
			step_traffic(&rn, st);
			break;
		case HX_STEP_IRQ:
			step_irq(&rn, st);
#ifdef HX_HAVE_KS
			if (rn.ks)
				linux_irq(&rn);
#endif
			break;
#ifdef HX_HAVE_KS
		case HX_STEP_BOOT:
		case HX_STEP_SHUTDOWN:
			step_linux(&rn, st);
			break;
		case HX_STEP_IOMMU:
			step_iommu(&rn, st);
			break;
		case HX_STEP_MSI_ALLOC:
			step_msi_alloc(&rn, st);
			break;
		case HX_STEP_MSI_FIRE:
			step_msi_fire(&rn, st);
			break;
		case HX_STEP_UNBIND:
			step_unbind(&rn, st);
			break;
		case HX_STEP_PLANT:
			step_plant(&rn, st);
			break;
		case HX_STEP_VFIO:
			step_vfio(&rn, st);
			break;
#endif
		default:
			unmet(&rn, "step kind not available at the bare level");
			break;
		}
		/* Table stores the bus did not see (the kernel stubs write through host pointers). */
		if (rn.timed)
			soc_timed_sync(rn.timed, rn.time);
	}
	timed_finish(&rn);
	rn.step = 0;
#ifdef HX_HAVE_KS
	/* A booted kernel is shut down at the end, so what the scenario left allocated is reported. */
	if (rn.ks && rn.booted && !rn.shut_down && !rn.dead)
		ks_status(&rn, "shutdown", rn.ks->shutdown());
	/* A dead kernel still owns host memory: ask the variant to release it; its findings (leaks of
	 * a kernel that died mid-way) say nothing new. */
	if (rn.ks && rn.dead) {
		rn.ks->shutdown();
		rn.ks->clear_findings();
	}
	if (rn.ks) {
		struct ks_mem_stats ms;

		rn.ks->mem_stats(&ms);
		r->counters.allocations = ms.allocs;
	}
#endif

	rn.armed = false;
	trace(&rn, "end findings %u transactions %llu", r->findings_total,
	      (unsigned long long)r->counters.transactions);
	r->trace_hash = rn.hash;
	hx_result_judge(sc, r);
	/* the variant is still loaded: a campaign reads the fail-nth site here (a worker may exit here) */
	if (o->end_hook)
		o->end_hook(o->hook_ctx);
done:
	hx_inject_end();
	g_rn = NULL;
#ifdef HX_HAVE_KS
	linux_release(&rn);
	if (rn.ks_handle)
		ks_host_unload(rn.ks_handle);
#endif
	timed_release(&rn);
	if (rn.soc)
		soc_destroy(rn.soc);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	r->wall_ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
}
