//! Directory -> HSDS 3.x JSON: organizations with their services nested.

use serde_json::{json, Map, Value};
use torchlight_core::taxonomy::Vocabulary;
use torchlight_core::{Code, Directory, Organization, Service, Taxonomy};
use uuid::Uuid;

use super::words;
use crate::terms::{derived_id, property_attribute, AttributeSpec, Entity, Link, Property, Scheme};

/// Where translated texts travel. HSDS has no translation model, and its schemas allow
/// properties they do not define, so they ride along in an extension property that
/// other readers ignore.
pub(crate) const TRANSLATIONS: &str = "x-torchlight-translations";

/// HSDS 3.x JSON: an array of HSDS `organization` objects, each with its `services`
/// nested (as the HSDS API's `/organizations/{id}` returns them). Torchlight's own
/// fields go into `attributes` linking terms of Torchlight's taxonomies, so that every
/// code comes back on import. Allies are never exported: their contacts are staff-only.
/// Services whose organization is not in the directory have nowhere to go and are left
/// out; a validated directory has none.
pub fn export_hsds(directory: &Directory, taxonomy: &Taxonomy) -> Value {
    Value::Array(
        directory
            .organizations
            .iter()
            .map(|org| {
                let services = directory
                    .services_of(org.id)
                    .map(|s| service(s, taxonomy))
                    .collect();
                organization(org, services, taxonomy)
            })
            .collect(),
    )
}

fn organization(org: &Organization, services: Vec<Value>, taxonomy: &Taxonomy) -> Value {
    let mut out = Map::new();
    out.insert("id".into(), org.id.to_string().into());
    out.insert("name".into(), org.name.clone().into());
    out.insert("description".into(), org.description.clone().into());
    // Only the published contact feeds HSDS contact fields; an ally's contact never does.
    if let Some(email) = words::emails(&org.public_contact).into_iter().next() {
        out.insert("email".into(), email.into());
    }
    let web_url = org.website.as_deref().filter(|w| words::is_web_url(w));
    if let Some(url) = web_url {
        out.insert("website".into(), url.into());
    }
    let phones: Vec<Value> = words::phone_numbers(&org.public_contact)
        .into_iter()
        .enumerate()
        .map(|(i, number)| {
            json!({
                "id": derived_id(&format!("phone/{}/{i}", org.id)).to_string(),
                "organization_id": org.id.to_string(),
                "number": number,
                "description": "Public contact",
            })
        })
        .collect();
    if !phones.is_empty() {
        out.insert("phones".into(), phones.into());
    }

    let entity = Entity::Organization;
    let mut attributes = vec![code_attribute(
        entity,
        org.id.as_uuid(),
        Link::Kind,
        Vocabulary::ActorKind,
        &org.kind,
    )];
    attributes.extend(codes(
        entity,
        org.id.as_uuid(),
        Link::Countries,
        Vocabulary::Country,
        &org.countries,
    ));
    attributes.extend(codes(
        entity,
        org.id.as_uuid(),
        Link::Regions,
        Vocabulary::Region,
        &org.regions,
    ));
    attributes.extend(codes(
        entity,
        org.id.as_uuid(),
        Link::Languages,
        Vocabulary::Language,
        &org.languages,
    ));
    attributes.push(property_attribute(
        entity,
        org.id.as_uuid(),
        Property::PublicContact,
        org.public_contact.clone(),
    ));
    if let (Some(website), None) = (&org.website, web_url) {
        attributes.push(property_attribute(
            entity,
            org.id.as_uuid(),
            Property::Website,
            website.clone(),
        ));
    }
    out.insert("attributes".into(), to_json(&attributes, taxonomy));

    if !org.translations.is_empty() {
        out.insert(TRANSLATIONS.into(), translations(&org.translations));
    }
    out.insert("services".into(), Value::Array(services));
    Value::Object(out)
}

fn service(service: &Service, taxonomy: &Taxonomy) -> Value {
    let mut out = Map::new();
    out.insert("id".into(), service.id.to_string().into());
    out.insert(
        "organization_id".into(),
        service.organization_id.to_string().into(),
    );
    out.insert("name".into(), service.name.clone().into());
    out.insert("description".into(), service.description.clone().into());
    out.insert(
        "status".into(),
        if service.open { "active" } else { "inactive" }.into(),
    );
    out.insert(
        "eligibility_description".into(),
        service.eligibility.clone().into(),
    );
    out.insert(
        "wait_time".into(),
        words::wait_time(service.response_hours).into(),
    );

    let languages: Vec<Value> = service
        .languages
        .iter()
        .map(|code| {
            json!({
                "id": derived_id(&format!("language/{}/{code}", service.id)).to_string(),
                "name": taxonomy.label(Vocabulary::Language, code.as_str()),
                "code": code.as_str(),
            })
        })
        .collect();
    out.insert("languages".into(), languages.into());
    out.insert(
        "service_areas".into(),
        service_areas(service, taxonomy).into(),
    );

    let entity = Entity::Service;
    let id = service.id;
    let mut attributes = vec![code_attribute(
        entity,
        id,
        Link::Support,
        Vocabulary::SupportType,
        &service.support,
    )];
    attributes.extend(codes(
        entity,
        id,
        Link::Groups,
        Vocabulary::DefenderGroup,
        &service.groups,
    ));
    attributes.extend(service.formats.iter().map(|f| AttributeSpec {
        entity,
        link_id: id,
        link: Link::Formats,
        scheme: Scheme::Format,
        code: f.as_str(),
        value: None,
    }));
    attributes.extend(codes(
        entity,
        id,
        Link::ExileFrom,
        Vocabulary::Country,
        &service.coverage.exile_from,
    ));
    // Flags go out only when set: absent reads back as false.
    let flags = [
        (Property::FamilyEligible, service.family_eligible),
        (Property::RemoteAreas, service.coverage.remote_areas),
        (Property::Worldwide, service.coverage.worldwide),
    ];
    for (property, set) in flags {
        if set {
            attributes.push(property_attribute(entity, id, property, "true".into()));
        }
    }
    attributes.push(property_attribute(
        entity,
        id,
        Property::ResponseHours,
        service.response_hours.to_string(),
    ));
    out.insert("attributes".into(), to_json(&attributes, taxonomy));

    if !service.translations.is_empty() {
        out.insert(TRANSLATIONS.into(), translations(&service.translations));
    }
    Value::Object(out)
}

/// One `service_area` per covered country and region, named in words, with the ISO
/// code as a text extent and as an attribute. Country and region level only: no
/// address or coordinates ever leave, since a location can put people at risk.
fn service_areas(service: &Service, taxonomy: &Taxonomy) -> Vec<Value> {
    let coverage = &service.coverage;
    let places = coverage
        .countries
        .iter()
        .map(|c| (Vocabulary::Country, c))
        .chain(coverage.regions.iter().map(|r| (Vocabulary::Region, r)));
    let mut areas: Vec<Value> = places
        .map(|(vocabulary, code)| {
            let id = derived_id(&format!("service_area/{}/{code}", service.id));
            let (name, description) = place_words(vocabulary, code, taxonomy);
            let attribute = AttributeSpec {
                entity: Entity::ServiceArea,
                link_id: id,
                link: Link::Coverage,
                scheme: Scheme::Vocabulary(vocabulary),
                code: code.as_str(),
                value: None,
            };
            json!({
                "id": id.to_string(),
                "service_id": service.id.to_string(),
                "name": name,
                "description": description,
                "extent": code.as_str(),
                "extent_type": "text",
                "attributes": [attribute.to_json(taxonomy)],
            })
        })
        .collect();
    if coverage.worldwide {
        areas.push(json!({
            "id": derived_id(&format!("service_area/{}/worldwide", service.id)).to_string(),
            "service_id": service.id.to_string(),
            "name": "Worldwide",
            "description": "Available to defenders in any country",
            "extent": "worldwide",
            "extent_type": "text",
        }));
    }
    areas
}

fn place_words(vocabulary: Vocabulary, code: &Code, taxonomy: &Taxonomy) -> (String, String) {
    let name = taxonomy.label(vocabulary, code.as_str()).to_owned();
    match taxonomy
        .region(code.as_str())
        .filter(|_| vocabulary == Vocabulary::Region)
    {
        Some(region) => {
            let country = taxonomy.label(Vocabulary::Country, region.country.as_str());
            let description = format!("{name}, {country} (ISO 3166-2 {code})");
            (format!("{name}, {country}"), description)
        }
        None if vocabulary == Vocabulary::Country => {
            let description = format!("The whole of {name} (ISO 3166-1 {code})");
            (name, description)
        }
        None => (name.clone(), format!("{name} ({code})")),
    }
}

fn code_attribute<'a>(
    entity: Entity,
    link_id: Uuid,
    link: Link,
    vocabulary: Vocabulary,
    code: &'a Code,
) -> AttributeSpec<'a> {
    AttributeSpec {
        entity,
        link_id,
        link,
        scheme: Scheme::Vocabulary(vocabulary),
        code: code.as_str(),
        value: None,
    }
}

fn codes<'a>(
    entity: Entity,
    link_id: Uuid,
    link: Link,
    vocabulary: Vocabulary,
    codes: &'a [Code],
) -> impl Iterator<Item = AttributeSpec<'a>> + 'a {
    codes
        .iter()
        .map(move |code| code_attribute(entity, link_id, link, vocabulary, code))
}

fn to_json(attributes: &[AttributeSpec<'_>], taxonomy: &Taxonomy) -> Value {
    Value::Array(attributes.iter().map(|a| a.to_json(taxonomy)).collect())
}

fn translations<T: serde::Serialize>(translations: &T) -> Value {
    // A map of Codes to plain structs always serialises; Null is unreachable.
    serde_json::to_value(translations).unwrap_or(Value::Null)
}
