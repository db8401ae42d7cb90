#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
# check_report.py - assertions on a pamusim JSON report for the harness tests.
#   --kinds K1,K2   every run's findings are of exactly these kinds (each present, nothing else)
#   --unmet RE      every run has an unmet item matching RE;  --error RE: every run's error matches RE
#   --status S      every run has this status
#   --runs N        the report has N runs
#   --same OTHER    OTHER has the same runs (wall_ms and file ignored)
#   --hash-differs OTHER   some run's trace_hash differs from OTHER's
import argparse
import json
import re
import sys


def strip(rep):
    out = []
    for r in rep["scenarios"]:
        r = dict(r)
        r.pop("wall_ms", None)
        out.append(r)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("report")
    ap.add_argument("--kinds")
    ap.add_argument("--status")
    ap.add_argument("--runs", type=int)
    ap.add_argument("--same")
    ap.add_argument("--hash-differs")
    ap.add_argument("--unmet")
    ap.add_argument("--error")
    a = ap.parse_args()
    rep = json.load(open(a.report))
    runs = rep["scenarios"]
    bad = []
    if a.runs is not None and len(runs) != a.runs:
        bad.append(f"expected {a.runs} runs, found {len(runs)}")
    for r in runs:
        tag = f"{r['name']}[{r['soc']},{r['kernel']}]"
        if a.status and r["status"] != a.status:
            bad.append(f"{tag}: expected status {a.status}, found {r['status']}")
        if a.kinds is not None:
            want = set(k for k in a.kinds.split(",") if k)
            got = set(f["kind"] for f in r["findings"])
            if got != want:
                bad.append(f"{tag}: expected finding kinds {sorted(want)}, found {sorted(got)}")
            for f in r["findings"]:
                if not f["message"] or f["step"] < 0:
                    bad.append(f"{tag}: finding without message or step: {f}")
        if a.unmet is not None and not any(re.search(a.unmet, u) for u in r["unmet"]):
            bad.append(f"{tag}: expected an unmet item matching {a.unmet!r}, found {r['unmet']}")
        if a.error is not None and not re.search(a.error, r.get("error", "")):
            bad.append(f"{tag}: expected an error matching {a.error!r}, found {r.get('error')!r}")
    if a.same:
        other = json.load(open(a.same))
        if strip(rep) != strip(other):
            bad.append(f"{a.report} and {a.same} differ")
    if a.hash_differs:
        other = json.load(open(a.hash_differs))
        if [r["trace_hash"] for r in runs] == [r["trace_hash"] for r in other["scenarios"]]:
            bad.append("the trace hashes are the same")
    for b in bad:
        print(b)
    print("ok" if not bad else f"{len(bad)} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
