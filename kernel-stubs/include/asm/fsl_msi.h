/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * asm/fsl_msi.h (stub) - the MSI-region API the QorIQ SDK's MSI driver offers VFIO backends: how many MSI
 * banks there are and each bank's MSIIR page (physical address, size). Answered by kernel-stubs/shim/
 * fsl_msi.c from the banks the real fsl_msi.c probed (docs/vfio.md). Facts: ORIGIN.md of
 * ../shared/third-party/nxp-vfio-pamu (the backend's use: region.addr as phys_addr_t, region.size as u64).
 */
#ifndef KS_ASM_FSL_MSI_H
#define KS_ASM_FSL_MSI_H

#include <linux/types.h>

struct msi_region {
	int region_num;
	phys_addr_t addr;
	u64 size;
};

int fsl_msi_get_region_count(void);
int fsl_msi_get_region(int region_num, struct msi_region *region);

#endif
