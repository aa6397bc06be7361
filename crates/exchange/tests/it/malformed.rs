//! Bad input: every problem is reported, each naming record and field, and nothing is
//! imported.

use proptest::prelude::*;
use serde_json::{json, Value};
use torchlight_core::Taxonomy;
use torchlight_exchange::{export_hsds, export_json, import, ImportError, ImportOptions};

use crate::common::{full_directory, taxonomy};

fn errors_of(value: &Value, taxonomy: &Taxonomy) -> Vec<ImportError> {
    let bytes = serde_json::to_vec(value).unwrap();
    match import(&bytes, taxonomy, &ImportOptions::default()) {
        Ok(directory) => panic!("imported although broken: {directory:?}"),
        Err(errors) => errors,
    }
}

fn show(errors: &[ImportError]) -> String {
    errors.iter().map(|e| format!("  {e}\n")).collect()
}

fn has(errors: &[ImportError], record: &str, field: &str, message: &str) -> bool {
    errors
        .iter()
        .any(|e| e.record.starts_with(record) && e.field == field && e.message.contains(message))
}

/// The attribute of `link_type` among a record's attributes.
fn attribute<'v>(record: &'v mut Value, link_type: &str) -> &'v mut Value {
    record["attributes"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|a| a["link_type"] == link_type)
        .unwrap()
}

#[test]
fn invalid_json_is_one_error_with_line_and_column() {
    let taxonomy = taxonomy();
    for (text, line, column) in [
        ("[\n  {\"id\": 1,}\n]", 2, 12),
        ("", 1, 0),
        ("{\"a\": tru}", 1, 10),
    ] {
        let errors = import(text.as_bytes(), taxonomy, &ImportOptions::default()).unwrap_err();
        assert_eq!(errors.len(), 1, "{}", show(&errors));
        assert_eq!(errors[0].record, "input");
        assert_eq!(
            errors[0].field,
            format!("line {line}, column {column}"),
            "{text:?}"
        );
    }
    let errors = import(b"\xff\xfe[]", taxonomy, &ImportOptions::default()).unwrap_err();
    assert_eq!(errors.len(), 1);
}

#[test]
fn a_byte_order_mark_is_tolerated() {
    let taxonomy = taxonomy();
    assert_eq!(
        import(b"\xEF\xBB\xBF[]", taxonomy, &ImportOptions::default()),
        Ok(Default::default())
    );
}

#[test]
fn wrong_shapes_at_the_top_are_named() {
    let taxonomy = taxonomy();
    let errors = errors_of(&json!(42), taxonomy);
    assert_eq!(
        (errors[0].record.as_str(), errors[0].field.as_str()),
        ("input", "(top level)")
    );
    let errors = errors_of(&json!([{"id": "x"}, 7, "y"]), taxonomy);
    assert!(
        has(&errors, "input", "[1]", "found a number"),
        "{}",
        show(&errors)
    );
    assert!(
        has(&errors, "input", "[2]", "found a string"),
        "{}",
        show(&errors)
    );
    let errors = errors_of(&json!({"organizations": {"id": 1}}), taxonomy);
    assert!(
        has(&errors, "input", "organizations", "expected an array"),
        "{}",
        show(&errors)
    );
}

#[test]
fn every_error_in_every_record_is_reported_at_its_place() {
    let taxonomy = taxonomy();
    let directory = full_directory(taxonomy);
    let mut hsds = export_hsds(&directory, taxonomy);
    let kg = "organization 'Bir Duino \"Kyrgyzstan\"' (00000000-0000-4000-8000-000000000001)";
    let intl = "organization 'Shelter International' (00000000-0000-4000-8000-000000000002)";

    // The brief's own example: an unknown support type in a nested service.
    attribute(&mut hsds[1]["services"][2], "support")["taxonomy_term"]["code"] = json!("foo");
    // A wrong JSON type, an unknown status, an unknown region in a service area.
    hsds[0]["services"][0]["name"] = json!(12);
    hsds[0]["services"][1]["status"] = json!("open");
    hsds[0]["services"][1]["service_areas"][0]["attributes"][0]["taxonomy_term"]["code"] =
        json!("KG-ZZ");
    // A flag that is not a boolean word, and an unknown Torchlight link type.
    attribute(&mut hsds[1]["services"][0], "family_eligible")["value"] = json!("yes");
    attribute(&mut hsds[1]["services"][1], "support")["link_type"] = json!("colour");
    // An empty description: only the directory's own validation notices that.
    hsds[2]["description"] = json!("   ");
    // A bad id, and a translation into an unknown language.
    hsds[3]["id"] = json!("HRH-1");
    hsds[2]["x-torchlight-translations"]["xx"] = json!({"name": "?"});

    let errors = errors_of(&hsds, taxonomy);
    let text = show(&errors);
    assert!(
        errors.iter().any(|e| e.to_string()
            == format!("{intl}: services[2].attributes[0]: unknown support_type code 'foo'")),
        "{text}"
    );
    assert!(
        has(
            &errors,
            kg,
            "services[0].name",
            "expected a string, found a number"
        ),
        "{text}"
    );
    assert!(
        has(&errors, kg, "services[1].status", "'open' is not one of"),
        "{text}"
    );
    assert!(
        has(
            &errors,
            kg,
            "services[1].service_areas[0].attributes[0]",
            "unknown region code 'KG-ZZ'"
        ),
        "{text}"
    );
    assert!(
        has(
            &errors,
            intl,
            "services[0].attributes[6].value",
            "'yes' is not true or false"
        ),
        "{text}"
    );
    assert!(
        has(
            &errors,
            intl,
            "services[1].attributes[0].link_type",
            "unknown Torchlight link_type 'colour'"
        ),
        "{text}"
    );
    // An attribute of unknown purpose cannot stand for the support type it replaced.
    assert!(
        has(&errors, intl, "services[1].attributes", "no support type"),
        "{text}"
    );
    assert!(
        has(
            &errors,
            "organization 'Kyiv Focal Point'",
            "description",
            "must not be empty"
        ),
        "{text}"
    );
    assert!(
        has(
            &errors,
            "organization 'Kyiv Focal Point'",
            "x-torchlight-translations.xx",
            "unknown language code 'xx'"
        ),
        "{text}"
    );
    assert!(
        has(
            &errors,
            "organization 'Human Rights House Tbilisi' (HRH-1)",
            "id",
            "'HRH-1' is not a UUID"
        ),
        "{text}"
    );
    // Nothing else: no echoes (the directory's validation repeating the mapping, a
    // missing name after a mistyped one, nowhere covered after a broken area...).
    assert_eq!(errors.len(), 10, "{text}");
}

#[test]
fn unknown_hsds_fields_and_foreign_attributes_are_ignored() {
    let taxonomy = taxonomy();
    let directory = full_directory(taxonomy);
    let mut hsds = export_hsds(&directory, taxonomy);
    hsds[0]["tax_id"] = json!("12-345");
    hsds[0]["x-other-extension"] = json!({"anything": [1, 2]});
    hsds[0]["services"][0]["fees_description"] = json!("free");
    hsds[0]["services"][0]["attributes"].as_array_mut().unwrap().push(json!({
        "id": "7a1a3e5e-0000-4000-8000-000000000000",
        "link_type": "audience",
        "taxonomy_term": {"id": "7a1a3e5e-0000-4000-8000-000000000001", "code": "ZZ-999", "name": "Open Eligibility", "taxonomy": "openeligibility"}
    }));
    let bytes = serde_json::to_vec(&hsds).unwrap();
    let imported = import(&bytes, taxonomy, &ImportOptions::default()).unwrap();
    assert_eq!(imported.services, directory.services);
}

#[test]
fn a_torchlight_record_must_be_complete() {
    let taxonomy = taxonomy();
    let directory = full_directory(taxonomy);
    let mut hsds = export_hsds(&directory, taxonomy);
    let attributes = hsds[1]["services"][0]["attributes"].as_array_mut().unwrap();
    attributes.retain(|a| a["link_type"] != "response_hours" && a["link_type"] != "formats");
    let errors = errors_of(&hsds, taxonomy);
    let text = show(&errors);
    assert!(
        has(
            &errors,
            "organization 'Shelter International'",
            "services[0].attributes",
            "no response time"
        ),
        "{text}"
    );
    assert!(
        has(
            &errors,
            "organization 'Shelter International'",
            "services[0].attributes",
            "no format"
        ),
        "{text}"
    );
    assert_eq!(errors.len(), 2, "{text}");
}

#[test]
fn services_on_their_own_must_name_an_organization_that_exists() {
    let taxonomy = taxonomy();
    let directory = full_directory(taxonomy);
    let hsds = export_hsds(&directory, taxonomy);
    let mut service = hsds[0]["services"][0].clone();
    let errors = errors_of(&json!([service.clone()]), taxonomy);
    assert!(
        has(
            &errors,
            "service 'Lawyers on call'",
            "organization_id",
            "no organization has id"
        ),
        "{}",
        show(&errors)
    );
    service.as_object_mut().unwrap().remove("organization_id");
    let errors = errors_of(&json!([service]), taxonomy);
    assert!(
        has(
            &errors,
            "service 'Lawyers on call'",
            "organization_id",
            "missing"
        ),
        "{}",
        show(&errors)
    );
}

#[test]
fn duplicate_ids_are_reported_by_validation_at_their_place() {
    let taxonomy = taxonomy();
    let directory = full_directory(taxonomy);
    let mut hsds = export_hsds(&directory, taxonomy);
    let first = hsds[0]["services"][0]["id"].clone();
    hsds[0]["services"][1]["id"] = first;
    let errors = errors_of(&hsds, taxonomy);
    assert!(
        has(
            &errors,
            "organization 'Bir Duino",
            "services[1].id",
            "is used by another record"
        ),
        "{}",
        show(&errors)
    );
}

#[test]
fn torchlight_json_reports_every_broken_record_and_field() {
    let taxonomy = taxonomy();
    let directory = full_directory(taxonomy);
    let mut json = export_json(&directory, true);
    json["organizations"][0]["kind"] = json!(3);
    json["organizations"][0]["colour"] = json!("red");
    json["services"][1]["response_hours"] = json!("soon");
    json["services"][2]["support"] = json!("astrology");
    json["allies"][0]["profession"] = json!("wizard");
    let errors = errors_of(&json, taxonomy);
    let text = show(&errors);
    let kg = "organization 'Bir Duino \"Kyrgyzstan\"' (00000000-0000-4000-8000-000000000001)";
    assert!(has(&errors, kg, "kind", "invalid type"), "{text}");
    assert!(has(&errors, kg, "colour", "unknown field"), "{text}");
    assert!(
        has(
            &errors,
            "service 'Counselling in Osh'",
            "response_hours",
            "invalid type"
        ),
        "{text}"
    );
    assert!(
        has(
            &errors,
            "service 'Emergency relocation'",
            "support",
            "unknown support_type code 'astrology'"
        ),
        "{text}"
    );
    assert!(
        has(
            &errors,
            "ally 'A. Lawyer'",
            "profession",
            "unknown profession code 'wizard'"
        ),
        "{text}"
    );
    // The services and ally of the unreadable organization are not blamed for it.
    assert_eq!(errors.len(), 5, "{text}");
}

#[test]
fn torchlight_json_with_unknown_top_level_fields_is_refused() {
    let taxonomy = taxonomy();
    let errors = errors_of(
        &json!({"organizations": [], "services": [], "cases": []}),
        taxonomy,
    );
    assert!(
        has(&errors, "input", "cases", "unknown field"),
        "{}",
        show(&errors)
    );
}

/// Keys the importer looks at, so that random documents reach deep into it.
fn key() -> impl Strategy<Value = String> {
    const KNOWN: &[&str] = &[
        "id",
        "name",
        "description",
        "services",
        "organizations",
        "contents",
        "status",
        "organization",
        "organization_id",
        "attributes",
        "taxonomy_term",
        "taxonomy_detail",
        "taxonomy",
        "link_type",
        "code",
        "value",
        "languages",
        "service_areas",
        "x-torchlight-translations",
        "kind",
        "allies",
        "email",
        "phones",
        "number",
        "wait_time",
        "extent",
        "extent_type",
    ];
    prop_oneof![
        prop::sample::select(KNOWN).prop_map(String::from),
        "[a-z_]{1,8}"
    ]
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        "[ -~]{0,12}".prop_map(Value::from),
        prop::sample::select(
            &[
                "active",
                "torchlight",
                "torchlight:support_type",
                "support",
                "legal",
                "KG",
                "ru",
                "true"
            ][..]
        )
        .prop_map(Value::from),
        Just(json!("00000000-0000-4000-8000-000000000001")),
    ]
}

fn document() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(5, 96, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::btree_map(key(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Replaces the value found by following `path` (indexes into objects' keys and
/// arrays' items) with `replacement`.
fn mutate(value: &mut Value, path: &[usize], replacement: Value) {
    let next = match (path.split_first(), &mut *value) {
        (Some((i, rest)), Value::Object(map)) if !map.is_empty() => {
            let key = map.keys().nth(i % map.len()).cloned().unwrap();
            Some((map.get_mut(&key).unwrap(), rest))
        }
        (Some((i, rest)), Value::Array(items)) if !items.is_empty() => {
            let n = items.len();
            Some((&mut items[i % n], rest))
        }
        _ => None,
    };
    match next {
        Some((child, rest)) => mutate(child, rest, replacement),
        None => *value = replacement,
    }
}

fn never_panics_and_only_returns_valid(
    bytes: &[u8],
    taxonomy: &Taxonomy,
) -> Result<(), TestCaseError> {
    if let Ok(directory) = import(bytes, taxonomy, &ImportOptions::default()) {
        let mut again = directory.clone();
        prop_assert!(again.validate(taxonomy).is_ok());
        prop_assert_eq!(again, directory);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_documents_never_panic_the_import(document in document()) {
        let taxonomy = taxonomy();
        never_panics_and_only_returns_valid(&serde_json::to_vec(&document).unwrap(), taxonomy)?;
    }

    #[test]
    fn damaged_exports_never_panic_the_import(
        damages in prop::collection::vec((prop::collection::vec(any::<usize>(), 0..8), document()), 1..4),
        torchlight_json in any::<bool>(),
    ) {
        let taxonomy = taxonomy();
        let directory = full_directory(taxonomy);
        let mut value = if torchlight_json { export_json(&directory, true) } else { export_hsds(&directory, taxonomy) };
        for (path, replacement) in damages {
            mutate(&mut value, &path, replacement);
        }
        never_panics_and_only_returns_valid(&serde_json::to_vec(&value).unwrap(), taxonomy)?;
    }

    #[test]
    fn random_bytes_are_refused_cleanly(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        let taxonomy = taxonomy();
        never_panics_and_only_returns_valid(&bytes, taxonomy)?;
    }
}
