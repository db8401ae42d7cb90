// SPDX-License-Identifier: BSD-2-Clause
/*
 * preset_data_test.cc - Soc.Preset*: the shipped presets (socs/NAME.yaml) against the facts and against
 * the board DTBs compiled from the kernel tree (build/dtbs, cmake/Dtbs.cmake).
 *
 * Expected values come from the spec, not from the presets: the board list per SoC is soc-table.md 3,
 * the SVR ids hw-facts.md 13 (T1023/T1024: U-Boot, external), the A-004510 revisions hw-facts.md 8.1,
 * the core versions the kernel's PVR_VER_* values. The DTBs are read here with libfdt (preset_fdt.cc),
 * not through the model.
 */
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

extern "C" {
#include <libfdt.h>
}

#include "pamu.h"
#include "preset_fdt.h"
#include "soc_preset.h"

using namespace preset_test;

namespace {

/* soc-table.md 3: the 27 PAMU boards, by the preset of their SoC. */
const std::map<std::string, std::vector<std::string>> kBoards = {
	{ "p2041", { "p2041rdb", "kmcoge4" } },
	{ "p3041", { "p3041ds" } },
	{ "p4080", { "p4080ds", "oca4080" } },
	{ "p5020", { "p5020ds", "cyrus_p5020" } },
	{ "p5040", { "p5040ds" } },
	{ "t1023", { "t1023rdb" } },
	{ "t1024", { "t1024qds", "t1024rdb" } },
	{ "t1040", { "t1040rdb", "t1040rdb-rev-a", "t1040qds", "t1040d4rdb", "kmcent2" } },
	{ "t1042", { "t1042rdb", "t1042rdb_pi", "t1042qds", "t1042d4rdb" } },
	{ "t2080", { "t2080qds", "t2080rdb" } },
	{ "t2081", { "t2081qds" } },
	{ "t4240", { "t4240qds", "t4240rdb" } },
	{ "b4420", { "b4420qds" } },
	{ "b4860", { "b4860qds" } },
};

/* hw-facts.md 13 (SVR >> 8, E bit clear); T1023/T1024 are not in the kernel trees: U-Boot's values. */
const std::map<std::string, uint32_t> kSvrIds = {
	{ "p2041", 0x821001 }, { "p3041", 0x821103 }, { "p4080", 0x820000 }, { "p4080-dt", 0x820000 },
	{ "p5020", 0x822000 }, { "p5040", 0x820400 }, { "t1023", 0x854100 }, { "t1024", 0x854000 },
	{ "t1040", 0x852000 }, { "t1042", 0x852002 }, { "t2080", 0x853000 }, { "t2081", 0x853100 },
	{ "t4240", 0x824000 }, { "b4420", 0x868102 }, { "b4860", 0x868000 },
};

/* hw-facts.md 8.1: SVRs (E bit clear) for which the driver runs its A-004510 workaround. */
const std::set<uint32_t> kA004510 = {
	0x82100010, 0x82100011, 0x82100110, 0x82100111, 0x82110310, 0x82110311, 0x82010020, 0x82000020,
	0x82210010, 0x82210020, 0x82200010, 0x82050010, 0x82040010,
};

/* In file-name order ("p4080-dt.yaml" sorts before "p4080.yaml"). */
const std::vector<std::string> kPresetNames = { "b4420", "b4860", "p2041", "p3041", "p4080-dt", "p4080",
						"p5020", "p5040", "t1023", "t1024", "t1040", "t1042",
						"t2080", "t2081", "t4240" };

std::string soc_of(const std::string &preset)
{
	return preset == "p4080-dt" ? "p4080" : preset;
}

/* The presets are loaded once for the suite; gtest names are Soc.Preset*. */
class Soc : public ::testing::Test {
protected:
	static void SetUpTestSuite()
	{
		presets_ = new std::vector<soc_preset>(32);
		struct soc_error err;

		status_ = soc_preset_load_dir(socs_dir().c_str(), presets_->data(), 32, &count_, &err);
		msg_ = err.msg;
		presets_->resize(count_);
	}
	static void TearDownTestSuite()
	{
		delete presets_;
		presets_ = nullptr;
	}
	void SetUp() override
	{
		ASSERT_EQ(status_, SOC_PRESET_OK) << msg_;
	}
	static const soc_preset *find(const std::string &name)
	{
		int i = soc_preset_find(presets_->data(), count_, name.c_str());
		return i < 0 ? nullptr : &(*presets_)[i];
	}
	static std::vector<char> board_dtb(const std::string &board)
	{
		return read_dtb(dtb_dir() + "/" + board + ".dtb");
	}

	static std::vector<soc_preset> *presets_;
	static unsigned int count_;
	static enum soc_preset_status status_;
	static std::string msg_;
};

std::vector<soc_preset> *Soc::presets_;
unsigned int Soc::count_;
enum soc_preset_status Soc::status_;
std::string Soc::msg_;

}  // namespace

TEST_F(Soc, PresetEveryFileLoads)
{
	std::vector<std::string> names;

	for (const soc_preset &p : *presets_)
		names.push_back(p.name);
	EXPECT_EQ(names, kPresetNames);
	for (const soc_preset &p : *presets_) {
		EXPECT_NE(p.description[0], '\0') << p.name;
		EXPECT_GT(p.assumption_count, 0u) << p.name << ": values no public source gives must be listed";
		EXPECT_GT(p.liodn_count, 0u) << p.name;
		EXPECT_EQ(std::string(p.file), socs_dir() + "/" + p.name + ".yaml");
	}
}

TEST_F(Soc, PresetDefaultBoardIsOfItsSoc)
{
	for (const soc_preset &p : *presets_) {
		const auto &boards = kBoards.at(soc_of(p.name));

		EXPECT_NE(std::find(boards.begin(), boards.end(), p.board), boards.end()) << p.name << ": " << p.board;
		EXPECT_FALSE(board_dtb(p.board).empty()) << dtb_dir() << "/" << p.board << ".dtb";
	}
}

/* liodn-tables.md 1.4: every row with a node finds exactly one node in the default board's tree. */
TEST_F(Soc, PresetRowsMatchDefaultBoard)
{
	unsigned int rows = 0, by_addr = 0, by_ci = 0, reg_only = 0;

	for (const soc_preset &p : *presets_) {
		std::vector<char> dtb = board_dtb(p.board);
		ASSERT_FALSE(dtb.empty()) << p.board;
		for (unsigned int i = 0; i < p.liodn_count; i++) {
			const soc_fw_liodn *row = &p.liodns[i];
			std::vector<int> nodes = row_nodes(dtb.data(), row);

			rows++;
			if (row->match == SOC_LIODN_REGISTER_ONLY) {
				reg_only++;
				EXPECT_TRUE(nodes.empty());
				continue;
			}
			(row->match == SOC_LIODN_BY_ADDRESS ? by_addr : by_ci)++;
			EXPECT_EQ(nodes.size(), 1u) << p.name << ".yaml:" << row->line << ": liodns[" << i << "] ("
						    << row->device << ", " << row->compatible << ") in " << p.board
						    << ".dtb";
		}
	}
	printf("%u rows: %u by address, %u by cell-index, %u register-only\n", rows, by_addr, by_ci, reg_only);
}

/* Rows never match two nodes on the SoC's other boards either; rows without a node there are listed. */
TEST_F(Soc, PresetRowsOnOtherBoardsOfTheSoc)
{
	for (const soc_preset &p : *presets_) {
		for (const std::string &board : kBoards.at(soc_of(p.name))) {
			std::vector<char> dtb = board_dtb(board);
			unsigned int missing = 0;

			ASSERT_FALSE(dtb.empty()) << board;
			for (unsigned int i = 0; i < p.liodn_count; i++) {
				if (p.liodns[i].match == SOC_LIODN_REGISTER_ONLY)
					continue;
				size_t n = row_nodes(dtb.data(), &p.liodns[i]).size();
				EXPECT_LE(n, 1u) << p.name << " liodns[" << i << "] on " << board;
				missing += n == 0;
			}
			if (board != p.board && missing)
				printf("%s on %s: %u rows have no node there\n", p.name, board.c_str(), missing);
			if (board == p.board) {
				EXPECT_EQ(missing, 0u) << p.name;
			}
		}
	}
}

/* hw-facts.md 10: the drivers read fsl,liodn from every node with fsl,liodn-reg, every PCIe controller,
 * fsl,qman, fsl,bman and every QMan portal (two cells): the table covers all of them. */
TEST_F(Soc, PresetCoversEveryNodeTheDriversRead)
{
	for (const soc_preset &p : *presets_) {
		std::vector<char> dtb = board_dtb(p.board);
		std::map<int, const soc_fw_liodn *> given;

		ASSERT_FALSE(dtb.empty()) << p.board;
		for (unsigned int i = 0; i < p.liodn_count; i++)
			for (int n : row_nodes(dtb.data(), &p.liodns[i]))
				given[n] = &p.liodns[i];
		std::vector<int> need = driver_nodes(dtb.data());
		EXPECT_GE(need.size(), 15u) << p.name;
		for (int n : need) {
			auto it = given.find(n);

			if (it == given.end()) {
				ADD_FAILURE() << p.name << ": no row for " << node_path(dtb.data(), n) << " in "
					      << p.board;
				continue;
			}
			if (node_compatible(dtb.data(), n, "fsl,qman-portal")) {
				EXPECT_EQ(it->second->cells, 2u) << p.name << ": " << node_path(dtb.data(), n);
			}
		}
	}
}

/* LIODNs are distinct unless every row that shares one says why (checked here again, apart from the
 * loader), and the sharing the tables have on purpose is there. */
TEST_F(Soc, PresetLiodnsUniqueExceptShared)
{
	for (const soc_preset &p : *presets_) {
		std::map<uint32_t, std::vector<unsigned int>> users;

		for (unsigned int i = 0; i < p.liodn_count; i++)
			for (unsigned int k = 0; k < p.liodns[i].cells; k++) {
				EXPECT_LT(p.liodns[i].liodn[k], 4096u);
				users[p.liodns[i].liodn[k]].push_back(i);
			}
		for (const auto &u : users) {
			if (u.second.size() < 2)
				continue;
			for (unsigned int i : u.second)
				EXPECT_NE(p.liodns[i].shared_reason[0], '\0')
					<< p.name << ": LIODN " << u.first << " in liodns[" << i
					<< "] without a reason";
		}
	}
	/* P4080's four job rings share one pair (liodn-tables.md 2.1); P3041's portal 5 reuses LIODN 1 (2.3). */
	const soc_preset *p4080 = find("p4080"), *p3041 = find("p3041");
	ASSERT_TRUE(p4080 && p3041);
	unsigned int jr = 0;
	for (unsigned int i = 0; i < p4080->liodn_count; i++)
		if (!strcmp(p4080->liodns[i].compatible, "fsl,sec-v4.0-job-ring")) {
			EXPECT_EQ(p4080->liodns[i].liodn[0], 146u);
			EXPECT_EQ(p4080->liodns[i].liodn[1], 154u);
			EXPECT_NE(p4080->liodns[i].shared_reason[0], '\0');
			jr++;
		}
	EXPECT_EQ(jr, 4u);
	bool typo = false;
	for (unsigned int i = 0; i < p3041->liodn_count; i++)
		if (p3041->liodns[i].match == SOC_LIODN_BY_CELL_INDEX && p3041->liodns[i].cell_index == 5 &&
		    !strcmp(p3041->liodns[i].compatible, "fsl,qman-portal"))
			typo = p3041->liodns[i].liodn[0] == 1 && p3041->liodns[i].liodn[1] == 12;
	EXPECT_TRUE(typo);
}

/* A few rows checked value by value against liodn-tables.md 2.x, one per family. */
TEST_F(Soc, PresetSpotValuesFromTheFirmwareTables)
{
	struct Spot {
		const char *preset, *compatible;
		uint64_t addr;	/* or cell-index */
		uint32_t a, b;	/* b = ~0u: one cell */
		uint32_t guts;
	};
	const Spot spots[] = {
		{ "p4080", "fsl-usb2-mph", 0x210000, 127, ~0u, 0x520 },
		{ "p4080", "fsl,p4080-pcie", 0x202000, 195, ~0u, 0x508 },
		{ "p4080", "fsl,srio-rmu", 0xd3000, 200, ~0u, 0x540 },
		{ "p4080", "fsl,qman-portal", 9, 19, 20, 0 },
		{ "p4080", "fsl,fman-v2-port-rx", 0x590000, 84, ~0u, 0 },
		{ "p2041", "fsl,srio", 1, 199, 200, 0 },
		{ "p5020", "fsl,raideng-v1.0-job-ring", 0x322400, 63, ~0u, 0 },
		{ "p5040", "fsl,qoriq-pcie-v2.4", 0x200000, 195, ~0u, 0 },
		{ "p5040", "fsl,fman-v2-port-rx", 0x590000, 182, ~0u, 0 },
		{ "t4240", "fsl,qoriq-pcie-v3.0", 0x270000, 388, ~0u, 0 },
		{ "t4240", "fsl,qman-portal", 49, 26, 52, 0 },
		{ "t4240", "fsl,qman-portal", 24, 65, 89, 0 },
		{ "t4240", "fsl,fman-v3-port-rx", 0x591000, 1164, ~0u, 0 },
		{ "t4240", "fsl,sec-v4.0-job-ring", 0x304000, 457, 461, 0 },
		{ "t2080", "fsl,elo3-dma", 0x102300, 226, ~0u, 0x588 },
		{ "t1040", "fsl,qe", 0x140000, 559, ~0u, 0x578 },
		{ "t1024", "fsl,fman-v3-port-rx", 0x488000, 1061, ~0u, 0 },
		{ "b4860", "fsl-usb2-dr", 0x210000, 553, ~0u, 0x520 },
		{ "b4860", "fsl,qoriq-pcie-v2.4", 0x200000, 148, ~0u, 0 },
		{ "b4860", "fsl,srio", 2, 387, ~0u, 0 },
	};

	for (const Spot &s : spots) {
		const soc_preset *p = find(s.preset);
		const soc_fw_liodn *hit = nullptr;

		ASSERT_TRUE(p) << s.preset;
		for (unsigned int i = 0; i < p->liodn_count; i++) {
			const soc_fw_liodn *r = &p->liodns[i];

			if (strcmp(r->compatible, s.compatible))
				continue;
			if ((r->match == SOC_LIODN_BY_ADDRESS && r->ccsr_offset == s.addr) ||
			    (r->match == SOC_LIODN_BY_CELL_INDEX && r->cell_index == s.addr))
				hit = r;
		}
		ASSERT_TRUE(hit) << s.preset << " " << s.compatible << " " << std::hex << s.addr;
		EXPECT_EQ(hit->liodn[0], s.a) << s.preset << " " << s.compatible;
		EXPECT_EQ(hit->cells, s.b == ~0u ? 1u : 2u) << s.preset << " " << s.compatible;
		if (s.b != ~0u) {
			EXPECT_EQ(hit->liodn[1], s.b) << s.preset << " " << s.compatible;
		}
		EXPECT_EQ(hit->guts_reg, s.guts) << s.preset << " " << s.compatible;
	}
}

/* hw-facts.md 13: SVR = id << 8 | major << 4 | minor, E bit clear; P4080 2.0 (0x82000020) is the default
 * of p4080 and in the driver's A-004510 table (hw-facts.md 8.1). */
TEST_F(Soc, PresetSvrsMatchTheSocIds)
{
	for (const soc_preset &p : *presets_) {
		uint32_t id = kSvrIds.at(p.name);
		bool any_a004510 = false;

		ASSERT_GT(p.rev_count, 0u);
		ASSERT_LT(p.default_rev, p.rev_count);
		for (unsigned int r = 0; r < p.rev_count; r++) {
			const soc_preset_rev *rev = &p.revs[r];
			unsigned int major = 0, minor = 0;

			ASSERT_EQ(sscanf(rev->name, "%u.%u", &major, &minor), 2) << p.name << " " << rev->name;
			EXPECT_EQ(rev->svr >> 8, id) << p.name << " " << rev->name;
			EXPECT_EQ(rev->svr & 0xff, (major << 4) | minor) << p.name << " " << rev->name;
			EXPECT_EQ(rev->svr & 0x80000u, 0u);
			any_a004510 |= kA004510.count(rev->svr) != 0;
		}
		/* P parts: the A-004510 path is reachable; T/B parts: never (T1023 has no CCF node). */
		EXPECT_EQ(any_a004510, p.name[0] == 'p') << p.name;
	}
	const soc_preset *p = find("p4080");
	ASSERT_TRUE(p);
	EXPECT_STREQ(p->revs[p->default_rev].name, "2.0");
	EXPECT_EQ(p->revs[p->default_rev].svr, 0x82000020u);
	EXPECT_EQ(kA004510.count(p->revs[p->default_rev].svr), 1u);
}

/* The core of the PVR (the kernel's PVR_VER_E500MC/E5500/E6500) and the L2 stash rule (hw-facts.md 11)
 * follow the cpu nodes of the default board. */
TEST_F(Soc, PresetPvrAndStashFollowTheCores)
{
	const std::map<std::string, uint32_t> versions = { { "PowerPC,e500mc", 0x8023 }, { "PowerPC,e5500", 0x8024 },
							   { "PowerPC,e6500", 0x8040 } };

	for (const soc_preset &p : *presets_) {
		std::vector<char> dtb = board_dtb(p.board);
		ASSERT_FALSE(dtb.empty());
		int cpus = fdt_path_offset(dtb.data(), "/cpus");
		ASSERT_GE(cpus, 0);
		int cpu = fdt_first_subnode(dtb.data(), cpus);
		ASSERT_GE(cpu, 0);
		std::string core = fdt_get_name(dtb.data(), cpu, nullptr);
		core = core.substr(0, core.find('@'));
		ASSERT_TRUE(versions.count(core)) << p.name << ": " << core;
		for (unsigned int r = 0; r < p.rev_count; r++)
			EXPECT_EQ(p.revs[r].pvr >> 16, versions.at(core)) << p.name << " " << p.revs[r].name;
		EXPECT_EQ(p.l2_stash, core == "PowerPC,e6500" ? SOC_L2_STASH_CLUSTER : SOC_L2_STASH_PER_CORE) << p.name;
		EXPECT_EQ(p.cpu_stash_base, 32u);
		EXPECT_EQ(p.cpu_stash_stride, 2u);
		EXPECT_EQ(p.l3_stash_id, 1u);
	}
}

/* hw-facts.md 8.1: the DDR LAW covers DRAM, is not LAW 0, has a disabled LAW below it, and exists on the
 * SoC (fsl,num-laws of the tree). */
TEST_F(Soc, PresetLawsLetTheA004510PathWork)
{
	for (const soc_preset &p : *presets_) {
		std::vector<char> dtb = board_dtb(p.board);
		ASSERT_FALSE(dtb.empty());
		int law_node = fdt_node_offset_by_compatible(dtb.data(), -1, "fsl,corenet-law");
		ASSERT_GE(law_node, 0) << p.board;
		int len;
		const fdt32_t *nl =
			static_cast<const fdt32_t *>(fdt_getprop(dtb.data(), law_node, "fsl,num-laws", &len));
		ASSERT_TRUE(nl && len == 4);
		uint32_t num_laws = fdt32_to_cpu(*nl);
		const soc_law *ddr = nullptr;
		std::set<unsigned int> used;

		for (unsigned int i = 0; i < p.law_count; i++) {
			used.insert(p.laws[i].index);
			EXPECT_LT(p.laws[i].index, num_laws) << p.name;
			if (p.laws[i].base <= p.dram_base &&
			    p.dram_base + p.dram_size <= p.laws[i].base + p.laws[i].size)
				ddr = &p.laws[i];
		}
		ASSERT_TRUE(ddr) << p.name << ": no LAW covers DRAM";
		EXPECT_GT(ddr->index, 0u) << p.name;
		bool free_below = false;
		for (unsigned int i = 0; i < ddr->index; i++)
			free_below |= !used.count(i);
		EXPECT_TRUE(free_below) << p.name;
		EXPECT_EQ(ddr->target, 0x10) << p.name;
		EXPECT_GE(p.dram_size, 0x80000000ull) << p.name;
	}
}

/* MPIC: never the PIC1 erratum version; v4.3 banks (fsl,mpic-msi-v4.3) with 0x0403, v1 banks with 0x0402;
 * alias pages everywhere but the seed's p4080, which otherwise equals p4080-dt. */
TEST_F(Soc, PresetMpicAndAliasPages)
{
	for (const soc_preset &p : *presets_) {
		std::vector<char> dtb = board_dtb(p.board);
		ASSERT_FALSE(dtb.empty());
		bool v43 = fdt_node_offset_by_compatible(dtb.data(), -1, "fsl,mpic-msi-v4.3") >= 0;

		EXPECT_NE(p.mpic_version, 0x0200) << p.name;
		EXPECT_EQ(p.mpic_version, v43 ? 0x0403 : 0x0402) << p.name;
		EXPECT_EQ(p.msi_alias_pages, std::string(p.name) != "p4080") << p.name;
	}
	const soc_preset *a = find("p4080"), *b = find("p4080-dt");
	ASSERT_TRUE(a && b);
	EXPECT_TRUE(a->auto_match);
	EXPECT_FALSE(b->auto_match);
	EXPECT_STREQ(a->dt_match, b->dt_match);
	EXPECT_STREQ(a->board, b->board);
	ASSERT_EQ(a->liodn_count, b->liodn_count);
	for (unsigned int i = 0; i < a->liodn_count; i++) {
		const soc_fw_liodn *x = &a->liodns[i], *y = &b->liodns[i];

		EXPECT_TRUE(x->match == y->match && !strcmp(x->compatible, y->compatible) &&
			    x->ccsr_offset == y->ccsr_offset && x->cell_index == y->cell_index &&
			    x->cells == y->cells &&
			    x->liodn[0] == y->liodn[0] && x->liodn[1] == y->liodn[1] && x->guts_reg == y->guts_reg &&
			    !strcmp(x->device, y->device) && !strcmp(x->shared_reason, y->shared_reason))
			<< "liodns[" << i << "] differs between p4080 and p4080-dt";
	}
	ASSERT_EQ(a->rev_count, b->rev_count);
	EXPECT_EQ(memcmp(a->revs, b->revs, sizeof(a->revs)), 0);
	EXPECT_EQ(a->default_rev, b->default_rev);
	EXPECT_EQ(memcmp(&a->pamu_caps, &b->pamu_caps, sizeof(a->pamu_caps)), 0);
	EXPECT_EQ(a->mpic_version, b->mpic_version);
}

/* model/pamu/pamu_caps.c's assumed values, which the presets take over. */
TEST_F(Soc, PresetPamuCapsMatchTheModelsAssumedValues)
{
	unsigned int compared = 0;

	for (const soc_preset &p : *presets_) {
		const pamu_caps *c = pamu_builtin_caps(soc_of(p.name).c_str());

		EXPECT_EQ(p.pamu_caps.pc2 >> 16, 0xfffu) << p.name << ": max LIODN of 12-bit LIODNs";
		if (!c)
			continue;
		compared++;
		EXPECT_EQ(memcmp(c, &p.pamu_caps, sizeof(*c)), 0) << p.name;
	}
	EXPECT_GE(compared, 10u);
}

/* soc_preset_match_fdt picks each of the 27 boards' own SoC (soc-table.md 3), and a preset whose
 * dt-match names a SoC block matches only that SoC's boards, unless a board compatible wins. */
TEST_F(Soc, PresetDtMatchIdentifiesEachBoard)
{
	unsigned int boards = 0;
	std::map<std::string, std::string> soc_of_board;

	for (const auto &s : kBoards)
		for (const std::string &b : s.second)
			soc_of_board[b] = s.first;
	ASSERT_EQ(soc_of_board.size(), 27u);
	for (const auto &sb : soc_of_board) {
		std::vector<char> dtb = board_dtb(sb.first);
		struct soc_error err;

		ASSERT_FALSE(dtb.empty()) << dtb_dir() << "/" << sb.first << ".dtb";
		boards++;
		int i = soc_preset_match_fdt(presets_->data(), count_, dtb.data(), dtb.size(), sb.first.c_str(), &err);
		ASSERT_GE(i, 0) << sb.first << ": " << err.msg;
		EXPECT_EQ(std::string((*presets_)[i].name), sb.second) << sb.first;

		const char *root = node_first_compatible(dtb.data(), 0);
		for (const soc_preset &p : *presets_) {
			bool raw = false, at_root = false;

			for (unsigned int k = 0; k < p.dt_match_count; k++) {
				for (int n = 0; n >= 0; n = fdt_next_node(dtb.data(), n, nullptr)) {
					const char *c = node_first_compatible(dtb.data(), n);

					if (c && !strcmp(c, p.dt_matches[k])) {
						raw = true;
						at_root |= n == 0;
					}
				}
			}
			bool own = soc_of(p.name) == sb.second;
			/* Own SoC: always matches. Another SoC: only at SoC-block level, and only when the board's
			 * own preset matches it by its board compatible. */
			if (own) {
				EXPECT_TRUE(raw) << p.name << " does not match its board " << sb.first;
			} else if (raw) {
				EXPECT_FALSE(at_root) << p.name << " matches " << sb.first << " by its root compatible";
				const soc_preset *mine = find(sb.second);
				bool mine_at_root = false;
				for (unsigned int k = 0; mine && k < mine->dt_match_count; k++)
					mine_at_root |= root && !strcmp(root, mine->dt_matches[k]);
				EXPECT_TRUE(mine_at_root) << p.name << " also matches " << sb.first;
			}
		}
	}
	EXPECT_EQ(boards, 27u);
}

TEST_F(Soc, PresetDtMatchAmbiguityAndErrors)
{
	std::vector<char> dtb = board_dtb("p4080ds");
	ASSERT_FALSE(dtb.empty());
	const soc_preset *p4080 = find("p4080"), *t4240 = find("t4240");
	ASSERT_TRUE(p4080 && t4240);
	std::vector<soc_preset> two = { *p4080, *p4080 };
	struct soc_error err;

	strcpy(two[1].name, "p4080-copy");
	EXPECT_EQ(soc_preset_match_fdt(two.data(), 2, dtb.data(), dtb.size(), "p4080ds.dtb", &err), SOC_PRESET_AMBIGUOUS);
	EXPECT_STREQ(err.msg, "the tree matches the presets p4080 and p4080-copy equally (SoC block); choose one with "
		     "--preset");
	/* A board-compatible match beats the SoC-block one. */
	strcpy(two[1].dt_matches[0], "fsl,P4080DS");
	EXPECT_EQ(soc_preset_match_fdt(two.data(), 2, dtb.data(), dtb.size(), "p4080ds.dtb", &err), 1);
	/* Variants never match on their own. */
	two[1].auto_match = false;
	two[0].auto_match = false;
	EXPECT_EQ(soc_preset_match_fdt(two.data(), 2, dtb.data(), dtb.size(), "p4080ds.dtb", &err), SOC_PRESET_NO_MATCH);
	EXPECT_STREQ(err.msg, "no preset's dt-match names a compatible of this tree (root compatible \"fsl,P4080DS\"); "
		     "choose one with --preset");
	EXPECT_EQ(soc_preset_match_fdt(t4240, 1, dtb.data(), dtb.size(), "p4080ds.dtb", &err), SOC_PRESET_NO_MATCH);
	std::vector<char> junk(64, 0);
	EXPECT_EQ(soc_preset_match_fdt(presets_->data(), count_, junk.data(), junk.size(), "junk.dtb", &err),
		  SOC_PRESET_BAD_FDT);
	EXPECT_STREQ(err.msg, "junk.dtb: /: header: expected magic 0xd00dfeed, found 0x00000000 (not a DTB)");
	EXPECT_EQ(soc_preset_match_fdt(presets_->data(), count_, nullptr, 0, "none.dtb", nullptr), SOC_PRESET_BAD_FDT);
	/* A truncated blob whose header claims more: refused from the header, never read past its end. */
	std::vector<char> head(dtb.begin(), dtb.begin() + 300);
	EXPECT_EQ(soc_preset_match_fdt(presets_->data(), count_, head.data(), head.size(), "cut.dtb", &err),
		  SOC_PRESET_BAD_FDT);
	EXPECT_NE(std::string(err.msg).find("cut.dtb: /: header: expected totalsize"), std::string::npos) << err.msg;
}
