/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * linux/gfp.h, linux/mm.h (stub) - page allocation from the simulated-DRAM arena. A struct page
 * pointer is the block's kernel virtual address, so page_address() is a cast and page_to_phys() is
 * virt_to_phys(). Blocks of order n are physically aligned to PAGE_SIZE << n (kernel-surface.md 10.5).
 */
#ifndef KS_LINUX_GFP_H
#define KS_LINUX_GFP_H

#include <linux/types.h>

#define GFP_KERNEL 0x1u
#define GFP_ATOMIC 0x2u
#define GFP_NOWAIT 0x4u
#define __GFP_ZERO 0x100u
#define __GFP_NOWARN 0x200u
#define GFP_DMA 0x400u

#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))
#define MAX_PAGE_ORDER 10

struct page;

#define KS_SITE __FILE__, __func__, __LINE__

void *ks_alloc_pages(unsigned int order, gfp_t gfp, const char *file, const char *func, int line);
void ks_free_pages(void *addr, unsigned int order, const char *file, const char *func, int line);
phys_addr_t ks_virt_to_phys(const volatile void *p, const char *file, const char *func, int line);
void *ks_phys_to_virt(phys_addr_t pa);

#define alloc_pages(gfp, order) ((struct page *)ks_alloc_pages(order, gfp, KS_SITE))
#define __get_free_pages(gfp, order) ((unsigned long)ks_alloc_pages(order, gfp, KS_SITE))
#define __get_free_page(gfp) __get_free_pages(gfp, 0)
#define get_zeroed_page(gfp) __get_free_pages((gfp) | __GFP_ZERO, 0)
#define free_pages(addr, order) ks_free_pages((void *)(addr), order, KS_SITE)
#define free_page(addr) free_pages(addr, 0)
#define __free_pages(page, order) ks_free_pages((void *)(page), order, KS_SITE)
#define page_address(page) ((void *)(page))
#define virt_to_page(addr) ((struct page *)(addr))
#define virt_to_phys(p) ks_virt_to_phys(p, KS_SITE)
#define __pa(p) virt_to_phys(p)
#define phys_to_virt(pa) ks_phys_to_virt(pa)
#define __va(pa) ks_phys_to_virt(pa)
#define page_to_phys(page) virt_to_phys((void *)(page))

static inline int get_order(unsigned long size)
{
	int order = 0;

	size = (size - 1) >> PAGE_SHIFT;
	while (size) {
		order++;
		size >>= 1;
	}
	return order;
}

#endif
