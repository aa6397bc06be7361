#!/usr/bin/env bash
# Benchmark of the triage page (GET /staff/triage) of an organisation with
# CASES open cases (100,000 by default), with its baseline measured in the same
# run on the same database file:
#   1. `torchlight demo` on a fresh data directory; bench/triage.py adds the
#      open cases to the demo caseworker's organisation, spread over every
#      urgency, risk level, waiting time and assignment;
#   2. raw SQL: the page's own two statements (the first page of the queue and
#      its counts), run from Python's sqlite3 on that file: p50 and p99;
#   3. the page: wrk GETs /staff/triage as the signed-in demo caseworker at each
#      of CONNECTIONS in turn: requests/s, p50, p99. Every view is recorded in
#      the audit chain (one durable commit each), as in production.
# The target (p99 under 20 ms) is printed beside the figures, never asserted:
# they depend on the machine.
#
#   bench/triage.sh                 # a release build of this tree, 10 s each
#   bench/triage.sh BINARY          # another build
#   CASES=100000 DURATION=10s CONNECTIONS="1 4 16" bench/triage.sh
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-1 4 16}
CASES=${CASES:-100000}
RAW_RUNS=${RAW_RUNS:-500}
[[ ${DURATION%s} =~ ^[0-9]+$ ]] || { echo "DURATION is whole seconds, e.g. 10s" >&2; exit 2; }
[[ $CASES =~ ^[1-9][0-9]*$ ]] || { echo "CASES is a whole number" >&2; exit 2; }

if ! command -v wrk >/dev/null; then
  echo "installing wrk (Debian package)" >&2
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi

binary=${1:-}
if [ -z "$binary" ]; then
  cargo build --release -q -p torchlight
  binary=./target/release/torchlight
fi
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)

work=$(mktemp -d)
server=
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

to_ms() { awk -v v="$1" 'BEGIN { n=v+0; if (v ~ /us$/) n/=1000; else if (v ~ /ms$/) n=n; else if (v ~ /s$/) n*=1000; printf "%.2f", n }'; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
"$binary" demo --data-dir "$work/data" --listen "127.0.0.1:$port" >"$work/out" 2>"$work/log" &
server=$!
for _ in $(seq 1 600); do
  curl -fsS -o /dev/null "$base/healthz" 2>/dev/null && break
  sleep 0.05
done
db="$work/data/torchlight.sqlite3"
# The demo's first organisation, where demo-caseworker works.
org=$(python3 -c '
import json; print(json.load(open("data/demo/directory.json"))["organizations"][0]["id"])')

echo "seeding $CASES open cases..." >&2
python3 bench/triage.py seed "$db" "$org" "$CASES" >&2
echo "signing the demo caseworker in..." >&2
cookie=$(python3 bench/triage.py session 127.0.0.1 "$port")

echo "raw SQL, $RAW_RUNS runs..." >&2
raw=$(python3 bench/triage.py raw "$db" "$org" "$RAW_RUNS")
raw_p50=$(sed 's/.*p50 \([0-9.]*\) ms.*/\1/' <<<"$raw")

rows=()
wrk -t1 -c1 -d3s -H "$cookie" "$base/staff/triage" >/dev/null
for connections in $CONNECTIONS; do
  out=$(wrk -t1 -c"$connections" -d"$DURATION" --timeout 30s --latency -H "$cookie" "$base/staff/triage")
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p50=$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  ratio=$(awk -v p="$p50" -v r="$raw_p50" 'BEGIN { printf "%.1f", p / r }')
  rows+=("$(printf '%-34s %10s %9s %9s %9s  %s' "page, $connections connections" "$rps" "$p50" "$p99" "$ratio" "non-2xx: ${non2xx:-0}")")
done

echo
echo "Triage page of an organisation with $CASES open cases (commit $commit)"
printf '%-34s %10s %9s %9s %9s\n' "" "req/s" "p50 ms" "p99 ms" "p50/raw"
echo "$raw"
for row in "${rows[@]}"; do echo "$row"; done
echo "target: p99 under 20 ms"
