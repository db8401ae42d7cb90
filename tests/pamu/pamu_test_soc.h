// SPDX-License-Identifier: BSD-2-Clause
// pamu_test_soc.h - a SoC-like rig for the PAMU unit tests: DRAM and PAMU register blocks on a soc_bus,
// the driver's table block and enable sequence, and PAACE/SPAACE/OMT writers that store entries the
// way the driver's struct does on the host.
//
// Sources of facts: ../shared/spec/hw-facts.md 1 (CCSR at 0xf_fe00_0000, PAMU n at +0x20000 + 0x1000 n),
// 2 and 2.1 (register offsets, the enable sequence: one 512 KiB block with PPAACT at +0, SPAACT at
// +0x20000, OMT at +0x40000; PICS = 0x4, PC = 0x40001011), 5.1/5.2 (PAACE layout, host-order byte
// members), 6 (OMT entries the driver programs). Field positions here are written from hw-facts.md,
// independently of the model's own declarations, so the tests check the model rather than echo it.
#ifndef PAMU_TEST_SOC_H
#define PAMU_TEST_SOC_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "pamu.h"
#include "soc_bus.h"

namespace pamu_test {

// Register offsets (hw-facts.md 2).
enum : uint32_t {
	PPBAH = 0x000, PPBAL = 0x004, PPLAH = 0x008, PPLAL = 0x00c,
	SPBAH = 0x010, SPBAL = 0x014, SPLAH = 0x018, SPLAL = 0x01c,
	OBAH = 0x020, OBAL = 0x024, OLAH = 0x028, OLAL = 0x02c,
	POES1 = 0x040, POES2 = 0x044, POEAH = 0x048, POEAL = 0x04c,
	AVS1 = 0x050, AVS2 = 0x054, AVAH = 0x058, AVAL = 0x05c,
	EECTL = 0x060, EEDIS = 0x064, EEINTEN = 0x068, EEDET = 0x06c, EEATTR = 0x070, EEAHI = 0x074,
	EEALO = 0x078, EEDHI = 0x07c, EEDLO = 0x080, EECC = 0x084, UDAD = 0x090,
	PR1 = 0xbf8, PR2 = 0xbfc, PC1 = 0xc00, PC2 = 0xc04, PC3 = 0xc08, PC4 = 0xc0c,
	PC = 0xc10, PFA1 = 0xc14, PFA2 = 0xc18, PICS = 0xc1c,
	PD1 = 0xf00, PD2 = 0xf04, PD3 = 0xf08, PD4 = 0xf0c,
};

// Values the driver writes (hw-facts.md 2, 2.1, 9).
constexpr uint32_t PC_DRIVER_ENABLE = 0x40001011u;
constexpr uint32_t PICS_DRIVER_BOOT = 0x4u;
constexpr uint32_t PICS_AVS = 0x8u, PICS_AVIE = 0x4u;
constexpr uint32_t PC_PGC = 0x80000000u, PC_PE = 0x40000000u;

// SoC addresses (hw-facts.md 1, 2.1).
constexpr uint64_t CCSR_BASE = 0xffe000000ull;
constexpr uint64_t PAMU_CCSR_OFF = 0x20000;
constexpr uint64_t DRAM_BASE = 0;
constexpr uint64_t DRAM_SIZE = 1ull << 30;
constexpr uint64_t TABLE_BLOCK = 0x08000000;	// 512 KiB aligned
constexpr uint64_t PPAACT_OFF = 0, SPAACT_OFF = 0x20000, OMT_OFF = 0x40000;
constexpr uint32_t PPAACT_ENTRIES = 0x500, SPAACT_ENTRIES = 0x800, OMT_ENTRIES = 16;
constexpr uint64_t UNMAPPED = 0x800000000ull;	// 32 GiB: nothing decodes here

// A PAACE as the driver's struct keeps it on the host (hw-facts.md 5.2): native u32 words, word 2 and
// word 7 as byte (or halfword) members at their byte offsets.
struct drv_paace {
	uint32_t wbah;		// word 0
	uint32_t addr_bitfields;	// word 1
	uint8_t did, pid, snpid, flags;	// word 2 (to-host view); flags bit 7 = CR
	uint32_t impl_attr;	// word 3
	uint32_t twbah;		// word 4
	uint32_t win_bitfields;	// word 5
	uint32_t fspi;		// word 6
	union {			// word 7
		struct {
			uint8_t ioea, moea, ioeb, moeb;
		} imm;
		struct {
			uint16_t reserved;
			uint16_t omi;
		} idx;
	} op_encode;
	uint32_t reserved[8];
};
static_assert(sizeof(drv_paace) == 64, "PAACE is 64 bytes");
static_assert(offsetof(drv_paace, flags) == 0x0b, "CR byte at 0x0b");
static_assert(offsetof(drv_paace, op_encode) == 0x1c, "word 7 at 0x1c");

// Field helpers on the driver's words, positions from hw-facts.md 5.1 (LSB-0).
inline uint32_t deposit(uint32_t w, unsigned int shift, unsigned int len, uint32_t v)
{
	uint32_t m = (len == 32 ? 0xffffffffu : ((1u << len) - 1)) << shift;

	return (w & ~m) | ((v << shift) & m);
}

inline void set_v(drv_paace &e, bool v) { e.addr_bitfields = deposit(e.addr_bitfields, 0, 1, v); }
inline void set_pt(drv_paace &e, bool v) { e.addr_bitfields = deposit(e.addr_bitfields, 1, 1, v); }
inline void set_dd(drv_paace &e, bool v) { e.addr_bitfields = deposit(e.addr_bitfields, 2, 1, v); }
inline void set_ap(drv_paace &e, uint32_t ap) { e.addr_bitfields = deposit(e.addr_bitfields, 3, 2, ap); }
inline void set_mw(drv_paace &e, bool v) { e.addr_bitfields = deposit(e.addr_bitfields, 5, 1, v); }
inline void set_wse(drv_paace &e, uint32_t wse) { e.addr_bitfields = deposit(e.addr_bitfields, 6, 6, wse); }
inline void set_owner(drv_paace &e, uint32_t liodn) { e.addr_bitfields = deposit(e.addr_bitfields, 16, 16, liodn); }
inline void set_wba(drv_paace &e, uint64_t base)
{
	e.wbah = (uint32_t)(base >> 32);
	e.addr_bitfields = deposit(e.addr_bitfields, 12, 20, (uint32_t)(base >> 12));
}
inline void set_cid(drv_paace &e, uint32_t cid) { e.impl_attr = deposit(e.impl_attr, 16, 8, cid); }
inline void set_wce(drv_paace &e, uint32_t wce) { e.impl_attr = deposit(e.impl_attr, 4, 4, wce); }
inline void set_atm(drv_paace &e, uint32_t atm) { e.impl_attr = deposit(e.impl_attr, 2, 2, atm); }
inline void set_otm(drv_paace &e, uint32_t otm) { e.impl_attr = deposit(e.impl_attr, 0, 2, otm); }
inline void set_twba(drv_paace &e, uint64_t t)
{
	e.twbah = (uint32_t)(t >> 32);
	e.win_bitfields = deposit(e.win_bitfields, 12, 20, (uint32_t)(t >> 12));
}
inline void set_swse(drv_paace &e, uint32_t swse) { e.win_bitfields = deposit(e.win_bitfields, 6, 6, swse); }
inline void set_cr(drv_paace &e, bool v) { e.flags = (uint8_t)((e.flags & 0x7f) | (v ? 0x80 : 0)); }

// WSE for a power-of-two size (hw-facts.md 4: log2(size) - 1).
inline uint32_t wse_of(uint64_t size)
{
	unsigned int l = 0;

	while ((1ull << l) < size)
		l++;
	return l - 1;
}

// The boot configuration of a plain device (hw-facts.md 7.1): 64 GiB identity window, AP 3, CR, V.
inline drv_paace boot_paace()
{
	drv_paace e{};

	set_wse(e, 35);
	set_ap(e, 3);
	set_cr(e, true);
	set_v(e, true);
	return e;
}

struct event_rec {
	sim_event_kind kind;
	std::string block, reg, msg;
	uint64_t addr;
	unsigned int size;
};

struct irq_rec {
	unsigned int pamu;
	pamu_irq_line line;
	bool level;
};

struct rig_opts {
	unsigned int pamus = 1;
	const char *soc = "t4240";
	const pamu_caps *caps = nullptr;	// overrides soc
	bool dmi = true;
	bool erratum = false;
	bool trace = false;
};

// The rig. Each PAMU instance sees memory through the bus (optionally without DMI), its registers are
// mapped at CCSR + 0x20000 + 0x1000 n, and every event and interrupt change is recorded.
class rig {
public:
	explicit rig(const rig_opts &o = rig_opts());
	~rig();
	rig(const rig &) = delete;
	rig &operator=(const rig &) = delete;

	soc_bus *bus = nullptr;
	std::vector<pamu *> pamus;
	std::vector<event_rec> events;
	std::vector<irq_rec> irqs;
	std::vector<pamu_walk_step> steps;

	pamu *p(unsigned int n = 0) const { return pamus[n]; }

	// Register access through the bus (the CPU's MMIO path), 4 bytes unless told.
	uint64_t reg_addr(unsigned int n, uint32_t off) const
	{
		return CCSR_BASE + PAMU_CCSR_OFF + 0x1000ull * n + off;
	}
	uint32_t rd(uint32_t off, unsigned int n = 0, unsigned int size = 4);
	void wr(uint32_t off, uint32_t v, unsigned int n = 0, unsigned int size = 4);
	void wr64(uint32_t off_hi, uint64_t v, unsigned int n = 0)
	{
		wr(off_hi, (uint32_t)(v >> 32), n);
		wr(off_hi + 4, (uint32_t)v, n);
	}

	// The driver's enable sequence for PAMU n (hw-facts.md 2.1 step 4) with the tables at base.
	void program_tables(unsigned int n, uint64_t base = TABLE_BLOCK);
	void enable(unsigned int n = 0, uint64_t base = TABLE_BLOCK);
	// Every PAMU: tables, PICS, PC, then bypass off (PAMUBYPENR written once, after the OMT fill).
	void enable_all(uint64_t base = TABLE_BLOCK);
	// The OMT entries the driver programs (hw-facts.md 6).
	void fill_driver_omt(uint64_t base = TABLE_BLOCK);

	// Host pointers into simulated DRAM (the way the kernel stubs will write tables).
	drv_paace *paace(uint32_t liodn, uint64_t base = TABLE_BLOCK);
	drv_paace *spaace(uint32_t idx, uint64_t base = TABLE_BLOCK);
	uint8_t *ome(uint32_t omi, uint64_t base = TABLE_BLOCK);
	void *dram(uint64_t addr, size_t len);

	pamu_result xlate(uint16_t liodn, uint64_t addr, uint32_t size = 4, uint8_t op = PAMU_OP_READ,
			  unsigned int n = 0);

	size_t count_events(sim_event_kind k) const;
	void clear_records()
	{
		events.clear();
		irqs.clear();
		steps.clear();
	}

private:
	struct pamu_ctx {
		rig *r;
		unsigned int n;
	};
	std::vector<pamu_ctx *> ctxs_;
	static bool mem_read_nodmi(void *ctx, uint64_t addr, void *buf, size_t len, const sim_txn_attrs *a);
	static void emit(void *ctx, const sim_event *ev);
	static void irq_cb(void *ctx, pamu_irq_line line, bool level);
	static void trace_cb(void *ctx, const pamu_walk_step *st);
	static uint64_t mmio_read(void *opaque, uint64_t off, unsigned int size, const sim_txn_attrs *a);
	static void mmio_write(void *opaque, uint64_t off, unsigned int size, uint64_t v, const sim_txn_attrs *a);
};

// A readable dump of a result, for failure messages.
std::string describe(const pamu_result &r);
// Field-by-field equality of two results (no padding compared).
bool same_result(const pamu_result &a, const pamu_result &b);

} // namespace pamu_test

#endif // PAMU_TEST_SOC_H
