/* SPDX-License-Identifier: BSD-2-Clause */
/* linux/genalloc.h (stub) - a first-fit general-purpose allocator over one or more address chunks
 * (5.10's SPAACE index allocator). Granule 2^min_alloc_order; allocations are counted and fallible. */
#ifndef KS_LINUX_GENALLOC_H
#define KS_LINUX_GENALLOC_H
#include <linux/types.h>
struct gen_pool;
struct gen_pool *ks_gen_pool_create(int min_alloc_order, int nid, const char *file, const char *func, int line);
int ks_gen_pool_add(struct gen_pool *pool, unsigned long addr, size_t size, int nid, const char *file,
		    const char *func, int line);
unsigned long gen_pool_alloc(struct gen_pool *pool, size_t size);
unsigned long ks_gen_pool_alloc(struct gen_pool *pool, size_t size, const char *file, const char *func, int line);
/* fallible at the driver's call site (fail-nth), as an exhausted pool fails */
#define gen_pool_alloc(pool, size) ks_gen_pool_alloc(pool, size, __FILE__, __func__, __LINE__)
void gen_pool_free(struct gen_pool *pool, unsigned long addr, size_t size);
void gen_pool_destroy(struct gen_pool *pool);
#define gen_pool_create(order, nid) ks_gen_pool_create(order, nid, __FILE__, __func__, __LINE__)
#define gen_pool_add(pool, addr, size, nid) ks_gen_pool_add(pool, addr, size, nid, __FILE__, __func__, __LINE__)
#endif
