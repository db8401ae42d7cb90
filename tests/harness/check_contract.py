#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""check_contract.py - checks the windowed-IOMMU contract table of a pamusim JSON report.

--expect DOC: the verdicts must be those of the results table in DOC (docs/windowed-iommu-contract.md,
rows "| W<n> | <verdict> | ..."), every clause must have a passing positive and at least one negative
run, every broken clause a contract-violation finding at a step, and no run may fail.
--not-applicable: every run skipped as not applicable and every clause not-applicable.
"""
import argparse
import json
import re
import sys


def fail(msg):
    print("check_contract: " + msg)
    sys.exit(1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("report")
    ap.add_argument("--kernel", required=True)
    ap.add_argument("--expect")
    ap.add_argument("--not-applicable", action="store_true")
    a = ap.parse_args()
    rep = json.load(open(a.report))
    runs = [s for s in rep["scenarios"] if s.get("clause")]
    rows = [c for c in rep["contract"] if c["kernel"] == a.kernel]
    if not runs or not rows:
        fail("no conformance runs in the report")
    clauses = sorted({s["clause"] for s in runs}, key=lambda c: int(c[1:]))
    if sorted((c["clause"] for c in rows), key=lambda c: int(c[1:])) != clauses:
        fail("table clauses %s differ from the runs' %s" % ([c["clause"] for c in rows], clauses))
    if a.not_applicable:
        for s in runs:
            if s["status"] != "skipped" or "not applicable" not in s.get("error", ""):
                fail("%s: expected skipped as not applicable, got %s %s" % (s["name"], s["status"], s.get("error")))
        for c in rows:
            if c["verdict"] != "not-applicable":
                fail("%s: expected not-applicable, got %s" % (c["clause"], c["verdict"]))
        print("check_contract: %d clauses not applicable on %s" % (len(rows), a.kernel))
        return
    doc = open(a.expect).read()
    want = dict(re.findall(r"^\| (W\d+) \| (kept|broken|not-applicable|failed) \|", doc, re.M))
    if not want:
        fail("no results table in " + a.expect)
    for s in runs:
        if s["status"] != "pass":
            fail("%s[%s]: %s" % (s["name"], s["soc"], s["status"]))
    for c in rows:
        cl = c["clause"]
        if c["positive"]["runs"] < 1 or c["positive"]["passed"] != c["positive"]["runs"]:
            fail("%s: needs a passing positive scenario, has %s" % (cl, c["positive"]))
        if c["negative"]["runs"] < 1:
            fail("%s: needs a negative scenario" % cl)
        if want.get(cl) != c["verdict"]:
            fail("%s: the report says %s, %s records %s" % (cl, c["verdict"], a.expect, want.get(cl)))
        if c["verdict"] == "broken":
            if "contract-violation" not in c["evidence"] or c.get("step", 0) < 1:
                fail("%s: broken without a contract-violation at a step: %s" % (cl, c))
            run = [s for s in runs if s["name"] == c["scenario"]]
            if not any(f["kind"] == "contract-violation" and f["message"].startswith("clause %s:" % cl)
                       and f.get("known") for r in run for f in r["findings"]):
                fail("%s: the evidence run has no known contract-violation naming the clause" % cl)
    missing = set(want) - {c["clause"] for c in rows}
    if missing:
        fail("clauses recorded in the document without runs: %s" % sorted(missing))
    print("check_contract: %s: %s" % (a.kernel, ", ".join("%s %s" % (c["clause"], c["verdict"]) for c in rows)))


main()
