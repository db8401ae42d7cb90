// SPDX-License-Identifier: BSD-2-Clause
/*
 * soc.c - a whole QorIQ SoC from a device tree blob plus a preset (soc.h): the tree is checked and
 * read, every block is mapped at the address the tree gives, the blocks are wired together, the boot
 * firmware's fix-ups are applied (soc_fixup.c), and the DMA and CPU access paths run through it.
 *
 * Sources: ../shared/DESIGN.md (model/soc), ../shared/spec/hw-facts.md 1 (CCSR map), 8.1 (LAW array at
 * +0xC00 with 16-byte entries LAWBARH/LAWBARL/LAWAR, LAWAR bit 31 enable, 27:20 target, 5:0 size code;
 * CSDID words at CCF +0x600; both accessed by the driver through plain pointers), 9 (PAMU interrupt
 * entries: source 24 level, error sub-source 30 or 1), 12 (MSI banks, alias pages, cascades), 13 (GUTS
 * PAMUBYPENR, PCIe BRR1); soc-table.md; kernel-surface.md 10.4. Every choice: docs/soc.md.
 */
#include "soc_priv.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libfdt.h>

#define LAW_ARRAY 0xc00u		/* hw-facts.md 8.1 */
#define LAW_ENTRY 16u
#define LAWAR_EN 0x80000000u
#define LAWAR_TGT_SHIFT 20
#define CCF_CSDID 0x600u		/* hw-facts.md 8.1 */
#define PAMU_ERR_TYPE 1u		/* MPIC specifier type 1: error interrupt, sub-source in cell 3 */

static const struct sim_txn_attrs model_attrs = { .initiator = SIM_INITIATOR_MODEL };

static enum soc_status fail(struct soc_error *err, enum soc_status st, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static enum soc_status fail(struct soc_error *err, enum soc_status st, const char *fmt, ...)
{
	va_list ap;

	if (err) {
		va_start(ap, fmt);
		vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
		va_end(ap);
	}
	return st;
}

static const char *preset_file(const struct soc *s)
{
	return s->preset.file[0] ? s->preset.file : s->preset.name[0] ? s->preset.name : "<preset>";
}

void soc_preset_where(const struct soc *s, const struct soc_fw_liodn *row, char *buf, size_t len)
{
	if (row)
		snprintf(buf, len, "%s: liodns[%u]", preset_file(s), (unsigned int)(row - s->preset.liodns));
	else
		snprintf(buf, len, "%s", preset_file(s));
}

/* ------------------------------------------------------------------ wiring ---- */

static void pamu_irq(void *ctx, enum pamu_irq_line line, bool level)
{
	struct soc_pamu_slot *sl = ctx;
	struct soc *s = sl->s;
	uint32_t bit = 1u << sl->n;
	uint32_t *lines = line == PAMU_IRQ_AV ? &s->av_lines : &s->err_lines;
	bool before = *lines != 0;

	if (line != PAMU_IRQ_AV && line != PAMU_IRQ_OPERR)
		return;
	*lines = level ? *lines | bit : *lines & ~bit;
	if (before == (*lines != 0) || !s->mpic)
		return;
	/* implementation choice: the PAMUs of a SoC share their interrupt (one DT node, one specifier),
	 * so each line is the OR of every PAMU's output. */
	if (line == PAMU_IRQ_AV)
		mpic_set_irq(s->mpic, s->av_source, *lines != 0);
	else if (s->err_sub >= 0)
		mpic_set_err_irq(s->mpic, (unsigned int)s->err_sub, *lines != 0);
}

static void guts_bypass(void *ctx, uint32_t pamubypenr)
{
	struct soc *s = ctx;
	unsigned int n;

	for (n = 0; n < s->pamu_count; n++)
		pamu_set_bypass(s->pamu[n], pamubypenr & (0x80000000u >> n));
}

static void mpic_cpu_irq(void *ctx, unsigned int cpu, bool level)
{
	struct soc *s = ctx;

	if (s->cpu_irq_changed)
		s->cpu_irq_changed(s->cpu_irq_ctx, cpu, level);
}

static uint64_t pamu_mmio_read(void *opaque, uint64_t offset, unsigned int size, const struct sim_txn_attrs *a)
{
	return pamu_reg_read(opaque, (uint32_t)offset, size);
}

static void pamu_mmio_write(void *opaque, uint64_t offset, unsigned int size, uint64_t value,
			    const struct sim_txn_attrs *a)
{
	pamu_reg_write(opaque, (uint32_t)offset, size, (uint32_t)value);
}

static const struct soc_mmio_ops pamu_ops = { .read = pamu_mmio_read, .write = pamu_mmio_write };

static uint64_t guts_mmio_read(void *opaque, uint64_t offset, unsigned int size, const struct sim_txn_attrs *a)
{
	return soc_guts_reg_read(opaque, (uint32_t)offset, size);
}

static void guts_mmio_write(void *opaque, uint64_t offset, unsigned int size, uint64_t value,
			    const struct sim_txn_attrs *a)
{
	soc_guts_reg_write(opaque, (uint32_t)offset, size, (uint32_t)value);
}

static const struct soc_mmio_ops guts_ops = { .read = guts_mmio_read, .write = guts_mmio_write };

/* ---------------------------------------------------------------- regions ---- */

/* A block of the tree must sit inside the CCSR window and overlap nothing mapped so far. */
static enum soc_status claim(struct soc *s, const struct soc_dt *dt, int idx, const char *prop, uint64_t base,
			     uint64_t size, struct soc_error *err)
{
	struct soc_region *r;
	unsigned int i;

	if (base < s->ccsr_base || size > s->ccsr_size || base - s->ccsr_base > s->ccsr_size - size) {
		soc_dt_fail(dt, idx, prop, "expected a range inside the CCSR window [0x%" PRIx64 ", 0x%" PRIx64
			    "), found [0x%" PRIx64 ", 0x%" PRIx64 ")", s->ccsr_base, s->ccsr_base + s->ccsr_size,
			    base, base + size);
		return SOC_BAD_DTB;
	}
	for (i = 0; i < s->region_count; i++) {
		r = &s->regions[i];
		if (base < r->base + r->size && r->base < base + size) {
			soc_dt_fail(dt, idx, prop, "expected a range overlapping no other block, found [0x%" PRIx64
				    ", 0x%" PRIx64 ") overlapping %s [0x%" PRIx64 ", 0x%" PRIx64 ")", base, base + size,
				    r->what, r->base, r->base + r->size);
			return SOC_BAD_DTB;
		}
	}
	if (s->region_count == SOC_MAX_REGIONS)
		return fail(err, SOC_NO_MEMORY, "%s: too many blocks", s->dtb_name);
	r = &s->regions[s->region_count++];
	soc_dt_path(dt, idx, r->what, sizeof(r->what));
	r->base = base;
	r->size = size;
	return SOC_OK;
}

/* The bus refusing a region the checks above let through is a bug of ours or host memory running out;
 * either way the message names the node (dt may be NULL for the preset's DRAM). */
static enum soc_status bus_status(struct soc *s, enum soc_bus_status st, const struct soc_dt *dt, int idx,
				  const char *what, struct soc_error *err)
{
	if (st == SOC_BUS_OK)
		return SOC_OK;
	if (st == SOC_BUS_NO_MEMORY)
		return fail(err, SOC_NO_MEMORY, "%s: %s: out of host memory", s->dtb_name, what);
	if (dt)
		return soc_dt_fail(dt, idx, "reg", "expected a region the bus accepts for %s, refused: %s", what,
				   soc_bus_status_name(st)), SOC_BAD_DTB;
	return fail(err, SOC_BAD_PRESET, "%s: %s: the bus refused the region (%s)", preset_file(s), what,
		    soc_bus_status_name(st));
}

/* ---------------------------------------------------------------- the tree ---- */

/* The CCSR window: the `soc` bus node under the root and its ranges entry for child address 0. */
static enum soc_status find_ccsr(struct soc *s, const struct soc_dt *dt, struct soc_error *err)
{
	unsigned int i;
	int soc = -1, len, cna, cns, pna, step, k;
	const fdt32_t *r;

	for (i = 1; i < dt->count; i++) {
		const char *name;

		if (dt->nodes[i].depth != 1)
			continue;
		name = fdt_get_name(dt->fdt, dt->nodes[i].off, &len);
		if (name && len >= 3 && !strncmp(name, "soc", 3) && (len == 3 || name[3] == '@')) {
			soc = (int)i;
			break;
		}
	}
	if (soc < 0)
		return soc_dt_fail(dt, -1, "soc", "expected a child node soc@<address> (the CCSR bus), found none"),
		       SOC_BAD_DTB;
	r = fdt_getprop(dt->fdt, dt->nodes[soc].off, "ranges", &len);
	if (!r || len == 0)
		return soc_dt_fail(dt, soc, "ranges", "expected an entry mapping child address 0 (the CCSR window), "
				   "found %s", r ? "an empty ranges" : "no ranges"), SOC_BAD_DTB;
	cna = fdt_address_cells(dt->fdt, dt->nodes[soc].off);
	cns = fdt_size_cells(dt->fdt, dt->nodes[soc].off);
	pna = fdt_address_cells(dt->fdt, 0);
	if (cna < 1 || cna > 2)
		return soc_dt_fail(dt, soc, "#address-cells", "expected 1 or 2, found %d", cna), SOC_BAD_DTB;
	if (cns < 1 || cns > 2)
		return soc_dt_fail(dt, soc, "#size-cells", "expected 1 or 2, found %d", cns), SOC_BAD_DTB;
	if (pna < 1 || pna > 2)
		return soc_dt_fail(dt, -1, "#address-cells", "expected 1 or 2, found %d", pna), SOC_BAD_DTB;
	step = 4 * (cna + pna + cns);
	if (len % step)
		return soc_dt_fail(dt, soc, "ranges", "expected entries of %d cells (%d bytes each), found %d bytes",
				   cna + pna + cns, step, len), SOC_BAD_DTB;
	for (k = 0; k < len / step; k++) {
		const fdt32_t *e = r + k * (cna + pna + cns);
		uint64_t ca = 0, pa = 0, sz = 0;
		int c;

		for (c = 0; c < cna; c++)
			ca = ca << 32 | fdt32_to_cpu(e[c]);
		for (c = 0; c < pna; c++)
			pa = pa << 32 | fdt32_to_cpu(e[cna + c]);
		for (c = 0; c < cns; c++)
			sz = sz << 32 | fdt32_to_cpu(e[cna + pna + c]);
		if (ca != 0)
			continue;
		if ((pa & 0xfff) || sz < 0x1000 || pa >= SOC_PHYS_LIMIT || sz > SOC_PHYS_LIMIT - pa)
			return soc_dt_fail(dt, soc, "ranges", "expected a 4 KiB aligned CCSR window of at least 4 KiB "
					   "below 2^36, found [0x%" PRIx64 ", +0x%" PRIx64 ")", pa, sz), SOC_BAD_DTB;
		s->ccsr_base = pa;
		s->ccsr_size = sz;
		return SOC_OK;
	}
	return soc_dt_fail(dt, soc, "ranges", "expected an entry mapping child address 0 (the CCSR window), found "
			   "none"), SOC_BAD_DTB;
}

/* The one node of a kind: the first compatible with any of the names; a second one is an error. */
static int find_one(const struct soc_dt *dt, const char *const *compat, bool required, const char *what,
		    enum soc_status *st)
{
	int found = -1;
	unsigned int i, c;

	*st = SOC_OK;
	for (i = 0; i < dt->count; i++) {
		for (c = 0; compat[c]; c++)
			if (soc_dt_is_compat(dt, (int)i, compat[c]))
				break;
		if (!compat[c])
			continue;
		if (found >= 0) {
			char other[SOC_PATH_LEN];

			soc_dt_path(dt, found, other, sizeof(other));
			soc_dt_fail(dt, (int)i, "compatible", "expected one %s node, found a second one (the first is %s)",
				    what, other);
			*st = SOC_BAD_DTB;
			return -1;
		}
		found = (int)i;
	}
	if (found < 0 && required) {
		soc_dt_fail(dt, -1, "compatible", "expected a node compatible with \"%s\" (%s), found none", compat[0],
			    what);
		*st = SOC_BAD_DTB;
	}
	return found;
}

/* reg[0] of a block: exactly `entries` entries (0 = any), translated. */
static enum soc_status block_reg(const struct soc_dt *dt, int idx, unsigned int entries, uint64_t *base,
				 uint64_t *size)
{
	unsigned int n = soc_dt_reg_count(dt, idx, true);

	if (!n)
		return SOC_BAD_DTB;
	if (entries && n != entries)
		return soc_dt_fail(dt, idx, "reg", "expected %u (address, size) entr%s, found %u", entries,
				   entries == 1 ? "y" : "ies", n), SOC_BAD_DTB;
	return soc_dt_reg(dt, idx, 0, base, size, true) ? SOC_OK : SOC_BAD_DTB;
}

/* MPIC sources: enough for every type-0 specifier of every node whose interrupt parent is the MPIC,
 * rounded up to 256 (docs/soc.md). */
static enum soc_status count_sources(const struct soc_dt *dt, int mpic, unsigned int *num)
{
	uint32_t mpic_ph = dt->nodes[mpic].phandle;
	uint32_t max = MPIC_SRC_PAMU;
	unsigned int i;

	for (i = 0; i < dt->count; i++) {
		const fdt32_t *p;
		int len, k;

		if (!mpic_ph || dt->nodes[i].iparent != mpic_ph)
			continue;
		p = fdt_getprop(dt->fdt, dt->nodes[i].off, "interrupts", &len);
		if (!p || len % 16)
			continue;
		for (k = 0; k < len / 16; k++) {
			uint32_t src = fdt32_to_cpu(p[4 * k]), type = fdt32_to_cpu(p[4 * k + 2]);

			if (type != 0)
				continue;
			if (src >= MPIC_MAX_SOURCES)
				return soc_dt_fail(dt, (int)i, "interrupts", "expected MPIC sources below %u, found %u",
						   MPIC_MAX_SOURCES, src), SOC_BAD_DTB;
			if (src > max)
				max = src;
		}
	}
	*num = (max + 1 + 255) / 256 * 256;
	if (*num > MPIC_MAX_SOURCES)
		*num = MPIC_MAX_SOURCES;
	return SOC_OK;
}

/* Hardware threads of the cpus node: one per reg cell of each cpu node. */
static enum soc_status count_cpus(const struct soc_dt *dt, unsigned int *count)
{
	unsigned int i, n = 0;
	int cpus = -1;

	for (i = 1; i < dt->count; i++) {
		int len;
		const char *name = fdt_get_name(dt->fdt, dt->nodes[i].off, &len);

		if (dt->nodes[i].depth == 1 && name && !strcmp(name, "cpus")) {
			cpus = (int)i;
			break;
		}
	}
	if (cpus < 0)
		return soc_dt_fail(dt, -1, "cpus", "expected a /cpus node, found none"), SOC_BAD_DTB;
	for (i = (unsigned int)cpus + 1; i < dt->count && dt->nodes[i].depth > dt->nodes[cpus].depth; i++) {
		const char *type;
		int len;

		if (dt->nodes[i].parent != cpus)
			continue;
		type = fdt_getprop(dt->fdt, dt->nodes[i].off, "device_type", &len);
		if (!type || len != 4 || memcmp(type, "cpu", 4))
			continue;
		if (!fdt_getprop(dt->fdt, dt->nodes[i].off, "reg", &len) || len == 0 || len % 4)
			return soc_dt_fail(dt, (int)i, "reg", "expected one or more thread ids (cells), found %d bytes",
					   len), SOC_BAD_DTB;
		n += (unsigned int)len / 4;
	}
	if (n == 0 || n > MPIC_MAX_CPUS)
		return soc_dt_fail(dt, cpus, "cpu", "expected 1 to %u hardware threads, found %u", MPIC_MAX_CPUS, n),
		       SOC_BAD_DTB;
	*count = n;
	return SOC_OK;
}

static bool is_msi(const struct soc_dt *dt, int idx, bool *v43)
{
	*v43 = soc_dt_is_compat(dt, idx, "fsl,mpic-msi-v4.3");
	return *v43 || soc_dt_is_compat(dt, idx, "fsl,mpic-msi");
}

/* MSI banks: reg[0] the bank, optional reg[1] the alias register, one interrupt per MSIR. */
static enum soc_status read_msi(struct soc *s, const struct soc_dt *dt, int mpic, struct mpic_cfg *mc)
{
	unsigned int i;

	for (i = 0; i < dt->count; i++) {
		struct mpic_msi_bank_cfg *b;
		uint64_t a, sz, bank_end;
		unsigned int nreg, k, max;
		int nirq;
		bool v43;

		if (!is_msi(dt, (int)i, &v43))
			continue;
		if (mc->bank_count == MPIC_MAX_MSI_BANKS)
			return soc_dt_fail(dt, (int)i, "compatible", "expected at most %u MSI banks", MPIC_MAX_MSI_BANKS),
			       SOC_BAD_DTB;
		b = &mc->banks[mc->bank_count];
		memset(b, 0, sizeof(*b));
		b->kind = v43 ? MPIC_MSI_V43 : MPIC_MSI_V1;
		max = v43 ? 16 : 8;
		nreg = soc_dt_reg_count(dt, (int)i, true);
		if (!nreg)
			return SOC_BAD_DTB;
		if (nreg > 2)
			return soc_dt_fail(dt, (int)i, "reg", "expected the bank and an optional alias register (1 or 2 "
					   "entries), found %u", nreg), SOC_BAD_DTB;
		if (!soc_dt_reg(dt, (int)i, 0, &a, &sz, true))
			return SOC_BAD_DTB;
		if (a < s->mpic_base || a - s->mpic_base >= MPIC_WINDOW_SIZE || sz > MPIC_WINDOW_SIZE - (a - s->mpic_base) ||
		    sz < 0x150 || (a & 0xf))
			return soc_dt_fail(dt, (int)i, "reg", "expected a 16-byte aligned bank of at least 0x150 bytes "
					   "inside the MPIC window [0x%" PRIx64 ", 0x%" PRIx64 "), found [0x%" PRIx64
					   ", +0x%" PRIx64 ")", s->mpic_base, s->mpic_base + MPIC_WINDOW_SIZE, a, sz),
			       SOC_BAD_DTB;
		b->base = (uint32_t)(a - s->mpic_base);
		bank_end = a + sz;
		b->alias = MPIC_NO_ALIAS;
		if (nreg == 2) {
			if (!soc_dt_reg(dt, (int)i, 1, &a, &sz, true))
				return SOC_BAD_DTB;
			if (a < s->mpic_base || a - s->mpic_base > MPIC_WINDOW_SIZE - 4 || (a & 3) || sz < 4)
				return soc_dt_fail(dt, (int)i, "reg", "expected entry 1 (the MSIIR alias) to be an aligned "
						   "4-byte register inside the MPIC window, found [0x%" PRIx64 ", +0x%"
						   PRIx64 ")", a, sz), SOC_BAD_DTB;
			if (a >= s->mpic_base + b->base && a < bank_end)
				return soc_dt_fail(dt, (int)i, "reg", "expected the alias register outside its own bank, "
						   "found 0x%" PRIx64, a), SOC_BAD_DTB;
			b->alias = (uint32_t)(a - s->mpic_base);
		}
		nirq = soc_dt_irq_count(dt, (int)i, mpic, "interrupts");
		if (nirq < 0)
			return SOC_BAD_DTB;
		if ((unsigned int)nirq > max)
			return soc_dt_fail(dt, (int)i, "interrupts", "expected at most %u specifiers (one per MSIR), "
					   "found %d", max, nirq), SOC_BAD_DTB;
		b->msir_count = (unsigned int)nirq;
		for (k = 0; k < b->msir_count; k++) {
			uint32_t c[4];
			unsigned int j, m;

			soc_dt_irq(dt, (int)i, "interrupts", k, c);
			if (c[2] != 0 || c[0] == MPIC_SRC_ERROR || c[0] >= MPIC_MAX_SOURCES)
				return soc_dt_fail(dt, (int)i, "interrupts", "expected specifier %u to be a normal MPIC "
						   "source (type 0, not %u), found <%u %u %u %u>", k, MPIC_SRC_ERROR, c[0],
						   c[1], c[2], c[3]), SOC_BAD_DTB;
			for (j = 0; j <= mc->bank_count; j++)
				for (m = 0; m < (j == mc->bank_count ? k : mc->banks[j].msir_count); m++)
					if (mc->banks[j].cascade[m] == c[0])
						return soc_dt_fail(dt, (int)i, "interrupts", "expected cascade sources no "
								   "other MSIR uses, found source %u twice", c[0]),
						       SOC_BAD_DTB;
			b->cascade[k] = (uint16_t)c[0];
		}
		/* banks and alias registers must not collide with each other */
		for (k = 0; k < mc->bank_count; k++) {
			const struct mpic_msi_bank_cfg *o = &mc->banks[k];

			if ((b->base < o->base + 0x200 && o->base < b->base + 0x200) ||
			    (b->alias != MPIC_NO_ALIAS && (b->alias == o->alias ||
							    (b->alias >= o->base && b->alias < o->base + 0x200))) ||
			    (o->alias != MPIC_NO_ALIAS && o->alias >= b->base && o->alias < b->base + 0x200))
				return soc_dt_fail(dt, (int)i, "reg", "expected a bank and alias register overlapping no "
						   "other MSI bank, found a collision with bank %u", k), SOC_BAD_DTB;
		}
		mc->bank_count++;
	}
	return SOC_OK;
}

/* ----------------------------------------------------------------- blocks ---- */

static enum soc_status build_mpic(struct soc *s, const struct soc_dt *dt, int mpic, struct soc_error *err)
{
	struct mpic_cfg mc;
	enum soc_status st;
	enum mpic_status ms;
	const fdt32_t *ic;
	uint64_t size;
	unsigned int b, n;
	int len;

	if (!fdt_getprop(dt->fdt, dt->nodes[mpic].off, "interrupt-controller", &len))
		return soc_dt_fail(dt, mpic, "interrupt-controller", "expected the MPIC to be an interrupt controller"),
		       SOC_BAD_DTB;
	ic = fdt_getprop(dt->fdt, dt->nodes[mpic].off, "#interrupt-cells", &len);
	if (!ic || len != 4 || fdt32_to_cpu(*ic) != SOC_DT_MPIC_CELLS)
		return soc_dt_fail(dt, mpic, "#interrupt-cells", "expected <%d> (the Freescale MPIC binding)",
				   SOC_DT_MPIC_CELLS), SOC_BAD_DTB;
	if (!dt->nodes[mpic].phandle)
		return soc_dt_fail(dt, mpic, "phandle", "expected a phandle (the interrupt parent of the PAMU and MSI "
				   "nodes), found none"), SOC_BAD_DTB;
	st = block_reg(dt, mpic, 0, &s->mpic_base, &size);
	if (st)
		return st;
	if (size != MPIC_WINDOW_SIZE)
		return soc_dt_fail(dt, mpic, "reg", "expected a window of 0x%x bytes, found 0x%" PRIx64,
				   MPIC_WINDOW_SIZE, size), SOC_BAD_DTB;
	st = claim(s, dt, mpic, "reg", s->mpic_base, MPIC_WINDOW_SIZE, err);
	if (st)
		return st;

	memset(&mc, 0, sizeof(mc));
	mc.name = "mpic";
	mc.version = s->preset.mpic_version;
	mc.cpu_count = s->cpu_count;
	st = count_sources(dt, mpic, &mc.num_sources);
	if (st)
		return st;
	st = read_msi(s, dt, mpic, &mc);
	if (st)
		return st;
	for (b = 0; b < mc.bank_count; b++) {
		/* p4080 variant (spec/README.md): no per-bank alias; the tree loses reg[1] in soc_fixup(). */
		if (!s->preset.msi_alias_pages)
			mc.banks[b].alias = MPIC_NO_ALIAS;
		for (n = 0; n < mc.banks[b].msir_count; n++)
			if (mc.banks[b].cascade[n] == s->av_source)
				return soc_dt_fail(dt, s->pamu_node, "interrupts", "expected the PAMU source %u to be no "
						   "MSI cascade, found it used by MSI bank %u", s->av_source, b),
				       SOC_BAD_DTB;
	}
	mc.sink = s->sink;
	mc.irq_changed = mpic_cpu_irq;
	mc.irq_ctx = s;
	ms = mpic_create(&mc, &s->mpic);
	if (ms == MPIC_STATUS_NO_MEMORY)
		return fail(err, SOC_NO_MEMORY, "%s: mpic: out of host memory", s->dtb_name);
	if (ms != MPIC_STATUS_OK)
		return soc_dt_fail(dt, mpic, "reg", "expected an MPIC layout the model accepts (%u sources, %u CPUs, %u "
				   "MSI banks), refused: %s", mc.num_sources, mc.cpu_count, mc.bank_count,
				   mpic_status_name(ms)), SOC_BAD_DTB;
	return bus_status(s, soc_bus_add_mmio(s->bus, "mpic", s->mpic_base, MPIC_WINDOW_SIZE, &mpic_mmio_ops,
					      s->mpic), dt, mpic, "mpic", err);
}

static enum soc_status read_pamu(struct soc *s, const struct soc_dt *dt, int mpic)
{
	uint64_t size;
	uint32_t c[4];
	enum soc_status st;
	int nirq;

	st = block_reg(dt, s->pamu_node, 1, &s->pamu_base, &size);
	if (st)
		return st;
	if (size % PAMU_BLOCK_SIZE || size / PAMU_BLOCK_SIZE > SOC_MAX_PAMUS)
		return soc_dt_fail(dt, s->pamu_node, "reg", "expected 1 to %u register blocks of 0x%x bytes, found "
				   "0x%" PRIx64 " bytes", SOC_MAX_PAMUS, PAMU_BLOCK_SIZE, size), SOC_BAD_DTB;
	s->pamu_count = (unsigned int)(size / PAMU_BLOCK_SIZE);
	nirq = soc_dt_irq_count(dt, s->pamu_node, mpic, "interrupts");
	if (nirq < 0)
		return SOC_BAD_DTB;
	soc_dt_irq(dt, s->pamu_node, "interrupts", 0, c);
	if (c[2] != 0 || c[0] == MPIC_SRC_ERROR || c[0] >= MPIC_MAX_SOURCES)
		return soc_dt_fail(dt, s->pamu_node, "interrupts", "expected entry 0 to be the access-violation line, a "
				   "normal MPIC source (type 0), found <%u %u %u %u>", c[0], c[1], c[2], c[3]),
		       SOC_BAD_DTB;
	s->av_source = c[0];
	s->err_sub = -1;
	if (nirq > 1) {
		soc_dt_irq(dt, s->pamu_node, "interrupts", 1, c);
		if (c[2] != PAMU_ERR_TYPE || c[3] > 31)
			return soc_dt_fail(dt, s->pamu_node, "interrupts", "expected entry 1 to be an MPIC error interrupt "
					   "(type 1, sub-source 0-31), found <%u %u %u %u>", c[0], c[1], c[2], c[3]),
			       SOC_BAD_DTB;
		s->err_sub = (int)c[3];
	}
	return SOC_OK;
}

static enum soc_status build_pamus(struct soc *s, const struct soc_dt *dt, struct soc_error *err)
{
	const struct soc_preset_rev *rev = &s->preset.revs[s->rev];
	enum soc_status st;
	unsigned int n;

	st = claim(s, dt, s->pamu_node, "reg", s->pamu_base, (uint64_t)s->pamu_count * PAMU_BLOCK_SIZE, err);
	if (st)
		return st;
	for (n = 0; n < s->pamu_count; n++) {
		struct pamu_cfg pc;
		char name[16];
		enum pamu_status ps;

		snprintf(name, sizeof(name), "pamu%u", n);
		memset(&pc, 0, sizeof(pc));
		pc.name = name;
		pc.index = n;
		pc.caps = s->preset.pamu_caps;
		pc.erratum_a003638 = rev->erratum_a003638;
		pc.mem = soc_bus_mem_if(s->bus);
		pc.sink = s->sink;
		s->pamu_slot[n] = (struct soc_pamu_slot){ .s = s, .n = n };
		pc.irq_changed = pamu_irq;
		pc.irq_ctx = &s->pamu_slot[n];
		ps = pamu_create(&pc, &s->pamu[n]);
		if (ps == PAMU_STATUS_NO_MEMORY)
			return fail(err, SOC_NO_MEMORY, "%s: %s: out of host memory", s->dtb_name, name);
		if (ps != PAMU_STATUS_OK)
			return fail(err, SOC_BAD_PRESET, "%s: %s: the PAMU model refused its configuration", s->dtb_name,
				    name);
		st = bus_status(s, soc_bus_add_mmio(s->bus, name, s->pamu_base + n * PAMU_BLOCK_SIZE, PAMU_BLOCK_SIZE,
						    &pamu_ops, s->pamu[n]), dt, s->pamu_node, name, err);
		if (st)
			return st;
	}
	return SOC_OK;
}

static enum soc_status build_guts(struct soc *s, const struct soc_dt *dt, struct soc_error *err)
{
	static const char *const compat[] = { "fsl,qoriq-device-config-1.0", "fsl,qoriq-device-config-2.0", NULL };
	const struct soc_preset_rev *rev = &s->preset.revs[s->rev];
	struct soc_guts_cfg gc;
	enum soc_status st;
	uint64_t size;
	int idx;

	idx = find_one(dt, compat, true, "global utilities (GUTS)", &st);
	if (idx < 0)
		return st;
	st = block_reg(dt, idx, 0, &s->guts_base, &size);
	if (st)
		return st;
	if (size != SOC_GUTS_SIZE)
		return soc_dt_fail(dt, idx, "reg", "expected a block of 0x%x bytes, found 0x%" PRIx64, SOC_GUTS_SIZE,
				   size), SOC_BAD_DTB;
	st = claim(s, dt, idx, "reg", s->guts_base, SOC_GUTS_SIZE, err);
	if (st)
		return st;
	memset(&gc, 0, sizeof(gc));
	gc.name = "guts";
	gc.svr = rev->svr;
	gc.pvr = rev->pvr;
	gc.pamu_count = s->pamu_count;
	gc.sink = s->sink;
	gc.bypass_changed = guts_bypass;
	gc.bypass_ctx = s;
	switch (soc_guts_create(&gc, &s->guts)) {
	case SOC_GUTS_OK:
		break;
	case SOC_GUTS_NO_MEMORY:
		return fail(err, SOC_NO_MEMORY, "%s: guts: out of host memory", s->dtb_name);
	default:
		return fail(err, SOC_BAD_DTB, "%s: guts: the GUTS model refused its configuration", s->dtb_name);
	}
	return bus_status(s, soc_bus_add_mmio(s->bus, "guts", s->guts_base, SOC_GUTS_SIZE, &guts_ops, s->guts),
			  dt, idx, "guts", err);
}

/* Version of a PCIe controller node from its compatible list; 0 if it is none; -1 a generic one. */
static int pcie_version(const struct soc_dt *dt, int idx)
{
	const struct soc_dt_node *n = &dt->nodes[idx];
	int pos = 0, generic = 0;

	while (n->compat && pos < n->compat_len) {
		const char *c = n->compat + pos;
		uint16_t v = soc_pcie_version_of_compat(c);

		if (v)
			return v;
		if (!strncmp(c, "fsl,qoriq-pcie", 14))
			generic = -1;
		pos += (int)strlen(c) + 1;
	}
	return generic;
}

static enum soc_status build_pcie(struct soc *s, const struct soc_dt *dt, struct soc_error *err)
{
	unsigned int i;

	for (i = 0; i < dt->count; i++) {
		struct soc_pcie_cfg pc;
		enum soc_status st;
		enum soc_pcie_status ps;
		uint64_t base, size;
		char name[16];
		int v = pcie_version(dt, (int)i);

		if (v == 0)
			continue;
		if (v < 0)
			return soc_dt_fail(dt, (int)i, "compatible", "expected a versioned PCIe controller "
					   "(fsl,qoriq-pcie-vM.m or fsl,p4080-pcie), found only a generic one"), SOC_BAD_DTB;
		/* a board that disabled a controller and deleted its reg (oca4080, kmcoge4): nothing to place */
		if (soc_dt_disabled(dt, (int)i) && !fdt_getprop(dt->fdt, dt->nodes[i].off, "reg", NULL))
			continue;
		if (s->pcie_count == SOC_MAX_PCIE)
			return soc_dt_fail(dt, (int)i, "compatible", "expected at most %u PCIe controllers", SOC_MAX_PCIE),
			       SOC_BAD_DTB;
		st = block_reg(dt, (int)i, 0, &base, &size);
		if (st)
			return st;
		if (size < SOC_PCIE_MIN_SIZE || size > SOC_PCIE_MAX_SIZE || (size & 0xfff))
			return soc_dt_fail(dt, (int)i, "reg", "expected a controller block of 4 KiB multiples between 0x%x "
					   "and 0x%x bytes (BRR1 at +0xbf8), found 0x%" PRIx64, 0x1000u,
					   SOC_PCIE_MAX_SIZE, size), SOC_BAD_DTB;
		st = claim(s, dt, (int)i, "reg", base, size, err);
		if (st)
			return st;
		snprintf(name, sizeof(name), "pcie%u", s->pcie_count);
		memset(&pc, 0, sizeof(pc));
		pc.name = name;
		pc.version = (uint16_t)v;
		pc.size = (uint32_t)size;
		pc.sink = s->sink;
		ps = soc_pcie_create(&pc, &s->pcie[s->pcie_count]);
		if (ps != SOC_PCIE_OK)
			return fail(err, ps == SOC_PCIE_NO_MEMORY ? SOC_NO_MEMORY : SOC_BAD_DTB,
				    "%s: %s: the PCIe model refused its configuration", s->dtb_name, name);
		s->pcie_base[s->pcie_count] = base;
		s->pcie_size[s->pcie_count] = size;
		s->pcie_count++;
		st = bus_status(s, soc_bus_add_mmio(s->bus, name, base, size, &soc_pcie_mmio_ops,
						    s->pcie[s->pcie_count - 1]), dt, (int)i, name, err);
		if (st)
			return st;
	}
	return SOC_OK;
}

/* LAW and CCF: register RAM the driver reads and writes through plain pointers (kernel-surface.md
 * 10.4), so they are DRAM-type regions of the bus, filled by the firmware. */
static enum soc_status build_ram_block(struct soc *s, const struct soc_dt *dt, int idx, const char *name,
				       const char *count_prop, bool required, uint32_t first, uint32_t stride,
				       uint32_t extra, uint64_t *base, uint64_t *size, uint32_t *count,
				       struct soc_error *err)
{
	enum soc_status st;

	st = block_reg(dt, idx, 0, base, size);
	if (st)
		return st;
	if ((*size & 0xfff) || (*base & 0xfff))
		return soc_dt_fail(dt, idx, "reg", "expected a 4 KiB aligned base and a multiple of 4 KiB (the block "
				   "is modelled as register RAM), found 0x%" PRIx64 " bytes at 0x%" PRIx64, *size, *base),
		       SOC_BAD_DTB;
	*count = 0;
	/* T1023/T1024: a corenet2-cf node without fsl,ccf-num-csdids (and without the fsl,corenet-cf
	 * compatible the driver looks for) is still register RAM, with no count to check */
	if (required || fdt_getprop(dt->fdt, dt->nodes[idx].off, count_prop, NULL)) {
		if (!soc_dt_u32(dt, idx, count_prop, count, true))
			return SOC_BAD_DTB;
		if (*count == 0 || *count > (*size - first) / stride - extra)
			return soc_dt_fail(dt, idx, count_prop, "expected 1 to %" PRIu64 " (the registers at +0x%x "
					   "must fit the block), found %u", (*size - first) / stride - extra, first,
					   *count), SOC_BAD_DTB;
	}
	st = claim(s, dt, idx, "reg", *base, *size, err);
	if (st)
		return st;
	return bus_status(s, soc_bus_add_dram(s->bus, name, *base, *size), dt, idx, name, err);
}

static enum soc_status build_law_ccf(struct soc *s, const struct soc_dt *dt, struct soc_error *err)
{
	static const char *const law[] = { "fsl,corenet-law", NULL };
	static const char *const ccf[] = { "fsl,corenet-cf", "fsl,corenet1-cf", "fsl,corenet2-cf", NULL };
	enum soc_status st;
	unsigned int i;
	int idx;

	idx = find_one(dt, law, false, "local access window (LAW)", &st);
	if (st)
		return st;
	if (idx >= 0) {
		/* LAW array at +0xC00, 16 bytes an entry */
		st = build_ram_block(s, dt, idx, "law", "fsl,num-laws", true, LAW_ARRAY, LAW_ENTRY, 0, &s->law_base,
				     &s->law_size, &s->num_laws, err);
		if (st)
			return st;
	}
	idx = find_one(dt, ccf, false, "CoreNet coherency fabric (CCF)", &st);
	if (st)
		return st;
	if (idx >= 0) {
		/* CSDID words at +0x600; the driver may write one past the last (hw-facts.md 8.1 step 3) */
		st = build_ram_block(s, dt, idx, "ccf", "fsl,ccf-num-csdids", false, CCF_CSDID, 4, 1, &s->ccf_base,
				     &s->ccf_size, &s->num_csdids, err);
		if (st)
			return st;
	}
	for (i = 0; i < s->preset.law_count; i++) {
		const struct soc_law *l = &s->preset.laws[i];
		uint64_t e = s->law_base + LAW_ARRAY + (uint64_t)LAW_ENTRY * l->index;
		char where[SOC_TEXT_LEN + 32];
		unsigned int code = 0;

		soc_preset_where(s, NULL, where, sizeof(where));
		if (!s->law_size)
			return fail(err, SOC_BAD_PRESET, "%s: laws[%u]: expected a fsl,corenet-law node in %s to hold "
				    "the LAW, found none", where, i, s->dtb_name);
		if (l->index >= s->num_laws)
			return fail(err, SOC_BAD_PRESET, "%s: laws[%u]: index: expected below fsl,num-laws = %u, found "
				    "%u", where, i, s->num_laws, l->index);
		if (l->size < 0x1000 || (l->size & (l->size - 1)) || (l->base & 0xfff) || l->base >= SOC_PHYS_LIMIT)
			return fail(err, SOC_BAD_PRESET, "%s: laws[%u]: expected a power-of-two size of at least 4 KiB "
				    "at a 4 KiB aligned base below 2^36, found 0x%" PRIx64 " at 0x%" PRIx64, where, i,
				    l->size, l->base);
		while ((1ull << (code + 1)) < l->size)
			code++;
		/* host order: the driver reads the array through plain pointers */
		soc_bus_store(s->bus, e, 4, l->base >> 32, &model_attrs);
		soc_bus_store(s->bus, e + 4, 4, l->base & 0xffffffffu, &model_attrs);
		soc_bus_store(s->bus, e + 8, 4, LAWAR_EN | (uint32_t)l->target << LAWAR_TGT_SHIFT | code,
			      &model_attrs);
	}
	return SOC_OK;
}

static enum soc_status build_dram(struct soc *s, struct soc_error *err)
{
	char where[SOC_TEXT_LEN + 32];
	unsigned int i;
	uint64_t b = s->preset.dram_base, sz = s->preset.dram_size;

	soc_preset_where(s, NULL, where, sizeof(where));
	if (sz == 0 || (sz & 0xfff) || (b & 0xfff) || b >= SOC_PHYS_LIMIT || sz > SOC_PHYS_LIMIT - b)
		return fail(err, SOC_BAD_PRESET, "%s: dram: expected a non-empty 4 KiB aligned range below 2^36, found "
			    "0x%" PRIx64 " bytes at 0x%" PRIx64, where, sz, b);
	for (i = 0; i < s->region_count; i++)
		if (b < s->regions[i].base + s->regions[i].size && s->regions[i].base < b + sz)
			return fail(err, SOC_BAD_PRESET, "%s: dram: expected a range overlapping no block of %s, found "
				    "[0x%" PRIx64 ", 0x%" PRIx64 ") overlapping %s", where, s->dtb_name, b, b + sz,
				    s->regions[i].what);
	if (b < s->ccsr_base + s->ccsr_size && s->ccsr_base < b + sz)
		return fail(err, SOC_BAD_PRESET, "%s: dram: expected a range outside the CCSR window of %s, found "
			    "[0x%" PRIx64 ", 0x%" PRIx64 ")", where, s->dtb_name, b, b + sz);
	return bus_status(s, soc_bus_add_dram(s->bus, "dram", b, sz), NULL, -1, "dram", err);
}

/* ------------------------------------------------------------------ create ---- */

static enum soc_status build(struct soc *s, const struct soc_cfg *cfg, struct soc_error *err)
{
	static const char *const pamu_compat[] = { "fsl,pamu", NULL };
	static const char *const mpic_compat[] = { "fsl,mpic", NULL };
	struct soc_bus_cfg bc = { .sink = cfg->sink };
	struct soc_dt dt;
	enum soc_status st;
	int mpic;
	unsigned int n;

	if (!cfg->dtb || cfg->dtb_size < sizeof(struct fdt_header))
		return fail(err, SOC_BAD_DTB, "%s: /: header: expected a flattened device tree of at least %zu bytes, "
			    "found %zu", s->dtb_name, sizeof(struct fdt_header), cfg->dtb ? cfg->dtb_size : 0);
	/* an aligned private copy: the caller's buffer may be unaligned or go away */
	s->orig = malloc(cfg->dtb_size);
	if (!s->orig)
		return fail(err, SOC_NO_MEMORY, "%s: out of host memory", s->dtb_name);
	memcpy(s->orig, cfg->dtb, cfg->dtb_size);
	if (!soc_dt_open(&dt, s->orig, cfg->dtb_size, s->dtb_name, err))
		return SOC_BAD_DTB;

	st = find_ccsr(s, &dt, err);
	if (st)
		goto out;
	s->pamu_node = find_one(&dt, pamu_compat, true, "PAMU", &st);
	if (st)
		goto out;
	mpic = find_one(&dt, mpic_compat, true, "MPIC", &st);
	if (st)
		goto out;
	st = count_cpus(&dt, &s->cpu_count);
	if (st)
		goto out;
	st = read_pamu(s, &dt, mpic);
	if (st)
		goto out;

	s->bus = soc_bus_create(&bc);
	if (!s->bus) {
		st = fail(err, SOC_NO_MEMORY, "%s: out of host memory", s->dtb_name);
		goto out;
	}
	st = build_mpic(s, &dt, mpic, err);
	if (st)
		goto out;
	st = build_pamus(s, &dt, err);
	if (st)
		goto out;
	st = build_guts(s, &dt, err);
	if (st)
		goto out;
	st = build_pcie(s, &dt, err);
	if (st)
		goto out;
	st = build_law_ccf(s, &dt, err);
	if (st)
		goto out;
	st = build_dram(s, err);
	if (st)
		goto out;
	/* every PAMU follows PAMUBYPENR from now on (reset: every implemented bit set, all bypassed) */
	for (n = 0; n < s->pamu_count; n++)
		pamu_set_bypass(s->pamu[n], soc_guts_pamu_bypassed(s->guts, n));
	st = soc_fixup(s, &dt, err);
out:
	soc_dt_close(&dt);
	return st;
}

enum soc_status soc_create(const struct soc_cfg *cfg, struct soc **out, struct soc_error *err)
{
	struct soc *s;
	enum soc_status st;

	if (err)
		err->msg[0] = '\0';
	if (out)
		*out = NULL;
	if (!cfg || !out)
		return fail(err, SOC_BAD_PRESET, "soc_create: expected a configuration and a result pointer");
	if (!cfg->preset)
		return fail(err, SOC_BAD_PRESET, "soc_create: expected a preset, found none");
	if (cfg->preset->rev_count == 0 || cfg->preset->rev_count > SOC_PRESET_MAX_REVS ||
	    cfg->rev >= cfg->preset->rev_count)
		return fail(err, SOC_BAD_PRESET, "%s: revs: expected revision index %u below the %u revisions given",
			    cfg->preset->file[0] ? cfg->preset->file : cfg->preset->name, cfg->rev,
			    cfg->preset->rev_count);
	if (cfg->preset->law_count > SOC_PRESET_MAX_LAWS || cfg->preset->liodn_count > SOC_PRESET_MAX_LIODNS)
		return fail(err, SOC_BAD_PRESET, "%s: expected at most %u LAWs and %u LIODN rows",
			    cfg->preset->file[0] ? cfg->preset->file : cfg->preset->name, SOC_PRESET_MAX_LAWS,
			    SOC_PRESET_MAX_LIODNS);
	s = calloc(1, sizeof(*s));
	if (!s)
		return fail(err, SOC_NO_MEMORY, "soc_create: out of host memory");
	s->preset = *cfg->preset;
	s->rev = cfg->rev;
	snprintf(s->dtb_name, sizeof(s->dtb_name), "%s", cfg->dtb_name && cfg->dtb_name[0] ? cfg->dtb_name : "<dtb>");
	s->sink = cfg->sink;
	s->cpu_irq_changed = cfg->cpu_irq_changed;
	s->cpu_irq_ctx = cfg->cpu_irq_ctx;
	s->err_sub = -1;
	st = build(s, cfg, err);
	if (st) {
		soc_destroy(s);
		return st;
	}
	*out = s;
	return SOC_OK;
}

void soc_destroy(struct soc *s)
{
	unsigned int i;

	if (!s)
		return;
	/* the bus first: nothing may call into a block after it is gone */
	soc_bus_destroy(s->bus);
	for (i = 0; i < s->pamu_count; i++)
		pamu_destroy(s->pamu[i]);
	for (i = 0; i < s->pcie_count; i++)
		soc_pcie_destroy(s->pcie[i]);
	soc_guts_destroy(s->guts);
	mpic_destroy(s->mpic);
	free(s->devs);
	free(s->fdt);
	free(s->orig);
	free(s);
}

/* --------------------------------------------------------------- accessors ---- */

struct soc_bus *soc_get_bus(struct soc *s) { return s->bus; }
uint64_t soc_ccsr_base(const struct soc *s) { return s->ccsr_base; }
uint64_t soc_ccsr_size(const struct soc *s) { return s->ccsr_size; }
unsigned int soc_pamu_count(const struct soc *s) { return s->pamu_count; }
struct pamu *soc_get_pamu(struct soc *s, unsigned int n) { return n < s->pamu_count ? s->pamu[n] : NULL; }
struct mpic *soc_get_mpic(struct soc *s) { return s->mpic; }
uint64_t soc_mpic_base(const struct soc *s) { return s->mpic_base; }
struct soc_guts *soc_get_guts(struct soc *s) { return s->guts; }
uint64_t soc_guts_base(const struct soc *s) { return s->guts_base; }
const struct soc_preset *soc_get_preset(const struct soc *s) { return &s->preset; }
const struct soc_preset_rev *soc_get_rev(const struct soc *s) { return &s->preset.revs[s->rev]; }
const void *soc_get_fdt(const struct soc *s) { return s->fdt; }
size_t soc_get_fdt_size(const struct soc *s) { return s->fdt_size; }
unsigned int soc_device_count(const struct soc *s) { return s->dev_count; }
unsigned int soc_pcie_count(const struct soc *s) { return s->pcie_count; }
uint64_t soc_law_base(const struct soc *s) { return s->law_size ? s->law_base : 0; }
uint64_t soc_ccf_base(const struct soc *s) { return s->ccf_size ? s->ccf_base : 0; }
unsigned int soc_cpu_count(const struct soc *s) { return s->cpu_count; }
unsigned int soc_fw_rows_skipped(const struct soc *s) { return s->rows_skipped; }
unsigned int soc_pamu_av_source(const struct soc *s) { return s->av_source; }
int soc_pamu_err_subsource(const struct soc *s) { return s->err_sub; }

uint64_t soc_pamu_base(const struct soc *s, unsigned int n)
{
	return n < s->pamu_count ? s->pamu_base + (uint64_t)n * PAMU_BLOCK_SIZE : 0;
}

struct soc_pcie *soc_get_pcie(struct soc *s, unsigned int i)
{
	return i < s->pcie_count ? s->pcie[i] : NULL;
}

uint64_t soc_pcie_base(const struct soc *s, unsigned int i)
{
	return i < s->pcie_count ? s->pcie_base[i] : 0;
}

const struct soc_device *soc_get_device(const struct soc *s, unsigned int i)
{
	return i < s->dev_count ? &s->devs[i] : NULL;
}

const struct soc_device *soc_find_device(const struct soc *s, const char *path)
{
	unsigned int i;

	for (i = 0; path && i < s->dev_count; i++)
		if (!strcmp(s->devs[i].path, path))
			return &s->devs[i];
	return NULL;
}

/* ------------------------------------------------------------ access paths ---- */

static bool is_write_op(uint8_t op)
{
	/* hw-facts.md 6: write, enhanced write 0 and 1; everything else (reads, directives, atomics)
	 * moves data towards the device (implementation choice: atomics are a read, docs/soc.md). */
	return op == PAMU_OP_WRITE || op == PAMU_OP_EWRITE0 || op == PAMU_OP_EWRITE1;
}

enum soc_bus_status soc_dma(struct soc *s, unsigned int pamu, uint16_t liodn, uint64_t addr, void *buf,
			    uint32_t size, uint8_t op, struct pamu_result *res)
{
	struct pamu_request req = { .liodn = liodn, .addr = addr, .size = size, .op = op };
	struct sim_txn_attrs attrs = { .initiator = SIM_INITIATOR_DEVICE, .liodn = liodn };

	if (pamu >= s->pamu_count || (size && !buf)) {
		memset(res, 0, sizeof(*res));
		res->kind = PAMU_XLATE_BAD_REQUEST;
		res->subwindow = -1;
		return SOC_BUS_BAD_ARG;
	}
	pamu_translate(s->pamu[pamu], &req, res);
	if (res->kind != PAMU_XLATE_OK && res->kind != PAMU_XLATE_BYPASS)
		return SOC_BUS_OK;
	if (is_write_op(op))
		return soc_bus_write(s->bus, res->paddr, buf, size, &attrs);
	return soc_bus_read(s->bus, res->paddr, buf, size, &attrs);
}

enum soc_bus_status soc_cpu_load(struct soc *s, uint64_t addr, unsigned int size, uint64_t *val)
{
	static const struct sim_txn_attrs cpu = { .initiator = SIM_INITIATOR_CPU };

	return soc_bus_load(s->bus, addr, size, val, &cpu);
}

enum soc_bus_status soc_cpu_store(struct soc *s, uint64_t addr, unsigned int size, uint64_t val)
{
	static const struct sim_txn_attrs cpu = { .initiator = SIM_INITIATOR_CPU };

	return soc_bus_store(s->bus, addr, size, val, &cpu);
}
