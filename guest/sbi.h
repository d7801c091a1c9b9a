/* SPDX-License-Identifier: MIT */
/*
 * SBI calls from the guest: the raw ecall and thin wrappers, one per
 * function a test needs.  The constants are the host's, src/sbi/sbi_spec.h,
 * named as the SBI specification (riscv-sbi-doc v3.0) names them.
 */
#ifndef GUEST_SBI_H
#define GUEST_SBI_H

#include "sbi/sbi_spec.h"

struct sbiret {
	long error;
	long value;
};

/* The raw call: a7 = @eid, a6 = @fid, a0..a5 = arguments.  Any hart, any time. */
struct sbiret sbi_ecall(unsigned long eid, unsigned long fid, unsigned long arg0,
			unsigned long arg1, unsigned long arg2, unsigned long arg3,
			unsigned long arg4, unsigned long arg5);

/* BASE */
struct sbiret sbi_get_spec_version(void);
struct sbiret sbi_get_impl_id(void);
struct sbiret sbi_get_impl_version(void);
struct sbiret sbi_probe_extension(long eid);

/* TIME */
struct sbiret sbi_set_timer(unsigned long stime_value);

/* IPI */
struct sbiret sbi_send_ipi(unsigned long hart_mask, unsigned long hart_mask_base);

/* RFENCE */
struct sbiret sbi_remote_fence_i(unsigned long hart_mask, unsigned long hart_mask_base);
struct sbiret sbi_remote_sfence_vma(unsigned long hart_mask, unsigned long hart_mask_base,
				    unsigned long start_addr, unsigned long size);
struct sbiret sbi_remote_sfence_vma_asid(unsigned long hart_mask, unsigned long hart_mask_base,
					 unsigned long start_addr, unsigned long size,
					 unsigned long asid);

/* HSM */
struct sbiret sbi_hart_start(unsigned long hartid, unsigned long start_addr, unsigned long opaque);
struct sbiret sbi_hart_stop(void);
struct sbiret sbi_hart_get_status(unsigned long hartid);
struct sbiret sbi_hart_suspend(unsigned int suspend_type, unsigned long resume_addr,
			       unsigned long opaque);

/* SRST: does not return on success. */
struct sbiret sbi_system_reset(unsigned int reset_type, unsigned int reset_reason);

/* SUSP: any return is an error. */
struct sbiret sbi_system_suspend(unsigned int sleep_type, unsigned long resume_addr,
				 unsigned long opaque);

/* DBCN: the buffer is passed by guest-physical address. */
struct sbiret sbi_debug_console_write(unsigned long num_bytes, unsigned long base_addr_lo,
				      unsigned long base_addr_hi);
struct sbiret sbi_debug_console_read(unsigned long num_bytes, unsigned long base_addr_lo,
				     unsigned long base_addr_hi);
struct sbiret sbi_debug_console_write_byte(unsigned char byte);

/* Legacy (v0.1) extensions: a0 is the only return value. */
long sbi_legacy_console_putchar(int ch);
long sbi_legacy_console_getchar(void);

#endif /* GUEST_SBI_H */
