/* hv-test: qemu-ok */
// SPDX-License-Identifier: MIT
/*
 * Access faults on physical addresses where nothing is (0x0, and 0x8 inside
 * the same hole): a load raises load access fault (5), a store or AMO
 * store access fault (7), a jump instruction access fault (1), each with
 * stval = the address, from S-mode with translation off and from a page
 * that maps the hole under Sv39.  (AMOs: trap_amo_access.c.)
 */
#include "guest.h"

#define HOLE 0x0ul
#define HOLE_VA 0x40000000ul /* Sv39 VA mapped to the hole */

static void check_fault(const char *what, struct trap_info t, unsigned long cause,
			unsigned long addr)
{
	test_check_eqf(1, t.taken, "%s faults once", what);
	test_check_eqf(cause, t.cause, "%s scause", what);
	test_check_eqf(addr, t.tval, "%s stval", what);
}

static void faults_at(const char *mode, unsigned long base)
{
	char what[64];
	unsigned long v = 0;

	trap_expect();
	asm volatile("ld %0, 0(%1)" : "+r"(v) : "r"(base) : "memory");
	fmt_snprintf(what, sizeof(what), "%s ld", mode);
	check_fault(what, trap_result(), CAUSE_LOAD_ACCESS, base);

	trap_expect();
	asm volatile("lbu %0, 8(%1)" : "+r"(v) : "r"(base) : "memory");
	fmt_snprintf(what, sizeof(what), "%s lbu +8", mode);
	check_fault(what, trap_result(), CAUSE_LOAD_ACCESS, base + 8);

	trap_expect();
	asm volatile("sw %1, 0(%0)" : : "r"(base), "r"(1ul) : "memory");
	fmt_snprintf(what, sizeof(what), "%s sw", mode);
	check_fault(what, trap_result(), CAUSE_STORE_ACCESS, base);

	trap_expect();
	trap_call_addr(base);
	fmt_snprintf(what, sizeof(what), "%s jump", mode);
	check_fault(what, trap_result(), CAUSE_FETCH_ACCESS, base);
}

int main(unsigned long hartid, unsigned long dtb)
{
	struct pt pt;

	(void)hartid;
	(void)dtb;
	faults_at("bare", HOLE);

	pt_init(&pt, SATP_MODE_SV39);
	pt_map_ram_identity(&pt);
	pt_map(&pt, HOLE_VA, HOLE, PT_4K, PTE_R | PTE_W | PTE_X | PTE_A | PTE_D);
	pt_enable(&pt, 0);
	faults_at("sv39", HOLE_VA);
	pt_disable();
	return 0;
}
