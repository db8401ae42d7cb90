/* SPDX-License-Identifier: BSD-2-Clause */
/* asm/hw_irq.h (stub) - virq_to_hw (a powerpc arch helper). */
#ifndef KS_ASM_HW_IRQ_H
#define KS_ASM_HW_IRQ_H
#include <linux/irq.h>
irq_hw_number_t virq_to_hw(unsigned int virq);
#endif
