#!/usr/bin/env bash
# The certify and verify command lines end to end, with the real explorer: certify, verify,
# tamper, re-run, shard (flag and GoogleTest variables), merge, diff, and their exit codes.
set -euo pipefail
wnetconf=$1 data=$2 out=$3
rm -rf "$out"
mkdir -p "$out"

fail() {
  echo "FAIL: $*" >&2
  cat "$out/last.out" "$out/last.err" >&2 || true
  exit 1
}
# Runs a command, keeping its output in last.out / last.err, and checks its exit code.
expect_exit() {
  local want=$1 got=0
  shift
  "$@" >"$out/last.out" 2>"$out/last.err" || got=$?
  [ "$got" = "$want" ] || fail "exit $got, expected $want: $*"
}
# results.json less its timings, which is what equal runs agree on.
comparable() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d.pop("timings"); print(json.dumps(d, sort_keys=True))' "$1"; }

common=(--sut model --vendor "CLI test" --scenarios "$data/corpus" --seed 7 --cases 30 --quiet)

expect_exit 0 "$wnetconf" certify "${common[@]}" --out "$out/whole"
cp "$out/last.out" "$out/whole.stdout"
expect_exit 0 "$wnetconf" verify "$out/whole"
grep -q "every digest matches" "$out/last.out" || fail "verify did not say the digests match"

# junit.xml is well-formed: 5 scenarios and 2 exploration blocks.
python3 - "$out/whole/junit.xml" <<'PY' || fail "junit.xml"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "testsuites" and root.get("tests") == "7", root.attrib
assert [s.get("name") for s in root] == ["scenarios", "exploration"]
PY

# Same inputs, same stdout and results (progress goes to stderr, timings apart).
expect_exit 0 "$wnetconf" certify "${common[@]}" --out "$out/again"
cmp -s "$out/whole.stdout" <(sed "s|$out/again|$out/whole|" "$out/last.out") || fail "stdout differs between equal runs"
[ "$(comparable "$out/whole/results.json")" = "$(comparable "$out/again/results.json")" ] || fail "results differ between equal runs"

expect_exit 0 "$wnetconf" verify "$out/whole" --rerun --sut model --quiet
grep -q "the re-run matches: 5 scenarios, 2 exploration blocks" "$out/last.out" || fail "re-run"

cp -r "$out/whole" "$out/tampered"
echo "tampered" >>"$out/tampered/corpus/open-files/open-files.yaml"
expect_exit 1 "$wnetconf" verify "$out/tampered"
grep -q "corpus/open-files/open-files.yaml: digest mismatch" "$out/last.out" || fail "the tampered file is not named"

# Shards through the GoogleTest variables and through --shard, merged.
expect_exit 0 env GTEST_TOTAL_SHARDS=2 GTEST_SHARD_INDEX=0 "$wnetconf" certify "${common[@]}" --out "$out/shard0"
grep -q "shard 0/2" "$out/last.out" || fail "GTEST_SHARD_INDEX/GTEST_TOTAL_SHARDS ignored"
expect_exit 0 "$wnetconf" certify "${common[@]}" --out "$out/shard1" --shard 1/2
expect_exit 0 "$wnetconf" certify --merge "$out/merged" "$out/shard0" "$out/shard1" --quiet
expect_exit 0 "$wnetconf" verify "$out/merged"
[ "$(comparable "$out/whole/results.json")" = "$(comparable "$out/merged/results.json")" ] || fail "merged != unsharded"

# A ledger entry the model does not need turns R-RC-NOT-CONNECTED from met to not met.
expect_exit 1 "$wnetconf" certify "${common[@]}" --out "$out/ledger" --expect "$data/ledger.yaml"
expect_exit 1 "$wnetconf" verify --diff "$out/whole" "$out/ledger"
grep -qx "R-RC-NOT-CONNECTED: met -> not met" "$out/last.out" || fail "diff"
expect_exit 0 "$wnetconf" verify --diff "$out/whole" "$out/merged"
expect_exit 2 "$wnetconf" verify --diff "$out/whole" "$out/tampered"

# Bad usage and bad input exit 2.
expect_exit 2 "$wnetconf" certify "${common[@]}" --out "$out/bad" --shard 2/2
expect_exit 2 "$wnetconf" certify "${common[@]}" --out "$data"
expect_exit 2 "$wnetconf" verify "$out/nothing-here"
expect_exit 2 "$wnetconf" verify "$out/whole" --rerun
expect_exit 2 "$wnetconf" certify --merge "$out/merged2" "$out/shard0"
# --out deletes nothing certify did not write: a stray manifest.json, the current folder and
# its parent are refused; an implementation that cannot be driven leaves the bundle as it was.
mkdir -p "$out/stray" "$out/cwd/sub"
echo '{}' >"$out/stray/manifest.json"
echo notes >"$out/stray/NOTES.md"
echo mine >"$out/cwd/precious.txt"
expect_exit 2 "$wnetconf" certify "${common[@]}" --out "$out/stray"
[ "$(cat "$out/stray/NOTES.md")" = notes ] || fail "a stray manifest.json let certify delete NOTES.md"
grep -q "not a wnetconf bundle" "$out/last.err" || fail "the stray manifest is not named"
(cd "$out/cwd/sub" && expect_exit 2 "$wnetconf" certify "${common[@]}" --out .)
(cd "$out/cwd/sub" && expect_exit 2 "$wnetconf" certify "${common[@]}" --out ..)
[ "$(cat "$out/cwd/precious.txt")" = mine ] && [ -d "$out/cwd/sub" ] || fail "--out . or .. deleted files"
before=$(sha256sum "$out/whole/manifest.json")
expect_exit 3 "$wnetconf" certify "${common[@]:2}" --sut "cmd:$out/no-such-agent" --out "$out/whole"
[ "$(sha256sum "$out/whole/manifest.json")" = "$before" ] || fail "a failed run replaced the bundle"
expect_exit 0 "$wnetconf" verify "$out/whole"
expect_exit 3 "$wnetconf" certify "${common[@]:2}" --sut "cmd:sh -c 'read line; exit 1'" --out "$out/whole"
expect_exit 0 "$wnetconf" verify "$out/whole"
ls -a "$out" | grep -q 'incomplete\|replaced' && fail "a staging folder was left behind: $(ls -a "$out")"
echo "certify and verify end to end: ok"
