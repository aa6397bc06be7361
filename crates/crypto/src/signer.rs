//! The deployment's signing key: an Ed25519 key derived from the root key, so it
//! exists only while the server is unsealed and needs no storage of its own. It
//! signs what a database writer must not be able to forge: every audit entry
//! appended while unsealed, and each organisation's public key (its *binding*).
//!
//! Only the public half is stored, per root version. A signature checks with the
//! stored public key offline (`audit verify` needs no passphrase); the unsealed
//! server derives the key again and refuses a stored public key that is not its
//! own, so replacing the stored key to re-sign a forged log is caught at the next
//! unseal, and by a head exported earlier (`audit verify --expect-head`).

use ed25519_dalek::{Signature, Signer as _, SigningKey, VerifyingKey};
use hkdf::Hkdf;
use sha2::Sha256;
use std::sync::Arc;
use zeroize::Zeroizing;

use crate::keyring::RootKey;
use crate::CryptoError;

/// Separates this key from anything else derived from the root key.
const DERIVATION_INFO: &[u8] = b"torchlight deployment signing key v1";
/// Prefixed to a signed audit entry.
const AUDIT_ENTRY_TAG: &[u8] = b"torchlight-audit-entry-signature-v1\0";
/// Prefixed to a signed organisation key.
const ORGANIZATION_KEY_TAG: &[u8] = b"torchlight-organization-key-binding-v1\0";
/// Prefixed to a signed case.
const CASE_TAG: &[u8] = b"torchlight-case-binding-v1\0";

/// What a case's binding vouches for: the fields kept in clear, and the content.
#[derive(Debug, Clone, Copy)]
pub struct CaseFacts<'a> {
    pub id: &'a str,
    pub owner: &'a str,
    pub country: &'a str,
    pub urgency: &'a str,
    pub status: &'a str,
    pub created_at_ms: i64,
    pub content: &'a [u8],
}

impl CaseFacts<'_> {
    /// Length-prefixed fields and a digest of the content: no two different
    /// cases sign the same bytes.
    fn message(&self) -> Vec<u8> {
        use sha2::Digest as _;
        let mut message = CASE_TAG.to_vec();
        for field in [self.id, self.owner, self.country, self.urgency, self.status] {
            let len = u32::try_from(field.len()).unwrap_or(u32::MAX);
            message.extend_from_slice(&len.to_be_bytes());
            message.extend_from_slice(field.as_bytes());
        }
        message.extend_from_slice(&self.created_at_ms.to_be_bytes());
        message.extend_from_slice(&Sha256::digest(self.content));
        message
    }
}

pub const SIGNATURE_LEN: usize = 64;

/// The signing key of one root version. Cheap to clone; the key wipes itself when
/// the last clone drops.
#[derive(Clone)]
pub struct Signer {
    root_version: u32,
    key: Arc<SigningKey>,
}

impl std::fmt::Debug for Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Signer(root v{}, ..)", self.root_version)
    }
}

/// Two signers are the same key when their public halves are.
impl PartialEq for Signer {
    fn eq(&self, other: &Signer) -> bool {
        self.root_version == other.root_version && self.public_key() == other.public_key()
    }
}

impl Eq for Signer {}

impl Signer {
    /// The signing key of `root` (root version `root_version`): always the same
    /// for the same root key.
    pub fn derive(root: &RootKey, root_version: u32) -> Signer {
        let mut seed = Zeroizing::new([0u8; 32]);
        // HKDF-SHA256 with no salt: the root key is uniformly random already.
        // Expanding 32 bytes cannot fail (the limit is 255 × 32).
        let expanded = Hkdf::<Sha256>::new(None, root.0.as_slice())
            .expand(DERIVATION_INFO, seed.as_mut_slice());
        debug_assert!(expanded.is_ok());
        Signer {
            root_version,
            key: Arc::new(SigningKey::from_bytes(&seed)),
        }
    }

    pub fn root_version(&self) -> u32 {
        self.root_version
    }

    pub fn public_key(&self) -> SignerPublicKey {
        SignerPublicKey(self.key.verifying_key())
    }

    /// Signs audit entry `seq` whose chain hash is `hash` (which covers the entry
    /// and, through `prev_hash`, every entry before it).
    pub fn sign_audit_entry(&self, seq: i64, hash: &[u8; 32]) -> [u8; SIGNATURE_LEN] {
        self.key.sign(&audit_entry_message(seq, hash)).to_bytes()
    }

    /// Binds a case's facts (see `CaseFacts`).
    pub fn bind_case(&self, facts: &CaseFacts<'_>) -> [u8; SIGNATURE_LEN] {
        self.key.sign(&facts.message()).to_bytes()
    }

    /// Binds `public_key` (its text form) to version `version` of `organization`.
    pub fn bind_organization_key(
        &self,
        organization: &str,
        version: i64,
        public_key: &str,
    ) -> [u8; SIGNATURE_LEN] {
        self.key
            .sign(&organization_key_message(organization, version, public_key))
            .to_bytes()
    }
}

/// The public half of a [`Signer`], as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignerPublicKey(VerifyingKey);

impl SignerPublicKey {
    pub fn from_bytes(bytes: &[u8]) -> Result<SignerPublicKey, CryptoError> {
        let bytes: [u8; 32] = bytes
            .try_into()
            .map_err(|_| CryptoError::Malformed("a signing public key is not 32 bytes long"))?;
        VerifyingKey::from_bytes(&bytes)
            .map(SignerPublicKey)
            .map_err(|_| CryptoError::Malformed("not an Ed25519 public key"))
    }

    pub fn to_bytes(&self) -> [u8; 32] {
        self.0.to_bytes()
    }

    /// Whether `signature` is this key's over audit entry `seq` with `hash`.
    pub fn verifies_audit_entry(&self, seq: i64, hash: &[u8; 32], signature: &[u8]) -> bool {
        self.verifies(&audit_entry_message(seq, hash), signature)
    }

    /// Whether `binding` is this key's over `public_key` as version `version` of
    /// `organization`.
    pub fn verifies_organization_key(
        &self,
        organization: &str,
        version: i64,
        public_key: &str,
        binding: &[u8],
    ) -> bool {
        self.verifies(
            &organization_key_message(organization, version, public_key),
            binding,
        )
    }

    /// Whether `binding` is this key's over exactly `facts`.
    pub fn verifies_case(&self, facts: &CaseFacts<'_>, binding: &[u8]) -> bool {
        self.verifies(&facts.message(), binding)
    }

    fn verifies(&self, message: &[u8], signature: &[u8]) -> bool {
        let Ok(bytes) = <[u8; SIGNATURE_LEN]>::try_from(signature) else {
            return false;
        };
        // Strict: no malleable or small-order forms.
        self.0
            .verify_strict(message, &Signature::from_bytes(&bytes))
            .is_ok()
    }
}

fn audit_entry_message(seq: i64, hash: &[u8; 32]) -> Vec<u8> {
    let mut message = Vec::with_capacity(AUDIT_ENTRY_TAG.len() + 8 + 32);
    message.extend_from_slice(AUDIT_ENTRY_TAG);
    message.extend_from_slice(&seq.to_be_bytes());
    message.extend_from_slice(hash);
    message
}

/// Length-prefixed fields, so no two different bindings sign the same bytes.
fn organization_key_message(organization: &str, version: i64, public_key: &str) -> Vec<u8> {
    let mut message = Vec::with_capacity(ORGANIZATION_KEY_TAG.len() + 64 + public_key.len());
    message.extend_from_slice(ORGANIZATION_KEY_TAG);
    for field in [organization.as_bytes(), public_key.as_bytes()] {
        let len = u32::try_from(field.len()).unwrap_or(u32::MAX);
        message.extend_from_slice(&len.to_be_bytes());
        message.extend_from_slice(field);
    }
    message.extend_from_slice(&version.to_be_bytes());
    message
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn root(byte: u8) -> RootKey {
        RootKey::from_bytes([byte; 32])
    }

    #[test]
    fn the_same_root_key_derives_the_same_signer_and_another_does_not() {
        assert_eq!(Signer::derive(&root(1), 1), Signer::derive(&root(1), 1));
        assert_ne!(
            Signer::derive(&root(1), 1).public_key(),
            Signer::derive(&root(2), 1).public_key()
        );
    }

    #[test]
    fn an_audit_signature_checks_only_for_its_entry_and_key() {
        let signer = Signer::derive(&root(1), 1);
        let public = signer.public_key();
        let hash = [7u8; 32];
        let signature = signer.sign_audit_entry(5, &hash);
        assert!(public.verifies_audit_entry(5, &hash, &signature));
        assert!(!public.verifies_audit_entry(6, &hash, &signature));
        assert!(!public.verifies_audit_entry(5, &[8u8; 32], &signature));
        assert!(!public.verifies_audit_entry(5, &hash, &signature[..63]));
        let stranger = Signer::derive(&root(2), 1).public_key();
        assert!(!stranger.verifies_audit_entry(5, &hash, &signature));
    }

    #[test]
    fn a_binding_names_its_organisation_version_and_key() {
        let signer = Signer::derive(&root(1), 1);
        let public = signer.public_key();
        let binding = signer.bind_organization_key("org-a", 2, "age1key");
        assert!(public.verifies_organization_key("org-a", 2, "age1key", &binding));
        assert!(!public.verifies_organization_key("org-b", 2, "age1key", &binding));
        assert!(!public.verifies_organization_key("org-a", 3, "age1key", &binding));
        assert!(!public.verifies_organization_key("org-a", 2, "age1other", &binding));
        // An audit signature is no binding, whatever its bytes.
        let entry = signer.sign_audit_entry(2, &[0u8; 32]);
        assert!(!public.verifies_organization_key("org-a", 2, "age1key", &entry));
    }

    #[test]
    fn a_case_binding_covers_every_fact() {
        let signer = Signer::derive(&root(1), 1);
        let public = signer.public_key();
        let facts = CaseFacts {
            id: "case-1",
            owner: "org-a",
            country: "KG",
            urgency: "within_days",
            status: "open",
            created_at_ms: 5,
            content: b"sealed bytes",
        };
        let binding = signer.bind_case(&facts);
        assert!(public.verifies_case(&facts, &binding));
        for changed in [
            CaseFacts {
                urgency: "not_urgent",
                ..facts
            },
            CaseFacts {
                owner: "org-b",
                ..facts
            },
            CaseFacts {
                country: "GE",
                ..facts
            },
            CaseFacts {
                status: "closed",
                ..facts
            },
            CaseFacts {
                created_at_ms: 6,
                ..facts
            },
            CaseFacts {
                content: b"other bytes",
                ..facts
            },
            CaseFacts {
                id: "case-2",
                ..facts
            },
        ] {
            assert!(!public.verifies_case(&changed, &binding), "{changed:?}");
        }
    }

    #[test]
    fn a_stored_public_key_reads_back() {
        let public = Signer::derive(&root(3), 1).public_key();
        assert_eq!(
            SignerPublicKey::from_bytes(&public.to_bytes()).unwrap(),
            public
        );
        assert!(SignerPublicKey::from_bytes(&[1u8; 31]).is_err());
    }
}
