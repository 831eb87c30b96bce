// SPDX-License-Identifier: GPL-2.0
/*
 * sysobs: a Linux syscall observer on eBPF. main() parses the command line
 * into one struct config and hands it to a mode.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "config.h"
#include "groups.h"
#include "http.h"
#include "modes.h"
#include "report.h"

#ifndef SYSOBS_VERSION
#define SYSOBS_VERSION "0.1"
#endif

static const char usage_text[] =
"Usage: sysobs [OPTIONS] [-p PID[,PID...]]... [-- CMD [ARGS...]]\n"
"Observe the system calls of processes, a command, or the whole system with\n"
"eBPF, the way strace shows them, without ever stopping the traced program.\n"
"No target: the whole system (sysobs's own calls excluded).\n"
"\n"
"Targets:\n"
"  -p, --pid PID[,PID]   trace running process(es), all their threads (repeatable)\n"
"  -- CMD [ARGS...]      run CMD and trace it from its execve on; sysobs exits\n"
"                        with CMD's exit status (128+N if killed by signal N)\n"
"  -f, --follow-forks    also trace child processes the targets create\n"
"      --comm NAME       only processes whose command name is NAME\n"
"      --cgroup PATH     only processes in this cgroup v2 (and below)\n"
"\n"
"Summary (strace -c):\n"
"  -c, --summary         count calls, errors and elapsed time per syscall, in\n"
"                        the kernel; print a table at the end (strace -c -w);\n"
"                        --summary-only is the same (strace's long name)\n"
"  -C, --summary-with-trace  print live lines and the summary at the end\n"
"  -S, --sort KEY        sort by time (default), calls, errors, name, avg, min,\n"
"                        max, p50, p99, or nothing\n"
"  -U, --columns LIST    columns, comma-separated: time-percent, total-time,\n"
"                        avg-time, calls, errors, name, min (shortest),\n"
"                        max (longest), p50, p99; strace's other aliases too\n"
"  -L, --histogram       also print log2 latency histograms of the top syscalls\n"
"      --top N           how many syscalls get a histogram (default 5)\n"
"  -w                    accepted for strace habits: time is always elapsed\n"
"                        (wall-clock) time from enter to exit, as strace -w\n"
"\n"
"Monitoring and metrics:\n"
"      --interval SECS   print the summary every SECS seconds (implies -c),\n"
"                        each with a timestamp header; counts of that interval\n"
"      --cumulative      with --interval: totals since the start instead\n"
"      --json            with -c: each report is one JSON object on one line\n"
"  -P, --by-process      also break the summary down by process (implies -c);\n"
"                        --top N processes (default 20)\n"
"      --by-cgroup       also break the summary down by cgroup v2 (implies -c)\n"
"      --metrics [ADDR:]PORT  serve Prometheus metrics on /metrics (address\n"
"                        127.0.0.1 unless given); runs until stopped\n"
"      --metrics-by comm|cgroup  also export per process name or cgroup\n"
"      --max-series N    cap of (group, syscall) series for --metrics-by\n"
"                        (default 2000; the rest merged into one group)\n"
"  SIGHUP reopens the -o file (log rotation); SIGTERM stops cleanly.\n"
"\n"
"Live tracing (the default, without -c):\n"
"  -e trace=SET          only these calls: names, !negation, %file %network\n"
"                        %process %memory %signal %ipc %desc %creds %clock %pure,\n"
"                        /regex, all, none (strace 6.1 classes)\n"
"  -e status=successful|failed, -z, -Z   only calls that succeeded / failed\n"
"  -e signal=SET         only these signals' --- SIG --- lines: names, numbers,\n"
"                        !negation, all (default), none\n"
"  -s, --string-limit N  bytes of strings and buffers shown (default 32)\n"
"  -t, -tt, -ttt, -r     time of day, with microseconds, epoch; relative\n"
"  -T                    time spent in each call <0.000012>\n"
"      --json            one JSON object per line\n"
"      --buffer-size N   BPF ring buffer bytes (K/M/G suffix; default 64M);\n"
"                        lost events are counted and shown where they happened\n"
"\n"
"Output:\n"
"  -o, --output FILE     write the report or trace to FILE (default: stderr)\n"
"      --duration SECS   stop after SECS seconds (fractions allowed)\n"
"  -v, --verbose         say how long attaching took, and which attach type\n"
"  -h, --help            this help\n"
"  -V, --version         version\n"
"\n"
"Exit status: 0 success (also after SIGINT/SIGTERM, which print the report);\n"
"1 runtime error (no such process, missing privileges or kernel support,\n"
"CMD not found); 2 bad usage; with -- CMD, CMD's own exit status.\n"
"A second SIGINT exits at once. Nothing stays loaded in the kernel after exit.\n";

static void usage_error(const char *fmt, const char *arg)
{
	fputs("sysobs: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\nTry 'sysobs --help' for more information.\n", stderr);
	exit(EXIT_USAGE);
}

static long parse_long(const char *opt, const char *s, long min, long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < min || v > max) {
		fprintf(stderr, "sysobs: invalid %s argument: '%s'\n", opt, s);
		fputs("Try 'sysobs --help' for more information.\n", stderr);
		exit(EXIT_USAGE);
	}
	return v;
}

static double parse_seconds(const char *opt, const char *s)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (errno || end == s || *end || !(v > 0) || v > 1e9) {
		fprintf(stderr, "sysobs: invalid %s argument: '%s'\n", opt, s);
		fputs("Try 'sysobs --help' for more information.\n", stderr);
		exit(EXIT_USAGE);
	}
	return v;
}

/* BYTES with an optional K, M or G suffix. */
static size_t parse_size(const char *opt, const char *s)
{
	char *end;
	unsigned long long v;
	int shift = 0;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (*end == 'K' || *end == 'k')
		shift = 10;
	else if (*end == 'M' || *end == 'm')
		shift = 20;
	else if (*end == 'G' || *end == 'g')
		shift = 30;
	if (shift)
		end++;
	if (errno || end == s || *end || !v || v > (1ULL << 31) >> shift ||
	    *s == '-') {
		fprintf(stderr, "sysobs: invalid %s argument: '%s' (4K to 2G)\n", opt, s);
		exit(EXIT_USAGE);
	}
	return (size_t)(v << shift);
}

static void parse_pids(struct config *cfg, const char *arg)
{
	char *copy = strdup(arg), *tok, *save = NULL;

	if (!copy)
		exit(EXIT_FAIL);
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		if (cfg->nr_pids == MAX_PIDS)
			usage_error("too many -p targets (at most %s)", "1024");
		cfg->pids[cfg->nr_pids++] = (pid_t)parse_long("-p", tok, 1, INT_MAX);
	}
	if (!cfg->nr_pids)
		usage_error("invalid -p argument: '%s'", arg);
	free(copy);
}

enum long_only {
	OPT_DURATION = 0x100,
	OPT_TOP,
	OPT_COMM,
	OPT_CGROUP,
	/* servers (issue 4) */
	OPT_INTERVAL,
	OPT_CUMULATIVE,
	OPT_JSON,
	OPT_BY_CGROUP,
	OPT_METRICS,
	OPT_METRICS_BY,
	OPT_MAX_SERIES,
	/* live tracing */
	OPT_BUFFER_SIZE,
};

static const struct option long_options[] = {
	{ "summary", no_argument, NULL, 'c' },
	{ "summary-only", no_argument, NULL, 'c' },
	{ "pid", required_argument, NULL, 'p' },
	{ "follow-forks", no_argument, NULL, 'f' },
	{ "output", required_argument, NULL, 'o' },
	{ "sort", required_argument, NULL, 'S' },
	{ "columns", required_argument, NULL, 'U' },
	{ "histogram", no_argument, NULL, 'L' },
	{ "duration", required_argument, NULL, OPT_DURATION },
	{ "top", required_argument, NULL, OPT_TOP },
	{ "comm", required_argument, NULL, OPT_COMM },
	{ "cgroup", required_argument, NULL, OPT_CGROUP },
	/* servers (issue 4) */
	{ "interval", required_argument, NULL, OPT_INTERVAL },
	{ "cumulative", no_argument, NULL, OPT_CUMULATIVE },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "by-process", no_argument, NULL, 'P' },
	{ "by-cgroup", no_argument, NULL, OPT_BY_CGROUP },
	{ "metrics", required_argument, NULL, OPT_METRICS },
	{ "metrics-by", required_argument, NULL, OPT_METRICS_BY },
	{ "max-series", required_argument, NULL, OPT_MAX_SERIES },
	/* live tracing */
	{ "buffer-size", required_argument, NULL, OPT_BUFFER_SIZE },
	{ "string-limit", required_argument, NULL, 's' },
	{ "summary-with-trace", no_argument, NULL, 'C' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

/* Options of issue 4 that imply or need others. */
static void check_server_args(struct config *cfg)
{
	if (cfg->interval > 0 || cfg->by_process || cfg->by_cgroup)
		cfg->summary = true;
	if (cfg->cumulative && !(cfg->interval > 0))
		usage_error("%s", "--cumulative needs --interval");
	if (cfg->metrics_by != METRICS_BY_NONE && !cfg->metrics_addr)
		usage_error("%s", "--metrics-by needs --metrics");
	if (cfg->max_series && cfg->metrics_by == METRICS_BY_NONE)
		usage_error("%s", "--max-series needs --metrics-by");
	if (cfg->cgroup && groups_check_cgroup(cfg->cgroup))
		exit(EXIT_FAIL);
}

static void parse_args(int argc, char **argv, struct config *cfg)
{
	int c;

	default_columns(cfg->columns);
	cfg->sort = SORT_TIME;
	cfg->string_limit = 32;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:cCfp:o:S:U:LwvhVPs:trTe:zZ", long_options, NULL)) != -1) {
		switch (c) {
		case 'c':
			cfg->summary = true;
			break;
		case 'C':
			cfg->summary_too = true;
			break;
		case 'f':
			cfg->follow_forks = true;
			break;
		case 'p':
			parse_pids(cfg, optarg);
			break;
		case 'o':
			cfg->output = optarg;
			break;
		case 'S':
			if (parse_sort(optarg, &cfg->sort))
				usage_error("invalid sortby: '%s'", optarg);
			break;
		case 'U':
			if (parse_columns(optarg, cfg->columns))
				usage_error("invalid -U column list: '%s'", optarg);
			break;
		case 'L':
			cfg->histogram = true;
			break;
		case 'w':
			break;
		case OPT_DURATION:
			cfg->duration = parse_seconds("--duration", optarg);
			break;
		case OPT_TOP:
			cfg->top = (int)parse_long("--top", optarg, 1, 100000);
			break;
		case OPT_COMM:
			cfg->comm = optarg;
			break;
		case OPT_CGROUP:
			cfg->cgroup = optarg;
			break;
		/* servers (issue 4) */
		case OPT_INTERVAL:
			cfg->interval = parse_seconds("--interval", optarg);
			break;
		case OPT_CUMULATIVE:
			cfg->cumulative = true;
			break;
		/* live tracing */
		case 's':
			cfg->string_limit = (int)parse_long("-s", optarg, 0, 1 << 20);
			break;
		case 't':
			if (cfg->timestamps < TS_EPOCH)
				cfg->timestamps++;
			break;
		case 'r':
			cfg->relative_ts = true;
			break;
		case 'T':
			cfg->show_duration = true;
			break;
		case 'e':
			if (cfg->nr_trace_expr == 16)
				usage_error("too many -e options (at most %s)", "16");
			cfg->trace_expr[cfg->nr_trace_expr++] = optarg;
			break;
		case 'z':
			cfg->only_successful = true;
			break;
		case 'Z':
			cfg->only_failed = true;
			break;
		case OPT_JSON:
			cfg->json = true;
			break;
		case 'P':
			cfg->by_process = true;
			break;
		case OPT_BY_CGROUP:
			cfg->by_cgroup = true;
			break;
		case OPT_METRICS:
			if (http_parse_spec(optarg))
				usage_error("invalid --metrics address: '%s' "
					    "(expected [ADDR:]PORT)", optarg);
			cfg->metrics_addr = optarg;
			break;
		case OPT_METRICS_BY:
			if (!strcmp(optarg, "comm"))
				cfg->metrics_by = METRICS_BY_COMM;
			else if (!strcmp(optarg, "cgroup"))
				cfg->metrics_by = METRICS_BY_CGROUP;
			else
				usage_error("invalid --metrics-by: '%s' (comm or cgroup)",
					    optarg);
			break;
		case OPT_MAX_SERIES:
			cfg->max_series = (int)parse_long("--max-series", optarg, 1,
							  10000000);
			break;
		case OPT_BUFFER_SIZE:
			cfg->buffer_size = parse_size("--buffer-size", optarg);
			break;
		case 'v':
			cfg->verbose = true;
			break;
		case 'h':
			fputs(usage_text, stdout);
			exit(EXIT_OK);
		case 'V':
			printf("sysobs %s\n", SYSOBS_VERSION);
			exit(EXIT_OK);
		case ':':
			usage_error("option '%s' requires an argument", argv[optind - 1]);
			break;
		default:
			if (optopt)
				fprintf(stderr, "sysobs: invalid option -- '%c'\n", optopt);
			else
				fprintf(stderr, "sysobs: unrecognized option '%s'\n",
					argv[optind - 1]);
			fputs("Try 'sysobs --help' for more information.\n", stderr);
			exit(EXIT_USAGE);
		}
	}
	if (optind < argc)
		cfg->cmd = &argv[optind];
	if (cfg->nr_pids && cfg->cmd)
		usage_error("%s", "-p and -- CMD cannot be combined");
	check_server_args(cfg);
}

int main(int argc, char **argv)
{
	static struct config cfg;

	parse_args(argc, argv, &cfg);
	if (cfg.summary || cfg.metrics_addr)
		return run_summary(&cfg);
	return run_live(&cfg);
}
