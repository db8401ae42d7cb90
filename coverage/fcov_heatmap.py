#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
# fcov_heatmap.py - the functional coverage heat map of `pamusim coverage -o DIR` (docs/coverage.md).
#
# Input: the TSV that command writes (group, bin, count per line; a cross's bin is "a b"). Output: one
# PNG, one panel per group: a strip of cells for a plain group, a matrix for a cross; the colour is
# log10(1 + hits), a missed bin is a red cell marked 0. Facts: matplotlib's documented API (3.6).
#
# usage: fcov_heatmap.py FCOV.tsv OUT.png      exit 0 written, 2 bad input
import math
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.colors import ListedColormap  # noqa: E402
import numpy as np  # noqa: E402


def load(path):
	groups = {}
	order = []
	try:
		fh = open(path, encoding="utf-8")
	except OSError as e:
		print("fcov_heatmap: %s: cannot read: %s" % (path, e.strerror), file=sys.stderr)
		sys.exit(2)
	with fh:
		for n, line in enumerate(fh, 1):
			f = line.rstrip("\n").split("\t")
			if len(f) != 3 or not f[2].isdigit():
				print("fcov_heatmap: %s:%d: expected 'group<TAB>bin<TAB>count', found %r" % (path, n, line),
				      file=sys.stderr)
				sys.exit(2)
			if f[0] not in groups:
				groups[f[0]] = []
				order.append(f[0])
			groups[f[0]].append((f[1], int(f[2])))
	return order, groups


def matrix(bins):
	"""Rows and columns of a cross (bins "a b"), or one row."""
	if all(" " in b for b, _ in bins):
		rows, cols = [], []
		for b, _ in bins:
			a, c = b.split(" ", 1)
			if a not in rows:
				rows.append(a)
			if c not in cols:
				cols.append(c)
		m = np.zeros((len(rows), len(cols)))
		for b, v in bins:
			a, c = b.split(" ", 1)
			m[rows.index(a), cols.index(c)] = v
		return rows, cols, m
	return [""], [b for b, _ in bins], np.array([[v for _, v in bins]], dtype=float)


def main():
	if len(sys.argv) != 3:
		print("usage: fcov_heatmap.py FCOV.tsv OUT.png", file=sys.stderr)
		return 2
	order, groups = load(sys.argv[1])
	panels = [(g,) + matrix(groups[g]) for g in order]
	heights = [max(0.45, 0.3 * len(p[1])) + 0.9 for p in panels]
	fig, axes = plt.subplots(len(panels), 1, figsize=(16, sum(heights)),
				 gridspec_kw={"height_ratios": heights})
	if len(panels) == 1:
		axes = [axes]
	vmax = max(1.0, max(math.log10(1 + p[3].max()) for p in panels))
	cmap = matplotlib.colormaps["viridis"]
	total = hit = 0
	for ax, (g, rows, cols, m) in zip(axes, panels):
		val = np.log10(1 + m)
		ax.imshow(val, cmap=cmap, vmin=0, vmax=vmax, aspect="auto", interpolation="nearest")
		miss = np.ma.masked_where(m > 0, np.ones_like(m))
		ax.imshow(miss, cmap=ListedColormap(["#d62728"]), vmin=0, vmax=1, aspect="auto", interpolation="nearest")
		for i in range(m.shape[0]):
			for j in range(m.shape[1]):
				v = int(m[i, j])
				ax.text(j, i, str(v) if v < 100000 else "%.0e" % v, ha="center", va="center", fontsize=6,
					color="white" if v == 0 or val[i, j] < vmax / 2 else "black")
		nh = int((m > 0).sum())
		total += m.size
		hit += nh
		ax.set_title("%s: %d/%d bins hit" % (g, nh, m.size), fontsize=9, loc="left")
		ax.set_xticks(range(len(cols)))
		ax.set_xticklabels(cols, rotation=45 if len(cols) > 8 else 0, ha="right" if len(cols) > 8 else "center",
				   fontsize=7)
		ax.set_yticks(range(len(rows)))
		ax.set_yticklabels(rows, fontsize=7)
	fig.suptitle("pamusim functional coverage: %d/%d bins hit (red: missed; colour: log10(1 + hits))"
		     % (hit, total), fontsize=11)
	fig.tight_layout(rect=(0, 0, 1, 0.99))
	fig.savefig(sys.argv[2], dpi=80)
	return 0


if __name__ == "__main__":
	sys.exit(main())
