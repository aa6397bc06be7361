//! Signing in: password, then (first time) a new password and TOTP enrolment,
//! then the second factor on every sign-in; signing out, here or everywhere.

use askama::Template;
use axum::extract::State;
use axum::http::header::{self, HeaderMap};
use axum::http::{Extensions, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Form;
use serde::Deserialize;
use torchlight_crypto::credentials::{random_token, TotpSecret};
use torchlight_store::{Session, StaffUser};
use zeroize::Zeroizing;

use super::guard::{redirect, LOGIN_PATH};
use super::session::{self, Staff, CSRF_COOKIE, SESSION_COOKIE};
use super::{context, render, Frame};
use crate::error::{PageError, WebError};
use crate::locale::PageLocale;
use crate::pages::PageContext;
use crate::secure::{accounts, now_ms, Actor};
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
fn pre_session_csrf(headers: &HeaderMap) -> (String, bool) {
    match session::cookie(headers, CSRF_COOKIE) {
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
        return Ok(redirect(&next_step(&page, &session, &user)));
    }
    let (csrf, fresh) = pre_session_csrf(&headers);
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
    let mut response = (status, html).into_response();
    if set_cookie {
        response.headers_mut().append(
            header::SET_COOKIE,
            session::set_cookie(state, CSRF_COOKIE, &csrf),
        );
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
    Form(form): Form<LoginForm>,
) -> PageResponse {
    let client = session::client_ip(&extensions);
    let username = form.username.trim().to_lowercase();
    let (csrf, _) = pre_session_csrf(&headers);
    let ctx = context(&state, &page);
    if let Err(blocked) = state.throttle().check_sign_in(&username, client) {
        let message = super::throttled_message(&ctx, blocked);
        return login_page(
            &state,
            &page,
            csrf,
            false,
            username,
            Some(message),
            StatusCode::TOO_MANY_REQUESTS,
        );
    }
    let user = state.store().user_by_username(&username).await?;
    let hash = user.as_ref().map(|u| u.password_hash.clone());
    let matches = state.hasher().verify(hash, form.password).await;
    let user = match user {
        Some(user) if matches && !user.disabled => user,
        found => {
            state.throttle().sign_in_failed(&username, client);
            if let Some(user) = found {
                let actor = Actor::Staff {
                    user: user.id,
                    organization: user.organization_id,
                };
                state
                    .store()
                    .append_audit(actor.event("staff.sign_in_failed", Some(user.id.to_string())))
                    .await?;
            }
            let message = ctx.text("staff-login-wrong").into_owned();
            return login_page(
                &state,
                &page,
                csrf,
                false,
                username,
                Some(message),
                StatusCode::UNAUTHORIZED,
            );
        }
    };
    state.throttle().sign_in_succeeded(&username);
    end_current_session(&state, &headers).await?;
    let (token, new_session) = session::start(&state, &user, false).await?;
    state
        .store()
        .append_audit(actor_of(&user).event("staff.sign_in", Some(user.id.to_string())))
        .await?;
    let mut response = redirect(&next_step(&page, &new_session, &user));
    response.headers_mut().append(
        header::SET_COOKIE,
        session::set_cookie(&state, SESSION_COOKIE, &token),
    );
    Ok(response)
}

fn actor_of(user: &StaffUser) -> Actor {
    Actor::Staff {
        user: user.id,
        organization: user.organization_id,
    }
}

async fn end_current_session(state: &AppState, headers: &HeaderMap) -> Result<(), PageError> {
    if let Some(token) = session::cookie(headers, SESSION_COOKIE) {
        let digest = torchlight_crypto::credentials::token_digest(&token);
        state.store().delete_session(&digest).await?;
    }
    Ok(())
}

/// Where a session goes next: a new password, TOTP enrolment, the second factor,
/// or the staff home.
fn next_step(page: &PageLocale, session: &Session, user: &StaffUser) -> String {
    let step = if user.must_change_password {
        "/staff/password"
    } else if user.totp_sealed.is_none() {
        "/staff/enrol"
    } else if !session.second_factor {
        "/staff/verify"
    } else {
        "/staff"
    };
    format!("{}{step}", page.prefix())
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
    if !user.must_change_password && !session.second_factor {
        return Ok(redirect(&next_step(&page, &session, &user)));
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
    let frame = fully_signed_in(session, user).map(|staff| Frame::of(&staff, &ctx));
    let html = render(PasswordPage {
        title: ctx.text("staff-password-title").into_owned(),
        frame,
        notices: Vec::new(),
        csrf: session.csrf_token.clone(),
        error,
        ctx,
    })?;
    Ok((status, html).into_response())
}

fn fully_signed_in(session: &Session, user: &StaffUser) -> Option<Staff> {
    (session.second_factor && !user.must_change_password).then(|| Staff {
        user: user.clone(),
        session: session.clone(),
    })
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    new_password: Zeroizing<String>,
    #[serde(default)]
    repeat: Zeroizing<String>,
}

pub async fn change_password(
    State(state): State<AppState>,
    page: PageLocale,
    headers: HeaderMap,
    Form(form): Form<PasswordForm>,
) -> PageResponse {
    let (session, user) = match partial(&state, &page, &headers).await? {
        Ok(found) => found,
        Err(to_login) => return Ok(to_login),
    };
    if !user.must_change_password && !session.second_factor {
        return Ok(redirect(&next_step(&page, &session, &user)));
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
            torchlight_crypto::credentials::PasswordPolicyError::TooShort => {
                ctx.text("staff-password-too-short").into_owned()
            }
            torchlight_crypto::credentials::PasswordPolicyError::TooLong => {
                ctx.text("staff-password-too-long").into_owned()
            }
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
    let actor = actor_of(&user);
    accounts::change_password(
        state.store().as_ref(),
        state.hasher(),
        user.clone(),
        form.new_password,
        &actor,
    )
    .await?;
    let mut user = user;
    user.must_change_password = false;
    Ok(redirect(&next_step(&page, &session, &user)))
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
    if user.must_change_password || user.totp_sealed.is_some() {
        return Ok(redirect(&next_step(&page, &session, &user)));
    }
    enrol_page(
        &state,
        &page,
        &session,
        &user,
        &TotpSecret::generate(),
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
    secret: Zeroizing<String>,
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
    Form(form): Form<EnrolForm>,
) -> PageResponse {
    let (session, user) = match partial(&state, &page, &headers).await? {
        Ok(found) => found,
        Err(to_login) => return Ok(to_login),
    };
    if user.must_change_password || user.totp_sealed.is_some() {
        return Ok(redirect(&next_step(&page, &session, &user)));
    }
    let bytes = data_encoding::BASE32_NOPAD
        .decode(form.secret.trim().to_ascii_uppercase().as_bytes())
        .map_err(|_| WebError::InvalidInput("secret: not the secret this page gave".into()))?;
    let secret = TotpSecret::from_bytes(&bytes)
        .map_err(|_| WebError::InvalidInput("secret: not the secret this page gave".into()))?;
    let now = u64::try_from(now_ms() / 1000).unwrap_or(0);
    let Some(step) = secret.verify(&form.code, now, None) else {
        let ctx = context(&state, &page);
        let message = ctx.text("staff-code-wrong").into_owned();
        return enrol_page(
            &state,
            &page,
            &session,
            &user,
            &secret,
            Some(message),
            StatusCode::BAD_REQUEST,
        );
    };
    let actor = actor_of(&user);
    let codes = accounts::enrol_totp(
        state.store().as_ref(),
        state.vault(),
        user.clone(),
        &secret,
        step,
        &actor,
    )
    .await?;
    // A new token now that the session carries the second factor.
    state.store().delete_session(&session.token_digest).await?;
    let (token, _) = session::start(&state, &user, true).await?;
    let ctx = context(&state, &page);
    let html = render(RecoveryPage {
        title: ctx.text("staff-recovery-title").into_owned(),
        frame: None,
        notices: Vec::new(),
        codes,
        ctx,
    })?;
    let mut response = html.into_response();
    response.headers_mut().append(
        header::SET_COOKIE,
        session::set_cookie(&state, SESSION_COOKIE, &token),
    );
    Ok(response)
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
    if next_step(&page, &session, &user) != format!("{}/staff/verify", page.prefix()) {
        return Ok(redirect(&next_step(&page, &session, &user)));
    }
    verify_page(&state, &page, &session, user.id, None, StatusCode::OK).await
}

async fn verify_page(
    state: &AppState,
    page: &PageLocale,
    session: &Session,
    user: uuid::Uuid,
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
    Form(form): Form<CodeForm>,
) -> PageResponse {
    let (session, user) = match partial(&state, &page, &headers).await? {
        Ok(found) => found,
        Err(to_login) => return Ok(to_login),
    };
    if next_step(&page, &session, &user) != format!("{}/staff/verify", page.prefix()) {
        return Ok(redirect(&next_step(&page, &session, &user)));
    }
    let client = session::client_ip(&extensions);
    // Second-factor guesses count against their own key, so a correct password
    // cannot be followed by unlimited code guesses.
    let throttle_key = format!("second-factor/{}", user.username);
    let ctx = context(&state, &page);
    if let Err(blocked) = state.throttle().check_sign_in(&throttle_key, client) {
        let message = super::throttled_message(&ctx, blocked);
        return verify_page(
            &state,
            &page,
            &session,
            user.id,
            Some(message),
            StatusCode::TOO_MANY_REQUESTS,
        )
        .await;
    }
    let accepted =
        accounts::verify_second_factor(state.store().as_ref(), state.vault(), &user, &form.code)
            .await?;
    if !accepted {
        state.throttle().sign_in_failed(&throttle_key, client);
        state
            .store()
            .append_audit(
                actor_of(&user).event("staff.second_factor_failed", Some(user.id.to_string())),
            )
            .await?;
        let message = ctx.text("staff-code-wrong").into_owned();
        return verify_page(
            &state,
            &page,
            &session,
            user.id,
            Some(message),
            StatusCode::UNAUTHORIZED,
        )
        .await;
    }
    state.throttle().sign_in_succeeded(&throttle_key);
    state.store().delete_session(&session.token_digest).await?;
    let (token, _) = session::start(&state, &user, true).await?;
    state
        .store()
        .append_audit(actor_of(&user).event("staff.second_factor", Some(user.id.to_string())))
        .await?;
    let mut response = redirect(&format!("{}/staff", page.prefix()));
    response.headers_mut().append(
        header::SET_COOKIE,
        session::set_cookie(&state, SESSION_COOKIE, &token),
    );
    Ok(response)
}

/// Ends this browser's session.
pub async fn logout(
    State(state): State<AppState>,
    page: PageLocale,
    headers: HeaderMap,
) -> PageResponse {
    if let Some((session, user)) = session::current(&state, &headers).await? {
        state.store().delete_session(&session.token_digest).await?;
        state
            .store()
            .append_audit(actor_of(&user).event("staff.sign_out", Some(user.id.to_string())))
            .await?;
    }
    let mut response = redirect(&format!("{}{LOGIN_PATH}", page.prefix()));
    response.headers_mut().append(
        header::SET_COOKIE,
        session::clear_cookie(&state, SESSION_COOKIE),
    );
    Ok(response)
}

/// Ends every session of the signed-in user, on every device.
pub async fn sign_out_everywhere(
    State(state): State<AppState>,
    page: PageLocale,
    staff: Staff,
) -> PageResponse {
    state.store().delete_sessions_of_user(staff.user.id).await?;
    state
        .store()
        .append_audit(
            staff
                .actor()
                .event("staff.sign_out_everywhere", Some(staff.user.id.to_string())),
        )
        .await?;
    let mut response = redirect(&format!("{}{LOGIN_PATH}", page.prefix()));
    response.headers_mut().append(
        header::SET_COOKIE,
        session::clear_cookie(&state, SESSION_COOKIE),
    );
    Ok(response)
}
