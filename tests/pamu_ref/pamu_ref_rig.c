// SPDX-License-Identifier: BSD-2-Clause
/*
 * pamu_ref_rig.c - comparison rig of the PAMU model against the reference translator (see
 * pamu_ref_rig.h).
 *
 * Source: docs/pamu-model.md 1, 4, 5, 8 and 9; hw-facts.md 2.1 (enable sequence), 6 (OMT rows) and 9
 * (ISR). The model is reached only through its public header pamu.h; everything it is compared with
 * comes from the reference and from this file's own reading of the latch rules.
 */
#include "pamu_ref_rig.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "sim_test.h"

static void rig_emit(void *ctx, const struct sim_event *ev)
{
	struct rig_instance *in = ctx;

	if ((unsigned int)ev->kind < SIM_EV_KIND_COUNT)
		in->ev[ev->kind]++;
}

static void rig_irq(void *ctx, enum pamu_irq_line line, bool level)
{
	struct rig_instance *in = ctx;

	if ((unsigned int)line < PAMU_IRQ_COUNT)
		in->irq_seen[line] = level;
}

static bool ref_read_byte(void *ctx, uint64_t addr, uint8_t *out)
{
	uint8_t *p = soc_bus_dram_ptr(ctx, addr, 1);

	if (!p)
		return false;
	*out = *p;
	return true;
}

struct pamu_ref_mem rig_ref_mem(struct ref_rig *rig)
{
	struct pamu_ref_mem m = { .read_byte = ref_read_byte, .ctx = rig->bus };

	return m;
}

bool rig_init(struct ref_rig *rig, const char *test, const char *soc, uint64_t seed)
{
	struct soc_bus_cfg bcfg = { { 0 } };
	const struct pamu_caps *caps = pamu_builtin_caps(soc);
	int i;

	memset(rig, 0, sizeof(*rig));
	rig->test = test;
	rig->seed = seed;
	rig->max_mismatches = 5;
	if (!sim_test_check(caps != NULL, "pamu_builtin_caps(soc)", __FILE__, __LINE__, "no caps for %s", soc))
		return false;
	rig->mwce = (caps->pc3 >> 21) & 0xf;	/* PC3 bits 24:21, hw-facts.md 2 */
	rig->bus = soc_bus_create(&bcfg);
	if (!sim_test_check(rig->bus != NULL, "soc_bus_create", __FILE__, __LINE__, NULL))
		return false;
	if (soc_bus_add_dram(rig->bus, "dram0", RIG_DRAM0_BASE, RIG_DRAM0_SIZE) != SOC_BUS_OK ||
	    soc_bus_add_dram(rig->bus, "dram1", RIG_DRAM1_BASE, RIG_DRAM1_SIZE) != SOC_BUS_OK ||
	    soc_bus_add_dram(rig->bus, "dram2", RIG_DRAM2_BASE, RIG_DRAM2_SIZE) != SOC_BUS_OK) {
		sim_test_check(false, "soc_bus_add_dram", __FILE__, __LINE__, NULL);
		return false;
	}
	for (i = 0; i < RIG_INSTANCES; i++) {
		struct rig_instance *in = &rig->inst[i];
		struct pamu_cfg cfg;

		memset(&cfg, 0, sizeof(cfg));
		cfg.name = i == RIG_FAST ? "pamu0" : "pamu1";
		cfg.index = (unsigned int)i;
		cfg.caps = *caps;
		cfg.mem = soc_bus_mem_if(rig->bus);
		cfg.sink.emit = rig_emit;
		cfg.sink.ctx = in;
		cfg.irq_changed = rig_irq;
		cfg.irq_ctx = in;
		in->index = i;
		in->rig = rig;
		if (!sim_test_check(pamu_create(&cfg, &in->p) == PAMU_STATUS_OK && in->p, "pamu_create", __FILE__,
				    __LINE__, NULL))
			return false;
	}
	pamu_set_slow_path(rig->inst[RIG_SLOW].p, true);
	return true;
}

void rig_fini(struct ref_rig *rig)
{
	int i;

	for (i = 0; i < RIG_INSTANCES; i++) {
		if (rig->inst[i].p)
			pamu_destroy(rig->inst[i].p);
	}
	if (rig->bus)
		soc_bus_destroy(rig->bus);
	memset(rig, 0, sizeof(*rig));
}

static void reg_write(struct ref_rig *rig, int i, uint32_t off, uint32_t v)
{
	pamu_reg_write(rig->inst[i].p, off, 4, v);
}

static uint32_t reg_read(struct ref_rig *rig, int i, uint32_t off)
{
	return pamu_reg_read(rig->inst[i].p, off, 4);
}

void rig_apply_regs(struct ref_rig *rig)
{
	const uint64_t v[6] = { rig->regs.ppba, rig->regs.ppla, rig->regs.spba,
				rig->regs.spla, rig->regs.oba, rig->regs.ola };
	int i, r;

	for (i = 0; i < RIG_INSTANCES; i++) {
		/* High word first, base then limit, as the driver does (hw-facts.md 2.1). */
		for (r = 0; r < 6; r++) {
			reg_write(rig, i, RIG_PPBAH + 8 * r, (uint32_t)(v[r] >> 32));
			reg_write(rig, i, RIG_PPBAH + 8 * r + 4, (uint32_t)v[r]);
		}
		reg_write(rig, i, RIG_PC, rig->regs.pc);
		pamu_set_bypass(rig->inst[i].p, rig->regs.bypass);
		pamu_set_erratum_a003638(rig->inst[i].p, rig->regs.erratum_a003638);
	}
}

void rig_clear_tables(struct ref_rig *rig)
{
	memset(rig_ptr(rig, RIG_PPBA, RIG_PPAACT_BYTES), 0, RIG_PPAACT_BYTES);
	memset(rig_ptr(rig, RIG_SPBA, RIG_SPAACT_BYTES), 0, RIG_SPAACT_BYTES);
	memset(rig_ptr(rig, RIG_OBA, RIG_OMT_BYTES), 0, RIG_OMT_BYTES);
}

void rig_driver_omt(struct ref_rig *rig)
{
	static const struct { unsigned int omi, index; uint8_t moe; } rows[] = {
		{ 0, 0, 0x80 }, { 0, 1, 0x81 }, { 0, 2, 0x96 }, { 0, 3, 0x9d }, { 0, 4, 0x90 }, { 0, 7, 0x92 },
		{ 1, 0, 0x98 }, { 1, 1, 0x81 },
		{ 2, 0, 0x80 }, { 2, 1, 0x81 }, { 2, 2, 0x96 }, { 2, 3, 0x9b },
		{ 3, 0, 0x98 }, { 3, 1, 0x81 },
	};
	unsigned int k;

	for (k = 0; k < sizeof(rows) / sizeof(rows[0]); k++)
		rig_put_byte(rig, rig->regs.oba + 128ull * rows[k].omi + rows[k].index, rows[k].moe);
}

void rig_boot(struct ref_rig *rig)
{
	int i;

	rig_clear_tables(rig);
	rig->regs.ppba = RIG_PPBA;
	rig->regs.ppla = RIG_PPBA + RIG_PPAACT_BYTES;
	rig->regs.spba = RIG_SPBA;
	rig->regs.spla = RIG_SPBA + RIG_SPAACT_BYTES;
	rig->regs.oba = RIG_OBA;
	rig->regs.ola = RIG_OBA + RIG_OMT_BYTES;
	rig->regs.pc = RIG_PC_BOOT;
	rig->regs.bypass = false;
	rig->regs.erratum_a003638 = false;
	rig_apply_regs(rig);
	for (i = 0; i < RIG_INSTANCES; i++)
		rig_enable_avie(rig, i);
	rig_driver_omt(rig);
}

void rig_reset(struct ref_rig *rig)
{
	int i;

	for (i = 0; i < RIG_INSTANCES; i++) {
		pamu_reset(rig->inst[i].p);
		memset(&rig->inst[i].latch, 0, sizeof(rig->inst[i].latch));
	}
	rig->regs.ppba = rig->regs.ppla = rig->regs.spba = rig->regs.spla = 0;
	rig->regs.oba = rig->regs.ola = 0;
	rig->regs.pc = 0;
}

void rig_enable_avie(struct ref_rig *rig, int i)
{
	reg_write(rig, i, RIG_PICS, RIG_PICS_AVIE);
	rig->inst[i].latch.pics |= RIG_PICS_AVIE;
}

void rig_set_slow_path(struct ref_rig *rig, int i, bool on)
{
	pamu_set_slow_path(rig->inst[i].p, on);
}

void rig_isr(struct ref_rig *rig, int i, bool keep_avie)
{
	struct rig_latch *l = &rig->inst[i].latch;
	uint32_t pics = reg_read(rig, i, RIG_PICS);
	uint32_t poes1;

	if (pics & RIG_PICS_AVS) {
		uint32_t avs1 = reg_read(rig, i, RIG_AVS1);

		reg_write(rig, i, RIG_AVS1, avs1 & 0x7fff);
		l->avs1 &= ~(avs1 & 0x7fff);
		if (!keep_avie)
			pics &= ~RIG_PICS_AVIE;
		reg_write(rig, i, RIG_PICS, pics);
		l->pics &= ~(pics & RIG_PICS_AVS);
		l->pics = (l->pics & ~RIG_PICS_AVIE) | (pics & RIG_PICS_AVIE);
	}
	poes1 = reg_read(rig, i, RIG_POES1);
	if (poes1 & 1) {
		reg_write(rig, i, RIG_POES1, poes1 & 0xf);
		l->poes1 &= ~(poes1 & 0xf);
	}
}

uint8_t *rig_ptr(struct ref_rig *rig, uint64_t addr, unsigned int len)
{
	return soc_bus_dram_ptr(rig->bus, addr, len);
}

void rig_put_word(struct ref_rig *rig, uint64_t entry, unsigned int n, uint32_t v)
{
	uint8_t *p = rig_ptr(rig, entry + 4ull * n, 4);

	if (p)
		memcpy(p, &v, 4);	/* host order, docs/pamu-model.md 7 */
}

uint32_t rig_get_word(struct ref_rig *rig, uint64_t entry, unsigned int n)
{
	uint8_t *p = rig_ptr(rig, entry + 4ull * n, 4);
	uint32_t v = 0;

	if (p)
		memcpy(&v, p, 4);
	return v;
}

void rig_put_byte(struct ref_rig *rig, uint64_t addr, uint8_t v)
{
	uint8_t *p = rig_ptr(rig, addr, 1);

	if (p)
		*p = v;
}

void rig_put_entry(struct ref_rig *rig, uint64_t addr, const struct rig_entry *e)
{
	uint8_t *p = rig_ptr(rig, addr, 64);
	uint32_t w1;

	if (!p)
		return;
	memset(p, 0, 64);
	if (e->secondary)	/* WSE / MW of a SPAACE are not used: a generator may fill them to check that */
		w1 = (uint32_t)e->owner << 16 | (e->wse & 0x3f) << 6 | (uint32_t)e->mw << 5;
	else
		w1 = ((uint32_t)e->wba & 0xfffff000u) | (e->wse & 0x3f) << 6 | (uint32_t)e->mw << 5;
	w1 |= (e->ap & 3) << 3 | (uint32_t)e->dd << 2 | (uint32_t)e->pt << 1 | (uint32_t)e->v;
	rig_put_word(rig, addr, 0, e->secondary ? 0 : (uint32_t)(e->wba >> 32));
	rig_put_word(rig, addr, 1, w1);
	p[0x08] = e->did;
	p[0x09] = e->pid;
	p[0x0a] = e->snpid;
	p[0x0b] = e->cr ? 0x80 : 0;
	rig_put_word(rig, addr, 3, (uint32_t)e->cid << 16 | (e->wce & 0xf) << 4 | (e->atm & 3) << 2 | (e->otm & 3));
	rig_put_word(rig, addr, 4, (uint32_t)(e->twba >> 32));
	rig_put_word(rig, addr, 5, ((uint32_t)e->twba & 0xfffff000u) | (e->swse & 0x3f) << 6);
	rig_put_word(rig, addr, 6, e->fspi);
	memcpy(p + 0x1c, e->w7, 4);
}

void rig_entry_set_omi(struct rig_entry *e, uint16_t omi)
{
	memcpy(&e->w7[2], &omi, 2);
}

void rig_mix_add(struct rig_mix *mix, const struct pamu_ref_result *e)
{
	mix->total++;
	if ((unsigned int)e->kind < PAMU_REF_KIND_COUNT)
		mix->kind[e->kind]++;
	if (e->kind == PAMU_REF_FAULT && (unsigned int)e->fault < PAMU_REF_FAULT_COUNT) {
		mix->fault[e->fault]++;
		if (!e->reported)
			mix->unreported++;
	}
	if (e->kind == PAMU_REF_UNSUPPORTED && (unsigned int)e->field <= PAMU_REF_FIELD_SWSE)
		mix->field[e->field]++;
	if (e->kind == PAMU_REF_OK && e->slot > 0)
		mix->subwindow_ok++;
}

static double pct(uint64_t n, uint64_t total)
{
	return total ? 100.0 * (double)n / (double)total : 0.0;
}

void rig_mix_print(const struct rig_mix *mix, const char *title)
{
	unsigned int k;

	sim_test_note("%s: %" PRIu64 " cases: translated %" PRIu64 " (%.1f%%, %" PRIu64
		      " through a secondary subwindow), bypass %" PRIu64 " (%.1f%%), fault %" PRIu64
		      " (%.1f%%), unsupported %" PRIu64 " (%.2f%%), bad request %" PRIu64 " (%.2f%%)",
		      title, mix->total, mix->kind[PAMU_REF_OK], pct(mix->kind[PAMU_REF_OK], mix->total),
		      mix->subwindow_ok, mix->kind[PAMU_REF_BYPASS], pct(mix->kind[PAMU_REF_BYPASS], mix->total),
		      mix->kind[PAMU_REF_FAULT], pct(mix->kind[PAMU_REF_FAULT], mix->total),
		      mix->kind[PAMU_REF_UNSUPPORTED], pct(mix->kind[PAMU_REF_UNSUPPORTED], mix->total),
		      mix->kind[PAMU_REF_BAD_REQUEST], pct(mix->kind[PAMU_REF_BAD_REQUEST], mix->total));
	for (k = 1; k < PAMU_REF_FAULT_COUNT; k++)
		sim_test_note("  fault %-22s %9" PRIu64 " (%.2f%%)", pamu_ref_fault_name(k), mix->fault[k],
			      pct(mix->fault[k], mix->total));
	sim_test_note("  of which not reported (LAV2, erratum off) %" PRIu64, mix->unreported);
	for (k = 1; k <= PAMU_REF_FIELD_SWSE; k++)
		sim_test_note("  unsupported %-16s %9" PRIu64, pamu_ref_field_name(k), mix->field[k]);
}

enum pamu_fault rig_model_fault(enum pamu_ref_fault f)
{
	switch (f) {
	case PAMU_REF_FAULT_NONE: return PAMU_FAULT_NONE;
	case PAMU_REF_FAULT_GCV: return PAMU_FAULT_GATE_CLOSED;
	case PAMU_REF_FAULT_PDV: return PAMU_FAULT_DISABLED;
	case PAMU_REF_FAULT_LAV1: return PAMU_FAULT_LIODN_RANGE;
	case PAMU_REF_FAULT_LAV2: return PAMU_FAULT_PAACE_INVALID;
	case PAMU_REF_FAULT_LAV3: return PAMU_FAULT_PAACE_TYPE;
	case PAMU_REF_FAULT_WAV1: return PAMU_FAULT_WINDOW;
	case PAMU_REF_FAULT_WAV2: return PAMU_FAULT_WINDOW_CROSS;
	case PAMU_REF_FAULT_WAV3: return PAMU_FAULT_SPAACE_INVALID;
	case PAMU_REF_FAULT_WAV4: return PAMU_FAULT_SUBWINDOW_CROSS;
	case PAMU_REF_FAULT_WAV5: return PAMU_FAULT_SUBWINDOW_SIZE;
	case PAMU_REF_FAULT_WAV6: return PAMU_FAULT_SPAACE_RANGE;
	case PAMU_REF_FAULT_WAV7: return PAMU_FAULT_SPAACE_OWNER;
	case PAMU_REF_FAULT_APV: return PAMU_FAULT_PERMISSION;
	case PAMU_REF_FAULT_OTV1: return PAMU_FAULT_MOE_INVALID;
	case PAMU_REF_FAULT_OTV2: return PAMU_FAULT_OMI_RANGE;
	case PAMU_REF_FAULT_OTV3: return PAMU_FAULT_OP_UNDEFINED;
	case PAMU_REF_FAULT_FETCH: return PAMU_FAULT_TABLE_FETCH;
	case PAMU_REF_FAULT_COUNT: break;
	}
	return PAMU_FAULT_COUNT;
}

enum pamu_xlate_kind rig_model_kind(enum pamu_ref_kind k)
{
	switch (k) {
	case PAMU_REF_OK: return PAMU_XLATE_OK;
	case PAMU_REF_BYPASS: return PAMU_XLATE_BYPASS;
	case PAMU_REF_FAULT: return PAMU_XLATE_FAULT;
	case PAMU_REF_UNSUPPORTED: return PAMU_XLATE_UNSUPPORTED;
	case PAMU_REF_BAD_REQUEST: return PAMU_XLATE_BAD_REQUEST;
	case PAMU_REF_KIND_COUNT: break;
	}
	return (enum pamu_xlate_kind)-1;
}

static enum pamu_unsupported_field model_field(enum pamu_ref_field f)
{
	switch (f) {
	case PAMU_REF_FIELD_NONE: return PAMU_UNSUP_NONE;
	case PAMU_REF_FIELD_WSE: return PAMU_UNSUP_WSE;
	case PAMU_REF_FIELD_ATM: return PAMU_UNSUP_ATM;
	case PAMU_REF_FIELD_OTM: return PAMU_UNSUP_OTM;
	case PAMU_REF_FIELD_WCE: return PAMU_UNSUP_WCE;
	case PAMU_REF_FIELD_SWSE: return PAMU_UNSUP_SWSE;
	}
	return PAMU_UNSUP_NONE;
}

/* Collects "name: model X ref Y;" for every differing value. */
struct diff {
	char buf[2048];
	size_t len;
	unsigned int count;
};

static void diff_u64(struct diff *d, const char *name, uint64_t model, uint64_t ref)
{
	int n;

	if (model == ref)
		return;
	d->count++;
	if (d->len >= sizeof(d->buf))
		return;
	n = snprintf(d->buf + d->len, sizeof(d->buf) - d->len, "\n      %-18s model 0x%" PRIx64 "  ref 0x%" PRIx64,
		     name, model, ref);
	if (n > 0)
		d->len += (size_t)n;
}

static void dump_entry(struct ref_rig *rig, const char *what, uint64_t addr)
{
	unsigned int w;

	printf("    %s @0x%09" PRIx64 ":", what, addr);
	if (!rig_ptr(rig, addr, 64)) {
		printf(" (not DRAM)\n");
		return;
	}
	for (w = 0; w < 16; w++)
		printf("%s%08" PRIx32, w == 8 ? "\n      " : " ", rig_get_word(rig, addr, w));
	printf("  (host-order words 0-15)\n");
}

static void report_mismatch(struct ref_rig *rig, int i, const struct pamu_ref_req *req,
			    const struct pamu_ref_result *e, const struct pamu_result *m, const struct diff *d)
{
	const struct pamu_ref_regs *r = &rig->regs;

	rig->mismatches++;
	printf("\n=== MISMATCH %u in %s: seed 0x%" PRIx64 " (PAMUSIM_REF_SEED=0x%" PRIx64 ") case %" PRIu64
	       ", %s path instance\n",
	       rig->mismatches, rig->test, rig->seed, rig->seed, rig->case_index,
	       i == RIG_FAST ? "fast" : "slow");
	printf("    request: LIODN 0x%x addr 0x%" PRIx64 " size 0x%" PRIx32 " op 0x%02x\n", req->liodn, req->addr,
	       req->size, req->op);
	printf("    regs: PPBA 0x%" PRIx64 " PPLA 0x%" PRIx64 " SPBA 0x%" PRIx64 " SPLA 0x%" PRIx64 " OBA 0x%" PRIx64
	       " OLA 0x%" PRIx64 " PC 0x%08" PRIx32 " bypass %d erratum %d\n",
	       r->ppba, r->ppla, r->spba, r->spla, r->oba, r->ola, r->pc, r->bypass, r->erratum_a003638);
	printf("    ref:   %s %s field %s/%u out 0x%" PRIx64 " op 0x%02x slot %d avs1 0x%08" PRIx32
	       " poes1 0x%08" PRIx32 " reported %d\n",
	       pamu_ref_kind_name(e->kind), pamu_ref_fault_name(e->fault), pamu_ref_field_name(e->field),
	       e->field_value, e->out_addr, e->out_op, e->slot, e->avs1, e->poes1, e->reported);
	printf("    model: %s %s unsup %d/%u out 0x%" PRIx64 " op 0x%02x slot %d avs1 0x%08" PRIx32
	       " poes1 0x%08" PRIx32 " reported %d latched %d\n",
	       pamu_xlate_kind_name(m->kind), pamu_fault_name(m->fault), (int)m->unsupported,
	       m->unsupported_value, m->paddr, m->out_op, m->subwindow, m->avs1, m->poes1, m->reported, m->latched);
	printf("    differences:%s\n", d->buf);
	if (r->ppba + 64ull * req->liodn + 64 <= r->ppla)
		dump_entry(rig, "PAACE", r->ppba + 64ull * req->liodn);
	if (e->spaace_addr)
		dump_entry(rig, "SPAACE", e->spaace_addr);
	if (e->moe_addr && rig_ptr(rig, e->moe_addr, 1))
		printf("    MOE @0x%09" PRIx64 ": 0x%02x\n", e->moe_addr, *rig_ptr(rig, e->moe_addr, 1));
	fflush(stdout);
	sim_test_check(false, "model == reference", __FILE__, __LINE__, "%s seed 0x%" PRIx64 " case %" PRIu64,
		       rig->test, rig->seed, rig->case_index);
}

bool rig_check(struct ref_rig *rig, int i, const struct pamu_ref_req *req, struct pamu_ref_result *ref_out)
{
	struct rig_instance *in = &rig->inst[i];
	struct rig_latch *l = &in->latch;
	struct pamu_request mreq = { .liodn = req->liodn, .addr = req->addr, .size = req->size, .op = req->op };
	struct pamu_ref_mem mem = rig_ref_mem(rig);
	struct pamu_ref_result e;
	struct pamu_result m;
	struct diff d;
	uint64_t unsup_before = in->ev[SIM_EV_UNSUPPORTED];
	bool exp_latched = false, av_level, operr_level;

	pamu_ref_translate(&rig->regs, &mem, req, &e);
	if (ref_out)
		*ref_out = e;
	/* Poison: nothing the model leaves unset may pass by luck (bools stay valid values). */
	memset(&m, 0x5a, sizeof(m));
	m.coherent = m.to_io = m.reported = m.latched = true;
	pamu_translate(in->p, &mreq, &m);
	in->checked++;

	/* The latch model (docs/pamu-model.md 5 and 8): the first error is kept. */
	if (e.kind == PAMU_REF_FAULT && e.reported) {
		if (e.fault == PAMU_REF_FAULT_FETCH) {
			if (!(l->poes1 & 1)) {
				l->poes1 = e.poes1;
				l->poes2 = e.poes2;
				l->poea = e.poea;
				exp_latched = true;
			}
		} else if (!(l->avs1 & 1)) {
			l->avs1 = e.avs1;
			l->avs2 = e.avs2;
			l->ava = e.ava;
			l->pics |= RIG_PICS_AVS;
			exp_latched = true;
		}
	}

	memset(&d, 0, sizeof(d));
	diff_u64(&d, "kind", m.kind, rig_model_kind(e.kind));
	switch (e.kind) {
	case PAMU_REF_OK:
		diff_u64(&d, "paddr", m.paddr, e.out_addr);
		diff_u64(&d, "out_op", m.out_op, e.out_op);
		diff_u64(&d, "stash_id (CID)", m.stash_id, e.cid);
		diff_u64(&d, "snoop_id (SNPID)", m.snoop_id, e.snpid);
		diff_u64(&d, "did", m.did, e.did);
		diff_u64(&d, "pid", m.pid, e.pid);
		diff_u64(&d, "coherent (CR)", m.coherent, e.cr);
		diff_u64(&d, "to_io (DD)", m.to_io, e.dd);
		diff_u64(&d, "subwindow", (uint64_t)(int64_t)m.subwindow, (uint64_t)(int64_t)e.slot);
		diff_u64(&d, "fault", m.fault, PAMU_FAULT_NONE);
		break;
	case PAMU_REF_BYPASS:
		diff_u64(&d, "paddr", m.paddr, e.out_addr);
		diff_u64(&d, "out_op", m.out_op, e.out_op);
		break;
	case PAMU_REF_FAULT:
		diff_u64(&d, "fault", m.fault, rig_model_fault(e.fault));
		diff_u64(&d, "reported", m.reported, e.reported);
		if (e.fault == PAMU_REF_FAULT_FETCH) {
			diff_u64(&d, "poes1", m.poes1, e.poes1);
			diff_u64(&d, "poes2", m.poes2, e.poes2);
			diff_u64(&d, "poea", m.poea, e.poea);
		} else {
			diff_u64(&d, "avs1", m.avs1, e.avs1);
			diff_u64(&d, "avs2", m.avs2, e.avs2);
			diff_u64(&d, "ava", m.ava, e.ava);
		}
		break;
	case PAMU_REF_UNSUPPORTED:
		diff_u64(&d, "unsupported", m.unsupported, model_field(e.field));
		diff_u64(&d, "unsupported_value", m.unsupported_value, e.field_value);
		diff_u64(&d, "unsupported event", in->ev[SIM_EV_UNSUPPORTED] > unsup_before, 1);
		break;
	case PAMU_REF_BAD_REQUEST:
	case PAMU_REF_KIND_COUNT:
		break;
	}
	diff_u64(&d, "latched", m.latched, exp_latched);

	/* Every error register and both lines, after every transaction. */
	diff_u64(&d, "reg AVS1", reg_read(rig, i, RIG_AVS1), l->avs1);
	diff_u64(&d, "reg AVS2", reg_read(rig, i, RIG_AVS2), l->avs2);
	diff_u64(&d, "reg AVAH", reg_read(rig, i, RIG_AVAH), (uint32_t)(l->ava >> 32));
	diff_u64(&d, "reg AVAL", reg_read(rig, i, RIG_AVAL), (uint32_t)l->ava);
	diff_u64(&d, "reg POES1", reg_read(rig, i, RIG_POES1), l->poes1);
	diff_u64(&d, "reg POES2", reg_read(rig, i, RIG_POES2), l->poes2);
	diff_u64(&d, "reg POEAH", reg_read(rig, i, RIG_POEAH), (uint32_t)(l->poea >> 32));
	diff_u64(&d, "reg POEAL", reg_read(rig, i, RIG_POEAL), (uint32_t)l->poea);
	diff_u64(&d, "reg PICS", reg_read(rig, i, RIG_PICS), l->pics);
	av_level = (l->pics & (RIG_PICS_AVS | RIG_PICS_AVIE)) == (RIG_PICS_AVS | RIG_PICS_AVIE);
	operr_level = (l->poes1 & 1) != 0;
	diff_u64(&d, "AV line", pamu_irq_level(in->p, PAMU_IRQ_AV), av_level);
	diff_u64(&d, "AV line (callback)", in->irq_seen[PAMU_IRQ_AV], av_level);
	diff_u64(&d, "OPERR line", pamu_irq_level(in->p, PAMU_IRQ_OPERR), operr_level);
	diff_u64(&d, "OPERR line (callback)", in->irq_seen[PAMU_IRQ_OPERR], operr_level);
	diff_u64(&d, "register-misuse events", in->ev[SIM_EV_REGISTER_MISUSE], 0);

	if (d.count) {
		report_mismatch(rig, i, req, &e, &m, &d);
		/* Resynchronise the latch model with what the model shows, so one mismatch is reported once. */
		l->avs1 = reg_read(rig, i, RIG_AVS1);
		l->avs2 = reg_read(rig, i, RIG_AVS2);
		l->ava = (uint64_t)reg_read(rig, i, RIG_AVAH) << 32 | reg_read(rig, i, RIG_AVAL);
		l->poes1 = reg_read(rig, i, RIG_POES1);
		l->poes2 = reg_read(rig, i, RIG_POES2);
		l->poea = (uint64_t)reg_read(rig, i, RIG_POEAH) << 32 | reg_read(rig, i, RIG_POEAL);
		l->pics = reg_read(rig, i, RIG_PICS);
		in->ev[SIM_EV_REGISTER_MISUSE] = 0;
		return false;
	}
	return true;
}
