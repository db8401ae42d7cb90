/* SPDX-License-Identifier: BSD-2-Clause */
/* linux/export.h (stub) - exports are plain external symbols of the variant's shared object. */
#ifndef KS_LINUX_EXPORT_H
#define KS_LINUX_EXPORT_H
#define EXPORT_SYMBOL(sym)
#define EXPORT_SYMBOL_GPL(sym)
#define THIS_MODULE ((struct module *)0)
struct module;
#endif
