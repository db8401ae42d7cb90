// SPDX-License-Identifier: BSD-2-Clause
/*
 * pamu_ref.c - brute-force reference translator of the PAMU (see pamu_ref.h).
 *
 * Source: docs/pamu-model.md section 4 (the walk; each numbered step below is that step), sections 5,
 * 6, 7 and 8 (AVS1/POES1 values, identity operation mapping, host-order table layout), and
 * ../shared/spec/hw-facts.md 5.1 (PAACE words), 6 (OMT), 9 (AVS1 fields). Clarity over speed: every
 * entry is re-read byte by byte on every call, nothing is cached, every field is extracted on its own.
 *
 * Where docs/pamu-model.md is silent the reading taken here is marked "reference reading:"; the
 * comparison test checks the model against it, so a difference shows up as a mismatch to be settled in
 * the doc, not silently in either implementation.
 */
#include "pamu_ref.h"

#include <string.h>

/* AVS1 field positions (hw-facts.md 9, docs/pamu-model.md 5). */
#define AVS1_AV_SHIFT 0
#define AVS1_OTV_SHIFT 1
#define AVS1_APV_SHIFT 3
#define AVS1_WAV_SHIFT 7
#define AVS1_LAV_SHIFT 10
#define AVS1_GCV_SHIFT 13
#define AVS1_PDV_SHIFT 14
#define AVS1_LIODN_SHIFT 16

#define ENTRY_BYTES 64u
#define OME_BYTES 128u
#define PAGE_4K 4096ull

/* Bits hi..lo of a 32-bit word, LSB-0 numbering. */
static uint32_t field(uint32_t word, unsigned int hi, unsigned int lo)
{
	uint64_t mask = (1ull << (hi - lo + 1)) - 1;

	return (uint32_t)((word >> lo) & mask);
}

/* Word n of an entry, in host order (docs/pamu-model.md 7: native 32-bit words). */
static uint32_t entry_word(const uint8_t *e, unsigned int n)
{
	uint32_t w;

	memcpy(&w, e + 4 * n, sizeof(w));
	return w;
}

/* Reads len bytes one at a time; false as soon as one byte is not decoded. */
static bool fetch_bytes(const struct pamu_ref_mem *mem, uint64_t addr, uint8_t *buf, unsigned int len)
{
	unsigned int i;

	for (i = 0; i < len; i++) {
		if (!mem->read_byte(mem->ctx, addr + i, &buf[i]))
			return false;
	}
	return true;
}

/* Permission an inbound operation needs (docs/pamu-model.md 3). False: undefined code. */
static bool op_needs(uint8_t op, bool *need_read, bool *need_write)
{
	*need_read = false;
	*need_write = false;
	switch (op) {
	case 0x00:	/* read */
	case 0x82:	/* enhanced read 0 */
	case 0x85:	/* enhanced read 1 */
	case 0x84:	/* directive 0 */
	case 0x87:	/* directive 1 */
		*need_read = true;
		return true;
	case 0x81:	/* write */
	case 0x83:	/* enhanced write 0 */
	case 0x86:	/* enhanced write 1 */
		*need_write = true;
		return true;
	case 0x8c:	/* read-atomic clear, set, decrement, increment */
	case 0x8d:
	case 0x8e:
	case 0x8f:
		*need_read = true;
		*need_write = true;
		return true;
	default:
		return false;
	}
}

/* A violation: AVS1 = fields | AV | LIODN << 16, AVS2 = op | size << 8 (saturating), AVA = address. */
static void violation(struct pamu_ref_result *res, const struct pamu_ref_req *req, enum pamu_ref_fault f,
		      uint32_t fields, bool reported)
{
	uint32_t size_field = req->size > 0xffffffu ? 0xffffffu : req->size;

	res->kind = PAMU_REF_FAULT;
	res->fault = f;
	res->avs1 = fields | (1u << AVS1_AV_SHIFT) | ((uint32_t)req->liodn << AVS1_LIODN_SHIFT);
	res->avs2 = (uint32_t)req->op | (size_field << 8);
	res->ava = req->addr;
	res->reported = reported;
}

/* An operation error (docs/pamu-model.md 8): POES1 = 1 | table << 1 | LIODN << 16. */
static void fetch_error(struct pamu_ref_result *res, const struct pamu_ref_req *req, uint32_t table,
			uint64_t addr)
{
	res->kind = PAMU_REF_FAULT;
	res->fault = PAMU_REF_FAULT_FETCH;
	res->poes1 = 1u | (table << 1) | ((uint32_t)req->liodn << 16);
	res->poes2 = req->op;
	res->poea = addr;
	res->reported = true;
}

static void unsupported(struct pamu_ref_result *res, enum pamu_ref_field f, uint32_t value)
{
	res->kind = PAMU_REF_UNSUPPORTED;
	res->field = f;
	res->field_value = value;
}

void pamu_ref_translate(const struct pamu_ref_regs *regs, const struct pamu_ref_mem *mem,
			const struct pamu_ref_req *req, struct pamu_ref_result *res)
{
	uint8_t primary[ENTRY_BYTES], secondary[ENTRY_BYTES];
	const uint8_t *resolved;
	uint64_t entry, window_size, window_base, offset, sub_start, sub_size, in_slot;
	uint32_t w0, w1, w3, wse, atm, otm, ap, rw_missing, otm_r, atm_r;
	bool need_read, need_write;

	memset(res, 0, sizeof(*res));
	res->slot = -1;

	/* Section 3: size 0, or a last byte beyond 2^64 - 1. */
	if (req->size == 0 || req->addr > UINT64_MAX - ((uint64_t)req->size - 1)) {
		res->kind = PAMU_REF_BAD_REQUEST;
		return;
	}

	/* Step 1: bypass passes everything, identity operation mapping (section 6). */
	if (regs->bypass) {
		res->kind = PAMU_REF_BYPASS;
		res->out_addr = req->addr;
		res->out_op = req->op & 0x7f;
		return;
	}

	/* Steps 2 and 3: the gate, then the enable bit. */
	if (field(regs->pc, 31, 31)) {
		violation(res, req, PAMU_REF_FAULT_GCV, 1u << AVS1_GCV_SHIFT, true);
		return;
	}
	if (!field(regs->pc, 30, 30)) {
		violation(res, req, PAMU_REF_FAULT_PDV, 1u << AVS1_PDV_SHIFT, true);
		return;
	}

	/* Step 4: the primary entry must lie wholly below the limit. */
	entry = regs->ppba + 64ull * req->liodn;
	if (entry + ENTRY_BYTES > regs->ppla) {
		violation(res, req, PAMU_REF_FAULT_LAV1, 1u << AVS1_LAV_SHIFT, true);
		return;
	}

	/* Step 5: fetch all 64 bytes. */
	res->paace_addr = entry;
	if (!fetch_bytes(mem, entry, primary, ENTRY_BYTES)) {
		fetch_error(res, req, PAMU_REF_TABLE_PPAACT, entry);
		return;
	}
	w0 = entry_word(primary, 0);
	w1 = entry_word(primary, 1);
	w3 = entry_word(primary, 3);

	/* Step 6: V = 0, reported only with erratum A-003638. */
	if (!field(w1, 0, 0)) {
		violation(res, req, PAMU_REF_FAULT_LAV2, 2u << AVS1_LAV_SHIFT, regs->erratum_a003638);
		return;
	}
	/* Step 7: a secondary entry in a primary slot. */
	if (field(w1, 1, 1)) {
		violation(res, req, PAMU_REF_FAULT_LAV3, 3u << AVS1_LAV_SHIFT, true);
		return;
	}

	/* Step 8: reserved encodings of the primary, in the order the doc lists them. */
	wse = field(w1, 11, 6);
	if (wse < 0x0b || wse > 0x23) {
		unsupported(res, PAMU_REF_FIELD_WSE, wse);
		return;
	}
	atm = field(w3, 3, 2);
	if (atm == 2 || atm == 3) {
		unsupported(res, PAMU_REF_FIELD_ATM, atm);
		return;
	}
	otm = field(w3, 1, 0);
	if (otm == 3) {
		unsupported(res, PAMU_REF_FIELD_OTM, otm);
		return;
	}

	/* Step 9: the window, base aligned down to the window size. */
	window_size = 1ull << (wse + 1);
	window_base = (((uint64_t)w0 << 32) | (w1 & 0xfffff000u)) & ~(window_size - 1);
	if (req->addr < window_base || req->addr - window_base >= window_size) {
		violation(res, req, PAMU_REF_FAULT_WAV1, 1u << AVS1_WAV_SHIFT, true);
		return;
	}
	offset = req->addr - window_base;
	if (offset + req->size > window_size) {
		violation(res, req, PAMU_REF_FAULT_WAV2, 2u << AVS1_WAV_SHIFT, true);
		return;
	}

	/* Step 10: subwindows. */
	resolved = primary;
	sub_start = window_base;
	sub_size = window_size;
	in_slot = offset;
	if (field(w1, 5, 5)) {
		uint32_t wce = field(w3, 7, 4);
		uint64_t slot;

		sub_size = window_size >> (wce + 1);
		if (sub_size < PAGE_4K) {
			unsupported(res, PAMU_REF_FIELD_WCE, wce);
			return;
		}
		slot = offset / sub_size;
		in_slot = offset % sub_size;
		if (in_slot + req->size > sub_size) {
			violation(res, req, PAMU_REF_FAULT_WAV4, 4u << AVS1_WAV_SHIFT, true);
			return;
		}
		sub_start = window_base + slot * sub_size;
		res->slot = (int)slot;
		if (slot > 0) {
			uint64_t index = (uint64_t)entry_word(primary, 6) + slot - 1;
			uint64_t sentry = regs->spba + 64ull * index;
			uint32_t s1;

			if (sentry + ENTRY_BYTES > regs->spla) {
				violation(res, req, PAMU_REF_FAULT_WAV6, 6u << AVS1_WAV_SHIFT, true);
				return;
			}
			res->spaace_addr = sentry;
			if (!fetch_bytes(mem, sentry, secondary, ENTRY_BYTES)) {
				fetch_error(res, req, PAMU_REF_TABLE_SPAACT, sentry);
				return;
			}
			s1 = entry_word(secondary, 1);
			if (!field(s1, 0, 0)) {
				violation(res, req, PAMU_REF_FAULT_WAV3, 3u << AVS1_WAV_SHIFT, true);
				return;
			}
			if (!field(s1, 1, 1) || field(s1, 31, 16) != req->liodn) {
				violation(res, req, PAMU_REF_FAULT_WAV7, 7u << AVS1_WAV_SHIFT, true);
				return;
			}
			resolved = secondary;
		}
	}

	/* Step 11: undefined operation codes first, then the resolved entry's AP. */
	if (!op_needs(req->op, &need_read, &need_write)) {
		violation(res, req, PAMU_REF_FAULT_OTV3, 3u << AVS1_OTV_SHIFT, true);
		return;
	}
	ap = field(entry_word(resolved, 1), 4, 3);
	rw_missing = 0;
	if (need_read && !(ap & 1))
		rw_missing |= 1;
	if (need_write && !(ap & 2))
		rw_missing |= 2;
	if (rw_missing) {
		violation(res, req, PAMU_REF_FAULT_APV, rw_missing << AVS1_APV_SHIFT, true);
		return;
	}

	/* Step 12: the subwindow's own size, clamped to its slot. */
	if (field(w1, 5, 5)) {
		uint32_t swse = field(entry_word(resolved, 5), 11, 6);
		uint64_t effective = sub_size;

		if (swse < 0x0b) {
			unsupported(res, PAMU_REF_FIELD_SWSE, swse);
			return;
		}
		if (swse + 1 < 64 && (1ull << (swse + 1)) < sub_size)
			effective = 1ull << (swse + 1);
		if (in_slot + req->size > effective) {
			violation(res, req, PAMU_REF_FAULT_WAV5, 5u << AVS1_WAV_SHIFT, true);
			return;
		}
	}

	/* Step 13: operation translation by the resolved entry's OTM. */
	otm_r = field(entry_word(resolved, 3), 1, 0);
	if (otm_r == 0) {
		res->out_op = req->op & 0x7f;
	} else if (otm_r == 1) {
		uint8_t ioea = resolved[0x1c], moea = resolved[0x1d];
		uint8_t ioeb = resolved[0x1e], moeb = resolved[0x1f];
		uint8_t moe;

		if (req->op == ioea)
			moe = moea;
		else if (req->op == ioeb)
			moe = moeb;
		else
			moe = 0x80 | (req->op & 0x7f);	/* not listed: identity mapping */
		if (!(moe & 0x80)) {
			violation(res, req, PAMU_REF_FAULT_OTV1, 1u << AVS1_OTV_SHIFT, true);
			return;
		}
		res->out_op = moe & 0x7f;
	} else if (otm_r == 2) {
		uint16_t omi;
		uint64_t ome, moe_addr;
		uint8_t moe;

		memcpy(&omi, resolved + 0x1e, sizeof(omi));	/* host order, section 7 */
		ome = regs->oba + (uint64_t)OME_BYTES * omi;
		if (ome + OME_BYTES > regs->ola) {
			violation(res, req, PAMU_REF_FAULT_OTV2, 2u << AVS1_OTV_SHIFT, true);
			return;
		}
		moe_addr = ome + (req->op & 0x7f);
		res->moe_addr = moe_addr;
		if (!fetch_bytes(mem, moe_addr, &moe, 1)) {
			fetch_error(res, req, PAMU_REF_TABLE_OMT, moe_addr);
			return;
		}
		if (!(moe & 0x80)) {
			violation(res, req, PAMU_REF_FAULT_OTV1, 1u << AVS1_OTV_SHIFT, true);
			return;
		}
		res->out_op = moe & 0x7f;
	} else {
		/*
		 * Reference reading: OTM = 3 in a SPAACE (a primary's was refused at step 8). Step 13
		 * lists no meaning for it and step 8 says the model never treats a reserved encoding as
		 * something else, so it is unsupported here, where the field is used.
		 */
		unsupported(res, PAMU_REF_FIELD_OTM, otm_r);
		return;
	}

	/* Step 14: address translation by the resolved entry's ATM. */
	atm_r = field(entry_word(resolved, 3), 3, 2);
	if (atm_r == 0) {
		res->out_addr = req->addr;
	} else if (atm_r == 1) {
		uint64_t twba = ((uint64_t)entry_word(resolved, 4) << 32) |
				(entry_word(resolved, 5) & 0xfffff000u);

		res->out_addr = (twba & ~(sub_size - 1)) + (req->addr - sub_start);
	} else {
		/* Reference reading: ATM 2 or 3 in a SPAACE, unsupported where used (as OTM above). */
		res->out_op = 0;
		unsupported(res, PAMU_REF_FIELD_ATM, atm_r);
		return;
	}

	/* Step 15: the resolved entry's attributes. */
	res->kind = PAMU_REF_OK;
	res->did = resolved[0x08];
	res->pid = resolved[0x09];
	res->snpid = resolved[0x0a];
	res->cr = (resolved[0x0b] & 0x80) != 0;
	res->cid = (uint8_t)field(entry_word(resolved, 3), 23, 16);
	res->dd = field(entry_word(resolved, 1), 2, 2) != 0;
}

const char *pamu_ref_kind_name(enum pamu_ref_kind k)
{
	static const char *const names[PAMU_REF_KIND_COUNT] = {
		[PAMU_REF_OK] = "translated",
		[PAMU_REF_BYPASS] = "bypass",
		[PAMU_REF_FAULT] = "fault",
		[PAMU_REF_UNSUPPORTED] = "unsupported",
		[PAMU_REF_BAD_REQUEST] = "bad-request",
	};

	return (unsigned int)k < PAMU_REF_KIND_COUNT ? names[k] : "?";
}

const char *pamu_ref_fault_name(enum pamu_ref_fault f)
{
	static const char *const names[PAMU_REF_FAULT_COUNT] = {
		[PAMU_REF_FAULT_NONE] = "none",
		[PAMU_REF_FAULT_GCV] = "GCV gate-closed",
		[PAMU_REF_FAULT_PDV] = "PDV disabled",
		[PAMU_REF_FAULT_LAV1] = "LAV1 liodn-range",
		[PAMU_REF_FAULT_LAV2] = "LAV2 paace-invalid",
		[PAMU_REF_FAULT_LAV3] = "LAV3 paace-type",
		[PAMU_REF_FAULT_WAV1] = "WAV1 window",
		[PAMU_REF_FAULT_WAV2] = "WAV2 window-cross",
		[PAMU_REF_FAULT_WAV3] = "WAV3 spaace-invalid",
		[PAMU_REF_FAULT_WAV4] = "WAV4 subwindow-cross",
		[PAMU_REF_FAULT_WAV5] = "WAV5 subwindow-size",
		[PAMU_REF_FAULT_WAV6] = "WAV6 spaace-range",
		[PAMU_REF_FAULT_WAV7] = "WAV7 spaace-owner",
		[PAMU_REF_FAULT_APV] = "APV permission",
		[PAMU_REF_FAULT_OTV1] = "OTV1 moe-invalid",
		[PAMU_REF_FAULT_OTV2] = "OTV2 omi-range",
		[PAMU_REF_FAULT_OTV3] = "OTV3 op-undefined",
		[PAMU_REF_FAULT_FETCH] = "table-fetch",
	};

	return (unsigned int)f < PAMU_REF_FAULT_COUNT ? names[f] : "?";
}

const char *pamu_ref_field_name(enum pamu_ref_field f)
{
	switch (f) {
	case PAMU_REF_FIELD_NONE:
		return "none";
	case PAMU_REF_FIELD_WSE:
		return "WSE";
	case PAMU_REF_FIELD_ATM:
		return "ATM";
	case PAMU_REF_FIELD_OTM:
		return "OTM";
	case PAMU_REF_FIELD_WCE:
		return "WCE";
	case PAMU_REF_FIELD_SWSE:
		return "SWSE";
	}
	return "?";
}
