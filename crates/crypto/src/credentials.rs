//! Staff credentials: Argon2id password hashes, TOTP second factors (RFC 6238),
//! single-use recovery codes and random session tokens. Only hashes or sealed values
//! of these are ever stored.

use zeroize::Zeroizing;

use crate::CryptoError;

/// Argon2id memory cost in KiB, iterations and lanes: OWASP's recommended minimum
/// (19 MiB, t=2, p=1).
pub const ARGON2_MEMORY_KIB: u32 = 19_456;
pub const ARGON2_ITERATIONS: u32 = 2;
pub const ARGON2_PARALLELISM: u32 = 1;

pub const MIN_PASSWORD_CHARS: usize = 12;
pub const MAX_PASSWORD_CHARS: usize = 256;

/// Why a new password is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PasswordPolicyError {
    #[error("the password must have at least {MIN_PASSWORD_CHARS} characters")]
    TooShort,
    #[error("the password must have at most {MAX_PASSWORD_CHARS} characters")]
    TooLong,
}

pub fn check_password_policy(password: &str) -> Result<(), PasswordPolicyError> {
    todo!()
}

/// An Argon2id hash in PHC string form, with a fresh salt.
pub fn hash_password(password: &str) -> Result<String, CryptoError> {
    todo!()
}

/// True when `password` matches the PHC hash; false for a malformed hash too.
pub fn verify_password(phc: &str, password: &str) -> bool {
    todo!()
}

/// Spends the same time as `verify_password` against a fixed hash, so a login for
/// an unknown account takes as long as one for a known account.
pub fn verify_against_dummy(password: &str) {
    todo!()
}

/// A TOTP secret (20 random bytes; SHA-1, 6 digits, 30 s steps: what every
/// authenticator app accepts). Zeroized when dropped.
pub struct TotpSecret(pub(crate) Zeroizing<Vec<u8>>);

impl TotpSecret {
    pub fn generate() -> TotpSecret {
        todo!()
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<TotpSecret, CryptoError> {
        todo!()
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// Base32 without padding, as typed into an authenticator app by hand.
    pub fn to_base32(&self) -> String {
        todo!()
    }

    /// The `otpauth://totp/...` URI an authenticator app scans.
    pub fn otpauth_uri(&self, issuer: &str, account: &str) -> String {
        todo!()
    }

    /// The 6-digit code for the time step holding `unix_seconds`.
    pub fn code_at(&self, unix_seconds: u64) -> String {
        todo!()
    }

    /// The time step `code` belongs to, accepting one step of clock drift either
    /// way; `None` when it matches none, or matches a step at or before
    /// `last_used_step` (a replayed code). Compared in constant time.
    pub fn verify(&self, code: &str, unix_seconds: u64, last_used_step: Option<i64>) -> Option<i64> {
        todo!()
    }
}

impl std::fmt::Debug for TotpSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TotpSecret(..)")
    }
}

/// `count` fresh recovery codes, each 16 base32 characters shown as four groups of
/// four (80 bits, enough that storing only a SHA-256 of each is safe).
pub fn generate_recovery_codes(count: usize) -> Vec<Zeroizing<String>> {
    todo!()
}

/// The stored form of a recovery code: hex SHA-256 of its normalised text (case,
/// spaces and dashes forgiven), so a typed code matches however it was written.
pub fn recovery_code_digest(code: &str) -> String {
    todo!()
}

/// A random token of 32 bytes, base64url without padding: session ids and CSRF
/// tokens.
pub fn random_token() -> String {
    todo!()
}

/// The stored form of a session token (hex SHA-256), so a copy of the database
/// does not hold live sessions.
pub fn token_digest(token: &str) -> String {
    todo!()
}

/// Equality that takes the same time wherever the inputs differ.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    todo!()
}
