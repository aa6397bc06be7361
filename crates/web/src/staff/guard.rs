//! Who may reach a route, decided before its handler runs. Every route of the
//! router is declared with an [`Access`] (see `crate::routes`), so a route cannot be
//! added without saying who may use it.

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use torchlight_core::access::Permission;
use torchlight_core::signin::SignInStep;

use crate::error::{PageError, WebError};
use crate::locale::PageLocale;
use crate::staff::session::{self, Staff};
use crate::state::AppState;

/// Who may use a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone: public pages and the public API.
    Public,
    /// Anyone, to unseal the server; attempts are throttled per client.
    Unseal,
    /// The steps of signing in: a session may or may not exist yet.
    SignIn,
    /// Signing out: like `SignIn`, and open while sealed too, so a browser can
    /// always leave.
    SignOut,
    /// Signed-in staff past the second factor, with this permission if one is named.
    Staff(Option<Permission>),
}

/// Where a signed-out visitor is sent.
pub const LOGIN_PATH: &str = "/staff/login";

pub async fn guard(
    State((state, access)): State<(AppState, Access)>,
    page: PageLocale,
    request: Request,
    next: Next,
) -> Response {
    // Sealed first: a refusal that changes nothing needs no token, and a form
    // posted from a page shown before the seal (whose session the seal ended)
    // learns that the server is sealed rather than that the form expired.
    if matches!(access, Access::SignIn | Access::Staff(_)) && state.vault().is_sealed() {
        return PageError(WebError::Sealed).into_response();
    }
    // Signing out of a session that no longer exists changes nothing on the
    // server (the cookie is cleared), so it needs no token either.
    let ended = access == Access::SignOut
        && matches!(session::current(&state, request.headers()).await, Ok(None));
    let mut request = if ended {
        request
    } else if access == Access::Public {
        // The defender's forms (a request, the status page) set no cookie before
        // they are sent and carry no ambient authority to ride: nothing but a
        // foreign origin is refused.
        if !super::csrf::same_origin(&request) {
            return PageError(WebError::BadCsrf).into_response();
        }
        request
    } else {
        match super::csrf::check(&state, request).await {
            Ok(request) => request,
            Err(refused) => return refused,
        }
    };
    let permission = match access {
        Access::Public | Access::Unseal | Access::SignOut | Access::SignIn => {
            return next.run(request).await
        }
        Access::Staff(permission) => permission,
    };
    let (session, user) = match session::current(&state, request.headers()).await {
        Ok(Some(found)) => found,
        Ok(None) => return signed_out(&state, &page, request.method()),
        Err(e) => return PageError(e.into()).into_response(),
    };
    let step = torchlight_app::signin::step_of(&user, &session);
    if step != SignInStep::Complete {
        return redirect(&step_path(&page, step));
    }
    if let Some(permission) = permission {
        if !user.role.allows(permission) {
            return PageError(WebError::Forbidden).into_response();
        }
    }
    match state.app().sign_in().admit(session, user).await {
        Ok(Some(member)) => {
            // The account's language, unless the path names one.
            if let Some(chosen) = preferred(&page, &member.user) {
                request.extensions_mut().insert(chosen);
            }
            request.extensions_mut().insert(Staff(member));
            next.run(request).await
        }
        Ok(None) => signed_out(&state, &page, request.method()),
        Err(e) => PageError(e.into()).into_response(),
    }
}

/// The page's language from the account's preference, when the path names
/// none and the account chose one staff pages are written in.
fn preferred(page: &PageLocale, user: &torchlight_store::StaffUser) -> Option<PageLocale> {
    if page.prefixed {
        return None;
    }
    let locale = torchlight_i18n::Locale::from_code(user.locale.as_deref()?)?;
    torchlight_i18n::source(locale.code(), "staff")?;
    Some(PageLocale {
        locale,
        ..page.clone()
    })
}

/// The page of a sign-in step, in the page's language.
pub fn step_path(page: &PageLocale, step: SignInStep) -> String {
    let path = match step {
        SignInStep::ChangePassword => "/staff/password",
        SignInStep::EnrolSecondFactor => "/staff/enrol",
        SignInStep::SecondFactor => "/staff/verify",
        SignInStep::Complete => "/staff",
    };
    format!("{}{path}", page.prefix())
}

fn signed_out(state: &AppState, page: &PageLocale, method: &Method) -> Response {
    if method == Method::GET || method == Method::HEAD {
        let response = redirect(&format!("{}{LOGIN_PATH}", page.prefix()));
        // A stale cookie would otherwise be sent with every request.
        match session::without_cookie(state, response, session::SESSION_COOKIE) {
            Ok(response) => response,
            Err(e) => PageError(e).into_response(),
        }
    } else {
        PageError(WebError::Forbidden).into_response()
    }
}

/// A 303 to `location` (after a form, the browser follows it with a GET).
pub fn redirect(location: &str) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(value) = HeaderValue::from_str(location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    response
}
