#!/usr/bin/env bash
# The main job: installs what is missing, builds, and certifies the embedded default (the
# sim) into out/certify-sim/: corpus plus a fixed-seed exploration, verified afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup-debian.sh
tools/build.sh build
build/harness/wnetconf certify --sut sim --vendor wnetconf-sim --cases 2000 --out out/certify-sim
build/harness/wnetconf verify out/certify-sim
