//! Intake's wrap epochs: requests to one organisation within a tenth of a second
//! share one epoch key (`crypto::envelope::EpochKey`, where the trade is
//! explained), so a burst costs one X25519 agreement an epoch, not two scalar
//! multiplications a request. An epoch ends early after 256 keys, and its key is
//! forgotten once it has ended (`end_closed`), so a copy of memory taken later
//! opens none of them.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use torchlight_core::OrganizationId;
use torchlight_crypto::envelope::EpochKey;
use torchlight_crypto::orgkey::OrgPublicKey;
use torchlight_store::OrganizationKey;

/// How long an epoch lasts, in milliseconds.
pub(crate) const EPOCH_MS: i64 = 100;
/// Most data keys wrapped under one epoch key.
const KEYS_PER_EPOCH: usize = 256;

/// The open epoch of each organisation key (organisation, version).
#[derive(Default)]
pub(crate) struct WrapEpochs(Mutex<HashMap<(OrganizationId, i64), Epoch>>);

struct Epoch {
    key: Arc<EpochKey>,
    began_ms: i64,
    keys: usize,
}

impl Epoch {
    fn open_at(&self, now_ms: i64) -> bool {
        (self.began_ms..self.began_ms + EPOCH_MS).contains(&now_ms) && self.keys < KEYS_PER_EPOCH
    }
}

/// The key to wrap one more data key with, and whether it began a new epoch.
pub(crate) struct EpochUse {
    pub key: Arc<EpochKey>,
    pub began: bool,
}

impl WrapEpochs {
    /// The key of `key`'s epoch open at `now_ms`, or of a new one (wrapped to
    /// `public`), counting one more data key under it.
    pub(crate) fn key_for(
        &self,
        key: &OrganizationKey,
        public: &OrgPublicKey,
        now_ms: i64,
    ) -> EpochUse {
        let id = (key.organization_id, key.version);
        if let Ok(mut epochs) = self.0.lock() {
            if let Some(epoch) = epochs.get_mut(&id).filter(|epoch| epoch.open_at(now_ms)) {
                epoch.keys += 1;
                return EpochUse {
                    key: epoch.key.clone(),
                    began: false,
                };
            }
        }
        // Made outside the lock: the agreement takes a tenth of a millisecond, and
        // other organisations' requests need not wait for it. Two requests racing
        // here each begin an epoch; the later one is kept.
        let fresh = Arc::new(EpochKey::new(public));
        if let Ok(mut epochs) = self.0.lock() {
            epochs.retain(|_, epoch| epoch.open_at(now_ms));
            epochs.insert(
                id,
                Epoch {
                    key: fresh.clone(),
                    began_ms: now_ms,
                    keys: 1,
                },
            );
        }
        EpochUse {
            key: fresh,
            began: true,
        }
    }

    /// Forgets every epoch no longer open at `now_ms`.
    pub(crate) fn end_closed(&self, now_ms: i64) {
        if let Ok(mut epochs) = self.0.lock() {
            epochs.retain(|_, epoch| epoch.open_at(now_ms));
        }
    }

    /// Forgets every epoch (keys changed: a seal, a rotation, an unseal).
    pub(crate) fn clear(&self) {
        if let Ok(mut epochs) = self.0.lock() {
            epochs.clear();
        }
    }

    #[cfg(test)]
    fn open(&self) -> usize {
        self.0.lock().map(|epochs| epochs.len()).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use torchlight_crypto::envelope::DataKey;
    use torchlight_crypto::orgkey::OrgKeyPair;
    use uuid::Uuid;

    fn key_of(organization: u128, version: i64, pair: &OrgKeyPair) -> OrganizationKey {
        OrganizationKey {
            organization_id: OrganizationId::from_uuid(Uuid::from_u128(organization)),
            version,
            root_version: 1,
            public_key: pair.public.to_text(),
            wrapped_secret: Vec::new(),
            created_at_ms: 0,
            binding: None,
        }
    }

    #[test]
    fn an_epoch_is_shared_for_a_tenth_of_a_second_and_256_keys() {
        let pair = OrgKeyPair::generate();
        let key = key_of(1, 1, &pair);
        let epochs = WrapEpochs::default();
        let first = epochs.key_for(&key, &pair.public, 1_000);
        assert!(first.began);
        let same = epochs.key_for(&key, &pair.public, 1_099);
        assert!(!same.began);
        assert!(Arc::ptr_eq(&first.key, &same.key));
        assert!(
            epochs.key_for(&key, &pair.public, 1_100).began,
            "a tenth of a second on"
        );
        // A clock set back begins a new epoch too.
        assert!(epochs.key_for(&key, &pair.public, 900).began);
        for _ in 1..KEYS_PER_EPOCH {
            assert!(!epochs.key_for(&key, &pair.public, 900).began);
        }
        assert!(
            epochs.key_for(&key, &pair.public, 900).began,
            "after 256 keys"
        );
        // Every key wrapped in it unwraps with the organisation's secret.
        let data_key = DataKey::generate();
        let wrapped = first.key.wrap(&data_key);
        assert!(DataKey::unwrap(&wrapped, &pair.secret).is_ok());
    }

    #[test]
    fn each_organisation_key_has_its_own_epoch_and_ended_ones_are_forgotten() {
        let pair = OrgKeyPair::generate();
        let rotated = OrgKeyPair::generate();
        let epochs = WrapEpochs::default();
        let a = epochs.key_for(&key_of(1, 1, &pair), &pair.public, 0);
        let b = epochs.key_for(&key_of(2, 1, &pair), &pair.public, 0);
        let a2 = epochs.key_for(&key_of(1, 2, &rotated), &rotated.public, 0);
        assert!(a.began && b.began && a2.began);
        assert!(!Arc::ptr_eq(&a.key, &b.key) && !Arc::ptr_eq(&a.key, &a2.key));
        assert_eq!(epochs.open(), 3);
        epochs.end_closed(EPOCH_MS - 1);
        assert_eq!(epochs.open(), 3);
        epochs.end_closed(EPOCH_MS);
        assert_eq!(epochs.open(), 0);
        epochs.key_for(&key_of(1, 1, &pair), &pair.public, 0);
        epochs.clear();
        assert_eq!(epochs.open(), 0);
    }
}
