/* SPDX-License-Identifier: BSD-2-Clause */
/* linux/bug.h (stub): everything needed is in linux/kernel.h. */
#include <linux/kernel.h>
