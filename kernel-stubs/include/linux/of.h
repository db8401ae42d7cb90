/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * linux/of.h (stub) - the device tree the drivers see: unflattened from the host's fixed-up FDT, with
 * real lookup semantics and counted references (a put below zero is a finding; references taken after
 * the boot checkpoint and not put are leaks). Cell-valued properties are stored in host order
 * (kernel-surface.md 10.1 option a; the list is in kernel-stubs/ks_of.c and docs/kernel-stubs.md).
 */
#ifndef KS_LINUX_OF_H
#define KS_LINUX_OF_H

#include <linux/kernel.h>
#include <linux/types.h>
#include <linux/errno.h>

typedef u32 phandle;

struct property {
	char *name;
	int length;
	void *value;
	struct property *next;
};

struct device_node {
	const char *name;		/* node name without unit address */
	const char *full_name;		/* path: "/soc@ffe000000/iommu@20000" */
	phandle phandle;
	struct property *properties;
	struct device_node *parent;
	struct device_node *child;
	struct device_node *sibling;
	struct device_node *allnext;	/* tree order */
	int refcount;			/* references beyond the tree's own */
	int refcount_checkpoint;
	unsigned long flags;
	void *data;
	const char *ks_compat;		/* the compatible property's value (a lookup cache) */
	int ks_compat_len;
};

struct of_device_id {
	char name[32];
	char type[32];
	char compatible[128];
	const void *data;
};

struct of_phandle_args {
	struct device_node *np;
	int args_count;
	u32 args[16];
};

struct device_node *of_node_get(struct device_node *np);
void of_node_put(struct device_node *np);
struct device_node *of_find_node_by_path(const char *path);
struct device_node *of_find_compatible_node(struct device_node *from, const char *type, const char *compat);
struct device_node *of_find_matching_node_and_match(struct device_node *from, const struct of_device_id *matches,
						    const struct of_device_id **match);
#define of_find_matching_node(from, matches) of_find_matching_node_and_match(from, matches, NULL)
struct device_node *of_find_node_by_phandle(phandle handle);
struct device_node *of_find_node_with_property(struct device_node *from, const char *prop_name);
struct device_node *of_get_next_cpu_node(struct device_node *prev);
struct device_node *of_get_parent(const struct device_node *np);
struct device_node *of_get_next_child(const struct device_node *np, struct device_node *prev);
struct property *of_find_property(const struct device_node *np, const char *name, int *lenp);
const void *of_get_property(const struct device_node *np, const char *name, int *lenp);
static inline bool of_property_present(const struct device_node *np, const char *name)
{
	return of_find_property(np, name, NULL) != NULL;
}
static inline bool of_property_read_bool(const struct device_node *np, const char *name)
{
	return of_property_present(np, name);
}
int of_property_read_u32_index(const struct device_node *np, const char *name, u32 index, u32 *out);
static inline int of_property_read_u32(const struct device_node *np, const char *name, u32 *out)
{
	return of_property_read_u32_index(np, name, 0, out);
}
int of_device_is_compatible(const struct device_node *np, const char *compat);
bool of_device_is_available(const struct device_node *np);
const struct of_device_id *of_match_node(const struct of_device_id *matches, const struct device_node *np);
struct device_node *of_parse_phandle(const struct device_node *np, const char *phandle_name, int index);
int of_n_addr_cells(struct device_node *np);
int of_n_size_cells(struct device_node *np);
void of_node_init(struct device_node *np);
static inline const char *of_node_full_name(const struct device_node *np)
{
	return np ? np->full_name : "<no-node>";
}

#define for_each_node_with_property(dn, name)                                                  \
	for (dn = of_find_node_with_property(NULL, name); dn; dn = of_find_node_with_property(dn, name))
#define for_each_of_cpu_node(cpu) for (cpu = of_get_next_cpu_node(NULL); cpu; cpu = of_get_next_cpu_node(cpu))
#define for_each_compatible_node(dn, type, compatible)                                          \
	for (dn = of_find_compatible_node(NULL, type, compatible); dn;                          \
	     dn = of_find_compatible_node(dn, type, compatible))
#define for_each_child_of_node(parent, child)                                                   \
	for (child = of_get_next_child(parent, NULL); child; child = of_get_next_child(parent, child))

#endif
