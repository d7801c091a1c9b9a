/* hv-test: --cpus 4 qemu-skip: OpenSBI 1.1 reports spec 1.0, impl id 1 and lacks SUSP and DBCN */
// SPDX-License-Identifier: MIT
/*
 * SBI BASE extension and the calling convention (riscv-sbi-doc v3.0):
 *  - spec version 3.0 (bit 31 clear), hartvisor's implementation id 0x6876,
 *    implementation version and m*id all SUCCESS;
 *  - probe: 1 for every extension hartvisor implements (BASE, TIME, IPI,
 *    RFENCE, HSM, SRST, SUSP, DBCN and the legacy EIDs 0x00-0x08), 0 for
 *    unknown, unimplemented, experimental, vendor and firmware EIDs;
 *  - an unknown FID of every extension and an unknown EID give NOT_SUPPORTED;
 *  - every register but a0 and a1 is preserved across a call, on the success
 *    path and on the error path alike.
 */
#include "sbitest.h"

#define HV_IMPL_ID 0x6876

static unsigned long pattern(unsigned int n)
{
	return 0xa5a5000000000000ul | ((unsigned long)n << 32) | (0x5a00u + n);
}

/* Make the call through sbi_regs_call and check x1, x3..x9, x12..x31 kept. */
static struct sbiret call_checked(const char *what, unsigned long eid, unsigned long fid,
				  unsigned long a0, unsigned long a1)
{
	unsigned long r[32], bad;
	struct sbiret ret;

	for (unsigned int n = 0; n < 32; n++)
		r[n] = pattern(n);
	r[10] = a0;
	r[11] = a1;
	r[16] = fid;
	r[17] = eid;
	bad = sbi_regs_call(r, false);
	test_check_eqf(0, bad, "%s: x1..x31 but a0/a1 preserved (bit n = xn changed)", what);
	ret.error = (long)r[10];
	ret.value = (long)r[11];
	return ret;
}

struct probe_case {
	const char *name;
	unsigned long eid;
	long want;
};

static const struct probe_case probes[] = {
	{"BASE", 0x10, 1},
	{"TIME", 0x54494D45, 1},
	{"IPI", 0x735049, 1},
	{"RFENCE", 0x52464E43, 1},
	{"HSM", 0x48534D, 1},
	{"SRST", 0x53525354, 1},
	{"SUSP", 0x53555350, 1},
	{"DBCN", 0x4442434E, 1},
	{"legacy set_timer", 0x00, 1},
	{"legacy console_putchar", 0x01, 1},
	{"legacy console_getchar", 0x02, 1},
	{"legacy clear_ipi", 0x03, 1},
	{"legacy send_ipi", 0x04, 1},
	{"legacy remote_fence_i", 0x05, 1},
	{"legacy remote_sfence_vma", 0x06, 1},
	{"legacy remote_sfence_vma_asid", 0x07, 1},
	{"legacy shutdown", 0x08, 1},
	{"0x09 (after legacy)", 0x09, 0},
	{"0x0f", 0x0f, 0},
	{"0x11", 0x11, 0},
	{"PMU (unimplemented)", 0x504D55, 0},
	{"STA (unimplemented)", 0x535441, 0},
	{"FWFT (unimplemented)", 0x46574654, 0},
	{"CPPC (unimplemented)", 0x43505043, 0},
	{"NACL (unimplemented)", 0x4E41434C, 0},
	{"MPXY (unimplemented)", 0x4D505859, 0},
	{"experimental start", 0x08000000, 0},
	{"experimental end", 0x08FFFFFF, 0},
	{"ucall (experimental, forwarded)", HV_UCALL_EID, 0},
	{"vendor start", 0x09000000, 0},
	{"vendor end", 0x09FFFFFF, 0},
	{"firmware start", 0x0A000000, 0},
	{"firmware end", 0x0AFFFFFF, 0},
	{"0x12345678", 0x12345678, 0},
	{"0x7fffffff", 0x7fffffff, 0},
	{"0xffffffff", 0xffffffff, 0},
	{"all ones", ~0ul, 0},
};

struct fid_case {
	const char *name;
	unsigned long eid, fid;
};

/* FIDs one past the last defined one, and far beyond it, for every extension. */
static const struct fid_case bad_fids[] = {
	{"BASE fid 7", 0x10, 7},
	{"BASE fid 0x7fffffff", 0x10, 0x7fffffff},
	{"BASE fid all ones", 0x10, ~0ul},
	{"TIME fid 1", 0x54494D45, 1},
	{"TIME fid all ones", 0x54494D45, ~0ul},
	{"IPI fid 1", 0x735049, 1},
	{"RFENCE fid 7", 0x52464E43, 7},
	{"RFENCE fid all ones", 0x52464E43, ~0ul},
	{"HSM fid 4", 0x48534D, 4},
	{"HSM fid all ones", 0x48534D, ~0ul},
	{"SRST fid 1", 0x53525354, 1},
	{"SUSP fid 1", 0x53555350, 1},
	{"DBCN fid 3", 0x4442434E, 3},
	{"DBCN fid all ones", 0x4442434E, ~0ul},
};

/* EIDs nobody implements: a call gives NOT_SUPPORTED. */
static const struct probe_case bad_eids[] = {
	{"EID 0x09", 0x09, 0},
	{"EID 0x11", 0x11, 0},
	{"EID PMU", 0x504D55, 0},
	{"EID experimental start", 0x08000000, 0},
	{"EID vendor start", 0x09000000, 0},
	{"EID firmware start", 0x0A000000, 0},
	{"EID 0x12345678", 0x12345678, 0},
	{"EID all ones", ~0ul, 0},
};

static volatile unsigned long secondary_ok[GUEST_MAX_HARTS];

/* The same BASE answers on every hart. */
static void secondary(void *arg)
{
	unsigned long me = hart_id();
	struct sbiret v = sbi_get_spec_version(), id = sbi_get_impl_id();

	(void)arg;
	secondary_ok[me] = v.error == 0 && v.value == 0x03000000 && id.error == 0 &&
			   id.value == HV_IMPL_ID && sbi_probe_extension(0x48534D).value == 1;
}

int main(unsigned long hartid, unsigned long dtb)
{
	struct sbiret r;
	unsigned long present = smp_present_mask();

	(void)hartid;
	(void)dtb;

	r = call_checked("get_spec_version", 0x10, 0, 0, 0);
	CHECK_EQ("get_spec_version: SUCCESS", SBI_SUCCESS, r.error);
	CHECK_EQ("get_spec_version: 3.0 (major 3 in bits 30:24, minor 0)", 0x03000000, r.value);
	CHECK_EQ("get_spec_version: bit 31 clear", 0, (unsigned long)r.value >> 31);

	r = call_checked("get_impl_id", 0x10, 1, 0, 0);
	CHECK_EQ("get_impl_id: SUCCESS", SBI_SUCCESS, r.error);
	CHECK_EQ("get_impl_id: hartvisor (0x6876)", HV_IMPL_ID, r.value);

	r = call_checked("get_impl_version", 0x10, 2, 0, 0);
	CHECK_EQ("get_impl_version: SUCCESS", SBI_SUCCESS, r.error);
	test_log("impl version 0x%lx", r.value);

	r = call_checked("get_mvendorid", 0x10, 4, 0, 0);
	CHECK_EQ("get_mvendorid: SUCCESS", SBI_SUCCESS, r.error);
	r = call_checked("get_marchid", 0x10, 5, 0, 0);
	CHECK_EQ("get_marchid: SUCCESS", SBI_SUCCESS, r.error);
	r = call_checked("get_mimpid", 0x10, 6, 0, 0);
	CHECK_EQ("get_mimpid: SUCCESS", SBI_SUCCESS, r.error);

	for (unsigned int i = 0; i < ARRAY_SIZE(probes); i++) {
		r = call_checked("probe_extension", 0x10, 3, probes[i].eid, 0);
		test_check_eqf(SBI_SUCCESS, r.error, "probe %s: SUCCESS", probes[i].name);
		test_check_eqf(probes[i].want, r.value, "probe %s (0x%lx) = %ld", probes[i].name,
			       probes[i].eid, probes[i].want);
	}

	for (unsigned int i = 0; i < ARRAY_SIZE(bad_fids); i++) {
		r = call_checked(bad_fids[i].name, bad_fids[i].eid, bad_fids[i].fid, 0, 0);
		test_check_eqf(SBI_ERR_NOT_SUPPORTED, r.error, "%s: NOT_SUPPORTED",
			       bad_fids[i].name);
	}

	for (unsigned int i = 0; i < ARRAY_SIZE(bad_eids); i++) {
		r = call_checked(bad_eids[i].name, bad_eids[i].eid, 0, 0, 0);
		test_check_eqf(SBI_ERR_NOT_SUPPORTED, r.error, "%s: NOT_SUPPORTED",
			       bad_eids[i].name);
	}

	/* Register preservation on a few other paths. */
	r = call_checked("HSM get_status (self)", 0x48534D, 2, hart_id(), 0);
	CHECK_EQ("HSM get_status (self): STARTED", SBI_HSM_STATE_STARTED, r.value);
	r = call_checked("HSM get_status (bad id)", 0x48534D, 2, ~0ul, 0);
	CHECK_EQ("HSM get_status (bad id): INVALID_PARAM", SBI_ERR_INVALID_PARAM, r.error);
	r = call_checked("TIME set_timer(never)", 0x54494D45, 0, ~0ul, 0);
	CHECK_EQ("TIME set_timer(never): SUCCESS", SBI_SUCCESS, r.error);
	r = call_checked("IPI empty mask", 0x735049, 0, 0, 0);
	CHECK_EQ("IPI empty mask: SUCCESS", SBI_SUCCESS, r.error);
	r = call_checked("RFENCE fence_i all", 0x52464E43, 0, 0, ~0ul);
	CHECK_EQ("RFENCE fence_i all: SUCCESS", SBI_SUCCESS, r.error);

	/* Every other hart sees the same BASE answers. */
	CHECK("at least 4 harts", smp_hart_count() >= 4);
	CHECK_EQ("started every other hart", smp_hart_count() - 1, smp_start_all(secondary, NULL));
	smp_wait_all();
	for (unsigned long h = 0; h < GUEST_MAX_HARTS; h++)
		if ((present & (1ul << h)) && h != hart_id())
			test_checkf(secondary_ok[h], "hart %lu: same spec version, impl id, probe",
				    h);
	return 0;
}
