//! Cases, encrypted: a fresh data key per case seals its details, and the data key
//! is wrapped to the owning organisation's public key, which needs no unsealed
//! server. Reading needs the organisation's secret key, so it needs the vault.

use torchlight_core::case::{CaseDetails, ValidCase};
use torchlight_crypto::envelope::DataKey;
use torchlight_crypto::orgkey::OrgPublicKey;
use torchlight_crypto::vault::Vault;
use torchlight_store::{CaseKey, CaseRecord, Store, VisibleCase};
use uuid::Uuid;

use super::keyring::organization_secret;
use super::{now_ms, Actor, SecurityError};

fn content_context(case: Uuid) -> String {
    format!("case/{case}/details")
}

/// Encrypts and stores a new case owned by `scope`.
pub async fn create(
    store: &dyn Store,
    scope: Uuid,
    case: ValidCase,
    actor: &Actor,
) -> Result<Uuid, SecurityError> {
    let key = store
        .current_organization_key(scope)
        .await?
        .ok_or(SecurityError::NoOrganizationKey(scope))?;
    let recipient = OrgPublicKey::parse(&key.public_key)?;
    let id = Uuid::new_v4();
    let data_key = DataKey::generate();
    let plaintext = zeroize::Zeroizing::new(
        serde_json::to_vec(&case.details)
            .map_err(|e| SecurityError::Invalid(format!("cannot encode the case: {e}")))?,
    );
    let now = now_ms();
    let record = CaseRecord {
        id,
        organization_id: scope,
        country: case.country,
        urgency: case.urgency.code().to_owned(),
        status: "open".to_owned(),
        created_at_ms: now,
        updated_at_ms: now,
        content: data_key.seal(&content_context(id), &plaintext),
    };
    let keys = [CaseKey {
        case_id: id,
        organization_id: scope,
        key_version: key.version,
        wrapped_key: data_key.wrap(&recipient),
    }];
    store
        .create_case(
            scope,
            &record,
            &keys,
            actor.event("case.create", Some(id.to_string())),
        )
        .await?;
    Ok(id)
}

/// A case with its details decrypted.
pub struct OpenCase {
    pub record: CaseRecord,
    pub details: CaseDetails,
}

fn decrypt(
    visible: VisibleCase,
    secret: &torchlight_crypto::orgkey::OrgSecretKey,
) -> Result<OpenCase, SecurityError> {
    let data_key = DataKey::unwrap(&visible.key.wrapped_key, secret)?;
    let plaintext = data_key.open(&content_context(visible.record.id), &visible.record.content)?;
    let details: CaseDetails = serde_json::from_slice(&plaintext)
        .map_err(|e| SecurityError::Invalid(format!("a stored case does not decode: {e}")))?;
    Ok(OpenCase {
        record: visible.record,
        details,
    })
}

/// Opens one case `scope` can read, recording the view first: no content leaves
/// unless the audit entry is written. `None` when there is no such case for `scope`.
pub async fn open(
    store: &dyn Store,
    vault: &Vault,
    scope: Uuid,
    id: Uuid,
    actor: &Actor,
) -> Result<Option<OpenCase>, SecurityError> {
    if vault.is_sealed() {
        return Err(SecurityError::Sealed);
    }
    let Some(visible) = store.case_visible_to(scope, id).await? else {
        return Ok(None);
    };
    let secret = organization_secret(store, vault, scope, visible.key.key_version).await?;
    store
        .append_audit(actor.event("case.view", Some(id.to_string())))
        .await?;
    decrypt(visible, &secret).map(Some)
}

/// Every case `scope` can read, newest first, decrypted for the case list. The
/// listing is recorded once, naming no case.
pub async fn list(
    store: &dyn Store,
    vault: &Vault,
    scope: Uuid,
    actor: &Actor,
) -> Result<Vec<OpenCase>, SecurityError> {
    if vault.is_sealed() {
        return Err(SecurityError::Sealed);
    }
    let visible = store.cases_visible_to(scope).await?;
    store.append_audit(actor.event("case.list", None)).await?;
    let mut open = Vec::with_capacity(visible.len());
    let mut secrets: Vec<(i64, torchlight_crypto::orgkey::OrgSecretKey)> = Vec::new();
    for case in visible {
        let version = case.key.key_version;
        let secret = match secrets.iter().find(|(v, _)| *v == version) {
            Some((_, secret)) => secret.clone(),
            None => {
                let secret = organization_secret(store, vault, scope, version).await?;
                secrets.push((version, secret.clone()));
                secret
            }
        };
        open.push(decrypt(case, &secret)?);
    }
    Ok(open)
}

/// Erases a case owned by `scope`: its wrapped keys go first, so the content can
/// never be decrypted again. False when `scope` owns no such case.
pub async fn erase(
    store: &dyn Store,
    scope: Uuid,
    id: Uuid,
    actor: &Actor,
) -> Result<bool, SecurityError> {
    Ok(store
        .erase_case(scope, id, actor.event("case.erase", Some(id.to_string())))
        .await?)
}
