/* SPDX-License-Identifier: MIT */
/*
 * The "ucall": how a test guest reports to the host, in the spirit of the
 * Linux KVM selftests.  It is an SBI call in the experimental extension range
 * (0x08000000-0x08FFFFFF), which hartvisor forwards to the VMM as an
 * HV_EXIT_SBI exit.  On a machine that does not know it (QEMU + OpenSBI) the
 * call returns SBI_ERR_NOT_SUPPORTED and the guest runtime reports on the
 * console instead, so one guest binary runs on both.
 *
 * This header holds constants only, so that both the host and the guest
 * (built with a RISC-V cross compiler) can include it.
 *
 * Calls (a6 = FID; strings are NUL-terminated, at guest-physical addresses,
 * at most HV_UCALL_STR_MAX bytes):
 *   HV_UCALL_CHECK  a0 = 1 pass / 0 fail, a1 = name, a2 = expected, a3 = actual
 *   HV_UCALL_LOG    a1 = message
 *   HV_UCALL_DONE   a0 = number of checks the guest made, a1 = failures
 *   HV_UCALL_PROBE  returns value HV_UCALL_MAGIC: the host speaks ucall
 *   HV_UCALL_STATS  returns, by a0 selector, a protocol counter (see below)
 */
#ifndef HARTVISOR_UCALL_H
#define HARTVISOR_UCALL_H

#define HV_UCALL_EID 0x08485655 /* "\bHVU", in the experimental range */

#define HV_UCALL_CHECK 0
#define HV_UCALL_LOG 1
#define HV_UCALL_DONE 2
#define HV_UCALL_PROBE 3
#define HV_UCALL_STATS 4

#define HV_UCALL_MAGIC 0x68767563 /* "hvuc" */
#define HV_UCALL_STR_MAX 256

/* HV_UCALL_STATS selectors */
#define HV_UCALL_STAT_SUSP_ATTEMPTS 0
#define HV_UCALL_STAT_SUSP_COMMITS 1
#define HV_UCALL_STAT_SUSP_DENIED 2
#define HV_UCALL_STAT_HART_STARTS 3
#define HV_UCALL_STAT_VIOLATIONS 4
#define HV_UCALL_STAT_BOOTS 5 /* how many times the VMM has booted this VM */

#endif /* HARTVISOR_UCALL_H */
