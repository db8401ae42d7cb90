/* SPDX-License-Identifier: BSD-2-Clause */
/* linux/types.h (stub) - fixed-width kernel types for an LP64 host; u64 is unsigned long long and
 * phys_addr_t/dma_addr_t are 64-bit (CONFIG_PHYS_64BIT; kernel-surface.md 2 and 10.6). */
#ifndef KS_LINUX_TYPES_H
#define KS_LINUX_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <linux/version.h>

typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef signed char s8;
typedef short s16;
typedef int s32;
typedef long long s64;
typedef u8 __u8;
typedef u16 __u16;
typedef u32 __u32;
typedef u64 __u64;
typedef u16 __be16;
typedef u32 __be32;
typedef u64 __be64;
typedef u64 phys_addr_t;
typedef u64 dma_addr_t;
typedef u64 resource_size_t;
typedef unsigned int gfp_t;
typedef unsigned long irq_hw_number_t;
typedef long ssize_t;

struct list_head {
	struct list_head *next, *prev;
};

struct hlist_node {
	struct hlist_node *next, **pprev;
};

typedef struct {
	int counter;
} atomic_t;

#endif
