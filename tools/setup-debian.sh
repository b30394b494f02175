#!/usr/bin/env bash
# Installs what wnetconf needs on Debian (bookworm), only what is missing. Needs root (or sudo).
set -euo pipefail

packages=(
  cmake ninja-build g++ pkgconf
  librapidcheck-dev libgtest-dev libgmock-dev libbenchmark-dev
  libyaml-cpp-dev nlohmann-json3-dev libcli11-dev libssl-dev
  python3 python3-yaml python3-jsonschema dpkg-dev file libxml2-utils
  clang-14 libclang-rt-14-dev
  wine g++-mingw-w64-x86-64
  chromium
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "setup: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
