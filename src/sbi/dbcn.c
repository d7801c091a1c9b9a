// SPDX-License-Identifier: MIT
/*
 * SBI DBCN extension: the debug console.  Buffers are guest-physical; a range
 * that is not wholly in RAM (or that needs address bits beyond 64) is
 * INVALID_PARAM, as the specification says for memory the caller may not
 * access.
 */
#include "sbi/sbi.h"

static int sbi_dbcn_handler(struct hv_vcpu *v, const struct sbi_call *call, struct sbi_ret *ret,
			    struct hv_exit *exit)
{
	struct hv_vm *vm = v->vm;
	uint64_t num = call->a[0], lo = call->a[1], hi = call->a[2];
	uint8_t *buf;
	uint64_t n;
	int ch;

	(void)exit;
	switch (call->fid) {
	case SBI_EXT_DBCN_CONSOLE_WRITE:
	case SBI_EXT_DBCN_CONSOLE_READ:
		if (num == 0)
			return 0;
		/* On RV64 the address is base_lo; base_hi would be bits 64 and up. */
		buf = hi ? NULL : hv_vm_gpa_to_hva(vm, lo, num);
		if (!buf) {
			ret->err = SBI_ERR_INVALID_PARAM;
			return 0;
		}
		if (call->fid == SBI_EXT_DBCN_CONSOLE_WRITE) {
			vm_console_write(vm, buf, num);
			ret->value = num;
			return 0;
		}
		/* Non-blocking: whatever is waiting, possibly nothing. */
		for (n = 0; n < num && (ch = vm_console_read(vm)) >= 0; n++)
			buf[n] = (uint8_t)ch;
		ret->value = n;
		return 0;
	case SBI_EXT_DBCN_CONSOLE_WRITE_BYTE: {
		uint8_t b = (uint8_t)call->a[0];

		vm_console_write(vm, &b, 1);
		return 0;
	}
	default:
		ret->err = SBI_ERR_NOT_SUPPORTED;
		return 0;
	}
}

const struct sbi_ext sbi_ext_dbcn = {
	.eid_start = SBI_EXT_DBCN,
	.eid_end = SBI_EXT_DBCN,
	.name = "dbcn",
	.handler = sbi_dbcn_handler,
};
