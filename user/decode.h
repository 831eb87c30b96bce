/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Decoding one syscall into strace's text: "openat(AT_FDCWD, \"/etc\",
 * O_RDONLY) = 3". The live pipeline (live.c) assembles a struct
 * decoded_call from the BPF records; the decoders (decode_*.c, one file
 * per syscall family, table-driven) only format. Nothing here touches
 * BPF, so every decoder is unit-testable with made-up calls.
 */
#ifndef SYSOBS_DECODE_H
#define SYSOBS_DECODE_H

#include <stdbool.h>
#include <stddef.h>
#include <linux/types.h>
#include "sysobs.h"

/*
 * Memory captured for one argument, as the capture spec asked
 * (decode_capture_specs()):
 *   STR_IN      the string, NUL included when it fit;
 *   BUF_IN/OUT  the first len bytes of the buffer;
 *   STRUCT_*    the struct's bytes (fewer than size: shown as its address);
 *   ARGV        the array's strings back to back, each NUL-terminated,
 *               in order; SYSOBS_CAPF_TRUNCATED when the array (or the
 *               capture room) had more than what is here.
 * SYSOBS_CAPF_TRUNCATED on a string or buffer: more bytes than captured
 * (printed with "..."); SYSOBS_CAPF_FAULT: unreadable (printed as the
 * address). An out argument (read's buffer, stat's struct) is decoded
 * only when the call returned successfully; otherwise its address.
 */
struct capture {
	const unsigned char *data;	/* NULL: nothing captured */
	unsigned int len;		/* bytes in data */
	unsigned int flags;		/* SYSOBS_CAPF_* (bpf/sysobs.h) */
};

struct decoded_call {
	unsigned int abi;		/* SYSOBS_ABI_* */
	long nr;
	__u64 args[6];
	long ret;
	bool finished;			/* false: still blocked, "<unfinished ...>" */
	struct capture cap[6];		/* by argument index */
};

struct decode_opts {
	int string_limit;		/* -s N: bytes of data shown before "..." */
};

/* A growable output buffer that never overflows. */
struct strbuf {
	char *buf;
	size_t len, cap;
};

void sb_init(struct strbuf *sb);
void sb_free(struct strbuf *sb);
void sb_reset(struct strbuf *sb);
void sb_printf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void sb_puts(struct strbuf *sb, const char *s);

/*
 * Append "name(args)" for the call (no " = ret"). Arguments of an
 * unfinished call stop before the first output, as strace prints them:
 * "read(3, " or "wait4(-1, " or "pause(" (no closing parenthesis); then
 * decode_return() adds " <unfinished ...>".
 */
void decode_call(struct strbuf *sb, const struct decoded_call *c,
		 const struct decode_opts *o);

/*
 * Append " = 3", " = -1 ENOENT (No such file or directory)", " = ?",
 * " = 0x7f12000" (mmap, brk), " = ? ERESTARTSYS (To be restarted if
 * SA_RESTART is set)"... Like strace, " = " starts at column 40 when the
 * line is shorter: the column is counted from sb's last newline, so put
 * any "[pid N] " prefix in the same buffer first. For an unfinished call,
 * appends " <unfinished ...>".
 */
void decode_return(struct strbuf *sb, const struct decoded_call *c);

/*
 * Append data as a quoted C string the way strace escapes it (never a raw
 * control byte), cut at limit bytes with "..." after the closing quote.
 */
void decode_quoted(struct strbuf *sb, const unsigned char *data, size_t len,
		   size_t limit, bool truncated);

/*
 * What BPF must capture for each argument of each syscall, derived from the
 * decoders' signature table: fills spec (indexed abi * SYSOBS_NR_SLOTS + nr;
 * n is the number of entries, normally SYSOBS_NR_ABIS * SYSOBS_NR_SLOTS).
 * BUF_IN's length is the argument len_arg (always the next one); BUF_OUT's
 * is the return value; STRUCT_* sizes are per ABI (i386 layouts differ).
 */
void decode_capture_specs(struct sysobs_capspec *spec, size_t n);

/* "SIGCHLD", "SIGRTMIN", "SIGRT_3"; the number outside 1..64. */
void sb_signame(struct strbuf *sb, unsigned int sig);

/*
 * Append a delivered signal's siginfo as strace prints it in its
 * "--- SIGCHLD {...} ---" lines: "{si_signo=SIGCHLD, si_code=CLD_EXITED,
 * si_pid=5566, si_uid=0, si_status=0, si_utime=0, si_stime=0}".
 * ksiginfo: the kernel's struct kernel_siginfo (SYSOBS_SIGINFO_SIZE bytes).
 */
void decode_siginfo(struct strbuf *sb, const void *ksiginfo);

/* errno name ("ENOENT") and message, or NULL for unknown numbers. */
const char *errno_name(int err);
const char *errno_message(int err);

#endif /* SYSOBS_DECODE_H */
