// SPDX-License-Identifier: GPL-2.0
/*
 * decode_siginfo(): the kernel's siginfo as strace 6.1 prints it in its
 * "--- SIG ---" lines. Expected texts are strace's own (see t_live.sh's
 * comparison for the ones a workload can produce).
 */
#include <stdlib.h>
#include "unit.h"
#include "decode.h"
#include "sysobs.h"

/* struct kernel_siginfo, 64-bit layout */
struct ksi {
	__s32 signo, err, code, pad;
	union {
		struct { __s32 pid; __u32 uid; __u64 sigval; } rt;
		struct { __s32 tid, overrun; __u64 sigval; } timer;
		struct { __s32 pid; __u32 uid; __s32 status, pad; __s64 utime, stime; } chld;
		struct { __u64 addr; } fault;
		struct { __s64 band; __s32 fd; } poll;
		struct { __u64 call_addr; __s32 syscall; __u32 arch; } sys;
		unsigned char raw[32];
	} u;
};

_Static_assert(sizeof(struct ksi) == SYSOBS_SIGINFO_SIZE, "kernel_siginfo layout");

static struct ksi si(int signo, int code)
{
	struct ksi k;

	memset(&k, 0, sizeof(k));
	k.signo = signo;
	k.code = code;
	return k;
}

static void check(const struct ksi *k, const char *want, const char *what)
{
	struct strbuf sb;

	sb_init(&sb);
	decode_siginfo(&sb, k);
	CHECK_STR(sb.buf, want, what);
	sb_free(&sb);
}

int main(void)
{
	struct ksi k;

	k = si(17, 1);
	k.u.chld.pid = 5566;
	k.u.chld.status = 3;
	k.u.chld.utime = 2;
	k.u.chld.stime = 1;
	check(&k, "{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=5566, si_uid=0, "
		  "si_status=3, si_utime=2, si_stime=1}", "SIGCHLD CLD_EXITED: status as a number");
	k.code = 2;
	k.u.chld.status = 9;
	k.u.chld.utime = k.u.chld.stime = 0;
	check(&k, "{si_signo=SIGCHLD, si_code=CLD_KILLED, si_pid=5566, si_uid=0, "
		  "si_status=SIGKILL, si_utime=0, si_stime=0}", "CLD_KILLED: status as a signal");

	k = si(10, 0);
	k.u.rt.pid = 123;
	k.u.rt.uid = 1000;
	check(&k, "{si_signo=SIGUSR1, si_code=SI_USER, si_pid=123, si_uid=1000}", "SI_USER");
	k = si(23, -6);
	k.u.rt.pid = 3386;
	k.u.rt.uid = 1000;
	check(&k, "{si_signo=SIGURG, si_code=SI_TKILL, si_pid=3386, si_uid=1000}", "SI_TKILL");
	k = si(10, -1);
	k.u.rt.pid = 7;
	k.u.rt.sigval = 42;
	check(&k, "{si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid=7, si_uid=0, "
		  "si_int=42, si_ptr=0x2a}", "SI_QUEUE with a value");
	k.u.rt.sigval = 0;
	check(&k, "{si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid=7, si_uid=0}",
	      "SI_QUEUE without a value");
	k = si(34, -2);
	k.u.timer.tid = 1;
	k.u.timer.sigval = 0x55d0c0de;
	check(&k, "{si_signo=SIGRT_2, si_code=SI_TIMER, si_timerid=0x1, si_overrun=0, "
		  "si_int=1439744222, si_ptr=0x55d0c0de}", "SI_TIMER");
	k = si(14, 0x80);
	check(&k, "{si_signo=SIGALRM, si_code=SI_KERNEL}", "SI_KERNEL: no source");

	k = si(11, 1);
	check(&k, "{si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=NULL}", "SEGV_MAPERR, NULL");
	k = si(11, 2);
	k.u.fault.addr = 0x7f0012345678ULL;
	check(&k, "{si_signo=SIGSEGV, si_code=SEGV_ACCERR, si_addr=0x7f0012345678}",
	      "SEGV_ACCERR with an address");
	k = si(7, 2);
	k.u.fault.addr = 0x1000;
	check(&k, "{si_signo=SIGBUS, si_code=BUS_ADRERR, si_addr=0x1000}", "BUS_ADRERR");
	k = si(4, 2);
	k.u.fault.addr = 0x401000;
	check(&k, "{si_signo=SIGILL, si_code=ILL_ILLOPN, si_addr=0x401000}", "ILL_ILLOPN");
	k = si(8, 1);
	k.u.fault.addr = 0x401000;
	check(&k, "{si_signo=SIGFPE, si_code=FPE_INTDIV, si_addr=0x401000}", "FPE_INTDIV");
	k = si(5, 1);
	check(&k, "{si_signo=SIGTRAP, si_code=TRAP_BRKPT}", "TRAP_BRKPT");
	k = si(29, 1);
	k.u.poll.band = 65;
	check(&k, "{si_signo=SIGIO, si_code=POLL_IN, si_band=65}", "POLL_IN with si_band");
	k = si(31, 1);
	k.u.sys.call_addr = 0x401000;
	k.u.sys.syscall = 39;
	k.u.sys.arch = 0xc000003e;
	check(&k, "{si_signo=SIGSYS, si_code=SYS_SECCOMP, si_call_addr=0x401000, "
		  "si_syscall=__NR_getpid, si_arch=AUDIT_ARCH_X86_64}", "SIGSYS from seccomp");
	k = si(11, 99);
	check(&k, "{si_signo=SIGSEGV, si_code=99, si_addr=NULL}", "unknown si_code as a number");
	k = si(10, 0);
	k.err = 1;
	check(&k, "{si_signo=SIGUSR1, si_code=SI_USER, si_errno=EPERM, si_pid=0, si_uid=0}",
	      "si_errno when not zero");
	k = si(0, 0);
	check(&k, "{}", "no signal");
	UNIT_EXIT();
}
