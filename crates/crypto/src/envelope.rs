//! Envelope encryption of a record's sensitive fields: a random data key per record
//! encrypts the content (XChaCha20-Poly1305), and the data key is wrapped to each
//! recipient organisation's public key (the age format). Deleting every wrapped key
//! of a record destroys it for good (crypto-shredding).

use std::io::{Read, Write};

use zeroize::Zeroizing;

use crate::orgkey::{OrgPublicKey, OrgSecretKey};
use crate::CryptoError;

/// A record's data key. Zeroized when dropped; never printed.
pub struct DataKey(pub(crate) Zeroizing<[u8; 32]>);

impl DataKey {
    pub fn generate() -> DataKey {
        DataKey(crate::random::secret_bytes::<32>())
    }

    /// Encrypts `plaintext` bound to `context` (the record's id and the field's
    /// name), so a ciphertext moved to another record or field fails to open.
    pub fn seal(&self, context: &str, plaintext: &[u8]) -> Vec<u8> {
        crate::sealed::seal(&self.0, context, plaintext)
    }

    pub fn open(&self, context: &str, sealed: &[u8]) -> Result<Zeroizing<Vec<u8>>, CryptoError> {
        crate::sealed::open(&self.0, context, sealed)
    }

    /// The data key wrapped to one organisation (an age file with one X25519 recipient).
    pub fn wrap(&self, recipient: &OrgPublicKey) -> Vec<u8> {
        let recipients = [&recipient.0 as &dyn age::Recipient];
        let Ok(encryptor) = age::Encryptor::with_recipients(recipients.into_iter()) else {
            unreachable!("an age encryptor with one X25519 recipient")
        };
        let mut wrapped = Vec::with_capacity(256);
        let written = encryptor.wrap_output(&mut wrapped).and_then(|mut writer| {
            writer.write_all(self.0.as_slice())?;
            writer.finish()
        });
        // Writing into a Vec cannot fail, and X25519 wrapping has no failure mode.
        if written.is_err() {
            unreachable!("age encryption into memory failed");
        }
        wrapped
    }

    pub fn unwrap(wrapped: &[u8], secret: &OrgSecretKey) -> Result<DataKey, CryptoError> {
        let decryptor = age::Decryptor::new_buffered(wrapped).map_err(map_age_error)?;
        let identities = [&secret.0 as &dyn age::Identity];
        let mut reader = decryptor
            .decrypt(identities.into_iter())
            .map_err(map_age_error)?;
        // A valid data key is 32 bytes; read one more to see a longer payload.
        let mut plaintext = Zeroizing::new(Vec::with_capacity(33));
        reader
            .by_ref()
            .take(33)
            .read_to_end(&mut plaintext)
            .map_err(|error| match error.kind() {
                std::io::ErrorKind::InvalidData => CryptoError::Decrypt,
                _ => CryptoError::Malformed("wrapped key"),
            })?;
        let key: [u8; 32] = plaintext
            .as_slice()
            .try_into()
            .map_err(|_| CryptoError::Malformed("wrapped key"))?;
        Ok(DataKey(Zeroizing::new(key)))
    }
}

impl std::fmt::Debug for DataKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DataKey(..)")
    }
}

/// Failures to unwrap: a wrong key or tampered bytes are `Decrypt`; bytes that are
/// not an age file at all are `Malformed`.
fn map_age_error(error: age::DecryptError) -> CryptoError {
    match error {
        age::DecryptError::InvalidHeader
        | age::DecryptError::UnknownFormat
        | age::DecryptError::Io(_) => CryptoError::Malformed("wrapped key"),
        _ => CryptoError::Decrypt,
    }
}

#[cfg(test)]
mod tests;
