// SPDX-License-Identifier: BSD-2-Clause
/*
 * fuzz_common.c - the target table and the in-memory file helper shared by the fuzz targets.
 * Facts: memfd_create(2), proc(5) (/proc/self/fd/N opens the same file).
 */
#define _GNU_SOURCE
#include "fuzz_targets.h"

#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

const struct pamusim_fuzz_target pamusim_fuzz_targets[] = {
	{ "scenario", pamusim_fuzz_scenario },
	{ "soc", pamusim_fuzz_soc },
	{ "mmio", pamusim_fuzz_mmio },
	{ NULL, NULL },
};

const char *pamusim_fuzz_memfile(const uint8_t *data, size_t size, int *fd, char *buf, size_t cap)
{
	size_t done = 0;

	*fd = memfd_create("pamusim-fuzz", MFD_CLOEXEC);
	if (*fd < 0)
		return NULL;
	while (done < size) {
		ssize_t n = write(*fd, data + done, size - done);

		if (n <= 0) {
			close(*fd);
			*fd = -1;
			return NULL;
		}
		done += (size_t)n;
	}
	snprintf(buf, cap, "/proc/self/fd/%d", *fd);
	return buf;
}
