//! The PostgreSQL engine, for deployments that outgrow one machine.

use std::time::Duration;

use sqlx::migrate::Migrator;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::Postgres;

use crate::engine::SqlStore;
use crate::sql::Dialect;
use crate::{Engine, StoreError};

static MIGRATOR: Migrator = sqlx::migrate!("migrations/postgres");

const POOL_SIZE: u32 = 10;

/// How long a request waits for a free connection before it fails.
const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(10);

const DIALECT: Dialect = Dialect {
    engine: Engine::Postgres,
    // READ COMMITTED, the default, gives each statement its own snapshot; a load runs
    // eight statements and must see one state.
    begin_read: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
    begin_write: "BEGIN",
    // EXCLUSIVE mode blocks other writers but not readers. Under READ COMMITTED the
    // deletes that follow then see everything an earlier replace committed.
    lock_for_write: Some("LOCK TABLE organizations IN EXCLUSIVE MODE"),
    // Serialises appends (other writers wait; readers do not), and under READ
    // COMMITTED the last entry read after it is the last one committed.
    lock_audit: Some("LOCK TABLE audit_log IN EXCLUSIVE MODE"),
    // The server's own files (dead tuples until VACUUM, WAL segments until
    // recycled) are the deployment's to manage; see docs/threat-model.md.
    after_erasure: None,
};

pub type PostgresStore = SqlStore<Postgres>;

impl SqlStore<Postgres> {
    /// Connects to the database at `url` (`postgres://user:password@host:port/db`)
    /// and brings its schema up to date.
    pub async fn open(url: &str) -> Result<PostgresStore, StoreError> {
        // The parse error never repeats the URL, which may hold a password.
        let options: PgConnectOptions = url
            .parse()
            .map_err(|e| StoreError::Location(format!("invalid PostgreSQL URL: {e}")))?;
        let pool = PgPoolOptions::new()
            .max_connections(POOL_SIZE)
            .acquire_timeout(ACQUIRE_TIMEOUT)
            .connect_with(options)
            .await?;
        MIGRATOR.run(&pool).await?;
        tracing::info!("opened PostgreSQL store");
        Ok(SqlStore::new(pool, DIALECT))
    }
}
