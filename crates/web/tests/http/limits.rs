//! Security headers and request limits.

use crate::both_engines;
use crate::support::{fixture, spawn_app, Engine};

async fn every_response_carries_the_security_headers(engine: Engine) {
    let app = spawn_app(engine, &fixture()).await;
    for path in [
        "/",
        "/find?country=KG",
        "/api/v1/services",
        "/healthz",
        "/nothing",
        "/find?country=XX",
    ] {
        let response = app.get(path).await;
        let headers = response.headers();
        let csp = headers["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("default-src 'none'"), "{path}: {csp}");
        assert!(!csp.contains("unsafe-inline"), "{path}: {csp}");
        assert!(
            !csp.contains("script-src"),
            "{path}: scripts must stay forbidden"
        );
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(headers["referrer-policy"], "no-referrer", "{path}");
        assert_eq!(headers["x-frame-options"], "DENY", "{path}");
        if path != "/static/style.css" {
            assert_eq!(headers["cache-control"], "no-store", "{path}");
        }
    }
}

async fn healthz_answers_when_ready(engine: Engine) {
    let app = spawn_app(engine, &fixture()).await;
    let (status, body) = app.text("/healthz").await;
    assert_eq!(status, 200);
    assert_eq!(body, "ok");
}

async fn oversized_bodies_are_refused(engine: Engine) {
    let app = spawn_app(engine, &fixture()).await;
    let big = vec![b'x'; torchlight_web::body_limit::DEFAULT_MAX_BODY_BYTES + 1];
    let response = app
        .client
        .post(app.url("/api/v1/services"))
        .body(big)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 413);
    let body: serde_json::Value = response.json().await.unwrap();
    assert!(body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("512 KiB"));
    // Nothing changed: the directory answers as before.
    let (status, body) = app
        .json("/api/v1/services?country=KG&support=digital_security")
        .await;
    assert_eq!(status, 200);
    assert_eq!(body["count"], 3);
}

async fn writes_to_read_only_routes_are_refused(engine: Engine) {
    let app = spawn_app(engine, &fixture()).await;
    let response = app
        .client
        .post(app.url("/find"))
        .body("country=KG")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 405);
}

both_engines!(
    every_response_carries_the_security_headers,
    healthz_answers_when_ready,
    oversized_bodies_are_refused,
    writes_to_read_only_routes_are_refused,
);
