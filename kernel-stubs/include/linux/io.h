/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * linux/io.h, asm/io.h (stub) - the MMIO seam. ioremap of plain RAM (DRAM, the LAW and CCF register
 * RAM) returns the RAM's host pointer; of device registers, a cookie inside a reserved, inaccessible
 * host range. in_be32/out_be32 and friends dispatch cookies to the bus as CPU accesses (register
 * values, no byte swap) and fall through to plain loads and stores for any other pointer
 * (kernel-surface.md 10.3, 10.4). Barriers are compiler + CPU fences.
 */
#ifndef KS_LINUX_IO_H
#define KS_LINUX_IO_H

#include <linux/types.h>
#include <linux/compiler.h>

void __iomem *ks_ioremap(phys_addr_t pa, size_t size, const char *file, const char *func, int line);
void ks_iounmap(volatile void __iomem *p, const char *file, const char *func, int line);
u64 ks_mmio_read(const volatile void __iomem *p, unsigned int size);
void ks_mmio_write(volatile void __iomem *p, unsigned int size, u64 val);

#define ioremap(pa, size) ks_ioremap(pa, size, __FILE__, __func__, __LINE__)
#define ioremap_cache(pa, size) ioremap(pa, size)
#define iounmap(p) ks_iounmap(p, __FILE__, __func__, __LINE__)

static inline u32 in_be32(const volatile u32 __iomem *p) { return (u32)ks_mmio_read(p, 4); }
static inline void out_be32(volatile u32 __iomem *p, u32 v) { ks_mmio_write(p, 4, v); }
static inline u32 in_le32(const volatile u32 __iomem *p) { return (u32)ks_mmio_read(p, 4); }
static inline void out_le32(volatile u32 __iomem *p, u32 v) { ks_mmio_write(p, 4, v); }
static inline u16 in_be16(const volatile u16 __iomem *p) { return (u16)ks_mmio_read(p, 2); }
static inline void out_be16(volatile u16 __iomem *p, u16 v) { ks_mmio_write(p, 2, v); }
static inline u8 in_8(const volatile u8 __iomem *p) { return (u8)ks_mmio_read(p, 1); }
static inline void out_8(volatile u8 __iomem *p, u8 v) { ks_mmio_write(p, 1, v); }
static inline u32 ioread32be(const volatile void __iomem *p) { return (u32)ks_mmio_read(p, 4); }
static inline void iowrite32be(u32 v, volatile void __iomem *p) { ks_mmio_write(p, 4, v); }
static inline u32 readl(const volatile void __iomem *p) { return (u32)ks_mmio_read(p, 4); }
static inline void writel(u32 v, volatile void __iomem *p) { ks_mmio_write(p, 4, v); }

#define mb() __atomic_thread_fence(__ATOMIC_SEQ_CST)
#define rmb() __atomic_thread_fence(__ATOMIC_ACQUIRE)
#define wmb() __atomic_thread_fence(__ATOMIC_RELEASE)
#define smp_mb() mb()
#define smp_rmb() rmb()
#define smp_wmb() wmb()
#define iobarrier_rw() mb()

#endif
