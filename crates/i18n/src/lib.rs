//! Torchlight's languages. Every text a person reads goes through here: messages of
//! the pages (Project Fluent files under `locales/<lang>/`) and the labels of the
//! vocabularies (English from `data/taxonomy/*.csv`, other languages from
//! `locales/<lang>/taxonomy.ftl` and `countries.ftl`).
//!
//! The files and the manifest `locales/locales.toml` are compiled in: a server never
//! reads them at run time, and a syntax error in a translation fails the start with
//! the file and line rather than a page.

mod locale;
mod localizer;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

pub use fluent_bundle::{FluentArgs, FluentValue};
pub use locale::{negotiate, Locale};
pub use localizer::{vocabulary_key, I18nError, Localizer, MISSING_CLOSE, MISSING_OPEN};

/// One embedded message file.
#[derive(Debug, Clone, Copy)]
pub struct Source {
    /// The locale's code, e.g. `ru`.
    pub locale: &'static str,
    /// The file's name without `.ftl`, e.g. `public`.
    pub file: &'static str,
    pub text: &'static str,
}

impl Source {
    /// `ru/public.ftl`, as errors name it.
    pub fn path(&self) -> String {
        format!("{}/{}.ftl", self.locale, self.file)
    }
}

/// Every message file of every locale of the manifest.
pub fn sources() -> impl Iterator<Item = Source> {
    embedded::SOURCES
        .iter()
        .map(|&(locale, file, text)| Source { locale, file, text })
}

/// The manifest's `[files]`: each file name with the locales that must have it complete.
pub fn required_files() -> &'static [(&'static str, &'static [&'static str])] {
    embedded::FILES
}

/// The embedded file of a locale, if it exists.
pub fn source(locale: &str, file: &str) -> Option<Source> {
    sources().find(|s| s.locale == locale && s.file == file)
}

/// Builds Fluent arguments from name/value pairs: `args([("count", 3.into())])`.
pub fn args<'a, const N: usize>(pairs: [(&'a str, FluentValue<'a>); N]) -> FluentArgs<'a> {
    let mut args = FluentArgs::with_capacity(N);
    for (name, value) in pairs {
        args.set(name, value);
    }
    args
}
