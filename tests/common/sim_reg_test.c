// SPDX-License-Identifier: BSD-2-Clause
/*
 * sim_reg_test.c - the generic register path: every access rule of sim_reg.h on a small made-up block.
 */
#include <stdio.h>
#include <string.h>

#include "sim_reg.h"
#include "sim_test.h"

/* A test block declared the way every model declares its registers: one X-macro list. */
#define TB_REG_LIST(X)                                                                          \
	X(CTRL, 0x00, 0x00000001, 0x00000000, 0x00000000, 0xffff0000, 0x00000000)               \
	X(STAT, 0x04, 0x00000000, 0xffff0000, 0x0000ffff, 0x00000000, 0x00000000)               \
	X(ID, 0x08, 0x12340100, SIM_REG_RO_ALL, 0x00000000, 0x00000000, 0x00000000)             \
	X(EVT, 0x0c, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0xffffffff)                \
	X(FAR, 0x40, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000)

enum tb_reg {
#define X(name, off, reset, ro, w1c, rsvd, cor) TB_##name,
	TB_REG_LIST(X)
#undef X
	TB_COUNT
};

static const struct sim_reg_def tb_defs[] = {
#define X(name, off, reset, ro, w1c, rsvd, cor) { #name, off, reset, ro, w1c, rsvd, cor },
	TB_REG_LIST(X)
#undef X
};

SIM_FIELD(CTRL, EN, 0, 1);
SIM_FIELD(CTRL, MODE, 4, 3);
SIM_FIELD(STAT, ID, 16, 16);

struct recorder {
	int events;
	enum sim_event_kind last_kind;
	char last_msg[SIM_EVENT_MSG_LEN];
	const char *last_reg;
	int writes;
	unsigned int last_idx;
	uint32_t last_old, last_new, last_written;
};

static void record(void *ctx, const struct sim_event *ev)
{
	struct recorder *r = ctx;

	r->events++;
	r->last_kind = ev->kind;
	r->last_reg = ev->reg;
	snprintf(r->last_msg, sizeof(r->last_msg), "%s", ev->msg);
}

static void post_write(void *opaque, unsigned int idx, uint32_t old_val, uint32_t new_val, uint32_t written)
{
	struct recorder *r = opaque;

	r->writes++;
	r->last_idx = idx;
	r->last_old = old_val;
	r->last_new = new_val;
	r->last_written = written;
}

static const struct sim_regfile_ops tb_ops = { .post_write = post_write };

static bool setup(struct sim_regfile *rf, struct recorder *r)
{
	struct sim_regfile_cfg cfg = {
		.block = "tb", .defs = tb_defs, .count = TB_COUNT, .span = 0x100,
		.ops = &tb_ops, .opaque = r, .sink = { .emit = record, .ctx = r },
	};

	memset(r, 0, sizeof(*r));
	return sim_regfile_init(rf, &cfg) == SIM_REG_OK;
}

SIM_TEST(Sim, RegResetValues)
{
	struct sim_regfile rf;
	struct recorder r;

	SIM_ASSERT(setup(&rf, &r));
	SIM_EXPECT_EQ_U64(sim_regfile_read(&rf, 0x00, 4), 0x00000001);
	SIM_EXPECT_EQ_U64(sim_regfile_read(&rf, 0x04, 4), 0);
	SIM_EXPECT_EQ_U64(sim_regfile_read(&rf, 0x08, 4), 0x12340100);
	SIM_EXPECT_EQ_U64(r.events, 0);
	sim_regfile_write(&rf, 0x00, 4, 0x70);
	sim_regfile_reset(&rf);
	SIM_EXPECT_EQ_U64(sim_regfile_read(&rf, 0x00, 4), 0x00000001);
	sim_regfile_destroy(&rf);
}

SIM_TEST(Sim, RegPlainWriteAndHook)
{
	struct sim_regfile rf;
	struct recorder r;

	SIM_ASSERT(setup(&rf, &r));
	sim_regfile_write(&rf, 0x40, 4, 0xdeadbeef);
	SIM_EXPECT_EQ_U64(sim_regfile_read(&rf, 0x40, 4), 0xdeadbeef);
	SIM_EXPECT_EQ_U64(r.writes, 1);
	SIM_EXPECT_EQ_U64(r.last_idx, TB_FAR);
	SIM_EXPECT_EQ_U64(r.last_old, 0);
	SIM_EXPECT_EQ_U64(r.last_new, 0xdeadbeef);
	SIM_EXPECT_EQ_U64(r.events, 0);
	sim_regfile_destroy(&rf);
}

SIM_TEST(Sim, RegReadOnlyRegisterWriteIsMisuse)
{
	struct sim_regfile rf;
	struct recorder r;

	SIM_ASSERT(setup(&rf, &r));
	sim_regfile_write(&rf, 0x08, 4, 0);
	SIM_EXPECT_EQ_U64(sim_regfile_read(&rf, 0x08, 4), 0x12340100);
	SIM_EXPECT_EQ_U64(r.events, 1);
	SIM_EXPECT_EQ_U64(r.last_kind, SIM_EV_REGISTER_MISUSE);
	SIM_EXPECT(r.last_reg && !strcmp(r.last_reg, "ID"));
	SIM_EXPECT_EQ_U64(r.writes, 0);	/* no side effect of a dropped write */
	SIM_EXPECT_EQ_U64(rf.misuse_count, 1);
	sim_regfile_destroy(&rf);
}

SIM_TEST(Sim, RegReservedBitsReadZeroAndWriteIsMisuse)
{
	struct sim_regfile rf;
	struct recorder r;

	SIM_ASSERT(setup(&rf, &r));
	sim_regfile_write(&rf, 0x00, 4, 0x00010071);
	/* the legal bits took effect, the reserved one did not, and the write is reported */
	SIM_EXPECT_EQ_U64(sim_regfile_read(&rf, 0x00, 4), 0x00000071);
	SIM_EXPECT_EQ_U64(r.events, 1);
	SIM_EXPECT(strstr(r.last_msg, "reserved") != NULL);
	sim_regfile_write(&rf, 0x00, 4, 0x00000070);
	SIM_EXPECT_EQ_U64(r.events, 1);
	sim_regfile_destroy(&rf);
}

SIM_TEST(Sim, RegW1cAndReadOnlyFieldsInWritableRegister)
{
	struct sim_regfile rf;
	struct recorder r;

	SIM_ASSERT(setup(&rf, &r));
	sim_reg_set(&rf, TB_STAT, 0x00420005);	/* hardware sets status with an ID field */
	/* software writes back with the ID field zero: no misuse, ID kept, only bit 0 cleared */
	sim_regfile_write(&rf, 0x04, 4, 0x00000001);
	SIM_EXPECT_EQ_U64(sim_regfile_read(&rf, 0x04, 4), 0x00420004);
	SIM_EXPECT_EQ_U64(r.events, 0);
	/* writing 0 clears nothing */
	sim_regfile_write(&rf, 0x04, 4, 0);
	SIM_EXPECT_EQ_U64(sim_regfile_read(&rf, 0x04, 4), 0x00420004);
	sim_regfile_write(&rf, 0x04, 4, 0xffffffff);
	SIM_EXPECT_EQ_U64(sim_regfile_read(&rf, 0x04, 4), 0x00420000);
	sim_regfile_destroy(&rf);
}

SIM_TEST(Sim, RegClearOnRead)
{
	struct sim_regfile rf;
	struct recorder r;

	SIM_ASSERT(setup(&rf, &r));
	sim_reg_set(&rf, TB_EVT, 0x80000001);
	SIM_EXPECT_EQ_U64(sim_regfile_read(&rf, 0x0c, 4), 0x80000001);
	SIM_EXPECT_EQ_U64(sim_regfile_read(&rf, 0x0c, 4), 0);
	sim_regfile_destroy(&rf);
}

SIM_TEST(Sim, RegEveryWrongSizeAndAlignmentIsMisuse)
{
	static const unsigned int sizes[] = { 1, 2, 8, 3, 0 };
	struct sim_regfile rf;
	struct recorder r;
	unsigned int i;

	SIM_ASSERT(setup(&rf, &r));
	sim_regfile_write(&rf, 0x40, 4, 0x11111111);
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		int before = r.events;

		SIM_EXPECT_EQ_U64(sim_regfile_read(&rf, 0x40, sizes[i]), 0);
		sim_regfile_write(&rf, 0x40, sizes[i], 0x22222222);
		SIM_EXPECT_EQ_U64(r.events, before + 2);
		SIM_EXPECT(strstr(r.last_msg, "4-byte") != NULL);
	}
	for (i = 1; i < 4; i++) {
		int before = r.events;

		SIM_EXPECT_EQ_U64(sim_regfile_read(&rf, 0x40 + i, 4), 0);
		sim_regfile_write(&rf, 0x40 + i, 4, 0x33333333);
		SIM_EXPECT_EQ_U64(r.events, before + 2);
	}
	SIM_EXPECT_EQ_U64(sim_regfile_read(&rf, 0x40, 4), 0x11111111);
	SIM_EXPECT_EQ_U64(r.writes, 1);
	sim_regfile_destroy(&rf);
}

SIM_TEST(Sim, RegNoRegisterAndBeyondSpanAreMisuse)
{
	struct sim_regfile rf;
	struct recorder r;

	SIM_ASSERT(setup(&rf, &r));
	SIM_EXPECT_EQ_U64(sim_regfile_read(&rf, 0x10, 4), 0);
	SIM_EXPECT(strstr(r.last_msg, "no register") != NULL);
	sim_regfile_write(&rf, 0xfc, 4, 1);
	SIM_EXPECT_EQ_U64(sim_regfile_read(&rf, 0x100, 4), 0);
	SIM_EXPECT(strstr(r.last_msg, "beyond") != NULL);
	sim_regfile_write(&rf, 0xffffffffu, 4, 1);
	SIM_EXPECT_EQ_U64(r.events, 4);
	SIM_EXPECT_EQ_U64(sim_regfile_lookup(&rf, 0x40), TB_FAR);
	SIM_EXPECT_EQ_U64(sim_regfile_lookup(&rf, 0x44), (uint64_t)-1);
	sim_regfile_destroy(&rf);
}

SIM_TEST(Sim, RegBadDefinitionsRejected)
{
	static const struct sim_reg_def overlap[] = { { "A", 0x0, 0, 0, 0, 0, 0 }, { "B", 0x0, 0, 0, 0, 0, 0 } };
	static const struct sim_reg_def unaligned[] = { { "A", 0x2, 0, 0, 0, 0, 0 } };
	static const struct sim_reg_def outside[] = { { "A", 0x100, 0, 0, 0, 0, 0 } };
	static const struct sim_reg_def reset_in_rsvd[] = { { "A", 0x0, 1, 0, 0, 1, 0 } };
	struct sim_regfile_cfg cfg = { .block = "bad", .span = 0x100 };
	struct sim_regfile rf;

	cfg.defs = overlap;
	cfg.count = 2;
	SIM_EXPECT_EQ_U64(sim_regfile_init(&rf, &cfg), SIM_REG_BAD_CFG);
	cfg.defs = unaligned;
	cfg.count = 1;
	SIM_EXPECT_EQ_U64(sim_regfile_init(&rf, &cfg), SIM_REG_BAD_CFG);
	cfg.defs = outside;
	SIM_EXPECT_EQ_U64(sim_regfile_init(&rf, &cfg), SIM_REG_BAD_CFG);
	cfg.defs = reset_in_rsvd;
	SIM_EXPECT_EQ_U64(sim_regfile_init(&rf, &cfg), SIM_REG_BAD_CFG);
	cfg.span = 0x102;
	SIM_EXPECT_EQ_U64(sim_regfile_init(&rf, &cfg), SIM_REG_BAD_CFG);
}

SIM_TEST(Sim, FieldHelpers)
{
	uint32_t v = 0;

	v = SIM_FDP32(v, CTRL, MODE, 5);
	SIM_EXPECT_EQ_U64(v, 0x50);
	SIM_EXPECT_EQ_U64(SIM_FEX32(v, CTRL, MODE), 5);
	v = SIM_FDP32(v, CTRL, MODE, 0xf);	/* too wide: truncated to the field */
	SIM_EXPECT_EQ_U64(v, 0x70);
	SIM_EXPECT_EQ_U64(SIM_FMASK(STAT, ID), 0xffff0000);
	SIM_EXPECT_EQ_U64(SIM_FEX32(0xabcd0000, STAT, ID), 0xabcd);
	SIM_EXPECT_EQ_U64(SIM_FMASK(CTRL, EN), 1);
	SIM_EXPECT_EQ_U64(SIM_MASK32(0, 32), 0xffffffff);
}

SIM_TEST(Sim, EventKindNames)
{
	SIM_EXPECT(!strcmp(sim_event_kind_name(SIM_EV_REGISTER_MISUSE), "register-misuse"));
	SIM_EXPECT(!strcmp(sim_event_kind_name(SIM_EV_UNMAPPED_ACCESS), "unmapped-access"));
	SIM_EXPECT(!strcmp(sim_event_kind_name(SIM_EV_UNSUPPORTED), "unsupported"));
	SIM_EXPECT(!strcmp(sim_event_kind_name(SIM_EV_KIND_COUNT), "unknown"));
}
