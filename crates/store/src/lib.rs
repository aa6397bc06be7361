//! Persistence behind one interface, with an SQLite engine (the embedded default)
//! and a PostgreSQL engine. The engine is chosen once, at start, from the database
//! location; everything above this crate sees only `Store`, made of one trait per
//! area (`areas`), all implemented once for both engines by `SqlStore` (`engine`).

#[macro_use]
mod engine;
mod areas;
mod postgres;
mod rows;
pub mod security;
mod sql;
mod sql_security;
mod sqlite;
pub mod unit;

use std::path::Path;
use std::sync::Arc;

pub use security::{
    CaseCount, CaseEntry, CaseKey, CaseRecord, KeyBinding, OrganizationKey, QueueFilter, QueueRow,
    RequestRecord, SecurityKey, Session, StaffUser, UrgencyCounts, VisibleCase,
};

pub use areas::{
    AuditStore, CaseStore, DirectoryStore, IntakeStore, KeyStore, SecurityKeyStore, StaffStore,
    Store, TriageStore,
};
pub use engine::SqlStore;
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
