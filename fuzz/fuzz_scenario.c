// SPDX-License-Identifier: BSD-2-Clause
/*
 * fuzz_scenario.c - fuzz target of the scenario loader (harness/hx_scenario.c): any bytes as a scenario
 * file. A file the loader accepts is checked against a SoC and, at the bare level, run (harness/hx_run.c)
 * on the first SoC it names that has a preset (else t4240), with the oracle judging: loading, checking
 * and running must never crash, leak or trip a sanitizer; a refusal must say why.
 * Facts: docs/scenarios.md (the language and its limits), docs/cli.md (targets), DESIGN.md (error format).
 */
#include "fuzz_targets.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hx_run.h"
#include "hx_scenario.h"
#include "pamusim_config.h"
#include "sim_file.h"
#include "soc_preset.h"

#define FUZZ_MAX_PRESETS 32
/* runs longer than this many generated transactions are loaded and checked, not run (time per input) */
#define FUZZ_MAX_TRAFFIC 4096u

static struct soc_preset presets[FUZZ_MAX_PRESETS];
static unsigned int npresets;
static void *dtbs[FUZZ_MAX_PRESETS];
static size_t dtb_len[FUZZ_MAX_PRESETS];
static char dtb_path[FUZZ_MAX_PRESETS][512];
static int ready;

static void setup(void)
{
	struct soc_error err;
	const char *socs = getenv("PAMUSIM_SOCS_DIR"), *dd = getenv("PAMUSIM_DTB_DIR");

	ready = -1;
	if (soc_preset_load_dir(socs ? socs : PAMUSIM_SOCS_DIR, presets, FUZZ_MAX_PRESETS, &npresets, &err) !=
	    SOC_PRESET_OK || !npresets) {
		fprintf(stderr, "fuzz_scenario: cannot load the SoC presets: %s\n", err.msg);
		abort();
	}
	ready = 1;
	(void)dd;
}

static int target_for(const struct hx_scenario *sc, struct hx_target *t)
{
	const char *dd = getenv("PAMUSIM_DTB_DIR");
	int pi = -1;
	unsigned int i;

	for (i = 0; i < sc->nsocs && pi < 0; i++)
		pi = soc_preset_find(presets, npresets, sc->socs[i]);
	if (pi < 0)
		pi = soc_preset_find(presets, npresets, "t4240");
	if (pi < 0)
		return -1;
	if (!dtbs[pi]) {
		snprintf(dtb_path[pi], sizeof(dtb_path[pi]), "%s/%s.dtb", dd ? dd : PAMUSIM_DTB_DIR, presets[pi].board);
		dtbs[pi] = sim_file_read(dtb_path[pi], SIM_FILE_MAX, &dtb_len[pi]);
		if (!dtbs[pi])
			return -1;
	}
	memset(t, 0, sizeof(*t));
	t->preset = &presets[pi];
	t->dtb = dtbs[pi];
	t->dtb_size = dtb_len[pi];
	t->dtb_name = dtb_path[pi];
	return 0;
}

static bool small_enough(const struct hx_scenario *sc)
{
	uint64_t traffic = 0;
	unsigned int i;

	for (i = 0; i < sc->nsteps; i++)
		if (sc->steps[i].kind == HX_STEP_TRAFFIC)
			traffic += sc->steps[i].count;
	return traffic <= FUZZ_MAX_TRAFFIC;
}

int pamusim_fuzz_scenario(const uint8_t *data, size_t size)
{
	static struct hx_scenario sc;
	static struct hx_result r;
	struct hx_error err = { { 0 } };
	struct hx_run_opts o = { .has_seed = true, .seed = 1 };
	struct hx_target t;
	char path[64];
	int fd;

	if (!ready)
		setup();
	if (!pamusim_fuzz_memfile(data, size, &fd, path, sizeof(path)))
		return 0;
	memset(&sc, 0, sizeof(sc));
	if (!hx_scenario_load(path, &sc, &err)) {
		close(fd);
		if (!err.msg[0]) {
			fprintf(stderr, "fuzz_scenario: the loader refused the input without saying why\n");
			abort();
		}
		return 0;
	}
	close(fd);
	if (target_for(&sc, &t) == 0 && hx_run_check(&sc, &t, &err) && sc.level == HX_LEVEL_BARE &&
	    small_enough(&sc)) {
		memset(&r, 0, sizeof(r));
		hx_run(&sc, &t, &o, &r);
	}
	hx_scenario_free(&sc);
	return 0;
}
