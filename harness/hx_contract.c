// SPDX-License-Identifier: BSD-2-Clause
/*
 * hx_contract.c - the windowed-IOMMU contract table (docs/windowed-iommu-contract.md): per kernel and
 * clause, kept when every run of the clause's scenarios passed without a contract-violation, broken when
 * a contract-violation names the clause (known or not), not applicable when every run was skipped, failed
 * when a run failed for another reason.
 */
#include <stdlib.h>
#include <string.h>

#include "hx_contract.h"
#include "hx_report.h"

#define MAX_ROWS 256

const char *hx_verdict_name(enum hx_verdict v)
{
	static const char *const names[] = { "kept", "broken", "not-applicable", "failed" };

	return (unsigned int)v < 4 ? names[v] : "?";
}

/* W2 < W10: letters, then the number. */
static int clause_cmp(const char *a, const char *b)
{
	size_t la = strcspn(a, "0123456789"), lb = strcspn(b, "0123456789");
	int c = strncmp(a, b, la < lb ? la : lb);

	if (c || la != lb)
		return c ? c : (int)la - (int)lb;
	return atoi(a + la) - atoi(b + lb);
}

static bool names_clause(const struct hx_finding *f, const char *clause)
{
	size_t n = strlen(clause);

	return !strcmp(f->kind, "contract-violation") && !strncmp(f->message, "clause ", 7) &&
	       !strncmp(f->message + 7, clause, n) && (f->message[7 + n] == ':' || f->message[7 + n] == ' ');
}

static void add_run(struct hx_contract_row *row, const struct hx_result *r)
{
	unsigned int k;

	if (r->status == HX_SKIPPED) {
		row->skipped++;
		if (!row->run)
			row->run = r;
		return;
	}
	if (r->contract_negative) {
		row->negative++;
		row->negative_passed += r->status == HX_PASS;
	} else {
		row->positive++;
		row->positive_passed += r->status == HX_PASS;
	}
	for (k = 0; k < r->nfindings; k++)
		if (names_clause(&r->findings[k], row->clause) && row->verdict != HX_BROKEN) {
			row->verdict = HX_BROKEN;
			row->run = r;
			row->finding = &r->findings[k];
		}
	if (row->verdict != HX_BROKEN && r->status != HX_PASS) {
		row->verdict = HX_FAILED;
		row->run = r;
		row->finding = r->nfindings ? &r->findings[0] : NULL;
	}
}

unsigned int hx_contract_rows(const struct hx_result *rs, unsigned int n, struct hx_contract_row *rows,
			      unsigned int cap)
{
	unsigned int i, j, nrows = 0;

	for (i = 0; i < n; i++) {
		const struct hx_result *r = &rs[i];
		struct hx_contract_row *row = NULL;

		if (!r->clause[0])
			continue;
		for (j = 0; j < nrows; j++)
			if (!strcmp(rows[j].kernel, r->kernel) && !strcmp(rows[j].clause, r->clause))
				row = &rows[j];
		if (!row) {
			if (nrows == cap)
				continue;
			row = &rows[nrows++];
			memset(row, 0, sizeof(*row));
			snprintf(row->kernel, sizeof(row->kernel), "%s", r->kernel);
			snprintf(row->clause, sizeof(row->clause), "%s", r->clause);
			row->verdict = HX_KEPT;
		}
		add_run(row, r);
	}
	for (j = 0; j < nrows; j++) {
		struct hx_contract_row *row = &rows[j];

		if (!row->positive && !row->negative) {
			row->verdict = HX_NOT_APPLICABLE;
		} else if (row->verdict == HX_KEPT) {
			row->run = NULL;
			row->finding = NULL;
		}
	}
	/* stable insertion sort: kernels in order of appearance, clauses in natural order within each */
	for (i = 1; i < nrows; i++) {
		struct hx_contract_row t = rows[i];
		unsigned int ki;

		for (ki = 0; ki < i && strcmp(rows[ki].kernel, t.kernel); ki++)
			;
		for (j = i; j > ki && !strcmp(rows[j - 1].kernel, t.kernel) && clause_cmp(rows[j - 1].clause, t.clause) > 0;
		     j--)
			rows[j] = rows[j - 1];
		rows[j] = t;
	}
	return nrows;
}

static void evidence(char *buf, size_t cap, const struct hx_contract_row *row)
{
	const struct hx_finding *f = row->finding;

	buf[0] = '\0';
	if (row->verdict == HX_NOT_APPLICABLE && row->run)
		snprintf(buf, cap, "%.380s", row->run->error);
	else if (f)
		snprintf(buf, cap, "%.60s step %d: %s%s%.300s", row->run->name, f->step, f->kind,
			 f->known[0] ? " (known): " : ": ", f->message);
	else if (row->run)
		snprintf(buf, cap, "%.60s: %.320s", row->run->name, row->run->nunmet ? row->run->unmet[0] : row->run->error);
}

void hx_contract_text(FILE *f, const struct hx_result *rs, unsigned int n)
{
	static struct hx_contract_row rows[MAX_ROWS];
	unsigned int nrows = hx_contract_rows(rs, n, rows, MAX_ROWS), i, w = 6;
	char ev[420], pos[16], neg[16];

	if (!nrows)
		return;
	for (i = 0; i < nrows; i++)
		if (strlen(rows[i].kernel) > w)
			w = (unsigned int)strlen(rows[i].kernel);
	fprintf(f, "\nWindowed-IOMMU contract (docs/windowed-iommu-contract.md)\n");
	fprintf(f, "%-*s  %-6s %-14s %-8s %-8s %s\n", (int)w, "kernel", "clause", "verdict", "positive", "negative",
		"evidence");
	for (i = 0; i < nrows; i++) {
		const struct hx_contract_row *row = &rows[i];

		snprintf(pos, sizeof(pos), "%u/%u", row->positive_passed, row->positive);
		snprintf(neg, sizeof(neg), "%u/%u", row->negative_passed, row->negative);
		evidence(ev, sizeof(ev), row);
		fprintf(f, "%-*s  %-6s %-14s %-8s %-8s %s\n", (int)w, row->kernel, row->clause,
			hx_verdict_name(row->verdict), row->verdict == HX_NOT_APPLICABLE ? "-" : pos,
			row->verdict == HX_NOT_APPLICABLE ? "-" : neg, ev);
	}
}

void hx_contract_json(FILE *f, const struct hx_result *rs, unsigned int n)
{
	static struct hx_contract_row rows[MAX_ROWS];
	unsigned int nrows = hx_contract_rows(rs, n, rows, MAX_ROWS), i;
	char ev[420];

	fputc('[', f);
	for (i = 0; i < nrows; i++) {
		const struct hx_contract_row *row = &rows[i];

		evidence(ev, sizeof(ev), row);
		fprintf(f, "%s\n    {\"kernel\": \"", i ? "," : "");
		hx_json_str(f, row->kernel);
		fprintf(f, "\", \"clause\": \"");
		hx_json_str(f, row->clause);
		fprintf(f, "\", \"verdict\": \"%s\", \"positive\": {\"passed\": %u, \"runs\": %u}, "
			"\"negative\": {\"passed\": %u, \"runs\": %u}, \"skipped\": %u, \"evidence\": \"",
			hx_verdict_name(row->verdict), row->positive_passed, row->positive, row->negative_passed,
			row->negative, row->skipped);
		hx_json_str(f, ev);
		fputs("\"", f);
		if (row->finding) {
			fprintf(f, ", \"scenario\": \"");
			hx_json_str(f, row->run->name);
			fprintf(f, "\", \"step\": %d", row->finding->step);
		}
		fputs("}", f);
	}
	fputs(nrows ? "\n  ]" : "]", f);
}
