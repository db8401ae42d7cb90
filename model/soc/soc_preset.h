/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * soc_preset.h - what a SoC preset says that a device tree does not: revisions (SVR/PVR, errata), DRAM
 * and the DDR LAWs, PAMU capability values, the MPIC version and MSI alias policy, the stash-id rules
 * and the boot firmware's LIODN table.
 *
 * Presets are data: socs/<name>.yaml, loaded by soc_preset_load() (libyaml; errors name
 * file:line:column, the field, what was expected and what was found). Fixed-size arrays keep a preset a
 * plain value that can be copied, compared and freed with nothing to leak.
 * Sources of the values: ../shared/spec/liodn-tables.md (firmware LIODNs), hw-facts.md 8, 11, 13 and
 * soc-table.md; values no public source gives are listed under `assumptions:` in each preset file.
 */
#ifndef SOC_PRESET_H
#define SOC_PRESET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pamu.h"
#include "pamu_timing.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SOC_NAME_LEN 32
#define SOC_TEXT_LEN 256
#define SOC_COMPAT_LEN 64
#define SOC_PRESET_MAX_REVS 8
#define SOC_PRESET_MAX_LAWS 8
#define SOC_PRESET_MAX_LIODNS 256
#define SOC_PRESET_MAX_ASSUMPTIONS 16
#define SOC_PRESET_MAX_DT_MATCH 8

struct soc_preset_rev {
	char name[8];			/* "2.0" */
	uint32_t svr;			/* full SVR, security (E) bit clear */
	uint32_t pvr;
	bool erratum_a003638;		/* PAMU reports violations for V = 0 LIODNs (docs/pamu-model.md 2) */
};

/* A local access window boot firmware programs (LAW array at CCSR + 0xC00, hw-facts.md 8.1). */
struct soc_law {
	unsigned int index;		/* LAW number (the A-004510 path needs the DDR LAW above LAW 0) */
	uint64_t base;
	uint64_t size;			/* power of two >= 4 KiB */
	uint8_t target;			/* LAWAR target id (DDR controller, interleave...) */
};

/*
 * How a firmware LIODN row finds its device-tree node (docs/socs.md, "Matching a row to its node").
 * "compatible" means any string of the node's compatible list (U-Boot's rule), not only the first.
 */
enum soc_liodn_match {
	SOC_LIODN_BY_ADDRESS,		/* compatible + the node's translated reg address - CCSR base */
	/* cell-index: the first node in tree order whose cell-index equals the row's and which is itself
	 * compatible (QMan portals) or has a compatible ancestor (SRIO port1/port2 under fsl,srio, which
	 * have no compatible of their own). */
	SOC_LIODN_BY_CELL_INDEX,
	SOC_LIODN_REGISTER_ONLY,	/* no node: only the register is written (DECO, GUTS-only rows) */
};

/* One row of the boot firmware's LIODN table (liodn-tables.md 1.2). */
struct soc_fw_liodn {
	enum soc_liodn_match match;
	char compatible[SOC_COMPAT_LEN];
	uint64_t ccsr_offset;		/* SOC_LIODN_BY_ADDRESS */
	uint32_t cell_index;		/* SOC_LIODN_BY_CELL_INDEX */
	uint32_t liodn[2];		/* the fsl,liodn cells */
	unsigned int cells;		/* 1 or 2 */
	uint32_t guts_reg;		/* GUTS LIODN register offset written, or 0 (none / not a GUTS register) */
	char shared_reason[SOC_TEXT_LEN];	/* non-empty: shares a LIODN with another row on purpose */
	/* Added by the loader (additive): */
	char device[SOC_NAME_LEN];	/* the row's label, e.g. "PCIe1", "QMan portal 3" ("" if none) */
	unsigned int line;		/* line of the row in the preset file, for error messages */
};

/*
 * Timing knobs of a SoC (socs/<name>.yaml `timing:`, docs/timing.md). All times in platform clock
 * cycles. Each value is either published for the real chip (named with its source under
 * `timing.published`) or an assumption listed under `timing.assumed`; the loader refuses a value that is
 * neither.
 */
struct soc_timing {
	uint32_t clock_mhz;		/* platform clock: only to print times in ns */
	uint32_t cpu_access;		/* a core's load/store to a CCSR register, request to response */
	uint32_t ccf_hop;		/* one CoreNet (CCF) crossing, each way */
	uint32_t dram_latency;		/* DDR controller access time, first beat */
	uint32_t dram_bytes_per_cycle;	/* DDR data bandwidth (>= 1) */
	uint32_t msi_latency;		/* MSIIR write reaching the MPIC to the MSIR bit set */
	struct pamu_timing_cfg pamu;	/* caches, pipeline, outstanding translations, coherence rule */
};

/* Which cache-stash-id values firmware writes (hw-facts.md 11; U-Boot fdt.c). */
enum soc_l2_stash {
	SOC_L2_STASH_NONE,
	SOC_L2_STASH_PER_CORE,		/* e500mc/e5500: L2 node of each core = 2 * reg + 33 */
	SOC_L2_STASH_CLUSTER,		/* e6500: cluster L2 = reg / 4 + 33, written for threads reg % 8 == 0 */
};

struct soc_preset {
	char name[SOC_NAME_LEN];		/* "p4080", "p4080-dt" */
	char description[SOC_TEXT_LEN];		/* one line for `pamusim list socs` */
	char file[SOC_TEXT_LEN];		/* the YAML it was loaded from */
	/* Identification of a DTB: the first compatible of some node equals dt_match (or one of
	 * dt_matches; soc_preset_match_fdt() has the whole rule). */
	char dt_match[SOC_COMPAT_LEN];
	bool auto_match;			/* false for variants: chosen by name (--preset) only */
	char board[SOC_NAME_LEN];		/* default board DTB: "p4080ds" */

	struct soc_preset_rev revs[SOC_PRESET_MAX_REVS];
	unsigned int rev_count;
	unsigned int default_rev;		/* index into revs */

	uint64_t dram_base, dram_size;
	struct soc_law laws[SOC_PRESET_MAX_LAWS];
	unsigned int law_count;

	struct pamu_caps pamu_caps;
	uint16_t mpic_version;			/* MPIC BRR1[15:0] */
	bool msi_alias_pages;			/* false: MSI nodes lose reg[1] (first PAMU chip, the seed) */

	uint32_t cpu_stash_base;		/* L1 stash id of cpu reg r = base + stride * r (32, 2) */
	uint32_t cpu_stash_stride;
	enum soc_l2_stash l2_stash;
	uint32_t l3_stash_id;			/* CPC cache-stash-id, 0 = not written */

	struct soc_fw_liodn liodns[SOC_PRESET_MAX_LIODNS];
	unsigned int liodn_count;

	char assumptions[SOC_PRESET_MAX_ASSUMPTIONS][SOC_TEXT_LEN];
	unsigned int assumption_count;

	/* Added by the loader (additive): every dt-match string; dt_match above is dt_matches[0]. */
	char dt_matches[SOC_PRESET_MAX_DT_MATCH][SOC_COMPAT_LEN];
	unsigned int dt_match_count;

	/* Added by the timing issue (additive): the `timing:` section, has_timing false without one. */
	bool has_timing;
	struct soc_timing timing;
	unsigned int timing_line;		/* line of `timing:` in the file */
};

/* A loader error: the message names file:line:column, the field, what was expected, what was found. */
struct soc_error {
	char msg[512];
};

enum soc_preset_status {
	SOC_PRESET_OK = 0,
	SOC_PRESET_IO,			/* file cannot be read */
	SOC_PRESET_SYNTAX,		/* not YAML, or hostile YAML refused */
	SOC_PRESET_INVALID,		/* a field missing, unknown, of the wrong type or out of range */
};

enum soc_preset_status soc_preset_load(const char *path, struct soc_preset *out, struct soc_error *err);
/* Load every socs/ *.yaml of a directory, sorted by name. *count presets at most max. */
enum soc_preset_status soc_preset_load_dir(const char *dir, struct soc_preset *out, unsigned int max,
					   unsigned int *count, struct soc_error *err);
/* Revision by name ("2.0"); -1 if the preset has none of that name. */
int soc_preset_find_rev(const struct soc_preset *p, const char *rev);

/* Preset by name; -1 if none. */
int soc_preset_find(const struct soc_preset *presets, unsigned int count, const char *name);

#define SOC_PRESET_NO_MATCH (-1)
#define SOC_PRESET_AMBIGUOUS (-2)
#define SOC_PRESET_BAD_FDT (-3)
/*
 * The auto-match preset a device tree belongs to (`--dtb FILE`). A preset matches when one of its
 * dt-match strings is the first compatible of some node; a match on the root node (a board
 * compatible) beats a match on any other node (a SoC block), because some SoCs have no block of their
 * own in the kernel's trees (T1042 is T1040's tree, T2081 and T1023 are subsets of T2080 and T1024:
 * docs/socs.md). Returns the preset's index, SOC_PRESET_NO_MATCH, SOC_PRESET_AMBIGUOUS (two presets
 * match equally well) or SOC_PRESET_BAD_FDT (the blob of size bytes fails the SoC builder's checks:
 * err is then `file: /node: property: what was expected`); err (optional) says why when no single
 * preset matches.
 */
int soc_preset_match_fdt(const struct soc_preset *presets, unsigned int count, const void *fdt, size_t size,
			 const char *file, struct soc_error *err);

#ifdef __cplusplus
}
#endif

#endif /* SOC_PRESET_H */
