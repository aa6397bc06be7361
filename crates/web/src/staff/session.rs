//! Server-side staff sessions. The browser holds only a random token in an
//! HttpOnly, SameSite=Strict cookie; the database holds only the token's digest.

use std::net::IpAddr;

use axum::extract::FromRequestParts;
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::http::request::Parts;
use cookie::{Cookie, SameSite};
use torchlight_app::{AppError, StaffMember};
use torchlight_core::access::Permission;
use torchlight_store::{Session, StaffUser};

use crate::error::{PageError, WebError};
use crate::state::AppState;

pub const SESSION_COOKIE: &str = "tl_session";
/// Carries the CSRF token of forms shown before sign-in (double-submit).
pub const CSRF_COOKIE: &str = "tl_csrf";

/// The name cookie `name` travels under. Over HTTPS it carries the `__Host-`
/// prefix, which browsers accept only from a secure origin, with `Secure`,
/// `Path=/` and no `Domain`: nothing on another subdomain, nor a network attacker
/// on plain HTTP, can then plant or overwrite it. Plain HTTP (loopback only)
/// cannot have the prefix.
fn wire_name(state: &AppState, name: &str) -> std::borrow::Cow<'static, str> {
    if state.config().secure_cookies {
        format!("__Host-{name}").into()
    } else {
        name.to_owned().into()
    }
}

/// The value of cookie `name` in the request, if any.
pub fn cookie(state: &AppState, headers: &HeaderMap, name: &str) -> Option<String> {
    let name = wire_name(state, name);
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == name)
        .map(|c| c.value().to_owned())
}

/// A `Set-Cookie` value: HttpOnly, SameSite=Strict, whole site, a session cookie
/// (gone when the browser closes), `Secure` when configured.
pub fn set_cookie(state: &AppState, name: &str, value: &str) -> Result<HeaderValue, WebError> {
    let cookie = Cookie::build((wire_name(state, name), value))
        .http_only(true)
        .same_site(SameSite::Strict)
        .path("/")
        .secure(state.config().secure_cookies)
        .build();
    header_value(&cookie)
}

pub fn clear_cookie(state: &AppState, name: &str) -> Result<HeaderValue, WebError> {
    let cookie = Cookie::build((wire_name(state, name), ""))
        .http_only(true)
        .same_site(SameSite::Strict)
        .path("/")
        .secure(state.config().secure_cookies)
        .max_age(cookie::time::Duration::ZERO)
        .build();
    header_value(&cookie)
}

/// Our cookies hold tokens of base64url letters, so this fails only on a bug; if
/// it does, the request fails rather than sending an empty `Set-Cookie`.
fn header_value(cookie: &Cookie<'_>) -> Result<HeaderValue, WebError> {
    HeaderValue::from_str(&cookie.to_string())
        .map_err(|e| WebError::Internal(format!("a cookie is not a valid header: {e}")))
}

/// Adds `Set-Cookie: name=value` to `response`.
pub fn with_cookie(
    state: &AppState,
    mut response: axum::response::Response,
    name: &str,
    value: &str,
) -> Result<axum::response::Response, WebError> {
    let value = set_cookie(state, name, value)?;
    response.headers_mut().append(header::SET_COOKIE, value);
    Ok(response)
}

/// Adds a `Set-Cookie` that removes cookie `name` to `response`.
pub fn without_cookie(
    state: &AppState,
    mut response: axum::response::Response,
    name: &str,
) -> Result<axum::response::Response, WebError> {
    let value = clear_cookie(state, name)?;
    response.headers_mut().append(header::SET_COOKIE, value);
    Ok(response)
}

/// The client's address, used only as a throttling key: as `client::resolve`
/// found it (`None` when clients cannot be told apart).
pub fn client_ip(parts_extensions: &axum::http::Extensions) -> Option<IpAddr> {
    parts_extensions
        .get::<crate::client::ClientAddress>()
        .and_then(|client| client.0)
}

/// The request's live session and its user, if it has one (the application layer
/// ends a session past its limits).
pub async fn current(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<(Session, StaffUser)>, AppError> {
    match cookie(state, headers, SESSION_COOKIE) {
        Some(token) => state.app().sign_in().current(&token).await,
        None => Ok(None),
    }
}

/// The signed-in, verified staff member of a request, put in the request's
/// extensions by the route guard.
#[derive(Debug, Clone)]
pub struct Staff(pub StaffMember);

impl std::ops::Deref for Staff {
    type Target = StaffMember;

    fn deref(&self) -> &StaffMember {
        &self.0
    }
}

impl Staff {
    pub fn can(&self, permission: Permission) -> bool {
        self.user.role.allows(permission)
    }

    pub fn require(&self, permission: Permission) -> Result<(), PageError> {
        if self.can(permission) {
            Ok(())
        } else {
            Err(WebError::Forbidden.into())
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Staff {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        // Only routes the guard admitted as staff have it; any other use is a bug
        // that must fail closed.
        parts
            .extensions
            .get::<Staff>()
            .cloned()
            .ok_or(PageError(WebError::Forbidden))
    }
}
