//! The loaded messages of every locale, and the lookups pages use.

use std::borrow::Cow;
use std::collections::HashSet;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use torchlight_core::{Taxonomy, Vocabulary};
use unic_langid::LanguageIdentifier;

use crate::{sources, Locale};

/// What a page shows for a message that does not exist: visible, so a gap is seen
/// and reported instead of hidden behind English.
pub const MISSING_OPEN: char = '⟦';
pub const MISSING_CLOSE: char = '⟧';

/// Why the messages could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum I18nError {
    #[error("locales/{file}, line {line}: {message}")]
    Syntax {
        file: String,
        line: usize,
        message: String,
    },
    #[error("locales/{file}: message '{id}' is already defined in another file of the locale")]
    Duplicate { file: String, id: String },
    #[error("locales/{locale}: not a language identifier")]
    BadLocale { locale: String },
    #[error("the built-in taxonomy: {0}")]
    Taxonomy(#[from] torchlight_core::TaxonomyError),
}

/// Every locale's messages. Built once at start; shared by every request.
pub struct Localizer {
    bundles: Vec<FluentBundle<FluentResource>>,
    /// `<vocabulary>-<code>` of every built-in vocabulary entry: a missing
    /// translation of one of these is a gap worth a warning, while a code a
    /// coalition added in its own file simply has no translation yet.
    built_in: HashSet<String>,
}

impl std::fmt::Debug for Localizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Localizer")
            .field("locales", &self.bundles.len())
            .finish_non_exhaustive()
    }
}

impl Localizer {
    /// Parses every embedded message file. A syntax error names the file and line.
    pub fn load() -> Result<Localizer, I18nError> {
        let mut bundles = Vec::new();
        for locale in Locale::all() {
            let id: LanguageIdentifier =
                locale.code().parse().map_err(|_| I18nError::BadLocale {
                    locale: locale.code().to_owned(),
                })?;
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // Unicode isolation marks would end up inside HTML attributes and copied
            // text; the pages set `lang`/`dir` themselves.
            bundle.set_use_isolating(false);
            // The builtins only fail when a function is defined twice.
            let _ = bundle.add_builtins();
            for source in sources().filter(|s| s.locale == locale.code()) {
                let resource = parse(source.text, &source.path())?;
                if let Err(errors) = bundle.add_resource(resource) {
                    let id = errors
                        .iter()
                        .find_map(|e| match e {
                            fluent_bundle::FluentError::Overriding { id, .. } => Some(id.clone()),
                            _ => None,
                        })
                        .unwrap_or_default();
                    return Err(I18nError::Duplicate {
                        file: source.path(),
                        id,
                    });
                }
            }
            bundles.push(bundle);
        }
        let taxonomy = Taxonomy::built_in()?;
        let built_in = built_in_keys(&taxonomy).collect();
        Ok(Localizer { bundles, built_in })
    }

    /// A message without arguments.
    pub fn text(&self, locale: Locale, id: &str) -> Cow<'_, str> {
        self.format(locale, id, None, None)
    }

    /// A message with arguments (`{ $count }` and the like).
    pub fn text_with(&self, locale: Locale, id: &str, args: &FluentArgs<'_>) -> Cow<'_, str> {
        self.format(locale, id, None, Some(args))
    }

    /// An attribute of a message (`id.attribute`).
    pub fn attribute(
        &self,
        locale: Locale,
        id: &str,
        attribute: &str,
        args: Option<&FluentArgs<'_>>,
    ) -> Cow<'_, str> {
        self.format(locale, id, Some(attribute), args)
    }

    /// True when the locale defines the message.
    pub fn has(&self, locale: Locale, id: &str) -> bool {
        self.bundle(locale).is_some_and(|b| b.has_message(id))
    }

    /// The label of a vocabulary entry in a locale. English labels are the taxonomy's
    /// (the CSV files). In another locale the translation from `taxonomy.ftl` or
    /// `countries.ftl`; a code a coalition added in its own CSV that nobody has
    /// translated keeps the label its file gives. Unknown codes show as themselves.
    pub fn label<'a>(
        &'a self,
        locale: Locale,
        taxonomy: &'a Taxonomy,
        vocabulary: Vocabulary,
        code: &'a str,
    ) -> Cow<'a, str> {
        let english = || Cow::Borrowed(taxonomy.label(vocabulary, code));
        if locale == Locale::ENGLISH {
            return english();
        }
        let key = vocabulary_key(vocabulary, code);
        match self.lookup(locale, &key, None, None) {
            Some(text) => text,
            None => {
                self.warn_if_built_in(locale, &key);
                english()
            }
        }
    }

    /// The description of a vocabulary entry (the `.description` attribute in
    /// `taxonomy.ftl`), empty when the entry has none. Falls back like `label`.
    pub fn description<'a>(
        &'a self,
        locale: Locale,
        taxonomy: &'a Taxonomy,
        vocabulary: Vocabulary,
        code: &'a str,
    ) -> Cow<'a, str> {
        let english = || {
            Cow::Borrowed(
                taxonomy
                    .term(vocabulary, code)
                    .map(|t| t.description.as_str())
                    .unwrap_or_default(),
            )
        };
        if locale == Locale::ENGLISH {
            return english();
        }
        let key = vocabulary_key(vocabulary, code);
        match self.lookup(locale, &key, Some("description"), None) {
            Some(text) => text,
            None => {
                if !english().is_empty() {
                    self.warn_if_built_in(locale, &format!("{key}.description"));
                }
                english()
            }
        }
    }

    fn warn_if_built_in(&self, locale: Locale, key: &str) {
        let base = key.split('.').next().unwrap_or(key);
        if self.built_in.contains(base) {
            tracing::warn!(%locale, key, "vocabulary entry not translated; showing English");
        }
    }

    fn bundle(&self, locale: Locale) -> Option<&FluentBundle<FluentResource>> {
        self.bundles.get(locale.index())
    }

    fn format(
        &self,
        locale: Locale,
        id: &str,
        attribute: Option<&str>,
        args: Option<&FluentArgs<'_>>,
    ) -> Cow<'_, str> {
        match self.lookup(locale, id, attribute, args) {
            Some(text) => text,
            None => {
                let name = match attribute {
                    Some(a) => format!("{id}.{a}"),
                    None => id.to_owned(),
                };
                tracing::warn!(%locale, message = name, "missing message");
                Cow::Owned(format!("{MISSING_OPEN}{name}{MISSING_CLOSE}"))
            }
        }
    }

    fn lookup(
        &self,
        locale: Locale,
        id: &str,
        attribute: Option<&str>,
        args: Option<&FluentArgs<'_>>,
    ) -> Option<Cow<'_, str>> {
        let bundle = self.bundle(locale)?;
        let message = bundle.get_message(id)?;
        let pattern = match attribute {
            Some(name) => message.get_attribute(name)?.value(),
            None => message.value()?,
        };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            // A missing argument or the like: the text is still mostly right, so it is
            // shown, and the gap is logged for whoever maintains the page.
            tracing::warn!(%locale, message = id, ?errors, "message formatted with errors");
        }
        Some(text)
    }
}

/// The message id of a vocabulary entry: `country-KG`, `region-KG-GB`,
/// `support_type-legal`.
pub fn vocabulary_key(vocabulary: Vocabulary, code: &str) -> String {
    format!("{}-{code}", vocabulary.name())
}

/// Every built-in vocabulary entry's message id.
fn built_in_keys(taxonomy: &Taxonomy) -> impl Iterator<Item = String> + '_ {
    let countries = taxonomy
        .countries()
        .iter()
        .map(|c| vocabulary_key(Vocabulary::Country, c.code.as_str()));
    let regions = taxonomy
        .regions()
        .iter()
        .map(|r| vocabulary_key(Vocabulary::Region, r.code.as_str()));
    let terms = Vocabulary::ALL.into_iter().flat_map(move |v| {
        taxonomy
            .terms(v)
            .iter()
            .map(move |t| vocabulary_key(v, t.code.as_str()))
    });
    countries.chain(regions).chain(terms)
}

fn parse(text: &str, path: &str) -> Result<FluentResource, I18nError> {
    FluentResource::try_new(text.to_owned()).map_err(|(_, errors)| {
        let first = errors.first();
        let offset = first.map(|e| e.pos.start).unwrap_or_default();
        I18nError::Syntax {
            file: path.to_owned(),
            line: line_of(text, offset),
            message: first.map(|e| e.to_string()).unwrap_or_default(),
        }
    })
}

/// The 1-based line holding a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()
        .get(..end)
        .map(|b| b.iter().filter(|&&c| c == b'\n').count())
        .unwrap_or_default()
        + 1
}

#[cfg(test)]
mod tests;
