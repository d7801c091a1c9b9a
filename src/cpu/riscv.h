/* SPDX-License-Identifier: MIT */
/*
 * Constants of the RISC-V privileged architecture, named as the
 * specification names them.  One header, used by every part of hartvisor.
 */
#ifndef HV_CPU_RISCV_H
#define HV_CPU_RISCV_H

/* Privilege levels */
#define PRV_U 0
#define PRV_S 1

/* Supervisor CSRs */
#define CSR_FFLAGS 0x001
#define CSR_FRM 0x002
#define CSR_FCSR 0x003
#define CSR_CYCLE 0xc00
#define CSR_TIME 0xc01
#define CSR_INSTRET 0xc02
#define CSR_HPMCOUNTER3 0xc03
#define CSR_HPMCOUNTER31 0xc1f
#define CSR_SSTATUS 0x100
#define CSR_SIE 0x104
#define CSR_STVEC 0x105
#define CSR_SCOUNTEREN 0x106
#define CSR_SENVCFG 0x10a
#define CSR_SSCRATCH 0x140
#define CSR_SEPC 0x141
#define CSR_SCAUSE 0x142
#define CSR_STVAL 0x143
#define CSR_SIP 0x144
#define CSR_STIMECMP 0x14d
#define CSR_SATP 0x180

/* fcsr */
#define FCSR_FFLAGS_MASK 0x1full
#define FCSR_FRM_SHIFT 5
#define FCSR_FRM_MASK 0x7ull

/* stvec */
#define STVEC_MODE_MASK 3ull
#define STVEC_MODE_DIRECT 0ull
#define STVEC_MODE_VECTORED 1ull

/* senvcfg */
#define SENVCFG_FIOM (1ull << 0)

/* sstatus */
#define SSTATUS_SIE (1ull << 1)
#define SSTATUS_SPIE (1ull << 5)
#define SSTATUS_UBE (1ull << 6)
#define SSTATUS_SPP (1ull << 8)
#define SSTATUS_VS (3ull << 9)
#define SSTATUS_FS (3ull << 13)
#define SSTATUS_FS_OFF (0ull << 13)
#define SSTATUS_FS_INITIAL (1ull << 13)
#define SSTATUS_FS_CLEAN (2ull << 13)
#define SSTATUS_FS_DIRTY (3ull << 13)
#define SSTATUS_XS (3ull << 15)
#define SSTATUS_SUM (1ull << 18)
#define SSTATUS_MXR (1ull << 19)
#define SSTATUS_UXL (3ull << 32)
#define SSTATUS_UXL_64 (2ull << 32)
#define SSTATUS_SD (1ull << 63)

/* sip / sie bits */
#define IRQ_S_SOFT 1
#define IRQ_S_TIMER 5
#define IRQ_S_EXT 9
#define MIP_SSIP (1ull << IRQ_S_SOFT)
#define MIP_STIP (1ull << IRQ_S_TIMER)
#define MIP_SEIP (1ull << IRQ_S_EXT)

/* scause: interrupts have bit 63 set */
#define CAUSE_INTERRUPT (1ull << 63)
#define CAUSE_MISALIGNED_FETCH 0
#define CAUSE_FETCH_ACCESS 1
#define CAUSE_ILLEGAL_INSTRUCTION 2
#define CAUSE_BREAKPOINT 3
#define CAUSE_MISALIGNED_LOAD 4
#define CAUSE_LOAD_ACCESS 5
#define CAUSE_MISALIGNED_STORE 6
#define CAUSE_STORE_ACCESS 7
#define CAUSE_USER_ECALL 8
#define CAUSE_SUPERVISOR_ECALL 9
#define CAUSE_FETCH_PAGE_FAULT 12
#define CAUSE_LOAD_PAGE_FAULT 13
#define CAUSE_STORE_PAGE_FAULT 15

/* satp */
#define SATP_MODE_SHIFT 60
#define SATP_MODE_BARE 0ull
#define SATP_MODE_SV39 8ull
#define SATP_MODE_SV48 9ull
#define SATP_ASID_SHIFT 44
#define SATP_ASID_MASK 0xffffull
#define SATP_PPN_MASK ((1ull << 44) - 1)

/* Page-table entries */
#define PTE_V (1ull << 0)
#define PTE_R (1ull << 1)
#define PTE_W (1ull << 2)
#define PTE_X (1ull << 3)
#define PTE_U (1ull << 4)
#define PTE_G (1ull << 5)
#define PTE_A (1ull << 6)
#define PTE_D (1ull << 7)
#define PTE_PPN_SHIFT 10
#define PTE_PPN_MASK (((1ull << 44) - 1) << PTE_PPN_SHIFT)
#define PTE_RESERVED_MASK (0x3ffull << 54) /* bits 63:54: N, PBMT, reserved */

#define PAGE_SHIFT 12
#define PAGE_SIZE (1ull << PAGE_SHIFT)

#endif /* HV_CPU_RISCV_H */
