#!/usr/bin/env bash
# Builds libscanpoint_zxing.so on the device (a Raspberry Pi with 64-bit Raspberry Pi OS / Debian 12) next to the
# kiosk: a cross publish from x86-64 cannot link Debian's arm64 libZXing. Usage: build-zxing-shim.sh [KIOSK_DIR]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$here/..}"
if ! dpkg-query -W -f='${Status}' libzxing-dev 2>/dev/null | grep -q "install ok installed"; then
  echo "build-zxing-shim: installing g++ and libzxing-dev" >&2
  apt-get install -y -qq g++ libzxing-dev >/dev/null
fi
g++ -O2 -std=c++17 -shared -fPIC -Wall -Wextra -Werror "$here/zxing_shim.cpp" -lZXing -o "$out/libscanpoint_zxing.so"
echo "build-zxing-shim: $out/libscanpoint_zxing.so ($(uname -m))"
