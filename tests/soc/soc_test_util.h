// SPDX-License-Identifier: BSD-2-Clause
// soc_test_util.h - helpers of the SoC builder tests: where the kernel's board DTBs are, the 27 PAMU
// boards and what ../shared/spec/soc-table.md says about each SoC, a simple in-test preset whose
// firmware LIODN rows are made from the tree by the test itself (read with libfdt, independently of
// the builder), and a rig around struct soc (events, CPU interrupt output, bus accesses, PAMU and MPIC
// programming as the drivers do it).
//
// Sources of facts: soc-table.md 1-3 (per SoC: PAMU blocks, MSI banks and alias registers, PCIe
// controllers and versions, LAW counts, CCF presence, boards), hw-facts.md 1 (CCSR 0xf_fe00_0000), 2 and
// 2.1 (PAMU registers and enable sequence), 5.1/5.2 (PAACE word layout in host order), 9 (PAMU
// interrupt: source 24; error sub-source 30, 1 on B4), 11 (stash ids), 12 (MSIIR/MSIIR1 data words),
// 13 (GUTS SVR/PVR/PAMUBYPENR, PCIe BRR1); docs/mpic.md 2 (MPIC register offsets).
#ifndef SOC_TEST_UTIL_H
#define SOC_TEST_UTIL_H

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "soc.h"

namespace soc_test {

constexpr uint64_t CCSR = 0xffe000000ull;	// every kernel tree (hw-facts.md 1)
constexpr uint64_t DRAM_SIZE = 2ull << 30;
constexpr uint64_t TABLES = 0x08000000ull;	// 512 KiB aligned PAMU table block (hw-facts.md 2.1)

// What soc-table.md says about one SoC (the test's expectations, not the builder's).
struct family {
	const char *name;
	uint32_t svr, pvr;
	unsigned int pamus, banks, pcie;
	bool v43;			// fsl,mpic-msi-v4.3 banks
	uint16_t pcie_version;		// BRR1 from the compatible
	soc_l2_stash l2;
	unsigned int err_sub;		// PAMU error sub-source
	uint32_t num_laws;
	bool ccf;
};

struct board {
	const char *name;
	const family *fam;
};

const std::vector<board> &boards();
const board *find_board(const std::string &name);

// The directory of compiled kernel DTBs: $PAMUSIM_DTB_DIR (environment), else the build's dtbs/ (the
// CMake `dtbs` target, pamusim_config.h), else build-kern/dtbs/6.12 of the source tree. "" when none
// exists; why says what was tried.
std::string dtb_dir(std::string *why = nullptr);
// build-kern/dtbs/<version> ("5.10", "6.1", "6.12") of the source tree, "" if absent.
std::string dtb_dir_for(const std::string &version);
bool read_file(const std::string &path, std::vector<uint8_t> &out);
bool load_board(const std::string &name, std::vector<uint8_t> &out);

// One firmware row the test made, and where the fsl,liodn must land.
struct row_expect {
	unsigned int row;		// index in preset.liodns
	std::string path;		// node path ("" for register-only rows)
	unsigned int pamu;		// expected PAMU (from the fsl,iommu-parent unit address), or 0
};

struct made_preset {
	std::unique_ptr<soc_preset> p;
	std::vector<row_expect> expect;
	std::map<uint64_t, uint32_t> regs;	// CCSR offset of a GUTS / PCIe LIODN register -> value
	unsigned int skipped = 0;		// liodn-reg nodes the simple address rule could not place
	unsigned int disabled_unplaced = 0;	// rows for disabled nodes without reg: the builder skips them
};

// The in-test preset of a SoC family; rows made from the tree: every node with fsl,liodn-reg (by
// address, or by cell-index below fsl,srio), every PCIe controller, QMan, BMan, every QMan portal (two
// cells), one register-only row. LIODNs are handed out from 64 upwards.
made_preset make_preset(const std::vector<uint8_t> &dtb, const family &f);

struct event_rec {
	sim_event_kind kind;
	std::string block, msg;
	uint64_t addr;
};

class rig {
public:
	rig() = default;
	~rig();
	rig(const rig &) = delete;
	rig &operator=(const rig &) = delete;

	// Build a SoC. Returns the status; err holds the message.
	soc_status create(const soc_preset &p, const std::vector<uint8_t> &dtb, const char *name = "test.dtb",
			  unsigned int rev = 0);

	soc *s = nullptr;
	soc_error err{};
	std::vector<event_rec> events;
	std::vector<std::pair<unsigned int, bool>> cpu_irqs;
	bool cpu0 = false;

	uint32_t rd(uint64_t addr, soc_bus_status *st = nullptr);
	void wr(uint64_t addr, uint32_t v, soc_bus_status *st = nullptr);
	size_t count(sim_event_kind k) const;

	// The driver's PAMU enable sequence (hw-facts.md 2.1) for every PAMU, then PAMUBYPENR cleared
	// through the bus; the OMT stays empty.
	void enable_pamus(uint64_t tables = TABLES);
	// A primary PAACE as the driver stores it on the host (hw-facts.md 5.2): window [base, base + 2^(wse+1)),
	// no translation (ATM 0), AP, CR, V.
	void write_paace(uint16_t liodn, uint64_t base, unsigned int wse, unsigned int ap, bool valid,
			 uint64_t tables = TABLES);
	// MPIC: route source src to CPU 0 with vector and priority, unmasked, level or edge, active high;
	// CTPR of CPU 0 to 0 (docs/mpic.md 2.3, 2.4).
	void mpic_route(unsigned int src, uint16_t vector, unsigned int prio, bool level);

private:
	static void emit(void *ctx, const sim_event *ev);
	static void cpu_irq(void *ctx, unsigned int cpu, bool level);
};

// Tree helpers for the checks (libfdt on the blob given).
int node_by_compat(const void *fdt, const char *compat, int start = -1);
uint64_t reg_entry_ccsr(const void *fdt, int node, unsigned int i, uint64_t *size = nullptr);	// 1-cell soc child
std::vector<uint32_t> cells(const void *fdt, int node, const char *prop);
std::string path_of(const void *fdt, int node);

} // namespace soc_test

#endif // SOC_TEST_UTIL_H
