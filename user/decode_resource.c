// SPDX-License-Identifier: GPL-2.0
/*
 * Resources: RLIMIT_* names, struct rlimit64 (prlimit64) and the ABI's
 * struct rlimit (getrlimit), RUSAGE_*, PRIO_*.
 */
#include <string.h>
#include "decode_priv.h"

static const struct flag_name resources[] = {
	FLAG(0, RLIMIT_CPU), FLAG(1, RLIMIT_FSIZE), FLAG(2, RLIMIT_DATA),
	FLAG(3, RLIMIT_STACK), FLAG(4, RLIMIT_CORE), FLAG(5, RLIMIT_RSS),
	FLAG(6, RLIMIT_NPROC), FLAG(7, RLIMIT_NOFILE), FLAG(8, RLIMIT_MEMLOCK),
	FLAG(9, RLIMIT_AS), FLAG(10, RLIMIT_LOCKS), FLAG(11, RLIMIT_SIGPENDING),
	FLAG(12, RLIMIT_MSGQUEUE), FLAG(13, RLIMIT_NICE), FLAG(14, RLIMIT_RTPRIO),
	FLAG(15, RLIMIT_RTTIME),
};

const struct name_table rlimit_res_names = ENUM_NAMES(resources, "RLIMIT_");

/*
 * One limit: infinity by name, multiples of 1024 above 1024 as "N*1024"
 * like strace.
 * infinity is the ABI's all-ones value; its name depends on the struct.
 */
static void sb_limit(struct strbuf *sb, __u64 v, __u64 infinity,
		     const char *inf_name)
{
	if (v == infinity)
		sb_puts(sb, inf_name);
	else if (v > 1024 && v % 1024 == 0)
		sb_printf(sb, "%llu*1024", (unsigned long long)(v / 1024));
	else
		sb_printf(sb, "%llu", (unsigned long long)v);
}

static void sb_rlimit(struct strbuf *sb, __u64 cur, __u64 max, __u64 infinity,
		      const char *inf_name)
{
	sb_puts(sb, "{rlim_cur=");
	sb_limit(sb, cur, infinity, inf_name);
	sb_puts(sb, ", rlim_max=");
	sb_limit(sb, max, infinity, inf_name);
	sb_puts(sb, "}");
}

void print_rlimit64_arg(struct strbuf *sb, const struct arg_ctx *a)
{
	__u64 lim[2];

	if (cap_struct_or_addr(sb, a, lim, sizeof(lim)))
		sb_rlimit(sb, lim[0], lim[1], ~0ULL, "RLIM64_INFINITY");
}

void print_rlimit_arg(struct strbuf *sb, const struct arg_ctx *a)
{
	__u32 lim32[2];

	/* x86-64's struct rlimit is rlimit64; strace names its infinity so */
	if (!arg_is_32(a))
		print_rlimit64_arg(sb, a);
	else if (cap_struct(a, lim32, sizeof(lim32)))
		sb_rlimit(sb, lim32[0], lim32[1], ~0U, "RLIM_INFINITY");
	else
		print_addr(sb, a);
}

static const struct flag_name rusage_whos[] = {
	FLAG(0, RUSAGE_SELF), FLAG(-1ULL, RUSAGE_CHILDREN),
	FLAG(1, RUSAGE_THREAD),
};

void print_rusage_who(struct strbuf *sb, const struct arg_ctx *a)
{
	__s64 who = (int)arg_u(a);

	print_enum(sb, rusage_whos, ARRAY_LEN(rusage_whos), (__u64)who, NULL);
}

static const struct flag_name prio_whiches[] = {
	FLAG(0, PRIO_PROCESS), FLAG(1, PRIO_PGRP), FLAG(2, PRIO_USER),
};

const struct name_table prio_which_names = ENUM_NAMES(prio_whiches, NULL);
