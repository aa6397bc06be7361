//! The defender's pages: the request form and its receipt, the guided path, and
//! the status page followed with a codename. No page here sets a cookie; the
//! codename travels only in the body of a form posted to this server (a hidden
//! field of the status page's own forms), never in a URL, and every page is
//! `no-store`, so it is not kept in the browser's cache or history.

use askama::Template;
use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use torchlight_app::intake::{NewRisk, Practice, RequestStatus, StatusEntry};
use torchlight_core::case::{CaseStatus, EntryKind, Urgency};
use torchlight_core::casework::Person;
use torchlight_core::decision::Outcome;
use torchlight_core::intake::guide::{self, Answers, Happened, Safety, Touches};
use torchlight_core::intake::{check_message, FieldError, RequestDraft, MAX_MESSAGE_CHARS};
use torchlight_core::{search, Code, Filters, Vocabulary};
use torchlight_crypto::codename::Codename;
use torchlight_i18n::args;
use zeroize::Zeroizing;

use super::request_form::{draft_from_form, Choice, RequestFormView};
use super::{words, PageContext, PageResult};
use crate::error::{PageError, WebError};
use crate::explain::Words;
use crate::locale::PageLocale;
use crate::staff::format_time;
use crate::state::AppState;

/// Services shown for each need while a request waits.
const ALTERNATIVES_PER_NEED: usize = 3;

#[derive(Template)]
#[template(path = "request.html")]
struct RequestPage<'a> {
    ctx: PageContext<'a>,
    title: String,
    form: RequestFormView,
    /// Shown above the form on the guided path's result.
    suggestions: Vec<SuggestionView>,
}

/// A support type the guided path suggests, with where to find it.
struct SuggestionView {
    label: String,
    description: String,
    find: String,
}

fn form_page(
    state: &AppState,
    page: &PageLocale,
    draft: &RequestDraft,
    errors: &[FieldError],
    suggestions: Vec<SuggestionView>,
) -> Result<String, PageError> {
    let ctx = PageContext::new(state, page);
    let words = words(state, page);
    let directory = state.directory();
    let form = RequestFormView::new(
        &ctx,
        &words,
        state.form_options(page.locale),
        &directory,
        draft,
        errors,
    );
    let title = if suggestions.is_empty() {
        ctx.text("request-title")
    } else {
        ctx.text("guide-result-title")
    }
    .into_owned();
    Ok(RequestPage {
        ctx,
        title,
        form,
        suggestions,
    }
    .render()?)
}

/// `GET /request`: the empty form, or filled from a link of the directory
/// (`?send_to=ORG&needs=legal&country=KG`): only those fields, so nothing a
/// defender typed about themselves ever travels in a URL.
pub async fn request_form(
    State(state): State<AppState>,
    page: PageLocale,
    RawQuery(raw): RawQuery,
) -> PageResult {
    let mut draft = RequestDraft::default();
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw.as_deref().unwrap_or(""))
        .map_err(|e| WebError::UnreadableQuery(e.to_string()))?;
    for (key, value) in pairs {
        match key.as_str() {
            "country" => draft.country = value,
            "needs" => draft.needs.push(value),
            "urgency" => draft.urgency = value,
            "send_to" => draft.send_to = Some(value),
            other => {
                return Err(WebError::InvalidInput(format!(
                    "{other}: a link to the request form may fill only country, needs, \
                     urgency and send_to"
                ))
                .into())
            }
        }
    }
    Ok(Html(form_page(&state, &page, &draft, &[], Vec::new())?))
}

#[derive(Template)]
#[template(path = "request_received.html")]
struct ReceivedPage<'a> {
    ctx: PageContext<'a>,
    title: String,
    codename: String,
    sent_at: String,
    organization: String,
    /// After a practice: how it went.
    practice: Option<PracticeView>,
    /// Until it was typed right once.
    offer_practice: bool,
}

struct PracticeView {
    right: bool,
    message: String,
}

/// `POST /request`: checks everything, then stores the request durably and
/// shows the receipt with the codename; or the form again, as typed, with each
/// error beside its field, and nothing stored.
pub async fn submit_request(
    State(state): State<AppState>,
    page: PageLocale,
    body: Bytes,
) -> Result<Response, PageError> {
    let body = Zeroizing::new(body.to_vec());
    let (draft, mut errors) = draft_from_form(&body)
        .map_err(|_| WebError::InvalidInput("the form cannot be read".into()))?;
    let directory = state.directory();
    let valid = match draft.validate(state.taxonomy(), &directory) {
        Ok(valid) if errors.is_empty() => valid,
        Ok(_) => {
            return refused(&state, &page, &draft, &errors);
        }
        Err(more) => {
            errors.extend(more);
            return refused(&state, &page, &draft, &errors);
        }
    };
    let receipt = state.app().intake().submit(valid).await?;
    let organization = directory
        .organization(receipt.recipient)
        .map(|o| o.name.clone())
        .unwrap_or_default();
    let ctx = PageContext::new(&state, &page).without_language_switch();
    let html = ReceivedPage {
        title: ctx.text("received-title").into_owned(),
        codename: receipt.codename.as_str().to_owned(),
        sent_at: format_time(receipt.at_ms),
        organization,
        practice: None,
        offer_practice: true,
        ctx,
    }
    .render()?;
    Ok((StatusCode::CREATED, Html(html)).into_response())
}

fn refused(
    state: &AppState,
    page: &PageLocale,
    draft: &RequestDraft,
    errors: &[FieldError],
) -> Result<Response, PageError> {
    let html = form_page(state, page, draft, errors, Vec::new())?;
    Ok((StatusCode::BAD_REQUEST, Html(html)).into_response())
}

/// The value of `name` in a form body; the body is the caller's to wipe.
fn field(body: &[u8], name: &str) -> Result<Zeroizing<String>, PageError> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(body)
        .map_err(|_| WebError::InvalidInput("the form cannot be read".into()))?;
    Ok(Zeroizing::new(
        pairs
            .into_iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value)
            .unwrap_or_default(),
    ))
}

/// Every value of `name` in a form body.
fn fields(body: &[u8], name: &str) -> Result<Vec<String>, PageError> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(body)
        .map_err(|_| WebError::InvalidInput("the form cannot be read".into()))?;
    Ok(pairs
        .into_iter()
        .filter(|(key, _)| key == name)
        .map(|(_, value)| value)
        .collect())
}

/// `POST /request/practise`: the defender types the codename once from memory.
/// The receipt's own codename comes back in a hidden field, so a slip shows it
/// again instead of losing it; nothing is looked up or stored.
pub async fn practise(State(state): State<AppState>, page: PageLocale, body: Bytes) -> PageResult {
    let body = Zeroizing::new(body.to_vec());
    let shown = field(&body, "codename")?;
    let typed = field(&body, "practice")?;
    let shown = Codename::parse(&shown)
        .map_err(|_| WebError::InvalidInput("codename: not a codename".into()))?;
    let ctx = PageContext::new(&state, &page).without_language_switch();
    let practice = match Codename::parse(&typed) {
        Ok(typed) if typed.as_str() == shown.as_str() => PracticeView {
            right: true,
            message: ctx.text("practice-right").into_owned(),
        },
        Ok(_) => PracticeView {
            right: false,
            message: ctx.text("practice-different").into_owned(),
        },
        Err(torchlight_crypto::codename::CodenameError::WordCount { found, .. }) => PracticeView {
            right: false,
            message: ctx
                .text_with("practice-word-count", &args([("found", found.into())]))
                .into_owned(),
        },
        Err(torchlight_crypto::codename::CodenameError::UnknownWord { position }) => PracticeView {
            right: false,
            message: ctx
                .text_with(
                    "practice-unknown-word",
                    &args([("position", position.into())]),
                )
                .into_owned(),
        },
    };
    Ok(Html(
        ReceivedPage {
            title: ctx.text("practice-title").into_owned(),
            codename: shown.as_str().to_owned(),
            sent_at: String::new(),
            organization: String::new(),
            offer_practice: !practice.right,
            practice: Some(practice),
            ctx,
        }
        .render()?,
    ))
}

#[derive(Template)]
#[template(path = "guide.html")]
struct GuidePage<'a> {
    ctx: PageContext<'a>,
    title: String,
    happened: Vec<Choice>,
    touches: Vec<Choice>,
    urgencies: Vec<Choice>,
    safety: Vec<Choice>,
    countries: String,
}

/// `GET /request/guide`: "not sure what to ask for?" in a few plain questions.
pub async fn guide_form(State(state): State<AppState>, page: PageLocale) -> PageResult {
    let ctx = PageContext::new(&state, &page);
    let choices = |codes: &mut dyn Iterator<Item = &'static str>, prefix: &str| -> Vec<Choice> {
        codes
            .map(|code| Choice {
                value: code.to_owned(),
                label: ctx.text(&format!("{prefix}-{code}")).into_owned(),
                checked: false,
            })
            .collect()
    };
    let html = GuidePage {
        title: ctx.text("guide-title").into_owned(),
        happened: choices(
            &mut Happened::ALL.iter().map(|h| h.code()),
            "guide-happened",
        ),
        touches: choices(&mut Touches::ALL.iter().map(|t| t.code()), "guide-touches"),
        urgencies: choices(
            &mut Urgency::ALL.iter().map(|u| u.code()),
            "request-urgency",
        ),
        safety: choices(&mut Safety::ALL.iter().map(|s| s.code()), "guide-safety"),
        countries: state.form_options(page.locale).country_options(None),
        ctx,
    }
    .render()?;
    Ok(Html(html))
}

/// `POST /request/guide`: the support types that fit the answers, each with
/// the directory's services for it, and the request form filled with them.
/// Posted, not linked, so what happened never sits in a URL.
pub async fn guide_result(
    State(state): State<AppState>,
    page: PageLocale,
    body: Bytes,
) -> PageResult {
    let answers = Answers {
        happened: fields(&body, "happened")?
            .iter()
            .filter_map(|h| Happened::from_code(h))
            .collect(),
        touches: fields(&body, "touches")?
            .iter()
            .filter_map(|t| Touches::from_code(t))
            .collect(),
        urgency: Urgency::from_code(field(&body, "urgency")?.trim()),
        safety: Safety::from_code(&field(&body, "safety")?),
        can_travel: match field(&body, "can_travel")?.trim() {
            "yes" => Some(true),
            "no" => Some(false),
            _ => None,
        },
    };
    let country = field(&body, "country")?.trim().to_uppercase();
    let country = state.taxonomy().resolve(Vocabulary::Country, &country).ok();
    let suggested = guide::suggest(&answers);
    let words = words(&state, &page);
    let ctx = PageContext::new(&state, &page);
    let suggestions = suggested
        .iter()
        .map(|code| SuggestionView {
            label: words.label(Vocabulary::SupportType, code).into_owned(),
            description: words
                .description(Vocabulary::SupportType, code)
                .into_owned(),
            find: ctx.link(&match &country {
                Some(country) => format!("/find?country={}&support={code}", country.as_str()),
                None => format!("/find?support={code}"),
            }),
        })
        .collect();
    let draft = RequestDraft {
        country: country.map(|c| c.as_str().to_owned()).unwrap_or_default(),
        needs: suggested.iter().map(|s| (*s).to_owned()).collect(),
        urgency: answers
            .urgency
            .map(|u| u.code().to_owned())
            .unwrap_or_default(),
        can_travel: answers.can_travel,
        ..RequestDraft::default()
    };
    Ok(Html(form_page(&state, &page, &draft, &[], suggestions)?))
}

#[derive(Template)]
#[template(path = "status_form.html")]
struct StatusFormPage<'a> {
    ctx: PageContext<'a>,
    title: String,
    /// After a codename that found nothing.
    not_found: bool,
}

/// `GET /status`: where a codename is typed.
pub async fn status_form(State(state): State<AppState>, page: PageLocale) -> PageResult {
    let ctx = PageContext::new(&state, &page);
    Ok(Html(
        StatusFormPage {
            title: ctx.text("status-title").into_owned(),
            not_found: false,
            ctx,
        }
        .render()?,
    ))
}

fn not_found(state: &AppState, page: &PageLocale) -> PageResult {
    let ctx = PageContext::new(state, page);
    Ok(Html(
        StatusFormPage {
            title: ctx.text("status-title").into_owned(),
            not_found: true,
            ctx,
        }
        .render()?,
    ))
}

#[derive(Template)]
#[template(path = "status.html")]
struct StatusPage<'a> {
    ctx: PageContext<'a>,
    title: String,
    codename: String,
    state: String,
    organization: String,
    sent_at: String,
    changes: String,
    needs: String,
    urgency: String,
    entries: Vec<EntryView>,
    decisions: Vec<DecisionView>,
    alternatives: Vec<AlternativeView>,
    notice: Option<String>,
    error: Option<String>,
    risk_types: Vec<Choice>,
    need_choices: Vec<Choice>,
}

struct EntryView {
    who: String,
    at: String,
    text: String,
    detail: Option<String>,
    new: bool,
}

/// The latest decision on one need of one person, as the defender reads it.
struct DecisionView {
    need: String,
    /// A family member's name, for a decision about them.
    person: Option<String>,
    outcome: String,
    outcome_code: &'static str,
    reason: Option<String>,
    explanation: String,
    at: String,
    new: bool,
    /// For a refusal: other services of the directory for this need.
    alternatives: Vec<AlternativeView>,
}

struct AlternativeView {
    name: String,
    organization: String,
    link: String,
}

/// The status page for `status`, with a notice of what was just done.
fn status_page(
    state: &AppState,
    page: &PageLocale,
    codename: &str,
    status: &RequestStatus,
    notice: Option<&str>,
    error: Option<String>,
) -> PageResult {
    let ctx = PageContext::new(state, page).without_language_switch();
    let words = words(state, page);
    let directory = state.directory();
    let organization = directory
        .organization(status.recipient)
        .map(|o| o.name.clone())
        .unwrap_or_default();
    let state_id = match status.status {
        CaseStatus::New => "status-state-new",
        CaseStatus::Open => "status-state-open",
        CaseStatus::Closed => "status-state-closed",
    };
    let changes = match status.last_visit_ms {
        None => ctx.text("status-first-visit").into_owned(),
        Some(seen) => ctx
            .text_with(
                if status.changed_since_last_visit() {
                    "status-changed"
                } else {
                    "status-unchanged"
                },
                &args([("when", format_time(seen).into())]),
            )
            .into_owned(),
    };
    let entries = status
        .entries
        .iter()
        .filter(|entry| entry.kind != EntryKind::Decision)
        .map(|entry| entry_view(&ctx, &words, entry))
        .collect();
    let decisions = decision_views(state, &ctx, &words, status);
    let alternatives = alternatives(state, &words, &ctx, status);
    let chosen: Vec<String> = Vec::new();
    let html = StatusPage {
        title: ctx.text("status-title").into_owned(),
        codename: codename.to_owned(),
        state: ctx
            .text_with(
                state_id,
                &args([("organization", organization.clone().into())]),
            )
            .into_owned(),
        organization,
        sent_at: format_time(status.created_at_ms),
        changes,
        needs: words.labels(Vocabulary::SupportType, &status.request.needs),
        urgency: ctx
            .text(&format!("request-urgency-{}", status.urgency.code()))
            .into_owned(),
        entries,
        decisions,
        alternatives,
        notice: notice.map(|id| ctx.text(id).into_owned()),
        error,
        risk_types: choices_of(&words, Vocabulary::RiskType, &chosen),
        need_choices: choices_of(&words, Vocabulary::SupportType, &chosen),
        ctx,
    }
    .render()?;
    Ok(Html(html))
}

fn choices_of(words: &Words<'_>, vocabulary: Vocabulary, chosen: &[String]) -> Vec<Choice> {
    let mut choices: Vec<Choice> = words
        .taxonomy
        .terms(vocabulary)
        .iter()
        .map(|t| Choice {
            value: t.code.as_str().to_owned(),
            label: words.label(vocabulary, t.code.as_str()).into_owned(),
            checked: chosen.iter().any(|c| c == t.code.as_str()),
        })
        .collect();
    crate::collation::sort_by_label(words.locale, &mut choices, |c| &c.label);
    choices
}

fn entry_view(ctx: &PageContext<'_>, words: &Words<'_>, entry: &StatusEntry) -> EntryView {
    let who = match entry.kind {
        EntryKind::DefenderMessage => "status-entry-you",
        EntryKind::DefenderNewRisk => "status-entry-you-new-risk",
        EntryKind::StaffMessage
        | EntryKind::Decision
        | EntryKind::Assessment
        | EntryKind::Support
        | EntryKind::FamilyMember
        | EntryKind::FollowUp => "status-entry-organization",
    };
    let mut detail = Vec::new();
    if let Some(risk) = &entry.content.risk {
        detail.push(
            words
                .label(Vocabulary::RiskType, risk.kind.as_str())
                .into_owned(),
        );
    }
    if !entry.content.needs.is_empty() {
        detail.push(words.labels(Vocabulary::SupportType, &entry.content.needs));
    }
    EntryView {
        who: ctx.text(who).into_owned(),
        at: format_time(entry.at_ms),
        text: entry.content.text.clone(),
        detail: (!detail.is_empty()).then(|| detail.join("; ")),
        new: entry.new_since_last_visit,
    }
}

/// The latest decision on each need of each person, newest first, each refusal
/// with the services that may help instead.
fn decision_views(
    state: &AppState,
    ctx: &PageContext<'_>,
    words: &Words<'_>,
    status: &RequestStatus,
) -> Vec<DecisionView> {
    let mut seen = Vec::new();
    let mut views = Vec::new();
    for entry in status.entries.iter().rev() {
        let Some(decision) = &entry.content.decision else {
            continue;
        };
        let person = entry.content.person;
        if seen.contains(&(person, &decision.need)) {
            continue;
        }
        seen.push((person, &decision.need));
        let (outcome_code, reason, explanation) = match &decision.outcome {
            Outcome::Granted => ("granted", None, String::new()),
            Outcome::Referred => ("referred", None, String::new()),
            Outcome::Refused {
                reason,
                explanation,
            } => (
                "refused",
                Some(
                    ctx.text_with(
                        "status-decision-reason",
                        &args([(
                            "reason",
                            words
                                .label(Vocabulary::RefusalReason, reason.as_str())
                                .into_owned()
                                .into(),
                        )]),
                    )
                    .into_owned(),
                ),
                explanation.clone(),
            ),
        };
        let alternatives = if outcome_code == "refused" {
            services_for(state, words, ctx, status, &decision.need, false)
        } else {
            Vec::new()
        };
        views.push(DecisionView {
            need: words
                .label(Vocabulary::SupportType, decision.need.as_str())
                .into_owned(),
            person: match person {
                Some(Person::Family(member)) => status
                    .family
                    .iter()
                    .find(|(id, _)| *id == member)
                    .map(|(_, family)| {
                        ctx.text_with(
                            "status-decision-for",
                            &args([("name", family.name.clone().into())]),
                        )
                        .into_owned()
                    }),
                _ => None,
            },
            outcome: ctx
                .text(&format!("status-decision-{outcome_code}"))
                .into_owned(),
            outcome_code,
            reason,
            explanation,
            at: format_time(entry.at_ms),
            new: entry.new_since_last_visit,
            alternatives,
        });
    }
    views
}

/// Services of the directory offering what was asked for in the request's
/// country, other than the recipient's: what a defender can turn to meanwhile,
/// and after a refusal.
fn alternatives(
    state: &AppState,
    words: &Words<'_>,
    ctx: &PageContext<'_>,
    status: &RequestStatus,
) -> Vec<AlternativeView> {
    let mut shown: Vec<AlternativeView> = Vec::new();
    for need in &status.request.needs {
        for service in services_for(state, words, ctx, status, need, true) {
            if !shown.iter().any(|s| s.link == service.link) {
                shown.push(service);
            }
        }
    }
    shown
}

/// Up to `ALTERNATIVES_PER_NEED` services for `need` in the request's country,
/// not the recipient's; each named with the need when `with_need`.
fn services_for(
    state: &AppState,
    words: &Words<'_>,
    ctx: &PageContext<'_>,
    status: &RequestStatus,
    need: &Code,
    with_need: bool,
) -> Vec<AlternativeView> {
    let directory = state.directory();
    let filters = Filters {
        country: Some(status.country.clone()),
        support: Some(need.clone()),
        ..Filters::default()
    };
    search::search(&directory, state.taxonomy(), &filters)
        .iter()
        .filter(|hit| hit.organization.id != status.recipient)
        .take(ALTERNATIVES_PER_NEED)
        .map(|hit| AlternativeView {
            name: if with_need {
                words
                    .label(Vocabulary::SupportType, need.as_str())
                    .into_owned()
                    + ": "
                    + &hit.service.name
            } else {
                hit.service.name.clone()
            },
            organization: hit.organization.name.clone(),
            link: ctx.link(&format!("/services/{}", hit.service.id)),
        })
        .collect()
}

/// `POST /status`: the request the codename finds, or the same answer for any
/// codename that finds nothing.
pub async fn status(State(state): State<AppState>, page: PageLocale, body: Bytes) -> PageResult {
    let body = Zeroizing::new(body.to_vec());
    let typed = field(&body, "codename")?;
    match state.app().intake().status(&typed).await? {
        Some(found) => status_page(&state, &page, &normalised(&typed), &found, None, None),
        None => not_found(&state, &page),
    }
}

/// The codename as the hidden fields carry it on.
fn normalised(typed: &str) -> String {
    Codename::parse(typed)
        .map(|c| c.as_str().to_owned())
        .unwrap_or_default()
}

/// Shows the status again after a change (`notice`), or the error that kept it
/// from being made.
async fn after(
    state: &AppState,
    page: &PageLocale,
    typed: &str,
    notice: Option<&str>,
    error: Option<String>,
) -> PageResult {
    match state.app().intake().status(typed).await? {
        Some(found) => status_page(state, page, &normalised(typed), &found, notice, error),
        None => not_found(state, page),
    }
}

fn message_error(ctx: &PageContext<'_>, error: &FieldError) -> String {
    super::request_form::problem_text(ctx, &error.problem)
}

/// `POST /status/reply`: the defender's message to the organisation.
pub async fn reply(State(state): State<AppState>, page: PageLocale, body: Bytes) -> PageResult {
    let body = Zeroizing::new(body.to_vec());
    let typed = field(&body, "codename")?;
    let message = field(&body, "message")?;
    let text = match check_message("message", &message, MAX_MESSAGE_CHARS) {
        Ok(text) => text,
        Err(error) => {
            let ctx = PageContext::new(&state, &page);
            let shown = message_error(&ctx, &error);
            return after(&state, &page, &typed, None, Some(shown)).await;
        }
    };
    if !state.app().intake().reply(&typed, text).await? {
        return not_found(&state, &page);
    }
    after(&state, &page, &typed, Some("status-reply-sent"), None).await
}

/// `POST /status/report`: a new risk or need, added to the same request; a
/// closed case opens again.
pub async fn report(State(state): State<AppState>, page: PageLocale, body: Bytes) -> PageResult {
    let body = Zeroizing::new(body.to_vec());
    let typed = field(&body, "codename")?;
    let taxonomy = state.taxonomy();
    let ctx = PageContext::new(&state, &page);
    let kind = field(&body, "risk_type")?;
    let risk = match kind.trim() {
        "" => None,
        given => match taxonomy.resolve(Vocabulary::RiskType, given) {
            Ok(kind) => Some(torchlight_core::intake::Risk {
                kind,
                source: None,
                stage: None,
                affects: Vec::new(),
                onset: Some(torchlight_core::intake::Onset::New),
            }),
            Err(_) => {
                let shown = ctx.text("request-error-unknown-code").into_owned();
                return after(&state, &page, &typed, None, Some(shown)).await;
            }
        },
    };
    let mut needs: Vec<Code> = Vec::new();
    for given in fields(&body, "needs")? {
        match taxonomy.resolve(Vocabulary::SupportType, given.trim()) {
            Ok(code) if !needs.contains(&code) => needs.push(code),
            Ok(_) => {}
            Err(_) => {
                let shown = ctx.text("request-error-unknown-code").into_owned();
                return after(&state, &page, &typed, None, Some(shown)).await;
            }
        }
    }
    let text = field(&body, "text")?;
    let text = text.trim();
    if risk.is_none() && needs.is_empty() && text.is_empty() {
        let shown = ctx.text("status-report-empty").into_owned();
        return after(&state, &page, &typed, None, Some(shown)).await;
    }
    let given = text.chars().count();
    if given > MAX_MESSAGE_CHARS {
        let error = FieldError {
            field: "text".into(),
            problem: torchlight_core::intake::Problem::TooLong {
                max: MAX_MESSAGE_CHARS,
                given,
            },
        };
        let shown = message_error(&ctx, &error);
        return after(&state, &page, &typed, None, Some(shown)).await;
    }
    let report = NewRisk {
        risk,
        needs,
        text: text.to_owned(),
    };
    if !state.app().intake().report_new_risk(&typed, report).await? {
        return not_found(&state, &page);
    }
    after(&state, &page, &typed, Some("status-report-sent"), None).await
}

#[derive(Template)]
#[template(path = "withdraw.html")]
struct WithdrawPage<'a> {
    ctx: PageContext<'a>,
    title: String,
    /// Set while asking for confirmation; empty once withdrawn.
    codename: String,
    withdrawn: bool,
}

/// `POST /status/withdraw`: asks once for confirmation (`confirm=yes`), then
/// withdraws and destroys the request.
pub async fn withdraw(
    State(state): State<AppState>,
    page: PageLocale,
    body: Bytes,
) -> Result<Response, PageError> {
    let body = Zeroizing::new(body.to_vec());
    let typed = field(&body, "codename")?;
    let confirmed = field(&body, "confirm")?.trim() == "yes";
    let ctx = PageContext::new(&state, &page).without_language_switch();
    if !confirmed {
        // Only a codename that finds a request gets the question; looking does
        // not count as a visit.
        if state.app().intake().practise(&typed).await? != Practice::Finds {
            return Ok(not_found(&state, &page)?.into_response());
        }
        let html = WithdrawPage {
            title: ctx.text("withdraw-title").into_owned(),
            codename: normalised(&typed),
            withdrawn: false,
            ctx,
        }
        .render()?;
        return Ok(Html(html).into_response());
    }
    if !state.app().intake().withdraw(&typed).await? {
        return Ok(not_found(&state, &page)?.into_response());
    }
    let html = WithdrawPage {
        title: ctx.text("withdrawn-title").into_owned(),
        codename: String::new(),
        withdrawn: true,
        ctx,
    }
    .render()?;
    Ok(Html(html).into_response())
}
