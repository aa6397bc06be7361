//! Signing in: password, then (first time) a new password and TOTP enrolment,
//! then the second factor on every sign-in; signing out, here or everywhere.

use askama::Template;
use axum::extract::State;
use axum::http::header::HeaderMap;
use axum::http::{Extensions, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use torchlight_app::signin::{step_of, Attempt, Started};
use torchlight_core::signin::SignInStep;
use torchlight_crypto::credentials::{random_token, PasswordPolicyError, TotpSecret};
use torchlight_store::{Session, StaffUser};
use zeroize::Zeroizing;

use super::guard::{redirect, step_path, LOGIN_PATH};
use super::secret_form::SecretForm;
use super::session::{self, Staff, CSRF_COOKIE, SESSION_COOKIE};
use super::{context, render, Frame};
use crate::error::PageError;
use crate::locale::PageLocale;
use crate::pages::PageContext;
use crate::state::AppState;

type PageResponse = Result<Response, PageError>;

#[derive(Template)]
#[template(path = "staff/login.html")]
struct LoginPage<'a> {
    ctx: PageContext<'a>,
    frame: Option<Frame>,
    notices: Vec<String>,
    title: String,
    csrf: String,
    username: String,
    error: Option<String>,
}

/// The token of forms shown before sign-in, kept in its cookie.
fn pre_session_csrf(state: &AppState, headers: &HeaderMap) -> (String, bool) {
    match session::cookie(state, headers, CSRF_COOKIE) {
        Some(token) if token.len() >= 32 => (token, false),
        _ => (random_token(), true),
    }
}

pub async fn login_form(
    State(state): State<AppState>,
    page: PageLocale,
    headers: HeaderMap,
) -> PageResponse {
    if let Some((session, user)) = session::current(&state, &headers).await? {
        return Ok(redirect(&step_path(&page, step_of(&user, &session))));
    }
    let (csrf, fresh) = pre_session_csrf(&state, &headers);
    login_page(
        &state,
        &page,
        csrf,
        fresh,
        String::new(),
        None,
        StatusCode::OK,
    )
}

fn login_page(
    state: &AppState,
    page: &PageLocale,
    csrf: String,
    set_cookie: bool,
    username: String,
    error: Option<String>,
    status: StatusCode,
) -> PageResponse {
    let ctx = context(state, page);
    let html = render(LoginPage {
        title: ctx.text("staff-login-title").into_owned(),
        frame: None,
        notices: Vec::new(),
        csrf: csrf.clone(),
        username,
        error,
        ctx,
    })?;
    let response = (status, html).into_response();
    if set_cookie {
        return Ok(session::with_cookie(state, response, CSRF_COOKIE, &csrf)?);
    }
    Ok(response)
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: Zeroizing<String>,
}

pub async fn login(
    State(state): State<AppState>,
    page: PageLocale,
    extensions: Extensions,
    headers: HeaderMap,
    SecretForm(form): SecretForm<LoginForm>,
) -> PageResponse {
    let client = session::client_ip(&extensions);
    let username = form.username.trim().to_lowercase();
    let (csrf, _) = pre_session_csrf(&state, &headers);
    let ctx = context(&state, &page);
    let previous = session::cookie(&state, &headers, SESSION_COOKIE);
    let attempt = state
        .app()
        .sign_in()
        .with_password(&username, form.password, client, previous.as_deref())
        .await?;
    let (message, status) = match attempt {
        Attempt::Accepted(started) => return signed_in_step(&state, &page, started),
        Attempt::Throttled(blocked) => (
            super::throttled_message(&ctx, blocked),
            StatusCode::TOO_MANY_REQUESTS,
        ),
        Attempt::Refused => (
            ctx.text("staff-login-wrong").into_owned(),
            StatusCode::UNAUTHORIZED,
        ),
    };
    login_page(&state, &page, csrf, false, username, Some(message), status)
}

/// Sends the browser of a just-started session to its next step, with the new
/// session's cookie.
fn signed_in_step(state: &AppState, page: &PageLocale, started: Started) -> PageResponse {
    let response = redirect(&step_path(page, started.next_step()));
    Ok(session::with_cookie(
        state,
        response,
        SESSION_COOKIE,
        &started.token,
    )?)
}

/// The session of a sign-in in progress, or the way back to the login page.
async fn partial(
    state: &AppState,
    page: &PageLocale,
    headers: &HeaderMap,
) -> Result<Result<(Session, StaffUser), Response>, PageError> {
    match session::current(state, headers).await? {
        Some(found) => Ok(Ok(found)),
        None => Ok(Err(redirect(&format!("{}{LOGIN_PATH}", page.prefix())))),
    }
}

#[derive(Template)]
#[template(path = "staff/password.html")]
struct PasswordPage<'a> {
    ctx: PageContext<'a>,
    frame: Option<Frame>,
    notices: Vec<String>,
    title: String,
    csrf: String,
    error: Option<String>,
    /// A signed-in user changing their password confirms who they are first.
    step_up: bool,
}

pub async fn password_form(
    State(state): State<AppState>,
    page: PageLocale,
    headers: HeaderMap,
) -> PageResponse {
    let (session, user) = match partial(&state, &page, &headers).await? {
        Ok(found) => found,
        Err(to_login) => return Ok(to_login),
    };
    if !may_change_password(&session, &user) {
        return Ok(redirect(&step_path(&page, step_of(&user, &session))));
    }
    password_page(&state, &page, &session, &user, None, StatusCode::OK)
}

fn password_page(
    state: &AppState,
    page: &PageLocale,
    session: &Session,
    user: &StaffUser,
    error: Option<String>,
    status: StatusCode,
) -> PageResponse {
    let ctx = context(state, page);
    let frame = frame_if_signed_in(session, user, &ctx);
    let html = render(PasswordPage {
        title: ctx.text("staff-password-title").into_owned(),
        step_up: frame.is_some(),
        frame,
        notices: Vec::new(),
        csrf: session.csrf_token.clone(),
        error,
        ctx,
    })?;
    Ok((status, html).into_response())
}

/// The password page serves the first sign-in (a one-time password to replace)
/// and a fully signed-in user changing theirs.
fn may_change_password(session: &Session, user: &StaffUser) -> bool {
    matches!(
        step_of(user, session),
        SignInStep::ChangePassword | SignInStep::Complete
    )
}

/// The signed-in frame, when the user is fully signed in (changing a password).
fn frame_if_signed_in(session: &Session, user: &StaffUser, ctx: &PageContext<'_>) -> Option<Frame> {
    (step_of(user, session) == SignInStep::Complete)
        .then(|| Frame::for_user(user, &session.csrf_token, ctx))
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current_password: Zeroizing<String>,
    #[serde(default)]
    code: Zeroizing<String>,
    #[serde(default)]
    new_password: Zeroizing<String>,
    #[serde(default)]
    repeat: Zeroizing<String>,
}

pub async fn change_password(
    State(state): State<AppState>,
    page: PageLocale,
    extensions: Extensions,
    headers: HeaderMap,
    SecretForm(form): SecretForm<PasswordForm>,
) -> PageResponse {
    let (session, user) = match partial(&state, &page, &headers).await? {
        Ok(found) => found,
        Err(to_login) => return Ok(to_login),
    };
    if !may_change_password(&session, &user) {
        return Ok(redirect(&step_path(&page, step_of(&user, &session))));
    }
    let ctx = context(&state, &page);
    if form.new_password.as_str() != form.repeat.as_str() {
        let message = ctx.text("staff-password-mismatch").into_owned();
        return password_page(
            &state,
            &page,
            &session,
            &user,
            Some(message),
            StatusCode::BAD_REQUEST,
        );
    }
    if let Err(e) = torchlight_crypto::credentials::check_password_policy(&form.new_password) {
        let message = match e {
            PasswordPolicyError::TooShort => ctx.text("staff-password-too-short").into_owned(),
            PasswordPolicyError::TooLong => ctx.text("staff-password-too-long").into_owned(),
        };
        return password_page(
            &state,
            &page,
            &session,
            &user,
            Some(message),
            StatusCode::BAD_REQUEST,
        );
    }
    if step_of(&user, &session) == SignInStep::Complete {
        let client = super::session::client_ip(&extensions);
        let confirmed = state
            .app()
            .sign_in()
            .step_up(&session, &user, form.current_password, &form.code, client)
            .await?;
        let refused = match confirmed {
            Attempt::Accepted(()) => None,
            Attempt::Throttled(blocked) => Some((
                super::throttled_message(&ctx, blocked),
                StatusCode::TOO_MANY_REQUESTS,
            )),
            Attempt::Refused => Some((
                ctx.text("staff-step-up-refused").into_owned(),
                StatusCode::UNAUTHORIZED,
            )),
        };
        if let Some((message, status)) = refused {
            return password_page(&state, &page, &session, &user, Some(message), status);
        }
    }
    let user = state
        .app()
        .accounts()
        .change_own_password(&session, user, form.new_password)
        .await?;
    Ok(redirect(&step_path(&page, step_of(&user, &session))))
}

#[derive(Template)]
#[template(path = "staff/enrol.html")]
struct EnrolPage<'a> {
    ctx: PageContext<'a>,
    frame: Option<Frame>,
    notices: Vec<String>,
    title: String,
    csrf: String,
    secret: String,
    /// The secret as an `otpauth://` link, for a phone that cannot scan its own screen.
    otpauth: String,
    qr_svg: String,
    error: Option<String>,
}

pub async fn enrol_form(
    State(state): State<AppState>,
    page: PageLocale,
    headers: HeaderMap,
) -> PageResponse {
    let (session, user) = match partial(&state, &page, &headers).await? {
        Ok(found) => found,
        Err(to_login) => return Ok(to_login),
    };
    let step = step_of(&user, &session);
    if step != SignInStep::EnrolSecondFactor {
        return Ok(redirect(&step_path(&page, step)));
    }
    let secret = state.app().sign_in().offered_secret(&session);
    enrol_page(
        &state,
        &page,
        &session,
        &user,
        &secret,
        None,
        StatusCode::OK,
    )
}

fn enrol_page(
    state: &AppState,
    page: &PageLocale,
    session: &Session,
    user: &StaffUser,
    secret: &TotpSecret,
    error: Option<String>,
    status: StatusCode,
) -> PageResponse {
    let ctx = context(state, page);
    let uri = secret.otpauth_uri("Torchlight", &user.username);
    let html = render(EnrolPage {
        title: ctx.text("staff-enrol-title").into_owned(),
        frame: None,
        notices: Vec::new(),
        csrf: session.csrf_token.clone(),
        secret: secret.to_base32(),
        qr_svg: qr_svg(&uri),
        otpauth: uri,
        error,
        ctx,
    })?;
    Ok((status, html).into_response())
}

/// The otpauth URI as an inline SVG QR code: no image request, no script.
fn qr_svg(uri: &str) -> String {
    match qrcode::QrCode::new(uri.as_bytes()) {
        Ok(code) => code
            .render::<qrcode::render::svg::Color<'_>>()
            .min_dimensions(200, 200)
            .quiet_zone(true)
            .build()
            // The renderer writes an XML declaration, which is not allowed inside HTML.
            .split_once("?>")
            .map(|(_, svg)| svg.trim().to_owned())
            .unwrap_or_default(),
        Err(_) => String::new(),
    }
}

#[derive(Deserialize)]
pub struct EnrolForm {
    #[serde(default)]
    code: String,
}

#[derive(Template)]
#[template(path = "staff/recovery.html")]
struct RecoveryPage<'a> {
    ctx: PageContext<'a>,
    frame: Option<Frame>,
    notices: Vec<String>,
    title: String,
    codes: Vec<Zeroizing<String>>,
}

pub async fn enrol(
    State(state): State<AppState>,
    page: PageLocale,
    headers: HeaderMap,
    SecretForm(form): SecretForm<EnrolForm>,
) -> PageResponse {
    let (session, user) = match partial(&state, &page, &headers).await? {
        Ok(found) => found,
        Err(to_login) => return Ok(to_login),
    };
    let step = step_of(&user, &session);
    if step != SignInStep::EnrolSecondFactor {
        return Ok(redirect(&step_path(&page, step)));
    }
    let attempt = state
        .app()
        .sign_in()
        .enrol(&session, user.clone(), &form.code)
        .await?;
    let (codes, started) = match attempt {
        Attempt::Accepted(enrolled) => enrolled,
        Attempt::Refused | Attempt::Throttled(_) => {
            let ctx = context(&state, &page);
            let message = ctx.text("staff-code-wrong").into_owned();
            // The account is unchanged: show the same secret again.
            let secret = state.app().sign_in().offered_secret(&session);
            return enrol_page(
                &state,
                &page,
                &session,
                &user,
                &secret,
                Some(message),
                StatusCode::BAD_REQUEST,
            );
        }
    };
    let ctx = context(&state, &page);
    let html = render(RecoveryPage {
        title: ctx.text("staff-recovery-title").into_owned(),
        frame: None,
        notices: Vec::new(),
        codes,
        ctx,
    })?;
    Ok(session::with_cookie(
        &state,
        html.into_response(),
        SESSION_COOKIE,
        &started.token,
    )?)
}

#[derive(Template)]
#[template(path = "staff/verify.html")]
struct VerifyPage<'a> {
    ctx: PageContext<'a>,
    frame: Option<Frame>,
    notices: Vec<String>,
    title: String,
    csrf: String,
    error: Option<String>,
    /// Offer the user's security key beside the code.
    security_key: bool,
}

pub async fn verify_form(
    State(state): State<AppState>,
    page: PageLocale,
    headers: HeaderMap,
) -> PageResponse {
    let (session, user) = match partial(&state, &page, &headers).await? {
        Ok(found) => found,
        Err(to_login) => return Ok(to_login),
    };
    let step = step_of(&user, &session);
    if step != SignInStep::SecondFactor {
        return Ok(redirect(&step_path(&page, step)));
    }
    verify_page(&state, &page, &session, &user, None, StatusCode::OK).await
}

async fn verify_page(
    state: &AppState,
    page: &PageLocale,
    session: &Session,
    user: &StaffUser,
    error: Option<String>,
    status: StatusCode,
) -> PageResponse {
    let security_key = super::webauthn::offered(state, user).await?;
    let ctx = context(state, page);
    let html = render(VerifyPage {
        title: ctx.text("staff-verify-title").into_owned(),
        frame: None,
        notices: Vec::new(),
        csrf: session.csrf_token.clone(),
        error,
        security_key,
        ctx,
    })?;
    let response = (status, html).into_response();
    Ok(if security_key {
        super::webauthn::script_policy(response)
    } else {
        response
    })
}

#[derive(Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    code: Zeroizing<String>,
}

pub async fn verify(
    State(state): State<AppState>,
    page: PageLocale,
    extensions: Extensions,
    headers: HeaderMap,
    SecretForm(form): SecretForm<CodeForm>,
) -> PageResponse {
    let (session, user) = match partial(&state, &page, &headers).await? {
        Ok(found) => found,
        Err(to_login) => return Ok(to_login),
    };
    let step = step_of(&user, &session);
    if step != SignInStep::SecondFactor {
        return Ok(redirect(&step_path(&page, step)));
    }
    let client = session::client_ip(&extensions);
    let ctx = context(&state, &page);
    let attempt = state
        .app()
        .sign_in()
        .with_code(&session, user.clone(), &form.code, client)
        .await?;
    let (message, status) = match attempt {
        Attempt::Accepted(started) => return signed_in_step(&state, &page, started),
        Attempt::Throttled(blocked) => (
            super::throttled_message(&ctx, blocked),
            StatusCode::TOO_MANY_REQUESTS,
        ),
        Attempt::Refused => (
            ctx.text("staff-code-wrong").into_owned(),
            StatusCode::UNAUTHORIZED,
        ),
    };
    verify_page(&state, &page, &session, &user, Some(message), status).await
}

/// Ends this browser's session.
pub async fn logout(
    State(state): State<AppState>,
    page: PageLocale,
    headers: HeaderMap,
) -> PageResponse {
    if let Some((session, user)) = session::current(&state, &headers).await? {
        state.app().sign_in().sign_out(&session, &user).await?;
    }
    let response = redirect(&format!("{}{LOGIN_PATH}", page.prefix()));
    Ok(session::without_cookie(&state, response, SESSION_COOKIE)?)
}

/// Ends every session of the signed-in user, on every device.
pub async fn sign_out_everywhere(
    State(state): State<AppState>,
    page: PageLocale,
    staff: Staff,
) -> PageResponse {
    state.app().sign_in().sign_out_everywhere(&staff).await?;
    let response = redirect(&format!("{}{LOGIN_PATH}", page.prefix()));
    Ok(session::without_cookie(&state, response, SESSION_COOKIE)?)
}
