// SPDX-License-Identifier: BSD-2-Clause
/*
 * fuzz_soc.c - fuzz target of the SoC loaders: the device tree + preset builder (model/soc: soc_create)
 * and the preset file loader (soc_preset.c). Byte 0 of the input picks what the rest is: bit 7 clear, a
 * DTB built with preset (byte 0 mod the preset count); bit 7 set, a socs/ preset YAML file. A SoC that
 * builds is exercised a little (every PAMU's registers read, one DMA per device) so the fix-ups' results
 * are used. Must never crash, leak or trip a sanitizer; a refusal must carry a message.
 * Facts: docs/soc.md, docs/socs.md, DESIGN.md (error format); libfdt's fdt_check_header.
 */
#include "fuzz_targets.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pamu.h"
#include "pamusim_config.h"
#include "soc.h"
#include "soc_preset.h"

#define FUZZ_MAX_PRESETS 32

static struct soc_preset presets[FUZZ_MAX_PRESETS];
static unsigned int npresets;
static int ready;

static void setup(void)
{
	struct soc_error err;
	const char *socs = getenv("PAMUSIM_SOCS_DIR");

	if (soc_preset_load_dir(socs ? socs : PAMUSIM_SOCS_DIR, presets, FUZZ_MAX_PRESETS, &npresets, &err) !=
	    SOC_PRESET_OK || !npresets) {
		fprintf(stderr, "fuzz_soc: cannot load the SoC presets: %s\n", err.msg);
		abort();
	}
	ready = 1;
}

static void exercise(struct soc *s)
{
	unsigned int i, n;
	uint64_t v;
	uint8_t buf[8] = { 0 };
	struct pamu_result res;

	for (n = 0; n < soc_pamu_count(s); n++)
		for (i = 0; i < 0x100; i += 4)
			soc_cpu_load(s, soc_pamu_base(s, n) + i, 4, &v);
	for (i = 0; i < soc_device_count(s); i++) {
		const struct soc_device *d = soc_get_device(s, i);

		if (d->pamu < soc_pamu_count(s))
			soc_dma(s, d->pamu, (uint16_t)d->liodn[0], 0x1000, buf, sizeof(buf), PAMU_OP_READ, &res);
	}
}

int pamusim_fuzz_soc(const uint8_t *data, size_t size)
{
	struct soc_error err = { { 0 } };
	struct soc_cfg cfg;
	struct soc *s = NULL;
	enum soc_status st;

	if (!ready)
		setup();
	if (size < 1)
		return 0;
	if (data[0] & 0x80) {
		static struct soc_preset p;
		char path[64];
		int fd;

		if (!pamusim_fuzz_memfile(data + 1, size - 1, &fd, path, sizeof(path)))
			return 0;
		memset(&p, 0, sizeof(p));
		if (soc_preset_load(path, &p, &err) != SOC_PRESET_OK && !err.msg[0]) {
			fprintf(stderr, "fuzz_soc: the preset loader refused the input without saying why\n");
			abort();
		}
		close(fd);
		return 0;
	}
	memset(&cfg, 0, sizeof(cfg));
	cfg.preset = &presets[data[0] % npresets];
	cfg.rev = 0;
	cfg.dtb = data + 1;
	cfg.dtb_size = size - 1;
	cfg.dtb_name = "fuzz.dtb";
	st = soc_create(&cfg, &s, &err);
	if (st == SOC_OK) {
		exercise(s);
		soc_destroy(s);
	} else if (!err.msg[0]) {
		fprintf(stderr, "fuzz_soc: soc_create refused the input (status %d) without saying why\n", st);
		abort();
	}
	return 0;
}
