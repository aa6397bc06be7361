//! Cases, encrypted: a fresh data key per case seals its details, and the data key
//! is wrapped to the owning organisation's public key, which needs no unsealed
//! server. Reading needs the organisation's secret key, so it needs the vault.

use torchlight_core::case::{CaseAction, CaseDetails, CaseRelation, CaseStatus, ValidCase};
use torchlight_core::CaseId;
use torchlight_crypto::envelope::DataKey;
use torchlight_crypto::orgkey::OrgSecretKey;
use torchlight_store::{CaseKey, CaseRecord, Change, VisibleCase};
use uuid::Uuid;

use crate::{Actor, App, AppError, Scope, StaffMember};

/// The cases service of an [`App`].
pub struct Cases<'a> {
    pub(crate) app: &'a App,
}

fn content_context(case: CaseId) -> String {
    format!("case/{case}/details")
}

/// How many entries "who looked at this" shows.
const ACCESS_TRAIL_LENGTH: i64 = 200;

/// One line of "who looked at this".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessEntry {
    pub at_ms: i64,
    /// A colleague's name and username; `None` for anyone else (an operator, a
    /// trustee, another organisation).
    pub who: Option<String>,
    pub action: String,
}

/// A case with its details decrypted.
pub struct OpenCase {
    pub record: CaseRecord,
    pub details: CaseDetails,
}

fn decrypt(visible: VisibleCase, secret: &OrgSecretKey) -> Result<OpenCase, AppError> {
    let data_key = DataKey::unwrap(&visible.key.wrapped_key, secret)?;
    let plaintext = data_key.open(&content_context(visible.record.id), &visible.record.content)?;
    let details: CaseDetails = serde_json::from_slice(&plaintext).map_err(|e| {
        AppError::Internal(format!(
            "stored case {} does not decode: {e}",
            visible.record.id
        ))
    })?;
    Ok(OpenCase {
        record: visible.record,
        details,
    })
}

impl Cases<'_> {
    /// Encrypts and stores a new case owned by `scope`.
    pub async fn create(
        &self,
        scope: Scope,
        case: ValidCase,
        actor: &Actor,
    ) -> Result<CaseId, AppError> {
        let scope = scope.organization();
        // Only to a key shown to be the organisation's own: one a database writer
        // added would let them read every case recorded after it.
        let (key, recipient) = self.app.keyring().recipient_key(scope).await?;
        let id = CaseId::from_uuid(Uuid::new_v4());
        let data_key = DataKey::generate();
        let plaintext = zeroize::Zeroizing::new(
            serde_json::to_vec(&case.details)
                .map_err(|e| AppError::Internal(format!("cannot encode a case: {e}")))?,
        );
        let now = self.app.now_ms();
        let record = CaseRecord {
            id,
            organization_id: scope,
            country: case.country,
            urgency: case.urgency,
            status: CaseStatus::Open,
            created_at_ms: now,
            updated_at_ms: now,
            content: data_key.seal(&content_context(id), &plaintext),
        };
        let keys = vec![CaseKey {
            case_id: id,
            organization_id: scope,
            key_version: key.version,
            wrapped_key: data_key.wrap(&recipient),
        }];
        let unit = self
            .app
            .unit(actor, "case.create", Some(id.to_string()))
            .with(Change::CreateCase {
                scope,
                record,
                keys,
            });
        self.app.commit(unit).await?;
        Ok(id)
    }

    /// Opens one case `scope` can read, recording the view first: no content
    /// leaves unless the audit entry is written. `None` when there is no such case
    /// for `scope`.
    pub async fn open(
        &self,
        scope: Scope,
        id: CaseId,
        actor: &Actor,
    ) -> Result<Option<OpenCase>, AppError> {
        if self.app.vault().is_sealed() {
            return Err(AppError::Sealed);
        }
        let Some(visible) = self.readable(scope, id, CaseAction::Open).await? else {
            return Ok(None);
        };
        let scope = scope.organization();
        let secret = self
            .app
            .keyring()
            .organization_secret(scope, visible.key.key_version)
            .await?;
        self.app
            .commit(self.app.unit(actor, "case.view", Some(id.to_string())))
            .await?;
        decrypt(visible, &secret).map(Some)
    }

    /// Every case `scope` can read, newest first, decrypted for the case list
    /// (which shows each defender's name). The listing is recorded, and so is each
    /// case it shows, in that case's own trail (`case.listed`): nobody reads a name
    /// from the list without appearing in the case's access log.
    pub async fn list(&self, scope: Scope, actor: &Actor) -> Result<Vec<OpenCase>, AppError> {
        let scope = scope.organization();
        if self.app.vault().is_sealed() {
            return Err(AppError::Sealed);
        }
        let store = self.app.store();
        let visible = store.cases_visible_to(scope).await?;
        let unit = visible
            .iter()
            .fold(self.app.unit(actor, "case.list", None), |unit, case| {
                unit.and_record(self.app.event(
                    actor,
                    "case.listed",
                    Some(case.record.id.to_string()),
                ))
            });
        self.app.commit(unit).await?;
        let mut open = Vec::with_capacity(visible.len());
        let mut secrets: Vec<(i64, OrgSecretKey)> = Vec::new();
        for case in visible {
            let version = case.key.key_version;
            let secret = match secrets.iter().find(|(v, _)| *v == version) {
                Some((_, secret)) => secret.clone(),
                None => {
                    let secret = self
                        .app
                        .keyring()
                        .organization_secret(scope, version)
                        .await?;
                    secrets.push((version, secret.clone()));
                    secret
                }
            };
            open.push(decrypt(case, &secret)?);
        }
        Ok(open)
    }

    /// Erases a case `scope` owns: its wrapped keys go first, so the content can
    /// never be decrypted again. False when `scope` may not erase such a case
    /// (none it can read, or one it was only sent).
    pub async fn erase(&self, scope: Scope, id: CaseId, actor: &Actor) -> Result<bool, AppError> {
        let Some(case) = self.readable(scope, id, CaseAction::Erase).await? else {
            return Ok(false);
        };
        let unit = self
            .app
            .unit(actor, "case.erase", Some(id.to_string()))
            .with(Change::EraseCase {
                owner: case.record.organization_id,
                case: id,
            });
        match self.app.commit(unit).await {
            Ok(()) => {
                // The erase stands whatever happens here; a copy left in the WAL
                // goes at the next erasure's checkpoint.
                if let Err(e) = self.app.store().purge_erased().await {
                    tracing::warn!(error = %e, "could not clear the erased case from the WAL");
                }
                Ok(true)
            }
            // Erased meanwhile by another request: nothing erased, nothing recorded.
            Err(AppError::Conflict(_)) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// The case `id` as `scope` can read it, when `scope`'s relation to it allows
    /// `action` (`core::case::CaseRelation`); `None` otherwise, so a case that may
    /// not be acted on looks like one that does not exist.
    async fn readable(
        &self,
        scope: Scope,
        id: CaseId,
        action: CaseAction,
    ) -> Result<Option<VisibleCase>, AppError> {
        let reader = scope.organization();
        let visible = self.app.store().case_visible_to(reader, id).await?;
        Ok(visible
            .filter(|case| CaseRelation::of(case.record.organization_id, reader).allows(action)))
    }

    /// "Who looked at this": the newest entries of the audit chain about one case
    /// the staff member's organisation owns, each with who it was (a colleague's
    /// name, or `None` for anyone outside the organisation). `None` when the case
    /// is not theirs. Looking is itself recorded.
    pub async fn access_trail(
        &self,
        staff: &StaffMember,
        id: CaseId,
    ) -> Result<Option<Vec<AccessEntry>>, AppError> {
        if self
            .readable(staff.scope(), id, CaseAction::ViewAccessTrail)
            .await?
            .is_none()
        {
            return Ok(None);
        }
        let store = self.app.store();
        let scope = staff.scope().organization();
        let entries = store.audit_of_case(scope, id, ACCESS_TRAIL_LENGTH).await?;
        let unit = self
            .app
            .unit(&staff.actor(), "case.access_viewed", Some(id.to_string()));
        self.app.commit(unit).await?;
        let colleagues = store.users_of_organization(scope).await?;
        Ok(Some(
            entries
                .into_iter()
                .map(|entry| AccessEntry {
                    who: colleagues
                        .iter()
                        .find(|u| u.id.to_string() == entry.event.actor)
                        .map(|u| format!("{} ({})", u.display_name, u.username)),
                    at_ms: entry.event.at_ms,
                    action: entry.event.action,
                })
                .collect(),
        ))
    }
}
