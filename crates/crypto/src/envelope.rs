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

    /// Unwraps a data key wrapped to one organisation, alone (`wrap`) or under an
    /// epoch's shared key (`EpochKey::wrap`).
    pub fn unwrap(wrapped: &[u8], secret: &OrgSecretKey) -> Result<DataKey, CryptoError> {
        match wrapped.strip_prefix(EPOCH_MAGIC) {
            Some(rest) => EpochKey::unwrap(rest, secret),
            None => DataKey::unwrap_age(wrapped, secret),
        }
    }

    fn unwrap_age(wrapped: &[u8], secret: &OrgSecretKey) -> Result<DataKey, CryptoError> {
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

/// Starts a data key wrapped under an epoch's key (an age file starts otherwise).
const EPOCH_MAGIC: &[u8] = b"torchlight-epoch-wrapped-v1\n";
/// What a data key is sealed with under an epoch's key.
const EPOCH_CONTEXT: &str = "torchlight/epoch-wrapped-data-key";

/// A key shared by the data keys wrapped to one organisation within a short
/// epoch: wrapped once to the organisation (an age file, one X25519 agreement),
/// it seals each data key of the epoch (XChaCha20-Poly1305, a fresh nonce each).
///
/// Why: wrapping each request's data key to the organisation costs two X25519
/// scalar multiplications, a third of intake's CPU; an epoch shares them among
/// the requests of a fraction of a second. Each wrapped data key carries the
/// epoch key's age file, so it unwraps alone, with the organisation's secret
/// only, and deleting it destroys that data key as before (the epoch key opens
/// nothing else of it). What an epoch gives up: a copy of the process's memory
/// taken during the epoch opens the data keys wrapped in it, as the one-time
/// X25519 secret of `wrap` would have opened one; those requests' text passes
/// through that memory in the same moment. The caller ends epochs early
/// (`app::keyring`: a tenth of a second, 256 keys).
pub struct EpochKey {
    key: Zeroizing<[u8; 32]>,
    wrapped: Vec<u8>,
}

impl EpochKey {
    /// A new epoch key, wrapped to `recipient`.
    pub fn new(recipient: &OrgPublicKey) -> EpochKey {
        let key = DataKey::generate();
        let wrapped = key.wrap(recipient);
        EpochKey {
            key: key.0,
            wrapped,
        }
    }

    /// `data_key` wrapped under this epoch's key: the magic, the epoch key's
    /// age file (its length first, two bytes big-endian), the sealed data key.
    pub fn wrap(&self, data_key: &DataKey) -> Vec<u8> {
        let sealed = crate::sealed::seal(&self.key, EPOCH_CONTEXT, data_key.0.as_slice());
        // An age file of one X25519 recipient and a 32-byte payload is about 200
        // bytes: far under the two bytes' limit.
        let Ok(length) = u16::try_from(self.wrapped.len()) else {
            unreachable!("an age file of one recipient over 64 KiB")
        };
        let mut out = Vec::with_capacity(EPOCH_MAGIC.len() + 2 + self.wrapped.len() + sealed.len());
        out.extend_from_slice(EPOCH_MAGIC);
        out.extend_from_slice(&length.to_be_bytes());
        out.extend_from_slice(&self.wrapped);
        out.extend_from_slice(&sealed);
        out
    }

    fn unwrap(rest: &[u8], secret: &OrgSecretKey) -> Result<DataKey, CryptoError> {
        let malformed = || CryptoError::Malformed("wrapped key");
        let (length, rest) = rest.split_first_chunk::<2>().ok_or_else(malformed)?;
        let length = usize::from(u16::from_be_bytes(*length));
        if rest.len() < length {
            return Err(malformed());
        }
        let (wrapped_epoch_key, sealed) = rest.split_at(length);
        let epoch_key = DataKey::unwrap_age(wrapped_epoch_key, secret)?;
        let plaintext = epoch_key.open(EPOCH_CONTEXT, sealed)?;
        let key: [u8; 32] = plaintext.as_slice().try_into().map_err(|_| malformed())?;
        Ok(DataKey(Zeroizing::new(key)))
    }
}

impl std::fmt::Debug for EpochKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("EpochKey(..)")
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
