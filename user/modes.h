/* SPDX-License-Identifier: GPL-2.0 */
/* The modes main.c dispatches to; each returns the process exit code. */
#ifndef SYSOBS_MODES_H
#define SYSOBS_MODES_H

#include "config.h"

int run_summary(const struct config *cfg);	/* -c (summary.c) */
int run_live(const struct config *cfg);		/* default (live.c) */

#endif /* SYSOBS_MODES_H */
