/* SPDX-License-Identifier: MIT */
/*
 * A test-and-set spinlock for the guest runtime.  The acquire and release
 * orderings come from the AMO's .aq and the release store, so a lock also
 * orders the data it guards across harts.
 */
#ifndef GUEST_LOCK_H
#define GUEST_LOCK_H

struct spinlock {
	volatile unsigned int locked;
};

#define SPINLOCK_INIT \
	{             \
		0     \
	}

static inline void spin_lock(struct spinlock *l)
{
	for (;;) {
		if (!__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE))
			return;
		/* Spin on a plain load so waiters do not hammer the line with AMOs. */
		while (l->locked)
			;
	}
}

static inline int spin_trylock(struct spinlock *l)
{
	return !__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE);
}

static inline void spin_unlock(struct spinlock *l)
{
	__atomic_store_n(&l->locked, 0, __ATOMIC_RELEASE);
}

#endif /* GUEST_LOCK_H */
