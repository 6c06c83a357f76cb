#!/usr/bin/env bash
# Self-contained linux-arm64 build of the kiosk for Raspberry-Pi-class devices (64-bit Raspberry Pi OS / Debian 12).
# Output: artifacts/kiosk-linux-arm64/ (copy the folder to the device; hardware/README.md has the whole Pi path).
# libscanpoint_native.so (zxing-cpp shim + image decoding) is cross-compiled against Debian's arm64 libraries when
# the cross tools are installed (deploy/dev/packages.sh --arm64, as CI does); otherwise the folder carries the
# sources and native/build-native.sh, which compiles it on the device.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=artifacts/kiosk-linux-arm64
rm -rf "$out"
dotnet publish kiosk -c Release -r linux-arm64 --self-contained -nologo -v quiet -o "$out"
rm -f "$out/libscanpoint_native.so" # the build made it for this machine, not the Pi
mkdir -p "$out/native"
cp hardware/Native/zxing_shim.cpp hardware/Native/image_shim.cpp hardware/Native/enhance_shim.cpp hardware/Native/build-native.sh "$out/native/"
if command -v aarch64-linux-gnu-g++ >/dev/null && [ -e /usr/lib/aarch64-linux-gnu/libZXing.so ] \
   && [ -e /usr/lib/aarch64-linux-gnu/libstb.so ] && [ -e /usr/lib/aarch64-linux-gnu/libwebp.so ]; then
  aarch64-linux-gnu-g++ -O2 -std=c++17 -shared -fPIC -Wall -Wextra -Werror \
    hardware/Native/zxing_shim.cpp hardware/Native/image_shim.cpp hardware/Native/enhance_shim.cpp \
    -L/usr/lib/aarch64-linux-gnu -lZXing -lstb -lwebp -o "$out/libscanpoint_native.so"
  file "$out/libscanpoint_native.so" 2>/dev/null || ls -l "$out/libscanpoint_native.so"
else
  echo "publish: no arm64 cross tools; run native/build-native.sh on the device" >&2
fi
file "$out/ScanPoint.Kiosk" 2>/dev/null || ls -l "$out/ScanPoint.Kiosk"
