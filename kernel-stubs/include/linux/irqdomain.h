/* SPDX-License-Identifier: BSD-2-Clause */
/* linux/irqdomain.h (stub) - linear irq domains mapping a controller's hwirq numbers to virtual IRQs;
 * irq_create_mapping calls the domain's map op (kernel-surface.md 4, "IRQ core"). */
#ifndef KS_LINUX_IRQDOMAIN_H
#define KS_LINUX_IRQDOMAIN_H

#include <linux/kernel.h>
#include <linux/irq.h>
#include <linux/of.h>

struct irq_domain;

struct irq_domain_ops {
	int (*match)(struct irq_domain *d, struct device_node *node, int bus_token);
	int (*map)(struct irq_domain *d, unsigned int virq, irq_hw_number_t hw);
	void (*unmap)(struct irq_domain *d, unsigned int virq);
	int (*xlate)(struct irq_domain *d, struct device_node *node, const u32 *intspec, unsigned int intsize,
		     unsigned long *out_hwirq, unsigned int *out_type);
};

struct irq_domain {
	struct list_head link;
	const char *name;
	const struct irq_domain_ops *ops;
	void *host_data;
	struct device_node *of_node;
	unsigned int size;		/* hwirqs 0..size-1 */
	unsigned int *revmap;		/* hwirq -> virq */
	bool ks_mpic;			/* the root MPIC domain, created by the stubs */
};

struct irq_domain *ks_irq_domain_add_linear(struct device_node *of_node, unsigned int size,
					    const struct irq_domain_ops *ops, void *host_data, const char *file,
					    const char *func, int line);
#define irq_domain_add_linear(of_node, size, ops, host_data)                                   \
	ks_irq_domain_add_linear(of_node, size, ops, host_data, __FILE__, __func__, __LINE__)
void irq_domain_remove(struct irq_domain *d);
static inline struct device_node *irq_domain_get_of_node(struct irq_domain *d) { return d->of_node; }
unsigned int ks_irq_create_mapping(struct irq_domain *d, irq_hw_number_t hwirq, const char *file,
				   const char *func, int line);
#define irq_create_mapping(d, hwirq) ks_irq_create_mapping(d, hwirq, __FILE__, __func__, __LINE__)
void irq_dispose_mapping(unsigned int virq);
unsigned int irq_find_mapping(struct irq_domain *d, irq_hw_number_t hwirq);
/* 5.10's cascade looks up before it dispatches: the lookups count toward the stubs' guard against
 * handlers that do not terminate (docs/kernel-stubs.md, "IRQ core"). */
unsigned int ks_irq_linear_revmap(struct irq_domain *d, irq_hw_number_t hwirq, const char *file, const char *func,
				  int line);
#define irq_linear_revmap(d, hwirq) ks_irq_linear_revmap(d, hwirq, __FILE__, __func__, __LINE__)
int ks_generic_handle_domain_irq(struct irq_domain *d, unsigned int hwirq, const char *file, const char *func,
				 int line);
#define generic_handle_domain_irq(d, hwirq) ks_generic_handle_domain_irq(d, hwirq, __FILE__, __func__, __LINE__)
unsigned int ks_irq_create_of_mapping(struct of_phandle_args *a, const char *file, const char *func, int line);

#endif
