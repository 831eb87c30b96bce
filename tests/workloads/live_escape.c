// SPDX-License-Identifier: GPL-2.0
/*
 * A program that writes terminal control sequences, bytes >= 0x80 and a
 * NUL, names itself with an escape byte, and opens a path made of them:
 * sysobs's output must carry none of these bytes raw.
 */
#include <fcntl.h>
#include <unistd.h>
#include <sys/prctl.h>
#include <sys/syscall.h>

int main(void)
{
	static const char evil[] = "\033[31mred\033[0m\r\n\t\a\b\x7f\xff\x80\0end\"\\";
	int fd = open("/dev/null", O_WRONLY);

	prctl(PR_SET_NAME, "esc\033[2Jname");
	syscall(SYS_write, fd, evil, sizeof(evil) - 1);
	syscall(SYS_openat, AT_FDCWD, "/tmp/\033]0;title\a\n\xff", O_RDONLY);
	return 0;
}
