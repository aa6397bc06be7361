//! The keys a running server holds in memory: none while sealed; the root key and
//! the organisation secret keys it has unwrapped while unsealed. Sealing drops them
//! all at once (each zeroizes itself on drop). Shares typed by trustees one at a
//! time wait here until there are enough, each with the unsealing it belongs to
//! (one browser's, or the operator's at the command line): a stranger's share
//! starts an unsealing of its own and can never discard, join or see the count
//! of the trustees' one.

use std::collections::HashMap;
use std::sync::{RwLock, RwLockReadGuard, RwLockWriteGuard};

use crate::keyring::{KeyringRecord, RootKey, SealMode, Share};
use crate::orgkey::OrgSecretKey;
use crate::signer::{Signer, SignerPublicKey};
use crate::CryptoError;

/// Whether the vault holds keys, and how far trustees have got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SealStatus {
    Unsealed,
    /// Sealed; `shares_entered` of `threshold` are waiting (0 of 0 in passphrase mode).
    Sealed {
        shares_entered: u8,
        threshold: u8,
    },
}

/// What a submitted share led to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnsealProgress {
    /// More shares are needed.
    Pending {
        entered: u8,
        threshold: u8,
    },
    Unsealed,
}

#[derive(Default)]
struct Keys {
    root: Option<RootKey>,
    root_version: u32,
    /// Derived from `root` when it is installed.
    signer: Option<Signer>,
    organizations: HashMap<(String, u32), OrgSecretKey>,
    /// Shares entered so far, by unsealing.
    unsealings: HashMap<String, Unsealing>,
}

/// The shares one unsealing has entered, and when it began.
struct Unsealing {
    shares: Vec<Share>,
    started_ms: i64,
}

/// An unsealing left unfinished this long is forgotten, shares and all.
pub const UNSEALING_LASTS_MS: i64 = 30 * 60 * 1000;
/// Unsealings in progress at once; a new one past this waits for one to end or
/// lapse (none in progress is ever pushed out).
pub const MOST_UNSEALINGS: usize = 64;

/// The in-memory keyring of one server process.
///
/// If a thread ever panicked while holding the lock for writing (none of the code
/// here can), the keys it left may be half-changed: the vault then seals itself
/// (drops every key) and carries on, rather than panicking in every later caller.
#[derive(Default)]
pub struct Vault {
    keys: RwLock<Keys>,
    /// The public half of the last signer installed, kept through sealing: it is
    /// public, and lets a sealed server check organisation key bindings against a
    /// key it derived itself rather than one read from the database.
    known_signer: RwLock<Option<(u32, SignerPublicKey)>>,
}

impl Vault {
    /// A sealed vault.
    pub fn sealed() -> Vault {
        Vault::default()
    }

    pub fn is_sealed(&self) -> bool {
        self.read().root.is_none()
    }

    /// Where unsealing stands, as `unsealing` may see it: the shares it entered
    /// itself, none of anyone else's.
    pub fn status(&self, record: Option<&KeyringRecord>, unsealing: Option<&str>) -> SealStatus {
        let keys = self.read();
        if keys.root.is_some() {
            return SealStatus::Unsealed;
        }
        let entered = unsealing
            .and_then(|id| keys.unsealings.get(id))
            .map_or(0, |unsealing| unsealing.shares.len());
        SealStatus::Sealed {
            shares_entered: count(entered),
            threshold: threshold_of(record),
        }
    }

    /// Unseals with the passphrase; `Refused` (and still sealed) when it is wrong.
    pub fn unseal_with_passphrase(
        &self,
        record: &KeyringRecord,
        passphrase: &str,
    ) -> Result<(), CryptoError> {
        // Argon2id takes a while: derive without holding the lock.
        let root = crate::keyring::unlock_passphrase(record, passphrase)?;
        self.unseal_with_root(root, record.version);
        Ok(())
    }

    /// Adds one trustee's share. When enough are in, combines them: unsealed, or
    /// `Refused` with every pending share forgotten so the trustees start over.
    /// A share entered twice counts once; a different share with the number of one
    /// already entered is refused like a bad combination. Every failure starts
    /// over the one unsealing `unsealing` only; `now_ms` ages unsealings out.
    /// `TooManyUnsealings` when `unsealing` is new and the most are in progress.
    pub fn submit_share(
        &self,
        record: &KeyringRecord,
        unsealing: &str,
        now_ms: i64,
        share: Share,
    ) -> Result<UnsealProgress, CryptoError> {
        let SealMode::Shamir { threshold, .. } = record.mode else {
            return Err(CryptoError::Invalid(
                "this keyring is unsealed with its passphrase, not with trustees' shares"
                    .to_owned(),
            ));
        };
        let mut keys = self.write();
        if keys.root.is_some() {
            return Ok(UnsealProgress::Unsealed);
        }
        keys.unsealings
            .retain(|_, u| (0..UNSEALING_LASTS_MS).contains(&now_ms.saturating_sub(u.started_ms)));
        let decoded = crate::keyring::decode_share(share.as_str())?;
        if decoded.version != record.version {
            keys.unsealings.remove(unsealing);
            return Err(CryptoError::Refused);
        }
        if !keys.unsealings.contains_key(unsealing) && keys.unsealings.len() >= MOST_UNSEALINGS {
            return Err(CryptoError::TooManyUnsealings);
        }
        let entered = &mut keys
            .unsealings
            .entry(unsealing.to_owned())
            .or_insert_with(|| Unsealing {
                shares: Vec::new(),
                started_ms: now_ms,
            })
            .shares;
        let same_number = entered.iter().find_map(|pending| {
            crate::keyring::decode_share(pending.as_str())
                .ok()
                .filter(|p| p.index == decoded.index)
                .map(|p| p.y == decoded.y)
        });
        match same_number {
            // The same share typed again counts once.
            Some(true) => {}
            // Two different shares claiming one number: one of them is wrong, and
            // which one must not be said. This unsealing starts over.
            Some(false) => {
                keys.unsealings.remove(unsealing);
                return Err(CryptoError::Refused);
            }
            None => entered.push(share),
        }
        if entered.len() < usize::from(threshold) {
            return Ok(UnsealProgress::Pending {
                entered: count(entered.len()),
                threshold,
            });
        }
        let pending = keys
            .unsealings
            .remove(unsealing)
            .map(|u| u.shares)
            .unwrap_or_default();
        let combined = crate::keyring::combine_shares(record, &pending);
        drop(keys);
        match combined {
            Ok(root) => {
                self.install(root, record.version);
                Ok(UnsealProgress::Unsealed)
            }
            Err(_) => Err(CryptoError::Refused),
        }
    }

    /// Unseals with a key already recovered (by `init`, the demo, or a rotation).
    pub fn unseal_with_root(&self, root: RootKey, version: u32) {
        self.install(root, version);
    }

    /// The deployment's signing key; `None` while sealed.
    pub fn signer(&self) -> Option<Signer> {
        self.read().signer.clone()
    }

    /// The public signing key of the last root key this process held, sealed or
    /// not; `None` when it has not been unsealed since it started.
    pub fn known_signer(&self) -> Option<(u32, SignerPublicKey)> {
        match self.known_signer.read() {
            Ok(known) => *known,
            Err(poisoned) => *poisoned.into_inner(),
        }
    }

    fn install(&self, root: RootKey, version: u32) {
        let signer = Signer::derive(&root, version);
        let public = (version, signer.public_key());
        {
            let mut keys = self.write();
            keys.root = Some(root);
            keys.root_version = version;
            keys.signer = Some(signer);
            keys.unsealings.clear();
            keys.organizations.clear();
        }
        match self.known_signer.write() {
            Ok(mut known) => *known = Some(public),
            Err(poisoned) => *poisoned.into_inner() = Some(public),
        }
    }

    /// Drops every key and pending share at once.
    pub fn seal(&self) {
        // The old keys drop here, each wiping itself.
        *self.write() = Keys::default();
    }

    /// Runs `f` with the root key; `Sealed` when there is none.
    ///
    /// `f` gets a copy of the key (wiped when `f` returns), so it runs without the
    /// vault's lock held and may call the vault itself.
    pub fn with_root<T>(&self, f: impl FnOnce(&RootKey, u32) -> T) -> Result<T, CryptoError> {
        let (root, version) = {
            let keys = self.read();
            match &keys.root {
                Some(root) => (root.duplicate(), keys.root_version),
                None => return Err(CryptoError::Sealed),
            }
        };
        Ok(f(&root, version))
    }

    /// The organisation's secret key of `version`, unwrapped from `wrapped` with the
    /// root key the first time and kept until sealing.
    pub fn organization_secret(
        &self,
        organization: &str,
        version: u32,
        wrapped: &[u8],
    ) -> Result<OrgSecretKey, CryptoError> {
        let cache_key = (organization.to_owned(), version);
        {
            let keys = self.read();
            if keys.root.is_none() {
                return Err(CryptoError::Sealed);
            }
            if let Some(secret) = keys.organizations.get(&cache_key) {
                return Ok(secret.clone());
            }
        }
        let mut keys = self.write();
        let secret = {
            let Some(root) = &keys.root else {
                return Err(CryptoError::Sealed);
            };
            OrgSecretKey::unwrap(root, organization, version, wrapped)?
        };
        Ok(keys
            .organizations
            .entry(cache_key)
            .or_insert(secret)
            .clone())
    }

    /// Forgets cached organisation keys (after a rotation re-wrapped them).
    pub fn forget_organization_keys(&self) {
        self.write().organizations.clear();
    }

    fn read(&self) -> RwLockReadGuard<'_, Keys> {
        match self.keys.read() {
            Ok(keys) => keys,
            Err(poisoned) => {
                // Let go of the read lock, seal through the write path, then read
                // what is left.
                drop(poisoned);
                drop(self.write());
                self.keys
                    .read()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
            }
        }
    }

    fn write(&self) -> RwLockWriteGuard<'_, Keys> {
        match self.keys.write() {
            Ok(keys) => keys,
            Err(poisoned) => {
                let mut keys = poisoned.into_inner();
                *keys = Keys::default();
                self.keys.clear_poison();
                keys
            }
        }
    }
}

/// Holds `root` as the current key: pending shares and keys cached under any
/// earlier root are dropped.
fn threshold_of(record: Option<&KeyringRecord>) -> u8 {
    match record.map(|record| &record.mode) {
        Some(SealMode::Shamir { threshold, .. }) => *threshold,
        _ => 0,
    }
}

fn count(len: usize) -> u8 {
    u8::try_from(len).unwrap_or(u8::MAX)
}

#[cfg(test)]
mod tests;
