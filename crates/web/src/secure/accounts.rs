//! Staff accounts: creating them with a one-time password, disabling, resetting,
//! and the second factor.

use std::sync::Arc;

use tokio::sync::Semaphore;
use torchlight_core::access::Role;
use torchlight_crypto::credentials::{self, TotpSecret};
use torchlight_crypto::vault::Vault;
use torchlight_store::{StaffUser, Store, StoreError};
use uuid::Uuid;
use zeroize::Zeroizing;

use super::{now_ms, Actor, SecurityError};

/// Argon2id is deliberately slow and memory-hungry; this many hashes run at once at
/// most, so a flood of sign-ins cannot starve the public pages.
#[derive(Clone)]
pub struct PasswordHasher {
    permits: Arc<Semaphore>,
}

impl PasswordHasher {
    pub fn new(concurrent: usize) -> PasswordHasher {
        PasswordHasher {
            permits: Arc::new(Semaphore::new(concurrent.max(1))),
        }
    }

    pub async fn hash(&self, password: Zeroizing<String>) -> Result<String, SecurityError> {
        let _permit = self.permits.acquire().await.map_err(closed)?;
        tokio::task::spawn_blocking(move || credentials::hash_password(&password))
            .await
            .map_err(stopped)?
            .map_err(Into::into)
    }

    /// Checks `password` against `phc`, or against a dummy hash when there is no
    /// account, so both take the same time.
    pub async fn verify(&self, phc: Option<String>, password: Zeroizing<String>) -> bool {
        let Ok(_permit) = self.permits.acquire().await else {
            return false;
        };
        tokio::task::spawn_blocking(move || match phc {
            Some(phc) => credentials::verify_password(&phc, &password),
            None => {
                credentials::verify_against_dummy(&password);
                false
            }
        })
        .await
        .unwrap_or(false)
    }
}

fn closed(_: tokio::sync::AcquireError) -> SecurityError {
    SecurityError::Invalid("the password hasher is shut down".into())
}

fn stopped(e: tokio::task::JoinError) -> SecurityError {
    SecurityError::Invalid(format!("password hashing stopped: {e}"))
}

/// Usernames are lower-case letters, digits, `.`, `_` and `-`, 3 to 64 long, so
/// they read the same on every keyboard and in every log.
pub fn normalize_username(raw: &str) -> Result<String, SecurityError> {
    let username = raw.trim().to_lowercase();
    let valid_chars = username
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'));
    if !(3..=64).contains(&username.len()) || !valid_chars {
        return Err(SecurityError::Invalid(
            "a username has 3 to 64 characters: letters a-z, digits, '.', '_' or '-'".into(),
        ));
    }
    Ok(username)
}

/// A one-time password for a new or reset account: 80 random bits, typed once.
fn one_time_password() -> Zeroizing<String> {
    credentials::generate_recovery_codes(1)
        .pop()
        .unwrap_or_else(|| Zeroizing::new(credentials::random_token()))
}

/// What `add_user` needs to know.
pub struct NewAccount {
    pub organization: Uuid,
    pub username: String,
    pub display_name: String,
    pub role: Role,
}

/// Creates an account that must choose its own password and enrol a second factor
/// at its first sign-in. Returns the account and its one-time password.
pub async fn add_user(
    store: &dyn Store,
    hasher: &PasswordHasher,
    account: NewAccount,
    actor: &Actor,
) -> Result<(StaffUser, Zeroizing<String>), SecurityError> {
    let username = normalize_username(&account.username)?;
    let display_name = account.display_name.trim().to_owned();
    if display_name.is_empty() || display_name.chars().count() > 200 {
        return Err(SecurityError::Invalid(
            "a display name has 1 to 200 characters".into(),
        ));
    }
    let password = one_time_password();
    let user = StaffUser {
        id: Uuid::new_v4(),
        organization_id: account.organization,
        username,
        display_name,
        role: account.role,
        password_hash: hasher.hash(password.clone()).await?,
        must_change_password: true,
        totp_sealed: None,
        totp_last_step: None,
        disabled: false,
        locale: None,
        created_at_ms: now_ms(),
    };
    store
        .create_user(&user, actor.event("staff.add", Some(user.id.to_string())))
        .await
        .map_err(|e| match e {
            StoreError::Rejected(message) => SecurityError::Invalid(message),
            other => other.into(),
        })?;
    Ok((user, password))
}

/// Disables (or re-enables) an account and ends its sessions.
pub async fn set_disabled(
    store: &dyn Store,
    mut user: StaffUser,
    disabled: bool,
    actor: &Actor,
) -> Result<(), SecurityError> {
    user.disabled = disabled;
    let action = if disabled {
        "staff.disable"
    } else {
        "staff.enable"
    };
    store
        .update_user(&user, Some(actor.event(action, Some(user.id.to_string()))))
        .await?;
    store.delete_sessions_of_user(user.id).await?;
    Ok(())
}

/// A lost password or second factor: a new one-time password, the second factor
/// and recovery codes removed (enrolled again at the next sign-in), every session
/// ended.
pub async fn reset(
    store: &dyn Store,
    hasher: &PasswordHasher,
    mut user: StaffUser,
    actor: &Actor,
) -> Result<Zeroizing<String>, SecurityError> {
    let password = one_time_password();
    user.password_hash = hasher.hash(password.clone()).await?;
    user.must_change_password = true;
    user.totp_sealed = None;
    user.totp_last_step = None;
    store
        .update_user(
            &user,
            Some(actor.event("staff.reset", Some(user.id.to_string()))),
        )
        .await?;
    store.replace_recovery_codes(user.id, &[]).await?;
    store.delete_sessions_of_user(user.id).await?;
    Ok(password)
}

/// Sets a password chosen by the user.
pub async fn change_password(
    store: &dyn Store,
    hasher: &PasswordHasher,
    mut user: StaffUser,
    password: Zeroizing<String>,
    actor: &Actor,
) -> Result<(), SecurityError> {
    credentials::check_password_policy(&password)
        .map_err(|e| SecurityError::Invalid(e.to_string()))?;
    user.password_hash = hasher.hash(password).await?;
    user.must_change_password = false;
    store
        .update_user(
            &user,
            Some(actor.event("staff.password_changed", Some(user.id.to_string()))),
        )
        .await?;
    Ok(())
}

/// The context a TOTP secret is sealed under: bound to its account.
pub fn totp_context(user: Uuid) -> String {
    format!("totp/{user}")
}

/// Stores a verified TOTP secret (sealed under the root key) and fresh recovery
/// codes, which are returned to be shown once.
pub async fn enrol_totp(
    store: &dyn Store,
    vault: &Vault,
    mut user: StaffUser,
    secret: &TotpSecret,
    step: i64,
    actor: &Actor,
) -> Result<Vec<Zeroizing<String>>, SecurityError> {
    let sealed =
        vault.with_root(|root_key, _| root_key.seal(&totp_context(user.id), secret.as_bytes()))?;
    user.totp_sealed = Some(sealed);
    user.totp_last_step = Some(step);
    let codes = credentials::generate_recovery_codes(10);
    let digests: Vec<String> = codes
        .iter()
        .map(|code| credentials::recovery_code_digest(code))
        .collect();
    store.replace_recovery_codes(user.id, &digests).await?;
    store
        .update_user(
            &user,
            Some(actor.event("staff.totp_enrolled", Some(user.id.to_string()))),
        )
        .await?;
    Ok(codes)
}

/// Checks a second-factor code: a TOTP code, or else one of the recovery codes
/// (spent by the check).
pub async fn verify_second_factor(
    store: &dyn Store,
    vault: &Vault,
    user: &StaffUser,
    code: &str,
) -> Result<bool, SecurityError> {
    let Some(sealed) = &user.totp_sealed else {
        return Ok(false);
    };
    let secret = vault.with_root(|root_key, _| root_key.open(&totp_context(user.id), sealed))??;
    let secret = TotpSecret::from_bytes(&secret)?;
    let now = u64::try_from(now_ms() / 1000).unwrap_or(0);
    if let Some(step) = secret.verify(code, now, user.totp_last_step) {
        return Ok(store.advance_totp_step(user.id, step).await?);
    }
    let digest = credentials::recovery_code_digest(code);
    if store.use_recovery_code(user.id, &digest).await? {
        store
            .append_audit(
                Actor::Staff {
                    user: user.id,
                    organization: user.organization_id,
                }
                .event("staff.recovery_code_used", Some(user.id.to_string())),
            )
            .await?;
        return Ok(true);
    }
    Ok(false)
}
