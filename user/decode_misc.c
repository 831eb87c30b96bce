// SPDX-License-Identifier: GPL-2.0
/* Calls of no larger family: getrandom's flags. */
#include "decode_priv.h"

static const struct flag_name grnd_flags[] = {
	FLAG(1, GRND_NONBLOCK), FLAG(2, GRND_RANDOM), FLAG(4, GRND_INSECURE),
};

void print_grnd_flags(struct strbuf *sb, const struct arg_ctx *a)
{
	print_flags(sb, grnd_flags, ARRAY_LEN(grnd_flags), (__u32)arg_u(a),
		    NULL);
}
