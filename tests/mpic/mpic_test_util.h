/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * mpic_test_util.h - shared helpers of the MPIC / MSI tests: register offsets written from the sources
 * (not taken from the model's private header), an event/interrupt/MSI recorder and set-up helpers.
 *
 * Offsets: the kernel's asm/mpic.h and fsl_mpic_err.c (core), ../shared/spec/hw-facts.md 1 and 12
 * (MSI banks, alias pages). Field values: asm/mpic.h MPIC_VECPRI_* masks.
 */
#ifndef MPIC_TEST_UTIL_H
#define MPIC_TEST_UTIL_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "mpic.h"
#include "sim_event.h"

/* Core (offsets in the MPIC window). */
#define T_BRR1 0x00000u
#define T_BRR2 0x00010u
#define T_FRR 0x01000u
#define T_GCR 0x01020u
#define T_VIR 0x01080u
#define T_PIR 0x01090u
#define T_IPIVPR(i) (0x010a0u + 0x10u * (i))
#define T_SVR 0x010e0u
#define T_TFRRA 0x010f0u
#define T_TFRRB 0x020f0u
#define T_GT(group, i) ((group) * 0x1000u + 0x01100u + 0x40u * (i))	/* group 0 = A, 1 = B */
#define T_GTCCR 0x00u
#define T_GTBCR 0x10u
#define T_GTVPR 0x20u
#define T_GTDR 0x30u
#define T_EISR0 0x03900u
#define T_EIMR0 0x03910u
#define T_IVPR(n) (0x10000u + 0x20u * (n))
#define T_IDR(n) (0x10010u + 0x20u * (n))
#define T_CPU(c) (0x20000u + 0x1000u * (c))
#define T_THIS 0x00000u					/* "this CPU" copy */
#define T_IPIDR(i) (0x40u + 0x10u * (i))
#define T_CTPR 0x80u
#define T_WHOAMI 0x90u
#define T_IACK 0xa0u
#define T_EOI 0xb0u

/* MSI banks and alias pages (hw-facts 1, 12.1, 12.5; MPIC-relative = CCSR offset - 0x40000). */
#define T_BANK(k) (0x1600u + 0x200u * (k))
#define T_MSIR(k, n) (T_BANK(k) + 0x10u * (n))
#define T_MSISR(k) (T_BANK(k) + 0x120u)
#define T_MSIIR(k) (T_BANK(k) + 0x140u)
#define T_MSIIR1(k) (T_BANK(k) + 0x148u)
#define T_ALIAS_V1(k) (0x4140u + 0x1000u * (k))
#define T_ALIAS_V43(k) (0x4148u + 0x1000u * (k))

/* IVPR fields (MPIC_VECPRI_*). */
#define V_MSK 0x80000000u
#define V_A 0x40000000u
#define V_POS 0x00800000u
#define V_LEVEL 0x00400000u
#define V_PRI(p) ((uint32_t)(p) << 16)

struct trec {
	unsigned int events[SIM_EV_KIND_COUNT];
	char last_msg[SIM_EVENT_MSG_LEN];
	char last_reg[32];
	unsigned int irq_calls;
	unsigned int last_irq_cpu;
	bool out[32];
	unsigned int msi_count;
	struct mpic_msi_event last_msi;
};

static inline void trec_event(void *ctx, const struct sim_event *ev)
{
	struct trec *r = (struct trec *)ctx;

	r->events[ev->kind]++;
	snprintf(r->last_msg, sizeof(r->last_msg), "%s", ev->msg);
	snprintf(r->last_reg, sizeof(r->last_reg), "%s", ev->reg ? ev->reg : "");
}

static inline void trec_irq(void *ctx, unsigned int cpu, bool level)
{
	struct trec *r = (struct trec *)ctx;

	r->irq_calls++;
	r->last_irq_cpu = cpu;
	if (cpu < 32)
		r->out[cpu] = level;
}

static inline void trec_msi(void *ctx, const struct mpic_msi_event *ev)
{
	struct trec *r = (struct trec *)ctx;

	r->msi_count++;
	r->last_msi = *ev;
}

static inline void trec_hook(struct mpic_cfg *cfg, struct trec *r)
{
	memset(r, 0, sizeof(*r));
	cfg->sink.emit = trec_event;
	cfg->sink.ctx = r;
	cfg->irq_changed = trec_irq;
	cfg->irq_ctx = r;
	cfg->msi_landed = trec_msi;
	cfg->msi_ctx = r;
}

/* A model of a built-in layout with the recorder attached; NULL on failure. */
static inline struct mpic *t_make(const char *layout, struct trec *r)
{
	struct mpic_cfg cfg;
	struct mpic *m = NULL;

	if (!mpic_builtin_layout(layout, &cfg))
		return NULL;
	trec_hook(&cfg, r);
	if (mpic_create(&cfg, &m) != MPIC_STATUS_OK)
		return NULL;
	return m;
}

static inline unsigned int t_misuse(const struct trec *r)
{
	return r->events[SIM_EV_REGISTER_MISUSE];
}

static inline uint32_t t_rd(struct mpic *m, uint32_t off)
{
	return mpic_reg_read(m, off, 4);
}

static inline void t_wr(struct mpic *m, uint32_t off, uint32_t v)
{
	mpic_reg_write(m, off, 4, v);
}

/* Program a source unmasked, routed to CPU 0. */
static inline void t_src(struct mpic *m, unsigned int s, uint32_t vec, unsigned int pri, uint32_t flags)
{
	t_wr(m, T_IDR(s), 1);
	t_wr(m, T_IVPR(s), flags | V_PRI(pri) | vec);
}

/* A DEVICE write of the 4 bytes b[0..3] (in address order), as soc_bus_write hands them to the MMIO op. */
static inline void t_dev_write_bytes(struct mpic *m, uint32_t off, const uint8_t b[4], uint16_t liodn)
{
	struct sim_txn_attrs a = { .initiator = SIM_INITIATOR_DEVICE, .liodn = liodn };
	uint32_t image;

	memcpy(&image, b, 4);
	mpic_mmio_write(m, off, 4, image, &a);
}

/* A PCI device writing its 32-bit MSI data word D: little-endian bytes (hw-facts 12.2). */
static inline void t_dev_write_le(struct mpic *m, uint32_t off, uint32_t d, uint16_t liodn)
{
	uint8_t b[4] = { (uint8_t)d, (uint8_t)(d >> 8), (uint8_t)(d >> 16), (uint8_t)(d >> 24) };

	t_dev_write_bytes(m, off, b, liodn);
}

/* Every set MSIR bit of the model, without side effects: count of set bits, the first one found. */
static inline unsigned int t_scan_msirs(const struct mpic *m, int *bank, int *msir, int *bit)
{
	const struct mpic_cfg *c = mpic_get_cfg(m);
	unsigned int k, n, b, found = 0;

	*bank = *msir = *bit = -1;
	for (k = 0; k < c->bank_count; k++)
		for (n = 0; n < c->banks[k].msir_count; n++)
			for (b = 0; b < 32; b++)
				if (mpic_msir_peek(m, k, n) >> b & 1) {
					if (!found++) {
						*bank = (int)k;
						*msir = (int)n;
						*bit = (int)b;
					}
				}
	return found;
}

/* Drain every MSIR through the register path (clear on read). */
static inline void t_drain(struct mpic *m)
{
	const struct mpic_cfg *c = mpic_get_cfg(m);
	unsigned int k, n;

	for (k = 0; k < c->bank_count; k++)
		for (n = 0; n < c->banks[k].msir_count; n++)
			if (mpic_msir_peek(m, k, n))
				(void)t_rd(m, c->banks[k].base + 0x10u * n);
}

#endif /* MPIC_TEST_UTIL_H */
