/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * linux/mm.h (stub) - see linux/gfp.h for kernel pages; plus the user-page side of a simulated process
 * (kernel-stubs/ks_mm.c, docs/vfio.md): struct page of user memory, pfn conversions, pinning with
 * get_user_pages_fast (fallible), reference counts and the mm_struct with the mmap_sem era's lock.
 */
#ifndef KS_LINUX_MM_H
#define KS_LINUX_MM_H
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/sched.h>

/* A pfn is valid when it is a page of the kernel arena or of the simulated process's user pool. */
bool ks_pfn_valid(unsigned long pfn);
struct page *ks_pfn_to_page(unsigned long pfn);
unsigned long ks_page_to_pfn(const struct page *page);
bool ks_page_reserved(const struct page *page);
void ks_set_page_dirty(struct page *page);
void ks_put_page(struct page *page, const char *file, const char *func, int line);
void ks_get_page(struct page *page);
int ks_get_user_pages_fast(unsigned long start, int nr_pages, int write, struct page **pages, const char *file,
			   const char *func, int line);

#define pfn_valid(pfn) ks_pfn_valid(pfn)
#define pfn_to_page(pfn) ks_pfn_to_page(pfn)
#define page_to_pfn(page) ks_page_to_pfn(page)
#define compound_head(page) (page)
#define PageTail(page) ((void)(page), 0)
#define PageReserved(page) ks_page_reserved(page)
#define SetPageDirty(page) ks_set_page_dirty(page)
#define put_page(page) ks_put_page(page, __FILE__, __func__, __LINE__)
#define get_page(page) ks_get_page(page)
#define get_user_pages_fast(start, nr, write, pages)                                           \
	ks_get_user_pages_fast(start, nr, write, pages, __FILE__, __func__, __LINE__)

#endif
