// SPDX-License-Identifier: BSD-2-Clause
/*
 * fuzz_replay.c - replays inputs through a fuzz target without libFuzzer (any compiler): the regression
 * inputs of fuzz/regressions/<target>/ and the seed corpora, run by `make test` (Fuzz.Replay.*).
 *
 * usage: fuzz_replay TARGET FILE|DIR...   (a directory: every regular file in it, sorted by name)
 * Exit 0 when every input ran (a detected bug aborts the process), 2 on bad usage or an unreadable file.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz_targets.h"
#include "sim_file.h"

static unsigned int replayed;

static int run_file(int (*fn)(const uint8_t *, size_t), const char *path)
{
	size_t n;
	uint8_t *buf = sim_file_read(path, SIM_FILE_MAX, &n);

	if (!buf) {
		fprintf(stderr, "fuzz_replay: %s: cannot read: %s\n", path, strerror(errno));
		return 2;
	}
	fn(buf, n);
	free(buf);
	replayed++;
	return 0;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int run_path(int (*fn)(const uint8_t *, size_t), const char *path)
{
	struct stat st;
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, i;
	DIR *d;
	int rc = 0;

	if (stat(path, &st)) {
		fprintf(stderr, "fuzz_replay: %s: no such file or directory\n", path);
		return 2;
	}
	if (!S_ISDIR(st.st_mode))
		return run_file(fn, path);
	d = opendir(path);
	if (!d)
		return 2;
	while ((de = readdir(d))) {
		char full[4096], **nn;

		if (de->d_name[0] == '.' || strstr(de->d_name, ".md"))
			continue;
		snprintf(full, sizeof(full), "%s/%s", path, de->d_name);
		if (stat(full, &st) || !S_ISREG(st.st_mode))
			continue;
		nn = realloc(names, (n + 1) * sizeof(*names));
		if (!nn)
			break;
		names = nn;
		names[n++] = strdup(full);
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), cmp_names);
	for (i = 0; i < n; i++) {
		if (!rc && names[i])
			rc = run_file(fn, names[i]);
		free(names[i]);
	}
	free(names);
	return rc;
}

int main(int argc, char **argv)
{
	const struct pamusim_fuzz_target *t;
	int i, rc = 0;

	if (argc < 3) {
		fprintf(stderr, "usage: fuzz_replay TARGET FILE|DIR...\n");
		return 2;
	}
	for (t = pamusim_fuzz_targets; t->name && strcmp(t->name, argv[1]); t++)
		;
	if (!t->name) {
		fprintf(stderr, "fuzz_replay: unknown target %s (expected scenario, soc or mmio)\n", argv[1]);
		return 2;
	}
	for (i = 2; i < argc && !rc; i++)
		rc = run_path(t->fn, argv[i]);
	printf("fuzz_replay %s: %u inputs replayed\n", t->name, replayed);
	if (!rc && !replayed) {
		fprintf(stderr, "fuzz_replay: no input found\n");
		return 2;
	}
	return rc;
}
