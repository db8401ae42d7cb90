/* SPDX-License-Identifier: BSD-2-Clause */
/* linux/mod_devicetable.h (stub): struct of_device_id lives in linux/of.h. */
#ifndef KS_LINUX_MOD_DEVICETABLE_H
#define KS_LINUX_MOD_DEVICETABLE_H
#include <linux/of.h>
#endif
