/* SPDX-License-Identifier: BSD-2-Clause */
/* linux/pci.h (stub) - the PCI device and bus the PAMU domain code and the MSI driver touch: a device
 * belongs to a bus whose sysdata is its host bridge (struct pci_controller, asm/pci-bridge.h). */
#ifndef KS_LINUX_PCI_H
#define KS_LINUX_PCI_H

#include <linux/kernel.h>
#include <linux/device.h>
#include <linux/of.h>
#include <linux/interrupt.h>
#include <linux/iommu.h>

#define PCI_CAP_ID_MSI 0x05
#define PCI_CAP_ID_MSIX 0x11

struct pci_bus {
	struct list_head devices;
	struct pci_bus *parent;
	void *sysdata;
	struct pci_dev *self;
	unsigned char number;
};

struct pci_dev {
	struct list_head bus_list;
	struct pci_bus *bus;
	struct pci_bus *subordinate;
	unsigned int devfn;
	unsigned short vendor, device;
	struct device dev;
	unsigned int irq;
	bool msi_enabled;
};

#define to_pci_dev(n) container_of(n, struct pci_dev, dev)
static inline bool dev_is_pci(const struct device *dev) { return dev && dev->ks_is_pci; }

#include <asm/pci-bridge.h>

/* 5.10's fsl_pamu.c gets the OF address/irq and platform declarations through linux/pci.h and
 * linux/iommu.h (kernel-surface.md 5, "include hygiene"). */
#if !KS_V(5, 11)
#include <linux/of_address.h>
#include <linux/of_irq.h>
#include <linux/platform_device.h>
#endif

#endif
