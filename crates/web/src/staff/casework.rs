//! A caseworker's day: the triage queue, follow-ups, time targets, and the forms
//! of the case page (assign, status, assess, decide, message, support, family,
//! follow-up). Handlers only read the form and show the answer; the rules are
//! in `core`, the work in `app::casework`.

use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use torchlight_app::casework::Recorded;
use torchlight_core::case::{CaseStatus, Urgency};
use torchlight_core::casework::{FamilyDraft, SupportDraft};
use torchlight_core::decision::DecisionDraft;
use torchlight_core::intake::Problem;
use torchlight_core::risk::{Scores, MOST};
use torchlight_core::triage::TimeTargets;
use torchlight_core::{CaseId, UserId};
use torchlight_i18n::args;
use torchlight_store::{QueueFilter, QueueRow, StaffUser};

use super::case_page::{case_page, factor_id, factors, risk_label, timeliness_text, Sent};
use super::cases::urgency_label;
use super::guard::redirect;
use super::secret_form::SecretForm;
use super::session::Staff;
use super::{context, format_time, render, Frame};
use crate::error::{PageError, WebError};
use crate::explain::Words;
use crate::locale::PageLocale;
use crate::pages::request_form::problem_text;
use crate::pages::PageContext;
use crate::state::AppState;

type PageResponse = Result<Response, PageError>;
type Pairs = Vec<(String, String)>;

/// The first value of `name` in a form.
fn get<'a>(pairs: &'a Pairs, name: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.as_str())
}

/// Every value of `name` (checkboxes).
fn all(pairs: &Pairs, name: &str) -> Vec<String> {
    pairs
        .iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
        .collect()
}

/// The form's fields as typed, without the token: what a form sent back shows.
fn typed(pairs: Pairs) -> Pairs {
    pairs.into_iter().filter(|(k, _)| k != "csrf").collect()
}

fn case_id(raw: &str) -> Result<CaseId, PageError> {
    raw.parse().map_err(|_| PageError(WebError::NotFound))
}

/// Back to the case, saying what was done (`?done=...`), at the section it
/// was done in.
fn back_to_case(page: &PageLocale, id: CaseId, done: &str, section: &str) -> Response {
    redirect(&format!(
        "{}/staff/cases/{id}?done={done}#{section}",
        page.prefix()
    ))
}

/// What `?done=` names, in words; nothing for anything else.
pub fn done_notice(ctx: &PageContext<'_>, query: Option<&str>) -> Vec<String> {
    const DONE: [&str; 9] = [
        "assigned",
        "status",
        "assessed",
        "decided",
        "message",
        "support",
        "family",
        "follow-up",
        "saved",
    ];
    let Some(query) = query else {
        return Vec::new();
    };
    query
        .split('&')
        .filter_map(|part| match part {
            // After recording or correcting the case itself.
            "saved" => Some("staff-case-saved".to_owned()),
            _ => part
                .strip_prefix("done=")
                .filter(|done| DONE.contains(done))
                .map(|done| format!("staff-done-{done}")),
        })
        .map(|id| ctx.text(&id).into_owned())
        .collect()
}

/// What recording a form came to, as the answer: back to the case, the case
/// page again with the form's problems, or not found.
async fn answer(
    state: &AppState,
    page: &PageLocale,
    staff: &Staff,
    id: CaseId,
    recorded: Recorded<()>,
    values: Pairs,
    (form, done, section): (&str, &str, &str),
) -> PageResponse {
    match recorded {
        Recorded::Done(()) => Ok(back_to_case(page, id, done, section)),
        Recorded::NotFound => Err(WebError::NotFound.into()),
        Recorded::Invalid(errors) => {
            let ctx = context(state, page);
            let sent = Sent::new(&ctx, form, typed(values), &errors);
            case_page(state, page, staff, id, Vec::new(), Some(sent)).await
        }
    }
}

/// `POST /staff/cases/{id}/assign`: to a colleague, or back to the shared queue.
pub async fn assign(
    State(state): State<AppState>,
    page: PageLocale,
    staff: Staff,
    Path(id): Path<String>,
    SecretForm(form): SecretForm<Pairs>,
) -> PageResponse {
    let id = case_id(&id)?;
    let assignee = match get(&form, "assignee").trim() {
        "" => None,
        raw => match raw.parse::<UserId>() {
            Ok(user) => Some(user),
            Err(_) => {
                let ctx = context(&state, &page);
                let problem = Problem::NotAChoice("an account".into());
                let error = torchlight_core::case::CaseFieldError {
                    field: "assignee",
                    problem,
                };
                let sent = Sent::new(&ctx, "assign", typed(form), &[error]);
                return case_page(&state, &page, &staff, id, Vec::new(), Some(sent)).await;
            }
        },
    };
    let recorded = state.app().casework().assign(&staff, id, assignee).await?;
    answer(
        &state,
        &page,
        &staff,
        id,
        recorded,
        form,
        ("assign", "assigned", "case-summary"),
    )
    .await
}

/// `POST /staff/cases/{id}/status`: take a request up, close, or reopen.
pub async fn set_status(
    State(state): State<AppState>,
    page: PageLocale,
    staff: Staff,
    Path(id): Path<String>,
    SecretForm(form): SecretForm<Pairs>,
) -> PageResponse {
    let id = case_id(&id)?;
    let status = CaseStatus::from_code(get(&form, "status").trim())
        .ok_or_else(|| WebError::InvalidInput("status: choose open or closed".into()))?;
    if !state
        .app()
        .cases()
        .set_status(staff.scope(), id, status, &staff.actor())
        .await?
    {
        return Err(WebError::NotFound.into());
    }
    Ok(back_to_case(&page, id, "status", "case-summary"))
}

/// `POST /staff/cases/{id}/decide`: a decision on one need of one person.
pub async fn decide(
    State(state): State<AppState>,
    page: PageLocale,
    staff: Staff,
    Path(id): Path<String>,
    SecretForm(form): SecretForm<Pairs>,
) -> PageResponse {
    let id = case_id(&id)?;
    let draft = DecisionDraft {
        need: get(&form, "need").to_owned(),
        outcome: get(&form, "outcome").to_owned(),
        reason: get(&form, "reason").to_owned(),
        explanation: get(&form, "explanation").to_owned(),
    };
    let person = get(&form, "person").to_owned();
    // The general form names itself; each need's form is named by its need.
    let form_name = match get(&form, "form") {
        "decide" => "decide".to_owned(),
        _ => format!("decide-{}-{}", person.trim(), draft.need.trim()),
    };
    let recorded = state
        .app()
        .casework()
        .decide(&staff, id, state.taxonomy(), draft, &person)
        .await?;
    answer(
        &state,
        &page,
        &staff,
        id,
        recorded,
        form,
        (&form_name, "decided", "decisions"),
    )
    .await
}

/// `POST /staff/cases/{id}/message`: a message the defender reads on the status
/// page.
pub async fn message(
    State(state): State<AppState>,
    page: PageLocale,
    staff: Staff,
    Path(id): Path<String>,
    SecretForm(form): SecretForm<Pairs>,
) -> PageResponse {
    let id = case_id(&id)?;
    let recorded = state
        .app()
        .casework()
        .message(&staff, id, get(&form, "text"))
        .await?;
    answer(
        &state,
        &page,
        &staff,
        id,
        recorded,
        form,
        ("message", "message", "messages"),
    )
    .await
}

/// `POST /staff/cases/{id}/support`: support given.
pub async fn support(
    State(state): State<AppState>,
    page: PageLocale,
    staff: Staff,
    Path(id): Path<String>,
    SecretForm(form): SecretForm<Pairs>,
) -> PageResponse {
    let id = case_id(&id)?;
    let draft = SupportDraft {
        support: get(&form, "support").to_owned(),
        person: get(&form, "person").to_owned(),
        amount: get(&form, "amount").to_owned(),
        currency: get(&form, "currency").to_owned(),
        from: get(&form, "from").to_owned(),
        to: get(&form, "to").to_owned(),
        provider: get(&form, "provider").to_owned(),
        notes: get(&form, "notes").to_owned(),
    };
    let recorded = state
        .app()
        .casework()
        .record_support(&staff, id, state.taxonomy(), draft)
        .await?;
    answer(
        &state,
        &page,
        &staff,
        id,
        recorded,
        form,
        ("support", "support", "support"),
    )
    .await
}

/// `POST /staff/cases/{id}/family`: a family member of the defender.
pub async fn family(
    State(state): State<AppState>,
    page: PageLocale,
    staff: Staff,
    Path(id): Path<String>,
    SecretForm(form): SecretForm<Pairs>,
) -> PageResponse {
    let id = case_id(&id)?;
    let draft = FamilyDraft {
        name: get(&form, "name").to_owned(),
        relation: get(&form, "relation").to_owned(),
        needs: all(&form, "needs"),
    };
    let recorded = state
        .app()
        .casework()
        .add_family_member(&staff, id, state.taxonomy(), draft)
        .await?;
    answer(
        &state,
        &page,
        &staff,
        id,
        recorded,
        form,
        ("family", "family", "family"),
    )
    .await
}

/// `POST /staff/cases/{id}/follow-up`: a follow-up made; the next is scheduled.
pub async fn follow_up(
    State(state): State<AppState>,
    page: PageLocale,
    staff: Staff,
    Path(id): Path<String>,
    SecretForm(form): SecretForm<Pairs>,
) -> PageResponse {
    let id = case_id(&id)?;
    let recorded = state
        .app()
        .casework()
        .follow_up(&staff, id, get(&form, "note"))
        .await?;
    answer(
        &state,
        &page,
        &staff,
        id,
        recorded,
        form,
        ("follow-up", "follow-up", "follow-ups"),
    )
    .await
}

/// One factor of the assessment form.
pub struct FactorRow {
    pub field: String,
    pub label: String,
    pub hint: String,
    /// The score chosen, when the form came back.
    pub chosen: Option<u8>,
    pub error: bool,
}

/// The factors of one kind, under their heading.
pub struct FactorGroup {
    pub heading: String,
    pub lead: String,
    pub factors: Vec<FactorRow>,
}

#[derive(Template)]
#[template(path = "staff/assess.html")]
struct AssessPage<'a> {
    ctx: PageContext<'a>,
    frame: Option<Frame>,
    notices: Vec<String>,
    title: String,
    action: String,
    back: String,
    groups: Vec<FactorGroup>,
    scores: Vec<(u8, String)>,
    note: String,
    errors: Vec<String>,
}

fn assess_page(
    state: &AppState,
    page: &PageLocale,
    staff: &Staff,
    id: CaseId,
    form: &Pairs,
    errors: Vec<String>,
) -> PageResponse {
    let ctx = context(state, page);
    let mut groups: Vec<FactorGroup> = ["threat", "vulnerability", "capacity"]
        .into_iter()
        .map(|kind| FactorGroup {
            heading: ctx.text(&format!("staff-risk-{kind}-heading")).into_owned(),
            lead: ctx.text(&format!("staff-risk-{kind}-lead")).into_owned(),
            factors: Vec::new(),
        })
        .collect();
    let came_back = !errors.is_empty();
    for (field, kind, code) in factors() {
        let slot = match kind {
            "threat" => 0,
            "vulnerability" => 1,
            _ => 2,
        };
        let id = factor_id(kind, code);
        let chosen = get(form, &field).parse::<u8>().ok().filter(|s| *s <= MOST);
        if let Some(group) = groups.get_mut(slot) {
            group.factors.push(FactorRow {
                label: ctx.text(&id).into_owned(),
                hint: ctx.text(&format!("{id}-hint")).into_owned(),
                error: came_back && chosen.is_none(),
                chosen,
                field,
            });
        }
    }
    let scores = (0..=MOST)
        .map(|score| {
            (
                score,
                ctx.text(&format!("staff-risk-score-{score}")).into_owned(),
            )
        })
        .collect();
    let status = if came_back {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    let html = render(AssessPage {
        title: ctx.text("staff-risk-assess").into_owned(),
        action: ctx.link(&format!("/staff/cases/{id}/assess")),
        back: ctx.link(&format!("/staff/cases/{id}")),
        frame: Some(Frame::of(staff, &ctx)),
        notices: Vec::new(),
        groups,
        scores,
        note: get(form, "note").to_owned(),
        errors,
        ctx,
    })?;
    Ok((status, html).into_response())
}

/// `GET /staff/cases/{id}/assess`: the assessment form (13 factors scored 0 to
/// 3). Only for a case the organisation owns.
pub async fn assess_form(
    State(state): State<AppState>,
    page: PageLocale,
    staff: Staff,
    Path(id): Path<String>,
) -> PageResponse {
    let id = case_id(&id)?;
    if state
        .app()
        .casework()
        .triage_of(&staff, id)
        .await?
        .is_none()
    {
        return Err(WebError::NotFound.into());
    }
    assess_page(&state, &page, &staff, id, &Vec::new(), Vec::new())
}

/// `POST /staff/cases/{id}/assess`: every factor must be scored; the level and
/// the next follow-up follow from the scores.
pub async fn assess(
    State(state): State<AppState>,
    page: PageLocale,
    staff: Staff,
    Path(id): Path<String>,
    SecretForm(form): SecretForm<Pairs>,
) -> PageResponse {
    let id = case_id(&id)?;
    let ctx = context(&state, &page);
    let mut scores = Scores {
        threats: [0; 4],
        vulnerabilities: [0; 5],
        capacities: [0; 4],
    };
    let mut missing = Vec::new();
    let (mut t, mut v, mut c) = (0, 0, 0);
    for (field, kind, code) in factors() {
        let score = get(&form, &field).parse::<u8>().ok().filter(|s| *s <= MOST);
        let Some(score) = score else {
            missing.push(ctx.text(&factor_id(kind, code)).into_owned());
            continue;
        };
        let slot = match kind {
            "threat" => {
                t += 1;
                scores.threats.get_mut(t - 1)
            }
            "vulnerability" => {
                v += 1;
                scores.vulnerabilities.get_mut(v - 1)
            }
            _ => {
                c += 1;
                scores.capacities.get_mut(c - 1)
            }
        };
        if let Some(slot) = slot {
            *slot = score;
        }
    }
    if !missing.is_empty() {
        let error = ctx
            .text_with(
                "staff-risk-unscored",
                &args([("factors", missing.join(", ").into())]),
            )
            .into_owned();
        return assess_page(&state, &page, &staff, id, &form, vec![error]);
    }
    match state
        .app()
        .casework()
        .assess(&staff, id, scores, get(&form, "note"))
        .await?
    {
        Recorded::Done(_) => Ok(back_to_case(&page, id, "assessed", "risk")),
        Recorded::NotFound => Err(WebError::NotFound.into()),
        Recorded::Invalid(errors) => {
            let shown = errors
                .iter()
                .map(|e| problem_text(&ctx, &e.problem))
                .collect();
            assess_page(&state, &page, &staff, id, &form, shown)
        }
    }
}

/// A row of the queue or of the follow-up list.
pub struct QueueLine {
    pub link: String,
    pub label: String,
    pub urgency: String,
    pub urgent: bool,
    pub risk: String,
    pub country: String,
    pub status: String,
    pub waiting: String,
    pub timeliness: String,
    pub overdue: bool,
    pub assignee: String,
    pub follow_up: String,
    pub follow_up_due: bool,
}

/// A case's short name on lists that show no names: the end of its id, which
/// is random (the start is its time).
fn short_label(ctx: &PageContext<'_>, id: CaseId) -> String {
    let id = id.to_string();
    let tail = id.get(id.len().saturating_sub(8)..).unwrap_or_default();
    ctx.text_with("staff-triage-case", &args([("id", tail.to_owned().into())]))
        .into_owned()
}

fn queue_line(
    ctx: &PageContext<'_>,
    words: &Words<'_>,
    row: &QueueRow,
    targets: &TimeTargets,
    now: i64,
    colleagues: &[StaffUser],
) -> QueueLine {
    let (timeliness, overdue) = if row.status == CaseStatus::Closed {
        (String::new(), false)
    } else {
        timeliness_text(ctx, row, targets, now)
    };
    QueueLine {
        link: ctx.link(&format!("/staff/cases/{}", row.id)),
        label: short_label(ctx, row.id),
        urgency: urgency_label(ctx, row.urgency.code()),
        urgent: matches!(row.urgency, Urgency::DetainedNow | Urgency::ThreatToLife),
        risk: risk_label(ctx, row.risk_rank),
        country: words.country(row.country.as_str()).into_owned(),
        status: ctx
            .text(&format!("staff-status-{}", row.status.code()))
            .into_owned(),
        waiting: format_time(row.waiting_since_ms),
        timeliness,
        overdue,
        assignee: row
            .assignee
            .and_then(|id| colleagues.iter().find(|u| u.id == id))
            .map_or_else(
                || ctx.text("staff-triage-unassigned").into_owned(),
                |u| u.display_name.clone(),
            ),
        follow_up: row.follow_up_ms.map(format_time).unwrap_or_default(),
        follow_up_due: row.follow_up_ms.is_some_and(|due| due <= now),
    }
}

/// A count of the queue's head.
pub struct CountRow {
    pub label: String,
    pub open: i64,
    pub unassigned: i64,
    pub overdue: i64,
    pub target: String,
    pub urgent: bool,
}

/// A view of the queue: its link and whether it is the one shown.
pub struct Tab {
    pub label: String,
    pub link: String,
    pub current: bool,
}

/// The queue's column headings, looked up once (each row's cells repeat them
/// as labels for narrow screens).
pub struct Heads {
    pub case: String,
    pub urgency: String,
    pub risk: String,
    pub country: String,
    pub waiting: String,
    pub first_answer: String,
    pub status: String,
    pub assignee: String,
    pub open: String,
    pub unassigned: String,
    pub overdue: String,
    pub target: String,
}

impl Heads {
    fn of(ctx: &PageContext<'_>) -> Heads {
        let t = |id: &str| ctx.text(id).into_owned();
        Heads {
            case: t("staff-triage-case-heading"),
            urgency: t("staff-case-urgency"),
            risk: t("staff-case-risk"),
            country: t("staff-case-country"),
            waiting: t("staff-triage-waiting"),
            first_answer: t("staff-case-first-answer"),
            status: t("staff-case-status"),
            assignee: t("staff-case-assignee"),
            open: t("staff-triage-open"),
            unassigned: t("staff-triage-unassigned-count"),
            overdue: t("staff-triage-overdue-count"),
            target: t("staff-triage-target"),
        }
    }
}

#[derive(Template)]
#[template(path = "staff/triage.html")]
struct TriagePage<'a> {
    ctx: PageContext<'a>,
    heads: Heads,
    frame: Option<Frame>,
    notices: Vec<String>,
    title: String,
    tabs: Vec<Tab>,
    counts: Vec<CountRow>,
    total: CountRow,
    rows: Vec<QueueLine>,
    previous: Option<String>,
    next: Option<String>,
    targets_link: Option<String>,
}

/// The query of the triage page: which view and which page.
fn triage_query(query: Option<&str>) -> (&str, u32) {
    let mut view = "all";
    let mut page = 0;
    for part in query.unwrap_or("").split('&') {
        match part.split_once('=') {
            Some(("view", value)) if ["all", "shared", "mine"].contains(&value) => view = value,
            Some(("page", value)) => page = value.parse().unwrap_or(0).min(100_000),
            _ => {}
        }
    }
    (view, page)
}

/// `GET /staff/triage`: the organisation's open cases, most pressing first, with
/// the overdue marked and counted; `?view=shared` for the unassigned, `?view=mine`
/// for one's own; 50 a page.
pub async fn triage(
    State(state): State<AppState>,
    page: PageLocale,
    staff: Staff,
    RawQuery(query): RawQuery,
) -> PageResponse {
    let (view, number) = triage_query(query.as_deref());
    let filter = match view {
        "shared" => QueueFilter::Unassigned,
        "mine" => QueueFilter::AssignedTo(staff.user.id),
        _ => QueueFilter::All,
    };
    let queue = state.app().casework().queue(&staff, filter, number).await?;
    let ctx = context(&state, &page);
    let words = Words::new(state.localizer(), ctx.locale, state.taxonomy());
    let link =
        |view: &str, number: u32| ctx.link(&format!("/staff/triage?view={view}&page={number}"));
    let tabs = ["all", "shared", "mine"]
        .into_iter()
        .map(|tab| Tab {
            label: ctx.text(&format!("staff-triage-view-{tab}")).into_owned(),
            link: link(tab, 0),
            current: tab == view,
        })
        .collect();
    let hours = |h: u32| {
        ctx.text_with("staff-triage-hours", &args([("hours", h.into())]))
            .into_owned()
    };
    let counts: Vec<CountRow> = Urgency::ALL
        .iter()
        .zip(queue.counts.iter())
        .map(|(urgency, counted)| CountRow {
            label: urgency_label(&ctx, urgency.code()),
            open: counted.open,
            unassigned: counted.unassigned,
            overdue: counted.overdue,
            target: hours(queue.targets.hours(*urgency)),
            urgent: matches!(urgency, Urgency::DetainedNow | Urgency::ThreatToLife),
        })
        .collect();
    let total = CountRow {
        label: ctx.text("staff-triage-total").into_owned(),
        open: counts.iter().map(|c| c.open).sum(),
        unassigned: counts.iter().map(|c| c.unassigned).sum(),
        overdue: counts.iter().map(|c| c.overdue).sum(),
        target: String::new(),
        urgent: false,
    };
    let rows = queue
        .rows
        .iter()
        .map(|row| {
            queue_line(
                &ctx,
                &words,
                row,
                &queue.targets,
                queue.now_ms,
                &queue.colleagues,
            )
        })
        .collect();
    let html = render(TriagePage {
        heads: Heads::of(&ctx),
        title: ctx.text("staff-triage-title").into_owned(),
        frame: Some(Frame::of(&staff, &ctx)),
        notices: Vec::new(),
        tabs,
        counts,
        total,
        rows,
        previous: (number > 0).then(|| link(view, number - 1)),
        next: queue.has_more.then(|| link(view, number + 1)),
        targets_link: staff
            .can(torchlight_core::access::Permission::ManageStaff)
            .then(|| ctx.link("/staff/triage/targets")),
        ctx,
    })?;
    Ok(html.into_response())
}

#[derive(Template)]
#[template(path = "staff/follow_ups.html")]
struct FollowUpsPage<'a> {
    ctx: PageContext<'a>,
    frame: Option<Frame>,
    notices: Vec<String>,
    title: String,
    rows: Vec<QueueLine>,
}

/// `GET /staff/follow-ups`: the cases due for a follow-up within the week, and
/// those overdue, soonest first.
pub async fn follow_ups(
    State(state): State<AppState>,
    page: PageLocale,
    staff: Staff,
) -> PageResponse {
    let work = state.app().casework();
    let due = work.follow_ups(&staff).await?;
    let targets = work.targets(&staff).await?;
    let colleagues = work.colleagues(&staff).await?;
    let now = state.app().now_ms();
    let ctx = context(&state, &page);
    let words = Words::new(state.localizer(), ctx.locale, state.taxonomy());
    let rows = due
        .iter()
        .map(|row| queue_line(&ctx, &words, row, &targets, now, &colleagues))
        .collect();
    let html = render(FollowUpsPage {
        title: ctx.text("staff-follow-ups-title").into_owned(),
        frame: Some(Frame::of(&staff, &ctx)),
        notices: Vec::new(),
        rows,
        ctx,
    })?;
    Ok(html.into_response())
}

#[derive(Template)]
#[template(path = "staff/targets.html")]
struct TargetsPage<'a> {
    ctx: PageContext<'a>,
    frame: Option<Frame>,
    notices: Vec<String>,
    title: String,
    action: String,
    fields: Vec<(&'static str, String, String)>,
    error: Option<String>,
}

fn targets_page(
    state: &AppState,
    page: &PageLocale,
    staff: &Staff,
    values: [String; 4],
    notices: Vec<String>,
    error: Option<String>,
) -> PageResponse {
    let ctx = context(state, page);
    let fields = Urgency::ALL
        .iter()
        .zip(values)
        .map(|(urgency, value)| (urgency.code(), urgency_label(&ctx, urgency.code()), value))
        .collect();
    let status = if error.is_some() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    let html = render(TargetsPage {
        title: ctx.text("staff-targets-title").into_owned(),
        action: ctx.link("/staff/triage/targets"),
        frame: Some(Frame::of(staff, &ctx)),
        notices,
        fields,
        error,
        ctx,
    })?;
    Ok((status, html).into_response())
}

/// `GET /staff/triage/targets`: the organisation's hours to a first answer.
pub async fn targets_form(
    State(state): State<AppState>,
    page: PageLocale,
    staff: Staff,
    RawQuery(query): RawQuery,
) -> PageResponse {
    let targets = state.app().casework().targets(&staff).await?;
    let values = Urgency::ALL.map(|u| targets.hours(u).to_string());
    let ctx = context(&state, &page);
    let notices = done_notice(&ctx, query.as_deref());
    targets_page(&state, &page, &staff, values, notices, None)
}

/// `POST /staff/triage/targets`: refused, as typed, when out of range or order.
pub async fn set_targets(
    State(state): State<AppState>,
    page: PageLocale,
    staff: Staff,
    SecretForm(form): SecretForm<Pairs>,
) -> PageResponse {
    let values = Urgency::ALL.map(|u| get(&form, u.code()).trim().to_owned());
    let ctx = context(&state, &page);
    let parsed: Vec<Option<u32>> = values.iter().map(|v| v.parse().ok()).collect();
    let targets = match parsed.as_slice() {
        [Some(a), Some(b), Some(c), Some(d)] => TimeTargets {
            detained_now: *a,
            threat_to_life: *b,
            within_days: *c,
            not_urgent: *d,
        },
        _ => {
            let error = problem_text(&ctx, &Problem::NotANumber);
            return targets_page(&state, &page, &staff, values, Vec::new(), Some(error));
        }
    };
    if let Err(refused) = targets.validate() {
        let error = match refused {
            torchlight_core::triage::TargetError::OutOfRange { .. } => ctx.text_with(
                "staff-targets-out-of-range",
                &args([("most", torchlight_core::triage::LONGEST_TARGET_HOURS.into())]),
            ),
            torchlight_core::triage::TargetError::OutOfOrder { .. } => {
                ctx.text("staff-targets-out-of-order")
            }
        }
        .into_owned();
        return targets_page(&state, &page, &staff, values, Vec::new(), Some(error));
    }
    state.app().casework().set_targets(&staff, targets).await?;
    Ok(redirect(&format!(
        "{}/staff/triage/targets?done=saved",
        page.prefix()
    )))
}

impl FactorRow {
    /// Whether `score` is the one chosen.
    fn is(&self, score: &u8) -> bool {
        self.chosen == Some(*score)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_triage_query_keeps_known_views_and_sane_pages() {
        assert_eq!(triage_query(None), ("all", 0));
        assert_eq!(triage_query(Some("view=mine&page=3")), ("mine", 3));
        assert_eq!(triage_query(Some("view=everyone&page=-1")), ("all", 0));
        assert_eq!(triage_query(Some("page=99999999")), ("all", 100_000));
    }

    #[test]
    fn a_form_sent_back_keeps_what_was_typed_but_not_the_token() {
        let pairs = vec![
            ("csrf".to_owned(), "t".to_owned()),
            ("needs".to_owned(), "legal".to_owned()),
            ("needs".to_owned(), "medical_emergency".to_owned()),
        ];
        assert_eq!(all(&pairs, "needs"), ["legal", "medical_emergency"]);
        assert_eq!(get(&pairs, "missing"), "");
        assert_eq!(typed(pairs).len(), 2);
    }
}
