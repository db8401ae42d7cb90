/* SPDX-License-Identifier: BSD-2-Clause */
/* asm/ppc-pci.h (stub) - nothing of it is used by fsl_msi.c beyond the PCI host declarations. */
#ifndef KS_ASM_PPC_PCI_H
#define KS_ASM_PPC_PCI_H
#include <linux/pci.h>
#endif
