//! What the templates show, computed from the directory: labels instead of codes,
//! plain words instead of numbers.

use torchlight_core::{Directory, Filters, Hit, Organization, Service, Taxonomy, Vocabulary};

use crate::explain;

pub struct CountryLink {
    pub name: String,
    pub link: String,
}

pub struct SuggestionView {
    pub text: String,
    pub link: String,
    pub matches: usize,
}

pub struct ResultView {
    pub link: String,
    pub name: String,
    pub organization: String,
    pub organization_link: String,
    pub support: String,
    pub why: String,
    pub response: String,
    pub formats: String,
    pub open: bool,
}

impl ResultView {
    pub fn new(taxonomy: &Taxonomy, hit: &Hit<'_>) -> ResultView {
        let service = hit.service;
        ResultView {
            link: format!("/services/{}", service.id),
            name: service.name.clone(),
            organization: hit.organization.name.clone(),
            organization_link: format!("/organizations/{}", hit.organization.id),
            support: taxonomy
                .label(Vocabulary::SupportType, service.support.as_str())
                .to_owned(),
            why: explain::reasons_line(taxonomy, &hit.reasons),
            response: explain::response_time(service.response_hours),
            formats: formats(service),
            open: service.open,
        }
    }
}

pub struct ServiceView {
    pub name: String,
    pub description: String,
    pub support: String,
    pub support_description: String,
    pub organization: String,
    pub organization_link: String,
    pub contact: String,
    pub website: Option<String>,
    pub eligibility: String,
    pub response: String,
    pub formats: String,
    pub requires_travel: bool,
    pub family_eligible: bool,
    pub open: bool,
    pub coverage: Vec<String>,
    pub groups: String,
    pub languages: String,
}

impl ServiceView {
    pub fn new(taxonomy: &Taxonomy, service: &Service, organization: &Organization) -> ServiceView {
        let support = taxonomy.term(Vocabulary::SupportType, service.support.as_str());
        ServiceView {
            name: service.name.clone(),
            description: service.description.clone(),
            support: support
                .map(|t| t.label.clone())
                .unwrap_or_else(|| service.support.to_string()),
            support_description: support.map(|t| t.description.clone()).unwrap_or_default(),
            organization: organization.name.clone(),
            organization_link: format!("/organizations/{}", organization.id),
            contact: organization.public_contact.clone(),
            website: organization.website.clone(),
            eligibility: service.eligibility.clone(),
            response: explain::response_time(service.response_hours),
            formats: formats(service),
            requires_travel: service
                .formats
                .contains(&torchlight_core::Format::RequiresTravel),
            family_eligible: service.family_eligible,
            open: service.open,
            coverage: coverage(taxonomy, service),
            groups: if service.groups.is_empty() {
                "Every defender".to_owned()
            } else {
                labels(taxonomy, Vocabulary::DefenderGroup, &service.groups)
            },
            languages: languages(taxonomy, &service.languages),
        }
    }
}

pub struct OrganizationView {
    pub name: String,
    pub kind: String,
    pub description: String,
    pub contact: String,
    pub website: Option<String>,
    pub countries: String,
    pub regions: String,
    pub languages: String,
    pub services: Vec<ServiceLine>,
}

pub struct ServiceLine {
    pub link: String,
    pub name: String,
    pub support: String,
    pub response: String,
    pub open: bool,
}

impl OrganizationView {
    pub fn new(
        taxonomy: &Taxonomy,
        directory: &Directory,
        organization: &Organization,
    ) -> OrganizationView {
        OrganizationView {
            name: organization.name.clone(),
            kind: taxonomy
                .label(Vocabulary::ActorKind, organization.kind.as_str())
                .to_owned(),
            description: organization.description.clone(),
            contact: organization.public_contact.clone(),
            website: organization.website.clone(),
            countries: labels(taxonomy, Vocabulary::Country, &organization.countries),
            regions: organization
                .regions
                .iter()
                .map(|r| explain::region_with_country(taxonomy, r.as_str()))
                .collect::<Vec<_>>()
                .join(", "),
            languages: languages(taxonomy, &organization.languages),
            services: directory
                .services_of(organization.id)
                .map(|s| ServiceLine {
                    link: format!("/services/{}", s.id),
                    name: s.name.clone(),
                    support: taxonomy
                        .label(Vocabulary::SupportType, s.support.as_str())
                        .to_owned(),
                    response: explain::response_time(s.response_hours),
                    open: s.open,
                })
                .collect(),
        }
    }
}

/// "Digital security assistance in Kyrgyzstan" — what the search was for.
pub fn summary(taxonomy: &Taxonomy, filters: &Filters) -> String {
    let what = filters
        .support
        .as_ref()
        .map(|s| {
            taxonomy
                .label(Vocabulary::SupportType, s.as_str())
                .to_owned()
        })
        .unwrap_or_else(|| "Any support".to_owned());
    let place = match (&filters.region, &filters.country) {
        (Some(region), _) => format!(
            " in {}",
            explain::region_with_country(taxonomy, region.as_str())
        ),
        (None, Some(country)) => format!(
            " in {}",
            taxonomy.label(Vocabulary::Country, country.as_str())
        ),
        (None, None) => String::new(),
    };
    format!("{what}{place}")
}

fn formats(service: &Service) -> String {
    service
        .formats
        .iter()
        .map(|f| explain::format_label(*f))
        .collect::<Vec<_>>()
        .join(", ")
}

fn labels(taxonomy: &Taxonomy, vocabulary: Vocabulary, codes: &[torchlight_core::Code]) -> String {
    codes
        .iter()
        .map(|c| taxonomy.label(vocabulary, c.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn languages(taxonomy: &Taxonomy, codes: &[torchlight_core::Code]) -> String {
    codes
        .iter()
        .map(|c| explain::language_name(taxonomy, c.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn coverage(taxonomy: &Taxonomy, service: &Service) -> Vec<String> {
    let c = &service.coverage;
    let mut lines = Vec::new();
    if c.worldwide {
        lines.push("Any country".to_owned());
    }
    let narrowed: Vec<&str> = c
        .regions
        .iter()
        .filter_map(|r| r.as_str().get(..2))
        .collect();
    for country in &c.countries {
        if !narrowed.contains(&country.as_str()) {
            lines.push(format!(
                "All of {}",
                taxonomy.label(Vocabulary::Country, country.as_str())
            ));
        }
    }
    for region in &c.regions {
        lines.push(explain::region_with_country(taxonomy, region.as_str()));
    }
    for country in &c.exile_from {
        lines.push(format!(
            "Defenders from {} living in exile",
            taxonomy.label(Vocabulary::Country, country.as_str())
        ));
    }
    if c.remote_areas {
        lines.push("Remote and rural areas as well as cities".to_owned());
    }
    lines
}
