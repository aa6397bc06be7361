//! Integration tests of torchlight-exchange, compiled into one binary.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod examples;
mod malformed;
mod round_trip;
mod schema;
mod tabular;
