//! Languages: every public page in every locale, with no raw key and no English left;
//! how the language is chosen; links that keep it.

use torchlight_i18n::Locale;

use crate::both_engines;
use crate::support::{fixture, spawn_app, Engine, TestApp};

const SERVICE: &str = "/services/00000000-0000-4000-8000-000000000101";
const ORGANIZATION: &str = "/organizations/00000000-0000-4000-8000-000000000001";

/// Every public page, with the status it answers.
const PAGES: [(&str, u16); 7] = [
    ("/", 200),
    ("/find?country=KG&support=digital_security", 200),
    // Nothing matches: the page suggests other searches.
    ("/find?country=KG&support=digital_security&language=hy", 200),
    ("/find?country=XX", 400),
    (SERVICE, 200),
    (ORGANIZATION, 200),
    ("/no/such/page", 404),
];

/// Sentences of `locales/en/public.ftl` and English vocabulary labels that a page in
/// another language must not show. The fixture's own texts are English and are
/// allowed (they carry `lang="en"`), so none of these occur in them.
const ENGLISH: [&str; 21] = [
    "Skip to content",
    "Leave quickly",
    "Find help",
    "Help for human rights defenders at risk",
    "Where are you?",
    "More filters",
    "Why it matches:",
    "Usually answers",
    "no service matches all of your choices",
    "Try one of these instead:",
    "Include services in other languages",
    "Who can ask for it",
    "How to reach them",
    "Offered by",
    "Works in",
    "There is nothing at this address.",
    "This search could not be read",
    "Start a new search",
    "does not track you",
    "(Kyrgyzstan)",
    "Digital security assistance",
];

async fn get_with(app: &TestApp, path: &str, accept_language: Option<&str>) -> reqwest::Response {
    let mut request = app.client.get(app.url(path));
    if let Some(value) = accept_language {
        request = request.header("accept-language", value);
    }
    request.send().await.expect("request")
}

fn header(response: &reqwest::Response, name: &str) -> String {
    response
        .headers()
        .get_all(name)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect::<Vec<_>>()
        .join(", ")
}

async fn every_page_renders_in_every_locale(engine: Engine) {
    let app = spawn_app(engine, &fixture()).await;
    let mut problems = Vec::new();
    for locale in Locale::all() {
        let code = locale.code();
        for (path, status) in PAGES {
            let prefixed = format!("/{code}{path}");
            let response = app.get(&prefixed).await;
            if response.status().as_u16() != status {
                problems.push(format!("{prefixed}: status {}", response.status()));
            }
            if header(&response, "content-language") != code {
                problems.push(format!("{prefixed}: Content-Language is not {code}"));
            }
            let html = response.text().await.expect("body");
            if !html.contains(&format!("<html lang=\"{code}\">")) {
                problems.push(format!("{prefixed}: no <html lang=\"{code}\">"));
            }
            if !html.contains(r#"<a id="quick-exit""#) {
                problems.push(format!("{prefixed}: no \"leave quickly\" link"));
            }
            if let Some(at) = html.find('⟦') {
                let end = html[at..].find('⟧').map_or(html.len(), |e| at + e + 3);
                problems.push(format!("{prefixed}: missing message {}", &html[at..end]));
            }
            if locale != Locale::ENGLISH {
                for sentence in ENGLISH {
                    if html.contains(sentence) {
                        problems.push(format!("{prefixed}: English left: {sentence:?}"));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

async fn accept_language_chooses_without_a_prefix(engine: Engine) {
    let app = spawn_app(engine, &fixture()).await;
    let response = get_with(&app, "/find?country=KG", Some("ru-RU,ru;q=0.9,en;q=0.8")).await;
    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, "content-language"), "ru");
    assert!(
        header(&response, "vary")
            .to_ascii_lowercase()
            .contains("accept-language"),
        "{:?}",
        response.headers()
    );
    let html = response.text().await.unwrap();
    assert!(html.contains("<html lang=\"ru\">"));
    // Links stay unprefixed: the header keeps choosing.
    assert!(html.contains(r#"action="/find""#), "{html}");
    assert!(html.contains(r#"href="/services/00000000-0000-4000-8000-000000000101""#));

    let response = get_with(&app, "/", Some("de-DE,de;q=0.9,uk;q=0.5")).await;
    assert_eq!(header(&response, "content-language"), "uk");
    let response = get_with(&app, "/", Some("de-DE,fr;q=0.5")).await;
    assert_eq!(header(&response, "content-language"), "en");
    let response = get_with(&app, "/", None).await;
    assert_eq!(header(&response, "content-language"), "en");
    // The prefix wins over the header.
    let response = get_with(&app, "/kk/", Some("ru")).await;
    assert_eq!(header(&response, "content-language"), "kk");
    // The API keeps English.
    let response = get_with(&app, "/api/v1/services?country=KG", Some("ru")).await;
    let body: serde_json::Value = response.json().await.unwrap();
    assert!(
        body["services"][0]["why"].as_str().unwrap().is_ascii(),
        "{body}"
    );
}

async fn prefixes_route_and_links_keep_them(engine: Engine) {
    let app = spawn_app(engine, &fixture()).await;
    for path in ["/ru", "/ru/"] {
        let (status, html) = app.text(path).await;
        assert_eq!(status, 200, "{path}");
        assert!(html.contains("<html lang=\"ru\">"), "{path}");
    }
    let (status, _) = app.text("/xx/find").await;
    assert_eq!(status, 404);
    let (status, _) = app.text("/RU/find").await;
    assert_eq!(status, 404);
    let (status, _) = app.text("/ru/static/style.css").await;
    assert_eq!(status, 200);

    for path in [
        "/ru/",
        "/ru/find?country=KG&support=digital_security",
        "/ru/find?country=KG&support=digital_security&language=hy",
        "/ru/find?country=XX",
        "/ru/services/00000000-0000-4000-8000-000000000101",
        "/ru/organizations/00000000-0000-4000-8000-000000000001",
        "/ru/nothing/here",
    ] {
        let (_, html) = app.text(path).await;
        // The language switch links to every language; every other internal link
        // keeps Russian.
        let start = html
            .find(r#"<nav class="languages""#)
            .expect("language switch");
        let end = start + html[start..].find("</nav>").expect("switch ends");
        let rest = format!("{}{}", &html[..start], &html[end..]);
        let mut internal = 0;
        for link in rest
            .split(r#"href=""#)
            .skip(1)
            .chain(rest.split(r#"action=""#).skip(1))
        {
            let target = &link[..link.find('"').unwrap()];
            if target.starts_with('/') && !target.starts_with("/static/") {
                internal += 1;
                assert!(target.starts_with("/ru/"), "{path} links to {target}");
            }
        }
        assert!(internal >= 2, "{path}: {internal} internal links");
    }
}

async fn the_switch_links_to_the_same_search_in_each_language(engine: Engine) {
    let app = spawn_app(engine, &fixture()).await;
    let (_, html) = app.text("/ru/find?country=KG&support=legal").await;
    assert!(
        html.contains(r#"<nav class="languages" aria-label=""#),
        "{html}"
    );
    for locale in Locale::all() {
        let code = locale.code();
        let link = format!(
            r#"<a href="/{code}/find?country=KG&#38;support=legal" lang="{code}" hreflang="{code}""#
        );
        assert!(html.contains(&link), "no {link} in {html}");
        assert!(html.contains(&format!(">{}</a>", locale.native_name())));
    }
    assert!(html.contains(
        r#"<a href="/ru/find?country=KG&#38;support=legal" lang="ru" hreflang="ru" aria-current="true">Русский</a>"#
    ));
    assert_eq!(html.matches("aria-current").count(), 1);
    // Without a prefix the switch still names every language, the home page too.
    let (_, html) = app.text("/").await;
    assert!(
        html.contains(r#"<a href="/uk/" lang="uk" hreflang="uk">"#),
        "{html}"
    );
    assert!(html.contains(r#"<a href="/en/" lang="en" hreflang="en" aria-current="true">"#));
}

async fn directory_texts_use_their_translation_or_say_they_are_english(engine: Engine) {
    let mut directory = fixture();
    let service = directory
        .services
        .iter_mut()
        .find(|s| s.name == "Device check-up in Bishkek")
        .unwrap();
    service.translations.insert(
        torchlight_core::Code::parse(torchlight_core::Vocabulary::Language, "ru").unwrap(),
        serde_json::from_value(serde_json::json!({
            "name": "Проверка устройств в Бишкеке",
            "eligibility": "Любой правозащитник, работающий в Кыргызстане."
        }))
        .unwrap(),
    );
    let app = spawn_app(engine, &directory).await;
    let (_, html) = app.text(&format!("/ru{SERVICE}")).await;
    assert!(
        html.contains(r#"<h1 lang="ru">Проверка устройств в Бишкеке</h1>"#),
        "{html}"
    );
    assert!(html.contains(r#"<p lang="ru">Любой правозащитник"#));
    // No Russian description: the original, marked as English.
    assert!(html.contains(r#"<p lang="en">We check phones and laptops for spyware.</p>"#));
    let (_, html) = app.text(&format!("/uk{SERVICE}")).await;
    assert!(
        html.contains(r#"<h1 lang="en">Device check-up in Bishkek</h1>"#),
        "{html}"
    );
    let (_, html) = app
        .text("/ru/find?country=KG&support=digital_security")
        .await;
    assert!(
        html.contains(r#"lang="ru">Проверка устройств в Бишкеке</a>"#),
        "{html}"
    );
}

both_engines!(
    every_page_renders_in_every_locale,
    accept_language_chooses_without_a_prefix,
    prefixes_route_and_links_keep_them,
    the_switch_links_to_the_same_search_in_each_language,
    directory_texts_use_their_translation_or_say_they_are_english,
);
