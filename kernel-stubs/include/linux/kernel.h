/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * linux/kernel.h (stub) - logging, BUG/WARN/panic as findings, and the small arithmetic helpers the
 * drivers use. Sources: kernel-surface.md 4 ("Logging and diagnostics", "Bit and arithmetic helpers"),
 * 8 (every BUG/WARN site). pr_debug/dev_dbg print only when the host turned debugging on.
 */
#ifndef KS_LINUX_KERNEL_H
#define KS_LINUX_KERNEL_H

#include <limits.h>

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/list.h>
#include <linux/bitops.h>
#include <linux/log2.h>
#include <linux/spinlock.h>
#include <linux/export.h>
#include <asm/reg.h>

#define KERN_SOH "\001"
#define KERN_EMERG KERN_SOH "0"
#define KERN_ALERT KERN_SOH "1"
#define KERN_CRIT KERN_SOH "2"
#define KERN_ERR KERN_SOH "3"
#define KERN_WARNING KERN_SOH "4"
#define KERN_NOTICE KERN_SOH "5"
#define KERN_INFO KERN_SOH "6"
#define KERN_DEBUG KERN_SOH "7"
#define KERN_CONT KERN_SOH "c"

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

struct pt_regs;

extern bool ks_debug_on;

/* Call sites are recorded for findings: file, function, line of the driver code. */
int ks_printk(const char *file, const char *func, int line, const char *fmt, ...) __printf(4, 5);
__attribute__((noreturn)) void ks_bug(const char *file, const char *func, int line, const char *what);
void ks_warn(const char *file, const char *func, int line, const char *what);
__attribute__((noreturn, format(printf, 4, 5))) void ks_panic(const char *file, const char *func, int line,
								  const char *fmt, ...);

#define printk(fmt, ...) ks_printk(__FILE__, __func__, __LINE__, fmt, ##__VA_ARGS__)
#define pr_emerg(fmt, ...) printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...) printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...) printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...) printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...) printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...) printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...) printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont(fmt, ...) printk(KERN_CONT fmt, ##__VA_ARGS__)
#define pr_debug(fmt, ...)                                                                     \
	do {                                                                                   \
		if (unlikely(ks_debug_on))                                                     \
			printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__);                         \
	} while (0)

#define panic(fmt, ...) ks_panic(__FILE__, __func__, __LINE__, fmt, ##__VA_ARGS__)
#define BUG() ks_bug(__FILE__, __func__, __LINE__, "BUG()")
#define BUG_ON(cond)                                                                           \
	do {                                                                                   \
		if (unlikely(cond))                                                            \
			ks_bug(__FILE__, __func__, __LINE__, "BUG_ON(" #cond ")");             \
	} while (0)
#define WARN_ON(cond)                                                                          \
	({                                                                                     \
		int ks_w_ = !!(cond);                                                          \
		if (unlikely(ks_w_))                                                           \
			ks_warn(__FILE__, __func__, __LINE__, "WARN_ON(" #cond ")");           \
		unlikely(ks_w_);                                                               \
	})
#define WARN_ON_ONCE(cond) WARN_ON(cond)
#define WARN(cond, fmt, ...)                                                                   \
	({                                                                                     \
		int ks_w_ = !!(cond);                                                          \
		if (unlikely(ks_w_))                                                           \
			ks_warn(__FILE__, __func__, __LINE__, "WARN(" #cond ")");              \
		unlikely(ks_w_);                                                               \
	})

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#ifndef container_of
#define container_of(ptr, type, member) ((type *)((char *)(ptr) - offsetof(type, member)))
#endif
#define upper_32_bits(n) ((u32)(((n) >> 16) >> 16))
#define lower_32_bits(n) ((u32)((n) & 0xffffffff))
#define min(a, b) ((a) < (b) ? (a) : (b))
#define max(a, b) ((a) > (b) ? (a) : (b))
#define min_t(t, a, b) min((t)(a), (t)(b))
#define max_t(t, a, b) max((t)(a), (t)(b))
#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))
#define ALIGN(x, a) (((x) + ((a) - 1)) & ~((typeof(x))(a) - 1))
#define IS_ALIGNED(x, a) (((x) & ((typeof(x))(a) - 1)) == 0)
#define U32_MAX ((u32)~0U)
#define U64_MAX ((u64)~0ULL)
#define __stringify_1(x) #x
#define __stringify(x) __stringify_1(x)

/* Byte order (kernel-surface.md 10.1, option a): every cell-valued device-tree property the stubs hand
 * out is already in host order, so be32_to_cpup is the identity on them, and be64_to_cpup joins two
 * host-order cells. These helpers are used by the drivers on device-tree data only. */
static inline u32 be32_to_cpup(const __be32 *p) { return *p; }
static inline u64 be64_to_cpup(const __be64 *p)
{
	const u32 *c = (const u32 *)p;

	return ((u64)c[0] << 32) | c[1];
}
static inline u32 be32_to_cpu(u32 v) { return v; }
static inline u32 cpu_to_be32(u32 v) { return v; }
#define __swab32(x) __builtin_bswap32(x)
#define swab32(x) __builtin_bswap32(x)

#endif
