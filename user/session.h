/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A tracing session, whatever the mode: checks, output file, the BPF
 * object, the targets (-p pids, a launched CMD, or the whole system),
 * signals, and knowing when to stop. summary.c and the other modes drive
 * one session each.
 */
#ifndef SYSOBS_SESSION_H
#define SYSOBS_SESSION_H

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <time.h>
#include "config.h"
#include "launch.h"
#include "loader.h"

struct session {
	const struct config *cfg;
	struct loader ld;
	struct launch child;
	bool has_child;
	bool child_reaped;
	int child_status;
	bool filtered;		/* targets given: -p or CMD */
	FILE *out;		/* -o FILE, or stderr */
	struct timespec started;	/* CLOCK_MONOTONIC at session_start */
	double attach_ms;	/* start of main() to attached */
};

/*
 * The signal mask sysobs was started with, and which of the signals it
 * handles were ignored then: a launched CMD gets exactly these back.
 */
extern sigset_t session_caller_mask;
extern sigset_t session_caller_ignored;

/* 1 when SIGINT/SIGTERM asked to stop. */
extern volatile sig_atomic_t session_stop_requested;
/* 1 when SIGHUP asked to reopen the -o file (log rotation). */
extern volatile sig_atomic_t session_reopen_requested;

/* Everything up to "tracing": returns 0, or an exit code (message printed). */
int session_start(struct session *s, const struct config *cfg);

/*
 * Wait up to timeout_ms for a signal, the child, or fd (if >= 0) to
 * become readable. Returns 1 when fd is readable, 0 otherwise.
 */
int session_wait(struct session *s, int fd, int timeout_ms);

/* Like session_wait for several fds; returns what ppoll returned. */
struct pollfd;
int session_wait_fds(struct session *s, struct pollfd *fds, int nfds,
		     int timeout_ms);

/* SIGHUP: reopen the -o file for appending. 0, or -1 (old file kept). */
int session_reopen_output(struct session *s);

/* True once every target is gone, --duration passed, or a stop signal came. */
bool session_done(struct session *s);

/* Seconds since session_start. */
double session_elapsed(const struct session *s);

/* Tear down (BPF object, child, output). Returns the process exit code. */
int session_end(struct session *s);

/* Monotonic time in seconds. */
double monotonic_now(void);

#endif /* SYSOBS_SESSION_H */
