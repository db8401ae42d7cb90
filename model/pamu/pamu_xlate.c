// SPDX-License-Identifier: BSD-2-Clause
/*
 * pamu_xlate.c - PAMU translation: the table walk (slow path) and the transparent fast path.
 *
 * Source: docs/pamu-model.md 3 (requests, operation classes), 4 (the walk, in order), 5 (violations and
 * what they latch), 6 (identity operation mapping), 7 (host-order table layout), 8 (operation errors),
 * 9 (fast path); hw-facts.md 5 and 6 (PAACE, SPAACE and OMT layouts). Tables are read from simulated
 * memory through cfg.mem.read; the fast path alone looks at table bytes through cfg.mem.dmi pointers,
 * and checks them on every hit.
 */
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "pamu_priv.h"

/* What an inbound operation code needs (docs/pamu-model.md 3). Zero: undefined code. */
enum {
	OPI_READ = PAACE_AP_READ,
	OPI_WRITE = PAACE_AP_WRITE,
	OPI_DEFINED = 0x80,
};

static const uint8_t op_info[256] = {
	[PAMU_OP_READ] = OPI_DEFINED | OPI_READ,
	[PAMU_OP_WRITE] = OPI_DEFINED | OPI_WRITE,
	[PAMU_OP_EREAD0] = OPI_DEFINED | OPI_READ,
	[PAMU_OP_EWRITE0] = OPI_DEFINED | OPI_WRITE,
	/* Implementation choice (docs/pamu-model.md 3): directives need read permission. */
	[PAMU_OP_DIRECTIVE0] = OPI_DEFINED | OPI_READ,
	[PAMU_OP_EREAD1] = OPI_DEFINED | OPI_READ,
	[PAMU_OP_EWRITE1] = OPI_DEFINED | OPI_WRITE,
	[PAMU_OP_DIRECTIVE1] = OPI_DEFINED | OPI_READ,
	/* Implementation choice: read-atomics need read and write permission. */
	[PAMU_OP_RAC] = OPI_DEFINED | OPI_READ | OPI_WRITE,
	[PAMU_OP_RAS] = OPI_DEFINED | OPI_READ | OPI_WRITE,
	[PAMU_OP_RAD] = OPI_DEFINED | OPI_READ | OPI_WRITE,
	[PAMU_OP_RAI] = OPI_DEFINED | OPI_READ | OPI_WRITE,
};

/* An AVS1 field value in place (docs/pamu-model.md 5). */
#define AVS1_FLD(fld, v) SIM_FDP32(0, PAMU_AVS1, fld, v)

/* Identity operation mapping (docs/pamu-model.md 6). */
static inline uint8_t op_identity(uint8_t op)
{
	return op & 0x7f;
}

/*
 * Fast-path rows, one per AP value: for each inbound code, 0x80 | identity code when the code is defined
 * and AP grants what it needs, else 0 (the slow path then classifies the fault). Same rules as op_info.
 */
#define OP_ROW_ENT(ap, code, need) [code] = ((need) & ~(ap)) ? 0 : 0x80 | ((code) & 0x7f)
#define OP_ROW(ap)                                                                              \
	{                                                                                       \
		OP_ROW_ENT(ap, PAMU_OP_READ, OPI_READ), OP_ROW_ENT(ap, PAMU_OP_WRITE, OPI_WRITE), \
		OP_ROW_ENT(ap, PAMU_OP_EREAD0, OPI_READ),                                       \
		OP_ROW_ENT(ap, PAMU_OP_EWRITE0, OPI_WRITE),                                     \
		OP_ROW_ENT(ap, PAMU_OP_DIRECTIVE0, OPI_READ),                                   \
		OP_ROW_ENT(ap, PAMU_OP_EREAD1, OPI_READ),                                       \
		OP_ROW_ENT(ap, PAMU_OP_EWRITE1, OPI_WRITE),                                     \
		OP_ROW_ENT(ap, PAMU_OP_DIRECTIVE1, OPI_READ),                                   \
		OP_ROW_ENT(ap, PAMU_OP_RAC, OPI_READ | OPI_WRITE),                              \
		OP_ROW_ENT(ap, PAMU_OP_RAS, OPI_READ | OPI_WRITE),                              \
		OP_ROW_ENT(ap, PAMU_OP_RAD, OPI_READ | OPI_WRITE),                              \
		OP_ROW_ENT(ap, PAMU_OP_RAI, OPI_READ | OPI_WRITE),                              \
	}

static const uint8_t op_rows[4][256] = { OP_ROW(0), OP_ROW(1), OP_ROW(2), OP_ROW(3) };

/* Native 32-bit word w of an entry image (host order, docs/pamu-model.md 7). */
static inline uint32_t paace_word(const uint8_t *ent, unsigned int w)
{
	uint32_t v;

	memcpy(&v, ent + 4 * w, sizeof(v));
	return v;
}

static inline uint64_t reg_pair(const struct pamu *p, unsigned int hi, unsigned int lo)
{
	return (uint64_t)sim_reg_get(&p->rf, hi) << 32 | sim_reg_get(&p->rf, lo);
}

static void trace_step(struct pamu *p, enum pamu_walk_step_kind kind, uint16_t liodn, uint64_t addr, bool ok)
{
	struct pamu_walk_step st = { .kind = kind, .liodn = liodn, .addr = addr, .ok = ok };

	p->cfg.trace(p->cfg.trace_ctx, &st);
}

static bool fetch(struct pamu *p, const struct pamu_request *req, enum pamu_walk_step_kind kind,
		  uint64_t addr, void *buf, size_t len)
{
	struct sim_txn_attrs attrs = { .initiator = SIM_INITIATOR_MODEL, .liodn = req->liodn };
	bool ok = p->cfg.mem.read(p->cfg.mem.ctx, addr, buf, len, &attrs);

	if (pamu_unlikely(p->cfg.trace != NULL))
		trace_step(p, kind, req->liodn, addr, ok);
	return ok;
}

/* A violation (docs/pamu-model.md 5): fill the fault record, latch it if reported and AV is clear. */
static void violation(struct pamu *p, const struct pamu_request *req, struct pamu_result *res,
		      enum pamu_fault fault, uint32_t fields)
{
	uint32_t size = req->size > 0xffffffu ? 0xffffffu : req->size;
	uint32_t avs1 = fields | SIM_FMASK(PAMU_AVS1, AV) | SIM_FDP32(0, PAMU_AVS1, LIODN, req->liodn);
	uint32_t avs2 = SIM_FDP32(SIM_FDP32(0, PAMU_AVS2, OP, req->op), PAMU_AVS2, SIZE, size);

	res->kind = PAMU_XLATE_FAULT;
	res->fault = fault;
	res->avs1 = avs1;
	res->avs2 = avs2;
	res->ava = req->addr;
	/* V = 0 is reported only with erratum A-003638 (docs/pamu-model.md 2). */
	res->reported = fault != PAMU_FAULT_PAACE_INVALID || p->erratum;
	p->stats.faults++;
	if (!res->reported)
		return;
	if (SIM_FEX32(sim_reg_get(&p->rf, PAMU_IDX_AVS1), PAMU_AVS1, AV)) {
		/* Implementation choice: the first error is kept, later ones are only counted. */
		p->stats.not_latched++;
		sim_event_emitf(&p->cfg.sink, SIM_EV_HW_FAULT, p->name, "AVS1", req->addr, req->size, avs1,
				"access violation %s (AVS1 0x%08x) from LIODN %u at 0x%llx not latched: "
				"AVS1.AV set",
				pamu_fault_name(fault), avs1, req->liodn, (unsigned long long)req->addr);
		return;
	}
	sim_reg_set(&p->rf, PAMU_IDX_AVS1, avs1);
	sim_reg_set(&p->rf, PAMU_IDX_AVS2, avs2);
	sim_reg_set(&p->rf, PAMU_IDX_AVAH, (uint32_t)(req->addr >> 32));
	sim_reg_set(&p->rf, PAMU_IDX_AVAL, (uint32_t)req->addr);
	sim_reg_set(&p->rf, PAMU_IDX_PICS, sim_reg_get(&p->rf, PAMU_IDX_PICS) | SIM_FMASK(PAMU_PICS, AVS));
	res->latched = true;
	p->stats.latched++;
	sim_event_emitf(&p->cfg.sink, SIM_EV_HW_FAULT, p->name, "AVS1", req->addr, req->size, avs1,
			"access violation %s (AVS1 0x%08x) from LIODN %u at 0x%llx, op 0x%02x, size %u",
			pamu_fault_name(fault), avs1, req->liodn, (unsigned long long)req->addr, req->op,
			req->size);
	pamu_irq_update(p);
}

/* An operation error: a table fetch the memory interface could not complete (docs/pamu-model.md 8). */
static void op_error(struct pamu *p, const struct pamu_request *req, struct pamu_result *res,
		     enum pamu_table_id table, uint64_t addr)
{
	uint32_t poes1 = SIM_FMASK(PAMU_POES1, V) | SIM_FDP32(0, PAMU_POES1, TABLE, table) |
			 SIM_FDP32(0, PAMU_POES1, LIODN, req->liodn);

	res->kind = PAMU_XLATE_FAULT;
	res->fault = PAMU_FAULT_TABLE_FETCH;
	res->poes1 = poes1;
	res->poes2 = req->op;
	res->poea = addr;
	res->reported = true;
	p->stats.faults++;
	if (SIM_FEX32(sim_reg_get(&p->rf, PAMU_IDX_POES1), PAMU_POES1, V)) {
		sim_event_emitf(&p->cfg.sink, SIM_EV_HW_FAULT, p->name, "POES1", addr, req->size, poes1,
				"table fetch error at 0x%llx (LIODN %u) not latched: POES1 valid",
				(unsigned long long)addr, req->liodn);
		return;
	}
	sim_reg_set(&p->rf, PAMU_IDX_POES1, poes1);
	sim_reg_set(&p->rf, PAMU_IDX_POES2, req->op);
	sim_reg_set(&p->rf, PAMU_IDX_POEAH, (uint32_t)(addr >> 32));
	sim_reg_set(&p->rf, PAMU_IDX_POEAL, (uint32_t)addr);
	res->latched = true;
	sim_event_emitf(&p->cfg.sink, SIM_EV_HW_FAULT, p->name, "POES1", addr, req->size, poes1,
			"table fetch error: %s entry at 0x%llx not readable (LIODN %u)",
			table == PAMU_TABLE_PPAACT ? "PPAACT" : table == PAMU_TABLE_SPAACT ? "SPAACT" : "OMT",
			(unsigned long long)addr, req->liodn);
	pamu_irq_update(p);
}

/* A reserved encoding: never treated as something else (docs/pamu-model.md 4, step 8). */
static void unsupported(struct pamu *p, const struct pamu_request *req, struct pamu_result *res,
			enum pamu_unsupported_field field, uint32_t value, uint64_t entry_addr)
{
	res->kind = PAMU_XLATE_UNSUPPORTED;
	res->unsupported = field;
	res->unsupported_value = value;
	p->stats.unsupported++;
	sim_event_emitf(&p->cfg.sink, SIM_EV_UNSUPPORTED, p->name, NULL, entry_addr, 0, value,
			"LIODN %u: entry at 0x%llx: %s = 0x%x is not implemented by the model", req->liodn,
			(unsigned long long)entry_addr, pamu_unsupported_field_name(field), value);
}

/*
 * Put a decoded primary entry into the fast path after a successful walk (docs/pamu-model.md 9, 12).
 * Implementation choice (docs/pamu-model.md 12): DMI pointers stay valid for the life of the model
 * (soc_bus never moves DRAM); a bus that remaps calls pamu_invalidate_fast_path().
 */
static void fast_fill(struct pamu *p, const struct pamu_request *req, const struct pamu_result *res,
		      const uint8_t *pe, uint64_t ent_addr, uint64_t base, uint64_t mask, uint64_t delta,
		      uint64_t moe_addr, uint8_t moe)
{
	struct pamu_fast_entry *e = &p->fast[req->liodn & (PAMU_FAST_SLOTS - 1)];
	const uint8_t *host, *ome = NULL;
	uint32_t otm = SIM_FEX32(paace_word(pe, PAACE_W_IMPL), PAACE_W3, OTM);

	host = p->cfg.mem.dmi(p->cfg.mem.ctx, ent_addr, PAMU_PAACE_SIZE);
	/* The bus must show through DMI the bytes the walk read; otherwise keep walking. */
	if (!host || memcmp(host, pe, 4 * PAACE_DECODED_WORDS))
		return;
	if (otm == PAACE_OTM_INDEXED) {
		/* OBA is only 64-byte aligned: find the OME's start from the byte used, not by alignment. */
		uint64_t ome_addr = moe_addr - (req->op & 0x7f);

		ome = p->cfg.mem.dmi(p->cfg.mem.ctx, ome_addr, PAMU_OME_SIZE);
		if (!ome || ome[req->op & 0x7f] != moe)
			return;
	}
	e->host = host;
	memcpy(e->snap, pe, sizeof(e->snap));
	e->base = base;
	e->mask = mask;
	e->delta = delta;
	e->op_row = op_rows[SIM_FEX32(paace_word(pe, PAACE_W_ADDR), PAACE_W1, AP)];
	e->ome = ome;
	e->otm = (uint8_t)otm;
	e->ioea = pe[PAACE_B_IOEA];
	e->moea = pe[PAACE_B_MOEA];
	e->ioeb = pe[PAACE_B_IOEB];
	e->moeb = pe[PAACE_B_MOEB];
	memcpy(&e->attr_img, &res->out_op, sizeof(e->attr_img));
	e->attr_img &= ~PAMU_OUT_OP_LANE(0xff);
	e->tag = p->gen_tag | req->liodn;
}

/* The full walk, in the order of docs/pamu-model.md 4. */
static void walk(struct pamu *p, const struct pamu_request *req, struct pamu_result *res)
{
	uint8_t pe[PAMU_PAACE_SIZE], se[PAMU_PAACE_SIZE];
	const uint8_t *re;		/* resolved entry */
	uint64_t e_addr, re_addr, ppla, w_size, base, off, slot_base, soff, moe_addr = 0, paddr;
	uint32_t pc, w1, w3, rw1, rw3, rw5, wse, atm, otm, apv;
	unsigned int w_log2, s_log2, info;
	uint8_t out_op, moe = 0;
	bool mw;
	int slot = -1;

	p->stats.walks++;

	/* 1. Bypass: passed untranslated, no check of any kind. */
	if (p->bypass) {
		res->kind = PAMU_XLATE_BYPASS;
		res->paddr = req->addr;
		res->out_op = op_identity(req->op);
		return;
	}
	/* 2, 3. Gate and enable. */
	pc = sim_reg_get(&p->rf, PAMU_IDX_PC);
	if (SIM_FEX32(pc, PAMU_PC, PGC)) {
		violation(p, req, res, PAMU_FAULT_GATE_CLOSED, SIM_FMASK(PAMU_AVS1, GCV));
		return;
	}
	if (!SIM_FEX32(pc, PAMU_PC, PE)) {
		violation(p, req, res, PAMU_FAULT_DISABLED, SIM_FMASK(PAMU_AVS1, PDV));
		return;
	}
	/* 4. Primary entry address against the PPAACT limit (first byte after the table). */
	e_addr = reg_pair(p, PAMU_IDX_PPBAH, PAMU_IDX_PPBAL) + (uint64_t)PAMU_PAACE_SIZE * req->liodn;
	ppla = reg_pair(p, PAMU_IDX_PPLAH, PAMU_IDX_PPLAL);
	if (e_addr + PAMU_PAACE_SIZE > ppla) {
		violation(p, req, res, PAMU_FAULT_LIODN_RANGE, AVS1_FLD(LAV, PAMU_LAV_RANGE));
		return;
	}
	/* 5. Fetch. */
	if (!fetch(p, req, PAMU_STEP_FETCH_PAACE, e_addr, pe, sizeof(pe))) {
		op_error(p, req, res, PAMU_TABLE_PPAACT, e_addr);
		return;
	}
	w1 = paace_word(pe, PAACE_W_ADDR);
	w3 = paace_word(pe, PAACE_W_IMPL);
	/* 6, 7. Valid, primary type. */
	if (!SIM_FEX32(w1, PAACE_W1, V)) {
		violation(p, req, res, PAMU_FAULT_PAACE_INVALID, AVS1_FLD(LAV, PAMU_LAV_INVALID));
		return;
	}
	if (SIM_FEX32(w1, PAACE_W1, PT)) {
		violation(p, req, res, PAMU_FAULT_PAACE_TYPE, AVS1_FLD(LAV, PAMU_LAV_TYPE));
		return;
	}
	/* 8. Reserved encodings of the primary entry, in the order WSE, ATM, OTM. */
	wse = SIM_FEX32(w1, PAACE_W1, WSE);
	if (wse < PAACE_WSE_MIN || wse > PAACE_WSE_MAX) {
		unsupported(p, req, res, PAMU_UNSUP_WSE, wse, e_addr);
		return;
	}
	atm = SIM_FEX32(w3, PAACE_W3, ATM);
	if (atm > PAACE_ATM_WINDOW) {
		unsupported(p, req, res, PAMU_UNSUP_ATM, atm, e_addr);
		return;
	}
	otm = SIM_FEX32(w3, PAACE_W3, OTM);
	if (otm == PAACE_OTM_RESERVED) {
		unsupported(p, req, res, PAMU_UNSUP_OTM, otm, e_addr);
		return;
	}
	/* 9. Window. Implementation choice: the base's bits below the window size are ignored. */
	w_log2 = wse + 1;
	w_size = 1ull << w_log2;
	base = ((uint64_t)paace_word(pe, PAACE_W_WBAH) << 32 | (w1 & SIM_FMASK(PAACE_W1, WBAL))) &
	       ~(w_size - 1);
	off = req->addr - base;
	if (req->addr < base || off >= w_size) {
		violation(p, req, res, PAMU_FAULT_WINDOW, AVS1_FLD(WAV, PAMU_WAV_OUTSIDE));
		return;
	}
	if (req->size > w_size - off) {
		violation(p, req, res, PAMU_FAULT_WINDOW_CROSS, AVS1_FLD(WAV, PAMU_WAV_CROSS));
		return;
	}
	/* 10. Subwindows. */
	re = pe;
	re_addr = e_addr;
	slot_base = base;
	s_log2 = w_log2;
	soff = off;
	mw = SIM_FEX32(w1, PAACE_W1, MW);
	if (mw) {
		unsigned int n_log2 = SIM_FEX32(w3, PAACE_W3, WCE) + 1;
		uint64_t i;

		if (w_log2 < n_log2 + PAACE_PAGE_SHIFT) {
			unsupported(p, req, res, PAMU_UNSUP_WCE, SIM_FEX32(w3, PAACE_W3, WCE), e_addr);
			return;
		}
		s_log2 = w_log2 - n_log2;
		i = off >> s_log2;
		soff = off & ((1ull << s_log2) - 1);
		if (req->size > (1ull << s_log2) - soff) {
			violation(p, req, res, PAMU_FAULT_SUBWINDOW_CROSS,
				  AVS1_FLD(WAV, PAMU_WAV_SUB_CROSS));
			return;
		}
		slot_base = base + (i << s_log2);
		slot = (int)i;
		if (i > 0) {
			uint64_t idx = (uint64_t)paace_word(pe, PAACE_W_FSPI) + i - 1;
			uint64_t f = reg_pair(p, PAMU_IDX_SPBAH, PAMU_IDX_SPBAL) + PAMU_PAACE_SIZE * idx;
			uint32_t sw1;

			if (f + PAMU_PAACE_SIZE > reg_pair(p, PAMU_IDX_SPLAH, PAMU_IDX_SPLAL)) {
				violation(p, req, res, PAMU_FAULT_SPAACE_RANGE,
					  AVS1_FLD(WAV, PAMU_WAV_SPAACE_RANGE));
				return;
			}
			if (!fetch(p, req, PAMU_STEP_FETCH_SPAACE, f, se, sizeof(se))) {
				op_error(p, req, res, PAMU_TABLE_SPAACT, f);
				return;
			}
			sw1 = paace_word(se, PAACE_W_ADDR);
			if (!SIM_FEX32(sw1, PAACE_W1, V)) {
				violation(p, req, res, PAMU_FAULT_SPAACE_INVALID,
					  AVS1_FLD(WAV, PAMU_WAV_SPAACE_INVALID));
				return;
			}
			if (!SIM_FEX32(sw1, PAACE_W1, PT) || SIM_FEX32(sw1, PAACE_W1, OWNER) != req->liodn) {
				violation(p, req, res, PAMU_FAULT_SPAACE_OWNER,
					  AVS1_FLD(WAV, PAMU_WAV_SPAACE_OWNER));
				return;
			}
			re = se;
			re_addr = f;
		}
	}
	rw1 = paace_word(re, PAACE_W_ADDR);
	rw3 = paace_word(re, PAACE_W_IMPL);
	rw5 = paace_word(re, PAACE_W_WIN);
	/* 11. Operation code, then permission. */
	info = op_info[req->op];
	if (!(info & OPI_DEFINED)) {
		violation(p, req, res, PAMU_FAULT_OP_UNDEFINED, AVS1_FLD(OTV, PAMU_OTV_OP_UNDEFINED));
		return;
	}
	apv = info & ~SIM_FEX32(rw1, PAACE_W1, AP) & (OPI_READ | OPI_WRITE);
	if (apv) {
		violation(p, req, res, PAMU_FAULT_PERMISSION, AVS1_FLD(APV, apv));
		return;
	}
	/* 12. Subwindow size inside its slot. Implementation choice: clamped to the slot. */
	if (mw) {
		unsigned int swse = SIM_FEX32(rw5, PAACE_W5, SWSE);

		if (swse < PAACE_SWSE_MIN) {
			unsupported(p, req, res, PAMU_UNSUP_SWSE, swse, re_addr);
			return;
		}
		if (swse + 1 < s_log2 && soff + req->size > (1ull << (swse + 1))) {
			violation(p, req, res, PAMU_FAULT_SUBWINDOW_SIZE,
				  AVS1_FLD(WAV, PAMU_WAV_SUB_SIZE));
			return;
		}
	}
	/* 13. Operation translation. */
	switch (SIM_FEX32(rw3, PAACE_W3, OTM)) {
	case PAACE_OTM_IMMEDIATE:
		/* Implementation choice: a code neither IOEA nor IOEB names maps to itself. */
		if (req->op == re[PAACE_B_IOEA])
			moe = re[PAACE_B_MOEA];
		else if (req->op == re[PAACE_B_IOEB])
			moe = re[PAACE_B_MOEB];
		else {
			out_op = op_identity(req->op);
			break;
		}
		if (!SIM_FEX32(moe, PAMU_MOE, VALID)) {
			violation(p, req, res, PAMU_FAULT_MOE_INVALID,
				  AVS1_FLD(OTV, PAMU_OTV_MOE_INVALID));
			return;
		}
		out_op = (uint8_t)SIM_FEX32(moe, PAMU_MOE, CODE);
		break;
	case PAACE_OTM_INDEXED: {
		uint16_t omi;
		uint64_t o;

		memcpy(&omi, re + PAACE_H_OMI, sizeof(omi));	/* native u16 (host order) */
		o = reg_pair(p, PAMU_IDX_OBAH, PAMU_IDX_OBAL) + (uint64_t)PAMU_OME_SIZE * omi;
		if (o + PAMU_OME_SIZE > reg_pair(p, PAMU_IDX_OLAH, PAMU_IDX_OLAL)) {
			violation(p, req, res, PAMU_FAULT_OMI_RANGE, AVS1_FLD(OTV, PAMU_OTV_OMI_RANGE));
			return;
		}
		moe_addr = o + (req->op & 0x7f);
		if (!fetch(p, req, PAMU_STEP_FETCH_MOE, moe_addr, &moe, 1)) {
			op_error(p, req, res, PAMU_TABLE_OMT, moe_addr);
			return;
		}
		if (!SIM_FEX32(moe, PAMU_MOE, VALID)) {
			violation(p, req, res, PAMU_FAULT_MOE_INVALID,
				  AVS1_FLD(OTV, PAMU_OTV_MOE_INVALID));
			return;
		}
		out_op = (uint8_t)SIM_FEX32(moe, PAMU_MOE, CODE);
		break;
	}
	case PAACE_OTM_NONE:
		out_op = op_identity(req->op);
		break;
	default:
		/* Implementation choice (docs/pamu-model.md 11): OTM 3 in a secondary entry (a
		 * primary's was refused at step 8) is unsupported where it is used. */
		unsupported(p, req, res, PAMU_UNSUP_OTM, PAACE_OTM_RESERVED, re_addr);
		return;
	}
	/* 14. Address translation. */
	switch (SIM_FEX32(rw3, PAACE_W3, ATM)) {
	case PAACE_ATM_NONE:
		paddr = req->addr;
		break;
	case PAACE_ATM_WINDOW: {
		uint64_t twba = (uint64_t)paace_word(re, PAACE_W_TWBAH) << 32 |
				(rw5 & SIM_FMASK(PAACE_W5, TWBAL));

		paddr = (twba & ~((1ull << s_log2) - 1)) + (req->addr - slot_base);
		break;
	}
	default:
		/* Implementation choice: ATM 2 or 3 in a secondary entry, unsupported where used. */
		unsupported(p, req, res, PAMU_UNSUP_ATM, SIM_FEX32(rw3, PAACE_W3, ATM), re_addr);
		return;
	}
	/* 15. Result with the resolved entry's attributes. */
	res->kind = PAMU_XLATE_OK;
	res->paddr = paddr;
	res->out_op = out_op;
	res->stash_id = (uint8_t)SIM_FEX32(rw3, PAACE_W3, CID);
	res->snoop_id = re[PAACE_B_SNPID];
	res->did = re[PAACE_B_DID];
	res->pid = re[PAACE_B_PID];
	res->coherent = SIM_FEX32(re[PAACE_B_FLAGS], PAACE_FLAGS, CR);
	res->to_io = SIM_FEX32(rw1, PAACE_W1, DD);
	res->subwindow = slot;
	if (!mw && p->fast_ok)
		fast_fill(p, req, res, pe, e_addr, base, w_size - 1, paddr - req->addr, moe_addr, moe);
}

/* Kept out of line: the fast path stays a leaf function with a small frame. */
static __attribute__((noinline)) void slow(struct pamu *p, const struct pamu_request *req,
					   struct pamu_result *res)
{
	memset(res, 0, sizeof(*res));
	res->subwindow = -1;
	p->slow_translations++;
	/* Implementation choice (docs/pamu-model.md 3, 11): a bad request is refused before the walk,
	 * even in bypass. */
	if (req->size == 0 || req->addr > UINT64_MAX - (req->size - 1)) {
		res->kind = PAMU_XLATE_BAD_REQUEST;
	} else {
		walk(p, req, res);
	}
	if (pamu_unlikely(p->cfg.trace != NULL)) {
		bool ok = res->kind == PAMU_XLATE_OK || res->kind == PAMU_XLATE_BYPASS;

		trace_step(p, PAMU_STEP_DONE, req->liodn, ok ? res->paddr : req->addr, ok);
	}
}

/* The 32 decoded bytes still what the entry was decoded from? Two 16-byte compares. */
static inline bool fast_same(const struct pamu_fast_entry *e)
{
#ifdef __SSE2__
	__m128i a = _mm_loadu_si128((const __m128i *)(const void *)e->host);
	__m128i b = _mm_loadu_si128((const __m128i *)(const void *)(e->host + 16));

	a = _mm_cmpeq_epi8(a, e->snap[0]);
	b = _mm_cmpeq_epi8(b, e->snap[1]);
	return _mm_movemask_epi8(_mm_and_si128(a, b)) == 0xffff;
#else
	pamu_v16 h0, h1, x;

	memcpy(&h0, e->host, sizeof(h0));
	memcpy(&h1, e->host + sizeof(h0), sizeof(h1));
	x = (h0 ^ e->snap[0]) | (h1 ^ e->snap[1]);
	return (x[0] | x[1]) == 0;
#endif
}

/* A fast-path result before paddr and the attribute bytes are filled in. */
static const struct pamu_result fast_ok_tmpl = { .kind = PAMU_XLATE_OK, .subwindow = -1 };

/* Serve a request from a validated entry; false if anything but a plain success would result. */
static inline bool fast_hit(struct pamu *p, const struct pamu_fast_entry *e, const struct pamu_request *req,
			    struct pamu_result *res)
{
	uint64_t off = req->addr - e->base;
	uint64_t last = off + req->size - 1;	/* offset of the last byte */
	uint64_t img;
	uint8_t op = req->op, v;

	/* First and last byte inside the window; last < off: size 0 or a wrap (slow path decides). */
	if (pamu_unlikely((off | last) > e->mask || last < off))
		return false;
	/* Defined and permitted; the identity mapping comes with it. */
	v = e->op_row[op];
	if (pamu_unlikely(e->otm != PAACE_OTM_NONE)) {
		if (!v)
			return false;
		if (e->otm == PAACE_OTM_INDEXED)
			v = e->ome[op & 0x7f];		/* the live OMT byte */
		else if (op == e->ioea)
			v = e->moea;
		else if (op == e->ioeb)
			v = e->moeb;
	}
	if (pamu_unlikely(!(v & 0x80)))
		return false;
	*res = fast_ok_tmpl;		/* constant stores: no loads */
	res->paddr = req->addr + e->delta;
	img = e->attr_img | PAMU_OUT_OP_LANE(v & 0x7f);
	memcpy(&res->out_op, &img, sizeof(img));
	p->stats.fast_hits++;	/* stats.translations = slow_translations + fast_hits */
	return true;
}

/*
 * The hot path: no callbacks, no events, no logging. An entry is filled only while fast_ok holds, and
 * every change of fast_ok bumps the generation, so a tag match alone says the fast path may serve.
 */
void pamu_translate(struct pamu *p, const struct pamu_request *req, struct pamu_result *res)
{
	struct pamu_fast_entry *e = &p->fast[req->liodn & (PAMU_FAST_SLOTS - 1)];

	if (pamu_likely(e->tag == (p->gen_tag | req->liodn))) {
		if (pamu_likely(fast_same(e))) {
			if (pamu_likely(fast_hit(p, e, req, res)))
				return;
		} else {
			e->tag = 0;	/* the table changed under the entry */
		}
	}
	slow(p, req, res);
}
