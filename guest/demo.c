// SPDX-License-Identifier: MIT
/*
 * The default guest for `make run`: every hart present says hello, then the
 * boot hart shuts the machine down.  It checks nothing and reports nothing;
 * it only shows that harts start and the console works.
 */
#include "guest.h"

static volatile unsigned int greeted;

static void demo_hello(void *arg)
{
	(void)arg;
	console_printf("hart %lu: hello from hartvisor\n", hart_id());
	__atomic_fetch_add(&greeted, 1, __ATOMIC_RELEASE);
}

int main(unsigned long hartid, unsigned long dtb)
{
	unsigned int started;

	(void)dtb;
	console_printf("hart %lu: hello from hartvisor (boot hart, %u harts)\n", hartid,
		       smp_hart_count());
	started = smp_start_all(demo_hello, NULL);
	while (__atomic_load_n(&greeted, __ATOMIC_ACQUIRE) < started)
		;
	smp_wait_all();
	sbi_system_reset(SBI_SRST_RESET_TYPE_SHUTDOWN, SBI_SRST_RESET_REASON_NONE);
	return 0;
}
