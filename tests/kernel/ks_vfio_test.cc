// SPDX-License-Identifier: BSD-2-Clause
// ks_vfio_test.cc - Vfio.*: NXP's VFIO-PAMU backend (vfio_iommu_fsl_pamu.c, compiled in place into the
// 5.10-vfio-pamu variant) on the stubs' VFIO core and simulated user process: open, group attach,
// attributes, map/unmap with DMA through the PAMU model, the MSI-bank API, the backend's error returns,
// pins and locked_vm accounting, fail-nth on copy_from_user. Without the variant (../shared absent)
// Vfio.Backend is skipped with CMake's reason. Facts: ../shared/third-party/nxp-vfio-pamu/ORIGIN.md;
// behaviour: docs/vfio.md.
#include "ks_scenario.h"

#include <cerrno>
#include <map>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

#include "mpic.h"
#include "soc.h"

using namespace ks_test;

namespace {

const uint32_t kPamu = KS_VFIO_TYPE_PAMU;

// a test that runs one function (registered per variant and SoC)
class fn_test : public ::testing::Test {
public:
	explicit fn_test(std::function<void()> f) : f_(std::move(f)) {}
	void TestBody() override { f_(); }

private:
	std::function<void()> f_;
};

// The first two Elo DMA engines of the tree (DMA1, DMA2 of every PAMU SoC).
std::vector<const soc_device *> dma_engines(soc *s)
{
	std::vector<const soc_device *> out;

	for (unsigned int i = 0; i < soc_device_count(s) && out.size() < 2; i++) {
		const soc_device *d = soc_get_device(s, i);

		if (strstr(d->compatible, "-dma") && strstr(d->path, "/dma@"))
			out.push_back(d);
	}
	return out;
}

struct vfio_env : scenario {
	int c = -1;

	long ioctl(ks_vfio_req q)
	{
		long rc = 0;

		EXPECT_EQ(api->vfio_ioctl(c, &q, &rc), KS_OK);
		return rc;
	}
	long set_attr(ks_vfio_attr a, uint64_t s0, uint64_t e0, uint32_t w)
	{
		ks_vfio_req q{};

		q.op = KS_VFIO_SET_ATTR;
		q.attr = a;
		q.aperture_start = s0;
		q.aperture_end = e0;
		q.windows = w;
		return ioctl(q);
	}
	long map(uint64_t va, uint64_t iova, uint64_t size, uint32_t flags = KS_VFIO_FLAG_READ | KS_VFIO_FLAG_WRITE)
	{
		ks_vfio_req q{};

		q.op = KS_VFIO_MAP_DMA;
		q.flags = flags;
		q.vaddr = va;
		q.iova = iova;
		q.size = size;
		return ioctl(q);
	}
	long unmap(uint64_t iova, uint64_t size)
	{
		ks_vfio_req q{};

		q.op = KS_VFIO_UNMAP_DMA;
		q.iova = iova;
		q.size = size;
		return ioctl(q);
	}
	uint64_t alloc(uint64_t size, bool contiguous, uint64_t align)
	{
		uint64_t va = 0;
		int err = 0;

		EXPECT_EQ(api->vfio_user_alloc(size, contiguous, align, &va, &err), KS_OK) << err;
		return va;
	}
	ks_vfio_mm mm()
	{
		ks_vfio_mm m{};

		api->vfio_mm_stats(&m);
		return m;
	}
	// boot, open a PAMU container with the first DMA engine's group, geometry [0, end] in `windows` windows
	void setup(const variant &v, const std::string &soc_name, uint64_t end, uint32_t windows)
	{
		int err = 0;

		start(v, soc_name);
		ASSERT_TRUE(booted);
		dmas = dma_engines(s);
		ASSERT_EQ(dmas.size(), 2u);
		ASSERT_EQ(api->vfio_open(kPamu, &c, &err), KS_OK) << err;
		ASSERT_EQ(api->vfio_add_group(c, dmas[0]->path, &err), KS_OK) << err;
		EXPECT_EQ(set_attr(KS_VFIO_ATTR_GEOMETRY, 0, end, 0), 0);
		EXPECT_EQ(set_attr(KS_VFIO_ATTR_WINDOWS, 0, 0, windows), 0);
	}
	std::vector<const soc_device *> dmas;

	// A DMA by device d at iova; returns the translated address or ~0 when the PAMU blocked it.
	uint64_t dma(const soc_device *d, uint64_t iova, bool write)
	{
		uint8_t buf[4] = { 1, 2, 3, 4 };
		pamu_result res{};

		soc_dma(s, d->pamu, (uint16_t)d->liodn[0], iova, buf, 4, write ? PAMU_OP_WRITE : PAMU_OP_READ, &res);
		return res.kind == PAMU_XLATE_OK ? res.paddr : ~0ull;
	}
};

// Findings the backend is known to raise (kernel-stubs/known-findings.yaml) and the 5.10 win_arr leak.
bool known(const ks_finding *f)
{
	return (f->kind == KS_FINDING_REFCOUNT && !strcmp(f->func, "vfio_lock_acct")) ||
	       (f->kind == KS_FINDING_MISUSE && !strcmp(f->func, "vaddr_get_pfn")) ||
	       (f->kind == KS_FINDING_MISUSE && !strcmp(f->func, "vfio_handle_set_attr")) ||
	       (f->kind == KS_FINDING_LEAK && !strcmp(f->func, "fsl_pamu_set_windows"));
}

unsigned int count_findings(const ks_api *api, ks_finding_kind k, const char *func)
{
	unsigned int n = 0;

	for (unsigned int i = 0; i < api->finding_count(); i++)
		if (api->finding(i)->kind == k && !strcmp(api->finding(i)->func, func))
			n++;
	return n;
}

// open, groups, attributes, map, DMA, unmap, close; pins and the locked_vm accounting
void open_map_unmap(const variant &v, const std::string &soc_name)
{
	vfio_env e;
	int err = 0, c2 = -1;

	e.start(v, soc_name);
	ASSERT_TRUE(e.booted);
	ASSERT_NE(e.api->vfio_backend(), nullptr);
	EXPECT_STREQ(e.api->vfio_backend(), "vfio-iommu-fsl_pamu");
	auto dmas = dma_engines(e.s);
	ASSERT_EQ(dmas.size(), 2u);
	// no backend claims type1: the core's -ENODEV
	EXPECT_EQ(e.api->vfio_open(1, &c2, &err), KS_ERROR);
	EXPECT_EQ(err, -ENODEV);
	ASSERT_EQ(e.api->vfio_open(kPamu, &e.c, &err), KS_OK) << err;
	ASSERT_EQ(e.api->vfio_add_group(e.c, dmas[0]->path, &err), KS_OK) << err;
	// a group already in a container is refused, in this one or another
	EXPECT_EQ(e.api->vfio_add_group(e.c, dmas[0]->path, &err), KS_ERROR);
	EXPECT_EQ(err, -EINVAL);
	ASSERT_EQ(e.api->vfio_open(kPamu, &c2, &err), KS_OK);
	EXPECT_EQ(e.api->vfio_add_group(c2, dmas[0]->path, &err), KS_ERROR);
	EXPECT_EQ(err, -EINVAL);
	EXPECT_EQ(e.api->vfio_add_group(c2, "/no/such/node", &err), KS_ERROR);
	EXPECT_EQ(err, -ENODEV);
	EXPECT_EQ(e.api->vfio_close(c2, &err), KS_OK);

	EXPECT_EQ(e.set_attr(KS_VFIO_ATTR_GEOMETRY, 0, 0x0fffffff, 0), 0);
	EXPECT_EQ(e.set_attr(KS_VFIO_ATTR_WINDOWS, 0, 0, 16), 0);
	ks_vfio_req q{};
	q.op = KS_VFIO_GET_ATTR;
	q.attr = KS_VFIO_ATTR_GEOMETRY;
	EXPECT_EQ(e.api->vfio_ioctl(e.c, &q, nullptr), KS_OK);
	EXPECT_EQ(q.aperture_start, 0u);
	EXPECT_EQ(q.aperture_end, 0x0fffffffu);
	q = {};
	q.op = KS_VFIO_GET_ATTR;
	q.attr = KS_VFIO_ATTR_WINDOWS;
	EXPECT_EQ(e.ioctl(q), 0);
	q.op = KS_VFIO_GET_ATTR;
	q.attr = KS_VFIO_ATTR_WINDOWS;
	long rc = 0;
	EXPECT_EQ(e.api->vfio_ioctl(e.c, &q, &rc), KS_OK);
	EXPECT_EQ(q.windows, 16u);

	uint64_t va = e.alloc(16 << 20, true, 16 << 20), phys = 0;
	ASSERT_EQ(e.api->vfio_user_phys(va + 0x100, &phys, &err), KS_OK);
	EXPECT_EQ(phys & 0xffffff, 0x100u) << "a contiguous buffer is aligned as asked";
	// RLIMIT_MEMLOCK (64 KiB by default) refuses 16 MiB without CAP_IPC_LOCK
	EXPECT_EQ(e.map(va, 0x1000000, 16 << 20), -ENOMEM);
	e.api->vfio_mm_set_limits(1ull << 30, false);
	EXPECT_EQ(e.mm().pinned, 0u);
	ASSERT_EQ(e.map(va, 0x1000000, 16 << 20), 0);
	EXPECT_EQ(e.mm().pinned, 4096u);
	EXPECT_EQ(e.mm().locked_vm, 1) << "the backend accounts one page per subwindow (known finding)";
	// overlapping map: -EBUSY, nothing pinned more
	EXPECT_EQ(e.map(va, 0x1000000, 16 << 20), -EBUSY);
	EXPECT_EQ(e.mm().pinned, 4096u);
	// DMA: through the window into the buffer's pages; outside: blocked
	EXPECT_EQ(e.dma(dmas[0], 0x1000100, true), phys);
	EXPECT_EQ(e.dma(dmas[0], 0x2000100, true), ~0ull);
	EXPECT_EQ(e.dma(dmas[1], 0x1000100, true), 0x1000100u)
		<< "the other engine is in no container: 5.10's boot-time identity window (boot-unattached-device-identity)";
	EXPECT_EQ(e.unmap(0x1000000, 16 << 20), 0);
	EXPECT_EQ(e.mm().pinned, 0u) << "every pin given back";
	EXPECT_EQ(e.mm().locked_vm, 1 - 4096) << "unaccounted per page (known finding)";
	EXPECT_EQ(count_findings(e.api, KS_FINDING_REFCOUNT, "vfio_lock_acct"), 1u);
	EXPECT_EQ(e.dma(dmas[0], 0x1000100, true), ~0ull);
	EXPECT_EQ(e.api->vfio_close(e.c, &err), KS_OK);
	EXPECT_EQ(e.api->vfio_close(e.c, &err), KS_ERROR);
	EXPECT_EQ(err, -EBADF);
	EXPECT_EQ(e.shutdown(known), 0u);
}

// The backend's error returns, and the ones it drops
void errors(const variant &v, const std::string &soc_name)
{
	vfio_env e;
	int err = 0;

	e.setup(v, soc_name, 0xfffff, 256);	// 4 KiB windows
	if (::testing::Test::HasFatalFailure())
		return;
	e.api->vfio_mm_set_limits(1ull << 30, false);
	uint64_t va = e.alloc(64 << 10, true, 64 << 10), sc = e.alloc(64 << 10, false, 4096);

	EXPECT_EQ(e.map(va, 0x10000, 0x4000, 0), -EINVAL) << "neither read nor write";
	EXPECT_EQ(e.map(va, 0x10000, 0x4000, 4), -EINVAL) << "an unknown flag";
	EXPECT_EQ(e.map(va, 0x10000, 0x800), -EINVAL) << "less than a page";
	ks_vfio_req q{};
	q.op = KS_VFIO_MAP_DMA;
	q.flags = 3;
	q.vaddr = va;
	q.iova = 0x10000;
	q.size = 0x4000;
	q.argsz = 8;
	EXPECT_EQ(e.ioctl(q), -EINVAL) << "argsz below the struct";
	q.argsz = 0;
	q.bad_user_ptr = true;
	EXPECT_EQ(e.ioctl(q), -EFAULT) << "an unmapped user pointer";
	EXPECT_EQ(e.map(0x7000000000ull, 0x10000, 0x4000), -EFAULT) << "no user pages there";
	EXPECT_EQ(count_findings(e.api, KS_FINDING_MISUSE, "vaddr_get_pfn"), 1u)
		<< "its error path put_page()s the NULL entries of the page array (known finding)";
	EXPECT_EQ(e.mm().pinned, 0u);
	// scattered pages map one 4 KiB window each: fine
	EXPECT_EQ(e.map(sc, 0x20000, 0x4000), 0);
	EXPECT_EQ(e.mm().pinned, 4u);
	EXPECT_EQ(e.unmap(0x20000, 0x4000), 0);
	EXPECT_EQ(e.mm().pinned, 0u);
	q = {};
	q.op = KS_VFIO_UNMAP_DMA;
	q.iova = 0x10000;
	q.size = 0x4000;
	q.flags = 1;
	EXPECT_EQ(e.ioctl(q), -EINVAL) << "unmap takes no flags";
	// attributes: the backend drops the driver's answer and returns 0 (an invalid window count, an
	// unknown attribute)
	EXPECT_EQ(e.set_attr(KS_VFIO_ATTR_WINDOWS, 0, 0, 3), 0) << "3 windows: the driver refuses, the ioctl says 0";
	EXPECT_EQ(e.set_attr(KS_VFIO_ATTR_WINDOWS, 0, 0, 512), 0) << "above 256: -EINVAL dropped as well";
	EXPECT_EQ(count_findings(e.api, KS_FINDING_MISUSE, "vfio_handle_set_attr"), 0u);
	EXPECT_EQ(e.set_attr(KS_VFIO_ATTR_WINDOWS, 0, 0, 0), 0) << "0 windows: the ioctl still says 0";
	EXPECT_EQ(count_findings(e.api, KS_FINDING_MISUSE, "vfio_handle_set_attr"), 1u)
		<< "page_size = size / 0 (known finding)";
	q = {};
	q.op = KS_VFIO_GET_ATTR;
	q.attr = (ks_vfio_attr)7;
	EXPECT_EQ(e.ioctl(q), 0) << "an unknown attribute: -EINVAL dropped";
	EXPECT_EQ(e.api->vfio_close(e.c, &err), KS_OK);
	EXPECT_EQ(e.mm().pinned, 0u);
	EXPECT_EQ(e.shutdown(known), 0u);
}

// The MSI-bank API against the model, an MSI through the mapped page, the dropped error of a bad bank
void msi_banks(const variant &v, const std::string &soc_name)
{
	vfio_env e;
	int err = 0;

	e.start(v, soc_name);
	ASSERT_TRUE(e.booted);
	auto dmas = dma_engines(e.s);
	ASSERT_EQ(dmas.size(), 2u);
	mpic *m = soc_get_mpic(e.s);
	const mpic_cfg *mc = mpic_get_cfg(m);
	uint64_t mb = soc_mpic_base(e.s);

	ASSERT_EQ(e.api->vfio_msi_region_count(), (int)mc->bank_count);
	for (unsigned int k = 0; k < mc->bank_count; k++) {
		uint64_t addr = 0, size = 0;
		struct mpic_page_reach r{};

		ASSERT_EQ(e.api->vfio_msi_region(k, &addr, &size, &err), KS_OK);
		EXPECT_EQ(size, 4096u);
		mpic_page_reach(m, (uint32_t)(addr - mb), &r);
		EXPECT_TRUE(r.msiir_banks & (1u << k)) << "region " << k << " reaches its bank";
		if (soc_name == "p4080") {
			EXPECT_EQ(r.msiir_banks, (1u << mc->bank_count) - 1) << "no alias pages: one page, every bank";
		} else {
			EXPECT_EQ(r.msiir_banks, 1u << k) << "an alias page per bank";
		}
	}
	uint64_t a = 0, sz = 0;
	EXPECT_EQ(e.api->vfio_msi_region(mc->bank_count, &a, &sz, &err), KS_ERROR);

	ASSERT_EQ(e.api->vfio_open(kPamu, &e.c, &err), KS_OK);
	ASSERT_EQ(e.api->vfio_add_group(e.c, dmas[0]->path, &err), KS_OK);
	EXPECT_EQ(e.set_attr(KS_VFIO_ATTR_GEOMETRY, 0, 0xfffff, 0), 0);
	EXPECT_EQ(e.set_attr(KS_VFIO_ATTR_WINDOWS, 0, 0, 256), 0);
	ks_vfio_req q{};
	q.op = KS_VFIO_GET_MSI_BANK_COUNT;
	EXPECT_EQ(e.ioctl(q), (long)mc->bank_count);
	q = {};
	q.op = KS_VFIO_MAP_MSI_BANK;
	q.flags = KS_VFIO_FLAG_WRITE;
	q.bank = 0;
	q.iova = 0x5000;
	EXPECT_EQ(e.ioctl(q), 0);
	q.bank = 40;
	q.iova = 0x6000;
	EXPECT_EQ(e.ioctl(q), 0) << "no region 40: the backend drops fsl_msi_get_region's error";
	// the domain is enabled by the first DMA map only
	e.api->vfio_mm_set_limits(1ull << 30, false);
	uint64_t va = e.alloc(4096, true, 4096);
	EXPECT_EQ(e.map(va, 0x10000, 4096), 0);
	uint32_t off = mpic_msi_target(m, 0) & 0xfff;
	uint32_t data = mc->banks[0].kind == MPIC_MSI_V1 ? (0u << 5 | 9u) : (9u << 4 | 0u);
	uint8_t le[4] = { (uint8_t)data, (uint8_t)(data >> 8), (uint8_t)(data >> 16), (uint8_t)(data >> 24) };
	pamu_result res{};
	soc_dma(e.s, dmas[0]->pamu, (uint16_t)dmas[0]->liodn[0], 0x5000 + off, le, 4, PAMU_OP_WRITE, &res);
	EXPECT_EQ(res.kind, PAMU_XLATE_OK);
	EXPECT_EQ(mpic_msir_peek(m, 0, 0), 1u << 9) << "the MSI reached bank 0 MSIR 0 bit 9";
	// unmap of the bank, then of an IOVA never mapped (-EINVAL dropped: 0)
	q = {};
	q.op = KS_VFIO_UNMAP_MSI_BANK;
	q.iova = 0x5000;
	EXPECT_EQ(e.ioctl(q), 0);
	q.iova = 0x9000;
	EXPECT_EQ(e.ioctl(q), 0);
	EXPECT_EQ(e.api->vfio_close(e.c, &err), KS_OK);
	EXPECT_EQ(e.shutdown([](const ks_finding *f) { return known(f); }), 0u);
}

// fail-nth: each fallible operation of one map call fails in turn; the ioctl must fail cleanly (no pin
// left, no BUG), copy_from_user first of all with -EFAULT
void fail_nth(const variant &v, const std::string &soc_name)
{
	bool saw_efault = false, saw_work = false;

	for (unsigned long n = 1; n <= 12; n++) {
		vfio_env e;
		int err = 0;

		e.setup(v, soc_name, 0xfffff, 256);
		if (::testing::Test::HasFatalFailure())
			return;
		e.api->vfio_mm_set_limits(1ull << 30, false);
		uint64_t va = e.alloc(8192, true, 8192);
		unsigned long before = e.api->fallible_count();
		e.api->fail_nth(n);
		long rc = e.map(va, 0x10000, 8192);
		e.api->fail_nth(0);
		unsigned long used = e.api->fallible_count() - before;
		if (n == 1) {
			EXPECT_EQ(rc, -EFAULT) << "copy_from_user of the argument fails first";
		}
		saw_efault |= rc == -EFAULT;
		if (e.mm().work_run)
			saw_work = true;
		if (rc == 0) {
			EXPECT_EQ(e.mm().pinned, 2u);
		}
		EXPECT_EQ(e.api->vfio_close(e.c, &err), KS_OK);
		EXPECT_EQ(e.mm().pinned, 0u) << "fail-nth " << n << ": pins left after close";
		e.shutdown([](const ks_finding *f) { return known(f) || f->kind == KS_FINDING_LEAK; });
		if (n > used)
			break;
	}
	EXPECT_TRUE(saw_efault);
	EXPECT_TRUE(saw_work) << "a failed down_write_trylock defers the accounting to the work queue";
}

// fail-nth over a whole VFIO session (open, group, attributes, DMA map, MSI map, unmaps, close): every
// fallible call of the stubs fails once in turn, each in a forked child (a driver that dereferences a
// failed allocation kills only the child). The kernel must survive each failure, except at the crash
// sites listed below (driver bugs, kernel-stubs/known-findings.yaml); what a failure leaves behind is
// summed up per finding site.
// (the fallible call whose failure leads to the crash or hang: "file function")
const char *const kKnownCrashSites[] = {
	// 5.10 attach_device: kmem_cache_zalloc unchecked, NULL dereferenced at once
	"drivers/iommu/fsl_pamu_domain.c attach_device",
	// 5.10 fsl_pamu_set_windows: kcalloc fails, win_arr stays NULL; the backend drops the error and
	// maps, fsl_pamu_iova_to_phys (get_phys_addr) dereferences win_arr
	"drivers/iommu/fsl_pamu_domain.c fsl_pamu_set_windows",
	// the same root one level down: the SPAACE allocation of the window count (gen_pool_alloc, on the
	// countdown since the campaigns issue) fails, fsl_pamu_set_windows returns the error without win_arr,
	// the backend drops it and get_phys_addr dereferences the NULL win_arr
	"drivers/iommu/fsl_pamu.c pamu_get_fspi_and_allocate",
	// the backend's SET_ATTR copy_from_user fails: the windows are never set, page_size stays 0; MAP_DMA
	// then "succeeds" mapping nothing, and UNMAP_DMA either loops for ever (size -= 0) or reaches
	// get_phys_addr with win_arr NULL
	"drivers/vfio/vfio_iommu_fsl_pamu.c vfio_iommu_fsl_pamu_ioctl",
};

struct sweep_out {
	bool crashed;
	int sig;
	std::string failed_at;	// "file function" of the fallible call that failed
	std::vector<std::string> findings;
	unsigned long total;
};

sweep_out sweep_child(const variant &v, const std::string &soc_name, unsigned long n)
{
	int fd[2];
	sweep_out out{};

	if (pipe(fd))
		return out;
	pid_t pid = fork();
	if (pid == 0) {
		close(fd[0]);
		dup2(fd[1], 2);
		dup2(fd[1], 1);
		setenv("PAMUSIM_KS_LOG", "4", 1);
		alarm(5);	/* a session that never returns (the backend loops): SIGALRM, reported as a hang */
		{
			vfio_env e;
			int err = 0;
			ks_vfio_req q{};

			e.start(v, soc_name);
			e.dmas = dma_engines(e.s);
			e.api->vfio_mm_set_limits(1ull << 30, false);
			uint64_t va = e.alloc(64 << 10, true, 64 << 10);
			unsigned long before = e.api->fallible_count();
			e.api->fail_nth(n);
			if (e.api->vfio_open(kPamu, &e.c, &err) == KS_OK) {
				e.api->vfio_add_group(e.c, e.dmas[0]->path, &err);
				e.set_attr(KS_VFIO_ATTR_GEOMETRY, 0, 0xffffff, 0);
				e.set_attr(KS_VFIO_ATTR_WINDOWS, 0, 0, 256);
				e.map(va, 0x100000, 64 << 10);
				q.op = KS_VFIO_MAP_MSI_BANK;
				q.flags = KS_VFIO_FLAG_WRITE;
				e.ioctl(q);
				e.unmap(0x100000, 64 << 10);
				q = {};
				q.op = KS_VFIO_UNMAP_MSI_BANK;
				e.ioctl(q);
				e.api->vfio_close(e.c, &err);
			}
			e.api->fail_nth(0);
			unsigned long total = e.api->fallible_count() - before;
			enum ks_status st = e.api->shutdown();
			e.shut = true;
			printf("\nSWEEP total %lu status %d\n", total, (int)st);
			for (unsigned int i = 0; i < e.api->finding_count(); i++) {
				const ks_finding *f = e.api->finding(i);

				if (!known(f))
					printf("SWEEP finding %s %s %s\n", e.api->finding_kind_name(f->kind), f->file, f->func);
			}
			fflush(stdout);
		}
		_exit(0);
	}
	close(fd[1]);
	std::string text;
	char buf[4096];
	ssize_t r;
	while ((r = read(fd[0], buf, sizeof(buf))) > 0)
		text.append(buf, (size_t)r);
	close(fd[0]);
	int status = 0;
	waitpid(pid, &status, 0);
	out.crashed = WIFSIGNALED(status);
	out.sig = out.crashed ? WTERMSIG(status) : 0;
	if (getenv("VFIO_SWEEP_DEBUG"))
		fprintf(stderr, "child %lu:\n%s\n", n, text.c_str());
	std::istringstream is(text);
	std::string line;
	while (std::getline(is, line)) {
		size_t at = line.find("fail-nth: ");
		if (at != std::string::npos) {
			// "fail-nth: WHAT fails at FILE:LINE (FUNC)"
			size_t f0 = line.find(" fails at ", at), c = line.find(':', f0 + 10), p0 = line.find('(', c);
			if (f0 != std::string::npos && c != std::string::npos && p0 != std::string::npos)
				out.failed_at = line.substr(f0 + 10, c - f0 - 10) + " " +
						line.substr(p0 + 1, line.find(')', p0) - p0 - 1);
		}
		if (!line.compare(0, 12, "SWEEP total "))
			out.total = strtoul(line.c_str() + 12, nullptr, 10);
		if (!line.compare(0, 14, "SWEEP finding "))
			out.findings.push_back(line.substr(14));
	}
	return out;
}

void fail_sweep(const variant &v, const std::string &soc_name)
{
	std::map<std::string, unsigned int> seen;
	unsigned long n, total, crashes = 0;
	if (getenv("VFIO_SWEEP_ONLY")) {
		/* debugging one failure point: that child alone (under gdb: set follow-fork-mode child) */
		sweep_child(v, soc_name, strtoul(getenv("VFIO_SWEEP_ONLY"), nullptr, 0));
		return;
	}
	sweep_out clean = sweep_child(v, soc_name, 0);	// no failure: how many fallible calls a session makes

	ASSERT_FALSE(clean.crashed);
	EXPECT_TRUE(clean.findings.empty()) << "a session without failures leaves only known findings";
	total = clean.total;
	ASSERT_GT(total, 10u);
	ASSERT_LT(total, 300u);
	for (n = 1; n <= total; n++) {
		sweep_out o = sweep_child(v, soc_name, n);

		for (const auto &f : o.findings)
			seen[f + " (after " + o.failed_at + ")"]++;
		if (o.crashed) {
			bool listed = false;

			crashes++;
			for (const char *k : kKnownCrashSites)
				listed |= o.failed_at == k;
			seen[std::string(o.sig == SIGALRM ? "HANG" : "CRASH signal " + std::to_string(o.sig)) +
			     " after the failure of " + o.failed_at]++;
			EXPECT_TRUE(listed) << "fail-nth " << n << ": the kernel crashed (signal " << o.sig
					    << ") after the failure at " << o.failed_at;
		}
	}
	printf("fail-nth sweep over one VFIO session: %lu fallible calls, %lu crashes\n", total, crashes);
	for (const auto &kv : seen)
		printf("  %4u x %s\n", kv.second, kv.first.c_str());
}

} // namespace

int register_tests()
{
	bool any = false;

	for (const auto &v : variants()) {
		if (v.name != "5.10-vfio-pamu")
			continue;
		any = true;
		for (const char *soc : {"t4240", "p4080"}) {
			std::string sfx = test_name(v.name, soc);
			::testing::RegisterTest("Vfio", ("OpenMapUnmap_" + sfx).c_str(), nullptr, nullptr, __FILE__, __LINE__,
						[=]() -> ::testing::Test * { return new fn_test([=] { open_map_unmap(v, soc); }); });
			::testing::RegisterTest("Vfio", ("Errors_" + sfx).c_str(), nullptr, nullptr, __FILE__, __LINE__,
						[=]() -> ::testing::Test * { return new fn_test([=] { errors(v, soc); }); });
			::testing::RegisterTest("Vfio", ("MsiBanks_" + sfx).c_str(), nullptr, nullptr, __FILE__, __LINE__,
						[=]() -> ::testing::Test * { return new fn_test([=] { msi_banks(v, soc); }); });
		}
		::testing::RegisterTest("Vfio", ("FailNthSession_" + test_name(v.name, "t4240")).c_str(), nullptr, nullptr,
					__FILE__, __LINE__,
					[=]() -> ::testing::Test * { return new fn_test([=] { fail_sweep(v, "t4240"); }); });
		::testing::RegisterTest("Vfio", ("FailNth_" + test_name(v.name, "t4240")).c_str(), nullptr, nullptr,
					__FILE__, __LINE__,
					[=]() -> ::testing::Test * { return new fn_test([=] { fail_nth(v, "t4240"); }); });
	}
	if (!any)
		::testing::RegisterTest("Vfio", "Backend", nullptr, nullptr, __FILE__, __LINE__,
					[]() -> ::testing::Test * {
						return new fn_test([] { GTEST_SKIP() << KS_VFIO_WHY; });
					});
	return 0;
}

static int registered = register_tests();
