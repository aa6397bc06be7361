//! The audit log's hash chain: each entry's hash covers its own fields and the
//! previous entry's hash, so editing, deleting or reordering any entry breaks every
//! link after it. Entries never hold sensitive content.

use sha2::{Digest as _, Sha256};

pub type Digest = [u8; 32];

/// Prefixed to every hashed entry, so these hashes cannot be confused with any
/// other SHA-256 in the system, and a future layout can change the tag.
const DOMAIN_TAG: &[u8] = b"torchlight-audit-v1\0";

/// The `prev_hash` of the first entry.
pub const GENESIS: Digest = [0; 32];

/// What happened, who did it and to what. Identifiers and codes only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEvent {
    /// Milliseconds since the Unix epoch.
    pub at_ms: i64,
    /// The staff user's id, or a name such as "cli" or "public" for the rest.
    pub actor: String,
    pub organization: Option<String>,
    /// A dotted code such as "case.view" or "keyring.unseal".
    pub action: String,
    pub object: Option<String>,
}

/// One entry as stored, with its place in the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainedEntry {
    /// 1 for the first entry, one more for each after it.
    pub seq: i64,
    pub event: AuditEvent,
    pub prev_hash: Digest,
    pub hash: Digest,
}

/// The hash of entry `seq` holding `event` after an entry whose hash is `prev`.
///
/// Layout: the domain tag, `prev`, `seq` and `at_ms` (big-endian i64), then each
/// text field as a big-endian u32 length and its bytes, an optional field preceded
/// by 0 (absent) or 1 (present). Lengths make the encoding unambiguous: no two
/// different events hash the same bytes.
pub fn entry_hash(prev: &Digest, seq: i64, event: &AuditEvent) -> Digest {
    let mut hasher = Sha256::new();
    hasher.update(DOMAIN_TAG);
    hasher.update(prev);
    hasher.update(seq.to_be_bytes());
    hasher.update(event.at_ms.to_be_bytes());
    hash_text(&mut hasher, &event.actor);
    hash_optional(&mut hasher, event.organization.as_deref());
    hash_text(&mut hasher, &event.action);
    hash_optional(&mut hasher, event.object.as_deref());
    hasher.finalize().into()
}

fn hash_text(hasher: &mut Sha256, text: &str) {
    // Longer than 4 GiB cannot happen for identifiers; saturate rather than wrap.
    let len = u32::try_from(text.len()).unwrap_or(u32::MAX);
    hasher.update(len.to_be_bytes());
    hasher.update(text.as_bytes());
}

fn hash_optional(hasher: &mut Sha256, text: Option<&str>) {
    match text {
        None => hasher.update([0u8]),
        Some(text) => {
            hasher.update([1u8]);
            hash_text(hasher, text);
        }
    }
}

/// Links `event` after `previous` (or after `GENESIS` when there is none).
pub fn chain(previous: Option<&ChainedEntry>, event: AuditEvent) -> ChainedEntry {
    let (seq, prev_hash) = match previous {
        Some(previous) => (previous.seq + 1, previous.hash),
        None => (1, GENESIS),
    };
    let hash = entry_hash(&prev_hash, seq, &event);
    ChainedEntry {
        seq,
        event,
        prev_hash,
        hash,
    }
}

/// Where and how the chain breaks.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChainBreak {
    #[error("audit entry {seq}: its hash does not match its contents (edited)")]
    Altered { seq: i64 },
    #[error("audit entry {seq}: it does not follow the entry before it (an entry was removed or reordered)")]
    Unlinked { seq: i64 },
    #[error(
        "audit entry {seq}: expected entry {expected} here (an entry was removed or renumbered)"
    )]
    Gap { seq: i64, expected: i64 },
}

/// Checks a chain fed in `seq` order, possibly in several batches.
#[derive(Debug, Default)]
pub struct ChainVerifier {
    last: Option<(i64, Digest)>,
    checked: u64,
}

impl ChainVerifier {
    pub fn new() -> ChainVerifier {
        ChainVerifier::default()
    }

    /// Checks the next entry; the first error names the first bad entry.
    ///
    /// In order: the entry must carry the next number (`Gap`), its hash must match
    /// its own fields and `prev_hash` (`Altered`), and `prev_hash` must be the hash
    /// of the entry before it (`Unlinked`). A failed entry leaves the verifier
    /// where it was.
    pub fn check(&mut self, entry: &ChainedEntry) -> Result<(), ChainBreak> {
        let (expected_seq, expected_prev) = match self.last {
            Some((seq, hash)) => (seq.saturating_add(1), hash),
            None => (1, GENESIS),
        };
        if entry.seq != expected_seq {
            return Err(ChainBreak::Gap {
                seq: entry.seq,
                expected: expected_seq,
            });
        }
        if entry_hash(&entry.prev_hash, entry.seq, &entry.event) != entry.hash {
            return Err(ChainBreak::Altered { seq: entry.seq });
        }
        if entry.prev_hash != expected_prev {
            return Err(ChainBreak::Unlinked { seq: entry.seq });
        }
        self.last = Some((entry.seq, entry.hash));
        self.checked += 1;
        Ok(())
    }

    /// How many entries passed.
    pub fn checked(&self) -> u64 {
        self.checked
    }

    /// The hash of the last entry that passed: the chain's head.
    pub fn head(&self) -> Option<Digest> {
        self.last.map(|(_, hash)| hash)
    }
}

#[cfg(test)]
mod tests;
