/*
 * hv.pml: design (c), hartvisor's power-state protocol (DESIGN.md section 3).
 *
 *   pm_lock (VM) -> state_lock (per vCPU, ascending hart id)
 *
 *   sbi_hsm_start         pm_lock + target state_lock
 *   sbi_hsm_stop          own state_lock       STARTED -> STOP_PENDING (-> STOPPED on own thread)
 *   sbi_hsm_suspend       own state_lock       STARTED -> SUSPENDED   (-> STARTED when woken)
 *   sbi_susp_suspend      pm_lock for checks, scan and commit
 *   sbi_srst_reset        pm_lock, then every state_lock in turn
 *   hv_vcpu_set_mp_state  pm_lock + target state_lock, refused unless sys_state == RUNNING
 *   hv_vm_resume          pm_lock: sys_state = RUNNING, caller STOPPED -> START_PENDING
 *   hv_vm_boot            pm_lock: sys_state = RUNNING, hart 0 STOPPED -> START_PENDING
 *
 * Knobs (-D): NHARTS, NSUSP, SRST, SETMP from common.pml, and the three designs that
 * DESIGN.md section 3 says break it, each of which must produce a trail:
 *   BROKEN_START_NOLOCK   HART_START takes only the target's state_lock
 *   BROKEN_SETMP_NOLOCK   set_mp_state takes only the target's state_lock
 *   BROKEN_LATE_COMMIT    SUSP releases pm_lock after its scan and commits afterwards
 * and one more, to show that the I3 checks can fail (sbi-semantics.md 2b gap 8):
 *   BROKEN_NO_RECHECK     SUSP and SRST do not recheck, under pm_lock, that the caller is
 *                         still STARTED and sys_state is RUNNING
 *
 * Granularity.  A state_lock section touches one hart's hsm_state and never waits for
 * anything while it holds the lock, so "lock; read/write; unlock" is one atomic step
 * and the lock itself needs no variable.  pm_lock is a variable, because SUSP and SRST
 * hold it across several steps.  Where a pm_lock section is a single step (HART_START,
 * set_mp_state, resume, boot) acquire + body + release are one atomic step guarded by
 * pm_lock == 0: everything that body reads is written only under pm_lock or under the
 * target's state_lock, so no other process can observe or change its middle.
 * SUSP's scan reads each hsm_state WITHOUT the hart's state_lock, one hart per step:
 * weaker than the C code (which may take the lock for the read), so anything proved
 * here holds for the locked read as well.
 * An SBI call is the ecall step (I2 checked there), then its handler.  HART_STOP and
 * HART_SUSPEND run in the same step as their ecall: they touch only the caller's own
 * state, and the one thing that could come between (SRST stopping the caller) would
 * make them do nothing.  Calls that need pm_lock wait for it as a separate step.
 */

#include "common.pml"

bit pm_lock;

#define PM_FREE (pm_lock == 0)

/* SUSP's and SRST's first check under pm_lock. */
#ifndef BROKEN_NO_RECHECK
#define CALLER_OK(me) (hsm[me] == STARTED && sys_state == SYS_RUNNING)
#else
#define CALLER_OK(me) true
#endif

/* sbi_hsm_start(me -> t).  Never returns DENIED. */
inline hart_start(me, t)
{
	atomic {
#ifndef BROKEN_START_NOLOCK
		PM_FREE ->
#endif
		if
		:: hsm[me] != STARTED || sys_state != SYS_RUNNING -> skip  /* FAILED */
		:: else ->
			if
			:: hsm[t] == STOPPED ->
				printf("START: hart %d starts hart %d\n", me, t);
				change_state(t, START_PENDING, WHY_HSM)
			:: else -> skip                             /* ALREADY_AVAILABLE */
			fi
		fi;
		t = 0
	}
}

/* sbi_hsm_stop: own state_lock only.  The STOP_PENDING -> STOPPED step completes on
 * the hart's own thread (see Hart).  Its FAILED case (caller not STARTED) cannot arise
 * in the model: the handler is one step with the caller's ecall. */
inline hart_stop(me)
{
	printf("STOP: hart %d stops itself\n", me);
	change_state(me, STOP_PENDING, WHY_HSM)
}

/* sbi_hsm_suspend, retentive (type 0): own state_lock only; likewise one step with
 * the ecall. */
inline hart_suspend(me)
{
	change_state(me, SUSPENDED, WHY_HSM)
}

/* sbi_susp_suspend.  j: scratch; NONE means FAILED. */
inline susp(me, j, k)
{
	atomic {
		PM_FREE -> pm_lock = 1;
		if
		:: CALLER_OK(me) -> j = 0
		:: else -> j = NONE                                 /* FAILED */
		fi
	}
	/* every other hart STOPPED?  One unlocked read per step. */
	do
	:: j < NHARTS && (j == me || hsm[j] == STOPPED) -> j++
	:: j < NHARTS && j != me && hsm[j] != STOPPED -> j = NONE   /* DENIED */
	:: j >= NHARTS -> break
	od;
	if
	:: j == NHARTS ->
#ifdef BROKEN_LATE_COMMIT
		pm_lock = 0;
#endif
		atomic {        /* commit: caller's state_lock (and pm_lock) held */
			printf("SUSP: hart %d commits the system suspend\n", me);
			assert_others_stopped(me, k);
			assert(resume_hart == NONE);        /* I3: one resume point */
			sys_state = SYS_SUSPENDED;
			change_state(me, STOPPED, WHY_SUSPEND);
			resume_hart = me;
			raise_event(EV_SUSPEND);
#ifndef BROKEN_LATE_COMMIT
			pm_lock = 0;
#endif
			j = 0
		}
	:: else ->
		atomic { pm_lock = 0; j = 0 }               /* FAILED/DENIED: nothing changed */
	fi
}

/* sbi_srst_reset.  Marks every hart STOPPED (each under its state_lock, ascending),
 * then publishes sys_state and the event; harts are stopped before sys_state leaves
 * RUNNING, so no hart is ever STARTED in a non-RUNNING system. */
inline srst(me, j)
{
	atomic {
		PM_FREE -> pm_lock = 1;
		if
		:: CALLER_OK(me) -> j = 0
		:: else -> j = NONE                 /* a second SRST: does nothing */
		fi
	}
	do
	:: j < NHARTS ->
		atomic {
			if
			:: hsm[j] != STOPPED -> change_state(j, STOPPED, WHY_RESET)
			:: else -> skip
			fi;
			j++
		}
	:: j == NHARTS ->
		atomic {
			printf("SRST: hart %d resets the system\n", me);
			if
			:: sys_state = SYS_RESETTING; raise_event(EV_RESET)
			:: sys_state = SYS_OFF; raise_event(EV_SHUTDOWN)
			fi;
			j = NONE
		}
	:: j == NONE -> atomic { pm_lock = 0; j = 0 }; break
	od
}

proctype Hart(byte me)
{
	byte t, j, k;

end_idle:
	do
	/* SBI calls.  The ones that need pm_lock are separate steps after the ecall: the
	 * lock may be taken, and SRST may stop this hart, in between (hence their rechecks).
	 * HART_STOP and HART_SUSPEND are one step with their ecall: they touch only this
	 * hart's state, and if SRST stopped the hart in between they would do nothing. */
	:: atomic { ECALL(me); pick_hart(t) }; hart_start(me, t)          /* I2 */
	:: atomic { ECALL(me); hart_stop(me) }                             /* I2 */
	:: atomic { ECALL(me); hart_suspend(me) }                          /* I2 */
	:: atomic { ECALL_IF(me < NSUSP, me) }; susp(me, j, k)           /* I2 */
	:: atomic { ECALL_IF(SRST, me) }; srst(me, j)                    /* I2 */
	/* the hart's own thread, under its own state_lock, at the top of its run loop */
	:: atomic { hsm[me] == START_PENDING -> change_state(me, STARTED, WHY_HSM) }
	:: atomic { hsm[me] == STOP_PENDING -> change_state(me, STOPPED, WHY_HSM) }
	:: atomic { hsm[me] == SUSPENDED -> change_state(me, STARTED, WHY_HSM) }  /* woken */
	od
}

/* While sys_state is not RUNNING every hart must stay STOPPED.  k: scratch. */
inline assert_all_stopped(k)
{
	k = 0;
	do
	:: k < NHARTS ->
		assert(hsm[k] == STOPPED);          /* I2 */
		k++
	:: else -> break
	od;
	k = 0
}

/* The VMM: the system-event loop of src/cli, plus the API's set_mp_state. */
proctype Vmm()
{
	byte t, k;

end_idle:
	do
	:: atomic {     /* hv_vm_resume / hv_vm_boot, under pm_lock */
		events > 0 && PM_FREE ->
		if
		:: sys_state == SYS_SUSPENDED ->
			assert(ev_kind == EV_SUSPEND && resume_hart != NONE);   /* I3 */
			printf("RESUME: the VMM resumes hart %d\n", resume_hart);
			assert_all_stopped(k);  /* nothing ran while it was suspended */
			change_state(resume_hart, START_PENDING, WHY_HSM);
			resume_hart = NONE
		:: sys_state == SYS_RESETTING || sys_state == SYS_OFF ->
			assert(ev_kind == EV_RESET || ev_kind == EV_SHUTDOWN);  /* I3 */
			assert(resume_hart == NONE);                             /* I3 */
			/* reboot (the model powers a shut-down machine on again, to keep going) */
			assert_all_stopped(k);
			printf("BOOT: the VMM reboots the machine\n");
			change_state(0, START_PENDING, WHY_HSM)
		:: else -> assert(false)             /* I3: an event with sys_state RUNNING */
		fi;
		sys_state = SYS_RUNNING;
		events = 0;
		ev_kind = EV_NONE
	   }
#if SETMP
	:: atomic {     /* hv_vcpu_set_mp_state(t, RUNNABLE) */
#ifndef BROKEN_SETMP_NOLOCK
		PM_FREE ->
#endif
		pick_hart(t);
		if
		:: sys_state == SYS_RUNNING && hsm[t] == STOPPED ->
			printf("SETMP: the VMM makes hart %d RUNNABLE\n", t);
			change_state(t, START_PENDING, WHY_HSM)
		:: else -> skip                     /* refused, or already running */
		fi;
		t = 0
	   }
#endif
	od
}

init
{
	atomic {
		boot_harts();
		byte i = 0;
		do
		:: i < NHARTS -> run Hart(i); i++
		:: else -> break
		od;
		run Vmm()
	}
}
