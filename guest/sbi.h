/* SPDX-License-Identifier: MIT */
/*
 * SBI calls from the guest: the raw ecall and thin wrappers, one per
 * function a test needs.  Constants are named as the SBI specification
 * (riscv-sbi-doc v3.0) names them.
 */
#ifndef GUEST_SBI_H
#define GUEST_SBI_H

struct sbiret {
	long error;
	long value;
};

/* Error codes */
#define SBI_SUCCESS 0
#define SBI_ERR_FAILED -1
#define SBI_ERR_NOT_SUPPORTED -2
#define SBI_ERR_INVALID_PARAM -3
#define SBI_ERR_DENIED -4
#define SBI_ERR_INVALID_ADDRESS -5
#define SBI_ERR_ALREADY_AVAILABLE -6
#define SBI_ERR_ALREADY_STARTED -7
#define SBI_ERR_ALREADY_STOPPED -8

/* Extension ids */
#define SBI_EXT_LEGACY_SET_TIMER 0x00
#define SBI_EXT_LEGACY_CONSOLE_PUTCHAR 0x01
#define SBI_EXT_LEGACY_CONSOLE_GETCHAR 0x02
#define SBI_EXT_LEGACY_SHUTDOWN 0x08
#define SBI_EXT_BASE 0x10
#define SBI_EXT_TIME 0x54494D45
#define SBI_EXT_IPI 0x735049
#define SBI_EXT_RFENCE 0x52464E43
#define SBI_EXT_HSM 0x48534D
#define SBI_EXT_SRST 0x53525354
#define SBI_EXT_SUSP 0x53555350
#define SBI_EXT_DBCN 0x4442434E

/* BASE functions */
#define SBI_BASE_GET_SPEC_VERSION 0
#define SBI_BASE_GET_IMPL_ID 1
#define SBI_BASE_GET_IMPL_VERSION 2
#define SBI_BASE_PROBE_EXT 3
#define SBI_BASE_GET_MVENDORID 4
#define SBI_BASE_GET_MARCHID 5
#define SBI_BASE_GET_MIMPID 6

/* RFENCE functions */
#define SBI_RFENCE_REMOTE_FENCE_I 0
#define SBI_RFENCE_REMOTE_SFENCE_VMA 1
#define SBI_RFENCE_REMOTE_SFENCE_VMA_ASID 2

/* HSM functions and states */
#define SBI_HSM_HART_START 0
#define SBI_HSM_HART_STOP 1
#define SBI_HSM_HART_GET_STATUS 2
#define SBI_HSM_HART_SUSPEND 3
#define SBI_HSM_STATE_STARTED 0
#define SBI_HSM_STATE_STOPPED 1
#define SBI_HSM_STATE_START_PENDING 2
#define SBI_HSM_STATE_STOP_PENDING 3
#define SBI_HSM_STATE_SUSPENDED 4
#define SBI_HSM_STATE_SUSPEND_PENDING 5
#define SBI_HSM_STATE_RESUME_PENDING 6
#define SBI_HSM_SUSPEND_RET_DEFAULT 0x00000000
#define SBI_HSM_SUSPEND_NON_RET_DEFAULT 0x80000000

/* SRST types and reasons */
#define SBI_SRST_TYPE_SHUTDOWN 0
#define SBI_SRST_TYPE_COLD_REBOOT 1
#define SBI_SRST_TYPE_WARM_REBOOT 2
#define SBI_SRST_REASON_NONE 0
#define SBI_SRST_REASON_SYSFAIL 1

/* SUSP sleep types */
#define SBI_SUSP_SLEEP_TYPE_SUSPEND_TO_RAM 0

/* DBCN functions */
#define SBI_DBCN_CONSOLE_WRITE 0
#define SBI_DBCN_CONSOLE_READ 1
#define SBI_DBCN_CONSOLE_WRITE_BYTE 2

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
