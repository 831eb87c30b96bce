// SPDX-License-Identifier: GPL-2.0
/*
 * Known syscalls with known results, for exact expected lines in
 * tests/t_live.sh. Exits with 3.
 */
#include <fcntl.h>
#include <unistd.h>
#include <sys/syscall.h>

int main(void)
{
	char buf[16];
	int fd;

	syscall(SYS_openat, AT_FDCWD, "/nonexistent/sysobs", O_RDONLY);
	/* paths are shown whole, whatever -s says */
	syscall(SYS_openat, AT_FDCWD, "/nonexistent/a-path-longer-than-32-bytes", O_RDONLY);
	fd = syscall(SYS_openat, AT_FDCWD, "/dev/null", O_WRONLY);
	syscall(SYS_write, fd, "hello sysobs\n", 13);
	syscall(SYS_close, fd);
	fd = syscall(SYS_openat, AT_FDCWD, "/dev/zero", O_RDONLY);
	syscall(SYS_read, fd, buf, 4);
	syscall(SYS_close, fd);
	syscall(SYS_close, 1000);
	syscall(SYS_write, -1, "0123456789012345678901234567890123456789", 40);
	syscall(SYS_write, -1, (void *)8, 4);	/* unreadable: the address is shown */
	syscall(SYS_exit_group, 3);
	return 0;
}
