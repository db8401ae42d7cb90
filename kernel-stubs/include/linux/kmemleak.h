/* SPDX-License-Identifier: BSD-2-Clause */
/* linux/kmemleak.h (stub) - kmemleak hints: the stubs keep their own leak accounting. */
#ifndef KS_LINUX_KMEMLEAK_H
#define KS_LINUX_KMEMLEAK_H
#define kmemleak_not_leak(p) ((void)(p))
#endif
