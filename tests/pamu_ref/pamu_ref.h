/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * pamu_ref.h - brute-force reference translator of the PAMU, the second reading of the spec the model
 * is compared against.
 *
 * Source: docs/pamu-model.md sections 2-8 (the walk, in order) and ../shared/spec/hw-facts.md sections
 * 2-9 (register block, PAACE/SPAACE/OMT layouts, AVS1 fields). Written independently of model/pamu:
 * it shares no code, no header and no enum with the model (not even pamu.h); the comparison tests map
 * its results onto the model's by name. It is deliberately slow and literal: fields are decoded one at
 * a time with plain shifts, table bytes are read one by one through a callback, and no state is kept
 * between calls (the error-register latch is the comparison test's job).
 */
#ifndef PAMU_REF_H
#define PAMU_REF_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The register and input values one translation depends on. */
struct pamu_ref_regs {
	uint64_t ppba, ppla;		/* primary PAACT base / limit (first byte after the table) */
	uint64_t spba, spla;		/* secondary PAACT */
	uint64_t oba, ola;		/* operation mapping table */
	uint32_t pc;			/* PC (0xC10): PGC bit 31, PE bit 30 */
	bool bypass;			/* GUTS PAMUBYPENR bit of this block */
	bool erratum_a003638;		/* V = 0 LIODNs are reported */
};

/* Simulated memory as the reference sees it: one byte at a time. False: the byte is not decoded. */
struct pamu_ref_mem {
	bool (*read_byte)(void *ctx, uint64_t addr, uint8_t *out);
	void *ctx;
};

struct pamu_ref_req {
	uint16_t liodn;
	uint64_t addr;
	uint32_t size;
	uint8_t op;			/* inbound operation code */
};

enum pamu_ref_kind {
	PAMU_REF_OK,
	PAMU_REF_BYPASS,
	PAMU_REF_FAULT,
	PAMU_REF_UNSUPPORTED,
	PAMU_REF_BAD_REQUEST,
	PAMU_REF_KIND_COUNT
};

enum pamu_ref_fault {
	PAMU_REF_FAULT_NONE,
	PAMU_REF_FAULT_GCV,		/* gate closed */
	PAMU_REF_FAULT_PDV,		/* PAMU not enabled */
	PAMU_REF_FAULT_LAV1,		/* LIODN beyond the PPAACT limit */
	PAMU_REF_FAULT_LAV2,		/* PAACE V = 0 */
	PAMU_REF_FAULT_LAV3,		/* PT = 1 in a primary slot */
	PAMU_REF_FAULT_WAV1,		/* outside the window */
	PAMU_REF_FAULT_WAV2,		/* crosses the window end */
	PAMU_REF_FAULT_WAV3,		/* SPAACE V = 0 */
	PAMU_REF_FAULT_WAV4,		/* crosses a slot end */
	PAMU_REF_FAULT_WAV5,		/* beyond SWSE inside the slot */
	PAMU_REF_FAULT_WAV6,		/* SPAACE index beyond the SPAACT limit */
	PAMU_REF_FAULT_WAV7,		/* SPAACE not secondary / other owner */
	PAMU_REF_FAULT_APV,		/* permission */
	PAMU_REF_FAULT_OTV1,		/* MOE not valid */
	PAMU_REF_FAULT_OTV2,		/* OMI beyond the OMT limit */
	PAMU_REF_FAULT_OTV3,		/* undefined inbound operation code */
	PAMU_REF_FAULT_FETCH,		/* operation error: a table byte not decoded */
	PAMU_REF_FAULT_COUNT
};

enum pamu_ref_field {
	PAMU_REF_FIELD_NONE,
	PAMU_REF_FIELD_WSE,
	PAMU_REF_FIELD_ATM,
	PAMU_REF_FIELD_OTM,
	PAMU_REF_FIELD_WCE,
	PAMU_REF_FIELD_SWSE,
};

/* Table numbers of the POES1 table field (docs/pamu-model.md 8). */
#define PAMU_REF_TABLE_PPAACT 1u
#define PAMU_REF_TABLE_SPAACT 2u
#define PAMU_REF_TABLE_OMT 3u

struct pamu_ref_result {
	enum pamu_ref_kind kind;
	enum pamu_ref_fault fault;
	enum pamu_ref_field field;	/* PAMU_REF_UNSUPPORTED: which field */
	uint32_t field_value;		/* and its value */
	/* PAMU_REF_OK / PAMU_REF_BYPASS */
	uint64_t out_addr;
	uint8_t out_op;
	/* PAMU_REF_OK: attributes of the resolved entry */
	uint8_t cid, snpid, did, pid;
	bool cr, dd;
	int slot;			/* -1 without subwindows */
	/* PAMU_REF_FAULT: what the error registers take if the latch is open */
	uint32_t avs1, avs2;
	uint64_t ava;
	uint32_t poes1, poes2;
	uint64_t poea;
	bool reported;
	/* Diagnostics (not compared): the table entries the walk looked at, 0 if none. */
	uint64_t paace_addr, spaace_addr, moe_addr;
};

void pamu_ref_translate(const struct pamu_ref_regs *regs, const struct pamu_ref_mem *mem,
			const struct pamu_ref_req *req, struct pamu_ref_result *res);

const char *pamu_ref_kind_name(enum pamu_ref_kind k);
const char *pamu_ref_fault_name(enum pamu_ref_fault f);
const char *pamu_ref_field_name(enum pamu_ref_field f);

#ifdef __cplusplus
}
#endif

#endif /* PAMU_REF_H */
