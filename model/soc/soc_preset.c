// SPDX-License-Identifier: BSD-2-Clause
/*
 * soc_preset.c - SoC preset loader: socs/<name>.yaml -> struct soc_preset, and the choice of a preset
 * for a device tree.
 *
 * Schema and every rule: docs/socs.md. Error format: ../shared/DESIGN.md ("file:line:column: field: what
 * was expected, what was found"). Value sources: ../shared/spec/liodn-tables.md, hw-facts.md 8, 10, 11,
 * 13; the GUTS LIODN register offsets come from soc_guts.h.
 *
 * Two phases. (1) libyaml's event API builds a small tree of scalars, lists and mappings with their
 * positions, refusing what a preset never needs and a hostile file might carry: anchors, aliases, tags,
 * more than one document, nesting deeper than PRESET_MAX_DEPTH, more than PRESET_MAX_NODES nodes,
 * scalars longer than PRESET_MAX_SCALAR, files larger than PRESET_MAX_FILE and bytes that are not
 * UTF-8; keys must be scalars and appear once. (2) The tree is checked against the schema field by
 * field (unknown keys, missing fields, types, ranges) and copied into the fixed-size struct, then the
 * cross-field rules run (default revision exists, LIODNs distinct unless `shared:`...). The first error
 * wins; nothing is allocated once the function returns.
 */
#include "soc_preset.h"

#include <dirent.h>
#include <errno.h>
#include <libfdt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "soc_dt.h"
#include "soc_guts.h"

#define PRESET_MAX_FILE (1u << 20)	/* bytes; the largest shipped preset (t4240) is 13 KiB */
#define PRESET_MAX_DEPTH 8		/* the schema needs 4: top, liodns, a row, its liodn list */
#define PRESET_MAX_NODES 65536u
#define PRESET_MAX_SCALAR 4096u
#define PRESET_MAX_DIR_FILES 256u

#define LIODN_LIMIT 4096u		/* 12-bit LIODNs: fsl,liodn-bits = <12> (hw-facts.md 10) */
#define CCSR_SIZE 0x1000000ull		/* 16 MiB CCSR window (soc-table.md) */
#define PHYS_LIMIT (1ull << 36)		/* 36-bit physical address space */
#define MAX_LAWS 32u			/* fsl,num-laws is 16 or 32 on every PAMU SoC (soc-table.md) */

/* ------------------------------------------------------------------ the tree */

enum ynode_kind { YN_SCALAR, YN_SEQ, YN_MAP };

struct ynode {
	enum ynode_kind kind;
	unsigned int line, col;		/* 1-based */
	bool plain;			/* scalar written without quotes or block style */
	char *text;			/* scalar, NUL-terminated */
	size_t len;
	struct ynode **items;		/* list items; mapping: key, value, key, value... */
	unsigned int n, cap;
};

struct loader {
	const char *file;
	struct soc_error *err;
	enum soc_preset_status status;	/* SOC_PRESET_OK until the first error */
	unsigned int nodes;
};

static void node_free(struct ynode *n)
{
	unsigned int i;

	if (!n)
		return;
	for (i = 0; i < n->n; i++)
		node_free(n->items[i]);
	free(n->items);
	free(n->text);
	free(n);
}

static void set_err(struct soc_error *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void set_err(struct soc_error *err, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
}

/* Records the first error: "file:line:col: field: <what>" (what = "expected ..., found ..."). */
static void fail(struct loader *ld, enum soc_preset_status st, unsigned int line, unsigned int col,
		 const char *field, const char *fmt, ...) __attribute__((format(printf, 6, 7)));
static void fail(struct loader *ld, enum soc_preset_status st, unsigned int line, unsigned int col,
		 const char *field, const char *fmt, ...)
{
	char what[384];
	va_list ap;

	if (ld->status != SOC_PRESET_OK)
		return;
	ld->status = st;
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	set_err(ld->err, "%s:%u:%u: %s: %s", ld->file, line, col, field && *field ? field : "(top level)",
		what);
}

static void fail_at(struct loader *ld, const struct ynode *n, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void fail_at(struct loader *ld, const struct ynode *n, const char *field, const char *fmt, ...)
{
	char what[384];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	fail(ld, SOC_PRESET_INVALID, n ? n->line : 1, n ? n->col : 1, field, "%s", what);
}

/* How a node is shown after "found": a quoted, shortened scalar, or its kind. */
static const char *describe(const struct ynode *n, char *buf, size_t cap)
{
	size_t i, o = 0;

	if (!n)
		return "nothing";
	if (n->kind == YN_SEQ)
		return "a list";
	if (n->kind == YN_MAP)
		return "a mapping";
	if (n->len == 0)
		return n->plain ? "nothing" : "an empty string";
	buf[o++] = '"';
	for (i = 0; i < n->len && o + 8 < cap; i++) {
		unsigned char c = (unsigned char)n->text[i];

		if (i == 48) {
			memcpy(buf + o, "...", 3);
			o += 3;
			break;
		}
		if (c == '"' || c == '\\') {
			buf[o++] = '\\';
			buf[o++] = (char)c;
		} else if (c < 0x20 || c == 0x7f) {
			o += (size_t)snprintf(buf + o, cap - o, "\\x%02x", c);
		} else {
			buf[o++] = (char)c;
		}
	}
	buf[o++] = '"';
	buf[o] = '\0';
	return buf;
}

/* ------------------------------------------------------------------ phase 1: bytes -> tree */

static void join_path(char *out, size_t cap, const char *base, const char *key)
{
	if (base && *base)
		snprintf(out, cap, "%s.%s", base, key);
	else
		snprintf(out, cap, "%s", key);
}

/* Line and column (1-based, in characters) of a byte offset. */
static void offset_pos(const unsigned char *buf, size_t len, size_t off, unsigned int *line, unsigned int *col)
{
	size_t i;

	*line = 1;
	*col = 1;
	for (i = 0; i < off && i < len; i++) {
		if (buf[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if ((buf[i] & 0xc0) != 0x80) {
			(*col)++;
		}
	}
}

/* Offset of the first byte that is not well-formed UTF-8 (RFC 3629: no overlongs, no surrogates,
 * nothing above U+10FFFF), or len. */
static size_t utf8_invalid_at(const unsigned char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		unsigned char c = s[i];
		unsigned int need, cp, k;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			need = 1;
			cp = c & 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			need = 2;
			cp = c & 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			need = 3;
			cp = c & 0x07;
		} else {
			return i;
		}
		for (k = 1; k <= need; k++) {
			if (i + k >= len || (s[i + k] & 0xc0) != 0x80)
				return i;
			cp = (cp << 6) | (s[i + k] & 0x3f);
		}
		if ((need == 2 && cp < 0x800) || (need == 3 && (cp < 0x10000 || cp > 0x10ffff)) ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			return i;
		i += need + 1;
	}
	return len;
}

static struct ynode *new_node(struct loader *ld, enum ynode_kind kind, const yaml_mark_t *m)
{
	struct ynode *n;

	if (++ld->nodes > PRESET_MAX_NODES) {
		fail(ld, SOC_PRESET_SYNTAX, (unsigned int)m->line + 1, (unsigned int)m->column + 1, "document",
		     "expected at most %u values, found more", PRESET_MAX_NODES);
		return NULL;
	}
	n = calloc(1, sizeof(*n));
	if (!n) {
		fail(ld, SOC_PRESET_IO, (unsigned int)m->line + 1, (unsigned int)m->column + 1, "document",
		     "expected memory for the document, found none left");
		return NULL;
	}
	n->kind = kind;
	n->line = (unsigned int)m->line + 1;
	n->col = (unsigned int)m->column + 1;
	return n;
}

static bool add_item(struct loader *ld, struct ynode *parent, struct ynode *child)
{
	if (parent->n == parent->cap) {
		unsigned int cap = parent->cap ? parent->cap * 2 : 8;
		struct ynode **items = realloc(parent->items, cap * sizeof(*items));

		if (!items) {
			fail(ld, SOC_PRESET_IO, child->line, child->col, "document",
			     "expected memory for the document, found none left");
			return false;
		}
		parent->items = items;
		parent->cap = cap;
	}
	parent->items[parent->n++] = child;
	return true;
}

/* The field path of the node being built at stack[depth - 1] ("liodns[3]"), for errors found while
 * the tree is built. */
static void stack_path(struct ynode *const *stack, unsigned int depth, char *out, size_t cap)
{
	unsigned int d;
	size_t o = 0;

	out[0] = '\0';
	for (d = 1; d < depth && o < cap; d++) {
		const struct ynode *parent = stack[d - 1];

		if (parent->kind == YN_MAP && parent->n >= 2)
			o += (size_t)snprintf(out + o, cap - o, "%s%s", o ? "." : "",
					      parent->items[parent->n - 2]->text);
		else if (parent->kind == YN_SEQ && parent->n >= 1)
			o += (size_t)snprintf(out + o, cap - o, "[%u]", parent->n - 1);
	}
}

/* Attaches a finished or just-opened node to its parent; mapping keys must be unique scalars. */
static bool attach(struct loader *ld, struct ynode **stack, unsigned int depth, struct ynode **root,
		   struct ynode *n)
{
	struct ynode *parent;
	char buf[80], path[128], field[176];
	unsigned int i;

	if (depth == 0) {
		*root = n;
		return true;
	}
	parent = stack[depth - 1];
	if (parent->kind == YN_MAP && parent->n % 2 == 0) {
		if (n->kind != YN_SCALAR) {
			fail(ld, SOC_PRESET_SYNTAX, n->line, n->col, "document",
			     "expected a plain key, found %s used as a key", describe(n, buf, sizeof(buf)));
			node_free(n);
			return false;
		}
		for (i = 0; i < parent->n; i += 2) {
			if (!strcmp(parent->items[i]->text, n->text)) {
				stack_path(stack, depth, path, sizeof(path));
				join_path(field, sizeof(field), path, n->text);
				fail(ld, SOC_PRESET_INVALID, n->line, n->col, field,
				     "expected each key once, found a second \"%s\" (the first is at line %u)",
				     n->text, parent->items[i]->line);
				node_free(n);
				return false;
			}
		}
	}
	if (!add_item(ld, parent, n)) {
		node_free(n);
		return false;
	}
	return true;
}

/* Anchors, aliases and explicit tags are refused: a preset is plain data. */
static bool refuse_decorations(struct loader *ld, const yaml_event_t *ev, const yaml_char_t *anchor,
			       const yaml_char_t *tag)
{
	unsigned int line = (unsigned int)ev->start_mark.line + 1, col = (unsigned int)ev->start_mark.column + 1;

	if (anchor) {
		fail(ld, SOC_PRESET_SYNTAX, line, col, "document",
		     "expected plain data without anchors or aliases, found the anchor &%.40s", (const char *)anchor);
		return false;
	}
	if (tag) {
		fail(ld, SOC_PRESET_SYNTAX, line, col, "document",
		     "expected plain data without tags, found the tag %.40s", (const char *)tag);
		return false;
	}
	return true;
}

static struct ynode *parse_tree(struct loader *ld, const unsigned char *buf, size_t len)
{
	struct ynode *stack[PRESET_MAX_DEPTH];
	unsigned int depth = 0, documents = 0;
	struct ynode *root = NULL, *n;
	yaml_parser_t parser;
	yaml_event_t ev;
	bool done = false;

	if (!yaml_parser_initialize(&parser)) {
		fail(ld, SOC_PRESET_IO, 1, 1, "document", "expected a YAML parser, found no memory for one");
		return NULL;
	}
	yaml_parser_set_input_string(&parser, buf, len);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	while (!done && ld->status == SOC_PRESET_OK) {
		if (!yaml_parser_parse(&parser, &ev)) {
			unsigned int line, col;

			if (parser.error == YAML_READER_ERROR) {
				offset_pos(buf, len, parser.problem_offset, &line, &col);
			} else {
				line = (unsigned int)parser.problem_mark.line + 1;
				col = (unsigned int)parser.problem_mark.column + 1;
			}
			if (parser.error == YAML_MEMORY_ERROR)
				fail(ld, SOC_PRESET_IO, line, col, "document",
				     "expected memory for the document, found none left");
			else
				fail(ld, SOC_PRESET_SYNTAX, line, col, "document", "expected valid YAML, found %s%s%s",
				     parser.problem ? parser.problem : "an error",
				     parser.context ? " " : "", parser.context ? parser.context : "");
			break;
		}
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++documents > 1)
				fail(ld, SOC_PRESET_SYNTAX, (unsigned int)ev.start_mark.line + 1,
				     (unsigned int)ev.start_mark.column + 1, "document",
				     "expected one YAML document, found a second one");
			break;
		case YAML_ALIAS_EVENT:
			fail(ld, SOC_PRESET_SYNTAX, (unsigned int)ev.start_mark.line + 1,
			     (unsigned int)ev.start_mark.column + 1, "document",
			     "expected plain data without anchors or aliases, found the alias *%.40s",
			     (const char *)ev.data.alias.anchor);
			break;
		case YAML_SCALAR_EVENT:
			if (!refuse_decorations(ld, &ev, ev.data.scalar.anchor, ev.data.scalar.tag))
				break;
			if (ev.data.scalar.length > PRESET_MAX_SCALAR) {
				fail(ld, SOC_PRESET_SYNTAX, (unsigned int)ev.start_mark.line + 1,
				     (unsigned int)ev.start_mark.column + 1, "document",
				     "expected a value of at most %u bytes, found %zu bytes", PRESET_MAX_SCALAR,
				     ev.data.scalar.length);
				break;
			}
			n = new_node(ld, YN_SCALAR, &ev.start_mark);
			if (!n)
				break;
			n->plain = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
			n->len = ev.data.scalar.length;
			n->text = malloc(n->len + 1);
			if (!n->text) {
				node_free(n);
				fail(ld, SOC_PRESET_IO, 1, 1, "document",
				     "expected memory for the document, found none left");
				break;
			}
			memcpy(n->text, ev.data.scalar.value, n->len);
			n->text[n->len] = '\0';
			if (memchr(n->text, '\0', n->len)) {
				fail(ld, SOC_PRESET_SYNTAX, n->line, n->col, "document",
				     "expected text without NUL characters, found one");
				node_free(n);
				break;
			}
			attach(ld, stack, depth, &root, n);
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT: {
			bool seq = ev.type == YAML_SEQUENCE_START_EVENT;

			if (!refuse_decorations(ld, &ev,
						seq ? ev.data.sequence_start.anchor : ev.data.mapping_start.anchor,
						seq ? ev.data.sequence_start.tag : ev.data.mapping_start.tag))
				break;
			if (depth >= PRESET_MAX_DEPTH) {
				fail(ld, SOC_PRESET_SYNTAX, (unsigned int)ev.start_mark.line + 1,
				     (unsigned int)ev.start_mark.column + 1, "document",
				     "expected at most %u levels of nesting, found deeper nesting", PRESET_MAX_DEPTH);
				break;
			}
			n = new_node(ld, seq ? YN_SEQ : YN_MAP, &ev.start_mark);
			if (!n || !attach(ld, stack, depth, &root, n))
				break;
			stack[depth++] = n;
			break;
		}
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			if (depth)
				depth--;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	if (ld->status != SOC_PRESET_OK) {
		node_free(root);
		return NULL;
	}
	return root;
}

/* ------------------------------------------------------------------ phase 2: schema helpers */

static const struct ynode *map_get(const struct ynode *map, const char *key, const struct ynode **keynode)
{
	unsigned int i;

	for (i = 0; i + 1 < map->n; i += 2) {
		if (!strcmp(map->items[i]->text, key)) {
			if (keynode)
				*keynode = map->items[i];
			return map->items[i + 1];
		}
	}
	return NULL;
}

/* Every key of map must be in allowed (NULL-terminated). */
static bool check_keys(struct loader *ld, const struct ynode *map, const char *path, const char *const *allowed)
{
	char list[256], field[160];
	unsigned int i, k;
	size_t o;

	for (i = 0; i + 1 < map->n; i += 2) {
		const struct ynode *key = map->items[i];

		for (k = 0; allowed[k]; k++)
			if (!strcmp(allowed[k], key->text))
				break;
		if (allowed[k])
			continue;
		o = 0;
		list[0] = '\0';
		for (k = 0; allowed[k] && o < sizeof(list); k++)
			o += (size_t)snprintf(list + o, sizeof(list) - o, "%s%s", k ? ", " : "", allowed[k]);
		join_path(field, sizeof(field), path, key->text);
		fail_at(ld, key, field, "expected one of %s, found an unknown key \"%.40s\"", list, key->text);
		return false;
	}
	return true;
}

static bool expect_kind(struct loader *ld, const struct ynode *n, const struct ynode *at, const char *field,
			enum ynode_kind kind, const char *what)
{
	char buf[80];

	if (!n) {
		fail_at(ld, at, field, "expected %s, found nothing (the field is missing)", what);
		return false;
	}
	if (n->kind != kind) {
		fail_at(ld, n, field, "expected %s, found %s", what, describe(n, buf, sizeof(buf)));
		return false;
	}
	return true;
}

/* A required (or optional: *present reports) field of a mapping. */
static const struct ynode *field_of(struct loader *ld, const struct ynode *map, const char *path, const char *key,
				    bool required, const char *what, char *field, size_t cap)
{
	const struct ynode *v = map_get(map, key, NULL);

	join_path(field, cap, path, key);
	if (!v && required)
		fail_at(ld, map, field, "expected %s, found nothing (the field is missing)", what);
	return v;
}

/* Decimal (no leading zeros) or 0x hexadecimal, plain style, at most max. */
static bool get_uint(struct loader *ld, const struct ynode *n, const char *field, uint64_t max, const char *what,
		     uint64_t *out)
{
	char buf[80];
	const char *s;
	uint64_t v = 0;
	bool hex, overflow = false;
	size_t i, start;

	if (!n || n->kind != YN_SCALAR || !n->plain || n->len == 0)
		goto bad;
	s = n->text;
	hex = n->len > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
	start = hex ? 2 : 0;
	if (!hex && n->len > 1 && s[0] == '0')
		goto bad;
	for (i = start; i < n->len; i++) {
		unsigned int d;

		if (s[i] >= '0' && s[i] <= '9')
			d = (unsigned int)(s[i] - '0');
		else if (hex && s[i] >= 'a' && s[i] <= 'f')
			d = (unsigned int)(s[i] - 'a' + 10);
		else if (hex && s[i] >= 'A' && s[i] <= 'F')
			d = (unsigned int)(s[i] - 'A' + 10);
		else
			goto bad;
		if (v > (UINT64_MAX - d) / (hex ? 16 : 10))
			overflow = true;
		v = v * (hex ? 16 : 10) + d;
	}
	if (overflow || v > max) {
		fail_at(ld, n, field, "expected %s, found %.48s%s (too large)", what, n->text,
			n->len > 48 ? "..." : "");
		return false;
	}
	*out = v;
	return true;
bad:
	if (n && n->kind == YN_SCALAR && !n->plain && n->len)
		fail_at(ld, n, field, "expected %s, found the quoted string %s (numbers are written without quotes)",
			what, describe(n, buf, sizeof(buf)));
	else
		fail_at(ld, n, field, "expected %s, found %s", what, describe(n, buf, sizeof(buf)));
	return false;
}

static bool get_u32(struct loader *ld, const struct ynode *n, const char *field, uint32_t *out)
{
	uint64_t v;

	if (!get_uint(ld, n, field, UINT32_MAX, "a 32-bit integer", &v))
		return false;
	*out = (uint32_t)v;
	return true;
}

static bool get_bool(struct loader *ld, const struct ynode *n, const char *field, bool *out)
{
	char buf[80];

	if (n && n->kind == YN_SCALAR && n->plain && (!strcmp(n->text, "true") || !strcmp(n->text, "false"))) {
		*out = n->text[0] == 't';
		return true;
	}
	fail_at(ld, n, field, "expected true or false, found %s%s", describe(n, buf, sizeof(buf)),
		n && n->kind == YN_SCALAR && !n->plain ? " (quoted: write true or false without quotes)" : "");
	return false;
}

/* Non-empty text of at most cap - 1 bytes. */
static bool get_text(struct loader *ld, const struct ynode *n, const char *field, char *out, size_t cap)
{
	char buf[80];

	if (!n || n->kind != YN_SCALAR || n->len == 0) {
		fail_at(ld, n, field, "expected a non-empty string, found %s", describe(n, buf, sizeof(buf)));
		return false;
	}
	if (n->len >= cap) {
		fail_at(ld, n, field, "expected at most %zu characters, found %zu", cap - 1, n->len);
		return false;
	}
	memcpy(out, n->text, n->len + 1);
	return true;
}

/* Text made of the characters in allowed (plus letters and digits). */
static bool get_word(struct loader *ld, const struct ynode *n, const char *field, char *out, size_t cap,
		     const char *allowed, const char *what)
{
	char buf[80];
	size_t i;

	if (!get_text(ld, n, field, out, cap))
		return false;
	for (i = 0; out[i]; i++) {
		char c = out[i];

		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || strchr(allowed, c) ||
		    (strchr(allowed, 'A') && c >= 'A' && c <= 'Z'))
			continue;
		fail_at(ld, n, field, "expected %s, found %s", what, describe(n, buf, sizeof(buf)));
		return false;
	}
	return true;
}

/* ------------------------------------------------------------------ phase 2: the schema */

static const char *const top_keys[] = { "name", "description", "dt-match", "auto-match", "board", "revisions",
					"default-revision", "dram", "laws", "pamu", "mpic", "stash", "liodns",
					"assumptions", NULL };
static const char *const rev_keys[] = { "rev", "svr", "pvr", "erratum-a003638", NULL };
static const char *const dram_keys[] = { "base", "size", NULL };
static const char *const law_keys[] = { "index", "base", "size", "target", NULL };
static const char *const pamu_keys[] = { "pr1", "pr2", "pc1", "pc2", "pc3", "pc4", NULL };
static const char *const mpic_keys[] = { "version", "msi-alias-pages", NULL };
static const char *const stash_keys[] = { "cpu-base", "cpu-stride", "l2", "l3", NULL };
static const char *const liodn_keys[] = { "device", "compatible", "address", "cell-index", "register-only",
					  "liodn", "guts-reg", "shared", NULL };

static bool load_dt_match(struct loader *ld, const struct ynode *top, struct soc_preset *p)
{
	char field[160], f2[176];
	const struct ynode *v = field_of(ld, top, "", "dt-match", true,
					 "a compatible string or a list of them", field, sizeof(field));
	unsigned int i;

	if (!v)
		return false;
	if (v->kind == YN_SCALAR) {
		if (!get_text(ld, v, field, p->dt_matches[0], SOC_COMPAT_LEN))
			return false;
		p->dt_match_count = 1;
	} else {
		char buf[80];

		if (v->kind != YN_SEQ || v->n == 0 || v->n > SOC_PRESET_MAX_DT_MATCH) {
			fail_at(ld, v, field, "expected a compatible string or a list of 1 to %u of them, found %s",
				SOC_PRESET_MAX_DT_MATCH,
				v->kind == YN_SEQ ? (v->n ? "a longer list" : "an empty list") :
						    describe(v, buf, sizeof(buf)));
			return false;
		}
		for (i = 0; i < v->n; i++) {
			snprintf(f2, sizeof(f2), "%s[%u]", field, i);
			if (v->items[i]->kind != YN_SCALAR) {
				fail_at(ld, v->items[i], f2, "expected a compatible string, found %s",
					describe(v->items[i], buf, sizeof(buf)));
				return false;
			}
			if (!get_text(ld, v->items[i], f2, p->dt_matches[i], SOC_COMPAT_LEN))
				return false;
		}
		p->dt_match_count = v->n;
	}
	memcpy(p->dt_match, p->dt_matches[0], SOC_COMPAT_LEN);
	return true;
}

static bool load_revisions(struct loader *ld, const struct ynode *top, struct soc_preset *p)
{
	char field[160], base[64], what[64];
	const struct ynode *v = field_of(ld, top, "", "revisions", true, "a list of revisions", field, sizeof(field));
	const struct ynode *dflt;
	unsigned int i, j;

	if (!v || !expect_kind(ld, v, top, field, YN_SEQ, "a list of revisions"))
		return false;
	if (v->n == 0 || v->n > SOC_PRESET_MAX_REVS) {
		fail_at(ld, v, field, "expected 1 to %u revisions, found %u", SOC_PRESET_MAX_REVS, v->n);
		return false;
	}
	for (i = 0; i < v->n; i++) {
		const struct ynode *r = v->items[i], *f;
		struct soc_preset_rev *rev = &p->revs[i];

		snprintf(base, sizeof(base), "revisions[%u]", i);
		if (!expect_kind(ld, r, v, base, YN_MAP, "a mapping {rev, svr, pvr, erratum-a003638}") ||
		    !check_keys(ld, r, base, rev_keys))
			return false;
		f = field_of(ld, r, base, "rev", true, "a revision name such as \"2.0\"", field, sizeof(field));
		if (!f || !get_word(ld, f, field, rev->name, sizeof(rev->name), ".",
				    "a revision name such as \"2.0\" (digits, letters and dots)"))
			return false;
		for (j = 0; j < i; j++) {
			if (!strcmp(p->revs[j].name, rev->name)) {
				fail_at(ld, f, field, "expected each revision once, found \"%s\" again", rev->name);
				return false;
			}
		}
		f = field_of(ld, r, base, "svr", true, "a 32-bit integer", field, sizeof(field));
		if (!f || !get_u32(ld, f, field, &rev->svr))
			return false;
		if (rev->svr & 0x00080000u) {
			fail_at(ld, f, field, "expected the SVR with the security (E) bit 0x80000 clear, found 0x%08x",
				rev->svr);
			return false;
		}
		f = field_of(ld, r, base, "pvr", true, "a 32-bit integer", field, sizeof(field));
		if (!f || !get_u32(ld, f, field, &rev->pvr))
			return false;
		f = field_of(ld, r, base, "erratum-a003638", true, "true or false", field, sizeof(field));
		if (!f || !get_bool(ld, f, field, &rev->erratum_a003638))
			return false;
	}
	p->rev_count = v->n;

	dflt = field_of(ld, top, "", "default-revision", true, "the name of one of the revisions", field,
			sizeof(field));
	if (!dflt || !get_text(ld, dflt, field, what, sizeof(what)))
		return false;
	for (i = 0; i < p->rev_count; i++)
		if (!strcmp(p->revs[i].name, what))
			break;
	if (i == p->rev_count) {
		char buf[80];

		fail_at(ld, dflt, field, "expected the name of one of the revisions, found %s",
			describe(dflt, buf, sizeof(buf)));
		return false;
	}
	p->default_rev = i;
	return true;
}

static bool is_pow2(uint64_t v)
{
	return v && !(v & (v - 1));
}

static bool load_dram_laws(struct loader *ld, const struct ynode *top, struct soc_preset *p)
{
	char field[160], base[64];
	const struct ynode *v, *f;
	uint64_t val;
	unsigned int i, j;

	v = field_of(ld, top, "", "dram", true, "a mapping {base, size}", field, sizeof(field));
	if (!v || !expect_kind(ld, v, top, field, YN_MAP, "a mapping {base, size}") ||
	    !check_keys(ld, v, "dram", dram_keys))
		return false;
	f = field_of(ld, v, "dram", "base", true, "a 36-bit address aligned to 4 KiB", field, sizeof(field));
	if (!f || !get_uint(ld, f, field, PHYS_LIMIT - 1, "a 36-bit address aligned to 4 KiB", &p->dram_base))
		return false;
	if (p->dram_base & 0xfff) {
		fail_at(ld, f, field, "expected a 36-bit address aligned to 4 KiB, found 0x%llx",
			(unsigned long long)p->dram_base);
		return false;
	}
	f = field_of(ld, v, "dram", "size", true, "a size in bytes, a multiple of 4 KiB", field, sizeof(field));
	if (!f || !get_uint(ld, f, field, PHYS_LIMIT, "a size in bytes, a multiple of 4 KiB", &p->dram_size))
		return false;
	if (!p->dram_size || (p->dram_size & 0xfff) || p->dram_base + p->dram_size > PHYS_LIMIT) {
		fail_at(ld, f, field, "expected a non-zero multiple of 4 KiB ending at or below 2^36, found 0x%llx",
			(unsigned long long)p->dram_size);
		return false;
	}

	v = field_of(ld, top, "", "laws", false, "a list of LAWs", field, sizeof(field));
	if (!v)
		return true;
	if (!expect_kind(ld, v, top, field, YN_SEQ, "a list of LAWs"))
		return false;
	if (v->n > SOC_PRESET_MAX_LAWS) {
		fail_at(ld, v, field, "expected at most %u LAWs, found %u", SOC_PRESET_MAX_LAWS, v->n);
		return false;
	}
	for (i = 0; i < v->n; i++) {
		const struct ynode *r = v->items[i];
		struct soc_law *law = &p->laws[i];

		snprintf(base, sizeof(base), "laws[%u]", i);
		if (!expect_kind(ld, r, v, base, YN_MAP, "a mapping {index, base, size, target}") ||
		    !check_keys(ld, r, base, law_keys))
			return false;
		f = field_of(ld, r, base, "index", true, "a LAW number below 32", field, sizeof(field));
		if (!f || !get_uint(ld, f, field, MAX_LAWS - 1, "a LAW number below 32", &val))
			return false;
		law->index = (unsigned int)val;
		for (j = 0; j < i; j++) {
			if (p->laws[j].index == law->index) {
				fail_at(ld, f, field, "expected each LAW number once, found %u again", law->index);
				return false;
			}
		}
		f = field_of(ld, r, base, "size", true, "a power of two from 4 KiB to 64 GiB", field, sizeof(field));
		if (!f || !get_uint(ld, f, field, PHYS_LIMIT, "a power of two from 4 KiB to 64 GiB", &law->size))
			return false;
		if (!is_pow2(law->size) || law->size < 0x1000) {
			fail_at(ld, f, field, "expected a power of two from 4 KiB to 64 GiB, found 0x%llx",
				(unsigned long long)law->size);
			return false;
		}
		f = field_of(ld, r, base, "base", true, "a 36-bit address aligned to the LAW size", field,
			     sizeof(field));
		if (!f || !get_uint(ld, f, field, PHYS_LIMIT - 1, "a 36-bit address aligned to the LAW size",
				    &law->base))
			return false;
		if ((law->base & (law->size - 1)) || law->base + law->size > PHYS_LIMIT) {
			fail_at(ld, f, field, "expected a 36-bit address aligned to the LAW size 0x%llx, found 0x%llx",
				(unsigned long long)law->size, (unsigned long long)law->base);
			return false;
		}
		for (j = 0; j < i; j++) {
			const struct soc_law *o = &p->laws[j];

			if (law->base < o->base + o->size && o->base < law->base + law->size) {
				fail_at(ld, f, field, "expected a window no other LAW covers, found one that overlaps "
					"laws[%u] (LAW %u)", j, o->index);
				return false;
			}
		}
		f = field_of(ld, r, base, "target", true, "an 8-bit target id", field, sizeof(field));
		if (!f || !get_uint(ld, f, field, 0xff, "an 8-bit target id", &val))
			return false;
		law->target = (uint8_t)val;
	}
	p->law_count = v->n;
	return true;
}

static bool load_blocks(struct loader *ld, const struct ynode *top, struct soc_preset *p)
{
	static const char *const l2_names[] = { "none", "per-core", "cluster" };
	char field[160], buf[80];
	uint32_t *caps[] = { &p->pamu_caps.pr1, &p->pamu_caps.pr2, &p->pamu_caps.pc1, &p->pamu_caps.pc2,
			     &p->pamu_caps.pc3, &p->pamu_caps.pc4 };
	const struct ynode *v, *f;
	uint64_t val;
	unsigned int i;

	v = field_of(ld, top, "", "pamu", true, "a mapping {pr1, pr2, pc1, pc2, pc3, pc4}", field, sizeof(field));
	if (!v || !expect_kind(ld, v, top, field, YN_MAP, "a mapping {pr1, pr2, pc1, pc2, pc3, pc4}") ||
	    !check_keys(ld, v, "pamu", pamu_keys))
		return false;
	for (i = 0; i < 6; i++) {
		f = field_of(ld, v, "pamu", pamu_keys[i], true, "a 32-bit integer", field, sizeof(field));
		if (!f || !get_u32(ld, f, field, caps[i]))
			return false;
	}

	v = field_of(ld, top, "", "mpic", true, "a mapping {version, msi-alias-pages}", field, sizeof(field));
	if (!v || !expect_kind(ld, v, top, field, YN_MAP, "a mapping {version, msi-alias-pages}") ||
	    !check_keys(ld, v, "mpic", mpic_keys))
		return false;
	f = field_of(ld, v, "mpic", "version", true, "a 16-bit integer", field, sizeof(field));
	if (!f || !get_uint(ld, f, field, 0xffff, "a 16-bit integer", &val))
		return false;
	p->mpic_version = (uint16_t)val;
	f = field_of(ld, v, "mpic", "msi-alias-pages", true, "true or false", field, sizeof(field));
	if (!f || !get_bool(ld, f, field, &p->msi_alias_pages))
		return false;

	v = field_of(ld, top, "", "stash", true, "a mapping {cpu-base, cpu-stride, l2, l3}", field, sizeof(field));
	if (!v || !expect_kind(ld, v, top, field, YN_MAP, "a mapping {cpu-base, cpu-stride, l2, l3}") ||
	    !check_keys(ld, v, "stash", stash_keys))
		return false;
	/* Stash ids end up in the 8-bit CID field of a PAACE (hw-facts.md 5, 11). */
	f = field_of(ld, v, "stash", "cpu-base", true, "an 8-bit stash id", field, sizeof(field));
	if (!f || !get_uint(ld, f, field, 0xff, "an 8-bit stash id", &val))
		return false;
	p->cpu_stash_base = (uint32_t)val;
	f = field_of(ld, v, "stash", "cpu-stride", true, "an 8-bit integer", field, sizeof(field));
	if (!f || !get_uint(ld, f, field, 0xff, "an 8-bit integer", &val))
		return false;
	p->cpu_stash_stride = (uint32_t)val;
	f = field_of(ld, v, "stash", "l2", true, "none, per-core or cluster", field, sizeof(field));
	if (!f)
		return false;
	for (i = 0; i < 3; i++)
		if (f->kind == YN_SCALAR && f->plain && !strcmp(f->text, l2_names[i]))
			break;
	if (i == 3) {
		fail_at(ld, f, field, "expected none, per-core or cluster, found %s", describe(f, buf, sizeof(buf)));
		return false;
	}
	p->l2_stash = (enum soc_l2_stash)i;
	f = field_of(ld, v, "stash", "l3", true, "an 8-bit stash id (0: none)", field, sizeof(field));
	if (!f || !get_uint(ld, f, field, 0xff, "an 8-bit stash id (0: none)", &val))
		return false;
	p->l3_stash_id = (uint32_t)val;
	return true;
}

static bool load_liodn_row(struct loader *ld, const struct ynode *r, unsigned int i, struct soc_fw_liodn *row,
			   const struct ynode *list)
{
	char field[160], base[64], f2[176], buf[80];
	const struct ynode *addr, *cell, *regonly, *f;
	bool register_only = false;
	uint64_t val;
	unsigned int k;

	snprintf(base, sizeof(base), "liodns[%u]", i);
	if (!expect_kind(ld, r, list, base, YN_MAP, "a mapping {compatible, address | cell-index | "
			 "register-only, liodn, ...}") || !check_keys(ld, r, base, liodn_keys))
		return false;
	row->line = r->line;
	f = field_of(ld, r, base, "device", false, "", field, sizeof(field));
	if (f && !get_text(ld, f, field, row->device, sizeof(row->device)))
		return false;

	addr = map_get(r, "address", NULL);
	cell = map_get(r, "cell-index", NULL);
	regonly = map_get(r, "register-only", NULL);
	if (regonly) {
		join_path(field, sizeof(field), base, "register-only");
		if (!get_bool(ld, regonly, field, &register_only))
			return false;
	}
	if ((addr != NULL) + (cell != NULL) + register_only != 1) {
		fail_at(ld, r, base, "expected exactly one of address, cell-index or register-only: true, found %s",
			(addr || cell || register_only) ? "more than one" : "none");
		return false;
	}
	if (addr) {
		row->match = SOC_LIODN_BY_ADDRESS;
		join_path(field, sizeof(field), base, "address");
		if (!get_uint(ld, addr, field, CCSR_SIZE - 1, "a CCSR offset below 0x1000000", &row->ccsr_offset))
			return false;
	} else if (cell) {
		row->match = SOC_LIODN_BY_CELL_INDEX;
		join_path(field, sizeof(field), base, "cell-index");
		if (!get_u32(ld, cell, field, &row->cell_index))
			return false;
	} else {
		row->match = SOC_LIODN_REGISTER_ONLY;
	}
	f = field_of(ld, r, base, "compatible", !register_only, "the node's compatible string", field,
		     sizeof(field));
	if (!f && !register_only)
		return false;
	if (f && !get_text(ld, f, field, row->compatible, sizeof(row->compatible)))
		return false;

	f = field_of(ld, r, base, "liodn", true, "a list of one or two LIODNs", field, sizeof(field));
	if (!f || !expect_kind(ld, f, r, field, YN_SEQ, "a list of one or two LIODNs"))
		return false;
	if (f->n < 1 || f->n > 2) {
		fail_at(ld, f, field, "expected a list of one or two LIODNs, found %u", f->n);
		return false;
	}
	for (k = 0; k < f->n; k++) {
		snprintf(f2, sizeof(f2), "%s[%u]", field, k);
		if (!get_uint(ld, f->items[k], f2, LIODN_LIMIT - 1, "a LIODN below 4096 (12 bits)", &val))
			return false;
		row->liodn[k] = (uint32_t)val;
	}
	row->cells = f->n;

	f = field_of(ld, r, base, "guts-reg", false, "", field, sizeof(field));
	if (f) {
		if (!get_uint(ld, f, field, 0xfff, "a GUTS LIODN register offset (0x500-0x588)", &val))
			return false;
		if (!soc_guts_is_liodn_reg((uint32_t)val)) {
			fail_at(ld, f, field, "expected a GUTS LIODN register offset (0x500-0x588), found %s",
				describe(f, buf, sizeof(buf)));
			return false;
		}
		row->guts_reg = (uint32_t)val;
	}
	f = field_of(ld, r, base, "shared", false, "", field, sizeof(field));
	if (f && !get_text(ld, f, field, row->shared_reason, sizeof(row->shared_reason)))
		return false;
	return true;
}

/* Where each LIODN value was first seen: row + 1 and cell (0 = unused). */
struct liodn_use {
	uint16_t row1;
	uint8_t cell;
};

static bool check_liodns_distinct(struct loader *ld, const struct ynode *list, const struct soc_preset *p)
{
	struct liodn_use *use = calloc(LIODN_LIMIT, sizeof(*use));
	bool *sharing = calloc(p->liodn_count ? p->liodn_count : 1, sizeof(*sharing));
	char field[64];
	unsigned int i, k;
	bool ok = true;

	if (!use || !sharing) {
		free(use);
		free(sharing);
		fail(ld, SOC_PRESET_IO, 1, 1, "liodns", "expected memory for the check, found none left");
		return false;
	}
	for (i = 0; i < p->liodn_count && ok; i++) {
		const struct soc_fw_liodn *row = &p->liodns[i];

		for (k = 0; k < row->cells && ok; k++) {
			uint32_t v = row->liodn[k];
			struct liodn_use *u = &use[v];
			unsigned int j;

			if (!u->row1) {
				u->row1 = (uint16_t)(i + 1);
				u->cell = (uint8_t)k;
				continue;
			}
			j = u->row1 - 1;
			sharing[i] = sharing[j] = true;
			/* Blame the row without a reason: this one, else the first user. */
			if (!row->shared_reason[0] || !p->liodns[j].shared_reason[0]) {
				unsigned int bad = row->shared_reason[0] ? j : i;
				unsigned int cell = row->shared_reason[0] ? u->cell : k;
				const struct ynode *at = map_get(list->items[bad], "liodn", NULL);

				snprintf(field, sizeof(field), "liodns[%u].liodn[%u]", bad, cell);
				fail_at(ld, at && cell < at->n ? at->items[cell] : list->items[bad], field,
					"expected a LIODN no other row uses, or a shared: reason on every row "
					"that uses it, found %u (also in liodns[%u])", v, bad == i ? j : i);
				ok = false;
			}
		}
	}
	for (i = 0; i < p->liodn_count && ok; i++) {
		if (p->liodns[i].shared_reason[0] && !sharing[i]) {
			const struct ynode *key = NULL;

			map_get(list->items[i], "shared", &key);
			snprintf(field, sizeof(field), "liodns[%u].shared", i);
			fail_at(ld, key, field, "expected only on a row whose LIODN another row uses too, found a "
				"reason on a row whose LIODNs are its own");
			ok = false;
		}
	}
	free(use);
	free(sharing);
	return ok;
}

static bool load_liodns(struct loader *ld, const struct ynode *top, struct soc_preset *p)
{
	char field[160];
	const struct ynode *v = field_of(ld, top, "", "liodns", true, "a list of firmware LIODN rows", field,
					 sizeof(field));
	unsigned int i, j;

	if (!v || !expect_kind(ld, v, top, field, YN_SEQ, "a list of firmware LIODN rows"))
		return false;
	if (v->n == 0 || v->n > SOC_PRESET_MAX_LIODNS) {
		fail_at(ld, v, field, "expected 1 to %u rows, found %u", SOC_PRESET_MAX_LIODNS, v->n);
		return false;
	}
	for (i = 0; i < v->n; i++) {
		struct soc_fw_liodn *row = &p->liodns[i];

		if (!load_liodn_row(ld, v->items[i], i, row, v))
			return false;
		/* Two rows for one node would give it two fsl,liodn values. */
		for (j = 0; j < i && row->match != SOC_LIODN_REGISTER_ONLY; j++) {
			const struct soc_fw_liodn *o = &p->liodns[j];

			if (o->match != row->match || strcmp(o->compatible, row->compatible) ||
			    (row->match == SOC_LIODN_BY_ADDRESS ? o->ccsr_offset != row->ccsr_offset :
			     o->cell_index != row->cell_index))
				continue;
			snprintf(field, sizeof(field), "liodns[%u]", i);
			fail_at(ld, v->items[i], field,
				"expected each node once, found the node of liodns[%u] again", j);
			return false;
		}
	}
	p->liodn_count = v->n;
	return check_liodns_distinct(ld, v, p);
}

static bool load_assumptions(struct loader *ld, const struct ynode *top, struct soc_preset *p)
{
	char field[160], f2[176], buf[80];
	const struct ynode *v = field_of(ld, top, "", "assumptions", false, "", field, sizeof(field));
	unsigned int i;

	if (!v)
		return true;
	if (!expect_kind(ld, v, top, field, YN_SEQ, "a list of strings"))
		return false;
	if (v->n > SOC_PRESET_MAX_ASSUMPTIONS) {
		fail_at(ld, v, field, "expected at most %u assumptions, found %u", SOC_PRESET_MAX_ASSUMPTIONS, v->n);
		return false;
	}
	for (i = 0; i < v->n; i++) {
		snprintf(f2, sizeof(f2), "%s[%u]", field, i);
		if (v->items[i]->kind != YN_SCALAR) {
			fail_at(ld, v->items[i], f2, "expected a string, found %s",
				describe(v->items[i], buf, sizeof(buf)));
			return false;
		}
		if (!get_text(ld, v->items[i], f2, p->assumptions[i], SOC_TEXT_LEN))
			return false;
	}
	p->assumption_count = v->n;
	return true;
}

static bool load_top(struct loader *ld, const struct ynode *top, struct soc_preset *p)
{
	char field[160];
	const struct ynode *f;

	if (!check_keys(ld, top, "", top_keys))
		return false;
	f = field_of(ld, top, "", "name", true, "a preset name", field, sizeof(field));
	if (!f || !get_word(ld, f, field, p->name, sizeof(p->name), "-.",
			    "a preset name of lower-case letters, digits, '-' and '.'"))
		return false;
	f = field_of(ld, top, "", "description", true, "a one-line description", field, sizeof(field));
	if (!f || !get_text(ld, f, field, p->description, sizeof(p->description)))
		return false;
	if (strchr(p->description, '\n')) {
		fail_at(ld, f, field, "expected a one-line description, found several lines");
		return false;
	}
	if (!load_dt_match(ld, top, p))
		return false;
	f = field_of(ld, top, "", "auto-match", true, "true or false", field, sizeof(field));
	if (!f || !get_bool(ld, f, field, &p->auto_match))
		return false;
	f = field_of(ld, top, "", "board", true, "a board name (its DTB file name without .dtb)", field,
		     sizeof(field));
	if (!f || !get_word(ld, f, field, p->board, sizeof(p->board), "-_A",
			    "a board name (letters, digits, '-' and '_')"))
		return false;
	return load_revisions(ld, top, p) && load_dram_laws(ld, top, p) && load_blocks(ld, top, p) &&
	       load_liodns(ld, top, p) && load_assumptions(ld, top, p);
}

/* ------------------------------------------------------------------ public API */

/* The whole file, at most PRESET_MAX_FILE bytes (a larger one is refused, not truncated). */
static unsigned char *read_file(const char *path, size_t *len, struct loader *ld)
{
	unsigned char *buf = NULL, *nbuf;
	size_t n = 0, cap = 0, got;
	FILE *f = fopen(path, "rb");

	if (!f) {
		ld->status = SOC_PRESET_IO;
		set_err(ld->err, "%s: cannot read the preset: %s", path, strerror(errno));
		return NULL;
	}
	do {
		if (n == cap) {
			cap = cap ? cap * 2 : 16384;
			if (cap > PRESET_MAX_FILE + 1)
				cap = PRESET_MAX_FILE + 1;
			nbuf = realloc(buf, cap);
			if (!nbuf) {
				ld->status = SOC_PRESET_IO;
				set_err(ld->err, "%s: cannot read the preset: out of memory", path);
				break;
			}
			buf = nbuf;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got && n <= PRESET_MAX_FILE);
	if (ld->status == SOC_PRESET_OK && ferror(f)) {
		ld->status = SOC_PRESET_IO;
		set_err(ld->err, "%s: cannot read the preset: %s", path, strerror(errno ? errno : EIO));
	}
	fclose(f);
	if (ld->status == SOC_PRESET_OK && n > PRESET_MAX_FILE)
		fail(ld, SOC_PRESET_SYNTAX, 1, 1, "document", "expected a file of at most %u bytes, found a larger one",
		     PRESET_MAX_FILE);
	if (ld->status != SOC_PRESET_OK) {
		free(buf);
		return NULL;
	}
	*len = n;
	return buf ? buf : calloc(1, 1);
}

enum soc_preset_status soc_preset_load(const char *path, struct soc_preset *out, struct soc_error *err)
{
	struct loader ld = { .file = path ? path : "(null)", .err = err, .status = SOC_PRESET_OK };
	struct ynode *root;
	unsigned char *buf;
	size_t len = 0, bad;

	if (err)
		err->msg[0] = '\0';
	if (!out || !path) {
		set_err(err, "soc_preset_load: expected a path and an output preset, found NULL");
		return SOC_PRESET_IO;
	}
	memset(out, 0, sizeof(*out));
	buf = read_file(path, &len, &ld);
	if (!buf)
		return ld.status;
	bad = utf8_invalid_at(buf, len);
	if (bad < len) {
		unsigned int line, col;

		offset_pos(buf, len, bad, &line, &col);
		fail(&ld, SOC_PRESET_SYNTAX, line, col, "document", "expected UTF-8 text, found the byte 0x%02x",
		     buf[bad]);
		free(buf);
		return ld.status;
	}
	root = parse_tree(&ld, buf, len);
	free(buf);
	if (ld.status != SOC_PRESET_OK)
		return ld.status;
	if (!root) {
		fail(&ld, SOC_PRESET_INVALID, 1, 1, "", "expected a mapping of preset fields, found an empty document");
	} else if (root->kind != YN_MAP) {
		char b[80];

		fail_at(&ld, root, "", "expected a mapping of preset fields, found %s", describe(root, b, sizeof(b)));
	} else if (load_top(&ld, root, out)) {
		snprintf(out->file, sizeof(out->file), "%s", path);
	}
	node_free(root);
	if (ld.status != SOC_PRESET_OK)
		memset(out, 0, sizeof(*out));
	return ld.status;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

enum soc_preset_status soc_preset_load_dir(const char *dir, struct soc_preset *out, unsigned int max,
					   unsigned int *count, struct soc_error *err)
{
	enum soc_preset_status st = SOC_PRESET_OK;
	char *names[PRESET_MAX_DIR_FILES];
	unsigned int n = 0, i;
	struct dirent *de;
	DIR *d;

	if (count)
		*count = 0;
	if (err)
		err->msg[0] = '\0';
	if (!dir || !out || !count) {
		set_err(err, "soc_preset_load_dir: expected a directory, an output array and a count, found NULL");
		return SOC_PRESET_IO;
	}
	d = opendir(dir);
	if (!d) {
		set_err(err, "%s: cannot read the preset directory: %s", dir, strerror(errno));
		return SOC_PRESET_IO;
	}
	while ((de = readdir(d))) {
		size_t len = strlen(de->d_name);

		if (de->d_name[0] == '.' || len <= 5 || strcmp(de->d_name + len - 5, ".yaml"))
			continue;
		if (n == PRESET_MAX_DIR_FILES || n == max) {
			set_err(err, "%s: expected at most %u preset files, found more", dir,
				max < PRESET_MAX_DIR_FILES ? max : PRESET_MAX_DIR_FILES);
			st = SOC_PRESET_INVALID;
			break;
		}
		names[n] = strdup(de->d_name);
		if (!names[n]) {
			set_err(err, "%s: cannot read the preset directory: out of memory", dir);
			st = SOC_PRESET_IO;
			break;
		}
		n++;
	}
	closedir(d);
	if (st == SOC_PRESET_OK)
		qsort(names, n, sizeof(names[0]), name_cmp);
	for (i = 0; i < n && st == SOC_PRESET_OK; i++) {
		size_t plen = strlen(dir) + strlen(names[i]) + 2;
		char *path = malloc(plen);

		if (!path) {
			set_err(err, "%s: cannot read the preset directory: out of memory", dir);
			st = SOC_PRESET_IO;
			break;
		}
		snprintf(path, plen, "%s/%s", dir, names[i]);
		st = soc_preset_load(path, &out[i], err);
		if (st == SOC_PRESET_OK) {
			size_t stem = strlen(names[i]) - 5;

			/* The file name is the preset's name: `--soc NAME` finds socs/NAME.yaml. */
			if (strlen(out[i].name) != stem || strncmp(out[i].name, names[i], stem)) {
				set_err(err, "%s: name: expected \"%.*s\" (the file name), found \"%s\"", path,
					(int)stem, names[i], out[i].name);
				st = SOC_PRESET_INVALID;
			}
		}
		free(path);
		if (st == SOC_PRESET_OK)
			*count = i + 1;
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	return st;
}

int soc_preset_find_rev(const struct soc_preset *p, const char *rev)
{
	unsigned int i;

	for (i = 0; p && rev && i < p->rev_count && i < SOC_PRESET_MAX_REVS; i++)
		if (!strcmp(p->revs[i].name, rev))
			return (int)i;
	return -1;
}

int soc_preset_find(const struct soc_preset *presets, unsigned int count, const char *name)
{
	unsigned int i;

	for (i = 0; presets && name && i < count; i++)
		if (!strcmp(presets[i].name, name))
			return (int)i;
	return -1;
}

/* First compatible string of a node, or NULL. */
static const char *first_compat(const void *fdt, int node)
{
	int len;
	const char *c = fdt_getprop(fdt, node, "compatible", &len);

	if (!c || len <= 0 || !memchr(c, '\0', (size_t)len))
		return NULL;
	return c;
}

/* 2: a dt-match string is the root's first compatible; 1: some other node's; 0: none. */
static int match_level(const struct soc_preset *p, const void *fdt)
{
	unsigned int k, nmatch = p->dt_match_count ? p->dt_match_count : 1;
	int node, level = 0;

	for (node = 0; node >= 0; node = fdt_next_node(fdt, node, NULL)) {
		const char *c = first_compat(fdt, node);

		if (!c)
			continue;
		for (k = 0; k < nmatch && k < SOC_PRESET_MAX_DT_MATCH; k++) {
			const char *m = p->dt_match_count ? p->dt_matches[k] : p->dt_match;

			if (m[0] && !strcmp(c, m)) {
				if (node == 0)
					return 2;
				level = 1;
			}
		}
	}
	return level;
}

int soc_preset_match_fdt(const struct soc_preset *presets, unsigned int count, const void *fdt, size_t size,
			 const char *file, struct soc_error *err)
{
	int best = SOC_PRESET_NO_MATCH, best_level = 0, other = -1;
	struct soc_error dt_err;
	struct soc_dt dt;
	unsigned int i;

	if (err)
		err->msg[0] = '\0';
	/* The same checks the SoC builder makes, so a bad blob is refused with the same message and nothing
	 * below reads past size bytes. */
	if (!soc_dt_open(&dt, fdt, size, file ? file : "dtb", &dt_err)) {
		set_err(err, "%s", dt_err.msg);
		return SOC_PRESET_BAD_FDT;
	}
	soc_dt_close(&dt);
	for (i = 0; presets && i < count; i++) {
		int level;

		if (!presets[i].auto_match)
			continue;
		level = match_level(&presets[i], fdt);
		if (level > best_level) {
			best_level = level;
			best = (int)i;
			other = -1;
		} else if (level && level == best_level) {
			other = (int)i;
		}
	}
	if (best_level && other >= 0) {
		set_err(err, "the tree matches the presets %s and %s equally (%s); choose one with --preset",
			presets[best].name, presets[other].name, best_level == 2 ? "board compatible" : "SoC block");
		return SOC_PRESET_AMBIGUOUS;
	}
	if (!best_level) {
		const char *root = first_compat(fdt, 0);

		set_err(err, "no preset's dt-match names a compatible of this tree (root compatible \"%s\"); choose "
			"one with --preset", root ? root : "");
		return SOC_PRESET_NO_MATCH;
	}
	return best;
}
