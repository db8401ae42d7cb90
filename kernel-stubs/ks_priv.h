/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * ks_priv.h - state and helpers shared by the stub implementations (kernel-stubs/ks_*.c): the host
 * interface, findings, the fail-nth countdown, the scenario's longjmp target, and each family's
 * init/checkpoint/release hooks. Not seen by driver code. Choices: docs/kernel-stubs.md.
 */
#ifndef KS_PRIV_H
#define KS_PRIV_H

#include <setjmp.h>
#include <stdarg.h>

#include <linux/kernel.h>
#include <linux/of.h>
#include <linux/irq.h>
#include <linux/device.h>

#include "ks_host.h"

#define KS_EXPORT __attribute__((visibility("default")))

struct ks_state {
	struct ks_host host;
	bool booted;
	bool dead;			/* a BUG/panic ended the scenario */
	jmp_buf *jb;			/* where BUG/panic return to (inside a host call) */
	int irq_disabled;		/* local_irq_save depth */
	int locks_held;
	unsigned long fail_at;		/* fallible operation number that fails, 0 = none */
	unsigned long fallible_seen;
	bool in_irq;
};

extern struct ks_state ks;

/* "drivers/iommu/fsl_pamu.c" for a path through the ks_tree link, the base name for our own files. */
const char *ks_short_file(const char *file);
void ks_finding(enum ks_finding_kind kind, const char *file, const char *func, int line, const char *fmt, ...)
	__printf(5, 6);
/* A fallible operation: true when it must fail now (fail-nth). */
bool ks_fallible(const char *what, const char *file, const char *func, int line);
/* ks_fault.c: record the call's site; true when the host's absolute fail target is this call. */
bool ks_fault_note(const char *what, const char *file, const char *func, int line);
extern bool ks_fault_exit_fast;	/* shutdown reports but does not release (the process exits next) */
void ks_log(int level, const char *fmt, ...) __printf(2, 3);
/* A stub that must never be reached: a finding; the caller returns a defined neutral value. */
void ks_unreachable(const char *what, const char *file, const char *func, int line);

/* Families: called by ks_core.c's boot/shutdown in this order. */
int ks_mem_init(void);
void ks_mem_checkpoint(void);
void ks_mem_report(void);
void ks_mem_release(void);
void ks_mem_get_stats(struct ks_mem_stats *st);
bool ks_mem_in_arena(const void *p, size_t len);

int ks_io_init(void);
void ks_io_release(void);
void *ks_io_cookie(u64 pa);
bool ks_io_cookie_to_pa(const volatile void *p, u64 *pa);

int ks_of_init(const void *fdt, size_t size);
void ks_of_checkpoint(void);
void ks_of_report(void);
void ks_of_release(void);
struct device_node *ks_of_root(void);
struct device_node *ks_of_all(void);

int ks_irq_init(void);
void ks_irq_release(void);
int ks_irq_handle(unsigned int *handled);
unsigned int ks_irq_find_action(const char *name);

int ks_platform_populate(void);
void ks_platform_release(void);
unsigned int ks_platform_dev_count(void);
void ks_platform_dev_info(unsigned int i, struct ks_dev_info *info);
int ks_platform_driver_unbind(const char *path);

void ks_iommu_release(void);
int ks_iommu_domain_alloc(void);
int ks_iommu_domain_free(int id);
int ks_iommu_attach(int id, const char *path);
int ks_iommu_detach(int id, const char *path);
int ks_iommu_configure_stash(int id, unsigned int cpu);
int ks_iommu_iova_to_phys(int id, uint64_t iova, uint64_t *phys);
int ks_iommu_set_attr(int id, int attr, const struct ks_iommu_attr_val *v);
int ks_iommu_get_attr(int id, int attr, struct ks_iommu_attr_val *v);
int ks_iommu_window_enable(int id, uint32_t wnd, uint64_t paddr, uint64_t size, int prot);
int ks_iommu_window_disable(int id, uint32_t wnd);
int ks_iommu_capable(const char *path, int cap, bool *result);

struct iommu_group *ks_iommu_dev_group(const char *path, int *err);
int ks_iommu_group_id(const struct iommu_group *g);

/* VFIO (ks_vfio.c) and the simulated user process (ks_mm.c): docs/vfio.md */
const char *ks_vfio_backend(void);
void ks_vfio_release(void);
void ks_vfio_release_all(void);
int ks_vfio_open(u32 type, int *id);
int ks_vfio_add_group(int id, const char *dev);
int ks_vfio_remove_group(int id, const char *dev);
int ks_vfio_close(int id);
int ks_vfio_ioctl(int id, struct ks_vfio_req *r, long *ret);
int ks_vfio_msi_region(unsigned int i, uint64_t *addr, uint64_t *size);
int ks_vfio_msi_region_count(void);
int ks_mm_init(void);
void ks_mm_report(void);
void ks_mm_release(void);
void ks_mm_run_work(void);
int ks_mm_user_alloc(u64 size, bool contiguous, u64 align, u64 *va);
int ks_mm_user_phys(u64 va, uint64_t *phys);
int ks_mm_user_rw(u64 va, void *buf, unsigned long n, bool write);
void ks_mm_stats(struct ks_vfio_mm *st);
void ks_mm_set_limits(uint64_t memlock, bool cap_ipc_lock);

int ks_pci_init(void);
void ks_pci_release(void);
unsigned int ks_pci_count(void);
const char *ks_pci_path(unsigned int i);
struct pci_dev *ks_pci_endpoint(unsigned int i);
int ks_pci_inbound(uint64_t pci_addr, uint64_t *phys);
int ks_pci_msi_setup(unsigned int i, unsigned int nvec, bool msix, struct ks_msi_vec *out);
int ks_pci_msi_teardown(unsigned int i);
unsigned long ks_pci_msi_hits(unsigned int i, unsigned int vec);

#endif
