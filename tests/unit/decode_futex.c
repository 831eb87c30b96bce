// SPDX-License-Identifier: GPL-2.0
/* futex: operation names and the arguments each operation shows. */
#include "decode_test.h"

int main(void)
{
	static const __s64 ts[2] = { 1, 0 };
	static const __s32 ts32[2] = { 0, 5000 };
	struct decoded_call c;

	sb_init(&test_sb);
	c = CALL("futex", 0, 0x7ffd1a47e21c, 0x81, 1, 0, 0, 0);
	CHECK_LINE(c, "futex(0x7ffd1a47e21c, FUTEX_WAKE_PRIVATE, 1) = 0");
	c = CALL("futex", 0, 0x5581000, 0x80, 2, 0, 0, 0);
	CHECK_LINE(c, "futex(0x5581000, FUTEX_WAIT_PRIVATE, 2, NULL) = 0");
	c = CALL("futex", -110, 0x5581000, 0, 0, 0x1000, 0, 0);
	cap(&c, 3, ts, 16, 0);
	CHECK_LINE(c, "futex(0x5581000, FUTEX_WAIT, 0, {tv_sec=1, tv_nsec=0}) = -1 ETIMEDOUT (Connection timed out)");
	c = CALL("futex", -11, 0x7ffc2bb0565c, 0x189, 1, 0, 0, 0xffffffff);
	CHECK_LINE(c, "futex(0x7ffc2bb0565c, FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME, 1, NULL, FUTEX_BITSET_MATCH_ANY) = -1 EAGAIN (Resource temporarily unavailable)");
	c = CALL("futex", 1, 0x1000, 0x84, 1, 2147483647, 0x2000, 0);
	CHECK_LINE(c, "futex(0x1000, FUTEX_CMP_REQUEUE_PRIVATE, 1, 2147483647, 0x2000, 0) = 1");
	c = CALL("futex", 0, 0x1000, 0x87, 0, 0, 0, 0);
	CHECK_LINE(c, "futex(0x1000, FUTEX_UNLOCK_PI_PRIVATE) = 0");
	c = CALL("futex", -38, 0x1000, 0x7e, 0, 0, 0, 0);
	CHECK_LINE(c, "futex(0x1000, 0x7e /* FUTEX_??? */) = -1 ENOSYS (Function not implemented)");
	/* i386 futex takes the old 32-bit timespec */
	c = CALL32("futex", -110, 0x1000, 0x80, 3, 0xffd00000, 0, 0);
	cap(&c, 3, ts32, 8, 0);
	CHECK_LINE(c, "futex(0x1000, FUTEX_WAIT_PRIVATE, 3, {tv_sec=0, tv_nsec=5000}) = -1 ETIMEDOUT (Connection timed out)");
	c = CALL32("futex_time64", 0, 0x1000, 0x80, 3, 0xffd00000, 0, 0);
	cap(&c, 3, ts, 16, 0);
	CHECK_LINE(c, "futex_time64(0x1000, FUTEX_WAIT_PRIVATE, 3, {tv_sec=1, tv_nsec=0}) = 0");
	UNIT_EXIT();
}
