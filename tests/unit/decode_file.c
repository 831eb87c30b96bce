// SPDX-License-Identifier: GPL-2.0
/* File decoders: open flags and modes, AT_*, access modes, stat, whence... */
#include <time.h>
#include "decode_test.h"

#define AT_FDCWD_ (-100)

/* x86-64 struct stat with the fields strace shows. */
static void make_stat(unsigned char *st, unsigned int mode, __u64 rdev,
		      __s64 size)
{
	memset(st, 0, 144);
	memcpy(st + 24, &mode, 4);
	memcpy(st + 40, &rdev, 8);
	memcpy(st + 48, &size, 8);
}

static void test_open(void)
{
	struct decoded_call c;

	c = CALL("openat", 3, AT_FDCWD_, 0x1000, 02000000);
	cap_str(&c, 1, "/etc/ld.so.cache");
	CHECK_LINE(c, "openat(AT_FDCWD, \"/etc/ld.so.cache\", O_RDONLY|O_CLOEXEC) = 3");

	c = CALL("openat", 6, AT_FDCWD_, 0x1000, 01101, 0644);
	cap_str(&c, 1, "/tmp/dexp/x");
	CHECK_LINE(c, "openat(AT_FDCWD, \"/tmp/dexp/x\", O_WRONLY|O_CREAT|O_TRUNC, 0644) = 6");

	c = CALL("open", 3, 0x1000, 02, 0);
	cap_str(&c, 0, "/dev/null");
	CHECK_LINE(c, "open(\"/dev/null\", O_RDWR) = 3");

	c = CALL("openat", 3, 5, 0x1000, 0204000 | 02000000 | 0100000);
	cap_str(&c, 1, "sub");
	CHECK_LINE(c, "openat(5, \"sub\", O_RDONLY|O_NONBLOCK|O_LARGEFILE|O_CLOEXEC|O_DIRECTORY) = 3");

	c = CALL("open", 3, 0x1000, 020200002, 0600);
	cap_str(&c, 0, "/tmp");
	CHECK_LINE(c, "open(\"/tmp\", O_RDWR|O_TMPFILE, 0600) = 3");

	c = CALL("openat", 3, AT_FDCWD_, 0x1000, 04010001 | 0200 | 0100, 0);
	cap_str(&c, 1, "f");
	CHECK_LINE(c, "openat(AT_FDCWD, \"f\", O_WRONLY|O_CREAT|O_EXCL|O_SYNC, 000) = 3");

	c = CALL("openat", 3, AT_FDCWD_, 0x1000, 010000000 | 0x40000000);
	cap_str(&c, 1, "/");
	CHECK_LINE(c, "openat(AT_FDCWD, \"/\", O_RDONLY|O_PATH|0x40000000) = 3");

	/* every flag at once, in strace's order (strace 6.1, same call) */
	c = CALL("openat", -22, AT_FDCWD_, 0x1000, 02 | 0100 | 0200 | 0400 | 01000 |
		 02000 | 04000 | 010000 | 020000 | 040000 | 0200000 | 0400000 |
		 01000000 | 02000000, 0);
	cap_str(&c, 1, "/nonexist");
	CHECK_LINE(c, "openat(AT_FDCWD, \"/nonexist\", O_RDWR|O_CREAT|O_EXCL|O_NOCTTY|O_TRUNC|O_APPEND|O_NONBLOCK|O_DSYNC|O_DIRECT|O_NOFOLLOW|O_NOATIME|O_CLOEXEC|O_DIRECTORY|FASYNC, 000) = -1 EINVAL (Invalid argument)");
	c = CALL("openat", -2, AT_FDCWD_, 0x1000, 010000000 | 02000000 | 0200000 | 0100000 | 0400000);
	cap_str(&c, 1, "/nonexist");
	CHECK_LINE(c, "openat(AT_FDCWD, \"/nonexist\", O_RDONLY|O_LARGEFILE|O_NOFOLLOW|O_CLOEXEC|O_PATH|O_DIRECTORY) = -1 ENOENT (No such file or directory)");
	c = CALL("openat", -2, AT_FDCWD_, 0x1000, 3);
	cap_str(&c, 1, "/nonexist");
	CHECK_LINE(c, "openat(AT_FDCWD, \"/nonexist\", O_ACCMODE) = -1 ENOENT (No such file or directory)");

	c = CALL("creat", 3, 0x1000, 0755);
	cap_str(&c, 0, "x");
	CHECK_LINE(c, "creat(\"x\", 0755) = 3");
}

static void test_at_and_access(void)
{
	struct decoded_call c;

	c = CALL("access", 0, 0x1000, 6);
	cap_str(&c, 0, "/etc");
	CHECK_LINE(c, "access(\"/etc\", R_OK|W_OK) = 0");

	c = CALL("faccessat2", 0, AT_FDCWD_, 0x1000, 1, 0x200);
	cap_str(&c, 1, "/etc");
	CHECK_LINE(c, "faccessat2(AT_FDCWD, \"/etc\", X_OK, AT_EACCESS) = 0");

	c = CALL("unlinkat", -2, AT_FDCWD_, 0x1000, 0x200);
	cap_str(&c, 1, "/nope");
	CHECK_LINE(c, "unlinkat(AT_FDCWD, \"/nope\", AT_REMOVEDIR) = -1 ENOENT (No such file or directory)");

	c = CALL("mkdir", 0, 0x1000, 0755);
	cap_str(&c, 0, "/tmp/dexp/d");
	CHECK_LINE(c, "mkdir(\"/tmp/dexp/d\", 0755) = 0");

	c = CALL("rename", 0, 0x1000, 0x2000);
	cap_str(&c, 0, "/tmp/dexp/x");
	cap_str(&c, 1, "/tmp/dexp/y");
	CHECK_LINE(c, "rename(\"/tmp/dexp/x\", \"/tmp/dexp/y\") = 0");

	c = CALL("renameat2", 0, AT_FDCWD_, 0x1000, 4, 0x2000, 1);
	cap_str(&c, 1, "a");
	cap_str(&c, 3, "b");
	CHECK_LINE(c, "renameat2(AT_FDCWD, \"a\", 4, \"b\", RENAME_NOREPLACE) = 0");

	c = CALL("readlink", 11, 0x1000, 0x2000, 64);
	cap_str(&c, 0, "/proc/self/exe");
	cap(&c, 1, "/tmp/dexp/f", 11, 0);
	CHECK_LINE(c, "readlink(\"/proc/self/exe\", \"/tmp/dexp/f\", 64) = 11");

	c = CALL("fchmodat", 0, 3, 0x1000, 04755);
	cap_str(&c, 1, "x");
	CHECK_LINE(c, "fchmodat(3, \"x\", 04755) = 0");

	c = CALL("mknodat", 0, AT_FDCWD_, 0x1000, 020600, 0x103);
	cap_str(&c, 1, "/dev/x");
	CHECK_LINE(c, "mknodat(AT_FDCWD, \"/dev/x\", S_IFCHR|0600, 0x103) = 0");

	c = CALL("statx", 0, AT_FDCWD_, 0x1000, 0, 0xfff, 0x2000);
	cap_str(&c, 1, "/");
	CHECK_LINE(c, "statx(AT_FDCWD, \"/\", AT_STATX_SYNC_AS_STAT, STATX_ALL, 0x2000) = 0");

	c = CALL("statx", -22, AT_FDCWD_, 0x1000, 0x6000, 0x1000, 0);
	cap_str(&c, 1, "/");
	CHECK_LINE(c, "statx(AT_FDCWD, \"/\", AT_STATX_FORCE_SYNC|AT_STATX_DONT_SYNC, STATX_MNT_ID, NULL) = -1 EINVAL (Invalid argument)");
	c = CALL("statx", 0, AT_FDCWD_, 0x1000, 0x900, 0x7ff, 0x2000);
	cap_str(&c, 1, "/");
	CHECK_LINE(c, "statx(AT_FDCWD, \"/\", AT_STATX_SYNC_AS_STAT|AT_SYMLINK_NOFOLLOW|AT_NO_AUTOMOUNT, STATX_BASIC_STATS, 0x2000) = 0");
	c = CALL("fadvise64", -22, 0, 0, 0, 9);
	CHECK_LINE(c, "fadvise64(0, 0, 0, 0x9 /* POSIX_FADV_??? */) = -1 EINVAL (Invalid argument)");
	c = CALL("fadvise64", 0, 3, 0, 0, 2);
	CHECK_LINE(c, "fadvise64(3, 0, 0, POSIX_FADV_SEQUENTIAL) = 0");

	{
		static const __u64 how[3] = { 02000000, 0, 0xc };
		static const __u64 how_creat[3] = { 0101, 0600, 0 };

		c = CALL("openat2", -18, AT_FDCWD_, 0x1000, 0x2000, 24);
		cap_str(&c, 1, "/tmp");
		cap(&c, 2, how, 24, 0);
		CHECK_LINE(c, "openat2(AT_FDCWD, \"/tmp\", {flags=O_RDONLY|O_CLOEXEC, resolve=RESOLVE_NO_SYMLINKS|RESOLVE_BENEATH}, 24) = -1 EXDEV (Invalid cross-device link)");
		c = CALL("openat2", 3, AT_FDCWD_, 0x1000, 0x2000, 24);
		cap_str(&c, 1, "x");
		cap(&c, 2, how_creat, 24, 0);
		CHECK_LINE(c, "openat2(AT_FDCWD, \"x\", {flags=O_WRONLY|O_CREAT, mode=0600}, 24) = 3");
	}
	{
		static const __s64 now_omit[4] = { 0, (1 << 30) - 1, 0, (1 << 30) - 2 };

		c = CALL("utimensat", 0, AT_FDCWD_, 0x1000, 0x2000, 0);
		cap_str(&c, 1, "/tmp/dexp/t");
		cap(&c, 2, now_omit, 32, 0);
		CHECK_LINE(c, "utimensat(AT_FDCWD, \"/tmp/dexp/t\", [UTIME_NOW, UTIME_OMIT], 0) = 0");
		c = CALL("utimensat", 0, AT_FDCWD_, 0x1000, 0, 0x100);
		cap_str(&c, 1, "/tmp/dexp/t");
		CHECK_LINE(c, "utimensat(AT_FDCWD, \"/tmp/dexp/t\", NULL, AT_SYMLINK_NOFOLLOW) = 0");
	}
	{
		/* dates as strace 6.1 shows them (TZ=UTC): none for 0, no
		 * fraction for whole seconds */
		static const __s64 zero[4] = { 0, 0, 0, 0 };
		static const __s64 whole[4] = { -1, 0, 1700000000, 0 };
		static const __s64 frac[4] = { 1700000000, 5, 0, 5 };

		setenv("TZ", "UTC", 1);
		tzset();
		c = CALL("utimensat", 0, 0, 0, 0x2000, 0);
		cap(&c, 2, zero, 32, 0);
		CHECK_LINE(c, "utimensat(0, NULL, [{tv_sec=0, tv_nsec=0}, {tv_sec=0, tv_nsec=0}], 0) = 0");
		c = CALL("utimensat", 0, 0, 0, 0x2000, 0);
		cap(&c, 2, whole, 32, 0);
		CHECK_LINE(c, "utimensat(0, NULL, [{tv_sec=-1, tv_nsec=0} /* 1969-12-31T23:59:59+0000 */, {tv_sec=1700000000, tv_nsec=0} /* 2023-11-14T22:13:20+0000 */], 0) = 0");
		c = CALL("utimensat", 0, AT_FDCWD_, 0x1000, 0x2000, 0);
		cap_str(&c, 1, "/tmp/cmputf");
		cap(&c, 2, frac, 32, 0);
		CHECK_LINE(c, "utimensat(AT_FDCWD, \"/tmp/cmputf\", [{tv_sec=1700000000, tv_nsec=5} /* 2023-11-14T22:13:20.000000005+0000 */, {tv_sec=0, tv_nsec=5} /* 1970-01-01T00:00:00.000000005+0000 */], 0) = 0");
	}
	c = CALL("umount2", 0, 0x1000, 2);
	cap_str(&c, 0, "/mnt");
	CHECK_LINE(c, "umount2(\"/mnt\", MNT_DETACH) = 0");

	c = CALL("flock", 0, 3, 6);
	CHECK_LINE(c, "flock(3, LOCK_EX|LOCK_NB) = 0");

	c = CALL("lseek", 100, 3, 0, 2);
	CHECK_LINE(c, "lseek(3, 0, SEEK_END) = 100");
	c = CALL("lseek", -22, 3, -1, 9);
	CHECK_LINE(c, "lseek(3, -1, 0x9 /* SEEK_??? */) = -1 EINVAL (Invalid argument)");
}

static void test_stat(void)
{
	static unsigned char st[144];
	struct decoded_call c;

	make_stat(st, 0100755, 0, 3);
	c = CALL("newfstatat", 0, AT_FDCWD_, 0x1000, 0x2000, 0);
	cap_str(&c, 1, "/etc/hostname");
	cap(&c, 2, st, 144, 0);
	CHECK_LINE(c, "newfstatat(AT_FDCWD, \"/etc/hostname\", {st_mode=S_IFREG|0755, st_size=3, ...}, 0) = 0");

	make_stat(st, 020666, 0x103, 0);
	c = CALL("newfstatat", 0, 0, 0x1000, 0x2000, 0x1000);
	cap_str(&c, 1, "");
	cap(&c, 2, st, 144, 0);
	CHECK_LINE(c, "newfstatat(0, \"\", {st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...}, AT_EMPTY_PATH) = 0");

	c = CALL("newfstatat", -2, AT_FDCWD_, 0x1000, 0x7ffd1a47e4e0, 0x100);
	cap_str(&c, 1, "/nope");
	CHECK_LINE(c, "newfstatat(AT_FDCWD, \"/nope\", 0x7ffd1a47e4e0, AT_SYMLINK_NOFOLLOW) = -1 ENOENT (No such file or directory)");

	make_stat(st, 040755, 0, 4096);
	c = CALL("stat", 0, 0x1000, 0x2000);
	cap_str(&c, 0, "/etc");
	cap(&c, 1, st, 144, 0);
	CHECK_LINE(c, "stat(\"/etc\", {st_mode=S_IFDIR|0755, st_size=4096, ...}) = 0");

	make_stat(st, 0100644, 0, 45099);
	c = CALL("fstat", 0, 3, 0x2000);
	cap(&c, 1, st, 100, 0);
	CHECK_LINE(c, "fstat(3, 0x2000) = 0");	/* short capture: address */

	/* makedev with a major above 255 (block device 259:1) */
	make_stat(st, 060660, (259 << 8) | 1, 0);
	c = CALL("fstat", 0, 3, 0x2000);
	cap(&c, 1, st, 144, 0);
	CHECK_LINE(c, "fstat(3, {st_mode=S_IFBLK|0660, st_rdev=makedev(0x103, 0x1), ...}) = 0");
}

static void test_stat64_i386(void)
{
	static unsigned char st[96];
	unsigned int mode = 0100644;
	__s64 size = 5000000000LL;
	struct decoded_call c;

	memset(st, 0, sizeof(st));
	memcpy(st + 16, &mode, 4);
	memcpy(st + 44, &size, 8);
	c = CALL32("stat64", 0, 0x1000, 0x2000);
	cap_str(&c, 0, "/big");
	cap(&c, 1, st, 96, 0);
	CHECK_LINE(c, "stat64(\"/big\", {st_mode=S_IFREG|0644, st_size=5000000000, ...}) = 0");

	c = CALL32("fstatat64", 0, 0xffffff9c, 0x1000, 0x2000, 0x100);
	cap_str(&c, 1, "/big");
	cap(&c, 2, st, 96, 0);
	CHECK_LINE(c, "fstatat64(AT_FDCWD, \"/big\", {st_mode=S_IFREG|0644, st_size=5000000000, ...}, AT_SYMLINK_NOFOLLOW) = 0");

	/* i386's compat struct stat: 16-bit mode, 32-bit size */
	{
		static unsigned char cst[64];
		__u16 m = 0100600;
		__u32 sz = 1234, rdev = 0;

		memcpy(cst + 8, &m, 2);
		memcpy(cst + 16, &rdev, 4);
		memcpy(cst + 20, &sz, 4);
		c = CALL32("stat", 0, 0x1000, 0xffd0000);
		cap_str(&c, 0, "/small");
		cap(&c, 1, cst, 64, 0);
		CHECK_LINE(c, "stat(\"/small\", {st_mode=S_IFREG|0600, st_size=1234, ...}) = 0");
		c = CALL32("stat", 0, 0x1000, 0xffd0000);
		cap_str(&c, 0, "/small");
		cap(&c, 1, cst, 32, 0);
		CHECK_LINE(c, "stat(\"/small\", 0xffd0000) = 0");
	}
}

static void test_statx_dirents(void)
{
	static unsigned char stx[256], dents[200];
	unsigned int mask = 0x7ff | 0x1000;
	unsigned short mode = 040755, reclen = 24;
	__u64 attrs = 0x2000, size = 4096;
	struct decoded_call c;
	int i;

	memcpy(stx, &mask, 4);
	memcpy(stx + 8, &attrs, 8);
	memcpy(stx + 28, &mode, 2);
	memcpy(stx + 40, &size, 8);
	c = CALL("statx", 0, AT_FDCWD_, 0x1000, 0, 0x7ff, 0x2000);
	cap_str(&c, 1, "/");
	cap(&c, 4, stx, 256, 0);
	CHECK_LINE(c, "statx(AT_FDCWD, \"/\", AT_STATX_SYNC_AS_STAT, STATX_BASIC_STATS, {stx_mask=STATX_BASIC_STATS|STATX_MNT_ID, stx_attributes=STATX_ATTR_MOUNT_ROOT, stx_mode=S_IFDIR|0755, stx_size=4096, ...}) = 0");
	c = CALL("statx", -14, AT_FDCWD_, 0x1000, 0, 0x7ff, 0);
	cap_str(&c, 1, "/");
	CHECK_LINE(c, "statx(AT_FDCWD, \"/\", AT_STATX_SYNC_AS_STAT, STATX_BASIC_STATS, NULL) = -1 EFAULT (Bad address)");

	/* six 24-byte linux_dirent64 records, d_reclen at 16 */
	for (i = 0; i < 6; i++)
		memcpy(dents + i * 24 + 16, &reclen, 2);
	c = CALL("getdents64", 144, 3, 0x55a41ffc32a0, 32768);
	cap(&c, 1, dents, 144, 0);
	CHECK_LINE(c, "getdents64(3, 0x55a41ffc32a0 /* 6 entries */, 32768) = 144");
	c = CALL("getdents64", 0, 3, 0x55a41ffc32a0, 32768);
	cap(&c, 1, dents, 0, 0);
	CHECK_LINE(c, "getdents64(3, 0x55a41ffc32a0 /* 0 entries */, 32768) = 0");
	c = CALL("getdents64", 144, 3, 0x55a41ffc32a0, 32768);
	cap(&c, 1, dents, 100, SYSOBS_CAPF_TRUNCATED);
	CHECK_LINE(c, "getdents64(3, 0x55a41ffc32a0 /* 4+ entries */, 32768) = 144");
}

static void test_pipe(void)
{
	static const __s32 fds[2] = { 7, 8 };
	struct decoded_call c;

	c = CALL("pipe2", 0, 0x1000, 04000 | 02000000);
	cap(&c, 0, fds, 8, 0);
	CHECK_LINE(c, "pipe2([7, 8], O_NONBLOCK|O_CLOEXEC) = 0");
	c = CALL("pipe", -24, 0x1000);
	CHECK_LINE(c, "pipe(0x1000) = -1 EMFILE (Too many open files)");
}

/* i386 passes 64-bit offsets as two registers; strace shows one number. */
static void test_split_offsets_i386(void)
{
	static const __s64 pos = 4294967301LL;
	struct decoded_call c;

	c = CALL32("pread64", 2, 3, 0xffd00000, 4, 1, 0);
	cap(&c, 1, "m\n", 2, 0);
	CHECK_LINE(c, "pread64(3, \"m\\n\", 4, 1) = 2");
	c = CALL32("_llseek", 0, 3, 1, 2, 0xffd00000, 0);
	cap(&c, 3, &pos, 8, 0);
	CHECK_LINE(c, "_llseek(3, 4294967298, [4294967301], SEEK_SET) = 0");
	c = CALL32("ftruncate64", -9, 99, 3, 2);
	CHECK_LINE(c, "ftruncate64(99, 8589934595) = -1 EBADF (Bad file descriptor)");
	c = CALL32("fadvise64_64", 0, 3, 0, 1, 5, 0, 4);
	CHECK_LINE(c, "fadvise64_64(3, 4294967296, 5, POSIX_FADV_DONTNEED) = 0");
	c = CALL32("readahead", 0, 3, 0, 1, 7);
	CHECK_LINE(c, "readahead(3, 4294967296, 7) = 0");
	/* x86-64 preadv: the high half register is ignored */
	c = CALL("preadv", 5, 3, 0x1000, 1, 4096, 0);
	CHECK_LINE(c, "preadv(3, 0x1000, 1, 4096) = 5");
}

/* setuid, setgid and sticky bits by name (strace 6.1 on /tmp, passwd) */
static void test_mode_special_bits(void)
{
	static unsigned char st[144], stx[256];
	unsigned short mode = 041777;
	__u64 size = 4096;
	struct decoded_call c;

	make_stat(st, 041777, 0, 4096);
	c = CALL("newfstatat", 0, AT_FDCWD_, 0x1000, 0x2000, 0);
	cap_str(&c, 1, "/tmp");
	cap(&c, 2, st, 144, 0);
	CHECK_LINE(c, "newfstatat(AT_FDCWD, \"/tmp\", {st_mode=S_IFDIR|S_ISVTX|0777, st_size=4096, ...}, 0) = 0");
	make_stat(st, 0106755, 0, 68248);
	c = CALL("newfstatat", 0, AT_FDCWD_, 0x1000, 0x2000, 0);
	cap_str(&c, 1, "/x");
	cap(&c, 2, st, 144, 0);
	CHECK_LINE(c, "newfstatat(AT_FDCWD, \"/x\", {st_mode=S_IFREG|S_ISUID|S_ISGID|0755, st_size=68248, ...}, 0) = 0");
	memcpy(stx + 28, &mode, 2);
	memcpy(stx + 40, &size, 8);
	c = CALL("statx", 0, AT_FDCWD_, 0x1000, 0, 0x7ff, 0x2000);
	cap_str(&c, 1, "/tmp");
	cap(&c, 4, stx, 256, 0);
	CHECK_LINE(c, "statx(AT_FDCWD, \"/tmp\", AT_STATX_SYNC_AS_STAT, STATX_BASIC_STATS, {stx_mask=0, stx_attributes=0, stx_mode=S_IFDIR|S_ISVTX|0777, stx_size=4096, ...}) = 0");
}

/* x86-64 struct statfs (120 bytes) with the given fields */
static void make_statfs(__u64 *sf, __u64 type, __u64 blocks, __u64 bfree,
			__u64 bavail, __u64 files, __u64 ffree, __u32 fsid0,
			__u32 fsid1)
{
	memset(sf, 0, 120);
	sf[0] = type;
	sf[1] = 4096;
	sf[2] = blocks;
	sf[3] = bfree;
	sf[4] = bavail;
	sf[5] = files;
	sf[6] = ffree;
	memcpy(&sf[7], &fsid0, 4);
	memcpy((char *)&sf[7] + 4, &fsid1, 4);
	sf[8] = 255;
	sf[9] = 4096;
	sf[10] = 0x20 | 0x1000;
}

/* The lines strace 6.1 printed for statvfs("/") and statvfs("/proc") */
static void test_statfs(void)
{
	static __u64 sf[15];
	struct decoded_call c;

	make_statfs(sf, 0xef53, 66053021, 61572419, 20603695, 16777216,
		    16348520, 0xd96bc9a9, 0xbb733920);
	c = CALL("statfs", 0, 0x1000, 0x2000);
	cap_str(&c, 0, "/");
	cap(&c, 1, sf, 120, 0);
	CHECK_LINE(c, "statfs(\"/\", {f_type=EXT2_SUPER_MAGIC, f_bsize=4096, f_blocks=66053021, f_bfree=61572419, f_bavail=20603695, f_files=16777216, f_ffree=16348520, f_fsid={val=[0xd96bc9a9, 0xbb733920]}, f_namelen=255, f_frsize=4096, f_flags=ST_VALID|ST_RELATIME}) = 0");
	make_statfs(sf, 0x9fa0, 0, 0, 0, 0, 0, 0x15, 0);
	c = CALL("fstatfs", 0, 3, 0x2000);
	cap(&c, 1, sf, 120, 0);
	CHECK_LINE(c, "fstatfs(3, {f_type=PROC_SUPER_MAGIC, f_bsize=4096, f_blocks=0, f_bfree=0, f_bavail=0, f_files=0, f_ffree=0, f_fsid={val=[0x15, 0]}, f_namelen=255, f_frsize=4096, f_flags=ST_VALID|ST_RELATIME}) = 0");
	make_statfs(sf, 0x12345678, 0, 0, 0, 0, 0, 0, 0);
	sf[10] = 0;
	c = CALL("fstatfs", 0, 3, 0x2000);
	cap(&c, 1, sf, 120, 0);
	CHECK_LINE(c, "fstatfs(3, {f_type=0x12345678, f_bsize=4096, f_blocks=0, f_bfree=0, f_bavail=0, f_files=0, f_ffree=0, f_fsid={val=[0, 0]}, f_namelen=255, f_frsize=4096, f_flags=0}) = 0");
	c = CALL("statfs", -2, 0x1000, 0x7ffd1a47e4e0);
	cap_str(&c, 0, "/nope");
	CHECK_LINE(c, "statfs(\"/nope\", 0x7ffd1a47e4e0) = -1 ENOENT (No such file or directory)");
	/* i386's compat layout is not decoded */
	c = CALL32("fstatfs", 0, 3, 0xffd00000);
	CHECK_LINE(c, "fstatfs(3, 0xffd00000) = 0");
}

int main(void)
{
	sb_init(&test_sb);
	test_split_offsets_i386();
	test_open();
	test_at_and_access();
	test_stat();
	test_stat64_i386();
	test_pipe();
	test_statx_dirents();
	test_mode_special_bits();
	test_statfs();
	UNIT_EXIT();
}
