//! Persistence behind one interface, with an SQLite engine (the embedded default)
//! and a PostgreSQL engine. The engine is chosen once, at start, from the database
//! location; everything above this crate sees only `Store`.

mod postgres;
mod rows;
mod sql;
mod sqlite;

use std::path::Path;
use std::sync::Arc;

use async_trait::async_trait;
use torchlight_core::Directory;

pub use postgres::PostgresStore;
pub use sqlite::SqliteStore;

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

    /// Reads the whole directory (organisations, services, allies) in a stable order.
    async fn load_directory(&self) -> Result<Directory, StoreError>;

    /// Replaces the whole directory in one transaction: either every record of the
    /// new directory is stored, or nothing changes.
    async fn replace_directory(&self, directory: &Directory) -> Result<(), StoreError>;

    /// True when no organisation is stored yet.
    async fn directory_is_empty(&self) -> Result<bool, StoreError>;

    /// Checks that the database answers; used by `/healthz`.
    async fn ping(&self) -> Result<(), StoreError>;
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
