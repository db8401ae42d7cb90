#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
# make_report.py - writes a minimal run report (docs/report-schema.json) with the given stats object, for
# the tests of `pamusim coverage` (data-driven cache bins, bad input).
# usage: make_report.py OUT.json STATS_JSON
import json
import sys

run = {"name": "synthetic", "file": "x.yaml", "soc": "t4240", "kernel": "", "seed": 1, "status": "pass",
       "trace_hash": "0" * 16, "wall_ms": 0, "findings": [], "findings_total": 0, "unmet": [],
       "counters": {"transactions": 0, "faults": 0, "msis": 0, "register_accesses": 0, "allocations": 0},
       "stats": json.loads(sys.argv[2])}
rep = {"schema": 1, "provenance": {"pamusim": "0", "git": "0", "host": "h", "kernels": {}, "presets": {}},
       "summary": {"passed": 1, "failed": 0, "skipped": 0, "errors": 0}, "scenarios": [run]}
with open(sys.argv[1], "w", encoding="utf-8") as fh:
	json.dump(rep, fh, indent=1)
