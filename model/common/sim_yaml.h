/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * sim_yaml.h - the bounded YAML document tree shared by the file loaders (SoC presets, scenarios).
 *
 * Facts: libyaml's event API (yaml.h), RFC 3629 for UTF-8; the limits and the error format are the
 * project's (../shared/DESIGN.md: "file:line:column: field: what was expected, what was found";
 * docs/socs.md, docs/scenarios.md). A hostile file is refused before any schema check: anchors,
 * aliases, tags, a second document, deep nesting, too many values, long scalars, large files, bytes
 * that are not UTF-8 and NUL characters; keys are scalars and appear once. The schema helpers below
 * (unknown keys, kinds, integers) report in the same format. The first error wins.
 */
#ifndef SIM_YAML_H
#define SIM_YAML_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

enum sim_ynode_kind { SIM_YN_SCALAR, SIM_YN_SEQ, SIM_YN_MAP };

struct sim_ynode {
	enum sim_ynode_kind kind;
	unsigned int line, col;		/* 1-based, columns in characters */
	bool plain;			/* scalar written without quotes or block style */
	char *text;			/* scalar, NUL-terminated (never contains a NUL) */
	size_t len;
	struct sim_ynode **items;	/* list items; mapping: key, value, key, value... */
	unsigned int n, cap;
};

enum sim_yaml_status {
	SIM_YAML_OK = 0,
	SIM_YAML_IO,			/* the file cannot be read, or no memory */
	SIM_YAML_SYNTAX,		/* not YAML, or hostile YAML refused */
	SIM_YAML_INVALID,		/* schema: a key twice, unknown, missing, wrong kind, out of range */
};

/* Where a loader reports: the first error is written to msg (if not NULL) and sets status. */
struct sim_yaml_ctx {
	const char *file;		/* shown in messages */
	char *msg;
	size_t cap;
	enum sim_yaml_status status;	/* SIM_YAML_OK until the first error */
};

#define SIM_YAML_DEPTH_CAP 16u		/* max_depth above this is treated as this */

struct sim_yaml_limits {
	size_t max_file;		/* bytes */
	unsigned int max_depth;		/* levels of lists and mappings */
	unsigned int max_nodes;		/* scalars, lists and mappings */
	size_t max_scalar;		/* bytes of one scalar */
};

/* 1 MiB, 8 levels, 65536 values, 4096-byte scalars: used when limits is NULL. */
extern const struct sim_yaml_limits sim_yaml_default_limits;

/* Parse a buffer into a tree. NULL with ctx->status SIM_YAML_OK: the document is empty (the caller
 * says what it expected); NULL otherwise: refused, ctx->msg says where and why. */
struct sim_ynode *sim_yaml_parse(struct sim_yaml_ctx *ctx, const struct sim_yaml_limits *limits,
				 const unsigned char *buf, size_t len);
/* Read ctx->file (what names it in I/O errors: "cannot read the <what>: ...") and parse it; a file
 * larger than limits->max_file is refused, not truncated. */
struct sim_ynode *sim_yaml_load(struct sim_yaml_ctx *ctx, const struct sim_yaml_limits *limits, const char *what);
void sim_yaml_free(struct sim_ynode *n);

/* Record an error "file:line:col: field: what" (field empty: "(top level)") unless one is recorded. */
void sim_yaml_fail(struct sim_yaml_ctx *ctx, enum sim_yaml_status st, unsigned int line, unsigned int col,
		   const char *field, const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* The same at a node's position (1:1 without one), status SIM_YAML_INVALID. */
void sim_yaml_fail_at(struct sim_yaml_ctx *ctx, const struct sim_ynode *at, const char *field, const char *fmt,
		      ...) __attribute__((format(printf, 4, 5)));

/* Line and column (1-based, columns in characters) of a byte offset. */
void sim_yaml_offset_pos(const unsigned char *buf, size_t len, size_t off, unsigned int *line, unsigned int *col);
/* Offset of the first byte that is not well-formed UTF-8 (no overlongs, surrogates or code points
 * above U+10FFFF), or len. */
size_t sim_yaml_utf8_invalid_at(const unsigned char *s, size_t len);

/* How a node is shown after "found": a quoted, shortened, escaped scalar, or its kind. */
const char *sim_ydescribe(const struct sim_ynode *n, char *buf, size_t cap);
/* Value of key in a mapping (keynode optional), or NULL (also when map is not a mapping). */
const struct sim_ynode *sim_ymap_get(const struct sim_ynode *map, const char *key,
				     const struct sim_ynode **keynode);
/* "base.key", or "key" when base is empty. */
void sim_yaml_join_path(char *out, size_t cap, const char *base, const char *key);

/* Every key of map is in allowed (NULL-terminated); else "expected one of a, b, found an unknown key". */
bool sim_yaml_check_keys(struct sim_yaml_ctx *ctx, const struct sim_ynode *map, const char *path,
			 const char *const *allowed);
/* n exists (else the error is at `at`: "found nothing (the field is missing)") and is of that kind. */
bool sim_yaml_expect(struct sim_yaml_ctx *ctx, const struct sim_ynode *n, const struct sim_ynode *at,
		     const char *field, enum sim_ynode_kind kind, const char *what);
/* Copy a scalar's text into out (cap bytes with the NUL); longer text is refused with "expected at
 * most cap - 1 characters". Not a scalar: "expected a text value, found ...". */
bool sim_yaml_copy_text(struct sim_yaml_ctx *ctx, const struct sim_ynode *n, const char *field, char *out,
			size_t cap);
/* An unquoted decimal (no leading zeros) or 0x hexadecimal integer of at most max; what is what the
 * error says was expected ("a 32-bit integer"). */
bool sim_yaml_get_uint(struct sim_yaml_ctx *ctx, const struct sim_ynode *n, const char *field, uint64_t max,
		       const char *what, uint64_t *out);

#ifdef __cplusplus
}
#endif

#endif /* SIM_YAML_H */
