/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * pamu_paace.h - PAACE / SPAACE / OME layout in simulated memory, each field declared once (private
 * to model/pamu and its unit tests).
 *
 * Source of facts: ../shared/spec/hw-facts.md 5.1 (word-by-word layout), 5.2 (how the driver's struct
 * stores words 2 and 7 on a little-endian host), 6 (OMT, MOE valid bit); docs/pamu-model.md 7 (host
 * order). Words 0, 1, 3, 4, 5, 6 are native 32-bit words with the fields below; word 2 and word 7 are
 * byte members at fixed byte offsets (and the OMI a native 16-bit member), never bits of a word.
 */
#ifndef PAMU_PAACE_H
#define PAMU_PAACE_H

#include <stdint.h>

#include "sim_reg.h"

/* Word indices (4-byte words from the start of the 64-byte entry). */
enum pamu_paace_word {
	PAACE_W_WBAH = 0,	/* window base bits 63:32 (primary) */
	PAACE_W_ADDR = 1,	/* address attributes */
	PAACE_W_DOMAIN = 2,	/* byte members, see PAACE_B_* */
	PAACE_W_IMPL = 3,	/* implementation attributes */
	PAACE_W_TWBAH = 4,	/* translated window base bits 63:32 */
	PAACE_W_WIN = 5,	/* window attributes */
	PAACE_W_FSPI = 6,	/* first secondary index (primary) */
	PAACE_W_OP = 7,		/* byte / halfword members, see PAACE_B_* */
	PAACE_DECODED_WORDS = 8	/* words 8-15 are reserved; the walk never looks at them */
};

/* Word 1, address attributes. */
SIM_FIELD(PAACE_W1, WBAL, 12, 20);	/* window base bits 31:12 (primary) */
SIM_FIELD(PAACE_W1, OWNER, 16, 16);	/* owning LIODN (secondary) */
SIM_FIELD(PAACE_W1, WSE, 6, 6);
SIM_FIELD(PAACE_W1, MW, 5, 1);
SIM_FIELD(PAACE_W1, AP, 3, 2);
SIM_FIELD(PAACE_W1, DD, 2, 1);
SIM_FIELD(PAACE_W1, PT, 1, 1);
SIM_FIELD(PAACE_W1, V, 0, 1);

/* Word 3, implementation attributes. */
SIM_FIELD(PAACE_W3, CID, 16, 8);
SIM_FIELD(PAACE_W3, WCE, 4, 4);
SIM_FIELD(PAACE_W3, ATM, 2, 2);
SIM_FIELD(PAACE_W3, OTM, 0, 2);

/* Word 5, window attributes. */
SIM_FIELD(PAACE_W5, TWBAL, 12, 20);	/* translated base bits 31:12 */
SIM_FIELD(PAACE_W5, SWSE, 6, 6);

/* Byte and halfword members (host order: offsets inside the entry, hw-facts.md 5.2). */
enum pamu_paace_byte {
	PAACE_B_DID = 0x08,
	PAACE_B_PID = 0x09,
	PAACE_B_SNPID = 0x0a,
	PAACE_B_FLAGS = 0x0b,
	PAACE_B_IOEA = 0x1c,
	PAACE_B_MOEA = 0x1d,
	PAACE_B_IOEB = 0x1e,
	PAACE_B_MOEB = 0x1f,
	PAACE_H_OMI = 0x1e,	/* native 16-bit member (indexed mode) */
};

/* Flags byte of word 2. */
SIM_FIELD(PAACE_FLAGS, CR, 7, 1);

/* Encodings. */
enum pamu_paace_enc {
	PAACE_AP_READ = 1,		/* AP bit 0: query (read) */
	PAACE_AP_WRITE = 2,		/* AP bit 1: update (write) */
	PAACE_ATM_NONE = 0,
	PAACE_ATM_WINDOW = 1,
	PAACE_ATM_PAGE = 2,		/* reserved in the model: unsupported */
	PAACE_ATM_WINDOW_PAGE = 3,	/* reserved in the model: unsupported */
	PAACE_OTM_NONE = 0,
	PAACE_OTM_IMMEDIATE = 1,
	PAACE_OTM_INDEXED = 2,
	PAACE_OTM_RESERVED = 3,
	PAACE_WSE_MIN = 0x0b,		/* 4 KiB */
	PAACE_WSE_MAX = 0x23,		/* 64 GiB */
	PAACE_SWSE_MIN = 0x0b,		/* 4 KiB */
	PAACE_PAGE_SHIFT = 12,
};

/* MOE byte of an OME (hw-facts.md 6). */
SIM_FIELD(PAMU_MOE, VALID, 7, 1);
SIM_FIELD(PAMU_MOE, CODE, 0, 7);

#endif /* PAMU_PAACE_H */
