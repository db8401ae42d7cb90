/* SPDX-License-Identifier: BSD-2-Clause */
/* asm/mpic.h (stub) - what fsl_msi.c takes from the MPIC driver's header: the primary MPIC's version,
 * read from BRR1 of the MPIC model (kernel-surface.md 4 "PowerPC / QorIQ specifics"; docs/mpic.md 3). */
#ifndef KS_ASM_MPIC_H
#define KS_ASM_MPIC_H
#include <linux/types.h>
/* BRR1[15:0] of the MPIC the host names (struct ks_host.mpic_phys); 0 without an MPIC. */
u32 fsl_mpic_primary_get_version(void);
#endif
