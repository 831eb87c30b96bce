// SPDX-License-Identifier: GPL-2.0
/*
 * struct sigevent, as timer_create takes it: how the timer notifies
 * (SIGEV_*), with which signal and value, and to which thread.
 */
#include <string.h>
#include "decode_priv.h"

#define SIGEV_SIGNAL_	0
#define SIGEV_THREAD_ID_ 4

static const struct flag_name sigev_notify_names[] = {
	FLAG(0, SIGEV_SIGNAL), FLAG(1, SIGEV_NONE), FLAG(2, SIGEV_THREAD),
	FLAG(4, SIGEV_THREAD_ID),
};

/*
 * x86-64: an 8-byte sigev_value, signo and notify at 8 and 12, the
 * thread id at 16; i386: a 4-byte value, then 4, 8 and 12.
 */
void print_sigevent(struct strbuf *sb, const struct arg_ctx *a)
{
	unsigned char raw[20];
	bool is32 = arg_is_32(a);
	size_t word = is32 ? 4 : 8;
	__u64 value = 0;
	__s32 signo, notify, tid;

	if (!cap_struct(a, raw, is32 ? 16 : 20)) {
		print_addr(sb, a);
		return;
	}
	memcpy(&value, raw, word);
	memcpy(&signo, raw + word, 4);
	memcpy(&notify, raw + word + 4, 4);
	memcpy(&tid, raw + word + 8, 4);
	sb_puts(sb, "{");
	/* strace leaves a zero value out */
	if (value)
		sb_printf(sb, "sigev_value={sival_int=%d, sival_ptr=%#llx}, ",
			  (int)(__u32)value, (unsigned long long)value);
	sb_puts(sb, "sigev_signo=");
	/* the signal is named only where the kernel sends it */
	if (notify == SIGEV_SIGNAL_ || notify == SIGEV_THREAD_ID_)
		sb_signame(sb, (unsigned int)signo);
	else
		sb_printf(sb, "%d", signo);
	sb_puts(sb, ", sigev_notify=");
	print_enum(sb, sigev_notify_names, ARRAY_LEN(sigev_notify_names),
		   (__u32)notify, "SIGEV_");
	if (notify == SIGEV_THREAD_ID_)
		sb_printf(sb, ", sigev_notify_thread_id=%d", tid);
	sb_puts(sb, "}");
}
