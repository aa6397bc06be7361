//! Server-side staff sessions. The browser holds only a random token in an
//! HttpOnly, SameSite=Strict cookie; the database holds only the token's digest.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::http::request::Parts;
use cookie::{Cookie, SameSite};
use torchlight_core::access::Permission;
use torchlight_crypto::credentials::{random_token, token_digest};
use torchlight_store::{Session, StaffUser, StoreError};
use uuid::Uuid;

use crate::error::{PageError, WebError};
use crate::secure::{now_ms, Actor};
use crate::state::AppState;

pub const SESSION_COOKIE: &str = "tl_session";
/// Carries the CSRF token of forms shown before sign-in (double-submit).
pub const CSRF_COOKIE: &str = "tl_csrf";

/// The value of cookie `name` in the request, if any.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
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
pub fn set_cookie(state: &AppState, name: &str, value: &str) -> HeaderValue {
    let cookie = Cookie::build((name, value))
        .http_only(true)
        .same_site(SameSite::Strict)
        .path("/")
        .secure(state.config().secure_cookies)
        .build();
    HeaderValue::from_str(&cookie.to_string()).unwrap_or(HeaderValue::from_static(""))
}

pub fn clear_cookie(state: &AppState, name: &str) -> HeaderValue {
    let cookie = Cookie::build((name, ""))
        .http_only(true)
        .same_site(SameSite::Strict)
        .path("/")
        .secure(state.config().secure_cookies)
        .max_age(cookie::time::Duration::ZERO)
        .build();
    HeaderValue::from_str(&cookie.to_string()).unwrap_or(HeaderValue::from_static(""))
}

/// The client's address, used only as a throttling key.
pub fn client_ip(parts_extensions: &axum::http::Extensions) -> Option<IpAddr> {
    parts_extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(address)| address.ip())
}

/// The request's live session and its user, if it has one. Ends (deletes) a
/// session that is past its idle or absolute limit or whose user was disabled.
pub async fn current(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<(Session, StaffUser)>, StoreError> {
    let Some(token) = cookie(headers, SESSION_COOKIE) else {
        return Ok(None);
    };
    let digest = token_digest(&token);
    let store = state.store();
    let Some(session) = store.session(&digest).await? else {
        return Ok(None);
    };
    let now = now_ms();
    let config = state.config();
    let idle = i64::try_from(config.session_idle.as_millis()).unwrap_or(i64::MAX);
    let lifetime = i64::try_from(config.session_lifetime.as_millis()).unwrap_or(i64::MAX);
    let expired = now.saturating_sub(session.last_seen_ms) > idle
        || now.saturating_sub(session.created_at_ms) > lifetime;
    let user = match expired {
        true => None,
        false => store.user(session.user_id).await?.filter(|u| !u.disabled),
    };
    match user {
        Some(user) => Ok(Some((session, user))),
        None => {
            store.delete_session(&digest).await?;
            Ok(None)
        }
    }
}

/// Starts a new session for `user` and returns the token for its cookie. A new
/// token at each step of signing in, so a token seen before sign-in is worthless.
pub async fn start(
    state: &AppState,
    user: &StaffUser,
    second_factor: bool,
) -> Result<(String, Session), StoreError> {
    let token = random_token();
    let now = now_ms();
    let session = Session {
        token_digest: token_digest(&token),
        user_id: user.id,
        csrf_token: random_token(),
        created_at_ms: now,
        last_seen_ms: now,
        second_factor,
    };
    state.store().create_session(&session).await?;
    Ok((token, session))
}

/// The signed-in, verified staff member of a request, put in the request's
/// extensions by the route guard.
#[derive(Debug, Clone)]
pub struct Staff {
    pub user: StaffUser,
    pub session: Session,
}

impl Staff {
    pub fn actor(&self) -> Actor {
        Actor::Staff {
            user: self.user.id,
            organization: self.user.organization_id,
        }
    }

    /// The organisation every case query of this request is scoped to.
    pub fn scope(&self) -> Uuid {
        self.user.organization_id
    }

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
