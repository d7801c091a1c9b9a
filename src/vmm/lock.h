/* SPDX-License-Identifier: MIT */
/*
 * Locks with their place in hartvisor's lock order (docs/locking.md):
 *
 *   pm_lock  ->  vcpu->state_lock (ascending hart id)  ->  device locks
 *            ->  the interrupt controller's lock
 *
 * In debug builds (HV_DEBUG) every acquisition is checked against the locks
 * the calling thread already holds, and a violation aborts with both lock
 * names.  The record of held locks is per thread (thread-local), so it is not
 * shared state between VMs.  Release builds compile down to plain pthread
 * calls.
 */
#ifndef HV_VMM_LOCK_H
#define HV_VMM_LOCK_H

#include <pthread.h>

enum hv_lock_class {
	HV_LOCK_PM = 1,
	HV_LOCK_STATE = 2, /* subclass: hart id; taken in ascending order */
	HV_LOCK_DEVICE = 3,
	/* Innermost: devices raise their interrupt lines under their own locks. */
	HV_LOCK_IRQCHIP = 4,
};

struct hv_lock {
	pthread_mutex_t mutex;
	unsigned int lclass;
	unsigned int subclass;
	const char *name;
};

int hv_lock_init(struct hv_lock *l, unsigned int lclass, unsigned int subclass, const char *name);
void hv_lock_destroy(struct hv_lock *l);

#ifdef HV_DEBUG
void hv_lock_acquire(struct hv_lock *l);
void hv_lock_release(struct hv_lock *l);
/* Abort unless the calling thread holds @l. */
void hv_lock_assert_held(const struct hv_lock *l);
#else
static inline void hv_lock_acquire(struct hv_lock *l)
{
	pthread_mutex_lock(&l->mutex);
}

static inline void hv_lock_release(struct hv_lock *l)
{
	pthread_mutex_unlock(&l->mutex);
}

static inline void hv_lock_assert_held(const struct hv_lock *l)
{
	(void)l;
}
#endif

#endif /* HV_VMM_LOCK_H */
