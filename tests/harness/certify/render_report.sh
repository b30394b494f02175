#!/usr/bin/env bash
# Renders a bundle's report.html in headless Chromium and checks that the verdict and the
# requirement matrix are on the page. The screenshot stays in the build tree as an
# artifact. Exit 77 (skipped) when Chromium is missing outside CI; in CI that is a failure.
set -euo pipefail
wnetconf=$1 data=$2 out=$3

browser=""
for candidate in chromium chromium-browser; do
  if command -v "$candidate" >/dev/null; then
    browser=$candidate
    break
  fi
done
if [ -z "$browser" ]; then
  if [ "${CI:-}" = "true" ]; then
    echo "FAIL: chromium is missing (tools/setup-debian.sh installs it)" >&2
    exit 1
  fi
  echo "chromium is not installed: skipped"
  exit 77
fi

rm -rf "$out"
mkdir -p "$out"
rc=0
"$wnetconf" certify --sut model --vendor "Render test" --scenarios "$data/corpus" --expect "$data/ledger.yaml" \
  --cases 30 --quiet --out "$out/bundle" >"$out/certify.log" || rc=$?
[ "$rc" = 1 ] || { echo "FAIL: certify exited $rc (expected 1: the ledger makes it not conformant)" >&2; exit 1; }

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update
       --disable-sync --no-first-run "--user-data-dir=$profile")
page="file://$out/bundle/report.html"
timeout 120 "$browser" "${flags[@]}" --dump-dom "$page" >"$out/dom.html" 2>"$out/chromium-dom.log"
timeout 120 "$browser" "${flags[@]}" --window-size=1200,2000 "--screenshot=$out/report.png" "$page" \
  >"$out/chromium-screenshot.log" 2>&1

python3 - "$out/dom.html" <<'PY'
import sys
from html.parser import HTMLParser

class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.verdict, self.matrix_rows = [], "", 0
    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and attrs.get("id") == "requirement-matrix":
            self.stack.append("matrix")
        elif tag == "h1":
            self.stack.append("h1")
        elif tag == "tr" and "matrix" in self.stack:
            self.matrix_rows += 1
    def handle_endtag(self, tag):
        if tag == "h1" and "h1" in self.stack:
            self.stack.remove("h1")
        if tag == "table" and "matrix" in self.stack:
            self.stack.remove("matrix")
    def handle_data(self, data):
        if "h1" in self.stack:
            self.verdict += data

page = Page()
page.feed(open(sys.argv[1], encoding="utf-8").read())
assert page.verdict.strip() == "Verdict: not conformant", f"verdict on the page: {page.verdict!r}"
assert page.matrix_rows == 20, f"requirement matrix rows (header + 19): {page.matrix_rows}"
print("rendered: verdict and requirement matrix are on the page")
PY
[ -s "$out/report.png" ] || { echo "FAIL: no screenshot" >&2; cat "$out/chromium-screenshot.log" >&2; exit 1; }
echo "screenshot: $out/report.png"
