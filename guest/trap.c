// SPDX-License-Identifier: MIT
#include "console.h"
#include "csr.h"
#include "hart.h"
#include "test.h"
#include "trap.h"

extern char trap_entry[], trap_vector_table[], user_call_return[];
long __user_call(long (*fn)(long), long arg, unsigned long usp, unsigned long delta);

static trap_irq_fn irq_handlers[16];

void trap_init(void)
{
	csr_write(stvec, (unsigned long)trap_entry);
}

void trap_set_vectored(bool vectored)
{
	if (vectored)
		csr_write(stvec, (unsigned long)trap_vector_table | 1);
	else
		csr_write(stvec, (unsigned long)trap_entry);
}

void trap_set_irq_handler(unsigned int irq, trap_irq_fn fn)
{
	irq_handlers[irq & 15] = fn;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
}

void trap_expect(void)
{
	struct hart_local *hl = this_hart();

	hl->expect.taken = 0;
	hl->expect.cause = ~0ul;
	hl->expect.tval = 0;
	hl->expect.epc = 0;
	hl->expect.from_priv = 0;
	hl->expect.vector = 0;
	asm volatile("" : : : "memory");
	hl->expect_armed = 1;
	asm volatile("" : : : "memory");
}

struct trap_info trap_result(void)
{
	struct hart_local *hl = this_hart();
	struct trap_info t;

	asm volatile("" : : : "memory");
	hl->expect_armed = 0;
	t.taken = hl->expect.taken;
	t.cause = hl->expect.cause;
	t.tval = hl->expect.tval;
	t.epc = hl->expect.epc;
	t.from_priv = hl->expect.from_priv;
	t.vector = hl->expect.vector;
	return t;
}

unsigned long trap_irq_count(unsigned int irq)
{
	return this_hart()->irq_count[irq & 15];
}

unsigned long trap_irq_last_epc(void)
{
	return this_hart()->irq_last_epc;
}

long trap_irq_last_vector(void)
{
	return this_hart()->irq_last_vector;
}

void trap_irq_reset(void)
{
	struct hart_local *hl = this_hart();

	for (int i = 0; i < 16; i++)
		hl->irq_count[i] = 0;
	hl->irq_last_epc = 0;
	hl->irq_last_vector = -2;
}

unsigned long trap_insn_len(unsigned long insn_addr)
{
	unsigned long saved, len;
	unsigned short half;

	/* The instruction may be on a U page (SUM) or execute-only (MXR). */
	saved = csr_read(sstatus);
	csr_set(sstatus, SSTATUS_SUM | SSTATUS_MXR);
	half = *(volatile unsigned short *)insn_addr;
	csr_write(sstatus, saved);
	len = (half & 3) == 3 ? 4 : 2;
	return len;
}

static void irq_default(unsigned int irq)
{
	switch (irq) {
	case IRQ_S_SOFT:
		csr_clear(sip, MIP_SSIP);
		break;
	case IRQ_S_TIMER:
		/* Masking works whichever timer (stimecmp or SBI) raised it. */
		csr_clear(sie, MIP_STIP);
		break;
	default:
		csr_clear(sie, 1ul << irq);
		break;
	}
}

static void trap_irq(struct trap_frame *f)
{
	struct hart_local *hl = this_hart();
	unsigned int irq = f->scause & 15;
	trap_irq_fn fn = irq_handlers[irq];

	hl->irq_count[irq]++;
	hl->irq_last_epc = f->sepc;
	hl->irq_last_vector = f->vector;
	if (fn)
		fn(f, irq);
	else
		irq_default(irq);
}

static bool is_fetch_fault(unsigned long cause)
{
	return cause == CAUSE_MISALIGNED_FETCH || cause == CAUSE_FETCH_ACCESS ||
	       cause == CAUSE_FETCH_PAGE_FAULT;
}

void trap_handle(struct trap_frame *f);
void trap_handle(struct trap_frame *f)
{
	struct hart_local *hl = this_hart();
	unsigned long cause = f->scause;

	if (cause & CAUSE_INTERRUPT) {
		trap_irq(f);
		return;
	}

	if (cause == CAUSE_USER_ECALL && f->x[17] == GUEST_USER_EXIT_MAGIC && hl->user_active) {
		/* Back to S-mode, into user_call_return, with sie as it was. */
		f->x[2] = hl->user_ksp;
		f->sepc = (unsigned long)user_call_return;
		f->sstatus &= ~SSTATUS_SPIE;
		f->sstatus |= SSTATUS_SPP;
		if (hl->user_sstatus & SSTATUS_SIE)
			f->sstatus |= SSTATUS_SPIE;
		return;
	}

	if (hl->expect_armed) {
		hl->expect.taken++;
		hl->expect.cause = cause;
		hl->expect.tval = f->stval;
		hl->expect.epc = f->sepc;
		hl->expect.from_priv = (f->sstatus & SSTATUS_SPP) ? PRV_S : PRV_U;
		hl->expect.vector = f->vector;
		if (is_fetch_fault(cause))
			f->sepc = f->x[1]; /* the bad address was reached by a call */
		else
			f->sepc += trap_insn_len(f->sepc);
		return;
	}

	console_printf("hart %lu: unexpected trap scause=0x%lx sepc=0x%lx stval=0x%lx from %s\n",
		       hl->hartid, cause, f->sepc, f->stval,
		       (f->sstatus & SSTATUS_SPP) ? "S" : "U");
	test_abort("unexpected trap");
}

long user_call_alias(long (*fn)(long), long arg, unsigned long delta)
{
	struct hart_local *hl = this_hart();
	unsigned long sstatus = csr_read(sstatus);
	long ret;

	hl->user_sstatus = sstatus;
	hl->user_active = 1;
	/*
	 * sret drops to U (SPP = 0).  SIE goes off first so that no interrupt
	 * can rewrite SPP before the sret; S interrupts stay deliverable in U
	 * whatever SIE says, and the exit path restores SIE from user_sstatus.
	 */
	csr_clear(sstatus, SSTATUS_SIE);
	csr_clear(sstatus, SSTATUS_SPP | SSTATUS_SPIE);
	ret = __user_call(fn, arg, hart_user_stack_top() + delta, delta);
	hl->user_active = 0;
	return ret;
}

long user_call(long (*fn)(long), long arg)
{
	return user_call_alias(fn, arg, 0);
}
