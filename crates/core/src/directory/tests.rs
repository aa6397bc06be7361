#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::fixtures::{code, codes, id, org_id, organization, service, taxonomy};
use super::*;

fn one_service(edit: impl FnOnce(&mut Service)) -> Directory {
    let mut s = service(10, 1, "Legal aid", "legal", &["KG"]);
    edit(&mut s);
    Directory {
        organizations: vec![organization(1, "Shelter House", &["KG"])],
        services: vec![s],
        allies: Vec::new(),
    }
}

fn errors_of(mut directory: Directory) -> Vec<RecordError> {
    match directory.validate(&taxonomy()) {
        Ok(()) => panic!("the directory should have been rejected: {directory:#?}"),
        Err(errors) => errors,
    }
}

/// The only error, which must be about `field` of the record named `record`.
fn single_error(directory: Directory, record: &str, field: &str) -> RecordError {
    let errors = errors_of(directory);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let error = errors.into_iter().next().unwrap();
    assert_eq!(error.record, record, "{error}");
    assert_eq!(error.field, field, "{error}");
    error
}

const SERVICE_10: &str = "service 'Legal aid' (00000000-0000-0000-0000-00000000000a)";

#[test]
fn a_valid_directory_passes() {
    let mut directory = one_service(|_| {});
    assert_eq!(directory.validate(&taxonomy()), Ok(()));
}

#[test]
fn codes_are_canonicalised() {
    let mut directory = one_service(|s| {
        s.coverage.countries = codes(&["kg", "KG"]);
        s.coverage.regions = codes(&["kg-gb"]);
        s.coverage.exile_from = codes(&["az"]);
    });
    directory.organizations[0].countries = codes(&["kg"]);
    directory.organizations[0]
        .translations
        .insert(code("ky"), Translation::default());
    directory.validate(&taxonomy()).unwrap();
    let coverage = &directory.services[0].coverage;
    // Canonical and without the duplicate "kg"/"KG".
    assert_eq!(coverage.countries, codes(&["KG"]));
    assert_eq!(coverage.regions, codes(&["KG-GB"]));
    assert_eq!(coverage.exile_from, codes(&["AZ"]));
    assert_eq!(directory.organizations[0].countries, codes(&["KG"]));
    assert!(directory.organizations[0]
        .translations
        .contains_key(&code("ky")));
}

#[test]
fn unknown_support_code_names_record_and_field() {
    let error = single_error(
        one_service(|s| s.support = code("teleportation")),
        SERVICE_10,
        "support",
    );
    assert!(
        error
            .message
            .contains("unknown support_type code 'teleportation'"),
        "{error}"
    );
    assert_eq!(
        error.to_string(),
        format!("{SERVICE_10}: support: unknown support_type code 'teleportation'")
    );
}

#[test]
fn missing_organization_names_record_and_field() {
    let error = single_error(
        one_service(|s| s.organization_id = org_id(99)),
        SERVICE_10,
        "organization_id",
    );
    assert!(error.message.contains(&id(99).to_string()), "{error}");
}

#[test]
fn duplicate_id_names_the_second_record() {
    let mut directory = one_service(|_| {});
    let mut twin = service(10, 1, "Psychologist on call", "psychological", &["KG"]);
    twin.id = id(10);
    directory.services.push(twin);
    single_error(
        directory,
        "service 'Psychologist on call' (00000000-0000-0000-0000-00000000000a)",
        "id",
    );
}

#[test]
fn ids_are_unique_across_record_kinds() {
    // A service may not reuse its organisation's id: links name records by id alone.
    let error = single_error(
        one_service(|s| s.id = id(1)),
        "service 'Legal aid' (00000000-0000-0000-0000-000000000001)",
        "id",
    );
    assert!(error.message.contains("used by another record"), "{error}");
}

#[test]
fn empty_name_names_record_and_field() {
    single_error(
        one_service(|s| s.name = "  ".into()),
        "service '  ' (00000000-0000-0000-0000-00000000000a)",
        "name",
    );
    let mut directory = one_service(|_| {});
    directory.organizations[0].name = String::new();
    single_error(
        directory,
        "organization '' (00000000-0000-0000-0000-000000000001)",
        "name",
    );
}

#[test]
fn overlong_text_is_rejected() {
    let error = single_error(
        one_service(|s| s.eligibility = "x".repeat(4001)),
        SERVICE_10,
        "eligibility",
    );
    assert!(error.message.contains("4000"), "{error}");
}

#[test]
fn service_covering_nowhere_is_rejected() {
    let error = single_error(
        one_service(|s| s.coverage = Coverage::default()),
        SERVICE_10,
        "coverage",
    );
    assert!(error.message.contains("covers nowhere"), "{error}");
    // Remote areas alone say nothing about where.
    single_error(
        one_service(|s| {
            s.coverage = Coverage {
                remote_areas: true,
                ..Coverage::default()
            }
        }),
        SERVICE_10,
        "coverage",
    );
}

#[test]
fn each_kind_of_coverage_is_enough_alone() {
    let coverages = [
        Coverage {
            worldwide: true,
            ..Coverage::default()
        },
        Coverage {
            regions: codes(&["KG-O"]),
            ..Coverage::default()
        },
        Coverage {
            exile_from: codes(&["BY"]),
            ..Coverage::default()
        },
    ];
    for coverage in coverages {
        let mut directory = one_service(|s| s.coverage = coverage.clone());
        assert_eq!(directory.validate(&taxonomy()), Ok(()), "{coverage:?}");
    }
}

#[test]
fn bad_response_hours_are_rejected() {
    for hours in [0, 24 * 365 + 1, u32::MAX] {
        let error = single_error(
            one_service(|s| s.response_hours = hours),
            SERVICE_10,
            "response_hours",
        );
        assert!(error.message.contains("between 1 and 8760"), "{error}");
    }
    for hours in [1, 24 * 365] {
        let mut directory = one_service(|s| s.response_hours = hours);
        assert_eq!(directory.validate(&taxonomy()), Ok(()), "{hours}");
    }
}

#[test]
fn missing_formats_and_languages_are_rejected() {
    single_error(one_service(|s| s.formats.clear()), SERVICE_10, "formats");
    single_error(
        one_service(|s| s.languages.clear()),
        SERVICE_10,
        "languages",
    );
}

#[test]
fn unknown_codes_in_lists_name_the_list() {
    type Edit = fn(&mut Service);
    let cases: [(&str, Edit); 5] = [
        ("coverage.countries", |s| {
            s.coverage.countries.push(code("XQ"))
        }),
        ("coverage.regions", |s| {
            s.coverage.regions.push(code("KG-ZZ"))
        }),
        ("coverage.exile_from", |s| {
            s.coverage.exile_from.push(code("belarus"))
        }),
        ("groups", |s| s.groups.push(code("astronauts"))),
        ("languages", |s| s.languages.push(code("RU"))),
    ];
    for (field, edit) in cases {
        single_error(one_service(edit), SERVICE_10, field);
    }
}

#[test]
fn unknown_translation_language_is_rejected() {
    let error = single_error(
        one_service(|s| {
            s.translations
                .insert(code("klingon"), Translation::default());
        }),
        SERVICE_10,
        "translations",
    );
    assert!(error.message.contains("klingon"), "{error}");
}

#[test]
fn organization_fields_are_checked() {
    let mut directory = one_service(|_| {});
    let org = &mut directory.organizations[0];
    org.kind = code("secret_society");
    org.countries.clear();
    org.public_contact = String::new();
    let errors = errors_of(directory);
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        ["public_contact", "kind", "countries"],
        "{errors:#?}"
    );
    assert!(
        errors
            .iter()
            .all(|e| e.record
                == "organization 'Shelter House' (00000000-0000-0000-0000-000000000001)")
    );
}

#[test]
fn ally_fields_are_checked() {
    let mut directory = one_service(|_| {});
    directory.allies.push(Ally {
        id: id(20),
        name: "Dr. A.".into(),
        profession: code("astrologer"),
        country: code("kg"),
        regions: codes(&["KG-GB"]),
        languages: codes(&["ru"]),
        contact: "+996 000 000".into(),
        organization_id: org_id(2),
        notes: String::new(),
    });
    let errors = errors_of(directory);
    let fields: Vec<(&str, &str)> = errors
        .iter()
        .map(|e| (e.record.as_str(), e.field.as_str()))
        .collect();
    let record = "ally 'Dr. A.' (00000000-0000-0000-0000-000000000014)";
    assert_eq!(
        fields,
        [(record, "organization_id"), (record, "profession")],
        "{errors:#?}"
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let mut directory = one_service(|s| {
        s.support = code("teleportation");
        s.response_hours = 0;
    });
    directory
        .services
        .push(service(11, 7, "", "legal", &["KG"]));
    let errors = errors_of(directory);
    assert_eq!(errors.len(), 4, "{errors:#?}");
}

#[test]
fn directory_reads_from_json_and_validates() {
    let json = r#"{
        "organizations": [{
            "id": "00000000-0000-0000-0000-000000000001", "name": "Shelter House",
            "kind": "focal_point", "countries": ["kg"], "languages": ["ru", "ky"],
            "description": "Verifies cases.", "public_contact": "signal: +996"
        }],
        "services": [{
            "id": "00000000-0000-0000-0000-000000000002",
            "organization_id": "00000000-0000-0000-0000-000000000001",
            "name": "Emergency grant", "description": "Money fast.", "support": "financial",
            "coverage": {"countries": ["kg"], "regions": ["kg-o"], "remote_areas": true},
            "languages": ["ky"], "formats": ["online", "requires_travel"],
            "family_eligible": true, "eligibility": "Defenders at risk.",
            "response_hours": 72, "open": true
        }]
    }"#;
    let mut directory: Directory = serde_json::from_str(json).unwrap();
    directory.validate(&taxonomy()).unwrap();
    let service = &directory.services[0];
    assert_eq!(service.coverage.regions, codes(&["KG-O"]));
    assert_eq!(service.formats, [Format::Online, Format::RequiresTravel]);
    assert_eq!(directory.services_of(org_id(1)).count(), 1);
    assert!(directory.service(id(2)).is_some());
    assert!(directory.organization(org_id(2)).is_none());
}

#[test]
fn unknown_json_fields_are_refused() {
    let json = r#"{"organizations": [], "services": [], "secret": 1}"#;
    assert!(serde_json::from_str::<Directory>(json).is_err());
}
