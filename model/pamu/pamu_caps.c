// SPDX-License-Identifier: BSD-2-Clause
/*
 * pamu_caps.c - built-in PAMU capability/revision register values per SoC, until the SoC presets
 * (YAML data) take them over.
 *
 * Source: hw-facts.md 2 (PC2 bits 31:16 max LIODN, PC3 bits 24:21 MWCE, PR1 bits 15:0 version).
 * No public source gives the values of the real chips, so every value here is an assumption
 * (docs/pamu-model.md, "Assumed capability values"): PR1 = 0x0100 for the DT compatible fsl,pamu-v1.0;
 * max LIODN 0xFFF for the 12-bit LIODNs of fsl,liodn-bits; MWCE = 7, i.e. 256 subwindows per LIODN.
 */
#include <string.h>

#include "pamu.h"

#define PAMU_ASSUMED_CAPS { .pr1 = 0x00000100, .pr2 = 0, .pc1 = 0, .pc2 = 0x0fff0000, .pc3 = 7u << 21, .pc4 = 0 }

static const struct {
	const char *soc;
	struct pamu_caps caps;
} builtin[] = {
	{ "p2041", PAMU_ASSUMED_CAPS }, { "p3041", PAMU_ASSUMED_CAPS }, { "p4080", PAMU_ASSUMED_CAPS },
	{ "p5020", PAMU_ASSUMED_CAPS }, { "p5040", PAMU_ASSUMED_CAPS }, { "t1024", PAMU_ASSUMED_CAPS },
	{ "t1040", PAMU_ASSUMED_CAPS }, { "t2080", PAMU_ASSUMED_CAPS }, { "t4240", PAMU_ASSUMED_CAPS },
	{ "b4860", PAMU_ASSUMED_CAPS },
};

const struct pamu_caps *pamu_builtin_caps(const char *soc)
{
	unsigned int i;

	for (i = 0; soc && i < sizeof(builtin) / sizeof(builtin[0]); i++)
		if (!strcmp(builtin[i].soc, soc))
			return &builtin[i].caps;
	return NULL;
}

const char *pamu_builtin_soc_name(unsigned int i)
{
	return i < sizeof(builtin) / sizeof(builtin[0]) ? builtin[i].soc : NULL;
}
