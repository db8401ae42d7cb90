/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * mpic_regs.h - the MPIC's registers, declared once (private to model/mpic).
 *
 * Sources: register offsets and field masks of the core from the kernel's
 * arch/powerpc/include/asm/mpic.h (MPIC_GREG_*, MPIC_CPU_*, MPIC_IRQ_*, MPIC_VECPRI_*, MPIC_FSL_BRR1)
 * and arch/powerpc/sysdev/fsl_mpic_err.c (EISR0/EIMR0 at +0x3900/+0x3910); reset values and the
 * Freescale layout of the public OpenPIC model (QEMU hw/intc/openpic.c: FRR fields, SVR reset 0xFFFF,
 * CTPR reset 15, IVPR reset MSK, IDR reset CPU 0, BRR1 IP id 0x0040, TBCR reset CI); MSI bank
 * registers from ../shared/spec/hw-facts.md 12. Facts only: no code or comment text was copied.
 * docs/mpic.md lists every register with its source and the choices made where the sources are silent.
 *
 * Each list row is X(name, offset, reset, ro, w1c, rsvd, cor), the columns of struct sim_reg_def.
 * Offsets of the per-CPU, per-source, timer and MSI lists are relative to their instance's base;
 * mpic.c expands every list once per instance into one register file over the 0x40000-byte window.
 * Reset values that depend on the configuration (BRR1, FRR, WHOAMI, IDR, reserved CPU bits) are
 * patched by mpic.c at creation and named "cfg" in docs/mpic.md.
 */
#ifndef MPIC_REGS_H
#define MPIC_REGS_H

#include "sim_reg.h"

/* ---- fields (LSB-0 bit numbers, as the kernel's masks are written) ---- */

/* BRR1: block revision. IP block id in 31:16, major.minor version in 15:0 (MPIC_FSL_BRR1_VER). */
SIM_FIELD(BRR1, IPID, 16, 16);
SIM_FIELD(BRR1, VER, 0, 16);
/* FRR: feature reporting (MPIC_GREG_FEATURE_*). */
SIM_FIELD(FRR, NIRQ, 16, 11);	/* last source number */
SIM_FIELD(FRR, NCPU, 8, 5);	/* last CPU number */
SIM_FIELD(FRR, VID, 0, 8);	/* OpenPIC spec revision, 2 = 1.2 */
/* GCR: global configuration (MPIC_GREG_GCONF_*). */
SIM_FIELD(GCR, RST, 31, 1);
SIM_FIELD(GCR, MODE, 29, 2);	/* 00 pass-through, 01 mixed, 11 external proxy (coreint) */
/* IVPR: vector/priority of a source (MPIC_VECPRI_*). */
SIM_FIELD(IVPR, MSK, 31, 1);
SIM_FIELD(IVPR, A, 30, 1);	/* activity: requested or in service; read-only */
SIM_FIELD(IVPR, P, 23, 1);	/* polarity: 1 active-high / rising edge */
SIM_FIELD(IVPR, S, 22, 1);	/* sense: 1 level, 0 edge */
SIM_FIELD(IVPR, PRI, 16, 4);
SIM_FIELD(IVPR, VEC, 0, 16);
/* CTPR: current task priority (MPIC_CPU_TASKPRI_MASK). */
SIM_FIELD(CTPR, TASKP, 0, 4);
/* SVR: spurious vector. */
SIM_FIELD(SVR, VEC, 0, 16);
/* MSIIR (v1), register view of a CPU store: hw-facts.md 12.2. */
SIM_FIELD(MSIIR, SRS, 29, 3);
SIM_FIELD(MSIIR, IBS, 24, 5);
/* MSIIR1 (v4.3), register view: IBS[3:0] in 31:28, SRS in 27:24, IBS[4] in 16 (hw-facts.md 12.2). */
SIM_FIELD(MSIIR1, IBSL, 28, 4);
SIM_FIELD(MSIIR1, SRS, 24, 4);
SIM_FIELD(MSIIR1, IBSH, 16, 1);

#define MPIC_IVPR_DEFINED                                                                        \
	(SIM_FMASK(IVPR, MSK) | SIM_FMASK(IVPR, A) | SIM_FMASK(IVPR, P) | SIM_FMASK(IVPR, S) |   \
	 SIM_FMASK(IVPR, PRI) | SIM_FMASK(IVPR, VEC))
#define MPIC_IPIVPR_DEFINED                                                                      \
	(SIM_FMASK(IVPR, MSK) | SIM_FMASK(IVPR, A) | SIM_FMASK(IVPR, PRI) | SIM_FMASK(IVPR, VEC))
#define MPIC_MSIIR_DEFINED (SIM_FMASK(MSIIR, SRS) | SIM_FMASK(MSIIR, IBS))
#define MPIC_MSIIR1_DEFINED (SIM_FMASK(MSIIR1, IBSL) | SIM_FMASK(MSIIR1, SRS) | SIM_FMASK(MSIIR1, IBSH))

_Static_assert(MPIC_IVPR_DEFINED == 0xc0cfffffu, "IVPR fields");
_Static_assert(MPIC_MSIIR_DEFINED == 0xff000000u, "MSIIR fields cover the low byte of D");
_Static_assert(MPIC_MSIIR1_DEFINED == 0xff010000u, "MSIIR1 fields cover the 9 bits of D");

#define MPIC_RO SIM_REG_RO_ALL

/* ---- global registers (offsets in the MPIC window) ---- */
#define MPIC_GLOBAL_REGS(X)                                                                      \
	X(BRR1, 0x00000, 0 /* cfg */, MPIC_RO, 0, 0, 0)                                          \
	X(BRR2, 0x00010, 0, MPIC_RO, 0, 0, 0)                                                    \
	X(FRR, 0x01000, 0 /* cfg */, MPIC_RO, 0, 0, 0)                                           \
	X(GCR, 0x01020, 0, 0, 0, 0x1fffffff, 0)                                                  \
	X(VIR, 0x01080, 0, MPIC_RO, 0, 0, 0)                                                     \
	X(PIR, 0x01090, 0, 0, 0, 0 /* cfg */, 0)                                                 \
	X(IPIVPR0, 0x010a0, 0x80000000, 0x40000000, 0, ~MPIC_IPIVPR_DEFINED, 0)                  \
	X(IPIVPR1, 0x010b0, 0x80000000, 0x40000000, 0, ~MPIC_IPIVPR_DEFINED, 0)                  \
	X(IPIVPR2, 0x010c0, 0x80000000, 0x40000000, 0, ~MPIC_IPIVPR_DEFINED, 0)                  \
	X(IPIVPR3, 0x010d0, 0x80000000, 0x40000000, 0, ~MPIC_IPIVPR_DEFINED, 0)                  \
	X(SVR, 0x010e0, 0x0000ffff, 0, 0, 0xffff0000, 0)                                         \
	X(TFRRA, 0x010f0, 0, 0, 0, 0, 0)                                                         \
	X(TFRRB, 0x020f0, 0, 0, 0, 0, 0)                                                         \
	X(EISR0, 0x03900, 0, MPIC_RO, 0, 0, 0)                                                   \
	X(EIMR0, 0x03910, 0, 0, 0, 0, 0)

/* ---- global timers: group A at 0x01100, group B at 0x02100, 4 timers each, stride 0x40 ---- */
#define MPIC_TIMER_GROUP_A 0x01100u
#define MPIC_TIMER_GROUP_B 0x02100u
#define MPIC_TIMER_STRIDE 0x40u
#define MPIC_TIMERS_PER_GROUP 4u
#define MPIC_TIMER_REGS(X)                                                                       \
	X(GTCCR, 0x00, 0, MPIC_RO, 0, 0, 0)                                                      \
	X(GTBCR, 0x10, 0x80000000, 0, 0, 0, 0)                                                   \
	X(GTVPR, 0x20, 0x80000000, 0x40000000, 0, ~MPIC_IPIVPR_DEFINED, 0)                       \
	X(GTDR, 0x30, 0x00000001, 0, 0, 0 /* cfg */, 0)

/* ---- per-CPU registers: at 0x20000 + 0x1000 * cpu, and for CPU 0 in the "this CPU" page at 0 ---- */
#define MPIC_CPU_BASE 0x20000u
#define MPIC_CPU_STRIDE 0x1000u
#define MPIC_CPU_REGS(X)                                                                         \
	X(IPIDR0, 0x40, 0, 0, 0, 0 /* cfg */, 0)                                                 \
	X(IPIDR1, 0x50, 0, 0, 0, 0 /* cfg */, 0)                                                 \
	X(IPIDR2, 0x60, 0, 0, 0, 0 /* cfg */, 0)                                                 \
	X(IPIDR3, 0x70, 0, 0, 0, 0 /* cfg */, 0)                                                 \
	X(CTPR, 0x80, 0x0000000f, 0, 0, 0xfffffff0, 0)                                           \
	X(WHOAMI, 0x90, 0 /* cfg */, MPIC_RO, 0, 0, 0)                                           \
	X(IACK, 0xa0, 0, MPIC_RO, 0, 0, 0)                                                       \
	X(EOI, 0xb0, 0, 0, 0, 0, 0)

/* ---- per-source registers: at 0x10000 + 0x20 * source ---- */
#define MPIC_SRC_BASE 0x10000u
#define MPIC_SRC_STRIDE 0x20u
#define MPIC_SRC_REGS(X)                                                                         \
	X(IVPR, 0x00, 0x80000000 /* cfg: P set for internal sources */, 0x40000000, 0,           \
	  ~MPIC_IVPR_DEFINED, 0)                                                                 \
	X(IDR, 0x10, 0x00000001, 0, 0, 0 /* cfg */, 0)

/* ---- one MSI bank, at its configured base (0x1600 + 0x200 * k on QorIQ) ---- */
#define MPIC_MSI_BANK_SIZE 0x200u
#define MPIC_MSIR_STRIDE 0x10u
#define MPIC_MSI_REGS(X)                                                                         \
	X(MSIR, 0x000, 0, MPIC_RO, 0, 0, 0xffffffff) /* one per MSIR n at 0x10 * n */            \
	X(MSISR, 0x120, 0, MPIC_RO, 0, 0xffff0000, 0)                                            \
	X(MSIIR, 0x140, 0, 0, 0, ~MPIC_MSIIR_DEFINED, 0)                                         \
	X(MSIIR1, 0x148, 0, 0, 0, ~MPIC_MSIIR1_DEFINED, 0) /* v4.3 banks only */

enum mpic_global_reg {
#define X(name, off, reset, ro, w1c, rsvd, cor) MPIC_G_##name,
	MPIC_GLOBAL_REGS(X)
#undef X
	MPIC_G_COUNT
};

enum mpic_timer_reg {
#define X(name, off, reset, ro, w1c, rsvd, cor) MPIC_T_##name,
	MPIC_TIMER_REGS(X)
#undef X
	MPIC_T_COUNT
};

enum mpic_cpu_reg {
#define X(name, off, reset, ro, w1c, rsvd, cor) MPIC_C_##name,
	MPIC_CPU_REGS(X)
#undef X
	MPIC_C_COUNT
};

enum mpic_src_reg {
#define X(name, off, reset, ro, w1c, rsvd, cor) MPIC_S_##name,
	MPIC_SRC_REGS(X)
#undef X
	MPIC_S_COUNT
};

enum mpic_msi_reg {
#define X(name, off, reset, ro, w1c, rsvd, cor) MPIC_M_##name,
	MPIC_MSI_REGS(X)
#undef X
	MPIC_M_COUNT
};

/* Offset constants, one per register: MPIC_OFF_G_GCR, MPIC_OFF_C_CTPR, ... */
enum {
#define X(name, off, reset, ro, w1c, rsvd, cor) MPIC_OFF_G_##name = (off),
	MPIC_GLOBAL_REGS(X)
#undef X
#define X(name, off, reset, ro, w1c, rsvd, cor) MPIC_OFF_T_##name = (off),
	MPIC_TIMER_REGS(X)
#undef X
#define X(name, off, reset, ro, w1c, rsvd, cor) MPIC_OFF_C_##name = (off),
	MPIC_CPU_REGS(X)
#undef X
#define X(name, off, reset, ro, w1c, rsvd, cor) MPIC_OFF_S_##name = (off),
	MPIC_SRC_REGS(X)
#undef X
#define X(name, off, reset, ro, w1c, rsvd, cor) MPIC_OFF_M_##name = (off),
	MPIC_MSI_REGS(X)
#undef X
};

/* Templates, as struct sim_reg_def rows (names are the template names; mpic.c names instances). */
#define MPIC_REG_ROW(name, off, reset, ro, w1c, rsvd, cor)                                       \
	{ #name, (off), (reset), (ro), (w1c), (uint32_t)(rsvd), (cor) },

#endif /* MPIC_REGS_H */
