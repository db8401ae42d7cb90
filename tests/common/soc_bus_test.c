// SPDX-License-Identifier: BSD-2-Clause
/*
 * soc_bus_test.c - the 36-bit physical address space: lazy DRAM, MMIO dispatch, unmapped accesses.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "sim_test.h"
#include "soc_bus.h"

struct ev_count {
	int unmapped;
	uint64_t last_addr;
};

static void count_ev(void *ctx, const struct sim_event *ev)
{
	struct ev_count *c = ctx;

	if (ev->kind == SIM_EV_UNMAPPED_ACCESS) {
		c->unmapped++;
		c->last_addr = ev->addr;
	}
}

/* A register-like MMIO block that remembers the last access. */
struct fake_dev {
	uint64_t regs[16];
	unsigned int last_size;
	uint64_t last_off;
	enum sim_initiator_kind last_initiator;
};

static uint64_t fake_read(void *opaque, uint64_t off, unsigned int size, const struct sim_txn_attrs *attrs)
{
	struct fake_dev *d = opaque;

	d->last_size = size;
	d->last_off = off;
	d->last_initiator = attrs ? attrs->initiator : SIM_INITIATOR_MODEL;
	return d->regs[(off / 8) % 16] + off;
}

static void fake_write(void *opaque, uint64_t off, unsigned int size, uint64_t v, const struct sim_txn_attrs *attrs)
{
	struct fake_dev *d = opaque;

	d->last_size = size;
	d->last_off = off;
	d->last_initiator = attrs ? attrs->initiator : SIM_INITIATOR_MODEL;
	d->regs[(off / 8) % 16] = v;
}

static const struct soc_mmio_ops fake_ops = { .read = fake_read, .write = fake_write };

static struct soc_bus *new_bus(struct ev_count *c)
{
	struct soc_bus_cfg cfg = { .sink = { .emit = count_ev, .ctx = c } };

	memset(c, 0, sizeof(*c));
	return soc_bus_create(&cfg);
}

static long rss_pages(void)
{
	long size = 0, resident = 0;
	FILE *f = fopen("/proc/self/statm", "r");

	if (!f)
		return -1;
	if (fscanf(f, "%ld %ld", &size, &resident) != 2)
		resident = -1;
	fclose(f);
	return resident;
}

SIM_TEST(Soc, BusDramIsLazy)
{
	struct ev_count c;
	struct soc_bus *bus = new_bus(&c);
	long before, after, page = sysconf(_SC_PAGESIZE);
	uint64_t v = 0;
	uint64_t a;

	SIM_ASSERT(bus);
	before = rss_pages();
	SIM_ASSERT(soc_bus_add_dram(bus, "ddr", 0, 4ull << 30) == SOC_BUS_OK);
	/* touch one byte in each of 64 pages spread over the 4 GiB */
	for (a = 0; a < (4ull << 30); a += (4ull << 30) / 64)
		SIM_EXPECT_EQ_U64(soc_bus_store(bus, a + 8, 4, 0x5a5a0000 | (a >> 26), NULL), SOC_BUS_OK);
	after = rss_pages();
	sim_test_note("4 GiB DRAM, 64 pages touched: RSS grew by %ld KiB", (after - before) * page / 1024);
	SIM_EXPECT(before >= 0 && after >= 0);
	SIM_EXPECT((after - before) * page < 16l << 20);	/* far below 4 GiB */
	SIM_EXPECT_EQ_U64(soc_bus_load(bus, (4ull << 30) / 64 * 3 + 8, 4, &v, NULL), SOC_BUS_OK);
	SIM_EXPECT_EQ_U64(v, 0x5a5a0000 | 3);
	/* untouched DRAM reads zero */
	SIM_EXPECT_EQ_U64(soc_bus_load(bus, 0x12345670, 8, &v, NULL), SOC_BUS_OK);
	SIM_EXPECT_EQ_U64(v, 0);
	SIM_EXPECT_EQ_U64(c.unmapped, 0);
	soc_bus_destroy(bus);
}

SIM_TEST(Soc, BusDramValueAndBufferAccessesAgreeInHostOrder)
{
	struct ev_count c;
	struct soc_bus *bus = new_bus(&c);
	uint8_t buf[8];
	uint64_t v;
	uint32_t w;

	SIM_ASSERT(bus && soc_bus_add_dram(bus, "ddr", 0x80000000, 1 << 20) == SOC_BUS_OK);
	SIM_EXPECT_EQ_U64(soc_bus_store(bus, 0x80000100, 4, 0x11223344, NULL), SOC_BUS_OK);
	SIM_EXPECT_EQ_U64(soc_bus_read(bus, 0x80000100, buf, 4, NULL), SOC_BUS_OK);
	memcpy(&w, buf, 4);
	SIM_EXPECT_EQ_U64(w, 0x11223344);	/* host order, as the stubs' pointer stores will be */
	SIM_EXPECT(soc_bus_dram_ptr(bus, 0x80000100, 4) != NULL);
	SIM_EXPECT_EQ_U64(*(uint32_t *)soc_bus_dram_ptr(bus, 0x80000100, 4), 0x11223344);
	buf[0] = 0xaa;
	SIM_EXPECT_EQ_U64(soc_bus_write(bus, 0x80000103, buf, 1, NULL), SOC_BUS_OK);
	SIM_EXPECT_EQ_U64(soc_bus_load(bus, 0x80000100, 4, &v, NULL), SOC_BUS_OK);
	SIM_EXPECT_EQ_U64(v, 0xaa223344);
	for (unsigned int sz = 1; sz <= 8; sz *= 2) {
		SIM_EXPECT_EQ_U64(soc_bus_store(bus, 0x80000200, sz, 0x0102030405060708ull, NULL), SOC_BUS_OK);
		SIM_EXPECT_EQ_U64(soc_bus_load(bus, 0x80000200, sz, &v, NULL), SOC_BUS_OK);
		SIM_EXPECT_EQ_U64(v, 0x0102030405060708ull & (sz == 8 ? ~0ull : (1ull << (8 * sz)) - 1));
	}
	SIM_EXPECT_EQ_U64(soc_bus_load(bus, 0x80000200, 3, &v, NULL), SOC_BUS_BAD_ARG);
	soc_bus_destroy(bus);
}

SIM_TEST(Soc, BusUnmappedAccessesAreReportedNotFatal)
{
	struct ev_count c;
	struct soc_bus *bus = new_bus(&c);
	uint8_t buf[16];
	uint64_t v;

	SIM_ASSERT(bus && soc_bus_add_dram(bus, "ddr", 0, 1 << 20) == SOC_BUS_OK);
	SIM_EXPECT_EQ_U64(soc_bus_load(bus, 0x100000, 4, &v, NULL), SOC_BUS_UNMAPPED);
	SIM_EXPECT_EQ_U64(v, 0xffffffff);
	SIM_EXPECT_EQ_U64(c.last_addr, 0x100000);
	SIM_EXPECT_EQ_U64(soc_bus_store(bus, 0xfff000000ull, 4, 1, NULL), SOC_BUS_UNMAPPED);
	/* straddling the end of DRAM: no byte is done */
	SIM_EXPECT_EQ_U64(soc_bus_read(bus, 0xffff8, buf, 16, NULL), SOC_BUS_UNMAPPED);
	SIM_EXPECT_EQ_U64(buf[0], 0xff);
	SIM_EXPECT_EQ_U64(buf[15], 0xff);
	/* beyond 36 bits */
	SIM_EXPECT_EQ_U64(soc_bus_load(bus, SOC_PHYS_LIMIT, 4, &v, NULL), SOC_BUS_UNMAPPED);
	SIM_EXPECT_EQ_U64(soc_bus_load(bus, ~0ull - 1, 4, &v, NULL), SOC_BUS_UNMAPPED);
	SIM_EXPECT_EQ_U64(c.unmapped, 5);
	SIM_EXPECT_EQ_U64(soc_bus_unmapped_count(bus), 5);
	SIM_EXPECT(soc_bus_dram_ptr(bus, 0xffff8, 16) == NULL);
	soc_bus_destroy(bus);
}

SIM_TEST(Soc, BusMmioDispatchWithOffsetsSizesAndInitiator)
{
	struct ev_count c;
	struct soc_bus *bus = new_bus(&c);
	struct fake_dev dev;
	struct sim_txn_attrs cpu = { .initiator = SIM_INITIATOR_CPU }, dma = { .initiator = SIM_INITIATOR_DEVICE };
	uint64_t v;
	uint32_t w;

	memset(&dev, 0, sizeof(dev));
	SIM_ASSERT(bus && soc_bus_add_mmio(bus, "dev", 0xffe040000ull, 0x1000, &fake_ops, &dev) == SOC_BUS_OK);
	SIM_EXPECT_EQ_U64(soc_bus_store(bus, 0xffe040010ull, 4, 0xcafe, &cpu), SOC_BUS_OK);
	SIM_EXPECT_EQ_U64(dev.last_off, 0x10);
	SIM_EXPECT_EQ_U64(dev.last_size, 4);
	SIM_EXPECT_EQ_U64(dev.last_initiator, SIM_INITIATOR_CPU);
	SIM_EXPECT_EQ_U64(soc_bus_load(bus, 0xffe040010ull, 4, &v, &cpu), SOC_BUS_OK);
	SIM_EXPECT_EQ_U64(v, 0xcafe + 0x10);
	/* a 4-byte DMA buffer write reaches the block as one 4-byte value access */
	w = 0x12345678;
	SIM_EXPECT_EQ_U64(soc_bus_write(bus, 0xffe040140ull, &w, 4, &dma), SOC_BUS_OK);
	SIM_EXPECT_EQ_U64(dev.last_size, 4);
	SIM_EXPECT_EQ_U64(dev.last_off, 0x140);
	SIM_EXPECT_EQ_U64(dev.last_initiator, SIM_INITIATOR_DEVICE);
	SIM_EXPECT_EQ_U64(dev.regs[(0x140 / 8) % 16], 0x12345678);
	/* beyond the block */
	SIM_EXPECT_EQ_U64(soc_bus_load(bus, 0xffe041000ull, 4, &v, &cpu), SOC_BUS_UNMAPPED);
	soc_bus_destroy(bus);
}

SIM_TEST(Soc, BusRegionRulesAndLookupAcrossManyRegions)
{
	struct ev_count c;
	struct soc_bus *bus = new_bus(&c);
	struct fake_dev devs[8];
	uint64_t v;
	unsigned int i;

	SIM_ASSERT(bus);
	memset(devs, 0, sizeof(devs));
	SIM_EXPECT_EQ_U64(soc_bus_add_dram(bus, "ddr", 0, 0x1000), SOC_BUS_OK);
	SIM_EXPECT_EQ_U64(soc_bus_add_dram(bus, "bad", 0x2000, 0x800), SOC_BUS_BAD_ARG);
	SIM_EXPECT_EQ_U64(soc_bus_add_dram(bus, "bad", 0x2100, 0x1000), SOC_BUS_BAD_ARG);
	SIM_EXPECT_EQ_U64(soc_bus_add_dram(bus, "bad", SOC_PHYS_LIMIT - 0x1000, 0x2000), SOC_BUS_BAD_ARG);
	SIM_EXPECT_EQ_U64(soc_bus_add_mmio(bus, "overlap", 0x800, 0x1000, &fake_ops, &devs[0]), SOC_BUS_OVERLAP);
	SIM_EXPECT_EQ_U64(soc_bus_add_mmio(bus, "zero", 0x10000, 0, &fake_ops, &devs[0]), SOC_BUS_BAD_ARG);
	SIM_EXPECT_EQ_U64(soc_bus_add_mmio(bus, "noops", 0x10000, 0x10, NULL, &devs[0]), SOC_BUS_BAD_ARG);
	/* added out of order: lookup must still find each */
	for (i = 0; i < 8; i++) {
		uint64_t base = 0xffe020000ull + 0x1000 * ((i * 5) % 8);

		SIM_EXPECT_EQ_U64(soc_bus_add_mmio(bus, "pamu", base, 0x1000, &fake_ops, &devs[i]), SOC_BUS_OK);
	}
	for (i = 0; i < 8; i++) {
		uint64_t base = 0xffe020000ull + 0x1000 * ((i * 5) % 8);

		SIM_EXPECT_EQ_U64(soc_bus_store(bus, base + 0xc10, 4, 0x100 + i, NULL), SOC_BUS_OK);
		SIM_EXPECT_EQ_U64(devs[i].regs[(0xc10 / 8) % 16], 0x100 + i);
	}
	SIM_EXPECT_EQ_U64(soc_bus_load(bus, 0x1000, 4, &v, NULL), SOC_BUS_UNMAPPED);
	SIM_EXPECT_EQ_U64(c.unmapped, 1);
	soc_bus_destroy(bus);
}

SIM_TEST(Soc, BusMemInterfaceForModels)
{
	struct ev_count c;
	struct soc_bus *bus = new_bus(&c);
	struct sim_mem_if m;
	uint32_t in = 0xa5a5a5a5, out = 0;

	SIM_ASSERT(bus && soc_bus_add_dram(bus, "ddr", 0x100000, 0x100000) == SOC_BUS_OK);
	m = soc_bus_mem_if(bus);
	SIM_EXPECT(m.write(m.ctx, 0x100040, &in, 4, NULL));
	SIM_EXPECT(m.read(m.ctx, 0x100040, &out, 4, NULL));
	SIM_EXPECT_EQ_U64(out, 0xa5a5a5a5);
	SIM_EXPECT(!m.read(m.ctx, 0x40, &out, 4, NULL));
	SIM_EXPECT_EQ_U64(out, 0xffffffff);
	SIM_EXPECT(m.dmi(m.ctx, 0x100040, 64) != NULL);
	SIM_EXPECT(m.dmi(m.ctx, 0x1ffff0, 64) == NULL);
	SIM_EXPECT_EQ_U64(strcmp(soc_bus_status_name(SOC_BUS_UNMAPPED), "unmapped"), 0);
	soc_bus_destroy(bus);
}
