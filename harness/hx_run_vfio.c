// SPDX-License-Identifier: BSD-2-Clause
/*
 * hx_run_vfio.c - the runner's `vfio:` steps and their oracle: compiled as part of hx_run.c (included
 * there, it shares the runner's state and the DMA oracle; never built on its own). Each step is one call
 * of a VFIO user program through ks_api (ABI 8) on the windowed backend; its return code is checked
 * against `expect: {rc: ...}`; with `clause:` a mismatch is a `contract-violation` finding instead of an
 * unmet step. The intent model learns IOVA -> user pages -> DRAM and the MSI banks each container mapped.
 * Grammar: docs/scenarios.md ("VFIO steps"); behaviour and choices: docs/vfio.md.
 */

static struct hx_vfio_cont *vc_find(struct runner *rn, const char *name)
{
	unsigned int i;

	for (i = 0; i < rn->vf.nc; i++)
		if (rn->vf.c[i].live && !strcmp(rn->vf.c[i].name, name))
			return &rn->vf.c[i];
	return NULL;
}

static struct hx_vfio_buf *vb_find(struct runner *rn, const char *name)
{
	unsigned int i;

	for (i = 0; i < rn->vf.nb; i++)
		if (!strcmp(rn->vf.b[i].name, name))
			return &rn->vf.b[i];
	return NULL;
}

static const char *errno_text(long v, char *buf, size_t cap)
{
	snprintf(buf, cap, "%ld", v);
	return buf;
}

/* An expectation that did not hold: a contract-violation finding when the step names a clause, else
 * an unmet expectation. */
static void vfio_mismatch(struct runner *rn, const struct hx_vfio_step *v, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void vfio_mismatch(struct runner *rn, const struct hx_vfio_step *v, const char *fmt, ...)
{
	char msg[260];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (v->clause[0]) {
		/* known or not is decided by the judge, from the clause entries of kernel-stubs/known-findings.yaml
		 * (docs/windowed-iommu-contract.md, "How a clause is judged") */
		trace(rn, "contract-violation clause %s step %d: %s", v->clause, rn->step, msg);
		hx_result_add(rn->r, "contract-violation", rn->step, "", -1, false, 0, rn->time,
			      "clause %s: %s (trace step %d)", v->clause, msg, rn->step);
	} else {
		unmet(rn, "%s", msg);
	}
}

/* rc: the call's result, checked against the step's expectation (without one: 0, or any count >= 0 for
 * count ops); returns whether the kernel reported success, which is what the intent follows. */
static bool vfio_rc(struct runner *rn, const struct hx_vfio_step *v, const char *what, long rc, bool count)
{
	bool ok = count ? rc >= 0 : rc == 0;	/* what the kernel told the user: the intent follows it */
	char a[24], b[24];
	long want = v->rc;

	trace(rn, "vfio %s -> rc %ld", what, rc);
	ks_collect(rn);
	if (v->rc_banks)
		want = (long)mpic_get_cfg(rn->mpic)->bank_count;
	if (v->rc_any)
		return ok;
	if (!v->has_rc) {
		if (!ok)
			vfio_mismatch(rn, v, "vfio %s: expected rc %s, got %s", what, count ? ">= 0" : "0",
				      errno_text(rc, b, sizeof(b)));
		return ok;
	}
	if (v->rc_error) {
		if (rc >= 0)
			vfio_mismatch(rn, v, "vfio %s: expected an error (the call refused), got %s", what,
				      errno_text(rc, b, sizeof(b)));
		return ok;
	}
	if (rc != want)
		vfio_mismatch(rn, v, "vfio %s: expected rc %s, got %s", what, errno_text(want, a, sizeof(a)),
			      errno_text(rc, b, sizeof(b)));
	return ok;
}

static long ks_rc(enum ks_status s, int err)
{
	if (s == KS_OK)
		return 0;
	return err ? err : -1;
}

/* the kernel name of a runner device: its tree path, or pci:<n> */
static bool vfio_kdev(struct runner *rn, const struct hx_step *st, int *d, char *kdev, size_t cap)
{
	const struct rdev *rd;
	unsigned int j;

	*d = st->pci >= 0 ? pci_dev(rn, st->pci) : st->device;
	if (*d < 0)
		return false;
	if (st->pci >= 0) {
		snprintf(kdev, cap, "pci:%d", st->pci);
		return true;
	}
	rd = &rn->devs[*d];
	for (j = 0; j < soc_device_count(rn->soc); j++)
		if (soc_get_device(rn->soc, j)->liodn[0] == rd->liodn && soc_get_device(rn->soc, j)->pamu == rd->pamu) {
			snprintf(kdev, cap, "%s", soc_get_device(rn->soc, j)->path);
			return true;
		}
	unmet(rn, "vfio: %s is not a tree device (a bare LIODN has no IOMMU group)", rd->d->name);
	return false;
}

static void vfio_grant(struct runner *rn, struct hx_vfio_cont *c, int d, bool on)
{
	struct rdev *rd = &rn->devs[d];

	rd->in.set = true;
	rd->in.valid = on;
	rd->in.nwin = 0;
	rd->in.vc = on ? c : NULL;
	if (on)
		c->devs |= 1u << d;
	else
		c->devs &= ~(1u << d);
}

/* The banks page p (physical) reaches. */
static uint32_t page_reach(struct runner *rn, uint64_t p)
{
	uint64_t mb = mpic_phys(rn);
	struct mpic_page_reach r;

	if (p < mb || p >= mb + MPIC_WINDOW_SIZE)
		return 0;
	mpic_page_reach(rn->mpic, (uint32_t)(p - mb), &r);
	return r.msiir_banks;
}

/* After a DMA of a container's device went through: an MSI it set in a bank its container does not own
 * is an isolation violation (the P4080 case: the page it mapped reaches other banks' MSIIRs). */
static bool vfio_msi_hook(struct runner *rn, const struct rdev *rd, uint64_t addr, const struct dma_out *out)
{
	const struct hx_vfio_cont *c = rd->in.vc;
	unsigned int i;

	for (i = 0; i < out->nhits; i++) {
		if (c->banks & (1u << out->hits[i].bank))
			continue;
		hx_result_add(rn->r, "isolation-violation", rn->step, rd->d->name, (int32_t)rd->liodn, true,
			      out->res.paddr, rn->time, "%s (LIODN %u) of container %s wrote at 0x%llx, through a page its "
			      "container mapped, the MSIIR of MSI bank %u (msir %u bits 0x%08x), a bank %s does not own "
			      "(owns 0x%x): the page reaches banks 0x%x", rd->d->name, rd->liodn, c->name,
			      (unsigned long long)addr, out->hits[i].bank, out->hits[i].msir, out->hits[i].bits, c->name,
			      c->banks, page_reach(rn, out->res.paddr));
		return true;
	}
	return false;
}

/* The run's record of a container's MSI maps: the one at iova (or all) is no longer mapped. */
static void vfio_rec_end(struct runner *rn, const struct hx_vfio_cont *c, uint64_t iova, bool all)
{
	unsigned int i;

	for (i = 0; i < rn->r->nvfio_maps; i++) {
		struct hx_vfio_map_rec *rec = &rn->r->vfio_maps[i];

		if (rec->live_at_end && !strcmp(rec->container, c->name) && (all || rec->iova == iova))
			rec->live_at_end = false;
	}
}

static void vfio_fill_req(const struct hx_vfio_step *v, struct ks_vfio_req *q, enum ks_vfio_op op)
{
	memset(q, 0, sizeof(*q));
	q->op = op;
	q->argsz = v->argsz;
	q->bad_user_ptr = v->bad_pointer;
	q->flags = v->has_flags ? v->flags : (v->r ? KS_VFIO_FLAG_READ : 0) | (v->w ? KS_VFIO_FLAG_WRITE : 0);
	q->iova = v->iova;
	q->size = v->size;
}

static void vfio_map(struct runner *rn, const struct hx_step *st, struct hx_vfio_cont *c, const char *what)
{
	const struct hx_vfio_step *v = st->vfio;
	struct hx_vfio_buf *b = vb_find(rn, v->buffer);
	struct ks_vfio_req q;
	uint64_t size, off, phys;
	long rc = 0;

	if (!b) {
		unmet(rn, "%s: no buffer %s (user-alloc first)", what, v->buffer);
		return;
	}
	size = v->size ? v->size : b->size - (v->offset < b->size ? v->offset : b->size);
	vfio_fill_req(v, &q, KS_VFIO_MAP_DMA);
	q.vaddr = b->va + v->offset;
	q.size = size;
	rn->ks->vfio_ioctl(c->id, &q, &rc);
	if (!vfio_rc(rn, v, what, rc, false))
		return;
	/* the intent: exactly what the user asked, page by page, through the process's page table */
	for (off = 0; off < size; off += 4096) {
		int err = 0;

		if (rn->ks->vfio_user_phys(q.vaddr + off, &phys, &err) != KS_OK) {
			unmet(rn, "%s: user address 0x%llx has no page, yet the map succeeded", what,
			      (unsigned long long)(q.vaddr + off));
			return;
		}
		if (!hx_vfio_ext_add(c, v->iova + off, size - off < 4096 ? size - off : 4096, phys, v->r, v->w)) {
			unmet(rn, "%s: the harness tracks at most %u extents per container", what, HX_VFIO_MAX_EXT);
			return;
		}
	}
	trace(rn, "vfio intent %s: iova 0x%llx size 0x%llx -> user 0x%llx", c->name, (unsigned long long)v->iova,
	      (unsigned long long)size, (unsigned long long)q.vaddr);
}

static void vfio_msi_map(struct runner *rn, const struct hx_step *st, struct hx_vfio_cont *c, const char *what)
{
	const struct hx_vfio_step *v = st->vfio;
	struct ks_vfio_req q;
	struct hx_vfio_msimap *m;
	uint64_t addr = 0, size = 0;
	unsigned int i, k;
	long rc = 0;
	int err = 0;

	vfio_fill_req(v, &q, KS_VFIO_MAP_MSI_BANK);
	q.bank = v->bank;
	rn->ks->vfio_ioctl(c->id, &q, &rc);
	if (!vfio_rc(rn, v, what, rc, false))
		return;
	if (rn->ks->vfio_msi_region(v->bank, &addr, &size, &err) != KS_OK) {
		/* the backend said done for a bank with no region (its own lookup failed and the ioctl dropped
		 * the error): nothing was mapped, nothing to grant; the rc check above judged the answer */
		trace(rn, "%s: rc 0 but the MSI-region API has no region %u (errno %d): no intent change", what,
		      v->bank, err);
		return;
	}
	if (c->nmsi == HX_VFIO_MAX_MSI) {
		unmet(rn, "%s: the harness tracks at most %u MSI pages per container", what, HX_VFIO_MAX_MSI);
		return;
	}
	m = &c->msi[c->nmsi++];
	m->iova = v->iova & ~4095ull;
	m->bank = v->bank;
	m->page = addr & ~4095ull;
	m->reach = page_reach(rn, m->page);
	m->r = v->r;
	m->w = v->w;
	c->banks |= 1u << v->bank;
	if (rn->r->nvfio_maps < HX_MAX_VFIO_MAPS) {
		struct hx_vfio_map_rec *rec = &rn->r->vfio_maps[rn->r->nvfio_maps++];

		snprintf(rec->container, sizeof(rec->container), "%s", c->name);
		rec->bank = v->bank;
		rec->page = m->page;
		rec->iova = m->iova;
		rec->step = rn->step;
		rec->live_at_end = true;
	}
	trace(rn, "vfio intent %s: msi bank %u page 0x%llx at iova 0x%llx reaches banks 0x%x", c->name, v->bank,
	      (unsigned long long)m->page, (unsigned long long)m->iova, m->reach);
	/* two containers must not share a bank: through the banks their MSI pages reach */
	for (i = 0; i < rn->vf.nc; i++) {
		const struct hx_vfio_cont *o = &rn->vf.c[i];

		if (o == c || !o->live)
			continue;
		for (k = 0; k < o->nmsi; k++) {
			uint32_t shared = (o->msi[k].reach | (1u << o->msi[k].bank)) & (m->reach | (1u << m->bank));

			if (!shared)
				continue;
			hx_result_add(rn->r, "isolation-violation", rn->step, "", -1, true, m->page, rn->time,
				      "containers %s and %s share MSI bank(s) 0x%x: %s's page 0x%llx (bank %u) and %s's page "
				      "0x%llx (bank %u) reach them", o->name, c->name, shared, c->name,
				      (unsigned long long)m->page, m->bank, o->name, (unsigned long long)o->msi[k].page,
				      o->msi[k].bank);
			return;
		}
	}
}

/* The device writes its MSI: the message address the VFIO user programmed (iova + the bank's MSIIR offset
 * in the page), the data word for msir/bit of that bank's kind. */
static void vfio_msi_send(struct runner *rn, const struct hx_step *st, struct hx_vfio_cont *c, const char *what)
{
	const struct hx_vfio_step *v = st->vfio;
	const struct mpic_cfg *mc = mpic_get_cfg(rn->mpic);
	uint32_t dw, tgt;
	uint64_t addr;
	uint8_t data[4];
	struct dma_out out;
	bool own = false, other = false;
	unsigned int i;
	char kdev[HX_TEXT_LEN];
	int d;

	if (!vfio_kdev(rn, st, &d, kdev, sizeof(kdev)))
		return;
	if (v->bank >= mc->bank_count) {
		unmet(rn, "%s: the SoC has %u MSI banks, found bank %u", what, mc->bank_count, v->bank);
		return;
	}
	tgt = mpic_msi_target(rn->mpic, v->bank);
	addr = v->iova + (v->has_offset ? v->offset : (tgt & 4095u));
	dw = mc->banks[v->bank].kind == MPIC_MSI_V1 ? (v->msir << 5 | v->bit) : (v->bit << 4 | v->msir);
	for (i = 0; i < 4; i++)
		data[i] = (uint8_t)(dw >> (8 * i));
	trace(rn, "%s: %s writes 0x%08x at iova 0x%llx", what, rn->devs[d].d->name, dw, (unsigned long long)addr);
	dma(rn, d, addr, 4, PAMU_OP_WRITE, data, v->msi == HX_VMSI_BLOCKED ? HX_EXPECT_FAULT : HX_EXPECT_ANY, &out);
	for (i = 0; i < out.nhits; i++) {
		uint32_t want = out.hits[i].bank == v->bank && out.hits[i].msir == v->msir ? 1u << v->bit : 0;

		/* delivered to the container's handler: the bank is one it owns */
		if ((out.hits[i].bits & want) && (c->banks & (1u << out.hits[i].bank)))
			own = true;
		if (out.hits[i].bits & ~want)
			other = true;
	}
	/* a finding the DMA raised already says what went wrong, except on a conformance step, whose clause
	 * must be named (contract-violation) */
	if (v->msi == HX_VMSI_ANY || (out.raised && !v->clause[0]))
		return;
	if (out.blocked) {
		if (v->msi == HX_VMSI_DELIVERED)
			vfio_mismatch(rn, v, "%s: expected delivery to bank %u msir %u bit %u, the PAMU blocked it (%s)",
				      what, v->bank, v->msir, v->bit, pamu_fault_name(out.res.fault));
		return;
	}
	if (v->msi == HX_VMSI_BLOCKED) {
		vfio_mismatch(rn, v, "%s: expected the write to be blocked, it went through to 0x%llx", what,
			      (unsigned long long)out.res.paddr);
		return;
	}
	if (!own || other)
		hx_result_add(rn->r, "msi-misdelivery", rn->step, rn->devs[d].d->name, (int32_t)rn->devs[d].liodn, true,
			      out.res.paddr, rn->time, "%s's MSI for bank %u msir %u bit %u (container %s) %s", rn->devs[d].d->name,
			      v->bank, v->msir, v->bit, c->name, !out.nhits ? "was lost: no MSIR bit was set" :
			      own ? "also reached another handler" : "did not reach its container's handler");
}

static void vfio_attr(struct runner *rn, const struct hx_step *st, struct hx_vfio_cont *c, const char *what)
{
	const struct hx_vfio_step *v = st->vfio;
	struct ks_vfio_req q;
	long rc = 0;

	vfio_fill_req(v, &q, v->op == HX_VFIO_SET_ATTR ? KS_VFIO_SET_ATTR : KS_VFIO_GET_ATTR);
	q.attr = (enum ks_vfio_attr)v->attr;
	q.aperture_start = v->start;
	q.aperture_end = v->end;
	q.windows = v->count;
	q.stash_cpu = v->cpu;
	q.stash_cache = v->cache;
	rn->ks->vfio_ioctl(c->id, &q, &rc);
	if (!vfio_rc(rn, v, what, rc, false) || v->op == HX_VFIO_SET_ATTR)
		return;
	trace(rn, "%s: aperture 0x%llx..0x%llx windows %u stash cpu %u cache %u", what,
	      (unsigned long long)q.aperture_start, (unsigned long long)q.aperture_end, q.windows, q.stash_cpu,
	      q.stash_cache);
	if (v->has_estart && q.aperture_start != v->estart)
		vfio_mismatch(rn, v, "%s: expected aperture start 0x%llx, got 0x%llx", what,
			      (unsigned long long)v->estart, (unsigned long long)q.aperture_start);
	if (v->has_eend && q.aperture_end != v->eend)
		vfio_mismatch(rn, v, "%s: expected aperture end 0x%llx, got 0x%llx", what, (unsigned long long)v->eend,
			      (unsigned long long)q.aperture_end);
	if (v->has_ecount && q.windows != v->ecount)
		vfio_mismatch(rn, v, "%s: expected %u windows, got %u", what, v->ecount, q.windows);
	if (v->has_ecpu && q.stash_cpu != v->ecpu)
		vfio_mismatch(rn, v, "%s: expected stash cpu %u, got %u", what, v->ecpu, q.stash_cpu);
	if (v->has_ecache && q.stash_cache != v->ecache)
		vfio_mismatch(rn, v, "%s: expected stash cache %u, got %u", what, v->ecache, q.stash_cache);
}

static void vfio_mm(struct runner *rn, const struct hx_vfio_step *v)
{
	struct ks_vfio_mm mm;

	rn->ks->vfio_mm_stats(&mm);
	if (v->has_memlock || v->has_cap)
		rn->ks->vfio_mm_set_limits(v->has_memlock ? v->memlock : mm.memlock, v->has_cap ? v->cap : mm.cap_ipc_lock);
	trace(rn, "vfio mm locked_vm %ld pinned %lu mapped %lu work run %lu", mm.locked_vm, mm.pinned, mm.mapped,
	      mm.work_run);
	if (v->has_locked && mm.locked_vm != v->locked)
		vfio_mismatch(rn, v, "vfio mm: expected locked_vm %lld pages, got %ld", v->locked, mm.locked_vm);
	if (v->has_pinned && mm.pinned != v->pinned)
		vfio_mismatch(rn, v, "vfio mm: expected %llu pinned user pages, got %lu", (unsigned long long)v->pinned,
			      mm.pinned);
}

static void step_vfio(struct runner *rn, const struct hx_step *st)
{
	const struct hx_vfio_step *v = st->vfio;
	const struct ks_api *ks = rn->ks;
	struct hx_vfio_cont *c = NULL;
	struct ks_vfio_req q;
	char what[200], kdev[HX_TEXT_LEN];
	enum ks_status s;
	long rc = 0;
	int err = 0, d;

	if (!linux_live(rn, "vfio"))
		return;
	snprintf(what, sizeof(what), "%s %s", hx_vfio_op_name(v->op), v->container[0] ? v->container : v->buffer);
	if (v->op == HX_VFIO_OPEN) {
		struct hx_vfio_cont *n;

		if (vc_find(rn, v->container) || rn->vf.nc == HX_VFIO_MAX_CONT) {
			unmet(rn, "vfio %s: a live container of that name exists, or too many containers", what);
			return;
		}
		n = &rn->vf.c[rn->vf.nc];
		memset(n, 0, sizeof(*n));
		snprintf(n->name, sizeof(n->name), "%s", v->container);
		s = ks->vfio_open(v->type, &n->id, &err);
		if (s == KS_DEAD)
			rn->dead = true;
		if (vfio_rc(rn, v, what, ks_rc(s, err), false)) {
			n->live = true;
			rn->vf.nc++;
			if (rn->r->nvfio_containers < 8)
				snprintf(rn->r->vfio_containers[rn->r->nvfio_containers++], HX_NAME_LEN, "%s", n->name);
		}
		return;
	}
	if (v->op == HX_VFIO_USER_ALLOC) {
		struct hx_vfio_buf *b;

		if (vb_find(rn, v->buffer) || rn->vf.nb == HX_VFIO_MAX_BUF) {
			unmet(rn, "vfio %s: a buffer of that name exists, or too many buffers", what);
			return;
		}
		b = &rn->vf.b[rn->vf.nb];
		s = ks->vfio_user_alloc(v->size, v->contiguous, v->align ? v->align : 4096, &b->va, &err);
		if (vfio_rc(rn, v, what, ks_rc(s, err), false)) {
			snprintf(b->name, sizeof(b->name), "%s", v->buffer);
			b->size = v->size;
			b->contiguous = v->contiguous;
			rn->vf.nb++;
			trace(rn, "vfio buffer %s at user 0x%llx size 0x%llx %s", b->name, (unsigned long long)b->va,
			      (unsigned long long)b->size, b->contiguous ? "contiguous" : "scattered");
		}
		return;
	}
	if (v->op == HX_VFIO_MM) {
		vfio_mm(rn, v);
		return;
	}
	c = vc_find(rn, v->container);
	if (!c) {
		unmet(rn, "vfio %s: no open container of that name (op open first)", what);
		return;
	}
	switch (v->op) {
	case HX_VFIO_ADD_GROUP:
	case HX_VFIO_REMOVE_GROUP:
		if (!vfio_kdev(rn, st, &d, kdev, sizeof(kdev)))
			return;
		snprintf(what, sizeof(what), "%s %s %s", hx_vfio_op_name(v->op), v->container, rn->devs[d].d->name);
		s = v->op == HX_VFIO_ADD_GROUP ? ks->vfio_add_group(c->id, kdev, &err) :
						 ks->vfio_remove_group(c->id, kdev, &err);
		if (vfio_rc(rn, v, what, ks_rc(s, err), false))
			vfio_grant(rn, c, d, v->op == HX_VFIO_ADD_GROUP);
		break;
	case HX_VFIO_CLOSE: {
		unsigned int i;

		s = ks->vfio_close(c->id, &err);
		if (vfio_rc(rn, v, what, ks_rc(s, err), false)) {
			vfio_rec_end(rn, c, 0, true);
			for (i = 0; i < HX_MAX_DEVICES + HX_MAX_PCI; i++)
				if (c->devs & (1u << i))
					vfio_grant(rn, c, (int)i, false);
			c->live = false;
		}
		break;
	}
	case HX_VFIO_MAP:
		vfio_map(rn, st, c, what);
		break;
	case HX_VFIO_UNMAP:
		vfio_fill_req(v, &q, KS_VFIO_UNMAP_DMA);
		if (!v->has_flags)
			q.flags = 0;
		ks->vfio_ioctl(c->id, &q, &rc);
		if (vfio_rc(rn, v, what, rc, false))
			hx_vfio_ext_remove(c, v->iova, v->size);
		break;
	case HX_VFIO_SET_ATTR:
	case HX_VFIO_GET_ATTR:
		vfio_attr(rn, st, c, what);
		break;
	case HX_VFIO_MSI_BANK_COUNT:
	case HX_VFIO_CHECK_EXTENSION:
		vfio_fill_req(v, &q, v->op == HX_VFIO_MSI_BANK_COUNT ? KS_VFIO_GET_MSI_BANK_COUNT :
				     KS_VFIO_CHECK_EXTENSION);
		q.arg = v->type;
		ks->vfio_ioctl(c->id, &q, &rc);
		vfio_rc(rn, v, what, rc, true);
		break;
	case HX_VFIO_MSI_MAP:
		vfio_msi_map(rn, st, c, what);
		break;
	case HX_VFIO_MSI_UNMAP: {
		unsigned int i;

		vfio_fill_req(v, &q, KS_VFIO_UNMAP_MSI_BANK);
		ks->vfio_ioctl(c->id, &q, &rc);
		if (!vfio_rc(rn, v, what, rc, false))
			break;
		vfio_rec_end(rn, c, v->iova & ~4095ull, false);
		for (i = 0; i < c->nmsi; i++)
			if (c->msi[i].iova == (v->iova & ~4095ull)) {
				c->banks &= ~(1u << c->msi[i].bank);
				memmove(&c->msi[i], &c->msi[i + 1], (c->nmsi - i - 1) * sizeof(c->msi[0]));
				c->nmsi--;
				break;
			}
		break;
	}
	case HX_VFIO_MSI_SEND:
		vfio_msi_send(rn, st, c, what);
		break;
	default:
		break;
	}
}
