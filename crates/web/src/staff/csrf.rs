//! CSRF protection for every state-changing request, checked by the route guard
//! of every route (so no form can forget it, and a method a route does not take
//! still answers 405). A request made with a session must carry that session's token; a
//! form shown before sign-in (login, unseal) carries the token of the `tl_csrf`
//! cookie instead (double submit). The token travels as the form field `csrf` or
//! the header `X-CSRF-Token`. Calls to the public API without a session carry no
//! ambient authority and need none.

use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::http::{header, Method};
use axum::response::{IntoResponse, Response};
use torchlight_crypto::credentials::constant_time_eq;

use crate::error::{PageError, WebError};
use crate::staff::session::{self, CSRF_COOKIE, SESSION_COOKIE};
use crate::state::AppState;

pub const CSRF_FIELD: &str = "csrf";
pub const CSRF_HEADER: &str = "x-csrf-token";

/// Passes `request` on (its body read and put back) when it is safe or carries
/// the right token; the refusal otherwise.
pub async fn check(state: &AppState, request: Request) -> Result<Request, Response> {
    if matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    ) {
        return Ok(request);
    }
    let has_session_cookie = session::cookie(state, request.headers(), SESSION_COOKIE).is_some();
    if request.uri().path().starts_with("/api/") && !has_session_cookie {
        return Ok(request);
    }
    if !same_origin(&request) {
        return Err(PageError(WebError::BadCsrf).into_response());
    }
    let expected = match session::current(state, request.headers()).await {
        Ok(Some((session, _))) => Some(session.csrf_token),
        Ok(None) => session::cookie(state, request.headers(), CSRF_COOKIE),
        Err(e) => return Err(PageError(e.into()).into_response()),
    };
    let Some(expected) = expected else {
        return Err(PageError(WebError::BadCsrf).into_response());
    };
    let from_header = request
        .headers()
        .get(CSRF_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let (parts, body) = request.into_parts();
    let is_form = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    // The body limit layer outside this one has already capped the size.
    let bytes = match to_bytes(body, state.config().max_body_bytes).await {
        Ok(bytes) => bytes,
        Err(_) => {
            return Err(PageError(WebError::InvalidInput(
                "the request body cannot be read".into(),
            ))
            .into_response())
        }
    };
    let from_form = if is_form {
        form_field(&bytes, CSRF_FIELD)
    } else {
        None
    };
    let given = from_header.or(from_form);
    let valid = given.is_some_and(|given| constant_time_eq(given.as_bytes(), expected.as_bytes()));
    if !valid {
        return Err(PageError(WebError::BadCsrf).into_response());
    }
    Ok(Request::from_parts(parts, Body::from(bytes)))
}

/// A cross-site form post names another origin; a browser always sends `Origin`
/// with a POST, and tools that send none are not browsers riding a session.
/// Under this server's `Referrer-Policy: no-referrer` a browser sends `Origin: null`
/// even for its own forms (Fetch, "serializing a request origin"), so `null` tells
/// nothing either way and the token alone decides.
pub(crate) fn same_origin(request: &Request) -> bool {
    let Some(origin) = request.headers().get(header::ORIGIN) else {
        return true;
    };
    if origin.as_bytes() == b"null" {
        return true;
    }
    let Some(host) = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
    else {
        return false;
    };
    origin
        .to_str()
        .ok()
        .and_then(|o| o.split_once("://"))
        .is_some_and(|(_, authority)| authority == host)
}

/// The value of field `name` of a form body. Only that field is decoded: a
/// parser of the whole form would copy every field (the password with the rest)
/// into strings freed without being wiped. Field names are plain ASCII, sent
/// unencoded by browsers.
fn form_field(body: &[u8], name: &str) -> Option<String> {
    let pair = body.split(|b| *b == b'&').find(|pair| {
        let key = pair.split(|b| *b == b'=').next().unwrap_or_default();
        key == name.as_bytes()
    })?;
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(pair)
        .ok()?
        .into_iter()
        .next()
        .map(|(_, value)| value)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn post(origin: Option<&str>) -> Request {
        let mut builder = Request::builder()
            .method(Method::POST)
            .uri("/staff/login")
            .header(header::HOST, "127.0.0.1:8080");
        if let Some(origin) = origin {
            builder = builder.header(header::ORIGIN, origin);
        }
        builder.body(Body::empty()).unwrap()
    }

    #[test]
    fn own_missing_and_opaque_origins_pass_and_another_origin_fails() {
        assert!(same_origin(&post(Some("http://127.0.0.1:8080"))));
        assert!(same_origin(&post(None)));
        // What a browser sends for the server's own forms under no-referrer.
        assert!(same_origin(&post(Some("null"))));
        assert!(!same_origin(&post(Some("http://evil.example"))));
        assert!(!same_origin(&post(Some("http://127.0.0.1:8081"))));
    }

    #[test]
    fn only_the_named_field_is_read() {
        let body = b"password=p%C3%A4ss&csrf=tok-en_1&csrfx=no";
        assert_eq!(form_field(body, "csrf").as_deref(), Some("tok-en_1"));
        assert_eq!(
            form_field(b"a=1&csrf=x%2By", "csrf").as_deref(),
            Some("x+y")
        );
        assert_eq!(form_field(b"a=1", "csrf"), None);
        assert_eq!(form_field(b"csrf", "csrf").as_deref(), Some(""));
    }
}
