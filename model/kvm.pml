/*
 * kvm.pml: designs (a) and (b), Linux KVM RISC-V.
 *
 *   (a) default: the original code (torvalds vcpu_sbi_system.c@3d5e4894,
 *       vcpu_sbi_hsm.c@e65d9626).  KVM's mp_state has two values, RUNNABLE (modelled as
 *       STARTED) and STOPPED; power_on/power_off are the WHY_KVM edges of common.pml.
 *         SUSP        scans the other vCPUs with one unlocked READ_ONCE each, then
 *                     queues the caller's reset and forwards the call to userspace
 *         HART_START  target's mp_state_lock only
 *         HART_STOP   own mp_state_lock only
 *         SRST        each vCPU's mp_state_lock in turn -> STOPPED, then the exit
 *   (b) -DV1: the v1 patch (linux-riscv@1dcc5a8e): a VM-wide bool suspend_in_progress,
 *       set by SUSP before its scan (each read under that vCPU's mp_state_lock), cleared
 *       by a DENIED SUSP, and cleared by every entry to kvm_arch_vcpu_ioctl_run.
 *       HART_START returns DENIED when it sees the flag under the target's lock.
 *
 * Knobs (-D) besides those of common.pml:
 *   RUNLOOP_ANY  (b) only: any vCPU may re-enter its run loop at any time (return from an
 *                MMIO, CSR or forwarded-SBI exit; a stopped vCPU thread woken by a
 *                signal) and so clear the flag: gap 1.  Without it the only run-loop
 *                entry modelled is the SUSP caller's, when the VMM resumes it.
 *   NSUSP >= 2   two concurrent SUSP callers: gap 2.
 *   SETMP        the VMM's KVM_SET_MP_STATE(RUNNABLE), which ignores the flag: gap 3.
 *   SRST         SRST, which nothing serialises against SUSP: gap 4.
 *
 * The state userspace sees is modelled with the same variables as hv.pml: the SUSP
 * "commit" is the moment the handler queues the reset and forwards the exit
 * (sys_state = SUSPENDED, one SYSTEM_EVENT), SRST's exit sets RESETTING/OFF.
 * Locking: an mp_state_lock section is one atomic step (see hv.pml for why).
 */

#include "common.pml"

#ifdef V1
bool suspend_in_progress;
byte in_susp;                   /* ghost: SUSP callers that set the flag and have not
                                   finished; only used to label the trail */
#define CLEAR_FLAG_RUNLOOP(me) \
	atomic { \
		if \
		:: suspend_in_progress && in_susp > 0 -> \
			printf("GAP1: vCPU %d enters its run loop and clears suspend_in_progress during a SUSP scan\n", me) \
		:: else -> skip \
		fi; \
		suspend_in_progress = false \
	}
#endif

/* kvm_sbi_hsm_vcpu_start(me -> t) */
inline hart_start(me, t)
{
	atomic {        /* target's mp_state_lock */
		if
		:: hsm[t] != STOPPED -> skip                        /* ALREADY_AVAILABLE */
#ifdef V1
		:: hsm[t] == STOPPED && suspend_in_progress -> skip /* DENIED */
		:: hsm[t] == STOPPED && !suspend_in_progress ->
#else
		:: hsm[t] == STOPPED ->
#endif
			printf("START: vCPU %d starts vCPU %d\n", me, t);
			change_state(t, STARTED, WHY_KVM)
		fi;
		t = 0
	}
}

/* kvm_sbi_hsm_vcpu_stop, under its own mp_state_lock.  (Its FAILURE case, caller
 * already stopped, cannot arise: the handler is one step with the caller's ecall.) */
inline hart_stop(me)
{
	printf("STOP: vCPU %d stops itself\n", me);
	change_state(me, STOPPED, WHY_KVM)
}

/* kvm_sbi_ext_susp_handler */
inline susp(me, j, k)
{
#ifdef V1
	atomic {
		suspend_in_progress = true;
		in_susp++;
		printf("SUSP: vCPU %d sets suspend_in_progress and scans\n", me)
	}
#endif
	j = 0;
	do
	:: j < NHARTS && (j == me || hsm[j] == STOPPED) -> j++ /* (b): under j's lock */
	:: j < NHARTS && j != me && hsm[j] != STOPPED ->
#ifdef V1
		atomic {
			if
			:: in_susp > 1 ->
				printf("GAP2: vCPU %d's SUSP is DENIED and clears the flag of a concurrent SUSP\n", me)
			:: else -> skip
			fi;
			suspend_in_progress = false;
			in_susp--
		}
#endif
		j = NONE                                            /* DENIED */
	:: j >= NHARTS -> break
	od;
	if
	:: j == NHARTS ->
		atomic {        /* request_reset(caller) + forward: the exit is committed */
			printf("SUSP: vCPU %d commits the system suspend\n", me);
			assert_others_stopped(me, k);
			sys_state = SYS_SUSPENDED;
			resume_hart = me;
			raise_event(EV_SUSPEND);
#ifdef V1
			in_susp--;
#endif
			j = 0
		}
		/* in userspace until the VMM runs this vCPU again */
		(resume_hart != me);
#ifdef V1
		suspend_in_progress = false                         /* KVM_RUN entry */
#else
		skip
#endif
	:: else -> j = 0
	fi
}

/* kvm_riscv_vcpu_sbi_system_reset */
inline srst(me, j)
{
	j = 0;
	do
	:: j < NHARTS ->
		atomic {        /* j's mp_state_lock */
			if
			:: hsm[j] != STOPPED -> change_state(j, STOPPED, WHY_RESET)
			:: else -> skip
			fi;
			j++
		}
	:: j == NHARTS ->
		atomic {
			printf("SRST: vCPU %d resets the system\n", me);
			if
			:: sys_state = SYS_RESETTING; raise_event(EV_RESET)
			:: sys_state = SYS_OFF; raise_event(EV_SHUTDOWN)
			fi;
			j = 0
		}
		break
	od
}

proctype Hart(byte me)
{
	byte t, j, k;

end_idle:
	do
	/* SBI calls, as in hv.pml: HART_STOP is one step with its ecall */
	:: atomic { ECALL(me); pick_hart(t) }; hart_start(me, t)          /* I2 */
	:: atomic { ECALL(me); hart_stop(me) }                             /* I2 */
	:: atomic { ECALL_IF(me < NSUSP, me) }; susp(me, j, k)           /* I2 */
	:: atomic { ECALL_IF(SRST, me) }; srst(me, j)                    /* I2 */
#if defined(V1) && defined(RUNLOOP_ANY)
	:: CLEAR_FLAG_RUNLOOP(me)
#endif
	od
}

/* Userspace: the system-event loop, and KVM_SET_MP_STATE. */
proctype Vmm()
{
	byte t, k;

end_idle:
	do
	:: atomic {
		events > 0 ->
		if
		:: sys_state == SYS_SUSPENDED ->
			resume_hart = NONE      /* KVM_RUN again: the caller resumes at resume_addr */
		:: else ->
			/* reboot: every vCPU reset and STOPPED, vCPU 0 RUNNABLE */
			k = 0;
			do
			:: k < NHARTS ->
				if
				:: hsm[k] != STOPPED -> change_state(k, STOPPED, WHY_RESET)
				:: else -> skip
				fi;
				k++
			:: else -> break
			od;
			k = 0;
			resume_hart = NONE;
			change_state(0, STARTED, WHY_KVM)
		fi;
		sys_state = SYS_RUNNING;
		events = 0;
		ev_kind = EV_NONE
	   }
#if SETMP
	:: atomic { sys_state == SYS_RUNNING -> pick_hart(t) }  /* userspace's own view */
		atomic {        /* KVM_SET_MP_STATE(t, RUNNABLE): t's mp_state_lock only */
			if
			:: hsm[t] == STOPPED ->
				printf("SETMP: the VMM makes vCPU %d RUNNABLE\n", t);
				change_state(t, STARTED, WHY_KVM)
			:: else -> skip
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
