//! What a new caseworker met on the staff pages, fixed: errors keep the staff
//! header and lead back to the staff home, a form's error is not titled as a
//! search's, the language switch offers only the languages staff pages are
//! written in, the home links to the public directory, the access log speaks in
//! words, and every table can become cards on a narrow screen. Both engines.

use torchlight_core::access::Role;
use uuid::Uuid;

use crate::both_engines;
use crate::staff_support::{Org, Reply, StaffApp};
use crate::support::Engine;

fn assert_staff_error(reply: &Reply, status: u16) {
    assert_eq!(reply.status, status, "{}", reply.body);
    assert!(
        reply.body.contains("Torchlight · staff"),
        "the staff header: {}",
        reply.body
    );
    assert!(
        reply.body.contains("Go to the staff home"),
        "{}",
        reply.body
    );
    assert!(!reply.body.contains("Start a new search"), "{}", reply.body);
}

async fn staff_errors_keep_the_staff_layout_and_say_what_failed(engine: Engine) {
    let staff = StaffApp::spawn(engine).await;
    let caseworker = staff.sign_in(staff.member(Org::A, Role::Caseworker)).await;
    let missing = format!("/staff/cases/{}", Uuid::new_v4());
    assert_staff_error(&caseworker.browser.get(&missing).await, 404);
    assert_staff_error(&caseworker.browser.get("/staff/users").await, 403);
    // In Russian too.
    let reply = caseworker.browser.get(&format!("/ru{missing}")).await;
    assert_eq!(reply.status, 404);
    assert!(
        reply.body.contains("На главную страницу сотрудников"),
        "{}",
        reply.body
    );

    let coordinator = staff.sign_in(staff.member(Org::A, Role::Coordinator)).await;
    let erase = format!("/staff/cases/{}/erase", staff.case_of(Org::A));
    let reply = coordinator
        .browser
        .post(&erase, &[("csrf", coordinator.csrf.as_str())])
        .await;
    assert_staff_error(&reply, 400);
    assert!(
        reply.body.contains("This could not be accepted"),
        "{}",
        reply.body
    );
    assert!(!reply.body.contains("This search could not be read"));
    assert!(staff.case_exists(Org::A, staff.case_of(Org::A)).await);

    // A public page's error still offers a new search.
    let reply = staff.browser().get("/nothing-here").await;
    assert_eq!(reply.status, 404);
    assert!(reply.body.contains("Start a new search"));
}

async fn the_staff_switch_offers_the_staff_languages_and_home_links_the_directory(engine: Engine) {
    let staff = StaffApp::spawn(engine).await;
    let login = staff.browser().get("/staff/login").await;
    let offered: Vec<&str> = login
        .body
        .split("hreflang=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    assert_eq!(offered, ["en", "ru", "uk"]);
    let session = staff.sign_in(staff.member(Org::A, Role::Caseworker)).await;
    let home = session.browser.get("/ru/staff").await;
    assert!(
        home.body
            .contains(r#"<a href="/ru/find" id="public-directory">"#),
        "{}",
        home.body
    );
}

async fn the_access_log_speaks_in_words(engine: Engine) {
    let staff = StaffApp::spawn(engine).await;
    let coordinator = staff.sign_in(staff.member(Org::A, Role::Coordinator)).await;
    let case = staff.case_of(Org::A);
    assert_eq!(
        coordinator
            .browser
            .get(&format!("/staff/cases/{case}"))
            .await
            .status,
        200
    );
    let log = coordinator
        .browser
        .get(&format!("/staff/cases/{case}/access"))
        .await;
    assert_eq!(log.status, 200);
    assert!(log.body.contains("Opened the case"), "{}", log.body);
    assert!(!log.body.contains("<code>case.view</code>"), "{}", log.body);
    let log = coordinator
        .browser
        .get(&format!("/uk/staff/cases/{case}/access"))
        .await;
    assert!(log.body.contains("Відкрив(-ла) справу"), "{}", log.body);
}

async fn every_staff_table_cell_carries_its_label_for_narrow_screens(engine: Engine) {
    let staff = StaffApp::spawn(engine).await;
    let admin = staff
        .sign_in(staff.member(Org::A, Role::OrganizationAdmin))
        .await;
    let case = staff.case_of(Org::A);
    assert_eq!(
        admin
            .browser
            .get(&format!("/staff/cases/{case}"))
            .await
            .status,
        200
    );
    for path in [
        "/staff/cases".to_owned(),
        "/staff/users".to_owned(),
        format!("/staff/cases/{case}/access"),
    ] {
        let page = admin.browser.get(&path).await;
        assert_eq!(page.status, 200, "{path}");
        let table = page
            .body
            .split("<table")
            .nth(1)
            .unwrap_or_else(|| panic!("{path} has a table"));
        let table = table.split("</table>").next().unwrap_or_default();
        assert!(
            table.starts_with(r#" class=""#) && table.contains("cards"),
            "{path}"
        );
        let cells = table.matches("<td").count();
        assert!(cells > 0, "{path}");
        assert_eq!(cells, table.matches("<td data-label=").count(), "{path}");
    }
}

/// The options of the `<optgroup>` labelled `label`, by their text.
fn group_of(html: &str, label: &str) -> Vec<String> {
    let start = html
        .find(&format!(r#"<optgroup label="{label}">"#))
        .unwrap_or_else(|| panic!("a group {label}"));
    let group = &html[start..];
    let group = &group[..group.find("</optgroup>").unwrap_or(group.len())];
    group
        .split("<option value=")
        .skip(1)
        .filter_map(|option| option.split('>').nth(1)?.split('<').next())
        .map(str::to_owned)
        .collect()
}

async fn the_staff_country_list_puts_the_coalition_first_in_the_readers_order(engine: Engine) {
    let staff = StaffApp::spawn(engine).await;
    let session = staff.sign_in(staff.member(Org::A, Role::Caseworker)).await;
    let form = session.browser.get("/staff/cases/new").await;
    let coalition = group_of(&form.body, "Countries of the coalition");
    assert_eq!(
        coalition,
        [
            "Armenia",
            "Azerbaijan",
            "Belarus",
            "Georgia",
            "Kazakhstan",
            "Kyrgyzstan",
            "Tajikistan",
            "Ukraine"
        ]
    );
    let others = group_of(&form.body, "Other countries");
    let at = |name: &str| {
        others
            .iter()
            .position(|o| o == name)
            .unwrap_or_else(|| panic!("{name}"))
    };
    assert!(at("Afghanistan") < at("Åland Islands") && at("Åland Islands") < at("Albania"));
    assert!(!others.contains(&"Armenia".to_owned()), "not twice");
    let russian = session.browser.get("/ru/staff/cases/new").await;
    let coalition = group_of(&russian.body, "Страны коалиции");
    let mut sorted = coalition.clone();
    sorted.sort();
    assert_eq!(
        coalition, sorted,
        "Cyrillic names in the Russian order: {coalition:?}"
    );
}

async fn a_case_page_confirms_leads_back_and_hides_what_is_empty(engine: Engine) {
    let staff = StaffApp::spawn(engine).await;
    let session = staff.sign_in(staff.member(Org::A, Role::Coordinator)).await;
    let reply = session
        .browser
        .post(
            "/staff/cases",
            &[
                ("csrf", session.csrf.as_str()),
                ("name", "Б. Без контакта"),
                ("country", "KG"),
                ("urgency", "within_days"),
            ],
        )
        .await;
    assert_eq!(reply.status, 303);
    let location = reply.location().unwrap_or_default().to_owned();
    assert!(location.ends_with("?saved"), "{location}");
    let shown = session.browser.get(&location).await;
    assert!(shown.body.contains("The case is saved."), "{}", shown.body);
    assert!(shown
        .body
        .contains(r#"<a href="/staff/cases">All cases</a>"#));
    for empty in ["Safe way to reach them", "What happened"] {
        assert!(
            !shown.body.contains(empty),
            "no heading over nothing: {empty}"
        );
    }
    // The same page reached again says nothing of a save.
    let path = location.trim_end_matches("?saved");
    assert!(!session
        .browser
        .get(path)
        .await
        .body
        .contains("The case is saved."));

    let reply = session
        .browser
        .post(
            &format!("{path}/erase"),
            &[("csrf", session.csrf.as_str()), ("confirm", "yes")],
        )
        .await;
    assert_eq!(reply.status, 303);
    assert_eq!(reply.location(), Some("/staff/cases?erased"));
    let list = session.browser.get("/staff/cases?erased").await;
    assert!(
        list.body.contains("The case is erased for good."),
        "{}",
        list.body
    );
    assert_eq!(session.browser.get(path).await.status, 404);
}

async fn a_caseworker_corrects_a_case_and_the_access_log_says_so(engine: Engine) {
    let staff = StaffApp::spawn(engine).await;
    let session = staff.sign_in(staff.member(Org::A, Role::Coordinator)).await;
    let case = staff.case_of(Org::A);
    let path = format!("/staff/cases/{case}");
    let shown = session.browser.get(&path).await;
    assert!(shown
        .body
        .contains(&format!(r#"<a href="{path}/edit">Edit the case</a>"#)));
    let form = session.browser.get(&format!("{path}/edit")).await;
    assert_eq!(form.status, 200);
    assert!(form.body.contains(&format!(r#"action="{path}/edit""#)));
    assert!(form
        .body
        .contains(&format!(r#"<a href="{path}">Back to the case</a>"#)));
    assert!(
        form.body.contains(r#"name="name" required value=""#)
            && !form.body.contains(r#"name="name" required value="""#),
        "filled in with the case as it is: {}",
        form.body
    );

    let mut fields = vec![
        ("csrf", session.csrf.as_str()),
        ("name", "Р. Исправлено"),
        ("country", "KZ"),
        ("urgency", "threat_to_life"),
        ("narrative", ""),
    ];
    let reply = session.browser.post(&format!("{path}/edit"), &fields).await;
    assert_eq!(reply.status, 303, "{}", reply.body);
    assert_eq!(reply.location(), Some(format!("{path}?saved").as_str()));
    let shown = session.browser.get(&format!("{path}?saved")).await;
    assert!(
        shown.body.contains("<h1>Р. Исправлено</h1>"),
        "{}",
        shown.body
    );
    assert!(shown.body.contains("Kazakhstan") && shown.body.contains("The case is saved."));

    fields[1] = ("name", "");
    let reply = session.browser.post(&format!("{path}/edit"), &fields).await;
    assert_eq!(reply.status, 400);
    assert!(reply
        .body
        .contains(r##"<a href="#name">Name</a>: Please fill this in."##));
    assert!(
        reply.body.contains(&format!(r#"action="{path}/edit""#)),
        "still the edit form"
    );

    let log = session.browser.get(&format!("{path}/access")).await;
    assert!(log.body.contains("Edited the case"), "{}", log.body);
}

both_engines!(
    a_caseworker_corrects_a_case_and_the_access_log_says_so,
    a_case_page_confirms_leads_back_and_hides_what_is_empty,
    the_staff_country_list_puts_the_coalition_first_in_the_readers_order,
    staff_errors_keep_the_staff_layout_and_say_what_failed,
    the_staff_switch_offers_the_staff_languages_and_home_links_the_directory,
    the_access_log_speaks_in_words,
    every_staff_table_cell_carries_its_label_for_narrow_screens,
);
