#!/usr/bin/env bash
# `wnetconf agent --listen` and `--sut tcp:` end to end: loopback only without a token, the
# token read from --token-file or WNETCONF_TOKEN_FILE on both sides, a client without it refused.
set -euo pipefail
wnetconf=$1 scenarios=$2 out=$3
rm -rf "$out"
mkdir -p "$out"
agent_pid=
trap '[ -z "$agent_pid" ] || kill "$agent_pid" 2>/dev/null || true' EXIT

fail() {
  echo "FAIL: $*" >&2
  cat "$out/last.out" "$out/last.err" "$out/agent.err" >&2 2>/dev/null || true
  exit 1
}
expect_exit() {
  local want=$1 got=0
  shift
  "$@" >"$out/last.out" 2>"$out/last.err" || got=$?
  [ "$got" = "$want" ] || fail "exit $got, expected $want: $*"
}

expect_exit 2 "$wnetconf" agent --sut sim --listen 0.0.0.0:0
grep -q -- "--listen 0.0.0.0:0: not a loopback address; serving beyond this machine needs --token-file" "$out/last.err" ||
  fail "no reason given for refusing 0.0.0.0 without a token"
printf '\n' >"$out/empty-token"
expect_exit 2 "$wnetconf" agent --sut sim --listen 0.0.0.0:0 --token-file "$out/empty-token"
grep -q "empty-token: empty" "$out/last.err" || fail "an empty token file is not named"

printf 's3cret-%s\n' "$$" >"$out/token"
"$wnetconf" agent --sut sim --listen 127.0.0.1:0 --token-file "$out/token" 2>"$out/agent.err" &
agent_pid=$!
for _ in $(seq 100); do
  grep -q "listening on" "$out/agent.err" && break
  sleep 0.05
done
port=$(sed -n 's/^listening on 127.0.0.1:\([0-9]*\)$/\1/p' "$out/agent.err")
[ -n "$port" ] || fail "the agent did not say where it listens"

expect_exit 0 "$wnetconf" run "$scenarios" --sut "tcp:127.0.0.1:$port" --token-file "$out/token"
expect_exit 3 "$wnetconf" run "$scenarios" --sut "tcp:127.0.0.1:$port"
grep -q "the agent refused hello: this agent requires a token" "$out/last.err" || fail "no token: not said why"
printf 'wrong\n' >"$out/wrong"
expect_exit 3 "$wnetconf" run "$scenarios" --sut "tcp:127.0.0.1:$port" --token-file "$out/wrong"
grep -q "wrong token in hello" "$out/last.err" || fail "wrong token: not said why"
expect_exit 0 env WNETCONF_TOKEN_FILE="$out/token" "$wnetconf" run "$scenarios" --sut "tcp:127.0.0.1:$port"
# Every client's bye ended its own connection only: the agent still serves.
kill -0 "$agent_pid" || fail "the agent stopped after a client's bye"
grep -q "refused a client" "$out/agent.err" || fail "the agent did not log the refusals"
echo "ok"
