// SPDX-License-Identifier: BSD-2-Clause
/*
 * ks_mm.c - the simulated user process VFIO calls run in: its address space (user pages taken from a
 * pool of simulated DRAM the host names, mapped at user virtual addresses), struct page of user memory
 * with reference counts, get_user_pages_fast, copy_from_user/copy_to_user, the mm_struct (mmap_sem,
 * locked_vm), RLIMIT_MEMLOCK and CAP_IPC_LOCK, the system work queue (run at defined points), div64.
 * Every pin, copy and trylock is fallible (fail-nth). Facts: ../shared/third-party/nxp-vfio-pamu/ORIGIN.md
 * (what the backend expects). Choices: docs/vfio.md.
 */
#include <stdlib.h>
#include <string.h>

#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/uaccess.h>
#include <linux/workqueue.h>
#include <linux/math64.h>

#include "ks_priv.h"

#define KS_USER_VA_BASE 0x10000000ull	/* first user virtual address handed out */
#define KS_USER_MAX_MAPS 64

struct page {
	int refs;			/* 1 while mapped in the process, + 1 per pin */
	bool mapped, dirty;
	const char *pin_file, *pin_func;	/* the last pin's call site */
	int pin_line;
};

struct ks_umap {
	u64 va, npages;
	u64 first_pfn;			/* contiguous: pfn of the first page */
	bool contiguous;		/* else page i is first_pfn + 2 * i */
};

static struct {
	u64 phys, size;			/* the pool (host: user_phys/user_size) */
	u64 base_pfn, npages, next;	/* next free page index (bump, never reused) */
	struct page *pages;
	struct ks_umap maps[KS_USER_MAX_MAPS];
	unsigned int nmaps;
	u64 next_va;
	struct mm_struct mm;
	struct task_struct task;
	unsigned long memlock;		/* RLIMIT_MEMLOCK, bytes */
	bool cap_ipc_lock;
	struct work_struct *wq_head, *wq_tail;
	unsigned long work_run;
} um;

struct task_struct *ks_current = &um.task;

int ks_mm_init(void)
{
	free(um.pages);
	memset(&um, 0, sizeof(um));
	um.task.mm = &um.mm;
	um.mm.users = 1;
	um.next_va = KS_USER_VA_BASE;
	um.memlock = 64ul << 10;	/* the usual default RLIMIT_MEMLOCK */
	if (ks.host.abi_version >= 8 && ks.host.user_size >= PAGE_SIZE) {
		um.phys = ks.host.user_phys;
		um.size = ks.host.user_size;
		um.base_pfn = um.phys >> PAGE_SHIFT;
		um.npages = um.size >> PAGE_SHIFT;
		um.pages = calloc(um.npages, sizeof(*um.pages));
		if (!um.pages)
			return -ENOMEM;
	}
	return 0;
}

/* At shutdown: pins never released are leaks of the pinning call site; locked_vm must be back to 0. */
void ks_mm_report(void)
{
	u64 i;

	ks_mm_run_work();
	/* only pages handed out so far (the bump index) can be mapped or pinned: the walk stops there, so a
	 * run that never made a user mapping pays nothing (campaign runs: docs/campaigns.md) */
	for (i = 0; i < um.next && i < um.npages; i++) {
		struct page *p = &um.pages[i];
		int pins = p->refs - (p->mapped ? 1 : 0);

		if (pins > 0)
			ks_finding(KS_FINDING_LEAK, p->pin_file, p->pin_func, p->pin_line,
				   "user page pfn 0x%llx still pinned %d time(s) at shutdown",
				   (unsigned long long)(um.base_pfn + i), pins);
	}
	/* below zero was reported where it happened (up_write); still accounted pages are reported here */
	if ((long)um.mm.locked_vm > 0)
		ks_finding(KS_FINDING_LEAK, NULL, "mm accounting", 0,
			   "mm->locked_vm is %ld pages at shutdown (after every container was closed), expected 0",
			   (long)um.mm.locked_vm);
	if (um.mm.mmap_sem.writers)
		ks_finding(KS_FINDING_LOCK, um.mm.mmap_sem.file, "mmap_sem", um.mm.mmap_sem.line,
			   "mmap_sem still held for writing at shutdown");
}

void ks_mm_release(void)
{
	free(um.pages);
	um.pages = NULL;
	um.npages = 0;
	um.nmaps = 0;
}

/* ------------------------------------------------------------------ pages and pfns */

static bool user_pfn(unsigned long pfn)
{
	return um.pages && pfn >= um.base_pfn && pfn - um.base_pfn < um.npages;
}

static bool user_page(const struct page *p)
{
	return um.pages && p >= um.pages && p < um.pages + um.npages;
}

bool ks_pfn_valid(unsigned long pfn)
{
	return user_pfn(pfn) || ks_mem_in_arena(ks_phys_to_virt((phys_addr_t)pfn << PAGE_SHIFT), 1);
}

struct page *ks_pfn_to_page(unsigned long pfn)
{
	if (user_pfn(pfn))
		return &um.pages[pfn - um.base_pfn];
	return (struct page *)ks_phys_to_virt((phys_addr_t)pfn << PAGE_SHIFT);
}

unsigned long ks_page_to_pfn(const struct page *page)
{
	if (user_page(page))
		return (unsigned long)(um.base_pfn + (u64)(page - um.pages));
	return (unsigned long)(virt_to_phys((const void *)page) >> PAGE_SHIFT);
}

bool ks_page_reserved(const struct page *page)
{
	return !user_page(page);	/* kernel memory is never a user page: treated as reserved */
}

void ks_set_page_dirty(struct page *page)
{
	if (user_page(page))
		page->dirty = true;
}

void ks_get_page(struct page *page)
{
	if (user_page(page))
		page->refs++;
}

void ks_put_page(struct page *page, const char *file, const char *func, int line)
{
	if (!page) {
		ks_finding(KS_FINDING_MISUSE, file, func, line, "put_page(NULL): the kernel dereferences it (an oops)");
		return;
	}
	if (!user_page(page)) {
		ks_finding(KS_FINDING_MISUSE, file, func, line, "put_page of %p, which is no user page",
			   (const void *)page);
		return;
	}
	if (page->refs <= (page->mapped ? 1 : 0)) {
		ks_finding(KS_FINDING_REFCOUNT, file, func, line,
			   "put_page of user page pfn 0x%llx that holds no pin (reference count %d)",
			   (unsigned long long)(um.base_pfn + (u64)(page - um.pages)), page->refs);
		return;
	}
	page->refs--;
}

/* ------------------------------------------------------------------ the address space */

static struct ks_umap *find_map(u64 va, u64 *idx)
{
	unsigned int i;

	for (i = 0; i < um.nmaps; i++) {
		struct ks_umap *m = &um.maps[i];

		if (va >= m->va && (va - m->va) >> PAGE_SHIFT < m->npages) {
			*idx = (va - m->va) >> PAGE_SHIFT;
			return m;
		}
	}
	return NULL;
}

static bool va_to_pfn(u64 va, u64 *pfn)
{
	u64 i;
	struct ks_umap *m = find_map(va, &i);

	if (!m)
		return false;
	*pfn = m->first_pfn + (m->contiguous ? i : 2 * i);
	return true;
}

/* The host's buffer allocation: npages of user memory at a fresh virtual address aligned to align (a power
 * of two >= 4 KiB). contiguous: physically contiguous pages, the first aligned to align in physical memory;
 * else every page is followed by a hole (no two pages adjacent). */
int ks_mm_user_alloc(u64 size, bool contiguous, u64 align, u64 *va)
{
	u64 n = (size + PAGE_SIZE - 1) >> PAGE_SHIFT, first, need, i, apages;
	struct ks_umap *m;

	if (!n || !um.pages)
		return um.pages ? -EINVAL : -ENODEV;
	if (align < PAGE_SIZE || (align & (align - 1)))
		return -EINVAL;
	if (um.nmaps == KS_USER_MAX_MAPS)
		return -ENOSPC;
	apages = align >> PAGE_SHIFT;
	first = contiguous ? ((um.base_pfn + um.next + apages - 1) & ~(apages - 1)) - um.base_pfn : um.next;
	need = contiguous ? n : 2 * n;
	if (first + need > um.npages)
		return -ENOMEM;
	um.next = first + need;
	m = &um.maps[um.nmaps++];
	m->va = (um.next_va + align - 1) & ~(align - 1);
	m->npages = n;
	m->first_pfn = um.base_pfn + first;
	m->contiguous = contiguous;
	um.next_va = m->va + (n << PAGE_SHIFT) + PAGE_SIZE;	/* a guard page between buffers */
	for (i = 0; i < n; i++) {
		struct page *p = &um.pages[first + (contiguous ? i : 2 * i)];

		p->mapped = true;
		p->refs = 1;
	}
	*va = m->va;
	return 0;
}

int ks_mm_user_phys(u64 va, uint64_t *phys)
{
	u64 pfn;

	if (!va_to_pfn(va, &pfn))
		return -EFAULT;
	*phys = (pfn << PAGE_SHIFT) | (va & (PAGE_SIZE - 1));
	return 0;
}

void ks_mm_stats(struct ks_vfio_mm *st)
{
	u64 i;

	memset(st, 0, sizeof(*st));
	st->locked_vm = (long)um.mm.locked_vm;
	st->memlock = um.memlock;
	st->cap_ipc_lock = um.cap_ipc_lock;
	st->pool_phys = um.phys;
	st->pool_size = um.size;
	for (i = 0; i < um.npages; i++) {
		int pins = um.pages[i].refs - (um.pages[i].mapped ? 1 : 0);

		if (pins > 0)
			st->pinned += (unsigned long)pins;
		if (um.pages[i].mapped)
			st->mapped++;
	}
	st->work_run = um.work_run;
	st->work_pending = um.wq_head != NULL;
}

void ks_mm_set_limits(uint64_t memlock, bool cap_ipc_lock)
{
	um.memlock = (unsigned long)memlock;
	um.cap_ipc_lock = cap_ipc_lock;
}

int ks_get_user_pages_fast(unsigned long start, int nr_pages, int write, struct page **pages, const char *file,
			   const char *func, int line)
{
	int i;

	if (nr_pages <= 0)
		return 0;
	if (ks_fallible("get_user_pages_fast", file, func, line))
		return -ENOMEM;
	for (i = 0; i < nr_pages; i++) {
		u64 pfn;
		struct page *p;

		if (!va_to_pfn((u64)start + ((u64)i << PAGE_SHIFT), &pfn))
			break;	/* the kernel pins what it can, returns that count */
		p = &um.pages[pfn - um.base_pfn];
		p->refs++;
		p->pin_file = file;
		p->pin_func = func;
		p->pin_line = line;
		pages[i] = p;
	}
	return i ? i : -EFAULT;
}

/* copy between kernel memory and the process's pages (each page through the host's DRAM pointer) */
static unsigned long user_copy(void *kbuf, u64 uva, unsigned long n, bool to_user)
{
	unsigned long done = 0;

	while (done < n) {
		u64 pfn, off = (uva + done) & (PAGE_SIZE - 1), chunk = PAGE_SIZE - off;
		u8 *p;

		if (chunk > n - done)
			chunk = n - done;
		if (!va_to_pfn(uva + done, &pfn))
			break;
		p = ks.host.ram_ptr(ks.host.ctx, (pfn << PAGE_SHIFT) + off, chunk);
		if (!p)
			break;
		if (to_user)
			memcpy(p, (u8 *)kbuf + done, chunk);
		else
			memcpy((u8 *)kbuf + done, p, chunk);
		done += chunk;
	}
	return n - done;
}

unsigned long ks_copy_from_user(void *to, const void *from, unsigned long n, const char *file, const char *func,
				int line)
{
	if (ks_fallible("copy_from_user", file, func, line))
		return n;
	return user_copy(to, (u64)(uintptr_t)from, n, false);
}

unsigned long ks_copy_to_user(void *to, const void *from, unsigned long n, const char *file, const char *func,
			      int line)
{
	if (ks_fallible("copy_to_user", file, func, line))
		return n;
	return user_copy((void *)from, (u64)(uintptr_t)to, n, true);
}

/* Raw host access to user memory (the harness builds ioctl arguments there). */
int ks_mm_user_rw(u64 va, void *buf, unsigned long n, bool write)
{
	return user_copy(buf, va, n, write) ? -EFAULT : 0;
}

/* ------------------------------------------------------------------ mm, limits, locks */

void ks_down_write(struct rw_semaphore *s, const char *file, const char *func, int line)
{
	if (s->writers) {
		ks_finding(KS_FINDING_LOCK, file, func, line, "down_write of a semaphore held for writing (taken at "
			   "%s:%d): deadlock", ks_short_file(s->file), s->line);
		return;
	}
	s->writers = 1;
	s->file = file;
	s->line = line;
}

/* Contention is simulated by fail-nth: a failing trylock sends the backend down its deferred path. */
int ks_down_write_trylock(struct rw_semaphore *s, const char *file, const char *func, int line)
{
	if (s->writers || ks_fallible("down_write_trylock (contention)", file, func, line))
		return 0;
	s->writers = 1;
	s->file = file;
	s->line = line;
	return 1;
}

void ks_up_write(struct rw_semaphore *s, const char *file, const char *func, int line)
{
	if (!s->writers) {
		ks_finding(KS_FINDING_LOCK, file, func, line, "up_write of a semaphore not held");
		return;
	}
	s->writers = 0;
	/* the mmap_sem's holder adjusts locked_vm: it must never go below zero */
	if (s == &um.mm.mmap_sem && (long)um.mm.locked_vm < 0)
		ks_finding(KS_FINDING_REFCOUNT, file, func, line, "mm->locked_vm went below zero (%ld pages): "
			   "more pages unaccounted than were accounted", (long)um.mm.locked_vm);
}

struct mm_struct *ks_get_task_mm(struct task_struct *t, const char *file, const char *func, int line)
{
	if (!t || !t->mm)
		return NULL;
	t->mm->users++;
	return t->mm;
}

void ks_mmput(struct mm_struct *mm, const char *file, const char *func, int line)
{
	if (!mm)
		return;
	if (mm->users <= 1)
		ks_finding(KS_FINDING_REFCOUNT, file, func, line, "mmput below the process's own reference");
	else
		mm->users--;
}

unsigned long ks_rlimit(int which)
{
	return which == RLIMIT_MEMLOCK ? um.memlock : ~0ul;
}

bool ks_capable(int cap)
{
	return cap == CAP_IPC_LOCK && um.cap_ipc_lock;
}

u64 ks_div64_u64(u64 a, u64 b, const char *file, const char *func, int line)
{
	if (!b) {
		/* powerpc's divdu gives an undefined result, x86 would trap: record it and go on with 0 */
		ks_finding(KS_FINDING_MISUSE, file, func, line, "64-bit division of %llu by zero", a);
		return 0;
	}
	return a / b;
}

/* ------------------------------------------------------------------ the system work queue */

bool schedule_work(struct work_struct *work)
{
	if (work->ks_queued)
		return false;
	work->ks_queued = true;
	work->ks_next = NULL;
	if (um.wq_tail)
		um.wq_tail->ks_next = work;
	else
		um.wq_head = work;
	um.wq_tail = work;
	return true;
}

/* Run every queued work item (and what they queue), in order. */
void ks_mm_run_work(void)
{
	unsigned int guard = 0;

	while (um.wq_head && guard++ < 4096) {
		struct work_struct *w = um.wq_head;

		um.wq_head = w->ks_next;
		if (!um.wq_head)
			um.wq_tail = NULL;
		w->ks_queued = false;
		um.work_run++;
		w->func(w);
	}
}
