//! Which language a page speaks.

use std::fmt;

use crate::embedded::LOCALES;

/// One of the locales of `locales/locales.toml`; only those can be built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Locale(usize);

impl Locale {
    /// English: the directory's base language and the fallback of negotiation. The
    /// build script makes sure it is the manifest's first locale.
    pub const ENGLISH: Locale = Locale(0);

    /// Every locale, in the manifest's order (the order of the language switch).
    pub fn all() -> impl Iterator<Item = Locale> {
        (0..LOCALES.len()).map(Locale)
    }

    /// The locale with exactly this code (`ru`, not `RU` or `ru-RU`: codes appear in
    /// paths, and one address per page keeps links and caches simple).
    pub fn from_code(code: &str) -> Option<Locale> {
        LOCALES.iter().position(|(c, _)| *c == code).map(Locale)
    }

    /// The BCP 47 code, e.g. `ru`, as used in `lang` attributes and paths.
    pub fn code(self) -> &'static str {
        LOCALES.get(self.0).map(|(c, _)| *c).unwrap_or("en")
    }

    /// The language's name in itself, e.g. `Русский`.
    pub fn native_name(self) -> &'static str {
        LOCALES.get(self.0).map(|(_, n)| *n).unwrap_or("English")
    }

    pub(crate) fn index(self) -> usize {
        self.0
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The best locale for an `Accept-Language` header: the highest-weighted language
/// Torchlight speaks (`ru-RU` counts as `ru`), English when none matches.
pub fn negotiate(accept_language: &str) -> Locale {
    let mut wanted: Vec<(u16, usize, Locale)> = Vec::new();
    for (position, item) in accept_language.split(',').enumerate() {
        let mut parts = item.split(';');
        let tag = parts.next().unwrap_or_default().trim();
        let weight = parts
            .filter_map(|p| p.trim().strip_prefix("q="))
            .next()
            .map(quality)
            .unwrap_or(Some(1000));
        let Some(weight) = weight.filter(|w| *w > 0) else {
            continue;
        };
        let Ok(id) = tag.parse::<unic_langid::LanguageIdentifier>() else {
            continue;
        };
        let language = id.language.as_str().to_ascii_lowercase();
        if let Some(locale) = Locale::from_code(&language) {
            wanted.push((weight, position, locale));
        }
    }
    // Highest weight first; among equal weights, the order the browser gave.
    wanted.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    wanted
        .first()
        .map(|(_, _, locale)| *locale)
        .unwrap_or(Locale::ENGLISH)
}

/// A q-value in thousandths; `None` when it is not a valid weight.
fn quality(q: &str) -> Option<u16> {
    let value: f32 = q.trim().parse().ok()?;
    if (0.0..=1.0).contains(&value) {
        Some((value * 1000.0).round() as u16)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn code(header: &str) -> &'static str {
        negotiate(header).code()
    }

    #[test]
    fn negotiation_follows_weights_and_regions() {
        assert_eq!(code("ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7"), "ru");
        assert_eq!(code("en-US,en;q=0.9,ru;q=0.8"), "en");
        assert_eq!(code("de-DE,de;q=0.9,uk;q=0.5,ru;q=0.4"), "uk");
        assert_eq!(code("ka;q=0.2, hy;q=0.8"), "hy");
        assert_eq!(code("kk-KZ"), "kk");
        assert_eq!(code("be-BY;q=1.0,ru;q=1.0"), "be");
        assert_eq!(code("zh-Hant-TW"), "en");
        assert_eq!(code("RU"), "ru");
    }

    #[test]
    fn bad_or_empty_headers_fall_back_to_english() {
        assert_eq!(code(""), "en");
        assert_eq!(code("*"), "en");
        assert_eq!(code("ru;q=0"), "en");
        assert_eq!(code("ru;q=abc,uk;q=0.1"), "uk");
        assert_eq!(code("ru;q=7"), "en");
        assert_eq!(code(";;;,,,=="), "en");
    }

    #[test]
    fn codes_round_trip() {
        for locale in Locale::all() {
            assert_eq!(Locale::from_code(locale.code()), Some(locale));
            assert!(!locale.native_name().is_empty());
        }
        assert_eq!(Locale::ENGLISH.code(), "en");
        assert_eq!(Locale::from_code("ru-RU"), None);
        assert_eq!(Locale::from_code("xx"), None);
    }
}
