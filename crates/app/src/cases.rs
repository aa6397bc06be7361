//! Cases, encrypted: a fresh data key per case seals its details, and the data key
//! is wrapped to the owning organisation's public key, which needs no unsealed
//! server. Reading needs the organisation's secret key, so it needs the vault.
//!
//! A case's owner, country, urgency, status and creation time stay in clear, for
//! ordering and counting. They are bound to the content twice: they are the
//! content's associated data (change one and the content no longer opens), and
//! the deployment's signing key signs them with a digest of the content (the
//! case's binding), so that planting a case takes more than the organisation's
//! public key. A case whose binding does not check is refused and recorded.

use torchlight_core::case::{CaseAction, CaseDetails, CaseRelation, CaseStatus, ValidCase};
use torchlight_core::{CaseId, OrganizationId};
use torchlight_crypto::envelope::DataKey;
use torchlight_crypto::orgkey::OrgSecretKey;
use torchlight_crypto::signer::{CaseFacts, Signer, SignerPublicKey};
use torchlight_store::{CaseKey, CaseRecord, Change, VisibleCase};

use crate::{Actor, App, AppError, Scope, StaffMember};

/// The cases service of an [`App`].
pub struct Cases<'a> {
    pub(crate) app: &'a App,
}

/// The content's associated data: its id and every field kept in clear.
/// A case whose content does not open with its stored clear fields.
fn tampered(id: CaseId) -> AppError {
    AppError::Tampered(format!(
        "case {id}: its content does not open with its stored fields"
    ))
}

pub(crate) fn content_context(record: &CaseRecord) -> String {
    format!(
        "case/{}/details/v2/{}/{}/{}/{}/{}",
        record.id,
        record.organization_id,
        record.country.as_str(),
        record.urgency.code(),
        record.status.code(),
        record.created_at_ms
    )
}

/// The associated data of cases sealed before the metadata was bound.
fn legacy_content_context(case: CaseId) -> String {
    format!("case/{case}/details")
}

/// What a case's binding signs, as strings held by the caller.
struct Facts {
    id: String,
    owner: String,
}

impl Facts {
    fn of(record: &CaseRecord) -> Facts {
        Facts {
            id: record.id.to_string(),
            owner: record.organization_id.to_string(),
        }
    }

    fn view<'a>(&'a self, record: &'a CaseRecord) -> CaseFacts<'a> {
        CaseFacts {
            id: &self.id,
            owner: &self.owner,
            country: record.country.as_str(),
            urgency: record.urgency.code(),
            status: record.status.code(),
            created_at_ms: record.created_at_ms,
            content: &record.content,
        }
    }
}

/// Signs `record` as it now is.
pub(crate) fn bind(record: &mut CaseRecord, signer: &Signer) {
    let facts = Facts::of(record);
    record.binding = Some(signer.bind_case(&facts.view(record)).to_vec());
}

/// Whether `record`'s binding is `signer`'s over its facts as stored.
fn bound(record: &CaseRecord, signer: &SignerPublicKey) -> bool {
    let facts = Facts::of(record);
    record
        .binding
        .as_deref()
        .is_some_and(|binding| signer.verifies_case(&facts.view(record), binding))
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
    /// What was added since (a defender's messages and new risks), oldest first;
    /// filled by `open`, empty in lists.
    pub entries: Vec<(torchlight_store::CaseEntry, crate::intake::EntryContent)>,
}

fn decrypt(
    visible: VisibleCase,
    secret: &OrgSecretKey,
    signer: &SignerPublicKey,
) -> Result<OpenCase, AppError> {
    decrypt_keeping_key(visible, secret, signer).map(|(open, _)| open)
}

/// `decrypt`, with the case's data key, to open its entries too.
pub(crate) fn decrypt_keeping_key(
    visible: VisibleCase,
    secret: &OrgSecretKey,
    signer: &SignerPublicKey,
) -> Result<(OpenCase, DataKey), AppError> {
    if !bound(&visible.record, signer) {
        return Err(AppError::Tampered(format!(
            "case {}: its binding does not match its owner, country, urgency, status, \
             creation time or content (changed, or planted)",
            visible.record.id
        )));
    }
    let data_key = DataKey::unwrap(&visible.key.wrapped_key, secret)?;
    let plaintext = data_key
        .open(&content_context(&visible.record), &visible.record.content)
        .map_err(|_| tampered(visible.record.id))?;
    let details: CaseDetails = serde_json::from_slice(&plaintext).map_err(|e| {
        AppError::Internal(format!(
            "stored case {} does not decode: {e}",
            visible.record.id
        ))
    })?;
    Ok((
        OpenCase {
            record: visible.record,
            details,
            entries: Vec::new(),
        },
        data_key,
    ))
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
        let now = self.app.now_ms();
        let id = CaseId::from_uuid(crate::ids::time_ordered(now));
        let data_key = DataKey::generate();
        let plaintext = zeroize::Zeroizing::new(
            serde_json::to_vec(&case.details)
                .map_err(|e| AppError::Internal(format!("cannot encode a case: {e}")))?,
        );
        let signer = self.app.vault().signer().ok_or(AppError::Sealed)?;
        let mut record = CaseRecord {
            id,
            organization_id: scope,
            country: case.country,
            urgency: case.urgency,
            status: CaseStatus::Open,
            created_at_ms: now,
            updated_at_ms: now,
            content: Vec::new(),
            binding: None,
        };
        record.content = data_key.seal(&content_context(&record), &plaintext);
        bind(&mut record, &signer);
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

    /// Stores `cases` for organisation `scope` all together or not at all, each
    /// recorded as `cases.imported`: what an organisation moving from a
    /// spreadsheet brings. Works sealed, as intake does: each case is sealed to
    /// the organisation's authenticated public key and arrives as a new case in
    /// its triage queue, unbound (the signing key lives only in an unsealed
    /// server's memory); the organisation's first read binds it, as it binds a
    /// request that came in while sealed. The ids, in the order given.
    pub async fn import(
        &self,
        scope: OrganizationId,
        cases: Vec<ValidCase>,
        actor: &Actor,
    ) -> Result<Vec<CaseId>, AppError> {
        let (key, recipient) = self.app.keyring().recipient_key(scope).await?;
        let now = self.app.now_ms();
        let mut ids = Vec::with_capacity(cases.len());
        let mut unit = self
            .app
            .unit(actor, "cases.import", Some(scope.to_string()));
        for case in cases {
            let id = CaseId::from_uuid(crate::ids::time_ordered(now));
            let data_key = DataKey::generate();
            let plaintext = zeroize::Zeroizing::new(
                serde_json::to_vec(&case.details)
                    .map_err(|e| AppError::Internal(format!("cannot encode a case: {e}")))?,
            );
            let mut record = CaseRecord {
                id,
                organization_id: scope,
                country: case.country,
                urgency: case.urgency,
                status: CaseStatus::New,
                created_at_ms: now,
                updated_at_ms: now,
                content: Vec::new(),
                binding: None,
            };
            record.content = data_key.seal(&content_context(&record), &plaintext);
            let keys = vec![CaseKey {
                case_id: id,
                organization_id: scope,
                key_version: key.version,
                wrapped_key: data_key.wrap(&recipient),
            }];
            unit = unit
                .and_record(
                    self.app
                        .event(actor, "cases.imported", Some(id.to_string())),
                )
                .with(Change::CreateCase {
                    scope,
                    record,
                    keys,
                });
            ids.push(id);
        }
        self.app.commit(unit).await?;
        Ok(ids)
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
        let Some(mut visible) = self.readable(scope, id, CaseAction::Open).await? else {
            return Ok(None);
        };
        let reader = scope.organization();
        // A request that came in while sealed is bound before it is read.
        if visible.record.binding.is_none()
            && visible.record.organization_id == reader
            && self.bind_unbound_of(reader).await?
        {
            match self.readable(scope, id, CaseAction::Open).await? {
                Some(bound) => visible = bound,
                None => return Ok(None),
            }
        }
        let scope = reader;
        let secret = self
            .app
            .keyring()
            .organization_secret(scope, visible.key.key_version)
            .await?;
        let signer = self.signer_public()?;
        self.app
            .commit(self.app.unit(actor, "case.view", Some(id.to_string())))
            .await?;
        match decrypt_keeping_key(visible, &secret, &signer) {
            Ok((mut open, data_key)) => {
                for entry in self.app.store().case_entries(id).await? {
                    match crate::intake::open_entry(&data_key, &entry) {
                        Ok(content) => open.entries.push((entry, content)),
                        // One altered entry does not hide the case: it is left
                        // out, and recorded.
                        Err(AppError::Tampered(_)) => self.record_tampered(id).await?,
                        Err(e) => return Err(e),
                    }
                }
                Ok(Some(open))
            }
            Err(tampered @ AppError::Tampered(_)) => {
                self.record_tampered(id).await?;
                Err(tampered)
            }
            Err(e) => Err(e),
        }
    }

    /// The signing key's public half, as the unsealed vault derived it.
    pub(crate) fn signer_public(&self) -> Result<SignerPublicKey, AppError> {
        self.app
            .vault()
            .signer()
            .map(|signer| signer.public_key())
            .ok_or(AppError::Sealed)
    }

    /// Records a case whose stored fields or binding do not check, for the trail
    /// and the log.
    pub(crate) async fn record_tampered(&self, id: CaseId) -> Result<(), AppError> {
        tracing::error!(case = %id, "a stored case does not match its binding");
        let unit = self
            .app
            .unit(&Actor::System, "case.tamper_found", Some(id.to_string()));
        self.app.commit(unit).await
    }

    /// Every case whose binding checks under the current signing key, bound
    /// again by `next` (a root rotation's): the changes, for the rotation's unit.
    /// A case whose binding does not check stays as it is, refused when read.
    pub(crate) async fn rebound(&self, next: &Signer) -> Result<Vec<Change>, AppError> {
        let current = self.signer_public()?;
        let store = self.app.store();
        let owners = self.app.keyring().organizations_keyed().await?;
        let mut changes = Vec::new();
        for owner in owners {
            for visible in store.cases_visible_to(owner).await? {
                let mut record = visible.record;
                if record.organization_id != owner || !bound(&record, &current) {
                    continue;
                }
                bind(&mut record, next);
                changes.push(Change::UpdateCase {
                    scope: owner,
                    record,
                });
            }
        }
        Ok(changes)
    }

    /// Binds every unbound case of every organisation (at unseal).
    pub(crate) async fn bind_unbound(&self) -> Result<(), AppError> {
        let owners = self.app.keyring().organizations_keyed().await?;
        for owner in owners {
            self.bind_unbound_of(owner).await?;
        }
        Ok(())
    }

    /// Binds the cases of `owner` that have no binding: requests that came in
    /// while the server was sealed (status `new`, their content opening under the
    /// current associated data; anyone may send a request, so binding one grants
    /// nothing the public form does not) and cases sealed before bindings existed
    /// (sealed again under it first). A case whose content opens neither way is left alone,
    /// and refused when read. True when any was bound.
    async fn bind_unbound_of(&self, owner: OrganizationId) -> Result<bool, AppError> {
        let Some(signer) = self.app.vault().signer() else {
            return Err(AppError::Sealed);
        };
        let mut unit: Option<torchlight_store::UnitOfWork> = None;
        for visible in self.app.store().cases_visible_to(owner).await? {
            let record = &visible.record;
            if record.binding.is_some() || record.organization_id != owner {
                continue;
            }
            let secret = self
                .app
                .keyring()
                .organization_secret(owner, visible.key.key_version)
                .await?;
            let Ok(data_key) = DataKey::unwrap(&visible.key.wrapped_key, &secret) else {
                continue;
            };
            let mut record = visible.record.clone();
            let action = "case.bound";
            let current = data_key
                .open(&content_context(&record), &record.content)
                .is_ok();
            // Under the current associated data, only a request may be unbound
            // (one that came in while sealed): an unbound case in any other state
            // was not written by this server, and stays refused.
            if current && record.status != CaseStatus::New {
                continue;
            }
            if !current {
                let Ok(plaintext) =
                    data_key.open(&legacy_content_context(record.id), &record.content)
                else {
                    continue;
                };
                record.content = data_key.seal(&content_context(&record), &plaintext);
            }
            bind(&mut record, &signer);
            let id = record.id.to_string();
            let change = Change::UpdateCase {
                scope: owner,
                record,
            };
            unit = Some(
                match unit {
                    None => self.app.unit(&Actor::System, action, Some(id)),
                    Some(unit) => unit.and_record(self.app.event(&Actor::System, action, Some(id))),
                }
                .with(change),
            );
        }
        match unit {
            Some(unit) => match self.app.commit(unit).await {
                Ok(()) => Ok(true),
                // Bound or changed by another request meanwhile: the next read
                // sees that.
                Err(AppError::Conflict(_)) => Ok(false),
                Err(e) => Err(e),
            },
            None => Ok(false),
        }
    }

    /// Reopens every closed case whose defender reported a new risk after it was
    /// closed while the server was sealed (a status change needs the signing
    /// key): at unseal.
    pub(crate) async fn reopen_reported(&self) -> Result<(), AppError> {
        let store = self.app.store();
        for owner in self.app.keyring().organizations_keyed().await? {
            for visible in store.cases_visible_to(owner).await? {
                let record = &visible.record;
                if record.status != CaseStatus::Closed || record.organization_id != owner {
                    continue;
                }
                let reported = store.case_entries(record.id).await?.iter().any(|entry| {
                    entry.kind == torchlight_core::case::EntryKind::DefenderNewRisk
                        && entry.at_ms > record.updated_at_ms
                });
                if reported {
                    self.set_status(
                        Scope::for_operator(owner),
                        record.id,
                        CaseStatus::Open,
                        &Actor::System,
                    )
                    .await?;
                }
            }
        }
        Ok(())
    }

    /// The cases `scope` can read, with any request that came in while sealed
    /// bound first (so it is not taken for a planted case).
    async fn visible_bound(&self, scope: OrganizationId) -> Result<Vec<VisibleCase>, AppError> {
        let store = self.app.store();
        let visible = store.cases_visible_to(scope).await?;
        let unbound = visible
            .iter()
            .any(|case| case.record.binding.is_none() && case.record.organization_id == scope);
        if unbound && self.bind_unbound_of(scope).await? {
            return Ok(store.cases_visible_to(scope).await?);
        }
        Ok(visible)
    }

    /// The requests `scope` received that nobody has taken up yet (status
    /// `new`), most urgent first and, within an urgency, the longest waiting
    /// first; decrypted, and each recorded like a listed case.
    pub async fn new_requests(
        &self,
        scope: Scope,
        actor: &Actor,
    ) -> Result<Vec<OpenCase>, AppError> {
        let mut requests: Vec<OpenCase> = self
            .list_where(scope, actor, |record| record.status == CaseStatus::New)
            .await?;
        requests.sort_by_key(|case| (case.record.urgency, case.record.created_at_ms));
        Ok(requests)
    }

    /// Every case `scope` can read, newest first, decrypted for the case list
    /// (which shows each defender's name). The listing is recorded, and so is each
    /// case it shows, in that case's own trail (`case.listed`): nobody reads a name
    /// from the list without appearing in the case's access log.
    pub async fn list(&self, scope: Scope, actor: &Actor) -> Result<Vec<OpenCase>, AppError> {
        self.list_where(scope, actor, |_| true).await
    }

    /// The cases `scope` can read whose record passes `keep`, as `list` does.
    async fn list_where(
        &self,
        scope: Scope,
        actor: &Actor,
        keep: impl Fn(&CaseRecord) -> bool,
    ) -> Result<Vec<OpenCase>, AppError> {
        let scope = scope.organization();
        if self.app.vault().is_sealed() {
            return Err(AppError::Sealed);
        }
        let mut visible = self.visible_bound(scope).await?;
        visible.retain(|case| keep(&case.record));
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
        let signer = self.signer_public()?;
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
            let id = case.record.id;
            match decrypt(case, &secret, &signer) {
                Ok(case) => open.push(case),
                // One planted or altered case does not hide the others: it is
                // left out of the list, and recorded.
                Err(AppError::Tampered(_)) => self.record_tampered(id).await?,
                Err(e) => return Err(e),
            }
        }
        Ok(open)
    }

    /// Moves a case `scope` owns to `status`, when `core::case::CaseStatus`
    /// allows the move: its content is sealed again under the new status and
    /// bound. False when there is no such case for `scope`; `Invalid` for a move
    /// the rule forbids.
    pub async fn set_status(
        &self,
        scope: Scope,
        id: CaseId,
        status: CaseStatus,
        actor: &Actor,
    ) -> Result<bool, AppError> {
        self.reseal(
            scope,
            id,
            actor,
            "case.status_changed",
            |record, plaintext| {
                if !record.status.may_become(status) {
                    return Err(AppError::Invalid(format!(
                        "status: a case that is {} cannot become {}",
                        record.status.code(),
                        status.code()
                    )));
                }
                record.status = status;
                Ok(plaintext)
            },
        )
        .await
    }

    /// Replaces what staff recorded of a case `scope` owns (the person's name and
    /// contact, the account, the country and urgency) with `case`; what a
    /// defender sent with a request, the status and the dates stay. False when
    /// there is no such case for `scope`.
    pub async fn edit(
        &self,
        scope: Scope,
        id: CaseId,
        case: ValidCase,
        actor: &Actor,
    ) -> Result<bool, AppError> {
        self.reseal(scope, id, actor, "case.edit", |record, plaintext| {
            let mut details: CaseDetails =
                serde_json::from_slice(&plaintext).map_err(|_| tampered(id))?;
            details.name = case.details.name;
            details.contact = case.details.contact;
            details.narrative = case.details.narrative;
            record.country = case.country;
            record.urgency = case.urgency;
            serde_json::to_vec(&details)
                .map(zeroize::Zeroizing::new)
                .map_err(|e| AppError::Internal(format!("cannot encode a case: {e}")))
        })
        .await
    }

    /// Changes a case `scope` owns, recorded as `action`: `change` gets its
    /// record and opened content, may alter both, and returns the content to
    /// keep, which is sealed again under the record's new clear fields (they are
    /// its associated data) and bound. False when there is no such case for
    /// `scope`, or it was erased meanwhile; `change`'s error changes nothing.
    async fn reseal(
        &self,
        scope: Scope,
        id: CaseId,
        actor: &Actor,
        action: &str,
        change: impl FnOnce(
            &mut CaseRecord,
            zeroize::Zeroizing<Vec<u8>>,
        ) -> Result<zeroize::Zeroizing<Vec<u8>>, AppError>,
    ) -> Result<bool, AppError> {
        let signer = self.app.vault().signer().ok_or(AppError::Sealed)?;
        let Some(visible) = self.readable(scope, id, CaseAction::Update).await? else {
            return Ok(false);
        };
        let owner = scope.organization();
        let secret = self
            .app
            .keyring()
            .organization_secret(owner, visible.key.key_version)
            .await?;
        let data_key = DataKey::unwrap(&visible.key.wrapped_key, &secret)?;
        let mut record = visible.record;
        let plaintext = data_key
            .open(&content_context(&record), &record.content)
            .map_err(|_| tampered(id))?;
        let plaintext = change(&mut record, plaintext)?;
        record.updated_at_ms = self.app.now_ms();
        record.content = data_key.seal(&content_context(&record), &plaintext);
        bind(&mut record, &signer);
        let unit = self
            .app
            .unit(actor, action, Some(id.to_string()))
            .with(Change::UpdateCase {
                scope: owner,
                record,
            });
        match self.app.commit(unit).await {
            Ok(()) => Ok(true),
            Err(AppError::Conflict(_)) => Ok(false),
            Err(e) => Err(e),
        }
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
    pub(crate) async fn readable(
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
