// SPDX-License-Identifier: MIT
#include "test.h"

#include "hartvisor/ucall.h"
#include "console.h"
#include "hart.h"
#include "lib.h"
#include "lock.h"
#include "sbi.h"

static bool ucall_active;
static volatile unsigned long checks;
static volatile unsigned long failures;
/*
 * Serialises reports, so a host (or a console reader) sees each check as
 * one event, and orders a hart's checks before another's DONE.
 */
static struct spinlock report_lock = SPINLOCK_INIT;

void test_init(void)
{
	struct sbiret r = sbi_ecall(HV_UCALL_EID, HV_UCALL_PROBE, 0, 0, 0, 0, 0, 0);

	ucall_active = r.error == SBI_SUCCESS && r.value == HV_UCALL_MAGIC;
}

bool test_ucall_active(void)
{
	return ucall_active;
}

unsigned long test_failures(void)
{
	return failures;
}

static bool report(const char *name, bool ok, uint64_t expected, uint64_t actual)
{
	spin_lock(&report_lock);
	checks++;
	if (!ok)
		failures++;
	if (ucall_active)
		sbi_ecall(HV_UCALL_EID, HV_UCALL_CHECK, ok, (unsigned long)name, expected, actual,
			  0, 0);
	else if (ok)
		console_printf("CHECK PASS %s\n", name);
	else
		console_printf("CHECK FAIL %s expected=0x%llx actual=0x%llx\n", name,
			       (unsigned long long)expected, (unsigned long long)actual);
	spin_unlock(&report_lock);
	return ok;
}

bool test_check(const char *name, bool ok)
{
	return report(name, ok, 1, ok);
}

bool test_check_eq(const char *name, uint64_t expected, uint64_t actual)
{
	return report(name, expected == actual, expected, actual);
}

bool test_checkf(bool ok, const char *fmt, ...)
{
	char name[HV_UCALL_STR_MAX];
	va_list ap;

	va_start(ap, fmt);
	fmt_vsnprintf(name, sizeof(name), fmt, ap);
	va_end(ap);
	return test_check(name, ok);
}

bool test_check_eqf(uint64_t expected, uint64_t actual, const char *fmt, ...)
{
	char name[HV_UCALL_STR_MAX];
	va_list ap;

	va_start(ap, fmt);
	fmt_vsnprintf(name, sizeof(name), fmt, ap);
	va_end(ap);
	return test_check_eq(name, expected, actual);
}

void test_log(const char *fmt, ...)
{
	char msg[HV_UCALL_STR_MAX];
	va_list ap;

	va_start(ap, fmt);
	fmt_vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (ucall_active)
		sbi_ecall(HV_UCALL_EID, HV_UCALL_LOG, 0, (unsigned long)msg, 0, 0, 0, 0);
	else
		console_printf("%s\n", msg);
}

void test_done(void)
{
	unsigned long n, f;

	spin_lock(&report_lock);
	n = checks;
	f = failures;
	if (ucall_active)
		sbi_ecall(HV_UCALL_EID, HV_UCALL_DONE, n, f, 0, 0, 0, 0);
	else
		console_printf("DONE checks=%lu failures=%lu\n", n, f);
	spin_unlock(&report_lock);

	sbi_system_reset(SBI_SRST_RESET_TYPE_SHUTDOWN,
			 f ? SBI_SRST_RESET_REASON_SYSFAIL : SBI_SRST_RESET_REASON_NONE);
	/* SRST refused or absent: try the legacy shutdown, then park. */
	sbi_ecall(SBI_EXT_0_1_SHUTDOWN, 0, 0, 0, 0, 0, 0, 0);
	for (;;)
		asm volatile("wfi");
}

void test_abort(const char *why)
{
	report(why, false, 0, 1);
	test_done();
}
