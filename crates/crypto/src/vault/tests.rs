#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;

/// The trustees' unsealing, and an arbitrary instant.
const TRUSTEES: &str = "trustees";
const T: i64 = 1_700_000_000_000;
use crate::keyring::{init_passphrase_with, init_shamir, parse_share};
use crate::orgkey::OrgKeyPair;

fn same_key(a: &RootKey, b: &RootKey) -> bool {
    b.open("probe", &a.seal("probe", b"probe")).is_ok()
}

/// Sealed, with `entered` of a 3-of-5 keyring's shares in, as one unsealing sees it.
fn sealed_with(entered: u8) -> SealStatus {
    SealStatus::Sealed {
        shares_entered: entered,
        threshold: 3,
    }
}

/// A share accepted, `entered` of 3 in.
fn pending(entered: u8) -> UnsealProgress {
    UnsealProgress::Pending {
        entered,
        threshold: 3,
    }
}

fn share(text: &Share) -> Share {
    parse_share(text.as_str()).unwrap()
}

#[test]
fn the_vault_is_shareable_between_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Vault>();
}

#[test]
fn a_new_vault_is_sealed() {
    let vault = Vault::sealed();
    assert!(vault.is_sealed());
    assert_eq!(
        vault.status(None, Some(TRUSTEES)),
        SealStatus::Sealed {
            shares_entered: 0,
            threshold: 0
        }
    );
    assert_eq!(vault.with_root(|_, _| ()).unwrap_err(), CryptoError::Sealed);
    assert_eq!(
        vault
            .organization_secret("ngo", 1, b"whatever")
            .unwrap_err(),
        CryptoError::Sealed
    );
}

#[test]
fn sealing_drops_the_keys() {
    let vault = Vault::sealed();
    let root = RootKey::from_bytes([1; 32]);
    let wrapped = OrgKeyPair::generate().secret.wrap(&root, "ngo", 1);
    vault.unseal_with_root(RootKey::from_bytes([1; 32]), 4);
    assert!(!vault.is_sealed());
    assert_eq!(vault.status(None, Some(TRUSTEES)), SealStatus::Unsealed);
    assert_eq!(
        vault
            .with_root(|key, version| (same_key(key, &root), version))
            .unwrap(),
        (true, 4)
    );
    vault.organization_secret("ngo", 1, &wrapped).unwrap();

    vault.seal();
    assert!(vault.is_sealed());
    assert_eq!(vault.with_root(|_, _| ()).unwrap_err(), CryptoError::Sealed);
    assert_eq!(
        vault.organization_secret("ngo", 1, &wrapped).unwrap_err(),
        CryptoError::Sealed
    );
    assert!(vault.read().organizations.is_empty());
}

#[test]
fn shares_are_entered_one_at_a_time() {
    let (record, root, shares) = init_shamir(3, 5, 1).unwrap();
    let vault = Vault::sealed();
    assert_eq!(vault.status(Some(&record), Some(TRUSTEES)), sealed_with(0));

    assert_eq!(
        vault
            .submit_share(&record, TRUSTEES, T, share(&shares[4]))
            .unwrap(),
        pending(1)
    );
    // The same share again, however typed, counts once.
    assert_eq!(
        vault
            .submit_share(&record, TRUSTEES, T, share(&shares[4]))
            .unwrap(),
        pending(1)
    );
    let shouted = parse_share(&shares[4].as_str().to_uppercase().replace('-', " ")).unwrap();
    assert_eq!(
        vault.submit_share(&record, TRUSTEES, T, shouted).unwrap(),
        pending(1)
    );
    assert_eq!(vault.status(Some(&record), Some(TRUSTEES)), sealed_with(1));

    assert_eq!(
        vault
            .submit_share(&record, TRUSTEES, T, share(&shares[1]))
            .unwrap(),
        pending(2)
    );
    assert!(vault.is_sealed());
    assert_eq!(
        vault
            .submit_share(&record, TRUSTEES, T, share(&shares[2]))
            .unwrap(),
        UnsealProgress::Unsealed
    );
    assert_eq!(
        vault.status(Some(&record), Some(TRUSTEES)),
        SealStatus::Unsealed
    );
    assert!(vault
        .with_root(|key, version| same_key(key, &root) && version == 1)
        .unwrap());
    assert!(vault.read().unsealings.is_empty());
    // Once unsealed, a further share changes nothing.
    assert_eq!(
        vault
            .submit_share(&record, TRUSTEES, T, share(&shares[3]))
            .unwrap(),
        UnsealProgress::Unsealed
    );
}

#[test]
fn a_wrong_combination_is_refused_and_forgotten() {
    let (record, _, shares) = init_shamir(3, 5, 1).unwrap();
    let (_, _, other) = init_shamir(3, 5, 1).unwrap();
    let vault = Vault::sealed();
    vault
        .submit_share(&record, TRUSTEES, T, share(&shares[0]))
        .unwrap();
    vault
        .submit_share(&record, TRUSTEES, T, share(&shares[1]))
        .unwrap();
    assert_eq!(
        vault
            .submit_share(&record, TRUSTEES, T, share(&other[2]))
            .unwrap_err(),
        CryptoError::Refused
    );
    assert!(vault.is_sealed());
    assert_eq!(vault.status(Some(&record), Some(TRUSTEES)), sealed_with(0));
    // The trustees start over and succeed.
    for i in [0, 1, 2] {
        vault
            .submit_share(&record, TRUSTEES, T, share(&shares[i]))
            .unwrap();
    }
    assert!(!vault.is_sealed());
}

#[test]
fn a_share_of_another_version_is_refused_and_clears_the_others() {
    let (record, _, shares) = init_shamir(2, 3, 2).unwrap();
    let (_, _, old) = init_shamir(2, 3, 1).unwrap();
    let vault = Vault::sealed();
    vault
        .submit_share(&record, TRUSTEES, T, share(&shares[0]))
        .unwrap();
    assert_eq!(
        vault
            .submit_share(&record, TRUSTEES, T, share(&old[1]))
            .unwrap_err(),
        CryptoError::Refused
    );
    assert_eq!(
        vault.status(Some(&record), Some(TRUSTEES)),
        SealStatus::Sealed {
            shares_entered: 0,
            threshold: 2
        }
    );
}

#[test]
fn passphrase_unsealing() {
    let (record, root) = init_passphrase_with("a long passphrase", 3, 64, 1, 1).unwrap();
    let vault = Vault::sealed();
    assert_eq!(
        vault.status(Some(&record), Some(TRUSTEES)),
        SealStatus::Sealed {
            shares_entered: 0,
            threshold: 0
        }
    );
    assert_eq!(
        vault
            .unseal_with_passphrase(&record, "a wrong passphrase")
            .unwrap_err(),
        CryptoError::Refused
    );
    assert!(vault.is_sealed());
    vault
        .unseal_with_passphrase(&record, "a long passphrase")
        .unwrap();
    assert!(vault
        .with_root(|key, version| same_key(key, &root) && version == 3)
        .unwrap());
    // Shares mean nothing to a passphrase keyring.
    let (_, _, shares) = init_shamir(2, 2, 3).unwrap();
    vault.seal();
    assert!(matches!(
        vault.submit_share(&record, TRUSTEES, T, share(&shares[0])),
        Err(CryptoError::Invalid(_))
    ));
}

#[test]
fn organisation_keys_are_unwrapped_once_and_cached_until_forgotten() {
    let root = RootKey::from_bytes([2; 32]);
    let pair = OrgKeyPair::generate();
    let wrapped = pair.secret.wrap(&root, "ngo", 1);
    let vault = Vault::sealed();
    vault.unseal_with_root(RootKey::from_bytes([2; 32]), 1);

    assert_eq!(
        vault
            .organization_secret("ngo", 1, &wrapped)
            .unwrap()
            .public(),
        pair.public
    );
    // Cached: the wrapped bytes are not looked at again.
    assert_eq!(
        vault
            .organization_secret("ngo", 1, b"ignored")
            .unwrap()
            .public(),
        pair.public
    );
    // Another version is another key.
    assert_eq!(
        vault.organization_secret("ngo", 2, &wrapped).unwrap_err(),
        CryptoError::Decrypt
    );

    vault.forget_organization_keys();
    assert!(vault.organization_secret("ngo", 1, b"ignored").is_err());
    assert!(!vault.is_sealed(), "forgetting keeps the root");
    assert_eq!(
        vault
            .organization_secret("ngo", 1, &wrapped)
            .unwrap()
            .public(),
        pair.public
    );
}

#[test]
fn with_root_may_call_back_into_the_vault() {
    let root = RootKey::from_bytes([2; 32]);
    let pair = OrgKeyPair::generate();
    let wrapped = pair.secret.wrap(&root, "ngo", 1);
    let vault = Vault::sealed();
    vault.unseal_with_root(root, 1);
    let public = vault
        .with_root(|_, _| {
            vault
                .organization_secret("ngo", 1, &wrapped)
                .map(|s| s.public())
        })
        .unwrap();
    assert_eq!(public.unwrap(), pair.public);
    vault.with_root(|_, _| vault.seal()).unwrap();
    assert!(vault.is_sealed());
}

#[test]
fn a_poisoned_lock_seals_instead_of_panicking() {
    let vault = std::sync::Arc::new(Vault::sealed());
    vault.unseal_with_root(RootKey::from_bytes([2; 32]), 1);
    let poisoner = std::sync::Arc::clone(&vault);
    let result = std::thread::spawn(move || {
        let _guard = poisoner.keys.write().unwrap();
        panic!("a thread dies holding the lock");
    })
    .join();
    assert!(result.is_err());
    assert!(vault.keys.is_poisoned());
    assert!(vault.is_sealed());
    vault.unseal_with_root(RootKey::from_bytes([2; 32]), 1);
    assert!(!vault.is_sealed());
}

#[test]
fn another_share_with_a_number_already_entered_is_refused_not_dropped() {
    let (record, _, shares) = init_shamir(3, 5, 1).unwrap();
    let (_, _, other) = init_shamir(3, 5, 1).unwrap();
    let vault = Vault::sealed();
    vault
        .submit_share(&record, TRUSTEES, T, share(&shares[0]))
        .unwrap();
    // The same share again counts once.
    assert_eq!(
        vault
            .submit_share(&record, TRUSTEES, T, share(&shares[0]))
            .unwrap(),
        pending(1)
    );
    // A foreign share carrying the same number is not silently ignored.
    assert_eq!(
        vault
            .submit_share(&record, TRUSTEES, T, share(&other[0]))
            .unwrap_err(),
        CryptoError::Refused
    );
    assert_eq!(vault.status(Some(&record), Some(TRUSTEES)), sealed_with(0));
}

#[test]
fn a_strangers_share_neither_discards_nor_sees_the_trustees_ones() {
    let (record, root, shares) = init_shamir(3, 5, 1).unwrap();
    let (_, _, other) = init_shamir(3, 5, 1).unwrap();
    let vault = Vault::sealed();
    vault
        .submit_share(&record, TRUSTEES, T, share(&shares[0]))
        .unwrap();
    vault
        .submit_share(&record, TRUSTEES, T, share(&shares[1]))
        .unwrap();
    // A stranger's made-up share with a number the trustees used, and a bad
    // combination of the stranger's own: refused, in the stranger's unsealing.
    assert_eq!(
        vault
            .submit_share(&record, "stranger", T, share(&other[0]))
            .unwrap(),
        pending(1)
    );
    vault
        .submit_share(&record, "stranger", T, share(&other[1]))
        .unwrap();
    assert_eq!(
        vault
            .submit_share(&record, "stranger", T, share(&shares[2]))
            .unwrap_err(),
        CryptoError::Refused
    );
    // Nobody else sees how far the trustees are.
    for viewer in [None, Some("stranger")] {
        assert_eq!(vault.status(Some(&record), viewer), sealed_with(0));
    }
    assert_eq!(vault.status(Some(&record), Some(TRUSTEES)), sealed_with(2));
    // The trustees' third share unseals.
    assert_eq!(
        vault
            .submit_share(&record, TRUSTEES, T, share(&shares[3]))
            .unwrap(),
        UnsealProgress::Unsealed
    );
    assert!(vault.with_root(|key, _| same_key(key, &root)).unwrap());
}

#[test]
fn unsealings_are_bounded_and_lapse_without_pushing_one_out() {
    let (record, _, shares) = init_shamir(3, 5, 1).unwrap();
    let vault = Vault::sealed();
    vault
        .submit_share(&record, TRUSTEES, T, share(&shares[0]))
        .unwrap();
    for n in 1..MOST_UNSEALINGS {
        vault
            .submit_share(&record, &format!("flood-{n}"), T, share(&shares[1]))
            .unwrap();
    }
    assert_eq!(
        vault
            .submit_share(&record, "one-too-many", T, share(&shares[1]))
            .unwrap_err(),
        CryptoError::TooManyUnsealings
    );
    // The trustees' unsealing goes on.
    assert_eq!(
        vault
            .submit_share(&record, TRUSTEES, T + 1, share(&shares[2]))
            .unwrap(),
        pending(2)
    );
    // Half an hour on, every unsealing has lapsed and a new one may begin.
    let later = T + UNSEALING_LASTS_MS;
    assert_eq!(
        vault
            .submit_share(&record, "next", later, share(&shares[1]))
            .unwrap(),
        pending(1)
    );
    assert_eq!(vault.status(Some(&record), Some(TRUSTEES)), sealed_with(0));
}
