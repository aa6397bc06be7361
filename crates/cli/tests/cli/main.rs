//! Integration tests of the `torchlight` binary: the real executable, run in a
//! temporary working directory, against a fresh SQLite data directory or a fresh
//! PostgreSQL database (`TORCHLIGHT_TEST_PG_URL`). One test binary for all of them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod running;
mod support;

pub(crate) use torchlight_store::both_engines;

mod audit_chain;
mod config;
mod export_flags;
mod hsds_examples;
mod import_cases;
mod log_secrets;
mod malformed;
mod nonsense;
mod round_trip;
mod security;
mod server;
mod taxonomy;
