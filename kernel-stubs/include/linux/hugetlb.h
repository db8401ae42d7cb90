/* SPDX-License-Identifier: BSD-2-Clause */
/* linux/hugetlb.h (stub): nothing of it is used by the drivers built here (the VFIO-PAMU backend includes it). */
#include <linux/kernel.h>
