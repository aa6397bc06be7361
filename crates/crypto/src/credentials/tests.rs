#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;

#[test]
fn the_password_policy_counts_characters() {
    assert_eq!(
        check_password_policy("elevenchars"),
        Err(PasswordPolicyError::TooShort)
    );
    assert_eq!(
        check_password_policy(""),
        Err(PasswordPolicyError::TooShort)
    );
    assert_eq!(check_password_policy("twelve chars"), Ok(()));
    // 11 Cyrillic letters are 22 bytes but still too few characters ...
    assert_eq!(
        check_password_policy("пароль пар1"),
        Err(PasswordPolicyError::TooShort)
    );
    // ... and 12 are enough.
    assert_eq!(check_password_policy("пароль парол"), Ok(()));
    assert_eq!(check_password_policy(&"я".repeat(256)), Ok(()));
    assert_eq!(
        check_password_policy(&"a".repeat(257)),
        Err(PasswordPolicyError::TooLong)
    );
    assert_eq!(
        PasswordPolicyError::TooShort.to_string(),
        "the password must have at least 12 characters"
    );
}

#[test]
fn passwords_hash_with_argon2id_and_verify() {
    let hash = hash_password("a long enough password").unwrap();
    assert!(
        hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
        "{hash}"
    );
    assert!(verify_password(&hash, "a long enough password"));
    assert!(!verify_password(&hash, "a long enough passwore"));
    assert!(!verify_password(&hash, ""));
    assert_ne!(
        hash,
        hash_password("a long enough password").unwrap(),
        "a fresh salt each time"
    );
}

#[test]
fn hashes_made_with_other_parameters_still_verify() {
    let params = Params::new(1024, 1, 1, None).unwrap();
    let salt = [5u8; 16];
    let old = Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_with_salt(b"an older password", &salt)
        .unwrap()
        .to_string();
    assert!(old.contains("m=1024,t=1,p=1"));
    assert!(verify_password(&old, "an older password"));
    assert!(!verify_password(&old, "another password"));
}

#[test]
fn malformed_hashes_never_verify() {
    for phc in [
        "",
        "plain text",
        "$argon2id$",
        "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$",
    ] {
        assert!(!verify_password(phc, "whatever"), "{phc}");
    }
}

#[test]
fn the_dummy_verification_runs() {
    verify_against_dummy("some password");
    verify_against_dummy("some password");
}

fn rfc_secret() -> TotpSecret {
    TotpSecret::from_bytes(b"12345678901234567890").unwrap()
}

#[test]
fn totp_matches_the_rfc_6238_vectors() {
    // RFC 6238 appendix B (SHA-1), last 6 of the 8 digits.
    let secret = rfc_secret();
    for (time, code) in [
        (59, "287082"),
        (1_111_111_109, "081804"),
        (1_111_111_111, "050471"),
        (1_234_567_890, "005924"),
        (2_000_000_000, "279037"),
        (20_000_000_000, "353130"),
    ] {
        assert_eq!(secret.code_at(time), code, "T = {time}");
    }
}

#[test]
fn totp_accepts_one_step_of_drift_either_way() {
    let secret = rfc_secret();
    let now = 1_234_567_890;
    let step = (now / 30) as i64;
    assert_eq!(secret.verify("005924", now, None), Some(step));
    assert_eq!(
        secret.verify(&secret.code_at(now - 30), now, None),
        Some(step - 1)
    );
    assert_eq!(
        secret.verify(&secret.code_at(now + 30), now, None),
        Some(step + 1)
    );
    assert_eq!(secret.verify(&secret.code_at(now - 60), now, None), None);
    assert_eq!(secret.verify(&secret.code_at(now + 60), now, None), None);
}

#[test]
fn totp_refuses_a_replayed_code() {
    let secret = rfc_secret();
    let now = 1_234_567_890;
    let used = secret.verify("005924", now, None).unwrap();
    assert_eq!(secret.verify("005924", now, Some(used)), None);
    assert_eq!(secret.verify("005924", now + 10, Some(used)), None);
    // An older code after a newer one was used is a replay too.
    assert_eq!(
        secret.verify(&secret.code_at(now - 30), now, Some(used)),
        None
    );
    // The next step's code is still good.
    assert_eq!(
        secret.verify(&secret.code_at(now + 30), now + 30, Some(used)),
        Some(used + 1)
    );
    assert_eq!(secret.verify("005924", now, Some(used - 1)), Some(used));
}

#[test]
fn totp_codes_forgive_spaces_but_not_other_characters() {
    let secret = rfc_secret();
    let now = 1_234_567_890;
    assert!(secret.verify("005 924", now, None).is_some());
    assert!(secret.verify(" 005924\n", now, None).is_some());
    for code in [
        "",
        "00592",
        "0059245",
        "00592a",
        "005-924",
        "٠٠٥٩٢٤",
        "+05924",
    ] {
        assert_eq!(secret.verify(code, now, None), None, "{code}");
    }
}

#[test]
fn totp_near_the_epoch_does_not_underflow() {
    let secret = rfc_secret();
    assert_eq!(secret.verify(&secret.code_at(0), 0, None), Some(0));
    assert_eq!(secret.verify(&secret.code_at(0), u64::MAX, None), None);
}

#[test]
fn totp_secrets() {
    let secret = TotpSecret::generate();
    assert_eq!(secret.as_bytes().len(), 20);
    assert_ne!(secret.as_bytes(), TotpSecret::generate().as_bytes());
    assert_eq!(secret.to_base32().len(), 32);
    assert_eq!(rfc_secret().to_base32(), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    assert_eq!(
        TotpSecret::from_bytes(&[1; 15]).unwrap_err(),
        CryptoError::Malformed("TOTP secret")
    );
    assert_eq!(format!("{:?}", rfc_secret()), "TotpSecret(..)");
}

#[test]
fn the_otpauth_uri_is_percent_encoded() {
    let uri = rfc_secret().otpauth_uri("Torchlight Demo", "ana@example.org");
    assert_eq!(
        uri,
        "otpauth://totp/Torchlight%20Demo:ana%40example.org?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ\
         &issuer=Torchlight%20Demo&algorithm=SHA1&digits=6&period=30"
    );
    let uri = rfc_secret().otpauth_uri("a:b&c", "Дина");
    assert!(
        uri.starts_with("otpauth://totp/a%3Ab%26c:%D0%94%D0%B8%D0%BD%D0%B0?"),
        "{uri}"
    );
}

#[test]
fn recovery_codes_are_four_groups_of_four() {
    let codes = generate_recovery_codes(10);
    assert_eq!(codes.len(), 10);
    for code in &codes {
        let groups: Vec<&str> = code.split('-').collect();
        assert_eq!(groups.len(), 4, "{}", code.as_str());
        assert!(groups.iter().all(|g| g.len() == 4
            && g.chars()
                .all(|c| c.is_ascii_lowercase() || ('2'..='7').contains(&c))));
    }
    let mut unique: Vec<&str> = codes.iter().map(|c| c.as_str()).collect();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), 10);
    assert!(generate_recovery_codes(0).is_empty());
}

#[test]
fn recovery_code_digests_forgive_case_spaces_and_dashes() {
    let digest = recovery_code_digest("abcd-efgh-ijkl-mnop");
    assert_eq!(digest.len(), 64);
    assert!(digest
        .chars()
        .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
    for typed in [
        "abcdefghijklmnop",
        "ABCD-EFGH-IJKL-MNOP",
        "abcd efgh ijkl mnop",
        " Abcd-efgh - ijkl-mnop\n",
        "ab-cd-ef-gh-ij-kl-mn-op",
    ] {
        assert_eq!(recovery_code_digest(typed), digest, "{typed}");
    }
    assert_ne!(recovery_code_digest("abcd-efgh-ijkl-mnoq"), digest);
    // The digest of a fresh code matches what its owner types back.
    let code = generate_recovery_codes(1).remove(0);
    assert_eq!(
        recovery_code_digest(&code.to_uppercase().replace('-', " ")),
        recovery_code_digest(&code)
    );
}

#[test]
fn tokens_are_long_random_and_url_safe() {
    let tokens: Vec<String> = (0..200).map(|_| random_token()).collect();
    for token in &tokens {
        assert_eq!(token.len(), 43);
        assert!(
            token
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
            "{token}"
        );
    }
    let mut unique = tokens.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), tokens.len());
}

#[test]
fn token_digests_are_hex_sha256() {
    assert_eq!(
        token_digest("abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    assert_ne!(token_digest("abd"), token_digest("abc"));
}

#[test]
fn constant_time_equality() {
    assert!(constant_time_eq(b"same", b"same"));
    assert!(constant_time_eq(b"", b""));
    assert!(!constant_time_eq(b"same", b"sane"));
    assert!(!constant_time_eq(b"same", b"same "));
}
