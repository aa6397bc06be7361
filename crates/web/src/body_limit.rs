//! How large a request body may be, and its refusal put into words: a page in the
//! reader's language, or the API's JSON error, instead of a bare `413`.

use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use torchlight_core::intake;

use crate::error::{ApiError, PageError, PageFailure, WebError};
use crate::state::AppState;

/// Bytes one character takes in a body at worst: a character outside the Basic
/// Multilingual Plane is 4 bytes of UTF-8, which a form percent-encodes to 12
/// (`%F0%9F%98%80`) and JSON may escape to 12 (`\ud83d\ude00`). A Cyrillic letter
/// takes 6 in a form, a Georgian or Armenian one 9.
const WORST_BYTES_PER_CHARACTER: usize = 12;

/// Everything of the request form beside its free texts (codes, lists, risks,
/// field names), with room to spare.
const FORM_BESIDE_ITS_TEXTS: usize = 16 * 1024;

/// The longest valid request (its narrative, name and contact at their limits) in
/// the worst encoding: no body limit may refuse it. The staff case form has the
/// same texts and limits; every other form is shorter.
pub const LONGEST_VALID_BODY: usize =
    (intake::MAX_NARRATIVE_CHARS + intake::MAX_NAME_CHARS + intake::MAX_CONTACT_CHARS)
        * WORST_BYTES_PER_CHARACTER
        + FORM_BESIDE_ITS_TEXTS;

/// The default limit, about twice the longest valid body: a text over its own
/// limit (a paste of twice the allowed length, in any script) still arrives, and
/// is refused beside its field with everything else kept as typed.
pub const DEFAULT_MAX_BODY_BYTES: usize = 512 * 1024;
const _: () = assert!(DEFAULT_MAX_BODY_BYTES >= LONGEST_VALID_BODY);
// Twice the longest Cyrillic texts (6 bytes a letter in a form) still arrive.
const _: () = assert!(
    DEFAULT_MAX_BODY_BYTES
        >= 2 * 6
            * (intake::MAX_NARRATIVE_CHARS + intake::MAX_NAME_CHARS + intake::MAX_CONTACT_CHARS)
);

/// Puts a bare `413` (the limit layer's, or a handler's whose body ran over
/// while streaming) into words. Sits outside the limit layer and inside the
/// locale layer, which renders the page.
pub(crate) async fn explain(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let api = request.uri().path().starts_with("/api/");
    let response = next.run(request).await;
    let already_explained = response.extensions().get::<PageFailure>().is_some()
        || response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| value.starts_with("application/json"));
    if response.status() != StatusCode::PAYLOAD_TOO_LARGE || already_explained {
        return response;
    }
    let error = WebError::TooLarge {
        kib: state.config().max_body_bytes / 1024,
    };
    if api {
        ApiError(error).into_response()
    } else {
        PageError(error).into_response()
    }
}
