/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * preset_fdt.h - the tests' own reading of a compiled board DTB with libfdt: reg address translation
 * through the parents' ranges, compatible lists, cell-index; and where the DTBs and presets are.
 *
 * Written apart from the model on purpose, so a preset row is checked against the tree by a second
 * reading of the rules (liodn-tables.md 1.2 and 1.4: compatible + translated reg address - CCSR base,
 * or cell-index under the compatible node).
 */
#ifndef PRESET_FDT_H
#define PRESET_FDT_H

#include <cstdint>
#include <string>
#include <vector>

#include "soc_preset.h"

namespace preset_test {

constexpr uint64_t kCcsrBase = 0xffe000000ull;	/* soc-table.md: CCSR at 0xf_fe00_0000 in every tree */

std::string dtb_dir();		/* $PAMUSIM_DTB_DIR, else the build's dtbs/ */
std::string socs_dir();		/* $PAMUSIM_SOCS_DIR, else the source tree's socs/ */

/* A DTB read into memory; empty if it cannot be read or is not a valid tree. */
std::vector<char> read_dtb(const std::string &path);

/* The first reg address of a node translated to a CPU physical address; false if it has no reg or a
 * parent on the way has no ranges (not memory-mapped). */
bool node_address(const void *fdt, int node, uint64_t *addr);
bool node_compatible(const void *fdt, int node, const char *compat);	/* anywhere in its list */
const char *node_first_compatible(const void *fdt, int node);
bool node_cell_index(const void *fdt, int node, uint32_t *ci);

/* Nodes a preset row names (tree order). Register-only rows name none. */
std::vector<int> row_nodes(const void *fdt, const struct soc_fw_liodn *row);

/* The kernel tree's nodes the drivers care about (soc-table.md notes, hw-facts.md 10): fsl,liodn-reg,
 * PCIe controllers, fsl,qman, fsl,bman and every fsl,qman-portal. */
std::vector<int> driver_nodes(const void *fdt);

std::string node_path(const void *fdt, int node);

}  // namespace preset_test

#endif /* PRESET_FDT_H */
