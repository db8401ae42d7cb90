/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * linux/workqueue.h (stub) - the system work queue: schedule_work queues, and the queue runs at defined
 * points only (after every VFIO host call, and at shutdown; kernel-stubs/ks_mm.c, docs/vfio.md).
 */
#ifndef KS_LINUX_WORKQUEUE_H
#define KS_LINUX_WORKQUEUE_H

#include <linux/types.h>

struct work_struct;
typedef void (*work_func_t)(struct work_struct *work);

struct work_struct {
	work_func_t func;
	struct work_struct *ks_next;
	bool ks_queued;
};

#define INIT_WORK(w, f)                                                                        \
	do {                                                                                   \
		(w)->func = (f);                                                               \
		(w)->ks_next = NULL;                                                           \
		(w)->ks_queued = false;                                                        \
	} while (0)
bool schedule_work(struct work_struct *work);

#endif
