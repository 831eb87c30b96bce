// SPDX-License-Identifier: GPL-2.0
/* Memory decoders: PROT_*, MAP_*, MADV_*, mremap, msync, mlockall. */
#include "decode_test.h"

int main(void)
{
	struct decoded_call c;

	sb_init(&test_sb);
	c = CALL("mmap", 0x7f2aa2ca1000, 0, 8192, 3, 0x22, -1, 0);
	CHECK_LINE(c, "mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f2aa2ca1000");
	c = CALL("mmap", 0x7f2aa2cca000, 0x7f2aa2cca000, 1400832, 5, 0x812, 3, 0x26000);
	CHECK_LINE(c, "mmap(0x7f2aa2cca000, 1400832, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE, 3, 0x26000) = 0x7f2aa2cca000");
	c = CALL("mmap", 0x7fe05ed70000, 0, 4096, 1, 0x8021, -1, 0);
	CHECK_LINE(c, "mmap(NULL, 4096, PROT_READ, MAP_SHARED|MAP_ANONYMOUS|MAP_POPULATE, -1, 0) = 0x7fe05ed70000");
	c = CALL("mmap", 0x7f0000000000, 0, 4096, 0, 0x100000 | 0x20 | 0x2 | 0x40000 | (21 << 26), -1, 0);
	CHECK_LINE(c, "mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|MAP_FIXED_NOREPLACE|MAP_HUGE_2MB, -1, 0) = 0x7f0000000000");
	c = CALL("mmap", 0x7f0000000000, 0, 1 << 30, 3, 0x40022 | (30 << 26), -1, 0);
	CHECK_LINE(c, "mmap(NULL, 1073741824, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|MAP_HUGE_1GB, -1, 0) = 0x7f0000000000");
	c = CALL("mmap", 0x7f0000000000, 0, 4096, 3, 0x4000022, -1, 0);
	CHECK_LINE(c, "mmap(NULL, 4096, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_UNINITIALIZED, -1, 0) = 0x7f0000000000");
	c = CALL("mmap", -22, 0, 4096, 0x10, 0x7, -1, 0);
	CHECK_LINE(c, "mmap(NULL, 4096, 0x10, 0x7 /* MAP_??? */, -1, 0) = -1 EINVAL (Invalid argument)");
	c = CALL("mprotect", 0, 0x7f2aa2e90000, 4096, 0);
	CHECK_LINE(c, "mprotect(0x7f2aa2e90000, 4096, PROT_NONE) = 0");
	c = CALL("mprotect", 0, 0x7f2aa2e73000, 16384, 1 | 0x01000000);
	CHECK_LINE(c, "mprotect(0x7f2aa2e73000, 16384, PROT_READ|PROT_GROWSDOWN) = 0");
	c = CALL("madvise", 0, 0x7f2aa2e90000, 8192, 4);
	CHECK_LINE(c, "madvise(0x7f2aa2e90000, 8192, MADV_DONTNEED) = 0");
	c = CALL("madvise", -22, 0, 0, 99);
	CHECK_LINE(c, "madvise(NULL, 0, 0x63 /* MADV_??? */) = -1 EINVAL (Invalid argument)");
	c = CALL("munmap", 0, 0x7f2aa2e86000, 45099);
	CHECK_LINE(c, "munmap(0x7f2aa2e86000, 45099) = 0");
	c = CALL("mremap", 0x7f0000200000, 0x7f0000100000, 4096, 8192, 1, 0);
	CHECK_LINE(c, "mremap(0x7f0000100000, 4096, 8192, MREMAP_MAYMOVE, NULL) = 0x7f0000200000");
	c = CALL("msync", 0, 0x7f0000100000, 4096, 4 | 2);
	CHECK_LINE(c, "msync(0x7f0000100000, 4096, MS_INVALIDATE|MS_SYNC) = 0");
	c = CALL("mlockall", 0, 3);
	CHECK_LINE(c, "mlockall(MCL_CURRENT|MCL_FUTURE) = 0");
	/* i386 mmap2: 32-bit pointers, -1 as a 32-bit fd */
	c = CALL32("mmap2", 0xf7f00000, 0, 8192, 3, 0x22, 0xffffffff, 0);
	CHECK_LINE(c, "mmap2(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0xf7f00000");
	/* mmap2's offset counts 4096-byte pages; strace shows bytes */
	c = CALL32("mmap2", 0xf7dad000, 0xf7dad000, 1544192, 5, 0x812, 3, 0x22);
	CHECK_LINE(c, "mmap2(0xf7dad000, 1544192, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE, 3, 0x22000) = 0xf7dad000");
	/* i386 old mmap takes one pointer to its arguments */
	c = CALL32("mmap", 0xf7f00000, 0xffd00000);
	CHECK_LINE(c, "mmap(0xffd00000) = 0xf7f00000");
	c = CALL("set_mempolicy", -22, 2 | (1 << 15), 0, 0);
	CHECK_LINE(c, "set_mempolicy(MPOL_BIND|MPOL_F_STATIC_NODES, NULL, 0) = -1 EINVAL (Invalid argument)");
	c = CALL("set_mempolicy", 0, 5, 0x1000, 64);
	CHECK_LINE(c, "set_mempolicy(MPOL_PREFERRED_MANY, 0x1000, 64) = 0");
	c = CALL("getrandom", 8, 0x1000, 8, 1);
	cap(&c, 0, "\x0d\xfa\x4c\x9e\x73\x1a\x70\x0d", 8, 0);
	CHECK_LINE(c, "getrandom(\"\\x0d\\xfa\\x4c\\x9e\\x73\\x1a\\x70\\x0d\", 8, GRND_NONBLOCK) = 8");
	c = CALL("getrandom", -22, 0, 0, 7);
	CHECK_LINE(c, "getrandom(NULL, 0, GRND_NONBLOCK|GRND_RANDOM|GRND_INSECURE) = -1 EINVAL (Invalid argument)");
	c = CALL("memfd_create", 3, 0x1000, 3);
	cap_str(&c, 0, "shm");
	CHECK_LINE(c, "memfd_create(\"shm\", MFD_CLOEXEC|MFD_ALLOW_SEALING) = 3");
	c = CALL("mlock2", 0, 0, 0, 1);
	CHECK_LINE(c, "mlock2(NULL, 0, MLOCK_ONFAULT) = 0");
	/* the kernel's three arguments (strace 6.1 shows two, before cpu_id) */
	c = CALL("membarrier", 0, 8, 0, 0);
	CHECK_LINE(c, "membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0) = 0");
	UNIT_EXIT();
}
