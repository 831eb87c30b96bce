/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Which syscalls live tracing shows: -e trace=SET (names, !negation,
 * strace's %classes, /regex, all, none), -e status=, -z, -Z, and which
 * signals get a "--- SIG ---" line: -e signal=SET. The result
 * is a bitmap per ABI that BPF checks, so unselected calls never reach
 * userspace.
 */
#ifndef SYSOBS_FILTER_H
#define SYSOBS_FILTER_H

#include <stdbool.h>
#include <linux/types.h>
#include "config.h"
#include "sysobs.h"

/* One strace class for one ABI: members as space-separated names. */
struct syscall_class {
	unsigned int abi;
	const char *name;	/* "%file", "%%stat", ... */
	const char *members;
};

/* build/classes_gen.c, from data/syscall_classes.txt; ends with a NULL name. */
extern const struct syscall_class syscall_classes[];

struct trace_filter {
	bool active;		/* some -e trace= given: the bitmap applies */
	__u64 select[SYSOBS_NR_ABIS][SYSOBS_SELECT_WORDS];
	enum sysobs_status_filter status;
	__u64 signals;		/* -e signal=: bit sig - 1 (default: all) */
};

/* From cfg's -e, -z, -Z. 0, or -1 after printing one line (exit 2). */
int filter_parse(struct trace_filter *f, const struct config *cfg);

bool filter_selected(const struct trace_filter *f, unsigned int abi, long nr);

#endif /* SYSOBS_FILTER_H */
