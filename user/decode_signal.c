// SPDX-License-Identifier: GPL-2.0
/*
 * Signals: names, sigsets ("[INT TERM]", "~[]" when most are set), the
 * kernel's struct sigaction (x86-64 and i386 compat layouts), SA_* flags,
 * rt_sigprocmask's how, sigaltstack's stack_t.
 */
#include <string.h>
#include "decode_priv.h"

#define NSIG_KERNEL 64
#define SIGRTMIN_KERNEL 32

static const char *const signames[SIGRTMIN_KERNEL] = {
	[1] = "HUP", [2] = "INT", [3] = "QUIT", [4] = "ILL", [5] = "TRAP",
	[6] = "ABRT", [7] = "BUS", [8] = "FPE", [9] = "KILL", [10] = "USR1",
	[11] = "SEGV", [12] = "USR2", [13] = "PIPE", [14] = "ALRM",
	[15] = "TERM", [16] = "STKFLT", [17] = "CHLD", [18] = "CONT",
	[19] = "STOP", [20] = "TSTP", [21] = "TTIN", [22] = "TTOU",
	[23] = "URG", [24] = "XCPU", [25] = "XFSZ", [26] = "VTALRM",
	[27] = "PROF", [28] = "WINCH", [29] = "IO", [30] = "PWR", [31] = "SYS",
};

/* Name without "SIG": "INT", "RTMIN", "RT_3"; false for other numbers. */
static bool short_signame(struct strbuf *sb, unsigned int sig)
{
	if (sig > 0 && sig < SIGRTMIN_KERNEL) {
		sb_puts(sb, signames[sig]);
	} else if (sig == SIGRTMIN_KERNEL) {
		sb_puts(sb, "RTMIN");
	} else if (sig > SIGRTMIN_KERNEL && sig <= NSIG_KERNEL) {
		sb_printf(sb, "RT_%u", sig - SIGRTMIN_KERNEL);
	} else {
		return false;
	}
	return true;
}

void sb_signame(struct strbuf *sb, unsigned int sig)
{
	if (sig == 0 || sig > NSIG_KERNEL) {
		sb_printf(sb, "%d", (int)sig);
		return;
	}
	sb_puts(sb, "SIG");
	short_signame(sb, sig);
}

void print_signum(struct strbuf *sb, const struct arg_ctx *a)
{
	sb_signame(sb, (unsigned int)arg_u(a));
}

/* A 64-signal set; strace prints the complement when most bits are set. */
static void sb_sigset(struct strbuf *sb, __u64 set)
{
	unsigned int sig;
	bool first = true;

	if (__builtin_popcountll(set) > NSIG_KERNEL / 2) {
		sb_puts(sb, "~");
		set = ~set;
	}
	sb_puts(sb, "[");
	for (sig = 1; sig <= NSIG_KERNEL; sig++) {
		if (!(set & (1ULL << (sig - 1))))
			continue;
		if (!first)
			sb_puts(sb, " ");
		short_signame(sb, sig);
		first = false;
	}
	sb_puts(sb, "]");
}

void print_sigset_arg(struct strbuf *sb, const struct arg_ctx *a)
{
	__u64 set;

	if (cap_struct_or_addr(sb, a, &set, sizeof(set)))
		sb_sigset(sb, set);
}

static const struct flag_name sighows[] = {
	FLAG(0, SIG_BLOCK), FLAG(1, SIG_UNBLOCK), FLAG(2, SIG_SETMASK),
};

const struct name_table sighow_names = ENUM_NAMES(sighows, "SIG_");

#define SA_RESTORER_VALUE 0x04000000

static const struct flag_name sa_flags[] = {
	FLAG(SA_RESTORER_VALUE, SA_RESTORER), FLAG(0x08000000, SA_ONSTACK),
	FLAG(0x10000000, SA_RESTART), FLAG(0x40000000, SA_NODEFER),
	FLAG(0x80000000, SA_RESETHAND), FLAG(0x4, SA_SIGINFO),
	FLAG(0x1, SA_NOCLDSTOP), FLAG(0x2, SA_NOCLDWAIT),
	FLAG(0x400, SA_UNSUPPORTED), FLAG(0x800, SA_EXPOSE_TAGBITS),
};

/* The kernel's struct sigaction, ABI-independent. */
struct sigaction_view {
	__u64 handler, flags, restorer, mask;
};

static bool read_sigaction(const struct arg_ctx *a, struct sigaction_view *sa)
{
	unsigned char raw[32];
	__u32 w[3];

	if (!arg_is_32(a)) {
		if (!cap_struct(a, raw, 32))
			return false;
		memcpy(sa, raw, sizeof(*sa));
		return true;
	}
	/* i386: three 32-bit words, then the 64-bit mask */
	if (!cap_struct(a, raw, 20))
		return false;
	memcpy(w, raw, sizeof(w));
	memcpy(&sa->mask, raw + 12, sizeof(sa->mask));
	sa->handler = w[0];
	sa->flags = w[1];
	sa->restorer = w[2];
	return true;
}

static void sb_sighandler(struct strbuf *sb, __u64 handler)
{
	if (handler == 0)
		sb_puts(sb, "SIG_DFL");
	else if (handler == 1)
		sb_puts(sb, "SIG_IGN");
	else
		sb_printf(sb, "%#llx", (unsigned long long)handler);
}

void print_sigaction_arg(struct strbuf *sb, const struct arg_ctx *a)
{
	struct sigaction_view sa;

	if (!read_sigaction(a, &sa)) {
		print_addr(sb, a);
		return;
	}
	sb_puts(sb, "{sa_handler=");
	sb_sighandler(sb, sa.handler);
	sb_puts(sb, ", sa_mask=");
	sb_sigset(sb, sa.mask);
	sb_puts(sb, ", sa_flags=");
	/* all 64 bits: an int's flags sign-extended show up, as in strace */
	print_flags(sb, sa_flags, ARRAY_LEN(sa_flags), sa.flags, NULL);
	if (sa.flags & SA_RESTORER_VALUE)
		sb_printf(sb, ", sa_restorer=%#llx",
			  (unsigned long long)sa.restorer);
	sb_puts(sb, "}");
}

static const struct flag_name ss_flags[] = {
	FLAG(1, SS_ONSTACK), FLAG(2, SS_DISABLE), FLAG(0x80000000, SS_AUTODISARM),
};

/* stack_t: ss_sp, int ss_flags, ss_size (x86-64: 24 bytes, i386: 12). */
void print_stack_arg(struct strbuf *sb, const struct arg_ctx *a)
{
	unsigned char raw[24];
	__u64 sp, size;
	__u32 flags, w[3];

	if (arg_is_32(a) && cap_struct(a, w, sizeof(w))) {
		sp = w[0];
		flags = w[1];
		size = w[2];
	} else if (!arg_is_32(a) && cap_struct(a, raw, sizeof(raw))) {
		sp = get_u64(raw);
		flags = get_u32(raw + 8);
		size = get_u64(raw + 16);
	} else {
		print_addr(sb, a);
		return;
	}
	sb_puts(sb, "{ss_sp=");
	if (sp)
		sb_printf(sb, "%#llx", (unsigned long long)sp);
	else
		sb_puts(sb, "NULL");
	sb_puts(sb, ", ss_flags=");
	print_flags(sb, ss_flags, ARRAY_LEN(ss_flags), flags, NULL);
	sb_printf(sb, ", ss_size=%llu}", (unsigned long long)size);
}
