// SPDX-License-Identifier: BSD-2-Clause
// cosim_paace.h - PAACE / SPAACE images and the PAMU register offsets, for the co-simulation rigs.
//
// Source of facts: ../shared/spec/hw-facts.md 2 (register offsets, PC/PICS bits, driver enable value),
// 5.1 (PAACE word layout, LSB-0), 5.2 (word 2 and word 7 are byte members in host order); behaviour:
// docs/pamu-model.md 4 and 7. Written for cosim/ from those pages, independently of model/pamu's own
// declarations, so a rig that builds tables with it checks the model instead of echoing it.
#ifndef COSIM_PAACE_H
#define COSIM_PAACE_H

#include <cstdint>
#include <cstring>

namespace cosim {

// PAMU register offsets inside the 4 KiB block (hw-facts.md 2).
enum pamu_reg : uint32_t {
	R_PPBAH = 0x000, R_PPBAL = 0x004, R_PPLAH = 0x008, R_PPLAL = 0x00c,
	R_SPBAH = 0x010, R_SPBAL = 0x014, R_SPLAH = 0x018, R_SPLAL = 0x01c,
	R_OBAH = 0x020, R_OBAL = 0x024, R_OLAH = 0x028, R_OLAL = 0x02c,
	R_POES1 = 0x040, R_POES2 = 0x044, R_POEAH = 0x048, R_POEAL = 0x04c,
	R_AVS1 = 0x050, R_AVS2 = 0x054, R_AVAH = 0x058, R_AVAL = 0x05c,
	R_PC = 0xc10, R_PICS = 0xc1c,
};

constexpr uint32_t PC_ENABLE = 0x40001011u;	// PE + cache enables, what the driver writes
constexpr uint32_t PC_GATE_CLOSED = 0x80000000u;
constexpr uint32_t PICS_AVS = 0x8u, PICS_AVIE = 0x4u;

// One 64-byte entry as host-order bytes (words 0, 1, 3, 4, 5, 6 native; word 2, word 7 byte members).
struct paace_img {
	uint8_t b[64];

	paace_img() { std::memset(b, 0, sizeof(b)); }

	uint32_t word(unsigned int w) const
	{
		uint32_t v;

		std::memcpy(&v, b + 4 * w, 4);
		return v;
	}
	void set_word(unsigned int w, uint32_t v) { std::memcpy(b + 4 * w, &v, 4); }
	void put(unsigned int w, unsigned int shift, unsigned int len, uint32_t v)
	{
		uint32_t m = (len >= 32 ? 0xffffffffu : ((1u << len) - 1u)) << shift;

		set_word(w, (word(w) & ~m) | ((v << shift) & m));
	}

	// Word 1 (hw-facts.md 5.1).
	paace_img &valid(bool v) { put(1, 0, 1, v); return *this; }
	paace_img &secondary(bool v) { put(1, 1, 1, v); return *this; }
	paace_img &to_io(bool v) { put(1, 2, 1, v); return *this; }
	paace_img &ap(uint32_t v) { put(1, 3, 2, v); return *this; }
	paace_img &mw(bool v) { put(1, 5, 1, v); return *this; }
	paace_img &wse(uint32_t v) { put(1, 6, 6, v); return *this; }
	paace_img &owner(uint32_t liodn) { put(1, 16, 16, liodn); return *this; }
	paace_img &window_base(uint64_t a)
	{
		set_word(0, (uint32_t)(a >> 32));
		put(1, 12, 20, (uint32_t)(a >> 12));
		return *this;
	}
	// Word 2 bytes.
	paace_img &ids(uint8_t did, uint8_t pid, uint8_t snpid)
	{
		b[8] = did;
		b[9] = pid;
		b[10] = snpid;
		return *this;
	}
	paace_img &coherent(bool v) { b[11] = (uint8_t)((b[11] & 0x7f) | (v ? 0x80 : 0)); return *this; }
	// Word 3.
	paace_img &cid(uint32_t v) { put(3, 16, 8, v); return *this; }
	paace_img &wce(uint32_t v) { put(3, 4, 4, v); return *this; }
	paace_img &atm(uint32_t v) { put(3, 2, 2, v); return *this; }
	paace_img &otm(uint32_t v) { put(3, 0, 2, v); return *this; }
	// Words 4, 5, 6.
	paace_img &translated_base(uint64_t a)
	{
		set_word(4, (uint32_t)(a >> 32));
		put(5, 12, 20, (uint32_t)(a >> 12));
		return *this;
	}
	paace_img &swse(uint32_t v) { put(5, 6, 6, v); return *this; }
	paace_img &fspi(uint32_t v) { set_word(6, v); return *this; }
	// Word 7, immediate operation translation bytes.
	paace_img &op_imm(uint8_t ioea, uint8_t moea, uint8_t ioeb, uint8_t moeb)
	{
		b[0x1c] = ioea;
		b[0x1d] = moea;
		b[0x1e] = ioeb;
		b[0x1f] = moeb;
		return *this;
	}
};

// WSE / SWSE encoding of a power-of-two size: log2(size) - 1 (hw-facts.md 4).
inline uint32_t size_enc(uint64_t size)
{
	unsigned int l = 0;

	while (l < 63 && (1ull << l) < size)
		l++;
	return l - 1;
}

} // namespace cosim

#endif // COSIM_PAACE_H
