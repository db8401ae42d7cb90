/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * ks_stub_test.c - Ks.*: the stub families without any kernel code (the 6.12 stubs library): OF from a
 * blob built here (host-order cells, references, address translation, MPIC interrupt specifiers), the
 * allocator (alignment, phys/virt inverses, fail-nth, leaks, double frees), the MMIO seam and the IRQ
 * core. A fake host records MMIO accesses. Sources: kernel-surface.md 4, 10.1, 10.4, 10.5, 10.6.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libfdt.h>

#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/of.h>
#include <linux/of_address.h>
#include <linux/of_irq.h>
#include <linux/interrupt.h>
#include <asm/hw_irq.h>
#include <asm/mpic.h>
#include <linux/bitmap.h>

#include "ks_host.h"
#include "pamusim_config.h"
#include "sim_file.h"
#include "sim_test.h"

#define ARENA_PHYS 0x10000000ull
#define ARENA_SIZE (4u << 20)
#define REGRAM_PHYS 0xfe0000000ull	/* a RAM-backed register block (like LAW/CCF) */
#define DEV_PHYS 0xffe020000ull		/* a device register block */

static struct {
	void *arena;
	u32 regram[1024];
	u32 dev_regs[0x400];
	unsigned int loads, stores;
	u64 last_store_pa, last_store_val;
	char fdt[8192];
} fh;

static void *fh_ram_ptr(void *ctx, uint64_t pa, size_t len)
{
	if (pa >= ARENA_PHYS && pa + len <= ARENA_PHYS + ARENA_SIZE)
		return (char *)fh.arena + (pa - ARENA_PHYS);
	if (pa >= REGRAM_PHYS && pa + len <= REGRAM_PHYS + sizeof(fh.regram))
		return (char *)fh.regram + (pa - REGRAM_PHYS);
	return NULL;
}

static int fh_load(void *ctx, uint64_t pa, unsigned int size, uint64_t *val)
{
	fh.loads++;
	if (pa >= DEV_PHYS && pa < DEV_PHYS + sizeof(fh.dev_regs) && size == 4) {
		*val = fh.dev_regs[(pa - DEV_PHYS) / 4];
		return 0;
	}
	*val = ~0ull;
	return -1;
}

static int fh_store(void *ctx, uint64_t pa, unsigned int size, uint64_t val)
{
	fh.stores++;
	fh.last_store_pa = pa;
	fh.last_store_val = val;
	if (pa >= DEV_PHYS && pa < DEV_PHYS + sizeof(fh.dev_regs) && size == 4) {
		fh.dev_regs[(pa - DEV_PHYS) / 4] = (u32)val;
		return 0;
	}
	return -1;
}

static void prop_cells(void *f, const char *name, const u32 *c, int n)
{
	u32 be[16];
	int i;

	for (i = 0; i < n; i++)
		be[i] = cpu_to_fdt32(c[i]);
	fdt_property(f, name, be, n * 4);
}

/* / { #address-cells 2, #size-cells 2; mpic (phandle 1); soc@ffe000000 { ranges <0 0xf 0xfe000000
 * 0x1000000>; dev@20000 { compatible "acme,dev\0simple"; reg <0x20000 0x6000>; fsl,liodn <0x78 0x79>;
 * interrupts <24 2 0 0>; } } } */
static void build_fdt(void)
{
	void *f = fh.fdt;
	u32 two = 2, one = 1, four = 4;

	fdt_create(f, sizeof(fh.fdt));
	fdt_finish_reservemap(f);
	fdt_begin_node(f, "");
	prop_cells(f, "#address-cells", &two, 1);
	prop_cells(f, "#size-cells", &two, 1);
	fdt_begin_node(f, "pic@ffe040000");
	fdt_property(f, "compatible", "fsl,mpic\0chrp,open-pic", sizeof("fsl,mpic\0chrp,open-pic"));
	prop_cells(f, "#interrupt-cells", &four, 1);
	prop_cells(f, "phandle", &one, 1);
	fdt_end_node(f);
	fdt_begin_node(f, "soc@ffe000000");
	fdt_property(f, "compatible", "simple-bus", sizeof("simple-bus"));
	prop_cells(f, "#address-cells", &one, 1);
	prop_cells(f, "#size-cells", &one, 1);
	prop_cells(f, "ranges", (const u32[]){ 0, 0xf, 0xfe000000, 0x1000000 }, 4);
	prop_cells(f, "interrupt-parent", &one, 1);
	fdt_begin_node(f, "dev@20000");
	fdt_property(f, "compatible", "acme,dev\0simple", sizeof("acme,dev\0simple"));
	prop_cells(f, "reg", (const u32[]){ 0x20000, 0x6000 }, 2);
	prop_cells(f, "fsl,liodn", (const u32[]){ 0x78, 0x79 }, 2);
	prop_cells(f, "interrupts", (const u32[]){ 24, 2, 0, 0 }, 4);
	fdt_end_node(f);
	fdt_end_node(f);
	fdt_end_node(f);
	fdt_finish(f);
}

static const struct ks_api *api;
static uint64_t boot_mpic_phys;	/* struct ks_host.mpic_phys of the next boot */

static bool boot(void)
{
	struct ks_host h = { 0 };

	api = ks_get_api();
	if (!fh.arena)
		fh.arena = aligned_alloc(1 << 20, ARENA_SIZE);
	memset(fh.arena, 0, ARENA_SIZE);
	build_fdt();
	api->clear_findings();
	h.abi_version = KS_ABI_VERSION;
	h.arena = fh.arena;
	h.arena_phys = ARENA_PHYS;
	h.arena_size = ARENA_SIZE;
	h.ram_ptr = fh_ram_ptr;
	h.mmio_load = fh_load;
	h.mmio_store = fh_store;
	h.fdt = fh.fdt;
	h.fdt_size = sizeof(fh.fdt);
	h.svr = 0x82000020;
	h.mpic_phys = boot_mpic_phys;
	return api->boot(&h) == KS_OK;
}

static unsigned int count_kind(enum ks_finding_kind k)
{
	unsigned int i, n = 0;

	for (i = 0; i < api->finding_count(); i++)
		n += api->finding(i)->kind == k;
	return n;
}

SIM_TEST(Ks, OfCellsHostOrderStringsUntouched)
{
	struct device_node *np;
	const u32 *liodn;
	const char *compat;
	int len;

	SIM_ASSERT(boot());
	np = of_find_compatible_node(NULL, NULL, "acme,dev");
	SIM_ASSERT(np != NULL);
	SIM_EXPECT(!strcmp(np->full_name, "/soc@ffe000000/dev@20000"));
	liodn = of_get_property(np, "fsl,liodn", &len);
	SIM_ASSERT(liodn != NULL);
	SIM_EXPECT_EQ_U64(len, 8);
	/* raw reads and be32_to_cpup agree (kernel-surface.md 10.1 option a) */
	SIM_EXPECT_EQ_U64(liodn[0], 0x78);
	SIM_EXPECT_EQ_U64(be32_to_cpup(&liodn[1]), 0x79);
	compat = of_get_property(np, "compatible", &len);
	SIM_EXPECT(compat && !strcmp(compat, "acme,dev") && !strcmp(compat + 9, "simple"));
	SIM_EXPECT(of_device_is_compatible(np, "simple") > 0);
	SIM_EXPECT(!of_device_is_compatible(np, "simpl"));
	of_node_put(np);
	SIM_EXPECT_EQ_U64(api->shutdown(), KS_OK);
	SIM_EXPECT_EQ_U64(api->finding_count(), 0);
}

SIM_TEST(Ks, OfAddressTranslationThroughRanges)
{
	struct device_node *np;
	struct resource r;

	SIM_ASSERT(boot());
	np = of_find_compatible_node(NULL, NULL, "acme,dev");
	SIM_ASSERT(np != NULL);
	SIM_ASSERT(of_address_to_resource(np, 0, &r) == 0);
	SIM_EXPECT_EQ_U64(r.start, DEV_PHYS);
	SIM_EXPECT_EQ_U64(resource_size(&r), 0x6000);
	SIM_EXPECT(of_address_to_resource(np, 1, &r) != 0);
	of_node_put(np);
	api->shutdown();
}

SIM_TEST(Ks, OfReferencesCounted)
{
	struct device_node *np;

	SIM_ASSERT(boot());
	np = of_find_compatible_node(NULL, NULL, "acme,dev");
	SIM_ASSERT(np != NULL);
	of_node_put(np);
	of_node_put(np);	/* one put too many */
	SIM_EXPECT_EQ_U64(count_kind(KS_FINDING_REFCOUNT), 1);
	np = of_find_node_by_path("/soc@ffe000000");	/* taken after boot, never put */
	SIM_ASSERT(np != NULL);
	api->shutdown();
	SIM_EXPECT_EQ_U64(count_kind(KS_FINDING_LEAK), 1);
}

SIM_TEST(Ks, OfIrqMpicSpecifier)
{
	struct device_node *np;
	unsigned int virq;

	SIM_ASSERT(boot());
	np = of_find_compatible_node(NULL, NULL, "acme,dev");
	virq = irq_of_parse_and_map(np, 0);
	SIM_EXPECT(virq != 0);
	SIM_EXPECT_EQ_U64(virq_to_hw(virq), 24);
	SIM_EXPECT_EQ_U64(irq_of_parse_and_map(np, 0), virq);	/* same mapping again */
	SIM_EXPECT_EQ_U64(irq_of_parse_and_map(np, 1), 0);	/* no second interrupt */
	of_node_put(np);
	api->shutdown();
}

SIM_TEST(Ks, AllocPagesAlignedAndPhysInverse)
{
	void *small, *p;
	u64 pa;

	SIM_ASSERT(boot());
	small = kmalloc(24, GFP_KERNEL);	/* moves the bump pointer off alignment */
	p = (void *)__get_free_pages(GFP_KERNEL | __GFP_ZERO, 7);
	SIM_ASSERT(small && p);
	pa = virt_to_phys(p);
	SIM_EXPECT_EQ_U64(pa & ((PAGE_SIZE << 7) - 1), 0);
	SIM_EXPECT(pa >= ARENA_PHYS && pa < ARENA_PHYS + ARENA_SIZE);
	SIM_EXPECT(phys_to_virt(pa) == p);
	SIM_EXPECT(phys_to_virt(pa + 0x1234) == (char *)p + 0x1234);
	SIM_EXPECT_EQ_U64(((unsigned char *)p)[(PAGE_SIZE << 7) - 1], 0);
	SIM_EXPECT_EQ_U64(get_order(0x14000), 5);
	free_pages((unsigned long)p, 7);
	kfree(small);
	SIM_EXPECT_EQ_U64(api->shutdown(), KS_OK);
	SIM_EXPECT_EQ_U64(api->finding_count(), 0);
}

SIM_TEST(Ks, AllocFailNthSharedCountdown)
{
	void *a, *b, *c;
	void __iomem *m;

	SIM_ASSERT(boot());
	api->fail_nth(3);
	a = kzalloc(16, GFP_KERNEL);			/* 1 */
	m = ioremap(DEV_PHYS, 0x1000);			/* 2: a different stub, same countdown */
	b = kzalloc(16, GFP_KERNEL);			/* 3: fails */
	c = kzalloc(16, GFP_KERNEL);			/* 4 */
	SIM_EXPECT(a != NULL);
	SIM_EXPECT(m != NULL);
	SIM_EXPECT(b == NULL);
	SIM_EXPECT(c != NULL);
	kfree(a);
	kfree(c);
	iounmap(m);
	SIM_EXPECT_EQ_U64(api->shutdown(), KS_OK);
	SIM_EXPECT_EQ_U64(api->finding_count(), 0);
}

SIM_TEST(Ks, AllocLeakAndDoubleFreeAreFindings)
{
	void *a, *leak;
	struct kmem_cache *c;
	void *o;
	unsigned int i;
	bool named = false;

	SIM_ASSERT(boot());
	a = kmalloc(40, GFP_KERNEL);
	leak = kmalloc(8, GFP_KERNEL);
	SIM_ASSERT(a && leak);
	kfree(a);
	kfree(a);
	SIM_EXPECT_EQ_U64(count_kind(KS_FINDING_DOUBLE_FREE), 1);
	kfree((char *)leak + 1);			/* not the start of an object */
	SIM_EXPECT_EQ_U64(count_kind(KS_FINDING_BAD_FREE), 1);
	c = kmem_cache_create("t", 100, 0, SLAB_HWCACHE_ALIGN, NULL);
	o = kmem_cache_zalloc(c, GFP_ATOMIC);
	SIM_ASSERT(o != NULL);
	SIM_EXPECT_EQ_U64((uintptr_t)o & 63, 0);
	kmem_cache_free(c, o);
	kmem_cache_destroy(c);
	api->shutdown();
	SIM_EXPECT_EQ_U64(count_kind(KS_FINDING_LEAK), 1);
	for (i = 0; i < api->finding_count(); i++)
		if (api->finding(i)->kind == KS_FINDING_LEAK && strstr(api->finding(i)->file, "ks_stub_test.c"))
			named = true;
	SIM_EXPECT(named);
}

SIM_TEST(Ks, MmioSeamCookiesAndRam)
{
	void __iomem *regs, *ram;
	u32 v;

	SIM_ASSERT(boot());
	regs = ioremap(DEV_PHYS, 0x1000);
	SIM_ASSERT(regs != NULL);
	fh.stores = 0;
	out_be32((u32 __iomem *)((char __iomem *)regs + 0x10), 0x12345678);
	SIM_EXPECT_EQ_U64(fh.stores, 1);
	SIM_EXPECT_EQ_U64(fh.last_store_pa, DEV_PHYS + 0x10);
	SIM_EXPECT_EQ_U64(fh.last_store_val, 0x12345678);	/* a value: no byte swap */
	fh.dev_regs[0x20 / 4] = 0xcafe0001;
	v = in_be32((u32 __iomem *)((char __iomem *)regs + 0x20));
	SIM_EXPECT_EQ_U64(v, 0xcafe0001);
	/* RAM-backed registers: the host pointer; plain pointer stores and accessors see the same memory */
	ram = ioremap(REGRAM_PHYS, 0x100);
	SIM_EXPECT(ram == (void *)fh.regram);
	((u32 *)ram)[3] = 0xabcd;
	fh.loads = 0;
	SIM_EXPECT_EQ_U64(in_be32((u32 __iomem *)ram + 3), 0xabcd);
	SIM_EXPECT_EQ_U64(fh.loads, 0);
	/* a pointer into kernel memory (the ISR's PAACE dump) also falls through to plain memory */
	SIM_EXPECT(phys_to_virt(DEV_PHYS) != NULL);
	iounmap(regs);
	iounmap(ram);
	iounmap(NULL);
	iounmap(regs);						/* already unmapped */
	SIM_EXPECT_EQ_U64(count_kind(KS_FINDING_BAD_FREE), 1);
	api->shutdown();
}

static int irq_hits;

static irqreturn_t test_isr(int irq, void *dev)
{
	irq_hits += *(int *)dev;
	return IRQ_HANDLED;
}

SIM_TEST(Ks, IrqRequestDispatchFree)
{
	struct device_node *np;
	unsigned int virq;
	int one = 1;

	SIM_ASSERT(boot());
	np = of_find_compatible_node(NULL, NULL, "acme,dev");
	virq = irq_of_parse_and_map(np, 0);
	of_node_put(np);
	SIM_ASSERT(virq != 0);
	irq_hits = 0;
	SIM_EXPECT_EQ_U64(request_irq(virq, test_isr, 0, "t", &one), 0);
	SIM_EXPECT_EQ_U64(request_irq(virq, test_isr, 0, "t2", &one), (u64)(s64)-EBUSY);
	SIM_EXPECT_EQ_U64(api->irq_requested("t"), virq);
	SIM_EXPECT_EQ_U64(generic_handle_irq(virq), 0);
	SIM_EXPECT_EQ_U64(irq_hits, 1);
	free_irq(virq, &one);
	SIM_EXPECT_EQ_U64(api->irq_requested("t"), 0);
	SIM_EXPECT_EQ_U64(api->finding_count(), 0);
	free_irq(virq, &one);		/* the kernel WARNs: already free */
	SIM_EXPECT_EQ_U64(count_kind(KS_FINDING_WARN), 1);
	api->shutdown();
}

SIM_TEST(Ks, LockImbalanceIsAFinding)
{
	DEFINE_SPINLOCK(l);
	unsigned long flags;

	SIM_ASSERT(boot());
	spin_lock_irqsave(&l, flags);
	spin_unlock_irqrestore(&l, flags);
	SIM_EXPECT_EQ_U64(api->finding_count(), 0);
	spin_unlock(&l);
	SIM_EXPECT_EQ_U64(count_kind(KS_FINDING_LOCK), 1);
	api->shutdown();
}

/* fsl_mpic_primary_get_version reads BRR1 (offset 0 of the MPIC block) through the MMIO seam. */
SIM_TEST(Ks, MpicVersionFromBrr1)
{
	boot_mpic_phys = DEV_PHYS;
	fh.dev_regs[0] = 0x00400402;
	SIM_ASSERT(boot());
	SIM_EXPECT_EQ_U64(fsl_mpic_primary_get_version(), 0x0402);
	fh.dev_regs[0] = 0x00400200;
	SIM_EXPECT_EQ_U64(fsl_mpic_primary_get_version(), 0x0200);
	api->shutdown();
	boot_mpic_phys = 0;
	fh.dev_regs[0] = 0;
	SIM_ASSERT(boot());
	SIM_EXPECT_EQ_U64(fsl_mpic_primary_get_version(), 0);	/* no MPIC */
	api->shutdown();
}

/* The bitmap operations msi_bitmap.c relies on: aligned zero areas, regions. */
SIM_TEST(Ks, BitmapZeroAreaAndRegions)
{
	DECLARE_BITMAP(map, 128);

	memset(map, 0, sizeof(map));
	SIM_EXPECT_EQ_U64(bitmap_find_next_zero_area(map, 128, 0, 4, 3), 0);
	bitmap_set(map, 0, 5);
	SIM_EXPECT_EQ_U64(bitmap_find_next_zero_area(map, 128, 0, 1, 0), 5);
	SIM_EXPECT_EQ_U64(bitmap_find_next_zero_area(map, 128, 0, 4, 3), 8);
	SIM_EXPECT_EQ_U64(bitmap_allocate_region(map, 4, 2), (u64)(s64)-EBUSY);
	SIM_EXPECT_EQ_U64(bitmap_allocate_region(map, 64, 6), 0);
	SIM_EXPECT_EQ_U64(test_bit(127, map), 1);
	SIM_EXPECT_EQ_U64(bitmap_find_next_zero_area(map, 128, 60, 8, 0) > 128, 1);	/* does not fit */
	bitmap_release_region(map, 64, 6);
	bitmap_clear(map, 0, 5);
	SIM_EXPECT_EQ_U64(map[0] | map[1], 0);
}

/*
 * The indexed lookups against a plain walk of the tree, on the board trees of the T4240 and P4080
 * families (and P5020): for every compatible string of every node, the of_find_compatible_node chain
 * (without and with a device_type), a two-entry of_find_matching_node chain, the
 * of_find_node_with_property chain of every property name and of_find_node_by_phandle of every
 * phandle give the nodes the walk gives, in tree order, and every reference taken is put again.
 */
/* kernel-stubs/ks_priv.h (the unflattened tree of the stubs library this test links statically) */
int ks_of_init(const void *fdt, size_t size);
void ks_of_release(void);
struct device_node *ks_of_root(void);
struct device_node *ks_of_all(void);

/* The board trees come from the `dtbs` target (built by `all`, before the tests run). */
static const char *const index_boards[] = { "t4240qds", "t4240rdb", "p4080ds", "oca4080", "p5020ds", NULL };

static bool has_compat(const struct device_node *np, const char *c)
{
	int len;
	const char *s = of_get_property(np, "compatible", &len);
	const char *end = s ? s + len : NULL;

	for (; s && s < end; s += strnlen(s, (size_t)(end - s)) + 1)
		if (!strcasecmp(s, c))
			return true;
	return false;
}

static bool has_type(const struct device_node *np, const char *type)
{
	const char *t = of_get_property(np, "device_type", NULL);

	return !type || (t && !strcmp(t, type));
}

static void *read_dtb(const char *board, size_t *size)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/%s.dtb", PAMUSIM_DTB_DIR, board);
	return sim_file_read(path, SIM_FILE_MAX, size);
}

/* Compare one compatible chain with the walk; returns the number of nodes in the chain. */
static unsigned int check_compat_chain(const char *c, const char *type, const char *board)
{
	struct device_node *w = ks_of_all(), *np = NULL;
	unsigned int n = 0;

	for (;;) {
		while (w && !(has_compat(w, c) && has_type(w, type)))
			w = w->allnext;
		np = of_find_compatible_node(np, type, c);
		if (np != w) {
			sim_test_check(false, "indexed compatible chain == walk", __FILE__, __LINE__,
				       "%s: \"%s\" type %s: got %s, walk %s", board, c, type ? type : "any",
				       np ? np->full_name : "none", w ? w->full_name : "none");
			of_node_put(np);
			return n;
		}
		if (!np)
			return n;
		SIM_EXPECT_EQ_U64(np->refcount, 1);
		n++;
		w = w->allnext;
	}
}

SIM_TEST(Ks, OfIndexedLookupsEqualTreeWalk)
{
	unsigned int b, chains = 0, nodes_seen = 0;

	for (b = 0; index_boards[b]; b++) {
		size_t size = 0;
		void *dtb = read_dtb(index_boards[b], &size);
		struct device_node *np, *q;

		SIM_ASSERT(dtb != NULL);
		SIM_ASSERT(ks_of_init(dtb, size) == 0);
		for (np = ks_of_all(); np; np = np->allnext) {
			int len;
			const char *s = of_get_property(np, "compatible", &len);
			const char *end = s ? s + len : NULL;
			struct property *pp;

			nodes_seen++;
			for (; s && s < end; s += strnlen(s, (size_t)(end - s)) + 1) {
				const char *type = of_get_property(np, "device_type", NULL);
				struct of_device_id tbl[3];
				struct device_node *w, *m = NULL;
				const struct of_device_id *mid;

				for (q = ks_of_all(); q != np && !has_compat(q, s); q = q->allnext)
					;
				if (q != np)
					continue;	/* not the string's first node: already checked */
				chains++;
				SIM_EXPECT(check_compat_chain(s, NULL, index_boards[b]) >= 1);
				check_compat_chain(s, type ? type : "no-such-type", index_boards[b]);
				/* this string or a second one (the compatible string of the root, as in a table) */
				memset(tbl, 0, sizeof(tbl));
				snprintf(tbl[0].compatible, sizeof(tbl[0].compatible), "%s", s);
				snprintf(tbl[1].compatible, sizeof(tbl[1].compatible), "%s",
					 ks_of_root()->ks_compat ? ks_of_root()->ks_compat : "x");
				for (w = ks_of_all();; w = w->allnext) {
					while (w && !has_compat(w, tbl[0].compatible) && !has_compat(w, tbl[1].compatible))
						w = w->allnext;
					m = of_find_matching_node_and_match(m, tbl, &mid);
					SIM_EXPECT(m == w);
					if (m != w || !m) {
						of_node_put(m);
						break;
					}
					SIM_EXPECT(mid != NULL && has_compat(m, mid->compatible));
				}
			}
			for (pp = np->properties; pp; pp = pp->next) {
				struct device_node *w = ks_of_all(), *f = NULL;

				for (q = ks_of_all(); q != np && !of_find_property(q, pp->name, NULL); q = q->allnext)
					;
				if (q != np)
					continue;
				for (;; w = w->allnext) {
					while (w && !of_find_property(w, pp->name, NULL))
						w = w->allnext;
					f = of_find_node_with_property(f, pp->name);
					SIM_EXPECT(f == w);
					if (f != w || !f) {
						of_node_put(f);
						break;
					}
				}
			}
			if (np->phandle) {
				for (q = ks_of_all(); q->phandle != np->phandle; q = q->allnext)
					;
				q = q == of_find_node_by_phandle(np->phandle) ? q : NULL;
				SIM_EXPECT(q != NULL);
				of_node_put(q);
			}
		}
		SIM_EXPECT(of_find_compatible_node(NULL, NULL, "no,such-device") == NULL);
		SIM_EXPECT(of_find_node_with_property(NULL, "no,such-property") == NULL);
		for (np = ks_of_all(); np; np = np->allnext)
			if (np->refcount)
				sim_test_check(false, "every reference put", __FILE__, __LINE__, "%s: %s has %d",
					       index_boards[b], np->full_name, np->refcount);
		ks_of_release();
		free(dtb);
	}
	/* the trees are not trivial: hundreds of nodes, a compatible chain per distinct string */
	SIM_EXPECT(nodes_seen > 1000);
	SIM_EXPECT(chains > 200);
}
