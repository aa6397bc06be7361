//! The public pages: search, reasons, suggestions, service and organisation pages.

use crate::both_engines;
use crate::support::{fixture, spawn_app, Engine};

async fn search_lists_services_with_reasons(engine: Engine) {
    let app = spawn_app(engine, &fixture()).await;
    let (status, html) = app.text("/find?country=KG&support=digital_security").await;
    assert_eq!(status, 200);
    assert!(html.contains("Device check-up in Bishkek"), "{html}");
    assert!(html.contains("Osh helpline"));
    assert!(html.contains("Remote incident response"));
    assert!(html.contains("Why it matches:"));
    assert!(
        html.contains("international provider reaching any country"),
        "{html}"
    );
    assert!(html.contains("covers Bishkek (Kyrgyzstan)"));
    assert!(!html.contains("Shelter for Azerbaijani defenders"));
    // The chosen filters stay selected, so the defender can refine the search.
    assert!(html.contains(r#"<option value="KG" selected>"#));
    assert!(html.contains(r#"<option value="digital_security" selected>"#));
}

async fn region_and_group_narrow_the_search(engine: Engine) {
    let app = spawn_app(engine, &fixture()).await;
    let (status, html) = app
        .text("/find?region=KG-GO&support=digital_security&group=journalists")
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("Osh helpline"));
    assert!(
        html.contains("for Journalists") || html.contains("for journalists"),
        "{html}"
    );
    assert!(!html.contains("Device check-up in Bishkek"), "{html}");
}

async fn exile_services_show_for_the_home_country(engine: Engine) {
    let app = spawn_app(engine, &fixture()).await;
    let (_, html) = app.text("/find?country=AZ&support=temporary_shelter").await;
    assert!(html.contains("Shelter for Azerbaijani defenders"));
    assert!(
        html.contains("for defenders from Azerbaijan living in exile"),
        "{html}"
    );
}

async fn empty_results_suggest_what_to_try(engine: Engine) {
    let app = spawn_app(engine, &fixture()).await;
    let (status, html) = app
        .text("/find?country=KG&support=digital_security&language=hy")
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("no service matches all of your choices"));
    assert!(html.contains("Include services in other languages"));
    // The suggestion is a link that finds something.
    let link = "/find?country=KG&#38;support=digital_security";
    assert!(html.contains(link), "{html}");
    let (_, relaxed) = app.text("/find?country=KG&support=digital_security").await;
    assert!(relaxed.contains("Remote incident response"));
}

async fn no_dead_end_even_for_unserved_support(engine: Engine) {
    let app = spawn_app(engine, &fixture()).await;
    let (_, html) = app.text("/find?country=KG&support=visa").await;
    assert!(
        html.contains("Other kinds of support available in the country"),
        "{html}"
    );
}

async fn unknown_country_is_a_clear_400(engine: Engine) {
    let app = spawn_app(engine, &fixture()).await;
    let (status, html) = app.text("/find?country=XX").await;
    assert_eq!(status, 400);
    assert!(html.contains("«country»"), "{html}");
    assert!(
        html.contains("unknown country code &#39;XX&#39;")
            || html.contains("unknown country code 'XX'"),
        "{html}"
    );
    let (status, html) = app.text("/find?support=teleportation").await;
    assert_eq!(status, 400);
    assert!(html.contains("«support»"));
    let (status, _) = app.text("/find?page=0").await;
    assert_eq!(status, 400);
}

async fn service_page_shows_criteria_and_response_time(engine: Engine) {
    let app = spawn_app(engine, &fixture()).await;
    let (status, html) = app
        .text("/services/00000000-0000-4000-8000-000000000105")
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("Azerbaijani defenders who had to leave."));
    assert!(html.contains("within 3 days"));
    assert!(html.contains("you will need to travel"));
    assert!(html.contains("door@kura.example.org"));
    let (status, html) = app
        .text("/services/00000000-0000-4000-8000-000000000104")
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("not taking requests at the moment"));
    let (status, _) = app
        .text("/services/00000000-0000-4000-8000-00000000ffff")
        .await;
    assert_eq!(status, 404);
    let (status, _) = app.text("/services/not-a-uuid").await;
    assert_eq!(status, 404);
}

async fn organization_page_lists_its_services(engine: Engine) {
    let app = spawn_app(engine, &fixture()).await;
    let (status, html) = app
        .text("/organizations/00000000-0000-4000-8000-000000000001")
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("Device check-up in Bishkek"));
    assert!(html.contains("Osh helpline"));
    assert!(html.contains("Local civil society organisation"), "{html}");
}

async fn pages_escape_directory_text_and_load_nothing_else(engine: Engine) {
    let app = spawn_app(engine, &fixture()).await;
    for path in [
        "/",
        "/find?country=KG",
        "/organizations/00000000-0000-4000-8000-000000000002",
    ] {
        let (status, html) = app.text(path).await;
        assert_eq!(status, 200, "{path}");
        // The one link away is "leave quickly", a plain link that loads nothing.
        let exit = format!(r#"href="{}""#, torchlight_web::pages::QUICK_EXIT);
        assert!(html.contains(&exit), "{path} has no way to leave quickly");
        let html = html.replace(&exit, "");
        assert!(!html.contains("<script"), "{path} carries a script");
        assert!(!html.contains("src=\"http"), "{path} loads from elsewhere");
        assert!(
            !html.contains("href=\"http"),
            "{path} links a resource elsewhere"
        );
    }
    let (_, html) = app
        .text("/organizations/00000000-0000-4000-8000-000000000002")
        .await;
    assert!(
        html.contains("Global Shield &#60;script&#62;")
            || html.contains("Global Shield &lt;script&gt;"),
        "{html}"
    );
}

async fn allies_never_appear_on_public_pages(engine: Engine) {
    let app = spawn_app(engine, &fixture()).await;
    for path in [
        "/",
        "/find",
        "/find?country=KG",
        "/organizations/00000000-0000-4000-8000-000000000001",
        "/api/v1/services",
        "/api/v1/organizations",
    ] {
        let (_, body) = app.text(path).await;
        assert!(
            !body.contains("SECRET-ALLY-CONTACT"),
            "{path} shows an ally contact"
        );
    }
}

async fn home_page_and_stylesheet(engine: Engine) {
    let app = spawn_app(engine, &fixture()).await;
    let (status, html) = app.text("/").await;
    assert_eq!(status, 200);
    assert!(html.contains("Help for human rights defenders at risk"));
    assert!(html.contains("/find?country=KG"));
    let css = app.get("/static/style.css").await;
    assert_eq!(css.status(), 200);
    assert!(css.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/css"));
    let (status, _) = app.text("/no/such/page").await;
    assert_eq!(status, 404);
}

both_engines!(
    search_lists_services_with_reasons,
    region_and_group_narrow_the_search,
    exile_services_show_for_the_home_country,
    empty_results_suggest_what_to_try,
    no_dead_end_even_for_unserved_support,
    unknown_country_is_a_clear_400,
    service_page_shows_criteria_and_response_time,
    organization_page_lists_its_services,
    pages_escape_directory_text_and_load_nothing_else,
    allies_never_appear_on_public_pages,
    home_page_and_stylesheet,
);
