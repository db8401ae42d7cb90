/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * shim/vfio_iommu_fsl_pamu.c - compiles NXP's out-of-tree VFIO IOMMU backend for PAMU in place, unchanged,
 * against the stub headers. <ks_vfio/drivers/vfio/...> is a link made by cmake/Kernels.cmake to
 * ../shared/third-party/nxp-vfio-pamu (PAMUSIM_VFIO_PAMU_DIR) or to a vendor tree's drivers/vfio. This file
 * holds no kernel code; the object built from it is GPL-2.0 (ORIGIN.md there).
 */
#include <ks_vfio/drivers/vfio/vfio_iommu_fsl_pamu.c>
