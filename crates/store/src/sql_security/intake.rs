//! Requests from intake: found by the digest of their codename, with what the
//! defender and the organisation add to them afterwards (`case_entries`).

use sqlx::{ColumnIndex, Database, Row};
use torchlight_core::case::EntryKind;
use torchlight_core::{CaseId, OrganizationId};
use uuid::Uuid;

use super::cases::{check_new_case, CaseRow};

use crate::engine::Affected;
use crate::security::{CaseEntry, CaseKey, CaseRecord, RequestRecord};
use crate::sql::Column;
use crate::unit::Change;
use crate::StoreError;

const SELECT_REQUEST: &str = "SELECT id, organization_id, country, urgency, status, \
     created_at_ms, updated_at_ms, content, binding, defender_wrapped_key, \
     defender_seen_at_ms FROM cases WHERE codename_digest = $1";
/// Whether `version` is still the organisation's current key: a request wrapped
/// to a key a rotation has just replaced (and whose secret it deleted) would be
/// acknowledged and never readable.
const IS_CURRENT_KEY: &str = "SELECT 1 FROM organization_keys WHERE organization_id = $1 \
     AND version = $2 AND version = (SELECT MAX(version) FROM organization_keys \
     WHERE organization_id = $1)";
const SELECT_ENTRIES: &str = "SELECT id, case_id, kind, at_ms, content FROM case_entries \
     WHERE case_id = $1 ORDER BY at_ms, id";
const INSERT_ENTRY: &str = "INSERT INTO case_entries (id, case_id, author, kind, at_ms, content) \
     SELECT $1, $2, $3, $4, $5, $6 WHERE EXISTS (SELECT 1 FROM cases WHERE id = $2)";
const MARK_SEEN: &str = "UPDATE cases SET defender_seen_at_ms = $1 WHERE id = $2";
const SELECT_REQUEST_ID: &str = "SELECT 1 FROM cases WHERE id = $1 AND codename_digest = $2";
const DELETE_REQUEST: &str = "DELETE FROM cases WHERE id = $1 AND codename_digest = $2";

sql_store! {
    #[async_trait::async_trait]
    impl crate::IntakeStore {
        async fn request_by_codename(
            &self,
            digest: &[u8],
        ) -> Result<Option<RequestRecord>, StoreError> {
            sqlx::query(SELECT_REQUEST)
                .bind(digest.to_vec())
                .fetch_optional(&self.pool)
                .await?
                .as_ref()
                .map(request_from_row::<DB>)
                .transpose()
        }

        async fn case_entries(&self, case: CaseId) -> Result<Vec<CaseEntry>, StoreError> {
            sqlx::query(SELECT_ENTRIES)
                .bind(case.as_uuid())
                .fetch_all(&self.pool)
                .await?
                .iter()
                .map(entry_from_row::<DB>)
                .collect()
        }
    }
}

/// What a `CreateRequest` change writes, borrowed from it, so that a group commit
/// can gather the requests of a batch and write them together (`create_requests`).
pub(crate) struct NewRequest<'a> {
    pub record: &'a CaseRecord,
    pub key: &'a CaseKey,
    pub codename_digest: &'a [u8],
    pub defender_wrapped_key: &'a [u8],
}

impl<'a> NewRequest<'a> {
    /// The request `change` creates, when it creates one.
    pub(crate) fn of(change: &'a Change) -> Option<NewRequest<'a>> {
        match change {
            Change::CreateRequest {
                record,
                key,
                codename_digest,
                defender_wrapped_key,
            } => Some(NewRequest {
                record,
                key,
                codename_digest,
                defender_wrapped_key,
            }),
            _ => None,
        }
    }
}

sql_store! {
    /// Writes `requests` with one statement per table, after the same checks as
    /// one at a time: each case's key is its own organisation's, and the key
    /// version each is wrapped to is still that organisation's current one
    /// (asked once per organisation and version, not once per request).
    pub(crate) async fn create_requests(
        conn: &mut DB::Connection,
        requests: &[NewRequest<'_>],
    ) -> Result<(), StoreError> {
        let mut current: Vec<(OrganizationId, i64)> = Vec::new();
        for request in requests {
            let record = request.record;
            check_new_case(record.organization_id, record, std::slice::from_ref(request.key))?;
            let wrapped_to = (request.key.organization_id, request.key.key_version);
            if current.contains(&wrapped_to) {
                continue;
            }
            let is_current = sqlx::query(IS_CURRENT_KEY)
                .bind(wrapped_to.0.as_uuid())
                .bind(wrapped_to.1)
                .fetch_optional(&mut *conn)
                .await?;
            if is_current.is_none() {
                return Err(StoreError::Conflict(format!(
                    "organisation {}'s key {} was replaced meanwhile",
                    wrapped_to.0, wrapped_to.1
                )));
            }
            current.push(wrapped_to);
        }
        let rows: Vec<CaseRow<'_>> = requests
            .iter()
            .map(|request| CaseRow {
                record: request.record,
                request: Some((request.codename_digest, request.defender_wrapped_key)),
            })
            .collect();
        let keys: Vec<&CaseKey> = requests.iter().map(|request| request.key).collect();
        Self::insert_cases(conn, &rows, &keys).await
    }

    pub(super) async fn add_case_entry(
        conn: &mut DB::Connection,
        entry: &CaseEntry,
    ) -> Result<bool, StoreError> {
        let author = if entry.kind.by_defender() { "defender" } else { "staff" };
        let added = sqlx::query(INSERT_ENTRY)
            .bind(entry.id)
            .bind(entry.case_id.as_uuid())
            .bind(author.to_owned())
            .bind(entry.kind.code().to_owned())
            .bind(entry.at_ms)
            .bind(entry.content.clone())
            .execute(&mut *conn)
            .await?;
        Ok(added.affected() == 1)
    }

    pub(super) async fn mark_seen_by_defender(
        conn: &mut DB::Connection,
        case: CaseId,
        at_ms: i64,
    ) -> Result<(), StoreError> {
        sqlx::query(MARK_SEEN)
            .bind(at_ms)
            .bind(case.as_uuid())
            .execute(&mut *conn)
            .await?;
        Ok(())
    }

    pub(super) async fn withdraw_request(
        conn: &mut DB::Connection,
        case: CaseId,
        codename_digest: &[u8],
    ) -> Result<bool, StoreError> {
        let found = sqlx::query(SELECT_REQUEST_ID)
            .bind(case.as_uuid())
            .bind(codename_digest.to_vec())
            .fetch_optional(&mut *conn)
            .await?;
        if found.is_none() {
            return Ok(false);
        }
        Self::delete_keys_and_entries(conn, case).await?;
        sqlx::query(DELETE_REQUEST)
            .bind(case.as_uuid())
            .bind(codename_digest.to_vec())
            .execute(&mut *conn)
            .await?;
        Ok(true)
    }
}

fn request_from_row<DB>(row: &DB::Row) -> Result<RequestRecord, StoreError>
where
    DB: Database,
    usize: ColumnIndex<DB::Row>,
    Uuid: Column<DB>,
    String: Column<DB>,
    i64: Column<DB>,
    Option<i64>: Column<DB>,
    Vec<u8>: Column<DB>,
    Option<Vec<u8>>: Column<DB>,
{
    let defender_wrapped_key: Option<Vec<u8>> = row.try_get(9)?;
    Ok(RequestRecord {
        record: super::cases::record_from_row::<DB>(row)?,
        defender_wrapped_key: defender_wrapped_key.ok_or_else(|| {
            StoreError::Corrupt("a request has a codename but no key for its defender".into())
        })?,
        defender_seen_at_ms: row.try_get(10)?,
    })
}

fn entry_from_row<DB>(row: &DB::Row) -> Result<CaseEntry, StoreError>
where
    DB: Database,
    usize: ColumnIndex<DB::Row>,
    Uuid: Column<DB>,
    String: Column<DB>,
    i64: Column<DB>,
    Vec<u8>: Column<DB>,
{
    let kind: String = row.try_get(2)?;
    Ok(CaseEntry {
        id: row.try_get(0)?,
        case_id: CaseId::from_uuid(row.try_get(1)?),
        kind: EntryKind::from_code(&kind).ok_or_else(|| {
            StoreError::Corrupt(format!("a stored case entry has the kind {kind:?}"))
        })?,
        at_ms: row.try_get(3)?,
        content: row.try_get(4)?,
    })
}
