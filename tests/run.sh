#!/bin/sh
# The test runner: unit tests (tests/bin/unit_*), then every test_* function
# of every tests/t_*.sh. Ends with the line "N passed, N failed".
# Usage: sh tests/run.sh [PATTERN]   (only tests whose name contains PATTERN)
TOP=$(cd "$(dirname "$0")/.." && pwd)
. "$TOP/tests/lib.sh"
PATTERN=${1:-}
passed=0
failed=0
failed_names=""

mkdir -p "$TMP"
trap 'rm -rf "$TMP"' EXIT

if [ "$(id -u)" != 0 ]; then
	echo "tests must run as root (they load BPF programs)" >&2
	echo "0 passed, 1 failed"
	exit 1
fi

for u in "$TOP"/tests/bin/unit_*; do
	[ -x "$u" ] || continue
	case "$u" in *"$PATTERN"*) ;; *) continue ;; esac
	out=$("$u" 2>&1)
	p=$(printf '%s\n' "$out" | grep -c '^ok - ')
	f=$(printf '%s\n' "$out" | grep -c '^not ok - ')
	printf '%s\n' "$out" | grep -A2 '^not ok - ' | sed 's/^/    /'
	if [ "$f" = 0 ] && [ "$p" = 0 ]; then
		echo "    FAIL: $(basename "$u") ran no case"; f=1
	fi
	echo "unit $(basename "$u"): $p ok, $f not ok"
	passed=$((passed + p))
	failed=$((failed + f))
	[ "$f" = 0 ] || failed_names="$failed_names $(basename "$u")"
done

for t in "$TOP"/tests/t_*.sh; do
	[ -f "$t" ] || continue
	. "$t"
done
for fn in $(grep -ho '^test_[a-zA-Z0-9_]*' "$TOP"/tests/t_*.sh); do
	case "$fn" in *"$PATTERN"*) ;; *) continue ;; esac
	start=$(date +%s)
	# Each test in its own directory; what it leaves running is killed
	# and fails it.
	mkdir -p "$TMP/$fn"
	( set +e; cd "$TMP/$fn" && $fn; r=$?; reap_all; exit $r ) >"$TMP/out" 2>&1
	r=$?
	left=$(leftover_pids)
	if [ -n "$left" ]; then
		for p in $left; do
			echo "    FAIL: left running: $(tr '\0' ' ' <"/proc/$p/cmdline")"
			kill -KILL "$p" 2>/dev/null
		done >>"$TMP/out"
		r=1
	fi
	if [ $r = 0 ]; then
		passed=$((passed + 1))
		echo "ok   $fn ($(( $(date +%s) - start ))s)"
	else
		failed=$((failed + 1))
		failed_names="$failed_names $fn"
		echo "FAIL $fn ($(( $(date +%s) - start ))s)"
		sed 's/^/    /' "$TMP/out" | tail -n 30
	fi
done
[ -z "$failed_names" ] || echo "failed:$failed_names"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
