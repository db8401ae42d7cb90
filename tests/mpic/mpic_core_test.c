// SPDX-License-Identifier: BSD-2-Clause
/*
 * mpic_core_test.c - the MPIC core: configuration, reset values, register rules, IACK/EOI ordering,
 * nesting, masking, CTPR, spurious vector, edge and level inputs, routing, PAMU and error interrupts.
 *
 * Expected values come from the sources docs/mpic.md cites (asm/mpic.h, the OpenPIC rules, hw-facts.md
 * 8.3, 9, 12), written here independently of the model's tables.
 */
#include <string.h>

#include "mpic.h"
#include "mpic_test_util.h"
#include "sim_test.h"
#include "soc_bus.h"

static struct mpic_cfg base_cfg(const char *layout, struct trec *r)
{
	struct mpic_cfg cfg;

	memset(&cfg, 0, sizeof(cfg));
	mpic_builtin_layout(layout, &cfg);
	trec_hook(&cfg, r);
	return cfg;
}

static bool creates(const struct mpic_cfg *cfg)
{
	struct mpic *m = NULL;
	enum mpic_status st = mpic_create(cfg, &m);

	mpic_destroy(m);
	return st == MPIC_STATUS_OK;
}

SIM_TEST(Mpic, CreateRejectsBadCfg)
{
	struct trec r;
	struct mpic_cfg c, ok = base_cfg("qoriq-mpic", &r);
	struct mpic *m = (struct mpic *)1;

	SIM_EXPECT(creates(&ok));
	SIM_EXPECT_EQ_U64(mpic_create(NULL, &m), MPIC_STATUS_BAD_CFG);
	SIM_EXPECT(m == NULL);
	SIM_EXPECT_EQ_U64(mpic_create(&ok, NULL), MPIC_STATUS_BAD_ARG);

	c = ok; c.cpu_count = 0; SIM_EXPECT(!creates(&c));
	c = ok; c.cpu_count = 33; SIM_EXPECT(!creates(&c));
	c = ok; c.cpu_count = 32; SIM_EXPECT(creates(&c));
	c = ok; c.num_sources = 16; SIM_EXPECT(!creates(&c));
	c = ok; c.num_sources = 2049; SIM_EXPECT(!creates(&c));
	c = ok; c.num_sources = 2048; SIM_EXPECT(creates(&c));
	c = ok; c.num_sources = 0xe0; SIM_EXPECT(!creates(&c));	/* cascades beyond the last source */
	c = ok; c.bank_count = MPIC_MAX_MSI_BANKS + 1; SIM_EXPECT(!creates(&c));
	c = ok; c.banks[0].msir_count = 0; SIM_EXPECT(!creates(&c));
	c = ok; c.banks[0].msir_count = 9; SIM_EXPECT(!creates(&c));	/* MSIIR selects 8 */
	c = ok; c.banks[1].cascade[3] = c.banks[0].cascade[3]; SIM_EXPECT(!creates(&c));
	c = ok; c.banks[2].cascade[0] = MPIC_SRC_ERROR; SIM_EXPECT(!creates(&c));
	c = ok; c.banks[1].base = T_BANK(0) + 0x100; SIM_EXPECT(!creates(&c));	/* overlapping banks */
	c = ok; c.banks[0].base = 0x1000; SIM_EXPECT(!creates(&c));	/* MSIR0 on FRR */
	c = ok; c.banks[0].base = 0x1604; SIM_EXPECT(!creates(&c));
	c = ok; c.banks[1].alias = T_MSIIR(0); SIM_EXPECT(!creates(&c));	/* alias on a bank register */
	c = ok; c.banks[1].alias = T_ALIAS_V1(0); SIM_EXPECT(!creates(&c));	/* two aliases, one offset */
	c = ok; c.banks[0].alias = 0x4141; SIM_EXPECT(!creates(&c));
	c = ok; c.banks[0].alias = MPIC_WINDOW_SIZE; SIM_EXPECT(!creates(&c));
	c = ok; c.banks[0].kind = (enum mpic_msi_kind)7; SIM_EXPECT(!creates(&c));
	c = base_cfg("qoriq-mpic4.3", &r); c.banks[3].msir_count = 17; SIM_EXPECT(!creates(&c));
	c = base_cfg("qoriq-mpic4.3", &r); SIM_EXPECT(creates(&c));
}

SIM_TEST(Mpic, BuiltinLayouts)
{
	struct mpic_cfg c;
	unsigned int i, k, n;
	const char *names[3];

	for (i = 0; i < 3; i++)
		names[i] = mpic_builtin_layout_name(i);
	SIM_EXPECT(mpic_builtin_layout_name(3) == NULL);
	SIM_ASSERT(names[0] && names[1] && names[2]);
	SIM_EXPECT(!strcmp(names[0], "qoriq-mpic"));
	SIM_EXPECT(!strcmp(names[1], "qoriq-mpic4.3"));
	SIM_EXPECT(!strcmp(names[2], "p4080"));
	SIM_EXPECT(!mpic_builtin_layout("t4240", &c));
	SIM_EXPECT(!mpic_builtin_layout(NULL, &c));

	/* hw-facts 1, 12.3, 12.5: banks at 0x41600 + 0x200k, aliases 0x44140 / 0x44148 + 0x1000k */
	SIM_ASSERT(mpic_builtin_layout("qoriq-mpic", &c));
	SIM_EXPECT_EQ_U64(c.bank_count, 3);
	for (k = 0; k < 3; k++) {
		SIM_EXPECT_EQ_U64(c.banks[k].base + MPIC_CCSR_OFFSET, 0x41600 + 0x200 * k);
		SIM_EXPECT_EQ_U64(c.banks[k].alias + MPIC_CCSR_OFFSET, 0x44140 + 0x1000 * k);
		SIM_EXPECT_EQ_U64(c.banks[k].msir_count, 8);
		SIM_EXPECT_EQ_U64(c.banks[k].kind, MPIC_MSI_V1);
		for (n = 0; n < 8; n++)
			SIM_EXPECT_EQ_U64(c.banks[k].cascade[n], 0xe0 + 8 * k + n);
	}
	SIM_EXPECT((c.version & 0xffff) != MPIC_VERSION_PIC1);
	SIM_ASSERT(mpic_builtin_layout("qoriq-mpic4.3", &c));
	SIM_EXPECT_EQ_U64(c.bank_count, 4);
	SIM_EXPECT_EQ_U64(c.version, 0x0403);
	for (k = 0; k < 4; k++) {
		SIM_EXPECT_EQ_U64(c.banks[k].base + MPIC_CCSR_OFFSET, 0x41600 + 0x200 * k);
		SIM_EXPECT_EQ_U64(c.banks[k].alias + MPIC_CCSR_OFFSET, 0x44148 + 0x1000 * k);
		SIM_EXPECT_EQ_U64(c.banks[k].msir_count, 16);
		SIM_EXPECT_EQ_U64(c.banks[k].kind, MPIC_MSI_V43);
		for (n = 0; n < 16; n++)
			SIM_EXPECT_EQ_U64(c.banks[k].cascade[n], n < 8 ? 0xe0 + 8 * k + n : 0x100 + 8 * k + n - 8);
	}
	SIM_ASSERT(mpic_builtin_layout("p4080", &c));
	SIM_EXPECT_EQ_U64(c.bank_count, 3);
	for (k = 0; k < 3; k++) {
		SIM_EXPECT_EQ_U64(c.banks[k].alias, MPIC_NO_ALIAS);
		SIM_EXPECT_EQ_U64(c.banks[k].base + MPIC_CCSR_OFFSET, 0x41600 + 0x200 * k);
	}
}

SIM_TEST(Mpic, ResetValuesGlobal)
{
	unsigned int l, g, i;

	for (l = 0; mpic_builtin_layout_name(l); l++) {
		struct trec r;
		struct mpic *m = t_make(mpic_builtin_layout_name(l), &r);
		const struct mpic_cfg *c;
		uint32_t frr;

		SIM_ASSERT(m);
		c = mpic_get_cfg(m);
		/* BRR1: IP block id 0x0040 in 31:16 (OpenPIC FSL model), version in 15:0 */
		SIM_EXPECT_EQ_U64(t_rd(m, T_BRR1), 0x00400000u | c->version);
		SIM_EXPECT_EQ_U64(t_rd(m, T_BRR2), 0);
		frr = t_rd(m, T_FRR);
		SIM_EXPECT_EQ_U64((frr & 0x07ff0000) >> 16, c->num_sources - 1);
		SIM_EXPECT_EQ_U64((frr & 0x00001f00) >> 8, c->cpu_count - 1);
		SIM_EXPECT_EQ_U64(frr & 0xff, 2);
		SIM_EXPECT_EQ_U64(t_rd(m, T_GCR), 0);
		SIM_EXPECT_EQ_U64(t_rd(m, T_VIR), 0);
		SIM_EXPECT_EQ_U64(t_rd(m, T_PIR), 0);
		for (i = 0; i < 4; i++)
			SIM_EXPECT_EQ_U64(t_rd(m, T_IPIVPR(i)), V_MSK);
		SIM_EXPECT_EQ_U64(t_rd(m, T_SVR), 0xffff);
		SIM_EXPECT_EQ_U64(t_rd(m, T_TFRRA), 0);
		SIM_EXPECT_EQ_U64(t_rd(m, T_TFRRB), 0);
		for (g = 0; g < 2; g++) {
			for (i = 0; i < 4; i++) {
				SIM_EXPECT_EQ_U64(t_rd(m, T_GT(g, i) + T_GTCCR), 0);
				SIM_EXPECT_EQ_U64(t_rd(m, T_GT(g, i) + T_GTBCR), 0x80000000);
				SIM_EXPECT_EQ_U64(t_rd(m, T_GT(g, i) + T_GTVPR), V_MSK);
				SIM_EXPECT_EQ_U64(t_rd(m, T_GT(g, i) + T_GTDR), 1);
			}
		}
		SIM_EXPECT_EQ_U64(t_rd(m, T_EISR0), 0);
		SIM_EXPECT_EQ_U64(t_rd(m, T_EIMR0), 0);
		SIM_EXPECT_EQ_U64(t_misuse(&r), 0);
		SIM_EXPECT(!mpic_irq_output(m, 0));
		mpic_destroy(m);
	}
}

SIM_TEST(Mpic, ResetValuesPerSource)
{
	unsigned int l, s;

	for (l = 0; mpic_builtin_layout_name(l); l++) {
		struct trec r;
		struct mpic *m = t_make(mpic_builtin_layout_name(l), &r);
		unsigned int n;

		SIM_ASSERT(m);
		n = mpic_get_cfg(m)->num_sources;
		for (s = 0; s < n; s++) {
			/* masked; internal sources (16 and up) active-high (docs/mpic.md 3.1) */
			SIM_EXPECT_EQ_U64(t_rd(m, T_IVPR(s)), s < 16 ? V_MSK : V_MSK | V_POS);
			SIM_EXPECT_EQ_U64(t_rd(m, T_IDR(s)), 1);
			SIM_EXPECT(!mpic_src_pending(m, s));
		}
		SIM_EXPECT_EQ_U64(t_misuse(&r), 0);
		SIM_EXPECT_EQ_U64(t_rd(m, T_IVPR(n)), 0);	/* beyond the last source: no register */
		SIM_EXPECT_EQ_U64(t_misuse(&r), 1);
		mpic_destroy(m);
	}
}

SIM_TEST(Mpic, ResetValuesPerCpu)
{
	struct trec r;
	struct mpic *m = t_make("qoriq-mpic4.3", &r);
	unsigned int c, i;

	SIM_ASSERT(m);
	SIM_EXPECT_EQ_U64(mpic_get_cfg(m)->cpu_count, 24);
	for (c = 0; c < 24; c++) {
		SIM_EXPECT_EQ_U64(t_rd(m, T_CPU(c) + T_CTPR), 0xf);
		SIM_EXPECT_EQ_U64(t_rd(m, T_CPU(c) + T_WHOAMI), c);
		SIM_EXPECT_EQ_U64(t_rd(m, T_CPU(c) + T_EOI), 0);
		for (i = 0; i < 4; i++)
			SIM_EXPECT_EQ_U64(t_rd(m, T_CPU(c) + T_IPIDR(i)), 0);
		SIM_EXPECT_EQ_U64(mpic_in_service_depth(m, c), 0);
	}
	SIM_EXPECT_EQ_U64(t_rd(m, T_THIS + T_CTPR), 0xf);
	SIM_EXPECT_EQ_U64(t_rd(m, T_THIS + T_WHOAMI), 0);
	SIM_EXPECT_EQ_U64(t_misuse(&r), 0);
	SIM_EXPECT_EQ_U64(t_rd(m, T_CPU(24) + T_CTPR), 0);	/* no 25th CPU */
	SIM_EXPECT_EQ_U64(t_misuse(&r), 1);
	mpic_destroy(m);
}

SIM_TEST(Mpic, Brr1Version)
{
	struct trec r;
	struct mpic_cfg c = base_cfg("qoriq-mpic", &r);
	struct mpic *m = NULL;

	c.version = 0x0403;
	SIM_ASSERT(mpic_create(&c, &m) == MPIC_STATUS_OK);
	SIM_EXPECT_EQ_U64(t_rd(m, T_BRR1) & 0xffff, 0x0403);
	t_wr(m, T_BRR1, 0x12345678);
	SIM_EXPECT_EQ_U64(t_misuse(&r), 1);
	SIM_EXPECT_EQ_U64(t_rd(m, T_BRR1) & 0xffff, 0x0403);
	mpic_destroy(m);

	c.version = 0x0200;
	SIM_ASSERT(mpic_create(&c, &m) == MPIC_STATUS_OK);
	SIM_EXPECT_EQ_U64(t_rd(m, T_BRR1), 0x00400200);
	mpic_destroy(m);
}

SIM_TEST(Mpic, ReadOnlyRegisters)
{
	struct trec r;
	struct mpic *m = t_make("qoriq-mpic", &r);
	const uint32_t offs[] = { T_BRR1, T_BRR2, T_FRR, T_VIR, T_EISR0, T_CPU(0) + T_WHOAMI, T_THIS + T_WHOAMI,
				  T_CPU(3) + T_IACK, T_THIS + T_IACK, T_GT(0, 1) + T_GTCCR, T_MSIR(0, 0),
				  T_MSISR(1) };
	uint32_t before[sizeof(offs) / sizeof(offs[0])];
	unsigned int i, n = sizeof(offs) / sizeof(offs[0]);

	SIM_ASSERT(m);
	for (i = 0; i < n; i++)
		before[i] = t_rd(m, offs[i]);
	/* a pending interrupt: a write to IACK must not acknowledge it */
	t_src(m, 5, 0x55, 5, V_POS);
	t_wr(m, T_THIS + T_CTPR, 0);
	SIM_ASSERT(mpic_set_irq(m, 5, true) == MPIC_STATUS_OK);
	r.events[SIM_EV_REGISTER_MISUSE] = 0;
	for (i = 0; i < n; i++) {
		t_wr(m, offs[i], 0xffffffff);
		SIM_EXPECT_EQ_U64(t_misuse(&r), i + 1);
	}
	for (i = 0; i < n; i++)
		if (offs[i] != T_CPU(3) + T_IACK && offs[i] != T_THIS + T_IACK)
			SIM_EXPECT_EQ_U64(t_rd(m, offs[i]), before[i]);
	SIM_EXPECT(mpic_src_pending(m, 5));
	SIM_EXPECT_EQ_U64(mpic_in_service_depth(m, 0), 0);
	SIM_EXPECT(mpic_irq_output(m, 0));
	mpic_destroy(m);
}

SIM_TEST(Mpic, ReservedBits)
{
	struct trec r;
	struct mpic *m = t_make("qoriq-mpic", &r);

	SIM_ASSERT(m);
	/* IVPR bit 29 is not a field: misuse, the defined bits still take effect */
	t_wr(m, T_IVPR(40), 0x20000000 | V_POS | V_LEVEL | V_PRI(3) | 0x1234);
	SIM_EXPECT_EQ_U64(t_misuse(&r), 1);
	SIM_EXPECT_EQ_U64(t_rd(m, T_IVPR(40)), V_POS | V_LEVEL | V_PRI(3) | 0x1234);
	t_wr(m, T_THIS + T_CTPR, 0x13);
	SIM_EXPECT_EQ_U64(t_misuse(&r), 2);
	SIM_EXPECT_EQ_U64(t_rd(m, T_THIS + T_CTPR), 3);
	t_wr(m, T_IDR(40), 1u << 8);	/* 8 CPUs: bit 8 names none */
	SIM_EXPECT_EQ_U64(t_misuse(&r), 3);
	SIM_EXPECT_EQ_U64(t_rd(m, T_IDR(40)), 0);
	t_wr(m, T_IDR(40), 0x80);
	SIM_EXPECT_EQ_U64(t_misuse(&r), 3);
	SIM_EXPECT_EQ_U64(t_rd(m, T_IDR(40)), 0x80);
	t_wr(m, T_GCR, 0x1);
	SIM_EXPECT_EQ_U64(t_misuse(&r), 4);
	t_wr(m, T_SVR, 0x100ff);
	SIM_EXPECT_EQ_U64(t_misuse(&r), 5);
	SIM_EXPECT_EQ_U64(t_rd(m, T_SVR), 0xff);
	t_wr(m, T_IPIVPR(0), V_POS);	/* IPIs have no polarity */
	SIM_EXPECT_EQ_U64(t_misuse(&r), 6);
	mpic_destroy(m);
}

SIM_TEST(Mpic, AccessSizeAndHoles)
{
	struct trec r;
	struct mpic *m = t_make("qoriq-mpic", &r);
	const unsigned int sizes[] = { 1, 2, 8 };
	unsigned int i, n = 0;

	SIM_ASSERT(m);
	t_wr(m, T_THIS + T_CTPR, 7);
	for (i = 0; i < 3; i++) {
		SIM_EXPECT_EQ_U64(mpic_reg_read(m, T_THIS + T_CTPR, sizes[i]), 0);
		SIM_EXPECT_EQ_U64(t_misuse(&r), ++n);
		mpic_reg_write(m, T_THIS + T_CTPR, sizes[i], 2);
		SIM_EXPECT_EQ_U64(t_misuse(&r), ++n);
	}
	SIM_EXPECT_EQ_U64(t_rd(m, T_THIS + T_CTPR), 7);
	SIM_EXPECT_EQ_U64(mpic_reg_read(m, T_CPU(0) + T_CTPR + 1, 4), 0);
	SIM_EXPECT_EQ_U64(t_misuse(&r), ++n);
	SIM_EXPECT_EQ_U64(t_rd(m, 0x1004), 0);			/* hole next to FRR */
	SIM_EXPECT_EQ_U64(t_misuse(&r), ++n);
	t_wr(m, 0x3000, 1);					/* no register at 0x3000 */
	SIM_EXPECT_EQ_U64(t_misuse(&r), ++n);
	SIM_EXPECT_EQ_U64(t_rd(m, MPIC_WINDOW_SIZE), 0);	/* beyond the window */
	SIM_EXPECT_EQ_U64(t_misuse(&r), ++n);
	SIM_EXPECT_EQ_U64(mpic_mmio_read(m, 0x123456789ull, 4, NULL), 0);
	SIM_EXPECT_EQ_U64(t_misuse(&r), ++n);
	mpic_mmio_write(m, 0x123456789ull, 4, 1, NULL);
	SIM_EXPECT_EQ_U64(t_misuse(&r), ++n);
	mpic_destroy(m);
}

SIM_TEST(Mpic, GcrReset)
{
	struct trec r;
	struct mpic *m = t_make("qoriq-mpic", &r);

	SIM_ASSERT(m);
	t_src(m, MPIC_SRC_PAMU, 0x38, 8, V_POS | V_LEVEL);
	t_wr(m, T_THIS + T_CTPR, 0);
	t_wr(m, T_SVR, 0x1ff);
	t_wr(m, T_MSIIR(0), 0x20000000);	/* an MSI in bank 0 MSIR 1 */
	SIM_ASSERT(mpic_set_irq(m, MPIC_SRC_PAMU, true) == MPIC_STATUS_OK);
	SIM_EXPECT(r.out[0]);
	SIM_EXPECT_EQ_U64(mpic_cpu_iack(m, 0), 0x38);
	SIM_EXPECT_EQ_U64(mpic_in_service_depth(m, 0), 1);
	SIM_EXPECT_EQ_U64(mpic_msir_peek(m, 0, 1), 1);

	t_wr(m, T_GCR, 0x80000000);
	SIM_EXPECT_EQ_U64(t_rd(m, T_GCR), 0);			/* reset completes at once */
	SIM_EXPECT_EQ_U64(t_rd(m, T_IVPR(MPIC_SRC_PAMU)), V_MSK | V_POS);
	SIM_EXPECT_EQ_U64(t_rd(m, T_THIS + T_CTPR), 0xf);
	SIM_EXPECT_EQ_U64(t_rd(m, T_SVR), 0xffff);
	SIM_EXPECT_EQ_U64(mpic_in_service_depth(m, 0), 0);
	SIM_EXPECT_EQ_U64(mpic_msir_peek(m, 0, 1), 0);
	SIM_EXPECT(!mpic_irq_output(m, 0));
	SIM_EXPECT(!r.out[0]);
	SIM_EXPECT_EQ_U64(t_rd(m, T_BRR1) & 0xffff, 0x0402);	/* read-only: not a reset value */
	/* the PAMU line is still high: programming the source again delivers it */
	t_src(m, MPIC_SRC_PAMU, 0x38, 8, V_POS | V_LEVEL);
	t_wr(m, T_THIS + T_CTPR, 0);
	SIM_EXPECT(r.out[0]);
	SIM_EXPECT_EQ_U64(t_misuse(&r), 0);
	mpic_destroy(m);
}

SIM_TEST(Mpic, GcrModeBits)
{
	struct trec r;
	struct mpic *m = t_make("qoriq-mpic4.3", &r);

	SIM_ASSERT(m);
	t_wr(m, T_GCR, 0x20000000);	/* mixed mode, what the kernel sets on FSL parts */
	SIM_EXPECT_EQ_U64(t_rd(m, T_GCR), 0x20000000);
	t_wr(m, T_GCR, 0x60000000);	/* external proxy (coreint) */
	SIM_EXPECT_EQ_U64(t_rd(m, T_GCR), 0x60000000);
	SIM_EXPECT_EQ_U64(t_misuse(&r), 0);
	/* delivery is the same in every mode: the consumer acknowledges through IACK or mpic_cpu_iack */
	t_src(m, 50, 0x77, 4, V_POS);
	t_wr(m, T_THIS + T_CTPR, 0);
	mpic_set_irq(m, 50, true);
	SIM_EXPECT(mpic_irq_output(m, 0));
	SIM_EXPECT_EQ_U64(mpic_cpu_iack(m, 0), 0x77);
	mpic_destroy(m);
}

SIM_TEST(Mpic, IvprActivityBit)
{
	struct trec r;
	struct mpic *m = t_make("qoriq-mpic", &r);

	SIM_ASSERT(m);
	SIM_EXPECT_EQ_U64(t_rd(m, T_IVPR(60)) & V_A, 0);
	t_wr(m, T_IVPR(60), V_MSK | V_POS | V_PRI(4) | 0x60);
	mpic_set_irq(m, 60, true);			/* rising edge while masked: latched */
	SIM_EXPECT(t_rd(m, T_IVPR(60)) & V_A);
	t_wr(m, T_IVPR(60), V_POS | V_PRI(4) | 0x60);	/* A written 0: read-only, stays */
	SIM_EXPECT_EQ_U64(t_rd(m, T_IVPR(60)), V_A | V_POS | V_PRI(4) | 0x60);
	SIM_EXPECT_EQ_U64(t_misuse(&r), 0);
	t_wr(m, T_THIS + T_CTPR, 0);
	SIM_EXPECT_EQ_U64(t_rd(m, T_THIS + T_IACK), 0x60);
	SIM_EXPECT(t_rd(m, T_IVPR(60)) & V_A);		/* in service */
	t_wr(m, T_THIS + T_EOI, 0);
	SIM_EXPECT_EQ_U64(t_rd(m, T_IVPR(60)) & V_A, 0);
	t_wr(m, T_IVPR(61), V_A | V_PRI(1));		/* writing A on an idle source does not set it */
	SIM_EXPECT_EQ_U64(t_rd(m, T_IVPR(61)), V_PRI(1));
	mpic_destroy(m);
}

static void pulse(struct mpic *m, unsigned int s)
{
	mpic_set_irq(m, s, true);
	mpic_set_irq(m, s, false);
}

SIM_TEST(Mpic, IackPriorityOrder)
{
	struct trec r;
	struct mpic *m = t_make("qoriq-mpic", &r);
	const unsigned int src[] = { 30, 31, 32, 33, 34 }, pri[] = { 3, 9, 6, 12, 1 };
	const unsigned int order[] = { 33, 31, 32, 30, 34 };
	unsigned int i;

	SIM_ASSERT(m);
	t_wr(m, T_THIS + T_CTPR, 0);
	for (i = 0; i < 5; i++) {
		t_src(m, src[i], 0x100 + src[i], pri[i], V_POS);
		pulse(m, src[i]);
	}
	for (i = 0; i < 5; i++) {
		SIM_EXPECT(mpic_irq_output(m, 0));
		SIM_EXPECT_EQ_U64(t_rd(m, T_THIS + T_IACK), 0x100 + order[i]);
		t_wr(m, T_THIS + T_EOI, 0);
	}
	SIM_EXPECT(!mpic_irq_output(m, 0));
	SIM_EXPECT_EQ_U64(t_rd(m, T_THIS + T_IACK), 0xffff);
	mpic_destroy(m);
}

SIM_TEST(Mpic, IackTieLowestSource)
{
	struct trec r;
	struct mpic *m = t_make("qoriq-mpic", &r);

	SIM_ASSERT(m);
	t_wr(m, T_CPU(0) + T_CTPR, 0);
	t_src(m, 40, 0x40, 5, V_POS);
	t_src(m, 35, 0x35, 5, V_POS);
	pulse(m, 40);
	pulse(m, 35);
	SIM_EXPECT_EQ_U64(t_rd(m, T_CPU(0) + T_IACK), 0x35);
	t_wr(m, T_CPU(0) + T_EOI, 0);
	SIM_EXPECT_EQ_U64(t_rd(m, T_CPU(0) + T_IACK), 0x40);
	t_wr(m, T_CPU(0) + T_EOI, 0);
	SIM_EXPECT_EQ_U64(t_rd(m, T_CPU(0) + T_IACK), 0xffff);
	mpic_destroy(m);
}

SIM_TEST(Mpic, NestedInService)
{
	struct trec r;
	struct mpic *m = t_make("qoriq-mpic", &r);

	SIM_ASSERT(m);
	t_wr(m, T_THIS + T_CTPR, 0);
	t_src(m, 20, 0xa, 4, V_POS);	/* A */
	t_src(m, 21, 0xb, 4, V_POS);	/* B: same priority as A */
	t_src(m, 22, 0xc, 2, V_POS);	/* C: lower */
	t_src(m, 23, 0xd, 9, V_POS);	/* D: higher */
	t_src(m, 25, 0xe, 6, V_POS);	/* E: between A and D */
	pulse(m, 20);
	SIM_EXPECT_EQ_U64(t_rd(m, T_THIS + T_IACK), 0xa);
	SIM_EXPECT(!mpic_irq_output(m, 0));
	pulse(m, 21);
	SIM_EXPECT(!mpic_irq_output(m, 0));	/* not above the in-service priority */
	pulse(m, 22);
	SIM_EXPECT(!mpic_irq_output(m, 0));
	SIM_EXPECT_EQ_U64(t_rd(m, T_THIS + T_IACK), 0xffff);	/* nothing may be taken now */
	pulse(m, 23);
	SIM_EXPECT(mpic_irq_output(m, 0));	/* preempts A */
	SIM_EXPECT_EQ_U64(t_rd(m, T_THIS + T_IACK), 0xd);
	SIM_EXPECT_EQ_U64(mpic_in_service_depth(m, 0), 2);
	SIM_EXPECT(!mpic_irq_output(m, 0));
	pulse(m, 25);
	SIM_EXPECT(!mpic_irq_output(m, 0));	/* 6 is below D's 9 */
	t_wr(m, T_THIS + T_EOI, 0);		/* ends D (the last taken), A still in service */
	SIM_EXPECT_EQ_U64(mpic_in_service_depth(m, 0), 1);
	SIM_EXPECT(mpic_irq_output(m, 0));	/* 6 is above A's 4 */
	SIM_EXPECT_EQ_U64(t_rd(m, T_THIS + T_IACK), 0xe);
	t_wr(m, T_THIS + T_EOI, 0);		/* ends E */
	SIM_EXPECT_EQ_U64(mpic_in_service_depth(m, 0), 1);
	SIM_EXPECT(!mpic_irq_output(m, 0));
	t_wr(m, T_THIS + T_EOI, 0);		/* ends A */
	SIM_EXPECT(mpic_irq_output(m, 0));
	SIM_EXPECT_EQ_U64(t_rd(m, T_THIS + T_IACK), 0xb);
	t_wr(m, T_THIS + T_EOI, 0);
	SIM_EXPECT_EQ_U64(t_rd(m, T_THIS + T_IACK), 0xc);
	t_wr(m, T_THIS + T_EOI, 0);
	SIM_EXPECT_EQ_U64(t_rd(m, T_THIS + T_IACK), 0xffff);
	SIM_EXPECT_EQ_U64(mpic_in_service_depth(m, 0), 0);
	SIM_EXPECT_EQ_U64(t_misuse(&r), 0);
	mpic_destroy(m);
}

SIM_TEST(Mpic, EoiWithoutInService)
{
	struct trec r;
	struct mpic *m = t_make("qoriq-mpic", &r);
	struct mpic_stats st;

	SIM_ASSERT(m);
	t_wr(m, T_THIS + T_EOI, 0);
	SIM_EXPECT_EQ_U64(t_misuse(&r), 1);
	SIM_EXPECT(strstr(r.last_msg, "no interrupt in service") != NULL);
	mpic_cpu_eoi(m, 1);
	SIM_EXPECT_EQ_U64(t_misuse(&r), 2);
	mpic_get_stats(m, &st);
	SIM_EXPECT_EQ_U64(st.eois, 0);
	SIM_EXPECT_EQ_U64(st.misuse, 2);
	mpic_destroy(m);
}

SIM_TEST(Mpic, Masking)
{
	struct trec r;
	struct mpic *m = t_make("qoriq-mpic", &r);

	SIM_ASSERT(m);
	t_wr(m, T_THIS + T_CTPR, 0);
	t_wr(m, T_IDR(70), 1);
	t_wr(m, T_IVPR(70), V_MSK | V_POS | V_PRI(5) | 0x70);
	pulse(m, 70);
	SIM_EXPECT(mpic_src_pending(m, 70));	/* an edge is latched while masked */
	SIM_EXPECT(!mpic_irq_output(m, 0));
	SIM_EXPECT_EQ_U64(t_rd(m, T_THIS + T_IACK), 0xffff);
	t_wr(m, T_IVPR(70), V_POS | V_PRI(5) | 0x70);
	SIM_EXPECT(mpic_irq_output(m, 0));
	SIM_EXPECT_EQ_U64(t_rd(m, T_THIS + T_IACK), 0x70);
	t_wr(m, T_IVPR(70), V_MSK | V_POS | V_PRI(5) | 0x70);	/* masking does not end the service */
	SIM_EXPECT_EQ_U64(mpic_in_service_depth(m, 0), 1);
	t_wr(m, T_THIS + T_EOI, 0);
	SIM_EXPECT_EQ_U64(mpic_in_service_depth(m, 0), 0);

	/* level source: masking withdraws the request, unmasking presents it again */
	t_src(m, 71, 0x71, 6, V_POS | V_LEVEL);
	mpic_set_irq(m, 71, true);
	SIM_EXPECT(mpic_irq_output(m, 0));
	t_wr(m, T_IVPR(71), V_MSK | V_POS | V_LEVEL | V_PRI(6) | 0x71);
	SIM_EXPECT(!mpic_irq_output(m, 0));
	t_wr(m, T_IVPR(71), V_POS | V_LEVEL | V_PRI(6) | 0x71);
	SIM_EXPECT(mpic_irq_output(m, 0));
	mpic_destroy(m);
}

SIM_TEST(Mpic, CurrentTaskPriority)
{
	struct trec r;
	struct mpic *m = t_make("qoriq-mpic", &r);

	SIM_ASSERT(m);
	t_src(m, 80, 0x80, 15, V_POS | V_LEVEL);
	mpic_set_irq(m, 80, true);
	SIM_EXPECT(!mpic_irq_output(m, 0));	/* CTPR resets to 15: nothing is above it */
	SIM_EXPECT_EQ_U64(t_rd(m, T_THIS + T_IACK), 0xffff);
	t_wr(m, T_IVPR(80), V_POS | V_LEVEL | V_PRI(5) | 0x80);
	t_wr(m, T_THIS + T_CTPR, 5);
	SIM_EXPECT(!mpic_irq_output(m, 0));	/* equal to CTPR: not delivered */
	SIM_EXPECT_EQ_U64(t_rd(m, T_THIS + T_IACK), 0xffff);
	t_wr(m, T_CPU(0) + T_CTPR, 4);		/* the per-CPU block and the this-CPU copy are one register */
	SIM_EXPECT_EQ_U64(t_rd(m, T_THIS + T_CTPR), 4);
	SIM_EXPECT(mpic_irq_output(m, 0));
	SIM_EXPECT(r.out[0]);
	t_wr(m, T_THIS + T_CTPR, 9);
	SIM_EXPECT(!mpic_irq_output(m, 0));
	SIM_EXPECT(!r.out[0]);
	t_wr(m, T_THIS + T_CTPR, 0);
	SIM_EXPECT_EQ_U64(t_rd(m, T_THIS + T_IACK), 0x80);
	mpic_destroy(m);
}

SIM_TEST(Mpic, SpuriousVector)
{
	struct trec r;
	struct mpic *m = t_make("qoriq-mpic", &r);
	struct mpic_stats st;

	SIM_ASSERT(m);
	t_wr(m, T_THIS + T_CTPR, 0);
	SIM_EXPECT_EQ_U64(t_rd(m, T_THIS + T_IACK), 0xffff);
	t_wr(m, T_SVR, 0x00ff);
	SIM_EXPECT_EQ_U64(t_rd(m, T_THIS + T_IACK), 0xff);
	SIM_EXPECT_EQ_U64(mpic_in_service_depth(m, 0), 0);	/* spurious is not in service */
	t_wr(m, T_IVPR(90), V_MSK | V_POS | V_PRI(3) | 0x90);
	pulse(m, 90);
	SIM_EXPECT_EQ_U64(t_rd(m, T_CPU(0) + T_IACK), 0xff);	/* masked: spurious */
	mpic_get_stats(m, &st);
	SIM_EXPECT_EQ_U64(st.spurious, 3);
	SIM_EXPECT_EQ_U64(st.iacks, 0);
	SIM_EXPECT_EQ_U64(t_misuse(&r), 0);
	mpic_destroy(m);
}

SIM_TEST(Mpic, EdgeSensitive)
{
	struct trec r;
	struct mpic *m = t_make("qoriq-mpic", &r);

	SIM_ASSERT(m);
	t_wr(m, T_THIS + T_CTPR, 0);
	t_src(m, 100, 0x64, 7, V_POS);			/* rising edge */
	mpic_set_irq(m, 100, true);
	SIM_EXPECT(mpic_src_pending(m, 100));
	SIM_EXPECT_EQ_U64(t_rd(m, T_THIS + T_IACK), 0x64);
	SIM_EXPECT(!mpic_src_pending(m, 100));		/* the acknowledge consumes the edge */
	t_wr(m, T_THIS + T_EOI, 0);
	SIM_EXPECT(!mpic_irq_output(m, 0));		/* the line stays high: no new edge */
	mpic_set_irq(m, 100, true);
	SIM_EXPECT(!mpic_src_pending(m, 100));
	mpic_set_irq(m, 100, false);
	SIM_EXPECT(!mpic_src_pending(m, 100));		/* falling edge ignored with P = 1 */
	mpic_set_irq(m, 100, true);
	SIM_EXPECT(mpic_irq_output(m, 0));
	SIM_EXPECT_EQ_U64(t_rd(m, T_THIS + T_IACK), 0x64);
	mpic_set_irq(m, 100, false);			/* a new rising edge while in service */
	mpic_set_irq(m, 100, true);
	SIM_EXPECT(mpic_src_pending(m, 100));
	SIM_EXPECT(!mpic_irq_output(m, 0));
	t_wr(m, T_THIS + T_EOI, 0);
	SIM_EXPECT(mpic_irq_output(m, 0));		/* delivered after the EOI */
	SIM_EXPECT_EQ_U64(t_rd(m, T_THIS + T_IACK), 0x64);
	t_wr(m, T_THIS + T_EOI, 0);
	SIM_EXPECT(!mpic_irq_output(m, 0));
	mpic_destroy(m);
}

SIM_TEST(Mpic, LevelSensitive)
{
	struct trec r;
	struct mpic *m = t_make("qoriq-mpic", &r);

	SIM_ASSERT(m);
	t_wr(m, T_THIS + T_CTPR, 0);
	t_src(m, 101, 0x65, 7, V_POS | V_LEVEL);
	mpic_set_irq(m, 101, true);
	SIM_EXPECT_EQ_U64(t_rd(m, T_THIS + T_IACK), 0x65);
	SIM_EXPECT(mpic_src_pending(m, 101));		/* still asserted */
	SIM_EXPECT(!mpic_irq_output(m, 0));
	t_wr(m, T_THIS + T_EOI, 0);
	SIM_EXPECT(mpic_irq_output(m, 0));		/* handler did not quiet the device */
	SIM_EXPECT_EQ_U64(t_rd(m, T_THIS + T_IACK), 0x65);
	mpic_set_irq(m, 101, false);
	SIM_EXPECT(!mpic_src_pending(m, 101));
	t_wr(m, T_THIS + T_EOI, 0);
	SIM_EXPECT(!mpic_irq_output(m, 0));
	mpic_set_irq(m, 101, true);
	SIM_EXPECT(mpic_irq_output(m, 0));
	mpic_set_irq(m, 101, false);			/* withdrawn before the acknowledge */
	SIM_EXPECT(!mpic_irq_output(m, 0));
	SIM_EXPECT_EQ_U64(t_rd(m, T_THIS + T_IACK), 0xffff);
	/* reprogramming makes no edge, but switching an asserted line's source to level makes it pending
	 * (external source 5 resets active-low edge: raising its line is not an edge for it) */
	mpic_set_irq(m, 5, true);
	SIM_EXPECT(!mpic_src_pending(m, 5));
	t_src(m, 5, 0x66, 3, V_POS);
	SIM_EXPECT(!mpic_src_pending(m, 5));
	t_src(m, 5, 0x66, 3, V_POS | V_LEVEL);
	SIM_EXPECT(mpic_src_pending(m, 5));
	mpic_destroy(m);
}

SIM_TEST(Mpic, ActiveLowPolarity)
{
	struct trec r;
	struct mpic *m = t_make("qoriq-mpic", &r);

	SIM_ASSERT(m);
	t_wr(m, T_THIS + T_CTPR, 0);
	t_src(m, 3, 0x3, 4, V_LEVEL);			/* external IRQ3, level active-low */
	SIM_EXPECT(mpic_src_pending(m, 3));		/* line low = asserted */
	mpic_set_irq(m, 3, true);
	SIM_EXPECT(!mpic_src_pending(m, 3));
	SIM_EXPECT(!mpic_irq_output(m, 0));
	t_src(m, 4, 0x4, 4, 0);				/* falling edge */
	mpic_set_irq(m, 4, true);
	SIM_EXPECT(!mpic_src_pending(m, 4));
	mpic_set_irq(m, 4, false);
	SIM_EXPECT(mpic_src_pending(m, 4));
	SIM_EXPECT_EQ_U64(t_rd(m, T_THIS + T_IACK), 0x4);
	mpic_destroy(m);
}

SIM_TEST(Mpic, DestinationRouting)
{
	struct trec r;
	struct mpic *m = t_make("qoriq-mpic", &r);

	SIM_ASSERT(m);
	t_wr(m, T_CPU(0) + T_CTPR, 0);
	t_wr(m, T_CPU(1) + T_CTPR, 0);
	t_wr(m, T_IVPR(110), V_POS | V_PRI(6) | 0x6e);
	t_wr(m, T_IDR(110), 0x2);			/* CPU 1 only */
	pulse(m, 110);
	SIM_EXPECT(!mpic_irq_output(m, 0));
	SIM_EXPECT(mpic_irq_output(m, 1));
	SIM_EXPECT(r.out[1] && r.last_irq_cpu == 1);
	SIM_EXPECT_EQ_U64(t_rd(m, T_THIS + T_IACK), 0xffff);	/* CPU 0 has nothing */
	SIM_EXPECT_EQ_U64(t_rd(m, T_CPU(1) + T_IACK), 0x6e);
	SIM_EXPECT_EQ_U64(mpic_in_service_depth(m, 1), 1);
	t_wr(m, T_CPU(1) + T_EOI, 0);
	SIM_EXPECT_EQ_U64(mpic_in_service_depth(m, 1), 0);

	t_wr(m, T_IDR(110), 0x3);			/* both: presented to each, taken once */
	pulse(m, 110);
	SIM_EXPECT(mpic_irq_output(m, 0) && mpic_irq_output(m, 1));
	SIM_EXPECT_EQ_U64(mpic_cpu_iack(m, 0), 0x6e);
	SIM_EXPECT(!mpic_irq_output(m, 1));
	SIM_EXPECT_EQ_U64(mpic_cpu_iack(m, 1), 0xffff);
	mpic_cpu_eoi(m, 0);
	SIM_EXPECT(!mpic_irq_output(m, 0));
	mpic_destroy(m);
}

SIM_TEST(Mpic, PerCpuBlocks)
{
	struct trec r;
	struct mpic *m = t_make("qoriq-mpic4.3", &r);
	unsigned int c;

	SIM_ASSERT(m);
	for (c = 0; c < 24; c++)
		t_wr(m, T_CPU(c) + T_CTPR, (c * 7) % 16);
	for (c = 0; c < 24; c++) {
		SIM_EXPECT_EQ_U64(t_rd(m, T_CPU(c) + T_CTPR), (c * 7) % 16);
		SIM_EXPECT_EQ_U64(t_rd(m, T_CPU(c) + T_WHOAMI), c);
	}
	SIM_EXPECT_EQ_U64(t_rd(m, T_THIS + T_CTPR), 0);
	t_wr(m, T_THIS + T_CTPR, 11);
	SIM_EXPECT_EQ_U64(t_rd(m, T_CPU(0) + T_CTPR), 11);
	SIM_EXPECT_EQ_U64(t_rd(m, T_CPU(1) + T_CTPR), 7);
	/* each CPU's IDR bit exists up to the CPU count */
	t_wr(m, T_IDR(200), 1u << 23);
	SIM_EXPECT_EQ_U64(t_rd(m, T_IDR(200)), 1u << 23);
	SIM_EXPECT_EQ_U64(t_misuse(&r), 0);
	t_wr(m, T_IDR(200), 1u << 24);
	SIM_EXPECT_EQ_U64(t_misuse(&r), 1);
	mpic_destroy(m);
}

SIM_TEST(Mpic, OutputCallback)
{
	struct trec r;
	struct mpic *m = t_make("qoriq-mpic", &r);

	SIM_ASSERT(m);
	SIM_EXPECT_EQ_U64(r.irq_calls, 0);
	t_wr(m, T_THIS + T_CTPR, 0);
	t_src(m, 120, 0x78, 2, V_POS | V_LEVEL);
	SIM_EXPECT_EQ_U64(r.irq_calls, 0);
	mpic_set_irq(m, 120, true);
	SIM_EXPECT_EQ_U64(r.irq_calls, 1);
	SIM_EXPECT(r.out[0]);
	mpic_set_irq(m, 120, true);			/* no change, no call */
	t_src(m, 121, 0x79, 1, V_POS | V_LEVEL);
	mpic_set_irq(m, 121, true);			/* output already high */
	SIM_EXPECT_EQ_U64(r.irq_calls, 1);
	SIM_EXPECT_EQ_U64(t_rd(m, T_THIS + T_IACK), 0x78);
	SIM_EXPECT_EQ_U64(r.irq_calls, 2);		/* 121 is below the in-service priority */
	SIM_EXPECT(!r.out[0]);
	mpic_set_irq(m, 120, false);
	t_wr(m, T_THIS + T_EOI, 0);
	SIM_EXPECT_EQ_U64(r.irq_calls, 3);		/* 121 presented now */
	SIM_EXPECT(r.out[0]);
	mpic_destroy(m);
}

SIM_TEST(Mpic, PamuAvSource24)
{
	struct trec r;
	struct mpic *m = t_make("qoriq-mpic", &r);
	struct mpic_stats st;

	SIM_ASSERT(m);
	/* DT: <24 2 0 0> = level, active high (hw-facts 9) */
	t_src(m, MPIC_SRC_PAMU, 0x18, 8, V_POS | V_LEVEL);
	t_wr(m, T_THIS + T_CTPR, 0);
	SIM_ASSERT(mpic_set_irq(m, MPIC_SRC_PAMU, true) == MPIC_STATUS_OK);
	SIM_EXPECT(r.out[0]);
	SIM_EXPECT_EQ_U64(t_rd(m, T_THIS + T_IACK), 0x18);
	/* the ISR writes PICS.AVS back: the PAMU lowers its line, then the EOI */
	mpic_set_irq(m, MPIC_SRC_PAMU, false);
	t_wr(m, T_THIS + T_EOI, 0);
	SIM_EXPECT(!r.out[0]);
	SIM_EXPECT(!mpic_src_pending(m, MPIC_SRC_PAMU));
	SIM_EXPECT_EQ_U64(t_rd(m, T_THIS + T_IACK), 0xffff);
	mpic_get_stats(m, &st);
	SIM_EXPECT_EQ_U64(st.iacks, 1);
	SIM_EXPECT_EQ_U64(st.eois, 1);
	mpic_destroy(m);
}

SIM_TEST(Mpic, ErrorInterrupt)
{
	struct trec r;
	struct mpic *m = t_make("qoriq-mpic", &r);

	SIM_ASSERT(m);
	t_src(m, MPIC_SRC_ERROR, 0x10, 10, V_POS | V_LEVEL);
	t_wr(m, T_THIS + T_CTPR, 0);
	/* the kernel numbers error sub-sources from the MSB: sub-source n is bit 31 - n */
	SIM_ASSERT(mpic_set_err_irq(m, MPIC_ERR_SUB_PAMU, true) == MPIC_STATUS_OK);
	SIM_EXPECT_EQ_U64(t_rd(m, T_EISR0), 0x00000002);
	SIM_EXPECT(mpic_irq_output(m, 0));
	SIM_EXPECT_EQ_U64(t_rd(m, T_THIS + T_IACK), 0x10);
	t_wr(m, T_EIMR0, 0x00000002);			/* the driver masks that sub-source */
	t_wr(m, T_THIS + T_EOI, 0);
	SIM_EXPECT(!mpic_irq_output(m, 0));
	SIM_EXPECT(!mpic_src_pending(m, MPIC_SRC_ERROR));
	SIM_EXPECT_EQ_U64(t_rd(m, T_EISR0), 0x00000002);	/* status shows masked sources too */
	t_wr(m, T_EIMR0, 0);
	SIM_EXPECT(mpic_irq_output(m, 0));
	mpic_set_err_irq(m, MPIC_ERR_SUB_PAMU, false);
	SIM_EXPECT(!mpic_irq_output(m, 0));
	SIM_EXPECT_EQ_U64(t_rd(m, T_EISR0), 0);
	mpic_set_err_irq(m, MPIC_ERR_SUB_PAMU_B4, true);	/* B4: sub-source 1 */
	SIM_EXPECT_EQ_U64(t_rd(m, T_EISR0), 0x40000000);
	SIM_EXPECT(mpic_irq_output(m, 0));
	SIM_EXPECT_EQ_U64(mpic_set_err_irq(m, 32, true), MPIC_STATUS_BAD_ARG);
	t_wr(m, T_EISR0, 0);
	SIM_EXPECT_EQ_U64(t_misuse(&r), 1);		/* EISR0 is read-only */
	mpic_destroy(m);
}

SIM_TEST(Mpic, SetIrqBadArgs)
{
	struct trec r;
	struct mpic *m = t_make("qoriq-mpic", &r);

	SIM_ASSERT(m);
	SIM_EXPECT_EQ_U64(mpic_set_irq(m, 256, true), MPIC_STATUS_BAD_ARG);
	SIM_EXPECT_EQ_U64(mpic_set_irq(m, 0xe0, true), MPIC_STATUS_BAD_ARG);	/* an MSI cascade */
	SIM_EXPECT_EQ_U64(mpic_set_irq(m, 0xf7, true), MPIC_STATUS_BAD_ARG);
	SIM_EXPECT_EQ_U64(mpic_set_irq(m, MPIC_SRC_ERROR, true), MPIC_STATUS_BAD_ARG);
	SIM_EXPECT_EQ_U64(mpic_set_irq(m, 0xf8, true), MPIC_STATUS_OK);
	SIM_EXPECT_EQ_U64(mpic_set_irq(m, 0, true), MPIC_STATUS_OK);
	SIM_EXPECT(!mpic_irq_output(m, 99));
	SIM_EXPECT_EQ_U64(mpic_cpu_iack(m, 99), 0xffff);
	SIM_EXPECT_EQ_U64(mpic_in_service_depth(m, 99), 0);
	SIM_EXPECT(!mpic_src_pending(m, 5000));
	SIM_EXPECT_EQ_U64(mpic_msir_peek(m, 3, 0), 0);
	SIM_EXPECT_EQ_U64(mpic_msir_peek(m, 0, 8), 0);
	SIM_EXPECT(!strcmp(mpic_status_name(MPIC_STATUS_BAD_ARG), "bad argument"));
	mpic_destroy(m);
	mpic_destroy(NULL);
}

SIM_TEST(Mpic, MmioThroughBus)
{
	struct trec r;
	struct mpic *m = t_make("qoriq-mpic", &r);
	struct soc_bus *bus = soc_bus_create(NULL);
	const uint64_t mpic_base = 0xffe000000ull + MPIC_CCSR_OFFSET;	/* CCSR 0xf_fe00_0000 (hw-facts 1) */
	struct sim_txn_attrs cpu = { .initiator = SIM_INITIATOR_CPU }, dev = { .initiator = SIM_INITIATOR_DEVICE };
	uint64_t v = 0;
	uint8_t buf[4];

	SIM_ASSERT(m && bus);
	SIM_ASSERT(soc_bus_add_mmio(bus, "mpic", mpic_base, MPIC_WINDOW_SIZE, &mpic_mmio_ops, m) == SOC_BUS_OK);
	/* a CPU load is the register value, no swap (out_be32/in_be32 through the stubs) */
	SIM_EXPECT_EQ_U64(soc_bus_load(bus, mpic_base + T_BRR1, 4, &v, &cpu), SOC_BUS_OK);
	SIM_EXPECT_EQ_U64(v, 0x00400402);
	SIM_EXPECT_EQ_U64(soc_bus_store(bus, mpic_base + T_THIS + T_CTPR, 4, 6, &cpu), SOC_BUS_OK);
	SIM_EXPECT_EQ_U64(t_rd(m, T_CPU(0) + T_CTPR), 6);
	/* a device reading the register sees its big-endian bytes */
	SIM_EXPECT_EQ_U64(soc_bus_read(bus, mpic_base + T_BRR1, buf, 4, &dev), SOC_BUS_OK);
	SIM_EXPECT(buf[0] == 0x00 && buf[1] == 0x40 && buf[2] == 0x04 && buf[3] == 0x02);
	/* and a device writing bytes 00 00 00 03 to CTPR writes the value 3 */
	buf[0] = buf[1] = buf[2] = 0;
	buf[3] = 3;
	SIM_EXPECT_EQ_U64(soc_bus_write(bus, mpic_base + T_THIS + T_CTPR, buf, 4, &dev), SOC_BUS_OK);
	SIM_EXPECT_EQ_U64(t_rd(m, T_CPU(0) + T_CTPR), 3);
	SIM_EXPECT_EQ_U64(soc_bus_store(bus, mpic_base + T_THIS + T_CTPR, 2, 6, &cpu), SOC_BUS_OK);
	SIM_EXPECT_EQ_U64(t_misuse(&r), 1);		/* a halfword store: misuse */
	soc_bus_destroy(bus);
	mpic_destroy(m);
}

SIM_TEST(Mpic, IpiAndTimerStorage)
{
	struct trec r;
	struct mpic *m = t_make("qoriq-mpic", &r);

	SIM_ASSERT(m);
	t_wr(m, T_IPIVPR(2), V_PRI(10) | 0xfb);
	SIM_EXPECT_EQ_U64(t_rd(m, T_IPIVPR(2)), V_PRI(10) | 0xfb);
	t_wr(m, T_THIS + T_IPIDR(0), 1);
	SIM_EXPECT_EQ_U64(r.events[SIM_EV_UNSUPPORTED], 1);	/* IPIs are not delivered */
	SIM_EXPECT_EQ_U64(t_rd(m, T_THIS + T_IPIDR(0)), 0);
	t_wr(m, T_GT(1, 3) + T_GTBCR, 0x1000);
	SIM_EXPECT_EQ_U64(t_rd(m, T_GT(1, 3) + T_GTBCR), 0x1000);
	SIM_EXPECT_EQ_U64(t_rd(m, T_GT(1, 3) + T_GTCCR), 0);	/* timers do not count */
	t_wr(m, T_GT(0, 0) + T_GTVPR, V_PRI(9) | 0xf0);
	SIM_EXPECT_EQ_U64(t_rd(m, T_GT(0, 0) + T_GTVPR), V_PRI(9) | 0xf0);
	t_wr(m, T_TFRRA, 12345678);
	SIM_EXPECT_EQ_U64(t_rd(m, T_TFRRA), 12345678);
	SIM_EXPECT_EQ_U64(t_misuse(&r), 0);
	t_wr(m, T_GT(0, 0) + T_GTDR, 1u << 9);
	SIM_EXPECT_EQ_U64(t_misuse(&r), 1);
	mpic_destroy(m);
}

SIM_TEST(Mpic, Stats)
{
	struct trec r;
	struct mpic *m = t_make("qoriq-mpic", &r);
	struct mpic_stats st;

	SIM_ASSERT(m);
	t_wr(m, T_THIS + T_CTPR, 0);
	t_src(m, 0xe0, 0x1e0, 5, V_POS);
	t_wr(m, T_MSIIR(0), 0x01000000);	/* MSIR0 bit 1 */
	t_wr(m, T_MSIIR(0), 0x01000000);	/* again: coalesced */
	SIM_EXPECT_EQ_U64(t_rd(m, T_THIS + T_IACK), 0x1e0);
	SIM_EXPECT_EQ_U64(t_rd(m, T_THIS + T_IACK), 0xffff);
	t_wr(m, T_THIS + T_EOI, 0);
	(void)mpic_reg_read(m, T_GCR, 2);
	mpic_get_stats(m, &st);
	SIM_EXPECT_EQ_U64(st.msi_writes, 2);
	SIM_EXPECT_EQ_U64(st.msi_coalesced, 1);
	SIM_EXPECT_EQ_U64(st.iacks, 1);
	SIM_EXPECT_EQ_U64(st.spurious, 1);
	SIM_EXPECT_EQ_U64(st.eois, 1);
	SIM_EXPECT_EQ_U64(st.misuse, 1);
	mpic_destroy(m);
}
