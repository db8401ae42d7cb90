/* SPDX-License-Identifier: BSD-2-Clause */
/* linux/of_address.h (stub) - reg translation through the ranges of every parent bus, and of_iomap. */
#ifndef KS_LINUX_OF_ADDRESS_H
#define KS_LINUX_OF_ADDRESS_H
#include <linux/of.h>
#include <linux/ioport.h>
#include <linux/io.h>
const __be32 *of_get_address(struct device_node *np, int index, u64 *size, unsigned int *flags);
int of_address_to_resource(struct device_node *np, int index, struct resource *r);
u64 of_translate_address(struct device_node *np, const __be32 *addr);
void __iomem *ks_of_iomap(struct device_node *np, int index, const char *file, const char *func, int line);
#define of_iomap(np, index) ks_of_iomap(np, index, __FILE__, __func__, __LINE__)
#endif
