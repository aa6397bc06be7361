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

    /// Registers a key the web layer has verified, under a name the user chose.
    pub async fn add(
        &self,
        staff: &StaffMember,
        credential_id: String,
        name: &str,
        credential: String,
    ) -> Result<(), AppError> {
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
            .with(Change::AddSecurityKey(key));
        self.app.commit(unit).await
    }

    /// Removes one of the staff member's own keys; false when they have no such key.
    pub async fn remove(&self, staff: &StaffMember, credential_id: &str) -> Result<bool, AppError> {
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
            });
        match self.app.commit(unit).await {
            Ok(()) => Ok(true),
            Err(AppError::Conflict(_)) => Ok(false),
            Err(e) => Err(e),
        }
    }
}
