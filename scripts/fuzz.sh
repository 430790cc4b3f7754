#!/bin/sh
# fuzz.sh runs every fuzz target of the module, one after another, each for
# FUZZTIME (default 10s), minimising a failing input for at most
# FUZZMINIMIZETIME (default 2s: Go's default of 60s stalls a short run on
# the first long input it finds) with FUZZPARALLEL workers (default 1: the
# machine is shared). A failing input is written under the package's
# testdata/fuzz/<Target>/ and the script goes on to the next target; it
# exits 1 when any target failed.
#
#   make fuzz                          # every target, 10 s each
#   make fuzz FUZZTIME=1m              # longer
#   scripts/fuzz.sh ./internal/source  # the targets of some packages
set -u
FUZZTIME=${FUZZTIME:-10s}
FUZZMINIMIZETIME=${FUZZMINIMIZETIME:-2s}
FUZZPARALLEL=${FUZZPARALLEL:-1}
GO=${GO:-go}
[ $# -gt 0 ] || set -- ./...

failed=""
for pkg in $($GO list "$@"); do
	targets=$($GO test -list '^Fuzz' "$pkg" 2>/dev/null | grep '^Fuzz' || true)
	for target in $targets; do
		echo "== $pkg $target ($FUZZTIME)"
		if ! $GO test -run '^$' -fuzz "^$target\$" -fuzztime "$FUZZTIME" \
			-fuzzminimizetime "$FUZZMINIMIZETIME" -parallel "$FUZZPARALLEL" "$pkg"; then
			failed="$failed $pkg.$target"
		fi
	done
done
if [ -n "$failed" ]; then
	echo "fuzz: failed:$failed" >&2
	exit 1
fi
