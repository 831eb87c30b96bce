// SPDX-License-Identifier: GPL-2.0
/*
 * Every argument kind: its printer, whether the kernel writes it (an out
 * argument is shown only once the call returned successfully), and what
 * BPF captures for it (decode_capture.c turns this into the capture spec).
 * Sizes are the kernel's layouts for x86-64 and for i386 (compat); a
 * size of 0 for an ABI means the struct is not captured there and its
 * address is printed.
 */
#include <string.h>
#include "decode_priv.h"

/* strings and buffers captured up to this size, not -s: strace shows them whole */
#define WHOLE SYSOBS_CAP_MAX

#define IN(fn) { .print = fn }
#define OUT(fn) { .print = fn, .out = true }
#define NAMES(table) { .names = &(table) }
#define STR(fn) { .print = fn, .capture = SYSOBS_CAP_STR_IN }
#define STRUCT_IN(fn, s64, s32) \
	{ .print = fn, .capture = SYSOBS_CAP_STRUCT_IN, .size64 = s64, .size32 = s32 }
#define STRUCT_OUT(fn, s64, s32) { .print = fn, .out = true, \
	.capture = SYSOBS_CAP_STRUCT_OUT, .size64 = s64, .size32 = s32 }

const struct arg_kind_desc arg_kinds[NR_ARG_KINDS] = {
	[K_INT] = IN(print_int),
	[K_UINT] = IN(print_uint),
	[K_LONG] = IN(print_long),
	[K_ULONG] = IN(print_ulong),
	[K_HEX] = IN(print_hex),
	[K_PTR] = IN(print_ptr),
	[K_OCTAL] = IN(print_octal),
	[K_FD] = IN(print_fd),
	[K_STR] = STR(print_str),
	/* paths and directory entries: whole (PATH_MAX), not cut at -s */
	[K_PATH] = { .print = print_path, .capture = SYSOBS_CAP_STR_IN,
		     .size64 = WHOLE, .size32 = WHOLE },
	[K_BUF_IN] = { .print = print_buf_in, .capture = SYSOBS_CAP_BUF_IN },
	[K_BUF_OUT] = { .print = print_buf_out, .out = true,
			.capture = SYSOBS_CAP_BUF_OUT },
	[K_BUF_OUT_HEX] = { .print = print_buf_out_hex, .out = true,
			   .capture = SYSOBS_CAP_BUF_OUT },
	[K_PATH_OUT] = { .print = print_path_out, .out = true,
			.capture = SYSOBS_CAP_BUF_OUT, .size64 = WHOLE, .size32 = WHOLE },
	[K_INT_OUT] = STRUCT_OUT(print_int_out, 4, 4),
	[K_INT_IN] = STRUCT_IN(print_int_out, 4, 4),
	[K_OFF64_LOHI] = IN(print_off64_lohi),
	[K_OFF64_HILO] = IN(print_off64_hilo),
	[K_SKIP] = { .print = print_hex, .shown = never_shown },
	[K_S64_OUT] = STRUCT_OUT(print_s64_out, 8, 8),

	[K_DIRFD] = IN(print_dirfd),
	[K_OFLAGS] = IN(print_oflags),
	[K_MODE] = IN(print_mode),
	[K_OPEN_MODE] = { .print = print_mode, .shown = open_mode_shown },
	[K_FMODE] = IN(print_fmode),
	[K_ACCESS] = NAMES(access_names),
	[K_ATFLAGS] = IN(print_atflags),
	/* x86-64 struct stat; i386's compat struct stat */
	[K_STAT] = STRUCT_OUT(print_stat, 144, 64),
	[K_STAT64] = STRUCT_OUT(print_stat64, 0, 96),
	[K_WHENCE] = NAMES(whence_names),
	[K_PIPEFDS] = STRUCT_OUT(print_pipefds, 8, 8),
	[K_RENAME_FLAGS] = NAMES(rename_flag_names),
	[K_UMOUNT_FLAGS] = NAMES(umount_flag_names),
	[K_STATX_MASK] = NAMES(statx_mask_names),
	[K_STATX] = STRUCT_OUT(print_statx, 48, 48),
	[K_DIRENTS] = { .print = print_dirents, .out = true,
			.capture = SYSOBS_CAP_BUF_OUT, .size64 = WHOLE, .size32 = WHOLE },
	[K_FLOCK_OP] = NAMES(flock_op_names),
	[K_FADVICE] = NAMES(fadvice_names),
	[K_OPEN_HOW] = STRUCT_IN(print_open_how, 24, 24),
	/* x86-64 struct statfs; i386's compat layouts are not decoded */
	[K_STATFS] = STRUCT_OUT(print_statfs, 120, 0),
	[K_SYSINFO] = STRUCT_OUT(print_sysinfo, 112, 64),
	/* struct sigevent up to the thread id */
	[K_SIGEVENT] = STRUCT_IN(print_sigevent, 20, 16),

	[K_PROT] = NAMES(prot_names),
	[K_MAPFLAGS] = IN(print_mapflags),
	[K_MADVICE] = NAMES(madvice_names),
	[K_MREMAP_FLAGS] = NAMES(mremap_flag_names),
	[K_MSYNC_FLAGS] = NAMES(msync_flag_names),
	[K_MLOCKALL_FLAGS] = NAMES(mlockall_flag_names),
	[K_PGOFF] = IN(print_pgoff),
	[K_MEMFD_FLAGS] = NAMES(memfd_flag_names),
	[K_MLOCK2_FLAGS] = NAMES(mlock2_flag_names),
	[K_MEMBARRIER_CMD] = NAMES(membarrier_cmd_names),
	[K_MPOL_MODE] = IN(print_mpol_mode),
	[K_GRND_FLAGS] = NAMES(grnd_flag_names),
	/* sysname and nodename: 2 of the 6 65-byte fields */
	[K_UTSNAME] = STRUCT_OUT(print_utsname, 130, 130),
	[K_BPF_CMD] = NAMES(bpf_cmd_names),
	[K_SECCOMP_OP] = NAMES(seccomp_op_names),

	[K_CLONE_FLAGS] = IN(print_clone_flags),
	[K_CLONE_ARGS] = STRUCT_IN(print_clone_args, 88, 88),
	[K_ARGV] = { .print = print_argv, .capture = SYSOBS_CAP_ARGV },
	[K_ENVP] = { .print = print_envp, .capture = SYSOBS_CAP_COUNT },
	[K_WSTATUS] = STRUCT_OUT(print_wstatus, 4, 4),
	[K_WAIT_OPTIONS] = IN(print_wait_options),
	[K_IDTYPE] = NAMES(idtype_names),
	[K_PRCTL_OP] = NAMES(prctl_op_names),
	[K_ARCH_PRCTL_OP] = NAMES(arch_prctl_op_names),
	[K_SCHED_POLICY] = IN(print_sched_policy),
	[K_PERSONALITY] = IN(print_personality),
	[K_CPUSET_OUT] = { .print = print_cpuset_out, .out = true,
			   .capture = SYSOBS_CAP_BUF_OUT },

	[K_SIGNUM] = IN(print_signum),
	/* struct sigaction as the kernel takes it: handler, flags, restorer, mask */
	[K_SIGACTION_IN] = STRUCT_IN(print_sigaction_arg, 32, 20),
	[K_SIGACTION_OUT] = STRUCT_OUT(print_sigaction_arg, 32, 20),
	[K_SIGSET_IN] = STRUCT_IN(print_sigset_arg, 8, 8),
	[K_SIGSET_OUT] = STRUCT_OUT(print_sigset_arg, 8, 8),
	[K_SIGHOW] = NAMES(sighow_names),
	[K_STACK_IN] = STRUCT_IN(print_stack_arg, 24, 12),
	[K_STACK_OUT] = STRUCT_OUT(print_stack_arg, 24, 12),

	[K_SOCK_FAMILY] = IN(print_sock_family),
	[K_SOCK_TYPE] = IN(print_sock_type),
	[K_SOCK_PROTO] = IN(print_sock_proto),
	[K_SOCKADDR_IN] = { .print = print_sockaddr_arg,
			    .capture = SYSOBS_CAP_BUF_IN },
	/* sizeof(struct sockaddr_storage): the family says how much is used */
	[K_SOCKADDR_OUT] = STRUCT_OUT(print_sockaddr_arg, 128, 128),
	[K_SOCK_LEVEL] = NAMES(sock_level_names),
	[K_SOCKOPT] = IN(print_sockopt),
	[K_SOCKOPT_VAL] = STRUCT_IN(print_sockopt_val, 4, 4),
	[K_SOCKOPT_VAL_OUT] = STRUCT_OUT(print_getsockopt_val, 4, 4),
	[K_MSG_FLAGS] = NAMES(msg_flag_names),
	[K_SHUT_HOW] = NAMES(shut_how_names),
	[K_SOCK_FLAGS] = NAMES(sock_flag_names),

	[K_IOCTL_CMD] = IN(print_ioctl_cmd),
	/* struct winsize or an int (read at exit: the argument may not point) */
	[K_IOCTL_ARG] = STRUCT_OUT(print_hex, 8, 8),
	[K_FD_FLAGS] = IN(print_fd_flags),
	[K_EPOLL_OP] = NAMES(epoll_op_names),
	/* the first 8 struct pollfd (8 bytes each) */
	[K_POLLFDS] = STRUCT_IN(print_pollfds, 64, 64),
	[K_EPOLL_EVENT] = STRUCT_IN(print_epoll_event, 12, 12),
	/* the first 8 events (12 bytes each) */
	[K_EPOLL_EVENTS_OUT] = STRUCT_OUT(print_epoll_events_out, 96, 96),
	[K_CLOSE_RANGE_FLAGS] = NAMES(close_range_flag_names),
	[K_INOTIFY_MASK] = NAMES(inotify_mask_names),

	[K_CLOCKID] = IN(print_clockid),
	[K_TIMESPEC_IN] = STRUCT_IN(print_timespec_arg, 16, 8),
	[K_TIMESPEC_OUT] = STRUCT_OUT(print_timespec_arg, 16, 8),
	[K_TIMESPEC64_IN] = STRUCT_IN(print_timespec64_arg, 16, 16),
	[K_TIMESPEC64_OUT] = STRUCT_OUT(print_timespec64_arg, 16, 16),
	/*
	 * Written only when the sleep is interrupted, which strace alone
	 * (stopping the call at exit) can show: the address otherwise.
	 */
	[K_SLEEP_REM] = OUT(print_ptr),
	[K_TIMEVAL_OUT] = STRUCT_OUT(print_timeval_arg, 16, 8),
	[K_TIMER_FLAGS] = NAMES(timer_flag_names),
	[K_ITIMER_WHICH] = NAMES(itimer_which_names),
	[K_ITIMERSPEC_IN] = STRUCT_IN(print_itimerspec_arg, 32, 16),
	[K_ITIMERSPEC_OUT] = STRUCT_OUT(print_itimerspec_arg, 32, 16),
	[K_ITIMERSPEC64_IN] = STRUCT_IN(print_itimerspec64_arg, 32, 32),
	[K_ITIMERSPEC64_OUT] = STRUCT_OUT(print_itimerspec64_arg, 32, 32),
	[K_TIMERFD_FLAGS] = NAMES(timerfd_flag_names),
	[K_ITIMERVAL_IN] = STRUCT_IN(print_itimerval_arg, 32, 16),
	[K_ITIMERVAL_OUT] = STRUCT_OUT(print_itimerval_arg, 32, 16),
	[K_UTIMES_IN] = STRUCT_IN(print_utimes_arg, 32, 16),
	[K_UTIMES64_IN] = STRUCT_IN(print_utimes64_arg, 32, 32),

	[K_RLIMIT_RES] = NAMES(rlimit_res_names),
	[K_RLIMIT64_IN] = STRUCT_IN(print_rlimit64_arg, 16, 16),
	[K_RLIMIT64_OUT] = STRUCT_OUT(print_rlimit64_arg, 16, 16),
	[K_RLIMIT_OUT] = STRUCT_OUT(print_rlimit_arg, 16, 8),
	[K_RUSAGE_WHO] = IN(print_rusage_who),
	[K_PRIO_WHICH] = NAMES(prio_which_names),

	[K_FUTEX_OP] = IN(print_futex_op),
};

/* Calls printed as a whole: an argument's meaning depends on another. */
static const struct {
	const char *name;
	call_printer print;
} whole_calls[] = {
	{ "clone", print_clone_call },
	{ "fcntl", print_fcntl_call },
	{ "fcntl64", print_fcntl_call },
	{ "futex", print_futex_call },
	{ "ioctl", print_ioctl_call },
	{ "futex_time64", print_futex_call },
	{ "prctl", print_prctl_call },
};

call_printer call_printer_of(const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(whole_calls); i++)
		if (!strcmp(whole_calls[i].name, name))
			return whole_calls[i].print;
	return NULL;
}
