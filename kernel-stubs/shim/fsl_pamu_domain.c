/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * shim/fsl_pamu_domain.c - compiles the kernel tree's drivers/iommu/fsl_pamu_domain.c unchanged against the stub headers (the
 * tree comes from scripts/fetch-kernel or KERNEL_TREE; <ks_tree/...> is a link to it made by
 * cmake/Kernels.cmake). This file holds no kernel code; the object built from it is GPL-2.0.
 */
#include <ks_tree/drivers/iommu/fsl_pamu_domain.c>
