//! Fresh databases for tests, shared by every crate's integration suite (feature
//! `testing`). Each test gets a database of its own so tests run in parallel: an
//! SQLite file in a temporary directory, or a new database on the PostgreSQL server at
//! `TORCHLIGHT_TEST_PG_URL` (which `scripts/test.sh` starts), dropped afterwards.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use sqlx::{AssertSqlSafe, Connection, Executor, PgConnection};
use tempfile::TempDir;
use uuid::Uuid;

use crate::{open, Engine, SharedStore};

pub const PG_URL_VAR: &str = "TORCHLIGHT_TEST_PG_URL";

/// A database of its own for one test: a file in a temporary directory, or a
/// database created for the test on the PostgreSQL server and dropped afterwards.
pub struct TestDb {
    pub engine: Engine,
    pub location: String,
    _dir: Option<TempDir>,
    _postgres: Option<PgDatabase>,
}

struct PgDatabase {
    admin_url: String,
    name: String,
}

impl TestDb {
    /// A fresh database of the given engine.
    pub async fn new(engine: Engine) -> TestDb {
        match engine {
            Engine::Sqlite => TestDb::sqlite(),
            Engine::Postgres => TestDb::postgres().await,
        }
    }

    pub fn sqlite() -> TestDb {
        let dir = tempfile::tempdir().unwrap();
        // A directory that does not exist yet: opening must create it.
        let path = dir.path().join("data").join("torchlight.db");
        TestDb {
            engine: Engine::Sqlite,
            location: path.to_str().unwrap().to_owned(),
            _dir: Some(dir),
            _postgres: None,
        }
    }

    pub async fn postgres() -> TestDb {
        let admin_url = std::env::var(PG_URL_VAR).unwrap_or_else(|_| {
            panic!(
                "{PG_URL_VAR} is not set, so the PostgreSQL half of the store suite cannot run. \
                 Run ./scripts/test.sh, which starts a throwaway PostgreSQL server, or set \
                 {PG_URL_VAR} to a server where this user may create databases \
                 (e.g. postgres://postgres@127.0.0.1:5432/postgres)."
            )
        });
        let name = format!("tl_test_{}", Uuid::new_v4().simple());
        let mut admin = PgConnection::connect(&admin_url)
            .await
            .unwrap_or_else(|e| panic!("cannot connect to {PG_URL_VAR}: {e}"));
        // Identifiers cannot be bound as parameters; the name is ours (a UUID's hex).
        admin
            .execute(AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .await
            .unwrap();
        admin.close().await.unwrap();
        TestDb {
            engine: Engine::Postgres,
            location: with_database(&admin_url, &name),
            _dir: None,
            _postgres: Some(PgDatabase { admin_url, name }),
        }
    }

    pub async fn open(&self) -> SharedStore {
        let store = open(&self.location).await.unwrap();
        assert_eq!(store.engine(), self.engine);
        store
    }
}

/// Drops the test's database even when the test failed. Drop cannot await, and the
/// test's own runtime is busy running this drop, so a short-lived runtime on another
/// thread does the work.
impl Drop for PgDatabase {
    fn drop(&mut self) {
        let admin_url = self.admin_url.clone();
        let name = self.name.clone();
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()?;
            runtime.block_on(async {
                let mut admin = PgConnection::connect(&admin_url).await?;
                // FORCE ends the connections the test's pool may still hold.
                admin
                    .execute(AssertSqlSafe(format!(
                        "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                    )))
                    .await?;
                admin.close().await?;
                Ok::<_, Box<dyn std::error::Error + Send + Sync>>(())
            })
        })
        .join();
        if !matches!(dropped, Ok(Ok(()))) {
            eprintln!("could not drop test database {}", self.name);
        }
    }
}

/// `url` with its database name replaced by `database`, query string kept.
pub fn with_database(url: &str, database: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (url, None),
    };
    let authority_start = base.find("://").map_or(0, |i| i + 3);
    let server = match base[authority_start..].find('/') {
        Some(slash) => &base[..authority_start + slash],
        None => base,
    };
    match query {
        Some(query) => format!("{server}/{database}?{query}"),
        None => format!("{server}/{database}"),
    }
}

/// Runs one async test body, `async fn name(engine: Engine)`, against both engines,
/// as the test functions `name::sqlite` and `name::postgres`.
#[macro_export]
macro_rules! both_engines {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test]
                async fn sqlite() {
                    super::$name($crate::Engine::Sqlite).await
                }
                #[tokio::test]
                async fn postgres() {
                    super::$name($crate::Engine::Postgres).await
                }
            }
        )*
    };
}
