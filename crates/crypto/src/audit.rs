//! The audit log's hash chain: each entry's hash covers its own fields and the
//! previous entry's hash, so editing, deleting or reordering any entry breaks every
//! link after it. Entries never hold sensitive content.

pub type Digest = [u8; 32];

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
pub fn entry_hash(prev: &Digest, seq: i64, event: &AuditEvent) -> Digest {
    todo!()
}

/// Links `event` after `previous` (or after `GENESIS` when there is none).
pub fn chain(previous: Option<&ChainedEntry>, event: AuditEvent) -> ChainedEntry {
    todo!()
}

/// Where and how the chain breaks.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChainBreak {
    #[error("audit entry {seq}: its hash does not match its contents (edited)")]
    Altered { seq: i64 },
    #[error("audit entry {seq}: it does not follow the entry before it (an entry was removed or reordered)")]
    Unlinked { seq: i64 },
    #[error("audit entry {seq}: expected entry {expected} here (an entry was removed or renumbered)")]
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
    pub fn check(&mut self, entry: &ChainedEntry) -> Result<(), ChainBreak> {
        todo!()
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
