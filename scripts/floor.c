// SPDX-License-Identifier: GPL-2.0
/*
 * floor: the bench's reference tracer. Loads bpf/floor.bpf.c (empty
 * tp_btf programs on sys_enter and sys_exit), attaches them, prints
 * "floor: ready" and stays until SIGINT or SIGTERM. What a syscall costs
 * under floor is what any raw_syscalls tracer pays before doing any work.
 *
 * Exit status: 0 after a signal, 1 if loading or attaching failed.
 */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <bpf/libbpf.h>
#include "floor.skel.h"

/* Only libbpf's warnings and errors: its debug chatter is noise here. */
static int print_libbpf(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	if (level == LIBBPF_DEBUG)
		return 0;
	return vfprintf(stderr, fmt, ap);
}

int main(void)
{
	struct floor_bpf *skel;
	sigset_t stop_signals;
	int sig, err;

	/*
	 * Block the stop signals before attaching, so a signal sent as soon
	 * as the ready line is read waits for sigwait() instead of killing
	 * the process before it has cleaned up.
	 */
	sigemptyset(&stop_signals);
	sigaddset(&stop_signals, SIGINT);
	sigaddset(&stop_signals, SIGTERM);
	sigprocmask(SIG_BLOCK, &stop_signals, NULL);

	libbpf_set_print(print_libbpf);
	skel = floor_bpf__open_and_load();
	if (!skel) {
		fprintf(stderr, "floor: cannot load the BPF object: %s\n", strerror(errno));
		return 1;
	}
	err = floor_bpf__attach(skel);
	if (err) {
		fprintf(stderr, "floor: cannot attach: %s\n", strerror(-err));
		floor_bpf__destroy(skel);
		return 1;
	}
	printf("floor: ready\n");
	fflush(stdout);
	sigwait(&stop_signals, &sig);
	floor_bpf__destroy(skel);
	return 0;
}
