//! Persistence behind one interface, with an SQLite engine (the embedded default)
//! and a PostgreSQL engine. The engine is chosen once, at start, from the database
//! location; everything above this crate sees only `Store`.

use std::sync::Arc;

use async_trait::async_trait;
use torchlight_core::Directory;

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
