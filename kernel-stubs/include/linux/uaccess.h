/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * linux/uaccess.h (stub) - copy_from_user / copy_to_user over the simulated process's address space
 * (kernel-stubs/ks_mm.c): each call is fallible (fail-nth) and returns the bytes NOT copied, as the kernel's.
 */
#ifndef KS_LINUX_UACCESS_H
#define KS_LINUX_UACCESS_H

#include <linux/types.h>

unsigned long ks_copy_from_user(void *to, const void *from, unsigned long n, const char *file, const char *func,
				int line);
unsigned long ks_copy_to_user(void *to, const void *from, unsigned long n, const char *file, const char *func,
			      int line);
#define copy_from_user(to, from, n) ks_copy_from_user(to, (const void *)(from), n, __FILE__, __func__, __LINE__)
#define copy_to_user(to, from, n) ks_copy_to_user((void *)(to), from, n, __FILE__, __func__, __LINE__)

#endif
