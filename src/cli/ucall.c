// SPDX-License-Identifier: MIT
/*
 * The host side of the ucall (include/hartvisor/ucall.h): test guests report
 * their checks here.  Runs on vCPU threads; struct cli_ucall's lock keeps
 * the counts and the output of concurrent harts whole.
 */
#include <stdio.h>
#include <string.h>

#include "cli/machine.h"
#include "hartvisor/ucall.h"
#include "sbi/sbi_spec.h"

/* Copy a guest string at guest-physical @gpa into @buf, bounded and NUL-terminated. */
static const char *ucall_string(struct hv_vm *vm, uint64_t gpa, char *buf, size_t size)
{
	size_t i;

	for (i = 0; i + 1 < size; i++) {
		const char *p = hv_vm_gpa_to_hva(vm, gpa + i, 1);

		if (!p) {
			if (i == 0)
				return "<bad string pointer>";
			break;
		}
		if (!*p)
			break;
		buf[i] = *p;
	}
	buf[i] = 0;
	return buf;
}

static uint64_t ucall_stat(struct hv_vm *vm, uint64_t sel, int64_t *err)
{
	struct hv_pm_stats st;

	hv_vm_get_pm_stats(vm, &st);
	*err = SBI_SUCCESS;
	switch (sel) {
	case HV_UCALL_STAT_SUSP_ATTEMPTS:
		return st.susp_attempts;
	case HV_UCALL_STAT_SUSP_COMMITS:
		return st.susp_commits;
	case HV_UCALL_STAT_SUSP_DENIED:
		return st.susp_denied;
	case HV_UCALL_STAT_HART_STARTS:
		return st.hart_starts;
	case HV_UCALL_STAT_VIOLATIONS:
		return st.violations;
	case HV_UCALL_STAT_BOOTS:
		return st.boots;
	}
	*err = SBI_ERR_INVALID_PARAM;
	return 0;
}

void cli_ucall(void *opaque, struct hv_vcpu *vcpu, struct hv_exit *exit)
{
	struct cli_machine *m = opaque;
	struct cli_ucall *u = &m->ucall;
	char name[HV_UCALL_STR_MAX + 1];
	const uint64_t *a = exit->sbi.args;
	const char *s;

	(void)vcpu;
	if (exit->sbi.eid != HV_UCALL_EID)
		return; /* leave NOT_SUPPORTED */
	exit->sbi.ret[0] = SBI_SUCCESS;
	exit->sbi.ret[1] = 0;
	switch (exit->sbi.fid) {
	case HV_UCALL_CHECK:
		s = ucall_string(m->vm, a[1], name, sizeof(name));
		pthread_mutex_lock(&u->lock);
		u->checks++;
		if (!a[0]) {
			u->failures++;
			fprintf(stderr,
				"hartvisor: CHECK FAIL hart %u: %s: expected 0x%llx, got 0x%llx\n",
				exit->vcpu_id, s, (unsigned long long)a[2],
				(unsigned long long)a[3]);
		} else if (m->cfg->verbose) {
			fprintf(stderr, "hartvisor: CHECK PASS hart %u: %s\n", exit->vcpu_id, s);
		}
		pthread_mutex_unlock(&u->lock);
		break;
	case HV_UCALL_LOG:
		s = ucall_string(m->vm, a[1], name, sizeof(name));
		pthread_mutex_lock(&u->lock);
		fprintf(stderr, "hartvisor: guest hart %u: %s\n", exit->vcpu_id, s);
		pthread_mutex_unlock(&u->lock);
		break;
	case HV_UCALL_DONE:
		pthread_mutex_lock(&u->lock);
		u->done = true;
		u->done_checks = a[0];
		u->done_failures = a[1];
		fprintf(stderr, "hartvisor: test done: %llu checks, %llu failed\n",
			(unsigned long long)a[0], (unsigned long long)a[1]);
		pthread_mutex_unlock(&u->lock);
		break;
	case HV_UCALL_PROBE:
		exit->sbi.ret[1] = HV_UCALL_MAGIC;
		break;
	case HV_UCALL_STATS:
		exit->sbi.ret[1] = (int64_t)ucall_stat(m->vm, a[0], &exit->sbi.ret[0]);
		break;
	default:
		exit->sbi.ret[0] = SBI_ERR_NOT_SUPPORTED;
		break;
	}
}
