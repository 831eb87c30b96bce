// SPDX-License-Identifier: GPL-2.0
/* Resource decoders: RLIMIT_*, rlimit structs (prlimit64, getrlimit), who. */
#include "decode_test.h"

/* The line strace 6.1 printed for sort's sysinfo, in both layouts. */
static void test_sysinfo(void)
{
	static __u64 si[14];
	static __u32 si32[16];
	static const __u64 words[10] = {
		3140, 118176, 102560, 110368, 25325268992ULL, 21773234176ULL,
		9068544, 65687552, 0, 0,
	};
	__u16 procs = 107;
	__u32 one = 1;
	struct decoded_call c;
	int i;

	memcpy(si, words, sizeof(words));
	memcpy((char *)si + 80, &procs, 2);
	memcpy((char *)si + 104, &one, 4);
	c = CALL("sysinfo", 0, 0x1000);
	cap(&c, 0, si, 112, 0);
	CHECK_LINE(c, "sysinfo({uptime=3140, loads=[118176, 102560, 110368], totalram=25325268992, freeram=21773234176, sharedram=9068544, bufferram=65687552, totalswap=0, freeswap=0, procs=107, totalhigh=0, freehigh=0, mem_unit=1}) = 0");
	for (i = 0; i < 10; i++)
		si32[i] = (__u32)(words[i] >> (i == 4 || i == 5 ? 12 : 0));
	memcpy((char *)si32 + 40, &procs, 2);
	si32[13] = 4096;
	c = CALL32("sysinfo", 0, 0xffd00000);
	cap(&c, 0, si32, 64, 0);
	CHECK_LINE(c, "sysinfo({uptime=3140, loads=[118176, 102560, 110368], totalram=6182927, freeram=5315731, sharedram=9068544, bufferram=65687552, totalswap=0, freeswap=0, procs=107, totalhigh=0, freehigh=0, mem_unit=4096}) = 0");
	c = CALL("sysinfo", -14, 0x10);
	CHECK_LINE(c, "sysinfo(0x10) = -1 EFAULT (Bad address)");
}

int main(void)
{
	static const __u64 stack[2] = { 8192 * 1024, ~0ULL };
	static const __u64 nofile[2] = { 20000, 20000 };
	static const __u64 set[2] = { 1024, 4096 };
	static const __u32 lim32[2] = { 1024, ~0U };
	struct decoded_call c;

	sb_init(&test_sb);
	test_sysinfo();
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
