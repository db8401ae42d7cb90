// SPDX-License-Identifier: BSD-2-Clause
/*
 * hx_fcov.c - the functional coverage bin model and its sampling (hx_fcov.h).
 *
 * Facts: docs/pamu-model.md 4-8 and ../shared/spec/hw-facts.md 5, 6 (window size 2^(WSE+1) from 4 KiB
 * to 64 GiB on a 36-bit space, subwindow count 2^(WCE+1), AP bit 0 read and bit 1 write, OTM 0 none,
 * 1 immediate, 2 index, 3 reserved; the inbound operation codes), docs/mpic.md (v1 banks: 8 MSIRs, v4.3
 * banks: 16; up to 4 banks). The bins are this project's choice, documented in docs/coverage.md.
 */
#include "hx_fcov.h"

#include <string.h>

/* Each group is a list of bin names; a cross is built from two lists. */
static const char *const win_size[] = { "4KiB", "8KiB-64KiB", "128KiB-1MiB", "2MiB-16MiB", "32MiB-256MiB",
					"512MiB-4GiB", "8GiB-64GiB", NULL };
static const char *const subwin[] = { "none", "2", "4", "8", "16", "32", "64", "128", "256", NULL };
static const char *const perm[] = { "none", "read-only", "write-only", "read-write", NULL };
static const char *const ops[] = { "read", "write", "eread0", "ewrite0", "directive0", "eread1", "ewrite1",
				   "directive1", "rac", "ras", "rad", "rai", "undefined", NULL };
static const char *const outcome[] = { "ok", "bypass", "fault", "unsupported", "bad-request", NULL };
static const char *const otm[] = { "none", "immediate", "index", "reserved", NULL };
static const char *const errreg[] = { "avs-latched", "avs-kept", "unreported", "poes-latched", "poes-kept",
				      "av-irq", "operr-irq", NULL };
static const char *const dir[] = { "read", "write", "atomic", NULL };
static const char *const sub_any[] = { "none", "some", NULL };
static const char *const entries[] = { "boot", "shutdown", "irq", "domain-alloc", "domain-free", "attach",
				       "detach", "stash", "iova-to-phys", "geometry", "windows", "window-enable",
				       "window-disable", "enable", "disable", "msi-setup", "msi-teardown",
				       "msi-fire", "unbind", NULL };
static const char *const level[] = { "bare", "linux", NULL };
static const char *const msi_bank4[] = { "bank0", "bank1", "bank2", "bank3", NULL };
static const char *const msi_bank3[] = { "bank0", "bank1", "bank2", NULL };
static const char *const msir16[] = { "msir0", "msir1", "msir2", "msir3", "msir4", "msir5", "msir6", "msir7",
				      "msir8", "msir9", "msir10", "msir11", "msir12", "msir13", "msir14", "msir15",
				      NULL };
static const char *const msir8[] = { "msir0", "msir1", "msir2", "msir3", "msir4", "msir5", "msir6", "msir7",
				     NULL };

enum grp {
	G_LEVEL, G_WIN, G_SUBWIN, G_PERM, G_OP, G_OTM, G_OUTCOME, G_FAULT, G_ERRREG, G_MSI_V1, G_MSI_V43,
	G_ENTRY, G_X_PERM_DIR, G_X_WIN_SUB, G_X_OP_OUTCOME, G_COUNT
};

struct group {
	const char *name;
	const char *const *a, *const *b;	/* b: a cross (a x b) */
};

/* the fault kinds' names, NULL-terminated like the lists above (filled by init) */
static const char *fault_names[PAMU_FAULT_COUNT + 1];

static const struct group groups[G_COUNT] = {
	[G_LEVEL] = { "level", level, NULL },
	[G_WIN] = { "window-size", win_size, NULL },
	[G_SUBWIN] = { "subwindows", subwin, NULL },
	[G_PERM] = { "permission", perm, NULL },
	[G_OP] = { "operation", ops, NULL },
	[G_OTM] = { "operation-mapping", otm, NULL },
	[G_OUTCOME] = { "outcome", outcome, NULL },
	[G_FAULT] = { "fault", fault_names + 1, NULL },
	[G_ERRREG] = { "error-register", errreg, NULL },
	[G_MSI_V1] = { "msi-v1", msi_bank3, msir8 },
	[G_MSI_V43] = { "msi-v4.3", msi_bank4, msir16 },
	[G_ENTRY] = { "driver-entry", entries, NULL },
	[G_X_PERM_DIR] = { "permission-x-direction", perm, dir },
	[G_X_WIN_SUB] = { "window-size-x-subwindows", win_size, sub_any },
	[G_X_OP_OUTCOME] = { "operation-x-outcome", ops, outcome },
};

static unsigned int base[G_COUNT + 1];
static char names[HX_FCOV_MAX_BINS][72];
static unsigned int nbins;

static unsigned int len(const char *const *l)
{
	unsigned int n = 0;

	while (l[n])
		n++;
	return n;
}

static void init(void)
{
	unsigned int g, i, j, f;

	if (nbins)
		return;
	for (f = 1; f < PAMU_FAULT_COUNT; f++)
		fault_names[f] = pamu_fault_name((enum pamu_fault)f);
	fault_names[0] = "none";
	for (g = 0; g < G_COUNT; g++) {
		const struct group *gr = &groups[g];

		base[g] = nbins;
		for (i = 0; gr->a[i]; i++) {
			if (!gr->b) {
				snprintf(names[nbins++], sizeof(names[0]), "%s/%s", gr->name, gr->a[i]);
				continue;
			}
			for (j = 0; gr->b[j]; j++)
				snprintf(names[nbins++], sizeof(names[0]), "%s/%s %s", gr->name, gr->a[i], gr->b[j]);
		}
	}
	base[G_COUNT] = nbins;
}

unsigned int hx_fcov_bin_count(void)
{
	init();
	return nbins;
}

const char *hx_fcov_bin_name(unsigned int id)
{
	init();
	return id < nbins ? names[id] : NULL;
}

int hx_fcov_bin_find(const char *name)
{
	unsigned int i;

	init();
	for (i = 0; i < nbins; i++)
		if (!strcmp(names[i], name))
			return (int)i;
	return -1;
}

static void hit(struct hx_fcov *c, enum grp g, unsigned int i, unsigned int j)
{
	const struct group *gr = &groups[g];
	unsigned int id = base[g] + (gr->b ? i * len(gr->b) + j : i);

	if (id < base[g + 1] && c->n[id] < UINT32_MAX)
		c->n[id]++;
}

static unsigned int op_index(uint8_t op)
{
	static const uint8_t codes[] = { PAMU_OP_READ, PAMU_OP_WRITE, PAMU_OP_EREAD0, PAMU_OP_EWRITE0,
					 PAMU_OP_DIRECTIVE0, PAMU_OP_EREAD1, PAMU_OP_EWRITE1, PAMU_OP_DIRECTIVE1,
					 PAMU_OP_RAC, PAMU_OP_RAS, PAMU_OP_RAD, PAMU_OP_RAI };
	unsigned int i;

	for (i = 0; i < sizeof(codes); i++)
		if (codes[i] == op)
			return i;
	return sizeof(codes);	/* "undefined" */
}

/* read, write or atomic (read-modify-write) for the permission cross */
static unsigned int dir_index(uint8_t op)
{
	if (op >= PAMU_OP_RAC && op <= PAMU_OP_RAI)
		return 2;
	if (op == PAMU_OP_WRITE || op == PAMU_OP_EWRITE0 || op == PAMU_OP_EWRITE1)
		return 1;
	return 0;
}

void hx_fcov_sample_dma(struct hx_fcov *c, const struct hx_fcov_dma *d)
{
	const struct pamu_result *r = d->res;
	unsigned int oi = op_index(d->op), ki = (unsigned int)r->kind;

	init();
	hit(c, G_OP, oi, 0);
	if (ki < len(outcome)) {
		hit(c, G_OUTCOME, ki, 0);
		hit(c, G_X_OP_OUTCOME, oi, ki);
	}
	if (r->kind == PAMU_XLATE_FAULT && r->fault > PAMU_FAULT_NONE && r->fault < PAMU_FAULT_COUNT) {
		hit(c, G_FAULT, (unsigned int)r->fault - 1, 0);
		if (!r->reported)
			hit(c, G_ERRREG, 2, 0);
		else if (r->fault == PAMU_FAULT_TABLE_FETCH)
			hit(c, G_ERRREG, r->latched ? 3 : 4, 0);
		else
			hit(c, G_ERRREG, r->latched ? 0 : 1, 0);
	}
	if (d->av_irq)
		hit(c, G_ERRREG, 5, 0);
	if (d->operr_irq)
		hit(c, G_ERRREG, 6, 0);
	/* window facts only where the walk met a valid primary entry and went past the LIODN checks */
	if (!d->paace_valid || r->kind == PAMU_XLATE_BYPASS || r->kind == PAMU_XLATE_BAD_REQUEST ||
	    (r->kind == PAMU_XLATE_FAULT && r->fault <= PAMU_FAULT_PAACE_TYPE))
		return;
	if (d->wse >= 11 && d->wse <= 35) {
		unsigned int w = d->wse == 11 ? 0 : (d->wse - 12) / 4 + 1;

		hit(c, G_WIN, w, 0);
		hit(c, G_X_WIN_SUB, w, d->mw ? 1 : 0);
	}
	if (!d->mw)
		hit(c, G_SUBWIN, 0, 0);
	else if (d->wce < len(subwin) - 1)
		hit(c, G_SUBWIN, d->wce + 1, 0);
	if (r->kind == PAMU_XLATE_OK || (r->kind == PAMU_XLATE_FAULT && r->fault == PAMU_FAULT_PERMISSION)) {
		hit(c, G_PERM, d->ap & 3, 0);
		hit(c, G_X_PERM_DIR, d->ap & 3, dir_index(d->op));
	}
	if (r->kind == PAMU_XLATE_OK || (r->kind == PAMU_XLATE_FAULT && r->fault >= PAMU_FAULT_MOE_INVALID &&
					 r->fault <= PAMU_FAULT_OP_UNDEFINED))
		hit(c, G_OTM, d->otm & 3, 0);
}

void hx_fcov_sample_msi(struct hx_fcov *c, bool v43, unsigned int bank, unsigned int msir)
{
	init();
	if (v43 && bank < 4 && msir < 16)
		hit(c, G_MSI_V43, bank, msir);
	else if (!v43 && bank < 3 && msir < 8)
		hit(c, G_MSI_V1, bank, msir);
}

void hx_fcov_sample_entry(struct hx_fcov *c, const char *entry)
{
	unsigned int i;

	init();
	for (i = 0; entries[i]; i++)
		if (!strcmp(entries[i], entry)) {
			hit(c, G_ENTRY, i, 0);
			return;
		}
}

void hx_fcov_sample_level(struct hx_fcov *c, bool linux_level)
{
	init();
	hit(c, G_LEVEL, linux_level ? 1 : 0, 0);
}

void hx_fcov_write_json(FILE *f, const struct hx_fcov *c)
{
	unsigned int i;
	bool first = true;

	init();
	fputc('{', f);
	for (i = 0; i < nbins; i++) {
		if (!c->n[i])
			continue;
		fprintf(f, "%s\"%s\": %u", first ? "" : ", ", names[i], c->n[i]);
		first = false;
	}
	fputc('}', f);
}
