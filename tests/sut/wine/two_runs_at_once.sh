#!/usr/bin/env bash
# Two `--sut wine` runs at the same time, as from two terminals: each makes its own private
# prefix, both pass, and neither leaves its prefix behind.
#   two_runs_at_once.sh WNETCONF SCENARIO_FOLDER WORK_DIR
set -uo pipefail
wnetconf=$1 folder=$2 work=$3
rm -rf "$work"
mkdir -p "$work/cache"
export XDG_CACHE_HOME=$work/cache
"$wnetconf" run "$folder" --sut wine > "$work/a.out" 2>&1 &
a=$!
"$wnetconf" run "$folder" --sut wine > "$work/b.out" 2>&1 &
b=$!
wait $a; rc_a=$?
wait $b; rc_b=$?
cat "$work/a.out" "$work/b.out"
if grep -q -- "--sut wine is unavailable" "$work/a.out"; then
  [ "${CI:-}" = "true" ] && { echo "FAIL: CI=true, and the Wine SUT cannot run"; exit 1; }
  echo "[  SKIPPED ] $(grep -o -- '--sut wine is unavailable.*' "$work/a.out")"
  exit 0
fi
[ $rc_a -eq 0 ] && [ $rc_b -eq 0 ] || { echo "FAIL: the runs exited $rc_a and $rc_b"; exit 1; }
left=$(find "$work/cache/wnetconf" -mindepth 1 -maxdepth 1 -name 'wine-*' | wc -l)
[ "$left" -eq 0 ] || { echo "FAIL: $left prefix folders were left in the cache"; ls -la "$work/cache/wnetconf"; exit 1; }
echo "both runs passed, each in its own prefix"
