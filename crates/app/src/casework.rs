//! A caseworker's day on the cases of their organisation: the triage queue and
//! its time targets, assignment, risk assessment, decisions per need, messages
//! to the defender, support given, family members and follow-ups.
//!
//! Everything a caseworker writes is an entry of the case, sealed under the
//! case's data key (`intake::seal_entry`), so erasing the case destroys it and
//! the defender's codename opens what is meant for them (the conversation and
//! the decisions; `EntryKind::shown_to_defender`). What the queue sorts on is
//! kept in clear beside the case (`store::TriageStore`), so the queue is read
//! without opening any case. Every view and change is one unit of work with its
//! audit entry.

use torchlight_core::case::{CaseAction, CaseDetails, CaseFieldError, EntryKind};
use torchlight_core::casework::{self, FamilyDraft, Person, SupportDraft};
use torchlight_core::decision::{DecisionDraft, DecisionProblem, LONGEST_EXPLANATION};
use torchlight_core::intake::Problem;
use torchlight_core::risk::{Assessment, RiskLevel, Scores};
use torchlight_core::triage::{risk_of_rank, TimeTargets};
use torchlight_core::{CaseId, Code, Taxonomy, UserId, Vocabulary};
use torchlight_crypto::envelope::DataKey;
use torchlight_store::{CaseEntry, Change, QueueFilter, QueueRow, StaffUser, UrgencyCounts};

use crate::intake::{open_entry, seal_entry, EntryContent};
use crate::{App, AppError, StaffMember};

/// How many cases a page of the queue shows.
pub const QUEUE_PAGE: i64 = 50;
/// How many follow-ups the list shows.
pub const FOLLOW_UPS_SHOWN: i64 = 200;
/// How far ahead the follow-up list looks.
pub const FOLLOW_UP_HORIZON_MS: i64 = 7 * 24 * 60 * 60 * 1000;
const DAY_MS: i64 = 24 * 60 * 60 * 1000;
/// A case nobody has assessed is due for a follow-up within a week: to assess it.
const UNASSESSED_FOLLOW_UP_DAYS: i64 = 7;

/// The case-work service of an [`App`].
pub struct CaseWork<'a> {
    pub(crate) app: &'a App,
}

/// One page of an organisation's queue, with the counts of all of it.
pub struct Queue {
    pub rows: Vec<QueueRow>,
    /// By urgency, in the order of `Urgency::ALL`.
    pub counts: [UrgencyCounts; 4],
    pub targets: TimeTargets,
    pub now_ms: i64,
    /// Whether another page follows.
    pub has_more: bool,
    /// The organisation's accounts, to name assignees and offer them.
    pub colleagues: Vec<StaffUser>,
}

/// What recording something on a case came to.
#[derive(Debug)]
pub enum Recorded<T> {
    Done(T),
    /// No case of that id the caller's organisation may change.
    NotFound,
    /// The form's problems, each by its field, nothing recorded.
    Invalid(Vec<CaseFieldError>),
}

/// A case opened to add to it: its data key, content and entries.
struct Working {
    id: CaseId,
    data_key: DataKey,
    details: CaseDetails,
    entries: Vec<(CaseEntry, EntryContent)>,
}

impl Working {
    fn family(&self) -> Vec<uuid::Uuid> {
        family_of(&self.entries)
    }

    fn needs_of(&self, person: Person) -> Option<Vec<Code>> {
        needs_of(&self.details, &self.entries, person)
    }

    /// The level of the latest assessment, if any.
    fn latest_level(&self) -> Option<RiskLevel> {
        self.entries
            .iter()
            .rev()
            .find_map(|(_, content)| content.scores.as_ref())
            .and_then(|scores| scores.assess().ok())
            .map(|assessment| assessment.level)
    }
}

/// The family members recorded on a case, by their entry's id.
pub fn family_of(entries: &[(CaseEntry, EntryContent)]) -> Vec<uuid::Uuid> {
    entries
        .iter()
        .filter(|(entry, _)| entry.kind == EntryKind::FamilyMember)
        .map(|(entry, _)| entry.id)
        .collect()
}

/// What `person` asked for, which a decision must be about: for the defender,
/// the request's needs and any reported since; for a family member, theirs and
/// the request's family needs. `None` for a case staff recorded, which names no
/// needs: any support type may be decided on.
pub fn needs_of(
    details: &CaseDetails,
    entries: &[(CaseEntry, EntryContent)],
    person: Person,
) -> Option<Vec<Code>> {
    let request = details.request.as_ref();
    let mut needs: Vec<Code> = Vec::new();
    let mut add = |codes: &[Code]| {
        for code in codes {
            if !needs.contains(code) {
                needs.push(code.clone());
            }
        }
    };
    match person {
        Person::Defender => {
            let request = request?;
            add(&request.needs);
            for (entry, content) in entries {
                if entry.kind == EntryKind::DefenderNewRisk {
                    add(&content.needs);
                }
            }
        }
        Person::Family(member) => {
            if let Some(request) = request {
                add(&request.family_needs);
            }
            for (entry, content) in entries {
                if entry.id == member {
                    if let Some(family) = &content.family {
                        add(&family.needs);
                    }
                }
            }
        }
    }
    Some(needs)
}

impl CaseWork<'_> {
    /// One page (from 0) of the queue of `staff`'s organisation, with its counts
    /// and the organisation's time targets; recorded as `triage.view`. The queue
    /// shows no names: reading it opens no case.
    pub async fn queue(
        &self,
        staff: &StaffMember,
        filter: QueueFilter,
        page: u32,
    ) -> Result<Queue, AppError> {
        let scope = staff.scope().organization();
        let store = self.app.store();
        let now_ms = self.app.now_ms();
        let targets = self.targets(staff).await?;
        let cutoffs = torchlight_core::case::Urgency::ALL
            .map(|urgency| targets.overdue_if_arrived_before(urgency, now_ms));
        let offset = i64::from(page) * QUEUE_PAGE;
        self.record_view(staff, "triage.view").await?;
        let mut rows = store
            .triage_queue(scope, filter, offset, QUEUE_PAGE + 1)
            .await?;
        let has_more = rows.len() as i64 > QUEUE_PAGE;
        rows.truncate(QUEUE_PAGE as usize);
        let counts = store.triage_counts(scope, cutoffs).await?;
        let colleagues = store.users_of_organization(scope).await?;
        Ok(Queue {
            rows,
            counts,
            targets,
            now_ms,
            has_more,
            colleagues,
        })
    }

    /// The cases of `staff`'s organisation due for a follow-up within the week
    /// (or overdue), soonest first; recorded as `follow_up.list`.
    pub async fn follow_ups(&self, staff: &StaffMember) -> Result<Vec<QueueRow>, AppError> {
        let scope = staff.scope().organization();
        let now = self.app.now_ms();
        self.record_view(staff, "follow_up.list").await?;
        Ok(self
            .app
            .store()
            .follow_ups_due(scope, now + FOLLOW_UP_HORIZON_MS, FOLLOW_UPS_SHOWN)
            .await?)
    }

    /// The accounts of `staff`'s organisation, to assign cases to.
    pub async fn colleagues(&self, staff: &StaffMember) -> Result<Vec<StaffUser>, AppError> {
        let scope = staff.scope().organization();
        Ok(self.app.store().users_of_organization(scope).await?)
    }

    /// One case's place in triage, for its page (opening the case records the
    /// view).
    pub async fn triage_of(
        &self,
        staff: &StaffMember,
        case: CaseId,
    ) -> Result<Option<QueueRow>, AppError> {
        let scope = staff.scope().organization();
        Ok(self.app.store().triage_of(scope, case).await?)
    }

    /// The time targets of `staff`'s organisation: its own, or the defaults.
    pub async fn targets(&self, staff: &StaffMember) -> Result<TimeTargets, AppError> {
        let scope = staff.scope().organization();
        Ok(self
            .app
            .store()
            .time_targets(scope)
            .await?
            .unwrap_or_default())
    }

    /// Sets the organisation's own time targets; `Invalid` (nothing changed)
    /// when `core::triage` refuses them.
    pub async fn set_targets(
        &self,
        staff: &StaffMember,
        targets: TimeTargets,
    ) -> Result<(), AppError> {
        targets
            .validate()
            .map_err(|e| AppError::Invalid(e.to_string()))?;
        let scope = staff.scope().organization();
        let unit = self
            .app
            .unit(&staff.actor(), "triage.targets", Some(scope.to_string()))
            .with(Change::SetTimeTargets { scope, targets });
        self.app.commit(unit).await
    }

    /// Assigns a case of the organisation to `assignee` (an enabled account of
    /// it), or back to the shared queue; `Invalid` for anyone else.
    pub async fn assign(
        &self,
        staff: &StaffMember,
        case: CaseId,
        assignee: Option<UserId>,
    ) -> Result<Recorded<()>, AppError> {
        let scope = staff.scope().organization();
        if self.app.store().triage_of(scope, case).await?.is_none() {
            return Ok(Recorded::NotFound);
        }
        let unit = self
            .app
            .unit(&staff.actor(), "case.assign", Some(case.to_string()))
            .with(Change::AssignCase {
                scope,
                case,
                assignee,
            });
        match self.app.commit(unit).await {
            Ok(()) => Ok(Recorded::Done(())),
            // The case exists: the account is not an enabled one of the
            // organisation (or the case was erased meanwhile, and the next
            // look says so).
            Err(AppError::Conflict(_)) => Ok(Recorded::Invalid(vec![CaseFieldError {
                field: "assignee",
                problem: Problem::NotAChoice("an enabled account of your organisation".into()),
            }])),
            Err(e) => Err(e),
        }
    }

    /// Records a risk assessment by `staff` with their reasoning in `note`: its
    /// level goes to the queue, and the next follow-up is set from it.
    pub async fn assess(
        &self,
        staff: &StaffMember,
        case: CaseId,
        scores: Scores,
        note: &str,
    ) -> Result<Recorded<Assessment>, AppError> {
        let assessment = match scores.assess() {
            Ok(assessment) => assessment,
            Err(_) => {
                return Ok(Recorded::Invalid(vec![CaseFieldError {
                    field: "scores",
                    problem: Problem::NotAChoice("0, 1, 2 or 3".into()),
                }]))
            }
        };
        let note = note.trim();
        let given = note.chars().count();
        if given > casework::MAX_NOTES_CHARS {
            return Ok(Recorded::Invalid(vec![too_long(
                "note",
                casework::MAX_NOTES_CHARS,
                given,
            )]));
        }
        let content = EntryContent {
            text: note.to_owned(),
            scores: Some(scores),
            ..self.authored(staff)
        };
        let now = self.app.now_ms();
        let follow_up_ms = assessment.reassess_at_ms(now);
        let scope = staff.scope().organization();
        let extra = vec![Change::RecordRisk {
            scope,
            case,
            level: assessment.level,
            follow_up_ms,
        }];
        self.add(staff, case, "case.assess", |_| {
            Ok((EntryKind::Assessment, content, extra))
        })
        .await
        .map(|recorded| match recorded {
            Recorded::Done(()) => Recorded::Done(assessment),
            Recorded::NotFound => Recorded::NotFound,
            Recorded::Invalid(errors) => Recorded::Invalid(errors),
        })
    }

    /// Records a decision on one need of one person (`person` as the form gives
    /// it: `defender` or a family member's id). It answers the defender, who
    /// reads it with its reason on the status page.
    pub async fn decide(
        &self,
        staff: &StaffMember,
        case: CaseId,
        taxonomy: &Taxonomy,
        draft: DecisionDraft,
        person: &str,
    ) -> Result<Recorded<()>, AppError> {
        let author = self.authored(staff);
        let scope = staff.scope().organization();
        let now = self.app.now_ms();
        self.add(staff, case, "case.decide", |working| {
            let Some(person) = Person::from_form(person, &working.family()) else {
                return Err(vec![CaseFieldError {
                    field: "person",
                    problem: Problem::NotAChoice("the defender or a family member".into()),
                }]);
            };
            let needs = working.needs_of(person).unwrap_or_else(|| {
                taxonomy
                    .terms(Vocabulary::SupportType)
                    .iter()
                    .map(|term| term.code.clone())
                    .collect()
            });
            let decision = draft.validate(taxonomy, &needs).map_err(|errors| {
                errors
                    .into_iter()
                    .map(|error| decision_problem(error.field, error.problem, &draft))
                    .collect::<Vec<_>>()
            })?;
            let content = EntryContent {
                decision: Some(decision),
                person: Some(person),
                ..author
            };
            let answered = Change::MarkAnswered {
                scope,
                case,
                at_ms: now,
            };
            Ok((EntryKind::Decision, content, vec![answered]))
        })
        .await
    }

    /// Sends the defender a message, read on the status page.
    pub async fn message(
        &self,
        staff: &StaffMember,
        case: CaseId,
        text: &str,
    ) -> Result<Recorded<()>, AppError> {
        let text = match casework::check_message(text) {
            Ok(text) => text,
            Err(error) => return Ok(Recorded::Invalid(vec![error])),
        };
        let content = EntryContent {
            text,
            ..self.authored(staff)
        };
        let scope = staff.scope().organization();
        let answered = Change::MarkAnswered {
            scope,
            case,
            at_ms: self.app.now_ms(),
        };
        self.add(staff, case, "case.message", |_| {
            Ok((EntryKind::StaffMessage, content, vec![answered]))
        })
        .await
    }

    /// Records support given, to the defender or a family member of the case.
    /// Earlier support is context, never a bar: nothing here looks at it.
    pub async fn record_support(
        &self,
        staff: &StaffMember,
        case: CaseId,
        taxonomy: &Taxonomy,
        draft: SupportDraft,
    ) -> Result<Recorded<()>, AppError> {
        let author = self.authored(staff);
        self.add(staff, case, "case.support", |working| {
            let support = draft.validate(taxonomy, &working.family())?;
            let content = EntryContent {
                support: Some(support),
                ..author
            };
            Ok((EntryKind::Support, content, Vec::new()))
        })
        .await
    }

    /// Adds a family member, who can then receive decisions and support in
    /// their own right.
    pub async fn add_family_member(
        &self,
        staff: &StaffMember,
        case: CaseId,
        taxonomy: &Taxonomy,
        draft: FamilyDraft,
    ) -> Result<Recorded<()>, AppError> {
        let member = match draft.validate(taxonomy) {
            Ok(member) => member,
            Err(errors) => return Ok(Recorded::Invalid(errors)),
        };
        let content = EntryContent {
            family: Some(member),
            ..self.authored(staff)
        };
        self.add(staff, case, "case.family", |_| {
            Ok((EntryKind::FamilyMember, content, Vec::new()))
        })
        .await
    }

    /// Records a follow-up made, with what it found (`note`), and schedules the
    /// next from the latest assessment's level.
    pub async fn follow_up(
        &self,
        staff: &StaffMember,
        case: CaseId,
        note: &str,
    ) -> Result<Recorded<()>, AppError> {
        let note = note.trim();
        let given = note.chars().count();
        if given > casework::MAX_NOTES_CHARS {
            let error = too_long("note", casework::MAX_NOTES_CHARS, given);
            return Ok(Recorded::Invalid(vec![error]));
        }
        let content = EntryContent {
            text: note.to_owned(),
            ..self.authored(staff)
        };
        let scope = staff.scope().organization();
        let now = self.app.now_ms();
        self.add(staff, case, "case.follow_up", |working| {
            let days = working
                .latest_level()
                .map_or(UNASSESSED_FOLLOW_UP_DAYS, RiskLevel::reassess_after_days);
            let next = Change::ScheduleFollowUp {
                scope,
                case,
                at_ms: Some(now + days * DAY_MS),
            };
            Ok((EntryKind::FollowUp, content, vec![next]))
        })
        .await
    }

    /// Records a view of a list that opens no case, batched with others.
    async fn record_view(&self, staff: &StaffMember, action: &str) -> Result<(), AppError> {
        let unit = self
            .app
            .unit(&staff.actor(), action, None)
            .signed_by(self.app.vault().signer());
        self.app
            .writer()
            .commit(crate::intake::Lane::StaffView, unit)
            .await
    }

    /// What a staff member's entry starts from: their name.
    fn authored(&self, staff: &StaffMember) -> EntryContent {
        EntryContent {
            author: Some(staff.user.display_name.clone()),
            ..EntryContent::default()
        }
    }

    /// Opens a case the organisation may change, lets `make` check the form
    /// against it and give the entry and any other changes, and commits them as
    /// one unit recorded as `action`.
    async fn add(
        &self,
        staff: &StaffMember,
        case: CaseId,
        action: &str,
        make: impl FnOnce(
            &Working,
        )
            -> Result<(EntryKind, EntryContent, Vec<Change>), Vec<CaseFieldError>>,
    ) -> Result<Recorded<()>, AppError> {
        let Some(working) = self.working(staff, case).await? else {
            return Ok(Recorded::NotFound);
        };
        let (kind, content, extra) = match make(&working) {
            Ok(made) => made,
            Err(errors) => return Ok(Recorded::Invalid(errors)),
        };
        let now = self.app.now_ms();
        let entry = seal_entry(&working.data_key, working.id, kind, now, &content)?;
        let unit = extra.into_iter().fold(
            self.app
                .unit(&staff.actor(), action, Some(case.to_string()))
                .with(Change::AddCaseEntry(entry)),
            |unit, change| unit.with(change),
        );
        match self.app.commit(unit).await {
            Ok(()) => Ok(Recorded::Done(())),
            // Erased meanwhile.
            Err(AppError::Conflict(_)) => Ok(Recorded::NotFound),
            Err(e) => Err(e),
        }
    }

    /// The case `id` opened for a change by `staff`'s organisation, when it owns
    /// it; its binding checked as for any read.
    async fn working(&self, staff: &StaffMember, id: CaseId) -> Result<Option<Working>, AppError> {
        if self.app.vault().is_sealed() {
            return Err(AppError::Sealed);
        }
        let cases = self.app.cases();
        let Some(visible) = cases
            .readable(staff.scope(), id, CaseAction::Update)
            .await?
        else {
            return Ok(None);
        };
        let scope = staff.scope().organization();
        let secret = self
            .app
            .keyring()
            .organization_secret(scope, visible.key.key_version)
            .await?;
        let signer = cases.signer_public()?;
        let (open, data_key) = match crate::cases::decrypt_keeping_key(visible, &secret, &signer) {
            Ok(opened) => opened,
            Err(tampered @ AppError::Tampered(_)) => {
                cases.record_tampered(id).await?;
                return Err(tampered);
            }
            Err(e) => return Err(e),
        };
        let mut entries = Vec::new();
        for entry in self.app.store().case_entries(id).await? {
            let content = open_entry(&data_key, &entry)?;
            entries.push((entry, content));
        }
        Ok(Some(Working {
            id,
            data_key,
            details: open.details,
            entries,
        }))
    }
}

/// The risk level a queue row's rank stands for.
pub fn risk_of(row: &QueueRow) -> Option<RiskLevel> {
    risk_of_rank(row.risk_rank)
}

fn too_long(field: &'static str, max: usize, given: usize) -> CaseFieldError {
    CaseFieldError {
        field,
        problem: Problem::TooLong { max, given },
    }
}

/// A decision's problem in the terms every form shares.
fn decision_problem(
    field: &'static str,
    problem: DecisionProblem,
    draft: &DecisionDraft,
) -> CaseFieldError {
    let problem = match problem {
        DecisionProblem::NotANeedOfTheCase => {
            Problem::NotAChoice("a need this person asked for".into())
        }
        DecisionProblem::UnknownOutcome => Problem::NotAChoice("granted, refused, referred".into()),
        DecisionProblem::ReasonRequired | DecisionProblem::ExplanationRequired => Problem::Required,
        DecisionProblem::ExplanationTooLong => Problem::TooLong {
            max: LONGEST_EXPLANATION,
            given: draft.explanation.trim().chars().count(),
        },
    };
    CaseFieldError { field, problem }
}
