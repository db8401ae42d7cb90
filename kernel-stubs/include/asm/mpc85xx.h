/* SPDX-License-Identifier: BSD-2-Clause */
/* asm/mpc85xx.h (stub) - the SVR values: the tree's own header, used as it is. */
#ifndef KS_ASM_MPC85XX_H
#define KS_ASM_MPC85XX_H
#include <ks_tree/arch/powerpc/include/asm/mpc85xx.h>
#endif
