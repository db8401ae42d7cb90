/* SPDX-License-Identifier: BSD-2-Clause */
/* linux/memblock.h (stub) - early boot allocation is never used: slab is always available, so the
 * memblock path of msi_bitmap_alloc is a must-never-be-reached stub. */
#ifndef KS_LINUX_MEMBLOCK_H
#define KS_LINUX_MEMBLOCK_H
#include <linux/types.h>
void *ks_unreachable_ptr(const char *what, const char *file, const char *func, int line);
#define memblock_alloc(size, align) ks_unreachable_ptr("memblock_alloc", __FILE__, __func__, __LINE__)
#endif
