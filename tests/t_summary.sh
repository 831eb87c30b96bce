# Summary mode (-c) on the real kernel: exact counts from tests/bin/sysload,
# whose system calls are known (see tests/workloads/sysload.c).
# Every sysobs run is bounded (timeout, wait_exit); nothing is left running.

LOAD=$BIN/sysload
LOAD32=$BIN/sysload-m32

# sum_run ARGS...: sysobs -c ARGS, at most 60 s; status in $rc.
sum_run() {
	timeout -k 5 60 "$SYSOBS" -c "$@"
	rc=$?
}

# sum_check_count FILE SYSCALL WANT [TABLE]: the calls column.
sum_check_count() {
	assert_eq "$(count_of "$1" "$2" "${4:-64}")" "$3" "calls of $2 (${4:-64}-bit table)"
}

# sum_check_errors FILE SYSCALL WANT [TABLE]: the errors column.
sum_check_errors() {
	assert_eq "$(errors_of "$1" "$2" "${4:-64}")" "$3" "errors of $2 (${4:-64}-bit table)"
}

# sum_attach ARGS...: start sysobs -c -v ARGS in the background (pid in
# $sysobs_pid, stderr in ./err) and wait until it has attached.
sum_attach() {
	spawn "$SYSOBS" -c -v "$@" 2>err
	sysobs_pid=$!
	wait_for "grep -q 'attached in' err" 20 || {
		cat err
		fail "sysobs did not attach"
		return 1
	}
}

# sum_waiting_load FIFO ARGS...: start sysload -W FIFO ARGS in the
# background (pid in $load_pid, stdout in ./load.out); returns once it
# waits for the byte on FIFO, having made none of its counted calls.
sum_waiting_load() {
	_fifo=$1
	shift
	mkfifo "$_fifo"
	spawn "$LOAD" -W "$_fifo" "$@" >load.out
	load_pid=$!
	wait_for "grep -q ready load.out" 10 || fail "sysload did not start"
}

# N threads x 100000 getppid + 1000 failing openat each: exact.
test_summary_threads_exact() {
	sum_run -o out -- "$LOAD" -t 4 -g 100000 -e 1000
	assert_eq "$rc" 0 "exit status" || return 1
	sum_check_count out getppid 400000 || return 1
	sum_check_count out openat 4000 || return 1
	sum_check_errors out openat 4000 || return 1
	sum_check_errors out getppid 0 || return 1
	# exit/exit_group never return: counted at enter
	sum_check_count out exit 4 || return 1
	sum_check_count out exit_group 1 || return 1
	sum_check_count out execve 1 || return 1
	! grep -q '32 bit mode' out || fail "a 32-bit table for a 64-bit program" ||
		return 1
	! grep -q '^sysobs:' out || fail "losses reported: $(grep '^sysobs:' out)" ||
		return 1
	assert_nothing_loaded
}

# The same program built -m32: counted in the i386 table, by i386 names.
test_summary_threads_exact_m32() {
	sum_run -o out -- "$LOAD32" -t 4 -g 100000 -e 1000
	assert_eq "$rc" 0 "exit status" || return 1
	grep -qx 'System call usage summary for 32 bit mode:' out ||
		fail "no 32-bit table" || return 1
	sum_check_count out getppid 400000 32 || return 1
	sum_check_count out openat 4000 32 || return 1
	sum_check_errors out openat 4000 32 || return 1
	sum_check_count out exit 4 32 || return 1
	sum_check_count out exit_group 1 32 || return 1
	# an i386-only call proves the table
	sum_check_count out set_thread_area 1 32 || return 1
	sum_check_count out getppid 0 64 || return 1
	# like strace: the execve made by the 64-bit launcher is a 64-bit call
	sum_check_count out execve 1 64 || return 1
	sum_check_count out execve 0 32 || return 1
	! grep -q '^sysobs:' out || fail "losses reported: $(grep '^sysobs:' out)"
}

# A 200 ms nanosleep is timed as long as the program itself measured it
# (within 10%): in the seconds column and in -U longest/shortest.
test_summary_nanosleep_timed() {
	sum_run -o out -U name,calls,max,min,total-time -- "$LOAD" -s 200 >load.out
	assert_eq "$rc" 0 "exit status" || return 1
	slept=$(sed -n 's/^slept //p' load.out)
	[ -n "$slept" ] || fail "sysload did not report its sleep" || return 1
	row=$(awk '$1 == "nanosleep"' out)
	[ -n "$row" ] || fail "no nanosleep row" || return 1
	set -- $row
	assert_eq "$2" 1 "nanosleep calls" || return 1
	assert_eq "$4" "$3" "shortest and longest of one call" || return 1
	assert_eq "$5" "$3" "seconds and longest of one call" || return 1
	awk -v got="$3" -v ref="$slept" 'BEGIN {
		ref /= 1e9
		exit !(got >= 0.2 && got <= ref * 1.1 && got >= ref * 0.9)
	}' || fail "nanosleep timed $3 s, sysload measured $slept ns"
}

# -p PID: only the calls made after attaching, all of them, all threads.
test_summary_attach_pid() {
	sum_waiting_load go -t 2 -g 50000 -e 500 || return 1
	sum_attach -o out -p "$load_pid" || return 1
	echo >go
	# the target's end ends sysobs
	wait_exit "$sysobs_pid" 30 || return 1
	assert_eq "$rc" 0 "sysobs exit status" || return 1
	wait_exit "$load_pid" 10 || return 1
	assert_eq "$rc" 0 "sysload exit status" || return 1
	sum_check_count out getppid 100000 || return 1
	sum_check_count out openat 1000 || return 1
	sum_check_errors out openat 1000 || return 1
	sum_check_count out exit 2 || return 1
	sum_check_count out exit_group 1 || return 1
	sum_check_count out execve 0 || return 1
	assert_nothing_loaded
}

# -p A,B and -p A -p B: the sum of both; sysobs ends when both have.
test_summary_attach_two_pids() {
	for form in comma repeated; do
		mkdir "$form" && cd "$form" || return 1
		sum_waiting_load go1 -g 3000 -e 30 || return 1
		pid1=$load_pid
		mv load.out load1.out
		sum_waiting_load go2 -t 2 -g 2000 || return 1
		pid2=$load_pid
		if [ $form = comma ]; then
			sum_attach -o out -p "$pid1,$pid2" || return 1
		else
			sum_attach -o out -p "$pid1" -p "$pid2" || return 1
		fi
		echo >go1
		wait_exit "$pid1" 10 || return 1
		! exited "$sysobs_pid" || fail "sysobs ended with one target left" || return 1
		echo >go2
		wait_exit "$sysobs_pid" 30 || return 1
		assert_eq "$rc" 0 "sysobs exit status ($form)" || return 1
		sum_check_count out getppid 7000 || return 1
		sum_check_count out openat 30 || return 1
		sum_check_count out exit_group 2 || return 1
		wait_exit "$pid2" 10 || return 1
		cd ..
	done
}

# -- CMD: sysobs exits with CMD's status, 128+N when CMD is killed by N.
test_summary_exit_status() {
	for args in "-x 0:0" "-x 7:7" "-x 255:255" "-k 10:138" "-k 9:137"; do
		sum_run -o out -- "$LOAD" -g 10 ${args%:*}
		assert_eq "$rc" "${args#*:}" "exit status of sysload ${args%:*}" || return 1
		sum_check_count out getppid 10 || return 1
	done
	sum_check_count out kill 1 || return 1
}

# No target: the whole system, for --duration; sees a workload run apart.
test_summary_system_wide() {
	sum_attach -o out --duration 2 || return 1
	timeout 20 "$LOAD" -g 100000 || fail "sysload failed" || return 1
	wait_exit "$sysobs_pid" 20 || return 1
	assert_eq "$rc" 0 "sysobs exit status after --duration" || return 1
	n=$(count_of out getppid)
	[ "$n" -ge 100000 ] || fail "system-wide getppid calls: $n < 100000" || return 1
	assert_nothing_loaded
}

# --duration stops sysobs while its -p target still runs.
test_summary_duration_stops() {
	sum_waiting_load go -g 1 || return 1
	sum_attach -o out --duration 1 -p "$load_pid" || return 1
	wait_exit "$sysobs_pid" 20 || return 1
	assert_eq "$rc" 0 "sysobs exit status" || return 1
	! exited "$load_pid" || fail "the target ended too" || return 1
	head -n 1 out | grep -q '^% time ' || fail "no report after --duration" || return 1
	echo >go
	wait_exit "$load_pid" 10
}

# -f: a child's calls are counted with -f, not without.
test_summary_follow_forks() {
	sum_run -o out -- "$LOAD" -g 1000 -c 5000
	assert_eq "$rc" 0 "exit status without -f" || return 1
	sum_check_count out getppid 1000 || return 1
	sum_check_count out exit_group 1 || return 1
	sum_run -f -o out -- "$LOAD" -g 1000 -c 5000
	assert_eq "$rc" 0 "exit status with -f" || return 1
	sum_check_count out getppid 6000 || return 1
	sum_check_count out exit_group 2 || return 1
	sum_check_count out clone 1 || return 1
}

# The same deterministic workload under strace -f -c -w and sysobs -f -c:
# the same calls per syscall. strace cannot count calls that never return
# (exit, exit_group); futex depends on how the threads meet.
sum_compare_strace() {
	_load=$1
	shift
	timeout -k 5 60 strace -f -c -w -o strace.out "$_load" "$@" >/dev/null ||
		fail "strace run failed" || return 1
	sum_run -f -o sysobs.out -- "$_load" "$@" >/dev/null
	assert_eq "$rc" 0 "sysobs exit status" || return 1
	for f in strace.out sysobs.out; do
		awk '/^System call usage summary for 32 bit mode:/ { t = 32 }
			BEGIN { t = 64 }
			$1 ~ /^[0-9.]+$/ && $NF != "total" &&
			$NF !~ /^(exit|exit_group|futex)$/ {
				print t, $NF, $4, (NF == 6 ? $5 : 0)
			}' "$f" | sort >"$f.counts"
	done
	[ "$(wc -l <strace.out.counts)" -ge 15 ] || fail "too few syscalls compared" || return 1
	diff strace.out.counts sysobs.out.counts >counts.diff ||
		fail "counts differ from strace (<: strace, >: sysobs):
$(cat counts.diff)" || return 1
	# The layout is strace's: same header and dashed rule, byte for byte.
	assert_eq "$(sed -n 1,2p sysobs.out)" "$(sed -n 1,2p strace.out)" "header and rule"
}

test_summary_matches_strace() {
	sum_compare_strace "$LOAD" -t 3 -g 20000 -e 300 -s 1 -c 1000
}

test_summary_matches_strace_m32() {
	sum_compare_strace "$LOAD32" -t 3 -g 20000 -e 300 -s 1 -c 1000
}

# The syscall rows of a report's first table.
sum_rows() {
	sed -n '3,/^------/p' "$1" | sed '$d'
}

# -S sorts by the key (strace's names).
test_summary_sort() {
	sum_run -o calls.out -S calls -- "$LOAD" -g 3000 -e 2000
	assert_eq "$rc" 0 "exit status" || return 1
	sum_run -o errors.out -S errors -- "$LOAD" -g 3000 -e 2000
	sum_run -o name.out -S name -- "$LOAD" -g 3000 -e 2000
	assert_eq "$(sum_rows calls.out | sed -n '1s/.* //p;2s/.* //p' | tr '\n' ' ')" \
		"getppid openat " "-S calls: the two busiest first" || return 1
	sum_rows calls.out | awk '{ print $4 }' | sort -c -n -r ||
		fail "-S calls: calls column not descending" || return 1
	assert_eq "$(sum_rows errors.out | sed -n '1s/.* //p')" openat "-S errors: first row" ||
		return 1
	sum_rows name.out | awk '{ print $NF }' | LC_ALL=C sort -c ||
		fail "-S name: names not ascending" || return 1
	sum_check_count name.out getppid 3000
}

# -U picks and orders columns; the name is always there.
test_summary_columns() {
	sum_run -o out -U calls,errors -- "$LOAD" -g 1000 -e 20
	assert_eq "$rc" 0 "exit status" || return 1
	assert_eq "$(head -n 1 out)" "    calls    errors syscall" "-U calls,errors header" ||
		return 1
	assert_eq "$(grep ' openat$' out)" "       20        20 openat" "openat row" || return 1
	assert_eq "$(grep ' getppid$' out)" "     1000           getppid" "getppid row" ||
		return 1
	sum_run -o out -U name,calls -- "$LOAD" -g 1000
	assert_eq "$(head -n 1 out)" "syscall              calls" "-U name,calls header" ||
		return 1
	assert_eq "$(grep '^getppid ' out)" "getppid               1000" "getppid row" ||
		return 1
	sum_run -o out -U calls,bogus -- "$LOAD" 2>err
	assert_eq "$rc" 2 "-U with an unknown column"
}

# -L: a log2 histogram of every top syscall; its counts add up.
test_summary_histogram() {
	sum_run -o out -L --top 1 -S calls -- "$LOAD" -g 20000 -e 10
	assert_eq "$rc" 0 "exit status" || return 1
	grep -qx 'getppid: 20000 timed calls' out || fail "no getppid histogram title" ||
		return 1
	assert_eq "$(grep -c 'timed calls$' out)" 1 "--top 1: one histogram" || return 1
	total=$(awk '/^getppid: / { on = 1; next } on && /->/ { n += $5 } END { print n + 0 }' out)
	assert_eq "$total" 20000 "histogram counts of getppid"
}

# SIGINT/SIGTERM: the report of what was counted, exit status 0.
sum_stop_by() {
	mkfifo hold
	sum_waiting_load go -g 1234 -H hold || return 1
	sum_attach -o out -p "$load_pid" || return 1
	echo >go
	wait_for "grep -q done load.out" 20 || fail "sysload did not finish" || return 1
	kill -"$1" "$sysobs_pid"
	wait_exit "$sysobs_pid" 10 || return 1
	assert_eq "$rc" 0 "exit status after SIG$1" || return 1
	sum_check_count out getppid 1234 || return 1
	! exited "$load_pid" || fail "the -p target was killed" || return 1
	echo >hold
	wait_exit "$load_pid" 10 || return 1
	assert_nothing_loaded
}

test_summary_sigint_reports() {
	sum_stop_by INT
}

test_summary_sigterm_reports() {
	sum_stop_by TERM
}

# sum_in_write PID: PID is blocked in write(2).
sum_in_write() {
	[ "$(cut -d' ' -f1 "/proc/$1/syscall" 2>/dev/null)" = 1 ]
}

# A second SIGINT exits at once, even while the report is stuck: here it is
# written to a FIFO whose (full) pipe nobody reads.
test_summary_second_sigint() {
	sum_waiting_load go || return 1
	mkfifo report
	exec 3<>report
	# fill the pipe: the report's write blocks
	timeout 5 head -c 65536 /dev/zero >&3 || fail "cannot fill the pipe" || return 1
	sum_attach -o report -p "$load_pid" || return 1
	kill -INT "$sysobs_pid"
	# the first SIGINT started the report: sysobs blocks in write(2)
	wait_for "sum_in_write $sysobs_pid" 10 ||
		fail "sysobs did not block writing the report" || return 1
	kill -INT "$sysobs_pid"
	# on failure, reap_all kills it
	wait_for "exited $sysobs_pid" 5 || fail "a second SIGINT did not end sysobs" ||
		return 1
	wait "$sysobs_pid"
	assert_eq "$?" 130 "exit status after the second SIGINT" || return 1
	exec 3<&-
	assert_nothing_loaded
}

# SIGINT ends sysobs while it waits to open its -o FIFO (no reader yet).
test_summary_sigint_opening_output() {
	mkfifo report
	# a background job inherits SIGINT ignored: give it the default back
	spawn env --default-signal=INT "$SYSOBS" -c -o report --duration 30
	pid=$!
	wait_for "grep -q fifo_open /proc/$pid/wchan 2>/dev/null || sum_in_open $pid" 10 ||
		fail "sysobs did not block opening the FIFO" || return 1
	kill -INT "$pid"
	wait_for "exited $pid" 5 || fail "SIGINT did not end sysobs" || return 1
	wait "$pid"
	assert_eq "$?" 130 "exit status (killed by SIGINT)" || return 1
	assert_nothing_loaded
}

# sum_in_open PID: PID is blocked in openat(2).
sum_in_open() {
	[ "$(cut -d' ' -f1 "/proc/$1/syscall" 2>/dev/null)" = 257 ]
}

# SIGKILL: the kernel frees every BPF object with the process.
test_summary_sigkill_cleanup() {
	sum_waiting_load go || return 1
	sum_attach -o out -p "$load_pid" || return 1
	! nothing_loaded || fail "no sysobs BPF object seen while attached" || return 1
	kill -KILL "$sysobs_pid"
	wait_exit "$sysobs_pid" 10 || return 1
	assert_nothing_loaded
}

# The raw_tp fallback counts exactly as well.
test_summary_raw_tp() {
	SYSOBS_FORCE_RAW_TP=1 timeout -k 5 60 "$SYSOBS" -c -v -o out -- \
		"$LOAD" -t 2 -g 30000 -e 300 2>err
	assert_eq "$?" 0 "exit status" || return 1
	grep -q 'attached in .*(raw_tp)' err || fail "not attached with raw_tp: $(cat err)" ||
		return 1
	sum_check_count out getppid 60000 || return 1
	sum_check_count out openat 600 || return 1
	sum_check_errors out openat 600 || return 1
	sum_check_count out exit 2 || return 1
	sum_check_count out exit_group 1 || return 1
	assert_nothing_loaded
}

# The syscall table generator: kept ABIs only, bad tables refused.
test_summary_gen_syscalls() {
	gen=$TOP/scripts/gen_syscalls.sh
	printf '0\tcommon\tread\tsys_read\n# comment\n\n3\t64\tclose\tsys_close\n' >64.tbl
	printf '512\tx32\trt_sigaction\tx\n' >>64.tbl
	printf '1\ti386\texit\tsys_exit\n' >32.tbl
	sh "$gen" 64.tbl 32.tbl >gen.c 2>err || fail "generator failed: $(cat err)" || return 1
	grep -q '\[0\] = "read"' gen.c && grep -q '\[3\] = "close"' gen.c ||
		fail "entries missing: $(cat gen.c)" || return 1
	! grep -q rt_sigaction gen.c || fail "x32 entry kept" || return 1
	grep -q 'sysobs_names_64_len = 4;' gen.c && grep -q 'sysobs_names_32_len = 2;' gen.c ||
		fail "wrong table lengths: $(cat gen.c)" || return 1
	printf '3\tcommon\tdup\tx\n' >>64.tbl
	! sh "$gen" 64.tbl 32.tbl >gen.c 2>err || fail "duplicate number accepted" || return 1
	grep -q 'duplicate number' err || fail "no reason given: $(cat err)" || return 1
	printf '0\tcommon\tread\tx\nx1\tcommon\tbad\tx\n' >bad.tbl
	! sh "$gen" bad.tbl 32.tbl >gen.c 2>err || fail "bad number accepted" || return 1
	grep -q 'bad number' err || fail "no reason given: $(cat err)" || return 1
	: >empty.tbl
	! sh "$gen" empty.tbl 32.tbl >gen.c 2>err || fail "empty table accepted"
}

# CMD starts with its caller's signal mask and ignored signals, not with
# what sysobs blocks or ignores (else Ctrl-C, SIGTERM and --duration could
# not stop it).
test_summary_cmd_signal_mask() {
	"$SYSOBS" -c -o /dev/null -- grep -E '^Sig(Blk|Ign)' /proc/self/status >masks || return 1
	assert_eq "$(grep SigBlk masks)" "$(grep SigBlk /proc/$$/status)" "CMD's blocked signals" || return 1
	# ignored signals are inherited across exec (nohup relies on it): CMD
	# ignores what sysobs's caller ignores, nothing more
	assert_eq "$(grep SigIgn masks)" "$(grep SigIgn /proc/$$/status)" "CMD's ignored signals"
}

# --duration ends a launched CMD as well: it does not outlive sysobs.
test_summary_duration_ends_cmd() {
	timeout 10 "$SYSOBS" -c --duration 0.3 -o /dev/null -- sleep 33.25 || return 1
	wait_for '! pgrep -f "sleep 33.25" >/dev/null' 3 || { pkill -9 -f 'sleep 33.25'; fail "CMD survived --duration"; }
}

# 10000 threads in a syscall at the same moment (more than a fixed
# 8192-entry table of start times holds): every call counted and timed,
# nothing reported lost.
test_summary_many_threads_in_flight() {
	timeout 60 "$SYSOBS" -c -U name,calls,errors,min -o mt.txt -- "$BIN/manythreads" 10000 300 ||
		fail "sysobs or the workload failed" || return 1
	assert_eq "$(awk '$1 == "clock_nanosleep" { print $2 }' mt.txt)" 10000 "clock_nanosleep calls" || return 1
	if grep '^sysobs:' mt.txt; then
		fail "calls not recorded or not timed"; return 1
	fi
	awk '$1 == "clock_nanosleep" { exit !($3 >= 0.3) }' mt.txt ||
		fail "shortest clock_nanosleep under 300 ms: $(grep clock_nanosleep mt.txt)"
}

# Every long option name does what its short one does: the same report.
test_summary_long_option_names() {
	"$SYSOBS" -c -f -S calls -U name,calls,errors -L --top 1 -o short.txt -- \
		"$LOAD" -g 1000 -e 10 -c 50 || return 1
	"$SYSOBS" --summary-only --follow-forks --sort calls --columns name,calls,errors \
		--histogram --top 1 --output long.txt -- "$LOAD" -g 1000 -e 10 -c 50 || return 1
	# the histogram's bucket counts vary; compare the table part
	sed '/timed calls$/,$d' short.txt > short.tbl
	sed '/timed calls$/,$d' long.txt > long.tbl
	assert_eq "$(count_of_named long.tbl getppid)" 1050 "getppid with long names" || return 1
	cmp -s short.tbl long.tbl || { diff short.tbl long.tbl; fail "long names differ from short"; return 1; }
	grep -q 'timed calls$' long.txt || fail "--histogram printed no histogram"
}

# count_of_named FILE NAME: calls of NAME in a -U name,calls,... table.
count_of_named() {
	awk -v n="$2" '$1 == n { print $2; exit }' "$1"
}
