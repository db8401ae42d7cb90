// SPDX-License-Identifier: BSD-2-Clause
// ks_failnth_test.cc - FailNth.*: every fallible kernel operation (allocation, ioremap, IRQ request...)
// of a boot followed by the IOMMU and MSI calls a kernel user makes, failed one at a time with the stubs'
// fail-nth countdown (ks_api.fail_nth), each in its own process (a variant boots once per load). Every
// injection must end in a defined status (the driver's error path ran to a return, or a BUG/panic the
// stubs caught), never a host crash; past the last fallible operation the sequence must succeed
// untouched. The error paths this reaches are what lifts the drivers' line coverage (docs/coverage.md).
// Sources: kernel-stubs/host/ks_host.h (fail_nth, fallible_count), docs/kernel-stubs.md.
#include "ks_scenario.h"

#include <sys/wait.h>
#include <unistd.h>

using namespace ks_test;

namespace {

enum { SEQ_OK = 0, SEQ_FAILED = 1, SEQ_DEAD = 2, SEQ_SETUP = 9 };

// The child tells the parent each call it starts (a fixed-size record), so a crash is placed in a call.
struct record {
	char step[24];
	unsigned long fallible;
};

void tell(int fd, const char *step, unsigned long fallible)
{
	record r{};

	snprintf(r.step, sizeof(r.step), "%s", step);
	r.fallible = fallible;
	if (write(fd, &r, sizeof(r)) != (ssize_t)sizeof(r))
		_exit(SEQ_SETUP);
}

// Host crashes the sweep expects: real driver bugs on an error path, by kernel version and call.
struct known_crash {
	const char *kernels;	// comma-separated variant names
	const char *step;
	const char *why;
};
const known_crash known_crashes[] = {
	{ "5.10,5.10-vfio-pamu,6.1,6.12", "attach",
	  "fsl_pamu_domain.c attach_device: the result of kmem_cache_zalloc(iommu_devinfo_cache, GFP_ATOMIC) is "
	  "used without a NULL check (info->dev = dev); a failed atomic allocation during attach is a NULL "
	  "dereference" },
};

const known_crash *crash_known(const std::string &kernel, const std::string &step)
{
	for (const auto &k : known_crashes)
		if (step == k.step)
			for (const auto &n : split(k.kernels, ','))
				if (n == kernel)
					return &k;
	return nullptr;
}

// Child side: a SoC, the variant, fail-nth armed before the boot, then the calls. Exit status: SEQ_*;
// the fallible operation count goes to fd.
int sequence(const variant &v, const std::string &soc_name, unsigned long nth, int fd)
{
	soc_preset preset{};
	soc_error err{};
	std::string ppath = std::string(PAMUSIM_SOCS_DIR) + "/" + soc_name + ".yaml";

	if (soc_preset_load(ppath.c_str(), &preset, &err) != SOC_PRESET_OK)
		return SEQ_SETUP;
	std::string dtb_path = std::string(PAMUSIM_DTB_DIR) + "/" + preset.board + ".dtb";
	std::ifstream f(dtb_path, std::ios::binary);
	std::vector<uint8_t> dtb((std::istreambuf_iterator<char>(f)), {});
	soc_cfg cfg{};
	soc *s = nullptr;
	ks_host_soc hs{};
	void *handle = nullptr;
	char lerr[512];

	cfg.preset = &preset;
	cfg.rev = preset.default_rev;
	cfg.dtb = dtb.data();
	cfg.dtb_size = dtb.size();
	cfg.dtb_name = dtb_path.c_str();
	if (dtb.empty() || soc_create(&cfg, &s, &err) != SOC_OK || ks_host_soc_init(&hs, s))
		return SEQ_SETUP;
	const ks_api *api = ks_host_load(v.lib.c_str(), &handle, lerr, sizeof(lerr));
	if (!api)
		return SEQ_SETUP;
	api->fail_nth(nth);
	bool failed = false, dead = false;
	auto step = [&](const char *name) {
		tell(fd, name, api->fallible_count());
		return true;
	};
	auto note = [&](ks_status st) {
		if (st == KS_DEAD)
			dead = true;
		else if (st != KS_OK)
			failed = true;
		return st == KS_OK;
	};
	int id = -1, e = 0;
	if (step("boot") && note(api->boot(&hs.host)) && step("domain-alloc") && note(api->iommu_domain_alloc(&id, &e))) {
		const soc_device *dev = first_dma_device(s);

		if (api->linux_version_code < 0x60000) {
			ks_iommu_attr_val av{};

			av.aperture_end = (1ull << 30) - 1;
			av.force_aperture = true;
			step("geometry") && note(api->iommu_set_attr(id, KS_IOMMU_ATTR_GEOMETRY, &av, &e));
			av.windows = 4;
			step("windows") && note(api->iommu_set_attr(id, KS_IOMMU_ATTR_WINDOWS, &av, &e));
			if (dev && step("attach") && note(api->iommu_attach(id, dev->path, &e))) {
				step("window-enable") &&
					note(api->iommu_window_enable(id, 1, 0x40000000ull, 1ull << 28, KS_IOMMU_READ, &e));
				av.stash_cpu = 0;
				for (uint32_t cache : {3u, 2u, 1u}) {	// L3 and L2 walk the next-level-cache links
					av.stash_cache = cache;
					step("stash") && note(api->iommu_set_attr(id, KS_IOMMU_ATTR_FSL_PAMU_STASH, &av, &e));
				}
				av.enable = 1;
				step("enable") && note(api->iommu_set_attr(id, KS_IOMMU_ATTR_FSL_PAMU_ENABLE, &av, &e));
				step("detach") && note(api->iommu_detach(id, dev->path, &e));
			}
			// windows enabled before the attach: the attach maps them (one window, then four subwindows)
			for (uint32_t wins : {1u, 4u}) {
				int id2 = -1;

				if (!dev || !step("domain-alloc") || !note(api->iommu_domain_alloc(&id2, &e)))
					continue;
				av.windows = wins;
				step("geometry") && note(api->iommu_set_attr(id2, KS_IOMMU_ATTR_GEOMETRY, &av, &e));
				step("windows") && note(api->iommu_set_attr(id2, KS_IOMMU_ATTR_WINDOWS, &av, &e));
				for (uint32_t w = 0; w < wins; w++)
					step("window-enable") &&
						note(api->iommu_window_enable(id2, w, 0x40000000ull + w * ((1ull << 30) / wins),
									      (1ull << 30) / wins, w & 1 ? KS_IOMMU_READ :
									      KS_IOMMU_READ | KS_IOMMU_WRITE, &e));
				step("enable") && note(api->iommu_set_attr(id2, KS_IOMMU_ATTR_FSL_PAMU_ENABLE, &av, &e));
				if (step("attach") && note(api->iommu_attach(id2, dev->path, &e))) {
					step("window-disable") && note(api->iommu_window_disable(id2, 0, &e));
					step("detach") && note(api->iommu_detach(id2, dev->path, &e));
				}
				step("domain-free") && note(api->iommu_domain_free(id2, &e));
			}
		} else {
			if (dev && step("attach") && note(api->iommu_attach(id, dev->path, &e))) {
				step("stash") && note(api->iommu_configure_stash(id, 0, &e));
				// a CPU that does not exist: the driver refuses (its error path, not an injection)
				step("stash") && api->iommu_configure_stash(id, 4096, &e) == KS_DEAD && (dead = true);
				uint64_t phys = 0;
				step("iova-to-phys") && note(api->iommu_iova_to_phys(id, 1ull << 40, &phys, &e));
				step("detach") && note(api->iommu_detach(id, dev->path, &e));
			}
			if (step("attach") && note(api->iommu_attach(id, "pci:0", &e)))
				step("detach") && note(api->iommu_detach(id, "pci:0", &e));
		}
		step("domain-free") && note(api->iommu_domain_free(id, &e));
		ks_msi_vec vec[4];
		if (api->pci_count() && step("msi-setup") && note(api->msi_setup(0, 4, true, vec, &e)))
			step("msi-teardown") && note(api->msi_teardown(0));
		// plain MSI with more than one vector: powerpc refuses it (an error by design, not counted)
		if (api->pci_count() && step("msi-setup"))
			api->msi_setup(0, 2, false, vec, &e) == KS_DEAD && (dead = true);
		if (api->pci_count() && step("msi-setup") && note(api->msi_setup(0, 1, false, vec, &e)))
			step("msi-teardown") && note(api->msi_teardown(0));
	}
	unsigned long count = api->fallible_count();
	step("shutdown") && note(api->shutdown());
	tell(fd, "end", count);
	ks_host_unload(handle);	// coverage builds write the variant's counters here
	soc_destroy(s);
	return dead ? SEQ_DEAD : failed ? SEQ_FAILED : SEQ_OK;
}

struct outcome {
	int status = -1;		// SEQ_*, or -1: the process did not exit normally
	int signal = 0;
	unsigned long fallible = 0;	// at the end of the sequence
	std::string last;		// the last call started ("end" when the sequence finished)
};

outcome run(const variant &v, const std::string &soc, unsigned long nth)
{
	int p[2];
	outcome o;

	if (pipe(p))
		return o;
	fflush(nullptr);
	// PAMUSIM_FAILNTH_INPROCESS=N: injection N runs in this process (for a debugger), exit with its status
	const char *one = getenv("PAMUSIM_FAILNTH_INPROCESS");
	if (one && strtoul(one, nullptr, 0) == nth)
		exit(sequence(v, soc, nth, p[1]));
	pid_t pid = fork();
	if (pid == 0) {
		close(p[0]);
		if (!getenv("PAMUSIM_KS_LOG")) {	/* the drivers' error messages of every injection: noise */
			if (!freopen("/dev/null", "w", stdout) || !freopen("/dev/null", "w", stderr))
				_exit(SEQ_SETUP);
		}
		_exit(sequence(v, soc, nth, p[1]));
	}
	close(p[1]);
	record r{};
	while (read(p[0], &r, sizeof(r)) == (ssize_t)sizeof(r)) {
		o.last = std::string(r.step, strnlen(r.step, sizeof(r.step)));
		o.fallible = r.fallible;
	}
	close(p[0]);
	int st = 0;
	waitpid(pid, &st, 0);
	if (WIFEXITED(st))
		o.status = WEXITSTATUS(st);
	else if (WIFSIGNALED(st))
		o.signal = WTERMSIG(st);
	// a process that never reached the end died, whatever its status (the sanitizer build's SEGV handler
	// exits with status 1 instead of the signal)
	if (o.last != "end" && o.status != SEQ_SETUP)
		o.status = -1;
	return o;
}

class failnth : public ::testing::TestWithParam<std::pair<variant, std::string>> {};

TEST_P(failnth, EveryFallibleOperationFailsCleanly)
{
	const variant &v = GetParam().first;
	const std::string &soc = GetParam().second;
	outcome clean = run(v, soc, 0);

	ASSERT_EQ(clean.status, SEQ_OK) << "the sequence fails without any injection (signal " << clean.signal << ")";
	ASSERT_EQ(clean.last, "end");
	ASSERT_GT(clean.fallible, 10u) << "a boot makes more fallible operations than that";
	unsigned long failed = 0, dead = 0, absorbed = 0, crashed = 0;
	for (unsigned long n = 1; n <= clean.fallible; n++) {
		outcome o = run(v, soc, n);

		if (o.status == -1) {
			const known_crash *k = crash_known(v.name, o.last);

			EXPECT_NE(k, nullptr) << "fail-nth " << n << " of " << clean.fallible << ": the host process died (signal "
					      << o.signal << ") in " << o.last << ": a crash on an error path not known";
			if (k)
				printf("fail-nth %lu: known crash in %s (%s)\n", n, o.last.c_str(), k->why);
			crashed++;
			continue;
		}
		ASSERT_NE(o.status, SEQ_SETUP) << "fail-nth " << n << ": set-up failed";
		failed += o.status == SEQ_FAILED;
		dead += o.status == SEQ_DEAD;
		absorbed += o.status == SEQ_OK;	// e.g. a probe that failed: boot goes on without the driver
	}
	outcome past = run(v, soc, clean.fallible + 1);
	EXPECT_EQ(past.status, SEQ_OK) << "failing operation " << clean.fallible + 1 << " (there are " << clean.fallible
				       << ") must change nothing";
	printf("%s on %s: %lu fallible operations, each failed once: %lu made a call return an error, %lu ended in "
	       "a caught BUG/panic, %lu were absorbed (every call still succeeded), %lu crashed the host at a known "
	       "driver bug\n", v.name.c_str(), soc.c_str(), clean.fallible, failed, dead, absorbed, crashed);
}

std::vector<std::pair<variant, std::string>> params()
{
	std::vector<std::pair<variant, std::string>> out;

	for (const auto &v : variants())
		for (const auto &s : split(KS_FAILNTH_SOCS, ','))
			out.push_back({v, s});
	return out;
}

INSTANTIATE_TEST_SUITE_P(FailNth, failnth, ::testing::ValuesIn(params()),
			 [](const ::testing::TestParamInfo<std::pair<variant, std::string>> &i) {
				 return test_name(i.param.first.name, i.param.second);
			 });

} // namespace
