/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * pamu.h - public API of one PAMU block (Peripheral Access Management Unit, the QorIQ IOMMU).
 *
 * Behaviour: docs/pamu-model.md (every rule and implementation choice); hardware facts:
 * ../shared/spec/hw-facts.md sections 2-9. An opaque handle per PAMU instance; a SoC has several
 * (P4080 five, T4240 six), each independent, all walking the tables the driver wrote into simulated
 * memory through the memory interface of the bus.
 */
#ifndef PAMU_H
#define PAMU_H

#include <stdbool.h>
#include <stdint.h>

#include "sim_event.h"
#include "sim_mem.h"

#ifdef __cplusplus
extern "C" {
#endif

struct pamu;

#define PAMU_BLOCK_SIZE 0x1000u		/* one register block per PAMU */
#define PAMU_PAACE_SIZE 64u
#define PAMU_OME_SIZE 128u
#define PAMU_PPAACT_ENTRIES 0x500u	/* what the drivers allocate (PAACE_NUMBER_ENTRIES) */
#define PAMU_SPAACT_ENTRIES 0x800u	/* SPAACE_NUMBER_ENTRIES */
#define PAMU_OMT_ENTRIES 16u		/* OME_NUMBER_ENTRIES */

/* Inbound (I/O side) operation codes, hw-facts.md 6. */
enum pamu_op {
	PAMU_OP_READ = 0x00,
	PAMU_OP_WRITE = 0x81,
	PAMU_OP_EREAD0 = 0x82,
	PAMU_OP_EWRITE0 = 0x83,
	PAMU_OP_DIRECTIVE0 = 0x84,
	PAMU_OP_EREAD1 = 0x85,
	PAMU_OP_EWRITE1 = 0x86,
	PAMU_OP_DIRECTIVE1 = 0x87,
	PAMU_OP_RAC = 0x8c,	/* read-atomic clear */
	PAMU_OP_RAS = 0x8d,	/* set */
	PAMU_OP_RAD = 0x8e,	/* decrement */
	PAMU_OP_RAI = 0x8f,	/* increment */
};

/* Capability and revision register values of one SoC's PAMUs (read-only registers). */
struct pamu_caps {
	uint32_t pr1, pr2;
	uint32_t pc1, pc2, pc3, pc4;
};

/* Interrupt outputs. */
enum pamu_irq_line {
	PAMU_IRQ_AV,		/* access violation: PICS.AVS && PICS.AVIE (MPIC source 24 in the SoC) */
	PAMU_IRQ_OPERR,		/* operation error: POES1 bit 0 */
	PAMU_IRQ_COUNT
};

/* One step of a walk, for tracing (slow path only; the callback is NULL-checked and costs nothing off). */
enum pamu_walk_step_kind {
	PAMU_STEP_FETCH_PAACE,
	PAMU_STEP_FETCH_SPAACE,
	PAMU_STEP_FETCH_MOE,
	PAMU_STEP_DONE,
};

struct pamu_walk_step {
	enum pamu_walk_step_kind kind;
	uint16_t liodn;
	uint64_t addr;		/* table address fetched, or the output address for DONE */
	bool ok;		/* fetch succeeded / translation succeeded */
};

struct pamu_cfg {
	const char *name;		/* instance name in events: "pamu0" */
	unsigned int index;		/* block number n on its SoC */
	struct pamu_caps caps;
	bool erratum_a003638;		/* violations reported for V = 0 LIODNs (docs/pamu-model.md 2) */
	struct sim_mem_if mem;		/* table walks; mem.read is required */
	struct sim_event_sink sink;
	/* Called when an interrupt output changes level. Optional. */
	void (*irq_changed)(void *ctx, enum pamu_irq_line line, bool level);
	void *irq_ctx;
	/* Walk tracing. Optional. */
	void (*trace)(void *ctx, const struct pamu_walk_step *step);
	void *trace_ctx;
};

enum pamu_status {
	PAMU_STATUS_OK = 0,
	PAMU_STATUS_BAD_CFG,		/* no memory read callback */
	PAMU_STATUS_NO_MEMORY,
};

struct pamu_request {
	uint16_t liodn;
	uint64_t addr;
	uint32_t size;			/* bytes, >= 1 */
	uint8_t op;			/* enum pamu_op */
};

enum pamu_xlate_kind {
	PAMU_XLATE_OK,			/* translated (checked against the tables) */
	PAMU_XLATE_BYPASS,		/* PAMU bypassed: passed untranslated */
	PAMU_XLATE_FAULT,		/* blocked: see fault */
	PAMU_XLATE_UNSUPPORTED,		/* a reserved field value the model does not implement */
	PAMU_XLATE_BAD_REQUEST,		/* size 0 or address range wraps */
};

/* Architectural fault types (docs/pamu-model.md 5 and 8). */
enum pamu_fault {
	PAMU_FAULT_NONE = 0,
	PAMU_FAULT_GATE_CLOSED,		/* GCV */
	PAMU_FAULT_DISABLED,		/* PDV */
	PAMU_FAULT_LIODN_RANGE,		/* LAV 1 */
	PAMU_FAULT_PAACE_INVALID,	/* LAV 2 */
	PAMU_FAULT_PAACE_TYPE,		/* LAV 3 */
	PAMU_FAULT_WINDOW,		/* WAV 1 */
	PAMU_FAULT_WINDOW_CROSS,	/* WAV 2 */
	PAMU_FAULT_SPAACE_INVALID,	/* WAV 3 */
	PAMU_FAULT_SUBWINDOW_CROSS,	/* WAV 4 */
	PAMU_FAULT_SUBWINDOW_SIZE,	/* WAV 5 */
	PAMU_FAULT_SPAACE_RANGE,	/* WAV 6 */
	PAMU_FAULT_SPAACE_OWNER,	/* WAV 7 */
	PAMU_FAULT_PERMISSION,		/* APV 1..3 */
	PAMU_FAULT_MOE_INVALID,		/* OTV 1 */
	PAMU_FAULT_OMI_RANGE,		/* OTV 2 */
	PAMU_FAULT_OP_UNDEFINED,	/* OTV 3 */
	PAMU_FAULT_TABLE_FETCH,		/* operation error (POES1/POEA) */
	PAMU_FAULT_COUNT
};

/* Which field of an unsupported encoding was met. */
enum pamu_unsupported_field {
	PAMU_UNSUP_NONE = 0,
	PAMU_UNSUP_WSE,
	PAMU_UNSUP_ATM,
	PAMU_UNSUP_OTM,
	PAMU_UNSUP_WCE,			/* subwindow smaller than 4 KiB */
	PAMU_UNSUP_SWSE,
};

struct pamu_result {
	enum pamu_xlate_kind kind;
	enum pamu_fault fault;
	enum pamu_unsupported_field unsupported;
	uint32_t unsupported_value;
	/* PAMU_XLATE_OK / BYPASS */
	uint64_t paddr;
	uint8_t out_op;			/* CoreNet (outbound) operation code */
	uint8_t stash_id;		/* CID */
	uint8_t snoop_id;		/* SNPID */
	uint8_t did, pid;
	bool coherent;			/* CR */
	bool to_io;			/* DD */
	int subwindow;			/* slot index, -1 without subwindows */
	/* PAMU_XLATE_FAULT: the values this fault latches (or would latch) into the error registers */
	uint32_t avs1, avs2;		/* violations */
	uint64_t ava;
	uint32_t poes1, poes2;		/* table fetch errors */
	uint64_t poea;
	bool reported;			/* an error the hardware reports (false: V = 0 without the erratum) */
	bool latched;			/* the error registers took these values now */
};

struct pamu_stats {
	uint64_t translations;		/* requests seen */
	uint64_t faults;		/* of which blocked */
	uint64_t unsupported;
	uint64_t latched;		/* violations latched into AVS1 */
	uint64_t not_latched;		/* reported while AVS1.AV was already set */
	uint64_t fast_hits;		/* served by the host fast path */
	uint64_t walks;			/* full walks */
};

enum pamu_status pamu_create(const struct pamu_cfg *cfg, struct pamu **out);
void pamu_destroy(struct pamu *p);
/* Registers to reset values, outputs low, fast path empty. Bypass and errata (inputs) are kept. */
void pamu_reset(struct pamu *p);

/* Guest register access (offset inside the 4 KiB block). Misuse is an event, never an abort. */
uint32_t pamu_reg_read(struct pamu *p, uint32_t offset, unsigned int size);
void pamu_reg_write(struct pamu *p, uint32_t offset, unsigned int size, uint32_t value);

void pamu_set_bypass(struct pamu *p, bool bypass);
bool pamu_get_bypass(const struct pamu *p);
void pamu_set_erratum_a003638(struct pamu *p, bool on);
/* Force full walks on every transaction (tracing, fault injection). */
void pamu_set_slow_path(struct pamu *p, bool force);

void pamu_translate(struct pamu *p, const struct pamu_request *req, struct pamu_result *res);

typedef void (*pamu_trace_fn)(void *ctx, const struct pamu_walk_step *step);
/* Replace the walk trace hook (NULL: none); the previous one goes to *old_fn / *old_ctx when not NULL.
 * A hook forces full walks, as cfg.trace does (the timing model, pamu_timing.h, observes walks so). */
void pamu_set_trace(struct pamu *p, pamu_trace_fn fn, void *ctx, pamu_trace_fn *old_fn, void **old_ctx);

bool pamu_irq_level(const struct pamu *p, enum pamu_irq_line line);
void pamu_get_stats(const struct pamu *p, struct pamu_stats *st);
const char *pamu_get_name(const struct pamu *p);

const char *pamu_fault_name(enum pamu_fault f);
const char *pamu_xlate_kind_name(enum pamu_xlate_kind k);
const char *pamu_unsupported_field_name(enum pamu_unsupported_field f);

/* Register-misuse events recorded by this instance's register file since creation. */
uint64_t pamu_reg_misuse_count(const struct pamu *p);
bool pamu_get_erratum_a003638(const struct pamu *p);
/* Drop every fast-path entry. Needed only if the bus moves a DMI range (docs/pamu-model.md 12). */
void pamu_invalidate_fast_path(struct pamu *p);

/* Built-in capability values for a few SoCs until the SoC presets make them data ("p4080", "p5020",
 * "t4240"...). NULL for an unknown name. Values no public source gives are assumptions, docs/pamu-model.md. */
const struct pamu_caps *pamu_builtin_caps(const char *soc);
/* Names of the built-in capability sets, i = 0, 1, ... until NULL. */
const char *pamu_builtin_soc_name(unsigned int i);

#ifdef __cplusplus
}
#endif

#endif /* PAMU_H */
