# Live tracing (sysobs without -c): lines, filters, JSON, -f, loss, ends.
# Every workload is tests/workloads/live_*.c; its syscalls are known.

LIVE_SET=openat,write,close,read,exit_group

# The lines of live_basic from its first own call (after the loader's).
live_basic_lines() {
	sed -n '/nonexistent\/sysobs/,$p' "$1"
}

test_live_basic_exact() {
	"$SYSOBS" -o live.out -e trace=$LIVE_SET -- "$BIN/live_basic"
	assert_eq "$?" 3 "exit status of the traced command" || return 1
	cat > want <<'W'
openat(AT_FDCWD, "/nonexistent/sysobs", O_RDONLY) = -1 ENOENT (No such file or directory)
openat(AT_FDCWD, "/nonexistent/a-path-longer-than-32-bytes", O_RDONLY) = -1 ENOENT (No such file or directory)
openat(AT_FDCWD, "/dev/null", O_WRONLY) = 3
write(3, "hello sysobs\n", 13)          = 13
close(3)                                = 0
openat(AT_FDCWD, "/dev/zero", O_RDONLY) = 3
read(3, "\0\0\0\0", 4)                  = 4
close(3)                                = 0
close(1000)                             = -1 EBADF (Bad file descriptor)
write(-1, "01234567890123456789012345678901"..., 40) = -1 EBADF (Bad file descriptor)
write(-1, 0x8, 4)                       = -1 EBADF (Bad file descriptor)
exit_group(3)                           = ?
+++ exited with 3 +++
W
	live_basic_lines live.out > got
	diff want got || fail "live_basic lines differ"
}

test_live_basic_m32() {
	"$SYSOBS" -o live.out -e trace=write,read,close,exit_group -- "$BIN/live_basic-m32"
	assert_eq "$?" 3 "exit status" || return 1
	grep -qxF 'write(3, "hello sysobs\n", 13)          = 13' live.out || fail "32-bit write" || return 1
	grep -qxF 'read(3, "\0\0\0\0", 4)                  = 4' live.out || fail "32-bit read" || return 1
	grep -qxF 'exit_group(3)                           = ?' live.out || fail "32-bit exit_group"
}

# Same workload under strace: the same lines, byte for byte.
test_live_vs_strace() {
	strace -o s.out -e trace=$LIVE_SET "$BIN/live_basic"
	"$SYSOBS" -o live.out -e trace=$LIVE_SET -- "$BIN/live_basic"
	live_basic_lines s.out > want
	live_basic_lines live.out > got
	[ -s want ] || fail "strace printed nothing" || return 1
	diff want got || fail "sysobs and strace differ"
}

# Classes: the same calls as strace -e trace=%desc shows.
test_live_class_desc() {
	strace -o s.raw -e trace=%desc "$BIN/live_basic"
	"$SYSOBS" -o live.out -e trace=%desc -- "$BIN/live_basic"
	live_basic_lines s.raw | sed 's/(.*//' | grep -v '^+++' > want
	live_basic_lines live.out | sed 's/(.*//' | grep -v '^+++' > got
	[ -s want ] || fail "strace printed nothing" || return 1
	diff want got || fail "%desc members differ from strace's"
}

test_live_negation_and_status() {
	"$SYSOBS" -o live.out -e 'trace=!openat,close' -Z -- "$BIN/live_basic"
	live_basic_lines live.out >/dev/null
	grep -q '^openat\|^close' live.out && { fail "negated calls shown"; return 1; }
	grep -q '^write(-1, ' live.out || fail "failed write missing" || return 1
	grep -q '^write(3, ' live.out && fail "-Z showed a successful write"
	return 0
}

test_live_bad_filter() {
	"$SYSOBS" -e trace=nosuchcall -- true 2> err
	assert_eq "$?" 2 "exit status for an unknown syscall" || return 1
	assert_eq "$(wc -l < err)" 1 "lines of error" || return 1
	grep -q "nosuchcall" err || fail "message names the call" || return 1
	"$SYSOBS" -e trace=%nosuchclass -- true 2> err
	assert_eq "$?" 2 "exit status for an unknown class" || return 1
	"$SYSOBS" -e bogus=1 -- true 2> err
	assert_eq "$?" 2 "exit status for an unknown qualifier" || return 1
	assert_nothing_loaded
}

# No raw control byte reaches the output, text or JSON; jq parses it all.
test_live_escape() {
	"$SYSOBS" -o live.out -e trace=write,openat -- "$BIN/live_escape" || return 1
	if LC_ALL=C grep -q '[^[:print:]]' live.out; then
		fail "raw control byte in text output"; return 1
	fi
	grep -qF 'write(3, "\33[31mred\33[0m\r\n\t\7\10\177\377\200\0end\"\\", 26) = 26' live.out ||
		fail "escaped write line" || return 1
	"$SYSOBS" -o json --json -e trace=write,openat -- "$BIN/live_escape" || return 1
	if LC_ALL=C grep -q '[^[:print:]]' json; then
		fail "raw control byte in JSON output"; return 1
	fi
	jq -e . json > /dev/null || fail "jq cannot parse the JSON" || return 1
	assert_eq "$(jq -r 'select(.syscall == "write") | .comm' json)" \
		"$(printf 'esc\033[2Jname')" "comm decoded by jq"
}

test_live_json() {
	"$SYSOBS" -o live.out --json -e trace=$LIVE_SET -- "$BIN/live_basic"
	n=$(wc -l < live.out)
	assert_eq "$(jq -c . live.out | wc -l)" "$n" "lines jq parsed" || return 1
	assert_eq "$(jq -r 'select(.syscall == "write" and .ret == 13) | .raw_args[2]' live.out)" 13 \
		"write's raw length" || return 1
	assert_eq "$(jq -r 'select(.args != null and (.args | startswith("AT_FDCWD, \"/nonexistent/sysobs\""))) | .errno' live.out)" \
		ENOENT "openat's errno" || return 1
	assert_eq "$(jq -r 'select(.exited != null) | .exited' live.out)" 3 "exit status" || return 1
	assert_eq "$(tail -n 1 live.out | jq -r .lost_events)" 0 "lost events"
}

# -f: a thread, a child and a grandchild, each marked by one write.
test_live_follow_forks() {
	"$SYSOBS" -f -o live.out -e trace=write,exit_group -- "$BIN/live_fork" || return 1
	for who in thread child grandchild parent; do
		assert_eq "$(grep -c "write(-1, \"$who\", " live.out)" 1 "lines of $who" || return 1
	done
	# -o FILE with -f: every line starts with the thread id (strace's rule)
	grep -v '^[0-9]\+ \+[a-z+]' live.out && { fail "line without pid prefix"; return 1; }
	[ "$(awk '/"parent"/ { print $1 }' live.out)" != "$(awk '/"thread"/ { print $1 }' live.out)" ] ||
		fail "thread and parent have the same tid" || return 1
	gc=$(awk '/"grandchild"/ { print $1 }' live.out)
	grep -q "^$gc \+exit_group(7) \+= ?$" live.out || fail "grandchild's exit_group" || return 1
	grep -q "^$gc \++++ exited with 7 +++" live.out || fail "grandchild's exit" || return 1
	ch=$(awk '/"child"/ { print $1 }' live.out)
	grep -q "^$ch \++++ exited with 5 +++" live.out || fail "child's exit"
}

# A tiny ring and a fast workload: losses are counted, shown where they
# happened, and lines + losses add up; -C's summary is still exact.
test_live_loss() {
	"$SYSOBS" -o live.out -C --buffer-size 4K -e trace=getppid -- "$BIN/live_loop" 1000000 || return 1
	lines=$(grep -c '^getppid() \+= ' live.out)
	marked=$(sed -n 's/^<\.\.\. \([0-9]*\) events lost on cpu [0-9]* \.\.\.>$/\1/p' live.out |
		 awk '{ s += $1 } END { print s + 0 }')
	total=$(sed -n 's/^sysobs: \([0-9]*\) events lost (ring buffer full)$/\1/p' live.out)
	[ "${total:-0}" -gt 0 ] || fail "no loss with a 4K ring" || return 1
	[ "$marked" -gt 0 ] || fail "no inline loss marker" || return 1
	[ "$marked" -le "$total" ] || fail "markers ($marked) above total ($total)" || return 1
	sum=$((lines + total))
	[ "$sum" -ge 1000000 ] && [ "$sum" -le 1000001 ] ||
		fail "lines $lines + lost $total != 1000000 (+1 exit record)" || return 1
	assert_eq "$(count_of live.out getppid)" 1000000 "getppid calls in the -C summary"
}

# A call blocked when tracing stops shows as <unfinished ...>.
test_live_unfinished() {
	mkfifo go
	"$BIN/live_block" < go > ready &
	pid=$!
	exec 7> go	# keeps the workload's stdin open
	wait_for 'grep -q ready ready' 10 || { fail "workload not ready"; kill $pid; return 1; }
	"$SYSOBS" -v -p $pid -o live.out -e trace=read 2> err &
	spid=$!
	wait_for 'grep -q attached err' 10 || { fail "not attached"; kill $pid $spid; return 1; }
	echo x >&7	# the workload's first read returns, the second blocks
	wait_for 'grep -q "^read(0, " live.out' 10 ||
		fail "first read not seen" || { kill $pid $spid; return 1; }
	wait_for "[ \"\$(cut -d' ' -f1-2 /proc/$pid/syscall)\" = '0 0x3' ]" 10 ||
		fail "workload not blocked" || { kill $pid $spid; return 1; }
	kill -INT $spid
	wait $spid
	rc=$?
	exec 7>&-
	kill $pid 2>/dev/null
	wait $pid 2>/dev/null
	assert_eq "$rc" 0 "exit status after SIGINT" || return 1
	grep -q '^read(0, "x", 1) \+= 1$' live.out || fail "first read" || { cat live.out; return 1; }
	grep -q '^read(3, \+<unfinished \.\.\.>$' live.out || fail "blocked read not shown" || { cat live.out; return 1; }
	assert_nothing_loaded
}

# `sysobs ... | head`: quiet exit 0 when the output closes.
test_live_closed_pipe() {
	( "$SYSOBS" -o /dev/stdout -e trace=getppid -- "$BIN/live_loop" 300000 2> err
	  echo $? > rc ) | head -n 2 > got
	assert_eq "$(wc -l < got)" 2 "lines through head" || return 1
	assert_eq "$(cat rc)" 0 "exit status" || return 1
	[ ! -s err ] || fail "message on stderr: $(cat err)" || return 1
	assert_nothing_loaded
}

# --comm: only the processes with that name.
test_live_comm() {
	"$SYSOBS" -f --comm live_basic -o live.out -e trace=write -- \
		sh -c "$BIN/live_escape; $BIN/live_basic" || true
	grep -q 'hello sysobs' live.out || fail "live_basic's write missing" || return 1
	grep -q 'red' live.out && { fail "live_escape traced despite --comm"; return 1; }
	return 0
}

test_live_timestamps() {
	"$SYSOBS" -o live.out -ttt -T -e trace=close -- "$BIN/live_basic"
	grep -q '^[0-9]\{10\}\.[0-9]\{6\} close(1000) \+= -1 EBADF (Bad file descriptor) <[0-9]\+\.[0-9]\{6\}>$' live.out ||
		fail "-ttt -T line" || { cat live.out; return 1; }
	"$SYSOBS" -o live.out -tt -e trace=close -- "$BIN/live_basic"
	grep -q '^[0-9][0-9]:[0-9][0-9]:[0-9][0-9]\.[0-9]\{6\} close(1000) \+= ' live.out || fail "-tt line"
}

# -f -p: a child that exists before sysobs attaches is traced too.
test_live_pid_descendants() {
	mkfifo go
	sh -c "\"$BIN/live_block\" < go > ready; echo parent-done" > parent.out &
	shpid=$!
	exec 7> go
	wait_for 'grep -q ready ready' 10 || { fail "workload not ready"; kill $shpid; return 1; }
	"$SYSOBS" -v -f -p $shpid -o live.out -e trace=read 2> err &
	spid=$!
	wait_for 'grep -q attached err' 10 || { fail "not attached"; kill $shpid $spid; return 1; }
	echo x >&7	# read by live_block, the child that existed at attach
	wait_for 'grep -q "read(0, \"x\", 1) \+= 1" live.out' 10 || fail "child's read not traced"
	rc=$?
	pkill -P $shpid live_block
	exec 7>&-
	wait $spid
	wait $shpid
	[ $rc = 0 ] || { cat live.out; return 1; }
	grep -q '^[0-9]\+ \+read(0, "x", 1) \+= 1$' live.out || fail "pid prefix with -f -o"
}

# A call blocked when tracing stops is shown only if the selection (-e
# trace=) takes it: not selected, not shown, as every other line.
test_live_unfinished_selected_only() {
	mkfifo go
	"$BIN/live_block" < go > ready &
	pid=$!
	exec 7> go
	wait_for 'grep -q ready ready' 10 || { fail "workload not ready"; kill $pid; return 1; }
	"$SYSOBS" -v -p $pid -o live.out -e trace=write 2> err &
	spid=$!
	wait_for 'grep -q attached err' 10 || { fail "not attached"; kill $pid $spid; return 1; }
	echo x >&7
	wait_for "[ \"\$(cut -d' ' -f1-2 /proc/$pid/syscall)\" = '0 0x3' ]" 10 ||
		fail "workload not blocked" || { kill $pid $spid; return 1; }
	kill -INT $spid
	wait $spid
	rc=$?
	exec 7>&-
	kill $pid 2>/dev/null
	wait $pid 2>/dev/null
	assert_eq "$rc" 0 "exit status after SIGINT" || return 1
	if grep -q 'unfinished' live.out; then
		cat live.out; fail "an unselected blocked call was shown"; return 1
	fi
	assert_nothing_loaded
}

# live_signal prints "pid=P child=C uid=U": its lines with P, C and U
# replaced, and the padding that depends on their digits squeezed, so that
# runs (and strace's) compare.
signal_norm() {
	read -r _p _c _u < "$2"
	_p=${_p#pid=}; _c=${_c#child=}; _u=${_u#uid=}
	[ -n "$_p" ] && [ -n "$_c" ] || { echo "no pids in $2"; return 1; }
	sed -e "s/\b$_p\b/PID/g" -e "s/\b$_c\b/CHILD/g" -e "s/si_uid=$_u\b/si_uid=UID/g" \
	    -e 's/^\(PID\|CHILD\)  */\1 /' -e 's/  *= / = /' "$1"
}

# Every signal of live_signal, in order with the calls that raised it.
test_live_signal_exact() {
	"$SYSOBS" -f -o live.out -e trace=kill,tgkill,exit_group -- "$BIN/live_signal" > pids
	assert_eq "$?" 0 "exit status of the traced command" || return 1
	cat > want <<'W'
PID --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=CHILD, si_uid=UID, si_status=3, si_utime=0, si_stime=0} ---
PID kill(PID, SIGUSR1) = 0
PID --- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=PID, si_uid=UID} ---
PID tgkill(PID, PID, SIGUSR2) = 0
PID --- SIGUSR2 {si_signo=SIGUSR2, si_code=SI_TKILL, si_pid=PID, si_uid=UID} ---
PID --- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=NULL} ---
PID --- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid=PID, si_uid=UID, si_int=42, si_ptr=0x2a} ---
PID --- SIGALRM {si_signo=SIGALRM, si_code=SI_KERNEL} ---
PID exit_group(0) = ?
PID +++ exited with 0 +++
W
	signal_norm live.out pids | grep '^PID ' > got || return 1
	diff want got || fail "live_signal lines differ"
}

# The same "--- SIG ---" lines as strace -f, byte for byte (both ABIs).
signal_vs_strace() {
	strace -f -o s.out "$BIN/$1" > spids || fail "strace failed" || return 1
	"$SYSOBS" -f -o live.out -- "$BIN/$1" > lpids
	assert_eq "$?" 0 "exit status of the traced command" || return 1
	signal_norm s.out spids | grep -e ' --- ' > want || fail "strace printed no signal" || return 1
	signal_norm live.out lpids | grep -e ' --- ' > got
	assert_eq "$(wc -l < want)" 6 "signal lines of strace" || return 1
	diff want got || fail "sysobs and strace differ on signals"
}

test_live_signal_vs_strace() {
	signal_vs_strace live_signal
}

test_live_signal_vs_strace_m32() {
	signal_vs_strace live_signal-m32
}

# raw_tp twin; JSON; -e signal=; none with -c (not even loaded).
test_live_signal_raw_tp() {
	SYSOBS_FORCE_RAW_TP=1 "$SYSOBS" -v -o live.out -e trace=none -- "$BIN/live_signal" > pids 2> err
	grep -q '(raw_tp)' err || fail "raw_tp not used" || return 1
	assert_eq "$(grep -c -e '^--- SIG' live.out)" 6 "signal lines through raw_tp"
}

test_live_signal_json() {
	"$SYSOBS" --json -o live.out -e trace=none -- "$BIN/live_signal" > pids
	jq -e . live.out > /dev/null || fail "jq cannot parse the JSON" || return 1
	assert_eq "$(jq -r 'select(.signal) | .signal' live.out | tr '\n' ' ')" \
		"SIGCHLD SIGUSR1 SIGUSR2 SIGSEGV SIGUSR1 SIGALRM " "signals in order" || return 1
	assert_eq "$(jq -r 'select(.signal == "SIGSEGV") | .siginfo' live.out)" \
		"{si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=NULL}" "siginfo text" || return 1
	assert_eq "$(jq -r 'select(.signal == "SIGALRM") | .comm' live.out)" live_signal "comm"
}

test_live_signal_filter() {
	"$SYSOBS" -o live.out -e trace=none -e 'signal=!SIGUSR1,chld' -- "$BIN/live_signal" > pids
	assert_eq "$(sed -n 's/^--- \(SIG[A-Z0-9]*\) .*/\1/p' live.out | tr '\n' ' ')" \
		"SIGUSR2 SIGSEGV SIGALRM " "signals left by -e signal=!SIGUSR1,chld" || return 1
	"$SYSOBS" -o live.out -e trace=none -e signal=12,alrm -- "$BIN/live_signal" > pids
	assert_eq "$(sed -n 's/^--- \(SIG[A-Z0-9]*\) .*/\1/p' live.out | tr '\n' ' ')" \
		"SIGUSR2 SIGALRM " "signals picked by number and name" || return 1
	"$SYSOBS" -o live.out -e signal=none -- "$BIN/live_signal" > pids
	grep -q -e '^--- ' live.out && fail "signal=none showed a signal" && return 1
	"$SYSOBS" -e signal=SIGBOGUS -- true 2> err
	assert_eq "$?" 2 "exit status for an unknown signal" || return 1
	grep -q "invalid signal 'SIGBOGUS'" err || fail "message names the signal"
}

# The signal program is attached in live mode only: -c does not pay for it.
test_live_signal_program_live_only() {
	"$SYSOBS" -c -o /dev/null -- sh -c 'bpftool prog show > progs'
	grep -q 'name sysobs_enter\|name sysobs_raw_enter' progs || fail "no program seen" || return 1
	grep -q 'name sysobs_signal\|name sysobs_raw_sign' progs && fail "-c loaded the signal program" && return 1
	"$SYSOBS" -o /dev/null -- sh -c 'bpftool prog show > progs'
	grep -q 'name sysobs_signal\|name sysobs_raw_sign' progs || fail "live mode lacks the signal program"
}

# -z/-Z: a call whose result is filtered out leaves no "<unfinished ...>"
# (BPF sent its inputs at enter); the same lines as strace.
test_live_status_vs_strace() {
	for opt in -z -Z; do
		strace -o s.out $opt -e trace=openat,close "$BIN/live_basic"
		"$SYSOBS" -o live.out $opt -e trace=openat,close -- "$BIN/live_basic"
		[ -s s.out ] || fail "strace $opt printed nothing" || return 1
		grep -q unfinished live.out && fail "$opt: a call shown unfinished" && return 1
		# static workload: no loader calls, the whole outputs compare
		cp s.out want; cp live.out got
		diff want got || fail "sysobs and strace differ with $opt" || return 1
	done
}

# -e status=failed is -Z and -e status=successful is -z: the same lines;
# the failed ones are exactly the calls live_basic makes that fail.
test_live_status_qualifier() {
	"$SYSOBS" -o z.out -z -e trace=$LIVE_SET -- "$BIN/live_basic"
	"$SYSOBS" -o s.out -e status=successful -e trace=$LIVE_SET -- "$BIN/live_basic"
	"$SYSOBS" -o Z.out -Z -e trace=$LIVE_SET -- "$BIN/live_basic"
	"$SYSOBS" -o f.out -e status=failed -e trace=$LIVE_SET -- "$BIN/live_basic"
	grep -v '^+++' z.out > z.l; grep -v '^+++' s.out > s.l
	grep -v '^+++' Z.out > Z.l; grep -v '^+++' f.out > f.l
	[ -s z.l ] && [ -s Z.l ] || fail "no lines" || return 1
	cmp -s z.l s.l || fail "-e status=successful differs from -z" || return 1
	cmp -s Z.l f.l || fail "-e status=failed differs from -Z" || return 1
	assert_eq "$(grep -c ' = -1 E' f.l)" "$(wc -l < f.l)" "status=failed shows only failures" || return 1
	assert_eq "$(grep -c ' = -1 E' s.l)" 0 "status=successful shows no failure"
}

# Long names of the live options give the same output as the short ones.
test_live_long_option_names() {
	"$SYSOBS" -s 4 -C -v -o short.out -e trace=$LIVE_SET -- "$BIN/live_basic" 2>short.err
	"$SYSOBS" --string-limit 4 --summary-with-trace --verbose --output long.out \
		-e trace=$LIVE_SET -- "$BIN/live_basic" 2>long.err
	grep -q 'attached in' long.err || fail "--verbose said nothing" || return 1
	grep -q '^write(3, "hell"\.\.\., 13) *= 13$' long.out || fail "--string-limit 4" || { cat long.out; return 1; }
	grep -q '^% time' long.out || fail "--summary-with-trace printed no table" || return 1
	# lines and table calls/errors agree (times differ)
	grep -v '^ *[0-9.]* *[0-9.]* ' short.out > a; grep -v '^ *[0-9.]* *[0-9.]* ' long.out > b
	cmp -s a b || { diff a b; fail "long names differ from short"; }
}
