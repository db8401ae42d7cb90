/* SPDX-License-Identifier: BSD-2-Clause */
/* linux/slab_def.h (stub): everything needed is in linux/kernel.h. */
#include <linux/kernel.h>
