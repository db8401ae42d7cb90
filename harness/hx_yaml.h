/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * hx_yaml.h - a small, bounded YAML document tree for the scenario loader (libyaml event API).
 *
 * Same approach and limits as the SoC preset loader (model/soc/soc_preset.c, docs/socs.md): anchors,
 * aliases, tags, several documents, deep nesting, too many nodes, long scalars, large files and bytes
 * that are not UTF-8 are refused; keys are scalars and appear once. Error format (../shared/DESIGN.md):
 * "file:line:column: field: what was expected, what was found".
 */
#ifndef HX_YAML_H
#define HX_YAML_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define HX_YAML_MAX_FILE (1u << 20)
#define HX_YAML_MAX_DEPTH 10
#define HX_YAML_MAX_NODES 65536u
#define HX_YAML_MAX_SCALAR 4096u

enum hx_ynode_kind { HX_YN_SCALAR, HX_YN_SEQ, HX_YN_MAP };

struct hx_ynode {
	enum hx_ynode_kind kind;
	unsigned int line, col;		/* 1-based */
	bool plain;			/* scalar without quotes */
	char *text;			/* scalar, NUL-terminated */
	size_t len;
	struct hx_ynode **items;	/* list items; mapping: key, value, key, value... */
	unsigned int n, cap;
};

struct hx_error {
	char msg[640];
};

/* Parse a file into a tree. NULL on error (err->msg says where and why). */
struct hx_ynode *hx_yaml_load(const char *file, struct hx_error *err);
/* Parse a buffer (file is only used in messages). */
struct hx_ynode *hx_yaml_parse(const char *file, const unsigned char *buf, size_t len, struct hx_error *err);
void hx_yaml_free(struct hx_ynode *n);

/* Value of key in a mapping (keynode optional), or NULL. */
const struct hx_ynode *hx_ymap_get(const struct hx_ynode *map, const char *key, const struct hx_ynode **keynode);
/* How a node is shown after "found": a quoted, shortened scalar, or its kind. */
const char *hx_ydescribe(const struct hx_ynode *n, char *buf, size_t cap);
/* An unsigned integer scalar: decimal, 0x hex, 0b binary, optional _ separators, suffixes K M G
 * (binary units). False if it is not one or it exceeds UINT64_MAX. */
bool hx_yparse_u64(const char *s, uint64_t *out);

#ifdef __cplusplus
}
#endif

#endif /* HX_YAML_H */
