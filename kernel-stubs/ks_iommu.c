/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * ks_iommu.c - a minimal IOMMU core: device registration and sysfs naming, groups, the domain a device
 * is attached to. Sources: kernel-surface.md 4 ("IOMMU core"), 5, 7.2.
 */
#include <stdlib.h>
#include <string.h>

#include <linux/kernel.h>
#include <linux/iommu.h>
#include <linux/slab.h>

#include "ks_priv.h"

struct iommu_group {
	int id;
	int refs;
	struct iommu_domain *domain;
	struct list_head link;
};

static LIST_HEAD(iommus);
static LIST_HEAD(groups);
static int group_ids;

int ks_iommu_device_sysfs_add(struct iommu_device *iommu, struct device *parent, const void *attr_groups,
			      const char *name, const char *file, const char *func, int line)
{
	if (ks_fallible("iommu_device_sysfs_add", file, func, line))
		return -ENOMEM;
	iommu->ks_name = name;
	iommu->ks_sysfs = true;
	return 0;
}

void iommu_device_sysfs_remove(struct iommu_device *iommu)
{
	iommu->ks_sysfs = false;
}

int ks_iommu_device_register(struct iommu_device *iommu, const struct iommu_ops *ops, struct device *hwdev,
			     const char *file, const char *func, int line)
{
	if (ks_fallible("iommu_device_register", file, func, line))
		return -ENOMEM;
	if (ops)
		iommu->ops = ops;
	iommu->dev = hwdev;
	list_add_tail(&iommu->list, &iommus);
	return 0;
}

void iommu_device_unregister(struct iommu_device *iommu)
{
	list_del(&iommu->list);
}

#if !KS_V(5, 11)
int bus_set_iommu(struct bus_type *bus, const struct iommu_ops *ops)
{
	return 0;
}
#endif

struct iommu_group *ks_iommu_group_alloc(const char *file, const char *func, int line)
{
	struct iommu_group *g;

	if (ks_fallible("iommu_group_alloc", file, func, line))
		return ERR_PTR(-ENOMEM);
	g = calloc(1, sizeof(*g));
	if (!g)
		return ERR_PTR(-ENOMEM);
	g->id = group_ids++;
	g->refs = 1;
	list_add_tail(&g->link, &groups);
	return g;
}

struct iommu_group *iommu_group_get(struct device *dev)
{
	struct iommu_group *g = dev->iommu_group;

	if (g)
		g->refs++;
	return g;
}

void iommu_group_put(struct iommu_group *group)
{
	if (group)
		group->refs--;
}

int iommu_group_add_device(struct iommu_group *group, struct device *dev)
{
	dev->iommu_group = group;
	group->refs++;
	return 0;
}

void iommu_group_remove_device(struct device *dev)
{
	if (dev->iommu_group)
		dev->iommu_group->refs--;
	dev->iommu_group = NULL;
}

struct iommu_group *generic_device_group(struct device *dev)
{
	return ks_iommu_group_alloc(__FILE__, __func__, __LINE__);
}

struct iommu_group *pci_device_group(struct device *dev)
{
	return ks_iommu_group_alloc(__FILE__, __func__, __LINE__);
}

struct iommu_domain *iommu_get_domain_for_dev(struct device *dev)
{
	return dev->iommu_group ? dev->iommu_group->domain : NULL;
}

void ks_iommu_release(void)
{
	struct iommu_group *g, *n;

	list_for_each_entry_safe(g, n, &groups, link) {
		list_del(&g->link);
		free(g);
	}
	INIT_LIST_HEAD(&iommus);
	group_ids = 0;
}
