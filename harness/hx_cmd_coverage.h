/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * hx_cmd_coverage.h - `pamusim coverage REPORT.json... [-o DIR]`: functional coverage summed over run
 * reports, hit and missed bins as text, and a PNG heat map (docs/coverage.md, docs/cli.md).
 */
#ifndef HX_CMD_COVERAGE_H
#define HX_CMD_COVERAGE_H

#ifdef __cplusplus
extern "C" {
#endif

/* argv[0] is "coverage". Exit status: 0 done, 1 the heat map could not be drawn, 2 bad input or usage. */
int hx_cmd_coverage(int argc, char **argv);

#ifdef __cplusplus
}
#endif

#endif /* HX_CMD_COVERAGE_H */
