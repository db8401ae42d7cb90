/* SPDX-License-Identifier: BSD-2-Clause */
/* asm/fsl_hcalls.h (stub) - ePAPR hypercalls are used only with CONFIG_EPAPR_PARAVIRT, which the
 * variants leave off (kernel-surface.md 2): nothing is declared. */
#ifndef KS_ASM_FSL_HCALLS_H
#define KS_ASM_FSL_HCALLS_H
#endif
