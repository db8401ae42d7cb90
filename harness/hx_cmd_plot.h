/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * hx_cmd_plot.h - `pamusim plot` (docs/timing.md 7): runs scripts/pamusim-plot on a JSON report.
 */
#ifndef HX_CMD_PLOT_H
#define HX_CMD_PLOT_H

#ifdef __cplusplus
extern "C" {
#endif

/* argv: the arguments after `plot`. Returns the exit status (2: bad usage or no Python). */
int hx_cmd_plot(int argc, char **argv, const char *scripts_dir);

#ifdef __cplusplus
}
#endif

#endif /* HX_CMD_PLOT_H */
