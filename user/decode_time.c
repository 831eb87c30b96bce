// SPDX-License-Identifier: GPL-2.0
/*
 * Time: clock ids, struct timespec (64-bit, and i386's old 32-bit one
 * for the calls without _time64), struct timeval, TIMER_ABSTIME, ITIMER_*.
 */
#include <time.h>
#include "decode_priv.h"

static const struct flag_name clocks[] = {
	FLAG(0, CLOCK_REALTIME), FLAG(1, CLOCK_MONOTONIC),
	FLAG(2, CLOCK_PROCESS_CPUTIME_ID), FLAG(3, CLOCK_THREAD_CPUTIME_ID),
	FLAG(4, CLOCK_MONOTONIC_RAW), FLAG(5, CLOCK_REALTIME_COARSE),
	FLAG(6, CLOCK_MONOTONIC_COARSE), FLAG(7, CLOCK_BOOTTIME),
	FLAG(8, CLOCK_REALTIME_ALARM), FLAG(9, CLOCK_BOOTTIME_ALARM),
	FLAG(10, CLOCK_SGI_CYCLE), FLAG(11, CLOCK_TAI),
};

void print_clockid(struct strbuf *sb, const struct arg_ctx *a)
{
	int id = (int)arg_u(a);

	if (id >= 0)
		print_enum(sb, clocks, ARRAY_LEN(clocks), id, "CLOCK_");
	else
		sb_printf(sb, "%d", id);	/* dynamic (per-process) clocks */
}

#define MAX_TIME_WORDS 4	/* two timespecs or timevals */

/*
 * n signed integers of the ABI's width, 8 bytes each (wide) or 4 (i386's
 * old timespec and timeval): the fields of one or two time structs.
 */
static bool read_time_words(const struct arg_ctx *a, bool wide, __s64 *v,
			    int n)
{
	unsigned char raw[MAX_TIME_WORDS * 8];
	int i;

	if (!cap_struct(a, raw, n * (wide ? 8 : 4)))
		return false;
	for (i = 0; i < n; i++)
		v[i] = wide ? (__s64)get_u64(raw + 8 * i) :
			      (__s32)get_u32(raw + 4 * i);
	return true;
}

#define TIMESPEC_FMT "{tv_sec=%lld, tv_nsec=%lld}"
#define TIMEVAL_FMT "{tv_sec=%lld, tv_usec=%lld}"

/* One or two time structs by fmt, which takes n long longs. */
static void print_time_words(struct strbuf *sb, const struct arg_ctx *a,
			     bool wide, int n, const char *fmt)
{
	__s64 v[MAX_TIME_WORDS] = { 0 };

	if (read_time_words(a, wide, v, n))
		sb_printf(sb, fmt, (long long)v[0], (long long)v[1],
			  (long long)v[2], (long long)v[3]);
	else
		print_addr(sb, a);
}

void print_timespec_arg(struct strbuf *sb, const struct arg_ctx *a)
{
	print_time_words(sb, a, !arg_is_32(a), 2, TIMESPEC_FMT);
}

void print_timespec64_arg(struct strbuf *sb, const struct arg_ctx *a)
{
	print_time_words(sb, a, true, 2, TIMESPEC_FMT);
}

void print_timeval_arg(struct strbuf *sb, const struct arg_ctx *a)
{
	print_time_words(sb, a, !arg_is_32(a), 2, TIMEVAL_FMT);
}

static const struct flag_name timer_flags[] = { FLAG(1, TIMER_ABSTIME) };

const struct name_table timer_flag_names = FLAG_NAMES(timer_flags, NULL);

static const struct flag_name itimers[] = {
	FLAG(0, ITIMER_REAL), FLAG(1, ITIMER_VIRTUAL), FLAG(2, ITIMER_PROF),
};

const struct name_table itimer_which_names = ENUM_NAMES(itimers, "ITIMER_");

/* struct itimerspec: two timespecs of the ABI's (or 64-bit) width. */
#define ITIMERSPEC_FMT \
	"{it_interval=" TIMESPEC_FMT ", it_value=" TIMESPEC_FMT "}"

void print_itimerspec_arg(struct strbuf *sb, const struct arg_ctx *a)
{
	print_time_words(sb, a, !arg_is_32(a), 4, ITIMERSPEC_FMT);
}

void print_itimerspec64_arg(struct strbuf *sb, const struct arg_ctx *a)
{
	print_time_words(sb, a, true, 4, ITIMERSPEC_FMT);
}

static const struct flag_name timerfd_flags[] = {
	FLAG(1, TFD_TIMER_ABSTIME), FLAG(2, TFD_TIMER_CANCEL_ON_SET),
};

const struct name_table timerfd_flag_names = FLAG_NAMES(timerfd_flags, NULL);

/* struct itimerval: two timevals (16-byte on x86-64, 8-byte on i386). */
#define ITIMERVAL_FMT \
	"{it_interval=" TIMEVAL_FMT ", it_value=" TIMEVAL_FMT "}"

void print_itimerval_arg(struct strbuf *sb, const struct arg_ctx *a)
{
	print_time_words(sb, a, !arg_is_32(a), 4, ITIMERVAL_FMT);
}

#define UTIME_NOW_VALUE ((1L << 30) - 1)
#define UTIME_OMIT_VALUE ((1L << 30) - 2)

/* One utimensat time: UTIME_NOW, UTIME_OMIT or the time and its date. */
static void sb_utime(struct strbuf *sb, __s64 sec, __s64 nsec)
{
	time_t t = sec;
	struct tm tm;
	char date[64];

	if (nsec == UTIME_NOW_VALUE) {
		sb_puts(sb, "UTIME_NOW");
		return;
	}
	if (nsec == UTIME_OMIT_VALUE) {
		sb_puts(sb, "UTIME_OMIT");
		return;
	}
	sb_printf(sb, TIMESPEC_FMT, (long long)sec, (long long)nsec);
	/* like strace: no date for 0 itself, no fraction for whole seconds */
	if ((!sec && !nsec) || !localtime_r(&t, &tm) ||
	    !strftime(date, sizeof(date), "%Y-%m-%dT%H:%M:%S", &tm))
		return;
	sb_printf(sb, " /* %s", date);
	if (nsec)
		sb_printf(sb, ".%09lld", (long long)nsec);
	if (strftime(date, sizeof(date), "%z", &tm))
		sb_printf(sb, "%s", date);
	sb_puts(sb, " */");
}

/* utimensat's two timespecs (old 32-bit ones for i386's utimensat). */
static void print_utimes_width(struct strbuf *sb, const struct arg_ctx *a,
			       bool wide)
{
	__s64 v[MAX_TIME_WORDS];

	if (!read_time_words(a, wide, v, 4)) {
		print_addr(sb, a);
		return;
	}
	sb_puts(sb, "[");
	sb_utime(sb, v[0], v[1]);
	sb_puts(sb, ", ");
	sb_utime(sb, v[2], v[3]);
	sb_puts(sb, "]");
}

void print_utimes_arg(struct strbuf *sb, const struct arg_ctx *a)
{
	print_utimes_width(sb, a, !arg_is_32(a));
}

void print_utimes64_arg(struct strbuf *sb, const struct arg_ctx *a)
{
	print_utimes_width(sb, a, true);
}
