// SPDX-License-Identifier: BSD-2-Clause
/*
 * fuzz_simtest.c - the three functions of tests/shim/sim_test.h the PAMU comparison rig calls, for the
 * fuzz targets (which link no GoogleTest): a failed check is printed to stderr, notes are dropped.
 */
#include <stdarg.h>
#include <stdio.h>

#include "sim_test.h"

void sim_test_register(const char *suite, const char *name, sim_test_fn fn, const char *file, int line)
{
}

bool sim_test_check(bool ok, const char *expr, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	if (ok)
		return true;
	fprintf(stderr, "%s:%d: check failed: %s", file, line, expr);
	if (fmt) {
		fputs(": ", stderr);
		va_start(ap, fmt);
		vfprintf(stderr, fmt, ap);
		va_end(ap);
	}
	fputc('\n', stderr);
	return false;
}

void sim_test_note(const char *fmt, ...)
{
}
