/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * soc_timing.h - the timed mode of a SoC: a PAMU timing model per PAMU block, the CoreNet hop and the
 * DDR controller (latency and bandwidth) for table walks and DMA data, MSI delivery latency through the
 * MPIC, and the table-write watch of the stale-entry rule.
 *
 * Source: docs/timing.md 2 (the latency of each path, as sums of preset knobs), 4 (coherence rules).
 * The functional path (soc_dma) is untouched; a timed DMA is soc_timed_dma. Knobs: struct soc_timing
 * (socs/<name>.yaml `timing:`).
 */
#ifndef SOC_TIMING_H
#define SOC_TIMING_H

#include <stdbool.h>
#include <stdint.h>

#include "pamu_timing.h"
#include "sim_time.h"
#include "soc.h"

#ifdef __cplusplus
extern "C" {
#endif

struct soc_timed;

struct soc_timed_result {
	struct pamu_timing_result xlate;	/* the PAMU's part */
	uint64_t issue, done;		/* cycles: request issued, data phase (or fault) complete */
	uint32_t latency;		/* done - issue */
	uint32_t data_cycles;		/* the access after translation (0 when blocked) */
	bool msi;			/* the access reached the MPIC */
	uint64_t msi_at;		/* cycle the MSI was delivered (msi) */
};

/* A stale use, with the PAMU block it happened in. */
typedef void (*soc_timed_stale_fn)(void *ctx, unsigned int pamu, const struct pamu_stale *s);

/* Timing over s with the preset's knobs tm (overrides may differ from the preset's). q is the run's
 * event queue (its clock is "now" for writes seen by the watch). NULL with why set on a bad knob. */
struct soc_timed *soc_timed_create(struct soc *s, const struct soc_timing *tm, struct sim_evq *q,
				   soc_timed_stale_fn stale, void *stale_ctx, char *why, unsigned int cap);
void soc_timed_destroy(struct soc_timed *st);

/* A device's DMA issued at cycle now (the functional result exactly as soc_dma gives it). */
enum soc_bus_status soc_timed_dma(struct soc_timed *st, unsigned int pamu, uint16_t liodn, uint64_t addr, void *buf,
				  uint32_t size, uint8_t op, uint64_t now, struct pamu_result *res,
				  struct soc_timed_result *tr);
/* Cycles of one CPU load or store to a CCSR register. */
uint32_t soc_timed_cpu_access(const struct soc_timed *st);
/* Compare cached table entries with memory at cycle now (after steps that store through host
 * pointers: the kernel stubs). */
void soc_timed_sync(struct soc_timed *st, uint64_t now);
/* DRAM read or write of len bytes at addr issued at t: the cycle its data is done (updates the DDR
 * controller's busy time). */
uint64_t soc_timed_dram(struct soc_timed *st, uint64_t addr, uint32_t len, uint64_t t);

struct pamu_timing *soc_timed_pamu(struct soc_timed *st, unsigned int n);
const struct soc_timing *soc_timed_knobs(const struct soc_timed *st);
uint64_t soc_timed_msis(const struct soc_timed *st);

#ifdef __cplusplus
}
#endif

#endif /* SOC_TIMING_H */
