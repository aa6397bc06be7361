/// Why a cryptographic operation failed. Never carries key material or plaintext.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CryptoError {
    /// The ciphertext, wrapped key or share does not decrypt under the key given:
    /// wrong key, wrong context, or tampered bytes. Deliberately says no more.
    #[error("decryption failed")]
    Decrypt,
    /// Bytes that should hold a key, a share or a sealed value are malformed.
    #[error("malformed {0}")]
    Malformed(&'static str),
    /// The server holds no keys: it was never unsealed, or it was sealed again.
    #[error("the server is sealed")]
    Sealed,
    /// The unsealing secret (passphrase or combined shares) is not the right one.
    /// Says nothing about which share was wrong.
    #[error("the unsealing secret was refused")]
    Refused,
    /// A parameter is out of range (e.g. a 1-of-5 Shamir split); the message says which.
    #[error("{0}")]
    Invalid(String),
    /// Too many trustees' unsealings are under way at once (as when someone floods
    /// the unseal page with made-up shares); the ones under way are kept.
    #[error("too many unsealings are in progress; try again later")]
    TooManyUnsealings,
    /// Hashing a password failed inside the Argon2 library.
    #[error("password hashing failed")]
    PasswordHash,
}
