//! Reading HSDS JSON values field by field, collecting every problem with its path.
//!
//! Fields an import does not use are never looked at, so data from other publishers
//! may carry any HSDS field (or their own extensions). Fields it does use must have the
//! right JSON type; `null` counts as absent, as many HSDS exports write it.

use std::collections::BTreeSet;

use serde_json::{Map, Value};
use torchlight_core::taxonomy::Vocabulary;
use torchlight_core::{Code, Format, Taxonomy, Translation};
use uuid::Uuid;

use crate::error::ImportError;
use crate::terms::{Entity, Link, Scheme, VOCABULARY};

/// Where errors of one record go: the record's label, the path of the object being
/// read within it, and the Torchlight fields that already have an error (so that
/// `Directory::validate` does not report them a second time).
pub(crate) struct Scope<'e> {
    pub label: String,
    pub prefix: String,
    pub reported: BTreeSet<&'static str>,
    errors: &'e mut Vec<ImportError>,
}

impl<'e> Scope<'e> {
    pub(crate) fn new(label: String, prefix: String, errors: &'e mut Vec<ImportError>) -> Self {
        Scope {
            label,
            prefix,
            reported: BTreeSet::new(),
            errors,
        }
    }

    /// The path of `key` inside the object this scope reads.
    pub(crate) fn path(&self, key: &str) -> String {
        if self.prefix.is_empty() {
            key.to_owned()
        } else if key.starts_with('[') {
            format!("{}{key}", self.prefix)
        } else {
            format!("{}.{key}", self.prefix)
        }
    }

    /// Records an error at `path` (already joined with the prefix).
    pub(crate) fn fail_at(&mut self, path: String, message: impl Into<String>) {
        self.errors
            .push(ImportError::new(self.label.clone(), path, message));
    }

    /// Records an error at `key` that also settles the Torchlight field `field`.
    pub(crate) fn fail_field(
        &mut self,
        key: &str,
        field: &'static str,
        message: impl Into<String>,
    ) {
        let path = self.path(key);
        self.fail_at(path, message);
        self.reported.insert(field);
    }

    /// Runs `read` on the object at `key` inside this one, with paths below `key`.
    pub(crate) fn within<R>(&mut self, key: &str, read: impl FnOnce(&mut Scope<'_>) -> R) -> R {
        let mut inner = Scope {
            label: self.label.clone(),
            prefix: self.path(key),
            reported: BTreeSet::new(),
            errors: &mut *self.errors,
        };
        let result = read(&mut inner);
        let reported = inner.reported;
        self.reported.extend(reported);
        result
    }

    /// A string field; a value of another type is an error.
    pub(crate) fn string<'v>(
        &mut self,
        object: &'v Map<String, Value>,
        key: &str,
    ) -> Option<&'v str> {
        match object.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s),
            Some(other) => {
                let path = self.path(key);
                self.fail_at(path, format!("expected a string, found {}", kind_of(other)));
                None
            }
        }
    }

    /// A string field the record must have: a missing one is reported against the
    /// Torchlight `field`, and comes back as an empty text.
    pub(crate) fn required_text(
        &mut self,
        object: &Map<String, Value>,
        key: &str,
        field: &'static str,
    ) -> String {
        match self.string(object, key) {
            Some(s) => s.to_owned(),
            None => {
                if object.get(key).is_none_or(Value::is_null) {
                    self.fail_field(key, field, "missing; give a non-empty text");
                } else {
                    self.reported.insert(field);
                }
                String::new()
            }
        }
    }

    /// An id field: present, and a UUID as HSDS requires.
    pub(crate) fn uuid(&mut self, object: &Map<String, Value>, key: &str) -> Option<Uuid> {
        match object.get(key) {
            None | Some(Value::Null) => {
                let path = self.path(key);
                self.fail_at(path, "missing; HSDS records need a UUID id");
                None
            }
            Some(Value::String(s)) => match Uuid::parse_str(s.trim()) {
                Ok(id) => Some(id),
                Err(_) => {
                    let path = self.path(key);
                    self.fail_at(path, format!("'{s}' is not a UUID"));
                    None
                }
            },
            Some(other) => {
                let path = self.path(key);
                self.fail_at(
                    path,
                    format!("expected a UUID string, found {}", kind_of(other)),
                );
                None
            }
        }
    }

    /// An array field; absent means empty.
    pub(crate) fn array<'v>(&mut self, object: &'v Map<String, Value>, key: &str) -> &'v [Value] {
        match object.get(key) {
            None | Some(Value::Null) => &[],
            Some(Value::Array(items)) => items,
            Some(other) => {
                let path = self.path(key);
                self.fail_at(path, format!("expected an array, found {}", kind_of(other)));
                &[]
            }
        }
    }

    /// An element that must be an object.
    pub(crate) fn object<'v>(
        &mut self,
        value: &'v Value,
        path: String,
    ) -> Option<&'v Map<String, Value>> {
        match value {
            Value::Object(o) => Some(o),
            other => {
                self.fail_at(
                    path,
                    format!("expected an object, found {}", kind_of(other)),
                );
                None
            }
        }
    }
}

pub(crate) fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// What a Torchlight attribute says.
#[derive(Debug, Clone)]
pub(crate) enum AttrValue {
    Code(Code),
    Format(Format),
    Flag(bool),
    Hours(u32),
    Text(String),
    Translation(Code, Translation),
}

#[derive(Debug, Clone)]
pub(crate) struct Attr {
    pub link: Link,
    pub scheme: Scheme,
    pub value: AttrValue,
    pub path: String,
}

/// The Torchlight attributes of one record. `torchlight` is set when the record carries
/// any (even a broken one): such a record was written by Torchlight, so nothing it
/// lacks is guessed.
#[derive(Debug, Default)]
pub(crate) struct Attributes {
    pub torchlight: bool,
    items: Vec<Attr>,
    /// Fields with an attribute that was reported as broken: saying also that they are
    /// missing would only confuse.
    failed: Vec<Link>,
}

impl Attributes {
    pub(crate) fn failed(&self, link: Link) -> bool {
        self.failed.contains(&link)
    }

    /// Codes of a field, with the taxonomy each came from.
    pub(crate) fn schemed_codes(&self, link: Link) -> impl Iterator<Item = (Scheme, &Code)> {
        self.of(link).filter_map(|a| match &a.value {
            AttrValue::Code(c) => Some((a.scheme, c)),
            _ => None,
        })
    }

    pub(crate) fn codes(&self, link: Link) -> Vec<Code> {
        self.items
            .iter()
            .filter(|a| a.link == link)
            .filter_map(|a| match &a.value {
                AttrValue::Code(c) => Some(c.clone()),
                _ => None,
            })
            .collect()
    }

    pub(crate) fn formats(&self) -> Vec<Format> {
        self.items
            .iter()
            .filter_map(|a| match a.value {
                AttrValue::Format(f) => Some(f),
                _ => None,
            })
            .collect()
    }

    /// The attributes of `link`, in order.
    pub(crate) fn of(&self, link: Link) -> impl Iterator<Item = &Attr> {
        self.items.iter().filter(move |a| a.link == link)
    }

    /// The one value of a single-valued field; a second one is an error.
    pub(crate) fn single(
        &self,
        link: Link,
        scope: &mut Scope<'_>,
        field: &'static str,
    ) -> Option<AttrValue> {
        let mut found = self.of(link);
        let first = found.next()?;
        for extra in found {
            scope.fail_at(
                extra.path.clone(),
                format!("a second '{}' attribute; give it once", link.as_str()),
            );
            scope.reported.insert(field);
        }
        Some(first.value.clone())
    }
}

/// Reads the `attributes` of `object`, keeping Torchlight's and ignoring the rest.
/// Broken Torchlight attributes are reported and settle their field.
pub(crate) fn attributes(
    object: &Map<String, Value>,
    entity: Entity,
    taxonomy: &Taxonomy,
    scope: &mut Scope<'_>,
) -> Attributes {
    let mut out = Attributes::default();
    for (i, item) in scope.array(object, "attributes").iter().enumerate() {
        let path = scope.path(&format!("attributes[{i}]"));
        let Some(attribute) = scope.object(item, path.clone()) else {
            continue;
        };
        let Some(term) = attribute.get("taxonomy_term").and_then(Value::as_object) else {
            continue;
        };
        if !is_torchlight(term) {
            continue;
        }
        out.torchlight = true;
        match torchlight_attribute(attribute, term, entity, taxonomy, scope, path) {
            Ok(attr) => out.items.push(attr),
            Err(Some(link)) => {
                scope.reported.insert(link.field());
                out.failed.push(link);
            }
            Err(None) => {}
        }
    }
    out
}

fn is_torchlight(term: &Map<String, Value>) -> bool {
    let detail_name = term
        .get("taxonomy_detail")
        .and_then(|d| d.get("name"))
        .and_then(Value::as_str);
    term.get("taxonomy").and_then(Value::as_str) == Some(VOCABULARY)
        || detail_name.is_some_and(|n| n.starts_with(&format!("{VOCABULARY}:")))
        || term
            .get("taxonomy_id")
            .and_then(Value::as_str)
            .is_some_and(|id| Scheme::from_id(id).is_some())
}

fn torchlight_attribute(
    attribute: &Map<String, Value>,
    term: &Map<String, Value>,
    entity: Entity,
    taxonomy: &Taxonomy,
    scope: &mut Scope<'_>,
    path: String,
) -> Result<Attr, Option<Link>> {
    let link_type = attribute
        .get("link_type")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let Some(link) = Link::parse(link_type) else {
        let expected: Vec<&str> = Link::ALL.iter().map(|l| l.as_str()).collect();
        scope.fail_at(
            format!("{path}.link_type"),
            format!(
                "unknown Torchlight link_type '{link_type}' (expected one of {})",
                expected.join(", ")
            ),
        );
        return Err(None);
    };
    let mut fail = |at: String, message: String| {
        scope.fail_at(at, message);
        Err(Some(link))
    };
    if !link.applies_to(entity) {
        return fail(
            format!("{path}.link_type"),
            format!(
                "'{}' does not describe a {}",
                link.as_str(),
                entity.as_str()
            ),
        );
    }
    let detail_name = term
        .get("taxonomy_detail")
        .and_then(|d| d.get("name"))
        .and_then(Value::as_str);
    let scheme = detail_name.and_then(Scheme::from_name).or_else(|| {
        term.get("taxonomy_id")
            .and_then(Value::as_str)
            .and_then(Scheme::from_id)
    });
    let Some(scheme) = scheme else {
        let named = detail_name.map(|n| format!(" '{n}'")).unwrap_or_default();
        return fail(
            format!("{path}.taxonomy_term"),
            format!("a Torchlight term of an unknown taxonomy{named}; expected torchlight:support_type and the like"),
        );
    };
    if !link.accepts(scheme) {
        return fail(
            path,
            format!(
                "'{}' cannot take a term of {}",
                link.as_str(),
                scheme.name()
            ),
        );
    }
    let Some(code) = term.get("code").and_then(Value::as_str) else {
        return fail(
            format!("{path}.taxonomy_term.code"),
            "missing; Torchlight terms carry their code".into(),
        );
    };
    let value = attribute.get("value").and_then(Value::as_str);
    let value = match scheme {
        Scheme::Vocabulary(vocabulary) => {
            let code = match taxonomy.resolve(vocabulary, code) {
                Ok(code) => code,
                Err(e) => return fail(path, e.to_string()),
            };
            if link != Link::Translation {
                AttrValue::Code(code)
            } else {
                let Some(text) = value else {
                    return fail(
                        format!("{path}.value"),
                        "missing; a translation carries its texts as JSON".into(),
                    );
                };
                match serde_json::from_str::<Translation>(text) {
                    Ok(translation) => AttrValue::Translation(code, translation),
                    Err(e) => {
                        return fail(format!("{path}.value"), format!("not a translation: {e}"))
                    }
                }
            }
        }
        Scheme::Format => match Format::parse(code) {
            Some(format) => AttrValue::Format(format),
            None => {
                return fail(
                    path,
                    format!(
                        "unknown format '{code}' (expected online, in_person or requires_travel)"
                    ),
                )
            }
        },
        Scheme::Property => {
            // `accepts` admits property terms only for links that have a property.
            let expected = link.property().map(|p| p.code()).unwrap_or_default();
            if code != expected {
                return fail(
                    format!("{path}.taxonomy_term.code"),
                    format!(
                        "'{code}' is not the term of '{}' (expected '{expected}')",
                        link.as_str()
                    ),
                );
            }
            let Some(text) = value else {
                return fail(
                    format!("{path}.value"),
                    format!("missing; '{}' carries its value here", link.as_str()),
                );
            };
            match property_value(link, text) {
                Ok(value) => value,
                Err(message) => return fail(format!("{path}.value"), message),
            }
        }
    };
    Ok(Attr {
        link,
        scheme,
        value,
        path,
    })
}

fn property_value(link: Link, text: &str) -> Result<AttrValue, String> {
    match link {
        Link::FamilyEligible | Link::RemoteAreas | Link::Worldwide => match text.trim() {
            "true" => Ok(AttrValue::Flag(true)),
            "false" => Ok(AttrValue::Flag(false)),
            other => Err(format!("'{other}' is not true or false")),
        },
        Link::ResponseHours => text
            .trim()
            .parse::<u32>()
            .map(AttrValue::Hours)
            .map_err(|_| format!("'{text}' is not a whole number of hours")),
        _ => Ok(AttrValue::Text(text.to_owned())),
    }
}

/// Resolves a language code of another publisher: ISO 639-1 as Torchlight stores it,
/// or the 639-2/639-3 form HSDS also allows.
pub(crate) fn language(taxonomy: &Taxonomy, raw: &str) -> Option<Code> {
    let lower = raw.trim().to_ascii_lowercase();
    taxonomy
        .resolve(Vocabulary::Language, &lower)
        .ok()
        .or_else(|| {
            super::words::iso_639_1(&lower)
                .and_then(|two| taxonomy.resolve(Vocabulary::Language, two).ok())
        })
}
