#!/usr/bin/env bash
# The real path under faults: the agent killed mid-run, the prefix's wineserver killed mid-run,
# the prefix deleted between runs. Each ends as a failed step or a clear exit 3, never a hang,
# a crash of wnetconf or an internal error; and the next run works.
#   faults_of_the_real_path.sh WNETCONF SCENARIOS LEDGER WORK_DIR
set -uo pipefail
wnetconf=$1 scenarios=$2 ledger=$3 work=$4
rm -rf "$work"
mkdir -p "$work"
prefix=$work/prefix
small=$scenarios/cancel/not-connected
fail() { echo "FAIL: $*"; exit 1; }

run() {  # run NAME ARGS...: the exit status, output in $work/NAME.out
  local name=$1; shift
  timeout 600 "$wnetconf" run "$@" > "$work/$name.out" 2>&1
  local rc=$?
  [ $rc -ne 124 ] || fail "$name: did not end within 600 s"
  ! grep -q "internal error" "$work/$name.out" || { cat "$work/$name.out"; fail "$name: an internal error"; }
  return $rc
}

# The whole corpus with the Wine ledger exits 0 when nothing goes wrong, so a failure is the
# fault's. On an idle machine the corpus takes about a second under Wine, so the fault comes
# the moment this run's agent exists (it holds WINEPREFIX=$prefix).
agent_running() {
  local p
  for p in $(pgrep -f wnetconf-agent.exe); do
    grep -qz "^WINEPREFIX=$prefix\$" "/proc/$p/environ" 2>/dev/null && return 0
  done
  return 1
}
interrupt_when_started() {  # NAME ACTION: runs the whole corpus, does ACTION once mid-run
  local name=$1 action=$2
  timeout 600 "$wnetconf" run "$scenarios" --sut wine --wine-prefix "$prefix" --expect "$ledger" \
    > "$work/$name.out" 2>&1 &
  local pid=$!
  for _ in $(seq 30000); do
    agent_running && break
    sleep 0.01
  done
  agent_running || fail "$name: the agent was never seen running"
  eval "$action"
  wait $pid
  local rc=$?
  [ $rc -ne 124 ] || fail "$name: hung after the fault"
  ! grep -q "internal error" "$work/$name.out" || { cat "$work/$name.out"; fail "$name: an internal error"; }
  [ $rc -eq 1 ] || [ $rc -eq 3 ] || { tail -20 "$work/$name.out"; fail "$name: exited $rc, not a failed step (1) or exit 3"; }
  grep -qi "agent\|driven" "$work/$name.out" || fail "$name: the output does not say what failed"
  echo "$name: exit $rc"
}

if ! run first "$small" --sut wine --wine-prefix "$prefix"; then
  if grep -q -- "--sut wine is unavailable" "$work/first.out"; then
    [ "${CI:-}" = "true" ] && fail "CI=true, and the Wine SUT cannot run"
    echo "[  SKIPPED ] $(grep -o -- '--sut wine is unavailable.*' "$work/first.out")"
    exit 0
  fi
  cat "$work/first.out"; fail "the first run failed"
fi

rm -rf "$prefix"
run after-prefix-deleted "$small" --sut wine --wine-prefix "$prefix" || { cat "$work/after-prefix-deleted.out"; fail "a run after the prefix was deleted"; }

interrupt_when_started agent-killed 'for p in $(pgrep -f wnetconf-agent.exe); do
  grep -qz "^WINEPREFIX=$prefix\$" "/proc/$p/environ" 2>/dev/null && kill -KILL "$p"; done'
run after-agent-killed "$small" --sut wine --wine-prefix "$prefix" || { cat "$work/after-agent-killed.out"; fail "a run after the agent was killed"; }

interrupt_when_started wineserver-killed 'WINEPREFIX="$prefix" wineserver -k || true'
run after-wineserver-killed "$small" --sut wine --wine-prefix "$prefix" || { cat "$work/after-wineserver-killed.out"; fail "a run after the wineserver was killed"; }
echo "every fault ended as a failed step or exit 3, and the next run worked"
