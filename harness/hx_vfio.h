/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * hx_vfio.h - `vfio:` scenario steps (a VFIO user program's calls on the windowed PAMU backend) as data,
 * and the oracle's VFIO intent: which IOVAs each container mapped to which user pages (DRAM), which MSI
 * banks it mapped. Grammar: docs/scenarios.md ("VFIO steps"), behaviour: docs/vfio.md.
 */
#ifndef HX_VFIO_H
#define HX_VFIO_H

#include <stdbool.h>
#include <stdint.h>

#include "sim_yaml.h"

#ifdef __cplusplus
extern "C" {
#endif

#define HX_VFIO_NAME_LEN 64

enum hx_vfio_op {
	HX_VFIO_OPEN,
	HX_VFIO_ADD_GROUP,
	HX_VFIO_REMOVE_GROUP,
	HX_VFIO_CLOSE,
	HX_VFIO_USER_ALLOC,
	HX_VFIO_MAP,
	HX_VFIO_UNMAP,
	HX_VFIO_SET_ATTR,
	HX_VFIO_GET_ATTR,
	HX_VFIO_MSI_BANK_COUNT,
	HX_VFIO_MSI_MAP,
	HX_VFIO_MSI_UNMAP,
	HX_VFIO_MSI_SEND,
	HX_VFIO_CHECK_EXTENSION,
	HX_VFIO_MM,
	HX_VFIO_OP_COUNT
};

enum hx_vfio_attr { HX_VFIO_ATTR_GEOMETRY, HX_VFIO_ATTR_WINDOWS, HX_VFIO_ATTR_STASH };
enum hx_vfio_msi_expect { HX_VMSI_DELIVERED, HX_VMSI_BLOCKED, HX_VMSI_ANY };

struct hx_vfio_step {
	enum hx_vfio_op op;
	char container[HX_VFIO_NAME_LEN];
	char buffer[HX_VFIO_NAME_LEN];
	uint32_t type;			/* open, check-extension: IOMMU type (pamu = 20) */
	uint64_t size, align, offset, iova;
	bool contiguous;
	bool r, w;			/* prot */
	enum hx_vfio_attr attr;
	uint64_t start, end;		/* geometry */
	uint32_t count, cpu, cache;	/* windows, stash */
	unsigned int bank, msir, bit;
	bool has_offset;		/* msi-send: explicit page offset */
	uint32_t argsz;			/* 0: the struct's own */
	bool bad_pointer;
	uint32_t flags;			/* map/unmap/msi-map: raw flags when has_flags */
	bool has_flags;
	/* expectations */
	bool has_rc, rc_banks;		/* rc_banks: the SoC's MSI bank count */
	bool rc_error;			/* rc: error: any negative errno (the call is refused) */
	bool rc_any;			/* rc: any: not checked (the intent follows what the call returned) */
	long long rc;			/* default: 0 (count ops: >= 0) */
	bool has_estart, has_eend, has_ecount, has_ecpu, has_ecache;
	uint64_t estart, eend;
	uint32_t ecount, ecpu, ecache;
	enum hx_vfio_msi_expect msi;
	/* mm */
	bool has_memlock, has_cap;
	uint64_t memlock;
	bool cap;
	bool has_locked, has_pinned;
	long long locked;
	uint64_t pinned;
	char clause[48];		/* a contract clause id: a mismatch is a contract-violation finding */
};

struct hx_scenario;
struct hx_step;

/* Parse the mapping of one `vfio:` step (path "steps[i].vfio"); allocates st->vfio. */
bool hx_vfio_parse(struct sim_yaml_ctx *ld, const struct hx_scenario *sc, const struct sim_ynode *val,
		   const char *path, struct hx_step *st);
const char *hx_vfio_op_name(enum hx_vfio_op op);

/* The oracle's view of one container (runner state). */
#define HX_VFIO_MAX_EXT 64
#define HX_VFIO_MAX_MSI 8
#define HX_VFIO_MAX_CONT 8
#define HX_VFIO_MAX_BUF 16

struct hx_vfio_ext {
	uint64_t iova, size, phys;	/* iova .. + size maps to phys .. (user pages, contiguous run) */
	bool r, w;
};

struct hx_vfio_msimap {
	uint64_t iova;			/* the page the container mapped */
	unsigned int bank;		/* the bank index asked for (owned) */
	uint64_t page;			/* the region's physical page (fsl_msi_get_region) */
	uint32_t reach;			/* banks whose MSIIR that page reaches (mpic_page_reach) */
	bool r, w;
};

struct hx_vfio_cont {
	char name[HX_VFIO_NAME_LEN];
	bool live;
	int id;				/* ks container */
	uint32_t devs;			/* bit: runner device index */
	struct hx_vfio_ext ext[HX_VFIO_MAX_EXT];
	unsigned int next;
	struct hx_vfio_msimap msi[HX_VFIO_MAX_MSI];
	unsigned int nmsi;
	uint32_t banks;			/* banks owned: those it asked to map */
};

struct hx_vfio_buf {
	char name[HX_VFIO_NAME_LEN];
	uint64_t va, size;
	bool contiguous;
};

struct hx_vfio_state {
	struct hx_vfio_cont c[HX_VFIO_MAX_CONT];
	unsigned int nc;
	struct hx_vfio_buf b[HX_VFIO_MAX_BUF];
	unsigned int nb;
};

/* Intent queries on a container: may [addr, addr + size) be accessed (r/w), and where to. */
bool hx_vfio_allows(const struct hx_vfio_cont *c, uint64_t addr, uint32_t size, bool r, bool w, uint64_t *target);
/* Is physical [p, p + size) something the container mapped (user pages or an MSI page)? */
bool hx_vfio_entitled(const struct hx_vfio_cont *c, uint64_t p, uint32_t size);
/* Remove [iova, iova + size) from the container's extents (an unmap). */
void hx_vfio_ext_remove(struct hx_vfio_cont *c, uint64_t iova, uint64_t size);
/* Add one page-run; merges with the previous extent when both IOVA and phys continue it. False: full. */
bool hx_vfio_ext_add(struct hx_vfio_cont *c, uint64_t iova, uint64_t size, uint64_t phys, bool r, bool w);

#ifdef __cplusplus
}
#endif

#endif
