/* SPDX-License-Identifier: BSD-2-Clause */
/* asm/reg.h (stub) - special-purpose registers the drivers read: SVR and PVR come from the host (the
 * SoC preset's revision), any other SPR is a must-never-be-reached stub (kernel-surface.md 10.3). */
#ifndef KS_ASM_REG_H
#define KS_ASM_REG_H
#include <linux/types.h>
#define SPRN_PVR 0x11F
#define SPRN_SVR 0x3FF
unsigned long ks_mfspr(unsigned int spr, const char *file, const char *func, int line);
#define mfspr(rn) ks_mfspr(rn, __FILE__, __func__, __LINE__)
#endif
