//! Envelope encryption of a record's sensitive fields: a random data key per record
//! encrypts the content (XChaCha20-Poly1305), and the data key is wrapped to each
//! recipient organisation's public key (the age format). Deleting every wrapped key
//! of a record destroys it for good (crypto-shredding).

use zeroize::Zeroizing;

use crate::orgkey::{OrgPublicKey, OrgSecretKey};
use crate::CryptoError;

/// A record's data key. Zeroized when dropped; never printed.
pub struct DataKey(pub(crate) Zeroizing<[u8; 32]>);

impl DataKey {
    pub fn generate() -> DataKey {
        todo!()
    }

    /// Encrypts `plaintext` bound to `context` (the record's id and the field's
    /// name), so a ciphertext moved to another record or field fails to open.
    pub fn seal(&self, context: &str, plaintext: &[u8]) -> Vec<u8> {
        todo!()
    }

    pub fn open(&self, context: &str, sealed: &[u8]) -> Result<Zeroizing<Vec<u8>>, CryptoError> {
        todo!()
    }

    /// The data key wrapped to one organisation (an age file with one X25519 recipient).
    pub fn wrap(&self, recipient: &OrgPublicKey) -> Vec<u8> {
        todo!()
    }

    pub fn unwrap(wrapped: &[u8], secret: &OrgSecretKey) -> Result<DataKey, CryptoError> {
        todo!()
    }
}

impl std::fmt::Debug for DataKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DataKey(..)")
    }
}
