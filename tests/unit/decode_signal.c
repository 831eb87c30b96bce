// SPDX-License-Identifier: GPL-2.0
/* Signal decoders: names, sigsets, struct sigaction (both ABIs), how. */
#include "decode_test.h"

#define BIT(sig) (1ULL << ((sig) - 1))

/* The kernel's x86-64 struct sigaction. */
struct ksigaction64 {
	__u64 handler, flags, restorer, mask;
};

static void test_names(void)
{
	struct decoded_call c;

	c = CALL("kill", 0, 5970, 0);
	CHECK_LINE(c, "kill(5970, 0) = 0");
	c = CALL("kill", 0, 5973, 15);
	CHECK_LINE(c, "kill(5973, SIGTERM) = 0");
	c = CALL("kill", 0, 0, 36);
	CHECK_LINE(c, "kill(0, SIGRT_4) = 0");
	c = CALL("tgkill", 0, 13045, 13045, 9);
	CHECK_LINE(c, "tgkill(13045, 13045, SIGKILL) = 0");
	c = CALL("tkill", 0, 1, 32);
	CHECK_LINE(c, "tkill(1, SIGRTMIN) = 0");
	c = CALL("kill", -22, 1, 65);
	CHECK_LINE(c, "kill(1, 65) = -1 EINVAL (Invalid argument)");
}

static void test_sigprocmask(void)
{
	static __u64 set, full;
	struct decoded_call c;

	set = BIT(15) | BIT(17);
	c = CALL("rt_sigprocmask", 0, 0, 0x1000, 0, 8);
	cap(&c, 1, &set, 8, 0);
	CHECK_LINE(c, "rt_sigprocmask(SIG_BLOCK, [TERM CHLD], NULL, 8) = 0");

	full = ~(BIT(32) | BIT(33));
	c = CALL("rt_sigprocmask", 0, 2, 0x1000, 0, 8);
	cap(&c, 1, &full, 8, 0);
	CHECK_LINE(c, "rt_sigprocmask(SIG_SETMASK, ~[RTMIN RT_1], NULL, 8) = 0");

	set = 0;
	c = CALL("rt_sigprocmask", 0, 2, 0x1000, 0x2000, 8);
	cap(&c, 1, &set, 8, 0);
	cap(&c, 2, &full, 8, 0);
	CHECK_LINE(c, "rt_sigprocmask(SIG_SETMASK, [], ~[RTMIN RT_1], 8) = 0");

	full = ~0ULL;
	c = CALL("rt_sigprocmask", 0, 1, 0x1000, 0, 8);
	cap(&c, 1, &full, 8, 0);
	CHECK_LINE(c, "rt_sigprocmask(SIG_UNBLOCK, ~[], NULL, 8) = 0");

	c = CALL("rt_sigprocmask", -22, 7, 0x1000, 0, 8);
	cap(&c, 1, &set, 8, 0);
	CHECK_LINE(c, "rt_sigprocmask(0x7 /* SIG_??? */, [], NULL, 8) = -1 EINVAL (Invalid argument)");

	set = BIT(37);
	c = CALL("signalfd4", 5, -1, 0x1000, 8, 02000000 | 04000);
	cap(&c, 1, &set, 8, 0);
	CHECK_LINE(c, "signalfd4(-1, [RT_5], 8, SFD_CLOEXEC|SFD_NONBLOCK) = 5");
}

static void test_sigaction(void)
{
	static struct ksigaction64 act, old;
	static unsigned char act32[20];
	__u32 w[3] = { 0x565560a0, 0x14000000 | 0x4, 0xf7d00000 };
	__u64 mask32 = BIT(2);
	struct decoded_call c;

	act = (struct ksigaction64){ 0x556042b103f9, 0x14000000, 0x7f2aa2ce0050,
				     BIT(12) };
	c = CALL("rt_sigaction", 0, 10, 0x1000, 0, 8);
	cap(&c, 1, &act, sizeof(act), 0);
	CHECK_LINE(c, "rt_sigaction(SIGUSR1, {sa_handler=0x556042b103f9, sa_mask=[USR2], sa_flags=SA_RESTORER|SA_RESTART, sa_restorer=0x7f2aa2ce0050}, NULL, 8) = 0");

	/* dd: flags from an int, sign-extended (strace 6.1 shows the high bits) */
	act = (struct ksigaction64){ 0x562335e176a0, 0xffffffffc4000000ULL,
				     0x7f9cf8aab050, BIT(2) | BIT(10) };
	c = CALL("rt_sigaction", 0, 2, 0x1000, 0, 8);
	cap(&c, 1, &act, sizeof(act), 0);
	CHECK_LINE(c, "rt_sigaction(SIGINT, {sa_handler=0x562335e176a0, sa_mask=[INT USR1], sa_flags=SA_RESTORER|SA_NODEFER|SA_RESETHAND|0xffffffff00000000, sa_restorer=0x7f9cf8aab050}, NULL, 8) = 0");

	old = (struct ksigaction64){ 0, 0, 0, 0 };
	c = CALL("rt_sigaction", 0, 2, 0, 0x2000, 8);
	cap(&c, 2, &old, sizeof(old), 0);
	CHECK_LINE(c, "rt_sigaction(SIGINT, NULL, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8) = 0");

	act = (struct ksigaction64){ 0x562bfd192248, 0x4c000004, 0x7fe05ebbf050,
				     ~(BIT(32) | BIT(33)) };
	c = CALL("rt_sigaction", 0, 11, 0x1000, 0, 8);
	cap(&c, 1, &act, sizeof(act), 0);
	CHECK_LINE(c, "rt_sigaction(SIGSEGV, {sa_handler=0x562bfd192248, sa_mask=~[RTMIN RT_1], sa_flags=SA_RESTORER|SA_ONSTACK|SA_NODEFER|SA_SIGINFO, sa_restorer=0x7fe05ebbf050}, NULL, 8) = 0");

	act = (struct ksigaction64){ 1, 0, 0, 0 };
	c = CALL("rt_sigaction", 0, 13, 0x1000, 0x2000, 8);
	cap(&c, 1, &act, sizeof(act), 0);
	CHECK_LINE(c, "rt_sigaction(SIGPIPE, {sa_handler=SIG_IGN, sa_mask=[], sa_flags=0}, 0x2000, 8) = 0");

	/* failed: the old action was not written, its address */
	c = CALL("rt_sigaction", -22, 9, 0x1000, 0x2000, 8);
	cap(&c, 1, &act, sizeof(act), 0);
	CHECK_LINE(c, "rt_sigaction(SIGKILL, {sa_handler=SIG_IGN, sa_mask=[], sa_flags=0}, 0x2000, 8) = -1 EINVAL (Invalid argument)");

	/* i386 compat layout: three 32-bit words then the 64-bit mask */
	memcpy(act32, w, 12);
	memcpy(act32 + 12, &mask32, 8);
	c = CALL32("rt_sigaction", 0, 17, 0xffd00000, 0, 8);
	cap(&c, 1, act32, 20, 0);
	CHECK_LINE(c, "rt_sigaction(SIGCHLD, {sa_handler=0x565560a0, sa_mask=[INT], sa_flags=SA_RESTORER|SA_RESTART|SA_SIGINFO, sa_restorer=0xf7d00000}, NULL, 8) = 0");

	c = CALL("rt_sigaction", -14, 10, 0x10, 0, 8);
	cap(&c, 1, NULL, 0, SYSOBS_CAPF_FAULT);
	CHECK_LINE(c, "rt_sigaction(SIGUSR1, 0x10, NULL, 8) = -1 EFAULT (Bad address)");
}

static void test_sigaltstack(void)
{
	static const __u64 ss[3] = { 0x558a70c2e2a0, 0, 65536 };
	static const __u64 off[3] = { 0, 2, 0 };
	static const __u32 ss32[3] = { 0x5655a000, 1, 8192 };
	struct decoded_call c;

	/* strace 6.1 on the same calls */
	c = CALL("sigaltstack", 0, 0x1000, 0x2000);
	cap(&c, 0, ss, 24, 0);
	cap(&c, 1, off, 24, 0);
	CHECK_LINE(c, "sigaltstack({ss_sp=0x558a70c2e2a0, ss_flags=0, ss_size=65536}, {ss_sp=NULL, ss_flags=SS_DISABLE, ss_size=0}) = 0");
	c = CALL32("sigaltstack", 0, 0, 0xffd00000);
	cap(&c, 1, ss32, 12, 0);
	CHECK_LINE(c, "sigaltstack(NULL, {ss_sp=0x5655a000, ss_flags=SS_ONSTACK, ss_size=8192}) = 0");
}

int main(void)
{
	sb_init(&test_sb);
	test_names();
	test_sigprocmask();
	test_sigaction();
	test_sigaltstack();
	UNIT_EXIT();
}
