// SPDX-License-Identifier: GPL-2.0
/*
 * Decoder core: strbuf, strace's quoting, generic arguments, return values,
 * unfinished calls, errno names. Expected strings are strace 6.1's output
 * for the same calls (see the workload comments).
 */
#include "decode_test.h"

#define AT_FDCWD_ (-100)

static const char *quoted(const char *s, size_t len, size_t limit,
			  bool truncated)
{
	sb_reset(&test_sb);
	decode_quoted(&test_sb, (const unsigned char *)s, len, limit, truncated);
	return test_sb.buf;
}

static void test_strbuf(void)
{
	struct strbuf sb;
	int i;

	sb_init(&sb);
	for (i = 0; i < 1000; i++)
		sb_printf(&sb, "%d,", i % 10);
	CHECK(sb.len == 2000 && strlen(sb.buf) == 2000, "strbuf grows to 2000 bytes");
	sb_reset(&sb);
	sb_puts(&sb, "abc");
	CHECK_STR(sb.buf, "abc", "strbuf reset then puts");
	sb_free(&sb);
	CHECK(sb.buf == NULL && sb.len == 0, "strbuf free");
}

static void test_quoting(void)
{
	CHECK_STR(quoted("hi\n", 3, 32, false), "\"hi\\n\"", "newline escaped");
	CHECK_STR(quoted("a\tb\r\v\f", 6, 32, false), "\"a\\tb\\r\\v\\f\"",
		  "C escapes");
	CHECK_STR(quoted("\"\\", 2, 32, false), "\"\\\"\\\\\"", "quote and backslash");
	CHECK_STR(quoted("\1\2\3\4", 4, 32, false), "\"\\1\\2\\3\\4\"",
		  "control bytes in short octal");
	CHECK_STR(quoted("\0010", 2, 32, false), "\"\\0010\"",
		  "three octal digits before an octal digit");
	CHECK_STR(quoted("\0019", 2, 32, false), "\"\\19\"",
		  "short octal before a non-octal digit");
	CHECK_STR(quoted("\033[0m", 4, 32, false), "\"\\33[0m\"", "escape byte");
	CHECK_STR(quoted("\177\200\377", 3, 32, false), "\"\\177\\200\\377\"",
		  "DEL and high bytes in octal");
	CHECK_STR(quoted("hello\0world", 11, 32, false), "\"hello\\0world\"",
		  "embedded NUL");
	CHECK_STR(quoted("\0\0\0\0", 4, 32, false), "\"\\0\\0\\0\\0\"", "all NULs");
	CHECK_STR(quoted("0123456789012345678901234567890123456789", 40, 32,
			 false),
		  "\"01234567890123456789012345678901\"...", "cut at the limit");
	CHECK_STR(quoted("0123456789012345678901234567890\n", 32, 32, false),
		  "\"0123456789012345678901234567890\\n\"", "exactly the limit: no dots");
	CHECK_STR(quoted("abc", 3, 32, true), "\"abc\"...", "truncated capture");
	CHECK_STR(quoted("", 0, 32, false), "\"\"", "empty string");
	CHECK_STR(quoted("ab", 2, 0, false), "\"\"...", "limit 0");
}

static void test_write_read(void)
{
	static char big[131072];
	struct decoded_call c;

	c = CALL("write", 3, 1, 0x5000, 3);
	cap(&c, 1, "hi\n", 3, 0);
	CHECK_LINE(c, "write(1, \"hi\\n\", 3) = 3");

	c = CALL("read", 7, 3, big, 131072);
	cap(&c, 1, "myhost\n", 7, 0);
	CHECK_LINE(c, "read(3, \"myhost\\n\", 131072) = 7");

	/* strace: write(1, 0x1234, 4) = 4 when the memory is unreadable */
	c = CALL("write", 4, 1, 0x1234, 4);
	cap(&c, 1, NULL, 0, SYSOBS_CAPF_FAULT);
	CHECK_LINE(c, "write(1, 0x1234, 4) = 4");

	c = CALL("write", -14, 1, 0, 4);
	CHECK_LINE(c, "write(1, NULL, 4) = -1 EFAULT (Bad address)");

	c = CALL("read", -9, 3, 0x7ffd0000, 10);
	CHECK_LINE(c, "read(3, 0x7ffd0000, 10) = -1 EBADF (Bad file descriptor)");

	/* 40 bytes written, 32 captured: cut with dots */
	c = CALL("write", 40, 1, 0x5000, 40);
	cap(&c, 1, "0123456789012345678901234567890123456789", 32,
	    SYSOBS_CAPF_TRUNCATED);
	CHECK_LINE(c, "write(1, \"01234567890123456789012345678901\"..., 40) = 40");

	/* 33 bytes asked, only 32 captured: still shown as cut */
	c = CALL("write", 33, 1, 0x5000, 33);
	cap(&c, 1, "0123456789012345678901234567890\n1", 32, 0);
	CHECK_LINE(c, "write(1, \"0123456789012345678901234567890\\n\"..., 33) = 33");

	test_opts.string_limit = 4;
	c = CALL("write", 11, 1, 0x5000, 11);
	cap(&c, 1, "hello world", 11, 0);
	CHECK_LINE(c, "write(1, \"hell\"..., 11) = 11");
	test_opts.string_limit = 32;
}

static void test_paths(void)
{
	struct decoded_call c;
	static const char longpath[] =
		"/usr/lib/x86_64-linux-gnu/gconv/gconv-modules.d/gconv-modules-extra.conf";

	c = CALL("openat", 3, AT_FDCWD_, 0x1000, 0);
	cap_str(&c, 1, "/etc/hostname");
	CHECK_LINE(c, "openat(AT_FDCWD, \"/etc/hostname\", O_RDONLY) = 3");

	c = CALL("openat", -2, AT_FDCWD_, 0x1000, 0);
	cap_str(&c, 1, "/nope");
	CHECK_LINE(c, "openat(AT_FDCWD, \"/nope\", O_RDONLY) = -1 ENOENT (No such file or directory)");

	c = CALL("access", -2, 0x1000, 4);
	cap_str(&c, 0, longpath);
	CHECK_LINE(c, "access(\"/usr/lib/x86_64-linux-gnu/gconv/gconv-modules.d/gconv-modules-extra.conf\", R_OK) = -1 ENOENT (No such file or directory)");

	c = CALL("access", -14, 0x10, 0);
	cap(&c, 0, NULL, 0, SYSOBS_CAPF_FAULT);
	CHECK_LINE(c, "access(0x10, F_OK) = -1 EFAULT (Bad address)");

	c = CALL("chdir", 0, 0x1000);
	cap(&c, 0, "/tmp/abc", 4, SYSOBS_CAPF_TRUNCATED);
	CHECK_LINE(c, "chdir(\"/tmp\"...) = 0");

	c = CALL("unlink", 0, 0x1000);
	cap_str(&c, 0, "a\nb\033");
	CHECK_LINE(c, "unlink(\"a\\nb\\33\") = 0");
}

static void test_returns(void)
{
	struct decoded_call c;

	c = CALL("close", 0, 3);
	CHECK_STR(full_line(&c), "close(3)                                = 0",
		  "short line padded to column 40 like strace");
	/* BPF never sees exit_group return: strace prints it whole */
	c = CALL("exit_group", 0, 0);
	c.finished = false;
	CHECK_STR(full_line(&c), "exit_group(0)                           = ?",
		  "exit_group = ?");
	c = CALL("close", -9, 3);
	CHECK_STR(full_line(&c), "close(3)                                = -1 EBADF (Bad file descriptor)",
		  "error padded");
	c = CALL("brk", 0x55d0c7a4b000, 0);
	CHECK_LINE(c, "brk(NULL) = 0x55d0c7a4b000");
	c = CALL("mmap", -12, 0, 4096, 3, 0x22, -1, 0);
	CHECK_LINE(c, "mmap(NULL, 4096, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = -1 ENOMEM (Cannot allocate memory)");
	c = CALL("umask", 022, 077);
	CHECK_LINE(c, "umask(077) = 022");
	c = CALL("getpid", 1234, 0);
	CHECK_LINE(c, "getpid() = 1234");
	c = CALL("lseek", 0, 0, 0, 1);
	CHECK_LINE(c, "lseek(0, 0, SEEK_CUR) = 0");
	c = CALL("read", -512, 0, 0x1000, 10);
	CHECK_LINE(c, "read(0, 0x1000, 10) = ? ERESTARTSYS (To be restarted if SA_RESTART is set)");
	c = CALL("nanosleep", -516, 0x1000, 0);
	CHECK_LINE(c, "nanosleep(0x1000, NULL) = ? ERESTART_RESTARTBLOCK (Interrupted by signal)");
	c = CALL("close", -4000, 3);
	CHECK_LINE(c, "close(3) = -1 ERRNO_4000 (Unknown error 4000)");
	c = CALL("close", -4096, 3);
	CHECK_LINE(c, "close(3) = -4096");
	/* i386: the return register is 32 bits wide */
	c = CALL32("close", 0xfffffff7, 3);
	CHECK_LINE(c, "close(3) = -1 EBADF (Bad file descriptor)");
	c = CALL32("brk", 0x5655a000, 0);
	CHECK_LINE(c, "brk(NULL) = 0x5655a000");
}

static void test_unfinished(void)
{
	struct decoded_call c;

	/* strace: "wait4(5971,  <unfinished ...>" */
	c = CALL("wait4", 0, 5971, 0x7ffd0000, 0, 0);
	c.finished = false;
	CHECK_LINE(c, "wait4(5971,  <unfinished ...>");
	c = CALL0("pause", 0);
	c.finished = false;
	CHECK_LINE(c, "pause( <unfinished ...>");
	c = CALL("read", 0, 0, 0x1000, 10);
	c.finished = false;
	CHECK_LINE(c, "read(0,  <unfinished ...>");
	c = CALL("futex", 0, 0x5581000, 0x80, 2, 0, 0, 0);
	c.finished = false;
	CHECK_LINE(c, "futex(0x5581000, FUTEX_WAIT_PRIVATE, 2, NULL <unfinished ...>");
}

static void test_generic(void)
{
	struct decoded_call c;

	c.abi = SYSOBS_ABI_64;
	memset(&c, 0, sizeof(c));
	c.nr = 999;
	c.args[0] = 1;
	c.args[5] = 0xdead;
	c.ret = -38;
	c.finished = true;
	CHECK_LINE(c, "syscall_0x3e7(0x1, 0, 0, 0, 0, 0xdead) = -1 ENOSYS (Function not implemented)");
	c = CALL0("getppid", 1);
	CHECK_LINE(c, "getppid() = 1");
	c = CALL("dup2", 9, 1, 9);
	CHECK_LINE(c, "dup2(1, 9) = 9");
	c = CALL("set_tid_address", 42, 0x7f0000001000);
	CHECK_LINE(c, "set_tid_address(0x7f0000001000) = 42");
}

static void test_misc(void)
{
	static char uts[390];
	struct decoded_call c;

	strcpy(uts, "Linux");
	strcpy(uts + 65, "vm");
	c = CALL("uname", 0, 0x1000);
	cap(&c, 0, uts, sizeof(uts), 0);
	CHECK_LINE(c, "uname({sysname=\"Linux\", nodename=\"vm\", ...}) = 0");
	c = CALL("getcwd", 10, 0x1000, 4096);
	cap(&c, 0, "/tmp/dexp", 10, 0);
	test_opts.string_limit = 4;
	CHECK_LINE(c, "getcwd(\"/tmp/dexp\", 4096) = 10");
	test_opts.string_limit = 32;
	c = CALL("getcwd", -34, 0x1000, 2);
	CHECK_LINE(c, "getcwd(0x1000, 2) = -1 ERANGE (Numerical result out of range)");
	c = CALL("umask", 0, 0);
	CHECK_LINE(c, "umask(000) = 000");
}

static void test_errno(void)
{
	CHECK_STR(errno_name(2), "ENOENT", "errno 2 name");
	CHECK_STR(errno_message(2), "No such file or directory", "errno 2 message");
	CHECK_STR(errno_name(11), "EAGAIN", "errno 11 is EAGAIN");
	CHECK_STR(errno_name(95), "EOPNOTSUPP", "errno 95 is EOPNOTSUPP");
	CHECK_STR(errno_name(133), "EHWPOISON", "errno 133, the last");
	CHECK_STR(errno_name(512), "ERESTARTSYS", "kernel-internal 512");
	CHECK(errno_name(0) == NULL && errno_name(41) == NULL &&
	      errno_name(4095) == NULL && errno_name(-1) == NULL,
	      "no name for 0, 41, 4095, -1");
}

static void test_every_errno_named(void)
{
	int e, named = 0;

	for (e = 1; e <= 133; e++)
		if (e != 41 && e != 58)
			named += errno_name(e) && errno_message(e);
	CHECK(named == 131, "every errno 1..133 (but unused 41, 58) has a name and message");
}

int main(void)
{
	sb_init(&test_sb);
	test_strbuf();
	test_quoting();
	test_write_read();
	test_paths();
	test_returns();
	test_unfinished();
	test_generic();
	test_misc();
	test_errno();
	test_every_errno_named();
	UNIT_EXIT();
}
