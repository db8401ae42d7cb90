#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""check_mix.py - checks a hardware-fault campaign report (docs/campaigns.md): at least N runs, every run
completed (done, or a contained crash), every hardware kind present and each changed at least one
outcome (an injector that changes nothing fails). Usage: check_mix.py REPORT.json N"""
import json
import sys

KINDS = ["mmio-read", "mmio-drop", "flip", "irq", "latch", "erratum"]


def main():
    r = json.load(open(sys.argv[1], encoding="utf-8"))
    want = int(sys.argv[2])
    errors = []
    if len(r["runs"]) < want:
        errors.append("%d runs, expected at least %d" % (len(r["runs"]), want))
    lost = [x["index"] for x in r["runs"] if x["state"] not in ("done", "crash")]
    if lost:
        errors.append("runs that did not complete: %s" % lost[:10])
    for k in KINDS:
        c = r["by_kind"].get(k)
        if not c:
            errors.append("kind %s never drawn" % k)
            continue
        print("%-10s runs %4d triggered %4d changed %4d findings %4d" %
              (k, c["runs"], c["triggered"], c["changed"], c["findings"]))
        if c["changed"] == 0:
            errors.append("kind %s changed no outcome in %d runs" % (k, c["runs"]))
    for e in errors:
        print("FAIL:", e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
