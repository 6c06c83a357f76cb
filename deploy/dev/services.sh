#!/usr/bin/env bash
# Installs (apt, once) and starts the services the tests and the PostgreSQL demo need, on 127.0.0.1 only:
# PostgreSQL (the cluster Debian creates) and a Mosquitto test broker, after the build packages (packages.sh).
# Idempotent; safe to run again.
# Exports SCANPOINT_TEST_POSTGRES and SCANPOINT_TEST_MOSQUITTO when sourced; prints them when run.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
state="${XDG_STATE_HOME:-$HOME/.local/state}/scanpoint"
mkdir -p "$state"

# build and test packages (g++, libzxing-dev, GTK for OpenCV, the decode peers) and the helpers below
source "$here/packages.sh"

start_postgres() {
  local version
  version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
  if ! pg_lsclusters -h 2>/dev/null | awk '{print $2}' | grep -qx main; then
    as_root pg_createcluster "$version" main >/dev/null
  fi
  if ! pg_lsclusters -h | awk '$2=="main"{print $4}' | grep -qx online; then
    as_root pg_ctlcluster "$version" main start
  fi
  local password_file="$state/postgres-test-password"
  [ -s "$password_file" ] || (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$password_file")
  local password; password="$(cat "$password_file")"
  as_root runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 <<SQL >/dev/null
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'scanpoint_test') THEN
    CREATE ROLE scanpoint_test LOGIN CREATEDB;
  END IF;
END \$\$;
ALTER ROLE scanpoint_test PASSWORD '$password';
SQL
  if ! as_root runuser -u postgres -- psql -tAc "SELECT 1 FROM pg_database WHERE datname='scanpoint_test'" | grep -q 1; then
    as_root runuser -u postgres -- createdb -O scanpoint_test scanpoint_test
  fi
  export SCANPOINT_TEST_POSTGRES="Host=127.0.0.1;Port=5432;Username=scanpoint_test;Password=$password;Database=scanpoint_test"
}

start_mosquitto() {
  local port=18830
  if ! (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then
    mosquitto -c "$here/mosquitto-test.conf" -d
    for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
  fi
  (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null || { echo "services: mosquitto did not start on 127.0.0.1:$port" >&2; return 1; }
  export SCANPOINT_TEST_MOSQUITTO="127.0.0.1:$port"
}

ensure_packages postgresql mosquitto mosquitto-clients
start_postgres
start_mosquitto
pg_isready -h 127.0.0.1 -p 5432 -q || { echo "services: PostgreSQL is not accepting connections on 127.0.0.1:5432" >&2; exit 1; }

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  echo "SCANPOINT_TEST_POSTGRES=$SCANPOINT_TEST_POSTGRES"
  echo "SCANPOINT_TEST_MOSQUITTO=$SCANPOINT_TEST_MOSQUITTO"
fi
