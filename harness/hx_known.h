/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * hx_known.h - the known-findings list (kernel-stubs/known-findings.yaml): real bugs of the unmodified
 * drivers that a run reports as known instead of failing on them.
 *
 * Format: the comment at the top of kernel-stubs/known-findings.yaml. Rules: docs/findings.md ("Known
 * findings"); contract: ../shared/DESIGN.md (exit 1 on any finding not listed).
 */
#ifndef HX_KNOWN_H
#define HX_KNOWN_H

#include <stdbool.h>

#include "hx_scenario.h"

#ifdef __cplusplus
extern "C" {
#endif

#define HX_MAX_KNOWN 64

struct hx_known {
	char kernel[16];		/* "5.10", "6.1", "6.12" or "any" */
	char file[128];
	char function[64];
	char kind[24];			/* a finding kind of docs/findings.md; other text: never matches */
	char why[200];
	char clause[16];		/* a windowed-IOMMU contract clause ("W5"): the entry is a backend's known breach
					 * of it and matches only in runs of that clause's scenarios; "" otherwise */
	char scenarios[200];		/* clause entries: the conformance scenarios it occurs in (names separated
					 * by spaces or commas; "" any of the clause's) */
};

/* Load the list once: PAMUSIM_KNOWN_FINDINGS, else the source tree's file. false: err says where. */
bool hx_known_ensure(struct hx_error *err);
/* Load the list once; if it cannot be read say so on stderr (once) and match nothing. */
void hx_known_warn(void);
/* The entry matching a finding of this run, or NULL. */
const struct hx_known *hx_known_match(const char *kernel, const char *file, const char *function, const char *kind);
/* Whether some entry names this function, and whether one applies to kernel (in a run of contract clause
 * `clause`, or NULL: entries with a clause apply only in runs of that clause). */
bool hx_known_names(const char *function);
bool hx_known_applies(const char *function, const char *kernel, const char *clause, const char *scenario,
		      const struct hx_known **out);
/* Contract entries (clause set): the entry for a finding of kind in a run of clause's scenarios on kernel
 * named scenario (file/function, when the finding has them, must match too), or NULL. docs/windowed-iommu-contract.md. */
const struct hx_known *hx_known_match_clause(const char *kernel, const char *clause, const char *scenario,
					     const char *kind, const char *file, const char *function);

#ifdef __cplusplus
}
#endif

#endif /* HX_KNOWN_H */
