//! WebAuthn credentials of staff accounts.

use sqlx::Row;
use torchlight_core::UserId;

use crate::engine::Affected;
use crate::security::SecurityKey;
use crate::StoreError;

const INSERT_KEY: &str = "INSERT INTO security_keys \
     (credential_id, user_id, name, credential, created_at_ms, last_used_ms) \
     VALUES ($1, $2, $3, $4, $5, $6)";
const SELECT_KEYS_OF_USER: &str = "SELECT credential_id, user_id, name, credential, \
     created_at_ms, last_used_ms FROM security_keys WHERE user_id = $1 ORDER BY created_at_ms";
const UPDATE_KEY: &str = "UPDATE security_keys SET credential = $1, last_used_ms = $2 \
     WHERE user_id = $3 AND credential_id = $4";
const DELETE_KEY: &str = "DELETE FROM security_keys WHERE user_id = $1 AND credential_id = $2";

sql_store! {
    #[async_trait::async_trait]
    impl crate::SecurityKeyStore {
        async fn security_keys_of(&self, user: UserId) -> Result<Vec<SecurityKey>, StoreError> {
            sqlx::query(SELECT_KEYS_OF_USER)
                .bind(user.as_uuid())
                .fetch_all(&self.pool)
                .await?
                .iter()
                .map(|row| {
                    Ok(SecurityKey {
                        credential_id: row.try_get(0)?,
                        user_id: UserId::from_uuid(row.try_get(1)?),
                        name: row.try_get(2)?,
                        credential: row.try_get(3)?,
                        created_at_ms: row.try_get(4)?,
                        last_used_ms: row.try_get(5)?,
                    })
                })
                .collect()
        }
    }
}

sql_store! {
    pub(super) async fn add_security_key(
        conn: &mut DB::Connection,
        key: &SecurityKey,
    ) -> Result<(), StoreError> {
        sqlx::query(INSERT_KEY)
            .bind(key.credential_id.clone())
            .bind(key.user_id.as_uuid())
            .bind(key.name.clone())
            .bind(key.credential.clone())
            .bind(key.created_at_ms)
            .bind(key.last_used_ms)
            .execute(&mut *conn)
            .await?;
        Ok(())
    }

    pub(super) async fn update_security_key(
        conn: &mut DB::Connection,
        user: UserId,
        credential_id: &str,
        credential: &str,
        used_at_ms: i64,
    ) -> Result<bool, StoreError> {
        let updated = sqlx::query(UPDATE_KEY)
            .bind(credential.to_owned())
            .bind(Some(used_at_ms))
            .bind(user.as_uuid())
            .bind(credential_id.to_owned())
            .execute(&mut *conn)
            .await?;
        Ok(updated.affected() == 1)
    }

    pub(super) async fn remove_security_key(
        conn: &mut DB::Connection,
        user: UserId,
        credential_id: &str,
    ) -> Result<bool, StoreError> {
        let deleted = sqlx::query(DELETE_KEY)
            .bind(user.as_uuid())
            .bind(credential_id.to_owned())
            .execute(&mut *conn)
            .await?
            .affected();
        Ok(deleted == 1)
    }
}
