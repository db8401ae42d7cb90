/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * mpic.h - public API of the MPIC model: the Freescale MPIC core (sources, per-CPU delivery, IACK/EOI),
 * its MSI banks (MSIR, MSISR, MSIIR, MSIIR1) and the MSIIR alias pages, in one 0x40000-byte window.
 *
 * Behaviour and every implementation choice: docs/mpic.md. Hardware facts: ../shared/spec/hw-facts.md
 * sections 1 (CCSR map), 8.3 (PIC1 erratum), 9 (PAMU interrupt wiring) and 12 (MSI banks); core
 * register layout: the kernel's arch/powerpc/include/asm/mpic.h and the public OpenPIC model (see
 * docs/mpic.md for each source).
 *
 * Offsets are relative to the MPIC window (the SoC maps it at CCSR + MPIC_CCSR_OFFSET). The model
 * never aborts on a guest action: misuse is a SIM_EV_REGISTER_MISUSE event and the access has a
 * defined result (reads 0, writes dropped).
 */
#ifndef MPIC_H
#define MPIC_H

#include <stdbool.h>
#include <stdint.h>

#include "sim_event.h"
#include "sim_mem.h"

#ifdef __cplusplus
extern "C" {
#endif

struct mpic;

#define MPIC_WINDOW_SIZE 0x40000u	/* bytes the model decodes */
#define MPIC_CCSR_OFFSET 0x40000u	/* where every QorIQ SoC puts the MPIC in CCSR (hw-facts 1) */
#define MPIC_MAX_CPUS 32u		/* per-CPU blocks 0x20000 + 0x1000 * cpu fill the window */
#define MPIC_MAX_SOURCES 2048u		/* 0x10000 + 0x20 * n below the per-CPU blocks; FRR has 11 bits */
#define MPIC_MAX_MSI_BANKS 8u
#define MPIC_MAX_MSIRS 16u		/* MSIIR1 indexes 16 MSIRs */
#define MPIC_NO_ALIAS 0xffffffffu	/* a bank without an MSIIR alias page */
#define MPIC_ISR_DEPTH 32u		/* nested in-service interrupts per CPU */

/* Sources fixed by the QorIQ SoCs (hw-facts 9; the kernel's MPIC_FSL_ERR_INT). */
#define MPIC_SRC_ERROR 16u		/* error-interrupt summary: EISR0 & ~EIMR0 != 0 */
#define MPIC_SRC_PAMU 24u		/* PAMU access-violation line, level active-high */
#define MPIC_ERR_SUB_PAMU 30u		/* PAMU error sub-source on P and T parts */
#define MPIC_ERR_SUB_PAMU_B4 1u		/* PAMU error sub-source on B4420/B4860 */
#define MPIC_VERSION_PIC1 0x0200u	/* MPIC 2.0: erratum PIC1 (hw-facts 8.3), docs/mpic.md 5 */

/* The two MSI bank generations and their index registers (hw-facts 12.2). */
enum mpic_msi_kind {
	MPIC_MSI_V1,			/* fsl,mpic-msi: MSIIR, 8 MSIRs, D = SRS << 5 | IBS */
	MPIC_MSI_V43,			/* fsl,mpic-msi-v4.3: MSIIR1, 16 MSIRs, D = IBS << 4 | SRS */
};

struct mpic_msi_bank_cfg {
	uint32_t base;			/* window offset of the bank (0x1600 + 0x200 * k on QorIQ) */
	uint32_t alias;			/* window offset of the MSIIR/MSIIR1 alias register, or MPIC_NO_ALIAS */
	unsigned int msir_count;	/* 1..8 for v1, 1..16 for v4.3 */
	enum mpic_msi_kind kind;
	uint16_t cascade[MPIC_MAX_MSIRS];	/* MPIC source each MSIR raises */
};

struct mpic_msi_event;

struct mpic_cfg {
	const char *name;		/* instance name in events: "mpic" */
	uint16_t version;		/* BRR1[15:0], major << 8 | minor: 0x0402 = v4.2 */
	unsigned int cpu_count;		/* 1..MPIC_MAX_CPUS */
	unsigned int num_sources;	/* 17..MPIC_MAX_SOURCES (FRR reports num_sources - 1) */
	unsigned int bank_count;	/* 0..MPIC_MAX_MSI_BANKS */
	struct mpic_msi_bank_cfg banks[MPIC_MAX_MSI_BANKS];
	struct sim_event_sink sink;
	/* Called when a CPU's interrupt output changes level. Optional. */
	void (*irq_changed)(void *ctx, unsigned int cpu, bool level);
	void *irq_ctx;
	/* Called for every MSIIR/MSIIR1 write that selects an MSIR bit (the oracle's view). Optional. */
	void (*msi_landed)(void *ctx, const struct mpic_msi_event *ev);
	void *msi_ctx;
};

/* One MSI as the bank saw it. */
struct mpic_msi_event {
	unsigned int bank;		/* bank whose index register was written */
	unsigned int msir;		/* MSIR selected (SRS) */
	unsigned int bit;		/* bit selected (IBS) */
	uint32_t offset;		/* window offset written */
	bool alias;			/* through the bank's alias register */
	bool msiir1;			/* decoded with the MSIIR1 layout */
	uint32_t reg_value;		/* the register value the write amounts to (after byte lanes) */
	bool coalesced;			/* the bit was already set: this MSI merged with an earlier one */
	enum sim_initiator_kind initiator;
	uint16_t liodn;			/* initiator's LIODN (SIM_INITIATOR_DEVICE) */
};

enum mpic_status {
	MPIC_STATUS_OK = 0,
	MPIC_STATUS_BAD_CFG,		/* counts out of range, overlapping registers, cascade >= sources */
	MPIC_STATUS_BAD_ARG,		/* a source or CPU that does not exist, or one the model drives */
	MPIC_STATUS_NO_MEMORY,
};

struct mpic_stats {
	uint64_t msi_writes;		/* index-register writes that selected an MSIR bit */
	uint64_t msi_coalesced;		/* of which found the bit already set */
	uint64_t iacks;			/* acknowledges that returned a source's vector */
	uint64_t spurious;		/* acknowledges that returned the spurious vector */
	uint64_t eois;
	uint64_t misuse;		/* register-misuse events */
};

enum mpic_status mpic_create(const struct mpic_cfg *cfg, struct mpic **out);
void mpic_destroy(struct mpic *m);
/* What GCR[RST] does: every register, MSIR, pending and in-service state to reset; outputs
 * re-evaluated. Input line levels (device wiring) are kept. */
void mpic_reset(struct mpic *m);

/* CPU register access (a core's load/store: values, no byte swapping). */
uint32_t mpic_reg_read(struct mpic *m, uint32_t offset, unsigned int size);
void mpic_reg_write(struct mpic *m, uint32_t offset, unsigned int size, uint32_t value);

/* Bus access with transaction attributes, signature of struct soc_mmio_ops (opaque = struct mpic *).
 * attrs NULL or initiator CPU/MODEL: value is the register value. Initiator DEVICE: value is the
 * host-order image of the bytes on the bus (what soc_bus_write hands over); docs/mpic.md 4. */
uint64_t mpic_mmio_read(void *opaque, uint64_t offset, unsigned int size, const struct sim_txn_attrs *attrs);
void mpic_mmio_write(void *opaque, uint64_t offset, unsigned int size, uint64_t value,
		     const struct sim_txn_attrs *attrs);
/* The same two functions as a struct soc_mmio_ops (model/soc/soc_bus.h) for soc_bus_add_mmio. */
struct soc_mmio_ops;
extern const struct soc_mmio_ops mpic_mmio_ops;

/* Device interrupt inputs. Sources driven by the model itself (MSI cascades, MPIC_SRC_ERROR) are
 * refused with MPIC_STATUS_BAD_ARG. */
enum mpic_status mpic_set_irq(struct mpic *m, unsigned int src, bool level);
/* Error sub-source inputs 0..31 (EISR0 bit 31 - sub). */
enum mpic_status mpic_set_err_irq(struct mpic *m, unsigned int sub, bool level);

/* Interrupt output of a CPU (level; irq_changed reports changes). */
bool mpic_irq_output(const struct mpic *m, unsigned int cpu);
/* Acknowledge / end of interrupt as a read of IACK / a write to EOI in the CPU's block. */
uint32_t mpic_cpu_iack(struct mpic *m, unsigned int cpu);
void mpic_cpu_eoi(struct mpic *m, unsigned int cpu);

/* Inspection without side effects (tests, oracle). */
uint32_t mpic_msir_peek(const struct mpic *m, unsigned int bank, unsigned int msir);
bool mpic_src_pending(const struct mpic *m, unsigned int src);
unsigned int mpic_in_service_depth(const struct mpic *m, unsigned int cpu);
void mpic_get_stats(const struct mpic *m, struct mpic_stats *st);
const struct mpic_cfg *mpic_get_cfg(const struct mpic *m);

/* 4 KiB pages of the window and the MSI index registers they reach (docs/mpic.md 6). */
struct mpic_page_reach {
	uint32_t msiir_banks;		/* bit k: bank k's MSIIR or MSIIR1 (bank or alias copy) is in the page */
	bool other_regs;		/* the page also holds registers that are not MSI index registers */
};
void mpic_page_reach(const struct mpic *m, uint32_t offset, struct mpic_page_reach *r);
/* Shorthand: msiir_banks of the page holding offset (0 outside the window). */
uint32_t mpic_msi_page_banks(const struct mpic *m, uint32_t offset);
/* Where the kernel driver points bank k's MSIs (msiir_offset): its alias, else bank + 0x140.
 * MPIC_NO_ALIAS for a bank that does not exist. */
uint32_t mpic_msi_target(const struct mpic *m, unsigned int bank);

/* Built-in layouts until the SoC presets fill the cfg from device trees: "qoriq-mpic",
 * "qoriq-mpic4.3", "p4080". Fills every layout field of cfg and clears the callbacks and sink.
 * False for an unknown name (cfg untouched). */
bool mpic_builtin_layout(const char *name, struct mpic_cfg *cfg);
/* Names of the built-in layouts, i = 0, 1, ... until NULL. */
const char *mpic_builtin_layout_name(unsigned int i);

const char *mpic_status_name(enum mpic_status st);

#ifdef __cplusplus
}
#endif

#endif /* MPIC_H */
