#!/usr/bin/env bash
# Self-contained linux-arm64 build of the kiosk for Raspberry-Pi-class devices (64-bit Raspberry Pi OS / Debian).
# Output: artifacts/kiosk-linux-arm64/ScanPoint.Kiosk (copy the folder to the device).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dotnet publish kiosk -c Release -r linux-arm64 --self-contained -nologo -v quiet -o artifacts/kiosk-linux-arm64
file artifacts/kiosk-linux-arm64/ScanPoint.Kiosk 2>/dev/null || ls -l artifacts/kiosk-linux-arm64/ScanPoint.Kiosk
