#![allow(clippy::unwrap_used)]

use super::*;
use crate::directory::Organization;

fn org(id: u128, kind: &str, countries: &[&str]) -> Organization {
    Organization {
        id: OrganizationId::from_uuid(uuid::Uuid::from_u128(id)),
        name: format!("Org {id}"),
        kind: Code::parse(Vocabulary::ActorKind, kind).unwrap(),
        countries: countries
            .iter()
            .map(|c| Code::parse(Vocabulary::Country, c).unwrap())
            .collect(),
        regions: Vec::new(),
        languages: Vec::new(),
        description: String::new(),
        public_contact: String::new(),
        website: None,
        translations: Default::default(),
    }
}

fn directory() -> Directory {
    Directory {
        organizations: vec![
            org(1, "local_cso", &["KG"]),
            org(2, "focal_point", &["KG", "KZ"]),
            org(3, "focal_point", &["KG"]),
            org(4, "regional_network", &["GE", "AM"]),
        ],
        services: Vec::new(),
        allies: Vec::new(),
    }
}

fn minimal() -> RequestDraft {
    RequestDraft {
        country: "kg".into(),
        needs: vec!["legal".into()],
        urgency: "within_days".into(),
        ..RequestDraft::default()
    }
}

fn fields(draft: &RequestDraft) -> Vec<String> {
    let taxonomy = Taxonomy::built_in().unwrap();
    draft
        .validate(&taxonomy, &directory())
        .unwrap_err()
        .into_iter()
        .map(|e| e.field)
        .collect()
}

#[test]
fn country_one_need_and_urgency_are_enough_and_go_to_the_national_focal_point() {
    let taxonomy = Taxonomy::built_in().unwrap();
    let valid = minimal().validate(&taxonomy, &directory()).unwrap();
    assert_eq!(valid.country.as_str(), "KG");
    assert_eq!(valid.urgency, Urgency::WithinDays);
    // The focal point working in Kyrgyzstan alone, not the one covering two countries.
    assert_eq!(valid.recipient, directory().organizations[2].id);
    assert_eq!(valid.details.consent, Consent::Nobody);
    assert_eq!(valid.details.needs[0].as_str(), "legal");
}

#[test]
fn without_a_focal_point_a_regional_network_receives_and_without_either_the_defender_chooses() {
    let taxonomy = Taxonomy::built_in().unwrap();
    let georgia = RequestDraft {
        country: "GE".into(),
        ..minimal()
    };
    let valid = georgia.validate(&taxonomy, &directory()).unwrap();
    assert_eq!(valid.recipient, directory().organizations[3].id);
    let tajikistan = RequestDraft {
        country: "TJ".into(),
        ..minimal()
    };
    assert_eq!(fields(&tajikistan), ["send_to"]);
    let chosen = RequestDraft {
        send_to: Some(directory().organizations[0].id.to_string()),
        ..tajikistan
    };
    assert_eq!(
        chosen.validate(&taxonomy, &directory()).unwrap().recipient,
        directory().organizations[0].id
    );
}

#[test]
fn nothing_at_all_names_the_three_required_fields() {
    assert_eq!(
        fields(&RequestDraft::default()),
        ["country", "needs", "urgency"]
    );
}

#[test]
fn every_bad_field_is_named_once_with_its_path() {
    let draft = RequestDraft {
        country: "XX".into(),
        region: Some("KZ-ALA".into()),
        locality: Some("village".into()),
        needs: vec!["legal".into(), "flying".into()],
        risks: vec![
            RiskDraft {
                kind: "illegal_detention".into(),
                stage: Some("certain".into()),
                affects: vec!["family".into(), "cat".into()],
                ..RiskDraft::default()
            },
            RiskDraft::default(),
            RiskDraft {
                kind: String::new(),
                onset: Some("new".into()),
                ..RiskDraft::default()
            },
        ],
        narrative: Some("x".repeat(MAX_NARRATIVE_CHARS + 1)),
        urgency: "soon".into(),
        family_members: Some(MAX_FAMILY_MEMBERS + 1),
        consent: Some("named".into()),
        send_to: Some("not-an-id".into()),
        ..RequestDraft::default()
    };
    assert_eq!(
        fields(&draft),
        [
            "country",
            "locality",
            "needs",
            "risks.0.stage",
            "risks.0.affects",
            "risks.2.type",
            "narrative",
            "urgency",
            "family_members",
            "consent_organizations",
        ]
    );
}

#[test]
fn a_region_must_lie_in_the_country() {
    let draft = RequestDraft {
        region: Some("KZ-ALA".into()),
        ..minimal()
    };
    let taxonomy = Taxonomy::built_in().unwrap();
    if taxonomy.region("KZ-ALA").is_some() {
        assert_eq!(fields(&draft), ["region"]);
    }
    let own = taxonomy
        .regions_of(&Code::parse(Vocabulary::Country, "KG").unwrap())
        .next()
        .unwrap()
        .code
        .clone();
    let draft = RequestDraft {
        region: Some(own.as_str().to_owned()),
        ..minimal()
    };
    assert_eq!(
        draft
            .validate(&taxonomy, &directory())
            .unwrap()
            .details
            .region,
        Some(own)
    );
}

#[test]
fn consent_to_named_organisations_needs_names_of_the_directory() {
    let taxonomy = Taxonomy::built_in().unwrap();
    let named = RequestDraft {
        consent: Some("named".into()),
        consent_organizations: vec![
            directory().organizations[0].id.to_string(),
            directory().organizations[0].id.to_string(),
        ],
        ..minimal()
    };
    let valid = named.validate(&taxonomy, &directory()).unwrap();
    assert_eq!(valid.details.consent, Consent::Named);
    assert_eq!(valid.details.consent_organizations.len(), 1);
    let unknown = RequestDraft {
        consent_organizations: vec![uuid::Uuid::from_u128(99).to_string()],
        ..named.clone()
    };
    assert_eq!(fields(&unknown), ["consent_organizations"]);
    let coalition = RequestDraft {
        consent: Some("coalition".into()),
        ..named
    };
    let valid = coalition.validate(&taxonomy, &directory()).unwrap();
    assert!(valid.details.consent_organizations.is_empty());
}

#[test]
fn blank_form_rows_are_no_answers_and_repeated_codes_count_once() {
    let taxonomy = Taxonomy::built_in().unwrap();
    let draft = RequestDraft {
        needs: vec!["legal".into(), " ".into(), "legal".into(), "visa".into()],
        groups: vec![String::new()],
        risks: vec![RiskDraft::default()],
        locality: Some(String::new()),
        ..minimal()
    };
    let valid = draft.validate(&taxonomy, &directory()).unwrap();
    let needs: Vec<&str> = valid.details.needs.iter().map(Code::as_str).collect();
    assert_eq!(needs, ["legal", "visa"]);
    assert!(valid.details.groups.is_empty());
    assert!(valid.details.risks.is_empty());
    assert_eq!(valid.details.locality, None);
}

#[test]
fn the_json_of_the_api_reads_into_a_draft_and_unknown_fields_are_refused() {
    let draft: RequestDraft = serde_json::from_str(
        r#"{"country":"KG","needs":["legal"],"urgency":"within_days",
            "risks":[{"type":"illegal_detention","affects":["defender"]}],
            "narrative":"Summoned."}"#,
    )
    .unwrap();
    assert_eq!(draft.risks[0].kind, "illegal_detention");
    let error = serde_json::from_str::<RequestDraft>(
        r#"{"country":"KG","needs":["legal"],"urgency":"within_days","nmae":"x"}"#,
    )
    .unwrap_err();
    assert!(error.to_string().contains("nmae"), "{error}");
}

#[test]
fn a_message_is_required_and_bounded() {
    assert_eq!(check_message("message", "  hi ", 10).unwrap(), "hi");
    assert_eq!(
        check_message("message", "   ", 10).unwrap_err().problem,
        Problem::Required
    );
    assert_eq!(
        check_message("message", "eleven char", 10)
            .unwrap_err()
            .problem
            .code(),
        "too-long"
    );
}

#[test]
fn choice_codes_read_back() {
    for c in Consent::ALL {
        assert_eq!(Consent::from_code(c.code()), Some(*c));
    }
    for a in Affected::ALL {
        assert_eq!(Affected::from_code(a.code()), Some(*a));
    }
    assert_eq!(Locality::codes(), "capital, remote");
}
