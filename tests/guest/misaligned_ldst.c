/* hv-test: qemu-ok */
// SPDX-License-Identifier: MIT
/*
 * Misaligned plain loads and stores succeed, as on hardware that supports
 * them (hartvisor has no firmware to emulate them, and none is needed): every
 * width at every offset, across an 8-byte boundary and across a 4 KiB page
 * boundary, integer and FP, with the right little-endian value and sign
 * extension, and without a trap.
 */
#include "guest.h"

static uint8_t page[2 * 4096] __attribute__((aligned(4096)));

static uint64_t ref_load(const uint8_t *p, unsigned int n)
{
	uint64_t v = 0;

	for (unsigned int i = 0; i < n; i++)
		v |= (uint64_t)p[i] << (8 * i);
	return v;
}

#define LD(insn, addr)                                                              \
	({                                                                          \
		uint64_t __v;                                                       \
		asm volatile(insn " %0, 0(%1)" : "=r"(__v) : "r"(addr) : "memory"); \
		__v;                                                                \
	})
#define ST(insn, addr, val) asm volatile(insn " %1, 0(%0)" : : "r"(addr), "r"(val) : "memory")

int main(unsigned long hartid, unsigned long dtb)
{
	static const unsigned long bases[] = {0, 4096 - 8};
	uint64_t v;

	(void)hartid;
	(void)dtb;
	for (unsigned int i = 0; i < sizeof(page); i++)
		page[i] = (uint8_t)(i * 7 + 0x81);

	trap_expect();
	for (unsigned int b = 0; b < ARRAY_SIZE(bases); b++) {
		for (unsigned int off = 1; off < 8; off++) {
			uint8_t *p = page + bases[b] + off;
			const char *where = b ? "page-crossing" : "in-page";

			test_check_eqf((uint64_t)(int64_t)(int16_t)ref_load(p, 2), LD("lh", p),
				       "lh %s +%u", where, off);
			test_check_eqf(ref_load(p, 2), LD("lhu", p), "lhu %s +%u", where, off);
			test_check_eqf((uint64_t)(int64_t)(int32_t)ref_load(p, 4), LD("lw", p),
				       "lw %s +%u", where, off);
			test_check_eqf(ref_load(p, 4), LD("lwu", p), "lwu %s +%u", where, off);
			test_check_eqf(ref_load(p, 8), LD("ld", p), "ld %s +%u", where, off);
		}
	}

	/* Stores: write a pattern misaligned, read it back byte by byte. */
	for (unsigned int off = 1; off < 8; off++) {
		uint8_t *p = page + 4096 - 4 + off; /* crosses the page for most offsets */

		ST("sd", p, 0x1122334455667788ull);
		test_check_eqf(0x1122334455667788ull, ref_load(p, 8), "sd +%u", off);
		ST("sw", p, 0xa1b2c3d4ull);
		test_check_eqf(0xa1b2c3d4ull, ref_load(p, 4), "sw +%u", off);
		ST("sh", p, 0xbeefull);
		test_check_eqf(0xbeefull, ref_load(p, 2), "sh +%u", off);
	}
	CHECK_EQ("byte before the stores untouched", (uint8_t)((4096 - 4) * 7 + 0x81),
		 page[4096 - 4]);

	/* FP: fld/fsd/flw/fsw misaligned. */
	ST("sd", page + 3, 0x400921fb54442d18ull);
	asm volatile("fld ft0, 0(%1)\n\tfmv.x.d %0, ft0" : "=r"(v) : "r"(page + 3) : "ft0");
	CHECK_EQ("fld misaligned", 0x400921fb54442d18ull, v);
	asm volatile("fmv.d.x ft0, %1\n\tfsd ft0, 0(%0)"
		     :
		     : "r"(page + 4093), "r"(0x3ff0000000000001ull)
		     : "ft0", "memory");
	CHECK_EQ("fsd misaligned across page", 0x3ff0000000000001ull, ref_load(page + 4093, 8));
	asm volatile("fmv.w.x ft0, %1\n\tfsw ft0, 0(%0)"
		     :
		     : "r"(page + 4094), "r"(0x3f800000ull)
		     : "ft0", "memory");
	asm volatile("flw ft1, 0(%1)\n\tfmv.x.w %0, ft1" : "=r"(v) : "r"(page + 4094) : "ft1");
	CHECK_EQ("fsw/flw misaligned across page", 0x3f800000, (uint32_t)v);

	CHECK_EQ("no misaligned access trapped", 0, trap_result().taken);
	return 0;
}
