/* SPDX-License-Identifier: BSD-2-Clause */
/* linux/device.h (stub) - the parts of the driver model the drivers touch: struct device with its OF
 * node, driver data, IOMMU fields and MSI descriptor list; dev_* logging with the device's name. */
#ifndef KS_LINUX_DEVICE_H
#define KS_LINUX_DEVICE_H

#include <linux/kernel.h>
#include <linux/of.h>
#include <linux/ioport.h>
#include <linux/slab.h>
#include <linux/io.h>

struct device_driver {
	const char *name;
	const struct of_device_id *of_match_table;
	struct bus_type *bus;
	bool suppress_bind_attrs;
};

struct bus_type {
	const char *name;
};

struct dev_iommu {
	void *priv;
	struct iommu_device *iommu_dev;
	void *fwspec;
};

struct msi_desc;

struct device {
	struct device *parent;
	const char *init_name;
	char ks_name[64];
	struct device_node *of_node;
	struct bus_type *bus;
	struct device_driver *driver;
	void *driver_data;
	void *platform_data;
	struct dev_iommu *iommu;
	struct iommu_group *iommu_group;
	struct list_head msi_list;	/* MSI descriptors (5.10 for_each_pci_msi_entry, 6.x msi_for_each_desc) */
	struct msi_desc *ks_msi_iter;	/* msi_first_desc/msi_next_desc cursor */
	void (*release)(struct device *dev);
	struct list_head ks_node;	/* stubs' list of devices */
	const struct of_device_id *ks_match;
	bool ks_is_pci;
};

extern struct bus_type platform_bus_type;
extern struct bus_type pci_bus_type;

static inline const char *dev_name(const struct device *dev) { return dev->ks_name; }
static inline void *dev_get_drvdata(const struct device *dev) { return dev->driver_data; }
static inline void dev_set_drvdata(struct device *dev, void *data) { dev->driver_data = data; }

#define dev_printk(lvl, dev, fmt, ...) printk(lvl "%s: " fmt, dev_name(dev), ##__VA_ARGS__)
#define dev_emerg(dev, fmt, ...) dev_printk(KERN_EMERG, dev, fmt, ##__VA_ARGS__)
#define dev_err(dev, fmt, ...) dev_printk(KERN_ERR, dev, fmt, ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...) dev_printk(KERN_WARNING, dev, fmt, ##__VA_ARGS__)
#define dev_info(dev, fmt, ...) dev_printk(KERN_INFO, dev, fmt, ##__VA_ARGS__)
#define dev_dbg(dev, fmt, ...)                                                                \
	do {                                                                                  \
		if (unlikely(ks_debug_on))                                                    \
			dev_printk(KERN_DEBUG, dev, fmt, ##__VA_ARGS__);                      \
	} while (0)

#endif
