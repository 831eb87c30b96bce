// SPDX-License-Identifier: GPL-2.0
/*
 * Files and paths: AT_FDCWD, open flags and modes, access modes, AT_*
 * flags, struct stat (x86-64) and struct stat64 (i386), lseek whence,
 * pipe fds, rename/umount/statx/flock flags.
 */
#include <string.h>
#include "decode_priv.h"

#define AT_FDCWD_VALUE (-100)

/* x86 open flags (octal, as in asm-generic/fcntl.h) */
#define OF_ACCMODE	03
#define OF_CREAT	0100
#define OF_DIRECTORY	0200000
#define OF_TMPFILE	(020000000 | OF_DIRECTORY)

/*
 * In strace's order; multi-bit flags (O_SYNC holds O_DSYNC, O_TMPFILE
 * holds O_DIRECTORY) come before their parts so they take the bits first.
 */
static const struct flag_name open_flags[] = {
	{ OF_CREAT, "O_CREAT" },
	{ 0200, "O_EXCL" },
	{ 0400, "O_NOCTTY" },
	{ 01000, "O_TRUNC" },
	{ 02000, "O_APPEND" },
	{ 04000, "O_NONBLOCK" },
	{ 04010000, "O_SYNC" },
	{ 010000, "O_DSYNC" },
	{ 040000, "O_DIRECT" },
	{ 0100000, "O_LARGEFILE" },
	{ 0400000, "O_NOFOLLOW" },
	{ 01000000, "O_NOATIME" },
	{ 02000000, "O_CLOEXEC" },
	{ 010000000, "O_PATH" },
	{ OF_TMPFILE, "O_TMPFILE" },
	{ OF_DIRECTORY, "O_DIRECTORY" },
	{ 020000, "FASYNC" },
};

static const char *const access_modes[] = {
	"O_RDONLY", "O_WRONLY", "O_RDWR", "O_ACCMODE",
};

void sb_oflags(struct strbuf *sb, __u64 flags)
{
	sb_puts(sb, access_modes[flags & OF_ACCMODE]);
	flags &= ~(__u64)OF_ACCMODE;
	if (!flags)
		return;
	sb_puts(sb, "|");
	print_flags(sb, open_flags, ARRAY_LEN(open_flags), flags, NULL);
}

void print_oflags(struct strbuf *sb, const struct arg_ctx *a)
{
	sb_oflags(sb, (__u32)arg_u(a));
}

void print_dirfd(struct strbuf *sb, const struct arg_ctx *a)
{
	if ((int)arg_u(a) == AT_FDCWD_VALUE)
		sb_puts(sb, "AT_FDCWD");
	else
		print_int(sb, a);
}

void print_mode(struct strbuf *sb, const struct arg_ctx *a)
{
	sb_printf(sb, "%#03o", (unsigned int)arg_u(a));
}

/* strace shows open's mode only when the flags (the argument before) create. */
bool open_mode_shown(const struct arg_ctx *a)
{
	__u64 flags = call_arg(a->call, a->idx - 1);

	return (flags & OF_CREAT) || (flags & OF_TMPFILE) == OF_TMPFILE;
}

static const struct flag_name file_types[] = {
	{ 0140000, "S_IFSOCK" },
	{ 0120000, "S_IFLNK" },
	{ 0100000, "S_IFREG" },
	{ 0060000, "S_IFBLK" },
	{ 0040000, "S_IFDIR" },
	{ 0020000, "S_IFCHR" },
	{ 0010000, "S_IFIFO" },
};

#define MODE_TYPE_MASK 0170000

/* "S_IFREG|0644", "S_IFDIR|S_ISVTX|0777" */
static void sb_file_mode(struct strbuf *sb, unsigned int mode)
{
	const char *type = flag_lookup(file_types, ARRAY_LEN(file_types),
				       mode & MODE_TYPE_MASK);

	if (type)
		sb_printf(sb, "%s|", type);
	else if (mode & MODE_TYPE_MASK)
		sb_printf(sb, "%#o|", mode & MODE_TYPE_MASK);
	/* strace names these three bits, then the permissions in octal */
	if (mode & 04000)
		sb_puts(sb, "S_ISUID|");
	if (mode & 02000)
		sb_puts(sb, "S_ISGID|");
	if (mode & 01000)
		sb_puts(sb, "S_ISVTX|");
	sb_printf(sb, "%#03o", mode & ~(MODE_TYPE_MASK | 07000));
}

void print_fmode(struct strbuf *sb, const struct arg_ctx *a)
{
	sb_file_mode(sb, (unsigned int)arg_u(a));
}

static const struct flag_name access_bits[] = {
	{ 4, "R_OK" }, { 2, "W_OK" }, { 1, "X_OK" },
};

const struct name_table access_names = FLAG_NAMES(access_bits, "F_OK");

/* statx's sync type: a two-bit field strace always names, first. */
#define AT_STATX_SYNC_TYPE 0x6000

static const struct flag_name statx_sync_types[] = {
	FLAG(0, AT_STATX_SYNC_AS_STAT), FLAG(0x2000, AT_STATX_FORCE_SYNC),
	FLAG(0x4000, AT_STATX_DONT_SYNC),
	{ 0x6000, "AT_STATX_FORCE_SYNC|AT_STATX_DONT_SYNC" },
};

static const struct flag_name at_flags[] = {
	{ 0x100, "AT_SYMLINK_NOFOLLOW" },
	{ 0x200, "AT_REMOVEDIR" },	/* AT_EACCESS for faccessat2 */
	{ 0x400, "AT_SYMLINK_FOLLOW" },
	{ 0x800, "AT_NO_AUTOMOUNT" },
	{ 0x1000, "AT_EMPTY_PATH" },
	{ 0x2000, "AT_STATX_FORCE_SYNC" },
	{ 0x4000, "AT_STATX_DONT_SYNC" },
	{ 0x8000, "AT_RECURSIVE" },
};

#define AT_EACCESS_VALUE 0x200

void print_atflags(struct strbuf *sb, const struct arg_ctx *a)
{
	const char *call = arg_call_name(a);
	__u64 v = (__u32)arg_u(a);

	if (!strcmp(call, "statx")) {
		sb_puts(sb, flag_lookup(statx_sync_types,
					ARRAY_LEN(statx_sync_types),
					v & AT_STATX_SYNC_TYPE));
		v &= ~(__u64)AT_STATX_SYNC_TYPE;
		if (!v)
			return;
		sb_puts(sb, "|");
	}
	/* 0x200 is AT_EACCESS for the access calls, AT_REMOVEDIR elsewhere. */
	if (!strncmp(call, "faccessat", 9) && (v & AT_EACCESS_VALUE)) {
		sb_puts(sb, "AT_EACCESS");
		v &= ~(__u64)AT_EACCESS_VALUE;
		if (!v)
			return;
		sb_puts(sb, "|");
	}
	print_flags(sb, at_flags, ARRAY_LEN(at_flags), v, NULL);
}

static const struct flag_name statx_masks[] = {
	FLAG(0xfff, STATX_ALL), FLAG(0x7ff, STATX_BASIC_STATS),
	FLAG(0x1, STATX_TYPE), FLAG(0x2, STATX_MODE), FLAG(0x4, STATX_NLINK),
	FLAG(0x8, STATX_UID), FLAG(0x10, STATX_GID), FLAG(0x20, STATX_ATIME),
	FLAG(0x40, STATX_MTIME), FLAG(0x80, STATX_CTIME), FLAG(0x100, STATX_INO),
	FLAG(0x200, STATX_SIZE), FLAG(0x400, STATX_BLOCKS),
	FLAG(0x800, STATX_BTIME), FLAG(0x1000, STATX_MNT_ID),
	FLAG(0x2000, STATX_DIOALIGN), FLAG(0x4000, STATX_MNT_ID_UNIQUE),
};

const struct name_table statx_mask_names = FLAG_NAMES(statx_masks, NULL);

static const struct flag_name statx_attrs[] = {
	FLAG(0x4, STATX_ATTR_COMPRESSED), FLAG(0x10, STATX_ATTR_IMMUTABLE),
	FLAG(0x20, STATX_ATTR_APPEND), FLAG(0x40, STATX_ATTR_NODUMP),
	FLAG(0x800, STATX_ATTR_ENCRYPTED), FLAG(0x1000, STATX_ATTR_AUTOMOUNT),
	FLAG(0x2000, STATX_ATTR_MOUNT_ROOT), FLAG(0x100000, STATX_ATTR_VERITY),
	FLAG(0x200000, STATX_ATTR_DAX),
};

/*
 * struct statx: stx_mask at 0, stx_attributes at 8, stx_mode (16 bits)
 * at 28, stx_size at 40; strace shows these four.
 */
void print_statx(struct strbuf *sb, const struct arg_ctx *a)
{
	unsigned char raw[48];
	__u32 mask;
	__u64 attrs, size;
	__u16 mode;

	if (!cap_struct_or_addr(sb, a, raw, sizeof(raw)))
		return;
	mask = get_u32(raw);
	attrs = get_u64(raw + 8);
	mode = get_u16(raw + 28);
	size = get_u64(raw + 40);
	sb_puts(sb, "{stx_mask=");
	print_flags(sb, statx_masks, ARRAY_LEN(statx_masks), mask, NULL);
	sb_puts(sb, ", stx_attributes=");
	print_flags(sb, statx_attrs, ARRAY_LEN(statx_attrs), attrs, NULL);
	sb_puts(sb, ", stx_mode=");
	sb_file_mode(sb, mode);
	sb_printf(sb, ", stx_size=%llu, ...}", (unsigned long long)size);
}

/*
 * getdents/getdents64 fill a buffer of records; strace counts them. Each
 * record's length (d_reclen) is at 16 (x86-64, and linux_dirent64 on both
 * ABIs) or 8 (i386's linux_dirent). When BPF captured less than the call
 * returned, the count is of the captured records, marked "+".
 */
void print_dirents(struct strbuf *sb, const struct arg_ctx *a)
{
	const struct capture *cap = arg_captured(a);
	bool dirent32 = arg_is_32(a) && strcmp(arg_call_name(a), "getdents64");
	size_t reclen_at = dirent32 ? 8 : 16;
	size_t off = 0, n = 0, len = a->call->ret;
	__u16 reclen;

	print_addr(sb, a);
	if (!cap)
		return;
	if (len > cap->len)
		len = cap->len;
	while (off + reclen_at + 2 <= len) {
		reclen = get_u16(cap->data + off + reclen_at);
		if (!reclen)
			break;
		off += reclen;
		n++;
	}
	sb_printf(sb, " /* %zu%s entr%s */", n,
		  len < (size_t)a->call->ret ? "+" : "", n == 1 ? "y" : "ies");
}

/* The fields strace shows of any stat layout. */
struct stat_view {
	unsigned int mode;
	__u64 rdev;
	__s64 size;
};

/* The kernel's dev_t encoding (new_encode_dev) taken apart. */
static void sb_makedev(struct strbuf *sb, __u64 dev)
{
	unsigned int major = ((dev >> 8) & 0xfff) | ((dev >> 32) & ~0xfffu);
	unsigned int minor = (dev & 0xff) | ((dev >> 12) & ~0xffu);

	sb_printf(sb, "makedev(%#x, %#x)", major, minor);
}

static void sb_stat_view(struct strbuf *sb, const struct stat_view *st)
{
	unsigned int type = st->mode & MODE_TYPE_MASK;

	sb_puts(sb, "{st_mode=");
	sb_file_mode(sb, st->mode);
	if (type == 0020000 || type == 0060000) {
		sb_puts(sb, ", st_rdev=");
		sb_makedev(sb, st->rdev);
	} else {
		sb_printf(sb, ", st_size=%lld", (long long)st->size);
	}
	sb_puts(sb, ", ...}");
}

/*
 * struct stat: x86-64's (144 bytes: st_mode at 24, st_rdev 40, st_size
 * 48) or i386's compat one (64 bytes: st_mode 16 bits at 8, st_rdev 16,
 * st_size 20, 32-bit fields).
 */
void print_stat(struct strbuf *sb, const struct arg_ctx *a)
{
	unsigned char raw[144];
	struct stat_view st;

	if (!cap_struct_or_addr(sb, a, raw, arg_is_32(a) ? 64 : 144))
		return;
	if (arg_is_32(a)) {
		st.mode = get_u16(raw + 8);
		st.rdev = get_u32(raw + 16);
		st.size = get_u32(raw + 20);
	} else {
		st.mode = get_u32(raw + 24);
		st.rdev = get_u64(raw + 40);
		st.size = (__s64)get_u64(raw + 48);
	}
	sb_stat_view(sb, &st);
}

/* i386 struct stat64 (96 bytes): st_mode at 16, st_rdev 32, st_size 44. */
void print_stat64(struct strbuf *sb, const struct arg_ctx *a)
{
	unsigned char raw[96];
	struct stat_view st;

	if (!cap_struct_or_addr(sb, a, raw, sizeof(raw)))
		return;
	st.mode = get_u32(raw + 16);
	st.rdev = get_u64(raw + 32);
	st.size = (__s64)get_u64(raw + 44);
	sb_stat_view(sb, &st);
}

static const struct flag_name whences[] = {
	{ 0, "SEEK_SET" }, { 1, "SEEK_CUR" }, { 2, "SEEK_END" },
	{ 3, "SEEK_DATA" }, { 4, "SEEK_HOLE" },
};

const struct name_table whence_names = ENUM_NAMES(whences, "SEEK_");

void print_pipefds(struct strbuf *sb, const struct arg_ctx *a)
{
	__s32 fds[2];

	if (cap_struct_or_addr(sb, a, fds, sizeof(fds)))
		sb_printf(sb, "[%d, %d]", fds[0], fds[1]);
}

static const struct flag_name rename_flags[] = {
	FLAG(1, RENAME_NOREPLACE), FLAG(2, RENAME_EXCHANGE), FLAG(4, RENAME_WHITEOUT),
};

const struct name_table rename_flag_names = FLAG_NAMES(rename_flags, NULL);

static const struct flag_name umount_flags[] = {
	FLAG(1, MNT_FORCE), FLAG(2, MNT_DETACH), FLAG(4, MNT_EXPIRE),
	FLAG(8, UMOUNT_NOFOLLOW),
};

const struct name_table umount_flag_names = FLAG_NAMES(umount_flags, NULL);

static const struct flag_name flock_ops[] = {
	FLAG(1, LOCK_SH), FLAG(2, LOCK_EX), FLAG(4, LOCK_NB), FLAG(8, LOCK_UN),
};

const struct name_table flock_op_names = FLAG_NAMES(flock_ops, NULL);

static const struct flag_name fadvices[] = {
	FLAG(0, POSIX_FADV_NORMAL), FLAG(1, POSIX_FADV_RANDOM),
	FLAG(2, POSIX_FADV_SEQUENTIAL), FLAG(3, POSIX_FADV_WILLNEED),
	FLAG(4, POSIX_FADV_DONTNEED), FLAG(5, POSIX_FADV_NOREUSE),
};

const struct name_table fadvice_names = ENUM_NAMES(fadvices, "POSIX_FADV_");

static const struct flag_name resolve_flags[] = {
	FLAG(0x1, RESOLVE_NO_XDEV), FLAG(0x2, RESOLVE_NO_MAGICLINKS),
	FLAG(0x4, RESOLVE_NO_SYMLINKS), FLAG(0x8, RESOLVE_BENEATH),
	FLAG(0x10, RESOLVE_IN_ROOT), FLAG(0x20, RESOLVE_CACHED),
};

/* openat2's struct open_how: __u64 flags, mode, resolve. */
void print_open_how(struct strbuf *sb, const struct arg_ctx *a)
{
	__u64 how[3];

	if (!cap_struct_or_addr(sb, a, how, sizeof(how)))
		return;
	sb_puts(sb, "{flags=");
	sb_oflags(sb, how[0]);
	if ((how[0] & OF_CREAT) || (how[0] & OF_TMPFILE) == OF_TMPFILE || how[1])
		sb_printf(sb, ", mode=%#03llo", (unsigned long long)how[1]);
	if (how[2]) {
		sb_puts(sb, ", resolve=");
		print_flags(sb, resolve_flags, ARRAY_LEN(resolve_flags), how[2],
			    NULL);
	}
	sb_puts(sb, "}");
}
