/* SPDX-License-Identifier: BSD-2-Clause */
/* linux/property.h (stub) - device_get_match_data (6.12's fsl_msi.c). */
#ifndef KS_LINUX_PROPERTY_H
#define KS_LINUX_PROPERTY_H
#include <linux/device.h>
const void *device_get_match_data(const struct device *dev);
#endif
