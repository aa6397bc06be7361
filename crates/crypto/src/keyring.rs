//! The deployment's root key and how it is recovered: from a passphrase through
//! Argon2id, or from k-of-n Shamir shares held by trustees. Only a `KeyringRecord`
//! (salt, parameters, a check value) is ever stored; the root key never is.

use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::CryptoError;

/// The 32-byte root key. Zeroized when dropped; never printed.
pub struct RootKey(pub(crate) Zeroizing<[u8; 32]>);

impl std::fmt::Debug for RootKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RootKey(..)")
    }
}

/// What is stored about the root key: how to recover it and how to recognise it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyringRecord {
    /// Starts at 1; each root rotation adds one.
    pub version: u32,
    pub mode: SealMode,
    /// A known label sealed under the root key (base64): a recovered key that opens
    /// it is the right one.
    pub check: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SealMode {
    Passphrase { salt: String, memory_kib: u32, iterations: u32, parallelism: u32 },
    Shamir { threshold: u8, shares: u8 },
}

/// One trustee's share in its printable form. Zeroized when dropped; never printed
/// by `Debug`.
pub struct Share(pub(crate) Zeroizing<String>);

impl Share {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Share {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Share(..)")
    }
}

pub const MIN_PASSPHRASE_CHARS: usize = 12;

/// A new root key recoverable from `passphrase`; `version` is 1 at `init` and one
/// more at each rotation.
pub fn init_passphrase(passphrase: &str, version: u32) -> Result<(KeyringRecord, RootKey), CryptoError> {
    todo!()
}

/// A new root key split into `shares` shares of which any `threshold` recover it.
pub fn init_shamir(
    threshold: u8,
    shares: u8,
    version: u32,
) -> Result<(KeyringRecord, RootKey, Vec<Share>), CryptoError> {
    todo!()
}

/// Recovers the root key from the passphrase; `Refused` when it is not the one.
pub fn unlock_passphrase(record: &KeyringRecord, passphrase: &str) -> Result<RootKey, CryptoError> {
    todo!()
}

/// Reads a share as a trustee typed it (spaces, dashes and case forgiven);
/// `Malformed("share")` for a typo the share's checksum catches.
pub fn parse_share(text: &str) -> Result<Share, CryptoError> {
    todo!()
}

/// Combines at least `threshold` shares; `Refused` when they do not give the root
/// key, without saying which share is wrong.
pub fn combine_shares(record: &KeyringRecord, shares: &[Share]) -> Result<RootKey, CryptoError> {
    todo!()
}

impl RootKey {
    /// Seals `plaintext` under the root key, bound to `context` (e.g.
    /// "org-key/ORG/3"): XChaCha20-Poly1305 with a random nonce.
    pub fn seal(&self, context: &str, plaintext: &[u8]) -> Vec<u8> {
        todo!()
    }

    /// Opens what `seal` produced with the same `context`.
    pub fn open(&self, context: &str, sealed: &[u8]) -> Result<Zeroizing<Vec<u8>>, CryptoError> {
        todo!()
    }

    /// A root key from raw bytes: the demo's fixed key and tests.
    pub fn from_bytes(bytes: [u8; 32]) -> RootKey {
        RootKey(Zeroizing::new(bytes))
    }
}
