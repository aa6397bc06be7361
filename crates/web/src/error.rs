//! The one place where failures become HTTP responses: HTML for pages, JSON for the
//! API. A 4xx names what was wrong; a 500 gives a reference and logs the details.
//!
//! A page's failure is rendered in the reader's language by the locale layer
//! (`crate::locale`), which alone knows that language: the handler's response only
//! carries the status and a [`PageFailure`].

use askama::Template;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use torchlight_app::AppError;
use torchlight_core::FilterError;
use torchlight_i18n::args;
use torchlight_store::StoreError;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::pages::PageContext;
use crate::query::FILTER_PARAMETERS;

#[derive(Debug, thiserror::Error)]
pub enum WebError {
    #[error("{0}")]
    BadParameter(#[from] FilterError),
    #[error("{parameter}: unknown parameter; a search takes {list}", list = FILTER_PARAMETERS.join(", "))]
    UnknownParameter { parameter: String },
    #[error("{parameter}: given more than once")]
    RepeatedParameter { parameter: String },
    #[error("query: the query string cannot be read: {0}")]
    UnreadableQuery(String),
    #[error("page: '{value}' is not a page number")]
    NotAPageNumber { value: String },
    #[error("page: there are only {pages} pages of results")]
    PageOutOfRange { pages: usize },
    #[error("not found")]
    NotFound,
    /// Signed in, but the role does not allow this.
    #[error("your role does not allow this")]
    Forbidden,
    /// A form or call made with a session lacked its CSRF token, or sent another.
    #[error("the form has expired or did not come from this site; reload it and try again")]
    BadCsrf,
    #[error("the server is sealed")]
    Sealed,
    /// More than the server takes at once (a flood): nothing was done.
    #[error("the server is busy")]
    Busy,
    #[error("too many attempts; try again in {minutes} minutes")]
    Throttled { minutes: u64 },
    /// A body over the limit (`body_limit`): nothing was read or done.
    #[error("the request body is over {kib} KiB")]
    TooLarge { kib: usize },
    /// A form field was refused; the message names it.
    #[error("{0}")]
    InvalidInput(String),
    /// Someone else changed what this request read, meanwhile; nothing was changed.
    #[error("{0}")]
    Conflict(String),
    #[error(transparent)]
    Store(StoreError),
    /// A failure of the application layer that is not the caller's mistake.
    #[error("operation failed: {0}")]
    App(AppError),
    /// A failure of this layer itself (a response that cannot be built).
    #[error("internal: {0}")]
    Internal(String),
    #[error("template: {0}")]
    Template(#[from] askama::Error),
}

impl WebError {
    fn status(&self) -> StatusCode {
        match self {
            WebError::BadParameter(_)
            | WebError::UnknownParameter { .. }
            | WebError::RepeatedParameter { .. }
            | WebError::UnreadableQuery(_)
            | WebError::NotAPageNumber { .. }
            | WebError::PageOutOfRange { .. } => StatusCode::BAD_REQUEST,
            WebError::NotFound => StatusCode::NOT_FOUND,
            WebError::Forbidden | WebError::BadCsrf => StatusCode::FORBIDDEN,
            WebError::Sealed | WebError::Busy => StatusCode::SERVICE_UNAVAILABLE,
            WebError::Throttled { .. } => StatusCode::TOO_MANY_REQUESTS,
            WebError::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            WebError::InvalidInput(_) => StatusCode::BAD_REQUEST,
            WebError::Conflict(_) => StatusCode::CONFLICT,
            WebError::Store(_)
            | WebError::Template(_)
            | WebError::App(_)
            | WebError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// What may be shown of this failure. Internal failures get a reference that
    /// points into the log instead of their details.
    fn failure(&self) -> PageFailure {
        match self {
            WebError::BadParameter(e) => PageFailure::BadValue {
                parameter: e.parameter.to_owned(),
                detail: e.message.clone(),
            },
            WebError::UnknownParameter { parameter } => PageFailure::UnknownParameter {
                parameter: parameter.clone(),
            },
            WebError::RepeatedParameter { parameter } => PageFailure::RepeatedParameter {
                parameter: parameter.clone(),
            },
            WebError::UnreadableQuery(detail) => PageFailure::UnreadableQuery {
                detail: detail.clone(),
            },
            WebError::NotAPageNumber { value } => PageFailure::NotAPageNumber {
                value: value.clone(),
            },
            WebError::PageOutOfRange { pages } => PageFailure::PageOutOfRange { pages: *pages },
            WebError::NotFound => PageFailure::NotFound,
            WebError::Forbidden => PageFailure::Forbidden,
            WebError::BadCsrf => PageFailure::BadCsrf,
            WebError::Sealed => PageFailure::Sealed,
            WebError::Busy => PageFailure::Busy,
            WebError::Throttled { minutes } => PageFailure::Throttled { minutes: *minutes },
            WebError::TooLarge { kib } => PageFailure::TooLarge { kib: *kib },
            WebError::InvalidInput(detail) => PageFailure::InvalidInput {
                detail: detail.clone(),
            },
            WebError::Conflict(_) => PageFailure::Conflict,
            WebError::Store(_)
            | WebError::Template(_)
            | WebError::App(_)
            | WebError::Internal(_) => {
                let reference = Uuid::new_v4().simple().to_string();
                tracing::error!(reference, error = %self, "request failed");
                PageFailure::Internal { reference }
            }
        }
    }
}

/// What a failed page may tell its reader, before it is put into words.
#[derive(Debug, Clone)]
pub enum PageFailure {
    /// A filter's value was refused by the core; `detail` is its English reason.
    BadValue {
        parameter: String,
        detail: String,
    },
    UnknownParameter {
        parameter: String,
    },
    RepeatedParameter {
        parameter: String,
    },
    UnreadableQuery {
        detail: String,
    },
    NotAPageNumber {
        value: String,
    },
    PageOutOfRange {
        pages: usize,
    },
    NotFound,
    Forbidden,
    BadCsrf,
    Sealed,
    /// Too much at once: try again in a minute.
    Busy,
    Throttled {
        minutes: u64,
    },
    /// The body was over the limit of `kib` KiB; nothing was saved.
    TooLarge {
        kib: usize,
    },
    InvalidInput {
        detail: String,
    },
    /// What a change expected no longer held: someone else changed it meanwhile.
    Conflict,
    Internal {
        reference: String,
    },
}

/// The one mapping of the application layer's failures: the caller's mistakes
/// become 4xx naming the field, everything else a 500 with a reference.
impl From<AppError> for WebError {
    fn from(e: AppError) -> Self {
        match e {
            AppError::Sealed => WebError::Sealed,
            AppError::Busy => WebError::Busy,
            AppError::Invalid(message) => WebError::InvalidInput(message),
            AppError::Conflict(message) => WebError::Conflict(message),
            // The pages ask for the step-up before; this is one that expired
            // between the page and the request.
            AppError::StepUpRequired => {
                WebError::InvalidInput(AppError::StepUpRequired.to_string())
            }
            other => WebError::App(other),
        }
    }
}

impl From<StoreError> for WebError {
    fn from(e: StoreError) -> Self {
        WebError::from(AppError::from(e))
    }
}

impl PageFailure {
    /// The parameter at fault and the message in English, for the API.
    fn english(&self) -> (Option<String>, String) {
        match self {
            PageFailure::BadValue { parameter, detail } => {
                (Some(parameter.clone()), detail.clone())
            }
            PageFailure::UnknownParameter { parameter } => (
                Some(parameter.clone()),
                format!(
                    "unknown parameter; a search takes {}",
                    FILTER_PARAMETERS.join(", ")
                ),
            ),
            PageFailure::RepeatedParameter { parameter } => {
                (Some(parameter.clone()), "given more than once".to_owned())
            }
            PageFailure::UnreadableQuery { detail } => (
                Some("query".to_owned()),
                format!("the query string cannot be read: {detail}"),
            ),
            PageFailure::NotAPageNumber { value } => {
                (Some("page".to_owned()), format!("'{value}' is not a page number"))
            }
            PageFailure::PageOutOfRange { pages } => (
                Some("page".to_owned()),
                format!("there are only {pages} pages of results"),
            ),
            PageFailure::NotFound => (None, "There is nothing at this address.".to_owned()),
            PageFailure::Forbidden => (None, "Your role does not allow this.".to_owned()),
            PageFailure::BadCsrf => (
                None,
                "The request lacked this session's CSRF token (header X-CSRF-Token).".to_owned(),
            ),
            PageFailure::Sealed => (None, "The server is sealed.".to_owned()),
            PageFailure::Busy => (
                None,
                "Too many requests are arriving at once; nothing was done. Try again in a \
                 minute."
                    .to_owned(),
            ),
            PageFailure::Throttled { minutes } => (
                None,
                format!("Too many attempts. Try again in {minutes} minutes."),
            ),
            PageFailure::TooLarge { kib } => (
                None,
                format!(
                    "The request body is over the server's limit of {kib} KiB; nothing was \
                     stored. Shorten the longest text and send again."
                ),
            ),
            PageFailure::InvalidInput { detail } => (None, detail.clone()),
            PageFailure::Conflict => (
                None,
                "Someone else changed this meanwhile, so nothing was changed now. Reload the \
                 page and try again."
                    .to_owned(),
            ),
            PageFailure::Internal { reference } => (
                None,
                format!("Something went wrong on our side. If it happens again, quote reference {reference}."),
            ),
        }
    }

    /// The error page in the reader's language: a staff page's in the staff
    /// layout (its header, and a way back to the staff home rather than to a
    /// search), any other in the public one.
    pub fn render(
        &self,
        status: StatusCode,
        ctx: PageContext<'_>,
        staff: bool,
    ) -> Result<String, askama::Error> {
        let title_id = match (self, status) {
            (PageFailure::Busy, _) => "error-busy-title",
            (PageFailure::TooLarge { .. }, _) => "error-too-large-title",
            (PageFailure::InvalidInput { .. }, _) => "error-invalid-title",
            (_, status) => match status {
                StatusCode::BAD_REQUEST => "error-bad-request-title",
                StatusCode::NOT_FOUND => "error-not-found-title",
                StatusCode::FORBIDDEN => "error-forbidden-title",
                StatusCode::SERVICE_UNAVAILABLE => "error-sealed-title",
                StatusCode::TOO_MANY_REQUESTS => "error-throttled-title",
                StatusCode::CONFLICT => "error-conflict-title",
                _ => "error-internal-title",
            },
        };
        let with = |id: &str, name: &'static str, value: String| {
            ctx.text_with(id, &args([(name, value.into())]))
                .into_owned()
        };
        let (message, detail) = match self {
            PageFailure::BadValue { parameter, detail } => (
                with("error-bad-value", "parameter", parameter.clone()),
                Some(detail.clone()),
            ),
            PageFailure::UnknownParameter { parameter } => (
                ctx.text_with(
                    "error-unknown-parameter",
                    &args([
                        ("parameter", parameter.clone().into()),
                        ("parameters", FILTER_PARAMETERS.join(", ").into()),
                    ]),
                )
                .into_owned(),
                None,
            ),
            PageFailure::RepeatedParameter { parameter } => (
                with("error-repeated-parameter", "parameter", parameter.clone()),
                None,
            ),
            PageFailure::UnreadableQuery { detail } => (
                ctx.text("error-query-unreadable").into_owned(),
                Some(detail.clone()),
            ),
            PageFailure::NotAPageNumber { value } => {
                (with("error-page-number", "value", value.clone()), None)
            }
            PageFailure::PageOutOfRange { pages } => (
                ctx.text_with(
                    "error-page-out-of-range",
                    &args([("pages", (*pages).into())]),
                )
                .into_owned(),
                None,
            ),
            PageFailure::NotFound => (ctx.text("error-not-found").into_owned(), None),
            PageFailure::Forbidden => (ctx.text("error-forbidden").into_owned(), None),
            PageFailure::BadCsrf => (ctx.text("error-csrf").into_owned(), None),
            PageFailure::Sealed => (ctx.text("error-sealed").into_owned(), None),
            PageFailure::Busy => (ctx.text("error-busy").into_owned(), None),
            PageFailure::Throttled { minutes } => (
                ctx.text_with("error-throttled", &args([("minutes", (*minutes).into())]))
                    .into_owned(),
                None,
            ),
            PageFailure::TooLarge { kib } => (
                ctx.text_with("error-too-large", &args([("kib", (*kib).into())]))
                    .into_owned(),
                None,
            ),
            PageFailure::InvalidInput { detail } => (
                ctx.text("error-invalid-input").into_owned(),
                Some(detail.clone()),
            ),
            PageFailure::Conflict => (ctx.text("error-conflict").into_owned(), None),
            PageFailure::Internal { reference } => {
                (with("error-internal", "reference", reference.clone()), None)
            }
        };
        let title = ctx.text(title_id).into_owned();
        if staff {
            StaffErrorPage {
                title,
                message,
                detail,
                frame: None,
                notices: Vec::new(),
                ctx,
            }
            .render()
        } else {
            ErrorPage {
                title,
                message,
                detail,
                ctx,
            }
            .render()
        }
    }
}

/// A failure of an HTML page.
#[derive(Debug)]
pub struct PageError(pub WebError);

impl<E: Into<WebError>> From<E> for PageError {
    fn from(e: E) -> Self {
        PageError(e.into())
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    ctx: PageContext<'a>,
    title: String,
    message: String,
    /// The core's own explanation, in English.
    detail: Option<String>,
}

/// A failure of a staff page. Without the session here, the header shows the
/// staff brand but no menu.
#[derive(Template)]
#[template(path = "staff/error.html")]
struct StaffErrorPage<'a> {
    ctx: PageContext<'a>,
    frame: Option<crate::staff::Frame>,
    notices: Vec<String>,
    title: String,
    message: String,
    detail: Option<String>,
}

impl IntoResponse for PageError {
    /// The status and the failure; the locale layer turns it into a page. Without
    /// that layer the body stays a bare status line.
    fn into_response(self) -> Response {
        let status = self.0.status();
        let mut response = (status, status.canonical_reason().unwrap_or_default()).into_response();
        retry_later(&self.0, &mut response);
        response.extensions_mut().insert(self.0.failure());
        response
    }
}

/// The JSON body of every API error.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiErrorBody {
    pub error: ApiErrorDetail,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiErrorDetail {
    /// The query parameter or field at fault, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parameter: Option<String>,
    pub message: String,
}

/// A failure of an API call.
#[derive(Debug)]
pub struct ApiError(pub WebError);

impl<E: Into<WebError>> From<E> for ApiError {
    fn from(e: E) -> Self {
        ApiError(e.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.0.status();
        let (parameter, message) = self.0.failure().english();
        let mut response = (
            status,
            Json(ApiErrorBody {
                error: ApiErrorDetail { parameter, message },
            }),
        )
            .into_response();
        retry_later(&self.0, &mut response);
        response
    }
}

/// A busy refusal says when to come back (`Retry-After`, in seconds).
fn retry_later(error: &WebError, response: &mut Response) {
    if matches!(error, WebError::Busy) {
        response.headers_mut().insert(
            axum::http::header::RETRY_AFTER,
            axum::http::HeaderValue::from_static("60"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn busy_is_503_with_a_time_to_come_back_on_pages_and_in_the_api() {
        for response in [
            PageError(WebError::Busy).into_response(),
            ApiError(WebError::Busy).into_response(),
        ] {
            assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
            assert_eq!(
                response.headers().get(axum::http::header::RETRY_AFTER),
                Some(&axum::http::HeaderValue::from_static("60"))
            );
        }
        assert!(matches!(WebError::from(AppError::Busy), WebError::Busy));
    }
}
