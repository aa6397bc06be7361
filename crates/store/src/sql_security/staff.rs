//! Staff accounts, their recovery codes and their sessions.

use sqlx::{ColumnIndex, Database, QueryBuilder, Row};
use torchlight_core::access::Role;
use torchlight_core::{OrganizationId, UserId};
use uuid::Uuid;

use crate::engine::Affected;
use crate::security::{Session, StaffUser};
use crate::sql::Column;
use crate::StoreError;

macro_rules! user_columns {
    () => {
        "id, organization_id, username, display_name, role, password_hash, \
         must_change_password, totp_sealed, totp_last_step, disabled, locale, created_at_ms"
    };
}

const SELECT_USER: &str = concat!(
    "SELECT ",
    user_columns!(),
    " FROM staff_users WHERE id = $1"
);
const SELECT_USER_BY_USERNAME: &str = concat!(
    "SELECT ",
    user_columns!(),
    " FROM staff_users WHERE username = $1"
);
const SELECT_USERS_OF_ORGANIZATION: &str = concat!(
    "SELECT ",
    user_columns!(),
    " FROM staff_users WHERE organization_id = $1"
);
const SELECT_USERNAME_TAKEN: &str = "SELECT 1 FROM staff_users WHERE username = $1";
const INSERT_USER: &str = concat!(
    "INSERT INTO staff_users (",
    user_columns!(),
    ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
);
// Each change writes only its own columns, so two requests changing different
// things of one account cannot undo each other; the guards in `WHERE` say what the
// change expects to find.
const CHANGE_PASSWORD: &str = "UPDATE staff_users SET password_hash = $1, \
     must_change_password = $2 WHERE id = $3 AND password_hash = $4 AND disabled = $5";
const RESET_CREDENTIALS: &str = "UPDATE staff_users SET password_hash = $1, \
     must_change_password = $2, totp_sealed = NULL, totp_last_step = NULL WHERE id = $3";
const SET_DISABLED: &str = "UPDATE staff_users SET disabled = $1 WHERE id = $2";
const SET_LOCALE: &str = "UPDATE staff_users SET locale = $1 WHERE id = $2";
const ENROL_TOTP: &str = "UPDATE staff_users SET totp_sealed = $1, totp_last_step = $2 \
     WHERE id = $3 AND totp_sealed IS NULL";
const ADVANCE_TOTP_STEP: &str = "UPDATE staff_users SET totp_last_step = $1 \
     WHERE id = $2 AND totp_sealed IS NOT NULL \
     AND (totp_last_step IS NULL OR totp_last_step < $1)";

const DELETE_RECOVERY_CODES: &str = "DELETE FROM recovery_codes WHERE user_id = $1";
/// Two values a code: stays far below either engine's limit on bound values.
const CODES_PER_INSERT: usize = 500;
const USE_RECOVERY_CODE: &str = "UPDATE recovery_codes SET used_at_ms = $1 \
     WHERE user_id = $2 AND digest = $3 AND used_at_ms IS NULL";
const COUNT_RECOVERY_CODES: &str =
    "SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1 AND used_at_ms IS NULL";

/// Only for an enabled account that still has the password hash the sign-in read.
const INSERT_SESSION: &str = "INSERT INTO sessions \
     (token_digest, user_id, csrf_token, created_at_ms, last_seen_ms, second_factor) \
     SELECT $1, $2, $3, $4, $5, $6 WHERE EXISTS (SELECT 1 FROM staff_users \
     WHERE id = $2 AND disabled = $7 AND password_hash = $8)";
const SELECT_SESSION: &str = "SELECT token_digest, user_id, csrf_token, created_at_ms, \
     last_seen_ms, second_factor FROM sessions WHERE token_digest = $1";
/// Never moves backwards: of two requests touching at once, the later time stays.
const TOUCH_SESSION: &str =
    "UPDATE sessions SET last_seen_ms = $1 WHERE token_digest = $2 AND last_seen_ms < $1";
const DELETE_SESSION: &str = "DELETE FROM sessions WHERE token_digest = $1";
const DELETE_SESSIONS_OF_USER: &str = "DELETE FROM sessions WHERE user_id = $1";
const DELETE_OTHER_SESSIONS_OF_USER: &str =
    "DELETE FROM sessions WHERE user_id = $1 AND token_digest <> $2";
const DELETE_ALL_SESSIONS: &str = "DELETE FROM sessions";
const DELETE_DEAD_SESSIONS: &str =
    "DELETE FROM sessions WHERE last_seen_ms < $1 OR created_at_ms < $2";

sql_store! {
    #[async_trait::async_trait]
    impl crate::StaffStore {
        async fn user(&self, id: UserId) -> Result<Option<StaffUser>, StoreError> {
            sqlx::query(SELECT_USER)
                .bind(id.as_uuid())
                .fetch_optional(&self.pool)
                .await?
                .as_ref()
                .map(user_from_row::<DB>)
                .transpose()
        }

        async fn user_by_username(&self, username: &str) -> Result<Option<StaffUser>, StoreError> {
            sqlx::query(SELECT_USER_BY_USERNAME)
                .bind(username.to_owned())
                .fetch_optional(&self.pool)
                .await?
                .as_ref()
                .map(user_from_row::<DB>)
                .transpose()
        }

        async fn users_of_organization(
            &self,
            organization: OrganizationId,
        ) -> Result<Vec<StaffUser>, StoreError> {
            let mut users = sqlx::query(SELECT_USERS_OF_ORGANIZATION)
                .bind(organization.as_uuid())
                .fetch_all(&self.pool)
                .await?
                .iter()
                .map(user_from_row::<DB>)
                .collect::<Result<Vec<_>, _>>()?;
            // Sorted here rather than by `ORDER BY`: PostgreSQL's collation and SQLite's
            // byte order disagree on punctuation, and both engines must list alike.
            users.sort_by(|a, b| a.username.cmp(&b.username));
            Ok(users)
        }

        async fn remaining_recovery_codes(&self, user: UserId) -> Result<i64, StoreError> {
            Ok(sqlx::query(COUNT_RECOVERY_CODES)
                .bind(user.as_uuid())
                .fetch_one(&self.pool)
                .await?
                .try_get(0)?)
        }

        async fn session(&self, token_digest: &str) -> Result<Option<Session>, StoreError> {
            let Some(row) = sqlx::query(SELECT_SESSION)
                .bind(token_digest.to_owned())
                .fetch_optional(&self.pool)
                .await?
            else {
                return Ok(None);
            };
            Ok(Some(Session {
                token_digest: row.try_get(0)?,
                user_id: UserId::from_uuid(row.try_get(1)?),
                csrf_token: row.try_get(2)?,
                created_at_ms: row.try_get(3)?,
                last_seen_ms: row.try_get(4)?,
                second_factor: row.try_get(5)?,
            }))
        }

        async fn touch_session(&self, token_digest: &str, now_ms: i64) -> Result<(), StoreError> {
            let _turn = self.write_turn().await;
            sqlx::query(TOUCH_SESSION)
                .bind(now_ms)
                .bind(token_digest.to_owned())
                .execute(&self.pool)
                .await?;
            Ok(())
        }
    }
}

sql_store! {
    pub(super) async fn create_user(
        conn: &mut DB::Connection,
        user: &StaffUser,
    ) -> Result<(), StoreError> {
        // Under the audit lock no other creation runs between this check and the
        // insert; the unique index stays the last word.
        let taken = sqlx::query(SELECT_USERNAME_TAKEN)
            .bind(user.username.clone())
            .fetch_optional(&mut *conn)
            .await?;
        if taken.is_some() {
            return Err(username_taken(&user.username));
        }
        sqlx::query(INSERT_USER)
            .bind(user.id.as_uuid())
            .bind(user.organization_id.as_uuid())
            .bind(user.username.clone())
            .bind(user.display_name.clone())
            .bind(user.role.code().to_owned())
            .bind(user.password_hash.clone())
            .bind(user.must_change_password)
            .bind(user.totp_sealed.clone())
            .bind(user.totp_last_step)
            .bind(user.disabled)
            .bind(user.locale.clone())
            .bind(user.created_at_ms)
            .execute(&mut *conn)
            .await?;
        Ok(())
    }

    /// False when the stored hash is no longer `expected_hash` or the account was
    /// disabled since it was read.
    pub(super) async fn change_password(
        conn: &mut DB::Connection,
        user: UserId,
        expected_hash: &str,
        new_hash: &str,
    ) -> Result<bool, StoreError> {
        let updated = sqlx::query(CHANGE_PASSWORD)
            .bind(new_hash.to_owned())
            .bind(false)
            .bind(user.as_uuid())
            .bind(expected_hash.to_owned())
            .bind(false)
            .execute(&mut *conn)
            .await?;
        Ok(updated.affected() == 1)
    }

    pub(super) async fn reset_credentials(
        conn: &mut DB::Connection,
        user: UserId,
        new_hash: &str,
    ) -> Result<(), StoreError> {
        let updated = sqlx::query(RESET_CREDENTIALS)
            .bind(new_hash.to_owned())
            .bind(true)
            .bind(user.as_uuid())
            .execute(&mut *conn)
            .await?;
        if updated.affected() != 1 {
            return Err(no_such_user(user));
        }
        Self::replace_recovery_codes(conn, user, &[]).await?;
        Self::delete_sessions_of_user(conn, user).await?;
        Ok(())
    }

    pub(super) async fn set_disabled(
        conn: &mut DB::Connection,
        user: UserId,
        disabled: bool,
    ) -> Result<(), StoreError> {
        let updated = sqlx::query(SET_DISABLED)
            .bind(disabled)
            .bind(user.as_uuid())
            .execute(&mut *conn)
            .await?;
        if updated.affected() != 1 {
            return Err(no_such_user(user));
        }
        Self::delete_sessions_of_user(conn, user).await?;
        Ok(())
    }

    pub(super) async fn set_locale(
        conn: &mut DB::Connection,
        user: UserId,
        locale: Option<&str>,
    ) -> Result<(), StoreError> {
        let updated = sqlx::query(SET_LOCALE)
            .bind(locale.map(str::to_owned))
            .bind(user.as_uuid())
            .execute(&mut *conn)
            .await?;
        if updated.affected() != 1 {
            return Err(no_such_user(user));
        }
        Ok(())
    }

    /// False when a secret is enrolled already.
    pub(super) async fn enrol_totp(
        conn: &mut DB::Connection,
        user: UserId,
        totp_sealed: &[u8],
        step: i64,
        recovery_digests: &[String],
    ) -> Result<bool, StoreError> {
        let updated = sqlx::query(ENROL_TOTP)
            .bind(totp_sealed.to_vec())
            .bind(step)
            .bind(user.as_uuid())
            .execute(&mut *conn)
            .await?;
        if updated.affected() != 1 {
            return Ok(false);
        }
        Self::replace_recovery_codes(conn, user, recovery_digests).await?;
        Ok(true)
    }

    /// False unless `step` is later than the step stored.
    pub(super) async fn advance_totp_step(
        conn: &mut DB::Connection,
        user: UserId,
        step: i64,
    ) -> Result<bool, StoreError> {
        let updated = sqlx::query(ADVANCE_TOTP_STEP)
            .bind(step)
            .bind(user.as_uuid())
            .execute(&mut *conn)
            .await?;
        Ok(updated.affected() == 1)
    }

    async fn replace_recovery_codes(
        conn: &mut DB::Connection,
        user: UserId,
        digests: &[String],
    ) -> Result<(), StoreError> {
        sqlx::query(DELETE_RECOVERY_CODES)
            .bind(user.as_uuid())
            .execute(&mut *conn)
            .await?;
        for chunk in digests.chunks(CODES_PER_INSERT) {
            let mut builder =
                QueryBuilder::<DB>::new("INSERT INTO recovery_codes (user_id, digest) ");
            builder.push_values(chunk, |mut b, digest| {
                b.push_bind(user.as_uuid()).push_bind(digest.clone());
            });
            builder.build().execute(&mut *conn).await?;
        }
        Ok(())
    }

    /// False when the code does not exist unused.
    pub(super) async fn use_recovery_code(
        conn: &mut DB::Connection,
        user: UserId,
        digest: &str,
        at_ms: i64,
    ) -> Result<bool, StoreError> {
        let updated = sqlx::query(USE_RECOVERY_CODE)
            .bind(at_ms)
            .bind(user.as_uuid())
            .bind(digest.to_owned())
            .execute(&mut *conn)
            .await?;
        Ok(updated.affected() == 1)
    }

    /// False when the account is disabled or its password hash is no longer
    /// `expected_hash`.
    pub(super) async fn create_session(
        conn: &mut DB::Connection,
        session: &Session,
        expected_hash: &str,
    ) -> Result<bool, StoreError> {
        let inserted = sqlx::query(INSERT_SESSION)
            .bind(session.token_digest.clone())
            .bind(session.user_id.as_uuid())
            .bind(session.csrf_token.clone())
            .bind(session.created_at_ms)
            .bind(session.last_seen_ms)
            .bind(session.second_factor)
            .bind(false)
            .bind(expected_hash.to_owned())
            .execute(&mut *conn)
            .await?;
        Ok(inserted.affected() == 1)
    }

    pub(super) async fn delete_session(
        conn: &mut DB::Connection,
        token_digest: &str,
    ) -> Result<(), StoreError> {
        sqlx::query(DELETE_SESSION)
            .bind(token_digest.to_owned())
            .execute(&mut *conn)
            .await?;
        Ok(())
    }

    pub(super) async fn delete_other_sessions_of_user(
        conn: &mut DB::Connection,
        user: UserId,
        keep_token_digest: &str,
    ) -> Result<(), StoreError> {
        sqlx::query(DELETE_OTHER_SESSIONS_OF_USER)
            .bind(user.as_uuid())
            .bind(keep_token_digest.to_owned())
            .execute(&mut *conn)
            .await?;
        Ok(())
    }

    pub(super) async fn delete_sessions_of_user(
        conn: &mut DB::Connection,
        user: UserId,
    ) -> Result<u64, StoreError> {
        Ok(sqlx::query(DELETE_SESSIONS_OF_USER)
            .bind(user.as_uuid())
            .execute(&mut *conn)
            .await?
            .affected())
    }

    pub(super) async fn delete_all_sessions(conn: &mut DB::Connection) -> Result<(), StoreError> {
        sqlx::query(DELETE_ALL_SESSIONS).execute(&mut *conn).await?;
        Ok(())
    }

    pub(super) async fn delete_dead_sessions(
        conn: &mut DB::Connection,
        last_seen_before_ms: i64,
        created_before_ms: i64,
    ) -> Result<(), StoreError> {
        sqlx::query(DELETE_DEAD_SESSIONS)
            .bind(last_seen_before_ms)
            .bind(created_before_ms)
            .execute(&mut *conn)
            .await?;
        Ok(())
    }
}

fn username_taken(username: &str) -> StoreError {
    StoreError::Rejected(format!("the username {username:?} is taken"))
}

fn no_such_user(id: UserId) -> StoreError {
    StoreError::Rejected(format!("there is no user {id}"))
}

fn user_from_row<DB>(row: &DB::Row) -> Result<StaffUser, StoreError>
where
    DB: Database,
    usize: ColumnIndex<DB::Row>,
    Uuid: Column<DB>,
    String: Column<DB>,
    Option<String>: Column<DB>,
    i64: Column<DB>,
    Option<i64>: Column<DB>,
    bool: Column<DB>,
    Option<Vec<u8>>: Column<DB>,
{
    let id = UserId::from_uuid(row.try_get(0)?);
    let role: String = row.try_get(4)?;
    let role = Role::from_code(&role).map_err(|_| {
        StoreError::Corrupt(format!("user {id} has the unknown role code {role:?}"))
    })?;
    Ok(StaffUser {
        id,
        organization_id: OrganizationId::from_uuid(row.try_get(1)?),
        username: row.try_get(2)?,
        display_name: row.try_get(3)?,
        role,
        password_hash: row.try_get(5)?,
        must_change_password: row.try_get(6)?,
        totp_sealed: row.try_get(7)?,
        totp_last_step: row.try_get(8)?,
        disabled: row.try_get(9)?,
        locale: row.try_get(10)?,
        created_at_ms: row.try_get(11)?,
    })
}
