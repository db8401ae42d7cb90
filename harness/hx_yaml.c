// SPDX-License-Identifier: BSD-2-Clause
/*
 * hx_yaml.c - bounded YAML document tree for scenarios (libyaml event API).
 *
 * The approach and limits are the SoC preset loader's (model/soc/soc_preset.c, phase 1), adapted to
 * scenarios: a hostile file is refused before any schema check (anchors, aliases, tags, a second
 * document, nesting deeper than HX_YAML_MAX_DEPTH, more than HX_YAML_MAX_NODES values, scalars longer
 * than HX_YAML_MAX_SCALAR bytes, files over HX_YAML_MAX_FILE bytes, bytes that are not UTF-8, NULs).
 * Error format: ../shared/DESIGN.md.
 */
#include "hx_yaml.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

struct yparser {
	const char *file;
	struct hx_error *err;
	bool failed;
	unsigned int nodes;
};

void hx_yaml_free(struct hx_ynode *n)
{
	unsigned int i;

	if (!n)
		return;
	for (i = 0; i < n->n; i++)
		hx_yaml_free(n->items[i]);
	free(n->items);
	free(n->text);
	free(n);
}

static void yfail(struct yparser *p, unsigned int line, unsigned int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void yfail(struct yparser *p, unsigned int line, unsigned int col, const char *fmt, ...)
{
	char what[400];
	va_list ap;

	if (p->failed)
		return;
	p->failed = true;
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	snprintf(p->err->msg, sizeof(p->err->msg), "%s:%u:%u: document: %s", p->file, line, col, what);
}

const char *hx_ydescribe(const struct hx_ynode *n, char *buf, size_t cap)
{
	size_t i, o = 0;

	if (!n)
		return "nothing";
	if (n->kind == HX_YN_SEQ)
		return "a list";
	if (n->kind == HX_YN_MAP)
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

/* Offset of the first byte that is not well-formed UTF-8 (RFC 3629), or len. */
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

static struct hx_ynode *new_node(struct yparser *p, enum hx_ynode_kind kind, const yaml_mark_t *m)
{
	struct hx_ynode *n;

	if (++p->nodes > HX_YAML_MAX_NODES) {
		yfail(p, (unsigned int)m->line + 1, (unsigned int)m->column + 1,
		      "expected at most %u values, found more", HX_YAML_MAX_NODES);
		return NULL;
	}
	n = calloc(1, sizeof(*n));
	if (!n) {
		yfail(p, (unsigned int)m->line + 1, (unsigned int)m->column + 1,
		      "expected memory for the document, found none left");
		return NULL;
	}
	n->kind = kind;
	n->line = (unsigned int)m->line + 1;
	n->col = (unsigned int)m->column + 1;
	return n;
}

static bool attach(struct yparser *p, struct hx_ynode **stack, unsigned int depth, struct hx_ynode **root,
		   struct hx_ynode *n)
{
	struct hx_ynode *parent;
	char buf[80];
	unsigned int i;

	if (depth == 0) {
		*root = n;
		return true;
	}
	parent = stack[depth - 1];
	if (parent->kind == HX_YN_MAP && parent->n % 2 == 0) {
		if (n->kind != HX_YN_SCALAR) {
			yfail(p, n->line, n->col, "expected a plain key, found %s used as a key",
			      hx_ydescribe(n, buf, sizeof(buf)));
			hx_yaml_free(n);
			return false;
		}
		for (i = 0; i < parent->n; i += 2) {
			if (!strcmp(parent->items[i]->text, n->text)) {
				yfail(p, n->line, n->col,
				      "expected each key once, found a second \"%.40s\" (the first is at line %u)",
				      n->text, parent->items[i]->line);
				hx_yaml_free(n);
				return false;
			}
		}
	}
	if (parent->n == parent->cap) {
		unsigned int cap = parent->cap ? parent->cap * 2 : 8;
		struct hx_ynode **items = realloc(parent->items, cap * sizeof(*items));

		if (!items) {
			yfail(p, n->line, n->col, "expected memory for the document, found none left");
			hx_yaml_free(n);
			return false;
		}
		parent->items = items;
		parent->cap = cap;
	}
	parent->items[parent->n++] = n;
	return true;
}

static bool refuse_decorations(struct yparser *p, const yaml_event_t *ev, const yaml_char_t *anchor,
			       const yaml_char_t *tag)
{
	unsigned int line = (unsigned int)ev->start_mark.line + 1, col = (unsigned int)ev->start_mark.column + 1;

	if (anchor) {
		yfail(p, line, col, "expected plain data without anchors or aliases, found the anchor &%.40s",
		      (const char *)anchor);
		return false;
	}
	if (tag) {
		yfail(p, line, col, "expected plain data without tags, found the tag %.40s", (const char *)tag);
		return false;
	}
	return true;
}

struct hx_ynode *hx_yaml_parse(const char *file, const unsigned char *buf, size_t len, struct hx_error *err)
{
	struct yparser p = { .file = file, .err = err };
	struct hx_ynode *stack[HX_YAML_MAX_DEPTH];
	struct hx_ynode *root = NULL, *n;
	unsigned int depth = 0, documents = 0, line, col;
	yaml_parser_t parser;
	yaml_event_t ev;
	bool done = false;
	size_t bad;

	if (len > HX_YAML_MAX_FILE) {
		yfail(&p, 1, 1, "expected a file of at most %u bytes, found %zu bytes", HX_YAML_MAX_FILE, len);
		return NULL;
	}
	bad = utf8_invalid_at(buf, len);
	if (bad < len) {
		offset_pos(buf, len, bad, &line, &col);
		yfail(&p, line, col, "expected UTF-8 text, found the byte 0x%02x", buf[bad]);
		return NULL;
	}
	if (memchr(buf, '\0', len)) {
		offset_pos(buf, len, (size_t)((const unsigned char *)memchr(buf, '\0', len) - buf), &line, &col);
		yfail(&p, line, col, "expected text without NUL characters, found one");
		return NULL;
	}
	if (!yaml_parser_initialize(&parser)) {
		yfail(&p, 1, 1, "expected a YAML parser, found no memory for one");
		return NULL;
	}
	yaml_parser_set_input_string(&parser, buf, len);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	while (!done && !p.failed) {
		if (!yaml_parser_parse(&parser, &ev)) {
			if (parser.error == YAML_READER_ERROR) {
				offset_pos(buf, len, parser.problem_offset, &line, &col);
			} else {
				line = (unsigned int)parser.problem_mark.line + 1;
				col = (unsigned int)parser.problem_mark.column + 1;
			}
			yfail(&p, line, col, "expected valid YAML, found %s%s%s",
			      parser.problem ? parser.problem : "an error", parser.context ? " " : "",
			      parser.context ? parser.context : "");
			break;
		}
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++documents > 1)
				yfail(&p, (unsigned int)ev.start_mark.line + 1, (unsigned int)ev.start_mark.column + 1,
				      "expected one YAML document, found a second one");
			break;
		case YAML_ALIAS_EVENT:
			yfail(&p, (unsigned int)ev.start_mark.line + 1, (unsigned int)ev.start_mark.column + 1,
			      "expected plain data without anchors or aliases, found the alias *%.40s",
			      (const char *)ev.data.alias.anchor);
			break;
		case YAML_SCALAR_EVENT:
			if (!refuse_decorations(&p, &ev, ev.data.scalar.anchor, ev.data.scalar.tag))
				break;
			if (ev.data.scalar.length > HX_YAML_MAX_SCALAR) {
				yfail(&p, (unsigned int)ev.start_mark.line + 1, (unsigned int)ev.start_mark.column + 1,
				      "expected a value of at most %u bytes, found %zu bytes", HX_YAML_MAX_SCALAR,
				      ev.data.scalar.length);
				break;
			}
			n = new_node(&p, HX_YN_SCALAR, &ev.start_mark);
			if (!n)
				break;
			n->plain = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
			n->len = ev.data.scalar.length;
			n->text = malloc(n->len + 1);
			if (!n->text) {
				hx_yaml_free(n);
				yfail(&p, 1, 1, "expected memory for the document, found none left");
				break;
			}
			memcpy(n->text, ev.data.scalar.value, n->len);
			n->text[n->len] = '\0';
			attach(&p, stack, depth, &root, n);
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT: {
			bool seq = ev.type == YAML_SEQUENCE_START_EVENT;

			if (!refuse_decorations(&p, &ev,
						seq ? ev.data.sequence_start.anchor : ev.data.mapping_start.anchor,
						seq ? ev.data.sequence_start.tag : ev.data.mapping_start.tag))
				break;
			if (depth >= HX_YAML_MAX_DEPTH) {
				yfail(&p, (unsigned int)ev.start_mark.line + 1, (unsigned int)ev.start_mark.column + 1,
				      "expected at most %u levels of nesting, found deeper nesting", HX_YAML_MAX_DEPTH);
				break;
			}
			n = new_node(&p, seq ? HX_YN_SEQ : HX_YN_MAP, &ev.start_mark);
			if (!n || !attach(&p, stack, depth, &root, n))
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
	if (p.failed) {
		hx_yaml_free(root);
		return NULL;
	}
	if (!root)
		yfail(&p, 1, 1, "expected a scenario (a mapping), found an empty document");
	return p.failed ? NULL : root;
}

struct hx_ynode *hx_yaml_load(const char *file, struct hx_error *err)
{
	struct hx_ynode *root;
	unsigned char *buf;
	size_t len = 0, cap = 65536;
	FILE *f = fopen(file, "rb");

	if (!f) {
		snprintf(err->msg, sizeof(err->msg), "%s: cannot read the scenario: %s", file, strerror(errno));
		return NULL;
	}
	buf = malloc(cap);
	while (buf) {
		size_t got = fread(buf + len, 1, cap - len, f);

		len += got;
		if (len > HX_YAML_MAX_FILE)
			break;
		if (len < cap) {
			if (ferror(f)) {
				free(buf);
				buf = NULL;
			}
			break;
		}
		cap *= 2;
		{
			unsigned char *nb = realloc(buf, cap);

			if (!nb) {
				free(buf);
				buf = NULL;
			}
			buf = nb;
		}
	}
	fclose(f);
	if (!buf) {
		snprintf(err->msg, sizeof(err->msg), "%s: cannot read the scenario (read error or no memory)", file);
		return NULL;
	}
	root = hx_yaml_parse(file, buf, len, err);
	free(buf);
	return root;
}

const struct hx_ynode *hx_ymap_get(const struct hx_ynode *map, const char *key, const struct hx_ynode **keynode)
{
	unsigned int i;

	if (!map || map->kind != HX_YN_MAP)
		return NULL;
	for (i = 0; i + 1 < map->n; i += 2) {
		if (!strcmp(map->items[i]->text, key)) {
			if (keynode)
				*keynode = map->items[i];
			return map->items[i + 1];
		}
	}
	return NULL;
}

bool hx_yparse_u64(const char *s, uint64_t *out)
{
	uint64_t v = 0, base = 10, mult = 1;
	size_t len = strlen(s), i = 0, digits = 0;

	if (len && (s[len - 1] == 'K' || s[len - 1] == 'M' || s[len - 1] == 'G')) {
		mult = s[len - 1] == 'K' ? 1ull << 10 : s[len - 1] == 'M' ? 1ull << 20 : 1ull << 30;
		len--;
	}
	if (len > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		i = 2;
	} else if (len > 2 && s[0] == '0' && (s[1] == 'b' || s[1] == 'B')) {
		base = 2;
		i = 2;
	}
	for (; i < len; i++) {
		unsigned int d;
		char c = s[i];

		if (c == '_')
			continue;
		if (c >= '0' && c <= '9')
			d = (unsigned int)(c - '0');
		else if (c >= 'a' && c <= 'f')
			d = (unsigned int)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			d = (unsigned int)(c - 'A' + 10);
		else
			return false;
		if (d >= base)
			return false;
		if (v > (UINT64_MAX - d) / base)
			return false;
		v = v * base + d;
		digits++;
	}
	if (!digits)
		return false;
	if (mult > 1 && v > UINT64_MAX / mult)
		return false;
	*out = v * mult;
	return true;
}
