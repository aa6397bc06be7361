#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;

#[test]
fn public_keys_print_and_parse_as_age_recipients() {
    let pair = OrgKeyPair::generate();
    let text = pair.public.to_text();
    assert!(text.starts_with("age1"), "{text}");
    assert_eq!(OrgPublicKey::parse(&text).unwrap(), pair.public);
    assert_eq!(
        OrgPublicKey::parse(&format!(" {text}\n")).unwrap(),
        pair.public
    );
    assert_eq!(pair.secret.public(), pair.public);
    assert_ne!(OrgKeyPair::generate().public, pair.public);
}

#[test]
fn malformed_public_keys_are_refused() {
    for text in ["", "age1", "not a key", "AGE-SECRET-KEY-1QQQQ"] {
        assert_eq!(
            OrgPublicKey::parse(text).unwrap_err(),
            CryptoError::Malformed("organisation public key")
        );
    }
}

#[test]
fn secret_keys_wrap_and_unwrap_under_the_root_key() {
    let root = RootKey::from_bytes([3; 32]);
    let pair = OrgKeyPair::generate();
    let wrapped = pair.secret.wrap(&root, "ngo-kg", 2);
    let secret = OrgSecretKey::unwrap(&root, "ngo-kg", 2, &wrapped).unwrap();
    assert_eq!(secret.public(), pair.public);
}

#[test]
fn a_wrapped_secret_opens_only_for_its_organisation_version_and_root() {
    let root = RootKey::from_bytes([3; 32]);
    let wrapped = OrgKeyPair::generate().secret.wrap(&root, "ngo-kg", 2);
    assert_eq!(
        OrgSecretKey::unwrap(&root, "ngo-kz", 2, &wrapped).unwrap_err(),
        CryptoError::Decrypt
    );
    assert_eq!(
        OrgSecretKey::unwrap(&root, "ngo-kg", 3, &wrapped).unwrap_err(),
        CryptoError::Decrypt
    );
    let other_root = RootKey::from_bytes([4; 32]);
    assert_eq!(
        OrgSecretKey::unwrap(&other_root, "ngo-kg", 2, &wrapped).unwrap_err(),
        CryptoError::Decrypt
    );
    assert_eq!(
        OrgSecretKey::unwrap(&root, "ngo-kg", 2, b"junk").unwrap_err(),
        CryptoError::Malformed("sealed value")
    );
}

#[test]
fn a_sealed_value_that_is_not_a_key_is_malformed() {
    let root = RootKey::from_bytes([3; 32]);
    let wrapped = root.seal("org-key/ngo-kg/1", b"not an age identity");
    assert_eq!(
        OrgSecretKey::unwrap(&root, "ngo-kg", 1, &wrapped).unwrap_err(),
        CryptoError::Malformed("organisation secret key")
    );
}

#[test]
fn secret_keys_do_not_print() {
    let pair = OrgKeyPair::generate();
    assert_eq!(format!("{:?}", pair.secret), "OrgSecretKey(..)");
    assert!(format!("{:?}", pair.public).starts_with("OrgPublicKey(age1"));
}
