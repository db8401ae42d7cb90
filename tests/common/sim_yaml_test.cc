// SPDX-License-Identifier: BSD-2-Clause
/*
 * sim_yaml_test.cc - Sim.Yaml*: the shared YAML tree (model/common/sim_yaml.h): refusals with their
 * positions, limits as parameters, duplicate keys with their path, and the schema helpers' messages.
 *
 * Error format: ../shared/DESIGN.md ("file:line:column: field: what was expected, what was found").
 */
#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <string>

#include "sim_yaml.h"

namespace {

struct Parsed {
	char msg[640];
	struct sim_yaml_ctx ctx;
	struct sim_ynode *root;

	Parsed(const std::string &text, const struct sim_yaml_limits *lim = nullptr)
	{
		msg[0] = '\0';
		ctx = { "F", msg, sizeof(msg), SIM_YAML_OK };
		root = sim_yaml_parse(&ctx, lim, (const unsigned char *)text.data(), text.size());
	}
	~Parsed() { sim_yaml_free(root); }
};

TEST(Sim, YamlTreeKindsAndPositions)
{
	Parsed p("a: 1\nb:\n  - x\n  - \"y\"\nc: {d: 0x10}\n");

	ASSERT_EQ(p.ctx.status, SIM_YAML_OK) << p.msg;
	ASSERT_NE(p.root, nullptr);
	EXPECT_EQ(p.root->kind, SIM_YN_MAP);
	EXPECT_EQ(p.root->n, 6u);
	const struct sim_ynode *key = nullptr, *b = sim_ymap_get(p.root, "b", &key);
	ASSERT_NE(b, nullptr);
	EXPECT_EQ(key->line, 2u);
	EXPECT_EQ(b->kind, SIM_YN_SEQ);
	ASSERT_EQ(b->n, 2u);
	EXPECT_TRUE(b->items[0]->plain);
	EXPECT_FALSE(b->items[1]->plain);
	EXPECT_STREQ(b->items[1]->text, "y");
	EXPECT_EQ(b->items[1]->line, 4u);
	EXPECT_EQ(b->items[1]->col, 5u);
	EXPECT_EQ(sim_ymap_get(p.root, "zz", nullptr), nullptr);
	EXPECT_EQ(sim_ymap_get(b, "x", nullptr), nullptr);	/* not a mapping */
	EXPECT_EQ(sim_ymap_get(nullptr, "x", nullptr), nullptr);
}

TEST(Sim, YamlEmptyDocumentIsNoTreeAndNoError)
{
	Parsed p("# only a comment\n");

	EXPECT_EQ(p.root, nullptr);
	EXPECT_EQ(p.ctx.status, SIM_YAML_OK);
	EXPECT_STREQ(p.msg, "");
}

TEST(Sim, YamlRefusesHostileInput)
{
	const struct {
		const char *text;
		enum sim_yaml_status st;
		const char *msg;
	} cases[] = {
		{ "a: &x 1\nb: 2\n", SIM_YAML_SYNTAX,
		  "F:1:4: document: expected plain data without anchors or aliases, found the anchor &x" },
		{ "a: [1]\nb: *x\n", SIM_YAML_SYNTAX, nullptr },	/* libyaml or us: refused either way */
		{ "a: !!str 1\n", SIM_YAML_SYNTAX,
		  "F:1:4: document: expected plain data without tags, found the tag tag:yaml.org,2002:str" },
		{ "a: 1\n---\nb: 2\n", SIM_YAML_SYNTAX, "F:2:1: document: expected one YAML document, found a second one" },
		{ "a: \"x\\0y\"\n", SIM_YAML_SYNTAX, "F:1:4: document: expected text without NUL characters, found one" },
		{ "a: 1\nb: caf\xc3\xa9 \xe9\n", SIM_YAML_SYNTAX, "F:2:9: document: expected UTF-8 text, found the byte 0xe9" },
		{ "a: \xed\xa0\x80\n", SIM_YAML_SYNTAX, "F:1:4: document: expected UTF-8 text, found the byte 0xed" },
		{ "[1]: 2\n", SIM_YAML_SYNTAX, "F:1:1: document: expected a plain key, found a list used as a key" },
		{ "a:\n  b: 1\n  b: 2\n", SIM_YAML_INVALID,
		  "F:3:3: a.b: expected each key once, found a second \"b\" (the first is at line 2)" },
		{ "l:\n  - {k: 1, k: 2}\n", SIM_YAML_INVALID,
		  "F:2:12: l[0].k: expected each key once, found a second \"k\" (the first is at line 2)" },
		{ "a: [1\n", SIM_YAML_SYNTAX, nullptr },
	};

	for (const auto &c : cases) {
		Parsed p(c.text);

		EXPECT_EQ(p.root, nullptr) << c.text;
		EXPECT_EQ(p.ctx.status, c.st) << c.text << ": " << p.msg;
		if (c.msg)
			EXPECT_STREQ(p.msg, c.msg) << c.text;
		else
			EXPECT_EQ(std::string(p.msg).rfind("F:", 0), 0u) << p.msg;
	}
}

TEST(Sim, YamlLimitsAreParameters)
{
	struct sim_yaml_limits lim = { 64, 2, 5, 3 };

	Parsed deep("a: {b: {c: 1}}\n", &lim);
	EXPECT_STREQ(deep.msg, "F:1:8: document: expected at most 2 levels of nesting, found deeper nesting");
	Parsed two("a: {b: 1}\n", &lim);
	EXPECT_EQ(two.ctx.status, SIM_YAML_OK) << two.msg;

	Parsed many("[1, 2, 3, 4, 5]\n", &lim);
	EXPECT_STREQ(many.msg, "F:1:14: document: expected at most 5 values, found more");

	Parsed longs("a: abcd\n", &lim);
	EXPECT_STREQ(longs.msg, "F:1:4: document: expected a value of at most 3 bytes, found 4 bytes");

	Parsed big(std::string("a: 1\n#") + std::string(64, 'x') + "\n", &lim);
	EXPECT_STREQ(big.msg, "F:1:1: document: expected a file of at most 64 bytes, found a larger one");

	/* The defaults: 8 levels. */
	Parsed d8("a: [[[[[[[1]]]]]]]\n");
	EXPECT_EQ(d8.ctx.status, SIM_YAML_OK) << d8.msg;
	Parsed d9("a: [[[[[[[[1]]]]]]]]\n");
	EXPECT_STREQ(d9.msg, "F:1:11: document: expected at most 8 levels of nesting, found deeper nesting");
}

TEST(Sim, YamlSchemaHelpersMessages)
{
	Parsed p("top:\n  known: 7\n  colour: red\nq: \"12\"\nh: 0x1F\nz: 012\nbig: 99999999999999999999\n");
	static const char *const allowed[] = { "known", "other", nullptr };
	uint64_t v = 0;

	ASSERT_NE(p.root, nullptr) << p.msg;
	const struct sim_ynode *top = sim_ymap_get(p.root, "top", nullptr);

	EXPECT_TRUE(sim_yaml_expect(&p.ctx, top, p.root, "top", SIM_YN_MAP, "a mapping"));
	EXPECT_FALSE(sim_yaml_check_keys(&p.ctx, top, "top", allowed));
	EXPECT_STREQ(p.msg, "F:3:3: top.colour: expected one of known, other, found an unknown key \"colour\"");
	EXPECT_EQ(p.ctx.status, SIM_YAML_INVALID);

	/* The first error wins: later failures leave the message alone. */
	EXPECT_FALSE(sim_yaml_expect(&p.ctx, nullptr, top, "top.x", SIM_YN_SEQ, "a list"));
	EXPECT_STREQ(p.msg, "F:3:3: top.colour: expected one of known, other, found an unknown key \"colour\"");

	struct Case {
		const char *key;
		uint64_t max;
		bool ok;
		uint64_t want;
		const char *msg;
	} cases[] = {
		{ "h", 0xff, true, 0x1f, nullptr },
		{ "h", 0x1e, false, 0, "F:5:4: h: expected a byte, found 0x1F (too large)" },
		{ "q", 100, false, 0,
		  "F:4:4: q: expected a byte, found the quoted string \"12\" (numbers are written without quotes)" },
		{ "z", 100, false, 0, "F:6:4: z: expected a byte, found \"012\"" },
		{ "big", UINT64_MAX, false, 0, "F:7:6: big: expected a byte, found 99999999999999999999 (too large)" },
		{ "missing", 100, false, 0, "F:1:1: missing: expected a byte, found nothing" },
	};
	for (const auto &c : cases) {
		char msg[256] = "";
		struct sim_yaml_ctx ctx = { "F", msg, sizeof(msg), SIM_YAML_OK };

		EXPECT_EQ(sim_yaml_get_uint(&ctx, sim_ymap_get(p.root, c.key, nullptr), c.key, c.max, "a byte", &v), c.ok)
			<< c.key;
		if (c.ok)
			EXPECT_EQ(v, c.want);
		else
			EXPECT_STREQ(msg, c.msg);
	}

	char msg[256] = "";
	struct sim_yaml_ctx ctx = { "F", msg, sizeof(msg), SIM_YAML_OK };
	EXPECT_FALSE(sim_yaml_expect(&ctx, nullptr, top, "top.list", SIM_YN_SEQ, "a list"));
	EXPECT_STREQ(msg, "F:2:3: top.list: expected a list, found nothing (the field is missing)");	/* at the mapping */
	/* Without a message buffer the status still records the failure. */
	struct sim_yaml_ctx quiet = { "F", nullptr, 0, SIM_YAML_OK };
	EXPECT_FALSE(sim_yaml_expect(&quiet, top, top, "top", SIM_YN_SEQ, "a list"));
	EXPECT_EQ(quiet.status, SIM_YAML_INVALID);
}

TEST(Sim, YamlCopyText)
{
	Parsed p("a: abcd\nb: [x]\n");
	char out[5], small[4], msg[256] = "";
	struct sim_yaml_ctx ctx = { "F", msg, sizeof(msg), SIM_YAML_OK };

	ASSERT_NE(p.root, nullptr) << p.msg;
	EXPECT_TRUE(sim_yaml_copy_text(&ctx, sim_ymap_get(p.root, "a", nullptr), "a", out, sizeof(out)));
	EXPECT_STREQ(out, "abcd");
	EXPECT_FALSE(sim_yaml_copy_text(&ctx, sim_ymap_get(p.root, "a", nullptr), "a", small, sizeof(small)));
	EXPECT_STREQ(msg, "F:1:4: a: expected at most 3 characters, found 4");
	ctx = { "F", msg, sizeof(msg), SIM_YAML_OK };
	EXPECT_FALSE(sim_yaml_copy_text(&ctx, sim_ymap_get(p.root, "b", nullptr), "b", out, sizeof(out)));
	EXPECT_STREQ(msg, "F:2:4: b: expected a text value, found a list");
}

TEST(Sim, YamlDescribeAndPaths)
{
	Parsed p("a: \"q\\\"x\\ty\"\nb: ''\nc:\nd: " + std::string(60, 'z') + "\n");
	char buf[80], path[32];

	ASSERT_NE(p.root, nullptr) << p.msg;
	EXPECT_STREQ(sim_ydescribe(sim_ymap_get(p.root, "a", nullptr), buf, sizeof(buf)), "\"q\\\"x\\x09y\"");
	EXPECT_STREQ(sim_ydescribe(sim_ymap_get(p.root, "b", nullptr), buf, sizeof(buf)), "an empty string");
	EXPECT_STREQ(sim_ydescribe(sim_ymap_get(p.root, "c", nullptr), buf, sizeof(buf)), "nothing");
	EXPECT_STREQ(sim_ydescribe(sim_ymap_get(p.root, "d", nullptr), buf, sizeof(buf)),
		     ("\"" + std::string(48, 'z') + "...\"").c_str());
	EXPECT_STREQ(sim_ydescribe(p.root, buf, sizeof(buf)), "a mapping");

	sim_yaml_join_path(path, sizeof(path), "", "k");
	EXPECT_STREQ(path, "k");
	sim_yaml_join_path(path, sizeof(path), "a[1]", "k");
	EXPECT_STREQ(path, "a[1].k");

	unsigned int line, col;
	const unsigned char text[] = "ab\nc\xc3\xa9" "d";
	sim_yaml_offset_pos(text, sizeof(text) - 1, 6, &line, &col);
	EXPECT_EQ(line, 2u);
	EXPECT_EQ(col, 3u);	/* c, é (two bytes), then d is the third character */
	EXPECT_EQ(sim_yaml_utf8_invalid_at(text, sizeof(text) - 1), sizeof(text) - 1);
	const unsigned char overlong[] = "x\xc0\xaf";
	EXPECT_EQ(sim_yaml_utf8_invalid_at(overlong, 3), 1u);
}

TEST(Sim, YamlLoadReadsAndRefusesFiles)
{
	char msg[256] = "";
	struct sim_yaml_ctx ctx = { "/nonexistent/dir/x.yaml", msg, sizeof(msg), SIM_YAML_OK };

	EXPECT_EQ(sim_yaml_load(&ctx, nullptr, "thing"), nullptr);
	EXPECT_EQ(ctx.status, SIM_YAML_IO);
	EXPECT_STREQ(msg, "/nonexistent/dir/x.yaml: cannot read the thing: No such file or directory");

	char name[] = "/tmp/sim_yaml_test_XXXXXX";
	int fd = mkstemp(name);
	ASSERT_GE(fd, 0);
	FILE *f = fdopen(fd, "w");
	ASSERT_NE(f, nullptr);
	fputs("k: [1, 2]\n", f);
	fclose(f);
	ctx = { name, msg, sizeof(msg), SIM_YAML_OK };
	struct sim_ynode *root = sim_yaml_load(&ctx, nullptr, "thing");
	ASSERT_NE(root, nullptr) << msg;
	EXPECT_EQ(sim_ymap_get(root, "k", nullptr)->n, 2u);
	sim_yaml_free(root);

	struct sim_yaml_limits tiny = { 4, 8, 100, 100 };
	ctx = { name, msg, sizeof(msg), SIM_YAML_OK };
	EXPECT_EQ(sim_yaml_load(&ctx, &tiny, "thing"), nullptr);
	EXPECT_EQ(std::string(msg), std::string(name) + ":1:1: document: expected a file of at most 4 bytes, found a larger one");
	remove(name);
}

} // namespace
