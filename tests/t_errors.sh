# Bad input: one clear line naming the problem, the documented exit status
# (1 runtime, 2 usage), no hang, nothing left loaded or running.

# err_run ARGS...: sysobs ARGS, at most 20 s; status in $rc, stdout in
# ./stdout, stderr in ./stderr.
err_run() {
	timeout -k 5 20 "$SYSOBS" "$@" >stdout 2>stderr
	rc=$?
}

# err_expect STATUS LINE ARGS...: sysobs ARGS exits with STATUS and says
# exactly LINE on stderr (LINE may be a grep -E pattern ending in $).
err_expect() {
	_want_rc=$1
	_want_line=$2
	shift 2
	err_run "$@"
	assert_eq "$rc" "$_want_rc" "exit status of sysobs $*" || return 1
	grep -qxE "$_want_line" stderr ||
		fail "sysobs $*: stderr does not say '$_want_line': $(cat stderr)" || return 1
	[ ! -s stdout ] || fail "sysobs $*: wrote to stdout: $(cat stdout)"
}

# err_usage ARGS...: exit 2, the problem on the first line, then the hint.
err_usage() {
	_want_line=$1
	shift
	err_run "$@"
	assert_eq "$rc" 2 "exit status of sysobs $*" || return 1
	assert_eq "$(sed -n 1p stderr)" "$_want_line" "first line for sysobs $*" || return 1
	assert_eq "$(sed -n 2p stderr)" "Try 'sysobs --help' for more information." \
		"usage hint for sysobs $*" || return 1
	assert_eq "$(wc -l <stderr)" 2 "lines on stderr for sysobs $*"
}

test_errors_not_root() {
	for run in "setpriv --reuid=65534 --regid=65534 --clear-groups" \
		   "su nobody -s /bin/sh -c"; do
		if [ "${run#su}" != "$run" ]; then
			timeout 20 su nobody -s /bin/sh -c "'$SYSOBS' -c -- /bin/true" \
				>stdout 2>stderr
		else
			timeout 20 $run "$SYSOBS" -c -- /bin/true >stdout 2>stderr
		fi
		rc=$?
		assert_eq "$rc" 1 "exit status as nobody ($run)" || return 1
		assert_eq "$(wc -l <stderr)" 1 "lines on stderr as nobody" || return 1
		grep -q 'CAP_BPF' stderr ||
			fail "the missing capability is not named: $(cat stderr)" || return 1
	done
	assert_nothing_loaded
}

test_errors_no_such_pid() {
	# pid_max is at most 4194304: 999999 may exist only on huge systems
	[ ! -e /proc/999999 ] || fail "pid 999999 exists here" || return 1
	err_run -c -p 999999
	assert_eq "$rc" 1 "exit status" || return 1
	assert_eq "$(cat stderr)" "sysobs: -p 999999: no such process" "stderr"
	err_run -c -p 1,999999
	assert_eq "$rc" 1 "exit status, one of two pids missing" || return 1
	assert_eq "$(cat stderr)" "sysobs: -p 999999: no such process" "stderr" || return 1
	assert_nothing_loaded
}

test_errors_unknown_option() {
	err_usage "sysobs: unrecognized option '--bogus'" -c --bogus || return 1
	err_usage "sysobs: invalid option -- 'Q'" -c -Q || return 1
	err_usage "sysobs: option '-o' requires an argument" -c -o || return 1
	err_usage "sysobs: invalid sortby: 'bogus'" -c -S bogus || return 1
	err_usage "sysobs: invalid -U column list: 'calls,bogus'" -c -U calls,bogus ||
		return 1
	err_usage "sysobs: -p and -- CMD cannot be combined" -c -p 1 -- /bin/true
}

test_errors_bad_number() {
	err_usage "sysobs: invalid -p argument: '12x'" -c -p 12x || return 1
	err_usage "sysobs: invalid -p argument: '0'" -c -p 0 || return 1
	err_usage "sysobs: invalid -p argument: '-5'" -c -p -5 || return 1
	err_usage "sysobs: invalid -p argument: '99999999999'" -c -p 99999999999 || return 1
	err_usage "sysobs: invalid --duration argument: 'abc'" -c --duration abc ||
		return 1
	err_usage "sysobs: invalid --duration argument: '0'" -c --duration 0 || return 1
	err_usage "sysobs: invalid --duration argument: '-1'" -c --duration -1 || return 1
	err_usage "sysobs: invalid --duration argument: '1s'" -c --duration 1s || return 1
	err_usage "sysobs: invalid --top argument: '0'" -c --top 0 || return 1
	err_usage "sysobs: invalid --top argument: ''" -c --top ''
}

test_errors_cmd_not_found() {
	err_expect 1 "sysobs: /nonexistent/cmd: No such file or directory" \
		-c -- /nonexistent/cmd || return 1
	err_expect 1 "sysobs: no-such-command-sysobs: No such file or directory" \
		-c -- no-such-command-sysobs || return 1
	assert_nothing_loaded
}

test_errors_output_unwritable() {
	err_expect 1 "sysobs: -o /nonexistent/dir/out: No such file or directory" \
		-c -o /nonexistent/dir/out -- "$BIN/sysload" || return 1
	assert_nothing_loaded
}

# --pid is -p: the same check and the same one line.
test_errors_long_pid() {
	out=$("$SYSOBS" -c --pid 999999 2>&1)
	rc=$?
	assert_eq "$rc" 1 "exit status" || return 1
	assert_eq "$out" "sysobs: -p 999999: no such process" "message"
}
