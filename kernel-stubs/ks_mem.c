/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * ks_mem.c - kernel memory carved from the simulated-DRAM arena the host hands over: kmalloc,
 * kmem_cache, alloc_pages (physically aligned to their size), gen_pool, virt_to_phys/phys_to_virt as
 * exact inverses over the arena (kernel-surface.md 10.5). A bump allocator that never reuses memory:
 * every object has redzones on both sides, freed objects stay poisoned for the rest of the run (an
 * unbounded quarantine), and under ASan both are poisoned with the manual interface so driver overflows
 * and use-after-free are caught in simulated DRAM. Every call is fallible (fail-nth); leaks, double
 * and bad frees are findings. Choices: docs/kernel-stubs.md, "Memory".
 */
#include <stdlib.h>
#include <string.h>

#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/gfp.h>
#include <linux/genalloc.h>

#include "ks_priv.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define KS_POISON(p, n) ASAN_POISON_MEMORY_REGION(p, n)
#define KS_UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION(p, n)
#else
#define KS_POISON(p, n) ((void)(p), (void)(n))
#define KS_UNPOISON(p, n) ((void)(p), (void)(n))
#endif

#define KS_REDZONE 32u
#define KS_UNINIT_BYTE 0xa5	/* memory the caller did not ask to be zeroed */

enum ks_alloc_kind { KS_KMALLOC, KS_CACHE_OBJ, KS_PAGES, KS_CACHE_DESC, KS_GENPOOL };

static const char *const kind_name[] = { "kmalloc", "kmem_cache object", "pages", "kmem_cache", "gen_pool" };

struct ks_alloc {
	u64 off;			/* object offset in the arena */
	u64 size;
	const char *file, *func;
	int line;
	u8 kind;
	bool live;
	bool boot;
	struct kmem_cache *cache;
	unsigned int order;
};

struct kmem_cache {
	const char *name;
	unsigned int size, align;
	unsigned long live;
};

static struct {
	u8 *base;
	u64 phys, size, top;
	struct ks_alloc *recs;		/* sorted by off (bump allocation) */
	size_t count, cap, checkpoint;
	struct ks_mem_stats st;
} mem;

int ks_mem_init(void)
{
	mem.base = ks.host.arena;
	mem.phys = ks.host.arena_phys;
	mem.size = ks.host.arena_size;
	mem.top = 0;
	mem.count = 0;
	mem.checkpoint = 0;
	memset(&mem.st, 0, sizeof(mem.st));
	KS_POISON(mem.base, mem.size);
	return 0;
}

bool ks_mem_in_arena(const void *p, size_t len)
{
	const u8 *b = p;

	return mem.base && b >= mem.base && len <= mem.size && (u64)(b - mem.base) <= mem.size - len;
}

static struct ks_alloc *find(const void *p)
{
	size_t lo = 0, hi = mem.count;
	u64 off;

	if (!ks_mem_in_arena(p, 1))
		return NULL;
	off = (u64)((const u8 *)p - mem.base);
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (mem.recs[mid].off == off)
			return &mem.recs[mid];
		if (mem.recs[mid].off < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static void *carve(u64 size, u64 align, gfp_t gfp, u8 kind, const char *file, const char *func, int line,
		   const char *what)
{
	u64 start, end;
	struct ks_alloc *r;

	if (ks_fallible(what, file, func, line))
		goto fail;
	if (align < 16)
		align = 16;
	/* aligned in physical address space (the arena's physical base may be any 4 KiB multiple) */
	start = mem.phys + mem.top + KS_REDZONE;
	start = (start + align - 1) & ~(align - 1);
	start -= mem.phys;
	end = start + (size ? size : 1);
	if (end + KS_REDZONE > mem.size || end < start)
		goto fail;
	if (mem.count == mem.cap) {
		size_t cap = mem.cap ? mem.cap * 2 : 256;
		struct ks_alloc *n = realloc(mem.recs, cap * sizeof(*n));

		if (!n)
			goto fail;
		mem.recs = n;
		mem.cap = cap;
	}
	mem.top = end + KS_REDZONE;
	r = &mem.recs[mem.count++];
	*r = (struct ks_alloc){ .off = start, .size = size, .file = file, .func = func, .line = line,
				.kind = kind, .live = true };
	KS_UNPOISON(mem.base + start, size);
	memset(mem.base + start, (gfp & __GFP_ZERO) ? 0 : KS_UNINIT_BYTE, size);
	mem.st.allocs++;
	mem.st.live++;
	mem.st.live_bytes += size;
	return mem.base + start;
fail:
	mem.st.failed++;
	return NULL;
}

/* Returns the record, or NULL after reporting why the free is wrong. */
static struct ks_alloc *release(const void *p, u8 kind, const char *file, const char *func, int line)
{
	struct ks_alloc *r = find(p);

	if (!r) {
		ks_finding(KS_FINDING_BAD_FREE, file, func, line, "free of %p, which is no %s allocation", p,
			   kind_name[kind]);
		return NULL;
	}
	if (!r->live) {
		ks_finding(KS_FINDING_DOUBLE_FREE, file, func, line, "double free of a %s allocation of %llu bytes "
			   "made at %s:%d (%s)", kind_name[r->kind], (unsigned long long)r->size,
			   ks_short_file(r->file), r->line, r->func);
		return NULL;
	}
	if (r->kind != kind) {
		ks_finding(KS_FINDING_MISUSE, file, func, line, "%s allocation made at %s:%d freed as %s",
			   kind_name[r->kind], ks_short_file(r->file), r->line, kind_name[kind]);
	}
	r->live = false;
	KS_POISON(mem.base + r->off, r->size);
	mem.st.frees++;
	mem.st.live--;
	mem.st.live_bytes -= r->size;
	return r;
}

void *ks_kmalloc(size_t size, size_t align, gfp_t gfp, const char *file, const char *func, int line)
{
	u64 a = 8;

	/* kmalloc aligns power-of-two sizes naturally (up to a page) */
	while (a < size && a < PAGE_SIZE)
		a <<= 1;
	if (align > a)
		a = align;
	return carve(size, a, gfp, KS_KMALLOC, file, func, line, "kmalloc");
}

void ks_kfree(const void *p, const char *file, const char *func, int line)
{
	if (!p)
		return;
	release(p, KS_KMALLOC, file, func, line);
}

void *ks_alloc_pages(unsigned int order, gfp_t gfp, const char *file, const char *func, int line)
{
	void *p;
	struct ks_alloc *r;

	if (order > MAX_PAGE_ORDER) {
		ks_finding(KS_FINDING_WARN, file, func, line, "alloc_pages order %u above the maximum", order);
		return NULL;
	}
	p = carve(PAGE_SIZE << order, PAGE_SIZE << order, gfp, KS_PAGES, file, func, line, "alloc_pages");
	if (p) {
		r = find(p);
		r->order = order;
	}
	return p;
}

void ks_free_pages(void *addr, unsigned int order, const char *file, const char *func, int line)
{
	struct ks_alloc *r;

	if (!addr)
		return;
	r = release(addr, KS_PAGES, file, func, line);
	if (r && r->order != order)
		ks_finding(KS_FINDING_MISUSE, file, func, line, "free_pages order %u of an order-%u block", order,
			   r->order);
}

struct kmem_cache *ks_kmem_cache_create(const char *name, unsigned int size, unsigned int align,
					unsigned long flags, void (*ctor)(void *), const char *file,
					const char *func, int line)
{
	struct kmem_cache *c = carve(sizeof(*c), 8, __GFP_ZERO, KS_CACHE_DESC, file, func, line,
				     "kmem_cache_create");

	if (!c)
		return NULL;
	if (ctor)
		ks_unreachable("kmem_cache constructor", file, func, line);
	c->name = name;
	c->size = size;
	c->align = (flags & SLAB_HWCACHE_ALIGN) ? 64 : (align ? align : 8);
	return c;
}

void ks_kmem_cache_destroy(struct kmem_cache *c, const char *file, const char *func, int line)
{
	if (!c)
		return;
	if (c->live)
		ks_finding(KS_FINDING_LEAK, file, func, line, "kmem_cache %s destroyed with %lu objects live",
			   c->name, c->live);
	release(c, KS_CACHE_DESC, file, func, line);
}

void *ks_kmem_cache_alloc(struct kmem_cache *c, gfp_t gfp, const char *file, const char *func, int line)
{
	void *p;

	if (!c) {
		ks_finding(KS_FINDING_MISUSE, file, func, line, "kmem_cache_alloc on a NULL cache");
		return NULL;
	}
	p = carve(c->size, c->align, gfp, KS_CACHE_OBJ, file, func, line, "kmem_cache_alloc");
	if (p) {
		find(p)->cache = c;
		c->live++;
	}
	return p;
}

void ks_kmem_cache_free(struct kmem_cache *c, void *p, const char *file, const char *func, int line)
{
	struct ks_alloc *r;

	if (!p)
		return;
	r = release(p, KS_CACHE_OBJ, file, func, line);
	if (!r)
		return;
	if (r->cache != c)
		ks_finding(KS_FINDING_MISUSE, file, func, line, "object of cache %s freed to cache %s",
			   r->cache ? r->cache->name : "?", c ? c->name : "NULL");
	if (r->cache)
		r->cache->live--;
}

bool ks_slab_is_available(void)
{
	return true;
}

phys_addr_t ks_virt_to_phys(const volatile void *p, const char *file, const char *func, int line)
{
	if (!ks_mem_in_arena((const void *)p, 1)) {
		ks_finding(KS_FINDING_MISUSE, file, func, line, "virt_to_phys(%p): not kernel memory",
			   (const void *)p);
		return 0;
	}
	return mem.phys + (u64)((const u8 *)p - mem.base);
}

void *ks_phys_to_virt(phys_addr_t pa)
{
	void *p;

	if (pa >= mem.phys && pa - mem.phys < mem.size)
		return mem.base + (pa - mem.phys);
	p = ks.host.ram_ptr(ks.host.ctx, pa, 4);
	/* Not RAM: a cookie, so accessors reach the bus and a plain dereference faults (10.4). */
	return p ? p : ks_io_cookie(pa);
}

/* ------------------------------------------------------------------ gen_pool (first fit, bitmap) */

struct gen_pool {
	int order;
	unsigned long start;
	size_t chunks;			/* granules */
	unsigned long *map;
	bool added;
};

struct gen_pool *ks_gen_pool_create(int min_alloc_order, int nid, const char *file, const char *func, int line)
{
	struct gen_pool *g = carve(sizeof(*g), 8, __GFP_ZERO, KS_GENPOOL, file, func, line, "gen_pool_create");

	if (g)
		g->order = min_alloc_order;
	return g;
}

int ks_gen_pool_add(struct gen_pool *pool, unsigned long addr, size_t size, int nid, const char *file,
		    const char *func, int line)
{
	size_t n = size >> pool->order;

	if (pool->added) {
		ks_unreachable("gen_pool_add of a second chunk", file, func, line);
		return -EINVAL;
	}
	pool->map = carve(BITS_TO_LONGS(n) * sizeof(long), 8, __GFP_ZERO, KS_KMALLOC, file, func, line,
			  "gen_pool_add");
	if (!pool->map)
		return -ENOMEM;
	pool->start = addr;
	pool->chunks = n;
	pool->added = true;
	return 0;
}

#undef gen_pool_alloc
unsigned long ks_gen_pool_alloc(struct gen_pool *pool, size_t size, const char *file, const char *func, int line)
{
	if (ks_fallible("gen_pool_alloc", file, func, line))
		return 0;
	return gen_pool_alloc(pool, size);
}

unsigned long gen_pool_alloc(struct gen_pool *pool, size_t size)
{
	size_t need = (size + (1UL << pool->order) - 1) >> pool->order, i, run = 0;

	if (!pool->added || !need)
		return 0;
	for (i = 0; i < pool->chunks; i++) {
		run = test_bit((long)i, pool->map) ? 0 : run + 1;
		if (run == need) {
			size_t first = i + 1 - need, j;

			for (j = first; j <= i; j++)
				set_bit((long)j, pool->map);
			return pool->start + (first << pool->order);
		}
	}
	return 0;
}

void gen_pool_free(struct gen_pool *pool, unsigned long addr, size_t size)
{
	size_t first, need, j;

	if (addr < pool->start || ((addr - pool->start) >> pool->order) >= pool->chunks) {
		ks_finding(KS_FINDING_BAD_FREE, __FILE__, __func__, __LINE__, "gen_pool_free of 0x%lx outside the pool",
			   addr);
		return;
	}
	first = (addr - pool->start) >> pool->order;
	need = (size + (1UL << pool->order) - 1) >> pool->order;
	for (j = first; j < first + need && j < pool->chunks; j++) {
		if (!test_bit((long)j, pool->map))
			ks_finding(KS_FINDING_DOUBLE_FREE, __FILE__, __func__, __LINE__,
				   "gen_pool_free of a free granule at pool offset 0x%lx (granule %zu)",
				   (unsigned long)(j << pool->order), j);
		clear_bit((long)j, pool->map);
	}
}

void gen_pool_destroy(struct gen_pool *pool)
{
	if (!pool)
		return;
	if (pool->map)
		release(pool->map, KS_KMALLOC, __FILE__, __func__, __LINE__);
	release(pool, KS_GENPOOL, __FILE__, __func__, __LINE__);
}

/* ------------------------------------------------------------------ accounting */

void ks_mem_checkpoint(void)
{
	size_t i;

	for (i = 0; i < mem.count; i++)
		mem.recs[i].boot = true;
	mem.checkpoint = mem.count;
}

void ks_mem_report(void)
{
	size_t i;

	for (i = mem.checkpoint; i < mem.count; i++) {
		struct ks_alloc *r = &mem.recs[i];

		if (r->live)
			ks_finding(KS_FINDING_LEAK, r->file, r->func, r->line, "%s of %llu bytes never freed",
				   kind_name[r->kind], (unsigned long long)r->size);
	}
}

void ks_mem_get_stats(struct ks_mem_stats *st)
{
	size_t i;

	*st = mem.st;
	st->live_boot = 0;
	for (i = 0; i < mem.count && i < mem.checkpoint; i++)
		st->live_boot += mem.recs[i].live;
	st->arena_used = mem.top;
}

void ks_mem_release(void)
{
	if (mem.base)
		KS_UNPOISON(mem.base, mem.size);
	free(mem.recs);
	memset(&mem, 0, sizeof(mem));
}
