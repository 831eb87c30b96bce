// SPDX-License-Identifier: GPL-2.0
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <bpf/bpf.h>
#include "sysobs.h"
#include "session.h"

volatile sig_atomic_t session_stop_requested;
volatile sig_atomic_t session_reopen_requested;
static sigset_t wait_mask;	/* the mask ppoll waits with: signals let through */
static sigset_t stop_signals;	/* SIGINT, SIGTERM */

static void on_stop_signal(int sig)
{
	/* A second SIGINT exits at once; the kernel frees the BPF objects. */
	if (session_stop_requested && sig == SIGINT)
		_exit(128 + SIGINT);
	session_stop_requested = 1;
}

static void on_child(int sig)
{
	(void)sig;
}

static void on_hangup(int sig)
{
	(void)sig;
	session_reopen_requested = 1;
}

/* What sysobs's caller had, for a launched CMD to start with the same. */
sigset_t session_caller_mask;
sigset_t session_caller_ignored;

static void save_caller_signals(void)
{
	static const int handled[] = { SIGINT, SIGTERM, SIGCHLD, SIGHUP, SIGPIPE };
	struct sigaction old;
	size_t i;

	sigemptyset(&session_caller_ignored);
	for (i = 0; i < sizeof(handled) / sizeof(handled[0]); i++)
		if (!sigaction(handled[i], NULL, &old) && old.sa_handler == SIG_IGN)
			sigaddset(&session_caller_ignored, handled[i]);
}

static void setup_signals(void)
{
	struct sigaction sa = { 0 };
	sigset_t block;

	save_caller_signals();
	sa.sa_handler = on_stop_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sa.sa_handler = on_child;
	sigaction(SIGCHLD, &sa, NULL);
	sa.sa_handler = on_hangup;
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	/* Block them outside ppoll, so that none is missed between checks. */
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGCHLD);
	sigaddset(&block, SIGHUP);
	sigprocmask(SIG_BLOCK, &block, &wait_mask);
	session_caller_mask = wait_mask;
	sigdelset(&wait_mask, SIGINT);
	sigdelset(&wait_mask, SIGTERM);
	sigdelset(&wait_mask, SIGCHLD);
	sigdelset(&wait_mask, SIGHUP);
	sigemptyset(&stop_signals);
	sigaddset(&stop_signals, SIGINT);
	sigaddset(&stop_signals, SIGTERM);
}

double monotonic_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

double session_elapsed(const struct session *s)
{
	return monotonic_now() - (s->started.tv_sec + s->started.tv_nsec / 1e9);
}

static int check_pids(const struct config *cfg)
{
	int i;

	for (i = 0; i < cfg->nr_pids; i++) {
		if (kill(cfg->pids[i], 0) && errno == ESRCH) {
			fprintf(stderr, "sysobs: -p %d: no such process\n", cfg->pids[i]);
			return -1;
		}
	}
	return 0;
}

/* Parent of process pid from /proc/pid/stat, or -1. */
static pid_t parent_of(const char *pid)
{
	char path[64], buf[512], *p;
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%s/stat", pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = 0;
	p = strrchr(buf, ')');	/* the name may hold spaces and parentheses */
	if (!p || strlen(p) < 5)
		return -1;
	return (pid_t)strtol(p + 4, NULL, 10);	/* ") S PPID" */
}

/*
 * -p with -f: descendants that already exist are traced too, as strace -f
 * -p does. Passes over /proc until no process is added (a child may be
 * listed before its parent became a target).
 */
static void add_descendants(struct session *s)
{
	bool added = true;
	struct dirent *e;
	__u32 key, val;
	pid_t parent;
	DIR *d;

	while (added) {
		added = false;
		d = opendir("/proc");
		if (!d)
			return;
		while ((e = readdir(d))) {
			if (e->d_name[0] < '1' || e->d_name[0] > '9')
				continue;
			key = (__u32)strtoul(e->d_name, NULL, 10);
			if (!bpf_map_lookup_elem(s->ld.targets_fd, &key, &val))
				continue;
			parent = parent_of(e->d_name);
			key = (__u32)parent;
			if (parent <= 0 || bpf_map_lookup_elem(s->ld.targets_fd, &key, &val))
				continue;
			if (!loader_add_target(&s->ld, (pid_t)strtoul(e->d_name, NULL, 10),
					       SYSOBS_TARGET_ACTIVE))
				added = true;
		}
		closedir(d);
	}
}

static int add_targets(struct session *s)
{
	const struct config *cfg = s->cfg;
	int i, err;

	for (i = 0; i < cfg->nr_pids; i++) {
		err = loader_add_target(&s->ld, cfg->pids[i], SYSOBS_TARGET_ACTIVE);
		if (err) {
			fprintf(stderr, "sysobs: -p %d: cannot add target: %s\n",
				cfg->pids[i], strerror(-err));
			return -1;
		}
	}
	if (cfg->nr_pids && cfg->follow_forks)
		add_descendants(s);
	if (s->has_child) {
		err = loader_add_target(&s->ld, s->child.pid, SYSOBS_TARGET_PENDING_EXEC);
		if (err) {
			fprintf(stderr, "sysobs: cannot add %s as target: %s\n",
				cfg->cmd[0], strerror(-err));
			return -1;
		}
	}
	return 0;
}

int session_start(struct session *s, const struct config *cfg)
{
	memset(s, 0, sizeof(*s));
	s->cfg = cfg;
	s->out = stderr;
	s->filtered = cfg->nr_pids > 0 || cfg->cmd;
	clock_gettime(CLOCK_MONOTONIC, &s->started);
	if (loader_preflight() || check_pids(cfg))
		return EXIT_FAIL;
	if (cfg->cmd && launch_resolve(cfg->cmd, &s->child))
		return EXIT_FAIL;
	if (cfg->output) {
		s->out = fopen(cfg->output, "we");	/* CMD must not inherit it */
		if (!s->out) {
			fprintf(stderr, "sysobs: -o %s: %s\n", cfg->output, strerror(errno));
			s->out = stderr;
			return EXIT_FAIL;
		}
	}
	/* Only now: opening a FIFO may block, and SIGINT must still end it. */
	setup_signals();
	if (loader_start(&s->ld, cfg, s->filtered))
		return EXIT_FAIL;
	if (cfg->cmd) {
		if (launch_fork(cfg->cmd, &s->child))
			return EXIT_FAIL;
		s->has_child = true;
	}
	if (add_targets(s))
		return EXIT_FAIL;
	/* A -p target may have exited between the check and the attach. */
	if (cfg->nr_pids && !cfg->cmd && !loader_sweep_targets(&s->ld)) {
		fprintf(stderr, "sysobs: -p %d: no such process\n", cfg->pids[0]);
		return EXIT_FAIL;
	}
	s->attach_ms = session_elapsed(s) * 1e3;
	if (s->has_child)
		launch_release(&s->child);
	return EXIT_OK;
}

static void reap_child(struct session *s)
{
	int status;

	if (!s->has_child || s->child_reaped)
		return;
	if (waitpid(s->child.pid, &status, WNOHANG) == s->child.pid) {
		s->child_reaped = true;
		s->child_status = status;
	}
}

int session_wait(struct session *s, int fd, int timeout_ms)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	struct timespec ts = { timeout_ms / 1000, (timeout_ms % 1000) * 1000000L };
	int n;

	n = ppoll(&pfd, fd >= 0 ? 1 : 0, &ts, &wait_mask);
	reap_child(s);
	return n > 0 && (pfd.revents & POLLIN);
}

int session_wait_fds(struct session *s, struct pollfd *fds, int nfds,
		     int timeout_ms)
{
	struct timespec ts = { timeout_ms / 1000, (timeout_ms % 1000) * 1000000L };
	int n = ppoll(fds, (nfds_t)nfds, &ts, &wait_mask);

	reap_child(s);
	return n;
}

int session_reopen_output(struct session *s)
{
	FILE *f;

	session_reopen_requested = 0;
	if (!s->cfg->output || s->out == stderr)
		return 0;
	/* log rotation: the old file was moved away; start a new one */
	f = fopen(s->cfg->output, "a");
	if (!f) {
		fprintf(stderr, "sysobs: -o %s: cannot reopen: %s\n", s->cfg->output,
			strerror(errno));
		return -1;
	}
	fclose(s->out);
	s->out = f;
	return 0;
}

bool session_done(struct session *s)
{
	const struct config *cfg = s->cfg;

	if (session_stop_requested) {
		/*
		 * SIGINT is blocked outside ppoll: let a second one through
		 * now, so that it ends sysobs at once even if the report or
		 * the teardown blocks (e.g. writing to a full pipe).
		 */
		sigprocmask(SIG_UNBLOCK, &stop_signals, NULL);
		return true;
	}
	if (cfg->duration > 0 && session_elapsed(s) >= cfg->duration)
		return true;
	reap_child(s);
	if (s->has_child) {
		if (!s->child_reaped)
			return false;
		/* -f: strace waits for the descendants as well */
		return !cfg->follow_forks || !loader_sweep_targets(&s->ld);
	}
	if (s->filtered)
		return !loader_sweep_targets(&s->ld);
	return false;
}

int session_end(struct session *s)
{
	int code = EXIT_OK;

	loader_stop(&s->ld);
	if (s->has_child && !s->child_reaped) {
		if (s->child.go_fd >= 0) {
			launch_abort(&s->child);	/* never started */
		} else {
			/*
			 * Stopped by a signal or --duration: a CMD that sysobs
			 * launched does not outlive it (-p targets are never
			 * touched).
			 */
			kill(s->child.pid, SIGTERM);
		}
	}
	if (s->has_child && s->child_reaped)
		code = launch_exit_code(s->child_status);
	if (s->out && s->out != stderr)
		fclose(s->out);
	free(s->child.path);
	return code;
}
