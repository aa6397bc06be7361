//! The directory's SQL, written once for both engines (the security core's is in
//! `sql_security`). The schemas differ only in column types (see the migrations), so
//! every statement here runs unchanged on SQLite and PostgreSQL; `QueryBuilder`
//! writes each engine's placeholders.

use sqlx::query_builder::Separated;
use sqlx::{
    ColumnIndex, Database, Decode, Encode, Executor, IntoArguments, QueryBuilder, Row, Type,
};
use torchlight_core::Directory;
use uuid::Uuid;

use crate::rows::{AllyRow, CodeRow, OrganizationRow, Rows, ServiceRow, TranslationRow};
use crate::StoreError;

/// A Rust type that travels to and from a column of engine `DB` in both directions.
/// `pub` in a private module, like `engine::Affected`.
pub trait Column<DB: Database>:
    for<'r> Decode<'r, DB> + for<'q> Encode<'q, DB> + Type<DB> + Send
{
}

impl<DB: Database, T> Column<DB> for T where
    T: for<'r> Decode<'r, DB> + for<'q> Encode<'q, DB> + Type<DB> + Send
{
}

/// Most rows one `INSERT` carries. Keeps every statement well under SQLite's limit
/// of 32,766 bound values (PostgreSQL allows 65,535) at up to 14 columns a row.
const ROWS_PER_INSERT: usize = 500;

/// Children before parents, so no foreign key is ever left dangling mid-way.
const DELETE_EVERYTHING: [&str; 8] = [
    "DELETE FROM ally_codes",
    "DELETE FROM allies",
    "DELETE FROM service_translations",
    "DELETE FROM service_codes",
    "DELETE FROM services",
    "DELETE FROM organization_translations",
    "DELETE FROM organization_codes",
    "DELETE FROM organizations",
];

const SELECT_ORGANIZATIONS: &str = "SELECT id, position, name, kind, description, \
     public_contact, website FROM organizations ORDER BY position";
const SELECT_ORGANIZATION_CODES: &str = "SELECT organization_id, list, position, code \
     FROM organization_codes ORDER BY organization_id, list, position";
const SELECT_ORGANIZATION_TRANSLATIONS: &str = "SELECT organization_id, language, name, \
     description, eligibility FROM organization_translations ORDER BY organization_id, language";
const SELECT_SERVICES: &str = "SELECT id, position, organization_id, name, description, \
     support, worldwide, remote_areas, family_eligible, eligibility, response_hours, open \
     FROM services ORDER BY position";
const SELECT_SERVICE_CODES: &str = "SELECT service_id, list, position, code \
     FROM service_codes ORDER BY service_id, list, position";
const SELECT_SERVICE_TRANSLATIONS: &str = "SELECT service_id, language, name, description, \
     eligibility FROM service_translations ORDER BY service_id, language";
const SELECT_ALLIES: &str = "SELECT id, position, organization_id, name, profession, country, \
     contact, notes FROM allies ORDER BY position";
const SELECT_ALLY_CODES: &str =
    "SELECT ally_id, list, position, code FROM ally_codes ORDER BY ally_id, list, position";

/// The few statements whose text must differ between engines: how a transaction
/// gets the isolation the directory needs.
pub(crate) struct Dialect {
    pub engine: crate::Engine,
    /// Starts a transaction in which every read sees the same committed state, so a
    /// load never mixes the directory before a replace with the one after it.
    pub begin_read: &'static str,
    /// Starts a transaction that shuts out every other replace until it ends;
    /// otherwise two replaces could each delete only what they saw and leave the
    /// union of both directories behind.
    pub begin_write: &'static str,
    /// Run right after `begin_write` where beginning alone does not lock.
    pub lock_for_write: Option<&'static str>,
    /// Run right after `begin_write` in every transaction that appends to the audit
    /// chain, where beginning alone does not serialise appends.
    pub lock_audit: Option<&'static str>,
    /// Run after an erasure has committed, to push what the engine keeps of
    /// deleted rows outside the database proper (a write-ahead log) out of its
    /// files.
    pub after_erasure: Option<&'static str>,
}

sql_store! {
    #[async_trait::async_trait]
    impl crate::DirectoryStore {
        async fn load_directory(&self) -> Result<Directory, StoreError> {
            let mut tx = self.pool.begin_with(self.dialect.begin_read).await?;
            let conn = &mut *tx;
            let mut rows = Rows::default();
            for row in sqlx::query(SELECT_ORGANIZATIONS)
                .fetch_all(&mut *conn)
                .await?
            {
                rows.organizations.push(OrganizationRow {
                    id: row.try_get(0)?,
                    position: row.try_get(1)?,
                    name: row.try_get(2)?,
                    kind: row.try_get(3)?,
                    description: row.try_get(4)?,
                    public_contact: row.try_get(5)?,
                    website: row.try_get(6)?,
                });
            }
            rows.organization_codes = fetch_codes(&mut *conn, SELECT_ORGANIZATION_CODES).await?;
            rows.organization_translations =
                fetch_translations(&mut *conn, SELECT_ORGANIZATION_TRANSLATIONS).await?;
            for row in sqlx::query(SELECT_SERVICES).fetch_all(&mut *conn).await? {
                rows.services.push(ServiceRow {
                    id: row.try_get(0)?,
                    position: row.try_get(1)?,
                    organization_id: row.try_get(2)?,
                    name: row.try_get(3)?,
                    description: row.try_get(4)?,
                    support: row.try_get(5)?,
                    worldwide: row.try_get(6)?,
                    remote_areas: row.try_get(7)?,
                    family_eligible: row.try_get(8)?,
                    eligibility: row.try_get(9)?,
                    response_hours: row.try_get(10)?,
                    open: row.try_get(11)?,
                });
            }
            rows.service_codes = fetch_codes(&mut *conn, SELECT_SERVICE_CODES).await?;
            rows.service_translations =
                fetch_translations(&mut *conn, SELECT_SERVICE_TRANSLATIONS).await?;
            for row in sqlx::query(SELECT_ALLIES).fetch_all(&mut *conn).await? {
                rows.allies.push(AllyRow {
                    id: row.try_get(0)?,
                    position: row.try_get(1)?,
                    organization_id: row.try_get(2)?,
                    name: row.try_get(3)?,
                    profession: row.try_get(4)?,
                    country: row.try_get(5)?,
                    contact: row.try_get(6)?,
                    notes: row.try_get(7)?,
                });
            }
            rows.ally_codes = fetch_codes(&mut *conn, SELECT_ALLY_CODES).await?;
            tx.commit().await?;
            rows.into_directory()
        }

        async fn replace_directory(&self, directory: &Directory) -> Result<(), StoreError> {
            // Flatten first: a directory that cannot be stored is refused before the
            // database is touched.
            let rows = Rows::from_directory(directory)?;
            let _turn = self.write_turn().await;
            let mut tx = self.pool.begin_with(self.dialect.begin_write).await?;
            if let Some(lock) = self.dialect.lock_for_write {
                sqlx::query(lock).execute(&mut *tx).await?;
            }
            let result = write_all(&mut tx, &rows).await;
            match result {
                // Dropping an uncommitted transaction rolls it back; doing it explicitly
                // returns the connection to the pool clean before the error travels up.
                Err(e) => {
                    if let Err(rollback) = tx.rollback().await {
                        tracing::warn!(error = %rollback, "rollback after a failed replace failed");
                    }
                    Err(classify(e))
                }
                Ok(()) => tx.commit().await.map_err(|e| classify(e.into())),
            }
        }

        async fn directory_is_empty(&self) -> Result<bool, StoreError> {
            let row = sqlx::query("SELECT COUNT(*) FROM (SELECT 1 FROM organizations LIMIT 1) AS one")
                .fetch_one(&self.pool)
                .await?;
            let count: i64 = row.try_get(0)?;
            Ok(count == 0)
        }
    }
}

async fn write_all<DB>(conn: &mut DB::Connection, rows: &Rows) -> Result<(), StoreError>
where
    DB: Database,
    for<'c> &'c mut DB::Connection: Executor<'c, Database = DB>,
    DB::Arguments: IntoArguments<DB>,
    Uuid: Column<DB>,
    String: Column<DB>,
    Option<String>: Column<DB>,
    i64: Column<DB>,
    bool: Column<DB>,
{
    for statement in DELETE_EVERYTHING {
        sqlx::query(statement).execute(&mut *conn).await?;
    }
    insert(
        conn,
        "INSERT INTO organizations \
         (id, position, name, kind, description, public_contact, website) ",
        &rows.organizations,
        |b, r| {
            b.push_bind(r.id)
                .push_bind(r.position)
                .push_bind(r.name.clone())
                .push_bind(r.kind.clone())
                .push_bind(r.description.clone())
                .push_bind(r.public_contact.clone())
                .push_bind(r.website.clone());
        },
    )
    .await?;
    insert_codes(
        conn,
        "INSERT INTO organization_codes (organization_id, list, position, code) ",
        &rows.organization_codes,
    )
    .await?;
    insert_translations(
        conn,
        "INSERT INTO organization_translations \
         (organization_id, language, name, description, eligibility) ",
        &rows.organization_translations,
    )
    .await?;
    insert(
        conn,
        "INSERT INTO services (id, position, organization_id, name, description, support, \
         worldwide, remote_areas, family_eligible, eligibility, response_hours, open) ",
        &rows.services,
        |b, r| {
            b.push_bind(r.id)
                .push_bind(r.position)
                .push_bind(r.organization_id)
                .push_bind(r.name.clone())
                .push_bind(r.description.clone())
                .push_bind(r.support.clone())
                .push_bind(r.worldwide)
                .push_bind(r.remote_areas)
                .push_bind(r.family_eligible)
                .push_bind(r.eligibility.clone())
                .push_bind(r.response_hours)
                .push_bind(r.open);
        },
    )
    .await?;
    insert_codes(
        conn,
        "INSERT INTO service_codes (service_id, list, position, code) ",
        &rows.service_codes,
    )
    .await?;
    insert_translations(
        conn,
        "INSERT INTO service_translations \
         (service_id, language, name, description, eligibility) ",
        &rows.service_translations,
    )
    .await?;
    insert(
        conn,
        "INSERT INTO allies \
         (id, position, organization_id, name, profession, country, contact, notes) ",
        &rows.allies,
        |b, r| {
            b.push_bind(r.id)
                .push_bind(r.position)
                .push_bind(r.organization_id)
                .push_bind(r.name.clone())
                .push_bind(r.profession.clone())
                .push_bind(r.country.clone())
                .push_bind(r.contact.clone())
                .push_bind(r.notes.clone());
        },
    )
    .await?;
    insert_codes(
        conn,
        "INSERT INTO ally_codes (ally_id, list, position, code) ",
        &rows.ally_codes,
    )
    .await?;
    Ok(())
}

/// Inserts `rows` with as few statements as the bind limits allow. Only the fixed
/// `head` is SQL text; every value goes in as a bound parameter. An empty `rows`
/// writes nothing.
pub(crate) async fn insert<DB, T>(
    conn: &mut DB::Connection,
    head: &'static str,
    rows: &[T],
    bind: impl Fn(&mut Separated<'_, DB, &'static str>, &T),
) -> Result<(), StoreError>
where
    DB: Database,
    for<'c> &'c mut DB::Connection: Executor<'c, Database = DB>,
    DB::Arguments: IntoArguments<DB>,
{
    for chunk in rows.chunks(ROWS_PER_INSERT) {
        let mut builder = QueryBuilder::<DB>::new(head);
        builder.push_values(chunk, |mut b, row| bind(&mut b, row));
        builder.build().execute(&mut *conn).await?;
    }
    Ok(())
}

async fn insert_codes<DB>(
    conn: &mut DB::Connection,
    head: &'static str,
    rows: &[CodeRow],
) -> Result<(), StoreError>
where
    DB: Database,
    for<'c> &'c mut DB::Connection: Executor<'c, Database = DB>,
    DB::Arguments: IntoArguments<DB>,
    Uuid: Column<DB>,
    String: Column<DB>,
    Option<String>: Column<DB>,
    i64: Column<DB>,
{
    insert(conn, head, rows, |b, r| {
        b.push_bind(r.owner)
            .push_bind(r.list.clone())
            .push_bind(r.position)
            .push_bind(r.code.clone());
    })
    .await
}

async fn insert_translations<DB>(
    conn: &mut DB::Connection,
    head: &'static str,
    rows: &[TranslationRow],
) -> Result<(), StoreError>
where
    DB: Database,
    for<'c> &'c mut DB::Connection: Executor<'c, Database = DB>,
    DB::Arguments: IntoArguments<DB>,
    Uuid: Column<DB>,
    String: Column<DB>,
    Option<String>: Column<DB>,
{
    insert(conn, head, rows, |b, r| {
        b.push_bind(r.owner)
            .push_bind(r.language.clone())
            .push_bind(r.name.clone())
            .push_bind(r.description.clone())
            .push_bind(r.eligibility.clone());
    })
    .await
}

async fn fetch_codes<DB>(
    conn: &mut DB::Connection,
    select: &'static str,
) -> Result<Vec<CodeRow>, StoreError>
where
    DB: Database,
    for<'c> &'c mut DB::Connection: Executor<'c, Database = DB>,
    DB::Arguments: IntoArguments<DB>,
    usize: ColumnIndex<DB::Row>,
    Uuid: Column<DB>,
    String: Column<DB>,
    Option<String>: Column<DB>,
    i64: Column<DB>,
{
    let mut codes = Vec::new();
    for row in sqlx::query(select).fetch_all(&mut *conn).await? {
        codes.push(CodeRow {
            owner: row.try_get(0)?,
            list: row.try_get(1)?,
            position: row.try_get(2)?,
            code: row.try_get(3)?,
        });
    }
    Ok(codes)
}

async fn fetch_translations<DB>(
    conn: &mut DB::Connection,
    select: &'static str,
) -> Result<Vec<TranslationRow>, StoreError>
where
    DB: Database,
    for<'c> &'c mut DB::Connection: Executor<'c, Database = DB>,
    DB::Arguments: IntoArguments<DB>,
    usize: ColumnIndex<DB::Row>,
    Uuid: Column<DB>,
    String: Column<DB>,
    Option<String>: Column<DB>,
{
    let mut translations = Vec::new();
    for row in sqlx::query(select).fetch_all(&mut *conn).await? {
        translations.push(TranslationRow {
            owner: row.try_get(0)?,
            language: row.try_get(1)?,
            name: row.try_get(2)?,
            description: row.try_get(3)?,
            eligibility: row.try_get(4)?,
        });
    }
    Ok(translations)
}

/// A directory the schema refuses (a service of an unknown organisation, a repeated
/// id) is the caller's mistake, not an outage: report it as such, with the
/// database's own words, so the layer above can answer 4xx instead of 500.
pub(crate) fn classify(error: StoreError) -> StoreError {
    use sqlx::error::ErrorKind;
    match error {
        StoreError::Database(sqlx::Error::Database(db)) => match db.kind() {
            ErrorKind::UniqueViolation
            | ErrorKind::ForeignKeyViolation
            | ErrorKind::NotNullViolation
            | ErrorKind::CheckViolation => StoreError::Rejected(db.message().to_owned()),
            _ => StoreError::Database(sqlx::Error::Database(db)),
        },
        other => other,
    }
}
