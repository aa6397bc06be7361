//! Password hashing: Argon2id behind a concurrency limit, at a cost chosen once per
//! process.

use std::sync::{Arc, OnceLock};

use tokio::sync::Semaphore;
use torchlight_crypto::credentials;
use torchlight_crypto::Argon2Cost;
use zeroize::Zeroizing;

use crate::AppError;

/// How much work the process's Argon2id hashes do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum HashingCost {
    /// OWASP's minimum for passwords, 64 MiB t=3 for the keyring passphrase.
    #[default]
    Standard,
    /// Trivial costs, so test suites can create many accounts and keyrings fast.
    /// Only a test build can choose it: see [`HashingCost::insecure_for_tests`].
    InsecureForTests,
}

impl HashingCost {
    /// The test costs, or an error in a release build: production must never run
    /// with them, whatever its configuration says.
    pub fn insecure_for_tests() -> Result<HashingCost, AppError> {
        if cfg!(debug_assertions) {
            Ok(HashingCost::InsecureForTests)
        } else {
            Err(AppError::Invalid(
                "insecure_test_hashing: the test-only hashing costs are refused by a release \
                 build; remove the setting (TORCHLIGHT_INSECURE_TEST_HASHING)"
                    .into(),
            ))
        }
    }

    pub fn password(self) -> Argon2Cost {
        match self {
            HashingCost::Standard => Argon2Cost::PASSWORD,
            HashingCost::InsecureForTests => Argon2Cost::INSECURE_TEST,
        }
    }

    pub fn passphrase(self) -> Argon2Cost {
        match self {
            HashingCost::Standard => Argon2Cost::PASSPHRASE,
            HashingCost::InsecureForTests => Argon2Cost::INSECURE_TEST,
        }
    }
}

/// Argon2id is deliberately slow and memory-hungry; this many hashes run at once at
/// most, so a flood of sign-ins cannot starve the public pages.
#[derive(Clone)]
pub struct PasswordHasher {
    permits: Arc<Semaphore>,
    cost: HashingCost,
    /// A hash to verify against when there is no account, so an unknown username
    /// costs as much as a known one. Made on first use, at this hasher's cost.
    dummy: Arc<OnceLock<String>>,
}

impl PasswordHasher {
    pub fn new(concurrent: usize, cost: HashingCost) -> PasswordHasher {
        PasswordHasher {
            permits: Arc::new(Semaphore::new(concurrent.max(1))),
            cost,
            dummy: Arc::new(OnceLock::new()),
        }
    }

    pub fn cost(&self) -> HashingCost {
        self.cost
    }

    pub async fn hash(&self, password: Zeroizing<String>) -> Result<String, AppError> {
        let _permit = self.permits.acquire().await.map_err(closed)?;
        let cost = self.cost.password();
        tokio::task::spawn_blocking(move || credentials::hash_password_with(&password, cost))
            .await
            .map_err(stopped)?
            .map_err(|e| AppError::Internal(format!("password hashing failed: {e}")))
    }

    /// Checks `password` against `phc`, or against the dummy hash when there is no
    /// account, so both take the same time. A failure of the hasher itself is an
    /// error, never a "wrong password".
    pub async fn verify(
        &self,
        phc: Option<String>,
        password: Zeroizing<String>,
    ) -> Result<bool, AppError> {
        let _permit = self.permits.acquire().await.map_err(closed)?;
        let cost = self.cost.password();
        let dummy = Arc::clone(&self.dummy);
        tokio::task::spawn_blocking(move || match phc {
            Some(phc) => credentials::verify_password(&phc, &password),
            None => {
                let dummy = dummy.get_or_init(|| {
                    // If hashing fails here it fails for real sign-ins too; an empty
                    // hash makes the check below return at once rather than panic.
                    credentials::hash_password_with("torchlight dummy for unknown accounts", cost)
                        .unwrap_or_default()
                });
                std::hint::black_box(credentials::verify_password(dummy, &password));
                false
            }
        })
        .await
        .map_err(stopped)
    }
}

fn closed(_: tokio::sync::AcquireError) -> AppError {
    AppError::Internal("the password hasher is shut down".into())
}

fn stopped(e: tokio::task::JoinError) -> AppError {
    AppError::Internal(format!("password hashing stopped: {e}"))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_only() {
        let hasher = PasswordHasher::new(1, HashingCost::InsecureForTests);
        let phc = hasher
            .hash(Zeroizing::new("correct horse battery".into()))
            .await
            .unwrap();
        assert!(phc.contains("m=256,t=1"), "{phc}");
        let right = hasher
            .verify(
                Some(phc.clone()),
                Zeroizing::new("correct horse battery".into()),
            )
            .await
            .unwrap();
        let wrong = hasher
            .verify(Some(phc), Zeroizing::new("correct horse battery!".into()))
            .await
            .unwrap();
        let nobody = hasher
            .verify(None, Zeroizing::new("correct horse battery".into()))
            .await
            .unwrap();
        assert!(right && !wrong && !nobody);
    }

    #[test]
    fn a_test_build_may_lower_the_cost() {
        // Unit tests are debug builds; a release build gets an error instead.
        assert_eq!(
            HashingCost::insecure_for_tests().unwrap(),
            HashingCost::InsecureForTests
        );
        assert_eq!(HashingCost::default().password(), Argon2Cost::PASSWORD);
        assert_eq!(HashingCost::default().passphrase(), Argon2Cost::PASSPHRASE);
    }
}
