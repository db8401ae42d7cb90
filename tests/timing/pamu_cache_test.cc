// SPDX-License-Identifier: BSD-2-Clause
// PamuCache.*: hit/miss/eviction sequences of the table-entry caches by replacement policy, set
// indexing, seeded random replacement and bad configurations (docs/timing.md 3).
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "pamu_cache.h"

namespace {

struct cache_ptr {
	pamu_cache *c = nullptr;
	explicit cache_ptr(const pamu_cache_cfg &cfg) { EXPECT_EQ(pamu_cache_create(&cfg, &c), PAMU_CACHE_OK); }
	~cache_ptr() { pamu_cache_destroy(c); }
};

pamu_cache_cfg cfg(unsigned int entries, unsigned int ways, pamu_cache_policy p, uint64_t seed = 1)
{
	pamu_cache_cfg c{};
	c.entries = entries;
	c.ways = ways;
	c.policy = p;
	c.lookup_cycles = 1;
	c.seed = seed;
	return c;
}

// Keys of one set of a cache with `sets` sets: entries are 64 bytes apart, so set = (key / 64) % sets.
uint64_t key_in_set0(unsigned int sets, unsigned int i)
{
	return (uint64_t)i * sets * 64;
}

// Access key: lookup, fill on a miss. Returns true on a hit.
bool access(pamu_cache *c, uint64_t key, uint64_t now = 0)
{
	if (pamu_cache_lookup(c, key))
		return true;
	EXPECT_NE(pamu_cache_fill(c, key, now, nullptr, nullptr), nullptr);
	return false;
}

} // namespace

TEST(PamuCache, LruKeepsTheRecentlyUsedWay)
{
	cache_ptr p(cfg(2, 2, PAMU_CACHE_LRU));
	uint64_t a = key_in_set0(1, 0), b = key_in_set0(1, 1), c = key_in_set0(1, 2);
	bool ev = false;
	uint64_t victim = 0;

	EXPECT_FALSE(access(p.c, a));
	EXPECT_FALSE(access(p.c, b));
	EXPECT_TRUE(access(p.c, a));		// a is now the most recent
	EXPECT_EQ(pamu_cache_lookup(p.c, c), nullptr);
	ASSERT_NE(pamu_cache_fill(p.c, c, 5, &ev, &victim), nullptr);
	EXPECT_TRUE(ev);
	EXPECT_EQ(victim, b);			// least recently used
	EXPECT_TRUE(access(p.c, a));
	EXPECT_FALSE(access(p.c, b));		// evicted: miss, refill evicts c (a was used after it)
	EXPECT_TRUE(access(p.c, a));
	EXPECT_TRUE(access(p.c, b));
	EXPECT_EQ(pamu_cache_peek(p.c, c), nullptr);

	pamu_cache_stats st;
	pamu_cache_get_stats(p.c, &st);
	// lookups: a b a c a b a b; misses: a b c b
	EXPECT_EQ(st.lookups, 8u);
	EXPECT_EQ(st.hits, 4u);
	EXPECT_EQ(st.misses, 4u);
	EXPECT_EQ(st.evictions, 2u);
	EXPECT_EQ(st.hits + st.misses, st.lookups);
}

TEST(PamuCache, FifoEvictsTheOldestFillWhateverItsUse)
{
	cache_ptr p(cfg(2, 2, PAMU_CACHE_FIFO));
	uint64_t a = key_in_set0(1, 0), b = key_in_set0(1, 1), c = key_in_set0(1, 2);
	bool ev = false;
	uint64_t victim = 0;

	access(p.c, a);
	access(p.c, b);
	EXPECT_TRUE(access(p.c, a));		// a hit does not refresh a FIFO
	EXPECT_EQ(pamu_cache_lookup(p.c, c), nullptr);
	ASSERT_NE(pamu_cache_fill(p.c, c, 0, &ev, &victim), nullptr);
	EXPECT_TRUE(ev);
	EXPECT_EQ(victim, a);			// the first filled
	EXPECT_TRUE(access(p.c, b));
	EXPECT_TRUE(access(p.c, c));
	EXPECT_FALSE(access(p.c, a));		// evicts b, filled before c
	EXPECT_EQ(pamu_cache_peek(p.c, b), nullptr);
	EXPECT_NE(pamu_cache_peek(p.c, c), nullptr);
}

TEST(PamuCache, RandomIsRepeatableBySeedAndStaysInTheSet)
{
	const unsigned int sets = 4, ways = 4;
	std::vector<uint64_t> v1, v2, v3;

	for (int run = 0; run < 3; run++) {
		cache_ptr p(cfg(sets * ways, ways, PAMU_CACHE_RANDOM, run == 2 ? 99 : 7));
		std::vector<uint64_t> &out = run == 0 ? v1 : run == 1 ? v2 : v3;

		for (unsigned int i = 0; i < 64; i++) {
			uint64_t k = key_in_set0(sets, i), victim = ~0ull;
			bool ev = false;

			if (pamu_cache_lookup(p.c, k))
				continue;
			ASSERT_NE(pamu_cache_fill(p.c, k, i, &ev, &victim), nullptr);
			EXPECT_EQ(ev, i >= ways) << i;
			if (ev) {
				EXPECT_EQ((victim / 64) % sets, 0u);	// a key of the same set
				out.push_back(victim);
			}
		}
	}
	EXPECT_EQ(v1.size(), 60u);
	EXPECT_EQ(v1, v2);		// same seed, same victims
	EXPECT_NE(v1, v3);		// another seed draws other victims
}

TEST(PamuCache, SetIndexingByEntryAddress)
{
	cache_ptr p(cfg(4, 1, PAMU_CACHE_LRU));	// 4 sets, direct mapped

	for (uint64_t k = 0; k < 4; k++)
		EXPECT_FALSE(access(p.c, k * 64));
	for (uint64_t k = 0; k < 4; k++)
		EXPECT_TRUE(access(p.c, k * 64)) << k;	// four different sets: all still there
	EXPECT_FALSE(access(p.c, 4 * 64));		// same set as 0
	EXPECT_FALSE(access(p.c, 0));
	EXPECT_TRUE(access(p.c, 64));
}

TEST(PamuCache, DropAndInvalidateAllAreCounted)
{
	cache_ptr p(cfg(8, 2, PAMU_CACHE_LRU));

	for (uint64_t k = 0; k < 4; k++)
		access(p.c, k * 64);
	pamu_cache_drop(p.c, pamu_cache_peek(p.c, 0));
	EXPECT_EQ(pamu_cache_peek(p.c, 0), nullptr);
	pamu_cache_invalidate_all(p.c);
	for (uint64_t k = 0; k < 4; k++)
		EXPECT_EQ(pamu_cache_peek(p.c, k * 64), nullptr);
	pamu_cache_stats st;
	pamu_cache_get_stats(p.c, &st);
	EXPECT_EQ(st.invalidations, 4u);	// one drop + three still valid
}

TEST(PamuCache, NoEntriesMeansEveryLookupMisses)
{
	cache_ptr p(cfg(0, 0, PAMU_CACHE_LRU));

	EXPECT_EQ(pamu_cache_lookup(p.c, 0), nullptr);
	EXPECT_EQ(pamu_cache_fill(p.c, 0, 0, nullptr, nullptr), nullptr);
	EXPECT_EQ(pamu_cache_lookup(p.c, 0), nullptr);
}

TEST(PamuCache, BadConfigurationsNameTheKnob)
{
	struct row {
		unsigned int entries, ways;
		int policy;
		const char *knob;
	} rows[] = {
		{ 8, 0, PAMU_CACHE_LRU, "ways:" },
		{ 8, 3, PAMU_CACHE_LRU, "ways:" },
		{ 8, 16, PAMU_CACHE_LRU, "ways:" },
		{ 24, 2, PAMU_CACHE_LRU, "power-of-two" },
		{ 8192, 2, PAMU_CACHE_LRU, "entries:" },
		{ 8, 2, 7, "policy:" },
	};
	for (const row &r : rows) {
		pamu_cache_cfg c = cfg(r.entries, r.ways, (pamu_cache_policy)r.policy);
		char why[128] = "";
		pamu_cache *out = reinterpret_cast<pamu_cache *>(1);

		EXPECT_FALSE(pamu_cache_check_cfg(&c, why, sizeof(why))) << r.entries << "/" << r.ways;
		EXPECT_NE(std::string(why).find(r.knob), std::string::npos) << why;
		EXPECT_EQ(pamu_cache_create(&c, &out), PAMU_CACHE_BAD_CFG);
		EXPECT_EQ(out, nullptr);
	}
}

TEST(PamuCache, PolicyNamesRoundTrip)
{
	for (int i = 0; i < PAMU_CACHE_POLICY_COUNT; i++)
		EXPECT_EQ(pamu_cache_policy_find(pamu_cache_policy_name((pamu_cache_policy)i)), i);
	EXPECT_EQ(pamu_cache_policy_find("plru"), -1);
}
