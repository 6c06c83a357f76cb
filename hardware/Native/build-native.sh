#!/usr/bin/env bash
# Builds libscanpoint_native.so (zxing-cpp shim + image decoding) on the device, for a kiosk folder that was
# published without it. Usage: sudo build-native.sh [KIOSK_DIR]   (default: the folder above this script)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$here/..}"
missing=()
for p in g++ libzxing-dev libstb-dev libwebp-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "build-native: installing ${missing[*]}" >&2
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi
g++ -O2 -std=c++17 -shared -fPIC -Wall -Wextra -Werror "$here/zxing_shim.cpp" "$here/image_shim.cpp" "$here/enhance_shim.cpp" -lZXing -lstb -lwebp -o "$out/libscanpoint_native.so"
echo "build-native: $out/libscanpoint_native.so ($(uname -m))"
