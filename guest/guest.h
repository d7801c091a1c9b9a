/* SPDX-License-Identifier: MIT */
/*
 * The guest runtime, for bare-metal S-mode test programs that run on
 * hartvisor and on QEMU virt + OpenSBI alike.  A test provides
 *	int main(unsigned long hartid, unsigned long dtb);
 * which runs on the boot hart with traps, the console and test reporting set
 * up; returning from main() is test_done().
 */
#ifndef GUEST_GUEST_H
#define GUEST_GUEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "console.h"
#include "csr.h"
#include "hart.h"
#include "lib.h"
#include "lock.h"
#include "paging.h"
#include "sbi.h"
#include "smp.h"
#include "test.h"
#include "trap.h"

int main(unsigned long hartid, unsigned long dtb);

#endif /* GUEST_GUEST_H */
