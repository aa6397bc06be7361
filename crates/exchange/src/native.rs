//! Torchlight's own JSON: the serde form of `Directory`, allies included on request.
//!
//! Read record by record rather than in one go, so that a file with several broken
//! records reports all of them, each with the field at fault.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use torchlight_core::{Code, Coverage, Directory, Format, OrganizationId, Taxonomy, Translation};
use uuid::Uuid;

use crate::error::{core_label, record_label, ImportError};

pub(crate) fn export(directory: &Directory, with_allies: bool) -> Value {
    // Codes serialise as strings and every map is keyed by a code, so this cannot fail.
    let mut value = serde_json::to_value(directory).unwrap_or(Value::Null);
    if let (false, Value::Object(top)) = (with_allies, &mut value) {
        top.remove("allies");
    }
    value
}

/// Torchlight's JSON has `services` or `allies` beside `organizations`, or
/// organizations with Torchlight's own fields; HSDS has neither at those places.
pub(crate) fn is_torchlight(value: &Value) -> bool {
    let Some(top) = value.as_object() else {
        return false;
    };
    let Some(organizations) = top.get("organizations") else {
        return false;
    };
    let torchlight_fields = |org: &Value| {
        ["kind", "public_contact", "countries"]
            .iter()
            .any(|k| org.get(*k).is_some())
    };
    top.contains_key("services")
        || top.contains_key("allies")
        || organizations
            .as_array()
            .is_some_and(|orgs| orgs.iter().any(torchlight_fields))
}

type Check = (&'static str, fn(&Value) -> Result<(), String>);

fn check<T: DeserializeOwned>(value: &Value) -> Result<(), String> {
    T::deserialize(value).map(|_| ()).map_err(|e| e.to_string())
}

const ORGANIZATION: &[Check] = &[
    ("id", check::<Uuid>),
    ("name", check::<String>),
    ("kind", check::<Code>),
    ("countries", check::<Vec<Code>>),
    ("regions", check::<Vec<Code>>),
    ("languages", check::<Vec<Code>>),
    ("description", check::<String>),
    ("public_contact", check::<String>),
    ("website", check::<Option<String>>),
    ("translations", check::<BTreeMap<String, Translation>>),
];

const SERVICE: &[Check] = &[
    ("id", check::<Uuid>),
    ("organization_id", check::<Uuid>),
    ("name", check::<String>),
    ("description", check::<String>),
    ("support", check::<Code>),
    ("coverage", check::<Coverage>),
    ("groups", check::<Vec<Code>>),
    ("languages", check::<Vec<Code>>),
    ("formats", check::<Vec<Format>>),
    ("family_eligible", check::<bool>),
    ("eligibility", check::<String>),
    ("response_hours", check::<u32>),
    ("open", check::<bool>),
    ("translations", check::<BTreeMap<String, Translation>>),
];

const ALLY: &[Check] = &[
    ("id", check::<Uuid>),
    ("name", check::<String>),
    ("profession", check::<Code>),
    ("country", check::<Code>),
    ("regions", check::<Vec<Code>>),
    ("languages", check::<Vec<Code>>),
    ("contact", check::<String>),
    ("organization_id", check::<Uuid>),
    ("notes", check::<String>),
];

pub(crate) fn import(value: Value, taxonomy: &Taxonomy) -> Result<Directory, Vec<ImportError>> {
    let mut errors = Vec::new();
    let Value::Object(mut top) = value else {
        return Err(vec![ImportError::new(
            "input",
            "(top level)",
            "expected a Torchlight directory object",
        )]);
    };
    for key in top.keys() {
        if !["organizations", "services", "allies"].contains(&key.as_str()) {
            errors.push(ImportError::new(
                "input",
                key.clone(),
                "unknown field; a Torchlight directory has organizations, services and allies",
            ));
        }
    }
    let mut failed = HashSet::new();
    let mut directory = Directory {
        organizations: records(
            &mut top,
            "organizations",
            "organization",
            ORGANIZATION,
            &mut failed,
            &mut errors,
        ),
        services: records(
            &mut top,
            "services",
            "service",
            SERVICE,
            &mut failed,
            &mut errors,
        ),
        allies: records(&mut top, "allies", "ally", ALLY, &mut failed, &mut errors),
    };

    // A record that points at an organization which failed to read would only repeat
    // that organization's error.
    let mut points_at = HashMap::new();
    for s in &directory.services {
        points_at.insert(core_label("service", &s.name, s.id), s.organization_id);
    }
    for a in &directory.allies {
        points_at.insert(core_label("ally", &a.name, a.id), a.organization_id);
    }
    if let Err(found) = directory.validate(taxonomy) {
        let repeats = |e: &torchlight_core::RecordError| {
            e.field == "organization_id"
                && points_at
                    .get(&e.record)
                    .is_some_and(|id: &OrganizationId| failed.contains(&id.as_uuid()))
        };
        errors.extend(
            found
                .into_iter()
                .filter(|e| !repeats(e))
                .map(ImportError::from),
        );
    }
    if errors.is_empty() {
        Ok(directory)
    } else {
        Err(errors)
    }
}

/// Reads the array `key` of the directory record by record; the ids of records that
/// fail go into `failed`.
fn records<T: DeserializeOwned>(
    top: &mut Map<String, Value>,
    key: &str,
    kind: &str,
    checks: &[Check],
    failed: &mut HashSet<Uuid>,
    errors: &mut Vec<ImportError>,
) -> Vec<T> {
    let items = match top.remove(key) {
        None if key == "allies" => return Vec::new(),
        None => {
            errors.push(ImportError::new(
                "input",
                key,
                "missing; give an array (it may be empty)",
            ));
            return Vec::new();
        }
        Some(Value::Array(items)) => items,
        Some(_) => {
            errors.push(ImportError::new("input", key, "expected an array"));
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        let Value::Object(object) = item else {
            errors.push(ImportError::new(
                "input",
                format!("{key}[{i}]"),
                format!("expected a {kind} object"),
            ));
            continue;
        };
        match T::deserialize(&Value::Object(object.clone())) {
            Ok(record) => out.push(record),
            Err(e) => {
                let label = record_label(kind, i, &object);
                errors.extend(diagnose(&object, checks, &label, &e));
                let id = object
                    .get("id")
                    .and_then(Value::as_str)
                    .and_then(|s| Uuid::parse_str(s).ok());
                failed.extend(id);
            }
        }
    }
    out
}

/// Finds every field of a record that does not read, since serde stops at the first.
fn diagnose(
    object: &Map<String, Value>,
    checks: &[Check],
    label: &str,
    error: &serde_json::Error,
) -> Vec<ImportError> {
    let mut found: Vec<ImportError> = checks
        .iter()
        .filter_map(|(field, check)| {
            let value = object.get(*field)?;
            check(value)
                .err()
                .map(|message| ImportError::new(label, *field, message))
        })
        .collect();
    for key in object.keys() {
        if !checks.iter().any(|(field, _)| field == key) {
            found.push(ImportError::new(label, key.clone(), "unknown field"));
        }
    }
    let optional = ["regions", "website", "translations", "groups", "notes"];
    for (field, _) in checks {
        if !object.contains_key(*field) && !optional.contains(field) {
            found.push(ImportError::new(label, *field, "missing"));
        }
    }
    if found.is_empty() {
        found.push(ImportError::new(label, "(record)", error.to_string()));
    }
    found
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_broken_field_of_a_record_is_named() {
        let object = json!({
            "id": "not-a-uuid",
            "name": "Org",
            "kind": 5,
            "countries": ["KG"],
            "languages": ["ru"],
            "description": "d",
            "colour": "red"
        });
        let object = object.as_object().unwrap();
        let error = serde_json::from_str::<torchlight_core::Organization>("{}").unwrap_err();
        let found = diagnose(object, ORGANIZATION, "organization 'Org'", &error);
        let fields: Vec<&str> = found.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["id", "kind", "colour", "public_contact"]);
    }

    #[test]
    fn shape_tells_torchlight_from_hsds() {
        assert!(is_torchlight(&json!({"organizations": [], "services": []})));
        assert!(is_torchlight(
            &json!({"organizations": [{"id": "x", "kind": "local_cso"}]})
        ));
        assert!(!is_torchlight(
            &json!({"organizations": [{"id": "x", "name": "n"}]})
        ));
        assert!(!is_torchlight(
            &json!([{"organizations": [], "services": []}])
        ));
        assert!(!is_torchlight(&json!({"id": "x", "services": []})));
    }

    #[test]
    fn allies_stay_out_unless_asked_for() {
        let directory = Directory::default();
        assert!(export(&directory, false).get("allies").is_none());
        assert_eq!(export(&directory, true)["allies"], json!([]));
    }
}
