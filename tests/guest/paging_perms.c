/* hv-test: qemu-ok */
// SPDX-License-Identifier: MIT
/*
 * Sv39 permissions: R/W/X on each page; U pages are off-limits to S-mode
 * loads and stores unless sstatus.SUM, and never executable by S-mode;
 * S pages are off-limits to U-mode; MXR makes X-only pages readable.
 * Each violation is the page fault of the access type with stval = the VA.
 */
#include "pagetest.h"

#define VA_RO (VA_4K + 0x0000)
#define VA_XO (VA_4K + 0x1000)
#define VA_U (VA_4K + 0x2000)
#define VA_UX (VA_4K + 0x3000)
#define VA_NX (VA_4K + 0x4000)

static long u_load(long va)
{
	return (long)*(volatile uint64_t *)va;
}

static long u_store(long va)
{
	*(volatile uint64_t *)va = 0x5a;
	return 0;
}

static long u_exec(long va)
{
	return ((long (*)(void))va)();
}

int main(unsigned long hartid, unsigned long dtb)
{
	uint64_t *data = pt_alloc_page();
	uint32_t *code = code_page_make();
	struct trap_info t;
	struct pt pt;
	uint64_t v;

	(void)hartid;
	(void)dtb;
	data[0] = 0x1234;
	pt_init(&pt, SATP_MODE_SV39);
	pt_map_ram_identity(&pt);
	pt_map(&pt, USER_DELTA + PT_RAM_BASE, PT_RAM_BASE, PT_1G,
	       PTE_R | PTE_W | PTE_X | PTE_U | PTE_A | PTE_D);
	pt_map(&pt, VA_RO, (unsigned long)data, PT_4K, PTE_R | PTE_A);
	pt_map(&pt, VA_XO, (unsigned long)code, PT_4K, PTE_X | PTE_A);
	pt_map(&pt, VA_U, (unsigned long)data, PT_4K, PTE_R | PTE_W | PTE_U | PTE_A | PTE_D);
	pt_map(&pt, VA_UX, (unsigned long)code, PT_4K, PTE_R | PTE_X | PTE_U | PTE_A);
	pt_map(&pt, VA_NX, (unsigned long)data, PT_4K, PTE_R | PTE_W | PTE_A | PTE_D);
	pt_enable(&pt, 0);
	csr_clear(sstatus, SSTATUS_SUM | SSTATUS_MXR);

	/* R/W/X in S-mode. */
	check_ok("S load from R page", try_load(VA_RO, &v));
	CHECK_EQ("S load from R page value", 0x1234, v);
	check_pf("S store to R-only page", try_store(VA_RO, 1), CAUSE_STORE_PAGE_FAULT, VA_RO);
	check_pf("S load from X-only page", try_load(VA_XO, NULL), CAUSE_LOAD_PAGE_FAULT, VA_XO);
	check_ok("S exec from X-only page", try_exec(VA_XO));
	check_pf("S exec from non-X page", try_exec(VA_NX), CAUSE_FETCH_PAGE_FAULT, VA_NX);

	/* MXR: X-only becomes readable, still not writable. */
	csr_set(sstatus, SSTATUS_MXR);
	check_ok("S load from X-only page with MXR", try_load(VA_XO, &v));
	CHECK_EQ("MXR load reads the code", ((uint64_t)code[1] << 32) | code[0], v);
	check_pf("S store to X-only page with MXR", try_store(VA_XO, 1), CAUSE_STORE_PAGE_FAULT,
		 VA_XO);
	csr_clear(sstatus, SSTATUS_MXR);

	/* U pages from S-mode: SUM gates loads/stores; fetch never allowed. */
	check_pf("S load from U page, SUM=0", try_load(VA_U, NULL), CAUSE_LOAD_PAGE_FAULT, VA_U);
	check_pf("S store to U page, SUM=0", try_store(VA_U, 1), CAUSE_STORE_PAGE_FAULT, VA_U);
	csr_set(sstatus, SSTATUS_SUM);
	check_ok("S load from U page, SUM=1", try_load(VA_U, &v));
	CHECK_EQ("SUM load value", 0x1234, v);
	check_ok("S store to U page, SUM=1", try_store(VA_U, 0x4321));
	CHECK_EQ("SUM store reached memory", 0x4321, data[0]);
	check_pf("S exec from U page, SUM=1", try_exec(VA_UX), CAUSE_FETCH_PAGE_FAULT, VA_UX);
	csr_clear(sstatus, SSTATUS_SUM);
	check_pf("S exec from U page, SUM=0", try_exec(VA_UX), CAUSE_FETCH_PAGE_FAULT, VA_UX);

	/* U-mode, running from the U alias of RAM. */
	CHECK_EQ("U load from U page", 0x4321, user_call_alias(u_load, VA_U, USER_DELTA));
	trap_expect();
	user_call_alias(u_store, VA_U, USER_DELTA);
	CHECK_EQ("U store to U page", 0, trap_result().taken);
	CHECK_EQ("U store value", 0x5a, data[0]);
	CHECK_EQ("U exec from U X page", 42, user_call_alias(u_exec, VA_UX, USER_DELTA));

	trap_expect();
	user_call_alias(u_load, VA_RO, USER_DELTA);
	t = trap_result();
	check_pf("U load from S page", t, CAUSE_LOAD_PAGE_FAULT, VA_RO);
	CHECK_EQ("U load fault from U", PRV_U, t.from_priv);
	trap_expect();
	user_call_alias(u_store, VA_NX, USER_DELTA);
	check_pf("U store to S page", trap_result(), CAUSE_STORE_PAGE_FAULT, VA_NX);
	trap_expect();
	user_call_alias(u_exec, VA_XO, USER_DELTA);
	check_pf("U exec from S page", trap_result(), CAUSE_FETCH_PAGE_FAULT, VA_XO);
	/* SUM does not grant U-mode anything. */
	csr_set(sstatus, SSTATUS_SUM);
	trap_expect();
	user_call_alias(u_load, VA_RO, USER_DELTA);
	check_pf("U load from S page with SUM=1", trap_result(), CAUSE_LOAD_PAGE_FAULT, VA_RO);
	csr_clear(sstatus, SSTATUS_SUM);
	pt_disable();
	return 0;
}
