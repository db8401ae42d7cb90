/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * ks_host_soc.h - the host side of kernel-stubs on top of model/soc: fills a struct ks_host from a
 * built SoC (DRAM arena, MMIO seam through soc_cpu_load/store, the fixed-up tree, SVR/PVR of the
 * preset's revision) and loads a kernel variant (dlopen with RTLD_LOCAL). BSD-2-Clause; links the
 * models, never the kernel code. Behaviour: docs/kernel-stubs.md, "Host interface".
 */
#ifndef KS_HOST_SOC_H
#define KS_HOST_SOC_H

#include "ks_host.h"
#include "soc.h"

#ifdef __cplusplus
extern "C" {
#endif

#define KS_HOST_ARENA_SIZE (64ull << 20)	/* kernel memory carved from DRAM */
#define KS_HOST_USER_OFFSET (1ull << 30)	/* VFIO user memory: DRAM base + 1 GiB ... */
#define KS_HOST_USER_SIZE (128ull << 20)	/* ... 128 MiB (docs/vfio.md) */

struct ks_host_soc {
	struct ks_host host;
	struct soc *soc;
	unsigned int log_level;		/* lines at or below this level go to stderr (default 3) */
	unsigned long log_lines;
	uint64_t mmio_unmapped;		/* CPU accesses nothing decoded */
};

/* Fill hs->host for soc. The arena is the 64 MiB at DRAM base + 256 MiB (or the DRAM's middle for a
 * smaller DRAM). Returns 0, or -1 when the SoC's DRAM cannot hold the arena. */
int ks_host_soc_init(struct ks_host_soc *hs, struct soc *soc);

/* dlopen a variant .so and return its API (NULL with a message in err on failure); *handle gets the
 * dlopen handle for ks_host_unload. */
const struct ks_api *ks_host_load(const char *so_path, void **handle, char *err, size_t errlen);
void ks_host_unload(void *handle);

#ifdef __cplusplus
}
#endif

#endif
