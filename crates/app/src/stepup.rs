//! Step-up: a signed-in user proves again, with the current password and a fresh
//! second factor, that they are who the session says, before changing how they
//! prove it (the password, a passkey). A stolen session cookie alone then cannot
//! lock the owner out or plant a key of its own. A confirmation holds for a few
//! minutes for that session only, in memory: a restart asks again.

use std::collections::HashMap;
use std::sync::Mutex;

/// How long a confirmation lets credentials be changed.
pub const FRESH_FOR_MS: i64 = 5 * 60 * 1000;
/// Most confirmations kept at once; past it, the oldest goes.
const MOST_KEPT: usize = 10_000;

#[derive(Default)]
pub(crate) struct StepUps {
    confirmed: Mutex<HashMap<String, i64>>,
}

impl StepUps {
    /// Records that the session `session_digest` stepped up at `now_ms`.
    pub fn confirm(&self, session_digest: &str, now_ms: i64) {
        let mut confirmed = self.lock();
        confirmed.retain(|_, at| !stale(*at, now_ms));
        if confirmed.len() >= MOST_KEPT {
            let oldest = confirmed
                .iter()
                .min_by_key(|(_, at)| **at)
                .map(|(digest, _)| digest.clone());
            if let Some(oldest) = oldest {
                confirmed.remove(&oldest);
            }
        }
        confirmed.insert(session_digest.to_owned(), now_ms);
    }

    /// Whether `session_digest` stepped up within the last `FRESH_FOR_MS`.
    pub fn is_fresh(&self, session_digest: &str, now_ms: i64) -> bool {
        self.lock()
            .get(session_digest)
            .is_some_and(|at| !stale(*at, now_ms))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, i64>> {
        // Nothing here can leave the map half-changed: recover it after a panic.
        self.confirmed
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

fn stale(at_ms: i64, now_ms: i64) -> bool {
    now_ms.saturating_sub(at_ms) >= FRESH_FOR_MS || now_ms < at_ms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_confirmation_holds_for_its_session_for_five_minutes() {
        let step_ups = StepUps::default();
        step_ups.confirm("a", 1_000);
        assert!(step_ups.is_fresh("a", 1_000 + FRESH_FOR_MS - 1));
        assert!(!step_ups.is_fresh("a", 1_000 + FRESH_FOR_MS));
        assert!(!step_ups.is_fresh("b", 1_000));
    }
}
