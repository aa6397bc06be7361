//! Integration tests: the real server on a free port, over HTTP, against a fresh
//! SQLite file and a fresh PostgreSQL database. One binary for all of them.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod staff_support;
mod support;

pub(crate) use torchlight_store::both_engines;

mod api;
mod casework;
mod i18n;
mod intake;
mod limits;
mod long_texts;
mod pages;
mod staff_auth;
mod staff_canary;
mod staff_clients;
mod staff_matrix;
mod staff_overview;
mod staff_pages;
mod staff_step_up;
