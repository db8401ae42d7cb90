// SPDX-License-Identifier: BSD-2-Clause
/*
 * pamusim_main.c - the pamusim command line (contracts: ../shared/DESIGN.md, docs/cli.md).
 *
 * What exists so far: --help and --version, `list socs` (the PAMU capability sets built in until the
 * SoC presets land) and `list kernels`. `run` and the other commands arrive with the harness issue;
 * until then they say so and exit 2 (usage), never pretend to have run anything.
 */
#include <stdio.h>
#include <string.h>

#include "pamu.h"

static const char usage[] =
	"usage: pamusim COMMAND [OPTIONS]\n"
	"\n"
	"Simulate the QorIQ PAMU (IOMMU) and MPIC MSI banks, run the real Linux drivers on them, and\n"
	"check DMA traffic for isolation violations and translation faults.\n"
	"\n"
	"commands:\n"
	"  list socs       PAMU capability sets built into the models\n"
	"  list kernels    kernel variants built into this binary\n"
	"  run ...         run scenarios (not available yet: arrives with the harness)\n"
	"  --version       version and git hash\n"
	"  --help          this text\n"
	"\n"
	"exit status: 0 success, 1 a run failed, 2 bad input or usage.\n";

static int cmd_list(int argc, char **argv)
{
	unsigned int i;
	const char *name;

	if (argc < 1 || !strcmp(argv[0], "--help")) {
		printf("usage: pamusim list socs|kernels\n");
		return argc < 1 ? 2 : 0;
	}
	if (!strcmp(argv[0], "socs")) {
		for (i = 0; (name = pamu_builtin_soc_name(i)); i++) {
			const struct pamu_caps *c = pamu_builtin_caps(name);

			printf("%-10s PAMU capabilities PC2=0x%08x PC3=0x%08x PR1=0x%08x (built-in; SoC presets "
			       "from device trees are not built yet)\n",
			       name, c->pc2, c->pc3, c->pr1);
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
