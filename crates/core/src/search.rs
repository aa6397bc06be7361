//! Matching a defender's filters against the directory, with the reasons each
//! result matches and what to try when nothing does.

use serde::Deserialize;

use crate::code::Code;
use crate::directory::{Directory, Format, Organization, Service};
use crate::taxonomy::{Taxonomy, Vocabulary};

/// The filters as they arrive in a query string, before any checking.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RawFilters {
    pub country: Option<String>,
    pub support: Option<String>,
    pub group: Option<String>,
    pub language: Option<String>,
    pub format: Option<String>,
    pub family: Option<String>,
    pub region: Option<String>,
}

/// Checked filters: every code exists in the taxonomy.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub country: Option<Code>,
    pub support: Option<Code>,
    pub group: Option<Code>,
    pub language: Option<Code>,
    pub format: Option<Format>,
    /// Only services that family members can use as well.
    pub family: bool,
    pub region: Option<Code>,
}

/// A filter value that cannot be used, naming the query parameter.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{parameter}: {message}")]
pub struct FilterError {
    pub parameter: &'static str,
    pub message: String,
}

impl Filters {
    /// Parses raw query values. Empty values mean "any", so a form submitted with
    /// unselected fields is still a valid search.
    pub fn parse(taxonomy: &Taxonomy, raw: &RawFilters) -> Result<Filters, FilterError> {
        fn present(value: &Option<String>) -> Option<&str> {
            value.as_deref().map(str::trim).filter(|v| !v.is_empty())
        }
        let code = |parameter: &'static str, vocabulary: Vocabulary, value: &Option<String>| {
            present(value)
                .map(|v| {
                    Code::parse(vocabulary, v)
                        .and_then(|c| {
                            taxonomy
                                .resolve(vocabulary, c.as_str())
                                .map_err(|e| e.to_string())
                        })
                        .map_err(|message| FilterError { parameter, message })
                })
                .transpose()
        };
        let country = code("country", Vocabulary::Country, &raw.country)?;
        let region = code("region", Vocabulary::Region, &raw.region)?;
        if let (Some(region), Some(country)) = (&region, &country) {
            if taxonomy
                .region(region.as_str())
                .is_some_and(|r| &r.country != country)
            {
                return Err(FilterError {
                    parameter: "region",
                    message: format!("region '{region}' is not in country '{country}'"),
                });
            }
        }
        let format = present(&raw.format)
            .map(|v| {
                Format::parse(v).ok_or_else(|| FilterError {
                    parameter: "format",
                    message: format!(
                        "unknown format '{v}' (expected online, in_person or requires_travel)"
                    ),
                })
            })
            .transpose()?;
        let family = match present(&raw.family) {
            None | Some("false") | Some("no") | Some("0") => false,
            Some("true") | Some("yes") | Some("1") | Some("on") => true,
            Some(other) => {
                return Err(FilterError {
                    parameter: "family",
                    message: format!("'{other}' is not yes or no"),
                })
            }
        };
        Ok(Filters {
            country,
            support: code("support", Vocabulary::SupportType, &raw.support)?,
            group: code("group", Vocabulary::DefenderGroup, &raw.group)?,
            language: code("language", Vocabulary::Language, &raw.language)?,
            format,
            family,
            region,
        })
    }

    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }

    /// The filters as query pairs, in a fixed order, for links.
    pub fn to_query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        let mut push = |k: &'static str, v: Option<String>| {
            if let Some(v) = v {
                pairs.push((k, v));
            }
        };
        push("country", self.country.as_ref().map(Code::to_string));
        push("region", self.region.as_ref().map(Code::to_string));
        push("support", self.support.as_ref().map(Code::to_string));
        push("group", self.group.as_ref().map(Code::to_string));
        push("language", self.language.as_ref().map(Code::to_string));
        push("format", self.format.map(|f| f.as_str().to_owned()));
        push("family", self.family.then(|| "yes".to_owned()));
        pairs
    }
}

/// Why a service matches one filter. Rendered into a one-line explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// The service covers the whole country.
    CoversCountry(Code),
    /// The service covers the named region of the country.
    CoversRegion(Code),
    /// The service covers any country (an international provider).
    Worldwide,
    /// The service is for defenders from the country living in exile.
    ExileFrom(Code),
    /// The service reaches remote and rural areas.
    RemoteAreas,
    Support(Code),
    ServesGroup(Code),
    ServesEveryone,
    Language(Code),
    Format(Format),
    FamilyEligible,
}

/// A service that matches, with its organisation and the reasons.
#[derive(Debug, Clone)]
pub struct Hit<'a> {
    pub service: &'a Service,
    pub organization: &'a Organization,
    pub reasons: Vec<Reason>,
}

/// Services that match every filter, open ones first, then the most local, then the
/// fastest to respond.
pub fn search<'a>(
    directory: &'a Directory,
    taxonomy: &Taxonomy,
    filters: &Filters,
) -> Vec<Hit<'a>> {
    let mut hits: Vec<(u8, Hit<'a>)> = directory
        .services
        .iter()
        .filter_map(|service| {
            let reasons = reasons(service, taxonomy, filters)?;
            let organization = directory.organization(service.organization_id)?;
            let locality = match reasons.first() {
                Some(Reason::CoversRegion(_)) => 0,
                Some(Reason::CoversCountry(_)) => 1,
                Some(Reason::ExileFrom(_)) => 2,
                _ => 3,
            };
            Some((
                locality,
                Hit {
                    service,
                    organization,
                    reasons,
                },
            ))
        })
        .collect();
    hits.sort_by(|(la, a), (lb, b)| {
        b.service
            .open
            .cmp(&a.service.open)
            .then(la.cmp(lb))
            .then(a.service.response_hours.cmp(&b.service.response_hours))
            .then_with(|| a.service.name.cmp(&b.service.name))
    });
    hits.into_iter().map(|(_, hit)| hit).collect()
}

/// Counts matches without building them, for suggestions.
pub fn count(directory: &Directory, taxonomy: &Taxonomy, filters: &Filters) -> usize {
    directory
        .services
        .iter()
        // A service whose organisation is missing is not shown by `search`, so it is
        // not counted either; the check comes second to stay off the common path.
        .filter(|s| {
            reasons(s, taxonomy, filters).is_some()
                && directory.organization(s.organization_id).is_some()
        })
        .count()
}

/// The reasons a service matches the filters, or `None` when it does not.
pub fn reasons(service: &Service, taxonomy: &Taxonomy, filters: &Filters) -> Option<Vec<Reason>> {
    let mut reasons = Vec::new();
    let coverage = &service.coverage;
    if let Some(region) = &filters.region {
        let country = taxonomy.region(region.as_str()).map(|r| &r.country)?;
        if coverage.regions.contains(region) {
            reasons.push(Reason::CoversRegion(region.clone()));
        } else if covers_whole_country(service, country) {
            reasons.push(Reason::CoversCountry(country.clone()));
        } else if coverage.worldwide {
            reasons.push(Reason::Worldwide);
        } else if coverage.exile_from.contains(country) {
            reasons.push(Reason::ExileFrom(country.clone()));
        } else {
            return None;
        }
    } else if let Some(country) = &filters.country {
        if covers_whole_country(service, country) {
            reasons.push(Reason::CoversCountry(country.clone()));
        } else if let Some(region) = coverage.regions.iter().find(|r| {
            taxonomy
                .region(r.as_str())
                .is_some_and(|r| &r.country == country)
        }) {
            reasons.push(Reason::CoversRegion(region.clone()));
        } else if coverage.worldwide {
            reasons.push(Reason::Worldwide);
        } else if coverage.exile_from.contains(country) {
            reasons.push(Reason::ExileFrom(country.clone()));
        } else {
            return None;
        }
    }
    if (filters.country.is_some() || filters.region.is_some()) && coverage.remote_areas {
        reasons.push(Reason::RemoteAreas);
    }
    if let Some(support) = &filters.support {
        if &service.support != support {
            return None;
        }
        reasons.push(Reason::Support(support.clone()));
    }
    if let Some(group) = &filters.group {
        if service.groups.is_empty() {
            reasons.push(Reason::ServesEveryone);
        } else if service.groups.contains(group) {
            reasons.push(Reason::ServesGroup(group.clone()));
        } else {
            return None;
        }
    }
    if let Some(language) = &filters.language {
        if !service.languages.contains(language) {
            return None;
        }
        reasons.push(Reason::Language(language.clone()));
    }
    if let Some(format) = filters.format {
        if !service.formats.contains(&format) {
            return None;
        }
        reasons.push(Reason::Format(format));
    }
    if filters.family {
        if !service.family_eligible {
            return None;
        }
        reasons.push(Reason::FamilyEligible);
    }
    Some(reasons)
}

/// A country counts as covered whole when it is listed and none of its regions is,
/// since listing regions narrows the coverage to them.
fn covers_whole_country(service: &Service, country: &Code) -> bool {
    service.coverage.countries.contains(country)
        && !service
            .coverage
            .regions
            .iter()
            .any(|r| r.as_str().get(..2) == Some(country.as_str()))
}

/// What a defender can try when a search finds nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub kind: SuggestionKind,
    pub filters: Filters,
    pub matches: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuggestionKind {
    /// The same search in the whole country instead of one region.
    WholeCountry,
    /// The same support from providers working in any language.
    AnyLanguage,
    /// The same support in any format.
    AnyFormat,
    /// The same support for every group of defenders.
    AnyGroup,
    /// Without the family-members condition.
    WithoutFamily,
    /// The same support type from international providers covering the country.
    InternationalProviders,
    /// Any support in the country.
    OtherSupport,
}

impl SuggestionKind {
    /// A stable code for API clients.
    pub fn code(self) -> &'static str {
        match self {
            SuggestionKind::WholeCountry => "whole_country",
            SuggestionKind::AnyLanguage => "any_language",
            SuggestionKind::AnyFormat => "any_format",
            SuggestionKind::AnyGroup => "any_group",
            SuggestionKind::WithoutFamily => "without_family",
            SuggestionKind::InternationalProviders => "international_providers",
            SuggestionKind::OtherSupport => "other_support",
        }
    }
}

/// Relaxes the filters one at a time, most specific first, and keeps the
/// relaxations that find something. No dead ends: if even those fail, the last
/// suggestion is any support in the country.
pub fn suggestions(
    directory: &Directory,
    taxonomy: &Taxonomy,
    filters: &Filters,
) -> Vec<Suggestion> {
    let mut candidates: Vec<(SuggestionKind, Filters)> = Vec::new();
    let relax = |f: fn(&mut Filters)| {
        let mut relaxed = filters.clone();
        f(&mut relaxed);
        relaxed
    };
    if filters.region.is_some() {
        candidates.push((
            SuggestionKind::WholeCountry,
            relax(|f| {
                f.region = None;
            }),
        ));
    }
    if filters.region.is_some() && filters.country.is_none() {
        if let Some(last) = candidates.last_mut() {
            last.1.country = filters
                .region
                .as_ref()
                .and_then(|r| taxonomy.region(r.as_str()))
                .map(|r| r.country.clone());
        }
    }
    if filters.language.is_some() {
        candidates.push((SuggestionKind::AnyLanguage, relax(|f| f.language = None)));
    }
    if filters.format.is_some() {
        candidates.push((SuggestionKind::AnyFormat, relax(|f| f.format = None)));
    }
    if filters.group.is_some() {
        candidates.push((SuggestionKind::AnyGroup, relax(|f| f.group = None)));
    }
    if filters.family {
        candidates.push((SuggestionKind::WithoutFamily, relax(|f| f.family = false)));
    }
    if filters.support.is_some() && (filters.country.is_some() || filters.region.is_some()) {
        // Only the essentials: where the defender is and what they need.
        let mut essentials = Filters {
            country: filters.country.clone(),
            support: filters.support.clone(),
            ..Filters::default()
        };
        if essentials.country.is_none() {
            essentials.country = filters
                .region
                .as_ref()
                .and_then(|r| taxonomy.region(r.as_str()))
                .map(|r| r.country.clone());
        }
        candidates.push((SuggestionKind::InternationalProviders, essentials));
    }
    // Offered even without a support filter: when language and format both narrow
    // the search, no single relaxation may find anything, and the defender would be
    // left with nothing to try.
    candidates.push((
        SuggestionKind::OtherSupport,
        Filters {
            country: filters.country.clone().or_else(|| {
                filters
                    .region
                    .as_ref()
                    .and_then(|r| taxonomy.region(r.as_str()))
                    .map(|r| r.country.clone())
            }),
            ..Filters::default()
        },
    ));
    // Suggesting the search itself again would be a dead end dressed as a way out.
    let mut seen = vec![filters.clone()];
    candidates
        .into_iter()
        .filter_map(|(kind, relaxed)| {
            if seen.contains(&relaxed) {
                return None;
            }
            seen.push(relaxed.clone());
            let matches = count(directory, taxonomy, &relaxed);
            (matches > 0).then_some(Suggestion {
                kind,
                filters: relaxed,
                matches,
            })
        })
        .collect()
}

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;
