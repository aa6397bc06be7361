//! HSDS tabular form: the nested export flattened into one CSV file per table, with
//! the column names of HSDS's tabular schema, linked by id columns.
//!
//! Tables have no room for the `x-torchlight-translations` property, so translated
//! texts become `translation` attributes (a language term, the texts as JSON in
//! `value`), which the JSON import also reads.

use std::collections::HashSet;

use serde_json::Value;
use torchlight_core::taxonomy::Vocabulary;
use torchlight_core::{Directory, Taxonomy};
use uuid::Uuid;

use crate::hsds::{export_hsds, TRANSLATIONS};
use crate::terms::{AttributeSpec, Entity, Link, Scheme};
use crate::ExchangeError;

// The scalar columns of each table, in the order of HSDS's compiled/tabular.json.
const ORGANIZATIONS: &[&str] = &[
    "id",
    "name",
    "alternate_name",
    "description",
    "email",
    "website",
    "tax_status",
    "tax_id",
    "year_incorporated",
    "legal_status",
    "logo",
    "uri",
    "parent_organization_id",
];
const SERVICES: &[&str] = &[
    "id",
    "organization_id",
    "program_id",
    "name",
    "alternate_name",
    "description",
    "url",
    "email",
    "status",
    "interpretation_services",
    "application_process",
    "fees_description",
    "wait_time",
    "fees",
    "accreditations",
    "eligibility_description",
    "minimum_age",
    "maximum_age",
    "assured_date",
    "assurer_email",
    "licenses",
    "alert",
    "last_modified",
];
const PHONES: &[&str] = &[
    "id",
    "location_id",
    "service_id",
    "organization_id",
    "contact_id",
    "service_at_location_id",
    "number",
    "extension",
    "type",
    "description",
];
const SERVICE_AREAS: &[&str] = &[
    "id",
    "service_id",
    "name",
    "description",
    "extent",
    "extent_type",
    "uri",
];
const LANGUAGES: &[&str] = &[
    "id",
    "service_id",
    "location_id",
    "phone_id",
    "name",
    "code",
    "note",
];
const ATTRIBUTES: &[&str] = &[
    "id",
    "link_id",
    "taxonomy_term_id",
    "link_type",
    "link_entity",
    "value",
];
const TAXONOMY_TERMS: &[&str] = &[
    "id",
    "code",
    "name",
    "description",
    "parent_id",
    "taxonomy",
    "language",
    "taxonomy_id",
    "term_uri",
];
const TAXONOMIES: &[&str] = &["id", "name", "description", "uri", "version"];

struct Table {
    file: &'static str,
    columns: &'static [&'static str],
    rows: Vec<Vec<String>>,
}

impl Table {
    fn new(file: &'static str, columns: &'static [&'static str]) -> Self {
        Table {
            file,
            columns,
            rows: Vec::new(),
        }
    }

    /// A row from the scalar fields of `object`, with `links` filling id columns the
    /// nested form expresses by nesting.
    fn row(&mut self, object: &Value, links: &[(&str, &str)]) {
        let row = self
            .columns
            .iter()
            .map(|column| match links.iter().find(|(c, _)| c == column) {
                Some((_, value)) => (*value).to_owned(),
                None => cell(object.get(*column)),
            })
            .collect();
        self.rows.push(row);
    }

    fn to_csv(&self) -> Result<Vec<u8>, ExchangeError> {
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.write_record(self.columns)?;
        for row in &self.rows {
            writer.write_record(row)?;
        }
        writer
            .into_inner()
            .map_err(|e| ExchangeError::Io(e.into_error()))
    }
}

fn cell(value: Option<&Value>) -> String {
    match value {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => b.to_string(),
        _ => String::new(),
    }
}

struct Tables<'t> {
    taxonomy: &'t Taxonomy,
    organizations: Table,
    services: Table,
    phones: Table,
    service_areas: Table,
    languages: Table,
    attributes: Table,
    terms: Table,
    taxonomies: Table,
    seen: HashSet<String>,
}

/// HSDS tabular CSV: one file per table, as (file name, bytes) pairs.
pub fn export_csv(
    directory: &Directory,
    taxonomy: &Taxonomy,
) -> Result<Vec<(String, Vec<u8>)>, ExchangeError> {
    let mut tables = Tables {
        taxonomy,
        organizations: Table::new("organizations.csv", ORGANIZATIONS),
        services: Table::new("services.csv", SERVICES),
        phones: Table::new("phones.csv", PHONES),
        service_areas: Table::new("service_areas.csv", SERVICE_AREAS),
        languages: Table::new("languages.csv", LANGUAGES),
        attributes: Table::new("attributes.csv", ATTRIBUTES),
        terms: Table::new("taxonomy_terms.csv", TAXONOMY_TERMS),
        taxonomies: Table::new("taxonomies.csv", TAXONOMIES),
        seen: HashSet::new(),
    };
    let nested = export_hsds(directory, taxonomy);
    for org in nested.as_array().into_iter().flatten() {
        tables.organization(org);
    }
    let all = [
        &tables.organizations,
        &tables.services,
        &tables.phones,
        &tables.service_areas,
        &tables.languages,
        &tables.attributes,
        &tables.terms,
        &tables.taxonomies,
    ];
    all.into_iter()
        .map(|t| Ok((t.file.to_owned(), t.to_csv()?)))
        .collect()
}

fn items<'v>(object: &'v Value, key: &str) -> impl Iterator<Item = &'v Value> {
    object
        .get(key)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
}

fn id_of(object: &Value) -> &str {
    object.get("id").and_then(Value::as_str).unwrap_or_default()
}

impl Tables<'_> {
    fn organization(&mut self, org: &Value) {
        let id = id_of(org);
        self.organizations.row(org, &[]);
        for phone in items(org, "phones") {
            self.phones.row(phone, &[("organization_id", id)]);
        }
        self.attributes_of(org);
        self.translations(org, Entity::Organization);
        for service in items(org, "services") {
            self.service(service, id);
        }
    }

    fn service(&mut self, service: &Value, organization_id: &str) {
        let id = id_of(service);
        self.services
            .row(service, &[("organization_id", organization_id)]);
        for language in items(service, "languages") {
            self.languages.row(language, &[("service_id", id)]);
        }
        for area in items(service, "service_areas") {
            self.service_areas.row(area, &[("service_id", id)]);
            self.attributes_of(area);
        }
        self.attributes_of(service);
        self.translations(service, Entity::Service);
    }

    fn attributes_of(&mut self, object: &Value) {
        for attribute in items(object, "attributes") {
            self.attribute(attribute);
        }
    }

    fn attribute(&mut self, attribute: &Value) {
        self.attributes.row(attribute, &[]);
        let Some(term) = attribute.get("taxonomy_term") else {
            return;
        };
        if self.seen.insert(id_of(term).to_owned()) {
            self.terms.row(term, &[]);
        }
        if let Some(detail) = term.get("taxonomy_detail") {
            if self.seen.insert(id_of(detail).to_owned()) {
                self.taxonomies.row(detail, &[]);
            }
        }
    }

    fn translations(&mut self, object: &Value, entity: Entity) {
        let Some(link_id) = object
            .get("id")
            .and_then(Value::as_str)
            .and_then(|s| Uuid::parse_str(s).ok())
        else {
            return;
        };
        let Some(translations) = object.get(TRANSLATIONS).and_then(Value::as_object) else {
            return;
        };
        for (language, texts) in translations {
            let spec = AttributeSpec {
                entity,
                link_id,
                link: Link::Translation,
                scheme: Scheme::Vocabulary(Vocabulary::Language),
                code: language,
                value: Some(texts.to_string()),
            };
            let attribute = spec.to_json(self.taxonomy);
            self.attribute(&attribute);
        }
    }
}
