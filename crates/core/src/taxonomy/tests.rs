#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::load::FIXED_SUPPORT_TYPES;
use super::*;

fn built_in() -> Arc<Taxonomy> {
    Taxonomy::built_in().expect("the built-in taxonomy loads")
}

fn extend(name: &str, text: &str) -> Result<Taxonomy, TaxonomyError> {
    Taxonomy::load(&[SourceFile {
        name: name.to_owned(),
        text: text.to_owned(),
    }])
}

/// Loads one extension file that must fail, and returns the error.
fn extend_err(name: &str, text: &str) -> TaxonomyError {
    match extend(name, text) {
        Ok(_) => panic!("{name} should have been rejected:\n{text}"),
        Err(e) => e,
    }
}

#[test]
fn built_in_taxonomy_loads() {
    built_in();
}

#[test]
fn every_fixed_support_type_exists() {
    let taxonomy = built_in();
    for code in FIXED_SUPPORT_TYPES {
        assert!(
            taxonomy.contains(Vocabulary::SupportType, code),
            "support type '{code}' is missing"
        );
    }
}

#[test]
fn every_vocabulary_has_entries() {
    let taxonomy = built_in();
    assert!(!taxonomy.countries().is_empty());
    assert!(!taxonomy.regions().is_empty());
    for vocabulary in Vocabulary::ALL {
        if matches!(vocabulary, Vocabulary::Country | Vocabulary::Region) {
            continue;
        }
        assert!(
            !taxonomy.terms(vocabulary).is_empty(),
            "{vocabulary} is empty"
        );
        for term in taxonomy.terms(vocabulary) {
            assert!(
                !term.label.is_empty(),
                "{vocabulary} '{}' has no label",
                term.code
            );
        }
    }
}

#[test]
fn the_eight_countries_carry_their_regime() {
    let taxonomy = built_in();
    for code in ["AM", "GE", "KG", "UA"] {
        assert_eq!(
            taxonomy.country(code).and_then(|c| c.regime),
            Some(Regime::Hybrid),
            "{code}"
        );
    }
    for code in ["AZ", "BY", "KZ", "TJ"] {
        assert_eq!(
            taxonomy.country(code).and_then(|c| c.regime),
            Some(Regime::Authoritarian),
            "{code}"
        );
    }
    let with_regime = taxonomy
        .countries()
        .iter()
        .filter(|c| c.regime.is_some())
        .count();
    assert_eq!(
        with_regime, 8,
        "only the study's eight countries carry a regime"
    );
}

#[test]
fn every_iso_country_is_known() {
    let taxonomy = built_in();
    assert!(taxonomy.countries().len() >= 249);
    for code in ["DE", "US", "LT", "PL", "TR", "RU", "CN"] {
        assert!(taxonomy.contains(Vocabulary::Country, code), "{code}");
    }
}

#[test]
fn capitals_and_occupied_territories_are_marked() {
    let taxonomy = built_in();
    let capitals = [
        ("AM-ER", "AM"),
        ("AZ-BA", "AZ"),
        ("BY-HM", "BY"),
        ("GE-TB", "GE"),
        ("KG-GB", "KG"),
        ("KZ-AST", "KZ"),
        ("TJ-DU", "TJ"),
        ("UA-30", "UA"),
    ];
    for (code, country) in capitals {
        let region = taxonomy
            .region(code)
            .unwrap_or_else(|| panic!("{code} is missing"));
        assert_eq!(region.kind, RegionKind::Capital, "{code}");
        assert_eq!(region.country.as_str(), country);
    }
    let capital_count = taxonomy
        .regions()
        .iter()
        .filter(|r| r.kind == RegionKind::Capital)
        .count();
    assert_eq!(capital_count, 8, "one capital per country");
    for code in ["UA-43", "UA-40", "GE-AB", "GE-XSO"] {
        let region = taxonomy
            .region(code)
            .unwrap_or_else(|| panic!("{code} is missing"));
        assert_eq!(region.kind, RegionKind::Occupied, "{code}");
    }
    for country in ["AM", "AZ", "BY", "GE", "KG", "KZ", "TJ", "UA"] {
        let code = taxonomy.resolve(Vocabulary::Country, country).unwrap();
        assert!(
            taxonomy.regions_of(&code).count() >= 5,
            "{country} has too few regions"
        );
    }
}

#[test]
fn azerbaijan_lists_municipalities_not_rayons() {
    let taxonomy = built_in();
    assert!(taxonomy.region("AZ-NX").is_some());
    assert!(taxonomy.region("AZ-SM").is_some());
    // AZ-ABS (Abşeron) is a rayon in ISO 3166-2.
    assert!(taxonomy.region("AZ-ABS").is_none());
}

#[test]
fn lookups_accept_lower_case_and_return_canonical_codes() {
    let taxonomy = built_in();
    assert_eq!(
        taxonomy
            .resolve(Vocabulary::Country, "kg")
            .unwrap()
            .as_str(),
        "KG"
    );
    assert_eq!(
        taxonomy
            .resolve(Vocabulary::Region, "kg-gb")
            .unwrap()
            .as_str(),
        "KG-GB"
    );
    assert_eq!(taxonomy.label(Vocabulary::Region, "KG-GB"), "Bishkek");
    assert_eq!(
        taxonomy.label(Vocabulary::SupportType, "no_such_code"),
        "no_such_code"
    );
    let err = taxonomy
        .resolve(Vocabulary::SupportType, "teleportation")
        .unwrap_err();
    assert_eq!(err.to_string(), "unknown support_type code 'teleportation'");
}

#[test]
fn languages_have_english_name_and_autonym() {
    let taxonomy = built_in();
    assert_eq!(
        taxonomy.label(Vocabulary::Language, "ru"),
        "Russian (русский)"
    );
    assert!(taxonomy.contains(Vocabulary::Language, "crh"));
}

#[test]
fn an_extension_adds_entries() {
    let taxonomy = extend(
        "coalition/defender_groups.csv",
        "code,label,description\nminers,Miners' rights,Defenders of miners' labour rights.\n",
    )
    .unwrap();
    let term = taxonomy.term(Vocabulary::DefenderGroup, "miners").unwrap();
    assert_eq!(term.label, "Miners' rights");
    // The built-in entries are still there.
    assert!(taxonomy.contains(Vocabulary::DefenderGroup, "lgbtqi"));
}

#[test]
fn an_extension_adds_regions_of_any_country() {
    let taxonomy = extend(
        "regions.csv",
        "code,country,name,kind\nLT-57,LT,Kaunas,region\n",
    )
    .unwrap();
    let region = taxonomy.region("LT-57").unwrap();
    assert_eq!(region.country.as_str(), "LT");
    assert_eq!(region.kind, RegionKind::Region);
}

#[test]
fn duplicate_code_names_file_and_line() {
    let err = extend_err(
        "coalition/support_types.csv",
        "code,label,description\nsafe_house,Safe house,A house to hide in.\nlegal,Legal,Lawyers.\n",
    );
    assert_eq!(err.file, "coalition/support_types.csv");
    assert_eq!(err.line, 3);
    assert!(
        err.message.contains("duplicate support_type code 'legal'"),
        "{err}"
    );
    assert!(
        err.to_string()
            .starts_with("coalition/support_types.csv:3: "),
        "{err}"
    );
}

#[test]
fn duplicate_within_one_extension_names_the_second_line() {
    let err = extend_err(
        "risk_types.csv",
        "code,label,description\nkidnap_threat,Kidnap threat,x\n\nkidnap_threat,Again,y\n",
    );
    // Blank lines still count, so the line is the one an editor shows.
    assert_eq!(
        (err.file.as_str(), err.line),
        ("risk_types.csv", 4),
        "{err}"
    );
}

#[test]
fn unknown_region_country_names_file_and_line() {
    let err = extend_err(
        "coalition/regions.csv",
        "code,country,name,kind\nLT-57,LT,Kaunas,region\nXQ-01,XQ,Nowhere,region\n",
    );
    assert_eq!(
        (err.file.as_str(), err.line),
        ("coalition/regions.csv", 3),
        "{err}"
    );
    assert!(err.message.contains("XQ"), "{err}");
}

#[test]
fn region_of_another_country_is_rejected() {
    let err = extend_err(
        "regions.csv",
        "code,country,name,kind\nLT-57,LV,Kaunas,region\n",
    );
    assert_eq!(err.line, 2, "{err}");
}

#[test]
fn bad_header_is_reported_on_line_one() {
    let err = extend_err(
        "professions.csv",
        "code,name,description\nnotary,Notary,A notary.\n",
    );
    assert_eq!(
        (err.file.as_str(), err.line),
        ("professions.csv", 1),
        "{err}"
    );
    assert!(err.message.contains("code,label,description"), "{err}");
}

#[test]
fn bad_code_shape_names_the_line() {
    let err = extend_err(
        "professions.csv",
        "code,label,description\nnotary,Notary,A notary.\nTax Adviser,Tax adviser,x\n",
    );
    assert_eq!(
        (err.file.as_str(), err.line),
        ("professions.csv", 3),
        "{err}"
    );
    assert!(err.message.contains("'Tax Adviser' is not a code"), "{err}");
}

#[test]
fn non_canonical_code_is_rejected() {
    let err = extend_err(
        "regions.csv",
        "code,country,name,kind\nlt-57,LT,Kaunas,region\n",
    );
    assert_eq!(err.line, 2, "{err}");
    assert!(err.message.contains("LT-57"), "{err}");
}

#[test]
fn missing_label_names_the_line() {
    let err = extend_err(
        "actor_kinds.csv",
        "code,label,description\nbar_association,,Lawyers' professional body.\n",
    );
    assert_eq!(
        (err.file.as_str(), err.line),
        ("actor_kinds.csv", 2),
        "{err}"
    );
    assert!(err.message.contains("needs a label"), "{err}");
}

#[test]
fn missing_description_names_the_line() {
    let err = extend_err(
        "actor_kinds.csv",
        "code,label,description\nbar_association,Bar association,\n",
    );
    assert_eq!(err.line, 2, "{err}");
    assert!(err.message.contains("description"), "{err}");
}

#[test]
fn unknown_regime_names_the_line() {
    let err = extend_err(
        "countries.csv",
        "code,name,regime\nXK,Kosovo,dictatorship\n",
    );
    assert_eq!((err.file.as_str(), err.line), ("countries.csv", 2), "{err}");
    assert!(
        err.message.contains("unknown regime 'dictatorship'"),
        "{err}"
    );
}

#[test]
fn unknown_region_kind_names_the_line() {
    let err = extend_err(
        "regions.csv",
        "code,country,name,kind\nLT-57,LT,Kaunas,city\n",
    );
    assert_eq!(err.line, 2, "{err}");
    assert!(err.message.contains("unknown region kind 'city'"), "{err}");
}

#[test]
fn wrong_number_of_fields_names_the_line() {
    let err = extend_err(
        "languages.csv",
        "code,name\nyi,Yiddish (ייִדיש)\nlad,Ladino,extra\n",
    );
    assert_eq!((err.file.as_str(), err.line), ("languages.csv", 3), "{err}");
}

#[test]
fn file_of_no_vocabulary_is_rejected() {
    let err = extend_err("coalition/people.csv", "code,label,description\n");
    assert_eq!(err.file, "coalition/people.csv");
    assert!(err.message.contains("not a taxonomy file"), "{err}");
}

#[test]
fn line_numbers_count_blank_lines_crlf_and_multi_line_fields() {
    let cases = [
        ("code,label,description\n\n\nbad code,X,x\n", 4),
        (
            "code,label,description\r\nok_one,X,x\r\n\r\nbad code,X,y\r\n",
            4,
        ),
        (
            "code,label,description\nok_one,X,\"two\nlines\"\nbad code,X,y\n",
            4,
        ),
        ("\ncode,label,description\nbad code,X,y\n", 3),
        (
            "code,label,description\nok_one,X,x\n\n\n\nok_two,X,x\n\nbad code,X,y",
            8,
        ),
    ];
    for (text, line) in cases {
        let err = extend_err("risk_sources.csv", text);
        assert_eq!(err.line, line, "{err} in {text:?}");
    }
}
