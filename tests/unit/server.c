// SPDX-License-Identifier: GPL-2.0
/* Unit tests of the server pieces that need no kernel: address parsing,
 * name escaping, interval min/max bounds, the group tables, JSON and the
 * Prometheus exposition of a hand-made snapshot. */
#include <stdlib.h>
#include "unit.h"
#include "groups.h"
#include "http.h"
#include "output.h"

static void test_addresses(void)
{
	CHECK(http_parse_spec("9100") == 0, "PORT");
	CHECK(http_parse_spec("0.0.0.0:9100") == 0, "ADDR:PORT");
	CHECK(http_parse_spec("[::1]:9100") == 0, "[V6]:PORT");
	CHECK(http_parse_spec("9100x") != 0, "junk port");
	CHECK(http_parse_spec("1.2.3.4:70000") != 0, "port out of range");
	CHECK(http_parse_spec("host:9100") != 0, "names are not resolved");
	CHECK(http_parse_spec(":9100") != 0, "empty address");
}

static void test_printable(void)
{
	char buf[64];

	CHECK_STR(printable("abc", 16, buf, sizeof(buf)), "abc", "plain name");
	CHECK_STR(printable("a\x1b[31m", 16, buf, sizeof(buf)), "a\\x1b[31m",
		  "control byte escaped");
	CHECK_STR(printable("a\\x1b", 16, buf, sizeof(buf)), "a\\x5cx1b",
		  "backslash escaped: no clash with an escape");
	CHECK_STR(printable("\xc3\xa9", 16, buf, sizeof(buf)), "\\xc3\\xa9",
		  "bytes >= 0x80 escaped");
	CHECK_STR(printable("0123456789abcdefXYZ", 16, buf, sizeof(buf)),
		  "0123456789abcdef", "at most max bytes");
}

static void test_interval_minmax(void)
{
	struct sysobs_stat s = { 0 };

	s.hist[10] = 3;		/* [1024, 2048) */
	s.hist[12] = 1;		/* [4096, 8192) */
	s.min_ns = 100;		/* since start: outside the interval's buckets */
	s.max_ns = 100000;
	interval_minmax(&s);
	CHECK(s.min_ns == 1024 && s.max_ns == 8191, "bounds of the buckets");
	s.min_ns = 1500;	/* inside the lowest bucket: a tighter bound */
	s.max_ns = 5000;
	interval_minmax(&s);
	CHECK(s.min_ns == 1500 && s.max_ns == 5000, "since-start values inside");
	memset(&s, 0, sizeof(s));
	s.min_ns = 7;
	interval_minmax(&s);
	CHECK(s.min_ns == 0 && s.max_ns == 0, "no timed call: 0");
}

static void test_tables(void)
{
	struct group_table t = { 0 };
	struct group_row r = { 0 };
	int i, ok = 1;

	for (i = 0; i < 5000; i++) {
		r.id = (__u64)(i % 1000);
		r.nr = i % 5;
		r.s.calls = 1;
		ok &= table_merge_row(&t, &r) == 0;
	}
	CHECK(ok, "merge 5000 rows");
	CHECK(t.nr_rows == 1000, "1000 distinct keys");	/* id and nr repeat together */
	for (i = 0, ok = 1; i < (int)t.nr_rows; i++)
		ok &= t.rows[i].s.calls == 5;
	CHECK(ok, "each key merged 5 times");
	table_free(&t);
}

static void test_prom(void)
{
	struct stat_row row = { .abi = SYSOBS_ABI_64, .nr = 24 };
	struct stats_snapshot snap = { .rows = &row, .nr_rows = 1 };
	struct prom_info info = { .attach = "tp_btf" };
	char *body = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&body, &len);

	row.s.calls = 7;
	row.s.errors = 2;
	row.s.hist[3] = 4;	/* [8, 16) ns */
	row.s.hist[39] = 1;	/* the last bucket: only in +Inf */
	row.s.total_ns = 100;
	snap.counters[SYSOBS_CNT_UNTIMED] = 2;
	CHECK(report_prom(f, &snap, &info) == 0, "exposition written");
	fclose(f);
	CHECK(strstr(body, "\nsysobs_syscalls_total{syscall=\"sched_yield\",abi=\"x86_64\"} 7\n") != NULL,
	      "calls counter");
	CHECK(strstr(body, "\nsysobs_syscall_errors_total{syscall=\"sched_yield\",abi=\"x86_64\"} 2\n") != NULL,
	      "errors counter");
	CHECK(strstr(body, "abi=\"x86_64\",le=\"1.6e-08\"} 4\n") != NULL,
	      "cumulative bucket at 16 ns");
	CHECK(strstr(body, "abi=\"x86_64\",le=\"+Inf\"} 5\n") != NULL, "+Inf bucket");
	CHECK(strstr(body, "_count{syscall=\"sched_yield\",abi=\"x86_64\"} 5\n") != NULL,
	      "count = timed calls");
	CHECK(strstr(body, "sysobs_events_lost_total{cause=\"untimed\"} 2\n") != NULL,
	      "loss counter");
	free(body);
}

int main(void)
{
	test_addresses();
	test_printable();
	test_interval_minmax();
	test_tables();
	test_prom();
	UNIT_EXIT();
}
