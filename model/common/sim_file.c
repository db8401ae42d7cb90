// SPDX-License-Identifier: BSD-2-Clause
/*
 * sim_file.c - read a whole file into memory (sim_file.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "sim_file.h"

void *sim_file_read(const char *path, size_t max, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL, *nb;
	size_t cap = 0, n = 0, got;
	int err = 0;

	*len = 0;
	if (!f)
		return NULL;
	do {
		if (n + 1 >= cap) {
			/* room for max + 1 bytes tells a file that is too large; one more for the NUL */
			cap = cap ? cap * 2 : 65536;
			if (cap > max + 2)
				cap = max + 2;
			nb = realloc(buf, cap);
			if (!nb) {
				err = ENOMEM;
				break;
			}
			buf = nb;
		}
		got = fread(buf + n, 1, cap - 1 - n, f);
		n += got;
	} while (got && n <= max);
	if (!err && ferror(f))
		err = errno ? errno : EIO;
	if (!err && n > max)
		err = EFBIG;
	fclose(f);
	if (err) {
		free(buf);
		errno = err;
		return NULL;
	}
	if (!buf && !(buf = malloc(1))) {
		errno = ENOMEM;
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}
