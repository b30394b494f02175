#!/usr/bin/env bash
# The test command: installs what is missing, then builds and runs the whole ctest suite
# twice: the normal build (with the Windows agent under Wine), and an ASan+UBSan build; in
# between it builds the tool alone in Release.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup-debian.sh
jobs=$(nproc)

tools/build.sh build
(cd build && ctest --output-on-failure -j"$jobs" --output-junit ctest-junit.xml)

# Release, as a packager builds the tool alone: GCC at -O3 warns where -O2 does not.
tools/build.sh build-release -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF -DWNETCONF_WINDOWS_AGENT=OFF
build-release/harness/wnetconf --version

# The sanitizers watch the host code; the Windows agent is not rebuilt for them.
tools/build.sh build-asan -DCMAKE_BUILD_TYPE=Debug -DWNETCONF_SANITIZE=ON -DWNETCONF_WINDOWS_AGENT=OFF
(cd build-asan && ctest --output-on-failure -j"$jobs" -LE wine --output-junit ctest-junit.xml)
