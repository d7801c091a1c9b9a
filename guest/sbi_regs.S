/* SPDX-License-Identifier: MIT */
/*
 * void sbi_clobber_call(unsigned long r[32]) (sbitest.h): load x1 and
 * x3..x31 from r[] (sp is left alone), ecall, and store them back into r[].
 * ra, gp, tp and s0-s11 are restored before returning.
 *
 * Frame (384 bytes): 0..255 the register image, 256 the r[] pointer,
 * 264.. ra, gp, tp, s0, s1, then s2-s11 from 304.
 */
	.text
	.balign 4
	.globl sbi_clobber_call
sbi_clobber_call:
	addi	sp, sp, -384
	sd	a0, 256(sp)
	sd	ra, 264(sp)
	sd	gp, 272(sp)
	sd	tp, 280(sp)
	sd	s0, 288(sp)
	sd	s1, 296(sp)
	.irp n, 18,19,20,21,22,23,24,25,26,27
	sd	x\n, (304 + ((\n) - 18) * 8)(sp)
	.endr
	li	t0, 0
1:	add	t1, a0, t0
	ld	t2, 0(t1)
	add	t1, sp, t0
	sd	t2, 0(t1)
	addi	t0, t0, 8
	li	t1, 256
	blt	t0, t1, 1b
	.irp n, 1,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	ld	x\n, (\n * 8)(sp)
	.endr
	ecall
	.irp n, 1,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	sd	x\n, (\n * 8)(sp)
	.endr
	ld	a0, 256(sp)
	li	t0, 0
2:	add	t1, sp, t0
	ld	t2, 0(t1)
	add	t1, a0, t0
	sd	t2, 0(t1)
	addi	t0, t0, 8
	li	t1, 256
	blt	t0, t1, 2b
	ld	ra, 264(sp)
	ld	gp, 272(sp)
	ld	tp, 280(sp)
	ld	s0, 288(sp)
	ld	s1, 296(sp)
	.irp n, 18,19,20,21,22,23,24,25,26,27
	ld	x\n, (304 + ((\n) - 18) * 8)(sp)
	.endr
	addi	sp, sp, 384
	ret
