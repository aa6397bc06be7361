//! The audit chain: appending under the audit lock, reading it back for `audit
//! verify`, and the trail of one case.

use sqlx::{ColumnIndex, Database, Row};
use torchlight_core::{CaseId, OrganizationId};
use torchlight_crypto::audit::{chain, AuditEvent, ChainedEntry, Digest, EntrySignature};
use torchlight_crypto::signer::Signer;

use crate::engine::clamp_limit;
use crate::sql::{insert, Column};
use crate::StoreError;

const SELECT_LAST_ENTRY: &str = "SELECT seq, at_ms, actor, organization_id, action, object, \
     prev_hash, hash, signer_version, signature FROM audit_log ORDER BY seq DESC LIMIT 1";
const SELECT_ENTRIES_AFTER: &str = "SELECT seq, at_ms, actor, organization_id, action, object, \
     prev_hash, hash, signer_version, signature FROM audit_log WHERE seq > $1 ORDER BY seq \
     LIMIT $2";
/// Entries about a case, only when `scope` can read it (holds a key of it); newest
/// first. Who may see them is the application layer's decision.
const SELECT_ENTRIES_OF_CASE: &str = "SELECT seq, at_ms, actor, organization_id, action, \
     object, prev_hash, hash, signer_version, signature FROM audit_log WHERE object = $1 \
     AND EXISTS (SELECT 1 FROM case_keys WHERE case_id = $2 AND organization_id = $3) \
     ORDER BY seq DESC LIMIT $4";
const SELECT_HEAD: &str = "SELECT seq, hash FROM audit_head WHERE id = 1";
/// The head of a multi-row insert (`sql::insert` adds the values).
const INSERT_ENTRIES: &str = "INSERT INTO audit_log \
     (seq, at_ms, actor, organization_id, action, object, prev_hash, hash, signer_version, \
     signature) ";
const SELECT_SIGNERS: &str =
    "SELECT root_version, public_key FROM audit_signers ORDER BY root_version";
const UPSERT_HEAD: &str = "INSERT INTO audit_head (id, seq, hash) VALUES (1, $1, $2) \
     ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash";

sql_store! {
    /// Appends `event` after the last entry, signed by `signer` when there is one. Runs only inside a unit of work's
    /// transaction, which holds the audit lock (`SqlStore::begin_audited`): two
    /// appends could otherwise both claim the same `seq`.
    pub(crate) async fn append(
        conn: &mut DB::Connection,
        event: AuditEvent,
        signer: Option<&Signer>,
    ) -> Result<ChainedEntry, StoreError> {
        let last = Self::last_entry(conn).await?;
        let entry = chain(last.as_ref(), event, signer);
        Self::insert_entries(conn, std::slice::from_ref(&entry)).await?;
        Self::write_head(conn, &entry).await?;
        Ok(entry)
    }

    /// The last entry of the chain, under the audit lock.
    ///
    /// Refuses (`Corrupt`) when the recorded head does not match it: the end of the
    /// log was cut or edited, and chaining on would overwrite the head that proves it.
    pub(crate) async fn last_entry(
        conn: &mut DB::Connection,
    ) -> Result<Option<ChainedEntry>, StoreError> {
        let last = match sqlx::query(SELECT_LAST_ENTRY)
            .fetch_optional(&mut *conn)
            .await?
        {
            Some(row) => Some(entry_from_row::<DB>(&row)?),
            None => None,
        };
        let head = match sqlx::query(SELECT_HEAD).fetch_optional(&mut *conn).await? {
            Some(row) => Some(head_from_row::<DB>(&row)?),
            None => None,
        };
        let consistent = match (&last, &head) {
            (None, None) => true,
            (Some(last), Some((seq, hash))) => last.seq == *seq && last.hash == *hash,
            _ => false,
        };
        if !consistent {
            return Err(StoreError::Corrupt(
                "the audit head does not match the last audit entry (entries were removed or \
                 edited); nothing more is appended until `audit verify` is run and the log restored"
                    .into(),
            ));
        }
        Ok(last)
    }

    /// Writes `entries`, chained already (`crypto::audit::chain`) on the last one
    /// and on each other, with as few statements as the bind limits allow.
    pub(crate) async fn insert_entries(
        conn: &mut DB::Connection,
        entries: &[ChainedEntry],
    ) -> Result<(), StoreError> {
        insert(conn, INSERT_ENTRIES, entries, |b, entry| {
            let signature = entry.signature.as_ref();
            b.push_bind(entry.seq)
                .push_bind(entry.event.at_ms)
                .push_bind(entry.event.actor.clone())
                .push_bind(entry.event.organization.clone())
                .push_bind(entry.event.action.clone())
                .push_bind(entry.event.object.clone())
                .push_bind(entry.prev_hash.to_vec())
                .push_bind(entry.hash.to_vec())
                .push_bind(signature.map(|signature| i64::from(signature.root_version)))
                .push_bind(signature.map(|signature| signature.bytes.clone()));
        })
        .await
    }

    /// Records `entry` as the chain's head (what catches a cut tail).
    pub(crate) async fn write_head(
        conn: &mut DB::Connection,
        entry: &ChainedEntry,
    ) -> Result<(), StoreError> {
        sqlx::query(UPSERT_HEAD)
            .bind(entry.seq)
            .bind(entry.hash.to_vec())
            .execute(&mut *conn)
            .await?;
        Ok(())
    }
}

sql_store! {
    #[async_trait::async_trait]
    impl crate::AuditStore {
        async fn audit_entries(
            &self,
            after_seq: i64,
            limit: i64,
        ) -> Result<Vec<ChainedEntry>, StoreError> {
            sqlx::query(SELECT_ENTRIES_AFTER)
                .bind(after_seq)
                .bind(clamp_limit(limit))
                .fetch_all(&self.pool)
                .await?
                .iter()
                .map(entry_from_row::<DB>)
                .collect()
        }

        async fn audit_head(&self) -> Result<Option<(i64, [u8; 32])>, StoreError> {
            match sqlx::query(SELECT_HEAD).fetch_optional(&self.pool).await? {
                Some(row) => Ok(Some(head_from_row::<DB>(&row)?)),
                None => Ok(None),
            }
        }

        async fn audit_signers(&self) -> Result<Vec<(u32, Vec<u8>)>, StoreError> {
            sqlx::query(SELECT_SIGNERS)
                .fetch_all(&self.pool)
                .await?
                .iter()
                .map(|row| {
                    let version: i64 = row.try_get(0)?;
                    let version = u32::try_from(version).map_err(|_| {
                        StoreError::Corrupt(format!(
                            "a signing key is recorded for root version {version}"
                        ))
                    })?;
                    Ok((version, row.try_get(1)?))
                })
                .collect()
        }

        async fn audit_of_case(
            &self,
            scope: OrganizationId,
            case: CaseId,
            limit: i64,
        ) -> Result<Vec<ChainedEntry>, StoreError> {
            // Events name a case by its id's hyphenated lower-case form.
            sqlx::query(SELECT_ENTRIES_OF_CASE)
                .bind(case.as_uuid().hyphenated().to_string())
                .bind(case.as_uuid())
                .bind(scope.as_uuid())
                .bind(clamp_limit(limit))
                .fetch_all(&self.pool)
                .await?
                .iter()
                .map(entry_from_row::<DB>)
                .collect()
        }
    }
}

fn entry_from_row<DB>(row: &DB::Row) -> Result<ChainedEntry, StoreError>
where
    DB: Database,
    usize: ColumnIndex<DB::Row>,
    String: Column<DB>,
    Option<String>: Column<DB>,
    i64: Column<DB>,
    Option<i64>: Column<DB>,
    Vec<u8>: Column<DB>,
    Option<Vec<u8>>: Column<DB>,
{
    let seq: i64 = row.try_get(0)?;
    let signer: Option<i64> = row.try_get(8)?;
    let signature: Option<Vec<u8>> = row.try_get(9)?;
    let signature = match (signer, signature) {
        (None, None) => None,
        (Some(version), Some(bytes)) => Some(EntrySignature {
            // An impossible version reads as one no key is recorded for.
            root_version: u32::try_from(version).unwrap_or(u32::MAX),
            bytes,
        }),
        _ => {
            return Err(StoreError::Corrupt(format!(
                "audit entry {seq}: a signature without its signer, or a signer without \
                 its signature"
            )))
        }
    };
    Ok(ChainedEntry {
        seq,
        event: AuditEvent {
            at_ms: row.try_get(1)?,
            actor: row.try_get(2)?,
            organization: row.try_get(3)?,
            action: row.try_get(4)?,
            object: row.try_get(5)?,
        },
        prev_hash: digest(seq, "previous hash", row.try_get(6)?)?,
        hash: digest(seq, "hash", row.try_get(7)?)?,
        signature,
    })
}

fn head_from_row<DB>(row: &DB::Row) -> Result<(i64, Digest), StoreError>
where
    DB: Database,
    usize: ColumnIndex<DB::Row>,
    i64: Column<DB>,
    Vec<u8>: Column<DB>,
{
    let seq: i64 = row.try_get(0)?;
    Ok((seq, digest(seq, "head hash", row.try_get(1)?)?))
}

/// A stored SHA-256 digest; any other length means the row was damaged.
fn digest(seq: i64, what: &str, bytes: Vec<u8>) -> Result<Digest, StoreError> {
    Digest::try_from(bytes.as_slice()).map_err(|_| {
        StoreError::Corrupt(format!(
            "audit entry {seq}: the {what} is {} bytes long instead of 32",
            bytes.len()
        ))
    })
}
