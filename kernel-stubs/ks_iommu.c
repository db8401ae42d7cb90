/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * ks_iommu.c - a minimal IOMMU core: device registration and sysfs naming, groups, the domain a device
 * is attached to, and the domain API kernel users call (6.x: attach/detach, stash, iova_to_phys; 5.10 also
 * the attributes and window enable/disable). Sources: kernel-surface.md 4 ("IOMMU core"), 5, 7.2, 11.
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
	int ndev;			/* devices in the group (5.10's attach wants exactly one) */
	struct device *devs[8];		/* the first 8 of them (iommu_attach_group walks them) */
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
int ks_bus_set_iommu(struct bus_type *bus, const struct iommu_ops *ops, const char *file, const char *func,
		     int line)
{
	/* fallible like the kernel's (it can fail on the bus notifier); 5.10's driver ignores the result */
	if (ks_fallible("bus_set_iommu", file, func, line))
		return -ENOMEM;
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
	if (group->ndev < 8)
		group->devs[group->ndev] = dev;
	group->ndev++;
	return 0;
}

void iommu_group_remove_device(struct device *dev)
{
	if (dev->iommu_group) {
		struct iommu_group *g = dev->iommu_group;
		int i;

		for (i = 0; i < 8 && i < g->ndev; i++)
			if (g->devs[i] == dev) {
				memmove(&g->devs[i], &g->devs[i + 1], (size_t)(7 - i) * sizeof(g->devs[0]));
				g->devs[7] = NULL;
				break;
			}
		g->refs--;
		g->ndev--;
	}
	dev->iommu_group = NULL;
}

#undef generic_device_group
#undef pci_device_group
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

static void domains_release(void);

void ks_iommu_release(void)
{
	domains_release();
	struct iommu_group *g, *n;

	list_for_each_entry_safe(g, n, &groups, link) {
		list_del(&g->link);
		free(g);
	}
	INIT_LIST_HEAD(&iommus);
	group_ids = 0;
}

/* ------------------------------------------------------------ the core's domain API (M4, M5) */

#include <linux/pci.h>
#include <linux/platform_device.h>
#include <asm/fsl_pamu_stash.h>

#define KS_MAX_DOMAINS 64

static struct iommu_domain *domains[KS_MAX_DOMAINS];

static const struct iommu_ops *pamu_ops(void)
{
	struct iommu_device *i;

	list_for_each_entry(i, &iommus, list)
		if (i->ops)
			return i->ops;
	return NULL;
}

/* A device by tree path, or "pci:<n>" for the endpoint behind host bridge n. */
static struct device *find_dev(const char *path)
{
	struct device_node *np;
	struct platform_device *pdev;

	if (!path)
		return NULL;
	if (!strncmp(path, "pci:", 4)) {
		struct pci_dev *p = ks_pci_endpoint((unsigned int)strtoul(path + 4, NULL, 0));

		return p ? &p->dev : NULL;
	}
	np = of_find_node_by_path(path);
	if (!np)
		return NULL;
	pdev = of_find_device_by_node(np);
	of_node_put(np);
	return pdev ? &pdev->dev : NULL;
}

/* The core's probe of a device (once): dev_iommu, probe_device, device_group; 6.12 then attaches the
 * driver's static platform domain, as iommu_probe_device does for a default domain. A PCI endpoint's
 * controller is probed first (the platform bus is set up before PCI enumerates): the driver's
 * device_group for the endpoint then takes the controller out of its group, with BRR1 >= 0x0204 giving
 * the endpoint a group of its own, below that handing it the controller's group. */
static int probe_dev(const struct iommu_ops *ops, struct device *dev)
{
	struct iommu_device *idev;
	struct iommu_group *g;
	int ret;

	if (dev->iommu_group)
		return 0;
	if (dev->iommu && dev->iommu->iommu_dev)
		return -ENODEV;	/* probed, then taken out of its group (a PCIe controller): no group, no attach */
	if (dev_is_pci(dev) && dev->parent) {
		ret = probe_dev(ops, dev->parent);	/* the controller first (its group may be shared) */
		if (ret && ret != -ENODEV)
			return ret;
	}
	if (!dev->iommu) {
		dev->iommu = calloc(1, sizeof(*dev->iommu));
		if (!dev->iommu)
			return -ENOMEM;
	}
	idev = ops->probe_device(dev);
	if (IS_ERR(idev))
		return (int)PTR_ERR(idev);
	dev->iommu->iommu_dev = idev;
	g = ops->device_group(dev);
	if (IS_ERR_OR_NULL(g))
		return g ? (int)PTR_ERR(g) : -ENODEV;
	if (!dev->iommu_group)
		iommu_group_add_device(g, dev);
	iommu_group_put(g);
#if KS_V(6, 4)
	if (ops->default_domain && !dev->iommu_group->domain) {
		ret = ops->default_domain->ops->attach_dev(ops->default_domain, dev);
		if (ret)
			return ret;
		dev->iommu_group->domain = ops->default_domain;
	}
#endif
	return 0;
}

int ks_iommu_domain_alloc(void)
{
	const struct iommu_ops *ops = pamu_ops();
	struct iommu_domain *d;
	int id;

	if (!ops || !ops->domain_alloc)
		return -ENODEV;
	for (id = 0; id < KS_MAX_DOMAINS && domains[id]; id++)
		;
	if (id == KS_MAX_DOMAINS)
		return -ENOSPC;
	d = ops->domain_alloc(IOMMU_DOMAIN_UNMANAGED);
	if (!d)
		return -ENOMEM;
	/* what the core does after domain_alloc (kernel-surface.md 10.6) */
	d->type = IOMMU_DOMAIN_UNMANAGED;
#if KS_V(5, 19)
	d->owner = ops;
	if (!d->ops)
		d->ops = ops->default_domain_ops;
	if (!d->pgsize_bitmap)
		d->pgsize_bitmap = ops->pgsize_bitmap;
#else
	d->ops = ops;			/* 5.10: the bus's ops serve the domain too */
	d->pgsize_bitmap = ops->pgsize_bitmap;
#endif
	domains[id] = d;
	return id;
}

static struct iommu_domain *dom(int id)
{
	return id >= 0 && id < KS_MAX_DOMAINS ? domains[id] : NULL;
}

int ks_iommu_domain_free(int id)
{
	struct iommu_domain *d = dom(id);
	struct iommu_group *g;

	if (!d)
		return -EINVAL;
	list_for_each_entry(g, &groups, link)
		if (g->domain == d)
			return -EBUSY;	/* the core never frees an attached domain */
#if KS_V(5, 19)
	d->ops->free(d);
#else
	d->ops->domain_free(d);
#endif
	domains[id] = NULL;
	return 0;
}

int ks_iommu_attach(int id, const char *path)
{
	const struct iommu_ops *ops = pamu_ops();
	struct iommu_domain *d = dom(id);
	struct device *dev = find_dev(path);
	int ret;

	if (!d || !dev || !ops)
		return -EINVAL;
	ret = probe_dev(ops, dev);
	if (ret)
		return ret;
#if !KS_V(5, 11)
	/* 5.10 attaches a group of exactly one device, and has no default domain here (the driver
	 * allocates only UNMANAGED ones), so it neither refuses a device attached elsewhere nor skips a
	 * repeated attach: the driver sees both (kernel-surface.md 11). */
	if (dev->iommu_group->ndev != 1)
		return -EINVAL;
	if (!d->ops->attach_dev)
		return -ENODEV;
#else
	if (dev->iommu_group->domain == d)
		return 0;
	if (dev->iommu_group->domain && dev->iommu_group->domain->type != IOMMU_DOMAIN_PLATFORM)
		return -EBUSY;	/* owned by another unmanaged domain: the core refuses */
#endif
	ret = d->ops->attach_dev(d, dev);
	if (ret)
		return ret;
	dev->iommu_group->domain = d;
	return 0;
}

int ks_iommu_detach(int id, const char *path)
{
	const struct iommu_ops *ops = pamu_ops();
	struct iommu_domain *d = dom(id);
	struct device *dev = find_dev(path);

	if (!d || !dev || !ops || !dev->iommu_group || dev->iommu_group->domain != d)
		return -EINVAL;	/* the core WARNs and ignores a detach from a domain not attached */
#if KS_V(6, 4)
	{
		/* the core re-attaches the platform domain; its attach_dev asks for the current domain,
		 * which must still be d (kernel-surface.md 7.2) */
		int ret = ops->default_domain->ops->attach_dev(ops->default_domain, dev);

		if (ret)
			return ret;
		dev->iommu_group->domain = ops->default_domain;
	}
#else
	d->ops->detach_dev(d, dev);
	dev->iommu_group->domain = NULL;
#endif
	return 0;
}

int ks_iommu_configure_stash(int id, unsigned int cpu)
{
	struct iommu_domain *d = dom(id);

	if (!d)
		return -EINVAL;
#if defined(KS_NO_DRIVERS) || !KS_V(5, 19)
	return -ENOSYS;	/* the stubs alone (unit tests): no driver to call; 5.10: the STASH attribute */
#else
	return fsl_pamu_configure_l1_stash(d, cpu);
#endif
}

int ks_iommu_iova_to_phys(int id, uint64_t iova, uint64_t *phys)
{
	struct iommu_domain *d = dom(id);

	if (!d || !d->ops->iova_to_phys)
		return -EINVAL;
	*phys = d->ops->iova_to_phys(d, iova);
	return 0;
}

#if !KS_V(5, 11)
/* 5.10's iommu_domain_set_attr: every attribute goes to the driver (-EINVAL without the callback). */
static int set_attr(struct iommu_domain *d, enum iommu_attr attr, void *data)
{
	if (!d->ops->domain_set_attr)
		return -EINVAL;
	return d->ops->domain_set_attr(d, attr, data);
}

/* 5.10's iommu_domain_get_attr: the core answers GEOMETRY (and PAGING) itself. */
static int get_attr(struct iommu_domain *d, enum iommu_attr attr, void *data)
{
	if (attr == DOMAIN_ATTR_GEOMETRY) {
		*(struct iommu_domain_geometry *)data = d->geometry;
		return 0;
	}
	if (!d->ops->domain_get_attr)
		return -EINVAL;
	return d->ops->domain_get_attr(d, attr, data);
}

int ks_iommu_set_attr(int id, int attr, const struct ks_iommu_attr_val *v)
{
	struct iommu_domain *d = dom(id);
	struct iommu_domain_geometry geo;
	struct pamu_stash_attribute st;
	u32 cnt;
	int en;

	if (!d || !v)
		return -EINVAL;
	switch (attr) {
	case KS_IOMMU_ATTR_GEOMETRY:
		geo.aperture_start = v->aperture_start;
		geo.aperture_end = v->aperture_end;
		geo.force_aperture = v->force_aperture;
		return set_attr(d, DOMAIN_ATTR_GEOMETRY, &geo);
	case KS_IOMMU_ATTR_WINDOWS:
		cnt = v->windows;
		return set_attr(d, DOMAIN_ATTR_WINDOWS, &cnt);
	case KS_IOMMU_ATTR_FSL_PAMU_STASH:
		st.cpu = v->stash_cpu;
		st.cache = v->stash_cache;
		return set_attr(d, DOMAIN_ATTR_FSL_PAMU_STASH, &st);
	case KS_IOMMU_ATTR_FSL_PAMU_ENABLE:
		en = v->enable;
		return set_attr(d, DOMAIN_ATTR_FSL_PAMU_ENABLE, &en);
	case KS_IOMMU_ATTR_FSL_PAMUV1:
		en = v->pamuv1;
		return set_attr(d, DOMAIN_ATTR_FSL_PAMUV1, &en);	/* the driver refuses it */
	default:
		return -EINVAL;
	}
}

int ks_iommu_get_attr(int id, int attr, struct ks_iommu_attr_val *v)
{
	struct iommu_domain *d = dom(id);
	struct iommu_domain_geometry geo;
	struct pamu_stash_attribute st;
	u32 cnt;
	int val, ret;

	if (!d || !v)
		return -EINVAL;
	switch (attr) {
	case KS_IOMMU_ATTR_GEOMETRY:
		ret = get_attr(d, DOMAIN_ATTR_GEOMETRY, &geo);
		if (!ret) {
			v->aperture_start = geo.aperture_start;
			v->aperture_end = geo.aperture_end;
			v->force_aperture = geo.force_aperture;
		}
		return ret;
	case KS_IOMMU_ATTR_WINDOWS:
		ret = get_attr(d, DOMAIN_ATTR_WINDOWS, &cnt);
		if (!ret)
			v->windows = cnt;
		return ret;
	case KS_IOMMU_ATTR_FSL_PAMU_STASH:
		ret = get_attr(d, DOMAIN_ATTR_FSL_PAMU_STASH, &st);
		if (!ret) {
			v->stash_cpu = st.cpu;
			v->stash_cache = st.cache;
		}
		return ret;
	case KS_IOMMU_ATTR_FSL_PAMU_ENABLE:
		ret = get_attr(d, DOMAIN_ATTR_FSL_PAMU_ENABLE, &val);
		if (!ret)
			v->enable = val;
		return ret;
	case KS_IOMMU_ATTR_FSL_PAMUV1:
		ret = get_attr(d, DOMAIN_ATTR_FSL_PAMUV1, &val);
		if (!ret)
			v->pamuv1 = val;
		return ret;
	default:
		return -EINVAL;
	}
}

/* 5.10's iommu_domain_window_enable / _disable: -ENODEV (enable) or nothing (disable) without the op. */
int ks_iommu_window_enable(int id, uint32_t wnd, uint64_t paddr, uint64_t size, int prot)
{
	struct iommu_domain *d = dom(id);
	int kprot = 0;

	if (!d)
		return -EINVAL;
	if (!d->ops->domain_window_enable)
		return -ENODEV;
	if (prot & KS_IOMMU_READ)
		kprot |= IOMMU_READ;
	if (prot & KS_IOMMU_WRITE)
		kprot |= IOMMU_WRITE;
	return d->ops->domain_window_enable(d, wnd, paddr, size, kprot);
}

int ks_iommu_window_disable(int id, uint32_t wnd)
{
	struct iommu_domain *d = dom(id);

	if (!d)
		return -EINVAL;
	if (d->ops->domain_window_disable)
		d->ops->domain_window_disable(d, wnd);
	return 0;
}
#else
int ks_iommu_set_attr(int id, int attr, const struct ks_iommu_attr_val *v) { return -ENOSYS; }
int ks_iommu_get_attr(int id, int attr, struct ks_iommu_attr_val *v) { return -ENOSYS; }
int ks_iommu_window_enable(int id, uint32_t wnd, uint64_t paddr, uint64_t size, int prot) { return -ENOSYS; }
int ks_iommu_window_disable(int id, uint32_t wnd) { return -ENOSYS; }
#endif

/* The core's capability query: 6.x device_iommu_capable(dev, cap) asks the device's IOMMU (probing it as
 * the core has by then), 5.10 iommu_capable(bus, cap) asks the bus's ops; no op means false. */
int ks_iommu_capable(const char *path, int cap, bool *result)
{
	static const enum iommu_cap caps[KS_IOMMU_CAP_COUNT] = {
		[KS_IOMMU_CAP_CACHE_COHERENCY] = IOMMU_CAP_CACHE_COHERENCY,
		[KS_IOMMU_CAP_INTR_REMAP] = IOMMU_CAP_INTR_REMAP,
		[KS_IOMMU_CAP_NOEXEC] = IOMMU_CAP_NOEXEC,
	};
	const struct iommu_ops *ops = pamu_ops();
	struct device *dev = find_dev(path);

	*result = false;
	if (cap < 0 || cap >= KS_IOMMU_CAP_COUNT)
		return -EINVAL;
	if (!dev)
		return -ENODEV;
	if (!ops || !ops->capable)
		return 0;
#if KS_V(6, 0)
	if (probe_dev(ops, dev))
		return 0;	/* a device without an IOMMU group is not capable of anything */
	*result = ops->capable(dev, caps[cap]);
#else
	*result = ops->capable(caps[cap]);
#endif
	return 0;
}

/* The group of a device (tree path or "pci:<n>"), probing it first as the core has by then (VFIO). */
struct iommu_group *ks_iommu_dev_group(const char *path, int *err)
{
	const struct iommu_ops *ops = pamu_ops();
	struct device *dev = find_dev(path);
	int ret;

	*err = 0;
	if (!dev) {
		*err = -ENODEV;
		return NULL;
	}
	if (!ops) {
		*err = -ENODEV;
		return NULL;
	}
	ret = probe_dev(ops, dev);
	if (ret || !dev->iommu_group) {
		*err = ret ? ret : -ENODEV;
		return NULL;
	}
	return dev->iommu_group;
}

int ks_iommu_group_id(const struct iommu_group *g)
{
	return g ? g->id : -1;
}

#if !KS_V(5, 11)
/* ------------------------------------------------------------ 5.10's core API as kernel code calls it
 * (the VFIO-PAMU backend): iommu_present, iommu_domain_alloc(bus), attach/detach of a group, iova_to_phys,
 * the attributes and windows. Same checks as the host entry points above. */

bool iommu_present(struct bus_type *bus)
{
	return pamu_ops() != NULL;
}

struct iommu_domain *iommu_domain_alloc(struct bus_type *bus)
{
	int id = ks_iommu_domain_alloc();

	return id < 0 ? NULL : domains[id];
}

static int dom_id(struct iommu_domain *d)
{
	int id;

	for (id = 0; id < KS_MAX_DOMAINS; id++)
		if (d && domains[id] == d)
			return id;
	return -1;
}

void iommu_domain_free(struct iommu_domain *domain)
{
	int id = dom_id(domain);

	if (id < 0) {
		ks_finding(KS_FINDING_MISUSE, NULL, __func__, 0, "iommu_domain_free of an unknown domain");
		return;
	}
	/* the kernel's iommu_domain_free does not check attachments: it frees */
	domain->ops->domain_free(domain);
	domains[id] = NULL;
}

/* 5.10's __iommu_attach_group: a group with a default domain in use elsewhere is -EBUSY; then every
 * device of the group is attached (the first error ends it). */
int iommu_attach_group(struct iommu_domain *domain, struct iommu_group *group)
{
	int i, ret;

	if (!domain || !group)
		return -EINVAL;
	if (!domain->ops->attach_dev)
		return -ENODEV;
	for (i = 0; i < group->ndev && i < 8; i++) {
		ret = domain->ops->attach_dev(domain, group->devs[i]);
		if (ret)
			return ret;
	}
	group->domain = domain;
	return 0;
}

void iommu_detach_group(struct iommu_domain *domain, struct iommu_group *group)
{
	int i;

	if (!domain || !group)
		return;
	if (group->domain != domain) {
		ks_finding(KS_FINDING_WARN, NULL, __func__, 0, "iommu_detach_group of a group not attached to the domain");
		return;
	}
	for (i = 0; i < group->ndev && i < 8; i++)
		if (domain->ops->detach_dev)
			domain->ops->detach_dev(domain, group->devs[i]);
	group->domain = NULL;
}

phys_addr_t iommu_iova_to_phys(struct iommu_domain *domain, dma_addr_t iova)
{
	if (!domain || !domain->ops->iova_to_phys)
		return 0;
	return domain->ops->iova_to_phys(domain, iova);
}

int iommu_domain_set_attr(struct iommu_domain *domain, enum iommu_attr attr, void *data)
{
	return set_attr(domain, attr, data);
}

int iommu_domain_get_attr(struct iommu_domain *domain, enum iommu_attr attr, void *data)
{
	return get_attr(domain, attr, data);
}

int iommu_domain_window_enable(struct iommu_domain *domain, u32 wnd_nr, phys_addr_t paddr, u64 size, int prot)
{
	if (!domain->ops->domain_window_enable)
		return -ENODEV;
	return domain->ops->domain_window_enable(domain, wnd_nr, paddr, size, prot);
}

void iommu_domain_window_disable(struct iommu_domain *domain, u32 wnd_nr)
{
	if (domain->ops->domain_window_disable)
		domain->ops->domain_window_disable(domain, wnd_nr);
}
#endif

static void domains_release(void)
{
	memset(domains, 0, sizeof(domains));
}
