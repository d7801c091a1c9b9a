/* hv-test: --cpus 4 qemu-skip: OpenSBI 1.1 drops absent harts and redirects bad mask pointers */
// SPDX-License-Identifier: MIT
/*
 * The legacy SBI v0.1 extensions (EIDs 0x00-0x08), 4 harts.  They return in
 * a0 only: every other register, a1 included, is preserved.
 *  - console_putchar returns 0; console_getchar returns -1 with no input;
 *  - set_timer: a past deadline raises STIP, a future one clears it;
 *  - send_ipi takes a POINTER to the hart mask, a supervisor virtual
 *    address (read through the caller's page table); NULL means every hart;
 *    exactly the named harts get an IPI; a mask naming an absent hart, or a
 *    pointer to nothing, is a negative error and sends nothing;
 *  - clear_ipi clears the caller's pending SSIP;
 *  - remote_fence_i, remote_sfence_vma and remote_sfence_vma_asid return 0
 *    for a mask pointer and for NULL, a negative error for a bad pointer;
 *  - EIDs 0x09-0x0F are not legacy calls: NOT_SUPPORTED;
 *  - the test ends with the legacy shutdown (EID 0x08), not SRST: hartvisor
 *    must exit 0.
 */
#include "sbitest.h"

#define TEST_VA 0x40000000ul

/* The runtime's DONE comes with SRST; this test ends with the legacy shutdown, so it counts. */
static unsigned long nchecks;
#define LCHECK(name, c) (nchecks++, CHECK(name, c))
#define LCHECK_EQ(name, e, a) (nchecks++, CHECK_EQ(name, e, a))
#define LCHECKF(...) (nchecks++, test_checkf(__VA_ARGS__))
#define LCHECK_EQF(...) (nchecks++, test_check_eqf(__VA_ARGS__))

static unsigned long pattern(unsigned int n)
{
	return 0x1e6a000000000000ul | ((unsigned long)n << 32) | (0x7700u + n);
}

/* A legacy call with every register but a0 checked afterwards; returns a0. */
static long legacy_checked(const char *what, unsigned long eid, unsigned long a0, unsigned long a1,
			   unsigned long a2, unsigned long a3)
{
	unsigned long r[32], bad;

	for (unsigned int n = 0; n < 32; n++)
		r[n] = pattern(n);
	r[17] = eid;
	r[16] = 0;
	r[10] = a0;
	r[11] = a1;
	r[12] = a2;
	r[13] = a3;
	bad = sbi_regs_call(r, true);
	LCHECK_EQF(0, bad, "%s: every register but a0 (a1 too) preserved (bit n = xn changed)",
		   what);
	return (long)r[10];
}

static long legacy(unsigned long eid, unsigned long a0, unsigned long a1, unsigned long a2,
		   unsigned long a3)
{
	return sbi_ecall(eid, 0, a0, a1, a2, a3, 0, 0).error;
}

/* ---- IPI rounds (see sbi_ipi.c) ----------------------------------------------- */

static unsigned int nharts;
static unsigned long boss, present, others;
static volatile unsigned long round_no, sent_round;
static volatile unsigned int ready_cnt, done_cnt;
static volatile int expect[GUEST_MAX_HARTS], got[GUEST_MAX_HARTS];

static bool ssip(void)
{
	return csr_read(sip) & MIP_SSIP;
}

static void responder(void *arg)
{
	unsigned long me = hart_id();

	(void)arg;
	csr_clear(sstatus, SSTATUS_SIE);
	csr_write(sie, MIP_SSIP);
	for (unsigned long r = 1;; r++) {
		while (round_no != r && round_no != ~0ul)
			;
		if (round_no == ~0ul)
			return;
		csr_clear(sip, MIP_SSIP);
		__atomic_fetch_add(&ready_cnt, 1, __ATOMIC_SEQ_CST);
		while (sent_round != r)
			;
		got[me] = expect[me] ? WAIT_FOR(ssip()) : ssip();
		csr_clear(sip, MIP_SSIP);
		__atomic_fetch_add(&done_cnt, 1, __ATOMIC_SEQ_CST);
	}
}

/* Legacy send_ipi(@ptr): @ok = expect 0 (else a negative error); exactly @targets get one. */
static void ipi_round(const char *name, unsigned long ptr, bool ok, unsigned long targets)
{
	long err;
	int self;

	for (unsigned long h = 0; h < GUEST_MAX_HARTS; h++) {
		expect[h] = (targets >> h) & 1;
		got[h] = -1;
	}
	ready_cnt = 0;
	done_cnt = 0;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	round_no = round_no + 1;
	while (ready_cnt != nharts - 1)
		;
	csr_clear(sip, MIP_SSIP);
	err = legacy(0x04, ptr, 0, 0, 0);
	self = ssip();
	csr_clear(sip, MIP_SSIP);
	sent_round = round_no;
	while (done_cnt != nharts - 1)
		;
	if (ok)
		LCHECK_EQF(0, err, "send_ipi %s: returns 0", name);
	else
		LCHECKF(err < 0, "send_ipi %s: negative error (got %ld)", name, err);
	for (unsigned long h = 0; h < GUEST_MAX_HARTS; h++) {
		if (!(present & (1ul << h)))
			continue;
		LCHECK_EQF(expect[h], h == boss ? self : got[h], "send_ipi %s: hart %lu %s", name,
			   h, expect[h] ? "got its IPI" : "got none");
	}
}

static volatile unsigned long mask_word, bad_mask_word, self_mask_word;

static void ipi_cases(void)
{
	struct pt pt;
	volatile unsigned long *alias_page;

	mask_word = (1ul << 1) | (1ul << 3);
	bad_mask_word = (1ul << 1) | (1ul << nharts);
	LCHECK_EQ("started the responders", nharts - 1, smp_start_all(responder, NULL));
	ipi_round("mask {1, 3} by pointer", (unsigned long)&mask_word, true, mask_word);
	ipi_round("NULL mask: every hart", 0, true, present);
	ipi_round("mask with an absent hart", (unsigned long)&bad_mask_word, false, 0);
	ipi_round("mask pointer outside RAM", 0x1000, false, 0);

	/* The pointer is virtual: map the mask at TEST_VA and pass that. */
	alias_page = pt_alloc_page();
	alias_page[0] = 1ul << 2;
	pt_init(&pt, SATP_MODE_SV39);
	pt_map_ram_identity(&pt);
	pt_map(&pt, TEST_VA, (unsigned long)alias_page, PT_4K, PTE_R | PTE_W | PTE_A | PTE_D);
	pt_enable(&pt, 0);
	ipi_round("mask {2} through a virtual address", TEST_VA, true, 1ul << 2);
	ipi_round("mask pointer to an unmapped VA", TEST_VA + 0x1000, false, 0);
	pt_disable();

	round_no = ~0ul;
	smp_wait_all();
}

int main(unsigned long hartid, unsigned long dtb)
{
	unsigned long ok_ptr, bad_ptr = 0x1000;
	long a0;

	(void)dtb;
	boss = hartid;
	present = smp_present_mask();
	nharts = smp_hart_count();
	others = present & ~(1ul << boss);
	if (!LCHECK("at least 4 harts", nharts >= 4))
		test_done();

	a0 = legacy_checked("console_putchar", 0x01, '*', 0x1234, 0, 0);
	LCHECK_EQ("console_putchar returns 0", 0, a0);
	legacy(0x01, '\n', 0, 0, 0);
	a0 = legacy_checked("console_getchar", 0x02, 0, 0x1234, 0, 0);
	LCHECK_EQ("console_getchar with no input returns -1", -1, a0);

	/* set_timer */
	csr_clear(sstatus, SSTATUS_SIE);
	csr_write(sie, 0);
	a0 = legacy_checked("set_timer(0)", 0x00, 0, 0x1234, 0, 0);
	LCHECK_EQ("set_timer(0) returns 0", 0, a0);
	LCHECK("set_timer in the past: STIP pending", WAIT_FOR(csr_read(sip) & MIP_STIP));
	a0 = legacy_checked("set_timer(never)", 0x00, ~0ul, 0x1234, 0, 0);
	LCHECK("set_timer(never): STIP clear", !(csr_read(sip) & MIP_STIP));
	legacy(0x00, 0, 0, 0, 0);
	WAIT_FOR(csr_read(sip) & MIP_STIP);
	legacy(0x00, time_now() + 1000 * TIMEBASE_HZ, 0, 0, 0);
	LCHECK("set_timer(now + 1000 s): STIP clear", !(csr_read(sip) & MIP_STIP));
	legacy(0x00, ~0ul, 0, 0, 0);

	/* clear_ipi */
	self_mask_word = 1ul << boss;
	a0 = legacy_checked("send_ipi(self)", 0x04, (unsigned long)&self_mask_word, 0x1234, 0, 0);
	LCHECK_EQ("send_ipi(self) returns 0", 0, a0);
	LCHECK("send_ipi(self): SSIP pending", ssip());
	a0 = legacy_checked("clear_ipi", 0x03, 0, 0x1234, 0, 0);
	LCHECKF(a0 >= 0, "clear_ipi returns 0 or a positive value (got %ld)", a0);
	LCHECK("clear_ipi: SSIP clear", !ssip());

	ipi_cases();

	/* Remote fences. */
	mask_word = others;
	ok_ptr = (unsigned long)&mask_word;
	a0 = legacy_checked("remote_fence_i", 0x05, ok_ptr, 0x1234, 0, 0);
	LCHECK_EQ("remote_fence_i(mask pointer) returns 0", 0, a0);
	LCHECK_EQ("remote_fence_i(NULL) returns 0", 0, legacy(0x05, 0, 0, 0, 0));
	LCHECKF(legacy(0x05, bad_ptr, 0, 0, 0) < 0, "remote_fence_i(bad pointer): negative error");
	a0 = legacy_checked("remote_sfence_vma", 0x06, ok_ptr, 0x80000000, 0x1000, 0);
	LCHECK_EQ("remote_sfence_vma(mask pointer, page) returns 0", 0, a0);
	LCHECK_EQ("remote_sfence_vma(NULL, all) returns 0", 0, legacy(0x06, 0, 0, 0, 0));
	LCHECKF(legacy(0x06, bad_ptr, 0, 0, 0) < 0,
		"remote_sfence_vma(bad pointer): negative error");
	a0 = legacy_checked("remote_sfence_vma_asid", 0x07, ok_ptr, 0x80000000, 0x1000, 1);
	LCHECK_EQ("remote_sfence_vma_asid(mask pointer, page, 1) returns 0", 0, a0);
	LCHECK_EQ("remote_sfence_vma_asid(NULL, all, 1) returns 0", 0, legacy(0x07, 0, 0, 0, 1));
	LCHECKF(legacy(0x07, bad_ptr, 0, 0, 1) < 0,
		"remote_sfence_vma_asid(bad pointer): negative error");
	bad_mask_word = 1ul << nharts;
	LCHECKF(legacy(0x05, (unsigned long)&bad_mask_word, 0, 0, 0) < 0,
		"remote_fence_i(mask with an absent hart): negative error");

	for (unsigned long eid = 0x09; eid <= 0x0f; eid++)
		LCHECK_EQF(SBI_ERR_NOT_SUPPORTED, sbi_ecall(eid, 0, 0, 0, 0, 0, 0, 0).error,
			   "EID 0x%lx: NOT_SUPPORTED", eid);

	/* Report, then power off through the legacy call. */
	if (test_ucall_active())
		sbi_ecall(HV_UCALL_EID, HV_UCALL_DONE, nchecks, test_failures(), 0, 0, 0, 0);
	else
		console_printf("DONE checks=%lu failures=%lu\n", nchecks, test_failures());
	legacy(0x08, 0, 0, 0, 0);
	test_abort("legacy shutdown returned");
}
