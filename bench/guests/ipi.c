// SPDX-License-Identifier: MIT
/*
 * IPI round trip with the target hart running: hart A sends an SBI IPI to
 * hart B, which spins (never in WFI) with interrupts on; B's handler sends an
 * IPI back; A's handler counts it.  A measures from before its send to after
 * it has seen the reply.  Prints the median and minimum in microseconds:
 *	BENCH ipi_us=N.D
 */
#include "bench.h"

#define IPI_WARMUP 50u
#define IPI_REPS 2001u

static unsigned long hart_a, hart_b;
static volatile unsigned long pongs;
static volatile int b_ready, b_done;
static unsigned long samples[IPI_REPS];

static void ipi_handler(struct trap_frame *f, unsigned int irq)
{
	(void)f;
	(void)irq;
	csr_clear(sip, MIP_SSIP);
	if (hart_id() == hart_b)
		sbi_send_ipi(1, hart_a);
	else
		pongs = pongs + 1;
}

static void target(void *arg)
{
	(void)arg;
	csr_set(sie, MIP_SSIP);
	irq_enable();
	b_ready = 1;
	while (!b_done)
		;
	irq_disable();
}

static unsigned long round_trip(void)
{
	unsigned long p = pongs, t0, t1;

	t0 = time_now();
	sbi_send_ipi(1, hart_b);
	while (pongs == p)
		;
	t1 = time_now();
	return t1 - t0;
}

int main(unsigned long hartid, unsigned long dtb)
{
	unsigned long min = ~0ul;
	long r;

	(void)dtb;
	hart_a = hartid;
	hart_b = bench_other_hart(hartid);
	if (hart_b == ~0ul) {
		console_printf("BENCH ipi_error=needs 2 harts\n");
		bench_shutdown();
	}
	trap_set_irq_handler(IRQ_S_SOFT, ipi_handler);
	csr_set(sie, MIP_SSIP);
	irq_enable();
	r = smp_start_hart(hart_b, target, NULL);
	if (r) {
		console_printf("BENCH ipi_error=HART_START %ld\n", r);
		bench_shutdown();
	}
	while (!b_ready)
		;
	for (unsigned int i = 0; i < IPI_WARMUP; i++)
		round_trip();
	for (unsigned int i = 0; i < IPI_REPS; i++) {
		samples[i] = round_trip();
		if (samples[i] < min)
			min = samples[i];
	}
	b_done = 1;
	smp_wait_all();
	irq_disable();
	bench_print_us("ipi_min_us", min);
	bench_print_us("ipi_us", bench_median(samples, IPI_REPS));
	bench_shutdown();
}
