#!/usr/bin/env bash
# Hostile scenario, ledger and bundle files end in exit 2 with file:line:column and a clear
# reason, and hostile protocol lines in an error naming the limit, at once and within a memory
# limit a normal run keeps well inside.
set -euo pipefail
wnetconf=$1 data=$2 out=$3 scenarios=$4 sanitized=${5:-OFF}
limit_kb=$((256 * 1024))  # KiB of address space: a corpus run needs under 16 MiB, the largest legal file ~100 MiB
if [ "$sanitized" = ON ]; then
  # AddressSanitizer reserves terabytes of address space for its shadow memory, so an address
  # space limit kills every run: bound the resident set instead, and allow for its slowness.
  export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}hard_rss_limit_mb=512"
  within_limit() { "$@"; }
  max_ms=15000
else
  within_limit() { (ulimit -v "$limit_kb" && exec "$@"); }
  max_ms=2000
fi
rm -rf "$out"
mkdir -p "$out"

fail() {
  echo "FAIL: $*" >&2
  cat "$out/last.err" >&2 || true
  exit 1
}
# expect_cmd EXIT MESSAGE ARGS...: runs `wnetconf ARGS` (stdin from $stdin) under the memory
# limit and a time limit; checks the exit code and that stdout or stderr holds MESSAGE.
stdin=/dev/null
expect_cmd() {
  local want=$1 message=$2 got=0
  shift 2
  local start=$(date +%s%N)
  within_limit timeout 20 "$wnetconf" "$@" <"$stdin" >"$out/last.out" 2>"$out/last.err" || got=$?
  local ms=$((($(date +%s%N) - start) / 1000000))
  [ "$got" = "$want" ] || fail "exit $got, expected $want: $*"
  grep -qF -- "$message" "$out/last.err" "$out/last.out" || fail "no '$message' for $*"
  [ "$ms" -lt "$max_ms" ] || fail "took ${ms} ms: $*"
}
# expect EXIT MESSAGE ARGS...: `wnetconf run ARGS --sut model`, as expect_cmd.
expect() {
  local want=$1 message=$2
  shift 2
  expect_cmd "$want" "$message" run "$@" --sut model
}

# The limit leaves room for real work: the whole corpus runs under it.
expect 0 " 0 failed" "$scenarios"

anchors="anchors and aliases are not part of the scenario language"
expect 2 "cyclic-alias.yaml:1:5: $anchors" "$data/cyclic-alias.yaml"
expect 2 "billion-laughs.yaml:3:5: $anchors" "$data/billion-laughs.yaml"
printf 'vendor: &v V\ndivergences: []\n' >"$out/alias-ledger.yaml"
expect 2 "alias-ledger.yaml:1:9: $anchors" "$data/wrong-expectation.yaml" --expect "$out/alias-ledger.yaml"
printf 'vendor: V\ndivergences:\n  - {scenario: a, step: x, observed: 0, reason: r}\n' >"$out/bad-step-ledger.yaml"
expect 2 "bad-step-ledger.yaml:3:25: expected a step number" "$data/wrong-expectation.yaml" --expect "$out/bad-step-ledger.yaml"

# Scalars that crashed std::regex (recursion) or std::stoll.
printf 'id: %s\n' "$(head -c 60000 /dev/zero | tr '\0' a)" >"$out/long-id.yaml"
expect 2 "long-id.yaml:1:5: a string longer than the limit of 4096 characters" "$out/long-id.yaml"
printf 'id: t.x\ntitle: t\ncovers: [R-ATOMIC]\nsteps:\n  - fault: {provider: {code: %s}}\n' \
  "$(head -c 60000 /dev/zero | tr '\0' 7)" >"$out/long-number.yaml"
expect 2 "long-number.yaml:5:30: a string longer than the limit" "$out/long-number.yaml"
printf 'id: t.x\ntitle: t\ncovers: [R-ATOMIC]\nsteps:\n  - fault: {provider: {code: 99999999999999999999}}\n' >"$out/big-number.yaml"
expect 2 "big-number.yaml:5:30: a number out of range" "$out/big-number.yaml"

python3 -c 'print("id: " + "[" * 100000 + "]" * 100000)' >"$out/deep.yaml"
expect 2 "deep.yaml:1:36: nested deeper than the limit of 32 levels" "$out/deep.yaml"
head -c $((4 * 1024 * 1024 + 1)) /dev/zero | tr '\0' '#' >"$out/huge.yaml"
expect 2 "huge.yaml: larger than the limit of 4 MiB" "$out/huge.yaml"
expect 2 "invalid-utf8.yaml:2:12: not valid UTF-8 (byte 0xE9)" "$data/invalid-utf8.yaml"

# Not regular files: refused unread (a FIFO would block, /dev/zero never end).
mkfifo "$out/fifo.yaml"
expect 2 "fifo.yaml: not a regular file" "$out/fifo.yaml"
expect 2 "/dev/zero: not a regular file" /dev/zero
mkdir -p "$out/folder/x.yaml" "$out/empty"
expect 2 "x.yaml: no scenario files found" "$out/folder/x.yaml"  # a folder, whatever its name
expect 2 "empty: no scenario files found" "$out/empty"

# Ledgers: the scenario limits, file:line:column of the ledger.
ledger_for() { printf 'vendor: V\ndivergences:\n  - {scenario: a, observed: 0, reason: %s}\n' "$1"; }
run_ledger() { expect 2 "$1" "$data/wrong-expectation.yaml" --expect "$2"; }
ledger_for "$(head -c 5000 /dev/zero | tr '\0' r)" >"$out/long-ledger.yaml"
run_ledger "long-ledger.yaml:3:40: a string longer than the limit of 4096 characters" "$out/long-ledger.yaml"
ledger_for "$(python3 -c 'print("[" * 1000 + "]" * 1000)')" >"$out/deep-ledger.yaml"
run_ledger "deep-ledger.yaml:3:69: nested deeper than the limit of 32 levels" "$out/deep-ledger.yaml"
python3 -c 'print("vendor: V\ndivergences: [" + "0," * 500001 + "0]")' >"$out/many-ledger.yaml"
run_ledger "many-ledger.yaml:2:1000009: more values than the limit of 500000 in one file" "$out/many-ledger.yaml"
head -c $((4 * 1024 * 1024 + 1)) /dev/zero | tr '\0' '#' >"$out/huge-ledger.yaml"
run_ledger "huge-ledger.yaml: larger than the limit of 4 MiB" "$out/huge-ledger.yaml"
printf 'vendor: V\xe9\ndivergences: []\n' >"$out/latin1-ledger.yaml"
run_ledger "latin1-ledger.yaml:1:10: not valid UTF-8 (byte 0xE9)" "$out/latin1-ledger.yaml"

# Bundles: verify reads manifest.json within limits::kBundleJson (read_bundle's other files
# are tested in tests/harness/certify).
bundle() { rm -rf "$out/bundle" && mkdir "$out/bundle" && cat >"$out/bundle/manifest.json"; }
python3 -c 'print("{\"format\":" + "[" * 100000 + "]" * 100000 + "}")' | bundle
expect_cmd 2 "manifest.json:1:43: nested deeper than the limit of 32 levels" verify "$out/bundle"
python3 -c 'print("{\"format\":\"" + "f" * (1024 * 1024 + 1) + "\"}")' | bundle
expect_cmd 2 "manifest.json:1:1048590: a string longer than the limit of 1048576 bytes" verify "$out/bundle"
python3 -c 'print("[" + "0," * 1000000 + "0]")' | bundle
expect_cmd 2 "manifest.json:1:2000002: more values than the limit of 1000000" verify "$out/bundle"
head -c $((32 * 1024 * 1024 + 1)) /dev/zero | tr '\0' ' ' | bundle
expect_cmd 2 "manifest.json: larger than the limit of 32 MiB" verify "$out/bundle"
printf '{"format":"\xff"}' | bundle
expect_cmd 2 "manifest.json:1:12: not JSON" verify "$out/bundle"

# Protocol lines, to the agent: each refused with the limit named, and the agent serves on.
stdin=$out/requests.jsonl
python3 - >"$stdin" <<'PY'
print("[" * 100000 + "]" * 100000)
print('{"op":"hello","protocol":"' + "p" * 70000 + '"}')
print("[" + "0," * 500000 + "0]")
print('{"op":"hello","protocol":1}')
PY
expect_cmd 0 '"ok":true' agent --sut sim
for message in "refused at byte 33: nested deeper than the limit of 32 levels" \
  "refused at byte 70027: a string longer than the limit of 65536 bytes" \
  "more values than the limit of 500000"; do
  grep -qF -- "$message" "$out/last.out" || fail "the agent did not say '$message'"
done
# A line longer than a request may be is refused, and the agent stops reading that input.
python3 -c 'print(" " * (16 * 1024 * 1024 + 1))' >"$stdin"
expect_cmd 1 "a request longer than 1048576 bytes" agent --sut sim
stdin=/dev/null
# ... and from an agent: the answer is refused and the agent could not be driven (exit 3).
printf '#!/bin/sh\nread request\npython3 -c "print(\\"[\\" * 100000)"\n' >"$out/deep-agent.sh"
chmod +x "$out/deep-agent.sh"
expect_cmd 3 "answered hello with garbage at byte 33: nested deeper than the limit of 32 levels" \
  run "$data/wrong-expectation.yaml" --sut "cmd:$out/deep-agent.sh"
echo "hostile input: ok"
