// SPDX-License-Identifier: MIT
/*
 * The library API, single-threaded: two VMs in one process, the forwarded
 * SBI exit, system events, and the power-state rules of the API itself.
 */
#include <errno.h>
#include <string.h>

#include "check.h"
#include "hartvisor/hartvisor.h"
#include "hartvisor/ucall.h"
#include "rvenc.h"

#define RAM_BASE 0x80000000ull
#define SRST_EID 0x53525354u

/*
 * The program each VM runs: store @value at RAM + 0x1000, ask the host for a
 * value over the ucall probe and store what came back at RAM + 0x1008, then
 * power off with SRST reason @reason.
 */
static void write_program(uint8_t *ram, uint32_t value, uint32_t reason)
{
	uint32_t p[64];
	unsigned n = 0;

	p[n++] = rv_auipc(T1, 1); /* t1 = RAM + 0x1000 */
	n += rv_li32(&p[n], T0, value);
	p[n++] = rv_sd(T0, T1, 0);
	n += rv_li32(&p[n], A7, HV_UCALL_EID);
	p[n++] = rv_addi(A6, X0, HV_UCALL_PROBE);
	p[n++] = RV_ECALL;
	p[n++] = rv_sd(A1, T1, 8);
	p[n++] = rv_sd(A0, T1, 16);
	n += rv_li32(&p[n], A7, SRST_EID);
	p[n++] = rv_addi(A6, X0, 0);
	p[n++] = rv_addi(A0, X0, 0);
	p[n++] = rv_addi(A1, X0, (int32_t)reason);
	p[n++] = RV_ECALL;
	memcpy(ram, p, n * 4);
}

static void run_vm(struct hv_vm *vm, struct hv_vcpu *v, const char *tag, uint32_t reason)
{
	struct hv_exit ex;
	char name[64];

	CHECK_EQ("boot", 0, hv_vm_boot(vm, 0, RAM_BASE, 0));
	CHECK_EQ("run 1", 0, hv_vcpu_run(v, &ex));
	snprintf(name, sizeof(name), "%s: forwarded exit", tag);
	CHECK_EQ(name, HV_EXIT_SBI, ex.reason);
	CHECK_EQ("forwarded eid", HV_UCALL_EID, ex.sbi.eid);
	CHECK_EQ("forwarded fid", HV_UCALL_PROBE, ex.sbi.fid);
	CHECK_EQ("preset error", (uint64_t)-2, (uint64_t)ex.sbi.ret[0]);
	ex.sbi.ret[0] = 0;
	ex.sbi.ret[1] = 0x1234 + reason;
	CHECK_EQ("run 2", 0, hv_vcpu_run(v, &ex));
	snprintf(name, sizeof(name), "%s: shutdown event", tag);
	CHECK_EQ(name, HV_EXIT_SYSTEM_EVENT, ex.reason);
	CHECK_EQ("event type", HV_SYSTEM_EVENT_SHUTDOWN, ex.system_event.type);
	CHECK_EQ("event reason", reason, ex.system_event.reset_reason);
	CHECK_EQ("sys state off", HV_SYS_OFF, hv_vm_get_sys_state(vm));
	CHECK_EQ("vcpu stopped", HV_MP_STATE_STOPPED, hv_vcpu_get_mp_state(v));
}

int main(void)
{
	struct hv_vm_config cfg = {.ram_size = 4 << 20, .nr_vcpus = 2};
	struct hv_vm *a, *b, *bad;
	struct hv_vcpu *va, *vb, *vx;
	uint64_t base, size, val;
	uint8_t *ra, *rb;

	/* Bad configurations are refused. */
	struct hv_vm_config c0 = cfg;
	c0.nr_vcpus = 0;
	CHECK_EQ("0 vcpus", -EINVAL, hv_vm_create(&c0, &bad));
	c0 = cfg;
	c0.nr_vcpus = HV_MAX_VCPUS + 1;
	CHECK_EQ("too many vcpus", -EINVAL, hv_vm_create(&c0, &bad));
	c0 = cfg;
	c0.ram_size = 4097;
	CHECK_EQ("ram not page multiple", -EINVAL, hv_vm_create(&c0, &bad));
	c0.ram_size = HV_MAX_RAM_SIZE * 2;
	CHECK_EQ("ram too large", -EINVAL, hv_vm_create(&c0, &bad));

	CHECK_EQ("create a", 0, hv_vm_create(&cfg, &a));
	CHECK_EQ("create b", 0, hv_vm_create(&cfg, &b));
	ra = hv_vm_ram(a, &base, &size);
	rb = hv_vm_ram(b, NULL, NULL);
	CHECK_EQ("ram base", RAM_BASE, base);
	CHECK_EQ("ram size", 4 << 20, size);
	CHECK("distinct ram", ra != rb);
	CHECK("gpa in ram", hv_vm_gpa_to_hva(a, RAM_BASE + size - 8, 8) == ra + size - 8);
	CHECK("gpa spanning end", hv_vm_gpa_to_hva(a, RAM_BASE + size - 8, 9) == NULL);
	CHECK("gpa below ram", hv_vm_gpa_to_hva(a, RAM_BASE - 1, 1) == NULL);
	CHECK("gpa huge len", hv_vm_gpa_to_hva(a, RAM_BASE, UINT64_MAX) == NULL);

	CHECK_EQ("vcpu a0", 0, hv_vcpu_create(a, 0, &va));
	CHECK_EQ("vcpu b0", 0, hv_vcpu_create(b, 0, &vb));
	CHECK_EQ("vcpu twice", -EEXIST, hv_vcpu_create(a, 0, &vx));
	CHECK_EQ("vcpu id out of range", -EINVAL, hv_vcpu_create(a, 2, &vx));
	CHECK_EQ("vcpu a1", 0, hv_vcpu_create(a, 1, &vx));

	/* Rule 1: nothing becomes runnable before the system runs. */
	CHECK_EQ("runnable before boot", -EBUSY, hv_vcpu_set_mp_state(vx, HV_MP_STATE_RUNNABLE));
	CHECK_EQ("bad mp state", -EINVAL, hv_vcpu_set_mp_state(vx, 7));
	CHECK_EQ("initial hsm", HV_HSM_STOPPED, hv_vcpu_get_hsm_state(vx));
	CHECK_EQ("boot bad hart", -EINVAL, hv_vm_boot(a, 5, RAM_BASE, 0));
	CHECK_EQ("resume when not suspended", -EBUSY, hv_vm_resume(a));

	/* Register access. */
	CHECK_EQ("set x5", 0, hv_vcpu_set_reg(va, HV_REG_X0 + 5, 77));
	CHECK_EQ("get x5", 0, hv_vcpu_get_reg(va, HV_REG_X0 + 5, &val));
	CHECK_EQ("x5", 77, val);
	CHECK_EQ("set x0", 0, hv_vcpu_set_reg(va, HV_REG_X0, 77));
	hv_vcpu_get_reg(va, HV_REG_X0, &val);
	CHECK_EQ("x0 stays 0", 0, val);
	CHECK_EQ("bad reg", -EINVAL, hv_vcpu_get_reg(va, 1000, &val));

	write_program(ra, 0xaaaa, 0);
	write_program(rb, 0xbbbb, 1);
	run_vm(a, va, "vm a", 0);
	run_vm(b, vb, "vm b", 1);

	/* Each VM wrote its own RAM and got its own answer. */
	CHECK_EQ("vm a value", 0xaaaa, *(uint64_t *)(ra + 0x1000));
	CHECK_EQ("vm b value", 0xbbbb, *(uint64_t *)(rb + 0x1000));
	CHECK_EQ("vm a answer", 0x1234, *(uint64_t *)(ra + 0x1008));
	CHECK_EQ("vm b answer", 0x1235, *(uint64_t *)(rb + 0x1008));
	CHECK_EQ("vm a error", 0, *(uint64_t *)(ra + 0x1010));

	/* A powered-off VM boots again (reboot path). */
	CHECK_EQ("reboot a", 0, hv_vm_boot(a, 0, RAM_BASE, 0));
	CHECK_EQ("boot while running", -EBUSY, hv_vm_boot(a, 0, RAM_BASE, 0));
	CHECK_EQ("runnable while running, already started", -EBUSY,
		 hv_vcpu_set_mp_state(va, HV_MP_STATE_RUNNABLE));
	CHECK_EQ("stop vcpu", 0, hv_vcpu_set_mp_state(va, HV_MP_STATE_STOPPED));
	CHECK_EQ("stopped", HV_MP_STATE_STOPPED, hv_vcpu_get_mp_state(va));
	CHECK_EQ("runnable again", 0, hv_vcpu_set_mp_state(vx, HV_MP_STATE_RUNNABLE));
	CHECK_EQ("runnable state", HV_MP_STATE_RUNNABLE, hv_vcpu_get_mp_state(vx));

	struct hv_pm_stats st;
	hv_vm_get_pm_stats(a, &st);
	CHECK_EQ("boots counted", 2, st.boots);
	CHECK_EQ("no violations", 0, st.violations);

	hv_vm_destroy(a);
	hv_vm_destroy(b);
	return check_finish("test_api");
}
