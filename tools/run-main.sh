#!/usr/bin/env bash
# The main job: installs what is missing, builds, and runs the corpus on the embedded default.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup-debian.sh
tools/build.sh build
build/harness/wnetconf run scenarios/ --sut model
