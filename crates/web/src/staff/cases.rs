//! Cases, as staff of the owning organisation read and write them.

use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Form;
use serde::Deserialize;
use torchlight_app::cases::OpenCase;
use torchlight_core::access::Permission;
use torchlight_core::case::{CaseDraft, CaseFieldError, Urgency};
use torchlight_core::{CaseId, Vocabulary};

use super::guard::redirect;
use super::secret_form::SecretForm;
use super::session::Staff;
use super::{context, format_time, render, Frame};
use crate::error::{PageError, WebError};
use crate::explain::Words;
use crate::locale::PageLocale;
use crate::pages::form::FOCUS_COUNTRIES;
use crate::pages::request_form::problem_text;
use crate::pages::PageContext;
use crate::state::AppState;

type PageResponse = Result<Response, PageError>;

pub struct CaseRow {
    pub link: String,
    pub name: String,
    pub country: String,
    pub urgency: String,
    pub opened: String,
}

#[derive(Template)]
#[template(path = "staff/cases.html")]
struct CasesPage<'a> {
    ctx: PageContext<'a>,
    frame: Option<Frame>,
    notices: Vec<String>,
    title: String,
    cases: Vec<CaseRow>,
}

/// A case's name as shown: a defender may give none, and a link needs words.
pub(super) fn shown_name(ctx: &PageContext<'_>, name: String) -> String {
    if name.is_empty() {
        ctx.text("staff-request-anonymous").into_owned()
    } else {
        name
    }
}

pub(super) fn urgency_label(ctx: &PageContext<'_>, code: &str) -> String {
    ctx.text(&format!("urgency-{code}")).into_owned()
}

pub async fn list(
    State(state): State<AppState>,
    page: PageLocale,
    staff: Staff,
    RawQuery(query): RawQuery,
) -> PageResponse {
    let ctx = context(&state, &page);
    let notices = confirmation(&ctx, query.as_deref(), "erased", "staff-case-erased");
    let words = Words::new(state.localizer(), ctx.locale, state.taxonomy());
    let cases = state
        .app()
        .cases()
        .list(staff.scope(), &staff.actor())
        .await?
        .into_iter()
        .map(|case| CaseRow {
            link: ctx.link(&format!("/staff/cases/{}", case.record.id)),
            name: shown_name(&ctx, case.details.name),
            country: words.country(case.record.country.as_str()).into_owned(),
            urgency: urgency_label(&ctx, case.record.urgency.code()),
            opened: format_time(case.record.created_at_ms),
        })
        .collect();
    let html = render(CasesPage {
        title: ctx.text("staff-cases-title").into_owned(),
        frame: Some(Frame::of(&staff, &ctx)),
        notices,
        cases,
        ctx,
    })?;
    Ok(html.into_response())
}

/// One line of what a defender gave, label and value in the page's language.
pub struct Fact {
    pub label: String,
    pub value: String,
}

/// What a request says beyond name, contact and narrative, for the case page.
pub(super) fn request_facts(
    ctx: &PageContext<'_>,
    words: &Words<'_>,
    request: &torchlight_core::intake::RequestDetails,
) -> Vec<Fact> {
    let mut facts = Vec::new();
    let mut add = |id: &str, value: String| {
        if !value.is_empty() {
            facts.push(Fact {
                label: ctx.text(id).into_owned(),
                value,
            });
        }
    };
    add(
        "staff-request-needs",
        words.labels(Vocabulary::SupportType, &request.needs),
    );
    if let Some(region) = &request.region {
        add(
            "staff-fact-region",
            words
                .label(Vocabulary::Region, region.as_str())
                .into_owned(),
        );
    }
    let yes_no = |value: Option<bool>| match value {
        Some(true) => ctx.text("staff-fact-yes").into_owned(),
        Some(false) => ctx.text("staff-fact-no").into_owned(),
        None => String::new(),
    };
    // Each choice's code in the staff's words (`staff-choice-locality-capital`).
    let choice = |kind: &str, code: &str| {
        ctx.text(&format!("staff-choice-{kind}-{code}"))
            .into_owned()
    };
    if let Some(locality) = request.locality {
        add("staff-fact-locality", choice("locality", locality.code()));
    }
    add("staff-fact-exile", yes_no(request.in_exile));
    if let Some(for_whom) = request.for_whom {
        add("staff-fact-for-whom", choice("for-whom", for_whom.code()));
    }
    add(
        "staff-fact-groups",
        words.labels(Vocabulary::DefenderGroup, &request.groups),
    );
    let risks: Vec<String> = request
        .risks
        .iter()
        .map(|risk| {
            let mut parts = vec![words
                .label(Vocabulary::RiskType, risk.kind.as_str())
                .into_owned()];
            if let Some(source) = &risk.source {
                parts.push(
                    words
                        .label(Vocabulary::RiskSource, source.as_str())
                        .into_owned(),
                );
            }
            if let Some(stage) = risk.stage {
                parts.push(choice("stage", stage.code()));
            }
            if !risk.affects.is_empty() {
                let affected: Vec<String> = risk
                    .affects
                    .iter()
                    .map(|a| choice("affects", a.code()))
                    .collect();
                parts.push(words.list(affected));
            }
            if let Some(onset) = risk.onset {
                parts.push(choice("onset", onset.code()));
            }
            parts.join(", ")
        })
        .collect();
    add("staff-fact-risks", risks.join("; "));
    if request.family_members > 0 {
        add(
            "staff-fact-family",
            format!(
                "{} ({})",
                request.family_members,
                words.labels(Vocabulary::SupportType, &request.family_needs)
            ),
        );
    }
    add("staff-fact-languages", words.languages(&request.languages));
    add("staff-fact-travel", yes_no(request.can_travel));
    add(
        "staff-fact-consent",
        choice("consent", request.consent.code()),
    );
    facts
}

/// One new request of the organisation's list.
pub struct RequestRow {
    pub link: String,
    pub name: String,
    pub country: String,
    pub urgency: String,
    pub needs: String,
    pub received: String,
    /// `detained_now` and `threat_to_life`: shown first and marked.
    pub urgent: bool,
}

/// How many new requests wait at one urgency.
pub struct UrgencyCount {
    pub label: String,
    pub count: usize,
    pub urgent: bool,
}

#[derive(Template)]
#[template(path = "staff/requests.html")]
struct RequestsPage<'a> {
    ctx: PageContext<'a>,
    frame: Option<Frame>,
    notices: Vec<String>,
    title: String,
    counts: Vec<UrgencyCount>,
    requests: Vec<RequestRow>,
}

fn is_urgent(urgency: Urgency) -> bool {
    matches!(urgency, Urgency::DetainedNow | Urgency::ThreatToLife)
}

/// `GET /staff/requests`: the requests nobody has taken up yet, most urgent
/// first, counted by urgency (the full triage queue is the case-work issue's).
pub async fn requests(
    State(state): State<AppState>,
    page: PageLocale,
    staff: Staff,
) -> PageResponse {
    let ctx = context(&state, &page);
    let words = Words::new(state.localizer(), ctx.locale, state.taxonomy());
    let new = state
        .app()
        .cases()
        .new_requests(staff.scope(), &staff.actor())
        .await?;
    let counts = Urgency::ALL
        .iter()
        .map(|urgency| UrgencyCount {
            label: urgency_label(&ctx, urgency.code()),
            count: new.iter().filter(|c| c.record.urgency == *urgency).count(),
            urgent: is_urgent(*urgency),
        })
        .collect();
    let requests = new
        .into_iter()
        .map(|case| RequestRow {
            link: ctx.link(&format!("/staff/cases/{}", case.record.id)),
            name: shown_name(&ctx, case.details.name),
            country: words.country(case.record.country.as_str()).into_owned(),
            urgency: urgency_label(&ctx, case.record.urgency.code()),
            needs: case
                .details
                .request
                .as_ref()
                .map(|r| words.labels(torchlight_core::Vocabulary::SupportType, &r.needs))
                .unwrap_or_default(),
            received: format_time(case.record.created_at_ms),
            urgent: is_urgent(case.record.urgency),
        })
        .collect();
    let html = render(RequestsPage {
        title: ctx.text("staff-requests-title").into_owned(),
        frame: Some(Frame::of(&staff, &ctx)),
        notices: Vec::new(),
        counts,
        requests,
        ctx,
    })?;
    Ok(html.into_response())
}

#[derive(Template)]
#[template(path = "staff/case_new.html")]
struct NewCasePage<'a> {
    ctx: PageContext<'a>,
    frame: Option<Frame>,
    notices: Vec<String>,
    title: String,
    /// Where the form is sent: a new case, or the case being edited.
    action: String,
    /// Back to the case being edited; none for a new one.
    back: Option<String>,
    csrf: String,
    draft: CaseForm,
    errors: FormErrors,
    /// The coalition's countries, then the others: each group's label, and its
    /// countries as (code, name).
    countries: Vec<(String, Vec<CountryOption>)>,
    urgencies: Vec<(&'static str, String)>,
}

/// A country of the form's list: its code and its name in the page's language.
type CountryOption = (String, String);

/// A form's errors in the reader's words: each named by its field's label in a
/// summary at the top, and shown again beside its field.
#[derive(Default)]
struct FormErrors(Vec<ShownFieldError>);

struct ShownFieldError {
    field: &'static str,
    label: String,
    message: String,
}

impl FormErrors {
    fn of(ctx: &PageContext<'_>, errors: &[CaseFieldError]) -> FormErrors {
        FormErrors(
            errors
                .iter()
                .map(|error| ShownFieldError {
                    field: error.field,
                    label: ctx.text(case_field_label(error.field)).into_owned(),
                    message: problem_text(ctx, &error.problem),
                })
                .collect(),
        )
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn all(&self) -> &[ShownFieldError] {
        &self.0
    }

    /// The error of `field`, if any (the template calls it beside each field).
    fn of_field(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|error| error.field == field)
            .map(|error| error.message.as_str())
    }
}

/// The label a person sees for a field of the case form.
fn case_field_label(field: &str) -> &'static str {
    match field {
        "name" => "staff-case-name",
        "contact" => "staff-case-contact",
        "country" => "staff-case-country",
        "urgency" => "staff-case-urgency",
        _ => "staff-case-narrative",
    }
}

#[derive(Deserialize, Default)]
pub struct CaseForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    contact: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    urgency: String,
    #[serde(default)]
    narrative: String,
}

impl CaseForm {
    fn draft(&self) -> CaseDraft {
        CaseDraft {
            country: self.country.clone(),
            urgency: self.urgency.clone(),
            name: self.name.clone(),
            contact: self.contact.clone(),
            narrative: self.narrative.clone(),
        }
    }
}

fn new_case_page(
    state: &AppState,
    page: &PageLocale,
    staff: &Staff,
    draft: CaseForm,
    errors: &[CaseFieldError],
    status: StatusCode,
) -> PageResponse {
    case_form_page(state, page, staff, draft, errors, status, None)
}

/// The case form, for a new case or (`editing`) an existing one.
fn case_form_page(
    state: &AppState,
    page: &PageLocale,
    staff: &Staff,
    draft: CaseForm,
    errors: &[CaseFieldError],
    status: StatusCode,
    editing: Option<CaseId>,
) -> PageResponse {
    let ctx = context(state, page);
    let words = Words::new(state.localizer(), ctx.locale, state.taxonomy());
    // The coalition's countries first, as on the public pages; each group in
    // the order of the page's language.
    let (mut focus, mut others): (Vec<CountryOption>, Vec<CountryOption>) = state
        .taxonomy()
        .countries()
        .iter()
        .map(|country| {
            let code = country.code.as_str();
            (code.to_owned(), words.country(code).into_owned())
        })
        .partition(|(code, _)| FOCUS_COUNTRIES.contains(&code.as_str()));
    crate::collation::sort_by_label(ctx.locale, &mut focus, |(_, name)| name);
    crate::collation::sort_by_label(ctx.locale, &mut others, |(_, name)| name);
    let countries = vec![
        (ctx.text("find-countries-focus").into_owned(), focus),
        (ctx.text("find-countries-other").into_owned(), others),
    ];
    let urgencies = Urgency::ALL
        .iter()
        .map(|u| (u.code(), urgency_label(&ctx, u.code())))
        .collect();
    let (title, action, back) = match editing {
        Some(id) => (
            ctx.text("staff-case-edit").into_owned(),
            ctx.link(&format!("/staff/cases/{id}/edit")),
            Some(ctx.link(&format!("/staff/cases/{id}"))),
        ),
        None => (
            ctx.text("staff-case-new").into_owned(),
            ctx.link("/staff/cases"),
            None,
        ),
    };
    let html = render(NewCasePage {
        title,
        action,
        back,
        frame: Some(Frame::of(staff, &ctx)),
        notices: Vec::new(),
        csrf: staff.session.csrf_token.clone(),
        draft,
        errors: FormErrors::of(&ctx, errors),
        countries,
        urgencies,
        ctx,
    })?;
    Ok((status, html).into_response())
}

pub async fn new_form(
    State(state): State<AppState>,
    page: PageLocale,
    staff: Staff,
) -> PageResponse {
    let draft = CaseForm {
        urgency: Urgency::WithinDays.code().to_owned(),
        ..CaseForm::default()
    };
    new_case_page(&state, &page, &staff, draft, &[], StatusCode::OK)
}

pub async fn create(
    State(state): State<AppState>,
    page: PageLocale,
    staff: Staff,
    SecretForm(form): SecretForm<CaseForm>,
) -> PageResponse {
    let valid = match form.draft().validate(state.taxonomy()) {
        Ok(valid) => valid,
        Err(errors) => {
            return new_case_page(
                &state,
                &page,
                &staff,
                form,
                &errors,
                StatusCode::BAD_REQUEST,
            );
        }
    };
    let id = state
        .app()
        .cases()
        .create(staff.scope(), valid, &staff.actor())
        .await?;
    Ok(redirect(&format!(
        "{}/staff/cases/{id}?saved",
        page.prefix()
    )))
}

/// `GET /staff/cases/{id}/edit`: the case form, filled in with the case as it is
/// (opening it records a view, as reading it does).
pub async fn edit_form(
    State(state): State<AppState>,
    page: PageLocale,
    staff: Staff,
    Path(id): Path<String>,
) -> PageResponse {
    let (id, case) = open_case(&state, &staff, &id).await?;
    let draft = CaseForm {
        name: case.details.name,
        contact: case.details.contact,
        country: case.record.country.as_str().to_owned(),
        urgency: case.record.urgency.code().to_owned(),
        narrative: case.details.narrative,
    };
    case_form_page(&state, &page, &staff, draft, &[], StatusCode::OK, Some(id))
}

/// `POST /staff/cases/{id}/edit`: the case as corrected; the form again, as
/// typed, with each error beside its field.
pub async fn edit(
    State(state): State<AppState>,
    page: PageLocale,
    staff: Staff,
    Path(id): Path<String>,
    SecretForm(form): SecretForm<CaseForm>,
) -> PageResponse {
    let id = case_id(&id)?;
    let valid = match form.draft().validate(state.taxonomy()) {
        Ok(valid) => valid,
        Err(errors) => {
            let status = StatusCode::BAD_REQUEST;
            return case_form_page(&state, &page, &staff, form, &errors, status, Some(id));
        }
    };
    if !state
        .app()
        .cases()
        .edit(staff.scope(), id, valid, &staff.actor())
        .await?
    {
        return Err(WebError::NotFound.into());
    }
    Ok(redirect(&format!(
        "{}/staff/cases/{id}?saved",
        page.prefix()
    )))
}

/// The case the path names, opened for `staff` (the view recorded); not found
/// when it names none they can read.
async fn open_case(
    state: &AppState,
    staff: &Staff,
    raw_id: &str,
) -> Result<(CaseId, OpenCase), PageError> {
    let id = case_id(raw_id)?;
    let case = state
        .app()
        .cases()
        .open(staff.scope(), id, &staff.actor())
        .await?
        .ok_or(PageError(WebError::NotFound))?;
    Ok((id, case))
}

/// A case id from the path; anything else is simply not found.
fn case_id(raw: &str) -> Result<CaseId, PageError> {
    raw.parse().map_err(|_| PageError(WebError::NotFound))
}

/// `GET /staff/cases/{id}`: the case and the work on it.
pub async fn show(
    State(state): State<AppState>,
    page: PageLocale,
    staff: Staff,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
) -> PageResponse {
    let id = case_id(&id)?;
    let ctx = context(&state, &page);
    let notices = super::casework::done_notice(&ctx, query.as_deref());
    super::case_page::case_page(&state, &page, &staff, id, notices, None).await
}

#[derive(Deserialize)]
pub struct EraseForm {
    #[serde(default)]
    confirm: String,
}

pub async fn erase(
    State(state): State<AppState>,
    page: PageLocale,
    staff: Staff,
    Path(id): Path<String>,
    Form(form): Form<EraseForm>,
) -> PageResponse {
    staff.require(Permission::EraseCases)?;
    let id = case_id(&id)?;
    if form.confirm != "yes" {
        return Err(
            WebError::InvalidInput("confirm: tick the box to confirm the erasure".into()).into(),
        );
    }
    if !state
        .app()
        .cases()
        .erase(staff.scope(), id, &staff.actor())
        .await?
    {
        return Err(WebError::NotFound.into());
    }
    Ok(redirect(&format!("{}/staff/cases?erased", page.prefix())))
}

/// The confirmation a page shows after the change that led to it (`?saved`
/// after recording a case, `?erased` after erasing one): the redirect's query
/// names it, so no cookie carries it. Naming one by hand only shows the words.
fn confirmation(ctx: &PageContext<'_>, query: Option<&str>, which: &str, id: &str) -> Vec<String> {
    match query {
        Some(query) if query.split('&').any(|part| part == which) => {
            vec![ctx.text(id).into_owned()]
        }
        _ => Vec::new(),
    }
}

pub struct AccessRow {
    pub when: String,
    pub who: String,
    /// What was done, in words; `None` for an action without words yet, shown
    /// by its code.
    pub action: Option<String>,
    pub code: String,
}

/// An audit action in the page's words (`staff-action-case-view` for
/// `case.view`), if it has them.
fn action_words(ctx: &PageContext<'_>, action: &str) -> Option<String> {
    let id = format!("staff-action-{}", action.replace(['.', '_'], "-"));
    ctx.localizer
        .has(ctx.locale, &id)
        .then(|| ctx.text(&id).into_owned())
}

#[derive(Template)]
#[template(path = "staff/case_access.html")]
struct AccessPage<'a> {
    ctx: PageContext<'a>,
    frame: Option<Frame>,
    notices: Vec<String>,
    title: String,
    entries: Vec<AccessRow>,
}

/// "Who looked at this": the audit entries about one case, newest first.
pub async fn access(
    State(state): State<AppState>,
    page: PageLocale,
    staff: Staff,
    Path(id): Path<String>,
) -> PageResponse {
    let id = case_id(&id)?;
    let entries = state
        .app()
        .cases()
        .access_trail(&staff, id)
        .await?
        .ok_or(PageError(WebError::NotFound))?;
    let ctx = context(&state, &page);
    let rows = entries
        .into_iter()
        .map(|entry| AccessRow {
            when: format_time(entry.at_ms),
            who: entry
                .who
                .unwrap_or_else(|| ctx.text("staff-access-someone-else").into_owned()),
            action: action_words(&ctx, &entry.action),
            code: entry.action,
        })
        .collect();
    let html = render(AccessPage {
        title: ctx.text("staff-case-access").into_owned(),
        frame: Some(Frame::of(&staff, &ctx)),
        notices: Vec::new(),
        entries: rows,
        ctx,
    })?;
    Ok(html.into_response())
}
