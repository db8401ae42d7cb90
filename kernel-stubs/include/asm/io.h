/* SPDX-License-Identifier: BSD-2-Clause */
/* asm/io.h (stub): see linux/io.h. */
#include <linux/io.h>
