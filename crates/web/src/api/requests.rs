//! Intake as JSON, for trusted intermediary apps: `POST /api/v1/requests` and
//! `GET /api/v1/requests/status` with `Authorization: Codename <words>`. The
//! codename is never taken from a URL: a query string on the status call is
//! refused outright, whatever it holds.

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use time::format_description::well_known::Rfc3339;
use torchlight_app::intake::RequestStatus;
use torchlight_core::case::CaseStatus;
use torchlight_core::intake::{FieldError, RequestDraft};
use utoipa::ToSchema;
use zeroize::Zeroizing;

use crate::error::{ApiError, ApiErrorBody, ApiErrorDetail, WebError};
use crate::state::AppState;

/// The body of `POST /api/v1/requests`, as documented: the fields of
/// `core::intake::RequestDraft`, which decodes it (a test keeps the two the same).
#[derive(Debug, Serialize, ToSchema)]
#[allow(dead_code)]
pub struct RequestIn {
    /// ISO 3166-1 alpha-2, e.g. `KG`. Required.
    pub country: String,
    /// A region code of that country, e.g. `KG-O`.
    pub region: Option<String>,
    /// `capital` or `remote`.
    pub locality: Option<String>,
    pub in_exile: Option<bool>,
    /// `self` or `someone_else`.
    pub for_whom: Option<String>,
    /// Defender group codes.
    pub groups: Vec<String>,
    /// Support type codes; at least one. Required.
    pub needs: Vec<String>,
    pub risks: Vec<RiskIn>,
    /// What happened, in the defender's words (at most 20,000 characters).
    pub narrative: Option<String>,
    /// `detained_now`, `threat_to_life`, `within_days` or `not_urgent`. Required.
    pub urgency: String,
    /// Family members who need support too (0 to 30).
    pub family_members: Option<u32>,
    /// Support type codes for them.
    pub family_needs: Vec<String>,
    /// Language codes the defender can use.
    pub languages: Vec<String>,
    pub can_travel: Option<bool>,
    /// `none` (default), `named` or `coalition`.
    pub consent: Option<String>,
    /// Organisation ids, with `consent: named`.
    pub consent_organizations: Vec<String>,
    /// `focal_point` (default: the focal point of the country) or an organisation id.
    pub send_to: Option<String>,
    /// What to call the defender (optional).
    pub name: Option<String>,
    /// A safe way to reach them outside Torchlight (optional).
    pub contact: Option<String>,
}

/// One risk of a request.
#[derive(Debug, Serialize, ToSchema)]
#[allow(dead_code)]
pub struct RiskIn {
    /// A risk type code. Required in a risk.
    #[serde(rename = "type")]
    pub kind: String,
    /// A risk source code.
    pub source: Option<String>,
    /// `potential` or `materialised`.
    pub stage: Option<String>,
    /// Any of `defender`, `family`, `organisation`.
    pub affects: Vec<String>,
    /// `new` or `ongoing`.
    pub onset: Option<String>,
}

/// What `POST /api/v1/requests` answers once the request is durable.
#[derive(Debug, Serialize, ToSchema)]
pub struct RequestCreated {
    /// Seven words; the only way to follow the request. Shown once.
    pub codename: String,
    /// The id of the organisation that received it.
    pub organization: String,
    /// When it was stored (RFC 3339, UTC).
    pub submitted_at: String,
}

/// A request refused: every bad field, named as in the request body.
#[derive(Debug, Serialize, ToSchema)]
pub struct InvalidRequestBody {
    pub error: ApiErrorDetail,
    pub fields: Vec<FieldErrorOut>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FieldErrorOut {
    /// The field's path, e.g. `country` or `risks.0.type`.
    pub field: String,
    /// A stable code of the problem (`required`, `unknown-code`, `too-long`...).
    pub problem: String,
    pub message: String,
}

/// A request as its defender sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct RequestStatusOut {
    /// `new` (not yet taken up), `open` or `closed`.
    pub state: String,
    pub urgency: String,
    pub country: String,
    /// The support types asked for.
    pub needs: Vec<String>,
    /// The id of the organisation that received it.
    pub organization: String,
    pub submitted_at: String,
    pub updated_at: String,
    /// The previous look-up, if any.
    pub last_visit_at: Option<String>,
    pub changed_since_last_visit: bool,
    /// Decisions on each need (none until a caseworker decides).
    pub decisions: Vec<DecisionOut>,
    pub entries: Vec<EntryOut>,
}

/// A decision on one need.
#[derive(Debug, Serialize, ToSchema)]
pub struct DecisionOut {
    pub need: String,
    pub decision: String,
    pub reason: Option<String>,
}

/// Something added to the request after it was sent.
#[derive(Debug, Serialize, ToSchema)]
pub struct EntryOut {
    /// `defender_message`, `defender_new_risk` or `staff_message`.
    pub kind: String,
    pub at: String,
    pub text: String,
    pub risk_type: Option<String>,
    pub needs: Vec<String>,
    /// From the organisation, since the previous visit.
    pub new: bool,
}

fn rfc3339(ms: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .ok()
        .and_then(|t| t.format(&Rfc3339).ok())
        .unwrap_or_default()
}

fn refused(errors: Vec<FieldError>) -> Response {
    let fields: Vec<FieldErrorOut> = errors
        .into_iter()
        .map(|e| FieldErrorOut {
            problem: e.problem.code().to_owned(),
            message: e.problem.message(),
            field: e.field,
        })
        .collect();
    let message = fields
        .iter()
        .map(|f| format!("{}: {}", f.field, f.message))
        .collect::<Vec<_>>()
        .join("; ");
    (
        StatusCode::BAD_REQUEST,
        Json(InvalidRequestBody {
            error: ApiErrorDetail {
                parameter: fields.first().map(|f| f.field.clone()),
                message,
            },
            fields,
        }),
    )
        .into_response()
}

/// The field a JSON decoding error is about, when serde names one.
fn field_of(error: &serde_json::Error) -> Option<String> {
    let text = error.to_string();
    let start = text.find('`')? + 1;
    let end = start + text.get(start..)?.find('`')?;
    text.get(start..end).map(str::to_owned)
}

/// Asks for help: the request is checked, encrypted to its recipient and stored
/// durably before the answer; a refused request stores nothing.
#[utoipa::path(
    post,
    path = "/api/v1/requests",
    request_body(
        content = RequestIn,
        description = "The request form's fields: at least country, needs and urgency",
        content_type = "application/json"
    ),
    responses(
        (status = 201, description = "Stored durably; keep the codename", body = RequestCreated),
        (status = 400, description = "Every bad field, named", body = InvalidRequestBody),
        (status = 503, description = "Too many requests at once; nothing stored; retry in a minute", body = ApiErrorBody)
    )
)]
pub async fn create_request(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let body = Zeroizing::new(body.to_vec());
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if !is_json {
        return Err(WebError::InvalidInput(
            "Content-Type: send the request as application/json".into(),
        )
        .into());
    }
    let draft: RequestDraft = match serde_json::from_slice(&body) {
        Ok(draft) => draft,
        Err(e) => {
            let field = field_of(&e).unwrap_or_else(|| "body".into());
            return Ok((
                StatusCode::BAD_REQUEST,
                Json(InvalidRequestBody {
                    error: ApiErrorDetail {
                        parameter: Some(field.clone()),
                        message: format!("the body is not a request: {e}"),
                    },
                    fields: vec![FieldErrorOut {
                        field,
                        problem: "malformed".into(),
                        message: e.to_string(),
                    }],
                }),
            )
                .into_response());
        }
    };
    let valid = match draft.validate(state.taxonomy(), &state.directory()) {
        Ok(valid) => valid,
        Err(errors) => return Ok(refused(errors)),
    };
    let receipt = state.app().intake().submit(valid).await?;
    Ok((
        StatusCode::CREATED,
        Json(RequestCreated {
            codename: receipt.codename.as_str().to_owned(),
            organization: receipt.recipient.to_string(),
            submitted_at: rfc3339(receipt.at_ms),
        }),
    )
        .into_response())
}

/// The codename of an `Authorization: Codename <words>` header.
fn codename(headers: &HeaderMap) -> Option<Zeroizing<String>> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, words) = value.trim().split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("codename")
        .then(|| Zeroizing::new(words.to_owned()))
}

fn status_out(status: &RequestStatus) -> RequestStatusOut {
    let code = |c: &torchlight_core::Code| c.as_str().to_owned();
    RequestStatusOut {
        state: match status.status {
            CaseStatus::New => "new",
            CaseStatus::Open => "open",
            CaseStatus::Closed => "closed",
        }
        .to_owned(),
        urgency: status.urgency.code().to_owned(),
        country: status.country.as_str().to_owned(),
        needs: status.request.needs.iter().map(code).collect(),
        organization: status.recipient.to_string(),
        submitted_at: rfc3339(status.created_at_ms),
        updated_at: rfc3339(status.updated_at_ms),
        last_visit_at: status.last_visit_ms.map(rfc3339),
        changed_since_last_visit: status.changed_since_last_visit(),
        decisions: Vec::new(),
        entries: status
            .entries
            .iter()
            .map(|e| EntryOut {
                kind: e.kind.code().to_owned(),
                at: rfc3339(e.at_ms),
                text: e.content.text.clone(),
                risk_type: e.content.risk.as_ref().map(|r| code(&r.kind)),
                needs: e.content.needs.iter().map(code).collect(),
                new: e.new_since_last_visit,
            })
            .collect(),
    }
}

/// The request a codename finds. The same 404 for any codename that finds
/// nothing; a codename in the query string is refused (400) and never read.
#[utoipa::path(
    get,
    path = "/api/v1/requests/status",
    params(("Authorization" = String, Header, description = "Codename <the seven words>")),
    responses(
        (status = 200, body = RequestStatusOut),
        (status = 400, description = "A query string was given: the codename goes in the header only", body = ApiErrorBody),
        (status = 401, description = "No Authorization: Codename header", body = ApiErrorBody),
        (status = 404, description = "No request has this codename", body = ApiErrorBody),
        (status = 503, description = "Too many look-ups at once; retry in a minute", body = ApiErrorBody)
    )
)]
pub async fn request_status(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    if raw.is_some() {
        return Err(WebError::InvalidInput(
            "query: this call takes no query string; the codename goes only in the \
             Authorization header (Authorization: Codename <words>), never in a URL"
                .into(),
        )
        .into());
    }
    let Some(typed) = codename(&headers) else {
        let mut response = (
            StatusCode::UNAUTHORIZED,
            Json(ApiErrorBody {
                error: ApiErrorDetail {
                    parameter: Some("Authorization".into()),
                    message: "send the codename as Authorization: Codename <words>".into(),
                },
            }),
        )
            .into_response();
        response.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Codename"),
        );
        return Ok(response);
    };
    match state.app().intake().status(&typed).await? {
        Some(found) => Ok(Json(status_out(&found)).into_response()),
        None => Ok((
            StatusCode::NOT_FOUND,
            Json(ApiErrorBody {
                error: ApiErrorDetail {
                    parameter: None,
                    message: "no request has this codename".into(),
                },
            }),
        )
            .into_response()),
    }
}
