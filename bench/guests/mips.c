// SPDX-License-Identifier: MIT
/*
 * Guest MIPS on an integer compute kernel whose instruction count is known by
 * construction: bench_kernel() below is hand-written assembly, so no compiler
 * can change what it executes.  Each loop iteration is exactly
 * KERNEL_LOOP_INSNS instructions, a small CoreMark-like mix: 64- and 32-bit
 * loads and stores, ALU and shift ops, a multiply, a data-dependent branch
 * (both paths the same length), a call and return, and the loop branch.
 *
 * The kernel runs in chunks of BENCH_CHUNK_ITERS iterations after one
 * warm-up chunk, until 2 s of rdtime have passed, and the guest prints
 *	BENCH insns=N ticks=T mips=M
 * (the ~10 C instructions between chunks are not counted: < 1e-6 of a chunk).
 *
 * Built with -DBENCH_CHUNKS=N it runs exactly N timed chunks instead: that
 * is for measuring host instructions per guest instruction, by running two
 * such builds under callgrind and dividing the difference of their host
 * instruction counts by the difference of their guest counts.
 */
#include "bench.h"

#ifndef BENCH_CHUNK_ITERS
#define BENCH_CHUNK_ITERS (1ul << 20)
#endif
#define BENCH_SECONDS 2ul

#define KERNEL_LOOP_INSNS 32ul
/* 6 set-up instructions before the loop, 3 after it (ret included). */
#define KERNEL_FIXED_INSNS 9ul

/* unsigned long bench_kernel(unsigned long iters, unsigned long *buf): iters >= 1, buf 128 bytes */
unsigned long bench_kernel(unsigned long iters, unsigned long *buf);

asm(".text\n"
    ".balign 4\n"
    ".globl bench_kernel\n"
    "bench_kernel:\n"
    "	addi	a2, zero, 1\n"
    "	addi	a3, zero, 7\n"
    "	mv	a4, zero\n"
    "	mv	a5, zero\n"
    "	mv	a6, zero\n"
    "	mv	a7, zero\n"
    "1:	ld	t0, 0(a1)\n" /* 1 */
    "	ld	t1, 8(a1)\n"
    "	add	t2, t0, t1\n"
    "	xor	t3, t2, a2\n"
    "	slli	t4, t3, 3\n" /* 5 */
    "	srli	t5, t3, 7\n"
    "	or	t4, t4, t5\n"
    "	sd	t4, 0(a1)\n"
    "	addi	a2, a2, 13\n"
    "	mul	t6, t4, a3\n" /* 10 */
    "	add	a4, a4, t6\n"
    "	andi	t0, t4, 1\n"
    "	beqz	t0, 2f\n" /* 13: both paths run 2 more */
    "	addi	a5, a5, 1\n"
    "	j	3f\n"
    "2:	addi	a5, a5, 3\n"
    "	nop\n" /* 15 */
    "3:	sub	t1, a4, a5\n"
    "	sltu	t2, t1, a4\n"
    "	add	a6, a6, t2\n"
    "	sw	t1, 8(a1)\n"
    "	lw	t3, 12(a1)\n" /* 20 */
    "	addw	a7, a7, t3\n"
    "	andi	t5, a2, 56\n"
    "	add	t5, t5, a1\n"
    "	ld	t6, 16(t5)\n"
    "	add	t6, t6, a4\n" /* 25 */
    "	sd	t6, 16(t5)\n"
    "	jal	t0, 4f\n"     /* 27, then 28-30 in the leaf */
    "	addi	a0, a0, -1\n" /* 31 */
    "	bnez	a0, 1b\n"     /* 32 */
    "	add	a0, a4, a6\n"
    "	add	a0, a0, a7\n"
    "	ret\n"
    "4:	srai	t1, a4, 2\n"
    "	xor	a4, a4, t1\n"
    "	jr	t0\n");

/*
 * unsigned long bench_alu(unsigned long iters): register-only ALU ops, the
 * kind of loop an interpreter or a JIT does best on; iters >= 1.  Same
 * instruction counts as bench_kernel: 32 per iteration, 9 fixed.
 */
unsigned long bench_alu(unsigned long iters, unsigned long *unused);

asm(".text\n"
    ".balign 4\n"
    ".globl bench_alu\n"
    "bench_alu:\n"
    "	addi	a2, zero, 1\n"
    "	addi	a3, zero, 3\n"
    "	addi	a4, zero, 5\n"
    "	addi	a5, zero, 7\n"
    "	addi	a6, zero, 11\n"
    "	addi	a7, zero, 13\n"
    "1:	add	t0, a2, a3\n" /* 1 */
    "	xor	t1, a4, a5\n"
    "	sub	t2, a6, a7\n"
    "	slli	t3, t0, 5\n"
    "	srli	t4, t1, 3\n" /* 5 */
    "	or	t5, t2, t3\n"
    "	and	t6, t4, t0\n"
    "	addi	a2, t5, 17\n"
    "	sltu	t0, t6, a2\n"
    "	addw	a3, a3, t0\n" /* 10 */
    "	xori	t1, a3, 0x55\n"
    "	sra	t2, t1, t0\n"
    "	add	a4, a4, t2\n"
    "	sllw	t3, a4, t0\n"
    "	subw	t4, t3, a5\n" /* 15 */
    "	ori	a5, t4, 1\n"
    "	srliw	t5, a5, 2\n"
    "	add	a6, a6, t5\n"
    "	slt	t6, a6, a7\n"
    "	add	a7, a7, t6\n" /* 20 */
    "	andi	t0, a7, 0x7f\n"
    "	or	t1, t0, a2\n"
    "	xor	a2, a2, t1\n"
    "	srai	t2, a4, 1\n"
    "	addiw	t3, t2, -9\n" /* 25 */
    "	sub	a3, a3, t3\n"
    "	slli	t4, a6, 1\n"
    "	xor	a6, a6, t4\n"
    "	addi	t5, a5, 3\n"
    "	add	a5, a5, t5\n" /* 30 */
    "	addi	a0, a0, -1\n"
    "	bnez	a0, 1b\n" /* 32 */
    "	add	a0, a2, a3\n"
    "	add	a0, a0, a6\n"
    "	ret\n");

static unsigned long buf[16] __attribute__((aligned(64)));

/*
 * Run @kernel in chunks for BENCH_SECONDS (or BENCH_CHUNKS chunks) after a
 * warm-up chunk; print "<name>_insns", "<name>_ticks" and "<name>=MIPS".
 */
static unsigned long run(unsigned long (*kernel)(unsigned long, unsigned long *), const char *name)
{
	const unsigned long chunk_insns =
		BENCH_CHUNK_ITERS * KERNEL_LOOP_INSNS + KERNEL_FIXED_INSNS;
	unsigned long t0, t1, chunks = 0, sum = 0, insns, ticks;

	sum += kernel(BENCH_CHUNK_ITERS, buf); /* warm-up */
	t0 = time_now();
#ifdef BENCH_CHUNKS
	for (chunks = 0; chunks < BENCH_CHUNKS; chunks++)
		sum += kernel(BENCH_CHUNK_ITERS, buf);
	t1 = time_now();
#else
	do {
		sum += kernel(BENCH_CHUNK_ITERS, buf);
		chunks++;
		t1 = time_now();
	} while (t1 - t0 < BENCH_SECONDS * BENCH_TIMEBASE_HZ);
#endif
	insns = chunks * chunk_insns;
	ticks = t1 - t0 ? t1 - t0 : 1;
	/* MIPS = insns / (ticks / 10 MHz) / 1e6 = 10 * insns / ticks; one decimal. */
	console_printf("BENCH %s_insns=%lu\n", name, insns);
	console_printf("BENCH %s_ticks=%lu\n", name, ticks);
	console_printf("BENCH %s=%lu.%lu\n", name, insns * 10 / ticks, insns * 100 / ticks % 10);
	return sum;
}

int main(unsigned long hartid, unsigned long dtb)
{
	unsigned long sum;

	(void)hartid;
	(void)dtb;
	for (unsigned int i = 0; i < ARRAY_SIZE(buf); i++)
		buf[i] = 0x9e3779b97f4a7c15ul * (i + 1);
	sum = run(bench_kernel, "mips");
#ifndef BENCH_CHUNKS
	sum += run(bench_alu, "mips_alu");
#endif
	console_printf("BENCH checksum=%lx\n", sum);
	bench_shutdown();
}
