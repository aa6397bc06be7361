//! The search form shown on the home page and on `/find`.
//!
//! Its option lists hold every country of ISO 3166-1 and every region, group and
//! language: hundreds of options that only change when the taxonomy does. They are
//! rendered (and escaped) once at start; a request only marks its choices selected.
//! Rendering them per request cost more than the search itself.

use askama::Template;
use torchlight_core::taxonomy::RegionKind;
use torchlight_core::{Filters, Format, Taxonomy, Vocabulary};

use crate::explain;

/// The eight countries of the study come first in the country list.
pub const FOCUS_COUNTRIES: [&str; 8] = ["AM", "AZ", "BY", "GE", "KZ", "KG", "TJ", "UA"];

#[derive(Template)]
#[template(
    source = r#"<option value="{{ value }}"{% if selected %} selected{% endif %}>{{ label }}</option>"#,
    ext = "html"
)]
struct OptionTag<'a> {
    value: &'a str,
    label: &'a str,
    selected: bool,
}

#[derive(Template)]
#[template(source = r#"<optgroup label="{{ label }}">"#, ext = "html")]
struct OptGroupTag<'a> {
    label: &'a str,
}

enum Segment {
    Markup(String),
    Option {
        value: String,
        plain: String,
        selected: String,
    },
}

/// One `<select>`'s options, pre-rendered in both states.
#[derive(Default)]
struct Options {
    segments: Vec<Segment>,
}

impl Options {
    fn push(&mut self, value: &str, label: &str) -> Result<(), askama::Error> {
        let tag = |selected| {
            OptionTag {
                value,
                label,
                selected,
            }
            .render()
        };
        self.segments.push(Segment::Option {
            value: value.to_owned(),
            plain: tag(false)?,
            selected: tag(true)?,
        });
        Ok(())
    }

    fn open_group(&mut self, label: &str) -> Result<(), askama::Error> {
        self.segments
            .push(Segment::Markup(OptGroupTag { label }.render()?));
        Ok(())
    }

    fn close_group(&mut self) {
        self.segments
            .push(Segment::Markup("</optgroup>".to_owned()));
    }

    fn render(&self, selected: Option<&str>) -> String {
        let mut html = String::with_capacity(self.len_hint());
        for segment in &self.segments {
            match segment {
                Segment::Markup(markup) => html.push_str(markup),
                Segment::Option {
                    value,
                    plain,
                    selected: marked,
                } => {
                    if selected == Some(value.as_str()) {
                        html.push_str(marked);
                    } else {
                        html.push_str(plain);
                    }
                }
            }
            html.push('\n');
        }
        html
    }

    fn len_hint(&self) -> usize {
        self.segments
            .iter()
            .map(|s| match s {
                Segment::Markup(m) => m.len() + 1,
                Segment::Option { selected, .. } => selected.len() + 1,
            })
            .sum()
    }
}

/// Every option list of the form, rendered once per taxonomy.
pub struct FormOptions {
    countries: Options,
    regions: Options,
    supports: Options,
    groups: Options,
    languages: Options,
    formats: Options,
}

impl FormOptions {
    pub fn new(taxonomy: &Taxonomy) -> Result<FormOptions, askama::Error> {
        let mut countries = Options::default();
        countries.open_group("Countries of the coalition")?;
        for country in taxonomy
            .countries()
            .iter()
            .filter(|c| FOCUS_COUNTRIES.contains(&c.code.as_str()))
        {
            countries.push(country.code.as_str(), &country.name)?;
        }
        countries.close_group();
        countries.open_group("Other countries")?;
        for country in taxonomy
            .countries()
            .iter()
            .filter(|c| !FOCUS_COUNTRIES.contains(&c.code.as_str()))
        {
            countries.push(country.code.as_str(), &country.name)?;
        }
        countries.close_group();

        let mut regions = Options::default();
        for country_code in FOCUS_COUNTRIES {
            regions.open_group(taxonomy.label(Vocabulary::Country, country_code))?;
            let mut listed: Vec<(String, &str)> = taxonomy
                .regions()
                .iter()
                .filter(|r| r.country.as_str() == country_code)
                .map(|r| {
                    let label = match r.kind {
                        RegionKind::Occupied => format!("{} (occupied)", r.name),
                        _ => r.name.clone(),
                    };
                    (label, r.code.as_str())
                })
                .collect();
            listed.sort();
            for (label, code) in listed {
                regions.push(code, &label)?;
            }
            regions.close_group();
        }

        let sorted_terms = |vocabulary: Vocabulary| -> Result<Options, askama::Error> {
            let mut terms: Vec<_> = taxonomy.terms(vocabulary).iter().collect();
            terms.sort_by(|a, b| a.label.cmp(&b.label));
            let mut options = Options::default();
            for term in terms {
                options.push(term.code.as_str(), &term.label)?;
            }
            Ok(options)
        };
        let mut languages = Options::default();
        for term in taxonomy.terms(Vocabulary::Language) {
            languages.push(term.code.as_str(), &term.label)?;
        }
        let mut formats = Options::default();
        for format in Format::ALL {
            formats.push(format.as_str(), explain::format_label(format))?;
        }
        Ok(FormOptions {
            countries,
            regions,
            supports: sorted_terms(Vocabulary::SupportType)?,
            groups: sorted_terms(Vocabulary::DefenderGroup)?,
            languages,
            formats,
        })
    }
}

/// The form for one request: option lists as escaped HTML with the current choices
/// selected.
pub struct SearchForm {
    pub countries: String,
    pub regions: String,
    pub supports: String,
    pub groups: String,
    pub languages: String,
    pub formats: String,
    pub family: bool,
}

impl SearchForm {
    pub fn new(options: &FormOptions, filters: &Filters) -> SearchForm {
        let code = |c: &Option<torchlight_core::Code>| c.as_ref().map(|c| c.as_str().to_owned());
        let (country, region, support, group, language) = (
            code(&filters.country),
            code(&filters.region),
            code(&filters.support),
            code(&filters.group),
            code(&filters.language),
        );
        SearchForm {
            countries: options.countries.render(country.as_deref()),
            regions: options.regions.render(region.as_deref()),
            supports: options.supports.render(support.as_deref()),
            groups: options.groups.render(group.as_deref()),
            languages: options.languages.render(language.as_deref()),
            formats: options.formats.render(filters.format.map(|f| f.as_str())),
            family: filters.family,
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn choices_are_selected_and_labels_escaped() {
        let taxonomy = Taxonomy::built_in().unwrap();
        let options = FormOptions::new(&taxonomy).unwrap();
        let filters = Filters::parse(
            &taxonomy,
            &torchlight_core::RawFilters {
                country: Some("KG".into()),
                support: Some("legal".into()),
                ..Default::default()
            },
        )
        .unwrap();
        let form = SearchForm::new(&options, &filters);
        assert!(form
            .countries
            .contains(r#"<option value="KG" selected>Kyrgyzstan</option>"#));
        assert_eq!(form.countries.matches(" selected").count(), 1);
        assert!(form.supports.contains(r#"<option value="legal" selected>"#));
        assert!(!form.regions.contains(" selected"));
        // Apostrophes in labels ("Women's rights") come out escaped.
        assert!(!form.groups.contains("Women's"));
        assert!(form.countries.matches("<option").count() >= 249);
    }
}
