// SPDX-License-Identifier: GPL-2.0
/* Memory: PROT_*, MAP_*, MADV_*, MREMAP_*, MS_*, MCL_* (x86 values). */
#include "decode_priv.h"

static const struct flag_name prots[] = {
	FLAG(0x1, PROT_READ), FLAG(0x2, PROT_WRITE), FLAG(0x4, PROT_EXEC),
	FLAG(0x8, PROT_SEM), FLAG(0x01000000, PROT_GROWSDOWN),
	FLAG(0x02000000, PROT_GROWSUP),
};

const struct name_table prot_names = FLAG_NAMES(prots, "PROT_NONE");

/* The low bits of the flags hold a mapping type, not flags. */
#define MAP_TYPE_MASK 0xf

static const struct flag_name map_types[] = {
	FLAG(0x1, MAP_SHARED), FLAG(0x2, MAP_PRIVATE),
	FLAG(0x3, MAP_SHARED_VALIDATE),
};

static const struct flag_name map_flags[] = {
	FLAG(0x10, MAP_FIXED), FLAG(0x20, MAP_ANONYMOUS), FLAG(0x40, MAP_32BIT),
	FLAG(0x100, MAP_GROWSDOWN), FLAG(0x800, MAP_DENYWRITE),
	FLAG(0x1000, MAP_EXECUTABLE), FLAG(0x2000, MAP_LOCKED),
	FLAG(0x4000, MAP_NORESERVE), FLAG(0x8000, MAP_POPULATE),
	FLAG(0x10000, MAP_NONBLOCK), FLAG(0x20000, MAP_STACK),
	FLAG(0x40000, MAP_HUGETLB), FLAG(0x80000, MAP_SYNC),
	FLAG(0x100000, MAP_FIXED_NOREPLACE),
	FLAG(0x4000000, MAP_UNINITIALIZED),
};

#define MAP_HUGETLB_BIT 0x40000
#define MAP_HUGE_SHIFT 26
#define MAP_HUGE_MASK (0x3fu << MAP_HUGE_SHIFT)

/* With MAP_HUGETLB the top six bits are log2 of the page size: MAP_HUGE_2MB. */
static void sb_huge_size(struct strbuf *sb, unsigned int log2)
{
	static const char *const units[] = { "", "KB", "MB", "GB", "TB" };
	unsigned int unit = log2 / 10;

	if (unit >= ARRAY_LEN(units))
		unit = ARRAY_LEN(units) - 1;
	sb_printf(sb, "|MAP_HUGE_%llu%s",
		  (unsigned long long)(1ULL << (log2 - unit * 10)), units[unit]);
}

void print_mapflags(struct strbuf *sb, const struct arg_ctx *a)
{
	__u32 v = (__u32)arg_u(a);
	__u32 type = v & MAP_TYPE_MASK;
	__u32 huge = 0;

	print_enum(sb, map_types, ARRAY_LEN(map_types), type, "MAP_");
	v &= ~MAP_TYPE_MASK;
	if (v & MAP_HUGETLB_BIT) {
		huge = (v & MAP_HUGE_MASK) >> MAP_HUGE_SHIFT;
		v &= ~MAP_HUGE_MASK;
	}
	if (v) {
		sb_puts(sb, "|");
		print_flags(sb, map_flags, ARRAY_LEN(map_flags), v, NULL);
	}
	if (huge)
		sb_huge_size(sb, huge);
}

static const struct flag_name madvices[] = {
	FLAG(0, MADV_NORMAL), FLAG(1, MADV_RANDOM), FLAG(2, MADV_SEQUENTIAL),
	FLAG(3, MADV_WILLNEED), FLAG(4, MADV_DONTNEED), FLAG(8, MADV_FREE),
	FLAG(9, MADV_REMOVE), FLAG(10, MADV_DONTFORK), FLAG(11, MADV_DOFORK),
	FLAG(12, MADV_MERGEABLE), FLAG(13, MADV_UNMERGEABLE),
	FLAG(14, MADV_HUGEPAGE), FLAG(15, MADV_NOHUGEPAGE),
	FLAG(16, MADV_DONTDUMP), FLAG(17, MADV_DODUMP),
	FLAG(18, MADV_WIPEONFORK), FLAG(19, MADV_KEEPONFORK),
	FLAG(20, MADV_COLD), FLAG(21, MADV_PAGEOUT),
	FLAG(22, MADV_POPULATE_READ), FLAG(23, MADV_POPULATE_WRITE),
	FLAG(24, MADV_DONTNEED_LOCKED), FLAG(25, MADV_COLLAPSE),
	FLAG(100, MADV_HWPOISON), FLAG(101, MADV_SOFT_OFFLINE),
	FLAG(102, MADV_GUARD_INSTALL), FLAG(103, MADV_GUARD_REMOVE),
};

const struct name_table madvice_names = ENUM_NAMES(madvices, "MADV_");

static const struct flag_name mremap_flags[] = {
	FLAG(1, MREMAP_MAYMOVE), FLAG(2, MREMAP_FIXED), FLAG(4, MREMAP_DONTUNMAP),
};

const struct name_table mremap_flag_names = FLAG_NAMES(mremap_flags, NULL);

static const struct flag_name msync_flags[] = {
	FLAG(1, MS_ASYNC), FLAG(2, MS_INVALIDATE), FLAG(4, MS_SYNC),
};

const struct name_table msync_flag_names = FLAG_NAMES(msync_flags, NULL);

static const struct flag_name mlockall_flags[] = {
	FLAG(1, MCL_CURRENT), FLAG(2, MCL_FUTURE), FLAG(4, MCL_ONFAULT),
};

const struct name_table mlockall_flag_names = FLAG_NAMES(mlockall_flags, NULL);

/* mmap2 counts its offset in 4096-byte units whatever the page size. */
void print_pgoff(struct strbuf *sb, const struct arg_ctx *a)
{
	sb_printf(sb, "%#llx", (unsigned long long)arg_u(a) * 4096);
}

#define MPOL_MODE_FLAGS 0xe000

static const struct flag_name mpol_modes[] = {
	FLAG(0, MPOL_DEFAULT), FLAG(1, MPOL_PREFERRED), FLAG(2, MPOL_BIND),
	FLAG(3, MPOL_INTERLEAVE), FLAG(4, MPOL_LOCAL),
	FLAG(5, MPOL_PREFERRED_MANY), FLAG(6, MPOL_WEIGHTED_INTERLEAVE),
};

static const struct flag_name mpol_flags[] = {
	FLAG(0x8000, MPOL_F_STATIC_NODES), FLAG(0x4000, MPOL_F_RELATIVE_NODES),
	FLAG(0x2000, MPOL_F_NUMA_BALANCING),
};

/* A NUMA policy mode, with its mode flags in the top bits. */
void print_mpol_mode(struct strbuf *sb, const struct arg_ctx *a)
{
	__u32 v = (__u32)arg_u(a);

	print_enum(sb, mpol_modes, ARRAY_LEN(mpol_modes), v & ~MPOL_MODE_FLAGS,
		   "MPOL_");
	if (!(v & MPOL_MODE_FLAGS))
		return;
	sb_puts(sb, "|");
	print_flags(sb, mpol_flags, ARRAY_LEN(mpol_flags), v & MPOL_MODE_FLAGS,
		    NULL);
}

static const struct flag_name memfd_flags[] = {
	FLAG(0x1, MFD_CLOEXEC), FLAG(0x2, MFD_ALLOW_SEALING),
	FLAG(0x4, MFD_HUGETLB), FLAG(0x8, MFD_NOEXEC_SEAL), FLAG(0x10, MFD_EXEC),
};

const struct name_table memfd_flag_names = FLAG_NAMES(memfd_flags, NULL);

static const struct flag_name mlock2_flags[] = { FLAG(1, MLOCK_ONFAULT) };

const struct name_table mlock2_flag_names = FLAG_NAMES(mlock2_flags, NULL);

static const struct flag_name membarrier_cmds[] = {
	FLAG(0, MEMBARRIER_CMD_QUERY), FLAG(1, MEMBARRIER_CMD_GLOBAL),
	FLAG(2, MEMBARRIER_CMD_GLOBAL_EXPEDITED),
	FLAG(4, MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED),
	FLAG(8, MEMBARRIER_CMD_PRIVATE_EXPEDITED),
	FLAG(16, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED),
	FLAG(32, MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE),
	FLAG(64, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE),
	FLAG(128, MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ),
	FLAG(256, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ),
	FLAG(512, MEMBARRIER_CMD_GET_REGISTRATIONS),
};

const struct name_table membarrier_cmd_names =
	ENUM_NAMES(membarrier_cmds, "MEMBARRIER_CMD_");
