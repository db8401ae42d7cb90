/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * hx_fcov.h - functional coverage of a run: which points of the PAMU/MSI space it reached (window size
 * classes, subwindow counts, permissions, operations, operation mappings, outcomes, fault kinds, error
 * register paths, MSI banks and MSIRs, driver entry points) and crosses of some of them. The runner
 * samples every transaction and every kernel call; the JSON report carries the counts
 * (scenarios[].stats.fcov, docs/report-schema.json); `pamusim coverage` sums them over reports and
 * shows hit and missed bins (docs/coverage.md).
 *
 * Facts: docs/pamu-model.md (PAACE fields, faults, error registers), ../shared/spec/hw-facts.md 5 and 6
 * (WSE, MW/WCE, AP, OTM, operation codes), docs/mpic.md (MSI bank kinds and MSIR counts).
 */
#ifndef HX_FCOV_H
#define HX_FCOV_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "pamu.h"

#ifdef __cplusplus
extern "C" {
#endif

#define HX_FCOV_MAX_BINS 512u

struct hx_fcov {
	uint32_t n[HX_FCOV_MAX_BINS];	/* hits per bin id (hx_fcov_bin) */
};

/* What a transaction met: the PAACE fields the runner read back from the tables the PAMU used. */
struct hx_fcov_dma {
	uint8_t op;			/* inbound operation code */
	const struct pamu_result *res;
	bool paace_valid;		/* a valid primary PAACE was found for the LIODN */
	unsigned int wse;		/* window size encoding: 2^(wse + 1) bytes */
	bool mw;			/* subwindows */
	unsigned int wce;		/* subwindow count encoding: 2^(wce + 1) */
	unsigned int ap;		/* permissions of the (sub)window that decided */
	unsigned int otm;		/* operation translation mode of that (sub)window */
	bool av_irq, operr_irq;		/* the PAMU's interrupt outputs after the transaction */
};

void hx_fcov_sample_dma(struct hx_fcov *c, const struct hx_fcov_dma *d);
/* An MSIR bit set by a transaction: v1 banks hold 8 MSIRs, v4.3 banks 16. */
void hx_fcov_sample_msi(struct hx_fcov *c, bool v43, unsigned int bank, unsigned int msir);
/* A driver entry point the runner called ("boot", "attach", "msi-setup"... see hx_fcov_bin_name). */
void hx_fcov_sample_entry(struct hx_fcov *c, const char *entry);
void hx_fcov_sample_level(struct hx_fcov *c, bool linux_level);

/* The bin model: ids 0 .. hx_fcov_bin_count() - 1, each "group/bin" ("fault/window", "perm×dir/read-only
 read"). Groups in order; crosses are the groups named "a-x-b". */
unsigned int hx_fcov_bin_count(void);
const char *hx_fcov_bin_name(unsigned int id);
/* Bin id of a "group/bin" name, or -1. */
int hx_fcov_bin_find(const char *name);

/* {"group/bin": hits, ...} of the bins hit (a JSON object, no trailing newline). */
void hx_fcov_write_json(FILE *f, const struct hx_fcov *c);

#ifdef __cplusplus
}
#endif

#endif /* HX_FCOV_H */
