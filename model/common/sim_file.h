/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * sim_file.h - read a whole file into memory: the one reader of the CLI, the campaign, the benches, the
 * fuzz targets and the tests (board DTBs, corpus inputs). The YAML loader keeps its own bounded reader
 * (sim_yaml.c), which reports an over-long file as a scenario error.
 */
#ifndef SIM_FILE_H
#define SIM_FILE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Largest file the callers read whole unless they say otherwise (a DTB is a few tens of KiB). */
#define SIM_FILE_MAX (64u << 20)

/* The file's bytes in a malloc'ed buffer with a NUL after them (*len excludes it), or NULL with errno
 * set: the open or read error, EFBIG when the file has more than max bytes, ENOMEM. Works on pipes and
 * other files that cannot seek. */
void *sim_file_read(const char *path, size_t max, size_t *len);

#ifdef __cplusplus
}
#endif

#endif /* SIM_FILE_H */
