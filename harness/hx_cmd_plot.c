// SPDX-License-Identifier: BSD-2-Clause
/*
 * hx_cmd_plot.c - `pamusim plot REPORT.json -o DIR`: a thin dispatch to scripts/pamusim-plot (Python 3
 * with Debian's python3-matplotlib), which draws the PNGs (docs/timing.md 7).
 *
 * Which Python: $PAMUSIM_PYTHON, else Debian's /usr/bin/python3 (where python3-matplotlib installs),
 * else python3 on PATH. Which script: $PAMUSIM_SCRIPTS_DIR/pamusim-plot, else the source tree's.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "hx_cmd_plot.h"

int hx_cmd_plot(int argc, char **argv, const char *scripts_dir)
{
	const char *py = getenv("PAMUSIM_PYTHON"), *dir = getenv("PAMUSIM_SCRIPTS_DIR");
	char script[4096];
	char **args;
	pid_t pid;
	int st, i;

	if (!py || !*py)
		py = access("/usr/bin/python3", X_OK) == 0 ? "/usr/bin/python3" : "python3";
	snprintf(script, sizeof(script), "%s/pamusim-plot", dir && *dir ? dir : scripts_dir);
	if (access(script, R_OK)) {
		fprintf(stderr, "pamusim plot: %s: %s (set PAMUSIM_SCRIPTS_DIR)\n", script, strerror(errno));
		return 2;
	}
	args = calloc((size_t)argc + 3, sizeof(*args));
	if (!args)
		return 2;
	args[0] = (char *)py;
	args[1] = script;
	for (i = 0; i < argc; i++)
		args[i + 2] = argv[i];
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		execvp(py, args);
		fprintf(stderr, "pamusim plot: cannot run %s: %s (install python3)\n", py, strerror(errno));
		_exit(2);
	}
	free(args);
	if (pid < 0 || waitpid(pid, &st, 0) < 0) {
		fprintf(stderr, "pamusim plot: cannot start %s: %s\n", py, strerror(errno));
		return 2;
	}
	return WIFEXITED(st) ? WEXITSTATUS(st) : 2;
}
