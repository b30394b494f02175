#!/usr/bin/env bash
# An implementation that supports none of the scenarios is not conformant: run and certify
# exit 1 and say that nothing was tested, never 0 with "0 of N requirements met".
set -euo pipefail
wnetconf=$1 scenarios=$2 agent=$3 out=$4
rm -rf "$out"
mkdir -p "$out"
fail() {
  echo "FAIL: $*" >&2
  cat "$out/last.out" "$out/last.err" >&2 || true
  exit 1
}
expect_exit() {
  local want=$1 got=0
  shift
  "$@" >"$out/last.out" 2>"$out/last.err" || got=$?
  [ "$got" = "$want" ] || fail "exit $got, expected $want: $*"
}
sut="cmd:python3 $agent"
expect_exit 1 "$wnetconf" run "$scenarios" --sut "$sut"
grep -q "nothing was tested: the implementation supports none of the" "$out/last.out" || fail "run: not said"
expect_exit 1 "$wnetconf" certify --sut "$sut" --vendor v --scenarios "$scenarios" --cases 0 --out "$out/bundle" --quiet
grep -q "verdict: not conformant" "$out/last.out" || fail "certify: not 'not conformant'"
grep -q "nothing was tested" "$out/last.out" || fail "certify: not said"
# The clean sim on the same scenarios still is.
expect_exit 0 "$wnetconf" run "$scenarios" --sut sim
echo "ok"
