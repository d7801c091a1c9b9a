/* hv-test: --cpus 4 qemu-skip: OpenSBI 1.1 silently drops absent harts from a hart mask */
// SPDX-License-Identifier: MIT
/*
 * SBI IPI send_ipi with 4 harts.  Each case is a round: every other hart
 * clears its sip.SSIP and says it is ready; the boot hart makes the call;
 * then each hart reports whether an IPI reached it.  On hartvisor SSIP is
 * raised before send_ipi returns, so "nothing arrived" is exact.
 *  - hart_mask/hart_mask_base select exactly the named harts (self included);
 *  - base = -1 means every hart, whatever the mask;
 *  - an empty mask is SUCCESS and sends nothing;
 *  - a mask naming an absent hart (past the last, or by a huge or wrapping
 *    base) is INVALID_PARAM and, as hartvisor documents, sends nothing at all;
 *  - the IPI is taken as a supervisor software interrupt;
 *  - unknown FID: NOT_SUPPORTED, nothing sent;
 *  - STOPPED harts are valid targets (SUCCESS); any hart may send.
 */
#include "sbitest.h"

#define ROUND_QUIT (~0ul)
/*
 * An empty mask with a base past the last hart names no hart, so v3.0's
 * "a hartid constructed from hart_mask_base and hart_mask is not valid"
 * does not apply; an older reading calls the base itself invalid.  Either
 * answer is accepted, but nothing may be sent.
 */
#define SUCCESS_OR_INVALID (-1000)

static unsigned int nharts;
static unsigned long boss, present;
static volatile unsigned long round_no, sent_round;
static volatile unsigned int ready_cnt, done_cnt;
static volatile int expect[GUEST_MAX_HARTS], got[GUEST_MAX_HARTS];
static volatile int irq_mode;
static volatile unsigned long irq_cause[GUEST_MAX_HARTS];

static bool ssip(void)
{
	return csr_read(sip) & MIP_SSIP;
}

static void soft_irq(struct trap_frame *f, unsigned int irq)
{
	(void)irq;
	irq_cause[hart_id()] = f->scause;
	csr_clear(sip, MIP_SSIP);
}

static void responder(void *arg)
{
	unsigned long me = hart_id(), r;

	(void)arg;
	csr_clear(sstatus, SSTATUS_SIE);
	csr_set(sie, MIP_SSIP);
	for (r = 1;; r++) {
		while (round_no != r && round_no != ROUND_QUIT)
			;
		if (round_no == ROUND_QUIT)
			return;
		csr_clear(sip, MIP_SSIP);
		trap_irq_reset();
		__atomic_fetch_add(&ready_cnt, 1, __ATOMIC_SEQ_CST);
		while (sent_round != r)
			;
		if (irq_mode && expect[me]) {
			irq_enable();
			got[me] = WAIT_FOR(trap_irq_count(IRQ_S_SOFT) > 0);
			irq_disable();
		} else if (expect[me]) {
			got[me] = WAIT_FOR(ssip());
		} else {
			got[me] = ssip();
		}
		csr_clear(sip, MIP_SSIP);
		__atomic_fetch_add(&done_cnt, 1, __ATOMIC_SEQ_CST);
	}
}

/* One round: send_ipi(@mask, @base) (or @fid) must give @want_err and reach exactly @targets. */
static void ipi_round_fid(const char *name, unsigned long fid, unsigned long mask,
			  unsigned long base, long want_err, unsigned long targets)
{
	struct sbiret r;
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
	r = sbi_ecall(SBI_EXT_IPI, fid, mask, base, 0, 0, 0, 0);
	self = ssip();
	csr_clear(sip, MIP_SSIP);
	sent_round = round_no;
	while (done_cnt != nharts - 1)
		;
	if (want_err == SUCCESS_OR_INVALID)
		test_checkf(r.error == SBI_SUCCESS || r.error == SBI_ERR_INVALID_PARAM,
			    "%s: SUCCESS or INVALID_PARAM (got %ld)", name, r.error);
	else
		test_check_eqf((unsigned long)want_err, (unsigned long)r.error, "%s: error %ld",
			       name, want_err);
	for (unsigned long h = 0; h < GUEST_MAX_HARTS; h++) {
		if (!(present & (1ul << h)))
			continue;
		if (h == boss)
			test_check_eqf(expect[h], self, "%s: hart %lu (caller) %s", name, h,
				       expect[h] ? "got its IPI" : "got none");
		else
			test_check_eqf(expect[h], got[h], "%s: hart %lu %s", name, h,
				       expect[h] ? "got its IPI" : "got none");
	}
}

static void ipi_round(const char *name, unsigned long mask, unsigned long base, long want_err,
		      unsigned long targets)
{
	ipi_round_fid(name, 0, mask, base, want_err, targets);
}

static volatile int reverse_sent;

/* A non-boot hart sends to the boot hart. */
static void reverse_sender(void *arg)
{
	(void)arg;
	reverse_sent = sbi_send_ipi(1ul << boss, 0).error == SBI_SUCCESS ? 1 : 2;
}

int main(unsigned long hartid, unsigned long dtb)
{
	unsigned long others, h1, h2, h3;
	char name[96];

	(void)dtb;
	boss = hartid;
	present = smp_present_mask();
	nharts = smp_hart_count();
	if (!CHECK("at least 4 harts", nharts >= 4))
		return 0;
	others = present & ~(1ul << boss);
	CHECK_EQ("started every other hart", nharts - 1, smp_start_all(responder, NULL));
	trap_set_irq_handler(IRQ_S_SOFT, soft_irq);
	csr_clear(sstatus, SSTATUS_SIE);

	ipi_round("mask = other harts, base 0", others, 0, SBI_SUCCESS, others);
	ipi_round("base -1, mask 0: every hart", 0, ~0ul, SBI_SUCCESS, present);
	ipi_round("base -1, mask 0xdead (ignored): every hart", 0xdead, ~0ul, SBI_SUCCESS, present);
	ipi_round("mask = self only", 1ul << boss, 0, SBI_SUCCESS, 1ul << boss);
	for (unsigned long h = 0; h < GUEST_MAX_HARTS; h++) {
		if (!(present & (1ul << h)))
			continue;
		fmt_snprintf(name, sizeof(name), "mask 1, base %lu", h);
		ipi_round(name, 1, h, SBI_SUCCESS, 1ul << h);
	}
	/* Harts 1..3 exist whichever hart booted (ids 0..nharts-1). */
	h1 = 1;
	h2 = 2;
	h3 = 3;
	ipi_round("mask 0b11, base 2", 3, 2, SBI_SUCCESS, (1ul << h2) | (1ul << h3));
	ipi_round("mask 0b101, base 1", 5, 1, SBI_SUCCESS, (1ul << h1) | (1ul << h3));
	ipi_round("mask 0b1, base 3 (the last hart)", 1, nharts - 1, SBI_SUCCESS,
		  1ul << (nharts - 1));

	ipi_round("empty mask, base 0", 0, 0, SBI_SUCCESS, 0);
	ipi_round("empty mask, base past the last hart", 0, nharts, SUCCESS_OR_INVALID, 0);
	ipi_round("empty mask, base 1 << 63", 0, 1ul << 63, SUCCESS_OR_INVALID, 0);

	ipi_round("mask names the first absent hart", 1ul << nharts, 0, SBI_ERR_INVALID_PARAM, 0);
	ipi_round("mask = every hart + one absent", present | (1ul << nharts), 0,
		  SBI_ERR_INVALID_PARAM, 0);
	ipi_round("mask 1, base = hart count", 1, nharts, SBI_ERR_INVALID_PARAM, 0);
	ipi_round("mask 0b11, base = last hart (second absent)", 3, nharts - 1,
		  SBI_ERR_INVALID_PARAM, 0);
	ipi_round("mask bit 63, base 0", 1ul << 63, 0, SBI_ERR_INVALID_PARAM, 0);
	ipi_round("mask all ones, base 0", ~0ul, 0, SBI_ERR_INVALID_PARAM, 0);
	ipi_round("mask 1, base 1 << 63", 1, 1ul << 63, SBI_ERR_INVALID_PARAM, 0);
	ipi_round("mask 1, base 1 << 32", 1, 1ul << 32, SBI_ERR_INVALID_PARAM, 0);
	ipi_round("mask 0b111, base -2 (would wrap to 0, 1)", 7, ~0ul - 1, SBI_ERR_INVALID_PARAM,
		  0);
	ipi_round("mask bit 63, base -63 (would wrap to 0)", 1ul << 63, ~0ul - 62,
		  SBI_ERR_INVALID_PARAM, 0);
	ipi_round("mask bit 62 | bit 0, base 1 (hart 63 absent)", (1ul << 62) | 1, 1,
		  SBI_ERR_INVALID_PARAM, 0);

	ipi_round_fid("IPI fid 1", 1, others, 0, SBI_ERR_NOT_SUPPORTED, 0);
	ipi_round_fid("IPI fid all ones", ~0ul, others, 0, SBI_ERR_NOT_SUPPORTED, 0);

	/* Taken as a supervisor software interrupt. */
	irq_mode = 1;
	ipi_round("interrupt mode: mask = other harts", others, 0, SBI_SUCCESS, others);
	irq_mode = 0;
	for (unsigned long h = 0; h < GUEST_MAX_HARTS; h++)
		if (others & (1ul << h))
			test_check_eqf(CAUSE_IRQ_S_SOFT, irq_cause[h],
				       "hart %lu: scause = supervisor software interrupt", h);

	round_no = ROUND_QUIT;
	smp_wait_all();

	/* Stopped harts are valid targets. */
	for (unsigned long h = 0; h < GUEST_MAX_HARTS; h++)
		if (others & (1ul << h))
			WAIT_FOR(sbi_hart_get_status(h).value == SBI_HSM_STATE_STOPPED);
	CHECK_EQ("IPI to the stopped harts: SUCCESS", SBI_SUCCESS, sbi_send_ipi(others, 0).error);
	CHECK_EQ("IPI to every hart (base -1), others stopped: SUCCESS", SBI_SUCCESS,
		 sbi_send_ipi(0, ~0ul).error);
	csr_clear(sip, MIP_SSIP);

	/* From a non-boot hart to the boot hart. */
	csr_clear(sip, MIP_SSIP);
	smp_start_hart(others & 2 ? 1 : 2, reverse_sender, NULL);
	CHECK("IPI from another hart: arrives", WAIT_FOR(ssip()));
	CHECK("IPI from another hart: SUCCESS", WAIT_FOR(reverse_sent) && reverse_sent == 1);
	csr_clear(sip, MIP_SSIP);
	smp_wait_all();
	return 0;
}
