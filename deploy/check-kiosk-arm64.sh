#!/usr/bin/env bash
# Runs the published linux-arm64 kiosk under qemu-user (Debian's qemu-user, arm64 libraries from
# packages.sh --arm64) and checks the Pi path end to end without a Pi: the self-contained .NET app starts, loads the
# cross-compiled libscanpoint_native.so against Debian's arm64 libZXing, reads a DCC test image without OpenCV and
# prints its exact PREFIX. Exit non-zero on any difference.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
kiosk=artifacts/kiosk-linux-arm64
testdata="${SCANPOINT_TESTDATA:-$(cd .. && pwd)/shared/testdata}"
sample="$testdata/dcc/AT/2DCode/raw/1.json"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 - "$sample" "$work" <<'PY'
import base64, json, sys
doc = json.load(open(sys.argv[1]))
open(sys.argv[2] + "/code.png", "wb").write(base64.b64decode(doc["2DCODE"]))
open(sys.argv[2] + "/expected.txt", "w").write(doc["PREFIX"])
PY
qemu-aarch64 -L / "$kiosk/ScanPoint.Kiosk" decode --json "$work/code.png" > "$work/out.json"
python3 - "$work" <<'PY'
import json, sys
out = json.loads(open(sys.argv[1] + "/out.json").read())
expected = open(sys.argv[1] + "/expected.txt").read()
texts = [c["text"] for c in out["codes"]]
if texts != [expected]:
    sys.exit(f"arm64 kiosk decode: expected the AT/1 PREFIX, got {texts!r}")
print(f"arm64 kiosk decode under qemu: ok ({out['codes'][0]['decoder']}, EC {out['codes'][0]['ecLevel']}, {out['ms']} ms emulated)")
PY
