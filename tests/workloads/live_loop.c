// SPDX-License-Identifier: GPL-2.0
/* getppid() N times (argv[1], default 1000000): a known number of calls. */
#include <stdlib.h>
#include <unistd.h>
#include <sys/syscall.h>

int main(int argc, char **argv)
{
	long i, n = argc > 1 ? atol(argv[1]) : 1000000;

	for (i = 0; i < n; i++)
		syscall(SYS_getppid);
	return 0;
}
