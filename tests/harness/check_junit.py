#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
# check_junit.py - parse a pamusim JUnit XML report (xml.etree) and check it against the JSON report of
# the same run: one testcase per run named name[soc,kernel], a failure element for each failed run that
# names each finding kind, counts that agree.
import json
import sys
import xml.etree.ElementTree as ET


def main():
    xml, js = sys.argv[1], sys.argv[2]
    root = ET.parse(xml).getroot()
    rep = json.load(open(js))
    cases = root.findall("./testsuite/testcase")
    bad = []
    if len(cases) != len(rep["scenarios"]):
        bad.append(f"{len(cases)} testcases for {len(rep['scenarios'])} runs")
    for c, r in zip(cases, rep["scenarios"]):
        name = f"{r['name']}[{r['soc']},{r['kernel']}]"
        if c.get("name") != name:
            bad.append(f"testcase {c.get('name')} where {name} was expected")
        fail = c.find("failure")
        if r["status"] == "fail":
            if fail is None:
                bad.append(f"{name}: no failure element")
            else:
                for f in r["findings"]:
                    if f["kind"] not in (fail.text or ""):
                        bad.append(f"{name}: failure text does not name {f['kind']}")
        elif r["status"] == "pass" and (fail is not None or c.find("error") is not None):
            bad.append(f"{name}: a passing run has a failure element")
    suite = root.find("testsuite")
    if int(suite.get("failures")) != rep["summary"]["failed"]:
        bad.append("failures count differs from the JSON summary")
    for b in bad:
        print(b)
    print("ok" if not bad else f"{len(bad)} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
