//! Requests for help from defenders with no account. A request becomes a case of
//! the receiving organisation (status `new`), encrypted to that organisation's
//! authenticated public key, so intake works while the server is sealed. The
//! defender follows it with a codename: the server keeps only its keyed hash
//! (`crypto::codename`), and wraps the case's data key to a key derived from the
//! codename, so the defender reads and adds to the request with no key of the
//! server's, and a copy of the database opens none of it.
//!
//! Requests are committed by one writer task in batches (`writer`); admission is
//! bounded for submissions and for status look-ups separately, so a flood of one
//! does not starve the other, and each is refused at once with `Busy` when full.
//!
//! A request is stored without a binding (while sealed the signing key does not
//! exist, and unsealed a signature per request would cost intake a fifth of its
//! speed): its organisation's first read binds it, or the next unseal
//! (`Cases::bind_unbound`), and only a case in status `new` may arrive unbound.
//! An unbound request proves nothing about who sent it, but neither does one
//! sent through the form: anyone may ask for help. What a database writer still
//! cannot do is change a request's fields: they are the content's associated
//! data, sealed under a data key the writer does not have.

mod writer;

use serde::{Deserialize, Serialize};
use torchlight_core::case::{CaseDetails, CaseStatus, EntryKind, Urgency};
use torchlight_core::intake::{RequestDetails, Risk, ValidRequest};
use torchlight_core::{CaseId, Code, OrganizationId};
use torchlight_crypto::codename::{Codename, DefenderKey};
use torchlight_crypto::envelope::DataKey;
use torchlight_store::{CaseEntry, CaseKey, CaseRecord, Change, RequestRecord, UnitOfWork};

use crate::cases::{bind, content_context};
use crate::{Actor, App, AppError};

pub(crate) use writer::Lane;
pub(crate) use writer::Writer;

/// The intake service of an [`App`].
pub struct Intake<'a> {
    pub(crate) app: &'a App,
}

/// What the defender gets back: the codename (shown once, kept nowhere) and the
/// receipt's facts.
pub struct Receipt {
    pub codename: Codename,
    pub case: CaseId,
    pub recipient: OrganizationId,
    pub at_ms: i64,
}

/// What an entry holds, as stored (sealed): the defender's messages and new
/// risks, and what staff record (`EntryKind` says which of the parts it has).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryContent {
    #[serde(default)]
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk: Option<Risk>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<Code>,
    /// The staff member who wrote it, by name, as it stood then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scores: Option<torchlight_core::risk::Scores>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<torchlight_core::decision::Decision>,
    /// Whom a decision is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<torchlight_core::casework::Person>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support: Option<torchlight_core::casework::SupportRecord>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<torchlight_core::casework::FamilyMember>,
}

/// A new risk or need the defender reports on the status page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRisk {
    pub risk: Option<Risk>,
    pub needs: Vec<Code>,
    pub text: String,
}

/// One entry as the defender sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusEntry {
    pub kind: EntryKind,
    pub at_ms: i64,
    pub content: EntryContent,
    /// Added since the defender's previous visit (and not by them).
    pub new_since_last_visit: bool,
}

/// A request as its defender sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestStatus {
    pub case: CaseId,
    pub recipient: OrganizationId,
    pub status: CaseStatus,
    pub urgency: Urgency,
    pub country: Code,
    pub created_at_ms: i64,
    pub updated_at_ms: i64,
    /// The previous visit, if any.
    pub last_visit_ms: Option<i64>,
    pub request: RequestDetails,
    pub entries: Vec<StatusEntry>,
    /// The family members the organisation recorded, by id: whom a decision
    /// for one of them is about.
    pub family: Vec<(uuid::Uuid, torchlight_core::casework::FamilyMember)>,
}

impl RequestStatus {
    /// Whether anything changed since the previous visit: the state, or an entry
    /// from the organisation.
    pub fn changed_since_last_visit(&self) -> bool {
        match self.last_visit_ms {
            None => false,
            Some(seen) => {
                self.updated_at_ms > seen || self.entries.iter().any(|e| e.new_since_last_visit)
            }
        }
    }
}

/// What practising a codename found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Practice {
    /// Typed right: it finds the request.
    Finds,
    /// A word-level slip, said in English (`CodenameError`).
    Slip(String),
    /// Well formed but not this request's (or any).
    Wrong,
}

/// A request found by its codename, opened with the defender's key.
struct Found {
    digest: [u8; 32],
    stored: RequestRecord,
    data_key: DataKey,
    details: CaseDetails,
}

/// A place among the work in progress, or `Busy` at once when there is none.
fn admit(bound: &tokio::sync::Semaphore) -> Result<tokio::sync::SemaphorePermit<'_>, AppError> {
    bound.try_acquire().map_err(|_| AppError::Busy)
}

/// The associated data of an entry: its case, id, kind and time.
pub(crate) fn entry_context(entry: &CaseEntry) -> String {
    format!(
        "case/{}/entry/{}/{}/{}",
        entry.case_id,
        entry.id,
        entry.kind.code(),
        entry.at_ms
    )
}

impl Intake<'_> {
    /// Encrypts and stores `request` for its recipient, durably, and returns the
    /// receipt with a fresh codename. Works sealed. `Busy` under a flood.
    pub async fn submit(&self, request: ValidRequest) -> Result<Receipt, AppError> {
        let _admitted = admit(self.app.intake_admission())?;
        match self.submit_once(&request).await {
            // The organisation's key was replaced since it was remembered (a
            // rotation; or a key a database writer added, which the fresh check
            // then refuses): nothing was stored; once more, checked afresh.
            Err(AppError::Conflict(_)) => {
                self.app.authentic_keys().clear();
                self.submit_once(&request).await
            }
            other => other,
        }
    }

    async fn submit_once(&self, request: &ValidRequest) -> Result<Receipt, AppError> {
        let request = request.clone();
        let data_key = DataKey::generate();
        // Only to a key shown to be the organisation's own (`recipient_key`).
        let (key, wrapped_key) = self
            .app
            .keyring()
            .wrap_for_request(request.recipient, &data_key)
            .await?;
        let now = self.app.now_ms();
        let id = CaseId::from_uuid(crate::ids::time_ordered(now));
        let codename = Codename::generate();
        let digest = self.app.codename_key().digest(&codename);
        let defender = DefenderKey::derive(&codename, &id.to_string());
        let details = CaseDetails {
            name: request.details.name.clone(),
            contact: request.details.contact.clone(),
            narrative: request.details.narrative.clone(),
            request: Some(request.details),
        };
        let plaintext = zeroize::Zeroizing::new(
            serde_json::to_vec(&details)
                .map_err(|e| AppError::Internal(format!("cannot encode a request: {e}")))?,
        );
        let mut record = CaseRecord {
            id,
            organization_id: request.recipient,
            country: request.country,
            urgency: request.urgency,
            status: CaseStatus::New,
            created_at_ms: now,
            updated_at_ms: now,
            content: Vec::new(),
            binding: None,
        };
        record.content = data_key.seal(&content_context(&record), &plaintext);
        // Not bound here, sealed or not: a new request is bound when its
        // organisation first reads it (or at the next unseal), which spares intake
        // a signature per request and grants a database writer nothing (see the
        // module's comment).
        let signer = self.app.vault().signer();
        let change = Change::CreateRequest {
            key: CaseKey {
                case_id: id,
                organization_id: request.recipient,
                key_version: key.version,
                wrapped_key,
            },
            codename_digest: digest.to_vec(),
            defender_wrapped_key: defender.wrap(&data_key),
            record,
        };
        let unit = self
            .app
            .unit(&Actor::Defender, "request.create", Some(id.to_string()))
            .with(change)
            .signed_by(signer);
        self.app.writer().commit(Lane::Submission, unit).await?;
        Ok(Receipt {
            codename,
            case: id,
            recipient: request.recipient,
            at_ms: now,
        })
    }

    /// The request `typed` names, as its defender sees it; the visit is recorded.
    /// `None` for any codename that finds nothing, well formed or not: the answer
    /// is the same whatever was typed. `Busy` under a flood of look-ups.
    pub async fn status(&self, typed: &str) -> Result<Option<RequestStatus>, AppError> {
        let _admitted = admit(self.app.status_admission())?;
        let Some(found) = self.find(typed).await? else {
            return Ok(None);
        };
        let entries = self.entries(&found).await?;
        let now = self.app.now_ms();
        let record = &found.stored.record;
        let last_visit = found.stored.defender_seen_at_ms;
        let unit = self
            .app
            .unit(
                &Actor::Defender,
                "request.view",
                Some(record.id.to_string()),
            )
            .with(Change::MarkSeenByDefender {
                case: record.id,
                at_ms: now,
            })
            .signed_by(self.app.vault().signer());
        self.app.writer().commit(Lane::StatusPage, unit).await?;
        let Some(request) = found.details.request.clone() else {
            return Err(AppError::Internal(format!(
                "case {} has a codename but holds no request",
                record.id
            )));
        };
        Ok(Some(RequestStatus {
            case: record.id,
            recipient: record.organization_id,
            status: record.status,
            urgency: record.urgency,
            country: record.country.clone(),
            created_at_ms: record.created_at_ms,
            updated_at_ms: record.updated_at_ms,
            last_visit_ms: last_visit,
            request,
            family: entries
                .iter()
                .filter_map(|(entry, content)| Some((entry.id, content.family.clone()?)))
                .collect(),
            entries: entries
                .into_iter()
                .filter(|(entry, _)| entry.kind.shown_to_defender())
                .map(|(entry, content)| StatusEntry {
                    new_since_last_visit: !entry.kind.by_defender()
                        && last_visit.is_some_and(|seen| entry.at_ms > seen),
                    kind: entry.kind,
                    at_ms: entry.at_ms,
                    content,
                })
                .collect(),
        }))
    }

    /// Whether `typed` is the codename of a request, for practising it: a slip
    /// is named word by word; nothing is shown of the request.
    pub async fn practise(&self, typed: &str) -> Result<Practice, AppError> {
        let _admitted = admit(self.app.status_admission())?;
        let codename = match Codename::parse(typed) {
            Ok(codename) => codename,
            Err(slip) => return Ok(Practice::Slip(slip.to_string())),
        };
        let digest = self.app.codename_key().digest(&codename);
        Ok(match self.app.store().request_by_codename(&digest).await? {
            Some(_) => Practice::Finds,
            None => Practice::Wrong,
        })
    }

    /// Adds the defender's message to their request. False when the codename
    /// finds nothing.
    pub async fn reply(&self, typed: &str, text: String) -> Result<bool, AppError> {
        let content = EntryContent {
            text,
            ..EntryContent::default()
        };
        self.add(
            typed,
            EntryKind::DefenderMessage,
            content,
            "request.message",
        )
        .await
    }

    /// Adds a new risk or need to the request; a closed case opens again. False
    /// when the codename finds nothing.
    pub async fn report_new_risk(&self, typed: &str, report: NewRisk) -> Result<bool, AppError> {
        let content = EntryContent {
            text: report.text,
            risk: report.risk,
            needs: report.needs,
            ..EntryContent::default()
        };
        self.add(
            typed,
            EntryKind::DefenderNewRisk,
            content,
            "request.new_risk",
        )
        .await
    }

    /// Withdraws the request and destroys it (its keys, entries and record). False
    /// when the codename finds nothing.
    pub async fn withdraw(&self, typed: &str) -> Result<bool, AppError> {
        let _admitted = admit(self.app.status_admission())?;
        let Some(found) = self.find(typed).await? else {
            return Ok(false);
        };
        let id = found.stored.record.id;
        let unit = self
            .app
            .unit(&Actor::Defender, "request.withdrawn", Some(id.to_string()))
            .with(Change::WithdrawRequest {
                case: id,
                codename_digest: found.digest.to_vec(),
            })
            .signed_by(self.app.vault().signer());
        match self.app.writer().commit(Lane::StatusPage, unit).await {
            Ok(()) => {}
            // Withdrawn by another tab meanwhile: it is gone all the same.
            Err(AppError::Conflict(_)) => return Ok(true),
            Err(e) => return Err(e),
        }
        if let Err(e) = self.app.store().purge_erased().await {
            tracing::warn!(error = %e, "could not clear the withdrawn request from the WAL");
        }
        Ok(true)
    }

    async fn add(
        &self,
        typed: &str,
        kind: EntryKind,
        content: EntryContent,
        action: &str,
    ) -> Result<bool, AppError> {
        let _admitted = admit(self.app.status_admission())?;
        let Some(found) = self.find(typed).await? else {
            return Ok(false);
        };
        let now = self.app.now_ms();
        let id = found.stored.record.id;
        let entry = seal_entry(&found.data_key, id, kind, now, &content)?;
        let mut unit = self
            .app
            .unit(&Actor::Defender, action, Some(id.to_string()))
            .with(Change::AddCaseEntry(entry));
        if kind == EntryKind::DefenderNewRisk {
            // Back in triage: waiting for an answer again, due for a follow-up.
            unit = unit.with(Change::BackInTriage {
                case: id,
                at_ms: now,
            });
        }
        let record = &found.stored.record;
        let reopened = record.status.after_new_risk();
        if kind == EntryKind::DefenderNewRisk && reopened != record.status {
            // Sealed, the status cannot be re-bound: the next unseal reopens the
            // case from this entry (`Cases::reopen_reported`).
            if let Some(signer) = self.app.vault().signer() {
                unit = self.reopen(&found, reopened, now, &signer, unit)?;
            }
        }
        let unit = unit.signed_by(self.app.vault().signer());
        match self.app.writer().commit(Lane::StatusPage, unit).await {
            Ok(()) => Ok(true),
            // Withdrawn meanwhile: there is nothing to add to.
            Err(AppError::Conflict(_)) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// The case back in triage: its content sealed again under its new status,
    /// and bound.
    fn reopen(
        &self,
        found: &Found,
        status: CaseStatus,
        now: i64,
        signer: &torchlight_crypto::signer::Signer,
        unit: UnitOfWork,
    ) -> Result<UnitOfWork, AppError> {
        let mut record = found.stored.record.clone();
        record.status = status;
        record.updated_at_ms = now;
        let plaintext = zeroize::Zeroizing::new(
            serde_json::to_vec(&found.details)
                .map_err(|e| AppError::Internal(format!("cannot encode a case: {e}")))?,
        );
        record.content = found.data_key.seal(&content_context(&record), &plaintext);
        bind(&mut record, signer);
        let id = record.id.to_string();
        Ok(unit
            .and_record(
                self.app
                    .event(&Actor::Defender, "request.reopened", Some(id)),
            )
            .with(Change::UpdateCase {
                scope: record.organization_id,
                record,
            }))
    }

    /// The request of `typed`, opened with the defender's key; `None` when the
    /// codename is malformed or finds nothing.
    async fn find(&self, typed: &str) -> Result<Option<Found>, AppError> {
        let Ok(codename) = Codename::parse(typed) else {
            return Ok(None);
        };
        let digest = self.app.codename_key().digest(&codename);
        let Some(stored) = self.app.store().request_by_codename(&digest).await? else {
            return Ok(None);
        };
        let record = &stored.record;
        let defender = DefenderKey::derive(&codename, &record.id.to_string());
        let tampered = |what: &str| {
            AppError::Tampered(format!(
                "request {}: {what} does not open with its codename",
                record.id
            ))
        };
        let data_key = defender
            .unwrap(&stored.defender_wrapped_key)
            .map_err(|_| tampered("its key"))?;
        let plaintext = data_key
            .open(&content_context(record), &record.content)
            .map_err(|_| tampered("its content"))?;
        let details: CaseDetails = serde_json::from_slice(&plaintext).map_err(|e| {
            AppError::Internal(format!("stored request {} does not decode: {e}", record.id))
        })?;
        Ok(Some(Found {
            digest,
            stored,
            data_key,
            details,
        }))
    }

    async fn entries(&self, found: &Found) -> Result<Vec<(CaseEntry, EntryContent)>, AppError> {
        let stored = self
            .app
            .store()
            .case_entries(found.stored.record.id)
            .await?;
        stored
            .into_iter()
            .map(|entry| {
                let content = open_entry(&found.data_key, &entry)?;
                Ok((entry, content))
            })
            .collect()
    }
}

/// A new entry of `case`, sealed under its data key.
pub(crate) fn seal_entry(
    data_key: &DataKey,
    case: CaseId,
    kind: EntryKind,
    at_ms: i64,
    content: &EntryContent,
) -> Result<CaseEntry, AppError> {
    let mut entry = CaseEntry {
        id: crate::ids::time_ordered(at_ms),
        case_id: case,
        kind,
        at_ms,
        content: Vec::new(),
    };
    let plaintext = zeroize::Zeroizing::new(
        serde_json::to_vec(content)
            .map_err(|e| AppError::Internal(format!("cannot encode an entry: {e}")))?,
    );
    entry.content = data_key.seal(&entry_context(&entry), &plaintext);
    Ok(entry)
}

/// An entry's content, opened with its case's data key.
pub(crate) fn open_entry(data_key: &DataKey, entry: &CaseEntry) -> Result<EntryContent, AppError> {
    let plaintext = data_key
        .open(&entry_context(entry), &entry.content)
        .map_err(|_| {
            AppError::Tampered(format!(
                "an entry of case {} does not open with its stored fields",
                entry.case_id
            ))
        })?;
    serde_json::from_slice(&plaintext).map_err(|e| {
        AppError::Internal(format!(
            "an entry of case {} does not decode: {e}",
            entry.case_id
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_bound_is_busy_at_once_and_a_place_frees_with_its_permit() {
        let bound = tokio::sync::Semaphore::new(1);
        let held = admit(&bound).ok();
        assert!(held.is_some());
        assert!(matches!(admit(&bound), Err(AppError::Busy)));
        drop(held);
        assert!(admit(&bound).is_ok());
    }
}
