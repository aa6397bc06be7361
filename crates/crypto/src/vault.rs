//! The keys a running server holds in memory: none while sealed; the root key and
//! the organisation secret keys it has unwrapped while unsealed. Sealing drops them
//! all at once (each zeroizes itself on drop). Shares typed by trustees one at a
//! time wait here until there are enough.

use std::collections::HashMap;
use std::sync::RwLock;

use crate::keyring::{KeyringRecord, RootKey, Share};
use crate::orgkey::OrgSecretKey;
use crate::CryptoError;

/// Whether the vault holds keys, and how far trustees have got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SealStatus {
    Unsealed,
    /// Sealed; `shares_entered` of `threshold` are waiting (0 of 0 in passphrase mode).
    Sealed { shares_entered: u8, threshold: u8 },
}

/// What a submitted share led to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnsealProgress {
    /// More shares are needed.
    Pending { entered: u8, threshold: u8 },
    Unsealed,
}

#[derive(Default)]
struct Keys {
    root: Option<RootKey>,
    root_version: u32,
    organizations: HashMap<(String, u32), OrgSecretKey>,
    pending_shares: Vec<Share>,
}

/// The in-memory keyring of one server process.
#[derive(Default)]
pub struct Vault {
    keys: RwLock<Keys>,
}

impl Vault {
    /// A sealed vault.
    pub fn sealed() -> Vault {
        Vault::default()
    }

    pub fn is_sealed(&self) -> bool {
        todo!()
    }

    pub fn status(&self, record: Option<&KeyringRecord>) -> SealStatus {
        todo!()
    }

    /// Unseals with the passphrase; `Refused` (and still sealed) when it is wrong.
    pub fn unseal_with_passphrase(&self, record: &KeyringRecord, passphrase: &str) -> Result<(), CryptoError> {
        todo!()
    }

    /// Adds one trustee's share. When enough are in, combines them: unsealed, or
    /// `Refused` with every pending share forgotten so the trustees start over.
    /// A share entered twice counts once.
    pub fn submit_share(&self, record: &KeyringRecord, share: Share) -> Result<UnsealProgress, CryptoError> {
        todo!()
    }

    /// Unseals with a key already recovered (by `init`, the demo, or a rotation).
    pub fn unseal_with_root(&self, root: RootKey, version: u32) {
        todo!()
    }

    /// Drops every key and pending share at once.
    pub fn seal(&self) {
        todo!()
    }

    /// Runs `f` with the root key; `Sealed` when there is none.
    pub fn with_root<T>(&self, f: impl FnOnce(&RootKey, u32) -> T) -> Result<T, CryptoError> {
        todo!()
    }

    /// The organisation's secret key of `version`, unwrapped from `wrapped` with the
    /// root key the first time and kept until sealing.
    pub fn organization_secret(
        &self,
        organization: &str,
        version: u32,
        wrapped: &[u8],
    ) -> Result<OrgSecretKey, CryptoError> {
        todo!()
    }

    /// Forgets cached organisation keys (after a rotation re-wrapped them).
    pub fn forget_organization_keys(&self) {
        todo!()
    }
}
