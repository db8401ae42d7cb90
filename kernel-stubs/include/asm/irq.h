/* SPDX-License-Identifier: BSD-2-Clause */
/* asm/irq.h (stub) */
#ifndef KS_ASM_IRQ_H
#define KS_ASM_IRQ_H
#include <linux/irq.h>
#endif
