// SPDX-License-Identifier: GPL-2.0
/*
 * Blocks in read() on a pipe nobody writes, after saying "ready" on
 * stdout: for the <unfinished ...> test (-p, then --duration ends it).
 */
#include <unistd.h>

int main(void)
{
	int fds[2];
	char c;

	if (pipe(fds))
		return 1;
	write(1, "ready\n", 6);
	return read(fds[0], &c, 1) < 0;
}
