//! One implementation of every store area for both engines: `SqlStore<DB>` over
//! an sqlx pool, with the few statements that differ between engines in its
//! `Dialect`. `SqliteStore` and `PostgresStore` are this type at `Sqlite` and
//! `Postgres`; they add only how they connect and migrate.
//!
//! Every change is made by `commit`, in one write transaction that first takes the
//! audit lock (SQLite: `BEGIN IMMEDIATE`; PostgreSQL: an exclusive lock on
//! `audit_log`), makes the unit's changes, then appends its events: all are
//! committed or none is, and appends are serialised, so the chain has no gaps.

/// `impl<DB> [Area for] SqlStore<DB> { ... }` with every bound the SQL needs from
/// an engine, written once here instead of on every block; `Sqlite` and `Postgres`
/// meet them all. `sql_store! { #[async_trait::async_trait] impl Area { ... } }`
/// implements an area's trait; `sql_store! { fn ... }` adds inherent items (the
/// changes a unit of work applies).
macro_rules! sql_store {
    ($(#[$attr:meta])* impl $($area:path)? { $($body:tt)* }) => {
        $(#[$attr])*
        impl<DB> $($area for)? $crate::engine::SqlStore<DB>
        where
            DB: sqlx::Database,
            for<'c> &'c mut DB::Connection: sqlx::Executor<'c, Database = DB>,
            DB::Arguments: sqlx::IntoArguments<DB>,
            DB::QueryResult: $crate::engine::Affected,
            usize: sqlx::ColumnIndex<DB::Row>,
            uuid::Uuid: $crate::sql::Column<DB>,
            Option<uuid::Uuid>: $crate::sql::Column<DB>,
            String: $crate::sql::Column<DB>,
            Option<String>: $crate::sql::Column<DB>,
            i64: $crate::sql::Column<DB>,
            Option<i64>: $crate::sql::Column<DB>,
            bool: $crate::sql::Column<DB>,
            Vec<u8>: $crate::sql::Column<DB>,
            Option<Vec<u8>>: $crate::sql::Column<DB>,
        {
            $($body)*
        }
    };
    ($($body:tt)*) => {
        sql_store! { impl { $($body)* } }
    };
}

use sqlx::{Database, Pool, Transaction};

use crate::sql::{classify, Dialect};
use crate::sql_security::NewRequest;
use crate::unit::UnitOfWork;
use crate::{Engine, Store, StoreError};
use torchlight_crypto::audit::{chain, ChainedEntry};

/// How many rows a statement changed, which `Database` does not expose generically.
/// `pub` in a private module: the area impls name it in their bounds, and nothing
/// outside the crate can reach it.
pub trait Affected {
    fn affected(&self) -> u64;
}

impl Affected for sqlx::sqlite::SqliteQueryResult {
    fn affected(&self) -> u64 {
        self.rows_affected()
    }
}

impl Affected for sqlx::postgres::PgQueryResult {
    fn affected(&self) -> u64 {
        self.rows_affected()
    }
}

/// Every store area over one engine's pool.
pub struct SqlStore<DB: Database> {
    pub(crate) pool: Pool<DB>,
    pub(crate) dialect: Dialect,
    /// Taken by every write on SQLite, which allows one writer at a time: a
    /// second connection trying to write would wait in SQLite's busy handler,
    /// which sleeps in steps of up to 100 ms and left page views behind a
    /// commit waiting a quarter of a second. Queued here, each write starts the
    /// moment the one before ends. PostgreSQL's own locks need no gate.
    write_gate: Option<tokio::sync::Mutex<()>>,
}

impl<DB: Database> SqlStore<DB> {
    pub(crate) fn new(pool: Pool<DB>, dialect: Dialect) -> Self {
        let write_gate = (dialect.engine == Engine::Sqlite).then(|| tokio::sync::Mutex::new(()));
        SqlStore {
            pool,
            dialect,
            write_gate,
        }
    }

    /// The write gate's turn (nothing to wait for on PostgreSQL); held until the
    /// write has committed.
    pub(crate) async fn write_turn(&self) -> Option<tokio::sync::MutexGuard<'_, ()>> {
        match &self.write_gate {
            Some(gate) => Some(gate.lock().await),
            None => None,
        }
    }

    /// A write transaction holding the audit lock: what every audited change runs in.
    async fn begin_audited(&self) -> Result<Transaction<'static, DB>, StoreError>
    where
        for<'c> &'c mut DB::Connection: sqlx::Executor<'c, Database = DB>,
        DB::Arguments: sqlx::IntoArguments<DB>,
    {
        let mut tx = self.pool.begin_with(self.dialect.begin_write).await?;
        if let Some(lock) = self.dialect.lock_audit {
            sqlx::query(lock).execute(&mut *tx).await?;
        }
        Ok(tx)
    }
}

sql_store! {
    #[async_trait::async_trait]
    impl Store {
        fn engine(&self) -> Engine {
            self.dialect.engine
        }

        /// Makes every change of `unit`, in order, then appends its events; commits
        /// only when all of it succeeded.
        async fn commit(&self, unit: UnitOfWork) -> Result<(), StoreError> {
            let (changes, events, signer) = unit.into_parts();
            if events.is_empty() {
                // `UnitOfWork` is made with an event; this guards the invariant.
                return Err(StoreError::Rejected(
                    "a unit of work records at least one audit event".into(),
                ));
            }
            let _turn = self.write_turn().await;
            let mut tx = self.begin_audited().await?;
            let result = async {
                let conn = &mut *tx;
                for change in &changes {
                    Self::apply(conn, change).await?;
                }
                for event in events {
                    Self::append(conn, event, signer.as_ref()).await?;
                }
                Ok(())
            }
            .await;
            finish(tx, result).await
        }

        async fn commit_batch(&self, units: Vec<UnitOfWork>) -> Vec<Result<(), StoreError>> {
            // Together first: the chain's last entry read once and carried from
            // unit to unit, its head written once, one commit. That is what makes
            // a burst cheap: a unit costs its own rows and its entries, nothing
            // more.
            let count = units.len();
            let turn = self.write_turn().await;
            let mut tx = match self.begin_audited().await {
                Ok(tx) => tx,
                Err(e) => return failed_batch(count, &e),
            };
            let together = async {
                let conn = &mut *tx;
                let stored_last = Self::last_entry(conn).await?;
                let total: usize = units.iter().map(|unit| unit.events().len()).sum();
                let mut entries: Vec<ChainedEntry> = Vec::with_capacity(total);
                // Requests wait to be written together, one statement per table
                // for the whole batch; any other change writes them first, so the
                // changes still apply in their order.
                let mut requests: Vec<NewRequest<'_>> = Vec::new();
                for unit in &units {
                    if unit.events().is_empty() {
                        return Err(StoreError::Rejected(
                            "a unit of work records at least one audit event".into(),
                        ));
                    }
                    for change in unit.changes() {
                        if let Some(request) = NewRequest::of(change) {
                            requests.push(request);
                            continue;
                        }
                        Self::create_requests(conn, &requests).await?;
                        requests.clear();
                        Self::apply(conn, change).await?;
                    }
                    for event in unit.events() {
                        // Only the batch's last entry is signed: its signature
                        // covers every entry before it through the chain, as one
                        // covers the entries written while sealed.
                        let signer = (entries.len() + 1 == total).then(|| unit.signer()).flatten();
                        let previous = entries.last().or(stored_last.as_ref());
                        let entry = chain(previous, event.clone(), signer);
                        entries.push(entry);
                    }
                }
                Self::create_requests(conn, &requests).await?;
                Self::insert_entries(conn, &entries).await?;
                if let Some(last) = entries.last() {
                    Self::write_head(conn, last).await?;
                }
                Ok(())
            }
            .await;
            match together {
                Ok(()) => match tx.commit().await {
                    Ok(()) => (0..count).map(|_| Ok(())).collect(),
                    Err(e) => failed_batch(count, &classify(e.into())),
                },
                // A unit failed (rare: a guard that no longer holds): nothing of
                // the batch was written, and each unit is committed alone, so the
                // failing one reports its own failure and the others land.
                Err(_) => {
                    if let Err(rollback) = tx.rollback().await {
                        tracing::warn!(error = %rollback, "rollback of a failed batch failed");
                    }
                    // Each unit alone takes its own turn.
                    drop(turn);
                    let mut results = Vec::with_capacity(count);
                    for unit in units {
                        results.push(self.commit(unit).await);
                    }
                    results
                }
            }
        }

        async fn purge_erased(&self) -> Result<(), StoreError> {
            if let Some(statement) = self.dialect.after_erasure {
                let _turn = self.write_turn().await;
                sqlx::query(statement).execute(&self.pool).await?;
            }
            Ok(())
        }

        async fn ping(&self) -> Result<(), StoreError> {
            sqlx::query("SELECT 1").execute(&self.pool).await?;
            Ok(())
        }
    }
}

/// The same failure for every unit of a batch whose transaction did not commit.
fn failed_batch(count: usize, error: &StoreError) -> Vec<Result<(), StoreError>> {
    (0..count)
        .map(|_| {
            Err(StoreError::Database(sqlx::Error::Protocol(format!(
                "the batch did not commit: {error}"
            ))))
        })
        .collect()
}

/// Commits `tx` when `result` is a success, rolls it back otherwise; schema
/// violations become `Rejected`.
pub(crate) async fn finish<DB: Database, T>(
    tx: Transaction<'_, DB>,
    result: Result<T, StoreError>,
) -> Result<T, StoreError> {
    match result {
        Ok(value) => {
            tx.commit().await.map_err(|e| classify(e.into()))?;
            Ok(value)
        }
        Err(e) => {
            if let Err(rollback) = tx.rollback().await {
                tracing::warn!(error = %rollback, "rollback after a failed change failed");
            }
            Err(classify(e))
        }
    }
}

/// `LIMIT` takes no negative number on PostgreSQL and reads -1 as "no limit" on
/// SQLite: a negative limit asks for nothing on both.
pub(crate) fn clamp_limit(limit: i64) -> i64 {
    limit.max(0)
}
