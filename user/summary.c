// SPDX-License-Identifier: GPL-2.0
/*
 * sysobs -c: let the kernel aggregate, then read the per-CPU maps once at
 * the end (or every --interval) and print the report.
 */
#include <stdio.h>
#include <string.h>
#include "modes.h"
#include "report.h"
#include "session.h"

#define TICK_MS 100

static int print_report(struct session *s)
{
	struct stats_snapshot snap;
	int err = stats_read(&s->ld.maps, &snap);

	if (err) {
		fprintf(stderr, "sysobs: cannot read statistics: %s\n", strerror(-err));
		return -1;
	}
	report_text(s->out, &snap, s->cfg);
	stats_free(&snap);
	return 0;
}

int run_summary(const struct config *cfg)
{
	struct session s;
	int code = session_start(&s, cfg);

	if (code != EXIT_OK) {
		session_end(&s);
		return code;
	}
	if (cfg->verbose)
		fprintf(stderr, "sysobs: attached in %.1f ms (%s)\n", s.attach_ms,
			s.ld.raw_tp ? "raw_tp" : "tp_btf");
	while (!session_done(&s))
		session_wait(&s, -1, TICK_MS);
	if (print_report(&s)) {
		session_end(&s);
		return EXIT_FAIL;
	}
	return session_end(&s);
}
