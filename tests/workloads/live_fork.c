// SPDX-License-Identifier: GPL-2.0
/*
 * A process tree for -f: the parent starts a thread and a child; the
 * child starts a grandchild. Each marks itself with one failing write
 * (fd -1) whose buffer names it, then exits with a known status.
 */
#include <pthread.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/wait.h>

static void mark(const char *who, int len)
{
	char buf[16];	/* on the stack: a page BPF can read (see t_live.sh) */
	int i;

	for (i = 0; i < len; i++)
		buf[i] = who[i];
	syscall(SYS_write, -1, buf, len);
}

static void *thread_main(void *arg)
{
	mark("thread", 6);
	return NULL;
}

int main(void)
{
	pthread_t t;
	pid_t child;

	pthread_create(&t, NULL, thread_main, NULL);
	pthread_join(t, NULL);
	child = fork();
	if (child == 0) {
		if (fork() == 0) {
			mark("grandchild", 10);
			_exit(7);
		}
		wait(NULL);
		mark("child", 5);
		_exit(5);
	}
	waitpid(child, NULL, 0);
	mark("parent", 6);
	return 0;
}
