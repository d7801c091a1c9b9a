// SPDX-License-Identifier: MIT
/*
 * The VMM loop: one host thread per vCPU, each running hv_vcpu_run(), and a
 * queue through which they hand system events to the thread that decides
 * what to do with them (src/cli).  ev_lock is a leaf lock: nothing else is
 * taken while it is held.
 */
#include <errno.h>
#include <sched.h>
#include <time.h>

#include "vmm/vm.h"

void runner_init(struct hv_vm *vm)
{
	pthread_condattr_t ca;

	pthread_mutex_init(&vm->ev_lock, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&vm->ev_cond, &ca);
	pthread_condattr_destroy(&ca);
}

void runner_fini(struct hv_vm *vm)
{
	pthread_cond_destroy(&vm->ev_cond);
	pthread_mutex_destroy(&vm->ev_lock);
}

static void runner_post(struct hv_vm *vm, const struct hv_exit *ev)
{
	pthread_mutex_lock(&vm->ev_lock);
	/* At most one event per vCPU can be outstanding: it is stopped until handled. */
	if (vm->ev_count < HV_MAX_VCPUS) {
		vm->events[(vm->ev_head + vm->ev_count) % HV_MAX_VCPUS] = *ev;
		vm->ev_count++;
	}
	pthread_cond_broadcast(&vm->ev_cond);
	pthread_mutex_unlock(&vm->ev_lock);
}

static void *runner_thread(void *arg)
{
	struct hv_vcpu *v = arg;
	struct hv_vm *vm = v->vm;
	struct hv_exit exit = {0};

	while (!atomic_load(&vm->stopping)) {
		int r = hv_vcpu_run(v, &exit);

		if (r < 0) {
			exit.reason = HV_EXIT_INTERNAL_ERROR;
			exit.internal.error = r;
		}
		switch (exit.reason) {
		case HV_EXIT_SBI:
			/* The callback reads guest memory: it is part of the guest's time. */
			if (vm->run_ops.sbi_call && vcpu_enter_guest(v)) {
				vm->run_ops.sbi_call(vm->run_ops.opaque, v, &exit);
				vcpu_leave_guest(v);
			}
			break;
		case HV_EXIT_INTR:
			break;
		case HV_EXIT_INTERNAL_ERROR:
			/* The vCPU cannot go on; stop it so its thread sleeps. */
			hv_vcpu_set_mp_state(v, HV_MP_STATE_STOPPED);
			runner_post(vm, &exit);
			break;
		default:
			runner_post(vm, &exit);
			break;
		}
	}
	return NULL;
}

int hv_vm_start(struct hv_vm *vm, const struct hv_run_ops *ops)
{
	unsigned int i;

	if (vm->started)
		return -EBUSY;
	if (ops)
		vm->run_ops = *ops;
	for (i = 0; i < vm->cfg.nr_vcpus; i++) {
		if (!vm->vcpus[i] ||
		    pthread_create(&vm->threads[i], NULL, runner_thread, vm->vcpus[i])) {
			/* Undo what was started. */
			atomic_store(&vm->stopping, true);
			while (i-- > 0) {
				hv_vcpu_request_exit(vm->vcpus[i]);
				pthread_join(vm->threads[i], NULL);
			}
			atomic_store(&vm->stopping, false);
			return -EAGAIN;
		}
	}
	vm->started = true;
	return 0;
}

int hv_vm_wait_event(struct hv_vm *vm, struct hv_exit *ev, uint64_t deadline_ns)
{
	int r = 0;

	pthread_mutex_lock(&vm->ev_lock);
	while (!vm->ev_count) {
		if (deadline_ns == UINT64_MAX) {
			pthread_cond_wait(&vm->ev_cond, &vm->ev_lock);
		} else {
			struct timespec ts = {.tv_sec = (time_t)(deadline_ns / 1000000000u),
					      .tv_nsec = (long)(deadline_ns % 1000000000u)};

			if (pthread_cond_timedwait(&vm->ev_cond, &vm->ev_lock, &ts) == ETIMEDOUT &&
			    !vm->ev_count) {
				r = -ETIMEDOUT;
				break;
			}
		}
	}
	if (!r) {
		*ev = vm->events[vm->ev_head];
		vm->ev_head = (vm->ev_head + 1) % HV_MAX_VCPUS;
		vm->ev_count--;
	}
	pthread_mutex_unlock(&vm->ev_lock);
	return r;
}

void hv_vm_wait_quiescent(struct hv_vm *vm)
{
	struct hv_vcpu *v;
	unsigned int i;

	hv_for_each_vcpu (i, v, vm) {
		/* Stopped harts leave at their next instruction boundary: a short wait. */
		while (atomic_load(&v->in_guest) && hsm_get_state(v) != HV_HSM_STARTED)
			sched_yield();
	}
}

void hv_vm_stop(struct hv_vm *vm)
{
	unsigned int i;

	if (!vm->started)
		return;
	atomic_store(&vm->stopping, true);
	for (i = 0; i < vm->cfg.nr_vcpus; i++)
		hv_vcpu_request_exit(vm->vcpus[i]);
	for (i = 0; i < vm->cfg.nr_vcpus; i++)
		pthread_join(vm->threads[i], NULL);
	vm->started = false;
	atomic_store(&vm->stopping, false);
}
