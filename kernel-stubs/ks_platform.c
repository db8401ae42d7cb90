/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * ks_platform.c - the platform bus: a device per device-tree node with a compatible under the root or a
 * simple bus (as of_platform_populate does), drivers matched by OF compatible first and by name second,
 * synchronous probe, drvdata; plus the PCI globals (hose_list, bus types). Sources: kernel-surface.md 4
 * ("Platform device/driver"), 6, 7.1.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/kernel.h>
#include <linux/platform_device.h>
#include <linux/property.h>
#include <linux/pci.h>
#include <linux/slab.h>

#include "ks_priv.h"

struct bus_type platform_bus_type = { .name = "platform" };
struct bus_type pci_bus_type = { .name = "pci" };
LIST_HEAD(hose_list);

static LIST_HEAD(devices);
static LIST_HEAD(drivers);
static unsigned int tree_devs;

static const struct of_device_id *match(struct platform_driver *drv, struct platform_device *pdev)
{
	const struct of_device_id *m;

	if (drv->driver.of_match_table && pdev->dev.of_node) {
		m = of_match_node(drv->driver.of_match_table, pdev->dev.of_node);
		if (m && of_device_is_available(pdev->dev.of_node))
			return m;
		return NULL;
	}
	if (drv->driver.name && pdev->name && !strcmp(drv->driver.name, pdev->name))
		return (const struct of_device_id *)drv;	/* matched by name: any non-NULL */
	return NULL;
}

static void try_bind(struct platform_driver *drv, struct platform_device *pdev)
{
	const struct of_device_id *m;
	int ret;

	if (pdev->dev.driver || !drv->probe)
		return;
	m = match(drv, pdev);
	if (!m)
		return;
	pdev->dev.driver = &drv->driver;
	pdev->dev.ks_match = drv->driver.of_match_table ? m : NULL;
	ret = drv->probe(pdev);
	if (ret) {
		ks_log(ret == -ENODEV ? 6 : 4, "%s: probe of %s failed with error %d", drv->driver.name,
		       dev_name(&pdev->dev), ret);
		pdev->dev.driver = NULL;
		pdev->dev.ks_match = NULL;
		pdev->dev.driver_data = NULL;
	}
}

int ks_platform_driver_register(struct platform_driver *drv, const char *file, const char *func, int line)
{
	struct platform_device *pdev;

	if (ks_fallible("platform_driver_register", file, func, line))
		return -ENOMEM;
	drv->driver.bus = &platform_bus_type;
	list_add_tail(&drv->ks_node, &drivers);
	list_for_each_entry(pdev, &devices, dev.ks_node)
		try_bind(drv, pdev);
	return 0;
}

void platform_driver_unregister(struct platform_driver *drv)
{
	struct platform_device *pdev;

	list_for_each_entry(pdev, &devices, dev.ks_node) {
		if (pdev->dev.driver == &drv->driver) {
			if (drv->remove)
				drv->remove(pdev);
			pdev->dev.driver = NULL;
		}
	}
	list_del(&drv->ks_node);
}

static void set_name(struct platform_device *pdev)
{
	if (pdev->ks_from_tree) {
		const char *at = strrchr(pdev->dev.of_node->full_name, '@');
		const char *base = strrchr(pdev->dev.of_node->full_name, '/');

		snprintf(pdev->dev.ks_name, sizeof(pdev->dev.ks_name), "%s.%s", at ? at + 1 : "0",
			 pdev->dev.of_node->name);
		(void)base;
	} else if (pdev->id >= 0) {
		snprintf(pdev->dev.ks_name, sizeof(pdev->dev.ks_name), "%s.%d", pdev->name, pdev->id);
	} else {
		snprintf(pdev->dev.ks_name, sizeof(pdev->dev.ks_name), "%s", pdev->name);
	}
}

struct platform_device *ks_platform_device_alloc(const char *name, int id, const char *file, const char *func,
						 int line)
{
	struct platform_device *pdev = ks_kmalloc(sizeof(*pdev) + strlen(name) + 1, 0, GFP_KERNEL | __GFP_ZERO,
						  file, func, line);

	if (!pdev)
		return NULL;
	pdev->name = strcpy((char *)(pdev + 1), name);
	pdev->id = id;
	INIT_LIST_HEAD(&pdev->dev.msi_list);
	INIT_LIST_HEAD(&pdev->dev.ks_node);
	pdev->dev.bus = &platform_bus_type;
	set_name(pdev);
	return pdev;
}

int ks_platform_device_add(struct platform_device *pdev, const char *file, const char *func, int line)
{
	struct platform_driver *drv;

	if (ks_fallible("platform_device_add", file, func, line))
		return -ENOMEM;
	set_name(pdev);
	list_add_tail(&pdev->dev.ks_node, &devices);
	pdev->ks_added = true;
	list_for_each_entry(drv, &drivers, ks_node)
		try_bind(drv, pdev);
	return 0;
}

void platform_device_del(struct platform_device *pdev)
{
	if (!pdev || !pdev->ks_added)
		return;
	list_del(&pdev->dev.ks_node);
	pdev->ks_added = false;
}

void platform_device_put(struct platform_device *pdev)
{
	if (!pdev)
		return;
	platform_device_del(pdev);
	if (!pdev->ks_from_tree)
		ks_kfree(pdev, __FILE__, __func__, __LINE__);
}

void platform_device_unregister(struct platform_device *pdev)
{
	platform_device_put(pdev);
}

struct platform_device *of_find_device_by_node(struct device_node *np)
{
	struct platform_device *pdev;

	list_for_each_entry(pdev, &devices, dev.ks_node)
		if (pdev->dev.of_node == np)
			return pdev;
	return NULL;
}

const struct of_device_id *of_match_device(const struct of_device_id *matches, const struct device *dev)
{
	return dev ? of_match_node(matches, dev->of_node) : NULL;
}

const void *device_get_match_data(const struct device *dev)
{
	const struct of_device_id *m = dev->ks_match;

	if (!m && dev->driver && dev->driver->of_match_table)
		m = of_match_node(dev->driver->of_match_table, dev->of_node);
	return m ? m->data : NULL;
}

/* Unbind, as the driver core's device_release_driver: remove (return value ignored, as the core does), then
 * the binding and drvdata are cleared. A driver without remove is refused with -EBUSY and stays bound.
 * Several devices can share a node (fsl_pamu_init adds "fsl-of-pamu" on the PAMU's node next to the tree's
 * own device): the one with a driver bound is meant. */
int ks_platform_driver_unbind(const char *path)
{
	struct platform_device *pdev;
	struct platform_driver *drv;

	if (!path)
		return -ENODEV;
	list_for_each_entry(pdev, &devices, dev.ks_node) {
		if (!pdev->dev.of_node || strcmp(pdev->dev.of_node->full_name, path) || !pdev->dev.driver)
			continue;
		drv = container_of(pdev->dev.driver, struct platform_driver, driver);
		if (!drv->remove)
			return -EBUSY;
		ks_log(6, "%s: unbinding %s", drv->driver.name, dev_name(&pdev->dev));
		drv->remove(pdev);
		pdev->dev.driver = NULL;
		pdev->dev.ks_match = NULL;
		pdev->dev.driver_data = NULL;
		return 0;
	}
	return -ENODEV;
}

/* ------------------------------------------------------------------ devices from the tree */

static int populate(struct device_node *bus)
{
	struct device_node *np;

	for (np = bus->child; np; np = np->sibling) {
		struct platform_device *pdev;

		if (!of_find_property(np, "compatible", NULL) || !of_device_is_available(np))
			continue;
		pdev = calloc(1, sizeof(*pdev));
		if (!pdev)
			return -ENOMEM;
		pdev->name = np->name;
		pdev->id = -1;
		pdev->ks_from_tree = true;
		pdev->dev.of_node = np;
		pdev->dev.bus = &platform_bus_type;
		INIT_LIST_HEAD(&pdev->dev.msi_list);
		set_name(pdev);
		list_add_tail(&pdev->dev.ks_node, &devices);
		pdev->ks_added = true;
		tree_devs++;
		if (of_device_is_compatible(np, "simple-bus") && populate(np))
			return -ENOMEM;
	}
	return 0;
}

int ks_platform_populate(void)
{
	INIT_LIST_HEAD(&devices);
	INIT_LIST_HEAD(&drivers);
	INIT_LIST_HEAD(&hose_list);
	tree_devs = 0;
	return ks_of_root() ? populate(ks_of_root()) : -EINVAL;
}

void ks_platform_release(void)
{
	struct platform_device *pdev, *n;

	list_for_each_entry_safe(pdev, n, &devices, dev.ks_node) {
		list_del(&pdev->dev.ks_node);
		if (pdev->ks_from_tree) {
			free(pdev->dev.iommu);
			free(pdev);
		}
	}
	INIT_LIST_HEAD(&drivers);
}

unsigned int ks_platform_dev_count(void)
{
	struct platform_device *pdev;
	unsigned int n = 0;

	list_for_each_entry(pdev, &devices, dev.ks_node)
		n++;
	return n;
}

void ks_platform_dev_info(unsigned int i, struct ks_dev_info *info)
{
	struct platform_device *pdev;

	memset(info, 0, sizeof(*info));
	list_for_each_entry(pdev, &devices, dev.ks_node) {
		if (i-- == 0) {
			info->path = pdev->dev.of_node ? pdev->dev.of_node->full_name : dev_name(&pdev->dev);
			info->driver = pdev->dev.driver ? pdev->dev.driver->name : NULL;
			return;
		}
	}
}
