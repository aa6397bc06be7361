//! The TOTP secret a sign-in is offered at enrolment, kept here until a code from
//! it is confirmed: one per half-signed-in session, in memory only. The secret
//! never travels back from the browser (a form field could be swapped for one the
//! sender knows), and a reload of the page shows the same secret, so a phone that
//! scanned it stays good.

use std::collections::HashMap;
use std::sync::Mutex;

use torchlight_crypto::credentials::TotpSecret;
use zeroize::Zeroizing;

/// How long an offered secret waits for its code.
const KEPT_FOR_MS: i64 = 30 * 60 * 1000;
/// Most offers kept at once; past it, the oldest goes.
const MOST_KEPT: usize = 10_000;

struct Offer {
    secret: Zeroizing<Vec<u8>>,
    offered_ms: i64,
}

#[derive(Default)]
pub(crate) struct Enrolments {
    offers: Mutex<HashMap<String, Offer>>,
}

impl Enrolments {
    /// The secret offered to the session `session_digest`: the one offered before
    /// while it waits, a new one otherwise.
    pub fn offer(&self, session_digest: &str, now_ms: i64) -> TotpSecret {
        let mut offers = self.lock();
        offers.retain(|_, offer| now_ms.saturating_sub(offer.offered_ms) < KEPT_FOR_MS);
        if let Some(offer) = offers.get(session_digest) {
            if let Ok(secret) = TotpSecret::from_bytes(&offer.secret) {
                return secret;
            }
        }
        if offers.len() >= MOST_KEPT {
            let oldest = offers
                .iter()
                .min_by_key(|(_, offer)| offer.offered_ms)
                .map(|(digest, _)| digest.clone());
            if let Some(oldest) = oldest {
                offers.remove(&oldest);
            }
        }
        let secret = TotpSecret::generate();
        offers.insert(
            session_digest.to_owned(),
            Offer {
                secret: Zeroizing::new(secret.as_bytes().to_vec()),
                offered_ms: now_ms,
            },
        );
        secret
    }

    /// The secret waiting for `session_digest`'s code, if one does.
    pub fn offered(&self, session_digest: &str, now_ms: i64) -> Option<TotpSecret> {
        let offers = self.lock();
        let offer = offers.get(session_digest)?;
        if now_ms.saturating_sub(offer.offered_ms) >= KEPT_FOR_MS {
            return None;
        }
        TotpSecret::from_bytes(&offer.secret).ok()
    }

    /// Forgets the offer once it is enrolled.
    pub fn confirmed(&self, session_digest: &str) {
        self.lock().remove(session_digest);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Offer>> {
        // Offers are plain data: a panic elsewhere leaves them usable.
        self.offers
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    const T: i64 = 1_700_000_000_000;

    #[test]
    fn a_session_is_offered_the_same_secret_until_it_expires() {
        let enrolments = Enrolments::default();
        let first = enrolments.offer("session-a", T);
        let again = enrolments.offer("session-a", T + 60_000);
        assert_eq!(first.as_bytes(), again.as_bytes());
        assert_eq!(
            enrolments.offered("session-a", T + 1).unwrap().as_bytes(),
            first.as_bytes()
        );
        let other = enrolments.offer("session-b", T);
        assert_ne!(first.as_bytes(), other.as_bytes());
        assert!(enrolments.offered("session-a", T + KEPT_FOR_MS).is_none());
        let later = enrolments.offer("session-a", T + KEPT_FOR_MS);
        assert_ne!(first.as_bytes(), later.as_bytes());
        enrolments.confirmed("session-a");
        assert!(enrolments.offered("session-a", T + KEPT_FOR_MS).is_none());
    }
}
