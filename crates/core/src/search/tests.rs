#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;
use crate::directory::fixtures::{code, codes, directory, id, org_id, service, taxonomy};

fn raw(pairs: &[(&str, &str)]) -> RawFilters {
    let mut raw = RawFilters::default();
    for (key, value) in pairs {
        let slot = match *key {
            "country" => &mut raw.country,
            "support" => &mut raw.support,
            "group" => &mut raw.group,
            "language" => &mut raw.language,
            "format" => &mut raw.format,
            "family" => &mut raw.family,
            "region" => &mut raw.region,
            other => panic!("no filter {other}"),
        };
        *slot = Some((*value).to_owned());
    }
    raw
}

fn filters(pairs: &[(&str, &str)]) -> Filters {
    Filters::parse(&taxonomy(), &raw(pairs)).unwrap_or_else(|e| panic!("{pairs:?}: {e}"))
}

fn parse_error(pairs: &[(&str, &str)]) -> FilterError {
    Filters::parse(&taxonomy(), &raw(pairs)).expect_err("the filters should be rejected")
}

/// Services of one organisation in Kyrgyzstan and around it. Ids are the numbers
/// `names` looks up.
fn sample() -> Directory {
    let mut bishkek_lawyers = service(10, 1, "Bishkek lawyers", "legal", &[]);
    bishkek_lawyers.coverage.regions = codes(&["KG-GB"]);
    bishkek_lawyers.languages = codes(&["ru", "ky"]);
    bishkek_lawyers.formats = vec![Format::InPerson];
    bishkek_lawyers.response_hours = 24;

    let mut hotline = service(11, 1, "Legal hotline", "legal", &["KG"]);
    hotline.coverage.remote_areas = true;
    hotline.response_hours = 72;

    let mut digital = service(12, 1, "Digital help desk", "digital_security", &[]);
    digital.coverage.worldwide = true;
    digital.languages = codes(&["en", "ru"]);
    digital.response_hours = 2;

    let mut exile_fund = service(13, 1, "Exile fund", "financial", &["LT"]);
    exile_fund.coverage.exile_from = codes(&["BY"]);
    exile_fund.groups = codes(&["journalists"]);
    exile_fund.family_eligible = true;

    let mut closed_clinic = service(14, 1, "Closed legal clinic", "legal", &["KG"]);
    closed_clinic.open = false;
    closed_clinic.response_hours = 1;

    let mut counselling = service(15, 1, "Counselling", "psychological", &["KG", "KZ"]);
    counselling.groups = codes(&["lgbtqi", "womens_rights"]);
    counselling.formats = vec![Format::Online, Format::InPerson];
    counselling.family_eligible = true;

    let mut respite = service(16, 1, "Respite in Georgia", "rest_respite", &["GE"]);
    respite.formats = vec![Format::RequiresTravel];

    let mut fast_line = service(17, 1, "Fast legal line", "legal", &["KG"]);
    fast_line.response_hours = 12;

    let mut international = service(18, 1, "International legal fund", "legal", &[]);
    international.coverage.worldwide = true;
    international.response_hours = 1;

    // Listing a region narrows the country to it.
    let mut osh_only = service(19, 1, "Osh lawyers", "legal", &["KG", "KZ"]);
    osh_only.coverage.regions = codes(&["KG-O"]);
    osh_only.response_hours = 200;

    directory(vec![
        bishkek_lawyers,
        hotline,
        digital,
        exile_fund,
        closed_clinic,
        counselling,
        respite,
        fast_line,
        international,
        osh_only,
    ])
}

/// The ids (as small numbers) of the services found, in order.
fn found(directory: &Directory, pairs: &[(&str, &str)]) -> Vec<u128> {
    search(directory, &taxonomy(), &filters(pairs))
        .iter()
        .map(|hit| hit.service.id.as_u128())
        .collect()
}

fn reasons_of(directory: &Directory, pairs: &[(&str, &str)], service: u128) -> Vec<Reason> {
    search(directory, &taxonomy(), &filters(pairs))
        .into_iter()
        .find(|hit| hit.service.id == id(service))
        .map(|hit| hit.reasons)
        .unwrap_or_else(|| panic!("service {service} not found for {pairs:?}"))
}

fn sorted(mut ids: Vec<u128>) -> Vec<u128> {
    ids.sort_unstable();
    ids
}

// --- Filters::parse

#[test]
fn unknown_country_names_the_parameter() {
    for value in ["XQ", "Kyrgyzstan", "K", "12"] {
        let error = parse_error(&[("country", value)]);
        assert_eq!(error.parameter, "country", "{value}: {error}");
        assert!(error.to_string().starts_with("country: "), "{error}");
    }
}

#[test]
fn every_unknown_value_names_its_parameter() {
    let cases = [
        ("support", "teleportation"),
        ("support", "Legal"),
        ("group", "astronauts"),
        ("language", "klingon"),
        ("language", "xx"),
        ("format", "by_pigeon"),
        ("family", "maybe"),
        ("region", "KG-ZZ"),
        ("region", "Bishkek"),
    ];
    for (parameter, value) in cases {
        let error = parse_error(&[(parameter, value)]);
        assert_eq!(error.parameter, parameter, "{value}: {error}");
        assert!(error.message.contains(value), "{error}");
    }
}

#[test]
fn empty_values_mean_any() {
    let pairs = [
        ("country", ""),
        ("support", " "),
        ("group", ""),
        ("language", ""),
        ("format", ""),
        ("family", ""),
        ("region", ""),
    ];
    let parsed = filters(&pairs);
    assert!(parsed.is_empty(), "{parsed:?}");
    assert!(filters(&[]).is_empty());
}

#[test]
fn codes_are_canonicalised() {
    let parsed = filters(&[
        ("country", " kg "),
        ("region", "kg-gb"),
        ("support", "legal"),
    ]);
    assert_eq!(parsed.country, Some(code("KG")));
    assert_eq!(parsed.region, Some(code("KG-GB")));
    assert_eq!(parsed.support, Some(code("legal")));
}

#[test]
fn family_is_yes_or_no() {
    for yes in ["yes", "true", "1", "on"] {
        assert!(filters(&[("family", yes)]).family, "{yes}");
    }
    for no in ["no", "false", "0", ""] {
        assert!(!filters(&[("family", no)]).family, "{no}");
    }
}

#[test]
fn format_is_one_of_three() {
    assert_eq!(
        filters(&[("format", "in_person")]).format,
        Some(Format::InPerson)
    );
    assert_eq!(
        filters(&[("format", "requires_travel")]).format,
        Some(Format::RequiresTravel)
    );
}

#[test]
fn region_must_lie_in_the_country() {
    let error = parse_error(&[("country", "KZ"), ("region", "KG-GB")]);
    assert_eq!(error.parameter, "region");
    assert!(
        error.message.contains("KG-GB") && error.message.contains("KZ"),
        "{error}"
    );
    // Without a country, the region alone is enough.
    assert_eq!(filters(&[("region", "KG-GB")]).country, None);
    filters(&[("country", "KG"), ("region", "KG-GB")]);
}

#[test]
fn query_pairs_parse_back_to_the_same_filters() {
    let original = filters(&[
        ("country", "KG"),
        ("region", "KG-O"),
        ("support", "legal"),
        ("group", "lgbtqi"),
        ("language", "ky"),
        ("format", "online"),
        ("family", "yes"),
    ]);
    let pairs = original.to_query_pairs();
    let keys: Vec<&str> = pairs.iter().map(|(k, _)| *k).collect();
    assert_eq!(
        keys,
        ["country", "region", "support", "group", "language", "format", "family"]
    );
    let borrowed: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(filters(&borrowed), original);
    assert!(Filters::default().to_query_pairs().is_empty());
}

// --- search

#[test]
fn no_filters_find_everything() {
    let directory = sample();
    assert_eq!(found(&directory, &[]).len(), directory.services.len());
}

#[test]
fn country_finds_national_regional_and_worldwide_services() {
    let directory = sample();
    assert_eq!(
        sorted(found(&directory, &[("country", "KG")])),
        [10, 11, 12, 14, 15, 17, 18, 19]
    );
    assert_eq!(
        reasons_of(&directory, &[("country", "KG")], 10),
        [Reason::CoversRegion(code("KG-GB"))]
    );
    assert_eq!(
        reasons_of(&directory, &[("country", "KG")], 11),
        [Reason::CoversCountry(code("KG")), Reason::RemoteAreas]
    );
    assert_eq!(
        reasons_of(&directory, &[("country", "KG")], 12),
        [Reason::Worldwide]
    );
    assert_eq!(
        sorted(found(&directory, &[("country", "GE")])),
        [12, 16, 18]
    );
}

#[test]
fn region_narrows_the_country() {
    let directory = sample();
    // Bishkek lawyers serve Bishkek only; Osh lawyers serve Osh only.
    assert_eq!(
        sorted(found(&directory, &[("region", "KG-O")])),
        [11, 12, 14, 15, 17, 18, 19]
    );
    assert_eq!(
        sorted(found(&directory, &[("region", "KG-GB")])),
        [10, 11, 12, 14, 15, 17, 18]
    );
    assert_eq!(
        reasons_of(&directory, &[("country", "KG"), ("region", "KG-O")], 19),
        [Reason::CoversRegion(code("KG-O"))]
    );
    assert_eq!(
        reasons_of(&directory, &[("region", "KG-O")], 11),
        [Reason::CoversCountry(code("KG")), Reason::RemoteAreas]
    );
}

#[test]
fn regions_of_one_country_do_not_narrow_another() {
    let directory = sample();
    // Osh lawyers list KZ as a whole and KG only through Osh.
    assert!(found(&directory, &[("country", "KZ")]).contains(&19));
    assert!(found(&directory, &[("region", "KZ-AST")]).contains(&19));
    assert_eq!(
        reasons_of(&directory, &[("region", "KZ-AST")], 19),
        [Reason::CoversCountry(code("KZ"))]
    );
}

#[test]
fn worldwide_providers_serve_any_country() {
    let directory = sample();
    assert_eq!(sorted(found(&directory, &[("country", "DE")])), [12, 18]);
    assert_eq!(
        reasons_of(&directory, &[("region", "UA-43")], 12),
        [Reason::Worldwide]
    );
}

#[test]
fn exile_services_serve_defenders_from_the_country() {
    let directory = sample();
    assert_eq!(
        sorted(found(&directory, &[("country", "BY")])),
        [12, 13, 18]
    );
    assert_eq!(
        reasons_of(&directory, &[("country", "BY")], 13),
        [Reason::ExileFrom(code("BY"))]
    );
    assert_eq!(
        reasons_of(&directory, &[("region", "BY-HM")], 13),
        [Reason::ExileFrom(code("BY"))]
    );
    assert_eq!(
        reasons_of(&directory, &[("country", "LT")], 13),
        [Reason::CoversCountry(code("LT"))]
    );
}

#[test]
fn services_without_groups_serve_everyone() {
    let directory = sample();
    let hits = found(&directory, &[("group", "journalists")]);
    assert!(hits.contains(&13) && hits.contains(&11), "{hits:?}");
    assert!(!hits.contains(&15), "{hits:?}");
    assert_eq!(
        reasons_of(&directory, &[("group", "journalists")], 13),
        [Reason::ServesGroup(code("journalists"))]
    );
    assert_eq!(
        reasons_of(&directory, &[("group", "journalists")], 11),
        [Reason::ServesEveryone]
    );
    assert!(found(&directory, &[("group", "lgbtqi")]).contains(&15));
}

#[test]
fn language_format_and_family_filter() {
    let directory = sample();
    assert_eq!(found(&directory, &[("language", "ky")]), [10]);
    assert_eq!(found(&directory, &[("language", "en")]), [12]);
    assert_eq!(
        sorted(found(&directory, &[("format", "in_person")])),
        [10, 15]
    );
    assert_eq!(found(&directory, &[("format", "requires_travel")]), [16]);
    assert_eq!(sorted(found(&directory, &[("family", "yes")])), [13, 15]);
    assert_eq!(
        reasons_of(
            &directory,
            &[("country", "KZ"), ("family", "yes"), ("format", "online")],
            15
        ),
        [
            Reason::CoversCountry(code("KZ")),
            Reason::Format(Format::Online),
            Reason::FamilyEligible
        ]
    );
}

#[test]
fn every_filter_adds_its_reason() {
    let directory = sample();
    let pairs = [
        ("region", "KG-GB"),
        ("support", "legal"),
        ("group", "lgbtqi"),
        ("language", "ky"),
        ("format", "in_person"),
    ];
    assert_eq!(
        reasons_of(&directory, &pairs, 10),
        [
            Reason::CoversRegion(code("KG-GB")),
            Reason::Support(code("legal")),
            Reason::ServesEveryone,
            Reason::Language(code("ky")),
            Reason::Format(Format::InPerson),
        ]
    );
}

#[test]
fn open_first_then_most_local_then_fastest() {
    let directory = sample();
    // 10 Bishkek (region, 24 h); 17 and 11 national (12 h, 72 h); 18 worldwide (1 h);
    // 14 closed, though it answers fastest.
    assert_eq!(
        found(
            &directory,
            &[("country", "KG"), ("support", "legal"), ("region", "KG-GB")]
        ),
        [10, 17, 11, 18, 14]
    );
    assert_eq!(
        found(&directory, &[("country", "KG"), ("support", "legal")]),
        [10, 19, 17, 11, 18, 14]
    );
}

#[test]
fn exile_comes_after_national_and_before_worldwide() {
    let mut directory = sample();
    let mut national = service(30, 1, "Belarus fund", "financial", &["BY"]);
    national.response_hours = 500;
    let mut worldwide = service(31, 1, "World fund", "financial", &[]);
    worldwide.coverage.worldwide = true;
    worldwide.response_hours = 1;
    directory.services.extend([national, worldwide]);
    directory.validate(&taxonomy()).unwrap();
    assert_eq!(
        found(&directory, &[("country", "BY"), ("support", "financial")]),
        [30, 13, 31]
    );
}

#[test]
fn hits_carry_their_organization() {
    let directory = sample();
    let hits = search(&directory, &taxonomy(), &filters(&[("language", "ky")]));
    assert_eq!(hits[0].organization.id, org_id(1));
}

#[test]
fn count_agrees_with_search() {
    let directory = sample();
    for pairs in [
        &[("country", "KG")][..],
        &[("region", "KG-O"), ("support", "legal")],
        &[("family", "yes")],
        &[("country", "AM")],
    ] {
        let filters = filters(pairs);
        assert_eq!(
            count(&directory, &taxonomy(), &filters),
            search(&directory, &taxonomy(), &filters).len(),
            "{pairs:?}"
        );
    }
}

#[test]
fn services_of_a_missing_organization_are_neither_found_nor_counted() {
    // An unvalidated directory can hold such a service; both must agree on it.
    let mut directory = sample();
    directory
        .services
        .push(service(40, 99, "Orphan", "legal", &["KG"]));
    let filters = filters(&[("country", "KG")]);
    let hits = search(&directory, &taxonomy(), &filters);
    assert!(hits.iter().all(|h| h.service.id != id(40)));
    assert_eq!(count(&directory, &taxonomy(), &filters), hits.len());
}

// --- suggestions

fn kinds(suggestions: &[Suggestion]) -> Vec<SuggestionKind> {
    suggestions.iter().map(|s| s.kind).collect()
}

#[test]
fn a_search_without_results_suggests_what_finds_something() {
    let directory = sample();
    let original = filters(&[
        ("country", "KG"),
        ("region", "KG-O"),
        ("support", "legal"),
        ("language", "ky"),
    ]);
    assert!(search(&directory, &taxonomy(), &original).is_empty());
    let suggestions = suggestions(&directory, &taxonomy(), &original);
    assert_eq!(
        kinds(&suggestions),
        [
            SuggestionKind::WholeCountry,
            SuggestionKind::AnyLanguage,
            SuggestionKind::InternationalProviders,
            SuggestionKind::OtherSupport
        ]
    );
    let matches: Vec<usize> = suggestions.iter().map(|s| s.matches).collect();
    // Whole country: Bishkek lawyers speak Kyrgyz. Any language: 11, 14, 17, 18, 19.
    // Essentials: all six legal services of KG. Anything in KG: eight services.
    assert_eq!(matches, [1, 5, 6, 8]);
    for suggestion in &suggestions {
        assert_eq!(
            suggestion.matches,
            count(&directory, &taxonomy(), &suggestion.filters)
        );
        assert!(!search(&directory, &taxonomy(), &suggestion.filters).is_empty());
    }
    assert_eq!(suggestions[0].filters.region, None);
    assert_eq!(suggestions[0].filters.language, Some(code("ky")));
}

#[test]
fn whole_country_suggestion_names_the_country_of_the_region() {
    let directory = sample();
    let original = filters(&[("region", "KG-O"), ("language", "ky")]);
    let suggestions = suggestions(&directory, &taxonomy(), &original);
    let whole = suggestions
        .iter()
        .find(|s| s.kind == SuggestionKind::WholeCountry)
        .expect("a whole-country suggestion");
    assert_eq!(whole.filters.country, Some(code("KG")));
    assert_eq!(whole.filters.region, None);
    assert_eq!(whole.matches, 1);
}

#[test]
fn each_condition_can_be_dropped() {
    let directory = sample();
    let cases = [
        (
            &[
                ("country", "KG"),
                ("format", "requires_travel"),
                ("support", "legal"),
            ][..],
            SuggestionKind::AnyFormat,
        ),
        (
            &[
                ("country", "KG"),
                ("group", "exiles"),
                ("support", "psychological"),
            ],
            SuggestionKind::AnyGroup,
        ),
        (
            &[("country", "KG"), ("family", "yes"), ("support", "legal")],
            SuggestionKind::WithoutFamily,
        ),
    ];
    for (pairs, kind) in cases {
        let original = filters(pairs);
        assert_eq!(count(&directory, &taxonomy(), &original), 0, "{pairs:?}");
        let suggestions = suggestions(&directory, &taxonomy(), &original);
        assert_eq!(
            suggestions.first().map(|s| s.kind),
            Some(kind),
            "{pairs:?}: {suggestions:#?}"
        );
    }
}

#[test]
fn relaxations_that_find_nothing_are_left_out() {
    let directory = sample();
    // Nothing legal in Armenia except the worldwide fund, and it works in Russian only.
    let original = filters(&[("country", "AM"), ("support", "legal"), ("language", "hy")]);
    let suggestions = suggestions(&directory, &taxonomy(), &original);
    assert!(suggestions.iter().all(|s| s.matches > 0));
    // AnyLanguage and the essentials are the same filters: offered once.
    assert_eq!(
        kinds(&suggestions),
        [SuggestionKind::AnyLanguage, SuggestionKind::OtherSupport]
    );
}

#[test]
fn no_dead_end_without_a_support_type() {
    let directory = sample();
    // Kazakhstan has services, but none in Kyrgyz that requires travel, and dropping
    // either condition alone still finds nothing.
    let original = filters(&[
        ("country", "KZ"),
        ("language", "ky"),
        ("format", "requires_travel"),
    ]);
    assert_eq!(count(&directory, &taxonomy(), &original), 0);
    let suggestions = suggestions(&directory, &taxonomy(), &original);
    let last = suggestions.last().expect("at least one suggestion");
    assert_eq!(last.kind, SuggestionKind::OtherSupport);
    assert_eq!(last.filters, filters(&[("country", "KZ")]));
    assert_eq!(last.matches, 4);
}

#[test]
fn a_suggestion_never_repeats_the_search() {
    let directory = sample();
    for pairs in [&[][..], &[("country", "KG")], &[("country", "AM")]] {
        let original = filters(pairs);
        let suggestions = suggestions(&directory, &taxonomy(), &original);
        assert!(
            suggestions.iter().all(|s| s.filters != original),
            "{pairs:?}: {suggestions:#?}"
        );
    }
}
