/* SPDX-License-Identifier: BSD-2-Clause */
/* linux/fsl/guts.h (stub) - struct ccsr_guts: the tree's own header, used as it is. */
#ifndef KS_LINUX_FSL_GUTS_H
#define KS_LINUX_FSL_GUTS_H
#include <linux/types.h>
#include <linux/io.h>
#include <ks_tree/include/linux/fsl/guts.h>
#endif
