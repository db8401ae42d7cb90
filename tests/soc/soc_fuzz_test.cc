// SPDX-License-Identifier: BSD-2-Clause
// soc_fuzz_test.cc - mutation fuzzing of the SoC builder: random byte flips, word overwrites and
// truncations of real kernel DTBs; soc_create must build or refuse with a message, never crash or leak
// (the ASan + UBSan build runs the same loop). Fixed seed, printed; every input that ever crashed is kept
// under tests/soc/regress/ and replayed.
//
// Reproduce iteration N of a run: PAMUSIM_SOC_FUZZ_DUMP=N writes that input to soc_fuzz_N.dtb in the
// working directory. PAMUSIM_SOC_FUZZ_ITERS and PAMUSIM_SOC_FUZZ_SEED override the defaults.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <libfdt.h>

#include "soc_test_util.h"

using namespace soc_test;

namespace {

struct rng {
	uint64_t s;
	uint64_t next()
	{
		// xorshift64*
		s ^= s >> 12;
		s ^= s << 25;
		s ^= s >> 27;
		return s * 0x2545f4914f6cdd1dull;
	}
	uint32_t below(uint32_t n) { return n ? (uint32_t)(next() % n) : 0; }
};

uint64_t env_u64(const char *name, uint64_t def)
{
	const char *v = getenv(name);

	return v && *v ? strtoull(v, nullptr, 0) : def;
}

const uint32_t interesting[] = {0, 1, 2, 3, 4, 0x10, 0x18, 0x1000, 0x20000, 0x40000, 0x7fffffff, 0x80000000,
				0xfffffffe, 0xffffffff, 0xffe00000, 0xf};

// Mutate buf in place; returns the size handed to soc_create.
size_t mutate(rng &r, std::vector<uint8_t> &buf, const std::vector<uint8_t> &orig)
{
	uint32_t n = (uint32_t)buf.size(), i, k;
	uint32_t off_struct = fdt_off_dt_struct(orig.data()), size_struct = fdt_size_dt_struct(orig.data());

	switch (r.below(8)) {
	case 0:
	case 1:	// a few random bytes anywhere
		for (k = 1 + r.below(8); k; k--)
			buf[r.below(n)] ^= (uint8_t)(1 + r.below(255));
		return n;
	case 2:	// a word of the structure block (tags, lengths, name offsets, cell values)
		for (k = 1 + r.below(3); k; k--) {
			uint32_t w = interesting[r.below(sizeof(interesting) / 4)];

			i = off_struct + (r.below(size_struct) & ~3u);
			if (i + 4 <= n) {
				buf[i] = (uint8_t)(w >> 24);
				buf[i + 1] = (uint8_t)(w >> 16);
				buf[i + 2] = (uint8_t)(w >> 8);
				buf[i + 3] = (uint8_t)w;
			}
		}
		return n;
	case 3:	// the header
		buf[r.below(40)] ^= (uint8_t)(1 + r.below(255));
		return n;
	case 4:	// truncated
		return r.below(n);
	case 5: {	// a random cell of a random property value, to a small number (cells, sizes, phandles)
		i = off_struct + (r.below(size_struct) & ~3u);
		if (i + 4 <= n) {
			buf[i] = buf[i + 1] = buf[i + 2] = 0;
			buf[i + 3] = (uint8_t)r.below(40);
		}
		return n;
	}
	case 6:	// bit flips concentrated in one region
		i = r.below(n);
		for (k = 1 + r.below(16); k; k--)
			buf[(i + r.below(64)) % n] ^= (uint8_t)(1u << r.below(8));
		return n;
	default:	// totalsize smaller or larger than the buffer
		return n - r.below(64);
	}
}

// Inputs that once crashed or misbehaved, replayed on every run (file under tests/soc/regress/).
struct regress_case {
	const char *file;
	const char *board;	// preset family
	const char *why;
};

const regress_case regress[] = {
	// filled as the fuzzer finds things; each entry: {"name.dtb", "board", "Used to trigger: ..."}
	{nullptr, nullptr, nullptr},
};

} // namespace

TEST(Soc, MutationFuzz)
{
	std::string why;
	if (dtb_dir(&why).empty())
		GTEST_SKIP() << why;
	const uint64_t seed = env_u64("PAMUSIM_SOC_FUZZ_SEED", 0x50c0f00d2024ull);
	const uint64_t iters = env_u64("PAMUSIM_SOC_FUZZ_ITERS", 20000);
	const int64_t dump = (int64_t)env_u64("PAMUSIM_SOC_FUZZ_DUMP", (uint64_t)-1);
	const char *names[] = {"p4080ds", "t4240qds", "b4420qds", "t1023rdb"};
	std::vector<uint8_t> orig[4];
	made_preset mp[4];
	uint64_t ok = 0, bad_dtb = 0, bad_preset = 0;
	rng r{seed};

	for (int b = 0; b < 4; b++) {
		ASSERT_TRUE(load_board(names[b], orig[b])) << names[b];
		mp[b] = make_preset(orig[b], *find_board(names[b])->fam);
	}
	printf("soc fuzz: seed 0x%llx, %llu iterations over p4080ds, t4240qds, b4420qds, t1023rdb\n",
	       (unsigned long long)seed, (unsigned long long)iters);
	for (uint64_t it = 0; it < iters; it++) {
		int b = (int)(it % 4);
		std::vector<uint8_t> buf(orig[b]);
		size_t size = mutate(r, buf, orig[b]);
		std::vector<uint8_t> in(buf.begin(), buf.begin() + (ptrdiff_t)size);
		rig rg;
		soc_status st;

		if ((int64_t)it == dump) {
			std::string f = "soc_fuzz_" + std::to_string(it) + ".dtb";
			FILE *o = fopen(f.c_str(), "wb");

			if (o) {
				fwrite(in.data(), 1, in.size(), o);
				fclose(o);
			}
			printf("iteration %llu (%s preset) written to %s\n", (unsigned long long)it, names[b], f.c_str());
		}
		st = rg.create(*mp[b].p, in, "fuzz.dtb");
		switch (st) {
		case SOC_OK:
			ok++;
			ASSERT_EQ(fdt_check_full(soc_get_fdt(rg.s), soc_get_fdt_size(rg.s)), 0) << "iteration " << it;
			EXPECT_EQ(rg.err.msg[0], '\0') << "iteration " << it;
			// the built SoC works: a register read through the bus, a DMA
			{
				uint8_t v[4];
				pamu_result res;

				rg.rd(soc_pamu_base(rg.s, 0) + 0xc08);
				soc_dma(rg.s, 0, 1, 0x1000, v, 4, PAMU_OP_READ, &res);
			}
			break;
		case SOC_BAD_DTB:
			bad_dtb++;
			ASSERT_EQ(strncmp(rg.err.msg, "fuzz.dtb: /", 11), 0) << "iteration " << it << ": " << rg.err.msg;
			break;
		case SOC_BAD_PRESET:
			bad_preset++;
			ASSERT_NE(rg.err.msg[0], '\0') << "iteration " << it;
			break;
		default:
			ADD_FAILURE() << "iteration " << it << ": status " << st << ": " << rg.err.msg;
		}
		ASSERT_EQ(rg.s != nullptr, st == SOC_OK) << "iteration " << it;
	}
	printf("soc fuzz: %llu built, %llu refused as bad DTB, %llu as bad preset\n", (unsigned long long)ok,
	       (unsigned long long)bad_dtb, (unsigned long long)bad_preset);
	if (iters >= 1000) {
		EXPECT_GT(ok, 0u);
		EXPECT_GT(bad_dtb, 0u);
	}
}

TEST(Soc, FuzzRegressions)
{
	std::string why;
	unsigned int n = 0;

	if (dtb_dir(&why).empty())
		GTEST_SKIP() << why;
	for (const regress_case &c : regress) {
		std::vector<uint8_t> in, orig;
		rig rg;

		if (!c.file)
			continue;
		ASSERT_TRUE(read_file(std::string(PAMUSIM_SOC_REGRESS_DIR) + "/" + c.file, in)) << c.file;
		ASSERT_TRUE(load_board(c.board, orig));
		made_preset mp = make_preset(orig, *find_board(c.board)->fam);
		soc_status st = rg.create(*mp.p, in, c.file);
		EXPECT_TRUE(st == SOC_OK || rg.err.msg[0]) << c.file << " (" << c.why << ")";
		n++;
	}
	printf("%u regression inputs replayed\n", n);
}
