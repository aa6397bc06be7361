//! Checking the audit chain end to end: every entry's hash, their order, and the
//! recorded head, so an entry edited, removed, reordered or cut from the end is
//! found and named.

use torchlight_crypto::audit::ChainVerifier;

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
    /// The hash of the last entry; `None` for an empty log.
    pub head: Option<[u8; 32]>,
}

/// What verifying found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Intact(Intact),
    /// The chain has been tampered with; the text names where.
    Tampered(String),
}

impl Audit<'_> {
    pub async fn verify(&self) -> Result<Verdict, AppError> {
        let store = self.app.store();
        let mut verifier = ChainVerifier::new();
        let mut after = 0;
        loop {
            let batch = store.audit_entries(after, BATCH).await?;
            let Some(last) = batch.last() else { break };
            after = last.seq;
            for entry in &batch {
                if let Err(e) = verifier.check(entry) {
                    return Ok(Verdict::Tampered(e.to_string()));
                }
            }
        }
        let last = verifier.head();
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
        Ok(Verdict::Intact(Intact {
            entries: verifier.checked(),
            head: last,
        }))
    }
}
