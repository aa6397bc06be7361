//! What the templates show, computed from the directory: labels instead of codes,
//! plain words instead of numbers, all in the page's language.

use std::collections::BTreeMap;

use torchlight_core::{
    Code, Directory, Filters, Format, Hit, Organization, Service, Translation, Vocabulary,
};
use torchlight_i18n::{args, Locale};

use crate::explain::Words;

/// A text written in the directory, with the language it is shown in: the record's
/// translation for the page's language when it has one, else the original, which is
/// in English, the directory's base language. Templates put `lang` on it so screen
/// readers pronounce it right.
pub struct DirectoryText {
    pub text: String,
    pub lang: &'static str,
}

impl DirectoryText {
    fn pick(
        locale: Locale,
        translations: &BTreeMap<Code, Translation>,
        field: impl Fn(&Translation) -> Option<&String>,
        original: &str,
    ) -> DirectoryText {
        let translated = translations
            .iter()
            .find(|(code, _)| code.as_str() == locale.code())
            .and_then(|(_, t)| field(t))
            .filter(|t| !t.trim().is_empty());
        match translated {
            Some(text) => DirectoryText {
                text: text.clone(),
                lang: locale.code(),
            },
            None => DirectoryText {
                text: original.to_owned(),
                lang: Locale::ENGLISH.code(),
            },
        }
    }
}

fn service_name(locale: Locale, service: &Service) -> DirectoryText {
    DirectoryText::pick(
        locale,
        &service.translations,
        |t| t.name.as_ref(),
        &service.name,
    )
}

fn organization_name(locale: Locale, organization: &Organization) -> DirectoryText {
    DirectoryText::pick(
        locale,
        &organization.translations,
        |t| t.name.as_ref(),
        &organization.name,
    )
}

pub struct CountryLink {
    pub name: String,
    pub link: String,
}

pub struct SuggestionView {
    pub text: String,
    pub link: String,
    pub matches: String,
}

pub struct ResultView {
    pub link: String,
    pub name: DirectoryText,
    pub organization: DirectoryText,
    pub organization_link: String,
    pub support: String,
    pub why: String,
    pub response: String,
    pub formats: String,
    pub open: bool,
}

impl ResultView {
    pub fn new(words: &Words<'_>, prefix: &str, hit: &Hit<'_>) -> ResultView {
        let service = hit.service;
        ResultView {
            link: format!("{prefix}/services/{}", service.id),
            name: service_name(words.locale, service),
            organization: organization_name(words.locale, hit.organization),
            organization_link: format!("{prefix}/organizations/{}", hit.organization.id),
            support: words
                .label(Vocabulary::SupportType, service.support.as_str())
                .into_owned(),
            why: words.reasons_line(&hit.reasons),
            response: words
                .text_with(
                    "find-answers",
                    &args([("time", words.response_time(service.response_hours).into())]),
                )
                .into_owned(),
            formats: words.formats(&service.formats),
            open: service.open,
        }
    }
}

pub struct ServiceView {
    pub name: DirectoryText,
    pub description: DirectoryText,
    pub support: String,
    pub support_description: String,
    pub organization: DirectoryText,
    pub organization_link: String,
    pub contact: String,
    pub website: Option<String>,
    pub eligibility: DirectoryText,
    pub response: String,
    pub formats: String,
    pub requires_travel: bool,
    pub family_eligible: bool,
    pub open: bool,
    pub coverage: Vec<String>,
    pub groups: String,
    pub languages: String,
    /// The request form, addressed to this organisation for this help.
    pub ask_link: String,
}

impl ServiceView {
    pub fn new(
        words: &Words<'_>,
        prefix: &str,
        service: &Service,
        organization: &Organization,
    ) -> ServiceView {
        let locale = words.locale;
        ServiceView {
            name: service_name(locale, service),
            description: DirectoryText::pick(
                locale,
                &service.translations,
                |t| t.description.as_ref(),
                &service.description,
            ),
            support: words
                .label(Vocabulary::SupportType, service.support.as_str())
                .into_owned(),
            support_description: words
                .description(Vocabulary::SupportType, service.support.as_str())
                .into_owned(),
            organization: organization_name(locale, organization),
            organization_link: format!("{prefix}/organizations/{}", organization.id),
            contact: organization.public_contact.clone(),
            website: organization.website.clone(),
            eligibility: DirectoryText::pick(
                locale,
                &service.translations,
                |t| t.eligibility.as_ref(),
                &service.eligibility,
            ),
            response: words.response_time(service.response_hours),
            formats: words.formats(&service.formats),
            requires_travel: service.formats.contains(&Format::RequiresTravel),
            family_eligible: service.family_eligible,
            open: service.open,
            coverage: coverage(words, service),
            groups: if service.groups.is_empty() {
                words.text("service-every-defender").into_owned()
            } else {
                words.labels(Vocabulary::DefenderGroup, &service.groups)
            },
            languages: words.languages(&service.languages),
            ask_link: format!(
                "{prefix}/request?send_to={}&needs={}",
                organization.id,
                service.support.as_str()
            ),
        }
    }
}

pub struct OrganizationView {
    pub name: DirectoryText,
    pub kind: String,
    pub description: DirectoryText,
    pub contact: String,
    pub website: Option<String>,
    pub countries: String,
    pub regions: String,
    pub languages: String,
    pub services: Vec<ServiceLine>,
}

pub struct ServiceLine {
    pub link: String,
    pub name: DirectoryText,
    /// "Legal support, usually answers within 3 days".
    pub summary: String,
    pub open: bool,
}

impl OrganizationView {
    pub fn new(
        words: &Words<'_>,
        prefix: &str,
        directory: &Directory,
        organization: &Organization,
    ) -> OrganizationView {
        let locale = words.locale;
        OrganizationView {
            name: organization_name(locale, organization),
            kind: words
                .label(Vocabulary::ActorKind, organization.kind.as_str())
                .into_owned(),
            description: DirectoryText::pick(
                locale,
                &organization.translations,
                |t| t.description.as_ref(),
                &organization.description,
            ),
            contact: organization.public_contact.clone(),
            website: organization.website.clone(),
            countries: words.labels(Vocabulary::Country, &organization.countries),
            regions: words.list(
                organization
                    .regions
                    .iter()
                    .map(|r| words.region_with_country(r.as_str())),
            ),
            languages: words.languages(&organization.languages),
            services: directory
                .services_of(organization.id)
                .map(|s| ServiceLine {
                    link: format!("{prefix}/services/{}", s.id),
                    name: service_name(locale, s),
                    summary: words
                        .text_with(
                            "org-service-line",
                            &args([
                                (
                                    "support",
                                    words
                                        .label(Vocabulary::SupportType, s.support.as_str())
                                        .into(),
                                ),
                                ("time", words.response_time(s.response_hours).into()),
                            ]),
                        )
                        .into_owned(),
                    open: s.open,
                })
                .collect(),
        }
    }
}

/// "Digital security assistance in Kyrgyzstan" — what the search was for.
pub fn summary(words: &Words<'_>, filters: &Filters) -> String {
    let support = match &filters.support {
        Some(s) => words
            .label(Vocabulary::SupportType, s.as_str())
            .into_owned(),
        None => words.text("find-summary-any-support").into_owned(),
    };
    let place = match (&filters.region, &filters.country) {
        (Some(region), _) => Some(words.region_with_country(region.as_str())),
        (None, Some(country)) => Some(words.country(country.as_str()).into_owned()),
        (None, None) => None,
    };
    match place {
        Some(place) => words
            .text_with(
                "find-summary-in-place",
                &args([("support", support.into()), ("place", place.into())]),
            )
            .into_owned(),
        None => support,
    }
}

fn coverage(words: &Words<'_>, service: &Service) -> Vec<String> {
    let c = &service.coverage;
    let country_line = |id: &str, code: &Code| {
        words
            .text_with(
                id,
                &args([("country", words.country(code.as_str()).into())]),
            )
            .into_owned()
    };
    let mut lines = Vec::new();
    if c.worldwide {
        lines.push(words.text("service-coverage-worldwide").into_owned());
    }
    let narrowed: Vec<&str> = c
        .regions
        .iter()
        .filter_map(|r| r.as_str().get(..2))
        .collect();
    for country in &c.countries {
        if !narrowed.contains(&country.as_str()) {
            lines.push(country_line("service-coverage-country", country));
        }
    }
    for region in &c.regions {
        lines.push(words.region_with_country(region.as_str()));
    }
    for country in &c.exile_from {
        lines.push(country_line("service-coverage-exile", country));
    }
    if c.remote_areas {
        lines.push(words.text("service-coverage-remote").into_owned());
    }
    lines
}
