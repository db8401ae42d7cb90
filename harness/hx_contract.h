/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * hx_contract.h - the windowed-IOMMU contract table of a report: one row per kernel and clause from the
 * runs of conformance scenarios (`contract:`), with its verdict (kept, broken, not applicable, failed).
 * Rules: docs/windowed-iommu-contract.md ("How a clause is judged").
 */
#ifndef HX_CONTRACT_H
#define HX_CONTRACT_H

#include <stdio.h>

#include "hx_run.h"

#ifdef __cplusplus
extern "C" {
#endif

enum hx_verdict { HX_KEPT, HX_BROKEN, HX_NOT_APPLICABLE, HX_FAILED };

struct hx_contract_row {
	char kernel[32];
	char clause[16];
	enum hx_verdict verdict;
	unsigned int positive, positive_passed, negative, negative_passed, skipped;
	const struct hx_result *run;		/* the evidence: the run and finding that broke the clause, the */
	const struct hx_finding *finding;	/* failed run, or the skipped run's reason; NULL when kept */
};

/* Rows for rs (kernels in order of appearance, clauses in natural order: W2 before W10); returns how
 * many, at most cap. 0 when no run is a conformance run. */
unsigned int hx_contract_rows(const struct hx_result *rs, unsigned int n, struct hx_contract_row *rows,
			      unsigned int cap);
const char *hx_verdict_name(enum hx_verdict v);
/* The table on the terminal (nothing without conformance runs), and as the JSON report's "contract" value. */
void hx_contract_text(FILE *f, const struct hx_result *rs, unsigned int n);
void hx_contract_json(FILE *f, const struct hx_result *rs, unsigned int n);

#ifdef __cplusplus
}
#endif

#endif /* HX_CONTRACT_H */
