/* SPDX-License-Identifier: GPL-2.0 */
/* Syscall names by (ABI, number), from the generated kernel tables. */
#ifndef SYSOBS_SYSCALLS_H
#define SYSOBS_SYSCALLS_H

#include <stddef.h>

/* Longest name: "syscall_0x" + 16 hex digits + NUL. */
#define SYSCALL_NAME_MAX 32

/*
 * Name of syscall nr in the given ABI; numbers the table does not know get
 * strace's "syscall_0x1d8" style name, written into buf.
 */
const char *syscall_name(unsigned int abi, long nr, char *buf, size_t len);

/* Number of the named syscall in the given ABI, or -1. */
long syscall_number(unsigned int abi, const char *name);

/* One past the highest number the table of abi knows. */
unsigned int syscall_table_len(unsigned int abi);

#endif /* SYSOBS_SYSCALLS_H */
