/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * ks_core.c - the variant's entry points (ks_get_api), boot in kernel initcall order, findings (BUG,
 * WARN, panic, pr_emerg, must-never-be-reached stubs, lock imbalance), printk with %pOF/%pa, spinlock
 * checks, the shared fail-nth countdown and mfspr. Sources: kernel-surface.md 6, 7.1, 8, 10.3, 10.6;
 * ../shared/DESIGN.md (findings instead of crashes). Choices: docs/kernel-stubs.md.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/kernel.h>
#include <linux/init.h>
#include <asm/reg.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/errno.h>

#include "ks_priv.h"

struct ks_state ks;
bool ks_debug_on;
static spinlock_t plant_lock;	/* ks_api.plant: the stub-owned lock it leaves held */

/* ------------------------------------------------------------------ findings */

#define KS_MAX_FINDINGS 256

static struct ks_finding findings[KS_MAX_FINDINGS];
static unsigned int finding_count;
static unsigned long findings_dropped;

static const char *const kind_names[KS_FINDING_KIND_COUNT] = {
	[KS_FINDING_BUG] = "driver-bug",
	[KS_FINDING_WARN] = "driver-warn",
	[KS_FINDING_EMERG] = "driver-emerg",
	[KS_FINDING_UNREACHABLE] = "unreachable-stub",
	[KS_FINDING_LEAK] = "leak",
	[KS_FINDING_DOUBLE_FREE] = "double-free",
	[KS_FINDING_BAD_FREE] = "bad-free",
	[KS_FINDING_LOCK] = "lock-imbalance",
	[KS_FINDING_REFCOUNT] = "refcount",
	[KS_FINDING_MISUSE] = "api-misuse",
};

const char *ks_short_file(const char *file)
{
	const char *p;

	if (!file)
		return "?";
	p = strstr(file, "ks_tree/");
	if (p)
		return p + strlen("ks_tree/");
	p = strstr(file, "ks_vfio/");	/* the VFIO-PAMU backend: drivers/vfio/vfio_iommu_fsl_pamu.c */
	if (p)
		return p + strlen("ks_vfio/");
	p = strrchr(file, '/');
	return p ? p + 1 : file;
}

/* A breakpoint target: `break ks_finding_raised` stops at every finding (docs/debugging.md). */
__attribute__((__noinline__)) KS_EXPORT void ks_finding_raised(const struct ks_finding *f)
{
	__asm__ __volatile__("" ::"r"(f) : "memory");
}

void ks_finding(enum ks_finding_kind kind, const char *file, const char *func, int line, const char *fmt, ...)
{
	struct ks_finding *f;
	va_list ap;

	if (finding_count >= KS_MAX_FINDINGS) {
		findings_dropped++;
		return;
	}
	f = &findings[finding_count++];
	f->kind = kind;
	f->file = ks_short_file(file);
	f->func = func ? func : "?";
	f->line = line;
	va_start(ap, fmt);
	vsnprintf(f->msg, sizeof(f->msg), fmt, ap);
	va_end(ap);
	ks_log(kind == KS_FINDING_WARN ? 4 : 2, "finding %s at %s:%d (%s): %s", kind_names[kind], f->file, line,
	       f->func, f->msg);
	ks_finding_raised(f);
}

__attribute__((noreturn)) static void end_scenario(void)
{
	ks.dead = true;
	if (ks.jb)
		longjmp(*ks.jb, 1);
	/* Not inside a host call (a constructor): nothing to return to; the finding stays. */
	fprintf(stderr, "kernel-stubs: BUG outside a host call; exiting\n");
	exit(70);
}

void ks_bug(const char *file, const char *func, int line, const char *what)
{
	ks_finding(KS_FINDING_BUG, file, func, line, "%s", what);
	end_scenario();
}

void ks_warn(const char *file, const char *func, int line, const char *what)
{
	ks_finding(KS_FINDING_WARN, file, func, line, "%s", what);
}

void ks_unreachable(const char *what, const char *file, const char *func, int line)
{
	ks_finding(KS_FINDING_UNREACHABLE, file, func, line, "must-never-be-reached stub %s called", what);
}

void *ks_unreachable_ptr(const char *what, const char *file, const char *func, int line)
{
	ks_unreachable(what, file, func, line);
	return NULL;
}

/* ------------------------------------------------------------------ printk */

void ks_log(int level, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	if (!ks.host.log && level > 3)
		return;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (ks.host.log)
		ks.host.log(ks.host.ctx, level, buf);
}

/* Append to buf (bounded). */
static void put(char *buf, size_t len, size_t *pos, const char *s, size_t n)
{
	while (n-- && *pos + 1 < len)
		buf[(*pos)++] = *s++;
	buf[*pos < len ? *pos : len - 1] = 0;
}

/*
 * vsnprintf with the kernel extensions the drivers use: %pOF (node path), %pa (phys_addr_t by
 * reference), other %p forms print the pointer. Conversions are handed to the C library one by one
 * with the argument type their length modifier says.
 */
static void ks_vformat(char *buf, size_t len, const char *fmt, va_list ap)
{
	size_t pos = 0;
	char spec[32], tmp[256];

	buf[0] = 0;
	while (*fmt) {
		const char *start = fmt;
		size_t n;
		int lng = 0;
		char conv;

		if (*fmt != '%') {
			const char *e = strchr(fmt, '%');

			n = e ? (size_t)(e - fmt) : strlen(fmt);
			put(buf, len, &pos, fmt, n);
			fmt += n;
			continue;
		}
		fmt++;
		if (*fmt == '%') {
			put(buf, len, &pos, "%", 1);
			fmt++;
			continue;
		}
		while (*fmt && strchr("-+ #0123456789.*", *fmt))
			fmt++;
		while (*fmt && strchr("hlzjt", *fmt)) {
			if (*fmt == 'l' || *fmt == 'z' || *fmt == 'j' || *fmt == 't')
				lng++;
			fmt++;
		}
		conv = *fmt;
		if (!conv)
			break;
		fmt++;
		n = (size_t)(fmt - start);
		if (n >= sizeof(spec))
			n = sizeof(spec) - 1;
		memcpy(spec, start, n);
		spec[n] = 0;
		tmp[0] = 0;
		switch (conv) {
		case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': case 'c':
			if (strchr(spec, '*')) {
				/* width from the arguments: not used by the drivers; print the spec */
				snprintf(tmp, sizeof(tmp), "%s", spec);
			} else if (lng >= 1) {
				long long v = lng >= 2 ? va_arg(ap, long long) : va_arg(ap, long);

				snprintf(tmp, sizeof(tmp), spec, v);
			} else {
				snprintf(tmp, sizeof(tmp), spec, va_arg(ap, int));
			}
			break;
		case 's':
			snprintf(tmp, sizeof(tmp), spec, va_arg(ap, const char *));
			break;
		case 'p': {
			void *p = va_arg(ap, void *);

			if (fmt[0] == 'O' && fmt[1] == 'F') {
				fmt += 2;
				while (*fmt == 'f' || *fmt == 'n' || *fmt == 'p' || *fmt == 'P' || *fmt == 'c')
					fmt++;
				snprintf(tmp, sizeof(tmp), "%s", of_node_full_name(p));
			} else if (fmt[0] == 'a') {
				fmt++;
				if (*fmt == 'p' || *fmt == 'd')
					fmt++;
				snprintf(tmp, sizeof(tmp), "0x%016llx", p ? *(const unsigned long long *)p : 0ull);
			} else {
				while (*fmt && ((*fmt >= 'a' && *fmt <= 'z') || (*fmt >= 'A' && *fmt <= 'Z')))
					fmt++;
				snprintf(tmp, sizeof(tmp), "%p", p);
			}
			break;
		}
		default:
			snprintf(tmp, sizeof(tmp), "%s", spec);
			break;
		}
		put(buf, len, &pos, tmp, strlen(tmp));
	}
}

int ks_printk(const char *file, const char *func, int line, const char *fmt, ...)
{
	char buf[512];
	int level = 4;
	va_list ap;

	if (fmt[0] == KERN_SOH[0] && fmt[1]) {
		level = fmt[1] >= '0' && fmt[1] <= '7' ? fmt[1] - '0' : 4;
		fmt += 2;
	}
	va_start(ap, fmt);
	ks_vformat(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (buf[0] && buf[strlen(buf) - 1] == '\n')
		buf[strlen(buf) - 1] = 0;
	if (level == 0)
		ks_finding(KS_FINDING_EMERG, file, func, line, "%s", buf);
	else
		ks_log(level, "%s", buf);
	return (int)strlen(buf);
}

void ks_panic(const char *file, const char *func, int line, const char *fmt, ...)
{
	char buf[256];
	va_list ap;

	va_start(ap, fmt);
	ks_vformat(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	ks_finding(KS_FINDING_BUG, file, func, line, "panic: %s", buf);
	end_scenario();
}

/* ------------------------------------------------------------------ locks and interrupt state */

void ks_spin_init(spinlock_t *l, const char *name)
{
	l->held = 0;
	l->name = name;
	l->file = NULL;
	l->line = 0;
}

void ks_spin_lock(spinlock_t *l, const char *file, const char *func, int line)
{
	if (l->held) {
		/* On one CPU this never returns; the stubs record it and go on. */
		ks_finding(KS_FINDING_LOCK, file, func, line, "spinlock %s taken while held (taken at %s:%d)",
			   l->name ? l->name : "?", ks_short_file(l->file), l->line);
		return;
	}
	l->held = 1;
	l->file = file;
	l->line = line;
	ks.locks_held++;
}

void ks_spin_unlock(spinlock_t *l, const char *file, const char *func, int line)
{
	if (!l->held) {
		ks_finding(KS_FINDING_LOCK, file, func, line, "spinlock %s released while free",
			   l->name ? l->name : "?");
		return;
	}
	l->held = 0;
	ks.locks_held--;
}

unsigned long ks_irq_save(void)
{
	return (unsigned long)ks.irq_disabled++;
}

void ks_irq_restore(unsigned long flags, const char *file, const char *func, int line)
{
	if (ks.irq_disabled <= 0 || flags != (unsigned long)(ks.irq_disabled - 1)) {
		ks_finding(KS_FINDING_LOCK, file, func, line,
			   "interrupt state restored out of order (depth %d, restoring %lu)", ks.irq_disabled, flags);
		ks.irq_disabled = (int)flags;
		return;
	}
	ks.irq_disabled--;
}

/* ------------------------------------------------------------------ fail-nth, SPRs */

bool ks_fallible(const char *what, const char *file, const char *func, int line)
{
	ks.fallible_seen++;
	if (ks_fault_note(what, file, func, line) || (ks.fail_at && --ks.fail_at == 0)) {
		ks_log(4, "fail-nth: %s fails at %s:%d (%s)", what, ks_short_file(file), line, func);
		return true;
	}
	return false;
}

unsigned long ks_mfspr(unsigned int spr, const char *file, const char *func, int line)
{
	switch (spr) {
	case SPRN_SVR:
		return ks.host.svr;
	case SPRN_PVR:
		return ks.host.pvr;
	default:
		ks_unreachable("mfspr(other SPR)", file, func, line);
		return 0;
	}
}

/* ------------------------------------------------------------------ initcalls */

#define KS_MAX_INITCALLS 32

struct ks_initcall {
	int level;
	initcall_t fn;
	const char *name;
	const char *file;
};

static struct ks_initcall initcalls[KS_MAX_INITCALLS];
static unsigned int initcall_count;

void ks_register_initcall(int level, initcall_t fn, const char *name, const char *file)
{
	if (initcall_count < KS_MAX_INITCALLS)
		initcalls[initcall_count++] = (struct ks_initcall){ level, fn, name, file };
}

/* Link order of the driver files (the kernel's Makefiles) decides within a level: the constructors
 * run in link order, so registration order is kept. */
static void run_initcalls(void)
{
	int level;
	unsigned int i;

	for (level = 0; level <= 7; level++) {
		for (i = 0; i < initcall_count; i++) {
			int ret;

			if (initcalls[i].level != level)
				continue;
			ret = initcalls[i].fn();
			ks_log(ret ? 4 : 6, "initcall %s (%s) returned %d", initcalls[i].name,
			       ks_short_file(initcalls[i].file), ret);
		}
	}
}

/* ------------------------------------------------------------------ host calls */

#define KS_ENTER(jbuf)                                                                          \
	do {                                                                                    \
		if (ks.dead)                                                                    \
			return KS_DEAD;                                                         \
		if (setjmp(jbuf)) {                                                             \
			ks.jb = NULL;                                                           \
			ks.locks_held = 0;                                                      \
			ks.irq_disabled = 0;                                                    \
			return KS_DEAD;                                                         \
		}                                                                               \
		ks.jb = &(jbuf);                                                                \
	} while (0)

static void leave(const char *what)
{
	ks.jb = NULL;
	if (ks.locks_held) {
		ks_finding(KS_FINDING_LOCK, NULL, what, 0, "%d spinlock(s) still held when %s returned",
			   ks.locks_held, what);
		ks.locks_held = 0;
	}
	if (ks.irq_disabled) {
		ks_finding(KS_FINDING_LOCK, NULL, what, 0, "interrupts still disabled (depth %d) when %s returned",
			   ks.irq_disabled, what);
		ks.irq_disabled = 0;
	}
}

static enum ks_status ks_boot(const struct ks_host *host)
{
	jmp_buf jb;

	if (!host || host->abi_version != KS_ABI_VERSION || !host->arena || !host->arena_size || !host->ram_ptr ||
	    !host->mmio_load || !host->mmio_store || !host->fdt)
		return KS_BAD_HOST;
	if (ks.booted)
		return KS_ERROR;	/* one boot per load: the drivers' static state is not reset */
	ks.host = *host;
	ks.dead = false;
	KS_ENTER(jb);
	if (ks_mem_init() || ks_io_init() || ks_irq_init() || ks_mm_init()) {
		leave("boot");
		return KS_NO_MEMORY;
	}
	if (ks_of_init(host->fdt, host->fdt_size)) {
		leave("boot");
		return KS_BAD_FDT;
	}
	ks.booted = true;
	ks.fallible_seen = 0;
	if (ks_platform_populate()) {
		leave("boot");
		return KS_NO_MEMORY;
	}
	if (ks_pci_init()) {
		leave("boot");
		return KS_NO_MEMORY;
	}
	run_initcalls();
	ks_mem_checkpoint();
	ks_of_checkpoint();
	leave("boot");
	return KS_OK;
}

static enum ks_status ks_shutdown(void)
{
	if (!ks.booted)
		return KS_OK;
	if (!ks.dead) {
		/* the process exits: its VFIO containers are closed (a BUG in a backend's release ends here) */
		jmp_buf jb;

		if (!setjmp(jb)) {
			ks.jb = &jb;
			ks_vfio_release_all();
			ks_mm_report();
		}
		leave("shutdown");
	}
	ks_mem_report();
	ks_of_report();
	if (ks_fault_exit_fast) {
		ks.booted = false;
		return ks.dead ? KS_DEAD : KS_OK;
	}
	ks_pci_release();
	ks_platform_release();
	ks_iommu_release();
	ks_irq_release();
	ks_of_release();
	ks_io_release();
	ks_vfio_release();
	ks_mm_release();
	ks_mem_release();
	plant_lock.held = 0;	/* the planted held lock (ks_api.plant) ends with the run */
	ks.booted = false;
	return ks.dead ? KS_DEAD : KS_OK;
}

static enum ks_status ks_handle_irq(unsigned int *handled)
{
	jmp_buf jb;
	int n;

	KS_ENTER(jb);
	n = ks_irq_handle(handled);
	leave("handle_irq");
	return n < 0 ? KS_ERROR : KS_OK;
}

static enum ks_status api_msi_setup(unsigned int i, unsigned int nvec, bool msix, struct ks_msi_vec *out,
				    int *err)
{
	jmp_buf jb;
	int rc;

	KS_ENTER(jb);
	rc = ks_pci_msi_setup(i, nvec, msix, out);
	leave("msi_setup");
	if (err)
		*err = rc;
	return rc ? KS_ERROR : KS_OK;
}

static enum ks_status api_msi_teardown(unsigned int i)
{
	jmp_buf jb;
	int rc;

	KS_ENTER(jb);
	rc = ks_pci_msi_teardown(i);
	leave("msi_teardown");
	return rc ? KS_ERROR : KS_OK;
}

#define KS_CALL(name, expr)                                                                     \
	do {                                                                                    \
		jmp_buf jb;                                                                     \
		int rc;                                                                         \
                                                                                                \
		KS_ENTER(jb);                                                                   \
		rc = (expr);                                                                    \
		leave(name);                                                                    \
		if (err)                                                                        \
			*err = rc < 0 ? rc : 0;                                                 \
		return rc < 0 ? KS_ERROR : KS_OK;                                               \
	} while (0)

static int domain_alloc_into(int *id)
{
	int r = ks_iommu_domain_alloc();

	if (id)
		*id = r;
	return r;
}

static enum ks_status api_domain_alloc(int *id, int *err) { KS_CALL("iommu_domain_alloc", domain_alloc_into(id)); }

static enum ks_status api_domain_free(int id, int *err) { KS_CALL("iommu_domain_free", ks_iommu_domain_free(id)); }
static enum ks_status api_attach(int id, const char *dev, int *err) { KS_CALL("iommu_attach", ks_iommu_attach(id, dev)); }
static enum ks_status api_detach(int id, const char *dev, int *err) { KS_CALL("iommu_detach", ks_iommu_detach(id, dev)); }
static enum ks_status api_stash(int id, unsigned int cpu, int *err)
{
	KS_CALL("iommu_configure_stash", ks_iommu_configure_stash(id, cpu));
}
static enum ks_status api_iova(int id, uint64_t iova, uint64_t *phys, int *err)
{
	KS_CALL("iommu_iova_to_phys", ks_iommu_iova_to_phys(id, iova, phys));
}

static enum ks_status api_set_attr(int id, enum ks_iommu_attr attr, const struct ks_iommu_attr_val *val, int *err)
{
	KS_CALL("iommu_set_attr", ks_iommu_set_attr(id, (int)attr, val));
}
static enum ks_status api_get_attr(int id, enum ks_iommu_attr attr, struct ks_iommu_attr_val *val, int *err)
{
	KS_CALL("iommu_get_attr", ks_iommu_get_attr(id, (int)attr, val));
}
static enum ks_status api_window_enable(int id, uint32_t wnd, uint64_t paddr, uint64_t size, int prot, int *err)
{
	KS_CALL("iommu_window_enable", ks_iommu_window_enable(id, wnd, paddr, size, prot));
}
static enum ks_status api_capable(const char *dev, enum ks_iommu_cap cap, bool *result, int *err)
{
	KS_CALL("iommu_capable", ks_iommu_capable(dev, (int)cap, result));
}
static enum ks_status api_driver_unbind(const char *dev, int *err)
{
	KS_CALL("driver_unbind", ks_platform_driver_unbind(dev));
}
/* ks_api.plant (ABI 7): a test hook no driver reaches; each fault goes through the real stubs. */

static noinline int plant_fault(enum ks_plant what)
{
	void *p;

	switch (what) {
	case KS_PLANT_LEAK:
		return kmalloc(32, GFP_KERNEL) ? 0 : -ENOMEM;
	case KS_PLANT_DOUBLE_FREE:
		p = kmalloc(32, GFP_KERNEL);
		if (!p)
			return -ENOMEM;
		kfree(p);
		kfree(p);
		return 0;
	case KS_PLANT_LOCK_HELD:
		if (!plant_lock.name)
			spin_lock_init(&plant_lock);
		spin_lock(&plant_lock);
		return 0;
	case KS_PLANT_WARN:
		WARN_ON(1);
		return 0;
	case KS_PLANT_BUG:
		BUG();
		return 0;
	}
	return -EINVAL;
}

static enum ks_status api_plant(enum ks_plant what, int *err)
{
	KS_CALL("plant", plant_fault(what));
}

static enum ks_status api_window_disable(int id, uint32_t wnd, int *err)
{
	KS_CALL("iommu_window_disable", ks_iommu_window_disable(id, wnd));
}

/* ABI 8: VFIO; the work queue runs after each call (a defined point, docs/vfio.md) */
static int vfio_done(int rc)
{
	ks_mm_run_work();
	return rc;
}

static int vfio_open_into(uint32_t type, int *container)
{
	int id = -1, rc = ks_vfio_open(type, &id);

	if (container)
		*container = id;
	return vfio_done(rc);
}

static enum ks_status api_vfio_open(uint32_t type, int *container, int *err)
{
	KS_CALL("vfio_open", vfio_open_into(type, container));
}
static enum ks_status api_vfio_add_group(int c, const char *dev, int *err)
{
	KS_CALL("vfio_add_group", vfio_done(ks_vfio_add_group(c, dev)));
}
static enum ks_status api_vfio_remove_group(int c, const char *dev, int *err)
{
	KS_CALL("vfio_remove_group", vfio_done(ks_vfio_remove_group(c, dev)));
}
static enum ks_status api_vfio_close(int c, int *err) { KS_CALL("vfio_close", vfio_done(ks_vfio_close(c))); }

static enum ks_status api_vfio_ioctl(int c, struct ks_vfio_req *req, long *ret)
{
	jmp_buf jb;
	int rc;
	long r = 0;

	KS_ENTER(jb);
	rc = vfio_done(ks_vfio_ioctl(c, req, &r));
	leave("vfio_ioctl");
	if (ret)
		*ret = rc ? rc : r;
	return KS_OK;
}

static int user_alloc_into(uint64_t size, bool contiguous, uint64_t align, uint64_t *va)
{
	u64 v = 0;
	int rc = ks_mm_user_alloc(size, contiguous, align, &v);

	if (va)
		*va = v;
	return rc;
}

static enum ks_status api_vfio_user_alloc(uint64_t size, bool contiguous, uint64_t align, uint64_t *va, int *err)
{
	KS_CALL("vfio_user_alloc", user_alloc_into(size, contiguous, align, va));
}
static enum ks_status api_vfio_user_phys(uint64_t va, uint64_t *phys, int *err)
{
	KS_CALL("vfio_user_phys", ks_mm_user_phys(va, phys));
}
static enum ks_status api_vfio_msi_region(unsigned int i, uint64_t *addr, uint64_t *size, int *err)
{
	KS_CALL("vfio_msi_region", ks_vfio_msi_region(i, addr, size));
}
static int api_vfio_msi_region_count(void)
{
	jmp_buf jb;
	int n;

	if (ks.dead)
		return -1;
	if (setjmp(jb)) {
		ks.jb = NULL;
		return -1;
	}
	ks.jb = &jb;
	n = ks_vfio_msi_region_count();
	leave("vfio_msi_region_count");
	return n;
}

static unsigned int api_finding_count(void) { return finding_count; }
static const struct ks_finding *api_finding(unsigned int i) { return i < finding_count ? &findings[i] : NULL; }
static void api_clear_findings(void) { finding_count = 0; }
static const char *api_kind_name(enum ks_finding_kind k)
{
	return (unsigned int)k < KS_FINDING_KIND_COUNT ? kind_names[k] : "?";
}
static void api_fail_nth(unsigned long n) { ks.fail_at = n; }
static unsigned long api_fallible_count(void) { return ks.fallible_seen; }
static uint64_t api_virt_to_phys(const void *p) { return ks_mem_in_arena(p, 1) ? virt_to_phys(p) : 0; }

static const struct ks_api api = {
	.abi_version = KS_ABI_VERSION,
	.name = KS_VARIANT_NAME,
	.kernel_version = KS_KERNEL_VERSION,
	.linux_version_code = LINUX_VERSION_CODE,
	.boot = ks_boot,
	.shutdown = ks_shutdown,
	.finding_count = api_finding_count,
	.finding = api_finding,
	.clear_findings = api_clear_findings,
	.finding_kind_name = api_kind_name,
	.fail_nth = api_fail_nth,
	.fallible_count = api_fallible_count,
	.mem_stats = ks_mem_get_stats,
	.handle_irq = ks_handle_irq,
	.dev_count = ks_platform_dev_count,
	.dev_info = ks_platform_dev_info,
	.irq_requested = ks_irq_find_action,
	.virt_to_phys = api_virt_to_phys,
	.pci_count = ks_pci_count,
	.pci_path = ks_pci_path,
	.pci_inbound = ks_pci_inbound,
	.msi_setup = api_msi_setup,
	.msi_teardown = api_msi_teardown,
	.msi_hits = ks_pci_msi_hits,
	.iommu_domain_alloc = api_domain_alloc,
	.iommu_domain_free = api_domain_free,
	.iommu_attach = api_attach,
	.iommu_detach = api_detach,
	.iommu_configure_stash = api_stash,
	.iommu_iova_to_phys = api_iova,
	.iommu_set_attr = api_set_attr,
	.iommu_get_attr = api_get_attr,
	.iommu_window_enable = api_window_enable,
	.iommu_window_disable = api_window_disable,
	.iommu_capable = api_capable,
	.driver_unbind = api_driver_unbind,
	.plant = api_plant,
	.vfio_backend = ks_vfio_backend,
	.vfio_open = api_vfio_open,
	.vfio_add_group = api_vfio_add_group,
	.vfio_remove_group = api_vfio_remove_group,
	.vfio_close = api_vfio_close,
	.vfio_ioctl = api_vfio_ioctl,
	.vfio_user_alloc = api_vfio_user_alloc,
	.vfio_user_phys = api_vfio_user_phys,
	.vfio_mm_stats = ks_mm_stats,
	.vfio_mm_set_limits = ks_mm_set_limits,
	.vfio_msi_region_count = api_vfio_msi_region_count,
	.vfio_msi_region = api_vfio_msi_region,
};

KS_EXPORT const struct ks_api *ks_get_api(void)
{
	if (getenv("PAMUSIM_KS_DEBUG"))
		ks_debug_on = true;
	return &api;
}
