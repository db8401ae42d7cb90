/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * soc_preset_timing.h - the `timing:` section of a SoC preset (private to the preset loader).
 *
 * Schema and meaning of each knob: docs/timing.md 1; values: socs/<name>.yaml.
 */
#ifndef SOC_PRESET_TIMING_H
#define SOC_PRESET_TIMING_H

#include <stdbool.h>

#include "sim_yaml.h"
#include "soc_preset.h"

/* Load top's optional `timing:` mapping into p (has_timing, timing). False: ld has the error. */
bool soc_preset_load_timing(struct sim_yaml_ctx *ld, const struct sim_ynode *top, struct soc_preset *p);

#endif /* SOC_PRESET_TIMING_H */
