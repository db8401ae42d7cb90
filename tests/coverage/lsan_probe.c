// SPDX-License-Identifier: BSD-2-Clause
/*
 * lsan_probe.c - leaks one block on purpose and exits normally. Built in the sanitizer build only: the
 * test Sanitize.LeakSanitizerIsOn expects LeakSanitizer to report it and fail the process, proving the
 * test environment (ASAN_OPTIONS of the asan test preset) has leak detection on.
 */
#include <stdio.h>
#include <stdlib.h>

static void *volatile lost;

int main(void)
{
	lost = malloc(48);
	lost = NULL;
	puts("lsan_probe: one block of 48 bytes dropped");
	return 0;
}
