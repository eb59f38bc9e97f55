#!/usr/bin/env bash
# Builds the Debian package: a Release build in build-package laid out as Debian's
# (cmake/packaging.cmake), then cpack. Prints the path of the .deb.
#
#   scripts/package.sh            then: sudo apt install ./build-package/policyc_*.deb
set -euo pipefail
cd "$(dirname "$0")/.."
build=${POLICYC_PACKAGE_BUILD:-build-package}
# Debian's hardening flags (fortified functions, stack protector, full RELRO, bind now),
# as dpkg-buildflags gives them to every package; no -g: the package ships no debug info.
export DEB_BUILD_MAINT_OPTIONS=hardening=+all
cxxflags="$(dpkg-buildflags --get CPPFLAGS) $(dpkg-buildflags --get CXXFLAGS | sed 's/-g //')"
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
  -DCMAKE_CXX_FLAGS="$cxxflags" -DCMAKE_EXE_LINKER_FLAGS="$(dpkg-buildflags --get LDFLAGS)" \
  -DPOLICYC_DEBIAN_PACKAGE=ON -DPOLICYC_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" --target policyc policyc_package_files >&2
(cd "$build" && cpack -G DEB >&2)
ls "$(cd "$build" && pwd)"/policyc_*.deb
