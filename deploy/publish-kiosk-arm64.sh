#!/usr/bin/env bash
# Self-contained linux-arm64 build of the kiosk for Raspberry-Pi-class devices (64-bit Raspberry Pi OS / Debian).
# Output: artifacts/kiosk-linux-arm64/ScanPoint.Kiosk (copy the folder to the device). The zxing-cpp shim is native
# code for the device's own libZXing: the folder carries its source, and on the device
#   sudo artifacts/kiosk-linux-arm64/native/build-zxing-shim.sh
# compiles libscanpoint_zxing.so next to the kiosk (see hardware/README.md).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=artifacts/kiosk-linux-arm64
rm -rf "$out"
dotnet publish kiosk -c Release -r linux-arm64 --self-contained -nologo -v quiet -o "$out"
rm -f "$out/libscanpoint_zxing.so" # built for this machine, not the Pi
mkdir -p "$out/native"
cp hardware/Native/zxing_shim.cpp hardware/Native/build-zxing-shim.sh "$out/native/"
file "$out/ScanPoint.Kiosk" 2>/dev/null || ls -l "$out/ScanPoint.Kiosk"
