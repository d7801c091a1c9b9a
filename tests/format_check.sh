#!/bin/sh
# Fails (exit 2) if any tracked or new C file differs from what clang-format makes of it.
cd "$(dirname "$0")/.." || exit 99
command -v clang-format >/dev/null || { echo "clang-format missing"; exit 1; }
bad=0
for f in $(git ls-files --cached --others --exclude-standard '*.c' '*.h'); do
	[ -f "$f" ] || continue
	if ! clang-format --style=file "$f" | cmp -s - "$f"; then
		echo "not formatted: $f (run: make format)"
		bad=1
	fi
done
[ $bad -eq 0 ] && exit 0
exit 2
