/* SPDX-License-Identifier: MIT */
/*
 * The SBI layer, shaped like Linux KVM's arch/riscv/kvm/vcpu_sbi*.c: each
 * extension is a const object in its own file, and one table in sbi.c finds
 * the extension for an ecall.
 *
 * Handlers keep two kinds of failure apart.  A negative errno return means
 * the host failed.  A guest-visible error goes in ret->err as SBI_ERR_* and
 * the handler returns 0.  Only the glue in sbi.c writes a0/a1 and moves pc.
 *
 * All handlers run on the calling vCPU's thread.  They never write another
 * vCPU's architectural state: cross-vCPU work is a request plus a kick.
 */
#ifndef HV_SBI_SBI_H
#define HV_SBI_SBI_H

#include <stdbool.h>
#include <stdint.h>

#include "sbi/sbi_spec.h"
#include "vmm/vm.h"

struct sbi_call {
	uint64_t eid;
	uint64_t fid;
	uint64_t a[6];
};

struct sbi_ret {
	int64_t err; /* SBI_SUCCESS or SBI_ERR_* */
	uint64_t value;
	/* The handler changed the vCPU's state: leave a0/a1/pc alone. */
	bool no_return;
	/* Legacy (v0.1) calls return in a0 only; all other registers are kept. */
	bool legacy;
	/* Return to the VMM with *exit filled in. */
	bool uexit;
};

struct sbi_ext {
	unsigned long eid_start;
	unsigned long eid_end;
	const char *name;
	int (*handler)(struct hv_vcpu *v, const struct sbi_call *call, struct sbi_ret *ret,
		       struct hv_exit *exit);
	/* What BASE probe_extension reports; NULL means 1.  Every extension
	 * in the table is enabled whatever this says. */
	long (*probe)(struct hv_vm *vm);
};

/*
 * sbi_ecall() - handle the S-mode ecall the vCPU stopped on.  vCPU thread only.
 * Returns 0 to keep running, 1 when *exit must go to the VMM, -errno on a
 * host failure.
 */
int sbi_ecall(struct hv_vcpu *v, struct hv_exit *exit);

/* The extension for @eid, or NULL. */
const struct sbi_ext *sbi_ext_find(unsigned long eid);

/* BASE probe's answer for @eid: 0 when absent. */
long sbi_ext_probe(struct hv_vm *vm, unsigned long eid);

/*
 * sbi_hart_mask_next() - iterate the harts named by (hart_mask, hart_mask_base),
 * with base == -1 meaning every hart.  Start with *pos = 0; returns the next
 * hart id, or -1 at the end.
 * sbi_hart_mask_check() - SBI_SUCCESS, or SBI_ERR_INVALID_PARAM if the mask
 * names a hart that does not exist.
 */
long sbi_hart_mask_next(const struct hv_vm *vm, uint64_t mask, uint64_t base, unsigned int *pos);
int64_t sbi_hart_mask_check(const struct hv_vm *vm, uint64_t mask, uint64_t base);

/* Post @req to every hart in the mask and wait until running targets have taken it. */
void sbi_remote_request(struct hv_vcpu *v, uint64_t mask, uint64_t base, uint32_t req);

/* Shared between the v0.2+ extensions and their legacy v0.1 forms. */
void sbi_ipi_send(struct hv_vcpu *v, uint64_t mask, uint64_t base);
int64_t sbi_rfence_do(struct hv_vcpu *v, unsigned long fid, uint64_t mask, uint64_t base,
		      uint64_t start, uint64_t size);
int sbi_srst_system_reset(struct hv_vcpu *v, uint32_t type, uint32_t reason, struct sbi_ret *ret,
			  struct hv_exit *exit);

extern const struct sbi_ext sbi_ext_v01;
extern const struct sbi_ext sbi_ext_base;
extern const struct sbi_ext sbi_ext_time;
extern const struct sbi_ext sbi_ext_ipi;
extern const struct sbi_ext sbi_ext_rfence;
extern const struct sbi_ext sbi_ext_hsm;
extern const struct sbi_ext sbi_ext_susp;
extern const struct sbi_ext sbi_ext_srst;
extern const struct sbi_ext sbi_ext_dbcn;
extern const struct sbi_ext sbi_ext_experimental;
extern const struct sbi_ext sbi_ext_vendor;

#endif /* HV_SBI_SBI_H */
