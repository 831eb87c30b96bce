/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Launching `-- CMD ARGS...`: the child is forked first and waits on a
 * pipe until the target map knows it, then execs. Counting starts at the
 * execve (the BPF side switches it from pending to active), so none of
 * the fork/exec plumbing is counted, as with `strace -c CMD`.
 */
#ifndef SYSOBS_LAUNCH_H
#define SYSOBS_LAUNCH_H

#include <sys/types.h>

struct launch {
	pid_t pid;
	int go_fd;		/* write end: one byte releases the child */
	char *path;		/* resolved executable */
};

/* Resolve argv[0] in PATH; print one line and return -1 if not found. */
int launch_resolve(char **argv, struct launch *l);

/* Fork the child, stopped before exec. 0 or -1 (message printed). */
int launch_fork(char **argv, struct launch *l);

/* Let the child exec. */
void launch_release(struct launch *l);

/* Kill and reap a child that must not run (setup failed). */
void launch_abort(struct launch *l);

/* Exit code for a wait status: the code, or 128+signal. */
int launch_exit_code(int status);

#endif /* SYSOBS_LAUNCH_H */
