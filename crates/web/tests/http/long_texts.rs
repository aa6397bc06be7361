//! Long texts, as people write them: the longest account allowed goes through in
//! any script (a Cyrillic letter is 6 bytes in a form, an emoji 12), a text over
//! its limit is refused beside its field and kept whole, never cut short, and a
//! body over the server's limit is a page in the reader's language (JSON on the
//! API) with nothing stored. Public request form, staff case form, API.

use torchlight_core::access::Role;
use torchlight_core::intake::{MAX_CONTACT_CHARS, MAX_NAME_CHARS, MAX_NARRATIVE_CHARS};

use crate::both_engines;
use crate::staff_support::{Browser, Org, Reply, StaffApp};
use crate::support::Engine;

async fn ask(browser: &Browser, path: &str, narrative: &str, name: &str, contact: &str) -> Reply {
    let org = Org::A.id().to_string();
    browser
        .post(
            path,
            &[
                ("country", "KG"),
                ("needs", "legal"),
                ("urgency", "within_days"),
                ("narrative", narrative),
                ("name", name),
                ("contact", contact),
                ("send_to", &org),
            ],
        )
        .await
}

async fn the_longest_valid_request_goes_through_in_any_script(engine: Engine) {
    let staff = StaffApp::spawn(engine).await;
    let browser = staff.browser();
    let before = staff.case_count(Org::A).await;
    let russian = "я".repeat(MAX_NARRATIVE_CHARS);
    let reply = ask(&browser, "/ru/request", &russian, "Андрій", "").await;
    assert_eq!(
        reply.status,
        201,
        "{}",
        &reply.body[..reply.body.len().min(500)]
    );
    // The worst encoding: every character outside the BMP, every text at its limit.
    let emoji = |count: usize| "😀".repeat(count);
    let reply = ask(
        &browser,
        "/request",
        &emoji(MAX_NARRATIVE_CHARS),
        &emoji(MAX_NAME_CHARS),
        &emoji(MAX_CONTACT_CHARS),
    )
    .await;
    assert_eq!(
        reply.status,
        201,
        "{}",
        &reply.body[..reply.body.len().min(500)]
    );
    assert_eq!(staff.case_count(Org::A).await, before + 2);
}

async fn a_text_over_its_limit_is_refused_beside_its_field_and_kept_whole(engine: Engine) {
    let staff = StaffApp::spawn(engine).await;
    let browser = staff.browser();
    let before = staff.case_count(Org::A).await;
    let over = "ж".repeat(MAX_NARRATIVE_CHARS + 5_000);
    let reply = ask(&browser, "/ru/request", &over, "", "").await;
    assert_eq!(reply.status, 400);
    assert!(
        reply.body.contains("Пожалуйста, сократите текст до"),
        "in Russian"
    );
    assert!(
        reply.body.contains(&over),
        "kept whole, not cut to the limit"
    );
    assert_eq!(staff.case_count(Org::A).await, before);
}

async fn a_body_over_the_limit_is_a_page_in_the_readers_language_or_json(engine: Engine) {
    let staff = StaffApp::spawn(engine).await;
    let before = staff.case_count(Org::A).await;
    let huge = "ж".repeat(300 * 1024);
    let reply = ask(&staff.browser(), "/ru/request", &huge, "", "").await;
    assert_eq!(reply.status, 413);
    assert!(
        reply.body.contains("Слишком длинно для отправки"),
        "{}",
        reply.body
    );
    assert!(
        reply.body.contains("512 КБ"),
        "names the limit: {}",
        reply.body
    );
    assert!(reply.body.contains(r#"id="quick-exit""#), "a whole page");

    let response = reqwest::Client::new()
        .post(staff.app.url("/api/v1/requests"))
        .header("Content-Type", "application/json")
        .body(format!(
            r#"{{"country":"KG","needs":["legal"],"urgency":"within_days","narrative":"{huge}"}}"#
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 413);
    let body: serde_json::Value = response.json().await.unwrap();
    let message = body["error"]["message"].as_str().unwrap();
    assert!(message.contains("512 KiB"), "{message}");
    assert_eq!(staff.case_count(Org::A).await, before);
}

async fn the_staff_case_form_takes_long_accounts_and_names_errors_by_their_labels(engine: Engine) {
    let staff = StaffApp::spawn(engine).await;
    let session = staff.sign_in(staff.member(Org::A, Role::Caseworker)).await;
    let before = staff.case_count(Org::A).await;
    let form = session.browser.get("/staff/cases/new").await;
    assert_eq!(form.status, 200);
    assert!(
        !form.body.contains("maxlength"),
        "a browser would cut a paste short"
    );

    let longest = "я".repeat(MAX_NARRATIVE_CHARS);
    let case = |name: &'static str, narrative: String| {
        vec![
            ("csrf", session.csrf.clone()),
            ("name", name.to_owned()),
            ("country", "KG".to_owned()),
            ("urgency", "within_days".to_owned()),
            ("narrative", narrative),
        ]
    };
    let fields = case("А. Захисник", longest.clone());
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let reply = session.browser.post("/staff/cases", &fields).await;
    assert_eq!(
        reply.status,
        303,
        "{}",
        &reply.body[..reply.body.len().min(500)]
    );
    assert_eq!(staff.case_count(Org::A).await, before + 1);

    let over = format!("{longest}я");
    let fields = case(" ", over.clone());
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let reply = session.browser.post("/staff/cases", &fields).await;
    assert_eq!(reply.status, 400);
    for shown in [
        r##"<a href="#name">Name</a>: Please fill this in."##,
        r##"<a href="#narrative">What happened</a>: Please shorten this to 20000 characters (it has 20001)."##,
        r#"<p class="field-error" id="narrative-error">"#,
    ] {
        assert!(
            reply.body.contains(shown),
            "{shown}: {}",
            &reply.body[..reply.body.len().min(3000)]
        );
    }
    assert!(
        !reply.body.contains("narrative: at most"),
        "no internal field names"
    );
    assert!(reply.body.contains(&over), "kept whole");
    assert_eq!(staff.case_count(Org::A).await, before + 1);
}

both_engines!(
    the_longest_valid_request_goes_through_in_any_script,
    a_text_over_its_limit_is_refused_beside_its_field_and_kept_whole,
    a_body_over_the_limit_is_a_page_in_the_readers_language_or_json,
    the_staff_case_form_takes_long_accounts_and_names_errors_by_their_labels,
);
