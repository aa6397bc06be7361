//! Step-up: changing how one signs in (the password, a security key) asks for the
//! current password and a fresh code first, so a stolen session cookie cannot
//! take the account over; and each change signs the user's other devices out.

use torchlight_core::access::Role::Caseworker;
use torchlight_web::WebConfig;

use crate::both_engines;
use crate::staff_support::{Org, Reply, SignedIn, StaffApp, PASSWORD};
use crate::support::Engine;

const NEW_PASSWORD: &str = "a new password of my own";
const REFUSED: &str = "The password or the code is not right.";

/// Posts the password form of `session` with the current password and a code,
/// choosing `NEW_PASSWORD`.
async fn change_password(session: &SignedIn, current: &str, code: &str) -> Reply {
    session
        .post(
            "/staff/password",
            &[
                ("current_password", current),
                ("code", code),
                ("new_password", NEW_PASSWORD),
                ("repeat", NEW_PASSWORD),
            ],
        )
        .await
}

both_engines!(
    changing_the_password_asks_for_the_current_one_and_a_code,
    security_keys_change_only_after_a_step_up,
    step_up_guesses_are_throttled_with_the_sign_in,
);

async fn changing_the_password_asks_for_the_current_one_and_a_code(engine: Engine) {
    let app = StaffApp::spawn(engine).await;
    let member = app.member(Org::A, Caseworker);
    let thief = app.sign_in(member).await;
    let owner_elsewhere = app.sign_in(member).await;
    let form = thief.get("/staff/password").await;
    assert!(
        form.body.contains(r#"name="current_password""#),
        "{}",
        form.body
    );
    assert!(form.body.contains(r#"name="code""#), "{}", form.body);
    let hash_before = app.stored_user(member.id).await.password_hash;

    // A session alone, or with a wrong password, changes nothing.
    for (current, code) in [("", ""), ("not the password", "000000")] {
        let reply = change_password(&thief, current, code).await;
        assert_eq!(reply.status, 401, "{}", reply.body);
        assert!(reply.body.contains(REFUSED), "{}", reply.body);
    }
    // The right password with a code already used is refused as well.
    let used = member.secret.code_at(
        u64::try_from(app.stored_user(member.id).await.totp_last_step.unwrap()).unwrap() * 30,
    );
    let reply = change_password(&thief, PASSWORD, &used).await;
    assert_eq!(reply.status, 401, "{}", reply.body);
    assert_eq!(app.stored_user(member.id).await.password_hash, hash_before);

    // The owner, with both, changes it; their other device is signed out, this one
    // stays signed in.
    let code = app.next_code(member).await;
    let reply = change_password(&owner_elsewhere, PASSWORD, &code).await;
    assert_eq!(reply.status, 303, "{}", reply.body);
    assert_ne!(app.stored_user(member.id).await.password_hash, hash_before);
    assert_eq!(owner_elsewhere.get("/staff").await.status, 200);
    let reply = thief.get("/staff").await;
    assert_eq!(reply.status, 303);
    assert_eq!(reply.location(), Some("/staff/login"));
    let actions: Vec<String> = app
        .store()
        .audit_entries(0, 10_000)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.event.action)
        .collect();
    assert_eq!(
        actions
            .iter()
            .filter(|a| *a == "staff.step_up_failed")
            .count(),
        3
    );
    assert!(actions.ends_with(&["staff.step_up".into(), "staff.password_changed".into()]));
}

async fn security_keys_change_only_after_a_step_up(engine: Engine) {
    let app = StaffApp::spawn_with(
        engine,
        WebConfig {
            webauthn_origin: Some("https://torchlight.example".into()),
            ..WebConfig::default()
        },
    )
    .await;
    let member = app.member(Org::A, Caseworker);
    let key = app.add_key(member.id).await;
    let session = app.sign_in(member).await;
    let other_device = app.sign_in(member).await;

    // Unconfirmed: the page asks for the password and a code, and offers no
    // removal; neither removing nor starting a registration works.
    let page = session.get("/staff/security-keys").await;
    assert!(
        page.body
            .contains(r#"action="/staff/security-keys/confirm""#),
        "{}",
        page.body
    );
    assert!(!page.body.contains("/remove"), "{}", page.body);
    let reply = session
        .post(&format!("/staff/security-keys/{key}/remove"), &[])
        .await;
    assert_eq!(reply.status, 303);
    assert_eq!(
        app.store().security_keys_of(member.id).await.unwrap().len(),
        1
    );
    let reply = session
        .post_json(
            "/staff/security-keys/register/start",
            &serde_json::json!({}),
        )
        .await;
    assert_eq!(reply.status, 400, "{}", reply.body);

    let reply = session
        .post(
            "/staff/security-keys/confirm",
            &[("current_password", "wrong"), ("code", "123456")],
        )
        .await;
    assert_eq!(reply.status, 401, "{}", reply.body);
    assert!(reply.body.contains(REFUSED), "{}", reply.body);

    let code = app.next_code(member).await;
    let reply = session
        .post(
            "/staff/security-keys/confirm",
            &[("current_password", PASSWORD), ("code", &code)],
        )
        .await;
    assert_eq!(reply.status, 303, "{}", reply.body);
    let page = session.get("/staff/security-keys").await;
    assert!(page
        .body
        .contains(&format!("/staff/security-keys/{key}/remove")));
    // The confirmation is this session's only.
    let elsewhere = other_device.get("/staff/security-keys").await;
    assert!(!elsewhere.body.contains("/remove"));
    // (Starting a registration once confirmed is the permission matrix's.)
    let reply = session
        .post(&format!("/staff/security-keys/{key}/remove"), &[])
        .await;
    assert_eq!(reply.status, 303);
    assert!(app
        .store()
        .security_keys_of(member.id)
        .await
        .unwrap()
        .is_empty());
    // Removing a key signed the other device out.
    assert_eq!(other_device.get("/staff").await.status, 303);
    assert_eq!(session.get("/staff").await.status, 200);

    // Five minutes on, the confirmation has lapsed.
    app.clock().advance(std::time::Duration::from_secs(5 * 60));
    let page = session.get("/staff/security-keys").await;
    assert!(page
        .body
        .contains(r#"action="/staff/security-keys/confirm""#));
}

async fn step_up_guesses_are_throttled_with_the_sign_in(engine: Engine) {
    let app = StaffApp::spawn(engine).await;
    let member = app.member(Org::A, Caseworker);
    let session = app.sign_in(member).await;
    let mut statuses = Vec::new();
    for _ in 0..7 {
        let reply = session
            .post(
                "/staff/security-keys/confirm",
                &[("current_password", "a guess at it"), ("code", "123456")],
            )
            .await;
        statuses.push(reply.status);
    }
    assert_eq!(statuses, [401, 401, 401, 401, 401, 429, 429]);
    // The account itself now waits at the sign-in page too.
    let browser = app.browser();
    let reply = browser.sign_in_password(&member.username, PASSWORD).await;
    assert_eq!(reply.status, 429, "{}", reply.body);
}
