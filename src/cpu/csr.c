/* SPDX-License-Identifier: MIT */
/*
 * The supervisor CSR file as the CSR instructions see it, trap entry, sret
 * and the choice of interrupt.  The hart has S and U modes only, so every
 * trap goes to S-mode, as it does for a KVM guest whose M-mode delegated
 * everything it could.
 *
 * WARL choices (each allowed by the privileged spec):
 * - stvec: a write whose MODE field is 2 or 3 (reserved) updates BASE and
 *   keeps the old MODE.  BASE needs only 4-byte alignment, in both modes.
 * - satp: a write with a MODE other than Bare, Sv39 or Sv48 has no effect
 *   at all.  ASIDLEN is 16, so every ASID bit is writable; PPN is stored
 *   as written (a root outside RAM shows up as an access fault on the walk).
 * - sepc: bit 0 is always 0 (IALIGN = 16, the C extension is always on).
 * - scause and stval hold any value written.
 * - senvcfg: only FIOM is writable; CBIE/CBCFE/CBZE/PBMTE read 0.
 * - sstatus: UXL reads 2 (64-bit U-mode), UBE/VS/XS read 0, and SD reads
 *   1 exactly when FS is Dirty.
 *
 * Known limit: the guest acknowledges an SBI IPI by clearing sip.SSIP, which
 * lowers the SSI line as well (as a write to KVM's vsip clears hvip.VSSIP).
 * A csrw/csrs/csrc of sip that writes SSIP = 0 therefore also drops an IPI
 * that arrived after the instruction read sip but before it wrote it.  Linux
 * writes sip only to clear SSIP, where that is the intent.
 */
#include "cpu/hart.h"

#define CSR_SSTATUS_WRITABLE \
	(SSTATUS_SIE | SSTATUS_SPIE | SSTATUS_SPP | SSTATUS_FS | SSTATUS_SUM | SSTATUS_MXR)
/* The sstatus bits that change what the soft TLB or the FP decode may assume. */
#define CSR_SSTATUS_MMU (SSTATUS_SUM | SSTATUS_MXR | SSTATUS_FS)
#define CSR_SIE_WRITABLE (MIP_SSIP | MIP_STIP | MIP_SEIP)
#define CSR_SIP_WRITABLE MIP_SSIP
/* The lines cpu_irq_raise() may set; STIP comes from the timer only. */
#define CSR_SIP_LINES (MIP_SSIP | MIP_SEIP)

/* Address bits [9:8]: the lowest privilege that may access the CSR. */
static inline unsigned int csr_min_priv(unsigned int csr)
{
	return (csr >> 8) & 3;
}

/* Address bits [11:10] == 3: read-only. */
static inline bool csr_is_read_only(unsigned int csr)
{
	return ((csr >> 10) & 3) == 3;
}

static inline bool csr_fp_enabled(const struct hart_csrs *s)
{
	return (s->sstatus & SSTATUS_FS) != SSTATUS_FS_OFF;
}

/* Every write of sstatus goes through here, so that hart_mmu_changed() is never missed. */
static void csr_sstatus_set(struct cpu *c, struct hart_csrs *s, uint64_t val)
{
	uint64_t old = s->sstatus;

	s->sstatus = val & CSR_SSTATUS_WRITABLE;
	if ((old ^ s->sstatus) & CSR_SSTATUS_MMU)
		hart_mmu_changed(c);
}

static uint64_t csr_sstatus_get(const struct hart_csrs *s)
{
	uint64_t val = (s->sstatus & CSR_SSTATUS_WRITABLE) | SSTATUS_UXL_64;

	if ((val & SSTATUS_FS) == SSTATUS_FS_DIRTY)
		val |= SSTATUS_SD;
	return val;
}

/* A write of fflags/frm/fcsr: the caller checked that FS is not Off. */
static void csr_fs_dirty(struct cpu *c, struct hart_csrs *s)
{
	csr_sstatus_set(c, s, s->sstatus | SSTATUS_FS_DIRTY);
}

/*
 * cycle, time, instret and hpmcounter3..31 (all read-only).  U-mode needs
 * the scounteren bit whose number is the CSR's offset from cycle.  There
 * is no separate cycle count: one instruction, one cycle.
 */
static int csr_counter_read(struct cpu *c, const struct hart_csrs *s, unsigned int csr,
			    uint64_t *val)
{
	unsigned int n = csr - CSR_CYCLE;

	if (c->priv == PRV_U && !(s->scounteren & (1ull << n)))
		return -1;
	switch (csr) {
	case CSR_CYCLE:
	case CSR_INSTRET:
		*val = cpu_instret(c);
		break;
	case CSR_TIME:
		*val = cpu_time_now(c->env);
		break;
	default:
		*val = 0; /* no hardware performance monitors */
		break;
	}
	return 0;
}

int csr_read(struct cpu *c, unsigned int csr, uint64_t *val)
{
	struct hart_csrs *s = hart_csrs(c);

	/* M-mode and hypervisor CSRs (bits [9:8] of 3 and 2) fail here too. */
	if (csr_min_priv(csr) > c->priv)
		return -1;

	switch (csr) {
	case CSR_FFLAGS:
	case CSR_FRM:
	case CSR_FCSR:
		if (!csr_fp_enabled(s))
			return -1;
		if (csr == CSR_FFLAGS)
			*val = s->fflags & FCSR_FFLAGS_MASK;
		else if (csr == CSR_FRM)
			*val = s->frm & FCSR_FRM_MASK;
		else
			*val = ((s->frm & FCSR_FRM_MASK) << FCSR_FRM_SHIFT) |
			       (s->fflags & FCSR_FFLAGS_MASK);
		return 0;
	case CSR_SSTATUS:
		*val = csr_sstatus_get(s);
		return 0;
	case CSR_SIE:
		*val = s->sie & CSR_SIE_WRITABLE;
		return 0;
	case CSR_SIP:
		*val = csr_sip(c);
		return 0;
	case CSR_STVEC:
		*val = s->stvec;
		return 0;
	case CSR_SCOUNTEREN:
		*val = s->scounteren;
		return 0;
	case CSR_SENVCFG:
		*val = s->senvcfg & SENVCFG_FIOM;
		return 0;
	case CSR_SSCRATCH:
		*val = s->sscratch;
		return 0;
	case CSR_SEPC:
		*val = s->sepc & ~1ull;
		return 0;
	case CSR_SCAUSE:
		*val = s->scause;
		return 0;
	case CSR_STVAL:
		*val = s->stval;
		return 0;
	case CSR_STIMECMP:
		*val = s->stimecmp;
		return 0;
	case CSR_SATP:
		*val = s->satp;
		return 0;
	default:
		if (csr >= CSR_CYCLE && csr <= CSR_HPMCOUNTER31)
			return csr_counter_read(c, s, csr, val);
		return -1;
	}
}

int csr_write(struct cpu *c, unsigned int csr, uint64_t val)
{
	struct hart_csrs *s = hart_csrs(c);
	uint64_t mode;

	if (csr_min_priv(csr) > c->priv || csr_is_read_only(csr))
		return -1;

	switch (csr) {
	case CSR_FFLAGS:
	case CSR_FRM:
	case CSR_FCSR:
		if (!csr_fp_enabled(s))
			return -1;
		if (csr == CSR_FFLAGS) {
			s->fflags = (uint32_t)(val & FCSR_FFLAGS_MASK);
		} else if (csr == CSR_FRM) {
			s->frm = (uint32_t)(val & FCSR_FRM_MASK);
		} else {
			s->fflags = (uint32_t)(val & FCSR_FFLAGS_MASK);
			s->frm = (uint32_t)((val >> FCSR_FRM_SHIFT) & FCSR_FRM_MASK);
		}
		csr_fs_dirty(c, s);
		return 0;
	case CSR_SSTATUS:
		csr_sstatus_set(c, s, val);
		return 0;
	case CSR_SIE:
		s->sie = val & CSR_SIE_WRITABLE;
		return 0;
	case CSR_SIP:
		s->sip_soft = val & CSR_SIP_WRITABLE;
		if (!(val & MIP_SSIP))
			cpu_irq_lower(c, CPU_IRQ_SSI); /* the IPI acknowledge, see the top */
		return 0;
	case CSR_STVEC:
		if ((val & STVEC_MODE_MASK) > STVEC_MODE_VECTORED)
			val = (val & ~STVEC_MODE_MASK) | (s->stvec & STVEC_MODE_MASK);
		s->stvec = val;
		return 0;
	case CSR_SCOUNTEREN:
		s->scounteren = val & 0xffffffffull;
		return 0;
	case CSR_SENVCFG:
		s->senvcfg = val & SENVCFG_FIOM;
		return 0;
	case CSR_SSCRATCH:
		s->sscratch = val;
		return 0;
	case CSR_SEPC:
		s->sepc = val & ~1ull;
		return 0;
	case CSR_SCAUSE:
		s->scause = val;
		return 0;
	case CSR_STVAL:
		s->stval = val;
		return 0;
	case CSR_STIMECMP:
		/* STIP is computed from it on every read, so nothing else to do. */
		s->stimecmp = val;
		return 0;
	case CSR_SATP:
		mode = val >> SATP_MODE_SHIFT;
		if (mode != SATP_MODE_BARE && mode != SATP_MODE_SV39 && mode != SATP_MODE_SV48)
			return 0;
		s->satp = val;
		hart_mmu_changed(c);
		return 0;
	default:
		return -1;
	}
}

uint64_t csr_sip(struct cpu *c)
{
	struct hart_csrs *s = hart_csrs(c);
	uint64_t ip = s->sip_soft & CSR_SIP_WRITABLE;

	ip |= atomic_load_explicit(&c->irq_lines, memory_order_acquire) & CSR_SIP_LINES;
	if (cpu_time_now(c->env) >= s->stimecmp)
		ip |= MIP_STIP;
	return ip;
}

/* Enter S-mode at @pc for a trap with @cause and @tval. */
static void trap_enter(struct cpu *c, struct hart_csrs *s, uint64_t cause, uint64_t tval,
		       uint64_t pc)
{
	unsigned int old_priv = c->priv;
	uint64_t st = s->sstatus & ~(SSTATUS_SPP | SSTATUS_SPIE | SSTATUS_SIE);

	if (old_priv == PRV_S)
		st |= SSTATUS_SPP;
	if (s->sstatus & SSTATUS_SIE)
		st |= SSTATUS_SPIE;
	s->sstatus = st; /* SUM, MXR and FS are untouched: no hart_mmu_changed() for them */
	s->sepc = c->pc & ~1ull;
	s->scause = cause;
	s->stval = tval;
	c->priv = PRV_S;
	c->pc = pc;
	if (old_priv != PRV_S)
		hart_mmu_changed(c);
}

void trap_exception(struct cpu *c, uint64_t cause, uint64_t tval)
{
	struct hart_csrs *s = hart_csrs(c);

	/* Exceptions go to BASE even in vectored mode. */
	trap_enter(c, s, cause, tval, s->stvec & ~STVEC_MODE_MASK);
}

/*
 * Called often (at control-flow boundaries), so it reads the clock only
 * when nothing of higher priority than the timer is pending and enabled.
 */
bool trap_check_irq(struct cpu *c)
{
	struct hart_csrs *s = hart_csrs(c);
	uint64_t pending, base;
	unsigned int irq;

	/* U-mode always takes S-level interrupts; S-mode only with SIE. */
	if (c->priv == PRV_S && !(s->sstatus & SSTATUS_SIE))
		return false;
	if (!(s->sie & CSR_SIE_WRITABLE))
		return false;

	pending = (s->sip_soft & CSR_SIP_WRITABLE) |
		  (atomic_load_explicit(&c->irq_lines, memory_order_acquire) & CSR_SIP_LINES);
	pending &= s->sie;
	if (pending & MIP_SEIP)
		irq = IRQ_S_EXT;
	else if (pending & MIP_SSIP)
		irq = IRQ_S_SOFT;
	else if ((s->sie & MIP_STIP) && cpu_time_now(c->env) >= s->stimecmp)
		irq = IRQ_S_TIMER;
	else
		return false;

	base = s->stvec & ~STVEC_MODE_MASK;
	if ((s->stvec & STVEC_MODE_MASK) == STVEC_MODE_VECTORED)
		base += 4ull * irq;
	trap_enter(c, s, CAUSE_INTERRUPT | irq, 0, base);
	return true;
}

void trap_sret(struct cpu *c)
{
	struct hart_csrs *s = hart_csrs(c);
	unsigned int old_priv = c->priv;
	uint64_t st = s->sstatus;

	c->priv = (st & SSTATUS_SPP) ? PRV_S : PRV_U;
	st &= ~(SSTATUS_SPP | SSTATUS_SIE);
	if (st & SSTATUS_SPIE)
		st |= SSTATUS_SIE;
	st |= SSTATUS_SPIE;
	s->sstatus = st;
	c->pc = s->sepc & ~1ull;
	if (c->priv != old_priv)
		hart_mmu_changed(c);
}
