/* SPDX-License-Identifier: BSD-2-Clause */
/* asm/pci-bridge.h (stub) - the powerpc PCI host bridge (hose): the fields kernel-surface.md 7 lists. */
#ifndef KS_ASM_PCI_BRIDGE_H
#define KS_ASM_PCI_BRIDGE_H

#include <linux/types.h>
#include <linux/list.h>

struct pci_dev;
struct pci_bus;
struct device;
struct device_node;

struct pci_controller_ops {
	int (*setup_msi_irqs)(struct pci_dev *pdev, int nvec, int type);
	void (*teardown_msi_irqs)(struct pci_dev *pdev);
};

struct pci_controller {
	struct pci_bus *bus;
	char is_dynamic;
	struct device *parent;
	struct list_head list_node;
	struct device_node *dn;
	int first_busno, last_busno;
	volatile unsigned int __iomem *cfg_addr;
	void __iomem *cfg_data;
	struct pci_controller_ops controller_ops;
	int global_number;
	u64 ks_phys;			/* controller registers */
};

extern struct list_head hose_list;

static inline struct pci_controller *pci_bus_to_host(const struct pci_bus *bus)
{
	return (struct pci_controller *)bus->sysdata;
}

#endif
