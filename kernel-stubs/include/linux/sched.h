/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * linux/sched.h (stub) - the one simulated user process VFIO calls run in (`current`), its mm_struct with
 * the mmap_sem of the 5.x-before-5.8 era (the VFIO-PAMU backend's), locked_vm, RLIMIT_MEMLOCK and
 * CAP_IPC_LOCK as the harness sets them. Behaviour: kernel-stubs/ks_mm.c, docs/vfio.md.
 */
#ifndef KS_LINUX_SCHED_H
#define KS_LINUX_SCHED_H

#include <linux/types.h>

struct rw_semaphore {
	int writers;			/* 0 free, 1 held for writing */
	const char *file;
	int line;
};

struct mm_struct {
	struct rw_semaphore mmap_sem;
	unsigned long locked_vm;	/* pages; the backend adjusts it directly under mmap_sem */
	int users;			/* get_task_mm / mmput */
};

struct task_struct {
	struct mm_struct *mm;
};

extern struct task_struct *ks_current;
#define current ks_current

void ks_down_write(struct rw_semaphore *s, const char *file, const char *func, int line);
int ks_down_write_trylock(struct rw_semaphore *s, const char *file, const char *func, int line);
void ks_up_write(struct rw_semaphore *s, const char *file, const char *func, int line);
#define down_write(s) ks_down_write(s, __FILE__, __func__, __LINE__)
#define down_write_trylock(s) ks_down_write_trylock(s, __FILE__, __func__, __LINE__)
#define up_write(s) ks_up_write(s, __FILE__, __func__, __LINE__)

struct mm_struct *ks_get_task_mm(struct task_struct *t, const char *file, const char *func, int line);
void ks_mmput(struct mm_struct *mm, const char *file, const char *func, int line);
#define get_task_mm(t) ks_get_task_mm(t, __FILE__, __func__, __LINE__)
#define mmput(mm) ks_mmput(mm, __FILE__, __func__, __LINE__)

#define RLIMIT_MEMLOCK 8
unsigned long ks_rlimit(int which);
#define rlimit(which) ks_rlimit(which)

#define CAP_IPC_LOCK 14
bool ks_capable(int cap);
#define capable(cap) ks_capable(cap)

#endif
