//! `torchlight audit verify` on an intact log, then on logs tampered with straight
//! in the database (each on a fresh one): an edited entry, a deleted one, two
//! swapped, the last one cut, every one deleted; and a head exported with `audit
//! head` catching a log cut since.

use crate::both_engines;
use crate::security::{
    audit_entries, coalition, init_passphrase, organization_names, user_add, PASSPHRASE,
};
use crate::support::{Engine, World};

both_engines!(
    audit_verify_counts_an_intact_log,
    audit_verify_names_an_edited_entry,
    audit_verify_names_the_entry_after_a_deleted_one,
    audit_verify_names_the_first_of_two_swapped_entries,
    audit_verify_finds_a_log_cut_at_its_end,
    audit_verify_finds_a_log_emptied_after_init,
    an_exported_head_catches_a_log_cut_since,
);

fn verify(world: &World) -> crate::support::Outcome {
    world.run(&["audit", "verify", "--data-dir", "data"])
}

/// A world whose log holds a few entries of ordinary work: the keyring set up and
/// an account added, disabled, enabled and reset. Returns it and its entry count,
/// checked intact first, so that a failure after tampering is the tampering's.
async fn with_activity(engine: Engine) -> (World, u64) {
    let world = coalition(engine).await;
    init_passphrase(&world, PASSPHRASE).success();
    let first = &organization_names()[0];
    user_add(&world, first, "amina", "caseworker").success();
    for command in ["disable", "enable", "reset"] {
        world
            .run(&["user", command, "amina", "--data-dir", "data"])
            .success();
    }
    let entries = audit_entries(&world);
    assert!(entries >= 5, "only {entries} entries");
    (world, entries)
}

async fn audit_verify_counts_an_intact_log(engine: Engine) {
    let empty = World::new(engine).await;
    verify(&empty)
        .success()
        .stdout_has(&["audit log intact: 0 entries"]);

    let (world, entries) = with_activity(engine).await;
    let first = verify(&world).success();
    let head = |stdout: &str| {
        let hex = stdout
            .trim()
            .rsplit("head ")
            .next()
            .unwrap_or_default()
            .to_owned();
        assert_eq!(hex.len(), 64, "{stdout}");
        assert!(hex.bytes().all(|b| b.is_ascii_hexdigit()), "{stdout}");
        hex
    };
    let first_head = head(&first.stdout);
    assert!(
        first.stdout.contains(&format!("intact: {entries} entries")),
        "{}",
        first.stdout
    );
    // Verifying changes nothing; more work moves the head along.
    assert_eq!(head(&verify(&world).success().stdout), first_head);
    world
        .run(&["user", "disable", "amina", "--data-dir", "data"])
        .success();
    let next = verify(&world)
        .success()
        .stdout_has(&[&format!("intact: {} entries", entries + 1)]);
    assert_ne!(head(&next.stdout), first_head);
}

async fn audit_verify_names_an_edited_entry(engine: Engine) {
    let (world, _) = with_activity(engine).await;
    world
        .execute_sql(&["UPDATE audit_log SET action = 'staff.nothing_to_see' WHERE seq = 3"])
        .await;
    let refused = verify(&world).failure(&["tampered", "audit entry 3:"]);
    assert!(refused.stdout.is_empty(), "{}", refused.stdout);
    assert!(!refused.stderr.contains("entry 2"), "{}", refused.stderr);
}

async fn audit_verify_names_the_entry_after_a_deleted_one(engine: Engine) {
    let (world, _) = with_activity(engine).await;
    world
        .execute_sql(&["DELETE FROM audit_log WHERE seq = 3"])
        .await;
    verify(&world).failure(&["tampered", "audit entry 4:"]);
}

async fn audit_verify_names_the_first_of_two_swapped_entries(engine: Engine) {
    let (world, _) = with_activity(engine).await;
    // Entries 2 and 3 trade places, each keeping its own contents and hashes.
    world
        .execute_sql(&[
            "UPDATE audit_log SET seq = -1 WHERE seq = 2",
            "UPDATE audit_log SET seq = 2 WHERE seq = 3",
            "UPDATE audit_log SET seq = 3 WHERE seq = -1",
        ])
        .await;
    let refused = verify(&world).failure(&["tampered", "audit entry 2:"]);
    assert!(!refused.stderr.contains("entry 1:"), "{}", refused.stderr);
}

async fn audit_verify_finds_a_log_cut_at_its_end(engine: Engine) {
    let (world, entries) = with_activity(engine).await;
    world
        .execute_sql(&["DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)"])
        .await;
    verify(&world).failure(&[
        "tampered",
        &format!("ends at entry {}", entries - 1),
        &format!("entry {entries} was written"),
    ]);
}

async fn audit_verify_finds_a_log_emptied_after_init(engine: Engine) {
    let (world, _) = with_activity(engine).await;
    world
        .execute_sql(&["DELETE FROM audit_log", "DELETE FROM audit_head"])
        .await;
    verify(&world).failure(&["tampered", "the log is empty, yet a keyring exists"]);
}

async fn an_exported_head_catches_a_log_cut_since(engine: Engine) {
    let (world, entries) = with_activity(engine).await;
    let exported = world
        .run(&["audit", "head", "--data-dir", "data"])
        .success()
        .stdout
        .trim()
        .to_owned();
    assert!(
        exported.starts_with(&format!("{entries}:"))
            && exported.len() == 64 + 1 + entries.to_string().len(),
        "{exported}"
    );
    let verify_against = |head: &str| {
        world.run(&[
            "audit",
            "verify",
            "--expect-head",
            head,
            "--data-dir",
            "data",
        ])
    };
    verify_against(&exported).success();
    // More work since keeps the exported entry where it was.
    world
        .run(&["user", "disable", "amina", "--data-dir", "data"])
        .success();
    verify_against(&exported).success();
    // Cutting back to before it, head record and all, is consistent in itself but
    // not with the exported head.
    world
        .execute_sql(&[
            &format!("DELETE FROM audit_log WHERE seq >= {entries}"),
            &format!(
                "UPDATE audit_head SET seq = {0}, hash = (SELECT hash FROM audit_log WHERE seq = {0})",
                entries - 1
            ),
        ])
        .await;
    verify(&world).success();
    verify_against(&exported).failure(&["tampered", "exported head", "cut"]);
    // A mistyped head is bad input, named.
    let mistyped = verify_against("12:abc");
    assert_eq!(mistyped.code, Some(2), "{}", mistyped.stderr);
    assert!(mistyped.stderr.contains("SEQ:HASH"), "{}", mistyped.stderr);
}
