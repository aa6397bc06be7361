//! Security keys and passkeys registered as a second factor. The WebAuthn
//! ceremonies themselves (challenges, signatures) belong to the web layer, which
//! speaks the browser's protocol; what is kept of a key, and its audit, is here.

use torchlight_store::{Change, SecurityKey, StaffUser};

use crate::{App, AppError, StaffMember};

/// The security-key service of an [`App`].
pub struct KeyRegistry<'a> {
    pub(crate) app: &'a App,
}

/// The most characters of a key's name ("blue key", "laptop").
const MAX_NAME_CHARS: usize = 100;

impl KeyRegistry<'_> {
    /// A user's keys, oldest first.
    pub async fn of(&self, user: &StaffUser) -> Result<Vec<SecurityKey>, AppError> {
        Ok(self.app.store().security_keys_of(user.id).await?)
    }

    /// `StepUpRequired` unless the staff member stepped up lately: asked before a
    /// registration ceremony starts, so nobody is sent to touch a key in vain.
    pub fn may_change_keys(&self, staff: &StaffMember) -> Result<(), AppError> {
        self.app.sign_in().require_step_up(&staff.session)
    }

    /// Registers a key the web layer has verified, under a name the user chose,
    /// after a step-up; every other session of the user ends with it.
    pub async fn add(
        &self,
        staff: &StaffMember,
        credential_id: String,
        name: &str,
        credential: String,
    ) -> Result<(), AppError> {
        self.may_change_keys(staff)?;
        let name = name.trim();
        if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
            return Err(AppError::Invalid(format!(
                "name: give the key a name of 1 to {MAX_NAME_CHARS} characters"
            )));
        }
        let key = SecurityKey {
            credential_id,
            user_id: staff.user.id,
            name: name.to_owned(),
            credential,
            created_at_ms: self.app.now_ms(),
            last_used_ms: None,
        };
        let unit = self
            .app
            .unit(
                &staff.actor(),
                "staff.security_key_added",
                Some(staff.user.id.to_string()),
            )
            .with(Change::AddSecurityKey(key))
            .with(other_sessions_end(staff));
        self.app.commit(unit).await
    }

    /// Removes one of the staff member's own keys, after a step-up; false when
    /// they have no such key. Every other session of the user ends with it.
    pub async fn remove(&self, staff: &StaffMember, credential_id: &str) -> Result<bool, AppError> {
        self.may_change_keys(staff)?;
        let unit = self
            .app
            .unit(
                &staff.actor(),
                "staff.security_key_removed",
                Some(staff.user.id.to_string()),
            )
            .with(Change::RemoveSecurityKey {
                user: staff.user.id,
                credential_id: credential_id.to_owned(),
            })
            .with(other_sessions_end(staff));
        match self.app.commit(unit).await {
            Ok(()) => Ok(true),
            Err(AppError::Conflict(_)) => Ok(false),
            Err(e) => Err(e),
        }
    }
}

/// A change of credentials signs out every other device of the user.
fn other_sessions_end(staff: &StaffMember) -> Change {
    Change::EndOtherSessionsOfUser {
        user: staff.user.id,
        keep_token_digest: staff.session.token_digest.clone(),
    }
}
