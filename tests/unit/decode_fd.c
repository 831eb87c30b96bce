// SPDX-License-Identifier: GPL-2.0
/* fd control decoders: fcntl (call and return), ioctl names, fd flags, epoll. */
#include "decode_test.h"

static void test_fcntl(void)
{
	struct decoded_call c;

	c = CALL("fcntl", 0x8000, 0, 3, 0);
	CHECK_LINE(c, "fcntl(0, F_GETFL) = 0x8000 (flags O_RDONLY|O_LARGEFILE)");
	c = CALL("fcntl", 0x8802, 0, 3, 0);
	CHECK_LINE(c, "fcntl(0, F_GETFL) = 0x8802 (flags O_RDWR|O_NONBLOCK|O_LARGEFILE)");
	c = CALL("fcntl", 0, 3, 2, 1);
	CHECK_LINE(c, "fcntl(3, F_SETFD, FD_CLOEXEC) = 0");
	c = CALL("fcntl", 11, 3, 1030, 10);
	CHECK_LINE(c, "fcntl(3, F_DUPFD_CLOEXEC, 10) = 11");
	c = CALL("fcntl", 0, 0, 4, 02000 | 04000);
	CHECK_LINE(c, "fcntl(0, F_SETFL, O_RDONLY|O_APPEND|O_NONBLOCK) = 0");
	c = CALL("fcntl", 0, 0, 1, 0);
	CHECK_LINE(c, "fcntl(0, F_GETFD) = 0");
	c = CALL("fcntl", 1, 0, 1, 0);
	CHECK_LINE(c, "fcntl(0, F_GETFD) = 0x1 (flags FD_CLOEXEC)");
	c = CALL("fcntl", 0, 3, 6, 0x7ffd0000);
	CHECK_LINE(c, "fcntl(3, F_SETLK, 0x7ffd0000) = 0");
	c = CALL("fcntl", -9, 99, 3, 0);
	CHECK_LINE(c, "fcntl(99, F_GETFL) = -1 EBADF (Bad file descriptor)");
	c = CALL("fcntl", 0, 3, 1033, 1 | 8);
	CHECK_LINE(c, "fcntl(3, F_ADD_SEALS, F_SEAL_SEAL|F_SEAL_WRITE) = 0");
	c = CALL("fcntl", -22, 3, 999, 5);
	CHECK_LINE(c, "fcntl(3, 0x3e7 /* F_??? */, 0x5) = -1 EINVAL (Invalid argument)");
	c = CALL32("fcntl64", 0x8002, 3, 3, 0);
	CHECK_LINE(c, "fcntl64(3, F_GETFL) = 0x8002 (flags O_RDWR|O_LARGEFILE)");
}

static void test_ioctl(void)
{
	struct decoded_call c;

	c = CALL("ioctl", -25, 1, 0x5413, 0x7ffd1a47e278);
	CHECK_LINE(c, "ioctl(1, TIOCGWINSZ, 0x7ffd1a47e278) = -1 ENOTTY (Inappropriate ioctl for device)");
	c = CALL("ioctl", -25, 0, 0x541b, 0x7ffd1a47e274);
	CHECK_LINE(c, "ioctl(0, FIONREAD, 0x7ffd1a47e274) = -1 ENOTTY (Inappropriate ioctl for device)");
	c = CALL("ioctl", 0, 0, 0x5401, 0x7ffd1a47e230);
	CHECK_LINE(c, "ioctl(0, TCGETS, 0x7ffd1a47e230) = 0");
	c = CALL("ioctl", 0, 4, 0x40049409, 3);
	CHECK_LINE(c, "ioctl(4, BTRFS_IOC_CLONE or FICLONE, 3) = 0");
	c = CALL("ioctl", 0, 3, 0x5451, 0);
	CHECK_LINE(c, "ioctl(3, FIOCLEX) = 0");
	/* strace 6.1 on a pty (script -c) */
	{
		static const __u16 ws[4] = { 24, 80, 0, 0 };
		static const __s32 n = 3, pg = 8093;

		c = CALL("ioctl", 0, 0, 0x5413, 0x1000);
		cap(&c, 2, ws, 8, 0);
		CHECK_LINE(c, "ioctl(0, TIOCGWINSZ, {ws_row=24, ws_col=80, ws_xpixel=0, ws_ypixel=0}) = 0");
		c = CALL("ioctl", 0, 3, 0x541b, 0x1000);
		cap(&c, 2, &n, 4, 0);
		CHECK_LINE(c, "ioctl(3, FIONREAD, [3]) = 0");
		c = CALL("ioctl", 0, 0, 0x540f, 0x1000);
		cap(&c, 2, &pg, 4, 0);
		CHECK_LINE(c, "ioctl(0, TIOCGPGRP, [8093]) = 0");
		c = CALL("ioctl", 0, 0, 0x540b, 0);
		CHECK_LINE(c, "ioctl(0, TCFLSH, TCIFLUSH) = 0");
		c = CALL("ioctl", 0, 0, 0x541b, 0x1000);
		c.finished = false;
		CHECK_LINE(c, "ioctl(0, FIONREAD,  <unfinished ...>");
	}
	c = CALL("ioctl", -25, 3, 0xc0ffee00, 0);
	CHECK_LINE(c, "ioctl(3, 0xc0ffee00, 0) = -1 ENOTTY (Inappropriate ioctl for device)");
}

static void test_fd_flags(void)
{
	struct decoded_call c;

	c = CALL("dup3", 20, 0, 20, 02000000);
	CHECK_LINE(c, "dup3(0, 20, O_CLOEXEC) = 20");
	c = CALL("eventfd2", 5, 0, 02000000 | 04000);
	CHECK_LINE(c, "eventfd2(0, EFD_CLOEXEC|EFD_NONBLOCK) = 5");
	c = CALL("eventfd2", 7, 0, 1);
	CHECK_LINE(c, "eventfd2(0, EFD_SEMAPHORE) = 7");
	c = CALL("epoll_create1", 6, 02000000);
	CHECK_LINE(c, "epoll_create1(EPOLL_CLOEXEC) = 6");
	c = CALL("inotify_init1", 3, 04000 | 02000000);
	CHECK_LINE(c, "inotify_init1(IN_NONBLOCK|IN_CLOEXEC) = 3");
	c = CALL("timerfd_create", 4, 1, 04000 | 02000000);
	CHECK_LINE(c, "timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC|TFD_NONBLOCK) = 4");
	c = CALL("pipe2", -22, 0x1000, 0x10);
	CHECK_LINE(c, "pipe2(0x1000, 0x10) = -1 EINVAL (Invalid argument)");
	c = CALL("close_range", 0, 100, 0xffffffff, 4);
	CHECK_LINE(c, "close_range(100, 4294967295, CLOSE_RANGE_CLOEXEC) = 0");
	c = CALL("inotify_add_watch", 1, 4, 0x1000, 0x2 | 0x100 | 0x400 | 0x01000000);
	cap_str(&c, 1, "/tmp");
	CHECK_LINE(c, "inotify_add_watch(4, \"/tmp\", IN_MODIFY|IN_CREATE|IN_DELETE_SELF|IN_ONLYDIR) = 1");
	c = CALL("epoll_ctl", 0, 6, 1, 3, 0x1000);
	CHECK_LINE(c, "epoll_ctl(6, EPOLL_CTL_ADD, 3, 0x1000) = 0");
	{
		/* strace 6.1: the given array (the returned revents not decoded) */
		static const unsigned char fds[24] = {
			3, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0, 4, 0, 0, 0,
			99, 0, 0, 0, 0x01, 0x20, 0, 0,
		};

		c = CALL("poll", 3, 0x1000, 3, 100);
		cap(&c, 0, fds, 24, 0);
		CHECK_CALL(c, "poll([{fd=3, events=POLLIN|POLLPRI}, {fd=4, events=POLLOUT}, {fd=99, events=POLLIN|POLLRDHUP}], 3, 100)");
		c = CALL("poll", 0, 0, 0, 1);
		CHECK_LINE(c, "poll(NULL, 0, 1) = 0 (Timeout)");
		c = CALL("poll", 0, 0x1000, 3, -1);
		cap(&c, 0, fds, 16, 0);
		c.finished = false;
		CHECK_LINE(c, "poll([{fd=3, events=POLLIN|POLLPRI}, {fd=4, events=POLLOUT}, ...], 3, -1 <unfinished ...>");
	}
	{
		static const unsigned char ev[12] = {
			0x01, 0, 0, 0x80, 3, 0, 0, 0, 1, 0, 0, 0,
		};

		c = CALL("epoll_ctl", -1, 3, 1, 0, 0x1000);
		cap(&c, 3, ev, 12, 0);
		CHECK_LINE(c, "epoll_ctl(3, EPOLL_CTL_ADD, 0, {events=EPOLLIN|EPOLLET, data={u32=3, u64=4294967299}}) = -1 EPERM (Operation not permitted)");
	}
	c = CALL("epoll_wait", 0, 3, 0x1000, 4, 0);
	CHECK_LINE(c, "epoll_wait(3, [], 4, 0) = 0");
	c = CALL("epoll_wait", 1, 6, 0x1000, 8, -1);
	CHECK_LINE(c, "epoll_wait(6, 0x1000, 8, -1) = 1");
	{
		/* python's selectors (strace 6.1): events captured at exit */
		static unsigned char evs[96];
		__u32 in = 1, out = 4;
		__u64 data = 140454020513795ULL, fd = 7;
		int i;

		memcpy(evs, &in, 4);
		memcpy(evs + 4, &data, 8);
		c = CALL("epoll_wait", 1, 5, 0x1000, 1, 1000);
		cap(&c, 1, evs, 96, 0);
		CHECK_LINE(c, "epoll_wait(5, [{events=EPOLLIN, data={u32=3, u64=140454020513795}}], 1, 1000) = 1");
		c = CALL("epoll_pwait", 2, 5, 0x1000, 16, -1, 0, 8);
		for (i = 1; i < 8; i++) {
			memcpy(evs + 12 * i, &out, 4);
			memcpy(evs + 12 * i + 4, &fd, 8);
		}
		cap(&c, 1, evs, 96, 0);
		CHECK_LINE(c, "epoll_pwait(5, [{events=EPOLLIN, data={u32=3, u64=140454020513795}}, {events=EPOLLOUT, data={u32=7, u64=7}}], 16, -1, NULL, 8) = 2");
		/* more than the 8 captured: the rest is "..." */
		c = CALL("epoll_wait", 9, 5, 0x1000, 16, -1);
		cap(&c, 1, evs, 96, 0);
		CHECK_LINE(c, "epoll_wait(5, [{events=EPOLLIN, data={u32=3, u64=140454020513795}}, {events=EPOLLOUT, data={u32=7, u64=7}}, {events=EPOLLOUT, data={u32=7, u64=7}}, {events=EPOLLOUT, data={u32=7, u64=7}}, {events=EPOLLOUT, data={u32=7, u64=7}}, {events=EPOLLOUT, data={u32=7, u64=7}}, {events=EPOLLOUT, data={u32=7, u64=7}}, {events=EPOLLOUT, data={u32=7, u64=7}}, ...], 16, -1) = 9");
		/* failed: nothing written */
		c = CALL("epoll_wait", -4, 5, 0x1000, 16, -1);
		CHECK_LINE(c, "epoll_wait(5, 0x1000, 16, -1) = -1 EINTR (Interrupted system call)");
	}
}

int main(void)
{
	sb_init(&test_sb);
	test_fcntl();
	test_ioctl();
	test_fd_flags();
	UNIT_EXIT();
}
