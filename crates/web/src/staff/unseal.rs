//! The page where trustees unseal the server: the passphrase, or one share each.
//! It needs no account (trustees need not be staff), so attempts are throttled per
//! client, and a refusal never says which share was wrong.

use askama::Template;
use axum::extract::State;
use axum::http::header::HeaderMap;
use axum::http::{Extensions, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use torchlight_app::keyring::{KeyringStatus, Unsealing};
use torchlight_app::Actor;
use torchlight_i18n::args;
use zeroize::Zeroizing;

use super::secret_form::SecretForm;
use super::session::{self, CSRF_COOKIE};
use super::{context, render, Frame};
use crate::error::PageError;
use crate::locale::PageLocale;
use crate::pages::PageContext;
use crate::state::AppState;

type PageResponse = Result<Response, PageError>;

#[derive(Template)]
#[template(path = "staff/unseal.html")]
struct UnsealPage<'a> {
    ctx: PageContext<'a>,
    frame: Option<Frame>,
    notices: Vec<String>,
    title: String,
    status: String,
    sealed: bool,
    label: String,
    csrf: String,
    error: Option<String>,
}

async fn unseal_page(
    state: &AppState,
    page: &PageLocale,
    headers: &HeaderMap,
    error: Option<String>,
    status_code: StatusCode,
) -> PageResponse {
    let ctx = context(state, page);
    let unsealing = unsealing_of(state, headers);
    let (status, sealed, label) = match state.app().keyring().status(unsealing.as_deref()).await? {
        KeyringStatus::NotInitialized => (
            ctx.text("unseal-not-initialized").into_owned(),
            false,
            String::new(),
        ),
        KeyringStatus::Unsealed => (
            ctx.text("unseal-unsealed").into_owned(),
            false,
            String::new(),
        ),
        KeyringStatus::SealedByPassphrase => (
            ctx.text("unseal-sealed").into_owned(),
            true,
            ctx.text("unseal-passphrase").into_owned(),
        ),
        KeyringStatus::SealedByShares { entered, threshold } => (
            ctx.text_with(
                "unseal-shares-progress",
                &args([("entered", entered.into()), ("threshold", threshold.into())]),
            )
            .into_owned(),
            true,
            ctx.text("unseal-share").into_owned(),
        ),
    };
    let (csrf, fresh) = match session::cookie(state, headers, CSRF_COOKIE) {
        Some(token) if token.len() >= 32 => (token, false),
        _ => (torchlight_crypto::credentials::random_token(), true),
    };
    let html = render(UnsealPage {
        title: ctx.text("unseal-title").into_owned(),
        frame: None,
        notices: Vec::new(),
        status,
        sealed,
        label,
        csrf: csrf.clone(),
        error,
        ctx,
    })?;
    let response = (status_code, html).into_response();
    if fresh {
        return Ok(session::with_cookie(state, response, CSRF_COOKIE, &csrf)?);
    }
    Ok(response)
}

/// The unsealing a browser's shares go into: named by (a digest of) its form
/// token cookie, so each browser's trustees see and combine only their own shares.
fn unsealing_of(state: &AppState, headers: &HeaderMap) -> Option<String> {
    session::cookie(state, headers, CSRF_COOKIE)
        .map(|token| torchlight_crypto::credentials::token_digest(&token))
}

pub async fn form(
    State(state): State<AppState>,
    page: PageLocale,
    headers: HeaderMap,
) -> PageResponse {
    unseal_page(&state, &page, &headers, None, StatusCode::OK).await
}

#[derive(Deserialize)]
pub struct UnsealForm {
    #[serde(default)]
    secret: Zeroizing<String>,
}

pub async fn submit(
    State(state): State<AppState>,
    page: PageLocale,
    extensions: Extensions,
    headers: HeaderMap,
    SecretForm(form): SecretForm<UnsealForm>,
) -> PageResponse {
    let client = session::client_ip(&extensions);
    let ctx = context(&state, &page);
    let outcome = state
        .app()
        .keyring()
        .unseal(
            form.secret,
            client,
            &Actor::Trustee,
            // The form's check passed, so the cookie is there.
            &unsealing_of(&state, &headers).unwrap_or_default(),
        )
        .await?;
    let (message, status) = match outcome {
        Unsealing::Progress(_) | Unsealing::AlreadyUnsealed => (None, StatusCode::OK),
        Unsealing::NotInitialized => (None, StatusCode::CONFLICT),
        Unsealing::Throttled(blocked) => (
            Some(super::throttled_message(&ctx, blocked)),
            StatusCode::TOO_MANY_REQUESTS,
        ),
        Unsealing::Refused => (
            Some(ctx.text("unseal-refused").into_owned()),
            StatusCode::FORBIDDEN,
        ),
        Unsealing::Malformed => (
            Some(ctx.text("unseal-malformed").into_owned()),
            StatusCode::BAD_REQUEST,
        ),
        Unsealing::Busy => (
            Some(ctx.text("unseal-busy").into_owned()),
            StatusCode::SERVICE_UNAVAILABLE,
        ),
        Unsealing::Crowded => (
            Some(ctx.text("unseal-crowded").into_owned()),
            StatusCode::SERVICE_UNAVAILABLE,
        ),
    };
    unseal_page(&state, &page, &headers, message, status).await
}
