//! HSDS JSON -> Directory: the shapes a file may take, and how errors from
//! `Directory::validate` are traced back to the place in the input they came from.

use std::collections::{BTreeSet, HashMap, HashSet};

use serde_json::{Map, Value};
use torchlight_core::taxonomy::Vocabulary;
use torchlight_core::{Code, Directory, Taxonomy};
use uuid::Uuid;

use super::read::{kind_of, Scope};
use super::records::{map_organization, map_service, Parent};
use super::TRANSLATIONS;
use crate::error::{core_label, record_label as label, ImportError};
use crate::ImportOptions;

/// The import options, checked against the taxonomy once.
pub(crate) struct Defaults {
    pub support: Option<Code>,
    pub country: Option<Code>,
    pub language: Option<Code>,
}

impl Defaults {
    fn resolve(
        options: &ImportOptions,
        taxonomy: &Taxonomy,
        errors: &mut Vec<ImportError>,
    ) -> Defaults {
        let mut one = |vocabulary: Vocabulary, field: &str, code: &Option<Code>| {
            let code = code.as_ref()?;
            taxonomy
                .resolve(vocabulary, code.as_str())
                .map_err(|e| errors.push(ImportError::new("import options", field, e.to_string())))
                .ok()
        };
        Defaults {
            support: one(
                Vocabulary::SupportType,
                "default_support",
                &options.default_support,
            ),
            country: one(
                Vocabulary::Country,
                "default_country",
                &options.default_country,
            ),
            language: one(
                Vocabulary::Language,
                "default_language",
                &options.default_language,
            ),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Organization,
    Service,
}

/// Where a record of the directory came from in the input.
struct Origin {
    kind: Kind,
    label: String,
    prefix: String,
    reported: BTreeSet<&'static str>,
}

struct Importer<'t> {
    taxonomy: &'t Taxonomy,
    defaults: Defaults,
    directory: Directory,
    errors: Vec<ImportError>,
    origins: HashMap<String, Origin>,
    organizations: HashSet<Uuid>,
}

pub(crate) fn import(
    value: &Value,
    taxonomy: &Taxonomy,
    options: &ImportOptions,
) -> Result<Directory, Vec<ImportError>> {
    let mut errors = Vec::new();
    let defaults = Defaults::resolve(options, taxonomy, &mut errors);
    let roots = roots(value, &mut errors);
    let mut importer = Importer {
        taxonomy,
        defaults,
        directory: Directory::default(),
        errors,
        origins: HashMap::new(),
        organizations: HashSet::new(),
    };
    // Organizations first, so that a service given on its own finds its organization
    // whichever order the file lists them in.
    for (position, object, kind) in &roots {
        if *kind == Kind::Organization {
            importer.organization(
                object,
                label("organization", *position, object),
                String::new(),
            );
        }
    }
    for (position, object, kind) in &roots {
        if *kind == Kind::Service {
            importer.root_service(object, label("service", *position, object));
        }
    }
    importer.finish()
}

/// The records at the top of the file, with their position and what they are.
fn roots<'v>(
    value: &'v Value,
    errors: &mut Vec<ImportError>,
) -> Vec<(usize, &'v Map<String, Value>, Kind)> {
    let expected =
        "expected an HSDS organization or service, an array of them, or {\"organizations\": [...]}";
    let (items, forced, at): (&[Value], Option<Kind>, &str) = match value {
        Value::Array(items) => (items, None, ""),
        Value::Object(o) => match (o.get("organizations"), o.get("contents")) {
            (Some(Value::Array(items)), _) => (items, Some(Kind::Organization), "organizations"),
            (None, Some(Value::Array(items))) => (items, None, "contents"),
            (Some(other), _) | (None, Some(other)) => {
                let key = if o.contains_key("organizations") {
                    "organizations"
                } else {
                    "contents"
                };
                errors.push(ImportError::new(
                    "input",
                    key,
                    format!("expected an array, found {}", kind_of(other)),
                ));
                return Vec::new();
            }
            (None, None) => return vec![(0, o, classify(o))],
        },
        other => {
            errors.push(ImportError::new(
                "input",
                "(top level)",
                format!("{expected}; found {}", kind_of(other)),
            ));
            return Vec::new();
        }
    };
    let mut roots = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match item {
            Value::Object(o) => roots.push((i, o, forced.unwrap_or_else(|| classify(o)))),
            other => errors.push(ImportError::new(
                "input",
                format!("{at}[{i}]"),
                format!("{expected}; found {}", kind_of(other)),
            )),
        }
    }
    roots
}

/// An HSDS service names its organization or has a status (required for services);
/// an organization has neither, but may list services.
fn classify(object: &Map<String, Value>) -> Kind {
    let service_keys = ["organization", "organization_id", "status"];
    if !object.contains_key("services") && service_keys.iter().any(|k| object.contains_key(*k)) {
        Kind::Service
    } else {
        Kind::Organization
    }
}

impl Importer<'_> {
    /// Maps an organization and the services nested in it; returns its id if usable.
    fn organization(
        &mut self,
        object: &Map<String, Value>,
        label: String,
        prefix: String,
    ) -> Option<Uuid> {
        let mut scope = Scope::new(label.clone(), prefix.clone(), &mut self.errors);
        let organization = map_organization(object, self.taxonomy, &self.defaults, &mut scope);
        let services = scope.array(object, "services");
        let reported = std::mem::take(&mut scope.reported);
        let services_prefix = scope.path("services");
        let id = organization.as_ref().map(|o| o.id.as_uuid());
        if let Some(org) = organization {
            self.organizations.insert(org.id.as_uuid());
            let origin = Origin {
                kind: Kind::Organization,
                label: label.clone(),
                prefix,
                reported,
            };
            self.origins
                .insert(core_label("organization", &org.name, org.id), origin);
            self.directory.organizations.push(org);
        }
        for (j, item) in services.iter().enumerate() {
            self.nested_service(
                item,
                label.clone(),
                format!("{services_prefix}[{j}]"),
                Parent::Nested(id),
            );
        }
        id
    }

    /// A service given on its own, with its organization nested or named by id.
    fn root_service(&mut self, object: &Map<String, Value>, label: String) {
        let parent = match object.get("organization") {
            None | Some(Value::Null) => Parent::Root,
            Some(Value::Object(org)) => {
                let id = org
                    .get("id")
                    .and_then(Value::as_str)
                    .and_then(|s| Uuid::parse_str(s.trim()).ok());
                Parent::Nested(match id {
                    Some(id) if self.organizations.contains(&id) => Some(id),
                    _ => self.organization(org, label.clone(), "organization".into()),
                })
            }
            Some(other) => {
                let message = format!("expected an object, found {}", kind_of(other));
                self.errors
                    .push(ImportError::new(label.clone(), "organization", message));
                Parent::Nested(None)
            }
        };
        self.service(object, label, String::new(), parent);
    }

    fn nested_service(&mut self, value: &Value, label: String, prefix: String, parent: Parent) {
        match value {
            Value::Object(object) => self.service(object, label, prefix, parent),
            other => {
                let message = format!("expected an object, found {}", kind_of(other));
                self.errors.push(ImportError::new(label, prefix, message));
            }
        }
    }

    fn service(
        &mut self,
        object: &Map<String, Value>,
        label: String,
        prefix: String,
        parent: Parent,
    ) {
        let mut scope = Scope::new(label.clone(), prefix.clone(), &mut self.errors);
        let service = map_service(object, self.taxonomy, &self.defaults, &mut scope, parent);
        let reported = std::mem::take(&mut scope.reported);
        if let Some(service) = service {
            let origin = Origin {
                kind: Kind::Service,
                label,
                prefix,
                reported,
            };
            self.origins
                .insert(core_label("service", &service.name, service.id), origin);
            self.directory.services.push(service);
        }
    }

    /// Runs the directory's own validation and reports its findings where the input
    /// holds the field, leaving out what the mapping has already reported.
    fn finish(mut self) -> Result<Directory, Vec<ImportError>> {
        if let Err(found) = self.directory.validate(self.taxonomy) {
            for error in found {
                let Some(origin) = self.origins.get(&error.record) else {
                    self.errors.push(error.into());
                    continue;
                };
                if origin.reported.contains(error.field.as_str()) {
                    continue;
                }
                let (key, named) = input_key(origin.kind, &error.field);
                let field = match (origin.prefix.is_empty(), key) {
                    (true, key) => key.to_owned(),
                    (false, key) => format!("{}.{key}", origin.prefix),
                };
                let message = if named {
                    format!("{}: {}", error.field, error.message)
                } else {
                    error.message
                };
                self.errors
                    .push(ImportError::new(origin.label.clone(), field, message));
            }
        }
        if self.errors.is_empty() {
            Ok(self.directory)
        } else {
            Err(self.errors)
        }
    }
}

/// Where the input holds a Torchlight field, and whether the message must name the
/// field because the place (e.g. `attributes`) holds several.
fn input_key(kind: Kind, field: &str) -> (&str, bool) {
    match (kind, field) {
        (_, "id" | "name" | "description" | "organization_id") => (field, false),
        (_, "translations") => (TRANSLATIONS, false),
        (Kind::Service, "eligibility") => ("eligibility_description", false),
        (Kind::Service, "languages") => ("languages", false),
        (Kind::Service, "coverage" | "coverage.countries" | "coverage.regions") => {
            ("service_areas", true)
        }
        _ => ("attributes", true),
    }
}
