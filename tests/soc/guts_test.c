// SPDX-License-Identifier: BSD-2-Clause
/*
 * guts_test.c - GUTS: SVR/PVR read-only, LIODN registers, PAMUBYPENR bits and its bypass callback.
 */
#include <string.h>

#include "sim_test.h"
#include "soc_guts.h"

struct guts_obs {
	int misuse;
	int bypass_calls;
	uint32_t last_bypass;
};

static void obs_event(void *ctx, const struct sim_event *ev)
{
	struct guts_obs *o = ctx;

	if (ev->kind == SIM_EV_REGISTER_MISUSE)
		o->misuse++;
}

static void obs_bypass(void *ctx, uint32_t v)
{
	struct guts_obs *o = ctx;

	o->bypass_calls++;
	o->last_bypass = v;
}

static struct soc_guts *make(struct guts_obs *o, unsigned int pamus)
{
	struct soc_guts_cfg cfg = {
		.name = "guts", .svr = 0x82000020, .pvr = 0x80230020, .pamu_count = pamus,
		.sink = { .emit = obs_event, .ctx = o }, .bypass_changed = obs_bypass, .bypass_ctx = o,
	};
	struct soc_guts *g = NULL;

	memset(o, 0, sizeof(*o));
	return soc_guts_create(&cfg, &g) == SOC_GUTS_OK ? g : NULL;
}

SIM_TEST(Soc, GutsSvrPvrReadOnly)
{
	struct guts_obs o;
	struct soc_guts *g = make(&o, 5);

	SIM_ASSERT(g);
	SIM_EXPECT_EQ_U64(soc_guts_reg_read(g, 0xa4, 4), 0x82000020);
	SIM_EXPECT_EQ_U64(soc_guts_reg_read(g, 0xa0, 4), 0x80230020);
	soc_guts_reg_write(g, 0xa4, 4, 0);
	SIM_EXPECT_EQ_U64(soc_guts_reg_read(g, 0xa4, 4), 0x82000020);
	SIM_EXPECT_EQ_U64(o.misuse, 1);
	soc_guts_destroy(g);
}

SIM_TEST(Soc, GutsPamuBypassResetAndDriverSequence)
{
	struct guts_obs o;
	struct soc_guts *g = make(&o, 5);
	uint32_t v;
	unsigned int n;

	SIM_ASSERT(g);
	/* reset: the five implemented bits set, every PAMU bypassed */
	SIM_EXPECT_EQ_U64(soc_guts_reg_read(g, 0x604, 4), 0xf8000000);
	for (n = 0; n < 5; n++)
		SIM_EXPECT(soc_guts_pamu_bypassed(g, n));
	SIM_EXPECT(!soc_guts_pamu_bypassed(g, 5));
	/* what the PAMU driver does: read, clear 0x80000000 >> n for each PAMU, write once */
	v = soc_guts_reg_read(g, 0x604, 4);
	for (n = 0; n < 5; n++)
		v &= ~(0x80000000u >> n);
	soc_guts_reg_write(g, 0x604, 4, v);
	SIM_EXPECT_EQ_U64(o.bypass_calls, 1);
	SIM_EXPECT_EQ_U64(o.last_bypass, 0);
	SIM_EXPECT_EQ_U64(o.misuse, 0);
	for (n = 0; n < 5; n++)
		SIM_EXPECT(!soc_guts_pamu_bypassed(g, n));
	/* a bit beyond the PAMUs present is reserved */
	soc_guts_reg_write(g, 0x604, 4, 0x04000000);
	SIM_EXPECT_EQ_U64(o.misuse, 1);
	SIM_EXPECT_EQ_U64(soc_guts_reg_read(g, 0x604, 4), 0);
	SIM_EXPECT_EQ_U64(o.bypass_calls, 1);	/* no change, no callback */
	soc_guts_reset(g);
	SIM_EXPECT_EQ_U64(o.last_bypass, 0xf8000000);
	soc_guts_destroy(g);
}

SIM_TEST(Soc, GutsLiodnRegisters)
{
	static const uint32_t offs[] = { 0x500, 0x504, 0x508, 0x50c, 0x510, 0x514, 0x520, 0x524, 0x530,
					 0x540, 0x544, 0x550, 0x554, 0x574, 0x578, 0x580, 0x584, 0x588 };
	struct guts_obs o;
	struct soc_guts *g = make(&o, 6);
	unsigned int i;

	SIM_ASSERT(g);
	for (i = 0; i < sizeof(offs) / sizeof(offs[0]); i++) {
		SIM_EXPECT(soc_guts_is_liodn_reg(offs[i]));
		SIM_EXPECT_EQ_U64(soc_guts_reg_read(g, offs[i], 4), 0);
		SIM_EXPECT(soc_guts_set_liodn_reg(g, offs[i], 100 + i));
		SIM_EXPECT_EQ_U64(soc_guts_reg_read(g, offs[i], 4), 100 + i);
		/* two IDs, as firmware writes SEC/PMAN pairs */
		soc_guts_reg_write(g, offs[i], 4, (199u << 16) | 200);
		SIM_EXPECT_EQ_U64(soc_guts_reg_read(g, offs[i], 4), (199u << 16) | 200);
	}
	SIM_EXPECT_EQ_U64(o.misuse, 0);
	/* LIODNs are 12 bits: a 13th bit is reserved */
	soc_guts_reg_write(g, 0x500, 4, 0x1000);
	SIM_EXPECT_EQ_U64(o.misuse, 1);
	SIM_EXPECT(!soc_guts_set_liodn_reg(g, 0x500, 0x1000));
	SIM_EXPECT(!soc_guts_is_liodn_reg(0x604));
	SIM_EXPECT(!soc_guts_set_liodn_reg(g, 0x604, 1));
	SIM_EXPECT(!soc_guts_set_liodn_reg(g, 0x4fc, 1));
	soc_guts_destroy(g);
}

SIM_TEST(Soc, GutsMisuseAndBadConfig)
{
	struct guts_obs o;
	struct soc_guts *g = make(&o, 1);
	struct soc_guts_cfg bad = { .pamu_count = 33 };
	struct soc_guts *b = (struct soc_guts *)1;

	SIM_ASSERT(g);
	SIM_EXPECT_EQ_U64(soc_guts_reg_read(g, 0x604, 4), 0x80000000);
	SIM_EXPECT_EQ_U64(soc_guts_reg_read(g, 0x604, 1), 0);	/* byte read */
	soc_guts_reg_write(g, 0x600, 4, 1);			/* no register */
	SIM_EXPECT_EQ_U64(soc_guts_reg_read(g, 0xe00, 4), 0);	/* beyond the block */
	SIM_EXPECT_EQ_U64(o.misuse, 3);
	SIM_EXPECT_EQ_U64(soc_guts_create(&bad, &b), SOC_GUTS_BAD_CFG);
	SIM_EXPECT(b == NULL);
	soc_guts_destroy(g);
}
