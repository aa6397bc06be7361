//! The tabular CSV export: every file parses, and its header is exactly the column
//! list HSDS's tabular schema gives the table.

use std::collections::{HashMap, HashSet};
use std::marker::PhantomData;

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;
use torchlight_exchange::export_csv;

use crate::common::{full_directory, schema_dir, taxonomy};

/// Keys of a JSON object in the order the file lists them (serde_json's own map sorts
/// them, and the column order is part of what is checked).
struct Ordered<T>(Vec<(String, T)>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Ordered<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Keys<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for Keys<T> {
            type Value = Ordered<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Ordered(entries))
            }
        }
        deserializer.deserialize_map(Keys(PhantomData))
    }
}

#[derive(Deserialize)]
struct Tabular {
    properties: Ordered<TableSchema>,
}

#[derive(Deserialize)]
struct TableSchema {
    items: TableItems,
}

#[derive(Deserialize)]
struct TableItems {
    path: String,
    properties: Ordered<Value>,
}

/// Table file name -> scalar column names, in order, from compiled/tabular.json.
fn tabular_columns() -> HashMap<String, Vec<String>> {
    let path = schema_dir().join("compiled").join("tabular.json");
    let text = std::fs::read_to_string(&path).expect("compiled/tabular.json");
    let tabular: Tabular = serde_json::from_str(&text).expect("the tabular schema");
    tabular
        .properties
        .0
        .into_iter()
        .map(|(_, table)| {
            let columns = table
                .items
                .properties
                .0
                .into_iter()
                .filter(|(_, p)| {
                    p.get("type").and_then(Value::as_str) != Some("array")
                        && p.get("$ref").is_none()
                })
                .map(|(name, _)| name)
                .collect();
            (table.items.path, columns)
        })
        .collect()
}

fn parse(bytes: &[u8]) -> (Vec<String>, Vec<HashMap<String, String>>) {
    let mut reader = csv::Reader::from_reader(bytes);
    let header: Vec<String> = reader
        .headers()
        .expect("a header")
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| {
            let r = r.expect("a well-formed row");
            header
                .iter()
                .cloned()
                .zip(r.iter().map(str::to_owned))
                .collect()
        })
        .collect();
    (header, rows)
}

#[test]
fn every_table_parses_with_the_hsds_columns() {
    let taxonomy = taxonomy();
    let directory = full_directory(taxonomy);
    let files = export_csv(&directory, taxonomy).unwrap();
    let columns = tabular_columns();
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    for expected in [
        "organizations.csv",
        "services.csv",
        "service_areas.csv",
        "languages.csv",
        "attributes.csv",
        "taxonomy_terms.csv",
        "taxonomies.csv",
        "phones.csv",
    ] {
        assert!(
            names.contains(&expected),
            "{expected} missing from {names:?}"
        );
    }
    for (name, bytes) in &files {
        let expected = columns
            .get(name)
            .unwrap_or_else(|| panic!("{name} is not an HSDS table"));
        let (header, _) = parse(bytes);
        assert_eq!(&header, expected, "columns of {name}");
    }
}

#[test]
fn tables_hold_the_directory_linked_by_ids() {
    let taxonomy = taxonomy();
    let directory = full_directory(taxonomy);
    let files: HashMap<String, Vec<u8>> = export_csv(&directory, taxonomy)
        .unwrap()
        .into_iter()
        .collect();
    let table = |name: &str| parse(&files[name]).1;

    let organizations = table("organizations.csv");
    assert_eq!(organizations.len(), directory.organizations.len());
    assert_eq!(organizations[0]["name"], directory.organizations[0].name);
    let services = table("services.csv");
    assert_eq!(services.len(), directory.services.len());
    for (row, service) in services.iter().zip(&directory.services) {
        assert_eq!(row["id"], service.id.to_string());
        assert_eq!(row["organization_id"], service.organization_id.to_string());
        assert_eq!(
            row["status"],
            if service.open { "active" } else { "inactive" }
        );
    }

    // Every attribute points at an exported record and an exported term, and every
    // term at an exported taxonomy.
    let ids: HashSet<String> = ["organizations.csv", "services.csv", "service_areas.csv"]
        .iter()
        .flat_map(|t| table(t).into_iter().map(|r| r["id"].clone()))
        .collect();
    let terms = table("taxonomy_terms.csv");
    let term_ids: HashSet<&String> = terms.iter().map(|r| &r["id"]).collect();
    let taxonomy_ids: HashSet<String> = table("taxonomies.csv")
        .into_iter()
        .map(|r| r["id"].clone())
        .collect();
    let attributes = table("attributes.csv");
    for attribute in &attributes {
        assert!(ids.contains(&attribute["link_id"]), "{attribute:?}");
        assert!(
            term_ids.contains(&attribute["taxonomy_term_id"]),
            "{attribute:?}"
        );
    }
    for term in &terms {
        assert!(taxonomy_ids.contains(&term["taxonomy_id"]), "{term:?}");
    }
    assert_eq!(term_ids.len(), terms.len(), "terms are listed once");

    // Translations, which have no column, travel as translation attributes.
    let translations: Vec<_> = attributes
        .iter()
        .filter(|a| a["link_type"] == "translation")
        .collect();
    let expected: usize = directory
        .organizations
        .iter()
        .map(|o| o.translations.len())
        .sum::<usize>()
        + directory
            .services
            .iter()
            .map(|s| s.translations.len())
            .sum::<usize>();
    assert_eq!(translations.len(), expected);
    assert!(translations
        .iter()
        .any(|a| a["value"].contains("Бир Дуйно")));

    let areas = table("service_areas.csv");
    assert!(areas
        .iter()
        .any(|a| a["extent"] == "UA-43" && a["name"].starts_with("Crimea")));
    let languages = table("languages.csv");
    assert!(languages.iter().any(|l| l["code"] == "crh"));
    let phones = table("phones.csv");
    assert_eq!(phones.len(), 3);
}
