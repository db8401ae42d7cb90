// SPDX-License-Identifier: BSD-2-Clause
/*
 * fuzz_mmio.c - fuzz target of the bare PAMU model: the input is a program of register writes (table
 * base/limit registers, PC, bypass, erratum, the ISR's clear sequence, reset), table contents (whole
 * PAACE/SPAACE entries from input bytes, single byte mutations) and DMA transactions. Every transaction
 * runs on a model instance (fast path, or forced onto the slow path) and on the brute-force reference
 * (tests/pamu_ref) through the comparison rig, which also checks every error register and interrupt line
 * against its latch model (the oracle's bare-level invariants: a translation goes where the tables say
 * or faults with the right error state). A disagreement aborts.
 * Facts: docs/pamu-model.md, tests/pamu_ref/pamu_ref_rig.h (the rig and its layout).
 */
#include "fuzz_targets.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pamu_ref_rig.h"

#define FUZZ_MAX_OPS 256

static const char *const caps_names[] = { "p4080", "t4240", "p5020" };
#define NCAPS (sizeof(caps_names) / sizeof(caps_names[0]))
static struct ref_rig rigs[NCAPS];
static bool rig_ready[NCAPS];

static const uint8_t ops[] = { 0x00, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x8c, 0x8d, 0x8e, 0x8f,
			       0x01, 0x40, 0xff };

struct in {
	const uint8_t *d;
	size_t n, i;
};

static uint64_t take(struct in *in, unsigned int bytes)
{
	uint64_t v = 0;
	unsigned int k;

	for (k = 0; k < bytes; k++)
		v = v << 8 | (in->i < in->n ? in->d[in->i++] : 0);
	return v;
}

/* A LIODN: mostly a small hot set so tables and requests meet. */
static uint16_t liodn(struct in *in)
{
	uint8_t b = (uint8_t)take(in, 1);

	return b < 0xf0 ? (uint16_t)(b & 0x0f) : (uint16_t)(take(in, 2) & 0x7ff);
}

static void put_entry(struct ref_rig *rig, struct in *in)
{
	struct rig_entry e;
	bool sec = take(in, 1) & 1;
	uint64_t at;

	memset(&e, 0, sizeof(e));
	e.secondary = sec;
	e.wba = (take(in, 3) << 12) & 0xfffffff000ull;
	e.owner = liodn(in);
	e.wse = (unsigned int)take(in, 1) & 0x3f;
	e.ap = (unsigned int)take(in, 1) & 3;
	e.atm = (unsigned int)take(in, 1) & 3;
	e.otm = (unsigned int)take(in, 1) & 3;
	e.wce = (unsigned int)take(in, 1) & 0xf;
	e.swse = (unsigned int)take(in, 1) & 0x3f;
	e.mw = take(in, 1) & 1;
	e.v = (take(in, 1) & 7) != 0;
	e.pt = take(in, 1) & 1;
	e.dd = take(in, 1) & 1;
	e.cr = take(in, 1) & 1;
	e.cid = (uint8_t)take(in, 1);
	e.twba = (take(in, 3) << 12) & 0xfffffff000ull;
	e.fspi = (uint32_t)take(in, 2) & 0xfff;
	rig_entry_set_omi(&e, (uint16_t)take(in, 1));
	if (sec)
		at = RIG_SPBA + (take(in, 2) % PAMU_SPAACT_ENTRIES) * PAMU_PAACE_SIZE;
	else
		at = RIG_PPBA + (uint64_t)(liodn(in) % PAMU_PPAACT_ENTRIES) * PAMU_PAACE_SIZE;
	rig_put_entry(rig, at, &e);
}

/* Table registers: the defaults, moved, shrunk or past the DRAM they sit in. */
static void registers(struct ref_rig *rig, struct in *in)
{
	uint8_t what = (uint8_t)take(in, 1);
	int64_t delta = (int64_t)(int16_t)take(in, 2) * 64;

	switch (what % 8) {
	case 0:
		rig->regs.ppla = RIG_PPBA + RIG_PPAACT_BYTES + (uint64_t)delta;
		break;
	case 1:
		rig->regs.spla = RIG_SPBA + RIG_SPAACT_BYTES + (uint64_t)delta;
		break;
	case 2:
		rig->regs.ola = RIG_OBA + RIG_OMT_BYTES + (uint64_t)delta;
		break;
	case 3:
		rig->regs.ppba = RIG_PPBA + (uint64_t)delta;
		break;
	case 4:
		/* PGC, PE and the cache-enable bits: the defined bits (a reserved bit is register misuse,
		 * which the rig counts against the reference as an error) */
		rig->regs.pc = (uint32_t)take(in, 4) & 0xc0001011u;
		break;
	case 5:
		rig->regs.bypass = !rig->regs.bypass;
		break;
	case 6:
		rig->regs.erratum_a003638 = !rig->regs.erratum_a003638;
		break;
	default:
		rig->regs.pc = RIG_PC_BOOT;
		break;
	}
	rig_apply_regs(rig);
}

static void request(struct ref_rig *rig, struct in *in, int inst)
{
	struct pamu_ref_req rq;
	uint8_t shape = (uint8_t)take(in, 1);

	rq.liodn = liodn(in);
	rq.addr = (take(in, 5) & 0xfffffffffull);
	if (shape & 0x80)	/* near a page boundary: window and subwindow edges */
		rq.addr = (rq.addr & ~0xfffull) - (shape & 0x1f);
	rq.size = (uint32_t)(shape & 0x40 ? take(in, 2) & 0xfff : 1u << (shape & 7));
	rq.op = ops[take(in, 1) % sizeof(ops)];
	if (!rig_check(rig, inst, &rq, NULL)) {
		fprintf(stderr, "fuzz_mmio: the model and the reference disagree (see above)\n");
		abort();
	}
}

int pamusim_fuzz_mmio(const uint8_t *data, size_t size)
{
	struct in in = { data, size, 0 };
	struct ref_rig *rig;
	unsigned int c, k;

	if (size < 2)
		return 0;
	c = data[0] % NCAPS;
	in.i = 1;
	rig = &rigs[c];
	if (!rig_ready[c]) {
		if (!rig_init(rig, "fuzz_mmio", caps_names[c], 0))
			abort();
		rig_ready[c] = true;
	}
	rig->max_mismatches = 1;
	rig->mismatches = 0;
	rig_reset(rig);
	rig_set_slow_path(rig, RIG_SLOW, true);
	rig_set_slow_path(rig, RIG_FAST, false);
	rig_boot(rig);
	for (k = 0; k < FUZZ_MAX_OPS && in.i < in.n; k++) {
		uint8_t op = (uint8_t)take(&in, 1);

		switch (op % 10) {
		case 0:
		case 1:
		case 2:
			request(rig, &in, RIG_FAST);
			break;
		case 3:
			request(rig, &in, RIG_SLOW);
			break;
		case 4:
		case 5:
			put_entry(rig, &in);
			break;
		case 6: {
			uint64_t a = RIG_PPBA + take(&in, 2) % (16 * PAMU_PAACE_SIZE);

			rig_put_byte(rig, a, (uint8_t)take(&in, 1));
			break;
		}
		case 7:
			registers(rig, &in);
			break;
		case 8:
			rig_isr(rig, take(&in, 1) & 1 ? RIG_FAST : RIG_SLOW, take(&in, 1) & 1);
			break;
		default:
			if (take(&in, 1) & 1) {
				rig_reset(rig);
				rig_boot(rig);
			} else {
				rig_enable_avie(rig, RIG_FAST);
				rig_enable_avie(rig, RIG_SLOW);
			}
			break;
		}
	}
	return 0;
}
