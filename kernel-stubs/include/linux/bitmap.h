/* SPDX-License-Identifier: BSD-2-Clause */
/* linux/bitmap.h (stub) - the bitmap operations msi_bitmap.c uses (kernel-surface.md 4, "Bit and
 * arithmetic helpers"): find a zero area with an alignment mask, set/clear ranges, allocate/release a
 * power-of-two region. Semantics from the kernel's documented contracts; the code is our own. */
#ifndef KS_LINUX_BITMAP_H
#define KS_LINUX_BITMAP_H

#include <linux/types.h>
#include <linux/bitops.h>

#define DECLARE_BITMAP(name, bits) unsigned long name[BITS_TO_LONGS(bits)]

void bitmap_set(unsigned long *map, unsigned int start, unsigned int nr);
void bitmap_clear(unsigned long *map, unsigned int start, unsigned int nr);
/* First index >= start of nr zero bits whose index is a multiple of align_mask + 1; a value past size
 * (the end the area would have) when there is none. */
unsigned long bitmap_find_next_zero_area(unsigned long *map, unsigned long size, unsigned long start,
					 unsigned int nr, unsigned long align_mask);
/* 2^order bits at pos: 0 and set them if all were clear, else -EBUSY. */
int bitmap_allocate_region(unsigned long *map, unsigned int pos, int order);
void bitmap_release_region(unsigned long *map, unsigned int pos, int order);

#endif
