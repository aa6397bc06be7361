#!/usr/bin/env bash
# Does a flood of sign-in attempts starve the public pages? Argon2id is meant to be
# expensive, so the server runs a bounded number of hashes at once
# (`concurrent_password_hashes`, default 1) and queues the rest. This measures the
# public search alone, then again while bench/login_flood.py hammers /staff/login
# from many loopback addresses with wrong passwords (so throttling does not cut it
# short), and prints the ratio. Target: at least 0.50.
#
#   bench/login_flood.sh              # 10 s per measurement
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-32}
FLOOD_THREADS=${FLOOD_THREADS:-16}
QUERY=${QUERY:-/find?country=KG&support=digital_security}

if ! command -v wrk >/dev/null; then
  echo "installing wrk (Debian package)" >&2
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi

cargo build --release -q -p torchlight
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
./target/release/torchlight demo --data-dir "$work/data" --listen "127.0.0.1:$port" >"$work/out" 2>"$work/log" &
pids+=($!)
for _ in $(seq 1 400); do
  curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null && break
  sleep 0.05
done

measure() {
  local out rps p99
  out=$(wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency "http://127.0.0.1:$port$QUERY")
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  echo "$rps $p99"
}

wrk -t1 -c"$CONNECTIONS" -d3s "http://127.0.0.1:$port$QUERY" >/dev/null # warm-up
read -r calm_rps calm_p99 < <(measure)
python3 bench/login_flood.py 127.0.0.1 "$port" "$((DURATION + 4))" "$FLOOD_THREADS" >"$work/flood" &
flood=$!
sleep 2
read -r flood_rps flood_p99 < <(measure)
wait "$flood"

printf '\n%s cores; wrk -t1 -c%s -d%ss on %s\n' "$(nproc)" "$CONNECTIONS" "$DURATION" "$QUERY"
printf '%-28s %12s %10s\n' "" requests/s p99
printf '%-28s %12s %10s\n' "/find alone" "$calm_rps" "$calm_p99"
printf '%-28s %12s %10s\n' "/find during a login flood" "$flood_rps" "$flood_p99"
cat "$work/flood"
awk -v a="$flood_rps" -v b="$calm_rps" 'BEGIN { printf "ratio during flood / alone: %.2f (target >= 0.50)\n", a / b }'
