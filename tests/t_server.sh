# Issue 4, sysobs on servers: --interval/--cumulative, --json summaries,
# -P/--by-cgroup, --cgroup, the Prometheus endpoint (checked by promtool
# and scraped by a real Prometheus), SIGHUP/SIGTERM, and a soak test that
# churns 80000 short-lived processes and threads with flat memory.
# Counts come from tests/workloads/srv_*.c, whose syscalls are known:
# srv_calls N E makes exactly N sched_yield and E failing close(-1);
# srv_churn P T C forks P children and runs T threads, C sched_yield each.

# srv_start ARGS...: sysobs -v ARGS in the background (SRV_PID), attached.
srv_start() {
	# a fresh file: the last test's "attached" must not be read as ours
	: > "$TMP/srv.err"
	"$SYSOBS" -v "$@" 2>>"$TMP/srv.err" &
	SRV_PID=$!
	if ! wait_for "grep -q attached '$TMP/srv.err' 2>/dev/null" 20; then
		kill -9 "$SRV_PID" 2>/dev/null
		fail "sysobs did not attach: $(cat "$TMP/srv.err")"
		return 1
	fi
}

# srv_stop [SIGNAL]: stop it (SIGINT by default); returns its exit status.
srv_stop() {
	kill -"${1:-INT}" "$SRV_PID"
	wait "$SRV_PID"
}

# A free TCP port on the loopback.
srv_port() {
	_p=$(( 20000 + $$ % 20000 ))
	while ss -ltn | grep -q ":$_p "; do _p=$((_p + 1)); done
	echo "$_p"
}

# jsum FILE SYSCALL FIELD: FIELD summed over every JSON report in FILE.
jsum() {
	jq -s --arg n "$2" --arg f "$3" \
		'[.[].syscalls[] | select(.name == $n and .abi == "x86_64") | .[$f]] | add // 0' "$1"
}

# prom_value FILE SERIES: the value of one series in an exposition.
prom_value() {
	awk -v s="$2" '$1 == s { print $2; found = 1 } END { if (!found) print "none" }' "$1"
}

scrape() {
	curl -s --max-time 10 "http://127.0.0.1:$1/metrics" > "$2"
}

# Ids of the BPF programs of a process (from its fdinfo).
bpf_prog_ids() {
	grep -h '^prog_id:' /proc/"$1"/fdinfo/* 2>/dev/null | awk '{ print $2 }'
}

# groups_entries PID [KIND]: entries of the group map of sysobs PID (of
# one kind: 0 per process, 1 per name, 2 per cgroup), or "none".
groups_entries() {
	for _id in $(grep -h '^map_id:' /proc/"$1"/fdinfo/* 2>/dev/null | awk '{ print $2 }'); do
		if bpftool map show id "$_id" 2>/dev/null | grep -q 'name sysobs_groups'; then
			bpftool map dump id "$_id" -j |
				jq --arg k "${2:-}" '[.[] | select($k == "" or .formatted.key.kind == ($k | tonumber))] | length'
			return 0
		fi
	done
	echo "none"
}

test_srv_interval_deltas_sum_to_total() {
	"$SYSOBS" --interval 0.2 --json -o ivl.json -- "$BIN/srv_calls" 3000 40 5 150 ||
		fail "sysobs exited with $?" || return 1
	assert_eq "$(jsum ivl.json sched_yield calls)" 3000 "sched_yield calls over all intervals" || return 1
	assert_eq "$(jsum ivl.json close errors)" 40 "close errors over all intervals" || return 1
	assert_eq "$(jq -s '[.[] | select(.cumulative)] | length' ivl.json)" 0 "cumulative reports" || return 1
	assert_eq "$(jq -s '[.[] | select(.final)] | length' ivl.json)" 1 "final reports" || return 1
	assert_eq "$(tail -n 1 ivl.json | jq .final)" true "last report is final" || return 1
	# consecutive reports cover consecutive spans
	assert_eq "$(jq -s '[range(1; length) as $i | select(.[$i].start != .[$i - 1].end)] | length' ivl.json)" 0 \
		"gaps between intervals"
}

test_srv_interval_pid() {
	mkfifo go
	exec 3<>go
	"$BIN/srv_calls" 1000 10 4 100 wait < go &
	wpid=$!
	srv_start --interval 0.2 --json -o pid.json -p "$wpid" || { kill "$wpid"; exec 3>&-; return 1; }
	echo x >&3
	wait "$wpid"
	wait "$SRV_PID"; rc=$?	# stops by itself when the target is gone
	exec 3>&-
	assert_eq "$rc" 0 "exit status" || return 1
	assert_eq "$(jsum pid.json sched_yield calls)" 1000 "sched_yield over the intervals" || return 1
	assert_eq "$(jsum pid.json close errors)" 10 "close errors over the intervals"
}

test_srv_interval_cumulative() {
	"$SYSOBS" --interval 0.2 --cumulative --json -o cum.json -- "$BIN/srv_calls" 2000 0 4 150 ||
		fail "sysobs exited with $?" || return 1
	assert_eq "$(tail -n 1 cum.json | jq '[.syscalls[] | select(.name == "sched_yield") | .calls] | add')" 2000 \
		"sched_yield in the last cumulative report" || return 1
	# totals never go down from one report to the next
	assert_eq "$(jq -s '[.[] | [.syscalls[] | select(.name == "sched_yield") | .calls] | add // 0] as $c
		| [range(1; $c | length) | select($c[.] < $c[. - 1])] | length' cum.json)" 0 "decreasing totals" || return 1
	assert_eq "$(jq -s 'map(.cumulative) | all' cum.json)" true "every report cumulative"
}

test_srv_interval_text() {
	"$SYSOBS" --interval 0.2 -o ivl.txt -- "$BIN/srv_calls" 1500 0 3 150 ||
		fail "sysobs exited with $?" || return 1
	headers=$(grep -c '^=== .*Z \.\. .*Z (.* s) ===$' ivl.txt)
	tables=$(grep -c '^% time' ivl.txt)
	[ "$headers" -ge 1 ] || fail "no timestamp header" || return 1
	assert_eq "$tables" "$headers" "one table per header" || return 1
	sum=$(awk '$NF == "sched_yield" && $1 ~ /^[0-9.]+$/ { s += $4 } END { print s + 0 }' ivl.txt)
	assert_eq "$sum" 1500 "sched_yield over the text reports"
}

test_srv_json_summary() {
	"$SYSOBS" -c --json -o one.json -- "$BIN/srv_calls" 500 7 || fail "sysobs exited with $?" || return 1
	assert_eq "$(wc -l < one.json)" 1 "reports" || return 1
	y='.syscalls[] | select(.name == "sched_yield")'
	assert_eq "$(jq "$y | .calls" one.json)" 500 "sched_yield calls" || return 1
	assert_eq "$(jq "$y | .errors" one.json)" 0 "sched_yield errors" || return 1
	assert_eq "$(jq '.syscalls[] | select(.name == "close") | .errors' one.json)" 7 "close errors" || return 1
	assert_eq "$(jq "$y | ([.histogram[].count] | add) == .timed_calls" one.json)" true "histogram sum" || return 1
	assert_eq "$(jq "$y | .min_ns <= .p50_ns and .p50_ns <= .p99_ns and .p99_ns <= .max_ns" one.json)" true \
		"min <= p50 <= p99 <= max" || return 1
	assert_eq "$(jq '.lost | keys | length' one.json)" 7 "loss counters" || return 1
	assert_eq "$(jq '.minmax' one.json)" '"exact"' "min/max kind"
}

test_srv_by_process() {
	"$SYSOBS" -c -P --json -f -o proc.json -- "$BIN/srv_churn" 5 3 10 || fail "sysobs exited with $?" || return 1
	p='[.processes[] | select(.comm == "srv_churn")]'
	assert_eq "$(jq "$p | length" proc.json)" 6 "srv_churn processes (parent + 5 children)" || return 1
	# each child: 10 calls; the parent's 3 threads: 30
	assert_eq "$(jq -c "[$p[] | .syscalls[] | select(.name == \"sched_yield\") | .calls] | sort" proc.json)" \
		"[10,10,10,10,10,30]" "sched_yield per process" || return 1
	parent="$p[] | select(any(.syscalls[]; .name == \"sched_yield\" and .calls == 30))"
	assert_eq "$(jq "$parent | .syscalls[] | select(.name == \"wait4\") | .calls" proc.json)" 5 \
		"the parent's wait4 calls" || return 1
	assert_eq "$(jq '([.processes[].calls] | add) == ([.syscalls[].calls] | add)' proc.json)" true \
		"per-process calls add up to the table" || return 1
	assert_eq "$(jq '.lost.group_overflow' proc.json)" 0 "group overflow"
}

test_srv_by_process_text() {
	"$SYSOBS" -c -P -f -o proc.txt -- "$BIN/srv_churn" 3 0 7 || fail "sysobs exited with $?" || return 1
	grep -q '^Per process (top 4 of 4 by time):$' proc.txt || fail "no per-process table: $(cat proc.txt)" || return 1
	assert_eq "$(grep -c ' srv_churn .*sched_yield:7' proc.txt)" 3 "children with 7 sched_yield" || return 1
	assert_eq "$(count_of proc.txt sched_yield)" 21 "sched_yield in the table"
}

test_srv_cgroup_filter_and_breakdown() {
	root=$(awk '$9 == "cgroup2" { print $5; exit }' /proc/self/mountinfo)
	[ -n "$root" ] || fail "no cgroup2 mount" || return 1
	cg="$root/sysobs-test-$$"
	mkdir "$cg" || return 1
	srv_start -c --json --by-cgroup --cgroup "$cg" -o cg.json || { rmdir "$cg"; return 1; }
	sh -c "echo \$\$ > '$cg/cgroup.procs' && exec '$BIN/srv_calls' 1234 3"
	"$BIN/srv_calls" 99 0	# outside: not counted
	srv_stop; rc=$?
	rmdir "$cg"
	assert_eq "$rc" 0 "exit status" || return 1
	assert_eq "$(jsum cg.json sched_yield calls)" 1234 "sched_yield in the cgroup" || return 1
	assert_eq "$(jsum cg.json close errors)" 3 "close errors in the cgroup" || return 1
	assert_eq "$(jq -c '[.cgroups[].path]' cg.json)" "[\"/sysobs-test-$$\"]" "cgroups seen" || return 1
	assert_eq "$(jq '.cgroups[0].syscalls[] | select(.name == "sched_yield") | .calls' cg.json)" 1234 \
		"sched_yield of the cgroup"
}

test_srv_cgroup_descendants() {
	root=$(awk '$9 == "cgroup2" { print $5; exit }' /proc/self/mountinfo)
	cg="$root/sysobs-test-$$"
	mkdir -p "$cg/child" || return 1
	srv_start -c --json --cgroup "/sysobs-test-$$" -o cgd.json || { rmdir "$cg/child" "$cg"; return 1; }
	sh -c "echo \$\$ > '$cg/child/cgroup.procs' && exec '$BIN/srv_calls' 321 0"
	srv_stop; rc=$?
	rmdir "$cg/child" "$cg"
	assert_eq "$rc" 0 "exit status" || return 1
	assert_eq "$(jsum cgd.json sched_yield calls)" 321 "sched_yield in a child cgroup"
}

test_srv_bad_usage() {
	"$SYSOBS" -c --cgroup /nonexistent/cg 2>err; assert_eq "$?" 1 "missing cgroup" || return 1
	assert_eq "$(wc -l < err)" 1 "lines of the message" || return 1
	"$SYSOBS" --metrics-by comm -c 2>/dev/null; assert_eq "$?" 2 "--metrics-by without --metrics" || return 1
	"$SYSOBS" --metrics nonsense 2>/dev/null; assert_eq "$?" 2 "bad --metrics" || return 1
	"$SYSOBS" --metrics 1.2.3.4:99999 2>/dev/null; assert_eq "$?" 2 "bad port" || return 1
	"$SYSOBS" --metrics 9100 --metrics-by pid 2>/dev/null; assert_eq "$?" 2 "bad --metrics-by" || return 1
	"$SYSOBS" -c --cumulative 2>/dev/null; assert_eq "$?" 2 "--cumulative without --interval" || return 1
	"$SYSOBS" --interval 0 2>/dev/null; assert_eq "$?" 2 "--interval 0" || return 1
	"$SYSOBS" --metrics 9100 --metrics-by comm --max-series 0 2>/dev/null
	assert_eq "$?" 2 "--max-series 0"
}

test_srv_metrics_scrape() {
	port=$(srv_port)
	srv_start --metrics "127.0.0.1:$port" --metrics-by comm || return 1
	"$BIN/srv_calls" 777 5
	scrape "$port" m1.txt || { srv_stop; fail "scrape failed"; return 1; }
	"$BIN/srv_calls" 23 0
	scrape "$port" m2.txt
	code404=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/nothing")
	code405=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$port/metrics")
	code_root=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/")
	srv_stop TERM; rc=$?
	assert_eq "$rc" 0 "exit status after SIGTERM" || return 1
	promtool check metrics < m1.txt || fail "promtool check metrics" || return 1
	s='{comm="srv_calls",syscall="sched_yield",abi="x86_64"}'
	assert_eq "$(prom_value m1.txt "sysobs_process_syscalls_total$s")" 777 "per-comm calls" || return 1
	assert_eq "$(prom_value m2.txt "sysobs_process_syscalls_total$s")" 800 "per-comm calls, 2nd scrape" || return 1
	assert_eq "$(prom_value m1.txt "sysobs_process_syscall_duration_seconds_count$s")" 777 "histogram count" || return 1
	e='{comm="srv_calls",syscall="close",abi="x86_64"}'
	assert_eq "$(prom_value m1.txt "sysobs_process_syscall_errors_total$e")" 5 "per-comm errors" || return 1
	inf=$(prom_value m1.txt 'sysobs_syscall_duration_seconds_bucket{syscall="sched_yield",abi="x86_64",le="+Inf"}')
	cnt=$(prom_value m1.txt 'sysobs_syscall_duration_seconds_count{syscall="sched_yield",abi="x86_64"}')
	assert_eq "$inf" "$cnt" "+Inf bucket = count" || return 1
	a=$(prom_value m1.txt 'sysobs_syscalls_total{syscall="sched_yield",abi="x86_64"}')
	b=$(prom_value m2.txt 'sysobs_syscalls_total{syscall="sched_yield",abi="x86_64"}')
	[ "$a" -ge 777 ] && [ "$b" -ge $((a + 23)) ] || fail "system-wide counter: $a then $b" || return 1
	grep -q '^sysobs_build_info{version="[^"]*",attach="tp_btf"} 1$' m1.txt || fail "build_info" || return 1
	grep -q '^sysobs_events_lost_total{cause="group_overflow"} 0$' m1.txt || fail "lost counters" || return 1
	assert_eq "$code404" 404 "unknown path" || return 1
	assert_eq "$code405" 405 "POST" || return 1
	assert_eq "$code_root" 200 "/"
}

test_srv_metrics_slow_clients() {
	port=$(srv_port)
	srv_start --metrics "127.0.0.1:$port" || return 1
	fds0=$(ls /proc/$SRV_PID/fd | wc -l)
	# 20 clients that connect and say nothing, more than the 16 slots
	bash -c "for i in \$(seq 20); do exec {fd}<>/dev/tcp/127.0.0.1/$port; done; sleep 3" &
	silent=$!
	wait_for "[ \$(ls /proc/$SRV_PID/fd | wc -l) -gt $fds0 ]" 10
	scrape "$port" slow.txt; rc=$?
	# a request that never ends its headers: refused at the size bound
	big=$(head -c 6000 /dev/zero | tr '\0' 'a')
	code=$(curl -s -o /dev/null -w '%{http_code}' -H "X-Big: $big" "http://127.0.0.1:$port/metrics")
	wait "$silent"
	# the silent ones are gone: their sockets are closed
	wait_for "[ \$(ls /proc/$SRV_PID/fd | wc -l) -eq $fds0 ]" 15; fds_ok=$?
	srv_stop TERM
	assert_eq "$rc" 0 "scrape while silent clients hold connections" || return 1
	grep -q '^sysobs_build_info' slow.txt || fail "scrape body" || return 1
	assert_eq "$code" 431 "oversized request" || return 1
	assert_eq "$fds_ok" 0 "sysobs's fds back to $fds0"
}

# prom_query PORT QUERY: the first value of an instant query, or "none".
prom_query() {
	curl -s --max-time 5 -G "http://127.0.0.1:$1/api/v1/query" --data-urlencode "query=$2" |
		jq -r '.data.result[0].value[1] // "none"' 2>/dev/null || echo none
}

test_srv_prometheus_server() {
	command -v prometheus >/dev/null || fail "prometheus not installed" || return 1
	port=$(srv_port)
	srv_start --metrics "127.0.0.1:$port" --metrics-by comm || return 1
	"$BIN/srv_calls" 4321 0
	pport=$((port + 1))
	while ss -ltn | grep -q ":$pport "; do pport=$((pport + 1)); done
	cat > prom.yml <<EOC
global:
  scrape_interval: 1s
scrape_configs:
  - job_name: sysobs
    static_configs:
      - targets: ['127.0.0.1:$port']
EOC
	prometheus --config.file=prom.yml --storage.tsdb.path="$TMP/tsdb.$$" \
		--web.listen-address="127.0.0.1:$pport" > prom.log 2>&1 &
	ppid=$!
	q='sysobs_process_syscalls_total{comm="srv_calls",syscall="sched_yield"}'
	# Prometheus sends its first targets after about 5 s
	wait_for "[ \"\$(prom_query $pport '$q')\" = 4321 ]" 60; got=$?
	up=$(prom_query "$pport" 'up{job="sysobs"}')
	kill "$ppid"; wait "$ppid"
	rm -rf "$TMP/tsdb.$$"
	srv_stop TERM
	assert_eq "$got" 0 "Prometheus stored $q = 4321 ($(grep -i error prom.log | tail -n 3))" || return 1
	assert_eq "$up" 1 "up{job=sysobs}"
}

test_srv_sighup_reopens_output() {
	"$SYSOBS" --interval 0.2 --json -o hup.json -- "$BIN/srv_calls" 2000 0 20 100 2>hup.err &
	pid=$!
	wait_for "[ -s hup.json ]" 20 || fail "no first report" || return 1
	mv hup.json hup.json.1
	kill -HUP "$pid"
	wait "$pid"; rc=$?
	assert_eq "$rc" 0 "exit status" || return 1
	[ -s hup.json ] || fail "no new file after SIGHUP" || return 1
	cat hup.json.1 hup.json > all.json
	assert_eq "$(jsum all.json sched_yield calls)" 2000 "sched_yield over both files" || return 1
	assert_eq "$(cat hup.err)" "" "stderr"
}

test_srv_sigterm_unloads() {
	port=$(srv_port)
	srv_start --metrics "127.0.0.1:$port" -P --interval 0.5 -o /dev/null || return 1
	ids=$(bpf_prog_ids "$SRV_PID")
	[ -n "$ids" ] || { srv_stop; fail "no BPF programs found"; return 1; }
	srv_stop TERM; rc=$?
	assert_eq "$rc" 0 "exit status after SIGTERM" || return 1
	for id in $ids; do
		bpftool prog show id "$id" >/dev/null 2>&1 && fail "program $id still loaded" && return 1
	done
	ss -ltn | grep -q ":$port " && fail "port $port still open" && return 1
	return 0
}

test_srv_capabilities_of_unit() {
	caps=$(sed -n 's/^AmbientCapabilities=//p' "$TOP/scripts/sysobs.service" |
		tr 'A-Z ' 'a-z\n' | sed 's/^cap_/+/' | paste -sd, -)
	[ -n "$caps" ] || fail "no AmbientCapabilities in the unit" || return 1
	mkdir np && cp "$SYSOBS" np/sysobs && chmod 777 np && chmod 755 "$TMP" np/sysobs
	cd np || return 1
	setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all,"$caps" \
		--ambient-caps=-all,"$caps" --bounding-set=-all,"$caps" --no-new-privs \
		./sysobs -c --json --metrics-by comm --metrics "127.0.0.1:$(srv_port)" \
		-o np.json -- "$BIN/srv_calls" 55 0 2>np.err
	assert_eq "$?" 0 "exit status as nobody with $caps ($(cat np.err))" || return 1
	assert_eq "$(jsum np.json sched_yield calls)" 55 "sched_yield"
}

# proc_status PID FIELD: a /proc/PID/status value in kB.
proc_status() {
	awk -v f="$2:" '$1 == f { print $2 }' /proc/"$1"/status
}

# soak_phase N: churn N processes and N threads, wait until the metric has
# them all, and record RSS, HWM, fds and map entries in SOAK_*.
soak_phase() {
	"$BIN/srv_churn" "$1" "$1" 1 || return 1
	SOAK_TOTAL=$((SOAK_TOTAL + 2 * $1))
	s='sysobs_process_syscalls_total{comm="srv_churn",syscall="sched_yield",abi="x86_64"}'
	wait_for "scrape $port soak.txt && [ \"\$(prom_value soak.txt '$s')\" = $SOAK_TOTAL ]" 30 ||
		fail "metric: $(prom_value soak.txt "$s"), want $SOAK_TOTAL" || return 1
	# exited processes are folded out of the map within a second: what
	# stays is the live processes' entries (without folding: > 100000)
	wait_for "[ \$(groups_entries $SRV_PID 0) -lt 3000 ]" 20 ||
		fail "per-process map entries stay at $(groups_entries $SRV_PID 0)" || return 1
	SOAK_RSS=$(proc_status "$SRV_PID" VmRSS)
	SOAK_HWM=$(proc_status "$SRV_PID" VmHWM)
	SOAK_FDS=$(ls /proc/"$SRV_PID"/fd | wc -l)
	SOAK_ENTRIES="$(groups_entries "$SRV_PID" 0) per process, $(groups_entries "$SRV_PID") in all"
	echo "after $SOAK_TOTAL tasks: VmRSS $SOAK_RSS kB, VmHWM $SOAK_HWM kB, fds $SOAK_FDS, map entries $SOAK_ENTRIES"
}

test_srv_soak_flat_memory() {
	port=$(srv_port)
	SOAK_TOTAL=0
	srv_start --interval 1 --json -P --by-cgroup -o soak.json \
		--metrics "127.0.0.1:$port" --metrics-by comm || return 1
	soak_phase 10000 || { srv_stop; return 1; }	# warm up
	hwm1=$SOAK_HWM; fds1=$SOAK_FDS
	soak_phase 15000 || { srv_stop; return 1; }
	hwm2=$SOAK_HWM; fds2=$SOAK_FDS
	soak_phase 15000 || { srv_stop; return 1; }
	hwm3=$SOAK_HWM; fds3=$SOAK_FDS
	promtool check metrics < soak.txt || fail "promtool" || { srv_stop; return 1; }
	srv_stop TERM; rc=$?
	assert_eq "$rc" 0 "exit status" || return 1
	assert_eq "$(prom_value soak.txt 'sysobs_events_lost_total{cause="group_overflow"}')" 0 \
		"per-process map never full" || return 1
	assert_eq "$fds3" "$fds1" "fds after 80000 tasks" || return 1
	assert_eq "$fds2" "$fds1" "fds after 50000 tasks" || return 1
	# Memory is bounded by the map size and table caps, not by the number
	# of tasks; its peak depends on how many processes are alive when a
	# report is built, so allow that much. Keeping just one 416-byte row
	# per exited process would add 25 MB over the last 60000 tasks.
	[ "$hwm3" -le $((hwm1 + 12288)) ] && [ "$hwm3" -le 65536 ] ||
		fail "VmHWM grew: $hwm1 $hwm2 $hwm3 kB" || return 1
	jq -e . soak.json >/dev/null || fail "invalid JSON reports"
}

test_srv_json_and_metrics_32bit() {
	port=$(srv_port)
	srv_start -c --json -o m32.json --metrics "127.0.0.1:$port" --metrics-by comm || return 1
	"$BIN/srv_calls-m32" 300 2
	scrape "$port" m32.txt
	srv_stop; rc=$?
	assert_eq "$rc" 0 "exit status" || return 1
	assert_eq "$(jq '[.syscalls[] | select(.name == "sched_yield" and .abi == "i386") | .calls] | add' m32.json)" \
		300 "i386 sched_yield in JSON (all system)" || return 1
	s='{comm="srv_calls-m32",syscall="sched_yield",abi="i386"}'
	assert_eq "$(prom_value m32.txt "sysobs_process_syscalls_total$s")" 300 "i386 series" || return 1
	e='{comm="srv_calls-m32",syscall="close",abi="i386"}'
	assert_eq "$(prom_value m32.txt "sysobs_process_syscall_errors_total$e")" 2 "i386 errors"
}

test_srv_removed_cgroup_folded() {
	root=$(awk '$9 == "cgroup2" { print $5; exit }' /proc/self/mountinfo)
	cg="$root/sysobs-test-$$"
	mkdir "$cg" || return 1
	id=$(stat -c %i "$cg")
	port=$(srv_port)
	srv_start --metrics "127.0.0.1:$port" --metrics-by cgroup || { rmdir "$cg"; return 1; }
	sh -c "echo \$\$ > '$cg/cgroup.procs' && exec '$BIN/srv_calls' 555 0"
	scrape "$port" before.txt
	rmdir "$cg"
	# removed cgroups are looked for every 10 s: their entries leave the map
	wait_for "[ \$(groups_entries_of $SRV_PID 2 $id) = 0 ]" 25; gone=$?
	scrape "$port" after.txt
	# the same path again (a restarted service): a new id, the same series
	mkdir "$cg" && sh -c "echo \$\$ > '$cg/cgroup.procs' && exec '$BIN/srv_calls' 45 0"
	scrape "$port" again.txt
	rmdir "$cg"
	srv_stop TERM
	s="sysobs_cgroup_syscalls_total{cgroup=\"/sysobs-test-$$\",syscall=\"sched_yield\",abi=\"x86_64\"}"
	assert_eq "$(prom_value before.txt "$s")" 555 "before rmdir" || return 1
	assert_eq "$gone" 0 "entries of the removed cgroup deleted" || return 1
	assert_eq "$(prom_value after.txt "$s")" 555 "after rmdir and folding" || return 1
	assert_eq "$(prom_value again.txt "$s")" 600 "after the cgroup came back" || return 1
	promtool check metrics < again.txt
}

# groups_entries_of PID KIND ID: entries of one group in sysobs PID's map.
groups_entries_of() {
	for _id in $(grep -h '^map_id:' /proc/"$1"/fdinfo/* 2>/dev/null | awk '{ print $2 }'); do
		if bpftool map show id "$_id" 2>/dev/null | grep -q 'name sysobs_groups'; then
			bpftool map dump id "$_id" -j | jq --argjson k "$2" --argjson i "$3" \
				'[.[] | select(.formatted.key.kind == $k and .formatted.key.id == $i)] | length'
			return 0
		fi
	done
	echo "none"
}

# The systemd unit is valid as systemd reads it (with ExecStart pointed at
# this build's binary).
test_srv_unit_verifies() {
	sed "s|/usr/local/bin/sysobs|$SYSOBS|" "$TOP/scripts/sysobs.service" > sysobs.service
	out=$(systemd-analyze verify ./sysobs.service 2>&1)
	[ -z "$out" ] || fail "systemd-analyze verify: $out"
}
