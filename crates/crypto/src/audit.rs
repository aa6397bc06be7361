//! The audit log's hash chain: each entry's hash covers its own fields and the
//! previous entry's hash, so editing, deleting or reordering any entry breaks every
//! link after it. Entries never hold sensitive content.
//!
//! The chain alone is unkeyed: anyone who can write the database could recompute
//! it. So each entry appended while the server is unsealed is also signed by the
//! deployment's signing key (`crate::signer`), and a signature over an entry's
//! hash vouches for every entry before it. Entries appended while sealed (failed
//! sign-ins, unseal attempts) cannot be signed, because the key exists only while
//! unsealed: they wait, chained but unsigned, until the next signed entry covers
//! them. Signing to a public key instead would not help: whoever writes the
//! database could do the same. The verifier names how many entries no signature
//! covers yet.

use std::collections::BTreeMap;

use data_encoding::{HEXLOWER, HEXLOWER_PERMISSIVE};
use sha2::{Digest as _, Sha256};

use crate::signer::{Signer, SignerPublicKey};

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
    /// Present when the entry was appended while unsealed.
    pub signature: Option<EntrySignature>,
}

/// A signature over an entry, by the signing key of one root version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntrySignature {
    pub root_version: u32,
    pub bytes: Vec<u8>,
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

/// Links `event` after `previous` (or after `GENESIS` when there is none), signed
/// by `signer` when there is one.
pub fn chain(
    previous: Option<&ChainedEntry>,
    event: AuditEvent,
    signer: Option<&Signer>,
) -> ChainedEntry {
    let (seq, prev_hash) = match previous {
        Some(previous) => (previous.seq + 1, previous.hash),
        None => (1, GENESIS),
    };
    let hash = entry_hash(&prev_hash, seq, &event);
    let signature = signer.map(|signer| EntrySignature {
        root_version: signer.root_version(),
        bytes: signer.sign_audit_entry(seq, &hash).to_vec(),
    });
    ChainedEntry {
        seq,
        event,
        prev_hash,
        hash,
        signature,
    }
}

/// An entry's place and hash, exported by `torchlight audit head` to be kept
/// elsewhere: a later `audit verify --expect-head` checks the log still holds it.
/// Written `SEQ:HEX`, e.g. `42:9f86d0…` (64 hex digits).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportedHead {
    pub seq: i64,
    pub hash: Digest,
}

impl ExportedHead {
    /// The hash in lower-case hexadecimal.
    pub fn hash_hex(&self) -> String {
        HEXLOWER.encode(&self.hash)
    }
}

impl std::fmt::Display for ExportedHead {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.seq, self.hash_hex())
    }
}

impl std::str::FromStr for ExportedHead {
    type Err = String;

    fn from_str(text: &str) -> Result<ExportedHead, String> {
        const FORM: &str = "an exported head is written SEQ:HASH, as `torchlight audit head` \
             prints it (an entry number, a colon, 64 hexadecimal digits)";
        let (seq, hex) = text.trim().split_once(':').ok_or(FORM)?;
        let seq: i64 = seq.parse().map_err(|_| FORM)?;
        let hash = HEXLOWER_PERMISSIVE
            .decode(hex.as_bytes())
            .ok()
            .and_then(|bytes| Digest::try_from(bytes.as_slice()).ok())
            .ok_or(FORM)?;
        if seq < 1 {
            return Err(FORM.into());
        }
        Ok(ExportedHead { seq, hash })
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
    #[error("audit entry {seq}: its signature is not the deployment's (forged or re-signed)")]
    Forged { seq: i64 },
    #[error(
        "audit entry {seq}: it is signed by the key of root version {root_version}, of which \
         no public key is recorded"
    )]
    UnknownSigner { seq: i64, root_version: u32 },
}

/// Checks a chain fed in `seq` order, possibly in several batches.
#[derive(Debug, Default)]
pub struct ChainVerifier {
    /// The public signing keys recorded, by root version.
    signers: BTreeMap<u32, SignerPublicKey>,
    last: Option<(i64, Digest)>,
    checked: u64,
    /// Entries after the last signed one: no signature covers them yet.
    unsigned_tail: u64,
}

impl ChainVerifier {
    /// A verifier checking signatures against `signers` (by root version).
    pub fn new(signers: BTreeMap<u32, SignerPublicKey>) -> ChainVerifier {
        ChainVerifier {
            signers,
            ..ChainVerifier::default()
        }
    }

    /// Checks the next entry; the first error names the first bad entry.
    ///
    /// In order: the entry must carry the next number (`Gap`), its hash must match
    /// its own fields and `prev_hash` (`Altered`), `prev_hash` must be the hash
    /// of the entry before it (`Unlinked`), and a signature must be a recorded
    /// key's (`UnknownSigner`, `Forged`). A failed entry leaves the verifier where
    /// it was.
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
        match &entry.signature {
            Some(signature) => {
                let Some(key) = self.signers.get(&signature.root_version) else {
                    return Err(ChainBreak::UnknownSigner {
                        seq: entry.seq,
                        root_version: signature.root_version,
                    });
                };
                if !key.verifies_audit_entry(entry.seq, &entry.hash, &signature.bytes) {
                    return Err(ChainBreak::Forged { seq: entry.seq });
                }
                self.unsigned_tail = 0;
            }
            None => self.unsigned_tail += 1,
        }
        self.last = Some((entry.seq, entry.hash));
        self.checked += 1;
        Ok(())
    }

    /// How many entries at the end no signature covers yet: written while sealed,
    /// and only as trustworthy as the database until the next signed entry.
    pub fn unsigned_tail(&self) -> u64 {
        self.unsigned_tail
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
