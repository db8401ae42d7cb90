/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * linux/iommu.h (stub) - the IOMMU core's types and calls as each version's PAMU driver sees them
 * (kernel-surface.md 4 "IOMMU core" and 5): 5.10 one iommu_ops with 13 callbacks and domain attributes;
 * 6.1 iommu_ops + iommu_domain_ops; 6.12 adds the static platform domain (IOMMU_DOMAIN_PLATFORM).
 */
#ifndef KS_LINUX_IOMMU_H
#define KS_LINUX_IOMMU_H

#include <linux/kernel.h>
#include <linux/device.h>
#include <linux/of.h>

#define IOMMU_READ (1 << 0)
#define IOMMU_WRITE (1 << 1)
#define IOMMU_CACHE (1 << 2)
#define IOMMU_NOEXEC (1 << 3)
#define IOMMU_MMIO (1 << 4)

#define __IOMMU_DOMAIN_PAGING (1U << 0)
#define __IOMMU_DOMAIN_DMA_API (1U << 1)
#define __IOMMU_DOMAIN_PT (1U << 2)
#define __IOMMU_DOMAIN_DMA_FQ (1U << 3)
#define IOMMU_DOMAIN_BLOCKED (0U)
#define IOMMU_DOMAIN_IDENTITY (__IOMMU_DOMAIN_PT)
#define IOMMU_DOMAIN_UNMANAGED (__IOMMU_DOMAIN_PAGING)
#define IOMMU_DOMAIN_DMA (__IOMMU_DOMAIN_PAGING | __IOMMU_DOMAIN_DMA_API)
#define IOMMU_DOMAIN_PLATFORM (1U << 5)
#define IOMMU_DOMAIN_PAGING (__IOMMU_DOMAIN_PAGING)

enum iommu_cap {
	IOMMU_CAP_CACHE_COHERENCY,
	IOMMU_CAP_INTR_REMAP,
	IOMMU_CAP_NOEXEC,
	IOMMU_CAP_PRE_BOOT_PROTECTION,
	IOMMU_CAP_ENFORCE_CACHE_COHERENCY,
	IOMMU_CAP_DEFERRED_FLUSH,
	IOMMU_CAP_DIRTY_TRACKING,
};

#if !KS_V(5, 11)
enum iommu_attr {
	DOMAIN_ATTR_GEOMETRY,
	DOMAIN_ATTR_PAGING,
	DOMAIN_ATTR_WINDOWS,
	DOMAIN_ATTR_FSL_PAMU_STASH,
	DOMAIN_ATTR_FSL_PAMU_ENABLE,
	DOMAIN_ATTR_FSL_PAMUV1,
	DOMAIN_ATTR_NESTING,
	DOMAIN_ATTR_DMA_USE_FLUSH_QUEUE,
	DOMAIN_ATTR_IO_PGTABLE_CFG,
	DOMAIN_ATTR_MAX,
};
#endif

struct iommu_domain_geometry {
	dma_addr_t aperture_start;
	dma_addr_t aperture_end;
	bool force_aperture;
};

struct iommu_ops;
struct iommu_domain_ops;
struct iommu_group;

struct iommu_domain {
	unsigned int type;
#if KS_V(5, 19)
	const struct iommu_domain_ops *ops;
#else
	const struct iommu_ops *ops;
#endif
	const struct iommu_ops *owner;
	unsigned long pgsize_bitmap;
	struct iommu_domain_geometry geometry;
	void *iova_cookie;
};

struct iommu_device {
	struct list_head list;
	const struct iommu_ops *ops;
	struct device *dev;
	const char *ks_name;
	bool ks_sysfs;
};

#if KS_V(5, 19)
struct iommu_domain_ops {
	int (*attach_dev)(struct iommu_domain *domain, struct device *dev);
#if !KS_V(6, 5)
	void (*detach_dev)(struct iommu_domain *domain, struct device *dev);
#endif
	int (*set_dev_pasid)(struct iommu_domain *domain, struct device *dev, unsigned long pasid);
	phys_addr_t (*iova_to_phys)(struct iommu_domain *domain, dma_addr_t iova);
	bool (*enforce_cache_coherency)(struct iommu_domain *domain);
	void (*free)(struct iommu_domain *domain);
};
#endif

struct iommu_ops {
#if KS_V(6, 4)
	struct iommu_domain *default_domain;
#endif
#if KS_V(6, 0)
	bool (*capable)(struct device *dev, enum iommu_cap);
#else
	bool (*capable)(enum iommu_cap);
#endif
	struct iommu_domain *(*domain_alloc)(unsigned int iommu_domain_type);
#if !KS_V(5, 19)
	void (*domain_free)(struct iommu_domain *);
	int (*attach_dev)(struct iommu_domain *domain, struct device *dev);
	void (*detach_dev)(struct iommu_domain *domain, struct device *dev);
	phys_addr_t (*iova_to_phys)(struct iommu_domain *domain, dma_addr_t iova);
#endif
	struct iommu_device *(*probe_device)(struct device *dev);
	void (*release_device)(struct device *dev);
	struct iommu_group *(*device_group)(struct device *dev);
#if !KS_V(5, 11)
	int (*domain_get_attr)(struct iommu_domain *domain, enum iommu_attr attr, void *data);
	int (*domain_set_attr)(struct iommu_domain *domain, enum iommu_attr attr, void *data);
	int (*domain_window_enable)(struct iommu_domain *domain, u32 wnd_nr, phys_addr_t paddr, u64 size, int prot);
	void (*domain_window_disable)(struct iommu_domain *domain, u32 wnd_nr);
#endif
#if KS_V(5, 19)
	const struct iommu_domain_ops *default_domain_ops;
#endif
	unsigned long pgsize_bitmap;
	struct module *owner;
};

int ks_iommu_device_sysfs_add(struct iommu_device *iommu, struct device *parent, const void *groups,
			      const char *name, const char *file, const char *func, int line);
#define iommu_device_sysfs_add(iommu, parent, groups, fmt, ...)                                \
	ks_iommu_device_sysfs_add(iommu, parent, groups, fmt, __FILE__, __func__, __LINE__)
void iommu_device_sysfs_remove(struct iommu_device *iommu);
#if KS_V(5, 11)
int ks_iommu_device_register(struct iommu_device *iommu, const struct iommu_ops *ops, struct device *hwdev,
			     const char *file, const char *func, int line);
#define iommu_device_register(iommu, ops, hwdev)                                               \
	ks_iommu_device_register(iommu, ops, hwdev, __FILE__, __func__, __LINE__)
#else
int ks_iommu_device_register(struct iommu_device *iommu, const struct iommu_ops *ops, struct device *hwdev,
			     const char *file, const char *func, int line);
#define iommu_device_register(iommu) ks_iommu_device_register(iommu, NULL, NULL, __FILE__, __func__, __LINE__)
static inline void iommu_device_set_ops(struct iommu_device *iommu, const struct iommu_ops *ops)
{
	iommu->ops = ops;
}
int ks_bus_set_iommu(struct bus_type *bus, const struct iommu_ops *ops, const char *file, const char *func,
		     int line);
#define bus_set_iommu(bus, ops) ks_bus_set_iommu(bus, ops, __FILE__, __func__, __LINE__)
#endif
void iommu_device_unregister(struct iommu_device *iommu);

struct iommu_group *iommu_group_get(struct device *dev);
void iommu_group_put(struct iommu_group *group);
struct iommu_group *ks_iommu_group_alloc(const char *file, const char *func, int line);
#define iommu_group_alloc() ks_iommu_group_alloc(__FILE__, __func__, __LINE__)
int iommu_group_add_device(struct iommu_group *group, struct device *dev);
void iommu_group_remove_device(struct device *dev);
struct iommu_group *generic_device_group(struct device *dev);
struct iommu_group *pci_device_group(struct device *dev);
/* called from driver code: the group allocation is fallible at the driver's call site (fail-nth) */
#define generic_device_group(dev) ks_iommu_group_alloc(__FILE__, __func__, __LINE__)
#define pci_device_group(dev) ks_iommu_group_alloc(__FILE__, __func__, __LINE__)
struct iommu_domain *iommu_get_domain_for_dev(struct device *dev);

#if !KS_V(5, 11)
/* 5.10's core API as kernel users call it (the VFIO-PAMU backend). */
bool iommu_present(struct bus_type *bus);
struct iommu_domain *iommu_domain_alloc(struct bus_type *bus);
void iommu_domain_free(struct iommu_domain *domain);
int iommu_attach_group(struct iommu_domain *domain, struct iommu_group *group);
void iommu_detach_group(struct iommu_domain *domain, struct iommu_group *group);
phys_addr_t iommu_iova_to_phys(struct iommu_domain *domain, dma_addr_t iova);
int iommu_domain_set_attr(struct iommu_domain *domain, enum iommu_attr attr, void *data);
int iommu_domain_get_attr(struct iommu_domain *domain, enum iommu_attr attr, void *data);
int iommu_domain_window_enable(struct iommu_domain *domain, u32 wnd_nr, phys_addr_t paddr, u64 size, int prot);
void iommu_domain_window_disable(struct iommu_domain *domain, u32 wnd_nr);
#endif

static inline void *dev_iommu_priv_get(struct device *dev)
{
	return dev->iommu ? dev->iommu->priv : NULL;
}
/* Dereferences dev->iommu unconditionally, as the kernel does (kernel-surface.md 10.6). */
static inline void dev_iommu_priv_set(struct device *dev, void *priv)
{
	dev->iommu->priv = priv;
}



#endif
