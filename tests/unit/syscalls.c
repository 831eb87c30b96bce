// SPDX-License-Identifier: GPL-2.0
/*
 * The generated syscall tables (scripts/gen_syscalls.sh) against the
 * kernel's own tables in data/, and the lookups in user/syscalls.c.
 */
#include <limits.h>
#include <stdlib.h>
#include <unistd.h>
#include "sysobs.h"
#include "syscalls.h"
#include "unit.h"

static char data_dir[PATH_MAX + 8];

/* $TOP/tests/bin/unit_syscalls -> $TOP/data */
static void find_data_dir(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	int i;

	if (n < 0)
		exit(1);
	exe[n] = '\0';
	for (i = 0; i < 3; i++)
		*strrchr(exe, '/') = '\0';
	snprintf(data_dir, sizeof(data_dir), "%s/data", exe);
}

static const char *name_of(unsigned int abi, long nr)
{
	static char buf[SYSCALL_NAME_MAX];

	return syscall_name(abi, nr, buf, sizeof(buf));
}

static void check_known_numbers(void)
{
	CHECK_STR(name_of(SYSOBS_ABI_64, 0), "read", "64: 0 is read");
	CHECK_STR(name_of(SYSOBS_ABI_64, 110), "getppid", "64: 110 is getppid");
	CHECK_STR(name_of(SYSOBS_ABI_64, 257), "openat", "64: 257 is openat");
	CHECK_STR(name_of(SYSOBS_ABI_64, 60), "exit", "64: 60 is exit");
	CHECK_STR(name_of(SYSOBS_ABI_64, 231), "exit_group", "64: 231 is exit_group");
	CHECK_STR(name_of(SYSOBS_ABI_64, 435), "clone3", "64: 435 is clone3");
	CHECK_STR(name_of(SYSOBS_ABI_32, 64), "getppid", "i386: 64 is getppid");
	CHECK_STR(name_of(SYSOBS_ABI_32, 295), "openat", "i386: 295 is openat");
	CHECK_STR(name_of(SYSOBS_ABI_32, 1), "exit", "i386: 1 is exit");
	CHECK_STR(name_of(SYSOBS_ABI_32, 252), "exit_group", "i386: 252 is exit_group");
	CHECK_STR(name_of(SYSOBS_ABI_32, 11), "execve", "i386: 11 is execve");
	CHECK_STR(name_of(SYSOBS_ABI_32, 192), "mmap2", "i386: 192 is mmap2");
}

static void check_unknown_numbers(void)
{
	char small[8];

	CHECK_STR(name_of(SYSOBS_ABI_64, 472), "syscall_0x1d8", "64: 472 is unknown");
	CHECK_STR(name_of(SYSOBS_ABI_64, 400), "syscall_0x190",
		  "64: a hole in the table (400) is unknown");
	CHECK_STR(name_of(SYSOBS_ABI_64, 512), "syscall_0x200",
		  "64: x32 numbers are not in the 64-bit table");
	CHECK_STR(name_of(SYSOBS_ABI_64, 1000), "syscall_0x3e8", "64: 1000 is unknown");
	CHECK_STR(name_of(SYSOBS_ABI_32, 100000), "syscall_0x186a0",
		  "i386: 100000 is unknown");
	CHECK_STR(name_of(SYSOBS_ABI_64, -1), "syscall_0xffffffffffffffff",
		  "64: -1 is unknown, full width");
	CHECK(strlen(name_of(SYSOBS_ABI_64, -1)) < SYSCALL_NAME_MAX,
	      "the longest unknown name fits SYSCALL_NAME_MAX");
	CHECK_STR(syscall_name(SYSOBS_ABI_64, 1000, small, sizeof(small)), "syscall",
		  "a short buffer is truncated, never overrun");
}

static void check_numbers(void)
{
	CHECK(syscall_number(SYSOBS_ABI_64, "getppid") == 110, "64: getppid is 110");
	CHECK(syscall_number(SYSOBS_ABI_32, "getppid") == 64, "i386: getppid is 64");
	CHECK(syscall_number(SYSOBS_ABI_64, "read") == 0, "64: read is 0");
	CHECK(syscall_number(SYSOBS_ABI_32, "restart_syscall") == 0,
	      "i386: restart_syscall is 0");
	CHECK(syscall_number(SYSOBS_ABI_32, "arch_prctl") == 384, "i386: arch_prctl is 384");
	CHECK(syscall_number(SYSOBS_ABI_32, "newfstatat") == -1,
	      "i386: newfstatat does not exist");
	CHECK(syscall_number(SYSOBS_ABI_64, "mmap2") == -1, "64: mmap2 does not exist");
	CHECK(syscall_number(SYSOBS_ABI_64, "no_such_call") == -1, "unknown name is -1");
	CHECK(syscall_number(SYSOBS_ABI_64, "") == -1, "empty name is -1");
	CHECK(syscall_number(SYSOBS_ABI_64, "syscall_0x1d8") == -1,
	      "generated unknown names are not numbers");
}

/*
 * Every line of the kernel table: kept ABIs must have their name at their
 * number, everything else (holes, other ABIs) must be unknown.
 */
static void check_against_table(const char *file, unsigned int abi,
				const char *keep1, const char *keep2)
{
	char path[PATH_MAX + 32], line[512], tbl_abi[32], name[128], what[256];
	static char expect[1024][128];
	unsigned int nr, max = 0, i, bad = 0, entries = 0;
	FILE *f;

	memset(expect, 0, sizeof(expect));
	snprintf(path, sizeof(path), "%s/%s", data_dir, file);
	f = fopen(path, "r");
	CHECK(f != NULL, file);
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		if (line[0] == '#' || sscanf(line, "%u %31s %127s", &nr, tbl_abi, name) != 3)
			continue;
		if (strcmp(tbl_abi, keep1) && strcmp(tbl_abi, keep2))
			continue;
		if (nr >= 1024)
			continue;
		strcpy(expect[nr], name);
		entries++;
		if (nr + 1 > max)
			max = nr + 1;
	}
	fclose(f);
	snprintf(what, sizeof(what), "%s: table length is highest number + 1 (%u)", file, max);
	CHECK(syscall_table_len(abi) == max, what);
	for (i = 0; i < 1024; i++) {
		char unknown[SYSCALL_NAME_MAX];
		const char *want = expect[i];

		if (!want[0]) {
			snprintf(unknown, sizeof(unknown), "syscall_0x%x", i);
			want = unknown;
		}
		if (strcmp(name_of(abi, i), want)) {
			printf("#   %s: %u is %s, want %s\n", file, i, name_of(abi, i), want);
			bad++;
		}
		if (expect[i][0] && syscall_number(abi, expect[i]) != (long)i) {
			printf("#   %s: syscall_number(%s) = %ld, want %u\n", file,
			       expect[i], syscall_number(abi, expect[i]), i);
			bad++;
		}
	}
	snprintf(what, sizeof(what), "%s: all %u entries named and numbered, holes unknown",
		 file, entries);
	CHECK(bad == 0 && entries > 300, what);
}

int main(void)
{
	find_data_dir();
	check_known_numbers();
	check_unknown_numbers();
	check_numbers();
	check_against_table("syscall_64.tbl", SYSOBS_ABI_64, "common", "64");
	check_against_table("syscall_32.tbl", SYSOBS_ABI_32, "i386", "i386");
	UNIT_EXIT();
}
