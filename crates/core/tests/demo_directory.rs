//! The demo coalition that `torchlight demo` loads must stay valid against the
//! built-in taxonomy, and must keep showing a newcomer the gaps the study found.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;

use torchlight_core::search::{self, Filters};
use torchlight_core::{Code, Directory, Service, Taxonomy, Vocabulary};

const DEMO: &str = include_str!("../../../data/demo/directory.json");
const EIGHT: [&str; 8] = ["AM", "AZ", "BY", "GE", "KZ", "KG", "TJ", "UA"];
const LOCAL_KINDS: [&str; 2] = ["local_cso", "focal_point"];

fn demo() -> (Directory, std::sync::Arc<Taxonomy>) {
    let taxonomy = Taxonomy::built_in().expect("built-in taxonomy loads");
    let mut directory: Directory = serde_json::from_str(DEMO).expect("demo directory parses");
    if let Err(errors) = directory.validate(&taxonomy) {
        let listed: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!(
            "demo directory has {} errors:\n{}",
            listed.len(),
            listed.join("\n")
        );
    }
    (directory, taxonomy)
}

fn code(vocabulary: Vocabulary, raw: &str) -> Code {
    Code::parse(vocabulary, raw).unwrap()
}

/// Whether the service reaches defenders who are in the country (not in exile from it).
fn covers(service: &Service, country: &str) -> bool {
    let coverage = &service.coverage;
    coverage.countries.iter().any(|c| c.as_str() == country)
        || coverage
            .regions
            .iter()
            .any(|r| r.as_str().split('-').next() == Some(country))
}

fn is_local(directory: &Directory, service: &Service) -> bool {
    directory
        .organization(service.organization_id)
        .is_some_and(|o| LOCAL_KINDS.contains(&o.kind.as_str()))
}

#[test]
fn validates_against_the_built_in_taxonomy() {
    let (directory, _) = demo();
    assert!(
        directory.organizations.len() >= 40,
        "{} organisations",
        directory.organizations.len()
    );
    assert!(
        directory.services.len() >= 200,
        "{} services",
        directory.services.len()
    );
}

#[test]
fn every_support_type_is_offered() {
    let (directory, taxonomy) = demo();
    let missing: Vec<&str> = taxonomy
        .terms(Vocabulary::SupportType)
        .iter()
        .map(|t| t.code.as_str())
        .filter(|code| {
            !directory
                .services
                .iter()
                .any(|s| s.support.as_str() == *code)
        })
        .collect();
    assert!(missing.is_empty(), "no service offers {missing:?}");
}

#[test]
fn every_country_has_a_local_organisation() {
    let (directory, _) = demo();
    for country in EIGHT {
        assert!(
            directory
                .organizations
                .iter()
                .any(|o| LOCAL_KINDS.contains(&o.kind.as_str())
                    && o.countries.iter().any(|c| c.as_str() == country)),
            "no local CSO or focal point in {country}"
        );
    }
}

#[test]
fn kyrgyz_defenders_find_digital_security() {
    let (directory, taxonomy) = demo();
    let filters = Filters {
        country: Some(code(Vocabulary::Country, "KG")),
        support: Some(code(Vocabulary::SupportType, "digital_security")),
        ..Filters::default()
    };
    let hits = search::search(&directory, &taxonomy, &filters);
    assert!(hits.len() >= 3, "KG digital_security finds {}", hits.len());
}

#[test]
fn visa_support_for_kazakhstan_is_the_gap_the_study_found() {
    let (directory, taxonomy) = demo();
    let filters = Filters {
        country: Some(code(Vocabulary::Country, "KZ")),
        support: Some(code(Vocabulary::SupportType, "visa")),
        ..Filters::default()
    };
    let found = search::count(&directory, &taxonomy, &filters);
    assert!(found <= 1, "KZ visa finds {found}");
}

#[test]
fn allies_cover_the_acute_professions() {
    let (directory, _) = demo();
    assert!(
        directory.allies.len() >= 30,
        "{} allies",
        directory.allies.len()
    );
    for profession in ["lawyer", "doctor", "psychologist"] {
        assert!(
            directory
                .allies
                .iter()
                .any(|a| a.profession.as_str() == profession),
            "no {profession} on the roster"
        );
    }
}

#[test]
fn tajikistan_and_azerbaijan_have_least_local_support() {
    let (directory, _) = demo();
    let counts: BTreeMap<&str, usize> = EIGHT
        .iter()
        .map(|&country| {
            let n = directory
                .services
                .iter()
                .filter(|s| is_local(&directory, s) && covers(s, country))
                .count();
            (country, n)
        })
        .collect();
    let mut sorted: Vec<usize> = counts.values().copied().collect();
    sorted.sort_unstable();
    let median = (sorted[3] + sorted[4]) as f64 / 2.0;
    for country in ["TJ", "AZ"] {
        assert!(
            (counts[country] as f64) < median,
            "{country} has {} local services, median is {median}: {counts:?}",
            counts[country]
        );
    }
}
