/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * linux/slab.h (stub) - kmalloc and kmem_cache over the simulated-DRAM arena, counted per run (leaks,
 * double frees), with ASan redzones and poisoning of freed objects when built with ASan; every call is
 * fallible through the shared fail-nth countdown (docs/kernel-stubs.md, "Memory").
 */
#ifndef KS_LINUX_SLAB_H
#define KS_LINUX_SLAB_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <string.h>

#define SLAB_HWCACHE_ALIGN 0x2000u
#define SLAB_PANIC 0x40000u
#define ARCH_KMALLOC_MINALIGN 8
#define SMP_CACHE_BYTES 64
#define L1_CACHE_BYTES 64

struct kmem_cache;

void *ks_kmalloc(size_t size, size_t align, gfp_t gfp, const char *file, const char *func, int line);
void ks_kfree(const void *p, const char *file, const char *func, int line);
struct kmem_cache *ks_kmem_cache_create(const char *name, unsigned int size, unsigned int align,
					unsigned long flags, void (*ctor)(void *), const char *file,
					const char *func, int line);
void ks_kmem_cache_destroy(struct kmem_cache *c, const char *file, const char *func, int line);
void *ks_kmem_cache_alloc(struct kmem_cache *c, gfp_t gfp, const char *file, const char *func, int line);
void ks_kmem_cache_free(struct kmem_cache *c, void *p, const char *file, const char *func, int line);
bool ks_slab_is_available(void);

#define kmalloc(size, gfp) ks_kmalloc(size, 0, gfp, KS_SITE)
#define kzalloc(size, gfp) ks_kmalloc(size, 0, (gfp) | __GFP_ZERO, KS_SITE)
#define kcalloc(n, size, gfp) ks_kmalloc((n) * (size), 0, (gfp) | __GFP_ZERO, KS_SITE)
#define kmalloc_array(n, size, gfp) ks_kmalloc((n) * (size), 0, gfp, KS_SITE)
#define kfree(p) ks_kfree(p, KS_SITE)
#define kfree_sensitive(p) ks_kfree(p, KS_SITE)
#define kmem_cache_create(name, size, align, flags, ctor)                                      \
	ks_kmem_cache_create(name, size, align, flags, ctor, KS_SITE)
#define kmem_cache_destroy(c) ks_kmem_cache_destroy(c, KS_SITE)
#define kmem_cache_alloc(c, gfp) ks_kmem_cache_alloc(c, gfp, KS_SITE)
#define kmem_cache_zalloc(c, gfp) ks_kmem_cache_alloc(c, (gfp) | __GFP_ZERO, KS_SITE)
#define kmem_cache_free(c, p) ks_kmem_cache_free(c, p, KS_SITE)
#define slab_is_available() ks_slab_is_available()

#endif
