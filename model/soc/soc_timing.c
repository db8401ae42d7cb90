// SPDX-License-Identifier: BSD-2-Clause
/*
 * soc_timing.c - timed DMA over a SoC (soc_timing.h): CoreNet hops, the DDR controller, MSI delivery,
 * a pamu_timing per PAMU block and the write watch.
 *
 * Source: docs/timing.md 2 and 4. The DDR controller is one queue: a read or write of n bytes occupies
 * it ceil(n / bytes-per-cycle) cycles from when it reaches it (after one CCF hop); its data is back
 * dram.latency + that many cycles later, plus the hop back.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pamu_regs.h"
#include "soc_timing.h"

struct soc_timed {
	struct soc *s;
	struct soc_bus *bus;
	struct soc_timing tm;
	struct sim_evq *q;
	soc_timed_stale_fn stale;
	void *stale_ctx;
	uint64_t dram_free;		/* cycle the DDR controller is free */
	uint64_t msis;
	unsigned int npamu;
	struct pamu_timing *pt[SOC_MAX_PAMUS];
	struct stale_slot {
		struct soc_timed *st;
		unsigned int n;
	} slot[SOC_MAX_PAMUS];
};

uint64_t soc_timed_dram(struct soc_timed *st, uint64_t addr, uint32_t len, uint64_t t)
{
	uint64_t beats = (len + st->tm.dram_bytes_per_cycle - 1) / st->tm.dram_bytes_per_cycle;
	uint64_t arrive = t + st->tm.ccf_hop, begin = arrive > st->dram_free ? arrive : st->dram_free;

	(void)addr;
	st->dram_free = begin + beats;
	return begin + st->tm.dram_latency + beats + st->tm.ccf_hop;
}

static uint64_t walk_read(void *ctx, uint64_t addr, uint32_t len, uint64_t t)
{
	return soc_timed_dram(ctx, addr, len, t);
}

static void on_stale(void *ctx, const struct pamu_stale *s)
{
	struct stale_slot *sl = ctx;

	if (sl->st->stale)
		sl->st->stale(sl->st->stale_ctx, sl->n, s);
}

static void watch(void *ctx, uint64_t addr, const void *buf, size_t len)
{
	struct soc_timed *st = ctx;
	uint64_t now = sim_evq_now(st->q);
	unsigned int n;

	for (n = 0; n < st->npamu; n++) {
		uint64_t pc = soc_pamu_base(st->s, n) + PAMU_OFF_PC;
		uint32_t v;

		/* Flush point (docs/timing.md 4): the PAMU disabled (PC.PE written 0). */
		if (addr == pc && len == 4) {
			memcpy(&v, buf, sizeof(v));
			if (!SIM_FEX32(v, PAMU_PC, PE))
				pamu_timing_flush(st->pt[n]);
			continue;
		}
		pamu_timing_note_write(st->pt[n], addr, len, now);
	}
}

struct soc_timed *soc_timed_create(struct soc *s, const struct soc_timing *tm, struct sim_evq *q,
				   soc_timed_stale_fn stale, void *stale_ctx, char *why, unsigned int cap)
{
	struct soc_timed *st = calloc(1, sizeof(*st));
	unsigned int n;

	if (!st) {
		snprintf(why, cap, "out of memory");
		return NULL;
	}
	st->s = s;
	st->bus = soc_get_bus(s);
	st->tm = *tm;
	st->q = q;
	st->stale = stale;
	st->stale_ctx = stale_ctx;
	if (st->tm.dram_bytes_per_cycle == 0) {
		snprintf(why, cap, "dram.bytes-per-cycle: expected at least 1, found 0");
		free(st);
		return NULL;
	}
	st->npamu = soc_pamu_count(s);
	for (n = 0; n < st->npamu; n++) {
		struct pamu_timing_hooks h = { .mem = soc_bus_mem_if(st->bus), .mem_time = walk_read,
					       .mem_time_ctx = st, .stale = on_stale, .stale_ctx = &st->slot[n] };

		st->slot[n].st = st;
		st->slot[n].n = n;
		if (pamu_timing_create(&tm->pamu, &h, soc_get_pamu(s, n), &st->pt[n], why, cap) != PAMU_TIMING_OK) {
			soc_timed_destroy(st);
			return NULL;
		}
	}
	soc_bus_set_write_watch(st->bus, watch, st);
	return st;
}

void soc_timed_destroy(struct soc_timed *st)
{
	unsigned int n;

	if (!st)
		return;
	soc_bus_set_write_watch(st->bus, NULL, NULL);
	for (n = 0; n < SOC_MAX_PAMUS; n++)
		pamu_timing_destroy(st->pt[n]);
	free(st);
}

static bool is_write(uint8_t op)
{
	/* as soc_dma (docs/soc.md): write, enhanced writes; the rest move data towards the device */
	return op == PAMU_OP_WRITE || op == PAMU_OP_EWRITE0 || op == PAMU_OP_EWRITE1;
}

static void msi_delivered(void *ctx, uint64_t arg, uint64_t now)
{
	struct soc_timed *st = ctx;

	(void)arg;
	(void)now;
	st->msis++;
}

enum soc_bus_status soc_timed_dma(struct soc_timed *st, unsigned int pamu, uint16_t liodn, uint64_t addr, void *buf,
				  uint32_t size, uint8_t op, uint64_t now, struct pamu_result *res,
				  struct soc_timed_result *tr)
{
	struct pamu_request req = { .liodn = liodn, .addr = addr, .size = size, .op = op };
	struct sim_txn_attrs attrs = { .initiator = SIM_INITIATOR_DEVICE, .liodn = liodn };
	uint64_t mpic = soc_mpic_base(st->s), t;
	enum soc_bus_status bs;

	memset(tr, 0, sizeof(*tr));
	tr->issue = now;
	if (pamu >= st->npamu || (size && !buf)) {
		memset(res, 0, sizeof(*res));
		res->kind = PAMU_XLATE_BAD_REQUEST;
		res->subwindow = -1;
		tr->done = now;
		return SOC_BUS_BAD_ARG;
	}
	pamu_timing_translate(st->pt[pamu], now, &req, res, &tr->xlate);
	t = tr->xlate.done;
	if (res->kind != PAMU_XLATE_OK && res->kind != PAMU_XLATE_BYPASS) {
		tr->done = t;
		tr->latency = (uint32_t)(t - now);
		return SOC_BUS_OK;
	}
	if (soc_bus_dram_ptr(st->bus, res->paddr, size ? size : 1)) {
		t = soc_timed_dram(st, res->paddr, size, t);
	} else {
		t += 2ull * st->tm.ccf_hop;
		if (res->paddr >= mpic && res->paddr - mpic < MPIC_WINDOW_SIZE && is_write(op)) {
			t += st->tm.msi_latency;
			tr->msi = true;
			tr->msi_at = t;
			sim_evq_at(st->q, t, msi_delivered, st, liodn);
		}
	}
	tr->data_cycles = (uint32_t)(t - tr->xlate.done);
	tr->done = t;
	tr->latency = (uint32_t)(t - now);
	bs = is_write(op) ? soc_bus_write(st->bus, res->paddr, buf, size, &attrs) :
			    soc_bus_read(st->bus, res->paddr, buf, size, &attrs);
	return bs;
}

uint32_t soc_timed_cpu_access(const struct soc_timed *st)
{
	return st->tm.cpu_access;
}

void soc_timed_sync(struct soc_timed *st, uint64_t now)
{
	unsigned int n;

	for (n = 0; n < st->npamu; n++)
		pamu_timing_sync(st->pt[n], now);
}

struct pamu_timing *soc_timed_pamu(struct soc_timed *st, unsigned int n)
{
	return n < st->npamu ? st->pt[n] : NULL;
}

const struct soc_timing *soc_timed_knobs(const struct soc_timed *st)
{
	return &st->tm;
}

uint64_t soc_timed_msis(const struct soc_timed *st)
{
	return st->msis;
}
