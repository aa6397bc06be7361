#!/bin/sh
# Cargo calls this for the workspace's own crates when scripts/test.sh sets it as
# RUSTC_WORKSPACE_WRAPPER: clippy-driver compiles the crate as rustc would (the
# same artefacts, so the tests run what it built) and lints it on the way, with
# every warning an error. One build then does what `cargo clippy` and `cargo test
# --no-run` did in two target directories, and dependencies compile once.
exec clippy-driver "$@" -D warnings
