//! The search form shown on the home page and on `/find`: option lists with the
//! current choice selected.

use torchlight_core::taxonomy::RegionKind;
use torchlight_core::{Filters, Format, Taxonomy, Vocabulary};

use crate::explain;

/// The eight countries of the study come first in the country list.
pub const FOCUS_COUNTRIES: [&str; 8] = ["AM", "AZ", "BY", "GE", "KZ", "KG", "TJ", "UA"];

pub struct Opt {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

pub struct OptGroup {
    pub label: String,
    pub options: Vec<Opt>,
}

/// Everything the search form template needs.
pub struct SearchForm {
    pub countries_focus: Vec<Opt>,
    pub countries_other: Vec<Opt>,
    pub regions: Vec<OptGroup>,
    pub supports: Vec<Opt>,
    pub groups: Vec<Opt>,
    pub languages: Vec<Opt>,
    pub formats: Vec<Opt>,
    pub family: bool,
}

impl SearchForm {
    pub fn new(taxonomy: &Taxonomy, filters: &Filters) -> SearchForm {
        let is = |selected: Option<&str>, value: &str| selected == Some(value);
        let country = filters.country.as_ref().map(|c| c.as_str());
        let opt = |value: &str, label: &str, selected: bool| Opt {
            value: value.to_owned(),
            label: label.to_owned(),
            selected,
        };
        let (focus, other): (Vec<_>, Vec<_>) = taxonomy
            .countries()
            .iter()
            .partition(|c| FOCUS_COUNTRIES.contains(&c.code.as_str()));
        let regions = FOCUS_COUNTRIES
            .iter()
            .map(|country_code| {
                let mut options: Vec<Opt> = taxonomy
                    .regions()
                    .iter()
                    .filter(|r| r.country.as_str() == *country_code)
                    .map(|r| {
                        let label = match r.kind {
                            RegionKind::Occupied => format!("{} (occupied)", r.name),
                            _ => r.name.clone(),
                        };
                        opt(
                            r.code.as_str(),
                            &label,
                            is(filters.region.as_ref().map(|c| c.as_str()), r.code.as_str()),
                        )
                    })
                    .collect();
                options.sort_by(|a, b| a.label.cmp(&b.label));
                OptGroup {
                    label: taxonomy.label(Vocabulary::Country, country_code).to_owned(),
                    options,
                }
            })
            .collect();
        let terms = |vocabulary: Vocabulary, selected: Option<&str>| {
            taxonomy
                .terms(vocabulary)
                .iter()
                .map(|t| opt(t.code.as_str(), &t.label, is(selected, t.code.as_str())))
                .collect::<Vec<_>>()
        };
        let mut supports = terms(
            Vocabulary::SupportType,
            filters.support.as_ref().map(|c| c.as_str()),
        );
        supports.sort_by(|a, b| a.label.cmp(&b.label));
        let mut groups = terms(
            Vocabulary::DefenderGroup,
            filters.group.as_ref().map(|c| c.as_str()),
        );
        groups.sort_by(|a, b| a.label.cmp(&b.label));
        let language = filters.language.as_ref().map(|c| c.as_str());
        let languages = taxonomy
            .terms(Vocabulary::Language)
            .iter()
            .map(|t| opt(t.code.as_str(), &t.label, is(language, t.code.as_str())))
            .collect();
        SearchForm {
            countries_focus: focus
                .iter()
                .map(|c| opt(c.code.as_str(), &c.name, is(country, c.code.as_str())))
                .collect(),
            countries_other: other
                .iter()
                .map(|c| opt(c.code.as_str(), &c.name, is(country, c.code.as_str())))
                .collect(),
            regions,
            supports,
            groups,
            languages,
            formats: Format::ALL
                .iter()
                .map(|f| {
                    opt(
                        f.as_str(),
                        explain::format_label(*f),
                        filters.format == Some(*f),
                    )
                })
                .collect(),
            family: filters.family,
        }
    }
}
