#!/usr/bin/env bash
# The installed tool, as a user gets it: `cmake --install` into a staging prefix, the prefix
# moved elsewhere (the binary must find its corpus and agent relative to itself), then run
# from an unrelated folder against the installed corpus.
#   installed_binary_test.sh BUILD_DIR WORK_DIR VERSION AGENT_BUILT(ON/OFF)
set -euo pipefail
build=$1 work=$2 version=$3 agent_built=$4
rm -rf "$work"
mkdir -p "$work/elsewhere"
cmake --install "$build" --prefix "$work/staged" >/dev/null
mv "$work/staged" "$work/moved"
prefix=$work/moved
wnetconf=$prefix/bin/wnetconf
corpus=$prefix/share/wnetconf/scenarios
cd "$work/elsewhere"

fail() { echo "FAIL: $*" >&2; exit 1; }

[ "$("$wnetconf" --version)" = "wnetconf $version" ] || fail "--version printed '$("$wnetconf" --version)'"
[ -f "$prefix/share/man/man1/wnetconf.1" ] || fail "no man page installed"
for schema in scenario-v1 ledger-v1 results-v1 manifest-v1 protocol-v1 verify-v1; do
  [ -f "$prefix/share/wnetconf/schemas/$schema.schema.json" ] || fail "schema $schema not installed"
done
files=$(find "$corpus" -name '*.yaml' | wc -l)
[ "$files" -gt 50 ] || fail "the installed corpus holds $files scenario files"

for sut in model sim; do
  "$wnetconf" run "$corpus" --sut "$sut" --json > "run-$sut.out" || fail "run --sut $sut exited $?"
  grep -q '"passed"' "run-$sut.out" || fail "run --sut $sut printed no summary"
done

# certify's default corpus is the installed one; the bundle records this version.
"$wnetconf" certify --sut sim --vendor installed --cases 10 --out bundle -q > certify.out || fail "certify exited $?"
grep -q "\"harness_version\": \"$version\"" bundle/results.json || fail "results.json does not record $version"
grep -q "\"harness_version\": \"$version\"" bundle/manifest.json || fail "manifest.json does not record $version"
corpus_files=$(find bundle/corpus -name '*.yaml' | wc -l)
[ "$corpus_files" -eq "$files" ] || fail "certify used $corpus_files scenario files, the installed corpus has $files"
"$wnetconf" verify bundle > verify.out || fail "verify exited $?"

# The installed Windows agent under Wine, when this build cross-built it.
if [ "$agent_built" = ON ]; then
  [ -f "$prefix/lib/wnetconf/wnetconf-agent.exe" ] || fail "the cross-built agent was not installed"
  if command -v wine >/dev/null; then
    "$wnetconf" run "$corpus/cancel/not-connected" --sut wine > wine.out 2>&1 || { cat wine.out; fail "run --sut wine exited $?"; }
    echo "wine: $(tail -1 wine.out)"
  elif [ "${CI:-}" = "true" ]; then
    fail "CI=true, and wine is not on PATH"
  fi
fi
echo "installed wnetconf $version runs from $PWD against $corpus"
