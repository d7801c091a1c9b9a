/* hv-test: qemu-ok */
// SPDX-License-Identifier: MIT
/*
 * Sv39: 4 KiB pages and 2 MiB / 1 GiB superpages translate to the right
 * physical memory for loads, stores and fetches; unmapped VAs, misaligned
 * superpages and W-without-R PTEs fault with stval = the VA; a VA whose
 * bits 63:39 are not copies of bit 38 is a page fault; a negative
 * (sign-extended) VA translates through the top half of the root table.
 */
#include "pagetest.h"

int main(unsigned long hartid, unsigned long dtb)
{
	struct pt pt;
	uint64_t v;
	unsigned long neg = 0xffffffc000000000ul; /* VPN[2] = 256, sign-extended */

	(void)hartid;
	(void)dtb;
	paging_translate_suite(SATP_MODE_SV39);

	pt_init(&pt, SATP_MODE_SV39);
	pt_map_ram_identity(&pt);
	pt_map(&pt, neg, PT_RAM_BASE, PT_1G, PTE_R | PTE_W | PTE_A | PTE_D);
	pagetest_var = 0x7777;
	pt_enable(&pt, 0);
	check_ok("negative VA load",
		 try_load(neg + ((unsigned long)&pagetest_var - PT_RAM_BASE), &v));
	CHECK_EQ("sv39: negative VA reaches RAM", 0x7777, v);
	/* Same VPN[2] bits without the sign extension: not canonical. */
	check_pf("non-canonical VA load", try_load(0x0000004000000000ul, NULL),
		 CAUSE_LOAD_PAGE_FAULT, 0x0000004000000000ul);
	check_pf("non-canonical VA (bit 63 only)", try_load(0x8000000080000000ul, NULL),
		 CAUSE_LOAD_PAGE_FAULT, 0x8000000080000000ul);
	pt_disable();
	return 0;
}
