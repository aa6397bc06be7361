//! Torchlight's cryptography: the sealed keyring (passphrase or Shamir shares),
//! organisation key pairs, envelopes for sensitive fields, staff credentials
//! (Argon2id passwords, TOTP, recovery codes, session tokens), the hash chain of
//! the audit log, the deployment's signing key and defenders' codenames. Pure and synchronous: no I/O, no clock (callers pass the time).

pub mod audit;
pub mod codename;
pub mod cost;
pub mod credentials;
pub mod envelope;
pub mod keyring;
pub mod orgkey;
pub mod signer;
pub mod vault;

mod error;
mod random;
mod sealed;

pub use cost::Argon2Cost;
pub use error::CryptoError;
