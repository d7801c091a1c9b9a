/* SPDX-License-Identifier: MIT */
/*
 * Guest entry.  The image starts with a Linux RISC-V Image header
 * (Documentation/riscv/boot-image-header.rst) so that hartvisor and QEMU both
 * load the raw binary at RAM + text_offset = 0x80200000, where link.ld links it.
 *
 * Boot hart:       a0 = hart id, a1 = DTB, S-mode, satp = 0.
 * Started harts:   guest_secondary_entry, a0 = hart id, a1 = opaque (HSM).
 */
#include "layout.h"

	.section .text.head, "ax"
	.option push
	.option norvc		/* the header's fields sit at fixed offsets */
	.globl _start
_start:
	j	boot_entry		/* code0 */
	.word	0			/* code1 */
	.dword	0x200000		/* text_offset: load at RAM + 2 MiB */
	.dword	_end - _start		/* image_size, .bss included */
	.dword	0			/* flags: little-endian */
	.word	0x00000002		/* version 0.2 */
	.word	0			/* res1 */
	.dword	0			/* res2 */
	.ascii	"RISCV\0\0\0"		/* magic (deprecated, still checked) */
	.ascii	"RSC\x05"		/* magic2 */
	.word	0			/* res3 */
	.option pop

	.text
boot_entry:
	csrw	sie, zero
	csrci	sstatus, 2		/* SIE */
	li	t0, GUEST_MAX_HARTS
	bgeu	a0, t0, park

	/* Only the boot hart runs this, before any other hart is started. */
	la	t0, __bss_start
	la	t1, __bss_end
1:	bgeu	t0, t1, 2f
	sd	zero, 0(t0)
	addi	t0, t0, 8
	j	1b
2:
	call	set_stack
	call	guest_boot		/* (hartid, dtb), does not return */
	j	park

	.globl guest_secondary_entry
	.balign 4
guest_secondary_entry:
	csrw	sie, zero
	csrci	sstatus, 2
	li	t0, GUEST_MAX_HARTS
	bgeu	a0, t0, park
	call	set_stack
	call	guest_secondary		/* (hartid, opaque), does not return */
	j	park

/* sp = top of hart a0's stack; a0/a1 preserved. */
set_stack:
	la	sp, guest_stacks
	addi	t0, a0, 1
	slli	t0, t0, GUEST_STACK_SHIFT
	add	sp, sp, t0
	ret

park:
	wfi
	j	park

	.section .bss.stacks, "aw", @nobits
	.balign 4096
	.globl guest_stacks
guest_stacks:
	.space	GUEST_MAX_HARTS * GUEST_STACK_SIZE
	.globl guest_trap_stacks
guest_trap_stacks:
	.space	GUEST_MAX_HARTS * GUEST_TRAP_STACK_SIZE
	.balign 4096
	.globl guest_user_stacks
guest_user_stacks:
	.space	GUEST_MAX_HARTS * GUEST_USER_STACK_SIZE
