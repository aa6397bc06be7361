//! A caseworker's day over HTTP, as a browser without JavaScript does it, on
//! both engines: a defender's request lands in the triage queue and goes overdue;
//! the caseworker takes it, assesses it, refuses one need with a reason and
//! grants another, records the support and writes; the defender reads both
//! decisions with the alternatives, replies and reports a new risk, which
//! reopens the closed case and makes its follow-up due. Every bad form changes
//! nothing and comes back with its problems beside the fields.

use std::time::Duration;

use torchlight_core::access::Role;
use torchlight_core::CaseId;

use crate::staff_support::{text_of_id, Org, Reply, SignedIn, StaffApp};
use crate::support::Engine;

const HOUR: Duration = Duration::from_secs(3600);

/// The defender's request to organisation A: a lawyer and digital security,
/// a threat to life (a first answer within 2 hours).
async fn defender_asks(staff: &StaffApp) -> String {
    let org = Org::A.id().to_string();
    let received = staff
        .browser()
        .post(
            "/request",
            &[
                ("country", "KG"),
                ("needs", "legal"),
                ("needs", "digital_security"),
                ("urgency", "threat_to_life"),
                (
                    "narrative",
                    "Threatened after the protest; my phone was taken.",
                ),
                ("risks.0.type", "threat_to_life"),
                ("risks.0.affects", "defender"),
                ("send_to", &org),
            ],
        )
        .await;
    assert_eq!(received.status, 201, "{}", received.body);
    text_of_id(&received.body, "codename").expect("a codename")
}

/// The id of the first case the triage page links to.
fn first_case(triage: &Reply) -> CaseId {
    let marker = "href=\"/staff/cases/";
    let start = triage.body.find(marker).expect("a case in the queue") + marker.len();
    triage.body[start..start + 36].parse().expect("a case id")
}

async fn audit_length(staff: &StaffApp) -> usize {
    staff
        .store()
        .audit_entries(0, 1_000_000)
        .await
        .unwrap()
        .len()
}

/// The queue's count of open cases (the first cell of its total row).
async fn open_in_queue(signed: &SignedIn) -> i64 {
    let triage = signed.get("/staff/triage").await;
    let total = &triage.body[triage.body.find(r#"id="triage-total""#).expect("the total")..];
    let cell = &total[total.find("<td").unwrap()..];
    let start = cell.find('>').unwrap() + 1;
    let end = cell.find("</td>").unwrap();
    cell[start..end].trim().parse().expect("a count")
}

async fn actions_since(staff: &StaffApp, before: usize) -> Vec<String> {
    staff
        .store()
        .audit_entries(0, 1_000_000)
        .await
        .unwrap()
        .into_iter()
        .skip(before)
        .map(|entry| entry.event.action)
        .collect()
}

fn assert_back_at(reply: &Reply, case: CaseId, done: &str) {
    assert_eq!(reply.status, 303, "{}", reply.body);
    let location = reply.location().unwrap_or_default();
    assert!(
        location.starts_with(&format!("/staff/cases/{case}?done={done}")),
        "{location}"
    );
}

/// Every factor of the assessment form scored `score`, capacities `capacity`.
fn scores(score: &'static str, capacity: &'static str) -> Vec<(&'static str, &'static str)> {
    let mut fields = Vec::new();
    for threat in ["explicit", "pattern", "source_capacity", "escalation"] {
        fields.push((threat, score));
    }
    for vulnerability in [
        "exposure",
        "isolation",
        "digital",
        "dependants",
        "remoteness",
    ] {
        fields.push((vulnerability, score));
    }
    for c in ["network", "practices", "resources", "wellbeing"] {
        fields.push((c, capacity));
    }
    fields
}

fn field_names(prefix: &str, names: &[(&str, &'static str)]) -> Vec<(String, &'static str)> {
    names
        .iter()
        .map(|(name, value)| {
            let kind = match *name {
                "explicit" | "pattern" | "source_capacity" | "escalation" => "threat",
                "network" | "practices" | "resources" | "wellbeing" => "capacity",
                _ => "vulnerability",
            };
            (format!("{prefix}{kind}_{name}"), *value)
        })
        .collect()
}

async fn post_owned(signed: &SignedIn, path: &str, fields: &[(String, &str)]) -> Reply {
    let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    signed.post(path, &borrowed).await
}

async fn a_caseworkers_day_from_triage_to_a_reopened_case(engine: Engine) {
    let staff = StaffApp::spawn(engine).await;
    let codename = defender_asks(&staff).await;
    let mut caseworker = staff.sign_in(staff.member(Org::A, Role::Caseworker)).await;

    // The request is in the queue, and in the shared queue; within its target.
    let triage = caseworker.get("/staff/triage").await;
    assert_eq!(triage.status, 200, "{}", triage.body);
    assert_eq!(
        text_of_id(&triage.body, "triage-overdue").as_deref(),
        Some("0")
    );
    let case = first_case(&triage);
    assert!(
        !triage.body.contains("Threatened after the protest"),
        "the queue shows no content"
    );
    let shared = caseworker.get("/staff/triage?view=shared").await;
    assert!(shared.body.contains(&case.to_string()));

    // Three hours on, unanswered: overdue, marked and counted.
    staff.clock().advance(3 * HOUR);
    // Signed in again: an idle session ends long before three hours.
    caseworker = staff.sign_in(staff.member(Org::A, Role::Caseworker)).await;
    let triage = caseworker.get("/staff/triage").await;
    assert_eq!(
        text_of_id(&triage.body, "triage-overdue").as_deref(),
        Some("1"),
        "{}",
        triage.body
    );
    assert!(triage.body.contains("class=\"overdue\""));

    // Taken: assigned to the caseworker, taken up.
    let me = staff.member(Org::A, Role::Caseworker).id.to_string();
    let assigned = caseworker
        .post(&format!("/staff/cases/{case}/assign"), &[("assignee", &me)])
        .await;
    assert_back_at(&assigned, case, "assigned");
    let mine = caseworker.get("/staff/triage?view=mine").await;
    assert!(mine.body.contains(&case.to_string()));
    let shared = caseworker.get("/staff/triage?view=shared").await;
    assert!(!shared.body.contains(&case.to_string()));
    // Not to an account of another organisation.
    let theirs = staff.member(Org::B, Role::Caseworker).id.to_string();
    let refused = caseworker
        .post(
            &format!("/staff/cases/{case}/assign"),
            &[("assignee", &theirs)],
        )
        .await;
    assert_eq!(refused.status, 400, "{}", refused.body);
    let taken = caseworker
        .post(
            &format!("/staff/cases/{case}/status"),
            &[("status", "open")],
        )
        .await;
    assert_back_at(&taken, case, "status");

    // Assessed: all 13 factors or nothing.
    let form = caseworker.get(&format!("/staff/cases/{case}/assess")).await;
    assert_eq!(form.status, 200);
    let before = audit_length(&staff).await;
    let partial = post_owned(
        &caseworker,
        &format!("/staff/cases/{case}/assess"),
        &field_names("", &scores("3", "0"))[..5],
    )
    .await;
    assert_eq!(partial.status, 400);
    assert!(partial.body.contains("Not scored"), "{}", partial.body);
    assert_eq!(audit_length(&staff).await, before, "nothing recorded");
    let mut fields = field_names("", &scores("3", "0"));
    fields.push(("note".to_owned(), "Summoned twice; phone seized."));
    let assessed = post_owned(&caseworker, &format!("/staff/cases/{case}/assess"), &fields).await;
    assert_back_at(&assessed, case, "assessed");
    let page = caseworker.get(&format!("/staff/cases/{case}")).await;
    assert_eq!(
        text_of_id(&page.body, "case-risk").as_deref(),
        Some("Critical")
    );
    let facts = &page.body[page
        .body
        .find(r#"id="request-facts""#)
        .expect("the request")..];
    let facts = &facts[..facts.find("</dl>").unwrap()];
    assert!(facts.contains("Threat to life, the defender"), "{facts}");
    assert!(
        facts.contains("Keep it with this organisation only"),
        "choices in words: {facts}"
    );
    assert!(page
        .body
        .contains("Threats 3.00 × vulnerabilities 3.00 ÷ capacities 0.00"));
    assert!(page.body.contains("Summoned twice; phone seized."));
    assert!(
        page.body.contains(r#"id="case-follow-up""#),
        "reassessment set"
    );

    // A refusal without reason or explanation is refused, beside its fields.
    let before = audit_length(&staff).await;
    let bare = caseworker
        .post(
            &format!("/staff/cases/{case}/decide"),
            &[
                ("person", "defender"),
                ("need", "digital_security"),
                ("outcome", "refused"),
            ],
        )
        .await;
    assert_eq!(bare.status, 400, "{}", bare.body);
    assert!(bare.body.contains("field-error"));
    assert_eq!(
        actions_since(&staff, before).await,
        ["case.view"],
        "the case shown again is a view; nothing else recorded"
    );

    // One need refused with a reason, the other granted.
    let refused = caseworker
        .post(
            &format!("/staff/cases/{case}/decide"),
            &[
                ("person", "defender"),
                ("need", "digital_security"),
                ("outcome", "refused"),
                ("reason", "lack_of_resources"),
                (
                    "explanation",
                    "Our two technologists are fully booked this month.",
                ),
            ],
        )
        .await;
    assert_back_at(&refused, case, "decided");
    let granted = caseworker
        .post(
            &format!("/staff/cases/{case}/decide"),
            &[
                ("person", "defender"),
                ("need", "legal"),
                ("outcome", "granted"),
            ],
        )
        .await;
    assert_back_at(&granted, case, "decided");
    // A need the defender never named cannot be decided.
    let unasked = caseworker
        .post(
            &format!("/staff/cases/{case}/decide"),
            &[
                ("person", "defender"),
                ("need", "visa"),
                ("outcome", "granted"),
            ],
        )
        .await;
    assert_eq!(unasked.status, 400);

    // Support recorded, with money; a bad amount is refused beside its field.
    let wrong = caseworker
        .post(
            &format!("/staff/cases/{case}/support"),
            &[
                ("support", "legal"),
                ("person", "defender"),
                ("amount", "15 000,555"),
                ("currency", "KGS"),
                ("from", "2026-12-02"),
                ("provider", "Ala-Too Digital Circle"),
            ],
        )
        .await;
    assert_eq!(wrong.status, 400);
    assert!(wrong.body.contains("15 000,555"), "what was typed is kept");
    let support = caseworker
        .post(
            &format!("/staff/cases/{case}/support"),
            &[
                ("support", "legal"),
                ("person", "defender"),
                ("amount", "15 000"),
                ("currency", "kgs"),
                ("from", "2026-12-02"),
                ("provider", "Ala-Too Digital Circle"),
                ("notes", "Lawyer for the questioning on Friday."),
            ],
        )
        .await;
    assert_back_at(&support, case, "support");

    // A message; the first answer stops the clock.
    let empty = caseworker
        .post(&format!("/staff/cases/{case}/message"), &[("text", "  ")])
        .await;
    assert_eq!(empty.status, 400);
    let sent = caseworker
        .post(
            &format!("/staff/cases/{case}/message"),
            &[("text", "A lawyer will call you today.")],
        )
        .await;
    assert_back_at(&sent, case, "message");
    let triage = caseworker.get("/staff/triage").await;
    assert_eq!(
        text_of_id(&triage.body, "triage-overdue").as_deref(),
        Some("0")
    );

    // A family member, who receives support in their own right.
    let family = caseworker
        .post(
            &format!("/staff/cases/{case}/family"),
            &[
                ("name", "Aida"),
                ("relation", "daughter"),
                ("needs", "psychological"),
            ],
        )
        .await;
    assert_back_at(&family, case, "family");
    let page = caseworker.get(&format!("/staff/cases/{case}")).await;
    assert!(page.body.contains("15000 KGS"), "{}", page.body);
    assert!(page.body.contains("Aida"));
    assert!(page.body.contains(r#"id="decide-defender-legal""#));

    // The defender reads both decisions, the reason, the alternative and the
    // message; the organisation's notes stay on its side.
    let browser = staff.browser();
    let status = browser.post("/status", &[("codename", &codename)]).await;
    assert_eq!(status.status, 200);
    let decisions = &status.body[status
        .body
        .find("id=\"status-decisions\"")
        .expect("decisions")..];
    assert!(decisions.contains("not granted"), "{decisions}");
    assert!(decisions.contains("granted"));
    assert!(
        decisions.contains("Reason: Provider out of resources"),
        "{decisions}"
    );
    assert!(decisions.contains("fully booked this month"));
    assert!(
        decisions.contains("Remote incident response"),
        "another organisation's service for the refused need"
    );
    assert!(status.body.contains("A lawyer will call you today."));
    assert!(
        !status.body.contains("Summoned twice"),
        "assessment notes stay"
    );
    assert!(!status.body.contains("Lawyer for the questioning"));

    // The caseworker closes the case; the defender replies, then reports a
    // new risk: the case reopens, waits again and its follow-up is due.
    let open_before = open_in_queue(&caseworker).await;
    let closed = caseworker
        .post(
            &format!("/staff/cases/{case}/status"),
            &[("status", "closed")],
        )
        .await;
    assert_back_at(&closed, case, "status");
    assert_eq!(
        open_in_queue(&caseworker).await,
        open_before - 1,
        "closed: out of the counts"
    );
    let replied = browser
        .post(
            "/status/reply",
            &[("codename", &codename), ("message", "Thank you.")],
        )
        .await;
    assert_eq!(replied.status, 200);
    staff.clock().advance(HOUR);
    let reported = browser
        .post(
            "/status/report",
            &[
                ("codename", &codename),
                ("risk_type", "illegal_detention"),
                ("text", "They came to my flat last night."),
            ],
        )
        .await;
    assert_eq!(reported.status, 200, "{}", reported.body);
    caseworker = staff.sign_in(staff.member(Org::A, Role::Caseworker)).await;
    let page = caseworker.get(&format!("/staff/cases/{case}")).await;
    assert!(page.body.contains(r#"data-status="open""#), "reopened");
    assert!(page.body.contains("They came to my flat last night."));
    assert_eq!(
        open_in_queue(&caseworker).await,
        open_before,
        "reopened: counted again"
    );
    let follow_ups = caseworker.get("/staff/follow-ups").await;
    assert_eq!(follow_ups.status, 200);
    assert!(follow_ups.body.contains(&case.to_string()));
    assert!(follow_ups.body.contains("due now"));

    // The follow-up made; the next one is a week on (the risk is critical).
    let done = caseworker
        .post(
            &format!("/staff/cases/{case}/follow-up"),
            &[("note", "Called: safe at a friend's place.")],
        )
        .await;
    assert_back_at(&done, case, "follow-up");
    let follow_ups = caseworker.get("/staff/follow-ups").await;
    assert!(
        follow_ups.body.contains(&case.to_string()),
        "due within the week"
    );
    assert!(!follow_ups.body.contains("due now"), "but not now");

    // Each change is in the case's access trail, in words.
    let coordinator = staff.sign_in(staff.member(Org::A, Role::Coordinator)).await;
    let trail = coordinator
        .get(&format!("/staff/cases/{case}/access"))
        .await;
    for words in [
        "Assigned the case",
        "Assessed the risk",
        "Decided on a need",
        "Recorded support given",
        "Wrote to the defender",
        "Added a family member",
        "Recorded a follow-up",
    ] {
        assert!(trail.body.contains(words), "{words}");
    }
}

/// Another organisation's staff can neither see nor change the case; an analyst
/// of the same organisation cannot change it either.
async fn case_work_stays_within_the_organisation(engine: Engine) {
    let staff = StaffApp::spawn(engine).await;
    let case = staff.case_of(Org::A);
    let other = staff.sign_in(staff.member(Org::B, Role::Coordinator)).await;
    let before = audit_length(&staff).await;
    for (path, fields) in [
        ("message", vec![("text", "hello")]),
        (
            "decide",
            vec![
                ("person", "defender"),
                ("need", "legal"),
                ("outcome", "granted"),
            ],
        ),
        ("follow-up", vec![("note", "x")]),
        ("family", vec![("name", "x")]),
        ("status", vec![("status", "closed")]),
    ] {
        let reply = other
            .post(&format!("/staff/cases/{case}/{path}"), &fields)
            .await;
        assert_eq!(reply.status, 404, "{path}: {}", reply.body);
    }
    let assess = other.get(&format!("/staff/cases/{case}/assess")).await;
    assert_eq!(assess.status, 404);
    let queue = other.get("/staff/triage").await;
    assert!(!queue.body.contains(&case.to_string()));
    // Only views were recorded (the queue's), no change to A's case.
    let actions = actions_since(&staff, before).await;
    assert!(actions.iter().all(|a| a == "triage.view"), "{actions:?}");
}

/// The organisation sets its own time targets; out of order is refused as
/// typed and changes nothing.
async fn time_targets_are_the_organisations_own(engine: Engine) {
    let staff = StaffApp::spawn(engine).await;
    let admin = staff
        .sign_in(staff.member(Org::A, Role::OrganizationAdmin))
        .await;
    let form = admin.get("/staff/triage/targets").await;
    assert_eq!(form.status, 200);
    assert!(form.body.contains(r#"name="detained_now" value="2""#));
    let wrong = admin
        .post(
            "/staff/triage/targets",
            &[
                ("detained_now", "48"),
                ("threat_to_life", "2"),
                ("within_days", "24"),
                ("not_urgent", "120"),
            ],
        )
        .await;
    assert_eq!(wrong.status, 400);
    assert!(wrong.body.contains(r#"name="detained_now" value="48""#));
    let saved = admin
        .post(
            "/staff/triage/targets",
            &[
                ("detained_now", "1"),
                ("threat_to_life", "2"),
                ("within_days", "12"),
                ("not_urgent", "72"),
            ],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let triage = admin.get("/staff/triage").await;
    assert!(triage.body.contains("12 hours"), "{}", triage.body);
    // Another organisation keeps the defaults.
    let other = staff
        .sign_in(staff.member(Org::B, Role::OrganizationAdmin))
        .await;
    let theirs = other.get("/staff/triage/targets").await;
    assert!(theirs.body.contains(r#"name="within_days" value="24""#));
}

/// Staff pages follow the account's language; a language in the path wins.
async fn staff_pages_follow_the_accounts_language(engine: Engine) {
    let staff = StaffApp::spawn(engine).await;
    let caseworker = staff.sign_in(staff.member(Org::A, Role::Caseworker)).await;
    let english = caseworker.get("/staff/triage").await;
    assert!(english.body.contains("<h1>Triage queue</h1>"));
    let refused = caseworker
        .post("/staff/language", &[("locale", "ka")])
        .await;
    assert_eq!(refused.status, 400, "no staff pages in Georgian");
    let chosen = caseworker
        .post("/staff/language", &[("locale", "ru")])
        .await;
    assert_eq!(chosen.status, 303, "{}", chosen.body);
    let russian = caseworker.get("/staff/triage").await;
    assert!(
        russian.body.contains("<h1>Очередь дел</h1>"),
        "{}",
        russian.body
    );
    assert!(russian.body.contains(r#"<html lang="ru">"#));
    let ukrainian = caseworker.get("/uk/staff/triage").await;
    assert!(
        ukrainian.body.contains(r#"<html lang="uk">"#),
        "the path wins"
    );
    let browser = caseworker.post("/staff/language", &[("locale", "")]).await;
    assert_eq!(browser.status, 303);
    let english = caseworker.get("/staff/triage").await;
    assert!(english.body.contains("<h1>Triage queue</h1>"));
}

crate::both_engines!(
    a_caseworkers_day_from_triage_to_a_reopened_case,
    case_work_stays_within_the_organisation,
    time_targets_are_the_organisations_own,
    staff_pages_follow_the_accounts_language,
);
