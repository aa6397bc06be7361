//! What someone who can write the database, but does not hold the root key, can
//! try behind the server's back, and how each attempt is found: a rewritten,
//! re-signed, emptied or cut audit log, and an organisation public key of their
//! own. Each story runs on both engines, tampering with raw SQL. Last, what a copy
//! of the data directory still holds of an erased case: nothing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;

use sqlx::{AssertSqlSafe, Connection, Executor};
use torchlight_app::audit::Verdict;
use torchlight_app::keyring::{SealChoice, Unsealing};
use torchlight_app::{Actor, App, AppConfig, AppError, HashingCost, ManualClock, Scope};
use torchlight_core::case::CaseDraft;
use torchlight_core::{Directory, OrganizationId, Taxonomy};
use torchlight_crypto::audit::{chain, ChainedEntry, ExportedHead};
use torchlight_crypto::keyring::RootKey;
use torchlight_crypto::orgkey::OrgKeyPair;
use torchlight_crypto::signer::Signer;
use torchlight_store::testing::TestDb;
use torchlight_store::{both_engines, Engine};
use uuid::Uuid;
use zeroize::Zeroizing;

const PASSPHRASE: &str = "tampering fixture passphrase";

fn organization() -> OrganizationId {
    OrganizationId::from_uuid(Uuid::from_u128(0x7a00_0000_0000_4000_8000_0000_0000_0001))
}

struct World {
    app: App,
    db: TestDb,
}

impl World {
    /// One organisation, its keyring set up (unsealed) and two cases recorded.
    async fn new(engine: Engine) -> World {
        let db = TestDb::new(engine).await;
        let store = db.open().await;
        let directory: Directory = serde_json::from_value(serde_json::json!({
            "organizations": [{
                "id": organization(), "name": "Ala-Too Circle", "kind": "local_cso",
                "countries": ["KG"], "languages": ["ru"], "description": "A CSO.",
                "public_contact": "hello@ala-too.example.org"
            }],
            "services": []
        }))
        .unwrap();
        store.replace_directory(&directory).await.unwrap();
        let config = AppConfig {
            hashing: HashingCost::insecure_for_tests().unwrap(),
            ..AppConfig::default()
        };
        let app = App::new(store, Arc::new(ManualClock::starting_now()), &config);
        app.keyring()
            .initialize(SealChoice::Passphrase(Zeroizing::new(PASSPHRASE.into())))
            .await
            .unwrap();
        let world = World { app, db };
        world.create_case().await.unwrap();
        world.create_case().await.unwrap();
        world
    }

    async fn create_case(&self) -> Result<torchlight_core::CaseId, AppError> {
        let valid = CaseDraft {
            country: "KG".into(),
            urgency: "within_days".into(),
            name: "A. Person".into(),
            contact: "Signal".into(),
            narrative: "Summoned.".into(),
        }
        .validate(&Taxonomy::built_in().unwrap())
        .unwrap();
        self.app
            .cases()
            .create(Scope::for_operator(organization()), valid, &Actor::Operator)
            .await
    }

    async fn verify(&self, expected: Option<ExportedHead>) -> Verdict {
        self.app.audit().verify(expected).await.unwrap()
    }

    async fn tampered(&self, expected: Option<ExportedHead>) -> String {
        match self.verify(expected).await {
            Verdict::Tampered(what) => what,
            Verdict::Intact(intact) => panic!("tampering not found: {intact:?}"),
        }
    }

    async fn entries(&self) -> Vec<ChainedEntry> {
        self.app.store().audit_entries(0, 10_000).await.unwrap()
    }

    /// Runs raw SQL behind the server, as a database writer would.
    async fn sql(&self, statements: &[String]) {
        match self.db.engine {
            Engine::Sqlite => {
                let url = format!("sqlite://{}", self.db.location);
                let mut conn = sqlx::SqliteConnection::connect(&url).await.unwrap();
                for statement in statements {
                    conn.execute(AssertSqlSafe(statement.clone()))
                        .await
                        .unwrap();
                }
            }
            Engine::Postgres => {
                let mut conn = sqlx::PgConnection::connect(&self.db.location)
                    .await
                    .unwrap();
                for statement in statements {
                    conn.execute(AssertSqlSafe(statement.clone()))
                        .await
                        .unwrap();
                }
            }
        }
    }

    /// A byte string as a literal of the engine's SQL.
    fn blob(&self, bytes: &[u8]) -> String {
        let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        match self.db.engine {
            Engine::Sqlite => format!("X'{hex}'"),
            Engine::Postgres => format!("'\\x{hex}'::bytea"),
        }
    }

    /// Writes `entries` over the stored ones (same seqs), head included.
    async fn overwrite(&self, entries: &[ChainedEntry]) {
        let mut statements = Vec::new();
        for entry in entries {
            let (signer, signature) = match &entry.signature {
                Some(s) => (s.root_version.to_string(), self.blob(&s.bytes)),
                None => ("NULL".into(), "NULL".into()),
            };
            statements.push(format!(
                "UPDATE audit_log SET actor = '{}', prev_hash = {}, hash = {}, \
                 signer_version = {signer}, signature = {signature} WHERE seq = {}",
                entry.event.actor.replace('\'', "''"),
                self.blob(&entry.prev_hash),
                self.blob(&entry.hash),
                entry.seq
            ));
        }
        if let Some(last) = entries.last() {
            statements.push(format!(
                "UPDATE audit_head SET seq = {}, hash = {}",
                last.seq,
                self.blob(&last.hash)
            ));
        }
        self.sql(&statements).await;
    }
}

/// The whole log chained again from `from` (an index), with `signer` or unsigned:
/// every hash right, as anyone can compute them.
fn rechain(
    mut entries: Vec<ChainedEntry>,
    from: usize,
    signer: Option<&Signer>,
) -> Vec<ChainedEntry> {
    for i in from..entries.len() {
        let previous = if i == 0 {
            None
        } else {
            Some(entries[i - 1].clone())
        };
        entries[i] = chain(previous.as_ref(), entries[i].event.clone(), signer);
    }
    entries
}

fn stranger() -> Signer {
    Signer::derive(&RootKey::from_bytes([0x5a; 32]), 1)
}

async fn a_fresh_log_is_signed_throughout(engine: Engine) {
    let world = World::new(engine).await;
    let Verdict::Intact(intact) = world.verify(None).await else {
        panic!("a fresh log does not verify");
    };
    assert_eq!(intact.unsigned_tail, 0);
    let entries = world.entries().await;
    assert_eq!(intact.entries, entries.len() as u64);
    assert!(entries.iter().all(|e| e.signature.is_some()));
    assert_eq!(intact.head.unwrap().seq, entries.last().unwrap().seq);
}

async fn an_edited_log_with_its_signatures_removed_is_found(engine: Engine) {
    let world = World::new(engine).await;
    let mut entries = world.entries().await;
    // Hide who created the second case, and rebuild every hash after it.
    let last = entries.len() - 1;
    entries[last].event.actor = "nobody".into();
    let rebuilt = rechain(entries, last, None);
    world.overwrite(&rebuilt[last..]).await;
    let what = world.tampered(None).await;
    assert!(
        what.contains("case.create") && what.contains("unsigned"),
        "{what}"
    );
}

async fn an_edited_log_signed_with_another_key_is_found(engine: Engine) {
    let world = World::new(engine).await;
    let entries = world.entries().await;
    let mut edited = entries.clone();
    edited[1].event.actor = "nobody".into();
    let rebuilt = rechain(edited, 1, Some(&stranger()));
    world.overwrite(&rebuilt[1..]).await;
    let what = world.tampered(None).await;
    assert!(
        what.contains("entry 2") && what.contains("signature"),
        "{what}"
    );
}

async fn a_log_emptied_while_a_keyring_exists_is_found(engine: Engine) {
    let world = World::new(engine).await;
    world
        .sql(&[
            "DELETE FROM audit_log".into(),
            "DELETE FROM audit_head".into(),
        ])
        .await;
    let what = world.tampered(None).await;
    assert!(what.contains("empty"), "{what}");
    // Removing the signing keys as well is found too.
    world.sql(&["DELETE FROM audit_signers".into()]).await;
    let what = world.tampered(None).await;
    assert!(what.contains("no signing key"), "{what}");
}

async fn a_log_resigned_under_a_replaced_key_fails_the_exported_head_and_the_unseal(
    engine: Engine,
) {
    let world = World::new(engine).await;
    let Verdict::Intact(intact) = world.verify(None).await else {
        panic!("a fresh log does not verify");
    };
    let exported = intact.head.unwrap();
    // Everything rewritten and re-signed with a key of the writer's own, which
    // replaces the recorded one: the log is consistent in itself...
    let mut entries = world.entries().await;
    entries[1].event.actor = "nobody".into();
    let rebuilt = rechain(entries, 0, Some(&stranger()));
    world.overwrite(&rebuilt).await;
    world
        .sql(&[format!(
            "UPDATE audit_signers SET public_key = {} WHERE root_version = 1",
            world.blob(&stranger().public_key().to_bytes())
        )])
        .await;
    assert!(matches!(world.verify(None).await, Verdict::Intact(_)));
    // ...but not the head the operator kept elsewhere,
    let what = world.tampered(Some(exported)).await;
    assert!(what.contains("exported head"), "{what}");
    // and the next unseal refuses the key and records that, signed with the true one.
    world.app.keyring().seal(&Actor::Operator).await.unwrap();
    let unsealed = world
        .app
        .keyring()
        .unseal(
            Zeroizing::new(PASSPHRASE.into()),
            None,
            &Actor::Operator,
            "test unsealing",
        )
        .await;
    assert!(
        matches!(unsealed, Err(AppError::Tampered(_))),
        "{unsealed:?}"
    );
    assert!(world.app.vault().is_sealed());
    let last = world.entries().await.pop().unwrap();
    assert_eq!(last.event.action, "keyring.signer_mismatch");
    assert!(last.signature.is_some());
}

async fn an_exported_head_catches_a_cut_log(engine: Engine) {
    let world = World::new(engine).await;
    let entries = world.entries().await;
    let kept = &entries[entries.len() - 2];
    let exported = ExportedHead {
        seq: entries.last().unwrap().seq,
        hash: entries.last().unwrap().hash,
    };
    assert!(matches!(
        world.verify(Some(exported)).await,
        Verdict::Intact(_)
    ));
    // The last entry cut and the head record moved back: consistent in itself.
    world
        .sql(&[
            format!("DELETE FROM audit_log WHERE seq > {}", kept.seq),
            format!(
                "UPDATE audit_head SET seq = {}, hash = {}",
                kept.seq,
                world.blob(&kept.hash)
            ),
        ])
        .await;
    assert!(matches!(world.verify(None).await, Verdict::Intact(_)));
    let what = world.tampered(Some(exported)).await;
    assert!(what.contains("cut"), "{what}");
}

async fn a_planted_organisation_key_gets_no_case_sealed_or_not(engine: Engine) {
    let world = World::new(engine).await;
    let cases_before = world
        .app
        .store()
        .cases_visible_to(organization())
        .await
        .unwrap()
        .len();
    let planted = OrgKeyPair::generate().public.to_text();
    world
        .sql(&[format!(
            "INSERT INTO organization_keys (organization_id, version, public_key, \
             wrapped_secret, root_version, created_at_ms, binding) \
             VALUES ({}, 2, '{planted}', {}, 1, 0, NULL)",
            match engine {
                Engine::Sqlite => world.blob(organization().as_uuid().as_bytes()),
                Engine::Postgres => format!("'{}'", organization().as_uuid()),
            },
            world.blob(b"not a wrapped key")
        )])
        .await;
    let refused = world.create_case().await;
    assert!(matches!(refused, Err(AppError::Tampered(_))), "{refused:?}");
    let found = world.entries().await.pop().unwrap();
    assert_eq!(found.event.action, "keyring.organization_key_mismatch");
    assert_eq!(found.event.object, Some(organization().to_string()));
    assert_eq!(
        world
            .app
            .store()
            .cases_visible_to(organization())
            .await
            .unwrap()
            .len(),
        cases_before
    );
    // Sealed, the binding decides: the planted key has none that checks.
    world.app.keyring().seal(&Actor::Operator).await.unwrap();
    let sealed = world.app.keyring().recipient_key(organization()).await;
    assert!(matches!(sealed, Err(AppError::Tampered(_))), "{sealed:?}");
    // The genuine key passes sealed, on its binding.
    world
        .sql(&["DELETE FROM organization_keys WHERE version = 2".into()])
        .await;
    let (key, _) = world
        .app
        .keyring()
        .recipient_key(organization())
        .await
        .unwrap();
    assert_eq!(key.version, 1);
}

async fn keys_from_before_bindings_are_bound_at_the_next_unseal(engine: Engine) {
    let world = World::new(engine).await;
    world
        .sql(&["UPDATE organization_keys SET binding = NULL".into()])
        .await;
    let keyring = world.app.keyring();
    keyring.seal(&Actor::Operator).await.unwrap();
    // Unbound, a sealed server cannot trust the key.
    assert!(matches!(
        keyring.recipient_key(organization()).await,
        Err(AppError::Tampered(_))
    ));
    let outcome = keyring
        .unseal(
            Zeroizing::new(PASSPHRASE.into()),
            None,
            &Actor::Operator,
            "test unsealing",
        )
        .await
        .unwrap();
    assert!(matches!(outcome, Unsealing::Progress(_)));
    let actions: Vec<String> = world
        .entries()
        .await
        .into_iter()
        .map(|e| e.event.action)
        .collect();
    assert!(actions.contains(&"keyring.organization_keys_bound".to_string()));
    let key = world
        .app
        .store()
        .current_organization_key(organization())
        .await
        .unwrap()
        .unwrap();
    assert!(key.binding.is_some());
    keyring.seal(&Actor::Operator).await.unwrap();
    keyring.recipient_key(organization()).await.unwrap();
}

/// A stretch of 32 bytes from the middle of `bytes`: distinctive enough that
/// finding it anywhere means a copy of them is there.
fn canary(bytes: &[u8]) -> Vec<u8> {
    assert!(bytes.len() >= 48, "{} bytes", bytes.len());
    let start = bytes.len() / 2 - 16;
    bytes[start..start + 32].to_vec()
}

/// On SQLite the whole database is files in the data directory: after an erase,
/// none of them (the database, its WAL, its index) holds the case's wrapped data
/// key or its ciphertext. (PostgreSQL's files are its server's; see the threat
/// model.)
#[tokio::test]
async fn an_erased_case_leaves_no_copy_in_the_data_directory() {
    let world = World::new(Engine::Sqlite).await;
    let id = world.create_case().await.unwrap();
    let store = world.app.store();
    let wrapped = store
        .case_keys_of_organization(organization())
        .await
        .unwrap()
        .into_iter()
        .find(|key| key.case_id == id)
        .unwrap()
        .wrapped_key;
    let content = store
        .case_visible_to(organization(), id)
        .await
        .unwrap()
        .unwrap()
        .record
        .content;
    let canaries = [canary(&wrapped), canary(&content)];
    let directory = std::path::Path::new(&world.db.location)
        .parent()
        .unwrap()
        .to_owned();
    let holding = |canary: &[u8]| -> Vec<String> {
        std::fs::read_dir(&directory)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| {
                let bytes = std::fs::read(path).unwrap();
                bytes.windows(canary.len()).any(|window| window == canary)
            })
            .map(|path| path.display().to_string())
            .collect()
    };
    // The canaries are where the case is, so not finding them later means something.
    assert!(canaries.iter().all(|c| !holding(c).is_empty()));
    assert!(world
        .app
        .cases()
        .erase(Scope::for_operator(organization()), id, &Actor::Operator)
        .await
        .unwrap());
    for canary in &canaries {
        assert_eq!(holding(canary), Vec::<String>::new());
    }
}

async fn a_downgraded_urgency_is_found_and_the_case_refused(engine: Engine) {
    let world = World::new(engine).await;
    let id = world.create_case().await.unwrap();
    let scope = || Scope::for_operator(organization());
    assert!(world
        .app
        .cases()
        .open(scope(), id, &Actor::Operator)
        .await
        .unwrap()
        .is_some());
    let listed = world
        .app
        .cases()
        .list(scope(), &Actor::Operator)
        .await
        .unwrap()
        .len();
    world
        .sql(&[format!(
            "UPDATE cases SET urgency = 'not_urgent' WHERE id = {}",
            uuid_literal(&world, &id.as_uuid())
        )])
        .await;
    let opened = world.app.cases().open(scope(), id, &Actor::Operator).await;
    assert!(
        matches!(opened, Err(AppError::Tampered(_))),
        "{:?}",
        opened.err()
    );
    let last = world.entries().await.pop().unwrap();
    assert_eq!(
        (last.event.action.as_str(), last.event.object),
        ("case.tamper_found", Some(id.to_string()))
    );
    // The list leaves it out (and records it) rather than failing for all.
    let cases = world
        .app
        .cases()
        .list(scope(), &Actor::Operator)
        .await
        .unwrap();
    assert_eq!(cases.len(), listed - 1);
}

async fn a_case_planted_with_the_public_key_alone_is_refused(engine: Engine) {
    let world = World::new(engine).await;
    let store = world.app.store();
    let key = store
        .current_organization_key(organization())
        .await
        .unwrap()
        .unwrap();
    let public = torchlight_crypto::orgkey::OrgPublicKey::parse(&key.public_key).unwrap();
    // Everything a database writer can make: a data key wrapped to the public
    // key, content sealed under the right associated data, a made-up binding.
    let id = torchlight_core::CaseId::from_uuid(Uuid::new_v4());
    let data_key = torchlight_crypto::envelope::DataKey::generate();
    let mut record = torchlight_store::CaseRecord {
        id,
        organization_id: organization(),
        country: torchlight_core::Code::parse(torchlight_core::Vocabulary::Country, "KG").unwrap(),
        urgency: torchlight_core::case::Urgency::DetainedNow,
        status: torchlight_core::case::CaseStatus::Open,
        created_at_ms: 1_000,
        updated_at_ms: 1_000,
        content: Vec::new(),
        binding: Some(vec![7; 64]),
    };
    let context = format!(
        "case/{id}/details/v2/{}/KG/detained_now/open/1000",
        organization()
    );
    record.content = data_key.seal(
        &context,
        br#"{"name":"planted","contact":"","narrative":""}"#,
    );
    let unit =
        torchlight_store::UnitOfWork::recording(Actor::Operator.event(1_000, "case.create", None))
            .with(torchlight_store::Change::CreateCase {
                scope: organization(),
                record,
                keys: vec![torchlight_store::CaseKey {
                    case_id: id,
                    organization_id: organization(),
                    key_version: key.version,
                    wrapped_key: data_key.wrap(&public),
                }],
            });
    store.commit(unit).await.unwrap();
    let opened = world
        .app
        .cases()
        .open(Scope::for_operator(organization()), id, &Actor::Operator)
        .await;
    assert!(
        matches!(opened, Err(AppError::Tampered(_))),
        "{:?}",
        opened.err()
    );
}

async fn cases_from_before_bindings_are_bound_at_the_next_unseal(engine: Engine) {
    let world = World::new(engine).await;
    let id = world.create_case().await.unwrap();
    let store = world.app.store();
    // Sealed as before bindings: the old associated data, no binding.
    let visible = store
        .case_visible_to(organization(), id)
        .await
        .unwrap()
        .unwrap();
    let secret = world
        .app
        .keyring()
        .organization_secret(organization(), 1)
        .await
        .unwrap();
    let data_key =
        torchlight_crypto::envelope::DataKey::unwrap(&visible.key.wrapped_key, &secret).unwrap();
    let context = format!(
        "case/{id}/details/v2/{}/KG/within_days/open/{}",
        organization(),
        visible.record.created_at_ms
    );
    let plaintext = data_key.open(&context, &visible.record.content).unwrap();
    let legacy = data_key.seal(&format!("case/{id}/details"), &plaintext);
    world
        .sql(&[format!(
            "UPDATE cases SET binding = NULL, content = {} WHERE id = {}",
            world.blob(&legacy),
            uuid_literal(&world, &id.as_uuid())
        )])
        .await;
    let scope = || Scope::for_operator(organization());
    let keyring = world.app.keyring();
    keyring.seal(&Actor::Operator).await.unwrap();
    keyring
        .unseal(
            Zeroizing::new(PASSPHRASE.into()),
            None,
            &Actor::Operator,
            "operator",
        )
        .await
        .unwrap();
    let opened = world
        .app
        .cases()
        .open(scope(), id, &Actor::Operator)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(opened.details.name, "A. Person");
    let actions: Vec<String> = world
        .entries()
        .await
        .into_iter()
        .map(|e| e.event.action)
        .collect();
    assert!(actions.contains(&"case.bound".to_string()), "{actions:?}");
}

/// A UUID as the engine's SQL stores it.
fn uuid_literal(world: &World, id: &Uuid) -> String {
    match world.db.engine {
        Engine::Sqlite => world.blob(id.as_bytes()),
        Engine::Postgres => format!("'{id}'"),
    }
}

both_engines!(
    a_downgraded_urgency_is_found_and_the_case_refused,
    a_case_planted_with_the_public_key_alone_is_refused,
    cases_from_before_bindings_are_bound_at_the_next_unseal,
    a_fresh_log_is_signed_throughout,
    an_edited_log_with_its_signatures_removed_is_found,
    an_edited_log_signed_with_another_key_is_found,
    a_log_emptied_while_a_keyring_exists_is_found,
    a_log_resigned_under_a_replaced_key_fails_the_exported_head_and_the_unseal,
    an_exported_head_catches_a_cut_log,
    a_planted_organisation_key_gets_no_case_sealed_or_not,
    keys_from_before_bindings_are_bound_at_the_next_unseal,
);
