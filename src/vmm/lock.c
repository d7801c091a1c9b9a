// SPDX-License-Identifier: MIT
/* The lock-order checker of debug builds; see lock.h and docs/locking.md. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "vmm/lock.h"

int hv_lock_init(struct hv_lock *l, unsigned int lclass, unsigned int subclass, const char *name)
{
	l->lclass = lclass;
	l->subclass = subclass;
	l->name = name;
	return -pthread_mutex_init(&l->mutex, NULL);
}

void hv_lock_destroy(struct hv_lock *l)
{
	pthread_mutex_destroy(&l->mutex);
}

#ifdef HV_DEBUG

#define HV_LOCK_DEPTH 16

/*
 * Per-thread record of the locks this thread holds, in acquisition order.
 * Thread-local by design: it describes the calling thread, not a VM.
 */
static __thread const struct hv_lock *held[HV_LOCK_DEPTH];
static __thread unsigned int nheld;

static void __attribute__((noreturn))
lock_order_fail(const char *what, const struct hv_lock *l, const struct hv_lock *prev)
{
	/* A bug in hartvisor, not in the guest: say so loudly and stop. */
	fprintf(stderr,
		"hartvisor: lock order violation: %s: acquiring %s(%u) while holding %s(%u)\n",
		what, l->name, l->subclass, prev ? prev->name : "-", prev ? prev->subclass : 0);
	abort();
}

static void lock_check_order(const struct hv_lock *l)
{
	if (nheld == 0)
		return;
	const struct hv_lock *top = held[nheld - 1];

	if (l->lclass < top->lclass)
		lock_order_fail("class order", l, top);
	if (l->lclass == top->lclass) {
		if (l->lclass != HV_LOCK_STATE)
			lock_order_fail("same class twice", l, top);
		if (l->subclass <= top->subclass)
			lock_order_fail("state locks not in ascending hart order", l, top);
	}
}

static void lock_push(const struct hv_lock *l)
{
	if (nheld == HV_LOCK_DEPTH)
		lock_order_fail("too deep", l, held[nheld - 1]);
	held[nheld++] = l;
}

static void lock_pop(const struct hv_lock *l)
{
	for (unsigned int i = nheld; i-- > 0;) {
		if (held[i] == l) {
			for (unsigned int j = i; j + 1 < nheld; j++)
				held[j] = held[j + 1];
			nheld--;
			return;
		}
	}
	lock_order_fail("releasing a lock not held", l, NULL);
}

void hv_lock_acquire(struct hv_lock *l)
{
	lock_check_order(l);
	pthread_mutex_lock(&l->mutex);
	lock_push(l);
}

void hv_lock_release(struct hv_lock *l)
{
	lock_pop(l);
	pthread_mutex_unlock(&l->mutex);
}

void hv_lock_assert_held(const struct hv_lock *l)
{
	for (unsigned int i = 0; i < nheld; i++)
		if (held[i] == l)
			return;
	lock_order_fail("lock expected to be held", l, NULL);
}

#endif
