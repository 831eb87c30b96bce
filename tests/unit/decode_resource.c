// SPDX-License-Identifier: GPL-2.0
/* Resource decoders: RLIMIT_*, rlimit structs (prlimit64, getrlimit), who. */
#include "decode_test.h"

int main(void)
{
	static const __u64 stack[2] = { 8192 * 1024, ~0ULL };
	static const __u64 nofile[2] = { 20000, 20000 };
	static const __u64 set[2] = { 1024, 4096 };
	static const __u32 lim32[2] = { 1024, ~0U };
	struct decoded_call c;

	sb_init(&test_sb);
	c = CALL("prlimit64", 0, 0, 3, 0, 0x1000);
	cap(&c, 3, stack, 16, 0);
	CHECK_LINE(c, "prlimit64(0, RLIMIT_STACK, NULL, {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}) = 0");
	c = CALL("prlimit64", 0, 0, 7, 0, 0x1000);
	cap(&c, 3, nofile, 16, 0);
	CHECK_LINE(c, "prlimit64(0, RLIMIT_NOFILE, NULL, {rlim_cur=20000, rlim_max=20000}) = 0");
	c = CALL("prlimit64", 0, 0, 7, 0x1000, 0);
	cap(&c, 2, set, 16, 0);
	CHECK_LINE(c, "prlimit64(0, RLIMIT_NOFILE, {rlim_cur=1024, rlim_max=4*1024}, NULL) = 0");
	c = CALL("prlimit64", -3, 99999, 99, 0, 0x1000);
	CHECK_LINE(c, "prlimit64(99999, 0x63 /* RLIMIT_??? */, NULL, 0x1000) = -1 ESRCH (No such process)");
	c = CALL("getrlimit", 0, 4, 0x1000);
	cap(&c, 1, stack, 16, 0);
	CHECK_LINE(c, "getrlimit(RLIMIT_CORE, {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}) = 0");
	c = CALL32("ugetrlimit", 0, 7, 0xffd00000);
	cap(&c, 1, lim32, 8, 0);
	CHECK_LINE(c, "ugetrlimit(RLIMIT_NOFILE, {rlim_cur=1024, rlim_max=RLIM_INFINITY}) = 0");
	c = CALL("getrusage", -14, -1, 0);
	CHECK_LINE(c, "getrusage(RUSAGE_CHILDREN, NULL) = -1 EFAULT (Bad address)");
	c = CALL("setpriority", 0, 0, 0, 10);
	CHECK_LINE(c, "setpriority(PRIO_PROCESS, 0, 10) = 0");
	UNIT_EXIT();
}
