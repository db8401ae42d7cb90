/* SPDX-License-Identifier: BSD-2-Clause */
/* asm/mmu.h (stub) - nothing the drivers need (included by sysdev/fsl_soc.h). */
#ifndef KS_ASM_MMU_H
#define KS_ASM_MMU_H
#include <linux/types.h>
#endif
