//! Staff accounts: creating them with a one-time password, disabling, resetting,
//! changing a password, and the second factor.

use torchlight_core::access::Role;
use torchlight_core::signin::SignInStep;
use torchlight_core::{OrganizationId, UserId};
use torchlight_crypto::credentials::{self, TotpSecret};
use torchlight_store::{Change, Session, StaffUser};
use uuid::Uuid;
use zeroize::Zeroizing;

use crate::{Actor, App, AppError, Scope, StaffMember};

/// The accounts service of an [`App`].
pub struct Accounts<'a> {
    pub(crate) app: &'a App,
}

/// Usernames are lower-case letters, digits, `.`, `_` and `-`, 3 to 64 long, so
/// they read the same on every keyboard and in every log.
pub fn normalize_username(raw: &str) -> Result<String, AppError> {
    let username = raw.trim().to_lowercase();
    let valid_chars = username
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'));
    if !(3..=64).contains(&username.len()) || !valid_chars {
        return Err(AppError::Invalid(
            "username: 3 to 64 characters: letters a-z, digits, '.', '_' or '-'".into(),
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
    pub organization: OrganizationId,
    pub username: String,
    pub display_name: String,
    pub role: Role,
}

/// The context a TOTP secret is sealed under: bound to its account.
pub fn totp_context(user: UserId) -> String {
    format!("totp/{user}")
}

impl Accounts<'_> {
    /// An administrator adds an account to their own organisation, with a role an
    /// organisation may give.
    pub async fn add_colleague(
        &self,
        admin: &StaffMember,
        username: String,
        display_name: String,
        role: Role,
    ) -> Result<(StaffUser, Zeroizing<String>), AppError> {
        if !role.grantable_by_organization() {
            return Err(AppError::Invalid(format!(
                "role: {role} cannot be given here"
            )));
        }
        let account = NewAccount {
            organization: admin.scope().organization(),
            username,
            display_name,
            role,
        };
        self.add_user(account, &admin.actor()).await
    }

    /// The accounts of the scope's organisation, by username.
    pub async fn of_organization(&self, scope: Scope) -> Result<Vec<StaffUser>, AppError> {
        Ok(self
            .app
            .store()
            .users_of_organization(scope.organization())
            .await?)
    }

    /// A colleague of `admin` in their organisation, never `admin` themselves (an
    /// administrator cannot lock themselves out here). `None` for anyone else, so
    /// another organisation's account is simply not found.
    pub async fn colleague(
        &self,
        admin: &StaffMember,
        id: UserId,
    ) -> Result<Option<StaffUser>, AppError> {
        let user = self
            .app
            .store()
            .user(id)
            .await?
            .filter(|u| u.organization_id == admin.scope().organization());
        if user.as_ref().is_some_and(|u| u.id == admin.user.id) {
            return Err(AppError::Invalid(
                "you cannot change your own account here".into(),
            ));
        }
        Ok(user)
    }

    /// An account by username, as an operator types it.
    pub async fn by_username(&self, username: &str) -> Result<Option<StaffUser>, AppError> {
        let username = normalize_username(username)?;
        Ok(self.app.store().user_by_username(&username).await?)
    }

    /// How many unused recovery codes the user has left.
    pub async fn recovery_codes_left(&self, user: &StaffUser) -> Result<i64, AppError> {
        Ok(self.app.store().remaining_recovery_codes(user.id).await?)
    }

    /// Creates an account that must choose its own password and enrol a second
    /// factor at its first sign-in. Returns the account and its one-time password.
    pub async fn add_user(
        &self,
        account: NewAccount,
        actor: &Actor,
    ) -> Result<(StaffUser, Zeroizing<String>), AppError> {
        let password = one_time_password();
        let user = self.create(account, password.clone(), true, actor).await?;
        Ok((user, password))
    }

    /// Creates an account whose password is already known and need not be
    /// changed: only for the demo, whose passwords are published.
    pub async fn add_demo_user(
        &self,
        account: NewAccount,
        password: Zeroizing<String>,
    ) -> Result<StaffUser, AppError> {
        self.create(account, password, false, &Actor::Operator)
            .await
    }

    async fn create(
        &self,
        account: NewAccount,
        password: Zeroizing<String>,
        must_change_password: bool,
        actor: &Actor,
    ) -> Result<StaffUser, AppError> {
        let username = normalize_username(&account.username)?;
        let display_name = account.display_name.trim().to_owned();
        if display_name.is_empty() || display_name.chars().count() > 200 {
            return Err(AppError::Invalid(
                "display name: 1 to 200 characters".into(),
            ));
        }
        let user = StaffUser {
            id: UserId::from_uuid(Uuid::new_v4()),
            organization_id: account.organization,
            username,
            display_name,
            role: account.role,
            password_hash: self.app.hasher().hash(password).await?,
            must_change_password,
            totp_sealed: None,
            totp_last_step: None,
            disabled: false,
            locale: None,
            created_at_ms: self.app.now_ms(),
        };
        let unit = self
            .app
            .unit(actor, "staff.add", Some(user.id.to_string()))
            .with(Change::CreateUser(user.clone()));
        self.app.commit(unit).await?;
        Ok(user)
    }

    /// Disables (or re-enables) an account and ends its sessions.
    pub async fn set_disabled(
        &self,
        user: StaffUser,
        disabled: bool,
        actor: &Actor,
    ) -> Result<(), AppError> {
        let action = if disabled {
            "staff.disable"
        } else {
            "staff.enable"
        };
        let unit = self
            .app
            .unit(actor, action, Some(user.id.to_string()))
            .with(Change::SetDisabled {
                user: user.id,
                disabled,
            });
        self.app.commit(unit).await
    }

    /// The account `username` as a staff member, for the demo's fictional case
    /// work: done in a demo account's name through the same operations as a
    /// signed-in caseworker's, and audited as theirs. Its session is a
    /// placeholder that is never stored, so nothing signs in with it. `None`
    /// for no such enabled account.
    pub async fn demo_member(
        &self,
        username: &str,
    ) -> Result<Option<crate::StaffMember>, AppError> {
        let Some(user) = self.by_username(username).await? else {
            return Ok(None);
        };
        if user.disabled {
            return Ok(None);
        }
        let now = self.app.now_ms();
        let session = torchlight_store::Session {
            token_digest: String::new(),
            user_id: user.id,
            csrf_token: String::new(),
            created_at_ms: now,
            last_seen_ms: now,
            second_factor: true,
        };
        Ok(Some(crate::StaffMember::new(user, session)))
    }

    /// The language `staff`'s pages are shown in (a locale code staff pages
    /// are written in), or none to follow the browser. Their own choice.
    pub async fn set_locale(
        &self,
        staff: &crate::StaffMember,
        locale: Option<String>,
    ) -> Result<(), AppError> {
        let user = staff.user.id;
        let unit = self
            .app
            .unit(&staff.actor(), "staff.locale", Some(user.to_string()))
            .with(Change::SetLocale { user, locale });
        self.app.commit(unit).await
    }

    /// A lost password or second factor: a new one-time password, the second
    /// factor and recovery codes removed (enrolled again at the next sign-in),
    /// every session ended.
    pub async fn reset(
        &self,
        user: StaffUser,
        actor: &Actor,
    ) -> Result<Zeroizing<String>, AppError> {
        let password = one_time_password();
        let new_hash = self.app.hasher().hash(password.clone()).await?;
        let unit = self
            .app
            .unit(actor, "staff.reset", Some(user.id.to_string()))
            .with(Change::ResetCredentials {
                user: user.id,
                new_hash,
            });
        self.app.commit(unit).await?;
        Ok(password)
    }

    /// A password the user chose, in their own `session`: at the first sign-in
    /// (a one-time password to replace, just typed), or later after a step-up.
    /// Every other session of the user ends with it.
    pub async fn change_own_password(
        &self,
        session: &Session,
        user: StaffUser,
        password: Zeroizing<String>,
    ) -> Result<StaffUser, AppError> {
        let first_sign_in = crate::signin::step_of(&user, session) == SignInStep::ChangePassword;
        if !first_sign_in {
            self.app.sign_in().require_step_up(session)?;
        }
        let actor = Actor::of(&user);
        self.set_password(user, password, &actor, Some(session.token_digest.clone()))
            .await
    }

    /// Sets a password for the user (the operator's path, with no session to
    /// keep); returns the account as it now is.
    pub async fn change_password(
        &self,
        user: StaffUser,
        password: Zeroizing<String>,
        actor: &Actor,
    ) -> Result<StaffUser, AppError> {
        self.set_password(user, password, actor, None).await
    }

    /// Sets a password, ending every session of the user but `keep`.
    async fn set_password(
        &self,
        mut user: StaffUser,
        password: Zeroizing<String>,
        actor: &Actor,
        keep: Option<String>,
    ) -> Result<StaffUser, AppError> {
        credentials::check_password_policy(&password)
            .map_err(|e| AppError::Invalid(format!("password: {e}")))?;
        let new_hash = self.app.hasher().hash(password).await?;
        // Guarded by the hash read at the start of the request: a reset or a
        // disable that lands while this one hashes is not undone by it.
        let unit = self
            .app
            .unit(actor, "staff.password_changed", Some(user.id.to_string()))
            .with(Change::ChangePassword {
                user: user.id,
                expected_hash: user.password_hash.clone(),
                new_hash: new_hash.clone(),
            })
            .with(match keep {
                Some(keep_token_digest) => Change::EndOtherSessionsOfUser {
                    user: user.id,
                    keep_token_digest,
                },
                None => Change::EndSessionsOfUser { user: user.id },
            });
        self.app.commit(unit).await?;
        user.password_hash = new_hash;
        user.must_change_password = false;
        Ok(user)
    }

    /// Enrolling a verified TOTP secret (sealed under the root key) with fresh
    /// recovery codes: the change, to be committed by the sign-in step that enrols
    /// together with the new session, the codes to show once, and the account as
    /// it will be.
    pub(crate) fn totp_enrolment(
        &self,
        user: &StaffUser,
        secret: &TotpSecret,
        step: i64,
    ) -> Result<TotpEnrolment, AppError> {
        let totp_sealed = self
            .app
            .vault()
            .with_root(|root_key, _| root_key.seal(&totp_context(user.id), secret.as_bytes()))?;
        let codes = credentials::generate_recovery_codes(10);
        let recovery_digests = codes
            .iter()
            .map(|code| credentials::recovery_code_digest(code))
            .collect();
        let mut enrolled = user.clone();
        enrolled.totp_sealed = Some(totp_sealed.clone());
        enrolled.totp_last_step = Some(step);
        Ok(TotpEnrolment {
            change: Change::EnrolTotp {
                user: user.id,
                totp_sealed,
                step,
                recovery_digests,
            },
            codes,
            enrolled,
        })
    }

    /// Enrols a verified TOTP secret and fresh recovery codes on its own (an
    /// operator, or a test's fixture). Returns the codes, to be shown once.
    pub async fn enrol_totp(
        &self,
        user: &StaffUser,
        secret: &TotpSecret,
        step: i64,
        actor: &Actor,
    ) -> Result<Vec<Zeroizing<String>>, AppError> {
        let enrolment = self.totp_enrolment(user, secret, step)?;
        let unit = self
            .app
            .unit(actor, "staff.totp_enrolled", Some(user.id.to_string()))
            .with(enrolment.change);
        self.app.commit(unit).await?;
        Ok(enrolment.codes)
    }

    /// The TOTP step a freshly shown secret's `code` matches now, if any: how
    /// enrolment checks that the user's app reads the secret right.
    pub fn totp_step_of(&self, secret: &TotpSecret, code: &str) -> Option<i64> {
        secret.verify(code, self.app.clock().now_unix_seconds(), None)
    }

    /// What a second-factor `code` would spend: the TOTP step it matches, or else
    /// a recovery code of that value. Committing the change is the check's second
    /// half: a step used already, or a recovery code that does not exist unused,
    /// fails the unit (`Conflict`), so a code works once even when sent twice at once.
    pub(crate) fn second_factor_spend(
        &self,
        user: &StaffUser,
        code: &str,
    ) -> Result<Option<SecondFactorSpend>, AppError> {
        let Some(sealed) = &user.totp_sealed else {
            return Ok(None);
        };
        let secret = self
            .app
            .vault()
            .with_root(|root_key, _| root_key.open(&totp_context(user.id), sealed))??;
        let secret = TotpSecret::from_bytes(&secret)?;
        let now = self.app.clock().now_unix_seconds();
        if let Some(step) = secret.verify(code, now, user.totp_last_step) {
            return Ok(Some(SecondFactorSpend::Totp(Change::AdvanceTotpStep {
                user: user.id,
                step,
            })));
        }
        Ok(Some(SecondFactorSpend::RecoveryCode(
            Change::SpendRecoveryCode {
                user: user.id,
                digest: credentials::recovery_code_digest(code),
                at_ms: self.app.now_ms(),
            },
        )))
    }
}

pub(crate) struct TotpEnrolment {
    pub change: Change,
    pub codes: Vec<Zeroizing<String>>,
    pub enrolled: StaffUser,
}

/// How a second factor is spent.
pub(crate) enum SecondFactorSpend {
    Totp(Change),
    RecoveryCode(Change),
}
