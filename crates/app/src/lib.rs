//! The application layer: one service per area, shared by the web server and the
//! command line. An operation takes the caller (`Actor`), reads the time from the
//! `App`'s clock, joins a rule of `torchlight-core`, the cryptography of
//! `torchlight-crypto` and the store, and records what it did in the audit chain.
//!
//! ```text
//! app.sign_in()        password, second factor, enrolment, sessions, sign-out
//! app.accounts()       add, disable, reset, change password, second factor
//! app.security_keys()  WebAuthn keys as kept (the ceremony is the web layer's)
//! app.keyring()        init, unseal, seal, rotate keys
//! app.cases()          create, open, list, erase (always within a `Scope`)
//! app.casework()     triage, assessments, decisions, messages, support, family
//! app.intake()         requests from defenders, their codenames and status
//! app.aggregates()     counts with small cells suppressed
//! app.audit()          verifying the hash chain
//! ```

pub mod accounts;
pub mod aggregates;
pub mod audit;
pub mod cases;
pub mod casework;
pub mod intake;
pub mod keyring;
pub mod security_keys;
pub mod signin;
pub mod throttle;

mod actor;
mod clock;
mod enrolment;
mod error;
mod hashing;
mod ids;
mod scope;
mod stepup;

use std::sync::{Arc, OnceLock};

use tokio::sync::Semaphore;
use torchlight_crypto::codename::CodenameKey;

use torchlight_crypto::vault::Vault;
use torchlight_store::{SharedStore, UnitOfWork};

pub use actor::Actor;
pub use clock::{Clock, ManualClock, SharedClock, SystemClock};
pub use error::AppError;
pub use hashing::{HashingCost, PasswordHasher};
pub use scope::{Scope, StaffMember};
pub use torchlight_core::signin::SessionLimits;

use throttle::Throttle;

/// What the application layer needs from its host.
#[derive(Debug, Clone)]
pub struct AppConfig {
    /// Argon2id hashes allowed to run at once.
    pub concurrent_password_hashes: usize,
    pub hashing: HashingCost,
    pub sessions: SessionLimits,
    /// The key codenames are hashed under: the host keeps it (the binary in a
    /// file of the data directory), since a new one finds no earlier request.
    pub codename_key: Arc<CodenameKey>,
    /// Submissions in progress at once (checked, encrypted, waiting to commit);
    /// one more is refused as busy.
    pub intake_admission: usize,
    /// Status look-ups in progress at once, counted apart from submissions so a
    /// flood of one leaves room for the other.
    pub status_admission: usize,
}

impl Default for AppConfig {
    fn default() -> Self {
        AppConfig {
            concurrent_password_hashes: 1,
            hashing: HashingCost::Standard,
            sessions: SessionLimits::DEFAULT,
            codename_key: Arc::new(CodenameKey::generate()),
            intake_admission: 1024,
            status_admission: 256,
        }
    }
}

/// The services over one store, one vault and one clock. Cheap to clone.
#[derive(Clone)]
pub struct App {
    inner: Arc<Inner>,
}

struct Inner {
    store: SharedStore,
    /// The keys this process holds: none until unsealed.
    vault: Arc<Vault>,
    clock: SharedClock,
    hasher: PasswordHasher,
    throttle: Throttle,
    enrolments: enrolment::Enrolments,
    step_ups: stepup::StepUps,
    /// One passphrase derivation at a time (64 MiB of Argon2id each).
    unseal_derivation: tokio::sync::Semaphore,
    sessions: SessionLimits,
    codename_key: Arc<CodenameKey>,
    /// Started at the first request (it needs the runtime).
    writer: OnceLock<intake::Writer>,
    /// The writer's queues (submissions, the status page): as long as admission
    /// allows.
    writer_queues: (usize, usize),
    intake_admission: Semaphore,
    status_admission: Semaphore,
    /// Organisation public keys shown to be their organisations' own, so intake
    /// checks each once and not per request (`Keyring::recipient_key`).
    authentic_keys: keyring::AuthenticKeys,
}

impl App {
    /// A sealed application over `store`, reading time from `clock`.
    pub fn new(store: SharedStore, clock: SharedClock, config: &AppConfig) -> App {
        App {
            inner: Arc::new(Inner {
                store,
                vault: Arc::new(Vault::sealed()),
                clock,
                hasher: PasswordHasher::new(config.concurrent_password_hashes, config.hashing),
                throttle: Throttle::default(),
                enrolments: enrolment::Enrolments::default(),
                step_ups: stepup::StepUps::default(),
                unseal_derivation: tokio::sync::Semaphore::new(1),
                sessions: config.sessions,
                codename_key: config.codename_key.clone(),
                writer: OnceLock::new(),
                // Every queued unit holds an admission permit, so queues this
                // long are never full for admitted work.
                writer_queues: (config.intake_admission, config.status_admission),
                intake_admission: Semaphore::new(config.intake_admission.max(1)),
                status_admission: Semaphore::new(config.status_admission.max(1)),
                authentic_keys: keyring::AuthenticKeys::default(),
            }),
        }
    }

    pub fn sign_in(&self) -> signin::SignIn<'_> {
        signin::SignIn { app: self }
    }

    pub fn security_keys(&self) -> security_keys::KeyRegistry<'_> {
        security_keys::KeyRegistry { app: self }
    }

    pub fn audit(&self) -> audit::Audit<'_> {
        audit::Audit { app: self }
    }

    pub fn aggregates(&self) -> aggregates::Aggregates<'_> {
        aggregates::Aggregates { app: self }
    }

    pub fn accounts(&self) -> accounts::Accounts<'_> {
        accounts::Accounts { app: self }
    }

    pub fn keyring(&self) -> keyring::Keyring<'_> {
        keyring::Keyring { app: self }
    }

    pub fn cases(&self) -> cases::Cases<'_> {
        cases::Cases { app: self }
    }

    pub fn casework(&self) -> casework::CaseWork<'_> {
        casework::CaseWork { app: self }
    }

    pub fn intake(&self) -> intake::Intake<'_> {
        intake::Intake { app: self }
    }

    pub fn store(&self) -> &SharedStore {
        &self.inner.store
    }

    pub fn vault(&self) -> &Arc<Vault> {
        &self.inner.vault
    }

    pub fn clock(&self) -> &SharedClock {
        &self.inner.clock
    }

    /// The clock's time in milliseconds since the epoch.
    pub fn now_ms(&self) -> i64 {
        self.inner.clock.now_ms()
    }

    pub fn hasher(&self) -> &PasswordHasher {
        &self.inner.hasher
    }

    pub fn session_limits(&self) -> SessionLimits {
        self.inner.sessions
    }

    /// Failed sign-ins and unseals, counted per account and client.
    pub fn throttle(&self) -> &Throttle {
        &self.inner.throttle
    }

    pub(crate) fn enrolments(&self) -> &enrolment::Enrolments {
        &self.inner.enrolments
    }

    pub(crate) fn step_ups(&self) -> &stepup::StepUps {
        &self.inner.step_ups
    }

    pub(crate) fn authentic_keys(&self) -> &keyring::AuthenticKeys {
        &self.inner.authentic_keys
    }

    pub(crate) fn codename_key(&self) -> &CodenameKey {
        &self.inner.codename_key
    }

    pub(crate) fn intake_admission(&self) -> &Semaphore {
        &self.inner.intake_admission
    }

    pub(crate) fn status_admission(&self) -> &Semaphore {
        &self.inner.status_admission
    }

    /// The intake writer, started on first use.
    pub(crate) fn writer(&self) -> &intake::Writer {
        self.inner.writer.get_or_init(|| {
            let (submissions, status_page) = self.inner.writer_queues;
            intake::Writer::start(self.inner.store.clone(), submissions, status_page)
        })
    }

    pub(crate) fn unseal_derivation(&self) -> &tokio::sync::Semaphore {
        &self.inner.unseal_derivation
    }

    /// Commits a unit of work: its changes and its audit events, all or none. The
    /// entries are signed by the vault's signing key while unsealed (unless the
    /// unit names its signer: the one of a root key being installed).
    pub(crate) async fn commit(&self, unit: UnitOfWork) -> Result<(), AppError> {
        let unit = match unit.signer() {
            Some(_) => unit,
            None => unit.signed_by(self.inner.vault.signer()),
        };
        Ok(self.inner.store.commit(unit).await?)
    }

    /// A unit of work recording `action` by `actor` now.
    pub(crate) fn unit(&self, actor: &Actor, action: &str, object: Option<String>) -> UnitOfWork {
        UnitOfWork::recording(self.event(actor, action, object))
    }

    /// The audit event of `action` by `actor`, stamped with the clock's time.
    pub(crate) fn event(
        &self,
        actor: &Actor,
        action: &str,
        object: Option<String>,
    ) -> torchlight_crypto::audit::AuditEvent {
        actor.event(self.now_ms(), action, object)
    }
}
