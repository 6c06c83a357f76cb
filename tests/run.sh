#!/usr/bin/env bash
# The test command (README, .ci/run): installs and starts PostgreSQL and Mosquitto on 127.0.0.1 if needed,
# then runs every test project. SCANPOINT_LONG_TESTS=1 runs the long fault runs (200 power-cut points, ...).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
source deploy/dev/services.sh
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
dotnet test ScanPoint.slnx --logger "console;verbosity=minimal" 2>&1 | tee "$log" || status=$?
# One closing line for the whole run, summed over the test projects.
awk '/(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { gsub(",", "", p); printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
