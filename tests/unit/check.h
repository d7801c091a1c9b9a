/* SPDX-License-Identifier: MIT */
/*
 * Checks for host unit tests.  A test program exits 0 when every check
 * passed, 2 when one failed (libfdt's convention: 1 is skip, 99 a bug in the
 * test).  A failing check prints its name with the expected and actual values:
 *     FAIL [scope: ]name: expected 0x.., got 0x.. (file:line)
 * where the scope, if set with check_scope(), names the case being run.
 */
#ifndef HV_TESTS_CHECK_H
#define HV_TESTS_CHECK_H

#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

struct check_state {
	unsigned int checks;
	unsigned int failures;
	const char *scope; /* printed before the name of a failing check, or NULL */
};

static struct check_state check_state;

/* Name the case the checks that follow belong to (NULL: none). */
static inline void check_scope(const char *scope)
{
	check_state.scope = scope;
}

/*
 * check_msg_at() - count one check, which passed if @ok.  If not, print
 * "FAIL @name: " and the message @fmt, which says what was expected and what
 * was found.  Returns @ok.  Use it through the macros below.
 */
static inline __attribute__((format(printf, 5, 6))) bool
check_msg_at(const char *file, int line, const char *name, bool ok, const char *fmt, ...)
{
	va_list ap;

	check_state.checks++;
	if (ok)
		return true;
	check_state.failures++;
	printf("FAIL %s%s%s: ", check_state.scope ? check_state.scope : "",
	       check_state.scope ? ": " : "", name);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf(" (%s:%d)\n", file, line);
	return false;
}

static inline bool check_eq_at(const char *file, int line, const char *name, uint64_t expected,
			       uint64_t actual)
{
	return check_msg_at(file, line, name, expected == actual,
			    "expected 0x%" PRIx64 ", got 0x%" PRIx64, expected, actual);
}

/* @name's value @actual must be @expected (both compared as uint64_t). */
#define CHECK_EQ(name, expected, actual) \
	check_eq_at(__FILE__, __LINE__, (name), (uint64_t)(expected), (uint64_t)(actual))

#define CHECK(name, cond) CHECK_EQ(name, 1, !!(cond))

/* CHECK_EQ with a printf-style name, for checks made in loops. */
#define CHECK_EQF(expected, actual, ...)                                                          \
	({                                                                                        \
		char name_[200];                                                                  \
		snprintf(name_, sizeof(name_), __VA_ARGS__);                                      \
		check_eq_at(__FILE__, __LINE__, name_, (uint64_t)(expected), (uint64_t)(actual)); \
	})

/* A check whose failure message (the rest of the arguments, printf-style) is the caller's. */
#define CHECK_MSG(name, ok, ...) check_msg_at(__FILE__, __LINE__, (name), !!(ok), __VA_ARGS__)

static inline int check_finish(const char *test)
{
	printf("%s: %u checks, %u failed\n", test, check_state.checks, check_state.failures);
	if (!check_state.checks)
		return 99; /* a test that checked nothing is a broken test */
	return check_state.failures ? 2 : 0;
}

#endif /* HV_TESTS_CHECK_H */
