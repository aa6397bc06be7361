//! Encrypted cases, always seen through one organisation's `scope`: a case exists
//! for an organisation only if a data key is wrapped for it (`case_keys`); erasing
//! takes the owner the application layer found (who may erase is `core::case`).

use sqlx::{ColumnIndex, Database, Row};
use torchlight_core::{CaseId, OrganizationId};
use uuid::Uuid;

use crate::engine::Affected;
use crate::security::{CaseCount, CaseKey, CaseRecord, VisibleCase};
use crate::sql::{insert, Column};
use crate::StoreError;
use torchlight_core::case::{CaseStatus, Urgency};
use torchlight_core::taxonomy::Vocabulary;
use torchlight_core::Code;

/// Heads of multi-row inserts (`sql::insert` adds the values).
const INSERT_CASES: &str = "INSERT INTO cases (id, organization_id, country, urgency, status, \
     created_at_ms, updated_at_ms, content, binding, codename_digest, defender_wrapped_key, \
     urgency_rank, waiting_since_ms, answered_at_ms) ";
const INSERT_CASE_KEYS: &str =
    "INSERT INTO case_keys (case_id, organization_id, key_version, wrapped_key) ";
const UPDATE_VISIBLE_CASE: &str = "UPDATE cases SET country = $1, urgency = $2, status = $3, \
     updated_at_ms = $4, content = $5, binding = $8, urgency_rank = $9 WHERE id = $6 AND EXISTS \
     (SELECT 1 FROM case_keys WHERE case_keys.case_id = $6 AND case_keys.organization_id = $7)";
const SELECT_VISIBLE_CASES: &str = "SELECT c.id, c.organization_id, c.country, c.urgency, \
     c.status, c.created_at_ms, c.updated_at_ms, c.content, c.binding, \
     k.case_id, k.organization_id, k.key_version, k.wrapped_key \
     FROM cases c JOIN case_keys k ON k.case_id = c.id WHERE k.organization_id = $1 \
     ORDER BY c.created_at_ms DESC, c.id DESC";
const SELECT_VISIBLE_CASE: &str = "SELECT c.id, c.organization_id, c.country, c.urgency, \
     c.status, c.created_at_ms, c.updated_at_ms, c.content, c.binding, \
     k.case_id, k.organization_id, k.key_version, k.wrapped_key \
     FROM cases c JOIN case_keys k ON k.case_id = c.id \
     WHERE k.organization_id = $1 AND c.id = $2";
const SELECT_OWNED_CASE: &str = "SELECT 1 FROM cases WHERE id = $1 AND organization_id = $2";
const DELETE_CASE_KEYS: &str = "DELETE FROM case_keys WHERE case_id = $1";
const DELETE_ENTRIES: &str = "DELETE FROM case_entries WHERE case_id = $1";
const DELETE_OWNED_CASE: &str = "DELETE FROM cases WHERE id = $1 AND organization_id = $2";
const COUNT_CASES: &str = "SELECT country, urgency, COUNT(*) FROM cases GROUP BY country, urgency";

sql_store! {
    #[async_trait::async_trait]
    impl crate::CaseStore {
        async fn cases_visible_to(&self, scope: OrganizationId) -> Result<Vec<VisibleCase>, StoreError> {
            sqlx::query(SELECT_VISIBLE_CASES)
                .bind(scope.as_uuid())
                .fetch_all(&self.pool)
                .await?
                .iter()
                .map(visible_case_from_row::<DB>)
                .collect()
        }

        async fn case_visible_to(
            &self,
            scope: OrganizationId,
            case: CaseId,
        ) -> Result<Option<VisibleCase>, StoreError> {
            sqlx::query(SELECT_VISIBLE_CASE)
                .bind(scope.as_uuid())
                .bind(case.as_uuid())
                .fetch_optional(&self.pool)
                .await?
                .as_ref()
                .map(visible_case_from_row::<DB>)
                .transpose()
        }

        async fn case_counts(&self) -> Result<Vec<CaseCount>, StoreError> {
            let mut counts = sqlx::query(COUNT_CASES)
                .fetch_all(&self.pool)
                .await?
                .iter()
                .map(|row| {
                    Ok(CaseCount {
                        country: country(row.try_get(0)?)?,
                        urgency: urgency(row.try_get(1)?)?,
                        count: row.try_get(2)?,
                    })
                })
                .collect::<Result<Vec<_>, StoreError>>()?;
            // Byte order on both engines, whatever PostgreSQL's collation.
            counts.sort_by(|a, b| {
                (a.country.as_str(), a.urgency.code()).cmp(&(b.country.as_str(), b.urgency.code()))
            });
            Ok(counts)
        }
    }
}

sql_store! {
    pub(super) async fn create_case(
        conn: &mut DB::Connection,
        scope: OrganizationId,
        record: &CaseRecord,
        keys: &[CaseKey],
    ) -> Result<(), StoreError> {
        Self::insert_case(conn, scope, record, keys, None).await
    }

    /// A case row and its keys in one statement each; a request carries its
    /// codename's digest and the key wrapped for its defender (`request`).
    pub(super) async fn insert_case(
        conn: &mut DB::Connection,
        scope: OrganizationId,
        record: &CaseRecord,
        keys: &[CaseKey],
        request: Option<(&[u8], &[u8])>,
    ) -> Result<(), StoreError> {
        check_new_case(scope, record, keys)?;
        let row = CaseRow { record, request };
        let keys: Vec<&CaseKey> = keys.iter().collect();
        Self::insert_cases(conn, std::slice::from_ref(&row), &keys).await
    }

    /// Writes case rows and their wrapped keys, already checked (`check_new_case`),
    /// one statement per table however many there are: a group commit of requests
    /// costs two statements, not two per request.
    pub(super) async fn insert_cases(
        conn: &mut DB::Connection,
        rows: &[CaseRow<'_>],
        keys: &[&CaseKey],
    ) -> Result<(), StoreError> {
        insert(conn, INSERT_CASES, rows, |b, row| {
            let record = row.record;
            b.push_bind(record.id.as_uuid())
                .push_bind(record.organization_id.as_uuid())
                .push_bind(record.country.as_str().to_owned())
                .push_bind(record.urgency.code().to_owned())
                .push_bind(record.status.code().to_owned())
                .push_bind(record.created_at_ms)
                .push_bind(record.updated_at_ms)
                .push_bind(record.content.clone())
                .push_bind(record.binding.clone())
                .push_bind(row.request.map(|(digest, _)| digest.to_vec()))
                .push_bind(row.request.map(|(_, wrapped)| wrapped.to_vec()))
                .push_bind(record.urgency.rank())
                .push_bind(record.created_at_ms)
                // A request waits for its first answer; a case staff recorded
                // waits for nobody's.
                .push_bind(row.request.is_none().then_some(record.created_at_ms));
        })
        .await?;
        insert(conn, INSERT_CASE_KEYS, keys, |b, key| {
            b.push_bind(key.case_id.as_uuid())
                .push_bind(key.organization_id.as_uuid())
                .push_bind(key.key_version)
                .push_bind(key.wrapped_key.clone());
        })
        .await
    }

    pub(super) async fn update_case(
        conn: &mut DB::Connection,
        scope: OrganizationId,
        record: &CaseRecord,
    ) -> Result<bool, StoreError> {
        let updated = sqlx::query(UPDATE_VISIBLE_CASE)
            .bind(record.country.as_str().to_owned())
            .bind(record.urgency.code().to_owned())
            .bind(record.status.code().to_owned())
            .bind(record.updated_at_ms)
            .bind(record.content.clone())
            .bind(record.id.as_uuid())
            .bind(scope.as_uuid())
            .bind(record.binding.clone())
            .bind(record.urgency.rank())
            .execute(&mut *conn)
            .await?;
        Ok(updated.affected() == 1)
    }

    /// The first half of destroying a case (an erase, a withdrawal): its wrapped
    /// keys first, so nothing of it can be decrypted by anyone, even from a copy
    /// of the database taken before; then what was added to it.
    pub(super) async fn delete_keys_and_entries(
        conn: &mut DB::Connection,
        case: CaseId,
    ) -> Result<(), StoreError> {
        sqlx::query(DELETE_CASE_KEYS)
            .bind(case.as_uuid())
            .execute(&mut *conn)
            .await?;
        sqlx::query(DELETE_ENTRIES)
            .bind(case.as_uuid())
            .execute(&mut *conn)
            .await?;
        Ok(())
    }

    pub(super) async fn erase_case(
        conn: &mut DB::Connection,
        owner: OrganizationId,
        case: CaseId,
    ) -> Result<bool, StoreError> {
        let owned = sqlx::query(SELECT_OWNED_CASE)
            .bind(case.as_uuid())
            .bind(owner.as_uuid())
            .fetch_optional(&mut *conn)
            .await?;
        if owned.is_none() {
            return Ok(false);
        }
        Self::delete_keys_and_entries(conn, case).await?;
        sqlx::query(DELETE_OWNED_CASE)
            .bind(case.as_uuid())
            .bind(owner.as_uuid())
            .execute(&mut *conn)
            .await?;
        Ok(true)
    }
}

/// A new case must belong to `scope`, carry a data key wrapped for `scope`, and
/// carry keys of this case only.
/// A case's row: a staff case's, or a request's with its codename digest and the
/// data key wrapped to the defender.
pub(super) struct CaseRow<'a> {
    pub record: &'a CaseRecord,
    pub request: Option<(&'a [u8], &'a [u8])>,
}

pub(super) fn check_new_case(
    scope: OrganizationId,
    record: &CaseRecord,
    keys: &[CaseKey],
) -> Result<(), StoreError> {
    if record.organization_id != scope {
        return Err(StoreError::Rejected(format!(
            "case {} belongs to organisation {}, not to the caller's organisation {scope}",
            record.id, record.organization_id
        )));
    }
    if let Some(stray) = keys.iter().find(|key| key.case_id != record.id) {
        return Err(StoreError::Rejected(format!(
            "a data key given for case {} belongs to case {}",
            record.id, stray.case_id
        )));
    }
    if !keys.iter().any(|key| key.organization_id == scope) {
        return Err(StoreError::Rejected(format!(
            "case {} has no data key wrapped for its own organisation {scope}, which could \
             then never open it",
            record.id
        )));
    }
    Ok(())
}

fn visible_case_from_row<DB>(row: &DB::Row) -> Result<VisibleCase, StoreError>
where
    DB: Database,
    usize: ColumnIndex<DB::Row>,
    Uuid: Column<DB>,
    String: Column<DB>,
    i64: Column<DB>,
    Vec<u8>: Column<DB>,
    Option<Vec<u8>>: Column<DB>,
{
    Ok(VisibleCase {
        record: record_from_row::<DB>(row)?,
        key: CaseKey {
            case_id: CaseId::from_uuid(row.try_get(9)?),
            organization_id: OrganizationId::from_uuid(row.try_get(10)?),
            key_version: row.try_get(11)?,
            wrapped_key: row.try_get(12)?,
        },
    })
}

/// A case record from the first nine columns of a row (the order of
/// `SELECT_VISIBLE_CASES`).
pub(super) fn record_from_row<DB>(row: &DB::Row) -> Result<CaseRecord, StoreError>
where
    DB: Database,
    usize: ColumnIndex<DB::Row>,
    Uuid: Column<DB>,
    String: Column<DB>,
    i64: Column<DB>,
    Vec<u8>: Column<DB>,
    Option<Vec<u8>>: Column<DB>,
{
    Ok(CaseRecord {
        id: CaseId::from_uuid(row.try_get(0)?),
        organization_id: OrganizationId::from_uuid(row.try_get(1)?),
        country: country(row.try_get(2)?)?,
        urgency: urgency(row.try_get(3)?)?,
        status: status(row.try_get(4)?)?,
        created_at_ms: row.try_get(5)?,
        updated_at_ms: row.try_get(6)?,
        content: row.try_get(7)?,
        binding: row.try_get(8)?,
    })
}

// Stored codes are read back into their domain types; a code that is none of
// them means the row was damaged or written by something else.

pub(super) fn country(code: String) -> Result<Code, StoreError> {
    Code::parse(Vocabulary::Country, &code)
        .map_err(|e| StoreError::Corrupt(format!("a stored case's country: {e}")))
}

pub(super) fn urgency(code: String) -> Result<Urgency, StoreError> {
    Urgency::from_code(&code)
        .ok_or_else(|| StoreError::Corrupt(format!("a stored case has the urgency {code:?}")))
}

pub(super) fn status(code: String) -> Result<CaseStatus, StoreError> {
    CaseStatus::from_code(&code)
        .ok_or_else(|| StoreError::Corrupt(format!("a stored case has the status {code:?}")))
}
