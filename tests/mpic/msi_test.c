// SPDX-License-Identifier: BSD-2-Clause
/*
 * msi_test.c - the MSI banks: MSIR clear-on-read, MSISR, every MSIIR / MSIIR1 value on the CPU and the
 * device path, every bank of every layout, alias-page reach, an MSI by DMA through the address space,
 * the PIC1 erratum, and a reference decoder written from hw-facts.md 12 that shares nothing with the model.
 */
#include <string.h>

#include "mpic.h"
#include "mpic_test_util.h"
#include "sim_test.h"
#include "soc_bus.h"

/* ------------------------------------------------ the reference (hw-facts.md 12.2, 12.3, 12.5) ---- */

/* Byte reversal: the register value a big-endian MSIIR sees when a PCI device writes D little-endian. */
static uint32_t ref_swap(uint32_t x)
{
	return (x >> 24) | ((x >> 8) & 0x0000ff00u) | ((x << 8) & 0x00ff0000u) | (x << 24);
}

/* MSIR n of bank k raises this MPIC source (12.3). */
static unsigned int ref_cascade(bool v43, unsigned int k, unsigned int n)
{
	if (!v43 || n < 8)
		return 0xe0 + 8 * k + n;
	return 0x100 + 8 * k + (n - 8);
}

struct ref_hit {
	unsigned int msir, bit;
};

/* Register view: v1 MSIIR SRS = bits 31:29, IBS = 28:24; MSIIR1 IBS[3:0] = 31:28, SRS = 27:24, IBS[4] = 16. */
static struct ref_hit ref_decode_reg(bool msiir1, uint32_t r)
{
	struct ref_hit h;

	if (msiir1) {
		h.msir = (r >> 24) & 0xf;
		h.bit = ((r >> 28) & 0xf) | ((r >> 16) & 1) << 4;
	} else {
		h.msir = r >> 29;
		h.bit = (r >> 24) & 0x1f;
	}
	return h;
}

/* The driver's view of the data word D = hwirq: v1 D = SRS << 5 | IBS, v4.3 D = IBS << 4 | SRS. */
static struct ref_hit ref_decode_hwirq(bool v43, uint32_t d)
{
	struct ref_hit h;

	if (v43) {
		h.msir = d & 0xf;
		h.bit = d >> 4;
	} else {
		h.msir = d >> 5;
		h.bit = d & 0x1f;
	}
	return h;
}

struct ref_target {
	uint32_t off;
	unsigned int bank;
	bool msiir1;
};

/* Every index register of a layout, from the spec tables (12.1, 12.5) and docs/mpic.md 2.5. */
static unsigned int ref_targets(const char *layout, struct ref_target *t, bool *v43)
{
	unsigned int k, n = 0;

	*v43 = !strcmp(layout, "qoriq-mpic4.3");
	for (k = 0; k < (*v43 ? 4u : 3u); k++) {
		t[n++] = (struct ref_target){ T_MSIIR(k), k, false };
		if (*v43) {
			t[n++] = (struct ref_target){ T_MSIIR1(k), k, true };
			t[n++] = (struct ref_target){ T_ALIAS_V43(k), k, true };
		} else if (!strcmp(layout, "qoriq-mpic")) {
			t[n++] = (struct ref_target){ T_ALIAS_V1(k), k, false };
		}
	}
	return n;
}

/* Program every cascade source level-sensitive (masked), so its pending state follows its MSIR. */
static void level_cascades(struct mpic *m, bool v43)
{
	unsigned int k, n;

	for (k = 0; k < (v43 ? 4u : 3u); k++)
		for (n = 0; n < (v43 ? 16u : 8u); n++)
			t_wr(m, T_IVPR(ref_cascade(v43, k, n)), V_MSK | V_POS | V_LEVEL);
}

static unsigned int pending_cascades(const struct mpic *m, bool v43)
{
	unsigned int k, n, c = 0;

	for (k = 0; k < (v43 ? 4u : 3u); k++)
		for (n = 0; n < (v43 ? 16u : 8u); n++)
			c += mpic_src_pending(m, ref_cascade(v43, k, n));
	return c;
}

/*
 * One write, one check: exactly one MSIR bit set in the whole MPIC, at (bank, h); its cascade source
 * pending and no other; MSISR of the bank shows that MSIR; reading the MSIR returns the bit and clears it.
 * Returns false (after recording the failure) so callers can stop early.
 */
static bool expect_single_hit(struct mpic *m, bool v43, unsigned int bank, struct ref_hit h, const char *what,
			      uint32_t value)
{
	int b, n, bit;
	unsigned int found = t_scan_msirs(m, &b, &n, &bit);
	bool ok = found == 1 && b == (int)bank && n == (int)h.msir && bit == (int)h.bit;

	sim_test_check(ok, "one MSIR bit at the reference position", __FILE__, __LINE__,
		       "%s 0x%08x: expected bank %u MSIR %u bit %u, model set %u bit(s), first bank %d MSIR %d bit %d",
		       what, value, bank, h.msir, h.bit, found, b, n, bit);
	if (!ok) {
		t_drain(m);
		return false;
	}
	ok = mpic_src_pending(m, ref_cascade(v43, bank, h.msir)) && pending_cascades(m, v43) == 1 &&
	     t_rd(m, T_MSISR(bank)) == 1u << h.msir && t_rd(m, T_MSIR(bank, h.msir)) == 1u << h.bit &&
	     mpic_msir_peek(m, bank, h.msir) == 0 && pending_cascades(m, v43) == 0 && t_rd(m, T_MSISR(bank)) == 0;
	sim_test_check(ok, "cascade, MSISR and clear-on-read", __FILE__, __LINE__, "%s 0x%08x", what, value);
	return ok;
}

/* ------------------------------------------------------------------------------ tests ---- */

SIM_TEST(Msi, ResetValues)
{
	unsigned int l, k, n;

	for (l = 0; mpic_builtin_layout_name(l); l++) {
		struct trec r;
		struct mpic *m = t_make(mpic_builtin_layout_name(l), &r);
		const struct mpic_cfg *c;

		SIM_ASSERT(m);
		c = mpic_get_cfg(m);
		for (k = 0; k < c->bank_count; k++) {
			for (n = 0; n < c->banks[k].msir_count; n++)
				SIM_EXPECT_EQ_U64(t_rd(m, T_MSIR(k, n)), 0);
			SIM_EXPECT_EQ_U64(t_rd(m, T_MSISR(k)), 0);
			SIM_EXPECT_EQ_U64(t_rd(m, T_MSIIR(k)), 0);
			if (c->banks[k].kind == MPIC_MSI_V43) {
				SIM_EXPECT_EQ_U64(t_rd(m, T_MSIIR1(k)), 0);
				SIM_EXPECT_EQ_U64(t_rd(m, T_ALIAS_V43(k)), 0);
			}
		}
		SIM_EXPECT_EQ_U64(t_misuse(&r), 0);
		if (c->banks[0].kind == MPIC_MSI_V1) {
			(void)t_rd(m, T_MSIR(0, 8));	/* no MSIR 8 in a v1 bank */
			SIM_EXPECT_EQ_U64(t_misuse(&r), 1);
			(void)t_rd(m, T_MSIIR1(0));	/* no MSIIR1 either */
			SIM_EXPECT_EQ_U64(t_misuse(&r), 2);
		}
		mpic_destroy(m);
	}
}

SIM_TEST(Msi, MsirClearOnRead)
{
	struct trec r;
	struct mpic *m = t_make("qoriq-mpic", &r);

	SIM_ASSERT(m);
	level_cascades(m, false);
	t_wr(m, T_MSIIR(2), 3u << 29 | 7u << 24);	/* MSIR 3, bit 7 */
	t_wr(m, T_MSIIR(2), 3u << 29 | 30u << 24);	/* MSIR 3, bit 30 */
	SIM_EXPECT(mpic_src_pending(m, 0xe0 + 16 + 3));
	SIM_EXPECT_EQ_U64(t_rd(m, T_MSIR(2, 3)), (1u << 7) | (1u << 30));
	SIM_EXPECT_EQ_U64(t_rd(m, T_MSIR(2, 3)), 0);
	SIM_EXPECT(!mpic_src_pending(m, 0xe0 + 16 + 3));	/* the cascade line dropped */
	/* a wrong-size read is misuse and leaves the register alone */
	t_wr(m, T_MSIIR(2), 3u << 29 | 1u << 24);
	SIM_EXPECT_EQ_U64(mpic_reg_read(m, T_MSIR(2, 3), 2), 0);
	SIM_EXPECT_EQ_U64(mpic_msir_peek(m, 2, 3), 2);
	SIM_EXPECT_EQ_U64(t_misuse(&r), 1);
	mpic_destroy(m);
}

SIM_TEST(Msi, MsirReadOnly)
{
	struct trec r;
	struct mpic *m = t_make("qoriq-mpic4.3", &r);

	SIM_ASSERT(m);
	t_wr(m, T_MSIIR1(1), 0x2 << 24);		/* MSIR 2 bit 0 */
	t_wr(m, T_MSIR(1, 2), 0);
	SIM_EXPECT_EQ_U64(t_misuse(&r), 1);
	SIM_EXPECT_EQ_U64(mpic_msir_peek(m, 1, 2), 1);
	t_wr(m, T_MSIR(1, 5), 0xffffffff);		/* writing cannot raise MSIs either */
	SIM_EXPECT_EQ_U64(mpic_msir_peek(m, 1, 5), 0);
	t_wr(m, T_MSISR(1), 0xffff);
	SIM_EXPECT_EQ_U64(t_misuse(&r), 3);
	mpic_destroy(m);
}

SIM_TEST(Msi, MsisrSummary)
{
	struct trec r;
	struct mpic *m = t_make("qoriq-mpic", &r);
	struct mpic *m43 = t_make("qoriq-mpic4.3", &r);

	SIM_ASSERT(m && m43);
	t_wr(m, T_MSIIR(0), 0u << 29 | 4u << 24);
	t_wr(m, T_MSIIR(0), 5u << 29 | 9u << 24);
	t_wr(m, T_MSIIR(0), 7u << 29 | 31u << 24);
	SIM_EXPECT_EQ_U64(t_rd(m, T_MSISR(0)), 0xa1);
	SIM_EXPECT_EQ_U64(t_rd(m, T_MSISR(1)), 0);
	(void)t_rd(m, T_MSIR(0, 5));
	SIM_EXPECT_EQ_U64(t_rd(m, T_MSISR(0)), 0x81);
	SIM_EXPECT_EQ_U64(t_rd(m, T_MSISR(0)), 0x81);	/* reading MSISR clears nothing */
	t_wr(m43, T_MSIIR1(3), 0xf << 24);		/* MSIR 15 */
	SIM_EXPECT_EQ_U64(t_rd(m43, T_MSISR(3)), 0x8000);
	mpic_destroy(m);
	mpic_destroy(m43);
}

SIM_TEST(Msi, MsiirEveryValueV1)
{
	struct trec r;
	struct mpic *m = t_make("qoriq-mpic", &r);
	unsigned int k, srs, ibs;

	SIM_ASSERT(m);
	level_cascades(m, false);
	for (k = 0; k < 3; k++)
		for (srs = 0; srs < 8; srs++)
			for (ibs = 0; ibs < 32; ibs++) {
				uint32_t v = srs << 29 | ibs << 24;	/* register layout, hw-facts 12.2 */

				t_wr(m, T_MSIIR(k), v);
				if (!expect_single_hit(m, false, k, (struct ref_hit){ srs, ibs }, "MSIIR", v))
					goto out;
			}
	SIM_EXPECT_EQ_U64(t_misuse(&r), 0);
out:
	mpic_destroy(m);
}

SIM_TEST(Msi, Msiir1EveryValueV43)
{
	struct trec r;
	struct mpic *m = t_make("qoriq-mpic4.3", &r);
	unsigned int k, srs, ibs;

	SIM_ASSERT(m);
	level_cascades(m, true);
	for (k = 0; k < 4; k++)
		for (srs = 0; srs < 16; srs++)
			for (ibs = 0; ibs < 32; ibs++) {
				uint32_t v = (ibs & 0xf) << 28 | srs << 24 | (ibs >> 4) << 16;

				t_wr(m, T_MSIIR1(k), v);
				if (!expect_single_hit(m, true, k, (struct ref_hit){ srs, ibs }, "MSIIR1", v))
					goto out;
			}
	SIM_EXPECT_EQ_U64(t_misuse(&r), 0);
out:
	mpic_destroy(m);
}

SIM_TEST(Msi, DeviceDataWordV1)
{
	struct trec r;
	struct mpic *m = t_make("qoriq-mpic", &r);
	unsigned int k, d;

	SIM_ASSERT(m);
	level_cascades(m, false);
	for (k = 0; k < 3; k++)
		for (d = 0; d < 256; d++) {
			t_dev_write_le(m, T_ALIAS_V1(k), d, 0x100 + k);
			if (!expect_single_hit(m, false, k, ref_decode_hwirq(false, d), "device D", d))
				goto out;
		}
	SIM_EXPECT_EQ_U64(t_misuse(&r), 0);
out:
	mpic_destroy(m);
}

SIM_TEST(Msi, DeviceDataWordV43)
{
	struct trec r;
	struct mpic *m = t_make("qoriq-mpic4.3", &r);
	unsigned int k, d;

	SIM_ASSERT(m);
	level_cascades(m, true);
	for (k = 0; k < 4; k++)
		for (d = 0; d < 512; d++) {
			t_dev_write_le(m, T_ALIAS_V43(k), d, 0x200 + k);
			if (!expect_single_hit(m, true, k, ref_decode_hwirq(true, d), "device D", d))
				goto out;
		}
	SIM_EXPECT_EQ_U64(t_misuse(&r), 0);
out:
	mpic_destroy(m);
}

SIM_TEST(Msi, CpuAndDeviceSameBit)
{
	const char *layouts[] = { "qoriq-mpic", "qoriq-mpic4.3" };
	unsigned int l, d, mismatches = 0;

	for (l = 0; l < 2; l++) {
		struct trec r;
		struct mpic *m = t_make(layouts[l], &r);
		bool v43 = l == 1;
		uint32_t target = v43 ? T_ALIAS_V43(1) : T_ALIAS_V1(1);

		SIM_ASSERT(m);
		for (d = 0; d < (v43 ? 512u : 256u); d++) {
			int b1, n1, i1, b2, n2, i2;

			t_wr(m, target, ref_swap(d));		/* a CPU storing the register value */
			(void)t_scan_msirs(m, &b1, &n1, &i1);
			t_drain(m);
			t_dev_write_le(m, target, d, 7);	/* a device writing its data word */
			(void)t_scan_msirs(m, &b2, &n2, &i2);
			t_drain(m);
			if (b1 != b2 || n1 != n2 || i1 != i2 || b1 != 1)
				mismatches++;
		}
		SIM_EXPECT_EQ_U64(t_misuse(&r), 0);
		mpic_destroy(m);
	}
	SIM_EXPECT_EQ_U64(mismatches, 0);
}

SIM_TEST(Msi, EveryBankEveryLayout)
{
	unsigned int l, i;

	for (l = 0; mpic_builtin_layout_name(l); l++) {
		const char *name = mpic_builtin_layout_name(l);
		struct ref_target t[16];
		struct trec r;
		struct mpic *m = t_make(name, &r);
		bool v43;
		unsigned int n = ref_targets(name, t, &v43);

		SIM_ASSERT(m);
		SIM_EXPECT_EQ_U64(mpic_get_cfg(m)->bank_count, v43 ? 4 : 3);
		level_cascades(m, v43);
		for (i = 0; i < n; i++) {
			/* the last MSIR, a middle bit: a write through this register lands in its bank only */
			struct ref_hit h = { t[i].msiir1 ? 15u : 7u, 17 };
			uint32_t v = t[i].msiir1 ? (h.bit & 0xf) << 28 | h.msir << 24 | (h.bit >> 4) << 16 :
						   h.msir << 29 | h.bit << 24;

			t_wr(m, t[i].off, v);
			expect_single_hit(m, v43, t[i].bank, h, name, t[i].off);
		}
		SIM_EXPECT_EQ_U64(t_misuse(&r), 0);
		mpic_destroy(m);
	}
}

SIM_TEST(Msi, V43InBankMsiirIsV1Layout)
{
	struct trec r;
	struct mpic *m = t_make("qoriq-mpic4.3", &r);
	uint32_t d = 7u << 4 | 9;	/* hwirq: MSIR 9, bit 7 for a v4.3 driver */
	struct ref_hit h;

	SIM_ASSERT(m);
	/* docs/mpic.md 2.5: bank + 0x140 keeps the v1 MSIIR layout; MSIIR1-encoded data sent there (a v4.3
	 * bank without alias, hw-facts 12.4) lands where the v1 decoding says, not at MSIR 9 */
	t_dev_write_le(m, T_MSIIR(0), d, 1);
	h = ref_decode_reg(false, ref_swap(d));
	SIM_EXPECT(h.msir != 9);
	level_cascades(m, true);
	t_drain(m);
	t_dev_write_le(m, T_MSIIR(0), d, 1);
	expect_single_hit(m, true, 0, h, "v4.3 data into MSIIR", d);
	t_dev_write_le(m, T_ALIAS_V43(0), d, 1);
	expect_single_hit(m, true, 0, (struct ref_hit){ 9, 7 }, "v4.3 data into MSIIR1 alias", d);
	mpic_destroy(m);
}

SIM_TEST(Msi, IndexWrongSize)
{
	struct trec r;
	struct mpic *m = t_make("qoriq-mpic4.3", &r);
	struct sim_txn_attrs dev = { .initiator = SIM_INITIATOR_DEVICE, .liodn = 3 };
	const uint32_t offs[] = { T_MSIIR(0), T_MSIIR1(1), T_ALIAS_V43(2) };
	const unsigned int sizes[] = { 1, 2, 8 };
	unsigned int i, j, n = 0;
	int b, msir, bit;

	SIM_ASSERT(m);
	for (i = 0; i < 3; i++) {
		for (j = 0; j < 3; j++) {
			mpic_reg_write(m, offs[i], sizes[j], 0x23000000);
			SIM_EXPECT_EQ_U64(t_misuse(&r), ++n);
			mpic_mmio_write(m, offs[i], sizes[j], 0x23, &dev);
			SIM_EXPECT_EQ_U64(t_misuse(&r), ++n);
		}
		mpic_reg_write(m, offs[i] + 2, 4, 0x23000000);		/* unaligned */
		SIM_EXPECT_EQ_U64(t_misuse(&r), ++n);
		mpic_reg_write(m, offs[i] + 4, 4, 0x23000000);		/* next word: no register */
		SIM_EXPECT_EQ_U64(t_misuse(&r), ++n);
	}
	SIM_EXPECT_EQ_U64(t_scan_msirs(m, &b, &msir, &bit), 0);
	SIM_EXPECT_EQ_U64(r.msi_count, 0);
	mpic_destroy(m);
}

SIM_TEST(Msi, IndexReservedBits)
{
	struct trec r;
	struct mpic *m = t_make("qoriq-mpic4.3", &r);
	int b, msir, bit;

	SIM_ASSERT(m);
	/* v1 layout: bits 23:0 are reserved; misuse, and the defined fields still select a bit */
	t_wr(m, T_MSIIR(1), 2u << 29 | 5u << 24 | 0x1234);
	SIM_EXPECT_EQ_U64(t_misuse(&r), 1);
	SIM_EXPECT_EQ_U64(t_scan_msirs(m, &b, &msir, &bit), 1);
	SIM_EXPECT(b == 1 && msir == 2 && bit == 5);
	t_drain(m);
	/* MSIIR1: bit 20 is not a field */
	t_wr(m, T_ALIAS_V43(3), 1u << 20 | 4u << 24);
	SIM_EXPECT_EQ_U64(t_misuse(&r), 2);
	SIM_EXPECT_EQ_U64(t_scan_msirs(m, &b, &msir, &bit), 1);
	SIM_EXPECT(b == 3 && msir == 4 && bit == 0);
	/* a device data word above the driver's range (D >= 0x200) also sets reserved bits */
	t_drain(m);
	t_dev_write_le(m, T_ALIAS_V43(3), 0x10203, 9);
	SIM_EXPECT_EQ_U64(t_misuse(&r), 3);
	mpic_destroy(m);
}

SIM_TEST(Msi, SrsBeyondBank)
{
	struct trec r;
	struct mpic_cfg c;
	struct mpic *m = NULL;
	int b, msir, bit;

	SIM_ASSERT(mpic_builtin_layout("qoriq-mpic", &c));
	c.banks[0].msir_count = 4;	/* a bank with fewer MSIRs than MSIIR can select */
	trec_hook(&c, &r);
	SIM_ASSERT(mpic_create(&c, &m) == MPIC_STATUS_OK);
	t_wr(m, T_MSIIR(0), 5u << 29 | 1u << 24);
	SIM_EXPECT_EQ_U64(t_misuse(&r), 1);
	SIM_EXPECT_EQ_U64(t_scan_msirs(m, &b, &msir, &bit), 0);
	t_wr(m, T_MSIIR(0), 3u << 29 | 1u << 24);
	SIM_EXPECT_EQ_U64(t_scan_msirs(m, &b, &msir, &bit), 1);
	SIM_EXPECT_EQ_U64(t_misuse(&r), 1);
	mpic_destroy(m);
}

SIM_TEST(Msi, AliasPageOneBank)
{
	struct trec r;
	struct mpic *m = t_make("qoriq-mpic", &r);
	struct mpic_page_reach pr;
	unsigned int k, d;
	int b, msir, bit;

	SIM_ASSERT(m);
	for (k = 0; k < 3; k++) {
		mpic_page_reach(m, 0x4000 + 0x1000 * k + 0x123, &pr);
		SIM_EXPECT_EQ_U64(pr.msiir_banks, 1u << k);
		SIM_EXPECT(!pr.other_regs);
	}
	SIM_EXPECT_EQ_U64(mpic_msi_page_banks(m, 0x7000), 0);
	mpic_page_reach(m, 0x1000, &pr);		/* the page of the banks: every in-bank MSIIR */
	SIM_EXPECT_EQ_U64(pr.msiir_banks, 0x7);
	SIM_EXPECT(pr.other_regs);
	SIM_EXPECT_EQ_U64(mpic_msi_page_banks(m, 0x0000), 0);
	SIM_EXPECT_EQ_U64(mpic_msi_page_banks(m, 0x10000), 0);
	SIM_EXPECT_EQ_U64(mpic_msi_page_banks(m, MPIC_WINDOW_SIZE), 0);
	/* every value through page 0x44000 reaches bank 0 only */
	for (d = 0; d < 256; d++) {
		t_dev_write_le(m, T_ALIAS_V1(0), d, 1);
		SIM_EXPECT_EQ_U64(t_scan_msirs(m, &b, &msir, &bit), 1);
		SIM_EXPECT_EQ_U64(b, 0);
		t_drain(m);
	}
	/* the rest of an alias page decodes nothing */
	t_dev_write_le(m, 0x4000, 0x21, 1);
	t_dev_write_le(m, 0x4144, 0x21, 1);
	t_dev_write_le(m, 0x4148, 0x21, 1);
	SIM_EXPECT_EQ_U64(t_misuse(&r), 3);
	SIM_EXPECT_EQ_U64(t_scan_msirs(m, &b, &msir, &bit), 0);
	mpic_destroy(m);
}

SIM_TEST(Msi, AliasPageP4080)
{
	struct trec r;
	struct mpic *m = t_make("p4080", &r);
	struct mpic_page_reach pr;
	unsigned int k, page;
	int b, msir, bit;

	SIM_ASSERT(m);
	for (page = 0; page < MPIC_WINDOW_SIZE; page += 0x1000) {
		mpic_page_reach(m, page, &pr);
		if (page == 0x1000) {
			/* one page reaches every bank's MSIIR, GCR, FRR, SVR... */
			SIM_EXPECT_EQ_U64(pr.msiir_banks, 0x7);
			SIM_EXPECT(pr.other_regs);
		} else {
			SIM_EXPECT_EQ_U64(pr.msiir_banks, 0);
		}
	}
	for (k = 0; k < 3; k++) {
		SIM_EXPECT_EQ_U64(mpic_msi_target(m, k) + MPIC_CCSR_OFFSET, 0x41740 + 0x200 * k);
		t_dev_write_le(m, T_ALIAS_V1(k), 0x21, 1);	/* the kernel DT's alias: nothing there */
		SIM_EXPECT_EQ_U64(t_misuse(&r), k + 1);
	}
	SIM_EXPECT_EQ_U64(t_scan_msirs(m, &b, &msir, &bit), 0);
	/* a device that can write that page reaches the other banks and the core registers: here GCR[RST] */
	t_wr(m, T_THIS + T_CTPR, 2);
	{
		const uint8_t rst[4] = { 0x80, 0, 0, 0 };

		t_dev_write_bytes(m, T_GCR, rst, 1);
	}
	SIM_EXPECT_EQ_U64(t_rd(m, T_THIS + T_CTPR), 0xf);
	t_dev_write_le(m, T_MSIIR(2), 0x21, 1);
	SIM_EXPECT_EQ_U64(t_scan_msirs(m, &b, &msir, &bit), 1);
	SIM_EXPECT(b == 2 && msir == 1 && bit == 1);
	mpic_destroy(m);
}

SIM_TEST(Msi, AliasPageV43)
{
	struct trec r;
	struct mpic *m = t_make("qoriq-mpic4.3", &r);
	unsigned int k;

	SIM_ASSERT(m);
	for (k = 0; k < 4; k++) {
		SIM_EXPECT_EQ_U64(mpic_msi_page_banks(m, 0x4000 + 0x1000 * k), 1u << k);
		SIM_EXPECT_EQ_U64(mpic_msi_target(m, k) + MPIC_CCSR_OFFSET, 0x44148 + 0x1000 * k);
	}
	SIM_EXPECT_EQ_U64(mpic_msi_page_banks(m, 0x1fff), 0xf);
	SIM_EXPECT_EQ_U64(mpic_msi_page_banks(m, 0x8000), 0);
	SIM_EXPECT_EQ_U64(mpic_msi_target(m, 4), MPIC_NO_ALIAS);
	t_wr(m, 0x4140, 0x01000000);	/* v4.3 alias pages hold MSIIR1 only */
	SIM_EXPECT_EQ_U64(t_misuse(&r), 1);
	mpic_destroy(m);
}

SIM_TEST(Msi, TargetOffsets)
{
	struct trec r;
	struct mpic *m = t_make("qoriq-mpic", &r);
	unsigned int k;

	SIM_ASSERT(m);
	for (k = 0; k < 3; k++)
		SIM_EXPECT_EQ_U64(mpic_msi_target(m, k) + MPIC_CCSR_OFFSET, 0x44140 + 0x1000 * k);
	SIM_EXPECT_EQ_U64(mpic_msi_target(m, 3), MPIC_NO_ALIAS);
	mpic_destroy(m);
}

struct dma_ctx {
	struct trec r;
	struct mpic *m;
	struct soc_bus *bus;
};

static const uint64_t ccsr = 0xffe000000ull;	/* hw-facts 1: CCSR at 0xf_fe00_0000 */

static bool dma_setup(struct dma_ctx *x, const char *layout)
{
	struct sim_txn_attrs cpu = { .initiator = SIM_INITIATOR_CPU };

	x->m = t_make(layout, &x->r);
	x->bus = soc_bus_create(NULL);
	if (!x->m || !x->bus)
		return false;
	if (soc_bus_add_dram(x->bus, "dram", 0, 1ull << 30) != SOC_BUS_OK ||
	    soc_bus_add_mmio(x->bus, "mpic", ccsr + MPIC_CCSR_OFFSET, MPIC_WINDOW_SIZE, &mpic_mmio_ops, x->m) !=
		    SOC_BUS_OK)
		return false;
	/* the kernel's set-up of CPU 0 through its in_be32/out_be32 seam */
	return soc_bus_store(x->bus, ccsr + MPIC_CCSR_OFFSET + T_THIS + T_CTPR, 4, 0, &cpu) == SOC_BUS_OK;
}

static void dma_teardown(struct dma_ctx *x)
{
	soc_bus_destroy(x->bus);
	mpic_destroy(x->m);
}

static void cpu_store(struct dma_ctx *x, uint32_t off, uint32_t v)
{
	struct sim_txn_attrs cpu = { .initiator = SIM_INITIATOR_CPU };

	soc_bus_store(x->bus, ccsr + MPIC_CCSR_OFFSET + off, 4, v, &cpu);
}

static uint32_t cpu_load(struct dma_ctx *x, uint32_t off)
{
	struct sim_txn_attrs cpu = { .initiator = SIM_INITIATOR_CPU };
	uint64_t v = 0;

	soc_bus_load(x->bus, ccsr + MPIC_CCSR_OFFSET + off, 4, &v, &cpu);
	return (uint32_t)v;
}

/* A DMA initiator writes its MSI: the data word D, little-endian, from a DRAM buffer to the MSI address. */
static enum soc_bus_status dma_msi(struct dma_ctx *x, uint64_t addr, uint32_t d, uint16_t liodn)
{
	struct sim_txn_attrs dev = { .initiator = SIM_INITIATOR_DEVICE, .liodn = liodn };
	uint8_t le[4] = { (uint8_t)d, (uint8_t)(d >> 8), (uint8_t)(d >> 16), (uint8_t)(d >> 24) };
	uint8_t buf[4];

	soc_bus_write(x->bus, 0x1000, le, 4, &dev);		/* the descriptor's payload in DRAM */
	soc_bus_read(x->bus, 0x1000, buf, 4, &dev);
	return soc_bus_write(x->bus, addr, buf, 4, &dev);
}

SIM_TEST(Msi, DmaThroughBusV1)
{
	struct dma_ctx x;
	const uint32_t hwirq = 2u << 5 | 7;		/* SRS 2, IBS 7 */
	const unsigned int src = 0xe0 + 8 * 1 + 2;	/* bank 1, MSIR 2 */

	SIM_ASSERT(dma_setup(&x, "qoriq-mpic"));
	cpu_store(&x, T_IDR(src), 1);
	cpu_store(&x, T_IVPR(src), V_POS | V_PRI(5) | 0x1a2);	/* DT <0xea 0 0 0>: rising edge */
	SIM_EXPECT(!x.r.out[0]);
	SIM_EXPECT_EQ_U64(dma_msi(&x, ccsr + 0x45140, hwirq, 0x42), SOC_BUS_OK);
	SIM_EXPECT(x.r.out[0]);
	SIM_EXPECT_EQ_U64(x.r.msi_count, 1);
	SIM_EXPECT(x.r.last_msi.bank == 1 && x.r.last_msi.msir == 2 && x.r.last_msi.bit == 7);
	SIM_EXPECT(x.r.last_msi.alias && !x.r.last_msi.msiir1 && !x.r.last_msi.coalesced);
	SIM_EXPECT_EQ_U64(x.r.last_msi.initiator, SIM_INITIATOR_DEVICE);
	SIM_EXPECT_EQ_U64(x.r.last_msi.liodn, 0x42);
	SIM_EXPECT_EQ_U64(x.r.last_msi.offset, 0x5140);
	/* the cascade handler: IACK, read the MSIR, dispatch, EOI */
	SIM_EXPECT_EQ_U64(cpu_load(&x, T_THIS + T_IACK), 0x1a2);
	SIM_EXPECT(!x.r.out[0]);
	SIM_EXPECT_EQ_U64(cpu_load(&x, T_MSIR(1, 2)), 1u << 7);
	cpu_store(&x, T_THIS + T_EOI, 0);
	SIM_EXPECT(!x.r.out[0]);
	SIM_EXPECT_EQ_U64(cpu_load(&x, T_MSIR(1, 2)), 0);
	SIM_EXPECT_EQ_U64(t_misuse(&x.r), 0);
	SIM_EXPECT_EQ_U64(soc_bus_unmapped_count(x.bus), 0);
	dma_teardown(&x);
}

SIM_TEST(Msi, DmaThroughBusV43)
{
	struct dma_ctx x;
	const uint32_t hwirq = 0x1a3;			/* IBS 0x1a, SRS 3 */
	const unsigned int src = 0xe0 + 8 * 2 + 3;	/* bank 2, MSIR 3 */
	const unsigned int src_hi = 0x100 + 8 * 2 + 4;	/* bank 2, MSIR 12 */

	SIM_ASSERT(dma_setup(&x, "qoriq-mpic4.3"));
	cpu_store(&x, T_IDR(src), 1);
	cpu_store(&x, T_IVPR(src), V_POS | V_PRI(4) | 0x3e3);
	cpu_store(&x, T_IDR(src_hi), 1);
	cpu_store(&x, T_IVPR(src_hi), V_POS | V_PRI(6) | 0x414);
	SIM_EXPECT_EQ_U64(dma_msi(&x, ccsr + 0x46148, hwirq, 0x77), SOC_BUS_OK);
	SIM_EXPECT_EQ_U64(dma_msi(&x, ccsr + 0x46148, 0x05c, 0x77), SOC_BUS_OK);	/* MSIR 12, bit 5 */
	SIM_EXPECT(x.r.out[0]);
	SIM_EXPECT(x.r.last_msi.msiir1);
	SIM_EXPECT_EQ_U64(cpu_load(&x, T_THIS + T_IACK), 0x414);	/* higher priority first */
	SIM_EXPECT_EQ_U64(cpu_load(&x, T_MSIR(2, 12)), 1u << 5);
	cpu_store(&x, T_THIS + T_EOI, 0);
	SIM_EXPECT_EQ_U64(cpu_load(&x, T_THIS + T_IACK), 0x3e3);
	SIM_EXPECT_EQ_U64(cpu_load(&x, T_MSIR(2, 3)), 1u << 0x1a);
	cpu_store(&x, T_THIS + T_EOI, 0);
	SIM_EXPECT(!x.r.out[0]);
	SIM_EXPECT_EQ_U64(t_misuse(&x.r), 0);
	dma_teardown(&x);
}

SIM_TEST(Msi, ReferenceDecode)
{
	unsigned int l, i, x, path, checked = 0, failures = 0;

	for (l = 0; mpic_builtin_layout_name(l); l++) {
		const char *name = mpic_builtin_layout_name(l);
		struct ref_target t[16];
		struct trec r;
		struct mpic *m = t_make(name, &r);
		bool v43;
		unsigned int n = ref_targets(name, t, &v43);

		SIM_ASSERT(m);
		for (i = 0; i < n; i++) {
			/* every legal value: the defined bits of the layout, nothing else */
			unsigned int count = t[i].msiir1 ? 512 : 256;

			for (x = 0; x < count; x++) {
				uint32_t v = t[i].msiir1 ? (x & 0xff) << 24 | (x >> 8) << 16 : x << 24;
				struct ref_hit h = ref_decode_reg(t[i].msiir1, v);

				for (path = 0; path < 2; path++) {
					int b, msir, bit;
					unsigned int found;

					if (path == 0) {
						t_wr(m, t[i].off, v);
					} else {
						/* the device puts the register's big-endian bytes on the bus */
						const uint8_t by[4] = { (uint8_t)(v >> 24), (uint8_t)(v >> 16),
									(uint8_t)(v >> 8), (uint8_t)v };

						t_dev_write_bytes(m, t[i].off, by, 5);
					}
					found = t_scan_msirs(m, &b, &msir, &bit);
					checked++;
					if (found != 1 || b != (int)t[i].bank || msir != (int)h.msir ||
					    bit != (int)h.bit) {
						if (!failures++)
							sim_test_note("%s +0x%x value 0x%08x path %u: model bank %d MSIR %d bit %d (%u set), reference bank %u MSIR %u bit %u",
								      name, t[i].off, v, path, b, msir, bit, found,
								      t[i].bank, h.msir, h.bit);
					}
					t_drain(m);
				}
			}
		}
		SIM_EXPECT_EQ_U64(t_misuse(&r), 0);
		mpic_destroy(m);
	}
	sim_test_note("reference decode: %u writes checked", checked);
	SIM_EXPECT_EQ_U64(failures, 0);
	SIM_EXPECT_EQ_U64(checked, 2 * (3 * 2 * 256 + 4 * (256 + 512 + 512) + 3 * 256));
}

SIM_TEST(Msi, Pic1Erratum)
{
	struct trec r;
	struct mpic_cfg c;
	struct mpic *m = NULL;
	unsigned int d, wrong = 0;
	int b, msir, bit;

	SIM_ASSERT(mpic_builtin_layout("qoriq-mpic", &c));
	c.version = MPIC_VERSION_PIC1;
	trec_hook(&c, &r);
	SIM_ASSERT(mpic_create(&c, &m) == MPIC_STATUS_OK);
	SIM_EXPECT_EQ_U64(t_rd(m, T_BRR1) & 0xffff, 0x0200);	/* what fsl_mpic_primary_get_version reads */
	/* MSI-X on a PIC1 part: the driver sends swab32(hwirq); the erratum's byte lanes undo it */
	for (d = 0; d < 256; d++) {
		struct ref_hit h = ref_decode_hwirq(false, d);

		t_dev_write_le(m, T_ALIAS_V1(0), ref_swap(d), 1);
		if (t_scan_msirs(m, &b, &msir, &bit) != 1 || b != 0 || msir != (int)h.msir || bit != (int)h.bit)
			wrong++;
		t_drain(m);
	}
	SIM_EXPECT_EQ_U64(wrong, 0);
	SIM_EXPECT_EQ_U64(t_misuse(&r), 0);
	/* plain MSI data (what the driver refuses on PIC1 parts) goes astray: D = 0x47 lands on MSIR 0 bit 0 */
	t_dev_write_le(m, T_ALIAS_V1(0), 0x47, 1);
	SIM_EXPECT_EQ_U64(t_scan_msirs(m, &b, &msir, &bit), 1);
	SIM_EXPECT(b == 0 && msir == 0 && bit == 0);
	SIM_EXPECT_EQ_U64(t_misuse(&r), 1);	/* and sets reserved bits */
	t_drain(m);
	/* CPU stores are values on every part */
	t_wr(m, T_MSIIR(1), 2u << 29 | 7u << 24);
	SIM_EXPECT_EQ_U64(mpic_msir_peek(m, 1, 2), 1u << 7);
	mpic_destroy(m);
}

SIM_TEST(Msi, CascadeCoalesce)
{
	struct trec r;
	struct mpic *m = t_make("qoriq-mpic", &r);
	struct mpic_stats st;

	SIM_ASSERT(m);
	t_wr(m, T_THIS + T_CTPR, 0);
	t_src(m, 0xe0, 0x1e0, 5, V_POS);	/* rising edge, as the DT asks */
	t_wr(m, T_MSIIR(0), 1u << 24);
	t_wr(m, T_MSIIR(0), 2u << 24);		/* MSIR 0 already non-zero: no new edge */
	t_wr(m, T_MSIIR(0), 1u << 24);		/* the same bit again: coalesced */
	SIM_EXPECT_EQ_U64(t_rd(m, T_THIS + T_IACK), 0x1e0);
	SIM_EXPECT_EQ_U64(t_rd(m, T_THIS + T_IACK), 0xffff);
	SIM_EXPECT_EQ_U64(t_rd(m, T_MSIR(0, 0)), 0x6);	/* the handler sees both MSIs */
	t_wr(m, T_THIS + T_EOI, 0);
	SIM_EXPECT(!mpic_irq_output(m, 0));
	t_wr(m, T_MSIIR(0), 3u << 24);		/* MSIR 0 was drained: a new edge */
	SIM_EXPECT(mpic_irq_output(m, 0));
	SIM_EXPECT_EQ_U64(r.last_msi.coalesced, 0);
	mpic_get_stats(m, &st);
	SIM_EXPECT_EQ_U64(st.msi_writes, 4);
	SIM_EXPECT_EQ_U64(st.msi_coalesced, 1);
	mpic_destroy(m);
}

SIM_TEST(Msi, LevelCascade)
{
	struct trec r;
	struct mpic *m = t_make("qoriq-mpic", &r);

	SIM_ASSERT(m);
	t_wr(m, T_THIS + T_CTPR, 0);
	t_src(m, 0xe5, 0x1e5, 5, V_POS | V_LEVEL);
	t_wr(m, T_MSIIR(0), 5u << 29 | 1u << 24);
	SIM_EXPECT_EQ_U64(t_rd(m, T_THIS + T_IACK), 0x1e5);
	t_wr(m, T_THIS + T_EOI, 0);
	SIM_EXPECT(mpic_irq_output(m, 0));	/* not drained: requested again */
	SIM_EXPECT_EQ_U64(t_rd(m, T_THIS + T_IACK), 0x1e5);
	SIM_EXPECT_EQ_U64(t_rd(m, T_MSIR(0, 5)), 2);
	t_wr(m, T_THIS + T_EOI, 0);
	SIM_EXPECT(!mpic_irq_output(m, 0));
	mpic_destroy(m);
}

SIM_TEST(Msi, LandedEvent)
{
	struct trec r;
	struct mpic *m = t_make("qoriq-mpic4.3", &r);

	SIM_ASSERT(m);
	t_wr(m, T_MSIIR1(3), 0xa7010000);	/* IBS = 0xa | 1 << 4 = 26, SRS 7 */
	SIM_EXPECT_EQ_U64(r.msi_count, 1);
	SIM_EXPECT(r.last_msi.bank == 3 && r.last_msi.msir == 7 && r.last_msi.bit == 26);
	SIM_EXPECT(!r.last_msi.alias && r.last_msi.msiir1);
	SIM_EXPECT_EQ_U64(r.last_msi.initiator, SIM_INITIATOR_CPU);
	SIM_EXPECT_EQ_U64(r.last_msi.offset, T_MSIIR1(3));
	SIM_EXPECT_EQ_U64(r.last_msi.reg_value, 0xa7010000);
	t_wr(m, T_MSIIR(2), 0x41000000);	/* v1 layout at +0x140: SRS 2, IBS 1 */
	SIM_EXPECT(r.last_msi.bank == 2 && r.last_msi.msir == 2 && r.last_msi.bit == 1 && !r.last_msi.msiir1);
	t_wr(m, T_MSIIR1(3), 0xa7010000);
	SIM_EXPECT(r.last_msi.coalesced);
	SIM_EXPECT_EQ_U64(r.msi_count, 3);
	mpic_destroy(m);
}

SIM_TEST(Msi, GcrResetClearsMsirs)
{
	struct trec r;
	struct mpic *m = t_make("qoriq-mpic4.3", &r);
	int b, msir, bit;

	SIM_ASSERT(m);
	t_wr(m, T_ALIAS_V43(0), 0x11000000);
	t_wr(m, T_ALIAS_V43(3), 0xff010000);
	SIM_EXPECT_EQ_U64(t_scan_msirs(m, &b, &msir, &bit), 2);
	t_wr(m, T_GCR, 0x80000000);
	SIM_EXPECT_EQ_U64(t_scan_msirs(m, &b, &msir, &bit), 0);
	SIM_EXPECT(!mpic_src_pending(m, ref_cascade(true, 0, 1)));
	/* cascades work after the reset */
	level_cascades(m, true);
	t_wr(m, T_ALIAS_V43(3), 0xff010000);
	SIM_EXPECT(mpic_src_pending(m, ref_cascade(true, 3, 15)));
	mpic_destroy(m);
}
