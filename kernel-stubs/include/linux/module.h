/* SPDX-License-Identifier: BSD-2-Clause */
/* linux/module.h (stub): everything needed is in linux/kernel.h; module metadata is dropped (builtin). */
#ifndef KS_LINUX_MODULE_H
#define KS_LINUX_MODULE_H
#include <linux/kernel.h>
#include <linux/export.h>
#define MODULE_VERSION(v)
#define MODULE_LICENSE(l)
#define MODULE_AUTHOR(a)
#define MODULE_DESCRIPTION(d)
#endif
