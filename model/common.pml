/*
 * common.pml: what the three power-state models share.
 *
 * Included by kvm.pml (designs (a) original KVM and (b) the v1 flag patch) and by
 * hv.pml (design (c), hartvisor, DESIGN.md section 3).  Spin runs the C preprocessor,
 * so every knob below is a -D on the spin command line (model/check.sh sets them).
 *
 * Every assertion carries a tag comment (I1, I2, I3) on its own line: model/check.sh
 * replays a counterexample trail, reads the line of the failed assertion and reports
 * the tag, so a trail is attributed to the invariant it breaks.
 */

#ifndef NHARTS
#define NHARTS 3
#endif
#if NHARTS < 2 || NHARTS > 6
#error "NHARTS must be 2..6"
#endif
#ifndef NSUSP                   /* harts 0 .. NSUSP-1 may call SUSP */
#define NSUSP 1
#endif
#ifndef SRST                    /* 1: any STARTED hart may call SRST */
#define SRST 0
#endif
#ifndef SETMP                   /* 1: the VMM calls set_mp_state(hart, RUNNABLE) at any time */
#define SETMP 0
#endif
#ifndef CHECK_I1                /* 0: drop the I1 assertion (to force a trail of another kind) */
#define CHECK_I1 1
#endif
#ifndef CHECK_I2                /* 0: drop the I2 assertion (likewise) */
#define CHECK_I2 1
#endif

/* HSM states, numbered as in the SBI specification (5 = SUSPEND_PENDING is never stored). */
#define STARTED        0
#define STOPPED        1
#define START_PENDING  2
#define STOP_PENDING   3
#define SUSPENDED      4
#define RESUME_PENDING 6

/* sys_state */
#define SYS_RUNNING   0
#define SYS_SUSPENDED 1
#define SYS_RESETTING 2
#define SYS_OFF       3

/* system events (vCPU exits of type SYSTEM_EVENT) */
#define EV_NONE     0
#define EV_SUSPEND  1
#define EV_RESET    2
#define EV_SHUTDOWN 3

/* why an hsm_state changes: the edge table differs per cause */
#define WHY_HSM     0           /* an edge of the SBI HSM state machine */
#define WHY_SUSPEND 1           /* SUSP commit: the caller goes STARTED -> STOPPED (spec: it
                                   later "resumes from the STOPPED state") */
#define WHY_RESET   2           /* SRST or VMM reboot: any state -> STOPPED */
#define WHY_KVM     3           /* KVM's two-state mp_state: power_on / power_off */

#define NONE 255

byte hsm[NHARTS];               /* per-vCPU hsm_state (KVM: RUNNABLE is STARTED) */
byte sys_state = SYS_RUNNING;   /* per VM */
byte events;                    /* system events raised in the current cycle */
byte ev_kind = EV_NONE;         /* kind of the last one */
byte resume_hart = NONE;        /* the resume record: who restarts at resume_addr */

/* SBI HSM state machine (riscv-sbi-doc, src/riscv-sbi-hsm.ditaa).  STARTED ->
 * SUSPENDED stands for STARTED -> SUSPEND_PENDING -> SUSPENDED, whose middle state is
 * only visible inside the caller's own state_lock; SUSPENDED -> STARTED is the wake-up
 * from a retentive suspend. */
#define HSM_EDGE(f, t) \
	(((f) == STOPPED && (t) == START_PENDING) || \
	 ((f) == START_PENDING && (t) == STARTED) || \
	 ((f) == STARTED && (t) == STOP_PENDING) || \
	 ((f) == STOP_PENDING && (t) == STOPPED) || \
	 ((f) == STARTED && (t) == SUSPENDED) || \
	 ((f) == SUSPENDED && (t) == STARTED) || \
	 ((f) == SUSPENDED && (t) == RESUME_PENDING) || \
	 ((f) == RESUME_PENDING && (t) == STARTED))

#define EDGE_OK(f, t, why) \
	((f) != (t) && \
	 (((why) == WHY_HSM && HSM_EDGE(f, t)) || \
	  ((why) == WHY_SUSPEND && (f) == STARTED && (t) == STOPPED) || \
	  ((why) == WHY_RESET && (t) == STOPPED) || \
	  ((why) == WHY_KVM && (((f) == STOPPED && (t) == STARTED) || \
	                        ((f) == STARTED && (t) == STOPPED)))))

/* The one place where an hsm_state changes. */
inline change_state(h, to, why)
{
	assert(EDGE_OK(hsm[h], to, why));   /* I3 */
	hsm[h] = to
}

/* A vCPU exits with SYSTEM_EVENT(kind).  Exactly one per suspend/reset cycle:
 * the VMM zeroes the count when it resumes or reboots the machine. */
inline raise_event(kind)
{
	events++;
	assert(events <= 1);                /* I3 */
	ev_kind = kind
}

/* I2 is asserted where a hart executes a guest instruction: the ecall that starts an
 * SBI call.  ECALL(me) is the first statement of an atomic in each Hart process, with
 * the I2 tag on that line.  Only a STARTED hart gets past it.  Checking the hart's own
 * state and executing the instruction are one step: a request posted to the hart (SRST's
 * stop, a kick) is seen at the next instruction boundary. */
#if CHECK_I2
#define ASSERT_I2 assert(sys_state == SYS_RUNNING)
#else
#define ASSERT_I2 skip
#endif
#define ECALL(me) hsm[me] == STARTED -> ASSERT_I2
/* the same, for a call only some harts make (one guard: no half-taken choice) */
#define ECALL_IF(cond, me) (cond) && hsm[me] == STARTED -> ASSERT_I2

/* I1, asserted at the SUSP commit point (inside an atomic/d_step).  k: a scratch byte. */
inline assert_others_stopped(me, k)
{
#if CHECK_I1
	k = 0;
	do
	:: k < NHARTS ->
		assert(k == me || hsm[k] == STOPPED);   /* I1 */
		k++
	:: else -> break
	od;
	k = 0
#else
	skip
#endif
}

/* t := any hart id (one step when used inside atomic). */
inline pick_hart(t)
{
	if
	:: t = 0
	:: t = 1
#if NHARTS > 2
	:: t = 2
#endif
#if NHARTS > 3
	:: t = 3
#endif
#if NHARTS > 4
	:: t = 4
#endif
#if NHARTS > 5
	:: t = 5
#endif
	fi
}

/* Boot: hart 0 runs, every other hart is STOPPED (DESIGN.md section 6). */
inline boot_harts()
{
	byte b = 0;
	do
	:: b < NHARTS -> hsm[b] = STOPPED; b++
	:: else -> break
	od;
	hsm[0] = STARTED
}
