// SPDX-License-Identifier: MIT
/* C side of hart entry: per-hart setup, then main() or the started function. */
#include "csr.h"
#include "guest.h"

struct hart_local hart_locals[GUEST_MAX_HARTS];

extern char guest_trap_stacks[], guest_user_stacks[];

void guest_boot(unsigned long hartid, unsigned long dtb);
void guest_secondary(unsigned long hartid, unsigned long opaque);
int main(unsigned long hartid, unsigned long dtb);

void hart_setup(unsigned long hartid)
{
	struct hart_local *hl = &hart_locals[hartid];
	unsigned long top = (unsigned long)guest_trap_stacks +
			    (hartid + 1) * GUEST_TRAP_STACK_SIZE - GUEST_TRAP_TOP_RESERVE;

	hl->hartid = hartid;
	*(struct hart_local **)top = hl;
	asm volatile("mv tp, %0" : : "r"(hl));
	csr_write(sscratch, top);
	trap_init();
	/* FP on (Initial): compiled code may use FP registers anywhere. */
	csr_clear(sstatus, SSTATUS_FS);
	csr_set(sstatus, SSTATUS_FS_INITIAL);
}

unsigned long hart_user_stack_top(void)
{
	return (unsigned long)guest_user_stacks + (hart_id() + 1) * GUEST_USER_STACK_SIZE;
}

void guest_boot(unsigned long hartid, unsigned long dtb)
{
	hart_setup(hartid);
	smp_init(hartid);
	test_init();
	main(hartid, dtb);
	test_done();
}

void guest_secondary(unsigned long hartid, unsigned long opaque)
{
	(void)opaque;
	hart_setup(hartid);
	smp_secondary_run();
}
