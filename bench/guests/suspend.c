// SPDX-License-Identifier: MIT
/*
 * System suspend -> resume with an immediate wake (hartvisor's
 * --suspend-wake=now): the time from just before the SBI SUSP call to the
 * first instruction of the resume entry, both read with rdtime.  The resume
 * entry stores the time and re-enters the runtime through
 * guest_secondary_entry, which calls this hart's start_fn: susp_resumed(),
 * which suspends again until it has SUSP_REPS samples.  Prints the median
 * and minimum in microseconds:
 *	BENCH susp_us=N.D
 * or, where the SBI has no SUSP extension (OpenSBI 1.1):
 *	BENCH susp=n/a
 */
#include "bench.h"

#define SUSP_REPS 21u

extern char guest_secondary_entry[];
void susp_resume_entry(unsigned long hartid, unsigned long opaque);

/* a0 = hart id, a1 = opaque = where to store the resume time. */
asm(".text\n"
    ".balign 4\n"
    ".globl susp_resume_entry\n"
    "susp_resume_entry:\n"
    "	rdtime	t0\n"
    "	sd	t0, 0(a1)\n"
    "	j	guest_secondary_entry\n");

static volatile unsigned long t_call, t_resume;
static unsigned long samples[SUSP_REPS];
static unsigned int reps;

static __attribute__((noreturn)) void susp_report(void)
{
	unsigned long min = ~0ul;

	for (unsigned int i = 0; i < reps; i++)
		if (samples[i] < min)
			min = samples[i];
	bench_print_us("susp_min_us", min);
	bench_print_us("susp_us", bench_median(samples, reps));
	bench_shutdown();
}

/* Suspend the system; returns only if SUSP failed. */
static void susp_once(void)
{
	struct sbiret r;

	t_call = time_now();
	r = sbi_system_suspend(SBI_SUSP_SLEEP_TYPE_SUSPEND_TO_RAM, (unsigned long)susp_resume_entry,
			       (unsigned long)&t_resume);
	console_printf("BENCH susp_error=%ld\n", r.error);
}

/* Runs on every resume, from guest_secondary_entry, on a fresh stack. */
static void susp_resumed(void *arg)
{
	(void)arg;
	samples[reps++] = t_resume - t_call;
	if (reps < SUSP_REPS)
		susp_once();
	susp_report();
}

int main(unsigned long hartid, unsigned long dtb)
{
	(void)dtb;
	if (sbi_probe_extension(SBI_EXT_SUSP).value == 0) {
		console_printf("BENCH susp=n/a\n");
		bench_shutdown();
	}
	hart_locals[hartid].start_fn = susp_resumed;
	hart_locals[hartid].start_arg = NULL;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	susp_once();
	susp_report();
}
