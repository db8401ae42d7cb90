/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * hx_known.c - load kernel-stubs/known-findings.yaml (with model/common/sim_yaml.c, the scenario
 * loader's limits) and match a run's driver findings against it.
 *
 * Format: the file's own header comment. Rules: docs/findings.md ("Known findings").
 */
#include "hx_known.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim_yaml.h"

#ifndef HX_KNOWN_FILE
#define HX_KNOWN_FILE "kernel-stubs/known-findings.yaml"
#endif

static const struct sim_yaml_limits known_limits = {
	.max_file = 1u << 20,
	.max_depth = 10,
	.max_nodes = 65536u,
	.max_scalar = 4096u,
};

static struct hx_known known[HX_MAX_KNOWN];
static unsigned int nknown;
static bool loaded;

static bool get_text(struct sim_yaml_ctx *ld, const struct sim_ynode *e, const char *path, const char *key, char *out,
		     size_t cap)
{
	const struct sim_ynode *n = sim_ymap_get(e, key, NULL);
	char field[96], buf[80];

	snprintf(field, sizeof(field), "%s.%s", path, key);
	if (!n) {
		sim_yaml_fail_at(ld, e, field, "expected a text value, found nothing (the field is missing)");
		return false;
	}
	if (n->kind != SIM_YN_SCALAR) {
		sim_yaml_fail_at(ld, n, field, "expected a text value, found %s", sim_ydescribe(n, buf, sizeof(buf)));
		return false;
	}
	/* long reasons are cut to the report's size, not refused */
	snprintf(out, cap, "%s", n->text);
	return true;
}

bool hx_known_ensure(struct hx_error *err)
{
	static const char *const keys[] = { "kernel", "file", "function", "kind", "why", "site", "scenario", "clause",
					    NULL };
	static const char *const top[] = { "known-findings", NULL };
	const char *file = getenv("PAMUSIM_KNOWN_FINDINGS");
	struct sim_yaml_ctx ld;
	struct sim_ynode *root;
	const struct sim_ynode *list;
	unsigned int i;

	if (loaded)
		return true;
	if (!file || !*file)
		file = HX_KNOWN_FILE;
	memset(&ld, 0, sizeof(ld));
	ld.file = file;
	ld.msg = err->msg;
	ld.cap = sizeof(err->msg);
	root = sim_yaml_load(&ld, &known_limits, "known-findings list");
	if (!root) {
		if (ld.status == SIM_YAML_OK)
			sim_yaml_fail(&ld, SIM_YAML_SYNTAX, 1, 1, "document",
				      "expected a known-findings list, found an empty document");
		return false;
	}
	nknown = 0;
	if (!sim_yaml_expect(&ld, root, root, "", SIM_YN_MAP, "a mapping with known-findings") ||
	    !sim_yaml_check_keys(&ld, root, "", top))
		goto out;
	list = sim_ymap_get(root, "known-findings", NULL);
	if (!sim_yaml_expect(&ld, list, root, "known-findings", SIM_YN_SEQ, "a list of known findings"))
		goto out;
	if (list->n > HX_MAX_KNOWN) {
		sim_yaml_fail_at(&ld, list, "known-findings", "expected at most %u entries, found %u", HX_MAX_KNOWN,
				 list->n);
		goto out;
	}
	for (i = 0; i < list->n; i++) {
		const struct sim_ynode *e = list->items[i];
		struct hx_known *k = &known[nknown];
		char path[48];

		snprintf(path, sizeof(path), "known-findings[%u]", i);
		if (!sim_yaml_expect(&ld, e, e, path, SIM_YN_MAP, "a known finding (kernel, file, function, kind, ...)") ||
		    !sim_yaml_check_keys(&ld, e, path, keys) ||
		    !get_text(&ld, e, path, "kernel", k->kernel, sizeof(k->kernel)) ||
		    !get_text(&ld, e, path, "file", k->file, sizeof(k->file)) ||
		    !get_text(&ld, e, path, "function", k->function, sizeof(k->function)) ||
		    !get_text(&ld, e, path, "kind", k->kind, sizeof(k->kind)) ||
		    !get_text(&ld, e, path, "why", k->why, sizeof(k->why)))
			goto out;
		k->clause[0] = '\0';
		k->scenarios[0] = '\0';
		if (sim_ymap_get(e, "clause", NULL) &&
		    (!get_text(&ld, e, path, "clause", k->clause, sizeof(k->clause)) ||
		     (sim_ymap_get(e, "scenario", NULL) &&
		      !get_text(&ld, e, path, "scenario", k->scenarios, sizeof(k->scenarios)))))
			goto out;
		nknown++;
	}
out:
	sim_yaml_free(root);
	if (ld.status != SIM_YAML_OK) {
		nknown = 0;
		return false;
	}
	loaded = true;
	return true;
}

void hx_known_warn(void)
{
	static bool warned;
	struct hx_error err;

	if (!hx_known_ensure(&err) && !warned) {
		warned = true;
		fprintf(stderr, "pamusim: warning: the known-findings list cannot be read, no finding is known: %s\n",
			err.msg);
	}
}

/* An entry for a version also covers the variants built from that version's tree ("5.10" covers
 * "5.10-vfio-pamu": the same driver files). */
static bool kernel_ok(const struct hx_known *k, const char *kernel)
{
	size_t n = strlen(k->kernel);

	return !strcmp(k->kernel, "any") || !strcmp(k->kernel, kernel) ||
	       (!strncmp(k->kernel, kernel, n) && kernel[n] == '-');
}

const struct hx_known *hx_known_match(const char *kernel, const char *file, const char *function, const char *kind)
{
	unsigned int i;

	for (i = 0; i < nknown; i++)
		if (!known[i].clause[0] && kernel_ok(&known[i], kernel) && !strcmp(known[i].file, file) &&
		    !strcmp(known[i].function, function) && !strcmp(known[i].kind, kind))
			return &known[i];
	return NULL;
}

bool hx_known_names(const char *function)
{
	unsigned int i;

	for (i = 0; i < nknown; i++)
		if (!strcmp(known[i].function, function))
			return true;
	return false;
}

/* A clause entry's scenario list names this run's scenario (or is empty). */
static bool scenario_ok(const struct hx_known *k, const char *scenario)
{
	const char *p = k->scenarios;
	size_t n = scenario ? strlen(scenario) : 0;

	if (!*p)
		return true;
	while (n && (p = strstr(p, scenario))) {
		bool start = p == k->scenarios || p[-1] == ' ' || p[-1] == ',';
		bool end = p[n] == '\0' || p[n] == ' ' || p[n] == ',';

		if (start && end)
			return true;
		p += n;
	}
	return false;
}

bool hx_known_applies(const char *function, const char *kernel, const char *clause, const char *scenario,
		      const struct hx_known **out)
{
	unsigned int i;

	for (i = 0; i < nknown; i++)
		if ((!known[i].clause[0] ||
		     (clause && !strcmp(known[i].clause, clause) && scenario_ok(&known[i], scenario))) &&
		    !strcmp(known[i].function, function) && kernel_ok(&known[i], kernel) &&
		    hx_is_finding_kind(known[i].kind)) {
			*out = &known[i];
			return true;
		}
	return false;
}

const struct hx_known *hx_known_match_clause(const char *kernel, const char *clause, const char *scenario,
					     const char *kind, const char *file, const char *function)
{
	unsigned int i;

	if (!clause || !*clause)
		return NULL;
	for (i = 0; i < nknown; i++)
		if (known[i].clause[0] && !strcmp(known[i].clause, clause) && kernel_ok(&known[i], kernel) &&
		    scenario_ok(&known[i], scenario) && !strcmp(known[i].kind, kind) && (!function || !*function ||
						     (!strcmp(known[i].function, function) &&
						      !strcmp(known[i].file, file ? file : ""))))
			return &known[i];
	return NULL;
}

