#!/bin/sh
# tests/model_test.sh: the spin model check as one test (see model/README.md).
# Exit codes follow the test runner: 0 pass, 1 skip (spin or gcc missing), 2 fail, 99 bug.
# Extra arguments go to model/check.sh (e.g. --long, or configuration names).
here=$(cd "$(dirname "$0")" && pwd)
exec "$here/../model/check.sh" "$@"
