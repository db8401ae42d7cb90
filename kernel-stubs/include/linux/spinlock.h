/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * linux/spinlock.h (stub) - single-CPU spinlocks that check their use: taking a held lock (a
 * self-deadlock on a real kernel), releasing a free one, restoring interrupt state out of order, and a
 * lock still held when a host call returns are lock-imbalance findings (docs/kernel-stubs.md).
 */
#ifndef KS_LINUX_SPINLOCK_H
#define KS_LINUX_SPINLOCK_H

#include <linux/types.h>

typedef struct spinlock {
	int held;
	const char *name;
	const char *file;		/* where it was taken */
	int line;
} spinlock_t;
typedef spinlock_t raw_spinlock_t;

#define __SPIN_LOCK_UNLOCKED(n) { 0, #n, 0, 0 }
#define DEFINE_SPINLOCK(n) spinlock_t n = __SPIN_LOCK_UNLOCKED(n)
#define DEFINE_RAW_SPINLOCK(n) DEFINE_SPINLOCK(n)

void ks_spin_init(spinlock_t *l, const char *name);
void ks_spin_lock(spinlock_t *l, const char *file, const char *func, int line);
void ks_spin_unlock(spinlock_t *l, const char *file, const char *func, int line);
unsigned long ks_irq_save(void);
void ks_irq_restore(unsigned long flags, const char *file, const char *func, int line);

#define spin_lock_init(l) ks_spin_init(l, #l)
#define raw_spin_lock_init(l) ks_spin_init(l, #l)
#define spin_lock(l) ks_spin_lock(l, __FILE__, __func__, __LINE__)
#define spin_unlock(l) ks_spin_unlock(l, __FILE__, __func__, __LINE__)
#define spin_lock_irq(l) ((void)ks_irq_save(), spin_lock(l))
#define spin_unlock_irq(l) (spin_unlock(l), ks_irq_restore(0, __FILE__, __func__, __LINE__))
#define spin_lock_irqsave(l, flags)                                                           \
	do {                                                                                  \
		(flags) = ks_irq_save();                                                      \
		spin_lock(l);                                                                 \
	} while (0)
#define spin_unlock_irqrestore(l, flags)                                                      \
	do {                                                                                  \
		spin_unlock(l);                                                               \
		ks_irq_restore(flags, __FILE__, __func__, __LINE__);                          \
	} while (0)
#define raw_spin_lock_irqsave spin_lock_irqsave
#define raw_spin_unlock_irqrestore spin_unlock_irqrestore
#define local_irq_save(flags) ((flags) = ks_irq_save())
#define local_irq_restore(flags) ks_irq_restore(flags, __FILE__, __func__, __LINE__)

struct mutex {
	spinlock_t l;
};
#define DEFINE_MUTEX(n) struct mutex n = { __SPIN_LOCK_UNLOCKED(n) }
#define mutex_init(m) ks_spin_init(&(m)->l, #m)
#define mutex_lock(m) ks_spin_lock(&(m)->l, __FILE__, __func__, __LINE__)
#define mutex_unlock(m) ks_spin_unlock(&(m)->l, __FILE__, __func__, __LINE__)
#define lockdep_assert_held(l) ((void)(l))

#endif
