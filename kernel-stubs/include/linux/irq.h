/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * linux/irq.h (stub) - IRQ descriptors, chips and flow handlers. Virtual IRQ numbers are indexes into
 * the stubs' descriptor table (0 is "no IRQ"); each descriptor has its domain, hwirq, chip, chip data,
 * flow handler, the requested action and the MSI descriptor.
 */
#ifndef KS_LINUX_IRQ_H
#define KS_LINUX_IRQ_H

#include <linux/kernel.h>

#if !KS_V(6, 2)
#define NO_IRQ (0)
#endif

#define IRQ_TYPE_NONE 0x0
#define IRQ_TYPE_EDGE_RISING 0x1
#define IRQ_TYPE_EDGE_FALLING 0x2
#define IRQ_TYPE_EDGE_BOTH 0x3
#define IRQ_TYPE_LEVEL_HIGH 0x4
#define IRQ_TYPE_LEVEL_LOW 0x8
#define IRQ_TYPE_SENSE_MASK 0xf

struct irq_domain;
struct irq_desc;
struct msi_desc;
struct seq_file;
struct lock_class_key {
	int dummy;
};

struct irq_data {
	unsigned int irq;
	irq_hw_number_t hwirq;
	struct irq_chip *chip;
	struct irq_domain *domain;
	void *chip_data;
	struct msi_desc *msi_desc;
};

struct irq_chip {
	const char *name;
	void (*irq_mask)(struct irq_data *data);
	void (*irq_unmask)(struct irq_data *data);
	void (*irq_ack)(struct irq_data *data);
	void (*irq_eoi)(struct irq_data *data);
	int (*irq_set_type)(struct irq_data *data, unsigned int flow_type);
	void (*irq_print_chip)(struct irq_data *data, struct seq_file *p);
	unsigned long flags;
};

typedef void (*irq_flow_handler_t)(struct irq_desc *desc);

static inline irq_hw_number_t irqd_to_hwirq(struct irq_data *d) { return d->hwirq; }

void handle_edge_irq(struct irq_desc *desc);
void handle_level_irq(struct irq_desc *desc);
void handle_fasteoi_irq(struct irq_desc *desc);
void irq_set_status_flags(unsigned int irq, unsigned long set);
int irq_set_chip_data(unsigned int irq, void *data);
void *irq_get_chip_data(unsigned int irq);
void irq_set_chip_and_handler(unsigned int irq, struct irq_chip *chip, irq_flow_handler_t handle);
int irq_set_msi_desc(unsigned int irq, struct msi_desc *entry);
struct irq_data *irq_get_irq_data(unsigned int irq);
static inline void irq_set_lockdep_class(unsigned int irq, struct lock_class_key *l, struct lock_class_key *r)
{
}
int ks_generic_handle_irq(unsigned int irq, const char *file, const char *func, int line);
#define generic_handle_irq(irq) ks_generic_handle_irq(irq, __FILE__, __func__, __LINE__)

/* 5.10's linux/irq.h pulls in the irq domain declarations (through powerpc's asm/irq.h); 5.10's
 * fsl_msi.c relies on it (kernel-surface.md 5, "include hygiene"). */
#if !KS_V(5, 11)
#include <linux/irqdomain.h>
#endif

#endif
