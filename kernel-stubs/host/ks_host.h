/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * ks_host.h - the interface between a host program (tests, the pamusim runner) and one kernel variant
 * (libpamusim-linux-<name>.so): what the host gives the stubs (DRAM arena, MMIO seam, device tree,
 * SPR values) and the one symbol the variant exports (ks_get_api) with everything the host may call.
 *
 * No kernel type appears here, so this header is usable from the BSD-licensed host side and from C++.
 * Sources: ../shared/DESIGN.md (kernel-stubs), ../shared/spec/kernel-surface.md sections 6, 7, 10.
 * Behaviour and choices: docs/kernel-stubs.md.
 */
#ifndef KS_HOST_H
#define KS_HOST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define KS_ABI_VERSION 8u	/* 2: PCI/MSI entry points, 3: IOMMU entry points, 4: 5.10 windowed IOMMU API,
				 * 5: iommu_capable, 6: driver_unbind, 7: plant (test hook),
				 * 8: VFIO (user pool in ks_host, vfio_* in ks_api),
				 * appended to struct ks_api */

/* IOMMU capabilities a kernel user can ask about (the kernel's enum iommu_cap, by name). */
enum ks_iommu_cap {
	KS_IOMMU_CAP_CACHE_COHERENCY,
	KS_IOMMU_CAP_INTR_REMAP,
	KS_IOMMU_CAP_NOEXEC,
	KS_IOMMU_CAP_COUNT
};

/* What the host provides. Every callback receives ctx. */
struct ks_host {
	unsigned int abi_version;	/* KS_ABI_VERSION */
	void *ctx;

	/* The kernel's memory arena: a contiguous piece of simulated DRAM (host pointer + physical base);
	 * kmalloc, kmem_cache and alloc_pages are carved from it. */
	void *arena;
	uint64_t arena_phys;
	uint64_t arena_size;

	/* Host pointer of [phys, phys + len) if it is plain RAM (DRAM, or register RAM such as the LAW and
	 * CCF blocks), else NULL. ioremap of such a range returns this pointer (kernel-surface.md 10.4). */
	void *(*ram_ptr)(void *ctx, uint64_t phys, size_t len);
	/* CPU loads and stores to device registers (value semantics, no byte swap). Return 0 when the bus
	 * decoded the access, non-zero when nothing did (the load then reads all ones). */
	int (*mmio_load)(void *ctx, uint64_t phys, unsigned int size, uint64_t *val);
	int (*mmio_store)(void *ctx, uint64_t phys, unsigned int size, uint64_t val);

	/* The flattened device tree after the firmware fix-ups (read, not kept). */
	const void *fdt;
	size_t fdt_size;

	uint32_t svr, pvr;		/* mfspr(SPRN_SVR / SPRN_PVR) */
	uint64_t mpic_phys;		/* MPIC register block (IACK/EOI of CPU 0), 0 if none */

	/* Optional: every kernel log line (level 0 emerg .. 7 debug), already formatted, no newline. */
	void (*log)(void *ctx, int level, const char *line);

	/* ABI 8: simulated DRAM the simulated user process's pages come from (VFIO user memory), plain RAM
	 * reached through ram_ptr; size 0: no user memory. Must not overlap the arena. */
	uint64_t user_phys;
	uint64_t user_size;
};

enum ks_finding_kind {
	KS_FINDING_BUG,			/* BUG / BUG_ON / panic: the scenario ended */
	KS_FINDING_WARN,		/* WARN / WARN_ON */
	KS_FINDING_EMERG,		/* pr_emerg */
	KS_FINDING_UNREACHABLE,		/* a stub that must never be reached */
	KS_FINDING_LEAK,		/* allocation or reference still live at the end */
	KS_FINDING_DOUBLE_FREE,
	KS_FINDING_BAD_FREE,		/* free of something never allocated */
	KS_FINDING_LOCK,		/* lock imbalance */
	KS_FINDING_REFCOUNT,		/* of_node_put below zero and similar */
	KS_FINDING_MISUSE,		/* an API used against its contract (virt_to_phys of a non-DRAM pointer...) */
	KS_FINDING_KIND_COUNT
};

struct ks_finding {
	enum ks_finding_kind kind;
	const char *file;		/* source file of the call site (a real driver file where it applies) */
	const char *func;
	int line;
	char msg[256];
};

/* Allocator counters of the current run. */
struct ks_mem_stats {
	uint64_t allocs, frees;		/* successful calls */
	uint64_t live, live_bytes;	/* live now */
	uint64_t live_boot;		/* of live: made before the boot checkpoint (kept for the system's life) */
	uint64_t failed;		/* failed calls (arena exhausted or injected) */
	uint64_t arena_used;		/* bytes of the arena consumed (the allocator never reuses) */
};

/* A device the stubs created from the tree (platform bus). */
struct ks_dev_info {
	const char *path;
	const char *driver;		/* bound driver name or NULL */
};

/* One MSI vector of a simulated endpoint, as the MSI driver set it up. */
struct ks_msi_vec {
	unsigned int virq;
	uint32_t hwirq;			/* in the MSI bank's irq domain */
	uint64_t address;		/* the message the driver composed: PCI address of MSIIR ... */
	uint32_t data;			/* ... and the value to write there */
};

/* 5.10's domain attributes (enum iommu_attr), as ks_api.iommu_set_attr / iommu_get_attr take them. */
enum ks_iommu_attr {
	KS_IOMMU_ATTR_GEOMETRY,		/* aperture_start/end, force_aperture (get: served by the core) */
	KS_IOMMU_ATTR_WINDOWS,		/* windows: the window count (power of two, 1 = one window) */
	KS_IOMMU_ATTR_FSL_PAMU_STASH,	/* stash_cpu, stash_cache (1 L1, 2 L2, 3 L3) */
	KS_IOMMU_ATTR_FSL_PAMU_ENABLE,	/* enable: 1 sets V on every attached LIODN, 0 clears it */
	KS_IOMMU_ATTR_FSL_PAMUV1,	/* get only: pamuv1 = the driver's answer */
	KS_IOMMU_ATTR_COUNT
};

/* The value of one attribute: only the members of the attribute named are read or written. */
struct ks_iommu_attr_val {
	uint64_t aperture_start, aperture_end;
	bool force_aperture;
	uint32_t windows;
	uint32_t stash_cpu, stash_cache;
	int enable;
	int pamuv1;
};

#define KS_IOMMU_READ 1		/* window_enable prot: IOMMU_READ */
#define KS_IOMMU_WRITE 2	/* IOMMU_WRITE */

/* What ks_api.plant does (ABI 7). */
enum ks_plant {
	KS_PLANT_LEAK,			/* kmalloc after the boot checkpoint, never freed: leak at shutdown */
	KS_PLANT_DOUBLE_FREE,		/* kmalloc then kfree twice: double-free */
	KS_PLANT_LOCK_HELD,		/* spin_lock a stub-owned spinlock, left held until shutdown: lock */
	KS_PLANT_WARN,			/* WARN_ON(1) in a stub function: warn */
	KS_PLANT_BUG,			/* BUG() in a stub function: bug, the scenario ends (KS_DEAD) */
};

/* ---- ABI 8: VFIO (docs/vfio.md). A container is the VFIO core's container with an IOMMU backend set; its
 * calls run the backend's ops exactly as the VFIO core would, their arguments built in the simulated
 * process's memory (copy_from_user reads them there). */
enum ks_vfio_op {
	KS_VFIO_CHECK_EXTENSION,	/* arg: the extension (IOMMU type) */
	KS_VFIO_MAP_DMA,		/* flags, vaddr, iova, size */
	KS_VFIO_UNMAP_DMA,		/* flags, iova, size */
	KS_VFIO_GET_ATTR,		/* attr; out: aperture_start/end, windows, stash_cpu/cache */
	KS_VFIO_SET_ATTR,		/* attr and its values */
	KS_VFIO_GET_MSI_BANK_COUNT,
	KS_VFIO_MAP_MSI_BANK,		/* flags, bank, iova */
	KS_VFIO_UNMAP_MSI_BANK,		/* iova */
	KS_VFIO_OP_COUNT
};

enum ks_vfio_attr { KS_VFIO_ATTR_GEOMETRY, KS_VFIO_ATTR_WINDOWS, KS_VFIO_ATTR_STASH };

#define KS_VFIO_FLAG_READ 1u	/* VFIO_DMA_MAP_FLAG_READ */
#define KS_VFIO_FLAG_WRITE 2u	/* VFIO_DMA_MAP_FLAG_WRITE */
#define KS_VFIO_TYPE_PAMU 20u	/* VFIO_FSL_PAMU_IOMMU of kernel-stubs/include/linux/vfio.h */

struct ks_vfio_req {
	enum ks_vfio_op op;
	uint32_t argsz;			/* 0: the struct's own size; else this argsz (error paths) */
	uint32_t flags;
	uint64_t arg;			/* CHECK_EXTENSION */
	uint64_t vaddr, iova, size;
	enum ks_vfio_attr attr;
	uint64_t aperture_start, aperture_end;
	uint32_t windows, stash_cpu, stash_cache;
	uint32_t bank;
	bool bad_user_ptr;		/* pass an unmapped user address as the argument */
};

/* The simulated process's memory accounting. */
struct ks_vfio_mm {
	long locked_vm;			/* pages (signed: a backend may drive it below zero) */
	unsigned long pinned;		/* pins held on user pages (references above the mapping's own) */
	unsigned long mapped;		/* user pages mapped */
	uint64_t memlock;		/* RLIMIT_MEMLOCK, bytes */
	bool cap_ipc_lock;
	uint64_t pool_phys, pool_size;
	unsigned long work_run;		/* work items the queue has run */
	bool work_pending;
};

/* The entry points of a variant. Driver code runs only inside these calls; a BUG or panic inside one
 * ends it (longjmp back to it) with KS_DEAD, and every later call returns KS_DEAD. */
enum ks_status {
	KS_OK = 0,
	KS_DEAD,			/* a BUG/panic ended the scenario: see the findings */
	KS_BAD_HOST,			/* the host interface is incomplete or of another ABI */
	KS_BAD_FDT,
	KS_NO_MEMORY,
	KS_ERROR,			/* the operation failed: the driver returned an error (see errno) */
};

struct ks_api {
	unsigned int abi_version;
	const char *name;		/* variant name: "6.12" */
	const char *kernel_version;	/* from the tree's Makefile: "6.12.117" */
	unsigned int linux_version_code;

	/* Unflatten the tree, create the platform devices, run the initcalls in kernel order, then take
	 * the boot checkpoint. */
	enum ks_status (*boot)(const struct ks_host *host);
	/* Release what the stubs own, report leaks (allocations after the checkpoint still live, node
	 * references not put) as findings. The variant can boot again afterwards. */
	enum ks_status (*shutdown)(void);

	unsigned int (*finding_count)(void);
	const struct ks_finding *(*finding)(unsigned int i);
	void (*clear_findings)(void);
	const char *(*finding_kind_name)(enum ks_finding_kind k);

	/* fail-nth: the n-th fallible operation from now fails (1 = the next one); 0 turns it off. */
	void (*fail_nth)(unsigned long n);
	unsigned long (*fallible_count)(void);	/* fallible operations seen since boot started */
	void (*mem_stats)(struct ks_mem_stats *st);

	/* The MPIC raised CPU 0's interrupt output: acknowledge, dispatch to the handler, EOI.
	 * Returns the number of handlers run. */
	enum ks_status (*handle_irq)(unsigned int *handled);

	/* Platform devices created from the tree. */
	unsigned int (*dev_count)(void);
	void (*dev_info)(unsigned int i, struct ks_dev_info *info);

	/* Virtual IRQ number of the interrupt the PAMU driver requested, 0 if none; and whether a
	 * handler is registered for virq. */
	unsigned int (*irq_requested)(const char *name);
	/* Physical address of the PAMU driver's PPAACT (0 before the probe), for checks. */
	uint64_t (*virt_to_phys)(const void *p);

	/* ---- ABI 2 ---- */
	/* PCIe host bridges (one per available PCIe controller node, tree order), each with one simulated
	 * endpoint 0000:<i>:01:00.0 behind it (DMA with the controller's LIODN). */
	unsigned int (*pci_count)(void);
	const char *(*pci_path)(unsigned int i);	/* the controller's node path */
	/* PCI address -> physical address through the controller's CCSR inbound window (the MSI target);
	 * 0 on success, -1 outside the window. */
	int (*pci_inbound)(uint64_t pci_addr, uint64_t *phys);
	/* The PCI core's MSI (msix false: one vector) or MSI-X enable on endpoint i, through the hose's
	 * setup_msi_irqs (the MSI driver), then request_irq of each vector with a counting handler. out
	 * (nvec entries, may be NULL) gets the messages. Returns KS_OK, or KS_ERROR with *err = the
	 * kernel's return (negative errno; 1 = plain MSI with nvec > 1, not supported on powerpc). */
	enum ks_status (*msi_setup)(unsigned int i, unsigned int nvec, bool msix, struct ks_msi_vec *out, int *err);
	enum ks_status (*msi_teardown)(unsigned int i);
	/* Times endpoint i's handler of vector v ran. */
	unsigned long (*msi_hits)(unsigned int i, unsigned int v);

	/* ---- ABI 3: the IOMMU core as kernel users reach it (all versions; iommu_configure_stash is 6.x
	 * only, 5.10 returns KS_ERROR with -ENOSYS: its stash is the FSL_PAMU_STASH attribute). Devices are named by tree path, or "pci:<n>" for the
	 * endpoint behind host bridge n. Returns KS_OK or KS_ERROR with *err = the kernel's errno. */
	enum ks_status (*iommu_domain_alloc)(int *id, int *err);	/* UNMANAGED domain; *id its handle */
	enum ks_status (*iommu_domain_free)(int id, int *err);
	enum ks_status (*iommu_attach)(int id, const char *dev, int *err);	/* probes the device first */
	enum ks_status (*iommu_detach)(int id, const char *dev, int *err);
	enum ks_status (*iommu_configure_stash)(int id, unsigned int cpu, int *err);	/* fsl_pamu_configure_l1_stash */
	enum ks_status (*iommu_iova_to_phys)(int id, uint64_t iova, uint64_t *phys, int *err);

	/* ---- ABI 4: 5.10's windowed API (iommu_domain_set_attr / get_attr, iommu_domain_window_enable /
	 * disable) with the core's checks; on 6.1 and 6.12, which have none of it, KS_ERROR with -ENOSYS. */
	enum ks_status (*iommu_set_attr)(int id, enum ks_iommu_attr attr, const struct ks_iommu_attr_val *val,
					 int *err);
	enum ks_status (*iommu_get_attr)(int id, enum ks_iommu_attr attr, struct ks_iommu_attr_val *val, int *err);
	/* prot: KS_IOMMU_READ | KS_IOMMU_WRITE */
	enum ks_status (*iommu_window_enable)(int id, uint32_t wnd, uint64_t paddr, uint64_t size, int prot,
					      int *err);
	enum ks_status (*iommu_window_disable)(int id, uint32_t wnd, int *err);

	/* ---- ABI 5: the driver's capable op as the core reaches it (6.x: device_iommu_capable(dev, cap) after
	 * the device's probe; 5.10: iommu_capable(bus, cap)). *result false when the driver has no op or the
	 * device has no IOMMU; KS_ERROR with -ENODEV for an unknown device, -EINVAL for an unknown cap. */
	enum ks_status (*iommu_capable)(const char *dev, enum ks_iommu_cap cap, bool *result, int *err);

	/* ---- ABI 6: unbind the platform driver bound to the device at tree path dev, as the driver core does
	 * (sysfs unbind): the driver's remove runs (its return value is ignored, as the core ignores it), then
	 * drvdata and the binding are cleared; the device is not probed again. KS_ERROR with -ENODEV for an
	 * unknown path or a device with no driver bound, -EBUSY for a driver without remove (kept bound, as a
	 * builtin driver with suppress_bind_attrs refuses the unbind). */
	enum ks_status (*driver_unbind)(const char *dev, int *err);

	/* ---- ABI 7: a TEST HOOK for the oracle tested against itself; no driver reaches it. The stub layer
	 * itself does the faulty thing through its real mechanisms, so the finding machinery runs for real.
	 * KS_ERROR with -EINVAL for an unknown what. */
	enum ks_status (*plant)(enum ks_plant what, int *err);

	/* ---- ABI 8: VFIO. vfio_backend: the registered IOMMU backend's name, NULL when the variant has none
	 * (6.1, 6.12, plain 5.10). Containers are small integers. Each call returns KS_OK or KS_ERROR with
	 * *err = the kernel's errno; vfio_ioctl returns KS_OK with *ret = the ioctl's return (negative errno
	 * or a count). The work queue runs after every one of these calls. */
	const char *(*vfio_backend)(void);
	enum ks_status (*vfio_open)(uint32_t type, int *container, int *err);	/* VFIO_SET_IOMMU */
	enum ks_status (*vfio_add_group)(int container, const char *dev, int *err);	/* the device's group */
	enum ks_status (*vfio_remove_group)(int container, const char *dev, int *err);
	enum ks_status (*vfio_close)(int container, int *err);	/* detach every group, release */
	enum ks_status (*vfio_ioctl)(int container, struct ks_vfio_req *req, long *ret);
	/* user memory: size bytes at a fresh virtual address aligned to align (power of two >= 4096) */
	enum ks_status (*vfio_user_alloc)(uint64_t size, bool contiguous, uint64_t align, uint64_t *vaddr, int *err);
	enum ks_status (*vfio_user_phys)(uint64_t vaddr, uint64_t *phys, int *err);
	void (*vfio_mm_stats)(struct ks_vfio_mm *st);
	void (*vfio_mm_set_limits)(uint64_t memlock, bool cap_ipc_lock);
	/* what the MSI-region API (fsl_msi_get_region) answers: the count, and region i's page */
	int (*vfio_msi_region_count)(void);
	enum ks_status (*vfio_msi_region)(unsigned int i, uint64_t *addr, uint64_t *size, int *err);
};

/* The one exported symbol of a variant. */
const struct ks_api *ks_get_api(void);
typedef const struct ks_api *(*ks_get_api_fn)(void);

#ifdef __cplusplus
}
#endif

#endif /* KS_HOST_H */
