/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internals shared by the decoders (decode_*.c), not by their users.
 *
 * How a call is printed: signatures.c gives each syscall name a list of
 * argument kinds (enum arg_kind) and a return kind; decode_kinds.c maps
 * each argument kind to its printer, its direction (in: known at entry,
 * out: filled by the kernel) and what BPF must capture for it. A few calls
 * whose arguments change meaning with another argument (fcntl, futex,
 * clone) have a whole-call printer instead.
 *
 * Where a printer lives: by family, e.g. open flags in decode_file.c,
 * PROT_* in decode_mem.c, signals in decode_signal.c.
 */
#ifndef SYSOBS_DECODE_PRIV_H
#define SYSOBS_DECODE_PRIV_H

#include <string.h>
#include "decode.h"

enum arg_kind {
	/* generic (decode_core.c) */
	K_INT = 0,	/* int, decimal */
	K_UINT,		/* unsigned int, decimal */
	K_LONG,		/* long, decimal */
	K_ULONG,	/* unsigned long / size_t, decimal */
	K_HEX,		/* unsigned long, hex */
	K_PTR,		/* pointer: NULL or its address */
	K_OCTAL,	/* unsigned int, octal (0755) */
	K_FD,		/* file descriptor */
	K_STR,		/* NUL-terminated string, cut at -s */
	K_PATH,		/* NUL-terminated path, not cut */
	K_BUF_IN,	/* bytes given to the kernel; length in the next argument */
	K_BUF_OUT,	/* bytes returned by the kernel; length is the return value */
	K_BUF_OUT_HEX,	/* K_BUF_OUT shown in hex (getrandom) */
	K_PATH_OUT,	/* path returned by the kernel (getcwd), not cut */
	K_INT_OUT,	/* int filled by the kernel: [42] */
	K_INT_IN,	/* int given through a pointer: [0] (sched_param) */
	K_OFF64_LOHI,	/* 64-bit value; on i386 its high half is the next argument */
	K_OFF64_HILO,	/* 64-bit value as high, low halves (_llseek) */
	K_SKIP,		/* the second half of a split value: not shown */
	K_S64_OUT,	/* 64-bit value filled by the kernel: [1234] (_llseek) */
	/* files (decode_file.c) */
	K_DIRFD,	/* fd or AT_FDCWD */
	K_OFLAGS,	/* O_* */
	K_MODE,		/* permission bits, octal */
	K_OPEN_MODE,	/* K_MODE, shown only when the flags before it create a file */
	K_FMODE,	/* file type and permission bits (mknod) */
	K_ACCESS,	/* F_OK or R_OK|W_OK|X_OK */
	K_ATFLAGS,	/* AT_* */
	K_STAT,		/* struct stat, out */
	K_STAT64,	/* struct stat64 (i386), out */
	K_WHENCE,	/* SEEK_* */
	K_PIPEFDS,	/* int[2], out */
	K_RENAME_FLAGS,	/* RENAME_* */
	K_UMOUNT_FLAGS,	/* MNT_* / UMOUNT_* */
	K_STATX_MASK,	/* STATX_* */
	K_STATX,	/* struct statx, out */
	K_DIRENTS,	/* getdents buffer, out: its address and entry count */
	K_FLOCK_OP,	/* LOCK_* */
	K_FADVICE,	/* POSIX_FADV_* */
	K_OPEN_HOW,	/* openat2's struct open_how */
	K_STATFS,	/* struct statfs, out (decode_info.c) */
	K_SYSINFO,	/* struct sysinfo, out (decode_info.c) */
	/* memory (decode_mem.c) */
	K_PROT,		/* PROT_* */
	K_MAPFLAGS,	/* MAP_* */
	K_MADVICE,	/* MADV_* */
	K_MREMAP_FLAGS,	/* MREMAP_* */
	K_MSYNC_FLAGS,	/* MS_* */
	K_MLOCKALL_FLAGS, /* MCL_* */
	K_MPOL_MODE,	/* MPOL_* and mode flags */
	K_GRND_FLAGS,	/* GRND_* */
	K_UTSNAME,	/* struct utsname, out */
	K_BPF_CMD,	/* BPF_* commands */
	K_SECCOMP_OP,	/* SECCOMP_* operations */
	K_MEMFD_FLAGS,	/* MFD_* */
	K_MLOCK2_FLAGS,	/* MLOCK_ONFAULT */
	K_MEMBARRIER_CMD, /* MEMBARRIER_CMD_* */
	K_PGOFF,	/* mmap2's offset in 4096-byte pages, shown in bytes */
	/* processes (decode_process.c) */
	K_CLONE_FLAGS,	/* CLONE_* | exit signal */
	K_CLONE_ARGS,	/* struct clone_args (clone3) */
	K_ARGV,		/* execve argv: ["ls", "-l"] */
	K_ENVP,		/* execve envp: its address and a count of its strings */
	K_WSTATUS,	/* wait status, out */
	K_WAIT_OPTIONS,	/* WNOHANG|__WALL... */
	K_IDTYPE,	/* P_PID, P_ALL... */
	K_PRCTL_OP,	/* PR_* */
	K_ARCH_PRCTL_OP, /* ARCH_* */
	K_SCHED_POLICY,	/* SCHED_* */
	K_PERSONALITY,	/* PER_LINUX|ADDR_NO_RANDOMIZE */
	K_CPUSET_OUT,	/* sched_getaffinity's mask: [0 1] */
	/* signals (decode_signal.c) */
	K_SIGNUM,	/* SIGINT, or 0 */
	K_SIGACTION_IN,	/* struct sigaction given */
	K_SIGACTION_OUT, /* struct sigaction returned */
	K_SIGSET_IN,	/* sigset_t given: [INT TERM] */
	K_SIGSET_OUT,	/* sigset_t returned */
	K_SIGHOW,	/* SIG_BLOCK... */
	K_STACK_IN,	/* stack_t given (sigaltstack) */
	K_STACK_OUT,
	/* networking (decode_net.c) */
	K_SOCK_FAMILY,	/* AF_* */
	K_SOCK_TYPE,	/* SOCK_* | SOCK_CLOEXEC... */
	K_SOCK_PROTO,	/* IPPROTO_* for AF_INET/AF_INET6, else a number */
	K_SOCKADDR_IN,	/* struct sockaddr given; length in the next argument */
	K_SOCKADDR_OUT,	/* struct sockaddr returned */
	K_SOCK_LEVEL,	/* SOL_* */
	K_SOCKOPT,	/* SO_* when the level is SOL_SOCKET */
	K_SOCKOPT_VAL,	/* setsockopt's value: [1] when it is an int */
	K_SOCKOPT_VAL_OUT, /* getsockopt's value: [0] when it is an int */
	K_MSG_FLAGS,	/* MSG_* */
	K_SHUT_HOW,	/* SHUT_* */
	K_SOCK_FLAGS,	/* SOCK_CLOEXEC|SOCK_NONBLOCK (accept4) */
	/* file descriptor control (decode_fd.c) */
	K_IOCTL_CMD,	/* TCGETS, FIONREAD... */
	K_IOCTL_ARG,	/* ioctl's argument: captured for the terminal requests */
	K_FD_FLAGS,	/* O_CLOEXEC, O_NONBLOCK (dup3, pipe2, eventfd2...) */
	K_EPOLL_OP,	/* EPOLL_CTL_* */
	K_POLLFDS,	/* struct pollfd[], count in the next argument */
	K_EPOLL_EVENT,	/* struct epoll_event given (epoll_ctl) */
	K_EPOLL_EVENTS_OUT, /* epoll_wait's events: "[]" when none */
	K_CLOSE_RANGE_FLAGS, /* CLOSE_RANGE_* */
	K_INOTIFY_MASK,	/* IN_* events */
	/* time (decode_time.c) */
	K_CLOCKID,	/* CLOCK_* */
	K_TIMESPEC_IN,	/* struct timespec (old_timespec32 on i386) */
	K_TIMESPEC_OUT,
	K_TIMESPEC64_IN, /* struct __kernel_timespec on both ABIs */
	K_TIMESPEC64_OUT,
	K_SLEEP_REM,	/* nanosleep's remaining time: strace shows the address */
	K_TIMEVAL_OUT,	/* struct timeval (compat on i386) */
	K_TIMER_FLAGS,	/* TIMER_ABSTIME */
	K_ITIMER_WHICH,	/* ITIMER_* */
	K_ITIMERSPEC_IN, /* struct itimerspec (32-bit timespecs on i386) */
	K_ITIMERSPEC_OUT,
	K_ITIMERSPEC64_IN, /* struct __kernel_itimerspec on both ABIs */
	K_ITIMERSPEC64_OUT,
	K_TIMERFD_FLAGS, /* TFD_TIMER_* */
	K_SIGEVENT,	/* struct sigevent given (timer_create, decode_sigevent.c) */
	K_ITIMERVAL_IN,	/* struct itimerval (compat timevals on i386) */
	K_ITIMERVAL_OUT,
	K_UTIMES_IN,	/* utimensat's timespec[2] (32-bit on i386) */
	K_UTIMES64_IN,	/* utimensat_time64's */
	/* resources (decode_resource.c) */
	K_RLIMIT_RES,	/* RLIMIT_* */
	K_RLIMIT64_IN,	/* struct rlimit64 given */
	K_RLIMIT64_OUT,
	K_RLIMIT_OUT,	/* struct rlimit in the ABI's long */
	K_RUSAGE_WHO,	/* RUSAGE_* */
	K_PRIO_WHICH,	/* PRIO_* */
	/* futexes (decode_futex.c) */
	K_FUTEX_OP,	/* FUTEX_WAIT_PRIVATE... */
	NR_ARG_KINDS,
};

enum ret_kind {
	R_INT = 0,	/* decimal: "= 3" */
	R_HEX,		/* addresses: "= 0x7f12..." (mmap, brk) */
	R_NONE,		/* never returns: "= ?" (exit_group) */
	R_OCTAL,	/* umask: "= 022" */
	R_FCNTL,	/* fcntl: flags decoded for F_GETFL/F_GETFD */
	R_TIMEOUT,	/* poll, select: "= 0 (Timeout)" */
	R_PERSONALITY,	/* "= 0 (PER_LINUX)" */
	R_SCHED_POLICY,	/* "= 0 (SCHED_OTHER)" */
};

/* One syscall's prototype as the printers see it. */
struct syscall_sig {
	const char *name;
	unsigned char nargs;
	unsigned char ret;		/* enum ret_kind */
	unsigned char arg[6];		/* enum arg_kind */
};

/* The argument being printed. */
struct arg_ctx {
	const struct decoded_call *call;
	const struct decode_opts *opts;
	int idx;			/* argument index */
};

typedef void (*arg_printer)(struct strbuf *sb, const struct arg_ctx *a);

/* An argument kind: how it prints and what BPF captures for it. */
struct arg_kind_desc {
	arg_printer print;
	/* or, for a flag set or enum in a 32-bit argument: its names */
	const struct name_table *names;
	bool out;			/* written by the kernel: known at exit */
	unsigned char capture;		/* enum sysobs_capture_kind */
	/* STRUCT_*: bytes per ABI; STR_IN, BUF_*: if not 0, bytes captured
	 * instead of -s (paths, directory entries) */
	unsigned short size64, size32;
	/* NULL, or false when strace leaves the argument out (open's mode) */
	bool (*shown)(const struct arg_ctx *a);
};

/* A whole-call printer, for calls whose arguments depend on each other. */
typedef void (*call_printer)(struct strbuf *sb, const struct decoded_call *c,
			     const struct decode_opts *o);

/* signatures.c */
const struct syscall_sig *syscall_sig_of(unsigned int abi, long nr);
const struct syscall_sig *syscall_sig_by_name(unsigned int abi,
					      const char *name);
extern const struct syscall_sig syscall_sigs[];
extern const size_t syscall_sigs_len;

/* decode_kinds.c */
extern const struct arg_kind_desc arg_kinds[NR_ARG_KINDS];
call_printer call_printer_of(const char *name);

/* A value and its symbolic name, for flag and enum tables. */
struct flag_name {
	__u64 value;
	const char *name;
};

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/*
 * Fields of captured memory: unaligned, in the host's byte order (x86's
 * little-endian, the traced program's too).
 */
static inline __u16 get_u16(const unsigned char *p)
{
	__u16 v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static inline __u32 get_u32(const unsigned char *p)
{
	__u32 v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static inline __u64 get_u64(const unsigned char *p)
{
	__u64 v;

	memcpy(&v, p, sizeof(v));
	return v;
}
#define FLAG(v, name) { (v), #name }

/*
 * The names of a flag set ("A|B", print_flags) or of an enum's values
 * (print_enum): an argument kind printed straight from its table.
 */
struct name_table {
	const struct flag_name *names;
	size_t len;
	bool flags;
	const char *zero_name;		/* flags: print_flags's none_name */
	const char *unknown_prefix;	/* enum: print_enum's */
};

#define FLAG_NAMES(t, none_name) \
	{ .names = (t), .len = ARRAY_LEN(t), .flags = true, \
	  .zero_name = (none_name) }
#define ENUM_NAMES(t, prefix) \
	{ .names = (t), .len = ARRAY_LEN(t), .unknown_prefix = (prefix) }

/* decode_core.c: helpers for every printer */
__u64 arg_u(const struct arg_ctx *a);		/* zero-extended to the ABI */
long arg_l(const struct arg_ctx *a);		/* sign-extended from the ABI */
const struct capture *arg_cap(const struct arg_ctx *a);
/* Its captured memory; NULL for a NULL pointer, no capture or a fault. */
const struct capture *arg_captured(const struct arg_ctx *a);
bool arg_is_32(const struct arg_ctx *a);
const char *arg_call_name(const struct arg_ctx *a);
/* Argument idx of the call, zero-extended to the ABI. */
__u64 call_arg(const struct decoded_call *c, int idx);
void print_addr(struct strbuf *sb, const struct arg_ctx *a);
const char *flag_lookup(const struct flag_name *t, size_t n, __u64 v);
/* Is v one of the n values of l (commands that take no argument...)? */
bool in_list(const unsigned int *l, size_t n, unsigned int v);
/* "A|B|0x40": bits by name, the rest in hex; none_name when v is 0. */
void print_flags(struct strbuf *sb, const struct flag_name *t, size_t n,
		 __u64 v, const char *none_name);
/*
 * The name for v; else v in hex with strace's "PREFIX???" comment, or v in
 * decimal when unknown_prefix is NULL.
 */
void print_enum(struct strbuf *sb, const struct flag_name *t, size_t n,
		__u64 v, const char *unknown_prefix);
void print_names(struct strbuf *sb, const struct name_table *t, __u64 v);
/* Copy a captured struct into out: false if NULL, unreadable or short. */
bool cap_struct(const struct arg_ctx *a, void *out, size_t size);
/* cap_struct, or false with the address printed in the struct's place. */
bool cap_struct_or_addr(struct strbuf *sb, const struct arg_ctx *a, void *out,
			size_t size);
void print_generic_arg(struct strbuf *sb, const struct arg_ctx *a,
		       enum arg_kind k);

/* The generic printers (decode_core.c). */
void print_int(struct strbuf *sb, const struct arg_ctx *a);
void print_uint(struct strbuf *sb, const struct arg_ctx *a);
void print_long(struct strbuf *sb, const struct arg_ctx *a);
void print_ulong(struct strbuf *sb, const struct arg_ctx *a);
void print_hex(struct strbuf *sb, const struct arg_ctx *a);
void print_ptr(struct strbuf *sb, const struct arg_ctx *a);
void print_octal(struct strbuf *sb, const struct arg_ctx *a);
void print_fd(struct strbuf *sb, const struct arg_ctx *a);
void print_str(struct strbuf *sb, const struct arg_ctx *a);
void print_path(struct strbuf *sb, const struct arg_ctx *a);
void print_buf_in(struct strbuf *sb, const struct arg_ctx *a);
void print_buf_out(struct strbuf *sb, const struct arg_ctx *a);
void print_path_out(struct strbuf *sb, const struct arg_ctx *a);
void print_buf_out_hex(struct strbuf *sb, const struct arg_ctx *a);
void print_int_out(struct strbuf *sb, const struct arg_ctx *a);
void print_off64_lohi(struct strbuf *sb, const struct arg_ctx *a);
void print_off64_hilo(struct strbuf *sb, const struct arg_ctx *a);
void print_s64_out(struct strbuf *sb, const struct arg_ctx *a);
bool never_shown(const struct arg_ctx *a);

/* decode_file.c */
void print_dirfd(struct strbuf *sb, const struct arg_ctx *a);
void print_oflags(struct strbuf *sb, const struct arg_ctx *a);
void print_mode(struct strbuf *sb, const struct arg_ctx *a);
bool open_mode_shown(const struct arg_ctx *a);
void print_fmode(struct strbuf *sb, const struct arg_ctx *a);
extern const struct name_table access_names;
void print_atflags(struct strbuf *sb, const struct arg_ctx *a);
void print_stat(struct strbuf *sb, const struct arg_ctx *a);
void print_stat64(struct strbuf *sb, const struct arg_ctx *a);
extern const struct name_table whence_names;
void print_pipefds(struct strbuf *sb, const struct arg_ctx *a);
extern const struct name_table rename_flag_names;
extern const struct name_table umount_flag_names;
extern const struct name_table statx_mask_names;
void print_statx(struct strbuf *sb, const struct arg_ctx *a);
void print_dirents(struct strbuf *sb, const struct arg_ctx *a);
extern const struct name_table flock_op_names;
extern const struct name_table fadvice_names;
void print_open_how(struct strbuf *sb, const struct arg_ctx *a);
void print_statfs(struct strbuf *sb, const struct arg_ctx *a);
void print_sysinfo(struct strbuf *sb, const struct arg_ctx *a);
void print_sigevent(struct strbuf *sb, const struct arg_ctx *a);
void sb_oflags(struct strbuf *sb, __u64 flags);

/* decode_mem.c */
extern const struct name_table prot_names;
void print_mapflags(struct strbuf *sb, const struct arg_ctx *a);
extern const struct name_table madvice_names;
extern const struct name_table mremap_flag_names;
extern const struct name_table msync_flag_names;
extern const struct name_table mlockall_flag_names;
void print_pgoff(struct strbuf *sb, const struct arg_ctx *a);
extern const struct name_table memfd_flag_names;
extern const struct name_table mlock2_flag_names;
extern const struct name_table membarrier_cmd_names;
void print_mpol_mode(struct strbuf *sb, const struct arg_ctx *a);
/* decode_misc.c */
extern const struct name_table grnd_flag_names;
void print_utsname(struct strbuf *sb, const struct arg_ctx *a);
extern const struct name_table bpf_cmd_names;
extern const struct name_table seccomp_op_names;

/* decode_process.c */
void print_clone_flags(struct strbuf *sb, const struct arg_ctx *a);
void print_clone_args(struct strbuf *sb, const struct arg_ctx *a);
void print_argv(struct strbuf *sb, const struct arg_ctx *a);
void print_envp(struct strbuf *sb, const struct arg_ctx *a);
void print_wstatus(struct strbuf *sb, const struct arg_ctx *a);
void print_wait_options(struct strbuf *sb, const struct arg_ctx *a);
extern const struct name_table idtype_names;
extern const struct name_table prctl_op_names;
extern const struct name_table arch_prctl_op_names;
void print_sched_policy(struct strbuf *sb, const struct arg_ctx *a);
void print_cpuset_out(struct strbuf *sb, const struct arg_ctx *a);
void print_personality(struct strbuf *sb, const struct arg_ctx *a);
void print_personality_return(struct strbuf *sb, long ret);
void print_sched_policy_return(struct strbuf *sb, long ret);
void print_prctl_call(struct strbuf *sb, const struct decoded_call *c,
		      const struct decode_opts *o);
void print_clone_call(struct strbuf *sb, const struct decoded_call *c,
		      const struct decode_opts *o);

/* decode_signal.c */
void print_signum(struct strbuf *sb, const struct arg_ctx *a);
void print_sigaction_arg(struct strbuf *sb, const struct arg_ctx *a);
void print_sigset_arg(struct strbuf *sb, const struct arg_ctx *a);
extern const struct name_table sighow_names;
void print_stack_arg(struct strbuf *sb, const struct arg_ctx *a);

/* decode_net.c */
void print_sock_family(struct strbuf *sb, const struct arg_ctx *a);
void print_sock_type(struct strbuf *sb, const struct arg_ctx *a);
void print_sock_proto(struct strbuf *sb, const struct arg_ctx *a);
void print_sockaddr_arg(struct strbuf *sb, const struct arg_ctx *a);
extern const struct name_table sock_level_names;
void print_sockopt(struct strbuf *sb, const struct arg_ctx *a);
void print_sockopt_val(struct strbuf *sb, const struct arg_ctx *a);
void print_getsockopt_val(struct strbuf *sb, const struct arg_ctx *a);
extern const struct name_table msg_flag_names;
extern const struct name_table shut_how_names;
extern const struct name_table sock_flag_names;
void sb_sockaddr(struct strbuf *sb, const unsigned char *data, size_t len);

/* decode_fd.c */
void print_ioctl_cmd(struct strbuf *sb, const struct arg_ctx *a);
void print_fd_flags(struct strbuf *sb, const struct arg_ctx *a);
extern const struct name_table epoll_op_names;
void print_epoll_event(struct strbuf *sb, const struct arg_ctx *a);
void print_epoll_events_out(struct strbuf *sb, const struct arg_ctx *a);
void print_pollfds(struct strbuf *sb, const struct arg_ctx *a);
extern const struct name_table close_range_flag_names;
extern const struct name_table inotify_mask_names;
void print_fcntl_call(struct strbuf *sb, const struct decoded_call *c,
		      const struct decode_opts *o);
void print_fcntl_return(struct strbuf *sb, const struct decoded_call *c);
void print_ioctl_call(struct strbuf *sb, const struct decoded_call *c,
		      const struct decode_opts *o);

/* decode_time.c */
void print_clockid(struct strbuf *sb, const struct arg_ctx *a);
void print_timespec_arg(struct strbuf *sb, const struct arg_ctx *a);
void print_timespec64_arg(struct strbuf *sb, const struct arg_ctx *a);
void print_timeval_arg(struct strbuf *sb, const struct arg_ctx *a);
extern const struct name_table timer_flag_names;
extern const struct name_table itimer_which_names;
void print_itimerspec_arg(struct strbuf *sb, const struct arg_ctx *a);
void print_itimerspec64_arg(struct strbuf *sb, const struct arg_ctx *a);
extern const struct name_table timerfd_flag_names;
void print_itimerval_arg(struct strbuf *sb, const struct arg_ctx *a);
void print_utimes_arg(struct strbuf *sb, const struct arg_ctx *a);
void print_utimes64_arg(struct strbuf *sb, const struct arg_ctx *a);

/* decode_resource.c */
extern const struct name_table rlimit_res_names;
void print_rlimit64_arg(struct strbuf *sb, const struct arg_ctx *a);
void print_rlimit_arg(struct strbuf *sb, const struct arg_ctx *a);
void print_rusage_who(struct strbuf *sb, const struct arg_ctx *a);
extern const struct name_table prio_which_names;

/* decode_futex.c */
void print_futex_op(struct strbuf *sb, const struct arg_ctx *a);
void print_futex_call(struct strbuf *sb, const struct decoded_call *c,
		      const struct decode_opts *o);

#endif /* SYSOBS_DECODE_PRIV_H */
