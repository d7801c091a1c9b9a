/* hv-test: --suspend-wake=after:20 qemu-skip: OpenSBI 1.1 has no SUSP */
// SPDX-License-Identifier: MIT
/*
 * One system suspend with no timer armed, so only the VMM's other wake
 * sources can end it: --suspend-wake=after:MS here, and console input in
 * tests/cli_test.sh, which runs this guest with --suspend-wake=auto and types
 * a byte into it.
 */
#include "guest.h"

void guest_secondary_entry(void);

static volatile unsigned long t_suspend;

static void resumed(void *arg)
{
	(void)arg;
	CHECK_EQ("resumed with the timer still unarmed: STIP clear", 0, csr_read(sip) & MIP_STIP);
	CHECK("time moved on while suspended", time_now() > t_suspend);
	test_done();
}

int main(unsigned long hartid, unsigned long dtb)
{
	struct sbiret r;

	(void)dtb;
	hart_locals[hartid].start_fn = resumed;
	sbi_set_timer(~0ul);
	t_suspend = time_now();
	r = sbi_system_suspend(SBI_SUSP_SLEEP_TYPE_SUSPEND_TO_RAM,
			       (unsigned long)guest_secondary_entry, 0);
	/* Only an error returns. */
	CHECK_EQ("system_suspend did not return", 0, r.error + 1000);
	return 0;
}
