#!/usr/bin/env bash
# Bursts against the security core, on the demo over loopback (issue 10, items 1
# and 6). Prints:
#   1. 30 wrong passwords for one account sent at once: how many were evaluated
#      (401, a hash computed each) and how many refused untried (429);
#   2. 40 wrong passphrases sent at once to /unseal of the sealed server: their
#      statuses, and the server's resident memory before and at its peak (VmHWM);
#   and first, one at a time, the median time of a wrong password for an account
#   that exists and for a name that does not (item 12: they should be alike).
#
#   bench/security_bursts.sh [BINARY]    # default: a release build of this tree
#
# Give another build's binary (say, of an older commit) to compare in one run.
set -euo pipefail
cd "$(dirname "$0")/.."

binary=${1:-}
if [ -z "$binary" ]; then
  cargo build --release -q -p torchlight
  binary=./target/release/torchlight
fi
work=$(mktemp -d)
server=
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
"$binary" demo --data-dir "$work/data" --listen "127.0.0.1:$port" >"$work/out" 2>"$work/log" &
server=$!
for _ in $(seq 1 600); do
  curl -fsS -o /dev/null "$base/healthz" 2>/dev/null && break
  sleep 0.1
done

# The form's token, with its cookie kept in `jar`.
token() {
  curl -fsS -c "$2" "$base$1" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'
}

csrf=$(token /staff/login "$work/login.jar")
attempt() {
  curl -s -o /dev/null -w '%{time_total}\n' -b "$work/login.jar" \
    --data "csrf=$csrf&username=$1&password=a-wrong-guess" "$base/staff/login"
}
median() { sort -n | awk '{a[NR]=$1} END {printf "%.0f ms", a[int((NR+1)/2)] * 1000}'; }
: >"$work/known"
: >"$work/unknown"
# Five per account, under the per-account limit; demo-caseworker is kept for the burst.
for n in 1 2 3 4 5; do
  for account in demo-admin demo-analyst demo-other; do
    attempt "$account" >>"$work/known"
    attempt "nobody-$account-$n" >>"$work/unknown"
  done
done
echo "a wrong password, one at a time (median of 15): existing account $(median <"$work/known"), unknown name $(median <"$work/unknown")"

echo "30 wrong passwords for demo-caseworker at once (status: count):"
seq 1 30 | xargs -P 30 -I{} curl -s -o /dev/null -w '%{http_code}\n' -b "$work/login.jar" \
  --data "csrf=$csrf&username=demo-caseworker&password=wrong-guess-{}" "$base/staff/login" |
  sort | uniq -c | awk '{print "  " $2 ": " $1}'

"$binary" seal --data-dir "$work/data" >/dev/null
csrf=$(token /unseal "$work/unseal.jar")
before=$(awk '/VmRSS/ {print $2}' "/proc/$server/status")
echo "40 wrong passphrases to /unseal at once (status: count):"
seq 1 40 | xargs -P 40 -I{} curl -s -o /dev/null -w '%{http_code}\n' -b "$work/unseal.jar" \
  --data "csrf=$csrf&secret=a+wrong+passphrase+number+{}" "$base/unseal" |
  sort | uniq -c | awk '{print "  " $2 ": " $1}'
peak=$(awk '/VmHWM/ {print $2}' "/proc/$server/status")
echo "server memory: $((before / 1024)) MiB before the flood, $((peak / 1024)) MiB at its peak"
curl -fsS -o /dev/null -w "  /healthz after the flood: %{http_code}\n" "$base/healthz"
