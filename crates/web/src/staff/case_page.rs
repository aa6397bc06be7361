//! The case page: what the case is, and a day's work on it (assignment, status,
//! risk assessment, decisions per need, messages, support, family members,
//! follow-ups), each a form of its own that works without JavaScript. A form
//! sent back with problems shows the page again with what was typed and each
//! problem beside its field.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use torchlight_app::cases::OpenCase;
use torchlight_app::casework::{family_of, needs_of};
use torchlight_app::intake::EntryContent;
use torchlight_core::case::{CaseFieldError, CaseStatus, EntryKind};
use torchlight_core::casework::Person;
use torchlight_core::decision::Outcome;
use torchlight_core::risk::{Assessment, Capacity, Threat, Vulnerability};
use torchlight_core::triage::{risk_of_rank, Timeliness, Waiting};
use torchlight_core::{CaseId, Code, Vocabulary};
use torchlight_i18n::args;
use torchlight_store::{CaseEntry, QueueRow, StaffUser};

use super::cases::{request_facts, shown_name, urgency_label, Fact};
use super::session::Staff;
use super::{context, format_time, render, Frame};
use crate::error::{PageError, WebError};
use crate::explain::Words;
use crate::locale::PageLocale;
use crate::pages::request_form::problem_text;
use crate::pages::PageContext;
use crate::state::AppState;

/// A form of the page sent back with problems.
pub struct Sent {
    /// Which form (`message`, `support`, `decide-defender-legal`...).
    pub form: String,
    pub values: Vec<(String, String)>,
    /// Each problem by field, in the reader's words.
    pub errors: Vec<(&'static str, String)>,
}

impl Sent {
    pub fn new(
        ctx: &PageContext<'_>,
        form: impl Into<String>,
        values: Vec<(String, String)>,
        errors: &[CaseFieldError],
    ) -> Sent {
        Sent {
            form: form.into(),
            values,
            errors: errors
                .iter()
                .map(|error| (error.field, problem_text(ctx, &error.problem)))
                .collect(),
        }
    }
}

/// One line of the conversation with the defender.
pub struct MessageRow {
    pub who: String,
    pub at: String,
    pub detail: Option<String>,
    pub text: String,
}

pub struct AssessmentRow {
    pub level: String,
    pub level_code: &'static str,
    pub by: String,
    pub at: String,
    pub reasoning: String,
    pub note: String,
}

pub struct DecisionRow {
    pub outcome: String,
    pub outcome_code: &'static str,
    pub reason: Option<String>,
    pub explanation: String,
    pub by: String,
    pub at: String,
}

/// A need of one person, with its latest decision and the form to decide it.
pub struct NeedRow {
    pub form: String,
    pub person: String,
    pub person_label: String,
    pub need: String,
    pub need_label: String,
    pub decision: Option<DecisionRow>,
}

pub struct SupportRow {
    pub what: String,
    pub person: String,
    pub amount: Option<String>,
    pub dates: String,
    pub provider: String,
    pub notes: String,
    pub by: String,
}

pub struct FamilyRow {
    pub name: String,
    pub relation: String,
    pub needs: String,
}

pub struct NoteRow {
    pub at: String,
    pub by: String,
    pub text: String,
}

/// A choice of a form's list.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "staff/case.html")]
struct CasePage<'a> {
    ctx: PageContext<'a>,
    frame: Option<Frame>,
    notices: Vec<String>,
    title: String,
    case_path: String,
    contact: String,
    country: String,
    urgency: String,
    opened: String,
    narrative: String,
    status_label: String,
    status_code: &'static str,
    assignee: String,
    timeliness: String,
    overdue: bool,
    follow_up: Option<String>,
    risk: String,
    request: Option<Vec<Fact>>,
    messages: Vec<MessageRow>,
    assessments: Vec<AssessmentRow>,
    needs: Vec<NeedRow>,
    /// For a case staff recorded, which names no needs: any support type.
    open_needs: bool,
    supports: Vec<SupportRow>,
    family: Vec<FamilyRow>,
    follow_ups: Vec<NoteRow>,
    colleagues: Vec<Choice>,
    people: Vec<Choice>,
    support_types: Vec<Choice>,
    reasons: Vec<Choice>,
    sent: Option<Sent>,
    can_edit: bool,
    access_link: String,
    erase_link: String,
    edit_link: String,
    assess_link: String,
    cases_link: String,
    triage_link: String,
}

impl CasePage<'_> {
    /// What was typed in `field` of `form`, when that form came back.
    fn value(&self, form: &str, field: &str) -> &str {
        self.sent
            .as_ref()
            .filter(|sent| sent.form == form)
            .and_then(|sent| sent.values.iter().find(|(k, _)| k == field))
            .map_or("", |(_, v)| v.as_str())
    }

    /// The problem of `field` of `form`, when that form came back with one.
    fn error(&self, form: &str, field: &str) -> Option<&str> {
        self.sent
            .as_ref()
            .filter(|sent| sent.form == form)
            .and_then(|sent| sent.errors.iter().find(|(f, _)| *f == field))
            .map(|(_, message)| message.as_str())
    }

    /// Whether `form` came back with problems (its `<details>` opens).
    fn came_back(&self, form: &str) -> bool {
        self.sent.as_ref().is_some_and(|sent| sent.form == form)
    }
}

/// The page of case `id`, opened for `staff` (the view recorded), with the
/// notices of what was just done and a form that came back, if any.
pub async fn case_page(
    state: &AppState,
    page: &PageLocale,
    staff: &Staff,
    id: CaseId,
    notices: Vec<String>,
    sent: Option<Sent>,
) -> Result<Response, PageError> {
    let app = state.app();
    let case = app
        .cases()
        .open(staff.scope(), id, &staff.actor())
        .await?
        .ok_or(PageError(WebError::NotFound))?;
    let work = app.casework();
    let triage = work.triage_of(staff, id).await?;
    let targets = work.targets(staff).await?;
    let colleagues = work.colleagues(staff).await?;
    let now = app.now_ms();
    let ctx = context(state, page);
    let words = Words::new(state.localizer(), ctx.locale, state.taxonomy());
    let status = if sent.is_some() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    let view = build(
        &ctx,
        &words,
        staff,
        &case,
        triage.as_ref(),
        &targets,
        now,
        &colleagues,
    );
    let OpenCase {
        record, details, ..
    } = case;
    let request = details
        .request
        .as_ref()
        .map(|request| request_facts(&ctx, &words, request));
    let html = render(CasePage {
        title: shown_name(&ctx, details.name),
        case_path: ctx.link(&format!("/staff/cases/{id}")),
        contact: details.contact,
        country: words.country(record.country.as_str()).into_owned(),
        urgency: urgency_label(&ctx, record.urgency.code()),
        opened: format_time(record.created_at_ms),
        narrative: details.narrative,
        status_label: ctx
            .text(&format!("staff-status-{}", record.status.code()))
            .into_owned(),
        status_code: record.status.code(),
        request,
        frame: Some(Frame::of(staff, &ctx)),
        notices,
        sent,
        can_edit: staff.can(torchlight_core::access::Permission::EditCases),
        cases_link: ctx.link("/staff/cases"),
        triage_link: ctx.link("/staff/triage"),
        edit_link: ctx.link(&format!("/staff/cases/{id}/edit")),
        assess_link: ctx.link(&format!("/staff/cases/{id}/assess")),
        access_link: ctx.link(&format!("/staff/cases/{id}/access")),
        erase_link: ctx.link(&format!("/staff/cases/{id}/erase")),
        assignee: view.assignee,
        timeliness: view.timeliness,
        overdue: view.overdue,
        follow_up: view.follow_up,
        risk: view.risk,
        messages: view.messages,
        assessments: view.assessments,
        needs: view.needs,
        open_needs: view.open_needs,
        supports: view.supports,
        family: view.family,
        follow_ups: view.follow_ups,
        colleagues: view.colleagues,
        people: view.people,
        support_types: view.support_types,
        reasons: view.reasons,
        ctx,
    })?;
    Ok((status, html).into_response())
}

/// Everything the page shows of the work on the case.
struct WorkView {
    assignee: String,
    timeliness: String,
    overdue: bool,
    follow_up: Option<String>,
    risk: String,
    messages: Vec<MessageRow>,
    assessments: Vec<AssessmentRow>,
    needs: Vec<NeedRow>,
    open_needs: bool,
    supports: Vec<SupportRow>,
    family: Vec<FamilyRow>,
    follow_ups: Vec<NoteRow>,
    colleagues: Vec<Choice>,
    people: Vec<Choice>,
    support_types: Vec<Choice>,
    reasons: Vec<Choice>,
}

#[allow(clippy::too_many_arguments)]
fn build(
    ctx: &PageContext<'_>,
    words: &Words<'_>,
    staff: &Staff,
    case: &OpenCase,
    triage: Option<&QueueRow>,
    targets: &torchlight_core::triage::TimeTargets,
    now: i64,
    colleagues: &[StaffUser],
) -> WorkView {
    let entries = &case.entries;
    let nobody = || ctx.text("staff-triage-unassigned").into_owned();
    let assignee = triage
        .and_then(|row| row.assignee)
        .and_then(|id| colleagues.iter().find(|u| u.id == id))
        .map_or_else(nobody, |u| u.display_name.clone());
    let (timeliness, overdue) = match triage {
        Some(row) if row.status != CaseStatus::Closed => timeliness_text(ctx, row, targets, now),
        _ => (String::new(), false),
    };
    let follow_up = triage.and_then(|row| row.follow_up_ms).map(format_time);
    let risk = risk_label(ctx, triage.map_or(2, |row| row.risk_rank));
    let family_ids = family_of(entries);
    let person_label = |person: Person| match person {
        Person::Defender => ctx.text("staff-person-defender").into_owned(),
        Person::Family(member) => family_name(entries, member).unwrap_or_default(),
    };
    let by = |content: &EntryContent| content.author.clone().unwrap_or_default();

    let mut messages = Vec::new();
    let mut assessments = Vec::new();
    let mut supports = Vec::new();
    let mut family = Vec::new();
    let mut follow_ups = Vec::new();
    for (entry, content) in entries {
        match entry.kind {
            EntryKind::DefenderMessage | EntryKind::DefenderNewRisk | EntryKind::StaffMessage => {
                messages.push(message_row(ctx, words, entry, content));
            }
            EntryKind::Assessment => {
                if let Some(assessment) = content.scores.as_ref().and_then(|s| s.assess().ok()) {
                    assessments.push(AssessmentRow {
                        level: ctx
                            .text(&format!("staff-risk-{}", assessment.level.code()))
                            .into_owned(),
                        level_code: assessment.level.code(),
                        by: by(content),
                        at: format_time(entry.at_ms),
                        reasoning: reasoning(ctx, &assessment),
                        note: content.text.clone(),
                    });
                }
            }
            EntryKind::Support => {
                if let Some(support) = &content.support {
                    supports.push(SupportRow {
                        what: words
                            .label(Vocabulary::SupportType, support.support.as_str())
                            .into_owned(),
                        person: person_label(support.person),
                        amount: support.amount_text(),
                        dates: match &support.to {
                            Some(to) => format!("{} – {to}", support.from),
                            None => support.from.clone(),
                        },
                        provider: support.provider.clone(),
                        notes: support.notes.clone(),
                        by: by(content),
                    });
                }
            }
            EntryKind::FamilyMember => {
                if let Some(member) = &content.family {
                    family.push(FamilyRow {
                        name: member.name.clone(),
                        relation: member.relation.clone(),
                        needs: words.labels(Vocabulary::SupportType, &member.needs),
                    });
                }
            }
            EntryKind::FollowUp => follow_ups.push(NoteRow {
                at: format_time(entry.at_ms),
                by: by(content),
                text: content.text.clone(),
            }),
            EntryKind::Decision => {}
        }
    }
    // Newest assessment first: the one that counts.
    assessments.reverse();

    let mut people = vec![Person::Defender];
    people.extend(family_ids.iter().copied().map(Person::Family));
    let mut needs = Vec::new();
    let mut open_needs = false;
    for &person in &people {
        let Some(asked) = needs_of(&case.details, entries, person) else {
            open_needs = true;
            continue;
        };
        for need in asked {
            needs.push(NeedRow {
                form: format!("decide-{}-{}", person.form_value(), need.as_str()),
                person: person.form_value(),
                person_label: person_label(person),
                need_label: words
                    .label(Vocabulary::SupportType, need.as_str())
                    .into_owned(),
                decision: latest_decision(ctx, words, entries, person, &need),
                need: need.as_str().to_owned(),
            });
        }
    }
    // Decisions on needs no longer asked (a staff case's): still shown.
    if open_needs {
        for (entry, content) in entries {
            let (Some(decision), Some(person)) = (&content.decision, content.person) else {
                continue;
            };
            let form = format!("decided-{}", entry.id);
            needs.push(NeedRow {
                form,
                person: person.form_value(),
                person_label: person_label(person),
                need: decision.need.as_str().to_owned(),
                need_label: words
                    .label(Vocabulary::SupportType, decision.need.as_str())
                    .into_owned(),
                decision: Some(decision_row(ctx, words, entry, content)),
            });
        }
    }
    let current = triage.and_then(|row| row.assignee);
    let mut colleague_choices: Vec<Choice> = colleagues
        .iter()
        .filter(|user| !user.disabled)
        .map(|user| Choice {
            value: user.id.to_string(),
            label: if user.id == staff.user.id {
                ctx.text_with(
                    "staff-assign-me",
                    &args([("name", user.display_name.clone().into())]),
                )
                .into_owned()
            } else {
                user.display_name.clone()
            },
            selected: Some(user.id) == current,
        })
        .collect();
    crate::collation::sort_by_label(ctx.locale, &mut colleague_choices, |c| &c.label);
    let people = people
        .into_iter()
        .map(|person| Choice {
            value: person.form_value(),
            label: person_label(person),
            selected: false,
        })
        .collect();
    WorkView {
        assignee,
        timeliness,
        overdue,
        follow_up,
        risk,
        messages,
        assessments,
        needs,
        open_needs,
        supports,
        family,
        follow_ups,
        colleagues: colleague_choices,
        people,
        support_types: vocabulary_choices(words, Vocabulary::SupportType, |_| true),
        reasons: vocabulary_choices(words, Vocabulary::RefusalReason, |code| {
            torchlight_core::decision::is_refusal_reason(words.taxonomy, code)
        }),
    }
}

fn vocabulary_choices(
    words: &Words<'_>,
    vocabulary: Vocabulary,
    keep: impl Fn(&str) -> bool,
) -> Vec<Choice> {
    let mut choices: Vec<Choice> = words
        .taxonomy
        .terms(vocabulary)
        .iter()
        .filter(|term| keep(term.code.as_str()))
        .map(|term| Choice {
            value: term.code.as_str().to_owned(),
            label: words.label(vocabulary, term.code.as_str()).into_owned(),
            selected: false,
        })
        .collect();
    crate::collation::sort_by_label(words.locale, &mut choices, |c| &c.label);
    choices
}

fn family_name(entries: &[(CaseEntry, EntryContent)], member: uuid::Uuid) -> Option<String> {
    entries
        .iter()
        .find(|(entry, _)| entry.id == member)
        .and_then(|(_, content)| content.family.as_ref())
        .map(|family| family.name.clone())
}

fn latest_decision(
    ctx: &PageContext<'_>,
    words: &Words<'_>,
    entries: &[(CaseEntry, EntryContent)],
    person: Person,
    need: &Code,
) -> Option<DecisionRow> {
    entries
        .iter()
        .rev()
        .find(|(_, content)| {
            content.person == Some(person)
                && content.decision.as_ref().is_some_and(|d| &d.need == need)
        })
        .map(|(entry, content)| decision_row(ctx, words, entry, content))
}

fn decision_row(
    ctx: &PageContext<'_>,
    words: &Words<'_>,
    entry: &CaseEntry,
    content: &EntryContent,
) -> DecisionRow {
    let (outcome_code, reason, explanation) = match content.decision.as_ref().map(|d| &d.outcome) {
        Some(Outcome::Refused {
            reason,
            explanation,
        }) => (
            "refused",
            Some(
                words
                    .label(Vocabulary::RefusalReason, reason.as_str())
                    .into_owned(),
            ),
            explanation.clone(),
        ),
        Some(Outcome::Referred) => ("referred", None, String::new()),
        _ => ("granted", None, String::new()),
    };
    DecisionRow {
        outcome: ctx
            .text(&format!("staff-outcome-{outcome_code}"))
            .into_owned(),
        outcome_code,
        reason,
        explanation,
        by: content.author.clone().unwrap_or_default(),
        at: format_time(entry.at_ms),
    }
}

fn message_row(
    ctx: &PageContext<'_>,
    words: &Words<'_>,
    entry: &CaseEntry,
    content: &EntryContent,
) -> MessageRow {
    let who = match (entry.kind, &content.author) {
        (EntryKind::StaffMessage, Some(author)) => author.clone(),
        _ => ctx
            .text(&format!("staff-entry-{}", entry.kind.code()))
            .into_owned(),
    };
    let mut detail = Vec::new();
    if let Some(risk) = &content.risk {
        detail.push(
            words
                .label(Vocabulary::RiskType, risk.kind.as_str())
                .into_owned(),
        );
    }
    if !content.needs.is_empty() {
        detail.push(words.labels(Vocabulary::SupportType, &content.needs));
    }
    MessageRow {
        who,
        at: format_time(entry.at_ms),
        detail: (!detail.is_empty()).then(|| detail.join("; ")),
        text: content.text.clone(),
    }
}

/// The risk a queue rank stands for, in words ("not assessed yet" for none).
pub fn risk_label(ctx: &PageContext<'_>, rank: u8) -> String {
    match risk_of_rank(rank) {
        Some(level) => ctx.text(&format!("staff-risk-{}", level.code())),
        None => ctx.text("staff-risk-unassessed"),
    }
    .into_owned()
}

/// Where a case stands against its time target, in words, and whether it is
/// overdue.
pub fn timeliness_text(
    ctx: &PageContext<'_>,
    row: &QueueRow,
    targets: &torchlight_core::triage::TimeTargets,
    now: i64,
) -> (String, bool) {
    let waiting = Waiting {
        case: row.id,
        urgency: row.urgency,
        risk: risk_of_rank(row.risk_rank),
        arrived_ms: row.waiting_since_ms,
        first_answer_ms: row.answered_at_ms,
        assignee: row.assignee,
    };
    let timeliness = waiting.timeliness(targets, now);
    let text = match timeliness {
        Timeliness::Due { at_ms } => ctx.text_with(
            "staff-triage-due",
            &args([("when", format_time(at_ms).into())]),
        ),
        Timeliness::Overdue { since_ms } => ctx.text_with(
            "staff-triage-overdue",
            &args([("when", format_time(since_ms).into())]),
        ),
        Timeliness::AnsweredInTime => ctx.text("staff-triage-answered"),
        Timeliness::AnsweredLate => ctx.text("staff-triage-answered-late"),
    };
    (text.into_owned(), timeliness.is_overdue())
}

/// How an assessment reached its level, in words: the three means, the score,
/// and the factors that weigh most.
pub fn reasoning(ctx: &PageContext<'_>, assessment: &Assessment) -> String {
    let hundredths = |value: u32| format!("{}.{:02}", value / 100, value % 100);
    let mut parts = vec![ctx
        .text_with(
            "staff-risk-reasoning",
            &args([
                ("threats", hundredths(assessment.threats).into()),
                (
                    "vulnerabilities",
                    hundredths(assessment.vulnerabilities).into(),
                ),
                ("capacities", hundredths(assessment.capacities).into()),
                ("score", hundredths(assessment.score).into()),
            ]),
        )
        .into_owned()];
    let named = |ids: Vec<String>| -> String {
        ids.iter()
            .map(|id| ctx.text(id).into_owned())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let threats = named(
        assessment
            .strongest_threats
            .iter()
            .map(|t| factor_id("threat", t.code()))
            .collect(),
    );
    let vulnerabilities = named(
        assessment
            .strongest_vulnerabilities
            .iter()
            .map(|v| factor_id("vulnerability", v.code()))
            .collect(),
    );
    let capacities = named(
        assessment
            .weakest_capacities
            .iter()
            .map(|c| factor_id("capacity", c.code()))
            .collect(),
    );
    for (id, list) in [
        ("staff-risk-strongest-threats", threats),
        ("staff-risk-strongest-vulnerabilities", vulnerabilities),
        ("staff-risk-weakest-capacities", capacities),
    ] {
        if !list.is_empty() {
            parts.push(
                ctx.text_with(id, &args([("factors", list.into())]))
                    .into_owned(),
            );
        }
    }
    parts.join(" ")
}

/// The message id of a factor's name (`staff-risk-threat-explicit`).
pub fn factor_id(kind: &str, code: &str) -> String {
    format!("staff-risk-{kind}-{}", code.replace('_', "-"))
}

/// Every factor of the assessment form: its field name and kind.
pub fn factors() -> Vec<(String, &'static str, &'static str)> {
    let mut all = Vec::new();
    for threat in Threat::ALL {
        all.push((format!("threat_{}", threat.code()), "threat", threat.code()));
    }
    for vulnerability in Vulnerability::ALL {
        all.push((
            format!("vulnerability_{}", vulnerability.code()),
            "vulnerability",
            vulnerability.code(),
        ));
    }
    for capacity in Capacity::ALL {
        all.push((
            format!("capacity_{}", capacity.code()),
            "capacity",
            capacity.code(),
        ));
    }
    all
}
