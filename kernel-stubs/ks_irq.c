/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * ks_irq.c - the IRQ core: descriptors (virq 1..KS_MAX_IRQS-1), linear irq domains, chips and flow
 * handlers, request_irq/free_irq, and the root MPIC domain whose chip masks, unmasks and ends
 * interrupts by writing the MPIC's registers through the MMIO seam. ks_irq_handle runs on the host's
 * thread as CPU 0: IACK, dispatch by vector, EOI. Sources: kernel-surface.md 4 ("IRQ core"), 7.3;
 * hw-facts.md 9 and docs/mpic.md (MPIC registers: IVPR 0x10000 + 0x20 * src, CPU 0 IACK/EOI/CTPR).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqdomain.h>
#include <linux/msi.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <asm/hw_irq.h>

#include "ks_priv.h"

#define KS_MAX_IRQS 4096
#define MPIC_IVPR(src) (0x10000u + 0x20u * (src))
#define MPIC_IDR(src) (0x10010u + 0x20u * (src))
#define MPIC_CPU0 0x20000u
#define MPIC_CTPR 0x80u
#define MPIC_IACK 0xa0u
#define MPIC_EOI 0xb0u
#define MPIC_IVPR_MSK (1u << 31)
#define MPIC_IVPR_PRI(p) ((u32)(p) << 16)
#define MPIC_SPURIOUS 0xffffu
#define KS_MPIC_HWIRQS 2048u
#define KS_MPIC_ERR_BASE 0x1000u	/* hwirq of MPIC error sub-source n (4-cell type 1) */

struct irq_desc {
	struct irq_data irq_data;
	irq_flow_handler_t handle_irq;
	bool used;
	bool requested;
	irq_handler_t handler;
	void *dev_id;
	const char *name;
	unsigned long flags;
	unsigned long status;
	unsigned long count;
};

static struct irq_desc descs[KS_MAX_IRQS];
static LIST_HEAD(domains);
static struct irq_domain *mpic_domain;

static struct irq_desc *desc_of(unsigned int virq)
{
	return virq && virq < KS_MAX_IRQS && descs[virq].used ? &descs[virq] : NULL;
}

static void mpic_write(u32 off, u32 v)
{
	if (ks.host.mpic_phys)
		ks.host.mmio_store(ks.host.ctx, ks.host.mpic_phys + off, 4, v);
}

static u32 mpic_read(u32 off)
{
	uint64_t v = ~0ull;

	if (ks.host.mpic_phys)
		ks.host.mmio_load(ks.host.ctx, ks.host.mpic_phys + off, 4, &v);
	return (u32)v;
}

/* ------------------------------------------------------------------ the MPIC chip */

static void mpic_mask(struct irq_data *d)
{
	if (d->hwirq < KS_MPIC_HWIRQS)
		mpic_write(MPIC_IVPR(d->hwirq), mpic_read(MPIC_IVPR(d->hwirq)) | MPIC_IVPR_MSK);
}

static void mpic_unmask(struct irq_data *d)
{
	u32 v;

	if (d->hwirq >= KS_MPIC_HWIRQS)
		return;
	/* keep sense and polarity (the model's reset values for internal sources), set vector = source */
	v = mpic_read(MPIC_IVPR(d->hwirq));
	v &= ~(MPIC_IVPR_MSK | 0xffffu | MPIC_IVPR_PRI(0xf));
	v |= (u32)d->hwirq | MPIC_IVPR_PRI(8);
	mpic_write(MPIC_IDR(d->hwirq), 1);	/* CPU 0 */
	mpic_write(MPIC_IVPR(d->hwirq), v);
}

static void mpic_eoi(struct irq_data *d)
{
	mpic_write(MPIC_CPU0 + MPIC_EOI, 0);
}

static struct irq_chip mpic_chip = {
	.name = "MPIC",
	.irq_mask = mpic_mask,
	.irq_unmask = mpic_unmask,
	.irq_eoi = mpic_eoi,
};

static int mpic_map(struct irq_domain *d, unsigned int virq, irq_hw_number_t hw)
{
	irq_set_chip_and_handler(virq, &mpic_chip, handle_fasteoi_irq);
	return 0;
}

static const struct irq_domain_ops mpic_ops = {
	.map = mpic_map,
};

int ks_irq_init(void)
{
	memset(descs, 0, sizeof(descs));
	INIT_LIST_HEAD(&domains);
	mpic_domain = NULL;
	if (ks.host.mpic_phys)
		mpic_write(MPIC_CPU0 + MPIC_CTPR, 0);	/* CPU 0 takes every priority above 0 */
	return 0;
}

void ks_irq_release(void)
{
	struct irq_domain *d, *n;

	list_for_each_entry_safe(d, n, &domains, link) {
		list_del(&d->link);
		if (d->ks_mpic) {
			free(d->revmap);
			free(d);
		}
		/* driver domains live in the arena: their memory goes with it */
	}
	mpic_domain = NULL;
	memset(descs, 0, sizeof(descs));
}

/* ------------------------------------------------------------------ domains and mappings */

static struct irq_domain *domain_new(struct device_node *np, unsigned int size, const struct irq_domain_ops *ops,
				     void *host_data, const char *file, const char *func, int line)
{
	struct irq_domain *d;

	if (file) {
		d = ks_kmalloc(sizeof(*d) + size * sizeof(unsigned int), 0, GFP_KERNEL | __GFP_ZERO, file, func,
			       line);
		if (!d)
			return NULL;
		d->revmap = (unsigned int *)(d + 1);
	} else {
		d = calloc(1, sizeof(*d));
		if (!d)
			return NULL;
		d->revmap = calloc(size, sizeof(unsigned int));
		if (!d->revmap) {
			free(d);
			return NULL;
		}
		d->ks_mpic = true;
	}
	d->ops = ops;
	d->host_data = host_data;
	d->of_node = np;
	d->size = size;
	d->name = np ? np->full_name : "?";
	list_add_tail(&d->link, &domains);
	return d;
}

struct irq_domain *ks_irq_domain_add_linear(struct device_node *of_node, unsigned int size,
					    const struct irq_domain_ops *ops, void *host_data, const char *file,
					    const char *func, int line)
{
	return domain_new(of_node, size, ops, host_data, file, func, line);
}

void irq_domain_remove(struct irq_domain *d)
{
	if (!d)
		return;
	list_del(&d->link);
	if (d->ks_mpic) {
		free(d->revmap);
		free(d);
	} else {
		ks_kfree(d, __FILE__, __func__, __LINE__);
	}
}

unsigned int irq_find_mapping(struct irq_domain *d, irq_hw_number_t hwirq)
{
	if (!d || hwirq >= d->size)
		return 0;
	return d->revmap[hwirq];
}

unsigned int ks_irq_create_mapping(struct irq_domain *d, irq_hw_number_t hwirq, const char *file,
				   const char *func, int line)
{
	unsigned int virq;

	if (!d || hwirq >= d->size) {
		ks_finding(KS_FINDING_MISUSE, file, func, line, "irq_create_mapping of hwirq %lu outside its domain",
			   hwirq);
		return 0;
	}
	if (d->revmap[hwirq])
		return d->revmap[hwirq];
	if (ks_fallible("irq_create_mapping", file, func, line))
		return 0;
	for (virq = 1; virq < KS_MAX_IRQS; virq++)
		if (!descs[virq].used)
			break;
	if (virq == KS_MAX_IRQS)
		return 0;
	memset(&descs[virq], 0, sizeof(descs[virq]));
	descs[virq].used = true;
	descs[virq].irq_data.irq = virq;
	descs[virq].irq_data.hwirq = hwirq;
	descs[virq].irq_data.domain = d;
	d->revmap[hwirq] = virq;
	if (d->ops && d->ops->map && d->ops->map(d, virq, hwirq)) {
		d->revmap[hwirq] = 0;
		descs[virq].used = false;
		return 0;
	}
	return virq;
}

void irq_dispose_mapping(unsigned int virq)
{
	struct irq_desc *desc = desc_of(virq);
	struct irq_domain *d;

	if (!desc)
		return;
	d = desc->irq_data.domain;
	if (d && d->ops && d->ops->unmap)
		d->ops->unmap(d, virq);
	if (d && desc->irq_data.hwirq < d->size)
		d->revmap[desc->irq_data.hwirq] = 0;
	desc->used = false;
}

unsigned int ks_irq_create_of_mapping(struct of_phandle_args *a, const char *file, const char *func, int line)
{
	struct irq_domain *d;
	unsigned long hw;

	list_for_each_entry(d, &domains, link)
		if (d->of_node == a->np)
			goto found;
	if (!of_device_is_compatible(a->np, "fsl,mpic") && !of_device_is_compatible(a->np, "chrp,open-pic")) {
		ks_unreachable("interrupt parent other than the MPIC", file, func, line);
		return 0;
	}
	d = mpic_domain = domain_new(a->np, KS_MPIC_HWIRQS + 0x100, &mpic_ops, NULL, NULL, NULL, 0);
	if (!d)
		return 0;
found:
	if (d->ks_mpic) {
		/* <source sense type info>: type 0 normal, 1 error sub-source (hw-facts.md 9) */
		if (a->args_count >= 4 && a->args[2] == 1)
			hw = KS_MPIC_ERR_BASE + a->args[3];
		else
			hw = a->args[0];
	} else {
		hw = a->args[0];
	}
	return ks_irq_create_mapping(d, hw, file, func, line);
}

/* ------------------------------------------------------------------ descriptors */

struct irq_data *irq_get_irq_data(unsigned int irq)
{
	struct irq_desc *desc = desc_of(irq);

	return desc ? &desc->irq_data : NULL;
}

irq_hw_number_t virq_to_hw(unsigned int virq)
{
	struct irq_desc *desc = desc_of(virq);

	return desc ? desc->irq_data.hwirq : 0;
}

void irq_set_status_flags(unsigned int irq, unsigned long set)
{
	struct irq_desc *desc = desc_of(irq);

	if (desc)
		desc->status |= set;
}

int irq_set_chip_data(unsigned int irq, void *data)
{
	struct irq_desc *desc = desc_of(irq);

	if (!desc)
		return -EINVAL;
	desc->irq_data.chip_data = data;
	return 0;
}

void *irq_get_chip_data(unsigned int irq)
{
	struct irq_desc *desc = desc_of(irq);

	return desc ? desc->irq_data.chip_data : NULL;
}

void irq_set_chip_and_handler(unsigned int irq, struct irq_chip *chip, irq_flow_handler_t handle)
{
	struct irq_desc *desc = desc_of(irq);

	if (!desc)
		return;
	desc->irq_data.chip = chip;
	desc->handle_irq = handle;
}

int irq_set_msi_desc(unsigned int irq, struct msi_desc *entry)
{
	struct irq_desc *desc = desc_of(irq);

	if (!desc)
		return -EINVAL;
	desc->irq_data.msi_desc = entry;
	if (entry)
		entry->irq = irq;	/* kernel-surface.md 10.6 */
	return 0;
}

void seq_printf(struct seq_file *m, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(m->buf + m->count, sizeof(m->buf) - m->count, fmt, ap);
	va_end(ap);
	if (n > 0)
		m->count = min(m->count + (size_t)n, sizeof(m->buf) - 1);
}

/* ------------------------------------------------------------------ request, flow, dispatch */

int ks_request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags, const char *name, void *dev,
		   const char *file, const char *func, int line)
{
	struct irq_desc *desc = desc_of(irq);

	if (!desc || !handler)
		return -EINVAL;
	if (ks_fallible("request_irq", file, func, line))
		return -ENOMEM;
	if (desc->requested)
		return -EBUSY;
	desc->requested = true;
	desc->handler = handler;
	desc->dev_id = dev;
	desc->name = name;
	desc->flags = flags;
	if (desc->irq_data.chip && desc->irq_data.chip->irq_unmask)
		desc->irq_data.chip->irq_unmask(&desc->irq_data);
	return 0;
}

const void *ks_free_irq(unsigned int irq, void *dev, const char *file, const char *func, int line)
{
	struct irq_desc *desc = desc_of(irq);
	const char *name;

	if (!desc || !desc->requested || desc->dev_id != dev) {
		/* the kernel's free_irq WARNs here ("Trying to free already-free IRQ") */
		ks_finding(KS_FINDING_WARN, file, func, line, "free_irq(%u): trying to free an already-free IRQ", irq);
		return NULL;
	}
	if (desc->irq_data.chip && desc->irq_data.chip->irq_mask)
		desc->irq_data.chip->irq_mask(&desc->irq_data);
	name = desc->name;
	desc->requested = false;
	desc->handler = NULL;
	desc->dev_id = NULL;
	return name;
}

static void run_action(struct irq_desc *desc)
{
	desc->count++;
	if (!desc->requested) {
		ks_log(4, "irq %u (hwirq %lu): no handler", desc->irq_data.irq, desc->irq_data.hwirq);
		return;
	}
	desc->handler((int)desc->irq_data.irq, desc->dev_id);
}

void handle_edge_irq(struct irq_desc *desc)
{
	if (desc->irq_data.chip && desc->irq_data.chip->irq_ack)
		desc->irq_data.chip->irq_ack(&desc->irq_data);
	run_action(desc);
}

void handle_level_irq(struct irq_desc *desc)
{
	struct irq_chip *c = desc->irq_data.chip;

	if (c && c->irq_mask)
		c->irq_mask(&desc->irq_data);
	if (c && c->irq_ack)
		c->irq_ack(&desc->irq_data);
	run_action(desc);
	if (c && c->irq_unmask)
		c->irq_unmask(&desc->irq_data);
}

void handle_fasteoi_irq(struct irq_desc *desc)
{
	run_action(desc);
	if (desc->irq_data.chip && desc->irq_data.chip->irq_eoi)
		desc->irq_data.chip->irq_eoi(&desc->irq_data);
}

/* Dispatches from handlers within one acknowledged interrupt; a cascade never needs more than the bits
 * of its status register, so a run past this is a handler that does not terminate. */
#define KS_MAX_NESTED_DISPATCH 1024u
static unsigned int nested_dispatch;

int ks_generic_handle_irq(unsigned int irq, const char *file, const char *func, int line)
{
	struct irq_desc *desc = desc_of(irq);

	if (ks.in_irq && ++nested_dispatch > KS_MAX_NESTED_DISPATCH) {
		char what[160];

		snprintf(what, sizeof(what), "interrupt handler does not terminate: more than %u dispatches "
			 "(last irq %u) within one acknowledged interrupt", KS_MAX_NESTED_DISPATCH, irq);
		ks_bug(file, func, line, what);
	}
	if (!desc)
		return -EINVAL;
	if (desc->handle_irq)
		desc->handle_irq(desc);
	else
		run_action(desc);
	return 0;
}

unsigned int ks_irq_linear_revmap(struct irq_domain *d, irq_hw_number_t hwirq, const char *file, const char *func,
				  int line)
{
	if (ks.in_irq && ++nested_dispatch > KS_MAX_NESTED_DISPATCH)
		ks_bug(file, func, line, "interrupt handler does not terminate: more than 1024 lookups and dispatches "
		       "within one acknowledged interrupt");
	return irq_find_mapping(d, hwirq);
}

int ks_generic_handle_domain_irq(struct irq_domain *d, unsigned int hwirq, const char *file, const char *func,
				 int line)
{
	return ks_generic_handle_irq(irq_find_mapping(d, hwirq), file, func, line);
}

/* The MPIC raised CPU 0's output: acknowledge, dispatch the vector (= MPIC source), end it. */
int ks_irq_handle(unsigned int *handled)
{
	unsigned int n = 0, guard;

	if (!ks.host.mpic_phys || !mpic_domain) {
		if (handled)
			*handled = 0;
		return -ENODEV;
	}
	ks.in_irq = true;
	for (guard = 0; guard < 64; guard++) {
		u32 vec = mpic_read(MPIC_CPU0 + MPIC_IACK) & 0xffffu;
		unsigned int virq;

		if (vec == MPIC_SPURIOUS)
			break;
		virq = irq_find_mapping(mpic_domain, vec);
		nested_dispatch = 0;
		if (virq) {
			generic_handle_irq(virq);
			n++;
		} else {
			ks_log(4, "MPIC vector %u has no mapping", vec);
			mpic_write(MPIC_CPU0 + MPIC_EOI, 0);
		}
	}
	ks.in_irq = false;
	if (handled)
		*handled = n;
	return 0;
}

/* virq of the action named name, 0 if none is requested. */
unsigned int ks_irq_find_action(const char *name)
{
	unsigned int i;

	for (i = 1; i < KS_MAX_IRQS; i++)
		if (descs[i].used && descs[i].requested && descs[i].name && !strcmp(descs[i].name, name))
			return i;
	return 0;
}
