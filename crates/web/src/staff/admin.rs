//! The staff home, the organisation's accounts and key, the panic button and the
//! analysts' overview.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Form;
use serde::Deserialize;
use torchlight_app::AppError;
use torchlight_core::access::{Cell, Role};
use torchlight_core::signin::AccountStatus;
use torchlight_core::UserId;
use torchlight_i18n::args;
use zeroize::Zeroizing;

use super::session::Staff;
use super::{context, render, role_label, Frame};
use crate::error::{PageError, WebError};
use crate::explain::Words;
use crate::locale::PageLocale;
use crate::pages::PageContext;
use crate::state::AppState;

type PageResponse = Result<Response, PageError>;

#[derive(Template)]
#[template(path = "staff/dashboard.html")]
struct DashboardPage<'a> {
    ctx: PageContext<'a>,
    frame: Option<Frame>,
    notices: Vec<String>,
    title: String,
    organization: String,
    recovery_left: String,
    /// The staff languages as (code, name, chosen), for the account's preference.
    languages: Vec<(&'static str, &'static str, bool)>,
    /// Whether the account follows the browser's language.
    follows_browser: bool,
}

#[derive(Deserialize)]
pub struct LanguageForm {
    #[serde(default)]
    locale: String,
}

/// `POST /staff/language`: the language of one's own staff pages, or none to
/// follow the browser (a language in the path still wins).
pub async fn set_language(
    State(state): State<AppState>,
    staff: Staff,
    Form(form): Form<LanguageForm>,
) -> PageResponse {
    let locale = match form.locale.trim() {
        "" => None,
        code => {
            let known = torchlight_i18n::Locale::from_code(code)
                .filter(|l| torchlight_i18n::source(l.code(), "staff").is_some());
            match known {
                Some(locale) => Some(locale.code().to_owned()),
                None => {
                    return Err(WebError::InvalidInput(format!(
                        "locale: staff pages are not written in {code:?}"
                    ))
                    .into())
                }
            }
        }
    };
    state.app().accounts().set_locale(&staff, locale).await?;
    Ok(super::guard::redirect("/staff"))
}

pub async fn dashboard(
    State(state): State<AppState>,
    page: PageLocale,
    staff: Staff,
) -> PageResponse {
    let ctx = context(&state, &page);
    let directory = state.directory();
    let organization = directory
        .organizations
        .iter()
        .find(|o| o.id == staff.scope().organization())
        .map(|o| o.name.clone())
        .unwrap_or_default();
    let left = state
        .app()
        .accounts()
        .recovery_codes_left(&staff.user)
        .await?;
    let html = render(DashboardPage {
        title: ctx
            .text_with(
                "staff-home-title",
                &args([("name", staff.user.display_name.clone().into())]),
            )
            .into_owned(),
        frame: Some(Frame::of(&staff, &ctx)),
        notices: Vec::new(),
        organization,
        recovery_left: ctx
            .text_with("staff-recovery-left", &args([("count", left.into())]))
            .into_owned(),
        languages: ctx
            .languages
            .iter()
            .map(|l| (l.code, l.name, staff.user.locale.as_deref() == Some(l.code)))
            .collect(),
        follows_browser: staff.user.locale.is_none(),
        ctx,
    })?;
    Ok(html.into_response())
}

pub struct UserRow {
    pub username: String,
    pub display_name: String,
    pub role: String,
    pub status: String,
    pub is_self: bool,
    pub toggle_link: String,
    pub toggle_label: String,
    pub reset_link: String,
}

pub struct OneTime {
    pub message: String,
    pub password: String,
}

#[derive(Template)]
#[template(path = "staff/users.html")]
struct UsersPage<'a> {
    ctx: PageContext<'a>,
    frame: Option<Frame>,
    notices: Vec<String>,
    title: String,
    csrf: String,
    users: Vec<UserRow>,
    roles: Vec<(&'static str, String)>,
    error: Option<String>,
    one_time: Option<OneTime>,
}

async fn users_page(
    state: &AppState,
    page: &PageLocale,
    staff: &Staff,
    error: Option<String>,
    one_time: Option<OneTime>,
    status: StatusCode,
) -> PageResponse {
    let ctx = context(state, page);
    let users = state
        .app()
        .accounts()
        .of_organization(staff.scope())
        .await?
        .into_iter()
        .map(|user| UserRow {
            is_self: user.id == staff.user.id,
            role: role_label(&ctx, user.role),
            status: ctx
                .text(
                    match AccountStatus::of(torchlight_app::signin::progress(&user)) {
                        AccountStatus::Disabled => "staff-status-disabled",
                        AccountStatus::NotYetSignedIn => "staff-status-pending",
                        AccountStatus::Active => "staff-status-active",
                    },
                )
                .into_owned(),
            toggle_link: ctx.link(&format!(
                "/staff/users/{}/{}",
                user.id,
                if user.disabled { "enable" } else { "disable" }
            )),
            toggle_label: ctx
                .text(if user.disabled {
                    "staff-user-enable"
                } else {
                    "staff-user-disable"
                })
                .into_owned(),
            reset_link: ctx.link(&format!("/staff/users/{}/reset", user.id)),
            username: user.username,
            display_name: user.display_name,
        })
        .collect();
    let roles = Role::ALL
        .into_iter()
        .filter(|role| role.grantable_by_organization())
        .map(|role| (role.code(), role_label(&ctx, role)))
        .collect();
    let html = render(UsersPage {
        title: ctx.text("staff-users-title").into_owned(),
        frame: Some(Frame::of(staff, &ctx)),
        notices: Vec::new(),
        csrf: staff.session.csrf_token.clone(),
        users,
        roles,
        error,
        one_time,
        ctx,
    })?;
    Ok((status, html).into_response())
}

pub async fn users(State(state): State<AppState>, page: PageLocale, staff: Staff) -> PageResponse {
    users_page(&state, &page, &staff, None, None, StatusCode::OK).await
}

#[derive(Deserialize)]
pub struct AddUserForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    role: String,
}

pub async fn add_user(
    State(state): State<AppState>,
    page: PageLocale,
    staff: Staff,
    Form(form): Form<AddUserForm>,
) -> PageResponse {
    // An unknown role and one an organisation may not give are refused alike.
    let added = match Role::from_code(&form.role) {
        Ok(role) => {
            state
                .app()
                .accounts()
                .add_colleague(&staff, form.username, form.display_name, role)
                .await
        }
        Err(_) => Err(AppError::Invalid(format!(
            "role: {:?} cannot be given here",
            form.role
        ))),
    };
    match added {
        Ok((user, password)) => {
            let ctx = context(&state, &page);
            let one_time = one_time(&ctx, &user.username, password);
            users_page(
                &state,
                &page,
                &staff,
                None,
                Some(one_time),
                StatusCode::CREATED,
            )
            .await
        }
        Err(AppError::Invalid(message)) => {
            users_page(
                &state,
                &page,
                &staff,
                Some(message),
                None,
                StatusCode::BAD_REQUEST,
            )
            .await
        }
        Err(e) => Err(WebError::from(e).into()),
    }
}

fn one_time(ctx: &PageContext<'_>, username: &str, password: Zeroizing<String>) -> OneTime {
    OneTime {
        message: ctx
            .text_with(
                "staff-one-time-password",
                &args([("username", username.to_owned().into())]),
            )
            .into_owned(),
        password: password.as_str().to_owned(),
    }
}

/// A colleague in the caller's organisation, never the caller: an admin cannot
/// lock themselves out. Anyone else is not found.
async fn colleague(
    state: &AppState,
    staff: &Staff,
    id: &str,
) -> Result<torchlight_store::StaffUser, PageError> {
    let id: UserId = id.parse().map_err(|_| PageError(WebError::NotFound))?;
    state
        .app()
        .accounts()
        .colleague(staff, id)
        .await?
        .ok_or(PageError(WebError::NotFound))
}

pub async fn disable_user(
    State(state): State<AppState>,
    page: PageLocale,
    staff: Staff,
    Path(id): Path<String>,
) -> PageResponse {
    let user = colleague(&state, &staff, &id).await?;
    state
        .app()
        .accounts()
        .set_disabled(user, true, &staff.actor())
        .await?;
    users_page(&state, &page, &staff, None, None, StatusCode::OK).await
}

pub async fn enable_user(
    State(state): State<AppState>,
    page: PageLocale,
    staff: Staff,
    Path(id): Path<String>,
) -> PageResponse {
    let user = colleague(&state, &staff, &id).await?;
    state
        .app()
        .accounts()
        .set_disabled(user, false, &staff.actor())
        .await?;
    users_page(&state, &page, &staff, None, None, StatusCode::OK).await
}

pub async fn reset_user(
    State(state): State<AppState>,
    page: PageLocale,
    staff: Staff,
    Path(id): Path<String>,
) -> PageResponse {
    let user = colleague(&state, &staff, &id).await?;
    let username = user.username.clone();
    let password = state.app().accounts().reset(user, &staff.actor()).await?;
    let ctx = context(&state, &page);
    let one_time = one_time(&ctx, &username, password);
    users_page(&state, &page, &staff, None, Some(one_time), StatusCode::OK).await
}

#[derive(Template)]
#[template(path = "staff/notice.html")]
struct NoticePage<'a> {
    ctx: PageContext<'a>,
    frame: Option<Frame>,
    notices: Vec<String>,
    title: String,
    message: String,
    next_link: String,
    next_label: String,
}

pub async fn rotate_key(
    State(state): State<AppState>,
    page: PageLocale,
    staff: Staff,
) -> PageResponse {
    let version = state
        .app()
        .keyring()
        .rotate_organization_key(staff.scope().organization(), &staff.actor())
        .await?;
    let ctx = context(&state, &page);
    let html = render(NoticePage {
        title: ctx.text("staff-rotate-key").into_owned(),
        message: ctx
            .text_with("staff-rotated", &args([("version", version.into())]))
            .into_owned(),
        next_link: ctx.link("/staff"),
        next_label: ctx.text("staff-nav-home").into_owned(),
        frame: Some(Frame::of(&staff, &ctx)),
        notices: Vec::new(),
        ctx,
    })?;
    Ok(html.into_response())
}

/// The panic button: every key leaves memory at once.
pub async fn seal(State(state): State<AppState>, page: PageLocale, staff: Staff) -> PageResponse {
    state.app().keyring().seal(&staff.actor()).await?;
    let ctx = context(&state, &page);
    let html = render(NoticePage {
        title: ctx.text("error-sealed-title").into_owned(),
        message: ctx.text("staff-sealed-now").into_owned(),
        next_link: ctx.link("/"),
        next_label: ctx.text("error-home").into_owned(),
        frame: None,
        notices: Vec::new(),
        ctx,
    })?;
    Ok(html.into_response())
}

#[derive(Template)]
#[template(path = "staff/overview.html")]
struct OverviewPage<'a> {
    ctx: PageContext<'a>,
    frame: Option<Frame>,
    notices: Vec<String>,
    title: String,
    lead: String,
    rows: Vec<(String, String, String)>,
}

/// Cases by country and urgency across the coalition; counts under the minimum
/// cell size are shown only as "fewer than k".
pub async fn overview(
    State(state): State<AppState>,
    page: PageLocale,
    staff: Staff,
) -> PageResponse {
    let ctx = context(&state, &page);
    let words = Words::new(state.localizer(), ctx.locale, state.taxonomy());
    let aggregates = state.app().aggregates();
    let rows = aggregates
        .case_overview(&staff)
        .await?
        .into_iter()
        .map(|row| {
            let cell = match row.cases {
                Cell::Count(n) => n.to_string(),
                Cell::Suppressed { below } => ctx
                    .text_with("staff-overview-fewer", &args([("k", below.into())]))
                    .into_owned(),
            };
            (
                match &row.country {
                    Some(country) => words.country(country.as_str()).into_owned(),
                    None => ctx.text("staff-overview-other-countries").into_owned(),
                },
                ctx.text(&format!("urgency-{}", row.urgency.code()))
                    .into_owned(),
                cell,
            )
        })
        .collect();
    let html = render(OverviewPage {
        title: ctx.text("staff-nav-overview").into_owned(),
        lead: ctx
            .text_with(
                "staff-overview-lead",
                &args([("k", aggregates.min_cell().into())]),
            )
            .into_owned(),
        frame: Some(Frame::of(&staff, &ctx)),
        notices: Vec::new(),
        rows,
        ctx,
    })?;
    Ok(html.into_response())
}
