//! The search form shown on the home page and on `/find`.
//!
//! Its option lists hold every country of ISO 3166-1 and every region, group and
//! language: hundreds of options that only change when the taxonomy does. They are
//! rendered (and escaped) once at start for each language; a request only marks its
//! choices selected.
//! Rendering them per request cost more than the search itself.

use askama::Template;
use torchlight_core::taxonomy::RegionKind;
use torchlight_core::{Filters, Format, Vocabulary};
use torchlight_i18n::args;

use crate::explain::Words;

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

/// Every option list of the form, rendered once per taxonomy and language.
pub struct FormOptions {
    countries: Options,
    regions: Options,
    supports: Options,
    groups: Options,
    languages: Options,
    formats: Options,
}

impl FormOptions {
    pub fn new(words: &Words<'_>) -> Result<FormOptions, askama::Error> {
        let taxonomy = words.taxonomy;
        let by_label = |mut entries: Vec<(String, String)>| {
            crate::collation::sort_by_label(words.locale, &mut entries, |(label, _)| label);
            entries
        };

        let mut countries = Options::default();
        countries.open_group(&words.text("find-countries-focus"))?;
        let focus = by_label(
            FOCUS_COUNTRIES
                .iter()
                .map(|code| (words.country(code).into_owned(), (*code).to_owned()))
                .collect(),
        );
        for (label, code) in focus {
            countries.push(&code, &label)?;
        }
        countries.close_group();
        countries.open_group(&words.text("find-countries-other"))?;
        let others = by_label(
            taxonomy
                .countries()
                .iter()
                .filter(|c| !FOCUS_COUNTRIES.contains(&c.code.as_str()))
                .map(|c| {
                    (
                        words.country(c.code.as_str()).into_owned(),
                        c.code.as_str().to_owned(),
                    )
                })
                .collect(),
        );
        for (label, code) in others {
            countries.push(&code, &label)?;
        }
        countries.close_group();

        let mut regions = Options::default();
        for country_code in FOCUS_COUNTRIES {
            regions.open_group(&words.country(country_code))?;
            let listed = by_label(
                taxonomy
                    .regions()
                    .iter()
                    .filter(|r| r.country.as_str() == country_code)
                    .map(|r| {
                        let name = words.label(Vocabulary::Region, r.code.as_str());
                        let label = match r.kind {
                            RegionKind::Occupied => words
                                .text_with("find-region-occupied", &args([("region", name.into())]))
                                .into_owned(),
                            _ => name.into_owned(),
                        };
                        (label, r.code.as_str().to_owned())
                    })
                    .collect(),
            );
            for (label, code) in listed {
                regions.push(&code, &label)?;
            }
            regions.close_group();
        }

        let sorted_terms = |vocabulary: Vocabulary| -> Result<Options, askama::Error> {
            let terms = by_label(
                taxonomy
                    .terms(vocabulary)
                    .iter()
                    .map(|t| {
                        (
                            words.label(vocabulary, t.code.as_str()).into_owned(),
                            t.code.as_str().to_owned(),
                        )
                    })
                    .collect(),
            );
            let mut options = Options::default();
            for (label, code) in terms {
                options.push(&code, &label)?;
            }
            Ok(options)
        };
        // Languages keep the file's order: the region's languages come first there.
        let mut languages = Options::default();
        for term in taxonomy.terms(Vocabulary::Language) {
            languages.push(
                term.code.as_str(),
                &words.label(Vocabulary::Language, term.code.as_str()),
            )?;
        }
        let mut formats = Options::default();
        for format in Format::ALL {
            formats.push(format.as_str(), &words.format(format))?;
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

impl FormOptions {
    /// The country list with `selected` chosen (the request form's too).
    pub fn country_options(&self, selected: Option<&str>) -> String {
        self.countries.render(selected)
    }

    /// The region list with `selected` chosen.
    pub fn region_options(&self, selected: Option<&str>) -> String {
        self.regions.render(selected)
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
        let taxonomy = torchlight_core::Taxonomy::built_in().unwrap();
        let localizer = torchlight_i18n::Localizer::load().unwrap();
        let words = Words::new(&localizer, torchlight_i18n::Locale::ENGLISH, &taxonomy);
        let options = FormOptions::new(&words).unwrap();
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
