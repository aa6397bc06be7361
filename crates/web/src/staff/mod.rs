//! Staff pages: signing in with a second factor, encrypted cases, the
//! organisation's accounts and keys, aggregates, and unsealing. Every route is
//! declared with its [`guard::Access`] in `crate::routes`.

pub mod admin;
pub mod auth;
pub mod case_page;
pub mod cases;
pub mod casework;
pub mod csrf;
pub mod guard;
pub mod secret_form;
pub mod session;
pub mod unseal;
pub mod webauthn;

use askama::Template;
use axum::response::Html;
use torchlight_core::access::{Permission, Role};
use torchlight_i18n::Locale;
use torchlight_store::StaffUser;

use crate::error::PageError;
use crate::locale::PageLocale;
use crate::pages::PageContext;
use crate::state::AppState;
use session::Staff;

/// Staff pages are translated into fewer languages than public ones; in a
/// language without them they are shown in English, marked as such.
pub fn staff_locale(page: &PageLocale) -> PageLocale {
    let mut page = page.clone();
    if torchlight_i18n::source(page.locale.code(), "staff").is_none() {
        page.locale = Locale::ENGLISH;
    }
    page
}

pub fn context<'a>(state: &'a AppState, page: &PageLocale) -> PageContext<'a> {
    let mut ctx = PageContext::new(state, &staff_locale(page));
    // Only the languages staff pages are written in: any other would show these
    // pages in English under its own name.
    ctx.languages
        .retain(|link| torchlight_i18n::source(link.code, "staff").is_some());
    ctx
}

/// The signed-in part of every staff page: who, and what they may open.
pub struct Frame {
    pub csrf: String,
    pub name: String,
    pub role: String,
    pub cases: bool,
    pub new_case: bool,
    pub users: bool,
    pub overview: bool,
    pub seal: bool,
    pub rotate: bool,
    pub access: bool,
    pub erase: bool,
}

impl Frame {
    pub fn of(staff: &Staff, ctx: &PageContext<'_>) -> Frame {
        Frame::for_user(&staff.user, &staff.session.csrf_token, ctx)
    }

    /// The frame of `user`, whose session's forms carry `csrf`.
    pub fn for_user(user: &StaffUser, csrf: &str, ctx: &PageContext<'_>) -> Frame {
        let can = |permission| user.role.allows(permission);
        Frame {
            csrf: csrf.to_owned(),
            name: user.display_name.clone(),
            role: role_label(ctx, user.role),
            cases: can(Permission::ViewCases),
            new_case: can(Permission::EditCases),
            users: can(Permission::ManageStaff),
            overview: can(Permission::ViewAggregates),
            seal: can(Permission::Seal),
            rotate: can(Permission::RotateOrganizationKey),
            access: can(Permission::ViewCaseAccess),
            erase: can(Permission::EraseCases),
        }
    }
}

pub fn role_label(ctx: &PageContext<'_>, role: Role) -> String {
    ctx.text(&format!("role-{}", role.code())).into_owned()
}

/// The refusal of a throttled attempt, in the page's language.
pub fn throttled_message(
    ctx: &PageContext<'_>,
    blocked: torchlight_app::throttle::Blocked,
) -> String {
    ctx.text_with(
        "error-throttled",
        &torchlight_i18n::args([("minutes", blocked.minutes().into())]),
    )
    .into_owned()
}

pub fn render(page: impl Template) -> Result<Html<String>, PageError> {
    Ok(Html(page.render()?))
}

/// A time as staff read it: date and minutes, in UTC, the same for every reader.
pub fn format_time(ms: i64) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute] UTC");
    time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .ok()
        .and_then(|t| t.format(&format).ok())
        .unwrap_or_default()
}
