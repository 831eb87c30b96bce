/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A minimal unit-test harness: CHECK() records one case; each case prints
 * "ok - what" or "not ok - what (file:line)", which tests/run.sh counts.
 */
#ifndef SYSOBS_UNIT_H
#define SYSOBS_UNIT_H

#include <stdio.h>
#include <string.h>

static int unit_failed;

#define CHECK(cond, what)                                                      \
	do {                                                                   \
		if (cond) {                                                    \
			printf("ok - %s\n", what);                             \
		} else {                                                       \
			printf("not ok - %s (%s:%d)\n", what, __FILE__,        \
			       __LINE__);                                      \
			unit_failed = 1;                                       \
		}                                                              \
	} while (0)

#define CHECK_STR(got, want, what)                                             \
	do {                                                                   \
		const char *g_ = (got), *w_ = (want);                          \
		CHECK(g_ && !strcmp(g_, w_), what);                            \
		if (!g_ || strcmp(g_, w_))                                     \
			printf("#   got:  [%s]\n#   want: [%s]\n",                 \
			       g_ ? g_ : "(null)", w_);                        \
	} while (0)

#define UNIT_EXIT() return unit_failed

#endif /* SYSOBS_UNIT_H */
