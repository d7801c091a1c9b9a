/* SPDX-License-Identifier: MIT */
/*
 * Checks for host unit tests.  A test program exits 0 when every check
 * passed, 2 when one failed (libfdt's convention: 1 is skip, 99 a bug in the
 * test).  A failing check prints its name with the expected and actual values.
 */
#ifndef HV_TESTS_CHECK_H
#define HV_TESTS_CHECK_H

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

struct check_state {
	unsigned int checks;
	unsigned int failures;
};

static struct check_state check_state;

#define CHECK_EQ(name, expected, actual)                                                       \
	do {                                                                                   \
		uint64_t e_ = (uint64_t)(expected), a_ = (uint64_t)(actual);                   \
		check_state.checks++;                                                          \
		if (e_ != a_) {                                                                \
			check_state.failures++;                                                \
			printf("FAIL %s: expected 0x%" PRIx64 ", got 0x%" PRIx64 " (%s:%d)\n", \
			       (name), e_, a_, __FILE__, __LINE__);                            \
		}                                                                              \
	} while (0)

#define CHECK(name, cond) CHECK_EQ(name, 1, !!(cond))

static inline int check_finish(const char *test)
{
	printf("%s: %u checks, %u failed\n", test, check_state.checks, check_state.failures);
	if (!check_state.checks)
		return 99; /* a test that checked nothing is a broken test */
	return check_state.failures ? 2 : 0;
}

#endif /* HV_TESTS_CHECK_H */
