//! The keyring record, organisations' key pairs and the two rotations.
//!
//! The rotations check, before they commit, that nothing is left behind under the
//! key being retired (an organisation key still sealed under the old root, a data
//! key still wrapped to the old organisation key): one added meanwhile by another
//! request would otherwise become unreadable for good once the old key is gone.

use std::collections::BTreeSet;

use sqlx::{ColumnIndex, Database, Executor, IntoArguments, Row};
use torchlight_core::{CaseId, OrganizationId, UserId};
use torchlight_crypto::keyring::KeyringRecord;
use uuid::Uuid;

use crate::engine::Affected;
use crate::security::{CaseKey, KeyBinding, OrganizationKey};
use crate::sql::Column;
use crate::StoreError;

const SELECT_KEYRING: &str = "SELECT record FROM keyring WHERE id = 1";
const INSERT_KEYRING: &str = "INSERT INTO keyring (id, record) VALUES (1, $1)";
const UPDATE_KEYRING: &str = "UPDATE keyring SET record = $1 WHERE id = 1";

const SELECT_ORGANIZATION_KEYS: &str = "SELECT organization_id, version, public_key, \
     wrapped_secret, root_version, created_at_ms, binding FROM organization_keys \
     ORDER BY organization_id, version";
const SELECT_CURRENT_ORGANIZATION_KEY: &str = "SELECT organization_id, version, public_key, \
     wrapped_secret, root_version, created_at_ms, binding FROM organization_keys \
     WHERE organization_id = $1 ORDER BY version DESC LIMIT 1";
const SELECT_ORGANIZATION_KEY: &str = "SELECT organization_id, version, public_key, \
     wrapped_secret, root_version, created_at_ms, binding FROM organization_keys \
     WHERE organization_id = $1 AND version = $2";
const SELECT_ANY_KEY_OF_ORGANIZATION: &str =
    "SELECT 1 FROM organization_keys WHERE organization_id = $1 LIMIT 1";
const SELECT_NEWEST_VERSION: &str =
    "SELECT COALESCE(MAX(version), 0) FROM organization_keys WHERE organization_id = $1";
const INSERT_ORGANIZATION_KEY: &str = "INSERT INTO organization_keys \
     (organization_id, version, public_key, wrapped_secret, root_version, created_at_ms, \
     binding) VALUES ($1, $2, $3, $4, $5, $6, $7)";
/// A rotated root key signs the bindings again with its own signing key.
const RESEAL_ORGANIZATION_KEY: &str = "UPDATE organization_keys \
     SET wrapped_secret = $1, root_version = $2, binding = $3 \
     WHERE organization_id = $4 AND version = $5";
/// Only a key with no binding yet (made before bindings existed) is bound later.
const BIND_ORGANIZATION_KEY: &str = "UPDATE organization_keys SET binding = $1 \
     WHERE organization_id = $2 AND version = $3 AND public_key = $4 AND binding IS NULL";
const SELECT_SIGNER: &str = "SELECT public_key FROM audit_signers WHERE root_version = $1";
const INSERT_SIGNER: &str = "INSERT INTO audit_signers (root_version, public_key) VALUES ($1, $2)";
const COUNT_KEYS_UNDER_OTHER_ROOTS: &str =
    "SELECT COUNT(*) FROM organization_keys WHERE root_version <> $1";
const DELETE_OLDER_KEYS: &str =
    "DELETE FROM organization_keys WHERE organization_id = $1 AND version < $2";

const RESEAL_TOTP: &str =
    "UPDATE staff_users SET totp_sealed = $1 WHERE id = $2 AND totp_sealed IS NOT NULL";
const COUNT_TOTP_SECRETS: &str = "SELECT COUNT(*) FROM staff_users WHERE totp_sealed IS NOT NULL";

const SELECT_CASE_KEYS_OF_ORGANIZATION: &str = "SELECT case_id, organization_id, key_version, \
     wrapped_key FROM case_keys WHERE organization_id = $1 ORDER BY case_id";
const REWRAP_CASE_KEY: &str = "UPDATE case_keys SET key_version = $1, wrapped_key = $2 \
     WHERE case_id = $3 AND organization_id = $4";
const COUNT_CASE_KEYS_UNDER_OTHER_VERSIONS: &str =
    "SELECT COUNT(*) FROM case_keys WHERE organization_id = $1 AND key_version <> $2";

sql_store! {
    #[async_trait::async_trait]
    impl crate::KeyStore {
        async fn keyring(&self) -> Result<Option<KeyringRecord>, StoreError> {
            read_keyring::<DB>(&mut *self.pool.acquire().await?).await
        }

        async fn organization_keys(&self) -> Result<Vec<OrganizationKey>, StoreError> {
            sqlx::query(SELECT_ORGANIZATION_KEYS)
                .fetch_all(&self.pool)
                .await?
                .iter()
                .map(organization_key_from_row::<DB>)
                .collect()
        }

        async fn current_organization_key(
            &self,
            organization: OrganizationId,
        ) -> Result<Option<OrganizationKey>, StoreError> {
            sqlx::query(SELECT_CURRENT_ORGANIZATION_KEY)
                .bind(organization.as_uuid())
                .fetch_optional(&self.pool)
                .await?
                .as_ref()
                .map(organization_key_from_row::<DB>)
                .transpose()
        }

        async fn organization_key(
            &self,
            organization: OrganizationId,
            version: i64,
        ) -> Result<Option<OrganizationKey>, StoreError> {
            sqlx::query(SELECT_ORGANIZATION_KEY)
                .bind(organization.as_uuid())
                .bind(version)
                .fetch_optional(&self.pool)
                .await?
                .as_ref()
                .map(organization_key_from_row::<DB>)
                .transpose()
        }

        async fn case_keys_of_organization(
            &self,
            organization: OrganizationId,
        ) -> Result<Vec<CaseKey>, StoreError> {
            sqlx::query(SELECT_CASE_KEYS_OF_ORGANIZATION)
                .bind(organization.as_uuid())
                .fetch_all(&self.pool)
                .await?
                .iter()
                .map(|row| {
                    Ok(CaseKey {
                        case_id: CaseId::from_uuid(row.try_get(0)?),
                        organization_id: OrganizationId::from_uuid(row.try_get(1)?),
                        key_version: row.try_get(2)?,
                        wrapped_key: row.try_get(3)?,
                    })
                })
                .collect()
        }
    }
}

sql_store! {
    pub(super) async fn initialize_keyring(
        conn: &mut DB::Connection,
        record: &KeyringRecord,
        keys: &[OrganizationKey],
    ) -> Result<(), StoreError> {
        let text = keyring_json(record)?;
        if read_keyring::<DB>(conn).await?.is_some() {
            return Err(StoreError::Rejected(
                "a keyring exists already; it is initialised only once".into(),
            ));
        }
        sqlx::query(INSERT_KEYRING)
            .bind(text)
            .execute(&mut *conn)
            .await?;
        for key in keys {
            insert_organization_key::<DB>(conn, key).await?;
        }
        Ok(())
    }

    /// Binds keys made before bindings existed; a conflict when one has changed or
    /// is bound already.
    pub(super) async fn bind_organization_keys(
        conn: &mut DB::Connection,
        bindings: &[KeyBinding],
    ) -> Result<(), StoreError> {
        for binding in bindings {
            let updated = sqlx::query(BIND_ORGANIZATION_KEY)
                .bind(binding.binding.clone())
                .bind(binding.organization_id.as_uuid())
                .bind(binding.version)
                .bind(binding.public_key.clone())
                .execute(&mut *conn)
                .await?;
            if updated.affected() != 1 {
                return Err(StoreError::Conflict(format!(
                    "organisation {}'s key of version {} changed or was bound meanwhile",
                    binding.organization_id, binding.version
                )));
            }
        }
        Ok(())
    }

    /// Records the public signing key of a root version; the same key again is
    /// nothing, another one is refused: a signer is never replaced.
    pub(super) async fn record_signer(
        conn: &mut DB::Connection,
        root_version: u32,
        public_key: &[u8],
    ) -> Result<(), StoreError> {
        let stored: Option<Vec<u8>> = sqlx::query(SELECT_SIGNER)
            .bind(i64::from(root_version))
            .fetch_optional(&mut *conn)
            .await?
            .map(|row| row.try_get(0))
            .transpose()?;
        match stored {
            Some(stored) if stored == public_key => Ok(()),
            Some(_) => Err(StoreError::Rejected(format!(
                "another signing key is recorded for root version {root_version}"
            ))),
            None => {
                sqlx::query(INSERT_SIGNER)
                    .bind(i64::from(root_version))
                    .bind(public_key.to_vec())
                    .execute(&mut *conn)
                    .await?;
                Ok(())
            }
        }
    }

    pub(super) async fn add_organization_keys(
        conn: &mut DB::Connection,
        keys: &[OrganizationKey],
    ) -> Result<(), StoreError> {
        for key in keys {
            let existing = sqlx::query(SELECT_ANY_KEY_OF_ORGANIZATION)
                .bind(key.organization_id.as_uuid())
                .fetch_optional(&mut *conn)
                .await?;
            if existing.is_some() {
                return Err(StoreError::Rejected(format!(
                    "organisation {} has a key pair already; rotate it instead",
                    key.organization_id
                )));
            }
            insert_organization_key::<DB>(conn, key).await?;
        }
        Ok(())
    }

    pub(super) async fn rotate_root(
        conn: &mut DB::Connection,
        record: &KeyringRecord,
        organization_keys: &[OrganizationKey],
        totp_secrets: &[(UserId, Vec<u8>)],
    ) -> Result<(), StoreError> {
        let text = keyring_json(record)?;
        let new_root = i64::from(record.version);
        let Some(stored) = read_keyring::<DB>(conn).await? else {
            return Err(StoreError::Rejected(
                "there is no keyring to rotate; initialise it first".into(),
            ));
        };
        if u64::from(stored.version) + 1 != u64::from(record.version) {
            return Err(StoreError::Rejected(format!(
                "the keyring is at version {}, so the rotated record must be version {}, \
                 not {}",
                stored.version,
                u64::from(stored.version) + 1,
                record.version
            )));
        }
        sqlx::query(UPDATE_KEYRING)
            .bind(text)
            .execute(&mut *conn)
            .await?;
        for key in organization_keys {
            let updated = sqlx::query(RESEAL_ORGANIZATION_KEY)
                .bind(key.wrapped_secret.clone())
                .bind(key.root_version)
                .bind(key.binding.clone())
                .bind(key.organization_id.as_uuid())
                .bind(key.version)
                .execute(&mut *conn)
                .await?;
            if updated.affected() != 1 {
                return Err(StoreError::Rejected(format!(
                    "organisation {} has no key of version {} to re-seal",
                    key.organization_id, key.version
                )));
            }
        }
        let left_behind = count::<DB>(conn, COUNT_KEYS_UNDER_OTHER_ROOTS, new_root).await?;
        if left_behind > 0 {
            return Err(StoreError::Rejected(format!(
                "{left_behind} organisation secret key(s) would stay sealed under an old \
                 root key; every key must be re-sealed under root version {new_root}"
            )));
        }
        let mut resealed = BTreeSet::new();
        for (user, sealed) in totp_secrets {
            let updated = sqlx::query(RESEAL_TOTP)
                .bind(sealed.clone())
                .bind(user.as_uuid())
                .execute(&mut *conn)
                .await?;
            if updated.affected() != 1 {
                return Err(StoreError::Rejected(format!(
                    "user {user} has no TOTP secret to re-seal"
                )));
            }
            resealed.insert(*user);
        }
        let enrolled: i64 = sqlx::query(COUNT_TOTP_SECRETS)
            .fetch_one(&mut *conn)
            .await?
            .try_get(0)?;
        let missing = enrolled - i64::try_from(resealed.len()).unwrap_or(i64::MAX);
        if missing > 0 {
            return Err(StoreError::Rejected(format!(
                "{missing} TOTP secret(s) would stay sealed under the old root key; \
                 every enrolled user's secret must be re-sealed"
            )));
        }
        Ok(())
    }

    pub(super) async fn rotate_organization_key(
        conn: &mut DB::Connection,
        new_key: &OrganizationKey,
        rewrapped: &[CaseKey],
    ) -> Result<(), StoreError> {
        let organization = new_key.organization_id;
        let newest: i64 = sqlx::query(SELECT_NEWEST_VERSION)
            .bind(organization.as_uuid())
            .fetch_one(&mut *conn)
            .await?
            .try_get(0)?;
        if new_key.version != newest + 1 {
            return Err(StoreError::Rejected(format!(
                "organisation {organization}'s newest key is version {newest}, so the next \
                 must be version {}, not {}",
                newest + 1,
                new_key.version
            )));
        }
        insert_organization_key::<DB>(conn, new_key).await?;
        for key in rewrapped {
            if key.organization_id != organization || key.key_version != new_key.version {
                return Err(StoreError::Rejected(format!(
                    "the data key of case {} is wrapped for organisation {} version {}, \
                     not for the new key (organisation {organization} version {})",
                    key.case_id, key.organization_id, key.key_version, new_key.version
                )));
            }
            let updated = sqlx::query(REWRAP_CASE_KEY)
                .bind(key.key_version)
                .bind(key.wrapped_key.clone())
                .bind(key.case_id.as_uuid())
                .bind(key.organization_id.as_uuid())
                .execute(&mut *conn)
                .await?;
            if updated.affected() != 1 {
                return Err(StoreError::Rejected(format!(
                    "organisation {organization} holds no data key of case {}",
                    key.case_id
                )));
            }
        }
        let left_behind: i64 = sqlx::query(COUNT_CASE_KEYS_UNDER_OTHER_VERSIONS)
            .bind(organization.as_uuid())
            .bind(new_key.version)
            .fetch_one(&mut *conn)
            .await?
            .try_get(0)?;
        if left_behind > 0 {
            return Err(StoreError::Rejected(format!(
                "{left_behind} data key(s) of organisation {organization} were not \
                 re-wrapped to key version {}; deleting the old key would lose those cases",
                new_key.version
            )));
        }
        sqlx::query(DELETE_OLDER_KEYS)
            .bind(organization.as_uuid())
            .bind(new_key.version)
            .execute(&mut *conn)
            .await?;
        Ok(())
    }
}

fn keyring_json(record: &KeyringRecord) -> Result<String, StoreError> {
    serde_json::to_string(record)
        .map_err(|e| StoreError::Rejected(format!("the keyring record cannot be stored: {e}")))
}

async fn read_keyring<DB>(conn: &mut DB::Connection) -> Result<Option<KeyringRecord>, StoreError>
where
    DB: Database,
    for<'c> &'c mut DB::Connection: Executor<'c, Database = DB>,
    DB::Arguments: IntoArguments<DB>,
    usize: ColumnIndex<DB::Row>,
    String: Column<DB>,
{
    let Some(row) = sqlx::query(SELECT_KEYRING)
        .fetch_optional(&mut *conn)
        .await?
    else {
        return Ok(None);
    };
    let text: String = row.try_get(0)?;
    serde_json::from_str(&text)
        .map(Some)
        .map_err(|e| StoreError::Corrupt(format!("the stored keyring record does not read: {e}")))
}

async fn insert_organization_key<DB>(
    conn: &mut DB::Connection,
    key: &OrganizationKey,
) -> Result<(), StoreError>
where
    DB: Database,
    for<'c> &'c mut DB::Connection: Executor<'c, Database = DB>,
    DB::Arguments: IntoArguments<DB>,
    Uuid: Column<DB>,
    String: Column<DB>,
    i64: Column<DB>,
    Vec<u8>: Column<DB>,
    Option<Vec<u8>>: Column<DB>,
{
    sqlx::query(INSERT_ORGANIZATION_KEY)
        .bind(key.organization_id.as_uuid())
        .bind(key.version)
        .bind(key.public_key.clone())
        .bind(key.wrapped_secret.clone())
        .bind(key.root_version)
        .bind(key.created_at_ms)
        .bind(key.binding.clone())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// `SELECT COUNT(*) …` with one bound `i64`.
async fn count<DB>(
    conn: &mut DB::Connection,
    statement: &'static str,
    value: i64,
) -> Result<i64, StoreError>
where
    DB: Database,
    for<'c> &'c mut DB::Connection: Executor<'c, Database = DB>,
    DB::Arguments: IntoArguments<DB>,
    usize: ColumnIndex<DB::Row>,
    i64: Column<DB>,
{
    Ok(sqlx::query(statement)
        .bind(value)
        .fetch_one(&mut *conn)
        .await?
        .try_get(0)?)
}

fn organization_key_from_row<DB>(row: &DB::Row) -> Result<OrganizationKey, StoreError>
where
    DB: Database,
    usize: ColumnIndex<DB::Row>,
    Uuid: Column<DB>,
    String: Column<DB>,
    i64: Column<DB>,
    Vec<u8>: Column<DB>,
    Option<Vec<u8>>: Column<DB>,
{
    Ok(OrganizationKey {
        organization_id: OrganizationId::from_uuid(row.try_get(0)?),
        version: row.try_get(1)?,
        public_key: row.try_get(2)?,
        wrapped_secret: row.try_get(3)?,
        root_version: row.try_get(4)?,
        created_at_ms: row.try_get(5)?,
        binding: row.try_get(6)?,
    })
}
