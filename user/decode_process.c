// SPDX-License-Identifier: GPL-2.0
/*
 * Processes: clone flags and the clone call, execve's argv and envp,
 * wait statuses and options, waitid's idtype, prctl/arch_prctl options.
 */
#include <string.h>
#include "decode_priv.h"

#define CLONE_SIGNAL_MASK	0xff
#define CLONE_PIDFD_BIT		0x1000
#define CLONE_SETTLS_BIT	0x80000
#define CLONE_PARENT_SETTID_BIT	0x100000
#define CLONE_CHILD_CLEARTID_BIT 0x200000
#define CLONE_CHILD_SETTID_BIT	0x1000000

static const struct flag_name clone_flags[] = {
	FLAG(0x100, CLONE_VM), FLAG(0x200, CLONE_FS), FLAG(0x400, CLONE_FILES),
	FLAG(0x800, CLONE_SIGHAND), FLAG(CLONE_PIDFD_BIT, CLONE_PIDFD),
	FLAG(0x2000, CLONE_PTRACE), FLAG(0x4000, CLONE_VFORK),
	FLAG(0x8000, CLONE_PARENT), FLAG(0x10000, CLONE_THREAD),
	FLAG(0x20000, CLONE_NEWNS), FLAG(0x40000, CLONE_SYSVSEM),
	FLAG(CLONE_SETTLS_BIT, CLONE_SETTLS),
	FLAG(CLONE_PARENT_SETTID_BIT, CLONE_PARENT_SETTID),
	FLAG(CLONE_CHILD_CLEARTID_BIT, CLONE_CHILD_CLEARTID),
	FLAG(0x400000, CLONE_DETACHED), FLAG(0x800000, CLONE_UNTRACED),
	FLAG(CLONE_CHILD_SETTID_BIT, CLONE_CHILD_SETTID),
	FLAG(0x2000000, CLONE_NEWCGROUP), FLAG(0x4000000, CLONE_NEWUTS),
	FLAG(0x8000000, CLONE_NEWIPC), FLAG(0x10000000, CLONE_NEWUSER),
	FLAG(0x20000000, CLONE_NEWPID), FLAG(0x40000000, CLONE_NEWNET),
	FLAG(0x80000000, CLONE_IO),
};

/* "CLONE_VM|...|SIGCHLD": the low byte is the child's exit signal. */
static void sb_clone_flags(struct strbuf *sb, __u64 v)
{
	unsigned int sig = v & CLONE_SIGNAL_MASK;

	v &= ~(__u64)CLONE_SIGNAL_MASK;
	if (v)
		print_flags(sb, clone_flags, ARRAY_LEN(clone_flags), v, NULL);
	if (v && sig)
		sb_puts(sb, "|");
	if (sig || !v)
		sb_signame(sb, sig);
}

void print_clone_flags(struct strbuf *sb, const struct arg_ctx *a)
{
	sb_clone_flags(sb, arg_u(a));
}

static void sb_ptr(struct strbuf *sb, __u64 v)
{
	if (v)
		sb_printf(sb, "%#llx", (unsigned long long)v);
	else
		sb_puts(sb, "NULL");
}

/*
 * clone(child_stack=, flags=, parent_tid=, tls=, child_tidptr=): the last
 * three only when the flags use them. The kernel's argument order differs:
 * x86-64 (flags, stack, parent_tid, child_tid, tls), i386 (flags, stack,
 * parent_tid, tls, child_tid).
 */
void print_clone_call(struct strbuf *sb, const struct decoded_call *c,
		      const struct decode_opts *o)
{
	bool i386 = c->abi == SYSOBS_ABI_32;
	__u64 flags = call_arg(c, 0);
	__u64 tls = call_arg(c, i386 ? 3 : 4);
	__u64 child_tid = call_arg(c, i386 ? 4 : 3);

	sb_puts(sb, "child_stack=");
	sb_ptr(sb, call_arg(c, 1));
	sb_puts(sb, ", flags=");
	sb_clone_flags(sb, flags);
	if (flags & (CLONE_PARENT_SETTID_BIT | CLONE_PIDFD_BIT)) {
		sb_puts(sb, ", parent_tid=");
		sb_ptr(sb, call_arg(c, 2));
	}
	if (flags & CLONE_SETTLS_BIT) {
		sb_puts(sb, ", tls=");
		sb_ptr(sb, tls);
	}
	if (flags & (CLONE_CHILD_SETTID_BIT | CLONE_CHILD_CLEARTID_BIT)) {
		sb_puts(sb, ", child_tidptr=");
		sb_ptr(sb, child_tid);
	}
}

void print_argv(struct strbuf *sb, const struct arg_ctx *a)
{
	const struct capture *cap = arg_captured(a);
	size_t off = 0, n = 0, max = a->opts->string_limit;

	if (!cap) {
		print_addr(sb, a);
		return;
	}
	sb_puts(sb, "[");
	while (off < cap->len) {
		size_t len = strnlen((const char *)cap->data + off,
				     cap->len - off);

		if (n)
			sb_puts(sb, ", ");
		if (n == max) {
			sb_puts(sb, "...");
			break;
		}
		decode_quoted(sb, cap->data + off, len, max, false);
		off += len + 1;
		n++;
	}
	if (n < max && (cap->flags & SYSOBS_CAPF_TRUNCATED))
		sb_puts(sb, n ? ", ..." : "...");
	sb_puts(sb, "]");
}

void print_envp(struct strbuf *sb, const struct arg_ctx *a)
{
	const struct capture *cap = arg_captured(a);
	__u32 n;
	bool more;

	print_addr(sb, a);
	if (!cap || cap->len != sizeof(n))
		return;
	memcpy(&n, cap->data, sizeof(n));	/* SYSOBS_CAP_COUNT */
	more = cap->flags & SYSOBS_CAPF_TRUNCATED;
	/* "N+": more entries than BPF counts */
	sb_printf(sb, " /* %u%s var%s */", n, more ? "+" : "",
		  n == 1 && !more ? "" : "s");
}

/* Wait status bits, as the kernel builds them. */
static void sb_wstatus(struct strbuf *sb, unsigned int s)
{
	unsigned int low = s & 0x7f;

	sb_puts(sb, "[{");
	if (low == 0) {
		sb_printf(sb, "WIFEXITED(s) && WEXITSTATUS(s) == %u",
			  (s >> 8) & 0xff);
	} else if (s == 0xffff) {
		sb_puts(sb, "WIFCONTINUED(s)");
	} else if (low == 0x7f) {
		sb_puts(sb, "WIFSTOPPED(s) && WSTOPSIG(s) == ");
		sb_signame(sb, (s >> 8) & 0xff);
	} else {
		sb_puts(sb, "WIFSIGNALED(s) && WTERMSIG(s) == ");
		sb_signame(sb, low);
		if (s & 0x80)
			sb_puts(sb, " && WCOREDUMP(s)");
	}
	sb_puts(sb, "}");
	if (s >> 16)	/* ptrace event bits */
		sb_printf(sb, " | %#x", s & ~0xffffu);
	sb_puts(sb, "]");
}

void print_wstatus(struct strbuf *sb, const struct arg_ctx *a)
{
	__s32 s;

	/* wait4 returning 0 (WNOHANG, nothing yet) wrote no status. */
	if (a->call->ret == 0 || !cap_struct(a, &s, sizeof(s))) {
		print_addr(sb, a);
		return;
	}
	sb_wstatus(sb, (unsigned int)s);
}

static const struct flag_name wait_options[] = {
	FLAG(0x1, WNOHANG), FLAG(0x2, WSTOPPED), FLAG(0x4, WEXITED),
	FLAG(0x8, WCONTINUED), FLAG(0x01000000, WNOWAIT),
	FLAG(0x20000000, __WNOTHREAD), FLAG(0x40000000, __WALL),
	FLAG(0x80000000, __WCLONE),
};

void print_wait_options(struct strbuf *sb, const struct arg_ctx *a)
{
	__u64 v = (__u32)arg_u(a);

	/* 0x2 is WUNTRACED for wait4/waitpid, WSTOPPED for waitid */
	if (strcmp(arg_call_name(a), "waitid") && (v & 0x2)) {
		sb_puts(sb, "WUNTRACED");
		v &= ~(__u64)0x2;
		if (!v)
			return;
		sb_puts(sb, "|");
	}
	print_flags(sb, wait_options, ARRAY_LEN(wait_options), v, NULL);
}

static const struct flag_name idtypes[] = {
	FLAG(0, P_ALL), FLAG(1, P_PID), FLAG(2, P_PGID), FLAG(3, P_PIDFD),
};

const struct name_table idtype_names = ENUM_NAMES(idtypes, "P_");

static const struct flag_name prctl_ops[] = {
	FLAG(1, PR_SET_PDEATHSIG), FLAG(2, PR_GET_PDEATHSIG),
	FLAG(3, PR_GET_DUMPABLE), FLAG(4, PR_SET_DUMPABLE),
	FLAG(7, PR_GET_KEEPCAPS), FLAG(8, PR_SET_KEEPCAPS),
	FLAG(15, PR_SET_NAME), FLAG(16, PR_GET_NAME),
	FLAG(21, PR_GET_SECCOMP), FLAG(22, PR_SET_SECCOMP),
	FLAG(23, PR_CAPBSET_READ), FLAG(24, PR_CAPBSET_DROP),
	FLAG(29, PR_SET_TIMERSLACK), FLAG(30, PR_GET_TIMERSLACK),
	FLAG(35, PR_SET_MM), FLAG(36, PR_SET_CHILD_SUBREAPER),
	FLAG(37, PR_GET_CHILD_SUBREAPER), FLAG(38, PR_SET_NO_NEW_PRIVS),
	FLAG(39, PR_GET_NO_NEW_PRIVS), FLAG(40, PR_GET_TID_ADDRESS),
	FLAG(41, PR_SET_THP_DISABLE), FLAG(42, PR_GET_THP_DISABLE),
	FLAG(47, PR_CAP_AMBIENT), FLAG(0x53564d41, PR_SET_VMA),
	FLAG(0x59616d61, PR_SET_PTRACER),
};

const struct name_table prctl_op_names = ENUM_NAMES(prctl_ops, "PR_");

static const struct flag_name arch_prctl_ops[] = {
	FLAG(0x1001, ARCH_SET_GS), FLAG(0x1002, ARCH_SET_FS),
	FLAG(0x1003, ARCH_GET_FS), FLAG(0x1004, ARCH_GET_GS),
	FLAG(0x1011, ARCH_GET_CPUID), FLAG(0x1012, ARCH_SET_CPUID),
	FLAG(0x1021, ARCH_GET_XCOMP_SUPP), FLAG(0x1022, ARCH_GET_XCOMP_PERM),
	FLAG(0x1023, ARCH_REQ_XCOMP_PERM),
	FLAG(0x1024, ARCH_GET_XCOMP_GUEST_PERM),
	FLAG(0x1025, ARCH_REQ_XCOMP_GUEST_PERM),
	FLAG(0x2001, ARCH_MAP_VDSO_X32), FLAG(0x2002, ARCH_MAP_VDSO_32),
	FLAG(0x2003, ARCH_MAP_VDSO_64),
	FLAG(0x5001, ARCH_SHSTK_ENABLE), FLAG(0x5002, ARCH_SHSTK_DISABLE),
	FLAG(0x5003, ARCH_SHSTK_LOCK), FLAG(0x5005, ARCH_SHSTK_STATUS),
};

const struct name_table arch_prctl_op_names =
	ENUM_NAMES(arch_prctl_ops, "ARCH_");

enum {
	PRCTL_SET_PDEATHSIG = 1, PRCTL_SET_DUMPABLE = 4, PRCTL_SET_NAME = 15,
	PRCTL_CAPBSET_READ = 23, PRCTL_CAPBSET_DROP = 24,
	PRCTL_SET_NO_NEW_PRIVS = 38,
};

/* prctl options strace shows without arguments, or with one number. */
static const unsigned int prctl_no_args[] = {
	3, 7, 13, 21, 30, 31, 32, 39, 42, 58,
};
static const unsigned int prctl_one_number[] = { 8, 14, 29, 36, 41 };
/* ...or with one pointer the kernel writes through. */
static const unsigned int prctl_one_pointer[] = { 2, 16, 37, 40 };

static const char *const capabilities[] = {
	"CHOWN", "DAC_OVERRIDE", "DAC_READ_SEARCH", "FOWNER", "FSETID", "KILL",
	"SETGID", "SETUID", "SETPCAP", "LINUX_IMMUTABLE", "NET_BIND_SERVICE",
	"NET_BROADCAST", "NET_ADMIN", "NET_RAW", "IPC_LOCK", "IPC_OWNER",
	"SYS_MODULE", "SYS_RAWIO", "SYS_CHROOT", "SYS_PTRACE", "SYS_PACCT",
	"SYS_ADMIN", "SYS_BOOT", "SYS_NICE", "SYS_RESOURCE", "SYS_TIME",
	"SYS_TTY_CONFIG", "MKNOD", "LEASE", "AUDIT_WRITE", "AUDIT_CONTROL",
	"SETFCAP", "MAC_OVERRIDE", "MAC_ADMIN", "SYSLOG", "WAKE_ALARM",
	"BLOCK_SUSPEND", "AUDIT_READ", "PERFMON", "BPF", "CHECKPOINT_RESTORE",
};

static const struct flag_name dumpable_modes[] = {
	FLAG(0, SUID_DUMP_DISABLE), FLAG(1, SUID_DUMP_USER),
	FLAG(2, SUID_DUMP_ROOT),
};

static void sb_capability(struct strbuf *sb, __u64 cap)
{
	if (cap < ARRAY_LEN(capabilities))
		sb_printf(sb, "CAP_%s", capabilities[cap]);
	else
		sb_printf(sb, "%#llx /* CAP_??? */", (unsigned long long)cap);
}

/* The argument after the option, for the options with one meaningful one. */
static bool prctl_one_arg(struct strbuf *sb, const struct decoded_call *c,
			  const struct decode_opts *o, unsigned int op)
{
	struct arg_ctx name = { c, o, 1 };
	__u64 v = call_arg(c, 1);

	if (op == PRCTL_SET_PDEATHSIG)
		sb_signame(sb, v);
	else if (op == PRCTL_SET_DUMPABLE)
		print_enum(sb, dumpable_modes, ARRAY_LEN(dumpable_modes), v,
			   "SUID_DUMP_");
	else if (op == PRCTL_CAPBSET_READ || op == PRCTL_CAPBSET_DROP)
		sb_capability(sb, v);
	else if (op == PRCTL_SET_NAME)
		print_str(sb, &name);
	else if (in_list(prctl_one_number, ARRAY_LEN(prctl_one_number), op))
		sb_printf(sb, "%llu", (unsigned long long)v);
	else if (in_list(prctl_one_pointer, ARRAY_LEN(prctl_one_pointer), op))
		print_addr(sb, &name);
	else
		return false;
	return true;
}

/* prctl(PR_SET_NAME, "x"), prctl(PR_GET_DUMPABLE): what strace shows. */
void print_prctl_call(struct strbuf *sb, const struct decoded_call *c,
		      const struct decode_opts *o)
{
	unsigned int op = (unsigned int)call_arg(c, 0);
	const char *fmt = "%#llx";
	int i;

	print_enum(sb, prctl_ops, ARRAY_LEN(prctl_ops), op, "PR_");
	if (in_list(prctl_no_args, ARRAY_LEN(prctl_no_args), op))
		return;
	sb_puts(sb, ", ");
	if (prctl_one_arg(sb, c, o, op))
		return;
	if (op == PRCTL_SET_NO_NEW_PRIVS)
		fmt = "%llu";
	for (i = 1; i < 5; i++) {
		sb_puts(sb, i > 1 ? ", " : "");
		sb_printf(sb, fmt, (unsigned long long)call_arg(c, i));
	}
}

#define SCHED_RESET_ON_FORK_BIT 0x40000000

static const struct flag_name sched_policies[] = {
	FLAG(0, SCHED_OTHER), FLAG(1, SCHED_FIFO), FLAG(2, SCHED_RR),
	FLAG(3, SCHED_BATCH), FLAG(5, SCHED_IDLE), FLAG(6, SCHED_DEADLINE),
	FLAG(7, SCHED_EXT),
};

void print_sched_policy(struct strbuf *sb, const struct arg_ctx *a)
{
	__u32 v = (__u32)arg_u(a);

	print_enum(sb, sched_policies, ARRAY_LEN(sched_policies),
		   v & ~SCHED_RESET_ON_FORK_BIT, "SCHED_");
	if (v & SCHED_RESET_ON_FORK_BIT)
		sb_puts(sb, "|SCHED_RESET_ON_FORK");
}

/* struct clone_args: eleven __u64, the same on both ABIs. */
enum clone_args_field {
	CA_FLAGS, CA_PIDFD, CA_CHILD_TID, CA_PARENT_TID, CA_EXIT_SIGNAL,
	CA_STACK, CA_STACK_SIZE, CA_TLS, CA_SET_TID, CA_SET_TID_SIZE,
	CA_CGROUP, CA_NR_FIELDS,
};

#define CLONE_INTO_CGROUP_BIT 0x200000000ULL

static const struct flag_name clone3_flags[] = {
	FLAG(CLONE_INTO_CGROUP_BIT, CLONE_INTO_CGROUP),
	FLAG(0x100000000ULL, CLONE_CLEAR_SIGHAND),
};

/* "{flags=..., child_tid=..., exit_signal=0, stack=..., ...}" like strace. */
void print_clone_args(struct strbuf *sb, const struct arg_ctx *a)
{
	__u64 f[CA_NR_FIELDS];

	if (!cap_struct_or_addr(sb, a, f, sizeof(f)))
		return;
	sb_puts(sb, "{flags=");
	if (f[CA_FLAGS] >> 32) {
		print_flags(sb, clone3_flags, ARRAY_LEN(clone3_flags),
			    f[CA_FLAGS] & ~0xffffffffULL, NULL);
		if (f[CA_FLAGS] & 0xffffffffULL)
			sb_puts(sb, "|");
	}
	if ((f[CA_FLAGS] & 0xffffffffULL) || !(f[CA_FLAGS] >> 32))
		print_flags(sb, clone_flags, ARRAY_LEN(clone_flags),
			    f[CA_FLAGS] & 0xffffffffULL, NULL);
	if (f[CA_FLAGS] & CLONE_PIDFD_BIT)
		sb_printf(sb, ", pidfd=%#llx", (unsigned long long)f[CA_PIDFD]);
	if (f[CA_FLAGS] & (CLONE_CHILD_SETTID_BIT | CLONE_CHILD_CLEARTID_BIT)) {
		sb_puts(sb, ", child_tid=");
		sb_ptr(sb, f[CA_CHILD_TID]);
	}
	if (f[CA_FLAGS] & CLONE_PARENT_SETTID_BIT) {
		sb_puts(sb, ", parent_tid=");
		sb_ptr(sb, f[CA_PARENT_TID]);
	}
	sb_puts(sb, ", exit_signal=");
	sb_signame(sb, f[CA_EXIT_SIGNAL]);
	sb_puts(sb, ", stack=");
	sb_ptr(sb, f[CA_STACK]);
	sb_printf(sb, ", stack_size=%#llx", (unsigned long long)f[CA_STACK_SIZE]);
	if (f[CA_FLAGS] & CLONE_SETTLS_BIT) {
		sb_puts(sb, ", tls=");
		sb_ptr(sb, f[CA_TLS]);
	}
	if (f[CA_SET_TID] || f[CA_SET_TID_SIZE])
		sb_printf(sb, ", set_tid=%#llx, set_tid_size=%llu",
			  (unsigned long long)f[CA_SET_TID],
			  (unsigned long long)f[CA_SET_TID_SIZE]);
	if (f[CA_FLAGS] & CLONE_INTO_CGROUP_BIT)
		sb_printf(sb, ", cgroup=%llu", (unsigned long long)f[CA_CGROUP]);
	sb_puts(sb, "}");
}

/* sched_getaffinity's mask (the return value is its size): "[0 1]". */
void print_cpuset_out(struct strbuf *sb, const struct arg_ctx *a)
{
	const struct capture *cap = arg_captured(a);
	size_t len = a->call->ret, cpu;
	bool first = true;

	if (!cap || cap->len < len) {
		print_addr(sb, a);
		return;
	}
	sb_puts(sb, "[");
	for (cpu = 0; cpu < len * 8; cpu++) {
		if (!(cap->data[cpu / 8] & (1u << (cpu % 8))))
			continue;
		sb_printf(sb, first ? "%zu" : " %zu", cpu);
		first = false;
	}
	sb_puts(sb, "]");
}

#define PER_MASK 0xff
#define PER_QUERY 0xffffffffu

static const struct flag_name personas[] = {
	FLAG(0x00, PER_LINUX), FLAG(0x08, PER_LINUX32),
	FLAG(0x0008 | 0x0800000, PER_LINUX32_3GB),
};

static const struct flag_name persona_flags[] = {
	FLAG(0x0020000, UNAME26), FLAG(0x0040000, ADDR_NO_RANDOMIZE),
	FLAG(0x0080000, FDPIC_FUNCPTRS), FLAG(0x0100000, MMAP_PAGE_ZERO),
	FLAG(0x0200000, ADDR_COMPAT_LAYOUT), FLAG(0x0400000, READ_IMPLIES_EXEC),
	FLAG(0x0800000, ADDR_LIMIT_32BIT), FLAG(0x1000000, SHORT_INODE),
	FLAG(0x2000000, WHOLE_SECONDS), FLAG(0x4000000, STICKY_TIMEOUTS),
	FLAG(0x8000000, ADDR_LIMIT_3GB),
};

/* "PER_LINUX|ADDR_NO_RANDOMIZE": the persona, then its flags. */
static void sb_personality(struct strbuf *sb, __u32 v)
{
	print_enum(sb, personas, ARRAY_LEN(personas), v & PER_MASK, "PER_");
	v &= ~PER_MASK;
	if (!v)
		return;
	sb_puts(sb, "|");
	print_flags(sb, persona_flags, ARRAY_LEN(persona_flags), v, NULL);
}

void print_personality(struct strbuf *sb, const struct arg_ctx *a)
{
	__u32 v = (__u32)arg_u(a);

	if (v == PER_QUERY)	/* asks for the current one */
		sb_printf(sb, "%#x", v);
	else
		sb_personality(sb, v);
}

/* personality's return: "= 0x40000 (PER_LINUX|ADDR_NO_RANDOMIZE)". */
void print_personality_return(struct strbuf *sb, long ret)
{
	sb_printf(sb, ret ? " = %#lx (" : " = %ld (", ret);
	sb_personality(sb, (__u32)ret);
	sb_puts(sb, ")");
}

/* sched_getscheduler's return: "= 0 (SCHED_OTHER)". */
void print_sched_policy_return(struct strbuf *sb, long ret)
{
	sb_printf(sb, " = %ld (", ret);
	print_enum(sb, sched_policies, ARRAY_LEN(sched_policies),
		   ret & ~SCHED_RESET_ON_FORK_BIT, "SCHED_");
	if (ret & SCHED_RESET_ON_FORK_BIT)
		sb_puts(sb, "|SCHED_RESET_ON_FORK");
	sb_puts(sb, ")");
}
