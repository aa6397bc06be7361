//! Which language a request is answered in, chosen before routing.
//!
//! A path prefix (`/ru/find?country=KG`) chooses the language and wins; without one,
//! `Accept-Language` decides. No cookie is involved, so a shared or seized device
//! keeps no trace of the choice, and every page has one address per language that
//! can be bookmarked or passed on. The layer strips the prefix before the router
//! sees the path, so routes are written once; an unknown prefix is left alone and
//! ends as an ordinary 404.

use axum::extract::{FromRequestParts, Request, State};
use axum::http::header::{self, HeaderValue};
use axum::http::request::Parts;
use axum::http::Uri;
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use torchlight_i18n::{negotiate, Locale};

use crate::error::PageFailure;
use crate::pages::PageContext;
use crate::state::AppState;

/// The request's language and where it came from; put in the request's extensions
/// by [`choose`].
#[derive(Debug, Clone)]
pub struct PageLocale {
    pub locale: Locale,
    /// True when the path carried the language (`/ru/...`): the page's links then
    /// carry it too, so the choice holds while the defender moves around.
    pub prefixed: bool,
    /// Path and query without the prefix, for links to this page in other languages.
    pub path_and_query: String,
}

impl PageLocale {
    /// What internal links start with: `/ru` or nothing.
    pub fn prefix(&self) -> String {
        if self.prefixed {
            format!("/{}", self.locale.code())
        } else {
            String::new()
        }
    }

    fn from_request(parts: &Parts) -> PageLocale {
        let path_and_query = parts
            .uri
            .path_and_query()
            .map(|p| p.as_str().to_owned())
            .unwrap_or_else(|| "/".to_owned());
        PageLocale {
            locale: accept_language(parts),
            prefixed: false,
            path_and_query,
        }
    }
}

fn accept_language(parts: &Parts) -> Locale {
    parts
        .headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(negotiate)
        .unwrap_or(Locale::ENGLISH)
}

impl<S: Send + Sync> FromRequestParts<S> for PageLocale {
    type Rejection = std::convert::Infallible;

    /// Set by the layer; a router used without it still gets the header's choice.
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(parts
            .extensions
            .get::<PageLocale>()
            .cloned()
            .unwrap_or_else(|| PageLocale::from_request(parts)))
    }
}

/// Splits `/ru/find?x` into the locale and `/find?x`; `/ru` alone is the home page.
fn strip_prefix(path_and_query: &str) -> Option<(Locale, String)> {
    let rest = path_and_query.strip_prefix('/')?;
    let end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (code, tail) = rest.split_at(end);
    let locale = Locale::from_code(code)?;
    let tail = if tail.starts_with('/') {
        tail.to_owned()
    } else {
        format!("/{tail}")
    };
    Some((locale, tail))
}

/// The layer around the whole router: chooses the language, rewrites the URI, and
/// afterwards renders a failed page in that language and labels the response.
pub async fn choose(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let original = request
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "/".to_owned());
    let page_locale = match strip_prefix(&original) {
        Some((locale, rest)) => match rest.parse::<Uri>() {
            Ok(uri) => {
                *request.uri_mut() = uri;
                PageLocale {
                    locale,
                    prefixed: true,
                    path_and_query: rest,
                }
            }
            Err(_) => {
                let (parts, body) = request.into_parts();
                let found = PageLocale::from_request(&parts);
                request = Request::from_parts(parts, body);
                found
            }
        },
        None => {
            let (parts, body) = request.into_parts();
            let found = PageLocale::from_request(&parts);
            request = Request::from_parts(parts, body);
            found
        }
    };
    request.extensions_mut().insert(page_locale.clone());
    let response = next.run(request).await;
    finish(&state, &page_locale, response)
}

/// Whether a path (without its language prefix) is a staff page's.
fn is_staff_path(path_and_query: &str) -> bool {
    path_and_query == "/staff"
        || path_and_query.starts_with("/staff/")
        || path_and_query.starts_with("/staff?")
}

fn finish(state: &AppState, page_locale: &PageLocale, response: Response) -> Response {
    let mut response = match response.extensions().get::<PageFailure>().cloned() {
        Some(failure) => {
            let (mut parts, _) = response.into_parts();
            // The new body has its own length.
            parts.headers.remove(header::CONTENT_LENGTH);
            let staff = is_staff_path(&page_locale.path_and_query);
            let ctx = if staff {
                crate::staff::context(state, page_locale)
            } else {
                PageContext::new(state, page_locale)
            };
            match failure.render(parts.status, ctx, staff) {
                Ok(html) => {
                    let page = Html(html).into_response();
                    if let Some(content_type) = page.headers().get(header::CONTENT_TYPE) {
                        parts
                            .headers
                            .insert(header::CONTENT_TYPE, content_type.clone());
                    }
                    Response::from_parts(parts, page.into_body())
                }
                Err(e) => {
                    tracing::error!(error = %e, "cannot render the error page");
                    Response::from_parts(parts, axum::body::Body::empty())
                }
            }
        }
        None => response,
    };
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if is_html {
        let headers = response.headers_mut();
        if let Ok(value) = HeaderValue::from_str(page_locale.locale.code()) {
            headers.insert(header::CONTENT_LANGUAGE, value);
        }
        // Without a prefix the page depends on the header; caches must know.
        headers.append(header::VARY, HeaderValue::from_static("accept-language"));
    }
    response
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn split(path: &str) -> Option<(&'static str, String)> {
        strip_prefix(path).map(|(l, rest)| (l.code(), rest))
    }

    #[test]
    fn prefixes_are_locales_only() {
        assert_eq!(
            split("/ru/find?country=KG"),
            Some(("ru", "/find?country=KG".into()))
        );
        assert_eq!(split("/uk"), Some(("uk", "/".into())));
        assert_eq!(split("/uk/"), Some(("uk", "/".into())));
        assert_eq!(split("/kk?x=1"), Some(("kk", "/?x=1".into())));
        assert_eq!(split("/en/services/1"), Some(("en", "/services/1".into())));
        assert_eq!(split("/find"), None);
        assert_eq!(split("/xx/find"), None);
        assert_eq!(split("/russia/find"), None);
        assert_eq!(split("/"), None);
        assert_eq!(split("/RU/find"), None);
    }
}
