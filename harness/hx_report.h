/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * hx_report.h - the reports of a `pamusim run`: terminal table and summary, JSON (docs/report-schema.json)
 * and JUnit XML. Contracts: ../shared/DESIGN.md ("JSON report", "JUnit XML"); docs/cli.md.
 */
#ifndef HX_REPORT_H
#define HX_REPORT_H

#include <stdio.h>

#include "hx_run.h"

#ifdef __cplusplus
extern "C" {
#endif

#define HX_REPORT_SCHEMA 1

struct hx_provenance {
	const char *version;
	const char *git_hash;
	const char *host;
	const char *kernels;		/* JSON object text: kernel variant -> package version */
	const char *presets;		/* JSON object text: preset -> revision */
};

struct hx_summary {
	unsigned int passed, failed, skipped, errors;
};

void hx_summarize(const struct hx_result *rs, unsigned int n, struct hx_summary *s);
/* Table, findings of failed runs in full, summary line `N passed, N failed[, N skipped][, N errors]`. */
void hx_report_text(FILE *f, const struct hx_result *rs, unsigned int n);
void hx_report_json(FILE *f, const struct hx_result *rs, unsigned int n, const struct hx_provenance *p);
void hx_report_junit(FILE *f, const struct hx_result *rs, unsigned int n);
/* JSON string body of s (no quotes). */
void hx_json_str(FILE *f, const char *s);

#ifdef __cplusplus
}
#endif

#endif /* HX_REPORT_H */
