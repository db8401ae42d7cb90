// SPDX-License-Identifier: BSD-2-Clause
/*
 * preset_load_test.cc - Soc.Preset*: the YAML loader's answers to good and bad input, with the exact
 * messages (../shared/DESIGN.md: "file:line:column: field: what was expected, what was found").
 *
 * Schema: docs/socs.md. Every case starts from one valid preset (kValid below, lines numbered in the
 * comments) and changes one line, so the expected line and column can be read off the text.
 */
#include <gtest/gtest.h>

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "preset_fdt.h"
#include "soc_preset.h"

namespace {

/* Lines 1..21. */
const char *const kValid[] = {
	"name: test",								/* 1 */
	"description: a test preset",						/* 2 */
	"dt-match: \"fsl,test-l3-cache-controller\"",				/* 3 */
	"auto-match: true",							/* 4 */
	"board: testboard",							/* 5 */
	"revisions:",								/* 6 */
	"  - {rev: \"1.0\", svr: 0x82000010, pvr: 0x80230010, erratum-a003638: true}",	/* 7 */
	"  - {rev: \"2.0\", svr: 0x82000020, pvr: 0x80230020, erratum-a003638: false}",	/* 8 */
	"default-revision: \"2.0\"",						/* 9 */
	"dram: {base: 0x0, size: 0x80000000}",					/* 10 */
	"laws:",								/* 11 */
	"  - {index: 31, base: 0x0, size: 0x80000000, target: 0x10}",		/* 12 */
	"pamu: {pr1: 0x100, pr2: 0, pc1: 0, pc2: 0x0fff0000, pc3: 0x00e00000, pc4: 0}",	/* 13 */
	"mpic: {version: 0x0402, msi-alias-pages: true}",			/* 14 */
	"stash: {cpu-base: 32, cpu-stride: 2, l2: per-core, l3: 1}",		/* 15 */
	"liodns:",								/* 16 */
	"  - {device: USB1, compatible: \"fsl-usb2-mph\", address: 0x210000, liodn: [127], guts-reg: 0x520}",	/* 17 */
	"  - {device: \"QMan portal 0\", compatible: \"fsl,qman-portal\", cell-index: 0, liodn: [1, 2]}",	/* 18 */
	"  - {device: DECO0, register-only: true, liodn: [129, 161]}",		/* 19 */
	"assumptions:",								/* 20 */
	"  - \"values are made up for the test\"",				/* 21 */
};
constexpr int kLines = sizeof(kValid) / sizeof(kValid[0]);

const char *const kTopKeys = "name, description, dt-match, auto-match, board, revisions, default-revision, dram, "
			     "laws, pamu, mpic, stash, liodns, assumptions, timing";

class TempDir {
public:
	TempDir()
	{
		char tmpl[] = "/tmp/pamusim-preset-XXXXXX";
		const char *d = mkdtemp(tmpl);

		dir_ = d ? d : "";
	}
	~TempDir()
	{
		DIR *d = opendir(dir_.c_str());
		struct dirent *de;

		while (d && (de = readdir(d)))
			if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
				unlink((dir_ + "/" + de->d_name).c_str());
		if (d)
			closedir(d);
		rmdir(dir_.c_str());
	}
	std::string write(const std::string &name, const std::string &text) const
	{
		std::string path = dir_ + "/" + name;
		std::ofstream f(path, std::ios::binary);

		f << text;
		return path;
	}
	const std::string &path() const { return dir_; }

private:
	std::string dir_;
};

std::string valid_text()
{
	std::string s;

	for (int i = 0; i < kLines; i++)
		s += std::string(kValid[i]) + "\n";
	return s;
}

/* kValid with `count` lines from `line` (1-based) replaced by `text` ("" deletes them; text may hold
 * several lines). */
std::string with_line(int line, const std::string &text, int count = 1)
{
	std::string s;

	for (int i = 0; i < kLines; i++) {
		if (i + 1 == line) {
			if (!text.empty())
				s += text + "\n";
		} else if (i + 1 < line || i + 1 >= line + count) {
			s += std::string(kValid[i]) + "\n";
		}
	}
	return s;
}

struct Result {
	enum soc_preset_status status;
	std::string msg;
	std::string path;
};

Result load_text(const std::string &text, std::unique_ptr<soc_preset> *keep = nullptr)
{
	TempDir dir;
	std::string path = dir.write("t.yaml", text);
	std::unique_ptr<soc_preset> p(new soc_preset());
	struct soc_error err;

	enum soc_preset_status st = soc_preset_load(path.c_str(), p.get(), &err);
	if (keep)
		*keep = std::move(p);
	return { st, st == SOC_PRESET_OK ? "" : err.msg, path };
}

/* The message with the temporary path replaced by "F", so expectations read "F:line:col: ...". */
std::string rel(const Result &r)
{
	std::string m = r.msg;

	if (m.compare(0, r.path.size(), r.path) == 0)
		m = "F" + m.substr(r.path.size());
	return m;
}

TEST(Soc, PresetLoadsValidFile)
{
	std::unique_ptr<soc_preset> p;
	Result r = load_text(valid_text(), &p);

	ASSERT_EQ(r.status, SOC_PRESET_OK) << r.msg;
	EXPECT_STREQ(p->name, "test");
	EXPECT_STREQ(p->description, "a test preset");
	EXPECT_STREQ(p->dt_match, "fsl,test-l3-cache-controller");
	EXPECT_EQ(p->dt_match_count, 1u);
	EXPECT_TRUE(p->auto_match);
	EXPECT_STREQ(p->board, "testboard");
	ASSERT_EQ(p->rev_count, 2u);
	EXPECT_STREQ(p->revs[1].name, "2.0");
	EXPECT_EQ(p->revs[0].svr, 0x82000010u);
	EXPECT_EQ(p->revs[1].pvr, 0x80230020u);
	EXPECT_TRUE(p->revs[0].erratum_a003638);
	EXPECT_FALSE(p->revs[1].erratum_a003638);
	EXPECT_EQ(p->default_rev, 1u);
	EXPECT_EQ(p->dram_base, 0u);
	EXPECT_EQ(p->dram_size, 0x80000000ull);
	ASSERT_EQ(p->law_count, 1u);
	EXPECT_EQ(p->laws[0].index, 31u);
	EXPECT_EQ(p->laws[0].size, 0x80000000ull);
	EXPECT_EQ(p->laws[0].target, 0x10);
	EXPECT_EQ(p->pamu_caps.pr1, 0x100u);
	EXPECT_EQ(p->pamu_caps.pc2, 0x0fff0000u);
	EXPECT_EQ(p->pamu_caps.pc3, 0x00e00000u);
	EXPECT_EQ(p->mpic_version, 0x0402);
	EXPECT_TRUE(p->msi_alias_pages);
	EXPECT_EQ(p->cpu_stash_base, 32u);
	EXPECT_EQ(p->cpu_stash_stride, 2u);
	EXPECT_EQ(p->l2_stash, SOC_L2_STASH_PER_CORE);
	EXPECT_EQ(p->l3_stash_id, 1u);
	ASSERT_EQ(p->liodn_count, 3u);
	EXPECT_EQ(p->liodns[0].match, SOC_LIODN_BY_ADDRESS);
	EXPECT_STREQ(p->liodns[0].compatible, "fsl-usb2-mph");
	EXPECT_EQ(p->liodns[0].ccsr_offset, 0x210000u);
	EXPECT_EQ(p->liodns[0].cells, 1u);
	EXPECT_EQ(p->liodns[0].liodn[0], 127u);
	EXPECT_EQ(p->liodns[0].guts_reg, 0x520u);
	EXPECT_STREQ(p->liodns[0].device, "USB1");
	EXPECT_EQ(p->liodns[0].line, 17u);
	EXPECT_EQ(p->liodns[1].match, SOC_LIODN_BY_CELL_INDEX);
	EXPECT_EQ(p->liodns[1].cell_index, 0u);
	EXPECT_EQ(p->liodns[1].cells, 2u);
	EXPECT_EQ(p->liodns[1].liodn[1], 2u);
	EXPECT_EQ(p->liodns[1].guts_reg, 0u);
	EXPECT_EQ(p->liodns[2].match, SOC_LIODN_REGISTER_ONLY);
	EXPECT_STREQ(p->liodns[2].compatible, "");
	EXPECT_EQ(p->liodns[2].line, 19u);
	ASSERT_EQ(p->assumption_count, 1u);
	EXPECT_STREQ(p->assumptions[0], "values are made up for the test");
	EXPECT_EQ(std::string(p->file), r.path);
	EXPECT_EQ(soc_preset_find_rev(p.get(), "1.0"), 0);
	EXPECT_EQ(soc_preset_find_rev(p.get(), "2.0"), 1);
	EXPECT_EQ(soc_preset_find_rev(p.get(), "9.9"), -1);
	EXPECT_EQ(soc_preset_find_rev(p.get(), nullptr), -1);
	EXPECT_EQ(soc_preset_find(p.get(), 1, "test"), 0);
	EXPECT_EQ(soc_preset_find(p.get(), 1, "p4080"), -1);
}

TEST(Soc, PresetOptionalFieldsAndDtMatchList)
{
	std::unique_ptr<soc_preset> p;
	std::string text = with_line(3, "dt-match: [\"fsl,A\", \"fsl,B\"]");

	/* laws and assumptions may be left out. */
	text = text.substr(0, text.find("laws:")) + text.substr(text.find("pamu:"));
	text = text.substr(0, text.find("assumptions:"));
	Result r = load_text(text, &p);
	ASSERT_EQ(r.status, SOC_PRESET_OK) << r.msg;
	EXPECT_EQ(p->dt_match_count, 2u);
	EXPECT_STREQ(p->dt_matches[1], "fsl,B");
	EXPECT_STREQ(p->dt_match, "fsl,A");
	EXPECT_EQ(p->law_count, 0u);
	EXPECT_EQ(p->assumption_count, 0u);
}

struct Case {
	int line;
	std::string text;
	enum soc_preset_status status;
	std::string msg;	/* with the path written as F */
	int count = 1;		/* lines replaced */
};

void run_cases(const std::vector<Case> &cases)
{
	for (const Case &c : cases) {
		Result r = load_text(with_line(c.line, c.text, c.count));

		EXPECT_EQ(r.status, c.status) << "line " << c.line << ": " << c.text << "\n  " << r.msg;
		EXPECT_EQ(rel(r), c.msg) << "line " << c.line << ": " << c.text;
	}
}

TEST(Soc, PresetBadUnknownKey)
{
	run_cases({
		{ 10, "dram: {base: 0x0, size: 0x80000000, bsae: 1}", SOC_PRESET_INVALID,
		  "F:10:37: dram.bsae: expected one of base, size, found an unknown key \"bsae\"" },
		{ 21, "  - \"x\"\ncolour: blue", SOC_PRESET_INVALID,
		  std::string("F:22:1: colour: expected one of ") + kTopKeys + ", found an unknown key \"colour\"" },
		{ 19, "  - {device: DECO0, register-only: true, liodn: [129, 161], liodns: [3]}", SOC_PRESET_INVALID,
		  "F:19:61: liodns[2].liodns: expected one of device, compatible, address, cell-index, register-only, "
		  "liodn, guts-reg, shared, found an unknown key \"liodns\"" },
		{ 8, "  - {rev: \"2.0\", svr: 0x82000020, pvr: 0x80230020, erratum-a003638: false, erratum-a004510: true}",
		  SOC_PRESET_INVALID, "F:8:76: revisions[1].erratum-a004510: expected one of rev, svr, pvr, "
		  "erratum-a003638, found an unknown key \"erratum-a004510\"" },
	});
}

TEST(Soc, PresetBadType)
{
	run_cases({
		/* The DESIGN.md example, verbatim apart from the file name. */
		{ 8, "  - {rev: \"2.0\", svr: abc, pvr: 0x80230020, erratum-a003638: false}", SOC_PRESET_INVALID,
		  "F:8:23: revisions[1].svr: expected a 32-bit integer, found \"abc\"" },
		{ 4, "auto-match: yes", SOC_PRESET_INVALID, "F:4:13: auto-match: expected true or false, found \"yes\"" },
		{ 4, "auto-match: \"true\"", SOC_PRESET_INVALID, "F:4:13: auto-match: expected true or false, found "
		  "\"true\" (quoted: write true or false without quotes)" },
		{ 5, "board: [a]", SOC_PRESET_INVALID, "F:5:8: board: expected a non-empty string, found a list" },
		{ 5, "board:", SOC_PRESET_INVALID, "F:5:7: board: expected a non-empty string, found nothing" },
		{ 6, "revisions: {rev: x}", SOC_PRESET_INVALID,
		  "F:6:12: revisions: expected a list of revisions, found a mapping", 3 },
		{ 15, "stash: {cpu-base: 32, cpu-stride: 2, l2: shared, l3: 1}", SOC_PRESET_INVALID,
		  "F:15:42: stash.l2: expected none, per-core or cluster, found \"shared\"" },
		{ 17, "  - {device: USB1, compatible: \"fsl-usb2-mph\", address: 0x210000, liodn: 127, guts-reg: 0x520}",
		  SOC_PRESET_INVALID, "F:17:74: liodns[0].liodn: expected a list of one or two LIODNs, found \"127\"" },
		{ 21, "  - [a]", SOC_PRESET_INVALID, "F:21:5: assumptions[0]: expected a string, found a list" },
		{ 10, "dram: 2GiB", SOC_PRESET_INVALID, "F:10:7: dram: expected a mapping {base, size}, found \"2GiB\"" },
	});
}

TEST(Soc, PresetBadMissingField)
{
	run_cases({
		{ 7, "  - {rev: \"1.0\", svr: 0x82000010, erratum-a003638: true}", SOC_PRESET_INVALID,
		  "F:7:5: revisions[0].pvr: expected a 32-bit integer, found nothing (the field is missing)" },
		{ 5, "", SOC_PRESET_INVALID, "F:1:1: board: expected a board name (its DTB file name without .dtb), "
		  "found nothing (the field is missing)" },
		{ 13, "pamu: {pr1: 0x100, pr2: 0, pc1: 0, pc2: 0x0fff0000, pc3: 0x00e00000}", SOC_PRESET_INVALID,
		  "F:13:7: pamu.pc4: expected a 32-bit integer, found nothing (the field is missing)" },
		{ 17, "  - {device: USB1, address: 0x210000, liodn: [127], guts-reg: 0x520}", SOC_PRESET_INVALID,
		  "F:17:5: liodns[0].compatible: expected the node's compatible string, found nothing (the field is "
		  "missing)" },
		{ 17, "  - {device: USB1, compatible: \"fsl-usb2-mph\", liodn: [127]}", SOC_PRESET_INVALID,
		  "F:17:5: liodns[0]: expected exactly one of address, cell-index or register-only: true, found none" },
		{ 9, "", SOC_PRESET_INVALID, "F:1:1: default-revision: expected the name of one of the revisions, found "
		  "nothing (the field is missing)" },
	});
}

TEST(Soc, PresetBadDuplicateKey)
{
	run_cases({
		{ 2, "name: again\ndescription: a test preset", SOC_PRESET_INVALID,
		  "F:2:1: name: expected each key once, found a second \"name\" (the first is at line 1)" },
		{ 10, "dram: {base: 0x0, base: 0x1000, size: 0x80000000}", SOC_PRESET_INVALID,
		  "F:10:19: dram.base: expected each key once, found a second \"base\" (the first is at line 10)" },
		{ 19, "  - {device: DECO0, register-only: true, liodn: [129, 161], liodn: [1]}", SOC_PRESET_INVALID,
		  "F:19:61: liodns[2].liodn: expected each key once, found a second \"liodn\" (the first is at line 19)" },
	});
}

TEST(Soc, PresetBadNumber)
{
	const char *pre = "pamu: {pr1: ", *post = ", pr2: 0, pc1: 0, pc2: 0x0fff0000, pc3: 0x00e00000, pc4: 0}";
	const struct {
		const char *value;
		const char *found;
	} bad[] = {
		{ "abc", "\"abc\"" }, { "0x", "\"0x\"" }, { "012", "\"012\"" }, { "-1", "\"-1\"" }, { "+1", "\"+1\"" },
		{ "1e3", "\"1e3\"" }, { "0x1_0", "\"0x1_0\"" }, { "0x10g", "\"0x10g\"" }, { "1.5", "\"1.5\"" },
		{ "0x100000000", "0x100000000 (too large)" }, { "4294967296", "4294967296 (too large)" },
		{ "0xffffffffffffffffffff", "0xffffffffffffffffffff (too large)" },
		{ "99999999999999999999999999", "99999999999999999999999999 (too large)" },
		{ "\"0x10\"", "the quoted string \"0x10\" (numbers are written without quotes)" },
		{ "'16'", "the quoted string \"16\" (numbers are written without quotes)" },
	};

	for (const auto &b : bad) {
		Result r = load_text(with_line(13, std::string(pre) + b.value + post));

		EXPECT_EQ(r.status, SOC_PRESET_INVALID) << b.value;
		EXPECT_EQ(rel(r), std::string("F:13:13: pamu.pr1: expected a 32-bit integer, found ") + b.found);
	}
	/* Accepted spellings: upper-case hex, 0, the largest value. */
	for (const char *ok : { "0X1F", "0xAbC", "0", "4294967295", "0xffffffff" }) {
		Result r = load_text(with_line(13, std::string(pre) + ok + post));

		EXPECT_EQ(r.status, SOC_PRESET_OK) << ok << ": " << r.msg;
	}
	run_cases({
		{ 14, "mpic: {version: 0x10000, msi-alias-pages: true}", SOC_PRESET_INVALID,
		  "F:14:17: mpic.version: expected a 16-bit integer, found 0x10000 (too large)" },
		{ 15, "stash: {cpu-base: 256, cpu-stride: 2, l2: per-core, l3: 1}", SOC_PRESET_INVALID,
		  "F:15:19: stash.cpu-base: expected an 8-bit stash id, found 256 (too large)" },
		{ 12, "  - {index: 32, base: 0x0, size: 0x80000000, target: 0x10}", SOC_PRESET_INVALID,
		  "F:12:13: laws[0].index: expected a LAW number below 32, found 32 (too large)" },
		{ 17, "  - {device: USB1, compatible: \"fsl-usb2-mph\", address: 0x1000000, liodn: [127]}",
		  SOC_PRESET_INVALID, "F:17:57: liodns[0].address: expected a CCSR offset below 0x1000000, found "
		  "0x1000000 (too large)" },
	});
}

TEST(Soc, PresetBadLiodnOutOfRange)
{
	run_cases({
		{ 17, "  - {device: USB1, compatible: \"fsl-usb2-mph\", address: 0x210000, liodn: [4096], guts-reg: 0x520}",
		  SOC_PRESET_INVALID, "F:17:75: liodns[0].liodn[0]: expected a LIODN below 4096 (12 bits), found 4096 "
		  "(too large)" },
		{ 18, "  - {device: P, compatible: \"fsl,qman-portal\", cell-index: 0, liodn: [1, 0x1000]}",
		  SOC_PRESET_INVALID, "F:18:74: liodns[1].liodn[1]: expected a LIODN below 4096 (12 bits), found 0x1000 "
		  "(too large)" },
		{ 18, "  - {device: P, compatible: \"fsl,qman-portal\", cell-index: 0, liodn: [1, 2, 3]}",
		  SOC_PRESET_INVALID, "F:18:70: liodns[1].liodn: expected a list of one or two LIODNs, found 3" },
		{ 18, "  - {device: P, compatible: \"fsl,qman-portal\", cell-index: 0, liodn: []}",
		  SOC_PRESET_INVALID, "F:18:70: liodns[1].liodn: expected a list of one or two LIODNs, found 0" },
	});
	/* 4095 is the largest 12-bit LIODN. */
	Result r = load_text(with_line(19, "  - {device: DECO0, register-only: true, liodn: [129, 4095]}"));
	EXPECT_EQ(r.status, SOC_PRESET_OK) << r.msg;
}

TEST(Soc, PresetBadDuplicateLiodnWithoutShared)
{
	const std::string why = ", shared: \"on purpose\"}";

	run_cases({
		/* The later row has no reason: it is named. */
		{ 19, "  - {device: DECO0, register-only: true, liodn: [129, 127]}", SOC_PRESET_INVALID,
		  "F:19:55: liodns[2].liodn[1]: expected a LIODN no other row uses, or a shared: reason on every row "
		  "that uses it, found 127 (also in liodns[0])" },
		/* The later row has one, the first does not: the first is named. */
		{ 19, "  - {device: DECO0, register-only: true, liodn: [129, 127]" + why, SOC_PRESET_INVALID,
		  "F:17:75: liodns[0].liodn[0]: expected a LIODN no other row uses, or a shared: reason on every row "
		  "that uses it, found 127 (also in liodns[2])" },
		/* One row using a LIODN twice shares it with itself. */
		{ 18, "  - {device: P, compatible: \"fsl,qman-portal\", cell-index: 0, liodn: [5, 5]}", SOC_PRESET_INVALID,
		  "F:18:74: liodns[1].liodn[1]: expected a LIODN no other row uses, or a shared: reason on every row "
		  "that uses it, found 5 (also in liodns[1])" },
		/* A reason on a row that shares nothing is a mistake too. */
		{ 19, "  - {device: DECO0, register-only: true, liodn: [129, 161]" + why, SOC_PRESET_INVALID,
		  "F:19:61: liodns[2].shared: expected only on a row whose LIODN another row uses too, found a reason "
		  "on a row whose LIODNs are its own" },
	});
	/* Both rows say why: accepted. */
	std::string text = with_line(19, "  - {device: DECO0, register-only: true, liodn: [129, 127]" + why);
	text.replace(text.find("guts-reg: 0x520}"), 16, "guts-reg: 0x520, shared: \"on purpose\"}");
	std::unique_ptr<soc_preset> p;
	Result r = load_text(text, &p);
	ASSERT_EQ(r.status, SOC_PRESET_OK) << r.msg;
	EXPECT_STREQ(p->liodns[0].shared_reason, "on purpose");
}

TEST(Soc, PresetBadAliasAndAnchorRefused)
{
	run_cases({
		{ 10, "dram: &d {base: 0x0, size: 0x80000000}", SOC_PRESET_SYNTAX,
		  "F:10:7: document: expected plain data without anchors or aliases, found the anchor &d" },
		{ 21, "  - *d", SOC_PRESET_SYNTAX,
		  "F:21:5: document: expected plain data without anchors or aliases, found the alias *d" },
		{ 1, "name: &n test", SOC_PRESET_SYNTAX,
		  "F:1:7: document: expected plain data without anchors or aliases, found the anchor &n" },
		{ 5, "board: !!str testboard", SOC_PRESET_SYNTAX,
		  "F:5:8: document: expected plain data without tags, found the tag tag:yaml.org,2002:str" },
	});
	/* The billion-laughs shape stops at the first anchor, long before any expansion. */
	std::string laughs = "a: &a [\"lol\", \"lol\"]\nb: &b [*a, *a, *a, *a]\nc: [*b, *b, *b, *b]\n";
	Result r = load_text(laughs);
	EXPECT_EQ(r.status, SOC_PRESET_SYNTAX);
	EXPECT_EQ(rel(r), "F:1:4: document: expected plain data without anchors or aliases, found the anchor &a");
}

TEST(Soc, PresetBadDeepNestingRefused)
{
	run_cases({
		{ 21, "  - [[[[[[[\"x\"]]]]]]]", SOC_PRESET_SYNTAX,
		  "F:21:11: document: expected at most 8 levels of nesting, found deeper nesting" },
	});
	/* A hundred thousand levels: refused at the ninth, no recursion, no crash. */
	std::string deep = "a: " + std::string(100000, '[') + std::string(100000, ']') + "\n";
	Result r = load_text(deep);
	EXPECT_EQ(r.status, SOC_PRESET_SYNTAX);
	EXPECT_EQ(rel(r), "F:1:11: document: expected at most 8 levels of nesting, found deeper nesting");
	/* Eight levels are fine for the parser (the schema then refuses the value). */
	r = load_text(with_line(21, "  - [[[[[[\"x\"]]]]]]"));
	EXPECT_EQ(r.status, SOC_PRESET_INVALID);
	EXPECT_EQ(rel(r), "F:21:5: assumptions[0]: expected a string, found a list");
}

TEST(Soc, PresetBadUtf8Refused)
{
	const struct {
		const char *before;	/* ASCII before the bad sequence */
		const char *bytes;
		bool at_end;		/* the file ends inside the sequence */
	} bad[] = {
		{ "caf", "\xe9 au lait", false },	/* Latin-1, not UTF-8 */
		{ "", "\xc0\xaf", false },		/* overlong '/' */
		{ "", "\xe0\x80\xaf", false },		/* overlong, three bytes */
		{ "", "\xed\xa0\x80", false },		/* UTF-16 surrogate */
		{ "", "\xf4\x90\x80\x80", false },	/* above U+10FFFF */
		{ "ab", "\xff", false },
		{ "ok ", "\xe2\x82", true },		/* cut short by the end of the file */
	};

	for (const auto &b : bad) {
		std::string line = std::string("description: \"") + b.before + b.bytes;
		std::string text = b.at_end ? std::string(kValid[0]) + "\n" + line : with_line(2, line + "\"");
		Result r = load_text(text);
		char expect[128];

		/* `description: "` is 14 characters: the text starts in column 15. */
		snprintf(expect, sizeof(expect), "F:2:%zu: document: expected UTF-8 text, found the byte 0x%02x",
			 15 + strlen(b.before), static_cast<unsigned char>(b.bytes[0]));
		EXPECT_EQ(r.status, SOC_PRESET_SYNTAX);
		EXPECT_EQ(rel(r), expect);
	}
	/* Real UTF-8 (two, three and four bytes) is text like any other. */
	std::unique_ptr<soc_preset> p;
	Result r = load_text(with_line(2, "description: \"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\""), &p);
	ASSERT_EQ(r.status, SOC_PRESET_OK) << r.msg;
	EXPECT_STREQ(p->description, "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80");
}

TEST(Soc, PresetBadEmptyAndNonMapping)
{
	const struct {
		const char *text;
		const char *msg;
	} cases[] = {
		{ "", "F:1:1: (top level): expected a mapping of preset fields, found an empty document" },
		{ "# only a comment\n", "F:1:1: (top level): expected a mapping of preset fields, found an empty document" },
		{ "---\n", "F:2:1: (top level): expected a mapping of preset fields, found nothing" },
		{ "- a\n- b\n", "F:1:1: (top level): expected a mapping of preset fields, found a list" },
		{ "hello\n", "F:1:1: (top level): expected a mapping of preset fields, found \"hello\"" },
	};

	for (const auto &c : cases) {
		Result r = load_text(c.text);

		EXPECT_EQ(r.status, SOC_PRESET_INVALID) << c.text;
		EXPECT_EQ(rel(r), c.msg);
	}
}

TEST(Soc, PresetBadSyntaxAndDocuments)
{
	Result r = load_text(with_line(5, "board: [unclosed"));
	EXPECT_EQ(r.status, SOC_PRESET_SYNTAX);
	EXPECT_EQ(rel(r).rfind("F:", 0), 0u) << r.msg;
	EXPECT_NE(rel(r).find(": document: expected valid YAML, found "), std::string::npos) << r.msg;

	r = load_text(valid_text() + "---\nname: second\n");
	EXPECT_EQ(r.status, SOC_PRESET_SYNTAX);
	EXPECT_EQ(rel(r), "F:22:1: document: expected one YAML document, found a second one");

	/* A NUL byte is a control character libyaml refuses; the position is still given. */
	r = load_text(std::string("name: te\0st\n", 12));
	EXPECT_EQ(r.status, SOC_PRESET_SYNTAX);
	EXPECT_EQ(rel(r).rfind("F:1:9: document: expected valid YAML, found ", 0), 0u) << r.msg;
}

TEST(Soc, PresetBadFileTooLarge)
{
	std::string big = valid_text() + "#" + std::string(1u << 20, 'x') + "\n";
	Result r = load_text(big);

	EXPECT_EQ(r.status, SOC_PRESET_SYNTAX);
	EXPECT_EQ(rel(r), "F:1:1: document: expected a file of at most 1048576 bytes, found a larger one");
	/* Just under the limit is read whole. */
	std::string fits = valid_text();
	fits += "#" + std::string((1u << 20) - fits.size() - 2, 'x') + "\n";
	ASSERT_EQ(fits.size(), (1u << 20) - 0u);
	r = load_text(fits);
	EXPECT_EQ(r.status, SOC_PRESET_OK) << r.msg;
}

TEST(Soc, PresetBadSemantics)
{
	run_cases({
		{ 9, "default-revision: \"9.9\"", SOC_PRESET_INVALID,
		  "F:9:19: default-revision: expected the name of one of the revisions, found \"9.9\"" },
		{ 8, "  - {rev: \"1.0\", svr: 0x82000020, pvr: 0x80230020, erratum-a003638: false}", SOC_PRESET_INVALID,
		  "F:8:11: revisions[1].rev: expected each revision once, found \"1.0\" again" },
		{ 8, "  - {rev: \"2.0\", svr: 0x82080020, pvr: 0x80230020, erratum-a003638: false}", SOC_PRESET_INVALID,
		  "F:8:23: revisions[1].svr: expected the SVR with the security (E) bit 0x80000 clear, found 0x82080020" },
		{ 8, "  - {rev: \"2 0\", svr: 0x82000020, pvr: 0x80230020, erratum-a003638: false}", SOC_PRESET_INVALID,
		  "F:8:11: revisions[1].rev: expected a revision name such as \"2.0\" (digits, letters and dots), found "
		  "\"2 0\"" },
		{ 6, "revisions: []", SOC_PRESET_INVALID, "F:6:12: revisions: expected 1 to 8 revisions, found 0", 3 },
		{ 12, "  - {index: 31, base: 0x0, size: 0x60000000, target: 0x10}", SOC_PRESET_INVALID,
		  "F:12:34: laws[0].size: expected a power of two from 4 KiB to 64 GiB, found 0x60000000" },
		{ 12, "  - {index: 31, base: 0x1000, size: 0x80000000, target: 0x10}", SOC_PRESET_INVALID,
		  "F:12:23: laws[0].base: expected a 36-bit address aligned to the LAW size 0x80000000, found 0x1000" },
		{ 12, "  - {index: 31, base: 0x0, size: 0x80000000, target: 0x10}\n"
		      "  - {index: 30, base: 0x40000000, size: 0x40000000, target: 0x10}", SOC_PRESET_INVALID,
		  "F:13:23: laws[1].base: expected a window no other LAW covers, found one that overlaps laws[0] (LAW 31)" },
		{ 12, "  - {index: 31, base: 0x0, size: 0x80000000, target: 0x10}\n"
		      "  - {index: 31, base: 0x80000000, size: 0x1000, target: 0x10}", SOC_PRESET_INVALID,
		  "F:13:13: laws[1].index: expected each LAW number once, found 31 again" },
		{ 10, "dram: {base: 0x800, size: 0x80000000}", SOC_PRESET_INVALID,
		  "F:10:14: dram.base: expected a 36-bit address aligned to 4 KiB, found 0x800" },
		{ 10, "dram: {base: 0xf00000000, size: 0x200000000}", SOC_PRESET_INVALID,
		  "F:10:33: dram.size: expected a non-zero multiple of 4 KiB ending at or below 2^36, found 0x200000000" },
		{ 17, "  - {device: USB1, compatible: \"fsl-usb2-mph\", address: 0x210000, liodn: [127], guts-reg: 0x600}",
		  SOC_PRESET_INVALID, "F:17:91: liodns[0].guts-reg: expected a GUTS LIODN register offset (0x500-0x588), "
		  "found \"0x600\"" },
		{ 17, "  - {device: USB1, compatible: \"fsl-usb2-mph\", address: 0x210000, cell-index: 1, liodn: [127]}",
		  SOC_PRESET_INVALID, "F:17:5: liodns[0]: expected exactly one of address, cell-index or register-only: "
		  "true, found more than one" },
		{ 18, "  - {device: U, compatible: \"fsl-usb2-mph\", address: 0x210000, liodn: [1, 2]}", SOC_PRESET_INVALID,
		  "F:18:5: liodns[1]: expected each node once, found the node of liodns[0] again" },
		{ 2, "description: |\n  two\n  lines", SOC_PRESET_INVALID,
		  "F:2:14: description: expected a one-line description, found several lines" },
		{ 1, "name: P4080", SOC_PRESET_INVALID, "F:1:7: name: expected a preset name of lower-case letters, digits, "
		  "'-' and '.', found \"P4080\"" },
		{ 1, "name: " + std::string(40, 'a'), SOC_PRESET_INVALID, "F:1:7: name: expected at most 31 characters, found 40" },
		{ 3, "dt-match: []", SOC_PRESET_INVALID,
		  "F:3:11: dt-match: expected a compatible string or a list of 1 to 8 of them, found an empty list" },
		{ 3, "dt-match: [\"a\", {b: c}]", SOC_PRESET_INVALID,
		  "F:3:17: dt-match[1]: expected a compatible string, found a mapping" },
	});
}

TEST(Soc, PresetBadIo)
{
	std::unique_ptr<soc_preset> p(new soc_preset());
	struct soc_error err;
	TempDir dir;

	EXPECT_EQ(soc_preset_load((dir.path() + "/missing.yaml").c_str(), p.get(), &err), SOC_PRESET_IO);
	EXPECT_EQ(std::string(err.msg), dir.path() + "/missing.yaml: cannot read the preset: No such file or directory");
	EXPECT_EQ(soc_preset_load(dir.path().c_str(), p.get(), &err), SOC_PRESET_IO);
	EXPECT_EQ(std::string(err.msg), dir.path() + ": cannot read the preset: Is a directory");
	EXPECT_EQ(soc_preset_load(nullptr, p.get(), &err), SOC_PRESET_IO);
	EXPECT_EQ(soc_preset_load("x", nullptr, nullptr), SOC_PRESET_IO);
	/* err is optional. */
	EXPECT_EQ(soc_preset_load((dir.path() + "/missing.yaml").c_str(), p.get(), nullptr), SOC_PRESET_IO);
}

TEST(Soc, PresetErrorLeavesPresetZeroed)
{
	std::unique_ptr<soc_preset> p;
	Result r = load_text(with_line(21, "  - [a]"), &p);

	ASSERT_EQ(r.status, SOC_PRESET_INVALID);
	/* Fields loaded before the error are not left behind half-filled. */
	EXPECT_STREQ(p->name, "");
	EXPECT_EQ(p->liodn_count, 0u);
	EXPECT_EQ(p->rev_count, 0u);
}

/* Every prefix of a real preset, and random byte damage: an answer every time, never a crash or a leak
 * (the ASan build runs this too). */
TEST(Soc, PresetNeverCrashesOnDamagedFiles)
{
	std::ifstream f(preset_test::socs_dir() + "/p4080.yaml", std::ios::binary);
	std::string good((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
	ASSERT_GT(good.size(), 1000u);
	TempDir dir;
	std::string path = dir.path() + "/d.yaml";
	std::unique_ptr<soc_preset> p(new soc_preset());
	struct soc_error err;
	unsigned int ok = 0, bad = 0;
	std::mt19937 rng(20260224);

	auto check = [&](const std::string &text) {
		{
			std::ofstream o(path, std::ios::binary);
			o << text;
		}
		enum soc_preset_status st = soc_preset_load(path.c_str(), p.get(), &err);
		if (st == SOC_PRESET_OK) {
			ok++;
			return;
		}
		bad++;
		EXPECT_EQ(std::string(err.msg).rfind(path + ":", 0), 0u) << err.msg;
	};
	for (size_t n = 0; n < good.size(); n += 3)
		check(good.substr(0, n));
	for (int i = 0; i < 1500; i++) {
		std::string t = good;
		int flips = 1 + static_cast<int>(rng() % 4);

		for (int k = 0; k < flips; k++)
			t[rng() % t.size()] = static_cast<char>(rng() % 256);
		check(t);
	}
	check(good);
	EXPECT_GT(ok, 0u);
	EXPECT_GT(bad, 0u);
	printf("damaged files: %u loaded, %u refused\n", ok, bad);
}

TEST(Soc, PresetLoadDir)
{
	TempDir dir;
	std::vector<soc_preset> out(4);
	struct soc_error err;
	unsigned int count = 99;
	std::string text = valid_text();

	auto named = [&](const std::string &name) {
		std::string t = text;
		t.replace(0, t.find('\n'), "name: " + name);
		return t;
	};
	dir.write("zeta.yaml", named("zeta"));
	dir.write("alpha.yaml", named("alpha"));
	dir.write(".hidden.yaml", "not: [a preset");
	dir.write("notes.txt", "ignored");
	ASSERT_EQ(soc_preset_load_dir(dir.path().c_str(), out.data(), 4, &count, &err), SOC_PRESET_OK) << err.msg;
	ASSERT_EQ(count, 2u);
	EXPECT_STREQ(out[0].name, "alpha");
	EXPECT_STREQ(out[1].name, "zeta");
	EXPECT_EQ(soc_preset_find(out.data(), count, "zeta"), 1);

	/* More files than room. */
	EXPECT_EQ(soc_preset_load_dir(dir.path().c_str(), out.data(), 1, &count, &err), SOC_PRESET_INVALID);
	EXPECT_EQ(std::string(err.msg), dir.path() + ": expected at most 1 preset files, found more");

	/* The file name is the preset name. */
	dir.write("beta.yaml", named("gamma"));
	EXPECT_EQ(soc_preset_load_dir(dir.path().c_str(), out.data(), 4, &count, &err), SOC_PRESET_INVALID);
	EXPECT_EQ(std::string(err.msg), dir.path() + "/beta.yaml: name: expected \"beta\" (the file name), found \"gamma\"");
	EXPECT_EQ(count, 1u);	/* alpha loaded before beta failed */

	/* A bad file stops the load with its own message. */
	dir.write("beta.yaml", named("beta") + "bogus: 1\n");
	EXPECT_EQ(soc_preset_load_dir(dir.path().c_str(), out.data(), 4, &count, &err), SOC_PRESET_INVALID);
	EXPECT_EQ(std::string(err.msg), dir.path() + "/beta.yaml:22:1: bogus: expected one of " + kTopKeys +
		  ", found an unknown key \"bogus\"");

	EXPECT_EQ(soc_preset_load_dir((dir.path() + "/none").c_str(), out.data(), 4, &count, &err), SOC_PRESET_IO);
	EXPECT_EQ(std::string(err.msg), dir.path() + "/none: cannot read the preset directory: No such file or directory");
	EXPECT_EQ(count, 0u);
}

}  // namespace
