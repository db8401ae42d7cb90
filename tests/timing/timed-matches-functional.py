#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
# Timing.TimedSuiteMatchesFunctional: the regression suite run functional and --timed gives the same
# result for every run except where the timed run adds stale-translation findings (docs/timing.md 4):
# the timing layer must never change what a translation does. Prints the runs the rule flags.
import json
import subprocess
import sys
import tempfile


def run(pamusim, suite, out, timed):
    cmd = [pamusim, "run", "-j2", "--json", out] + (["--timed"] if timed else []) + [suite]
    rc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
    if rc not in (0, 1):
        sys.exit("%s: exit %d" % (" ".join(cmd), rc))
    return {(r["name"], r["soc"], r["kernel"]): r for r in json.load(open(out))["scenarios"]}


def kinds(r):
    return sorted((f["kind"], f["message"]) for f in r["findings"] if f["kind"] != "stale-translation")


def main():
    pamusim, suite = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as d:
        func = run(pamusim, suite, d + "/f.json", False)
        timed = run(pamusim, suite, d + "/t.json", True)
    bad = 0
    flagged = 0
    if set(func) != set(timed):
        print("the two runs cover different scenario runs")
        return 1
    for k, f in sorted(func.items()):
        t = timed[k]
        stale = sum(1 for x in t["findings"] if x["kind"] == "stale-translation")
        if stale:
            flagged += 1
            print("stale under the preset rule: %s[%s,%s] (%d)" % (k[0], k[1], k[2], stale))
        if t["counters"]["transactions"] != f["counters"]["transactions"] or \
           t["counters"]["faults"] != f["counters"]["faults"] or kinds(t) != kinds(f) or \
           (not stale and t["status"] != f["status"]) or not t["stats"].get("timed"):
            bad += 1
            print("DIFFERS: %s[%s,%s]: functional %s, timed %s" % (k[0], k[1], k[2], f["status"], t["status"]))
    print("%d runs, %d flagged stale, %d differ otherwise" % (len(func), flagged, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
