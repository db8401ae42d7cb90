// SPDX-License-Identifier: BSD-2-Clause
/*
 * fuzz_main.c - libFuzzer entry for one target, picked at compile time (FUZZ_TARGET_FN); built only in
 * the clang `fuzz` preset (build-fuzz/). Facts: the libFuzzer interface (LLVMFuzzerTestOneInput).
 */
#include "fuzz_targets.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return FUZZ_TARGET_FN(data, size);
}
