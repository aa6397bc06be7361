//! Headers and limits every response carries, and the request log line.

use std::time::Instant;

use axum::extract::Request;
use axum::http::header::{self, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

/// No script at all, nothing from another origin, no framing, forms post only here.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'self'; img-src 'self'; \
     form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// The policy of the few staff pages that use a security key: the browser's
/// WebAuthn API needs script, so these pages allow this site's own script file and
/// calls back to this site, and nothing else.
pub const SCRIPT_PAGE_POLICY: &str = "default-src 'none'; script-src 'self'; \
     connect-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; \
     frame-ancestors 'none'; base-uri 'none'";

const HEADERS: [(HeaderName, &str); 5] = [
    (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
    (header::REFERRER_POLICY, "no-referrer"),
    (header::X_FRAME_OPTIONS, "DENY"),
    (
        HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    ),
    (
        HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    ),
];

/// Adds the security headers, and keeps pages out of the browser cache: a seized
/// laptop must not show which help a defender looked for. Static files set their
/// own caching.
pub async fn headers(
    axum::extract::State(state): axum::extract::State<crate::state::AppState>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    // Only `SCRIPT_PAGE_POLICY` is ever set by a handler; every other response gets
    // the script-free policy.
    let relaxed = headers
        .get(header::CONTENT_SECURITY_POLICY)
        .is_some_and(|v| v == SCRIPT_PAGE_POLICY);
    if !relaxed {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CONTENT_SECURITY_POLICY),
        );
    }
    for (name, value) in HEADERS {
        headers.insert(name, HeaderValue::from_static(value));
    }
    if !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    // Reached over HTTPS (`secure_cookies`): browsers keep to HTTPS for a year, so
    // a network attacker cannot downgrade a later visit to plain HTTP.
    if state.config().secure_cookies {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(STRICT_TRANSPORT_SECURITY),
        );
    }
    response
}

/// A year; no `includeSubDomains`, which would bind hosts this server knows nothing of.
pub const STRICT_TRANSPORT_SECURITY: &str = "max-age=31536000";

/// One log line per request: method, path, status, duration. Never the client's
/// address, and never the query string, which holds what a defender searched for.
pub async fn log_request(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    tracing::info!(
        target: "torchlight::request",
        %method,
        path,
        status = response.status().as_u16(),
        micros = started.elapsed().as_micros() as u64,
    );
    response
}
