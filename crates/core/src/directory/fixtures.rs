//! Small directories for tests: records that pass validation unless a test breaks
//! them on purpose.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::{Arc, OnceLock};

use uuid::Uuid;

use super::{Coverage, Directory, Format, Organization, Service};
use crate::code::Code;
use crate::ids::OrganizationId;
use crate::taxonomy::Taxonomy;

/// The built-in taxonomy, loaded once for the whole test binary.
pub(crate) fn taxonomy() -> Arc<Taxonomy> {
    static TAXONOMY: OnceLock<Arc<Taxonomy>> = OnceLock::new();
    TAXONOMY
        .get_or_init(|| Taxonomy::built_in().expect("the built-in taxonomy loads"))
        .clone()
}

/// A code taken as written, the way a JSON import delivers it: not yet checked or
/// canonicalised.
pub(crate) fn code(raw: &str) -> Code {
    serde_json::from_value(serde_json::Value::String(raw.to_owned())).expect("a string is a code")
}

pub(crate) fn codes(raw: &[&str]) -> Vec<Code> {
    raw.iter().map(|c| code(c)).collect()
}

pub(crate) fn id(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

pub(crate) fn org_id(n: u128) -> OrganizationId {
    OrganizationId::from_uuid(id(n))
}

pub(crate) fn organization(n: u128, name: &str, countries: &[&str]) -> Organization {
    Organization {
        id: org_id(n),
        name: name.to_owned(),
        kind: code("local_cso"),
        countries: codes(countries),
        regions: Vec::new(),
        languages: codes(&["ru"]),
        description: format!("{name} helps defenders at risk."),
        public_contact: format!("help@{n}.example.org"),
        website: None,
        translations: Default::default(),
    }
}

/// An open online service in Russian, for every group, covering `countries`.
pub(crate) fn service(
    n: u128,
    organization: u128,
    name: &str,
    support: &str,
    countries: &[&str],
) -> Service {
    Service {
        id: id(n),
        organization_id: org_id(organization),
        name: name.to_owned(),
        description: format!("{name}, described."),
        support: code(support),
        coverage: Coverage {
            countries: codes(countries),
            ..Coverage::default()
        },
        groups: Vec::new(),
        languages: codes(&["ru"]),
        formats: vec![Format::Online],
        family_eligible: false,
        eligibility: "Any human rights defender at risk.".to_owned(),
        response_hours: 48,
        open: true,
        translations: Default::default(),
    }
}

/// One organisation (id 1) holding `services`, validated.
pub(crate) fn directory(services: Vec<Service>) -> Directory {
    let mut countries: Vec<&str> = services
        .iter()
        .flat_map(|s| s.coverage.countries.iter().map(Code::as_str))
        .collect();
    if countries.is_empty() {
        countries.push("KG");
    }
    let mut directory = Directory {
        organizations: vec![organization(1, "Shelter House", &countries)],
        services,
        allies: Vec::new(),
    };
    if let Err(errors) = directory.validate(&taxonomy()) {
        panic!("the test directory is invalid: {errors:#?}");
    }
    directory
}
