//! gzip for the public pages that carry no secret, so a defender on a slow phone
//! or over Tor loads the request form (tens of kilobytes of option lists in
//! Georgian or Armenian) in a tenth of the bytes.
//!
//! Only those: a compressed response whose size an eavesdropper can watch, and
//! that holds a secret beside text an attacker can influence, leaks the secret a
//! byte at a time (BREACH). So nothing under `/staff` or `/unseal` (CSRF tokens,
//! TOTP secrets) is compressed, nor any answer to a posted form (a receipt or a
//! status page shows a codename), nor the status API; the directory, the search
//! and the empty forms are.

use axum::extract::Request;
use axum::http::{Method, Response};
use axum::middleware::Next;
use torchlight_i18n::Locale;
use tower_http::compression::predicate::{And, DefaultPredicate, Predicate};
use tower_http::compression::CompressionLayer;

/// Set on a response that may be compressed.
#[derive(Debug, Clone, Copy)]
struct Compressible;

/// Marks the answers to requests that carry no secret.
pub(crate) async fn mark(request: Request, next: Next) -> axum::response::Response {
    let compressible = carries_no_secret(request.method(), request.uri().path());
    let mut response = next.run(request).await;
    if compressible {
        response.extensions_mut().insert(Compressible);
    }
    response
}

/// A public page or call read with GET, or the guided path's suggestions (a
/// posted form whose answer holds nothing but the directory).
fn carries_no_secret(method: &Method, path: &str) -> bool {
    let path = without_language(path);
    let secret_area = ["/staff", "/unseal", "/api/v1/requests"]
        .iter()
        .any(|area| path.starts_with(area));
    match *method {
        Method::GET | Method::HEAD => !secret_area,
        Method::POST => path == "/request/guide",
        _ => false,
    }
}

/// `path` without its `/ru`-style language prefix.
fn without_language(path: &str) -> &str {
    Locale::all()
        .find_map(|locale| {
            let rest = path.strip_prefix('/')?.strip_prefix(locale.code())?;
            (rest.is_empty() || rest.starts_with('/')).then_some(rest)
        })
        .unwrap_or(path)
}

/// Compresses what `mark` marked.
#[derive(Debug, Clone, Copy)]
pub struct Marked;

impl Predicate for Marked {
    fn should_compress<B>(&self, response: &Response<B>) -> bool
    where
        B: http_body::Body,
    {
        response.extensions().get::<Compressible>().is_some()
    }
}

/// gzip, for marked answers large enough to gain from it.
pub fn layer() -> CompressionLayer<And<Marked, DefaultPredicate>> {
    CompressionLayer::new()
        .gzip(true)
        .compress_when(Marked.and(DefaultPredicate::new()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_answers_without_secrets_are_compressed() {
        assert!(carries_no_secret(&Method::GET, "/request"));
        assert!(carries_no_secret(&Method::GET, "/ka/request"));
        assert!(carries_no_secret(&Method::GET, "/find"));
        assert!(carries_no_secret(&Method::POST, "/ru/request/guide"));
        for (method, path) in [
            (Method::POST, "/request"),
            (Method::POST, "/ka/status"),
            (Method::POST, "/request/practise"),
            (Method::GET, "/staff"),
            (Method::GET, "/ru/staff/cases"),
            (Method::GET, "/unseal"),
            (Method::GET, "/api/v1/requests/status"),
        ] {
            assert!(!carries_no_secret(&method, path), "{method} {path}");
        }
    }

    #[test]
    fn a_path_that_only_starts_like_a_language_keeps_its_name() {
        assert_eq!(without_language("/ru/find"), "/find");
        assert_eq!(without_language("/ru"), "");
        assert_eq!(without_language("/rustaff"), "/rustaff");
    }
}
