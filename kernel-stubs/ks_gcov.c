// SPDX-License-Identifier: BSD-2-Clause
/*
 * ks_gcov.c - coverage builds only (PAMUSIM_COVERAGE, cmake/Kernels.cmake): ks_coverage_dump() writes this
 * variant's gcov counters (the real drivers' and the stubs') and zeroes them. The host calls it before
 * unloading the variant (kernel-stubs/host/ks_host_soc.c), because a run process ends with _exit and the
 * library's own libgcov copy would otherwise never write. Facts: GCC's libgcov interface (__gcov_dump,
 * __gcov_reset). docs/coverage.md.
 */
void __gcov_dump(void);
void __gcov_reset(void);
void ks_coverage_dump(void) __attribute__((visibility("default")));

void ks_coverage_dump(void)
{
	__gcov_dump();
	__gcov_reset();
}
