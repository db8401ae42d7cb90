/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * soc_guts.h - the QorIQ global utilities block (GUTS, "device config"): SVR/PVR, the LIODN registers
 * boot firmware programs, and PAMUBYPENR, which bypasses each PAMU.
 *
 * Sources: ../shared/spec/hw-facts.md 13 (PAMUBYPENR +0x604, bit 0x80000000 >> n = PAMU n bypassed;
 * pvr +0xA0, svr +0xA4, rstcr +0xB0), 10 (LIODN register offsets, 12-bit LIODNs) and
 * ../shared/spec/liodn-tables.md (what firmware writes into them: one ID, or (first << 16) | second).
 * Register rules and choices: docs/soc.md.
 */
#ifndef SOC_GUTS_H
#define SOC_GUTS_H

#include <stdbool.h>
#include <stdint.h>

#include "sim_event.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SOC_GUTS_CCSR_OFFSET 0xe0000u
#define SOC_GUTS_SIZE 0xe00u		/* the DT's reg size */
#define SOC_GUTS_MAX_PAMUS 32u

struct soc_guts;

struct soc_guts_cfg {
	const char *name;		/* "guts" */
	uint32_t svr, pvr;		/* read-only values of this SoC and revision */
	unsigned int pamu_count;	/* PAMUBYPENR implements bits 31 .. 32 - pamu_count */
	struct sim_event_sink sink;
	/* Called with the new PAMUBYPENR value after every change (and at reset). Optional. */
	void (*bypass_changed)(void *ctx, uint32_t pamubypenr);
	void *bypass_ctx;
};

enum soc_guts_status {
	SOC_GUTS_OK = 0,
	SOC_GUTS_BAD_CFG,
	SOC_GUTS_NO_MEMORY,
};

enum soc_guts_status soc_guts_create(const struct soc_guts_cfg *cfg, struct soc_guts **out);
void soc_guts_destroy(struct soc_guts *g);
void soc_guts_reset(struct soc_guts *g);

uint32_t soc_guts_reg_read(struct soc_guts *g, uint32_t offset, unsigned int size);
void soc_guts_reg_write(struct soc_guts *g, uint32_t offset, unsigned int size, uint32_t value);

/* Firmware-side access to a LIODN register by its offset (no misuse events: boot firmware is not the
 * guest under test). False if the offset is not a LIODN register. */
bool soc_guts_set_liodn_reg(struct soc_guts *g, uint32_t offset, uint32_t value);
bool soc_guts_is_liodn_reg(uint32_t offset);
/* Is PAMU n bypassed (its PAMUBYPENR bit set)? */
bool soc_guts_pamu_bypassed(const struct soc_guts *g, unsigned int n);

#ifdef __cplusplus
}
#endif

#endif /* SOC_GUTS_H */
