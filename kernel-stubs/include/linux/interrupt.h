/* SPDX-License-Identifier: BSD-2-Clause */
/* linux/interrupt.h (stub) - request_irq/free_irq on the stubs' IRQ core; handlers run on the host's
 * thread as CPU 0 when the host signals the MPIC output (docs/kernel-stubs.md, "IRQ core"). */
#ifndef KS_LINUX_INTERRUPT_H
#define KS_LINUX_INTERRUPT_H

#include <linux/kernel.h>
#include <linux/irq.h>

typedef int irqreturn_t;
#define IRQ_NONE 0
#define IRQ_HANDLED 1
#define IRQ_WAKE_THREAD 2
#define IRQ_RETVAL(x) ((x) ? IRQ_HANDLED : IRQ_NONE)

#define IRQF_SHARED 0x00000080
#define IRQF_NO_THREAD 0x00010000
#define IRQF_TRIGGER_NONE 0

typedef irqreturn_t (*irq_handler_t)(int, void *);

int ks_request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags, const char *name, void *dev,
		   const char *file, const char *func, int line);
#define request_irq(irq, handler, flags, name, dev)                                            \
	ks_request_irq(irq, handler, flags, name, dev, __FILE__, __func__, __LINE__)
const void *ks_free_irq(unsigned int irq, void *dev, const char *file, const char *func, int line);
#define free_irq(irq, dev) ks_free_irq(irq, dev, __FILE__, __func__, __LINE__)

#endif
