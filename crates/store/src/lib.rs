//! Persistence behind one interface, with an SQLite engine (the embedded default)
//! and a PostgreSQL engine. The engine is chosen once, at start, from the database
//! location; everything above this crate sees only `Store`.

mod delegate;
mod postgres;
mod rows;
pub mod security;
mod sql;
mod sql_security;
mod sqlite;
pub mod unit;

use std::path::Path;
use std::sync::Arc;

use async_trait::async_trait;
use torchlight_core::Directory;
use torchlight_crypto::audit::ChainedEntry;
use torchlight_crypto::keyring::KeyringRecord;
use uuid::Uuid;

pub use security::{
    CaseCount, CaseKey, CaseRecord, OrganizationKey, SecurityKey, Session, StaffUser, VisibleCase,
};

pub use postgres::PostgresStore;
pub use sqlite::SqliteStore;
pub use unit::{Change, UnitOfWork};

/// Failures of the storage layer. Details stay in the log; users see a reference.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
    #[error("invalid database location: {0}")]
    Location(String),
    /// The records break a rule of the schema (a service of an unknown organisation,
    /// an id used twice, a code that would not read back the same); nothing was
    /// written. The caller's mistake, not an outage.
    #[error("records refused: {0}")]
    Rejected(String),
    /// What a unit of work expected no longer holds (a password changed, a code
    /// spent, a case gone meanwhile); nothing was written. The caller decides what
    /// that means: a replayed code, a lost race, a case not found.
    #[error("changed meanwhile: {0}")]
    Conflict(String),
}

/// Which engine a store runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// Everything Torchlight persists. Implemented once per engine; the same test suite
/// runs against both.
#[async_trait]
pub trait Store: Send + Sync + 'static {
    fn engine(&self) -> Engine;

    /// Makes every change of `unit` and appends its audit events, in one
    /// transaction: all of it lands or none of it. The only way to change audited
    /// data or to append to the audit chain. A change whose expectation no longer
    /// holds fails the unit with `Conflict`.
    async fn commit(&self, unit: UnitOfWork) -> Result<(), StoreError>;

    /// Reads the whole directory (organisations, services, allies) in a stable order.
    async fn load_directory(&self) -> Result<Directory, StoreError>;

    /// Replaces the whole directory in one transaction: either every record of the
    /// new directory is stored, or nothing changes.
    async fn replace_directory(&self, directory: &Directory) -> Result<(), StoreError>;

    /// True when no organisation is stored yet.
    async fn directory_is_empty(&self) -> Result<bool, StoreError>;

    /// Checks that the database answers; used by `/healthz`.
    async fn ping(&self) -> Result<(), StoreError>;

    // Reads. Every change goes through `commit`.

    // The keyring and organisations' keys.

    /// The keyring record, `None` before `init`.
    async fn keyring(&self) -> Result<Option<KeyringRecord>, StoreError>;

    /// Every version of every organisation's key pair.
    async fn organization_keys(&self) -> Result<Vec<OrganizationKey>, StoreError>;

    /// The newest key pair of one organisation.
    async fn current_organization_key(
        &self,
        organization: Uuid,
    ) -> Result<Option<OrganizationKey>, StoreError>;

    /// One version of one organisation's key pair.
    async fn organization_key(
        &self,
        organization: Uuid,
        version: i64,
    ) -> Result<Option<OrganizationKey>, StoreError>;

    /// Every data key wrapped for `organization`.
    async fn case_keys_of_organization(
        &self,
        organization: Uuid,
    ) -> Result<Vec<CaseKey>, StoreError>;

    // Staff accounts and sessions.

    async fn user(&self, id: Uuid) -> Result<Option<StaffUser>, StoreError>;

    /// Looks a user up by (lower-case) username.
    async fn user_by_username(&self, username: &str) -> Result<Option<StaffUser>, StoreError>;

    /// The accounts of one organisation, by username.
    async fn users_of_organization(&self, organization: Uuid)
        -> Result<Vec<StaffUser>, StoreError>;

    /// How many unused recovery codes a user has left.
    async fn remaining_recovery_codes(&self, user: Uuid) -> Result<i64, StoreError>;

    async fn session(&self, token_digest: &str) -> Result<Option<Session>, StoreError>;

    async fn touch_session(&self, token_digest: &str, now_ms: i64) -> Result<(), StoreError>;

    // Cases. Every call names the caller's organisation (`scope`) and sees only
    // cases holding a data key wrapped for it; no handler filters by hand.

    /// The cases `scope` can open, newest first.
    async fn cases_visible_to(&self, scope: Uuid) -> Result<Vec<VisibleCase>, StoreError>;

    /// One case, if `scope` can open it.
    async fn case_visible_to(
        &self,
        scope: Uuid,
        case: Uuid,
    ) -> Result<Option<VisibleCase>, StoreError>;

    /// Cases by country and urgency across the coalition (no content).
    async fn case_counts(&self) -> Result<Vec<CaseCount>, StoreError>;

    // The audit chain.

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

    /// The newest `limit` entries about `object`, only if it is a case `scope` owns.
    async fn audit_of_case(
        &self,
        scope: Uuid,
        case: Uuid,
        limit: i64,
    ) -> Result<Vec<ChainedEntry>, StoreError>;

    // WebAuthn security keys: a second factor beside TOTP.

    /// A user's keys, oldest first.
    async fn security_keys_of(&self, user: Uuid) -> Result<Vec<SecurityKey>, StoreError>;
}

pub type SharedStore = Arc<dyn Store>;

/// Opens the store at `location`: a `postgres://` or `postgresql://` URL opens
/// PostgreSQL; anything else is the path of an SQLite file, created (with its
/// directory) if missing. Either way the schema is migrated before this returns.
pub async fn open(location: &str) -> Result<SharedStore, StoreError> {
    if location.starts_with("postgres://") || location.starts_with("postgresql://") {
        open_postgres(location).await
    } else if location.contains("://") {
        // Taken as a path, `mysql://host/db` would quietly become a local file.
        Err(StoreError::Location(
            "only postgres:// and postgresql:// URLs are supported; \
             anything else must be the path of an SQLite file"
                .into(),
        ))
    } else if location.trim().is_empty() {
        Err(StoreError::Location(
            "the database location is empty".into(),
        ))
    } else {
        open_sqlite(Path::new(location)).await
    }
}

/// Opens (or creates) the SQLite database file at `path`.
pub async fn open_sqlite(path: &Path) -> Result<SharedStore, StoreError> {
    Ok(Arc::new(SqliteStore::open(path).await?))
}

/// Connects to the PostgreSQL database at `url`.
pub async fn open_postgres(url: &str) -> Result<SharedStore, StoreError> {
    Ok(Arc::new(PostgresStore::open(url).await?))
}

#[cfg(feature = "testing")]
pub mod testing;
