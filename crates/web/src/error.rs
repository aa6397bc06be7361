//! The one place where failures become HTTP responses: HTML for pages, JSON for the
//! API. A 4xx names what was wrong; a 500 gives a reference and logs the details.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use torchlight_core::FilterError;
use torchlight_store::StoreError;
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Debug, thiserror::Error)]
pub enum WebError {
    #[error("{0}")]
    BadParameter(#[from] FilterError),
    #[error("{parameter}: {message}")]
    Malformed { parameter: String, message: String },
    #[error("not found")]
    NotFound,
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("template: {0}")]
    Template(#[from] askama::Error),
}

impl WebError {
    fn status(&self) -> StatusCode {
        match self {
            WebError::BadParameter(_) | WebError::Malformed { .. } => StatusCode::BAD_REQUEST,
            WebError::NotFound => StatusCode::NOT_FOUND,
            WebError::Store(_) | WebError::Template(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The parameter at fault and a message fit to show; internal failures get a
    /// reference that points into the log instead of their details.
    fn public(&self) -> (Option<String>, String) {
        match self {
            WebError::BadParameter(e) => (Some(e.parameter.to_owned()), e.message.clone()),
            WebError::Malformed { parameter, message } => {
                (Some(parameter.clone()), message.clone())
            }
            WebError::NotFound => (None, "There is nothing at this address.".to_owned()),
            WebError::Store(_) | WebError::Template(_) => {
                let reference = Uuid::new_v4().simple().to_string();
                tracing::error!(reference, error = %self, "request failed");
                (
                    None,
                    format!("Something went wrong on our side. If it happens again, quote reference {reference}."),
                )
            }
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
struct ErrorPage {
    title: &'static str,
    parameter: Option<String>,
    message: String,
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let status = self.0.status();
        let (parameter, message) = self.0.public();
        let title = match status {
            StatusCode::BAD_REQUEST => "This search could not be read",
            StatusCode::NOT_FOUND => "Not found",
            _ => "Something went wrong",
        };
        let page = ErrorPage {
            title,
            parameter,
            message,
        };
        match page.render() {
            Ok(html) => (status, Html(html)).into_response(),
            Err(_) => (status, title).into_response(),
        }
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
        let (parameter, message) = self.0.public();
        (
            status,
            Json(ApiErrorBody {
                error: ApiErrorDetail { parameter, message },
            }),
        )
            .into_response()
    }
}
