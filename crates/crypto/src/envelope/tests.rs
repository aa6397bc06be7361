#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;

use super::*;
use crate::orgkey::OrgKeyPair;

#[test]
fn fields_seal_and_open_with_their_context() {
    let key = DataKey::generate();
    let sealed = key.seal("case/42/narrative", b"what happened");
    assert_eq!(
        key.open("case/42/narrative", &sealed).unwrap().as_slice(),
        b"what happened"
    );
    assert_eq!(
        key.open("case/43/narrative", &sealed).unwrap_err(),
        CryptoError::Decrypt
    );
    assert_eq!(
        key.open("case/42/contacts", &sealed).unwrap_err(),
        CryptoError::Decrypt
    );
    assert_eq!(
        DataKey::generate()
            .open("case/42/narrative", &sealed)
            .unwrap_err(),
        CryptoError::Decrypt
    );
    let mut tampered = sealed.clone();
    let last = tampered.len() - 1;
    tampered[last] ^= 1;
    assert_eq!(
        key.open("case/42/narrative", &tampered).unwrap_err(),
        CryptoError::Decrypt
    );
    assert_eq!(
        key.open("case/42/narrative", &sealed[..10]).unwrap_err(),
        CryptoError::Malformed("sealed value")
    );
}

#[test]
fn data_keys_are_random() {
    assert_ne!(*DataKey::generate().0, *DataKey::generate().0);
}

#[test]
fn a_wrapped_key_unwraps_with_the_organisation_secret() {
    let org = OrgKeyPair::generate();
    let key = DataKey::generate();
    let wrapped = key.wrap(&org.public);
    assert!(
        wrapped.starts_with(b"age-encryption.org/v1\n"),
        "a binary age file"
    );
    let unwrapped = DataKey::unwrap(&wrapped, &org.secret).unwrap();
    assert_eq!(*unwrapped.0, *key.0);
    let sealed = key.seal("case/1/identity", b"name");
    assert_eq!(
        unwrapped
            .open("case/1/identity", &sealed)
            .unwrap()
            .as_slice(),
        b"name"
    );
}

#[test]
fn another_organisation_cannot_unwrap() {
    let key = DataKey::generate();
    let wrapped = key.wrap(&OrgKeyPair::generate().public);
    let stranger = OrgKeyPair::generate();
    assert_eq!(
        DataKey::unwrap(&wrapped, &stranger.secret).unwrap_err(),
        CryptoError::Decrypt
    );
}

#[test]
fn tampered_or_foreign_wrapped_keys_fail() {
    let org = OrgKeyPair::generate();
    let wrapped = DataKey::generate().wrap(&org.public);
    let mut tampered = wrapped.clone();
    let last = tampered.len() - 1;
    tampered[last] ^= 1;
    assert_eq!(
        DataKey::unwrap(&tampered, &org.secret).unwrap_err(),
        CryptoError::Decrypt
    );
    // Every single-byte change fails one way or the other.
    for i in 0..wrapped.len() {
        let mut tampered = wrapped.clone();
        tampered[i] ^= 0x04;
        assert!(DataKey::unwrap(&tampered, &org.secret).is_err(), "byte {i}");
    }
    assert_eq!(
        DataKey::unwrap(b"not an age file", &org.secret).unwrap_err(),
        CryptoError::Malformed("wrapped key")
    );
    assert_eq!(
        DataKey::unwrap(&[], &org.secret).unwrap_err(),
        CryptoError::Malformed("wrapped key")
    );
}

#[test]
fn an_age_file_holding_something_else_than_a_key_is_malformed() {
    let org = OrgKeyPair::generate();
    for length in [0, 31, 33, 100] {
        let file = age::encrypt(&org.public.0, &vec![7u8; length]).unwrap();
        assert_eq!(
            DataKey::unwrap(&file, &org.secret).unwrap_err(),
            CryptoError::Malformed("wrapped key"),
            "{length}"
        );
    }
}

#[test]
fn data_keys_do_not_print() {
    assert_eq!(format!("{:?}", DataKey::generate()), "DataKey(..)");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_field_round_trips(context in ".{0,40}", plaintext in proptest::collection::vec(any::<u8>(), 0..500)) {
        let key = DataKey::generate();
        let sealed = key.seal(&context, &plaintext);
        prop_assert_eq!(sealed.len(), 1 + 24 + plaintext.len() + 16);
        let opened = key.open(&context, &sealed).unwrap();
        prop_assert_eq!(opened.as_slice(), plaintext.as_slice());
    }
}

#[test]
fn keys_wrapped_in_one_epoch_unwrap_alone_each_to_its_own_key() {
    let org = OrgKeyPair::generate();
    let epoch = EpochKey::new(&org.public);
    let first = DataKey::generate();
    let second = DataKey::generate();
    let first_wrapped = epoch.wrap(&first);
    let second_wrapped = epoch.wrap(&second);
    drop(epoch);
    assert_eq!(
        *DataKey::unwrap(&first_wrapped, &org.secret).unwrap().0,
        *first.0
    );
    assert_eq!(
        *DataKey::unwrap(&second_wrapped, &org.secret).unwrap().0,
        *second.0
    );
    // The same data key wrapped twice gives two texts (fresh nonces).
    let again = EpochKey::new(&org.public);
    assert_ne!(again.wrap(&first), again.wrap(&first));
    // Keys wrapped alone still unwrap beside them.
    assert_eq!(
        *DataKey::unwrap(&first.wrap(&org.public), &org.secret)
            .unwrap()
            .0,
        *first.0
    );
}

#[test]
fn an_epoch_wrapped_key_refuses_another_secret_tampering_and_truncation() {
    let org = OrgKeyPair::generate();
    let other = OrgKeyPair::generate();
    let wrapped = EpochKey::new(&org.public).wrap(&DataKey::generate());
    assert_eq!(
        DataKey::unwrap(&wrapped, &other.secret).unwrap_err(),
        CryptoError::Decrypt
    );
    let mut tampered = wrapped.clone();
    let last = tampered.len() - 1;
    tampered[last] ^= 1;
    assert_eq!(
        DataKey::unwrap(&tampered, &org.secret).unwrap_err(),
        CryptoError::Decrypt
    );
    for cut in [
        EPOCH_MAGIC.len(),
        EPOCH_MAGIC.len() + 1,
        EPOCH_MAGIC.len() + 40,
    ] {
        assert_eq!(
            DataKey::unwrap(&wrapped[..cut], &org.secret).unwrap_err(),
            CryptoError::Malformed("wrapped key"),
            "cut at {cut}"
        );
    }
    // A sealed value too short to hold a nonce and a tag.
    let short = wrapped.len() - 40;
    assert!(DataKey::unwrap(&wrapped[..short], &org.secret).is_err());
}

#[test]
fn the_epoch_key_is_never_printed() {
    let org = OrgKeyPair::generate();
    assert_eq!(format!("{:?}", EpochKey::new(&org.public)), "EpochKey(..)");
}
