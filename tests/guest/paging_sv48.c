/* hv-test: qemu-ok */
// SPDX-License-Identifier: MIT
/*
 * Sv48: the same translations as Sv39 through a four-level table, plus a
 * 512 GiB leaf at level 3 and VAs that need the fourth level (bits 47:39),
 * which Sv39 would reject as non-canonical.
 */
#include "pagetest.h"

int main(unsigned long hartid, unsigned long dtb)
{
	struct pt pt;
	uint64_t v;
	unsigned long off = (unsigned long)&pagetest_var - PT_RAM_BASE;
	unsigned long va_tera = 0x0000008000000000ul; /* 512 GiB: VPN[3] = 1 */
	unsigned long va_high = 0x00007f0000000000ul; /* VPN[3] = 254 */

	(void)hartid;
	(void)dtb;
	paging_translate_suite(SATP_MODE_SV48);

	pt_init(&pt, SATP_MODE_SV48);
	pt_map_ram_identity(&pt);
	/* A 512 GiB leaf at VA 512 GiB -> PA 0: RAM appears at VA + 0x80000000. */
	pt_map(&pt, va_tera, 0, PT_512G, PTE_R | PTE_W | PTE_A | PTE_D);
	pt_map(&pt, va_high + PT_RAM_BASE, PT_RAM_BASE, PT_1G, PTE_R | PTE_W | PTE_A | PTE_D);
	pagetest_var = 0x4848;
	pt_enable(&pt, 0);
	check_ok("512G leaf load", try_load(va_tera + PT_RAM_BASE + off, &v));
	CHECK_EQ("sv48: 512 GiB leaf reaches RAM", 0x4848, v);
	check_ok("high VA load", try_load(va_high + PT_RAM_BASE + off, &v));
	CHECK_EQ("sv48: VA above 2^39 translates", 0x4848, v);
	check_pf("sv48: non-canonical VA", try_load(0x0000800000000000ul, NULL),
		 CAUSE_LOAD_PAGE_FAULT, 0x0000800000000000ul);
	check_pf("sv48: unmapped 4th-level slot", try_load(0x0000010000000000ul, NULL),
		 CAUSE_LOAD_PAGE_FAULT, 0x0000010000000000ul);
	pt_disable();
	return 0;
}
