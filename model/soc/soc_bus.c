// SPDX-License-Identifier: BSD-2-Clause
/*
 * soc_bus.c - 36-bit physical address space (see soc_bus.h for the rules).
 *
 * Regions are kept sorted by base; a lookup is a binary search behind a one-entry cache of the last
 * region hit (table walks and DMA bursts hit the same region again and again).
 */
#define _GNU_SOURCE
#include "soc_bus.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

enum region_type { REGION_DRAM, REGION_MMIO };

struct region {
	enum region_type type;
	char name[32];
	uint64_t base;
	uint64_t size;
	uint8_t *host;			/* DRAM */
	const struct soc_mmio_ops *ops;	/* MMIO */
	void *opaque;
};

struct soc_bus {
	struct soc_bus_cfg cfg;
	struct region *regions;
	unsigned int count, cap;
	unsigned int last;		/* index of the region hit last */
	uint64_t unmapped;
	soc_bus_watch_fn watch;		/* optional observer of completed writes (timed mode) */
	void *watch_ctx;
};

struct soc_bus *soc_bus_create(const struct soc_bus_cfg *cfg)
{
	struct soc_bus *bus = calloc(1, sizeof(*bus));

	if (bus && cfg)
		bus->cfg = *cfg;
	return bus;
}

void soc_bus_destroy(struct soc_bus *bus)
{
	unsigned int i;

	if (!bus)
		return;
	for (i = 0; i < bus->count; i++)
		if (bus->regions[i].type == REGION_DRAM)
			munmap(bus->regions[i].host, bus->regions[i].size);
	free(bus->regions);
	free(bus);
}

static enum soc_bus_status add_region(struct soc_bus *bus, const struct region *r)
{
	unsigned int i, pos;

	if (r->size == 0 || r->base >= SOC_PHYS_LIMIT || r->size > SOC_PHYS_LIMIT - r->base)
		return SOC_BUS_BAD_ARG;
	for (i = 0; i < bus->count; i++) {
		const struct region *o = &bus->regions[i];

		if (r->base < o->base + o->size && o->base < r->base + r->size)
			return SOC_BUS_OVERLAP;
	}
	if (bus->count == bus->cap) {
		unsigned int cap = bus->cap ? bus->cap * 2 : 16;
		struct region *n = realloc(bus->regions, cap * sizeof(*n));

		if (!n)
			return SOC_BUS_NO_MEMORY;
		bus->regions = n;
		bus->cap = cap;
	}
	for (pos = 0; pos < bus->count && bus->regions[pos].base < r->base; pos++)
		;
	memmove(&bus->regions[pos + 1], &bus->regions[pos], (bus->count - pos) * sizeof(*r));
	bus->regions[pos] = *r;
	bus->count++;
	bus->last = 0;
	return SOC_BUS_OK;
}

enum soc_bus_status soc_bus_add_dram(struct soc_bus *bus, const char *name, uint64_t base, uint64_t size)
{
	struct region r = { .type = REGION_DRAM, .base = base, .size = size };
	enum soc_bus_status st;
	void *p;

	if (size == 0 || (size & 0xfff) || (base & 0xfff))
		return SOC_BUS_BAD_ARG;
	if (base >= SOC_PHYS_LIMIT || size > SOC_PHYS_LIMIT - base)
		return SOC_BUS_BAD_ARG;
	snprintf(r.name, sizeof(r.name), "%s", name ? name : "dram");
	/* Reserve, do not commit: pages cost host memory only once written. */
	p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (p == MAP_FAILED)
		return SOC_BUS_NO_MEMORY;
	r.host = p;
	st = add_region(bus, &r);
	if (st != SOC_BUS_OK)
		munmap(p, size);
	return st;
}

enum soc_bus_status soc_bus_add_mmio(struct soc_bus *bus, const char *name, uint64_t base, uint64_t size,
				     const struct soc_mmio_ops *ops, void *opaque)
{
	struct region r = { .type = REGION_MMIO, .base = base, .size = size, .ops = ops, .opaque = opaque };

	if (!ops || !ops->read || !ops->write)
		return SOC_BUS_BAD_ARG;
	snprintf(r.name, sizeof(r.name), "%s", name ? name : "mmio");
	return add_region(bus, &r);
}

/* Region holding all of [addr, addr + len), or NULL. */
static struct region *find(struct soc_bus *bus, uint64_t addr, uint64_t len)
{
	struct region *r;
	unsigned int lo = 0, hi = bus->count;

	if (len == 0 || addr >= SOC_PHYS_LIMIT || len > SOC_PHYS_LIMIT - addr)
		return NULL;
	if (bus->count) {
		r = &bus->regions[bus->last];
		if (addr >= r->base && addr - r->base < r->size)
			return len <= r->size - (addr - r->base) ? r : NULL;
	}
	while (lo < hi) {
		unsigned int mid = (lo + hi) / 2;

		r = &bus->regions[mid];
		if (addr < r->base) {
			hi = mid;
		} else if (addr - r->base >= r->size) {
			lo = mid + 1;
		} else {
			bus->last = mid;
			return len <= r->size - (addr - r->base) ? r : NULL;
		}
	}
	return NULL;
}

static void report_unmapped(struct soc_bus *bus, uint64_t addr, size_t len, bool is_write, uint64_t value)
{
	bus->unmapped++;
	sim_event_emitf(&bus->cfg.sink, SIM_EV_UNMAPPED_ACCESS, "bus", NULL, addr, (unsigned int)len, value,
			"%zu-byte %s at 0x%09llx: nothing decodes %s", len, is_write ? "write" : "read",
			(unsigned long long)addr, len > 1 ? "all of this range" : "this address");
}

static bool value_size_ok(unsigned int size)
{
	return size == 1 || size == 2 || size == 4 || size == 8;
}

/*
 * Copies to and from simulated DRAM. In ASan builds the kernel stubs poison the parts of their arena
 * (a piece of DRAM) the kernel has not allocated; a simulated device may still read or write there (a
 * DMA the PAMU lets through, in bypass for instance): that is the guest's doing, not a host bug, so these
 * copies are not instrumented.
 */
#if defined(__SANITIZE_ADDRESS__)
__attribute__((no_sanitize_address)) static void dram_copy(void *dst, const void *src, size_t len)
{
	volatile uint8_t *d = dst;
	const volatile uint8_t *s = src;

	while (len--)
		*d++ = *s++;
}
#else
static void dram_copy(void *dst, const void *src, size_t len)
{
	memcpy(dst, src, len);
}
#endif

enum soc_bus_status soc_bus_read(struct soc_bus *bus, uint64_t addr, void *buf, size_t len,
				 const struct sim_txn_attrs *attrs)
{
	struct region *r = find(bus, addr, len);
	size_t done;

	if (!r) {
		memset(buf, 0xff, len);
		report_unmapped(bus, addr, len, false, 0);
		return SOC_BUS_UNMAPPED;
	}
	if (r->type == REGION_DRAM) {
		dram_copy(buf, r->host + (addr - r->base), len);
		return SOC_BUS_OK;
	}
	/* MMIO buffer read: as a sequence of the widest aligned value accesses. */
	for (done = 0; done < len;) {
		uint64_t a = addr + done;
		unsigned int sz = 8;
		uint64_t v;

		while (sz > 1 && ((a & (sz - 1)) || len - done < sz))
			sz /= 2;
		v = r->ops->read(r->opaque, a - r->base, sz, attrs);
		memcpy((uint8_t *)buf + done, &v, sz);	/* little-endian host: low bytes first */
		done += sz;
	}
	return SOC_BUS_OK;
}

enum soc_bus_status soc_bus_write(struct soc_bus *bus, uint64_t addr, const void *buf, size_t len,
				  const struct sim_txn_attrs *attrs)
{
	struct region *r = find(bus, addr, len);
	size_t done;

	if (!r) {
		report_unmapped(bus, addr, len, true, 0);
		return SOC_BUS_UNMAPPED;
	}
	if (r->type == REGION_DRAM) {
		dram_copy(r->host + (addr - r->base), buf, len);
		if (bus->watch)
			bus->watch(bus->watch_ctx, addr, buf, len);
		return SOC_BUS_OK;
	}
	for (done = 0; done < len;) {
		uint64_t a = addr + done;
		unsigned int sz = 8;
		uint64_t v = 0;

		while (sz > 1 && ((a & (sz - 1)) || len - done < sz))
			sz /= 2;
		memcpy(&v, (const uint8_t *)buf + done, sz);
		r->ops->write(r->opaque, a - r->base, sz, v, attrs);
		done += sz;
	}
	if (bus->watch)
		bus->watch(bus->watch_ctx, addr, buf, len);
	return SOC_BUS_OK;
}

enum soc_bus_status soc_bus_load(struct soc_bus *bus, uint64_t addr, unsigned int size, uint64_t *val,
				 const struct sim_txn_attrs *attrs)
{
	struct region *r;

	*val = 0;
	if (!value_size_ok(size))
		return SOC_BUS_BAD_ARG;
	r = find(bus, addr, size);
	if (!r) {
		*val = size == 8 ? ~0ull : (1ull << (size * 8)) - 1;
		report_unmapped(bus, addr, size, false, 0);
		return SOC_BUS_UNMAPPED;
	}
	if (r->type == REGION_DRAM)
		dram_copy(val, r->host + (addr - r->base), size);
	else
		*val = r->ops->read(r->opaque, addr - r->base, size, attrs);
	return SOC_BUS_OK;
}

enum soc_bus_status soc_bus_store(struct soc_bus *bus, uint64_t addr, unsigned int size, uint64_t val,
				  const struct sim_txn_attrs *attrs)
{
	struct region *r;

	if (!value_size_ok(size))
		return SOC_BUS_BAD_ARG;
	r = find(bus, addr, size);
	if (!r) {
		report_unmapped(bus, addr, size, true, val);
		return SOC_BUS_UNMAPPED;
	}
	if (r->type == REGION_DRAM)
		dram_copy(r->host + (addr - r->base), &val, size);
	else
		r->ops->write(r->opaque, addr - r->base, size, val, attrs);
	if (bus->watch)
		bus->watch(bus->watch_ctx, addr, &val, size);
	return SOC_BUS_OK;
}

void soc_bus_set_write_watch(struct soc_bus *bus, soc_bus_watch_fn fn, void *ctx)
{
	bus->watch = fn;
	bus->watch_ctx = ctx;
}

void *soc_bus_dram_ptr(struct soc_bus *bus, uint64_t addr, size_t len)
{
	struct region *r = find(bus, addr, len);

	return r && r->type == REGION_DRAM ? r->host + (addr - r->base) : NULL;
}

uint64_t soc_bus_unmapped_count(const struct soc_bus *bus)
{
	return bus->unmapped;
}

static bool mem_if_read(void *ctx, uint64_t addr, void *buf, size_t len, const struct sim_txn_attrs *attrs)
{
	return soc_bus_read(ctx, addr, buf, len, attrs) == SOC_BUS_OK;
}

static bool mem_if_write(void *ctx, uint64_t addr, const void *buf, size_t len, const struct sim_txn_attrs *attrs)
{
	return soc_bus_write(ctx, addr, buf, len, attrs) == SOC_BUS_OK;
}

static void *mem_if_dmi(void *ctx, uint64_t addr, size_t len)
{
	return soc_bus_dram_ptr(ctx, addr, len);
}

struct sim_mem_if soc_bus_mem_if(struct soc_bus *bus)
{
	struct sim_mem_if m = { .ctx = bus, .read = mem_if_read, .write = mem_if_write, .dmi = mem_if_dmi };

	return m;
}

const char *soc_bus_status_name(enum soc_bus_status st)
{
	switch (st) {
	case SOC_BUS_OK:
		return "ok";
	case SOC_BUS_UNMAPPED:
		return "unmapped";
	case SOC_BUS_OVERLAP:
		return "overlap";
	case SOC_BUS_BAD_ARG:
		return "bad argument";
	case SOC_BUS_NO_MEMORY:
		return "out of host memory";
	}
	return "unknown";
}
