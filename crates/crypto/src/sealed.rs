//! The one symmetric format shared by the root key and data keys:
//! `1 (version) || 24-byte random nonce || XChaCha20-Poly1305 ciphertext and tag`,
//! with the context string as associated data, so a value sealed for one place
//! does not open in another.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use zeroize::Zeroizing;

use crate::CryptoError;

const FORMAT_VERSION: u8 = 1;
const NONCE_LEN: usize = 24;
const TAG_LEN: usize = 16;

fn cipher(key: &[u8; 32]) -> XChaCha20Poly1305 {
    XChaCha20Poly1305::new(&(*key).into())
}

pub(crate) fn seal(key: &[u8; 32], context: &str, plaintext: &[u8]) -> Vec<u8> {
    let nonce_bytes: [u8; NONCE_LEN] = crate::random::public_bytes();
    let nonce = XNonce::from(nonce_bytes);
    let payload = Payload {
        msg: plaintext,
        aad: context.as_bytes(),
    };
    let ciphertext = match cipher(key).encrypt(&nonce, payload) {
        Ok(ciphertext) => ciphertext,
        // XChaCha20-Poly1305 refuses only messages over 256 GiB, which nothing
        // here comes near; there is no meaningful value to return instead.
        Err(_) => unreachable!("XChaCha20-Poly1305 refused to encrypt a message"),
    };
    let mut sealed = Vec::with_capacity(1 + NONCE_LEN + ciphertext.len());
    sealed.push(FORMAT_VERSION);
    sealed.extend_from_slice(&nonce_bytes);
    sealed.extend_from_slice(&ciphertext);
    sealed
}

pub(crate) fn open(
    key: &[u8; 32],
    context: &str,
    sealed: &[u8],
) -> Result<Zeroizing<Vec<u8>>, CryptoError> {
    let Some((&version, rest)) = sealed.split_first() else {
        return Err(CryptoError::Malformed("sealed value"));
    };
    if version != FORMAT_VERSION || rest.len() < NONCE_LEN + TAG_LEN {
        return Err(CryptoError::Malformed("sealed value"));
    }
    let (nonce_bytes, ciphertext) = rest.split_at(NONCE_LEN);
    let nonce_array: [u8; NONCE_LEN] = nonce_bytes
        .try_into()
        .map_err(|_| CryptoError::Malformed("sealed value"))?;
    let nonce = XNonce::from(nonce_array);
    let payload = Payload {
        msg: ciphertext,
        aad: context.as_bytes(),
    };
    cipher(key)
        .decrypt(&nonce, payload)
        .map(Zeroizing::new)
        .map_err(|_| CryptoError::Decrypt)
}
