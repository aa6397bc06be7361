//! The deployment's root key and how it is recovered: from a passphrase through
//! Argon2id, or from k-of-n Shamir shares held by trustees. Only a `KeyringRecord`
//! (salt, parameters, a check value) is ever stored; the root key never is.
//!
//! Passphrase mode: the root key *is* the Argon2id output of the passphrase and the
//! record's random salt (nothing wrapped is stored, so there is nothing else to
//! steal). Changing the passphrase or rotating therefore gives a new root key (new
//! salt), under which the organisation keys are wrapped again.
//!
//! Shamir mode: the root key is 32 random bytes split with Shamir's scheme over
//! GF(256) (the `blahaj` crate); each share prints as
//! `tl1-<version>-<index>-<52 base32 letters in groups of 4>-<4-letter checksum>`,
//! e.g. `tl1-1-3-mfrg-gzdf-...-ge2d-q7vk`, where the checksum is the first 20 bits of
//! SHA-256 over `tl1-<version>-<index>-<base32>`, so a mistyped letter is caught
//! before any combination is tried. Reading a share forgives case, spaces in place
//! of dashes, missing or doubled dashes between groups, and the digits 0 and 1
//! typed for the letters o and l (base32 has no 0 or 1).

use std::collections::BTreeMap;

use argon2::{Algorithm, Argon2, Params, Version};
use data_encoding::{BASE32_NOPAD, BASE64};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::{Argon2Cost, CryptoError};

/// The 32-byte root key. Zeroized when dropped; never printed.
pub struct RootKey(pub(crate) Zeroizing<[u8; 32]>);

impl std::fmt::Debug for RootKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RootKey(..)")
    }
}

/// What is stored about the root key: how to recover it and how to recognise it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyringRecord {
    /// Starts at 1; each root rotation adds one.
    pub version: u32,
    pub mode: SealMode,
    /// A known label sealed under the root key (base64): a recovered key that opens
    /// it is the right one.
    pub check: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SealMode {
    Passphrase {
        salt: String,
        memory_kib: u32,
        iterations: u32,
        parallelism: u32,
    },
    Shamir {
        threshold: u8,
        shares: u8,
    },
}

/// One trustee's share in its printable form. Zeroized when dropped; never printed
/// by `Debug`.
pub struct Share(pub(crate) Zeroizing<String>);

impl Share {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Share {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Share(..)")
    }
}

pub const MIN_PASSPHRASE_CHARS: usize = 12;

const SALT_LEN: usize = 16;

/// The most shares one split makes: enough for any board of trustees, and few
/// enough that every share index is printed as a short number.
const MAX_SHARES: u8 = 16;

const CHECK_CONTEXT: &str = "keyring-check";
const SHARE_PREFIX: &str = "tl1";

/// A new root key recoverable from `passphrase` at the standard cost; `version` is
/// 1 at `init` and one more at each rotation.
pub fn init_passphrase(
    passphrase: &str,
    version: u32,
) -> Result<(KeyringRecord, RootKey), CryptoError> {
    init_passphrase_at(passphrase, version, Argon2Cost::PASSPHRASE)
}

/// `init_passphrase` at `cost`, which the record keeps so unsealing uses the same.
pub fn init_passphrase_at(
    passphrase: &str,
    version: u32,
    cost: Argon2Cost,
) -> Result<(KeyringRecord, RootKey), CryptoError> {
    init_passphrase_with(
        passphrase,
        version,
        cost.memory_kib,
        cost.iterations,
        cost.parallelism,
    )
}

pub(crate) fn init_passphrase_with(
    passphrase: &str,
    version: u32,
    memory_kib: u32,
    iterations: u32,
    parallelism: u32,
) -> Result<(KeyringRecord, RootKey), CryptoError> {
    check_version(version)?;
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(CryptoError::Invalid(format!(
            "the passphrase must have at least {MIN_PASSPHRASE_CHARS} characters"
        )));
    }
    let salt: [u8; SALT_LEN] = crate::random::public_bytes();
    let root = derive_from_passphrase(passphrase, &salt, memory_kib, iterations, parallelism)
        .map_err(|_| {
            CryptoError::Invalid("the passphrase's Argon2id parameters are out of range".to_owned())
        })?;
    let record = KeyringRecord {
        version,
        mode: SealMode::Passphrase {
            salt: BASE64.encode(&salt),
            memory_kib,
            iterations,
            parallelism,
        },
        check: make_check(&root, version),
    };
    Ok((record, root))
}

/// A new root key split into `shares` shares of which any `threshold` recover it.
pub fn init_shamir(
    threshold: u8,
    shares: u8,
    version: u32,
) -> Result<(KeyringRecord, RootKey, Vec<Share>), CryptoError> {
    check_version(version)?;
    if threshold < 2 {
        return Err(CryptoError::Invalid(format!(
            "a Shamir split needs a threshold of at least 2 shares (asked for {threshold}); \
             with 1 any single trustee would hold the whole key"
        )));
    }
    if shares < threshold {
        return Err(CryptoError::Invalid(format!(
            "a Shamir split cannot need more shares ({threshold}) than it makes ({shares})"
        )));
    }
    if shares > MAX_SHARES {
        return Err(CryptoError::Invalid(format!(
            "a Shamir split makes at most {MAX_SHARES} shares (asked for {shares})"
        )));
    }
    let secret = crate::random::secret_bytes::<32>();
    let root = RootKey(Zeroizing::new(*secret));
    let mut rng = crate::random::os_rng();
    let printable = blahaj::Sharks(threshold)
        .dealer_rng(secret.as_slice(), &mut rng)
        .take(usize::from(shares))
        .map(|share| {
            // x (the share's index, 1..=255) followed by y (32 bytes).
            let bytes = Zeroizing::new(Vec::from(&share));
            match bytes.split_first() {
                Some((&index, y)) => Ok(Share(encode_share(version, index, y))),
                None => Err(CryptoError::Malformed("share")),
            }
        })
        .collect::<Result<Vec<Share>, CryptoError>>()?;
    let record = KeyringRecord {
        version,
        mode: SealMode::Shamir { threshold, shares },
        check: make_check(&root, version),
    };
    Ok((record, root, printable))
}

/// Recovers the root key from the passphrase; `Refused` when it is not the one.
pub fn unlock_passphrase(record: &KeyringRecord, passphrase: &str) -> Result<RootKey, CryptoError> {
    let SealMode::Passphrase {
        salt,
        memory_kib,
        iterations,
        parallelism,
    } = &record.mode
    else {
        return Err(CryptoError::Invalid(
            "this keyring is unsealed with trustees' shares, not with a passphrase".to_owned(),
        ));
    };
    let salt = BASE64
        .decode(salt.as_bytes())
        .map_err(|_| CryptoError::Malformed("keyring record"))?;
    let root = derive_from_passphrase(passphrase, &salt, *memory_kib, *iterations, *parallelism)
        .map_err(|_| CryptoError::Malformed("keyring record"))?;
    verify_check(record, &root)?;
    Ok(root)
}

/// Reads a share as a trustee typed it (spaces, dashes and case forgiven);
/// `Malformed("share")` for a typo the share's checksum catches.
pub fn parse_share(text: &str) -> Result<Share, CryptoError> {
    let decoded = decode_share(text)?;
    Ok(Share(encode_share(
        decoded.version,
        decoded.index,
        &decoded.y,
    )))
}

/// Combines at least `threshold` shares; `Refused` when they do not give the root
/// key, without saying which share is wrong.
pub fn combine_shares(record: &KeyringRecord, shares: &[Share]) -> Result<RootKey, CryptoError> {
    let SealMode::Shamir { threshold, .. } = record.mode else {
        return Err(CryptoError::Invalid(
            "this keyring is unsealed with its passphrase, not with trustees' shares".to_owned(),
        ));
    };
    // One share per index: the same share typed twice counts once.
    let mut distinct: BTreeMap<u8, DecodedShare> = BTreeMap::new();
    for share in shares {
        let decoded = decode_share(share.as_str())?;
        if decoded.version != record.version {
            return Err(CryptoError::Refused);
        }
        distinct.entry(decoded.index).or_insert(decoded);
    }
    if distinct.len() < usize::from(threshold) {
        return Err(CryptoError::Invalid(format!(
            "{} of {threshold} shares entered; {threshold} different shares are needed",
            distinct.len()
        )));
    }
    let points = distinct
        .values()
        .map(|decoded| {
            let mut bytes = Zeroizing::new(Vec::with_capacity(1 + decoded.y.len()));
            bytes.push(decoded.index);
            bytes.extend_from_slice(&decoded.y);
            blahaj::Share::try_from(bytes.as_slice()).map_err(|_| CryptoError::Malformed("share"))
        })
        .collect::<Result<Vec<blahaj::Share>, CryptoError>>()?;
    let secret = Zeroizing::new(
        blahaj::Sharks(threshold)
            .recover(&points)
            .map_err(|_| CryptoError::Refused)?,
    );
    let bytes: [u8; 32] = secret
        .as_slice()
        .try_into()
        .map_err(|_| CryptoError::Refused)?;
    let root = RootKey(Zeroizing::new(bytes));
    verify_check(record, &root)?;
    Ok(root)
}

impl RootKey {
    /// Seals `plaintext` under the root key, bound to `context` (e.g.
    /// "org-key/ORG/3"): XChaCha20-Poly1305 with a random nonce.
    pub fn seal(&self, context: &str, plaintext: &[u8]) -> Vec<u8> {
        crate::sealed::seal(&self.0, context, plaintext)
    }

    /// Opens what `seal` produced with the same `context`.
    pub fn open(&self, context: &str, sealed: &[u8]) -> Result<Zeroizing<Vec<u8>>, CryptoError> {
        crate::sealed::open(&self.0, context, sealed)
    }

    /// A root key from raw bytes: the demo's fixed key and tests.
    pub fn from_bytes(bytes: [u8; 32]) -> RootKey {
        RootKey(Zeroizing::new(bytes))
    }

    /// A second copy, so the vault can hand the key out without holding its lock.
    pub(crate) fn duplicate(&self) -> RootKey {
        RootKey(self.0.clone())
    }
}

fn check_version(version: u32) -> Result<(), CryptoError> {
    if version == 0 {
        return Err(CryptoError::Invalid("key versions start at 1".to_owned()));
    }
    Ok(())
}

fn derive_from_passphrase(
    passphrase: &str,
    salt: &[u8],
    memory_kib: u32,
    iterations: u32,
    parallelism: u32,
) -> Result<RootKey, argon2::Error> {
    let params = Params::new(memory_kib, iterations, parallelism, Some(32))?;
    let mut key = Zeroizing::new([0u8; 32]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params).hash_password_into(
        passphrase.as_bytes(),
        salt,
        key.as_mut_slice(),
    )?;
    Ok(RootKey(key))
}

fn check_label(version: u32) -> String {
    format!("torchlight root key v{version}")
}

fn make_check(root: &RootKey, version: u32) -> String {
    BASE64.encode(&root.seal(CHECK_CONTEXT, check_label(version).as_bytes()))
}

/// `Refused` unless `root` opens the record's check value.
fn verify_check(record: &KeyringRecord, root: &RootKey) -> Result<(), CryptoError> {
    let sealed = BASE64
        .decode(record.check.as_bytes())
        .map_err(|_| CryptoError::Malformed("keyring record"))?;
    let opened = root
        .open(CHECK_CONTEXT, &sealed)
        .map_err(|error| match error {
            CryptoError::Decrypt => CryptoError::Refused,
            _ => CryptoError::Malformed("keyring record"),
        })?;
    if opened.as_slice() != check_label(record.version).as_bytes() {
        return Err(CryptoError::Refused);
    }
    Ok(())
}

/// A share's parts once its text has been checked.
pub(crate) struct DecodedShare {
    pub(crate) version: u32,
    pub(crate) index: u8,
    pub(crate) y: Zeroizing<Vec<u8>>,
}

const BASE32_LOWER: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";

/// The first 20 bits of SHA-256 over the share's canonical body, as 4 base32
/// letters: one mistyped letter slips through once in a million.
fn share_checksum(version: u32, index: u8, payload: &str) -> String {
    let body = Zeroizing::new(format!("{SHARE_PREFIX}-{version}-{index}-{payload}"));
    let digest = Sha256::digest(body.as_bytes());
    let bits =
        (u32::from(digest[0]) << 12) | (u32::from(digest[1]) << 4) | (u32::from(digest[2]) >> 4);
    (0..4)
        .map(|i| char::from(BASE32_LOWER[((bits >> (15 - 5 * i)) & 31) as usize]))
        .collect()
}

/// The printable form: `tl1-<version>-<index>-<base32 grouped by 4>-<checksum>`.
fn encode_share(version: u32, index: u8, y: &[u8]) -> Zeroizing<String> {
    let mut payload = Zeroizing::new(BASE32_NOPAD.encode(y));
    payload.make_ascii_lowercase();
    let checksum = share_checksum(version, index, &payload);
    let mut text = Zeroizing::new(String::with_capacity(payload.len() * 5 / 4 + 24));
    text.push_str(&format!("{SHARE_PREFIX}-{version}-{index}"));
    for group in payload.as_bytes().chunks(4) {
        text.push('-');
        for &byte in group {
            text.push(char::from(byte));
        }
    }
    text.push('-');
    text.push_str(&checksum);
    text
}

/// Base32 letters as a trustee may have typed them: lowercase, and the digits 0
/// and 1 (absent from the alphabet) read as the letters o and l.
fn forgive_base32(part: &str) -> Zeroizing<String> {
    part.chars()
        .map(|c| match c {
            '0' => 'o',
            '1' => 'l',
            other => other,
        })
        .collect::<String>()
        .into()
}

pub(crate) fn decode_share(text: &str) -> Result<DecodedShare, CryptoError> {
    const MALFORMED: CryptoError = CryptoError::Malformed("share");
    // Spaces count as dashes: a trustee may copy the groups apart with either.
    let mut normalised: Zeroizing<String> = Zeroizing::new(
        text.chars()
            .map(|c| if c.is_whitespace() { '-' } else { c })
            .collect(),
    );
    normalised.make_ascii_lowercase();
    let parts: Vec<&str> = normalised
        .split('-')
        .filter(|part| !part.is_empty())
        .collect();
    let [prefix, version, index, groups @ .., checksum] = parts.as_slice() else {
        return Err(MALFORMED);
    };
    if *prefix != SHARE_PREFIX || groups.is_empty() {
        return Err(MALFORMED);
    }
    let decimal = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    if !decimal(version) || !decimal(index) {
        return Err(MALFORMED);
    }
    let version: u32 = version.parse().map_err(|_| MALFORMED)?;
    let index: u8 = index.parse().map_err(|_| MALFORMED)?;
    if index == 0 {
        return Err(MALFORMED);
    }
    let joined = Zeroizing::new(groups.concat());
    let mut payload = forgive_base32(&joined);
    if *forgive_base32(checksum) != share_checksum(version, index, &payload) {
        return Err(MALFORMED);
    }
    payload.make_ascii_uppercase();
    let y = Zeroizing::new(
        BASE32_NOPAD
            .decode(payload.as_bytes())
            .map_err(|_| MALFORMED)?,
    );
    if y.len() != 32 {
        return Err(MALFORMED);
    }
    Ok(DecodedShare { version, index, y })
}

#[cfg(test)]
mod tests;
