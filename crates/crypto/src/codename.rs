//! Codenames: how a defender with no account follows a request. Seven words drawn
//! at random from the EFF's long list of 7,776 (`data/README.md`), about 90.5 bits
//! (7 × log2 7776), typed back with any case and spacing.
//!
//! The server keeps only a keyed hash of a codename (HMAC-SHA256 under a server
//! key), never the codename. A slow password hash is not needed and would be
//! wrong here: the codename's own entropy is what resists guessing (no one can try
//! 2^90 of them), while a deliberately slow hash on every request and every status
//! look-up would cap intake at a few requests a second. The key keeps a copy of the
//! database alone from even confirming a codename.

use std::sync::OnceLock;

use hkdf::Hkdf;
use hmac::{Hmac, KeyInit, Mac};
use rand::RngExt as _;
use sha2::Sha256;
use zeroize::Zeroizing;

use crate::envelope::DataKey;
use crate::random::{os_rng, secret_bytes};
use crate::CryptoError;

/// Words in a codename.
pub const WORDS: usize = 7;

/// The shipped list, one word a line.
const LIST: &str = include_str!("../data/eff_large_wordlist.txt");

/// Prefixed to a codename before it is hashed.
const DIGEST_TAG: &[u8] = b"torchlight-codename-v1\0";

fn words() -> &'static [&'static str] {
    static WORDS_OF_LIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS_OF_LIST.get_or_init(|| {
        LIST.lines()
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .collect()
    })
}

/// A codename in its one written form: lower-case words, one space between.
/// Zeroized when dropped; never printed by `Debug`.
pub struct Codename(Zeroizing<String>);

impl std::fmt::Debug for Codename {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Codename(..)")
    }
}

/// Why typed text is not a codename. Says which word, so a defender practising
/// can find the slip; it tells nothing of any request.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodenameError {
    #[error("a codename has {expected} words; this has {found}")]
    WordCount { expected: usize, found: usize },
    #[error("word {position} is not one of the codename words; check its spelling")]
    UnknownWord { position: usize },
}

impl Codename {
    /// A new codename, from the operating system's random generator.
    pub fn generate() -> Codename {
        let list = words();
        let mut rng = os_rng();
        let chosen: Vec<&str> = (0..WORDS)
            .map(|_| list[rng.random_range(0..list.len())])
            .collect();
        Codename(Zeroizing::new(chosen.join(" ")))
    }

    /// Reads a codename as a person types it: any case, any spaces (or line
    /// breaks) around and between the words.
    pub fn parse(typed: &str) -> Result<Codename, CodenameError> {
        let lowered = Zeroizing::new(typed.to_lowercase());
        let typed_words: Vec<&str> = lowered.split_whitespace().collect();
        if typed_words.len() != WORDS {
            return Err(CodenameError::WordCount {
                expected: WORDS,
                found: typed_words.len(),
            });
        }
        let list = words();
        if let Some(position) = typed_words
            .iter()
            .position(|word| list.binary_search(word).is_err())
        {
            return Err(CodenameError::UnknownWord {
                position: position + 1,
            });
        }
        Ok(Codename(Zeroizing::new(typed_words.join(" "))))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The server key codenames are hashed under. Zeroized when dropped.
pub struct CodenameKey(Zeroizing<[u8; 32]>);

impl std::fmt::Debug for CodenameKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CodenameKey(..)")
    }
}

impl CodenameKey {
    pub fn generate() -> CodenameKey {
        CodenameKey(secret_bytes::<32>())
    }

    pub fn from_bytes(bytes: [u8; 32]) -> CodenameKey {
        CodenameKey(Zeroizing::new(bytes))
    }

    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// What is stored to find a request by its codename.
    pub fn digest(&self, codename: &Codename) -> [u8; 32] {
        // A key of any length is accepted by HMAC; 32 bytes cannot fail.
        let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(self.0.as_slice())
            .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
        mac.update(DIGEST_TAG);
        mac.update(codename.as_str().as_bytes());
        mac.finalize().into_bytes().into()
    }
}

/// HKDF's salt for the defender's key: says what the key is for.
const DEFENDER_KEY_SALT: &[u8] = b"torchlight-defender-key-v1";

/// The defender's own key for one request, derived from its codename and the
/// request's id. The request's data key is wrapped to it and stored with the
/// request, so the defender reads and adds to the request (and reads what a
/// caseworker writes to them, sealed under the same data key) with no key of the
/// server's, sealed or not; it exists only while the defender presents the
/// codename, and a copy of the database opens nothing with it.
///
/// Symmetric on purpose: only the codename's holder ever needs it, and an X25519
/// key pair here would cost three scalar multiplications per request.
pub struct DefenderKey(Zeroizing<[u8; 32]>);

impl DefenderKey {
    pub fn derive(codename: &Codename, request: &str) -> DefenderKey {
        let mut key = Zeroizing::new([0u8; 32]);
        // Expanding 32 bytes cannot fail (the limit is 255 × 32).
        let expanded = Hkdf::<Sha256>::new(Some(DEFENDER_KEY_SALT), codename.as_str().as_bytes())
            .expand(request.as_bytes(), key.as_mut_slice());
        debug_assert!(expanded.is_ok());
        DefenderKey(key)
    }

    /// `data_key`, sealed to this key.
    pub fn wrap(&self, data_key: &DataKey) -> Vec<u8> {
        crate::sealed::seal(&self.0, DEFENDER_WRAP_CONTEXT, data_key.0.as_slice())
    }

    /// The data key `wrapped` holds; `Decrypt` for another codename's key.
    pub fn unwrap(&self, wrapped: &[u8]) -> Result<DataKey, CryptoError> {
        let opened = crate::sealed::open(&self.0, DEFENDER_WRAP_CONTEXT, wrapped)?;
        let key: [u8; 32] = opened
            .as_slice()
            .try_into()
            .map_err(|_| CryptoError::Malformed("wrapped key"))?;
        Ok(DataKey(Zeroizing::new(key)))
    }
}

impl std::fmt::Debug for DefenderKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DefenderKey(..)")
    }
}

/// What a data key sealed to a defender's key is bound to.
const DEFENDER_WRAP_CONTEXT: &str = "request/data-key/for-defender";

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_defender_key_follows_the_codename_and_the_request_and_opens_what_was_wrapped_to_it() {
        let codename = Codename::generate();
        let key = DefenderKey::derive(&codename, "request-1");
        let again = DefenderKey::derive(&Codename::parse(codename.as_str()).unwrap(), "request-1");
        let data_key = DataKey::generate();
        let wrapped = key.wrap(&data_key);
        let sealed = data_key.seal("message", b"hello");
        let opened = again.unwrap(&wrapped).unwrap();
        assert_eq!(
            opened.open("message", &sealed).unwrap().as_slice(),
            b"hello"
        );
        for stranger in [
            DefenderKey::derive(&codename, "request-2"),
            DefenderKey::derive(&Codename::generate(), "request-1"),
        ] {
            assert!(stranger.unwrap(&wrapped).is_err());
        }
    }

    #[test]
    fn the_list_has_7776_distinct_sorted_words() {
        let list = words();
        assert_eq!(list.len(), 7776);
        assert!(
            list.windows(2).all(|pair| pair[0] < pair[1]),
            "sorted and distinct"
        );
        assert!(list
            .iter()
            .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')));
        // Seven words of it hold more than 90 bits.
        assert!(WORDS as f64 * (list.len() as f64).log2() > 90.0);
    }

    #[test]
    fn a_generated_codename_reads_back_however_it_is_typed() {
        let codename = Codename::generate();
        let words: Vec<&str> = codename.as_str().split(' ').collect();
        assert_eq!(words.len(), WORDS);
        let shouted = format!("  {}\n", words.join("   ").to_uppercase());
        assert_eq!(
            Codename::parse(&shouted).unwrap().as_str(),
            codename.as_str()
        );
    }

    #[test]
    fn two_codenames_differ() {
        assert_ne!(Codename::generate().as_str(), Codename::generate().as_str());
    }

    #[test]
    fn mistyped_codenames_say_what_is_wrong() {
        assert_eq!(
            Codename::parse("abacus abdomen").unwrap_err(),
            CodenameError::WordCount {
                expected: 7,
                found: 2
            }
        );
        assert_eq!(
            Codename::parse("abacus abdomen abacus abdomen abacus abdomen zzzz").unwrap_err(),
            CodenameError::UnknownWord { position: 7 }
        );
    }

    #[test]
    fn the_digest_is_keyed_and_ignores_how_it_was_typed() {
        let key = CodenameKey::from_bytes([3; 32]);
        let codename =
            Codename::parse("abacus abdomen abacus abdomen abacus abdomen abacus").unwrap();
        let again =
            Codename::parse("ABACUS  abdomen abacus abdomen abacus abdomen abacus ").unwrap();
        assert_eq!(key.digest(&codename), key.digest(&again));
        assert_ne!(
            key.digest(&codename),
            CodenameKey::from_bytes([4; 32]).digest(&codename)
        );
        let other =
            Codename::parse("abacus abdomen abacus abdomen abacus abdomen abdomen").unwrap();
        assert_ne!(key.digest(&codename), key.digest(&other));
    }
}
