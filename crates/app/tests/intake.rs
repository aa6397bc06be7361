//! Intake through the application layer, on both engines: a request lands as a
//! new case of its recipient, sealed or not; its codename finds it and nothing
//! else does; the defender adds to it and withdraws it; a batch commits each unit
//! as if alone.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;

use torchlight_app::intake::{NewRisk, Practice};
use torchlight_app::keyring::SealChoice;
use torchlight_app::{Actor, App, AppConfig, HashingCost, ManualClock, Scope};
use torchlight_core::case::{CaseStatus, EntryKind, Urgency};
use torchlight_core::intake::RequestDraft;
use torchlight_core::{Code, Directory, OrganizationId, Taxonomy, Vocabulary};
use torchlight_store::testing::TestDb;
use torchlight_store::{Change, Engine, UnitOfWork};
use uuid::Uuid;
use zeroize::Zeroizing;

const PASSPHRASE: &str = "intake fixture passphrase";

fn focal_point() -> OrganizationId {
    OrganizationId::from_uuid(Uuid::from_u128(0x0000_0000_0000_4000_8000_0000_0000_0011))
}

fn local_cso() -> OrganizationId {
    OrganizationId::from_uuid(Uuid::from_u128(0x0000_0000_0000_4000_8000_0000_0000_0012))
}

struct World {
    app: App,
    clock: ManualClock,
    taxonomy: Arc<Taxonomy>,
    directory: Directory,
    _db: TestDb,
}

impl World {
    async fn new(engine: Engine) -> World {
        let db = TestDb::new(engine).await;
        let store = db.open().await;
        let directory: Directory = serde_json::from_value(serde_json::json!({
            "organizations": [{
                "id": focal_point(), "name": "Sary-Chelek Coalition", "kind": "focal_point",
                "countries": ["KG"], "languages": ["ru"], "description": "A focal point.",
                "public_contact": "hello@coalition.example.org"
            }, {
                "id": local_cso(), "name": "Osh Valley Centre", "kind": "local_cso",
                "countries": ["KG"], "languages": ["ky"], "description": "A CSO.",
                "public_contact": "hello@osh.example.org"
            }],
            "services": []
        }))
        .unwrap();
        store.replace_directory(&directory).await.unwrap();
        let config = AppConfig {
            hashing: HashingCost::insecure_for_tests().unwrap(),
            ..AppConfig::default()
        };
        let clock = ManualClock::starting_now();
        let app = App::new(store, Arc::new(clock.clone()), &config);
        app.keyring()
            .initialize(SealChoice::Passphrase(Zeroizing::new(PASSPHRASE.into())))
            .await
            .unwrap();
        World {
            app,
            clock,
            taxonomy: Taxonomy::built_in().unwrap(),
            directory,
            _db: db,
        }
    }

    fn request(&self, urgency: &str, narrative: &str) -> torchlight_core::intake::ValidRequest {
        RequestDraft {
            country: "KG".into(),
            needs: vec!["legal".into()],
            urgency: urgency.into(),
            narrative: Some(narrative.into()),
            ..RequestDraft::default()
        }
        .validate(&self.taxonomy, &self.directory)
        .unwrap()
    }

    /// Sends a request from Kyrgyzstan for a lawyer, to the focal point.
    async fn send(&self, urgency: &str, narrative: &str) -> torchlight_app::intake::Receipt {
        self.app
            .intake()
            .submit(self.request(urgency, narrative))
            .await
            .unwrap()
    }

    async fn actions(&self) -> Vec<String> {
        self.app
            .store()
            .audit_entries(0, 10_000)
            .await
            .unwrap()
            .into_iter()
            .map(|entry| entry.event.action)
            .collect()
    }

    async fn seal(&self) {
        self.app.keyring().seal(&Actor::Operator).await.unwrap();
    }

    async fn unseal(&self) {
        self.app
            .keyring()
            .unseal_with_passphrase(Zeroizing::new(PASSPHRASE.into()), &Actor::Operator)
            .await
            .unwrap();
    }
}

fn code(vocabulary: Vocabulary, raw: &str) -> Code {
    Code::parse(vocabulary, raw).unwrap()
}

async fn a_request_lands_as_a_new_case_of_its_recipient_and_its_codename_finds_it(engine: Engine) {
    let world = World::new(engine).await;
    let receipt = world.send("within_days", "Summoned for questioning.").await;
    assert_eq!(receipt.recipient, focal_point());
    assert!(world
        .actions()
        .await
        .ends_with(&["request.create".to_string()]));

    let status = world
        .app
        .intake()
        .status(receipt.codename.as_str())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(status.case, receipt.case);
    assert_eq!(status.status, CaseStatus::New);
    assert_eq!(status.request.narrative, "Summoned for questioning.");
    assert_eq!(status.last_visit_ms, None);
    // Typed in capitals with extra spaces: the same codename.
    let shouted = format!(
        "  {}  ",
        receipt.codename.as_str().to_uppercase().replace(' ', "   ")
    );
    let again = world.app.intake().status(&shouted).await.unwrap().unwrap();
    assert!(
        again.last_visit_ms.is_some(),
        "the first visit is remembered"
    );
    assert!(world
        .actions()
        .await
        .ends_with(&["request.view".to_string()]));

    // The recipient's caseworkers see it among the new requests; the other
    // organisation does not.
    let listed = world
        .app
        .cases()
        .new_requests(Scope::for_operator(focal_point()), &Actor::Operator)
        .await
        .unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].record.id, receipt.case);
    let request = listed[0].details.request.as_ref().unwrap();
    assert_eq!(request.needs, [code(Vocabulary::SupportType, "legal")]);
    let other = world
        .app
        .cases()
        .new_requests(Scope::for_operator(local_cso()), &Actor::Operator)
        .await
        .unwrap();
    assert!(other.is_empty());
}

async fn the_codename_is_stored_only_as_a_keyed_hash(engine: Engine) {
    let world = World::new(engine).await;
    let receipt = world.send("not_urgent", "Nothing urgent.").await;
    let record = world
        .app
        .store()
        .case_visible_to(focal_point(), receipt.case)
        .await
        .unwrap()
        .unwrap();
    let words = receipt.codename.as_str().as_bytes();
    assert!(!record
        .record
        .content
        .windows(words.len())
        .any(|w| w == words));
    // An unkeyed hash of the codename finds nothing: the stored digest is keyed.
    use sha2::Digest as _;
    let unkeyed = sha2::Sha256::digest(words);
    assert!(world
        .app
        .store()
        .request_by_codename(unkeyed.as_slice())
        .await
        .unwrap()
        .is_none());
}

async fn a_wrong_codename_gets_the_same_answer_whatever_it_was(engine: Engine) {
    let world = World::new(engine).await;
    world.send("within_days", "x").await;
    let intake = world.app.intake();
    let well_formed = torchlight_crypto::codename::Codename::generate();
    for typed in ["", "not a codename", well_formed.as_str()] {
        assert!(intake.status(typed).await.unwrap().is_none(), "{typed:?}");
        assert!(!intake.reply(typed, "hello".into()).await.unwrap());
        assert!(!intake.withdraw(typed).await.unwrap());
    }
}

async fn practising_names_a_slip_and_says_when_it_is_right(engine: Engine) {
    let world = World::new(engine).await;
    let receipt = world.send("within_days", "x").await;
    let intake = world.app.intake();
    assert_eq!(
        intake.practise(receipt.codename.as_str()).await.unwrap(),
        Practice::Finds
    );
    let mut words: Vec<&str> = receipt.codename.as_str().split(' ').collect();
    words[2] = "zzzz";
    let Practice::Slip(message) = intake.practise(&words.join(" ")).await.unwrap() else {
        panic!("a misspelt word is a slip");
    };
    assert!(message.contains('3'), "{message}");
    let other = torchlight_crypto::codename::Codename::generate();
    assert_eq!(
        intake.practise(other.as_str()).await.unwrap(),
        Practice::Wrong
    );
}

async fn intake_works_sealed_and_the_next_unseal_binds_the_request(engine: Engine) {
    let world = World::new(engine).await;
    world.seal().await;
    let receipt = world.send("detained_now", "Detained an hour ago.").await;
    let status = world
        .app
        .intake()
        .status(receipt.codename.as_str())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(status.urgency, Urgency::DetainedNow);
    assert!(world
        .app
        .intake()
        .reply(receipt.codename.as_str(), "My lawyer is not let in.".into())
        .await
        .unwrap());
    world.unseal().await;
    assert!(world.actions().await.contains(&"case.bound".to_string()));
    let listed = world
        .app
        .cases()
        .new_requests(Scope::for_operator(focal_point()), &Actor::Operator)
        .await
        .unwrap();
    assert_eq!(listed.len(), 1, "bound, not taken for a planted case");
    assert!(!world
        .actions()
        .await
        .contains(&"case.tamper_found".to_string()));
}

async fn the_defender_replies_reports_a_new_risk_and_a_closed_case_reopens(engine: Engine) {
    let world = World::new(engine).await;
    let receipt = world.send("within_days", "Summoned.").await;
    let typed = receipt.codename.as_str();
    let intake = world.app.intake();
    assert!(intake
        .reply(typed, "They came again.".into())
        .await
        .unwrap());
    // A caseworker closes the case: a new risk from the defender opens it again.
    let opened = world
        .app
        .cases()
        .open(
            Scope::for_operator(focal_point()),
            receipt.case,
            &Actor::Operator,
        )
        .await
        .unwrap()
        .unwrap();
    assert_eq!(opened.details.narrative, "Summoned.");
    close(&world, receipt.case).await;
    world.clock.advance(std::time::Duration::from_secs(60));
    let report = NewRisk {
        risk: Some(torchlight_core::intake::Risk {
            kind: code(Vocabulary::RiskType, "illegal_search"),
            source: None,
            stage: None,
            affects: Vec::new(),
            onset: None,
        }),
        needs: vec![code(Vocabulary::SupportType, "digital_security")],
        text: "They searched the flat and took the laptop.".into(),
    };
    assert!(intake.report_new_risk(typed, report).await.unwrap());
    let status = intake.status(typed).await.unwrap().unwrap();
    assert_eq!(status.status, CaseStatus::Open, "back in triage");
    let kinds: Vec<EntryKind> = status.entries.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [EntryKind::DefenderMessage, EntryKind::DefenderNewRisk]
    );
    assert_eq!(status.entries[0].content.text, "They came again.");
    assert_eq!(
        status.entries[1].content.needs,
        [code(Vocabulary::SupportType, "digital_security")]
    );
    let actions = world.actions().await;
    assert!(
        actions.contains(&"request.reopened".to_string()),
        "{actions:?}"
    );
    // Staff still read it: its binding follows the new status.
    assert!(world
        .app
        .cases()
        .open(
            Scope::for_operator(focal_point()),
            receipt.case,
            &Actor::Operator
        )
        .await
        .unwrap()
        .is_some());
}

/// A caseworker closes the case.
async fn close(world: &World, case: torchlight_core::CaseId) {
    let closed = world
        .app
        .cases()
        .set_status(
            Scope::for_operator(focal_point()),
            case,
            CaseStatus::Closed,
            &Actor::Operator,
        )
        .await
        .unwrap();
    assert!(closed);
}

async fn a_new_risk_reported_while_sealed_reopens_the_case_at_the_next_unseal(engine: Engine) {
    let world = World::new(engine).await;
    let receipt = world.send("within_days", "Summoned.").await;
    close(&world, receipt.case).await;
    // A move the rule forbids changes nothing and records nothing.
    let before = world.actions().await.len();
    let refused = world
        .app
        .cases()
        .set_status(
            Scope::for_operator(focal_point()),
            receipt.case,
            CaseStatus::New,
            &Actor::Operator,
        )
        .await;
    assert!(matches!(refused, Err(torchlight_app::AppError::Invalid(_))));
    assert_eq!(world.actions().await.len(), before);
    world.seal().await;
    world.clock.advance(std::time::Duration::from_secs(60));
    let report = NewRisk {
        risk: None,
        needs: vec![code(Vocabulary::SupportType, "relocation_in_country")],
        text: "They know where I live now.".into(),
    };
    let intake = world.app.intake();
    assert!(intake
        .report_new_risk(receipt.codename.as_str(), report)
        .await
        .unwrap());
    let status = intake
        .status(receipt.codename.as_str())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        status.status,
        CaseStatus::Closed,
        "not re-bound while sealed"
    );
    world.unseal().await;
    let status = intake
        .status(receipt.codename.as_str())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(status.status, CaseStatus::Open);
}

/// A case an organisation never wrote, planted unbound and open, is not bound by
/// a read or an unseal: only a request (status `new`) may arrive unbound.
async fn an_unbound_case_that_is_not_a_new_request_stays_refused(engine: Engine) {
    let world = World::new(engine).await;
    let receipt = world.send("within_days", "Summoned.").await;
    close(&world, receipt.case).await;
    let scope = || Scope::for_operator(focal_point());
    // What a database writer holding an earlier copy of the binding could not
    // forge: strip the binding and hope the server signs the case again.
    let store = world.app.store();
    let mut record = store
        .case_visible_to(focal_point(), receipt.case)
        .await
        .unwrap()
        .unwrap()
        .record;
    record.binding = None;
    store
        .commit(
            UnitOfWork::recording(torchlight_crypto::audit::AuditEvent {
                at_ms: 1,
                actor: "intruder".into(),
                organization: None,
                action: "intruder.strip".into(),
                object: None,
            })
            .with(Change::UpdateCase {
                scope: focal_point(),
                record,
            }),
        )
        .await
        .unwrap();
    assert!(world
        .app
        .cases()
        .open(scope(), receipt.case, &Actor::Operator)
        .await
        .is_err());
    world.seal().await;
    world.unseal().await;
    assert!(world
        .app
        .cases()
        .open(scope(), receipt.case, &Actor::Operator)
        .await
        .is_err());
}

/// After a rotation a request goes to the organisation's new key (the remembered
/// one is forgotten), and the store refuses a request wrapped to a key a rotation
/// replaced meanwhile, which would be acknowledged and never readable.
/// The epoch key's age file inside a data key wrapped under an epoch
/// (`crypto::envelope::EpochKey`): the same for every key of one epoch.
fn epoch_of(wrapped: &[u8]) -> Vec<u8> {
    let rest = wrapped
        .strip_prefix(b"torchlight-epoch-wrapped-v1\n".as_slice())
        .expect("a request's data key is wrapped under an epoch");
    let length = usize::from(u16::from_be_bytes([rest[0], rest[1]]));
    rest[2..2 + length].to_vec()
}

async fn a_request_is_always_wrapped_to_the_current_key(engine: Engine) {
    let world = World::new(engine).await;
    let first = world.send("within_days", "Before the rotation.").await;
    let stale = world
        .app
        .store()
        .case_visible_to(focal_point(), first.case)
        .await
        .unwrap()
        .unwrap();
    // The next request of the same moment shares the first one's wrap epoch.
    let neighbour = world.send("within_days", "In the same epoch.").await;
    let neighbour_key = world
        .app
        .store()
        .case_visible_to(focal_point(), neighbour.case)
        .await
        .unwrap()
        .unwrap()
        .key;
    assert_eq!(
        epoch_of(&neighbour_key.wrapped_key),
        epoch_of(&stale.key.wrapped_key)
    );
    assert_ne!(neighbour_key.wrapped_key, stale.key.wrapped_key);
    let version = world
        .app
        .keyring()
        .rotate_organization_key(focal_point(), &Actor::Operator)
        .await
        .unwrap();
    let second = world.send("within_days", "After the rotation.").await;
    let after = world
        .app
        .store()
        .case_visible_to(focal_point(), second.case)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(after.key.key_version, version);
    // A rotation ends the epoch: nothing more is wrapped under the old key's.
    assert_ne!(
        epoch_of(&after.key.wrapped_key),
        epoch_of(&stale.key.wrapped_key)
    );
    for id in [first.case, second.case, neighbour.case] {
        assert!(world
            .app
            .cases()
            .open(Scope::for_operator(focal_point()), id, &Actor::Operator)
            .await
            .unwrap()
            .is_some());
    }
    // A request wrapped to the replaced key: refused, nothing stored.
    let mut record = stale.record.clone();
    record.id = torchlight_core::CaseId::from_uuid(Uuid::new_v4());
    let mut key = stale.key.clone();
    key.case_id = record.id;
    let unit = UnitOfWork::recording(torchlight_crypto::audit::AuditEvent {
        at_ms: 1,
        actor: "defender".into(),
        organization: None,
        action: "request.create".into(),
        object: None,
    })
    .with(Change::CreateRequest {
        record,
        key,
        codename_digest: vec![7; 32],
        defender_wrapped_key: vec![1; 8],
    });
    assert!(matches!(
        world.app.store().commit(unit).await,
        Err(torchlight_store::StoreError::Conflict(_))
    ));
}

async fn a_withdrawn_request_is_gone_for_good(engine: Engine) {
    let world = World::new(engine).await;
    let kept = world.send("within_days", "Keep me.").await;
    let gone = world.send("within_days", "Withdraw me.").await;
    let intake = world.app.intake();
    assert!(intake
        .reply(gone.codename.as_str(), "one".into())
        .await
        .unwrap());
    assert!(intake.withdraw(gone.codename.as_str()).await.unwrap());
    assert!(intake
        .status(gone.codename.as_str())
        .await
        .unwrap()
        .is_none());
    let store = world.app.store();
    assert!(store
        .case_visible_to(focal_point(), gone.case)
        .await
        .unwrap()
        .is_none());
    assert!(store.case_entries(gone.case).await.unwrap().is_empty());
    assert!(intake
        .status(kept.codename.as_str())
        .await
        .unwrap()
        .is_some());
    assert!(world
        .actions()
        .await
        .contains(&"request.withdrawn".to_string()));
}

async fn a_burst_of_requests_is_committed_in_batches_and_every_one_is_there(engine: Engine) {
    let world = World::new(engine).await;
    let mut submissions = Vec::new();
    for i in 0..60 {
        let app = world.app.clone();
        let request = world.request("within_days", &format!("request {i}"));
        submissions.push(tokio::spawn(async move {
            app.intake().submit(request).await.unwrap()
        }));
    }
    let mut receipts = Vec::new();
    for submission in submissions {
        receipts.push(submission.await.unwrap());
    }
    for receipt in &receipts {
        assert!(world
            .app
            .intake()
            .status(receipt.codename.as_str())
            .await
            .unwrap()
            .is_some());
    }
    assert!(matches!(
        world.app.audit().verify(None).await.unwrap(),
        torchlight_app::audit::Verdict::Intact(_)
    ));
}

async fn a_failing_unit_in_a_batch_leaves_the_others_whole(engine: Engine) {
    let world = World::new(engine).await;
    let event = |action: &str| torchlight_crypto::audit::AuditEvent {
        at_ms: 1,
        actor: "test".into(),
        organization: None,
        action: action.into(),
        object: None,
    };
    let missing = torchlight_core::CaseId::from_uuid(Uuid::new_v4());
    let units = vec![
        UnitOfWork::recording(event("first")),
        UnitOfWork::recording(event("doomed")).with(Change::WithdrawRequest {
            case: missing,
            codename_digest: vec![0; 32],
        }),
        UnitOfWork::recording(event("third")),
    ];
    let results = world.app.store().commit_batch(units).await;
    assert!(results[0].is_ok());
    assert!(matches!(
        results[1],
        Err(torchlight_store::StoreError::Conflict(_))
    ));
    assert!(results[2].is_ok());
    let actions = world.actions().await;
    assert!(actions.ends_with(&["first".to_string(), "third".to_string()]));
    assert!(!actions.contains(&"doomed".to_string()));
}

async fn an_edit_replaces_what_staff_recorded_and_keeps_what_the_defender_sent(engine: Engine) {
    let world = World::new(engine).await;
    let receipt = world.send("within_days", "Summoned twice.").await;
    let scope = Scope::for_operator(focal_point());
    let edited = torchlight_core::case::CaseDraft {
        country: "KG".into(),
        urgency: "threat_to_life".into(),
        name: "N. Corrected".into(),
        contact: "Signal".into(),
        narrative: "Summoned twice; now followed home.".into(),
    }
    .validate(&world.taxonomy)
    .unwrap();
    assert!(world
        .app
        .cases()
        .edit(scope, receipt.case, edited.clone(), &Actor::Operator)
        .await
        .unwrap());
    let open = world
        .app
        .cases()
        .open(scope, receipt.case, &Actor::Operator)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(open.details.name, "N. Corrected");
    assert_eq!(open.details.narrative, "Summoned twice; now followed home.");
    assert_eq!(
        open.record.urgency,
        torchlight_core::case::Urgency::ThreatToLife
    );
    assert_eq!(open.record.status, CaseStatus::New, "the status stays");
    assert!(
        open.details.request.is_some(),
        "what the defender sent stays"
    );
    assert!(world.actions().await.contains(&"case.edit".to_string()));
    // No such case for another organisation: nothing is changed.
    let other = Scope::for_operator(local_cso());
    assert!(!world
        .app
        .cases()
        .edit(other, receipt.case, edited.clone(), &Actor::Operator)
        .await
        .unwrap());
    // Sealed, nothing can be re-signed: refused.
    world.seal().await;
    assert!(matches!(
        world
            .app
            .cases()
            .edit(scope, receipt.case, edited, &Actor::Operator)
            .await,
        Err(torchlight_app::AppError::Sealed)
    ));
}

torchlight_store::both_engines!(
    an_edit_replaces_what_staff_recorded_and_keeps_what_the_defender_sent,
    a_request_lands_as_a_new_case_of_its_recipient_and_its_codename_finds_it,
    the_codename_is_stored_only_as_a_keyed_hash,
    a_wrong_codename_gets_the_same_answer_whatever_it_was,
    practising_names_a_slip_and_says_when_it_is_right,
    intake_works_sealed_and_the_next_unseal_binds_the_request,
    the_defender_replies_reports_a_new_risk_and_a_closed_case_reopens,
    a_withdrawn_request_is_gone_for_good,
    a_request_is_always_wrapped_to_the_current_key,
    a_new_risk_reported_while_sealed_reopens_the_case_at_the_next_unseal,
    an_unbound_case_that_is_not_a_new_request_stays_refused,
    a_burst_of_requests_is_committed_in_batches_and_every_one_is_there,
    a_failing_unit_in_a_batch_leaves_the_others_whole,
);
