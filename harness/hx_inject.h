/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * hx_inject.h - the one injection grammar (fail-nth and hardware faults) shared by `pamusim campaign
 * --inject/--fail-nth` and the scenario step `inject:`, and its application inside a run.
 *
 * Grammar and semantics: docs/campaigns.md ("Injection grammar"). Facts on registers and tables:
 * docs/registers.md, ../shared/spec (PAACE 64 bytes, OME 128 bytes).
 */
#ifndef HX_INJECT_H
#define HX_INJECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define HX_MAX_INJ 8
#define HX_INJ_SPEC_LEN 192

enum hx_inj_kind {
	HX_INJ_FAIL_NTH,	/* the n-th fallible kernel call since boot start fails */
	HX_INJ_MMIO_READ,	/* loads of a register return all ones or a value */
	HX_INJ_MMIO_DROP,	/* stores to a register are dropped */
	HX_INJ_FLIP,		/* one bit of a PAACE / SPAACE / OME flips in memory */
	HX_INJ_IRQ,		/* CPU 0's interrupt lost, duplicated or delayed */
	HX_INJ_LATCH,		/* an error register stays latched: its clears are dropped (value: bits forced on) */
	HX_INJ_ERRATUM,		/* a PAMU erratum switched on or off */
	HX_INJ_KIND_COUNT
};

enum hx_irq_mode { HX_IRQ_LOST, HX_IRQ_DUP, HX_IRQ_DELAY };
enum hx_table { HX_TBL_PPAACE, HX_TBL_SPAACE, HX_TBL_OMT };

struct hx_inj {
	enum hx_inj_kind kind;
	unsigned int at;		/* 1-based step it takes effect at (0: from the start) */
	uint64_t n;			/* FAIL_NTH */
	char reg[32];			/* MMIO_READ/DROP/LATCH: "pamu0.PC", "mpic.FRR", "guts.SVR" or "" (addr) */
	uint64_t addr;			/* physical address when reg is "" */
	bool ones;			/* MMIO_READ: all ones (else value) */
	bool has_value;
	uint64_t value;			/* MMIO_READ value; LATCH bits forced on in reads */
	unsigned int count;		/* MMIO_READ/DROP: accesses affected, 0 = every one from `at` on */
	enum hx_table table;		/* FLIP */
	char index[32];			/* FLIP: entry number or a scenario device name (its LIODN) */
	unsigned int bit;		/* FLIP: bit of the entry (0 = MSB of its first word) */
	enum hx_irq_mode mode;		/* IRQ */
	unsigned int steps;		/* IRQ delay: steps */
	char erratum[16];		/* ERRATUM: "a003638" */
	bool on;
};

struct hx_inj_plan {
	struct hx_inj it[HX_MAX_INJ];
	unsigned int n;
};

/* Parse SPEC (items separated by ';'). false: err says the item, the field and what was expected. */
bool hx_inject_parse(const char *spec, struct hx_inj_plan *p, char *err, size_t errlen);
/* The canonical text of a plan (parses back to the same plan). */
void hx_inject_format(const struct hx_inj_plan *p, char *buf, size_t len);
const char *hx_inject_kind_name(enum hx_inj_kind k);

/* ---- inside a run (hx_run.c): one run per process, so the state is global ---- */

/* How the runner lets the injector reach the system. */
struct hx_inject_env {
	void *ctx;
	struct soc *soc;
	/* absolute fail-nth target (NULL at the bare level) */
	void (*fail_at)(void *ctx, uint64_t n);
	bool (*reg_addr)(void *ctx, const char *reg, uint64_t *addr);
	bool (*liodn_of)(void *ctx, const char *dev, uint32_t *liodn);
	void (*note)(void *ctx, const char *text);	/* a trace line */
};

void hx_inject_begin(const struct hx_inject_env *env);
/* Add a plan (the campaign's, or an `inject:` step's). */
void hx_inject_add(const struct hx_inj_plan *p, unsigned int cur_step);
/* Start of step `step` (1-based): arm what takes effect now. */
void hx_inject_step(unsigned int step);
/* MMIO seam: true when the access is replaced (load: *val set) or dropped (store). */
bool hx_inject_load(uint64_t phys, unsigned int size, uint64_t *val);
/* Bits a latched register keeps set in every read (0 when none). */
uint64_t hx_inject_latch_bits(uint64_t phys, unsigned int size);
bool hx_inject_store(uint64_t phys, unsigned int size, uint64_t val);
/* Interrupt delivery to CPU 0 now: 0 deliver, 1 lose it, 2 deliver twice, 3 hold it back. */
int hx_inject_irq(void);
/* A held-back interrupt is due at this step. */
bool hx_inject_irq_due(unsigned int step);
/* Effects applied so far (a read replaced, a write dropped, a bit flipped ...). */
unsigned long hx_inject_effects(void);
bool hx_inject_any(void);
void hx_inject_end(void);

#ifdef __cplusplus
}
#endif

#endif
