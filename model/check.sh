#!/usr/bin/env bash
# model/check.sh: check the power-state models with spin (see model/README.md).
#
#   model/check.sh [--long] [-j N] [NAME...]
#
# For each configuration: spin -a, gcc pan.c, run pan, judge the result, and print
#   PASS model-NAME: <expected outcome> (<states> states, <time>)
# or FAIL.  "verify" configurations pass when pan reports errors: 0 and the search was
# complete (no depth or memory truncation, lossless state storage, no unreachable
# protocol code).  "trail" configurations pass when pan finds a counterexample and the
# replayed trail breaks the expected invariant (and shows the expected marker).
#
# --long adds the 5-hart run of design (c) (about 2 minutes and 3 GiB more).
# NAME... runs only the named configurations (without the "model-" prefix).
# Build products go to $MODEL_OUT (default build/model/), never into model/.
#
# Exit: 0 all passed, 2 something failed, 1 spin or gcc missing (skipped), 99 bug here.

set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out=${MODEL_OUT:-$root/build/model}
njobs=${MODEL_JOBS:-2}
# pan's memory ceiling in MiB.  Two pans run at once on a 24 GiB machine.
memlim=${MODEL_MEMLIM:-10240}
long=0

while [ $# -gt 0 ]; do
	case $1 in
	--long) long=1; shift ;;
	-j) njobs=$2; shift 2 ;;
	-j*) njobs=${1#-j}; shift ;;
	-h|--help) sed -n '2,19p' "$0"; exit 0 ;;
	--) shift; break ;;
	-*) echo "check.sh: unknown option $1" >&2; exit 99 ;;
	*) break ;;
	esac
done

for tool in spin gcc; do
	if ! command -v $tool >/dev/null 2>&1; then
		echo "SKIP model: $tool is not installed"
		exit 1
	fi
done

# NAME | MODEL | EXPECT | PAN RUN FLAGS | -D FLAGS
#   EXPECT: verify, or the invariant(s) the trail must break (I1, I1|I2, ...),
#           optionally followed by +MARKER, a line the replayed trail must print.
# Design (c) always runs with every feature on: any hart may call SUSP (so two or more
# run concurrently), SRST, and the VMM's set_mp_state.  The broken variants change
# exactly one thing in that configuration.
HV_ALL="-DSRST=1 -DSETMP=1"
CONFIGS=(
# (a) original KVM: unlocked scan
"kvm-3h           |kvm.pml|I1           |           |-DNHARTS=3"
"kvm-4h           |kvm.pml|I1           |           |-DNHARTS=4"
"kvm-srst-3h      |kvm.pml|I3           |           |-DNHARTS=3 -DSRST=1 -DCHECK_I1=0 -DCHECK_I2=0"
# (b) v1 flag patch: each gap on its own
"v1-gap1-3h       |kvm.pml|I1+GAP1:     |           |-DV1 -DNHARTS=3 -DRUNLOOP_ANY"
"v1-gap1-4h       |kvm.pml|I1+GAP1:     |           |-DV1 -DNHARTS=4 -DRUNLOOP_ANY"
"v1-gap2-3h       |kvm.pml|I1+GAP2:     |           |-DV1 -DNHARTS=3 -DNSUSP=2"
"v1-gap2-4h       |kvm.pml|I1+GAP2:     |           |-DV1 -DNHARTS=4 -DNSUSP=2"
"v1-gap3-3h       |kvm.pml|I1+SETMP:    |           |-DV1 -DNHARTS=3 -DSETMP=1"
"v1-gap4-3h       |kvm.pml|I2+SRST:     |           |-DV1 -DNHARTS=3 -DSRST=1 -DCHECK_I1=0"
"v1-gap4ev-3h     |kvm.pml|I3+SRST:     |           |-DV1 -DNHARTS=3 -DSRST=1 -DCHECK_I1=0 -DCHECK_I2=0"
# (b) control: with every gap closed off the flag works, so the trails above are the gaps
"v1-nogaps-3h     |kvm.pml|verify       |-m100000   |-DV1 -DNHARTS=3"
"v1-nogaps-4h     |kvm.pml|verify       |-m100000   |-DV1 -DNHARTS=4"
# (c) hartvisor, DESIGN.md section 3
"hv-3h            |hv.pml |verify       |-m200000 -w22  |-DNHARTS=3 -DNSUSP=3 $HV_ALL"
"hv-4h            |hv.pml |verify       |-m2000000 -w24 |-DNHARTS=4 -DNSUSP=4 $HV_ALL"
# (c) broken as DESIGN.md section 3 says: each must produce a trail
"hv-start-nolock-3h   |hv.pml|I1|I2|I3  |           |-DNHARTS=3 -DNSUSP=3 $HV_ALL -DBROKEN_START_NOLOCK"
"hv-start-nolock-4h   |hv.pml|I1|I2|I3  |           |-DNHARTS=4 -DNSUSP=4 $HV_ALL -DBROKEN_START_NOLOCK"
"hv-setmp-nolock-3h   |hv.pml|I1|I2|I3  |           |-DNHARTS=3 -DNSUSP=3 $HV_ALL -DBROKEN_SETMP_NOLOCK"
"hv-setmp-nolock-4h   |hv.pml|I1|I2|I3  |           |-DNHARTS=4 -DNSUSP=4 $HV_ALL -DBROKEN_SETMP_NOLOCK"
"hv-late-commit-3h    |hv.pml|I1|I2|I3  |           |-DNHARTS=3 -DNSUSP=3 $HV_ALL -DBROKEN_LATE_COMMIT"
"hv-late-commit-4h    |hv.pml|I1|I2|I3  |           |-DNHARTS=4 -DNSUSP=4 $HV_ALL -DBROKEN_LATE_COMMIT"
# (c) without the caller recheck (sbi-semantics.md 2b gap 8): shows I3 can fail
"hv-no-recheck-3h     |hv.pml|I3        |           |-DNHARTS=3 -DNSUSP=3 $HV_ALL -DBROKEN_NO_RECHECK"
)
if [ $long = 1 ]; then
	CONFIGS+=("hv-5h |hv.pml |verify |-m8000000 -w26 |-DNHARTS=5 -DNSUSP=5 $HV_ALL")
fi

trim() { local s=$*; s=${s#"${s%%[![:space:]]*}"}; echo "${s%"${s##*[![:space:]]}"}"; }

# run_one NAME MODEL EXPECT PANFLAGS DFLAGS: writes $out/NAME/result
run_one() {
	local name=$1 model=$2 expect=$3 panflags=$4 dflags=$5
	local d=$out/$name res
	rm -rf "$d" && mkdir -p "$d" && cp "$here"/*.pml "$d"/ || return 99
	res=$(cd "$d" && judge "$name" "$model" "$expect" "$panflags" "$dflags")
	echo "$res" > "$d/result"
}

judge() {
	local name=$1 model=$2 expect=$3 panflags=$4 dflags=$5
	local ccflags states secs depth
	# shellcheck disable=SC2086
	if ! spin -a $dflags "$model" > spin.log 2>&1; then
		echo "FAIL model-$name: spin -a failed (see $PWD/spin.log)"; return
	fi
	if [ "$expect" = verify ]; then
		# exhaustive: lossless compression only (no bitstate, no hash-compact)
		ccflags="-O2 -DSAFETY -DCOLLAPSE -DMEMLIM=$memlim"
	else
		# breadth-first: the shortest counterexample
		ccflags="-O2 -DSAFETY -DBFS -DMEMLIM=$memlim"
	fi
	# shellcheck disable=SC2086
	if ! gcc $ccflags -o pan pan.c > gcc.log 2>&1; then
		echo "FAIL model-$name: gcc failed (see $PWD/gcc.log)"; return
	fi
	# shellcheck disable=SC2086
	./pan $panflags > pan.out 2>&1
	states=$(awk '/states, stored/ { print $1; exit }' pan.out)
	secs=$(sed -n 's/^pan: elapsed time \([0-9.e+-]*\) seconds.*/\1/p' pan.out)
	depth=$(sed -n 's/.*depth reached \([0-9]*\),.*/\1/p' pan.out)
	local stats="${states:-?} states, ${secs:-?} s"

	if [ "$expect" = verify ]; then
		if ! grep -q 'errors: 0$' pan.out; then
			echo "FAIL model-$name: expected no errors, got: $(grep -m1 -E 'pan:1:|errors:' pan.out) ($stats)"
			return
		fi
		if grep -qiE 'out of memory|MEMLIM|max search depth too small|Search not completed' pan.out; then
			echo "FAIL model-$name: search truncated: $(grep -iE 'out of memory|MEMLIM|depth too small|not completed' pan.out | head -1) ($stats)"
			return
		fi
		# Non-vacuity.  hv.pml: every statement must be reachable except process ends
		# and the "impossible" assert(false).  kvm.pml (the v1 control, where SRST and
		# reboot are compiled in but disabled): the SUSP commit must be reachable.
		local unreached
		unreached=$(awk '/^unreached in/ { on = 1; next } on && /, state [0-9]+, "/' pan.out |
			sed 's/^[[:space:]]*//')
		if [ "$model" = hv.pml ]; then
			unreached=$(echo "$unreached" | grep -vE '"-end-"$|"assert\(0\)"$' | head -3)
		else
			unreached=$(echo "$unreached" | grep 'commits the system suspend' | head -3)
		fi
		if [ -n "$unreached" ]; then
			echo "FAIL model-$name: unreachable protocol code: $(echo "$unreached" | tr '\n' ';') ($stats)"
			return
		fi
		echo "PASS model-$name: verified, errors: 0, exhaustive, depth $depth ($stats)"
		return
	fi

	# a counterexample is expected
	local want=${expect%%+*} marker=""
	case $expect in *+*) marker=${expect#*+} ;; esac
	if grep -q 'errors: 0$' pan.out || [ ! -f "$model.trail" ]; then
		echo "FAIL model-$name: expected a trail breaking $want, found none ($stats)"
		return
	fi
	# shellcheck disable=SC2086
	spin -t $dflags "$model" > replay.out 2>&1
	local where file line tag
	where=$(sed -n 's/^spin: \([^ ]*\):\([0-9]*\), Error: assertion violated.*/\1:\2/p' replay.out | head -1)
	if [ -n "$where" ]; then
		file=${where%%:*}
		line=${where##*:}
		tag=$(sed -n "${line}p" "$file" | grep -oE 'I[123]' | head -1)
	elif grep -q 'invalid end state' pan.out; then
		tag=deadlock
	fi
	tag=${tag:-unknown}
	grep -E '^ *[A-Z0-9]+: ' replay.out | sed 's/^ *//' > trail.txt
	if ! echo "|$want|" | grep -q "|$tag|"; then
		echo "FAIL model-$name: expected a trail breaking $want, the trail breaks $tag at $where ($stats)"
		return
	fi
	if [ -n "$marker" ] && ! grep -q "^$marker" trail.txt; then
		echo "FAIL model-$name: trail breaks $tag but does not show $marker (see $PWD/trail.txt) ($stats)"
		return
	fi
	echo "PASS model-$name: counterexample, $tag violated${marker:+, via ${marker%:}}, trail of $(wc -l < trail.txt) events ($stats)"
}

mkdir -p "$out" || exit 99
selected=("$@")
names=()
for cfg in "${CONFIGS[@]}"; do
	IFS='|' read -r name model expect panflags dflags <<< "$cfg"
	# EXPECT may itself contain '|' (I1|I2|I3): re-split from the right
	n=$(echo "$cfg" | awk -F'|' '{ print NF }')
	if [ "$n" -gt 5 ]; then
		name=$(echo "$cfg" | cut -d'|' -f1)
		model=$(echo "$cfg" | cut -d'|' -f2)
		expect=$(echo "$cfg" | cut -d'|' -f3-$((n - 2)))
		panflags=$(echo "$cfg" | cut -d'|' -f$((n - 1)))
		dflags=$(echo "$cfg" | cut -d'|' -f$n)
	fi
	name=$(trim "$name"); model=$(trim "$model"); expect=$(trim "$expect" | tr -d ' ')
	panflags=$(trim "$panflags"); dflags=$(trim "$dflags")
	if [ ${#selected[@]} -gt 0 ] && ! printf '%s\n' "${selected[@]}" | grep -qx "$name"; then
		continue
	fi
	while [ "$(jobs -rp | wc -l)" -ge "$njobs" ]; do wait -n; done
	run_one "$name" "$model" "$expect" "$panflags" "$dflags" &
	names+=("$name")
done
wait

pass=0 fail=0
for name in "${names[@]}"; do
	r=$(cat "$out/$name/result" 2>/dev/null || echo "FAIL model-$name: no result (internal error)")
	echo "$r"
	case $r in PASS*) pass=$((pass + 1)) ;; *) fail=$((fail + 1)) ;; esac
done
echo "model: $pass passed, $fail failed"
[ $fail -eq 0 ] && [ $pass -gt 0 ] && exit 0
exit 2
