// SPDX-License-Identifier: GPL-2.0
/* -e parsing (user/filter.c): names, negation, classes, status, errors. */
#include <stdio.h>
#include "unit.h"
#include "filter.h"
#include "syscalls.h"

static int parse(struct trace_filter *f, const char *e1, const char *e2)
{
	static struct config cfg;

	memset(&cfg, 0, sizeof(cfg));
	cfg.trace_expr[cfg.nr_trace_expr++] = e1;
	if (e2)
		cfg.trace_expr[cfg.nr_trace_expr++] = e2;
	return filter_parse(f, &cfg);
}

static bool sel(const struct trace_filter *f, unsigned int abi, const char *name)
{
	return filter_selected(f, abi, syscall_number(abi, name));
}

int main(void)
{
	struct trace_filter f;

	CHECK(!parse(&f, "trace=openat,close", NULL), "names parse");
	CHECK(sel(&f, SYSOBS_ABI_64, "openat") && sel(&f, SYSOBS_ABI_32, "close"),
	      "named calls selected in both ABIs");
	CHECK(!sel(&f, SYSOBS_ABI_64, "read"), "other calls not selected");

	CHECK(!parse(&f, "trace=!write", NULL), "negation parses");
	CHECK(!sel(&f, SYSOBS_ABI_64, "write") && sel(&f, SYSOBS_ABI_64, "read"),
	      "negation selects all but write");

	CHECK(!parse(&f, "%network", NULL), "bare class parses");
	CHECK(sel(&f, SYSOBS_ABI_64, "connect") && sel(&f, SYSOBS_ABI_32, "connect") &&
	      !sel(&f, SYSOBS_ABI_64, "openat"),
	      "%network: connect in, openat out");
	CHECK(!parse(&f, "trace=%pure", NULL) && sel(&f, SYSOBS_ABI_64, "getpid") &&
	      !sel(&f, SYSOBS_ABI_64, "getdents64"), "%pure: strace 6.1 members");
	CHECK(!parse(&f, "trace=%file", "trace=write") && sel(&f, SYSOBS_ABI_64, "write") &&
	      sel(&f, SYSOBS_ABI_64, "openat"), "two -e trace= add up");
	CHECK(!parse(&f, "trace=/^getp", NULL) && sel(&f, SYSOBS_ABI_64, "getppid") &&
	      !sel(&f, SYSOBS_ABI_64, "getuid"), "regex");
	CHECK(!parse(&f, "trace=?nosuch,read", NULL) && sel(&f, SYSOBS_ABI_64, "read"),
	      "?name: unknown ignored");

	CHECK(!parse(&f, "status=failed", NULL) && f.status == SYSOBS_STATUS_FAILED &&
	      !f.active, "status=failed, all calls");

	CHECK(!parse(&f, "trace=read", NULL) && f.signals == ~0ULL, "all signals by default");
	CHECK(!parse(&f, "signal=SIGUSR1,usr2,14,RTMIN,SIGRT_2", NULL) &&
	      f.signals == ((1ULL << 9) | (1ULL << 11) | (1ULL << 13) | (1ULL << 31) |
			    (1ULL << 33)), "signal=: names, no SIG, numbers, RT");
	CHECK(!parse(&f, "signal=!SIGCHLD", NULL) && f.signals == ~(1ULL << 16),
	      "signal=!: all but");
	CHECK(!parse(&f, "signal=none", "s=chld") && f.signals == 1ULL << 16,
	      "a later -e signal= replaces the set (s= alias)");

	fprintf(stderr, "(expected errors follow)\n");
	CHECK(parse(&f, "signal=SIGNOPE", NULL), "unknown signal rejected");
	CHECK(parse(&f, "signal=65", NULL), "signal 65 rejected");
	CHECK(parse(&f, "trace=nosuch", NULL), "unknown syscall rejected");
	CHECK(parse(&f, "trace=%nosuch", NULL), "unknown class rejected");
	CHECK(parse(&f, "status=maybe", NULL), "unknown status rejected");
	CHECK(parse(&f, "abbrev=none", NULL), "unsupported qualifier rejected");
	UNIT_EXIT();
}
