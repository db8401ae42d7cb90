// SPDX-License-Identifier: BSD-2-Clause
/*
 * model_gaps_test.c - model behaviour no other test reached (found by `make coverage`, docs/coverage.md):
 * the PCIe controller block's guest register path and configuration checks, and the name of every
 * status and kind value each block reports (what messages and reports print).
 *
 * Sources: model/soc/soc_pcie.h (BRR1 at 0xBF8 holds the version, LIODN base at 0x40 with bits 31:12
 * reserved, block size 0xC00 .. 0x40000, a multiple of 4), hw-facts.md 13; the enums of sim_event.h,
 * mpic.h, pamu.h and soc_bus.h.
 */
#include <string.h>

#include "mpic.h"
#include "pamu.h"
#include "sim_event.h"
#include "sim_test.h"
#include "soc_bus.h"
#include "soc_pcie.h"

/* Every value in [0, n) has its own non-empty name, none "unknown"; the value n is "unknown". */
static void names_distinct(const char *(*name)(int), int n)
{
	int i, k;

	for (i = 0; i < n; i++) {
		const char *a = name(i);

		SIM_ASSERT(a != NULL);
		SIM_EXPECT(a[0] != '\0');
		SIM_EXPECT(strcmp(a, "unknown") != 0);
		for (k = 0; k < i; k++)
			SIM_EXPECT(strcmp(a, name(k)) != 0);
	}
	SIM_EXPECT(strcmp(name(n), "unknown") == 0);
}

static const char *ev_name(int i) { return sim_event_kind_name((enum sim_event_kind)i); }
static const char *mpic_name(int i) { return mpic_status_name((enum mpic_status)i); }
static const char *bus_name(int i) { return soc_bus_status_name((enum soc_bus_status)i); }
static const char *kind_name(int i) { return pamu_xlate_kind_name((enum pamu_xlate_kind)i); }
static const char *unsup_name(int i) { return pamu_unsupported_field_name((enum pamu_unsupported_field)i); }

SIM_TEST(Sim, EveryEventKindHasAName)
{
	names_distinct(ev_name, SIM_EV_KIND_COUNT);
}

SIM_TEST(Mpic, EveryStatusHasAName)
{
	names_distinct(mpic_name, MPIC_STATUS_NO_MEMORY + 1);
}

SIM_TEST(Soc, EveryBusStatusHasAName)
{
	names_distinct(bus_name, SOC_BUS_NO_MEMORY + 1);
}

SIM_TEST(Pamu, EveryResultKindAndUnsupportedFieldHasAName)
{
	names_distinct(kind_name, PAMU_XLATE_BAD_REQUEST + 1);
	names_distinct(unsup_name, PAMU_UNSUP_SWSE + 1);
}

static unsigned int misuse;

static void count_misuse(void *ctx, const struct sim_event *ev)
{
	if (ev->kind == SIM_EV_REGISTER_MISUSE)
		misuse++;
}

SIM_TEST(Soc, PcieBlockConfigurationChecks)
{
	struct soc_pcie_cfg c = { .name = "pcie0", .version = 0x0300, .size = 0x1000 };
	struct soc_pcie *p = (struct soc_pcie *)1;

	c.size = SOC_PCIE_MIN_SIZE - 4;
	SIM_EXPECT(soc_pcie_create(&c, &p) == SOC_PCIE_BAD_CFG);
	SIM_EXPECT(p == NULL);
	c.size = SOC_PCIE_MAX_SIZE + 4;
	SIM_EXPECT(soc_pcie_create(&c, &p) == SOC_PCIE_BAD_CFG);
	c.size = 0x1002;
	SIM_EXPECT(soc_pcie_create(&c, &p) == SOC_PCIE_BAD_CFG);
	SIM_EXPECT(soc_pcie_create(NULL, &p) == SOC_PCIE_BAD_CFG);
	/* the compatible strings of the kernel trees give the version; anything else none */
	SIM_EXPECT_EQ_U64(soc_pcie_version_of_compat("fsl,p4080-pcie"), 0x0201);
	SIM_EXPECT_EQ_U64(soc_pcie_version_of_compat("fsl,qoriq-pcie-v2.4"), 0x0204);
	SIM_EXPECT_EQ_U64(soc_pcie_version_of_compat("fsl,qoriq-pcie-v3.0"), 0x0300);
	SIM_EXPECT_EQ_U64(soc_pcie_version_of_compat("fsl,qoriq-pcie-v3.0x"), 0);
	SIM_EXPECT_EQ_U64(soc_pcie_version_of_compat("fsl,qoriq-pcie-v0.1"), 0);
	SIM_EXPECT_EQ_U64(soc_pcie_version_of_compat("fsl,mpc8548-pcie"), 0);
	SIM_EXPECT_EQ_U64(soc_pcie_version_of_compat(NULL), 0);
}

SIM_TEST(Soc, PcieBlockGuestRegisters)
{
	struct soc_pcie_cfg c = { .name = "pcie0", .version = 0x0300, .size = 0x1000,
				  .sink = { .emit = count_misuse, .ctx = NULL } };
	struct soc_pcie *p = NULL;

	SIM_ASSERT(soc_pcie_create(&c, &p) == SOC_PCIE_OK && p);
	misuse = 0;
	/* through the bus's MMIO interface, as a CPU access arrives */
	SIM_EXPECT_EQ_U64(soc_pcie_mmio_ops.read(p, SOC_PCIE_BRR1, 4, NULL), 0x0300);
	SIM_EXPECT_EQ_U64(soc_pcie_version(p), 0x0300);
	soc_pcie_mmio_ops.write(p, SOC_PCIE_LIODN_BASE, 4, 0x123, NULL);
	SIM_EXPECT_EQ_U64(soc_pcie_liodn_base(p), 0x123);
	SIM_EXPECT_EQ_U64(soc_pcie_reg_read(p, SOC_PCIE_LIODN_BASE, 4), 0x123);
	SIM_EXPECT_EQ_U64(misuse, 0);
	/* BRR1 is read-only: a write is misuse and changes nothing */
	soc_pcie_mmio_ops.write(p, SOC_PCIE_BRR1, 4, 0xffff, NULL);
	SIM_EXPECT(misuse >= 1);
	SIM_EXPECT_EQ_U64(soc_pcie_reg_read(p, SOC_PCIE_BRR1, 4), 0x0300);
	/* firmware path: reserved bits refused, no event */
	misuse = 0;
	SIM_EXPECT(!soc_pcie_set_liodn_base(p, 0x1000));
	SIM_EXPECT(soc_pcie_set_liodn_base(p, 0x7ff));
	SIM_EXPECT_EQ_U64(soc_pcie_liodn_base(p), 0x7ff);
	SIM_EXPECT_EQ_U64(misuse, 0);
	soc_pcie_reset(p);
	SIM_EXPECT_EQ_U64(soc_pcie_liodn_base(p), 0);
	SIM_EXPECT_EQ_U64(soc_pcie_reg_read(p, SOC_PCIE_BRR1, 4), 0x0300);
	soc_pcie_destroy(p);
	soc_pcie_destroy(NULL);
}
