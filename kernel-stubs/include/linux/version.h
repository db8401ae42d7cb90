/* SPDX-License-Identifier: BSD-2-Clause */
/* linux/version.h (stub) - LINUX_VERSION_CODE of the tree being built: the build passes KS_LINUX_VERSION
 * (from the tree's Makefile). Per-version differences in the stubs test KS_V(x, y). */
#ifndef KS_LINUX_VERSION_H
#define KS_LINUX_VERSION_H

#define KERNEL_VERSION(a, b, c) (((a) << 16) + ((b) << 8) + ((c) > 255 ? 255 : (c)))
#ifndef KS_LINUX_VERSION
#error "KS_LINUX_VERSION must be set by the build (cmake/Kernels.cmake)"
#endif
#define LINUX_VERSION_CODE KS_LINUX_VERSION
/* true when the tree is at least version x.y */
#define KS_V(x, y) (LINUX_VERSION_CODE >= KERNEL_VERSION(x, y, 0))

#endif
