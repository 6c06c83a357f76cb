#!/usr/bin/env bash
# Start-up to READY=1 without a camera: runs the kiosk N times (default 5) the way systemd does for Type=notify —
# NOTIFY_SOCKET pointing at a unix datagram socket this script binds, WATCHDOG_USEC set — and reports the time from
# spawning the process to the READY=1 datagram (target <= 5 s), then stops it with SIGTERM and waits for STOPPING=1.
# The kiosk is provisioned with a local kiosk.json (no fleet needed: its broker is unreachable on purpose) and reads
# an empty lines: scan source. Usage: deploy/measure-startup.sh [RUNS]; KIOSK=/path/to/ScanPoint.Kiosk skips the build.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
if [[ -z "${KIOSK:-}" ]]; then
  dotnet build -c Release kiosk/ScanPoint.Kiosk.csproj -o artifacts/kiosk-startup -v quiet -nologo >/dev/null
  KIOSK="$PWD/artifacts/kiosk-startup/ScanPoint.Kiosk"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 - "$KIOSK" "$work" "$runs" <<'PY'
import json, os, signal, socket, statistics, subprocess, sys, time
kiosk, work, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
figures = []
for run in range(runs):
    data = os.path.join(work, f"data{run}")
    os.makedirs(data)
    with open(os.path.join(data, "kiosk.json"), "w") as f:
        json.dump({"DeviceId": "startup-1", "Province": "HN", "SiteId": "site-1", "Fleet": "mqtt://127.0.0.1:9", "Secret": "s"}, f)
    os.chmod(os.path.join(data, "kiosk.json"), 0o600)
    scans = os.path.join(work, f"scans{run}.txt")
    open(scans, "w").close()
    path = os.path.join(work, f"notify{run}")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(path)
    sock.settimeout(30)
    env = dict(os.environ, NOTIFY_SOCKET=path, WATCHDOG_USEC="30000000")
    env.pop("WATCHDOG_PID", None)
    start = time.monotonic()
    proc = subprocess.Popen([kiosk, "run", "--data-dir", data, "--scan-source", "lines:" + scans], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ready = None
    messages = []
    while ready is None:
        msg = sock.recv(4096).decode()
        messages.append(msg)
        if "READY=1" in msg.split("\n"):
            ready = time.monotonic() - start
    proc.send_signal(signal.SIGTERM)
    while not any("STOPPING=1" in m.split("\n") for m in messages):
        messages.append(sock.recv(4096).decode())
    code = proc.wait(timeout=30)
    sock.close()
    figures.append(ready)
    print(f"run {run + 1}: READY=1 after {ready * 1000:.0f} ms; exit {code}; first status: {messages[0].splitlines()[-1]}")
print(f"start-up to READY=1 over {runs} runs: median {statistics.median(figures) * 1000:.0f} ms, "
      f"min {min(figures) * 1000:.0f} ms, max {max(figures) * 1000:.0f} ms (target <= 5000 ms)")
PY
