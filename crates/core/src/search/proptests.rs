//! Invariants of search over random small directories, checked against a plain
//! restatement of what each filter means.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use proptest::sample::{select, subsequence};
use uuid::Uuid;

use super::*;
use crate::directory::fixtures::{code, codes, organization, service, taxonomy};
use crate::directory::Coverage;

const COUNTRIES: [&str; 4] = ["KG", "KZ", "BY", "LT"];
const REGIONS: [&str; 5] = ["KG-GB", "KG-O", "KZ-AST", "BY-HM", "BY-BR"];
const SUPPORTS: [&str; 3] = ["legal", "psychological", "digital_security"];
const GROUPS: [&str; 3] = ["lgbtqi", "journalists", "exiles"];
const LANGUAGES: [&str; 3] = ["ru", "ky", "en"];

fn some_of<const N: usize>(pool: [&'static str; N]) -> impl Strategy<Value = Vec<Code>> {
    subsequence(pool.to_vec(), 0..=N).prop_map(|c| codes(&c))
}

fn coverage() -> impl Strategy<Value = Coverage> {
    (
        prop::bool::weighted(0.15),
        some_of(COUNTRIES),
        some_of(REGIONS),
        any::<bool>(),
        subsequence(COUNTRIES.to_vec(), 0..=1),
    )
        .prop_map(
            |(worldwide, countries, regions, remote_areas, exile_from)| Coverage {
                // A service must cover somewhere; fall back to the whole world.
                worldwide: worldwide
                    || (countries.is_empty() && regions.is_empty() && exile_from.is_empty()),
                countries,
                regions,
                remote_areas,
                exile_from: codes(&exile_from),
            },
        )
}

fn services() -> impl Strategy<Value = Vec<Service>> {
    let one = (
        select(SUPPORTS.to_vec()),
        coverage(),
        some_of(GROUPS),
        subsequence(LANGUAGES.to_vec(), 1..=3),
        subsequence(Format::ALL.to_vec(), 1..=3),
        any::<bool>(),
        1u32..100,
        prop::bool::weighted(0.8),
        1u128..=2,
    );
    prop::collection::vec(one, 0..14).prop_map(|specs| {
        specs
            .into_iter()
            .enumerate()
            .map(
                |(i, (support, coverage, groups, languages, formats, family, hours, open, org))| {
                    let n = 100 + i as u128;
                    let mut s = service(n, org, &format!("Service {n}"), support, &[]);
                    s.coverage = coverage;
                    s.groups = groups;
                    s.languages = codes(&languages);
                    s.formats = formats;
                    s.family_eligible = family;
                    s.response_hours = hours;
                    s.open = open;
                    s
                },
            )
            .collect()
    })
}

fn directory() -> impl Strategy<Value = Directory> {
    services().prop_map(|services| {
        let mut directory = Directory {
            organizations: vec![
                organization(1, "First", &["KG"]),
                organization(2, "Second", &["BY"]),
            ],
            services,
            allies: Vec::new(),
        };
        directory.validate(&taxonomy()).unwrap();
        directory
    })
}

/// Filters as `Filters::parse` produces them: a region, when given, lies in the
/// country, when that is given too.
fn filters() -> impl Strategy<Value = Filters> {
    let place = prop_oneof![
        Just((None, None)),
        select(COUNTRIES.to_vec()).prop_map(|c| (Some(c), None)),
        (select(REGIONS.to_vec()), any::<bool>())
            .prop_map(|(r, with_country)| (with_country.then(|| &r[..2]), Some(r))),
        // A country with no service or region of its own here.
        Just((Some("DE"), None)),
    ];
    (
        place,
        prop::option::of(select(SUPPORTS.to_vec())),
        prop::option::of(select(GROUPS.to_vec())),
        prop::option::of(select(LANGUAGES.to_vec())),
        prop::option::of(select(Format::ALL.to_vec())),
        any::<bool>(),
    )
        .prop_map(
            |((country, region), support, group, language, format, family)| Filters {
                country: country.map(code),
                support: support.map(code),
                group: group.map(code),
                language: language.map(code),
                format,
                family,
                region: region.map(code),
            },
        )
}

/// What the filters mean, said once more without the reasons machinery.
fn should_match(service: &Service, filters: &Filters) -> bool {
    let c = &service.coverage;
    let in_country = |country: &str| {
        c.worldwide
            || c.exile_from.iter().any(|e| e == country)
            || c.countries.iter().any(|x| x == country)
    };
    let has_region_in = |country: &str| c.regions.iter().any(|r| r.as_str().starts_with(country));
    let place = match (&filters.region, &filters.country) {
        (Some(region), _) => {
            let country = &region.as_str()[..2];
            let narrowed = has_region_in(country);
            c.regions.contains(region)
                || c.worldwide
                || c.exile_from.iter().any(|e| e == country)
                || (!narrowed && c.countries.iter().any(|x| x == country))
        }
        (None, Some(country)) => in_country(country.as_str()) || has_region_in(country.as_str()),
        (None, None) => true,
    };
    place
        && filters
            .support
            .as_ref()
            .is_none_or(|s| &service.support == s)
        && filters
            .group
            .as_ref()
            .is_none_or(|g| service.groups.is_empty() || service.groups.contains(g))
        && filters
            .language
            .as_ref()
            .is_none_or(|l| service.languages.contains(l))
        && filters.format.is_none_or(|f| service.formats.contains(&f))
        && (!filters.family || service.family_eligible)
}

fn locality(reasons: &[Reason]) -> u8 {
    match reasons.first() {
        Some(Reason::CoversRegion(_)) => 0,
        Some(Reason::CoversCountry(_)) => 1,
        Some(Reason::ExileFrom(_)) => 2,
        _ => 3,
    }
}

fn found_ids(directory: &Directory, filters: &Filters) -> Vec<Uuid> {
    let mut ids: Vec<Uuid> = search(directory, &taxonomy(), filters)
        .iter()
        .map(|h| h.service.id)
        .collect();
    ids.sort();
    ids
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn search_finds_exactly_what_the_filters_mean(directory in directory(), filters in filters()) {
        let taxonomy = taxonomy();
        let hits = search(&directory, &taxonomy, &filters);
        let mut expected: Vec<Uuid> = directory
            .services
            .iter()
            .filter(|s| should_match(s, &filters))
            .map(|s| s.id)
            .collect();
        expected.sort();
        prop_assert_eq!(found_ids(&directory, &filters), expected);
        for hit in &hits {
            prop_assert_eq!(Some(hit.reasons.clone()), reasons(hit.service, &taxonomy, &filters));
            prop_assert_eq!(hit.organization.id, hit.service.organization_id);
            // One reason per filter given, plus remote areas when a place was asked for.
            let place = filters.country.is_some() || filters.region.is_some();
            let expected_len = usize::from(place)
                + usize::from(place && hit.service.coverage.remote_areas)
                + usize::from(filters.support.is_some())
                + usize::from(filters.group.is_some())
                + usize::from(filters.language.is_some())
                + usize::from(filters.format.is_some())
                + usize::from(filters.family);
            prop_assert_eq!(hit.reasons.len(), expected_len, "{:?}", hit.reasons);
        }
        prop_assert_eq!(count(&directory, &taxonomy, &filters), hits.len());
        let key = |h: &Hit<'_>| (!h.service.open, locality(&h.reasons), h.service.response_hours);
        for pair in hits.windows(2) {
            prop_assert!(key(&pair[0]) <= key(&pair[1]), "{:?} before {:?}", key(&pair[0]), key(&pair[1]));
        }
    }

    #[test]
    fn suggestions_find_what_they_promise(directory in directory(), filters in filters()) {
        let taxonomy = taxonomy();
        let original = found_ids(&directory, &filters);
        let suggestions = suggestions(&directory, &taxonomy, &filters);
        for (i, suggestion) in suggestions.iter().enumerate() {
            prop_assert_eq!(suggestion.matches, count(&directory, &taxonomy, &suggestion.filters));
            prop_assert!(suggestion.matches > 0);
            prop_assert_ne!(&suggestion.filters, &filters);
            prop_assert!(suggestions[..i].iter().all(|s| s.filters != suggestion.filters));
            // A relaxation loses nothing the search found.
            let relaxed = found_ids(&directory, &suggestion.filters);
            prop_assert!(original.iter().all(|id| relaxed.contains(id)));
        }
        // No dead ends: if anything at all serves the place, something is suggested.
        let place_only = Filters {
            country: filters.country.clone().or_else(|| {
                filters.region.as_ref().and_then(|r| taxonomy.region(r.as_str())).map(|r| r.country.clone())
            }),
            ..Filters::default()
        };
        if original.is_empty() && count(&directory, &taxonomy, &place_only) > 0 {
            prop_assert!(!suggestions.is_empty());
        }
    }

    #[test]
    fn filters_survive_a_round_trip_through_a_link(filters in filters()) {
        let pairs = filters.to_query_pairs();
        let mut raw = RawFilters::default();
        for (key, value) in pairs {
            let slot = match key {
                "country" => &mut raw.country,
                "region" => &mut raw.region,
                "support" => &mut raw.support,
                "group" => &mut raw.group,
                "language" => &mut raw.language,
                "format" => &mut raw.format,
                "family" => &mut raw.family,
                other => panic!("unexpected key {other}"),
            };
            *slot = Some(value);
        }
        prop_assert_eq!(Filters::parse(&taxonomy(), &raw), Ok(filters));
    }
}
