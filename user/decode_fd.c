// SPDX-License-Identifier: GPL-2.0
/*
 * File descriptor control and waiting: fcntl (the whole call, since the
 * third argument's meaning depends on the command, and its return), ioctl
 * (the whole call too, with the terminal requests' argument decoded), the
 * O_CLOEXEC/O_NONBLOCK flags of the fd-creating calls, close_range and
 * inotify flags, epoll_ctl ops, poll's array.
 */
#include <string.h>
#include "decode_priv.h"

enum {
	FCNTL_GETFD = 1, FCNTL_SETFD = 2, FCNTL_GETFL = 3, FCNTL_SETFL = 4,
	FCNTL_GETOWN = 9, FCNTL_SETSIG = 10, FCNTL_GETSIG = 11,
	FCNTL_SETLEASE = 1024, FCNTL_GETLEASE = 1025, FCNTL_NOTIFY = 1026,
	FCNTL_GETPIPE_SZ = 1032, FCNTL_ADD_SEALS = 1033, FCNTL_GET_SEALS = 1034,
};

static const struct flag_name fcntl_cmds[] = {
	FLAG(0, F_DUPFD), FLAG(1, F_GETFD), FLAG(2, F_SETFD), FLAG(3, F_GETFL),
	FLAG(4, F_SETFL), FLAG(5, F_GETLK), FLAG(6, F_SETLK), FLAG(7, F_SETLKW),
	FLAG(8, F_SETOWN), FLAG(9, F_GETOWN), FLAG(10, F_SETSIG),
	FLAG(11, F_GETSIG), FLAG(12, F_GETLK64), FLAG(13, F_SETLK64),
	FLAG(14, F_SETLKW64), FLAG(15, F_SETOWN_EX), FLAG(16, F_GETOWN_EX),
	FLAG(17, F_GETOWNER_UIDS), FLAG(36, F_OFD_GETLK),
	FLAG(37, F_OFD_SETLK), FLAG(38, F_OFD_SETLKW),
	FLAG(1024, F_SETLEASE), FLAG(1025, F_GETLEASE), FLAG(1026, F_NOTIFY),
	FLAG(1027, F_DUPFD_QUERY), FLAG(1028, F_CREATED_QUERY),
	FLAG(1029, F_CANCELLK), FLAG(1030, F_DUPFD_CLOEXEC),
	FLAG(1031, F_SETPIPE_SZ), FLAG(1032, F_GETPIPE_SZ),
	FLAG(1033, F_ADD_SEALS), FLAG(1034, F_GET_SEALS),
	FLAG(1035, F_GET_RW_HINT), FLAG(1036, F_SET_RW_HINT),
	FLAG(1037, F_GET_FILE_RW_HINT), FLAG(1038, F_SET_FILE_RW_HINT),
};

/* Commands that read or write a struct through the third argument. */
static const unsigned int fcntl_ptr_cmds[] = {
	5, 6, 7, 12, 13, 14, 15, 16, 17, 36, 37, 38, 1035, 1036, 1037, 1038,
};

/* Commands without a third argument. */
static const unsigned int fcntl_no_arg_cmds[] = {
	FCNTL_GETFD, FCNTL_GETFL, FCNTL_GETOWN, FCNTL_GETSIG, FCNTL_GETLEASE,
	FCNTL_GETPIPE_SZ, FCNTL_GET_SEALS, 1028,
};

static const struct flag_name fd_flags[] = { FLAG(1, FD_CLOEXEC) };

static const struct flag_name lease_types[] = {
	FLAG(0, F_RDLCK), FLAG(1, F_WRLCK), FLAG(2, F_UNLCK),
};

static const struct flag_name seals[] = {
	FLAG(1, F_SEAL_SEAL), FLAG(2, F_SEAL_SHRINK), FLAG(4, F_SEAL_GROW),
	FLAG(8, F_SEAL_WRITE), FLAG(0x10, F_SEAL_FUTURE_WRITE),
	FLAG(0x20, F_SEAL_EXEC),
};

static const struct flag_name dn_flags[] = {
	FLAG(1, DN_ACCESS), FLAG(2, DN_MODIFY), FLAG(4, DN_CREATE),
	FLAG(8, DN_DELETE), FLAG(0x10, DN_RENAME), FLAG(0x20, DN_ATTRIB),
	FLAG(0x80000000, DN_MULTISHOT),
};

static void sb_fcntl_arg(struct strbuf *sb, unsigned int cmd, __u64 arg)
{
	if (cmd == FCNTL_SETFD)
		print_flags(sb, fd_flags, ARRAY_LEN(fd_flags), arg, NULL);
	else if (cmd == FCNTL_SETFL)
		sb_oflags(sb, arg);
	else if (cmd == FCNTL_SETSIG)
		sb_signame(sb, arg);
	else if (cmd == FCNTL_SETLEASE)
		print_enum(sb, lease_types, ARRAY_LEN(lease_types), arg, "F_");
	else if (cmd == FCNTL_ADD_SEALS)
		print_flags(sb, seals, ARRAY_LEN(seals), arg, NULL);
	else if (cmd == FCNTL_NOTIFY)
		print_flags(sb, dn_flags, ARRAY_LEN(dn_flags), arg, NULL);
	else if (in_list(fcntl_ptr_cmds, ARRAY_LEN(fcntl_ptr_cmds), cmd))
		sb_printf(sb, arg ? "%#llx" : "NULL", (unsigned long long)arg);
	else if (!flag_lookup(fcntl_cmds, ARRAY_LEN(fcntl_cmds), cmd))
		sb_printf(sb, "%#llx", (unsigned long long)arg);
	else
		sb_printf(sb, "%d", (int)arg);
}

void print_fcntl_call(struct strbuf *sb, const struct decoded_call *c,
		      const struct decode_opts *o)
{
	unsigned int cmd = (unsigned int)call_arg(c, 1);

	sb_printf(sb, "%d, ", (int)call_arg(c, 0));
	print_enum(sb, fcntl_cmds, ARRAY_LEN(fcntl_cmds), cmd, "F_");
	if (in_list(fcntl_no_arg_cmds, ARRAY_LEN(fcntl_no_arg_cmds), cmd))
		return;
	sb_puts(sb, ", ");
	sb_fcntl_arg(sb, cmd, call_arg(c, 2));
}

/* F_GETFL and F_GETFD return flags: "= 0x8002 (flags O_RDWR|O_LARGEFILE)". */
void print_fcntl_return(struct strbuf *sb, const struct decoded_call *c)
{
	unsigned int cmd = (unsigned int)call_arg(c, 1);
	unsigned long ret = (unsigned long)c->ret;

	if (cmd == FCNTL_GETFL) {
		sb_printf(sb, " = %#lx (flags ", ret);
		sb_oflags(sb, ret);
		sb_puts(sb, ")");
	} else if (cmd == FCNTL_GETFD && ret) {
		sb_printf(sb, " = %#lx (flags ", ret);
		print_flags(sb, fd_flags, ARRAY_LEN(fd_flags), ret, NULL);
		sb_puts(sb, ")");
	} else {
		sb_printf(sb, " = %ld", (long)c->ret);
	}
}

static const struct flag_name ioctl_cmds[] = {
	FLAG(0x5401, TCGETS), FLAG(0x5402, TCSETS), FLAG(0x5403, TCSETSW),
	FLAG(0x5404, TCSETSF), FLAG(0x5405, TCGETA), FLAG(0x5406, TCSETA),
	FLAG(0x5407, TCSETAW), FLAG(0x5408, TCSETAF), FLAG(0x5409, TCSBRK),
	FLAG(0x540a, TCXONC), FLAG(0x540b, TCFLSH), FLAG(0x540c, TIOCEXCL),
	FLAG(0x540d, TIOCNXCL), FLAG(0x540e, TIOCSCTTY),
	FLAG(0x540f, TIOCGPGRP), FLAG(0x5410, TIOCSPGRP),
	FLAG(0x5411, TIOCOUTQ), FLAG(0x5412, TIOCSTI),
	FLAG(0x5413, TIOCGWINSZ), FLAG(0x5414, TIOCSWINSZ),
	FLAG(0x5415, TIOCMGET), FLAG(0x5416, TIOCMBIS), FLAG(0x5417, TIOCMBIC),
	FLAG(0x5418, TIOCMSET), FLAG(0x5419, TIOCGSOFTCAR),
	FLAG(0x541a, TIOCSSOFTCAR), FLAG(0x541b, FIONREAD),
	FLAG(0x541c, TIOCLINUX), FLAG(0x541d, TIOCCONS),
	FLAG(0x541e, TIOCGSERIAL), FLAG(0x541f, TIOCSSERIAL),
	FLAG(0x5420, TIOCPKT), FLAG(0x5421, FIONBIO), FLAG(0x5422, TIOCNOTTY),
	FLAG(0x5423, TIOCSETD), FLAG(0x5424, TIOCGETD), FLAG(0x5425, TCSBRKP),
	FLAG(0x5427, TIOCSBRK), FLAG(0x5428, TIOCCBRK), FLAG(0x5429, TIOCGSID),
	FLAG(0x802c542a, TCGETS2), FLAG(0x402c542b, TCSETS2),
	FLAG(0x80045430, TIOCGPTN), FLAG(0x40045431, TIOCSPTLCK),
	FLAG(0x80045432, TIOCGDEV), FLAG(0x80045438, TIOCGPKT),
	FLAG(0x80045439, TIOCGPTLCK), FLAG(0x5441, TIOCGPTPEER),
	FLAG(0x5450, FIONCLEX), FLAG(0x5451, FIOCLEX), FLAG(0x5452, FIOASYNC),
	FLAG(0x5459, TIOCSERGETLSR), FLAG(0x545d, TIOCGICOUNT),
	FLAG(0x5460, FIOQSIZE), FLAG(0x8901, FIOSETOWN),
	FLAG(0x8903, FIOGETOWN), FLAG(0x8910, SIOCGIFNAME),
	FLAG(0x8912, SIOCGIFCONF), FLAG(0x8913, SIOCGIFFLAGS),
	FLAG(0x8915, SIOCGIFADDR), FLAG(0x8921, SIOCGIFMTU),
	FLAG(0x8927, SIOCGIFHWADDR), FLAG(0x8933, SIOCGIFINDEX),
	FLAG(0x80086601, FS_IOC_GETFLAGS), FLAG(0x40086602, FS_IOC_SETFLAGS),
	FLAG(0x80046601, FS_IOC32_GETFLAGS), FLAG(0x40046602, FS_IOC32_SETFLAGS),
	/* strace names the btrfs request that FICLONE generalized, too */
	{ 0x40049409, "BTRFS_IOC_CLONE or FICLONE" },
	FLAG(0x4020940d, FICLONERANGE),
	FLAG(0xc0189436, FIDEDUPERANGE), FLAG(0x80081272, BLKGETSIZE64),
	FLAG(0x1268, BLKSSZGET), FLAG(0x1, FIBMAP), FLAG(0x2, FIGETBSZ),
	FLAG(0x80045200, RNDGETENTCNT),
};

void print_ioctl_cmd(struct strbuf *sb, const struct arg_ctx *a)
{
	__u32 cmd = (__u32)arg_u(a);
	const char *name = flag_lookup(ioctl_cmds, ARRAY_LEN(ioctl_cmds), cmd);

	if (name)
		sb_puts(sb, name);
	else
		sb_printf(sb, "%#x", cmd);
}

/*
 * The fd-creating calls share O_NONBLOCK/O_CLOEXEC under their own prefix,
 * and strace lists the two in a per-call order.
 */
static const struct {
	const char *call, *prefix;
	bool cloexec_first;
} fd_flag_styles[] = {
	{ "eventfd2", "EFD_", true }, { "epoll_create1", "EPOLL_", true },
	{ "inotify_init1", "IN_", false }, { "timerfd_create", "TFD_", true },
	{ "signalfd4", "SFD_", true },
};

#define FD_NONBLOCK 04000
#define FD_CLOEXEC_FLAG 02000000
#define EFD_SEMAPHORE_FLAG 1

static void sb_fd_flag(struct strbuf *sb, const char **sep, const char *prefix,
		       const char *name)
{
	sb_printf(sb, "%s%s%s", *sep, prefix, name);
	*sep = "|";
}

void print_fd_flags(struct strbuf *sb, const struct arg_ctx *a)
{
	const char *call = arg_call_name(a), *prefix = "O_", *sep = "";
	__u64 v = (__u32)arg_u(a);
	bool cloexec_first = false;
	size_t i;

	for (i = 0; i < ARRAY_LEN(fd_flag_styles); i++) {
		if (strcmp(fd_flag_styles[i].call, call))
			continue;
		prefix = fd_flag_styles[i].prefix;
		cloexec_first = fd_flag_styles[i].cloexec_first;
	}
	if (!v) {
		sb_puts(sb, "0");
		return;
	}
	if (!strcmp(call, "eventfd2") && (v & EFD_SEMAPHORE_FLAG))
		sb_fd_flag(sb, &sep, prefix, "SEMAPHORE");
	if (cloexec_first && (v & FD_CLOEXEC_FLAG))
		sb_fd_flag(sb, &sep, prefix, "CLOEXEC");
	if (v & FD_NONBLOCK)
		sb_fd_flag(sb, &sep, prefix, "NONBLOCK");
	if (!cloexec_first && (v & FD_CLOEXEC_FLAG))
		sb_fd_flag(sb, &sep, prefix, "CLOEXEC");
	v &= ~(__u64)(FD_NONBLOCK | FD_CLOEXEC_FLAG);
	if (!strcmp(call, "eventfd2"))
		v &= ~(__u64)EFD_SEMAPHORE_FLAG;
	if (v)
		sb_printf(sb, "%s%#llx", sep, (unsigned long long)v);
}

static const struct flag_name epoll_ops[] = {
	FLAG(1, EPOLL_CTL_ADD), FLAG(2, EPOLL_CTL_DEL), FLAG(3, EPOLL_CTL_MOD),
};

const struct name_table epoll_op_names = ENUM_NAMES(epoll_ops, "EPOLL_CTL_");

static const struct flag_name close_range_flags[] = {
	FLAG(2, CLOSE_RANGE_UNSHARE), FLAG(4, CLOSE_RANGE_CLOEXEC),
};

const struct name_table close_range_flag_names =
	FLAG_NAMES(close_range_flags, NULL);

static const struct flag_name inotify_masks[] = {
	FLAG(0x1, IN_ACCESS), FLAG(0x2, IN_MODIFY), FLAG(0x4, IN_ATTRIB),
	FLAG(0x8, IN_CLOSE_WRITE), FLAG(0x10, IN_CLOSE_NOWRITE),
	FLAG(0x20, IN_OPEN), FLAG(0x40, IN_MOVED_FROM), FLAG(0x80, IN_MOVED_TO),
	FLAG(0x100, IN_CREATE), FLAG(0x200, IN_DELETE),
	FLAG(0x400, IN_DELETE_SELF), FLAG(0x800, IN_MOVE_SELF),
	FLAG(0x2000, IN_UNMOUNT), FLAG(0x4000, IN_Q_OVERFLOW),
	FLAG(0x8000, IN_IGNORED), FLAG(0x01000000, IN_ONLYDIR),
	FLAG(0x02000000, IN_DONT_FOLLOW), FLAG(0x04000000, IN_EXCL_UNLINK),
	FLAG(0x10000000, IN_MASK_CREATE), FLAG(0x20000000, IN_MASK_ADD),
	FLAG(0x40000000, IN_ISDIR), FLAG(0x80000000, IN_ONESHOT),
};

const struct name_table inotify_mask_names = FLAG_NAMES(inotify_masks, NULL);

/* ioctl requests strace shows without their third argument. */
static const unsigned int ioctl_no_arg[] = {
	0x5451, 0x5450, 0x5422, 0x540c, 0x540d, 0x5427, 0x5428,
};

/* ...with an int the argument points to: "[5]". */
static const unsigned int ioctl_int_ptr[] = {
	0x541b, 0x5411, 0x5421, 0x540f, 0x5410, 0x80045430, 0x40045431,
	0x5429, 0x5415, 0x5418, 0x5424, 0x5423, 0x5452, 0x5420,
};

/* ...with a plain number: FICLONE's source fd, TCSBRK's duration. */
static const unsigned int ioctl_number[] = { 0x40049409, 0x5409, 0x5425 };

#define IOCTL_TIOCGWINSZ	0x5413
#define IOCTL_TIOCSWINSZ	0x5414
#define IOCTL_TCFLSH		0x540b
#define IOCTL_TCXONC		0x540a

static const struct flag_name tcflsh_args[] = {
	FLAG(0, TCIFLUSH), FLAG(1, TCOFLUSH), FLAG(2, TCIOFLUSH),
};

static const struct flag_name tcxonc_args[] = {
	FLAG(0, TCOOFF), FLAG(1, TCOON), FLAG(2, TCIOFF), FLAG(3, TCION),
};

static bool ioctl_points(unsigned int cmd)
{
	return cmd == IOCTL_TIOCGWINSZ || cmd == IOCTL_TIOCSWINSZ ||
	       in_list(ioctl_int_ptr, ARRAY_LEN(ioctl_int_ptr), cmd);
}

/*
 * The argument of a request: decoded from the capture (K_IOCTL_ARG, read
 * at exit) when the call succeeded, else its address; unknown requests'
 * argument is a number.
 */
static void sb_ioctl_arg(struct strbuf *sb, const struct arg_ctx *a,
			 unsigned int cmd, bool ok)
{
	bool winsize = cmd == IOCTL_TIOCGWINSZ || cmd == IOCTL_TIOCSWINSZ;
	__u16 ws[4];
	__s32 v;

	if (!ioctl_points(cmd))
		sb_printf(sb, "%#llx", (unsigned long long)arg_u(a));
	else if (ok && winsize && cap_struct(a, ws, sizeof(ws)))
		sb_printf(sb, "{ws_row=%u, ws_col=%u, ws_xpixel=%u, ws_ypixel=%u}",
			  ws[0], ws[1], ws[2], ws[3]);
	else if (ok && !winsize && cap_struct(a, &v, sizeof(v)))
		sb_printf(sb, "[%d]", v);
	else
		print_addr(sb, a);
}

void print_ioctl_call(struct strbuf *sb, const struct decoded_call *c,
		      const struct decode_opts *o)
{
	struct arg_ctx cmd_arg = { c, o, 1 }, arg = { c, o, 2 };
	unsigned int cmd = (unsigned int)call_arg(c, 1);
	__u64 v = call_arg(c, 2);

	sb_printf(sb, "%d, ", (int)call_arg(c, 0));
	print_ioctl_cmd(sb, &cmd_arg);
	if (in_list(ioctl_no_arg, ARRAY_LEN(ioctl_no_arg), cmd))
		return;
	sb_puts(sb, ", ");
	if (cmd == IOCTL_TCFLSH)
		print_enum(sb, tcflsh_args, ARRAY_LEN(tcflsh_args), v, "TC");
	else if (cmd == IOCTL_TCXONC)
		print_enum(sb, tcxonc_args, ARRAY_LEN(tcxonc_args), v, "TC");
	else if (in_list(ioctl_number, ARRAY_LEN(ioctl_number), cmd))
		sb_printf(sb, "%d", (int)v);
	else if (c->finished)
		sb_ioctl_arg(sb, &arg, cmd, c->ret >= 0);
}

#define POLLFD_SIZE 8		/* struct pollfd: int fd, short events, revents */
#define POLLFDS_CAPTURED 8	/* the capture holds the first 8 entries */

static const struct flag_name poll_events[] = {
	FLAG(0x1, POLLIN), FLAG(0x2, POLLPRI), FLAG(0x4, POLLOUT),
	FLAG(0x8, POLLERR), FLAG(0x10, POLLHUP), FLAG(0x20, POLLNVAL),
	FLAG(0x40, POLLRDNORM), FLAG(0x80, POLLRDBAND), FLAG(0x100, POLLWRNORM),
	FLAG(0x200, POLLWRBAND), FLAG(0x400, POLLMSG), FLAG(0x1000, POLLREMOVE),
	FLAG(0x2000, POLLRDHUP),
};

/*
 * poll's array as given: "[{fd=3, events=POLLIN}, ...]", its length in the
 * next argument; entries past the capture are shown as "...".
 */
void print_pollfds(struct strbuf *sb, const struct arg_ctx *a)
{
	const struct capture *cap = arg_captured(a);
	__u64 nfds = a->idx < 5 ? call_arg(a->call, a->idx + 1) : 0;
	size_t i, have;

	if (!cap) {
		print_addr(sb, a);
		return;
	}
	have = cap->len / POLLFD_SIZE;
	sb_puts(sb, "[");
	for (i = 0; i < nfds && i < have; i++) {
		const unsigned char *p = cap->data + i * POLLFD_SIZE;

		sb_printf(sb, "%s{fd=%d, events=", i ? ", " : "",
			  (__s32)get_u32(p));
		print_flags(sb, poll_events, ARRAY_LEN(poll_events),
			    get_u16(p + 4), NULL);
		sb_puts(sb, "}");
	}
	if (nfds > have)
		sb_puts(sb, i ? ", ...]" : "...]");
	else
		sb_puts(sb, "]");
}

static const struct flag_name epoll_events[] = {
	FLAG(0x1, EPOLLIN), FLAG(0x2, EPOLLPRI), FLAG(0x4, EPOLLOUT),
	FLAG(0x8, EPOLLERR), FLAG(0x10, EPOLLHUP), FLAG(0x20, EPOLLNVAL),
	FLAG(0x40, EPOLLRDNORM), FLAG(0x80, EPOLLRDBAND),
	FLAG(0x100, EPOLLWRNORM), FLAG(0x200, EPOLLWRBAND),
	FLAG(0x400, EPOLLMSG), FLAG(0x2000, EPOLLRDHUP),
	FLAG(0x10000000, EPOLLEXCLUSIVE), FLAG(0x20000000, EPOLLWAKEUP),
	FLAG(0x40000000, EPOLLONESHOT), FLAG(0x80000000, EPOLLET),
};

/* One struct epoll_event: 12 bytes (packed on x86) in both ABIs. */
static void sb_epoll_event(struct strbuf *sb, const unsigned char *raw)
{
	__u32 events;
	__u64 data;

	events = get_u32(raw);
	data = get_u64(raw + 4);
	sb_puts(sb, "{events=");
	print_flags(sb, epoll_events, ARRAY_LEN(epoll_events), events, NULL);
	sb_printf(sb, ", data={u32=%u, u64=%llu}}", (__u32)data,
		  (unsigned long long)data);
}

void print_epoll_event(struct strbuf *sb, const struct arg_ctx *a)
{
	unsigned char raw[12];

	if (!cap_struct(a, raw, sizeof(raw))) {
		print_addr(sb, a);
		return;
	}
	sb_epoll_event(sb, raw);
}

#define EPOLL_EVENTS_SHOWN 8	/* the capture's size: 8 events of 12 bytes */

/* The events epoll_wait returned: the first 8, then "...". */
void print_epoll_events_out(struct strbuf *sb, const struct arg_ctx *a)
{
	unsigned char raw[EPOLL_EVENTS_SHOWN * 12];
	long n = a->call->ret, i;

	if (n == 0) {
		sb_puts(sb, "[]");
		return;
	}
	if (n < 0 || !cap_struct(a, raw, sizeof(raw))) {
		print_addr(sb, a);
		return;
	}
	sb_puts(sb, "[");
	for (i = 0; i < n && i < EPOLL_EVENTS_SHOWN; i++) {
		if (i)
			sb_puts(sb, ", ");
		sb_epoll_event(sb, raw + 12 * i);
	}
	if (n > EPOLL_EVENTS_SHOWN)
		sb_puts(sb, ", ...");
	sb_puts(sb, "]");
}
