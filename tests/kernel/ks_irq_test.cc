// SPDX-License-Identifier: BSD-2-Clause
// ks_irq_test.cc - interrupts end to end through the real drivers of each kernel variant:
// MsiDriver.Linux<ver>_<SOC>: the real fsl_msi.c probes every MSI bank, gives a PCIe endpoint MSI/MSI-X
// vectors and composes their messages; each message sent as the endpoint's DMA write (through the
// controller's CCSR inbound window and the PAMU) reaches exactly that vector's handler through MPIC
// CPU 0 -> IACK -> the driver's cascade (MSIR read) -> the endpoint's handler -> EOI.
// PamuAv.Linux<ver>_<SOC>: a DMA the PAMU refuses raises the access-violation interrupt (MPIC source
// 24) and the real pamu_av_isr runs: it disables a valid LIODN, or (erratum A-003638 revisions) turns
// the violation interrupt off for an already-invalid one.
// Sources: ../shared/spec/kernel-surface.md 7.1, 7.3, 11; hw-facts.md 12 (MSIIR/MSIIR1 layouts, targets);
// fsl_pamu.h register offsets (PICS 0xc1c: 0x8 violation status, 0x4 violation interrupt enable).
#include <cstring>
#include <set>

#include "ks_scenario.h"

using namespace ks_test;

namespace {

constexpr uint32_t PICS = 0xc1c, PICS_AVS = 0x8, PICS_AVIE = 0x4;

// The MSIR bit a vector's message selects (its bank from the target address).
unsigned int ibs_of(const mpic_cfg *mc, const ks_msi_vec &v)
{
	bool v43 = mc->banks[0].kind == MPIC_MSI_V43;

	return v43 ? v.data >> 4 : v.data & 31;
}

class msi_test : public ::testing::Test {
public:
	msi_test(variant v, std::string soc) : v_(std::move(v)), soc_(std::move(soc)) {}
	void TestBody() override;

private:
	variant v_;
	std::string soc_;
};

void msi_test::TestBody()
{
	scenario sc;

	sc.start(v_, soc_);
	if (HasFatalFailure())
		return;
	const ks_api *api = sc.api;
	mpic *m = soc_get_mpic(sc.s);
	const mpic_cfg *mc = mpic_get_cfg(m);
	uint64_t mpic_base = soc_mpic_base(sc.s);

	// every bank of the tree is bound to the MSI driver
	unsigned int bound = 0;
	for (unsigned int i = 0; i < api->dev_count(); i++) {
		ks_dev_info di{};

		api->dev_info(i, &di);
		if (di.driver && !strcmp(di.driver, "fsl-msi"))
			bound++;
	}
	ASSERT_GT(mc->bank_count, 0u);
	EXPECT_EQ(bound, mc->bank_count);
	ASSERT_GT(api->pci_count(), 0u);
	const soc_device *ctl = soc_find_device(sc.s, api->pci_path(0));
	ASSERT_NE(ctl, nullptr) << api->pci_path(0);

	unsigned int cap = 0;
	for (unsigned int k = 0; k < mc->bank_count; k++)
		cap += mc->banks[k].msir_count * 32;

	// the endpoint writes the message: PCI address -> CCSR inbound window -> PAMU (controller LIODN)
	auto deliver = [&](const ks_msi_vec &vec) {
		uint64_t phys = 0;
		uint8_t le[4] = {(uint8_t)vec.data, (uint8_t)(vec.data >> 8), (uint8_t)(vec.data >> 16),
				 (uint8_t)(vec.data >> 24)};
		pamu_result res{};

		ASSERT_EQ(api->pci_inbound(vec.address, &phys), 0) << std::hex << vec.address;
		ASSERT_EQ(soc_dma(sc.s, ctl->pamu, (uint16_t)ctl->liodn[0], phys, le, 4, PAMU_OP_WRITE, &res),
			  SOC_BUS_OK);
		ASSERT_EQ(res.kind, PAMU_XLATE_OK) << pamu_fault_name(res.fault);
		ASSERT_TRUE(sc.irq_level) << "MSI data " << vec.data << " raised no interrupt";
		EXPECT_GE(sc.service(), 1u);	// the cascade; it runs the endpoint's handler
		ASSERT_FALSE(sc.irq_level);
	};

	// plain MSI takes one vector on powerpc
	int err = 0;
	EXPECT_EQ(api->msi_setup(0, 2, false, nullptr, &err), KS_ERROR);
	EXPECT_EQ(err, 1);
	ks_msi_vec one{};
	ASSERT_EQ(api->msi_setup(0, 1, false, &one, &err), KS_OK) << err;
	deliver(one);
	EXPECT_EQ(api->msi_hits(0, 0), 1u);
	EXPECT_EQ(api->msi_teardown(0), KS_OK);

	// MSI-X over every MSI of every bank
	std::vector<ks_msi_vec> vecs(cap);
	ASSERT_EQ(api->msi_setup(0, cap, true, vecs.data(), &err), KS_OK) << err;
	if (api->pci_count() > 1) {
		// the banks are exhausted: another endpoint gets the driver's own error
		EXPECT_EQ(api->msi_setup(1, 1, true, nullptr, &err), KS_ERROR);
		EXPECT_EQ(err, -ENOMEM);
		// and the full set again after a teardown: every hwirq was given back
		ASSERT_EQ(api->msi_teardown(0), KS_OK);
		ASSERT_EQ(api->msi_setup(0, cap, true, vecs.data(), &err), KS_OK) << err;
	}
	std::vector<unsigned int> per_bank(mc->bank_count);
	std::set<std::pair<unsigned int, uint32_t>> seen;
	for (unsigned int v = 0; v < cap; v++) {
		uint64_t phys = 0;
		unsigned int k;

		ASSERT_EQ(api->pci_inbound(vecs[v].address, &phys), 0);
		for (k = 0; k < mc->bank_count; k++)
			if (phys == mpic_base + mpic_msi_target(m, k))
				break;
		ASSERT_LT(k, mc->bank_count) << "vector " << v << " targets " << std::hex << phys;
		const mpic_msi_bank_cfg &b = mc->banks[k];
		uint32_t d = vecs[v].data;
		unsigned int srs = b.kind == MPIC_MSI_V43 ? (d & 0xf) : (d >> 5);
		EXPECT_LT(srs, b.msir_count) << "vector " << v;
		EXPECT_LT(d, b.kind == MPIC_MSI_V43 ? 512u : 256u);
		EXPECT_EQ(d, vecs[v].hwirq) << "message data is the hwirq";
		EXPECT_TRUE(seen.insert({k, d}).second) << "two vectors share bank " << k << " data " << d;
		per_bank[k]++;
	}
	for (unsigned int k = 0; k < mc->bank_count; k++)
		EXPECT_EQ(per_bank[k], mc->banks[k].msir_count * 32) << "bank " << k;

	// Every vector but those on MSIR bit 31: the cascade shifts a u32 by 32 for them (a known finding,
	// kernel-stubs/known-findings.yaml; MsiDriver.Bit31_* reproduces it).
	unsigned int skipped = 0;
	for (unsigned int v = 0; v < cap; v++) {
		if (ibs_of(mc, vecs[v]) == 31) {
			skipped++;
			continue;
		}
		deliver(vecs[v]);
		if (HasFatalFailure())
			return;
		ASSERT_EQ(api->msi_hits(0, v), 1u) << "vector " << v;
	}
	EXPECT_EQ(skipped, cap / 32);
	for (unsigned int v = 0; v < cap; v++)
		EXPECT_EQ(api->msi_hits(0, v), ibs_of(mc, vecs[v]) == 31 ? 0u : 1u) << "vector " << v;
	for (unsigned int k = 0; k < mc->bank_count; k++)
		for (unsigned int n = 0; n < mc->banks[k].msir_count; n++)
			EXPECT_EQ(mpic_msir_peek(m, k, n), 0u) << "bank " << k << " MSIR " << n;
	EXPECT_EQ(mpic_in_service_depth(m, 0), 0u);
	EXPECT_EQ(api->msi_teardown(0), KS_OK);
	printf("%s on %s: %u banks, %u MSI-X vectors, %u delivered, %u edges\n", api->name, soc_.c_str(),
	       mc->bank_count, cap, cap - skipped, (unsigned int)sc.irq_edges);
	EXPECT_EQ(sc.shutdown(), 0u);
}

// Known finding: fsl_msi_cascade computes msir_value >> (intr_index + 1), a shift of a u32 by 32 when
// MSIR bit 31 is set. PowerPC's srw gives 0 there; on this host the result is the compiler's: the loop
// either ends or dispatches the same MSI until the stubs' guard ends the scenario. Both outcomes are
// accepted here, the handler must have run; under UBSan the shift itself stops the process, so the
// test is skipped in sanitizer builds (the finding stays listed).
class bit31_test : public ::testing::Test {
public:
	bit31_test(variant v, std::string soc) : v_(std::move(v)), soc_(std::move(soc)) {}
	void TestBody() override;

private:
	variant v_;
	std::string soc_;
};

void bit31_test::TestBody()
{
#if defined(__SANITIZE_ADDRESS__)
	GTEST_SKIP() << "UBSan stops at the driver's shift by 32 (known finding, fsl_msi_cascade)";
#else
	scenario sc;

	sc.start(v_, soc_);
	if (HasFatalFailure())
		return;
	const ks_api *api = sc.api;
	const mpic_cfg *mc = mpic_get_cfg(soc_get_mpic(sc.s));
	const soc_device *ctl = soc_find_device(sc.s, api->pci_path(0));
	ASSERT_NE(ctl, nullptr);
	unsigned int cap = mc->banks[0].msir_count * 32;
	std::vector<ks_msi_vec> vecs(cap);
	int err = 0;

	ASSERT_EQ(api->msi_setup(0, cap, true, vecs.data(), &err), KS_OK) << err;
	unsigned int v = 0;
	while (v < cap && ibs_of(mc, vecs[v]) != 31)
		v++;
	ASSERT_LT(v, cap);
	uint64_t phys = 0;
	uint8_t le[4] = {(uint8_t)vecs[v].data, (uint8_t)(vecs[v].data >> 8), 0, 0};
	pamu_result res{};
	ASSERT_EQ(api->pci_inbound(vecs[v].address, &phys), 0);
	soc_dma(sc.s, ctl->pamu, (uint16_t)ctl->liodn[0], phys, le, 4, PAMU_OP_WRITE, &res);
	ASSERT_TRUE(sc.irq_level);
	unsigned int n = 0;
	enum ks_status st = api->handle_irq(&n);
	EXPECT_GE(api->msi_hits(0, v), 1u);
	sc.expect_dead = st == KS_DEAD;
	bool looped = false;
	unsigned int bad = sc.shutdown([&](const ks_finding *f) {
		if (f->kind == KS_FINDING_BUG && !strcmp(f->func, "fsl_msi_cascade") &&
		    strstr(f->file, "fsl_msi.c")) {
			looped = true;
			return true;
		}
		return false;
	});
	EXPECT_EQ(bad, 0u);
	EXPECT_EQ(st == KS_DEAD, looped);
	printf("%s: MSIR bit 31 vector %u: %s\n", api->name, v,
	       looped ? "the cascade loops (known finding raised)" : "the cascade ended (shift result 0 here)");
#endif
}

class av_test : public ::testing::Test {
public:
	av_test(variant v, std::string soc) : v_(std::move(v)), soc_(std::move(soc)) {}
	void TestBody() override;

private:
	variant v_;
	std::string soc_;
};

void av_test::TestBody()
{
	scenario sc;

	sc.start(v_, soc_);
	if (HasFatalFailure())
		return;
	bool erratum = soc_get_rev(sc.s)->erratum_a003638;
	const soc_device *dev = nullptr;
	for (unsigned int i = 0; i < soc_device_count(sc.s) && !dev; i++)
		if (!strncmp(soc_get_device(sc.s, i)->compatible, "fsl,qman-portal", 15))
			dev = soc_get_device(sc.s, i);
	ASSERT_NE(dev, nullptr) << "no QMan portal";
	pamu *p = soc_get_pamu(sc.s, dev->pamu);
	uint16_t liodn = (uint16_t)dev->liodn[0];
	uint32_t buf = 0;
	pamu_result res{};

	ASSERT_EQ(pamu_reg_read(p, PICS, 4) & PICS_AVIE, PICS_AVIE);
	ASSERT_FALSE(sc.irq_level);
	// valid PAACE, indexed operation translation (OMI_QMAN*): read-atomic-clear has no OMT entry
	soc_dma(sc.s, dev->pamu, liodn, 0x40000000ull, &buf, 4, PAMU_OP_RAC, &res);
	ASSERT_EQ(res.kind, PAMU_XLATE_FAULT);
	EXPECT_TRUE(res.fault == PAMU_FAULT_MOE_INVALID || res.fault == PAMU_FAULT_OP_UNDEFINED)
		<< pamu_fault_name(res.fault);
	ASSERT_TRUE(sc.irq_level) << "no access-violation interrupt";
	EXPECT_GE(sc.service(), 1u);
	EXPECT_FALSE(sc.irq_level);
	// the ISR disabled the LIODN (the model sees V = 0), cleared the status, kept the interrupt on
	EXPECT_EQ(pamu_reg_read(p, PICS, 4) & (PICS_AVS | PICS_AVIE), PICS_AVIE);
	soc_dma(sc.s, dev->pamu, liodn, 0x40000000ull, &buf, 4, PAMU_OP_READ, &res);
	EXPECT_EQ(res.kind, PAMU_XLATE_FAULT);
	EXPECT_EQ(res.fault, PAMU_FAULT_PAACE_INVALID) << pamu_fault_name(res.fault);
	if (erratum) {
		// A-003638: the violation on the disabled LIODN is reported; the ISR turns reporting off
		ASSERT_TRUE(sc.irq_level) << "erratum revision: violation on a disabled LIODN not reported";
		EXPECT_GE(sc.service(), 1u);
		EXPECT_FALSE(sc.irq_level);
		EXPECT_EQ(pamu_reg_read(p, PICS, 4) & PICS_AVIE, 0u) << "A-003638 branch not taken";
	} else {
		EXPECT_FALSE(sc.irq_level) << "violation on a disabled LIODN reported without the erratum";
		EXPECT_EQ(pamu_reg_read(p, PICS, 4) & PICS_AVIE, PICS_AVIE);
	}
	// every other PAMU is untouched
	for (unsigned int i = 0; i < soc_pamu_count(sc.s); i++) {
		if (i != dev->pamu) {
			EXPECT_EQ(pamu_reg_read(soc_get_pamu(sc.s, i), PICS, 4) & PICS_AVIE, PICS_AVIE) << "PAMU " << i;
		}
	}

	unsigned int emerg = 0;
	bool disabling = false;
	unsigned int bad = sc.shutdown([&](const ks_finding *f) {
		// the ISR reports with pr_emerg: expected here, not a driver bug
		if (f->kind == KS_FINDING_EMERG && !strcmp(f->func, "pamu_av_isr")) {
			emerg++;
			if (strstr(f->msg, "Disabling liodn"))
				disabling = true;
			return true;
		}
		return false;
	});
	EXPECT_EQ(bad, 0u);
	EXPECT_GT(emerg, 0u);
	EXPECT_TRUE(disabling) << "the ISR did not report disabling the LIODN";
}

int register_tests()
{
	for (const auto &v : variants()) {
		for (const auto &soc : split(KS_MSI_SOCS, ','))
			::testing::RegisterTest("MsiDriver", test_name(v.name, soc).c_str(), nullptr, nullptr, __FILE__, __LINE__,
						[=]() -> ::testing::Test * { return new msi_test(v, soc); });
		::testing::RegisterTest("MsiDriver", ("Bit31_" + test_name(v.name, "t4240")).c_str(), nullptr, nullptr,
					__FILE__, __LINE__, [=]() -> ::testing::Test * { return new bit31_test(v, "t4240"); });
		for (const auto &soc : split(KS_BOOT_SOCS, ','))
			::testing::RegisterTest("PamuAv", test_name(v.name, soc).c_str(), nullptr, nullptr, __FILE__,
						__LINE__, [=]() -> ::testing::Test * { return new av_test(v, soc); });
	}
	return 0;
}

const int registered = register_tests();

} // namespace
