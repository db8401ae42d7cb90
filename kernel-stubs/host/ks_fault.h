/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * ks_fault.h - the fault-injection side door of a kernel variant: the one fail-nth countdown of the
 * stubs (every fallible call: allocations, ioremap/of_iomap, request_irq, irq mappings, device and group
 * allocation, copy_*_user ...) seen from the host, with the call-site identity of each fallible call.
 *
 * Exported as its own symbol (ks_get_fault_api) next to ks_get_api so struct ks_api stays as it is.
 * Sources: kernel-surface.md 9 (the sites); docs/campaigns.md (how campaigns use it).
 */
#ifndef KS_FAULT_H
#define KS_FAULT_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define KS_FAULT_API_VERSION 1u

/* One fallible call as the driver made it: the driver's own file/function/line when the stub is a
 * macro expanded in driver code (the stub's file otherwise). */
struct ks_fault_site {
	const char *what;		/* "kmalloc", "ioremap", "request_irq" ... */
	const char *file;		/* short: "drivers/iommu/fsl_pamu.c" */
	const char *func;
	int line;
	unsigned long nth;		/* 1-based number of the call since boot started */
};

struct ks_fault_api {
	unsigned int version;
	/* Keep the sites of the next calls (up to cap, then only counted); false: off. */
	void (*record_sites)(bool on);
	unsigned long (*site_count)(void);
	const struct ks_fault_site *(*site)(unsigned long i);
	/* Whether the armed fail-nth fired in this run, and where (NULL: not fired). */
	const struct ks_fault_site *(*fired)(void);
	/* The n-th fallible call counted from boot start fails (resolved against the calls seen so far);
	 * 0 disarms. */
	void (*fail_at)(unsigned long n);
	/* Fallible calls since boot started (0 before the first boot; the total after shutdown). */
	unsigned long (*count)(void);
	/* A process about to exit (a campaign run): shutdown still reports leaks and references, but
	 * skips releasing what the stubs own (the process's exit does that). */
	void (*exit_fast)(bool on);
};

const struct ks_fault_api *ks_get_fault_api(void);
typedef const struct ks_fault_api *(*ks_get_fault_api_fn)(void);

#ifdef __cplusplus
}
#endif

#endif /* KS_FAULT_H */
