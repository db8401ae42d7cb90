#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""check_failnth.py - checks the JSON report of a fail-nth campaign (docs/campaigns.md): runs n = 1..
until one triggers nothing, every fallible site of ../shared/spec/kernel-surface.md section 9 (PAMU and
MSI rows, the version's line numbers) reached at least once on the targets, the unchecked allocation of
attach_device found as a known driver-crash, every distinct finding with an existing reproducer.
Usage: check_failnth.py REPORT.json KERNEL_SURFACE.md VERSION"""
import json
import os
import re
import sys

FILES = {"P": "drivers/iommu/fsl_pamu.c", "D": "drivers/iommu/fsl_pamu_domain.c",
         "M": "arch/powerpc/sysdev/fsl_msi.c", "B": "arch/powerpc/sysdev/msi_bitmap.c"}
VERSIONS = ["5.10", "6.1", "6.12"]


def section9_sites(md, version):
    """(row, file, line) of every site of section 9 for this version; rows without a line for it, the
    memblock row (before slab only) and the exhaustion row are not fallible calls here."""
    text = open(md, encoding="utf-8").read()
    sec = text.split("## 9.")[1].split("\n## ")[0]
    sites = []
    for row in sec.splitlines():
        cells = [c.strip() for c in row.split("|")]
        if len(cells) < 5 or not cells[1].isdigit():
            continue
        num, call, where = int(cells[1]), cells[2], cells[3]
        if "memblock_alloc" in call or "msi_bitmap_alloc_hwirqs" in call:
            continue
        m = re.match(r"([PDMB]) (.*)", where)
        if not m:
            continue
        f, rest = FILES[m.group(1)], m.group(2)
        parts = [p.strip() for p in rest.split("/")]
        only510 = "(5.10)" in call or "5.10" in call and "6.1" not in call
        if len(parts) == 3:
            col = parts[VERSIONS.index(version)]
        elif only510 and version == "5.10":
            col = parts[0]
        else:
            continue
        for tok in re.split(r"[ ,]+", col):
            if "-" in tok:
                a, b = tok.split("-")
                lines = range(int(a), int(b) + 1)
            elif tok.isdigit():
                lines = [int(tok)]
            else:
                continue
            for ln in lines:
                sites.append((num, f, ln))
    return sites


def main():
    rep, md, version = sys.argv[1], sys.argv[2], sys.argv[3]
    r = json.load(open(rep, encoding="utf-8"))
    errors = []
    reached = set()
    for t, tg in enumerate(r["targets"]):
        for s in tg["sites"]:
            reached.add((s["file"], s["line"]))
        runs = [x for x in r["runs"] if x["target"] == t]
        if len(runs) != tg["calls"] + 1:
            errors.append("%s/%s: %d runs for %d fallible calls (expected calls + 1)" %
                          (tg["soc"], tg["kernel"], len(runs), tg["calls"]))
        if runs and runs[-1]["triggered"]:
            errors.append("%s/%s: the last run still triggered an injection" % (tg["soc"], tg["kernel"]))
        untriggered = [x["index"] for x in runs[:-1] if not x["triggered"]]
        if untriggered:
            errors.append("%s/%s: runs %s triggered nothing" % (tg["soc"], tg["kernel"], untriggered[:5]))
        crash = [x for x in runs if x["state"] == "crash"]
        if not crash:
            errors.append("%s/%s: the unchecked allocation of attach_device was not found" %
                          (tg["soc"], tg["kernel"]))
        for x in crash:
            f = x["findings"][0]
            if f["at"]["func"] != "attach_device" or not f["known"] or x["fired"]["func"] != "attach_device":
                errors.append("%s/%s: crash not symbolized to the known attach_device finding: %s" %
                              (tg["soc"], tg["kernel"], f))
        # containment: the campaign went on after the crash
        if crash and crash[-1]["index"] == runs[-1]["index"]:
            errors.append("no run after the crash")
    need = section9_sites(md, version)
    missing = sorted({(n, f, ln) for n, f, ln in need if (f, ln) not in reached})
    # rows with alternatives on one line ("x2", "LAW, CCF (only on A-004510 SVRs)"): one line suffices
    rows_hit = {n for n, f, ln in need if (f, ln) in reached}
    missing = [m for m in missing if m[0] not in rows_hit]
    for m in missing:
        errors.append("section 9 row %d (%s:%d) never reached" % m)
    for d in r["findings"]:
        if not d["reproducer"] or not os.path.exists(d["reproducer"]) or "pamusim run" not in d["command"]:
            errors.append("finding %s has no reproducer" % d["signature"])
    nsites = sum(len(t["sites"]) for t in r["targets"])
    print("kernel %s: %d section-9 sites checked (%d rows), %d call sites seen, %d runs, %d distinct findings"
          % (version, len(need), len({n for n, _, _ in need}), nsites, len(r["runs"]), len(r["findings"])))
    for e in errors:
        print("FAIL:", e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
