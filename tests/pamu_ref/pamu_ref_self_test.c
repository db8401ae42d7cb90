// SPDX-License-Identifier: BSD-2-Clause
/*
 * pamu_ref_self_test.c - the reference translator checked on its own, against values computed by hand
 * from docs/pamu-model.md and ../shared/spec/hw-facts.md (no model involved).
 *
 * Every expected value below is written out from the doc: the boot PAACE word 1 0x000008D9 of
 * hw-facts.md 7.1 (64 GiB identity window, AP = 3), the 6.x attach word 3 0x00200004 of 7.2 (CID 32,
 * ATM 1), the driver's OMT of 6, and the AVS1 field positions of 9 / docs 5.
 */
#include <stdlib.h>
#include <string.h>

#include "pamu_ref.h"
#include "sim_test.h"

/* A small memory: MEM_SIZE bytes at MEM_BASE, nothing else decodes. */
#define MEM_BASE 0x100000ull
#define MEM_SIZE 0x80000ull
#define PPBA (MEM_BASE)			/* 0x500 entries = 0x14000 bytes */
#define SPBA (MEM_BASE + 0x20000)	/* 0x800 entries = 0x20000 bytes */
#define OBA (MEM_BASE + 0x40000)	/* 16 x 128 bytes */

static uint8_t mem_bytes[MEM_SIZE];

static bool self_read_byte(void *ctx, uint64_t addr, uint8_t *out)
{
	if (addr < MEM_BASE || addr - MEM_BASE >= MEM_SIZE)
		return false;
	*out = mem_bytes[addr - MEM_BASE];
	return true;
}

static const struct pamu_ref_mem self_mem = { .read_byte = self_read_byte };

static struct pamu_ref_regs driver_regs(void)
{
	struct pamu_ref_regs r = {
		.ppba = PPBA, .ppla = PPBA + 0x14000,
		.spba = SPBA, .spla = SPBA + 0x20000,
		.oba = OBA, .ola = OBA + 0x800,
		.pc = 0x40001011,	/* what the driver writes */
	};

	return r;
}

static uint8_t *at(uint64_t addr)
{
	return &mem_bytes[addr - MEM_BASE];
}

/* Host-order word n of the entry at addr (docs/pamu-model.md 7). */
static void put_word(uint64_t entry, unsigned int n, uint32_t v)
{
	memcpy(at(entry + 4 * n), &v, sizeof(v));
}

static void clear_tables(void)
{
	memset(mem_bytes, 0, sizeof(mem_bytes));
}

static uint64_t paace(unsigned int liodn)
{
	return PPBA + 64ull * liodn;
}

static uint64_t spaace(unsigned int index)
{
	return SPBA + 64ull * index;
}

static struct pamu_ref_result xlate(const struct pamu_ref_regs *regs, uint16_t liodn, uint64_t addr,
				    uint32_t size, uint8_t op)
{
	struct pamu_ref_req req = { .liodn = liodn, .addr = addr, .size = size, .op = op };
	struct pamu_ref_result res;

	pamu_ref_translate(regs, &self_mem, &req, &res);
	return res;
}

/* The driver's OMT (hw-facts.md 6): OMI 0 QMAN, 1 FMAN, 2 QMAN_PRIV, 3 CAAM. */
static void driver_omt(void)
{
	static const struct { unsigned int omi, index; uint8_t moe; } rows[] = {
		{ 0, 0, 0x80 }, { 0, 1, 0x81 }, { 0, 2, 0x96 }, { 0, 3, 0x9d }, { 0, 4, 0x90 }, { 0, 7, 0x92 },
		{ 1, 0, 0x98 }, { 1, 1, 0x81 },
		{ 2, 0, 0x80 }, { 2, 1, 0x81 }, { 2, 2, 0x96 }, { 2, 3, 0x9b },
		{ 3, 0, 0x98 }, { 3, 1, 0x81 },
	};
	unsigned int i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		*at(OBA + 128ull * rows[i].omi + rows[i].index) = rows[i].moe;
}

SIM_TEST(Pamu, RefSelfBootEntry)
{
	struct pamu_ref_regs regs = driver_regs();
	struct pamu_ref_result r;

	clear_tables();
	put_word(paace(5), 1, 0x000008d9);	/* hw-facts.md 7.1: WSE 35, AP 3, V */

	r = xlate(&regs, 5, 0x12345678, 4, 0x00);
	SIM_EXPECT_EQ_U64(r.kind, PAMU_REF_OK);
	SIM_EXPECT_EQ_U64(r.out_addr, 0x12345678);
	SIM_EXPECT_EQ_U64(r.out_op, 0x00);
	SIM_EXPECT_EQ_U64(r.slot, -1);
	SIM_EXPECT_EQ_U64(r.paace_addr, PPBA + 5 * 64);

	/* Last byte of the 64 GiB window, then one past it, then a 2-byte access crossing its end. */
	r = xlate(&regs, 5, 0xfffffffffull, 1, 0x81);
	SIM_EXPECT_EQ_U64(r.kind, PAMU_REF_OK);
	SIM_EXPECT_EQ_U64(r.out_addr, 0xfffffffffull);
	SIM_EXPECT_EQ_U64(r.out_op, 0x01);
	r = xlate(&regs, 5, 0x1000000000ull, 1, 0x00);
	SIM_EXPECT_EQ_U64(r.kind, PAMU_REF_FAULT);
	SIM_EXPECT_EQ_U64(r.fault, PAMU_REF_FAULT_WAV1);
	SIM_EXPECT_EQ_U64(r.avs1, 0x00050081);	/* LIODN 5, WAV 1, AV */
	SIM_EXPECT_EQ_U64(r.avs2, 0x00000100);	/* size 1, read */
	SIM_EXPECT_EQ_U64(r.ava, 0x1000000000ull);
	SIM_EXPECT(r.reported);
	r = xlate(&regs, 5, 0xfffffffffull, 2, 0x81);
	SIM_EXPECT_EQ_U64(r.fault, PAMU_REF_FAULT_WAV2);
	SIM_EXPECT_EQ_U64(r.avs1, 0x00050101);
	SIM_EXPECT_EQ_U64(r.avs2, 0x00000281);

	/* Atomics need read and write and map to 0x0C..0x0F; an undefined code is OTV 3. */
	r = xlate(&regs, 5, 0x1000, 8, 0x8e);
	SIM_EXPECT_EQ_U64(r.kind, PAMU_REF_OK);
	SIM_EXPECT_EQ_U64(r.out_op, 0x0e);
	r = xlate(&regs, 5, 0x1000, 8, 0x01);
	SIM_EXPECT_EQ_U64(r.fault, PAMU_REF_FAULT_OTV3);
	SIM_EXPECT_EQ_U64(r.avs1, 0x00050007);

	/* CR and the other domain attributes come from bytes 0x08..0x0B. */
	*at(paace(5) + 0x08) = 0x16;
	*at(paace(5) + 0x09) = 0x03;
	*at(paace(5) + 0x0a) = 0x42;
	*at(paace(5) + 0x0b) = 0x80;
	r = xlate(&regs, 5, 0x2000, 4, 0x00);
	SIM_EXPECT_EQ_U64(r.did, 0x16);
	SIM_EXPECT_EQ_U64(r.pid, 0x03);
	SIM_EXPECT_EQ_U64(r.snpid, 0x42);
	SIM_EXPECT(r.cr);
	SIM_EXPECT(!r.dd);
}

SIM_TEST(Pamu, RefSelfAttachEntry)
{
	struct pamu_ref_regs regs = driver_regs();
	struct pamu_ref_result r;

	clear_tables();
	/* hw-facts.md 7.2: boot word 1, word 3 0x00200004 = CID 32, ATM 1, identity TWBA 0. */
	put_word(paace(0x4ff), 1, 0x000008d9);
	put_word(paace(0x4ff), 3, 0x00200004);
	r = xlate(&regs, 0x4ff, 0xabcdef000ull, 64, 0x83);
	SIM_EXPECT_EQ_U64(r.kind, PAMU_REF_OK);
	SIM_EXPECT_EQ_U64(r.out_addr, 0xabcdef000ull);
	SIM_EXPECT_EQ_U64(r.out_op, 0x03);
	SIM_EXPECT_EQ_U64(r.cid, 32);

	/* The first LIODN beyond the table limit: LAV 1 = 0x400. */
	r = xlate(&regs, 0x500, 0x1000, 4, 0x00);
	SIM_EXPECT_EQ_U64(r.fault, PAMU_REF_FAULT_LAV1);
	SIM_EXPECT_EQ_U64(r.avs1, 0x05000401);
}

SIM_TEST(Pamu, RefSelfWindowTranslation)
{
	struct pamu_ref_regs regs = driver_regs();
	struct pamu_ref_result r;

	clear_tables();
	/* 1 MiB (WSE 0x13) at 0x8000_0000, AP 3, V; ATM 1 to 0x2_1230_0000; DD set. */
	put_word(paace(9), 1, 0x80000000u | 0x13u << 6 | 3u << 3 | 1u << 2 | 1u);
	put_word(paace(9), 3, 0x00ab0004);
	put_word(paace(9), 4, 0x2);
	put_word(paace(9), 5, 0x12300000);
	r = xlate(&regs, 9, 0x80012345, 16, 0x82);
	SIM_EXPECT_EQ_U64(r.kind, PAMU_REF_OK);
	SIM_EXPECT_EQ_U64(r.out_addr, 0x212312345ull);
	SIM_EXPECT_EQ_U64(r.out_op, 0x02);
	SIM_EXPECT_EQ_U64(r.cid, 0xab);
	SIM_EXPECT(r.dd);

	/* A base misaligned inside the window size behaves as its aligned-down value; same for TWBA. */
	put_word(paace(9), 1, 0x80050000u | 0x13u << 6 | 3u << 3 | 1u);
	put_word(paace(9), 5, 0x12380000);
	r = xlate(&regs, 9, 0x80000000, 4, 0x00);
	SIM_EXPECT_EQ_U64(r.kind, PAMU_REF_OK);
	SIM_EXPECT_EQ_U64(r.out_addr, 0x212300000ull);
	r = xlate(&regs, 9, 0x800fffff, 1, 0x00);
	SIM_EXPECT_EQ_U64(r.out_addr, 0x2123fffffull);
	r = xlate(&regs, 9, 0x7fffffff, 1, 0x00);
	SIM_EXPECT_EQ_U64(r.fault, PAMU_REF_FAULT_WAV1);

	/* Permissions: AP 1 (read only) refuses a write with APV 2; AP 0 refuses an atomic with APV 3. */
	put_word(paace(9), 1, 0x80000000u | 0x13u << 6 | 1u << 3 | 1u);
	r = xlate(&regs, 9, 0x80000000, 4, 0x81);
	SIM_EXPECT_EQ_U64(r.fault, PAMU_REF_FAULT_APV);
	SIM_EXPECT_EQ_U64(r.avs1, 0x00090011);
	put_word(paace(9), 1, 0x80000000u | 0x13u << 6 | 0u << 3 | 1u);
	r = xlate(&regs, 9, 0x80000000, 4, 0x8f);
	SIM_EXPECT_EQ_U64(r.avs1, 0x00090019);

	/* The size field of AVS2 saturates at 0xFFFFFF. */
	r = xlate(&regs, 9, 0x80000000, 0x12345678, 0x00);
	SIM_EXPECT_EQ_U64(r.fault, PAMU_REF_FAULT_WAV2);
	SIM_EXPECT_EQ_U64(r.avs2, 0xffffff00u);
}

SIM_TEST(Pamu, RefSelfSubwindows)
{
	struct pamu_ref_regs regs = driver_regs();
	struct pamu_ref_result r;
	const uint64_t base = 0x40000000;	/* 16 MiB window, 4 slots of 4 MiB */

	clear_tables();
	/* Primary LIODN 7: WSE 0x17, MW, AP 3, V; WCE 1 (4 slots), ATM 1; TWBA 0x1000_0000; SWSE 0x13
	 * (1 MiB: slot 0 only uses its first MiB); FSPI 10. */
	put_word(paace(7), 1, (uint32_t)base | 0x17u << 6 | 1u << 5 | 3u << 3 | 1u);
	put_word(paace(7), 3, 1u << 4 | 1u << 2);
	put_word(paace(7), 5, 0x10000000u | 0x13u << 6);
	put_word(paace(7), 6, 10);
	/* Slot 1 = SPAACT[10]: V = 0. */
	put_word(spaace(10), 1, 7u << 16 | 3u << 3 | 1u << 1);
	/* Slot 2 = SPAACT[11]: read only, SWSE 0x15 (4 MiB), ATM 1 to 0x3_0000_0000, immediate OTM. */
	put_word(spaace(11), 1, 7u << 16 | 1u << 3 | 1u << 1 | 1u);
	put_word(spaace(11), 3, 0x00050000u | 1u << 2 | 1u);
	put_word(spaace(11), 4, 3);
	put_word(spaace(11), 5, 0x00000000u | 0x15u << 6);
	*at(spaace(11) + 0x1c) = 0x00;	/* IOEA read -> MOEA 0x98 (read with invalidate 0x18) */
	*at(spaace(11) + 0x1d) = 0x98;
	*at(spaace(11) + 0x1e) = 0x82;	/* IOEB enhanced read 0 -> MOEB 0x10 (not valid) */
	*at(spaace(11) + 0x1f) = 0x10;
	*at(spaace(11) + 0x08) = 0x21;	/* DID of the resolved (secondary) entry */
	/* Slot 3 = SPAACT[12]: owned by LIODN 8. */
	put_word(spaace(12), 1, 8u << 16 | 3u << 3 | 1u << 1 | 1u);

	r = xlate(&regs, 7, base + 0x10, 8, 0x81);
	SIM_EXPECT_EQ_U64(r.kind, PAMU_REF_OK);
	SIM_EXPECT_EQ_U64(r.slot, 0);
	SIM_EXPECT_EQ_U64(r.out_addr, 0x10000010);
	r = xlate(&regs, 7, base + 0xfffff, 2, 0x00);	/* beyond SWSE 1 MiB of slot 0 */
	SIM_EXPECT_EQ_U64(r.fault, PAMU_REF_FAULT_WAV5);
	SIM_EXPECT_EQ_U64(r.avs1, 0x00070281);
	r = xlate(&regs, 7, base + 0x3ffffc, 8, 0x00);	/* crosses the end of slot 0 */
	SIM_EXPECT_EQ_U64(r.fault, PAMU_REF_FAULT_WAV4);
	SIM_EXPECT_EQ_U64(r.avs1, 0x00070201);
	r = xlate(&regs, 7, base + 0x400000, 4, 0x00);
	SIM_EXPECT_EQ_U64(r.fault, PAMU_REF_FAULT_WAV3);
	SIM_EXPECT_EQ_U64(r.avs1, 0x00070181);
	SIM_EXPECT_EQ_U64(r.spaace_addr, SPBA + 640);

	r = xlate(&regs, 7, base + 0x800000 + 0x123, 4, 0x00);
	SIM_EXPECT_EQ_U64(r.kind, PAMU_REF_OK);
	SIM_EXPECT_EQ_U64(r.slot, 2);
	SIM_EXPECT_EQ_U64(r.out_addr, 0x300000123ull);
	SIM_EXPECT_EQ_U64(r.out_op, 0x18);
	SIM_EXPECT_EQ_U64(r.cid, 0x05);
	SIM_EXPECT_EQ_U64(r.did, 0x21);
	r = xlate(&regs, 7, base + 0x800000, 4, 0x82);
	SIM_EXPECT_EQ_U64(r.fault, PAMU_REF_FAULT_OTV1);
	SIM_EXPECT_EQ_U64(r.avs1, 0x00070003);
	r = xlate(&regs, 7, base + 0x800000, 4, 0x85);	/* not listed: identity */
	SIM_EXPECT_EQ_U64(r.out_op, 0x05);
	r = xlate(&regs, 7, base + 0x800000, 4, 0x81);	/* read-only subwindow */
	SIM_EXPECT_EQ_U64(r.fault, PAMU_REF_FAULT_APV);
	SIM_EXPECT_EQ_U64(r.avs1, 0x00070011);
	r = xlate(&regs, 7, base + 0xc00000, 4, 0x00);
	SIM_EXPECT_EQ_U64(r.fault, PAMU_REF_FAULT_WAV7);
	SIM_EXPECT_EQ_U64(r.avs1, 0x00070381);

	/* FSPI at the end of the SPAACT: slot 3 = index 0x800 is beyond the limit (WAV 6). */
	put_word(paace(7), 6, 0x7fe);
	r = xlate(&regs, 7, base + 0xc00000, 4, 0x00);
	SIM_EXPECT_EQ_U64(r.fault, PAMU_REF_FAULT_WAV6);
	SIM_EXPECT_EQ_U64(r.avs1, 0x00070301);
	/* With the limit moved past the end of memory the same entry is a fetch error (table 2). */
	regs.spla = SPBA + 0x100000;
	put_word(paace(7), 6, 0x2000);	/* slot 3 -> index 0x2002, beyond MEM_SIZE */
	r = xlate(&regs, 7, base + 0xc00000, 4, 0x00);
	SIM_EXPECT_EQ_U64(r.fault, PAMU_REF_FAULT_FETCH);
	SIM_EXPECT_EQ_U64(r.poes1, 0x00070005);
	SIM_EXPECT_EQ_U64(r.poea, SPBA + 0x2002ull * 64);
	SIM_EXPECT_EQ_U64(r.poes2, 0x00);

	/* 4 KiB window cut into two 2 KiB slots: unsupported WCE. */
	put_word(paace(7), 1, 0x0000b000u | 0x0bu << 6 | 1u << 5 | 3u << 3 | 1u);
	put_word(paace(7), 3, 0u << 4);
	r = xlate(&regs, 7, 0xb000, 4, 0x00);
	SIM_EXPECT_EQ_U64(r.kind, PAMU_REF_UNSUPPORTED);
	SIM_EXPECT_EQ_U64(r.field, PAMU_REF_FIELD_WCE);
	SIM_EXPECT_EQ_U64(r.field_value, 0);
	/* 8 KiB in two 4 KiB slots is fine; slot 0 SWSE 0x0A is unsupported. */
	put_word(paace(7), 1, 0x0000a000u | 0x0cu << 6 | 1u << 5 | 3u << 3 | 1u);
	put_word(paace(7), 5, 0x0au << 6);
	r = xlate(&regs, 7, 0xa000, 4, 0x00);
	SIM_EXPECT_EQ_U64(r.kind, PAMU_REF_UNSUPPORTED);
	SIM_EXPECT_EQ_U64(r.field, PAMU_REF_FIELD_SWSE);
	SIM_EXPECT_EQ_U64(r.field_value, 0x0a);
	/* SWSE larger than the slot is clamped to the slot. */
	put_word(paace(7), 5, 0x3fu << 6);
	r = xlate(&regs, 7, 0xa000 + 0xfff, 1, 0x00);
	SIM_EXPECT_EQ_U64(r.kind, PAMU_REF_OK);
	SIM_EXPECT_EQ_U64(r.out_addr, 0xafff);
}

SIM_TEST(Pamu, RefSelfOperationMapping)
{
	struct pamu_ref_regs regs = driver_regs();
	struct pamu_ref_result r;

	clear_tables();
	driver_omt();
	/* QMan portal boot entry (hw-facts.md 7.1): OTM 2, OMI 0. */
	put_word(paace(1), 1, 0x000008d9);
	put_word(paace(1), 3, 0x2);
	*at(paace(1) + 0x1e) = 0;
	*at(paace(1) + 0x1f) = 0;
	r = xlate(&regs, 1, 0x1000, 64, 0x82);	/* index 2 -> 0x96 -> stash read 0x16 */
	SIM_EXPECT_EQ_U64(r.kind, PAMU_REF_OK);
	SIM_EXPECT_EQ_U64(r.out_op, 0x16);
	SIM_EXPECT_EQ_U64(r.moe_addr, OBA + 2);
	r = xlate(&regs, 1, 0x1000, 64, 0x87);	/* index 7 -> 0x92 */
	SIM_EXPECT_EQ_U64(r.out_op, 0x12);
	r = xlate(&regs, 1, 0x1000, 64, 0x85);	/* index 5: byte 0, not valid */
	SIM_EXPECT_EQ_U64(r.fault, PAMU_REF_FAULT_OTV1);
	SIM_EXPECT_EQ_U64(r.avs1, 0x00010003);

	/* OMI 2 (QMan private): index 3 -> 0x9B. OMI in host order: 2 at 0x1E on a little-endian host. */
	{
		uint16_t omi = 2;

		memcpy(at(paace(1) + 0x1e), &omi, 2);
	}
	r = xlate(&regs, 1, 0x1000, 64, 0x83);
	SIM_EXPECT_EQ_U64(r.out_op, 0x1b);

	/* OMI 16 is one past the 16-entry OMT: OTV 2. */
	{
		uint16_t omi = 16;

		memcpy(at(paace(1) + 0x1e), &omi, 2);
	}
	r = xlate(&regs, 1, 0x1000, 4, 0x00);
	SIM_EXPECT_EQ_U64(r.fault, PAMU_REF_FAULT_OTV2);
	SIM_EXPECT_EQ_U64(r.avs1, 0x00010005);
	/* With the OMT limit past the end of memory, an OME there is a fetch error of table 3. */
	{
		uint16_t omi = 0x1000;	/* OBA + 0x80000: beyond MEM_SIZE */

		memcpy(at(paace(1) + 0x1e), &omi, 2);
	}
	regs.ola = OBA + 0x100000;
	r = xlate(&regs, 1, 0x1000, 4, 0x81);
	SIM_EXPECT_EQ_U64(r.fault, PAMU_REF_FAULT_FETCH);
	SIM_EXPECT_EQ_U64(r.poes1, 0x00010007);
	SIM_EXPECT_EQ_U64(r.poes2, 0x81);
	SIM_EXPECT_EQ_U64(r.poea, OBA + 0x80000 + 1);
}

SIM_TEST(Pamu, RefSelfEarlyChecks)
{
	struct pamu_ref_regs regs = driver_regs();
	struct pamu_ref_result r;

	clear_tables();
	put_word(paace(3), 1, 0x000008d8);	/* boot word without V */

	r = xlate(&regs, 3, 0x1000, 0, 0x00);
	SIM_EXPECT_EQ_U64(r.kind, PAMU_REF_BAD_REQUEST);
	r = xlate(&regs, 3, UINT64_MAX, 2, 0x00);
	SIM_EXPECT_EQ_U64(r.kind, PAMU_REF_BAD_REQUEST);
	r = xlate(&regs, 3, UINT64_MAX, 1, 0x00);	/* last byte 2^64 - 1 is fine (and outside) */
	SIM_EXPECT_EQ_U64(r.kind, PAMU_REF_FAULT);

	r = xlate(&regs, 3, 0x1000, 4, 0x00);
	SIM_EXPECT_EQ_U64(r.fault, PAMU_REF_FAULT_LAV2);
	SIM_EXPECT_EQ_U64(r.avs1, 0x00030801);
	SIM_EXPECT(!r.reported);
	regs.erratum_a003638 = true;
	r = xlate(&regs, 3, 0x1000, 4, 0x00);
	SIM_EXPECT(r.reported);

	put_word(paace(3), 1, 0x000008db);	/* V and PT */
	r = xlate(&regs, 3, 0x1000, 4, 0x00);
	SIM_EXPECT_EQ_U64(r.fault, PAMU_REF_FAULT_LAV3);
	SIM_EXPECT_EQ_U64(r.avs1, 0x00030c01);

	regs.pc = 0x00001011;	/* PE clear */
	r = xlate(&regs, 3, 0x1000, 4, 0x81);
	SIM_EXPECT_EQ_U64(r.fault, PAMU_REF_FAULT_PDV);
	SIM_EXPECT_EQ_U64(r.avs1, 0x00034001);
	regs.pc = 0xc0001011;	/* gate closed wins over everything after bypass */
	r = xlate(&regs, 3, 0x1000, 4, 0x81);
	SIM_EXPECT_EQ_U64(r.fault, PAMU_REF_FAULT_GCV);
	SIM_EXPECT_EQ_U64(r.avs1, 0x00032001);
	regs.bypass = true;
	r = xlate(&regs, 0xffff, 0x123456789ull, 4, 0x8d);
	SIM_EXPECT_EQ_U64(r.kind, PAMU_REF_BYPASS);
	SIM_EXPECT_EQ_U64(r.out_addr, 0x123456789ull);
	SIM_EXPECT_EQ_U64(r.out_op, 0x0d);

	/* A primary table reaching past memory: the entry's fetch fails (table 1, address of the entry). */
	regs = driver_regs();
	regs.ppba = MEM_BASE + MEM_SIZE - 0x100;	/* LIODN 4 is the first entry past the end */
	regs.ppla = regs.ppba + 0x14000;
	r = xlate(&regs, 4, 0x1000, 4, 0x00);
	SIM_EXPECT_EQ_U64(r.fault, PAMU_REF_FAULT_FETCH);
	SIM_EXPECT_EQ_U64(r.poes1, 0x00040003);
	SIM_EXPECT_EQ_U64(r.poea, MEM_BASE + MEM_SIZE);
}

SIM_TEST(Pamu, RefSelfUnsupported)
{
	struct pamu_ref_regs regs = driver_regs();
	struct pamu_ref_result r;

	clear_tables();
	put_word(paace(2), 1, 0x0au << 6 | 3u << 3 | 1u);
	r = xlate(&regs, 2, 0x0, 4, 0x00);
	SIM_EXPECT_EQ_U64(r.kind, PAMU_REF_UNSUPPORTED);
	SIM_EXPECT_EQ_U64(r.field, PAMU_REF_FIELD_WSE);
	SIM_EXPECT_EQ_U64(r.field_value, 0x0a);
	SIM_EXPECT_EQ_U64(r.avs1, 0);
	put_word(paace(2), 1, 0x24u << 6 | 3u << 3 | 1u);
	r = xlate(&regs, 2, 0x0, 4, 0x00);
	SIM_EXPECT_EQ_U64(r.field_value, 0x24);

	put_word(paace(2), 1, 0x000008d9);
	put_word(paace(2), 3, 2u << 2);
	r = xlate(&regs, 2, 0x0, 4, 0x00);
	SIM_EXPECT_EQ_U64(r.field, PAMU_REF_FIELD_ATM);
	SIM_EXPECT_EQ_U64(r.field_value, 2);
	put_word(paace(2), 3, 3u);
	r = xlate(&regs, 2, 0x0, 4, 0x00);
	SIM_EXPECT_EQ_U64(r.field, PAMU_REF_FIELD_OTM);
	SIM_EXPECT_EQ_U64(r.field_value, 3);
	/* Both reserved: ATM is named first (doc order WSE, ATM, OTM). */
	put_word(paace(2), 3, 3u << 2 | 3u);
	r = xlate(&regs, 2, 0x0, 4, 0x00);
	SIM_EXPECT_EQ_U64(r.field, PAMU_REF_FIELD_ATM);
	SIM_EXPECT_EQ_U64(r.field_value, 3);
}
