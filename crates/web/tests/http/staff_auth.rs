//! Signing in and out: the first sign-in of a new account, refusals that reveal no
//! account, throttling, the second factor, disabled and reset accounts, cookies,
//! session limits and CSRF.

use std::time::Duration;

use torchlight_app::accounts::NewAccount;
use torchlight_app::{Actor, AppConfig, SessionLimits};
use torchlight_core::access::Role::{Caseworker, OrganizationAdmin};
use torchlight_crypto::credentials::TotpSecret;
use torchlight_web::WebConfig;

use crate::both_engines;
use crate::staff_support::{
    codes_after, csrf_of, input_value, text_of_id, Member, Org, SignedIn, StaffApp, PASSPHRASE,
    PASSWORD,
};
use crate::support::{test_app_config, Engine};

const WRONG: &str = "The username or password is wrong.";
const CODE_WRONG: &str = "This code is not valid.";
const CSRF_TEXT: &str = "This form has expired";

async fn first_sign_in_of_a_new_account(engine: Engine) {
    let app = StaffApp::spawn(engine).await;
    let (user, one_time) = app
        .service()
        .accounts()
        .add_user(
            NewAccount {
                organization: Org::A.id(),
                username: "newcomer".into(),
                display_name: "New Comer".into(),
                role: Caseworker,
            },
            &Actor::Operator,
        )
        .await
        .unwrap();
    let browser = app.browser();
    let reply = browser.sign_in_password("newcomer", &one_time).await;
    assert_eq!(reply.status, 303, "{}", reply.body);
    assert_eq!(reply.location(), Some("/staff/password"));
    // No staff page before the password is changed.
    let reply = browser.get("/staff").await;
    assert_eq!(reply.status, 303);
    assert_eq!(reply.location(), Some("/staff/password"));

    let form = browser.get("/staff/password").await;
    assert_eq!(form.status, 200, "{}", form.body);
    let csrf = csrf_of(&form.body).unwrap();
    let new_password = "my own new password 2026";
    // Too short a password is refused and changes nothing.
    let reply = browser
        .post(
            "/staff/password",
            &[
                ("csrf", &csrf),
                ("new_password", "short"),
                ("repeat", "short"),
            ],
        )
        .await;
    assert_eq!(reply.status, 400, "{}", reply.body);
    let reply = browser
        .post(
            "/staff/password",
            &[
                ("csrf", &csrf),
                ("new_password", new_password),
                ("repeat", new_password),
            ],
        )
        .await;
    assert_eq!(reply.status, 303, "{}", reply.body);
    assert_eq!(reply.location(), Some("/staff/enrol"));
    let reply = browser.get("/staff").await;
    assert_eq!(
        reply.location(),
        Some("/staff/enrol"),
        "no staff page before TOTP"
    );

    let form = browser.get("/staff/enrol").await;
    assert_eq!(form.status, 200, "{}", form.body);
    let csrf = csrf_of(&form.body).unwrap();
    let secret_text = text_of_id(&form.body, "totp-secret").expect("the page gives the secret");
    assert!(
        input_value(&form.body, "secret").is_none(),
        "the secret is not a form field"
    );
    assert!(
        form.body.contains("href=\"otpauth://totp/"),
        "{}",
        form.body
    );
    // A reload shows the same secret: a phone that scanned it stays good.
    let again = browser.get("/staff/enrol").await;
    assert_eq!(
        text_of_id(&again.body, "totp-secret").as_deref(),
        Some(secret_text.as_str())
    );
    let bytes = data_encoding::BASE32_NOPAD
        .decode(secret_text.as_bytes())
        .unwrap();
    let secret = TotpSecret::from_bytes(&bytes).unwrap();
    // A wrong code is refused, and so is a secret of the sender's own choosing.
    let reply = browser
        .post("/staff/enrol", &[("csrf", &csrf), ("code", "000000x")])
        .await;
    assert_eq!(reply.status, 400, "{}", reply.body);
    let chosen = TotpSecret::generate();
    let reply = browser
        .post(
            "/staff/enrol",
            &[
                ("csrf", &csrf),
                ("secret", &chosen.to_base32()),
                ("code", &chosen.code_at(app.now_seconds())),
            ],
        )
        .await;
    assert_eq!(reply.status, 400, "{}", reply.body);
    let code = secret.code_at(app.now_seconds());
    let reply = browser
        .post("/staff/enrol", &[("csrf", &csrf), ("code", &code)])
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let recovery = codes_after(&reply.body, r#"id="recovery-codes""#);
    assert_eq!(
        recovery.len(),
        10,
        "ten recovery codes shown: {}",
        reply.body
    );
    assert!(
        reply.set_cookie("tl_session").is_some(),
        "a new session token"
    );
    let home = browser.get("/staff").await;
    assert_eq!(home.status, 200, "{}", home.body);
    assert!(home.body.contains("New Comer"));

    let stored = app.store().user(user.id).await.unwrap().unwrap();
    assert!(!stored.must_change_password);
    assert!(stored.totp_sealed.is_some());

    // The one-time password is spent; the new one and a recovery code sign in.
    let other = app.browser();
    let reply = other.sign_in_password("newcomer", &one_time).await;
    assert_eq!(reply.status, 401, "{}", reply.body);
    let reply = other.sign_in_password("newcomer", new_password).await;
    assert_eq!(reply.status, 303, "{}", reply.body);
    assert_eq!(reply.location(), Some("/staff/verify"));
    let reply = other.submit_code(&recovery[0]).await;
    assert_eq!(reply.status, 303, "{}", reply.body);
    assert_eq!(reply.location(), Some("/staff"));
}

async fn unknown_account_and_wrong_password_look_the_same(engine: Engine) {
    let app = StaffApp::spawn(engine).await;
    let member = app.member(Org::A, Caseworker);
    let wrong_password = app
        .browser()
        .sign_in_password(&member.username, "not it at all")
        .await;
    let unknown_user = app
        .browser()
        .sign_in_password("nobody-here", "not it at all")
        .await;
    assert_eq!(wrong_password.status, 401, "{}", wrong_password.body);
    assert_eq!(wrong_password.status, unknown_user.status);
    let message = wrong_password.error_message().expect("an error message");
    assert!(message.contains(WRONG), "{message}");
    assert_eq!(Some(message), unknown_user.error_message());
    assert!(wrong_password.set_cookie("tl_session").is_none());
    assert!(unknown_user.set_cookie("tl_session").is_none());
    // Positive control: the right password gets through.
    let reply = app
        .browser()
        .sign_in_password(&member.username, PASSWORD)
        .await;
    assert_eq!(reply.status, 303);
}

async fn sign_in_is_throttled_after_five_failures(engine: Engine) {
    let app = StaffApp::spawn(engine).await;
    let member = app.member(Org::A, Caseworker);
    let browser = app.browser();
    for attempt in 1..=5 {
        let reply = browser
            .sign_in_password(&member.username, "wrong guess!")
            .await;
        assert_eq!(reply.status, 401, "attempt {attempt}: {}", reply.body);
    }
    let reply = browser.sign_in_password(&member.username, PASSWORD).await;
    assert_eq!(
        reply.status, 429,
        "the right password is refused too: {}",
        reply.body
    );
    let known = reply.error_message().expect("a message");
    assert!(
        known.contains("Too many attempts") && known.contains("minutes"),
        "{known}"
    );
    assert!(reply.set_cookie("tl_session").is_none());

    // The same for an account that does not exist.
    for attempt in 1..=5 {
        let reply = browser
            .sign_in_password("no-such-user", "wrong guess!")
            .await;
        assert_eq!(reply.status, 401, "attempt {attempt}: {}", reply.body);
    }
    let reply = browser
        .sign_in_password("no-such-user", "wrong guess!")
        .await;
    assert_eq!(reply.status, 429, "{}", reply.body);
    let unknown = reply.error_message().expect("a message");
    assert!(
        unknown.contains("Too many attempts") && unknown.contains("minutes"),
        "{unknown}"
    );

    // Another account from the same client is not blocked.
    let other = app.member(Org::B, Caseworker);
    let reply = app
        .browser()
        .sign_in_password(&other.username, PASSWORD)
        .await;
    assert_eq!(reply.status, 303, "{}", reply.body);
}

async fn a_totp_code_is_accepted_once(engine: Engine) {
    let app = StaffApp::spawn(engine).await;
    let member = app.member(Org::A, Caseworker);
    let browser = app.browser();
    assert_eq!(
        browser
            .sign_in_password(&member.username, PASSWORD)
            .await
            .status,
        303
    );
    let code = app.next_code(member).await;
    let reply = browser.submit_code(&code).await;
    assert_eq!(reply.status, 303, "{}", reply.body);

    let again = app.browser();
    assert_eq!(
        again
            .sign_in_password(&member.username, PASSWORD)
            .await
            .status,
        303
    );
    let reply = again.submit_code(&code).await;
    assert_eq!(reply.status, 401, "a replayed code: {}", reply.body);
    assert!(reply.error_message().unwrap().contains(CODE_WRONG));
    assert_eq!(again.get("/staff").await.location(), Some("/staff/verify"));
    // A fresh code still works.
    let reply = again.submit_code(&app.next_code(member).await).await;
    assert_eq!(reply.status, 303, "{}", reply.body);
    assert_eq!(again.get("/staff").await.status, 200);
}

async fn a_recovery_code_works_once(engine: Engine) {
    let app = StaffApp::spawn(engine).await;
    let member = app.member(Org::A, Caseworker);
    let codes = &member.recovery_codes;

    let first = app.browser();
    assert_eq!(
        first
            .sign_in_password(&member.username, PASSWORD)
            .await
            .status,
        303
    );
    let reply = first.submit_code(&codes[0]).await;
    assert_eq!(reply.status, 303, "{}", reply.body);
    assert_eq!(first.get("/staff").await.status, 200);

    let second = app.browser();
    assert_eq!(
        second
            .sign_in_password(&member.username, PASSWORD)
            .await
            .status,
        303
    );
    let reply = second.submit_code(&codes[0]).await;
    assert_eq!(reply.status, 401, "a spent recovery code: {}", reply.body);
    let reply = second.submit_code(&codes[1]).await;
    assert_eq!(reply.status, 303, "an unspent one: {}", reply.body);
    assert_eq!(
        app.store()
            .remaining_recovery_codes(member.id)
            .await
            .unwrap(),
        8,
        "two of the ten spent"
    );
}

async fn a_disabled_account_cannot_sign_in_and_its_sessions_end(engine: Engine) {
    let app = StaffApp::spawn(engine).await;
    let admin = app.sign_in(app.member(Org::A, OrganizationAdmin)).await;
    let member = app.member(Org::A, Caseworker);
    let session = app.sign_in(member).await;
    assert_eq!(session.get("/staff/cases").await.status, 200);

    let reply = admin
        .post(&format!("/staff/users/{}/disable", member.id), &[])
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let reply = session.get("/staff/cases").await;
    assert_eq!(reply.status, 303, "the session ended");
    assert_eq!(reply.location(), Some("/staff/login"));
    let reply = app
        .browser()
        .sign_in_password(&member.username, PASSWORD)
        .await;
    assert_eq!(reply.status, 401, "{}", reply.body);
    assert!(reply.error_message().unwrap().contains(WRONG));

    // Enabled again, the same password signs in.
    let reply = admin
        .post(&format!("/staff/users/{}/enable", member.id), &[])
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let again = app.sign_in(member).await;
    assert_eq!(again.get("/staff/cases").await.status, 200);
}

async fn a_reset_gives_a_one_time_password_and_removes_totp(engine: Engine) {
    let app = StaffApp::spawn(engine).await;
    let admin = app.sign_in(app.member(Org::A, OrganizationAdmin)).await;
    let member = app.member(Org::A, Caseworker);
    let session = app.sign_in(member).await;

    let reply = admin
        .post(&format!("/staff/users/{}/reset", member.id), &[])
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let one_time =
        text_of_id(&reply.body, "one-time-password").expect("the one-time password is shown");
    let stored = app.store().user(member.id).await.unwrap().unwrap();
    assert!(stored.must_change_password);
    assert!(stored.totp_sealed.is_none(), "the second factor is removed");
    assert_eq!(session.get("/staff").await.location(), Some("/staff/login"));

    let reply = app
        .browser()
        .sign_in_password(&member.username, PASSWORD)
        .await;
    assert_eq!(reply.status, 401, "the old password is gone");
    let browser = app.browser();
    let reply = browser.sign_in_password(&member.username, &one_time).await;
    assert_eq!(reply.status, 303, "{}", reply.body);
    assert_eq!(reply.location(), Some("/staff/password"));
    let form = browser.get("/staff/password").await;
    let csrf = csrf_of(&form.body).unwrap();
    let reply = browser
        .post(
            "/staff/password",
            &[
                ("csrf", &csrf),
                ("new_password", "after the reset 2026"),
                ("repeat", "after the reset 2026"),
            ],
        )
        .await;
    assert_eq!(
        reply.location(),
        Some("/staff/enrol"),
        "TOTP is enrolled again"
    );
}

fn assert_strict(set_cookie: &str, secure: bool) {
    let attributes: Vec<String> = set_cookie
        .split(';')
        .skip(1)
        .map(|a| a.trim().to_ascii_lowercase())
        .collect();
    assert!(attributes.iter().any(|a| a == "httponly"), "{set_cookie}");
    assert!(
        attributes.iter().any(|a| a == "samesite=strict"),
        "{set_cookie}"
    );
    assert_eq!(
        attributes.iter().any(|a| a == "secure"),
        secure,
        "Secure as configured: {set_cookie}"
    );
}

async fn cookies_are_http_only_and_same_site_strict(engine: Engine) {
    for secure in [false, true] {
        let config = WebConfig {
            secure_cookies: secure,
            ..WebConfig::default()
        };
        let app = StaffApp::spawn_with(engine, config).await;
        // Over HTTPS the names carry the `__Host-` prefix.
        let name = |name: &str| {
            if secure {
                format!("__Host-{name}")
            } else {
                name.to_owned()
            }
        };
        let member = app.member(Org::A, Caseworker);
        let browser = app.browser();
        let form = browser.get("/staff/login").await;
        assert_strict(
            &form.set_cookie(&name("tl_csrf")).expect("tl_csrf set"),
            secure,
        );
        let reply = browser.sign_in_password(&member.username, PASSWORD).await;
        assert_strict(
            &reply.set_cookie(&name("tl_session")).expect("session set"),
            secure,
        );
        let reply = browser.submit_code(&app.next_code(member).await).await;
        assert_strict(
            &reply.set_cookie(&name("tl_session")).expect("session set"),
            secure,
        );
        let session = SignedIn::from_browser(browser).await;
        let reply = session.post("/staff/logout", &[]).await;
        assert_strict(
            &reply.set_cookie(&name("tl_session")).expect("cleared"),
            secure,
        );
    }
}

async fn sessions_end_when_idle_and_when_old(engine: Engine) {
    let app_config = AppConfig {
        sessions: SessionLimits {
            idle_ms: 4_000,
            lifetime_ms: 6_000,
        },
        ..test_app_config()
    };
    let app = StaffApp::spawn_configured(engine, WebConfig::default(), app_config).await;
    let idle = app.sign_in(app.member(Org::A, Caseworker)).await;
    let busy = app.sign_in(app.member(Org::A, OrganizationAdmin)).await;
    assert_eq!(idle.get("/staff").await.status, 200);
    // The busy session is used every second; the idle one is left alone.
    for _ in 0..4 {
        app.clock().advance(Duration::from_secs(1));
        assert_eq!(busy.get("/staff").await.status, 200, "an active session");
    }
    app.clock().advance(Duration::from_millis(1_001));
    let reply = idle.get("/staff").await;
    assert_eq!(reply.status, 303, "idle past its limit");
    assert_eq!(reply.location(), Some("/staff/login"));
    assert_eq!(busy.get("/staff").await.status, 200, "used a second ago");
    // Well inside the idle limit since its last request, but past its lifetime.
    app.clock().advance(Duration::from_millis(1_000));
    let reply = busy.get("/staff").await;
    assert_eq!(reply.status, 303, "past its lifetime, however active");
    assert_eq!(reply.location(), Some("/staff/login"));
}

async fn sign_out_everywhere_ends_other_sessions(engine: Engine) {
    let app = StaffApp::spawn(engine).await;
    let member = app.member(Org::A, Caseworker);
    let laptop = app.sign_in(member).await;
    let phone = app.sign_in(member).await;
    assert_eq!(phone.get("/staff").await.status, 200);
    let reply = laptop.post("/staff/sessions/end-all", &[]).await;
    assert_eq!(reply.status, 303, "{}", reply.body);
    assert_eq!(reply.location(), Some("/staff/login"));
    let reply = phone.get("/staff").await;
    assert_eq!(reply.status, 303, "the other session ended too");
    assert_eq!(reply.location(), Some("/staff/login"));
}

async fn logout_ends_the_session(engine: Engine) {
    let app = StaffApp::spawn(engine).await;
    let member: &Member = app.member(Org::A, Caseworker);
    let session = app.sign_in(member).await;
    let other = app.sign_in(app.member(Org::A, OrganizationAdmin)).await;
    let cookie = session.session_cookie();
    let reply = session.post("/staff/logout", &[]).await;
    assert_eq!(reply.status, 303);
    assert_eq!(reply.location(), Some("/staff/login"));
    assert!(
        session.browser.cookie("tl_session").is_none(),
        "cookie cleared"
    );
    // The token itself is dead, not just forgotten by the browser.
    session.browser.set_cookie("tl_session", &cookie);
    assert_eq!(session.get("/staff").await.location(), Some("/staff/login"));
    // Other users' sessions live on.
    assert_eq!(other.get("/staff").await.status, 200);
}

async fn the_panic_button_signs_everyone_out_and_its_browser_can_unseal(engine: Engine) {
    let app = StaffApp::spawn(engine).await;
    let admin = app.sign_in(app.member(Org::A, OrganizationAdmin)).await;
    let colleague = app.sign_in(app.member(Org::A, Caseworker)).await;
    let reply = admin.post("/staff/seal", &[]).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert!(app.state().vault().is_sealed());
    // Signing out works while sealed (there is nothing left to end).
    let reply = colleague.post("/staff/logout", &[]).await;
    assert_eq!(reply.status, 303, "{}", reply.body);
    assert_eq!(reply.location(), Some("/staff/login"));
    // The browser that sealed unseals from the page it is shown.
    let form = admin.get("/unseal").await;
    assert_eq!(form.status, 200);
    let csrf = csrf_of(&form.body).unwrap();
    let reply = admin
        .browser
        .post("/unseal", &[("csrf", &csrf), ("secret", PASSPHRASE)])
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert!(!app.state().vault().is_sealed());
    // Nobody is signed in any more: each signs in again with both factors.
    for browser in [&admin, &colleague] {
        assert_eq!(browser.get("/staff").await.location(), Some("/staff/login"));
    }
}

async fn posts_without_the_right_csrf_token_change_nothing(engine: Engine) {
    let app = StaffApp::spawn(engine).await;
    let session = app.sign_in(app.member(Org::A, Caseworker)).await;
    let name = "Person of the CSRF test";
    let fields = [
        ("name", name),
        ("contact", "none"),
        ("country", "KG"),
        ("urgency", "within_days"),
        ("narrative", "made by the CSRF test"),
    ];
    let before = app.case_count(Org::A).await;
    let origin = app.app.url("");
    let origin = origin.trim_end_matches('/');

    let reply = session.browser.post("/staff/cases", &fields).await;
    assert_eq!(reply.status, 403, "no token: {}", reply.body);
    assert!(reply.body.contains(CSRF_TEXT), "{}", reply.body);
    let mut wrong = vec![("csrf", "not-the-token-of-this-session-at-all-000000")];
    wrong.extend(fields);
    let reply = session.browser.post("/staff/cases", &wrong).await;
    assert_eq!(reply.status, 403, "wrong token: {}", reply.body);
    let mut right = vec![("csrf", session.csrf.as_str())];
    right.extend(fields);
    let reply = session
        .browser
        .post_with_headers(
            "/staff/cases",
            &right,
            &[("origin", "https://evil.example")],
        )
        .await;
    assert_eq!(reply.status, 403, "foreign origin: {}", reply.body);
    let reply = session
        .browser
        .post_with_headers(
            "/staff/cases",
            &fields,
            &[(
                "x-csrf-token",
                "not-the-token-of-this-session-at-all-000000",
            )],
        )
        .await;
    assert_eq!(reply.status, 403, "wrong header token: {}", reply.body);
    assert_eq!(app.case_count(Org::A).await, before, "no case created");
    let list = session.get("/staff/cases").await;
    assert_eq!(list.status, 200);
    assert!(!list.body.contains(name));

    // Positive controls: the right token, in the form or the header, same origin.
    let reply = session
        .browser
        .post_with_headers("/staff/cases", &right, &[("origin", origin)])
        .await;
    assert_eq!(reply.status, 303, "{}", reply.body);
    let reply = session
        .browser
        .post_with_headers("/staff/cases", &fields, &[("x-csrf-token", &session.csrf)])
        .await;
    assert_eq!(reply.status, 303, "{}", reply.body);
    assert_eq!(app.case_count(Org::A).await, before + 2);
    assert!(session.get("/staff/cases").await.body.contains(name));
}

async fn login_needs_its_csrf_cookie(engine: Engine) {
    let app = StaffApp::spawn(engine).await;
    let member = app.member(Org::A, Caseworker);
    let browser = app.browser();
    let form = browser.get("/staff/login").await;
    let csrf = csrf_of(&form.body).unwrap();
    browser.remove_cookie("tl_csrf");
    let fields = [
        ("csrf", csrf.as_str()),
        ("username", member.username.as_str()),
        ("password", PASSWORD),
    ];
    let reply = browser.post("/staff/login", &fields).await;
    assert_eq!(reply.status, 403, "{}", reply.body);
    assert!(reply.set_cookie("tl_session").is_none());
    // With the cookie back, the same form signs in.
    browser.set_cookie("tl_csrf", &csrf);
    let reply = browser.post("/staff/login", &fields).await;
    assert_eq!(reply.status, 303, "{}", reply.body);
    assert!(reply.set_cookie("tl_session").is_some());
}

both_engines!(
    cookies_and_transport_follow_secure_cookies,
    first_sign_in_of_a_new_account,
    unknown_account_and_wrong_password_look_the_same,
    sign_in_is_throttled_after_five_failures,
    a_totp_code_is_accepted_once,
    a_recovery_code_works_once,
    a_disabled_account_cannot_sign_in_and_its_sessions_end,
    a_reset_gives_a_one_time_password_and_removes_totp,
    cookies_are_http_only_and_same_site_strict,
    sessions_end_when_idle_and_when_old,
    sign_out_everywhere_ends_other_sessions,
    logout_ends_the_session,
    the_panic_button_signs_everyone_out_and_its_browser_can_unseal,
    posts_without_the_right_csrf_token_change_nothing,
    login_needs_its_csrf_cookie,
);

/// Over HTTPS (`secure_cookies`), cookies carry the `__Host-` prefix and `Secure`,
/// and every answer tells the browser to keep to HTTPS; on plain loopback HTTP,
/// neither (a browser would refuse such cookies there).
async fn cookies_and_transport_follow_secure_cookies(engine: Engine) {
    let secure = StaffApp::spawn_with(
        engine,
        WebConfig {
            secure_cookies: true,
            ..WebConfig::default()
        },
    )
    .await;
    let reply = secure.browser().get("/staff/login").await;
    let set_cookie = reply.set_cookies().join("\n");
    assert!(set_cookie.starts_with("__Host-tl_csrf="), "{set_cookie}");
    assert!(
        set_cookie.contains("Secure") && set_cookie.contains("Path=/"),
        "{set_cookie}"
    );
    assert!(!set_cookie.contains("Domain"), "{set_cookie}");
    assert_eq!(
        reply
            .headers
            .get("strict-transport-security")
            .map(|v| v.to_str().unwrap()),
        Some("max-age=31536000")
    );
    let public = secure.browser().get("/").await;
    assert!(public.headers.contains_key("strict-transport-security"));

    let plain = StaffApp::spawn(engine).await;
    let reply = plain.browser().get("/staff/login").await;
    let set_cookie = reply.set_cookies().join("\n");
    assert!(set_cookie.starts_with("tl_csrf="), "{set_cookie}");
    assert!(!set_cookie.contains("Secure"), "{set_cookie}");
    assert!(!reply.headers.contains_key("strict-transport-security"));
}
