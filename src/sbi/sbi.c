// SPDX-License-Identifier: MIT
/*
 * The SBI extension table and the ecall glue: the ONLY place that writes a0
 * and a1 and moves pc past an ecall.
 */
#include <errno.h>
#include <sched.h>

#include "sbi/sbi.h"

static const struct sbi_ext *const sbi_exts[] = {
	&sbi_ext_v01,	 &sbi_ext_base,		&sbi_ext_time,	 &sbi_ext_ipi,
	&sbi_ext_rfence, &sbi_ext_hsm,		&sbi_ext_susp,	 &sbi_ext_srst,
	&sbi_ext_dbcn,	 &sbi_ext_experimental, &sbi_ext_vendor,
};

const struct sbi_ext *sbi_ext_find(unsigned long eid)
{
	for (unsigned int i = 0; i < sizeof(sbi_exts) / sizeof(sbi_exts[0]); i++)
		if (eid >= sbi_exts[i]->eid_start && eid <= sbi_exts[i]->eid_end)
			return sbi_exts[i];
	return NULL;
}

long sbi_ext_probe(struct hv_vm *vm, unsigned long eid)
{
	const struct sbi_ext *ext = sbi_ext_find(eid);

	if (!ext)
		return 0;
	return ext->probe ? ext->probe(vm) : 1;
}

int sbi_ecall(struct hv_vcpu *v, struct hv_exit *exit)
{
	struct cpu *c = &v->cpu;
	struct sbi_call call = {
		.eid = c->x[17],
		.fid = c->x[16],
		.a = {c->x[10], c->x[11], c->x[12], c->x[13], c->x[14], c->x[15]},
	};
	struct sbi_ret ret = {0};
	const struct sbi_ext *ext = sbi_ext_find(call.eid);

	if (!ext) {
		ret.err = SBI_ERR_NOT_SUPPORTED;
	} else {
		int r = ext->handler(v, &call, &ret, exit);

		if (r < 0)
			return r;
	}
	if (ret.uexit)
		return 1;
	if (ret.no_return)
		return 0;
	if (ret.legacy) {
		c->x[10] = (uint64_t)ret.err;
	} else {
		c->x[10] = (uint64_t)ret.err;
		c->x[11] = ret.value;
	}
	c->pc += 4;
	return 0;
}

/* ---- hart masks ------------------------------------------------------------ */

long sbi_hart_mask_next(const struct hv_vm *vm, uint64_t mask, uint64_t base, unsigned int *pos)
{
	unsigned int n = vm->cfg.nr_vcpus;

	if (base == UINT64_MAX) {
		/* Every hart. */
		return *pos < n ? (long)(*pos)++ : -1;
	}
	while (*pos < 64) {
		unsigned int bit = (*pos)++;

		if (mask & (1ull << bit))
			return (long)(base + bit);
	}
	return -1;
}

int64_t sbi_hart_mask_check(const struct hv_vm *vm, uint64_t mask, uint64_t base)
{
	unsigned int n = vm->cfg.nr_vcpus;

	if (base == UINT64_MAX || !mask)
		return SBI_SUCCESS;
	/* Every hart id base + bit must exist; computed so nothing overflows. */
	if (base >= n)
		return SBI_ERR_INVALID_PARAM;
	if (n - base < 64 && (mask >> (n - base)))
		return SBI_ERR_INVALID_PARAM;
	return SBI_SUCCESS;
}

void sbi_remote_request(struct hv_vcpu *v, uint64_t mask, uint64_t base, uint32_t req)
{
	struct hv_vm *vm = v->vm;
	unsigned int pos = 0;
	long id;

	while ((id = sbi_hart_mask_next(vm, mask, base, &pos)) >= 0) {
		struct hv_vcpu *t = vm->vcpus[id];

		if (t == v) {
			/* Ourselves: apply it now. */
			atomic_fetch_or(&v->requests, req);
			vcpu_apply_fences(v);
			continue;
		}
		vcpu_request(t, req);
		/*
		 * Remote fences complete before the call returns, as Linux's TLB
		 * shootdown assumes.  A target that is not executing guest code
		 * (stopped, sleeping) applies the request before it runs again,
		 * so only a running target is waited for, until it has taken the
		 * request off its mask.  Meanwhile we apply fences posted to us,
		 * so two harts fencing each other cannot wait forever.
		 */
		while ((atomic_load(&t->requests) & req) && hsm_get_state(t) == HV_HSM_STARTED &&
		       !atomic_load(&t->sleeping)) {
			vcpu_apply_fences(v);
			sched_yield();
		}
	}
}

/* ---- the experimental and vendor ranges: forwarded to the VMM ---------------- */

static int sbi_forward_handler(struct hv_vcpu *v, const struct sbi_call *call, struct sbi_ret *ret,
			       struct hv_exit *exit)
{
	exit->reason = HV_EXIT_SBI;
	exit->sbi.eid = call->eid;
	exit->sbi.fid = call->fid;
	for (int i = 0; i < 6; i++)
		exit->sbi.args[i] = call->a[i];
	exit->sbi.ret[0] = SBI_ERR_NOT_SUPPORTED;
	exit->sbi.ret[1] = 0;
	v->sbi_ret_pending = true;
	ret->uexit = true;
	return 0;
}

/* Whether the VMM implements a forwarded extension is the VMM's business: probe says 0. */
static long sbi_forward_probe(struct hv_vm *vm)
{
	(void)vm;
	return 0;
}

const struct sbi_ext sbi_ext_experimental = {
	.eid_start = SBI_EXT_EXPERIMENTAL_START,
	.eid_end = SBI_EXT_EXPERIMENTAL_END,
	.name = "experimental",
	.handler = sbi_forward_handler,
	.probe = sbi_forward_probe,
};

const struct sbi_ext sbi_ext_vendor = {
	.eid_start = SBI_EXT_VENDOR_START,
	.eid_end = SBI_EXT_VENDOR_END,
	.name = "vendor",
	.handler = sbi_forward_handler,
	.probe = sbi_forward_probe,
};
