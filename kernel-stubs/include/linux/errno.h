/* SPDX-License-Identifier: BSD-2-Clause */
/* linux/errno.h (stub) - the host's Linux errno values (glibc's <errno.h> includes <linux/errno.h>
 * too, so this header defers to the system's). */
#ifndef KS_LINUX_ERRNO_H
#define KS_LINUX_ERRNO_H
#include_next <linux/errno.h>
#include <errno.h>
#ifndef ENOTSUPP
#define ENOTSUPP 524
#endif
#endif
