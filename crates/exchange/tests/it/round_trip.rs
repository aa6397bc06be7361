//! Export, then import: the same directory comes back.

use std::collections::BTreeMap;

use proptest::prelude::*;
use serde_json::json;
use torchlight_core::taxonomy::Vocabulary;
use torchlight_core::{
    Code, Coverage, Directory, Format, Organization, OrganizationId, Service, Taxonomy, Translation,
};
use torchlight_exchange::{export_hsds, export_json, import, ImportOptions};
use uuid::Uuid;

use crate::common::{code, full_directory, schema_errors, taxonomy, validator};

fn without_allies(directory: &Directory) -> Directory {
    Directory {
        allies: Vec::new(),
        ..directory.clone()
    }
}

fn bytes(value: &serde_json::Value) -> Vec<u8> {
    serde_json::to_vec_pretty(value).unwrap()
}

#[test]
fn hsds_export_imports_back_identical_without_allies() {
    let taxonomy = taxonomy();
    let directory = full_directory(taxonomy);
    let exported = bytes(&export_hsds(&directory, taxonomy));
    let imported = import(&exported, taxonomy, &ImportOptions::default());
    assert_eq!(imported, Ok(without_allies(&directory)));
}

#[test]
fn defaults_never_override_what_a_record_says() {
    let taxonomy = taxonomy();
    let directory = full_directory(taxonomy);
    let exported = bytes(&export_hsds(&directory, taxonomy));
    let options = ImportOptions {
        default_support: Some(code(Vocabulary::SupportType, "information")),
        default_country: Some(code(Vocabulary::Country, "GB")),
        default_language: Some(code(Vocabulary::Language, "en")),
    };
    assert_eq!(
        import(&exported, taxonomy, &options),
        Ok(without_allies(&directory))
    );
}

#[test]
fn hsds_wrapped_in_an_organizations_object_or_given_singly_imports_too() {
    let taxonomy = taxonomy();
    let directory = full_directory(taxonomy);
    let exported = export_hsds(&directory, taxonomy);
    let wrapped = bytes(&json!({ "organizations": exported }));
    assert_eq!(
        import(&wrapped, taxonomy, &ImportOptions::default()),
        Ok(without_allies(&directory))
    );

    let first = bytes(&exported[0]);
    let imported = import(&first, taxonomy, &ImportOptions::default()).unwrap();
    assert_eq!(
        imported.organizations,
        vec![directory.organizations[0].clone()]
    );
    assert_eq!(
        imported.services.len(),
        directory.services_of(directory.organizations[0].id).count()
    );
}

#[test]
fn torchlight_json_round_trips_with_allies() {
    let taxonomy = taxonomy();
    let directory = full_directory(taxonomy);
    let with = bytes(&export_json(&directory, true));
    assert_eq!(
        import(&with, taxonomy, &ImportOptions::default()),
        Ok(directory.clone())
    );
    let without = bytes(&export_json(&directory, false));
    assert!(!String::from_utf8_lossy(&without).contains("allies"));
    assert_eq!(
        import(&without, taxonomy, &ImportOptions::default()),
        Ok(without_allies(&directory))
    );
}

#[test]
fn an_empty_directory_round_trips() {
    let taxonomy = taxonomy();
    let empty = Directory::default();
    let hsds = bytes(&export_hsds(&empty, taxonomy));
    assert_eq!(
        import(&hsds, taxonomy, &ImportOptions::default()),
        Ok(empty.clone())
    );
    let json = bytes(&export_json(&empty, true));
    assert_eq!(
        import(&json, taxonomy, &ImportOptions::default()),
        Ok(empty)
    );
}

/// A language (by index) and the texts translated into it.
type TextsSeed = (usize, Option<String>, Option<String>, Option<String>);

/// Random choices from which a valid directory is built: indexes pick codes from the
/// taxonomy's pools, so every generated directory is valid by construction.
#[derive(Debug, Clone)]
struct OrgSeed {
    texts: (String, String, String),
    website: Option<String>,
    kind: usize,
    countries: Vec<usize>,
    regions: Vec<usize>,
    languages: Vec<usize>,
    translations: Vec<TextsSeed>,
    services: Vec<ServiceSeed>,
}

#[derive(Debug, Clone)]
struct ServiceSeed {
    texts: (String, String, String),
    support: usize,
    places: (bool, Vec<usize>, Vec<usize>, Vec<usize>),
    flags: (bool, bool, bool),
    groups: Vec<usize>,
    languages: Vec<usize>,
    formats: Vec<usize>,
    response_hours: u32,
    translations: Vec<TextsSeed>,
}

fn text() -> impl Strategy<Value = String> {
    "[ -~а-яёЁіїґ\n]{0,40}".prop_map(|s| format!("t{s}"))
}

fn contact() -> impl Strategy<Value = String> {
    prop_oneof![
        text(),
        "[a-z0-9 @.+,;()-]{1,40}".prop_map(|s| format!("c{s}")),
        "[a-z]{1,8}@[a-z]{1,8}\\.(org|kg), \\+[0-9]{3} [0-9]{2} [0-9]{3} [0-9]{4}",
    ]
}

fn website() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        Just(None),
        "https?://[a-z]{1,10}\\.org(/[a-z0-9%]{0,6})?".prop_map(Some),
        text().prop_map(Some),
        Just(Some(String::new())),
    ]
}

fn translations() -> impl Strategy<Value = Vec<TextsSeed>> {
    prop::collection::vec(
        (
            any::<usize>(),
            prop::option::of(text()),
            prop::option::of(text()),
            prop::option::of(text()),
        ),
        0..3,
    )
}

fn indexes(max: usize) -> impl Strategy<Value = Vec<usize>> {
    prop::collection::vec(any::<usize>(), 0..max)
}

fn service_seed() -> impl Strategy<Value = ServiceSeed> {
    (
        (text(), text(), text()),
        any::<usize>(),
        (any::<bool>(), indexes(3), indexes(3), indexes(2)),
        (any::<bool>(), any::<bool>(), any::<bool>()),
        indexes(4),
        indexes(3),
        prop::collection::vec(0..3usize, 0..3),
        1..=8760u32,
        translations(),
    )
        .prop_map(
            |(
                texts,
                support,
                places,
                flags,
                groups,
                languages,
                formats,
                response_hours,
                translations,
            )| {
                ServiceSeed {
                    texts,
                    support,
                    places,
                    flags,
                    groups,
                    languages,
                    formats,
                    response_hours,
                    translations,
                }
            },
        )
}

fn org_seed() -> impl Strategy<Value = OrgSeed> {
    (
        ((text(), text(), contact()), website()),
        any::<usize>(),
        indexes(3),
        indexes(3),
        indexes(3),
        translations(),
        prop::collection::vec(service_seed(), 0..4),
    )
        .prop_map(
            |((texts, website), kind, countries, regions, languages, translations, services)| {
                OrgSeed {
                    texts,
                    website,
                    kind,
                    countries,
                    regions,
                    languages,
                    translations,
                    services,
                }
            },
        )
}

struct Pools {
    kinds: Vec<Code>,
    countries: Vec<Code>,
    regions: Vec<Code>,
    languages: Vec<Code>,
    supports: Vec<Code>,
    groups: Vec<Code>,
}

impl Pools {
    fn new(taxonomy: &Taxonomy) -> Pools {
        let terms = |v: Vocabulary| taxonomy.terms(v).iter().map(|t| t.code.clone()).collect();
        Pools {
            kinds: terms(Vocabulary::ActorKind),
            countries: ["KG", "UA", "GE", "AZ", "BY", "AM", "KZ", "TJ", "DE"]
                .iter()
                .map(|c| code(Vocabulary::Country, c))
                .collect(),
            regions: taxonomy.regions().iter().map(|r| r.code.clone()).collect(),
            languages: terms(Vocabulary::Language),
            supports: terms(Vocabulary::SupportType),
            groups: terms(Vocabulary::DefenderGroup),
        }
    }
}

fn pick(pool: &[Code], picks: &[usize]) -> Vec<Code> {
    picks.iter().map(|i| pool[i % pool.len()].clone()).collect()
}

fn texts(pools: &Pools, seeds: &[TextsSeed]) -> BTreeMap<Code, Translation> {
    seeds
        .iter()
        .map(|(i, name, description, eligibility)| {
            let translation = Translation {
                name: name.clone(),
                description: description.clone(),
                eligibility: eligibility.clone(),
            };
            (
                pools.languages[i % pools.languages.len()].clone(),
                translation,
            )
        })
        .collect()
}

fn build(pools: &Pools, seeds: &[OrgSeed], taxonomy: &Taxonomy) -> Directory {
    let mut directory = Directory::default();
    let mut next = 0u128;
    let mut new_id = || {
        next += 1;
        Uuid::from_u128(next)
    };
    for seed in seeds {
        let (name, description, public_contact) = seed.texts.clone();
        let mut languages = pick(&pools.languages, &seed.languages);
        languages.push(pools.languages[0].clone());
        let org = Organization {
            id: OrganizationId::from_uuid(new_id()),
            name,
            kind: pools.kinds[seed.kind % pools.kinds.len()].clone(),
            countries: [
                pick(&pools.countries, &seed.countries),
                vec![pools.countries[0].clone()],
            ]
            .concat(),
            regions: pick(&pools.regions, &seed.regions),
            languages,
            description,
            public_contact,
            website: seed.website.clone(),
            translations: texts(pools, &seed.translations),
        };
        for s in &seed.services {
            let (worldwide, countries, regions, exile_from) = &s.places;
            let mut coverage = Coverage {
                worldwide: *worldwide,
                countries: pick(&pools.countries, countries),
                regions: pick(&pools.regions, regions),
                remote_areas: s.flags.1,
                exile_from: pick(&pools.countries, exile_from),
            };
            if !coverage.worldwide
                && coverage.countries.is_empty()
                && coverage.regions.is_empty()
                && coverage.exile_from.is_empty()
            {
                coverage.countries.push(pools.countries[0].clone());
            }
            let mut formats: Vec<Format> = s.formats.iter().map(|i| Format::ALL[*i]).collect();
            if formats.is_empty() {
                formats.push(Format::Online);
            }
            let (name, description, eligibility) = s.texts.clone();
            directory.services.push(Service {
                id: new_id(),
                organization_id: org.id,
                name,
                description,
                support: pools.supports[s.support % pools.supports.len()].clone(),
                coverage,
                groups: pick(&pools.groups, &s.groups),
                languages: [
                    pick(&pools.languages, &s.languages),
                    vec![pools.languages[1].clone()],
                ]
                .concat(),
                formats,
                family_eligible: s.flags.0,
                eligibility,
                response_hours: s.response_hours,
                open: s.flags.2,
                translations: texts(pools, &s.translations),
            });
        }
        directory.organizations.push(org);
    }
    // Canonical form: duplicates removed, codes as the taxonomy writes them.
    directory
        .validate(taxonomy)
        .expect("generated directories are valid");
    directory
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn any_directory_survives_hsds_and_json(seeds in prop::collection::vec(org_seed(), 0..4)) {
        let taxonomy = taxonomy();
        let pools = Pools::new(taxonomy);
        let directory = build(&pools, &seeds, taxonomy);

        let hsds = export_hsds(&directory, taxonomy);
        let organization_schema = validator("organization");
        let service_schema = validator("service");
        for org in hsds.as_array().unwrap() {
            let errors = schema_errors(organization_schema, org);
            prop_assert!(errors.is_empty(), "{:#?}\n{}", errors, org);
            for service in org["services"].as_array().unwrap() {
                let errors = schema_errors(service_schema, service);
                prop_assert!(errors.is_empty(), "{:#?}\n{}", errors, service);
            }
        }
        let back = import(&bytes(&hsds), taxonomy, &ImportOptions::default());
        prop_assert_eq!(back, Ok(directory.clone()));

        let json = export_json(&directory, true);
        prop_assert_eq!(import(&bytes(&json), taxonomy, &ImportOptions::default()), Ok(directory));
    }
}
