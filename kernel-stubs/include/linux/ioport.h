/* SPDX-License-Identifier: BSD-2-Clause */
/* linux/ioport.h (stub) - struct resource. */
#ifndef KS_LINUX_IOPORT_H
#define KS_LINUX_IOPORT_H
#include <linux/types.h>
#define IORESOURCE_MEM 0x00000200
#define IORESOURCE_IRQ 0x00000400
struct resource {
	resource_size_t start;
	resource_size_t end;
	const char *name;
	unsigned long flags;
};
static inline resource_size_t resource_size(const struct resource *res) { return res->end - res->start + 1; }
#endif
