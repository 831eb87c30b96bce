// SPDX-License-Identifier: GPL-2.0
/* Time decoders: clock ids, timespec (64 and i386 32-bit), timeval, flags. */
#include "decode_test.h"

/* timer_create's struct sigevent: the lines strace 6.1 printed */
static void test_timer_create(void)
{
	static unsigned char ev[20], ev32[16];
	static const __s32 ids[2] = { 1, 3 };
	__u64 value = 5;
	__s32 w[3] = { 10, 0, 0 };
	struct decoded_call c;

	memcpy(ev, &value, 8);
	memcpy(ev + 8, w, 12);
	c = CALL("timer_create", 0, 0, 0x1000, 0x2000);
	cap(&c, 1, ev, 20, 0);
	cap(&c, 2, &ids[0], 4, 0);
	CHECK_LINE(c, "timer_create(CLOCK_REALTIME, {sigev_value={sival_int=5, sival_ptr=0x5}, sigev_signo=SIGUSR1, sigev_notify=SIGEV_SIGNAL}, [1]) = 0");
	value = 0x1234;
	w[0] = 34;
	w[1] = 4;
	w[2] = 4650;
	memcpy(ev, &value, 8);
	memcpy(ev + 8, w, 12);
	c = CALL("timer_create", 0, 0, 0x1000, 0x2000);
	cap(&c, 1, ev, 20, 0);
	cap(&c, 2, &ids[1], 4, 0);
	CHECK_LINE(c, "timer_create(CLOCK_REALTIME, {sigev_value={sival_int=4660, sival_ptr=0x1234}, sigev_signo=SIGRT_2, sigev_notify=SIGEV_THREAD_ID, sigev_notify_thread_id=4650}, [3]) = 0");
	w[0] = 10;
	w[1] = 1;
	memcpy(ev + 8, w, 12);
	c = CALL("timer_create", 0, 0, 0x1000, 0x2000);
	cap(&c, 1, ev, 20, 0);
	cap(&c, 2, &ids[0], 4, 0);
	CHECK_LINE(c, "timer_create(CLOCK_REALTIME, {sigev_value={sival_int=4660, sival_ptr=0x1234}, sigev_signo=10, sigev_notify=SIGEV_NONE}, [1]) = 0");
	value = 0;
	w[0] = 14;
	w[1] = 77;
	memcpy(ev, &value, 8);
	memcpy(ev + 8, w, 12);
	c = CALL("timer_create", -22, 0, 0x1000, 0x7ffe2a05305c);
	cap(&c, 1, ev, 20, 0);
	CHECK_LINE(c, "timer_create(CLOCK_REALTIME, {sigev_signo=14, sigev_notify=0x4d /* SIGEV_??? */}, 0x7ffe2a05305c) = -1 EINVAL (Invalid argument)");
	/* i386: a 4-byte sigev_value first */
	w[0] = 14;
	w[1] = 0;
	memset(ev32, 0, 4);
	memcpy(ev32 + 4, w, 12);
	c = CALL32("timer_create", 0, 1, 0xffd00000, 0xffd00100);
	cap(&c, 1, ev32, 16, 0);
	cap(&c, 2, &ids[0], 4, 0);
	CHECK_LINE(c, "timer_create(CLOCK_MONOTONIC, {sigev_signo=SIGALRM, sigev_notify=SIGEV_SIGNAL}, [1]) = 0");
}

int main(void)
{
	static const __s64 ts[2] = { 0, 1000 }, now[2] = { 1531, 816508589 };
	static const __s64 tv[2] = { 1795703503, 728336 };
	static const __s32 ts32[2] = { 2, 500 };
	struct decoded_call c;

	sb_init(&test_sb);
	c = CALL("clock_nanosleep", 0, 0, 0, 0x1000, 0);
	cap(&c, 2, ts, 16, 0);
	CHECK_LINE(c, "clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=0, tv_nsec=1000}, NULL) = 0");
	c = CALL("clock_nanosleep", 0, 1, 1, 0x1000, 0);
	cap(&c, 2, now, 16, 0);
	CHECK_LINE(c, "clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, {tv_sec=1531, tv_nsec=816508589}, NULL) = 0");
	c = CALL("clock_gettime", 0, 7, 0x1000);
	cap(&c, 1, now, 16, 0);
	CHECK_LINE(c, "clock_gettime(CLOCK_BOOTTIME, {tv_sec=1531, tv_nsec=816508589}) = 0");
	c = CALL("clock_getres", -22, 99, 0x7ffe16026fd0);
	CHECK_LINE(c, "clock_getres(0x63 /* CLOCK_??? */, 0x7ffe16026fd0) = -1 EINVAL (Invalid argument)");
	c = CALL("clock_gettime", 0, -6, 0x1000);
	cap(&c, 1, now, 16, 0);
	CHECK_LINE(c, "clock_gettime(-6, {tv_sec=1531, tv_nsec=816508589}) = 0");
	c = CALL("gettimeofday", 0, 0x1000, 0);
	cap(&c, 0, tv, 16, 0);
	CHECK_LINE(c, "gettimeofday({tv_sec=1795703503, tv_usec=728336}, NULL) = 0");
	/* the remaining time: its address, as strace 6.1 shows it on success */
	c = CALL("nanosleep", 0, 0x1000, 0x7ffc1b2f4a30);
	cap(&c, 0, ts, 16, 0);
	CHECK_LINE(c, "nanosleep({tv_sec=0, tv_nsec=1000}, 0x7ffc1b2f4a30) = 0");
	c = CALL("clock_nanosleep", 0, 0, 0, 0x1000, 0x7ffc1b2f4a30);
	cap(&c, 2, ts, 16, 0);
	CHECK_LINE(c, "clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=0, tv_nsec=1000}, 0x7ffc1b2f4a30) = 0");
	/* interrupted: the remaining time is written */
	c = CALL("nanosleep", -4, 0x1000, 0x2000);
	cap(&c, 0, ts, 16, 0);
	CHECK_LINE(c, "nanosleep({tv_sec=0, tv_nsec=1000}, 0x2000) = -1 EINTR (Interrupted system call)");
	c = CALL("nanosleep", 0, 0x1000, 0x2000);
	c.finished = false;
	cap(&c, 0, ts, 16, 0);
	CHECK_LINE(c, "nanosleep({tv_sec=0, tv_nsec=1000},  <unfinished ...>");
	/* i386: nanosleep takes the old 32-bit timespec, *_time64 the 64-bit one */
	c = CALL32("nanosleep", 0, 0xffd00000, 0);
	cap(&c, 0, ts32, 8, 0);
	CHECK_LINE(c, "nanosleep({tv_sec=2, tv_nsec=500}, NULL) = 0");
	c = CALL32("clock_nanosleep_time64", 0, 1, 0, 0xffd00000, 0);
	cap(&c, 2, ts, 16, 0);
	CHECK_LINE(c, "clock_nanosleep_time64(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=1000}, NULL) = 0");
	c = CALL32("clock_gettime", 0, 0, 0xffd00000);
	cap(&c, 1, ts32, 4, 0);
	CHECK_LINE(c, "clock_gettime(CLOCK_REALTIME, 0xffd00000) = 0");
	{
		static const __s64 its[4] = { 0, 0, 0, 0 };
		static const __s32 its32[4] = { 1, 2, 3, 4 };

		c = CALL("timerfd_settime", -9, 99, 1, 0x1000, 0);
		cap(&c, 2, its, 32, 0);
		CHECK_LINE(c, "timerfd_settime(99, TFD_TIMER_ABSTIME, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=0, tv_nsec=0}}, NULL) = -1 EBADF (Bad file descriptor)");
		c = CALL32("timer_settime", 0, 1, 0, 0xffd00000, 0);
		cap(&c, 2, its32, 16, 0);
		CHECK_LINE(c, "timer_settime(1, 0, {it_interval={tv_sec=1, tv_nsec=2}, it_value={tv_sec=3, tv_nsec=4}}, NULL) = 0");
	}
	{
		static const __s64 itv[4] = { 0, 0, 1, 500 };

		c = CALL("setitimer", 0, 0, 0x1000, 0);
		cap(&c, 1, itv, 32, 0);
		CHECK_LINE(c, "setitimer(ITIMER_REAL, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=1, tv_usec=500}}, NULL) = 0");
	}
	c = CALL("setitimer", 0, 0, 0x1000, 0);
	CHECK_LINE(c, "setitimer(ITIMER_REAL, 0x1000, NULL) = 0");
	test_timer_create();
	UNIT_EXIT();
}
