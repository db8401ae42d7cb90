/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * ks_of.c - the device tree unflattened from the host's fixed-up FDT (libfdt), the of_* lookups with
 * the kernel's reference semantics (of_find_* put their `from` and return a counted reference), address
 * translation through each bus's ranges, and 4-cell MPIC interrupt specifiers.
 *
 * Byte order (kernel-surface.md 10.1, option a): the values of the cell-valued properties below are
 * stored in host order, everything else (strings, byte strings) exactly as in the blob. The drivers
 * read some of these cells through be32_to_cpup and some raw; with host-order cells and an identity
 * be32_to_cpup both give the right value on a little-endian host.
 * Sources: Devicetree Specification v0.4 sections 2.3 and 5; kernel-surface.md 4 ("OF / device tree").
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libfdt.h>

#include <linux/of.h>
#include <linux/of_address.h>
#include <linux/of_irq.h>
#include <linux/irqdomain.h>

#include "ks_priv.h"

/* Properties whose value is a list of 32-bit cells. A name starting with '#' is a cell count too. */
static const char *const cell_props[] = {
	"reg", "ranges", "dma-ranges", "interrupts", "interrupt-parent", "interrupt-map", "interrupt-map-mask",
	"phandle", "linux,phandle", "fsl,liodn", "fsl,liodn-bits", "fsl,liodn-reg", "cache-stash-id",
	"next-level-cache", "l2-cache", "fsl,num-laws", "fsl,ccf-num-csdids", "msi-available-ranges",
	"msi-address-64", "fsl,msi", "cell-index", "cache-size", "cache-line-size", "cache-sets",
	"cache-block-size", "clock-frequency", "bus-range", "fsl,portid-mapping", "fsl,iommu-parent",
	"fsl,qman-channel-id", "fsl,bman-portal", "fsl,qman-portal", "timebase-frequency",
	"i-cache-size", "d-cache-size", "i-cache-line-size", "d-cache-line-size", "fsl,liodn-offset",
	NULL,
};

static bool is_cell_prop(const char *name)
{
	unsigned int i;

	if (name[0] == '#')
		return true;
	for (i = 0; cell_props[i]; i++)
		if (cell_props[i][0] == name[0] && !strcmp(name, cell_props[i]))
			return true;
	return false;
}

static struct device_node *root, *all_head;
static unsigned int node_count;

/*
 * The lookup index, built once per unflatten: the nodes live in one array in tree order (so a node's
 * position is its address minus the array's), and per compatible string (case-insensitive) and per
 * property name (case-sensitive) the positions of the nodes carrying it, ascending. A search "after
 * `from`" is then a binary search in one list instead of a walk over every node; a node that is not
 * in the array (one a driver built itself) falls back to the walk.
 */
struct of_index_list {
	const char *key;		/* points into the tree's own property values/names */
	size_t len;			/* strlen(key) */
	unsigned int *pos;		/* node positions, ascending, no duplicates */
	unsigned int n, cap;
};

struct of_index {
	struct of_index_list *slots;	/* open addressing, size a power of two */
	unsigned int size, used;
	bool nocase;
};

static struct device_node *node_arr;
static struct of_index compat_index = { .nocase = true }, prop_index = { .nocase = false };
static unsigned int *phandle_slots;	/* position + 1 of the first node with that phandle, 0 = free */
static unsigned int phandle_size;

struct device_node *ks_of_root(void) { return root; }
struct device_node *ks_of_all(void) { return all_head; }

static unsigned int hash_str(const char *s, size_t len, bool nocase)
{
	unsigned int h = 2166136261u;
	size_t i;

	for (i = 0; i < len && s[i]; i++) {
		h ^= nocase ? (unsigned int)tolower((unsigned char)s[i]) : (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

static void index_free(struct of_index *ix)
{
	unsigned int i;

	for (i = 0; i < ix->size; i++)
		free(ix->slots[i].pos);
	free(ix->slots);
	ix->slots = NULL;
	ix->size = ix->used = 0;
}


/* The slot of key (len bytes, not necessarily NUL-terminated), or the free slot where it would go. */
static struct of_index_list *index_slot(const struct of_index *ix, const char *key, size_t len)
{
	unsigned int i;

	if (!ix->size)
		return NULL;
	for (i = hash_str(key, len, ix->nocase) & (ix->size - 1);; i = (i + 1) & (ix->size - 1)) {
		struct of_index_list *l = &ix->slots[i];

		if (!l->key || (l->len == len && (ix->nocase ? !strncasecmp(l->key, key, len) :
							    !memcmp(l->key, key, len))))
			return l;
	}
}

static int index_add(struct of_index *ix, const char *key, size_t len, unsigned int pos)
{
	struct of_index_list *l;

	if ((ix->used + 1) * 2 > ix->size) {
		struct of_index old = *ix;
		unsigned int i, j;

		ix->size = old.size ? old.size * 2 : 256;
		ix->slots = calloc(ix->size, sizeof(*ix->slots));
		if (!ix->slots) {
			*ix = old;
			return -ENOMEM;
		}
		for (i = 0; i < old.size; i++) {
			if (!old.slots[i].key)
				continue;
			for (j = hash_str(old.slots[i].key, old.slots[i].len, ix->nocase) & (ix->size - 1);
			     ix->slots[j].key; j = (j + 1) & (ix->size - 1))
				;
			ix->slots[j] = old.slots[i];
		}
		free(old.slots);
	}
	l = index_slot(ix, key, len);
	if (!l->key) {
		if (strnlen(key, len) != len)
			return 0;	/* an embedded NUL: never equal to a C string */
		l->key = key;
		l->len = len;
		ix->used++;
	}
	if (l->n && l->pos[l->n - 1] == pos)
		return 0;	/* the same string twice in one node */
	if (l->n == l->cap) {
		unsigned int cap = l->cap ? l->cap * 2 : 4;
		unsigned int *p = realloc(l->pos, cap * sizeof(*p));

		if (!p)
			return -ENOMEM;
		l->pos = p;
		l->cap = cap;
	}
	l->pos[l->n++] = pos;
	return 0;
}

static const struct of_index_list *index_find(const struct of_index *ix, const char *key)
{
	const struct of_index_list *l;

	if (!key)
		return NULL;
	l = index_slot(ix, key, strlen(key));
	return l && l->key ? l : NULL;
}

static int build_index(void)
{
	unsigned int i;

	phandle_size = 1;
	while (phandle_size < node_count * 2)
		phandle_size *= 2;
	phandle_slots = calloc(phandle_size, sizeof(*phandle_slots));
	if (!phandle_slots)
		return -ENOMEM;
	for (i = 0; i < node_count; i++) {
		struct device_node *np = &node_arr[i];
		struct property *pp;
		const char *s, *end;

		for (pp = np->properties; pp; pp = pp->next)
			if (index_add(&prop_index, pp->name, strlen(pp->name), i))
				return -ENOMEM;
		s = np->ks_compat;
		end = s ? s + np->ks_compat_len : NULL;
		while (s && s < end) {
			size_t l = strnlen(s, (size_t)(end - s));

			if (index_add(&compat_index, s, l, i))
				return -ENOMEM;
			s += l + 1;
		}
		if (np->phandle) {
			unsigned int h = (np->phandle * 2654435761u) & (phandle_size - 1);

			while (phandle_slots[h] && node_arr[phandle_slots[h] - 1].phandle != np->phandle)
				h = (h + 1) & (phandle_size - 1);
			if (!phandle_slots[h])
				phandle_slots[h] = i + 1;	/* the first in tree order wins, as a walk finds */
		}
	}
	return 0;
}

/* Position of np in the node array, or -1 when np is not one of the unflattened nodes. */
static long node_pos(const struct device_node *np)
{
	uintptr_t off = (uintptr_t)np - (uintptr_t)node_arr;

	if (!node_arr || off >= (uintptr_t)node_count * sizeof(*node_arr) || off % sizeof(*node_arr))
		return -1;
	return (long)(off / sizeof(*node_arr));
}

/* Index in l of the first position after from's (from NULL: 0); l->n when there is none. */
static unsigned int list_after(const struct of_index_list *l, long from_pos)
{
	unsigned int lo = 0, hi = l->n;

	while (lo < hi) {
		unsigned int mid = lo + (hi - lo) / 2;

		if ((long)l->pos[mid] <= from_pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void free_props(struct device_node *np)
{
	struct property *pp = np->properties;

	while (pp) {
		struct property *n = pp->next;

		free(pp->name);
		free(pp->value);
		free(pp);
		pp = n;
	}
	free((void *)np->full_name);
	free((void *)np->name);
}

void ks_of_release(void)
{
	unsigned int i;

	for (i = 0; node_arr && i < node_count; i++)
		free_props(&node_arr[i]);
	free(node_arr);
	node_arr = NULL;
	index_free(&compat_index);
	index_free(&prop_index);
	free(phandle_slots);
	phandle_slots = NULL;
	phandle_size = 0;
	root = all_head = NULL;
	node_count = 0;
}

int ks_of_init(const void *fdt, size_t size)
{
	struct device_node *stack[64] = { 0 }, **tail = &all_head, *last_child[64] = { 0 };
	char path[512];
	size_t plen[64];
	unsigned int total;
	int off = 0, depth = 0;

	ks_of_release();
	if (fdt_check_header(fdt) || fdt_totalsize(fdt) > size)
		return -EINVAL;
	/*
	 * At most one node per 12 bytes of the structure block (BEGIN_NODE, a padded name, END_NODE), so
	 * the array is sized without a counting pass; only the used part is touched.
	 */
	total = (fdt_version(fdt) >= 17 ? fdt_size_dt_struct(fdt) : fdt_totalsize(fdt)) / 12 + 1;
	node_arr = malloc(total * sizeof(*node_arr));
	if (!node_arr)
		return -ENOMEM;
	for (off = 0, depth = 0; off >= 0 && node_count < total; off = fdt_next_node(fdt, off, &depth)) {
		struct device_node *np;
		struct property **pt;
		const char *nm;
		int len, poff;

		if (depth < 0 || depth >= 63)
			break;
		np = &node_arr[node_count];
		memset(np, 0, sizeof(*np));
		nm = fdt_get_name(fdt, off, &len);
		if (!nm)
			nm = "";
		if (depth == 0) {
			strcpy(path, "/");
			plen[0] = 1;
		} else {
			size_t b = plen[depth - 1];

			if (b > 1)
				path[b++] = '/';
			snprintf(path + b, sizeof(path) - b, "%s", nm);
			plen[depth] = strlen(path);
			path[plen[depth]] = 0;
		}
		np->full_name = strdup(path);
		np->name = strndup(nm, strcspn(nm, "@"));
		*tail = np;
		tail = &np->allnext;
		node_count++;
		if (depth > 0) {
			np->parent = stack[depth - 1];
			if (last_child[depth - 1])
				last_child[depth - 1]->sibling = np;
			else
				np->parent->child = np;
			last_child[depth - 1] = np;
		} else {
			root = np;
		}
		stack[depth] = np;
		last_child[depth] = NULL;
		/* properties, in blob order */
		pt = &np->properties;
		fdt_for_each_property_offset(poff, fdt, off) {
			const char *pname;
			const void *val = fdt_getprop_by_offset(fdt, poff, &pname, &len);
			struct property *pp = calloc(1, sizeof(*pp));

			if (!pp || !val) {
				free(pp);
				return -ENOMEM;
			}
			pp->name = strdup(pname);
			pp->length = len;
			pp->value = malloc(len ? (size_t)len : 1);
			*pt = pp;
			pt = &pp->next;
			if (!pp->name || !pp->value)
				return -ENOMEM;
			memcpy(pp->value, val, (size_t)len);
			if (is_cell_prop(pname) && len % 4 == 0) {
				u32 *c = pp->value;
				int i;

				for (i = 0; i < len / 4; i++)
					c[i] = fdt32_to_cpu(c[i]);
			}
			if (!strcmp(pname, "compatible")) {
				np->ks_compat = pp->value;
				np->ks_compat_len = len;
			}
			if (!strcmp(pname, "phandle") || (!strcmp(pname, "linux,phandle") && !np->phandle))
				np->phandle = len == 4 ? *(u32 *)pp->value : 0;
		}
	}
	if (!root)
		return -EINVAL;
	return build_index();
}

/* ------------------------------------------------------------------ references */

struct device_node *of_node_get(struct device_node *np)
{
	if (np)
		np->refcount++;
	return np;
}

void of_node_put(struct device_node *np)
{
	if (!np)
		return;
	if (np->refcount <= 0) {
		ks_finding(KS_FINDING_REFCOUNT, __builtin_return_address(0) ? "of_node_put" : "?", "of_node_put", 0,
			   "of_node_put(%s) without a reference", np->full_name);
		return;
	}
	np->refcount--;
}

void ks_of_checkpoint(void)
{
	struct device_node *np;

	for (np = all_head; np; np = np->allnext)
		np->refcount_checkpoint = np->refcount;
}

void ks_of_report(void)
{
	struct device_node *np;

	for (np = all_head; np; np = np->allnext)
		if (np->refcount > np->refcount_checkpoint)
			ks_finding(KS_FINDING_LEAK, "ks_of.c", "of_node_get", 0,
				   "%d reference(s) to %s taken after boot and not put",
				   np->refcount - np->refcount_checkpoint, np->full_name);
}

void of_node_init(struct device_node *np)
{
	np->refcount = 0;
}

/* ------------------------------------------------------------------ lookups */

struct property *of_find_property(const struct device_node *np, const char *name, int *lenp)
{
	struct property *pp;

	if (!np)
		return NULL;
	for (pp = np->properties; pp; pp = pp->next) {
		if (!strcmp(pp->name, name)) {
			if (lenp)
				*lenp = pp->length;
			return pp;
		}
	}
	return NULL;
}

const void *of_get_property(const struct device_node *np, const char *name, int *lenp)
{
	struct property *pp = of_find_property(np, name, lenp);

	return pp ? pp->value : NULL;
}

int of_property_read_u32_index(const struct device_node *np, const char *name, u32 index, u32 *out)
{
	int len;
	const u32 *v = of_get_property(np, name, &len);

	if (!v)
		return -EINVAL;
	if ((u32)len < (index + 1) * 4)
		return -EOVERFLOW;
	*out = v[index];
	return 0;
}

/* Score > 0 when compat is one of the node's compatible strings (earlier strings score higher). */
int of_device_is_compatible(const struct device_node *np, const char *compat)
{
	int score = 1000;
	const char *s, *end;
	char c0;
	size_t clen;

	if (!np || !np->ks_compat || !compat)
		return 0;
	s = np->ks_compat;
	end = s + np->ks_compat_len;
	c0 = (char)tolower((unsigned char)compat[0]);
	clen = strlen(compat);
	while (s < end) {
		size_t l = strnlen(s, (size_t)(end - s));

		if (l == clen && (char)tolower((unsigned char)s[0]) == c0 && !strcasecmp(s, compat))
			return score;
		s += l + 1;
		score--;
	}
	return 0;
}

bool of_device_is_available(const struct device_node *np)
{
	const char *st = of_get_property(np, "status", NULL);

	return !st || !strcmp(st, "okay") || !strcmp(st, "ok");
}

static bool type_is(const struct device_node *np, const char *type)
{
	const char *t = of_get_property(np, "device_type", NULL);

	return !type || (t && !strcmp(t, type));
}

const struct of_device_id *of_match_node(const struct of_device_id *matches, const struct device_node *np)
{
	const struct of_device_id *best = NULL;
	int best_score = 0;

	if (!matches || !np)
		return NULL;
	for (; matches->name[0] || matches->type[0] || matches->compatible[0]; matches++) {
		int score = 0;

		if (matches->compatible[0]) {
			score = of_device_is_compatible(np, matches->compatible);
			if (!score)
				continue;
			score *= 4;
		}
		if (matches->type[0]) {
			if (!type_is(np, matches->type))
				continue;
			score += 2;
		}
		if (matches->name[0]) {
			if (strcmp(np->name, matches->name))
				continue;
			score++;
		}
		if (score > best_score) {
			best = matches;
			best_score = score;
		}
	}
	return best;
}

/* Walk fallback for a `from` that is not one of the unflattened nodes. */
static struct device_node *walk_compatible(struct device_node *np, const char *type, const char *compat)
{
	for (; np; np = np->allnext)
		if (of_device_is_compatible(np, compat) && type_is(np, type))
			break;
	return np;
}

struct device_node *of_find_compatible_node(struct device_node *from, const char *type, const char *compat)
{
	long fp = from ? node_pos(from) : -1;
	struct device_node *np = NULL;

	if (from && fp < 0) {
		np = walk_compatible(from->allnext, type, compat);
	} else {
		const struct of_index_list *l = index_find(&compat_index, compat);
		unsigned int i;

		for (i = l ? list_after(l, fp) : 0; l && i < l->n; i++) {
			if (type_is(&node_arr[l->pos[i]], type)) {
				np = &node_arr[l->pos[i]];
				break;
			}
		}
	}
	of_node_get(np);
	of_node_put(from);
	return np;
}

/*
 * The first node after position fp (-1: from the start) matching the table, through the compatible
 * index; false when an entry has no compatible string (then only a walk finds every match).
 */
static bool indexed_match(const struct of_device_id *matches, long fp, struct device_node **out)
{
	const struct of_device_id *m;
	long best = -1;

	for (m = matches; m->name[0] || m->type[0] || m->compatible[0]; m++)
		if (!m->compatible[0])
			return false;
	for (m = matches; m->name[0] || m->type[0] || m->compatible[0]; m++) {
		const struct of_index_list *l = index_find(&compat_index, m->compatible);
		unsigned int i;

		for (i = l ? list_after(l, fp) : 0; l && i < l->n; i++) {
			if (best >= 0 && (long)l->pos[i] >= best)
				break;
			if (of_match_node(matches, &node_arr[l->pos[i]])) {
				best = l->pos[i];
				break;
			}
		}
	}
	*out = best >= 0 ? &node_arr[best] : NULL;
	return true;
}

struct device_node *of_find_matching_node_and_match(struct device_node *from, const struct of_device_id *matches,
						    const struct of_device_id **match)
{
	long fp = from ? node_pos(from) : -1;
	struct device_node *np = from ? from->allnext : all_head;
	const struct of_device_id *m = NULL;

	if (!matches) {
		np = NULL;
	} else if ((!from || fp >= 0) && indexed_match(matches, fp, &np)) {
		m = np ? of_match_node(matches, np) : NULL;
	} else {
		for (; np; np = np->allnext) {
			m = of_match_node(matches, np);
			if (m)
				break;
		}
	}
	if (match)
		*match = m;
	of_node_get(np);
	of_node_put(from);
	return np;
}

struct device_node *of_find_node_with_property(struct device_node *from, const char *prop_name)
{
	long fp = from ? node_pos(from) : -1;
	struct device_node *np = NULL;

	if (from && fp < 0) {
		for (np = from->allnext; np; np = np->allnext)
			if (of_find_property(np, prop_name, NULL))
				break;
	} else {
		const struct of_index_list *l = index_find(&prop_index, prop_name);
		unsigned int i = l ? list_after(l, fp) : 0;

		np = l && i < l->n ? &node_arr[l->pos[i]] : NULL;
	}
	of_node_get(np);
	of_node_put(from);
	return np;
}

struct device_node *of_find_node_by_phandle(phandle handle)
{
	unsigned int h;

	if (!handle || !phandle_size)
		return NULL;
	for (h = (handle * 2654435761u) & (phandle_size - 1); phandle_slots[h]; h = (h + 1) & (phandle_size - 1))
		if (node_arr[phandle_slots[h] - 1].phandle == handle)
			return of_node_get(&node_arr[phandle_slots[h] - 1]);
	return NULL;
}

struct device_node *of_find_node_by_path(const char *path)
{
	struct device_node *np;

	for (np = all_head; np; np = np->allnext)
		if (!strcmp(np->full_name, path))
			return of_node_get(np);
	return NULL;
}

struct device_node *of_get_parent(const struct device_node *np)
{
	return np ? of_node_get(np->parent) : NULL;
}

struct device_node *of_get_next_child(const struct device_node *np, struct device_node *prev)
{
	struct device_node *next;

	if (!np)
		return NULL;
	next = prev ? prev->sibling : np->child;
	of_node_get(next);
	of_node_put(prev);
	return next;
}

/* CPU nodes: children of /cpus whose device_type is "cpu". */
struct device_node *of_get_next_cpu_node(struct device_node *prev)
{
	struct device_node *np, *cpus = NULL;

	if (prev) {
		np = prev->sibling;
	} else {
		for (np = root ? root->child : NULL; np; np = np->sibling)
			if (!strcmp(np->name, "cpus"))
				break;
		cpus = np;
		np = cpus ? cpus->child : NULL;
	}
	for (; np; np = np->sibling)
		if (type_is(np, "cpu"))
			break;
	of_node_get(np);
	of_node_put(prev);
	return np;
}

struct device_node *of_parse_phandle(const struct device_node *np, const char *phandle_name, int index)
{
	int len;
	const u32 *v = of_get_property(np, phandle_name, &len);

	if (!v || index < 0 || len < (index + 1) * 4)
		return NULL;
	return of_find_node_by_phandle(v[index]);
}

/* ------------------------------------------------------------------ addresses */

static int cells_of(const struct device_node *np, const char *name, int def)
{
	for (; np; np = np->parent) {
		const u32 *v = of_get_property(np, name, NULL);

		if (v)
			return (int)*v;
	}
	return def;
}

/* Address/size cells of np's own reg: the parent's properties (the kernel's defaults when absent). */
int of_n_addr_cells(struct device_node *np) { return cells_of(np->parent, "#address-cells", 1); }
int of_n_size_cells(struct device_node *np) { return cells_of(np->parent, "#size-cells", 1); }

static u64 read_cells(const u32 *c, int n)
{
	u64 v = 0;

	while (n-- > 0)
		v = (v << 32) | *c++;
	return v;
}

const __be32 *of_get_address(struct device_node *np, int index, u64 *size, unsigned int *flags)
{
	int len, na, ns;
	const u32 *reg = of_get_property(np, "reg", &len);

	if (!reg || !np->parent)
		return NULL;
	na = of_n_addr_cells(np);
	ns = of_n_size_cells(np);
	if (index < 0 || (index + 1) * (na + ns) * 4 > len)
		return NULL;
	reg += index * (na + ns);
	if (size)
		*size = read_cells(reg + na, ns);
	if (flags)
		*flags = IORESOURCE_MEM;
	return reg;
}

/* Translate an address in np's parent bus to a CPU physical address, or OF_BAD_ADDR. */
#define KS_OF_BAD_ADDR (~0ull)

static u64 translate(struct device_node *bus, u64 addr)
{
	while (bus && bus->parent) {
		int len, cna, pna, cns, i, n;
		const u32 *r = of_get_property(bus, "ranges", &len);

		if (!r)
			return KS_OF_BAD_ADDR;
		if (len == 0) {
			bus = bus->parent;
			continue;
		}
		cna = cells_of(bus, "#address-cells", 1);
		cns = cells_of(bus, "#size-cells", 1);
		pna = cells_of(bus->parent, "#address-cells", 1);
		n = len / 4 / (cna + pna + cns);
		for (i = 0; i < n; i++) {
			const u32 *e = r + i * (cna + pna + cns);
			u64 cb = read_cells(e, cna), pb = read_cells(e + cna, pna), sz = read_cells(e + cna + pna, cns);

			if (addr >= cb && addr - cb < sz) {
				addr = addr - cb + pb;
				break;
			}
		}
		if (i == n)
			return KS_OF_BAD_ADDR;
		bus = bus->parent;
	}
	return addr;
}

u64 of_translate_address(struct device_node *np, const __be32 *addr)
{
	return translate(np->parent, read_cells(addr, of_n_addr_cells(np)));
}

int of_address_to_resource(struct device_node *np, int index, struct resource *r)
{
	u64 size, pa;
	const u32 *a = of_get_address(np, index, &size, NULL);

	if (!a)
		return -EINVAL;
	pa = of_translate_address(np, a);
	if (pa == KS_OF_BAD_ADDR)
		return -EINVAL;
	memset(r, 0, sizeof(*r));
	r->start = pa;
	r->end = pa + size - 1;
	r->flags = IORESOURCE_MEM;
	r->name = np->full_name;
	return 0;
}

void __iomem *ks_of_iomap(struct device_node *np, int index, const char *file, const char *func, int line)
{
	struct resource r;

	if (of_address_to_resource(np, index, &r))
		return NULL;
	return ks_ioremap(r.start, resource_size(&r), file, func, line);
}

/* ------------------------------------------------------------------ interrupts */

static struct device_node *irq_parent(const struct device_node *np)
{
	for (; np; np = np->parent) {
		const u32 *ip = of_get_property(np, "interrupt-parent", NULL);

		if (ip)
			return of_find_node_by_phandle(*ip);
	}
	return NULL;
}

int of_irq_parse_one(struct device_node *np, int index, struct of_phandle_args *out)
{
	struct device_node *p = irq_parent(np);
	const u32 *ints;
	int len, ic, i;

	memset(out, 0, sizeof(*out));
	if (!p)
		return -EINVAL;
	ic = cells_of(p, "#interrupt-cells", 1);
	ints = of_get_property(np, "interrupts", &len);
	if (!ints || ic <= 0 || ic > 16 || index < 0 || (index + 1) * ic * 4 > len) {
		of_node_put(p);
		return -EINVAL;
	}
	out->np = p;
	out->args_count = ic;
	for (i = 0; i < ic; i++)
		out->args[i] = ints[index * ic + i];
	return 0;
}

unsigned int ks_irq_of_parse_and_map(struct device_node *np, int index, const char *file, const char *func,
				     int line)
{
	struct of_phandle_args a;
	unsigned int virq;

	if (of_irq_parse_one(np, index, &a))
		return 0;
	virq = ks_irq_create_of_mapping(&a, file, func, line);
	of_node_put(a.np);
	return virq;
}
