/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * pamu_ref_rig.h - the comparison rig: a bus with DRAM, two PAMU model instances (one on the fast path,
 * one forced onto the slow path) walking tables in that DRAM, the reference translator reading the
 * same bytes, and a model of the error-register latch, checked after every transaction.
 *
 * Source: docs/pamu-model.md 1 (registers), 4 (walk), 5 and 8 (latch: first error kept, AVS1 bits 14:0
 * and POES1 bits 3:0 write-1-to-clear, PICS.AVS write-1-to-clear, AV line = AVS && AVIE, operation-error
 * line = POES1 bit 0), hw-facts.md 2.1 (the driver's enable sequence and table block) and 9 (the ISR's
 * clear sequence).
 */
#ifndef PAMU_REF_RIG_H
#define PAMU_REF_RIG_H

#include <stdbool.h>
#include <stdint.h>

#include "pamu.h"
#include "pamu_ref.h"
#include "soc_bus.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Memory layout. Each table sits at the very end of its own DRAM region, so a limit register moved past
 * the table's natural end reaches bytes nothing decodes (operation errors), while the natural limit is
 * exactly the region's end.
 */
#define RIG_DRAM0_BASE 0x000000000ull
#define RIG_DRAM0_SIZE 0x040000000ull	/* 1 GiB: PPAACT at its end */
#define RIG_DRAM1_BASE 0x100000000ull
#define RIG_DRAM1_SIZE 0x010000000ull	/* 256 MiB: SPAACT at its end */
#define RIG_DRAM2_BASE 0x200000000ull
#define RIG_DRAM2_SIZE 0x000010000ull	/* 64 KiB: OMT at its end */

#define RIG_PPAACT_BYTES (PAMU_PPAACT_ENTRIES * PAMU_PAACE_SIZE)
#define RIG_SPAACT_BYTES (PAMU_SPAACT_ENTRIES * PAMU_PAACE_SIZE)
#define RIG_OMT_BYTES (PAMU_OMT_ENTRIES * PAMU_OME_SIZE)
#define RIG_PPBA (RIG_DRAM0_BASE + RIG_DRAM0_SIZE - RIG_PPAACT_BYTES)
#define RIG_SPBA (RIG_DRAM1_BASE + RIG_DRAM1_SIZE - RIG_SPAACT_BYTES)
#define RIG_OBA (RIG_DRAM2_BASE + RIG_DRAM2_SIZE - RIG_OMT_BYTES)

/* PAMU register offsets (docs/pamu-model.md 1), written out here, not taken from the model. */
#define RIG_PPBAH 0x000
#define RIG_POES1 0x040
#define RIG_POES2 0x044
#define RIG_POEAH 0x048
#define RIG_POEAL 0x04c
#define RIG_AVS1 0x050
#define RIG_AVS2 0x054
#define RIG_AVAH 0x058
#define RIG_AVAL 0x05c
#define RIG_PC3 0xc08
#define RIG_PC 0xc10
#define RIG_PICS 0xc1c

#define RIG_PC_BOOT 0x40001011u	/* PE | OCE | SPCC | PPCC, what the driver writes */
#define RIG_PICS_AVS 0x8u
#define RIG_PICS_AVIE 0x4u

enum { RIG_FAST, RIG_SLOW, RIG_INSTANCES };

/* What the error registers of one instance must hold (the test's own latch model). */
struct rig_latch {
	uint32_t avs1, avs2;
	uint64_t ava;
	uint32_t poes1, poes2;
	uint64_t poea;
	uint32_t pics;
};

struct rig_instance {
	struct pamu *p;
	struct rig_latch latch;
	bool irq_seen[PAMU_IRQ_COUNT];		/* last level given to irq_changed */
	uint64_t ev[SIM_EV_KIND_COUNT];		/* events by kind */
	uint64_t checked;			/* transactions compared */
	int index;
	struct ref_rig *rig;
};

struct ref_rig {
	const char *test;
	uint64_t seed;
	uint64_t case_index;
	struct soc_bus *bus;
	struct rig_instance inst[RIG_INSTANCES];
	struct pamu_ref_regs regs;		/* what the registers were set to */
	unsigned int mismatches;
	unsigned int max_mismatches;		/* report this many, then the caller stops */
	uint32_t mwce;				/* PC3 MWCE of the caps in use */
};

/* Builds the bus and two model instances over it, with the caps of `soc`. False on failure (reported). */
bool rig_init(struct ref_rig *rig, const char *test, const char *soc, uint64_t seed);
void rig_fini(struct ref_rig *rig);

/* Writes every table register, PC, bypass and erratum of rig->regs into both instances. */
void rig_apply_regs(struct ref_rig *rig);
/* The driver's enable sequence (hw-facts.md 2.1) with the default table layout: tables zeroed, PICS =
 * AVIE, PC = 0x40001011, bypass off. */
void rig_boot(struct ref_rig *rig);
/* pamu_reset on both instances; rig->regs and the latch models follow (bypass and erratum kept). */
void rig_reset(struct ref_rig *rig);

/* Translates req on instance i and on the reference, compares field by field, updates the latch model
 * and compares every error register and interrupt line. Returns false on a mismatch (printed). If ref
 * is not NULL it receives the reference result. */
bool rig_check(struct ref_rig *rig, int i, const struct pamu_ref_req *req, struct pamu_ref_result *ref);
/* The driver's ISR clear sequence (hw-facts.md 9) on instance i, plus POES1; keep_avie = false clears
 * AVIE as the A-003638 path does. */
void rig_isr(struct ref_rig *rig, int i, bool keep_avie);
/* Sets PICS.AVIE on instance i (the driver's boot write). */
void rig_enable_avie(struct ref_rig *rig, int i);
/* pamu_set_slow_path on instance i. */
void rig_set_slow_path(struct ref_rig *rig, int i, bool on);

/* Host pointer to table bytes in simulated DRAM (NULL if not DRAM). */
uint8_t *rig_ptr(struct ref_rig *rig, uint64_t addr, unsigned int len);
void rig_put_word(struct ref_rig *rig, uint64_t entry, unsigned int n, uint32_t v);
uint32_t rig_get_word(struct ref_rig *rig, uint64_t entry, unsigned int n);
void rig_put_byte(struct ref_rig *rig, uint64_t addr, uint8_t v);
/* Zeroes the three tables at their default places. */
void rig_clear_tables(struct ref_rig *rig);
/* The driver's OMT rows (hw-facts.md 6) at rig->regs.oba. */
void rig_driver_omt(struct ref_rig *rig);

/* Field values of one PAACE or SPAACE, encoded by rig_put_entry (docs/pamu-model.md 7). */
struct rig_entry {
	uint64_t wba;			/* window base (primary); words 0 and 1 bits 31:12 */
	uint16_t owner;			/* owning LIODN (secondary): word 1 bits 31:16 */
	bool secondary;			/* encode word 1 as a SPAACE (owner instead of WBAL/WSE/MW) */
	unsigned int wse, ap, atm, otm, wce, swse;
	bool mw, v, pt, dd, cr;
	uint8_t did, pid, snpid, cid;
	uint64_t twba;			/* words 4 and 5 bits 31:12 */
	uint32_t fspi;
	uint8_t w7[4];			/* IOEA MOEA IOEB MOEB, or OMI at bytes 2-3 (host order) */
};

/* Writes all 64 bytes of the entry at addr (words 8-15 zero). */
void rig_put_entry(struct ref_rig *rig, uint64_t addr, const struct rig_entry *e);
/* Sets the OMI of an entry's word 7 (host-order 16 bits at byte 0x1E). */
void rig_entry_set_omi(struct rig_entry *e, uint16_t omi);

/* Outcome counts of the reference results of a run, printed and checked by the tests. */
struct rig_mix {
	uint64_t total;
	uint64_t kind[PAMU_REF_KIND_COUNT];
	uint64_t fault[PAMU_REF_FAULT_COUNT];
	uint64_t field[PAMU_REF_FIELD_SWSE + 1];
	uint64_t unreported;		/* LAV 2 without the erratum */
	uint64_t subwindow_ok;		/* translated through a subwindow slot > 0 */
};

void rig_mix_add(struct rig_mix *mix, const struct pamu_ref_result *e);
void rig_mix_print(const struct rig_mix *mix, const char *title);

/* The reference's view of memory over the rig's bus (byte by byte, DRAM only). */
struct pamu_ref_mem rig_ref_mem(struct ref_rig *rig);

/* Name of the model fault / kind a reference result corresponds to (for the mapping test). */
enum pamu_fault rig_model_fault(enum pamu_ref_fault f);
enum pamu_xlate_kind rig_model_kind(enum pamu_ref_kind k);

#ifdef __cplusplus
}
#endif

#endif /* PAMU_REF_RIG_H */
