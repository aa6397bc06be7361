//! A defender asks for help with no account, over HTTP, the way a browser without
//! JavaScript and an intermediary app do: the form, the receipt and its codename,
//! practising it, the status page with a reply, a new risk and a withdrawal, the
//! guided path, and the JSON API; then a caseworker of the receiving organisation
//! sees the request. Both engines.

use torchlight_app::Actor;
use torchlight_core::access::Role;

use crate::both_engines;
use crate::staff_support::{text_of_id, Browser, Org, Reply, StaffApp};
use crate::support::Engine;

/// The codename shown in `id="codename"`.
fn codename_of(reply: &Reply) -> String {
    text_of_id(&reply.body, "codename").expect("the page shows a codename")
}

async fn send_request(browser: &Browser, narrative: &str) -> Reply {
    let org = Org::A.id().to_string();
    browser
        .post(
            "/request",
            &[
                ("country", "KG"),
                ("needs", "legal"),
                ("needs", "digital_security"),
                ("urgency", "threat_to_life"),
                ("narrative", narrative),
                ("risks.0.type", "threat_to_life"),
                ("risks.0.affects", "defender"),
                ("risks.0.affects", "family"),
                ("send_to", &org),
            ],
        )
        .await
}

async fn a_defender_asks_keeps_the_codename_follows_replies_and_reports_a_new_risk(engine: Engine) {
    let staff = StaffApp::spawn(engine).await;
    let browser = staff.browser();
    let form = browser.get("/request").await;
    assert_eq!(form.status, 200);
    assert!(form.set_cookies().is_empty(), "no cookie before sending");
    assert!(form.body.contains(r#"autocomplete="off""#));
    assert!(form.body.contains(r#"id="quick-exit""#));
    let cases_before = staff.case_count(Org::A).await;

    let received = send_request(&browser, "Threatened after the protest.").await;
    assert_eq!(received.status, 201, "{}", received.body);
    assert!(received.set_cookies().is_empty(), "no cookie after sending");
    let codename = codename_of(&received);
    assert_eq!(codename.split(' ').count(), 7, "{codename}");
    assert!(
        received.body.contains("Ala-Too Digital Circle"),
        "the receipt names the recipient"
    );
    assert_eq!(staff.case_count(Org::A).await, cases_before + 1);

    // Practising: a slip shows the codename again; the right words say so.
    let slip = browser
        .post(
            "/request/practise",
            &[("codename", &codename), ("practice", "one two three")],
        )
        .await;
    assert_eq!(slip.status, 200);
    assert_eq!(codename_of(&slip), codename);
    let right = browser
        .post(
            "/request/practise",
            &[
                ("codename", &codename),
                ("practice", &format!("  {}  ", codename.to_uppercase())),
            ],
        )
        .await;
    assert!(right.body.contains(r#"id="practice-result""#));
    assert!(
        !right.body.contains(r#"id="codename""#),
        "not shown again when typed right"
    );

    // The status page, found by the posted codename only.
    let status = browser.post("/status", &[("codename", &codename)]).await;
    assert_eq!(status.status, 200);
    assert!(
        status.body.contains(r#"id="status-state""#),
        "{}",
        status.body
    );
    assert!(status.set_cookies().is_empty());
    let replied = browser
        .post(
            "/status/reply",
            &[
                ("codename", &codename),
                ("message", "They called again tonight."),
            ],
        )
        .await;
    assert!(replied.body.contains(r#"id="status-notice""#));
    assert!(replied.body.contains("They called again tonight."));
    let reported = browser
        .post(
            "/status/report",
            &[
                ("codename", &codename),
                ("risk_type", "illegal_search"),
                ("needs", "equipment"),
                ("text", "They searched the office."),
            ],
        )
        .await;
    assert!(reported.body.contains("They searched the office."));
    // Nothing to report is refused, and nothing is added.
    let empty = browser
        .post("/status/report", &[("codename", &codename), ("text", " ")])
        .await;
    assert!(empty.body.contains(r#"id="status-error""#));
    let later = browser.post("/status", &[("codename", &codename)]).await;
    assert!(later.body.contains("They called again tonight."));
    assert!(later.body.contains("They searched the office."));
    assert!(later.body.contains(r#"id="status-changes""#));

    // A caseworker of the receiving organisation sees the request at the top;
    // the other organisation does not.
    let caseworker = staff.member(Org::A, Role::Caseworker);
    let signed_in = staff.sign_in(caseworker).await;
    let list = signed_in.browser.get("/staff/requests").await;
    assert_eq!(list.status, 200, "{}", list.body);
    assert!(list.body.contains(r#"id="new-requests""#), "{}", list.body);
    assert!(list.body.contains(r#"<tr class="urgent">"#));
    // The case page shows what the defender gave and added since.
    let start = list.body.find("/staff/cases/").unwrap();
    let link = &list.body[start..start + list.body[start..].find('"').unwrap()];
    let case = signed_in.browser.get(link).await;
    assert_eq!(case.status, 200, "{}", case.body);
    assert!(case.body.contains(r#"id="request-facts""#));
    assert!(case.body.contains("Threatened after the protest."));
    assert!(case.body.contains("They called again tonight."));
    assert!(case.body.contains("They searched the office."));
    let other = staff.member(Org::B, Role::Caseworker);
    let other_list = staff
        .sign_in(other)
        .await
        .browser
        .get("/staff/requests")
        .await;
    assert!(!other_list.body.contains(r#"id="new-requests""#));
}

async fn a_wrong_codename_gets_the_same_page_whatever_it_was(engine: Engine) {
    let staff = StaffApp::spawn(engine).await;
    let browser = staff.browser();
    send_request(&browser, "x").await;
    let malformed = browser.post("/status", &[("codename", "nonsense")]).await;
    let unknown = torchlight_crypto::codename::Codename::generate();
    let well_formed = browser
        .post("/status", &[("codename", unknown.as_str())])
        .await;
    assert_eq!(malformed.status, well_formed.status);
    assert_eq!(malformed.body, well_formed.body);
    assert!(malformed.body.contains(r#"id="status-not-found""#));
}

async fn a_bad_form_comes_back_as_typed_with_each_error_and_nothing_stored(engine: Engine) {
    let staff = StaffApp::spawn(engine).await;
    let browser = staff.browser();
    let before = staff.case_count(Org::A).await;
    let long = "x".repeat(torchlight_core::intake::MAX_NAME_CHARS + 1);
    let reply = browser
        .post(
            "/request",
            &[
                ("country", "XX"),
                ("urgency", "soon"),
                ("narrative", "Kept <as typed> & escaped"),
                ("name", &long),
                ("family_members", "two"),
            ],
        )
        .await;
    assert_eq!(reply.status, 400);
    assert!(reply.body.contains(r#"id="errors""#));
    for field in ["country", "needs", "urgency", "name", "family_members"] {
        assert!(
            reply.body.contains(&format!("({field})")),
            "{field} is named: {}",
            reply.body
        );
    }
    assert!(reply.body.contains("Kept &#60;as typed&#62; &#38; escaped"));
    assert_eq!(staff.case_count(Org::A).await, before);
}

async fn a_second_request_is_withdrawn_after_a_confirmation_and_is_then_gone(engine: Engine) {
    let staff = StaffApp::spawn(engine).await;
    let browser = staff.browser();
    let kept = codename_of(&send_request(&browser, "keep").await);
    let second = codename_of(&send_request(&browser, "withdraw me").await);
    let count = staff.case_count(Org::A).await;
    let asked = browser
        .post("/status/withdraw", &[("codename", &second)])
        .await;
    assert!(
        asked.body.contains(r#"name="confirm""#),
        "a confirmation first"
    );
    assert_eq!(staff.case_count(Org::A).await, count, "nothing deleted yet");
    let done = browser
        .post(
            "/status/withdraw",
            &[("codename", &second), ("confirm", "yes")],
        )
        .await;
    assert!(done.body.contains(r#"id="withdrawn""#), "{}", done.body);
    assert_eq!(staff.case_count(Org::A).await, count - 1);
    let gone = browser.post("/status", &[("codename", &second)]).await;
    assert!(gone.body.contains(r#"id="status-not-found""#));
    let still = browser.post("/status", &[("codename", &kept)]).await;
    assert!(still.body.contains(r#"id="status-state""#));
}

async fn the_guided_path_suggests_help_and_fills_the_request(engine: Engine) {
    let staff = StaffApp::spawn(engine).await;
    let browser = staff.browser();
    let questions = browser.get("/request/guide").await;
    assert_eq!(questions.status, 200);
    assert!(questions.set_cookies().is_empty());
    let result = browser
        .post(
            "/request/guide",
            &[
                ("happened", "detained"),
                ("touches", "family"),
                ("urgency", "detained_now"),
                ("country", "KG"),
            ],
        )
        .await;
    assert_eq!(result.status, 200);
    assert!(
        result.body.contains("/find?country=KG&#38;support=legal"),
        "{}",
        result.body
    );
    assert!(result
        .body
        .contains(r#"<input type="checkbox" name="needs" value="legal" checked>"#));
    assert!(result
        .body
        .contains(r#"<input type="checkbox" name="needs" value="family_support" checked>"#));
    assert!(result
        .body
        .contains(r#"name="urgency" value="detained_now" checked"#));
}

async fn the_json_api_takes_a_request_and_answers_its_status_by_header_only(engine: Engine) {
    let staff = StaffApp::spawn(engine).await;
    let client = reqwest::Client::new();
    let url = |path: &str| staff.app.url(path);
    let org = Org::A.id().to_string();
    let created = client
        .post(url("/api/v1/requests"))
        .json(&serde_json::json!({
            "country": "KG", "needs": ["legal"], "urgency": "within_days",
            "narrative": "Summoned for questioning.", "send_to": org
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 201);
    let body: serde_json::Value = created.json().await.unwrap();
    let codename = body["codename"].as_str().unwrap().to_owned();
    assert_eq!(body["organization"], org.as_str());

    let status = client
        .get(url("/api/v1/requests/status"))
        .header("Authorization", format!("Codename {codename}"))
        .send()
        .await
        .unwrap();
    assert_eq!(status.status(), 200);
    let status: serde_json::Value = status.json().await.unwrap();
    assert_eq!(status["state"], "new");
    assert_eq!(status["needs"], serde_json::json!(["legal"]));

    // Never from the URL: any query string is refused, and the codename there
    // is not even read.
    let in_url = client
        .get(url(&format!(
            "/api/v1/requests/status?codename={}",
            codename.replace(' ', "+")
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(in_url.status(), 400);
    let without = client
        .get(url("/api/v1/requests/status"))
        .send()
        .await
        .unwrap();
    assert_eq!(without.status(), 401);
    let mut answers = Vec::new();
    for typed in [
        "nonsense".to_owned(),
        torchlight_crypto::codename::Codename::generate()
            .as_str()
            .to_owned(),
    ] {
        let wrong = client
            .get(url("/api/v1/requests/status"))
            .header("Authorization", format!("Codename {typed}"))
            .send()
            .await
            .unwrap();
        answers.push((wrong.status().as_u16(), wrong.text().await.unwrap()));
    }
    assert_eq!(answers[0], answers[1]);
    assert_eq!(answers[0].0, 404);
}

async fn the_json_api_names_every_bad_field_and_stores_nothing(engine: Engine) {
    let staff = StaffApp::spawn(engine).await;
    let client = reqwest::Client::new();
    let before = staff.case_count(Org::A).await;
    let refused = client
        .post(staff.app.url("/api/v1/requests"))
        .json(&serde_json::json!({
            "country": "XX", "needs": ["flying"], "urgency": "soon",
            "narrative": "x".repeat(torchlight_core::intake::MAX_NARRATIVE_CHARS + 1)
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 400);
    let body: serde_json::Value = refused.json().await.unwrap();
    let fields: Vec<&str> = body["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["country", "needs", "narrative", "urgency"]);
    let missing = client
        .post(staff.app.url("/api/v1/requests"))
        .json(&serde_json::json!({"country": "KG"}))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 400);
    let body: serde_json::Value = missing.json().await.unwrap();
    assert_eq!(body["fields"][0]["field"], "urgency", "{body}");
    let unknown = client
        .post(staff.app.url("/api/v1/requests"))
        .json(&serde_json::json!({"country": "KG", "needs": ["legal"],
            "urgency": "within_days", "nmae": "typo"}))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), 400);
    let body: serde_json::Value = unknown.json().await.unwrap();
    assert_eq!(body["fields"][0]["field"], "nmae");
    assert_eq!(staff.case_count(Org::A).await, before);
}

async fn intake_and_the_status_page_work_while_sealed(engine: Engine) {
    let staff = StaffApp::spawn(engine).await;
    staff
        .state()
        .app()
        .keyring()
        .seal(&Actor::Operator)
        .await
        .unwrap();
    let browser = staff.browser();
    let received = send_request(&browser, "Sent while sealed.").await;
    assert_eq!(received.status, 201, "{}", received.body);
    let codename = codename_of(&received);
    let status = browser.post("/status", &[("codename", &codename)]).await;
    assert!(status.body.contains(r#"id="status-state""#));
    let replied = browser
        .post(
            "/status/reply",
            &[("codename", &codename), ("message", "Still here.")],
        )
        .await;
    assert!(replied.body.contains("Still here."));
}

async fn the_openapi_document_describes_intake_as_the_server_answers(engine: Engine) {
    let staff = StaffApp::spawn(engine).await;
    let (status, doc) = staff.app.json("/api/v1/openapi.json").await;
    assert_eq!(status, 200);
    assert!(doc["paths"]["/api/v1/requests"]["post"].is_object());
    assert!(doc["paths"]["/api/v1/requests/status"]["get"].is_object());
    let client = reqwest::Client::new();
    let created: serde_json::Value = client
        .post(staff.app.url("/api/v1/requests"))
        .json(&serde_json::json!({"country": "KG", "needs": ["legal"],
            "urgency": "not_urgent", "send_to": Org::A.id().to_string()}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let status: serde_json::Value = client
        .get(staff.app.url("/api/v1/requests/status"))
        .header(
            "Authorization",
            format!("Codename {}", created["codename"].as_str().unwrap()),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    for (schema, answer) in [("RequestCreated", &created), ("RequestStatusOut", &status)] {
        let properties = doc["components"]["schemas"][schema]["properties"]
            .as_object()
            .unwrap_or_else(|| panic!("{schema} has properties"));
        let answered = answer.as_object().unwrap();
        let mut documented: Vec<&String> = properties.keys().collect();
        let mut given: Vec<&String> = answered.keys().collect();
        documented.sort();
        given.sort();
        assert_eq!(documented, given, "{schema}");
        for required in doc["components"]["schemas"][schema]["required"]
            .as_array()
            .unwrap()
        {
            assert!(answered.contains_key(required.as_str().unwrap()));
        }
    }
    // The documented request body is what the server decodes.
    let request_in = doc["components"]["schemas"]["RequestIn"]["properties"]
        .as_object()
        .unwrap();
    let mut full = serde_json::Map::new();
    for key in request_in.keys() {
        full.insert(key.clone(), serde_json::Value::Null);
    }
    full.insert("country".into(), "KG".into());
    full.insert("needs".into(), serde_json::json!(["legal"]));
    full.insert("urgency".into(), "within_days".into());
    for list in [
        "groups",
        "risks",
        "family_needs",
        "languages",
        "consent_organizations",
    ] {
        full.insert(list.into(), serde_json::json!([]));
    }
    let decoded: Result<torchlight_core::intake::RequestDraft, _> =
        serde_json::from_value(serde_json::Value::Object(full));
    assert!(decoded.is_ok(), "{decoded:?}");
}

/// The request form is gzipped for slow connections; an answer that shows a
/// codename, and every staff page, never is (BREACH).
async fn only_pages_without_secrets_are_compressed(engine: Engine) {
    let staff = StaffApp::spawn(engine).await;
    let client = reqwest::Client::new();
    let encoding = |response: &reqwest::Response| {
        response
            .headers()
            .get("content-encoding")
            .map(|v| v.to_str().unwrap().to_owned())
    };
    let form = client
        .get(staff.app.url("/ka/request"))
        .header("Accept-Encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(encoding(&form).as_deref(), Some("gzip"));
    let org = Org::A.id().to_string();
    let receipt = client
        .post(staff.app.url("/request"))
        .header("Accept-Encoding", "gzip")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(
            serde_urlencoded::to_string([
                ("country", "KG"),
                ("needs", "legal"),
                ("urgency", "within_days"),
                ("send_to", org.as_str()),
            ])
            .unwrap(),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(receipt.status(), 201);
    assert_eq!(encoding(&receipt), None, "a receipt shows a codename");
    let login = client
        .get(staff.app.url("/staff/login"))
        .header("Accept-Encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(encoding(&login), None, "staff pages carry tokens");
}

both_engines!(
    only_pages_without_secrets_are_compressed,
    a_defender_asks_keeps_the_codename_follows_replies_and_reports_a_new_risk,
    a_wrong_codename_gets_the_same_page_whatever_it_was,
    a_bad_form_comes_back_as_typed_with_each_error_and_nothing_stored,
    a_second_request_is_withdrawn_after_a_confirmation_and_is_then_gone,
    the_guided_path_suggests_help_and_fills_the_request,
    the_json_api_takes_a_request_and_answers_its_status_by_header_only,
    the_json_api_names_every_bad_field_and_stores_nothing,
    intake_and_the_status_page_work_while_sealed,
    the_openapi_document_describes_intake_as_the_server_answers,
);
