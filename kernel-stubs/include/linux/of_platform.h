/* SPDX-License-Identifier: BSD-2-Clause */
/* linux/of_platform.h (stub) */
#ifndef KS_LINUX_OF_PLATFORM_H
#define KS_LINUX_OF_PLATFORM_H
#include <linux/of.h>
#include <linux/platform_device.h>
#endif
