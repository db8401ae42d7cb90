// SPDX-License-Identifier: BSD-2-Clause
// soc_test_util.cc - helpers of the SoC builder tests (see soc_test_util.h for the sources of facts).
#include "soc_test_util.h"

#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>

#include <libfdt.h>

namespace soc_test {

// soc-table.md 1 and 2. SVRs are id << 8 | revision (2.0 = 0x20); T1023/T1024 have no SVR macro in the
// kernel, so theirs are test values, as are all PVRs (e500mc 0x8023, e5500 0x8024, e6500 0x8040 cores).
static const family fam_p2041 = {"p2041", 0x82100110, 0x80230020, 4, 3, 3, false, 0x0202, SOC_L2_STASH_PER_CORE, 30, 32, true};
static const family fam_p3041 = {"p3041", 0x82110310, 0x80230020, 4, 3, 4, false, 0x0202, SOC_L2_STASH_PER_CORE, 30, 32, true};
static const family fam_p4080 = {"p4080", 0x82000020, 0x80230020, 5, 3, 3, false, 0x0201, SOC_L2_STASH_PER_CORE, 30, 32, true};
static const family fam_p5020 = {"p5020", 0x82200010, 0x80240012, 4, 3, 4, false, 0x0202, SOC_L2_STASH_PER_CORE, 30, 32, true};
static const family fam_p5040 = {"p5040", 0x82040010, 0x80240012, 5, 3, 3, false, 0x0204, SOC_L2_STASH_PER_CORE, 30, 32, true};
static const family fam_t1023 = {"t1023", 0x85400010, 0x80240012, 1, 3, 3, false, 0x0204, SOC_L2_STASH_PER_CORE, 30, 16, false};
static const family fam_t1024 = {"t1024", 0x85400110, 0x80240012, 1, 3, 3, false, 0x0204, SOC_L2_STASH_PER_CORE, 30, 16, false};
static const family fam_t1040 = {"t1040", 0x85200010, 0x80240012, 1, 3, 4, false, 0x0204, SOC_L2_STASH_PER_CORE, 30, 16, true};
static const family fam_t1042 = {"t1042", 0x85200210, 0x80240012, 1, 3, 4, false, 0x0204, SOC_L2_STASH_PER_CORE, 30, 16, true};
static const family fam_t2081 = {"t2081", 0x85310010, 0x80400020, 3, 4, 4, true, 0x0300, SOC_L2_STASH_CLUSTER, 30, 32, true};
static const family fam_t2080 = {"t2080", 0x85300010, 0x80400020, 3, 4, 4, true, 0x0300, SOC_L2_STASH_CLUSTER, 30, 32, true};
static const family fam_t4240 = {"t4240", 0x82400020, 0x80400020, 6, 4, 4, true, 0x0300, SOC_L2_STASH_CLUSTER, 30, 32, true};
static const family fam_b4420 = {"b4420", 0x86810210, 0x80400020, 4, 4, 1, true, 0x0204, SOC_L2_STASH_CLUSTER, 1, 32, true};
static const family fam_b4860 = {"b4860", 0x86800020, 0x80400020, 4, 4, 1, true, 0x0204, SOC_L2_STASH_CLUSTER, 1, 32, true};

// soc-table.md 3: the 27 boards.
const std::vector<board> &boards()
{
	static const std::vector<board> b = {
		{"p2041rdb", &fam_p2041}, {"kmcoge4", &fam_p2041}, {"p3041ds", &fam_p3041},
		{"p4080ds", &fam_p4080}, {"oca4080", &fam_p4080}, {"p5020ds", &fam_p5020},
		{"cyrus_p5020", &fam_p5020}, {"p5040ds", &fam_p5040}, {"t1023rdb", &fam_t1023},
		{"t1024qds", &fam_t1024}, {"t1024rdb", &fam_t1024}, {"t1040rdb", &fam_t1040},
		{"t1040rdb-rev-a", &fam_t1040}, {"t1040qds", &fam_t1040}, {"t1040d4rdb", &fam_t1040},
		{"kmcent2", &fam_t1040}, {"t1042rdb", &fam_t1042}, {"t1042rdb_pi", &fam_t1042},
		{"t1042qds", &fam_t1042}, {"t1042d4rdb", &fam_t1042}, {"t2081qds", &fam_t2081},
		{"t2080qds", &fam_t2080}, {"t2080rdb", &fam_t2080}, {"t4240qds", &fam_t4240},
		{"t4240rdb", &fam_t4240}, {"b4420qds", &fam_b4420}, {"b4860qds", &fam_b4860},
	};
	return b;
}

const board *find_board(const std::string &name)
{
	for (const board &b : boards())
		if (name == b.name)
			return &b;
	return nullptr;
}

static bool is_dir(const std::string &p)
{
	struct stat st;

	return !p.empty() && stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

static bool has_dtb(const std::string &dir)
{
	struct stat st;

	return is_dir(dir) && stat((dir + "/p4080ds.dtb").c_str(), &st) == 0;
}

std::string dtb_dir(std::string *why)
{
	const char *env = getenv("PAMUSIM_DTB_DIR");
	std::string tried;

	if (env && *env) {
		if (is_dir(env))
			return env;
		tried += std::string("$PAMUSIM_DTB_DIR=") + env + " (not a directory); ";
	}
	if (has_dtb(PAMUSIM_DTB_DIR))
		return PAMUSIM_DTB_DIR;
	tried += std::string(PAMUSIM_DTB_DIR) + " (no DTBs: the CMake dtbs target has not run); ";
	if (has_dtb(std::string(PAMUSIM_KERN_DTBS) + "/6.12"))
		return std::string(PAMUSIM_KERN_DTBS) + "/6.12";
	tried += std::string(PAMUSIM_KERN_DTBS) + "/6.12";
	if (why)
		*why = "no DTB directory: tried " + tried;
	return "";
}

std::string dtb_dir_for(const std::string &version)
{
	std::string d = std::string(PAMUSIM_KERN_DTBS) + "/" + version;

	return has_dtb(d) ? d : "";
}

bool read_file(const std::string &path, std::vector<uint8_t> &out)
{
	std::ifstream f(path, std::ios::binary);

	if (!f)
		return false;
	out.assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
	return true;
}

bool load_board(const std::string &name, std::vector<uint8_t> &out)
{
	std::string dir = dtb_dir();

	return !dir.empty() && read_file(dir + "/" + name + ".dtb", out);
}

int node_by_compat(const void *fdt, const char *compat, int start)
{
	return fdt_node_offset_by_compatible(fdt, start, compat);
}

uint64_t reg_entry_ccsr(const void *fdt, int node, unsigned int i, uint64_t *size)
{
	int len;
	const fdt32_t *p = static_cast<const fdt32_t *>(fdt_getprop(fdt, node, "reg", &len));

	if (!p || len < (int)(8 * (i + 1)))
		return 0;
	if (size)
		*size = fdt32_to_cpu(p[2 * i + 1]);
	return CCSR + fdt32_to_cpu(p[2 * i]);
}

std::vector<uint32_t> cells(const void *fdt, int node, const char *prop)
{
	int len;
	const fdt32_t *p = static_cast<const fdt32_t *>(fdt_getprop(fdt, node, prop, &len));
	std::vector<uint32_t> v;

	for (int i = 0; p && i < len / 4; i++)
		v.push_back(fdt32_to_cpu(p[i]));
	return v;
}

std::string path_of(const void *fdt, int node)
{
	char buf[256];

	if (fdt_get_path(fdt, node, buf, sizeof(buf)))
		return "";
	return buf;
}

static bool has_compat_prefix(const void *fdt, int node, const char *prefix)
{
	int len, pos = 0;
	const char *c = static_cast<const char *>(fdt_getprop(fdt, node, "compatible", &len));

	while (c && pos < len) {
		if (!strncmp(c + pos, prefix, strlen(prefix)))
			return true;
		pos += (int)strlen(c + pos) + 1;
	}
	return false;
}

// The PAMU a node's fsl,iommu-parent (own or an ancestor's) names, from the pamu@N000 unit address.
static unsigned int expected_pamu(const void *fdt, int node)
{
	for (int n = node; n >= 0; n = fdt_parent_offset(fdt, n)) {
		std::vector<uint32_t> ph = cells(fdt, n, "fsl,iommu-parent");
		const char *name;

		if (ph.size() != 1)
			continue;
		name = fdt_get_name(fdt, fdt_node_offset_by_phandle(fdt, ph[0]), nullptr);
		if (name && !strncmp(name, "pamu@", 5))
			return (unsigned int)(strtoul(name + 5, nullptr, 16) / 0x1000);
		return 0;
	}
	return 0;
}

made_preset make_preset(const std::vector<uint8_t> &dtb, const family &f)
{
	const void *fdt = dtb.data();
	made_preset m;
	soc_preset &p = *(m.p = std::make_unique<soc_preset>());
	uint32_t next = 64;
	int soc_node = -1, root = 0;

	memset(&p, 0, sizeof(p));
	snprintf(p.name, sizeof(p.name), "%s", f.name);
	snprintf(p.file, sizeof(p.file), "test-preset:%s", f.name);
	p.rev_count = 1;
	snprintf(p.revs[0].name, sizeof(p.revs[0].name), "1.0");
	p.revs[0].svr = f.svr;
	p.revs[0].pvr = f.pvr;
	p.dram_base = 0;
	p.dram_size = DRAM_SIZE;
	p.law_count = 1;
	p.laws[0] = soc_law{1, 0, DRAM_SIZE, 0x10};	// LAW 1: all DRAM to memory controller 1
	p.pamu_caps = pamu_caps{0x00000105, 0, 0, 0x0fff0000, 5u << 21, 0};
	p.mpic_version = f.v43 ? 0x0403 : 0x0402;
	p.msi_alias_pages = true;
	p.cpu_stash_base = 32;
	p.cpu_stash_stride = 2;
	p.l2_stash = f.l2;
	p.l3_stash_id = 1;

	for (int n = fdt_first_subnode(fdt, root); n >= 0; n = fdt_next_subnode(fdt, n))
		if (!strncmp(fdt_get_name(fdt, n, nullptr), "soc@", 4))
			soc_node = n;

	auto add = [&](soc_liodn_match how, const char *compat, uint64_t off, uint32_t ci, unsigned int ncells,
		       uint32_t reg, int node) {
		soc_fw_liodn &r = p.liodns[p.liodn_count];

		r.match = how;
		snprintf(r.compatible, sizeof(r.compatible), "%s", compat);
		r.ccsr_offset = off;
		r.cell_index = ci;
		r.cells = ncells;
		r.liodn[0] = next++;
		if (ncells == 2)
			r.liodn[1] = next++;
		r.guts_reg = reg;
		if (node < 0 && how != SOC_LIODN_REGISTER_ONLY)
			m.disabled_unplaced++;
		m.expect.push_back(row_expect{p.liodn_count, node >= 0 ? path_of(fdt, node) : "",
					      node >= 0 ? expected_pamu(fdt, node) : 0});
		if (reg)
			m.regs[reg] = ncells == 2 ? r.liodn[0] << 16 | r.liodn[1] : r.liodn[0];
		p.liodn_count++;
	};

	for (int n = fdt_next_node(fdt, -1, nullptr); n >= 0; n = fdt_next_node(fdt, n, nullptr)) {
		std::vector<uint32_t> lr = cells(fdt, n, "fsl,liodn-reg");
		std::vector<uint32_t> reg = cells(fdt, n, "reg");
		std::vector<uint32_t> ci = cells(fdt, n, "cell-index");
		const char *compat = static_cast<const char *>(fdt_getprop(fdt, n, "compatible", nullptr));
		int parent = fdt_parent_offset(fdt, n);
		bool pcie = has_compat_prefix(fdt, n, "fsl,qoriq-pcie") || has_compat_prefix(fdt, n, "fsl,p4080-pcie");
		uint64_t addr = 0;

		const char *status = static_cast<const char *>(fdt_getprop(fdt, n, "status", nullptr));
		bool unplaced = false;

		if (parent == soc_node && reg.size() >= 2) {
			addr = CCSR + reg[0];
		} else if (parent == root && reg.size() >= 4) {
			addr = (uint64_t)reg[0] << 32 | reg[1];
		} else if (parent == root && reg.empty() && status && !strcmp(status, "disabled")) {
			// a board that disabled the block and deleted its reg (oca4080, kmcoge4): firmware
			// finds no node at the unit address; the row's register is still written
			const char *at = strchr(fdt_get_name(fdt, n, nullptr), '@');

			addr = at ? strtoull(at + 1, nullptr, 16) : 0;
			unplaced = addr != 0;
		}
		int target = unplaced ? -1 : n;
		if (lr.size() == 2) {
			if (addr && compat) {
				add(SOC_LIODN_BY_ADDRESS, compat, addr - CCSR, 0, 1, 0xe0000 + lr[1], target);
			} else if (ci.size() == 1 && fdt_node_check_compatible(fdt, parent, "fsl,srio") == 0) {
				add(SOC_LIODN_BY_CELL_INDEX, "fsl,srio", 0, ci[0], 1, 0xe0000 + lr[1], n);
			} else {
				m.skipped++;
			}
			continue;
		}
		if (pcie && addr)
			add(SOC_LIODN_BY_ADDRESS, compat, addr - CCSR, 0, 1, (uint32_t)(addr - CCSR + 0x40), target);
		else if (addr && !fdt_node_check_compatible(fdt, n, "fsl,qman"))
			add(SOC_LIODN_BY_ADDRESS, "fsl,qman", addr - CCSR, 0, 1, 0, n);
		else if (addr && !fdt_node_check_compatible(fdt, n, "fsl,bman"))
			add(SOC_LIODN_BY_ADDRESS, "fsl,bman", addr - CCSR, 0, 1, 0, n);
		else if (ci.size() == 1 && !fdt_node_check_compatible(fdt, n, "fsl,qman-portal"))
			add(SOC_LIODN_BY_CELL_INDEX, "fsl,qman-portal", 0, ci[0], 2, 0, n);
	}
	// a register-only row (SEC DECO0, a block the SoC does not model: liodn-tables.md 2.1)
	add(SOC_LIODN_REGISTER_ONLY, "", 0, 0, 2, 0, -1);
	m.regs.erase(0);
	for (auto it = m.regs.begin(); it != m.regs.end();) {
		// only registers of modelled blocks can be read back: GUTS and the PCIe LIODN bases
		if ((it->first >= 0xe0000 && it->first < 0xe0e00) || (it->first & 0xfff) == 0x40)
			++it;
		else
			it = m.regs.erase(it);
	}
	return m;
}

rig::~rig()
{
	soc_destroy(s);
}

void rig::emit(void *ctx, const sim_event *ev)
{
	rig *r = static_cast<rig *>(ctx);

	r->events.push_back(event_rec{ev->kind, ev->block ? ev->block : "", ev->msg, ev->addr});
}

void rig::cpu_irq(void *ctx, unsigned int cpu, bool level)
{
	rig *r = static_cast<rig *>(ctx);

	r->cpu_irqs.emplace_back(cpu, level);
	if (cpu == 0)
		r->cpu0 = level;
}

soc_status rig::create(const soc_preset &p, const std::vector<uint8_t> &dtb, const char *name, unsigned int rev)
{
	soc_cfg c{};

	c.preset = &p;
	c.rev = rev;
	c.dtb = dtb.data();
	c.dtb_size = dtb.size();
	c.dtb_name = name;
	c.sink.emit = emit;
	c.sink.ctx = this;
	c.cpu_irq_changed = cpu_irq;
	c.cpu_irq_ctx = this;
	return soc_create(&c, &s, &err);
}

uint32_t rig::rd(uint64_t addr, soc_bus_status *st)
{
	uint64_t v = 0;
	soc_bus_status r = soc_cpu_load(s, addr, 4, &v);

	if (st)
		*st = r;
	return (uint32_t)v;
}

void rig::wr(uint64_t addr, uint32_t v, soc_bus_status *st)
{
	soc_bus_status r = soc_cpu_store(s, addr, 4, v);

	if (st)
		*st = r;
}

size_t rig::count(sim_event_kind k) const
{
	size_t n = 0;

	for (const event_rec &e : events)
		n += e.kind == k;
	return n;
}

void rig::enable_pamus(uint64_t tables)
{
	// hw-facts.md 2 and 2.1: PPBA/PPLA, SPBA/SPLA, OBA/OLA (high word first), PICS = 0x4, PC = 0x40001011
	const uint64_t ends[3][2] = {{tables, tables + 0x14000}, {tables + 0x20000, tables + 0x40000},
				     {tables + 0x40000, tables + 0x40800}};
	uint64_t guts = soc_guts_base(s);
	uint32_t byp;

	for (unsigned int n = 0; n < soc_pamu_count(s); n++) {
		uint64_t b = soc_pamu_base(s, n);

		for (unsigned int t = 0; t < 3; t++) {
			wr(b + 0x10 * t + 0x0, (uint32_t)(ends[t][0] >> 32));
			wr(b + 0x10 * t + 0x4, (uint32_t)ends[t][0]);
			wr(b + 0x10 * t + 0x8, (uint32_t)(ends[t][1] >> 32));
			wr(b + 0x10 * t + 0xc, (uint32_t)ends[t][1]);
		}
		wr(b + 0xc1c, 0x4);
		wr(b + 0xc10, 0x40001011);
	}
	byp = rd(guts + 0x604);
	for (unsigned int n = 0; n < soc_pamu_count(s); n++)
		byp &= ~(0x80000000u >> n);
	wr(guts + 0x604, byp);
}

void rig::write_paace(uint16_t liodn, uint64_t base, unsigned int wse, unsigned int ap, bool valid,
		      uint64_t tables)
{
	uint64_t e = tables + 64ull * liodn;
	// word 1: WBAL 31:12, WSE 11:6, AP 4:3, V 0; word 2's CR is bit 7 of the byte at 0x0b (hw-facts 5.2)
	uint32_t w1 = (uint32_t)(base & 0xfffff000u) | (wse & 0x3f) << 6 | (ap & 3) << 3 | (valid ? 1 : 0);
	uint8_t cr = 0x80;

	for (unsigned int i = 0; i < 16; i++)
		wr(e + 4 * i, 0);
	wr(e + 0, (uint32_t)(base >> 32));
	wr(e + 4, w1);
	soc_cpu_store(s, e + 0x0b, 1, cr);
}

void rig::mpic_route(unsigned int src, uint16_t vector, unsigned int prio, bool level)
{
	uint64_t m = soc_mpic_base(s);
	// IVPR: 31 MSK, 23 P (active high), 22 S (level), 19:16 PRI, 15:0 vector; IDR bit 0 = CPU 0
	uint32_t ivpr = 1u << 23 | (level ? 1u << 22 : 0) | (prio & 0xf) << 16 | vector;

	wr(m + 0x10000 + 0x20 * src, ivpr);
	wr(m + 0x10000 + 0x20 * src + 0x10, 1);
	wr(m + 0x20080, 0);	// CPU 0 CTPR
}

} // namespace soc_test
