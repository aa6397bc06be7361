//! The directory of protection actors: organisations, their services, and allies.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::code::Code;
use crate::ids::OrganizationId;
use crate::taxonomy::{Taxonomy, Vocabulary};

/// How a service is delivered. Fixed in code because matching reasons about it:
/// a service that requires travel is excluded for defenders who cannot leave.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Online,
    InPerson,
    RequiresTravel,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Online, Format::InPerson, Format::RequiresTravel];

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Online => "online",
            Format::InPerson => "in_person",
            Format::RequiresTravel => "requires_travel",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Format::Online => "online",
            Format::InPerson => "in person",
            Format::RequiresTravel => "requires travel",
        }
    }

    pub fn parse(raw: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.as_str() == raw)
    }
}

/// Texts of a record in another language; the English text is on the record itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eligibility: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    pub id: OrganizationId,
    pub name: String,
    /// An `actor_kind` code.
    pub kind: Code,
    /// Countries the organisation works in.
    pub countries: Vec<Code>,
    /// Regions it works in, when not the whole of those countries.
    #[serde(default)]
    pub regions: Vec<Code>,
    pub languages: Vec<Code>,
    pub description: String,
    /// How a defender reaches it; published.
    pub public_contact: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<Code, Translation>,
}

/// Where a defender must be (or come from) for a service to reach them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Coverage {
    /// Any country at all (international online providers).
    #[serde(default)]
    pub worldwide: bool,
    /// Countries covered as a whole, unless `regions` narrows one of them.
    #[serde(default)]
    pub countries: Vec<Code>,
    /// Regions covered; a country listed here only through its regions is covered
    /// only there.
    #[serde(default)]
    pub regions: Vec<Code>,
    /// Reaches remote and rural areas, not only the capital.
    #[serde(default)]
    pub remote_areas: bool,
    /// Serves defenders from these countries who live in exile.
    #[serde(default)]
    pub exile_from: Vec<Code>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Service {
    pub id: Uuid,
    pub organization_id: OrganizationId,
    pub name: String,
    pub description: String,
    /// A `support_type` code.
    pub support: Code,
    pub coverage: Coverage,
    /// `defender_group` codes; empty means every defender.
    #[serde(default)]
    pub groups: Vec<Code>,
    pub languages: Vec<Code>,
    pub formats: Vec<Format>,
    pub family_eligible: bool,
    /// Published eligibility criteria in plain words.
    pub eligibility: String,
    /// Expected time to a first response, in hours.
    pub response_hours: u32,
    /// Whether the service currently takes requests.
    pub open: bool,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<Code, Translation>,
}

/// A lawyer, doctor, psychologist or other ally on a coalition's roster. Never
/// published: the roster is for staff reaching help in an acute case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ally {
    pub id: Uuid,
    pub name: String,
    /// A `profession` code.
    pub profession: Code,
    pub country: Code,
    #[serde(default)]
    pub regions: Vec<Code>,
    pub languages: Vec<Code>,
    /// Phone, Signal or e-mail; staff only.
    pub contact: String,
    /// The organisation that keeps this ally on its roster.
    pub organization_id: OrganizationId,
    #[serde(default)]
    pub notes: String,
}

/// The whole directory, as stored and as exchanged.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Directory {
    pub organizations: Vec<Organization>,
    pub services: Vec<Service>,
    #[serde(default)]
    pub allies: Vec<Ally>,
}

/// One problem in a directory record, naming the record and the field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{record}: {field}: {message}")]
pub struct RecordError {
    pub record: String,
    pub field: String,
    pub message: String,
}

impl Directory {
    pub fn organization(&self, id: OrganizationId) -> Option<&Organization> {
        self.organizations.iter().find(|o| o.id == id)
    }

    pub fn service(&self, id: Uuid) -> Option<&Service> {
        self.services.iter().find(|s| s.id == id)
    }

    pub fn services_of(&self, organization: OrganizationId) -> impl Iterator<Item = &Service> {
        self.services
            .iter()
            .filter(move |s| s.organization_id == organization)
    }

    /// Checks every record against the taxonomy and the directory's own references,
    /// and puts every code into canonical form. Returns all problems at once, so an
    /// import can be fixed in one pass.
    pub fn validate(&mut self, taxonomy: &Taxonomy) -> Result<(), Vec<RecordError>> {
        let mut errors = Vec::new();
        let mut ids = HashSet::new();
        for org in &mut self.organizations {
            let mut check = Checker::new(
                taxonomy,
                format!("organization '{}' ({})", org.name, org.id),
                &mut errors,
            );
            check.unique_id(&mut ids, org.id.as_uuid());
            check.text("name", &org.name, 200);
            check.text("description", &org.description, 4000);
            check.text("public_contact", &org.public_contact, 500);
            check.code(Vocabulary::ActorKind, "kind", &mut org.kind);
            check.codes(Vocabulary::Country, "countries", &mut org.countries, true);
            check.codes(Vocabulary::Region, "regions", &mut org.regions, false);
            check.codes(Vocabulary::Language, "languages", &mut org.languages, true);
            check.translations(&mut org.translations);
        }
        let org_ids: HashSet<OrganizationId> = self.organizations.iter().map(|o| o.id).collect();
        for service in &mut self.services {
            let mut check = Checker::new(
                taxonomy,
                format!("service '{}' ({})", service.name, service.id),
                &mut errors,
            );
            check.unique_id(&mut ids, service.id);
            if !org_ids.contains(&service.organization_id) {
                check.fail(
                    "organization_id",
                    format!("no organization has id {}", service.organization_id),
                );
            }
            check.text("name", &service.name, 200);
            check.text("description", &service.description, 4000);
            check.text("eligibility", &service.eligibility, 4000);
            check.code(Vocabulary::SupportType, "support", &mut service.support);
            let coverage = &mut service.coverage;
            check.codes(
                Vocabulary::Country,
                "coverage.countries",
                &mut coverage.countries,
                false,
            );
            check.codes(
                Vocabulary::Region,
                "coverage.regions",
                &mut coverage.regions,
                false,
            );
            check.codes(
                Vocabulary::Country,
                "coverage.exile_from",
                &mut coverage.exile_from,
                false,
            );
            if !coverage.worldwide
                && coverage.countries.is_empty()
                && coverage.regions.is_empty()
                && coverage.exile_from.is_empty()
            {
                check.fail(
                    "coverage",
                    "covers nowhere: give countries, regions, exile_from or worldwide".into(),
                );
            }
            check.codes(
                Vocabulary::DefenderGroup,
                "groups",
                &mut service.groups,
                false,
            );
            check.codes(
                Vocabulary::Language,
                "languages",
                &mut service.languages,
                true,
            );
            if service.formats.is_empty() {
                check.fail(
                    "formats",
                    "give at least one of online, in_person, requires_travel".into(),
                );
            }
            if service.response_hours == 0 || service.response_hours > 24 * 365 {
                check.fail("response_hours", "must be between 1 and 8760 hours".into());
            }
            check.translations(&mut service.translations);
        }
        for ally in &mut self.allies {
            let mut check = Checker::new(
                taxonomy,
                format!("ally '{}' ({})", ally.name, ally.id),
                &mut errors,
            );
            check.unique_id(&mut ids, ally.id);
            if !org_ids.contains(&ally.organization_id) {
                check.fail(
                    "organization_id",
                    format!("no organization has id {}", ally.organization_id),
                );
            }
            check.text("name", &ally.name, 200);
            check.text("contact", &ally.contact, 500);
            check.code(Vocabulary::Profession, "profession", &mut ally.profession);
            check.code(Vocabulary::Country, "country", &mut ally.country);
            check.codes(Vocabulary::Region, "regions", &mut ally.regions, false);
            check.codes(Vocabulary::Language, "languages", &mut ally.languages, true);
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

struct Checker<'a> {
    taxonomy: &'a Taxonomy,
    record: String,
    errors: &'a mut Vec<RecordError>,
}

impl<'a> Checker<'a> {
    fn new(taxonomy: &'a Taxonomy, record: String, errors: &'a mut Vec<RecordError>) -> Self {
        Checker {
            taxonomy,
            record,
            errors,
        }
    }

    fn fail(&mut self, field: &str, message: String) {
        self.errors.push(RecordError {
            record: self.record.clone(),
            field: field.to_owned(),
            message,
        });
    }

    fn unique_id(&mut self, ids: &mut HashSet<Uuid>, id: Uuid) {
        if !ids.insert(id) {
            self.fail("id", format!("id {id} is used by another record"));
        }
    }

    fn text(&mut self, field: &str, value: &str, max_chars: usize) {
        if value.trim().is_empty() {
            self.fail(field, "must not be empty".into());
        } else if value.chars().count() > max_chars {
            self.fail(field, format!("is longer than {max_chars} characters"));
        }
    }

    fn code(&mut self, vocabulary: Vocabulary, field: &str, value: &mut Code) {
        match self.taxonomy.resolve(vocabulary, value.as_str()) {
            Ok(code) => *value = code,
            Err(e) => self.fail(field, e.to_string()),
        }
    }

    fn codes(
        &mut self,
        vocabulary: Vocabulary,
        field: &str,
        values: &mut Vec<Code>,
        required: bool,
    ) {
        if required && values.is_empty() {
            self.fail(field, "must list at least one code".into());
        }
        for value in values.iter_mut() {
            self.code(vocabulary, field, value);
        }
        let mut seen = HashSet::new();
        values.retain(|c| seen.insert(c.clone()));
    }

    fn translations(&mut self, translations: &mut BTreeMap<Code, Translation>) {
        let taxonomy = self.taxonomy;
        let mut canonical = BTreeMap::new();
        for (language, text) in std::mem::take(translations) {
            match taxonomy.resolve(Vocabulary::Language, language.as_str()) {
                Ok(code) => {
                    canonical.insert(code, text);
                }
                Err(e) => self.fail("translations", e.to_string()),
            }
        }
        *translations = canonical;
    }
}

#[cfg(test)]
pub(crate) mod fixtures;
#[cfg(test)]
mod tests;
