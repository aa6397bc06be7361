#!/usr/bin/env bash
# Runs every check and test of the repository: formatting, lints, the Rust tests
# (the store suite against SQLite and PostgreSQL) and, later, the browser suite.
#
# PostgreSQL: set TORCHLIGHT_TEST_PG_URL to a server where the user may create
# databases (each test creates and drops its own), or leave it unset and this
# script starts a throwaway PostgreSQL 15 cluster for the run and removes it after.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

PG_BIN=/usr/lib/postgresql/15/bin
# Tests run in parallel, each with its own database and connection pool.
PG_MAX_CONNECTIONS=300

say() { printf '\n==> %s\n' "$*"; }
die() { printf 'test.sh: %s\n' "$*" >&2; exit 1; }

free_port() {
    if command -v python3 >/dev/null 2>&1; then
        python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
        return
    fi
    local port
    for _ in $(seq 1 100); do
        port=$((20000 + RANDOM % 20000))
        # Nothing answers on a free port, so the connection attempt fails.
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    die "found no free TCP port"
}

ensure_postgres_binaries() {
    [[ -x "$PG_BIN/initdb" && -x "$PG_BIN/pg_ctl" ]] && return
    say "PostgreSQL 15 is not installed; installing it with apt-get"
    [[ $EUID -eq 0 ]] || die "PostgreSQL 15 binaries are missing ($PG_BIN) and installing them needs root; install postgresql-15 or set TORCHLIGHT_TEST_PG_URL"
    apt-get update || die "apt-get update failed; install postgresql-15 by hand or set TORCHLIGHT_TEST_PG_URL"
    DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql-15 \
        || die "apt-get install postgresql-15 failed; install it by hand or set TORCHLIGHT_TEST_PG_URL"
    [[ -x "$PG_BIN/initdb" && -x "$PG_BIN/pg_ctl" ]] || die "postgresql-15 is installed but $PG_BIN/initdb or pg_ctl is missing"
}

# PostgreSQL refuses to run as root; as root its binaries run as the postgres user
# (from /, since it may not be allowed into the repository's directory).
as_postgres() {
    if [[ $EUID -eq 0 ]]; then
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

PG_DIR=""
TEST_LOG=""
cleanup() {
    if [[ -n "$PG_DIR" ]]; then
        as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
        rm -rf "$PG_DIR"
    fi
    if [[ -n "$TEST_LOG" ]]; then
        rm -f "$TEST_LOG"
    fi
}
trap cleanup EXIT

start_postgres() {
    ensure_postgres_binaries
    local port
    port=$(free_port)
    PG_DIR=$(mktemp -d)
    if [[ $EUID -eq 0 ]]; then
        chown postgres:postgres "$PG_DIR"
    fi
    say "Starting a throwaway PostgreSQL 15 on 127.0.0.1:$port"
    as_postgres "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U postgres >"$PG_DIR/initdb.log" 2>&1 \
        || { cat "$PG_DIR/initdb.log" >&2; die "initdb failed"; }
    # fsync off: the cluster is thrown away after the run, so durability buys nothing.
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" \
        -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=$PG_MAX_CONNECTIONS" \
        -l "$PG_DIR/log" -w start >/dev/null \
        || { cat "$PG_DIR/log" >&2; die "PostgreSQL did not start"; }
    export TORCHLIGHT_TEST_PG_URL="postgres://postgres@127.0.0.1:$port/postgres"
}

if [[ -z "${TORCHLIGHT_TEST_PG_URL:-}" ]]; then
    start_postgres
else
    say "Using the PostgreSQL server in TORCHLIGHT_TEST_PG_URL"
fi

say "cargo fmt --check"
cargo fmt --all -- --check

say "cargo clippy"
cargo clippy --workspace --all-targets -- -D warnings

say "cargo test"
TEST_LOG=$(mktemp)
set +e
cargo test --workspace 2>&1 | tee "$TEST_LOG"
test_status=${PIPESTATUS[0]}
set -e
awk '/^test result:/ {
        for (i = 1; i <= NF; i++) {
            if ($(i + 1) ~ /^passed/) passed += $i
            if ($(i + 1) ~ /^failed/) failed += $i
            if ($(i + 1) ~ /^ignored/) ignored += $i
        }
        suites++
    }
    END { printf "\n==> Rust tests: %d passed, %d failed, %d ignored (%d test binaries)\n", passed, failed, ignored, suites }' "$TEST_LOG"
[[ $test_status -eq 0 ]] || die "cargo test failed (exit status $test_status)"

say "Browser suite (e2e/run.sh)"
e2e/run.sh

say "All checks passed"
