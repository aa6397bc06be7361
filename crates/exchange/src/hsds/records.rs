//! One HSDS organization or service -> one Torchlight record.
//!
//! A record that carries Torchlight attributes was written by Torchlight and must be
//! complete. A record without any comes from another publisher, and what HSDS cannot
//! say is filled in: the `ImportOptions` defaults for support type, country and
//! language; "local CSO" for the kind of actor; formats from its locations; the
//! response time from its `wait_time` words. Language codes the taxonomy does not know
//! are dropped from such records (the coalition's vocabulary is what defenders search
//! by), while in Torchlight's own records they are errors.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::{Map, Value};
use torchlight_core::taxonomy::Vocabulary;
use torchlight_core::{
    Code, Coverage, Organization, OrganizationId, Service, Taxonomy, Translation,
};
use uuid::Uuid;

use super::foreign;
use super::import::Defaults;
use super::read::{self, kind_of, AttrValue, Attributes, Scope};
use super::{words, TRANSLATIONS};
use crate::terms::{Entity, Link, Scheme};

/// How a service is tied to its organization.
#[derive(Clone, Copy)]
pub(crate) enum Parent {
    /// Nested in an organization (or carrying one nested) whose id this is, if usable.
    Nested(Option<Uuid>),
    /// On its own: `organization_id` names the organization.
    Root,
}

pub(crate) fn map_organization(
    object: &Map<String, Value>,
    taxonomy: &Taxonomy,
    defaults: &Defaults,
    scope: &mut Scope<'_>,
) -> Option<Organization> {
    let id = scope.uuid(object, "id");
    let name = scope.required_text(object, "name", "name");
    let description = scope.required_text(object, "description", "description");
    let attributes = read::attributes(object, Entity::Organization, taxonomy, scope);
    let foreign = !attributes.torchlight;

    let kind = match attributes.single(Link::Kind, scope, "kind") {
        Some(AttrValue::Code(code)) => Some(code),
        _ if foreign => taxonomy
            .resolve(Vocabulary::ActorKind, foreign::FOREIGN_KIND)
            .ok(),
        _ => None,
    };
    let kind = require(
        kind,
        &attributes,
        Link::Kind,
        scope,
        "no actor kind: add a torchlight:actor_kind attribute with link_type 'kind'",
    )
    .or_else(|| placeholder(Vocabulary::ActorKind))?;
    let countries = codes_or_default(
        attributes.codes(Link::Countries),
        defaults.country.as_ref(),
        &attributes,
        Link::Countries,
        scope,
        "no country: add torchlight:country attributes with link_type 'countries', or import with a default country",
    );
    let languages = codes_or_default(
        attributes.codes(Link::Languages),
        defaults.language.as_ref(),
        &attributes,
        Link::Languages,
        scope,
        "no language: add torchlight:language attributes with link_type 'languages', or import with a default language",
    );
    let public_contact = match attributes.single(Link::PublicContact, scope, "public_contact") {
        Some(AttrValue::Text(text)) => Some(text),
        _ if foreign => foreign::contact(object),
        _ => None,
    };
    let public_contact = require(
        public_contact,
        &attributes,
        Link::PublicContact,
        scope,
        "no public contact: give an email, phones or a website, or a torchlight:property 'public_contact' attribute",
    )
    .unwrap_or_default();
    let website = match attributes.single(Link::Website, scope, "website") {
        Some(AttrValue::Text(text)) => Some(text),
        _ => scope.string(object, "website").map(str::to_owned),
    };
    let translations = translations(object, &attributes, taxonomy, scope);
    Some(Organization {
        id: OrganizationId::from_uuid(id?),
        name,
        kind,
        countries,
        regions: attributes.codes(Link::Regions),
        languages,
        description,
        public_contact,
        website,
        translations,
    })
}

pub(crate) fn map_service(
    object: &Map<String, Value>,
    taxonomy: &Taxonomy,
    defaults: &Defaults,
    scope: &mut Scope<'_>,
    parent: Parent,
) -> Option<Service> {
    let id = scope.uuid(object, "id");
    let organization_id = organization_id(object, scope, parent);
    let name = scope.required_text(object, "name", "name");
    let description = scope.required_text(object, "description", "description");
    let eligibility = scope.required_text(object, "eligibility_description", "eligibility");
    let open = status(object, scope);
    let attributes = read::attributes(object, Entity::Service, taxonomy, scope);
    let areas = areas(object, taxonomy, scope);
    let foreign = !attributes.torchlight && !areas.iter().any(|(_, a)| a.torchlight);

    let support = match attributes.single(Link::Support, scope, "support") {
        Some(AttrValue::Code(code)) => Some(code),
        _ => defaults.support.clone(),
    };
    let support = require(
        support,
        &attributes,
        Link::Support,
        scope,
        "no support type: add a torchlight:support_type attribute with link_type 'support', or import with a default support type",
    )
    .or_else(|| placeholder(Vocabulary::SupportType))?;

    let languages = languages(object, taxonomy, scope, foreign);
    let languages = if languages.is_empty() && !scope.reported.contains("languages") {
        match &defaults.language {
            Some(code) => vec![code.clone()],
            None => {
                scope.fail_field("languages", "languages", "no language: list languages with ISO 639 codes, or import with a default language");
                Vec::new()
            }
        }
    } else {
        languages
    };

    let mut formats = attributes.formats();
    if formats.is_empty() && foreign {
        formats = foreign::formats(object);
    }
    if formats.is_empty() && !attributes.failed(Link::Formats) {
        scope.fail_field(
            "attributes",
            "formats",
            "no format: add torchlight:format attributes with link_type 'formats'",
        );
    }

    let flag =
        |link: Link, scope: &mut Scope<'_>| match attributes.single(link, scope, link.field()) {
            Some(AttrValue::Flag(set)) => set,
            _ => false,
        };
    let family_eligible = flag(Link::FamilyEligible, scope);
    let remote_areas = flag(Link::RemoteAreas, scope);
    let mut worldwide = flag(Link::Worldwide, scope);

    let mut countries = Vec::new();
    let mut regions = Vec::new();
    for (area, area_attributes) in &areas {
        for (scheme, code) in area_attributes.schemed_codes(Link::Coverage) {
            match scheme {
                Scheme::Vocabulary(Vocabulary::Region) => regions.push(code.clone()),
                _ => countries.push(code.clone()),
            }
        }
        if foreign {
            match foreign::place(area, taxonomy) {
                Some(foreign::Place::Worldwide) => worldwide = true,
                Some(foreign::Place::Country(code)) => countries.push(code),
                Some(foreign::Place::Region(code)) => regions.push(code),
                None => {}
            }
        }
    }
    let exile_from = attributes.codes(Link::ExileFrom);
    let nowhere = !worldwide && countries.is_empty() && regions.is_empty() && exile_from.is_empty();
    let settled = [Link::Coverage, Link::ExileFrom, Link::Worldwide]
        .into_iter()
        .any(|l| scope.reported.contains(l.field()));
    if nowhere && !settled {
        match &defaults.country {
            Some(code) => countries.push(code.clone()),
            None => scope.fail_field(
                "service_areas",
                "coverage",
                "covers nowhere: add service areas with torchlight:country or torchlight:region attributes, or import with a default country",
            ),
        }
    }

    let response_hours = match attributes.single(Link::ResponseHours, scope, "response_hours") {
        Some(AttrValue::Hours(hours)) => Some(hours),
        _ if foreign => Some(
            object
                .get("wait_time")
                .and_then(Value::as_str)
                .and_then(words::parse_wait_time)
                .unwrap_or(foreign::FOREIGN_RESPONSE_HOURS),
        ),
        _ => None,
    };
    let response_hours = require(
        response_hours,
        &attributes,
        Link::ResponseHours,
        scope,
        "no response time: add a torchlight:property 'response_hours' attribute",
    )
    .unwrap_or_default();

    let translations = translations(object, &attributes, taxonomy, scope);
    Some(Service {
        id: id?,
        organization_id: OrganizationId::from_uuid(organization_id?),
        name,
        description,
        support,
        coverage: Coverage {
            worldwide,
            countries,
            regions,
            remote_areas,
            exile_from,
        },
        groups: attributes.codes(Link::Groups),
        languages,
        formats,
        family_eligible,
        eligibility,
        response_hours,
        open,
        translations,
    })
}

/// The value of a required field, or the error that it is missing (unless a broken
/// attribute for it was reported already).
fn require<T>(
    found: Option<T>,
    attributes: &Attributes,
    link: Link,
    scope: &mut Scope<'_>,
    missing: &str,
) -> Option<T> {
    if found.is_none() && !attributes.failed(link) {
        scope.fail_field("attributes", link.field(), missing);
    }
    found
}

fn codes_or_default(
    found: Vec<Code>,
    default: Option<&Code>,
    attributes: &Attributes,
    link: Link,
    scope: &mut Scope<'_>,
    missing: &str,
) -> Vec<Code> {
    if !found.is_empty() || attributes.failed(link) {
        return found;
    }
    match default {
        Some(code) => vec![code.clone()],
        None => {
            scope.fail_field("attributes", link.field(), missing);
            Vec::new()
        }
    }
}

/// A stand-in for a code already reported missing, so that the rest of the record is
/// still checked; its own error is suppressed, and the import fails anyway.
fn placeholder(vocabulary: Vocabulary) -> Option<Code> {
    Code::parse(vocabulary, "missing").ok()
}

fn organization_id(
    object: &Map<String, Value>,
    scope: &mut Scope<'_>,
    parent: Parent,
) -> Option<Uuid> {
    let given = match object.get("organization_id") {
        None | Some(Value::Null) => None,
        Some(_) => scope.uuid(object, "organization_id"),
    };
    match (parent, given) {
        (Parent::Nested(Some(parent)), Some(given)) if given != parent => {
            let path = scope.path("organization_id");
            scope.fail_at(
                path,
                format!("{given} is not the id of the organization it belongs to ({parent})"),
            );
            None
        }
        (Parent::Nested(parent), _) => parent,
        (Parent::Root, Some(given)) => Some(given),
        (Parent::Root, None) => {
            if !object.contains_key("organization_id") {
                let path = scope.path("organization_id");
                scope.fail_at(
                    path,
                    "missing; give organization_id or nest the organization",
                );
            }
            None
        }
    }
}

fn status(object: &Map<String, Value>, scope: &mut Scope<'_>) -> bool {
    match scope.string(object, "status") {
        Some("active") => true,
        Some("inactive" | "defunct" | "temporarily closed") => false,
        Some(other) => {
            let message =
                format!("'{other}' is not one of active, inactive, defunct, temporarily closed");
            scope.fail_field("status", "open", message);
            false
        }
        None => {
            if object.get("status").is_none_or(Value::is_null) {
                scope.fail_field(
                    "status",
                    "open",
                    "missing; give active, inactive, defunct or temporarily closed",
                );
            }
            false
        }
    }
}

/// The service areas with their Torchlight attributes.
fn areas<'v>(
    object: &'v Map<String, Value>,
    taxonomy: &Taxonomy,
    scope: &mut Scope<'_>,
) -> Vec<(&'v Map<String, Value>, Attributes)> {
    let mut areas = Vec::new();
    for (k, item) in scope.array(object, "service_areas").iter().enumerate() {
        let key = format!("service_areas[{k}]");
        let path = scope.path(&key);
        if let Some(area) = scope.object(item, path) {
            let attributes = scope.within(&key, |inner| {
                read::attributes(area, Entity::ServiceArea, taxonomy, inner)
            });
            areas.push((area, attributes));
        }
    }
    areas
}

fn languages(
    object: &Map<String, Value>,
    taxonomy: &Taxonomy,
    scope: &mut Scope<'_>,
    foreign: bool,
) -> Vec<Code> {
    let mut codes: Vec<Code> = Vec::new();
    for (i, item) in scope.array(object, "languages").iter().enumerate() {
        let key = format!("languages[{i}]");
        let path = scope.path(&key);
        let Some(language) = scope.object(item, path) else {
            scope.reported.insert("languages");
            continue;
        };
        let raw = scope.within(&key, |inner| inner.string(language, "code"));
        let code = raw.and_then(|raw| read::language(taxonomy, raw));
        match (code, raw) {
            (Some(code), _) => {
                if !codes.contains(&code) {
                    codes.push(code);
                }
            }
            // Another publisher's languages the coalition does not list: nobody could
            // search for them, so they are left behind rather than refused.
            _ if foreign => {}
            (None, Some(raw)) => {
                let message = format!("unknown language code '{raw}'");
                scope.fail_field(&format!("{key}.code"), "languages", message);
            }
            (None, None) => scope.fail_field(
                &format!("{key}.code"),
                "languages",
                "missing; give an ISO 639 code",
            ),
        }
    }
    codes
}

/// Translated texts: the extension property, plus any translation attributes (the
/// form the CSV export uses).
fn translations(
    object: &Map<String, Value>,
    attributes: &Attributes,
    taxonomy: &Taxonomy,
    scope: &mut Scope<'_>,
) -> BTreeMap<Code, Translation> {
    let mut out = BTreeMap::new();
    match object.get(TRANSLATIONS) {
        None | Some(Value::Null) => {}
        Some(Value::Object(map)) => {
            for (language, texts) in map {
                let key = format!("{TRANSLATIONS}.{language}");
                let code = match taxonomy.resolve(Vocabulary::Language, language) {
                    Ok(code) => code,
                    Err(e) => {
                        scope.fail_field(&key, "translations", e.to_string());
                        continue;
                    }
                };
                match Translation::deserialize(texts) {
                    Ok(translation) => {
                        out.insert(code, translation);
                    }
                    Err(e) => scope.fail_field(&key, "translations", e.to_string()),
                }
            }
        }
        Some(other) => {
            let message = format!(
                "expected an object of language codes to texts, found {}",
                kind_of(other)
            );
            scope.fail_field(TRANSLATIONS, "translations", message);
        }
    }
    for attribute in attributes.of(Link::Translation) {
        if let AttrValue::Translation(code, translation) = &attribute.value {
            if out.insert(code.clone(), translation.clone()).is_some() {
                scope.fail_at(
                    attribute.path.clone(),
                    format!("a second translation into '{code}'"),
                );
                scope.reported.insert("translations");
            }
        }
    }
    out
}
