//! The staff home, the organisation's accounts and key, the panic button and the
//! analysts' overview.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Form;
use serde::Deserialize;
use torchlight_core::access::{Cell, Role, DEFAULT_MIN_CELL};
use torchlight_i18n::args;
use uuid::Uuid;
use zeroize::Zeroizing;

use super::session::Staff;
use super::{context, render, role_label, Frame};
use crate::error::{PageError, WebError};
use crate::explain::Words;
use crate::locale::PageLocale;
use crate::pages::PageContext;
use crate::secure::{accounts, keyring, SecurityError};
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
        .find(|o| o.id == staff.scope())
        .map(|o| o.name.clone())
        .unwrap_or_default();
    let left = state
        .store()
        .remaining_recovery_codes(staff.user.id)
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

/// Roles an organisation admin may give: every one but the deployment's own.
const GRANTABLE: [Role; 4] = [
    Role::Caseworker,
    Role::Coordinator,
    Role::OrganizationAdmin,
    Role::Analyst,
];

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
        .store()
        .users_of_organization(staff.scope())
        .await?
        .into_iter()
        .map(|user| UserRow {
            is_self: user.id == staff.user.id,
            role: role_label(&ctx, user.role),
            status: ctx
                .text(if user.disabled {
                    "staff-status-disabled"
                } else if user.totp_sealed.is_none() {
                    "staff-status-pending"
                } else {
                    "staff-status-active"
                })
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
    let roles = GRANTABLE
        .iter()
        .map(|role| (role.code(), role_label(&ctx, *role)))
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
    let role = Role::from_code(&form.role)
        .ok()
        .filter(|role| GRANTABLE.contains(role));
    let Some(role) = role else {
        let error = format!("role: {:?} cannot be given here", form.role);
        return users_page(
            &state,
            &page,
            &staff,
            Some(error),
            None,
            StatusCode::BAD_REQUEST,
        )
        .await;
    };
    let account = accounts::NewAccount {
        organization: staff.scope(),
        username: form.username,
        display_name: form.display_name,
        role,
    };
    match accounts::add_user(
        state.store().as_ref(),
        state.hasher(),
        account,
        &staff.actor(),
    )
    .await
    {
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
        Err(SecurityError::Invalid(message)) => {
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
    let id = Uuid::parse_str(id).map_err(|_| PageError(WebError::NotFound))?;
    let user = state
        .store()
        .user(id)
        .await?
        .filter(|u| u.organization_id == staff.scope())
        .ok_or(PageError(WebError::NotFound))?;
    if user.id == staff.user.id {
        return Err(
            WebError::InvalidInput("you cannot change your own account here".into()).into(),
        );
    }
    Ok(user)
}

pub async fn disable_user(
    State(state): State<AppState>,
    page: PageLocale,
    staff: Staff,
    Path(id): Path<String>,
) -> PageResponse {
    let user = colleague(&state, &staff, &id).await?;
    accounts::set_disabled(state.store().as_ref(), user, true, &staff.actor()).await?;
    users_page(&state, &page, &staff, None, None, StatusCode::OK).await
}

pub async fn enable_user(
    State(state): State<AppState>,
    page: PageLocale,
    staff: Staff,
    Path(id): Path<String>,
) -> PageResponse {
    let user = colleague(&state, &staff, &id).await?;
    accounts::set_disabled(state.store().as_ref(), user, false, &staff.actor()).await?;
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
    let password =
        accounts::reset(state.store().as_ref(), state.hasher(), user, &staff.actor()).await?;
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
    let version = keyring::rotate_organization_key(
        state.store().as_ref(),
        state.vault(),
        staff.scope(),
        &staff.actor(),
    )
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
    keyring::seal(state.store().as_ref(), state.vault(), &staff.actor()).await?;
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
    state
        .store()
        .append_audit(staff.actor().event("aggregates.view", None))
        .await?;
    let rows = state
        .store()
        .case_counts()
        .await?
        .into_iter()
        .map(|count| {
            let cell =
                match Cell::publish(u64::try_from(count.count).unwrap_or(0), DEFAULT_MIN_CELL) {
                    Cell::Count(n) => n.to_string(),
                    Cell::Suppressed { below } => ctx
                        .text_with("staff-overview-fewer", &args([("k", below.into())]))
                        .into_owned(),
                };
            (
                words.country(&count.country).into_owned(),
                ctx.text(&format!("urgency-{}", count.urgency)).into_owned(),
                cell,
            )
        })
        .collect();
    let html = render(OverviewPage {
        title: ctx.text("staff-nav-overview").into_owned(),
        lead: ctx
            .text_with(
                "staff-overview-lead",
                &args([("k", DEFAULT_MIN_CELL.into())]),
            )
            .into_owned(),
        frame: Some(Frame::of(&staff, &ctx)),
        notices: Vec::new(),
        rows,
        ctx,
    })?;
    Ok(html.into_response())
}
