// SPDX-License-Identifier: BSD-2-Clause
/*
 * hx_report.c - terminal, JSON and JUnit XML reports of a `pamusim run`.
 *
 * Contracts: ../shared/DESIGN.md ("JSON report", "JUnit XML": one testcase per run named
 * `name[soc,kernel]`, findings in the failure text); JSON schema: docs/report-schema.json; terminal
 * layout: docs/cli.md.
 */
#include "hx_contract.h"
#include "hx_report.h"

#include <string.h>

void hx_summarize(const struct hx_result *rs, unsigned int n, struct hx_summary *s)
{
	unsigned int i;

	memset(s, 0, sizeof(*s));
	for (i = 0; i < n; i++) {
		switch (rs[i].status) {
		case HX_PASS:
			s->passed++;
			break;
		case HX_FAIL:
			s->failed++;
			break;
		case HX_SKIPPED:
			s->skipped++;
			break;
		default:
			s->errors++;
			break;
		}
	}
}

static void finding_line(FILE *f, const struct hx_finding *fd, const char *indent)
{
	fprintf(f, "%s%s%s: %s [step %d, t=%llu", indent, fd->known[0] ? "known " : "", fd->kind, fd->message, fd->step,
		(unsigned long long)fd->time);
	if (fd->device[0])
		fprintf(f, ", device %s", fd->device);
	if (fd->liodn >= 0)
		fprintf(f, ", LIODN %d", fd->liodn);
	if (fd->has_address)
		fprintf(f, ", address 0x%llx", (unsigned long long)fd->address);
	if (fd->src_file[0])
		fprintf(f, ", %s:%d %s()", fd->src_file, fd->src_line, fd->src_func);
	fprintf(f, "]\n");
}

void hx_report_text(FILE *f, const struct hx_result *rs, unsigned int n)
{
	struct hx_summary s;
	unsigned int i, k, w = 8, kw = 7;

	for (i = 0; i < n; i++) {
		if (strlen(rs[i].name) > w)
			w = (unsigned int)strlen(rs[i].name);
		if (strlen(rs[i].kernel) > kw)
			kw = (unsigned int)strlen(rs[i].kernel);
	}
	fprintf(f, "%-*s  %-9s %-*s %-8s %8s %12s  %s\n", (int)w, "scenario", "soc", (int)kw, "kernel", "result",
		"findings", "transactions", "trace hash");
	for (i = 0; i < n; i++)
		fprintf(f, "%-*s  %-9s %-*s %-8s %8u %12llu  %016llx\n", (int)w, rs[i].name, rs[i].soc, (int)kw, rs[i].kernel,
			hx_status_name(rs[i].status), rs[i].findings_total,
			(unsigned long long)rs[i].counters.transactions, (unsigned long long)rs[i].trace_hash);
	for (i = 0; i < n; i++) {
		const struct hx_result *r = &rs[i];

		if (r->status == HX_PASS) {
			/* known findings are shown, never hidden */
			for (k = 0; k < r->nfindings; k++)
				if (r->findings[k].known[0]) {
					fprintf(f, "\n%s[%s,%s] pass with known findings\n", r->name, r->soc, r->kernel);
					break;
				}
			for (k = 0; k < r->nfindings; k++)
				if (r->findings[k].known[0]) {
					finding_line(f, &r->findings[k], "  ");
					fprintf(f, "    known: %s\n", r->findings[k].known);
				}
			continue;
		}
		if (r->status == HX_SKIPPED) {
			continue;
		}
		fprintf(f, "\n%s[%s,%s] %s (seed %llu, trace hash %016llx, %s)\n", r->name, r->soc, r->kernel,
			hx_status_name(r->status), (unsigned long long)r->seed, (unsigned long long)r->trace_hash, r->file);
		if (r->error[0])
			fprintf(f, "  error: %s\n", r->error);
		for (k = 0; k < r->nfindings; k++)
			finding_line(f, &r->findings[k], "  ");
		if (r->findings_total > r->nfindings)
			fprintf(f, "  ... and %u more findings\n", r->findings_total - r->nfindings);
		for (k = 0; k < r->nunmet; k++)
			fprintf(f, "  unmet: %s\n", r->unmet[k]);
	}
	hx_contract_text(f, rs, n);
	hx_summarize(rs, n, &s);
	fprintf(f, "\n%u passed, %u failed", s.passed, s.failed);
	if (s.skipped)
		fprintf(f, ", %u skipped", s.skipped);
	if (s.errors)
		fprintf(f, ", %u errors", s.errors);
	fprintf(f, "\n");
}

void hx_json_str(FILE *f, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", f);
		else if (c < 0x20)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
}

static void jkv(FILE *f, const char *k, const char *v, bool comma)
{
	fprintf(f, "\"%s\": \"", k);
	hx_json_str(f, v);
	fprintf(f, "\"%s", comma ? ", " : "");
}

void hx_report_json(FILE *f, const struct hx_result *rs, unsigned int n, const struct hx_provenance *p)
{
	struct hx_summary s;
	unsigned int i, k;

	hx_summarize(rs, n, &s);
	fprintf(f, "{\n  \"schema\": %d,\n  \"provenance\": {", HX_REPORT_SCHEMA);
	jkv(f, "pamusim", p->version, true);
	jkv(f, "git", p->git_hash, true);
	jkv(f, "host", p->host, true);
	fprintf(f, "\"kernels\": %s, \"presets\": %s},\n", p->kernels, p->presets);
	fprintf(f, "  \"summary\": {\"passed\": %u, \"failed\": %u, \"skipped\": %u, \"errors\": %u},\n", s.passed,
		s.failed, s.skipped, s.errors);
	fprintf(f, "  \"scenarios\": [");
	for (i = 0; i < n; i++) {
		const struct hx_result *r = &rs[i];

		fprintf(f, "%s\n    {", i ? "," : "");
		jkv(f, "name", r->name, true);
		jkv(f, "file", r->file, true);
		jkv(f, "soc", r->soc, true);
		jkv(f, "kernel", r->kernel, true);
		fprintf(f, "\"seed\": %llu, ", (unsigned long long)r->seed);
		jkv(f, "status", hx_status_name(r->status), true);
		fprintf(f, "\"trace_hash\": \"%016llx\", ", (unsigned long long)r->trace_hash);
		if (r->error[0])
			jkv(f, "error", r->error, true);
		if (r->clause[0]) {
			jkv(f, "clause", r->clause, true);
			jkv(f, "case", r->contract_negative ? "negative" : "positive", true);
		}
		fprintf(f, "\"wall_ms\": %.3f,\n      \"findings\": [", r->wall_ms);
		for (k = 0; k < r->nfindings; k++) {
			const struct hx_finding *fd = &r->findings[k];

			fprintf(f, "%s\n        {", k ? "," : "");
			jkv(f, "kind", fd->kind, true);
			jkv(f, "message", fd->message, true);
			fprintf(f, "\"time\": %llu, \"step\": %d", (unsigned long long)fd->time, fd->step);
			if (fd->device[0]) {
				fprintf(f, ", ");
				jkv(f, "device", fd->device, false);
			}
			if (fd->liodn >= 0)
				fprintf(f, ", \"liodn\": %d", fd->liodn);
			if (fd->has_address)
				fprintf(f, ", \"address\": \"0x%llx\"", (unsigned long long)fd->address);
			if (fd->src_file[0]) {
				fprintf(f, ", \"source\": {");
				jkv(f, "file", fd->src_file, true);
				jkv(f, "function", fd->src_func, true);
				fprintf(f, "\"line\": %d}", fd->src_line);
			}
			if (fd->known[0]) {
				fprintf(f, ", \"known\": {");
				jkv(f, "reason", fd->known, false);
				fprintf(f, "}");
			}
			fprintf(f, "}");
		}
		fprintf(f, "%s],\n      \"findings_total\": %u,\n      \"unmet\": [", r->nfindings ? "\n      " : "",
			r->findings_total);
		for (k = 0; k < r->nunmet; k++) {
			fprintf(f, "%s\"", k ? ", " : "");
			hx_json_str(f, r->unmet[k]);
			fprintf(f, "\"");
		}
		fprintf(f, "],\n      \"counters\": {\"transactions\": %llu, \"faults\": %llu, \"msis\": %llu, "
			"\"register_accesses\": %llu, \"allocations\": %llu},\n      \"stats\": ",
			(unsigned long long)r->counters.transactions, (unsigned long long)r->counters.faults,
			(unsigned long long)r->counters.msis, (unsigned long long)r->counters.register_accesses,
			(unsigned long long)r->counters.allocations);
		hx_timing_json(f, &r->timing, "      ");
		fprintf(f, "}");
	}
	fprintf(f, "\n  ],\n  \"contract\": ");
	hx_contract_json(f, rs, n);
	fprintf(f, "\n}\n");
}

static void xml_str(FILE *f, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '<')
			fputs("&lt;", f);
		else if (c == '>')
			fputs("&gt;", f);
		else if (c == '&')
			fputs("&amp;", f);
		else if (c == '"')
			fputs("&quot;", f);
		else if (c < 0x20 && c != '\n' && c != '\t')
			fputc(' ', f);
		else
			fputc(c, f);
	}
}

void hx_report_junit(FILE *f, const struct hx_result *rs, unsigned int n)
{
	struct hx_summary s;
	double total = 0;
	unsigned int i, k;

	hx_summarize(rs, n, &s);
	for (i = 0; i < n; i++)
		total += rs[i].wall_ms;
	fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	fprintf(f, "<testsuites name=\"pamusim\" tests=\"%u\" failures=\"%u\" errors=\"%u\" skipped=\"%u\" "
		"time=\"%.3f\">\n", n, s.failed, s.errors, s.skipped, total / 1e3);
	fprintf(f, "  <testsuite name=\"pamusim run\" tests=\"%u\" failures=\"%u\" errors=\"%u\" skipped=\"%u\" "
		"time=\"%.3f\">\n", n, s.failed, s.errors, s.skipped, total / 1e3);
	for (i = 0; i < n; i++) {
		const struct hx_result *r = &rs[i];

		fprintf(f, "    <testcase classname=\"pamusim.");
		xml_str(f, r->soc);
		fprintf(f, "\" name=\"");
		xml_str(f, r->name);
		fprintf(f, "[");
		xml_str(f, r->soc);
		fprintf(f, ",");
		xml_str(f, r->kernel);
		fprintf(f, "]\" time=\"%.3f\"", r->wall_ms / 1e3);
		if (r->status == HX_PASS) {
			fprintf(f, "/>\n");
			continue;
		}
		fprintf(f, ">\n");
		if (r->status == HX_SKIPPED) {
			fprintf(f, "      <skipped message=\"");
			xml_str(f, r->error);
			fprintf(f, "\"/>\n");
		} else {
			const char *tag = r->status == HX_ERROR ? "error" : "failure";

			fprintf(f, "      <%s message=\"%u findings, %u unmet expectations\">", tag, r->findings_total,
				r->nunmet);
			if (r->error[0]) {
				xml_str(f, r->error);
				fputc('\n', f);
			}
			for (k = 0; k < r->nfindings; k++) {
				char line[512];

				snprintf(line, sizeof(line), "%s: %s [step %d, device %s, LIODN %d, address 0x%llx]\n",
					 r->findings[k].kind, r->findings[k].message, r->findings[k].step,
					 r->findings[k].device, r->findings[k].liodn,
					 (unsigned long long)r->findings[k].address);
				xml_str(f, line);
			}
			for (k = 0; k < r->nunmet; k++) {
				xml_str(f, "unmet: ");
				xml_str(f, r->unmet[k]);
				fputc('\n', f);
			}
			fprintf(f, "</%s>\n", tag);
		}
		fprintf(f, "    </testcase>\n");
	}
	fprintf(f, "  </testsuite>\n</testsuites>\n");
}
