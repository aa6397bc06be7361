//! The security core's storage, one story run against both engines: every test
//! below runs once on a fresh SQLite file and once on a fresh PostgreSQL database
//! (`name::sqlite` and `name::postgres`). PostgreSQL comes from the server at
//! `TORCHLIGHT_TEST_PG_URL`; `scripts/test.sh` starts a throwaway one and sets it.
//!
//! Every write goes through `Store::commit` of a `UnitOfWork`: its changes and its
//! audit events land together or not at all, so every committed unit appends one
//! entry per event and a refused one appends none.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use sqlx::Connection;
use torchlight_core::access::Role;
use torchlight_core::case::{CaseStatus, Urgency};
use torchlight_core::taxonomy::Vocabulary;
use torchlight_core::Code;
use torchlight_core::{CaseId, OrganizationId, UserId};
use torchlight_crypto::audit::{AuditEvent, ChainVerifier, ChainedEntry};
use torchlight_crypto::keyring::{KeyringRecord, RootKey, SealMode};
use torchlight_crypto::signer::{Signer, SignerPublicKey};
use torchlight_store::testing::TestDb;
use torchlight_store::{
    both_engines, CaseCount, CaseKey, CaseRecord, Change, Engine, KeyBinding, OrganizationKey,
    SecurityKey, Session, SharedStore, StaffUser, StoreError, UnitOfWork,
};
use uuid::Uuid;

/// Fixture `n` as whichever id the call needs (a user's, a case's, an
/// organisation's, or the bare UUID an audit event names).
fn id<Id: From<Uuid>>(n: u128) -> Id {
    Id::from(Uuid::from_u128(
        0x5ec0_0000_0000_4000_8000_0000_0000_0000 | n,
    ))
}

const ORG_A: u128 = 1;
const ORG_B: u128 = 2;
const ORG_C: u128 = 3;

fn event(action: &str, object: Option<Uuid>) -> AuditEvent {
    AuditEvent {
        at_ms: 1_700_000_000_000,
        actor: "cli".into(),
        organization: Some(id::<Uuid>(ORG_A).to_string()),
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
        binding: None,
    }
}

fn user(n: u128, org: u128, username: &str) -> StaffUser {
    StaffUser {
        id: id(n),
        organization_id: id(org),
        username: username.into(),
        display_name: format!("User {n}"),
        role: Role::Caseworker,
        password_hash: FIXTURE_HASH.into(),
        must_change_password: false,
        totp_sealed: None,
        totp_last_step: None,
        disabled: false,
        locale: None,
        created_at_ms: 2_000,
    }
}

fn country(code: &str) -> Code {
    Code::parse(Vocabulary::Country, code).unwrap()
}

fn case(n: u128, org: u128, created_at_ms: i64) -> CaseRecord {
    CaseRecord {
        id: id(n),
        organization_id: id(org),
        country: country("KG"),
        urgency: Urgency::WithinDays,
        status: CaseStatus::Open,
        created_at_ms,
        updated_at_ms: created_at_ms,
        content: format!("sealed content of case {n}").into_bytes(),
        binding: Some(format!("binding of case {n}").into_bytes()),
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

/// The password hash of every fixture user as `user` makes it.
const FIXTURE_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA";

/// A session for a fixture user whose password is still `FIXTURE_HASH`.
fn fixture_session(session: Session) -> Change {
    Change::CreateSession {
        session,
        expected_hash: FIXTURE_HASH.into(),
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
    let mut verifier = ChainVerifier::new(Default::default());
    for entry in &entries {
        verifier.check(entry).unwrap();
    }
    let head = store.audit_head().await.unwrap();
    assert_eq!(head, entries.last().map(|e| (e.seq, e.hash)));
    verifier.checked()
}

/// A unit of one change recorded by one event: what most operations commit.
fn unit(change: Change, event: AuditEvent) -> UnitOfWork {
    UnitOfWork::recording(event).with(change)
}

async fn create_user(store: &SharedStore, user: &StaffUser) {
    store
        .commit(unit(
            Change::CreateUser(user.clone()),
            event("user.create", Some(user.id.as_uuid())),
        ))
        .await
        .unwrap();
}

async fn create_case(store: &SharedStore, scope: u128, record: &CaseRecord, keys: &[CaseKey]) {
    store
        .commit(unit(
            Change::CreateCase {
                scope: id(scope),
                record: record.clone(),
                keys: keys.to_vec(),
            },
            event("case.create", Some(record.id.as_uuid())),
        ))
        .await
        .unwrap();
}

/// Appends one event and changes nothing: how views and seals are recorded.
async fn record_only(store: &SharedStore, action: &str, object: Option<Uuid>) {
    store
        .commit(UnitOfWork::recording(event(action, object)))
        .await
        .unwrap();
}

/// The whole chain and its head, to show that a refused unit left both alone.
async fn audit_state(store: &SharedStore) -> (Vec<ChainedEntry>, Option<(i64, [u8; 32])>) {
    (all_entries(store).await, store.audit_head().await.unwrap())
}

fn assert_conflict<T: std::fmt::Debug>(result: Result<T, StoreError>) {
    assert!(
        matches!(result, Err(StoreError::Conflict(_))),
        "expected Conflict, got {result:?}"
    );
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
        .commit(unit(
            Change::InitializeKeyring {
                record: record(1),
                keys: vec![org_key(ORG_A, 1, 1), org_key(ORG_B, 1, 1)],
            },
            event("keyring.init", None),
        ))
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
    a_trail_is_read_by_key_holders_and_an_erase_expects_the_owner,
    cases_are_counted_by_country_and_urgency,
    every_audited_change_appends_exactly_one_entry,
    refused_changes_append_nothing,
    concurrent_appends_leave_a_gap_free_chain,
    audit_entries_are_paged_in_order,
    a_damaged_hash_is_reported_with_its_seq,
    appending_after_a_cut_chain_is_refused,
    security_keys_belong_to_their_user,
    a_failing_change_rolls_back_the_whole_unit,
    a_unit_spans_areas,
    a_disable_holds_against_a_slow_password_change,
    a_sign_in_does_not_outlive_a_disable_or_a_reset,
    a_totp_step_and_a_recovery_code_are_spent_once,
    a_unit_without_changes_only_records,
    signed_entries_keep_their_signature_and_a_signer_is_never_replaced,
    an_old_key_is_bound_once_and_only_as_it_was,
    a_batch_writes_its_requests_together_and_refuses_only_the_failing_ones,
    the_triage_queue_is_cores_order_and_counts,
    triage_changes_stay_within_the_organisation,
);

async fn the_keyring_is_initialised_once(engine: Engine) {
    let (_db, store) = fresh(engine).await;
    assert_eq!(store.keyring().await.unwrap(), None);
    store
        .commit(unit(
            Change::InitializeKeyring {
                record: record(1),
                keys: vec![org_key(ORG_A, 1, 1)],
            },
            event("keyring.init", None),
        ))
        .await
        .unwrap();
    assert_eq!(store.keyring().await.unwrap(), Some(record(1)));
    assert_eq!(
        store.organization_keys().await.unwrap(),
        vec![org_key(ORG_A, 1, 1)]
    );

    let again = store
        .commit(unit(
            Change::InitializeKeyring {
                record: record(1),
                keys: vec![org_key(ORG_B, 1, 1)],
            },
            event("keyring.init", None),
        ))
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

    let add = |key: OrganizationKey| {
        unit(
            Change::AddOrganizationKeys(vec![key]),
            event("orgkey.add", None),
        )
    };
    store.commit(add(org_key(ORG_C, 1, 1))).await.unwrap();
    assert_eq!(
        store.organization_key(id(ORG_C), 1).await.unwrap(),
        Some(org_key(ORG_C, 1, 1))
    );
    assert_eq!(store.organization_key(id(ORG_C), 2).await.unwrap(), None);
    let again = store.commit(add(org_key(ORG_A, 1, 1))).await;
    assert_rejected(again, "has a key pair already");

    store
        .commit(unit(
            Change::RotateOrganizationKey {
                new_key: org_key(ORG_A, 2, 1),
                rewrapped: vec![],
            },
            event("orgkey.rotate", None),
        ))
        .await
        .unwrap();
    assert_eq!(
        store.current_organization_key(id(ORG_A)).await.unwrap(),
        Some(org_key(ORG_A, 2, 1))
    );
    let versions: Vec<(OrganizationId, i64)> = store
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
    create_user(&store, &enrolled).await;
    create_user(&store, &user(11, ORG_A, "bakyt")).await;
    let resealed = [org_key(ORG_A, 1, 2), org_key(ORG_B, 1, 2)];
    let totp = [(id(10), b"totp under root 2".to_vec())];
    let rotate = |version: u32, keys: &[OrganizationKey], totp: &[(UserId, Vec<u8>)]| {
        unit(
            Change::RotateRoot {
                record: record(version),
                organization_keys: keys.to_vec(),
                totp_secrets: totp.to_vec(),
            },
            event("keyring.rotate", None),
        )
    };
    let before = audit_count(&store).await;

    let skipped = store.commit(rotate(3, &resealed, &totp)).await;
    assert_rejected(skipped, "must be version 2");
    let same = store.commit(rotate(1, &resealed, &totp)).await;
    assert_rejected(same, "must be version 2");
    let key_left_behind = store.commit(rotate(2, &resealed[..1], &totp)).await;
    assert_rejected(key_left_behind, "organisation secret key");
    let totp_left_behind = store.commit(rotate(2, &resealed, &[])).await;
    assert_rejected(totp_left_behind, "TOTP");
    let unknown_key = store
        .commit(rotate(
            2,
            &[
                org_key(ORG_A, 1, 2),
                org_key(ORG_B, 1, 2),
                org_key(ORG_C, 1, 2),
            ],
            &totp,
        ))
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

    store.commit(rotate(2, &resealed, &totp)).await.unwrap();
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
    create_case(
        &store,
        ORG_A,
        &case(20, ORG_A, 100),
        &[case_key(20, ORG_A, 1), case_key(20, ORG_B, 1)],
    )
    .await;
    create_case(
        &store,
        ORG_A,
        &case(21, ORG_A, 200),
        &[case_key(21, ORG_A, 1)],
    )
    .await;
    let rewrapped = [case_key(20, ORG_A, 2), case_key(21, ORG_A, 2)];
    let rotate = |version: i64, rewrapped: &[CaseKey]| {
        unit(
            Change::RotateOrganizationKey {
                new_key: org_key(ORG_A, version, 1),
                rewrapped: rewrapped.to_vec(),
            },
            event("orgkey.rotate", None),
        )
    };
    let before = audit_state(&store).await;

    let skipped = store.commit(rotate(3, &rewrapped)).await;
    assert_rejected(skipped, "must be version 2");
    let partial = store.commit(rotate(2, &rewrapped[..1])).await;
    assert_rejected(partial, "were not re-wrapped");
    let foreign = store
        .commit(rotate(2, &[case_key(20, ORG_A, 2), case_key(20, ORG_B, 2)]))
        .await;
    assert_rejected(foreign, "not for the new key");
    assert_eq!(
        store.current_organization_key(id(ORG_A)).await.unwrap(),
        Some(org_key(ORG_A, 1, 1))
    );
    assert_eq!(
        store.case_keys_of_organization(id(ORG_A)).await.unwrap(),
        vec![case_key(20, ORG_A, 1), case_key(21, ORG_A, 1)]
    );
    assert_eq!(audit_state(&store).await, before);

    store.commit(rotate(2, &rewrapped)).await.unwrap();
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
        create_user(&store, u).await;
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

    // Every field an account has is stored as created, including those only a
    // whole-row update could once set afterwards (name, role, locale).
    let full = StaffUser {
        display_name: "Zarina T.".into(),
        role: Role::OrganizationAdmin,
        password_hash: "$argon2id$full".into(),
        must_change_password: true,
        totp_sealed: Some(vec![1, 2, 3]),
        totp_last_step: Some(55),
        disabled: true,
        locale: Some("ky".into()),
        ..user(33, ORG_B, "full")
    };
    create_user(&store, &full).await;
    assert_eq!(store.user(id(33)).await.unwrap(), Some(full.clone()));

    // Each change writes its own columns only: the id, organisation, username,
    // name, role, locale and creation time stay as created, and one change does
    // not undo another.
    let before = audit_count(&store).await;
    store
        .commit(unit(
            Change::ChangePassword {
                user: id(30),
                expected_hash: zarina.password_hash.clone(),
                new_hash: "$argon2id$new".into(),
            },
            event("staff.password_changed", Some(id(30))),
        ))
        .await
        .unwrap();
    store
        .commit(unit(
            Change::EnrolTotp {
                user: id(30),
                totp_sealed: vec![1, 2, 3],
                step: 55,
                recovery_digests: vec!["r1".into(), "r2".into()],
            },
            event("staff.totp_enrolled", Some(id(30))),
        ))
        .await
        .unwrap();
    store
        .commit(unit(
            Change::SetDisabled {
                user: id(30),
                disabled: true,
            },
            event("staff.disable", Some(id(30))),
        ))
        .await
        .unwrap();
    let changed = StaffUser {
        password_hash: "$argon2id$new".into(),
        totp_sealed: Some(vec![1, 2, 3]),
        totp_last_step: Some(55),
        disabled: true,
        ..zarina.clone()
    };
    assert_eq!(store.user(id(30)).await.unwrap(), Some(changed.clone()));
    assert_eq!(store.remaining_recovery_codes(id(30)).await.unwrap(), 2);
    assert_eq!(store.user(id(31)).await.unwrap(), Some(aida.clone()));

    // A reset replaces the password with one to change, removes the second factor
    // and the recovery codes; re-enabling touches only the flag.
    store
        .commit(unit(
            Change::ResetCredentials {
                user: id(30),
                new_hash: "$argon2id$one-time".into(),
            },
            event("staff.reset", Some(id(30))),
        ))
        .await
        .unwrap();
    store
        .commit(unit(
            Change::SetDisabled {
                user: id(30),
                disabled: false,
            },
            event("staff.enable", Some(id(30))),
        ))
        .await
        .unwrap();
    let reset = StaffUser {
        password_hash: "$argon2id$one-time".into(),
        must_change_password: true,
        totp_sealed: None,
        totp_last_step: None,
        disabled: false,
        ..changed
    };
    assert_eq!(store.user(id(30)).await.unwrap(), Some(reset.clone()));
    assert_eq!(store.remaining_recovery_codes(id(30)).await.unwrap(), 0);
    let actions: Vec<String> = all_entries(&store).await[before..]
        .iter()
        .map(|e| e.event.action.clone())
        .collect();
    assert_eq!(
        actions,
        [
            "staff.password_changed",
            "staff.totp_enrolled",
            "staff.disable",
            "staff.reset",
            "staff.enable"
        ]
    );

    // Nobody to change: refused or a conflict, and nothing recorded.
    let ghost = id(98);
    assert_rejected(
        store
            .commit(unit(
                Change::ResetCredentials {
                    user: ghost,
                    new_hash: "x".into(),
                },
                event("staff.reset", Some(ghost.as_uuid())),
            ))
            .await,
        "no user",
    );
    assert_rejected(
        store
            .commit(unit(
                Change::SetDisabled {
                    user: ghost,
                    disabled: true,
                },
                event("staff.disable", Some(ghost.as_uuid())),
            ))
            .await,
        "no user",
    );
    assert_conflict(
        store
            .commit(unit(
                Change::ChangePassword {
                    user: ghost,
                    expected_hash: zarina.password_hash.clone(),
                    new_hash: "x".into(),
                },
                event("staff.password_changed", Some(ghost.as_uuid())),
            ))
            .await,
    );
    assert_conflict(
        store
            .commit(unit(
                Change::EnrolTotp {
                    user: ghost,
                    totp_sealed: vec![9],
                    step: 1,
                    recovery_digests: vec![],
                },
                event("staff.totp_enrolled", Some(ghost.as_uuid())),
            ))
            .await,
    );
    assert_eq!(store.user(ghost).await.unwrap(), None);
    assert_eq!(audit_count(&store).await, before + 5);
}

async fn a_taken_username_is_refused_and_not_audited(engine: Engine) {
    let (_db, store) = fresh(engine).await;
    create_user(&store, &user(40, ORG_A, "nurlan")).await;
    let before = audit_count(&store).await;
    // Another organisation cannot have it either: usernames are deployment-wide.
    let taken = store
        .commit(unit(
            Change::CreateUser(user(41, ORG_B, "nurlan")),
            event("user.create", None),
        ))
        .await;
    assert_rejected(taken, "the username \"nurlan\" is taken");
    assert_eq!(store.user(id(41)).await.unwrap(), None);
    assert_eq!(audit_count(&store).await, before);
    // The same id twice is refused as well.
    let same_id = store
        .commit(unit(
            Change::CreateUser(user(40, ORG_A, "other")),
            event("user.create", None),
        ))
        .await;
    assert!(
        matches!(same_id, Err(StoreError::Rejected(_))),
        "{same_id:?}"
    );
    assert_eq!(store.user_by_username("other").await.unwrap(), None);
    assert_eq!(audit_count(&store).await, before);
}

async fn stored_roles_must_be_known(engine: Engine) {
    let (db, store) = fresh(engine).await;
    // No change rewrites a role any more; each role is stored at creation.
    let roles = [
        Role::Caseworker,
        Role::Coordinator,
        Role::OrganizationAdmin,
        Role::SystemAdmin,
        Role::Analyst,
    ];
    for (n, role) in (50u128..).zip(roles) {
        let u = StaffUser {
            role,
            ..user(n, ORG_A, &format!("role{n}"))
        };
        create_user(&store, &u).await;
        assert_eq!(store.user(id(n)).await.unwrap().unwrap().role, role);
    }
    tamper(&db, "UPDATE staff_users SET role = 'overlord'", None).await;
    match store.user(id(50)).await {
        Err(StoreError::Corrupt(message)) => assert!(message.contains("overlord"), "{message}"),
        other => panic!("expected Corrupt, got {other:?}"),
    }
}

async fn totp_steps_only_move_forward(engine: Engine) {
    let (_db, store) = fresh(engine).await;
    let enrolled = StaffUser {
        totp_sealed: Some(b"sealed totp secret".to_vec()),
        ..user(60, ORG_A, "totp")
    };
    create_user(&store, &enrolled).await;
    create_user(&store, &user(61, ORG_A, "no-totp")).await;
    // Accepting a step was unaudited before; it is now a unit recording the
    // second factor, one entry per accepted step and none for a refused one.
    let advance = |user: u128, step: i64| {
        unit(
            Change::AdvanceTotpStep {
                user: id(user),
                step,
            },
            event("staff.totp_verified", Some(id(user))),
        )
    };
    store.commit(advance(60, 1000)).await.unwrap();
    let before = (
        store.user(id(60)).await.unwrap(),
        store.user(id(61)).await.unwrap(),
        audit_state(&store).await,
    );
    assert_conflict(store.commit(advance(60, 1000)).await); // a replay
    assert_conflict(store.commit(advance(60, 999)).await); // an older code
    assert_conflict(store.commit(advance(99, 5000)).await); // no such user
    assert_conflict(store.commit(advance(61, 5000)).await); // no TOTP to verify
    assert_eq!(
        (
            store.user(id(60)).await.unwrap(),
            store.user(id(61)).await.unwrap(),
            audit_state(&store).await,
        ),
        before,
        "refused steps change and record nothing"
    );
    store.commit(advance(60, 1001)).await.unwrap();
    assert_eq!(
        store.user(id(60)).await.unwrap().unwrap().totp_last_step,
        Some(1001)
    );
    assert_eq!(
        audit_count(&store).await,
        4,
        "two creations and two accepted steps"
    );
}

async fn recovery_codes_are_single_use(engine: Engine) {
    let (_db, store) = fresh(engine).await;
    for (n, name) in [(70, "rc1"), (71, "rc2")] {
        create_user(&store, &user(n, ORG_A, name)).await;
    }
    // Recovery codes are replaced only by an enrolment (or removed by a reset), and
    // spending one is audited now: each of these units appends one entry.
    let enrol = |user: u128, digests: &[&str]| {
        unit(
            Change::EnrolTotp {
                user: id(user),
                totp_sealed: format!("totp of {user}").into_bytes(),
                step: 1,
                recovery_digests: digests.iter().map(|d| (*d).to_owned()).collect(),
            },
            event("staff.totp_enrolled", Some(id(user))),
        )
    };
    let spend = |user: u128, digest: &str| {
        unit(
            Change::SpendRecoveryCode {
                user: id(user),
                digest: digest.to_owned(),
                at_ms: 50_000,
            },
            event("staff.recovery_code_used", Some(id(user))),
        )
    };
    store.commit(enrol(70, &["d1", "d2", "d3"])).await.unwrap();
    store.commit(enrol(71, &["d1"])).await.unwrap();
    assert_eq!(store.remaining_recovery_codes(id(70)).await.unwrap(), 3);
    store.commit(spend(70, "d2")).await.unwrap();
    let before = audit_state(&store).await;
    assert_conflict(store.commit(spend(70, "d2")).await); // spent
    assert_conflict(store.commit(spend(70, "zz")).await); // unknown
                                                          // Enrolled already: the codes are not replaced.
    assert_conflict(store.commit(enrol(70, &["x1"])).await);
    assert_eq!(audit_state(&store).await, before);
    assert_eq!(store.remaining_recovery_codes(id(70)).await.unwrap(), 2);
    // Another user's code of the same digest is theirs alone.
    assert_eq!(store.remaining_recovery_codes(id(71)).await.unwrap(), 1);

    // A reset removes the codes with the second factor; enrolling again brings
    // fresh ones, and the old ones are gone for good.
    store
        .commit(unit(
            Change::ResetCredentials {
                user: id(70),
                new_hash: "$argon2id$one-time".into(),
            },
            event("staff.reset", Some(id(70))),
        ))
        .await
        .unwrap();
    assert_eq!(store.remaining_recovery_codes(id(70)).await.unwrap(), 0);
    store.commit(enrol(70, &["e1", "e2"])).await.unwrap();
    assert_eq!(store.remaining_recovery_codes(id(70)).await.unwrap(), 2);
    assert_conflict(store.commit(spend(70, "d1")).await); // replaced
    store.commit(spend(70, "e1")).await.unwrap();
    assert_eq!(store.remaining_recovery_codes(id(70)).await.unwrap(), 1);
    assert_eq!(store.remaining_recovery_codes(id(71)).await.unwrap(), 1);
    assert_eq!(store.remaining_recovery_codes(id(99)).await.unwrap(), 0);
    assert_conflict(store.commit(enrol(99, &["d1"])).await); // no such user
    assert_conflict(store.commit(spend(99, "d1")).await);
    // Two creations, three enrolments, two spent codes and the reset.
    assert_eq!(audit_count(&store).await, 8);
}

async fn sessions_live_and_end(engine: Engine) {
    let (_db, store) = fresh(engine).await;
    for (n, name) in [(80, "s1"), (81, "s2")] {
        create_user(&store, &user(n, ORG_A, name)).await;
    }
    // Sessions were written unaudited before; every start and end is a unit now,
    // one entry each.
    let sign_in = |token: &str, owner: u128| {
        unit(
            fixture_session(session(token, owner)),
            event("staff.sign_in", Some(id(owner))),
        )
    };
    let sign_out = |token: &str| {
        unit(
            Change::EndSession {
                token_digest: token.to_owned(),
            },
            event("staff.sign_out", None),
        )
    };
    let end_all = |owner: u128| {
        unit(
            Change::EndSessionsOfUser { user: id(owner) },
            event("staff.sessions_ended", Some(id(owner))),
        )
    };
    for (token, owner) in [("t1", 80), ("t2", 80), ("t3", 81)] {
        store.commit(sign_in(token, owner)).await.unwrap();
    }
    assert_eq!(audit_count(&store).await, 2 + 3);
    assert!(matches!(
        store.commit(sign_in("t1", 80)).await,
        Err(StoreError::Rejected(_))
    ));
    // No such account: no session, as for a disabled or reset one.
    assert!(matches!(
        store.commit(sign_in("t9", 99)).await,
        Err(StoreError::Conflict(_))
    ));
    assert_eq!(audit_count(&store).await, 2 + 3, "refused sign-ins");
    assert_eq!(store.session("t1").await.unwrap(), Some(session("t1", 80)));
    assert_eq!(store.session("nope").await.unwrap(), None);

    // Touching is not audited.
    store.touch_session("t1", 20_000).await.unwrap();
    store.touch_session("t1", 15_000).await.unwrap();
    store.touch_session("nope", 15_000).await.unwrap();
    let touched = store.session("t1").await.unwrap().unwrap();
    assert_eq!(touched.last_seen_ms, 20_000, "never moves backwards");
    assert_eq!(touched.created_at_ms, 10_000);
    assert_eq!(audit_count(&store).await, 2 + 3);

    // Ending an ended session is no conflict.
    store.commit(sign_out("t2")).await.unwrap();
    store.commit(sign_out("t2")).await.unwrap();
    assert_eq!(store.session("t2").await.unwrap(), None);
    assert_eq!(store.session("t1").await.unwrap(), Some(touched));
    store.commit(end_all(80)).await.unwrap();
    store.commit(end_all(80)).await.unwrap();
    assert_eq!(store.session("t1").await.unwrap(), None);
    assert_eq!(store.session("t3").await.unwrap(), Some(session("t3", 81)));
    assert_eq!(audit_count(&store).await, 2 + 3 + 2 + 2);

    // Disabling an account and resetting it end its sessions too.
    store
        .commit(unit(
            Change::SetDisabled {
                user: id(81),
                disabled: true,
            },
            event("staff.disable", Some(id(81))),
        ))
        .await
        .unwrap();
    assert_eq!(store.session("t3").await.unwrap(), None);
    store.commit(sign_in("t4", 80)).await.unwrap();
    store
        .commit(unit(
            Change::ResetCredentials {
                user: id(80),
                new_hash: "$argon2id$one-time".into(),
            },
            event("staff.reset", Some(id(80))),
        ))
        .await
        .unwrap();
    assert_eq!(store.session("t4").await.unwrap(), None);
    assert_eq!(audit_count(&store).await, 2 + 3 + 2 + 2 + 3);
    assert_chain_intact(&store).await;
}

async fn a_case_is_created_only_for_the_callers_organisation(engine: Engine) {
    let (_db, store) = with_keyring(engine).await;
    let before = audit_count(&store).await;
    let create = |scope: u128, keys: &[CaseKey]| {
        unit(
            Change::CreateCase {
                scope: id(scope),
                record: case(90, ORG_A, 1),
                keys: keys.to_vec(),
            },
            event("case.create", Some(id(90))),
        )
    };
    let not_ours = store
        .commit(create(
            ORG_B,
            &[case_key(90, ORG_A, 1), case_key(90, ORG_B, 1)],
        ))
        .await;
    assert_rejected(not_ours, "not to the caller's organisation");
    let no_own_key = store.commit(create(ORG_A, &[case_key(90, ORG_B, 1)])).await;
    assert_rejected(no_own_key, "no data key wrapped for its own organisation");
    let stray_key = store
        .commit(create(
            ORG_A,
            &[case_key(90, ORG_A, 1), case_key(91, ORG_B, 1)],
        ))
        .await;
    assert_rejected(stray_key, "belongs to case");
    assert_eq!(
        store.case_visible_to(id(ORG_A), id(90)).await.unwrap(),
        None
    );
    assert_eq!(store.case_counts().await.unwrap(), vec![]);
    assert_eq!(audit_count(&store).await, before);

    store
        .commit(create(ORG_A, &[case_key(90, ORG_A, 1)]))
        .await
        .unwrap();
    let twice = store.commit(create(ORG_A, &[case_key(90, ORG_A, 1)])).await;
    assert!(matches!(twice, Err(StoreError::Rejected(_))), "{twice:?}");
    assert_eq!(audit_count(&store).await, before + 1);
}

async fn cases_are_seen_only_through_a_key_of_the_scope(engine: Engine) {
    let (_db, store) = with_keyring(engine).await;
    // A owns 100 (shared with B) and 101; B owns 102.
    create_case(
        &store,
        ORG_A,
        &case(100, ORG_A, 1_000),
        &[case_key(100, ORG_A, 1), case_key(100, ORG_B, 1)],
    )
    .await;
    create_case(
        &store,
        ORG_A,
        &case(101, ORG_A, 2_000),
        &[case_key(101, ORG_A, 1)],
    )
    .await;
    create_case(
        &store,
        ORG_B,
        &case(102, ORG_B, 1_500),
        &[case_key(102, ORG_B, 1)],
    )
    .await;

    let ids = |cases: Vec<torchlight_store::VisibleCase>| -> Vec<CaseId> {
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

    let update = |scope: u128, record: &CaseRecord| {
        unit(
            Change::UpdateCase {
                scope: id(scope),
                record: record.clone(),
            },
            event("case.update", Some(record.id.as_uuid())),
        )
    };
    let before = audit_state(&store).await;
    let mut changed = case(101, ORG_A, 2_000);
    changed.status = CaseStatus::Closed;
    changed.urgency = Urgency::NotUrgent;
    changed.country = country("KZ");
    changed.updated_at_ms = 3_000;
    changed.content = b"new sealed content".to_vec();
    assert_conflict(store.commit(update(ORG_B, &changed)).await);
    assert_conflict(store.commit(update(ORG_C, &changed)).await);
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
        audit_state(&store).await,
        before,
        "refused updates audit nothing"
    );

    // The owner and field changes; owner and creation time stay.
    let mut sneaky = changed.clone();
    sneaky.organization_id = id(ORG_C);
    sneaky.created_at_ms = 1;
    store.commit(update(ORG_A, &sneaky)).await.unwrap();
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
    by_b.status = CaseStatus::Closed;
    store.commit(update(ORG_B, &by_b)).await.unwrap();
    assert_eq!(
        store
            .case_visible_to(id(ORG_A), id(100))
            .await
            .unwrap()
            .unwrap()
            .record,
        by_b
    );
    assert_eq!(audit_count(&store).await, before.0.len() + 2);
}

async fn a_trail_is_read_by_key_holders_and_an_erase_expects_the_owner(engine: Engine) {
    let (_db, store) = with_keyring(engine).await;
    create_case(
        &store,
        ORG_A,
        &case(110, ORG_A, 1_000),
        &[case_key(110, ORG_A, 1), case_key(110, ORG_B, 1)],
    )
    .await;
    create_case(
        &store,
        ORG_A,
        &case(111, ORG_A, 1_000),
        &[case_key(111, ORG_A, 1)],
    )
    .await;
    record_only(&store, "case.view", Some(id(110))).await;

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
    // B holds a key of the shared case, so the store hands it the trail too (that
    // only the owner sees it is `core::case::CaseRelation`'s rule, applied by the
    // application layer); C has nothing to do with the case.
    assert_eq!(
        store.audit_of_case(id(ORG_B), id(110), 10).await.unwrap(),
        trail
    );
    assert_eq!(
        store.audit_of_case(id(ORG_C), id(110), 10).await.unwrap(),
        vec![]
    );

    // An erase names the owner it expects: anyone else, or a case gone, is a conflict.
    let erase = |owner: u128, case: u128| {
        unit(
            Change::EraseCase {
                owner: id(owner),
                case: id(case),
            },
            event("case.erase", Some(id(case))),
        )
    };
    let before = audit_state(&store).await;
    assert_conflict(store.commit(erase(ORG_B, 110)).await);
    assert_conflict(store.commit(erase(ORG_C, 110)).await);
    assert_conflict(store.commit(erase(ORG_A, 119)).await);
    assert!(store
        .case_visible_to(id(ORG_B), id(110))
        .await
        .unwrap()
        .is_some());
    assert_eq!(
        store.case_keys_of_organization(id(ORG_B)).await.unwrap(),
        vec![case_key(110, ORG_B, 1)]
    );
    assert_eq!(audit_state(&store).await, before);

    store.commit(erase(ORG_A, 110)).await.unwrap();
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
    assert_conflict(store.commit(erase(ORG_A, 110)).await);
    let entries = all_entries(&store).await;
    assert_eq!(entries.len(), before.0.len() + 1);
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
        record.country = self::country(country);
        record.urgency = Urgency::from_code(urgency).unwrap();
        create_case(&store, org, &record, &[case_key(n, org, 1)]).await;
    }
    let count = |country: &str, urgency: &str, count| CaseCount {
        country: self::country(country),
        urgency: Urgency::from_code(urgency).unwrap(),
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

    // Every kind of change, each in a unit of its own with one event: each commit
    // appends exactly that event. Changes that were unaudited before (sessions,
    // TOTP steps, recovery codes, a key's use) now append one entry each as well.
    let u = user(130, ORG_A, "audited");
    let changes: Vec<(&str, Change)> = vec![
        (
            "keyring.init",
            Change::InitializeKeyring {
                record: record(1),
                keys: vec![org_key(ORG_A, 1, 1)],
            },
        ),
        (
            "orgkey.add",
            Change::AddOrganizationKeys(vec![org_key(ORG_B, 1, 1)]),
        ),
        ("user.create", Change::CreateUser(u.clone())),
        (
            "user.disable",
            Change::SetDisabled {
                user: u.id,
                disabled: true,
            },
        ),
        (
            "case.create",
            Change::CreateCase {
                scope: id(ORG_A),
                record: case(131, ORG_A, 1),
                keys: vec![case_key(131, ORG_A, 1)],
            },
        ),
        (
            "case.update",
            Change::UpdateCase {
                scope: id(ORG_A),
                record: case(131, ORG_A, 1),
            },
        ),
        (
            "orgkey.rotate",
            Change::RotateOrganizationKey {
                new_key: org_key(ORG_A, 2, 1),
                rewrapped: vec![case_key(131, ORG_A, 2)],
            },
        ),
        (
            "keyring.rotate",
            Change::RotateRoot {
                record: record(2),
                organization_keys: vec![org_key(ORG_A, 2, 2), org_key(ORG_B, 1, 2)],
                totp_secrets: vec![],
            },
        ),
        (
            "case.erase",
            Change::EraseCase {
                owner: id(ORG_A),
                case: id(131),
            },
        ),
        (
            "user.enable",
            Change::SetDisabled {
                user: u.id,
                disabled: false,
            },
        ),
        (
            "staff.password_changed",
            Change::ChangePassword {
                user: u.id,
                expected_hash: u.password_hash.clone(),
                new_hash: "$argon2id$new".into(),
            },
        ),
        (
            "staff.totp_enrolled",
            Change::EnrolTotp {
                user: u.id,
                totp_sealed: vec![7],
                step: 6,
                recovery_digests: vec!["x".into()],
            },
        ),
        (
            "staff.totp_verified",
            Change::AdvanceTotpStep {
                user: u.id,
                step: 7,
            },
        ),
        (
            "staff.recovery_code_used",
            Change::SpendRecoveryCode {
                user: u.id,
                digest: "x".into(),
                at_ms: 60_000,
            },
        ),
        (
            "staff.sign_in",
            // The password changed above.
            Change::CreateSession {
                session: session("tok", 130),
                expected_hash: "$argon2id$new".into(),
            },
        ),
        (
            "staff.sign_out",
            Change::EndSession {
                token_digest: "tok".into(),
            },
        ),
        (
            "staff.sign_in",
            // The password changed above.
            Change::CreateSession {
                session: session("tok2", 130),
                expected_hash: "$argon2id$new".into(),
            },
        ),
        (
            "staff.sessions_ended",
            Change::EndSessionsOfUser { user: u.id },
        ),
        (
            "staff.security_key_added",
            Change::AddSecurityKey(security_key("k", 130)),
        ),
        (
            "staff.security_key_used",
            Change::RecordSecurityKeyUse {
                user: u.id,
                credential_id: "k".into(),
                credential: "{}".into(),
                used_at_ms: 70_000,
            },
        ),
        (
            "staff.security_key_removed",
            Change::RemoveSecurityKey {
                user: u.id,
                credential_id: "k".into(),
            },
        ),
        (
            "staff.reset",
            Change::ResetCredentials {
                user: u.id,
                new_hash: "$argon2id$one-time".into(),
            },
        ),
    ];
    for (action, change) in changes {
        let object = matches!(action, "case.create" | "case.erase").then(|| id(131));
        store
            .commit(unit(change, event(action, object)))
            .await
            .unwrap();
        expected.push(action);
        check(&store, &expected).await;
        if action == "staff.sign_in" {
            // Touching a session is not audited.
            store.touch_session("tok", 99_999).await.unwrap();
            check(&store, &expected).await;
        }
    }
    // A unit without changes records its event; one with two events appends two.
    record_only(&store, "keyring.seal", None).await;
    expected.push("keyring.seal");
    check(&store, &expected).await;
    store
        .commit(
            UnitOfWork::recording(event("staff.sign_in", Some(u.id.as_uuid())))
                // After the reset above, with its one-time password.
                .with(Change::CreateSession {
                    session: session("tok3", 130),
                    expected_hash: "$argon2id$one-time".into(),
                })
                .and_record(event("staff.second_factor", Some(u.id.as_uuid()))),
        )
        .await
        .unwrap();
    expected.extend(["staff.sign_in", "staff.second_factor"]);
    check(&store, &expected).await;

    let entries = all_entries(&store).await;
    let seqs: Vec<i64> = entries.iter().map(|e| e.seq).collect();
    assert_eq!(seqs, (1..=25).collect::<Vec<i64>>());
    assert_eq!(entries[4].event, event("case.create", Some(id(131))));
    assert_eq!(assert_chain_intact(&store).await, 25);
}

async fn refused_changes_append_nothing(engine: Engine) {
    let (_db, store) = with_keyring(engine).await;
    create_user(&store, &user(140, ORG_A, "dup")).await;
    store
        .commit(unit(
            Change::EnrolTotp {
                user: id(140),
                totp_sealed: vec![1],
                step: 10,
                recovery_digests: vec!["r1".into()],
            },
            event("staff.totp_enrolled", Some(id(140))),
        ))
        .await
        .unwrap();
    create_case(
        &store,
        ORG_A,
        &case(143, ORG_A, 1),
        &[case_key(143, ORG_A, 1)],
    )
    .await;
    let before = audit_state(&store).await;
    let user_before = store.user(id(140)).await.unwrap();
    let case_before = store.case_visible_to(id(ORG_A), id(143)).await.unwrap();

    let refusals = [
        Change::InitializeKeyring {
            record: record(1),
            keys: vec![],
        },
        Change::AddOrganizationKeys(vec![org_key(ORG_A, 1, 1)]),
        Change::RotateRoot {
            record: record(5),
            organization_keys: vec![],
            totp_secrets: vec![],
        },
        Change::RotateOrganizationKey {
            new_key: org_key(ORG_A, 7, 1),
            rewrapped: vec![],
        },
        Change::CreateUser(user(141, ORG_B, "dup")),
        // Changes of an account that does not exist (`update_user` of a ghost).
        Change::ResetCredentials {
            user: id(149),
            new_hash: "x".into(),
        },
        Change::SetDisabled {
            user: id(149),
            disabled: true,
        },
        Change::AddSecurityKey(security_key("ghost", 149)),
        Change::CreateCase {
            scope: id(ORG_B),
            record: case(142, ORG_A, 1),
            keys: vec![],
        },
    ];
    for change in refusals {
        let refusal = store.commit(unit(change, event("refused", None))).await;
        assert!(
            matches!(refusal, Err(StoreError::Rejected(_))),
            "{refusal:?}"
        );
    }
    let conflicts = [
        // A session for an account that does not exist (nor is enabled with the
        // hash the sign-in read).
        fixture_session(session("ghost", 149)),
        Change::ChangePassword {
            user: id(140),
            expected_hash: "$argon2id$stale".into(),
            new_hash: "$argon2id$new".into(),
        },
        Change::EnrolTotp {
            user: id(140),
            totp_sealed: vec![2],
            step: 20,
            recovery_digests: vec!["r2".into()],
        },
        Change::AdvanceTotpStep {
            user: id(140),
            step: 10,
        },
        Change::SpendRecoveryCode {
            user: id(140),
            digest: "nope".into(),
            at_ms: 1,
        },
        Change::UpdateCase {
            scope: id(ORG_C),
            record: case(143, ORG_C, 5),
        },
        Change::EraseCase {
            owner: id(ORG_B),
            case: id(143),
        },
        Change::RecordSecurityKeyUse {
            user: id(140),
            credential_id: "none".into(),
            credential: "{}".into(),
            used_at_ms: 1,
        },
        Change::RemoveSecurityKey {
            user: id(140),
            credential_id: "none".into(),
        },
    ];
    for change in conflicts {
        assert_conflict(store.commit(unit(change, event("conflict", None))).await);
    }
    // A unit of several events whose last change fails records none of them.
    assert_conflict(
        store
            .commit(
                UnitOfWork::recording(event("staff.sign_in", Some(id(140))))
                    .with(fixture_session(session("t140", 140)))
                    .with(Change::AdvanceTotpStep {
                        user: id(140),
                        step: 9,
                    })
                    .and_record(event("staff.second_factor", Some(id(140)))),
            )
            .await,
    );
    assert_eq!(store.session("t140").await.unwrap(), None);
    assert_eq!(audit_state(&store).await, before);
    assert_chain_intact(&store).await;
    assert_eq!(store.user(id(140)).await.unwrap(), user_before);
    assert_eq!(store.remaining_recovery_codes(id(140)).await.unwrap(), 1);
    assert_eq!(store.user(id(141)).await.unwrap(), None);
    assert_eq!(store.user(id(149)).await.unwrap(), None);
    assert_eq!(
        store.case_visible_to(id(ORG_A), id(143)).await.unwrap(),
        case_before
    );
    assert_eq!(store.keyring().await.unwrap(), Some(record(1)));
    assert_eq!(
        store.organization_keys().await.unwrap(),
        vec![org_key(ORG_A, 1, 1), org_key(ORG_B, 1, 1)]
    );
}

async fn concurrent_appends_leave_a_gap_free_chain(engine: Engine) {
    let (_db, store) = with_keyring(engine).await;
    let mut tasks = Vec::new();
    for n in 0..20u128 {
        let store = store.clone();
        tasks.push(tokio::spawn(async move {
            if n % 4 == 0 {
                // Units with changes race units that only record, for the same chain.
                create_case(
                    &store,
                    ORG_A,
                    &case(200 + n, ORG_A, 1),
                    &[case_key(200 + n, ORG_A, 1)],
                )
                .await;
            } else {
                record_only(&store, "case.view", Some(id(200 + n))).await;
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
    assert_eq!(store.cases_visible_to(id(ORG_A)).await.unwrap().len(), 5);
}

async fn audit_entries_are_paged_in_order(engine: Engine) {
    let (_db, store) = fresh(engine).await;
    // `commit` returns no entry; the head after each one names what it appended.
    let mut heads = Vec::new();
    for n in 0..7u128 {
        record_only(&store, "case.view", Some(id(n))).await;
        heads.push(store.audit_head().await.unwrap().unwrap());
    }
    assert_eq!(
        heads.iter().map(|(seq, _)| *seq).collect::<Vec<_>>(),
        (1..=7).collect::<Vec<_>>()
    );
    let mut verifier = ChainVerifier::new(Default::default());
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
    assert_eq!(
        read.iter().map(|e| (e.seq, e.hash)).collect::<Vec<_>>(),
        heads
    );
    assert_eq!(
        read.iter().map(|e| e.event.clone()).collect::<Vec<_>>(),
        (0..7u128)
            .map(|n| event("case.view", Some(id(n))))
            .collect::<Vec<_>>()
    );
    assert_eq!(read, all_entries(&store).await);
    assert_eq!(verifier.head(), Some(heads[6].1));
    assert_eq!(store.audit_entries(7, 10).await.unwrap(), vec![]);
    assert_eq!(store.audit_entries(0, 0).await.unwrap(), vec![]);
    assert_eq!(store.audit_entries(0, -1).await.unwrap(), vec![]);
    assert_eq!(store.audit_head().await.unwrap(), Some(heads[6]));
}

async fn a_damaged_hash_is_reported_with_its_seq(engine: Engine) {
    let (db, store) = fresh(engine).await;
    for _ in 0..3 {
        record_only(&store, "case.view", None).await;
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
        record_only(&store, "case.view", None).await;
    }
    let head = store.audit_head().await.unwrap();
    // Cutting the last entry leaves the head pointing past the log's end.
    tamper(&db, "DELETE FROM audit_log WHERE seq = 3", None).await;
    assert!(matches!(
        store
            .commit(UnitOfWork::recording(event("case.view", None)))
            .await,
        Err(StoreError::Corrupt(_))
    ));
    assert!(matches!(
        store
            .commit(unit(
                Change::CreateUser(user(150, ORG_A, "after")),
                event("user.create", None)
            ))
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
    create_user(&store, &user(1, ORG_A, "amira")).await;
    create_user(&store, &user(2, ORG_B, "bakyt")).await;
    let add = |key: SecurityKey| {
        let owner = key.user_id;
        unit(
            Change::AddSecurityKey(key),
            event("staff.security_key_added", Some(owner.as_uuid())),
        )
    };
    // Recording a key's use was unaudited before; it is a unit of its own now.
    let use_key = |user: u128, credential: &str, at: i64| {
        unit(
            Change::RecordSecurityKeyUse {
                user: id(user),
                credential_id: "k1".into(),
                credential: credential.into(),
                used_at_ms: at,
            },
            event("staff.security_key_used", Some(id(user))),
        )
    };
    let remove = |user: u128| {
        unit(
            Change::RemoveSecurityKey {
                user: id(user),
                credential_id: "k1".into(),
            },
            event("staff.security_key_removed", Some(id(user))),
        )
    };
    let before = audit_count(&store).await;
    store.commit(add(security_key("k1", 1))).await.unwrap();
    assert_eq!(audit_count(&store).await, before + 1);
    // A credential id is registered once, whoever tries.
    assert_rejected(store.commit(add(security_key("k1", 2))).await, "");
    assert_eq!(audit_count(&store).await, before + 1);
    assert_eq!(
        store.security_keys_of(id(1)).await.unwrap(),
        [security_key("k1", 1)]
    );
    assert!(store.security_keys_of(id(2)).await.unwrap().is_empty());

    // Another user can neither update nor remove it.
    let unchanged = audit_state(&store).await;
    assert_conflict(store.commit(use_key(2, "{}", 5)).await);
    assert_conflict(store.commit(remove(2)).await);
    assert_eq!(
        store.security_keys_of(id(1)).await.unwrap(),
        [security_key("k1", 1)]
    );
    assert_eq!(audit_state(&store).await, unchanged);

    store.commit(use_key(1, "{\"n\":2}", 5)).await.unwrap();
    let stored = store.security_keys_of(id(1)).await.unwrap();
    assert_eq!(stored[0].credential, "{\"n\":2}");
    assert_eq!(stored[0].last_used_ms, Some(5));
    store.commit(remove(1)).await.unwrap();
    assert!(store.security_keys_of(id(1)).await.unwrap().is_empty());
    // A removed key is gone for its owner too.
    assert_conflict(store.commit(remove(1)).await);
    assert_conflict(store.commit(use_key(1, "{}", 6)).await);
    assert_eq!(audit_count(&store).await, before + 3);
    assert_chain_intact(&store).await;
}

async fn a_failing_change_rolls_back_the_whole_unit(engine: Engine) {
    let (_db, store) = with_keyring(engine).await;
    create_user(&store, &user(160, ORG_A, "taken")).await;
    let before = audit_state(&store).await;

    // A session for an existing user, then an account whose username is taken.
    let taken = store
        .commit(
            UnitOfWork::recording(event("staff.sign_in", Some(id(160))))
                .with(fixture_session(session("t160", 160)))
                .with(Change::CreateUser(user(161, ORG_B, "taken")))
                .and_record(event("user.create", Some(id(161)))),
        )
        .await;
    assert_rejected(taken, "is taken");
    assert_eq!(store.session("t160").await.unwrap(), None);
    assert_eq!(store.user(id(161)).await.unwrap(), None);

    // A session, then a recovery code that does not exist.
    let unknown_code = store
        .commit(
            UnitOfWork::recording(event("staff.sign_in", Some(id(160))))
                .with(fixture_session(session("t160", 160)))
                .with(Change::SpendRecoveryCode {
                    user: id(160),
                    digest: "unknown".into(),
                    at_ms: 1,
                }),
        )
        .await;
    assert_conflict(unknown_code);
    assert_eq!(store.session("t160").await.unwrap(), None);

    // A case, then an account whose id is taken: the database itself refuses the
    // second insert (on PostgreSQL that aborts the transaction), and the case goes
    // with it.
    let same_id = store
        .commit(
            UnitOfWork::recording(event("case.create", Some(id(162))))
                .with(Change::CreateCase {
                    scope: id(ORG_A),
                    record: case(162, ORG_A, 1),
                    keys: vec![case_key(162, ORG_A, 1)],
                })
                .with(Change::CreateUser(user(160, ORG_A, "fresh"))),
        )
        .await;
    assert!(
        matches!(same_id, Err(StoreError::Rejected(_))),
        "{same_id:?}"
    );
    assert_eq!(
        store.case_visible_to(id(ORG_A), id(162)).await.unwrap(),
        None
    );
    assert_eq!(
        store.case_keys_of_organization(id(ORG_A)).await.unwrap(),
        vec![]
    );
    assert_eq!(store.user_by_username("fresh").await.unwrap(), None);

    assert_eq!(audit_state(&store).await, before);
    assert_chain_intact(&store).await;
    // The store is as usable as before: the same first change alone commits.
    store
        .commit(unit(
            fixture_session(session("t160", 160)),
            event("staff.sign_in", Some(id(160))),
        ))
        .await
        .unwrap();
    assert_eq!(
        store.session("t160").await.unwrap(),
        Some(session("t160", 160))
    );
    assert_eq!(audit_count(&store).await, before.0.len() + 1);
}

async fn a_unit_spans_areas(engine: Engine) {
    let (_db, store) = with_keyring(engine).await;
    let before = audit_count(&store).await;
    let newcomer = user(170, ORG_A, "newcomer");
    let record = case(171, ORG_A, 5);
    let first = event("staff.add", Some(id(170)));
    let second = event("case.create", Some(id(171)));
    store
        .commit(
            UnitOfWork::recording(first.clone())
                .with(Change::CreateUser(newcomer.clone()))
                .with(fixture_session(session("t170", 170)))
                .with(Change::CreateCase {
                    scope: id(ORG_A),
                    record: record.clone(),
                    keys: vec![case_key(171, ORG_A, 1), case_key(171, ORG_B, 1)],
                })
                .and_record(second.clone()),
        )
        .await
        .unwrap();
    assert_eq!(store.user(id(170)).await.unwrap(), Some(newcomer));
    assert_eq!(
        store.session("t170").await.unwrap(),
        Some(session("t170", 170))
    );
    let seen = store
        .case_visible_to(id(ORG_B), id(171))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(seen.record, record);
    assert_eq!(seen.key, case_key(171, ORG_B, 1));

    let entries = all_entries(&store).await;
    assert_eq!(entries.len(), before + 2);
    let new: Vec<_> = entries[before..].iter().map(|e| e.event.clone()).collect();
    assert_eq!(new, vec![first, second], "in the order recorded");
    assert_eq!(entries[before].seq + 1, entries[before + 1].seq);
    assert_chain_intact(&store).await;
}

async fn a_sign_in_does_not_outlive_a_disable_or_a_reset(engine: Engine) {
    let (_db, store) = with_keyring(engine).await;
    create_user(&store, &user(200, ORG_A, "racer")).await;
    let sign_in = |token: &str, expected_hash: &str| {
        UnitOfWork::recording(event("staff.sign_in", Some(id(200)))).with(Change::CreateSession {
            session: session(token, 200),
            expected_hash: expected_hash.into(),
        })
    };
    // The sign-in read the account; an administrator disabled it meanwhile.
    store
        .commit(unit(
            Change::SetDisabled {
                user: id(200),
                disabled: true,
            },
            event("staff.disable", Some(id(200))),
        ))
        .await
        .unwrap();
    let before = audit_state(&store).await;
    assert_conflict(store.commit(sign_in("late", FIXTURE_HASH)).await);
    assert_eq!(store.session("late").await.unwrap(), None);
    assert_eq!(audit_state(&store).await, before, "nothing recorded");
    // Enabled again, then reset: a sign-in that read the old password loses too.
    for change in [
        Change::SetDisabled {
            user: id(200),
            disabled: false,
        },
        Change::ResetCredentials {
            user: id(200),
            new_hash: "$argon2id$one-time".into(),
        },
    ] {
        store
            .commit(unit(change, event("staff.change", Some(id(200)))))
            .await
            .unwrap();
    }
    assert_conflict(store.commit(sign_in("stale", FIXTURE_HASH)).await);
    assert_eq!(store.session("stale").await.unwrap(), None);
    // A sign-in with the one-time password gets its session.
    store
        .commit(sign_in("fresh", "$argon2id$one-time"))
        .await
        .unwrap();
    assert!(store.session("fresh").await.unwrap().is_some());
}

async fn a_disable_holds_against_a_slow_password_change(engine: Engine) {
    let (_db, store) = fresh(engine).await;
    create_user(&store, &user(180, ORG_A, "slow")).await;
    create_user(&store, &user(181, ORG_A, "reset")).await;
    let change_password = |user: u128, expected_hash: &str| {
        unit(
            Change::ChangePassword {
                user: id(user),
                expected_hash: expected_hash.to_owned(),
                new_hash: "$argon2id$chosen".into(),
            },
            event("staff.password_changed", Some(id(user))),
        )
    };

    // The user's request reads the account, an administrator disables it, then the
    // request's password change arrives: the disable wins.
    let read = store.user(id(180)).await.unwrap().unwrap();
    store
        .commit(unit(
            Change::SetDisabled {
                user: id(180),
                disabled: true,
            },
            event("staff.disable", Some(id(180))),
        ))
        .await
        .unwrap();
    let before = audit_state(&store).await;
    assert_conflict(
        store
            .commit(change_password(180, &read.password_hash))
            .await,
    );
    let stored = store.user(id(180)).await.unwrap().unwrap();
    assert!(stored.disabled, "still disabled");
    assert_eq!(stored.password_hash, read.password_hash, "hash unchanged");
    assert_eq!(
        stored,
        StaffUser {
            disabled: true,
            ..read
        }
    );
    assert_eq!(
        audit_state(&store).await,
        before,
        "the password change recorded nothing"
    );

    // The same race against a reset: the one-time password stays and must still
    // be changed.
    let read = store.user(id(181)).await.unwrap().unwrap();
    store
        .commit(unit(
            Change::ResetCredentials {
                user: id(181),
                new_hash: "$argon2id$one-time".into(),
            },
            event("staff.reset", Some(id(181))),
        ))
        .await
        .unwrap();
    let before = audit_state(&store).await;
    assert_conflict(
        store
            .commit(change_password(181, &read.password_hash))
            .await,
    );
    let stored = store.user(id(181)).await.unwrap().unwrap();
    assert!(stored.must_change_password, "still to be changed");
    assert_eq!(stored.password_hash, "$argon2id$one-time");
    assert_eq!(audit_state(&store).await, before);

    // Changing the one-time password itself, as the next sign-in does, succeeds.
    store
        .commit(change_password(181, "$argon2id$one-time"))
        .await
        .unwrap();
    let stored = store.user(id(181)).await.unwrap().unwrap();
    assert!(!stored.must_change_password);
    assert_eq!(stored.password_hash, "$argon2id$chosen");
    assert_eq!(audit_count(&store).await, before.0.len() + 1);
}

async fn a_totp_step_and_a_recovery_code_are_spent_once(engine: Engine) {
    let (_db, store) = fresh(engine).await;
    create_user(&store, &user(190, ORG_A, "twice")).await;
    store
        .commit(unit(
            Change::EnrolTotp {
                user: id(190),
                totp_sealed: vec![4, 2],
                step: 100,
                recovery_digests: vec!["c1".into(), "c2".into()],
            },
            event("staff.totp_enrolled", Some(id(190))),
        ))
        .await
        .unwrap();
    // Two sign-ins with the same code, as two racing requests would commit them: a
    // second factor and the session it completes.
    let with_code = |token: &str| {
        UnitOfWork::recording(event("staff.sign_in", Some(id(190))))
            .with(Change::AdvanceTotpStep {
                user: id(190),
                step: 101,
            })
            .with(fixture_session(Session {
                second_factor: true,
                ..session(token, 190)
            }))
    };
    store.commit(with_code("first")).await.unwrap();
    let before = audit_state(&store).await;
    assert_conflict(store.commit(with_code("second")).await);
    assert_eq!(store.session("second").await.unwrap(), None);
    assert!(store.session("first").await.unwrap().is_some());
    assert_eq!(
        store.user(id(190)).await.unwrap().unwrap().totp_last_step,
        Some(101)
    );
    assert_eq!(
        audit_state(&store).await,
        before,
        "the replay appended nothing"
    );

    let spend = |token: &str| {
        UnitOfWork::recording(event("staff.sign_in", Some(id(190))))
            .with(Change::SpendRecoveryCode {
                user: id(190),
                digest: "c1".into(),
                at_ms: 70_000,
            })
            .with(fixture_session(session(token, 190)))
    };
    store.commit(spend("third")).await.unwrap();
    assert_eq!(store.remaining_recovery_codes(id(190)).await.unwrap(), 1);
    let before = audit_state(&store).await;
    assert_conflict(store.commit(spend("fourth")).await);
    assert_eq!(store.session("fourth").await.unwrap(), None);
    assert_eq!(store.remaining_recovery_codes(id(190)).await.unwrap(), 1);
    assert_eq!(
        audit_state(&store).await,
        before,
        "the reuse appended nothing"
    );
    assert_chain_intact(&store).await;
}

async fn a_unit_without_changes_only_records(engine: Engine) {
    let (_db, store) = with_keyring(engine).await;
    create_case(
        &store,
        ORG_A,
        &case(195, ORG_A, 1),
        &[case_key(195, ORG_A, 1)],
    )
    .await;
    let before = audit_count(&store).await;
    let case_before = store.case_visible_to(id(ORG_A), id(195)).await.unwrap();
    let view = event("case.view", Some(id(195)));
    let unit = UnitOfWork::recording(view.clone());
    assert!(unit.changes().is_empty());
    assert_eq!(unit.events(), std::slice::from_ref(&view));
    store.commit(unit).await.unwrap();

    let entries = all_entries(&store).await;
    assert_eq!(entries.len(), before + 1);
    assert_eq!(entries.last().unwrap().event, view);
    assert_eq!(
        store.case_visible_to(id(ORG_A), id(195)).await.unwrap(),
        case_before
    );
    let trail = store.audit_of_case(id(ORG_A), id(195), 10).await.unwrap();
    let actions: Vec<&str> = trail.iter().map(|e| e.event.action.as_str()).collect();
    assert_eq!(actions, ["case.view", "case.create"]);
    assert_chain_intact(&store).await;
}

fn signer(byte: u8, version: u32) -> Signer {
    Signer::derive(&RootKey::from_bytes([byte; 32]), version)
}

fn record_signer(signer: &Signer) -> Change {
    Change::RecordSigner {
        root_version: signer.root_version(),
        public_key: signer.public_key().to_bytes().to_vec(),
    }
}

async fn signed_entries_keep_their_signature_and_a_signer_is_never_replaced(engine: Engine) {
    let (_db, store) = fresh(engine).await;
    let ours = signer(1, 1);
    store
        .commit(
            UnitOfWork::recording(event("keyring.init", None))
                .with(record_signer(&ours))
                .signed_by(Some(ours.clone())),
        )
        .await
        .unwrap();
    record_only(&store, "staff.sign_in_failed", None).await;
    store
        .commit(
            UnitOfWork::recording(event("case.view", Some(id(7)))).signed_by(Some(ours.clone())),
        )
        .await
        .unwrap();

    let signers = store.audit_signers().await.unwrap();
    assert_eq!(signers, vec![(1, ours.public_key().to_bytes().to_vec())]);
    let mut verifier = ChainVerifier::new(
        signers
            .iter()
            .map(|(v, k)| (*v, SignerPublicKey::from_bytes(k).unwrap()))
            .collect(),
    );
    let entries = all_entries(&store).await;
    assert_eq!(
        entries
            .iter()
            .map(|e| e.signature.is_some())
            .collect::<Vec<_>>(),
        [true, false, true]
    );
    for entry in &entries {
        verifier.check(entry).unwrap();
    }
    assert_eq!(verifier.unsigned_tail(), 0);

    // The same key again changes nothing; another key for version 1 is refused
    // and its unit lands nowhere; version 2 takes its own.
    store
        .commit(UnitOfWork::recording(event("keyring.unseal", None)).with(record_signer(&ours)))
        .await
        .unwrap();
    let before = audit_state(&store).await;
    let theirs = signer(2, 1);
    assert!(matches!(
        store
            .commit(
                UnitOfWork::recording(event("keyring.unseal", None)).with(record_signer(&theirs))
            )
            .await,
        Err(StoreError::Rejected(_))
    ));
    assert_eq!(audit_state(&store).await, before);
    assert_eq!(store.audit_signers().await.unwrap().len(), 1);
    store
        .commit(
            UnitOfWork::recording(event("keyring.rotate_root", None))
                .with(record_signer(&signer(3, 2))),
        )
        .await
        .unwrap();
    assert_eq!(
        store
            .audit_signers()
            .await
            .unwrap()
            .iter()
            .map(|(v, _)| *v)
            .collect::<Vec<_>>(),
        [1, 2]
    );
}

async fn an_old_key_is_bound_once_and_only_as_it_was(engine: Engine) {
    let (_db, store) = with_keyring(engine).await;
    let key = store
        .current_organization_key(id(ORG_A))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(key.binding, None);
    let binding = |public_key: &str| KeyBinding {
        organization_id: id(ORG_A),
        version: key.version,
        public_key: public_key.into(),
        binding: vec![9; 64],
    };
    // A binding made for another public key than the stored one binds nothing.
    assert_conflict(
        store
            .commit(unit(
                Change::BindOrganizationKeys(vec![binding("age1someoneelse")]),
                event("keyring.organization_keys_bound", None),
            ))
            .await,
    );
    store
        .commit(unit(
            Change::BindOrganizationKeys(vec![binding(&key.public_key)]),
            event("keyring.organization_keys_bound", None),
        ))
        .await
        .unwrap();
    let bound = store
        .current_organization_key(id(ORG_A))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(bound.binding, Some(vec![9; 64]));
    // Bound once: a second binding does not replace it.
    assert_conflict(
        store
            .commit(unit(
                Change::BindOrganizationKeys(vec![binding(&key.public_key)]),
                event("keyring.organization_keys_bound", None),
            ))
            .await,
    );
}

/// Request `n` to `org`, its data key wrapped to that organisation's key `version`
/// and its codename digest `[digest; 32]`.
fn request(n: u128, org: u128, version: i64, digest: u8) -> UnitOfWork {
    let mut record = case(n, org, 5_000 + n as i64);
    record.status = CaseStatus::New;
    unit(
        Change::CreateRequest {
            record,
            key: case_key(n, org, version),
            codename_digest: vec![digest; 32],
            defender_wrapped_key: format!("defender's key of {n}").into_bytes(),
        },
        event("request.create", Some(id(n))),
    )
}

async fn request_owner(store: &SharedStore, digest: u8) -> Option<OrganizationId> {
    let found = store.request_by_codename(&[digest; 32]).await.unwrap();
    found.map(|request| request.record.organization_id)
}

async fn a_batch_writes_its_requests_together_and_refuses_only_the_failing_ones(engine: Engine) {
    let (_db, store) = with_keyring(engine).await;

    // Requests to two organisations around a unit of another kind: all land
    // together, each entry in its unit's order.
    let results = store
        .commit_batch(vec![
            request(10, ORG_A, 1, 1),
            request(11, ORG_B, 1, 2),
            UnitOfWork::recording(event("between", None)),
            request(12, ORG_A, 1, 3),
        ])
        .await;
    assert!(results.iter().all(Result::is_ok), "{results:?}");
    assert_eq!(request_owner(&store, 1).await, Some(id(ORG_A)));
    assert_eq!(request_owner(&store, 2).await, Some(id(ORG_B)));
    assert_eq!(request_owner(&store, 3).await, Some(id(ORG_A)));
    let visible = store.cases_visible_to(id(ORG_A)).await.unwrap();
    assert_eq!(visible.len(), 2, "each request's key is written with it");
    let actions: Vec<String> = all_entries(&store)
        .await
        .into_iter()
        .map(|entry| entry.event.action)
        .collect();
    assert!(actions.ends_with(&[
        "request.create".to_string(),
        "request.create".to_string(),
        "between".to_string(),
        "request.create".to_string(),
    ]));
    let before = assert_chain_intact(&store).await;

    // A request wrapped to a key that is not its organisation's current one, and
    // one whose codename digest is taken, fail alone; the others land.
    let results = store
        .commit_batch(vec![
            request(20, ORG_A, 1, 20),
            request(21, ORG_B, 7, 21),
            request(22, ORG_B, 1, 22),
            request(23, ORG_A, 1, 1),
        ])
        .await;
    let [first, stale, third, taken] = <[_; 4]>::try_from(results).unwrap();
    first.unwrap();
    assert_conflict(stale);
    third.unwrap();
    assert!(taken.is_err(), "a taken digest");
    assert_eq!(request_owner(&store, 20).await, Some(id(ORG_A)));
    assert_eq!(request_owner(&store, 21).await, None);
    assert_eq!(request_owner(&store, 22).await, Some(id(ORG_B)));
    assert_eq!(assert_chain_intact(&store).await, before + 2);
}

/// The queue as SQL reads it is `core::triage`'s order and counts, over cases of
/// every urgency and risk, answered or not, assigned or not; closed cases and
/// another organisation's never show.
async fn the_triage_queue_is_cores_order_and_counts(engine: Engine) {
    use torchlight_core::risk::RiskLevel;
    use torchlight_core::triage::{self, TimeTargets, Waiting};
    use torchlight_store::QueueFilter;

    let (_db, store) = with_keyring(engine).await;
    let caseworker = user(1, ORG_A, "aigerim");
    create_user(&store, &caseworker).await;
    let hour = 3_600_000;
    let now = 1_000 * hour;
    let levels = [
        None,
        Some(RiskLevel::Low),
        Some(RiskLevel::Medium),
        Some(RiskLevel::High),
        Some(RiskLevel::Critical),
    ];
    let mut expected = Vec::new();
    for n in 0..60u128 {
        let mut record = case(1_000 + n, ORG_A, now - ((n as i64 * 37) % 200) * hour);
        record.urgency = Urgency::ALL[(n % 4) as usize];
        // Every seventh case is closed: out of the queue.
        if n % 7 == 3 {
            record.status = CaseStatus::Closed;
        }
        let case_id: CaseId = record.id;
        create_case(&store, ORG_A, &record, &[case_key(1_000 + n, ORG_A, 1)]).await;
        let risk = levels[(n % 5) as usize];
        if let Some(level) = risk {
            let change = Change::RecordRisk {
                scope: id(ORG_A),
                case: case_id,
                level,
                follow_up_ms: now + n as i64 * hour,
            };
            store
                .commit(unit(change, event("case.assess", None)))
                .await
                .unwrap();
        }
        // A staff case counts as answered when recorded; so do every third.
        let answered = n % 3 == 0;
        if answered {
            let change = Change::MarkAnswered {
                scope: id(ORG_A),
                case: case_id,
                at_ms: now,
            };
            store
                .commit(unit(change, event("case.message", None)))
                .await
                .unwrap();
        }
        let assignee = (n % 2 == 0).then_some(caseworker.id);
        if let Some(assignee) = assignee {
            let change = Change::AssignCase {
                scope: id(ORG_A),
                case: case_id,
                assignee: Some(assignee),
            };
            store
                .commit(unit(change, event("case.assign", None)))
                .await
                .unwrap();
        }
        if record.status != CaseStatus::Closed {
            expected.push(Waiting {
                case: case_id,
                urgency: record.urgency,
                risk,
                arrived_ms: record.created_at_ms,
                // `case` records staff cases: answered when recorded.
                first_answer_ms: Some(if answered { now } else { record.created_at_ms }),
                assignee,
            });
        }
    }
    // Another organisation's case never shows in A's queue.
    create_case(
        &store,
        ORG_B,
        &case(5_000, ORG_B, 0),
        &[case_key(5_000, ORG_B, 1)],
    )
    .await;

    triage::order(&mut expected);
    let all = store
        .triage_queue(id(ORG_A), QueueFilter::All, 0, 1_000)
        .await
        .unwrap();
    let ids = |rows: &[torchlight_store::QueueRow]| rows.iter().map(|r| r.id).collect::<Vec<_>>();
    assert_eq!(
        ids(&all),
        expected.iter().map(|w| w.case).collect::<Vec<_>>()
    );
    for row in &all {
        let waiting = expected.iter().find(|w| w.case == row.id).unwrap();
        assert_eq!(triage::risk_of_rank(row.risk_rank), waiting.risk);
        assert_eq!(row.assignee, waiting.assignee);
    }
    // Pages follow each other.
    let second = store
        .triage_queue(id(ORG_A), QueueFilter::All, 10, 10)
        .await
        .unwrap();
    assert_eq!(ids(&second), ids(&all)[10..20].to_vec());
    let shared = store
        .triage_queue(id(ORG_A), QueueFilter::Unassigned, 0, 1_000)
        .await
        .unwrap();
    let expected_shared: Vec<CaseId> = expected
        .iter()
        .filter(|w| w.assignee.is_none())
        .map(|w| w.case)
        .collect();
    assert_eq!(ids(&shared), expected_shared);
    let mine = store
        .triage_queue(id(ORG_A), QueueFilter::AssignedTo(caseworker.id), 0, 1_000)
        .await
        .unwrap();
    assert_eq!(mine.len(), expected.len() - expected_shared.len());

    // Counts: staff cases are answered, so none is overdue until one waits again.
    let targets = TimeTargets::default();
    let cutoffs = Urgency::ALL.map(|u| targets.overdue_if_arrived_before(u, now));
    let counted = store.triage_counts(id(ORG_A), cutoffs).await.unwrap();
    let core_counts = triage::count(&expected, &targets, now);
    for (slot, urgency_counts) in counted.iter().enumerate() {
        assert_eq!(urgency_counts.open as usize, core_counts.by_urgency[slot]);
    }
    let unassigned: i64 = counted.iter().map(|c| c.unassigned).sum();
    assert_eq!(unassigned as usize, core_counts.unassigned);
    assert_eq!(core_counts.overdue, 0);
    assert_eq!(counted.iter().map(|c| c.overdue).sum::<i64>(), 0);

    // The counts follow an erasure and a change of assignment.
    let erased = expected.remove(0);
    let change = Change::EraseCase {
        owner: id(ORG_A),
        case: erased.case,
    };
    store
        .commit(unit(change, event("case.erase", None)))
        .await
        .unwrap();
    let released = expected.iter_mut().find(|w| w.assignee.is_some()).unwrap();
    released.assignee = None;
    let change = Change::AssignCase {
        scope: id(ORG_A),
        case: released.case,
        assignee: None,
    };
    store
        .commit(unit(change, event("case.assign", None)))
        .await
        .unwrap();
    let counted = store.triage_counts(id(ORG_A), cutoffs).await.unwrap();
    let core_counts = triage::count(&expected, &targets, now);
    for (slot, urgency_counts) in counted.iter().enumerate() {
        assert_eq!(urgency_counts.open as usize, core_counts.by_urgency[slot]);
    }
    let unassigned: i64 = counted.iter().map(|c| c.unassigned).sum();
    assert_eq!(unassigned as usize, core_counts.unassigned);

    // A new risk from the defender: waiting again since now, due at once.
    let oldest_not_urgent = expected
        .iter()
        .filter(|w| w.urgency == Urgency::NotUrgent)
        .min_by_key(|w| w.arrived_ms)
        .unwrap()
        .case;
    let later = now + 200 * hour;
    let change = Change::BackInTriage {
        case: oldest_not_urgent,
        at_ms: now,
    };
    store
        .commit(unit(change, event("request.new_risk", None)))
        .await
        .unwrap();
    let cutoffs = Urgency::ALL.map(|u| targets.overdue_if_arrived_before(u, later));
    let counted = store.triage_counts(id(ORG_A), cutoffs).await.unwrap();
    assert_eq!(counted[3].overdue, 1, "120 h passed without an answer");
    let due = store.follow_ups_due(id(ORG_A), now, 100).await.unwrap();
    assert_eq!(ids(&due).first(), Some(&oldest_not_urgent));
    assert!(due.iter().all(|row| row.follow_up_ms.unwrap() <= now));
    assert!(store
        .follow_ups_due(id(ORG_B), later, 100)
        .await
        .unwrap()
        .is_empty());
}

/// Assignment stays within the organisation; targets are refused out of order.
async fn triage_changes_stay_within_the_organisation(engine: Engine) {
    use torchlight_core::triage::TimeTargets;

    let (_db, store) = with_keyring(engine).await;
    let ours = user(1, ORG_A, "aigerim");
    let theirs = user(2, ORG_B, "nino");
    let mut disabled = user(3, ORG_A, "left");
    disabled.disabled = true;
    for account in [&ours, &theirs, &disabled] {
        create_user(&store, account).await;
    }
    let record = case(10, ORG_A, 1_000);
    create_case(&store, ORG_A, &record, &[case_key(10, ORG_A, 1)]).await;
    let before = audit_count(&store).await;
    for (scope, assignee) in [(ORG_A, theirs.id), (ORG_A, disabled.id), (ORG_B, theirs.id)] {
        let change = Change::AssignCase {
            scope: id(scope),
            case: record.id,
            assignee: Some(assignee),
        };
        assert_conflict(store.commit(unit(change, event("case.assign", None))).await);
    }
    let change = Change::MarkAnswered {
        scope: id(ORG_B),
        case: record.id,
        at_ms: 1,
    };
    assert_conflict(
        store
            .commit(unit(change, event("case.message", None)))
            .await,
    );
    let out_of_order = TimeTargets {
        detained_now: 48,
        ..TimeTargets::default()
    };
    let change = Change::SetTimeTargets {
        scope: id(ORG_A),
        targets: out_of_order,
    };
    assert_rejected(
        store
            .commit(unit(change, event("triage.targets", None)))
            .await,
        "time targets",
    );
    assert_eq!(
        audit_count(&store).await,
        before,
        "nothing refused is recorded"
    );

    assert_eq!(store.time_targets(id(ORG_A)).await.unwrap(), None);
    for hours in [4, 6] {
        let targets = TimeTargets {
            detained_now: hours,
            threat_to_life: hours,
            ..TimeTargets::default()
        };
        let change = Change::SetTimeTargets {
            scope: id(ORG_A),
            targets,
        };
        store
            .commit(unit(change, event("triage.targets", None)))
            .await
            .unwrap();
        assert_eq!(store.time_targets(id(ORG_A)).await.unwrap(), Some(targets));
    }
    assert_eq!(store.time_targets(id(ORG_B)).await.unwrap(), None);
    let change = Change::AssignCase {
        scope: id(ORG_A),
        case: record.id,
        assignee: Some(ours.id),
    };
    store
        .commit(unit(change, event("case.assign", None)))
        .await
        .unwrap();
}
