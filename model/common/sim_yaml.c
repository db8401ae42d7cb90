// SPDX-License-Identifier: BSD-2-Clause
/*
 * sim_yaml.c - bounded YAML document tree and schema helpers shared by the file loaders.
 *
 * Facts: libyaml's event API (yaml.h), RFC 3629 for UTF-8. Limits, refusals and the error format:
 * sim_yaml.h, ../shared/DESIGN.md, docs/socs.md, docs/scenarios.md. Moved here from the SoC preset
 * loader (model/soc/soc_preset.c) and the scenario loader (harness/hx_yaml.c), which had one copy each.
 */
#include "sim_yaml.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

const struct sim_yaml_limits sim_yaml_default_limits = {
	.max_file = 1u << 20,
	.max_depth = 8,
	.max_nodes = 65536u,
	.max_scalar = 4096u,
};

struct yparser {
	struct sim_yaml_ctx *ctx;
	const struct sim_yaml_limits *lim;
	unsigned int nodes;
};

void sim_yaml_free(struct sim_ynode *n)
{
	unsigned int i;

	if (!n)
		return;
	for (i = 0; i < n->n; i++)
		sim_yaml_free(n->items[i]);
	free(n->items);
	free(n->text);
	free(n);
}

static void vfail(struct sim_yaml_ctx *ctx, enum sim_yaml_status st, unsigned int line, unsigned int col,
		  const char *field, const char *fmt, va_list ap)
{
	char what[400];

	if (ctx->status != SIM_YAML_OK)
		return;
	ctx->status = st;
	vsnprintf(what, sizeof(what), fmt, ap);
	if (ctx->msg && ctx->cap)
		snprintf(ctx->msg, ctx->cap, "%s:%u:%u: %s: %s", ctx->file ? ctx->file : "(null)", line, col,
			 field && *field ? field : "(top level)", what);
}

void sim_yaml_fail(struct sim_yaml_ctx *ctx, enum sim_yaml_status st, unsigned int line, unsigned int col,
		   const char *field, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfail(ctx, st, line, col, field, fmt, ap);
	va_end(ap);
}

void sim_yaml_fail_at(struct sim_yaml_ctx *ctx, const struct sim_ynode *at, const char *field, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfail(ctx, SIM_YAML_INVALID, at ? at->line : 1, at ? at->col : 1, field, fmt, ap);
	va_end(ap);
}

const char *sim_ydescribe(const struct sim_ynode *n, char *buf, size_t cap)
{
	size_t i, o = 0;

	if (!n)
		return "nothing";
	if (n->kind == SIM_YN_SEQ)
		return "a list";
	if (n->kind == SIM_YN_MAP)
		return "a mapping";
	if (n->len == 0)
		return n->plain ? "nothing" : "an empty string";
	if (cap < 16)
		return "a value";
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

void sim_yaml_join_path(char *out, size_t cap, const char *base, const char *key)
{
	if (base && *base)
		snprintf(out, cap, "%s.%s", base, key);
	else
		snprintf(out, cap, "%s", key);
}

void sim_yaml_offset_pos(const unsigned char *buf, size_t len, size_t off, unsigned int *line, unsigned int *col)
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

size_t sim_yaml_utf8_invalid_at(const unsigned char *s, size_t len)
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

/* ------------------------------------------------------------------ bytes -> tree */

static void yfail(struct yparser *p, enum sim_yaml_status st, unsigned int line, unsigned int col,
		  const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static void yfail(struct yparser *p, enum sim_yaml_status st, unsigned int line, unsigned int col,
		  const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfail(p->ctx, st, line, col, "document", fmt, ap);
	va_end(ap);
}

static void ev_pos(const yaml_event_t *ev, unsigned int *line, unsigned int *col)
{
	*line = (unsigned int)ev->start_mark.line + 1;
	*col = (unsigned int)ev->start_mark.column + 1;
}

static struct sim_ynode *new_node(struct yparser *p, enum sim_ynode_kind kind, const yaml_event_t *ev)
{
	struct sim_ynode *n;
	unsigned int line, col;

	ev_pos(ev, &line, &col);
	if (++p->nodes > p->lim->max_nodes) {
		yfail(p, SIM_YAML_SYNTAX, line, col, "expected at most %u values, found more", p->lim->max_nodes);
		return NULL;
	}
	n = calloc(1, sizeof(*n));
	if (!n) {
		yfail(p, SIM_YAML_IO, line, col, "expected memory for the document, found none left");
		return NULL;
	}
	n->kind = kind;
	n->line = line;
	n->col = col;
	return n;
}

/* The field path of the node being built at stack[depth - 1] ("liodns[3]"), for errors found while
 * the tree is built. */
static void stack_path(struct sim_ynode *const *stack, unsigned int depth, char *out, size_t cap)
{
	unsigned int d;
	size_t o = 0;

	out[0] = '\0';
	for (d = 1; d < depth && o < cap; d++) {
		const struct sim_ynode *parent = stack[d - 1];

		if (parent->kind == SIM_YN_MAP && parent->n >= 2)
			o += (size_t)snprintf(out + o, cap - o, "%s%s", o ? "." : "",
					      parent->items[parent->n - 2]->text);
		else if (parent->kind == SIM_YN_SEQ && parent->n >= 1)
			o += (size_t)snprintf(out + o, cap - o, "[%u]", parent->n - 1);
	}
}

/* Attaches a finished or just-opened node to its parent (frees it on error); mapping keys must be
 * unique scalars. */
static bool attach(struct yparser *p, struct sim_ynode **stack, unsigned int depth, struct sim_ynode **root,
		   struct sim_ynode *n)
{
	struct sim_ynode *parent;
	char buf[80], path[128], field[176];
	unsigned int i;

	if (depth == 0) {
		*root = n;
		return true;
	}
	parent = stack[depth - 1];
	if (parent->kind == SIM_YN_MAP && parent->n % 2 == 0) {
		if (n->kind != SIM_YN_SCALAR) {
			yfail(p, SIM_YAML_SYNTAX, n->line, n->col, "expected a plain key, found %s used as a key",
			      sim_ydescribe(n, buf, sizeof(buf)));
			sim_yaml_free(n);
			return false;
		}
		for (i = 0; i < parent->n; i += 2) {
			if (!strcmp(parent->items[i]->text, n->text)) {
				stack_path(stack, depth, path, sizeof(path));
				sim_yaml_join_path(field, sizeof(field), path, n->text);
				sim_yaml_fail(p->ctx, SIM_YAML_INVALID, n->line, n->col, field,
					      "expected each key once, found a second \"%.40s\" "
					      "(the first is at line %u)", n->text, parent->items[i]->line);
				sim_yaml_free(n);
				return false;
			}
		}
	}
	if (parent->n == parent->cap) {
		unsigned int cap = parent->cap ? parent->cap * 2 : 8;
		struct sim_ynode **items = realloc(parent->items, cap * sizeof(*items));

		if (!items) {
			yfail(p, SIM_YAML_IO, n->line, n->col, "expected memory for the document, found none left");
			sim_yaml_free(n);
			return false;
		}
		parent->items = items;
		parent->cap = cap;
	}
	parent->items[parent->n++] = n;
	return true;
}

/* Anchors, aliases and explicit tags are refused: these files are plain data. */
static bool refuse_decorations(struct yparser *p, const yaml_event_t *ev, const yaml_char_t *anchor,
			       const yaml_char_t *tag)
{
	unsigned int line, col;

	ev_pos(ev, &line, &col);
	if (anchor) {
		yfail(p, SIM_YAML_SYNTAX, line, col,
		      "expected plain data without anchors or aliases, found the anchor &%.40s", (const char *)anchor);
		return false;
	}
	if (tag) {
		yfail(p, SIM_YAML_SYNTAX, line, col, "expected plain data without tags, found the tag %.40s",
		      (const char *)tag);
		return false;
	}
	return true;
}

static void on_scalar(struct yparser *p, const yaml_event_t *ev, struct sim_ynode **stack, unsigned int depth,
		      struct sim_ynode **root)
{
	unsigned int line, col;
	struct sim_ynode *n;

	if (!refuse_decorations(p, ev, ev->data.scalar.anchor, ev->data.scalar.tag))
		return;
	ev_pos(ev, &line, &col);
	if (ev->data.scalar.length > p->lim->max_scalar) {
		yfail(p, SIM_YAML_SYNTAX, line, col, "expected a value of at most %zu bytes, found %zu bytes",
		      p->lim->max_scalar, ev->data.scalar.length);
		return;
	}
	n = new_node(p, SIM_YN_SCALAR, ev);
	if (!n)
		return;
	n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	n->len = ev->data.scalar.length;
	n->text = malloc(n->len + 1);
	if (!n->text) {
		sim_yaml_free(n);
		yfail(p, SIM_YAML_IO, line, col, "expected memory for the document, found none left");
		return;
	}
	memcpy(n->text, ev->data.scalar.value, n->len);
	n->text[n->len] = '\0';
	/* A raw NUL is refused by libyaml's reader; "\0" in a double-quoted scalar is not. */
	if (memchr(n->text, '\0', n->len)) {
		yfail(p, SIM_YAML_SYNTAX, line, col, "expected text without NUL characters, found one");
		sim_yaml_free(n);
		return;
	}
	attach(p, stack, depth, root, n);
}

struct sim_ynode *sim_yaml_parse(struct sim_yaml_ctx *ctx, const struct sim_yaml_limits *limits,
				 const unsigned char *buf, size_t len)
{
	struct yparser p = { .ctx = ctx, .lim = limits ? limits : &sim_yaml_default_limits };
	struct sim_ynode *stack[SIM_YAML_DEPTH_CAP];
	unsigned int depth = 0, documents = 0, max_depth, line, col;
	struct sim_ynode *root = NULL, *n;
	yaml_parser_t parser;
	yaml_event_t ev;
	bool done = false;
	size_t bad;

	max_depth = p.lim->max_depth < SIM_YAML_DEPTH_CAP ? p.lim->max_depth : SIM_YAML_DEPTH_CAP;
	if (ctx->status != SIM_YAML_OK)
		return NULL;
	if (len > p.lim->max_file) {
		yfail(&p, SIM_YAML_SYNTAX, 1, 1, "expected a file of at most %zu bytes, found a larger one",
		      p.lim->max_file);
		return NULL;
	}
	bad = sim_yaml_utf8_invalid_at(buf, len);
	if (bad < len) {
		sim_yaml_offset_pos(buf, len, bad, &line, &col);
		yfail(&p, SIM_YAML_SYNTAX, line, col, "expected UTF-8 text, found the byte 0x%02x", buf[bad]);
		return NULL;
	}
	if (!yaml_parser_initialize(&parser)) {
		yfail(&p, SIM_YAML_IO, 1, 1, "expected a YAML parser, found no memory for one");
		return NULL;
	}
	yaml_parser_set_input_string(&parser, buf, len);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	while (!done && ctx->status == SIM_YAML_OK) {
		if (!yaml_parser_parse(&parser, &ev)) {
			if (parser.error == YAML_READER_ERROR) {
				sim_yaml_offset_pos(buf, len, parser.problem_offset, &line, &col);
			} else {
				line = (unsigned int)parser.problem_mark.line + 1;
				col = (unsigned int)parser.problem_mark.column + 1;
			}
			if (parser.error == YAML_MEMORY_ERROR)
				yfail(&p, SIM_YAML_IO, line, col, "expected memory for the document, found none left");
			else
				yfail(&p, SIM_YAML_SYNTAX, line, col, "expected valid YAML, found %s%s%s",
				      parser.problem ? parser.problem : "an error", parser.context ? " " : "",
				      parser.context ? parser.context : "");
			break;
		}
		ev_pos(&ev, &line, &col);
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++documents > 1)
				yfail(&p, SIM_YAML_SYNTAX, line, col, "expected one YAML document, found a second one");
			break;
		case YAML_ALIAS_EVENT:
			yfail(&p, SIM_YAML_SYNTAX, line, col,
			      "expected plain data without anchors or aliases, found the alias *%.40s",
			      (const char *)ev.data.alias.anchor);
			break;
		case YAML_SCALAR_EVENT:
			on_scalar(&p, &ev, stack, depth, &root);
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT: {
			bool seq = ev.type == YAML_SEQUENCE_START_EVENT;

			if (!refuse_decorations(&p, &ev,
						seq ? ev.data.sequence_start.anchor : ev.data.mapping_start.anchor,
						seq ? ev.data.sequence_start.tag : ev.data.mapping_start.tag))
				break;
			if (depth >= max_depth) {
				yfail(&p, SIM_YAML_SYNTAX, line, col,
				      "expected at most %u levels of nesting, found deeper nesting", max_depth);
				break;
			}
			n = new_node(&p, seq ? SIM_YN_SEQ : SIM_YN_MAP, &ev);
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
	if (ctx->status != SIM_YAML_OK) {
		sim_yaml_free(root);
		return NULL;
	}
	return root;
}

static void io_fail(struct sim_yaml_ctx *ctx, const char *what, const char *why)
{
	if (ctx->status != SIM_YAML_OK)
		return;
	ctx->status = SIM_YAML_IO;
	if (ctx->msg && ctx->cap)
		snprintf(ctx->msg, ctx->cap, "%s: cannot read the %s: %s", ctx->file ? ctx->file : "(null)", what, why);
}

struct sim_ynode *sim_yaml_load(struct sim_yaml_ctx *ctx, const struct sim_yaml_limits *limits, const char *what)
{
	const struct sim_yaml_limits *lim = limits ? limits : &sim_yaml_default_limits;
	unsigned char *buf = NULL, *nbuf;
	size_t n = 0, cap = 0, got;
	struct sim_ynode *root;
	FILE *f;

	if (ctx->status != SIM_YAML_OK)
		return NULL;
	f = ctx->file ? fopen(ctx->file, "rb") : NULL;
	if (!f) {
		io_fail(ctx, what, ctx->file ? strerror(errno) : "no file name");
		return NULL;
	}
	/* At most max_file + 1 bytes: enough to tell a file that is too large. */
	do {
		if (n == cap) {
			cap = cap ? cap * 2 : 16384;
			if (cap > lim->max_file + 1)
				cap = lim->max_file + 1;
			nbuf = realloc(buf, cap);
			if (!nbuf) {
				io_fail(ctx, what, "out of memory");
				break;
			}
			buf = nbuf;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got && n <= lim->max_file);
	if (ferror(f))
		io_fail(ctx, what, strerror(errno ? errno : EIO));
	fclose(f);
	root = sim_yaml_parse(ctx, lim, buf ? buf : (const unsigned char *)"", buf ? n : 0);
	free(buf);
	return root;
}

/* ------------------------------------------------------------------ schema helpers */

const struct sim_ynode *sim_ymap_get(const struct sim_ynode *map, const char *key,
				     const struct sim_ynode **keynode)
{
	unsigned int i;

	if (!map || map->kind != SIM_YN_MAP)
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

bool sim_yaml_check_keys(struct sim_yaml_ctx *ctx, const struct sim_ynode *map, const char *path,
			 const char *const *allowed)
{
	char list[400], field[200];
	unsigned int i, k;
	size_t o;

	for (i = 0; i + 1 < map->n; i += 2) {
		const struct sim_ynode *key = map->items[i];

		for (k = 0; allowed[k]; k++)
			if (!strcmp(allowed[k], key->text))
				break;
		if (allowed[k])
			continue;
		o = 0;
		list[0] = '\0';
		for (k = 0; allowed[k] && o < sizeof(list); k++)
			o += (size_t)snprintf(list + o, sizeof(list) - o, "%s%s", k ? ", " : "", allowed[k]);
		sim_yaml_join_path(field, sizeof(field), path, key->text);
		sim_yaml_fail_at(ctx, key, field, "expected one of %s, found an unknown key \"%.40s\"", list,
				 key->text);
		return false;
	}
	return true;
}

bool sim_yaml_expect(struct sim_yaml_ctx *ctx, const struct sim_ynode *n, const struct sim_ynode *at,
		     const char *field, enum sim_ynode_kind kind, const char *what)
{
	char buf[80];

	if (!n) {
		sim_yaml_fail_at(ctx, at, field, "expected %s, found nothing (the field is missing)", what);
		return false;
	}
	if (n->kind != kind) {
		sim_yaml_fail_at(ctx, n, field, "expected %s, found %s", what, sim_ydescribe(n, buf, sizeof(buf)));
		return false;
	}
	return true;
}

bool sim_yaml_copy_text(struct sim_yaml_ctx *ctx, const struct sim_ynode *n, const char *field, char *out,
			size_t cap)
{
	char buf[80];

	if (!n || n->kind != SIM_YN_SCALAR) {
		sim_yaml_fail_at(ctx, n, field, "expected a text value, found %s", sim_ydescribe(n, buf, sizeof(buf)));
		return false;
	}
	if (n->len >= cap) {
		sim_yaml_fail_at(ctx, n, field, "expected at most %zu characters, found %zu", cap ? cap - 1 : 0,
				 n->len);
		return false;
	}
	memcpy(out, n->text, n->len + 1);
	return true;
}

bool sim_yaml_get_uint(struct sim_yaml_ctx *ctx, const struct sim_ynode *n, const char *field, uint64_t max,
		       const char *what, uint64_t *out)
{
	char buf[80];
	const char *s;
	uint64_t v = 0;
	bool hex, overflow = false;
	size_t i, start;

	if (!n || n->kind != SIM_YN_SCALAR || !n->plain || n->len == 0)
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
		sim_yaml_fail_at(ctx, n, field, "expected %s, found %.48s%s (too large)", what, n->text,
				 n->len > 48 ? "..." : "");
		return false;
	}
	*out = v;
	return true;
bad:
	if (n && n->kind == SIM_YN_SCALAR && !n->plain && n->len)
		sim_yaml_fail_at(ctx, n, field,
				 "expected %s, found the quoted string %s (numbers are written without quotes)", what,
				 sim_ydescribe(n, buf, sizeof(buf)));
	else
		sim_yaml_fail_at(ctx, n, field, "expected %s, found %s", what, sim_ydescribe(n, buf, sizeof(buf)));
	return false;
}
