//! Checking the audit chain end to end: every entry's hash, their order, the
//! signatures, the recorded head, and optionally a head exported earlier, so an
//! entry edited, removed, reordered, re-signed or cut from the end is found and
//! named, and so is a log emptied while a keyring exists.

use std::collections::BTreeMap;

use torchlight_crypto::audit::{ChainVerifier, ChainedEntry, ExportedHead};
use torchlight_crypto::signer::SignerPublicKey;

use crate::{App, AppError};

/// The audit service of an [`App`].
pub struct Audit<'a> {
    pub(crate) app: &'a App,
}

/// Entries read from the store at once while verifying.
const BATCH: i64 = 1000;

/// An intact chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Intact {
    pub entries: u64,
    /// The last entry; `None` for an empty log (only before `init`).
    pub head: Option<ExportedHead>,
    /// Entries at the end no signature covers yet (written while sealed).
    pub unsigned_tail: u64,
}

/// What verifying found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Intact(Intact),
    /// The chain has been tampered with; the text names where.
    Tampered(String),
}

/// Actions only a server holding the root key performs, so their entries are
/// signed: once the log has a signed entry, an unsigned one of these means the
/// signatures were stripped to hide a rewrite. (Entries of other actions may be
/// written while sealed: sign-in failures, unseal attempts, offline commands.)
fn written_only_unsealed(action: &str) -> bool {
    action.starts_with("case.")
        || matches!(
            action,
            "keyring.init"
                | "keyring.seal"
                | "keyring.unseal"
                | "keyring.rotate_root"
                | "keyring.rotate_organization_key"
                | "keyring.organization_keys_added"
                | "staff.totp_enrolled"
                | "aggregates.view"
        )
}

/// Follows the chain and the rules about signatures across batches.
struct Walk {
    verifier: ChainVerifier,
    expected: Option<ExportedHead>,
    expected_seen: bool,
    signed_seen: bool,
}

impl Walk {
    fn check(&mut self, entry: &ChainedEntry) -> Result<(), String> {
        self.verifier.check(entry).map_err(|e| e.to_string())?;
        match &entry.signature {
            Some(_) => self.signed_seen = true,
            None if self.signed_seen && written_only_unsealed(&entry.event.action) => {
                return Err(format!(
                    "audit entry {}: it records {}, which only an unsealed server writes, \
                     yet it is unsigned (signatures were removed)",
                    entry.seq, entry.event.action
                ));
            }
            None => {}
        }
        if let Some(expected) = &self.expected {
            if expected.seq == entry.seq {
                self.expected_seen = true;
                if expected.hash != entry.hash {
                    return Err(format!(
                        "audit entry {}: it is not the entry of the exported head (the log \
                         was rewritten up to it)",
                        entry.seq
                    ));
                }
            }
        }
        Ok(())
    }
}

impl Audit<'_> {
    /// Verifies the whole log; with `expected`, also that it still holds that head
    /// (exported earlier by `head`), so a log rebuilt from scratch is caught.
    pub async fn verify(&self, expected: Option<ExportedHead>) -> Result<Verdict, AppError> {
        let store = self.app.store();
        let mut signers = BTreeMap::new();
        for (version, bytes) in store.audit_signers().await? {
            let key = SignerPublicKey::from_bytes(&bytes).map_err(|_| {
                AppError::Tampered(format!(
                    "the signing key recorded for root version {version} is not a public key"
                ))
            });
            match key {
                Ok(key) => signers.insert(version, key),
                Err(AppError::Tampered(what)) => return Ok(Verdict::Tampered(what)),
                Err(other) => return Err(other),
            };
        }
        let keyring_exists = store.keyring().await?.is_some();
        if keyring_exists && signers.is_empty() {
            return Ok(Verdict::Tampered(
                "a keyring exists but no signing key is recorded (removed; or, for a database \
                 from before signed audit entries, unseal once to record it)"
                    .into(),
            ));
        }
        let mut walk = Walk {
            verifier: ChainVerifier::new(signers),
            expected,
            expected_seen: false,
            signed_seen: false,
        };
        let mut after = 0;
        loop {
            let batch = store.audit_entries(after, BATCH).await?;
            let Some(last) = batch.last() else { break };
            after = last.seq;
            for entry in &batch {
                if let Err(what) = walk.check(entry) {
                    return Ok(Verdict::Tampered(what));
                }
            }
        }
        let last = walk.verifier.head();
        match (store.audit_head().await?, last) {
            (None, None) => {}
            (Some((seq, hash)), Some(found)) if seq == after && hash == found => {}
            (Some((seq, _)), _) => {
                return Ok(Verdict::Tampered(format!(
                    "the log ends at entry {after} but entry {seq} was written (entries were \
                     cut from the end or the last one was changed)"
                )))
            }
            (None, Some(_)) => {
                return Ok(Verdict::Tampered("its head record is missing".into()));
            }
        }
        if keyring_exists && last.is_none() {
            return Ok(Verdict::Tampered(
                "the log is empty, yet a keyring exists: `init` records itself, so every \
                 entry was deleted"
                    .into(),
            ));
        }
        if let Some(expected) = &walk.expected {
            if !walk.expected_seen {
                return Ok(Verdict::Tampered(format!(
                    "the exported head is entry {}, but the log ends at entry {after} \
                     (entries were cut)",
                    expected.seq
                )));
            }
        }
        Ok(Verdict::Intact(Intact {
            entries: walk.verifier.checked(),
            head: last.map(|hash| ExportedHead { seq: after, hash }),
            unsigned_tail: walk.verifier.unsigned_tail(),
        }))
    }
}
