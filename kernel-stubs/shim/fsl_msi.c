/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * shim/fsl_msi.c - compiles the kernel tree's arch/powerpc/sysdev/fsl_msi.c unchanged against the stub headers (the
 * tree comes from scripts/fetch-kernel or KERNEL_TREE; <ks_tree/...> is a link to it made by
 * cmake/Kernels.cmake). This file holds no kernel code; the object built from it is GPL-2.0.
 */
#include <ks_tree/arch/powerpc/sysdev/fsl_msi.c>

/*
 * The MSI-region API of the QorIQ SDK kernels (<asm/fsl_msi.h>), our own code answering from the banks
 * the real driver above probed (its msi_head list, in probe order): region n is bank n's MSIIR page, the
 * 4 KiB page holding the MSIIR the driver composes messages for (ioremapped bank base & ~0xfffff, the
 * CCSR base, + msiir_offset). Choices: docs/vfio.md.
 */
#include <asm/fsl_msi.h>
#include "ks_priv.h"

int fsl_msi_get_region_count(void)
{
	struct fsl_msi *m;
	int n = 0;

	list_for_each_entry(m, &msi_head, list)
		n++;
	return n;
}

int fsl_msi_get_region(int region_num, struct msi_region *region)
{
	struct fsl_msi *m;
	int n = 0;
	u64 pa;

	list_for_each_entry(m, &msi_head, list) {
		if (n++ != region_num)
			continue;
		if (!ks_io_cookie_to_pa(m->msi_regs, &pa))
			return -ENODEV;
		region->region_num = region_num;
		region->addr = ((pa & ~0xfffffull) + m->msiir_offset) & ~(u64)(PAGE_SIZE - 1);
		region->size = PAGE_SIZE;
		return 0;
	}
	return -EINVAL;
}
