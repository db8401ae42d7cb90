/* SPDX-License-Identifier: BSD-2-Clause */
/* linux/compiler.h (stub) - annotations the drivers use, all empty or GCC attributes on the host. */
#ifndef KS_LINUX_COMPILER_H
#define KS_LINUX_COMPILER_H

#define __iomem
#define __user
#define __force
#define __must_check __attribute__((warn_unused_result))
#define __packed __attribute__((packed))
#define __aligned(x) __attribute__((aligned(x)))
#define __maybe_unused __attribute__((unused))
#define __always_unused __attribute__((unused))
#define __printf(a, b) __attribute__((format(printf, a, b)))
#define __cold
#define __noreturn __attribute__((__noreturn__))
#define __weak __attribute__((weak))
#define noinline __attribute__((__noinline__))
#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define barrier() __asm__ __volatile__("" ::: "memory")
#define READ_ONCE(x) (*(const volatile typeof(x) *)&(x))
#define WRITE_ONCE(x, v) (*(volatile typeof(x) *)&(x) = (v))
#define fallthrough __attribute__((fallthrough))
#define __same_type(a, b) __builtin_types_compatible_p(typeof(a), typeof(b))

#endif
