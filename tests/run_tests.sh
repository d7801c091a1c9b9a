#!/bin/bash
# hartvisor's test runner.  Runs every group (or the ones named), prints one
# line per test, and ends with "N passed, N failed, N skipped".
#
# A test program's exit code (as in libfdt's tests): 0 pass, 1 skip, 2 fail,
# 99 a bug in the test.  Scripts that run many checks print lines
# "PASS name" / "FAIL name: why" / "SKIP name: why", which are counted.
#
#   tests/run_tests.sh [group...]    groups: format unit cli guest race tsan asan model linux
set -u
cd "$(dirname "$0")/.."
export HV_SRCDIR=$PWD
B=build
HV=$B/hartvisor
LOG=$B/test-logs
mkdir -p "$LOG"

pass=0 fail=0 skip=0
failed_names=()

result() { # result STATUS NAME [DETAIL]
	case $1 in
	PASS) pass=$((pass + 1)); echo "PASS $2${3:+: $3}" ;;
	SKIP) skip=$((skip + 1)); echo "SKIP $2${3:+: $3}" ;;
	*) fail=$((fail + 1)); failed_names+=("$2"); echo "FAIL $2${3:+: $3}" ;;
	esac
}

# run_prog NAME CMD...: a program following the exit-code convention.
run_prog() {
	local name=$1 log=$LOG/${1//\//_}.log rc
	shift
	timeout 600 "$@" >"$log" 2>&1
	rc=$?
	case $rc in
	0) result PASS "$name" ;;
	1) result SKIP "$name" "$(tail -n 1 "$log")" ;;
	*) result FAIL "$name" "exit $rc, see $log"; tail -n 15 "$log" | sed 's/^/    /' ;;
	esac
}

# run_lines NAME CMD...: a script printing PASS/FAIL/SKIP lines; each line is a test.
run_lines() {
	local name=$1 log=$LOG/${1//\//_}.log rc line n=0
	shift
	timeout 1800 "$@" >"$log" 2>&1
	rc=$?
	while IFS= read -r line; do
		case $line in
		"PASS "*) result PASS "${line#PASS }"; n=$((n + 1)) ;;
		"FAIL "*) result FAIL "${line#FAIL }"; n=$((n + 1)) ;;
		"SKIP "*) result SKIP "${line#SKIP }"; n=$((n + 1)) ;;
		esac
	done <"$log"
	if [ $rc -ne 0 ] && [ $n -eq 0 ]; then
		result FAIL "$name" "exit $rc with no results, see $log"
		tail -n 15 "$log" | sed 's/^/    /'
	elif [ $rc -ne 0 ] && [ $rc -ne 2 ]; then
		result FAIL "$name" "exit $rc, see $log"
	fi
}

# hv-test: flags from a guest test's first comment line.
guest_args() {
	sed -n '1,5s/.*hv-test:\([^*]*\).*/\1/p' "$1" | head -n 1 | sed 's/qemu-[a-z]*\(:.*\)\{0,1\}//'
}

# A guest test passes when hartvisor exits 0 and the guest reported > 0 checks, 0 failed.
run_guest() { # run_guest NAME HVBIN SRC [extra flags]
	local name=$1 hv=$2 src=$3 base log rc args
	shift 3
	base=$(basename "${src%.*}")
	log=$LOG/${name//\//_}.log
	args=$(guest_args "$src")
	# shellcheck disable=SC2086
	timeout 300 "$hv" run --kernel "$B/guest/$base.bin" $args "$@" </dev/null >"$log" 2>&1
	rc=$?
	if [ $rc -ne 0 ]; then
		result FAIL "$name" "exit $rc, see $log"
		grep -a -m 10 -E "CHECK FAIL|hartvisor:|ThreadSanitizer" "$log" | sed 's/^/    /'
		return
	fi
	if grep -aq "WARNING: ThreadSanitizer" "$log"; then
		result FAIL "$name" "ThreadSanitizer report, see $log"
		return
	fi
	if ! grep -aqE "test done: [1-9][0-9]* checks, 0 failed" "$log"; then
		result FAIL "$name" "the guest did not report its checks, see $log"
		return
	fi
	result PASS "$name" "$(grep -aoE '[0-9]+ checks' "$log" | tail -n 1)"
}

group_format() { run_prog format tests/format_check.sh; }

group_unit() {
	local t
	for t in $B/unit/*; do
		[ -x "$t" ] && run_prog "unit/$(basename "$t")" "$t"
	done
}

group_cli() { run_lines cli tests/cli_test.sh "$HV"; }

group_guest() {
	local src
	for src in tests/guest/*.c tests/guest/*.S; do
		[ -e "$src" ] || continue
		run_guest "guest/$(basename "${src%.*}")" "$HV" "$src"
	done
}

# ThreadSanitizer on every guest that runs more than one hart.
group_tsan() {
	local src
	export TSAN_OPTIONS="halt_on_error=1 exitcode=66 second_deadlock_stack=1"
	for src in tests/guest/*.c tests/race/*.c; do
		[ -e "$src" ] || continue
		guest_args "$src" | grep -qE -- '--cpus +([2-9]|[1-9][0-9])' || continue
		run_guest "tsan/$(basename "${src%.*}")" $B/tsan/hartvisor "$src"
	done
}

# AddressSanitizer + UndefinedBehaviorSanitizer (-fno-sanitize-recover): every
# guest, and Linux through 20 hotplug cycles per CPU.
group_asan() {
	local src
	for src in tests/guest/*.c; do
		run_guest "asan/$(basename "${src%.*}")" $B/asan/hartvisor "$src"
	done
	LINUX_TESTS="hotplug" run_lines asan-linux tests/linux/linux_test.sh $B/asan/hartvisor
}

group_race() { run_lines race tests/race/torture.sh short; }

group_model() { run_lines model model/check.sh; }

group_linux() { run_lines linux tests/linux/linux_test.sh "$HV"; }

groups=("$@")
[ ${#groups[@]} -eq 0 ] && groups=(format unit cli guest race tsan asan model linux)
for g in "${groups[@]}"; do
	echo "== $g"
	"group_$g"
done

if [ $fail -gt 0 ]; then
	echo "failed: ${failed_names[*]}"
fi
echo "$pass passed, $fail failed, $skip skipped"
[ $fail -eq 0 ]
