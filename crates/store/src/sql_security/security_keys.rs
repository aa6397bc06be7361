//! WebAuthn credentials of staff accounts.

use sqlx::{ColumnIndex, Database, Executor, IntoArguments, Row};
use torchlight_crypto::audit::AuditEvent;
use uuid::Uuid;

use super::{append, finish, Affected, SqlSecurity};
use crate::security::SecurityKey;
use crate::sql::Column;
use crate::StoreError;

const INSERT_KEY: &str = "INSERT INTO security_keys \
     (credential_id, user_id, name, credential, created_at_ms, last_used_ms) \
     VALUES ($1, $2, $3, $4, $5, $6)";
const SELECT_KEYS_OF_USER: &str = "SELECT credential_id, user_id, name, credential, \
     created_at_ms, last_used_ms FROM security_keys WHERE user_id = $1 ORDER BY created_at_ms";
const UPDATE_KEY: &str = "UPDATE security_keys SET credential = $1, last_used_ms = $2 \
     WHERE user_id = $3 AND credential_id = $4";
const DELETE_KEY: &str = "DELETE FROM security_keys WHERE user_id = $1 AND credential_id = $2";

impl<DB> SqlSecurity<DB>
where
    DB: Database,
    for<'c> &'c mut DB::Connection: Executor<'c, Database = DB>,
    DB::Arguments: IntoArguments<DB>,
    DB::QueryResult: Affected,
    usize: ColumnIndex<DB::Row>,
    Uuid: Column<DB>,
    String: Column<DB>,
    Option<String>: Column<DB>,
    i64: Column<DB>,
    Option<i64>: Column<DB>,
    bool: Column<DB>,
    Vec<u8>: Column<DB>,
    Option<Vec<u8>>: Column<DB>,
{
    pub async fn add_security_key(
        &self,
        key: &SecurityKey,
        event: AuditEvent,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_audited().await?;
        let result = async {
            let conn = &mut *tx;
            sqlx::query(INSERT_KEY)
                .bind(key.credential_id.clone())
                .bind(key.user_id)
                .bind(key.name.clone())
                .bind(key.credential.clone())
                .bind(key.created_at_ms)
                .bind(key.last_used_ms)
                .execute(&mut *conn)
                .await?;
            append::<DB>(conn, event).await?;
            Ok(())
        }
        .await;
        finish(tx, result).await
    }

    pub async fn security_keys_of(&self, user: Uuid) -> Result<Vec<SecurityKey>, StoreError> {
        sqlx::query(SELECT_KEYS_OF_USER)
            .bind(user)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(|row| {
                Ok(SecurityKey {
                    credential_id: row.try_get(0)?,
                    user_id: row.try_get(1)?,
                    name: row.try_get(2)?,
                    credential: row.try_get(3)?,
                    created_at_ms: row.try_get(4)?,
                    last_used_ms: row.try_get(5)?,
                })
            })
            .collect()
    }

    pub async fn update_security_key(
        &self,
        user: Uuid,
        credential_id: &str,
        credential: &str,
        used_at_ms: i64,
    ) -> Result<bool, StoreError> {
        let updated = sqlx::query(UPDATE_KEY)
            .bind(credential.to_owned())
            .bind(Some(used_at_ms))
            .bind(user)
            .bind(credential_id.to_owned())
            .execute(&self.pool)
            .await?;
        Ok(updated.affected() == 1)
    }

    pub async fn remove_security_key(
        &self,
        user: Uuid,
        credential_id: &str,
        event: AuditEvent,
    ) -> Result<bool, StoreError> {
        let mut tx = self.begin_audited().await?;
        let result = async {
            let conn = &mut *tx;
            let deleted = sqlx::query(DELETE_KEY)
                .bind(user)
                .bind(credential_id.to_owned())
                .execute(&mut *conn)
                .await?
                .affected();
            if deleted == 1 {
                append::<DB>(conn, event).await?;
            }
            Ok(deleted == 1)
        }
        .await;
        finish(tx, result).await
    }
}
