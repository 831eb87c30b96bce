// SPDX-License-Identifier: GPL-2.0
/*
 * A delivered signal's siginfo, as strace 6.1 prints it (printsiginfo.c):
 * "{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=5566, si_uid=0,
 * si_status=0, si_utime=0, si_stime=0}". The input is the kernel's
 * struct kernel_siginfo, which has the 64-bit layout whatever the ABI of
 * the thread that receives the signal.
 */
#include <string.h>
#include "decode_priv.h"
#include "syscalls.h"

/* si_code values (<asm-generic/siginfo.h>) */
#define K_SI_USER	0
#define K_SI_KERNEL	0x80
#define K_SI_TIMER	(-2)
#define K_SI_TKILL	(-6)

/* Field offsets in struct kernel_siginfo on a 64-bit kernel. */
#define OFF_SIGNO	0
#define OFF_ERRNO	4
#define OFF_CODE	8
#define OFF_PID		16	/* _kill, _rt, _sigchld */
#define OFF_UID		20
#define OFF_TIMERID	16	/* _timer */
#define OFF_OVERRUN	20
#define OFF_SIGVAL	24	/* _rt, _timer: si_int / si_ptr */
#define OFF_STATUS	24	/* _sigchld */
#define OFF_UTIME	32
#define OFF_STIME	40
#define OFF_ADDR	16	/* _sigfault */
#define OFF_BAND	16	/* _sigpoll */
#define OFF_CALL_ADDR	16	/* _sigsys */
#define OFF_SYSCALL	24
#define OFF_ARCH	28

struct code_name {
	int code;
	const char *name;
};

static const struct code_name generic_codes[] = {
	{ 0, "SI_USER" }, { 0x80, "SI_KERNEL" }, { -1, "SI_QUEUE" },
	{ -2, "SI_TIMER" }, { -3, "SI_MESGQ" }, { -4, "SI_ASYNCIO" },
	{ -5, "SI_SIGIO" }, { -6, "SI_TKILL" }, { -7, "SI_DETHREAD" },
	{ -60, "SI_ASYNCNL" }, { 0, NULL },
};
static const struct code_name trap_codes[] = {
	{ 1, "TRAP_BRKPT" }, { 2, "TRAP_TRACE" }, { 3, "TRAP_BRANCH" },
	{ 4, "TRAP_HWBKPT" }, { 5, "TRAP_UNK" }, { 6, "TRAP_PERF" }, { 0, NULL },
};
static const struct code_name chld_codes[] = {
	{ 1, "CLD_EXITED" }, { 2, "CLD_KILLED" }, { 3, "CLD_DUMPED" },
	{ 4, "CLD_TRAPPED" }, { 5, "CLD_STOPPED" }, { 6, "CLD_CONTINUED" },
	{ 0, NULL },
};
static const struct code_name poll_codes[] = {
	{ 1, "POLL_IN" }, { 2, "POLL_OUT" }, { 3, "POLL_MSG" }, { 4, "POLL_ERR" },
	{ 5, "POLL_PRI" }, { 6, "POLL_HUP" }, { 0, NULL },
};
static const struct code_name prof_codes[] = {
	{ 1, "PROF_SIG" }, { 0, NULL },
};
static const struct code_name ill_codes[] = {
	{ 1, "ILL_ILLOPC" }, { 2, "ILL_ILLOPN" }, { 3, "ILL_ILLADR" },
	{ 4, "ILL_ILLTRP" }, { 5, "ILL_PRVOPC" }, { 6, "ILL_PRVREG" },
	{ 7, "ILL_COPROC" }, { 8, "ILL_BADSTK" }, { 9, "ILL_BADIADDR" },
	{ 0, NULL },
};
static const struct code_name fpe_codes[] = {
	{ 1, "FPE_INTDIV" }, { 2, "FPE_INTOVF" }, { 3, "FPE_FLTDIV" },
	{ 4, "FPE_FLTOVF" }, { 5, "FPE_FLTUND" }, { 6, "FPE_FLTRES" },
	{ 7, "FPE_FLTINV" }, { 8, "FPE_FLTSUB" }, { 9, "FPE_DECOVF" },
	{ 10, "FPE_DECDIV" }, { 11, "FPE_DECERR" }, { 12, "FPE_INVASC" },
	{ 13, "FPE_INVDEC" }, { 14, "FPE_FLTUNK" }, { 15, "FPE_CONDTRAP" },
	{ 0, NULL },
};
static const struct code_name segv_codes[] = {
	{ 1, "SEGV_MAPERR" }, { 2, "SEGV_ACCERR" }, { 3, "SEGV_BNDERR" },
	{ 4, "SEGV_PKUERR" }, { 5, "SEGV_ACCADI" }, { 6, "SEGV_ADIDERR" },
	{ 7, "SEGV_ADIPERR" }, { 8, "SEGV_MTEAERR" }, { 9, "SEGV_MTESERR" },
	{ 0, NULL },
};
static const struct code_name bus_codes[] = {
	{ 1, "BUS_ADRALN" }, { 2, "BUS_ADRERR" }, { 3, "BUS_OBJERR" },
	{ 4, "BUS_MCEERR_AR" }, { 5, "BUS_MCEERR_AO" }, { 0, NULL },
};
static const struct code_name sys_codes[] = {
	{ 1, "SYS_SECCOMP" }, { 2, "SYS_USER_DISPATCH" }, { 0, NULL },
};

static const char *code_lookup(const struct code_name *t, int code)
{
	for (; t->name; t++)
		if (t->code == code)
			return t->name;
	return NULL;
}

static const char *si_code_name(int sig, int code)
{
	const char *name = code_lookup(generic_codes, code);

	if (name)
		return name;
	switch (sig) {
	case 5: return code_lookup(trap_codes, code);	/* SIGTRAP */
	case 17: return code_lookup(chld_codes, code);	/* SIGCHLD */
	case 29: return code_lookup(poll_codes, code);	/* SIGPOLL */
	case 27: return code_lookup(prof_codes, code);	/* SIGPROF */
	case 4: return code_lookup(ill_codes, code);	/* SIGILL */
	case 8: return code_lookup(fpe_codes, code);	/* SIGFPE */
	case 11: return code_lookup(segv_codes, code);	/* SIGSEGV */
	case 7: return code_lookup(bus_codes, code);	/* SIGBUS */
	case 31: return code_lookup(sys_codes, code);	/* SIGSYS */
	}
	return NULL;
}

static __s32 si_s32(const unsigned char *si, size_t off)
{
	__s32 v;

	memcpy(&v, si + off, sizeof(v));
	return v;
}

static __u64 si_u64(const unsigned char *si, size_t off)
{
	__u64 v;

	memcpy(&v, si + off, sizeof(v));
	return v;
}

static void sb_addr(struct strbuf *sb, __u64 addr)
{
	if (addr)
		sb_printf(sb, "%#llx", (unsigned long long)addr);
	else
		sb_puts(sb, "NULL");
}

/* strace's printsigsource */
static void sb_source(struct strbuf *sb, const unsigned char *si)
{
	sb_printf(sb, ", si_pid=%d, si_uid=%u", si_s32(si, OFF_PID),
		  (unsigned int)si_s32(si, OFF_UID));
}

/* strace's printsigval */
static void sb_sigval(struct strbuf *sb, const unsigned char *si)
{
	sb_printf(sb, ", si_int=%d, si_ptr=", si_s32(si, OFF_SIGVAL));
	sb_addr(sb, si_u64(si, OFF_SIGVAL));
}

static void sb_sigsys(struct strbuf *sb, const unsigned char *si)
{
	unsigned int arch = (unsigned int)si_s32(si, OFF_ARCH);
	int nr = si_s32(si, OFF_SYSCALL);
	char buf[SYSCALL_NAME_MAX];

	sb_puts(sb, ", si_call_addr=");
	sb_addr(sb, si_u64(si, OFF_CALL_ADDR));
	sb_puts(sb, ", si_syscall=");
	if (arch == 0xc000003e || arch == 0x40000003)
		sb_printf(sb, "__NR_%s", syscall_name(arch == 0x40000003 ?
			  SYSOBS_ABI_32 : SYSOBS_ABI_64, nr, buf, sizeof(buf)));
	else
		sb_printf(sb, "%u", (unsigned int)nr);
	if (arch == 0xc000003e)
		sb_puts(sb, ", si_arch=AUDIT_ARCH_X86_64");
	else if (arch == 0x40000003)
		sb_puts(sb, ", si_arch=AUDIT_ARCH_I386");
	else
		sb_printf(sb, ", si_arch=%#x /* AUDIT_ARCH_??? */", arch);
}

void decode_siginfo(struct strbuf *sb, const void *ksiginfo)
{
	const unsigned char *si = ksiginfo;
	int sig = si_s32(si, OFF_SIGNO), err = si_s32(si, OFF_ERRNO);
	int code = si_s32(si, OFF_CODE);
	const char *name;

	if (!sig) {
		sb_puts(sb, "{}");
		return;
	}
	sb_puts(sb, "{si_signo=");
	sb_signame(sb, (unsigned int)sig);
	sb_puts(sb, ", si_code=");
	name = si_code_name(sig, code);
	if (name)
		sb_puts(sb, name);
	else
		sb_printf(sb, "%d", code);
	if (err) {
		name = errno_name(err);
		if (name)
			sb_printf(sb, ", si_errno=%s", name);
		else
			sb_printf(sb, ", si_errno=%d", err);
	}
	if (code <= 0) {		/* SI_FROMUSER */
		if (code == K_SI_USER || code == K_SI_TKILL) {
			sb_source(sb, si);
		} else if (code == K_SI_TIMER) {
			sb_printf(sb, ", si_timerid=%#x, si_overrun=%d",
				  (unsigned int)si_s32(si, OFF_TIMERID),
				  si_s32(si, OFF_OVERRUN));
			sb_sigval(sb, si);
		} else {
			sb_source(sb, si);
			if (si_u64(si, OFF_SIGVAL))
				sb_sigval(sb, si);
		}
		sb_puts(sb, "}");
		return;
	}
	switch (sig) {
	case 17:	/* SIGCHLD */
		sb_source(sb, si);
		sb_puts(sb, ", si_status=");
		if (code == 1)	/* CLD_EXITED */
			sb_printf(sb, "%d", si_s32(si, OFF_STATUS));
		else
			sb_signame(sb, (unsigned int)si_s32(si, OFF_STATUS));
		sb_printf(sb, ", si_utime=%llu, si_stime=%llu",
			  (unsigned long long)si_u64(si, OFF_UTIME),
			  (unsigned long long)si_u64(si, OFF_STIME));
		break;
	case 4: case 8: case 11: case 7:	/* SIGILL, SIGFPE, SIGSEGV, SIGBUS */
		sb_puts(sb, ", si_addr=");
		sb_addr(sb, si_u64(si, OFF_ADDR));
		break;
	case 29:	/* SIGPOLL */
		if (code >= 1 && code <= 3)	/* POLL_IN, POLL_OUT, POLL_MSG */
			sb_printf(sb, ", si_band=%lld", (long long)si_u64(si, OFF_BAND));
		break;
	case 31:	/* SIGSYS */
		sb_sigsys(sb, si);
		break;
	default:
		if (si_s32(si, OFF_PID) || si_s32(si, OFF_UID))
			sb_source(sb, si);
		if (si_u64(si, OFF_SIGVAL))
			sb_sigval(sb, si);
		break;
	}
	sb_puts(sb, "}");
}
