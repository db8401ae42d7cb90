/* SPDX-License-Identifier: BSD-2-Clause */
/* asm/msi_bitmap.h (stub) - the tree's own header, used as it is. */
#ifndef KS_ASM_MSI_BITMAP_H
#define KS_ASM_MSI_BITMAP_H
#include <linux/spinlock.h>
#include <ks_tree/arch/powerpc/include/asm/msi_bitmap.h>
#endif
