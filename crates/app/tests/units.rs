//! Every operation of the application layer that changes audited data commits the
//! change and its audit entry together, on both engines, and a refused or failed
//! operation leaves neither. Each story runs an operation through `App` against a
//! real store and reads back what landed: the rows and the audit chain.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;
use std::time::Duration;

use torchlight_app::accounts::NewAccount;
use torchlight_app::keyring::{SealChoice, Unsealing};
use torchlight_app::signin::Attempt;
use torchlight_app::{Actor, App, AppConfig, AppError, Clock, HashingCost, ManualClock, Scope};
use torchlight_core::access::Role;
use torchlight_core::case::{CaseDraft, CaseStatus, Urgency};
use torchlight_core::{CaseId, Code, Directory, OrganizationId, Taxonomy, UserId, Vocabulary};
use torchlight_crypto::credentials::TotpSecret;
use torchlight_store::testing::TestDb;
use torchlight_store::{CaseKey, CaseRecord, Change, Engine, StaffUser, UnitOfWork};
use uuid::Uuid;
use zeroize::Zeroizing;

const PASSPHRASE: &str = "units fixture passphrase";
const PASSWORD: &str = "units fixture password";

fn organization() -> OrganizationId {
    OrganizationId::from_uuid(Uuid::from_u128(0x0000_0000_0000_4000_8000_0000_0000_0001))
}

/// A second organisation, which a case can be shared with.
fn partner() -> OrganizationId {
    OrganizationId::from_uuid(Uuid::from_u128(0x0000_0000_0000_4000_8000_0000_0000_0002))
}

struct World {
    app: App,
    clock: ManualClock,
    _db: TestDb,
}

impl World {
    /// A store with two organisations, its keyring set up (unsealed), and one
    /// enrolled caseworker whose TOTP secret is returned.
    async fn new(engine: Engine) -> (World, StaffUser, TotpSecret) {
        let db = TestDb::new(engine).await;
        let store = db.open().await;
        let directory: Directory = serde_json::from_value(serde_json::json!({
            "organizations": [{
                "id": organization(), "name": "Ala-Too Circle", "kind": "local_cso",
                "countries": ["KG"], "languages": ["ru"], "description": "A CSO.",
                "public_contact": "hello@ala-too.example.org"
            }, {
                "id": partner(), "name": "Partner Network", "kind": "regional_network",
                "countries": ["KG"], "languages": ["ru"], "description": "A network.",
                "public_contact": "hello@partner.example.org"
            }],
            "services": []
        }))
        .unwrap();
        store.replace_directory(&directory).await.unwrap();
        let clock = ManualClock::starting_now();
        let config = AppConfig {
            hashing: HashingCost::insecure_for_tests().unwrap(),
            ..AppConfig::default()
        };
        let app = App::new(store, Arc::new(clock.clone()), &config);
        app.keyring()
            .initialize(SealChoice::Passphrase(Zeroizing::new(PASSPHRASE.into())))
            .await
            .unwrap();
        let world = World {
            app,
            clock,
            _db: db,
        };
        let (user, secret) = world.enrolled("amira").await;
        (world, user, secret)
    }

    async fn enrolled(&self, username: &str) -> (StaffUser, TotpSecret) {
        let user = self
            .app
            .accounts()
            .add_demo_user(
                NewAccount {
                    organization: organization(),
                    username: username.into(),
                    display_name: format!("Fixture {username}"),
                    role: Role::Caseworker,
                },
                Zeroizing::new(PASSWORD.into()),
            )
            .await
            .unwrap();
        let secret = TotpSecret::generate();
        let step = self.step() - 2;
        self.app
            .accounts()
            .enrol_totp(&user, &secret, step, &Actor::Operator)
            .await
            .unwrap();
        (self.user(user.id).await, secret)
    }

    fn step(&self) -> i64 {
        self.clock.now_ms() / 30_000
    }

    fn code(&self, secret: &TotpSecret) -> String {
        secret.code_at(u64::try_from(self.clock.now_ms() / 1000).unwrap())
    }

    async fn user(&self, id: UserId) -> StaffUser {
        self.app.store().user(id).await.unwrap().unwrap()
    }

    /// The actions of the audit chain, oldest first.
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

    /// The actions appended by `operation`.
    async fn appended_by<T>(
        &self,
        operation: impl std::future::Future<Output = T>,
    ) -> (T, Vec<String>) {
        let before = self.actions().await.len();
        let outcome = operation.await;
        let after = self.actions().await;
        (outcome, after[before..].to_vec())
    }

    /// `user` fully signed in, as the staff member the services take.
    async fn member(&self, user: &StaffUser, secret: &TotpSecret) -> torchlight_app::StaffMember {
        let started = self.signed_in(user, secret).await;
        self.app
            .sign_in()
            .admit(started.session, started.user)
            .await
            .unwrap()
            .unwrap()
    }

    async fn signed_in(
        &self,
        user: &StaffUser,
        secret: &TotpSecret,
    ) -> torchlight_app::signin::Started {
        let sign_in = self.app.sign_in();
        let Attempt::Accepted(first) = sign_in
            .with_password(&user.username, Zeroizing::new(PASSWORD.into()), None, None)
            .await
            .unwrap()
        else {
            panic!("password refused");
        };
        let Attempt::Accepted(second) = sign_in
            .with_code(&first.session, first.user.clone(), &self.code(secret), None)
            .await
            .unwrap()
        else {
            panic!("code refused");
        };
        second
    }
}

async fn a_password_sign_in_starts_a_session_with_its_entry(engine: Engine) {
    let (world, user, _) = World::new(engine).await;
    let (attempt, appended) = world
        .appended_by(world.app.sign_in().with_password(
            &user.username,
            Zeroizing::new(PASSWORD.into()),
            None,
            None,
        ))
        .await;
    let Attempt::Accepted(started) = attempt.unwrap() else {
        panic!("refused")
    };
    assert_eq!(appended, ["staff.sign_in"]);
    assert!(world
        .app
        .store()
        .session(&started.session.token_digest)
        .await
        .unwrap()
        .is_some());
    // A wrong password: its entry, and no session.
    let (attempt, appended) = world
        .appended_by(world.app.sign_in().with_password(
            &user.username,
            Zeroizing::new("not the password".into()),
            None,
            None,
        ))
        .await;
    assert!(matches!(attempt.unwrap(), Attempt::Refused));
    assert_eq!(appended, ["staff.sign_in_failed"]);
}

async fn the_second_factor_replaces_the_session_in_one_unit(engine: Engine) {
    let (world, user, secret) = World::new(engine).await;
    let sign_in = world.app.sign_in();
    let Attempt::Accepted(first) = sign_in
        .with_password(&user.username, Zeroizing::new(PASSWORD.into()), None, None)
        .await
        .unwrap()
    else {
        panic!("refused")
    };
    let code = world.code(&secret);
    let (attempt, appended) = world
        .appended_by(sign_in.with_code(&first.session, first.user.clone(), &code, None))
        .await;
    let Attempt::Accepted(second) = attempt.unwrap() else {
        panic!("refused")
    };
    assert_eq!(appended, ["staff.second_factor"]);
    let store = world.app.store();
    assert!(store
        .session(&first.session.token_digest)
        .await
        .unwrap()
        .is_none());
    assert!(
        store
            .session(&second.session.token_digest)
            .await
            .unwrap()
            .unwrap()
            .second_factor
    );
    assert_eq!(world.user(user.id).await.totp_last_step, Some(world.step()));

    // The same code again, from another sign-in: refused, recorded as a failure,
    // and that sign-in's session is left as it was.
    let Attempt::Accepted(other) = sign_in
        .with_password(&user.username, Zeroizing::new(PASSWORD.into()), None, None)
        .await
        .unwrap()
    else {
        panic!("refused")
    };
    let (attempt, appended) = world
        .appended_by(sign_in.with_code(&other.session, other.user.clone(), &code, None))
        .await;
    assert!(matches!(attempt.unwrap(), Attempt::Refused));
    assert_eq!(appended, ["staff.second_factor_failed"]);
    let kept = store
        .session(&other.session.token_digest)
        .await
        .unwrap()
        .unwrap();
    assert!(!kept.second_factor, "a refused code promotes nothing");
}

async fn a_recovery_code_is_spent_with_its_entries(engine: Engine) {
    let (world, user, _) = World::new(engine).await;
    // Re-enrol to learn the codes: reset, then enrol again.
    world
        .app
        .accounts()
        .reset(user.clone(), &Actor::Operator)
        .await
        .unwrap();
    let reset = world.user(user.id).await;
    let secret = TotpSecret::generate();
    let codes = world
        .app
        .accounts()
        .enrol_totp(&reset, &secret, world.step() - 2, &Actor::Operator)
        .await
        .unwrap();
    let user = world
        .app
        .accounts()
        .change_password(
            world.user(user.id).await,
            Zeroizing::new(PASSWORD.into()),
            &Actor::Operator,
        )
        .await
        .unwrap();
    let sign_in = world.app.sign_in();
    let Attempt::Accepted(first) = sign_in
        .with_password(&user.username, Zeroizing::new(PASSWORD.into()), None, None)
        .await
        .unwrap()
    else {
        panic!("refused")
    };
    let (session, user) = (first.session, first.user);
    let (attempt, appended) = world
        .appended_by(sign_in.with_code(&session, user.clone(), codes[0].as_str(), None))
        .await;
    assert!(matches!(attempt.unwrap(), Attempt::Accepted(_)));
    assert_eq!(
        appended,
        ["staff.recovery_code_used", "staff.second_factor"]
    );
    let (attempt, appended) = world
        .appended_by(sign_in.with_code(&session, user.clone(), codes[0].as_str(), None))
        .await;
    assert!(matches!(attempt.unwrap(), Attempt::Refused), "spent once");
    assert_eq!(appended, ["staff.second_factor_failed"]);
    assert_eq!(
        world
            .app
            .store()
            .remaining_recovery_codes(user.id)
            .await
            .unwrap(),
        9
    );
}

async fn sign_out_and_sign_out_everywhere_end_sessions_with_their_entries(engine: Engine) {
    let (world, user, secret) = World::new(engine).await;
    let laptop = world.signed_in(&user, &secret).await;
    world.clock.advance(Duration::from_secs(30));
    let phone = world.signed_in(&user, &secret).await;
    let (result, appended) = world
        .appended_by(world.app.sign_in().sign_out(&laptop.session, &laptop.user))
        .await;
    result.unwrap();
    assert_eq!(appended, ["staff.sign_out"]);
    let store = world.app.store();
    assert!(store
        .session(&laptop.session.token_digest)
        .await
        .unwrap()
        .is_none());
    let member = world
        .app
        .sign_in()
        .admit(phone.session.clone(), phone.user.clone())
        .await
        .unwrap()
        .unwrap();
    let (result, appended) = world
        .appended_by(world.app.sign_in().sign_out_everywhere(&member))
        .await;
    result.unwrap();
    assert_eq!(appended, ["staff.sign_out_everywhere"]);
    assert!(store
        .session(&phone.session.token_digest)
        .await
        .unwrap()
        .is_none());
}

async fn an_expired_session_ends_by_rule_and_is_recorded(engine: Engine) {
    let (world, user, secret) = World::new(engine).await;
    let started = world.signed_in(&user, &secret).await;
    world.clock.advance(Duration::from_secs(31 * 60));
    let (current, appended) = world
        .appended_by(world.app.sign_in().current(&started.token))
        .await;
    assert!(current.unwrap().is_none());
    assert_eq!(appended, ["staff.session_ended"]);
}

async fn dead_sessions_are_swept_at_the_next_sign_in(engine: Engine) {
    let (world, amira, amira_secret) = World::new(engine).await;
    let (bakyt, bakyt_secret) = world.enrolled("bakyt").await;
    let idle = world.signed_in(&amira, &amira_secret).await;
    world.clock.advance(Duration::from_secs(20 * 60));
    let live = world.signed_in(&bakyt, &bakyt_secret).await;
    // 35 minutes on, the first session is past its idle limit; nobody used it.
    world.clock.advance(Duration::from_secs(15 * 60));
    let store = world.app.store();
    let stored = |started: &torchlight_app::signin::Started| started.session.token_digest.clone();
    assert!(store.session(&stored(&idle)).await.unwrap().is_some());
    let attempt = world
        .app
        .sign_in()
        .with_password(&amira.username, Zeroizing::new(PASSWORD.into()), None, None)
        .await
        .unwrap();
    assert!(matches!(attempt, Attempt::Accepted(_)));
    assert!(store.session(&stored(&idle)).await.unwrap().is_none());
    assert!(store.session(&stored(&live)).await.unwrap().is_some());
}

async fn disabling_and_resetting_change_the_account_and_end_its_sessions(engine: Engine) {
    let (world, user, secret) = World::new(engine).await;
    let started = world.signed_in(&user, &secret).await;
    let accounts = world.app.accounts();
    let (result, appended) = world
        .appended_by(accounts.set_disabled(user.clone(), true, &Actor::Operator))
        .await;
    result.unwrap();
    assert_eq!(appended, ["staff.disable"]);
    assert!(world.user(user.id).await.disabled);
    let store = world.app.store();
    assert!(store
        .session(&started.session.token_digest)
        .await
        .unwrap()
        .is_none());

    let (password, appended) = world
        .appended_by(accounts.reset(user.clone(), &Actor::Operator))
        .await;
    password.unwrap();
    assert_eq!(appended, ["staff.reset"]);
    let reset = world.user(user.id).await;
    assert!(reset.must_change_password && reset.totp_sealed.is_none());
    assert!(reset.disabled, "a reset leaves the disable alone");
    assert_eq!(store.remaining_recovery_codes(user.id).await.unwrap(), 0);
}

async fn a_slow_password_change_cannot_undo_a_disable_or_a_reset(engine: Engine) {
    let (world, user, _) = World::new(engine).await;
    let accounts = world.app.accounts();
    // The user's request read the account, then an admin disabled it while the
    // new password was being hashed.
    let as_read = world.user(user.id).await;
    accounts
        .set_disabled(as_read.clone(), true, &Actor::Operator)
        .await
        .unwrap();
    let (result, appended) = world
        .appended_by(accounts.change_password(
            as_read.clone(),
            Zeroizing::new("a brand new password".into()),
            &Actor::of(&as_read),
        ))
        .await;
    assert!(
        matches!(result, Err(AppError::Conflict(_))),
        "{:?}",
        result.err()
    );
    assert!(appended.is_empty(), "nothing recorded: {appended:?}");
    let now = world.user(user.id).await;
    assert!(now.disabled, "the disable holds");
    assert_eq!(now.password_hash, as_read.password_hash);

    // The same with a reset in between.
    accounts
        .set_disabled(now.clone(), false, &Actor::Operator)
        .await
        .unwrap();
    let as_read = world.user(user.id).await;
    accounts
        .reset(as_read.clone(), &Actor::Operator)
        .await
        .unwrap();
    let result = accounts
        .change_password(
            as_read.clone(),
            Zeroizing::new("a brand new password".into()),
            &Actor::of(&as_read),
        )
        .await;
    assert!(matches!(result, Err(AppError::Conflict(_))));
    assert!(
        world.user(user.id).await.must_change_password,
        "the reset holds"
    );
}

async fn a_refused_account_lands_neither_row_nor_entry(engine: Engine) {
    let (world, _, _) = World::new(engine).await;
    let (result, appended) = world
        .appended_by(world.app.accounts().add_user(
            NewAccount {
                organization: organization(),
                username: "amira".into(),
                display_name: "Another Amira".into(),
                role: Role::Analyst,
            },
            &Actor::Operator,
        ))
        .await;
    assert!(matches!(result, Err(AppError::Invalid(_))));
    assert!(appended.is_empty());
    assert_eq!(
        world
            .app
            .store()
            .users_of_organization(organization())
            .await
            .unwrap()
            .len(),
        1
    );
}

async fn enrolling_at_sign_in_commits_the_secret_and_the_session_together(engine: Engine) {
    let (world, _, _) = World::new(engine).await;
    let (user, _one_time) = world
        .app
        .accounts()
        .add_user(
            NewAccount {
                organization: organization(),
                username: "bakyt".into(),
                display_name: "Bakyt".into(),
                role: Role::Caseworker,
            },
            &Actor::Operator,
        )
        .await
        .unwrap();
    let user = world
        .app
        .accounts()
        .change_password(
            user,
            Zeroizing::new("bakyt's own password".into()),
            &Actor::Operator,
        )
        .await
        .unwrap();
    let Attempt::Accepted(first) = world
        .app
        .sign_in()
        .with_password(
            "bakyt",
            Zeroizing::new("bakyt's own password".into()),
            None,
            None,
        )
        .await
        .unwrap()
    else {
        panic!("refused")
    };
    let secret = world.app.sign_in().offered_secret(&first.session);
    let (attempt, appended) = world
        .appended_by(world.app.sign_in().enrol(
            &first.session,
            first.user.clone(),
            &world.code(&secret),
        ))
        .await;
    let Attempt::Accepted((codes, started)) = attempt.unwrap() else {
        panic!("refused")
    };
    assert_eq!(appended, ["staff.totp_enrolled"]);
    assert_eq!(codes.len(), 10);
    let store = world.app.store();
    assert!(store
        .session(&first.session.token_digest)
        .await
        .unwrap()
        .is_none());
    assert!(
        store
            .session(&started.session.token_digest)
            .await
            .unwrap()
            .unwrap()
            .second_factor
    );
    assert!(world.user(user.id).await.totp_sealed.is_some());
    // Enrolling again from the old session is refused before anything is written.
    let again = world
        .app
        .sign_in()
        .enrol(
            &first.session,
            world.user(user.id).await,
            &world.code(&secret),
        )
        .await;
    assert!(matches!(again, Err(AppError::Invalid(_))));
}

async fn sealing_and_unsealing_are_recorded(engine: Engine) {
    let (world, user, secret) = World::new(engine).await;
    let started = world.signed_in(&user, &secret).await;
    let digest = started.session.token_digest.clone();
    assert!(world.app.store().session(&digest).await.unwrap().is_some());
    let keyring = world.app.keyring();
    let (result, appended) = world.appended_by(keyring.seal(&Actor::Operator)).await;
    result.unwrap();
    assert_eq!(appended, ["keyring.seal"]);
    assert!(world.app.vault().is_sealed());
    // Everyone is signed out in the seal's unit.
    assert!(world.app.store().session(&digest).await.unwrap().is_none());
    let (outcome, appended) = world
        .appended_by(keyring.unseal(
            Zeroizing::new("not the passphrase".into()),
            None,
            &Actor::Trustee,
            "test unsealing",
        ))
        .await;
    assert_eq!(outcome.unwrap(), Unsealing::Refused);
    assert_eq!(appended, ["keyring.unseal_refused"]);
    assert!(world.app.vault().is_sealed());
    let (outcome, appended) = world
        .appended_by(keyring.unseal(
            Zeroizing::new(PASSPHRASE.into()),
            None,
            &Actor::Trustee,
            "test unsealing",
        ))
        .await;
    assert!(matches!(outcome.unwrap(), Unsealing::Progress(_)));
    assert_eq!(appended, ["keyring.unseal"]);
    assert!(!world.app.vault().is_sealed());
}

async fn cases_are_created_viewed_and_erased_with_their_entries(engine: Engine) {
    let (world, user, secret) = World::new(engine).await;
    let member = world.member(&user, &secret).await;
    let valid = valid_case("A. Person");
    let cases = world.app.cases();
    let (id, appended) = world
        .appended_by(cases.create(member.scope(), valid, &member.actor()))
        .await;
    let id = id.unwrap();
    assert_eq!(appended, ["case.create"]);
    let (open, appended) = world
        .appended_by(cases.open(member.scope(), id, &member.actor()))
        .await;
    assert_eq!(open.unwrap().unwrap().details.name, "A. Person");
    assert_eq!(appended, ["case.view"]);
    // Another organisation's scope erases nothing and records nothing.
    let stranger = Scope::for_operator(OrganizationId::from_uuid(Uuid::new_v4()));
    let (erased, appended) = world
        .appended_by(cases.erase(stranger, id, &Actor::Operator))
        .await;
    assert!(!erased.unwrap());
    assert!(appended.is_empty());
    let (erased, appended) = world
        .appended_by(cases.erase(member.scope(), id, &member.actor()))
        .await;
    assert!(erased.unwrap());
    assert_eq!(appended, ["case.erase"]);
    assert!(cases
        .open(member.scope(), id, &member.actor())
        .await
        .unwrap()
        .is_none());
}

async fn a_case_shared_with_another_organisation_stays_its_owners_to_erase(engine: Engine) {
    let (world, _, _) = World::new(engine).await;
    // As a referral will leave it: the case's key wrapped for its owner and for the
    // partner. Erasing reads no content, so the wrapped keys need not be real.
    let case = CaseId::from_uuid(Uuid::new_v4());
    let key = |organization_id| CaseKey {
        case_id: case,
        organization_id,
        key_version: 1,
        wrapped_key: b"a wrapped data key".to_vec(),
    };
    let record = CaseRecord {
        id: case,
        organization_id: organization(),
        country: Code::parse(Vocabulary::Country, "KG").unwrap(),
        urgency: Urgency::WithinDays,
        status: CaseStatus::Open,
        created_at_ms: 1_000,
        updated_at_ms: 1_000,
        content: b"sealed".to_vec(),
        binding: None,
    };
    let shared = UnitOfWork::recording(Actor::Operator.event(1_000, "case.create", None)).with(
        Change::CreateCase {
            scope: organization(),
            record,
            keys: vec![key(organization()), key(partner())],
        },
    );
    world.app.store().commit(shared).await.unwrap();

    let cases = world.app.cases();
    let (erased, appended) = world
        .appended_by(cases.erase(Scope::for_operator(partner()), case, &Actor::Operator))
        .await;
    assert!(
        !erased.unwrap(),
        "a recipient does not erase the owner's case"
    );
    assert!(appended.is_empty());
    let store = world.app.store();
    assert!(store
        .case_visible_to(partner(), case)
        .await
        .unwrap()
        .is_some());
    let (erased, appended) = world
        .appended_by(cases.erase(Scope::for_operator(organization()), case, &Actor::Operator))
        .await;
    assert!(erased.unwrap());
    assert_eq!(appended, ["case.erase"]);
    assert!(store
        .case_visible_to(partner(), case)
        .await
        .unwrap()
        .is_none());
}

async fn a_burst_of_wrong_passwords_is_evaluated_only_up_to_the_limit(engine: Engine) {
    let (world, user, _) = World::new(engine).await;
    // Thirty wrong passwords for one account sent at once: each is reserved before
    // its hash is computed, so only the account's limit of five are evaluated.
    let mut burst = tokio::task::JoinSet::new();
    for _ in 0..30 {
        let app = world.app.clone();
        let username = user.username.clone();
        burst.spawn(async move {
            app.sign_in()
                .with_password(&username, Zeroizing::new("wrong".into()), None, None)
                .await
        });
    }
    let (mut refused, mut throttled) = (0, 0);
    while let Some(outcome) = burst.join_next().await {
        match outcome.unwrap().unwrap() {
            Attempt::Refused => refused += 1,
            Attempt::Throttled(_) => throttled += 1,
            Attempt::Accepted(_) => panic!("a wrong password signed in"),
        }
    }
    assert_eq!((refused, throttled), (5, 25));
    let failures = world
        .actions()
        .await
        .into_iter()
        .filter(|a| a == "staff.sign_in_failed")
        .count();
    assert_eq!(failures, 5, "one entry per evaluated attempt");
}

/// The same work whether the account exists or not: one hash (the hasher checks
/// a dummy for an unknown name) and one durable write, so the time of the answer
/// does not tell usernames apart.
async fn a_wrong_password_costs_one_entry_whether_the_account_exists_or_not(engine: Engine) {
    let (world, user, _) = World::new(engine).await;
    for username in [user.username.as_str(), "nobody-here"] {
        let (attempt, appended) = world
            .appended_by(world.app.sign_in().with_password(
                username,
                Zeroizing::new("not the password".into()),
                None,
                None,
            ))
            .await;
        assert!(matches!(attempt.unwrap(), Attempt::Refused));
        assert_eq!(appended, ["staff.sign_in_failed"], "{username}");
    }
    let last = world
        .app
        .store()
        .audit_entries(0, 10_000)
        .await
        .unwrap()
        .pop()
        .unwrap();
    assert_eq!(
        (last.event.actor.as_str(), last.event.object),
        ("anonymous", None)
    );
}

/// The list shows each defender's name, so each case it shows is recorded in its
/// own trail, where the case's access log finds it.
async fn a_case_shown_in_the_list_has_it_in_its_trail(engine: Engine) {
    let (world, user, secret) = World::new(engine).await;
    let member = world.member(&user, &secret).await;
    let cases = world.app.cases();
    let mut ids = Vec::new();
    for name in ["A. Person", "B. Person"] {
        let valid = valid_case(name);
        ids.push(
            cases
                .create(member.scope(), valid, &member.actor())
                .await
                .unwrap(),
        );
    }
    let (listed, appended) = world
        .appended_by(cases.list(member.scope(), &member.actor()))
        .await;
    assert_eq!(listed.unwrap().len(), 2);
    assert_eq!(appended, ["case.list", "case.listed", "case.listed"]);
    for id in ids {
        let trail = cases.access_trail(&member, id).await.unwrap().unwrap();
        assert!(
            trail.iter().any(|entry| entry.action == "case.listed"),
            "{trail:?}"
        );
    }
}

async fn a_name_no_account_can_have_is_refused_without_becoming_a_key(engine: Engine) {
    let (world, user, _) = World::new(engine).await;
    let throttle = world.app.throttle();
    let tracked = throttle.tracked();
    for name in [
        "x".repeat(10_000),
        "two words".into(),
        "ab".into(),
        "имя".into(),
    ] {
        let attempt = world
            .app
            .sign_in()
            .with_password(&name, Zeroizing::new(PASSWORD.into()), None, None)
            .await
            .unwrap();
        assert!(matches!(attempt, Attempt::Refused));
    }
    assert_eq!(throttle.tracked(), tracked);
    // A real name, typed with capitals and spaces around it, still signs in.
    let typed = format!("  {}  ", user.username.to_uppercase());
    let attempt = world
        .app
        .sign_in()
        .with_password(&typed, Zeroizing::new(PASSWORD.into()), None, None)
        .await
        .unwrap();
    assert!(matches!(attempt, Attempt::Accepted(_)));
}

/// A valid case of a defender called `name` in Kyrgyzstan.
fn valid_case(name: &str) -> torchlight_core::case::ValidCase {
    CaseDraft {
        country: "KG".into(),
        urgency: "within_days".into(),
        name: name.into(),
        contact: "Signal".into(),
        narrative: "Summoned.".into(),
    }
    .validate(&Taxonomy::built_in().unwrap())
    .unwrap()
}

macro_rules! both_engines {
    ($($story:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test]
                async fn $story() {
                    super::$story(super::Engine::Sqlite).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test]
                async fn $story() {
                    super::$story(super::Engine::Postgres).await;
                }
            )*
        }
    };
}

both_engines!(
    a_password_sign_in_starts_a_session_with_its_entry,
    the_second_factor_replaces_the_session_in_one_unit,
    a_recovery_code_is_spent_with_its_entries,
    sign_out_and_sign_out_everywhere_end_sessions_with_their_entries,
    an_expired_session_ends_by_rule_and_is_recorded,
    disabling_and_resetting_change_the_account_and_end_its_sessions,
    a_slow_password_change_cannot_undo_a_disable_or_a_reset,
    a_refused_account_lands_neither_row_nor_entry,
    enrolling_at_sign_in_commits_the_secret_and_the_session_together,
    sealing_and_unsealing_are_recorded,
    cases_are_created_viewed_and_erased_with_their_entries,
    a_case_shared_with_another_organisation_stays_its_owners_to_erase,
    a_burst_of_wrong_passwords_is_evaluated_only_up_to_the_limit,
    dead_sessions_are_swept_at_the_next_sign_in,
    a_name_no_account_can_have_is_refused_without_becoming_a_key,
    a_wrong_password_costs_one_entry_whether_the_account_exists_or_not,
    a_case_shown_in_the_list_has_it_in_its_trail,
);
