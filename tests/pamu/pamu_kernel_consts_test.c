// SPDX-License-Identifier: BSD-2-Clause
/*
 * pamu_kernel_consts_test.c - the model's register and PAACE field declarations agree with the values
 * the kernel's own PAACE_* / PAMU_* definitions produce.
 *
 * The kernel source is not in the repository yet, so the kernel's constant VALUES are encoded here as
 * facts, each from ../shared/spec/hw-facts.md (section named at each check): the PC value the driver
 * writes, the PICS boot value, the AVS1 clear mask, the LAV value, the word-1 of a plain device's
 * PAACE, the implementation-attribute word of a stashing DMA controller, the PC3 MWCE field, register
 * offsets and table sizes. The model's side is built only from its own SIM_FIELD / X-macro
 * declarations (model/pamu/pamu_regs.h, pamu_paace.h), so a wrong shift or width there fails here.
 */
#include <string.h>

#include "pamu.h"
#include "pamu_paace.h"
#include "pamu_regs.h"
#include "sim_test.h"

/* hw-facts.md 2: the driver writes PC = 0x40001011 = PE | OCE | SPCC | PPCC; PGC is bit 31. */
SIM_TEST(Pamu, KernelPcEnableValue)
{
	uint32_t pc = 0;

	pc = SIM_FDP32(pc, PAMU_PC, PE, 1);
	pc = SIM_FDP32(pc, PAMU_PC, OCE, 1);
	pc = SIM_FDP32(pc, PAMU_PC, SPCC, 1);
	pc = SIM_FDP32(pc, PAMU_PC, PPCC, 1);
	SIM_EXPECT_EQ_U64(pc, 0x40001011);
	SIM_EXPECT_EQ_U64(SIM_FMASK(PAMU_PC, PGC), 0x80000000);
	SIM_EXPECT_EQ_U64(SIM_FMASK(PAMU_PC, PE), 0x40000000);	/* PAMU_PE */
	/* Every bit of the driver's value is writable (not reserved) in the model's table. */
	SIM_EXPECT_EQ_U64(0x40001011 & pamu_reg_defs[PAMU_IDX_PC].rsvd, 0);
}

/* hw-facts.md 2, 9: PICS = 0x4 at boot is AVIE (bit 2); AVS is bit 3. */
SIM_TEST(Pamu, KernelPicsBits)
{
	SIM_EXPECT_EQ_U64(SIM_FMASK(PAMU_PICS, AVIE), 0x4);
	SIM_EXPECT_EQ_U64(SIM_FMASK(PAMU_PICS, AVS), 0x8);
	SIM_EXPECT_EQ_U64(pamu_reg_defs[PAMU_IDX_PICS].w1c, 0x8);
	SIM_EXPECT_EQ_U64(0x4 & (pamu_reg_defs[PAMU_IDX_PICS].rsvd | pamu_reg_defs[PAMU_IDX_PICS].w1c), 0);
}

/* hw-facts.md 9: the ISR clears with AVS1 & 0x7FFF; LAV "LIODN not in PPAACT" reads 0x400; LIODN 31:16. */
SIM_TEST(Pamu, KernelAvs1Masks)
{
	uint32_t all = SIM_FMASK(PAMU_AVS1, AV) | SIM_FMASK(PAMU_AVS1, OTV) | SIM_FMASK(PAMU_AVS1, APV) |
		       SIM_FMASK(PAMU_AVS1, WAV) | SIM_FMASK(PAMU_AVS1, LAV) | SIM_FMASK(PAMU_AVS1, GCV) |
		       SIM_FMASK(PAMU_AVS1, PDV);

	SIM_EXPECT_EQ_U64(all, 0x7fff);
	SIM_EXPECT_EQ_U64(SIM_FDP32(0, PAMU_AVS1, LAV, PAMU_LAV_RANGE), 0x400);
	SIM_EXPECT_EQ_U64(SIM_FMASK(PAMU_AVS1, LIODN), 0xffff0000);
	SIM_EXPECT_EQ_U64(SIM_FMASK(PAMU_AVS1, AV), 0x1);
	SIM_EXPECT_EQ_U64(SIM_FMASK(PAMU_AVS1, OTV), 0x6);
	SIM_EXPECT_EQ_U64(SIM_FMASK(PAMU_AVS1, APV), 0x78);
	SIM_EXPECT_EQ_U64(SIM_FMASK(PAMU_AVS1, WAV), 0x380);
	SIM_EXPECT_EQ_U64(SIM_FMASK(PAMU_AVS1, LAV), 0x1c00);
	SIM_EXPECT_EQ_U64(SIM_FMASK(PAMU_AVS1, GCV), 0x2000);
	SIM_EXPECT_EQ_U64(SIM_FMASK(PAMU_AVS1, PDV), 0x4000);
	/* The register table: exactly those bits are write-1-to-clear, bit 15 reserved, LIODN read-only. */
	SIM_EXPECT_EQ_U64(pamu_reg_defs[PAMU_IDX_AVS1].w1c, 0x7fff);
	SIM_EXPECT_EQ_U64(pamu_reg_defs[PAMU_IDX_AVS1].rsvd, 0x8000);
	SIM_EXPECT_EQ_U64(pamu_reg_defs[PAMU_IDX_AVS1].ro, 0xffff0000);
}

/* hw-facts.md 7.1: word 1 of a plain device at boot (WSE 35, AP 3, V) is 0x000008D9 (observed). */
SIM_TEST(Pamu, KernelPaaceWord1PlainDevice)
{
	uint32_t w1 = 0;

	w1 = SIM_FDP32(w1, PAACE_W1, WSE, 35);
	w1 = SIM_FDP32(w1, PAACE_W1, AP, PAACE_AP_READ | PAACE_AP_WRITE);
	w1 = SIM_FDP32(w1, PAACE_W1, V, 1);
	SIM_EXPECT_EQ_U64(w1, 0x000008d9);
	/* PT = 0, MW = 0, DD = 0, WBAL = 0 at boot: the value has none of those bits. */
	SIM_EXPECT_EQ_U64(w1 & (SIM_FMASK(PAACE_W1, PT) | SIM_FMASK(PAACE_W1, MW) | SIM_FMASK(PAACE_W1, DD) |
				SIM_FMASK(PAACE_W1, WBAL)), 0);
	/* Field masks of hw-facts.md 5.1. */
	SIM_EXPECT_EQ_U64(SIM_FMASK(PAACE_W1, WBAL), 0xfffff000);
	SIM_EXPECT_EQ_U64(SIM_FMASK(PAACE_W1, WSE), 0x00000fc0);
	SIM_EXPECT_EQ_U64(SIM_FMASK(PAACE_W1, MW), 0x20);
	SIM_EXPECT_EQ_U64(SIM_FMASK(PAACE_W1, AP), 0x18);
	SIM_EXPECT_EQ_U64(SIM_FMASK(PAACE_W1, DD), 0x4);
	SIM_EXPECT_EQ_U64(SIM_FMASK(PAACE_W1, PT), 0x2);
	SIM_EXPECT_EQ_U64(SIM_FMASK(PAACE_W1, V), 0x1);
	SIM_EXPECT_EQ_U64(SIM_FMASK(PAACE_W1, OWNER), 0xffff0000);
	/* AP encodings: 1 query (read), 2 update (write), 3 both. */
	SIM_EXPECT_EQ_U64(PAACE_AP_READ, 1);
	SIM_EXPECT_EQ_U64(PAACE_AP_WRITE, 2);
}

/* hw-facts.md 7.2: 'ia' word 0x00200004 for a DMA controller with L1 stash of cpu 0 (CID 32), ATM 1. */
SIM_TEST(Pamu, KernelPaaceImplWord)
{
	uint32_t w3 = 0;

	w3 = SIM_FDP32(w3, PAACE_W3, CID, 32);
	w3 = SIM_FDP32(w3, PAACE_W3, ATM, PAACE_ATM_WINDOW);
	SIM_EXPECT_EQ_U64(w3, 0x00200004);
	SIM_EXPECT_EQ_U64(SIM_FMASK(PAACE_W3, CID), 0x00ff0000);
	SIM_EXPECT_EQ_U64(SIM_FMASK(PAACE_W3, WCE), 0xf0);
	SIM_EXPECT_EQ_U64(SIM_FMASK(PAACE_W3, ATM), 0xc);
	SIM_EXPECT_EQ_U64(SIM_FMASK(PAACE_W3, OTM), 0x3);
	SIM_EXPECT_EQ_U64(SIM_FMASK(PAACE_W5, TWBAL), 0xfffff000);
	SIM_EXPECT_EQ_U64(SIM_FMASK(PAACE_W5, SWSE), 0x00000fc0);
	/* OTM 2 indexed, ATM 0 none (hw-facts.md 5.1). */
	SIM_EXPECT_EQ_U64(PAACE_OTM_INDEXED, 2);
	SIM_EXPECT_EQ_U64(PAACE_OTM_IMMEDIATE, 1);
	SIM_EXPECT_EQ_U64(PAACE_ATM_NONE, 0);
}

/* hw-facts.md 5.1, 5.2: byte members of words 2 and 7 at their offsets; CR is bit 7 of byte 0x0B. */
SIM_TEST(Pamu, KernelPaaceByteMembers)
{
	SIM_EXPECT_EQ_U64(PAACE_B_DID, 0x08);
	SIM_EXPECT_EQ_U64(PAACE_B_PID, 0x09);
	SIM_EXPECT_EQ_U64(PAACE_B_SNPID, 0x0a);
	SIM_EXPECT_EQ_U64(PAACE_B_FLAGS, 0x0b);
	SIM_EXPECT_EQ_U64(SIM_FMASK(PAACE_FLAGS, CR), 0x80);
	SIM_EXPECT_EQ_U64(PAACE_B_IOEA, 0x1c);
	SIM_EXPECT_EQ_U64(PAACE_B_MOEA, 0x1d);
	SIM_EXPECT_EQ_U64(PAACE_B_IOEB, 0x1e);
	SIM_EXPECT_EQ_U64(PAACE_B_MOEB, 0x1f);
	SIM_EXPECT_EQ_U64(PAACE_H_OMI, 0x1e);
	SIM_EXPECT_EQ_U64(4 * PAACE_W_FSPI, 0x18);
	SIM_EXPECT_EQ_U64(4 * PAACE_W_TWBAH, 0x10);
	/* hw-facts.md 6: EOE_VALID 0x80, 7-bit codes. */
	SIM_EXPECT_EQ_U64(SIM_FMASK(PAMU_MOE, VALID), 0x80);
	SIM_EXPECT_EQ_U64(SIM_FMASK(PAMU_MOE, CODE), 0x7f);
}

/* hw-facts.md 2, 4: PC3 MWCE bits 24:21 (max windows 2^(MWCE+1)), PC2 MLIODN 31:16, PR1 version 15:0. */
SIM_TEST(Pamu, KernelCapabilityFields)
{
	const struct pamu_caps *c = pamu_builtin_caps("p4080");

	SIM_EXPECT_EQ_U64(SIM_FMASK(PAMU_PC3, MWCE), 0x01e00000);
	SIM_EXPECT_EQ_U64(SIM_FMASK(PAMU_PC2, MLIODN), 0xffff0000);
	SIM_EXPECT_EQ_U64(SIM_FMASK(PAMU_PR1, VERSION), 0xffff);
	SIM_ASSERT(c != NULL);
	/* The driver's max subwindows from PC3: 2^(MWCE+1) = 256 with the assumed caps. */
	SIM_EXPECT_EQ_U64(1u << (SIM_FEX32(c->pc3, PAMU_PC3, MWCE) + 1), 256);
}

/* hw-facts.md 2: offsets of struct pamu_mmap_regs and the other registers the driver names. */
SIM_TEST(Pamu, KernelRegisterOffsets)
{
	static const struct {
		unsigned int idx;
		uint32_t off;
		const char *name;
	} k[] = {
		{ PAMU_IDX_PPBAH, 0x000, "PPBAH" }, { PAMU_IDX_PPBAL, 0x004, "PPBAL" },
		{ PAMU_IDX_PPLAH, 0x008, "PPLAH" }, { PAMU_IDX_PPLAL, 0x00c, "PPLAL" },
		{ PAMU_IDX_SPBAH, 0x010, "SPBAH" }, { PAMU_IDX_SPBAL, 0x014, "SPBAL" },
		{ PAMU_IDX_SPLAH, 0x018, "SPLAH" }, { PAMU_IDX_SPLAL, 0x01c, "SPLAL" },
		{ PAMU_IDX_OBAH, 0x020, "OBAH" }, { PAMU_IDX_OBAL, 0x024, "OBAL" },
		{ PAMU_IDX_OLAH, 0x028, "OLAH" }, { PAMU_IDX_OLAL, 0x02c, "OLAL" },
		{ PAMU_IDX_POES1, 0x040, "POES1" }, { PAMU_IDX_POES2, 0x044, "POES2" },
		{ PAMU_IDX_POEAH, 0x048, "POEAH" }, { PAMU_IDX_POEAL, 0x04c, "POEAL" },
		{ PAMU_IDX_AVS1, 0x050, "AVS1" }, { PAMU_IDX_AVS2, 0x054, "AVS2" },
		{ PAMU_IDX_AVAH, 0x058, "AVAH" }, { PAMU_IDX_AVAL, 0x05c, "AVAL" },
		{ PAMU_IDX_EECTL, 0x060, "EECTL" }, { PAMU_IDX_EECC, 0x084, "EECC" },
		{ PAMU_IDX_UDAD, 0x090, "UDAD" }, { PAMU_IDX_PR1, 0xbf8, "PR1" }, { PAMU_IDX_PR2, 0xbfc, "PR2" },
		{ PAMU_IDX_PC1, 0xc00, "PC1" }, { PAMU_IDX_PC2, 0xc04, "PC2" }, { PAMU_IDX_PC3, 0xc08, "PC3" },
		{ PAMU_IDX_PC4, 0xc0c, "PC4" }, { PAMU_IDX_PC, 0xc10, "PC" }, { PAMU_IDX_PFA1, 0xc14, "PFA1" },
		{ PAMU_IDX_PFA2, 0xc18, "PFA2" }, { PAMU_IDX_PICS, 0xc1c, "PICS" }, { PAMU_IDX_PD1, 0xf00, "PD1" },
		{ PAMU_IDX_PD4, 0xf0c, "PD4" },
	};
	unsigned int i;

	for (i = 0; i < sizeof(k) / sizeof(k[0]); i++) {
		SIM_EXPECT_EQ_U64(pamu_reg_defs[k[i].idx].offset, k[i].off);
		SIM_EXPECT(strcmp(pamu_reg_defs[k[i].idx].name, k[i].name) == 0);
	}
	SIM_EXPECT_EQ_U64(PAMU_OFF_PC, 0xc10);
	SIM_EXPECT_EQ_U64(PAMU_OFF_PICS, 0xc1c);
	SIM_EXPECT_EQ_U64(PAMU_OFF_AVS1, 0x050);
	SIM_EXPECT_EQ_U64(PAMU_OFF_PC3, 0xc08);
	SIM_EXPECT_EQ_U64(PAMU_REG_COUNT, 45);
}

/* hw-facts.md 3: table geometry (PAACE_NUMBER_ENTRIES, SPAACE_NUMBER_ENTRIES, OME_NUMBER_ENTRIES, NUM_MOE). */
SIM_TEST(Pamu, KernelTableGeometry)
{
	SIM_EXPECT_EQ_U64(PAMU_PPAACT_ENTRIES, 0x500);
	SIM_EXPECT_EQ_U64(PAMU_SPAACT_ENTRIES, 0x800);
	SIM_EXPECT_EQ_U64(PAMU_OMT_ENTRIES, 16);
	SIM_EXPECT_EQ_U64(PAMU_PAACE_SIZE, 64);
	SIM_EXPECT_EQ_U64(PAMU_OME_SIZE, 128);
	SIM_EXPECT_EQ_U64(PAMU_PPAACT_ENTRIES * PAMU_PAACE_SIZE, 0x14000);	/* PPLA = base + 0x14000 */
	SIM_EXPECT_EQ_U64(PAMU_SPAACT_ENTRIES * PAMU_PAACE_SIZE, 0x20000);	/* SPLA = base + 0x20000 */
	SIM_EXPECT_EQ_U64(PAMU_OMT_ENTRIES * PAMU_OME_SIZE, 0x800);		/* OLA = base + 0x800 */
	SIM_EXPECT_EQ_U64(PAMU_BLOCK_SIZE, 0x1000);
	/* hw-facts.md 4: WSE 0x0B = 4 KiB, 0x23 = 64 GiB. */
	SIM_EXPECT_EQ_U64(1ull << (PAACE_WSE_MIN + 1), 4096);
	SIM_EXPECT_EQ_U64(1ull << (PAACE_WSE_MAX + 1), 64ull << 30);
	/* hw-facts.md 6: inbound codes the driver names. */
	SIM_EXPECT_EQ_U64(PAMU_OP_WRITE, 0x81);
	SIM_EXPECT_EQ_U64(PAMU_OP_DIRECTIVE1, 0x87);
	SIM_EXPECT_EQ_U64(PAMU_OP_RAC, 0x8c);
	SIM_EXPECT_EQ_U64(PAMU_OP_RAI, 0x8f);
}
