//! The SQLite engine: the embedded default, one file on local disk.

use std::path::Path;
use std::time::Duration;

use sqlx::migrate::Migrator;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::Sqlite;

use crate::engine::SqlStore;
use crate::sql::Dialect;
use crate::{Engine, StoreError};

static MIGRATOR: Migrator = sqlx::migrate!("migrations/sqlite");

/// SQLite allows one writer at a time whatever the pool size; a few connections let
/// reads go on (WAL) while a write commits.
const POOL_SIZE: u32 = 4;

/// How long a connection waits for another's write lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

const DIALECT: Dialect = Dialect {
    engine: Engine::Sqlite,
    // A deferred transaction reads from one WAL snapshot from its first SELECT on.
    begin_read: "BEGIN",
    // Takes the write lock at once, so a second replace waits (busy timeout) instead
    // of failing when it tries to upgrade a read lock.
    begin_write: "BEGIN IMMEDIATE",
    lock_for_write: None,
    // `BEGIN IMMEDIATE` already holds the one write lock: appends are serialised.
    lock_audit: None,
    // Copies every logged page into the file (where `secure_delete` has zeroed
    // the erased rows) and empties the WAL, which still held the pages as they
    // were before the erase.
    after_erasure: Some("PRAGMA wal_checkpoint(TRUNCATE)"),
};

/// Largest the WAL file is left after a checkpoint: without a limit it keeps its
/// high-water size, and its stale frames, for good.
const JOURNAL_SIZE_LIMIT: &str = "1048576";

/// Each connection's page cache, in KiB (negative: SQLite's unit for a size, not a
/// page count). Intake inserts into an index on codename digests, which are random:
/// every request touches another of its leaf pages, and SQLite's default of 2 MiB
/// left most of them to be read back from the file on each commit. 16 MiB holds
/// the indexes of a few hundred thousand requests; a connection only grows to it
/// as it reads.
const PAGE_CACHE_KIB: &str = "-16384";

pub type SqliteStore = SqlStore<Sqlite>;

impl SqlStore<Sqlite> {
    /// Opens the database file at `path`, creating it and its directory if missing,
    /// and brings its schema up to date.
    pub async fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            if !parent.is_dir() {
                let mut builder = std::fs::DirBuilder::new();
                builder.recursive(true);
                #[cfg(unix)]
                std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
                builder.create(parent).map_err(|e| {
                    StoreError::Location(format!(
                        "cannot create directory {}: {e}",
                        parent.display()
                    ))
                })?;
            }
        }
        create_owner_only(path)?;
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // An acknowledged write must survive a power cut, not only a crash.
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            // Deleted rows are overwritten, not left in free pages: erasing a case
            // deletes its wrapped data keys, and a copy of the file must not hold them.
            .pragma("secure_delete", "ON")
            .pragma("journal_size_limit", JOURNAL_SIZE_LIMIT)
            .pragma("cache_size", PAGE_CACHE_KIB)
            .busy_timeout(BUSY_TIMEOUT);
        let pool = SqlitePoolOptions::new()
            .max_connections(POOL_SIZE)
            .connect_with(options)
            .await?;
        MIGRATOR.run(&pool).await?;
        tracing::info!(path = %path.display(), "opened SQLite store");
        Ok(SqlStore::new(pool, DIALECT))
    }
}

/// Creates the database file readable by its owner only, before SQLite opens it:
/// SQLite gives its WAL and shared-memory files the database file's mode, and
/// would otherwise create all three under the process's umask (often 0644).
fn create_owner_only(path: &Path) -> Result<(), StoreError> {
    let mut options = std::fs::OpenOptions::new();
    options.append(true).create(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path).map(drop).map_err(|e| {
        StoreError::Location(format!(
            "cannot create the database {}: {e}",
            path.display()
        ))
    })
}
