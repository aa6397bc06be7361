//! The security core's SQL (keyring, organisations' keys, staff, sessions, security
//! keys, cases, audit chain), one module an area, written once for both engines
//! like `sql.rs`. Statements use `$n` placeholders, which PostgreSQL and SQLite both
//! read, and bind every value. Each module implements its area's trait for
//! `SqlStore` and the changes `unit` applies.

mod audit;
mod cases;
mod intake;
mod keys;
mod security_keys;
mod staff;
mod triage;
mod unit;

pub(crate) use intake::NewRequest;
