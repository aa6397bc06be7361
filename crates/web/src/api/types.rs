//! The JSON shapes of the API. Kept apart from the domain types so that the domain
//! can change without breaking clients.

use serde::Serialize;
use torchlight_core::{Organization, Reason, Service};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::explain;

/// The filters of `GET /api/v1/services`; each is optional and may appear once.
/// Documentation only: parsing is shared with `/find` (`crate::query`).
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct ServiceFilters {
    /// ISO 3166-1 alpha-2 code of the country the defender is in, e.g. `KG`.
    country: Option<String>,
    /// Region code (ISO 3166-2 where one exists), e.g. `KG-GB`.
    region: Option<String>,
    /// Support-type code, e.g. `digital_security`.
    support: Option<String>,
    /// Defender-group code, e.g. `journalists`.
    group: Option<String>,
    /// ISO 639 language code, e.g. `ru`.
    language: Option<String>,
    /// `online`, `in_person` or `requires_travel`.
    format: Option<String>,
    /// `yes` to list only services family members can use too.
    family: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SearchResponse {
    pub count: usize,
    pub services: Vec<ServiceMatch>,
    /// When nothing matches: relaxed searches that do find something.
    pub suggestions: Vec<SuggestionOut>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ServiceMatch {
    pub service: ServiceOut,
    pub reasons: Vec<ReasonOut>,
    /// The reasons as one line of plain words.
    pub why: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReasonOut {
    /// covers_country, covers_region, worldwide, exile_from, remote_areas, support,
    /// serves_group, serves_everyone, language, format or family_eligible.
    pub code: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    pub text: String,
}

impl ReasonOut {
    pub fn new(words: &explain::Words<'_>, reason: &Reason) -> ReasonOut {
        let (code, value) = explain::reason_code(reason);
        ReasonOut {
            code,
            value,
            text: words.reason(reason),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SuggestionOut {
    pub kind: String,
    pub text: String,
    pub matches: usize,
    /// The relaxed search, as an API link.
    pub link: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CoverageOut {
    pub worldwide: bool,
    pub countries: Vec<String>,
    pub regions: Vec<String>,
    pub remote_areas: bool,
    pub exile_from: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OrganizationOut {
    pub id: Uuid,
    pub name: String,
    /// Actor-kind code.
    pub kind: String,
    pub countries: Vec<String>,
    pub regions: Vec<String>,
    pub languages: Vec<String>,
    pub description: String,
    pub public_contact: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// The organisation's public page.
    pub link: String,
}

impl OrganizationOut {
    pub fn new(o: &Organization) -> OrganizationOut {
        OrganizationOut {
            id: o.id.as_uuid(),
            name: o.name.clone(),
            kind: o.kind.to_string(),
            countries: strings(&o.countries),
            regions: strings(&o.regions),
            languages: strings(&o.languages),
            description: o.description.clone(),
            public_contact: o.public_contact.clone(),
            website: o.website.clone(),
            link: format!("/organizations/{}", o.id),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ServiceOut {
    pub id: Uuid,
    pub name: String,
    pub description: String,
    /// Support-type code.
    pub support: String,
    pub coverage: CoverageOut,
    /// Defender-group codes; empty means every defender.
    pub groups: Vec<String>,
    pub languages: Vec<String>,
    /// `online`, `in_person`, `requires_travel`.
    pub formats: Vec<String>,
    pub family_eligible: bool,
    pub eligibility: String,
    pub response_hours: u32,
    pub open: bool,
    pub organization: OrganizationOut,
    /// The service's public page.
    pub link: String,
}

impl ServiceOut {
    pub fn new(s: &Service, organization: OrganizationOut) -> ServiceOut {
        ServiceOut {
            id: s.id,
            name: s.name.clone(),
            description: s.description.clone(),
            support: s.support.to_string(),
            coverage: CoverageOut {
                worldwide: s.coverage.worldwide,
                countries: strings(&s.coverage.countries),
                regions: strings(&s.coverage.regions),
                remote_areas: s.coverage.remote_areas,
                exile_from: strings(&s.coverage.exile_from),
            },
            groups: strings(&s.groups),
            languages: strings(&s.languages),
            formats: s.formats.iter().map(|f| f.as_str().to_owned()).collect(),
            family_eligible: s.family_eligible,
            eligibility: s.eligibility.clone(),
            response_hours: s.response_hours,
            open: s.open,
            organization,
            link: format!("/services/{}", s.id),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TermOut {
    pub code: String,
    pub label: String,
    pub description: String,
    /// For regions: the country they belong to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

fn strings(codes: &[torchlight_core::Code]) -> Vec<String> {
    codes.iter().map(|c| c.to_string()).collect()
}
