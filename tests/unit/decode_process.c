// SPDX-License-Identifier: GPL-2.0
/* Process decoders: clone, execve argv/envp, wait status and options, prctl. */
#include "decode_test.h"

/* argv as BPF captures it: the strings back to back, each with its NUL. */
static const char argv_ls[] = "/bin/true\0-l\0x";	/* + final NUL */

static void test_clone(void)
{
	struct decoded_call c;

	c = CALL("clone", 5971, 0x1200011, 0, 0, 0x7f2aa2ca1a10, 0);
	CHECK_LINE(c, "clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f2aa2ca1a10) = 5971");
	c = CALL("clone", 100, 0x3d0f00, 0x7f0000fff000, 0x7f0000fff990,
		 0x7f0000fff990, 0x7f0000fff6c0);
	CHECK_LINE(c, "clone(child_stack=0x7f0000fff000, flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID, parent_tid=0x7f0000fff990, tls=0x7f0000fff6c0, child_tidptr=0x7f0000fff990) = 100");
	/* i386 passes tls before child_tid */
	c = CALL32("clone", 7, 0x80011 | 0x1000000, 0, 0, 0xf7000100, 0xf7000200);
	CHECK_LINE(c, "clone(child_stack=NULL, flags=CLONE_SETTLS|CLONE_CHILD_SETTID|SIGCHLD, tls=0xf7000100, child_tidptr=0xf7000200) = 7");
	c = CALL("unshare", 0, 0x20000);
	CHECK_LINE(c, "unshare(CLONE_NEWNS) = 0");
	c = CALL0("fork", 42);
	CHECK_LINE(c, "fork() = 42");
	c = CALL("clone3", 43, 0x7ffd0000, 88);
	CHECK_LINE(c, "clone3(0x7ffd0000, 88) = 43");
	{
		/* strace 6.1 (which adds " => {parent_tid=[16303]}") */
		static const __u64 args[11] = {
			0x3d0f00, 0, 0x7f6c44224990, 0x7f6c44224990, 0,
			0x7f6c43a24000, 0x7fff80, 0x7f6c442246c0, 0, 0, 0,
		};

		c = CALL("clone3", 16303, 0x7ffd0000, 88);
		cap(&c, 0, args, 88, 0);
		CHECK_LINE(c, "clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID, child_tid=0x7f6c44224990, parent_tid=0x7f6c44224990, exit_signal=0, stack=0x7f6c43a24000, stack_size=0x7fff80, tls=0x7f6c442246c0}, 88) = 16303");
	}
}

static void test_execve(void)
{
	struct decoded_call c;
	/* envp's capture is SYSOBS_CAP_COUNT: how many entries */
	static const __u32 vars0 = 0, vars1 = 1, vars3 = 3;

	c = CALL("execve", 0, 0x1000, 0x2000, 0x7ffd1a47e6b8);
	cap_str(&c, 0, "/bin/true");
	cap(&c, 1, argv_ls, sizeof(argv_ls), 0);
	cap(&c, 2, &vars3, sizeof(vars3), 0);
	CHECK_LINE(c, "execve(\"/bin/true\", [\"/bin/true\", \"-l\", \"x\"], 0x7ffd1a47e6b8 /* 3 vars */) = 0");

	c = CALL("execve", 0, 0x1000, 0x2000, 0x556ddbb31c70);
	cap_str(&c, 0, "/bin/true");
	cap(&c, 1, "", 0, 0);
	cap(&c, 2, &vars1, sizeof(vars1), 0);
	CHECK_LINE(c, "execve(\"/bin/true\", [], 0x556ddbb31c70 /* 1 var */) = 0");

	/* strace -s 5: five elements, then "..." (and each string cut at 5) */
	test_opts.string_limit = 5;
	c = CALL("execve", 0, 0x1000, 0x2000, 0x7ffc27c39728);
	cap_str(&c, 0, "/usr/bin/env");
	cap(&c, 1, "env\0-i\0X=1\0/bin/true\0a\0bcdefgh", 31, 0);
	cap(&c, 2, &vars0, sizeof(vars0), 0);
	CHECK_LINE(c, "execve(\"/usr/bin/env\", [\"env\", \"-i\", \"X=1\", \"/bin/\"..., \"a\", ...], 0x7ffc27c39728 /* 0 vars */) = 0");
	test_opts.string_limit = 32;

	/* the capture ran out before the array's end */
	c = CALL("execve", -2, 0x1000, 0x2000, 0x3000);
	cap_str(&c, 0, "/nope");
	cap(&c, 1, "a\0b", 4, SYSOBS_CAPF_TRUNCATED);
	cap(&c, 2, &vars1, sizeof(vars1), SYSOBS_CAPF_TRUNCATED);
	CHECK_LINE(c, "execve(\"/nope\", [\"a\", \"b\", ...], 0x3000 /* 1+ vars */) = -1 ENOENT (No such file or directory)");

	c = CALL("execve", -14, 0x1000, 0, 0);
	cap_str(&c, 0, "/bin/sh");
	CHECK_LINE(c, "execve(\"/bin/sh\", NULL, NULL) = -1 EFAULT (Bad address)");

	c = CALL("execve", -14, 0x1000, 0x10, 0x20);
	cap_str(&c, 0, "/bin/sh");
	cap(&c, 1, NULL, 0, SYSOBS_CAPF_FAULT);
	cap(&c, 2, NULL, 0, SYSOBS_CAPF_FAULT);
	CHECK_LINE(c, "execve(\"/bin/sh\", 0x10, 0x20) = -1 EFAULT (Bad address)");

	c = CALL("execveat", 0, 3, 0x1000, 0x2000, 0x3000, 0x1000);
	cap_str(&c, 1, "");
	cap(&c, 2, argv_ls, sizeof(argv_ls), 0);
	cap(&c, 3, &vars0, sizeof(vars0), 0);
	CHECK_LINE(c, "execveat(3, \"\", [\"/bin/true\", \"-l\", \"x\"], 0x3000 /* 0 vars */, AT_EMPTY_PATH) = 0");
}

static void test_wait(void)
{
	struct decoded_call c;
	__s32 st;

	st = 0;
	c = CALL("wait4", 5971, 5971, 0x1000, 0, 0);
	cap(&c, 1, &st, 4, 0);
	CHECK_LINE(c, "wait4(5971, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = 5971");
	st = 3 << 8;
	c = CALL("wait4", 5972, 5972, 0x1000, 0, 0);
	cap(&c, 1, &st, 4, 0);
	CHECK_LINE(c, "wait4(5972, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, NULL) = 5972");
	st = 9;
	c = CALL("wait4", 13045, 13045, 0x1000, 0, 0);
	cap(&c, 1, &st, 4, 0);
	CHECK_LINE(c, "wait4(13045, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL}], 0, NULL) = 13045");
	st = 11 | 0x80;
	c = CALL("wait4", 7, -1, 0x1000, 0, 0);
	cap(&c, 1, &st, 4, 0);
	CHECK_LINE(c, "wait4(-1, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGSEGV && WCOREDUMP(s)}], 0, NULL) = 7");
	st = (19 << 8) | 0x7f;
	c = CALL("wait4", 7, 7, 0x1000, 2, 0);
	cap(&c, 1, &st, 4, 0);
	CHECK_LINE(c, "wait4(7, [{WIFSTOPPED(s) && WSTOPSIG(s) == SIGSTOP}], WUNTRACED, NULL) = 7");
	st = 0xffff;
	c = CALL("wait4", 7, 7, 0x1000, 8, 0);
	cap(&c, 1, &st, 4, 0);
	CHECK_LINE(c, "wait4(7, [{WIFCONTINUED(s)}], WCONTINUED, NULL) = 7");
	/* WNOHANG and nothing to report: no status written, its address */
	c = CALL("wait4", 0, 5973, 0x7ffd1a47e1b4, 0x40000001, 0);
	CHECK_LINE(c, "wait4(5973, 0x7ffd1a47e1b4, WNOHANG|__WALL, NULL) = 0");
	c = CALL("wait4", -10, -1, 0x1000, 0, 0);
	CHECK_LINE(c, "wait4(-1, 0x1000, 0, NULL) = -1 ECHILD (No child processes)");
	c = CALL("waitid", 0, 1, 7, 0x1000, 4 | 2, 0);
	CHECK_LINE(c, "waitid(P_PID, 7, 0x1000, WSTOPPED|WEXITED, NULL) = 0");
}

static void test_exit_prctl(void)
{
	struct decoded_call c;

	c = CALL("exit_group", 0, 3);
	CHECK_LINE(c, "exit_group(3) = ?");
	c = CALL("exit", 0, 0);
	CHECK_LINE(c, "exit(0) = ?");
	{
		static const __s32 prio;

		c = CALL("sched_setscheduler", 0, 0, 3, 0x1000);
		cap(&c, 2, &prio, 4, 0);
		CHECK_LINE(c, "sched_setscheduler(0, SCHED_BATCH, [0]) = 0");
	}
	{
		static const unsigned char mask[32] = { 0x3 };

		c = CALL("sched_getaffinity", 32, 0, 128, 0x1000);
		cap(&c, 2, mask, 32, 0);
		CHECK_LINE(c, "sched_getaffinity(0, 128, [0 1]) = 32");
	}
	/* strace 6.1 on the same calls */
	c = CALL("personality", 0, 0x40000);
	CHECK_LINE(c, "personality(PER_LINUX|ADDR_NO_RANDOMIZE) = 0 (PER_LINUX)");
	c = CALL("personality", 0, 0x40008);
	CHECK_LINE(c, "personality(PER_LINUX32|ADDR_NO_RANDOMIZE) = 0 (PER_LINUX)");
	c = CALL("personality", 0x40000, 0xffffffff);
	CHECK_LINE(c, "personality(0xffffffff) = 0x40000 (PER_LINUX|ADDR_NO_RANDOMIZE)");
	c = CALL("sched_getscheduler", 0, 0);
	CHECK_LINE(c, "sched_getscheduler(0) = 0 (SCHED_OTHER)");
	c = CALL("sched_get_priority_max", 99, 1);
	CHECK_LINE(c, "sched_get_priority_max(SCHED_FIFO) = 99");
	c = CALL("bpf", -22, 0, 0, 0);
	CHECK_LINE(c, "bpf(BPF_MAP_CREATE, NULL, 0) = -1 EINVAL (Invalid argument)");
	c = CALL("bpf", -7, 5, 0, 0);
	CHECK_LINE(c, "bpf(BPF_PROG_LOAD, NULL, 0) = -1 E2BIG (Argument list too long)");
	c = CALL("seccomp", -14, 2, 0, 0);
	CHECK_LINE(c, "seccomp(SECCOMP_GET_ACTION_AVAIL, 0, NULL) = -1 EFAULT (Bad address)");
	c = CALL("arch_prctl", 0, 0x1002, 0x7f2aa2ca1740);
	CHECK_LINE(c, "arch_prctl(ARCH_SET_FS, 0x7f2aa2ca1740) = 0");
	/* strace 6.1 on the same calls */
	c = CALL("prctl", 0, 38, 1, 0, 0, 0);
	CHECK_LINE(c, "prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) = 0");
	c = CALL("prctl", -22, 0x7777, 5, 6, 7, 8);
	CHECK_LINE(c, "prctl(0x7777 /* PR_??? */, 0x5, 0x6, 0x7, 0x8) = -1 EINVAL (Invalid argument)");
	c = CALL("prctl", 0, 15, 0x1000, 1, 2, 3);
	cap_str(&c, 1, "abcd");
	CHECK_LINE(c, "prctl(PR_SET_NAME, \"abcd\") = 0");
	c = CALL("prctl", 1, 3, 1, 2, 3, 4);
	CHECK_LINE(c, "prctl(PR_GET_DUMPABLE) = 1");
	c = CALL("prctl", 0, 1, 9, 0, 0, 0);
	CHECK_LINE(c, "prctl(PR_SET_PDEATHSIG, SIGKILL) = 0");
	c = CALL("prctl", 0, 4, 1, 0, 0, 0);
	CHECK_LINE(c, "prctl(PR_SET_DUMPABLE, SUID_DUMP_USER) = 0");
	c = CALL("prctl", 0, 24, 5, 0, 0, 0);
	CHECK_LINE(c, "prctl(PR_CAPBSET_DROP, CAP_KILL) = 0");
	c = CALL("prctl", 0, 23, 0x30, 0, 0, 0);
	CHECK_LINE(c, "prctl(PR_CAPBSET_READ, 0x30 /* CAP_??? */) = 0");
	c = CALL("prctl", -14, 16, 0, 0, 0, 0);
	CHECK_LINE(c, "prctl(PR_GET_NAME, NULL) = -1 EFAULT (Bad address)");
	c = CALL("prctl", 0, 29, 50000, 0, 0, 0);
	CHECK_LINE(c, "prctl(PR_SET_TIMERSLACK, 50000) = 0");
}

int main(void)
{
	sb_init(&test_sb);
	test_clone();
	test_execve();
	test_wait();
	test_exit_prctl();
	UNIT_EXIT();
}
