// SPDX-License-Identifier: GPL-2.0
/* Live tracing (one line per syscall): not built yet, see issue 3. */
#include <stdio.h>
#include "modes.h"

int run_live(const struct config *cfg)
{
	(void)cfg;
	fprintf(stderr, "sysobs: live tracing is not available yet: use -c\n");
	return EXIT_USAGE;
}
