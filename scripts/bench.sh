#!/bin/sh
# make bench: what sysobs adds to a syscall, next to the floor (empty BPF
# programs on raw_syscalls) and to the usual peers; plus sysobs's footprint.
#
# The workload is tests/bin/bench_getppid: a tight loop of raw getppid
# calls that times itself. The bench runs BENCH_RUNS rounds; a round runs
# each tool once (the floor three times, sysobs -c twice), each round
# starting with another tool, with an untraced run between every two
# traced runs. "added" is the median over runs of (traced - the mean of
# the untraced runs just before and after) ns per call, "x floor" that
# median over the floor's.
# The machine may be shared and noisy: read the medians and ratios, not
# one absolute time. This is not a test: a missed target is printed,
# the exit status stays 0 (1 only if the bench itself could not run).
#
# Environment: SYSOBS (default ./sysobs), BENCH_RUNS (7), BENCH_ITERS
# (2000000 calls for the fast tools), BENCH_PERF_ITERS (200000),
# BENCH_STRACE_ITERS (20000), BENCH_LIVE_ITERS (1000000).
#
# tracefs: sysobs needs none, but syscount, bpftrace and perf trace attach
# to tracefs tracepoints. If /sys/kernel/tracing is not mounted, it is
# mounted just for each of their runs and unmounted after it.
set -u

TOP=$(cd "$(dirname "$0")/.." && pwd)
SYSOBS=${SYSOBS:-$TOP/sysobs}
FLOOR=$TOP/build/floor
LOOP=$TOP/tests/bin/bench_getppid
RUNS=${BENCH_RUNS:-7}
ITERS=${BENCH_ITERS:-2000000}
PERF_ITERS=${BENCH_PERF_ITERS:-200000}
STRACE_ITERS=${BENCH_STRACE_ITERS:-20000}
LIVE_ITERS=${BENCH_LIVE_ITERS:-1000000}
TRACEFS=/sys/kernel/tracing
PORT=$((20000 + $$ % 20000))

# What this script started and must not leave behind.
TRACER_PID=
SECOND_PID=
LOOP_PID=
STATS_SET=
SCRAPER_PID=
TRACEFS_MOUNTED=0
WORK=

# alive PID: true while PID runs (a zombie waiting to be reaped does not).
alive() {
	_state=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -c1)
	[ -n "$_state" ] && [ "$_state" != Z ]
}

# stop_pid PID [SIGNALS]: SIGINT (tracers print their report on it), then
# SIGTERM, then SIGKILL, 5 s apart at most; reap it.
stop_pid() {
	for _sig in ${2:-INT TERM KILL}; do
		alive "$1" || break
		kill -s "$_sig" "$1" 2>/dev/null
		_n=100
		while alive "$1" && [ $_n -gt 0 ]; do
			sleep 0.05
			_n=$((_n - 1))
		done
	done
	wait "$1" 2>/dev/null
}

tracefs_on() {
	mountpoint -q "$TRACEFS" && return 0
	mount -t tracefs tracefs "$TRACEFS" && TRACEFS_MOUNTED=1
}

tracefs_off() {
	[ "$TRACEFS_MOUNTED" = 1 ] || return 0
	umount "$TRACEFS" && TRACEFS_MOUNTED=0
}

cleanup() {
	[ -n "$SCRAPER_PID" ] && { touch "$WORK/scrape.stop"; stop_pid "$SCRAPER_PID"; }
	[ -n "$TRACER_PID" ] && stop_pid "$TRACER_PID"
	[ -n "$SECOND_PID" ] && stop_pid "$SECOND_PID"
	[ -n "$STATS_SET" ] && sysctl -qw kernel.bpf_stats_enabled="$STATS_SET"
	[ -n "$LOOP_PID" ] && stop_pid "$LOOP_PID" "TERM KILL"
	tracefs_off || echo "bench: could not unmount $TRACEFS" >&2
	[ -n "$WORK" ] && rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# poll_until PID SECS CMD...: run CMD every 50 ms until it succeeds. 1 if
# PID ended first or SECS ran out.
poll_until() {
	_pid=$1
	_n=$(($2 * 20))
	shift 2
	while ! "$@"; do
		alive "$_pid" || return 1
		[ $_n -gt 0 ] || return 1
		sleep 0.05
		_n=$((_n - 1))
	done
}

# wait_line FILE PATTERN PID SECS: until FILE holds PATTERN.
wait_line() {
	poll_until "$3" "$4" grep -q "$2" "$1" 2>/dev/null
}

# perf_attached PID N: PID holds at least N BPF programs on tracepoints.
perf_attached() {
	[ "$(bpftool perf show 2>/dev/null | grep -c "^pid $1 .*tracepoint")" -ge "$2" ]
}

# wait_perf_attached PID N SECS: until perf_attached (a tracer's "ready"
# line may come before the attach).
wait_perf_attached() {
	poll_until "$1" "$3" perf_attached "$1" "$2"
}

# field NAME [FILE]: the value of NAME=VALUE in the loop's result line.
field() {
	sed -n "s/^\(.* \)\{0,1\}$1=\([0-9.]*\).*/\2/p" "${2:-$WORK/loop.out}" | tail -n 1
}

# run_loop N: one run of the loop, its result in loop.out.
run_loop() {
	"$LOOP" "$1" >"$WORK/loop.out" 2>&1
}

# record TOOL RUN BASE TRACED BASE_MEAN TRACED_MEAN COUNTED NOTE [CALLS]:
# one line of raw results. BASE, TRACED: median chunk; *_MEAN: whole
# loop; CALLS: getppid calls the traced loop made, warm-up included.
record() {
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" "$6" \
		"$7" "$8" "${9:-}" >>"$WORK/raw"
}

# Each bench_TOOL function runs the loop once under TOOL, leaving its
# result in loop.out, and sets COUNTED (getppid calls the tool saw).
# It returns 1 when the tool could not run; NA says why.

bench_floor() {
	"$FLOOR" >"$WORK/floor.out" 2>&1 &
	TRACER_PID=$!
	if ! wait_line "$WORK/floor.out" "floor: ready" $TRACER_PID 10; then
		NA="floor did not attach: $(head -n 1 "$WORK/floor.out")"
		stop_pid $TRACER_PID; TRACER_PID=
		return 1
	fi
	run_loop "$ITERS"
	stop_pid $TRACER_PID; TRACER_PID=
	COUNTED=-
}

bench_sysobs() {
	"$SYSOBS" -c -v -o "$WORK/sysobs.out" 2>"$WORK/sysobs.err" &
	TRACER_PID=$!
	if ! wait_line "$WORK/sysobs.err" "attached in" $TRACER_PID 10; then
		NA="sysobs -c did not attach: $(head -n 1 "$WORK/sysobs.err")"
		stop_pid $TRACER_PID; TRACER_PID=
		return 1
	fi
	run_loop "$ITERS"
	hwm=$(awk '/^VmHWM:/ { print $2 }' "/proc/$TRACER_PID/status")
	stop_pid $TRACER_PID; TRACER_PID=
	attach=$(sed -n 's/.*attached in \([0-9.]*\) ms.*/\1/p' "$WORK/sysobs.err")
	echo "$hwm" >>"$WORK/hwm"
	echo "$attach" >>"$WORK/attach"
	# The calls column of the getppid row of the strace -c style table.
	COUNTED=$(awk '$NF == "getppid" && $1 ~ /^[0-9.]+$/ { print $4; exit }' \
		"$WORK/sysobs.out")
}

bench_syscount() {
	tracefs_on || { NA="cannot mount tracefs"; return 1; }
	# Line-buffered, so its "Tracing syscalls" line says it is attached.
	stdbuf -oL syscount -L >"$WORK/syscount.out" 2>&1 &
	TRACER_PID=$!
	if ! wait_line "$WORK/syscount.out" "^Tracing" $TRACER_PID 20 ||
	   ! wait_perf_attached $TRACER_PID 2 10; then
		NA="syscount did not attach: $(head -n 1 "$WORK/syscount.out")"
		stop_pid $TRACER_PID; TRACER_PID=; tracefs_off
		return 1
	fi
	run_loop "$ITERS"
	stop_pid $TRACER_PID; TRACER_PID=; tracefs_off
	COUNTED=$(awk '$1 == "getppid" { print $2; exit }' "$WORK/syscount.out")
}

# Count per syscall and a latency histogram, the start time kept in a
# map keyed by thread id: what sysobs -c does, in bpftrace. exit and
# exit_group (60, 231) never reach sys_exit: their entries would stay,
# fill the map (4096 keys by default) and stop all counting.
write_bpftrace_script() {
	cat >"$WORK/count_latency.bt" <<'EOF'
tracepoint:raw_syscalls:sys_enter /args->id != 60 && args->id != 231/ {
	@start[tid] = nsecs;
}
tracepoint:raw_syscalls:sys_exit /@start[tid]/ {
	@calls[args->id] = count();
	@ns = hist(nsecs - @start[tid]);
	delete(@start[tid]);
}
BEGIN { printf("bpftrace: ready\n"); }
EOF
}

bench_bpftrace() {
	tracefs_on || { NA="cannot mount tracefs"; return 1; }
	bpftrace "$WORK/count_latency.bt" >"$WORK/bpftrace.out" 2>&1 &
	TRACER_PID=$!
	if ! wait_line "$WORK/bpftrace.out" "bpftrace: ready" $TRACER_PID 30; then
		NA="bpftrace did not attach: $(grep -v RLIMIT "$WORK/bpftrace.out" | head -n 1)"
		stop_pid $TRACER_PID; TRACER_PID=; tracefs_off
		return 1
	fi
	if ! wait_perf_attached $TRACER_PID 2 10; then
		NA="bpftrace did not attach its 2 tracepoints"
		stop_pid $TRACER_PID; TRACER_PID=; tracefs_off
		return 1
	fi
	run_loop "$ITERS"
	stop_pid $TRACER_PID; TRACER_PID=; tracefs_off
	# getppid is 110 on x86-64.
	COUNTED=$(sed -n 's/^@calls\[110\]: \([0-9]*\)$/\1/p' "$WORK/bpftrace.out")
}

bench_perf() {
	tracefs_on || { NA="cannot mount tracefs"; return 1; }
	perf trace -s -o "$WORK/perf.out" -- "$LOOP" "$PERF_ITERS" >"$WORK/loop.out" 2>&1
	tracefs_off
	[ -n "$(field ns_per_call)" ] || { NA="perf trace failed: $(head -n 1 "$WORK/perf.out")"; return 1; }
	COUNTED=$(awk '$1 == "getppid" { print $2; exit }' "$WORK/perf.out")
	lost=$(sed -n 's/^LOST \([0-9]*\) events.*/\1/p' "$WORK/perf.out" | awk '{ s += $1 } END { print s + 0 }')
	[ "$lost" = 0 ] || NOTE="perf lost $lost events"
}

bench_strace() {
	strace -c -o "$WORK/strace.out" -- "$LOOP" "$STRACE_ITERS" >"$WORK/loop.out" 2>&1
	[ -n "$(field ns_per_call)" ] || { NA="strace failed: $(head -n 1 "$WORK/strace.out")"; return 1; }
	COUNTED=$(awk '$NF == "getppid" && $1 ~ /^[0-9.]+$/ { print $4; exit }' "$WORK/strace.out")
}

# Live mode: sysobs -p PID -o FILE on a loop that waits on a FIFO until
# sysobs is attached. Also how many events per second reached the file,
# and how many sysobs says it lost.
bench_live() {
	rm -f "$WORK/go"
	mkfifo "$WORK/go"
	"$LOOP" -w "$WORK/go" "$LIVE_ITERS" >"$WORK/loop.out" 2>&1 &
	LOOP_PID=$!
	"$SYSOBS" -p $LOOP_PID -v -o "$WORK/live.out" 2>"$WORK/live.err" &
	TRACER_PID=$!
	# Live mode may not say when it is attached: then give it 2 s.
	if ! wait_line "$WORK/live.err" "attached in" $TRACER_PID 2 && ! alive $TRACER_PID; then
		NA="live mode not available: $(head -n 1 "$WORK/live.err")"
		stop_pid $LOOP_PID "TERM KILL"; LOOP_PID=
		stop_pid $TRACER_PID; TRACER_PID=
		return 1
	fi
	echo go >"$WORK/go"
	wait $LOOP_PID; LOOP_PID=
	# sysobs -p ends by itself when its target has exited.
	_n=200
	while alive $TRACER_PID && [ $_n -gt 0 ]; do sleep 0.05; _n=$((_n - 1)); done
	stop_pid $TRACER_PID; TRACER_PID=
	total_ns=$(field ns)
	COUNTED=$(grep -c 'getppid(' "$WORK/live.out")
	# Lines "sysobs: N ... lost ...": add up the N.
	lost=$(cat "$WORK/live.err" "$WORK/live.out" | awk '
		/^sysobs:/ && tolower($0) ~ /lost/ {
			for (i = 2; i <= NF; i++) if ($i ~ /^[0-9]+$/) { s += $i; break }
		}
		END { print s + 0 }')
	echo "$COUNTED $LIVE_ITERS $total_ns $lost" >>"$WORK/live_rate"
	NOTE="lost $lost"
	rm -f "$WORK/live.out"
}

scrape() {
	curl -s --max-time 2 -o "$1" "http://127.0.0.1:$PORT/metrics"
}

# Exporter mode: sysobs --metrics with /metrics scraped every second.
bench_exporter() {
	"$SYSOBS" --metrics "127.0.0.1:$PORT" -o "$WORK/exporter.out" 2>"$WORK/exporter.err" &
	TRACER_PID=$!
	_n=100
	while ! scrape "$WORK/metrics"; do
		if ! alive $TRACER_PID || [ $_n -le 0 ]; then
			NA="exporter mode not available: $(head -n 1 "$WORK/exporter.err")"
			stop_pid $TRACER_PID; TRACER_PID=
			return 1
		fi
		sleep 0.05
		_n=$((_n - 1))
	done
	rm -f "$WORK/scrape.stop"
	(while [ ! -e "$WORK/scrape.stop" ]; do
		scrape /dev/null
		sleep 1
	done) &
	SCRAPER_PID=$!
	run_loop "$ITERS"
	touch "$WORK/scrape.stop"
	wait $SCRAPER_PID; SCRAPER_PID=
	scrape "$WORK/metrics"
	stop_pid $TRACER_PID; TRACER_PID=
	COUNTED=$(awk '/^sysobs_syscalls_total\{/ && /syscall="getppid"/ && /abi="x86_64"/ { print $NF }' \
		"$WORK/metrics" | head -n 1)
}

# run_base: an untraced run; BASE and BASE_MEAN: its median chunk and mean.
run_base() {
	run_loop "$ITERS" || { echo "bench: $LOOP failed" >&2; exit 1; }
	BASE=$(field chunk_ns_per_call)
	BASE_MEAN=$(field ns_per_call)
}

# measure TOOL RUN: one run under TOOL, then an untraced run. The traced
# run's baseline is the mean of the untraced runs on either side of it,
# which follows the machine's speed when it drifts during a round.
measure() {
	NA= NOTE= COUNTED=-
	awk -F'\t' -v t="$1" '$1 == t && $2 == "na" { f = 1 } END { exit !f }' \
		"$WORK/raw" && return
	before=$BASE
	before_mean=$BASE_MEAN
	if ! "bench_$1" || [ -z "$(field chunk_ns_per_call)" ]; then
		record "$1" na - - - - - "${NA:-no result}"
		return
	fi
	traced=$(field chunk_ns_per_call)
	traced_mean=$(field ns_per_call)
	traced_calls=$(($(field calls) + 10000))
	run_base
	record "$1" "$2" "$(echo "$before $BASE" | awk '{ print ($1 + $2) / 2 }')" "$traced" \
		"$(echo "$before_mean $BASE_MEAN" | awk '{ print ($1 + $2) / 2 }')" \
		"$traced_mean" "$COUNTED" "$NOTE" "$traced_calls"
}

label() {
	case $1 in
	untraced) echo "untraced" ;;
	floor) echo "floor (empty tp_btf)" ;;
	sysobs) echo "sysobs -c (system-wide)" ;;
	syscount) echo "syscount -L (system-wide)" ;;
	bpftrace) echo "bpftrace count+hist (sys-wide)" ;;
	perf) echo "perf trace -s -- CMD" ;;
	strace) echo "strace -c -- CMD" ;;
	live) echo "sysobs -p PID -o FILE (live)" ;;
	exporter) echo "sysobs --metrics, scraped 1/s" ;;
	esac
}

# The target of added cost, as a multiple of the floor's.
target_of() {
	case $1 in
	sysobs) echo 1.6 ;;
	live) echo 2.5 ;;
	*) echo - ;;
	esac
}

median() {
	sort -g | awk '{ v[NR] = $1 } END {
		if (!NR) { print "-"; exit }
		print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# values TOOL WHAT: one value per run of TOOL. WHAT: traced, added
# (traced - untraced just before), mean_added (the same on whole-loop means)
values() {
	awk -F'\t' -v t="$1" -v what="$2" '$1 == t && $2 != "na" {
		if (what == "traced") print $4
		else if (what == "added") print $4 - $3
		else print $6 - $5 }' "$WORK/raw"
}

print_table() {
	floor_added=$(values floor added | median)
	floor_mean_added=$(values floor mean_added | median)
	echo
	echo "ns/call: median over runs of the median 1000-call chunk (time taken"
	echo "by other processes left out); added: median of (traced - mean of the"
	echo "untraced runs just before and after); x floor: added / floor's added;"
	echo "x floor(mean): the same from whole-loop means (everything included)."
	printf '\n%-32s %8s %9s %8s %8s %6s %10s\n' tool "ns/call" "added ns" "x floor" target result \
		"x floor(mean)"
	printf '%-32s %8.1f %9s %8s %8s\n' "$(label untraced)" \
		"$(awk -F'\t' '$2 != "na" { print $3 }' "$WORK/raw" | median)" - - -
	for t in $TOOLS; do
		na=$(awk -F'\t' -v t="$t" '$1 == t && $2 == "na" { print $8; exit }' "$WORK/raw")
		if [ -n "$na" ]; then
			printf '%-32s %s\n' "$(label "$t")" "n/a ($na)"
			continue
		fi
		awk -v l="$(label "$t")" -v ns="$(values "$t" traced | median)" \
		    -v a="$(values "$t" added | median)" -v f="$floor_added" \
		    -v ma="$(values "$t" mean_added | median)" -v mf="$floor_mean_added" \
		    -v tg="$(target_of "$t")" 'BEGIN {
			ratio = (f > 0) ? sprintf("%.2f", a / f) : "-"
			mratio = (mf > 0) ? sprintf("%.2f", ma / mf) : "-"
			res = ""
			if (tg != "-" && ratio != "-")
				res = (a / f <= tg) ? "PASS" : "FAIL"
			printf "%-32s %8.1f %9.1f %8s %8s %6s %10s\n", l, ns, a, ratio,
				(tg == "-") ? "-" : "<= " tg, res, mratio
		}'
	done
}

print_footprint() {
	echo
	if [ -s "$WORK/live_rate" ]; then
		# events/s: getppid lines in the file per second of the loop
		awk '{ n = ($1 < $2) ? $1 : $2; print n / ($3 / 1e9) }' "$WORK/live_rate" |
			median >"$WORK/rate"
		lost=$(awk '{ s += $4 } END { print s + 0 }' "$WORK/live_rate")
		short=$(awk '$1 < $2 { n++ } END { print n + 0 }' "$WORK/live_rate")
		awk -v r="$(cat "$WORK/rate")" -v lost="$lost" -v short="$short" 'BEGIN {
			ok = (r >= 1e6 && lost == 0 && short == 0)
			printf "%-32s %9.0f /s  lost %d, runs short of calls %d  target >= 1000000/s, 0 lost  %s\n",
				"live: events/s to the file", r, lost, short, ok ? "PASS" : "FAIL"
		}'
	else
		printf '%-32s %s\n' "live: events/s to the file" "n/a (live mode not available)"
	fi
	if [ -s "$WORK/hwm" ]; then
		awk -v k="$(median <"$WORK/hwm")" 'BEGIN {
			printf "%-32s %9.1f MB (max of the run)      target <= 16 MB       %s\n",
				"sysobs -c RSS (VmHWM, median)", k / 1024, (k <= 16384) ? "PASS" : "FAIL"
		}'
		awk -v ms="$(median <"$WORK/attach")" 'BEGIN {
			printf "%-32s %9.1f ms (sysobs -c -v)        target <= 100 ms      %s\n",
				"sysobs -c start to attached", ms, (ms <= 100) ? "PASS" : "FAIL"
		}'
	fi
}

# In-kernel cost of the floor's and sysobs -c's programs, from the
# kernel's own per-program counters (kernel.bpf_stats_enabled, set just
# for this run): a number the machine's noise barely moves. The counters
# themselves cost a clock read or two per run; the floor's programs are
# empty, so their figure is that overhead, and sysobs's minus the floor's
# is what its programs do.
print_prog_cost() {
	stats_before=$(sysctl -n kernel.bpf_stats_enabled 2>/dev/null) || return 0
	"$FLOOR" >"$WORK/floor.out" 2>&1 &
	TRACER_PID=$!
	"$SYSOBS" -c -v -o /dev/null 2>"$WORK/sysobs.err" &
	SECOND_PID=$!
	if wait_line "$WORK/floor.out" "floor: ready" $TRACER_PID 10 &&
	   wait_line "$WORK/sysobs.err" "attached in" $SECOND_PID 10; then
		sysctl -qw kernel.bpf_stats_enabled=1 && STATS_SET=$stats_before
		run_loop "$ITERS"
		bpftool prog show >"$WORK/progs"
		[ -n "$STATS_SET" ] && sysctl -qw kernel.bpf_stats_enabled="$STATS_SET"
		STATS_SET=
	fi
	stop_pid $SECOND_PID; SECOND_PID=
	stop_pid $TRACER_PID; TRACER_PID=
	echo
	echo "In-kernel cost per run of each program (kernel.bpf_stats_enabled, both"
	echo "attached at once, every syscall of the machine; floor's = the counters' own cost):"
	awk '/^[0-9]+: / { name = $4 }
		/run_time_ns/ && name ~ /^(floor|sysobs)_(enter|exit)$/ {
			for (i = 1; i < NF; i++) {
				if ($i == "run_time_ns") t = $(i + 1)
				if ($i == "run_cnt") c = $(i + 1)
			}
			if (c > 0) cost[name] = t / c
		}
		END {
			split("floor_enter floor_exit sysobs_enter sysobs_exit", names, " ")
			for (i = 1; i <= 4; i++)
				if (names[i] in cost)
					printf "  %-14s %6.1f ns\n", names[i], cost[names[i]]
			if (("sysobs_enter" in cost) && ("floor_enter" in cost) &&
			    ("sysobs_exit" in cost) && ("floor_exit" in cost))
			{
				e = cost["sysobs_enter"] - cost["floor_enter"]
				x = cost["sysobs_exit"] - cost["floor_exit"]
				printf "  sysobs programs minus floor: enter %.1f + exit %.1f = %.1f ns per syscall\n", e, x, e + x
			}
		}' "$WORK/progs"
}

print_raw() {
	echo
	echo "Raw runs, ns per call: median chunk (untraced: mean of the runs just"
	echo "before and after; traced; added), then the same from whole-loop means;"
	echo "seen: getppid calls the tool counted (loop calls + 10000 warm-up):"
	printf '%-9s %3s %9s %9s %8s %9s %9s %8s %8s  %s\n' tool run untraced traced added \
		"untr.mean" "tr.mean" added seen note
	awk -F'\t' '$2 != "na" {
		printf "%-9s %3s %9.1f %9.1f %8.1f %9.1f %9.1f %8.1f %8s  %s\n",
			$1, $2, $3, $4, $4 - $3, $5, $6, $6 - $5, $7, $8
	}' "$WORK/raw"
	# A tracer that missed calls did less work than it should have.
	awk -F'\t' '$2 != "na" && $7 ~ /^[0-9]+$/ && $7 + 0 < $9 + 0 {
			short[$1]++; if (!($1 in worst) || $7 / $9 < worst[$1]) worst[$1] = $7 / $9 }
		END { for (t in short)
			printf "note: %s counted fewer getppid calls than the loop made in %d run(s) (worst: %.2f%%)\n",
				t, short[t], 100 * worst[t] }' "$WORK/raw"
}

# Setup ------------------------------------------------------------------
if [ "$(id -u)" != 0 ]; then
	echo "bench: must run as root (it loads BPF programs)" >&2
	exit 1
fi
for f in "$SYSOBS" "$FLOOR" "$LOOP"; do
	[ -x "$f" ] || { echo "bench: $f missing: run make bench" >&2; exit 1; }
done
WORK=$(mktemp -d /tmp/sysobs-bench.XXXXXX) || exit 1
: >"$WORK/raw"
write_bpftrace_script

TOOLS="floor sysobs"
for peer in syscount bpftrace perf strace; do
	if command -v $peer >/dev/null 2>&1; then
		TOOLS="$TOOLS $peer"
	else
		record $peer na - - - - - "$peer not installed"
		TOOLS="$TOOLS $peer"
	fi
done
TOOLS="$TOOLS live exporter"
# One round: every tool once, but the floor three times and sysobs -c
# twice, spread out: their added costs are the smallest, so the noise
# weighs most on them, and every ratio divides by the floor's.
ROUND="floor sysobs syscount bpftrace floor sysobs perf strace live floor exporter"

# Programs already on the tracepoints (another tracer running) add their
# cost to every run, untraced included: say so.
others=$(bpftool prog show 2>/dev/null |
	awk '/^[0-9]+: (tracing|raw_tracepoint|tracepoint) / { printf " %s", $4 }')
[ -z "$others" ] || echo "note: BPF tracing programs already loaded (in every number):$others"
echo "sysobs bench: $RUNS rounds, interleaved (floor x3, sysobs -c x2 per round);"
echo "getppid loop of $ITERS calls"
echo "(perf trace $PERF_ITERS, strace $STRACE_ITERS, live $LIVE_ITERS); $(nproc) CPUs, $(uname -r)"
start=$(date +%s)
run=1
while [ $run -le "$RUNS" ]; do
	# Start each round with a different tool, so none is always first.
	order=$(echo $ROUND | awk -v k=$((run - 1)) '{
		for (i = 0; i < NF; i++) printf "%s ", $((i + k) % NF + 1) }')
	printf 'run %d/%d:' "$run" "$RUNS"
	run_base
	for t in $order; do
		printf ' %s' "$t"
		measure "$t" "$run"
	done
	echo
	run=$((run + 1))
done
echo "took $(($(date +%s) - start)) s"

print_table
print_footprint
print_prog_cost
print_raw
exit 0
