/* SPDX-License-Identifier: BSD-2-Clause */
/* linux/of_device.h (stub) */
#ifndef KS_LINUX_OF_DEVICE_H
#define KS_LINUX_OF_DEVICE_H
#include <linux/of.h>
#include <linux/platform_device.h>
#endif
