// SPDX-License-Identifier: GPL-2.0
/*
 * A fixed sequence of syscalls whose arguments are all plain values
 * (flags, numbers, addresses: no memory to read), for comparing the
 * decoders with strace on the same calls (tests/t_decode.sh). Failing
 * calls are on purpose: they show the errno decoding. Runs the same way
 * on x86-64 and i386 (built with -m32).
 */
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <unistd.h>
#include <netinet/in.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <linux/futex.h>

static void memory_calls(void)
{
	char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		return;
	mprotect(p, 4096, PROT_NONE);
	mprotect(p, 4096, PROT_READ | PROT_EXEC);
	madvise(p, 8192, MADV_DONTNEED);
	madvise(p, 8192, 99);
	msync(p, 4096, MS_ASYNC | MS_INVALIDATE);
	mlock(p, 4096);
	munlock(p, 4096);
	munmap(p, 8192);
	mmap(NULL, 4096, PROT_READ, MAP_SHARED | MAP_ANONYMOUS | MAP_POPULATE,
	     -1, 0);
	mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, 12345, 0);
}

static void fd_calls(void)
{
	/* not a dup of stdout: F_SETFL would change the caller's stdout */
	int fd = dup(open("/dev/null", O_WRONLY));

	fcntl(fd, F_GETFL);
	fcntl(fd, F_GETFD);
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	fcntl(fd, F_GETFD);
	fcntl(fd, F_SETFL, O_NONBLOCK | O_APPEND);
	fcntl(fd, F_DUPFD_CLOEXEC, 30);
	fcntl(fd, 999);
	dup2(fd, 40);
	dup3(fd, 41, O_CLOEXEC);
	lseek(0, 0, SEEK_CUR);
	lseek(12345, 10, SEEK_END);
	flock(fd, LOCK_SH | LOCK_NB);
	close(fd);
	close(12345);
}

static void socket_calls(void)
{
	int s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

	listen(s, 5);
	shutdown(s, SHUT_RDWR);
	close(s);
	close(socket(AF_INET6, SOCK_DGRAM | SOCK_NONBLOCK, IPPROTO_UDP));
	close(socket(AF_UNIX, SOCK_SEQPACKET, 0));
	socket(99, SOCK_STREAM, 0);
}

static void process_calls(void)
{
	static int word;

	/* no pid of ours: it would differ between two runs */
	kill(0, 0);
	kill(-12345, SIGTERM);
	kill(-12345, SIGRTMIN + 3);
	umask(077);
	umask(022);
	syscall(SYS_futex, &word, FUTEX_WAKE_PRIVATE, 1, 0, 0, 0);
	syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 1, 0, 0, 0);
	sched_yield();
}

int main(void)
{
	memory_calls();
	fd_calls();
	socket_calls();
	process_calls();
	return 0;
}
