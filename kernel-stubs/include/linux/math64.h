/* SPDX-License-Identifier: BSD-2-Clause */
/* linux/math64.h (stub): 64-bit division helpers (a division by zero returns 0 here; see docs/vfio.md). */
#ifndef KS_LINUX_MATH64_H
#define KS_LINUX_MATH64_H
#include <linux/types.h>
u64 ks_div64_u64(u64 a, u64 b, const char *file, const char *func, int line);
#define div64_u64(a, b) ks_div64_u64(a, b, __FILE__, __func__, __LINE__)
#endif
