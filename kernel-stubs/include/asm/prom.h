/* SPDX-License-Identifier: BSD-2-Clause */
/* asm/prom.h (stub) */
#ifndef KS_ASM_PROM_H
#define KS_ASM_PROM_H
#include <linux/of.h>
#endif
