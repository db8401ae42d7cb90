/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fuzz_targets.h - the fuzz targets' entry points, callable from libFuzzer (fuzz_main.c, clang builds)
 * and from the replay test (fuzz_replay.c, every build). docs/coverage.md ("Fuzzing").
 *
 * Each entry takes one input and returns 0; a bug it detects (a model disagreeing with the brute-force
 * reference, a broken invariant) is printed and the process aborts, so libFuzzer keeps the input and the
 * replay test fails. Crashes and sanitizer reports need nothing from here.
 */
#ifndef FUZZ_TARGETS_H
#define FUZZ_TARGETS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Scenario loader: the input is a scenario file; loaded, checked and (bare level) run on one SoC. */
int pamusim_fuzz_scenario(const uint8_t *data, size_t size);
/* SoC loader: byte 0 picks the mode and preset, the rest is a DTB (or a preset YAML file). */
int pamusim_fuzz_soc(const uint8_t *data, size_t size);
/* MMIO/DMA sequences against two PAMU model instances and the brute-force reference (tests/pamu_ref). */
int pamusim_fuzz_mmio(const uint8_t *data, size_t size);

struct pamusim_fuzz_target {
	const char *name;
	int (*fn)(const uint8_t *data, size_t size);
};

/* NULL-terminated list of the targets above. */
extern const struct pamusim_fuzz_target pamusim_fuzz_targets[];

/* A file descriptor path (/proc/self/fd/N of a memfd) holding data, for loaders that read files; the
 * caller closes *fd. NULL on failure. */
const char *pamusim_fuzz_memfile(const uint8_t *data, size_t size, int *fd, char *buf, size_t cap);

#ifdef __cplusplus
}
#endif

#endif /* FUZZ_TARGETS_H */
