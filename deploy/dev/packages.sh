#!/usr/bin/env bash
# Installs (apt, once) what building and testing need besides the .NET SDK. Idempotent.
# Usage: packages.sh [--arm64]   (--arm64 adds the cross compiler, Debian's arm64 libraries and qemu-user for the Pi publish and its check)
#   g++, libzxing-dev, libstb-dev, libwebp-dev   hardware/Native: the zxing-cpp shim and image-file decoding
#   libgtk-3-0           OpenCvSharp's official linux-x64 runtime links against GTK 3 and friends
#   zxing-cpp-tools, zbar-tools   ZXingReader and zbarimg: the peers the decode benchmark compares against
#   chromium             the kiosk screen's browser tests: Playwright drives Debian's chromium (browser downloads do not work here)
#   faketime             the end-to-end clock test runs the kiosk with its clock moved back (libfaketime)
set -euo pipefail

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

ensure_packages() {
  local missing=()
  for p in "$@"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "packages: installing ${missing[*]}" >&2
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

ensure_packages g++ libzxing-dev libstb-dev libwebp-dev libgtk-3-0 zxing-cpp-tools zbar-tools faketime
ensure_packages chromium

if [ "${1:-}" = "--arm64" ]; then
  if ! dpkg --print-foreign-architectures | grep -qx arm64; then
    as_root dpkg --add-architecture arm64
  fi
  ensure_packages g++-aarch64-linux-gnu qemu-user libzxing-dev:arm64 libstb-dev:arm64 libwebp-dev:arm64
fi
