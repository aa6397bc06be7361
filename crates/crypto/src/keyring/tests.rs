#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;

use super::*;

/// Cheap Argon2 costs so tests that only need *a* passphrase record stay fast.
pub(crate) fn cheap_passphrase_record(passphrase: &str, version: u32) -> (KeyringRecord, RootKey) {
    init_passphrase_with(passphrase, version, 64, 1, 1).unwrap()
}

/// Whether two root keys are the same key, seen only through seal and open.
fn same_key(a: &RootKey, b: &RootKey) -> bool {
    b.open("probe", &a.seal("probe", b"probe")).is_ok()
}

#[test]
fn seal_and_open_round_trip() {
    let root = RootKey::from_bytes([7; 32]);
    let sealed = root.seal("org-key/ngo/1", b"secret");
    assert_eq!(sealed[0], 1);
    assert_eq!(sealed.len(), 1 + 24 + 6 + 16);
    assert_eq!(
        root.open("org-key/ngo/1", &sealed).unwrap().as_slice(),
        b"secret"
    );
    // A fresh nonce each time.
    assert_ne!(sealed, root.seal("org-key/ngo/1", b"secret"));
}

#[test]
fn open_refuses_wrong_key_wrong_context_and_tampering() {
    let root = RootKey::from_bytes([7; 32]);
    let sealed = root.seal("context", b"plaintext");
    assert_eq!(
        RootKey::from_bytes([8; 32])
            .open("context", &sealed)
            .unwrap_err(),
        CryptoError::Decrypt
    );
    assert_eq!(
        root.open("other context", &sealed).unwrap_err(),
        CryptoError::Decrypt
    );
    for i in 1..sealed.len() {
        let mut tampered = sealed.clone();
        tampered[i] ^= 0x01;
        assert_eq!(
            root.open("context", &tampered).unwrap_err(),
            CryptoError::Decrypt,
            "byte {i}"
        );
    }
    let mut unknown_version = sealed.clone();
    unknown_version[0] = 2;
    assert_eq!(
        root.open("context", &unknown_version).unwrap_err(),
        CryptoError::Malformed("sealed value")
    );
    assert_eq!(
        root.open("context", &sealed[..40]).unwrap_err(),
        CryptoError::Malformed("sealed value")
    );
    assert_eq!(
        root.open("context", &[]).unwrap_err(),
        CryptoError::Malformed("sealed value")
    );
}

#[test]
fn passphrase_with_the_real_costs_unlocks_and_refuses_a_wrong_one() {
    let (record, root) = init_passphrase("correct horse battery staple", 1).unwrap();
    assert_eq!(record.version, 1);
    let SealMode::Passphrase {
        salt,
        memory_kib,
        iterations,
        parallelism,
    } = &record.mode
    else {
        panic!("passphrase mode expected");
    };
    assert_eq!((*memory_kib, *iterations, *parallelism), (65_536, 3, 1));
    assert_eq!(BASE64.decode(salt.as_bytes()).unwrap().len(), 16);

    let again = unlock_passphrase(&record, "correct horse battery staple").unwrap();
    assert!(same_key(&root, &again));
    assert_eq!(
        unlock_passphrase(&record, "correct horse battery stable").unwrap_err(),
        CryptoError::Refused
    );
}

#[test]
fn a_short_passphrase_is_refused_in_plain_english() {
    let error = init_passphrase("short", 1).unwrap_err();
    assert_eq!(
        error,
        CryptoError::Invalid("the passphrase must have at least 12 characters".to_owned())
    );
    // Characters are counted, not bytes: 11 two-byte letters are too few ...
    assert!(matches!(
        init_passphrase("ééééééééééé", 1),
        Err(CryptoError::Invalid(_))
    ));
    // ... and 12 are enough.
    assert!(init_passphrase_with("éééééééééééé", 1, 64, 1, 1).is_ok());
}

#[test]
fn each_passphrase_record_has_its_own_salt_and_key() {
    let (first, first_root) = cheap_passphrase_record("the same passphrase", 1);
    let (second, second_root) = cheap_passphrase_record("the same passphrase", 1);
    assert_ne!(first.mode, second.mode);
    assert!(!same_key(&first_root, &second_root));
    assert!(same_key(
        &first_root,
        &unlock_passphrase(&first, "the same passphrase").unwrap()
    ));
}

#[test]
fn the_check_value_is_bound_to_the_version() {
    let (mut record, _) = cheap_passphrase_record("a long passphrase", 1);
    record.version = 2;
    assert_eq!(
        unlock_passphrase(&record, "a long passphrase").unwrap_err(),
        CryptoError::Refused
    );
}

#[test]
fn version_zero_is_refused() {
    assert!(matches!(
        init_passphrase_with("a long passphrase", 0, 64, 1, 1),
        Err(CryptoError::Invalid(_))
    ));
    assert!(matches!(init_shamir(2, 3, 0), Err(CryptoError::Invalid(_))));
}

#[test]
fn modes_do_not_mix() {
    let (passphrase_record, _) = cheap_passphrase_record("a long passphrase", 1);
    let (shamir_record, _, shares) = init_shamir(2, 3, 1).unwrap();
    assert!(matches!(
        unlock_passphrase(&shamir_record, "a long passphrase"),
        Err(CryptoError::Invalid(_))
    ));
    assert!(matches!(
        combine_shares(&passphrase_record, &shares),
        Err(CryptoError::Invalid(_))
    ));
}

/// Every `k`-element subset of `0..n`.
fn subsets(n: usize, k: usize) -> Vec<Vec<usize>> {
    (0u32..(1 << n))
        .filter(|mask| mask.count_ones() as usize == k)
        .map(|mask| (0..n).filter(|i| mask & (1 << i) != 0).collect())
        .collect()
}

fn pick(shares: &[Share], indices: &[usize]) -> Vec<Share> {
    indices
        .iter()
        .map(|&i| parse_share(shares[i].as_str()).unwrap())
        .collect()
}

#[test]
fn any_three_of_five_shares_recover_the_root() {
    let (record, root, shares) = init_shamir(3, 5, 1).unwrap();
    assert_eq!(
        record.mode,
        SealMode::Shamir {
            threshold: 3,
            shares: 5
        }
    );
    assert_eq!(shares.len(), 5);
    let combos = subsets(5, 3);
    assert_eq!(combos.len(), 10);
    for combo in combos
        .iter()
        .chain(subsets(5, 4).iter())
        .chain(subsets(5, 5).iter())
    {
        let recovered = combine_shares(&record, &pick(&shares, combo)).unwrap();
        assert!(same_key(&root, &recovered), "{combo:?}");
    }
}

#[test]
fn too_few_shares_are_counted_in_the_error() {
    let (record, _, shares) = init_shamir(3, 5, 1).unwrap();
    let error = combine_shares(&record, &pick(&shares, &[0, 3])).unwrap_err();
    assert_eq!(
        error,
        CryptoError::Invalid("2 of 3 shares entered; 3 different shares are needed".to_owned())
    );
    // The same share twice counts once.
    let error = combine_shares(&record, &pick(&shares, &[0, 0, 3])).unwrap_err();
    assert!(matches!(error, CryptoError::Invalid(message) if message.starts_with("2 of 3")));
    assert!(matches!(
        combine_shares(&record, &[]),
        Err(CryptoError::Invalid(_))
    ));
}

#[test]
fn a_share_from_another_split_is_refused() {
    let (record, _, shares) = init_shamir(3, 5, 1).unwrap();
    let (_, _, other) = init_shamir(3, 5, 1).unwrap();
    let mut mixed = pick(&shares, &[0, 1]);
    mixed.push(parse_share(other[2].as_str()).unwrap());
    assert_eq!(
        combine_shares(&record, &mixed).unwrap_err(),
        CryptoError::Refused
    );
    // A fourth, wrong share spoils three good ones too: every share given is used.
    let mut four = pick(&shares, &[0, 1, 2]);
    four.push(parse_share(other[3].as_str()).unwrap());
    assert_eq!(
        combine_shares(&record, &four).unwrap_err(),
        CryptoError::Refused
    );
}

#[test]
fn shares_of_another_version_are_refused() {
    let (record, _, _) = init_shamir(2, 3, 2).unwrap();
    let (_, _, old) = init_shamir(2, 3, 1).unwrap();
    assert_eq!(
        combine_shares(&record, &pick(&old, &[0, 1])).unwrap_err(),
        CryptoError::Refused
    );
}

#[test]
fn shamir_parameters_are_checked() {
    for (threshold, shares, says) in [
        (1, 3, "at least 2"),
        (0, 3, "at least 2"),
        (4, 3, "more shares (4) than it makes (3)"),
        (3, 17, "at most 16"),
    ] {
        match init_shamir(threshold, shares, 1) {
            Err(CryptoError::Invalid(message)) => assert!(message.contains(says), "{message}"),
            other => panic!("{threshold}-of-{shares}: {:?}", other.map(|_| ())),
        }
    }
    assert_eq!(init_shamir(2, 16, 1).unwrap().2.len(), 16);
    assert_eq!(init_shamir(2, 2, 1).unwrap().2.len(), 2);
}

#[test]
fn shares_print_in_the_documented_form() {
    let (_, _, shares) = init_shamir(2, 3, 7).unwrap();
    for (i, share) in shares.iter().enumerate() {
        let text = share.as_str();
        let prefix = format!("tl1-7-{}-", i + 1);
        assert!(text.starts_with(&prefix), "{text}");
        let parts: Vec<&str> = text[prefix.len()..].split('-').collect();
        // 32 bytes are 52 base32 letters: 13 groups of 4, then the checksum.
        assert_eq!(parts.len(), 14, "{text}");
        assert!(parts.iter().all(|part| part.len() == 4));
        assert!(text[prefix.len()..]
            .chars()
            .all(|c| c == '-' || c.is_ascii_lowercase() || ('2'..='7').contains(&c)));
        assert_eq!(format!("{share:?}"), "Share(..)");
    }
}

#[test]
fn parsing_forgives_case_spaces_and_dashes() {
    let canonical = encode_share(1, 3, &[0x5a; 32]);
    let share = parse_share(&canonical).unwrap();
    assert_eq!(share.as_str(), canonical.as_str());
    let shouted = canonical.to_uppercase();
    let spaced = canonical.replace('-', " - ");
    let doubled = canonical.replace('-', "--");
    let spaces_for_dashes = canonical.replace('-', " ");
    let run_together = {
        // Dashes between the groups left out; those after the index and before
        // the checksum kept.
        let (head, tail) = canonical.split_at(8);
        let (groups, checksum) = tail.split_at(tail.len() - 5);
        format!("{head}{}{checksum}", groups.replace('-', ""))
    };
    for variant in [
        shouted,
        spaced,
        doubled,
        spaces_for_dashes,
        run_together,
        format!("  {}\n", canonical.as_str()),
    ] {
        assert_eq!(
            parse_share(&variant).unwrap().as_str(),
            canonical.as_str(),
            "{variant}"
        );
    }
}

#[test]
fn digits_zero_and_one_are_read_as_o_and_l() {
    // Find a share whose letters include an "l", and type it as the digit 1.
    let canonical = (0u8..=255)
        .map(|b| encode_share(1, 2, &[b; 32]))
        .find(|text| text[8..].contains('l'))
        .unwrap();
    let typed = format!("{}{}", &canonical[..8], canonical[8..].replace('l', "1"));
    assert_eq!(parse_share(&typed).unwrap().as_str(), canonical.as_str());
}

#[test]
fn a_typo_is_caught_by_the_checksum() {
    let canonical = encode_share(1, 3, &[0x5a; 32]);
    let bytes = canonical.as_bytes();
    // Change every base32 letter in turn to another letter.
    for (i, &c) in bytes.iter().enumerate().skip(8) {
        if c == b'-' {
            continue;
        }
        let replacement = if c == b'a' { 'b' } else { 'a' };
        let mut typo = canonical.to_string();
        typo.replace_range(i..=i, &replacement.to_string());
        assert_eq!(
            parse_share(&typo).unwrap_err(),
            CryptoError::Malformed("share"),
            "{typo}"
        );
    }
    // A changed index or version changes the checksum too.
    assert!(parse_share(&canonical.replacen("tl1-1-3-", "tl1-1-4-", 1)).is_err());
    assert!(parse_share(&canonical.replacen("tl1-1-3-", "tl1-2-3-", 1)).is_err());
    // Two letters swapped.
    let mut swapped = canonical.to_string().into_bytes();
    swapped.swap(8, 9);
    if swapped[8] != swapped[9] {
        assert!(parse_share(std::str::from_utf8(&swapped).unwrap()).is_err());
    }
}

#[test]
fn malformed_shares_are_refused() {
    for text in [
        "",
        "tl1",
        "tl1-1-3",
        "tl2-1-3-abcd-efgh",
        "hello world",
        "tl1-x-3-abcd-abcd",
        "tl1-1-0-abcd-abcd",
        "tl1-1-300-abcd-abcd",
    ] {
        assert_eq!(
            parse_share(text).unwrap_err(),
            CryptoError::Malformed("share"),
            "{text}"
        );
    }
    // Right checksum, wrong length of key bytes.
    let short = encode_share(1, 3, &[1; 16]);
    assert_eq!(
        parse_share(&short).unwrap_err(),
        CryptoError::Malformed("share")
    );
}

#[test]
fn keys_do_not_print() {
    assert_eq!(format!("{:?}", RootKey::from_bytes([9; 32])), "RootKey(..)");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn sealed_values_open_only_as_sealed(
        key in any::<[u8; 32]>(),
        context in ".{0,40}",
        plaintext in proptest::collection::vec(any::<u8>(), 0..300),
        flip in any::<prop::sample::Index>(),
    ) {
        let root = RootKey::from_bytes(key);
        let sealed = root.seal(&context, &plaintext);
        let opened = root.open(&context, &sealed).unwrap();
        prop_assert_eq!(opened.as_slice(), plaintext.as_slice());
        let mut tampered = sealed.clone();
        let i = flip.index(tampered.len());
        tampered[i] ^= 0x80;
        prop_assert!(root.open(&context, &tampered).is_err());
        let other_context = format!("{context}!");
        prop_assert_eq!(root.open(&other_context, &sealed).unwrap_err(), CryptoError::Decrypt);
    }

    #[test]
    fn shares_survive_printing_and_parsing(version in 1u32..1000, index in 1u8..=255, y in any::<[u8; 32]>()) {
        let text = encode_share(version, index, &y);
        let decoded = decode_share(&text.to_uppercase()).unwrap();
        prop_assert_eq!(decoded.version, version);
        prop_assert_eq!(decoded.index, index);
        prop_assert_eq!(decoded.y.as_slice(), &y[..]);
    }
}

#[test]
fn the_printed_share_format_is_stable() {
    // Pinned: shares printed on paper today must parse in every later release.
    let text = "tl1-1-3-lhpc-wljl-otmp-sop3-j5gy-dgm7-q4zh-knzp-sxue-6htb-x2ks-gmvt-t7ba-4cs6";
    let decoded = decode_share(text).unwrap();
    assert_eq!((decoded.version, decoded.index), (1, 3));
    assert_eq!(encode_share(1, 3, &decoded.y).as_str(), text);
}
