#!/usr/bin/env bash
# CPack's Debian package: it builds, is named for the version, holds the binary, corpus, man
# page and agent where the install layout puts them, and depends on the libraries it links.
#   debian_package_test.sh BUILD_DIR WORK_DIR VERSION
set -euo pipefail
build=$1 work=$2 version=$3
rm -rf "$work"
mkdir -p "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }

cpack --config "$build/CPackConfig.cmake" -B "$work" > "$work/cpack.out" || { cat "$work/cpack.out"; fail "cpack exited $?"; }
deb=$(ls "$work"/wnetconf_"$version"_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "no wnetconf_${version}_*.deb in $work: $(ls "$work")"
contents=$(dpkg-deb -c "$deb")
for path in ./usr/bin/wnetconf ./usr/share/man/man1/wnetconf.1 ./usr/share/wnetconf/schemas/results-v1.schema.json \
            ./usr/share/wnetconf/expectations/wine-8.0.yaml ./usr/share/doc/wnetconf/README.md; do
  grep -q " $path\$" <<<"$contents" || fail "$path is not in the package"
done
grep -q ' ./usr/share/wnetconf/scenarios/cancel/' <<<"$contents" || fail "the corpus is not in the package"
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libyaml-cpp libssl; do
  grep -q "$lib" <<<"$depends" || fail "Depends ($depends) does not name $lib"
done
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "the package's version is $(dpkg-deb -f "$deb" Version)"

# The packaged binary runs from where the package puts it.
mkdir -p "$work/root"
dpkg-deb -x "$deb" "$work/root"
[ "$("$work/root/usr/bin/wnetconf" --version)" = "wnetconf $version" ] || fail "the packaged binary's --version"
"$work/root/usr/bin/wnetconf" run "$work/root/usr/share/wnetconf/scenarios/cancel/no-error" --sut model >/dev/null ||
  fail "the packaged binary cannot run its corpus"
echo "$(basename "$deb"): $(wc -l <<<"$contents") entries; Depends: $depends"
