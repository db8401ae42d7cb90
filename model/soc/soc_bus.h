/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * soc_bus.h - the SoC's 36-bit physical address space: DRAM backed lazily by host memory, and MMIO
 * regions dispatched to block models.
 *
 * Source: ../shared/DESIGN.md (model/soc owns the 36-bit physical address space); hw-facts.md 1
 * (CCSR map). DRAM is host-endian (../shared/spec/README.md, byte order decision): a 32-bit value
 * stored by a CPU or device is stored in host order, exactly as the kernel stubs' plain pointer
 * stores into simulated DRAM will be.
 *
 * DRAM costs host memory only where it is touched: each DRAM region is an anonymous MAP_NORESERVE
 * mapping, so 4 GiB of simulated DRAM reserves address space, not memory. Untouched DRAM reads 0.
 * Accesses nothing decodes are reported as SIM_EV_UNMAPPED_ACCESS events, never fatal: reads return
 * all ones, writes are dropped.
 */
#ifndef SOC_BUS_H
#define SOC_BUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sim_event.h"
#include "sim_mem.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SOC_PHYS_BITS 36
#define SOC_PHYS_LIMIT (1ull << SOC_PHYS_BITS)

struct soc_bus;

/* An MMIO block. Accesses never straddle two regions (the bus splits nothing: a straddling access is
 * reported as unmapped). size is 1, 2, 4 or 8; the value is the register value, no byte swapping. */
struct soc_mmio_ops {
	uint64_t (*read)(void *opaque, uint64_t offset, unsigned int size, const struct sim_txn_attrs *attrs);
	void (*write)(void *opaque, uint64_t offset, unsigned int size, uint64_t value,
		      const struct sim_txn_attrs *attrs);
};

struct soc_bus_cfg {
	struct sim_event_sink sink;
};

enum soc_bus_status {
	SOC_BUS_OK = 0,
	SOC_BUS_UNMAPPED,	/* some byte of the access is not decoded (or beyond 36 bits) */
	SOC_BUS_OVERLAP,	/* adding a region that overlaps another one */
	SOC_BUS_BAD_ARG,	/* zero size, size not a multiple of 4 KiB for DRAM, region beyond 36 bits */
	SOC_BUS_NO_MEMORY,
};

struct soc_bus *soc_bus_create(const struct soc_bus_cfg *cfg);
void soc_bus_destroy(struct soc_bus *bus);

enum soc_bus_status soc_bus_add_dram(struct soc_bus *bus, const char *name, uint64_t base, uint64_t size);
enum soc_bus_status soc_bus_add_mmio(struct soc_bus *bus, const char *name, uint64_t base, uint64_t size,
				     const struct soc_mmio_ops *ops, void *opaque);

/* Buffer accesses (DMA, table walks, memcpy-like). Any length; must lie in one region. */
enum soc_bus_status soc_bus_read(struct soc_bus *bus, uint64_t addr, void *buf, size_t len,
				 const struct sim_txn_attrs *attrs);
enum soc_bus_status soc_bus_write(struct soc_bus *bus, uint64_t addr, const void *buf, size_t len,
				  const struct sim_txn_attrs *attrs);

/* Value accesses of 1, 2, 4 or 8 bytes (CPU loads/stores, register accesses). DRAM values are host order. */
enum soc_bus_status soc_bus_load(struct soc_bus *bus, uint64_t addr, unsigned int size, uint64_t *val,
				 const struct sim_txn_attrs *attrs);
enum soc_bus_status soc_bus_store(struct soc_bus *bus, uint64_t addr, unsigned int size, uint64_t val,
				  const struct sim_txn_attrs *attrs);

/* Host pointer of [addr, addr + len) if it lies wholly in one DRAM region, else NULL. */
void *soc_bus_dram_ptr(struct soc_bus *bus, uint64_t addr, size_t len);

/* The memory interface models use (table walks): reads, writes and DMI over this bus. */
struct sim_mem_if soc_bus_mem_if(struct soc_bus *bus);

/* An observer of every completed write (buffer or value, DRAM or MMIO): buf holds the len bytes written
 * (a value store: the value in host order). The timed mode watches table writes so (docs/timing.md 4).
 * NULL removes it. Writes the kernel stubs make through host pointers are not seen here. */
typedef void (*soc_bus_watch_fn)(void *ctx, uint64_t addr, const void *buf, size_t len);
void soc_bus_set_write_watch(struct soc_bus *bus, soc_bus_watch_fn fn, void *ctx);

/* Number of accesses reported as unmapped since creation. */
uint64_t soc_bus_unmapped_count(const struct soc_bus *bus);

const char *soc_bus_status_name(enum soc_bus_status st);

#ifdef __cplusplus
}
#endif

#endif /* SOC_BUS_H */
