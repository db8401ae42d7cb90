#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
# lcov_parts.py - line and branch coverage per part of pamusim from an lcov tracefile, checked against floors.
#
# Facts: the lcov tracefile format (geninfo(1): SF, LF/LH, BRF/BRH, end_of_record) and this repository's
# layout (model/, kernel-stubs/, build-*/kernels/<version>/ks_tree/ for the real drivers, the RTL
# coverage of verilator_coverage --write-info). Floors: coverage/floors.conf, docs/coverage.md.
#
# usage: lcov_parts.py TRACEFILE [--floors FILE] [--json OUT]
# Exit 0 when every floor holds, 1 when one does not, 2 on bad input.
import argparse
import fnmatch
import json
import re
import sys

DRIVERS = ("fsl_pamu.c", "fsl_pamu_domain.c", "fsl_msi.c", "msi_bitmap.c")
KS_RE = re.compile(r"/kernels/([^/]+)/ks_tree/(.*)$")


def part_of(path):
	"""The part a source file belongs to (None: not reported, e.g. test code and system headers)."""
	m = KS_RE.search(path)
	if m:
		ver, rel = m.group(1), m.group(2)
		base = rel.rsplit("/", 1)[-1]
		if base in DRIVERS:
			return "driver %s %s" % (ver, base)
		return "driver %s headers" % ver
	if path.endswith((".sv", ".v", ".svh")):
		return "RTL"
	if "/verilator/obj_" in path or "/share/verilator/" in path or "/verilated" in path:
		return None	# Verilator's generated C++ and its runtime: the RTL is counted in its .sv lines
	if "/cosim/" in path:
		return "cosim (C++)"
	if "/model/" in path and not path.startswith("/usr/"):
		return "models"
	if "/kernel-stubs/" in path:
		if "/kernel-stubs/host/" in path:
			return "stubs (host side)"
		if "/kernel-stubs/shim/" in path or "/kernel-stubs/include/" in path:
			return None
		return "stubs"
	if "/harness/" in path:
		return "harness"
	return None


def parse(path):
	"""Per source file: {line: hits}, {(line, block, branch): taken} and {function: first line}, records of
	the same file merged (a stub file is compiled into several objects; lcov writes one record per object)."""
	files = {}
	cur = None
	try:
		fh = open(path, encoding="utf-8", errors="replace")
	except OSError as e:
		print("lcov_parts: %s: cannot read the tracefile: %s" % (path, e.strerror), file=sys.stderr)
		sys.exit(2)
	with fh:
		for n, line in enumerate(fh, 1):
			line = line.rstrip("\n")
			try:
				if line.startswith("SF:"):
					cur = files.setdefault(line[3:], ({}, {}, {}))
				elif cur is None:
					continue
				elif line.startswith("DA:"):
					f = line[3:].split(",")
					ln = int(f[0])
					cur[0][ln] = cur[0].get(ln, 0) + int(f[1])
				elif line.startswith("BRDA:"):
					f = line[5:].split(",")
					k = (int(f[0]), f[1], f[2])
					cur[1][k] = cur[1].get(k, 0) + (0 if f[3] == "-" else int(f[3]))
				elif line.startswith("FN:"):
					f = line[3:].split(",", 1)
					cur[2][f[1]] = int(f[0])
				elif line == "end_of_record":
					cur = None
			except (ValueError, IndexError):
				print("lcov_parts: %s:%d: expected DA:line,count, BRDA:line,block,branch,taken or FN:line,name, "
				      "found %r" % (path, n, line), file=sys.stderr)
				sys.exit(2)
	return files


def load_floors(path):
	"""Floors: PART-GLOB LINES% BRANCHES% ('-' for none). Exclusions, each justified in docs/coverage.md:
	exclude-function PART-GLOB FUNCTION (the function's lines, from its first line to the next function's);
	exclude-line PART-GLOB REGEX (source lines matching REGEX). '#' comments."""
	floors, excl = [], []
	with open(path, encoding="utf-8") as fh:
		for n, line in enumerate(fh, 1):
			line = line.split("#", 1)[0].strip()
			if not line:
				continue
			if re.match(r"^exclude-(function|line)\s", line):
				kind, rest = line.split(None, 1)
				f = re.split(r"\t+| {2,}", rest, maxsplit=1)
				if len(f) != 2:
					sys.exit("lcov_parts: %s:%d: expected '%s PART-GLOB<two spaces or tab>WHAT', found %r"
						 % (path, n, kind, line))
				try:
					excl.append((kind, f[0].strip(), f[1].strip(),
						     re.compile(f[1].strip()) if kind == "exclude-line" else None))
				except re.error as e:
					sys.exit("lcov_parts: %s:%d: bad regular expression: %s" % (path, n, e))
				continue
			f = line.rsplit(None, 2)
			if len(f) != 3:
				sys.exit("lcov_parts: %s:%d: expected 'PART LINES BRANCHES', found %r" % (path, n, line))
			try:
				lf = None if f[1] == "-" else float(f[1])
				bf = None if f[2] == "-" else float(f[2])
			except ValueError:
				sys.exit("lcov_parts: %s:%d: expected percentages or '-', found %r" % (path, n, line))
			floors.append((f[0], lf, bf))
	return floors, excl


def excluded_lines(path, part, da, fns, excl):
	"""Lines of this file the exclusions take out of the floor's basis."""
	out = set()
	rules = [e for e in excl if fnmatch.fnmatch(part, e[1])]
	if not rules:
		return out
	starts = sorted(fns.values())
	src = None
	for kind, _, what, rx in rules:
		if kind == "exclude-function":
			if what not in fns:
				continue
			first = fns[what]
			later = [l for l in starts if l > first]
			last = later[0] - 1 if later else max(da) if da else first
			out.update(l for l in da if first <= l <= last)
		else:
			if src is None:
				try:
					with open(path, encoding="utf-8", errors="replace") as fh:
						src = fh.read().split("\n")
				except OSError:
					src = []
			out.update(l for l in da if 0 < l <= len(src) and rx.search(src[l - 1]))
	return out


def pct(h, t):
	return 100.0 * h / t if t else None


def main():
	ap = argparse.ArgumentParser(description=__doc__)
	ap.add_argument("info")
	ap.add_argument("--floors")
	ap.add_argument("--json")
	a = ap.parse_args()
	files = parse(a.info)
	floors, excl = load_floors(a.floors) if a.floors else ([], [])
	parts = {}
	for path, (da, br, fns) in files.items():
		p = part_of(path)
		if p is None:
			continue
		t = parts.setdefault(p, {"lf": 0, "lh": 0, "brf": 0, "brh": 0, "files": 0, "xl": 0,
					 "blf": 0, "blh": 0, "bbrf": 0, "bbrh": 0})
		x = excluded_lines(path, p, da, fns, excl)
		t["lf"] += len(da)
		t["lh"] += sum(1 for v in da.values() if v)
		t["brf"] += len(br)
		t["brh"] += sum(1 for v in br.values() if v)
		t["xl"] += len(x)
		t["blf"] += sum(1 for l in da if l not in x)
		t["blh"] += sum(1 for l, v in da.items() if v and l not in x)
		t["bbrf"] += sum(1 for k in br if k[0] not in x)
		t["bbrh"] += sum(1 for k, v in br.items() if v and k[0] not in x)
		t["files"] += 1
	if not any(p.startswith("RTL") for p in parts):
		print("RTL: not built (no verilator coverage.info: the cosim build writes it, docs/coverage.md)")
	order = lambda p: (0 if p == "models" else 1 if p.startswith("stubs") else 2 if p.startswith("driver") else 3, p)
	failed = []
	print("%-34s %5s %17s %8s %17s %s" % ("part", "files", "lines", "", "branches", "floor (on the lines left "
	      "after the exclusions of coverage/floors.conf)"))
	out = {}
	for p in sorted(parts, key=order):
		t = parts[p]
		lp, bp = pct(t["lh"], t["lf"]), pct(t["brh"], t["brf"])
		blp, bbp = pct(t["blh"], t["blf"]), pct(t["bbrh"], t["bbrf"])
		fl = [f for f in floors if fnmatch.fnmatch(p, f[0])]
		verdict = ""
		if fl:
			_, lf, bf = fl[0]
			bad = []
			if lf is not None and (blp or 0.0) < lf:
				bad.append("lines %.1f%% < %.0f%%" % (blp or 0.0, lf))
			if bf is not None and (bbp or 0.0) < bf:
				bad.append("branches %.1f%% < %.0f%%" % (bbp or 0.0, bf))
			basis = ""
			if t["xl"]:
				basis = " on %d/%d lines %.1f%%, %d/%d branches %.1f%%; %d lines excluded" % (
					t["blh"], t["blf"], blp or 0.0, t["bbrh"], t["bbrf"], bbp or 0.0, t["xl"])
			want = "lines>=%s%s" % ("%.0f%%" % lf if lf is not None else "-",
						 ", branches>=%.0f%%" % bf if bf is not None else "")
			verdict = ("FAIL " + "; ".join(bad) + basis) if bad else "ok (" + want + basis + ")"
			if bad:
				failed.append(p)
		print("%-34s %5d %6d/%-6d %5.1f%% %6d/%-6d %5.1f%%  %s" % (
			p, t["files"], t["lh"], t["lf"], lp or 0.0, t["brh"], t["brf"], bp or 0.0, verdict))
		out[p] = dict(t, lines=lp, branches=bp, basis_lines=blp, basis_branches=bbp, floor=verdict)
	missing = [f[0] for f in floors if not any(fnmatch.fnmatch(p, f[0]) for p in parts)
		   and not f[0].startswith("RTL")]
	for m in missing:
		print("FAIL: floor %r matches no part (was the part built and run?)" % m)
	if a.json:
		with open(a.json, "w", encoding="utf-8") as fh:
			json.dump(out, fh, indent=1, sort_keys=True)
	if failed or missing:
		print("coverage below the floor: %s" % ", ".join(failed + missing))
		return 1
	if floors:
		print("every coverage floor holds (coverage/floors.conf)")
	return 0


if __name__ == "__main__":
	sys.exit(main())
