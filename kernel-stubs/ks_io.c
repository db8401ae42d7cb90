/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * ks_io.c - the MMIO seam. Device registers are reached through cookies: a 64 GiB host address range
 * reserved without access rights, where cookie = base + physical address, so a cookie converts back
 * exactly and a plain dereference of one faults instead of reading junk. RAM (DRAM, LAW/CCF register
 * RAM) is mapped to its host pointer (kernel-surface.md 10.4). Accessors on a cookie are CPU accesses
 * on the bus (register values, no byte swap); on any other pointer, plain host loads and stores.
 */
#include <string.h>
#include <sys/mman.h>

#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/slab.h>

#include "ks_priv.h"

#define KS_COOKIE_SPAN (1ull << 36)
#define KS_MAX_MAPS 64

struct ks_map {
	u64 pa, size;
	void *p;
	const char *file, *func;
	int line;
};

static u8 *cookie_base;
static struct ks_map maps[KS_MAX_MAPS];
static unsigned int map_count;

int ks_io_init(void)
{
	if (!cookie_base) {
		void *p = mmap(NULL, KS_COOKIE_SPAN, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

		/* Where the address space is limited (valgrind), a non-canonical x86_64 range serves the same
		 * purpose: arithmetic works, any dereference faults. */
		cookie_base = p == MAP_FAILED ? (u8 *)(uintptr_t)0x4000000000000000ull : p;
	}
	map_count = 0;
	return 0;
}

void *ks_io_cookie(u64 pa)
{
	return cookie_base + (pa & (KS_COOKIE_SPAN - 1));
}

static bool is_cookie(const volatile void *p, u64 *pa)
{
	const u8 *b = (const u8 *)p;

	if (b < cookie_base || b >= cookie_base + KS_COOKIE_SPAN)
		return false;
	*pa = (u64)(b - cookie_base);
	return true;
}

bool ks_io_cookie_to_pa(const volatile void *p, u64 *pa)
{
	return is_cookie(p, pa);
}

void __iomem *ks_ioremap(phys_addr_t pa, size_t size, const char *file, const char *func, int line)
{
	void *p;

	if (ks_fallible("ioremap", file, func, line))
		return NULL;
	if (!size || pa >= KS_COOKIE_SPAN || size > KS_COOKIE_SPAN - pa || map_count == KS_MAX_MAPS) {
		ks_finding(KS_FINDING_MISUSE, file, func, line, "ioremap(0x%llx, 0x%zx) beyond the 36-bit space",
			   (unsigned long long)pa, size);
		return NULL;
	}
	p = ks.host.ram_ptr(ks.host.ctx, pa, size);
	if (!p)
		p = ks_io_cookie(pa);
	maps[map_count++] = (struct ks_map){ pa, size, p, file, func, line };
	return p;
}

void ks_iounmap(volatile void __iomem *p, const char *file, const char *func, int line)
{
	unsigned int i;

	if (!p)
		return;
	for (i = 0; i < map_count; i++) {
		if (maps[i].p == (void *)p) {
			maps[i] = maps[--map_count];
			return;
		}
	}
	ks_finding(KS_FINDING_BAD_FREE, file, func, line, "iounmap(%p) of no mapping", (void *)p);
}

u64 ks_mmio_read(const volatile void __iomem *p, unsigned int size)
{
	u64 pa;
	uint64_t v = 0;

	if (is_cookie(p, &pa)) {
		if (ks.host.mmio_load(ks.host.ctx, pa, size, &v))
			v = size == 8 ? ~0ull : (1ull << (size * 8)) - 1;
		return v;
	}
	switch (size) {
	case 1: return *(const volatile u8 *)p;
	case 2: return *(const volatile u16 *)p;
	case 4: return *(const volatile u32 *)p;
	default: return *(const volatile u64 *)p;
	}
}

void ks_mmio_write(volatile void __iomem *p, unsigned int size, u64 val)
{
	u64 pa;

	if (is_cookie(p, &pa)) {
		ks.host.mmio_store(ks.host.ctx, pa, size, val);
		return;
	}
	switch (size) {
	case 1: *(volatile u8 *)p = (u8)val; break;
	case 2: *(volatile u16 *)p = (u16)val; break;
	case 4: *(volatile u32 *)p = (u32)val; break;
	default: *(volatile u64 *)p = val; break;
	}
}

/* Mappings still live at shutdown are not findings: the drivers keep theirs for the system's life
 * (fsl_pamu.c keeps the PAMU registers for its ISR). The cookie range itself stays reserved. */
void ks_io_release(void)
{
	map_count = 0;
}
