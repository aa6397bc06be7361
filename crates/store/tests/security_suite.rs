//! The security core's storage, one story run against both engines: every test
//! below runs once on a fresh SQLite file and once on a fresh PostgreSQL database
//! (`name::sqlite` and `name::postgres`). PostgreSQL comes from the server at
//! `TORCHLIGHT_TEST_PG_URL`; `scripts/test.sh` starts a throwaway one and sets it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use sqlx::Connection;
use torchlight_core::access::Role;
use torchlight_crypto::audit::{AuditEvent, ChainVerifier, ChainedEntry};
use torchlight_crypto::keyring::{KeyringRecord, SealMode};
use torchlight_store::testing::TestDb;
use torchlight_store::{
    both_engines, CaseCount, CaseKey, CaseRecord, Engine, OrganizationKey, SecurityKey, Session,
    SharedStore, StaffUser, StoreError,
};
use uuid::Uuid;

fn id(n: u128) -> Uuid {
    Uuid::from_u128(0x5ec0_0000_0000_4000_8000_0000_0000_0000 | n)
}

const ORG_A: u128 = 1;
const ORG_B: u128 = 2;
const ORG_C: u128 = 3;

fn event(action: &str, object: Option<Uuid>) -> AuditEvent {
    AuditEvent {
        at_ms: 1_700_000_000_000,
        actor: "cli".into(),
        organization: Some(id(ORG_A).to_string()),
        action: action.into(),
        object: object.map(|o| o.hyphenated().to_string()),
    }
}

fn record(version: u32) -> KeyringRecord {
    KeyringRecord {
        version,
        mode: SealMode::Shamir {
            threshold: 2,
            shares: 3,
        },
        check: format!("check-{version}"),
    }
}

fn org_key(org: u128, version: i64, root_version: i64) -> OrganizationKey {
    OrganizationKey {
        organization_id: id(org),
        version,
        public_key: format!("age1org{org}v{version}"),
        wrapped_secret: format!("secret {org}/{version} under root {root_version}").into_bytes(),
        root_version,
        created_at_ms: 1_000 + version,
    }
}

fn user(n: u128, org: u128, username: &str) -> StaffUser {
    StaffUser {
        id: id(n),
        organization_id: id(org),
        username: username.into(),
        display_name: format!("User {n}"),
        role: Role::Caseworker,
        password_hash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA".into(),
        must_change_password: false,
        totp_sealed: None,
        totp_last_step: None,
        disabled: false,
        locale: None,
        created_at_ms: 2_000,
    }
}

fn case(n: u128, org: u128, created_at_ms: i64) -> CaseRecord {
    CaseRecord {
        id: id(n),
        organization_id: id(org),
        country: "KG".into(),
        urgency: "within_days".into(),
        status: "open".into(),
        created_at_ms,
        updated_at_ms: created_at_ms,
        content: format!("sealed content of case {n}").into_bytes(),
    }
}

fn case_key(case: u128, org: u128, version: i64) -> CaseKey {
    CaseKey {
        case_id: id(case),
        organization_id: id(org),
        key_version: version,
        wrapped_key: format!("data key of {case} for {org} v{version}").into_bytes(),
    }
}

fn session(token: &str, user: u128) -> Session {
    Session {
        token_digest: token.into(),
        user_id: id(user),
        csrf_token: format!("csrf-{token}"),
        created_at_ms: 10_000,
        last_seen_ms: 10_000,
        second_factor: false,
    }
}

async fn all_entries(store: &SharedStore) -> Vec<ChainedEntry> {
    store.audit_entries(0, 10_000).await.unwrap()
}

async fn audit_count(store: &SharedStore) -> usize {
    all_entries(store).await.len()
}

/// Checks the whole stored chain and that the recorded head is its last entry.
async fn assert_chain_intact(store: &SharedStore) -> u64 {
    let entries = all_entries(store).await;
    let mut verifier = ChainVerifier::new();
    for entry in &entries {
        verifier.check(entry).unwrap();
    }
    let head = store.audit_head().await.unwrap();
    assert_eq!(head, entries.last().map(|e| (e.seq, e.hash)));
    verifier.checked()
}

fn assert_rejected<T: std::fmt::Debug>(result: Result<T, StoreError>, words: &str) {
    match result {
        Err(StoreError::Rejected(message)) => assert!(
            message.contains(words),
            "expected a refusal mentioning {words:?}, got {message:?}"
        ),
        other => panic!("expected Rejected({words:?}), got {other:?}"),
    }
}

/// Runs one statement, with one bound value if given, straight on the test's
/// database, the way someone with access to the file or server could tamper with it.
async fn tamper(db: &TestDb, statement: &'static str, value: Option<Vec<u8>>) {
    macro_rules! run {
        ($conn:expr) => {{
            let mut conn = $conn;
            let mut query = sqlx::query(statement);
            if let Some(value) = value {
                query = query.bind(value);
            }
            query.execute(&mut conn).await.unwrap();
            conn.close().await.unwrap();
        }};
    }
    match db.engine {
        Engine::Sqlite => run!(sqlx::SqliteConnection::connect_with(
            &sqlx::sqlite::SqliteConnectOptions::new().filename(&db.location)
        )
        .await
        .unwrap()),
        Engine::Postgres => run!(sqlx::PgConnection::connect(&db.location).await.unwrap()),
    }
}

async fn fresh(engine: Engine) -> (TestDb, SharedStore) {
    let db = TestDb::new(engine).await;
    let store = db.open().await;
    (db, store)
}

/// A store with a keyring and key pairs for organisations A and B (not C).
async fn with_keyring(engine: Engine) -> (TestDb, SharedStore) {
    let (db, store) = fresh(engine).await;
    store
        .initialize_keyring(
            &record(1),
            &[org_key(ORG_A, 1, 1), org_key(ORG_B, 1, 1)],
            event("keyring.init", None),
        )
        .await
        .unwrap();
    (db, store)
}

both_engines!(
    the_keyring_is_initialised_once,
    organisation_keys_are_read_by_version_and_added_once,
    root_rotation_requires_the_next_version_and_every_secret,
    organisation_key_rotation_rewraps_case_keys_and_drops_old_keys,
    users_are_created_read_and_updated,
    a_taken_username_is_refused_and_not_audited,
    stored_roles_must_be_known,
    totp_steps_only_move_forward,
    recovery_codes_are_single_use,
    sessions_live_and_end,
    a_case_is_created_only_for_the_callers_organisation,
    cases_are_seen_only_through_a_key_of_the_scope,
    only_the_owner_erases_a_case_and_reads_its_trail,
    cases_are_counted_by_country_and_urgency,
    every_audited_change_appends_exactly_one_entry,
    refused_changes_append_nothing,
    concurrent_appends_leave_a_gap_free_chain,
    audit_entries_are_paged_in_order,
    a_damaged_hash_is_reported_with_its_seq,
    appending_after_a_cut_chain_is_refused,
    security_keys_belong_to_their_user,
);

async fn the_keyring_is_initialised_once(engine: Engine) {
    let (_db, store) = fresh(engine).await;
    assert_eq!(store.keyring().await.unwrap(), None);
    store
        .initialize_keyring(
            &record(1),
            &[org_key(ORG_A, 1, 1)],
            event("keyring.init", None),
        )
        .await
        .unwrap();
    assert_eq!(store.keyring().await.unwrap(), Some(record(1)));
    assert_eq!(
        store.organization_keys().await.unwrap(),
        vec![org_key(ORG_A, 1, 1)]
    );

    let again = store
        .initialize_keyring(
            &record(1),
            &[org_key(ORG_B, 1, 1)],
            event("keyring.init", None),
        )
        .await;
    assert_rejected(again, "exists already");
    // Neither the second organisation's key nor a second event was written.
    assert_eq!(store.organization_keys().await.unwrap().len(), 1);
    let entries = all_entries(&store).await;
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].event.action, "keyring.init");
}

async fn organisation_keys_are_read_by_version_and_added_once(engine: Engine) {
    let (_db, store) = with_keyring(engine).await;
    assert_eq!(
        store.current_organization_key(id(ORG_A)).await.unwrap(),
        Some(org_key(ORG_A, 1, 1))
    );
    assert_eq!(
        store.current_organization_key(id(ORG_C)).await.unwrap(),
        None
    );

    store
        .add_organization_keys(&[org_key(ORG_C, 1, 1)], event("orgkey.add", None))
        .await
        .unwrap();
    assert_eq!(
        store.organization_key(id(ORG_C), 1).await.unwrap(),
        Some(org_key(ORG_C, 1, 1))
    );
    assert_eq!(store.organization_key(id(ORG_C), 2).await.unwrap(), None);
    let again = store
        .add_organization_keys(&[org_key(ORG_A, 1, 1)], event("orgkey.add", None))
        .await;
    assert_rejected(again, "has a key pair already");

    store
        .rotate_organization_key(&org_key(ORG_A, 2, 1), &[], event("orgkey.rotate", None))
        .await
        .unwrap();
    assert_eq!(
        store.current_organization_key(id(ORG_A)).await.unwrap(),
        Some(org_key(ORG_A, 2, 1))
    );
    let versions: Vec<(Uuid, i64)> = store
        .organization_keys()
        .await
        .unwrap()
        .iter()
        .map(|k| (k.organization_id, k.version))
        .collect();
    assert_eq!(
        versions,
        vec![(id(ORG_A), 2), (id(ORG_B), 1), (id(ORG_C), 1)]
    );
}

async fn root_rotation_requires_the_next_version_and_every_secret(engine: Engine) {
    let (_db, store) = with_keyring(engine).await;
    let mut enrolled = user(10, ORG_A, "amina");
    enrolled.totp_sealed = Some(b"totp under root 1".to_vec());
    store
        .create_user(&enrolled, event("user.create", None))
        .await
        .unwrap();
    store
        .create_user(&user(11, ORG_A, "bakyt"), event("user.create", None))
        .await
        .unwrap();
    let resealed = [org_key(ORG_A, 1, 2), org_key(ORG_B, 1, 2)];
    let totp = [(id(10), b"totp under root 2".to_vec())];
    let before = audit_count(&store).await;

    let skipped = store
        .rotate_root(&record(3), &resealed, &totp, event("keyring.rotate", None))
        .await;
    assert_rejected(skipped, "must be version 2");
    let same = store
        .rotate_root(&record(1), &resealed, &totp, event("keyring.rotate", None))
        .await;
    assert_rejected(same, "must be version 2");
    let key_left_behind = store
        .rotate_root(
            &record(2),
            &resealed[..1],
            &totp,
            event("keyring.rotate", None),
        )
        .await;
    assert_rejected(key_left_behind, "organisation secret key");
    let totp_left_behind = store
        .rotate_root(&record(2), &resealed, &[], event("keyring.rotate", None))
        .await;
    assert_rejected(totp_left_behind, "TOTP");
    let unknown_key = store
        .rotate_root(
            &record(2),
            &[
                org_key(ORG_A, 1, 2),
                org_key(ORG_B, 1, 2),
                org_key(ORG_C, 1, 2),
            ],
            &totp,
            event("keyring.rotate", None),
        )
        .await;
    assert_rejected(unknown_key, "no key of version 1");
    // Every refusal left everything as it was.
    assert_eq!(store.keyring().await.unwrap(), Some(record(1)));
    assert_eq!(
        store.organization_keys().await.unwrap(),
        vec![org_key(ORG_A, 1, 1), org_key(ORG_B, 1, 1)]
    );
    assert_eq!(store.user(id(10)).await.unwrap(), Some(enrolled.clone()));
    assert_eq!(audit_count(&store).await, before);

    store
        .rotate_root(&record(2), &resealed, &totp, event("keyring.rotate", None))
        .await
        .unwrap();
    assert_eq!(store.keyring().await.unwrap(), Some(record(2)));
    assert_eq!(store.organization_keys().await.unwrap(), resealed.to_vec());
    let rotated = store.user(id(10)).await.unwrap().unwrap();
    assert_eq!(rotated.totp_sealed, Some(b"totp under root 2".to_vec()));
    assert_eq!(store.user(id(11)).await.unwrap().unwrap().totp_sealed, None);
    assert_eq!(audit_count(&store).await, before + 1);
}

async fn organisation_key_rotation_rewraps_case_keys_and_drops_old_keys(engine: Engine) {
    let (_db, store) = with_keyring(engine).await;
    // Case 20 is shared with B (a referral); case 21 is A's alone.
    store
        .create_case(
            id(ORG_A),
            &case(20, ORG_A, 100),
            &[case_key(20, ORG_A, 1), case_key(20, ORG_B, 1)],
            event("case.create", Some(id(20))),
        )
        .await
        .unwrap();
    store
        .create_case(
            id(ORG_A),
            &case(21, ORG_A, 200),
            &[case_key(21, ORG_A, 1)],
            event("case.create", Some(id(21))),
        )
        .await
        .unwrap();
    let rewrapped = [case_key(20, ORG_A, 2), case_key(21, ORG_A, 2)];

    let skipped = store
        .rotate_organization_key(
            &org_key(ORG_A, 3, 1),
            &rewrapped,
            event("orgkey.rotate", None),
        )
        .await;
    assert_rejected(skipped, "must be version 2");
    let partial = store
        .rotate_organization_key(
            &org_key(ORG_A, 2, 1),
            &rewrapped[..1],
            event("orgkey.rotate", None),
        )
        .await;
    assert_rejected(partial, "were not re-wrapped");
    let foreign = store
        .rotate_organization_key(
            &org_key(ORG_A, 2, 1),
            &[case_key(20, ORG_A, 2), case_key(20, ORG_B, 2)],
            event("orgkey.rotate", None),
        )
        .await;
    assert_rejected(foreign, "not for the new key");
    assert_eq!(
        store.current_organization_key(id(ORG_A)).await.unwrap(),
        Some(org_key(ORG_A, 1, 1))
    );

    store
        .rotate_organization_key(
            &org_key(ORG_A, 2, 1),
            &rewrapped,
            event("orgkey.rotate", None),
        )
        .await
        .unwrap();
    assert_eq!(
        store.case_keys_of_organization(id(ORG_A)).await.unwrap(),
        rewrapped.to_vec()
    );
    // B's key to the shared case is untouched; A's old secret key is gone.
    assert_eq!(
        store.case_keys_of_organization(id(ORG_B)).await.unwrap(),
        vec![case_key(20, ORG_B, 1)]
    );
    assert_eq!(store.organization_key(id(ORG_A), 1).await.unwrap(), None);
    assert_eq!(
        store.organization_key(id(ORG_A), 2).await.unwrap(),
        Some(org_key(ORG_A, 2, 1))
    );
    assert_eq!(
        store.organization_key(id(ORG_B), 1).await.unwrap(),
        Some(org_key(ORG_B, 1, 1))
    );
    let seen = store
        .case_visible_to(id(ORG_A), id(21))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(seen.key, case_key(21, ORG_A, 2));
}

async fn users_are_created_read_and_updated(engine: Engine) {
    let (_db, store) = fresh(engine).await;
    let zarina = user(30, ORG_A, "zarina");
    let aida = user(31, ORG_A, "aida.k");
    let other = user(32, ORG_B, "bolot");
    for u in [&zarina, &aida, &other] {
        store
            .create_user(u, event("user.create", Some(u.id)))
            .await
            .unwrap();
    }
    assert_eq!(store.user(id(30)).await.unwrap(), Some(zarina.clone()));
    assert_eq!(store.user(id(99)).await.unwrap(), None);
    assert_eq!(
        store.user_by_username("aida.k").await.unwrap(),
        Some(aida.clone())
    );
    assert_eq!(store.user_by_username("nobody").await.unwrap(), None);
    assert_eq!(
        store.users_of_organization(id(ORG_A)).await.unwrap(),
        vec![aida.clone(), zarina.clone()]
    );
    assert_eq!(
        store.users_of_organization(id(ORG_C)).await.unwrap(),
        vec![]
    );

    let before = audit_count(&store).await;
    let mut changed = zarina.clone();
    changed.display_name = "Zarina T.".into();
    changed.locale = Some("ky".into());
    changed.must_change_password = true;
    changed.password_hash = "$argon2id$new".into();
    changed.totp_sealed = Some(vec![1, 2, 3]);
    changed.totp_last_step = Some(55);
    store.update_user(&changed, None).await.unwrap();
    assert_eq!(store.user(id(30)).await.unwrap(), Some(changed.clone()));
    assert_eq!(audit_count(&store).await, before, "an unaudited update");

    // The id, organisation, username and creation time are not changeable.
    let mut disabled = changed.clone();
    disabled.disabled = true;
    disabled.role = Role::Coordinator;
    disabled.username = "renamed".into();
    disabled.organization_id = id(ORG_B);
    disabled.created_at_ms = 9;
    store
        .update_user(&disabled, Some(event("user.disable", Some(id(30)))))
        .await
        .unwrap();
    let stored = store.user(id(30)).await.unwrap().unwrap();
    assert!(stored.disabled);
    assert_eq!(stored.role, Role::Coordinator);
    assert_eq!(stored.username, "zarina");
    assert_eq!(stored.organization_id, id(ORG_A));
    assert_eq!(stored.created_at_ms, 2_000);
    let entries = all_entries(&store).await;
    assert_eq!(entries.len(), before + 1);
    assert_eq!(entries.last().unwrap().event.action, "user.disable");

    let ghost = user(98, ORG_A, "ghost");
    assert_rejected(
        store
            .update_user(&ghost, Some(event("user.update", None)))
            .await,
        "no user",
    );
    assert_rejected(store.update_user(&ghost, None).await, "no user");
    assert_eq!(audit_count(&store).await, before + 1);
}

async fn a_taken_username_is_refused_and_not_audited(engine: Engine) {
    let (_db, store) = fresh(engine).await;
    store
        .create_user(&user(40, ORG_A, "nurlan"), event("user.create", None))
        .await
        .unwrap();
    let before = audit_count(&store).await;
    // Another organisation cannot have it either: usernames are deployment-wide.
    let taken = store
        .create_user(&user(41, ORG_B, "nurlan"), event("user.create", None))
        .await;
    assert_rejected(taken, "the username \"nurlan\" is taken");
    assert_eq!(store.user(id(41)).await.unwrap(), None);
    assert_eq!(audit_count(&store).await, before);
    // The same id twice is refused as well.
    let same_id = store
        .create_user(&user(40, ORG_A, "other"), event("user.create", None))
        .await;
    assert!(
        matches!(same_id, Err(StoreError::Rejected(_))),
        "{same_id:?}"
    );
    assert_eq!(audit_count(&store).await, before);
}

async fn stored_roles_must_be_known(engine: Engine) {
    let (db, store) = fresh(engine).await;
    let mut u = user(50, ORG_A, "role");
    store
        .create_user(&u, event("user.create", None))
        .await
        .unwrap();
    for role in [
        Role::Caseworker,
        Role::Coordinator,
        Role::OrganizationAdmin,
        Role::SystemAdmin,
        Role::Analyst,
    ] {
        u.role = role;
        store.update_user(&u, None).await.unwrap();
        assert_eq!(store.user(id(50)).await.unwrap().unwrap().role, role);
    }
    tamper(&db, "UPDATE staff_users SET role = 'overlord'", None).await;
    match store.user(id(50)).await {
        Err(StoreError::Corrupt(message)) => assert!(message.contains("overlord"), "{message}"),
        other => panic!("expected Corrupt, got {other:?}"),
    }
}

async fn totp_steps_only_move_forward(engine: Engine) {
    let (_db, store) = fresh(engine).await;
    store
        .create_user(&user(60, ORG_A, "totp"), event("user.create", None))
        .await
        .unwrap();
    assert!(store.advance_totp_step(id(60), 1000).await.unwrap());
    assert!(
        !store.advance_totp_step(id(60), 1000).await.unwrap(),
        "a replay"
    );
    assert!(
        !store.advance_totp_step(id(60), 999).await.unwrap(),
        "an older code"
    );
    assert!(store.advance_totp_step(id(60), 1001).await.unwrap());
    assert!(
        !store.advance_totp_step(id(99), 5000).await.unwrap(),
        "no such user"
    );
    assert_eq!(
        store.user(id(60)).await.unwrap().unwrap().totp_last_step,
        Some(1001)
    );
}

async fn recovery_codes_are_single_use(engine: Engine) {
    let (_db, store) = fresh(engine).await;
    for (n, name) in [(70, "rc1"), (71, "rc2")] {
        store
            .create_user(&user(n, ORG_A, name), event("user.create", None))
            .await
            .unwrap();
    }
    let first: Vec<String> = ["d1", "d2", "d3"].map(String::from).to_vec();
    store.replace_recovery_codes(id(70), &first).await.unwrap();
    store
        .replace_recovery_codes(id(71), &["d1".to_owned()])
        .await
        .unwrap();
    assert_eq!(store.remaining_recovery_codes(id(70)).await.unwrap(), 3);
    assert!(store.use_recovery_code(id(70), "d2").await.unwrap());
    assert!(
        !store.use_recovery_code(id(70), "d2").await.unwrap(),
        "spent"
    );
    assert!(
        !store.use_recovery_code(id(70), "zz").await.unwrap(),
        "unknown"
    );
    assert_eq!(store.remaining_recovery_codes(id(70)).await.unwrap(), 2);
    // Another user's code of the same digest is theirs alone.
    assert_eq!(store.remaining_recovery_codes(id(71)).await.unwrap(), 1);

    let second: Vec<String> = ["e1", "e2"].map(String::from).to_vec();
    store.replace_recovery_codes(id(70), &second).await.unwrap();
    assert_eq!(store.remaining_recovery_codes(id(70)).await.unwrap(), 2);
    assert!(
        !store.use_recovery_code(id(70), "d1").await.unwrap(),
        "replaced"
    );
    assert!(store.use_recovery_code(id(70), "e1").await.unwrap());
    assert_eq!(store.remaining_recovery_codes(id(99)).await.unwrap(), 0);
    assert!(matches!(
        store.replace_recovery_codes(id(99), &first).await,
        Err(StoreError::Rejected(_))
    ));
    assert_eq!(audit_count(&store).await, 2, "only the two creations");
}

async fn sessions_live_and_end(engine: Engine) {
    let (_db, store) = fresh(engine).await;
    for (n, name) in [(80, "s1"), (81, "s2")] {
        store
            .create_user(&user(n, ORG_A, name), event("user.create", None))
            .await
            .unwrap();
    }
    for (token, owner) in [("t1", 80), ("t2", 80), ("t3", 81)] {
        store.create_session(&session(token, owner)).await.unwrap();
    }
    assert!(matches!(
        store.create_session(&session("t1", 80)).await,
        Err(StoreError::Rejected(_))
    ));
    assert!(matches!(
        store.create_session(&session("t9", 99)).await,
        Err(StoreError::Rejected(_))
    ));
    assert_eq!(store.session("t1").await.unwrap(), Some(session("t1", 80)));
    assert_eq!(store.session("nope").await.unwrap(), None);

    store.touch_session("t1", 20_000).await.unwrap();
    store.touch_session("t1", 15_000).await.unwrap();
    store.touch_session("nope", 15_000).await.unwrap();
    let touched = store.session("t1").await.unwrap().unwrap();
    assert_eq!(touched.last_seen_ms, 20_000, "never moves backwards");
    assert_eq!(touched.created_at_ms, 10_000);

    store.delete_session("t2").await.unwrap();
    store.delete_session("t2").await.unwrap();
    assert_eq!(store.session("t2").await.unwrap(), None);
    assert_eq!(store.delete_sessions_of_user(id(80)).await.unwrap(), 1);
    assert_eq!(store.delete_sessions_of_user(id(80)).await.unwrap(), 0);
    assert_eq!(store.session("t1").await.unwrap(), None);
    assert_eq!(store.session("t3").await.unwrap(), Some(session("t3", 81)));
}

async fn a_case_is_created_only_for_the_callers_organisation(engine: Engine) {
    let (_db, store) = with_keyring(engine).await;
    let before = audit_count(&store).await;
    let not_ours = store
        .create_case(
            id(ORG_B),
            &case(90, ORG_A, 1),
            &[case_key(90, ORG_A, 1), case_key(90, ORG_B, 1)],
            event("case.create", Some(id(90))),
        )
        .await;
    assert_rejected(not_ours, "not to the caller's organisation");
    let no_own_key = store
        .create_case(
            id(ORG_A),
            &case(90, ORG_A, 1),
            &[case_key(90, ORG_B, 1)],
            event("case.create", Some(id(90))),
        )
        .await;
    assert_rejected(no_own_key, "no data key wrapped for its own organisation");
    let stray_key = store
        .create_case(
            id(ORG_A),
            &case(90, ORG_A, 1),
            &[case_key(90, ORG_A, 1), case_key(91, ORG_B, 1)],
            event("case.create", Some(id(90))),
        )
        .await;
    assert_rejected(stray_key, "belongs to case");
    assert_eq!(
        store.case_visible_to(id(ORG_A), id(90)).await.unwrap(),
        None
    );
    assert_eq!(store.case_counts().await.unwrap(), vec![]);
    assert_eq!(audit_count(&store).await, before);

    store
        .create_case(
            id(ORG_A),
            &case(90, ORG_A, 1),
            &[case_key(90, ORG_A, 1)],
            event("case.create", Some(id(90))),
        )
        .await
        .unwrap();
    let twice = store
        .create_case(
            id(ORG_A),
            &case(90, ORG_A, 1),
            &[case_key(90, ORG_A, 1)],
            event("case.create", Some(id(90))),
        )
        .await;
    assert!(matches!(twice, Err(StoreError::Rejected(_))), "{twice:?}");
    assert_eq!(audit_count(&store).await, before + 1);
}

async fn cases_are_seen_only_through_a_key_of_the_scope(engine: Engine) {
    let (_db, store) = with_keyring(engine).await;
    // A owns 100 (shared with B) and 101; B owns 102.
    store
        .create_case(
            id(ORG_A),
            &case(100, ORG_A, 1_000),
            &[case_key(100, ORG_A, 1), case_key(100, ORG_B, 1)],
            event("case.create", Some(id(100))),
        )
        .await
        .unwrap();
    store
        .create_case(
            id(ORG_A),
            &case(101, ORG_A, 2_000),
            &[case_key(101, ORG_A, 1)],
            event("case.create", Some(id(101))),
        )
        .await
        .unwrap();
    store
        .create_case(
            id(ORG_B),
            &case(102, ORG_B, 1_500),
            &[case_key(102, ORG_B, 1)],
            event("case.create", Some(id(102))),
        )
        .await
        .unwrap();

    let ids = |cases: Vec<torchlight_store::VisibleCase>| -> Vec<Uuid> {
        cases.into_iter().map(|c| c.record.id).collect()
    };
    assert_eq!(
        ids(store.cases_visible_to(id(ORG_A)).await.unwrap()),
        vec![id(101), id(100)],
        "newest first"
    );
    assert_eq!(
        ids(store.cases_visible_to(id(ORG_B)).await.unwrap()),
        vec![id(102), id(100)]
    );
    assert_eq!(store.cases_visible_to(id(ORG_C)).await.unwrap(), vec![]);

    let shared = store
        .case_visible_to(id(ORG_B), id(100))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(shared.record, case(100, ORG_A, 1_000));
    assert_eq!(shared.key, case_key(100, ORG_B, 1), "B's own wrapped key");
    assert_eq!(
        store.case_visible_to(id(ORG_B), id(101)).await.unwrap(),
        None
    );
    assert_eq!(
        store.case_visible_to(id(ORG_C), id(100)).await.unwrap(),
        None
    );
    assert_eq!(
        store.case_visible_to(id(ORG_A), id(102)).await.unwrap(),
        None
    );

    let before = audit_count(&store).await;
    let mut changed = case(101, ORG_A, 2_000);
    changed.status = "closed".into();
    changed.urgency = "not_urgent".into();
    changed.country = "KZ".into();
    changed.updated_at_ms = 3_000;
    changed.content = b"new sealed content".to_vec();
    assert!(!store
        .update_case(id(ORG_B), &changed, event("case.update", Some(id(101))))
        .await
        .unwrap());
    assert!(!store
        .update_case(id(ORG_C), &changed, event("case.update", Some(id(101))))
        .await
        .unwrap());
    assert_eq!(
        store
            .case_visible_to(id(ORG_A), id(101))
            .await
            .unwrap()
            .unwrap()
            .record,
        case(101, ORG_A, 2_000)
    );
    assert_eq!(
        audit_count(&store).await,
        before,
        "refused updates audit nothing"
    );

    // The owner and field changes; owner and creation time stay.
    let mut sneaky = changed.clone();
    sneaky.organization_id = id(ORG_C);
    sneaky.created_at_ms = 1;
    assert!(store
        .update_case(id(ORG_A), &sneaky, event("case.update", Some(id(101))))
        .await
        .unwrap());
    assert_eq!(
        store
            .case_visible_to(id(ORG_A), id(101))
            .await
            .unwrap()
            .unwrap()
            .record,
        changed
    );
    // A case shared with B is B's to update too.
    let mut by_b = case(100, ORG_A, 1_000);
    by_b.status = "closed".into();
    assert!(store
        .update_case(id(ORG_B), &by_b, event("case.update", Some(id(100))))
        .await
        .unwrap());
    assert_eq!(
        store
            .case_visible_to(id(ORG_A), id(100))
            .await
            .unwrap()
            .unwrap()
            .record,
        by_b
    );
    assert_eq!(audit_count(&store).await, before + 2);
}

async fn only_the_owner_erases_a_case_and_reads_its_trail(engine: Engine) {
    let (_db, store) = with_keyring(engine).await;
    store
        .create_case(
            id(ORG_A),
            &case(110, ORG_A, 1_000),
            &[case_key(110, ORG_A, 1), case_key(110, ORG_B, 1)],
            event("case.create", Some(id(110))),
        )
        .await
        .unwrap();
    store
        .create_case(
            id(ORG_A),
            &case(111, ORG_A, 1_000),
            &[case_key(111, ORG_A, 1)],
            event("case.create", Some(id(111))),
        )
        .await
        .unwrap();
    store
        .append_audit(event("case.view", Some(id(110))))
        .await
        .unwrap();

    let trail = store.audit_of_case(id(ORG_A), id(110), 10).await.unwrap();
    let actions: Vec<&str> = trail.iter().map(|e| e.event.action.as_str()).collect();
    assert_eq!(actions, vec!["case.view", "case.create"], "newest first");
    assert_eq!(
        store.audit_of_case(id(ORG_A), id(110), 1).await.unwrap(),
        trail[..1].to_vec()
    );
    assert_eq!(
        store.audit_of_case(id(ORG_A), id(110), 0).await.unwrap(),
        vec![]
    );
    // B can open the shared case but does not own it; C has nothing to do with it.
    assert_eq!(
        store.audit_of_case(id(ORG_B), id(110), 10).await.unwrap(),
        vec![]
    );
    assert_eq!(
        store.audit_of_case(id(ORG_C), id(110), 10).await.unwrap(),
        vec![]
    );

    let before = audit_count(&store).await;
    assert!(!store
        .erase_case(id(ORG_B), id(110), event("case.erase", Some(id(110))))
        .await
        .unwrap());
    assert!(!store
        .erase_case(id(ORG_C), id(110), event("case.erase", Some(id(110))))
        .await
        .unwrap());
    assert!(!store
        .erase_case(id(ORG_A), id(119), event("case.erase", Some(id(119))))
        .await
        .unwrap());
    assert!(store
        .case_visible_to(id(ORG_B), id(110))
        .await
        .unwrap()
        .is_some());
    assert_eq!(audit_count(&store).await, before);

    assert!(store
        .erase_case(id(ORG_A), id(110), event("case.erase", Some(id(110))))
        .await
        .unwrap());
    assert_eq!(
        store.case_visible_to(id(ORG_A), id(110)).await.unwrap(),
        None
    );
    assert_eq!(
        store.case_visible_to(id(ORG_B), id(110)).await.unwrap(),
        None
    );
    assert_eq!(
        store.case_keys_of_organization(id(ORG_B)).await.unwrap(),
        vec![]
    );
    assert_eq!(
        store.case_keys_of_organization(id(ORG_A)).await.unwrap(),
        vec![case_key(111, ORG_A, 1)]
    );
    assert!(!store
        .erase_case(id(ORG_A), id(110), event("case.erase", Some(id(110))))
        .await
        .unwrap());
    let entries = all_entries(&store).await;
    assert_eq!(entries.len(), before + 1);
    assert_eq!(entries.last().unwrap().event.action, "case.erase");
}

async fn cases_are_counted_by_country_and_urgency(engine: Engine) {
    let (_db, store) = with_keyring(engine).await;
    let cases = [
        (120, ORG_A, "KG", "within_days"),
        (121, ORG_A, "KG", "detained_now"),
        (122, ORG_B, "KG", "within_days"),
        (123, ORG_B, "AM", "threat_to_life"),
        (124, ORG_A, "TJ", "within_days"),
    ];
    for (n, org, country, urgency) in cases {
        let mut record = case(n, org, 1);
        record.country = country.into();
        record.urgency = urgency.into();
        store
            .create_case(
                id(org),
                &record,
                &[case_key(n, org, 1)],
                event("case.create", None),
            )
            .await
            .unwrap();
    }
    let count = |country: &str, urgency: &str, count| CaseCount {
        country: country.into(),
        urgency: urgency.into(),
        count,
    };
    assert_eq!(
        store.case_counts().await.unwrap(),
        vec![
            count("AM", "threat_to_life", 1),
            count("KG", "detained_now", 1),
            count("KG", "within_days", 2),
            count("TJ", "within_days", 1),
        ]
    );
}

async fn every_audited_change_appends_exactly_one_entry(engine: Engine) {
    let (_db, store) = fresh(engine).await;
    let mut expected: Vec<&str> = Vec::new();

    async fn check(store: &SharedStore, expected: &[&str]) {
        let actions: Vec<String> = all_entries(store)
            .await
            .into_iter()
            .map(|e| e.event.action)
            .collect();
        assert_eq!(actions, expected);
    }

    store
        .initialize_keyring(
            &record(1),
            &[org_key(ORG_A, 1, 1)],
            event("keyring.init", None),
        )
        .await
        .unwrap();
    expected.push("keyring.init");
    check(&store, &expected).await;
    store
        .add_organization_keys(&[org_key(ORG_B, 1, 1)], event("orgkey.add", None))
        .await
        .unwrap();
    expected.push("orgkey.add");
    check(&store, &expected).await;
    let mut u = user(130, ORG_A, "audited");
    store
        .create_user(&u, event("user.create", Some(u.id)))
        .await
        .unwrap();
    expected.push("user.create");
    check(&store, &expected).await;
    u.disabled = true;
    store
        .update_user(&u, Some(event("user.disable", Some(u.id))))
        .await
        .unwrap();
    expected.push("user.disable");
    check(&store, &expected).await;
    store
        .create_case(
            id(ORG_A),
            &case(131, ORG_A, 1),
            &[case_key(131, ORG_A, 1)],
            event("case.create", Some(id(131))),
        )
        .await
        .unwrap();
    expected.push("case.create");
    check(&store, &expected).await;
    store
        .update_case(
            id(ORG_A),
            &case(131, ORG_A, 1),
            event("case.update", Some(id(131))),
        )
        .await
        .unwrap();
    expected.push("case.update");
    check(&store, &expected).await;
    store
        .rotate_organization_key(
            &org_key(ORG_A, 2, 1),
            &[case_key(131, ORG_A, 2)],
            event("orgkey.rotate", None),
        )
        .await
        .unwrap();
    expected.push("orgkey.rotate");
    check(&store, &expected).await;
    store
        .rotate_root(
            &record(2),
            &[org_key(ORG_A, 2, 2), org_key(ORG_B, 1, 2)],
            &[],
            event("keyring.rotate", None),
        )
        .await
        .unwrap();
    expected.push("keyring.rotate");
    check(&store, &expected).await;
    store
        .erase_case(id(ORG_A), id(131), event("case.erase", Some(id(131))))
        .await
        .unwrap();
    expected.push("case.erase");
    check(&store, &expected).await;
    store
        .append_audit(event("keyring.seal", None))
        .await
        .unwrap();
    expected.push("keyring.seal");
    check(&store, &expected).await;

    // What is not audited by the store adds nothing.
    store.update_user(&u, None).await.unwrap();
    store.advance_totp_step(u.id, 7).await.unwrap();
    store
        .replace_recovery_codes(u.id, &["x".to_owned()])
        .await
        .unwrap();
    store.use_recovery_code(u.id, "x").await.unwrap();
    store.create_session(&session("tok", 130)).await.unwrap();
    store.touch_session("tok", 99_999).await.unwrap();
    store.delete_sessions_of_user(u.id).await.unwrap();
    check(&store, &expected).await;

    let entries = all_entries(&store).await;
    let seqs: Vec<i64> = entries.iter().map(|e| e.seq).collect();
    assert_eq!(seqs, (1..=10).collect::<Vec<i64>>());
    assert_eq!(entries[4].event, event("case.create", Some(id(131))));
    assert_eq!(assert_chain_intact(&store).await, 10);
}

async fn refused_changes_append_nothing(engine: Engine) {
    let (_db, store) = with_keyring(engine).await;
    store
        .create_user(&user(140, ORG_A, "dup"), event("user.create", None))
        .await
        .unwrap();
    let head = store.audit_head().await.unwrap();
    let before = audit_count(&store).await;

    let refusals = [
        store
            .initialize_keyring(&record(1), &[], event("keyring.init", None))
            .await,
        store
            .add_organization_keys(&[org_key(ORG_A, 1, 1)], event("orgkey.add", None))
            .await,
        store
            .rotate_root(&record(5), &[], &[], event("keyring.rotate", None))
            .await,
        store
            .rotate_organization_key(&org_key(ORG_A, 7, 1), &[], event("orgkey.rotate", None))
            .await,
        store
            .create_user(&user(141, ORG_B, "dup"), event("user.create", None))
            .await,
        store
            .update_user(&user(149, ORG_A, "ghost"), Some(event("user.update", None)))
            .await,
        store
            .create_case(
                id(ORG_B),
                &case(142, ORG_A, 1),
                &[],
                event("case.create", None),
            )
            .await,
    ];
    for refusal in refusals {
        assert!(
            matches!(refusal, Err(StoreError::Rejected(_))),
            "{refusal:?}"
        );
    }
    assert_eq!(audit_count(&store).await, before);
    assert_eq!(store.audit_head().await.unwrap(), head);
    assert_chain_intact(&store).await;
}

async fn concurrent_appends_leave_a_gap_free_chain(engine: Engine) {
    let (_db, store) = with_keyring(engine).await;
    let mut tasks = Vec::new();
    for n in 0..20u128 {
        let store = store.clone();
        tasks.push(tokio::spawn(async move {
            if n % 4 == 0 {
                // Audited changes race plain appends for the same chain.
                store
                    .create_case(
                        id(ORG_A),
                        &case(200 + n, ORG_A, 1),
                        &[case_key(200 + n, ORG_A, 1)],
                        event("case.create", Some(id(200 + n))),
                    )
                    .await
                    .unwrap();
            } else {
                store
                    .append_audit(event("case.view", Some(id(200 + n))))
                    .await
                    .unwrap();
            }
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
    let entries = all_entries(&store).await;
    assert_eq!(entries.len(), 21, "the keyring's entry and twenty more");
    assert_eq!(assert_chain_intact(&store).await, 21);
    assert_eq!(store.audit_head().await.unwrap().unwrap().0, 21);
}

async fn audit_entries_are_paged_in_order(engine: Engine) {
    let (_db, store) = fresh(engine).await;
    let mut appended = Vec::new();
    for n in 0..7u128 {
        appended.push(
            store
                .append_audit(event("case.view", Some(id(n))))
                .await
                .unwrap(),
        );
    }
    assert_eq!(
        appended.iter().map(|e| e.seq).collect::<Vec<_>>(),
        (1..=7).collect::<Vec<_>>()
    );
    let mut verifier = ChainVerifier::new();
    let mut after = 0;
    let mut read = Vec::new();
    loop {
        let page = store.audit_entries(after, 3).await.unwrap();
        let Some(last) = page.last() else { break };
        after = last.seq;
        for entry in &page {
            verifier.check(entry).unwrap();
        }
        read.extend(page);
    }
    assert_eq!(read, appended);
    assert_eq!(verifier.head(), Some(appended[6].hash));
    assert_eq!(store.audit_entries(7, 10).await.unwrap(), vec![]);
    assert_eq!(store.audit_entries(0, 0).await.unwrap(), vec![]);
    assert_eq!(store.audit_entries(0, -1).await.unwrap(), vec![]);
    assert_eq!(
        store.audit_head().await.unwrap(),
        Some((7, appended[6].hash))
    );
}

async fn a_damaged_hash_is_reported_with_its_seq(engine: Engine) {
    let (db, store) = fresh(engine).await;
    for _ in 0..3 {
        store.append_audit(event("case.view", None)).await.unwrap();
    }
    tamper(
        &db,
        "UPDATE audit_log SET hash = $1 WHERE seq = 2",
        Some(vec![7; 31]),
    )
    .await;
    match store.audit_entries(0, 10).await {
        Err(StoreError::Corrupt(message)) => {
            assert!(message.contains("audit entry 2"), "{message}");
            assert!(message.contains("31 bytes"), "{message}");
        }
        other => panic!("expected Corrupt, got {other:?}"),
    }
    // The entry before it still reads.
    assert_eq!(store.audit_entries(0, 1).await.unwrap().len(), 1);
}

async fn appending_after_a_cut_chain_is_refused(engine: Engine) {
    let (db, store) = fresh(engine).await;
    for _ in 0..3 {
        store.append_audit(event("case.view", None)).await.unwrap();
    }
    let head = store.audit_head().await.unwrap();
    // Cutting the last entry leaves the head pointing past the log's end.
    tamper(&db, "DELETE FROM audit_log WHERE seq = 3", None).await;
    assert!(matches!(
        store.append_audit(event("case.view", None)).await,
        Err(StoreError::Corrupt(_))
    ));
    assert!(matches!(
        store
            .create_user(&user(150, ORG_A, "after"), event("user.create", None))
            .await,
        Err(StoreError::Corrupt(_))
    ));
    assert_eq!(
        store.user(id(150)).await.unwrap(),
        None,
        "the change went with it"
    );
    assert_eq!(
        store.audit_head().await.unwrap(),
        head,
        "the evidence stays"
    );
}

fn security_key(credential_id: &str, user: u128) -> SecurityKey {
    SecurityKey {
        credential_id: credential_id.to_owned(),
        user_id: id(user),
        name: format!("key {credential_id}"),
        credential: format!("{{\"cred\":\"{credential_id}\"}}"),
        created_at_ms: 1_000,
        last_used_ms: None,
    }
}

async fn security_keys_belong_to_their_user(engine: Engine) {
    let (_db, store) = with_keyring(engine).await;
    store
        .create_user(&user(1, ORG_A, "amira"), event("staff.add", Some(id(1))))
        .await
        .unwrap();
    store
        .create_user(&user(2, ORG_B, "bakyt"), event("staff.add", Some(id(2))))
        .await
        .unwrap();
    let before = audit_count(&store).await;
    store
        .add_security_key(
            &security_key("k1", 1),
            event("staff.security_key_added", Some(id(1))),
        )
        .await
        .unwrap();
    assert_eq!(audit_count(&store).await, before + 1);
    // A credential id is registered once, whoever tries.
    assert_rejected(
        store
            .add_security_key(
                &security_key("k1", 2),
                event("staff.security_key_added", Some(id(2))),
            )
            .await,
        "",
    );
    assert_eq!(audit_count(&store).await, before + 1);
    assert_eq!(
        store.security_keys_of(id(1)).await.unwrap(),
        [security_key("k1", 1)]
    );
    assert!(store.security_keys_of(id(2)).await.unwrap().is_empty());

    // Another user can neither update nor remove it.
    assert!(!store
        .update_security_key(id(2), "k1", "{}", 5)
        .await
        .unwrap());
    assert!(!store
        .remove_security_key(
            id(2),
            "k1",
            event("staff.security_key_removed", Some(id(2)))
        )
        .await
        .unwrap());
    assert_eq!(audit_count(&store).await, before + 1);

    assert!(store
        .update_security_key(id(1), "k1", "{\"n\":2}", 5)
        .await
        .unwrap());
    let stored = store.security_keys_of(id(1)).await.unwrap();
    assert_eq!(stored[0].credential, "{\"n\":2}");
    assert_eq!(stored[0].last_used_ms, Some(5));
    assert!(store
        .remove_security_key(
            id(1),
            "k1",
            event("staff.security_key_removed", Some(id(1)))
        )
        .await
        .unwrap());
    assert!(store.security_keys_of(id(1)).await.unwrap().is_empty());
    assert_eq!(audit_count(&store).await, before + 2);
    assert_chain_intact(&store).await;
}
