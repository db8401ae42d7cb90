/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * ks_pci.c - bitmaps for msi_bitmap.c, MSI descriptors, and the PCI side the MSI driver and the PAMU
 * domain code see: one host bridge (struct pci_controller on hose_list) per PCIe controller node, one
 * simulated endpoint per bridge, fsl_pci_immrbar_base, the MPIC version, and the MSI setup path
 * (arch_setup_msi_irqs' checks, then the hose's setup_msi_irqs). Sources: kernel-surface.md 4 ("MSI
 * descriptors / PCI-MSI", "PCI and powerpc PCI host"), 6, 7.3; hw-facts.md 12.4 (MSI address), 13 (BRR1).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/kernel.h>
#include <linux/bitmap.h>
#include <linux/msi.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/platform_device.h>
#include <linux/of_address.h>
#include <asm/hw_irq.h>
#include <asm/mpic.h>

#include "ks_priv.h"

/* ------------------------------------------------------------------ bitmaps */

void bitmap_set(unsigned long *map, unsigned int start, unsigned int nr)
{
	while (nr--)
		set_bit(start++, map);
}

void bitmap_clear(unsigned long *map, unsigned int start, unsigned int nr)
{
	while (nr--)
		clear_bit(start++, map);
}

unsigned long bitmap_find_next_zero_area(unsigned long *map, unsigned long size, unsigned long start,
					 unsigned int nr, unsigned long align_mask)
{
	unsigned long i, j;

	for (i = (start + align_mask) & ~align_mask; i + nr <= size; i = (i + 1 + align_mask) & ~align_mask) {
		for (j = 0; j < nr; j++)
			if (test_bit((long)(i + j), map))
				break;
		if (j == nr)
			return i;
	}
	return i + nr > size ? i + nr : size + 1;
}

int bitmap_allocate_region(unsigned long *map, unsigned int pos, int order)
{
	unsigned int n = 1u << order, i;

	for (i = 0; i < n; i++)
		if (test_bit(pos + i, map))
			return -EBUSY;
	bitmap_set(map, pos, n);
	return 0;
}

void bitmap_release_region(unsigned long *map, unsigned int pos, int order)
{
	bitmap_clear(map, pos, 1u << order);
}

/* ------------------------------------------------------------------ MSI descriptors */

static bool desc_matches(const struct msi_desc *d, enum msi_desc_filter filter)
{
	switch (filter) {
	case MSI_DESC_NOTASSOCIATED:
		return !d->irq;
	case MSI_DESC_ASSOCIATED:
		return d->irq != 0;
	default:
		return true;
	}
}

static struct msi_desc *desc_from(struct device *dev, struct list_head *pos, enum msi_desc_filter filter)
{
	for (; pos != &dev->msi_list; pos = pos->next) {
		struct msi_desc *d = list_entry(pos, struct msi_desc, list);

		if (desc_matches(d, filter))
			return dev->ks_msi_iter = d;
	}
	return dev->ks_msi_iter = NULL;
}

struct msi_desc *msi_first_desc(struct device *dev, enum msi_desc_filter filter)
{
	return dev ? desc_from(dev, dev->msi_list.next, filter) : NULL;
}

struct msi_desc *msi_next_desc(struct device *dev, enum msi_desc_filter filter)
{
	if (!dev || !dev->ks_msi_iter)
		return NULL;
	return desc_from(dev, dev->ks_msi_iter->list.next, filter);
}

void pci_write_msi_msg(unsigned int irq, struct msi_msg *msg)
{
	struct irq_data *d = irq_get_irq_data(irq);

	if (!d || !d->msi_desc) {
		ks_finding(KS_FINDING_MISUSE, __FILE__, __func__, __LINE__,
			   "pci_write_msi_msg(%u) on an IRQ without an MSI descriptor", irq);
		return;
	}
	d->msi_desc->msg = *msg;
	d->msi_desc->ks_written = true;
}

void pci_msi_mask_irq(struct irq_data *data)
{
	if (data->msi_desc)
		data->msi_desc->ks_masked = true;
}

void pci_msi_unmask_irq(struct irq_data *data)
{
	if (data->msi_desc)
		data->msi_desc->ks_masked = false;
}

/* ------------------------------------------------------------------ MPIC version, CCSR inbound window */

u32 fsl_mpic_primary_get_version(void)
{
	uint64_t v = 0;

	if (!ks.host.mpic_phys || ks.host.mmio_load(ks.host.ctx, ks.host.mpic_phys + 0x0 /* BRR1 */, 4, &v))
		return 0;
	return (u32)v & 0xffffu;
}

/* The PCI address of the CCSR inbound window (PEXCSRBAR): the stubs model no config space, so every
 * host bridge gets the placement fsl_pci.c picks for a 16 MiB CCSR, just below 4 GiB (hw-facts.md
 * 12.4). The window maps onto CCSR, whose base is the MPIC's less MPIC_CCSR_OFFSET (0x40000). */
#define KS_PCI_CCSR_BAR 0xff000000ull
#define KS_PCI_CCSR_SIZE 0x01000000ull

u64 fsl_pci_immrbar_base(struct pci_controller *hose)
{
	return KS_PCI_CCSR_BAR;
}

/* ------------------------------------------------------------------ host bridges and endpoints */

#define KS_MAX_MSI_VECS 2048u

struct ks_hose {
	struct pci_controller hose;
	struct pci_bus root, bus;
	struct pci_dev ep;		/* the simulated endpoint 0000:<bus>:00.0 */
	struct dev_iommu ep_iommu;
	unsigned int nvec;
	struct msi_desc *descs;		/* nvec descriptors on ep.dev.msi_list */
	unsigned long *hits;		/* per vector: times the endpoint's handler ran */
	bool *requested;
	struct list_head link;
};

static LIST_HEAD(ks_hoses);
static unsigned int hose_count;

static const char *const pcie_compats[] = {
	"fsl,qoriq-pcie-v2.1", "fsl,qoriq-pcie-v2.2", "fsl,qoriq-pcie-v2.3", "fsl,qoriq-pcie-v2.4",
	"fsl,qoriq-pcie-v3.0", "fsl,qoriq-pcie", "fsl,p4080-pcie",
};

static bool is_pcie(struct device_node *np)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(pcie_compats); i++)
		if (of_device_is_compatible(np, pcie_compats[i]))
			return true;
	return false;
}

/* A hose per available PCIe controller node, in tree order, before the initcalls (as the platform
 * setup code does before fsl_msi's subsys_initcall; kernel-surface.md 7). */
int ks_pci_init(void)
{
	struct device_node *np;

	INIT_LIST_HEAD(&ks_hoses);
	hose_count = 0;
	for (np = ks_of_all(); np; np = np->allnext) {
		struct ks_hose *h;
		struct resource r;
		struct platform_device *pdev;

		if (!is_pcie(np) || !of_device_is_available(np) || of_address_to_resource(np, 0, &r))
			continue;
		h = calloc(1, sizeof(*h));
		if (!h)
			return -ENOMEM;
		pdev = of_find_device_by_node(np);
		h->hose.parent = pdev ? &pdev->dev : NULL;
		h->hose.dn = np;
		h->hose.ks_phys = r.start;
		h->hose.cfg_addr = ks_io_cookie(r.start);
		h->hose.global_number = (int)hose_count;
		h->hose.first_busno = 0;
		h->hose.last_busno = 0xff;
		h->hose.bus = &h->root;
		INIT_LIST_HEAD(&h->root.devices);
		INIT_LIST_HEAD(&h->bus.devices);
		h->root.sysdata = &h->hose;
		h->root.number = 0;
		h->bus.sysdata = &h->hose;
		h->bus.parent = &h->root;
		h->bus.number = 1;
		h->ep.bus = &h->bus;
		h->ep.devfn = 0;
		h->ep.vendor = 0x1957;
		h->ep.device = 0xffff;
		h->ep.dev.ks_is_pci = true;
		h->ep.dev.bus = &pci_bus_type;
		h->ep.dev.parent = h->hose.parent;
		h->ep.dev.iommu = &h->ep_iommu;
		INIT_LIST_HEAD(&h->ep.dev.msi_list);
		INIT_LIST_HEAD(&h->ep.dev.ks_node);
		snprintf(h->ep.dev.ks_name, sizeof(h->ep.dev.ks_name), "%04x:01:00.0", hose_count);
		list_add_tail(&h->ep.bus_list, &h->bus.devices);
		list_add_tail(&h->hose.list_node, &hose_list);
		list_add_tail(&h->link, &ks_hoses);
		hose_count++;
	}
	return 0;
}

static struct ks_hose *hose_at(unsigned int i)
{
	struct ks_hose *h;

	list_for_each_entry(h, &ks_hoses, link)
		if (i-- == 0)
			return h;
	return NULL;
}

struct pci_dev *ks_pci_endpoint(unsigned int i)
{
	struct ks_hose *h = hose_at(i);

	return h ? &h->ep : NULL;
}

unsigned int ks_pci_count(void)
{
	return hose_count;
}

const char *ks_pci_path(unsigned int i)
{
	struct ks_hose *h = hose_at(i);

	return h ? h->hose.dn->full_name : NULL;
}

int ks_pci_inbound(uint64_t pci_addr, uint64_t *phys)
{
	if (!ks.host.mpic_phys || pci_addr < KS_PCI_CCSR_BAR || pci_addr >= KS_PCI_CCSR_BAR + KS_PCI_CCSR_SIZE)
		return -1;
	*phys = ks.host.mpic_phys - 0x40000u + (pci_addr - KS_PCI_CCSR_BAR);
	return 0;
}

/* The endpoint driver's handler of vector v: counts. */
static irqreturn_t ep_msi_handler(int irq, void *dev_id)
{
	unsigned long *hits = dev_id;

	(*hits)++;
	return IRQ_HANDLED;
}

static void msi_release(struct ks_hose *h)
{
	unsigned int i;

	if (!h->descs)
		return;
	for (i = 0; i < h->nvec; i++)
		if (h->requested[i]) {
			free_irq(h->descs[i].irq, &h->hits[i]);
			h->requested[i] = false;
		}
	if (h->hose.controller_ops.teardown_msi_irqs)
		h->hose.controller_ops.teardown_msi_irqs(&h->ep);
	INIT_LIST_HEAD(&h->ep.dev.msi_list);
	free(h->descs);
	free(h->hits);
	free(h->requested);
	h->descs = NULL;
	h->hits = NULL;
	h->requested = NULL;
	h->nvec = 0;
}

/*
 * The PCI core's MSI enable for endpoint i, then the endpoint driver's request_irq per vector:
 * descriptors, arch_setup_msi_irqs' rules (no MSI ops on the hose: -ENOSYS; plain MSI with more than
 * one vector: 1, "not supported"), the hose's setup_msi_irqs (fsl_setup_msi_irqs), and on failure its
 * teardown. Returns 0 or the error / positive count the kernel path gives.
 */
int ks_pci_msi_setup(unsigned int i, unsigned int nvec, bool msix, struct ks_msi_vec *out)
{
	struct ks_hose *h = hose_at(i);
	unsigned int v;
	int rc;

	if (!h || !nvec || nvec > KS_MAX_MSI_VECS)
		return -EINVAL;
	if (h->descs)
		return -EBUSY;
	if (!h->hose.controller_ops.setup_msi_irqs || !h->hose.controller_ops.teardown_msi_irqs)
		return -ENOSYS;
	if (!msix && nvec > 1)
		return 1;
	h->descs = calloc(nvec, sizeof(*h->descs));
	h->hits = calloc(nvec, sizeof(*h->hits));
	h->requested = calloc(nvec, sizeof(*h->requested));
	if (!h->descs || !h->hits || !h->requested) {
		free(h->descs);
		free(h->hits);
		free(h->requested);
		h->descs = NULL;
		return -ENOMEM;
	}
	h->nvec = nvec;
	for (v = 0; v < nvec; v++) {
		h->descs[v].dev = &h->ep.dev;
		h->descs[v].msi_index = (u16)v;
		h->descs[v].nvec_used = 1;
		h->descs[v].ks_masked = true;
		list_add_tail(&h->descs[v].list, &h->ep.dev.msi_list);
	}
	rc = h->hose.controller_ops.setup_msi_irqs(&h->ep, (int)nvec, msix ? PCI_CAP_ID_MSIX : PCI_CAP_ID_MSI);
	if (rc) {
		msi_release(h);
		return rc;
	}
	for (v = 0; v < nvec; v++) {
		struct msi_desc *d = &h->descs[v];

		if (!d->irq || !d->ks_written) {
			ks_log(3, "%s: MSI vector %u has no IRQ or no message", dev_name(&h->ep.dev), v);
			msi_release(h);
			return -EIO;
		}
		rc = request_irq(d->irq, ep_msi_handler, 0, "ks-endpoint-msi", &h->hits[v]);
		if (rc) {
			msi_release(h);
			return rc;
		}
		h->requested[v] = true;
		if (out) {
			out[v].virq = d->irq;
			out[v].hwirq = (uint32_t)virq_to_hw(d->irq);
			out[v].address = (uint64_t)d->msg.address_hi << 32 | d->msg.address_lo;
			out[v].data = d->msg.data;
		}
	}
	return 0;
}

int ks_pci_msi_teardown(unsigned int i)
{
	struct ks_hose *h = hose_at(i);

	if (!h || !h->descs)
		return -EINVAL;
	msi_release(h);
	return 0;
}

unsigned long ks_pci_msi_hits(unsigned int i, unsigned int vec)
{
	struct ks_hose *h = hose_at(i);

	return h && h->descs && vec < h->nvec ? h->hits[vec] : 0;
}

void ks_pci_release(void)
{
	struct ks_hose *h, *n;

	list_for_each_entry_safe(h, n, &ks_hoses, link) {
		list_del(&h->link);
		free(h->descs);
		free(h->hits);
		free(h->requested);
		free(h);
	}
	INIT_LIST_HEAD(&hose_list);
	hose_count = 0;
}
