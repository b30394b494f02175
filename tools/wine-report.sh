#!/usr/bin/env bash
# Regenerates reports/wine-8.0.md from a fresh Wine run: a certification bundle against the
# ledger, a campaign of at least 5 minutes, then tools/vendor-report.py. The inputs are kept
# in reports/wine-8.0/ (results.json, the bundle's ledger.yaml, campaign.json, commands.txt),
# so ctest reports.wine-report-current can check the report against them. Usage:
#   tools/wine-report.sh [BUILD_DIR]      (default: build; about 6 minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
certify=(certify --sut wine --vendor "Wine 8.0" --expect expectations/wine-8.0.yaml --cases 100 --max-steps 20)
campaign=(explore --sut wine --seed 1 --cases 1000000 --max-steps 20 --keep-going --budget 330
          --expect expectations/wine-8.0.yaml --json)
"$build/harness/wnetconf" "${certify[@]}" --out "$work/bundle" -q || [ $? -eq 1 ]
"$build/harness/wnetconf" "${campaign[@]}" --save-dir "$work/findings" > "$work/campaign.out" || [ $? -eq 1 ]
mkdir -p reports/wine-8.0
cp "$work/bundle/results.json" "$work/bundle/ledger.yaml" reports/wine-8.0/
tail -n 1 "$work/campaign.out" > reports/wine-8.0/campaign.json
{
  printf 'wnetconf'; printf ' %q' "${certify[@]}"; printf ' --out BUNDLE\n'
  printf 'wnetconf'; printf ' %q' "${campaign[@]}"; printf ' > campaign.json\n'
  printf 'tools/vendor-report.py BUNDLE campaign.json commands.txt > reports/wine-8.0.md\n'
} > reports/wine-8.0/commands.txt
cp "$work/bundle/report.md" reports/wine-8.0-certification.md
python3 tools/vendor-report.py reports/wine-8.0 reports/wine-8.0/campaign.json reports/wine-8.0/commands.txt \
  > reports/wine-8.0.md
echo "reports/wine-8.0.md regenerated"
