#!/usr/bin/env bash
# The test command: installs what is missing, builds, and runs the whole ctest suite.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup-debian.sh
tools/build.sh build
cd build
ctest --output-on-failure -j"$(nproc)"
