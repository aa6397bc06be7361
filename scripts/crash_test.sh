#!/usr/bin/env bash
# Crash test of durable intake: no request answered 201 may be lost, whatever
# happens to the server after the answer.
#
#   scripts/crash_test.sh BINARY      # e.g. target/debug/torchlight
#
# 1. `BINARY demo` on a fresh data directory and a free port;
# 2. 8 threads POST /api/v1/requests as fast as they can (scripts/crash_test.py),
#    keeping the codename of every request answered 201 (read to the end); once
#    200 are acknowledged (or after 10 s) the server gets kill -9 mid-burst;
# 3. `BINARY demo` again on the same data directory: every acknowledged codename
#    must find its request (GET /api/v1/requests/status: 200, "state": "new");
# 4. the server stopped gracefully (SIGTERM): SQLite's integrity check passes, at
#    least as many requests are stored as were acknowledged (more is fine: a
#    request can commit and the server die before it answers), and
#    `BINARY audit verify` finds the audit chain intact.
#
# Prints one line, e.g.
#   crash test: 203 acknowledged before kill -9, 203 found after restart, 0 lost; audit chain intact
# and exits non-zero, saying why, on any failure. scripts/test.sh runs it.
set -euo pipefail

die() {
    printf 'crash test: FAILED: %s\n' "$*" >&2
    exit 1
}

[[ $# -eq 1 ]] || die "usage: $0 BINARY"
[[ -x $1 ]] || die "$1 is not an executable"
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
helper=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/crash_test.py
command -v python3 >/dev/null 2>&1 || die "python3 is missing"
command -v curl >/dev/null 2>&1 || die "curl is missing"

# Generous: a debug build derives the demo keyring's key (Argon2id) at each start.
READY_DEADLINE_S=40
STOP_DEADLINE_S=20

work=$(mktemp -d "${TMPDIR:-/tmp}/torchlight-crash.XXXXXX")
data="$work/data"
server=""
wrapper=""
cleanup() {
    local status=$?
    if [[ -n $server ]] && kill -0 "$server" 2>/dev/null; then
        kill -9 "$server" 2>/dev/null || true
    fi
    if [[ -n $wrapper ]]; then
        wait "$wrapper" 2>/dev/null || true
    fi
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT
trap 'echo "crash test: interrupted" >&2; exit 130' INT
trap 'echo "crash test: terminated" >&2; exit 143' TERM

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

show_log() {
    printf -- '--- last lines of %s\n' "$1" >&2
    tail -n 20 "$1" >&2 || true
}

# Starts `BINARY demo` on the data directory and a free port, and waits for its
# /healthz with a deadline; sets `server` (its pid), `wrapper` and `port`. Tries
# another port if the one it picked was taken in between (the server then exits
# at once).
#
# The server runs inside a subshell (`wrapper`) that waits for it and exits with
# its status (137 after kill -9): bash prints "Killed" for a background job that
# a signal ends, and here that notice goes to /dev/null with the subshell's errors.
start_server() {
    local log=$1 attempt deadline
    for attempt in 1 2 3; do
        port=$(free_port)
        rm -f "$work/pid"
        (
            "$binary" demo --data-dir "$data" --listen "127.0.0.1:$port" >"$log" 2>&1 &
            echo $! >"$work/pid"
            wait $!
        ) 2>/dev/null &
        wrapper=$!
        for _ in $(seq 1 500); do [[ -s $work/pid ]] && break; sleep 0.01; done
        [[ -s $work/pid ]] || die "could not start $binary"
        read -r server <"$work/pid"
        deadline=$((SECONDS + READY_DEADLINE_S))
        while ((SECONDS < deadline)); do
            if curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$port/healthz" 2>/dev/null; then
                return 0
            fi
            if ! kill -0 "$server" 2>/dev/null; then
                wait "$wrapper" 2>/dev/null || true
                server=""
                wrapper=""
                if grep -qi 'address already in use' "$log" && ((attempt < 3)); then
                    continue 2
                fi
                show_log "$log"
                die "the server exited before it was ready"
            fi
            sleep 0.05
        done
        show_log "$log"
        die "the server was not ready within ${READY_DEADLINE_S} s"
    done
    die "found no free port for the server"
}

# SIGTERM, then waits for the server to exit with a deadline.
stop_server() {
    local deadline=$((SECONDS + STOP_DEADLINE_S)) status=0
    kill -TERM "$server"
    while kill -0 "$server" 2>/dev/null; do
        if ((SECONDS >= deadline)); then
            show_log "$1"
            die "the server did not stop within ${STOP_DEADLINE_S} s of SIGTERM"
        fi
        sleep 0.05
    done
    wait "$wrapper" || status=$?
    server=""
    wrapper=""
    if [[ $status -ne 0 ]]; then
        show_log "$1"
        die "the server exited with status $status after SIGTERM"
    fi
}

# 1-2: a burst, and kill -9 in the middle of it.
start_server "$work/first.log"
burst=$(python3 "$helper" burst "$port" "$server" "$work/acked") || {
    show_log "$work/first.log"
    die "the burst failed"
}
status=0
wait "$wrapper" || status=$?
server=""
wrapper=""
[[ $status -eq 137 ]] || die "the server was to die of kill -9 (status 137), but exited with status $status"
acked=$(wc -l <"$work/acked")

# 3: every acknowledged request is there after a restart.
start_server "$work/second.log"
found=$(python3 "$helper" verify "$port" "$work/acked") || {
    show_log "$work/second.log"
    die "acknowledged requests were lost ($burst)"
}
found=${found#found: }
found=${found%% *}

# 4: stored whole, and the audit chain intact, with the server stopped.
stop_server "$work/second.log"
stored=$(python3 "$helper" count "$data/torchlight.sqlite3") || die "the database is damaged"
((stored >= acked)) || die "$acked requests acknowledged but only $stored stored"
if ! verdict=$("$binary" audit verify --data-dir "$data" 2>"$work/verify.log"); then
    cat "$work/verify.log" >&2
    die "torchlight audit verify failed: $verdict"
fi

printf 'crash test: %d acknowledged before kill -9, %d found after restart, %d lost; %d stored; audit chain intact\n' \
    "$acked" "$found" $((acked - found)) "$stored"
printf '  (%s; %s)\n' "$burst" "$verdict"
