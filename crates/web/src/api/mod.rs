//! The JSON API under `/api/v1`: the same directory data as the pages, described by
//! an OpenAPI document generated from these types.

mod requests;
mod types;

use axum::extract::{Path, RawQuery, State};
use axum::Json;
use torchlight_core::{search, OrganizationId, Vocabulary};
use torchlight_i18n::Locale;
use utoipa::OpenApi;
use uuid::Uuid;

use crate::error::{ApiError, ApiErrorBody, ApiErrorDetail, WebError};
use crate::explain;
use crate::query::{self, find_link};
use crate::state::AppState;

pub use requests::{
    create_request, request_status, DecisionOut, EntryOut, FieldErrorOut, InvalidRequestBody,
    RequestCreated, RequestIn, RequestStatusOut, RiskIn,
};
pub use types::*;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Torchlight directory API",
        description = "Public directory of protection services for human rights defenders at risk, \
            and intake of requests for help (POST /api/v1/requests; follow one with \
            GET /api/v1/requests/status and Authorization: Codename <words>). \
            Every code is a stable code of Torchlight's taxonomy (GET /api/v1/taxonomy/{vocabulary}).",
        version = "1"
    ),
    paths(
        list_services,
        get_service,
        list_organizations,
        get_organization,
        get_vocabulary,
        requests::create_request,
        requests::request_status
    ),
    components(schemas(
        SearchResponse,
        ServiceMatch,
        ServiceOut,
        OrganizationOut,
        CoverageOut,
        ReasonOut,
        SuggestionOut,
        TermOut,
        ApiErrorBody,
        ApiErrorDetail,
        RequestIn,
        RiskIn,
        RequestCreated,
        InvalidRequestBody,
        FieldErrorOut,
        RequestStatusOut,
        DecisionOut,
        EntryOut
    ))
)]
pub struct ApiDoc;

pub async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

/// Services matching the filters, each with its organisation and the reasons it matches.
#[utoipa::path(
    get,
    path = "/api/v1/services",
    params(ServiceFilters),
    responses(
        (status = 200, description = "Matching services, best first", body = SearchResponse),
        (status = 400, description = "A parameter is unknown or malformed; the body names it", body = ApiErrorBody)
    )
)]
pub async fn list_services(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Json<SearchResponse>, ApiError> {
    let taxonomy = state.taxonomy();
    let query = query::parse(taxonomy, raw.as_deref(), false)?;
    let directory = state.directory();
    let hits = search::search(&directory, taxonomy, &query.filters);
    // The API speaks English, the directory's base language; codes beside every
    // text let clients show their own words.
    let words = explain::Words::new(state.localizer(), Locale::ENGLISH, taxonomy);
    let services: Vec<ServiceMatch> = hits
        .iter()
        .map(|hit| ServiceMatch {
            service: ServiceOut::new(hit.service, OrganizationOut::new(hit.organization)),
            reasons: hit
                .reasons
                .iter()
                .map(|r| ReasonOut::new(&words, r))
                .collect(),
            why: words.reasons_line(&hit.reasons),
        })
        .collect();
    let suggestions = if services.is_empty() {
        search::suggestions(&directory, taxonomy, &query.filters)
            .into_iter()
            .map(|s| SuggestionOut {
                kind: s.kind.code().to_owned(),
                text: words.suggestion(s.kind).into_owned(),
                matches: s.matches,
                link: find_link(&s.filters, None).replacen("/find", "/api/v1/services", 1),
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(Json(SearchResponse {
        count: services.len(),
        services,
        suggestions,
    }))
}

/// One service with its organisation.
#[utoipa::path(
    get,
    path = "/api/v1/services/{id}",
    params(("id" = Uuid, Path, description = "Service id")),
    responses(
        (status = 200, body = ServiceOut),
        (status = 404, body = ApiErrorBody)
    )
)]
pub async fn get_service(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<ServiceOut>, ApiError> {
    let id = Uuid::parse_str(&id).map_err(|_| WebError::NotFound)?;
    let directory = state.directory();
    let service = directory.service(id).ok_or(WebError::NotFound)?;
    let organization = directory
        .organization(service.organization_id)
        .ok_or(WebError::NotFound)?;
    Ok(Json(ServiceOut::new(
        service,
        OrganizationOut::new(organization),
    )))
}

/// Every organisation in the directory.
#[utoipa::path(
    get,
    path = "/api/v1/organizations",
    responses((status = 200, body = Vec<OrganizationOut>))
)]
pub async fn list_organizations(State(state): State<AppState>) -> Json<Vec<OrganizationOut>> {
    let directory = state.directory();
    Json(
        directory
            .organizations
            .iter()
            .map(OrganizationOut::new)
            .collect(),
    )
}

/// One organisation.
#[utoipa::path(
    get,
    path = "/api/v1/organizations/{id}",
    params(("id" = Uuid, Path, description = "Organisation id")),
    responses(
        (status = 200, body = OrganizationOut),
        (status = 404, body = ApiErrorBody)
    )
)]
pub async fn get_organization(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<OrganizationOut>, ApiError> {
    let id: OrganizationId = id.parse().map_err(|_| WebError::NotFound)?;
    let directory = state.directory();
    let organization = directory.organization(id).ok_or(WebError::NotFound)?;
    Ok(Json(OrganizationOut::new(organization)))
}

/// The entries of one vocabulary: codes, English labels and descriptions.
#[utoipa::path(
    get,
    path = "/api/v1/taxonomy/{vocabulary}",
    params(("vocabulary" = String, Path, description = "country, region, language, risk_type, risk_source, support_type, defender_group, actor_kind, refusal_reason or profession")),
    responses(
        (status = 200, body = Vec<TermOut>),
        (status = 404, body = ApiErrorBody)
    )
)]
pub async fn get_vocabulary(
    State(state): State<AppState>,
    Path(name): Path<String>,
) -> Result<Json<Vec<TermOut>>, ApiError> {
    let vocabulary = Vocabulary::ALL
        .into_iter()
        .find(|v| v.name() == name)
        .ok_or(WebError::NotFound)?;
    let taxonomy = state.taxonomy();
    let terms = match vocabulary {
        Vocabulary::Country => taxonomy
            .countries()
            .iter()
            .map(|c| TermOut {
                code: c.code.to_string(),
                label: c.name.clone(),
                description: c
                    .regime
                    .map(|r| format!("{} regime", r.as_str()))
                    .unwrap_or_default(),
                country: None,
            })
            .collect(),
        Vocabulary::Region => taxonomy
            .regions()
            .iter()
            .map(|r| TermOut {
                code: r.code.to_string(),
                label: r.name.clone(),
                description: r.kind.as_str().to_owned(),
                country: Some(r.country.to_string()),
            })
            .collect(),
        _ => taxonomy
            .terms(vocabulary)
            .iter()
            .map(|t| TermOut {
                code: t.code.to_string(),
                label: t.label.clone(),
                description: t.description.clone(),
                country: None,
            })
            .collect(),
    };
    Ok(Json(terms))
}

pub async fn not_found() -> ApiError {
    ApiError(WebError::NotFound)
}
