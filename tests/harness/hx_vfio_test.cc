// SPDX-License-Identifier: BSD-2-Clause
// hx_vfio_test.cc - Vfio.Intent*: the oracle's VFIO intent (harness/hx_vfio.c) on its own: extents of
// IOVA -> user pages, merging, unmap splitting, permission and MSI-page queries. docs/scenarios.md
// ("VFIO steps").
#include <gtest/gtest.h>

#include "hx_vfio.h"

namespace {

hx_vfio_cont fresh()
{
	hx_vfio_cont c{};

	return c;
}

TEST(Vfio, IntentMergesContiguousPages)
{
	hx_vfio_cont c = fresh();
	uint64_t t = 0;

	ASSERT_TRUE(hx_vfio_ext_add(&c, 0x10000, 0x1000, 0x40000000, true, true));
	ASSERT_TRUE(hx_vfio_ext_add(&c, 0x11000, 0x1000, 0x40001000, true, true));
	EXPECT_EQ(c.next, 1u) << "IOVA and phys both continue: one extent";
	ASSERT_TRUE(hx_vfio_ext_add(&c, 0x12000, 0x1000, 0x40005000, true, true));
	EXPECT_EQ(c.next, 2u) << "a physical jump starts a new extent";
	EXPECT_TRUE(hx_vfio_allows(&c, 0x11ffc, 8, false, true, &t) == false) << "a write across the jump";
	EXPECT_TRUE(hx_vfio_allows(&c, 0x11ff8, 8, false, true, &t));
	EXPECT_EQ(t, 0x40001ff8u);
	EXPECT_TRUE(hx_vfio_allows(&c, 0x12010, 4, true, false, &t));
	EXPECT_EQ(t, 0x40005010u);
	EXPECT_FALSE(hx_vfio_allows(&c, 0x13000, 4, true, false, &t)) << "past the mapping";
	EXPECT_TRUE(hx_vfio_entitled(&c, 0x40005ffc, 4));
	EXPECT_FALSE(hx_vfio_entitled(&c, 0x40002000, 4)) << "the hole between the runs is not the container's";
}

TEST(Vfio, IntentPermissions)
{
	hx_vfio_cont c = fresh();
	uint64_t t = 0;

	ASSERT_TRUE(hx_vfio_ext_add(&c, 0, 0x2000, 0x50000000, true, false));
	EXPECT_TRUE(hx_vfio_allows(&c, 0x100, 4, true, false, &t));
	EXPECT_FALSE(hx_vfio_allows(&c, 0x100, 4, false, true, &t)) << "read-only mapping, a write";
	ASSERT_TRUE(hx_vfio_ext_add(&c, 0x2000, 0x1000, 0x50002000, true, true));
	EXPECT_EQ(c.next, 2u) << "another prot: not merged";
}

TEST(Vfio, IntentUnmapSplits)
{
	hx_vfio_cont c = fresh();
	uint64_t t = 0;

	ASSERT_TRUE(hx_vfio_ext_add(&c, 0x100000, 0x10000, 0x60000000, true, true));
	hx_vfio_ext_remove(&c, 0x104000, 0x2000);	// a hole in the middle
	EXPECT_EQ(c.next, 2u);
	EXPECT_FALSE(hx_vfio_allows(&c, 0x104800, 4, true, false, &t));
	EXPECT_TRUE(hx_vfio_allows(&c, 0x106000, 4, true, false, &t));
	EXPECT_EQ(t, 0x60006000u) << "the tail keeps its translation";
	hx_vfio_ext_remove(&c, 0x0, 0x101000);		// the head's first page
	EXPECT_TRUE(hx_vfio_allows(&c, 0x101000, 4, true, false, &t));
	EXPECT_EQ(t, 0x60001000u);
	EXPECT_FALSE(hx_vfio_allows(&c, 0x100ffc, 4, true, false, &t));
	hx_vfio_ext_remove(&c, 0x103000, 0x100000);	// the head's end and all of the tail
	EXPECT_EQ(c.next, 1u);
	EXPECT_FALSE(hx_vfio_allows(&c, 0x10f000, 4, true, false, &t));
	EXPECT_TRUE(hx_vfio_allows(&c, 0x102ffc, 4, true, false, &t));
	hx_vfio_ext_remove(&c, 0, ~0ull >> 1);
	EXPECT_EQ(c.next, 0u);
}

TEST(Vfio, IntentMsiPage)
{
	hx_vfio_cont c = fresh();
	uint64_t t = 0;

	c.msi[0] = hx_vfio_msimap{ 0x3000, 0, 0xffe041000ull, 0x7, false, true };
	c.nmsi = 1;
	EXPECT_TRUE(hx_vfio_allows(&c, 0x3740, 4, false, true, &t));
	EXPECT_EQ(t, 0xffe041740ull);
	EXPECT_FALSE(hx_vfio_allows(&c, 0x3740, 4, true, false, &t)) << "the MSI page is mapped write-only";
	EXPECT_FALSE(hx_vfio_allows(&c, 0x4000, 4, false, true, &t));
	EXPECT_TRUE(hx_vfio_entitled(&c, 0xffe041b40ull, 4));
}

TEST(Vfio, IntentFull)
{
	hx_vfio_cont c = fresh();
	unsigned int i;

	for (i = 0; i < HX_VFIO_MAX_EXT; i++)
		ASSERT_TRUE(hx_vfio_ext_add(&c, i * 0x2000ull, 0x1000, 0x70000000 + i * 0x2000ull, true, true));
	EXPECT_FALSE(hx_vfio_ext_add(&c, 0x1000000, 0x1000, 0x1000, true, true)) << "the table is full: said so";
}

} // namespace
