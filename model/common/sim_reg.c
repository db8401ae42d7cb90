// SPDX-License-Identifier: BSD-2-Clause
/*
 * sim_reg.c - the one generic register read/write path (rules in sim_reg.h, docs/registers.md).
 */
#include "sim_reg.h"

#include <stdlib.h>
#include <string.h>

enum sim_reg_status sim_regfile_init(struct sim_regfile *rf, const struct sim_regfile_cfg *cfg)
{
	unsigned int i, slots;

	memset(rf, 0, sizeof(*rf));
	if (!cfg || !cfg->defs || cfg->span == 0 || (cfg->span & 3) || cfg->span > 0x10000 * 4)
		return SIM_REG_BAD_CFG;
	rf->cfg = *cfg;
	slots = cfg->span / 4;
	rf->val = calloc(cfg->count ? cfg->count : 1, sizeof(*rf->val));
	rf->index = malloc(slots * sizeof(*rf->index));
	if (!rf->val || !rf->index) {
		sim_regfile_destroy(rf);
		return SIM_REG_NO_MEMORY;
	}
	for (i = 0; i < slots; i++)
		rf->index[i] = -1;
	for (i = 0; i < cfg->count; i++) {
		const struct sim_reg_def *d = &cfg->defs[i];

		if ((d->offset & 3) || d->offset >= cfg->span || rf->index[d->offset / 4] != -1 ||
		    (d->reset & d->rsvd) || i > INT16_MAX) {
			sim_regfile_destroy(rf);
			return SIM_REG_BAD_CFG;
		}
		rf->index[d->offset / 4] = (int16_t)i;
	}
	sim_regfile_reset(rf);
	return SIM_REG_OK;
}

void sim_regfile_destroy(struct sim_regfile *rf)
{
	free(rf->val);
	free(rf->index);
	rf->val = NULL;
	rf->index = NULL;
}

void sim_regfile_reset(struct sim_regfile *rf)
{
	unsigned int i;

	for (i = 0; i < rf->cfg.count; i++)
		rf->val[i] = rf->cfg.defs[i].reset;
}

int sim_regfile_lookup(const struct sim_regfile *rf, uint32_t offset)
{
	if ((offset & 3) || offset >= rf->cfg.span)
		return -1;
	return rf->index[offset / 4];
}

/* Common checks of a guest access; returns the register index or -1 after recording the misuse. */
static int check_access(struct sim_regfile *rf, uint32_t offset, unsigned int size, bool is_write,
			uint32_t value)
{
	const char *dir = is_write ? "write" : "read";
	int idx;

	if (offset >= rf->cfg.span) {
		rf->misuse_count++;
		sim_event_emitf(&rf->cfg.sink, SIM_EV_REGISTER_MISUSE, rf->cfg.block, NULL, offset, size,
				value, "%s at offset 0x%x: beyond the block (0x%x bytes)", dir, offset,
				rf->cfg.span);
		return -1;
	}
	idx = rf->index[(offset & ~3u) / 4];
	if (size != 4 || (offset & 3)) {
		rf->misuse_count++;
		sim_event_emitf(&rf->cfg.sink, SIM_EV_REGISTER_MISUSE, rf->cfg.block,
				idx >= 0 ? rf->cfg.defs[idx].name : NULL, offset, size, value,
				"%u-byte %s at offset 0x%x: registers take aligned 4-byte accesses only", size,
				dir, offset);
		return -1;
	}
	if (idx < 0) {
		rf->misuse_count++;
		sim_event_emitf(&rf->cfg.sink, SIM_EV_REGISTER_MISUSE, rf->cfg.block, NULL, offset, size,
				value, "%s at offset 0x%x: no register there", dir, offset);
		return -1;
	}
	return idx;
}

uint32_t sim_regfile_read(struct sim_regfile *rf, uint32_t offset, unsigned int size)
{
	const struct sim_reg_def *d;
	uint32_t v;
	int idx = check_access(rf, offset, size, false, 0);

	if (idx < 0)
		return 0;
	d = &rf->cfg.defs[idx];
	v = rf->val[idx];
	if (rf->cfg.ops && rf->cfg.ops->read)
		rf->cfg.ops->read(rf->cfg.opaque, (unsigned int)idx, &v);
	v &= ~d->rsvd;
	rf->val[idx] &= ~d->cor;
	return v;
}

void sim_regfile_write(struct sim_regfile *rf, uint32_t offset, unsigned int size, uint32_t value)
{
	const struct sim_reg_def *d;
	uint32_t old_val, keep, new_val;
	int idx = check_access(rf, offset, size, true, value);

	if (idx < 0)
		return;
	d = &rf->cfg.defs[idx];
	if (d->ro == SIM_REG_RO_ALL) {
		rf->misuse_count++;
		sim_event_emitf(&rf->cfg.sink, SIM_EV_REGISTER_MISUSE, rf->cfg.block, d->name, offset, size,
				value, "write 0x%08x to read-only register %s", value, d->name);
		return;
	}
	if (value & d->rsvd) {
		rf->misuse_count++;
		sim_event_emitf(&rf->cfg.sink, SIM_EV_REGISTER_MISUSE, rf->cfg.block, d->name, offset, size,
				value, "write 0x%08x to %s sets reserved bits 0x%08x", value, d->name,
				value & d->rsvd);
	}
	old_val = rf->val[idx];
	keep = d->ro | d->w1c;
	new_val = (old_val & keep) | (value & ~keep);
	new_val &= ~(value & d->w1c);
	new_val &= ~d->rsvd;
	rf->val[idx] = new_val;
	if (rf->cfg.ops && rf->cfg.ops->post_write)
		rf->cfg.ops->post_write(rf->cfg.opaque, (unsigned int)idx, old_val, new_val, value);
}
