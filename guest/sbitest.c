// SPDX-License-Identifier: MIT
/* The SBI tests' register-checking call (sbitest.h). */
#include "sbitest.h"

unsigned long sbi_regs_call(unsigned long *r, bool keep_a1)
{
	unsigned long want[32], bad = 0;

	for (unsigned int n = 0; n < 32; n++)
		want[n] = r[n];
	sbi_clobber_call(r);
	for (unsigned int n = 1; n < 32; n++) {
		if (n == 2 || n == 10 || (n == 11 && !keep_a1))
			continue;
		if (r[n] != want[n])
			bad |= 1ul << n;
	}
	return bad;
}
