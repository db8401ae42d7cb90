// SPDX-License-Identifier: BSD-2-Clause
/*
 * pamusim_main.c - the pamusim command line (contracts: ../shared/DESIGN.md, docs/cli.md).
 *
 * What exists so far: --help and --version, `list socs` (the SoC presets of socs/) and `list kernels`. `run` and the other commands arrive with the harness issue;
 * until then they say so and exit 2 (usage), never pretend to have run anything.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pamusim_config.h"
#include "soc_preset.h"

#define MAX_PRESETS 64

/* The SoC presets directory: $PAMUSIM_SOCS_DIR, else the source tree's socs/ (docs/socs.md). */
static const char *socs_dir(void)
{
	const char *env = getenv("PAMUSIM_SOCS_DIR");

	return env && *env ? env : PAMUSIM_SOCS_DIR;
}

static const char usage[] =
	"usage: pamusim COMMAND [OPTIONS]\n"
	"\n"
	"Simulate the QorIQ PAMU (IOMMU) and MPIC MSI banks, run the real Linux drivers on them, and\n"
	"check DMA traffic for isolation violations and translation faults.\n"
	"\n"
	"commands:\n"
	"  list socs       SoC presets (socs/*.yaml): name, default board, revision, description\n"
	"  list kernels    kernel variants built into this binary\n"
	"  run ...         run scenarios (not available yet: arrives with the harness)\n"
	"  --version       version and git hash\n"
	"  --help          this text\n"
	"\n"
	"exit status: 0 success, 1 a run failed, 2 bad input or usage.\n";

static int cmd_list(int argc, char **argv)
{
	if (argc < 1 || !strcmp(argv[0], "--help")) {
		printf("usage: pamusim list socs|kernels\n");
		return argc < 1 ? 2 : 0;
	}
	if (!strcmp(argv[0], "socs")) {
		static struct soc_preset presets[MAX_PRESETS];
		struct soc_error err;
		unsigned int i, n = 0;

		if (soc_preset_load_dir(socs_dir(), presets, MAX_PRESETS, &n, &err) != SOC_PRESET_OK) {
			fprintf(stderr, "pamusim list socs: %s\n", err.msg);
			return 2;
		}
		for (i = 0; i < n; i++) {
			const struct soc_preset *p = &presets[i];

			printf("%-10s %-9s rev %-4s %s\n", p->name, p->board, p->revs[p->default_rev].name,
			       p->description);
		}
		return 0;
	}
	if (!strcmp(argv[0], "kernels")) {
		printf("no kernel variant is built yet (kernel-stubs are not part of this build)\n");
		return 0;
	}
	fprintf(stderr, "pamusim list: unknown list '%s': expected socs or kernels\n", argv[0]);
	return 2;
}

int main(int argc, char **argv)
{
	if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
		fputs(usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "version")) {
		printf("pamusim %s (git %s)\n", PAMUSIM_VERSION, PAMUSIM_GIT_HASH);
		return 0;
	}
	if (!strcmp(argv[1], "list"))
		return cmd_list(argc - 2, argv + 2);
	if (!strcmp(argv[1], "run") || !strcmp(argv[1], "campaign") || !strcmp(argv[1], "audit") ||
	    !strcmp(argv[1], "merge") || !strcmp(argv[1], "plot") || !strcmp(argv[1], "coverage")) {
		fprintf(stderr, "pamusim %s: not available yet in this version (the scenario harness has not "
				"landed); see README.md for what runs today\n", argv[1]);
		return 2;
	}
	fprintf(stderr, "pamusim: unknown command '%s' (try pamusim --help)\n", argv[1]);
	return 2;
}
