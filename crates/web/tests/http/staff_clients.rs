//! Who the throttles count by: behind a trusted proxy, the client it names, so
//! one client's failures do not block another; with no proxy declared and every
//! visitor arriving from the loopback address (an onion service's tor daemon),
//! nobody in particular, so failures from "everyone" lock out no-one but the
//! accounts attacked.

use torchlight_web::WebConfig;

use crate::both_engines;
use crate::staff_support::{csrf_of, Browser, StaffApp};
use crate::support::Engine;

both_engines!(
    behind_a_trusted_proxy_each_named_client_has_its_own_limit,
    over_an_onion_service_failures_lock_only_the_accounts_tried,
);

/// A failed sign-in for `username`, as sent through a proxy that names
/// `client` (or names nobody); returns its status.
async fn wrong_sign_in(browser: &Browser, username: &str, client: Option<&str>) -> u16 {
    let form = browser.get("/staff/login").await;
    let csrf = csrf_of(&form.body).unwrap();
    let headers: Vec<(&str, &str)> = client
        .map(|client| ("x-forwarded-for", client))
        .into_iter()
        .collect();
    browser
        .post_with_headers(
            "/staff/login",
            &[
                ("csrf", &csrf),
                ("username", username),
                ("password", "a wrong guess"),
            ],
            &headers,
        )
        .await
        .status
}

async fn behind_a_trusted_proxy_each_named_client_has_its_own_limit(engine: Engine) {
    let app = StaffApp::spawn_with(
        engine,
        WebConfig {
            trusted_proxies: vec!["127.0.0.1".parse().unwrap()],
            ..WebConfig::default()
        },
    )
    .await;
    let browser = app.browser();
    // Twenty failures from one client, each on another account, reach the
    // client's limit; the client is refused on a fresh account too...
    for n in 0..20 {
        let status = wrong_sign_in(&browser, &format!("guess-{n}"), Some("203.0.113.7")).await;
        assert_eq!(status, 401, "attempt {n}");
    }
    assert_eq!(
        wrong_sign_in(&browser, "guess-fresh", Some("203.0.113.7")).await,
        429
    );
    // ...while another client behind the same proxy is not, and neither is a
    // client the proxy does not name: the shared address is no lock on everyone.
    assert_eq!(
        wrong_sign_in(&browser, "guess-fresh", Some("198.51.100.2")).await,
        401
    );
    assert_eq!(wrong_sign_in(&browser, "guess-other", None).await, 401);
    // A name the first client writes itself, in front of the proxy's, proves
    // nothing: the proxy's own entry is what counts.
    assert_eq!(
        wrong_sign_in(&browser, "guess-third", Some("198.51.100.2, 203.0.113.7")).await,
        429
    );
}

async fn over_an_onion_service_failures_lock_only_the_accounts_tried(engine: Engine) {
    // No proxy declared: every request comes from 127.0.0.1, as from tor.
    let app = StaffApp::spawn(engine).await;
    let browser = app.browser();
    for n in 0..25 {
        let status = wrong_sign_in(&browser, &format!("guess-{n}"), Some("203.0.113.7")).await;
        assert_eq!(status, 401, "attempt {n}: no per-address lock on everyone");
    }
    // The per-account limit still holds.
    for attempt in 0..5 {
        assert_eq!(
            wrong_sign_in(&browser, "attacked", None).await,
            401,
            "{attempt}"
        );
    }
    assert_eq!(wrong_sign_in(&browser, "attacked", None).await, 429);
}
