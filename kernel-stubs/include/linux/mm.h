/* SPDX-License-Identifier: BSD-2-Clause */
/* linux/mm.h (stub): see linux/gfp.h. */
#ifndef KS_LINUX_MM_H
#define KS_LINUX_MM_H
#include <linux/gfp.h>
#include <linux/slab.h>
#endif
