// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's reports on file systems and on the system itself:
 * statfs and fstatfs (struct statfs as strace shows it, the file system
 * type by its magic number's name, the mount flags by ST_* name; only
 * the x86-64 layout is decoded, i386's compat layouts print the address)
 * and sysinfo (both layouts).
 */
#include <string.h>
#include "decode_priv.h"

/* The kernel's x86-64 struct statfs (120 bytes). */
struct statfs_x86_64 {
	__u64 type, bsize, blocks, bfree, bavail, files, ffree;
	__s32 fsid[2];
	__u64 namelen, frsize, flags, spare[4];
};

/* Magic numbers of the file systems one meets (linux/magic.h). */
static const struct flag_name fs_magics[] = {
	FLAG(0xef53, EXT2_SUPER_MAGIC),
	FLAG(0x01021994, TMPFS_MAGIC),
	FLAG(0x9fa0, PROC_SUPER_MAGIC),
	FLAG(0x62656572, SYSFS_MAGIC),
	FLAG(0x1cd1, DEVPTS_SUPER_MAGIC),
	FLAG(0x63677270, CGROUP2_SUPER_MAGIC),
	FLAG(0x27e0eb, CGROUP_SUPER_MAGIC),
	FLAG(0x9123683e, BTRFS_SUPER_MAGIC),
	FLAG(0x58465342, XFS_SUPER_MAGIC),
	FLAG(0x794c7630, OVERLAYFS_SUPER_MAGIC),
	FLAG(0x6969, NFS_SUPER_MAGIC),
	FLAG(0x65735546, FUSE_SUPER_MAGIC),
	FLAG(0x73717368, SQUASHFS_MAGIC),
	FLAG(0x4d44, MSDOS_SUPER_MAGIC),
	FLAG(0x858458f6, RAMFS_MAGIC),
	FLAG(0xcafe4a11, BPF_FS_MAGIC),
	FLAG(0x64626720, DEBUGFS_MAGIC),
	FLAG(0x74726163, TRACEFS_MAGIC),
	FLAG(0x73636673, SECURITYFS_MAGIC),
	FLAG(0x01021997, V9FS_MAGIC),
	FLAG(0x9660, ISOFS_SUPER_MAGIC),
	FLAG(0x2011bab0, EXFAT_SUPER_MAGIC),
	FLAG(0x5346544e, NTFS_SB_MAGIC),
	FLAG(0x958458f6, HUGETLBFS_MAGIC),
	FLAG(0x19800202, MQUEUE_MAGIC),
	FLAG(0x42494e4d, BINFMTFS_MAGIC),
	FLAG(0x6e736673, NSFS_MAGIC),
	FLAG(0x50495045, PIPEFS_MAGIC),
	FLAG(0x534f434b, SOCKFS_MAGIC),
	FLAG(0x09041934, ANON_INODE_FS_MAGIC),
	FLAG(0x01161970, GFS2_MAGIC),
	FLAG(0x3434, NILFS_SUPER_MAGIC),
	FLAG(0xf2f52010, F2FS_SUPER_MAGIC),
};

static const struct flag_name statfs_flags[] = {
	FLAG(0x1, ST_RDONLY), FLAG(0x2, ST_NOSUID), FLAG(0x4, ST_NODEV),
	FLAG(0x8, ST_NOEXEC), FLAG(0x10, ST_SYNCHRONOUS), FLAG(0x20, ST_VALID),
	FLAG(0x40, ST_MANDLOCK), FLAG(0x80, ST_WRITE), FLAG(0x100, ST_APPEND),
	FLAG(0x200, ST_IMMUTABLE), FLAG(0x400, ST_NOATIME),
	FLAG(0x800, ST_NODIRATIME), FLAG(0x1000, ST_RELATIME),
	FLAG(0x2000, ST_NOSYMFOLLOW),
};

/* fsid words in hex as strace shows them; 0 without the prefix. */
static void sb_fsid_word(struct strbuf *sb, __s32 w)
{
	sb_printf(sb, "%#x", (unsigned int)w);
}

void print_statfs(struct strbuf *sb, const struct arg_ctx *a)
{
	struct statfs_x86_64 st;
	const char *type;

	if (arg_is_32(a) || !cap_struct(a, &st, sizeof(st))) {
		print_addr(sb, a);
		return;
	}
	type = flag_lookup(fs_magics, ARRAY_LEN(fs_magics), st.type);
	if (type)
		sb_printf(sb, "{f_type=%s", type);
	else
		sb_printf(sb, "{f_type=%#llx", (unsigned long long)st.type);
	sb_printf(sb, ", f_bsize=%llu, f_blocks=%llu, f_bfree=%llu, f_bavail=%llu"
		  ", f_files=%llu, f_ffree=%llu, f_fsid={val=[",
		  (unsigned long long)st.bsize, (unsigned long long)st.blocks,
		  (unsigned long long)st.bfree, (unsigned long long)st.bavail,
		  (unsigned long long)st.files, (unsigned long long)st.ffree);
	sb_fsid_word(sb, st.fsid[0]);
	sb_puts(sb, ", ");
	sb_fsid_word(sb, st.fsid[1]);
	sb_printf(sb, "]}, f_namelen=%llu, f_frsize=%llu, f_flags=",
		  (unsigned long long)st.namelen, (unsigned long long)st.frsize);
	print_flags(sb, statfs_flags, ARRAY_LEN(statfs_flags), st.flags, "0");
	sb_puts(sb, "}");
}

/*
 * struct sysinfo: x86-64 (112 bytes) has longs, i386 (64 bytes) 32-bit
 * words; procs is a 16-bit field in both.
 */
void print_sysinfo(struct strbuf *sb, const struct arg_ctx *a)
{
	static const char *const ram_names[] = {
		"totalram", "freeram", "sharedram", "bufferram", "totalswap",
		"freeswap",
	};
	unsigned char raw[112];
	bool is32 = arg_is_32(a);
	size_t word = is32 ? 4 : 8, i;
	/* uptime, loads[3], the six ram_names, totalhigh, freehigh */
	__u64 v[12] = { 0 };
	__u16 procs;
	__u32 mem_unit;

	if (!cap_struct(a, raw, is32 ? 64 : 112)) {
		print_addr(sb, a);
		return;
	}
	for (i = 0; i < 10; i++)
		memcpy(&v[i], raw + i * word, word);
	memcpy(&procs, raw + 10 * word, 2);
	/* totalhigh, freehigh and mem_unit follow procs and its padding */
	memcpy(&v[10], raw + (is32 ? 44 : 88), word);
	memcpy(&v[11], raw + (is32 ? 48 : 96), word);
	memcpy(&mem_unit, raw + (is32 ? 52 : 104), 4);
	if (is32)
		v[0] = (__u64)(__s64)(__s32)v[0];
	sb_printf(sb, "{uptime=%lld, loads=[%llu, %llu, %llu]", (long long)v[0],
		  (unsigned long long)v[1], (unsigned long long)v[2],
		  (unsigned long long)v[3]);
	for (i = 0; i < ARRAY_LEN(ram_names); i++)
		sb_printf(sb, ", %s=%llu", ram_names[i],
			  (unsigned long long)v[4 + i]);
	sb_printf(sb, ", procs=%u, totalhigh=%llu, freehigh=%llu, mem_unit=%u}",
		  procs, (unsigned long long)v[10], (unsigned long long)v[11],
		  mem_unit);
}
