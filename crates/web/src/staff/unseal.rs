//! The page where trustees unseal the server: the passphrase, or one share each.
//! It needs no account (trustees need not be staff), so attempts are throttled per
//! client, and a refusal never says which share was wrong.

use askama::Template;
use axum::extract::State;
use axum::http::header::{self, HeaderMap};
use axum::http::{Extensions, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Form;
use serde::Deserialize;
use torchlight_crypto::keyring::SealMode;
use torchlight_crypto::vault::{SealStatus, UnsealProgress};
use torchlight_i18n::args;
use zeroize::Zeroizing;

use super::session::{self, CSRF_COOKIE};
use super::{context, render, Frame};
use crate::error::{PageError, WebError};
use crate::locale::PageLocale;
use crate::pages::PageContext;
use crate::secure::{keyring, Actor, SecurityError};
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
    let record = state.store().keyring().await?;
    let (status, sealed, label) = match &record {
        None => (
            ctx.text("unseal-not-initialized").into_owned(),
            false,
            String::new(),
        ),
        Some(record) => match state.vault().status(Some(record)) {
            SealStatus::Unsealed => (
                ctx.text("unseal-unsealed").into_owned(),
                false,
                String::new(),
            ),
            SealStatus::Sealed {
                shares_entered,
                threshold,
            } => match record.mode {
                SealMode::Passphrase { .. } => (
                    ctx.text("unseal-sealed").into_owned(),
                    true,
                    ctx.text("unseal-passphrase").into_owned(),
                ),
                SealMode::Shamir { .. } => (
                    ctx.text_with(
                        "unseal-shares-progress",
                        &args([
                            ("entered", shares_entered.into()),
                            ("threshold", threshold.into()),
                        ]),
                    )
                    .into_owned(),
                    true,
                    ctx.text("unseal-share").into_owned(),
                ),
            },
        },
    };
    let (csrf, fresh) = match session::cookie(headers, CSRF_COOKIE) {
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
    let mut response = (status_code, html).into_response();
    if fresh {
        response.headers_mut().append(
            header::SET_COOKIE,
            session::set_cookie(state, CSRF_COOKIE, &csrf),
        );
    }
    Ok(response)
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
    Form(form): Form<UnsealForm>,
) -> PageResponse {
    let client = session::client_ip(&extensions);
    let ctx = context(&state, &page);
    if let Err(blocked) = state.throttle().check_unseal(client) {
        let message = super::throttled_message(&ctx, blocked);
        return unseal_page(
            &state,
            &page,
            &headers,
            Some(message),
            StatusCode::TOO_MANY_REQUESTS,
        )
        .await;
    }
    let Some(record) = state.store().keyring().await? else {
        return unseal_page(&state, &page, &headers, None, StatusCode::CONFLICT).await;
    };
    if !state.vault().is_sealed() {
        return unseal_page(&state, &page, &headers, None, StatusCode::OK).await;
    }
    let store = state.store().as_ref();
    let result = match record.mode {
        SealMode::Passphrase { .. } => {
            keyring::unseal_with_passphrase(store, state.vault(), form.secret, &Actor::Trustee)
                .await
                .map(|()| UnsealProgress::Unsealed)
        }
        SealMode::Shamir { .. } => {
            keyring::submit_share(store, state.vault(), &form.secret, &Actor::Trustee).await
        }
    };
    match result {
        Ok(_) => unseal_page(&state, &page, &headers, None, StatusCode::OK).await,
        Err(SecurityError::Refused) => {
            state.throttle().unseal_failed(client);
            let message = ctx.text("unseal-refused").into_owned();
            unseal_page(
                &state,
                &page,
                &headers,
                Some(message),
                StatusCode::FORBIDDEN,
            )
            .await
        }
        Err(SecurityError::Crypto(_)) | Err(SecurityError::Invalid(_)) => {
            state.throttle().unseal_failed(client);
            let message = ctx.text("unseal-malformed").into_owned();
            unseal_page(
                &state,
                &page,
                &headers,
                Some(message),
                StatusCode::BAD_REQUEST,
            )
            .await
        }
        Err(e) => Err(WebError::from(e).into()),
    }
}
