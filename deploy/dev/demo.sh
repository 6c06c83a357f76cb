#!/usr/bin/env bash
# The main job on embedded defaults: a fleet server (embedded MQTT broker on Kestrel + embedded SQLite database)
# and one kiosk replaying sample codes. Needs the .NET SDK; installs the build packages (packages.sh). Ctrl-C stops both.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
demo="$root/.demo"
http_port="${SCANPOINT_DEMO_HTTP_PORT:-5080}"
mqtt_port="${SCANPOINT_DEMO_MQTT_PORT:-1883}"
https_port="${SCANPOINT_DEMO_HTTPS_PORT:-5443}"
mqtts_port="${SCANPOINT_DEMO_MQTTS_PORT:-8883}"
rm -rf "$demo" && mkdir -p "$demo"
bash "$root/deploy/dev/packages.sh"

echo "demo: building…"
for project in fleet-server kiosk; do
  dotnet build "$project" -c Release -v quiet -nologo >>"$demo/build.log" 2>&1 || { cat "$demo/build.log"; exit 1; }
done
fleet=(dotnet fleet-server/bin/Release/net10.0/ScanPoint.FleetServer.dll --Storage:SqlitePath="$demo/fleet.db" --Enrolment:CaDir="$demo/ca")
kiosk=(dotnet kiosk/bin/Release/net10.0/ScanPoint.Kiosk.dll)

testdata="$root/../shared/testdata"
shc_trust=()
if [ -f "$testdata/shc/issuer/.well-known/jwks.json" ]; then
  # trust the SMART Health Cards spec's example issuer, with its revocation list
  shc_trust=(--shc-issuer https://spec.smarthealth.cards/examples/issuer --shc-jwks "$testdata/shc/issuer/.well-known/jwks.json")
  for crl in "$testdata"/shc/issuer/.well-known/crl/*.json; do shc_trust+=(--shc-crl "$crl"); done
fi
"${fleet[@]}" trust init-demo --out "$demo/trust" "${shc_trust[@]}" >/dev/null
# The first administrator: no default account exists; `users add` without a piped password prints a one-time one.
admin_password="$("${fleet[@]}" users add --name admin --role admin </dev/null | tail -n 1)"
enrolment=(--Enrolment:HttpsPort="$https_port" --Enrolment:HostNames:0=127.0.0.1 --Enrolment:Broker="mqtts://127.0.0.1:$mqtts_port"
           --Enrolment:TrustAnchor="$demo/trust/trust-anchor.pem")
"${fleet[@]}" --Mqtt:Port="$mqtt_port" --Mqtt:TlsPort="$mqtts_port" --Http:Port="$http_port" "${enrolment[@]}" >"$demo/fleet.log" 2>&1 &
fleet_pid=$!
trap 'kill $fleet_pid ${kiosk_pid:-} 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 150); do (exec 3<>/dev/tcp/127.0.0.1/"$https_port") 2>/dev/null && break; sleep 0.2; done

# A technician's enrolment: a one-time ticket (printed as a QR), then the kiosk makes its key and gets a certificate
# from the fleet CA; it reports over MQTT with mutual TLS and has the national trust anchor pinned.
ticket="$("${fleet[@]}" devices enroll --province HN --site hoan-kiem-market "${enrolment[@]}" | tail -n 1)"
"${kiosk[@]}" provision --code "$ticket" --data-dir "$demo/kiosk"

# Sample codes: minted with the demo signers (valid, expired and unknown-signer certificates, a movement pass),
# from ../shared/testdata when present (EU test certificates signed by DSCs the demo bundle does not carry; SMART
# Health Card examples from a trusted issuer, one of them revoked/expired), and a citizen-ID line.
samples="$demo/scans.txt"
cp "$demo/trust/demo-codes.txt" "$samples"
if [ -d "$testdata/dcc" ]; then
  find "$testdata/dcc" -name '*.json' | sort | head -n 20 | xargs grep -ho '"PREFIX": *"HC1:[^"]*"' | sed 's/"PREFIX": *"//; s/"$//' >>"$samples" || true
  for n in 00 01 03; do grep -ho 'shc:/[0-9]*' "$testdata/shc/example-$n-f-qr-code-numeric-value-0.txt" >>"$samples" || true; done
fi
echo '001090012345|Nguyễn Văn A|01011990|Nam|Hà Nội|01012021' >>"$samples"

screen_port="${SCANPOINT_SCREEN_PORT:-8088}"
"${kiosk[@]}" run --data-dir "$demo/kiosk" --scan-source "lines:$samples" --Kiosk:TrustBundle="$demo/trust/trust-bundle.cose" --Screen:Port="$screen_port" >"$demo/kiosk.log" 2>&1 &
kiosk_pid=$!
echo
echo "ScanPoint demo is running: fleet server + one kiosk replaying $(wc -l <"$samples") sample codes."
echo "  Dashboard:  http://127.0.0.1:$http_port/   sign in as admin, password $admin_password"
echo "  API (HTTP Basic, same account):"
echo "    curl -u admin:$admin_password http://127.0.0.1:$http_port/api/stats"
echo "    curl -u admin:$admin_password http://127.0.0.1:$http_port/api/devices"
echo "    curl -u admin:$admin_password http://127.0.0.1:$http_port/api/provinces"
echo "    OpenAPI document: http://127.0.0.1:$http_port/openapi/v1.json"
echo "  More accounts: ${fleet[*]} users add --name NAME --role operator|technician|tracer|auditor [--province HN]"
echo "  Kiosk screen (open in a browser; Chromium in kiosk mode on the device): http://127.0.0.1:$screen_port/"
echo "  Scan more: append lines to $samples"
echo "  Steer it: ${fleet[*]} devices config --id ID --set mode=checkpoint   (ID from /api/devices)"
echo "  Kiosk outbox: dotnet kiosk/bin/Release/net10.0/ScanPoint.Kiosk.dll outbox --data-dir $demo/kiosk"
echo "  Logs: $demo/fleet.log $demo/kiosk.log — Ctrl-C to stop."
wait "$fleet_pid"
