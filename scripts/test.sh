#!/usr/bin/env bash
# Runs every check and test of the repository: formatting, lints, the Rust tests
# (every store, HTTP and CLI suite against SQLite and PostgreSQL), the crash test
# and the browser journeys (run beside the Rust tests), then prints how long each
# phase took.
#
# The workspace is built once: `cargo test --no-run` builds every test and the
# `torchlight` binary the browser journeys drive (no second build with other
# features), and clippy lints the workspace's crates during that same build
# (scripts/clippy-build.sh is the compiler cargo uses for them), so dependencies
# compile once instead of once for a check build and once for the tests. The setup
# that waits on the network or the disk (PostgreSQL, Chromium, npm) happens while
# Rust compiles.
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

TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}
# Both the build and the test run need it: a different compiler for the
# workspace's crates would make the test run build them again.
command -v clippy-driver >/dev/null 2>&1 || die "clippy-driver is missing: rustup component add clippy"
export RUSTC_WORKSPACE_WRAPPER=$PWD/scripts/clippy-build.sh

# Phase timings, printed at the end (and on failure, up to the failing phase).
RUN_STARTED=$SECONDS
PHASES=()
phase_started=0
phase_name=""
begin_phase() { phase_name=$1; phase_started=$SECONDS; say "$phase_name"; }
end_phase() { PHASES+=("$(printf '%-44s %4ds' "$phase_name" $((SECONDS - phase_started)))"); phase_name=""; }
print_phases() {
    [[ ${#PHASES[@]} -gt 0 || -n $phase_name ]] || return 0
    printf '\n==> Phase times\n'
    for line in "${PHASES[@]}"; do printf '    %s\n' "$line"; done
    if [[ -n $phase_name ]]; then
        printf '    %-44s %4ds (did not finish)\n' "$phase_name" $((SECONDS - phase_started))
    fi
    printf '    %-44s %4ds\n' "whole run" $((SECONDS - RUN_STARTED))
}

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
SETUP_PID=""
E2E_PID=""
cleanup() {
    local status=$?
    for pid in "$SETUP_PID" "$E2E_PID"; do
        if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
            # Its children first (e2e/run.sh, which stops its server on exit).
            pkill -TERM -P "$pid" 2>/dev/null || true
            kill "$pid" 2>/dev/null || true
            wait "$pid" 2>/dev/null || true
        fi
    done
    print_phases
    if [[ -n "$PG_DIR" ]]; then
        as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
        rm -rf "$PG_DIR"
    fi
    if [[ -n "$TEST_LOG" ]]; then
        rm -f "$TEST_LOG" "$TEST_LOG".*
    fi
    exit "$status"
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

TEST_LOG=$(mktemp)

begin_phase "PostgreSQL"
if [[ -z "${TORCHLIGHT_TEST_PG_URL:-}" ]]; then
    start_postgres
else
    say "Using the PostgreSQL server in TORCHLIGHT_TEST_PG_URL"
fi
end_phase

begin_phase "cargo fmt --check"
cargo fmt --all -- --check
end_phase

# Chromium and the npm packages install while Rust compiles.
( e2e/run.sh --setup-only ) >"$TEST_LOG.setup" 2>&1 &
SETUP_PID=$!

begin_phase "Build and clippy (cargo test --no-run)"
cargo test --workspace --no-run
end_phase

# The browser suite runs beside the Rust tests: it mostly waits on Chromium and on
# the servers it drives, the Rust tests mostly compute, and neither needs the
# other's results, so side by side the run is shorter by nearly the shorter of
# the two. Its output goes to a file and is shown whole when it ends.
setup_status=0
wait "$SETUP_PID" || setup_status=$?
SETUP_PID=""
if [[ $setup_status -ne 0 ]]; then
    cat "$TEST_LOG.setup" >&2
    die "installing what the browser suite needs failed (exit status $setup_status)"
fi
E2E_STARTED=$SECONDS
# The binary `cargo test --no-run` built for the CLI suite, features and all.
(
    TORCHLIGHT_E2E_BINARY="$TARGET_DIR/debug/torchlight" e2e/run.sh >"$TEST_LOG.e2e" 2>&1
    echo $? >"$TEST_LOG.e2e-status"
) &
E2E_PID=$!

begin_phase "Rust tests (browser suite alongside)"
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
    END { printf "\n==> Rust tests: %d passed, %d failed, %d ignored (%d test binaries)\n", passed, failed, ignored, suites }' "$TEST_LOG" \
    | tee "$TEST_LOG.rust"
rust_passed=$(grep -o '[0-9]* passed' "$TEST_LOG.rust" | grep -o '[0-9]*')
[[ $test_status -eq 0 ]] || die "cargo test failed (exit status $test_status)"
end_phase

# An acknowledged request survives kill -9 of the server mid-burst, and the audit
# chain stays intact; on the debug binary `cargo test --no-run` built.
begin_phase "Crash test (kill -9 mid-burst)"
scripts/crash_test.sh "$TARGET_DIR/debug/torchlight" || die "the crash test failed"
end_phase

begin_phase "Browser suite (e2e/run.sh), the rest of it"
wait "$E2E_PID" || true
E2E_PID=""
cat "$TEST_LOG.e2e"
e2e_status=$(cat "$TEST_LOG.e2e-status" 2>/dev/null || echo 1)
PHASES+=("$(printf '%-44s %4ds' "  (browser suite from its start)" $((SECONDS - E2E_STARTED)))")
[[ $e2e_status -eq 0 ]] || die "the browser suite failed (exit status $e2e_status)"
e2e_passed=$(sed -n 's/^e2e: \([0-9]*\) passed, 0 failed$/\1/p' "$TEST_LOG.e2e" | tail -n 1)
[[ -n $e2e_passed ]] || die "the browser suite printed no totals"
end_phase

say "All checks passed"
print_phases
PHASES=()
# The closing line CI reads: every Rust test and browser journey of the run.
printf '\nall suites: %d passed, 0 failed\n' $((rust_passed + e2e_passed))
