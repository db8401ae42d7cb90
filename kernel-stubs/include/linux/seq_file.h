/* SPDX-License-Identifier: BSD-2-Clause */
/* linux/seq_file.h (stub) - only irq_print_chip writes to one; the stubs print into a buffer. */
#ifndef KS_LINUX_SEQ_FILE_H
#define KS_LINUX_SEQ_FILE_H
#include <linux/kernel.h>
struct seq_file {
	char buf[256];
	size_t count;
};
void seq_printf(struct seq_file *m, const char *fmt, ...) __printf(2, 3);
#endif
