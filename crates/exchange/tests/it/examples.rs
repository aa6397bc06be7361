//! The HSDS standard's own example records import, with defaults for what they lack.

use torchlight_core::taxonomy::Vocabulary;
use torchlight_core::{Directory, Format};
use torchlight_exchange::{import, ImportError, ImportOptions};

use crate::common::{code, schema_dir, taxonomy};

fn example(name: &str) -> Vec<u8> {
    let path = schema_dir().join("examples").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn defaults() -> ImportOptions {
    ImportOptions {
        default_support: Some(code(Vocabulary::SupportType, "information")),
        default_country: Some(code(Vocabulary::Country, "GB")),
        default_language: Some(code(Vocabulary::Language, "en")),
    }
}

fn import_ok(name: &str) -> Directory {
    let taxonomy = taxonomy();
    match import(&example(name), taxonomy, &defaults()) {
        Ok(directory) => directory,
        Err(errors) => panic!("{name} does not import:\n{}", lines(&errors)),
    }
}

fn lines(errors: &[ImportError]) -> String {
    errors.iter().map(|e| format!("  {e}\n")).collect()
}

#[test]
fn every_example_file_imports_with_defaults() {
    let dir = schema_dir().join("examples");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    assert!(
        names.len() >= 3,
        "expected the standard's examples in {}",
        dir.display()
    );
    for name in names {
        let directory = import_ok(&name);
        assert_eq!(directory.organizations.len(), 1, "{name}");
        assert!(!directory.services.is_empty(), "{name}");
    }
}

#[test]
fn the_full_organization_example_maps_what_hsds_says_and_defaults_the_rest() {
    let directory = import_ok("organization_full.json");
    let org = &directory.organizations[0];
    assert_eq!(org.id.to_string(), "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610");
    assert_eq!(org.name, "Example Organization Inc.");
    assert_eq!(org.kind.as_str(), "local_cso");
    assert_eq!(org.countries, vec![code(Vocabulary::Country, "GB")]);
    assert_eq!(org.languages, vec![code(Vocabulary::Language, "en")]);
    assert_eq!(org.website.as_deref(), Some("http://example.com"));
    // E-mail and phones (with the example's stray quotes removed) become the public contact.
    assert!(
        org.public_contact.contains("email@example.com"),
        "{}",
        org.public_contact
    );
    assert!(
        org.public_contact.contains("+44 1234 234567"),
        "{}",
        org.public_contact
    );
    assert!(!org.public_contact.contains('"'), "{}", org.public_contact);

    let service = &directory.services[0];
    assert_eq!(service.organization_id, org.id);
    assert_eq!(service.name, "Community Counselling");
    assert!(service.open);
    assert_eq!(service.support.as_str(), "information");
    assert_eq!(
        service.coverage.countries,
        vec![code(Vocabulary::Country, "GB")]
    );
    assert!(service.eligibility.starts_with("This service is intended"));
    // The example's service is in Urdu; a coalition that does not list Urdu gets the
    // default language instead, since nobody could search for the service in Urdu.
    let expected = if taxonomy().contains(Vocabulary::Language, "ur") {
        "ur"
    } else {
        "en"
    };
    assert_eq!(
        service.languages,
        vec![code(Vocabulary::Language, expected)]
    );
    // Delivered at a physical location: in person.
    assert_eq!(service.formats, vec![Format::InPerson]);
    assert_eq!(service.response_hours, 168);
}

#[test]
fn a_service_with_its_organization_nested_imports_both() {
    let directory = import_ok("service_full.json");
    assert_eq!(
        directory.services[0].organization_id,
        directory.organizations[0].id
    );
    let page = import_ok("service_list.json");
    assert_eq!(page.services[0].name, "Community Counselling");
    // No locations, but reachable by URL and e-mail: online.
    assert_eq!(page.services[0].formats, vec![Format::Online]);
}

#[test]
fn without_defaults_the_examples_fail_naming_record_and_field() {
    let taxonomy = taxonomy();
    let errors = import(
        &example("organization_full.json"),
        taxonomy,
        &ImportOptions::default(),
    )
    .unwrap_err();
    let text = lines(&errors);
    let org = "organization 'Example Organization Inc.' (d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610)";
    assert!(errors.iter().all(|e| e.record == org), "{text}");
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    for expected in [
        "attributes",
        "services[0].attributes",
        "services[0].service_areas",
        "services[0].languages",
    ] {
        assert!(
            fields.contains(&expected),
            "no error at {expected}:\n{text}"
        );
    }
    assert!(text.contains("no country"), "{text}");
    assert!(text.contains("no language"), "{text}");
    assert!(text.contains("no support type"), "{text}");
    // Nothing else is blamed for what the defaults would have filled.
    assert_eq!(errors.len(), 5, "{text}");
}

#[test]
fn an_unknown_default_is_an_error_of_the_options() {
    let taxonomy = taxonomy();
    let mut options = defaults();
    options.default_support = Some(code(Vocabulary::SupportType, "astrology"));
    let errors = import(&example("organization_full.json"), taxonomy, &options).unwrap_err();
    assert_eq!(errors[0].record, "import options");
    assert_eq!(errors[0].field, "default_support");
    assert!(errors[0].message.contains("astrology"));
}
