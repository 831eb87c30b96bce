// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include "launch.h"
#include "session.h"

static int is_exec_file(const char *path)
{
	struct stat st;

	return !stat(path, &st) && S_ISREG(st.st_mode) && !access(path, X_OK);
}

int launch_resolve(char **argv, struct launch *l)
{
	const char *path_env = getenv("PATH");
	char *dirs, *dir, *save = NULL, *cand;
	size_t len;

	memset(l, 0, sizeof(*l));
	l->pid = -1;
	l->go_fd = -1;
	if (strchr(argv[0], '/')) {
		if (access(argv[0], F_OK)) {
			fprintf(stderr, "sysobs: %s: %s\n", argv[0], strerror(errno));
			return -1;
		}
		l->path = strdup(argv[0]);
		return l->path ? 0 : -1;
	}
	dirs = strdup(path_env && *path_env ? path_env : "/usr/local/bin:/usr/bin:/bin");
	if (!dirs)
		return -1;
	for (dir = strtok_r(dirs, ":", &save); dir; dir = strtok_r(NULL, ":", &save)) {
		len = strlen(dir) + strlen(argv[0]) + 2;
		cand = malloc(len);
		if (!cand)
			break;
		snprintf(cand, len, "%s/%s", *dir ? dir : ".", argv[0]);
		if (is_exec_file(cand)) {
			l->path = cand;
			break;
		}
		free(cand);
	}
	free(dirs);
	if (!l->path) {
		fprintf(stderr, "sysobs: %s: %s\n", argv[0], strerror(ENOENT));
		return -1;
	}
	return 0;
}

int launch_fork(char **argv, struct launch *l)
{
	int fds[2];
	char go;

	if (pipe2(fds, O_CLOEXEC)) {
		fprintf(stderr, "sysobs: pipe: %s\n", strerror(errno));
		return -1;
	}
	l->pid = fork();
	if (l->pid < 0) {
		fprintf(stderr, "sysobs: fork: %s\n", strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (l->pid == 0) {
		static const int handled[] = { SIGINT, SIGTERM, SIGCHLD, SIGHUP, SIGPIPE };
		size_t i;

		close(fds[1]);
		/*
		 * sysobs handles, ignores and blocks some signals: CMD starts
		 * with its caller's dispositions and mask, as if run directly.
		 */
		for (i = 0; i < sizeof(handled) / sizeof(handled[0]); i++)
			signal(handled[i], sigismember(&session_caller_ignored, handled[i]) ?
						   SIG_IGN : SIG_DFL);
		sigprocmask(SIG_SETMASK, &session_caller_mask, NULL);
		/* EOF without the byte: sysobs died before releasing us */
		if (read(fds[0], &go, 1) != 1)
			_exit(127);
		execv(l->path, argv);
		fprintf(stderr, "sysobs: %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	close(fds[0]);
	l->go_fd = fds[1];
	return 0;
}

void launch_release(struct launch *l)
{
	char go = 1;

	if (write(l->go_fd, &go, 1) != 1)
		fprintf(stderr, "sysobs: cannot start %s: %s\n", l->path, strerror(errno));
	close(l->go_fd);
	l->go_fd = -1;
}

void launch_abort(struct launch *l)
{
	if (l->go_fd >= 0)
		close(l->go_fd);
	l->go_fd = -1;
	if (l->pid > 0) {
		kill(l->pid, SIGKILL);
		waitpid(l->pid, NULL, 0);
	}
	l->pid = -1;
}

int launch_exit_code(int status)
{
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return 1;
}
