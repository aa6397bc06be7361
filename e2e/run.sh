#!/usr/bin/env bash
# Runs the browser journeys (e2e/tests) in headless Chromium against a freshly
# started `torchlight demo` with a throwaway data directory.
#
# Installs what is missing: Debian's Chromium (apt-get, as root) and the npm
# packages (npm ci). Never skips: a missing piece is an error.
#
# TORCHLIGHT_E2E_BINARY: the torchlight binary to test, already built (as
# scripts/test.sh does); when set, nothing is built. Unset: `cargo build -p
# torchlight`, then target/debug/torchlight.
# TORCHLIGHT_E2E_ARTEFACTS: where screenshots, the transfer table and the server log
# go (default: e2e/artefacts). Extra arguments are passed to `node --test`.
# `e2e/run.sh --setup-only` installs what is missing and stops (scripts/test.sh runs
# it while Rust compiles).
set -euo pipefail

SETUP_ONLY=""
if [[ ${1:-} == --setup-only ]]; then
    SETUP_ONLY=yes
    shift
fi

E2E_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$E2E_DIR")
CHROMIUM=/usr/bin/chromium
ARTEFACTS=${TORCHLIGHT_E2E_ARTEFACTS:-$E2E_DIR/artefacts}
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}

say() { printf '\n==> %s\n' "$*"; }
die() { printf 'e2e/run.sh: %s\n' "$*" >&2; exit 1; }

SERVER_PID=""
DATA_DIR=""
ARTEFACTS_SHOWN=""
cleanup() {
    local status=$?
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    if [[ -n "$DATA_DIR" ]]; then
        rm -rf "$DATA_DIR"
    fi
    [[ -n $ARTEFACTS_SHOWN ]] || show_artefacts
    exit "$status"
}
show_artefacts() {
    printf '\n==> Browser suite artefacts (screenshots, transfer table, server log): %s\n' "$ARTEFACTS"
    ARTEFACTS_SHOWN=yes
}
trap cleanup EXIT

command -v node >/dev/null 2>&1 || die "node is missing (Node 20 or later is needed)"
command -v npm >/dev/null 2>&1 || die "npm is missing"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[[ $node_major -ge 20 ]] || die "Node $node_major is too old; the suite needs Node 20 or later"

if [[ ! -x $CHROMIUM ]]; then
    say "Chromium is missing; installing Debian's chromium with apt-get"
    [[ $EUID -eq 0 ]] || die "$CHROMIUM is missing and installing it needs root: apt-get install chromium"
    apt-get update || die "apt-get update failed; install chromium by hand"
    DEBIAN_FRONTEND=noninteractive apt-get install -y chromium || die "apt-get install chromium failed"
    [[ -x $CHROMIUM ]] || die "chromium is installed but $CHROMIUM is missing"
fi

# node_modules is stale when it was installed from another package-lock.json.
lock_hash=$(sha256sum "$E2E_DIR/package-lock.json" | cut -d' ' -f1)
stamp="$E2E_DIR/node_modules/.installed-lock-sha256"
if [[ ! -f $stamp || $(cat "$stamp") != "$lock_hash" ]]; then
    say "npm ci (e2e/)"
    (cd "$E2E_DIR" && npm ci --no-audit --no-fund) || die "npm ci failed"
    echo "$lock_hash" >"$stamp"
fi

if [[ -n $SETUP_ONLY ]]; then
    ARTEFACTS_SHOWN=yes
    say "Chromium and the npm packages are in place"
    exit 0
fi

if [[ -n ${TORCHLIGHT_E2E_BINARY:-} ]]; then
    # Built by the caller (scripts/test.sh builds once for every phase): no second build.
    BINARY=$TORCHLIGHT_E2E_BINARY
    # The servers run in their own directories: a relative path would not find it there.
    [[ $BINARY == /* ]] || BINARY="$PWD/$BINARY"
    [[ -f $BINARY && -x $BINARY ]] || die "TORCHLIGHT_E2E_BINARY=$BINARY is not an executable file"
    say "Using the binary $BINARY (TORCHLIGHT_E2E_BINARY; no cargo build)"
else
    say "cargo build -p torchlight"
    (cd "$ROOT" && cargo build -p torchlight) || die "cargo build failed"
    BINARY="$TARGET_DIR/debug/torchlight"
    [[ -x $BINARY ]] || die "no binary at $BINARY after the build"
fi

mkdir -p "$ARTEFACTS"
# Nothing from an earlier run may pass for this one's.
rm -rf "$ARTEFACTS/screenshots" "$ARTEFACTS/failures" "$ARTEFACTS/transfer.md"
DATA_DIR=$(mktemp -d)
SERVER_LOG="$ARTEFACTS/server.log"
# Only the flags configure this server: it runs in the empty data directory (no
# torchlight.toml there) without the caller's TORCHLIGHT_* settings. The one
# setting it gets, TORCHLIGHT_INSECURE_TEST_HASHING, lowers the Argon2id cost of
# the demo keyring and passwords (honoured by debug builds only).
(
    cd "$DATA_DIR"
    exec env -u TORCHLIGHT_LISTEN -u TORCHLIGHT_DATA_DIR -u TORCHLIGHT_DATABASE_URL \
        -u TORCHLIGHT_MAX_BODY_BYTES -u TORCHLIGHT_PAGE_SIZE -u TORCHLIGHT_LOG \
        TORCHLIGHT_INSECURE_TEST_HASHING=true \
        "$BINARY" demo --data-dir "$DATA_DIR/data" --listen 127.0.0.1:0
) >"$DATA_DIR/stdout" 2>"$SERVER_LOG" &
SERVER_PID=$!

# The first line of stdout says where the server listens.
BASE_URL=""
for _ in $(seq 1 300); do
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$SERVER_LOG" >&2; die "torchlight demo exited before it was ready"; }
    BASE_URL=$(head -n 1 "$DATA_DIR/stdout" | grep -o 'http://[0-9.:]*' | head -n 1 || true)
    [[ -n $BASE_URL ]] && break
    sleep 0.1
done
[[ -n $BASE_URL ]] || die "torchlight demo printed no URL within 30 s"

healthy=""
for _ in $(seq 1 300); do
    if node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$BASE_URL/healthz"; then
        healthy=yes
        break
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$SERVER_LOG" >&2; die "torchlight demo exited before it was ready"; }
    sleep 0.1
done
[[ -n $healthy ]] || die "$BASE_URL/healthz did not answer 200 within 30 s"

say "Browser journeys against $BASE_URL (Chromium $("$CHROMIUM" --version 2>/dev/null | grep -o '[0-9][0-9.]*' | head -n 1))"
shopt -s nullglob
tests=("$E2E_DIR"/tests/*.test.mjs)
[[ ${#tests[@]} -gt 0 ]] || die "no test files in $E2E_DIR/tests"
tap="$DATA_DIR/results.tap"
set +e
(
    cd "$E2E_DIR"
    TORCHLIGHT_E2E_URL="$BASE_URL" TORCHLIGHT_E2E_ARTEFACTS="$ARTEFACTS" TORCHLIGHT_E2E_CHROMIUM="$CHROMIUM" \
        TORCHLIGHT_E2E_BINARY="$BINARY" \
        node --test --test-concurrency=1 \
        --test-reporter=spec --test-reporter-destination=stdout \
        --test-reporter=tap --test-reporter-destination="$tap" \
        "$@" "${tests[@]}"
)
node_status=$?
set -e

passed=$(awk '/^# pass / { print $3 }' "$tap")
failed=$(awk '/^# fail / { print $3 }' "$tap")
[[ -n $passed && -n $failed ]] || die "the test runner reported no totals (exit status $node_status)"
show_artefacts
[[ $node_status -eq 0 ]] || die "browser journeys failed (exit status $node_status; $failed failed)"
[[ $passed -gt 0 ]] || die "no browser test ran"
printf '\ne2e: %s passed, %s failed\n' "$passed" "$failed"
