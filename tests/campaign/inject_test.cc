// SPDX-License-Identifier: BSD-2-Clause
// inject_test.cc - the injection grammar (harness/hx_inject.c, docs/campaigns.md): every kind parses and
// formats back to the same text, bad input names the item, the field and what was expected.
#include <gtest/gtest.h>

#include <string>

#include "hx_inject.h"

namespace {

std::string roundtrip(const char *spec)
{
	struct hx_inj_plan p;
	char err[240], buf[512];

	if (!hx_inject_parse(spec, &p, err, sizeof(err)))
		return std::string("error: ") + err;
	hx_inject_format(&p, buf, sizeof(buf));
	return buf;
}

std::string error_of(const char *spec)
{
	struct hx_inj_plan p;
	char err[240];

	if (hx_inject_parse(spec, &p, err, sizeof(err)))
		return "parsed";
	return err;
}

TEST(Campaign, InjectGrammarRoundTrips)
{
	const char *const specs[] = {
		"fail-nth:n=17",
		"mmio-read:reg=pamu0.PC,value=ones@3",
		"mmio-read:addr=0xffe020c10,value=0x1234,count=2@5",
		"mmio-drop:reg=mpic.EOI,count=1@7",
		"flip:table=spaace,index=dma1,bit=37@4",
		"flip:table=omt,index=3,bit=1000@2",
		"irq:mode=lost@6",
		"irq:mode=delay,steps=2@6",
		"irq:mode=dup",
		"latch:reg=pamu0.POES1,value=0x1@4",
		"erratum:name=a003638,state=off@1",
		"fail-nth:n=3;irq:mode=lost@2",
	};

	for (const char *s : specs)
		EXPECT_EQ(roundtrip(s), s);
}

TEST(Campaign, InjectGrammarDefaultsAreExplicit)
{
	EXPECT_EQ(roundtrip("mmio-read:reg=pamu0.PC"), "mmio-read:reg=pamu0.PC,value=ones");
	EXPECT_EQ(roundtrip("erratum"), "erratum:name=a003638,state=on");
	EXPECT_EQ(roundtrip("flip:index=7,bit=0@2"), "flip:table=ppaace,index=7,bit=0@2");
}

TEST(Campaign, InjectGrammarErrorsNameTheField)
{
	EXPECT_NE(error_of("fail-nth").find("n: missing"), std::string::npos);
	EXPECT_NE(error_of("fail-nth:n=0").find("expected a call number >= 1"), std::string::npos);
	EXPECT_NE(error_of("boom:n=1").find("kind: expected fail-nth"), std::string::npos);
	EXPECT_NE(error_of("mmio-read:value=ones").find("reg or addr: missing"), std::string::npos);
	EXPECT_NE(error_of("mmio-read:reg=PC").find("expected BLOCK.REG"), std::string::npos);
	EXPECT_NE(error_of("flip:index=1,bit=512").find("a PAACE has 512 bits"), std::string::npos);
	EXPECT_NE(error_of("irq:mode=late").find("expected lost, dup or delay"), std::string::npos);
	EXPECT_NE(error_of("irq:mode=lost@0").find("@step"), std::string::npos);
	EXPECT_NE(error_of("latch:reg=pamu0.PICS,count=2").find("unknown field \"count\""), std::string::npos);
	EXPECT_NE(error_of("erratum:state=maybe").find("expected on or off"), std::string::npos);
	EXPECT_NE(error_of("").find("empty"), std::string::npos);
}

} // namespace
