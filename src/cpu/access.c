// SPDX-License-Identifier: MIT
/* Reads of guest virtual memory on behalf of SBI calls that pass pointers. */
#include <errno.h>
#include <string.h>

#include "cpu/hart.h"

int cpu_read_virt(struct cpu *c, uint64_t va, void *buf, unsigned int len)
{
	struct hart_csrs *csr = hart_csrs(c);
	const struct cpu_env *env = c->env;
	uint8_t *out = buf;

	while (len) {
		struct mmu_result res;
		uint64_t in_page = PAGE_SIZE - (va & (PAGE_SIZE - 1));
		unsigned int n = len < in_page ? len : (unsigned int)in_page;

		if (mmu_translate(env, csr->satp, va, MMU_READ, PRV_S, csr->sstatus & SSTATUS_SUM,
				  csr->sstatus & SSTATUS_MXR, &res))
			return -EFAULT;
		if (res.pa < env->ram_base || res.pa - env->ram_base > env->ram_size - n)
			return -EFAULT;
		memcpy(out, env->ram + (res.pa - env->ram_base), n);
		out += n;
		va += n;
		len -= n;
	}
	return 0;
}
