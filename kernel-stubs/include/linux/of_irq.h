/* SPDX-License-Identifier: BSD-2-Clause */
/* linux/of_irq.h (stub) - interrupt specifiers (the MPIC's 4 cells) to virtual IRQs. */
#ifndef KS_LINUX_OF_IRQ_H
#define KS_LINUX_OF_IRQ_H
#include <linux/of.h>
#include <linux/irq.h>
unsigned int ks_irq_of_parse_and_map(struct device_node *np, int index, const char *file, const char *func,
				     int line);
int of_irq_parse_one(struct device_node *np, int index, struct of_phandle_args *out);
#define irq_of_parse_and_map(np, index) ks_irq_of_parse_and_map(np, index, __FILE__, __func__, __LINE__)
#endif
