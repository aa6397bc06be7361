#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;

use super::*;

fn event(i: i64) -> AuditEvent {
    AuditEvent {
        at_ms: 1_700_000_000_000 + i * 1_000,
        actor: format!("user-{}", i % 3),
        organization: if i % 2 == 0 {
            Some("ngo-kg".to_owned())
        } else {
            None
        },
        action: if i % 4 == 0 {
            "case.view".to_owned()
        } else {
            "case.update".to_owned()
        },
        object: if i % 3 == 0 {
            None
        } else {
            Some(format!("case-{i}"))
        },
    }
}

fn signer() -> Signer {
    Signer::derive(&crate::keyring::RootKey::from_bytes([9; 32]), 1)
}

fn signers() -> BTreeMap<u32, SignerPublicKey> {
    BTreeMap::from([(1, signer().public_key())])
}

fn build(events: impl IntoIterator<Item = AuditEvent>) -> Vec<ChainedEntry> {
    let mut entries: Vec<ChainedEntry> = Vec::new();
    for event in events {
        let entry = chain(entries.last(), event, Some(&signer()));
        entries.push(entry);
    }
    entries
}

/// The first break in `entries`, checked in one pass.
fn verify(entries: &[ChainedEntry]) -> Result<u64, ChainBreak> {
    let mut verifier = ChainVerifier::new(signers());
    for entry in entries {
        verifier.check(entry)?;
    }
    Ok(verifier.checked())
}

#[test]
fn entries_link_from_genesis() {
    let entries = build((1..=5).map(event));
    assert_eq!(entries[0].seq, 1);
    assert_eq!(entries[0].prev_hash, GENESIS);
    for pair in entries.windows(2) {
        assert_eq!(pair[1].seq, pair[0].seq + 1);
        assert_eq!(pair[1].prev_hash, pair[0].hash);
    }
    for entry in &entries {
        assert_eq!(
            entry.hash,
            entry_hash(&entry.prev_hash, entry.seq, &entry.event)
        );
    }
}

#[test]
fn an_intact_chain_verifies_in_batches() {
    let entries = build((1..=10).map(event));
    let mut verifier = ChainVerifier::new(signers());
    assert_eq!(verifier.head(), None);
    for batch in entries.chunks(3) {
        for entry in batch {
            verifier.check(entry).unwrap();
        }
    }
    assert_eq!(verifier.checked(), 10);
    assert_eq!(verifier.head(), Some(entries[9].hash));
}

#[test]
fn editing_any_field_is_reported_as_altered_at_that_entry() {
    let entries = build((1..=6).map(event));
    type Edit = fn(&mut ChainedEntry);
    let edits: Vec<(&str, Edit)> = vec![
        ("at_ms", |e| e.event.at_ms += 1),
        ("actor", |e| e.event.actor.push('x')),
        ("organization", |e| {
            e.event.organization = Some("other".to_owned())
        }),
        ("organization removed", |e| e.event.organization = None),
        ("action", |e| e.event.action = "case.delete".to_owned()),
        ("object", |e| e.event.object = Some("case-999".to_owned())),
        ("object removed", |e| e.event.object = None),
        ("prev_hash", |e| e.prev_hash[0] ^= 1),
        ("hash", |e| e.hash[31] ^= 1),
    ];
    for (field, edit) in edits {
        for target in 0..entries.len() {
            let mut tampered = entries.clone();
            let before = tampered[target].clone();
            edit(&mut tampered[target]);
            if tampered[target] == before {
                continue; // the edit changed nothing (e.g. removing an absent field)
            }
            let seq = tampered[target].seq;
            assert_eq!(
                verify(&tampered),
                Err(ChainBreak::Altered { seq }),
                "{field} of entry {seq}"
            );
        }
    }
}

#[test]
fn deleting_an_entry_is_reported_at_the_next_one() {
    let mut entries = build((1..=6).map(event));
    entries.remove(2);
    assert_eq!(
        verify(&entries),
        Err(ChainBreak::Gap {
            seq: 4,
            expected: 3
        })
    );
}

#[test]
fn deleting_the_first_entry_is_reported() {
    let mut entries = build((1..=3).map(event));
    entries.remove(0);
    assert_eq!(
        verify(&entries),
        Err(ChainBreak::Gap {
            seq: 2,
            expected: 1
        })
    );
}

#[test]
fn deleting_and_renumbering_is_reported_as_unlinked() {
    let mut entries = build((1..=6).map(event));
    entries.remove(2);
    // The remover renumbers and rehashes the entries after the gap, but cannot make
    // the first of them point at the entry before it without rewriting it all.
    for entry in entries.iter_mut().skip(2) {
        entry.seq -= 1;
        entry.hash = entry_hash(&entry.prev_hash, entry.seq, &entry.event);
    }
    assert_eq!(verify(&entries), Err(ChainBreak::Unlinked { seq: 3 }));
}

#[test]
fn swapping_two_entries_is_reported_at_the_first() {
    let entries = build((1..=6).map(event));
    for (a, b) in [(1, 4), (0, 1), (4, 5)] {
        let mut swapped = entries.clone();
        let (seq_a, seq_b) = (swapped[a].seq, swapped[b].seq);
        swapped.swap(a, b);
        swapped[a].seq = seq_a;
        swapped[b].seq = seq_b;
        assert_eq!(
            verify(&swapped),
            Err(ChainBreak::Altered { seq: seq_a }),
            "swap {seq_a} and {seq_b}"
        );
        // Only the events swapped, hashes left in place: the same.
        let mut events_swapped = entries.clone();
        let event_a = events_swapped[a].event.clone();
        events_swapped[a].event = events_swapped[b].event.clone();
        events_swapped[b].event = event_a;
        assert_eq!(
            verify(&events_swapped),
            Err(ChainBreak::Altered { seq: seq_a })
        );
    }
}

#[test]
fn an_entry_from_another_chain_is_unlinked() {
    let entries = build((1..=4).map(event));
    let other = build((100..=104).map(event));
    let mut spliced = entries.clone();
    spliced[2] = other[2].clone();
    assert_eq!(verify(&spliced), Err(ChainBreak::Unlinked { seq: 3 }));
}

#[test]
fn the_first_entry_must_start_at_genesis() {
    let mut first = chain(None, event(1), Some(&signer()));
    first.prev_hash = [9; 32];
    first.hash = entry_hash(&first.prev_hash, first.seq, &first.event);
    assert_eq!(
        ChainVerifier::new(signers()).check(&first),
        Err(ChainBreak::Unlinked { seq: 1 })
    );
    let mut renumbered = chain(None, event(1), Some(&signer()));
    renumbered.seq = 5;
    assert_eq!(
        ChainVerifier::new(signers()).check(&renumbered),
        Err(ChainBreak::Gap {
            seq: 5,
            expected: 1
        })
    );
}

#[test]
fn a_failed_check_leaves_the_verifier_where_it_was() {
    let entries = build((1..=3).map(event));
    let mut verifier = ChainVerifier::new(signers());
    verifier.check(&entries[0]).unwrap();
    let mut bad = entries[1].clone();
    bad.event.actor = "mallory".to_owned();
    assert!(verifier.check(&bad).is_err());
    assert_eq!(verifier.checked(), 1);
    assert_eq!(verifier.head(), Some(entries[0].hash));
    verifier.check(&entries[1]).unwrap();
    verifier.check(&entries[2]).unwrap();
    assert_eq!(verifier.checked(), 3);
}

#[test]
fn the_encoding_keeps_fields_apart() {
    let base = AuditEvent {
        at_ms: 1,
        actor: "ab".to_owned(),
        organization: None,
        action: "c".to_owned(),
        object: None,
    };
    let shifted = AuditEvent {
        actor: "a".to_owned(),
        action: "bc".to_owned(),
        ..base.clone()
    };
    let empty_org = AuditEvent {
        organization: Some(String::new()),
        ..base.clone()
    };
    let moved = AuditEvent {
        organization: None,
        object: Some("x".to_owned()),
        ..base.clone()
    };
    let moved_back = AuditEvent {
        organization: Some("x".to_owned()),
        object: None,
        ..base.clone()
    };
    let hashes: Vec<Digest> = [&base, &shifted, &empty_org, &moved, &moved_back]
        .iter()
        .map(|e| entry_hash(&GENESIS, 1, e))
        .collect();
    for (i, a) in hashes.iter().enumerate() {
        for b in &hashes[i + 1..] {
            assert_ne!(a, b);
        }
    }
    assert_ne!(
        entry_hash(&GENESIS, 1, &base),
        entry_hash(&GENESIS, 2, &base)
    );
    assert_ne!(
        entry_hash(&GENESIS, 1, &base),
        entry_hash(&[1; 32], 1, &base)
    );
}

#[test]
fn the_hash_layout_is_stable() {
    // Pinned so a change to the layout (which would break every stored chain) is
    // noticed: SHA-256 of the documented bytes, built here by hand.
    let event = AuditEvent {
        at_ms: 2,
        actor: "cli".to_owned(),
        organization: Some("o".to_owned()),
        action: "keyring.unseal".to_owned(),
        object: None,
    };
    let mut bytes = b"torchlight-audit-v1\0".to_vec();
    bytes.extend_from_slice(&[0; 32]);
    bytes.extend_from_slice(&1i64.to_be_bytes());
    bytes.extend_from_slice(&2i64.to_be_bytes());
    bytes.extend_from_slice(&[0, 0, 0, 3]);
    bytes.extend_from_slice(b"cli");
    bytes.extend_from_slice(&[1, 0, 0, 0, 1]);
    bytes.extend_from_slice(b"o");
    bytes.extend_from_slice(&[0, 0, 0, 14]);
    bytes.extend_from_slice(b"keyring.unseal");
    bytes.push(0);
    let expected: Digest = Sha256::digest(&bytes).into();
    assert_eq!(entry_hash(&GENESIS, 1, &event), expected);
}

fn arb_event() -> impl Strategy<Value = AuditEvent> {
    (
        any::<i64>(),
        "[a-z0-9-]{0,12}",
        proptest::option::of("[a-z0-9-]{0,12}"),
        "[a-z.]{1,16}",
        proptest::option::of(".{0,12}"),
    )
        .prop_map(|(at_ms, actor, organization, action, object)| AuditEvent {
            at_ms,
            actor,
            organization,
            action,
            object,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_chain_built_by_chain_verifies(events in proptest::collection::vec(arb_event(), 0..30)) {
        let entries = build(events);
        prop_assert_eq!(verify(&entries), Ok(entries.len() as u64));
    }

    #[test]
    fn any_edit_of_an_event_is_caught_at_that_entry(
        events in proptest::collection::vec(arb_event(), 1..20),
        target in any::<prop::sample::Index>(),
        replacement in arb_event(),
    ) {
        let mut entries = build(events);
        let i = target.index(entries.len());
        prop_assume!(entries[i].event != replacement);
        entries[i].event = replacement;
        prop_assert_eq!(verify(&entries), Err(ChainBreak::Altered { seq: entries[i].seq }));
    }

    #[test]
    fn any_deletion_is_caught_at_the_next_entry(
        events in proptest::collection::vec(arb_event(), 2..20),
        target in any::<prop::sample::Index>(),
    ) {
        let mut entries = build(events);
        // Deleting the last entry leaves an intact, shorter chain: only a stored
        // head or count can tell, so choose among the others.
        let i = target.index(entries.len() - 1);
        let removed = entries.remove(i);
        prop_assert_eq!(verify(&entries), Err(ChainBreak::Gap { seq: removed.seq + 1, expected: removed.seq }));
    }
}

/// What a database writer can do without the signing key: edit an entry and
/// recompute every hash after it, then sign with a key of their own.
fn rechain_from(entries: &mut [ChainedEntry], from: usize, signer: Option<&Signer>) {
    for i in from..entries.len() {
        let previous = if i == 0 {
            None
        } else {
            Some(entries[i - 1].clone())
        };
        entries[i] = chain(previous.as_ref(), entries[i].event.clone(), signer);
    }
}

#[test]
fn a_recomputed_chain_signed_with_another_key_is_forged() {
    let mut entries = build((1..=6).map(event));
    entries[2].event.actor = "someone else".into();
    let stranger = Signer::derive(&crate::keyring::RootKey::from_bytes([1; 32]), 1);
    rechain_from(&mut entries, 2, Some(&stranger));
    assert_eq!(verify(&entries), Err(ChainBreak::Forged { seq: 3 }));
}

#[test]
fn a_signature_of_an_unrecorded_root_version_is_reported() {
    let other_version = Signer::derive(&crate::keyring::RootKey::from_bytes([9; 32]), 2);
    let mut entries = build((1..=3).map(event));
    rechain_from(&mut entries, 1, Some(&other_version));
    assert_eq!(
        verify(&entries),
        Err(ChainBreak::UnknownSigner {
            seq: 2,
            root_version: 2
        })
    );
}

#[test]
fn a_signed_entry_covers_the_unsigned_ones_before_it() {
    let mut entries: Vec<ChainedEntry> = Vec::new();
    for (i, signed) in [true, false, false, true, false].into_iter().enumerate() {
        let signer = signer();
        let entry = chain(entries.last(), event(i as i64), signed.then_some(&signer));
        entries.push(entry);
    }
    let mut verifier = ChainVerifier::new(signers());
    for entry in &entries[..4] {
        verifier.check(entry).unwrap();
    }
    assert_eq!(verifier.unsigned_tail(), 0);
    verifier.check(&entries[4]).unwrap();
    assert_eq!(verifier.unsigned_tail(), 1);
}

#[test]
fn editing_a_signed_entry_breaks_its_signature_even_with_the_hash_recomputed() {
    let mut entries = build((1..=4).map(event));
    let signature = entries[3].signature.clone();
    entries[3].event.object = Some("another case".into());
    entries[3].hash = entry_hash(&entries[3].prev_hash, 4, &entries[3].event);
    entries[3].signature = signature;
    assert_eq!(verify(&entries), Err(ChainBreak::Forged { seq: 4 }));
}

#[test]
fn an_exported_head_reads_back_and_names_its_form_when_mistyped() {
    let head = ExportedHead {
        seq: 42,
        hash: [0xab; 32],
    };
    let text = head.to_string();
    assert_eq!(text, format!("42:{}", "ab".repeat(32)));
    assert_eq!(text.parse::<ExportedHead>(), Ok(head));
    for wrong in [
        "",
        "42",
        "x:ab",
        "0:ab",
        &format!("42:{}", "ab".repeat(31)),
        &format!("42:{}", "zz".repeat(32)),
    ] {
        let error = wrong.parse::<ExportedHead>().unwrap_err();
        assert!(error.contains("SEQ:HASH"), "{wrong}: {error}");
    }
}
