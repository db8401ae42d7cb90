/* SPDX-License-Identifier: BSD-2-Clause */
/* asm/fsl_pamu_stash.h (stub) - the tree's own header, used as it is. */
#ifndef KS_ASM_FSL_PAMU_STASH_H
#define KS_ASM_FSL_PAMU_STASH_H
#include <linux/types.h>
#include <ks_tree/arch/powerpc/include/asm/fsl_pamu_stash.h>
#endif
