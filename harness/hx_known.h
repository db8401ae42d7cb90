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
};

/* Load the list once: PAMUSIM_KNOWN_FINDINGS, else the source tree's file. false: err says where. */
bool hx_known_ensure(struct hx_error *err);
/* Load the list once; if it cannot be read say so on stderr (once) and match nothing. */
void hx_known_warn(void);
/* The entry matching a finding of this run, or NULL. */
const struct hx_known *hx_known_match(const char *kernel, const char *file, const char *function, const char *kind);
/* Whether some entry names this function, and whether one applies to kernel. */
bool hx_known_names(const char *function);
bool hx_known_applies(const char *function, const char *kernel, const struct hx_known **out);

#ifdef __cplusplus
}
#endif

#endif /* HX_KNOWN_H */
