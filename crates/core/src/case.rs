//! A case as staff record it: a few codes for triage, kept in clear so the queue
//! can be sorted without keys, and the person's details, which only ever leave
//! this module to be encrypted.

use crate::ids::OrganizationId;
use crate::intake::Problem;
use crate::taxonomy::{Taxonomy, Vocabulary};
use crate::Code;

/// How soon help is needed, most urgent first. The codes are those of the intake
/// API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Urgency {
    DetainedNow,
    ThreatToLife,
    WithinDays,
    NotUrgent,
}

impl Urgency {
    pub const ALL: [Urgency; 4] = [
        Urgency::DetainedNow,
        Urgency::ThreatToLife,
        Urgency::WithinDays,
        Urgency::NotUrgent,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Urgency::DetainedNow => "detained_now",
            Urgency::ThreatToLife => "threat_to_life",
            Urgency::WithinDays => "within_days",
            Urgency::NotUrgent => "not_urgent",
        }
    }

    pub fn from_code(code: &str) -> Option<Urgency> {
        Urgency::ALL.into_iter().find(|u| u.code() == code)
    }

    /// Its place in `ALL`, most urgent first: what the triage queue sorts on.
    pub fn rank(self) -> i64 {
        match self {
            Urgency::DetainedNow => 0,
            Urgency::ThreatToLife => 1,
            Urgency::WithinDays => 2,
            Urgency::NotUrgent => 3,
        }
    }
}

/// Where a case stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CaseStatus {
    /// A request from intake nobody has taken up yet.
    New,
    Open,
    Closed,
}

impl CaseStatus {
    pub const ALL: [CaseStatus; 3] = [CaseStatus::New, CaseStatus::Open, CaseStatus::Closed];

    /// The code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            CaseStatus::New => "new",
            CaseStatus::Open => "open",
            CaseStatus::Closed => "closed",
        }
    }

    pub fn from_code(code: &str) -> Option<CaseStatus> {
        CaseStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Whether a case may move from this status to `next`: a new request is taken
    /// up or closed, an open case closes, and a closed one reopens when new risks
    /// are reported (a past case is never locked away). Nothing becomes new again.
    /// Staying put is not a transition.
    pub fn may_become(self, next: CaseStatus) -> bool {
        matches!(
            (self, next),
            (CaseStatus::New, CaseStatus::Open | CaseStatus::Closed)
                | (CaseStatus::Open, CaseStatus::Closed)
                | (CaseStatus::Closed, CaseStatus::Open)
        )
    }

    /// What a defender's new risk or need does to the case: a closed case opens
    /// again (back in triage); a new or open one stays as it is.
    pub fn after_new_risk(self) -> CaseStatus {
        match self {
            CaseStatus::Closed => CaseStatus::Open,
            other => other,
        }
    }
}

/// What was added to a case after it was made, and by whom.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntryKind {
    /// The defender wrote through the status page.
    DefenderMessage,
    /// The defender reported a new risk or need through the status page.
    DefenderNewRisk,
    /// A caseworker wrote to the defender.
    StaffMessage,
    /// A caseworker's risk assessment (`risk::Scores`), kept with its assessor.
    Assessment,
    /// A decision on one need of one person (`decision::Decision`).
    Decision,
    /// Support given (`casework::SupportRecord`).
    Support,
    /// A family member recorded on the case (`casework::FamilyMember`).
    FamilyMember,
    /// A follow-up made, with what it found.
    FollowUp,
}

impl EntryKind {
    pub const ALL: [EntryKind; 8] = [
        EntryKind::DefenderMessage,
        EntryKind::DefenderNewRisk,
        EntryKind::StaffMessage,
        EntryKind::Assessment,
        EntryKind::Decision,
        EntryKind::Support,
        EntryKind::FamilyMember,
        EntryKind::FollowUp,
    ];

    /// The code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            EntryKind::DefenderMessage => "defender_message",
            EntryKind::DefenderNewRisk => "defender_new_risk",
            EntryKind::StaffMessage => "staff_message",
            EntryKind::Assessment => "assessment",
            EntryKind::Decision => "decision",
            EntryKind::Support => "support",
            EntryKind::FamilyMember => "family_member",
            EntryKind::FollowUp => "follow_up",
        }
    }

    pub fn from_code(code: &str) -> Option<EntryKind> {
        EntryKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Whether the defender wrote it (else the organisation did).
    pub fn by_defender(self) -> bool {
        matches!(
            self,
            EntryKind::DefenderMessage | EntryKind::DefenderNewRisk
        )
    }

    /// Whether the status page shows it: the conversation and the decisions.
    /// The organisation's working notes (assessments, support records, family
    /// members, follow-ups) stay on its side. They are sealed under the same
    /// data key, which the defender's codename also opens: the defender could
    /// read them with a copy of the database, and they are about the defender.
    pub fn shown_to_defender(self) -> bool {
        matches!(
            self,
            EntryKind::DefenderMessage
                | EntryKind::DefenderNewRisk
                | EntryKind::StaffMessage
                | EntryKind::Decision
        )
    }

    /// Whether it answers the defender, stopping the clock of the time target.
    pub fn answers_defender(self) -> bool {
        matches!(self, EntryKind::StaffMessage | EntryKind::Decision)
    }
}

/// How an organisation stands to a case it can read (a data key of the case is
/// wrapped for it). What its staff may do with the case follows from this, beside
/// what their role allows (`access::Permission`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseRelation {
    /// The organisation that recorded the case.
    Owner,
    /// Another organisation the case was shared with (a referral wraps the case's
    /// key for it).
    Recipient,
}

/// What can be done to a case, as far as the organisation's relation decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseAction {
    Open,
    Update,
    Erase,
    /// See who looked at the case ("who looked at this").
    ViewAccessTrail,
}

impl CaseRelation {
    /// The relation of `reader`, which can read the case, to a case `owner` recorded.
    pub fn of(owner: OrganizationId, reader: OrganizationId) -> CaseRelation {
        if owner == reader {
            CaseRelation::Owner
        } else {
            CaseRelation::Recipient
        }
    }

    /// The owner does everything. A recipient reads what it was sent, but the
    /// record stays the owner's: only the owner changes or erases it, and only the
    /// owner sees who looked at it (the trail names other organisations' staff).
    pub fn allows(self, action: CaseAction) -> bool {
        match self {
            CaseRelation::Owner => true,
            CaseRelation::Recipient => matches!(action, CaseAction::Open),
        }
    }
}

/// The sensitive part of a case: who, how to reach them, what happened.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CaseDetails {
    pub name: String,
    pub contact: String,
    pub narrative: String,
    /// Everything else a defender gave, for a case that came in as a request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request: Option<crate::intake::RequestDetails>,
}

/// A case as a caseworker submits it, before it is checked.
#[derive(Debug, Clone, Default)]
pub struct CaseDraft {
    pub country: String,
    pub urgency: String,
    pub name: String,
    pub contact: String,
    pub narrative: String,
}

/// A checked case, ready to be encrypted and stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidCase {
    /// A country of the taxonomy.
    pub country: Code,
    pub urgency: Urgency,
    pub details: CaseDetails,
}

/// One field of a draft that cannot be accepted, and why (in the intake form's
/// terms, so the staff form says it in the same words, in the reader's language).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {}", problem.message())]
pub struct CaseFieldError {
    pub field: &'static str,
    pub problem: Problem,
}

pub const MAX_NAME_CHARS: usize = 200;
pub const MAX_CONTACT_CHARS: usize = 500;
pub const MAX_NARRATIVE_CHARS: usize = 20_000;

impl CaseDraft {
    /// Every problem of the draft at once, so a form can show them all.
    pub fn validate(&self, taxonomy: &Taxonomy) -> Result<ValidCase, Vec<CaseFieldError>> {
        let mut errors = Vec::new();
        let country = match self.country.trim() {
            "" => {
                errors.push(field_error("country", Problem::Required));
                None
            }
            given => {
                let known = taxonomy.resolve(Vocabulary::Country, given).ok();
                if known.is_none() {
                    errors.push(field_error("country", Problem::UnknownCode));
                }
                known
            }
        };
        let urgency = Urgency::from_code(self.urgency.trim());
        if urgency.is_none() {
            let codes = Urgency::ALL.map(Urgency::code).join(", ");
            errors.push(field_error("urgency", Problem::NotAChoice(codes)));
        }
        let name = self.name.trim();
        check_length(&mut errors, "name", name, 1, MAX_NAME_CHARS);
        check_length(
            &mut errors,
            "contact",
            self.contact.trim(),
            0,
            MAX_CONTACT_CHARS,
        );
        check_length(
            &mut errors,
            "narrative",
            self.narrative.trim(),
            0,
            MAX_NARRATIVE_CHARS,
        );
        match (country, urgency, errors.is_empty()) {
            (Some(country), Some(urgency), true) => Ok(ValidCase {
                country,
                urgency,
                details: CaseDetails {
                    name: name.to_owned(),
                    contact: self.contact.trim().to_owned(),
                    narrative: self.narrative.trim().to_owned(),
                    request: None,
                },
            }),
            _ => Err(errors),
        }
    }
}

pub(crate) fn field_error(field: &'static str, problem: Problem) -> CaseFieldError {
    CaseFieldError { field, problem }
}

/// Refuses a text under `min` or over `max` characters; never cuts it short.
pub(crate) fn check_length(
    errors: &mut Vec<CaseFieldError>,
    field: &'static str,
    value: &str,
    min: usize,
    max: usize,
) {
    let given = value.chars().count();
    if given < min {
        errors.push(field_error(field, Problem::Required));
    } else if given > max {
        errors.push(field_error(field, Problem::TooLong { max, given }));
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn draft() -> CaseDraft {
        CaseDraft {
            country: "kg".into(),
            urgency: "within_days".into(),
            name: "  A. Defender ".into(),
            contact: "signal: +996".into(),
            narrative: "Summoned for questioning.".into(),
        }
    }

    #[test]
    fn the_owner_may_do_everything_and_a_recipient_only_read() {
        let owner = OrganizationId::from_uuid(uuid::Uuid::from_u128(1));
        let other = OrganizationId::from_uuid(uuid::Uuid::from_u128(2));
        assert_eq!(CaseRelation::of(owner, owner), CaseRelation::Owner);
        assert_eq!(CaseRelation::of(owner, other), CaseRelation::Recipient);
        let all = [
            CaseAction::Open,
            CaseAction::Update,
            CaseAction::Erase,
            CaseAction::ViewAccessTrail,
        ];
        assert!(all.iter().all(|&a| CaseRelation::Owner.allows(a)));
        let recipient: Vec<CaseAction> = all
            .into_iter()
            .filter(|&a| CaseRelation::Recipient.allows(a))
            .collect();
        assert_eq!(recipient, vec![CaseAction::Open]);
    }

    #[test]
    fn a_good_draft_is_trimmed_and_upper_cased() {
        let taxonomy = Taxonomy::built_in().unwrap();
        let case = draft().validate(&taxonomy).unwrap();
        assert_eq!(case.country.as_str(), "KG");
        assert_eq!(case.urgency, Urgency::WithinDays);
        assert_eq!(case.details.name, "A. Defender");
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let taxonomy = Taxonomy::built_in().unwrap();
        let bad = CaseDraft {
            country: "XX".into(),
            urgency: "soon".into(),
            name: " ".into(),
            contact: String::new(),
            narrative: "x".repeat(MAX_NARRATIVE_CHARS + 1),
        };
        let errors = bad.validate(&taxonomy).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["country", "urgency", "name", "narrative"]);
        assert_eq!(errors[0].problem, Problem::UnknownCode);
        assert_eq!(errors[2].problem, Problem::Required);
        assert_eq!(
            errors[3].problem,
            Problem::TooLong {
                max: MAX_NARRATIVE_CHARS,
                given: MAX_NARRATIVE_CHARS + 1
            }
        );
        assert_eq!(
            errors[3].to_string(),
            "narrative: at most 20000 characters (this has 20001)"
        );
    }

    #[test]
    fn status_codes_read_back_and_only_real_moves_are_transitions() {
        for status in CaseStatus::ALL {
            assert_eq!(CaseStatus::from_code(status.code()), Some(status));
            assert!(!status.may_become(status), "{status:?} to itself");
        }
        assert!(CaseStatus::Open.may_become(CaseStatus::Closed));
        assert!(CaseStatus::New.may_become(CaseStatus::Open));
        assert!(!CaseStatus::Open.may_become(CaseStatus::New));
        assert_eq!(CaseStatus::Closed.after_new_risk(), CaseStatus::Open);
        assert_eq!(CaseStatus::New.after_new_risk(), CaseStatus::New);
        assert!(CaseStatus::Closed.may_become(CaseStatus::Open));
        assert_eq!(CaseStatus::from_code("Open"), None);
    }

    #[test]
    fn entry_kinds_read_back_and_say_who_wrote_them() {
        for kind in EntryKind::ALL {
            assert_eq!(EntryKind::from_code(kind.code()), Some(kind));
        }
        assert!(EntryKind::DefenderNewRisk.by_defender());
        assert!(!EntryKind::StaffMessage.by_defender());
    }

    #[test]
    fn urgency_codes_read_back() {
        for urgency in Urgency::ALL {
            assert_eq!(Urgency::from_code(urgency.code()), Some(urgency));
        }
    }
}
