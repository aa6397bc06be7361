//! Staff credentials: Argon2id password hashes, TOTP second factors (RFC 6238),
//! single-use recovery codes and random session tokens. Only hashes or sealed values
//! of these are ever stored.

use std::sync::OnceLock;

use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params, Version};
use data_encoding::{BASE32_NOPAD, BASE64URL_NOPAD, HEXLOWER};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use totp_rs::TOTP;
use zeroize::Zeroizing;

use crate::{Argon2Cost, CryptoError};

/// Argon2id memory cost in KiB, iterations and lanes: OWASP's recommended minimum
/// (19 MiB, t=2, p=1).
pub const ARGON2_MEMORY_KIB: u32 = Argon2Cost::PASSWORD.memory_kib;
pub const ARGON2_ITERATIONS: u32 = Argon2Cost::PASSWORD.iterations;
pub const ARGON2_PARALLELISM: u32 = Argon2Cost::PASSWORD.parallelism;

const TOTP_SECRET_LEN: usize = 20;
const TOTP_DIGITS: usize = 6;
const TOTP_STEP: u64 = 30;

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
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        Err(PasswordPolicyError::TooShort)
    } else if chars > MAX_PASSWORD_CHARS {
        Err(PasswordPolicyError::TooLong)
    } else {
        Ok(())
    }
}

/// An Argon2id hash in PHC string form, with a fresh salt, at the standard cost.
pub fn hash_password(password: &str) -> Result<String, CryptoError> {
    hash_password_with(password, Argon2Cost::PASSWORD)
}

/// An Argon2id hash at `cost` (the PHC string records it, so verifying needs no
/// cost).
pub fn hash_password_with(password: &str, cost: Argon2Cost) -> Result<String, CryptoError> {
    let params = Params::new(cost.memory_kib, cost.iterations, cost.parallelism, None)
        .map_err(|_| CryptoError::PasswordHash)?;
    let salt: [u8; 16] = crate::random::public_bytes();
    let hash = Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_with_salt(password.as_bytes(), &salt)
        .map_err(|_| CryptoError::PasswordHash)?;
    Ok(hash.to_string())
}

/// True when `password` matches the PHC hash; false for a malformed hash too.
///
/// The algorithm, version and costs are read from the hash itself, so hashes made
/// with older parameters still verify.
pub fn verify_password(phc: &str, password: &str) -> bool {
    Argon2::default()
        .verify_password(password.as_bytes(), phc)
        .is_ok()
}

/// Spends the same time as `verify_password` against a fixed hash, so a login for
/// an unknown account takes as long as one for a known account.
pub fn verify_against_dummy(password: &str) {
    static DUMMY: OnceLock<String> = OnceLock::new();
    // If hashing fails here it fails for real logins too; an empty hash still
    // makes the call below return at once rather than panic.
    let dummy = DUMMY.get_or_init(|| {
        hash_password("torchlight dummy password for unknown accounts").unwrap_or_default()
    });
    std::hint::black_box(verify_password(dummy, password));
}

/// A TOTP secret (20 random bytes; SHA-1, 6 digits, 30 s steps: what every
/// authenticator app accepts). Zeroized when dropped.
pub struct TotpSecret(pub(crate) Zeroizing<Vec<u8>>);

impl TotpSecret {
    pub fn generate() -> TotpSecret {
        TotpSecret(Zeroizing::new(
            crate::random::secret_bytes::<TOTP_SECRET_LEN>().to_vec(),
        ))
    }

    /// A stored secret; at least 16 bytes (RFC 4226's minimum) and at most 64.
    pub fn from_bytes(bytes: &[u8]) -> Result<TotpSecret, CryptoError> {
        if !(16..=64).contains(&bytes.len()) {
            return Err(CryptoError::Malformed("TOTP secret"));
        }
        Ok(TotpSecret(Zeroizing::new(bytes.to_vec())))
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// Base32 without padding, as typed into an authenticator app by hand.
    pub fn to_base32(&self) -> String {
        BASE32_NOPAD.encode(&self.0)
    }

    /// The `otpauth://totp/...` URI an authenticator app scans.
    pub fn otpauth_uri(&self, issuer: &str, account: &str) -> String {
        let secret = Zeroizing::new(self.to_base32());
        let issuer = percent_encode(issuer);
        let account = percent_encode(account);
        format!(
            "otpauth://totp/{issuer}:{account}?secret={}&issuer={issuer}&algorithm=SHA1&digits={TOTP_DIGITS}&period={TOTP_STEP}",
            secret.as_str()
        )
    }

    /// The 6-digit code for the time step holding `unix_seconds`.
    pub fn code_at(&self, unix_seconds: u64) -> String {
        self.totp().generate(unix_seconds)
    }

    /// totp-rs's generator over a copy of the secret (wiped on drop through its
    /// `zeroize` feature). `new_unchecked` because the length was checked when the
    /// secret was made; its arguments would change if some crate switched on
    /// totp-rs's `otpauth` feature, which would be a compile error here, not a
    /// silent change.
    fn totp(&self) -> TOTP {
        TOTP::new_unchecked(
            totp_rs::Algorithm::SHA1,
            TOTP_DIGITS,
            1,
            TOTP_STEP,
            self.0.to_vec(),
        )
    }

    /// The time step `code` belongs to, accepting one step of clock drift either
    /// way; `None` when it matches none, or matches a step at or before
    /// `last_used_step` (a replayed code). Compared in constant time.
    pub fn verify(
        &self,
        code: &str,
        unix_seconds: u64,
        last_used_step: Option<i64>,
    ) -> Option<i64> {
        let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
        if code.len() != TOTP_DIGITS || !code.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let totp = self.totp();
        let current = i64::try_from(unix_seconds / TOTP_STEP).ok()?;
        let mut matched: Option<i64> = None;
        // Every candidate is computed and compared, whichever matches.
        for step in [current - 1, current, current + 1] {
            let Some(at) = u64::try_from(step)
                .ok()
                .and_then(|step| step.checked_mul(TOTP_STEP))
            else {
                continue;
            };
            let expected = totp.generate(at);
            let equal = constant_time_eq(expected.as_bytes(), code.as_bytes());
            let fresh = last_used_step.is_none_or(|last| step > last);
            if equal && fresh {
                matched = Some(step);
            }
        }
        matched
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
    (0..count)
        .map(|_| {
            let bytes = crate::random::secret_bytes::<10>();
            let mut plain = Zeroizing::new(BASE32_NOPAD.encode(bytes.as_slice()));
            plain.make_ascii_lowercase();
            let mut code = Zeroizing::new(String::with_capacity(19));
            for (i, c) in plain.chars().enumerate() {
                if i > 0 && i % 4 == 0 {
                    code.push('-');
                }
                code.push(c);
            }
            code
        })
        .collect()
}

/// The stored form of a recovery code: hex SHA-256 of its normalised text (case,
/// spaces and dashes forgiven), so a typed code matches however it was written.
pub fn recovery_code_digest(code: &str) -> String {
    let normalised: Zeroizing<String> = Zeroizing::new(
        code.chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .flat_map(char::to_lowercase)
            .collect(),
    );
    HEXLOWER.encode(&Sha256::digest(normalised.as_bytes()))
}

/// A random token of 32 bytes, base64url without padding: session ids and CSRF
/// tokens.
pub fn random_token() -> String {
    BASE64URL_NOPAD.encode(crate::random::secret_bytes::<32>().as_slice())
}

/// The stored form of a session token (hex SHA-256), so a copy of the database
/// does not hold live sessions.
pub fn token_digest(token: &str) -> String {
    HEXLOWER.encode(&Sha256::digest(token.as_bytes()))
}

/// Equality that takes the same time wherever the inputs differ.
///
/// Inputs of different lengths are unequal at once: lengths are not secret here.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.ct_eq(b).into()
}

/// Percent-encodes everything but RFC 3986's unreserved characters, as the
/// otpauth URI's label and issuer need.
fn percent_encode(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

#[cfg(test)]
mod tests;
