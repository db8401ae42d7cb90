/* SPDX-License-Identifier: BSD-2-Clause */
/* linux/log2.h (stub) - integer logarithms and powers of two. */
#ifndef KS_LINUX_LOG2_H
#define KS_LINUX_LOG2_H
#include <linux/types.h>
static inline int ks_fls64(u64 x) { return x ? 64 - __builtin_clzll(x) : 0; }
#define ilog2(n) (ks_fls64((u64)(n)) - 1)
static inline bool is_power_of_2(unsigned long n) { return n != 0 && (n & (n - 1)) == 0; }
static inline unsigned long roundup_pow_of_two(unsigned long n) { return 1UL << ks_fls64(n - 1); }
static inline int get_count_order(unsigned int count)
{
	if (count == 0)
		return -1;
	return ks_fls64(count - 1);
}
#endif
