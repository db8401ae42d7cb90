// SPDX-License-Identifier: BSD-2-Clause
/*
 * preset_fdt.cc - the tests' own libfdt reading of board DTBs (preset_fdt.h). Rules: liodn-tables.md 1.2
 * and 1.4 (how firmware finds a row's node), soc-table.md (CCSR base, PCIe controllers), hw-facts.md 10
 * (which nodes the drivers read fsl,liodn from).
 */
#include "preset_fdt.h"

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>

extern "C" {
#include <libfdt.h>
}

#include "pamusim_config.h"

namespace preset_test {

std::string dtb_dir()
{
	const char *e = std::getenv("PAMUSIM_DTB_DIR");

	return e && *e ? e : PAMUSIM_DTB_DIR;
}

std::string socs_dir()
{
	const char *e = std::getenv("PAMUSIM_SOCS_DIR");

	return e && *e ? e : PAMUSIM_SOCS_DIR;
}

std::vector<char> read_dtb(const std::string &path)
{
	std::ifstream f(path, std::ios::binary);
	std::vector<char> buf((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());

	if (buf.size() < 40 || fdt_check_header(buf.data()) != 0 || fdt_totalsize(buf.data()) > buf.size())
		return {};
	return buf;
}

static uint32_t cells_of(const void *fdt, int node, const char *name, uint32_t dflt)
{
	int len;
	const fdt32_t *p = static_cast<const fdt32_t *>(fdt_getprop(fdt, node, name, &len));

	return p && len == 4 ? fdt32_to_cpu(*p) : dflt;
}

static uint64_t read_cells(const fdt32_t *p, uint32_t n)
{
	uint64_t v = 0;

	for (uint32_t i = 0; i < n; i++)
		v = (v << 32) | fdt32_to_cpu(p[i]);
	return v;
}

bool node_address(const void *fdt, int node, uint64_t *addr)
{
	int parent = fdt_parent_offset(fdt, node), len;

	if (parent < 0)
		return false;
	uint32_t ac = cells_of(fdt, parent, "#address-cells", 2);
	const fdt32_t *reg = static_cast<const fdt32_t *>(fdt_getprop(fdt, node, "reg", &len));
	if (!reg || ac == 0 || ac > 2 || len < static_cast<int>(4 * ac))
		return false;
	uint64_t a = read_cells(reg, ac);

	/* Up through every bus: each must map the address with its ranges (empty = identity). */
	for (int bus = parent; bus != 0;) {
		int up = fdt_parent_offset(fdt, bus);
		if (up < 0)
			return false;
		const fdt32_t *r = static_cast<const fdt32_t *>(fdt_getprop(fdt, bus, "ranges", &len));
		if (!r)
			return false;
		if (len > 0) {
			uint32_t cac = cells_of(fdt, bus, "#address-cells", 2);
			uint32_t csc = cells_of(fdt, bus, "#size-cells", 1);
			uint32_t pac = cells_of(fdt, up, "#address-cells", 2), ent = cac + pac + csc;
			bool hit = false;

			if (cac > 2 || pac > 2 || csc > 2 || ent == 0)
				return false;
			for (int i = 0; i + static_cast<int>(ent * 4) <= len; i += static_cast<int>(ent * 4)) {
				const fdt32_t *e = r + i / 4;
				uint64_t c = read_cells(e, cac), p = read_cells(e + cac, pac);
				uint64_t s = read_cells(e + cac + pac, csc);

				if (a >= c && a - c < s) {
					a = a - c + p;
					hit = true;
					break;
				}
			}
			if (!hit)
				return false;
		}
		bus = up;
	}
	*addr = a;
	return true;
}

bool node_compatible(const void *fdt, int node, const char *compat)
{
	return fdt_node_check_compatible(fdt, node, compat) == 0;
}

const char *node_first_compatible(const void *fdt, int node)
{
	int len;
	const char *c = static_cast<const char *>(fdt_getprop(fdt, node, "compatible", &len));

	return c && len > 0 && memchr(c, 0, len) ? c : nullptr;
}

bool node_cell_index(const void *fdt, int node, uint32_t *ci)
{
	int len;
	const fdt32_t *p = static_cast<const fdt32_t *>(fdt_getprop(fdt, node, "cell-index", &len));

	if (!p || len != 4)
		return false;
	*ci = fdt32_to_cpu(*p);
	return true;
}

static bool self_or_ancestor_compatible(const void *fdt, int node, const char *compat)
{
	for (int n = node; n >= 0; n = fdt_parent_offset(fdt, n)) {
		if (node_compatible(fdt, n, compat))
			return true;
		if (n == 0)
			break;
	}
	return false;
}

std::vector<int> row_nodes(const void *fdt, const struct soc_fw_liodn *row)
{
	std::vector<int> out;

	if (row->match == SOC_LIODN_REGISTER_ONLY)
		return out;
	for (int n = fdt_next_node(fdt, -1, nullptr); n >= 0; n = fdt_next_node(fdt, n, nullptr)) {
		if (row->match == SOC_LIODN_BY_ADDRESS) {
			uint64_t a;

			if (node_compatible(fdt, n, row->compatible) && node_address(fdt, n, &a) && a >= kCcsrBase &&
			    a - kCcsrBase == row->ccsr_offset)
				out.push_back(n);
		} else {
			uint32_t ci;

			if (node_cell_index(fdt, n, &ci) && ci == row->cell_index &&
			    self_or_ancestor_compatible(fdt, n, row->compatible))
				out.push_back(n);
		}
	}
	return out;
}

static bool is_pcie_controller(const void *fdt, int node)
{
	int len;
	const char *c = static_cast<const char *>(fdt_getprop(fdt, node, "compatible", &len));

	if (!c || len <= 0 || fdt_parent_offset(fdt, node) != 0)
		return false;
	for (const char *s = c; s < c + len; s += strlen(s) + 1) {
		size_t l = strlen(s);

		if (!strncmp(s, "fsl,qoriq-pcie", 14) || (l > 5 && !strcmp(s + l - 5, "-pcie")))
			return true;
	}
	return false;
}

std::vector<int> driver_nodes(const void *fdt)
{
	std::vector<int> out;

	for (int n = fdt_next_node(fdt, -1, nullptr); n >= 0; n = fdt_next_node(fdt, n, nullptr)) {
		if (fdt_getprop(fdt, n, "fsl,liodn-reg", nullptr) || is_pcie_controller(fdt, n) ||
		    node_compatible(fdt, n, "fsl,qman") || node_compatible(fdt, n, "fsl,bman") ||
		    node_compatible(fdt, n, "fsl,qman-portal"))
			out.push_back(n);
	}
	return out;
}

std::string node_path(const void *fdt, int node)
{
	char buf[256];

	if (fdt_get_path(fdt, node, buf, sizeof(buf)) != 0)
		return "?";
	return buf;
}

}  // namespace preset_test
