/* SPDX-License-Identifier: MIT */
/*
 * Helpers shared by the paging tests in tests/guest: accesses that may
 * fault, and the translation suite run under both Sv39 and Sv48.
 */
#ifndef GUEST_PAGETEST_H
#define GUEST_PAGETEST_H

#include "guest.h"

/* Virtual addresses used by the tests; none overlaps the RAM identity map. */
#define VA_4K 0x10000000ul
#define VA_2M 0x12000000ul
#define VA_1G 0x40000000ul
#define VA_HOLE 0x14000000ul /* never mapped */
/* A U-mode alias of RAM: VA = PA + USER_DELTA, 1 GiB leaf with PTE_U. */
#define USER_DELTA 0x2000000000ul

/* Load/store/exec that may fault; return the trap (taken == 0 if none). */
static inline struct trap_info try_load(unsigned long va, uint64_t *val)
{
	uint64_t v = 0;

	trap_expect();
	asm volatile("ld %0, 0(%1)" : "+r"(v) : "r"(va) : "memory");
	if (val)
		*val = v;
	return trap_result();
}

static inline struct trap_info try_store(unsigned long va, uint64_t val)
{
	trap_expect();
	asm volatile("sd %1, 0(%0)" : : "r"(va), "r"(val) : "memory");
	return trap_result();
}

static inline struct trap_info try_exec(unsigned long va)
{
	trap_expect();
	trap_call_addr(va);
	return trap_result();
}

static inline void check_pf(const char *what, struct trap_info t, unsigned long cause,
			    unsigned long va)
{
	test_check_eqf(1, t.taken, "%s faults", what);
	test_check_eqf(cause, t.cause, "%s scause", what);
	test_check_eqf(va, t.tval, "%s stval", what);
}

static inline void check_ok(const char *what, struct trap_info t)
{
	test_check_eqf(0, t.taken, "%s does not fault", what);
}

/* A page holding "li a0, 42; ret" so that a fetch through a mapping can succeed. */
static inline uint32_t *code_page_make(void)
{
	uint32_t *p = pt_alloc_page();

	p[0] = 0x02a00513; /* li a0, 42 (addi a0, zero, 42) */
	p[1] = 0x00008067; /* ret (jalr zero, 0(ra)) */
	fence_i();
	return p;
}

static volatile uint64_t pagetest_var;

/*
 * Translation under @mode with leaves of every size the mode has: each
 * mapping reads and writes the same physical memory as the identity map.
 */
static inline void paging_translate_suite(unsigned long mode)
{
	const char *m = mode == SATP_MODE_SV48 ? "sv48" : "sv39";
	unsigned long pa = (unsigned long)&pagetest_var;
	uint64_t *data = pt_alloc_page();
	uint32_t *code = code_page_make();
	unsigned long va2m = VA_2M + (pa & (PT_2M - 1));
	unsigned long va1g = VA_1G + (pa - PT_RAM_BASE);
	struct pt pt;
	uint64_t v;

	pt_init(&pt, mode);
	pt_map_ram_identity(&pt);
	pt_map(&pt, VA_4K, (unsigned long)data, PT_4K, PTE_R | PTE_W | PTE_A | PTE_D);
	pt_map(&pt, VA_4K + PT_4K, (unsigned long)code, PT_4K, PTE_R | PTE_X | PTE_A);
	pt_map(&pt, VA_2M, pa & ~(PT_2M - 1), PT_2M, PTE_R | PTE_W | PTE_A | PTE_D);
	pt_map(&pt, VA_1G, PT_RAM_BASE, PT_1G, PTE_R | PTE_W | PTE_A | PTE_D);
	data[3] = 0x1111222233334444ull;
	pagetest_var = 0x5555666677778888ull;

	pt_enable(&pt, 0);
	test_check_eqf(mode, csr_read(satp) >> SATP_MODE_SHIFT, "%s: satp mode", m);
	check_ok("4K load", try_load(VA_4K + 24, &v));
	test_check_eqf(0x1111222233334444ull, v, "%s: 4K page reads the data page", m);
	check_ok("4K store", try_store(VA_4K + 32, 0xabcdull));
	test_check_eqf(0xabcdull, data[4], "%s: 4K page store reaches PA", m);
	test_check_eqf(42, ((long (*)(void))(VA_4K + PT_4K))(), "%s: code runs from a 4K X page",
		       m);

	check_ok("2M load", try_load(va2m, &v));
	test_check_eqf(0x5555666677778888ull, v, "%s: 2M superpage reads the variable", m);
	try_store(va2m, 0x2222ull);
	test_check_eqf(0x2222ull, pagetest_var, "%s: 2M superpage store reaches PA", m);
	check_ok("1G load", try_load(va1g, &v));
	test_check_eqf(0x2222ull, v, "%s: 1G superpage reads the variable", m);
	try_store(va1g, 0x3333ull);
	test_check_eqf(0x3333ull, pagetest_var, "%s: 1G superpage store reaches PA", m);
	/* Offsets deep inside a superpage: the low VA bits pass through. */
	check_ok("1G load at offset",
		 try_load(VA_1G + ((unsigned long)data - PT_RAM_BASE) + 24, &v));
	test_check_eqf(0x1111222233334444ull, v, "%s: 1G superpage low bits pass through", m);

	/* Faults carry the VA. */
	check_pf("unmapped load", try_load(VA_HOLE + 8, NULL), CAUSE_LOAD_PAGE_FAULT, VA_HOLE + 8);
	check_pf("unmapped store", try_store(VA_HOLE + 16, 1), CAUSE_STORE_PAGE_FAULT,
		 VA_HOLE + 16);
	check_pf("unmapped fetch", try_exec(VA_HOLE), CAUSE_FETCH_PAGE_FAULT, VA_HOLE);
	pt_disable();

	/* Malformed tables fault too. */
	pt_init(&pt, mode);
	pt_map_ram_identity(&pt);
	/* A 2M leaf whose PPN is not 2M-aligned: misaligned superpage. */
	pt_map(&pt, VA_2M, 0, PT_2M, PTE_R | PTE_A);
	*pt_leaf(&pt, VA_2M) = pt_pte(PT_RAM_BASE + PT_4K, PTE_R | PTE_A);
	/* W without R is reserved. */
	pt_map(&pt, VA_4K, (unsigned long)data, PT_4K, PTE_W | PTE_A | PTE_D);
	pt_enable(&pt, 0);
	check_pf("misaligned superpage load", try_load(VA_2M, NULL), CAUSE_LOAD_PAGE_FAULT, VA_2M);
	check_pf("W-without-R load", try_load(VA_4K, NULL), CAUSE_LOAD_PAGE_FAULT, VA_4K);
	check_pf("W-without-R store", try_store(VA_4K, 1), CAUSE_STORE_PAGE_FAULT, VA_4K);
	pt_disable();
}

#endif /* GUEST_PAGETEST_H */
