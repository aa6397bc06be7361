//! Torchlight's vocabularies as HSDS taxonomies, and the attributes that link records
//! to their terms.
//!
//! HSDS has fields for little of what Torchlight records (kind of actor, support type,
//! groups, formats, countries of work...). Its answer is the `attribute`: a link from a
//! record to a `taxonomy_term`, with a `link_type` saying what the term describes and an
//! optional `value`. Torchlight publishes one HSDS `taxonomy` per vocabulary
//! (`torchlight:support_type`, ...), one for the fixed formats and one for the record
//! properties that carry a value rather than a code (`torchlight:property`). The
//! `link_type` of an attribute is the name of the Torchlight field it fills, so a
//! country can mean "works in" (`countries`) or "serves exiles from" (`exile_from`).
//!
//! Every id is a name-based UUID (v5) under a fixed namespace: the same directory
//! always exports the same ids, and terms keep their ids across exports.

use serde_json::{json, Map, Value};
use torchlight_core::taxonomy::Vocabulary;
use torchlight_core::{Format, Taxonomy};
use uuid::Uuid;

/// Namespace of every id Torchlight derives for HSDS. Fixed forever: changing it would
/// change every exported id.
const NAMESPACE: Uuid = Uuid::from_u128(0x5d3f_52ba_0945_41df_bd06_c2a1_2c03_39a5);

/// The `taxonomy` text of every Torchlight term, marking it as Torchlight's own.
pub(crate) const VOCABULARY: &str = "torchlight";

/// A deterministic id for anything derived from `key`.
pub(crate) fn derived_id(key: &str) -> Uuid {
    Uuid::new_v5(&NAMESPACE, key.as_bytes())
}

/// One of the HSDS taxonomies Torchlight publishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scheme {
    Vocabulary(Vocabulary),
    Format,
    Property,
}

impl Scheme {
    fn key(self) -> &'static str {
        match self {
            Scheme::Vocabulary(v) => v.name(),
            Scheme::Format => "format",
            Scheme::Property => "property",
        }
    }

    pub(crate) fn name(self) -> String {
        format!("{VOCABULARY}:{}", self.key())
    }

    pub(crate) fn id(self) -> Uuid {
        derived_id(&self.name())
    }

    fn all() -> impl Iterator<Item = Scheme> {
        Vocabulary::ALL
            .into_iter()
            .map(Scheme::Vocabulary)
            .chain([Scheme::Format, Scheme::Property])
    }

    pub(crate) fn from_name(name: &str) -> Option<Scheme> {
        Scheme::all().find(|s| s.name() == name)
    }

    pub(crate) fn from_id(id: &str) -> Option<Scheme> {
        let id = Uuid::parse_str(id).ok()?;
        Scheme::all().find(|s| s.id() == id)
    }

    fn description(self) -> String {
        match self {
            Scheme::Vocabulary(v) => format!(
                "Torchlight vocabulary '{}' (data/taxonomy/{})",
                v.name(),
                v.file_name()
            ),
            Scheme::Format => {
                "How a Torchlight service is delivered: online, in person, or requiring travel"
                    .into()
            }
            Scheme::Property => {
                "Torchlight record properties that carry a value rather than a code".into()
            }
        }
    }

    /// The HSDS `taxonomy` object.
    pub(crate) fn taxonomy_json(self) -> Value {
        json!({
            "id": self.id().to_string(),
            "name": self.name(),
            "description": self.description(),
            "version": env!("CARGO_PKG_VERSION"),
        })
    }

    pub(crate) fn term_id(self, code: &str) -> Uuid {
        derived_id(&format!("{}/{code}", self.name()))
    }

    /// The HSDS `taxonomy_term` object for `code`, with its taxonomy nested.
    pub(crate) fn term_json(self, code: &str, taxonomy: &Taxonomy) -> Value {
        let (name, description) = self.describe(code, taxonomy);
        json!({
            "id": self.term_id(code).to_string(),
            "code": code,
            "name": name,
            "description": description,
            "taxonomy": VOCABULARY,
            "language": "en",
            "taxonomy_id": self.id().to_string(),
            "taxonomy_detail": self.taxonomy_json(),
        })
    }

    fn describe(self, code: &str, taxonomy: &Taxonomy) -> (String, String) {
        match self {
            Scheme::Vocabulary(Vocabulary::Country) => {
                let name = taxonomy.label(Vocabulary::Country, code).to_owned();
                let description = format!("{name} (ISO 3166-1 {code})");
                (name, description)
            }
            Scheme::Vocabulary(Vocabulary::Region) => {
                let name = taxonomy.label(Vocabulary::Region, code).to_owned();
                let country = taxonomy.region(code).map(|r| {
                    taxonomy
                        .label(Vocabulary::Country, r.country.as_str())
                        .to_owned()
                });
                let description = match country {
                    Some(country) => format!("{name}, {country} (ISO 3166-2 {code})"),
                    None => format!("{name} ({code})"),
                };
                (name, description)
            }
            Scheme::Vocabulary(Vocabulary::Language) => {
                let name = taxonomy.label(Vocabulary::Language, code).to_owned();
                let description = format!("{name} (ISO 639 {code})");
                (name, description)
            }
            Scheme::Vocabulary(v) => match taxonomy.term(v, code) {
                Some(term) if !term.description.is_empty() => {
                    (term.label.clone(), term.description.clone())
                }
                Some(term) => (term.label.clone(), term.label.clone()),
                None => (code.to_owned(), code.to_owned()),
            },
            Scheme::Format => match Format::parse(code) {
                Some(Format::Online) => ("online".into(), "Delivered online or by phone".into()),
                Some(Format::InPerson) => (
                    "in person".into(),
                    "Delivered in person where the defender is".into(),
                ),
                Some(Format::RequiresTravel) => (
                    "requires travel".into(),
                    "The defender has to travel to receive it (hard for many with children)".into(),
                ),
                None => (code.to_owned(), code.to_owned()),
            },
            Scheme::Property => match Property::ALL.into_iter().find(|p| p.code() == code) {
                Some(p) => (p.label().into(), p.description().into()),
                None => (code.to_owned(), code.to_owned()),
            },
        }
    }
}

/// Fields that an attribute carries as its `value`, under a `torchlight:property` term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Property {
    PublicContact,
    Website,
    ResponseHours,
    FamilyEligible,
    RemoteAreas,
    Worldwide,
}

impl Property {
    const ALL: [Property; 6] = [
        Property::PublicContact,
        Property::Website,
        Property::ResponseHours,
        Property::FamilyEligible,
        Property::RemoteAreas,
        Property::Worldwide,
    ];

    pub(crate) fn link(self) -> Link {
        match self {
            Property::PublicContact => Link::PublicContact,
            Property::Website => Link::Website,
            Property::ResponseHours => Link::ResponseHours,
            Property::FamilyEligible => Link::FamilyEligible,
            Property::RemoteAreas => Link::RemoteAreas,
            Property::Worldwide => Link::Worldwide,
        }
    }

    pub(crate) fn code(self) -> &'static str {
        match self {
            Property::PublicContact => "public_contact",
            Property::Website => "website",
            Property::ResponseHours => "response_hours",
            Property::FamilyEligible => "family_eligible",
            Property::RemoteAreas => "remote_areas",
            Property::Worldwide => "worldwide",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Property::PublicContact => "public contact",
            Property::Website => "website",
            Property::ResponseHours => "expected response time in hours",
            Property::FamilyEligible => "family members eligible",
            Property::RemoteAreas => "reaches remote and rural areas",
            Property::Worldwide => "available worldwide",
        }
    }

    fn description(self) -> &'static str {
        match self {
            Property::PublicContact => "How a defender reaches the organisation, verbatim",
            Property::Website => "The organisation's website, verbatim, when it is not a plain URL",
            Property::ResponseHours => "Expected time to a first response, in whole hours",
            Property::FamilyEligible => {
                "Family members of a defender can be supported in their own right (true or false)"
            }
            Property::RemoteAreas => {
                "The service reaches remote and rural areas, not only the capital (true or false)"
            }
            Property::Worldwide => "The service is available in any country (true or false)",
        }
    }
}

/// The HSDS table an attribute links to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Entity {
    Organization,
    Service,
    ServiceArea,
}

impl Entity {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Entity::Organization => "organization",
            Entity::Service => "service",
            Entity::ServiceArea => "service_area",
        }
    }
}

/// The Torchlight field an attribute fills; written as the attribute's `link_type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Link {
    Kind,
    Countries,
    Regions,
    Languages,
    PublicContact,
    Website,
    Support,
    Groups,
    Formats,
    ExileFrom,
    FamilyEligible,
    RemoteAreas,
    Worldwide,
    ResponseHours,
    /// A country or region a service covers, on its `service_area`.
    Coverage,
    /// Texts in another language, as JSON in `value`; used where a table has no room
    /// for the `x-torchlight-translations` property (the CSV form).
    Translation,
}

impl Link {
    pub(crate) const ALL: [Link; 16] = [
        Link::Kind,
        Link::Countries,
        Link::Regions,
        Link::Languages,
        Link::PublicContact,
        Link::Website,
        Link::Support,
        Link::Groups,
        Link::Formats,
        Link::ExileFrom,
        Link::FamilyEligible,
        Link::RemoteAreas,
        Link::Worldwide,
        Link::ResponseHours,
        Link::Coverage,
        Link::Translation,
    ];

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Link::Kind => "kind",
            Link::Countries => "countries",
            Link::Regions => "regions",
            Link::Languages => "languages",
            Link::PublicContact => "public_contact",
            Link::Website => "website",
            Link::Support => "support",
            Link::Groups => "groups",
            Link::Formats => "formats",
            Link::ExileFrom => "exile_from",
            Link::FamilyEligible => "family_eligible",
            Link::RemoteAreas => "remote_areas",
            Link::Worldwide => "worldwide",
            Link::ResponseHours => "response_hours",
            Link::Coverage => "coverage",
            Link::Translation => "translation",
        }
    }

    pub(crate) fn parse(raw: &str) -> Option<Link> {
        Link::ALL.into_iter().find(|l| l.as_str() == raw)
    }

    /// The Torchlight field it fills, as `Directory::validate` names it.
    pub(crate) fn field(self) -> &'static str {
        match self {
            Link::ExileFrom => "coverage.exile_from",
            Link::RemoteAreas => "coverage.remote_areas",
            Link::Worldwide => "coverage.worldwide",
            Link::Translation => "translations",
            other => other.as_str(),
        }
    }

    /// Whether the link may appear on a record of `entity`.
    pub(crate) fn applies_to(self, entity: Entity) -> bool {
        let expected: &[Entity] = match self {
            Link::Kind
            | Link::Countries
            | Link::Regions
            | Link::Languages
            | Link::PublicContact
            | Link::Website => &[Entity::Organization],
            Link::Coverage => &[Entity::ServiceArea],
            Link::Translation => &[Entity::Organization, Entity::Service],
            _ => &[Entity::Service],
        };
        expected.contains(&entity)
    }

    /// Whether a term of `scheme` can fill this field.
    pub(crate) fn accepts(self, scheme: Scheme) -> bool {
        use Vocabulary as V;
        match self {
            Link::Kind => scheme == Scheme::Vocabulary(V::ActorKind),
            Link::Countries | Link::ExileFrom => scheme == Scheme::Vocabulary(V::Country),
            Link::Regions => scheme == Scheme::Vocabulary(V::Region),
            Link::Languages | Link::Translation => scheme == Scheme::Vocabulary(V::Language),
            Link::Support => scheme == Scheme::Vocabulary(V::SupportType),
            Link::Groups => scheme == Scheme::Vocabulary(V::DefenderGroup),
            Link::Formats => scheme == Scheme::Format,
            Link::Coverage => matches!(scheme, Scheme::Vocabulary(V::Country | V::Region)),
            _ => scheme == Scheme::Property,
        }
    }

    /// The property a value-carrying link stores under, if it is one.
    pub(crate) fn property(self) -> Option<Property> {
        Property::ALL.into_iter().find(|p| p.link() == self)
    }
}

/// One attribute linking the record `link_id` (of `entity`) to the term `code` of `scheme`.
pub(crate) struct AttributeSpec<'a> {
    pub entity: Entity,
    pub link_id: Uuid,
    pub link: Link,
    pub scheme: Scheme,
    pub code: &'a str,
    pub value: Option<String>,
}

impl AttributeSpec<'_> {
    /// The HSDS `attribute` object, with its term nested.
    pub(crate) fn to_json(&self, taxonomy: &Taxonomy) -> Value {
        let id = derived_id(&format!(
            "attribute/{}/{}/{}",
            self.link_id,
            self.link.as_str(),
            self.code
        ));
        let mut attribute = Map::new();
        attribute.insert("id".into(), id.to_string().into());
        attribute.insert("link_id".into(), self.link_id.to_string().into());
        attribute.insert(
            "taxonomy_term_id".into(),
            self.scheme.term_id(self.code).to_string().into(),
        );
        attribute.insert("link_type".into(), self.link.as_str().into());
        attribute.insert("link_entity".into(), self.entity.as_str().into());
        if let Some(value) = &self.value {
            attribute.insert("value".into(), value.clone().into());
        }
        attribute.insert(
            "taxonomy_term".into(),
            self.scheme.term_json(self.code, taxonomy),
        );
        Value::Object(attribute)
    }
}

/// A value-carrying attribute (`public_contact`, `response_hours`, flags...).
pub(crate) fn property_attribute(
    entity: Entity,
    link_id: Uuid,
    property: Property,
    value: String,
) -> AttributeSpec<'static> {
    AttributeSpec {
        entity,
        link_id,
        link: property.link(),
        scheme: Scheme::Property,
        code: property.code(),
        value: Some(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_property_has_exactly_one_link() {
        for property in Property::ALL {
            let links: Vec<Link> = Link::ALL
                .into_iter()
                .filter(|l| l.property() == Some(property))
                .collect();
            assert_eq!(links.len(), 1, "{property:?}");
            assert_eq!(links[0], property.link());
            // The term code and the link type agree, so either names the field.
            assert_eq!(property.code(), property.link().as_str());
            assert!(links[0].accepts(Scheme::Property));
        }
    }

    #[test]
    fn link_types_parse_back() {
        for link in Link::ALL {
            assert_eq!(Link::parse(link.as_str()), Some(link));
        }
        assert_eq!(Link::parse("colour"), None);
    }

    #[test]
    fn taxonomies_are_found_by_name_and_id() {
        for scheme in Scheme::all() {
            assert_eq!(Scheme::from_name(&scheme.name()), Some(scheme));
            assert_eq!(Scheme::from_id(&scheme.id().to_string()), Some(scheme));
        }
        assert_eq!(Scheme::from_name("torchlight:colour"), None);
        assert_eq!(
            Scheme::Vocabulary(Vocabulary::SupportType).name(),
            "torchlight:support_type"
        );
    }

    #[test]
    fn ids_are_stable_and_distinct() {
        let legal = Scheme::Vocabulary(Vocabulary::SupportType).term_id("legal");
        assert_eq!(
            legal,
            Scheme::Vocabulary(Vocabulary::SupportType).term_id("legal")
        );
        assert_ne!(
            legal,
            Scheme::Vocabulary(Vocabulary::DefenderGroup).term_id("legal")
        );
        assert_ne!(legal, Scheme::Vocabulary(Vocabulary::SupportType).id());
    }
}
