# SPDX-License-Identifier: BSD-2-Clause
# Kernels.cmake - one shared object per kernel variant: the real PAMU/MSI driver files of a Linux tree
# compiled unchanged against kernel-stubs/ (libpamusim-linux-<name>.so, a GPL-2.0 combined work).
#
# Facts: ../shared/DESIGN.md (kernel builds, variant names), ../shared/spec/kernel-surface.md (files,
# Kconfig switches), docs/kernel-sources.md (scripts/fetch-kernel), docs/kernel-stubs.md (layout).
#
# Cache variables:
#   PAMUSIM_KERNELS      versions fetched with scripts/fetch-kernel (default "5.10;6.1;6.12"; empty: none)
#   PAMUSIM_KERNEL_TREE  a kernel tree of your own, built as one more variant (shared with Dtbs.cmake)
#   PAMUSIM_KERNEL_NAME  that variant's name (default <version>-<tree directory name>)
#   PAMUSIM_VFIO_PAMU_DIR  where NXP's vfio_iommu_fsl_pamu.c is (default ../shared/third-party/nxp-vfio-pamu):
#                        with 5.10 in PAMUSIM_KERNELS the variant 5.10-vfio-pamu is 5.10 plus that file
#                        compiled in place (docs/vfio.md); without the file it is not built, and says why.
#                        A PAMUSIM_KERNEL_TREE with drivers/vfio/vfio_iommu_fsl_pamu.c gets the backend too.
# Each variant records PAMUSIM_KERNEL_VARIANTS (names) and, per name, PAMUSIM_KS_LIB_<name> (the .so path).

set(PAMUSIM_KERNELS "5.10;6.1;6.12" CACHE STRING "Kernel versions built as driver variants (scripts/fetch-kernel)")
set(PAMUSIM_KERNEL_NAME "" CACHE STRING "Name of the variant built from PAMUSIM_KERNEL_TREE")
get_filename_component(pamusim_vfio_default "${CMAKE_SOURCE_DIR}/../shared/third-party/nxp-vfio-pamu" ABSOLUTE)
set(PAMUSIM_VFIO_PAMU_DIR "${pamusim_vfio_default}" CACHE PATH
	"Folder holding NXP's vfio_iommu_fsl_pamu.c (test input, compiled in place, never copied)")

find_path(PAMUSIM_KS_FDT_INCLUDE libfdt.h)
find_library(PAMUSIM_KS_FDT_LIBRARY fdt)

# Driver files per variant, in link order (kernel-surface.md 1).
set(PAMUSIM_KS_DRIVERS fsl_pamu fsl_pamu_domain msi_bitmap fsl_msi)
set(PAMUSIM_KS_STUBS ks_core.c ks_mem.c ks_io.c ks_of.c ks_platform.c ks_irq.c ks_iommu.c ks_pci.c ks_vfio.c ks_mm.c
		      ks_fault.c)
# The drivers' own warnings, silenced for the shim files only (our code keeps -Werror).
set(PAMUSIM_KS_DRIVER_CFLAGS -Wno-sign-compare -Wno-unused-parameter -Wno-missing-field-initializers
	-Wno-unused-variable -Wno-unused-function -Wno-type-limits -Wno-address-of-packed-member)

set(PAMUSIM_KERNEL_VARIANTS "" CACHE INTERNAL "")
# variants known but not built here, and why (the harness skips their scenarios with that reason)
set(PAMUSIM_KERNEL_UNBUILT "" CACHE INTERNAL "")
set(PAMUSIM_KERNEL_UNBUILT_WHY "" CACHE INTERNAL "")

# pamusim_kernel_variant(NAME TREE PACKAGE_VERSION [VFIO_DIR]): VFIO_DIR, a folder holding
# vfio_iommu_fsl_pamu.c, adds NXP's VFIO-PAMU backend compiled in place from there.
function(pamusim_kernel_variant name tree pkgver)
	set(vfio_dir "${ARGN}")
	if(NOT EXISTS "${tree}/drivers/iommu/fsl_pamu.c" OR NOT EXISTS "${tree}/Makefile")
		message(FATAL_ERROR "kernel ${name}: ${tree} is not a kernel tree (no drivers/iommu/fsl_pamu.c)")
	endif()
	file(STRINGS "${tree}/Makefile" mk REGEX "^(VERSION|PATCHLEVEL|SUBLEVEL) *=" LIMIT_COUNT 3)
	foreach(l ${mk})
		string(REGEX REPLACE "^([A-Z]+) *= *([0-9]*).*" "\\1;\\2" kv "${l}")
		list(GET kv 0 k)
		list(GET kv 1 v)
		set(mk_${k} ${v})
	endforeach()
	set(sub ${mk_SUBLEVEL})
	if(sub GREATER 255)
		set(sub 255)
	endif()
	math(EXPR code "(${mk_VERSION} << 16) + (${mk_PATCHLEVEL} << 8) + ${sub}")
	set(kver "${mk_VERSION}.${mk_PATCHLEVEL}.${mk_SUBLEVEL}")
	# What reports show (DESIGN.md provenance: kernel package versions): the tree's version and, for a
	# Debian tree, the exact package version fetch-kernel recorded.
	if(pkgver MATCHES "^[0-9]")
		set(kver_report "${kver} (Debian linux-source ${pkgver})")
	else()
		set(kver_report "${kver}")
	endif()

	# <ks_tree/...> resolves through a link, so __FILE__ and the debug info name the real driver files.
	set(vdir "${CMAKE_BINARY_DIR}/kernels/${name}")
	file(MAKE_DIRECTORY "${vdir}")
	file(CREATE_LINK "${tree}" "${vdir}/ks_tree" SYMBOLIC)

	set(srcs)
	foreach(s ${PAMUSIM_KS_STUBS})
		list(APPEND srcs "${CMAKE_SOURCE_DIR}/kernel-stubs/${s}")
	endforeach()
	set(shims)
	foreach(d ${PAMUSIM_KS_DRIVERS})
		list(APPEND shims "${CMAKE_SOURCE_DIR}/kernel-stubs/shim/${d}.c")
	endforeach()
	set(vfio_defs "")
	if(vfio_dir)
		# <ks_vfio/drivers/vfio/vfio_iommu_fsl_pamu.c> through a link: the file is compiled where it is
		file(MAKE_DIRECTORY "${vdir}/ks_vfio/drivers")
		file(REMOVE "${vdir}/ks_vfio/drivers/vfio")
		file(CREATE_LINK "${vfio_dir}" "${vdir}/ks_vfio/drivers/vfio" SYMBOLIC)
		list(APPEND shims "${CMAKE_SOURCE_DIR}/kernel-stubs/shim/vfio_iommu_fsl_pamu.c")
		set(vfio_defs KS_VFIO_PAMU=1)
	endif()

	string(MAKE_C_IDENTIFIER "v${name}" id)
	string(REGEX REPLACE "^v" "" id "${id}")
	# The stubs alone (no kernel code) as a static library for the unit tests, and the variant .so.
	foreach(kind stubs so)
		if(kind STREQUAL "stubs")
			set(t ks_stubs_${id})
			add_library(${t} STATIC ${srcs})
			target_compile_definitions(${t} PUBLIC KS_NO_DRIVERS=1)
		else()
			set(t pamusim-linux-${id})
			add_library(${t} SHARED ${srcs} ${shims})
			set_target_properties(${t} PROPERTIES OUTPUT_NAME "pamusim-linux-${name}"
				C_VISIBILITY_PRESET hidden LIBRARY_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}")
			target_link_options(${t} PRIVATE -Wl,--no-undefined)
			set_source_files_properties(${shims} TARGET_DIRECTORY ${t} PROPERTIES
				COMPILE_OPTIONS "${PAMUSIM_KS_DRIVER_CFLAGS}")
			add_dependencies(${t} dtbs)
			if(PAMUSIM_COVERAGE)	# ks_coverage_dump(), called by the host before unloading
				target_sources(${t} PRIVATE "${CMAKE_SOURCE_DIR}/kernel-stubs/ks_gcov.c")
			endif()
		endif()
		set_target_properties(${t} PROPERTIES POSITION_INDEPENDENT_CODE ON)
		target_include_directories(${t} BEFORE PUBLIC "${CMAKE_SOURCE_DIR}/kernel-stubs/include"
			"${vdir}" "${tree}/arch/powerpc")
		target_include_directories(${t} PRIVATE "${CMAKE_SOURCE_DIR}/kernel-stubs" "${CMAKE_SOURCE_DIR}/kernel-stubs/host"
			"${PAMUSIM_KS_FDT_INCLUDE}")
		target_compile_definitions(${t} PUBLIC KS_LINUX_VERSION=${code} __KERNEL__=1
			CONFIG_FSL_PAMU=1 CONFIG_PHYS_64BIT=1 CONFIG_PCI=1 CONFIG_PCI_MSI=1 CONFIG_FSL_PCI=1
			CONFIG_PPC_MSI_BITMAP=1 CONFIG_MPIC=1 CONFIG_FSL_SOC_BOOKE=1 CONFIG_IOMMU_API=1
			"KS_VARIANT_NAME=\"${name}\"" "KS_KERNEL_VERSION=\"${kver_report}\""
			"KS_PACKAGE_VERSION=\"${pkgver}\"" ${vfio_defs})
		target_compile_options(${t} PRIVATE ${PAMUSIM_WARNINGS} -fno-strict-aliasing -fno-common)
		target_link_libraries(${t} PRIVATE ${PAMUSIM_KS_FDT_LIBRARY})
	endforeach()

	set(PAMUSIM_KERNEL_VARIANTS ${PAMUSIM_KERNEL_VARIANTS} ${name} CACHE INTERNAL "")
	# Each fetched tree's own board DTBs too (kernel-dtbs/<name>/), so tests can check that every
	# version's device trees build a SoC (the default DTBs of build/dtbs come from one version).
	# (a VFIO-PAMU variant of a fetched tree shares that tree's: vfio_dir with pkgver other than "tree")
	if(IS_DIRECTORY "${tree}/arch/powerpc/boot/dts/fsl" AND (NOT vfio_dir OR pkgver STREQUAL "tree"))
		set(kd "${CMAKE_BINARY_DIR}/kernel-dtbs/${name}")
		add_custom_command(OUTPUT "${kd}/.stamp"
			COMMAND "${CMAKE_COMMAND}" -E rm -rf "${kd}"
			COMMAND "${CMAKE_SOURCE_DIR}/scripts/build-dtbs" -j 2 "${tree}" "${kd}"
			COMMAND "${CMAKE_COMMAND}" -E touch "${kd}/.stamp"
			DEPENDS "${CMAKE_SOURCE_DIR}/scripts/build-dtbs"
			COMMENT "Compiling the ${name} tree's PAMU board device trees into ${kd}" VERBATIM)
		add_custom_target(kernel-dtbs-${id} ALL DEPENDS "${kd}/.stamp")
	endif()
	set(PAMUSIM_KS_LIB_${id} "${CMAKE_BINARY_DIR}/libpamusim-linux-${name}.so" CACHE INTERNAL "")
	set(PAMUSIM_KS_VERSION_${id} "${kver}" CACHE INTERNAL "")
	if(vfio_dir)
		message(STATUS "kernel ${name}: Linux ${kver} (${pkgver}) from ${tree}, VFIO-PAMU backend from ${vfio_dir}")
	else()
		message(STATUS "kernel ${name}: Linux ${kver} (${pkgver}) from ${tree}")
	endif()
endfunction()

foreach(ver ${PAMUSIM_KERNELS})
	execute_process(COMMAND "${CMAKE_SOURCE_DIR}/scripts/fetch-kernel" "${ver}"
			OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
	if(NOT rc EQUAL 0)
		message(FATAL_ERROR "kernel ${ver}: scripts/fetch-kernel failed (exit ${rc}):\n${err}\n"
			"Configure with -DPAMUSIM_KERNELS= to build no kernel variant.")
	endif()
	string(STRIP "${out}" out)
	string(REGEX REPLACE "^.*\n" "" tree "${out}")
	get_filename_component(kdir "${tree}" DIRECTORY)
	set(pkg "unknown")
	if(EXISTS "${kdir}/PACKAGE_VERSION")
		file(STRINGS "${kdir}/PACKAGE_VERSION" pkg LIMIT_COUNT 1)
	endif()
	pamusim_kernel_variant("${ver}" "${tree}" "${pkg}")
	if(ver STREQUAL "5.10")
		# 5.10-vfio-pamu: Debian's 5.10 drivers plus NXP's backend from PAMUSIM_VFIO_PAMU_DIR, in place
		if(EXISTS "${PAMUSIM_VFIO_PAMU_DIR}/vfio_iommu_fsl_pamu.c")
			pamusim_kernel_variant("5.10-vfio-pamu" "${tree}" "${pkg}" "${PAMUSIM_VFIO_PAMU_DIR}")
		else()
			set(why "${PAMUSIM_VFIO_PAMU_DIR}/vfio_iommu_fsl_pamu.c is absent (expected from ../shared/third-party/nxp-vfio-pamu, or set PAMUSIM_VFIO_PAMU_DIR)")
			message(STATUS "kernel 5.10-vfio-pamu: not built: ${why}")
			set(PAMUSIM_KERNEL_UNBUILT ${PAMUSIM_KERNEL_UNBUILT} "5.10-vfio-pamu" CACHE INTERNAL "")
			set(PAMUSIM_KERNEL_UNBUILT_WHY "${why}" CACHE INTERNAL "")
		endif()
	endif()
endforeach()

if(PAMUSIM_KERNEL_TREE)
	get_filename_component(ktree "${PAMUSIM_KERNEL_TREE}" ABSOLUTE)
	set(kname "${PAMUSIM_KERNEL_NAME}")
	if(NOT kname)
		file(STRINGS "${ktree}/Makefile" mk REGEX "^(VERSION|PATCHLEVEL) *=" LIMIT_COUNT 2)
		string(REGEX REPLACE "[^0-9;]" "" mk "${mk}")
		string(REPLACE ";" "." kv "${mk}")
		get_filename_component(tdir "${ktree}" NAME)
		set(kname "${kv}-${tdir}")
	endif()
	if(EXISTS "${ktree}/drivers/vfio/vfio_iommu_fsl_pamu.c")
		pamusim_kernel_variant("${kname}" "${ktree}" "tree" "${ktree}/drivers/vfio")
	else()
		pamusim_kernel_variant("${kname}" "${ktree}" "tree")
	endif()
endif()
