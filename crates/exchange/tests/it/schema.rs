//! The HSDS export is a valid HSDS dataset: every organization validates against
//! organization.json and every service against service.json, $refs resolved from the
//! schema folder.

use serde_json::Value;
use torchlight_exchange::export_hsds;

use crate::common::{full_directory, schema_errors, taxonomy, validator};

#[test]
fn every_exported_organization_and_service_is_valid_hsds() {
    let taxonomy = taxonomy();
    let directory = full_directory(taxonomy);
    let exported = export_hsds(&directory, taxonomy);
    let organizations = exported.as_array().expect("an array of organizations");
    assert_eq!(organizations.len(), directory.organizations.len());

    let organization_schema = validator("organization");
    let service_schema = validator("service");
    let mut services = 0;
    for org in organizations {
        let errors = schema_errors(organization_schema, org);
        assert!(
            errors.is_empty(),
            "organization {} is not valid HSDS: {errors:#?}",
            org["id"]
        );
        for service in org["services"].as_array().expect("services nested") {
            let errors = schema_errors(service_schema, service);
            assert!(
                errors.is_empty(),
                "service {} is not valid HSDS: {errors:#?}",
                service["id"]
            );
            services += 1;
        }
    }
    assert_eq!(services, directory.services.len());
}

#[test]
fn the_validator_does_reject_invalid_records() {
    // Guards the test above against a validator that accepts anything (for instance
    // because the $refs did not resolve to the real schemas).
    let organization_schema = validator("organization");
    let bad = serde_json::json!({
        "id": "not-a-uuid",
        "name": "x",
        "description": "x",
        "attributes": [{"id": "0b6a2a5e-4c9a-4b8e-9d33-3c5d0b7a1f00", "taxonomy_term": {"id": 5}}]
    });
    let errors = schema_errors(organization_schema, &bad);
    assert!(errors.iter().any(|e| e.starts_with("/id")), "{errors:#?}");
    assert!(
        errors
            .iter()
            .any(|e| e.contains("/attributes/0/taxonomy_term")),
        "{errors:#?}"
    );

    let service_schema = validator("service");
    let bad = serde_json::json!({"id": "0b6a2a5e-4c9a-4b8e-9d33-3c5d0b7a1f00", "name": "x", "status": "open"});
    assert!(!schema_errors(service_schema, &bad).is_empty());
}

#[test]
fn nothing_staff_only_or_located_is_exported() {
    let taxonomy = taxonomy();
    let directory = full_directory(taxonomy);
    let text = export_hsds(&directory, taxonomy).to_string();
    for ally in &directory.allies {
        assert!(
            !text.contains(&ally.contact),
            "ally contact leaked: {}",
            ally.contact
        );
        assert!(
            !text.contains(&ally.name),
            "ally name leaked: {}",
            ally.name
        );
    }
    for key in [
        "\"locations\"",
        "\"addresses\"",
        "\"latitude\"",
        "\"longitude\"",
        "\"service_at_locations\"",
    ] {
        assert!(!text.contains(key), "{key} exported");
    }
}

#[test]
fn public_contact_feeds_hsds_contact_fields_when_it_parses() {
    let taxonomy = taxonomy();
    let directory = full_directory(taxonomy);
    let exported = export_hsds(&directory, taxonomy);
    let org = |i: usize| &exported[i];
    assert_eq!(org(0)["email"], "help@example.kg");
    assert_eq!(org(0)["website"], "https://example.kg/help?lang=ru");
    assert_eq!(org(0)["phones"][0]["number"], "+996 555 123 456");
    assert!(org(1).get("email").is_none() && org(1).get("phones").is_none());
    assert_eq!(org(2)["phones"].as_array().map(Vec::len), Some(2));
    // Not a URL: kept verbatim in an attribute instead of HSDS `website`.
    assert!(org(2).get("website").is_none());
    let has_website_attribute = org(2)["attributes"].as_array().unwrap().iter().any(|a| {
        a["link_type"] == "website" && a["value"] == "www.example.ua (mirror: example dot ua)"
    });
    assert!(has_website_attribute);
}

#[test]
fn services_say_status_wait_time_languages_and_areas_in_hsds_terms() {
    let taxonomy = taxonomy();
    let directory = full_directory(taxonomy);
    let exported = export_hsds(&directory, taxonomy);
    let services: Vec<&Value> = exported
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|o| o["services"].as_array().unwrap())
        .collect();
    let by_name = |name: &str| *services.iter().find(|s| s["name"] == name).unwrap();
    let legal = by_name("Lawyers on call");
    assert_eq!(legal["status"], "active");
    assert_eq!(legal["wait_time"], "within 24 hours");
    assert_eq!(legal["languages"][0]["code"], "ky");
    assert_eq!(legal["service_areas"][0]["extent_type"], "text");
    assert_eq!(legal["service_areas"][0]["extent"], "KG");
    let osh = by_name("Counselling in Osh");
    assert_eq!(osh["status"], "inactive");
    assert_eq!(osh["wait_time"], "within about 3 days");
    assert_eq!(osh["service_areas"][0]["extent"], "KG-O");
    let relocation = by_name("Emergency relocation");
    assert_eq!(relocation["service_areas"][0]["name"], "Worldwide");
    assert_eq!(relocation["wait_time"], "within 2 weeks");

    // One HSDS taxonomy per vocabulary, named torchlight:<vocabulary>.
    let support = legal["attributes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["link_type"] == "support")
        .unwrap();
    assert_eq!(support["taxonomy_term"]["code"], "legal");
    assert_eq!(support["taxonomy_term"]["taxonomy"], "torchlight");
    assert_eq!(
        support["taxonomy_term"]["taxonomy_detail"]["name"],
        "torchlight:support_type"
    );
}

#[test]
fn the_export_is_deterministic() {
    let taxonomy = taxonomy();
    let directory = full_directory(taxonomy);
    assert_eq!(
        export_hsds(&directory, taxonomy),
        export_hsds(&directory, taxonomy)
    );
}
