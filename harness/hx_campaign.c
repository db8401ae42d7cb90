/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * hx_campaign.c - the campaign engine: the run without injection of each target (the baseline: call
 * counts per step, call sites, MMIO accesses, interrupts), the run list (fail-nth range or seeded
 * injections, a deterministic shard of it), the fork server (one process per worker runs the scenario
 * and forks one child per run at the step the run's injection starts; a child runs the rest), crash
 * containment (a signal in a child ends that run only; its faulting address is symbolized with
 * addr2line), judging against the baseline. Reports and shrinking: hx_campaign_report.c.
 * Contracts and choices: docs/campaigns.md.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <execinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

#include "hx_campaign.h"
#include "hx_known.h"
#include "ks_fault.h"

/* ------------------------------------------------------------------ shared memory */

static void *shared_alloc(size_t len)
{
	void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

/* ------------------------------------------------------------------ records */

static void copy_site(struct hx_csite *d, const char *what, const char *file, const char *func, int line)
{
	snprintf(d->what, sizeof(d->what), "%.*s", (int)sizeof(d->what) - 1, what ? what : "");
	snprintf(d->file, sizeof(d->file), "%.*s", (int)sizeof(d->file) - 1, file ? file : "");
	snprintf(d->func, sizeof(d->func), "%.*s", (int)sizeof(d->func) - 1, func ? func : "");
	d->line = line;
}

static uint64_t fnv(uint64_t h, const char *s)
{
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ull;
	}
	h ^= 0xff;
	return h * 0x100000001b3ull;
}

/* What a run ended with, without its timing or trace: status, findings, unmet expectations, counters. */
static uint64_t outcome_of(const struct hx_result *r)
{
	uint64_t h = 0xcbf29ce484222325ull;
	char buf[64];
	unsigned int i;

	snprintf(buf, sizeof(buf), "%d %u %llu %llu %llu", (int)r->status, r->findings_total,
		 (unsigned long long)r->counters.transactions, (unsigned long long)r->counters.faults,
		 (unsigned long long)r->counters.msis);
	h = fnv(h, buf);
	for (i = 0; i < r->nfindings; i++) {
		h = fnv(h, r->findings[i].kind);
		h = fnv(h, r->findings[i].message);
		h = fnv(h, r->findings[i].src_file);
	}
	for (i = 0; i < r->nunmet; i++)
		h = fnv(h, r->unmet[i]);
	return h;
}

static void fill_findings(struct hx_cfind *f, uint32_t *nf, const struct hx_result *r)
{
	unsigned int i;

	*nf = 0;
	for (i = 0; i < r->nfindings && *nf < HX_C_FIND; i++) {
		struct hx_cfind *d;
		unsigned int k;

		/* one per kind and source line: the signatures, not every line of one ISR's dump */
		for (k = 0; k < *nf; k++)
			if (!strcmp(f[k].kind, r->findings[i].kind) && !strcmp(f[k].at.file, r->findings[i].src_file) &&
			    f[k].at.line == r->findings[i].src_line)
				break;
		if (k < *nf)
			continue;
		d = &f[(*nf)++];

		snprintf(d->kind, sizeof(d->kind), "%.*s", (int)sizeof(d->kind) - 1, r->findings[i].kind);
		copy_site(&d->at, "", r->findings[i].src_file, r->findings[i].src_func, r->findings[i].src_line);
		d->known = r->findings[i].known[0] != 0;
		snprintf(d->msg, sizeof(d->msg), "%.*s", (int)sizeof(d->msg) - 1, r->findings[i].message);
	}
}

/* ------------------------------------------------------------------ worker side */

struct worker {
	struct hx_campaign *c;
	struct hx_ctarget *tg;
	struct hx_crun **runs;		/* this worker's runs of the target, by fork step */
	unsigned int n, next;
	struct hx_result res;
	bool baseline;
};

static struct hx_crun *g_child;		/* in a run's child: its record */
static struct hx_cbase *g_base;		/* in the baseline child */

static void sig_copy(char *d, size_t len, const char *s)
{
	size_t i;

	for (i = 0; s && s[i] && i + 1 < len; i++)
		d[i] = s[i];
	d[i] = 0;
}

/* Sanitizer builds: a sanitizer's fatal report (UBSan's null member access comes before the SIGSEGV)
 * ends the process through its death callback, where the campaign records the crash too. */
void __sanitizer_set_death_callback(void (*cb)(void)) __attribute__((weak));

/* The innermost frame inside the kernel variant (the driver or the stubs): object and offset of the
 * call (return address - 1) or of the faulting instruction (frame 0 given as pc). */
static void driver_frame(struct hx_crun *r, uintptr_t pc)
{
	void *bt[64];
	Dl_info di;
	int n, i;

	if (pc && dladdr((void *)pc, &di) && di.dli_fname && strstr(di.dli_fname, "libpamusim-linux-")) {
		sig_copy(r->crash_so, sizeof(r->crash_so), di.dli_fname);
		r->crash_off = pc - (uintptr_t)di.dli_fbase;
		return;
	}
	n = backtrace(bt, 64);
	for (i = 0; i < n; i++)
		if (dladdr(bt[i], &di) && di.dli_fname && strstr(di.dli_fname, "libpamusim-linux-")) {
			sig_copy(r->crash_so, sizeof(r->crash_so), di.dli_fname);
			r->crash_off = (uintptr_t)bt[i] - 1 - (uintptr_t)di.dli_fbase;
			return;
		}
	if (pc && dladdr((void *)pc, &di) && di.dli_fname) {
		sig_copy(r->crash_so, sizeof(r->crash_so), di.dli_fname);
		r->crash_off = pc - (uintptr_t)di.dli_fbase;
	}
}

static void record_fired(struct hx_crun *r)
{
	const struct ks_fault_api *kf = hx_run_fault_api();
	const struct ks_fault_site *fs = kf ? kf->fired() : NULL;

	if (fs) {
		sig_copy(r->fired.what, sizeof(r->fired.what), fs->what);
		sig_copy(r->fired.file, sizeof(r->fired.file), fs->file);
		sig_copy(r->fired.func, sizeof(r->fired.func), fs->func);
		r->fired.line = fs->line;
		r->triggered = true;
	}
}

static void sanitizer_death(void)
{
	struct hx_crun *r = g_child;

	if (r && r->state == HX_CR_NONE) {
		r->sig = 0;	/* a sanitizer's report (on stderr), not a signal */
		driver_frame(r, 0);
		record_fired(r);
		r->state = HX_CR_CRASH;
	}
	_exit(70);
}

static void crash_handler(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	struct hx_crun *r = g_child;
	uintptr_t pc = 0;

#if defined(__x86_64__)
	pc = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
#elif defined(__aarch64__)
	pc = (uintptr_t)uc->uc_mcontext.pc;
#else
	(void)uc;
#endif
	if (r && r->state == HX_CR_NONE) {
		r->sig = sig;
		r->crash_addr = (uint64_t)(uintptr_t)si->si_addr;
		/* dladdr and backtrace are not async-signal-safe in general (backtrace is primed before
		 * any fork); the child exits right after, so at worst the crash has no source line */
		driver_frame(r, pc);
		/* the call fail-nth failed, if it fired before the crash (plain copies) */
		record_fired(r);
		r->state = sig == SIGALRM ? HX_CR_TIMEOUT : HX_CR_CRASH;
	}
	_exit(70);
}

static void child_setup(struct hx_crun *r, unsigned int timeout_s)
{
	static char altstack[64 * 1024];
	struct sigaction sa;
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack) };
	int sigs[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGALRM };	/* SIGALRM: --timeout */
	unsigned int i;

	g_child = r;
	if (__sanitizer_set_death_callback) {
		/* GCC links ASan and UBSan as two runtimes, each with its own callback: set both */
		static const char *const rts[] = { "libubsan.so.1", "libasan.so.8", NULL };
		unsigned int k;

		__sanitizer_set_death_callback(sanitizer_death);
		for (k = 0; rts[k]; k++) {
			void *h = dlopen(rts[k], RTLD_NOW | RTLD_NOLOAD);
			void (*set)(void (*)(void)) = h ? (void (*)(void (*)(void)))dlsym(h, "__sanitizer_set_death_callback") :
							    NULL;

			if (set)
				set(sanitizer_death);
			if (h)
				dlclose(h);
		}
	}
	sigaltstack(&ss, NULL);
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = crash_handler;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaction(sigs[i], &sa, NULL);
	alarm(timeout_s);
}

static void child_arm(struct hx_crun *r)
{
	const struct ks_fault_api *kf = hx_run_fault_api();
	struct hx_inj_plan plan;
	char err[240];

	if (kf)
		kf->exit_fast(true);

	if (hx_inject_parse(r->spec, &plan, err, sizeof(err)))
		hx_inject_add(&plan, 0);
	else
		snprintf(r->error, sizeof(r->error), "%.*s", (int)sizeof(r->error) - 1, err);
}

static void wait_child(pid_t pid, struct hx_crun *r, volatile unsigned long *done)
{
	int st = 0;

	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	if (r->state == HX_CR_NONE) {
		if (WIFSIGNALED(st) && WTERMSIG(st) == SIGALRM) {
			r->state = HX_CR_TIMEOUT;
		} else {
			r->state = HX_CR_ERROR;
			snprintf(r->error, sizeof(r->error), "the run's process ended without a result (%s %d)",
				 WIFSIGNALED(st) ? "signal" : "exit status",
				 WIFSIGNALED(st) ? WTERMSIG(st) : WEXITSTATUS(st));
		}
	}
	__atomic_add_fetch(done, 1, __ATOMIC_RELAXED);
}

/* In a run's child, at the end of the run (the variant still loaded): the record, then exit. */
static void run_end(struct worker *w)
{
	const struct ks_fault_api *kf = hx_run_fault_api();
	const struct ks_fault_site *fs = kf ? kf->fired() : NULL;
	struct hx_crun *r = g_child;

	if (!r)
		return;
	fill_findings(r->f, &r->nfind, &w->res);
	r->nunmet = w->res.nunmet;
	r->outcome = outcome_of(&w->res);
	r->trace_hash = w->res.trace_hash;
	r->effects = (uint32_t)hx_inject_effects();
	if (fs) {
		copy_site(&r->fired, fs->what, fs->file, fs->func, fs->line);
		r->triggered = true;
	} else if (!strstr(r->spec, "fail-nth")) {
		r->triggered = r->effects > 0;
	}
	if (w->res.status == HX_ERROR)
		snprintf(r->error, sizeof(r->error), "%.*s", (int)sizeof(r->error) - 1, w->res.error);
	r->state = HX_CR_DONE;
	_exit(0);
}

static void base_end(struct worker *w)
{
	const struct ks_fault_api *kf = hx_run_fault_api();
	struct hx_cbase *b = g_base;
	unsigned long i, n;
	unsigned int k;

	if (kf) {
		b->total_calls = (uint32_t)kf->count();
		n = kf->site_count();
		for (i = 0; i < n; i++) {
			const struct ks_fault_site *s = kf->site(i);

			for (k = 0; k < b->nsites; k++)
				if (b->sites[k].line == s->line && !strcmp(b->sites[k].file, s->file) &&
				    !strcmp(b->sites[k].what, s->what))
					break;
			if (k == b->nsites && b->nsites < HX_C_SITES)
				copy_site(&b->sites[b->nsites++], s->what, s->file, s->func, s->line);
		}
	}
	b->calls_before[b->nsteps + 1] = b->total_calls;
	fill_findings(b->f, &b->nfind, &w->res);
	b->outcome = outcome_of(&w->res);
	b->trace_hash = w->res.trace_hash;
	if (w->res.status == HX_ERROR)
		snprintf(b->error, sizeof(b->error), "%.*s", (int)sizeof(b->error) - 1, w->res.error);
	b->state = HX_CR_DONE;
	_exit(0);
}

static void end_hook(void *ctx)
{
	struct worker *w = ctx;

	if (g_base)
		base_end(w);
	else
		run_end(w);
}

static void step_hook(void *ctx, unsigned int step)
{
	struct worker *w = ctx;
	const struct ks_fault_api *kf;

	if (g_base) {
		kf = hx_run_fault_api();
		if (step == 1 && kf)
			kf->record_sites(true);
		if (step <= HX_MAX_STEPS)
			g_base->calls_before[step] = kf ? (uint32_t)kf->count() : 0;
		return;
	}
	if (g_child) {
		/* a run's process: its kernel's shutdown reports, the exit releases */
		kf = hx_run_fault_api();
		if (kf)
			kf->exit_fast(true);
		return;
	}
	/* the fork server: every run that starts at this step gets a copy of the system as it is now */
	while (w->next < w->n && w->runs[w->next]->fork_step == step) {
		struct hx_crun *r = w->runs[w->next++];
		pid_t pid;

		fflush(NULL);
		pid = fork();
		if (pid == 0) {
			child_setup(r, w->c->timeout_s);
			child_arm(r);
			return;
		}
		if (pid < 0) {
			r->state = HX_CR_ERROR;
			snprintf(r->error, sizeof(r->error), "fork: %s", strerror(errno));
			continue;
		}
		wait_child(pid, r, w->c->done);
	}
}

static void observe(void *ctx, int what, unsigned int step, uint64_t addr)
{
	struct hx_cbase *b = g_base;
	unsigned int i;

	(void)ctx;
	if (!b)
		return;
	if (what == 2) {
		for (i = 0; i < b->nirq; i++)
			if (b->irq_step[i] == step)
				return;
		if (b->nirq < 64)
			b->irq_step[b->nirq++] = step;
		return;
	}
	for (i = 0; i < b->nacc; i++)
		if (b->acc[i].step == step && b->acc[i].addr == addr && b->acc[i].what == (uint32_t)what)
			return;
	if (b->nacc < HX_C_ACC) {
		b->acc[b->nacc].step = step;
		b->acc[b->nacc].what = (uint32_t)what;
		b->acc[b->nacc].addr = addr;
		b->nacc++;
	}
}

static void worker_run(struct worker *w, const struct hx_inj_plan *plan)
{
	struct hx_run_opts o = { .step_hook = step_hook, .end_hook = end_hook, .hook_ctx = w, .inject = plan };

	if (g_base)
		o.observe = observe;
	hx_run(w->c->sc, &w->tg->t, &o, &w->res);
}

/* ------------------------------------------------------------------ baseline */

static bool run_baseline(struct hx_campaign *c, struct hx_ctarget *tg)
{
	struct worker w = { .c = c, .tg = tg, .baseline = true };
	pid_t pid;
	int st;

	tg->base = shared_alloc(sizeof(*tg->base));
	if (!tg->base)
		return false;
	tg->base->nsteps = c->sc->nsteps;
	for (tg->base->boot_step = 0; tg->base->boot_step < c->sc->nsteps; tg->base->boot_step++)
		if (c->sc->steps[tg->base->boot_step].kind == HX_STEP_BOOT)
			break;
	tg->base->boot_step = tg->base->boot_step < c->sc->nsteps ? tg->base->boot_step + 1 : 0;
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		g_base = tg->base;
		alarm(c->timeout_s * 4);
		worker_run(&w, NULL);
		_exit(1);
	}
	if (pid < 0)
		return false;
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	if (tg->base->state != HX_CR_DONE) {
		fprintf(stderr, "pamusim campaign: %s on %s / %s: the run without injection did not complete%s%s\n",
			c->sc->name, tg->soc, tg->kernel, tg->base->error[0] ? ": " : "", tg->base->error);
		return false;
	}
	if (tg->base->error[0]) {
		fprintf(stderr, "pamusim campaign: %s on %s / %s: %s\n", c->sc->name, tg->soc, tg->kernel,
			tg->base->error);
		return false;
	}
	return true;
}

/* ------------------------------------------------------------------ the run list */

static uint64_t mix64(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static uint64_t below(uint64_t *s, uint64_t n)
{
	return n ? mix64(s) % n : 0;
}

static const char *const mix_kinds[] = { "mmio-read", "mmio-drop", "flip", "irq", "latch", "erratum" };
static const char *const latch_regs[] = { "pamu0.PICS", "pamu0.POES1", "pamu0.AVS1", "mpic.EISR0" };

static unsigned int post_boot_step(const struct hx_cbase *b, uint64_t *s)
{
	unsigned int first = b->boot_step ? b->boot_step + 1 : 1;

	if (first > b->nsteps)
		first = b->nsteps;
	return first + (unsigned int)below(s, b->nsteps - first + 1);
}

/* One item of a template, its `*` fields drawn from the run's random stream and the baseline. */
static bool gen_item(const struct hx_campaign *c, const struct hx_cbase *b, const char *tmpl, uint64_t *s,
		     char *out, size_t len)
{
	char kind[24], args[160] = "", step[16] = "";
	const char *colon = strchr(tmpl, ':'), *at = strrchr(tmpl, '@');
	size_t kl = colon ? (size_t)(colon - tmpl) : at ? (size_t)(at - tmpl) : strlen(tmpl);
	bool star_step, want_store;
	unsigned int stp = 0, i, pick = 0, cand = 0;
	uint64_t addr = 0;
	char *kv, *save = NULL, tmp[160];
	size_t pos;

	if (kl >= sizeof(kind))
		return false;
	memcpy(kind, tmpl, kl);
	kind[kl] = 0;
	if (!strcmp(kind, "*"))
		snprintf(kind, sizeof(kind), "%.*s", (int)sizeof(kind) - 1, mix_kinds[below(s, 6)]);
	if (colon) {
		size_t al = at && at > colon ? (size_t)(at - colon - 1) : strlen(colon + 1);

		if (al >= sizeof(args))
			return false;
		memcpy(args, colon + 1, al);
		args[al] = 0;
	}
	if (at)
		snprintf(step, sizeof(step), "%.*s", (int)sizeof(step) - 1, at + 1);
	star_step = !strcmp(step, "*") || !strcmp(tmpl, "*");
	/* a whole `*` item: every field of the kind is random */
	if (!strcmp(tmpl, "*")) {
		if (!strcmp(kind, "mmio-read"))
			snprintf(args, sizeof(args), "reg=*,value=*,count=*");
		else if (!strcmp(kind, "mmio-drop"))
			snprintf(args, sizeof(args), "reg=*,count=*");
		else if (!strcmp(kind, "flip"))
			snprintf(args, sizeof(args), "table=*,index=*,bit=*");
		else if (!strcmp(kind, "irq"))
			snprintf(args, sizeof(args), "mode=*,steps=*");
		else if (!strcmp(kind, "latch"))
			snprintf(args, sizeof(args), "reg=*,value=*");
		else
			snprintf(args, sizeof(args), "state=*");
	}
	/* the step and, for MMIO kinds, a register the driver really accesses at it (baseline) */
	want_store = !strcmp(kind, "mmio-drop");
	if (!strcmp(kind, "mmio-read") || !strcmp(kind, "mmio-drop")) {
		for (i = 0; i < b->nacc; i++)
			if ((b->acc[i].what == 1) == want_store && (b->acc[i].step > b->boot_step || !star_step))
				cand++;
		if (cand) {
			pick = (unsigned int)below(s, cand);
			for (i = 0; i < b->nacc; i++)
				if ((b->acc[i].what == 1) == want_store && (b->acc[i].step > b->boot_step || !star_step) &&
				    !pick--) {
					stp = b->acc[i].step;
					addr = b->acc[i].addr;
					break;
				}
		}
	} else if (!strcmp(kind, "irq") && b->nirq) {
		stp = b->irq_step[below(s, b->nirq)];
	}
	if (!stp)
		stp = !strcmp(kind, "erratum") ? 1 + (unsigned int)below(s, b->nsteps) : post_boot_step(b, s);
	pos = (size_t)snprintf(out, len, "%s", kind);
	for (kv = args[0] ? strtok_r(args, ",", &save) : NULL; kv; kv = strtok_r(NULL, ",", &save)) {
		char *v = strchr(kv, '=');
		const char *key = kv;

		if (!v)
			return false;
		*v++ = 0;
		if (strcmp(v, "*")) {
			snprintf(tmp, sizeof(tmp), "%s=%s", key, v);
		} else if (!strcmp(key, "reg") && !strcmp(kind, "latch")) {
			snprintf(tmp, sizeof(tmp), "reg=%s", latch_regs[below(s, 4)]);
		} else if (!strcmp(key, "reg")) {
			snprintf(tmp, sizeof(tmp), "addr=0x%llx", (unsigned long long)(addr ? addr : 0));
		} else if (!strcmp(key, "value") && !strcmp(kind, "latch")) {
			snprintf(tmp, sizeof(tmp), "value=0x%llx", 1ull << below(s, 32));
		} else if (!strcmp(key, "value")) {
			if (below(s, 2))
				snprintf(tmp, sizeof(tmp), "value=ones");
			else
				snprintf(tmp, sizeof(tmp), "value=0x%llx", (unsigned long long)(mix64(s) & 0xffffffffu));
		} else if (!strcmp(key, "count")) {
			snprintf(tmp, sizeof(tmp), "count=%u", 1 + (unsigned int)below(s, 4));
		} else if (!strcmp(key, "table")) {
			static const char *const tables[] = { "ppaace", "ppaace", "spaace", "omt" };

			snprintf(tmp, sizeof(tmp), "table=%s", tables[below(s, 4)]);
		} else if (!strcmp(key, "index")) {
			if (c->sc->ndevices)
				snprintf(tmp, sizeof(tmp), "index=%s", c->sc->devices[below(s, c->sc->ndevices)].name);
			else
				snprintf(tmp, sizeof(tmp), "index=%u", (unsigned int)below(s, 1024));
		} else if (!strcmp(key, "bit")) {
			snprintf(tmp, sizeof(tmp), "bit=%u", (unsigned int)below(s, 512));
		} else if (!strcmp(key, "mode")) {
			static const char *const modes[] = { "lost", "dup", "delay" };

			snprintf(tmp, sizeof(tmp), "mode=%s", modes[below(s, 3)]);
		} else if (!strcmp(key, "steps")) {
			snprintf(tmp, sizeof(tmp), "steps=%u", 1 + (unsigned int)below(s, 3));
		} else if (!strcmp(key, "state")) {
			snprintf(tmp, sizeof(tmp), "state=%s", below(s, 2) ? "on" : "off");
		} else if (!strcmp(key, "n")) {
			snprintf(tmp, sizeof(tmp), "n=%llu", 1 + (unsigned long long)below(s, b->total_calls));
		} else if (!strcmp(key, "bit")) {
			snprintf(tmp, sizeof(tmp), "bit=%u", (unsigned int)below(s, 512));
		} else {
			return false;
		}
		if (!strcmp(kind, "irq") && !strcmp(key, "steps") && !strstr(out, "delay"))
			continue;
		pos += (size_t)snprintf(out + pos, pos < len ? len - pos : 0, "%s%s", pos == strlen(kind) ? ":" : ",",
					tmp);
	}
	if (!strcmp(kind, "irq") && strstr(out, "mode=") && !strstr(out, "delay") && strstr(out, "steps="))
		return false;
	if (step[0] && strcmp(step, "*"))
		pos += (size_t)snprintf(out + pos, pos < len ? len - pos : 0, "@%s", step);
	else if (star_step)
		pos += (size_t)snprintf(out + pos, pos < len ? len - pos : 0, "@%u", stp);
	return pos < len;
}

static bool gen_spec(const struct hx_campaign *c, const struct hx_cbase *b, uint64_t run, char *out, size_t len)
{
	uint64_t s = c->seed * 0x2545f4914f6cdd1dull + run;
	char tmpl[512], *item, *save = NULL, one[HX_INJ_SPEC_LEN];
	size_t pos = 0;

	snprintf(tmpl, sizeof(tmpl), "%.*s", (int)sizeof(tmpl) - 1, strcmp(c->inject, "mix") ? c->inject : "*");
	out[0] = 0;
	for (item = strtok_r(tmpl, ";", &save); item; item = strtok_r(NULL, ";", &save)) {
		if (!gen_item(c, b, item, &s, one, sizeof(one)))
			return false;
		pos += (size_t)snprintf(out + pos, pos < len ? len - pos : 0, "%s%s", pos ? ";" : "", one);
	}
	return pos < len;
}

static unsigned int fork_step_of(const struct hx_cbase *b, const struct hx_inj_plan *p)
{
	unsigned int i, s, best = b->nsteps ? b->nsteps : 1;

	for (i = 0; i < p->n; i++) {
		unsigned int at = p->it[i].at ? p->it[i].at : 1;

		if (p->it[i].kind == HX_INJ_FAIL_NTH) {
			/* the step during which call n happens: the latest snapshot before it */
			for (s = 1, at = 1; s <= b->nsteps; s++)
				if (b->calls_before[s] < p->it[i].n)
					at = s;
		}
		if (at < best)
			best = at;
	}
	/* an injection past the last step forks at the last step (it then has no effect, as from scratch) */
	if (b->nsteps && best > b->nsteps)
		best = b->nsteps;
	return best ? best : 1;
}

static int cmp_fork(const void *a, const void *b)
{
	const struct hx_crun *x = *(struct hx_crun *const *)a, *y = *(struct hx_crun *const *)b;

	if (x->fork_step != y->fork_step)
		return x->fork_step < y->fork_step ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

static bool plan_runs(struct hx_campaign *c)
{
	unsigned int t, total = 0, g = 0;
	uint64_t i;

	for (t = 0; t < c->ntargets; t++) {
		struct hx_cbase *b = c->targets[t].base;

		if (c->fail_nth) {
			uint64_t last = c->to ? c->to : (uint64_t)b->total_calls + 1;

			if (last - c->from + 1 > c->cap)
				last = c->from + c->cap - 1;
			c->targets[t].nruns = last >= c->from ? (uint32_t)(last - c->from + 1) : 0;
		} else {
			c->targets[t].nruns = c->runs;
		}
		total += c->targets[t].nruns;
	}
	c->runs_v = shared_alloc(sizeof(struct hx_crun) * (total ? total : 1) + sizeof(unsigned long));
	if (!c->runs_v)
		return false;
	c->done = (volatile unsigned long *)(c->runs_v + (total ? total : 1));
	c->nruns = 0;
	for (t = 0; t < c->ntargets; t++) {
		struct hx_cbase *b = c->targets[t].base;

		for (i = 0; i < c->targets[t].nruns; i++, g++) {
			struct hx_crun *r;
			struct hx_inj_plan plan;
			char err[240];

			if (c->shard_n > 1 && g % c->shard_n != c->shard_k - 1)
				continue;
			r = &c->runs_v[c->nruns++];
			r->target = t;
			r->index = (uint32_t)i;
			if (c->fail_nth)
				snprintf(r->spec, sizeof(r->spec), "fail-nth:n=%llu", (unsigned long long)(c->from + i));
			else if (!gen_spec(c, b, i, r->spec, sizeof(r->spec))) {
				fprintf(stderr, "pamusim campaign: --inject %s: cannot draw the fields of this template "
					"(docs/campaigns.md)\n", c->inject);
				return false;
			}
			if (!hx_inject_parse(r->spec, &plan, err, sizeof(err))) {
				fprintf(stderr, "pamusim campaign: --inject: run %llu: %s\n", (unsigned long long)i, err);
				return false;
			}
			r->fork_step = fork_step_of(b, &plan);
		}
	}
	return true;
}

/* ------------------------------------------------------------------ execution */

static void progress(struct hx_campaign *c, const struct timespec *t0, bool last)
{
	struct timespec now;
	double el, rate;
	unsigned long d = *c->done;
	unsigned int i, bad = 0;

	if (!c->progress)
		return;
	/* runs with a new finding so far (a crash before it is symbolized counts too) */
	for (i = 0; i < c->nruns; i++)
		if (c->runs_v[i].state == HX_CR_CRASH ||
		    (c->runs_v[i].state != HX_CR_NONE && hx_crun_first_bad(c, &c->runs_v[i], false) >= 0))
			bad++;
	clock_gettime(CLOCK_MONOTONIC, &now);
	el = (double)(now.tv_sec - t0->tv_sec) + (double)(now.tv_nsec - t0->tv_nsec) / 1e9;
	rate = el > 0 ? (double)d / el : 0;
	fprintf(stderr, "\r%lu/%u runs, %.0f runs/s, %u with findings so far, ETA %.0f s   %s", d, c->nruns, rate, bad,
		rate > 0 ? (double)(c->nruns - d) / rate : 0.0, last ? "\n" : "");
	fflush(stderr);
}

/* One worker process: its share of one target's runs. */
static void worker_main(struct hx_campaign *c, struct hx_ctarget *tg, struct hx_crun **mine, unsigned int n)
{
	struct worker w = { .c = c, .tg = tg, .runs = mine, .n = n };
	unsigned int i;

	qsort(mine, n, sizeof(*mine), cmp_fork);
	if (c->no_fork_server) {
		/* every run from scratch: fork, then the whole scenario with the injection armed from step 1 */
		for (i = 0; i < n; i++) {
			struct hx_inj_plan plan;
			char err[240];
			pid_t pid;

			fflush(NULL);
			pid = fork();
			if (pid == 0) {
				child_setup(mine[i], c->timeout_s);
				if (!hx_inject_parse(mine[i]->spec, &plan, err, sizeof(err)))
					_exit(2);
				worker_run(&w, &plan);
				_exit(3);
			}
			if (pid > 0)
				wait_child(pid, mine[i], c->done);
		}
		_exit(0);
	}
	worker_run(&w, NULL);
	/* the scenario ended before some fork step (it cannot, the baseline reached every step) */
	for (; w.next < w.n; w.next++) {
		w.runs[w.next]->state = HX_CR_ERROR;
		snprintf(w.runs[w.next]->error, sizeof(w.runs[w.next]->error), "the fork server never reached step %u",
			 w.runs[w.next]->fork_step);
	}
	_exit(0);
}

bool hx_campaign_execute(struct hx_campaign *c)
{
	struct timespec t0;
	unsigned int t, i, j;
	void *prime[2];

	/* load the unwinder once here: every run's child inherits it (never loaded in a signal handler) */
	backtrace(prime, 2);

	hx_known_warn();
	for (t = 0; t < c->ntargets; t++)
		if (!run_baseline(c, &c->targets[t]))
			return false;
	if (!plan_runs(c))
		return false;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (t = 0; t < c->ntargets; t++) {
		unsigned int nw = c->jobs ? c->jobs : 1, alive = 0;
		struct hx_crun **mine = calloc(c->nruns + 1, sizeof(*mine));
		pid_t pids[64];

		if (!mine)
			return false;
		if (nw > 64)
			nw = 64;
		for (j = 0; j < nw; j++) {
			unsigned int n = 0, k = 0;
			pid_t pid;

			/* round robin over this target's runs: worker j takes every nw-th */
			for (i = 0; i < c->nruns; i++)
				if (c->runs_v[i].target == t && k++ % nw == j)
					mine[n++] = &c->runs_v[i];
			if (!n)
				continue;
			fflush(NULL);
			pid = fork();
			if (pid == 0)
				worker_main(c, &c->targets[t], mine, n);
			if (pid > 0)
				pids[alive++] = pid;
		}
		while (alive) {
			int st;
			pid_t p = waitpid(-1, &st, WNOHANG);

			if (p > 0) {
				for (j = 0; j < alive; j++)
					if (pids[j] == p)
						pids[j] = pids[--alive];
				continue;
			}
			if (p < 0 && errno != EINTR)
				break;
			progress(c, &t0, false);
			usleep(c->progress ? 100000 : 2000);
		}
		free(mine);
	}
	progress(c, &t0, true);
	return true;
}

/* ------------------------------------------------------------------ judging */

static void short_path(char *out, size_t len, const char *path)
{
	const char *p = strstr(path, "/tree/");

	if (!p)
		p = strstr(path, "ks_tree/");
	if (p)
		p = strchr(p + 1, '/') + 1;
	else
		p = (p = strrchr(path, '/')) ? p + 1 : path;
	snprintf(out, len, "%s", p);
}

/* addr2line -f -i: the innermost function and its file:line for a crash address. */
static void symbolize(struct hx_crun *r, const char *kernel)
{
	char cmd[512], fn[128] = "?", loc[512] = "?:0", file[160];
	struct hx_cfind *f = &r->f[0];
	const struct hx_known *km;
	char *colon;
	FILE *p;
	int line = 0;

	if (r->crash_so[0] && !strchr(r->crash_so, '\'')) {
		snprintf(cmd, sizeof(cmd), "addr2line -f -i -e '%s' 0x%llx 2>/dev/null", r->crash_so,
			 (unsigned long long)r->crash_off);
		p = popen(cmd, "r");
		if (p) {
			if (fgets(fn, sizeof(fn), p) && fgets(loc, sizeof(loc), p)) {
				fn[strcspn(fn, "\n")] = 0;
				loc[strcspn(loc, "\n")] = 0;
			}
			pclose(p);
		}
	}
	colon = strrchr(loc, ':');
	if (colon) {
		*colon = 0;
		line = atoi(colon + 1);
	}
	short_path(file, sizeof(file), loc);
	memmove(&r->f[1], &r->f[0], sizeof(r->f[0]) * (HX_C_FIND - 1));
	if (r->nfind < HX_C_FIND)
		r->nfind++;
	memset(f, 0, sizeof(*f));
	snprintf(f->kind, sizeof(f->kind), "%s", r->state == HX_CR_TIMEOUT ? "hang" : "driver-crash");
	copy_site(&f->at, "", file, fn, line);
	if (r->state == HX_CR_TIMEOUT)
		snprintf(f->msg, sizeof(f->msg), "hang: still running after the timeout, in %.32s (%.40s:%d)", fn, file,
			 line);
	else if (r->sig)
		snprintf(f->msg, sizeof(f->msg), "crash: signal %d (%.24s) at address 0x%llx in %.32s (%.40s:%d)",
			 r->sig, strsignal(r->sig), (unsigned long long)r->crash_addr, fn, file, line);
	else
		snprintf(f->msg, sizeof(f->msg), "crash: a sanitizer's fatal report (on stderr) in %.32s (%.40s:%d)", fn,
			 file, line);
	km = hx_known_match(kernel, f->at.file, f->at.func, f->kind);
	f->known = km != NULL;
}

static bool in_base(const struct hx_cbase *b, const struct hx_cfind *f)
{
	unsigned int i;

	for (i = 0; i < b->nfind; i++)
		if (!strcmp(b->f[i].kind, f->kind) && !strcmp(b->f[i].at.file, f->at.file) &&
		    b->f[i].at.line == f->at.line)
			return true;
	return false;
}

static bool traffic_kind(const char *k)
{
	static const char *const kinds[] = { "isolation-violation", "unexpected-fault", "missing-fault",
					     "msi-misdelivery", "stale-translation", NULL };
	unsigned int i;

	for (i = 0; kinds[i]; i++)
		if (!strcmp(kinds[i], k))
			return true;
	return false;
}

/* The first finding of a run that makes it a campaign finding (-1 none; HX_C_FIND: a timeout/error). */
int hx_crun_first_bad(const struct hx_campaign *c, const struct hx_crun *r, bool with_known)
{
	const struct hx_cbase *b = c->targets[r->target].base;
	unsigned int i;

	if (r->state == HX_CR_ERROR || (r->state == HX_CR_TIMEOUT && !r->nfind))
		return HX_C_FIND;
	for (i = 0; i < r->nfind; i++) {
		if ((!with_known && r->f[i].known) || in_base(b, &r->f[i]))
			continue;
		/* the kernel returned an error to the scenario, which went on with its traffic anyway: what the
		 * traffic then does is the scenario's doing, not the driver's (docs/campaigns.md) */
		if (r->nunmet && traffic_kind(r->f[i].kind))
			continue;
		return (int)i;
	}
	return -1;
}

void hx_campaign_judge(struct hx_campaign *c)
{
	unsigned int i;

	for (i = 0; i < c->nruns; i++) {
		struct hx_crun *r = &c->runs_v[i];
		const struct hx_cbase *b = c->targets[r->target].base;

		if (r->state == HX_CR_CRASH || (r->state == HX_CR_TIMEOUT && r->crash_so[0]))
			symbolize(r, c->targets[r->target].kernel);
		r->changed = r->state != HX_CR_DONE || r->outcome != b->outcome;
		r->bad = hx_crun_first_bad(c, r, false) >= 0;
	}
}

void hx_crun_signature(const struct hx_campaign *c, const struct hx_crun *r, char *buf, size_t len)
{
	int k = hx_crun_first_bad(c, r, true);
	const char *site = r->fired.file[0] ? r->fired.file : "";
	char inj[48];

	/* the call site: the failed call (fail-nth), else what the injection hit (kind and first field) */
	snprintf(inj, sizeof(inj), "%.*s", (int)strcspn(r->spec, ",@;"), r->spec);
	if (k < 0) {
		snprintf(buf, len, "none");
	} else if (k == HX_C_FIND) {
		snprintf(buf, len, "%s|-|%s:%d %s", r->state == HX_CR_TIMEOUT ? "hang" : "error", site,
			 r->fired.line, site[0] ? r->fired.what : inj);
	} else {
		snprintf(buf, len, "%s|%s:%d|%s:%d %s", r->f[k].kind, r->f[k].at.file, r->f[k].at.line, site,
			 r->fired.line, site[0] ? r->fired.what : inj);
	}
}

bool hx_campaign_rerun(struct hx_campaign *c, unsigned int target, const char *spec, struct hx_crun *out)
{
	struct hx_crun *r = shared_alloc(sizeof(*r) + sizeof(unsigned long));
	struct worker w = { .c = c, .tg = &c->targets[target] };
	struct hx_inj_plan plan;
	char err[240];
	pid_t pid;

	if (!r || !hx_inject_parse(spec, &plan, err, sizeof(err)))
		return false;
	r->target = target;
	snprintf(r->spec, sizeof(r->spec), "%.*s", (int)sizeof(r->spec) - 1, spec);
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		child_setup(r, c->timeout_s);
		worker_run(&w, &plan);
		_exit(3);
	}
	if (pid < 0) {
		munmap(r, sizeof(*r) + sizeof(unsigned long));
		return false;
	}
	wait_child(pid, r, (volatile unsigned long *)(r + 1));
	if (r->state == HX_CR_CRASH || (r->state == HX_CR_TIMEOUT && r->crash_so[0]))
		symbolize(r, c->targets[target].kernel);
	*out = *r;
	munmap(r, sizeof(*r) + sizeof(unsigned long));
	return true;
}
