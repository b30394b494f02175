#!/usr/bin/env bash
# The test command: installs what is missing, then builds and runs the whole ctest suite
# twice: the normal build (with the Windows agent under Wine), and an ASan+UBSan build.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup-debian.sh
jobs=$(nproc)

tools/build.sh build
(cd build && ctest --output-on-failure -j"$jobs")

# The sanitizers watch the host code; the Windows agent is not rebuilt for them.
tools/build.sh build-asan -DCMAKE_BUILD_TYPE=Debug -DWNETCONF_SANITIZE=ON -DWNETCONF_WINDOWS_AGENT=OFF
(cd build-asan && ctest --output-on-failure -j"$jobs" -LE wine)
