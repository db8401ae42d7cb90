// SPDX-License-Identifier: BSD-2-Clause
/*
 * ks_vfio.c - the VFIO core as an IOMMU backend sees it: IOMMU-driver registration, containers (SET_IOMMU
 * with a type: the first registered backend that claims the extension opens it), groups added by device
 * (attach_group), the container ioctls with their arguments built in the simulated process's memory (the
 * backend copy_from_user()s them), release (detach every group, then the backend's release). The MSI-region
 * answers come from kernel-stubs/shim/fsl_msi.c. Facts: ../shared/third-party/nxp-vfio-pamu/ORIGIN.md
 * (2-argument attach_group, ioctl numbers and structs as the backend uses them). Choices: docs/vfio.md.
 */
#include <string.h>

#include <linux/kernel.h>
#include <linux/iommu.h>
#include <linux/vfio.h>
#include <asm/fsl_msi.h>

#include "ks_priv.h"

#define KS_VFIO_DRIVERS 4
#define KS_VFIO_CONTAINERS 16
#define KS_VFIO_GROUPS 8
#define KS_VFIO_ARGS_SIZE 4096u	/* the user page ioctl arguments are built in */

static const struct vfio_iommu_driver_ops *drivers[KS_VFIO_DRIVERS];

static struct ks_container {
	bool live;
	const struct vfio_iommu_driver_ops *ops;
	void *data;
	struct iommu_group *groups[KS_VFIO_GROUPS];
	unsigned int ngroups;
} containers[KS_VFIO_CONTAINERS];

static u64 args_va;		/* user address of the argument page, 0 before the first ioctl */

int vfio_register_iommu_driver(const struct vfio_iommu_driver_ops *ops)
{
	int i, free_slot = -1;

	for (i = 0; i < KS_VFIO_DRIVERS; i++) {
		if (drivers[i] == ops || (drivers[i] && !strcmp(drivers[i]->name, ops->name)))
			return -EEXIST;
		if (!drivers[i] && free_slot < 0)
			free_slot = i;
	}
	if (free_slot < 0)
		return -ENOSPC;
	drivers[free_slot] = ops;
	return 0;
}

void vfio_unregister_iommu_driver(const struct vfio_iommu_driver_ops *ops)
{
	int i;

	for (i = 0; i < KS_VFIO_DRIVERS; i++)
		if (drivers[i] == ops)
			drivers[i] = NULL;
}

/* The registered backend's name; before boot (its initcall registers it), the one built in, if any. */
const char *ks_vfio_backend(void)
{
	int i;

	for (i = 0; i < KS_VFIO_DRIVERS; i++)
		if (drivers[i])
			return drivers[i]->name;
#ifdef KS_VFIO_PAMU
	if (!ks.booted)
		return "vfio-iommu-fsl_pamu";
#endif
	return NULL;
}

/* Process exit: every live container is closed, as the kernel closes the files. */
void ks_vfio_release_all(void)
{
	int c;

	for (c = 0; c < KS_VFIO_CONTAINERS; c++)
		if (containers[c].live)
			ks_vfio_close(c);
	ks_mm_run_work();
}

void ks_vfio_release(void)
{
	memset(containers, 0, sizeof(containers));
	args_va = 0;
	/* drivers stay registered: the initcall ran once per load (like the drivers' static state) */
}

static struct ks_container *cont(int id)
{
	return id >= 0 && id < KS_VFIO_CONTAINERS && containers[id].live ? &containers[id] : NULL;
}

/* VFIO_SET_IOMMU: every registered backend that says it has the extension is tried in turn. */
int ks_vfio_open(u32 type, int *id)
{
	int i, c, ret = -ENODEV;

	for (c = 0; c < KS_VFIO_CONTAINERS && containers[c].live; c++)
		;
	if (c == KS_VFIO_CONTAINERS)
		return -ENOSPC;
	for (i = 0; i < KS_VFIO_DRIVERS; i++) {
		void *data;

		if (!drivers[i] || drivers[i]->ioctl(NULL, VFIO_CHECK_EXTENSION, type) <= 0)
			continue;
		data = drivers[i]->open(type);
		if (IS_ERR(data)) {
			ret = (int)PTR_ERR(data);
			continue;
		}
		memset(&containers[c], 0, sizeof(containers[c]));
		containers[c].live = true;
		containers[c].ops = drivers[i];
		containers[c].data = data;
		*id = c;
		return 0;
	}
	return ret;
}

static struct ks_container *group_owner(const struct iommu_group *g, unsigned int *idx)
{
	int c;
	unsigned int k;

	for (c = 0; c < KS_VFIO_CONTAINERS; c++)
		for (k = 0; containers[c].live && k < containers[c].ngroups; k++)
			if (containers[c].groups[k] == g) {
				*idx = k;
				return &containers[c];
			}
	return NULL;
}

/* VFIO_GROUP_SET_CONTAINER on a container whose IOMMU is set: the backend's attach_group at once. A group
 * already in a container is refused (-EINVAL), as the core's container_users check does. */
int ks_vfio_add_group(int id, const char *dev)
{
	struct ks_container *c = cont(id);
	struct iommu_group *g;
	unsigned int k;
	int err, ret;

	if (!c)
		return -EBADF;
	g = ks_iommu_dev_group(dev, &err);
	if (!g)
		return err;
	if (group_owner(g, &k))
		return -EINVAL;
	if (c->ngroups == KS_VFIO_GROUPS)
		return -ENOSPC;
	ret = c->ops->attach_group(c->data, g);
	if (ret)
		return ret;
	c->groups[c->ngroups++] = g;
	return 0;
}

int ks_vfio_remove_group(int id, const char *dev)
{
	struct ks_container *c = cont(id), *o;
	struct iommu_group *g;
	unsigned int k;
	int err;

	if (!c)
		return -EBADF;
	g = ks_iommu_dev_group(dev, &err);
	if (!g)
		return err;
	o = group_owner(g, &k);
	if (o != c)
		return -EINVAL;
	c->ops->detach_group(c->data, g);
	memmove(&c->groups[k], &c->groups[k + 1], (c->ngroups - k - 1) * sizeof(c->groups[0]));
	c->ngroups--;
	return 0;
}

/* The last file reference of the container goes: every group is unset (detach_group), then release. */
int ks_vfio_close(int id)
{
	struct ks_container *c = cont(id);

	if (!c)
		return -EBADF;
	while (c->ngroups) {
		c->ops->detach_group(c->data, c->groups[c->ngroups - 1]);
		c->ngroups--;
	}
	c->ops->release(c->data);
	c->live = false;
	return 0;
}

/* ------------------------------------------------------------------ ioctls */

static const unsigned int cmds[KS_VFIO_OP_COUNT] = {
	[KS_VFIO_CHECK_EXTENSION] = VFIO_CHECK_EXTENSION,
	[KS_VFIO_MAP_DMA] = VFIO_IOMMU_MAP_DMA,
	[KS_VFIO_UNMAP_DMA] = VFIO_IOMMU_UNMAP_DMA,
	[KS_VFIO_GET_ATTR] = VFIO_IOMMU_PAMU_GET_ATTR,
	[KS_VFIO_SET_ATTR] = VFIO_IOMMU_PAMU_SET_ATTR,
	[KS_VFIO_GET_MSI_BANK_COUNT] = VFIO_IOMMU_PAMU_GET_MSI_BANK_COUNT,
	[KS_VFIO_MAP_MSI_BANK] = VFIO_IOMMU_PAMU_MAP_MSI_BANK,
	[KS_VFIO_UNMAP_MSI_BANK] = VFIO_IOMMU_PAMU_UNMAP_MSI_BANK,
};

static u32 argsz_or(const struct ks_vfio_req *r, size_t own)
{
	return r->argsz ? r->argsz : (u32)own;
}

static void attr_from(const struct ks_vfio_req *r, struct vfio_pamu_attr *a)
{
	memset(a, 0, sizeof(*a));
	a->argsz = argsz_or(r, sizeof(*a));
	a->attribute = (u32)r->attr;
	switch (r->attr) {
	case KS_VFIO_ATTR_GEOMETRY:
		a->attr_info.attr.aperture_start = r->aperture_start;
		a->attr_info.attr.aperture_end = r->aperture_end;
		break;
	case KS_VFIO_ATTR_WINDOWS:
		a->attr_info.windows = r->windows;
		break;
	default:
		a->attr_info.stash.cpu = r->stash_cpu;
		a->attr_info.stash.cache = r->stash_cache;
		break;
	}
}

/* Build the argument in user memory, call the backend's ioctl as the core's container ioctl does (the
 * user pointer as the unsigned long arg), read the results back. */
int ks_vfio_ioctl(int id, struct ks_vfio_req *r, long *ret)
{
	struct ks_container *c = cont(id);
	union {
		struct vfio_iommu_type1_dma_map map;
		struct vfio_iommu_type1_dma_unmap unmap;
		struct vfio_pamu_attr attr;
		struct vfio_pamu_msi_bank_map mmap;
		struct vfio_pamu_msi_bank_unmap munmap;
	} u;
	size_t len = 0;
	unsigned long arg;
	int err;

	if (!c)
		return -EBADF;
	if ((unsigned int)r->op >= KS_VFIO_OP_COUNT)
		return -EINVAL;
	if (!args_va) {
		err = ks_mm_user_alloc(KS_VFIO_ARGS_SIZE, true, KS_VFIO_ARGS_SIZE, &args_va);
		if (err)
			return err;
	}
	memset(&u, 0, sizeof(u));
	switch (r->op) {
	case KS_VFIO_CHECK_EXTENSION:
	case KS_VFIO_GET_MSI_BANK_COUNT:
		break;
	case KS_VFIO_MAP_DMA:
		u.map.argsz = argsz_or(r, sizeof(u.map));
		u.map.flags = r->flags;
		u.map.vaddr = r->vaddr;
		u.map.iova = r->iova;
		u.map.size = r->size;
		len = sizeof(u.map);
		break;
	case KS_VFIO_UNMAP_DMA:
		u.unmap.argsz = argsz_or(r, sizeof(u.unmap));
		u.unmap.flags = r->flags;
		u.unmap.iova = r->iova;
		u.unmap.size = r->size;
		len = sizeof(u.unmap);
		break;
	case KS_VFIO_GET_ATTR:
	case KS_VFIO_SET_ATTR:
		attr_from(r, &u.attr);
		len = sizeof(u.attr);
		break;
	case KS_VFIO_MAP_MSI_BANK:
		u.mmap.argsz = argsz_or(r, sizeof(u.mmap));
		u.mmap.flags = r->flags;
		u.mmap.msi_bank_index = r->bank;
		u.mmap.iova = r->iova;
		len = sizeof(u.mmap);
		break;
	default:
		u.munmap.argsz = argsz_or(r, sizeof(u.munmap));
		u.munmap.iova = r->iova;
		len = sizeof(u.munmap);
		break;
	}
	if (len && ks_mm_user_rw(args_va, &u, len, true))
		return -EFAULT;
	if (r->op == KS_VFIO_CHECK_EXTENSION)
		arg = (unsigned long)r->arg;
	else if (r->bad_user_ptr)
		arg = 0x8;	/* never mapped: below the first user address */
	else
		arg = (unsigned long)args_va;
	*ret = c->ops->ioctl(c->data, cmds[r->op], arg);
	if (r->op == KS_VFIO_GET_ATTR && !r->bad_user_ptr && !ks_mm_user_rw(args_va, &u, len, false)) {
		r->aperture_start = u.attr.attr_info.attr.aperture_start;
		r->aperture_end = u.attr.attr_info.attr.aperture_end;
		if (r->attr == KS_VFIO_ATTR_WINDOWS)
			r->windows = u.attr.attr_info.windows;
		if (r->attr == KS_VFIO_ATTR_STASH) {
			r->stash_cpu = u.attr.attr_info.stash.cpu;
			r->stash_cache = u.attr.attr_info.stash.cache;
		}
	}
	return 0;
}

int ks_vfio_msi_region(unsigned int i, uint64_t *addr, uint64_t *size)
{
#ifdef KS_NO_DRIVERS
	return -ENODEV;	/* the stubs alone: no MSI driver */
#else
	struct msi_region reg;
	int ret;

	memset(&reg, 0, sizeof(reg));
	ret = fsl_msi_get_region((int)i, &reg);
	if (ret)
		return ret < 0 ? ret : -EINVAL;
	*addr = reg.addr;
	*size = reg.size;
	return 0;
#endif
}

int ks_vfio_msi_region_count(void)
{
#ifdef KS_NO_DRIVERS
	return 0;
#else
	return fsl_msi_get_region_count();
#endif
}
