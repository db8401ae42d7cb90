/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * ks_host_soc.c - kernel-stubs host interface over model/soc (see ks_host_soc.h). Sources: soc.h,
 * soc_bus.h; kernel-surface.md 10.4 (RAM-backed register blocks are plain memory).
 */
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include "ks_host_soc.h"

static void *hs_ram_ptr(void *ctx, uint64_t phys, size_t len)
{
	struct ks_host_soc *hs = ctx;

	return soc_bus_dram_ptr(soc_get_bus(hs->soc), phys, len);
}

static int hs_load(void *ctx, uint64_t phys, unsigned int size, uint64_t *val)
{
	struct ks_host_soc *hs = ctx;

	if (soc_cpu_load(hs->soc, phys, size, val) != SOC_BUS_OK) {
		hs->mmio_unmapped++;
		return -1;
	}
	return 0;
}

static int hs_store(void *ctx, uint64_t phys, unsigned int size, uint64_t val)
{
	struct ks_host_soc *hs = ctx;

	if (soc_cpu_store(hs->soc, phys, size, val) != SOC_BUS_OK) {
		hs->mmio_unmapped++;
		return -1;
	}
	return 0;
}

static void hs_log(void *ctx, int level, const char *line)
{
	struct ks_host_soc *hs = ctx;

	hs->log_lines++;
	if ((unsigned int)level <= hs->log_level)
		fprintf(stderr, "<%d> %s\n", level, line);
}

int ks_host_soc_init(struct ks_host_soc *hs, struct soc *soc)
{
	const struct soc_preset *p = soc_get_preset(soc);
	const struct soc_preset_rev *rev = soc_get_rev(soc);
	uint64_t base = p->dram_base + (256ull << 20);
	void *arena;

	memset(hs, 0, sizeof(*hs));
	hs->soc = soc;
	hs->log_level = 3;
	if (p->dram_size < (512ull << 20))
		base = p->dram_base + p->dram_size / 2;
	arena = soc_bus_dram_ptr(soc_get_bus(soc), base, KS_HOST_ARENA_SIZE);
	if (!arena)
		return -1;
	hs->host.abi_version = KS_ABI_VERSION;
	hs->host.ctx = hs;
	hs->host.arena = arena;
	hs->host.arena_phys = base;
	hs->host.arena_size = KS_HOST_ARENA_SIZE;
	hs->host.ram_ptr = hs_ram_ptr;
	hs->host.mmio_load = hs_load;
	hs->host.mmio_store = hs_store;
	hs->host.fdt = soc_get_fdt(soc);
	hs->host.fdt_size = soc_get_fdt_size(soc);
	hs->host.svr = rev->svr;
	hs->host.pvr = rev->pvr;
	hs->host.mpic_phys = soc_mpic_base(soc);
	hs->host.log = hs_log;
	/* VFIO user memory (ABI 8): the 128 MiB at DRAM base + 1 GiB when the DRAM holds it, clear of the arena */
	if (p->dram_size >= KS_HOST_USER_OFFSET + KS_HOST_USER_SIZE &&
	    soc_bus_dram_ptr(soc_get_bus(soc), p->dram_base + KS_HOST_USER_OFFSET, KS_HOST_USER_SIZE)) {
		hs->host.user_phys = p->dram_base + KS_HOST_USER_OFFSET;
		hs->host.user_size = KS_HOST_USER_SIZE;
	}
	return 0;
}

const struct ks_api *ks_host_load(const char *so_path, void **handle, char *err, size_t errlen)
{
	void *h = dlopen(so_path, RTLD_NOW | RTLD_LOCAL);
	ks_get_api_fn get;
	const struct ks_api *api;

	*handle = NULL;
	if (!h) {
		snprintf(err, errlen, "%s", dlerror());
		return NULL;
	}
	get = (ks_get_api_fn)dlsym(h, "ks_get_api");
	if (!get) {
		snprintf(err, errlen, "%s: no ks_get_api", so_path);
		dlclose(h);
		return NULL;
	}
	api = get();
	if (!api || api->abi_version != KS_ABI_VERSION) {
		snprintf(err, errlen, "%s: ABI version %u, expected %u", so_path, api ? api->abi_version : 0,
			 KS_ABI_VERSION);
		dlclose(h);
		return NULL;
	}
	*handle = h;
	return api;
}

void ks_host_unload(void *handle)
{
	if (handle)
		dlclose(handle);
}
