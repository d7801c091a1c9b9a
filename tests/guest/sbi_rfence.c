/* hv-test: --cpus 4 qemu-skip: OpenSBI 1.1 ignores absent harts and does not check ranges */
// SPDX-License-Identifier: MIT
/*
 * SBI RFENCE with 4 harts.
 *  - remote_fence_i, remote_sfence_vma and remote_sfence_vma_asid succeed for
 *    hart masks of stopped and of running harts, base -1, an empty mask, the
 *    caller itself, and for the "whole address space" forms (0, 0) and
 *    size = -1;
 *  - a mask naming an absent hart is INVALID_PARAM;
 *  - a range that wraps past 2^64 is INVALID_ADDRESS; one that ends exactly
 *    at 2^64 does not wrap and is valid;
 *  - the HFENCE functions (3-6) and FID 7 are NOT_SUPPORTED (no H extension);
 *  - the fences take effect: code rewritten by one hart runs on the others
 *    after a remote FENCE.I, and a PTE changed by one hart is seen by the
 *    others after a remote SFENCE.VMA (by address, by ASID, and whole).
 */
#include "sbitest.h"

#define INSN_LI_A0(n) (0x00000513u | ((unsigned int)(n) << 20)) /* addi a0, zero, n */
#define INSN_RET 0x00008067u					/* jalr zero, 0(ra) */

#define TEST_VA 0x40000000ul /* outside the 1 GiB identity map of RAM */

static unsigned long boss, present, others;
static unsigned int nharts;

/* ---- return codes ---------------------------------------------------------- */

struct fence_case {
	const char *name;
	unsigned long fid, mask, base, start, size, asid;
	long want;
};

static void run_cases(const char *when)
{
	const unsigned long all1 = ~0ul;
	const struct fence_case cases[] = {
		{"fence_i, other harts", 0, others, 0, 0, 0, 0, SBI_SUCCESS},
		{"fence_i, base -1", 0, 0, all1, 0, 0, 0, SBI_SUCCESS},
		{"fence_i, empty mask", 0, 0, 0, 0, 0, 0, SBI_SUCCESS},
		{"fence_i, self", 0, 1ul << boss, 0, 0, 0, 0, SBI_SUCCESS},
		{"fence_i, mask 1 base 3", 0, 1, 3, 0, 0, 0, SBI_SUCCESS},
		{"fence_i, absent hart", 0, 1ul << nharts, 0, 0, 0, 0, SBI_ERR_INVALID_PARAM},
		{"fence_i, base = hart count", 0, 1, nharts, 0, 0, 0, SBI_ERR_INVALID_PARAM},
		{"fence_i, base 1 << 63", 0, 1, 1ul << 63, 0, 0, 0, SBI_ERR_INVALID_PARAM},
		{"fence_i, mask bit 63", 0, 1ul << 63, 0, 0, 0, 0, SBI_ERR_INVALID_PARAM},
		{"fence_i, base -2 (wraps)", 0, 7, all1 - 1, 0, 0, 0, SBI_ERR_INVALID_PARAM},

		{"sfence_vma, others, (0, 0) = all", 1, others, 0, 0, 0, 0, SBI_SUCCESS},
		{"sfence_vma, others, size -1 = all", 1, others, 0, 0x1000, all1, 0, SBI_SUCCESS},
		{"sfence_vma, others, one page", 1, others, 0, 0x80000000, 0x1000, 0, SBI_SUCCESS},
		{"sfence_vma, others, upper-half page", 1, others, 0, 0xffffffff80000000ul, 0x1000,
		 0, SBI_SUCCESS},
		{"sfence_vma, base -1, range", 1, 0, all1, 0x80000000, 0x200000, 0, SBI_SUCCESS},
		{"sfence_vma, empty mask", 1, 0, 0, 0, 0, 0, SBI_SUCCESS},
		{"sfence_vma, self", 1, 1ul << boss, 0, 0, 0, 0, SBI_SUCCESS},
		{"sfence_vma, last page (ends at 2^64)", 1, others, 0, all1 - 0xfff, 0x1000, 0,
		 SBI_SUCCESS},
		{"sfence_vma, absent hart", 1, 1ul << nharts, 0, 0, 0, 0, SBI_ERR_INVALID_PARAM},
		{"sfence_vma, base 1 << 63", 1, 1, 1ul << 63, 0, 0, 0, SBI_ERR_INVALID_PARAM},
		{"sfence_vma, wrapping range", 1, others, 0, all1 - 0xfff, 0x2000, 0,
		 SBI_ERR_INVALID_ADDRESS},
		{"sfence_vma, wrapping range (size -2)", 1, others, 0, 0x1000, all1 - 1, 0,
		 SBI_ERR_INVALID_ADDRESS},

		{"sfence_vma_asid, others, all", 2, others, 0, 0, 0, 1, SBI_SUCCESS},
		{"sfence_vma_asid, others, size -1", 2, others, 0, 0, all1, 1, SBI_SUCCESS},
		{"sfence_vma_asid, base -1, page", 2, 0, all1, 0x80000000, 0x1000, 1, SBI_SUCCESS},
		{"sfence_vma_asid, empty mask", 2, 0, 0, 0, 0, 1, SBI_SUCCESS},
		{"sfence_vma_asid, last page (ends at 2^64)", 2, others, 0, all1 - 0xfff, 0x1000, 1,
		 SBI_SUCCESS},
		{"sfence_vma_asid, absent hart", 2, 1ul << nharts, 0, 0, 0, 1,
		 SBI_ERR_INVALID_PARAM},
		{"sfence_vma_asid, base = hart count", 2, 1, nharts, 0, 0, 1,
		 SBI_ERR_INVALID_PARAM},
		{"sfence_vma_asid, wrapping range", 2, others, 0, all1 - 0xfff, 0x2000, 1,
		 SBI_ERR_INVALID_ADDRESS},

		{"hfence_gvma_vmid (3)", 3, others, 0, 0, 0, 0, SBI_ERR_NOT_SUPPORTED},
		{"hfence_gvma (4)", 4, others, 0, 0, 0, 0, SBI_ERR_NOT_SUPPORTED},
		{"hfence_vvma_asid (5)", 5, others, 0, 0, 0, 0, SBI_ERR_NOT_SUPPORTED},
		{"hfence_vvma (6)", 6, others, 0, 0, 0, 0, SBI_ERR_NOT_SUPPORTED},
		{"fid 7", 7, others, 0, 0, 0, 0, SBI_ERR_NOT_SUPPORTED},
	};

	for (unsigned int i = 0; i < ARRAY_SIZE(cases); i++) {
		const struct fence_case *c = &cases[i];
		struct sbiret r = sbi_ecall(SBI_EXT_RFENCE, c->fid, c->mask, c->base, c->start,
					    c->size, c->asid, 0);

		test_check_eqf((unsigned long)c->want, (unsigned long)r.error,
			       "%s (others %s): error %ld", c->name, when, c->want);
	}
}

static volatile int spin_quit;

static void spinner(void *arg)
{
	(void)arg;
	while (!spin_quit)
		;
}

/* ---- remote FENCE.I after code modification -------------------------------- */

static volatile unsigned int code[4] __attribute__((aligned(64))) = {INSN_LI_A0(1), INSN_RET};
static volatile unsigned long step, acks;
static volatile long seen1[GUEST_MAX_HARTS], res1[GUEST_MAX_HARTS], res2[GUEST_MAX_HARTS];

static long run_code(void)
{
	return ((long (*)(void))(unsigned long)code)();
}

static void fencei_target(void *arg)
{
	unsigned long me = hart_id();

	(void)arg;
	while (step < 1)
		if (run_code() == 1)
			seen1[me] = 1;
	res1[me] = run_code();
	__atomic_fetch_add(&acks, 1, __ATOMIC_SEQ_CST);
	while (step < 2)
		run_code();
	res2[me] = run_code();
	__atomic_fetch_add(&acks, 1, __ATOMIC_SEQ_CST);
}

static bool all_seen1(void)
{
	for (unsigned long h = 0; h < GUEST_MAX_HARTS; h++)
		if ((others & (1ul << h)) && !seen1[h])
			return false;
	return true;
}

static void test_remote_fence_i(void)
{
	struct sbiret r;

	CHECK_EQ("fence.i test: started the other harts", nharts - 1,
		 smp_start_all(fencei_target, NULL));
	CHECK("every other hart ran the original code (returns 1)", WAIT_FOR(all_seen1()));
	CHECK_EQ("the caller runs the original code too", 1, run_code());

	code[0] = INSN_LI_A0(2);
	__sync_synchronize();
	r = sbi_remote_fence_i(others, 0);
	CHECK_EQ("remote_fence_i(others) after patching: SUCCESS", SBI_SUCCESS, r.error);
	step = 1;
	CHECK("fence.i test: every hart took the first patch", WAIT_FOR(acks == nharts - 1));
	for (unsigned long h = 0; h < GUEST_MAX_HARTS; h++)
		if (others & (1ul << h))
			test_check_eqf(2, res1[h],
				       "hart %lu runs the patched code after remote fence.i", h);

	/* Second patch, fenced with base -1, which includes the caller. */
	code[0] = INSN_LI_A0(3);
	__sync_synchronize();
	r = sbi_remote_fence_i(0, ~0ul);
	CHECK_EQ("remote_fence_i(base -1) after patching: SUCCESS", SBI_SUCCESS, r.error);
	CHECK_EQ("the caller runs the patched code after remote fence.i to all", 3, run_code());
	step = 2;
	CHECK("fence.i test: every hart took the second patch", WAIT_FOR(acks == 2 * (nharts - 1)));
	for (unsigned long h = 0; h < GUEST_MAX_HARTS; h++)
		if (others & (1ul << h))
			test_check_eqf(
				3, res2[h],
				"hart %lu runs the patched code after remote fence.i (base -1)", h);
	smp_wait_all();
}

/* ---- remote SFENCE.VMA after a PTE change ----------------------------------- */

static struct pt pt;
static volatile uint32_t *page_a, *page_b;
static volatile unsigned long vstep, vacks, target_asid;
static volatile long vseen[GUEST_MAX_HARTS], vres[4][GUEST_MAX_HARTS];

static uint32_t read_va(void)
{
	return *(volatile uint32_t *)TEST_VA;
}

static void sfence_target(void *arg)
{
	unsigned long me = hart_id();

	(void)arg;
	pt_enable(&pt, 0);
	while (vstep < 1)
		if (read_va() == 0xaaaa)
			vseen[me] = 1;
	vres[0][me] = read_va();
	__atomic_fetch_add(&vacks, 1, __ATOMIC_SEQ_CST);

	/* Now with an ASID (if the hart keeps one). */
	pt_enable(&pt, target_asid);
	while (vstep < 2)
		read_va();
	vres[1][me] = read_va();
	__atomic_fetch_add(&vacks, 1, __ATOMIC_SEQ_CST);

	while (vstep < 3)
		read_va();
	vres[2][me] = read_va();
	__atomic_fetch_add(&vacks, 1, __ATOMIC_SEQ_CST);
	pt_disable();
}

static bool all_vseen(void)
{
	for (unsigned long h = 0; h < GUEST_MAX_HARTS; h++)
		if ((others & (1ul << h)) && !vseen[h])
			return false;
	return true;
}

static void flip_to(volatile uint32_t *page)
{
	*pt_leaf(&pt, TEST_VA) = pt_pte((unsigned long)page, PTE_R | PTE_W | PTE_A | PTE_D);
	__sync_synchronize();
}

static void check_vres(int idx, uint32_t want, const char *how)
{
	for (unsigned long h = 0; h < GUEST_MAX_HARTS; h++)
		if (others & (1ul << h))
			test_check_eqf(want, vres[idx][h], "hart %lu sees the new PTE after %s", h,
				       how);
}

static void test_remote_sfence_vma(void)
{
	struct sbiret r;
	unsigned long satp;

	page_a = pt_alloc_page();
	page_b = pt_alloc_page();
	page_a[0] = 0xaaaa;
	page_b[0] = 0xbbbb;
	pt_init(&pt, SATP_MODE_SV39);
	pt_map_ram_identity(&pt);
	CHECK_EQ("map the test page", 0,
		 pt_map(&pt, TEST_VA, (unsigned long)page_a, PT_4K, PTE_R | PTE_W | PTE_A | PTE_D));
	/* Which ASID bits stick: use the largest ASID the hart keeps, at most 5. */
	csr_write(satp, pt_satp(&pt, 5));
	satp = csr_read(satp);
	csr_write(satp, 0);
	sfence_vma_all();
	target_asid = (satp >> SATP_ASID_SHIFT) & SATP_ASID_MASK;
	test_log("ASID 5 reads back as %lu", target_asid);

	CHECK_EQ("sfence test: started the other harts", nharts - 1,
		 smp_start_all(sfence_target, NULL));
	CHECK("every other hart reads the first page through the test VA", WAIT_FOR(all_vseen()));

	flip_to(page_b);
	r = sbi_remote_sfence_vma(others, 0, TEST_VA, 0x1000);
	CHECK_EQ("remote_sfence_vma(others, page) after a PTE change: SUCCESS", SBI_SUCCESS,
		 r.error);
	vstep = 1;
	CHECK("sfence test: step 1 acknowledged", WAIT_FOR(vacks == nharts - 1));
	check_vres(0, 0xbbbb, "remote sfence.vma of the page");

	flip_to(page_a);
	r = sbi_remote_sfence_vma_asid(others, 0, TEST_VA, 0x1000, target_asid);
	CHECK_EQ("remote_sfence_vma_asid(others, page, asid) after a PTE change: SUCCESS",
		 SBI_SUCCESS, r.error);
	vstep = 2;
	CHECK("sfence test: step 2 acknowledged", WAIT_FOR(vacks == 2 * (nharts - 1)));
	check_vres(1, 0xaaaa, "remote sfence.vma by ASID");

	flip_to(page_b);
	r = sbi_remote_sfence_vma(0, ~0ul, 0, 0);
	CHECK_EQ("remote_sfence_vma(base -1, all) after a PTE change: SUCCESS", SBI_SUCCESS,
		 r.error);
	vstep = 3;
	CHECK("sfence test: step 3 acknowledged", WAIT_FOR(vacks == 3 * (nharts - 1)));
	check_vres(2, 0xbbbb, "remote sfence.vma of everything (base -1)");
	smp_wait_all();
}

int main(unsigned long hartid, unsigned long dtb)
{
	(void)dtb;
	boss = hartid;
	present = smp_present_mask();
	nharts = smp_hart_count();
	others = present & ~(1ul << boss);
	if (!CHECK("at least 4 harts", nharts >= 4))
		return 0;

	run_cases("stopped");
	CHECK_EQ("started spinners", nharts - 1, smp_start_all(spinner, NULL));
	run_cases("running");
	spin_quit = 1;
	smp_wait_all();

	test_remote_fence_i();
	test_remote_sfence_vma();
	return 0;
}
