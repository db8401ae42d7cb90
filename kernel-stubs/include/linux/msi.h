/* SPDX-License-Identifier: BSD-2-Clause */
/* linux/msi.h (stub) - MSI descriptors on a device's list and the message the MSI driver composes
 * (kernel-surface.md 4, "MSI descriptors / PCI-MSI"): 5.10 for_each_pci_msi_entry, 6.x
 * msi_for_each_desc with the associated/not-associated filters. */
#ifndef KS_LINUX_MSI_H
#define KS_LINUX_MSI_H

#include <linux/kernel.h>
#include <linux/device.h>

struct msi_msg {
	u32 address_lo;
	u32 address_hi;
	u32 data;
};

struct msi_desc {
	struct list_head list;
	unsigned int irq;
	unsigned int nvec_used;
	struct device *dev;
	struct msi_msg msg;
	u16 msi_index;
	bool ks_masked;			/* pci_msi_mask_irq / pci_msi_unmask_irq */
	bool ks_written;		/* pci_write_msi_msg was called */
};

enum msi_desc_filter {
	MSI_DESC_ALL,
	MSI_DESC_NOTASSOCIATED,
	MSI_DESC_ASSOCIATED,
};

struct msi_desc *msi_first_desc(struct device *dev, enum msi_desc_filter filter);
struct msi_desc *msi_next_desc(struct device *dev, enum msi_desc_filter filter);
#define msi_for_each_desc(desc, dev, filter)                                                   \
	for ((desc) = msi_first_desc((dev), (filter)); (desc); (desc) = msi_next_desc((dev), (filter)))
#define for_each_msi_entry(desc, dev) list_for_each_entry((desc), &(dev)->msi_list, list)
#define for_each_pci_msi_entry(desc, pdev) for_each_msi_entry((desc), &(pdev)->dev)

struct irq_data;
void pci_write_msi_msg(unsigned int irq, struct msi_msg *msg);
void pci_msi_mask_irq(struct irq_data *data);
void pci_msi_unmask_irq(struct irq_data *data);

#endif
