/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * linux/vfio.h (stub) - the VFIO pieces NXP's out-of-tree PAMU backend (vfio_iommu_fsl_pamu.c) uses: the
 * type1 map/unmap uAPI, the PAMU additions of the QorIQ SDK kernels, and the core's IOMMU-driver ops.
 * Our own definitions: the field layout follows the backend's use of each field as
 * ../shared/third-party/nxp-vfio-pamu/ORIGIN.md lists it; the numbers are our choice (docs/vfio.md).
 */
#ifndef KS_LINUX_VFIO_H
#define KS_LINUX_VFIO_H

#include <linux/kernel.h>
#include <linux/iommu.h>

#ifndef offsetofend
#define offsetofend(type, member) (offsetof(type, member) + sizeof(((type *)0)->member))
#endif

/* ioctl numbers: the VFIO type character and base, one number per command */
#define VFIO_TYPE ';'
#define VFIO_BASE 100
#define KS_VFIO_IO(n) ((unsigned int)((VFIO_TYPE << 8) | (VFIO_BASE + (n))))

#define VFIO_GET_API_VERSION KS_VFIO_IO(0)
#define VFIO_CHECK_EXTENSION KS_VFIO_IO(1)
#define VFIO_SET_IOMMU KS_VFIO_IO(2)
#define VFIO_IOMMU_MAP_DMA KS_VFIO_IO(13)
#define VFIO_IOMMU_UNMAP_DMA KS_VFIO_IO(14)
/* the PAMU additions (numbers of our choice, past the upstream ones) */
#define VFIO_IOMMU_PAMU_GET_ATTR KS_VFIO_IO(60)
#define VFIO_IOMMU_PAMU_SET_ATTR KS_VFIO_IO(61)
#define VFIO_IOMMU_PAMU_GET_MSI_BANK_COUNT KS_VFIO_IO(62)
#define VFIO_IOMMU_PAMU_MAP_MSI_BANK KS_VFIO_IO(63)
#define VFIO_IOMMU_PAMU_UNMAP_MSI_BANK KS_VFIO_IO(64)

/* IOMMU types (extensions): type1 as upstream; the PAMU type a number upstream never used */
#define VFIO_TYPE1_IOMMU 1
#define VFIO_FSL_PAMU_IOMMU 20

struct vfio_iommu_type1_dma_map {
	__u32 argsz;
	__u32 flags;
#define VFIO_DMA_MAP_FLAG_READ (1 << 0)
#define VFIO_DMA_MAP_FLAG_WRITE (1 << 1)
	__u64 vaddr;
	__u64 iova;
	__u64 size;
};

struct vfio_iommu_type1_dma_unmap {
	__u32 argsz;
	__u32 flags;
	__u64 iova;
	__u64 size;
};

/* attribute ids of vfio_pamu_attr.attribute */
enum {
	VFIO_ATTR_GEOMETRY,
	VFIO_ATTR_WINDOWS,
	VFIO_ATTR_PAMU_STASH,
};

struct vfio_pamu_attr {
	__u32 argsz;
	__u32 attribute;
	union {
		struct {
			__u64 aperture_start;
			__u64 aperture_end;
		} attr;
		__u32 windows;
		struct {
			__u32 cpu;
			__u32 cache;
		} stash;
	} attr_info;
};

struct vfio_pamu_msi_bank_map {
	__u32 argsz;
	__u32 flags;
	__u32 msi_bank_index;
	__u32 ks_pad;
	__u64 iova;
};

struct vfio_pamu_msi_bank_unmap {
	__u32 argsz;
	__u32 ks_pad;
	__u64 iova;
};

/* The core's IOMMU-driver interface, 2-argument attach_group (the backend's era). */
struct module;
struct vfio_iommu_driver_ops {
	const char *name;
	struct module *owner;
	void *(*open)(unsigned long arg);
	void (*release)(void *iommu_data);
	long (*ioctl)(void *iommu_data, unsigned int cmd, unsigned long arg);
	int (*attach_group)(void *iommu_data, struct iommu_group *group);
	void (*detach_group)(void *iommu_data, struct iommu_group *group);
};

int vfio_register_iommu_driver(const struct vfio_iommu_driver_ops *ops);
void vfio_unregister_iommu_driver(const struct vfio_iommu_driver_ops *ops);

#endif
