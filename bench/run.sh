#!/usr/bin/env bash
# Benchmark of the public search, measured against two baselines in the same run:
# a bare axum "hello" (what the machine can serve) and Torchlight's own /healthz
# (what the server costs before any search work). Prints requests/s, p99 and ratios.
#
#   bench/run.sh            # 10 s per target
#   DURATION=30s bench/run.sh
#
# Not part of the test suite: figures depend on the machine, so they are reported,
# never asserted.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-1}
QUERY=${QUERY:-/find?country=KG&support=digital_security}

if ! command -v wrk >/dev/null; then
  echo "installing wrk (Debian package)" >&2
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi

cargo build --release -q -p torchlight -p torchlight-bench-hello
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_ready() {
  for _ in $(seq 1 200); do
    if curl -fsS -o /dev/null "$1" 2>/dev/null; then return 0; fi
    sleep 0.05
  done
  echo "server at $1 did not become ready" >&2
  exit 1
}

hello_port=$(free_port)
./target/release/torchlight-bench-hello "127.0.0.1:$hello_port" &
pids+=($!)
tl_port=$(free_port)
./target/release/torchlight demo --data-dir "$work/data" --listen "127.0.0.1:$tl_port" >"$work/torchlight.out" 2>"$work/torchlight.log" &
pids+=($!)
wait_ready "http://127.0.0.1:$hello_port/"
wait_ready "http://127.0.0.1:$tl_port/healthz"

# Confirm the search page really lists results before timing it.
results=$(curl -fsS "http://127.0.0.1:$tl_port$QUERY" | grep -c 'class="result' || true)
bytes=$(curl -fsS "http://127.0.0.1:$tl_port$QUERY" | wc -c)
echo "search page: $results results, $bytes bytes"

# wrk prints "Requests/sec: N" and, with --latency, "99% X(us|ms|s)".
measure() {
  local url=$1 out
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "$url" >/dev/null 2>&1 # warm-up
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$url")
  local rps p99
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  local errors
  errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out")
  if [ -n "$errors" ]; then echo "errors while measuring $url: $errors" >&2; exit 1; fi
  echo "$rps $p99"
}
to_ms() { awk -v v="$1" 'BEGIN { n=v+0; if (v ~ /us$/) n/=1000; else if (v ~ /ms$/) n=n; else if (v ~ /s$/) n*=1000; printf "%.3f", n }'; }

read -r hello_rps hello_p99 < <(measure "http://127.0.0.1:$hello_port/")
read -r health_rps health_p99 < <(measure "http://127.0.0.1:$tl_port/healthz")
read -r find_rps find_p99 < <(measure "http://127.0.0.1:$tl_port$QUERY")

printf '\nwrk -t%s -c%s -d%s on loopback, %s cores\n' "$THREADS" "$CONNECTIONS" "$DURATION" "$(nproc)"
printf '%-34s %12s %10s\n' target requests/s "p99 (ms)"
printf '%-34s %12s %10s\n' "bare axum hello" "$hello_rps" "$(to_ms "$hello_p99")"
printf '%-34s %12s %10s\n' "torchlight /healthz" "$health_rps" "$(to_ms "$health_p99")"
printf '%-34s %12s %10s\n' "torchlight $QUERY" "$find_rps" "$(to_ms "$find_p99")"
awk -v f="$find_rps" -v h="$health_rps" -v b="$hello_rps" -v p="$(to_ms "$find_p99")" 'BEGIN {
  printf "\n/find / healthz = %.2f (target >= 0.50)\n", f / h
  printf "/find / bare axum = %.2f\n", f / b
  printf "healthz / bare axum = %.2f\n", h / b
  printf "/find p99 = %.3f ms (target < 10 ms)\n", p
}'
