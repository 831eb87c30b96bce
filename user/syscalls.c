// SPDX-License-Identifier: GPL-2.0
#include <stdio.h>
#include <string.h>
#include <linux/types.h>
#include "sysobs.h"
#include "syscalls.h"

/* build/syscalls_gen.c, made by scripts/gen_syscalls.sh */
extern const char *const sysobs_names_64[];
extern const unsigned int sysobs_names_64_len;
extern const char *const sysobs_names_32[];
extern const unsigned int sysobs_names_32_len;

static const char *const *table(unsigned int abi, unsigned int *len)
{
	if (abi == SYSOBS_ABI_32) {
		*len = sysobs_names_32_len;
		return sysobs_names_32;
	}
	*len = sysobs_names_64_len;
	return sysobs_names_64;
}

unsigned int syscall_table_len(unsigned int abi)
{
	unsigned int len;

	table(abi, &len);
	return len;
}

const char *syscall_name(unsigned int abi, long nr, char *buf, size_t len)
{
	unsigned int n;
	const char *const *names = table(abi, &n);

	if (nr >= 0 && (unsigned long)nr < n && names[nr])
		return names[nr];
	snprintf(buf, len, "syscall_0x%lx", (unsigned long)nr);
	return buf;
}

long syscall_number(unsigned int abi, const char *name)
{
	unsigned int n, i;
	const char *const *names = table(abi, &n);

	for (i = 0; i < n; i++)
		if (names[i] && !strcmp(names[i], name))
			return i;
	return -1;
}
