//! Security keys and passkeys (WebAuthn) as a second factor beside TOTP. A signed-in
//! user registers keys on their account page; at sign-in, a user with keys may use
//! one instead of a code. The browser API needs script, so only the pages that
//! offer a key load `/static/webauthn.js` (under `SCRIPT_PAGE_POLICY`); without
//! script, or where the server has no public origin configured, TOTP remains.
//!
//! Ceremonies in progress are kept in memory per session for five minutes: a
//! restart simply asks the user to press the button again.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use askama::Template;
use axum::extract::{Path, State};
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::http::{Extensions, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use torchlight_app::signin::{step_of, Attempt};
use torchlight_core::signin::SignInStep;
use torchlight_store::{SecurityKey, Session, StaffUser};
use webauthn_rs::prelude::{
    Passkey, PasskeyAuthentication, PasskeyRegistration, PublicKeyCredential,
    RegisterPublicKeyCredential, Url, Webauthn, WebauthnBuilder,
};
use zeroize::Zeroizing;

use super::guard::redirect;
use super::secret_form::SecretForm;
use super::session::{self, Staff, SESSION_COOKIE};
use super::{context, format_time, render, Frame};
use crate::error::{PageError, WebError};
use crate::locale::PageLocale;
use crate::pages::PageContext;
use crate::security::SCRIPT_PAGE_POLICY;
use crate::state::AppState;

type PageResponse = Result<Response, PageError>;

const CEREMONY_LIFETIME: Duration = Duration::from_secs(5 * 60);
/// Beyond this many ceremonies in progress, expired ones are swept first.
const SWEEP_ABOVE: usize = 10_000;

enum Ceremony {
    Register(Box<PasskeyRegistration>),
    Authenticate(Box<PasskeyAuthentication>),
}

/// The relying party and the ceremonies in progress.
pub struct SecurityKeys {
    webauthn: Option<Webauthn>,
    pending: Mutex<HashMap<String, (Ceremony, Instant)>>,
}

impl SecurityKeys {
    /// Security keys work only at the origin users reach the server at; without one,
    /// they are not offered.
    pub fn new(origin: Option<&str>) -> Result<SecurityKeys, String> {
        let webauthn = match origin {
            None => None,
            Some(origin) => {
                let url =
                    Url::parse(origin).map_err(|e| format!("webauthn_origin {origin:?}: {e}"))?;
                let rp_id = url
                    .domain()
                    .ok_or_else(|| {
                        format!("webauthn_origin {origin:?}: must name a host, not an address")
                    })?
                    .to_owned();
                let webauthn = WebauthnBuilder::new(&rp_id, &url)
                    .map_err(|e| format!("webauthn_origin {origin:?}: {e}"))?
                    .rp_name("Torchlight")
                    .build()
                    .map_err(|e| format!("webauthn_origin {origin:?}: {e}"))?;
                Some(webauthn)
            }
        };
        Ok(SecurityKeys {
            webauthn,
            pending: Mutex::new(HashMap::new()),
        })
    }

    pub fn enabled(&self) -> bool {
        self.webauthn.is_some()
    }

    fn put(&self, session: &str, ceremony: Ceremony) {
        let now = Instant::now();
        let mut pending = self.pending.lock().unwrap_or_else(|p| p.into_inner());
        if pending.len() > SWEEP_ABOVE {
            pending.retain(|_, (_, started)| now.duration_since(*started) < CEREMONY_LIFETIME);
        }
        pending.insert(session.to_owned(), (ceremony, now));
    }

    fn take(&self, session: &str) -> Option<Ceremony> {
        let mut pending = self.pending.lock().unwrap_or_else(|p| p.into_inner());
        pending
            .remove(session)
            .filter(|(_, started)| started.elapsed() < CEREMONY_LIFETIME)
            .map(|(ceremony, _)| ceremony)
    }
}

fn webauthn(state: &AppState) -> Result<&Webauthn, PageError> {
    state
        .security_keys()
        .webauthn
        .as_ref()
        .ok_or(PageError(WebError::NotFound))
}

/// The stored keys as WebAuthn credentials. A key that does not decode is a fault
/// of ours, reported rather than silently left out of the sign-in.
fn passkeys(keys: &[SecurityKey]) -> Result<Vec<Passkey>, WebError> {
    keys.iter()
        .map(|key| {
            serde_json::from_str(&key.credential).map_err(|e| {
                WebError::Internal(format!(
                    "stored security key {} does not decode: {e}",
                    key.credential_id
                ))
            })
        })
        .collect()
}

fn credential_text(id: &[u8]) -> String {
    data_encoding::BASE64URL_NOPAD.encode(id)
}

/// Marks a page as one that loads the security-key script.
fn with_script_policy(mut response: Response) -> Response {
    response.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(SCRIPT_PAGE_POLICY),
    );
    response
}

pub struct KeyRow {
    pub name: String,
    pub added: String,
    pub last_used: String,
    pub remove_link: String,
}

#[derive(Template)]
#[template(path = "staff/security_keys.html")]
struct KeysPage<'a> {
    ctx: PageContext<'a>,
    frame: Option<Frame>,
    notices: Vec<String>,
    title: String,
    keys: Vec<KeyRow>,
    enabled: bool,
    csrf: String,
    start_link: String,
    finish_link: String,
    /// Keys are added and removed only after the user confirmed who they are.
    stepped_up: bool,
    confirm_link: String,
    error: Option<String>,
}

pub async fn keys_page(
    State(state): State<AppState>,
    page: PageLocale,
    staff: Staff,
) -> PageResponse {
    keys_page_with(&state, &page, &staff, None, StatusCode::OK).await
}

async fn keys_page_with(
    state: &AppState,
    page: &PageLocale,
    staff: &Staff,
    error: Option<String>,
    status: StatusCode,
) -> PageResponse {
    let ctx = context(state, page);
    let keys = state
        .app()
        .security_keys()
        .of(&staff.user)
        .await?
        .into_iter()
        .map(|key| KeyRow {
            added: format_time(key.created_at_ms),
            last_used: key.last_used_ms.map(format_time).unwrap_or_default(),
            remove_link: ctx.link(&format!(
                "/staff/security-keys/{}/remove",
                key.credential_id
            )),
            name: key.name,
        })
        .collect();
    let html = render(KeysPage {
        title: ctx.text("staff-keys-title").into_owned(),
        frame: Some(Frame::of(staff, &ctx)),
        notices: Vec::new(),
        keys,
        enabled: state.security_keys().enabled(),
        csrf: staff.session.csrf_token.clone(),
        start_link: ctx.link("/staff/security-keys/register/start"),
        finish_link: ctx.link("/staff/security-keys/register/finish"),
        stepped_up: state.app().sign_in().stepped_up(&staff.session),
        confirm_link: ctx.link("/staff/security-keys/confirm"),
        error,
        ctx,
    })?;
    Ok(with_script_policy((status, html).into_response()))
}

#[derive(Deserialize)]
pub struct ConfirmForm {
    #[serde(default)]
    current_password: Zeroizing<String>,
    #[serde(default)]
    code: Zeroizing<String>,
}

/// The step-up before keys can be added or removed.
pub async fn confirm(
    State(state): State<AppState>,
    page: PageLocale,
    extensions: Extensions,
    staff: Staff,
    SecretForm(form): SecretForm<ConfirmForm>,
) -> PageResponse {
    let ctx = context(&state, &page);
    let attempt = state
        .app()
        .sign_in()
        .step_up(
            &staff.session,
            &staff.user,
            form.current_password,
            &form.code,
            super::session::client_ip(&extensions),
        )
        .await?;
    let (message, status) = match attempt {
        Attempt::Accepted(()) => {
            return Ok(redirect(&format!("{}/staff/security-keys", page.prefix())))
        }
        Attempt::Throttled(blocked) => (
            super::throttled_message(&ctx, blocked),
            StatusCode::TOO_MANY_REQUESTS,
        ),
        Attempt::Refused => (
            ctx.text("staff-step-up-refused").into_owned(),
            StatusCode::UNAUTHORIZED,
        ),
    };
    keys_page_with(&state, &page, &staff, Some(message), status).await
}

pub async fn register_start(State(state): State<AppState>, staff: Staff) -> PageResponse {
    let webauthn = webauthn(&state)?;
    // Refused before the browser asks anyone to touch a key.
    state.app().security_keys().may_change_keys(&staff)?;
    let existing = state.app().security_keys().of(&staff.user).await?;
    let exclude = passkeys(&existing)?
        .iter()
        .map(|p| p.cred_id().clone())
        .collect::<Vec<_>>();
    let (challenge, registration) = webauthn
        .start_passkey_registration(
            staff.user.id.as_uuid(),
            &staff.user.username,
            &staff.user.display_name,
            Some(exclude),
        )
        .map_err(|e| WebError::InvalidInput(format!("cannot start registering a key: {e}")))?;
    state.security_keys().put(
        &staff.session.token_digest,
        Ceremony::Register(Box::new(registration)),
    );
    Ok(Json(challenge).into_response())
}

#[derive(Deserialize)]
pub struct FinishRegistration {
    name: String,
    credential: RegisterPublicKeyCredential,
}

pub async fn register_finish(
    State(state): State<AppState>,
    staff: Staff,
    Json(body): Json<FinishRegistration>,
) -> PageResponse {
    let webauthn = webauthn(&state)?;
    let Some(Ceremony::Register(registration)) =
        state.security_keys().take(&staff.session.token_digest)
    else {
        return Err(WebError::InvalidInput(
            "no key registration is in progress; press the button again".into(),
        )
        .into());
    };
    let passkey = webauthn
        .finish_passkey_registration(&body.credential, &registration)
        .map_err(|e| WebError::InvalidInput(format!("the key's answer was refused: {e}")))?;
    let credential = serde_json::to_string(&passkey)
        .map_err(|e| WebError::Internal(format!("cannot serialise a security key: {e}")))?;
    state
        .app()
        .security_keys()
        .add(
            &staff,
            credential_text(passkey.cred_id()),
            &body.name,
            credential,
        )
        .await?;
    Ok((StatusCode::CREATED, Json(serde_json::json!({ "ok": true }))).into_response())
}

pub async fn remove(
    State(state): State<AppState>,
    page: PageLocale,
    staff: Staff,
    Path(id): Path<String>,
) -> PageResponse {
    if !state.app().sign_in().stepped_up(&staff.session) {
        // The keys page asks for the password and a code first.
        return Ok(redirect(&format!("{}/staff/security-keys", page.prefix())));
    }
    let removed = state.app().security_keys().remove(&staff, &id).await?;
    if !removed {
        return Err(WebError::NotFound.into());
    }
    Ok(redirect(&format!("{}/staff/security-keys", page.prefix())))
}

/// Whether the sign-in page should offer this user a security key.
pub async fn offered(state: &AppState, user: &StaffUser) -> Result<bool, PageError> {
    Ok(state.security_keys().enabled() && !state.app().security_keys().of(user).await?.is_empty())
}

pub fn script_policy(response: Response) -> Response {
    with_script_policy(response)
}

/// The session of a sign-in waiting for its second factor, if this is one.
async fn waiting(state: &AppState, headers: &HeaderMap) -> Result<(Session, StaffUser), PageError> {
    match session::current(state, headers).await? {
        Some((session, user)) if step_of(&user, &session) == SignInStep::SecondFactor => {
            Ok((session, user))
        }
        _ => Err(WebError::Forbidden.into()),
    }
}

pub async fn sign_in_start(State(state): State<AppState>, headers: HeaderMap) -> PageResponse {
    let webauthn = webauthn(&state)?;
    let (session, user) = waiting(&state, &headers).await?;
    let keys = passkeys(&state.app().security_keys().of(&user).await?)?;
    if keys.is_empty() {
        return Err(WebError::NotFound.into());
    }
    let (challenge, authentication) = webauthn
        .start_passkey_authentication(&keys)
        .map_err(|e| WebError::InvalidInput(format!("cannot start signing in with a key: {e}")))?;
    state.security_keys().put(
        &session.token_digest,
        Ceremony::Authenticate(Box::new(authentication)),
    );
    Ok(Json(challenge).into_response())
}

pub async fn sign_in_finish(
    State(state): State<AppState>,
    page: PageLocale,
    extensions: Extensions,
    headers: HeaderMap,
    Json(credential): Json<PublicKeyCredential>,
) -> PageResponse {
    let webauthn = webauthn(&state)?;
    let (session, user) = waiting(&state, &headers).await?;
    let client = session::client_ip(&extensions);
    let sign_in = state.app().sign_in();
    let attempt = sign_in
        .begin_second_factor(&user, client)
        .map_err(|blocked| WebError::Throttled {
            minutes: blocked.minutes(),
        })?;
    let Some(Ceremony::Authenticate(authentication)) =
        state.security_keys().take(&session.token_digest)
    else {
        return Err(WebError::InvalidInput(
            "no sign-in with a key is in progress; press the button again".into(),
        )
        .into());
    };
    let result = match webauthn.finish_passkey_authentication(&credential, &authentication) {
        Ok(result) => result,
        Err(_) => {
            sign_in.second_factor_failed(attempt, &user).await?;
            return Err(WebError::Forbidden.into());
        }
    };
    let mut key_updates = Vec::new();
    for key in state.app().security_keys().of(&user).await? {
        let mut passkey = serde_json::from_str::<Passkey>(&key.credential).map_err(|e| {
            WebError::Internal(format!(
                "stored security key {} does not decode: {e}",
                key.credential_id
            ))
        })?;
        if passkey.update_credential(&result).is_some() {
            let updated = serde_json::to_string(&passkey)
                .map_err(|e| WebError::Internal(format!("cannot serialise a security key: {e}")))?;
            key_updates.push((key.credential_id, updated));
        }
    }
    let started = sign_in
        .with_security_key(&session, user, attempt, key_updates)
        .await?;
    let response =
        Json(serde_json::json!({ "redirect": format!("{}/staff", page.prefix()) })).into_response();
    Ok(session::with_cookie(
        &state,
        response,
        SESSION_COOKIE,
        &started.token,
    )?)
}
