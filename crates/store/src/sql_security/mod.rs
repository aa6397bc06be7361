//! The security core's SQL (keyring, organisations' keys, staff, sessions, cases,
//! audit chain), written once for both engines like `sql.rs`. Statements use `$n`
//! placeholders, which PostgreSQL and SQLite both read, and bind every value.
//!
//! Every change is made by `commit`, in one write transaction that first takes the
//! audit lock (SQLite: `BEGIN IMMEDIATE`; PostgreSQL: an exclusive lock on
//! `audit_log`), makes the unit's changes, then appends its events: all are
//! committed or none is, and appends are serialised, so the chain has no gaps.

/// `impl<DB> SqlSecurity<DB> { ... }` with every bound the security SQL needs from an
/// engine, written once here instead of on every block; Sqlite and Postgres meet
/// them all.
macro_rules! security_sql {
    ($($body:tt)*) => {
        impl<DB> $crate::sql_security::SqlSecurity<DB>
        where
            DB: sqlx::Database,
            for<'c> &'c mut DB::Connection: sqlx::Executor<'c, Database = DB>,
            DB::Arguments: sqlx::IntoArguments<DB>,
            DB::QueryResult: $crate::sql_security::Affected,
            usize: sqlx::ColumnIndex<DB::Row>,
            uuid::Uuid: $crate::sql::Column<DB>,
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
}

mod audit;
mod cases;
mod keys;
mod security_keys;
mod staff;
mod unit;

use sqlx::{Database, Pool, Transaction};

use crate::sql::{classify, Dialect};
use crate::StoreError;

use audit::append;

/// How many rows a statement changed, which `Database` does not expose generically.
pub(crate) trait Affected {
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

/// The security operations over one engine's pool; the engines delegate to this.
pub(crate) struct SqlSecurity<DB: Database> {
    pool: Pool<DB>,
    dialect: Dialect,
}

impl<DB: Database> SqlSecurity<DB> {
    pub fn new(pool: Pool<DB>, dialect: Dialect) -> Self {
        SqlSecurity { pool, dialect }
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

/// Commits `tx` when `result` is a success, rolls it back otherwise; schema
/// violations become `Rejected`.
async fn finish<DB: Database, T>(
    tx: Transaction<'static, DB>,
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
fn clamp_limit(limit: i64) -> i64 {
    limit.max(0)
}
