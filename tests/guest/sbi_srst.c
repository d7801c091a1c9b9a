/* hv-test: --cpus 4 --mem 256M qemu-skip: needs RAM kept across a warm reboot and the ucall boot count */
// SPDX-License-Identifier: MIT
/*
 * SBI SRST system_reset, across four boots of one run (4 harts):
 *   boot 1: error cases; then, with the other harts running, in HSM suspend
 *           and the boot hart's paging on, a warm reboot from the boot hart;
 *   boot 2: RAM was kept (the boot counter in .data, which crt0 does not
 *           clear, is 2, and a canary far up in RAM is intact); every other
 *           hart is STOPPED and the boot hart has satp = 0; then a warm
 *           reboot from another hart, with reset_type 0xFFFFFFFF_00000002
 *           (only the low 32 bits count);
 *   boot 3: the same checks; then a cold reboot;
 *   boot 4: RAM was reset: the .data counter starts again at 1 and the
 *           canary is gone, while the VMM's own boot count
 *           (HV_UCALL_STAT_BOOTS) says 4; shutdown with reason "none".
 * Error cases: reset_type 3, 0xEFFFFFFF (reserved), 0xF0000000, 0xFFFFFFFF
 * (vendor, unimplemented) and 0x1_00000003, and reset_reason 2, 0xDFFFFFFF
 * (reserved), 0xE0000000 (SBI-implementation), 0xF0000000 (vendor) are
 * INVALID_PARAM; FID 1 is NOT_SUPPORTED.  A reset that should have failed
 * but happened is caught at the next boot.
 */
#include "sbitest.h"

#define CANARY_ADDR 0x88000000ul /* RAM + 128 MiB: far from the image and the DTB */
#define CANARY 0x0ddba11c0ffee000ul

/* In .data: loaded with the image on a cold boot, left alone by crt0 and a warm reboot. */
static struct {
	unsigned long magic;
	unsigned long boots;
	unsigned long expected_reboot; /* the next boot is an intended reset */
} state __attribute__((section(".data"))) = {0x5157, 0, 0};

static volatile unsigned long *canary(void)
{
	return (volatile unsigned long *)CANARY_ADDR;
}

static void error_cases(void)
{
	const unsigned long bad_types[] = {3, 0xEFFFFFFF, 0xF0000000, 0xFFFFFFFF, (1ul << 32) | 3};
	const unsigned long bad_reasons[] = {2, 0xDFFFFFFF, 0xE0000000, 0xF0000000, 0xFFFFFFFF};
	struct sbiret r;

	for (unsigned int i = 0; i < ARRAY_SIZE(bad_types); i++) {
		r = sbi_ecall(SBI_EXT_SRST, 0, bad_types[i], 0, 0, 0, 0, 0);
		test_check_eqf(SBI_ERR_INVALID_PARAM, r.error, "reset_type 0x%lx: INVALID_PARAM",
			       bad_types[i]);
	}
	/* With a valid type (warm reboot): a wrong acceptance shows up as a reboot. */
	for (unsigned int i = 0; i < ARRAY_SIZE(bad_reasons); i++) {
		r = sbi_ecall(SBI_EXT_SRST, 0, SBI_SRST_RESET_TYPE_WARM_REBOOT, bad_reasons[i], 0,
			      0, 0, 0);
		test_check_eqf(SBI_ERR_INVALID_PARAM, r.error,
			       "warm reboot, reset_reason 0x%lx: INVALID_PARAM", bad_reasons[i]);
	}
	r = sbi_ecall(SBI_EXT_SRST, 1, SBI_SRST_RESET_TYPE_WARM_REBOOT, 0, 0, 0, 0, 0);
	CHECK_EQ("SRST fid 1: NOT_SUPPORTED", SBI_ERR_NOT_SUPPORTED, r.error);
}

static void spin_forever(void *arg)
{
	(void)arg;
	for (;;)
		;
}

static void suspend_forever(void *arg)
{
	(void)arg;
	csr_clear(sstatus, SSTATUS_SIE);
	csr_write(sie, 0);
	for (;;)
		sbi_hart_suspend(SBI_HSM_SUSPEND_RET_DEFAULT, 0, 0);
}

static volatile int rebooter_go;

/* Boot 2: hart 2 resets the machine, with the upper half of reset_type set. */
static void rebooter(void *arg)
{
	struct sbiret r;

	(void)arg;
	while (!rebooter_go)
		;
	r = sbi_ecall(SBI_EXT_SRST, 0, 0xFFFFFFFF00000000ul | SBI_SRST_RESET_TYPE_WARM_REBOOT,
		      SBI_SRST_RESET_REASON_NONE, 0, 0, 0, 0);
	test_check_eqf(0, r.error + 1000, "warm reboot from hart 2 returned (error %ld)", r.error);
	test_done();
}

static void reset(unsigned long type, const char *what)
{
	struct sbiret r;

	state.expected_reboot = 1;
	__sync_synchronize();
	r = sbi_system_reset(type, SBI_SRST_RESET_REASON_NONE);
	state.expected_reboot = 0;
	test_check_eqf(0, r.error + 1000, "%s returned (error %ld)", what, r.error);
	test_done();
}

static void after_boot_checks(unsigned long b, unsigned long host, unsigned long hartid)
{
	test_check_eqf(1, state.expected_reboot, "boot %lu: the reset before it was intended", b);
	state.expected_reboot = 0;
	test_check_eqf(b, host, "boot %lu: the VMM counts %lu boots", b, b);
	test_check_eqf(0, hartid, "boot %lu: boots on hart 0", b);
	test_check_eqf(0, csr_read(satp), "boot %lu: satp = 0 at boot", b);
	test_check_eqf(CANARY, *canary(), "boot %lu: warm reboot kept RAM (canary)", b);
	for (unsigned long h = 1; h < 4; h++)
		test_check_eqf(SBI_HSM_STATE_STOPPED, hsm_status(h),
			       "boot %lu: hart %lu STOPPED after the reset", b, h);
}

int main(unsigned long hartid, unsigned long dtb)
{
	unsigned long b, host;
	struct pt pt;

	(void)dtb;
	b = ++state.boots;
	if (!test_ucall_active()) {
		/* Without the VMM's boot count a cold reboot cannot be told apart. */
		error_cases();
		test_log("no ucall: reboot cases skipped");
		return 0;
	}
	host = hv_stat(HV_UCALL_STAT_BOOTS);
	test_log("boot %lu (VMM boot %lu)", b, host);
	CHECK_EQ("the .data magic is intact", 0x5157, state.magic);
	if (!CHECK("4 harts", smp_hart_count() == 4))
		return 0;

	if (b == 1 && host == 1) {
		CHECK_EQ("boot 1: canary clear in fresh RAM", 0, *canary());
		CHECK_EQ("boot 1: the reset flag is clear", 0, state.expected_reboot);
		error_cases();
		*canary() = CANARY;
		/* Other harts busy in every way, paging on here: the reset must undo it all. */
		smp_start_hart(1, suspend_forever, NULL);
		smp_start_hart(2, spin_forever, NULL);
		smp_start_hart(3, spin_forever, NULL);
		CHECK("boot 1: hart 1 SUSPENDED",
		      WAIT_FOR(hsm_status(1) == SBI_HSM_STATE_SUSPENDED));
		pt_init(&pt, SATP_MODE_SV39);
		pt_map_ram_identity(&pt);
		pt_enable(&pt, 0);
		reset(SBI_SRST_RESET_TYPE_WARM_REBOOT, "warm reboot from hart 0");
	} else if (b == 2) {
		after_boot_checks(b, host, hartid);
		smp_start_hart(1, spin_forever, NULL);
		smp_start_hart(2, rebooter, NULL);
		CHECK("boot 2: harts 1 and 2 STARTED",
		      WAIT_FOR(hsm_status(1) == SBI_HSM_STATE_STARTED &&
			       hsm_status(2) == SBI_HSM_STATE_STARTED));
		state.expected_reboot = 1;
		__sync_synchronize();
		rebooter_go = 1;
		for (;;)
			wfi();
	} else if (b == 3) {
		after_boot_checks(b, host, hartid);
		smp_start_hart(3, spin_forever, NULL);
		reset(SBI_SRST_RESET_TYPE_COLD_REBOOT, "cold reboot");
	} else if (b == 1 && host == 4) {
		CHECK_EQ("boot 4 (after the cold reboot): .data reloaded, counter restarted", 1,
			 state.boots);
		CHECK_EQ("boot 4: cold reboot reset RAM (canary gone)", 0, *canary());
		CHECK_EQ("boot 4: boots on hart 0", 0, hartid);
		for (unsigned long h = 1; h < 4; h++)
			test_check_eqf(SBI_HSM_STATE_STOPPED, hsm_status(h),
				       "boot 4: hart %lu STOPPED after the reset", h);
		/* test_done() shuts down with reason "none": hartvisor exits 0. */
	} else {
		test_checkf(false, "unexpected boot: .data counter %lu, VMM boot %lu, flag %lu", b,
			    host, state.expected_reboot);
	}
	return 0;
}
