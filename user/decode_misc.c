// SPDX-License-Identifier: GPL-2.0
/* Calls of no larger family: getrandom's flags, uname. */
#include <string.h>
#include "decode_priv.h"

static const struct flag_name grnd_flags[] = {
	FLAG(1, GRND_NONBLOCK), FLAG(2, GRND_RANDOM), FLAG(4, GRND_INSECURE),
};

void print_grnd_flags(struct strbuf *sb, const struct arg_ctx *a)
{
	print_flags(sb, grnd_flags, ARRAY_LEN(grnd_flags), (__u32)arg_u(a),
		    NULL);
}

#define UTS_FIELD 65	/* bytes of each struct utsname field */

/* uname({sysname="Linux", nodename="vm", ...}): the first two fields. */
void print_utsname(struct strbuf *sb, const struct arg_ctx *a)
{
	unsigned char raw[2 * UTS_FIELD];

	if (!cap_struct(a, raw, sizeof(raw))) {
		print_addr(sb, a);
		return;
	}
	sb_puts(sb, "{sysname=");
	decode_quoted(sb, raw, strnlen((char *)raw, UTS_FIELD), UTS_FIELD, false);
	sb_puts(sb, ", nodename=");
	decode_quoted(sb, raw + UTS_FIELD,
		      strnlen((char *)raw + UTS_FIELD, UTS_FIELD), UTS_FIELD,
		      false);
	sb_puts(sb, ", ...}");
}
