/* SPDX-License-Identifier: MIT */
/*
 * Reporting test results, on hartvisor through the ucall
 * (include/hartvisor/ucall.h) and elsewhere on the console.
 *
 * At boot the runtime probes HV_UCALL_PROBE.  If the host answers
 * HV_UCALL_MAGIC every check is an HV_UCALL_CHECK and test_done() an
 * HV_UCALL_DONE; otherwise the console gets one line per check:
 *     CHECK PASS name
 *     CHECK FAIL name expected=0x.. actual=0x..
 * and test_done() prints "DONE checks=N failures=M".  Either way
 * test_done() then shuts the machine down with SRST, reason 0 when every
 * check passed and 1 (system failure) otherwise.
 *
 * Names are passed to the host by address, which the host reads as
 * guest-PHYSICAL: report from code whose name strings (and stack, for
 * formatted names) are identity-mapped, as the paging helpers' RAM map is.
 * Any hart may report at any time; reports are serialised.
 */
#ifndef GUEST_TEST_H
#define GUEST_TEST_H

#include <stdbool.h>
#include <stdint.h>

bool test_check(const char *name, bool ok);
bool test_check_eq(const char *name, uint64_t expected, uint64_t actual);

#define CHECK(name, cond) test_check((name), !!(cond))
#define CHECK_EQ(name, expected, actual) \
	test_check_eq((name), (uint64_t)(expected), (uint64_t)(actual))

/* printf-style variants, for checks made in loops. */
bool test_checkf(bool ok, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
bool test_check_eqf(uint64_t expected, uint64_t actual, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* A free-form line: HV_UCALL_LOG or the console. */
void test_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Report the totals and shut down; does not return. */
__attribute__((noreturn)) void test_done(void);

/* Count a failure named @why and end the test now. */
__attribute__((noreturn)) void test_abort(const char *why);

/* Did the host answer the ucall probe? */
bool test_ucall_active(void);

unsigned long test_failures(void);

/* Runtime internal: probe the host once, on the boot hart. */
void test_init(void);

#endif /* GUEST_TEST_H */
