//! Torchlight's cryptography: the sealed keyring (passphrase or Shamir shares),
//! organisation key pairs, envelopes for sensitive fields, staff credentials
//! (Argon2id passwords, TOTP, recovery codes, session tokens) and the hash chain of
//! the audit log. Pure and synchronous: no I/O, no clock (callers pass the time).

pub mod audit;
pub mod cost;
pub mod credentials;
pub mod envelope;
pub mod keyring;
pub mod orgkey;
pub mod vault;

mod error;
mod random;
mod sealed;

pub use cost::Argon2Cost;
pub use error::CryptoError;
