//! What Torchlight persists, one trait per area. `Store` is all of them plus the
//! one way to change anything audited (`commit`); a service that needs one area
//! names its trait. Implemented once, by `SqlStore`, for both engines; the same
//! suites run against both.
//!
//! Reads only: every audited change goes through `Store::commit`.

use async_trait::async_trait;
use torchlight_core::{CaseId, Directory, OrganizationId, UserId};
use torchlight_crypto::audit::ChainedEntry;
use torchlight_crypto::keyring::KeyringRecord;

use crate::security::{
    CaseCount, CaseEntry, CaseKey, OrganizationKey, QueueFilter, QueueRow, RequestRecord,
    SecurityKey, Session, StaffUser, UrgencyCounts, VisibleCase,
};
use crate::{Engine, StoreError, UnitOfWork};

/// Everything Torchlight persists.
#[async_trait]
pub trait Store:
    DirectoryStore
    + KeyStore
    + StaffStore
    + SecurityKeyStore
    + CaseStore
    + TriageStore
    + IntakeStore
    + AuditStore
{
    fn engine(&self) -> Engine;

    /// Makes every change of `unit` and appends its audit events, in one
    /// transaction: all of it lands or none of it. The only way to change audited
    /// data or to append to the audit chain. A change whose expectation no longer
    /// holds fails the unit with `Conflict`.
    async fn commit(&self, unit: UnitOfWork) -> Result<(), StoreError>;

    /// Commits several units in one transaction, each as if alone: one durable
    /// commit (one fsync) for all of them, how intake keeps up with a burst
    /// (group commit). When a unit fails, nothing of the batch is written and
    /// each unit is committed alone, so the failing one reports its own failure
    /// and the others land. The results are in the units' order; when the
    /// transaction itself cannot commit, every unit reports that failure.
    ///
    /// Only the batch's last entry is signed (with its unit's signer): the chain
    /// makes that signature cover the batch. For units whose actions need no
    /// signature of their own (`app::audit`'s rule): intake's.
    async fn commit_batch(&self, units: Vec<UnitOfWork>) -> Vec<Result<(), StoreError>>;

    /// After an erasure committed: clears what the engine still keeps of the erased
    /// rows in its own files (SQLite's write-ahead log). Nothing to do on
    /// PostgreSQL, whose files are not the application's.
    async fn purge_erased(&self) -> Result<(), StoreError>;

    /// Checks that the database answers; used by `/healthz`.
    async fn ping(&self) -> Result<(), StoreError>;
}

/// The public directory: organisations, services and allies. Not audited: it is
/// public, and replaced whole by an import.
#[async_trait]
pub trait DirectoryStore: Send + Sync + 'static {
    /// Reads the whole directory in a stable order.
    async fn load_directory(&self) -> Result<Directory, StoreError>;

    /// Replaces the whole directory in one transaction: either every record of the
    /// new directory is stored, or nothing changes.
    async fn replace_directory(&self, directory: &Directory) -> Result<(), StoreError>;

    /// True when no organisation is stored yet.
    async fn directory_is_empty(&self) -> Result<bool, StoreError>;
}

/// The keyring record and organisations' key pairs.
#[async_trait]
pub trait KeyStore: Send + Sync + 'static {
    /// The keyring record, `None` before `init`.
    async fn keyring(&self) -> Result<Option<KeyringRecord>, StoreError>;

    /// Every version of every organisation's key pair.
    async fn organization_keys(&self) -> Result<Vec<OrganizationKey>, StoreError>;

    /// The newest key pair of one organisation.
    async fn current_organization_key(
        &self,
        organization: OrganizationId,
    ) -> Result<Option<OrganizationKey>, StoreError>;

    /// One version of one organisation's key pair.
    async fn organization_key(
        &self,
        organization: OrganizationId,
        version: i64,
    ) -> Result<Option<OrganizationKey>, StoreError>;

    /// Every data key wrapped for `organization`.
    async fn case_keys_of_organization(
        &self,
        organization: OrganizationId,
    ) -> Result<Vec<CaseKey>, StoreError>;
}

/// Staff accounts, their recovery codes and their sessions.
#[async_trait]
pub trait StaffStore: Send + Sync + 'static {
    async fn user(&self, id: UserId) -> Result<Option<StaffUser>, StoreError>;

    /// Looks a user up by (lower-case) username.
    async fn user_by_username(&self, username: &str) -> Result<Option<StaffUser>, StoreError>;

    /// The accounts of one organisation, by username.
    async fn users_of_organization(
        &self,
        organization: OrganizationId,
    ) -> Result<Vec<StaffUser>, StoreError>;

    /// How many unused recovery codes a user has left.
    async fn remaining_recovery_codes(&self, user: UserId) -> Result<i64, StoreError>;

    async fn session(&self, token_digest: &str) -> Result<Option<Session>, StoreError>;

    /// Records that a session was used. Not audited: it changes nothing a person
    /// could be held to, and every request of a signed-in browser makes it.
    async fn touch_session(&self, token_digest: &str, now_ms: i64) -> Result<(), StoreError>;
}

/// WebAuthn security keys: a second factor beside TOTP.
#[async_trait]
pub trait SecurityKeyStore: Send + Sync + 'static {
    /// A user's keys, oldest first.
    async fn security_keys_of(&self, user: UserId) -> Result<Vec<SecurityKey>, StoreError>;
}

/// Cases. Every call names the caller's organisation (`scope`) and sees only cases
/// holding a data key wrapped for it; no caller filters by hand.
#[async_trait]
pub trait CaseStore: Send + Sync + 'static {
    /// The cases `scope` can open, newest first.
    async fn cases_visible_to(&self, scope: OrganizationId)
        -> Result<Vec<VisibleCase>, StoreError>;

    /// One case, if `scope` can open it.
    async fn case_visible_to(
        &self,
        scope: OrganizationId,
        case: CaseId,
    ) -> Result<Option<VisibleCase>, StoreError>;

    /// Cases by country and urgency across the coalition (no content).
    async fn case_counts(&self) -> Result<Vec<CaseCount>, StoreError>;
}

/// The triage queue and follow-ups of one organisation (`scope`), from the clear
/// fields beside its cases: no case is opened to read them.
#[async_trait]
pub trait TriageStore: Send + Sync + 'static {
    /// Up to `limit` cases of `scope` not closed, after the first `offset`, in
    /// the queue's order (`core::triage::order`: urgency, assessed risk, waiting
    /// time, id).
    async fn triage_queue(
        &self,
        scope: OrganizationId,
        filter: QueueFilter,
        offset: i64,
        limit: i64,
    ) -> Result<Vec<QueueRow>, StoreError>;

    /// The cases of `scope` not closed, counted by urgency (in the order of
    /// `Urgency::ALL`); a case is overdue when it is not answered and has waited
    /// since before its urgency's time in `overdue_if_waiting_since_before`
    /// (`TimeTargets::overdue_if_arrived_before`).
    async fn triage_counts(
        &self,
        scope: OrganizationId,
        overdue_if_waiting_since_before: [i64; 4],
    ) -> Result<[UrgencyCounts; 4], StoreError>;

    /// Up to `limit` cases of `scope` whose follow-up is due by `due_by_ms`,
    /// soonest first.
    async fn follow_ups_due(
        &self,
        scope: OrganizationId,
        due_by_ms: i64,
        limit: i64,
    ) -> Result<Vec<QueueRow>, StoreError>;

    /// One case's triage fields, when `scope` owns it.
    async fn triage_of(
        &self,
        scope: OrganizationId,
        case: CaseId,
    ) -> Result<Option<QueueRow>, StoreError>;

    /// The time targets `scope` set, `None` when it keeps the defaults.
    async fn time_targets(
        &self,
        scope: OrganizationId,
    ) -> Result<Option<torchlight_core::triage::TimeTargets>, StoreError>;
}

/// Requests as their defenders reach them: by the digest of a codename, never by
/// an organisation's scope (a defender has none). What a codename finds is that
/// one request only.
#[async_trait]
pub trait IntakeStore: Send + Sync + 'static {
    /// The request whose codename has `digest`.
    async fn request_by_codename(&self, digest: &[u8])
        -> Result<Option<RequestRecord>, StoreError>;

    /// What was added to `case`, oldest first. Only for a case the caller reached
    /// through its codename or its scope.
    async fn case_entries(&self, case: CaseId) -> Result<Vec<CaseEntry>, StoreError>;
}

/// The audit chain.
#[async_trait]
pub trait AuditStore: Send + Sync + 'static {
    /// Up to `limit` entries after `after_seq`, in order: how `audit verify` walks
    /// the chain.
    async fn audit_entries(
        &self,
        after_seq: i64,
        limit: i64,
    ) -> Result<Vec<ChainedEntry>, StoreError>;

    /// The head recorded when the last entry was appended (its seq and hash), which
    /// catches entries cut from the end of the chain.
    async fn audit_head(&self) -> Result<Option<(i64, [u8; 32])>, StoreError>;

    /// The public signing keys recorded, by root version, oldest first.
    async fn audit_signers(&self) -> Result<Vec<(u32, Vec<u8>)>, StoreError>;

    /// The newest `limit` entries about `case`, only if `scope` can read it.
    async fn audit_of_case(
        &self,
        scope: OrganizationId,
        case: CaseId,
        limit: i64,
    ) -> Result<Vec<ChainedEntry>, StoreError>;
}
