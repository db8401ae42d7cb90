// SPDX-License-Identifier: BSD-2-Clause
/*
 * hx_audit.c - the MSI-bank isolation audit: bank pages from model/mpic's page reach, containers from
 * a scenario's VFIO MSI-bank maps, a verdict per container (rules: docs/audit.md).
 *
 * Facts: ../shared/seed/ (isolation holds when a bank serves one VFIO group and its MSIIR sits alone in
 * its own page), hw-facts.md 12.4, docs/mpic.md 6.
 */
#include <string.h>

#include "hx_audit.h"
#include "hx_report.h"

#define PAGE_MASK_4K 0xfffull

void hx_audit_soc(struct soc *s, const char *soc_name, struct hx_audit *a)
{
	struct mpic *m = soc_get_mpic(s);
	const struct mpic_cfg *cfg = mpic_get_cfg(m);
	unsigned int k;

	memset(a, 0, sizeof(*a));
	snprintf(a->soc, sizeof(a->soc), "%s", soc_name);
	a->mpic_base = soc_mpic_base(s);
	a->nbanks = cfg->bank_count;
	a->hardware_isolates = a->nbanks > 0;
	for (k = 0; k < a->nbanks; k++) {
		struct hx_audit_bank *b = &a->banks[k];
		struct mpic_page_reach r;

		b->bank = k;
		b->target_offset = mpic_msi_target(m, k);
		b->via_alias = cfg->banks[k].alias != MPIC_NO_ALIAS;
		b->msiir_phys = a->mpic_base + b->target_offset;
		b->page_phys = b->msiir_phys & ~PAGE_MASK_4K;
		mpic_page_reach(m, b->target_offset, &r);
		b->page_reach = r.msiir_banks;
		b->page_other_regs = r.other_regs;
		b->alone = r.msiir_banks == 1u << k && !r.other_regs;
		if (!b->alone)
			a->hardware_isolates = false;
	}
	a->isolated = a->hardware_isolates;
}

static int find_container(struct hx_audit *a, const char *name, bool create)
{
	unsigned int c;

	for (c = 0; c < a->ncontainers; c++)
		if (!strcmp(a->containers[c].name, name))
			return (int)c;
	if (!create || a->ncontainers >= HX_AUDIT_MAX_CONTAINERS)
		return -1;
	snprintf(a->containers[a->ncontainers].name, HX_AUDIT_NAME_LEN, "%s", name);
	a->containers[a->ncontainers].isolated = true;
	return (int)a->ncontainers++;
}

int hx_audit_add_container(struct hx_audit *a, const char *container)
{
	a->has_scenario = true;
	return find_container(a, container, true);
}

int hx_audit_add_map(struct hx_audit *a, struct soc *s, const char *container, unsigned int bank,
		     uint64_t page_phys)
{
	struct hx_audit_container *hc;
	struct mpic_page_reach r;
	int c;

	if (bank >= a->nbanks || page_phys < a->mpic_base || page_phys - a->mpic_base >= 0x40000)
		return -1;
	c = hx_audit_add_container(a, container);
	if (c < 0)
		return -1;
	hc = &a->containers[c];
	mpic_page_reach(soc_get_mpic(s), (uint32_t)(page_phys - a->mpic_base), &r);
	hc->banks_mapped |= 1u << bank;
	hc->banks_reached |= r.msiir_banks;
	hc->other_regs |= r.other_regs;
	a->banks[bank].mapped_by |= 1u << c;
	return c;
}

static size_t put_banks(char *buf, size_t cap, size_t o, uint32_t mask)
{
	unsigned int k;
	bool first = true;

	for (k = 0; k < 32 && o < cap; k++)
		if (mask & 1u << k) {
			o += (size_t)snprintf(buf + o, cap - o, "%s%u", first ? "" : ",", k);
			first = false;
		}
	return o < cap ? o : cap;
}

static void add_why(struct hx_audit_container *hc, const char *what, uint32_t mask, const char *tail)
{
	size_t o = strlen(hc->why), cap = sizeof(hc->why);

	if (o < cap)
		o += (size_t)snprintf(hc->why + o, cap - o, "%s%s", o ? "; " : "", what);
	if (mask)
		o = put_banks(hc->why, cap, o, mask);
	if (o < cap)
		snprintf(hc->why + o, cap - o, "%s", tail);
	hc->isolated = false;
}

void hx_audit_judge(struct hx_audit *a)
{
	unsigned int c, d;

	if (!a->has_scenario) {
		a->isolated = a->hardware_isolates;
		return;
	}
	a->isolated = true;
	for (c = 0; c < a->ncontainers; c++) {
		struct hx_audit_container *hc = &a->containers[c];
		uint32_t extra = hc->banks_reached & ~hc->banks_mapped, shared = 0;

		hc->isolated = true;
		hc->why[0] = '\0';
		if (extra)
			add_why(hc, "its MSI page reaches bank(s) ", extra, " it did not map (no page with one bank's MSIIR alone)");
		for (d = 0; d < a->ncontainers; d++)
			if (d != c)
				shared |= hc->banks_reached & (a->containers[d].banks_reached |
							       a->containers[d].banks_mapped);
		if (shared)
			add_why(hc, "bank(s) ", shared, " also reachable by another container");
		if (hc->other_regs)
			add_why(hc, "a mapped MSI page also holds other MPIC registers", 0, "");
		if (!hc->isolated)
			a->isolated = false;
	}
	if (a->incomplete[0])
		a->isolated = false;
}

static void print_mask(FILE *f, uint32_t mask)
{
	char buf[96] = "";

	put_banks(buf, sizeof(buf), 0, mask);
	fputs(mask ? buf : "-", f);
}

void hx_audit_print(FILE *f, const struct hx_audit *a)
{
	unsigned int k, c;

	fprintf(f, "MSI-bank isolation audit: %s (MPIC at 0x%llx)%s%s\n", a->soc, (unsigned long long)a->mpic_base,
		a->has_scenario ? ", scenario " : "", a->has_scenario ? a->scenario : "");
	fprintf(f, "%-5s %-13s %-7s %-13s %-14s %-6s %s\n", "bank", "MSIIR", "via", "page", "page reaches",
		"alone", "mapped by");
	for (k = 0; k < a->nbanks; k++) {
		const struct hx_audit_bank *b = &a->banks[k];
		char reach[64] = "";
		size_t o = put_banks(reach, sizeof(reach), 0, b->page_reach);

		if (b->page_other_regs && o < sizeof(reach))
			snprintf(reach + o, sizeof(reach) - o, "%s+regs", o ? " " : "");
		fprintf(f, "%-5u 0x%-11llx %-7s 0x%-11llx %-14s %-6s ", k, (unsigned long long)b->msiir_phys,
			b->via_alias ? "alias" : "bank", (unsigned long long)b->page_phys, reach, b->alone ? "yes" : "NO");
		if (!b->mapped_by) {
			fputs("-\n", f);
			continue;
		}
		for (c = 0; c < a->ncontainers; c++)
			if (b->mapped_by & 1u << c)
				fprintf(f, "%s%s", a->containers[c].name, b->mapped_by >> (c + 1) ? "," : "");
		fputc('\n', f);
	}
	if (!a->has_scenario) {
		fprintf(f, "verdict: %s\n", a->hardware_isolates ?
			"isolated: every bank's MSIIR is alone in its own page" :
			"NOT isolated: a bank's MSI page reaches other banks or registers (see 'page reaches')");
		return;
	}
	for (c = 0; c < a->ncontainers; c++) {
		const struct hx_audit_container *hc = &a->containers[c];

		fprintf(f, "container %s: mapped banks ", hc->name);
		print_mask(f, hc->banks_mapped);
		fputs(", reaches ", f);
		print_mask(f, hc->banks_reached);
		fprintf(f, ": %s%s%s\n", hc->isolated ? "isolated" : "NOT isolated", hc->isolated ? "" : ": ", hc->why);
	}
	if (a->incomplete[0])
		fprintf(f, "the scenario's run did not complete (%s): only the maps made before are audited\n",
			a->incomplete);
	fprintf(f, "verdict: %s\n", a->isolated ? "every container isolated" :
		a->incomplete[0] ? "NOT isolated (the run did not complete)" : "NOT isolated");
}

static void json_mask(FILE *f, uint32_t mask)
{
	unsigned int k;
	bool first = true;

	fputc('[', f);
	for (k = 0; k < 32; k++)
		if (mask & 1u << k) {
			fprintf(f, "%s%u", first ? "" : ", ", k);
			first = false;
		}
	fputc(']', f);
}

void hx_audit_json(FILE *f, const struct hx_audit *a)
{
	unsigned int k, c;

	fputs("{\n  \"schema\": 1,\n  \"soc\": \"", f);
	hx_json_str(f, a->soc);
	fprintf(f, "\",\n  \"mpic_base\": %llu,\n  \"scenario\": ", (unsigned long long)a->mpic_base);
	if (a->has_scenario) {
		fputc('"', f);
		hx_json_str(f, a->scenario);
		fputc('"', f);
	} else {
		fputs("null", f);
	}
	fputs(",\n  \"banks\": [", f);
	for (k = 0; k < a->nbanks; k++) {
		const struct hx_audit_bank *b = &a->banks[k];

		fprintf(f, "%s\n    {\"bank\": %u, \"msiir\": %llu, \"via_alias\": %s, \"page\": %llu, \"page_reaches\": ",
			k ? "," : "", k, (unsigned long long)b->msiir_phys, b->via_alias ? "true" : "false",
			(unsigned long long)b->page_phys);
		json_mask(f, b->page_reach);
		fprintf(f, ", \"page_other_registers\": %s, \"alone\": %s, \"mapped_by\": [",
			b->page_other_regs ? "true" : "false", b->alone ? "true" : "false");
		for (c = 0; c < a->ncontainers; c++)
			if (b->mapped_by & 1u << c) {
				fputc('"', f);
				hx_json_str(f, a->containers[c].name);
				fprintf(f, "\"%s", b->mapped_by >> (c + 1) ? ", " : "");
			}
		fputs("]}", f);
	}
	fputs("\n  ],\n  \"containers\": [", f);
	for (c = 0; c < a->ncontainers; c++) {
		const struct hx_audit_container *hc = &a->containers[c];

		fprintf(f, "%s\n    {\"name\": \"", c ? "," : "");
		hx_json_str(f, hc->name);
		fputs("\", \"banks_mapped\": ", f);
		json_mask(f, hc->banks_mapped);
		fputs(", \"banks_reached\": ", f);
		json_mask(f, hc->banks_reached);
		fprintf(f, ", \"isolated\": %s, \"why\": \"", hc->isolated ? "true" : "false");
		hx_json_str(f, hc->why);
		fputs("\"}", f);
	}
	fprintf(f, "%s],\n  \"incomplete\": ", a->ncontainers ? "\n  " : "");
	if (a->incomplete[0]) {
		fputc('"', f);
		hx_json_str(f, a->incomplete);
		fputc('"', f);
	} else {
		fputs("null", f);
	}
	fprintf(f, ",\n  \"hardware_isolates\": %s,\n  \"isolated\": %s\n}\n", a->hardware_isolates ? "true" : "false",
		a->isolated ? "true" : "false");
}
