//! The JSON API and its OpenAPI document.

use crate::both_engines;
use crate::support::{fixture, spawn_app, Engine};

async fn services_match_with_reasons_and_organization(engine: Engine) {
    let app = spawn_app(engine, &fixture()).await;
    let (status, body) = app
        .json("/api/v1/services?country=KG&support=digital_security")
        .await;
    assert_eq!(status, 200);
    assert_eq!(body["count"], 3);
    let first = &body["services"][0];
    assert_eq!(first["service"]["support"], "digital_security");
    assert!(first["service"]["organization"]["name"].is_string());
    let codes: Vec<&str> = first["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"support"), "{codes:?}");
    assert!(first["why"].as_str().unwrap().len() > 5);
    // The worldwide provider carries the worldwide reason.
    let worldwide = body["services"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["service"]["name"] == "Remote incident response")
        .unwrap();
    assert!(worldwide["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["code"] == "worldwide"));
}

async fn lower_case_country_is_accepted(engine: Engine) {
    let app = spawn_app(engine, &fixture()).await;
    let (status, body) = app
        .json("/api/v1/services?country=kg&support=digital_security")
        .await;
    assert_eq!(status, 200);
    assert_eq!(body["count"], 3);
}

async fn bad_parameters_are_400_naming_the_parameter(engine: Engine) {
    let app = spawn_app(engine, &fixture()).await;
    for (query, parameter) in [
        ("country=XX", "country"),
        ("country=Kyrgyzstan", "country"),
        ("support=digital-security", "support"),
        ("group=martians", "group"),
        ("language=klingon", "language"),
        ("format=carrier_pigeon", "format"),
        ("family=perhaps", "family"),
        ("region=KZ-ALA&country=KG", "region"),
        ("colour=blue", "colour"),
        ("country=KG&country=KZ", "country"),
    ] {
        let (status, body) = app.json(&format!("/api/v1/services?{query}")).await;
        assert_eq!(status, 400, "{query}");
        assert_eq!(body["error"]["parameter"], parameter, "{query}: {body}");
        assert!(body["error"]["message"].as_str().unwrap().len() > 5);
    }
}

async fn empty_results_carry_suggestions(engine: Engine) {
    let app = spawn_app(engine, &fixture()).await;
    let (status, body) = app
        .json("/api/v1/services?country=KG&support=digital_security&format=requires_travel")
        .await;
    assert_eq!(status, 200);
    assert_eq!(body["count"], 0);
    let suggestions = body["suggestions"].as_array().unwrap();
    assert!(!suggestions.is_empty());
    for s in suggestions {
        let (status, relaxed) = app.json(s["link"].as_str().unwrap()).await;
        assert_eq!(status, 200);
        assert_eq!(relaxed["count"], s["matches"], "{s}");
    }
}

async fn single_records_and_vocabularies(engine: Engine) {
    let app = spawn_app(engine, &fixture()).await;
    let (status, body) = app
        .json("/api/v1/services/00000000-0000-4000-8000-000000000101")
        .await;
    assert_eq!(status, 200);
    assert_eq!(body["coverage"]["regions"][0], "KG-GB");
    let (status, body) = app
        .json("/api/v1/services/00000000-0000-4000-8000-0000000000ff")
        .await;
    assert_eq!(status, 404);
    assert!(body["error"]["message"].is_string());
    let (status, body) = app.json("/api/v1/organizations").await;
    assert_eq!(status, 200);
    assert_eq!(body.as_array().unwrap().len(), 3);
    let (status, body) = app.json("/api/v1/taxonomy/support_type").await;
    assert_eq!(status, 200);
    assert_eq!(body.as_array().unwrap().len(), 27);
    let (status, _) = app.json("/api/v1/taxonomy/nonsense").await;
    assert_eq!(status, 404);
    let (status, body) = app.json("/api/v1/nothing-here").await;
    assert_eq!(status, 404);
    assert!(body["error"].is_object());
}

async fn openapi_document_describes_the_api(engine: Engine) {
    let app = spawn_app(engine, &fixture()).await;
    let (status, doc) = app.json("/api/v1/openapi.json").await;
    assert_eq!(status, 200);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let services = &doc["paths"]["/api/v1/services"]["get"];
    let params: Vec<&str> = services["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    for name in [
        "country", "region", "support", "group", "language", "format", "family",
    ] {
        assert!(params.contains(&name), "{name} missing from {params:?}");
    }
    assert!(services["responses"]["400"].is_object());
    assert!(doc["components"]["schemas"]["SearchResponse"].is_object());
}

both_engines!(
    services_match_with_reasons_and_organization,
    lower_case_country_is_accepted,
    bad_parameters_are_400_naming_the_parameter,
    empty_results_carry_suggestions,
    single_records_and_vocabularies,
    openapi_document_describes_the_api,
);
