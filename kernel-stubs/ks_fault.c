/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * ks_fault.c - the host's view of the fail-nth countdown (host/ks_fault.h): the call-site record of every
 * fallible call since boot started, and an absolute fail target counted from boot start. ks_fallible
 * (ks_core.c) asks ks_fault_note at each fallible call. Sources: kernel-surface.md 9; docs/campaigns.md.
 */
#include <string.h>

#include "ks_priv.h"
#include "ks_fault.h"

#define KS_FAULT_SITES 8192

static struct ks_fault_site sites[KS_FAULT_SITES];
static unsigned long nsites;
static bool recording;
static unsigned long target;		/* absolute call number that fails, 0 none */
static struct ks_fault_site fired_site;
static bool fired;

/* Called by ks_fallible after it counted the call (ks.fallible_seen is its number since boot started). */
bool ks_fault_note(const char *what, const char *file, const char *func, int line)
{
	struct ks_fault_site s = { what, ks_short_file(file), func ? func : "?", line, ks.fallible_seen };

	if (recording && ks.booted && nsites < KS_FAULT_SITES)
		sites[nsites++] = s;
	if (target && ks.booted && ks.fallible_seen == target) {
		target = 0;
		fired = true;
		fired_site = s;
		return true;
	}
	return false;
}

static void f_record(bool on)
{
	recording = on;
	if (on)
		nsites = 0;
}

static unsigned long f_count(void)
{
	return nsites;
}

static const struct ks_fault_site *f_site(unsigned long i)
{
	return i < nsites ? &sites[i] : NULL;
}

static const struct ks_fault_site *f_fired(void)
{
	return fired ? &fired_site : NULL;
}

static void f_fail_at(unsigned long n)
{
	/* a target already passed can never fire: keep it disarmed rather than firing late */
	target = ks.booted && n <= ks.fallible_seen ? 0 : n;
	fired = false;
}

static unsigned long f_calls(void)
{
	return ks.fallible_seen;	/* kept after shutdown: the run's total */
}

bool ks_fault_exit_fast;

static void f_exit_fast(bool on)
{
	ks_fault_exit_fast = on;
}

static const struct ks_fault_api fault_api = {
	.version = KS_FAULT_API_VERSION,
	.record_sites = f_record,
	.site_count = f_count,
	.site = f_site,
	.fired = f_fired,
	.fail_at = f_fail_at,
	.count = f_calls,
	.exit_fast = f_exit_fast,
};

KS_EXPORT const struct ks_fault_api *ks_get_fault_api(void)
{
	return &fault_api;
}
