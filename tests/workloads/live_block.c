// SPDX-License-Identifier: GPL-2.0
/*
 * For the <unfinished ...> test: says "ready", reads one byte from stdin
 * (the test writes it once sysobs is attached), then blocks in read() on
 * a pipe nobody writes, until killed.
 */
#include <unistd.h>

int main(void)
{
	int fds[2];
	char c;

	if (pipe(fds))
		return 1;
	write(1, "ready\n", 6);
	if (read(0, &c, 1) != 1)
		return 1;
	return read(fds[0], &c, 1) < 0;
}
