/* SPDX-License-Identifier: BSD-2-Clause */
/* asm/setup.h (stub) */
#ifndef KS_ASM_SETUP_H
#define KS_ASM_SETUP_H
#include <linux/kernel.h>
#endif
